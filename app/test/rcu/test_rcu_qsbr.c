/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RCU QSBR: argument errors, grace-period logic on one thread, and on two lcores a writer
 * that must wait for a reader's quiescent state, an offline reader that must not block it,
 * and a replace/free loop where the reader would see poisoned memory if a grace period
 * ended too early.
 */
#include "test_eal_main.h"

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_pause.h>
#include <rte_rcu_qsbr.h>

#define MAX_THREADS 4
#define WRITER_ID 0
#define READER_ID 1

static unsigned int worker;
static struct rte_rcu_qsbr *v;

static int
setup(void **state)
{
	size_t sz = rte_rcu_qsbr_get_memsize(MAX_THREADS);

	(void)state;
	worker = rte_get_next_lcore(-1, 1, 0);
	v = rte_zmalloc(NULL, sz, RTE_CACHE_LINE_SIZE);
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

static void
test_errors_and_dump(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_get_memsize(0), 1);
	assert_int_equal(rte_errno, EINVAL);
	assert_true(rte_rcu_qsbr_get_memsize(1) >= sizeof(struct rte_rcu_qsbr) +
		sizeof(struct rte_rcu_qsbr_cnt));
	assert_true(rte_rcu_qsbr_get_memsize(128) > rte_rcu_qsbr_get_memsize(1));
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_init(NULL, 4), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_init(v, 0), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_thread_register(v, MAX_THREADS), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_thread_register(NULL, 0), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, MAX_THREADS), 1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(v->num_threads, 0);

	assert_int_equal(rte_rcu_qsbr_thread_register(v, 2), 0);
	assert_int_equal(rte_rcu_qsbr_thread_register(v, 2), 0);
	assert_int_equal(rte_rcu_qsbr_thread_register(v, 3), 0);
	assert_int_equal(v->num_threads, 2);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(rte_rcu_qsbr_dump(f, v), 0);
	fclose(f);
	assert_non_null(strstr(buf, "Registered thread IDs = 2 3"));
	free(buf);
	assert_int_equal(rte_rcu_qsbr_dump(NULL, v), 1);
	assert_int_equal(rte_rcu_qsbr_dump(stdout, NULL), 1);
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, 2), 0);
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, 3), 0);
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, 3), 0);
	assert_int_equal(v->num_threads, 0);
}

static void
test_single_thread_logic(void **state)
{
	uint64_t t;

	(void)state;
	assert_int_equal(rte_rcu_qsbr_thread_register(v, 0), 0);
	assert_int_equal(rte_rcu_qsbr_thread_register(v, 1), 0);
	/* Both registered, both offline: nothing to wait for. */
	t = rte_rcu_qsbr_start(v);
	assert_int_equal(rte_rcu_qsbr_check(v, t, false), 1);

	rte_rcu_qsbr_thread_online(v, 0);
	t = rte_rcu_qsbr_start(v);
	assert_int_equal(rte_rcu_qsbr_check(v, t, false), 0);
	assert_int_equal(rte_rcu_qsbr_check(v, t, false), 0);
	rte_rcu_qsbr_quiescent(v, 0);
	/* Reader 1 never reported, but it is offline. */
	assert_int_equal(rte_rcu_qsbr_check(v, t, false), 1);

	rte_rcu_qsbr_thread_online(v, 1);
	t = rte_rcu_qsbr_start(v);
	rte_rcu_qsbr_quiescent(v, 0);
	assert_int_equal(rte_rcu_qsbr_check(v, t, false), 0);
	rte_rcu_qsbr_quiescent(v, 1);
	assert_int_equal(rte_rcu_qsbr_check(v, t, false), 1);
	/* An older token is already done. */
	assert_int_equal(rte_rcu_qsbr_check(v, t - 1, false), 1);

	/* A quiescent state reported before start does not count. */
	rte_rcu_qsbr_quiescent(v, 0);
	rte_rcu_qsbr_quiescent(v, 1);
	t = rte_rcu_qsbr_start(v);
	assert_int_equal(rte_rcu_qsbr_check(v, t, false), 0);

	/* Unregistering the laggards ends the wait. */
	rte_rcu_qsbr_quiescent(v, 0);
	assert_int_equal(rte_rcu_qsbr_check(v, t, false), 0);
	rte_rcu_qsbr_thread_offline(v, 1);
	assert_int_equal(rte_rcu_qsbr_check(v, t, false), 1);

	/* The caller as reader 0 may synchronize without waiting for itself. */
	rte_rcu_qsbr_synchronize(v, 0);
	rte_rcu_qsbr_thread_offline(v, 0);
	rte_rcu_qsbr_synchronize(v, RTE_QSBR_THRID_INVALID);
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, 0), 0);
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, 1), 0);
}

/* Reader on the worker lcore for the "writer waits" test. */
static volatile int reader_online, reader_release, reader_reported;

static int
holding_reader(void *arg)
{
	(void)arg;
	rte_rcu_qsbr_thread_online(v, READER_ID);
	reader_online = 1;
	/* Stay inside a read-side section until told to leave. */
	while (!reader_release)
		rte_pause();
	reader_reported = 1;
	rte_rcu_qsbr_quiescent(v, READER_ID);
	rte_rcu_qsbr_thread_offline(v, READER_ID);
	return 0;
}

