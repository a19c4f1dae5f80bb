/* SPDX-License-Identifier: BSD-3-Clause */
/* AF_PACKET sockets with TPACKET_V2 rings, and the interface ioctls the port needs. */
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>

#include <rte_malloc.h>
#include <rte_string_fns.h>

#include "afp_private.h"

static int
set_opt(int fd, int opt, int val, const char *name, const char *devname)
{
	if (setsockopt(fd, SOL_PACKET, opt, &val, sizeof(val)) < 0) {
		int err = errno;

		AFP_LOG(ERR, "%s: cannot set %s on the AF_PACKET socket: %s", devname, name,
			strerror(err));
		return -err;
	}
	return 0;
}

/*
 * Put the socket in the port's fanout group, so the kernel spreads flows over the queue pairs
 * by hash. The first socket asks the kernel for an id no other group uses (*group < 0), the
 * others join it: ids chosen here could collide with another process's group and mix ports.
 */
static int
join_fanout(int fd, int *group, const char *devname)
{
	uint32_t mode = PACKET_FANOUT_HASH | PACKET_FANOUT_FLAG_DEFRAG |
		PACKET_FANOUT_FLAG_ROLLOVER;
	/* Mode and flags in the upper 16 bits, the group id in the lower. */
	uint32_t req = *group < 0 ? (mode | PACKET_FANOUT_FLAG_UNIQUEID) << 16 :
		(uint32_t)*group | mode << 16;
	int arg;
	socklen_t len = sizeof(arg);
	int ret;

	memcpy(&arg, &req, sizeof(arg));
	ret = set_opt(fd, PACKET_FANOUT, arg, "PACKET_FANOUT", devname);
	if (ret < 0 || *group >= 0)
		return ret;
	if (getsockopt(fd, SOL_PACKET, PACKET_FANOUT, &arg, &len) < 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: cannot read the fanout group id: %s", devname, strerror(-ret));
		return ret;
	}
	*group = arg & 0xffff;
	return 0;
}

static int
ring_init(struct afp_ring *r, uint8_t *base, const struct afp_args *a)
{
	uint32_t per_block = a->blocksz / a->framesz;
	uint32_t i;

	r->frames = rte_zmalloc("afp_ring", sizeof(*r->frames) * a->framecnt, 0);
	if (r->frames == NULL)
		return -ENOMEM;
	for (i = 0; i < a->framecnt; i++)
		r->frames[i] = base + (size_t)(i / per_block) * a->blocksz +
			(size_t)(i % per_block) * a->framesz;
	r->nb_frames = a->framecnt;
	r->next = 0;
	return 0;
}

static void
ring_free(struct afp_ring *r)
{
	rte_free(r->frames);
	r->frames = NULL;
	r->nb_frames = 0;
	r->next = 0;
}

