/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The "stack" and "lf_stack" mempool ops: a pool made empty, switched to the ops by name
 * and populated hands out each of its objects once, most recently freed first, and keeps
 * its free objects in an rte_stack named after the pool.
 */
#include "test_eal_main.h"

#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mempool.h>
#include <rte_stack.h>

#define NB_OBJS 512
#define ELT_SIZE 64

static int
cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

static void
check_ops(const char *ops, uint32_t stack_flags)
{
	static void *objs[NB_OBJS];
	struct rte_mempool *mp;
	struct rte_stack *s;
	void *extra, *again;
	unsigned int i;

	mp = rte_mempool_create_empty("mp_stack", NB_OBJS, ELT_SIZE, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_set_ops_byname(mp, ops, NULL), 0);
	assert_string_equal(rte_mempool_get_ops(mp->ops_index)->name, ops);
	assert_int_equal(rte_mempool_populate_default(mp), NB_OBJS);

	s = rte_stack_lookup(RTE_MEMPOOL_MZ_PREFIX "mp_stack");
	assert_non_null(s);
	assert_ptr_equal(mp->pool_data, s);
	assert_int_equal(s->flags, stack_flags);
	assert_int_equal(s->capacity, NB_OBJS);
	assert_int_equal(rte_mempool_avail_count(mp), NB_OBJS);
	assert_int_equal(rte_mempool_in_use_count(mp), 0);

	assert_int_equal(rte_mempool_get_bulk(mp, objs, NB_OBJS), 0);
	assert_int_equal(rte_mempool_avail_count(mp), 0);
	assert_true(rte_mempool_empty(mp));
	assert_true(rte_mempool_get(mp, &extra) < 0);
	/* every object once, inside the pool */
	qsort(objs, NB_OBJS, sizeof(objs[0]), cmp_ptr);
	for (i = 0; i < NB_OBJS; i++) {
		assert_non_null(objs[i]);
		if (i > 0)
			assert_true((uintptr_t)objs[i] - (uintptr_t)objs[i - 1] >= ELT_SIZE);
	}

	rte_mempool_put_bulk(mp, objs, NB_OBJS);
	assert_true(rte_mempool_full(mp));
	/* LIFO: the object just freed is the next one handed out */
	assert_int_equal(rte_mempool_get(mp, &extra), 0);
	assert_int_equal(rte_mempool_get(mp, &again), 0);
	rte_mempool_put(mp, again);
	assert_int_equal(rte_mempool_get(mp, &objs[0]), 0);
	assert_ptr_equal(objs[0], again);
	rte_mempool_put(mp, objs[0]);
	rte_mempool_put(mp, extra);
	assert_int_equal(rte_mempool_avail_count(mp), NB_OBJS);

	rte_mempool_free(mp);
	assert_null(rte_stack_lookup(RTE_MEMPOOL_MZ_PREFIX "mp_stack"));
}

static void
test_stack_ops(void **state)
{
	(void)state;
	check_ops("stack", 0);
}

static void
test_lf_stack_ops(void **state)
{
	(void)state;
	check_ops("lf_stack", RTE_STACK_F_LF);
}

/* A cache in front of the stack: objects still all come back. */
static void
test_with_cache(void **state)
{
	static void *objs[NB_OBJS];
	struct rte_mempool *mp;

	(void)state;
	mp = rte_mempool_create_empty("mp_cache", NB_OBJS, ELT_SIZE, 32, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "lf_stack", NULL), 0);
	assert_int_equal(rte_mempool_populate_default(mp), NB_OBJS);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, NB_OBJS / 2), 0);
	assert_int_equal(rte_mempool_in_use_count(mp), NB_OBJS / 2);
	rte_mempool_put_bulk(mp, objs, NB_OBJS / 2);
	assert_int_equal(rte_mempool_avail_count(mp), NB_OBJS);
	rte_mempool_free(mp);
}

/* "MP_" and a long pool name do not fit a stack name: populating fails, nothing leaks. */
static void
test_name_too_long(void **state)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	struct rte_mempool *mp;

	(void)state;
	memset(name, 'p', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	mp = rte_mempool_create_empty(name, 16, ELT_SIZE, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "stack", NULL), 0);
	assert_int_equal(rte_mempool_populate_default(mp), -ENAMETOOLONG);
	rte_mempool_free(mp);
}

#define MT_ROUNDS 20000
#define MT_BURST 8

/* Each lcore takes a burst, marks the objects as its own, checks and gives them back. */
static int
mt_worker(void *arg)
{
	struct rte_mempool *mp = arg;
	unsigned int me = rte_lcore_id() + 1, r, i;
	void *objs[MT_BURST];

	for (r = 0; r < MT_ROUNDS; r++) {
		if (rte_mempool_get_bulk(mp, objs, MT_BURST) != 0)
			continue;     /* the other lcore holds them for now */
		for (i = 0; i < MT_BURST; i++)
			*(volatile unsigned int *)objs[i] = me;
		for (i = 0; i < MT_BURST; i++)
			if (*(volatile unsigned int *)objs[i] != me)
				return -1;  /* another lcore got the same object */
		rte_mempool_put_bulk(mp, objs, MT_BURST);
	}
	return 0;
}

static void
check_mt(const char *ops)
{
	static void *objs[NB_OBJS];
	struct rte_mempool *mp;
	unsigned int lcore;

	/* fewer objects than two bursts in flight, so the lcores compete for them */
	mp = rte_mempool_create_empty("mp_mt", 12, ELT_SIZE, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_set_ops_byname(mp, ops, NULL), 0);
	assert_int_equal(rte_mempool_populate_default(mp), 12);
	lcore = rte_get_next_lcore(-1, 1, 0);
	assert_int_equal(rte_eal_remote_launch(mt_worker, mp, lcore), 0);
	assert_int_equal(mt_worker(mp), 0);
	assert_int_equal(rte_eal_wait_lcore(lcore), 0);
	assert_int_equal(rte_mempool_avail_count(mp), 12);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 12), 0);
	qsort(objs, 12, sizeof(objs[0]), cmp_ptr);
	for (unsigned int i = 1; i < 12; i++)
		assert_ptr_not_equal(objs[i], objs[i - 1]);
	rte_mempool_put_bulk(mp, objs, 12);
	rte_mempool_free(mp);
}

static void
test_two_lcores(void **state)
{
	(void)state;
	if (rte_lcore_count() < 2)
		skip();
	check_mt("stack");
	check_mt("lf_stack");
}

int
main(void)
{
	static const char *const args[] = { "test_mempool_stack", "--no-huge", "-m", "64",
		"-l", "0-1", "--file-prefix=test_mempool_stack", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stack_ops),
		cmocka_unit_test(test_lf_stack_ops),
		cmocka_unit_test(test_with_cache),
		cmocka_unit_test(test_name_too_long),
		cmocka_unit_test(test_two_lcores),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
