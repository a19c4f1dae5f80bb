/* SPDX-License-Identifier: BSD-3-Clause */
/* Port settings and counters: MAC, receive modes, link, statistics, MTU, packet types. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_mbuf_ptype.h>

#include "ethdev_private.h"

int
rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	if (mac_addr == NULL || dev->data->mac_addrs == NULL) {
		ETHDEV_LOG(ERR, "MAC of port %u: %s", port_id,
				mac_addr == NULL ? "NULL buffer" : "port has no address");
		return -EINVAL;
	}
	rte_ether_addr_copy(&dev->data->mac_addrs[0], mac_addr);
	return 0;
}

/* Shared logic of the four receive-mode switches. */
static int
set_rx_mode(uint16_t port_id, int promisc, int enable)
{
	struct rte_eth_dev *dev = &rte_eth_devices[port_id];
	int (*op)(struct rte_eth_dev *);
	int cur, ret;

	if (promisc) {
		cur = dev->data->promiscuous;
		op = enable ? dev->dev_ops->promiscuous_enable : dev->dev_ops->promiscuous_disable;
	} else {
		cur = dev->data->all_multicast;
		op = enable ? dev->dev_ops->allmulticast_enable :
				dev->dev_ops->allmulticast_disable;
	}
	if (cur == enable)
		return 0;
	if (op == NULL)
		return -ENOTSUP;
	eth_dev_lock();
	ret = op(dev);
	if (ret == 0) {
		if (promisc)
			dev->data->promiscuous = enable;
		else
			dev->data->all_multicast = enable;
	}
	eth_dev_unlock();
	return ret;
}

int
rte_eth_promiscuous_enable(uint16_t port_id)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	return set_rx_mode(port_id, 1, 1);
}

int
rte_eth_promiscuous_disable(uint16_t port_id)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	return set_rx_mode(port_id, 1, 0);
}

int
rte_eth_promiscuous_get(uint16_t port_id)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -1);
	return rte_eth_devices[port_id].data->promiscuous;
}

int
rte_eth_allmulticast_enable(uint16_t port_id)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	return set_rx_mode(port_id, 0, 1);
}

int
rte_eth_allmulticast_disable(uint16_t port_id)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	return set_rx_mode(port_id, 0, 0);
}

int
rte_eth_allmulticast_get(uint16_t port_id)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -1);
	return rte_eth_devices[port_id].data->all_multicast;
}

static int
link_get(uint16_t port_id, struct rte_eth_link *link, int wait)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (link == NULL) {
		ETHDEV_LOG(ERR, "link of port %u: NULL buffer", port_id);
		return -EINVAL;
	}
	dev = &rte_eth_devices[port_id];
	if (dev->data->dev_conf.intr_conf.lsc == 0 || !dev->data->dev_started) {
		if (dev->dev_ops->link_update == NULL)
			return -ENOTSUP;
		dev->dev_ops->link_update(dev, wait);
	}
	rte_eth_linkstatus_get(dev, link);
	return 0;
}

int
rte_eth_link_get(uint16_t port_id, struct rte_eth_link *link)
{
	return link_get(port_id, link, 1);
}

int
rte_eth_link_get_nowait(uint16_t port_id, struct rte_eth_link *link)
{
	return link_get(port_id, link, 0);
}

const char *
rte_eth_link_speed_to_str(uint32_t link_speed)
{
	switch (link_speed) {
	case RTE_ETH_SPEED_NUM_NONE: return "None";
	case RTE_ETH_SPEED_NUM_10M: return "10 Mbps";
	case RTE_ETH_SPEED_NUM_100M: return "100 Mbps";
	case RTE_ETH_SPEED_NUM_1G: return "1 Gbps";
	case RTE_ETH_SPEED_NUM_2_5G: return "2.5 Gbps";
	case RTE_ETH_SPEED_NUM_5G: return "5 Gbps";
	case RTE_ETH_SPEED_NUM_10G: return "10 Gbps";
	case RTE_ETH_SPEED_NUM_20G: return "20 Gbps";
	case RTE_ETH_SPEED_NUM_25G: return "25 Gbps";
	case RTE_ETH_SPEED_NUM_40G: return "40 Gbps";
	case RTE_ETH_SPEED_NUM_50G: return "50 Gbps";
	case RTE_ETH_SPEED_NUM_56G: return "56 Gbps";
	case RTE_ETH_SPEED_NUM_100G: return "100 Gbps";
	case RTE_ETH_SPEED_NUM_200G: return "200 Gbps";
	case RTE_ETH_SPEED_NUM_UNKNOWN: return "Unknown";
	default: return "Invalid";
	}
}

