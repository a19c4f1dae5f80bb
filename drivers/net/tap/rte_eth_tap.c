/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap: a port whose other end is a kernel tap interface (/dev/net/tun, IFF_TAP with
 * IFF_MULTI_QUEUE and IFF_NO_PI). What the application sends, the kernel receives on the
 * interface, and what the kernel sends through the interface, the application receives.
 *
 * The port holds a keep-alive descriptor, detached from the data path, from probe to close:
 * the interface exists as long as the port does. Each queue index that is set up gets a
 * descriptor of its own, a queue of the interface; the kernel spreads flows over them. Closing
 * every descriptor removes the interface (unless it is a persistent one the port found), so a
 * close or a detach leaves neither descriptor nor interface behind.
 *
 * net_tun is the same over a tun interface (IFF_TUN): packets are IP, without Ethernet header,
 * and the port has no MAC address.
 *
 * A secondary process attaches to the primary's port and asks the primary, over the
 * multi-process channel, for duplicates of the queue descriptors (SCM_RIGHTS, at most
 * RTE_MP_MAX_FD_NUM a message, so several messages cover the queue indexes). With them it
 * sends and receives on the same kernel queues. It holds the descriptors of the queues the
 * primary had when it attached: like its fast-path view of the queue arrays, they do not follow
 * a reconfiguration, after which a secondary attaches the port again. When the primary closes a
 * port a secondary synchronised, it tells the secondaries, which close their duplicates: else
 * they would keep the kernel queues, and the interface, alive.
 */
#include <string.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <net/if.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_string_fns.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

#include "tap_private.h"

RTE_LOG_REGISTER_DEFAULT(tap_logtype, NOTICE);

/* The kernel's limit for a tap interface: 65535 less the Ethernet header. */
#define TAP_MAX_MTU (UINT16_MAX - RTE_ETHER_HDR_LEN)

struct pmd_internals {
	struct tap_args args;
	char name[IF_NAMESIZE];       /* the interface, as the kernel named it */
	int ka_fd;                    /* keep-alive descriptor, -1 once closed */
	int persistent;               /* a persistent tap found at probe: it outlives the port */
	int ifindex;
	int qfd[RTE_PMD_TAP_MAX_QUEUES];
	struct tap_rx_queue rxq[RTE_PMD_TAP_MAX_QUEUES];
	struct tap_tx_queue txq[RTE_PMD_TAP_MAX_QUEUES];
	struct rte_ether_addr mac;
	uint8_t mp_synced;            /* a secondary took the descriptors: push changes to it */
	uint8_t mp_registered;        /* counted in mp_users */
};

static const struct eth_dev_ops tap_ops;
static const struct eth_dev_ops tap_secondary_ops;
static void mp_push_queues(struct rte_eth_dev *dev);

static void
close_queue_fd(struct pmd_internals *in, unsigned int i)
{
	if (in->qfd[i] >= 0)
		close(in->qfd[i]);
	in->qfd[i] = -1;
	in->rxq[i].fd = -1;
	in->txq[i].fd = -1;
}

/* Close every descriptor: the kernel removes the interface with the last one. */
static void
destroy_interface(struct pmd_internals *in)
{
	unsigned int i;

	for (i = 0; i < RTE_PMD_TAP_MAX_QUEUES; i++) {
		close_queue_fd(in, i);
		tap_rxq_release(&in->rxq[i]);
	}
	if (in->ka_fd >= 0)
		close(in->ka_fd);
	in->ka_fd = -1;
}

/*
 * The interface, with the port's MAC address unless it is a tun one (it has none).
 * 0 or negative errno, nothing left on failure.
 */
static int
create_interface(struct pmd_internals *in, const char *devname)
{
	unsigned int i;
	int fd, ret;

	for (i = 0; i < RTE_PMD_TAP_MAX_QUEUES; i++) {
		in->qfd[i] = -1;
		in->rxq[i].fd = -1;
		in->txq[i].fd = -1;
	}
	fd = tap_open_queue(in->name, in->args.tun, 1, &in->persistent, devname);
	if (fd < 0)
		return fd;
	in->ka_fd = fd;
	in->ifindex = (int)if_nametoindex(in->name);
	if (in->args.tun)
		return 0;
	ret = tap_if_set_mac(in->name, &in->mac);
	if (ret < 0) {
		TAP_LOG(ERR, "%s: cannot set the MAC address of %s: %s", devname, in->name,
			strerror(-ret));
		destroy_interface(in);
		return ret;
	}
	return 0;
}

