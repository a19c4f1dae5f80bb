/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_ring: ports whose queues are rte_rings. Three ways to get one:
 *   --vdev net_ring0                      one port "net_ring0", queue i is ring
 *                                         "ETH_RXTX<i>_net_ring0" in both directions (loopback);
 *   --vdev net_ring0,nodeaction=a:0:CREATE,nodeaction=b:0:ATTACH
 *                                         one port per nodeaction, named a, b...; CREATE makes
 *                                         the rings "ETH_RXTX<i>_<name>", ATTACH looks them up
 *                                         (so two devices can talk through shared rings);
 *   rte_eth_from_rings / rte_eth_from_ring  over rings the application made.
 * Every port of the device is released on remove, and the rings the device created are
 * freed then (after ethdev's grace period, so no lcore can still be inside a burst).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_ring.h>
#include <rte_string_fns.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>
#include <rte_bus_vdev.h>

#include "rte_eth_ring.h"

RTE_LOG_REGISTER_DEFAULT(eth_ring_logtype, NOTICE);
#define RING_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, eth_ring_logtype, "net_ring: " fmt "\n", ##__VA_ARGS__)

#define RING_MAX_QUEUES 16
#define RING_SIZE 1024
#define ARG_NODEACTION "nodeaction"
#define ARG_INTERNAL "internal"
#define INTERNAL_MAGIC 0x52494e47u
#define RING_MAX_MAC_ADDRS 16

static const char *const valid_args[] = { ARG_NODEACTION, ARG_INTERNAL, NULL };

enum ring_action { RING_CREATE, RING_ATTACH, RING_FIXED };

/* One queue; counters are written only by the lcore polling it. */
struct ring_queue {
	struct rte_ring *rng;
	uint8_t stopped;    /* rte_eth_dev_*_queue_stop: bursts do nothing */
	uint8_t deferred;   /* not started with the port */
	uint16_t nb_desc;
	uint64_t pkts;
	uint64_t errs;
} __rte_cache_aligned;

struct pmd_internals {
	struct ring_queue rxq[RING_MAX_QUEUES];
	struct ring_queue txq[RING_MAX_QUEUES];
	struct rte_ring *owned[RING_MAX_QUEUES];  /* rings this port created, freed on remove */
	enum ring_action action;
	uint16_t max_rx_queues;
	uint16_t max_tx_queues;
	int numa_node;
};

/* What rte_eth_from_rings hands to the probe through the "internal" argument. */
struct ring_internal_args {
	uint32_t magic;
	struct rte_ring *const *rx_queues;
	unsigned int nb_rx_queues;
	struct rte_ring *const *tx_queues;
	unsigned int nb_tx_queues;
	int numa_node;
};

static uint16_t
ring_rx(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct ring_queue *rq = q;
	uint16_t n;

	if (unlikely(rq->stopped))
		return 0;
	n = (uint16_t)rte_ring_dequeue_burst(rq->rng, (void **)bufs, nb, NULL);
	rq->pkts += n;
	return n;
}

static uint16_t
ring_tx(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct ring_queue *tq = q;
	uint16_t n;

	if (unlikely(tq->stopped))
		return 0;
	n = (uint16_t)rte_ring_enqueue_burst(tq->rng, (void **)bufs, nb, NULL);
	tq->pkts += n;
	tq->errs += nb - n;
	return n;
}

/* The ring of queue i of port; 0, or -ENAMETOOLONG when it does not fit a ring name. */
static int
ring_name(char *buf, size_t len, const char *port, unsigned int i)
{
	int n = snprintf(buf, len, "ETH_RXTX%u_%s", i, port);

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

/* Make sure the loopback ring of queue i exists (created or found, per the port's action). */
static int
ring_ensure(struct rte_eth_dev *dev, unsigned int i)
{
	struct pmd_internals *in = dev->data->dev_private;
	char name[RTE_RING_NAMESIZE];
	struct rte_ring *r;

	if (in->rxq[i].rng != NULL)
		return 0;
	if (ring_name(name, sizeof(name), dev->data->name, i) != 0) {
		RING_LOG(ERR, "port %s: name too long for its ring names", dev->data->name);
		return -ENAMETOOLONG;
	}
	if (in->action == RING_CREATE) {
		r = rte_ring_create(name, RING_SIZE, in->numa_node, RING_F_SP_ENQ | RING_F_SC_DEQ);
		in->owned[i] = r;
	} else {
		r = rte_ring_lookup(name);
	}
	if (r == NULL) {
		RING_LOG(ERR, "port %s: cannot %s ring %s", dev->data->name,
			in->action == RING_CREATE ? "create" : "find", name);
		return in->action == RING_CREATE ? -ENOMEM : -ENOENT;
	}
	in->rxq[i].rng = r;
	in->txq[i].rng = r;
	return 0;
}

static int
ring_configure(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i, n = RTE_MAX(dev->data->nb_rx_queues, dev->data->nb_tx_queues);
	int ret;

	if (in->action == RING_FIXED)
		return 0;
	for (i = 0; i < n; i++) {
		ret = ring_ensure(dev, i);
		if (ret != 0)
			return ret;
	}
	return 0;
}

static int
ring_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct pmd_internals *in = dev->data->dev_private;

	RTE_SET_USED(socket_id);
	RTE_SET_USED(mp);
	if (in->rxq[qid].rng == NULL)
		return -EINVAL;
	in->rxq[qid].nb_desc = nb_desc;
	in->rxq[qid].deferred = conf->rx_deferred_start;
	dev->data->rx_queues[qid] = &in->rxq[qid];
	return 0;
}

static int
ring_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct pmd_internals *in = dev->data->dev_private;

	RTE_SET_USED(socket_id);
	if (in->txq[qid].rng == NULL)
		return -EINVAL;
	in->txq[qid].nb_desc = nb_desc;
	in->txq[qid].deferred = conf->tx_deferred_start;
	dev->data->tx_queues[qid] = &in->txq[qid];
	return 0;
}

