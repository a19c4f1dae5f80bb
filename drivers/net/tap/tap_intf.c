/* SPDX-License-Identifier: BSD-3-Clause */
/* Queues of the kernel tap or tun interface on /dev/net/tun, and the interface ioctls. */
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <linux/if_tun.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>

#include <rte_string_fns.h>

#include "tap_private.h"

#define TUN_PATH "/dev/net/tun"

/* An ioctl on an interface through a throwaway datagram socket. */
static int
if_ioctl(const char *iface, unsigned long req, struct ifreq *ifr)
{
	int fd, ret = 0;

	rte_strlcpy(ifr->ifr_name, iface, sizeof(ifr->ifr_name));
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, req, ifr) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

int
tap_if_get_flags(const char *iface, short *flags)
{
	struct ifreq ifr;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	ret = if_ioctl(iface, SIOCGIFFLAGS, &ifr);
	if (ret == 0)
		*flags = ifr.ifr_flags;
	return ret;
}

int
tap_if_change_flags(const char *iface, short set, short clear)
{
	struct ifreq ifr;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	ret = if_ioctl(iface, SIOCGIFFLAGS, &ifr);
	if (ret < 0)
		return ret;
	if ((ifr.ifr_flags & set) == set && (ifr.ifr_flags & clear) == 0)
		return 0;
	ifr.ifr_flags = (short)((ifr.ifr_flags | set) & ~clear);
	return if_ioctl(iface, SIOCSIFFLAGS, &ifr);
}

int
tap_if_set_mac(const char *iface, const struct rte_ether_addr *mac)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, mac->addr_bytes, RTE_ETHER_ADDR_LEN);
	return if_ioctl(iface, SIOCSIFHWADDR, &ifr);
}

int
tap_if_get_mtu(const char *iface, int *mtu)
{
	struct ifreq ifr;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	ret = if_ioctl(iface, SIOCGIFMTU, &ifr);
	if (ret == 0)
		*mtu = ifr.ifr_mtu;
	return ret;
}

int
tap_if_set_mtu(const char *iface, int mtu)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_mtu = mtu;
	return if_ioctl(iface, SIOCSIFMTU, &ifr);
}

int
tap_if_driver(const char *iface, char *driver, size_t len)
{
	struct ethtool_drvinfo info;
	struct ifreq ifr;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	memset(&info, 0, sizeof(info));
	info.cmd = ETHTOOL_GDRVINFO;
	ifr.ifr_data = (void *)&info;
	ret = if_ioctl(iface, SIOCETHTOOL, &ifr);
	if (ret == 0)
		rte_strlcpy(driver, info.driver, len);
	return ret;
}

/*
 * An interface of that name that exists already may only be a persistent tap nobody holds:
 * joining another process's interface, or a tun one, would mix two users' traffic.
 * 0 when the name is free, 1 when it is such a tap, or negative errno after a log line.
 */
static int
check_existing(const char *name, const char *kind, const char *devname)
{
	char driver[32];

	if (strchr(name, '%') != NULL || if_nametoindex(name) == 0)
		return 0;
	if (tap_if_driver(name, driver, sizeof(driver)) < 0 || strcmp(driver, "tun") != 0) {
		TAP_LOG(ERR, "%s: interface %s already exists and is not a %s interface",
			devname, name, kind);
		return -EEXIST;
	}
	return 1;
}

int
tap_open_queue(char *name, int tun, int keepalive, int *persistent, const char *devname)
{
	const char *kind = tun ? "tun" : "tap";
	struct ifreq ifr;
	int fd, existed = 0, err;

	/* Queues after the keep-alive one join the port's own interface. */
	if (keepalive) {
		existed = check_existing(name, kind, devname);
		if (existed < 0)
			return existed;
	}
	fd = open(TUN_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		TAP_LOG(ERR, "%s: cannot open %s: %s", devname, TUN_PATH, strerror(err));
		return -err;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = (tun ? IFF_TUN : IFF_TAP) | IFF_NO_PI | IFF_MULTI_QUEUE;
	/* Created, not joined: someone may take the name between the check and now. */
	if (keepalive && !existed)
		ifr.ifr_flags |= IFF_TUN_EXCL;
	rte_strlcpy(ifr.ifr_name, name, sizeof(ifr.ifr_name));
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		err = errno;
		if (err == EPERM)
			TAP_LOG(ERR, "%s: cannot create %s interface %s: %s (needs root or "
				"CAP_NET_ADMIN)", devname, kind, name, strerror(err));
		else if (err == EBUSY)
			TAP_LOG(ERR, "%s: %s interface %s is already in use", devname, kind, name);
		else if (err == EINVAL && existed)
			TAP_LOG(ERR, "%s: interface %s already exists and is not a multi-queue "
				"%s interface", devname, name, kind);
		else
			TAP_LOG(ERR, "%s: cannot create %s interface %s: %s", devname, kind, name,
				strerror(err));
		goto fail;
	}
	/* The interface as created, and its flags, IFF_PERSIST among them. */
	if (ioctl(fd, TUNGETIFF, &ifr) < 0) {
		err = errno;
		TAP_LOG(ERR, "%s: cannot read back %s interface %s: %s", devname, kind, name,
			strerror(err));
		goto fail;
	}
	if (existed && !(ifr.ifr_flags & IFF_PERSIST)) {
		/* Not persistent yet there before us: some other descriptor keeps it alive. */
		err = EBUSY;
		TAP_LOG(ERR, "%s: %s interface %s is already in use", devname, kind, name);
		goto fail;
	}
	if (keepalive) {
		struct ifreq q;

		memset(&q, 0, sizeof(q));
		q.ifr_flags = IFF_DETACH_QUEUE;
		if (ioctl(fd, TUNSETQUEUE, &q) < 0) {
			err = errno;
			TAP_LOG(ERR, "%s: cannot detach the keep-alive queue of %s: %s", devname,
				name, strerror(err));
			goto fail;
		}
	}
	rte_strlcpy(name, ifr.ifr_name, IF_NAMESIZE);
	if (persistent != NULL)
		*persistent = existed;
	return fd;
fail:
	close(fd);
	return -err;
}