/* The descriptor of queue index qid, opened on first use. */
static int
queue_fd(struct rte_eth_dev *dev, uint16_t qid)
{
	struct pmd_internals *in = dev->data->dev_private;
	int fd;

	if (in->qfd[qid] >= 0)
		return in->qfd[qid];
	fd = tap_open_queue(in->name, in->args.tun, 0, NULL, dev->data->name);
	if (fd < 0)
		return fd;
	in->qfd[qid] = fd;
	return fd;
}

/* ---- control path ---- */

static int
tap_dev_configure(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int used = RTE_MAX(dev->data->nb_rx_queues, dev->data->nb_tx_queues);
	int created = 0, ret, mtu;
	unsigned int i;

	/* A closed port gets its interface back. */
	if (in->ka_fd < 0) {
		ret = create_interface(in, dev->data->name);
		if (ret < 0)
			return ret;
		created = 1;
	}
	/* The interface takes the port's MTU (rxmode.mtu, or the one it had). */
	ret = tap_if_get_mtu(in->name, &mtu);
	if (ret == 0 && mtu != dev->data->mtu)
		ret = tap_if_set_mtu(in->name, dev->data->mtu);
	if (ret < 0) {
		TAP_LOG(ERR, "%s: cannot set the MTU of %s to %u: %s", dev->data->name, in->name,
			dev->data->mtu, strerror(-ret));
		if (created)
			destroy_interface(in);
		return ret;
	}
	/* A queue of the interface nobody polls would still get its share of the traffic. */
	for (i = used; i < RTE_PMD_TAP_MAX_QUEUES; i++)
		close_queue_fd(in, i);
	return 0;
}

static int
tap_dev_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct pmd_internals *in = dev->data->dev_private;

	info->if_index = (unsigned int)in->ifindex;
	info->max_mac_addrs = 1;
	info->max_rx_queues = RTE_PMD_TAP_MAX_QUEUES;
	info->max_tx_queues = RTE_PMD_TAP_MAX_QUEUES;
	info->min_rx_bufsize = 0;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = TAP_MAX_MTU;
	info->max_rx_pktlen = TAP_MAX_MTU + RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	return 0;
}

/* Up when the kernel says the interface is up and has carrier (a queue attached). */
static int
tap_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_status = RTE_ETH_LINK_DOWN,
		.link_autoneg = RTE_ETH_LINK_FIXED,
	};
	short flags;

	RTE_SET_USED(wait_to_complete);
	if (in->ka_fd >= 0 && tap_if_get_flags(in->name, &flags) == 0 &&
			(flags & IFF_UP) && (flags & IFF_RUNNING))
		link.link_status = RTE_ETH_LINK_UP;
	return rte_eth_linkstatus_set(dev, &link);
}

static int
set_flag(struct rte_eth_dev *dev, short flag, int on, const char *what)
{
	struct pmd_internals *in = dev->data->dev_private;
	int ret;

	if (in->ka_fd < 0) {
		TAP_LOG(ERR, "%s: the port is closed: configure it first", dev->data->name);
		return -EIO;
	}
	ret = tap_if_change_flags(in->name, on ? flag : 0, on ? 0 : flag);
	if (ret < 0)
		TAP_LOG(ERR, "%s: cannot turn %s %s on %s: %s", dev->data->name, what,
			on ? "on" : "off", in->name, strerror(-ret));
	return ret;
}

static int
tap_set_link_up(struct rte_eth_dev *dev)
{
	int ret = set_flag(dev, IFF_UP, 1, "the link");

	tap_link_update(dev, 0);
	return ret;
}

static int
tap_set_link_down(struct rte_eth_dev *dev)
{
	int ret = set_flag(dev, IFF_UP, 0, "the link");

	tap_link_update(dev, 0);
	return ret;
}

static int
tap_dev_start(struct rte_eth_dev *dev)
{
	unsigned int i;
	int ret;

	ret = tap_set_link_up(dev);
	if (ret < 0)
		return ret;
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

static int
tap_dev_stop(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues; i++)
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	if (in->ka_fd >= 0)
		tap_set_link_down(dev);
	return 0;
}

