/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_eal_init / rte_eal_cleanup basics: argument accounting, repeat calls, lcore launch. */
#include "test_common.h"

#include <sched.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_malloc.h>

static void
test_init_returns_consumed(void **state)
{
	static const char *const args[] = { "prog", "--no-huge", "-l", "0", "--", "app", NULL };
	struct test_argv a;
	int ret;

	(void)state;
	test_argv_build(&a, args);
	ret = rte_eal_init(a.argc, a.argv);
	assert_int_equal(ret, 4);
	/* The application's arguments follow, with the program name in front. */
	assert_string_equal(a.argv[ret], "prog");
	assert_string_equal(a.argv[ret + 1], "app");
	assert_int_equal(rte_eal_process_type(), RTE_PROC_PRIMARY);
	assert_int_equal(rte_lcore_count(), 1);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_init_twice_is_refused(void **state)
{
	static const char *const args[] = { "prog", "--no-huge", "-l", "0", NULL };
	struct test_argv a, b;

	(void)state;
	test_argv_build(&a, args);
	test_argv_build(&b, args);
	assert_int_equal(rte_eal_init(a.argc, a.argv), 3);
	assert_int_equal(rte_eal_init(b.argc, b.argv), -1);
	assert_int_equal(rte_errno, EALREADY);
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(rte_eal_cleanup(), -EALREADY);
}

static int
count_worker(void *arg)
{
	__atomic_fetch_add((int *)arg, 1, __ATOMIC_RELAXED);
	return (int)rte_lcore_id() + 100;
}

static void
test_launch_on_workers(void **state)
{
	static const char *const args[] = { "prog", "--no-huge", "-l", "0-1", NULL };
	struct test_argv a;
	unsigned int lcore;
	cpu_set_t cpus;
	int calls = 0;

	(void)state;
	if (sched_getaffinity(0, sizeof(cpus), &cpus) != 0 || CPU_COUNT(&cpus) < 2) {
		print_message("fewer than 2 usable CPUs: skipped\n");
		skip();
	}
	test_argv_build(&a, args);
	assert_int_equal(rte_eal_init(a.argc, a.argv), 3);
	assert_int_equal(rte_lcore_count(), 2);
	assert_int_equal(rte_eal_mp_remote_launch(count_worker, &calls, SKIP_MAIN), 0);
	RTE_LCORE_FOREACH_WORKER(lcore)
		assert_int_equal(rte_eal_wait_lcore(lcore), (int)lcore + 100);
	assert_int_equal(calls, 1);
	assert_int_equal(rte_eal_cleanup(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_returns_consumed),
		cmocka_unit_test(test_init_twice_is_refused),
		cmocka_unit_test(test_launch_on_workers),
	};

	return cmocka_run_group_tests_name("eal_init", tests, NULL, NULL);
}
