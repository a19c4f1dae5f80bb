/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lcores and launch: return values, -EBUSY while running, -EINVAL for the main or a disabled
 * lcore, CALL_MAIN, iteration macros, indexes, sockets, and non-EAL threads taking an lcore id.
 */
#include "test_common.h"

#include <unistd.h>
#include <sched.h>
#include <pthread.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_pause.h>

/* Tests of two lcores need two CPUs this process may use. */
#define SKIP_NEEDS_TWO_CPUS() do { \
	print_message("fewer than 2 usable CPUs: skipped\n"); \
	skip(); \
} while (0)

#define PREFIX "--file-prefix=test_eal_lcore"

static int
eal_up(const char *lcores)
{
	const char *args[] = { "prog", PREFIX, "--no-huge", "-l", lcores, NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

/* CPUs usable at start-up (rte_eal_init pins the main thread to one of them later). */
static int
online_cpus(void)
{
	static int n;
	cpu_set_t set;

	if (n == 0)
		n = sched_getaffinity(0, sizeof(set), &set) != 0 ? 1 : CPU_COUNT(&set);
	return n;
}

/* The tests between test_up_two and test_down_two share one EAL with lcores 0 and 1. */
static void
test_up_two(void **state)
{
	(void)state;
	if (online_cpus() < 2) {
		print_message("fewer than 2 usable CPUs: the two-lcore tests are skipped\n");
		skip();
	}
	assert_int_equal(eal_up("0-1"), 4);
}

static void
test_down_two(void **state)
{
	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	assert_int_equal(rte_eal_cleanup(), 0);
}

static int
return_id(void *arg)
{
	return (int)rte_lcore_id() * 10 + (int)(uintptr_t)arg;
}

static int release_flag;
static int entered;

static int
block_until_released(void *arg)
{
	(void)arg;
	__atomic_store_n(&entered, 1, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&release_flag, __ATOMIC_ACQUIRE))
		rte_pause();
	return 42;
}

static void
test_launch_and_wait(void **state)
{
	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	/* Never launched: wait hands back 0 at once. */
	assert_int_equal(rte_eal_wait_lcore(1), 0);
	assert_int_equal(rte_eal_get_lcore_state(1), WAIT);
	assert_int_equal(rte_eal_remote_launch(return_id, (void *)3, 1), 0);
	assert_int_equal(rte_eal_wait_lcore(1), 13);
	/* The value stays until the next launch, as in DPDK. */
	assert_int_equal(rte_eal_wait_lcore(1), 13);
	assert_int_equal(rte_eal_get_lcore_state(1), WAIT);
	assert_int_equal(rte_eal_remote_launch(return_id, (void *)7, 1), 0);
	assert_int_equal(rte_eal_wait_lcore(1), 17);
}

static void
test_launch_busy(void **state)
{
	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	release_flag = 0;
	entered = 0;
	assert_int_equal(rte_eal_remote_launch(block_until_released, NULL, 1), 0);
	while (!__atomic_load_n(&entered, __ATOMIC_ACQUIRE))
		rte_pause();
	assert_int_equal(rte_eal_get_lcore_state(1), RUNNING);
	assert_int_equal(rte_eal_remote_launch(return_id, NULL, 1), -EBUSY);
	assert_int_equal(rte_eal_mp_remote_launch(return_id, NULL, SKIP_MAIN), -EBUSY);
	/* Cleanup would wait forever for the worker: refused, and EAL stays usable. */
	rte_errno = 0;
	assert_int_equal(rte_eal_cleanup(), -EBUSY);
	assert_int_equal(rte_errno, EBUSY);
	assert_int_equal(rte_lcore_count(), 2);
	assert_int_equal(rte_eal_get_lcore_state(1), RUNNING);
	__atomic_store_n(&release_flag, 1, __ATOMIC_RELEASE);
	assert_int_equal(rte_eal_wait_lcore(1), 42);
	assert_int_equal(rte_eal_remote_launch(return_id, NULL, 1), 0);
	assert_int_equal(rte_eal_wait_lcore(1), 10);
}

static void
test_launch_invalid(void **state)
{
	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	assert_int_equal(rte_eal_remote_launch(return_id, NULL, rte_get_main_lcore()), -EINVAL);
	assert_int_equal(rte_eal_remote_launch(return_id, NULL, 5), -EINVAL);
	assert_int_equal(rte_eal_remote_launch(return_id, NULL, RTE_MAX_LCORE), -EINVAL);
	assert_int_equal(rte_eal_remote_launch(NULL, NULL, 1), -EINVAL);
	/* Nothing was started by the refused calls. */
	assert_int_equal(rte_eal_get_lcore_state(1), WAIT);
}

static int calls;

static int
count_call(void *arg)
{
	__atomic_fetch_add(&calls, 1, __ATOMIC_RELAXED);
	return (int)rte_lcore_id() + (int)(uintptr_t)arg;
}

static void
test_mp_launch_call_main(void **state)
{
	unsigned int lcore;

	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	calls = 0;
	assert_int_equal(rte_eal_mp_remote_launch(count_call, (void *)100, CALL_MAIN), 0);
	rte_eal_mp_wait_lcore();
	assert_int_equal(calls, (int)rte_lcore_count());
	RTE_LCORE_FOREACH_WORKER(lcore)
		assert_int_equal(rte_eal_wait_lcore(lcore), (int)lcore + 100);
	/* The main lcore's own result is kept too. */
	assert_int_equal(rte_eal_wait_lcore(rte_get_main_lcore()),
		(int)rte_get_main_lcore() + 100);
	assert_int_equal(rte_eal_get_lcore_state(rte_get_main_lcore()), WAIT);

	calls = 0;
	assert_int_equal(rte_eal_mp_remote_launch(count_call, (void *)0, SKIP_MAIN), 0);
	rte_eal_mp_wait_lcore();
	assert_int_equal(calls, (int)rte_lcore_count() - 1);
	assert_int_equal(rte_eal_mp_remote_launch(NULL, NULL, SKIP_MAIN), -EINVAL);
}

static int
report_index_and_cpu(void *arg)
{
	(void)arg;
	return rte_lcore_index(-1) * 1000 + sched_getcpu();
}

static int
add_one(void *arg)
{
	return (int)(uintptr_t)arg + 1;
}

/* Many launches back to back: no hand-over is lost and every result is the right one. */
static void
test_launch_many(void **state)
{
	uintptr_t i;

	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	for (i = 0; i < 3000; i++) {
		assert_int_equal(rte_eal_remote_launch(add_one, (void *)i, 1), 0);
		if (rte_eal_wait_lcore(1) != (int)i + 1)
			fail_msg("launch %lu returned %d", (unsigned long)i, rte_eal_wait_lcore(1));
	}
	for (i = 0; i < 500; i++) {
		assert_int_equal(rte_eal_mp_remote_launch(add_one, (void *)i, CALL_MAIN), 0);
		rte_eal_mp_wait_lcore();
		assert_int_equal(rte_eal_wait_lcore(1), (int)i + 1);
	}
}

static void
test_iteration_and_index(void **state)
{
	unsigned int lcore, n = 0, w = 0;

	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	RTE_LCORE_FOREACH(lcore)
		n++;
	RTE_LCORE_FOREACH_WORKER(lcore) {
		assert_int_not_equal(lcore, rte_get_main_lcore());
		w++;
	}
	assert_int_equal(n, rte_lcore_count());
	assert_int_equal(w, rte_lcore_count() - 1);
	assert_int_equal(rte_lcore_id(), 0);
	assert_int_equal(rte_lcore_index(-1), 0);
	assert_int_equal(rte_lcore_index(1), 1);
	assert_int_equal(rte_lcore_index(5), -1);
	assert_int_equal(rte_lcore_index(RTE_MAX_LCORE), -1);
	/* The worker reports its own index and runs pinned on CPU 1. */
	assert_int_equal(rte_eal_remote_launch(report_index_and_cpu, NULL, 1), 0);
	assert_int_equal(rte_eal_wait_lcore(1), 1001);
	assert_int_equal(sched_getcpu(), 0);

	assert_int_equal(rte_get_next_lcore(-1, 0, 0), 0);
	assert_int_equal(rte_get_next_lcore(0, 0, 0), 1);
	assert_int_equal(rte_get_next_lcore(1, 0, 0), RTE_MAX_LCORE);
	assert_int_equal(rte_get_next_lcore(1, 0, 1), 0);
	assert_int_equal(rte_get_next_lcore(1, 1, 1), 1);
	assert_int_equal(rte_get_next_lcore(-1, 1, 0), 1);
	assert_int_equal(rte_lcore_has_role(0, ROLE_RTE), 1);
	assert_int_equal(rte_lcore_has_role(5, ROLE_OFF), 1);
	assert_int_equal(rte_eal_lcore_role(5), ROLE_OFF);
}

static void
test_socket_ids(void **state)
{
	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	assert_int_equal(rte_socket_id(), rte_lcore_to_socket_id(0));
	assert_true(rte_lcore_to_socket_id(1) < RTE_MAX_NUMA_NODES);
	assert_true(rte_socket_count() >= 1);
	assert_int_equal(rte_socket_id_by_idx(0), (int)rte_lcore_to_socket_id(0));
	assert_int_equal(rte_socket_id_by_idx(rte_socket_count()), -1);
	assert_int_equal(rte_errno, EINVAL);
}

struct reg_result {
	unsigned int id_before, id_after, id_unregistered;
	int ret;
	enum rte_lcore_role_t role;
	unsigned int count;
	unsigned int socket;
	pthread_barrier_t *hold;
};

static void *
register_thread(void *arg)
{
	struct reg_result *r = arg;

	r->id_before = rte_lcore_id();
	r->ret = rte_thread_register();
	r->id_after = rte_lcore_id();
	if (r->id_after < RTE_MAX_LCORE)
		r->role = rte_eal_lcore_role(r->id_after);
	r->socket = rte_socket_id();
	if (r->hold != NULL)
		pthread_barrier_wait(r->hold);  /* both threads registered */
	r->count = rte_lcore_count();
	if (r->hold != NULL)
		pthread_barrier_wait(r->hold);  /* both threads counted */
	rte_thread_unregister();
	r->id_unregistered = rte_lcore_id();
	return NULL;
}

static void
test_thread_register(void **state)
{
	struct reg_result r[2];
	pthread_barrier_t hold;
	pthread_t t[2];
	unsigned int count = rte_lcore_count();
	int i;

	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	pthread_barrier_init(&hold, NULL, 2);
	memset(r, 0, sizeof(r));
	for (i = 0; i < 2; i++) {
		r[i].hold = &hold;
		assert_int_equal(pthread_create(&t[i], NULL, register_thread, &r[i]), 0);
	}
	for (i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&hold);
	for (i = 0; i < 2; i++) {
		assert_int_equal(r[i].id_before, LCORE_ID_ANY);
		assert_int_equal(r[i].ret, 0);
		assert_true(r[i].id_after < RTE_MAX_LCORE);
		assert_false(rte_lcore_is_enabled(r[i].id_after) && r[i].role != ROLE_NON_EAL);
		assert_int_equal(r[i].role, ROLE_NON_EAL);
		assert_int_equal(r[i].count, count + 2);
		assert_int_equal(r[i].id_unregistered, LCORE_ID_ANY);
		assert_true(r[i].socket < RTE_MAX_NUMA_NODES ||
			r[i].socket == (unsigned int)SOCKET_ID_ANY);
	}
	assert_int_not_equal(r[0].id_after, r[1].id_after);
	/* Ids handed out are not enabled EAL lcores, and all came back. */
	assert_false(rte_lcore_is_enabled(r[0].id_after));
	assert_int_equal(rte_lcore_count(), count);
	assert_int_equal(rte_eal_lcore_role(r[0].id_after), ROLE_OFF);
	/* An EAL thread keeps its id. */
	assert_int_equal(rte_thread_register(), 0);
	assert_int_equal(rte_lcore_id(), 0);
	rte_thread_unregister();
	assert_int_equal(rte_lcore_id(), 0);
	assert_int_equal(rte_lcore_count(), count);
}

static void *
register_before_init(void *arg)
{
	int *ret = arg;

	ret[0] = rte_thread_register();
	ret[1] = rte_errno;
	return NULL;
}

static void
test_thread_register_needs_eal(void **state)
{
	pthread_t t;
	int ret[2];

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, register_before_init, ret), 0);
	pthread_join(t, NULL);
	assert_int_equal(ret[0], -1);
	assert_int_equal(ret[1], EINVAL);
}

