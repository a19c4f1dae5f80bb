/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rx-queue power management on a net_ring port, whose empty receive rings make every poll
 * empty: argument and state errors, the pause an idle lcore takes, and the tunables.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <sys/stat.h>
#include <time.h>

#include <rte_power_pmd_mgmt.h>

static struct rte_mempool *pool;

static int
setup(void **state)
{
	(void)state;
	/* no cpufreq at all, whatever the machine has */
	setenv("DPDK_POWER_SYSFS_CPU_ROOT", "/nonexistent-power-test", 1);
	pool = test_env_init("test_power_pmd_mgmt", "-l", "0", 1023, 32);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
test_queue(void **state)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_mbuf *m[4];
	uint16_t port;
	double t;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_ring_pw", &port), 0);
	test_port_up(port, 2, pool);
	/* a running queue cannot change */
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 0,
		RTE_POWER_MGMT_TYPE_PAUSE), -EBUSY);
	assert_int_equal(rte_eth_dev_stop(port), 0);

	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(RTE_MAX_LCORE, port, 0,
		RTE_POWER_MGMT_TYPE_PAUSE), -EINVAL);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, RTE_MAX_ETHPORTS - 1, 0,
		RTE_POWER_MGMT_TYPE_PAUSE), -EINVAL);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 2,
		RTE_POWER_MGMT_TYPE_PAUSE), -EINVAL);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 0,
		(enum rte_power_pmd_mgmt_type)0), -EINVAL);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 0,
		RTE_POWER_MGMT_TYPE_MONITOR), -ENOTSUP);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 0,
		RTE_POWER_MGMT_TYPE_SCALE), -ENOTSUP);
	assert_int_equal(rte_power_get_env(), PM_ENV_NOT_SET);

	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 0,
		RTE_POWER_MGMT_TYPE_PAUSE), 0);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 0,
		RTE_POWER_MGMT_TYPE_PAUSE), -EEXIST);
	/* one mode per lcore */
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 1,
		RTE_POWER_MGMT_TYPE_SCALE), -EINVAL);

	/* the only managed queue is empty from the first poll: the poll pauses 20 ms */
	rte_power_pmd_mgmt_set_emptypoll_max(0);
	assert_int_equal(rte_power_pmd_mgmt_set_pause_duration(20000), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	t = now_s();
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 4), 0);
	assert_true(now_s() - t >= 0.019);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_disable(0, port, 0), -EBUSY);
	assert_int_equal(rte_eth_dev_stop(port), 0);

	assert_int_equal(rte_power_ethdev_pmgmt_queue_disable(RTE_MAX_LCORE, port, 0), -EINVAL);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_disable(0, port, 1), -ENOENT);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_disable(1, port, 0), -ENOENT);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_disable(0, port, 0), 0);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_disable(0, port, 0), -ENOENT);

	/* unmanaged again: an empty poll returns at once, and the lcore takes any mode */
	assert_int_equal(rte_eth_dev_start(port), 0);
	t = now_s();
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 4), 0);
	assert_true(now_s() - t < 0.019);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 1,
		RTE_POWER_MGMT_TYPE_PAUSE), 0);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_disable(0, port, 1), 0);

	rte_power_pmd_mgmt_set_emptypoll_max(512);
	assert_int_equal(rte_power_pmd_mgmt_set_pause_duration(1), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	test_port_remove(port, devname);
}

