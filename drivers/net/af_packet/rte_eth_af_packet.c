/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_packet: a port on a Linux network interface through AF_PACKET sockets whose rx and
 * tx rings (TPACKET_V2) are mapped into the process. One socket per queue pair; with several,
 * the sockets form a hash fanout group so the kernel spreads flows over the queues. Sockets
 * and rings are made at probe, so a bad interface or geometry fails the attach, and released
 * at close or remove, so a detach leaves no descriptor and no mapping behind.
 */
#include <string.h>
#include <errno.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/if_packet.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_string_fns.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

#include "afp_private.h"

RTE_LOG_REGISTER_DEFAULT(afp_logtype, NOTICE);

struct pmd_internals {
	struct afp_args args;
	int ifindex;
	uint8_t started;
	uint8_t promisc;              /* PACKET_MR_PROMISC membership held */
	uint8_t allmulti;             /* PACKET_MR_ALLMULTI membership held */
	struct afp_qpair qp[RTE_PMD_AF_PACKET_MAX_RINGS];
	struct afp_rx_queue rxq[RTE_PMD_AF_PACKET_MAX_RINGS];
	struct afp_tx_queue txq[RTE_PMD_AF_PACKET_MAX_RINGS];
	struct rte_ether_addr mac;
};

/* Bytes of a frame before the packet, in a tx slot; DPDK bounds the MTU by the rest. */
static unsigned int
max_mtu(const struct pmd_internals *in)
{
	return in->args.framesz - TPACKET2_HDRLEN;
}

static void
close_qpairs(struct pmd_internals *in)
{
	unsigned int i;

	for (i = 0; i < RTE_PMD_AF_PACKET_MAX_RINGS; i++)
		afp_qpair_close(&in->qp[i], &in->rxq[i], &in->txq[i]);
	in->promisc = 0;
	in->allmulti = 0;
}

static int
open_qpairs(struct pmd_internals *in, const char *devname)
{
	int group = -1;
	unsigned int i;
	int ret;

	for (i = 0; i < RTE_PMD_AF_PACKET_MAX_RINGS; i++) {
		in->qp[i].fd = -1;
		in->rxq[i].fd = -1;
		in->txq[i].fd = -1;
	}
	for (i = 0; i < in->args.qpairs; i++) {
		ret = afp_qpair_open(&in->qp[i], &in->rxq[i], &in->txq[i], &in->args, in->ifindex,
			in->args.qpairs > 1 ? &group : NULL, devname);
		if (ret < 0) {
			close_qpairs(in);
			return ret;
		}
	}
	return 0;
}

/* ---- control path ---- */

/* A closed port may be configured again: its sockets are made anew then. */
static int
afp_dev_configure(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;

	if (in->qp[0].fd >= 0)
		return 0;
	return open_qpairs(in, dev->data->name);
}

static int
afp_dev_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct pmd_internals *in = dev->data->dev_private;

	info->if_index = (unsigned int)in->ifindex;
	info->max_mac_addrs = 1;
	info->max_rx_queues = (uint16_t)in->args.qpairs;
	info->max_tx_queues = (uint16_t)in->args.qpairs;
	info->min_rx_bufsize = 0;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = (uint16_t)RTE_MIN(max_mtu(in), (unsigned int)UINT16_MAX - 18);
	info->max_rx_pktlen = info->max_mtu + RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_VLAN_INSERT;
	return 0;
}

static int
afp_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_NONE,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_status = RTE_ETH_LINK_DOWN,
		.link_autoneg = RTE_ETH_LINK_FIXED,
	};
	short flags;

	RTE_SET_USED(wait_to_complete);
	/* The port is up while started and the kernel says the interface carries traffic. */
	if (in->started && afp_if_get_flags(in->args.iface, &flags) == 0 &&
			(flags & IFF_UP) && (flags & IFF_RUNNING)) {
		uint32_t speed = afp_if_speed(in->args.iface);

		link.link_status = RTE_ETH_LINK_UP;
		link.link_speed = speed != 0 ? speed : RTE_ETH_SPEED_NUM_10G;
	}
	return rte_eth_linkstatus_set(dev, &link);
}