static int
count_lcore(unsigned int lcore_id, void *arg)
{
	int *n = arg;

	(void)lcore_id;
	(*n)++;
	return 0;
}

static int
stop_at_one(unsigned int lcore_id, void *arg)
{
	(void)arg;
	return lcore_id == 1 ? 7 : 0;
}

static void
test_lcore_iterate(void **state)
{
	int n = 0;

	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	assert_int_equal(rte_lcore_iterate(count_lcore, &n), 0);
	assert_int_equal(n, (int)rte_lcore_count());
	assert_int_equal(rte_lcore_iterate(stop_at_one, NULL), 7);
}

struct cb_log {
	int init[RTE_MAX_LCORE];
	int uninit[RTE_MAX_LCORE];
	unsigned int refuse_from;
};

static int
log_init(unsigned int lcore_id, void *arg)
{
	struct cb_log *l = arg;

	if (lcore_id >= l->refuse_from)
		return -1;
	l->init[lcore_id]++;
	return 0;
}

static void
log_uninit(unsigned int lcore_id, void *arg)
{
	((struct cb_log *)arg)->uninit[lcore_id]++;
}

static void *
register_once(void *arg)
{
	int *ret = arg;

	ret[0] = rte_thread_register();
	ret[1] = rte_errno;
	ret[2] = (int)rte_lcore_id();
	rte_thread_unregister();
	return NULL;
}