static int
tap_dev_close(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;

	if (in != NULL) {
		/* A persistent interface stays: it is left down, as the port leaves it. */
		if (in->ka_fd >= 0 && in->persistent)
			tap_if_change_flags(in->name, 0, IFF_UP);
		destroy_interface(in);
		/* Secondaries drop their duplicates too, else the interface would outlive us. */
		mp_push_queues(dev);
	}
	return 0;
}

static int
tap_promisc_enable(struct rte_eth_dev *dev)
{
	return set_flag(dev, IFF_PROMISC, 1, "promiscuous mode");
}

static int
tap_promisc_disable(struct rte_eth_dev *dev)
{
	return set_flag(dev, IFF_PROMISC, 0, "promiscuous mode");
}

static int
tap_allmulti_enable(struct rte_eth_dev *dev)
{
	return set_flag(dev, IFF_ALLMULTI, 1, "all-multicast mode");
}

static int
tap_allmulti_disable(struct rte_eth_dev *dev)
{
	return set_flag(dev, IFF_ALLMULTI, 0, "all-multicast mode");
}

static int
tap_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct pmd_internals *in = dev->data->dev_private;
	int ret;

	if (in->ka_fd < 0) {
		TAP_LOG(ERR, "%s: the port is closed: configure it first", dev->data->name);
		return -EIO;
	}
	ret = tap_if_set_mtu(in->name, mtu);
	if (ret < 0)
		TAP_LOG(ERR, "%s: cannot set the MTU of %s to %u: %s", dev->data->name,
			in->name, mtu, strerror(-ret));
	return ret;
}

static int
tap_mac_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct pmd_internals *in = dev->data->dev_private;
	int ret;

	if (in->args.tun) {
		TAP_LOG(ERR, "%s: a tun interface has no MAC address", dev->data->name);
		return -ENOTSUP;
	}
	if (in->ka_fd < 0) {
		TAP_LOG(ERR, "%s: the port is closed: configure it first", dev->data->name);
		return -EIO;
	}
	ret = tap_if_set_mac(in->name, addr);
	if (ret < 0) {
		TAP_LOG(ERR, "%s: cannot set the MAC address of %s: %s", dev->data->name,
			in->name, strerror(-ret));
		return ret;
	}
	rte_ether_addr_copy(addr, &in->mac);
	return 0;
}

static int
tap_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct tap_rx_queue *q = &in->rxq[qid];
	uint64_t offloads = dev->data->dev_conf.rxmode.offloads |
		(conf != NULL ? conf->offloads : 0);
	uint32_t room = rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM;
	int fd;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	if (room == 0 || room > UINT16_MAX) {
		TAP_LOG(ERR, "%s: rx queue %u: mbufs of pool %s have no data room",
			dev->data->name, qid, mp->name);
		return -EINVAL;
	}
	fd = queue_fd(dev, qid);
	if (fd < 0)
		return fd;
	tap_rxq_release(q);
	q->fd = fd;
	q->mp = mp;
	q->port_id = dev->data->port_id;
	q->qid = qid;
	/* With scatter, a frame as long as the interface allows; else one mbuf. */
	q->nb_segs = 1;
	if (offloads & RTE_ETH_RX_OFFLOAD_SCATTER)
		q->nb_segs = (uint16_t)RTE_MIN((TAP_MAX_MTU + RTE_ETHER_HDR_LEN + 4 + room - 1) /
			room, (unsigned int)TAP_RX_MAX_SEGS);
	if (tap_rxq_fill(q) < 0) {
		TAP_LOG(ERR, "%s: rx queue %u: pool %s has not the %u mbufs a queue keeps ready",
			dev->data->name, qid, mp->name, q->nb_segs);
		tap_rxq_release(q);
		return -ENOMEM;
	}
	dev->data->rx_queues[qid] = q;
	return 0;
}

static int
tap_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct pmd_internals *in = dev->data->dev_private;
	int fd;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	RTE_SET_USED(conf);
	fd = queue_fd(dev, qid);
	if (fd < 0)
		return fd;
	in->txq[qid].fd = fd;
	in->txq[qid].port_id = dev->data->port_id;
	in->txq[qid].qid = qid;
	in->txq[qid].mtu = &dev->data->mtu;
	dev->data->tx_queues[qid] = &in->txq[qid];
	return 0;
}

static void
tap_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct pmd_internals *in = dev->data->dev_private;

	tap_rxq_release(&in->rxq[qid]);
}

