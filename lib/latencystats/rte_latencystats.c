/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Latency sampling with ethdev callbacks. The statistics live in a memzone (so that another
 * part of the application finds them by name) and are kept in TSC cycles; they become
 * nanoseconds only when read. Rx callbacks of different queues share the time of the last
 * sample through a relaxed atomic: two queues may occasionally both take a sample in the same
 * interval, which only makes the sampling a little denser.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>
#include <rte_memzone.h>
#include <rte_metrics.h>
#include <rte_spinlock.h>
#include <rte_string_fns.h>
#include <rte_telemetry.h>

#include "rte_latencystats.h"

RTE_LOG_REGISTER_DEFAULT(latencystats_logtype, INFO);

#define LATENCY_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, latencystats_logtype, "LATENCYSTATS: " fmt "\n", \
		##__VA_ARGS__)

#define LATENCY_MZ_NAME "rte_latencystats"
#define LATENCY_NB_STATS 4

/* Weights of the newest sample: the moving average and the jitter. */
#define LATENCY_AVG_WEIGHT 0.2
#define LATENCY_JITTER_WEIGHT (1.0 / 16)

static const char * const latency_names[LATENCY_NB_STATS] = {
	"min_latency_ns",
	"avg_latency_ns",
	"max_latency_ns",
	"jitter_ns",
};

/* In the memzone; every value in TSC cycles. */
struct latency_stats {
	rte_spinlock_t lock;
	uint64_t samples;
	double min;
	double avg;
	double max;
	double jitter;
	double last;      /* previous latency, for the jitter */
};

static struct latency_stats *glob_stats;
static int metrics_key;
static uint64_t samp_cycles;
static double cycles_per_ns;
static uint64_t last_sample_tsc;
static int ts_offset = -1;
static uint64_t ts_flag;

