/* SPDX-License-Identifier: BSD-3-Clause */
/* Port configuration and life cycle: info, configure, queue setup, start, stop, close, reset. */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include <rte_common.h>
#include <rte_malloc.h>

#include "ethdev_private.h"

#define ETH_MIN_MTU 68  /* smallest IPv4 MTU */


static int
dev_info_fill(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	static const struct rte_eth_desc_lim lim = {
		.nb_max = UINT16_MAX,
		.nb_min = 0,
		.nb_align = 1,
		.nb_seg_max = UINT16_MAX,
		.nb_mtu_seg_max = UINT16_MAX,
	};
	int ret;

	memset(info, 0, sizeof(*info));
	info->rx_desc_lim = lim;
	info->tx_desc_lim = lim;
	info->device = dev->device;
	info->min_mtu = ETH_MIN_MTU;
	info->max_mtu = UINT16_MAX;
	info->max_rx_pktlen = UINT16_MAX;
	info->switch_info.domain_id = UINT16_MAX;
	if (dev->device != NULL && rte_dev_driver(dev->device) != NULL)
		info->driver_name = rte_driver_name(rte_dev_driver(dev->device));
	if (dev->dev_ops != NULL && dev->dev_ops->dev_infos_get != NULL) {
		ret = dev->dev_ops->dev_infos_get(dev, info);
		if (ret != 0) {
			ETHDEV_LOG(ERR, "port %u: driver failed to report its info (%d)",
					dev->data->port_id, ret);
			memset(info, 0, sizeof(*info));
			return ret;
		}
	}
	info->max_rx_queues = RTE_MIN(info->max_rx_queues, RTE_MAX_QUEUES_PER_PORT);
	info->max_tx_queues = RTE_MIN(info->max_tx_queues, RTE_MAX_QUEUES_PER_PORT);
	info->nb_rx_queues = dev->data->nb_rx_queues;
	info->nb_tx_queues = dev->data->nb_tx_queues;
	info->dev_flags = &dev->data->dev_flags;
	return 0;
}

int
rte_eth_dev_info_get(uint16_t port_id, struct rte_eth_dev_info *dev_info)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (dev_info == NULL) {
		ETHDEV_LOG(ERR, "info of port %u: NULL dev_info", port_id);
		return -EINVAL;
	}
	return dev_info_fill(&rte_eth_devices[port_id], dev_info);
}

/* Offloads asked for that the port cannot do: one log line naming them. */
static int
check_offloads(uint16_t port_id, const char *what, uint64_t asked, uint64_t capa)
{
	if ((asked & ~capa) == 0)
		return 0;
	ETHDEV_LOG(ERR, "port %u: %s offloads 0x%" PRIx64 " requested, supported 0x%" PRIx64,
			port_id, what, asked, capa);
	return -EINVAL;
}

/* VMDq and DCB settings: checked here because drivers without VMDq ignore them silently. */
static bool
nb_pools_valid(enum rte_eth_nb_pools n)
{
	return n == RTE_ETH_8_POOLS || n == RTE_ETH_16_POOLS || n == RTE_ETH_32_POOLS ||
		n == RTE_ETH_64_POOLS;
}

static bool
nb_tcs_valid(enum rte_eth_nb_tcs n)
{
	return n == RTE_ETH_4_TCS || n == RTE_ETH_8_TCS;
}

/* The first user priority mapped to a class >= limit, or -1 when all are below it. */
static int
bad_tc(const uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES], unsigned int limit)
{
	int i;

	for (i = 0; i < RTE_ETH_DCB_NUM_USER_PRIORITIES; i++)
		if (dcb_tc[i] >= limit)
			return i;
	return -1;
}

