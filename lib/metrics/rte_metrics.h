/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Metrics: a table of named 64-bit counters shared by every part of an application.
 *
 * A producer (bitrate, latency statistics, the application itself) registers names once and
 * receives a key; it then writes values for that key either for one port or for the global
 * (port-less) column. Any reader can list the names and read a column. The table lives in a
 * memzone, so it is created once per process by rte_metrics_init() and removed by
 * rte_metrics_deinit(); all access goes through one spinlock.
 *
 * Names registered together by rte_metrics_reg_names() form a set: one call of
 * rte_metrics_update_values() may write several consecutive keys, but never past the end of
 * the set the first key belongs to.
 */
#ifndef _RTE_METRICS_H_
#define _RTE_METRICS_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Non-zero once rte_metrics_init() has created the table in this process. */
extern int metrics_initialized;

/** Size of a metric name, terminating NUL included. */
#define RTE_METRICS_MAX_NAME_LEN 64
/** Number of metrics the table can hold. */
#define RTE_METRICS_MAX_METRICS 256

/** Port id that selects the global values instead of the values of one port. */
#define RTE_METRICS_GLOBAL -1

/** One metric name, as returned by rte_metrics_get_names(). */
struct rte_metric_name {
	/** NUL-terminated name of the metric. */
	char name[RTE_METRICS_MAX_NAME_LEN];
};

/** One metric value, as returned by rte_metrics_get_values(). */
struct rte_metric_value {
	/** Key of the metric: its index in the array of rte_metrics_get_names(). */
	uint16_t key;
	/** Current value of the metric. */
	uint64_t value;
};

/**
 * Create the shared metrics table, if this process has not done so yet.
 *
 * @param socket_id
 *   NUMA socket of the memory of the table, or SOCKET_ID_ANY.
 * @return
 *   0 on success or when this process already created the table, -EEXIST when the memzone
 *   exists but this process did not create it, -E_RTE_SECONDARY in a secondary process,
 *   -ENOMEM when the memzone cannot be reserved.
 */
int rte_metrics_init(int socket_id);

/**
 * Remove the metrics table; every key registered so far becomes invalid.
 *
 * @return
 *   0 on success, -EINVAL in a secondary process, -EIO when there is no table.
 */
int rte_metrics_deinit(void);

/**
 * Register one metric.
 *
 * @param name
 *   Name of the metric; cut to RTE_METRICS_MAX_NAME_LEN - 1 characters when longer.
 * @return
 *   The key of the metric (>= 0), or -EINVAL (NULL name), -EIO (no table), -ENOMEM (table
 *   full).
 */
int rte_metrics_reg_name(const char *name);

/**
 * Register a set of metrics with consecutive keys.
 *
 * @param names
 *   Array of cnt_names names; a name longer than RTE_METRICS_MAX_NAME_LEN - 1 is cut.
 * @param cnt_names
 *   Number of names; at least 1.
 * @return
 *   The key of the first metric of the set (the others follow it), or -EINVAL (NULL array,
 *   no names, a NULL name), -EIO (no table), -ENOMEM (not enough room left).
 *   On error nothing is registered.
 */
int rte_metrics_reg_names(const char * const *names, uint16_t cnt_names);

/**
 * Read the names of every registered metric.
 *
 * @param names
 *   Array to fill, index = key; NULL to ask only for the number of metrics.
 * @param capacity
 *   Number of entries of names.
 * @return
 *   The number of metrics registered. When names is NULL or capacity is smaller than that
 *   number, nothing is written. -EIO when there is no table.
 */
int
rte_metrics_get_names(
	struct rte_metric_name *names,
	uint16_t capacity);

/**
 * Read the values of every registered metric for one port or the global column.
 *
 * @param port_id
 *   Port id below RTE_MAX_ETHPORTS, or RTE_METRICS_GLOBAL.
 * @param values
 *   Array to fill, index = key; NULL to ask only for the number of metrics.
 * @param capacity
 *   Number of entries of values.
 * @return
 *   The number of metrics registered. When values is NULL or capacity is smaller than that
 *   number, nothing is written. -EINVAL for a bad port id, -EIO when there is no table.
 */
int
rte_metrics_get_values(
	int port_id,
	struct rte_metric_value *values,
	uint16_t capacity);

/**
 * Set the value of one metric.
 *
 * @param port_id
 *   Port id below RTE_MAX_ETHPORTS, or RTE_METRICS_GLOBAL.
 * @param key
 *   Key returned by rte_metrics_reg_name() or rte_metrics_reg_names().
 * @param value
 *   New value.
 * @return
 *   0 on success, -EINVAL for a bad port id or key, -EIO when there is no table.
 */
int
rte_metrics_update_value(
	int port_id,
	uint16_t key,
	const uint64_t value);

/**
 * Set the values of consecutive metrics of one set.
 *
 * @param port_id
 *   Port id below RTE_MAX_ETHPORTS, or RTE_METRICS_GLOBAL.
 * @param key
 *   Key of the first metric to set.
 * @param values
 *   count values, for key, key + 1, ...
 * @param count
 *   Number of values; key + count - 1 must belong to the same set as key.
 * @return
 *   0 on success, -EINVAL for a bad port id or key or a NULL values, -ERANGE when the values
 *   would run past the end of the set, -EIO when there is no table.
 */
int
rte_metrics_update_values(
	int port_id,
	uint16_t key,
	const uint64_t *values,
	uint32_t count);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_METRICS_H_ */
