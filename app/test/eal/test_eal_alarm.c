/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Alarms: they go off once, not early, in deadline order and on the interrupt thread; cancel
 * counts, matches any argument with (void *)-1, reports ENOENT, waits for a running callback
 * when called from elsewhere and reports EINPROGRESS from inside it; bad arguments are refused;
 * rte_eal_cleanup drops pending alarms and releases the timer.
 */
#include "test_common.h"

#include <errno.h>
#include <unistd.h>
#include <pthread.h>
#include <time.h>

#include <rte_common.h>
#include <rte_alarm.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#define PREFIX "--file-prefix=test_eal_alarm"

static const char *const eal_args[] = { "prog", PREFIX, "--no-huge", "-l", "0", NULL };

struct alarm_state {
	int calls;
	int on_intr_thread;
	uint64_t fired_ns;
	int order_slot;         /* filled from order_next when called */
	int block_ms;           /* sleep this long inside the callback */
	int entered;
	int finished;
	int cancel_self_ret;    /* rte_eal_alarm_cancel on itself from inside */
	int cancel_self_errno;
	struct alarm_state *other;  /* cancelled from inside the callback */
	int cancel_other_ret;
	int rearm;              /* set itself again this many times */
};

static int order_next;

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int
wait_for(int *v, int want, int ms)
{
	uint64_t end = now_ns() + (uint64_t)ms * 1000000ULL;

	while (__atomic_load_n(v, __ATOMIC_ACQUIRE) < want) {
		if (now_ns() > end)
			return -1;
		usleep(200);
	}
	return 0;
}

static void alarm_cb(void *arg);

static void
alarm_cb(void *arg)
{
	struct alarm_state *s = arg;

	s->fired_ns = now_ns();
	s->on_intr_thread = rte_thread_is_intr();
	s->order_slot = __atomic_fetch_add(&order_next, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&s->entered, 1, __ATOMIC_RELEASE);
	if (s->block_ms > 0)
		usleep((useconds_t)s->block_ms * 1000);
	if (s->cancel_self_ret == 99) {
		rte_errno = 0;
		s->cancel_self_ret = rte_eal_alarm_cancel(alarm_cb, s);
		s->cancel_self_errno = rte_errno;
	}
	if (s->other != NULL)
		s->cancel_other_ret = rte_eal_alarm_cancel(alarm_cb, s->other);
	if (s->rearm > 0) {
		s->rearm--;
		assert_int_equal(rte_eal_alarm_set(1000, alarm_cb, s), 0);
	}
	__atomic_store_n(&s->finished, 1, __ATOMIC_RELEASE);
	__atomic_fetch_add(&s->calls, 1, __ATOMIC_RELEASE);
}

static void
test_fires_once_not_early(void **state)
{
	struct alarm_state s = { 0 };
	uint64_t t0;

	(void)state;
	t0 = now_ns();
	assert_int_equal(rte_eal_alarm_set(20000, alarm_cb, &s), 0);
	assert_int_equal(wait_for(&s.calls, 1, 2000), 0);
	assert_true(s.fired_ns - t0 >= 20000000ULL);
	assert_int_equal(s.on_intr_thread, 1);
	usleep(50000);
	assert_int_equal(s.calls, 1);
	/* Gone once fired: nothing left to cancel. */
	rte_errno = 0;
	assert_int_equal(rte_eal_alarm_cancel(alarm_cb, &s), 0);
	assert_int_equal(rte_errno, ENOENT);
}

static void
test_deadline_order(void **state)
{
	struct alarm_state a = { 0 }, b = { 0 }, c = { 0 };

	(void)state;
	order_next = 0;
	/* Set latest first: the timer must be moved forward for each. */
	assert_int_equal(rte_eal_alarm_set(30000, alarm_cb, &c), 0);
	assert_int_equal(rte_eal_alarm_set(20000, alarm_cb, &b), 0);
	assert_int_equal(rte_eal_alarm_set(10000, alarm_cb, &a), 0);
	assert_int_equal(wait_for(&c.calls, 1, 2000), 0);
	assert_int_equal(a.order_slot, 0);
	assert_int_equal(b.order_slot, 1);
	assert_int_equal(c.order_slot, 2);
}