static int
afp_dev_start(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues; i++)
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	in->started = 1;
	afp_link_update(dev, 0);
	return 0;
}

static int
afp_dev_stop(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues; i++)
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	in->started = 0;
	afp_link_update(dev, 0);
	return 0;
}

static int
afp_dev_close(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;

	if (in != NULL) {
		in->started = 0;
		close_qpairs(in);
	}
	return 0;
}

/*
 * Promiscuous and all-multicast modes are memberships of the first socket rather than
 * interface flags: the kernel counts them, so other users of the interface keep their own
 * setting, and drops them with the socket, so a port that dies leaves the interface as it was.
 */
static int
membership(struct rte_eth_dev *dev, uint8_t *held, unsigned short type, int on)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct packet_mreq mr = { .mr_ifindex = in->ifindex, .mr_type = type };
	int opt = on ? PACKET_ADD_MEMBERSHIP : PACKET_DROP_MEMBERSHIP;

	if (*held == on)
		return 0;
	if (setsockopt(in->qp[0].fd, SOL_PACKET, opt, &mr, sizeof(mr)) < 0) {
		int err = errno;

		AFP_LOG(ERR, "%s: cannot turn %s %s on %s: %s", dev->data->name,
			type == PACKET_MR_PROMISC ? "promiscuous mode" : "all-multicast mode",
			on ? "on" : "off", in->args.iface, strerror(err));
		return -err;
	}
	*held = (uint8_t)on;
	return 0;
}

static int
afp_promisc_enable(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;

	return membership(dev, &in->promisc, PACKET_MR_PROMISC, 1);
}

static int
afp_promisc_disable(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;

	return membership(dev, &in->promisc, PACKET_MR_PROMISC, 0);
}

static int
afp_allmulti_enable(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;

	return membership(dev, &in->allmulti, PACKET_MR_ALLMULTI, 1);
}

static int
afp_allmulti_disable(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;

	return membership(dev, &in->allmulti, PACKET_MR_ALLMULTI, 0);
}

static int
afp_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct pmd_internals *in = dev->data->dev_private;
	int ret;

	if (mtu > max_mtu(in)) {
		AFP_LOG(ERR, "%s: MTU %u does not fit in frames of %u bytes (at most %u)",
			dev->data->name, mtu, in->args.framesz, max_mtu(in));
		return -EINVAL;
	}
	ret = afp_if_set_mtu(in->args.iface, mtu);
	if (ret < 0) {
		AFP_LOG(ERR, "%s: cannot set the MTU of %s to %u: %s", dev->data->name,
			in->args.iface, mtu, strerror(-ret));
		return -EINVAL;
	}
	return 0;
}

static int
afp_mac_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct pmd_internals *in = dev->data->dev_private;
	int ret = afp_if_set_mac(in->args.iface, addr);

	if (ret < 0) {
		AFP_LOG(ERR, "%s: cannot set the MAC address of %s: %s", dev->data->name,
			in->args.iface, strerror(-ret));
		return -EINVAL;
	}
	rte_ether_addr_copy(addr, &in->mac);
	return 0;
}

static int
afp_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct afp_rx_queue *q = &in->rxq[qid];
	uint64_t offloads = dev->data->dev_conf.rxmode.offloads |
		(conf != NULL ? conf->offloads : 0);
	uint32_t room = rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM;
	uint32_t frame = in->args.framesz - (TPACKET2_HDRLEN - sizeof(struct sockaddr_ll));

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	/* The ring's frames are the descriptors: without scatter each must fit in one mbuf. */
	if (!(offloads & RTE_ETH_RX_OFFLOAD_SCATTER) && frame > room) {
		AFP_LOG(ERR, "%s: rx queue %u: frames of %u bytes do not fit in the %u-byte mbufs "
			"of pool %s (enable scatter or lower framesz)",
			dev->data->name, qid, frame, room, mp->name);
		return -ENOMEM;
	}
	q->mb_pool = mp;
	q->buf_len = (uint16_t)room;
	q->port_id = dev->data->port_id;
	q->scatter = (offloads & RTE_ETH_RX_OFFLOAD_SCATTER) != 0;
	q->vlan_strip = (offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP) != 0;
	dev->data->rx_queues[qid] = q;
	return 0;
}

