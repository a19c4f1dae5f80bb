/* SPDX-License-Identifier: BSD-3-Clause */
/* The main() of a test program whose cmocka group runs inside one EAL. */
#ifndef _TEST_EAL_MAIN_H_
#define _TEST_EAL_MAIN_H_

#include "test_common.h"

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>

/*
 * Start EAL with the NULL-terminated args, run the tests (group setup and teardown may be
 * NULL), stop EAL. Returns the exit status of the program: cmocka's result, 1 when EAL does
 * not start, 77 (skipped, with a TAP plan saying why) with fewer than min_lcores lcores.
 */
static inline int
test_run_with_eal(const char *const *args, unsigned int min_lcores, const char *name,
		const struct CMUnitTest *tests, size_t n, CMFixtureFunction setup,
		CMFixtureFunction teardown)
{
	static struct test_argv a;
	int ret;

	test_argv_build(&a, args);
	if (rte_eal_init(a.argc, a.argv) < 0) {
		fprintf(stderr, "rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	if (rte_lcore_count() < min_lcores) {
		printf("1..0 # SKIP needs %u lcores\n", min_lcores);
		rte_eal_cleanup();
		return 77;
	}
	ret = _cmocka_run_group_tests(name, tests, n, setup, teardown);
	rte_eal_cleanup();
	return ret;
}

#define TEST_RUN_WITH_EAL(args, min_lcores, tests, setup, teardown) \
	test_run_with_eal(args, min_lcores, #tests, tests, RTE_DIM(tests), setup, teardown)

#endif /* _TEST_EAL_MAIN_H_ */
