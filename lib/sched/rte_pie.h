/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __RTE_PIE_H_INCLUDED__
#define __RTE_PIE_H_INCLUDED__

/**
 * @file
 * Proportional Integral controller Enhanced (PIE, RFC 8033).
 *
 * The queue delay is estimated from the queue length and the measured departure rate; every
 * update interval the drop probability moves by a term proportional to the distance between
 * that delay and the target and a term proportional to how the delay changed since the
 * previous update. Times are CPU cycles.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>

#include <rte_compat.h>
#include <rte_random.h>
#include <rte_debug.h>
#include <rte_cycles.h>

#define RTE_DQ_THRESHOLD   16384   /**< Bytes that make one departure rate measurement */
#define RTE_DQ_WEIGHT      0.25    /**< Weight of a new measurement in the average */
#define RTE_ALPHA          0.125   /**< Weight of the distance to the target delay */
#define RTE_BETA           1.25    /**< Weight of the change of the delay */
#define RTE_RAND_MAX      ~0LLU    /**< Largest random number */

/** PIE parameters of a queue. */
struct rte_pie_params {
	uint16_t qdelay_ref;           /**< Target queue delay (milliseconds) */
	uint16_t dp_update_interval;   /**< Period of drop probability updates (milliseconds) */
	uint16_t max_burst;            /**< Burst allowed without drops (milliseconds) */
	uint16_t tailq_th;             /**< Queue length at which every packet is dropped */
};

/** PIE configuration, the parameters converted by rte_pie_config_init(). */
struct rte_pie_config {
	uint64_t qdelay_ref;           /**< Target queue delay (CPU cycles) */
	uint64_t dp_update_interval;   /**< Period of drop probability updates (CPU cycles) */
	uint64_t max_burst;            /**< Burst allowed without drops (CPU cycles) */
	uint16_t tailq_th;             /**< Tail drop threshold (packets) */
};

/** PIE run-time state of a queue. */
struct rte_pie {
	uint16_t active;               /**< Whether the controller is running */
	uint16_t in_measurement;       /**< Whether a departure rate measurement is running */
	uint32_t departed_bytes_count; /**< Bytes departed in the current measurement */
	uint64_t start_measurement;    /**< Start of the current measurement (cycles) */
	uint64_t last_measurement;     /**< Time of the last probability update (cycles) */
	uint64_t qlen;                 /**< Queue length (packets) */
	uint64_t qlen_bytes;           /**< Queue length (bytes) */
	uint64_t avg_dq_time;          /**< Average time to send RTE_DQ_THRESHOLD bytes (cycles) */
	uint32_t burst_allowance;      /**< Remaining burst allowance (cycles) */
	uint64_t qdelay_old;           /**< Queue delay at the previous update (cycles) */
	double drop_prob;              /**< Current drop probability */
	double accu_prob;              /**< Probability accumulated since the last drop */
};

/**
 * Reset the run-time state of a queue.
 *
 * @param pie
 *   State to reset.
 * @return
 *   0 on success, -EINVAL when pie is NULL.
 */
int
__rte_experimental
rte_pie_rt_data_init(struct rte_pie *pie);

/**
 * Check PIE parameters and convert them to a configuration.
 *
 * @param pie_cfg
 *   Configuration to fill.
 * @param qdelay_ref
 *   Target delay in milliseconds, not 0.
 * @param dp_update_interval
 *   Update period in milliseconds, not 0.
 * @param max_burst
 *   Burst allowance in milliseconds, not 0.
 * @param tailq_th
 *   Tail drop threshold in packets, not 0.
 * @return
 *   0 on success, -1 when pie_cfg is NULL, -EINVAL when a parameter is 0.
 */
int
__rte_experimental
rte_pie_config_init(struct rte_pie_config *pie_cfg,
	const uint16_t qdelay_ref,
	const uint16_t dp_update_interval,
	const uint16_t max_burst,
	const uint16_t tailq_th);