static int
afp_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct pmd_internals *in = dev->data->dev_private;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	RTE_SET_USED(conf);
	dev->data->tx_queues[qid] = &in->txq[qid];
	return 0;
}

/* Queues live in the port's private data with their sockets: nothing to free per queue. */
static void
afp_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(qid);
}

/* Kernel drops since the last read: reading PACKET_STATISTICS zeroes them. */
static uint64_t
kernel_drops(int fd)
{
	struct tpacket_stats st;
	socklen_t len = sizeof(st);

	if (fd < 0 || getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) < 0)
		return 0;
	return st.tp_drops;
}

/*
 * The counters of the shared queue data, and with kernel the drops the primary's sockets
 * report since the last reading (a secondary has no socket: its descriptor numbers would name
 * files of its own).
 */
static int
stats_collect(struct rte_eth_dev *dev, struct rte_eth_stats *st, int kernel)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < in->args.qpairs; i++) {
		struct afp_rx_queue *rq = &in->rxq[i];
		const struct afp_tx_queue *tq = &in->txq[i];

		if (kernel)
			rq->imissed += kernel_drops(rq->fd);
		st->ipackets += rq->stats.pkts;
		st->ibytes += rq->stats.bytes;
		st->ierrors += rq->stats.errs;
		st->imissed += rq->imissed;
		st->rx_nombuf += rq->nombuf;
		st->opackets += tq->stats.pkts;
		st->obytes += tq->stats.bytes;
		st->oerrors += tq->stats.errs;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[i] = rq->stats.pkts;
			st->q_ibytes[i] = rq->stats.bytes;
			st->q_opackets[i] = tq->stats.pkts;
			st->q_obytes[i] = tq->stats.bytes;
			st->q_errors[i] = tq->stats.errs;
		}
	}
	return 0;
}

static int
afp_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	return stats_collect(dev, st, 1);
}

static int
afp_stats_get_secondary(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	return stats_collect(dev, st, 0);
}

static int
afp_stats_reset(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < in->args.qpairs; i++) {
		kernel_drops(in->rxq[i].fd);
		memset(&in->rxq[i].stats, 0, sizeof(in->rxq[i].stats));
		in->rxq[i].nombuf = 0;
		in->rxq[i].imissed = 0;
		memset(&in->txq[i].stats, 0, sizeof(in->txq[i].stats));
	}
	return 0;
}

static const struct eth_dev_ops afp_ops = {
	.dev_configure = afp_dev_configure,
	.dev_start = afp_dev_start,
	.dev_stop = afp_dev_stop,
	.dev_close = afp_dev_close,
	.dev_infos_get = afp_dev_info,
	.link_update = afp_link_update,
	.promiscuous_enable = afp_promisc_enable,
	.promiscuous_disable = afp_promisc_disable,
	.allmulticast_enable = afp_allmulti_enable,
	.allmulticast_disable = afp_allmulti_disable,
	.mac_addr_set = afp_mac_set,
	.mtu_set = afp_mtu_set,
	.rx_queue_setup = afp_rx_queue_setup,
	.tx_queue_setup = afp_tx_queue_setup,
	.rx_queue_release = afp_queue_release,
	.tx_queue_release = afp_queue_release,
	.stats_get = afp_stats_get,
	.stats_reset = afp_stats_reset,
};

/*
 * A secondary process gets the control path only: information, link and the counters of the
 * shared queue data. The sockets and their mapped rings are the primary's (a mapping of
 * another process cannot be used here), so the secondary's bursts move nothing and return 0.
 */
/* Stopping belongs to the primary: refused, so the shared port is not marked stopped. */
static int
afp_secondary_stop(struct rte_eth_dev *dev)
{
	AFP_LOG(ERR, "%s: only the primary process can stop the port", dev->data->name);
	return -ENOTSUP;
}