int
rte_eth_link_to_str(char *str, size_t len, const struct rte_eth_link *eth_link)
{
	int n;

	if (str == NULL || len == 0 || eth_link == NULL) {
		ETHDEV_LOG(ERR, "link to string: NULL or empty buffer");
		return -EINVAL;
	}
	if (eth_link->link_status == RTE_ETH_LINK_DOWN)
		n = snprintf(str, len, "Link down");
	else
		n = snprintf(str, len, "Link up at %s %s %s",
				rte_eth_link_speed_to_str(eth_link->link_speed),
				eth_link->link_duplex == RTE_ETH_LINK_FULL_DUPLEX ? "FDX" : "HDX",
				eth_link->link_autoneg == RTE_ETH_LINK_AUTONEG ?
					"Autoneg" : "Fixed");
	return n;
}

int
rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (stats == NULL) {
		ETHDEV_LOG(ERR, "stats of port %u: NULL buffer", port_id);
		return -EINVAL;
	}
	dev = &rte_eth_devices[port_id];
	memset(stats, 0, sizeof(*stats));
	if (dev->dev_ops->stats_get == NULL)
		return -ENOTSUP;
	stats->rx_nombuf = dev->data->rx_mbuf_alloc_failed;
	ret = dev->dev_ops->stats_get(dev, stats);
	return ret;
}

int
rte_eth_stats_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->stats_reset == NULL)
		return -ENOTSUP;
	ret = dev->dev_ops->stats_reset(dev);
	if (ret == 0)
		dev->data->rx_mbuf_alloc_failed = 0;
	return ret;
}

/* Extended statistics: the basic counters under fixed names, then the driver's own. */
struct xstat_basic {
	const char *name;
	size_t offset;
};

static const struct xstat_basic xstats_basic[] = {
	{ "rx_good_packets", offsetof(struct rte_eth_stats, ipackets) },
	{ "tx_good_packets", offsetof(struct rte_eth_stats, opackets) },
	{ "rx_good_bytes", offsetof(struct rte_eth_stats, ibytes) },
	{ "tx_good_bytes", offsetof(struct rte_eth_stats, obytes) },
	{ "rx_missed_errors", offsetof(struct rte_eth_stats, imissed) },
	{ "rx_errors", offsetof(struct rte_eth_stats, ierrors) },
	{ "tx_errors", offsetof(struct rte_eth_stats, oerrors) },
	{ "rx_mbuf_allocation_errors", offsetof(struct rte_eth_stats, rx_nombuf) },
};
#define NB_XSTATS_BASIC RTE_DIM(xstats_basic)

static int
driver_xstats_count(struct rte_eth_dev *dev)
{
	if (dev->dev_ops->xstats_get_names == NULL)
		return 0;
	return dev->dev_ops->xstats_get_names(dev, NULL, 0);
}

int
rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *xstats_names,
		unsigned int size)
{
	struct rte_eth_dev *dev;
	unsigned int i;
	int nb_drv, total, ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	nb_drv = driver_xstats_count(dev);
	if (nb_drv < 0)
		return nb_drv;
	total = (int)NB_XSTATS_BASIC + nb_drv;
	if (xstats_names == NULL || size < (unsigned int)total)
		return total;
	for (i = 0; i < NB_XSTATS_BASIC; i++)
		snprintf(xstats_names[i].name, sizeof(xstats_names[i].name), "%s",
				xstats_basic[i].name);
	if (nb_drv > 0) {
		ret = dev->dev_ops->xstats_get_names(dev, xstats_names + NB_XSTATS_BASIC,
				size - NB_XSTATS_BASIC);
		if (ret < 0)
			return ret;
	}
	return total;
}

int
rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n)
{
	struct rte_eth_dev *dev;
	struct rte_eth_stats stats;
	unsigned int i;
	int nb_drv, total, ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	nb_drv = driver_xstats_count(dev);
	if (nb_drv < 0)
		return nb_drv;
	total = (int)NB_XSTATS_BASIC + nb_drv;
	if (xstats == NULL || n < (unsigned int)total)
		return total;
	ret = rte_eth_stats_get(port_id, &stats);
	if (ret != 0 && ret != -ENOTSUP)
		return ret;
	for (i = 0; i < NB_XSTATS_BASIC; i++) {
		xstats[i].id = i;
		memcpy(&xstats[i].value, (const char *)&stats + xstats_basic[i].offset,
				sizeof(uint64_t));
	}
	if (nb_drv > 0) {
		ret = dev->dev_ops->xstats_get(dev, xstats + NB_XSTATS_BASIC,
				n - NB_XSTATS_BASIC);
		if (ret < 0)
			return ret;
		for (i = NB_XSTATS_BASIC; i < (unsigned int)total; i++)
			xstats[i].id = i;
	}
	return total;
}

