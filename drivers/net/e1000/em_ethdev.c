/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_e1000_em: a poll-mode driver for the Intel 82540EM (QEMU's "e1000"), detachable.
 *
 * Teardown order is the point of this driver's design: the device stops all DMA (receive and
 * transmit disabled, then a full reset) before any memory it could write is freed, and the PCI
 * bus removes its mappings only after remove returned. So a detach, even under traffic on other
 * ports, can never let the NIC write into freed memory.
 */
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <ethdev_driver.h>
#include <ethdev_pci.h>
#include <bus_pci_driver.h>

#include "em_private.h"

RTE_LOG_REGISTER_DEFAULT(em_logtype, NOTICE);

#define E1000_VENDOR_ID 0x8086
#define E1000_DEV_ID_82540EM 0x100E

static const struct rte_pci_id em_pci_ids[] = {
	{ RTE_PCI_DEVICE(E1000_VENDOR_ID, E1000_DEV_ID_82540EM) },
	{ .vendor_id = 0 },
};

/* Quiesce: no more DMA, no interrupts. Safe on a device that has gone away. */
static void
em_hw_stop_dma(struct em_hw *hw)
{
	em_write(hw, E1000_IMC, 0xffffffff);
	em_write(hw, E1000_RCTL, 0);
	em_write(hw, E1000_TCTL, 0);
	/* Let descriptors in flight complete before the rings can be reused or freed. */
	rte_delay_us_sleep(1000);
}

/* Full reset; returns once the device has left reset (or after 10 ms). */
static void
em_hw_reset(struct em_hw *hw)
{
	int i;

	em_hw_stop_dma(hw);
	em_write(hw, E1000_CTRL, em_read(hw, E1000_CTRL) | E1000_CTRL_RST);
	for (i = 0; i < 100; i++) {
		rte_delay_us_sleep(100);
		if (!(em_read(hw, E1000_CTRL) & E1000_CTRL_RST))
			break;
	}
	em_write(hw, E1000_IMC, 0xffffffff);
	(void)em_read(hw, E1000_ICR);
}

static int
em_eeprom_read(struct em_hw *hw, uint16_t word, uint16_t *data)
{
	uint32_t v;
	int i;

	em_write(hw, E1000_EERD, E1000_EERD_START | ((uint32_t)word << E1000_EERD_ADDR_SHIFT));
	for (i = 0; i < 1000; i++) {
		v = em_read(hw, E1000_EERD);
		if (v & E1000_EERD_DONE) {
			*data = (uint16_t)(v >> E1000_EERD_DATA_SHIFT);
			return 0;
		}
		rte_delay_us_block(5);
	}
	return -ETIMEDOUT;
}

/* MAC address: receive address 0 as loaded at reset, else the EEPROM's first three words. */
static int
em_read_mac(struct em_hw *hw, struct rte_ether_addr *mac)
{
	uint32_t ral = em_read(hw, E1000_RAL0), rah = em_read(hw, E1000_RAH0);
	uint16_t w[3];
	int i;

	if (rah & E1000_RAH_AV) {
		for (i = 0; i < 4; i++)
			mac->addr_bytes[i] = (uint8_t)(ral >> (8 * i));
		mac->addr_bytes[4] = (uint8_t)rah;
		mac->addr_bytes[5] = (uint8_t)(rah >> 8);
		if (rte_is_valid_assigned_ether_addr(mac))
			return 0;
	}
	for (i = 0; i < 3; i++)
		if (em_eeprom_read(hw, (uint16_t)i, &w[i]) != 0)
			return -EIO;
	for (i = 0; i < 3; i++) {
		mac->addr_bytes[2 * i] = (uint8_t)w[i];
		mac->addr_bytes[2 * i + 1] = (uint8_t)(w[i] >> 8);
	}
	return rte_is_valid_assigned_ether_addr(mac) ? 0 : -EINVAL;
}

static void
em_write_mac(struct em_hw *hw, const struct rte_ether_addr *mac)
{
	const uint8_t *b = mac->addr_bytes;

	em_write(hw, E1000_RAL0, b[0] | (b[1] << 8) | (b[2] << 16) | ((uint32_t)b[3] << 24));
	em_write(hw, E1000_RAH0, b[4] | (b[5] << 8) | E1000_RAH_AV);
}

