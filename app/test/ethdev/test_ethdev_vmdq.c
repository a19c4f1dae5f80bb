/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VMDq and DCB settings of rte_eth_dev_configure: refused on a port without VMDq (net_null),
 * checked value by value on a test port that has 64 pools, and every refusal leaves the port
 * as it was.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <string.h>

#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

static struct rte_mempool *pool;

/* A port with VMDq, as an 82599 reports it: 64 pools over 128 queues. */
static int
vmdq_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	(void)dev;
	info->max_rx_queues = 128;
	info->max_tx_queues = 128;
	info->max_vmdq_pools = RTE_ETH_64_POOLS;
	info->vmdq_queue_num = 128;
	return 0;
}

static int
vmdq_configure(struct rte_eth_dev *dev)
{
	(void)dev;
	return 0;
}

static int
vmdq_close(struct rte_eth_dev *dev)
{
	(void)dev;
	return 0;
}

static const struct eth_dev_ops vmdq_ops = {
	.dev_infos_get = vmdq_infos_get,
	.dev_configure = vmdq_configure,
	.dev_close = vmdq_close,
};

static int
vmdq_probe(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_vdev_allocate(vdev, 0);

	if (dev == NULL)
		return -rte_errno;
	dev->dev_ops = &vmdq_ops;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
vmdq_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0;
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver vmdq_driver = {
	.probe = vmdq_probe,
	.remove = vmdq_remove,
};
RTE_PMD_REGISTER_VDEV(net_vmdqtest, vmdq_driver);

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_ethdev_vmdq", "-l", "0", 511, 0);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

/* Configure must fail with -EINVAL and leave an unconfigured port unconfigured. */
static void
refused(uint16_t port, uint16_t nb_rx, uint16_t nb_tx, const struct rte_eth_conf *conf)
{
	assert_int_equal(rte_eth_dev_configure(port, nb_rx, nb_tx, conf), -EINVAL);
	assert_false(rte_eth_devices[port].data->dev_configured);
	assert_int_equal(rte_eth_devices[port].data->nb_rx_queues, 0);
	assert_int_equal(rte_eth_devices[port].data->nb_tx_queues, 0);
}

static void
set_vmdq_dcb(struct rte_eth_conf *conf)
{
	memset(conf, 0, sizeof(*conf));
	conf->rxmode.mq_mode = RTE_ETH_MQ_RX_VMDQ_DCB;
	conf->rx_adv_conf.vmdq_dcb_conf.nb_queue_pools = RTE_ETH_32_POOLS;
	conf->rx_adv_conf.vmdq_dcb_conf.nb_pool_maps = 32;
	conf->txmode.mq_mode = RTE_ETH_MQ_TX_VMDQ_DCB;
	conf->tx_adv_conf.vmdq_dcb_tx_conf.nb_queue_pools = RTE_ETH_32_POOLS;
}

/* net_null has no VMDq: every VMDq mode is refused, DCB alone and no mode are accepted. */
static void
test_no_vmdq_port(void **state)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	char name[RTE_DEV_NAME_MAX_LEN];
	uint16_t port;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_vmdq0", &port), 0);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_int_equal(info.max_vmdq_pools, 0);

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_VMDQ_ONLY;
	conf.rx_adv_conf.vmdq_rx_conf.nb_queue_pools = RTE_ETH_8_POOLS;
	refused(port, 8, 1, &conf);
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_VMDQ_RSS;
	refused(port, 8, 1, &conf);
	set_vmdq_dcb(&conf);
	refused(port, 32, 32, &conf);
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_NONE;
	refused(port, 32, 32, &conf);
	memset(&conf, 0, sizeof(conf));
	conf.txmode.mq_mode = RTE_ETH_MQ_TX_VMDQ_ONLY;
	conf.tx_adv_conf.vmdq_tx_conf.nb_queue_pools = RTE_ETH_8_POOLS;
	refused(port, 1, 8, &conf);

	/* DCB alone needs no VMDq pools: net_null takes it as DPDK's does */
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_DCB;
	conf.rx_adv_conf.dcb_rx_conf.nb_tcs = RTE_ETH_4_TCS;
	conf.txmode.mq_mode = RTE_ETH_MQ_TX_DCB;
	conf.tx_adv_conf.dcb_tx_conf.nb_tcs = RTE_ETH_4_TCS;
	assert_int_equal(rte_eth_dev_configure(port, 4, 4, &conf), 0);
	assert_int_equal(rte_eth_devices[port].data->dev_conf.rx_adv_conf.dcb_rx_conf.nb_tcs,
			RTE_ETH_4_TCS);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, name), 0);
}

