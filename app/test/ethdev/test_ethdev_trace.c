/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Every trace header in one application file, built with and without
 * ALLOW_EXPERIMENTAL_API and RTE_ENABLE_TRACE_FP: it must compile warning-free, link, and
 * find the ethdev trace points registered.
 */
#include "test_common.h"

#include <rte_eal_trace.h>
#include <rte_ethdev.h>
#include <rte_ethdev_trace.h>
#include <rte_ethdev_trace_fp.h>
#include <rte_trace.h>
#include <rte_trace_point.h>

static void
test_ethdev_points_registered(void **state)
{
	static const struct {
		const char *name;
		rte_trace_point_t *tp;
	} points[] = {
		{ "lib.ethdev.configure", &__rte_ethdev_trace_configure },
		{ "lib.ethdev.rxq.setup", &__rte_ethdev_trace_rxq_setup },
		{ "lib.ethdev.txq.setup", &__rte_ethdev_trace_txq_setup },
		{ "lib.ethdev.start", &__rte_ethdev_trace_start },
		{ "lib.ethdev.stop", &__rte_ethdev_trace_stop },
		{ "lib.ethdev.close", &__rte_ethdev_trace_close },
		{ "lib.ethdev.rx.burst", &__rte_ethdev_trace_rx_burst },
		{ "lib.ethdev.tx.burst", &__rte_ethdev_trace_tx_burst },
	};
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(points); i++)
		assert_ptr_equal(rte_trace_point_lookup(points[i].name), points[i].tp);
	assert_int_equal(rte_trace_pattern("lib.ethdev.*", true), 1);
	for (i = 0; i < RTE_DIM(points); i++)
		assert_true(rte_trace_point_is_enabled(points[i].tp));
	assert_int_equal(rte_trace_pattern("lib.ethdev.*", false), 1);
	assert_false(rte_trace_is_enabled());
}

static void
test_fire_every_point(void **state)
{
	struct rte_eth_conf conf = { .link_speeds = 0 };
	struct rte_eth_rxconf rxconf = { .rx_drop_en = 1 };
	struct rte_eth_txconf txconf = { .tx_free_thresh = 32 };
	void *pkts[1] = { NULL };

	(void)state;
	/* Enabled or not, no event is recorded and nothing may crash. */
	assert_int_equal(rte_trace_regexp(".", true), 1);
	rte_ethdev_trace_configure(0, 1, 1, &conf, 0);
	rte_ethdev_trace_rxq_setup(0, 0, 512, NULL, &rxconf, 0);
	rte_ethdev_trace_txq_setup(0, 0, 512, &txconf);
	rte_ethdev_trace_start(0);
	rte_ethdev_trace_stop(0, 0);
	rte_ethdev_trace_close(0);
	rte_ethdev_trace_rx_burst(0, 0, pkts, 1);
	rte_ethdev_trace_tx_burst(0, 0, pkts, 1);
	rte_eal_trace_generic_void();
	rte_eal_trace_generic_double(1.5);
	rte_eal_trace_mem_malloc("t", 64, 8, 0, pkts);
	rte_eal_trace_memzone_reserve("mz", 4096, 0, 0, 64, 0, NULL);
	rte_eal_trace_intr_enable(NULL, 0);
	rte_eal_trace_thread_lcore_ready(0, "0-1");
	RTE_EAL_TRACE_GENERIC_FUNC;
	assert_true(rte_trace_is_enabled());
	assert_int_equal(rte_trace_save(), 0);
	assert_int_equal(rte_trace_regexp(".", false), 1);
	assert_false(rte_trace_is_enabled());
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ethdev_points_registered),
		cmocka_unit_test(test_fire_every_point),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
