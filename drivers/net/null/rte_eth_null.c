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
#include <rte_eal.h>
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
#define NULL_MAX_MAC_ADDRS 16
#define NULL_RETA_SIZE 128
#define NULL_RSS_KEY_SIZE 40
#define NULL_MAX_MC_ADDRS 64

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
	uint16_t nb_desc;
	uint8_t stopped;              /* rte_eth_dev_*_queue_stop: bursts do nothing */
	uint8_t deferred;             /* not started with the port */
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;
} __rte_cache_aligned;

struct pmd_internals {
	struct null_options opt;
	/* data->mac_addrs points here: one allocation per port */
	struct rte_ether_addr mac[NULL_MAX_MAC_ADDRS];
	/* RSS is only remembered: every packet comes from nowhere */
	uint16_t reta[NULL_RETA_SIZE];
	uint8_t rss_key[NULL_RSS_KEY_SIZE];
	uint64_t rss_hf;
	struct rte_ether_addr mc[NULL_MAX_MC_ADDRS];
	uint32_t nb_mc;
};

static uint16_t
null_rx(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct null_queue *nq = q;
	uint16_t i;

	if (unlikely(nq->stopped))
		return 0;
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

	if (unlikely(nq->stopped))
		return 0;
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

	if (unlikely(nq->stopped))
		return 0;
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

	if (unlikely(nq->stopped))
		return 0;
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
	q->nb_desc = nb_desc;
	q->deferred = conf->rx_deferred_start;
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
	q->nb_desc = nb_desc;
	q->deferred = conf->tx_deferred_start;
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

	struct rte_eth_dev_data *d = dev->data;
	uint16_t i;

	/* Every queue starts with the port, except those set up for a deferred start. */
	for (i = 0; i < d->nb_rx_queues; i++) {
		struct null_queue *q = d->rx_queues[i];

		q->stopped = q->deferred;
		if (q->deferred)
			d->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	for (i = 0; i < d->nb_tx_queues; i++) {
		struct null_queue *q = d->tx_queues[i];

		q->stopped = q->deferred;
		if (q->deferred)
			d->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
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
	info->max_mac_addrs = NULL_MAX_MAC_ADDRS;
	info->max_rx_pktlen = UINT32_MAX;
	info->max_rx_queues = NULL_MAX_QUEUES;
	info->reta_size = NULL_RETA_SIZE;
	info->hash_key_size = NULL_RSS_KEY_SIZE;
	info->flow_type_rss_offloads = RTE_ETH_RSS_PROTO_MASK;
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

static int
null_mac_add(struct rte_eth_dev *dev, struct rte_ether_addr *addr, uint32_t index,
		uint32_t pool)
{
	/* ethdev keeps the list in data->mac_addrs; nothing filters here. */
	RTE_SET_USED(dev);
	RTE_SET_USED(addr);
	RTE_SET_USED(index);
	RTE_SET_USED(pool);
	return 0;
}

static void
null_mac_remove(struct rte_eth_dev *dev, uint32_t index)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(index);
}

static int
null_mc_list_set(struct rte_eth_dev *dev, struct rte_ether_addr *mc, uint32_t nb)
{
	struct pmd_internals *in = dev->data->dev_private;

	if (nb > NULL_MAX_MC_ADDRS) {
		NULL_LOG(ERR, "port %u: %u multicast addresses, at most %d", dev->data->port_id,
				nb, NULL_MAX_MC_ADDRS);
		return -ENOSPC;
	}
	if (nb > 0)
		memcpy(in->mc, mc, nb * sizeof(*mc));
	in->nb_mc = nb;
	return 0;
}

/* Queue start/stop: the burst functions look at the flag. */
static int
null_queue_state(struct rte_eth_dev *dev, int rx, uint16_t qid, int stopped)
{
	struct null_queue *q = rx ? dev->data->rx_queues[qid] : dev->data->tx_queues[qid];

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
null_rxq_start(struct rte_eth_dev *dev, uint16_t qid)
{
	return null_queue_state(dev, 1, qid, 0);
}

static int
null_rxq_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	return null_queue_state(dev, 1, qid, 1);
}

static int
null_txq_start(struct rte_eth_dev *dev, uint16_t qid)
{
	return null_queue_state(dev, 0, qid, 0);
}

static int
null_txq_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	return null_queue_state(dev, 0, qid, 1);
}

static void
null_rxq_info(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_rxq_info *qinfo)
{
	const struct null_queue *q = dev->data->rx_queues[qid];

	qinfo->mp = q->mb_pool;
	qinfo->nb_desc = q->nb_desc;
	qinfo->conf.rx_deferred_start = q->deferred;
	qinfo->rx_buf_size = (uint16_t)(rte_pktmbuf_data_room_size(q->mb_pool) -
			RTE_PKTMBUF_HEADROOM);
}

static void
null_txq_info(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_txq_info *qinfo)
{
	const struct null_queue *q = dev->data->tx_queues[qid];

	qinfo->nb_desc = q->nb_desc;
	qinfo->conf.tx_deferred_start = q->deferred;
}

static int
null_burst_mode(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_burst_mode *mode)
{
	const struct pmd_internals *in = dev->data->dev_private;

	RTE_SET_USED(qid);
	snprintf(mode->info, sizeof(mode->info), "%s", in->opt.no_rx ? "No receive" :
			in->opt.copy ? "Scalar with copy" : "Scalar");
	return 0;
}

/* Per-queue counters as extended statistics: rx_qN_packets, rx_qN_bytes, tx_q... */
static const char *const null_xstat_fields[] = { "packets", "bytes" };

static int
null_xstats_names(struct rte_eth_dev *dev, struct rte_eth_xstat_name *names, unsigned int size)
{
	unsigned int nrx = dev->data->nb_rx_queues, ntx = dev->data->nb_tx_queues;
	unsigned int total = (nrx + ntx) * RTE_DIM(null_xstat_fields), i, f, k = 0;

	if (names == NULL || size < total)
		return (int)total;
	for (i = 0; i < nrx + ntx; i++)
		for (f = 0; f < RTE_DIM(null_xstat_fields); f++)
			snprintf(names[k++].name, sizeof(names[0].name), "%s_q%u_%s",
					i < nrx ? "rx" : "tx", i < nrx ? i : i - nrx,
					null_xstat_fields[f]);
	return (int)total;
}

static int
null_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xs, unsigned int n)
{
	unsigned int nrx = dev->data->nb_rx_queues, ntx = dev->data->nb_tx_queues;
	unsigned int total = (nrx + ntx) * RTE_DIM(null_xstat_fields), i, k = 0;

	if (xs == NULL || n < total)
		return (int)total;
	for (i = 0; i < nrx + ntx; i++) {
		const struct null_queue *q = i < nrx ? dev->data->rx_queues[i] :
				dev->data->tx_queues[i - nrx];

		xs[k].id = k;
		xs[k++].value = q != NULL ? q->pkts : 0;
		xs[k].id = k;
		xs[k++].value = q != NULL ? q->bytes : 0;
	}
	return (int)total;
}

