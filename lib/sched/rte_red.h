/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __RTE_RED_H_INCLUDED__
#define __RTE_RED_H_INCLUDED__

/**
 * @file
 * Random Early Detection (RED).
 *
 * A queue keeps an exponentially weighted average of its length. Below the minimum threshold
 * every packet is accepted, above the maximum threshold every packet is dropped, and in
 * between a packet is dropped with a probability that grows with the average and with the
 * number of packets accepted since the last drop. All arithmetic is fixed point; the
 * averages carry RTE_RED_SCALING fraction bits on top of the wq_log2 bits of the filter.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <limits.h>
#include <rte_debug.h>
#include <rte_cycles.h>
#include <rte_branch_prediction.h>

#define RTE_RED_SCALING                     10         /**< Fraction bits of fixed point values */
#define RTE_RED_S                           (1 << 22)  /**< Time units per idle "packet time" */
#define RTE_RED_MAX_TH_MAX                  1023       /**< Highest accepted max_th */
#define RTE_RED_WQ_LOG2_MIN                 1          /**< Lowest accepted wq_log2 */
#define RTE_RED_WQ_LOG2_MAX                 12         /**< Highest accepted wq_log2 */
#define RTE_RED_MAXP_INV_MIN                1          /**< Lowest accepted maxp_inv */
#define RTE_RED_MAXP_INV_MAX                255        /**< Highest accepted maxp_inv */
#define RTE_RED_2POW16                      (1<<16)    /**< 2 to the power of 16 */
#define RTE_RED_INT16_NBITS                 (sizeof(uint16_t) * CHAR_BIT) /**< Bits of uint16_t */
/** Number of accepted wq_log2 values, the size of rte_red_log2_1_minus_Wq */
#define RTE_RED_WQ_LOG2_NUM                 (RTE_RED_WQ_LOG2_MAX - RTE_RED_WQ_LOG2_MIN + 1)

/** Last random number drawn for the drop decision. */
extern uint32_t rte_red_rand_val;
/** State of the generator behind rte_fast_rand(). */
extern uint32_t rte_red_rand_seed;
/** -log2(1 - 2^-wq_log2) with RTE_RED_SCALING fraction bits, indexed by wq_log2 - MIN. */
extern uint16_t rte_red_log2_1_minus_Wq[RTE_RED_WQ_LOG2_NUM];
/** 2^(-i/16) with RTE_RED_SCALING fraction bits, for i in 0..15. */
extern uint16_t rte_red_pow2_frac_inv[16];

/** RED parameters of one queue (or one colour of one traffic class). */
struct rte_red_params {
	uint16_t min_th;   /**< Minimum threshold on the average queue length (packets) */
	uint16_t max_th;   /**< Maximum threshold on the average queue length (packets) */
	uint16_t maxp_inv; /**< 1 / highest drop probability reached at max_th */
	uint16_t wq_log2;  /**< Filter weight is 2^-wq_log2 */
};

/** RED configuration, the parameters converted by rte_red_config_init(). */
struct rte_red_config {
	uint32_t min_th;   /**< min_th in the fixed point format of the average */
	uint32_t max_th;   /**< max_th in the fixed point format of the average */
	uint32_t pa_const; /**< 2 * (max_th - min_th) * maxp_inv, fixed point */
	uint8_t maxp_inv;  /**< maxp_inv as given */
	uint8_t wq_log2;   /**< wq_log2 as given */
};

/** RED run-time state of one queue. */
struct rte_red {
	uint32_t avg;      /**< Average queue length, fixed point */
	uint32_t count;    /**< Packets accepted since the last drop */
	uint64_t q_time;   /**< Time the queue became empty */
};

/**
 * Reset the run-time state of a queue.
 *
 * @param red
 *   State to reset.
 * @return
 *   0 on success, -1 when red is NULL.
 */
int
rte_red_rt_data_init(struct rte_red *red);

/**
 * Check RED parameters and convert them to a configuration.
 *
 * @param red_cfg
 *   Configuration to fill.
 * @param wq_log2
 *   Filter weight exponent, RTE_RED_WQ_LOG2_MIN to RTE_RED_WQ_LOG2_MAX.
 * @param min_th
 *   Minimum threshold, below max_th.
 * @param max_th
 *   Maximum threshold, at most RTE_RED_MAX_TH_MAX.
 * @param maxp_inv
 *   Inverse of the highest drop probability, RTE_RED_MAXP_INV_MIN to RTE_RED_MAXP_INV_MAX.
 * @return
 *   0 on success; -1 when red_cfg is NULL, -2 when max_th is too large, -3 when min_th is
 *   not below max_th, -4 or -5 when wq_log2 is too large or too small, -6 or -7 when
 *   maxp_inv is too small or too large.
 */
int
rte_red_config_init(struct rte_red_config *red_cfg,
	const uint16_t wq_log2,
	const uint16_t min_th,
	const uint16_t max_th,
	const uint16_t maxp_inv);

/**
 * Cheap linear congruential generator used for the drop decisions.
 *
 * @return
 *   A 22-bit pseudo-random number.
 */
static inline uint32_t
rte_fast_rand(void)
{
	rte_red_rand_seed = (214013 * rte_red_rand_seed) + 2531011;
	return rte_red_rand_seed >> 10;
}

/**
 * Factor (1 - wq)^m by which the average decays over m idle packet times.
 *
 * @param wq_log2
 *   Filter weight exponent.
 * @param m
 *   Number of packet times the queue stayed empty.
 * @return
 *   The factor with RTE_RED_SCALING fraction bits.
 */