static const struct eth_dev_ops afp_secondary_ops = {
	.dev_stop = afp_secondary_stop,
	.dev_infos_get = afp_dev_info,
	.link_update = afp_link_update,
	.stats_get = afp_stats_get_secondary,
};

static int
afp_probe_secondary(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(name);

	if (dev == NULL) {
		AFP_LOG(ERR, "%s: the primary process has no such port", name);
		return -ENODEV;
	}
	dev->device = &vdev->device;
	dev->dev_ops = &afp_secondary_ops;
	dev->rx_pkt_burst = rte_eth_pkt_burst_dummy;
	dev->tx_pkt_burst = rte_eth_pkt_burst_dummy;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
afp_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct pmd_internals *in;
	struct rte_eth_dev *dev;
	struct afp_args args;
	unsigned int ifindex;
	int ret, mtu;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return afp_probe_secondary(vdev);
	ret = afp_args_parse(name, rte_vdev_device_args(vdev), &args);
	if (ret < 0)
		return ret;
	ifindex = if_nametoindex(args.iface);
	if (ifindex == 0) {
		AFP_LOG(ERR, "%s: no network interface named %s", name, args.iface);
		return -ENODEV;
	}
	dev = rte_eth_vdev_allocate(vdev, sizeof(*in));
	if (dev == NULL) {
		AFP_LOG(ERR, "%s: cannot allocate a port: %s", name, rte_strerror(rte_errno));
		return -rte_errno;
	}
	in = dev->data->dev_private;
	in->args = args;
	in->ifindex = (int)ifindex;
	ret = open_qpairs(in, name);
	if (ret < 0)
		goto fail;
	ret = afp_if_get_mac(args.iface, &in->mac);
	if (ret < 0) {
		AFP_LOG(ERR, "%s: cannot read the MAC address of %s: %s", name, args.iface,
			strerror(-ret));
		close_qpairs(in);
		goto fail;
	}
	/* Until the application configures its own, the port reports the interface's MTU. */
	if (afp_if_get_mtu(args.iface, &mtu) == 0 && mtu > 0 && mtu <= UINT16_MAX)
		dev->data->mtu = (uint16_t)mtu;
	dev->data->mac_addrs = &in->mac;
	dev->data->dev_flags |= RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS;
	dev->dev_ops = &afp_ops;
	dev->rx_pkt_burst = afp_rx_burst;
	dev->tx_pkt_burst = afp_tx_burst;
	afp_link_update(dev, 0);
	rte_eth_dev_probing_finish(dev);
	AFP_LOG(DEBUG, "%s: port %u on %s, %u queue pairs of %u frames of %u bytes", name,
		dev->data->port_id, args.iface, args.qpairs, args.framecnt, args.framesz);
	return 0;
fail:
	rte_eth_dev_release_port(dev);
	return ret;
}

static int
afp_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	struct pmd_internals *in;

	if (dev == NULL)
		return 0;
	/* A secondary only forgets its view: the port and its sockets stay the primary's. */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return rte_eth_dev_release_port(dev);
	/* Closing stops the port if needed and releases the sockets (afp_dev_close). */
	rte_eth_dev_close(dev->data->port_id);
	in = dev->data->dev_private;
	if (in != NULL)
		close_qpairs(in);
	/* mac_addrs points into the private data: release must not free it. */
	dev->data->mac_addrs = NULL;
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver pmd_af_packet_drv = {
	.probe = afp_probe,
	.remove = afp_remove,
};

RTE_PMD_REGISTER_VDEV(net_af_packet, pmd_af_packet_drv);
RTE_PMD_REGISTER_ALIAS(net_af_packet, eth_af_packet);
RTE_PMD_REGISTER_PARAM_STRING(net_af_packet,
	"iface=<string> "
	"qpairs=<int> "
	"blocksz=<int> "
	"framesz=<int> "
	"framecnt=<int> "
	"qdisc_bypass=<0|1>");
