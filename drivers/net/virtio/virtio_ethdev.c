/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio: a poll-mode driver for virtio-net devices on PCI, modern (virtio 1.0) and
 * legacy or transitional (virtio 0.9.5 registers in an I/O port BAR).
 *
 * The device is reset on every start, stop and close: a reset is the only way virtio offers
 * to make it forget the rings, and it guarantees no DMA into the buffers that follow. Start
 * then negotiates again and hands over freshly filled rings, so no state survives a stop.
 */
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_interrupts.h>
#include <rte_malloc.h>
#include <ethdev_driver.h>
#include <ethdev_pci.h>
#include <bus_pci_driver.h>

#include "virtio_private.h"

RTE_LOG_REGISTER_DEFAULT(virtio_logtype, NOTICE);

#define VIRTIO_MAX_RX_PKTLEN 9728

/*
 * Port instructions need the iopl privilege in every thread that kicks a legacy device, and
 * a thread only inherits it from its creator: ask before EAL creates the lcores. Refused when
 * not privileged, then the bus falls back to the sysfs resource file.
 */
RTE_INIT(virtio_iopl_init)
{
	rte_eal_iopl_init();
}

static const struct rte_pci_id virtio_pci_ids[] = {
	{ RTE_PCI_DEVICE(VIRTIO_PCI_VENDOR_ID, VIRTIO_PCI_DEV_ID_NET_MODERN) },
	{ RTE_PCI_DEVICE(VIRTIO_PCI_VENDOR_ID, VIRTIO_PCI_DEV_ID_NET_LEGACY) },
	{ .vendor_id = 0 },
};

static int
virtio_dev_configure(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
virtio_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_hw *hw = &ad->hw;
	uint16_t pairs = RTE_MIN(hw->max_pairs, (uint16_t)RTE_MAX_QUEUES_PER_PORT);

	/* The device has as many virtqueues as it says, whatever its queue pair count. */
	pairs = RTE_MIN(pairs, (uint16_t)(hw->nb_vqs / 2));
	info->max_rx_queues = pairs;
	info->max_tx_queues = pairs;
	info->max_mac_addrs = 1;
	info->min_rx_bufsize = RTE_ETHER_MIN_LEN;
	if (virtio_has_feature(hw, VIRTIO_NET_F_MRG_RXBUF)) {
		info->max_rx_pktlen = VIRTIO_MAX_RX_PKTLEN;
		info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	} else {
		info->max_rx_pktlen = RTE_ETHER_MAX_LEN;
	}
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = info->max_rx_pktlen - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	/* Ring sizes are the device's; the requested count is accepted and not used. */
	info->rx_desc_lim.nb_max = UINT16_MAX;
	info->rx_desc_lim.nb_min = 0;
	info->rx_desc_lim.nb_align = 1;
	info->tx_desc_lim = info->rx_desc_lim;
	/* No speed is advertised without VIRTIO_NET_F_SPEED_DUPLEX, which is not negotiated. */
	info->speed_capa = 0;
	info->default_rxportconf.ring_size = hw->vq_max_size[0];
	info->default_txportconf.ring_size = hw->vq_max_size[1];
	info->default_rxportconf.nb_queues = 1;
	info->default_txportconf.nb_queues = 1;
	return 0;
}

static int
virtio_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_hw *hw = &ad->hw;
	struct rte_eth_link link;
	uint16_t status = VIRTIO_NET_S_LINK_UP;

	RTE_SET_USED(wait_to_complete);
	memset(&link, 0, sizeof(link));
	link.link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
	link.link_autoneg = RTE_ETH_LINK_FIXED;
	/* Without VIRTIO_NET_F_STATUS the link is always up. */
	if (virtio_has_feature(hw, VIRTIO_NET_F_STATUS))
		status = virtio_cfg_read16(hw, VIRTIO_NET_CFG_STATUS);
	if (dev->data->dev_started && status != 0xffff && (status & VIRTIO_NET_S_LINK_UP)) {
		link.link_status = RTE_ETH_LINK_UP;
		link.link_speed = RTE_ETH_SPEED_NUM_UNKNOWN;
	}
	return rte_eth_linkstatus_set(dev, &link);
}