static void
test_lcore_callbacks(void **state)
{
	struct cb_log log = { .refuse_from = RTE_MAX_LCORE }, refuse = { .refuse_from = 1 };
	struct cb_log strict = { .refuse_from = 2 };
	void *h, *hs;
	pthread_t t;
	int ret[3];

	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	h = rte_lcore_callback_register("test", log_init, log_uninit, &log);
	assert_non_null(h);
	assert_int_equal(log.init[0], 1);
	assert_int_equal(log.init[1], 1);
	/* A non-EAL lcore is announced when handed out and when given back. */
	assert_int_equal(pthread_create(&t, NULL, register_once, ret), 0);
	pthread_join(t, NULL);
	assert_int_equal(ret[0], 0);
	assert_int_equal(log.init[ret[2]], 1);
	assert_int_equal(log.uninit[ret[2]], 1);
	rte_lcore_callback_unregister(h);
	assert_int_equal(log.uninit[0], 1);
	assert_int_equal(log.uninit[1], 1);

	/* init refusing an lcore in use: not registered, the ones done are undone. */
	assert_null(rte_lcore_callback_register("refuse", log_init, log_uninit, &refuse));
	assert_int_equal(refuse.init[0], 1);
	assert_int_equal(refuse.uninit[0], 1);

	/* init refusing new lcores makes rte_thread_register fail with ENOMEM. */
	hs = rte_lcore_callback_register("strict", log_init, log_uninit, &strict);
	assert_non_null(hs);
	assert_int_equal(pthread_create(&t, NULL, register_once, ret), 0);
	pthread_join(t, NULL);
	assert_int_equal(ret[0], -1);
	assert_int_equal(ret[1], ENOMEM);
	assert_int_equal(ret[2], (int)LCORE_ID_ANY);
	rte_lcore_callback_unregister(hs);
	assert_int_equal(rte_lcore_count(), 2);
}