static int
null_reta_update(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta,
		uint16_t reta_size)
{
	struct pmd_internals *in = dev->data->dev_private;
	uint16_t i;

	if (reta_size != NULL_RETA_SIZE) {
		NULL_LOG(ERR, "port %u: RETA size %u, the table has %d entries",
				dev->data->port_id, reta_size, NULL_RETA_SIZE);
		return -EINVAL;
	}
	for (i = 0; i < reta_size; i++)
		if (reta[i / RTE_ETH_RETA_GROUP_SIZE].mask & RTE_BIT64(i % RTE_ETH_RETA_GROUP_SIZE))
			in->reta[i] = reta[i / RTE_ETH_RETA_GROUP_SIZE].reta[i %
					RTE_ETH_RETA_GROUP_SIZE];
	return 0;
}

static int
null_reta_query(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta,
		uint16_t reta_size)
{
	const struct pmd_internals *in = dev->data->dev_private;
	uint16_t i;

	if (reta_size != NULL_RETA_SIZE) {
		NULL_LOG(ERR, "port %u: RETA size %u, the table has %d entries",
				dev->data->port_id, reta_size, NULL_RETA_SIZE);
		return -EINVAL;
	}
	for (i = 0; i < reta_size; i++)
		if (reta[i / RTE_ETH_RETA_GROUP_SIZE].mask & RTE_BIT64(i % RTE_ETH_RETA_GROUP_SIZE))
			reta[i / RTE_ETH_RETA_GROUP_SIZE].reta[i % RTE_ETH_RETA_GROUP_SIZE] =
					in->reta[i];
	return 0;
}

static int
null_rss_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	struct pmd_internals *in = dev->data->dev_private;

	if (conf->rss_key != NULL) {
		if (conf->rss_key_len != NULL_RSS_KEY_SIZE) {
			NULL_LOG(ERR, "port %u: RSS key of %u bytes, need %d", dev->data->port_id,
					conf->rss_key_len, NULL_RSS_KEY_SIZE);
			return -EINVAL;
		}
		memcpy(in->rss_key, conf->rss_key, NULL_RSS_KEY_SIZE);
	}
	in->rss_hf = conf->rss_hf;
	return 0;
}

static int
null_rss_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	const struct pmd_internals *in = dev->data->dev_private;

	if (conf->rss_key != NULL) {
		memcpy(conf->rss_key, in->rss_key, NULL_RSS_KEY_SIZE);
		conf->rss_key_len = NULL_RSS_KEY_SIZE;
	}
	conf->rss_hf = in->rss_hf;
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
	.mac_addr_add = null_mac_add,
	.mac_addr_remove = null_mac_remove,
	.set_mc_addr_list = null_mc_list_set,
	.rx_queue_start = null_rxq_start,
	.rx_queue_stop = null_rxq_stop,
	.tx_queue_start = null_txq_start,
	.tx_queue_stop = null_txq_stop,
	.rxq_info_get = null_rxq_info,
	.txq_info_get = null_txq_info,
	.rx_burst_mode_get = null_burst_mode,
	.tx_burst_mode_get = null_burst_mode,
	.xstats_get_names = null_xstats_names,
	.xstats_get = null_xstats_get,
	.reta_update = null_reta_update,
	.reta_query = null_reta_query,
	.rss_hash_update = null_rss_update,
	.rss_hash_conf_get = null_rss_get,
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
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		/* The primary's port, its queues and options: only the functions are ours. */
		dev = rte_eth_dev_attach_secondary(name);
		if (dev == NULL)
			return -ENODEV;
		in = dev->data->dev_private;
		dev->device = &vdev->device;
		dev->dev_ops = &null_ops;
		dev->rx_pkt_burst = in->opt.no_rx ? null_rx_none : in->opt.copy ? null_rx_copy :
			null_rx;
		dev->tx_pkt_burst = in->opt.copy ? null_tx_copy : null_tx;
		rte_eth_dev_probing_finish(dev);
		return 0;
	}
	dev = rte_eth_vdev_allocate(vdev, sizeof(*in));
	if (dev == NULL)
		return -rte_errno;
	in = dev->data->dev_private;
	in->opt = opt;
	rte_eth_random_addr(in->mac[0].addr_bytes);
	dev->data->mac_addrs = in->mac;
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
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return rte_eth_dev_release_port(dev);
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