static const struct rte_eth_rxtx_callback *rx_cbs[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
static const struct rte_eth_rxtx_callback *tx_cbs[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];

static inline uint64_t *
latency_ts(struct rte_mbuf *m)
{
	return RTE_MBUF_DYNFIELD(m, ts_offset, uint64_t *);
}

static uint16_t
latency_rx_cb(uint16_t port __rte_unused, uint16_t queue __rte_unused,
		struct rte_mbuf **pkts, uint16_t nb_pkts, uint16_t max_pkts __rte_unused,
		void *arg __rte_unused)
{
	uint64_t now = rte_rdtsc();
	uint64_t last = __atomic_load_n(&last_sample_tsc, __ATOMIC_RELAXED);
	uint16_t i;

	for (i = 0; i < nb_pkts; i++) {
		/* a timestamp set by the PMD is left alone, as DPDK does */
		if (pkts[i]->ol_flags & ts_flag)
			continue;
		if (now - last < samp_cycles)
			break;
		*latency_ts(pkts[i]) = now;
		pkts[i]->ol_flags |= ts_flag;
		last = now;
		__atomic_store_n(&last_sample_tsc, now, __ATOMIC_RELAXED);
	}
	return nb_pkts;
}

static void
latency_add(struct latency_stats *s, double lat)
{
	if (s->samples == 0) {
		s->min = lat;
		s->max = lat;
		s->avg = lat;
		s->jitter = 0;
	} else {
		if (lat < s->min)
			s->min = lat;
		if (lat > s->max)
			s->max = lat;
		s->avg += (lat - s->avg) * LATENCY_AVG_WEIGHT;
		s->jitter += (fabs(lat - s->last) - s->jitter) * LATENCY_JITTER_WEIGHT;
	}
	s->last = lat;
	s->samples++;
}

/* Samples taken outside the lock, then added under it, this many at a time. */
#define LATENCY_BATCH 32

static void
latency_add_batch(struct latency_stats *s, const double *lat, unsigned int n)
{
	unsigned int i;

	rte_spinlock_lock(&s->lock);
	for (i = 0; i < n; i++)
		latency_add(s, lat[i]);
	rte_spinlock_unlock(&s->lock);
}

static uint16_t
latency_tx_cb(uint16_t port __rte_unused, uint16_t queue __rte_unused,
		struct rte_mbuf **pkts, uint16_t nb_pkts, void *arg __rte_unused)
{
	struct latency_stats *s = __atomic_load_n(&glob_stats, __ATOMIC_ACQUIRE);
	double lat[LATENCY_BATCH];
	uint64_t now = rte_rdtsc();
	unsigned int n = 0;
	uint16_t i;

	if (s == NULL)
		return nb_pkts;
	for (i = 0; i < nb_pkts; i++) {
		if (!(pkts[i]->ol_flags & ts_flag))
			continue;
		lat[n++] = (double)(now - *latency_ts(pkts[i]));
		/* sent once: a packet sent again (forwarded back) is not counted twice */
		pkts[i]->ol_flags &= ~ts_flag;
		if (n == LATENCY_BATCH) {
			latency_add_batch(s, lat, n);
			n = 0;
		}
	}
	if (n > 0)
		latency_add_batch(s, lat, n);
	return nb_pkts;
}

/* The statistics in nanoseconds, in the order of latency_names. */
static void
latency_read_ns(uint64_t out[LATENCY_NB_STATS])
{
	struct latency_stats *s = glob_stats;

	rte_spinlock_lock(&s->lock);
	out[0] = (uint64_t)(s->min / cycles_per_ns);
	out[1] = (uint64_t)(s->avg / cycles_per_ns);
	out[2] = (uint64_t)(s->max / cycles_per_ns);
	out[3] = (uint64_t)(s->jitter / cycles_per_ns);
	rte_spinlock_unlock(&s->lock);
}

static void
latency_callbacks_remove(void)
{
	uint16_t port, q;

	for (port = 0; port < RTE_MAX_ETHPORTS; port++)
		for (q = 0; q < RTE_MAX_QUEUES_PER_PORT; q++) {
			if (rx_cbs[port][q] != NULL &&
					rte_eth_remove_rx_callback(port, q, rx_cbs[port][q]) != 0)
				LATENCY_LOG(DEBUG, "port %u rx queue %u: callback gone", port, q);
			if (tx_cbs[port][q] != NULL &&
					rte_eth_remove_tx_callback(port, q, tx_cbs[port][q]) != 0)
				LATENCY_LOG(DEBUG, "port %u tx queue %u: callback gone", port, q);
			rx_cbs[port][q] = NULL;
			tx_cbs[port][q] = NULL;
		}
}

static void
latency_callbacks_add(void)
{
	struct rte_eth_dev_info info;
	uint16_t port, q;

	RTE_ETH_FOREACH_DEV(port) {
		if (rte_eth_dev_info_get(port, &info) != 0) {
			LATENCY_LOG(INFO, "port %u: no device info, not measured", port);
			continue;
		}
		for (q = 0; q < info.nb_rx_queues && q < RTE_MAX_QUEUES_PER_PORT; q++) {
			rx_cbs[port][q] = rte_eth_add_first_rx_callback(port, q, latency_rx_cb,
					NULL);
			if (rx_cbs[port][q] == NULL)
				LATENCY_LOG(INFO, "port %u rx queue %u: no callback: %s", port, q,
						rte_strerror(rte_errno));
		}
		for (q = 0; q < info.nb_tx_queues && q < RTE_MAX_QUEUES_PER_PORT; q++) {
			tx_cbs[port][q] = rte_eth_add_tx_callback(port, q, latency_tx_cb, NULL);
			if (tx_cbs[port][q] == NULL)
				LATENCY_LOG(INFO, "port %u tx queue %u: no callback: %s", port, q,
						rte_strerror(rte_errno));
		}
	}
}

/*
 * Key of the latency metrics: those of an earlier start when the table still has them (the
 * table cannot remove names, and a start/stop cycle should not fill it), else new ones.
 */
static int
latency_metrics_key(void)
{
	struct rte_metric_name names[RTE_METRICS_MAX_METRICS];
	int n, i, j;

	n = rte_metrics_get_names(names, RTE_DIM(names));
	for (i = 0; i + LATENCY_NB_STATS <= n; i++) {
		for (j = 0; j < LATENCY_NB_STATS; j++)
			if (strcmp(names[i + j].name, latency_names[j]) != 0)
				break;
		if (j == LATENCY_NB_STATS)
			return i;
	}
	return rte_metrics_reg_names(latency_names, LATENCY_NB_STATS);
}

int
rte_latencystats_init(uint64_t samp_intvl, rte_latency_stats_flow_type_fn user_cb)
{
	const struct rte_memzone *mz;
	int key;

	RTE_SET_USED(user_cb); /* per-flow statistics are not implemented */
	if (rte_memzone_lookup(LATENCY_MZ_NAME) != NULL) {
		LATENCY_LOG(ERR, "init: already started");
		return -EEXIST;
	}
	if (ts_offset < 0 && rte_mbuf_dyn_rx_timestamp_register(&ts_offset, &ts_flag) != 0) {
		LATENCY_LOG(ERR, "init: no mbuf timestamp field: %s", rte_strerror(rte_errno));
		ts_offset = -1;
		return -1;
	}
	key = latency_metrics_key();
	if (key < 0) {
		LATENCY_LOG(ERR, "init: cannot register the metrics: %s", rte_strerror(-key));
		return -1;
	}
	mz = rte_memzone_reserve(LATENCY_MZ_NAME, sizeof(*glob_stats), rte_socket_id(), 0);
	if (mz == NULL) {
		LATENCY_LOG(ERR, "init: cannot reserve memzone %s", LATENCY_MZ_NAME);
		return -ENOMEM;
	}
	glob_stats = mz->addr;
	memset(glob_stats, 0, sizeof(*glob_stats));
	rte_spinlock_init(&glob_stats->lock);
	metrics_key = key;
	cycles_per_ns = (double)rte_get_tsc_hz() / NS_PER_S;
	samp_cycles = (uint64_t)((double)samp_intvl * cycles_per_ns);
	/* the first packet after start is sampled */
	__atomic_store_n(&last_sample_tsc, rte_rdtsc() - samp_cycles, __ATOMIC_RELAXED);
	latency_callbacks_add();
	return 0;
}

int
rte_latencystats_uninit(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(LATENCY_MZ_NAME);

	if (mz == NULL || glob_stats == NULL) {
		LATENCY_LOG(ERR, "uninit: not started");
		return -1;
	}
	latency_callbacks_remove();
	/* a Tx callback still running on another lcore sees NULL and returns */
	__atomic_store_n(&glob_stats, NULL, __ATOMIC_RELEASE);
	rte_memzone_free(mz);
	return 0;
}

int32_t
rte_latencystats_update(void)
{
	uint64_t values[LATENCY_NB_STATS];
	int ret;

	if (glob_stats == NULL) {
		LATENCY_LOG(ERR, "update: not started");
		return -EINVAL;
	}
	latency_read_ns(values);
	ret = rte_metrics_update_values(RTE_METRICS_GLOBAL, (uint16_t)metrics_key, values,
			LATENCY_NB_STATS);
	if (ret < 0)
		LATENCY_LOG(INFO, "update: metrics not updated: %s", rte_strerror(-ret));
	return ret;
}

int
rte_latencystats_get_names(struct rte_metric_name *names, uint16_t size)
{
	unsigned int i;

	if (names == NULL || size < LATENCY_NB_STATS)
		return LATENCY_NB_STATS;
	for (i = 0; i < LATENCY_NB_STATS; i++)
		strlcpy(names[i].name, latency_names[i], sizeof(names[i].name));
	return LATENCY_NB_STATS;
}

int
rte_latencystats_get(struct rte_metric_value *values, uint16_t size)
{
	uint64_t ns[LATENCY_NB_STATS];
	unsigned int i;

	if (values == NULL || size < LATENCY_NB_STATS)
		return LATENCY_NB_STATS;
	if (glob_stats == NULL) {
		LATENCY_LOG(ERR, "get: not started");
		return -ENOMEM;
	}
	latency_read_ns(ns);
	for (i = 0; i < LATENCY_NB_STATS; i++) {
		values[i].key = i;
		values[i].value = ns[i];
	}
	return LATENCY_NB_STATS;
}

static int
latency_tel(const char *cmd __rte_unused, const char *params __rte_unused,
		struct rte_tel_data *d)
{
	uint64_t ns[LATENCY_NB_STATS];
	unsigned int i;

	if (glob_stats == NULL)
		return -EINVAL;
	latency_read_ns(ns);
	rte_tel_data_start_dict(d);
	for (i = 0; i < LATENCY_NB_STATS; i++)
		rte_tel_data_add_dict_u64(d, latency_names[i], ns[i]);
	return 0;
}

RTE_INIT(latencystats_telemetry_init)
{
	rte_telemetry_register_cmd("/latencystats", latency_tel,
		"Latency statistics in nanoseconds: min, average, max, jitter. No parameters");
}