static void
test_tunables(void **state)
{
	(void)state;
	assert_int_equal(rte_power_pmd_mgmt_get_emptypoll_max(), 512);
	rte_power_pmd_mgmt_set_emptypoll_max(7);
	assert_int_equal(rte_power_pmd_mgmt_get_emptypoll_max(), 7);
	rte_power_pmd_mgmt_set_emptypoll_max(512);

	assert_int_equal(rte_power_pmd_mgmt_get_pause_duration(), 1);
	assert_int_equal(rte_power_pmd_mgmt_set_pause_duration(0), -EINVAL);
	assert_int_equal(rte_power_pmd_mgmt_get_pause_duration(), 1);
	assert_int_equal(rte_power_pmd_mgmt_set_pause_duration(5), 0);
	assert_int_equal(rte_power_pmd_mgmt_get_pause_duration(), 5);
	assert_int_equal(rte_power_pmd_mgmt_set_pause_duration(1), 0);

	assert_int_equal(rte_power_pmd_mgmt_get_scaling_freq_min(1), 0);
	assert_int_equal(rte_power_pmd_mgmt_get_scaling_freq_max(1), 0);
	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_max(1, 2000000), 0);
	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_min(1, 3000000), -EINVAL);
	assert_int_equal(rte_power_pmd_mgmt_get_scaling_freq_min(1), 0);
	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_min(1, 1000000), 0);
	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_max(1, 500000), -EINVAL);
	assert_int_equal(rte_power_pmd_mgmt_get_scaling_freq_max(1), 2000000);
	assert_int_equal(rte_power_pmd_mgmt_get_scaling_freq_min(1), 1000000);
	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_max(1, 0), 0);
	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_min(1, 0), 0);

	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_min(RTE_MAX_LCORE, 1), -EINVAL);
	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_max(RTE_MAX_LCORE, 1), -EINVAL);
	assert_int_equal(rte_power_pmd_mgmt_get_scaling_freq_min(RTE_MAX_LCORE), -EINVAL);
	assert_int_equal(rte_power_pmd_mgmt_get_scaling_freq_max(RTE_MAX_LCORE), -EINVAL);
}

static char fake[64];

static void
fake_put(const char *file, const char *val)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/cpu0/cpufreq/%s", fake, file);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(val, f);
	fclose(f);
}

static const char *
fake_get(const char *file)
{
	static char buf[64];
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/cpu0/cpufreq/%s", fake, file);
	f = fopen(path, "r");
	assert_non_null(f);
	if (fgets(buf, sizeof(buf), f) == NULL)
		buf[0] = '\0';
	fclose(f);
	return buf;
}

/* SCALE on a fake acpi-cpufreq cpu0: idle drops to the configured minimum, a packet restores */
static void
test_scale(void **state)
{
	char devname[RTE_DEV_NAME_MAX_LEN], path[256];
	struct rte_mbuf *m[4];
	uint16_t port;

	(void)state;
	snprintf(fake, sizeof(fake), "/tmp/test_power_pmd.XXXXXX");
	assert_non_null(mkdtemp(fake));
	snprintf(path, sizeof(path), "%s/cpu0", fake);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/cpu0/cpufreq", fake);
	assert_int_equal(mkdir(path, 0700), 0);
	fake_put("scaling_driver", "acpi-cpufreq\n");
	fake_put("scaling_governor", "powersave\n");
	fake_put("scaling_available_frequencies", "3000000 2500000 2000000\n");
	fake_put("scaling_setspeed", "");
	setenv("DPDK_POWER_SYSFS_CPU_ROOT", fake, 1);

	assert_int_equal(rte_eth_dev_attach("net_ring_pws", &port), 0);
	test_port_up(port, 1, pool);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_min(0, 2400000), 0);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_enable(0, port, 0,
		RTE_POWER_MGMT_TYPE_SCALE), 0);
	assert_int_equal(rte_power_get_env(), PM_ENV_ACPI_CPUFREQ);
	assert_string_equal(fake_get("scaling_governor"), "userspace");
	assert_string_equal(fake_get("scaling_setspeed"), "3000000");

	rte_power_pmd_mgmt_set_emptypoll_max(2);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 4), 0);
	assert_string_equal(fake_get("scaling_setspeed"), "3000000");
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 4), 0);
	assert_string_equal(fake_get("scaling_setspeed"), "2500000");
	/* net_ring loops a sent packet back to the same queue */
	test_fill(pool, m, 1, 64, 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 1), 1);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 4), 1);
	rte_pktmbuf_free(m[0]);
	assert_string_equal(fake_get("scaling_setspeed"), "3000000");

	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_power_ethdev_pmgmt_queue_disable(0, port, 0), 0);
	assert_string_equal(fake_get("scaling_governor"), "powersave");
	assert_int_equal(rte_power_pmd_mgmt_set_scaling_freq_min(0, 0), 0);
	rte_power_pmd_mgmt_set_emptypoll_max(512);
	rte_power_unset_env();
	setenv("DPDK_POWER_SYSFS_CPU_ROOT", "/nonexistent-power-test", 1);
	assert_int_equal(rte_eth_dev_start(port), 0);
	test_port_remove(port, devname);
	snprintf(path, sizeof(path), "rm -rf %s", fake);
	assert_int_equal(system(path), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tunables),
		cmocka_unit_test(test_queue),
		cmocka_unit_test(test_scale),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
