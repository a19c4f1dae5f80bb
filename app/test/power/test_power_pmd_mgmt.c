/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rx-queue power management on a net_ring port, whose empty receive rings make every poll
 * empty: argument and state errors, the pause an idle lcore takes, and the tunables.
 */
#include "ethdev_test_util.h"

#include <errno.h>
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tunables),
		cmocka_unit_test(test_queue),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
