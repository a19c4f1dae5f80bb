/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_null: a port that receives as fast as buffers can be allocated and sends into the void.
 * Used to measure the cost of the framework itself and to exercise the port life cycle.
 *
 * Arguments: size=<bytes> of received packets (default 64), copy=<0|1> (copy packet data on
 * receive and transmit, to add memory traffic), no-rx=<0|1> (receive nothing).
 *
 * Queues are separate allocations made at queue setup and freed through the queue release op,
 * so ethdev frees them only after data-path lcores have let go of them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

RTE_LOG_REGISTER_DEFAULT(null_logtype, NOTICE);
#define NULL_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, null_logtype, "net_null: " fmt "\n", ##__VA_ARGS__)

#define ARG_SIZE "size"
#define ARG_COPY "copy"
#define ARG_NO_RX "no-rx"
#define NULL_DEFAULT_SIZE 64
#define NULL_MAX_QUEUES 128

static const char *const valid_args[] = { ARG_SIZE, ARG_COPY, ARG_NO_RX, NULL };

struct null_options {
	unsigned int size;
	unsigned int copy;
	unsigned int no_rx;
};

/* One queue; its counters are written only by the lcore polling it. */
struct null_queue {
	struct rte_mempool *mb_pool;  /* rx only */
	uint8_t *scratch;             /* copy mode: packet-sized buffer */
	unsigned int size;
	uint16_t port_id;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;
} __rte_cache_aligned;

struct pmd_internals {
	struct null_options opt;
	struct rte_ether_addr mac;  /* data->mac_addrs points here: one allocation per port */
};

static uint16_t
null_rx(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct null_queue *nq = q;
	uint16_t i;

	if (rte_pktmbuf_alloc_bulk(nq->mb_pool, bufs, nb) != 0) {
		nq->errs++;
		return 0;
	}
	for (i = 0; i < nb; i++) {
		bufs[i]->data_len = (uint16_t)nq->size;
		bufs[i]->pkt_len = nq->size;
		bufs[i]->port = nq->port_id;
	}
	nq->pkts += nb;
	nq->bytes += (uint64_t)nb * nq->size;
	return nb;
}

static uint16_t
null_rx_copy(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct null_queue *nq = q;
	uint16_t i;

	if (rte_pktmbuf_alloc_bulk(nq->mb_pool, bufs, nb) != 0) {
		nq->errs++;
		return 0;
	}
	for (i = 0; i < nb; i++) {
		memcpy(rte_pktmbuf_mtod(bufs[i], void *), nq->scratch, nq->size);
		bufs[i]->data_len = (uint16_t)nq->size;
		bufs[i]->pkt_len = nq->size;
		bufs[i]->port = nq->port_id;
	}
	nq->pkts += nb;
	nq->bytes += (uint64_t)nb * nq->size;
	return nb;
}

static uint16_t
null_rx_none(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	RTE_SET_USED(q);
	RTE_SET_USED(bufs);
	RTE_SET_USED(nb);
	return 0;
}

static uint16_t
null_tx(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct null_queue *nq = q;
	uint64_t bytes = 0;
	uint16_t i;

	for (i = 0; i < nb; i++)
		bytes += bufs[i]->pkt_len;
	rte_pktmbuf_free_bulk(bufs, nb);
	nq->pkts += nb;
	nq->bytes += bytes;
	return nb;
}

static uint16_t
null_tx_copy(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct null_queue *nq = q;
	uint64_t bytes = 0;
	uint16_t i;

	for (i = 0; i < nb; i++) {
		uint32_t len = RTE_MIN(bufs[i]->data_len, (uint32_t)nq->size);

		memcpy(nq->scratch, rte_pktmbuf_mtod(bufs[i], void *), len);
		bytes += bufs[i]->pkt_len;
	}
	rte_pktmbuf_free_bulk(bufs, nb);
	nq->pkts += nb;
	nq->bytes += bytes;
	return nb;
}

