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

/* How a worker calls the ring. */
enum call_mode {
	CALL_MPMC,    /* rte_ring_mp_* / rte_ring_mc_* */
	CALL_GENERIC, /* unprefixed calls, dispatching on the ring's sync types */
	CALL_PEEK,    /* peek API: start, then finish with part of what was reserved */
};

struct mpmc_arg {
	struct rte_ring *r;
	unsigned int id;            /* values id * PER_THREAD .. + PER_THREAD - 1 */
	unsigned int use_bulk;
	enum call_mode mode;
	unsigned int per_thread;
	unsigned int consumed;
};

static unsigned int
worker_enqueue(struct mpmc_arg *a, void *const *objs, unsigned int n)
{
	switch (a->mode) {
	case CALL_GENERIC:
		return a->use_bulk ? rte_ring_enqueue_bulk(a->r, objs, n, NULL) :
			rte_ring_enqueue_burst(a->r, objs, n, NULL);
	case CALL_PEEK:
		/* Reserve n, publish only a random part of what was reserved. */
		n = a->use_bulk ? rte_ring_enqueue_bulk_start(a->r, n, NULL) :
			rte_ring_enqueue_burst_start(a->r, n, NULL);
		/* finish only closes a reservation start opened: with none, another thread's
		 * may be open. */
		if (n != 0) {
			n = 1 + (unsigned int)rte_rand_max(n);
			rte_ring_enqueue_finish(a->r, objs, n);
		}
		return n;
	default:
		return a->use_bulk ? rte_ring_mp_enqueue_bulk(a->r, objs, n, NULL) :
			rte_ring_mp_enqueue_burst(a->r, objs, n, NULL);
	}
}

static unsigned int
worker_dequeue(struct mpmc_arg *a, void **objs, unsigned int n)
{
	switch (a->mode) {
	case CALL_GENERIC:
		return a->use_bulk ? rte_ring_dequeue_bulk(a->r, objs, n, NULL) :
			rte_ring_dequeue_burst(a->r, objs, n, NULL);
	case CALL_PEEK:
		/* Look at n, take only a random part: the rest must come again, in order. */
		n = a->use_bulk ? rte_ring_dequeue_bulk_start(a->r, objs, n, NULL) :
			rte_ring_dequeue_burst_start(a->r, objs, n, NULL);
		if (n != 0) {
			n = 1 + (unsigned int)rte_rand_max(n);
			rte_ring_dequeue_finish(a->r, n);
		}
		return n;
	default:
		return a->use_bulk ? rte_ring_mc_dequeue_bulk(a->r, objs, n, NULL) :
			rte_ring_mc_dequeue_burst(a->r, objs, n, NULL);
	}
}

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

	while (next < a->per_thread) {
		n = 1 + (unsigned int)rte_rand_max(32);
		n = RTE_MIN(n, a->per_thread - next);
		for (i = 0; i < n; i++)
			objs[i] = (void *)(uintptr_t)(a->id * PER_THREAD + next + i + 1);
		next += worker_enqueue(a, objs, n);
		n = 1 + (unsigned int)rte_rand_max(32);
		done = worker_dequeue(a, objs, n);
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
run_mpmc_mode(const char *name, unsigned int flags, enum call_mode mode, unsigned int use_bulk,
		unsigned int per_thread)
{
	struct mpmc_arg a[2];
	struct rte_ring *r;
	unsigned int worker, i, left;
	void *objs[64];
	int ret;

	worker = rte_get_next_lcore(-1, 1, 0);
	assert_true(worker < RTE_MAX_LCORE);
	r = rte_ring_create(name, 256, SOCKET_ID_ANY, flags);
	assert_non_null(r);
	seen = calloc(2 * PER_THREAD, 1);
	assert_non_null(seen);
	deadline = rte_get_timer_cycles() + TIME_LIMIT_S * rte_get_timer_hz();
	for (i = 0; i < 2; i++) {
		a[i].r = r;
		a[i].id = i;
		a[i].use_bulk = use_bulk;
		a[i].mode = mode;
		a[i].per_thread = per_thread;
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
		if (seen[i] != ((i % PER_THREAD) < per_thread))
			fail_msg("value %u consumed %u times", i + 1, seen[i]);
	/* Both threads really consumed (the run was concurrent on both sides). */
	assert_true(a[0].consumed > 0 && a[1].consumed > 0);
	free(seen);
	rte_ring_free(r);
}

static void
run_mpmc(unsigned int use_bulk)
{
	run_mpmc_mode(use_bulk ? "t_mpmc_bulk" : "t_mpmc_burst", 0, CALL_MPMC, use_bulk,
			PER_THREAD);
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

/* The other sync modes through the unprefixed calls, burst and bulk. */
static void
test_hts(void **state)
{
	(void)state;
	run_mpmc_mode("t_hts_burst", RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ, CALL_GENERIC, 0,
			PER_THREAD / 4);
	run_mpmc_mode("t_hts_bulk", RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ, CALL_GENERIC, 1,
			PER_THREAD / 4);
}

static void
test_rts(void **state)
{
	(void)state;
	run_mpmc_mode("t_rts_burst", RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ, CALL_GENERIC, 0,
			PER_THREAD / 4);
	run_mpmc_mode("t_rts_bulk", RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ, CALL_GENERIC, 1,
			PER_THREAD / 4);
}

/* Mixed: each side in another mode, the generic calls picking the right code per side. */
static void
test_mixed_modes(void **state)
{
	(void)state;
	run_mpmc_mode("t_hts_rts", RING_F_MP_HTS_ENQ | RING_F_MC_RTS_DEQ, CALL_GENERIC, 0,
			PER_THREAD / 4);
	run_mpmc_mode("t_rts_mt", RING_F_MP_RTS_ENQ, CALL_GENERIC, 0, PER_THREAD / 4);
	run_mpmc_mode("t_mt_hts", RING_F_MC_HTS_DEQ, CALL_GENERIC, 1, PER_THREAD / 4);
}

/* Peek API on both HTS sides, finishing with part of each reservation. */
static void
test_hts_peek(void **state)
{
	(void)state;
	run_mpmc_mode("t_hts_peek", RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ, CALL_PEEK, 0,
			PER_THREAD / 4);
	run_mpmc_mode("t_hts_peekb", RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ, CALL_PEEK, 1,
			PER_THREAD / 4);
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
		cmocka_unit_test(test_hts),
		cmocka_unit_test(test_rts),
		cmocka_unit_test(test_mixed_modes),
		cmocka_unit_test(test_hts_peek),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, NULL, NULL);
}