static int
virtio_rx_mode_cmd(struct rte_eth_dev *dev, uint8_t cmd, uint8_t on)
{
	struct virtio_adapter *ad = dev->data->dev_private;

	if (!virtio_has_feature(&ad->hw, VIRTIO_NET_F_CTRL_RX)) {
		VIRTIO_LOG(INFO, "port %u: the device has no receive mode control",
			dev->data->port_id);
		return -ENOTSUP;
	}
	/* A stopped device is reset: the mode is sent when it starts. */
	if (!dev->data->dev_started)
		return 0;
	return virtio_ctrl_cmd(dev, VIRTIO_NET_CTRL_RX, cmd, &on, sizeof(on));
}

static int
virtio_promiscuous_enable(struct rte_eth_dev *dev)
{
	return virtio_rx_mode_cmd(dev, VIRTIO_NET_CTRL_RX_PROMISC, 1);
}

static int
virtio_promiscuous_disable(struct rte_eth_dev *dev)
{
	return virtio_rx_mode_cmd(dev, VIRTIO_NET_CTRL_RX_PROMISC, 0);
}

static int
virtio_allmulticast_enable(struct rte_eth_dev *dev)
{
	return virtio_rx_mode_cmd(dev, VIRTIO_NET_CTRL_RX_ALLMULTI, 1);
}

static int
virtio_allmulticast_disable(struct rte_eth_dev *dev)
{
	return virtio_rx_mode_cmd(dev, VIRTIO_NET_CTRL_RX_ALLMULTI, 0);
}

/*
 * Configuration change interrupt: the device changed its link status. With MSI-X the
 * interrupt is the config vector's alone; with INTx it is shared with the queues (whose
 * interrupts are off) and the ISR read both says whether it is ours and lowers the line.
 */
static void
virtio_intr_handler(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct virtio_adapter *ad = dev->data->dev_private;
	struct rte_intr_handle *h = RTE_ETH_DEV_TO_PCI(dev)->intr_handle;
	uint8_t isr = virtio_read_isr(&ad->hw);

	if ((isr & VIRTIO_ISR_CONFIG) || rte_intr_type_get(h) == RTE_INTR_HANDLE_VFIO_MSIX) {
		/* rte_eth_linkstatus_set says 0 when the status changed */
		if (ad->lsc_on && virtio_link_update(dev, 0) == 0)
			rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
	}
	rte_intr_ack(h);
}

/* Arm the interrupt when the application asked for LSC events (intr_conf.lsc). */
static int
virtio_lsc_start(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_hw *hw = &ad->hw;
	struct rte_intr_handle *h = RTE_ETH_DEV_TO_PCI(dev)->intr_handle;
	int ret;

	if (!dev->data->dev_conf.intr_conf.lsc)
		return 0;
	if (!virtio_has_feature(hw, VIRTIO_NET_F_STATUS) || h == NULL ||
			rte_intr_fd_get(h) < 0) {
		VIRTIO_LOG(ERR, "port %u: intr_conf.lsc: %s", dev->data->port_id,
			!virtio_has_feature(hw, VIRTIO_NET_F_STATUS) ?
			"the device reports no link status" : "the device has no interrupt");
		return -ENOTSUP;
	}
	if (!ad->intr_registered) {
		ret = rte_intr_callback_register(h, virtio_intr_handler, dev);
		if (ret != 0) {
			VIRTIO_LOG(ERR, "port %u: cannot register the interrupt handler: %s",
				dev->data->port_id, strerror(-ret));
			return ret;
		}
		ad->intr_registered = 1;
	}
	/* enabling first: it is what turns MSI-X on, and with it the config vector register */
	ret = rte_intr_enable(h);
	if (ret != 0) {
		VIRTIO_LOG(ERR, "port %u: cannot enable the interrupt: %s", dev->data->port_id,
			strerror(-ret));
		return ret;
	}
	if (rte_intr_type_get(h) == RTE_INTR_HANDLE_VFIO_MSIX &&
			virtio_ops_of(hw)->set_config_vector(hw, 0) != 0) {
		VIRTIO_LOG(ERR, "port %u: the device refused MSI-X vector 0 for config changes",
			dev->data->port_id);
		rte_intr_disable(h);
		return -EIO;
	}
	ad->lsc_on = 1;
	return 0;
}