static struct null_queue *
queue_create(struct rte_eth_dev *dev, unsigned int socket_id)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct null_queue *q;

	q = rte_zmalloc_socket("null queue", sizeof(*q), RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (q == NULL)
		return NULL;
	q->size = in->opt.size;
	q->port_id = dev->data->port_id;
	if (in->opt.copy) {
		q->scratch = rte_zmalloc_socket("null scratch", in->opt.size, 0, (int)socket_id);
		if (q->scratch == NULL) {
			rte_free(q);
			return NULL;
		}
	}
	return q;
}

static void
queue_free(struct null_queue *q)
{
	if (q == NULL)
		return;
	rte_free(q->scratch);
	rte_free(q);
}

static int
null_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct null_queue *q;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(conf);
	if (rte_pktmbuf_data_room_size(mp) < RTE_PKTMBUF_HEADROOM +
	    ((struct pmd_internals *)dev->data->dev_private)->opt.size) {
		NULL_LOG(ERR, "port %u: mempool buffers too small for %u-byte packets",
			dev->data->port_id,
			((struct pmd_internals *)dev->data->dev_private)->opt.size);
		return -EINVAL;
	}
	q = queue_create(dev, socket_id);
	if (q == NULL)
		return -ENOMEM;
	q->mb_pool = mp;
	dev->data->rx_queues[qid] = q;
	return 0;
}

static int
null_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct null_queue *q;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(conf);
	q = queue_create(dev, socket_id);
	if (q == NULL)
		return -ENOMEM;
	dev->data->tx_queues[qid] = q;
	return 0;
}

static void
null_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	queue_free(dev->data->rx_queues[qid]);
	dev->data->rx_queues[qid] = NULL;
}

static void
null_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	queue_free(dev->data->tx_queues[qid]);
	dev->data->tx_queues[qid] = NULL;
}

static int
null_configure(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
null_link_update(struct rte_eth_dev *dev, int wait)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = dev->data->dev_started ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
	};

	RTE_SET_USED(wait);
	return rte_eth_linkstatus_set(dev, &link);
}

static int
null_start(struct rte_eth_dev *dev)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = RTE_ETH_LINK_UP,
	};

	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static int
null_stop(struct rte_eth_dev *dev)
{
	struct rte_eth_link link = { .link_status = RTE_ETH_LINK_DOWN };

	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static int
null_close(struct rte_eth_dev *dev)
{
	/* Queues were released by ethdev; nothing else is held per session. */
	RTE_SET_USED(dev);
	return 0;
}

static int
null_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	RTE_SET_USED(dev);
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = UINT32_MAX;
	info->max_rx_queues = NULL_MAX_QUEUES;
	info->max_tx_queues = NULL_MAX_QUEUES;
	info->min_rx_bufsize = 0;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_MT_LOCKFREE |
			RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
null_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	struct rte_eth_dev_data *d = dev->data;
	uint16_t i;

	for (i = 0; i < d->nb_rx_queues; i++) {
		const struct null_queue *q = d->rx_queues[i];

		if (q == NULL)
			continue;
		st->ipackets += q->pkts;
		st->ibytes += q->bytes;
		st->rx_nombuf += q->errs;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[i] = q->pkts;
			st->q_ibytes[i] = q->bytes;
		}
	}
	for (i = 0; i < d->nb_tx_queues; i++) {
		const struct null_queue *q = d->tx_queues[i];

		if (q == NULL)
			continue;
		st->opackets += q->pkts;
		st->obytes += q->bytes;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[i] = q->pkts;
			st->q_obytes[i] = q->bytes;
		}
	}
	return 0;
}

static int
null_stats_reset(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *d = dev->data;
	uint16_t i;

	for (i = 0; i < d->nb_rx_queues; i++) {
		struct null_queue *q = d->rx_queues[i];

		if (q != NULL)
			q->pkts = q->bytes = q->errs = 0;
	}
	for (i = 0; i < d->nb_tx_queues; i++) {
		struct null_queue *q = d->tx_queues[i];

		if (q != NULL)
			q->pkts = q->bytes = q->errs = 0;
	}
	return 0;
}

static int
null_mode_ok(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
null_mac_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(addr);
	return 0;
}

static int
null_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(mtu);
	return 0;
}