/* Pools of a VMDq mode against what the port has; "what" names the mode in the log. */
static int
check_pools(uint16_t port_id, const char *what, unsigned int pools, bool dcb,
		uint16_t nb_q, const struct rte_eth_dev_info *info)
{
	if (info->max_vmdq_pools == 0) {
		ETHDEV_LOG(ERR, "configure port %u: %s mode needs VMDq, the port has no VMDq pools",
				port_id, what);
		return -EINVAL;
	}
	/* with DCB each pool holds 8 or 4 classes of the 128 queues: 16 or 32 pools */
	if (dcb ? (pools != RTE_ETH_16_POOLS && pools != RTE_ETH_32_POOLS) :
			!nb_pools_valid(pools)) {
		ETHDEV_LOG(ERR, "configure port %u: %s nb_queue_pools %u invalid, must be %s",
				port_id, what, pools, dcb ? "16 or 32" : "8, 16, 32 or 64");
		return -EINVAL;
	}
	if (pools > info->max_vmdq_pools) {
		ETHDEV_LOG(ERR, "configure port %u: %s nb_queue_pools %u, the port has %u",
				port_id, what, pools, info->max_vmdq_pools);
		return -EINVAL;
	}
	if (nb_q < pools) {
		ETHDEV_LOG(ERR, "configure port %u: %s: %u pools need %u queues or more, got %u",
				port_id, what, pools, pools, nb_q);
		return -EINVAL;
	}
	return 0;
}

static int
check_pool_maps(uint16_t port_id, const char *what, unsigned int nb_maps, bool has_default,
		unsigned int default_pool, unsigned int pools)
{
	if (nb_maps > RTE_ETH_VMDQ_MAX_VLAN_FILTERS) {
		ETHDEV_LOG(ERR, "configure port %u: %s nb_pool_maps %u, at most %u", port_id,
				what, nb_maps, RTE_ETH_VMDQ_MAX_VLAN_FILTERS);
		return -EINVAL;
	}
	if (has_default && default_pool >= pools) {
		ETHDEV_LOG(ERR, "configure port %u: %s default_pool %u, only %u pools", port_id,
				what, default_pool, pools);
		return -EINVAL;
	}
	return 0;
}

static int
check_dcb_tcs(uint16_t port_id, const char *what, enum rte_eth_nb_tcs nb_tcs,
		const uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES], uint16_t nb_q)
{
	int up;

	if (!nb_tcs_valid(nb_tcs)) {
		ETHDEV_LOG(ERR, "configure port %u: %s nb_tcs %d invalid, must be 4 or 8",
				port_id, what, (int)nb_tcs);
		return -EINVAL;
	}
	up = bad_tc(dcb_tc, nb_tcs);
	if (up >= 0) {
		ETHDEV_LOG(ERR, "configure port %u: %s dcb_tc[%d] = %u, only %d classes", port_id,
				what, up, dcb_tc[up], (int)nb_tcs);
		return -EINVAL;
	}
	if (nb_q < (unsigned int)nb_tcs) {
		ETHDEV_LOG(ERR, "configure port %u: %s: %d classes need %d queues or more, got %u",
				port_id, what, (int)nb_tcs, (int)nb_tcs, nb_q);
		return -EINVAL;
	}
	return 0;
}

