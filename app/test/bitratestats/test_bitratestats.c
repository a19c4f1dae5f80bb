/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Bit rates of a net_null port: errors (NULL state, no metrics table, bad port), the six
 * metrics and their order, exact values of the moving average, last rate and peak over a few
 * intervals, and that a steady rate is reached by the average.
 */
#include "ethdev_test_util.h"

#include <rte_bitrate.h>
#include <rte_metrics.h>

enum { EWMA_IN, EWMA_OUT, MEAN_IN, MEAN_OUT, PEAK_IN, PEAK_OUT, NB };

static struct rte_mempool *pool;
static uint16_t port;

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_bitratestats", "-l", "0", 1023, 0);
	if (pool == NULL || rte_eth_dev_attach("net_null0", &port) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char name[RTE_ETH_NAME_MAX_LEN];

	(void)state;
	test_port_remove(port, name);
	return test_env_fini(pool);
}

/* Receive and send back n packets of 64 bytes (net_null's default size). */
static void
traffic(unsigned int n)
{
	struct rte_mbuf *m[32];
	uint16_t got;

	while (n > 0) {
		got = rte_eth_rx_burst(port, 0, m, RTE_MIN(n, 32u));
		assert_true(got > 0);
		assert_int_equal(rte_eth_tx_burst(port, 0, m, got), got);
		n -= got;
	}
}

static void
port_values(int key, uint64_t v[NB])
{
	struct rte_metric_value all[RTE_METRICS_MAX_METRICS];
	int n, i;

	n = rte_metrics_get_values(port, all, RTE_DIM(all));
	assert_true(n >= key + NB);
	for (i = 0; i < NB; i++)
		v[i] = all[key + i].value;
}

static void
test_errors(void **state)
{
	struct rte_stats_bitrates *br = rte_stats_bitrate_create();

	(void)state;
	assert_non_null(br);
	assert_int_equal(rte_stats_bitrate_reg(NULL), -EINVAL);
	assert_int_equal(rte_stats_bitrate_calc(NULL, port), -EINVAL);
	/* no metrics table yet */
	assert_int_equal(rte_stats_bitrate_reg(br), -EIO);
	assert_int_equal(rte_stats_bitrate_calc(br, port), -EIO);
	assert_int_equal(rte_stats_bitrate_calc(br, RTE_MAX_ETHPORTS - 1), -ENODEV);
	assert_int_equal(rte_stats_bitrate_calc(br, UINT16_MAX), -ENODEV);
	rte_stats_bitrate_free(br);
	rte_stats_bitrate_free(NULL);
}

static void
test_rates(void **state)
{
	struct rte_metric_name names[RTE_METRICS_MAX_METRICS];
	struct rte_metric_value glob[RTE_METRICS_MAX_METRICS];
	struct rte_stats_bitrates *br = rte_stats_bitrate_create();
	const uint64_t bits = 32 * 64 * 8;
	uint64_t v[NB];
	int key, i;

	(void)state;
	assert_non_null(br);
	test_port_up(port, 1, pool);
	assert_int_equal(rte_metrics_init(SOCKET_ID_ANY), 0);
	assert_int_equal(rte_metrics_reg_name("before"), 0);
	key = rte_stats_bitrate_reg(br);
	assert_int_equal(key, 1);
	assert_int_equal(rte_metrics_get_names(names, RTE_DIM(names)), 1 + NB);
	assert_string_equal(names[key + EWMA_IN].name, "ewma_bits_in");
	assert_string_equal(names[key + EWMA_OUT].name, "ewma_bits_out");
	assert_string_equal(names[key + MEAN_IN].name, "mean_bits_in");
	assert_string_equal(names[key + MEAN_OUT].name, "mean_bits_out");
	assert_string_equal(names[key + PEAK_IN].name, "peak_bits_in");
	assert_string_equal(names[key + PEAK_OUT].name, "peak_bits_out");

	/* interval 1: nothing */
	assert_int_equal(rte_stats_bitrate_calc(br, port), 0);
	port_values(key, v);
	for (i = 0; i < NB; i++)
		assert_int_equal(v[i], 0);

	/* interval 2: 32 packets of 64 bytes each way; average moves 20% of the way */
	traffic(32);
	assert_int_equal(rte_stats_bitrate_calc(br, port), 0);
	port_values(key, v);
	assert_int_equal(v[EWMA_IN], (bits * 20 + 50) / 100);
	assert_int_equal(v[EWMA_OUT], (bits * 20 + 50) / 100);
	assert_int_equal(v[MEAN_IN], bits);   /* the latest interval alone */
	assert_int_equal(v[PEAK_IN], bits);
	assert_int_equal(v[PEAK_OUT], bits);

	/* interval 3: idle again; the average falls by 20%, rounded away from zero */
	assert_int_equal(rte_stats_bitrate_calc(br, port), 0);
	port_values(key, v);
	assert_int_equal(v[EWMA_IN], 3277 - (3277 * 20 + 50) / 100);
	assert_int_equal(v[MEAN_OUT], 0);
	assert_int_equal(v[PEAK_IN], bits);

	/* a steady rate is reached, within the rounding */
	for (i = 0; i < 60; i++) {
		traffic(32);
		assert_int_equal(rte_stats_bitrate_calc(br, port), 0);
	}
	port_values(key, v);
	assert_true(v[EWMA_IN] <= bits && v[EWMA_IN] + 2 >= bits);
	assert_int_equal(v[PEAK_OUT], bits);

	/* the port's column only */
	assert_int_equal(rte_metrics_get_values(RTE_METRICS_GLOBAL, glob, RTE_DIM(glob)), 1 + NB);
	for (i = 0; i < 1 + NB; i++)
		assert_int_equal(glob[i].value, 0);
	rte_stats_bitrate_free(br);
	assert_int_equal(rte_metrics_deinit(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_rates),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
