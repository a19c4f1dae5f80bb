/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Two lcores push and pop one stack at the same time, each producing its own range of
 * values in random bursts. Every value produced must be consumed exactly once, counting what
 * is left in the stack at the end. Bounded by a fixed value count and a wall-clock limit.
 */
#include "test_eal_main.h"

#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_random.h>
#include <rte_stack.h>

#define PER_THREAD (1u << 20)
#define CAPACITY 256
#define MAX_BURST 16
#define TIME_LIMIT_S 60

static uint8_t *seen;           /* times each value was consumed */
static volatile int timed_out;
static unsigned int ready;      /* threads at the start line */
static uint64_t deadline;

struct worker_arg {
	struct rte_stack *s;
	unsigned int id;            /* values id * PER_THREAD + 1 .. (id + 1) * PER_THREAD */
	unsigned int bad;           /* values outside every range */
};

static void
consume(struct worker_arg *a, void *const *objs, unsigned int n)
{
	unsigned int i;
	uintptr_t v;

	for (i = 0; i < n; i++) {
		v = (uintptr_t)objs[i];
		if (v == 0 || v > 2 * PER_THREAD)
			a->bad++;
		else
			__atomic_fetch_add(&seen[v - 1], 1, __ATOMIC_RELAXED);
	}
}

static int
worker(void *arg)
{
	struct worker_arg *a = arg;
	uintptr_t next = (uintptr_t)a->id * PER_THREAD + 1;
	uintptr_t end = next + PER_THREAD;
	void *objs[MAX_BURST];
	unsigned int n, i;

	/* start together, or one thread may finish before the other begins */
	__atomic_fetch_add(&ready, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&ready, __ATOMIC_ACQUIRE) < 2)
		if (rte_get_timer_cycles() > deadline)
			return -1;
	while (next < end) {
		if (timed_out || rte_get_timer_cycles() > deadline) {
			timed_out = 1;
			return -1;
		}
		n = 1 + (unsigned int)rte_rand_max(MAX_BURST);
		if (n > end - next)
			n = (unsigned int)(end - next);
		for (i = 0; i < n; i++)
			objs[i] = (void *)(next + i);
		if (rte_stack_push(a->s, objs, n) == n)
			next += n;
		n = 1 + (unsigned int)rte_rand_max(MAX_BURST);
		n = rte_stack_pop(a->s, objs, n);
		consume(a, objs, n);
	}
	return 0;
}

static void
run(uint32_t flags)
{
	struct worker_arg a[2];
	unsigned int lcore, i, left;
	void *obj = NULL;

	seen = calloc(2 * PER_THREAD, 1);
	assert_non_null(seen);
	timed_out = 0;
	ready = 0;
	deadline = rte_get_timer_cycles() + TIME_LIMIT_S * rte_get_timer_hz();
	a[0].s = rte_stack_create("stress", CAPACITY, SOCKET_ID_ANY, flags);
	assert_non_null(a[0].s);
	a[1] = a[0];
	a[0].id = 0;
	a[1].id = 1;
	a[0].bad = a[1].bad = 0;

	lcore = rte_get_next_lcore(-1, 1, 0);
	assert_int_equal(rte_eal_remote_launch(worker, &a[1], lcore), 0);
	assert_int_equal(worker(&a[0]), 0);
	assert_int_equal(rte_eal_wait_lcore(lcore), 0);
	assert_false(timed_out);

	left = rte_stack_count(a[0].s);
	assert_true(left <= CAPACITY);
	assert_int_equal(rte_stack_free_count(a[0].s), CAPACITY - left);
	for (i = 0; i < left; i++) {
		assert_int_equal(rte_stack_pop(a[0].s, &obj, 1), 1);
		consume(&a[0], &obj, 1);
	}
	assert_int_equal(rte_stack_pop(a[0].s, &obj, 1), 0);
	assert_int_equal(a[0].bad + a[1].bad, 0);
	for (i = 0; i < 2 * PER_THREAD; i++)
		if (seen[i] != 1)
			fail_msg("value %u consumed %u times", i + 1, seen[i]);
	rte_stack_free(a[0].s);
	free(seen);
}

static void
test_std(void **state)
{
	(void)state;
	run(0);
}

static void
test_lf(void **state)
{
	(void)state;
	run(RTE_STACK_F_LF);
}

int
main(void)
{
	static const char *const args[] = { "test_stack_stress", "--no-huge", "-m", "64",
		"-l", "0-1", "--file-prefix=test_stack_stress", "--no-pci", NULL };
#ifdef RTE_USE_C11_MEM_MODEL
	test_note("lock-free stack: C11 atomics\n");
#endif
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_std),
		cmocka_unit_test(test_lf),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, NULL, NULL);
}