static void
test_cancel_pending(void **state)
{
	struct alarm_state a = { 0 }, b = { 0 }, keep = { 0 };

	(void)state;
	assert_int_equal(rte_eal_alarm_set(30000, alarm_cb, &a), 0);
	assert_int_equal(rte_eal_alarm_set(30000, alarm_cb, &a), 0);
	assert_int_equal(rte_eal_alarm_set(30000, alarm_cb, &b), 0);
	assert_int_equal(rte_eal_alarm_set(40000, alarm_cb, &keep), 0);
	rte_errno = 12345;
	assert_int_equal(rte_eal_alarm_cancel(alarm_cb, &a), 2);
	assert_int_equal(rte_errno, 12345);
	assert_int_equal(wait_for(&keep.calls, 1, 2000), 0);
	assert_int_equal(a.calls, 0);
	assert_int_equal(b.calls, 1);

	/* (void *)-1 matches every argument of that function. */
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	assert_int_equal(rte_eal_alarm_set(50000, alarm_cb, &a), 0);
	assert_int_equal(rte_eal_alarm_set(60000, alarm_cb, &b), 0);
	assert_int_equal(rte_eal_alarm_cancel(alarm_cb, (void *)-1), 2);
	usleep(100000);
	assert_int_equal(a.calls + b.calls, 0);
}

static void
test_bad_arguments(void **state)
{
	struct alarm_state s = { 0 };

	(void)state;
	assert_int_equal(rte_eal_alarm_set(1000, NULL, &s), -EINVAL);
	assert_int_equal(rte_eal_alarm_set(0, alarm_cb, &s), -EINVAL);
	assert_int_equal(rte_eal_alarm_set(UINT64_MAX - 1000000 + 1, alarm_cb, &s), -EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_eal_alarm_cancel(NULL, &s), -1);
	assert_int_equal(rte_errno, EINVAL);
	/* Nothing was set by the refused calls. */
	rte_errno = 0;
	assert_int_equal(rte_eal_alarm_cancel(alarm_cb, (void *)-1), 0);
	assert_int_equal(rte_errno, ENOENT);
	/* The largest delay is accepted, and cancelled. */
	assert_int_equal(rte_eal_alarm_set(UINT64_MAX - 1000000, alarm_cb, &s), 0);
	assert_int_equal(rte_eal_alarm_cancel(alarm_cb, &s), 1);
}

static void
test_cancel_from_callback(void **state)
{
	struct alarm_state self = { 0 }, other = { 0 };

	(void)state;
	self.cancel_self_ret = 99;
	self.other = &other;
	assert_int_equal(rte_eal_alarm_set(5000, alarm_cb, &self), 0);
	assert_int_equal(rte_eal_alarm_set(200000, alarm_cb, &other), 0);
	assert_int_equal(wait_for(&self.calls, 1, 2000), 0);
	/* Its own alarm is running: not cancelled, EINPROGRESS. The other one is cancelled. */
	assert_int_equal(self.cancel_self_ret, 0);
	assert_int_equal(self.cancel_self_errno, EINPROGRESS);
	assert_int_equal(self.cancel_other_ret, 1);
	usleep(300000);
	assert_int_equal(other.calls, 0);
	assert_int_equal(self.calls, 1);
}

static void
test_cancel_waits_for_running(void **state)
{
	struct alarm_state s = { 0 };

	(void)state;
	s.block_ms = 100;
	assert_int_equal(rte_eal_alarm_set(1000, alarm_cb, &s), 0);
	assert_int_equal(wait_for(&s.entered, 1, 2000), 0);
	/* Running on the interrupt thread: the cancel returns only once it has finished. */
	rte_errno = 0;
	assert_int_equal(rte_eal_alarm_cancel(alarm_cb, &s), 0);
	assert_int_equal(__atomic_load_n(&s.finished, __ATOMIC_ACQUIRE), 1);
	assert_int_equal(rte_errno, ENOENT);
}

