/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RED configuration and the lookup tables the inline enqueue path of rte_red.h uses; the
 * tables are filled once, by the first configuration or state reset.
 */
#include <math.h>
#include <stdbool.h>

#include <rte_common.h>
#include <rte_random.h>

#include "rte_red.h"

uint32_t rte_red_rand_val;
uint32_t rte_red_rand_seed;
uint16_t rte_red_log2_1_minus_Wq[RTE_RED_WQ_LOG2_NUM];
uint16_t rte_red_pow2_frac_inv[16];

static bool red_tables_ready;

static void
red_tables_init(void)
{
	const double one = (double)(1 << RTE_RED_SCALING);
	unsigned int i;

	if (red_tables_ready)
		return;
	red_tables_ready = true;

	rte_red_rand_seed = (uint32_t)rte_rand();
	rte_red_rand_val = rte_fast_rand();

	for (i = 0; i < RTE_DIM(rte_red_pow2_frac_inv); i++)
		rte_red_pow2_frac_inv[i] = (uint16_t)round(one * exp2(-(double)i / 16.0));

	for (i = 0; i < RTE_RED_WQ_LOG2_NUM; i++) {
		double wq = exp2(-(double)(i + RTE_RED_WQ_LOG2_MIN));
		uint16_t v = (uint16_t)round(-one * log2(1.0 - wq));

		/* a 0 would freeze the average of an idle queue */
		rte_red_log2_1_minus_Wq[i] = v == 0 ? 1 : v;
	}
}

int
rte_red_rt_data_init(struct rte_red *red)
{
	if (red == NULL)
		return -1;
	red_tables_init();
	red->avg = 0;
	red->count = 0;
	red->q_time = 0;
	return 0;
}

int
rte_red_config_init(struct rte_red_config *red_cfg,
	const uint16_t wq_log2,
	const uint16_t min_th,
	const uint16_t max_th,
	const uint16_t maxp_inv)
{
	uint32_t shift;

	if (red_cfg == NULL)
		return -1;
	if (max_th > RTE_RED_MAX_TH_MAX)
		return -2;
	if (min_th >= max_th)
		return -3;
	if (wq_log2 > RTE_RED_WQ_LOG2_MAX)
		return -4;
	if (wq_log2 < RTE_RED_WQ_LOG2_MIN)
		return -5;
	if (maxp_inv < RTE_RED_MAXP_INV_MIN)
		return -6;
	if (maxp_inv > RTE_RED_MAXP_INV_MAX)
		return -7;

	red_tables_init();
	/* thresholds in the unit of the average: packets << (wq_log2 + scaling) */
	shift = wq_log2 + RTE_RED_SCALING;
	red_cfg->min_th = (uint32_t)min_th << shift;
	red_cfg->max_th = (uint32_t)max_th << shift;
	red_cfg->pa_const = (uint32_t)(2 * (max_th - min_th) * maxp_inv) << RTE_RED_SCALING;
	red_cfg->maxp_inv = (uint8_t)maxp_inv;
	red_cfg->wq_log2 = (uint8_t)wq_log2;
	return 0;
}
