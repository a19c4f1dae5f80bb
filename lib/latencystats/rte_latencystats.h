/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Latency statistics: how long packets spend between their reception and their transmission.
 *
 * rte_latencystats_init() installs a receive callback on every queue of every port, which
 * writes the TSC into the mbuf's Rx timestamp field of one packet per sampling interval, and
 * a transmit callback, which turns the timestamp of each such packet back into a latency.
 * The library keeps the minimum, the maximum, a moving average (weight 20% on the newest
 * sample) and the jitter (the mean difference between successive latencies, weight 1/16).
 * rte_latencystats_update() publishes them, in nanoseconds, as the global metrics
 * min_latency_ns, avg_latency_ns, max_latency_ns and jitter_ns; rte_latencystats_get() and
 * the telemetry command /latencystats read them directly.
 */
#ifndef _RTE_LATENCYSTATS_H_
#define _RTE_LATENCYSTATS_H_

#include <stdint.h>

#include <rte_metrics.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Classifier of received packets into flows, reserved for per-flow statistics (not
 * implemented: the library keeps global statistics only).
 *
 * @param pkt
 *   The received packet.
 * @param user_param
 *   The parameter given along with the callback.
 * @return
 *   A mask of the flows the packet belongs to.
 */
typedef uint16_t (*rte_latency_stats_flow_type_fn)(struct rte_mbuf *pkt,
							void *user_param);

/**
 * Start measuring: register the metrics and the callbacks on every Rx and Tx queue of every
 * port (configured ports only; ports added later are not measured). rte_metrics_init() must
 * have been called.
 *
 * @param samp_intvl
 *   Time in nanoseconds between two sampled packets; 0 samples every packet.
 * @param user_cb
 *   Reserved for per-flow statistics; pass NULL.
 * @return
 *   0 on success; -EEXIST when already started, -ENOMEM when memory is short, -1 when the
 *   metrics cannot be registered or the timestamp field cannot be found.
 */
int rte_latencystats_init(uint64_t samp_intvl,
			rte_latency_stats_flow_type_fn user_cb);

/**
 * Publish the current statistics as global metrics.
 *
 * @return
 *   0 on success; -EINVAL when not started, or the error of rte_metrics_update_values().
 */
int32_t rte_latencystats_update(void);

/**
 * Stop measuring: remove the callbacks and the statistics.
 *
 * @return
 *   0 on success, -1 when not started.
 */
int rte_latencystats_uninit(void);

/**
 * Read the names of the latency statistics.
 *
 * @param names
 *   Array to fill; NULL to ask only for the number of statistics.
 * @param size
 *   Number of entries of names.
 * @return
 *   The number of statistics; when larger than size (or names is NULL) nothing is written.
 */
int rte_latencystats_get_names(struct rte_metric_name *names,
				uint16_t size);

/**
 * Read the latency statistics, in nanoseconds, keys 0 to 3 in the order of
 * rte_latencystats_get_names().
 *
 * @param values
 *   Array to fill; NULL to ask only for the number of statistics.
 * @param size
 *   Number of entries of values.
 * @return
 *   The number of statistics; when larger than size (or values is NULL) nothing is
 *   written. -ENOMEM when measuring has not started.
 */
int rte_latencystats_get(struct rte_metric_value *values,
			uint16_t size);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LATENCYSTATS_H_ */
