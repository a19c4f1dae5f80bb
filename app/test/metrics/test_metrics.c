/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Metrics table: every call before init, init twice, registration of single names and sets,
 * cut names, a full table, per-port and global values, updates that cross a set, capacity
 * queries, the telemetry commands, and deinit.
 */
#include "test_eal_main.h"

#include <rte_memzone.h>
#include <rte_metrics.h>
#include <rte_metrics_telemetry.h>

#include "stats_tel.h"

static void
test_before_init(void **state)
{
	struct rte_metric_name names[1];
	struct rte_metric_value values[1];
	uint64_t v = 1;

	(void)state;
	assert_int_equal(rte_metrics_reg_name("a"), -EIO);
	assert_int_equal(rte_metrics_update_value(RTE_METRICS_GLOBAL, 0, 1), -EIO);
	assert_int_equal(rte_metrics_update_values(0, 0, &v, 1), -EIO);
	assert_int_equal(rte_metrics_get_names(names, 1), -EIO);
	assert_int_equal(rte_metrics_get_values(RTE_METRICS_GLOBAL, values, 1), -EIO);
	assert_int_equal(rte_metrics_deinit(), -EIO);
	assert_null(strstr(stats_tel_query("/metrics"), "{\"/metrics\":{"));
	/* the JSON interface needs a JSON library */
	assert_int_equal(rte_metrics_tel_reg_all_ethdev(NULL, NULL), -ENOTSUP);
	assert_int_equal(rte_metrics_tel_encode_json_format(NULL, NULL), -ENOTSUP);
	assert_int_equal(rte_metrics_tel_get_port_stats_ids(NULL), -ENOTSUP);
	assert_int_equal(rte_metrics_tel_get_ports_stats_json(NULL, NULL, NULL), -ENOTSUP);
	assert_int_equal(rte_metrics_tel_extract_data(NULL, NULL), -ENOTSUP);
}