static void
em_stats_update(struct em_adapter *ad)
{
	struct em_hw *hw = &ad->hw;
	struct em_stats *s = &ad->stats;

	s->crcerrs += em_read(hw, E1000_CRCERRS);
	s->rxerrc += em_read(hw, E1000_RXERRC);
	s->mpc += em_read(hw, E1000_MPC);
	s->rnbc += em_read(hw, E1000_RNBC);
	s->gprc += em_read(hw, E1000_GPRC);
	s->gptc += em_read(hw, E1000_GPTC);
	/* The 64-bit octet counters latch when their low half is read first. */
	s->gorc += em_read(hw, E1000_GORCL);
	s->gorc += (uint64_t)em_read(hw, E1000_GORCH) << 32;
	s->gotc += em_read(hw, E1000_GOTCL);
	s->gotc += (uint64_t)em_read(hw, E1000_GOTCH) << 32;
}

static int
em_dev_configure(struct rte_eth_dev *dev)
{
	return 0;
}

static int
em_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_mac_addrs = 1;
	info->min_rx_bufsize = 256;
	info->max_rx_pktlen = RTE_ETHER_MAX_LEN;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = RTE_ETHER_MTU;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->rx_desc_lim.nb_max = EM_MAX_RING_DESC;
	info->rx_desc_lim.nb_min = EM_MIN_RING_DESC;
	info->rx_desc_lim.nb_align = EM_RING_DESC_MULT;
	info->tx_desc_lim = info->rx_desc_lim;
	info->speed_capa = RTE_ETH_LINK_SPEED_10M_HD | RTE_ETH_LINK_SPEED_10M |
		RTE_ETH_LINK_SPEED_100M_HD | RTE_ETH_LINK_SPEED_100M | RTE_ETH_LINK_SPEED_1G;
	info->default_rxportconf.ring_size = 256;
	info->default_txportconf.ring_size = 256;
	return 0;
}

static int
em_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	struct em_adapter *ad = dev->data->dev_private;
	struct rte_eth_link link;
	uint32_t status = em_read(&ad->hw, E1000_STATUS);
	static const uint32_t speeds[] = {
		RTE_ETH_SPEED_NUM_10M, RTE_ETH_SPEED_NUM_100M, RTE_ETH_SPEED_NUM_1G,
		RTE_ETH_SPEED_NUM_1G,
	};

	memset(&link, 0, sizeof(link));
	link.link_autoneg = RTE_ETH_LINK_AUTONEG;
	if (dev->data->dev_started && (status & E1000_STATUS_LU) && status != 0xffffffff) {
		link.link_status = RTE_ETH_LINK_UP;
		link.link_duplex = (status & E1000_STATUS_FD) ? RTE_ETH_LINK_FULL_DUPLEX :
			RTE_ETH_LINK_HALF_DUPLEX;
		link.link_speed = speeds[(status & E1000_STATUS_SPEED_MASK) >>
			E1000_STATUS_SPEED_SHIFT];
	}
	return rte_eth_linkstatus_set(dev, &link);
}

/*
 * Unicast and multicast filtering. ethdev records the new mode after the driver op returns, so
 * the ops pass the requested state in rather than reading data->promiscuous.
 */
static void
em_apply_rx_mode(struct rte_eth_dev *dev, int promisc, int allmulti)
{
	struct em_adapter *ad = dev->data->dev_private;
	uint32_t rctl = ad->rctl & ~(E1000_RCTL_UPE | E1000_RCTL_MPE);

	if (promisc)
		rctl |= E1000_RCTL_UPE | E1000_RCTL_MPE;
	else if (allmulti)
		rctl |= E1000_RCTL_MPE;
	ad->rctl = rctl;
	if (dev->data->dev_started)
		em_write(&ad->hw, E1000_RCTL, rctl | E1000_RCTL_EN);
}

static int
em_promiscuous_enable(struct rte_eth_dev *dev)
{
	em_apply_rx_mode(dev, 1, dev->data->all_multicast);
	return 0;
}

