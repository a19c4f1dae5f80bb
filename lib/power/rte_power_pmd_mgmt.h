/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_POWER_PMD_MGMT_H
#define _RTE_POWER_PMD_MGMT_H

/**
 * @file
 * Power saving driven by the receive queues an lcore polls: an Rx callback counts empty
 * polls, and once every managed queue of the lcore has been empty long enough the lcore
 * pauses (PAUSE) or drops to its lowest frequency until traffic returns (SCALE).
 */

#include <stdint.h>

#include <rte_compat.h>
#include <rte_log.h>
#include <rte_power.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * How an idle lcore saves power.
 */
enum rte_power_pmd_mgmt_type {
	/** Wait for a write to the next Rx descriptor with a monitoring instruction */
	RTE_POWER_MGMT_TYPE_MONITOR = 1,
	/** Pause for a while instead of polling */
	RTE_POWER_MGMT_TYPE_PAUSE,
	/** Run at a low frequency while there is no traffic */
	RTE_POWER_MGMT_TYPE_SCALE,
};

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Manage a receive queue polled by an lcore. Every queue of one lcore uses the same mode.
 * The queue must be stopped. Not thread-safe.
 *
 * @param lcore_id
 *   lcore that polls the queue.
 * @param port_id
 *   Port of the queue.
 * @param queue_id
 *   Receive queue.
 * @param mode
 *   How to save power.
 * @return
 *   0 on success; -EINVAL for a bad argument or a mode differing from the lcore's other
 *   queues, -EBUSY if the queue is not stopped, -EEXIST if it is already managed, -ENOTSUP
 *   if the platform cannot do the mode.
 */
__rte_experimental
int
rte_power_ethdev_pmgmt_queue_enable(unsigned int lcore_id,
		uint16_t port_id, uint16_t queue_id,
		enum rte_power_pmd_mgmt_type mode);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Stop managing a receive queue. The queue must be stopped. Not thread-safe.
 *
 * @param lcore_id
 *   lcore that polls the queue.
 * @param port_id
 *   Port of the queue.
 * @param queue_id
 *   Receive queue.
 * @return
 *   0 on success; -EINVAL for a bad argument, -EBUSY if the queue is not stopped, -ENOENT if
 *   it is not managed by that lcore.
 */
__rte_experimental
int
rte_power_ethdev_pmgmt_queue_disable(unsigned int lcore_id,
		uint16_t port_id, uint16_t queue_id);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Set how many empty polls in a row make a queue idle (512 by default).
 *
 * @param max
 *   Number of empty polls.
 */
__rte_experimental
void
rte_power_pmd_mgmt_set_emptypoll_max(unsigned int max);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @return
 *   How many empty polls in a row make a queue idle.
 */
__rte_experimental
unsigned int
rte_power_pmd_mgmt_get_emptypoll_max(void);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Set how long an idle lcore pauses in PAUSE mode (1 by default).
 *
 * @param duration
 *   Microseconds, above 0.
 * @return
 *   0 on success, -EINVAL for 0.
 */
__rte_experimental
int
rte_power_pmd_mgmt_set_pause_duration(unsigned int duration);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @return
 *   How long an idle lcore pauses, in microseconds.
 */
__rte_experimental
unsigned int
rte_power_pmd_mgmt_get_pause_duration(void);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Set the frequency an idle lcore drops to in SCALE mode, 0 for its lowest one.
 *
 * @param lcore
 *   lcore id.
 * @param min
 *   Frequency in kHz.
 * @return
 *   0 on success, -EINVAL for a bad lcore or a value above the configured maximum.
 */
__rte_experimental
int
rte_power_pmd_mgmt_set_scaling_freq_min(unsigned int lcore, unsigned int min);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Set the frequency a busy lcore runs at in SCALE mode, 0 for its highest one.
 *
 * @param lcore
 *   lcore id.
 * @param max
 *   Frequency in kHz.
 * @return
 *   0 on success, -EINVAL for a bad lcore or a value below the configured minimum.
 */
__rte_experimental
int
rte_power_pmd_mgmt_set_scaling_freq_max(unsigned int lcore, unsigned int max);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @param lcore
 *   lcore id.
 * @return
 *   The configured minimum in kHz, 0 if none, -EINVAL for a bad lcore.
 */
__rte_experimental
int
rte_power_pmd_mgmt_get_scaling_freq_min(unsigned int lcore);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @param lcore
 *   lcore id.
 * @return
 *   The configured maximum in kHz, 0 if none, -EINVAL for a bad lcore.
 */
__rte_experimental
int
rte_power_pmd_mgmt_get_scaling_freq_max(unsigned int lcore);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_POWER_PMD_MGMT_H */
