/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_eth_dev_configure refuses link-state and removal interrupts the driver does not deliver
 * (as DPDK does, with its messages), leaves the port unconfigured, and accepts them from a
 * driver that sets RTE_ETH_DEV_INTR_LSC / RTE_ETH_DEV_INTR_RMV.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <string.h>

#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

static struct rte_mempool *pool;

static int
intr_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	(void)dev;
	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	return 0;
}

static int
intr_configure(struct rte_eth_dev *dev)
{
	(void)dev;
	return 0;
}

static int
intr_close(struct rte_eth_dev *dev)
{
	(void)dev;
	return 0;
}

static const struct eth_dev_ops intr_ops = {
	.dev_infos_get = intr_infos_get,
	.dev_configure = intr_configure,
	.dev_close = intr_close,
};

/* A port that delivers both interrupts. */
static int
intr_probe(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_vdev_allocate(vdev, 0);

	if (dev == NULL)
		return -rte_errno;
	dev->dev_ops = &intr_ops;
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC | RTE_ETH_DEV_INTR_RMV;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
intr_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0;
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver intr_driver = {
	.probe = intr_probe,
	.remove = intr_remove,
};
RTE_PMD_REGISTER_VDEV(net_intrtest, intr_driver);

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_ethdev_intr_conf", "-l", "0", 511, 0);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

static void
test_refused_without_flags(void **state)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	struct rte_eth_conf conf;
	uint16_t port;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_intr0", &port), 0);
	assert_false(rte_eth_devices[port].data->dev_flags & RTE_ETH_DEV_INTR_LSC);
	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = 1;
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL);
	assert_false(rte_eth_devices[port].data->dev_configured);
	conf.intr_conf.lsc = 0;
	conf.intr_conf.rmv = 1;
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL);
	assert_false(rte_eth_devices[port].data->dev_configured);
	/* Without them the same port configures. */
	conf.intr_conf.rmv = 0;
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, name), 0);
}

static void
test_accepted_with_flags(void **state)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	struct rte_eth_conf conf;
	uint16_t port;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_intrtest0", &port), 0);
	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = 1;
	conf.intr_conf.rmv = 1;
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), 0);
	assert_int_equal(rte_eth_devices[port].data->dev_conf.intr_conf.lsc, 1);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, name), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused_without_flags),
		cmocka_unit_test(test_accepted_with_flags),
	};

	return cmocka_run_group_tests_name("ethdev_intr_conf", tests, setup, teardown);
}
