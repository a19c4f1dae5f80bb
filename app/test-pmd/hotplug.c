/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * --hot-plug: follow the kernel's device events. A device that disappears has its
 * ports stopped, closed and detached by the main thread (forwarding is stopped
 * around it when it used them); the event thread only queues the name, because
 * removing a device from inside its own event callback is not allowed.
 */
#include <pthread.h>
#include <string.h>

#include <rte_dev.h>

#include "testpmd.h"

#define MAX_PENDING 32

static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;
static char pending[MAX_PENDING][RTE_DEV_NAME_MAX_LEN];
static unsigned int nb_pending;
static bool monitoring;

static void
dev_event_callback(const char *name, enum rte_dev_event_type type, void *arg __rte_unused)
{
	if (type == RTE_DEV_EVENT_ADD) {
		printf("The device: %s has been added!\n", name);
		return;
	}
	if (type != RTE_DEV_EVENT_REMOVE)
		return;
	printf("The device: %s has been removed!\n", name);
	pthread_mutex_lock(&pending_lock);
	if (nb_pending < MAX_PENDING)
		snprintf(pending[nb_pending++], RTE_DEV_NAME_MAX_LEN, "%s", name);
	else
		fprintf(stderr, "Too many device removals at once: %s is not handled\n", name);
	pthread_mutex_unlock(&pending_lock);
}

int
hotplug_monitor_start(void)
{
	int ret;

	ret = rte_dev_hotplug_handle_enable();
	if (ret < 0) {
		fprintf(stderr, "Fail to enable hotplug handling: %s\n", rte_strerror(-ret));
		return ret;
	}
	ret = rte_dev_event_monitor_start();
	if (ret < 0) {
		fprintf(stderr, "Fail to start device event monitoring: %s\n", rte_strerror(-ret));
		rte_dev_hotplug_handle_disable();
		return ret;
	}
	ret = rte_dev_event_callback_register(NULL, dev_event_callback, NULL);
	if (ret < 0) {
		fprintf(stderr, "Fail to register device event callback: %s\n", rte_strerror(-ret));
		rte_dev_event_monitor_stop();
		rte_dev_hotplug_handle_disable();
		return ret;
	}
	monitoring = true;
	return 0;
}

void
hotplug_monitor_stop(void)
{
	if (!monitoring)
		return;
	rte_dev_event_callback_unregister(NULL, dev_event_callback, NULL);
	rte_dev_event_monitor_stop();
	rte_dev_hotplug_handle_disable();
	monitoring = false;
}

static void
remove_device_ports(const char *name)
{
	bool restart = false;
	portid_t pi, first = RTE_MAX_ETHPORTS;

	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++) {
		if (!ports[pi].in_use || ports[pi].device == NULL ||
		    strcmp(rte_dev_name(ports[pi].device), name) != 0)
			continue;
		if (first == RTE_MAX_ETHPORTS)
			first = pi;
		if (!test_done && port_is_forwarding(pi))
			restart = true;
	}
	if (first == RTE_MAX_ETHPORTS)
		return;
	if (restart)
		stop_packet_forwarding();
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		if (ports[pi].in_use && ports[pi].device == ports[first].device &&
		    ports[pi].port_status == RTE_PORT_STARTED)
			stop_port(pi);
	detach_port_device(first);
	if (restart && count_ports() > 0)
		start_packet_forwarding(0);
}

/* Main thread: handle the removals the event thread queued. */
void
hotplug_poll(void)
{
	char name[RTE_DEV_NAME_MAX_LEN];

	if (!monitoring)
		return;
	for (;;) {
		pthread_mutex_lock(&pending_lock);
		if (nb_pending == 0) {
			pthread_mutex_unlock(&pending_lock);
			return;
		}
		memcpy(name, pending[0], sizeof(name));
		memmove(pending[0], pending[1], (--nb_pending) * sizeof(pending[0]));
		pthread_mutex_unlock(&pending_lock);
		remove_device_ports(name);
		fflush(stdout);
	}
}
