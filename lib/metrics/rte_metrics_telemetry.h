/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * JSON encoding of metrics for the legacy telemetry interface.
 *
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * This tree has no JSON library: the functions exist so that applications link, and each
 * returns -ENOTSUP. The telemetry commands /metrics, /metrics/port and /metrics/names give
 * the same information.
 */
#ifdef RTE_HAS_JANSSON
#include <jansson.h>
#else
/** Stand-in for the JSON library's object type. */
#define json_t void *
#endif

#include <rte_compat.h>
#include <rte_config.h>
#include "rte_metrics.h"

#ifndef _RTE_METRICS_TELEMETRY_H_
#define _RTE_METRICS_TELEMETRY_H_

#ifdef __cplusplus
extern "C" {
#endif

/** What a struct telemetry_encode_param selects. */
enum rte_telemetry_stats_type {
	PORT_STATS = 0,   /**< values of the ports listed in the parameter */
	GLOBAL_STATS = 1  /**< the global values */
};

/** Selection of metrics and ports to encode. */
struct telemetry_encode_param {
	/** Ports or global values. */
	enum rte_telemetry_stats_type type;
	/** Metrics and ports selected by PORT_STATS. */
	struct port_param {
		/** Number of entries of metric_ids. */
		int num_metric_ids;
		/** Keys of the metrics. */
		uint32_t metric_ids[RTE_METRICS_MAX_METRICS];
		/** Number of entries of port_ids. */
		int num_port_ids;
		/** Port ids. */
		uint32_t port_ids[RTE_MAX_ETHPORTS];
	} pp; /**< The metrics and ports of PORT_STATS. */
};

/** State of the legacy telemetry's registration of ethdev statistics. */
struct telemetry_metrics_data {
	/** First metric key of each port's extended statistics. */
	int reg_index[RTE_MAX_ETHPORTS];
	/** Non-zero once the statistics are registered. */
	int metrics_register_done;
};

/**
 * Register the extended statistics of every port as metrics.
 *
 * @param metrics_register_done
 *   Set when done.
 * @param reg_index_list
 *   First key of each port.
 * @return
 *   -ENOTSUP: built without a JSON library.
 */
__rte_experimental
int32_t rte_metrics_tel_reg_all_ethdev(int *metrics_register_done,
		int *reg_index_list);

/**
 * Encode selected metrics as JSON.
 *
 * @param ep
 *   The selection.
 * @param json_buffer
 *   Where the allocated JSON text would be returned.
 * @return
 *   -ENOTSUP: built without a JSON library.
 */
__rte_experimental
int32_t
rte_metrics_tel_encode_json_format(struct telemetry_encode_param *ep,
		char **json_buffer);

/**
 * Select the global metrics.
 *
 * @param ep
 *   The selection to fill.
 * @return
 *   -ENOTSUP: built without a JSON library.
 */
__rte_experimental
int32_t
rte_metrics_tel_get_global_stats(struct telemetry_encode_param *ep);

/**
 * Select every metric of every port.
 *
 * @param ep
 *   The selection to fill.
 * @return
 *   -ENOTSUP: built without a JSON library.
 */
__rte_experimental
int32_t
rte_metrics_tel_get_port_stats_ids(struct telemetry_encode_param *ep);

/**
 * Encode the metrics of the ports of a selection as JSON.
 *
 * @param ep
 *   The selection.
 * @param reg_index
 *   First key of each port.
 * @param json_buffer
 *   Where the allocated JSON text would be returned.
 * @return
 *   -ENOTSUP: built without a JSON library.
 */
__rte_experimental
int32_t
rte_metrics_tel_get_ports_stats_json(struct telemetry_encode_param *ep,
		int *reg_index, char **json_buffer);

/**
 * Fill a selection from a JSON request.
 *
 * @param ep
 *   The selection to fill.
 * @param data
 *   The request.
 * @return
 *   -ENOTSUP: built without a JSON library.
 */
__rte_experimental
int32_t
rte_metrics_tel_extract_data(struct telemetry_encode_param *ep, json_t *data);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_METRICS_TELEMETRY_H_ */
