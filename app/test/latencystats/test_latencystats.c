/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Latency statistics over a net_null port: every call before init, init without the metrics
 * table and twice, names and capacity queries, samples taken between rx and tx with a known
 * delay, the published metrics, the telemetry command, and that uninit removes the callbacks.
 */
#include "ethdev_test_util.h"

#include <inttypes.h>

#include <rte_cycles.h>
#include <rte_latencystats.h>
#include <rte_metrics.h>

#include "stats_tel.h"

#define NB 4

static struct rte_mempool *pool;
static uint16_t port;

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_latencystats", "-l", "0", 1023, 0);
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

/* Receive n packets, wait delay_us, send them. */
static void
forward(unsigned int n, unsigned int delay_us)
{
	struct rte_mbuf *m[64];
	uint16_t got;

	got = rte_eth_rx_burst(port, 0, m, RTE_MIN(n, 64u));
	assert_int_equal(got, RTE_MIN(n, 64u));
	rte_delay_us_block(delay_us);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, got), got);
}

static void
test_before_init(void **state)
{
	struct rte_metric_value v[NB];

	(void)state;
	assert_int_equal(rte_latencystats_update(), -EINVAL);
	assert_int_equal(rte_latencystats_get(v, NB), -ENOMEM);
	assert_int_equal(rte_latencystats_uninit(), -1);
	/* the metrics table must exist */
	assert_int_equal(rte_latencystats_init(0, NULL), -1);
	assert_int_equal(rte_latencystats_get(v, NB), -ENOMEM);
	assert_string_equal(stats_tel_query("/latencystats"), "{\"/latencystats\":null}");
}

static void
test_names(void **state)
{
	struct rte_metric_name names[NB];

	(void)state;
	memset(names, 0, sizeof(names));
	assert_int_equal(rte_latencystats_get_names(NULL, 0), NB);
	assert_int_equal(rte_latencystats_get_names(names, NB - 1), NB);
	assert_string_equal(names[0].name, "");
	assert_int_equal(rte_latencystats_get_names(names, NB), NB);
	assert_string_equal(names[0].name, "min_latency_ns");
	assert_string_equal(names[1].name, "avg_latency_ns");
	assert_string_equal(names[2].name, "max_latency_ns");
	assert_string_equal(names[3].name, "jitter_ns");
	assert_int_equal(rte_latencystats_get(NULL, 0), NB);
}

static void
test_samples(void **state)
{
	struct rte_metric_value v[NB], m[RTE_METRICS_MAX_METRICS];
	struct rte_metric_name names[RTE_METRICS_MAX_METRICS];
	char expect[256];
	int n, i, first = -1;

	(void)state;
	test_port_up(port, 1, pool);
	assert_int_equal(rte_metrics_init(SOCKET_ID_ANY), 0);
	assert_int_equal(rte_latencystats_init(0, NULL), 0);
	assert_int_equal(rte_latencystats_init(0, NULL), -EEXIST);

	/* nothing sampled yet */
	assert_int_equal(rte_latencystats_get(v, NB), NB);
	for (i = 0; i < NB; i++) {
		assert_int_equal(v[i].key, i);
		assert_int_equal(v[i].value, 0);
	}

	/* every packet is sampled: at least the delay between rx and tx */
	forward(16, 200);
	forward(16, 1000);
	assert_int_equal(rte_latencystats_get(v, NB), NB);
	test_note("min %" PRIu64 " avg %" PRIu64 " max %" PRIu64 " jitter %" PRIu64 " ns\n",
			v[0].value, v[1].value, v[2].value, v[3].value);
	assert_true(v[0].value >= 200 * 1000);
	assert_true(v[2].value >= 1000 * 1000);
	assert_true(v[0].value <= v[1].value && v[1].value <= v[2].value);
	assert_true(v[3].value > 0);  /* two different delays */

	/* published as global metrics by update */
	n = rte_metrics_get_names(names, RTE_DIM(names));
	for (i = 0; i < n; i++)
		if (strcmp(names[i].name, "min_latency_ns") == 0)
			first = i;
	assert_true(first >= 0);
	assert_int_equal(rte_metrics_get_values(RTE_METRICS_GLOBAL, m, RTE_DIM(m)), n);
	assert_int_equal(m[first].value, 0);
	assert_int_equal(rte_latencystats_update(), 0);
	assert_int_equal(rte_metrics_get_values(RTE_METRICS_GLOBAL, m, RTE_DIM(m)), n);
	for (i = 0; i < NB; i++)
		assert_int_equal(m[first + i].value, v[i].value);

	snprintf(expect, sizeof(expect), "{\"/latencystats\":{\"min_latency_ns\":%" PRIu64
			",\"avg_latency_ns\":%" PRIu64 ",\"max_latency_ns\":%" PRIu64
			",\"jitter_ns\":%" PRIu64 "}}",
			v[0].value, v[1].value, v[2].value, v[3].value);
	assert_string_equal(stats_tel_query("/latencystats"), expect);

	/* a burst of more samples than the callback adds at a time: the extremes only widen */
	forward(64, 0);
	assert_int_equal(rte_latencystats_get(m, NB), NB);
	assert_true(m[0].value <= v[0].value);
	assert_true(m[2].value >= v[2].value);
	assert_true(m[0].value <= m[1].value && m[1].value <= m[2].value);

	/* after uninit the callbacks are gone: forwarding changes nothing, reading fails */
	assert_int_equal(rte_latencystats_uninit(), 0);
	forward(8, 0);
	assert_int_equal(rte_latencystats_get(v, NB), -ENOMEM);
	assert_int_equal(rte_latencystats_update(), -EINVAL);
	assert_int_equal(rte_latencystats_uninit(), -1);

	/* started again with a long interval: only the first packet is sampled */
	assert_int_equal(rte_latencystats_init(UINT64_C(3600) * NS_PER_S, NULL), 0);
	assert_int_equal(rte_metrics_get_names(NULL, 0), n); /* the same metrics again */
	forward(16, 100);
	assert_int_equal(rte_latencystats_get(v, NB), NB);
	assert_true(v[0].value > 0);
	assert_int_equal(v[0].value, v[2].value);   /* a single sample */
	assert_int_equal(v[3].value, 0);
	assert_int_equal(rte_latencystats_uninit(), 0);
	assert_int_equal(rte_metrics_deinit(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_init),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_samples),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
