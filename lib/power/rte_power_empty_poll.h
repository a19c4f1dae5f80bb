/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_EMPTY_POLL_H
#define _RTE_EMPTY_POLL_H

/**
 * @file
 * Empty-poll frequency policy (deprecated in DPDK 22.11 in favour of rte_power_pmd_mgmt.h).
 * The types are provided for source compatibility; this implementation does not run the
 * policy: rte_power_empty_poll_stat_init() returns -ENOTSUP.
 */

#include <stdint.h>
#include <stdbool.h>

#include <rte_compat.h>
#include <rte_common.h>
#include <rte_string_fns.h>
#include <rte_timer.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Frequency levels a worker is trained for (RTE_MAX_LCORE_FREQS). */
#define NUM_FREQS  RTE_MAX_LCORE_FREQS

/** Intervals averaged for the empty polls per interval; a power of two. */
#define BINS_AV 4

/** Kept for source compatibility; its operands are not defined by this header. */
#define DROP (NUM_DIRECTIONS * NUM_DEVICES)

/** Number of worker priorities. */
#define NUM_PRIORITIES          2

/** Worker slots in struct stats_data: the highest lcore id plus one. */
#define NUM_NODES         256

/** Frequency level of a worker. */
enum freq_val {
	LOW, /**< lowest frequency */
	MED, /**< medium frequency */
	HGH, /**< highest frequency */
	NUM_FREQ = NUM_FREQS /**< number of levels */
};

/** Traffic level of a queue. */
enum queue_state {
	TRAINING, /**< training: no traffic yet */
	MED_NORMAL, /**< normal traffic, medium frequency */
	HGH_BUSY, /**< busy, highest frequency */
	LOW_PURGE, /**< idle, lowest frequency */
};

/** Training result of one frequency level. */
struct freq_threshold {
	uint64_t base_edpi; /**< empty polls per interval measured when idle */
	bool trained; /**< training of this level is over */
	uint32_t threshold_percent; /**< share of base_edpi that marks a level change */
	uint32_t cur_train_iter; /**< training intervals done */
};

/** Counters of one worker lcore. */
struct priority_worker {
	uint64_t empty_dequeues; /**< empty polls, written by the worker */
	uint64_t num_dequeue_pkts; /**< packets received, written by the worker */

	enum queue_state queue_state; /**< current traffic level */

	uint64_t empty_dequeues_prev; /**< empty_dequeues at the previous interval */

	struct freq_threshold thresh[NUM_FREQ]; /**< training results per level */
	enum freq_val cur_freq; /**< current frequency level */

	uint64_t edpi_av[BINS_AV]; /**< empty polls of the last BINS_AV intervals */

	uint32_t ec; /**< next slot of edpi_av */

	uint32_t lcore_id; /**< the worker's lcore */
	uint32_t iter_counter; /**< intervals seen */
	uint32_t threshold_ctr; /**< intervals past the threshold */
	uint32_t display_ctr; /**< intervals since the last report */
	uint8_t  dev_id; /**< port the worker polls */

} __rte_cache_aligned;

/** Counters of every worker. */
struct stats_data {
	struct priority_worker wrk_stats[NUM_NODES]; /**< one per lcore */

	bool start_rx; /**< workers hold back until training is over */
};

/** State of the empty-poll algorithm. */
struct ep_params {
	uint64_t interval_ticks; /**< TSC cycles of one interval */
	uint32_t max_train_iter; /**< intervals of training per level */

	struct rte_timer timer0; /**< timer of the intervals */
	struct stats_data wrk_data; /**< the workers' counters */
};

/** Policy given by the application. */
struct ep_policy {
	uint64_t med_base_edpi; /**< idle empty polls per interval at medium frequency */
	uint64_t hgh_base_edpi; /**< idle empty polls per interval at highest frequency */

	enum queue_state state; /**< initial state: TRAINING to measure the two above */
};

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Set up the empty-poll policy. Not implemented here.
 *
 * @param eptr
 *   Where to store the parameters block.
 * @param freq_tlb
 *   Frequency indexes of the LOW, MED and HGH levels.
 * @param policy
 *   Policy.
 * @return
 *   -ENOTSUP.
 */
__rte_experimental
int
rte_power_empty_poll_stat_init(struct ep_params **eptr, uint8_t *freq_tlb,
		struct ep_policy *policy);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Free what rte_power_empty_poll_stat_init() set up (nothing here).
 */
__rte_experimental
void
rte_power_empty_poll_stat_free(void);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Count an empty poll of an lcore.
 *
 * @param lcore_id
 *   lcore id.
 * @return
 *   -ENOTSUP.
 */
__rte_experimental
int
rte_power_empty_poll_stat_update(unsigned int lcore_id);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Count the packets of a poll of an lcore.
 *
 * @param lcore_id
 *   lcore id.
 * @param nb_pkt
 *   Packets received.
 * @return
 *   -ENOTSUP.
 */
__rte_experimental
int
rte_power_poll_stat_update(unsigned int lcore_id, uint8_t nb_pkt);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @param lcore_id
 *   lcore id.
 * @return
 *   Empty polls counted for the lcore (0 here).
 */
__rte_experimental
uint64_t
rte_power_empty_poll_stat_fetch(unsigned int lcore_id);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @param lcore_id
 *   lcore id.
 * @return
 *   Packets counted for the lcore (0 here).
 */
__rte_experimental
uint64_t
rte_power_poll_stat_fetch(unsigned int lcore_id);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Timer callback that evaluates the policy (does nothing here).
 *
 * @param tim
 *   Timer.
 * @param arg
 *   Argument of the timer.
 */
__rte_experimental
void
rte_empty_poll_detection(struct rte_timer *tim, void *arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EMPTY_POLL_H */