/**
 * Enqueue decision for an empty queue: always accepted.
 *
 * @param pie_cfg
 *   Configuration of the queue.
 * @param pie
 *   Run-time state of the queue.
 * @param pkt_len
 *   Length of the packet in bytes.
 * @return
 *   0 (accept).
 */
static inline int
__rte_experimental
rte_pie_enqueue_empty(const struct rte_pie_config *pie_cfg,
	struct rte_pie *pie,
	uint32_t pkt_len)
{
	RTE_ASSERT(pkt_len != 0);

	pie->qlen++;
	pie->qlen_bytes += pkt_len;
	/* a short queue turns the controller off */
	if (pie->active == 1 && pie->qlen < pie_cfg->tailq_th * 0.1) {
		pie->active = 0;
		pie->in_measurement = 0;
	}
	return 0;
}

/**
 * Periodic update of the drop probability.
 *
 * @param pie_cfg
 *   Configuration of the queue.
 * @param pie
 *   Run-time state of the queue.
 * @param time
 *   Current time (cycles).
 */
static inline void
__rte_experimental
_calc_drop_probability(const struct rte_pie_config *pie_cfg,
	struct rte_pie *pie, uint64_t time)
{
	uint64_t delay = pie->qlen * (pie->avg_dq_time >> 14);
	double half_ref = pie_cfg->qdelay_ref * 0.5;
	double p;

	p = RTE_ALPHA * ((double)delay - (double)pie_cfg->qdelay_ref) +
		RTE_BETA * ((double)delay - (double)pie->qdelay_old);

	/* small probabilities move in small steps (RFC 8033, section 5.2) */
	if (pie->drop_prob < 0.000001)
		p *= 1.0 / 2048;
	else if (pie->drop_prob < 0.00001)
		p *= 1.0 / 512;
	else if (pie->drop_prob < 0.0001)
		p *= 1.0 / 128;
	else if (pie->drop_prob < 0.001)
		p *= 1.0 / 32;
	else if (pie->drop_prob < 0.01)
		p *= 1.0 / 8;
	else if (pie->drop_prob < 0.1)
		p *= 1.0 / 2;
	if (pie->drop_prob >= 0.1 && p > 0.02)
		p = 0.02;
	pie->drop_prob += p;

	/* decay once the congestion is gone */
	if ((double)delay < half_ref && (double)pie->qdelay_old < half_ref)
		pie->drop_prob *= 0.98;
	if (pie->drop_prob < 0)
		pie->drop_prob = 0;
	if (pie->drop_prob > 1)
		pie->drop_prob = 1;

	pie->qdelay_old = delay;
	pie->last_measurement = time;
	if (pie->burst_allowance > pie_cfg->dp_update_interval)
		pie->burst_allowance -= (uint32_t)pie_cfg->dp_update_interval;
	else
		pie->burst_allowance = 0;
}

/**
 * Random drop decision of an active controller.
 *
 * @param pie_cfg
 *   Configuration of the queue.
 * @param pie
 *   Run-time state of the queue.
 * @return
 *   1 to drop, 0 to accept.
 */
static inline int
__rte_experimental
_rte_pie_drop(const struct rte_pie_config *pie_cfg,
	struct rte_pie *pie)
{
	uint64_t half_ref = pie_cfg->qdelay_ref / 2;

	if ((pie->qdelay_old < half_ref && pie->drop_prob < 0.2) ||
			pie->qlen <= pie_cfg->tailq_th * 0.1)
		return 0;
	if (pie->drop_prob == 0)
		pie->accu_prob = 0;

	/* de-randomisation: no drop before 0.85 accumulated, always one at 8.5 */
	pie->accu_prob += pie->drop_prob;
	if (pie->accu_prob < 0.85)
		return 0;
	if (pie->accu_prob >= 8.5)
		return 1;
	if (rte_drand() < pie->drop_prob) {
		pie->accu_prob = 0;
		return 1;
	}
	return 0;
}