static void
virtio_lsc_stop(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct rte_intr_handle *h = RTE_ETH_DEV_TO_PCI(dev)->intr_handle;

	if (!ad->lsc_on)
		return;
	ad->lsc_on = 0;
	virtio_ops_of(&ad->hw)->set_config_vector(&ad->hw, VIRTIO_MSI_NO_VECTOR);
	rte_intr_disable(h);
}

/*
 * Drop the handler (at close). Closed from an event callback, on the interrupt thread, the
 * handler may be what is running: it is then removed once it returns, never waited for.
 */
static void
virtio_intr_release(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct rte_intr_handle *h = RTE_ETH_DEV_TO_PCI(dev)->intr_handle;

	if (!ad->intr_registered)
		return;
	ad->intr_registered = 0;
	for (;;) {
		if (rte_thread_is_intr() && rte_intr_callback_unregister_pending(h,
				virtio_intr_handler, dev, NULL) > 0)
			return;
		if (rte_intr_callback_unregister(h, virtio_intr_handler, dev) != -EAGAIN)
			return;
		rte_delay_us_sleep(1000);
	}
}

/* Reset the device, then give every mbuf back: nothing can be written into them any more. */
static void
virtio_quiesce(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	uint16_t q;

	virtio_lsc_stop(dev);
	virtio_reset(&ad->hw);
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		if (dev->data->rx_queues[q] != NULL)
			virtio_rx_queue_drain(dev->data->rx_queues[q]);
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		if (dev->data->tx_queues[q] != NULL)
			virtio_tx_queue_drain(dev->data->tx_queues[q]);
}

/* Commands that need a live device: queue pairs and receive modes. */
static int
virtio_ctrl_apply(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_hw *hw = &ad->hw;
	uint8_t on;
	int ret;

	if (virtio_has_feature(hw, VIRTIO_NET_F_MQ)) {
		uint16_t pairs = rte_cpu_to_le_16(ad->nb_pairs);

		ret = virtio_ctrl_cmd(dev, VIRTIO_NET_CTRL_MQ, VIRTIO_NET_CTRL_MQ_VQ_PAIRS_SET,
			&pairs, sizeof(pairs));
		if (ret != 0)
			return ret;
	}
	if (virtio_has_feature(hw, VIRTIO_NET_F_CTRL_RX)) {
		on = dev->data->promiscuous ? 1 : 0;
		ret = virtio_ctrl_cmd(dev, VIRTIO_NET_CTRL_RX, VIRTIO_NET_CTRL_RX_PROMISC, &on, 1);
		if (ret != 0)
			return ret;
		on = dev->data->all_multicast ? 1 : 0;
		ret = virtio_ctrl_cmd(dev, VIRTIO_NET_CTRL_RX, VIRTIO_NET_CTRL_RX_ALLMULTI, &on, 1);
		if (ret != 0)
			return ret;
	}
	return 0;
}

static int
virtio_dev_start(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_hw *hw = &ad->hw;
	uint16_t q;
	int ret;

	for (q = 0; q < dev->data->nb_rx_queues; q++)
		if (dev->data->rx_queues[q] == NULL) {
			VIRTIO_LOG(ERR, "port %u: rx queue %u is not set up", dev->data->port_id,
				q);
			return -EINVAL;
		}
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		if (dev->data->tx_queues[q] == NULL) {
			VIRTIO_LOG(ERR, "port %u: tx queue %u is not set up", dev->data->port_id,
				q);
			return -EINVAL;
		}
	ad->nb_pairs = RTE_MAX(dev->data->nb_rx_queues, dev->data->nb_tx_queues);
	ret = virtio_negotiate(hw);
	if (ret != 0)
		return ret;
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		struct virtio_rx_queue *rxq = dev->data->rx_queues[q];

		ret = virtio_rx_queue_fill(rxq);
		if (ret == 0)
			ret = virtio_vq_program(hw, &rxq->vq);
		if (ret != 0)
			goto fail;
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		struct virtio_tx_queue *txq = dev->data->tx_queues[q];

		virtio_tx_queue_init(txq);
		ret = virtio_vq_program(hw, &txq->vq);
		if (ret != 0)
			goto fail;
	}
	ret = virtio_ctrl_setup(dev);
	if (ret != 0)
		goto fail;
	if (ad->cvq != NULL) {
		virtio_vq_reset(ad->cvq, 1);
		ret = virtio_vq_program(hw, ad->cvq);
		if (ret != 0)
			goto fail;
	}
	ret = virtio_lsc_start(dev);
	if (ret != 0)
		goto fail;
	virtio_set_status(hw, virtio_get_status(hw) | VIRTIO_STATUS_DRIVER_OK);
	/* Receive buffers went in before DRIVER_OK; only now may the device be told of them. */
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		struct virtio_rx_queue *rxq = dev->data->rx_queues[q];

		virtio_vq_notify(&rxq->vq);
	}
	ret = virtio_ctrl_apply(dev);
	if (ret != 0)
		goto fail;
	dev->data->dev_started = 1;
	virtio_link_update(dev, 0);
	return 0;