struct ctrl_report {
	cpu_set_t set;
	char name[16];
};

static void *
ctrl_body(void *arg)
{
	struct ctrl_report *r = arg;

	usleep(10000); /* give the creator time to name the thread */
	pthread_getaffinity_np(pthread_self(), sizeof(r->set), &r->set);
	pthread_getname_np(pthread_self(), r->name, sizeof(r->name));
	return r;
}

static void
test_ctrl_thread(void **state)
{
	struct ctrl_report r;
	cpu_set_t main_set;
	pthread_t t;
	void *ret;

	(void)state;
	if (online_cpus() != 2) {
		print_message("this check needs exactly 2 usable CPUs: skipped\n");
		skip();
	}
	memset(&r, 0, sizeof(r));
	assert_int_equal(rte_ctrl_thread_create(&t, "test-ctrl-thread-long-name", NULL,
		ctrl_body, &r), 0);
	assert_int_equal(pthread_join(t, &ret), 0);
	assert_ptr_equal(ret, &r);
	/* Both CPUs are lcores: the control thread shares the main lcore's. */
	main_set = rte_lcore_cpuset(rte_get_main_lcore());
	assert_true(CPU_EQUAL(&r.set, &main_set));
	assert_string_equal(r.name, "test-ctrl-threa");
	assert_int_equal(rte_ctrl_thread_create(NULL, "x", NULL, ctrl_body, &r), -EINVAL);
}