/* The descriptor stays with the queue index until a configure drops the index, or close. */
static void
tap_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(qid);
}

static int
tap_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < RTE_PMD_TAP_MAX_QUEUES; i++) {
		const struct tap_rx_queue *rq = &in->rxq[i];
		const struct tap_tx_queue *tq = &in->txq[i];

		st->ipackets += rq->stats.pkts;
		st->ibytes += rq->stats.bytes;
		st->ierrors += rq->stats.errs;
		st->rx_nombuf += rq->nombuf;
		st->opackets += tq->stats.pkts;
		st->obytes += tq->stats.bytes;
		st->oerrors += tq->stats.errs;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[i] = rq->stats.pkts;
			st->q_ibytes[i] = rq->stats.bytes;
			st->q_opackets[i] = tq->stats.pkts;
			st->q_obytes[i] = tq->stats.bytes;
			st->q_errors[i] = rq->stats.errs;
		}
	}
	return 0;
}

static int
tap_stats_reset(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < RTE_PMD_TAP_MAX_QUEUES; i++) {
		memset(&in->rxq[i].stats, 0, sizeof(in->rxq[i].stats));
		in->rxq[i].nombuf = 0;
		memset(&in->txq[i].stats, 0, sizeof(in->txq[i].stats));
	}
	return 0;
}

static const struct eth_dev_ops tap_ops = {
	.dev_configure = tap_dev_configure,
	.dev_start = tap_dev_start,
	.dev_stop = tap_dev_stop,
	.dev_close = tap_dev_close,
	.dev_set_link_up = tap_set_link_up,
	.dev_set_link_down = tap_set_link_down,
	.dev_infos_get = tap_dev_info,
	.link_update = tap_link_update,
	.promiscuous_enable = tap_promisc_enable,
	.promiscuous_disable = tap_promisc_disable,
	.allmulticast_enable = tap_allmulti_enable,
	.allmulticast_disable = tap_allmulti_disable,
	.mac_addr_set = tap_mac_set,
	.mtu_set = tap_mtu_set,
	.rx_queue_setup = tap_rx_queue_setup,
	.tx_queue_setup = tap_tx_queue_setup,
	.rx_queue_release = tap_rx_queue_release,
	.tx_queue_release = tap_tx_queue_release,
	.stats_get = tap_stats_get,
	.stats_reset = tap_stats_reset,
};

/* ---- multi-process: the queue descriptors of a secondary ---- */

/* One action name in every process: requests in the primary, pushes in the secondaries. */
#define TAP_MP_NAME "net_tap_mp_queue_fds"
/* How long a secondary waits for the primary's answer when it attaches. */
#define TAP_MP_TIMEOUT_S 5

enum tap_mp_op {
	TAP_MP_REQUEST = 1,          /* secondary to primary: the descriptors from first on */
	TAP_MP_REPLY,                /* the answer, with result and descriptors */
	TAP_MP_PUSH,                 /* primary to secondaries: the descriptors changed */
};

/*
 * The parameters of every message: queue indexes first to first + count - 1 of a port. One
 * message holds at most RTE_MP_MAX_FD_NUM descriptors, so the indexes take several.
 */
struct tap_mp_param {
	char port[RTE_ETH_NAME_MAX_LEN];
	int32_t op;
	int32_t result;              /* of a reply: 0, or negative errno */
	uint16_t first;
	uint16_t count;
	uint8_t has_fd[RTE_MP_MAX_FD_NUM];   /* index first + i comes with the next descriptor */
};

/* The action is registered while this process has tap ports (counted here). */
static unsigned int mp_users;
/* Serialises the secondary's action with attach and detach around the descriptor table. */
static pthread_mutex_t mp_lock = PTHREAD_MUTEX_INITIALIZER;

static void
mp_close_fds(const struct rte_mp_msg *msg)
{
	int i;

	for (i = 0; i < msg->num_fds && i < RTE_MP_MAX_FD_NUM; i++)
		if (msg->fds[i] >= 0)
			close(msg->fds[i]);
}

static void
mp_msg_init(struct rte_mp_msg *msg, const struct tap_mp_param *p)
{
	memset(msg, 0, sizeof(*msg));
	rte_strscpy(msg->name, TAP_MP_NAME, sizeof(msg->name));
	memcpy(msg->param, p, sizeof(*p));
	msg->len_param = sizeof(*p);
}