static int
em_promiscuous_disable(struct rte_eth_dev *dev)
{
	em_apply_rx_mode(dev, 0, dev->data->all_multicast);
	return 0;
}

static int
em_allmulticast_enable(struct rte_eth_dev *dev)
{
	em_apply_rx_mode(dev, dev->data->promiscuous, 1);
	return 0;
}

static int
em_allmulticast_disable(struct rte_eth_dev *dev)
{
	em_apply_rx_mode(dev, dev->data->promiscuous, 0);
	return 0;
}

static int
em_dev_start(struct rte_eth_dev *dev)
{
	struct em_adapter *ad = dev->data->dev_private;
	struct em_hw *hw = &ad->hw;
	int ret;

	em_hw_reset(hw);
	em_write(hw, E1000_CTRL, (em_read(hw, E1000_CTRL) | E1000_CTRL_SLU | E1000_CTRL_ASDE) &
		~(E1000_CTRL_LRST | E1000_CTRL_PHY_RST));
	em_write_mac(hw, &ad->mac);
	for (unsigned int i = 0; i < 128; i++)
		em_write(hw, E1000_MTA + 4 * i, 0);
	/* The reset cleared the statistics registers: fold nothing stale into the totals. */
	em_tx_init(dev);
	ret = em_rx_init(dev);
	if (ret != 0) {
		em_hw_reset(hw);
		return ret;
	}
	em_apply_rx_mode(dev, dev->data->promiscuous, dev->data->all_multicast);
	em_link_update(dev, 0);
	return 0;
}

static int
em_dev_stop(struct rte_eth_dev *dev)
{
	struct em_adapter *ad = dev->data->dev_private;
	struct rte_eth_link link;
	uint16_t q;

	em_stats_update(ad);
	em_hw_reset(&ad->hw);
	/* DMA is off: the buffers behind the descriptors can go back to their pools. */
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		if (dev->data->rx_queues[q] != NULL)
			em_rx_queue_drain(dev->data->rx_queues[q]);
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		if (dev->data->tx_queues[q] != NULL)
			em_tx_queue_drain(dev->data->tx_queues[q]);
	memset(&link, 0, sizeof(link));
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static int
em_dev_close(struct rte_eth_dev *dev)
{
	struct em_adapter *ad = dev->data->dev_private;

	/* ethdev releases the queues after this returns; the device must not touch them. */
	em_hw_reset(&ad->hw);
	return 0;
}

static int
em_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	struct em_adapter *ad = dev->data->dev_private;
	const struct em_stats *s = &ad->stats, *b = &ad->stats_base;
	uint16_t q;

	if (dev->data->dev_started)
		em_stats_update(ad);
	st->ipackets = s->gprc - b->gprc;
	st->opackets = s->gptc - b->gptc;
	st->ibytes = s->gorc - b->gorc;
	st->obytes = s->gotc - b->gotc;
	st->imissed = s->mpc - b->mpc;
	st->ierrors = (s->crcerrs - b->crcerrs) + (s->rxerrc - b->rxerrc);
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct em_rx_queue *rxq = dev->data->rx_queues[q];

		if (rxq != NULL)
			st->rx_nombuf += rxq->nombuf;
	}
	st->q_ipackets[0] = st->ipackets;
	st->q_opackets[0] = st->opackets;
	st->q_ibytes[0] = st->ibytes;
	st->q_obytes[0] = st->obytes;
	return 0;
}

static int
em_stats_reset(struct rte_eth_dev *dev)
{
	struct em_adapter *ad = dev->data->dev_private;
	uint16_t q;

	if (dev->data->dev_started)
		em_stats_update(ad);
	ad->stats_base = ad->stats;
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		struct em_rx_queue *rxq = dev->data->rx_queues[q];

		if (rxq != NULL)
			rxq->nombuf = 0;
	}
	return 0;
}

static int
em_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct em_adapter *ad = dev->data->dev_private;

	rte_ether_addr_copy(addr, &ad->mac);
	em_write_mac(&ad->hw, addr);
	return 0;
}

static const uint32_t *
em_supported_ptypes(struct rte_eth_dev *dev)
{
	static const uint32_t ptypes[] = { RTE_PTYPE_UNKNOWN };

	return ptypes;
}

