/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Power-saving waits: sleep until a memory location changes (monitor) or for a while (pause).
 * This tree does not implement them: every call returns -ENOTSUP, and
 * rte_cpu_get_intrinsics_support() reports none, so callers keep their polling paths.
 */
#ifndef _RTE_POWER_INTRINSIC_H_
#define _RTE_POWER_INTRINSIC_H_

#include <inttypes.h>

#include <rte_spinlock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Number of 64-bit words of callback data in struct rte_power_monitor_cond. */
#define RTE_POWER_MONITOR_OPAQUE_SZ 4

/**
 * Callback checking, before the wait, whether it should be skipped.
 * @param val value read at the monitored address
 * @param opaque the condition's opaque data
 * @return 0 to go on waiting, -1 to skip the wait
 */
typedef int (*rte_power_monitor_clb_t)(const uint64_t val,
		const uint64_t opaque[RTE_POWER_MONITOR_OPAQUE_SZ]);

/** What to monitor. */
struct rte_power_monitor_cond {
	volatile void *addr;          /**< address to monitor */
	uint8_t size;                 /**< bytes read at addr: 1, 2, 4 or 8 */
	rte_power_monitor_clb_t fn;   /**< check made before waiting */
	uint64_t opaque[RTE_POWER_MONITOR_OPAQUE_SZ]; /**< data for fn */
};

/**
 * Wait until pmc->addr is written or the TSC reaches tsc_timestamp.
 * @param pmc what to monitor
 * @param tsc_timestamp TSC value at which to stop waiting
 * @return -ENOTSUP: not implemented here
 */
int rte_power_monitor(const struct rte_power_monitor_cond *pmc,
		const uint64_t tsc_timestamp);

/**
 * Wake an lcore waiting in rte_power_monitor.
 * @param lcore_id the lcore
 * @return -ENOTSUP: not implemented here
 */
int rte_power_monitor_wakeup(const unsigned int lcore_id);

/**
 * Sleep in a light power state until the TSC reaches tsc_timestamp.
 * @param tsc_timestamp TSC value at which to wake up
 * @return -ENOTSUP: not implemented here
 */
int rte_power_pause(const uint64_t tsc_timestamp);

/**
 * rte_power_monitor on several addresses at once.
 * @param pmc the conditions
 * @param num number of conditions
 * @param tsc_timestamp TSC value at which to stop waiting
 * @return -ENOTSUP: not implemented here
 */
int rte_power_monitor_multi(const struct rte_power_monitor_cond pmc[],
		const uint32_t num, const uint64_t tsc_timestamp);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_POWER_INTRINSIC_H_ */
