/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The EAL headers compile without _GNU_SOURCE, as DPDK's sample applications are built (their
 * Makefiles do not define it): rte_cpuset_t and the CPU set member of rte_thread_attr_t exist,
 * with the layout the library was built with.
 */
#ifdef _GNU_SOURCE
#error "this test must be built without _GNU_SOURCE"
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_os.h>
#include <rte_service.h>
#include <rte_thread.h>

#ifndef RTE_HAS_CPUSET
#error "RTE_HAS_CPUSET must be defined without _GNU_SOURCE too"
#endif

static void
test_cpuset_types(void **state)
{
	rte_thread_attr_t attr;
	rte_cpuset_t set;
	size_t i;

	(void)state;
	memset(&set, 0xff, sizeof(set));
	assert_int_equal(rte_thread_attr_init(&attr), 0);
	/* The library cleared the whole set: same size and place on both sides. */
	assert_int_equal(rte_thread_attr_get_affinity(&attr, &set), 0);
	assert_true(sizeof(set) >= 128);
	for (i = 0; i < sizeof(set); i++)
		assert_int_equal(((unsigned char *)&set)[i], 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpuset_types),
	};

	return cmocka_run_group_tests_name("eal_no_gnu_source", tests, NULL, NULL);
}
