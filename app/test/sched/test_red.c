/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RED, PIE and rte_approx on their own: configuration errors, the fixed point tables, and
 * drop behaviour for queue lengths fed directly to the inline enqueue checks. rte_approx_64
 * is declared but, as in DPDK 22.11, not exported: the scheduler uses it internally.
 */
#include "test_common.h"

#include <errno.h>
#include <math.h>

#include <rte_approx.h>
#include <rte_pie.h>
#include <rte_red.h>

#include "test_sched.h"

void
test_red_config_errors(void **state)
{
	struct rte_red_config c, c0;

	(void)state;
	memset(&c, 0x5a, sizeof(c));
	c0 = c;
	assert_int_equal(rte_red_config_init(NULL, 9, 10, 20, 10), -1);
	assert_int_equal(rte_red_config_init(&c, 9, 10, RTE_RED_MAX_TH_MAX + 1, 10), -2);
	assert_int_equal(rte_red_config_init(&c, 9, 20, 20, 10), -3);
	assert_int_equal(rte_red_config_init(&c, 9, 21, 20, 10), -3);
	assert_int_equal(rte_red_config_init(&c, RTE_RED_WQ_LOG2_MAX + 1, 10, 20, 10), -4);
	assert_int_equal(rte_red_config_init(&c, RTE_RED_WQ_LOG2_MIN - 1, 10, 20, 10), -5);
	assert_int_equal(rte_red_config_init(&c, 9, 10, 20, RTE_RED_MAXP_INV_MIN - 1), -6);
	assert_int_equal(rte_red_config_init(&c, 9, 10, 20, RTE_RED_MAXP_INV_MAX + 1), -7);
	assert_memory_equal(&c, &c0, sizeof(c));
	assert_int_equal(rte_red_rt_data_init(NULL), -1);

	assert_int_equal(rte_red_config_init(&c, 9, 10, 20, 10), 0);
	assert_int_equal(c.min_th, 10u << (9 + RTE_RED_SCALING));
	assert_int_equal(c.max_th, 20u << (9 + RTE_RED_SCALING));
	assert_int_equal(c.pa_const, (2u * 10 * 10) << RTE_RED_SCALING);
	assert_int_equal(c.maxp_inv, 10);
	assert_int_equal(c.wq_log2, 9);
}

void
test_red_tables(void **state)
{
	struct rte_red_config c;
	unsigned int i;

	(void)state;
	assert_int_equal(rte_red_config_init(&c, 9, 10, 20, 10), 0);
	/* 2^(-i/16) and -log2(1 - 2^-n), both scaled by 1024 */
	assert_int_equal(rte_red_pow2_frac_inv[0], 1024);
	assert_int_equal(rte_red_pow2_frac_inv[8], 724);
	assert_int_equal(rte_red_pow2_frac_inv[15], 535);
	assert_int_equal(rte_red_log2_1_minus_Wq[0], 1024);
	assert_int_equal(rte_red_log2_1_minus_Wq[1], 425);
	assert_int_equal(rte_red_log2_1_minus_Wq[RTE_RED_WQ_LOG2_NUM - 1], 1);
	for (i = 1; i < 16; i++)
		assert_true(rte_red_pow2_frac_inv[i] < rte_red_pow2_frac_inv[i - 1]);
}

/* Share of packets dropped with the average held at about q packets. */
static double
red_drop_share(const struct rte_red_config *c, unsigned int q, unsigned int n)
{
	struct rte_red r;
	unsigned int i, drops = 0;

	assert_int_equal(rte_red_rt_data_init(&r), 0);
	/* let the average settle to q first */
	for (i = 0; i < 20000; i++)
		rte_red_enqueue(c, &r, q, 0);
	for (i = 0; i < n; i++)
		drops += rte_red_enqueue(c, &r, q, 0) != 0;
	return (double)drops / n;
}

void
test_red_drop_probability(void **state)
{
	struct rte_red_config c;
	double below, low, mid, high, above;

	(void)state;
	/* min 32, max 64, maxp 1/10, wq 1/2 so the average follows q quickly */
	assert_int_equal(rte_red_config_init(&c, 1, 32, 64, 10), 0);
	below = red_drop_share(&c, 16, 20000);
	low = red_drop_share(&c, 36, 20000);
	mid = red_drop_share(&c, 48, 20000);
	high = red_drop_share(&c, 60, 20000);
	above = red_drop_share(&c, 100, 20000);
	assert_true(below == 0.0);
	assert_true(above == 1.0);
	/* between the thresholds the share grows with the average and stays near
	 * maxp (q - min) / (max - min), spread out by the count (at most twice that)
	 */
	assert_true(low > 0.0 && low < mid && mid < high && high < 1.0);
	assert_true(mid > 0.05 * 0.5 && mid < 0.05 * 2.5);
	assert_true(high > 0.0875 * 0.5 && high < 0.0875 * 2.5);
}