/* Queue objects live in the port's private data: nothing to free per queue. */
static void
ring_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	dev->data->rx_queues[qid] = NULL;
}

static void
ring_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	dev->data->tx_queues[qid] = NULL;
}

static int
ring_link_set(struct rte_eth_dev *dev, int up)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
	};

	return rte_eth_linkstatus_set(dev, &link);
}

static int
ring_start(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	uint16_t i;

	/* Every queue starts with the port, except those set up for a deferred start. */
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		in->rxq[i].stopped = in->rxq[i].deferred;
		if (in->rxq[i].deferred)
			dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		in->txq[i].stopped = in->txq[i].deferred;
		if (in->txq[i].deferred)
			dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	ring_link_set(dev, 1);
	return 0;
}

static int
ring_stop(struct rte_eth_dev *dev)
{
	ring_link_set(dev, 0);
	return 0;
}

static int
ring_link_up(struct rte_eth_dev *dev)
{
	ring_link_set(dev, 1);
	return 0;
}

static int
ring_link_down(struct rte_eth_dev *dev)
{
	ring_link_set(dev, 0);
	return 0;
}

static int
ring_link_update(struct rte_eth_dev *dev, int wait)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(wait);
	return 0;
}

static int
ring_close(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
ring_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct pmd_internals *in = dev->data->dev_private;

	info->max_mac_addrs = RING_MAX_MAC_ADDRS;
	info->max_rx_pktlen = UINT32_MAX;
	info->max_rx_queues = in->max_rx_queues;
	info->max_tx_queues = in->max_tx_queues;
	info->min_rx_bufsize = 0;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
ring_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	struct pmd_internals *in = dev->data->dev_private;
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues && i < RING_MAX_QUEUES; i++) {
		st->ipackets += in->rxq[i].pkts;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS)
			st->q_ipackets[i] = in->rxq[i].pkts;
	}
	for (i = 0; i < dev->data->nb_tx_queues && i < RING_MAX_QUEUES; i++) {
		st->opackets += in->txq[i].pkts;
		st->oerrors += in->txq[i].errs;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS)
			st->q_opackets[i] = in->txq[i].pkts;
	}
	return 0;
}

