/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which vdev driver a device name goes to: the driver whose name or alias is the longest
 * prefix of it. The bus keeps its last answer; these cases check that it never answers for a
 * name a longer prefix matches, and that registering or unregistering a driver is seen at once.
 * Drivers: "net_m", "net_match" (alias "eth_match") and, registered by a test, "net_matchx".
 */
#include "test_common.h"

#include <string.h>

#include <rte_dev.h>
#include <rte_eal.h>
#include <bus_vdev_driver.h>

static const char *last_probe; /* name of the driver whose probe ran last */

#define MATCH_DRIVER(var, drv_name) \
static int \
var ## _probe(struct rte_vdev_device *dev) \
{ \
	(void)dev; \
	last_probe = drv_name; \
	return 0; \
} \
static int \
var ## _remove(struct rte_vdev_device *dev) \
{ \
	(void)dev; \
	return 0; \
} \
static struct rte_vdev_driver var = { .probe = var ## _probe, .remove = var ## _remove }

MATCH_DRIVER(m_drv, "net_m");
MATCH_DRIVER(match_drv, "net_match");
MATCH_DRIVER(matchx_drv, "net_matchx");
RTE_PMD_REGISTER_VDEV(net_m, m_drv);
RTE_PMD_REGISTER_VDEV(net_match, match_drv);
RTE_PMD_REGISTER_ALIAS(net_match, eth_match);

/* Attach name, check which driver took it, detach it again. */
static void
check_driver(const char *name, const char *expected)
{
	last_probe = NULL;
	assert_int_equal(rte_vdev_init(name, NULL), 0);
	assert_non_null(last_probe);
	assert_string_equal(last_probe, expected);
	assert_int_equal(rte_vdev_uninit(name), 0);
}

static void
test_longest_prefix_after_shorter(void **state)
{
	(void)state;
	/* "net_m" is extended by "net_match": its answer must not stand for net_match names */
	check_driver("net_m0", "net_m");
	check_driver("net_match0", "net_match");
	check_driver("net_m1", "net_m");
	check_driver("net_match1", "net_match");
	check_driver("net_match1", "net_match");
	check_driver("net_mat0", "net_m");
}

static void
test_alias(void **state)
{
	(void)state;
	check_driver("eth_match0", "net_match");
	check_driver("net_match0", "net_match");
	check_driver("eth_match1", "net_match");
	/* no driver: refused, whatever was looked up before */
	assert_int_not_equal(rte_vdev_init("eth_m0", NULL), 0);
}

static void
test_register_unregister(void **state)
{
	(void)state;
	check_driver("net_matchx0", "net_match");
	/* a driver registered later takes the names it is the longer prefix of */
	matchx_drv.driver.name = "net_matchx";
	rte_vdev_register(&matchx_drv);
	check_driver("net_matchx0", "net_matchx");
	check_driver("net_match0", "net_match");
	check_driver("net_matchx1", "net_matchx");
	/* and once it is gone they go back */
	rte_vdev_unregister(&matchx_drv);
	check_driver("net_matchx1", "net_match");
}

static int
setup(void **state)
{
	static const char *const args[] = { "prog", "--no-huge", "--in-memory", "-l", "0",
		"--no-pci", "--log-level", "lib.eal:crit", "--log-level", "bus.vdev:crit", NULL };
	struct test_argv a;

	(void)state;
	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv) < 0 ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return rte_eal_cleanup();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_longest_prefix_after_shorter),
		cmocka_unit_test(test_alias),
		cmocka_unit_test(test_register_unregister),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