void
test_red_idle_decay(void **state)
{
	struct rte_red_config c;
	struct rte_red r;
	uint32_t full;
	unsigned int i;

	(void)state;
	assert_int_equal(rte_red_config_init(&c, 4, 8, 16, 10), 0);
	assert_int_equal(rte_red_rt_data_init(&r), 0);
	for (i = 0; i < 200; i++)
		rte_red_enqueue(&c, &r, 12, 0);
	full = r.avg;
	assert_true(full > c.min_th);
	/* empty for a short time: the average drops but not to 0 */
	rte_red_mark_queue_empty(&r, 1000);
	assert_int_equal(rte_red_enqueue(&c, &r, 0, 1000 + 4 * (uint64_t)RTE_RED_S), 0);
	assert_true(r.avg < full && r.avg > 0);
	/* empty for very long: the average is forgotten */
	rte_red_mark_queue_empty(&r, 0);
	assert_int_equal(rte_red_enqueue(&c, &r, 0, (uint64_t)RTE_RED_S * RTE_RED_2POW16), 0);
	assert_int_equal(r.avg, 0);
}

void
test_pie_config(void **state)
{
	struct rte_pie_config c, c0;
	struct rte_pie p;

	(void)state;
	memset(&c, 0x5a, sizeof(c));
	c0 = c;
	assert_int_equal(rte_pie_config_init(NULL, 15, 15, 150, 64), -1);
	assert_int_equal(rte_pie_config_init(&c, 0, 15, 150, 64), -EINVAL);
	assert_int_equal(rte_pie_config_init(&c, 15, 0, 150, 64), -EINVAL);
	assert_int_equal(rte_pie_config_init(&c, 15, 15, 0, 64), -EINVAL);
	assert_int_equal(rte_pie_config_init(&c, 15, 15, 150, 0), -EINVAL);
	assert_memory_equal(&c, &c0, sizeof(c));
	assert_int_equal(rte_pie_rt_data_init(NULL), -EINVAL);

	assert_int_equal(rte_pie_config_init(&c, 15, 30, 150, 64), 0);
	assert_true(c.qdelay_ref == rte_get_tsc_hz() * 15 / 1000);
	assert_true(c.dp_update_interval == rte_get_tsc_hz() * 30 / 1000);
	assert_true(c.max_burst == rte_get_tsc_hz() * 150 / 1000);
	assert_int_equal(c.tailq_th, 64);
	memset(&p, 0x5a, sizeof(p));
	assert_int_equal(rte_pie_rt_data_init(&p), 0);
	assert_int_equal(p.active, 0);
	assert_int_equal(p.qlen, 0);
	assert_true(p.drop_prob == 0.0);
}

void
test_pie_tail_drop(void **state)
{
	struct rte_pie_config c;
	struct rte_pie p;
	unsigned int i;

	(void)state;
	assert_int_equal(rte_pie_config_init(&c, 15, 15, 150, 32), 0);
	assert_int_equal(rte_pie_rt_data_init(&p), 0);
	/* below the tail threshold nothing is dropped while the burst allowance lasts */
	for (i = 0; i < 32; i++)
		assert_int_equal(rte_pie_enqueue(&c, &p, i, 100, 1000), 0);
	assert_int_equal(p.qlen, 32);
	assert_int_equal(p.active, 1);
	assert_int_equal(rte_pie_enqueue(&c, &p, 32, 100, 1000), 1);
	assert_int_equal(p.qlen, 32);
}

void
test_approx(void **state)
{
	static const double alphas[] = { 0.3, 0.5, 0.123456, 0.00001234, 0.999, 1.0 / 3 };
	uint32_t p, q, bq, bp;
	unsigned int i;

	(void)state;
	assert_int_equal(rte_approx(0.3, 0.001, &p, &q), 0);
	assert_int_equal(p, 3);
	assert_int_equal(q, 10);
	for (i = 0; i < RTE_DIM(alphas); i++) {
		double d = alphas[i] / 1000;

		assert_int_equal(rte_approx(alphas[i], d, &p, &q), 0);
		assert_true(fabs((double)p / q - alphas[i]) <= d);
		/* no smaller denominator fits */
		for (bq = 1; bq < q && bq < 100000; bq++) {
			bp = (uint32_t)llround(alphas[i] * bq);
			assert_false(fabs((double)bp / bq - alphas[i]) <= d);
		}
	}
	assert_int_equal(rte_approx(0.00001234, 0.0000001, &p, &q), 0);
	assert_int_equal(p, 1);
	assert_int_equal(q, 80386);	/* 1 / (alpha + d), rounded down */

	assert_int_equal(rte_approx(0.0, 0.1, &p, &q), -1);
	assert_int_equal(rte_approx(1.0, 0.1, &p, &q), -1);
	assert_int_equal(rte_approx(0.5, 0.6, &p, &q), -1);
	assert_int_equal(rte_approx(0.5, 0.0, &p, &q), -1);
	assert_int_equal(rte_approx(0.5, 0.1, NULL, &q), -1);
	assert_int_equal(rte_approx(0.5, 0.1, &p, NULL), -1);
}