static int
check_rx_mq(uint16_t port_id, uint16_t nb_rx_q, const struct rte_eth_conf *conf,
		const struct rte_eth_dev_info *info)
{
	const struct rte_eth_vmdq_dcb_conf *vd = &conf->rx_adv_conf.vmdq_dcb_conf;
	const struct rte_eth_vmdq_rx_conf *vr = &conf->rx_adv_conf.vmdq_rx_conf;
	const struct rte_eth_dcb_rx_conf *dr = &conf->rx_adv_conf.dcb_rx_conf;
	uint32_t mode = conf->rxmode.mq_mode;
	int up, ret;

	if (mode & ~(uint32_t)RTE_ETH_MQ_RX_VMDQ_DCB_RSS) {
		ETHDEV_LOG(ERR, "configure port %u: unknown rx mq_mode 0x%x", port_id, mode);
		return -EINVAL;
	}
	if ((mode & RTE_ETH_MQ_RX_VMDQ_FLAG) && (mode & RTE_ETH_MQ_RX_DCB_FLAG)) {
		ret = check_pools(port_id, "rx VMDq+DCB", vd->nb_queue_pools, true, nb_rx_q, info);
		if (ret == 0)
			ret = check_pool_maps(port_id, "rx VMDq+DCB", vd->nb_pool_maps,
					vd->enable_default_pool, vd->default_pool,
					vd->nb_queue_pools);
		if (ret != 0)
			return ret;
		up = bad_tc(vd->dcb_tc, RTE_ETH_DCB_NUM_TCS);
		if (up >= 0) {
			ETHDEV_LOG(ERR, "configure port %u: rx VMDq+DCB dcb_tc[%d] = %u, max %u",
					port_id, up, vd->dcb_tc[up], RTE_ETH_DCB_NUM_TCS - 1);
			return -EINVAL;
		}
		return 0;
	}
	if (mode & RTE_ETH_MQ_RX_VMDQ_FLAG) {
		ret = check_pools(port_id, "rx VMDq", vr->nb_queue_pools, false, nb_rx_q, info);
		if (ret == 0)
			ret = check_pool_maps(port_id, "rx VMDq", vr->nb_pool_maps,
					vr->enable_default_pool, vr->default_pool,
					vr->nb_queue_pools);
		return ret;
	}
	if (mode & RTE_ETH_MQ_RX_DCB_FLAG)
		return check_dcb_tcs(port_id, "rx DCB", dr->nb_tcs, dr->dcb_tc, nb_rx_q);
	return 0;
}

static int
check_tx_mq(uint16_t port_id, uint16_t nb_tx_q, const struct rte_eth_conf *conf,
		const struct rte_eth_dev_info *info)
{
	const struct rte_eth_vmdq_dcb_tx_conf *vd = &conf->tx_adv_conf.vmdq_dcb_tx_conf;
	const struct rte_eth_vmdq_tx_conf *vt = &conf->tx_adv_conf.vmdq_tx_conf;
	int up, ret;

	switch (conf->txmode.mq_mode) {
	case RTE_ETH_MQ_TX_NONE:
		return 0;
	case RTE_ETH_MQ_TX_DCB:
		return check_dcb_tcs(port_id, "tx DCB", conf->tx_adv_conf.dcb_tx_conf.nb_tcs,
				conf->tx_adv_conf.dcb_tx_conf.dcb_tc, nb_tx_q);
	case RTE_ETH_MQ_TX_VMDQ_DCB:
		ret = check_pools(port_id, "tx VMDq+DCB", vd->nb_queue_pools, true, nb_tx_q, info);
		if (ret != 0)
			return ret;
		up = bad_tc(vd->dcb_tc, RTE_ETH_DCB_NUM_TCS);
		if (up >= 0) {
			ETHDEV_LOG(ERR, "configure port %u: tx VMDq+DCB dcb_tc[%d] = %u, max %u",
					port_id, up, vd->dcb_tc[up], RTE_ETH_DCB_NUM_TCS - 1);
			return -EINVAL;
		}
		return 0;
	case RTE_ETH_MQ_TX_VMDQ_ONLY:
		return check_pools(port_id, "tx VMDq", vt->nb_queue_pools, false, nb_tx_q, info);
	}
	ETHDEV_LOG(ERR, "configure port %u: unknown tx mq_mode %d", port_id,
			(int)conf->txmode.mq_mode);
	return -EINVAL;
}

/* Interrupts the driver cannot deliver are refused, with DPDK's messages. */
static int
check_intr_conf(const struct rte_eth_dev *dev, const struct rte_eth_intr_conf *intr)
{
	const char *drv = dev->device != NULL && dev->device->driver != NULL ?
		dev->device->driver->name : "?";

	if (intr->lsc == 1 && !(dev->data->dev_flags & RTE_ETH_DEV_INTR_LSC)) {
		ETHDEV_LOG(ERR, "Driver %s does not support lsc", drv);
		return -EINVAL;
	}
	if (intr->rmv == 1 && !(dev->data->dev_flags & RTE_ETH_DEV_INTR_RMV)) {
		ETHDEV_LOG(ERR, "Driver %s does not support rmv", drv);
		return -EINVAL;
	}
	return 0;
}