static void
test_writer_waits_for_reader(void **state)
{
	uint64_t t, start;
	unsigned int i;

	(void)state;
	reader_online = reader_release = reader_reported = 0;
	assert_int_equal(rte_rcu_qsbr_thread_register(v, READER_ID), 0);
	assert_int_equal(rte_eal_remote_launch(holding_reader, NULL, worker), 0);
	while (!reader_online)
		rte_pause();
	t = rte_rcu_qsbr_start(v);
	/* As long as the reader holds on, the grace period is not over. */
	for (i = 0; i < 1000; i++) {
		assert_int_equal(rte_rcu_qsbr_check(v, t, false), 0);
		rte_delay_us_block(10);
	}
	reader_release = 1;
	start = rte_get_timer_cycles();
	assert_int_equal(rte_rcu_qsbr_check(v, t, true), 1);
	assert_true(reader_reported);
	assert_true(rte_get_timer_cycles() - start < 10 * rte_get_timer_hz());
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, READER_ID), 0);
}

static volatile int offline_ready, writer_done;

static int
offline_reader(void *arg)
{
	(void)arg;
	rte_rcu_qsbr_thread_online(v, READER_ID);
	rte_rcu_qsbr_quiescent(v, READER_ID);
	rte_rcu_qsbr_thread_offline(v, READER_ID);
	offline_ready = 1;
	/* Never reports again while the writer works. */
	while (!writer_done)
		rte_pause();
	return 0;
}

static void
test_offline_reader_never_blocks(void **state)
{
	uint64_t t;
	unsigned int i;

	(void)state;
	offline_ready = writer_done = 0;
	assert_int_equal(rte_rcu_qsbr_thread_register(v, READER_ID), 0);
	assert_int_equal(rte_eal_remote_launch(offline_reader, NULL, worker), 0);
	while (!offline_ready)
		rte_pause();
	for (i = 0; i < 100; i++) {
		t = rte_rcu_qsbr_start(v);
		assert_int_equal(rte_rcu_qsbr_check(v, t, false), 1);
	}
	rte_rcu_qsbr_synchronize(v, RTE_QSBR_THRID_INVALID);
	writer_done = 1;
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, READER_ID), 0);
}

/* Replace-and-free loop: a reader that could still see a freed object would read poison. */
#define MAGIC 0x5a5a5a5a5a5a5a5aULL
#define POISON 0xdeaddeaddeaddeadULL
#define REPLACEMENTS 20000

struct shared_obj {
	volatile uint64_t magic;
	uint64_t pad[7];
};

static struct shared_obj *volatile published;
static volatile int stop_reader;
static uint64_t reader_bad, reader_reads;

static int
checking_reader(void *arg)
{
	struct shared_obj *p;
	unsigned int k;

	(void)arg;
	rte_rcu_qsbr_thread_online(v, READER_ID);
	while (!stop_reader) {
		p = __atomic_load_n(&published, __ATOMIC_ACQUIRE);
		/* Several reads per section widen the window for a premature free. */
		for (k = 0; k < 8; k++)
			if (p->magic != MAGIC)
				reader_bad++;
		__atomic_store_n(&reader_reads, reader_reads + 1, __ATOMIC_RELAXED);
		rte_rcu_qsbr_quiescent(v, READER_ID);
		/* Go offline now and then, as a polling lcore would when idle. */
		if ((reader_reads & 1023) == 0) {
			rte_rcu_qsbr_thread_offline(v, READER_ID);
			rte_rcu_qsbr_thread_online(v, READER_ID);
		}
	}
	rte_rcu_qsbr_thread_offline(v, READER_ID);
	return 0;
}

static void
test_replace_and_free(void **state)
{
	struct shared_obj *objs, *old, *next;
	unsigned int i;

	(void)state;
	objs = rte_zmalloc(NULL, 2 * sizeof(*objs), RTE_CACHE_LINE_SIZE);
	assert_non_null(objs);
	objs[0].magic = MAGIC;
	published = &objs[0];
	stop_reader = 0;
	reader_bad = reader_reads = 0;
	assert_int_equal(rte_rcu_qsbr_thread_register(v, READER_ID), 0);
	assert_int_equal(rte_eal_remote_launch(checking_reader, NULL, worker), 0);
	while (__atomic_load_n(&reader_reads, __ATOMIC_RELAXED) == 0)
		rte_pause();
	for (i = 0; i < REPLACEMENTS; i++) {
		old = published;
		next = (old == &objs[0]) ? &objs[1] : &objs[0];
		next->magic = MAGIC;
		__atomic_store_n(&published, next, __ATOMIC_RELEASE);
		rte_rcu_qsbr_synchronize(v, RTE_QSBR_THRID_INVALID);
		/* Nobody can hold old any more: "free" it. */
		old->magic = POISON;
	}
	stop_reader = 1;
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	assert_int_equal(rte_rcu_qsbr_thread_unregister(v, READER_ID), 0);
	/* The reader kept reading during the replacements. */
	assert_true(reader_reads > REPLACEMENTS / 100);
	assert_int_equal(reader_bad, 0);
	rte_free(objs);
}

int
main(void)
{
	static const char *const args[] = { "test_rcu_qsbr", "--no-huge", "-m", "64",
		"-l", "0-1", "--file-prefix=test_rcu_qsbr", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors_and_dump),
		cmocka_unit_test(test_single_thread_logic),
		cmocka_unit_test(test_writer_waits_for_reader),
		cmocka_unit_test(test_offline_reader_never_blocks),
		cmocka_unit_test(test_replace_and_free),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, setup, teardown);
}