static int
ring_stats_reset(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < RING_MAX_QUEUES; i++) {
		in->rxq[i].pkts = in->rxq[i].errs = 0;
		in->txq[i].pkts = in->txq[i].errs = 0;
	}
	return 0;
}

static int
ring_mode_ok(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
ring_mac_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(addr);
	return 0;
}

static int
ring_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(mtu);
	return 0;
}

static int
ring_mac_add(struct rte_eth_dev *dev, struct rte_ether_addr *addr, uint32_t index,
		uint32_t pool)
{
	/* A ring delivers every packet: the list in data->mac_addrs is all there is. */
	RTE_SET_USED(dev);
	RTE_SET_USED(addr);
	RTE_SET_USED(index);
	RTE_SET_USED(pool);
	return 0;
}

static void
ring_mac_remove(struct rte_eth_dev *dev, uint32_t index)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(index);
}

static int
ring_queue_state(struct rte_eth_dev *dev, int rx, uint16_t qid, int stopped)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct ring_queue *q = rx ? &in->rxq[qid] : &in->txq[qid];

	__atomic_store_n(&q->stopped, (uint8_t)stopped, __ATOMIC_RELAXED);
	if (rx)
		dev->data->rx_queue_state[qid] = stopped ? RTE_ETH_QUEUE_STATE_STOPPED :
				RTE_ETH_QUEUE_STATE_STARTED;
	else
		dev->data->tx_queue_state[qid] = stopped ? RTE_ETH_QUEUE_STATE_STOPPED :
				RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

static int
ring_rxq_start(struct rte_eth_dev *dev, uint16_t qid)
{
	return ring_queue_state(dev, 1, qid, 0);
}

static int
ring_rxq_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	return ring_queue_state(dev, 1, qid, 1);
}

static int
ring_txq_start(struct rte_eth_dev *dev, uint16_t qid)
{
	return ring_queue_state(dev, 0, qid, 0);
}

static int
ring_txq_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	return ring_queue_state(dev, 0, qid, 1);
}

static void
ring_rxq_info(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_rxq_info *qinfo)
{
	const struct pmd_internals *in = dev->data->dev_private;

	qinfo->nb_desc = in->rxq[qid].nb_desc;
	qinfo->conf.rx_deferred_start = in->rxq[qid].deferred;
}

static void
ring_txq_info(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_txq_info *qinfo)
{
	const struct pmd_internals *in = dev->data->dev_private;

	qinfo->nb_desc = in->txq[qid].nb_desc;
	qinfo->conf.tx_deferred_start = in->txq[qid].deferred;
}

static int
ring_burst_mode(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_burst_mode *mode)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(qid);
	snprintf(mode->info, sizeof(mode->info), "Scalar ring burst");
	return 0;
}

static const struct eth_dev_ops ring_ops = {
	.dev_configure = ring_configure,
	.dev_start = ring_start,
	.dev_stop = ring_stop,
	.dev_set_link_up = ring_link_up,
	.dev_set_link_down = ring_link_down,
	.dev_close = ring_close,
	.link_update = ring_link_update,
	.promiscuous_enable = ring_mode_ok,
	.promiscuous_disable = ring_mode_ok,
	.allmulticast_enable = ring_mode_ok,
	.allmulticast_disable = ring_mode_ok,
	.mac_addr_set = ring_mac_set,
	.mtu_set = ring_mtu_set,
	.stats_get = ring_stats_get,
	.stats_reset = ring_stats_reset,
	.dev_infos_get = ring_info,
	.rx_queue_setup = ring_rx_queue_setup,
	.rx_queue_release = ring_rx_queue_release,
	.tx_queue_setup = ring_tx_queue_setup,
	.tx_queue_release = ring_tx_queue_release,
	.mac_addr_add = ring_mac_add,
	.mac_addr_remove = ring_mac_remove,
	.rx_queue_start = ring_rxq_start,
	.rx_queue_stop = ring_rxq_stop,
	.tx_queue_start = ring_txq_start,
	.tx_queue_stop = ring_txq_stop,
	.rxq_info_get = ring_rxq_info,
	.txq_info_get = ring_txq_info,
	.rx_burst_mode_get = ring_burst_mode,
	.tx_burst_mode_get = ring_burst_mode,
};