int
rte_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_q, uint16_t nb_tx_q,
		const struct rte_eth_conf *conf)
{
	struct rte_eth_dev *dev;
	struct rte_eth_dev_data *d;
	struct rte_eth_dev_info info;
	struct rte_eth_conf old_conf;
	void **rxq = NULL, **txq = NULL;
	uint16_t old_nb_rx, old_nb_tx, old_mtu, q;
	uint32_t mtu;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (conf == NULL) {
		ETHDEV_LOG(ERR, "configure port %u: NULL configuration", port_id);
		return -EINVAL;
	}
	dev = &rte_eth_devices[port_id];
	d = dev->data;
	eth_dev_lock();
	if (d->dev_started) {
		ETHDEV_LOG(ERR, "configure port %u: port is started, stop it first", port_id);
		ret = -EBUSY;
		goto out;
	}
	if (dev->dev_ops == NULL || dev->dev_ops->dev_configure == NULL) {
		ETHDEV_LOG(ERR, "configure port %u: driver cannot configure", port_id);
		ret = -ENOTSUP;
		goto out;
	}
	ret = dev_info_fill(dev, &info);
	if (ret != 0)
		goto out;
	if (nb_rx_q == 0 && nb_tx_q == 0) {
		nb_rx_q = info.default_rxportconf.nb_queues != 0 ?
				info.default_rxportconf.nb_queues : RTE_ETH_DEV_FALLBACK_RX_NBQUEUES;
		nb_tx_q = info.default_txportconf.nb_queues != 0 ?
				info.default_txportconf.nb_queues : RTE_ETH_DEV_FALLBACK_TX_NBQUEUES;
	}
	if (nb_rx_q > info.max_rx_queues || nb_tx_q > info.max_tx_queues) {
		ETHDEV_LOG(ERR, "configure port %u: %u rx / %u tx queues, at most %u / %u",
				port_id, nb_rx_q, nb_tx_q, info.max_rx_queues, info.max_tx_queues);
		ret = -EINVAL;
		goto out;
	}
	mtu = conf->rxmode.mtu != 0 ? conf->rxmode.mtu : d->mtu;
	if (mtu < info.min_mtu || mtu > info.max_mtu) {
		ETHDEV_LOG(ERR, "configure port %u: MTU %u outside %u..%u", port_id, mtu,
				info.min_mtu, info.max_mtu);
		ret = -EINVAL;
		goto out;
	}
	ret = check_offloads(port_id, "rx", conf->rxmode.offloads, info.rx_offload_capa);
	if (ret == 0)
		ret = check_offloads(port_id, "tx", conf->txmode.offloads, info.tx_offload_capa);
	if (ret != 0)
		goto out;
	ret = check_rx_mq(port_id, nb_rx_q, conf, &info);
	if (ret == 0)
		ret = check_tx_mq(port_id, nb_tx_q, conf, &info);
	if (ret != 0)
		goto out;
	ret = check_intr_conf(dev, &conf->intr_conf);
	if (ret != 0)
		goto out;
	if (conf->link_speeds & ~(info.speed_capa | RTE_ETH_LINK_SPEED_FIXED)) {
		ETHDEV_LOG(ERR, "configure port %u: link speeds 0x%x not supported (0x%x)",
				port_id, conf->link_speeds, info.speed_capa);
		ret = -EINVAL;
		goto out;
	}

	/*
	 * One array per direction, room for RTE_MAX_QUEUES_PER_PORT queues, made at the first
	 * configure and kept until close, as in DPDK: the fast paths of every process (a
	 * secondary's too) point at it, so a later reconfigure changes what it holds, never where
	 * it is.
	 */
	if (d->rx_queues == NULL || d->tx_queues == NULL) {
		rxq = d->rx_queues != NULL ? d->rx_queues : rte_zmalloc_sparse_socket("ethdev rxq",
				sizeof(void *) * RTE_MAX_QUEUES_PER_PORT, 0, d->numa_node);
		txq = d->tx_queues != NULL ? d->tx_queues : rte_zmalloc_sparse_socket("ethdev txq",
				sizeof(void *) * RTE_MAX_QUEUES_PER_PORT, 0, d->numa_node);
		if (rxq == NULL || txq == NULL) {
			ETHDEV_LOG(ERR, "configure port %u: out of memory for queue arrays",
					port_id);
			if (rxq != d->rx_queues)
				rte_free(rxq);
			if (txq != d->tx_queues)
				rte_free(txq);
			ret = -ENOMEM;
			goto out;
		}
		d->rx_queues = rxq;
		d->tx_queues = txq;
	}

	old_conf = d->dev_conf;
	old_nb_rx = d->nb_rx_queues;
	old_nb_tx = d->nb_tx_queues;
	old_mtu = d->mtu;

	/* The fast path must let go of the queues before they change. */
	eth_dev_fp_ops_unpublish(port_id);
	d->dev_conf = *conf;
	d->dev_conf.rxmode.mtu = mtu;
	d->mtu = (uint16_t)mtu;
	d->nb_rx_queues = nb_rx_q;
	d->nb_tx_queues = nb_tx_q;
	ret = dev->dev_ops->dev_configure(dev);
	if (ret != 0) {
		ETHDEV_LOG(ERR, "configure port %u: driver refused (%d)", port_id, ret);
		d->dev_conf = old_conf;
		d->mtu = old_mtu;
		d->nb_rx_queues = old_nb_rx;
		d->nb_tx_queues = old_nb_tx;
		goto out;
	}
	/* Queues beyond the new counts go. */
	for (q = nb_rx_q; q < old_nb_rx; q++) {
		if (d->rx_queues[q] != NULL && dev->dev_ops->rx_queue_release != NULL)
			dev->dev_ops->rx_queue_release(dev, q);
		d->rx_queues[q] = NULL;
	}
	for (q = nb_tx_q; q < old_nb_tx; q++) {
		if (d->tx_queues[q] != NULL && dev->dev_ops->tx_queue_release != NULL)
			dev->dev_ops->tx_queue_release(dev, q);
		d->tx_queues[q] = NULL;
	}
	memset(d->rx_queue_state, 0, sizeof(d->rx_queue_state));
	memset(d->tx_queue_state, 0, sizeof(d->tx_queue_state));
	d->dev_configured = 1;
	d->dev_closed = 0;
out:
	eth_dev_unlock();
	return ret;
}

