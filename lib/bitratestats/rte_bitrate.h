/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Bit rate statistics of ethdev ports, published as metrics.
 *
 * The application calls rte_stats_bitrate_calc() for a port once per second; each call turns
 * the bytes received and sent since the previous call into bits per second and updates, for
 * each direction, an exponentially weighted moving average (weight 20% on the new sample),
 * the rate of the latest interval alone (called mean, as in DPDK) and the highest rate. The six values are written to the port's
 * column of the metrics table under the names ewma_bits_in, ewma_bits_out, mean_bits_in,
 * mean_bits_out, peak_bits_in and peak_bits_out.
 */
#ifndef _RTE_BITRATE_H_
#define _RTE_BITRATE_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque state of the bit rate calculation of every port. */
struct rte_stats_bitrates;

/**
 * Allocate the state of the bit rate calculation.
 *
 * @return
 *   The state, zeroed, or NULL when memory is short.
 */
struct rte_stats_bitrates *rte_stats_bitrate_create(void);

/**
 * Free the state of the bit rate calculation.
 *
 * @param bitrate_data
 *   State from rte_stats_bitrate_create(); NULL does nothing.
 */
void rte_stats_bitrate_free(struct rte_stats_bitrates *bitrate_data);

/**
 * Register the bit rate metrics; call after rte_metrics_init() and before
 * rte_stats_bitrate_calc().
 *
 * @param bitrate_data
 *   State from rte_stats_bitrate_create().
 * @return
 *   The key of the first metric (>= 0), or a negative errno: -EINVAL for a NULL state, or
 *   the error of rte_metrics_reg_names().
 */
int rte_stats_bitrate_reg(struct rte_stats_bitrates *bitrate_data);

/**
 * Take one sample of a port's counters and update its bit rate metrics. Meant to be called
 * once per second: the rates are bits per call interval.
 *
 * @param bitrate_data
 *   State registered by rte_stats_bitrate_reg().
 * @param port_id
 *   The port.
 * @return
 *   0 on success, -EINVAL for a NULL state, or the error of rte_eth_stats_get() or
 *   rte_metrics_update_values().
 */
int rte_stats_bitrate_calc(struct rte_stats_bitrates *bitrate_data,
			   uint16_t port_id);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BITRATE_H_ */