int
rte_eth_xstats_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->xstats_reset != NULL) {
		int ret = dev->dev_ops->xstats_reset(dev);

		if (ret != 0)
			return ret;
	}
	return rte_eth_stats_reset(port_id);
}

int
rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu)
{
	struct rte_eth_dev *dev;
	struct rte_eth_dev_info info;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->mtu_set == NULL)
		return -ENOTSUP;
	/* Without dev_infos_get the driver has no limits to check against. */
	if (dev->dev_ops->dev_infos_get != NULL) {
		uint32_t overhead;

		ret = rte_eth_dev_info_get(port_id, &info);
		if (ret != 0)
			return ret;
		if (mtu < info.min_mtu || mtu > info.max_mtu) {
			ETHDEV_LOG(ERR, "set MTU of port %u: %u outside %u..%u", port_id, mtu,
					info.min_mtu, info.max_mtu);
			return -EINVAL;
		}
		/* Layer 2 overhead: what the driver's limits imply, else header and CRC. */
		if (info.max_mtu != UINT16_MAX && info.max_rx_pktlen > info.max_mtu)
			overhead = info.max_rx_pktlen - info.max_mtu;
		else
			overhead = RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN;
		if ((uint32_t)mtu + overhead > info.max_rx_pktlen) {
			ETHDEV_LOG(ERR, "set MTU of port %u: frames of %u bytes above %u", port_id,
					mtu + overhead, info.max_rx_pktlen);
			return -EINVAL;
		}
	}
	if (!dev->data->dev_configured) {
		ETHDEV_LOG(ERR, "set MTU of port %u: configure the port first", port_id);
		return -EINVAL;
	}
	eth_dev_lock();
	ret = dev->dev_ops->mtu_set(dev, mtu);
	if (ret == 0) {
		dev->data->mtu = mtu;
		dev->data->dev_conf.rxmode.mtu = mtu;
	}
	eth_dev_unlock();
	return eth_err(port_id, ret);
}

int
rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (mtu == NULL) {
		ETHDEV_LOG(ERR, "MTU of port %u: NULL buffer", port_id);
		return -EINVAL;
	}
	*mtu = rte_eth_devices[port_id].data->mtu;
	return 0;
}

/* A packet type is wanted when one of its layer values falls in the mask. */
static int
ptype_in_mask(uint32_t ptype, uint32_t mask)
{
	return (ptype & mask) != 0;
}

int
rte_eth_dev_get_supported_ptypes(uint16_t port_id, uint32_t ptype_mask, uint32_t *ptypes,
		int num)
{
	struct rte_eth_dev *dev;
	const uint32_t *all;
	int i, j = 0;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (num > 0 && ptypes == NULL) {
		ETHDEV_LOG(ERR, "ptypes of port %u: NULL array for %d entries", port_id, num);
		return -EINVAL;
	}
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->dev_supported_ptypes_get == NULL)
		return 0;
	all = dev->dev_ops->dev_supported_ptypes_get(dev);
	for (i = 0; all != NULL && all[i] != RTE_PTYPE_UNKNOWN; i++) {
		if (!ptype_in_mask(all[i], ptype_mask))
			continue;
		if (j < num)
			ptypes[j] = all[i];
		j++;
	}
	return j;
}

int
rte_eth_dev_set_ptypes(uint16_t port_id, uint32_t ptype_mask, uint32_t *set_ptypes,
		unsigned int num)
{
	struct rte_eth_dev *dev;
	const uint32_t *all;
	unsigned int j = 0;
	int i, ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (num > 0 && set_ptypes == NULL) {
		ETHDEV_LOG(ERR, "set ptypes of port %u: NULL array for %u entries", port_id, num);
		return -EINVAL;
	}
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->dev_supported_ptypes_get == NULL ||
	    dev->dev_ops->dev_ptypes_set == NULL) {
		/* Nothing to disable: the port keeps recognising what it recognises. */
		if (num > 0)
			set_ptypes[0] = RTE_PTYPE_UNKNOWN;
		return 0;
	}
	ret = dev->dev_ops->dev_ptypes_set(dev, ptype_mask);
	if (ret != 0)
		return ret;
	all = dev->dev_ops->dev_supported_ptypes_get(dev);
	for (i = 0; ptype_mask != 0 && all != NULL && all[i] != RTE_PTYPE_UNKNOWN; i++)
		if (ptype_in_mask(all[i], ptype_mask) && j + 1 < num)
			set_ptypes[j++] = all[i];
	if (j < num)
		set_ptypes[j] = RTE_PTYPE_UNKNOWN;
	return 0;
}