int
rte_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx_desc, uint16_t *nb_tx_desc)
{
	struct rte_eth_dev_info info;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	if (nb_rx_desc != NULL) {
		uint16_t n = RTE_MIN(*nb_rx_desc, info.rx_desc_lim.nb_max);

		n = RTE_MAX(n, info.rx_desc_lim.nb_min);
		if (info.rx_desc_lim.nb_align > 1)
			n = RTE_ALIGN_CEIL(n, info.rx_desc_lim.nb_align);
		*nb_rx_desc = n;
	}
	if (nb_tx_desc != NULL) {
		uint16_t n = RTE_MIN(*nb_tx_desc, info.tx_desc_lim.nb_max);

		n = RTE_MAX(n, info.tx_desc_lim.nb_min);
		if (info.tx_desc_lim.nb_align > 1)
			n = RTE_ALIGN_CEIL(n, info.tx_desc_lim.nb_align);
		*nb_tx_desc = n;
	}
	return 0;
}

static int
check_desc(uint16_t port_id, const char *dir, uint16_t n, const struct rte_eth_desc_lim *lim)
{
	if (n > lim->nb_max || n < lim->nb_min || (lim->nb_align > 1 && n % lim->nb_align)) {
		ETHDEV_LOG(ERR, "port %u: %u %s descriptors, need %u..%u in steps of %u",
				port_id, n, dir, lim->nb_min, lim->nb_max, lim->nb_align);
		return -EINVAL;
	}
	return 0;
}