/* The parameters of a received message, or -EBADMSG. */
static int
mp_msg_param(const struct rte_mp_msg *msg, struct tap_mp_param *p)
{
	if (msg->len_param != (int)sizeof(*p))
		return -EBADMSG;
	memcpy(p, msg->param, sizeof(*p));
	p->port[sizeof(p->port) - 1] = '\0';
	if (p->first >= RTE_PMD_TAP_MAX_QUEUES ||
			p->count > RTE_MIN(RTE_MP_MAX_FD_NUM, RTE_PMD_TAP_MAX_QUEUES - p->first))
		return -EBADMSG;
	return 0;
}

/* A message with the primary's descriptors of the queue indexes from first on. */
static void
mp_fill(struct rte_mp_msg *msg, const struct rte_eth_dev *dev, int op, uint16_t first)
{
	const struct pmd_internals *in = dev->data->dev_private;
	struct tap_mp_param p;
	int fds[RTE_MP_MAX_FD_NUM], n = 0;
	uint16_t i;

	memset(&p, 0, sizeof(p));
	rte_strscpy(p.port, dev->data->name, sizeof(p.port));
	p.op = op;
	p.first = first;
	for (i = 0; i < RTE_MP_MAX_FD_NUM && first + i < RTE_PMD_TAP_MAX_QUEUES; i++) {
		if (in->qfd[first + i] < 0)
			continue;
		p.has_fd[i] = 1;
		fds[n++] = in->qfd[first + i];
	}
	p.count = i;
	mp_msg_init(msg, &p);
	memcpy(msg->fds, fds, sizeof(fds[0]) * n);
	msg->num_fds = n;
}

/*
 * Take the descriptors of msg (p its parameters) as the secondary's for those indexes; the
 * ones they replace are closed. 0, or -EBADMSG with every descriptor of msg closed.
 */
static int
mp_apply(struct tap_proc_private *pp, const struct tap_mp_param *p,
		const struct rte_mp_msg *msg)
{
	int used = 0, k = 0;
	uint16_t i;

	for (i = 0; i < p->count; i++)
		used += p->has_fd[i] != 0;
	if (used != msg->num_fds) {
		mp_close_fds(msg);
		return -EBADMSG;
	}
	for (i = 0; i < p->count; i++) {
		int fd = p->has_fd[i] ? msg->fds[k++] : -1;
		int old = __atomic_exchange_n(&pp->fd[p->first + i], fd, __ATOMIC_RELEASE);

		if (old >= 0)
			close(old);
	}
	return 0;
}

static void
mp_close_all(struct tap_proc_private *pp)
{
	unsigned int i;

	for (i = 0; i < RTE_PMD_TAP_MAX_QUEUES; i++) {
		int old = __atomic_exchange_n(&pp->fd[i], -1, __ATOMIC_RELEASE);

		if (old >= 0)
			close(old);
	}
}

/* The tap port of this process called name with the given ops, or NULL. */
static struct rte_eth_dev *
mp_port(const char *name, const struct eth_dev_ops *ops)
{
	uint16_t port;

	if (rte_eth_dev_get_port_by_name(name, &port) != 0 ||
			rte_eth_devices[port].dev_ops != ops)
		return NULL;
	return &rte_eth_devices[port];
}

/* In the primary: answer a secondary's request, with the descriptors or why not. */
static int
mp_answer(const struct rte_mp_msg *req, const void *peer)
{
	struct rte_mp_msg reply;
	struct tap_mp_param p;
	struct rte_eth_dev *dev = NULL;
	int ret;

	mp_close_fds(req);
	ret = mp_msg_param(req, &p);
	if (ret == 0 && p.op != TAP_MP_REQUEST)
		ret = -EBADMSG;
	if (ret == 0) {
		dev = mp_port(p.port, &tap_ops);
		if (dev == NULL)
			ret = -ENODEV;
	}
	if (ret == 0) {
		struct pmd_internals *in = dev->data->dev_private;

		mp_fill(&reply, dev, TAP_MP_REPLY, p.first);
		in->mp_synced = 1;
	} else {
		p.op = TAP_MP_REPLY;
		p.result = ret;
		p.count = 0;
		memset(p.has_fd, 0, sizeof(p.has_fd));
		mp_msg_init(&reply, &p);
	}
	return rte_mp_reply(&reply, peer);
}