static const struct eth_dev_ops null_ops = {
	.dev_configure = null_configure,
	.dev_start = null_start,
	.dev_stop = null_stop,
	.dev_close = null_close,
	.link_update = null_link_update,
	.promiscuous_enable = null_mode_ok,
	.promiscuous_disable = null_mode_ok,
	.allmulticast_enable = null_mode_ok,
	.allmulticast_disable = null_mode_ok,
	.mac_addr_set = null_mac_set,
	.mtu_set = null_mtu_set,
	.stats_get = null_stats_get,
	.stats_reset = null_stats_reset,
	.dev_infos_get = null_info,
	.rx_queue_setup = null_rx_queue_setup,
	.rx_queue_release = null_rx_queue_release,
	.tx_queue_setup = null_tx_queue_setup,
	.tx_queue_release = null_tx_queue_release,
};

static int
parse_uint(const char *key, const char *value, void *opaque)
{
	unsigned int *out = opaque;
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(value, &end, 0);
	if (errno != 0 || end == value || *end != '\0' || value[0] == '-' || v > UINT16_MAX) {
		NULL_LOG(ERR, "invalid value \"%s\" for %s", value, key);
		return -EINVAL;
	}
	*out = (unsigned int)v;
	return 0;
}

static int
parse_bool(const char *key, const char *value, void *opaque)
{
	unsigned int *out = opaque;

	if (strcmp(value, "0") != 0 && strcmp(value, "1") != 0) {
		NULL_LOG(ERR, "invalid value \"%s\" for %s (0 or 1)", value, key);
		return -EINVAL;
	}
	*out = value[0] == '1';
	return 0;
}

static int
parse_options(const char *name, const char *args, struct null_options *opt)
{
	struct rte_kvargs *kv;
	int ret = 0;

	opt->size = NULL_DEFAULT_SIZE;
	opt->copy = 0;
	opt->no_rx = 0;
	if (args == NULL || args[0] == '\0')
		return 0;
	kv = rte_kvargs_parse(args, valid_args);
	if (kv == NULL) {
		NULL_LOG(ERR, "%s: cannot parse arguments \"%s\"", name, args);
		return -EINVAL;
	}
	if (rte_kvargs_process(kv, ARG_SIZE, parse_uint, &opt->size) < 0 ||
	    rte_kvargs_process(kv, ARG_COPY, parse_bool, &opt->copy) < 0 ||
	    rte_kvargs_process(kv, ARG_NO_RX, parse_bool, &opt->no_rx) < 0)
		ret = -EINVAL;
	rte_kvargs_free(kv);
	if (ret == 0 && opt->size == 0) {
		NULL_LOG(ERR, "%s: size must be at least 1", name);
		ret = -EINVAL;
	}
	if (ret == 0 && opt->copy && opt->no_rx) {
		NULL_LOG(ERR, "%s: copy and no-rx cannot be combined", name);
		ret = -EINVAL;
	}
	return ret;
}

static int
null_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct null_options opt;
	struct rte_eth_dev *dev;
	struct pmd_internals *in;
	int ret;

	ret = parse_options(name, rte_vdev_device_args(vdev), &opt);
	if (ret != 0)
		return ret;
	dev = rte_eth_vdev_allocate(vdev, sizeof(*in));
	if (dev == NULL)
		return -rte_errno;
	in = dev->data->dev_private;
	in->opt = opt;
	rte_eth_random_addr(in->mac.addr_bytes);
	dev->data->mac_addrs = &in->mac;
	dev->dev_ops = &null_ops;
	dev->rx_pkt_burst = opt.no_rx ? null_rx_none : opt.copy ? null_rx_copy : null_rx;
	dev->tx_pkt_burst = opt.copy ? null_tx_copy : null_tx;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
null_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0;
	rte_eth_dev_close(dev->data->port_id);
	/* The address lives in the private data, which release frees. */
	dev->data->mac_addrs = NULL;
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver null_driver = {
	.probe = null_probe,
	.remove = null_remove,
};

RTE_PMD_REGISTER_VDEV(net_null, null_driver);
RTE_PMD_REGISTER_ALIAS(net_null, eth_null);
RTE_PMD_REGISTER_PARAM_STRING(net_null, "size=<int> copy=<0|1> no-rx=<0|1>");