/* Common checks of queue setup; the port lock is held. */
static int
queue_setup_check(struct rte_eth_dev *dev, const char *dir, uint16_t queue_id, uint16_t nb_q,
		void *setup_op)
{
	uint16_t port_id = dev->data->port_id;

	if (setup_op == NULL) {
		ETHDEV_LOG(ERR, "port %u: driver cannot set up %s queues", port_id, dir);
		return -ENOTSUP;
	}
	if (!dev->data->dev_configured) {
		ETHDEV_LOG(ERR, "port %u: %s queue setup before configure", port_id, dir);
		return -EINVAL;
	}
	if (queue_id >= nb_q) {
		ETHDEV_LOG(ERR, "port %u: %s queue %u, only %u configured", port_id, dir,
				queue_id, nb_q);
		return -EINVAL;
	}
	if (dev->data->dev_started) {
		ETHDEV_LOG(ERR, "port %u: %s queue %u setup while started", port_id, dir,
				queue_id);
		return -EBUSY;
	}
	return 0;
}

int
rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *rx_conf,
		struct rte_mempool *mb_pool)
{
	struct rte_eth_dev *dev;
	struct rte_eth_dev_info info;
	struct rte_eth_rxconf conf;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	eth_dev_lock();
	ret = queue_setup_check(dev, "rx", rx_queue_id, dev->data->nb_rx_queues,
			dev->dev_ops == NULL ? NULL : (void *)dev->dev_ops->rx_queue_setup);
	if (ret != 0)
		goto out;
	if (mb_pool == NULL) {
		ETHDEV_LOG(ERR, "port %u: rx queue %u needs a mempool", port_id, rx_queue_id);
		ret = -EINVAL;
		goto out;
	}
	ret = dev_info_fill(dev, &info);
	if (ret != 0)
		goto out;
	if (nb_rx_desc == 0)
		nb_rx_desc = info.default_rxportconf.ring_size != 0 ?
				info.default_rxportconf.ring_size : RTE_ETH_DEV_FALLBACK_RX_RINGSIZE;
	ret = check_desc(port_id, "rx", nb_rx_desc, &info.rx_desc_lim);
	if (ret != 0)
		goto out;
	conf = rx_conf != NULL ? *rx_conf : info.default_rxconf;
	ret = check_offloads(port_id, "rx queue",
			conf.offloads | dev->data->dev_conf.rxmode.offloads,
			info.rx_offload_capa | info.rx_queue_offload_capa);
	if (ret != 0)
		goto out;
	conf.offloads |= dev->data->dev_conf.rxmode.offloads;
	if (dev->data->rx_queues[rx_queue_id] != NULL) {
		eth_dev_fp_ops_unpublish(port_id);
		if (dev->dev_ops->rx_queue_release != NULL)
			dev->dev_ops->rx_queue_release(dev, rx_queue_id);
		dev->data->rx_queues[rx_queue_id] = NULL;
	}
	ret = dev->dev_ops->rx_queue_setup(dev, rx_queue_id, nb_rx_desc, socket_id, &conf,
			mb_pool);
	if (ret != 0)
		ETHDEV_LOG(ERR, "port %u: driver failed to set up rx queue %u (%d)", port_id,
				rx_queue_id, ret);
out:
	eth_dev_unlock();
	return ret;
}

int
rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc,
		unsigned int socket_id, const struct rte_eth_txconf *tx_conf)
{
	struct rte_eth_dev *dev;
	struct rte_eth_dev_info info;
	struct rte_eth_txconf conf;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	eth_dev_lock();
	ret = queue_setup_check(dev, "tx", tx_queue_id, dev->data->nb_tx_queues,
			dev->dev_ops == NULL ? NULL : (void *)dev->dev_ops->tx_queue_setup);
	if (ret != 0)
		goto out;
	ret = dev_info_fill(dev, &info);
	if (ret != 0)
		goto out;
	if (nb_tx_desc == 0)
		nb_tx_desc = info.default_txportconf.ring_size != 0 ?
				info.default_txportconf.ring_size : RTE_ETH_DEV_FALLBACK_TX_RINGSIZE;
	ret = check_desc(port_id, "tx", nb_tx_desc, &info.tx_desc_lim);
	if (ret != 0)
		goto out;
	conf = tx_conf != NULL ? *tx_conf : info.default_txconf;
	ret = check_offloads(port_id, "tx queue",
			conf.offloads | dev->data->dev_conf.txmode.offloads,
			info.tx_offload_capa | info.tx_queue_offload_capa);
	if (ret != 0)
		goto out;
	conf.offloads |= dev->data->dev_conf.txmode.offloads;
	if (dev->data->tx_queues[tx_queue_id] != NULL) {
		eth_dev_fp_ops_unpublish(port_id);
		if (dev->dev_ops->tx_queue_release != NULL)
			dev->dev_ops->tx_queue_release(dev, tx_queue_id);
		dev->data->tx_queues[tx_queue_id] = NULL;
	}
	ret = dev->dev_ops->tx_queue_setup(dev, tx_queue_id, nb_tx_desc, socket_id, &conf);
	if (ret != 0)
		ETHDEV_LOG(ERR, "port %u: driver failed to set up tx queue %u (%d)", port_id,
				tx_queue_id, ret);
out:
	eth_dev_unlock();
	return ret;
}

