/* SPDX-License-Identifier: BSD-3-Clause */
/* The layout of the shared metrics table, for the library's own files only. */
#ifndef _METRICS_PRIVATE_H_
#define _METRICS_PRIVATE_H_

#include <stdint.h>

#include <rte_config.h>
#include <rte_spinlock.h>

#include "rte_metrics.h"

/* The memzone every process finds the table in. */
#define METRICS_MZ_NAME "RTE_METRICS"

struct metrics_entry {
	char name[RTE_METRICS_MAX_NAME_LEN];
	uint64_t port_value[RTE_MAX_ETHPORTS];
	uint64_t global_value;
	/* keys in the same set after this one: update_values stops at 0 */
	uint16_t set_remaining;
};

struct metrics_table {
	rte_spinlock_t lock;
	uint16_t count;
	struct metrics_entry entry[RTE_METRICS_MAX_METRICS];
};

extern int metrics_logtype;

#define METRICS_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, metrics_logtype, "METRICS: " fmt "\n", ##__VA_ARGS__)

/* The table, or NULL when rte_metrics_init() has not run. */
struct metrics_table *metrics_table_get(void);



#endif /* _METRICS_PRIVATE_H_ */
