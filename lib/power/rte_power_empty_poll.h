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

#define NUM_FREQS  RTE_MAX_LCORE_FREQS

#define BINS_AV 4 /* a power of two */

#define DROP (NUM_DIRECTIONS * NUM_DEVICES)

#define NUM_PRIORITIES          2

#define NUM_NODES         256  /* highest core number + 1 */

/* Frequency level */
enum freq_val {
	LOW,
	MED,
	HGH,
	NUM_FREQ = NUM_FREQS
};

/* Traffic level of a queue */
enum queue_state {
	TRAINING, /* no traffic */
	MED_NORMAL,
	HGH_BUSY,
	LOW_PURGE,
};

struct freq_threshold {
	uint64_t base_edpi;
	bool trained;
	uint32_t threshold_percent;
	uint32_t cur_train_iter;
};

/* Counters of one worker lcore */
struct priority_worker {
	/* written by the worker */
	uint64_t empty_dequeues;
	uint64_t num_dequeue_pkts;

	enum queue_state queue_state;

	uint64_t empty_dequeues_prev;

	/* training only */
	struct freq_threshold thresh[NUM_FREQ];
	enum freq_val cur_freq;

	/* empty polls per interval, averaged over BINS_AV intervals */
	uint64_t edpi_av[BINS_AV];

	uint32_t ec;

	uint32_t lcore_id;
	uint32_t iter_counter;
	uint32_t threshold_ctr;
	uint32_t display_ctr;
	uint8_t  dev_id;

} __rte_cache_aligned;

struct stats_data {
	struct priority_worker wrk_stats[NUM_NODES];

	/* workers hold back until training is over */
	bool start_rx;
};

struct ep_params {
	uint64_t interval_ticks;
	uint32_t max_train_iter;

	struct rte_timer timer0;
	struct stats_data wrk_data;
};

/* Policy given by the application */
struct ep_policy {
	uint64_t med_base_edpi;
	uint64_t hgh_base_edpi;

	enum queue_state state;
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