static const struct eth_dev_ops em_ops = {
	.dev_configure = em_dev_configure,
	.dev_start = em_dev_start,
	.dev_stop = em_dev_stop,
	.dev_close = em_dev_close,
	.dev_infos_get = em_dev_infos_get,
	.dev_supported_ptypes_get = em_supported_ptypes,
	.link_update = em_link_update,
	.promiscuous_enable = em_promiscuous_enable,
	.promiscuous_disable = em_promiscuous_disable,
	.allmulticast_enable = em_allmulticast_enable,
	.allmulticast_disable = em_allmulticast_disable,
	.mac_addr_set = em_mac_addr_set,
	.stats_get = em_stats_get,
	.stats_reset = em_stats_reset,
	.rx_queue_setup = em_rx_queue_setup,
	.rx_queue_release = em_rx_queue_release,
	.tx_queue_setup = em_tx_queue_setup,
	.tx_queue_release = em_tx_queue_release,
};

static int
em_dev_init(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct em_adapter *ad = dev->data->dev_private;
	struct em_hw *hw = &ad->hw;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		/* the primary set the device up; its BAR is at the same address here */
		dev->dev_ops = &em_ops;
		dev->rx_pkt_burst = em_recv_pkts;
		dev->tx_pkt_burst = em_xmit_pkts;
		return 0;
	}
	hw->regs = pci->mem_resource[0].addr;
	hw->device_id = pci->id.device_id;
	if (hw->regs == NULL) {
		EM_LOG(ERR, "%s: BAR0 is not mapped", pci->device.name);
		return -ENODEV;
	}
	if (em_read(hw, E1000_STATUS) == 0xffffffff) {
		EM_LOG(ERR, "%s: device does not answer (removed?)", pci->device.name);
		return -ENODEV;
	}
	em_hw_reset(hw);
	if (em_read_mac(hw, &ad->mac) != 0) {
		EM_LOG(NOTICE, "%s: no valid MAC address in the device, using a random one",
			pci->device.name);
		rte_eth_random_addr(ad->mac.addr_bytes);
	}
	ad->rctl = E1000_RCTL_BAM | E1000_RCTL_SECRC;
	dev->data->mac_addrs = rte_zmalloc("e1000_mac", sizeof(struct rte_ether_addr), 0);
	if (dev->data->mac_addrs == NULL)
		return -ENOMEM;
	rte_ether_addr_copy(&ad->mac, dev->data->mac_addrs);
	dev->dev_ops = &em_ops;
	dev->rx_pkt_burst = em_recv_pkts;
	dev->tx_pkt_burst = em_xmit_pkts;
	/* Bus mastering may have been left off by the kernel driver the device came from. */
	rte_pci_set_bus_master(pci, true);
	EM_LOG(INFO, "%s: port %u, MAC " RTE_ETHER_ADDR_PRT_FMT, pci->device.name,
		dev->data->port_id, RTE_ETHER_ADDR_BYTES(&ad->mac));
	return 0;
}

static int
em_pci_probe(struct rte_pci_driver *drv, struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_probe(pci, sizeof(struct em_adapter), em_dev_init);
}

static int
em_dev_uninit(struct rte_eth_dev *dev)
{
	struct em_adapter *ad = dev->data->dev_private;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0; /* the device stays the primary's */
	if (!dev->data->dev_closed)
		rte_eth_dev_close(dev->data->port_id);
	/* Nothing may reach memory through this device any more: reset it, stop bus mastering. */
	em_hw_reset(&ad->hw);
	rte_pci_set_bus_master(RTE_ETH_DEV_TO_PCI(dev), false);
	return 0;
}

static int
em_pci_remove(struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_remove(pci, em_dev_uninit);
}

static struct rte_pci_driver em_pmd = {
	.id_table = em_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_DETACHABLE,
	.probe = em_pci_probe,
	.remove = em_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_e1000_em, em_pmd);
RTE_PMD_REGISTER_PCI_TABLE(net_e1000_em, em_pci_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_e1000_em, "* igb_uio | uio_pci_generic | vfio-pci");