static void
test_init_deinit(void **state)
{
	(void)state;
	assert_int_equal(rte_metrics_init(SOCKET_ID_ANY), 0);
	assert_int_equal(rte_metrics_init(SOCKET_ID_ANY), 0); /* again: nothing to do */
	assert_non_null(rte_memzone_lookup("RTE_METRICS"));
	assert_int_equal(rte_metrics_deinit(), 0);
	assert_null(rte_memzone_lookup("RTE_METRICS"));
	assert_int_equal(rte_metrics_deinit(), -EIO);

	/* a memzone of that name made by someone else is not taken over */
	assert_non_null(rte_memzone_reserve("RTE_METRICS", 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_metrics_init(SOCKET_ID_ANY), -EEXIST);
	assert_int_equal(rte_memzone_free(rte_memzone_lookup("RTE_METRICS")), 0);
}

static void
test_register(void **state)
{
	const char * const set[] = { "s0", "s1", "s2" };
	const char * const bad_set[] = { "x", NULL };
	char longname[RTE_METRICS_MAX_NAME_LEN + 20];
	struct rte_metric_name names[8];

	(void)state;
	assert_int_equal(rte_metrics_init(SOCKET_ID_ANY), 0);
	assert_int_equal(rte_metrics_reg_name(NULL), -EINVAL);
	assert_int_equal(rte_metrics_reg_names(NULL, 1), -EINVAL);
	assert_int_equal(rte_metrics_reg_names(set, 0), -EINVAL);
	assert_int_equal(rte_metrics_reg_names(bad_set, 2), -EINVAL);
	assert_int_equal(rte_metrics_get_names(NULL, 0), 0); /* nothing registered by errors */

	assert_int_equal(rte_metrics_reg_name("one"), 0);
	assert_int_equal(rte_metrics_reg_names(set, 3), 1);
	memset(longname, 'L', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(rte_metrics_reg_name(longname), 4);

	assert_int_equal(rte_metrics_get_names(NULL, 0), 5);
	memset(names, 0, sizeof(names));
	assert_int_equal(rte_metrics_get_names(names, 4), 5);  /* too small: untouched */
	assert_string_equal(names[0].name, "");
	assert_int_equal(rte_metrics_get_names(names, 8), 5);
	assert_string_equal(names[0].name, "one");
	assert_string_equal(names[1].name, "s0");
	assert_string_equal(names[3].name, "s2");
	/* too long a name is cut, as in DPDK */
	assert_int_equal(strlen(names[4].name), RTE_METRICS_MAX_NAME_LEN - 1);
	assert_int_equal(strncmp(names[4].name, longname, RTE_METRICS_MAX_NAME_LEN - 1), 0);
	assert_int_equal(rte_metrics_deinit(), 0);
}

static void
test_full_table(void **state)
{
	const char *many[RTE_METRICS_MAX_METRICS];
	char buf[16];
	int i;

	(void)state;
	assert_int_equal(rte_metrics_init(SOCKET_ID_ANY), 0);
	for (i = 0; i < RTE_METRICS_MAX_METRICS; i++)
		many[i] = buf;
	snprintf(buf, sizeof(buf), "m");
	assert_int_equal(rte_metrics_reg_names(many, RTE_METRICS_MAX_METRICS - 2), 0);
	/* a set that does not fit is refused whole */
	assert_int_equal(rte_metrics_reg_names(many, 3), -ENOMEM);
	assert_int_equal(rte_metrics_get_names(NULL, 0), RTE_METRICS_MAX_METRICS - 2);
	assert_int_equal(rte_metrics_reg_names(many, 2), RTE_METRICS_MAX_METRICS - 2);
	assert_int_equal(rte_metrics_reg_name("last"), -ENOMEM);
	assert_int_equal(rte_metrics_get_names(NULL, 0), RTE_METRICS_MAX_METRICS);
	assert_int_equal(rte_metrics_deinit(), 0);
}

static void
test_values(void **state)
{
	const char * const set_a[] = { "a0", "a1", "a2" };
	const char * const set_b[] = { "b0", "b1" };
	struct rte_metric_value v[8];
	uint64_t in[4] = { 10, 11, 12, 13 };
	int a, b;

	(void)state;
	assert_int_equal(rte_metrics_init(SOCKET_ID_ANY), 0);
	a = rte_metrics_reg_names(set_a, 3);
	b = rte_metrics_reg_names(set_b, 2);
	assert_int_equal(a, 0);
	assert_int_equal(b, 3);

	/* bad ports, keys, pointers; sets are not crossed */
	assert_int_equal(rte_metrics_update_value(RTE_MAX_ETHPORTS, a, 1), -EINVAL);
	assert_int_equal(rte_metrics_update_value(-2, a, 1), -EINVAL);
	assert_int_equal(rte_metrics_update_value(0, 5, 1), -EINVAL);
	assert_int_equal(rte_metrics_update_values(0, a, NULL, 1), -EINVAL);
	assert_int_equal(rte_metrics_update_values(0, a, in, 4), -ERANGE);
	assert_int_equal(rte_metrics_update_values(0, a + 1, in, 3), -ERANGE);
	assert_int_equal(rte_metrics_get_values(RTE_MAX_ETHPORTS, v, 8), -EINVAL);
	assert_int_equal(rte_metrics_get_values(-5, v, 8), -EINVAL);

	assert_int_equal(rte_metrics_update_values(0, a, in, 3), 0);
	assert_int_equal(rte_metrics_update_values(0, a + 1, in, 2), 0); /* a1=10, a2=11 */
	assert_int_equal(rte_metrics_update_values(RTE_MAX_ETHPORTS - 1, b, in + 2, 2), 0);
	assert_int_equal(rte_metrics_update_value(RTE_METRICS_GLOBAL, b + 1, 99), 0);

	assert_int_equal(rte_metrics_get_values(0, NULL, 0), 5);
	memset(v, 0xff, sizeof(v));
	assert_int_equal(rte_metrics_get_values(0, v, 4), 5);   /* too small: untouched */
	assert_int_equal(v[0].key, 0xffff);
	assert_int_equal(rte_metrics_get_values(0, v, 8), 5);
	assert_int_equal(v[0].key, 0);
	assert_int_equal(v[0].value, 10);
	assert_int_equal(v[1].value, 10);
	assert_int_equal(v[2].value, 11);
	assert_int_equal(v[3].value, 0);
	assert_int_equal(v[4].key, 4);
	assert_int_equal(rte_metrics_get_values(RTE_MAX_ETHPORTS - 1, v, 8), 5);
	assert_int_equal(v[0].value, 0);
	assert_int_equal(v[3].value, 12);
	assert_int_equal(v[4].value, 13);
	assert_int_equal(rte_metrics_get_values(RTE_METRICS_GLOBAL, v, 8), 5);
	assert_int_equal(v[3].value, 0);
	assert_int_equal(v[4].value, 99);
	assert_int_equal(rte_metrics_deinit(), 0);
}

static void
test_telemetry(void **state)
{
	const char * const set[] = { "t_x", "t_y" };
	uint64_t in[2] = { 7, 8 };
	char cmd[32];

	(void)state;
	assert_int_equal(rte_metrics_init(SOCKET_ID_ANY), 0);
	assert_int_equal(rte_metrics_reg_names(set, 2), 0);
	assert_int_equal(rte_metrics_update_values(RTE_METRICS_GLOBAL, 0, in, 2), 0);
	assert_int_equal(rte_metrics_update_value(3, 1, 42), 0);
	assert_string_equal(stats_tel_query("/metrics"), "{\"/metrics\":{\"t_x\":7,\"t_y\":8}}");
	assert_string_equal(stats_tel_query("/metrics/port,3"),
			"{\"/metrics/port\":{\"t_x\":0,\"t_y\":42}}");
	assert_string_equal(stats_tel_query("/metrics/names"),
			"{\"/metrics/names\":[\"t_x\",\"t_y\"]}");
	/* bad parameters answer null */
	assert_string_equal(stats_tel_query("/metrics/port"), "{\"/metrics/port\":null}");
	assert_string_equal(stats_tel_query("/metrics/port,x"), "{\"/metrics/port\":null}");
	snprintf(cmd, sizeof(cmd), "/metrics/port,%d", RTE_MAX_ETHPORTS);
	assert_string_equal(stats_tel_query(cmd), "{\"/metrics/port\":null}");
	assert_string_equal(stats_tel_query("/metrics,1"), "{\"/metrics\":null}");
	assert_int_equal(rte_metrics_deinit(), 0);
	assert_string_equal(stats_tel_query("/metrics"), "{\"/metrics\":null}");
}

int
main(void)
{
	static const char *const args[] = { "test_metrics", "--no-huge", "-m", "64", "-l", "0",
		"--no-pci", "--file-prefix=test_metrics", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_init),
		cmocka_unit_test(test_init_deinit),
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_full_table),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_telemetry),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
