/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Two lcores hammer one ring at the same time. Every value is produced exactly once; the test
 * counts how often each value is consumed and fails on any loss or duplicate. Bounded by a
 * fixed object count and a wall-clock limit (a lost object would otherwise hang it).
 */
#include "test_eal_main.h"

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_random.h>
#include <rte_ring.h>

#define PER_THREAD (1u << 20)
#define TIME_LIMIT_S 60

static uint8_t *seen;           /* times each value was consumed */
static volatile int abort_run;  /* set when the time limit is hit */
static uint64_t deadline;

struct mpmc_arg {
	struct rte_ring *r;
	unsigned int id;            /* values id * PER_THREAD .. + PER_THREAD - 1 */
	unsigned int use_bulk;
	unsigned int consumed;
};

static void
consume(void *const *objs, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		__atomic_fetch_add(&seen[(uintptr_t)objs[i] - 1], 1, __ATOMIC_RELAXED);
}

/* Produce own values and consume whatever is there, in random-sized batches. */
static int
mpmc_worker(void *p)
{
	struct mpmc_arg *a = p;
	void *objs[32];
	unsigned int next = 0, n, i, done;

	while (next < PER_THREAD) {
		n = 1 + (unsigned int)rte_rand_max(32);
		n = RTE_MIN(n, PER_THREAD - next);
		for (i = 0; i < n; i++)
			objs[i] = (void *)(uintptr_t)(a->id * PER_THREAD + next + i + 1);
		done = a->use_bulk ? rte_ring_mp_enqueue_bulk(a->r, objs, n, NULL) :
			rte_ring_mp_enqueue_burst(a->r, objs, n, NULL);
		next += done;
		n = 1 + (unsigned int)rte_rand_max(32);
		done = a->use_bulk ? rte_ring_mc_dequeue_bulk(a->r, objs, n, NULL) :
			rte_ring_mc_dequeue_burst(a->r, objs, n, NULL);
		consume(objs, done);
		a->consumed += done;
		if (rte_get_timer_cycles() > deadline) {
			abort_run = 1;
			return -1;
		}
	}
	return 0;
}

static void
run_mpmc(unsigned int use_bulk)
{
	struct mpmc_arg a[2];
	struct rte_ring *r;
	unsigned int worker, i, left;
	void *objs[64];
	int ret;

	worker = rte_get_next_lcore(-1, 1, 0);
	assert_true(worker < RTE_MAX_LCORE);
	r = rte_ring_create(use_bulk ? "t_mpmc_bulk" : "t_mpmc_burst", 256, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	seen = calloc(2 * PER_THREAD, 1);
	assert_non_null(seen);
	deadline = rte_get_timer_cycles() + TIME_LIMIT_S * rte_get_timer_hz();
	for (i = 0; i < 2; i++) {
		a[i].r = r;
		a[i].id = i;
		a[i].use_bulk = use_bulk;
		a[i].consumed = 0;
	}
	assert_int_equal(rte_eal_remote_launch(mpmc_worker, &a[1], worker), 0);
	ret = mpmc_worker(&a[0]);
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	assert_int_equal(ret, 0);
	assert_false(abort_run);
	/* Drain what is left, then every value must have been seen exactly once. */
	while ((left = rte_ring_dequeue_burst(r, objs, RTE_DIM(objs), NULL)) != 0)
		consume(objs, left);
	for (i = 0; i < 2 * PER_THREAD; i++)
		if (seen[i] != 1)
			fail_msg("value %u consumed %u times", i + 1, seen[i]);
	/* Both threads really consumed (the run was concurrent on both sides). */
	assert_true(a[0].consumed > 0 && a[1].consumed > 0);
	free(seen);
	rte_ring_free(r);
}

static void
test_mpmc_burst(void **state)
{
	(void)state;
	run_mpmc(0);
}

static void
test_mpmc_bulk(void **state)
{
	(void)state;
	run_mpmc(1);
}

struct spsc_arg {
	struct rte_ring *r;
	unsigned int total;
};

static int
spsc_producer(void *p)
{
	struct spsc_arg *a = p;
	void *objs[32];
	unsigned int next = 0, n, i;

	while (next < a->total) {
		n = RTE_MIN(1 + (unsigned int)rte_rand_max(32), a->total - next);
		for (i = 0; i < n; i++)
			objs[i] = (void *)(uintptr_t)(next + i + 1);
		next += rte_ring_sp_enqueue_burst(a->r, objs, n, NULL);
		if (rte_get_timer_cycles() > deadline)
			return -1;
	}
	return 0;
}

/* One producer, one consumer: the consumer must see 1, 2, 3, ... in order. */
static void
test_spsc_order(void **state)
{
	struct spsc_arg a;
	unsigned int worker, expect = 1, n, i;
	void *objs[32];

	(void)state;
	worker = rte_get_next_lcore(-1, 1, 0);
	a.r = rte_ring_create("t_spsc", 128, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
	assert_non_null(a.r);
	a.total = 4 * PER_THREAD;
	deadline = rte_get_timer_cycles() + TIME_LIMIT_S * rte_get_timer_hz();
	assert_int_equal(rte_eal_remote_launch(spsc_producer, &a, worker), 0);
	while (expect <= a.total && rte_get_timer_cycles() <= deadline) {
		n = rte_ring_sc_dequeue_burst(a.r, objs, 1 + (unsigned int)rte_rand_max(32), NULL);
		for (i = 0; i < n; i++, expect++)
			if ((uintptr_t)objs[i] != expect)
				fail_msg("got %lu, expected %u", (unsigned long)(uintptr_t)objs[i],
					expect);
	}
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	assert_int_equal(expect, a.total + 1);
	assert_true(rte_ring_empty(a.r));
	rte_ring_free(a.r);
}

int
main(void)
{
	static const char *const args[] = { "test_ring_stress", "--no-huge", "-m", "64",
		"-l", "0-1", "--file-prefix=test_ring_stress", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mpmc_burst),
		cmocka_unit_test(test_mpmc_bulk),
		cmocka_unit_test(test_spsc_order),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, NULL, NULL);
}
