/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RCU defer queue: parameter errors, resources held while a reader has not reported a
 * quiescent state and freed in queue order afterwards, a full queue, automatic reclamation,
 * a delete that must wait, and two lcores sharing one queue with every resource freed once.
 */
#include "test_eal_main.h"

#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_rcu_qsbr.h>

#define MAX_THREADS 4
#define READER_ID 1
#define MT_PER_LCORE 20000

static struct rte_rcu_qsbr *v;
static unsigned int worker;

/* What free_fn saw: resources are two 32-bit words, a value and its complement. */
static uint32_t freed_vals[64];
static unsigned int nfreed;
static unsigned int mt_freed_count[2 * MT_PER_LCORE];
static unsigned int bad_elem;

static void
record_free(void *p, void *e, unsigned int n)
{
	uint32_t w[2];

	assert_ptr_equal(p, &nfreed);
	assert_int_equal(n, 1);
	memcpy(w, e, sizeof(w));
	if (w[1] != ~w[0])
		bad_elem++;
	if (nfreed < RTE_DIM(freed_vals))
		freed_vals[nfreed] = w[0];
	nfreed++;
}

static void
count_free(void *p, void *e, unsigned int n)
{
	uint32_t w[2];

	(void)p;
	memcpy(w, e, sizeof(w));
	if (n != 1 || w[1] != ~w[0] || w[0] >= RTE_DIM(mt_freed_count))
		bad_elem++;
	else
		__atomic_fetch_add(&mt_freed_count[w[0]], 1, __ATOMIC_RELAXED);
}

static int
setup(void **state)
{
	(void)state;
	worker = rte_get_next_lcore(-1, 1, 0);
	v = rte_zmalloc(NULL, rte_rcu_qsbr_get_memsize(MAX_THREADS), RTE_CACHE_LINE_SIZE);
	if (v == NULL)
		return -1;
	return rte_rcu_qsbr_init(v, MAX_THREADS);
}

static int
teardown(void **state)
{
	(void)state;
	rte_free(v);
	return 0;
}

static struct rte_rcu_qsbr_dq_parameters
params(const char *name, uint32_t size, uint32_t limit, uint32_t max_reclaim)
{
	struct rte_rcu_qsbr_dq_parameters p = {
		.name = name, .size = size, .esize = 8, .trigger_reclaim_limit = limit,
		.max_reclaim_size = max_reclaim, .free_fn = record_free, .p = &nfreed, .v = v,
	};
	return p;
}

static int
enqueue_val(struct rte_rcu_qsbr_dq *dq, uint32_t val)
{
	uint32_t w[2] = { val, ~val };

	return rte_rcu_qsbr_dq_enqueue(dq, w);
}

static void
expect_create_error(struct rte_rcu_qsbr_dq_parameters *p, int err)
{
	rte_errno = 0;
	assert_null(rte_rcu_qsbr_dq_create(p));
	assert_int_equal(rte_errno, err);
}

static void
test_dq_errors(void **state)
{
	struct rte_rcu_qsbr_dq_parameters p;
	char long_name[RTE_RCU_QSBR_DQ_NAMESIZE + 8];
	struct rte_rcu_qsbr_dq *dq;
	unsigned int freed;

	(void)state;
	expect_create_error(NULL, EINVAL);
	p = params(NULL, 8, 8, 8);
	expect_create_error(&p, EINVAL);
	p = params("dq_err", 0, 8, 8);
	expect_create_error(&p, EINVAL);
	p = params("dq_err", 8, 8, 8);
	p.esize = 0;
	expect_create_error(&p, EINVAL);
	p.esize = 6;
	expect_create_error(&p, EINVAL);
	p = params("dq_err", 8, 8, 8);
	p.v = NULL;
	expect_create_error(&p, EINVAL);
	p = params("dq_err", 8, 8, 8);
	p.free_fn = NULL;
	expect_create_error(&p, EINVAL);
	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	p = params(long_name, 8, 8, 8);
	expect_create_error(&p, EINVAL);

	p = params("dq_err", 8, 8, 8);
	dq = rte_rcu_qsbr_dq_create(&p);
	assert_non_null(dq);
	expect_create_error(&p, EEXIST);

	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_dq_enqueue(NULL, &freed), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_dq_enqueue(dq, NULL), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_dq_reclaim(NULL, 1, NULL, NULL, NULL), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_dq_reclaim(dq, 0, NULL, NULL, NULL), 1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_rcu_qsbr_dq_delete(NULL), 0);
	/* nothing queued: the name is free again after the delete */
	assert_int_equal(rte_rcu_qsbr_dq_delete(dq), 0);
	dq = rte_rcu_qsbr_dq_create(&p);
	assert_non_null(dq);
	assert_int_equal(rte_rcu_qsbr_dq_delete(dq), 0);
}