int
rte_eth_rx_queue_info_get(uint16_t port_id, uint16_t queue_id, struct rte_eth_rxq_info *qinfo)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	if (qinfo == NULL || queue_id >= dev->data->nb_rx_queues ||
	    dev->data->rx_queues[queue_id] == NULL) {
		ETHDEV_LOG(ERR, "rx queue info: port %u queue %u not set up or NULL qinfo",
				port_id, queue_id);
		return -EINVAL;
	}
	if (dev->dev_ops->rxq_info_get == NULL)
		return -ENOTSUP;
	memset(qinfo, 0, sizeof(*qinfo));
	dev->dev_ops->rxq_info_get(dev, queue_id, qinfo);
	qinfo->queue_state = dev->data->rx_queue_state[queue_id];
	return 0;
}

int
rte_eth_tx_queue_info_get(uint16_t port_id, uint16_t queue_id, struct rte_eth_txq_info *qinfo)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	if (qinfo == NULL || queue_id >= dev->data->nb_tx_queues ||
	    dev->data->tx_queues[queue_id] == NULL) {
		ETHDEV_LOG(ERR, "tx queue info: port %u queue %u not set up or NULL qinfo",
				port_id, queue_id);
		return -EINVAL;
	}
	if (dev->dev_ops->txq_info_get == NULL)
		return -ENOTSUP;
	memset(qinfo, 0, sizeof(*qinfo));
	dev->dev_ops->txq_info_get(dev, queue_id, qinfo);
	qinfo->queue_state = dev->data->tx_queue_state[queue_id];
	return 0;
}

int
rte_eth_dev_start(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	struct rte_eth_dev_data *d;
	uint16_t q;
	int ret = 0;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	d = dev->data;
	eth_dev_lock();
	if (d->dev_started)
		goto out;
	if (!d->dev_configured) {
		ETHDEV_LOG(ERR, "start port %u: not configured%s", port_id,
				d->dev_closed ? " (closed)" : "");
		ret = -EINVAL;
		goto out;
	}
	if (dev->dev_ops->dev_start == NULL) {
		ETHDEV_LOG(ERR, "start port %u: driver cannot start", port_id);
		ret = -ENOTSUP;
		goto out;
	}
	for (q = 0; q < d->nb_rx_queues; q++)
		if (d->rx_queues[q] == NULL)
			break;
	if (q < d->nb_rx_queues) {
		ETHDEV_LOG(ERR, "start port %u: rx queue %u not set up", port_id, q);
		ret = -EINVAL;
		goto out;
	}
	for (q = 0; q < d->nb_tx_queues; q++)
		if (d->tx_queues[q] == NULL)
			break;
	if (q < d->nb_tx_queues) {
		ETHDEV_LOG(ERR, "start port %u: tx queue %u not set up", port_id, q);
		ret = -EINVAL;
		goto out;
	}
	/* Queues start with the port; a driver marks the ones it leaves stopped (deferred). */
	for (q = 0; q < d->nb_rx_queues; q++)
		if (d->rx_queue_state[q] != RTE_ETH_QUEUE_STATE_HAIRPIN)
			d->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	for (q = 0; q < d->nb_tx_queues; q++)
		if (d->tx_queue_state[q] != RTE_ETH_QUEUE_STATE_HAIRPIN)
			d->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	ret = dev->dev_ops->dev_start(dev);
	if (ret != 0) {
		ETHDEV_LOG(ERR, "start port %u: driver failed (%d)", port_id, ret);
		for (q = 0; q < d->nb_rx_queues; q++)
			if (d->rx_queue_state[q] != RTE_ETH_QUEUE_STATE_HAIRPIN)
				d->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
		for (q = 0; q < d->nb_tx_queues; q++)
			if (d->tx_queue_state[q] != RTE_ETH_QUEUE_STATE_HAIRPIN)
				d->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
		goto out;
	}
	d->dev_started = 1;
	if (dev->dev_ops->link_update != NULL && d->dev_conf.intr_conf.lsc == 0)
		dev->dev_ops->link_update(dev, 0);
	eth_dev_fp_ops_setup(dev);
out:
	eth_dev_unlock();
	return ret;
}