/* In a secondary: the primary's descriptors of a port changed. */
static int
mp_take_push(const struct rte_mp_msg *msg)
{
	struct rte_eth_dev *dev;
	struct tap_mp_param p;
	int ret;

	ret = mp_msg_param(msg, &p);
	if (ret < 0 || p.op != TAP_MP_PUSH) {
		mp_close_fds(msg);
		return ret < 0 ? ret : -EBADMSG;
	}
	pthread_mutex_lock(&mp_lock);
	dev = mp_port(p.port, &tap_secondary_ops);
	if (dev != NULL && dev->process_private != NULL)
		ret = mp_apply(dev->process_private, &p, msg);
	else
		mp_close_fds(msg);   /* a port this process did not attach */
	pthread_mutex_unlock(&mp_lock);
	return ret;
}

static int
mp_action(const struct rte_mp_msg *msg, const void *peer)
{
	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		return mp_answer(msg, peer);
	return mp_take_push(msg);
}

/*
 * A port of this process starts using the channel: the first registers the action. Without
 * IPC (--in-memory, --no-shconf) there is no secondary to serve: not an error.
 */
static int
mp_use(const char *devname)
{
	int ret = 0;

	pthread_mutex_lock(&mp_lock);
	if (mp_users == 0 && rte_mp_action_register(TAP_MP_NAME, mp_action) < 0 &&
			rte_errno != ENOTSUP) {
		ret = -rte_errno;
		TAP_LOG(ERR, "%s: cannot register multi-process action %s: %s", devname,
			TAP_MP_NAME, rte_strerror(rte_errno));
	}
	if (ret == 0)
		mp_users++;
	pthread_mutex_unlock(&mp_lock);
	return ret;
}

static void
mp_unuse(void)
{
	pthread_mutex_lock(&mp_lock);
	if (mp_users > 0 && --mp_users == 0)
		rte_mp_action_unregister(TAP_MP_NAME);
	pthread_mutex_unlock(&mp_lock);
}

/* In the primary: tell the secondaries that synchronised this port its descriptors now (none
 * after a close). */
static void
mp_push_queues(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct rte_mp_msg msg;
	uint16_t first;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY || in == NULL || !in->mp_synced)
		return;
	for (first = 0; first < RTE_PMD_TAP_MAX_QUEUES; first += RTE_MP_MAX_FD_NUM) {
		mp_fill(&msg, dev, TAP_MP_PUSH, first);
		if (rte_mp_sendmsg(&msg) < 0) {
			TAP_LOG(WARNING, "%s: cannot send the queue descriptors to secondaries: %s",
				dev->data->name, rte_strerror(rte_errno));
			return;
		}
	}
}

/*
 * In a secondary: ask the primary for every queue index's descriptor, a message per
 * RTE_MP_MAX_FD_NUM indexes. 0, or negative errno after one log line; descriptors already
 * taken are in pp for the caller to close.
 */
static int
mp_sync(const char *name, struct tap_proc_private *pp)
{
	const struct timespec ts = { .tv_sec = TAP_MP_TIMEOUT_S, .tv_nsec = 0 };
	struct rte_mp_reply rep;
	struct rte_mp_msg req;
	struct tap_mp_param p;
	uint16_t first;
	int ret = 0, i;

	for (first = 0; first < RTE_PMD_TAP_MAX_QUEUES && ret == 0; first += RTE_MP_MAX_FD_NUM) {
		memset(&p, 0, sizeof(p));
		rte_strscpy(p.port, name, sizeof(p.port));
		p.op = TAP_MP_REQUEST;
		p.first = first;
		mp_msg_init(&req, &p);
		memset(&rep, 0, sizeof(rep));
		ret = rte_mp_request_sync(&req, &rep, &ts);
		if (ret < 0 || rep.nb_received != 1) {
			/* Failed, timed out, or no primary to ask (IPC off): no descriptors. */
			ret = ret < 0 ? -rte_errno : rep.nb_sent == 0 ? -ENOTCONN : -ETIMEDOUT;
			TAP_LOG(ERR, "%s: no queue descriptors from the primary process: %s",
				name, ret == -ENOTCONN ? "no channel to it" : strerror(-ret));
			for (i = 0; i < rep.nb_received; i++)
				mp_close_fds(&rep.msgs[i]);
			free(rep.msgs);
			return ret;
		}
		ret = mp_msg_param(&rep.msgs[0], &p);
		if (ret == 0 && (p.op != TAP_MP_REPLY || p.first != first))
			ret = -EBADMSG;
		if (ret == 0 && p.result < 0)
			ret = p.result;
		if (ret == 0) {
			pthread_mutex_lock(&mp_lock);
			ret = mp_apply(pp, &p, &rep.msgs[0]);
			pthread_mutex_unlock(&mp_lock);
		} else {
			mp_close_fds(&rep.msgs[0]);
		}
		free(rep.msgs);
		if (ret == -ENODEV)
			TAP_LOG(ERR, "%s: the primary process has no tap port of that name", name);
		else if (ret < 0)
			TAP_LOG(ERR, "%s: bad queue descriptor answer of the primary process: %s",
				name, strerror(-ret));
	}
	return ret;
}