fail:
	virtio_quiesce(dev);
	return ret;
}

static int
virtio_dev_stop(struct rte_eth_dev *dev)
{
	struct rte_eth_link link;

	virtio_quiesce(dev);
	memset(&link, 0, sizeof(link));
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static int
virtio_dev_close(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;

	/* ethdev released the queues before; the control queue is the driver's own. */
	virtio_lsc_stop(dev);
	virtio_reset(&ad->hw);
	virtio_intr_release(dev);
	virtio_ctrl_release(dev);
	return 0;
}

static int
virtio_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct virtio_rx_queue *rxq = dev->data->rx_queues[q];

		if (rxq == NULL)
			continue;
		st->ipackets += rxq->stats.packets;
		st->ibytes += rxq->stats.bytes;
		st->ierrors += rxq->stats.errors;
		st->rx_nombuf += rxq->stats.nombuf;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[q] = rxq->stats.packets;
			st->q_ibytes[q] = rxq->stats.bytes;
			st->q_errors[q] = rxq->stats.errors;
		}
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		const struct virtio_tx_queue *txq = dev->data->tx_queues[q];

		if (txq == NULL)
			continue;
		st->opackets += txq->stats.packets;
		st->obytes += txq->stats.bytes;
		st->oerrors += txq->stats.errors;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[q] = txq->stats.packets;
			st->q_obytes[q] = txq->stats.bytes;
		}
	}
	return 0;
}

static int
virtio_stats_reset(struct rte_eth_dev *dev)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		struct virtio_rx_queue *rxq = dev->data->rx_queues[q];

		if (rxq != NULL)
			memset(&rxq->stats, 0, sizeof(rxq->stats));
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		struct virtio_tx_queue *txq = dev->data->tx_queues[q];

		if (txq != NULL)
			memset(&txq->stats, 0, sizeof(txq->stats));
	}
	return 0;
}

static const struct eth_dev_ops virtio_ops = {
	.dev_configure = virtio_dev_configure,
	.dev_start = virtio_dev_start,
	.dev_stop = virtio_dev_stop,
	.dev_close = virtio_dev_close,
	.dev_infos_get = virtio_dev_infos_get,
	.link_update = virtio_link_update,
	.promiscuous_enable = virtio_promiscuous_enable,
	.promiscuous_disable = virtio_promiscuous_disable,
	.allmulticast_enable = virtio_allmulticast_enable,
	.allmulticast_disable = virtio_allmulticast_disable,
	.stats_get = virtio_stats_get,
	.stats_reset = virtio_stats_reset,
	.rx_queue_setup = virtio_rx_queue_setup,
	.rx_queue_release = virtio_rx_queue_release,
	.tx_queue_setup = virtio_tx_queue_setup,
	.tx_queue_release = virtio_tx_queue_release,
};

/* The MAC address in the device configuration, read again if the device changed it meanwhile. */
static void
virtio_read_mac(struct virtio_hw *hw, struct rte_ether_addr *mac)
{
	uint8_t gen;
	int i, tries;

	for (tries = 0; tries < 10; tries++) {
		gen = virtio_ops_of(hw)->cfg_generation(hw);
		for (i = 0; i < RTE_ETHER_ADDR_LEN; i++)
			mac->addr_bytes[i] = virtio_cfg_read8(hw, VIRTIO_NET_CFG_MAC + i);
		if (virtio_ops_of(hw)->cfg_generation(hw) == gen)
			break;
	}
}