/* Free what a port created and give the port back. */
static void
port_destroy(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct rte_ring *owned[RING_MAX_QUEUES];
	unsigned int i;

	memcpy(owned, in->owned, sizeof(owned));
	rte_eth_dev_close(dev->data->port_id);
	/* Release waits until no lcore can be inside a burst: only then go the rings. */
	rte_eth_dev_release_port(dev);
	for (i = 0; i < RING_MAX_QUEUES; i++)
		rte_ring_free(owned[i]);
}

/* One port of vdev. args NULL: loopback rings named after the port, per action. */
static int
port_create(struct rte_vdev_device *vdev, const char *name, enum ring_action action,
		int numa_node, const struct ring_internal_args *args)
{
	struct rte_eth_dev *dev;
	struct pmd_internals *in;
	unsigned int i;
	int ret;

	dev = rte_eth_dev_allocate(name);
	if (dev == NULL)
		return -rte_errno;
	in = rte_zmalloc_socket(name, sizeof(*in), RTE_CACHE_LINE_SIZE, numa_node);
	dev->data->mac_addrs = rte_zmalloc_socket(name,
			RING_MAX_MAC_ADDRS * sizeof(struct rte_ether_addr), 0, numa_node);
	if (in == NULL || dev->data->mac_addrs == NULL) {
		rte_free(in);
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	dev->data->dev_private = in;
	dev->device = &vdev->device;
	dev->dev_type = RTE_ETH_DEV_VIRTUAL;
	dev->data->numa_node = numa_node;
	dev->dev_ops = &ring_ops;
	dev->rx_pkt_burst = ring_rx;
	dev->tx_pkt_burst = ring_tx;
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);
	in->action = action;
	in->numa_node = numa_node;
	if (args != NULL) {
		in->max_rx_queues = (uint16_t)args->nb_rx_queues;
		in->max_tx_queues = (uint16_t)args->nb_tx_queues;
		for (i = 0; i < args->nb_rx_queues; i++)
			in->rxq[i].rng = args->rx_queues[i];
		for (i = 0; i < args->nb_tx_queues; i++)
			in->txq[i].rng = args->tx_queues[i];
	} else {
		in->max_rx_queues = RING_MAX_QUEUES;
		in->max_tx_queues = RING_MAX_QUEUES;
		/* Queue 0's ring now, so that an ATTACH to a missing ring fails at probe. */
		ret = ring_ensure(dev, 0);
		if (ret != 0) {
			port_destroy(dev);
			return ret;
		}
	}
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static void
device_destroy(struct rte_vdev_device *vdev)
{
	uint16_t p;

	RTE_ETH_FOREACH_DEV_OF(p, &vdev->device)
		port_destroy(&rte_eth_devices[p]);
}

struct nodeaction_ctx {
	struct rte_vdev_device *vdev;
	int created;
	int err;  /* the first failure's errno (kvargs only reports "failed") */
};

/* "name:node:CREATE|ATTACH" */
static int
parse_nodeaction(const char *key, const char *value, void *opaque)
{
	struct nodeaction_ctx *ctx = opaque;
	char buf[RTE_ETH_NAME_MAX_LEN + 32];
	char *name, *node, *action, *end;
	enum ring_action act;
	long numa;
	int ret;

	if (rte_strscpy(buf, value, sizeof(buf)) < 0)
		goto bad;
	name = buf;
	node = strchr(name, ':');
	if (node == NULL)
		goto bad;
	*node++ = '\0';
	action = strchr(node, ':');
	if (action == NULL)
		goto bad;
	*action++ = '\0';
	errno = 0;
	numa = strtol(node, &end, 10);
	if (name[0] == '\0' || errno != 0 || end == node || *end != '\0' || numa < 0 ||
	    numa >= RTE_MAX_NUMA_NODES)
		goto bad;
	if (strcmp(action, "CREATE") == 0)
		act = RING_CREATE;
	else if (strcmp(action, "ATTACH") == 0)
		act = RING_ATTACH;
	else
		goto bad;
	ret = port_create(ctx->vdev, name, act, (int)numa, NULL);
	if (ret != 0) {
		ctx->err = ret;
		return ret;
	}
	ctx->created++;
	return 0;
bad:
	RING_LOG(ERR, "invalid %s \"%s\" (want name:numa-node:CREATE|ATTACH)", key, value);
	ctx->err = -EINVAL;
	return -EINVAL;
}

static int
parse_internal(const char *key, const char *value, void *opaque)
{
	const struct ring_internal_args **out = opaque;
	unsigned long long addr;
	char *end;

	errno = 0;
	addr = strtoull(value, &end, 0);
	if (errno != 0 || end == value || *end != '\0' || addr == 0 ||
	    ((const struct ring_internal_args *)(uintptr_t)addr)->magic != INTERNAL_MAGIC) {
		RING_LOG(ERR, "invalid %s argument", key);
		return -EINVAL;
	}
	*out = (const struct ring_internal_args *)(uintptr_t)addr;
	return 0;
}

/* A secondary process attaches to a port the primary made: queues and rings are the primary's. */
static int
ring_attach_secondary(struct rte_vdev_device *vdev, const char *port)
{
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(port);

	if (dev == NULL)
		return -ENODEV;
	dev->device = &vdev->device;
	dev->dev_type = RTE_ETH_DEV_VIRTUAL;
	dev->dev_ops = &ring_ops;
	dev->rx_pkt_burst = ring_rx;
	dev->tx_pkt_burst = ring_tx;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
attach_nodeaction(const char *key, const char *value, void *opaque)
{
	char port[RTE_ETH_NAME_MAX_LEN];
	const char *colon = strchr(value, ':');

	RTE_SET_USED(key);
	if (colon == NULL || (size_t)(colon - value) >= sizeof(port))
		return -EINVAL;
	memcpy(port, value, (size_t)(colon - value));
	port[colon - value] = '\0';
	return ring_attach_secondary(opaque, port);
}

/* The ports of vdev in a secondary: one per nodeaction, else the one named after the device. */
static int
ring_probe_secondary(struct rte_vdev_device *vdev, const char *params)
{
	struct rte_kvargs *kv;
	int ret;

	if (params == NULL || params[0] == '\0')
		return ring_attach_secondary(vdev, rte_vdev_device_name(vdev));
	kv = rte_kvargs_parse(params, valid_args);
	if (kv == NULL)
		return -EINVAL;
	if (rte_kvargs_count(kv, ARG_NODEACTION) > 0)
		ret = rte_kvargs_process(kv, ARG_NODEACTION, attach_nodeaction, vdev);
	else
		ret = ring_attach_secondary(vdev, rte_vdev_device_name(vdev));
	rte_kvargs_free(kv);
	return ret == 0 ? 0 : -ENODEV;
}

static int
ring_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	const char *params = rte_vdev_device_args(vdev);
	const struct ring_internal_args *internal = NULL;
	struct nodeaction_ctx ctx = { .vdev = vdev, .created = 0 };
	struct rte_kvargs *kv;
	int numa = vdev->device.numa_node >= 0 ? vdev->device.numa_node : (int)rte_socket_id();
	int ret;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return ring_probe_secondary(vdev, params);
	if (params == NULL || params[0] == '\0') {
		ret = port_create(vdev, name, RING_CREATE, numa, NULL);
		if (ret == -EEXIST || ret == -ENOMEM) {
			/* The rings may exist already (made by another process or port). */
			ret = port_create(vdev, name, RING_ATTACH, numa, NULL);
		}
		return ret;
	}
	kv = rte_kvargs_parse(params, valid_args);
	if (kv == NULL) {
		RING_LOG(ERR, "%s: cannot parse arguments \"%s\"", name, params);
		return -EINVAL;
	}
	if (rte_kvargs_count(kv, ARG_INTERNAL) == 1) {
		ret = rte_kvargs_process(kv, ARG_INTERNAL, parse_internal, &internal) == 0 ?
				0 : -EINVAL;
		if (ret == 0)
			ret = port_create(vdev, name, RING_FIXED, internal->numa_node, internal);
	} else if (rte_kvargs_count(kv, ARG_NODEACTION) > 0) {
		ret = rte_kvargs_process(kv, ARG_NODEACTION, parse_nodeaction, &ctx);
		if (ret != 0) {
			device_destroy(vdev);  /* the ports made before the bad one */
			ret = ctx.err != 0 ? ctx.err : -EINVAL;
		}
	} else {
		RING_LOG(ERR, "%s: no usable argument in \"%s\"", name, params);
		ret = -EINVAL;
	}
	rte_kvargs_free(kv);
	return ret < 0 ? ret : ret > 0 ? -EINVAL : 0;
}

static int
ring_remove(struct rte_vdev_device *vdev)
{
	uint16_t p;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		RTE_ETH_FOREACH_DEV_OF(p, &vdev->device)
			rte_eth_dev_release_port(&rte_eth_devices[p]);
		return 0;
	}
	device_destroy(vdev);
	return 0;
}