/* Total number of xstats (generic and driver's), or negative errno. */
static int
xstats_count(uint16_t port_id)
{
	return rte_eth_xstats_get_names(port_id, NULL, 0);
}

int
rte_eth_xstats_get_names_by_id(uint16_t port_id, struct rte_eth_xstat_name *xstats_names,
		unsigned int size, uint64_t *ids)
{
	struct rte_eth_xstat_name *all;
	unsigned int i, total;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	ret = xstats_count(port_id);
	if (ret < 0)
		return ret;
	total = (unsigned int)ret;
	if (ids == NULL) {
		if (xstats_names == NULL || size < total)
			return (int)total;
		ret = rte_eth_xstats_get_names(port_id, xstats_names, total);
		return ret < 0 || ret > (int)total ? ret : (int)total;
	}
	if (xstats_names == NULL) {
		ETHDEV_LOG(ERR, "xstats names by id of port %u: NULL names array", port_id);
		return -EINVAL;
	}
	all = calloc(RTE_MAX(total, 1u), sizeof(*all));
	if (all == NULL) {
		ETHDEV_LOG(ERR, "xstats names by id of port %u: out of memory", port_id);
		return -ENOMEM;
	}
	ret = rte_eth_xstats_get_names(port_id, all, total);
	if (ret < 0) {
		free(all);
		return ret;
	}
	for (i = 0; i < size; i++) {
		if (ids[i] >= total) {
			ETHDEV_LOG(ERR, "xstats names by id of port %u: id %" PRIu64
					" out of range (%u xstats)", port_id, ids[i], total);
			free(all);
			return -1;
		}
		xstats_names[i] = all[ids[i]];
	}
	free(all);
	return (int)size;
}

int
rte_eth_xstats_get_by_id(uint16_t port_id, const uint64_t *ids, uint64_t *values,
		unsigned int size)
{
	struct rte_eth_xstat *all;
	unsigned int i, total, filled;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	ret = xstats_count(port_id);
	if (ret < 0)
		return ret;
	total = (unsigned int)ret;
	if (ids == NULL && (values == NULL || size < total))
		return (int)total;
	if (values == NULL) {
		ETHDEV_LOG(ERR, "xstats by id of port %u: NULL values array", port_id);
		return -EINVAL;
	}
	all = calloc(RTE_MAX(total, 1u), sizeof(*all));
	if (all == NULL) {
		ETHDEV_LOG(ERR, "xstats by id of port %u: out of memory", port_id);
		return -ENOMEM;
	}
	ret = rte_eth_xstats_get(port_id, all, total);
	if (ret < 0) {
		free(all);
		return ret;
	}
	filled = RTE_MIN((unsigned int)ret, total);
	if (ids == NULL) {
		for (i = 0; i < filled; i++)
			values[i] = all[i].value;
		free(all);
		return (int)total;
	}
	for (i = 0; i < size; i++) {
		if (ids[i] >= filled) {
			ETHDEV_LOG(ERR, "xstats by id of port %u: id %" PRIu64
					" out of range (%u xstats)", port_id, ids[i], total);
			free(all);
			return -1;
		}
		values[i] = all[ids[i]].value;
	}
	free(all);
	return (int)size;
}

int
rte_eth_xstats_get_id_by_name(uint16_t port_id, const char *xstat_name, uint64_t *id)
{
	struct rte_eth_xstat_name *names;
	int n, i;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (id == NULL || xstat_name == NULL) {
		ETHDEV_LOG(ERR, "xstat id by name of port %u: NULL %s", port_id,
				id == NULL ? "id" : "name");
		return -ENOMEM;
	}
	n = rte_eth_xstats_get_names_by_id(port_id, NULL, 0, NULL);
	if (n < 0) {
		ETHDEV_LOG(ERR, "xstat id by name of port %u: cannot count xstats", port_id);
		return -ENODEV;
	}
	names = calloc(RTE_MAX(n, 1), sizeof(*names));
	if (names == NULL)
		return -ENOMEM;
	if (rte_eth_xstats_get_names_by_id(port_id, names, (unsigned int)n, NULL) != n) {
		ETHDEV_LOG(ERR, "xstat id by name of port %u: cannot read xstat names", port_id);
		free(names);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (strcmp(names[i].name, xstat_name) == 0) {
			*id = (uint64_t)i;
			free(names);
			return 0;
		}
	}
	free(names);
	return -EINVAL;
}
