/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel uevent monitor: a control thread listens on a NETLINK_KOBJECT_UEVENT socket and turns
 * PCI "add" and "remove" uevents into device events. With hotplug handling enabled, a removal
 * first lets the device's bus make the vanished device harmless (hot_unplug_handler), then the
 * application's callbacks run.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <linux/netlink.h>

#include <rte_common.h>
#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <bus_driver.h>

#include "eal_private.h"

/* Kernel uevents are multicast to group 1; udev re-broadcasts on other groups. */
#define UEVENT_KERNEL_GROUP 1
#define UEVENT_MSG_MAX 8192

static pthread_mutex_t monitor_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_t monitor_thread;
static int monitor_fd = -1;
static int monitor_stop_fd = -1;
static int hotplug_handling;

struct uevent {
	enum rte_dev_event_type type;
	char name[RTE_DEV_NAME_MAX_LEN];
};

/* "action@devpath\0KEY=value\0...": only PCI add/remove with a slot name are of interest. */
static int
uevent_parse(const char *buf, size_t len, struct uevent *ev)
{
	const char *p = buf, *end = buf + len;
	int action = -1, pci = 0;

	ev->name[0] = '\0';
	while (p < end) {
		size_t l = strnlen(p, (size_t)(end - p));

		if (strncmp(p, "ACTION=", 7) == 0) {
			if (strcmp(p + 7, "add") == 0)
				action = RTE_DEV_EVENT_ADD;
			else if (strcmp(p + 7, "remove") == 0)
				action = RTE_DEV_EVENT_REMOVE;
		} else if (strcmp(p, "SUBSYSTEM=pci") == 0) {
			pci = 1;
		} else if (strncmp(p, "PCI_SLOT_NAME=", 14) == 0) {
			rte_strlcpy(ev->name, p + 14, sizeof(ev->name));
		}
		p += l + 1;
	}
	if (action < 0 || !pci || ev->name[0] == '\0')
		return -1;
	ev->type = (enum rte_dev_event_type)action;
	return 0;
}

static int
cmp_dev_name(const struct rte_device *dev, const void *name)
{
	return strcmp(dev->name, name);
}

static void
uevent_handle(const struct uevent *ev)
{
	struct rte_device *dev;
	struct rte_bus *bus;

	if (ev->type == RTE_DEV_EVENT_REMOVE &&
			__atomic_load_n(&hotplug_handling, __ATOMIC_ACQUIRE)) {
		bus = rte_bus_find_by_name("pci");
		if (bus != NULL && bus->hot_unplug_handler != NULL) {
			eal_dev_hotplug_lock();
			dev = bus->find_device(NULL, cmp_dev_name, ev->name);
			if (dev != NULL && bus->hot_unplug_handler(dev) != 0)
				EAL_LOG(ERR, "bus pci could not handle the removal of %s\n",
					ev->name);
			eal_dev_hotplug_unlock();
		}
	}
	rte_dev_event_callback_process(ev->name, ev->type);
}

static void *
monitor_main(void *arg)
{
	struct pollfd fds[2];
	char *buf;

	RTE_SET_USED(arg);
	buf = malloc(UEVENT_MSG_MAX);
	if (buf == NULL)
		return NULL;
	fds[0].fd = monitor_fd;
	fds[0].events = POLLIN;
	fds[1].fd = monitor_stop_fd;
	fds[1].events = POLLIN;
	for (;;) {
		struct sockaddr_nl from;
		struct iovec iov = { .iov_base = buf, .iov_len = UEVENT_MSG_MAX - 1 };
		struct msghdr msg = {
			.msg_name = &from, .msg_namelen = sizeof(from),
			.msg_iov = &iov, .msg_iovlen = 1,
		};
		struct uevent ev;
		ssize_t n;

		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (fds[1].revents != 0)
			break;
		n = recvmsg(monitor_fd, &msg, 0);
		if (n <= 0)
			continue;
		/* Only the kernel (port id 0) is believed. */
		if (from.nl_pid != 0)
			continue;
		buf[n] = '\0';
		if (uevent_parse(buf, (size_t)n, &ev) == 0)
			uevent_handle(&ev);
	}
	free(buf);
	return NULL;
}

int
rte_dev_event_monitor_start(void)
{
	struct sockaddr_nl addr = {
		.nl_family = AF_NETLINK, .nl_groups = UEVENT_KERNEL_GROUP,
	};
	int ret = 0;

	pthread_mutex_lock(&monitor_lock);
	if (monitor_fd >= 0)
		goto out;
	monitor_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
		NETLINK_KOBJECT_UEVENT);
	if (monitor_fd < 0 || bind(monitor_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		ret = -errno;
		EAL_LOG(ERR, "cannot listen to kernel uevents: %s\n", strerror(errno));
		goto fail;
	}
	monitor_stop_fd = eventfd(0, EFD_CLOEXEC);
	if (monitor_stop_fd < 0) {
		ret = -errno;
		EAL_LOG(ERR, "cannot create the uevent monitor's eventfd: %s\n", strerror(errno));
		goto fail;
	}
	/* A control thread: named, and kept off the lcores' CPUs. */
	ret = rte_ctrl_thread_create(&monitor_thread, "dpdk-uevent", NULL, monitor_main, NULL);
	if (ret != 0) {
		ret = ret < 0 ? ret : -ret;
		EAL_LOG(ERR, "cannot start the uevent monitor thread: %s\n", strerror(-ret));
		goto fail;
	}
	goto out;
fail:
	if (monitor_stop_fd >= 0)
		close(monitor_stop_fd);
	if (monitor_fd >= 0)
		close(monitor_fd);
	monitor_fd = -1;
	monitor_stop_fd = -1;
out:
	pthread_mutex_unlock(&monitor_lock);
	return ret;
}

int
rte_dev_event_monitor_stop(void)
{
	uint64_t one = 1;

	pthread_mutex_lock(&monitor_lock);
	if (monitor_fd < 0) {
		pthread_mutex_unlock(&monitor_lock);
		return 0;
	}
	if (pthread_equal(pthread_self(), monitor_thread)) {
		pthread_mutex_unlock(&monitor_lock);
		EAL_LOG(ERR, "the uevent monitor cannot be stopped from its own callbacks\n");
		return -EDEADLK;
	}
	if (write(monitor_stop_fd, &one, sizeof(one)) != sizeof(one))
		EAL_LOG(ERR, "cannot wake the uevent monitor: %s\n", strerror(errno));
	pthread_join(monitor_thread, NULL);
	close(monitor_stop_fd);
	close(monitor_fd);
	monitor_fd = -1;
	monitor_stop_fd = -1;
	pthread_mutex_unlock(&monitor_lock);
	return 0;
}

int
rte_dev_hotplug_handle_enable(void)
{
	__atomic_store_n(&hotplug_handling, 1, __ATOMIC_RELEASE);
	return 0;
}

int
rte_dev_hotplug_handle_disable(void)
{
	__atomic_store_n(&hotplug_handling, 0, __ATOMIC_RELEASE);
	return 0;
}

void
eal_dev_monitor_cleanup(void)
{
	rte_dev_event_monitor_stop();
	rte_dev_hotplug_handle_disable();
}