/* ---- secondary process ---- */

/* This process's duplicates go; the primary's queues and interface are untouched. */
static int
tap_secondary_close(struct rte_eth_dev *dev)
{
	if (dev->process_private != NULL)
		mp_close_all(dev->process_private);
	return 0;
}

/*
 * Stopping belongs to the primary: refused, so that a secondary's stop (or its close of a
 * started port) does not mark the primary's shared port stopped under it.
 */
static int
tap_secondary_stop(struct rte_eth_dev *dev)
{
	TAP_LOG(ERR, "%s: only the primary process can stop the port", dev->data->name);
	return -ENOTSUP;
}

/*
 * Control in a secondary: what reads the shared data or the interface. Configuration, start
 * and stop stay with the primary, which owns the queues.
 */
static const struct eth_dev_ops tap_secondary_ops = {
	.dev_stop = tap_secondary_stop,
	.dev_close = tap_secondary_close,
	.dev_infos_get = tap_dev_info,
	.link_update = tap_link_update,
	.stats_get = tap_stats_get,
	.stats_reset = tap_stats_reset,
};

static int
tap_probe_secondary(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct tap_proc_private *pp;
	struct rte_eth_dev *dev;
	unsigned int i;
	int ret;

	dev = rte_eth_dev_attach_secondary(name);
	if (dev == NULL) {
		TAP_LOG(ERR, "%s: the primary process has no such port", name);
		return -ENODEV;
	}
	pp = malloc(sizeof(*pp));
	if (pp == NULL) {
		TAP_LOG(ERR, "%s: no memory for the queue descriptors", name);
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	for (i = 0; i < RTE_PMD_TAP_MAX_QUEUES; i++)
		pp->fd[i] = -1;
	ret = mp_use(name);
	if (ret < 0) {
		free(pp);
		rte_eth_dev_release_port(dev);
		return ret;
	}
	/* Set before asking: a push of the primary arriving meanwhile is taken too. */
	pthread_mutex_lock(&mp_lock);
	dev->process_private = pp;
	dev->dev_ops = &tap_secondary_ops;
	pthread_mutex_unlock(&mp_lock);
	ret = mp_sync(name, pp);
	if (ret < 0) {
		pthread_mutex_lock(&mp_lock);
		rte_eth_dev_release_port(dev);
		pthread_mutex_unlock(&mp_lock);
		mp_close_all(pp);
		free(pp);
		mp_unuse();
		return ret;
	}
	dev->device = &vdev->device;
	dev->rx_pkt_burst = tap_rx_burst_secondary;
	dev->tx_pkt_burst = tap_tx_burst_secondary;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
tap_remove_secondary(struct rte_eth_dev *dev)
{
	struct tap_proc_private *pp = dev->process_private;
	int ret;

	/* Once released, the action no longer finds the port: then the table can go. */
	pthread_mutex_lock(&mp_lock);
	ret = rte_eth_dev_release_port(dev);
	pthread_mutex_unlock(&mp_lock);
	if (pp != NULL) {
		mp_close_all(pp);
		free(pp);
	}
	mp_unuse();
	return ret;
}

/* The port of this process that already has the interface, or RTE_MAX_ETHPORTS. */
static uint16_t
port_using(const char *iface)
{
	uint16_t p;

	/* Every allocated port, owned by another module or not. */
	for (p = 0; p < RTE_MAX_ETHPORTS; p++) {
		const struct rte_eth_dev *d = &rte_eth_devices[p];
		const struct pmd_internals *o;

		if (d->state == RTE_ETH_DEV_UNUSED || d->dev_ops != &tap_ops || d->data == NULL)
			continue;
		o = d->data->dev_private;
		if (o != NULL && strcmp(o->name, iface) == 0)
			return p;
	}
	return RTE_MAX_ETHPORTS;
}

/* net_tap and net_tun: the same port over a tap (Ethernet) or tun (IP) interface. */
static int
tuntap_probe(struct rte_vdev_device *vdev, int tun)
{
	const char *name = rte_vdev_device_name(vdev);
	struct pmd_internals *in;
	struct rte_eth_dev *dev;
	struct tap_args args;
	uint16_t other;
	int ret, mtu;

	/* A secondary attaches to the primary's port: a probe here would make a second one. */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return tap_probe_secondary(vdev);
	ret = tap_args_parse(name, rte_vdev_device_args(vdev), tun, &args);
	if (ret < 0)
		return ret;
	other = port_using(args.iface);
	if (other != RTE_MAX_ETHPORTS) {
		TAP_LOG(ERR, "%s: interface %s is already used by port %u (%s)", name, args.iface,
			other, rte_eth_devices[other].data->name);
		return -EEXIST;
	}
	dev = rte_eth_vdev_allocate(vdev, sizeof(*in));
	if (dev == NULL) {
		TAP_LOG(ERR, "%s: cannot allocate a port: %s", name, rte_strerror(rte_errno));
		return -rte_errno;
	}
	in = dev->data->dev_private;
	in->args = args;
	in->ka_fd = -1;
	rte_strlcpy(in->name, args.iface, sizeof(in->name));
	/* As in DPDK: a random address unless one was given; the interface takes it too. */
	if (args.have_mac)
		in->mac = args.mac;
	else if (!tun)
		rte_eth_random_addr(in->mac.addr_bytes);
	ret = create_interface(in, name);
	if (ret < 0)
		goto fail;
	/* Until the application sets its own, the port reports the interface's MTU. */
	if (tap_if_get_mtu(in->name, &mtu) == 0 && mtu > 0 && mtu <= UINT16_MAX)
		dev->data->mtu = (uint16_t)mtu;
	dev->data->mac_addrs = &in->mac;
	dev->data->dev_flags |= RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS;
	dev->dev_ops = &tap_ops;
	dev->rx_pkt_burst = tap_rx_burst;
	dev->tx_pkt_burst = tap_tx_burst;
	/* Without the action, secondaries cannot attach; the port still works here. */
	in->mp_registered = mp_use(name) == 0;
	tap_link_update(dev, 0);
	rte_eth_dev_probing_finish(dev);
	TAP_LOG(INFO, "%s: port %u on %s interface %s%s", name, dev->data->port_id,
		tun ? "tun" : "tap", in->name,
		in->persistent ? " (persistent, already there)" : "");
	return 0;
fail:
	dev->data->mac_addrs = NULL;
	rte_eth_dev_release_port(dev);
	return ret;
}

static int
tap_probe(struct rte_vdev_device *vdev)
{
	return tuntap_probe(vdev, 0);
}

static int
tun_probe(struct rte_vdev_device *vdev)
{
	return tuntap_probe(vdev, 1);
}

static int
tap_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	struct pmd_internals *in;

	if (dev == NULL)
		return 0;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return tap_remove_secondary(dev);
	/* Closing stops the port if needed and removes the interface (tap_dev_close). */
	rte_eth_dev_close(dev->data->port_id);
	in = dev->data->dev_private;
	if (in != NULL) {
		destroy_interface(in);
		if (in->mp_registered)
			mp_unuse();
		in->mp_registered = 0;
	}
	/* mac_addrs points into the private data: release must not free it. */
	dev->data->mac_addrs = NULL;
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver pmd_tap_drv = {
	.probe = tap_probe,
	.remove = tap_remove,
};

RTE_PMD_REGISTER_VDEV(net_tap, pmd_tap_drv);
RTE_PMD_REGISTER_PARAM_STRING(net_tap,
	"iface=<string> "
	"mac=fixed|xx:xx:xx:xx:xx:xx "
	"remote=<string>");

static struct rte_vdev_driver pmd_tun_drv = {
	.probe = tun_probe,
	.remove = tap_remove,
};

RTE_PMD_REGISTER_VDEV(net_tun, pmd_tun_drv);
RTE_PMD_REGISTER_PARAM_STRING(net_tun,
	"iface=<string> ");