static void
test_dq_grace_period(void **state)
{
	struct rte_rcu_qsbr_dq_parameters p = params("dq_grace", 4, 100, 100);
	unsigned int freed, pending, available, i;
	struct rte_rcu_qsbr_dq *dq;

	(void)state;
	nfreed = 0;
	dq = rte_rcu_qsbr_dq_create(&p);
	assert_non_null(dq);
	assert_int_equal(rte_rcu_qsbr_thread_register(v, READER_ID), 0);
	rte_rcu_qsbr_thread_online(v, READER_ID);

	for (i = 0; i < 4; i++)
		assert_int_equal(enqueue_val(dq, 100 + i), 0);
	/* the reader has reported nothing since: everything waits */
	assert_int_equal(rte_rcu_qsbr_dq_reclaim(dq, 10, &freed, &pending, &available), 0);
	assert_int_equal(freed, 0);
	assert_int_equal(pending, 4);
	assert_int_equal(available, 0);
	assert_int_equal(nfreed, 0);
	/* full, and nothing can be freed */
	rte_errno = 0;
	assert_int_equal(enqueue_val(dq, 999), 1);
	assert_int_equal(rte_errno, ENOSPC);
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_dq_delete(dq), 1);
	assert_int_equal(rte_errno, EAGAIN);

	/* a quiescent state ends all four grace periods; n limits how many go */
	rte_rcu_qsbr_quiescent(v, READER_ID);
	assert_int_equal(rte_rcu_qsbr_dq_reclaim(dq, 1, &freed, &pending, &available), 0);
	assert_int_equal(freed, 1);
	assert_int_equal(pending, 3);
	assert_int_equal(available, 1);
	assert_int_equal(enqueue_val(dq, 104), 0);
	assert_int_equal(nfreed, 1);
	/* full again: the enqueue makes room itself, freeing the three older ones only, since
	 * 104 started its grace period after the quiescent state
	 */
	assert_int_equal(enqueue_val(dq, 105), 0);
	assert_int_equal(nfreed, 4);
	for (i = 0; i < 4; i++)
		assert_int_equal(freed_vals[i], 100 + i);
	assert_int_equal(rte_rcu_qsbr_dq_reclaim(dq, 10, &freed, &pending, NULL), 0);
	assert_int_equal(freed, 0);
	assert_int_equal(pending, 2);
	rte_rcu_qsbr_quiescent(v, READER_ID);
	assert_int_equal(rte_rcu_qsbr_dq_delete(dq), 0);
	assert_int_equal(nfreed, 6);
	assert_int_equal(freed_vals[4], 104);
	assert_int_equal(freed_vals[5], 105);
	assert_int_equal(bad_elem, 0);

	rte_rcu_qsbr_thread_offline(v, READER_ID);
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, READER_ID), 0);
}

static void
test_dq_auto_reclaim(void **state)
{
	struct rte_rcu_qsbr_dq_parameters p = params("dq_auto", 16, 3, 2);
	struct rte_rcu_qsbr_dq *dq;
	unsigned int pending, i;

	(void)state;
	nfreed = 0;
	dq = rte_rcu_qsbr_dq_create(&p);
	assert_non_null(dq);
	/* no reader online: every grace period is over at once, but nothing is freed before
	 * three resources wait, and then at most two per enqueue
	 */
	for (i = 0; i < 3; i++)
		assert_int_equal(enqueue_val(dq, i), 0);
	assert_int_equal(nfreed, 0);
	assert_int_equal(enqueue_val(dq, 3), 0);
	assert_int_equal(nfreed, 2);
	assert_int_equal(rte_rcu_qsbr_dq_reclaim(dq, 100, NULL, &pending, NULL), 0);
	assert_int_equal(pending, 0);
	assert_int_equal(nfreed, 4);
	for (i = 0; i < 4; i++)
		assert_int_equal(freed_vals[i], i);
	assert_int_equal(rte_rcu_qsbr_dq_delete(dq), 0);
	assert_int_equal(bad_elem, 0);
}

static struct rte_rcu_qsbr_dq *mt_dq;
static unsigned int mt_enqueue_failures;

static int
mt_enqueuer(void *arg)
{
	uint32_t base = (uint32_t)(uintptr_t)arg, i;

	for (i = 0; i < MT_PER_LCORE; i++) {
		uint32_t w[2] = { base + i, ~(base + i) };

		if (rte_rcu_qsbr_dq_enqueue(mt_dq, w) != 0)
			__atomic_fetch_add(&mt_enqueue_failures, 1, __ATOMIC_RELAXED);
	}
	return 0;
}

static void
test_dq_two_lcores(void **state)
{
	struct rte_rcu_qsbr_dq_parameters p = params("dq_mt", 256, 32, 16);
	unsigned int i;

	(void)state;
	if (worker >= RTE_MAX_LCORE)
		skip();
	p.free_fn = count_free;
	p.p = NULL;
	memset(mt_freed_count, 0, sizeof(mt_freed_count));
	mt_dq = rte_rcu_qsbr_dq_create(&p);
	assert_non_null(mt_dq);
	assert_int_equal(rte_eal_remote_launch(mt_enqueuer, (void *)(uintptr_t)0, worker), 0);
	mt_enqueuer((void *)(uintptr_t)MT_PER_LCORE);
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	assert_int_equal(mt_enqueue_failures, 0);
	assert_int_equal(rte_rcu_qsbr_dq_delete(mt_dq), 0);
	for (i = 0; i < RTE_DIM(mt_freed_count); i++)
		if (mt_freed_count[i] != 1)
			fail_msg("resource %u freed %u times", i, mt_freed_count[i]);
	assert_int_equal(bad_elem, 0);
}

int
main(void)
{
	static const char *const args[] = { "test_rcu_qsbr_dq", "--no-huge", "-m", "64",
		"-l", "0-1", "--file-prefix=test_rcu_qsbr_dq", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dq_errors),
		cmocka_unit_test(test_dq_grace_period),
		cmocka_unit_test(test_dq_auto_reclaim),
		cmocka_unit_test(test_dq_two_lcores),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, setup, teardown);
}