static inline uint16_t
__rte_red_calc_qempty_factor(uint8_t wq_log2, uint16_t m)
{
	/* (1 - wq)^m = 2^-(m * L) with L = -log2(1 - wq); split m * L into integer and
	 * sixteenths, look the fraction up and shift by the integer part.
	 */
	uint32_t e = (uint32_t)m * rte_red_log2_1_minus_Wq[wq_log2 - RTE_RED_WQ_LOG2_MIN];
	uint32_t sixteenths = (e >> (RTE_RED_SCALING - 4)) & 0xf;
	uint32_t whole = e >> RTE_RED_SCALING;

	if (whole >= RTE_RED_SCALING)
		return 0;
	if (whole == 0)
		return rte_red_pow2_frac_inv[sixteenths];
	/* shift with rounding to nearest */
	return (uint16_t)((rte_red_pow2_frac_inv[sixteenths] + (1 << (whole - 1))) >> whole);
}

/**
 * Enqueue decision for an empty queue: the average decays for the time spent empty and
 * the packet is always accepted.
 *
 * @param red_cfg
 *   Configuration of the queue.
 * @param red
 *   Run-time state of the queue.
 * @param time
 *   Current time, in the unit given to rte_red_mark_queue_empty().
 * @return
 *   0 (accept).
 */
static inline int
rte_red_enqueue_empty(const struct rte_red_config *red_cfg,
	struct rte_red *red,
	const uint64_t time)
{
	uint64_t idle;

	RTE_ASSERT(red_cfg != NULL);
	RTE_ASSERT(red != NULL);

	red->count++;
	idle = (time - red->q_time) / RTE_RED_S;
	if (idle >= RTE_RED_2POW16)
		red->avg = 0;
	else
		red->avg = (red->avg >> RTE_RED_SCALING) *
			__rte_red_calc_qempty_factor(red_cfg->wq_log2, (uint16_t)idle);
	return 0;
}

/**
 * Random drop decision between the thresholds.
 *
 * @param red_cfg
 *   Configuration of the queue.
 * @param red
 *   Run-time state of the queue.
 * @return
 *   1 to drop, 0 to accept.
 */
static inline int
__rte_red_drop(const struct rte_red_config *red_cfg, struct rte_red *red)
{
	/* pb = (avg - min_th) / (2 (max_th - min_th) maxp_inv), pa = pb / (1 - count pb):
	 * kept as the fraction num / (pa_const - count num) to avoid a division by pb.
	 */
	uint32_t num = (red->avg - red_cfg->min_th) >> red_cfg->wq_log2;
	uint32_t used = red->count * num;
	uint32_t den;

	if (used >= red_cfg->pa_const)
		return 1;
	den = red_cfg->pa_const - used;
	if (unlikely(rte_red_rand_val % den < num)) {
		/* a new number only after a drop keeps the common path cheap */
		rte_red_rand_val = rte_fast_rand();
		return 1;
	}
	return 0;
}

/**
 * Enqueue decision for a queue holding q packets.
 *
 * @param red_cfg
 *   Configuration of the queue.
 * @param red
 *   Run-time state of the queue.
 * @param q
 *   Current queue length, not 0.
 * @return
 *   0 to accept, 1 to drop because the average is above max_th, 2 for a random drop.
 */
static inline int
rte_red_enqueue_nonempty(const struct rte_red_config *red_cfg,
	struct rte_red *red,
	const unsigned q)
{
	RTE_ASSERT(red_cfg != NULL);
	RTE_ASSERT(red != NULL);

	/* avg += wq (q - avg), with avg scaled by 2^(wq_log2 + RTE_RED_SCALING) */
	red->avg += (q << RTE_RED_SCALING) - (red->avg >> red_cfg->wq_log2);

	if (red->avg < red_cfg->min_th) {
		red->count++;
		return 0;
	}
	if (red->avg >= red_cfg->max_th) {
		red->count = 0;
		return 1;
	}
	if (__rte_red_drop(red_cfg, red)) {
		red->count = 0;
		return 2;
	}
	red->count++;
	return 0;
}

/**
 * Enqueue decision for a packet arriving at a queue of length q.
 *
 * @param red_cfg
 *   Configuration of the queue.
 * @param red
 *   Run-time state of the queue.
 * @param q
 *   Current queue length.
 * @param time
 *   Current time, used when the queue is empty.
 * @return
 *   0 to accept, 1 or 2 to drop (see rte_red_enqueue_nonempty()).
 */
static inline int
rte_red_enqueue(const struct rte_red_config *red_cfg,
	struct rte_red *red,
	const unsigned q,
	const uint64_t time)
{
	RTE_ASSERT(red_cfg != NULL);
	RTE_ASSERT(red != NULL);

	if (q == 0)
		return rte_red_enqueue_empty(red_cfg, red, time);
	return rte_red_enqueue_nonempty(red_cfg, red, q);
}

/**
 * Record the time a queue became empty, for the decay of its average.
 *
 * @param red
 *   Run-time state of the queue.
 * @param time
 *   Current time.
 */
static inline void
rte_red_mark_queue_empty(struct rte_red *red, const uint64_t time)
{
	red->q_time = time;
}

#ifdef __cplusplus
}
#endif

#endif /* __RTE_RED_H_INCLUDED__ */