/**
 * Enqueue decision for a non-empty queue.
 *
 * @param pie_cfg
 *   Configuration of the queue.
 * @param pie
 *   Run-time state of the queue.
 * @param pkt_len
 *   Length of the packet in bytes.
 * @param time
 *   Current time (cycles).
 * @return
 *   0 to accept, 1 for a tail drop, 2 for a random drop.
 */
static inline int
__rte_experimental
rte_pie_enqueue_nonempty(const struct rte_pie_config *pie_cfg,
	struct rte_pie *pie,
	uint32_t pkt_len,
	const uint64_t time)
{
	if (pie->qlen >= pie_cfg->tailq_th) {
		pie->accu_prob = 0;
		return 1;
	}

	if (pie->active) {
		if (time - pie->last_measurement >= pie_cfg->dp_update_interval)
			_calc_drop_probability(pie_cfg, pie, time);
		if (_rte_pie_drop(pie_cfg, pie) && pie->burst_allowance == 0)
			return 2;
	}

	if (pie->active == 0 && pie->qlen >= pie_cfg->tailq_th * 0.1) {
		/* the queue is filling: start the controller from a clean state */
		pie->active = 1;
		pie->qdelay_old = 0;
		pie->drop_prob = 0;
		pie->in_measurement = 1;
		pie->departed_bytes_count = 0;
		pie->avg_dq_time = 0;
		pie->last_measurement = time;
		pie->burst_allowance = pie_cfg->max_burst;
		pie->accu_prob = 0;
		pie->start_measurement = time;
	}

	if (pie->active == 1 && pie->qlen < pie_cfg->tailq_th * 0.1) {
		pie->active = 0;
		pie->in_measurement = 0;
	}

	pie->qlen++;
	pie->qlen_bytes += pkt_len;
	return 0;
}

/**
 * Enqueue decision for a packet arriving at a queue of qlen packets.
 *
 * @param pie_cfg
 *   Configuration of the queue.
 * @param pie
 *   Run-time state of the queue.
 * @param qlen
 *   Current queue length.
 * @param pkt_len
 *   Length of the packet in bytes.
 * @param time
 *   Current time (cycles).
 * @return
 *   0 to accept, 1 or 2 to drop (see rte_pie_enqueue_nonempty()).
 */
static inline int
__rte_experimental
rte_pie_enqueue(const struct rte_pie_config *pie_cfg,
	struct rte_pie *pie,
	const unsigned int qlen,
	uint32_t pkt_len,
	const uint64_t time)
{
	RTE_ASSERT(pie_cfg != NULL);
	RTE_ASSERT(pie != NULL);

	if (qlen == 0)
		return rte_pie_enqueue_empty(pie_cfg, pie, pkt_len);
	return rte_pie_enqueue_nonempty(pie_cfg, pie, pkt_len, time);
}

/**
 * Account for a packet leaving the queue, to measure the departure rate.
 *
 * @param pie
 *   Run-time state of the queue.
 * @param pkt_len
 *   Length of the packet in bytes.
 * @param time
 *   Current time (cycles).
 */
static inline void
__rte_experimental
rte_pie_dequeue(struct rte_pie *pie,
	uint32_t pkt_len,
	uint64_t time)
{
	if (pie->in_measurement) {
		pie->departed_bytes_count += pkt_len;
		if (pie->departed_bytes_count >= RTE_DQ_THRESHOLD) {
			uint64_t took = time - pie->start_measurement;

			if (pie->avg_dq_time == 0)
				pie->avg_dq_time = took;
			else
				pie->avg_dq_time = took * RTE_DQ_WEIGHT +
					pie->avg_dq_time * (1 - RTE_DQ_WEIGHT);
			pie->in_measurement = 0;
		}
	}

	/* measure again once enough bytes wait to make a meaningful sample */
	if (pie->qlen_bytes >= RTE_DQ_THRESHOLD && pie->in_measurement == 0) {
		pie->in_measurement = 1;
		pie->start_measurement = time;
		pie->departed_bytes_count = 0;
	}
}

#ifdef __cplusplus
}
#endif

#endif /* __RTE_PIE_H_INCLUDED__ */