static int
virtio_dev_init(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_hw *hw = &ad->hw;
	int force_legacy, ret;

	/*
	 * A secondary process finds the device set up by the primary, with the modern
	 * transport's structures at the same addresses. The legacy transport reaches its port
	 * registers through per-process state (the I/O BAR's fd or port permissions) that the
	 * shared private data cannot hold, so a legacy port is left out of secondaries.
	 */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		if (hw->legacy) {
			VIRTIO_LOG(WARNING, "%s: a legacy virtio port has no secondary process "
				"support: port %u left out of this process", pci->device.name,
				dev->data->port_id);
			return 1;
		}
		dev->dev_ops = &virtio_ops;
		dev->rx_pkt_burst = virtio_recv_pkts;
		dev->tx_pkt_burst = virtio_xmit_pkts;
		return 0;
	}
	ret = virtio_parse_args(pci->device.name, pci->device.devargs != NULL ?
		pci->device.devargs->args : NULL, &force_legacy);
	if (ret != 0)
		return ret;
	ret = virtio_pci_init(hw, pci, force_legacy);
	if (ret != 0)
		return ret;
	/* A first negotiation tells which features, queues and pairs this device has. */
	ret = virtio_negotiate(hw);
	if (ret != 0)
		goto fail;
	if (virtio_has_feature(hw, VIRTIO_NET_F_MAC))
		virtio_read_mac(hw, &ad->mac);
	if (!rte_is_valid_assigned_ether_addr(&ad->mac)) {
		VIRTIO_LOG(NOTICE, "%s: no valid MAC address in the device, using a random one",
			pci->device.name);
		rte_eth_random_addr(ad->mac.addr_bytes);
	}
	virtio_reset(hw);
	dev->data->mac_addrs = rte_zmalloc("virtio_mac", sizeof(struct rte_ether_addr), 0);
	if (dev->data->mac_addrs == NULL) {
		ret = -ENOMEM;
		goto fail;
	}
	rte_ether_addr_copy(&ad->mac, dev->data->mac_addrs);
	dev->dev_ops = &virtio_ops;
	dev->rx_pkt_burst = virtio_recv_pkts;
	dev->tx_pkt_burst = virtio_xmit_pkts;
	rte_pci_set_bus_master(pci, true);
	VIRTIO_LOG(INFO, "%s: port %u, %s, MAC " RTE_ETHER_ADDR_PRT_FMT ", features 0x%"
		PRIx64 ", %u queue pairs", pci->device.name, dev->data->port_id,
		hw->legacy ? "legacy" : "modern", RTE_ETHER_ADDR_BYTES(&ad->mac), hw->features,
		hw->max_pairs);
	return 0;
fail:
	rte_free(hw->vq_max_size);
	hw->vq_max_size = NULL;
	virtio_pci_uninit(hw);
	return ret;
}

static int
virtio_pci_probe(struct rte_pci_driver *drv, struct rte_pci_device *pci)
{
	RTE_SET_USED(drv);
	return rte_eth_dev_pci_generic_probe(pci, sizeof(struct virtio_adapter), virtio_dev_init);
}

static int
virtio_dev_uninit(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0; /* never probed in a secondary process */
	if (!dev->data->dev_closed)
		rte_eth_dev_close(dev->data->port_id);
	/* Nothing may reach memory through this device any more. */
	virtio_reset(&ad->hw);
	rte_pci_set_bus_master(RTE_ETH_DEV_TO_PCI(dev), false);
	rte_free(ad->hw.vq_max_size);
	ad->hw.vq_max_size = NULL;
	virtio_pci_uninit(&ad->hw);
	return 0;
}

static int
virtio_pci_remove(struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_remove(pci, virtio_dev_uninit);
}

static struct rte_pci_driver virtio_pmd = {
	.id_table = virtio_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_DETACHABLE | RTE_PCI_DRV_INTR_LSC,
	.probe = virtio_pci_probe,
	.remove = virtio_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_virtio, virtio_pmd);
RTE_PMD_REGISTER_PCI_TABLE(net_virtio, virtio_pci_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_virtio, "* igb_uio | uio_pci_generic | vfio-pci");
RTE_PMD_REGISTER_PARAM_STRING(net_virtio, VIRTIO_ARG_FORCE_LEGACY "=0|1");