int
afp_qpair_open(struct afp_qpair *qp, struct afp_rx_queue *rxq, struct afp_tx_queue *txq,
		const struct afp_args *a, int ifindex, int *fanout_group, const char *devname)
{
	struct tpacket_req req = {
		.tp_block_size = a->blocksz,
		.tp_block_nr = a->framecnt / (a->blocksz / a->framesz),
		.tp_frame_size = a->framesz,
		.tp_frame_nr = a->framecnt,
	};
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = ifindex,
	};
	size_t ring_len = (size_t)req.tp_block_size * req.tp_block_nr;
	int ret;

	qp->fd = -1;
	qp->map = NULL;
	/* Protocol 0: nothing is queued to the socket before its rings exist and it is bound. */
	qp->fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
	if (qp->fd < 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: cannot open an AF_PACKET socket: %s%s", devname,
			strerror(-ret), ret == -EPERM ? " (needs root or CAP_NET_RAW)" : "");
		return ret;
	}
	ret = set_opt(qp->fd, PACKET_VERSION, TPACKET_V2, "PACKET_VERSION", devname);
	/* A malformed tx frame is skipped (marked TP_STATUS_WRONG_FORMAT), not a stuck ring. */
	if (ret == 0)
		ret = set_opt(qp->fd, PACKET_LOSS, 1, "PACKET_LOSS", devname);
	if (ret == 0 && a->qdisc_bypass)
		ret = set_opt(qp->fd, PACKET_QDISC_BYPASS, 1, "PACKET_QDISC_BYPASS", devname);
	if (ret < 0)
		goto fail;
	if (setsockopt(qp->fd, SOL_PACKET, PACKET_RX_RING, &req, sizeof(req)) < 0 ||
			setsockopt(qp->fd, SOL_PACKET, PACKET_TX_RING, &req, sizeof(req)) < 0) {
		ret = -errno;
		AFP_LOG(ERR,
			"%s: kernel refused rings of %u frames of %u bytes in blocks of %u: %s",
			devname, a->framecnt, a->framesz, a->blocksz, strerror(-ret));
		goto fail;
	}
	qp->map_len = 2 * ring_len;
	qp->map = mmap(NULL, qp->map_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
		qp->fd, 0);
	if (qp->map == MAP_FAILED) {
		ret = -errno;
		qp->map = NULL;
		AFP_LOG(ERR, "%s: cannot map the rings (%zu bytes): %s", devname, qp->map_len,
			strerror(-ret));
		goto fail;
	}
	if (bind(qp->fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: cannot bind to %s: %s", devname, a->iface, strerror(-ret));
		goto fail;
	}
	if (fanout_group != NULL) {
		ret = join_fanout(qp->fd, fanout_group, devname);
		if (ret < 0)
			goto fail;
	}
	/* The kernel lays the rx ring first and the tx ring right after it. */
	if (ring_init(&rxq->ring, qp->map, a) < 0 ||
			ring_init(&txq->ring, (uint8_t *)qp->map + ring_len, a) < 0) {
		AFP_LOG(ERR, "%s: no memory for the ring tables", devname);
		ret = -ENOMEM;
		goto fail;
	}
	rxq->fd = qp->fd;
	txq->fd = qp->fd;
	txq->room = a->framesz - (TPACKET2_HDRLEN - sizeof(struct sockaddr_ll));
	return 0;
fail:
	afp_qpair_close(qp, rxq, txq);
	return ret;
}

void
afp_qpair_close(struct afp_qpair *qp, struct afp_rx_queue *rxq, struct afp_tx_queue *txq)
{
	ring_free(&rxq->ring);
	ring_free(&txq->ring);
	if (qp->map != NULL) {
		munmap(qp->map, qp->map_len);
		qp->map = NULL;
	}
	if (qp->fd >= 0) {
		close(qp->fd);
		qp->fd = -1;
	}
	rxq->fd = -1;
	txq->fd = -1;
}

/* ---- interface ioctls ---- */

static int
if_ioctl(const char *iface, unsigned long req, struct ifreq *ifr)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int ret = 0;

	if (fd < 0)
		return -errno;
	rte_strlcpy(ifr->ifr_name, iface, sizeof(ifr->ifr_name));
	if (ioctl(fd, req, ifr) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

int
afp_if_get_flags(const char *iface, short *flags)
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
afp_if_get_mac(const char *iface, struct rte_ether_addr *mac)
{
	struct ifreq ifr;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	ret = if_ioctl(iface, SIOCGIFHWADDR, &ifr);
	if (ret == 0)
		memcpy(mac->addr_bytes, ifr.ifr_hwaddr.sa_data, RTE_ETHER_ADDR_LEN);
	return ret;
}

int
afp_if_set_mac(const char *iface, const struct rte_ether_addr *mac)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, mac->addr_bytes, RTE_ETHER_ADDR_LEN);
	return if_ioctl(iface, SIOCSIFHWADDR, &ifr);
}

int
afp_if_get_mtu(const char *iface, int *mtu)
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
afp_if_set_mtu(const char *iface, int mtu)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_mtu = mtu;
	return if_ioctl(iface, SIOCSIFMTU, &ifr);
}

uint32_t
afp_if_speed(const char *iface)
{
	struct ethtool_cmd cmd = { .cmd = ETHTOOL_GSET };
	struct ifreq ifr;
	uint32_t speed;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_data = (void *)&cmd;
	if (if_ioctl(iface, SIOCETHTOOL, &ifr) < 0)
		return 0;
	speed = ethtool_cmd_speed(&cmd);
	return speed == (uint32_t)SPEED_UNKNOWN ? 0 : speed;
}