static void
test_set_from_callback(void **state)
{
	struct alarm_state s = { 0 };

	(void)state;
	s.rearm = 3;
	assert_int_equal(rte_eal_alarm_set(1000, alarm_cb, &s), 0);
	assert_int_equal(wait_for(&s.calls, 4, 2000), 0);
	usleep(20000);
	assert_int_equal(s.calls, 4);
}

struct setter_arg {
	struct alarm_state *states;
	int n;
};

static void *
setter_thread(void *p)
{
	struct setter_arg *a = p;
	int i;

	for (i = 0; i < a->n; i++)
		if (rte_eal_alarm_set(1 + (uint64_t)(i % 7) * 300, alarm_cb, &a->states[i]) != 0)
			return (void *)1;
	return NULL;
}

/* Alarms set from several threads at once all go off exactly once. */
static void
test_concurrent_set(void **state)
{
	enum { THREADS = 4, PER = 50 };
	static struct alarm_state st[THREADS][PER];
	struct setter_arg args[THREADS];
	pthread_t tid[THREADS];
	void *ret;
	int t, i;

	(void)state;
	memset(st, 0, sizeof(st));
	for (t = 0; t < THREADS; t++) {
		args[t].states = st[t];
		args[t].n = PER;
		assert_int_equal(pthread_create(&tid[t], NULL, setter_thread, &args[t]), 0);
	}
	for (t = 0; t < THREADS; t++) {
		assert_int_equal(pthread_join(tid[t], &ret), 0);
		assert_null(ret);
	}
	for (t = 0; t < THREADS; t++)
		for (i = 0; i < PER; i++)
			assert_int_equal(wait_for(&st[t][i].calls, 1, 2000), 0);
	usleep(20000);
	for (t = 0; t < THREADS; t++)
		for (i = 0; i < PER; i++)
			assert_int_equal(st[t][i].calls, 1);
}

static int
setup(void **state)
{
	struct test_argv a;

	(void)state;
	test_argv_build(&a, eal_args);
	return rte_eal_init(a.argc, a.argv) < 0 ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return rte_eal_cleanup();
}

/*
 * A pending alarm does not survive rte_eal_cleanup, and the timer's fd is closed. Runs last:
 * it restarts EAL and leaves it running for the group's teardown.
 */
static void
test_cleanup_drops_alarms(void **state)
{
	struct alarm_state s = { 0 }, after = { 0 };
	struct test_argv a;
	int fds;

	(void)state;
	test_argv_build(&a, eal_args);
	assert_int_equal(rte_eal_cleanup(), 0);
	fds = test_count_fds();
	assert_int_equal(rte_eal_init(a.argc, a.argv), 4);
	assert_int_equal(rte_eal_alarm_set(50000, alarm_cb, &s), 0);
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(test_count_fds(), fds);
	usleep(100000);
	assert_int_equal(s.calls, 0);
	test_argv_build(&a, eal_args);
	assert_int_equal(rte_eal_init(a.argc, a.argv), 4);
	rte_errno = 0;
	assert_int_equal(rte_eal_alarm_cancel(alarm_cb, &s), 0);
	assert_int_equal(rte_errno, ENOENT);
	assert_int_equal(rte_eal_alarm_set(1000, alarm_cb, &after), 0);
	assert_int_equal(wait_for(&after.calls, 1, 2000), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fires_once_not_early),
		cmocka_unit_test(test_deadline_order),
		cmocka_unit_test(test_cancel_pending),
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_cancel_from_callback),
		cmocka_unit_test(test_cancel_waits_for_running),
		cmocka_unit_test(test_set_from_callback),
		cmocka_unit_test(test_concurrent_set),
		cmocka_unit_test(test_cleanup_drops_alarms),
	};

	return cmocka_run_group_tests_name("eal_alarm", tests, setup, teardown);
}