/* Every lcore id taken by EAL lcores: a non-EAL thread gets ENOMEM and no id. */
static void
test_thread_register_full(void **state)
{
	const char *args[] = { "prog", PREFIX, "--no-huge", "--lcores", "(0-127)@0", NULL };
	struct test_argv a;
	pthread_t t;
	int ret[3];

	(void)state;
	test_argv_build(&a, args);
	assert_int_equal(rte_eal_init(a.argc, a.argv), 4);
	assert_int_equal(rte_lcore_count(), RTE_MAX_LCORE);
	assert_int_equal(pthread_create(&t, NULL, register_once, ret), 0);
	pthread_join(t, NULL);
	assert_int_equal(ret[0], -1);
	assert_int_equal(ret[1], ENOMEM);
	assert_int_equal(ret[2], (int)LCORE_ID_ANY);
	assert_int_equal(rte_lcore_count(), RTE_MAX_LCORE);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_single_lcore_wrap(void **state)
{
	(void)state;
	assert_int_equal(eal_up("0"), 4);
	/* Only the main lcore: asking for a worker with wrap ends instead of looping. */
	assert_int_equal(rte_get_next_lcore(0, 1, 1), RTE_MAX_LCORE);
	assert_int_equal(rte_get_next_lcore(-1, 1, 0), RTE_MAX_LCORE);
	assert_int_equal(rte_eal_mp_remote_launch(return_id, NULL, SKIP_MAIN), 0);
	rte_eal_mp_wait_lcore();
	assert_int_equal(rte_eal_cleanup(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thread_register_needs_eal),
		cmocka_unit_test(test_single_lcore_wrap),
		cmocka_unit_test(test_thread_register_full),
		cmocka_unit_test(test_up_two),
		cmocka_unit_test(test_launch_and_wait),
		cmocka_unit_test(test_launch_busy),
		cmocka_unit_test(test_launch_invalid),
		cmocka_unit_test(test_mp_launch_call_main),
		cmocka_unit_test(test_launch_many),
		cmocka_unit_test(test_iteration_and_index),
		cmocka_unit_test(test_socket_ids),
		cmocka_unit_test(test_thread_register),
		cmocka_unit_test(test_lcore_iterate),
		cmocka_unit_test(test_lcore_callbacks),
		cmocka_unit_test(test_ctrl_thread),
		cmocka_unit_test(test_down_two),
	};

	online_cpus();
	return cmocka_run_group_tests_name("eal_lcore", tests, NULL, NULL);
}