/* Stop with the lock held. */
static int
dev_stop_locked(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *d = dev->data;
	uint16_t q;
	int ret = 0;

	if (!d->dev_started)
		return 0;
	eth_dev_fp_ops_quiesce(d->port_id);
	if (dev->dev_ops->dev_stop != NULL)
		ret = dev->dev_ops->dev_stop(dev);
	if (ret != 0) {
		ETHDEV_LOG(ERR, "stop port %u: driver failed (%d)", d->port_id, ret);
		eth_dev_fp_ops_setup(dev);
		return ret;
	}
	for (q = 0; q < d->nb_rx_queues; q++)
		if (d->rx_queue_state[q] != RTE_ETH_QUEUE_STATE_HAIRPIN)
			d->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	for (q = 0; q < d->nb_tx_queues; q++)
		if (d->tx_queue_state[q] != RTE_ETH_QUEUE_STATE_HAIRPIN)
			d->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	d->dev_started = 0;
	return 0;
}

int
rte_eth_dev_stop(uint16_t port_id)
{
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	eth_dev_lock();
	ret = dev_stop_locked(&rte_eth_devices[port_id]);
	eth_dev_unlock();
	return ret;
}

int
rte_eth_dev_set_link_up(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->dev_set_link_up == NULL)
		return -ENOTSUP;
	return dev->dev_ops->dev_set_link_up(dev);
}

int
rte_eth_dev_set_link_down(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->dev_set_link_down == NULL)
		return -ENOTSUP;
	return dev->dev_ops->dev_set_link_down(dev);
}

int
rte_eth_dev_close(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	struct rte_eth_dev_data *d;
	struct rte_eth_link down = { 0 };
	int ret = 0;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	d = dev->data;
	eth_dev_lock();
	if (d->dev_closed)
		goto out;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		/*
		 * The queues, the state and the link are the primary's, in shared memory: a
		 * secondary's close ends only this process's use of the port, its fast path and
		 * what its driver keeps for this process.
		 */
		eth_dev_fp_ops_unpublish(port_id);
		if (dev->dev_ops->dev_close != NULL)
			ret = dev->dev_ops->dev_close(dev);
		goto out;
	}
	/* Closing implies no more I/O: a started port is stopped first. */
	ret = dev_stop_locked(dev);
	if (ret != 0)
		goto out;
	eth_dev_release_queues(dev);
	if (dev->dev_ops->dev_close != NULL) {
		ret = dev->dev_ops->dev_close(dev);
		if (ret != 0)
			ETHDEV_LOG(WARNING, "close port %u: driver reported %d", port_id, ret);
	}
	rte_eth_linkstatus_set(dev, &down);
	d->dev_configured = 0;
	d->dev_closed = 1;
out:
	eth_dev_unlock();
	return ret;
}

int
rte_eth_dev_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->dev_reset == NULL) {
		ETHDEV_LOG(ERR, "reset port %u: driver cannot reset", port_id);
		return -ENOTSUP;
	}
	eth_dev_lock();
	ret = dev_stop_locked(dev);
	if (ret == 0)
		ret = dev->dev_ops->dev_reset(dev);
	eth_dev_unlock();
	return ret;
}