static struct rte_vdev_driver ring_driver = {
	.probe = ring_probe,
	.remove = ring_remove,
};

RTE_PMD_REGISTER_VDEV(net_ring, ring_driver);
RTE_PMD_REGISTER_ALIAS(net_ring, eth_ring);
RTE_PMD_REGISTER_PARAM_STRING(net_ring, "nodeaction=name:node:action(ATTACH|CREATE)");

int
rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[],
		const unsigned int nb_rx_queues, struct rte_ring *const tx_queues[],
		const unsigned int nb_tx_queues, const unsigned int numa_node)
{
	struct ring_internal_args args = {
		.magic = INTERNAL_MAGIC,
		.rx_queues = rx_queues,
		.nb_rx_queues = nb_rx_queues,
		.tx_queues = tx_queues,
		.nb_tx_queues = nb_tx_queues,
		.numa_node = (int)numa_node,
	};
	char argstr[64];
	uint16_t port;
	unsigned int i;
	int ret;

	if (name == NULL || rx_queues == NULL || tx_queues == NULL || nb_rx_queues == 0 ||
	    nb_tx_queues == 0 || nb_rx_queues > RING_MAX_QUEUES ||
	    nb_tx_queues > RING_MAX_QUEUES) {
		RING_LOG(ERR, "from_rings: invalid argument (name, rings or counts 1..%d)",
			RING_MAX_QUEUES);
		rte_errno = EINVAL;
		return -1;
	}
	for (i = 0; i < nb_rx_queues; i++)
		if (rx_queues[i] == NULL)
			break;
	for (ret = 0; i == nb_rx_queues && (unsigned int)ret < nb_tx_queues; ret++)
		if (tx_queues[ret] == NULL)
			break;
	if (i != nb_rx_queues || (unsigned int)ret != nb_tx_queues) {
		RING_LOG(ERR, "from_rings %s: NULL ring", name);
		rte_errno = EINVAL;
		return -1;
	}
	snprintf(argstr, sizeof(argstr), "%s=%#" PRIxPTR, ARG_INTERNAL, (uintptr_t)&args);
	ret = rte_vdev_init(name, argstr);
	if (ret != 0) {
		rte_errno = ret < 0 ? -ret : EINVAL;
		return -1;
	}
	ret = rte_eth_dev_get_port_by_name(name, &port);
	if (ret != 0) {
		rte_errno = ENODEV;
		return -1;
	}
	return port;
}

int
rte_eth_from_ring(struct rte_ring *r)
{
	char name[RTE_ETH_NAME_MAX_LEN];

	if (r == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	snprintf(name, sizeof(name), "net_ring_%s", r->name);
	return rte_eth_from_rings(name, &r, 1, &r, 1,
			r->memzone != NULL ? (unsigned int)r->memzone->socket_id : 0);
}