/* Every refusal on a port with 64 pools, then the valid settings the samples use. */
static void
test_vmdq_port(void **state)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf, got;
	char name[RTE_DEV_NAME_MAX_LEN];
	uint16_t port;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_vmdqtest0", &port), 0);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_int_equal(info.max_vmdq_pools, 64);

	/* rx VMDq alone */
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_VMDQ_ONLY;
	conf.rx_adv_conf.vmdq_rx_conf.nb_queue_pools = 0;
	refused(port, 64, 1, &conf);
	conf.rx_adv_conf.vmdq_rx_conf.nb_queue_pools = 12;
	refused(port, 64, 1, &conf);
	conf.rx_adv_conf.vmdq_rx_conf.nb_queue_pools = 128;
	refused(port, 128, 1, &conf);
	conf.rx_adv_conf.vmdq_rx_conf.nb_queue_pools = RTE_ETH_64_POOLS;
	refused(port, 63, 1, &conf); /* fewer queues than pools */
	conf.rx_adv_conf.vmdq_rx_conf.nb_pool_maps = RTE_ETH_VMDQ_MAX_VLAN_FILTERS + 1;
	refused(port, 64, 1, &conf);
	conf.rx_adv_conf.vmdq_rx_conf.nb_pool_maps = RTE_ETH_VMDQ_MAX_VLAN_FILTERS;
	conf.rx_adv_conf.vmdq_rx_conf.enable_default_pool = 1;
	conf.rx_adv_conf.vmdq_rx_conf.default_pool = 64;
	refused(port, 64, 1, &conf);
	/* the default pool number alone does not matter when the default pool is off */
	conf.rx_adv_conf.vmdq_rx_conf.enable_default_pool = 0;
	conf.rxmode.mq_mode = 0x8; /* no such mode bit */
	refused(port, 64, 1, &conf);

	/* rx and tx VMDq+DCB: 16 or 32 pools, classes 0..7 */
	set_vmdq_dcb(&conf);
	conf.rx_adv_conf.vmdq_dcb_conf.nb_queue_pools = RTE_ETH_64_POOLS;
	refused(port, 128, 128, &conf);
	set_vmdq_dcb(&conf);
	conf.rx_adv_conf.vmdq_dcb_conf.dcb_tc[3] = RTE_ETH_DCB_NUM_TCS;
	refused(port, 128, 128, &conf);
	set_vmdq_dcb(&conf);
	conf.rx_adv_conf.vmdq_dcb_conf.enable_default_pool = 1;
	conf.rx_adv_conf.vmdq_dcb_conf.default_pool = 32;
	refused(port, 128, 128, &conf);
	set_vmdq_dcb(&conf);
	conf.rx_adv_conf.vmdq_dcb_conf.nb_pool_maps = 65;
	refused(port, 128, 128, &conf);
	set_vmdq_dcb(&conf);
	conf.tx_adv_conf.vmdq_dcb_tx_conf.nb_queue_pools = RTE_ETH_8_POOLS;
	refused(port, 128, 128, &conf);
	set_vmdq_dcb(&conf);
	conf.tx_adv_conf.vmdq_dcb_tx_conf.dcb_tc[7] = 9;
	refused(port, 128, 128, &conf);
	set_vmdq_dcb(&conf);
	refused(port, 128, 16, &conf); /* 32 tx pools, 16 tx queues */

	/* rx and tx DCB alone: 4 or 8 classes, each user priority mapped below nb_tcs */
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_DCB;
	conf.rx_adv_conf.dcb_rx_conf.nb_tcs = 5;
	refused(port, 8, 8, &conf);
	conf.rx_adv_conf.dcb_rx_conf.nb_tcs = RTE_ETH_4_TCS;
	conf.rx_adv_conf.dcb_rx_conf.dcb_tc[0] = 4;
	refused(port, 8, 8, &conf);
	conf.rx_adv_conf.dcb_rx_conf.dcb_tc[0] = 3;
	refused(port, 3, 8, &conf);
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_NONE;
	conf.txmode.mq_mode = RTE_ETH_MQ_TX_DCB;
	conf.tx_adv_conf.dcb_tx_conf.nb_tcs = 0;
	refused(port, 8, 8, &conf);
	conf.tx_adv_conf.dcb_tx_conf.nb_tcs = RTE_ETH_8_TCS;
	conf.tx_adv_conf.dcb_tx_conf.dcb_tc[1] = 8;
	refused(port, 8, 8, &conf);

	/* tx VMDq alone, and a tx mode that does not exist */
	memset(&conf, 0, sizeof(conf));
	conf.txmode.mq_mode = RTE_ETH_MQ_TX_VMDQ_ONLY;
	conf.tx_adv_conf.vmdq_tx_conf.nb_queue_pools = 3;
	refused(port, 1, 64, &conf);
	conf.tx_adv_conf.vmdq_tx_conf.nb_queue_pools = RTE_ETH_64_POOLS;
	refused(port, 1, 32, &conf);
	conf.txmode.mq_mode = (enum rte_eth_tx_mq_mode)(RTE_ETH_MQ_TX_VMDQ_ONLY + 1);
	refused(port, 1, 64, &conf);

	/* accepted: what the vmdq_dcb sample asks for, kept as given */
	set_vmdq_dcb(&conf);
	conf.rx_adv_conf.vmdq_dcb_conf.enable_default_pool = 1;
	conf.rx_adv_conf.vmdq_dcb_conf.default_pool = 31;
	conf.rx_adv_conf.vmdq_dcb_conf.pool_map[5].vlan_id = 105;
	conf.rx_adv_conf.vmdq_dcb_conf.pool_map[5].pools = UINT64_C(1) << 5;
	conf.rx_adv_conf.vmdq_dcb_conf.dcb_tc[7] = 3;
	assert_int_equal(rte_eth_dev_configure(port, 128, 128, &conf), 0);
	assert_int_equal(rte_eth_dev_conf_get(port, &got), 0);
	assert_int_equal(got.rx_adv_conf.vmdq_dcb_conf.pool_map[5].vlan_id, 105);
	assert_int_equal(got.rx_adv_conf.vmdq_dcb_conf.dcb_tc[7], 3);
	assert_int_equal(got.tx_adv_conf.vmdq_dcb_tx_conf.nb_queue_pools, RTE_ETH_32_POOLS);
	/* a refused reconfiguration keeps the accepted one */
	conf.rx_adv_conf.vmdq_dcb_conf.nb_queue_pools = RTE_ETH_8_POOLS;
	assert_int_equal(rte_eth_dev_configure(port, 128, 128, &conf), -EINVAL);
	assert_int_equal(rte_eth_dev_conf_get(port, &got), 0);
	assert_int_equal(got.rx_adv_conf.vmdq_dcb_conf.nb_queue_pools, RTE_ETH_32_POOLS);
	assert_int_equal(rte_eth_devices[port].data->nb_rx_queues, 128);

	/* accepted: what the vmdq sample asks for (8 pools, VLAN filters, PF queues too) */
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_VMDQ_ONLY;
	conf.rx_adv_conf.vmdq_rx_conf.nb_queue_pools = RTE_ETH_8_POOLS;
	conf.rx_adv_conf.vmdq_rx_conf.nb_pool_maps = 8;
	conf.rx_adv_conf.vmdq_rx_conf.rx_mode = RTE_ETH_VMDQ_ACCEPT_BROADCAST;
	assert_int_equal(rte_eth_dev_configure(port, 24, 24, &conf), 0);
	assert_int_equal(rte_eth_dev_conf_get(port, &got), 0);
	assert_int_equal(got.rx_adv_conf.vmdq_rx_conf.rx_mode, RTE_ETH_VMDQ_ACCEPT_BROADCAST);

	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, name), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_vmdq_port),
		cmocka_unit_test(test_vmdq_port),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
