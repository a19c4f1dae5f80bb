/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Control calls that check their arguments and hand over to one driver operation: queues,
 * MAC and VLAN filters, RSS, flow control, timestamping, EEPROM and registers, FEC, LED,
 * interrupts, hairpin, congestion management. Each returns -ENOTSUP when the driver lacks the
 * operation, and -EIO instead of the driver's error when the device has been removed.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

#include "ethdev_private.h"

/* Checks shared by most calls: a valid port, then the operation (logging nothing more). */
#define ETH_DEV_OR_RET(dev, port_id) do { \
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV); \
	(dev) = &rte_eth_devices[port_id]; \
} while (0)

#define ETH_OP_OR_ENOTSUP(dev, op) do { \
	if ((dev)->dev_ops == NULL || (dev)->dev_ops->op == NULL) \
		return -ENOTSUP; \
} while (0)

/* One log line for a NULL pointer argument. */
#define ETH_NULL_ARG_RET(ptr, port_id, what) do { \
	if ((ptr) == NULL) { \
		ETHDEV_LOG(ERR, "%s of port %u: NULL %s", what, (unsigned int)(port_id), #ptr); \
		return -EINVAL; \
	} \
} while (0)

int
eth_err(uint16_t port_id, int ret)
{
	if (ret == 0)
		return 0;
	if (ret < 0 && rte_eth_dev_is_removed(port_id))
		return -EIO;
	return ret;
}

int
rte_eth_dev_is_removed(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, 0);
	dev = &rte_eth_devices[port_id];
	if (dev->state == RTE_ETH_DEV_REMOVED)
		return 1;
	if (dev->dev_ops == NULL || dev->dev_ops->is_removed == NULL)
		return 0;
	ret = dev->dev_ops->is_removed(dev);
	if (ret != 0)
		__atomic_store_n(&dev->state, RTE_ETH_DEV_REMOVED, __ATOMIC_RELEASE);
	return ret;
}

int
rte_eth_dev_conf_get(uint16_t port_id, struct rte_eth_conf *dev_conf)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(dev_conf, port_id, "configuration");
	*dev_conf = dev->data->dev_conf;
	return 0;
}

int
rte_eth_dev_fw_version_get(uint16_t port_id, char *fw_version, size_t fw_size)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	if (fw_version == NULL && fw_size > 0) {
		ETHDEV_LOG(ERR, "firmware version of port %u: NULL buffer of %zu bytes",
				port_id, fw_size);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, fw_version_get);
	return eth_err(port_id, dev->dev_ops->fw_version_get(dev, fw_version, fw_size));
}

int
rte_eth_macaddrs_get(uint16_t port_id, struct rte_ether_addr *ma, unsigned int num)
{
	struct rte_eth_dev *dev;
	struct rte_eth_dev_info info;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	if (ma == NULL || num == 0) {
		ETHDEV_LOG(ERR, "MAC addresses of port %u: %s", port_id,
				ma == NULL ? "NULL array" : "room for none");
		return -EINVAL;
	}
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	if (dev->data->mac_addrs == NULL)
		return 0;
	if (info.max_mac_addrs > 0 && info.max_mac_addrs < num)
		num = info.max_mac_addrs;
	else if (info.max_mac_addrs == 0)
		num = 1;
	memcpy(ma, dev->data->mac_addrs, num * sizeof(*ma));
	return (int)num;
}

/* ---- queues ---- */

static int
check_queue(struct rte_eth_dev *dev, int rx, uint16_t queue_id, const char *what)
{
	uint16_t nb = rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	void **qs = rx ? dev->data->rx_queues : dev->data->tx_queues;

	if (queue_id >= nb) {
		ETHDEV_LOG(ERR, "%s of port %u: %s queue %u, only %u configured", what,
				dev->data->port_id, rx ? "rx" : "tx", queue_id, nb);
		return -EINVAL;
	}
	if (qs == NULL || qs[queue_id] == NULL) {
		ETHDEV_LOG(ERR, "%s of port %u: %s queue %u not set up", what,
				dev->data->port_id, rx ? "rx" : "tx", queue_id);
		return -EINVAL;
	}
	return 0;
}

static int
queue_start_stop(uint16_t port_id, int rx, uint16_t queue_id, int start)
{
	const char *what = start ? "queue start" : "queue stop";
	struct rte_eth_dev *dev;
	eth_queue_start_t op;
	uint8_t *state;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	if (start && !dev->data->dev_started) {
		ETHDEV_LOG(ERR, "%s of port %u: start the port first", what, port_id);
		return -EINVAL;
	}
	ret = check_queue(dev, rx, queue_id, what);
	if (ret != 0)
		return ret;
	if (rx)
		op = start ? dev->dev_ops->rx_queue_start : dev->dev_ops->rx_queue_stop;
	else
		op = start ? dev->dev_ops->tx_queue_start : dev->dev_ops->tx_queue_stop;
	if (op == NULL)
		return -ENOTSUP;
	state = rx ? &dev->data->rx_queue_state[queue_id] : &dev->data->tx_queue_state[queue_id];
	if (*state == RTE_ETH_QUEUE_STATE_HAIRPIN) {
		ETHDEV_LOG(ERR, "%s of port %u: %s queue %u is a hairpin queue", what, port_id,
				rx ? "rx" : "tx", queue_id);
		return -EINVAL;
	}
	if (*state == (start ? RTE_ETH_QUEUE_STATE_STARTED : RTE_ETH_QUEUE_STATE_STOPPED))
		return 0;
	eth_dev_lock();
	ret = op(dev, queue_id);
	if (ret == 0)
		*state = start ? RTE_ETH_QUEUE_STATE_STARTED : RTE_ETH_QUEUE_STATE_STOPPED;
	eth_dev_unlock();
	return eth_err(port_id, ret);
}

int
rte_eth_dev_rx_queue_start(uint16_t port_id, uint16_t rx_queue_id)
{
	return queue_start_stop(port_id, 1, rx_queue_id, 1);
}

int
rte_eth_dev_rx_queue_stop(uint16_t port_id, uint16_t rx_queue_id)
{
	return queue_start_stop(port_id, 1, rx_queue_id, 0);
}

int
rte_eth_dev_tx_queue_start(uint16_t port_id, uint16_t tx_queue_id)
{
	return queue_start_stop(port_id, 0, tx_queue_id, 1);
}

int
rte_eth_dev_tx_queue_stop(uint16_t port_id, uint16_t tx_queue_id)
{
	return queue_start_stop(port_id, 0, tx_queue_id, 0);
}

static int
burst_mode_get(uint16_t port_id, int rx, uint16_t queue_id, struct rte_eth_burst_mode *mode)
{
	struct rte_eth_dev *dev;
	eth_burst_mode_get_t op;
	uint16_t nb;

	ETH_DEV_OR_RET(dev, port_id);
	nb = rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (queue_id >= nb) {
		ETHDEV_LOG(ERR, "burst mode of port %u: no %s queue %u", port_id,
				rx ? "rx" : "tx", queue_id);
		return -EINVAL;
	}
	ETH_NULL_ARG_RET(mode, port_id, "burst mode");
	op = rx ? dev->dev_ops->rx_burst_mode_get : dev->dev_ops->tx_burst_mode_get;
	if (op == NULL)
		return -ENOTSUP;
	memset(mode, 0, sizeof(*mode));
	return eth_err(port_id, op(dev, queue_id, mode));
}

int
rte_eth_rx_burst_mode_get(uint16_t port_id, uint16_t queue_id, struct rte_eth_burst_mode *mode)
{
	return burst_mode_get(port_id, 1, queue_id, mode);
}

int
rte_eth_tx_burst_mode_get(uint16_t port_id, uint16_t queue_id, struct rte_eth_burst_mode *mode)
{
	return burst_mode_get(port_id, 0, queue_id, mode);
}

static int
queue_stats_mapping(uint16_t port_id, uint16_t queue_id, uint8_t stat_idx, uint8_t is_rx)
{
	struct rte_eth_dev *dev;
	uint16_t nb;

	ETH_DEV_OR_RET(dev, port_id);
	nb = is_rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (queue_id >= nb) {
		ETHDEV_LOG(ERR, "stats mapping of port %u: no %s queue %u", port_id,
				is_rx ? "rx" : "tx", queue_id);
		return -EINVAL;
	}
	if (stat_idx >= RTE_ETHDEV_QUEUE_STAT_CNTRS) {
		ETHDEV_LOG(ERR, "stats mapping of port %u: slot %u, at most %u", port_id,
				stat_idx, RTE_ETHDEV_QUEUE_STAT_CNTRS - 1);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, queue_stats_mapping_set);
	return eth_err(port_id,
			dev->dev_ops->queue_stats_mapping_set(dev, queue_id, stat_idx, is_rx));
}

int
rte_eth_dev_set_tx_queue_stats_mapping(uint16_t port_id, uint16_t tx_queue_id, uint8_t stat_idx)
{
	return queue_stats_mapping(port_id, tx_queue_id, stat_idx, 0);
}

int
rte_eth_dev_set_rx_queue_stats_mapping(uint16_t port_id, uint16_t rx_queue_id, uint8_t stat_idx)
{
	return queue_stats_mapping(port_id, rx_queue_id, stat_idx, 1);
}

int
rte_eth_tx_done_cleanup(uint16_t port_id, uint16_t queue_id, uint32_t free_cnt)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ret = check_queue(dev, 0, queue_id, "tx done cleanup");
	if (ret != 0)
		return ret;
	ETH_OP_OR_ENOTSUP(dev, tx_done_cleanup);
	ret = dev->dev_ops->tx_done_cleanup(dev->data->tx_queues[queue_id], free_cnt);
	return eth_err(port_id, ret);
}

/* ---- MAC addresses ---- */

static const struct rte_ether_addr eth_null_mac;

/* Index of addr in the port's address list, or -1. */
static int
mac_index(struct rte_eth_dev *dev, const struct rte_ether_addr *addr, int hashed)
{
	struct rte_eth_dev_info info;
	const struct rte_ether_addr *list;
	uint32_t i, n;

	if (rte_eth_dev_info_get(dev->data->port_id, &info) != 0)
		return -1;
	list = hashed ? dev->data->hash_mac_addrs : dev->data->mac_addrs;
	n = hashed ? info.max_hash_mac_addrs : info.max_mac_addrs;
	for (i = 0; list != NULL && i < n; i++)
		if (rte_is_same_ether_addr(addr, &list[i]))
			return (int)i;
	return -1;
}

int
rte_eth_dev_mac_addr_add(uint16_t port_id, struct rte_ether_addr *addr, uint32_t pool)
{
	struct rte_eth_dev *dev;
	int index, ret;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(addr, port_id, "MAC add");
	ETH_OP_OR_ENOTSUP(dev, mac_addr_add);
	if (rte_is_zero_ether_addr(addr)) {
		ETHDEV_LOG(ERR, "MAC add of port %u: zero address", port_id);
		return -EINVAL;
	}
	if (pool >= RTE_ETH_64_POOLS) {
		ETHDEV_LOG(ERR, "MAC add of port %u: pool %u, at most %d", port_id, pool,
				RTE_ETH_64_POOLS - 1);
		return -EINVAL;
	}
	eth_dev_lock();
	index = mac_index(dev, addr, 0);
	if (index >= 0) {
		ret = 0;
		if (dev->data->mac_pool_sel[index] & RTE_BIT64(pool))
			goto out;
	} else {
		index = mac_index(dev, &eth_null_mac, 0);
		if (index < 0) {
			ETHDEV_LOG(ERR, "MAC add of port %u: address list full", port_id);
			ret = -ENOSPC;
			goto out;
		}
	}
	ret = dev->dev_ops->mac_addr_add(dev, addr, (uint32_t)index, pool);
	if (ret == 0) {
		rte_ether_addr_copy(addr, &dev->data->mac_addrs[index]);
		dev->data->mac_pool_sel[index] |= RTE_BIT64(pool);
	}
out:
	eth_dev_unlock();
	return eth_err(port_id, ret);
}

int
rte_eth_dev_mac_addr_remove(uint16_t port_id, struct rte_ether_addr *addr)
{
	struct rte_eth_dev *dev;
	int index, ret = 0;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(addr, port_id, "MAC remove");
	ETH_OP_OR_ENOTSUP(dev, mac_addr_remove);
	eth_dev_lock();
	index = mac_index(dev, addr, 0);
	if (index == 0) {
		ETHDEV_LOG(ERR, "MAC remove of port %u: cannot remove the default address",
				port_id);
		ret = -EADDRINUSE;
	} else if (index > 0) {
		dev->dev_ops->mac_addr_remove(dev, (uint32_t)index);
		rte_ether_addr_copy(&eth_null_mac, &dev->data->mac_addrs[index]);
		dev->data->mac_pool_sel[index] = 0;
	}
	eth_dev_unlock();
	return ret;
}

int
rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *addr)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(addr, port_id, "set MAC");
	if (!rte_is_valid_assigned_ether_addr(addr)) {
		ETHDEV_LOG(ERR, "set MAC of port %u: invalid address", port_id);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, mac_addr_set);
	if (dev->data->mac_addrs == NULL)
		return -ENOTSUP;
	eth_dev_lock();
	if (mac_index(dev, addr, 0) > 0) {
		eth_dev_unlock();
		ETHDEV_LOG(ERR, "set MAC of port %u: address is a secondary one, remove it first",
				port_id);
		return -EEXIST;
	}
	ret = dev->dev_ops->mac_addr_set(dev, addr);
	if (ret == 0)
		rte_ether_addr_copy(addr, &dev->data->mac_addrs[0]);
	eth_dev_unlock();
	return ret < 0 ? ret : 0;
}

int
rte_eth_dev_set_mc_addr_list(uint16_t port_id, struct rte_ether_addr *mc_addr_set,
		uint32_t nb_mc_addr)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	if (nb_mc_addr > RTE_ETH_NUM_RECEIVE_MAC_ADDR) {
		ETHDEV_LOG(ERR, "multicast list of port %u: %u addresses, at most %d", port_id,
				nb_mc_addr, RTE_ETH_NUM_RECEIVE_MAC_ADDR);
		return -EINVAL;
	}
	if (mc_addr_set == NULL && nb_mc_addr != 0) {
		ETHDEV_LOG(ERR, "multicast list of port %u: NULL list of %u", port_id,
				nb_mc_addr);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, set_mc_addr_list);
	eth_dev_lock();
	ret = dev->dev_ops->set_mc_addr_list(dev, mc_addr_set, nb_mc_addr);
	eth_dev_unlock();
	return eth_err(port_id, ret);
}

int
rte_eth_dev_uc_hash_table_set(uint16_t port_id, struct rte_ether_addr *addr, uint8_t on)
{
	struct rte_eth_dev *dev;
	int index, ret;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(addr, port_id, "unicast hash");
	if (rte_is_zero_ether_addr(addr)) {
		ETHDEV_LOG(ERR, "unicast hash of port %u: zero address", port_id);
		return -EINVAL;
	}
	eth_dev_lock();
	index = mac_index(dev, addr, 1);
	if (index >= 0 && on) {
		ret = 0;
		goto out;
	}
	if (index < 0) {
		if (!on) {
			ETHDEV_LOG(ERR, "unicast hash of port %u: address not in the table",
					port_id);
			ret = -EINVAL;
			goto out;
		}
		index = mac_index(dev, &eth_null_mac, 1);
		if (index < 0) {
			ETHDEV_LOG(ERR, "unicast hash of port %u: table full", port_id);
			ret = -ENOSPC;
			goto out;
		}
	}
	if (dev->dev_ops->uc_hash_table_set == NULL) {
		ret = -ENOTSUP;
		goto out;
	}
	ret = dev->dev_ops->uc_hash_table_set(dev, addr, on);
	if (ret == 0)
		rte_ether_addr_copy(on ? addr : &eth_null_mac, &dev->data->hash_mac_addrs[index]);
out:
	eth_dev_unlock();
	return eth_err(port_id, ret);
}

int
rte_eth_dev_uc_all_hash_table_set(uint16_t port_id, uint8_t on)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_OP_OR_ENOTSUP(dev, uc_all_hash_table_set);
	return eth_err(port_id, dev->dev_ops->uc_all_hash_table_set(dev, on));
}

/* ---- VLAN ---- */

int
rte_eth_dev_vlan_filter(uint16_t port_id, uint16_t vlan_id, int on)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	if (!(dev->data->dev_conf.rxmode.offloads & RTE_ETH_RX_OFFLOAD_VLAN_FILTER)) {
		ETHDEV_LOG(ERR, "VLAN filter of port %u: VLAN filtering is not enabled", port_id);
		return -ENOSYS;
	}
	if (vlan_id > RTE_ETH_VLAN_ID_MAX) {
		ETHDEV_LOG(ERR, "VLAN filter of port %u: id %u above %u", port_id, vlan_id,
				RTE_ETH_VLAN_ID_MAX);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, vlan_filter_set);
	eth_dev_lock();
	ret = dev->dev_ops->vlan_filter_set(dev, vlan_id, on);
	if (ret == 0) {
		uint64_t *word = &dev->data->vlan_filter_conf.ids[vlan_id / 64];

		if (on)
			*word |= RTE_BIT64(vlan_id % 64);
		else
			*word &= ~RTE_BIT64(vlan_id % 64);
	}
	eth_dev_unlock();
	return eth_err(port_id, ret);
}

int
rte_eth_dev_set_vlan_strip_on_queue(uint16_t port_id, uint16_t rx_queue_id, int on)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	if (rx_queue_id >= dev->data->nb_rx_queues) {
		ETHDEV_LOG(ERR, "VLAN strip of port %u: no rx queue %u", port_id, rx_queue_id);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, vlan_strip_queue_set);
	dev->dev_ops->vlan_strip_queue_set(dev, rx_queue_id, on);
	return 0;
}

int
rte_eth_dev_set_vlan_ether_type(uint16_t port_id, enum rte_vlan_type vlan_type,
		uint16_t tag_type)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_OP_OR_ENOTSUP(dev, vlan_tpid_set);
	return eth_err(port_id, dev->dev_ops->vlan_tpid_set(dev, vlan_type, tag_type));
}

/* The VLAN offload bits of the API and the receive offloads they stand for. */
static const struct {
	int api_bit;
	int mask_bit;
	uint64_t offload;
} vlan_offload_map[] = {
	{ RTE_ETH_VLAN_STRIP_OFFLOAD, RTE_ETH_VLAN_STRIP_MASK, RTE_ETH_RX_OFFLOAD_VLAN_STRIP },
	{ RTE_ETH_VLAN_FILTER_OFFLOAD, RTE_ETH_VLAN_FILTER_MASK, RTE_ETH_RX_OFFLOAD_VLAN_FILTER },
	{ RTE_ETH_VLAN_EXTEND_OFFLOAD, RTE_ETH_VLAN_EXTEND_MASK, RTE_ETH_RX_OFFLOAD_VLAN_EXTEND },
	{ RTE_ETH_QINQ_STRIP_OFFLOAD, RTE_ETH_QINQ_STRIP_MASK, RTE_ETH_RX_OFFLOAD_QINQ_STRIP },
};

int
rte_eth_dev_set_vlan_offload(uint16_t port_id, int offload_mask)
{
	struct rte_eth_dev *dev;
	struct rte_eth_dev_info info;
	uint64_t orig, want;
	unsigned int i;
	int mask = 0, ret;

	ETH_DEV_OR_RET(dev, port_id);
	eth_dev_lock();
	orig = dev->data->dev_conf.rxmode.offloads;
	want = orig;
	for (i = 0; i < RTE_DIM(vlan_offload_map); i++) {
		int on = !!(offload_mask & vlan_offload_map[i].api_bit);

		if (on == !!(orig & vlan_offload_map[i].offload))
			continue;
		if (on)
			want |= vlan_offload_map[i].offload;
		else
			want &= ~vlan_offload_map[i].offload;
		mask |= vlan_offload_map[i].mask_bit;
	}
	ret = 0;
	if (mask == 0)
		goto out;
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		goto out;
	if ((want & info.rx_offload_capa) != want) {
		ETHDEV_LOG(ERR, "VLAN offload of port %u: offloads 0x%" PRIx64
				" not supported (capabilities 0x%" PRIx64 ")", port_id,
				want & ~orig & ~info.rx_offload_capa, info.rx_offload_capa);
		ret = -EINVAL;
		goto out;
	}
	if (dev->dev_ops->vlan_offload_set == NULL) {
		ret = -ENOTSUP;
		goto out;
	}
	dev->data->dev_conf.rxmode.offloads = want;
	ret = dev->dev_ops->vlan_offload_set(dev, mask);
	if (ret != 0)
		dev->data->dev_conf.rxmode.offloads = orig;
out:
	eth_dev_unlock();
	return eth_err(port_id, ret);
}

int
rte_eth_dev_get_vlan_offload(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	unsigned int i;
	int ret = 0;

	ETH_DEV_OR_RET(dev, port_id);
	for (i = 0; i < RTE_DIM(vlan_offload_map); i++)
		if (dev->data->dev_conf.rxmode.offloads & vlan_offload_map[i].offload)
			ret |= vlan_offload_map[i].api_bit;
	return ret;
}

int
rte_eth_dev_set_vlan_pvid(uint16_t port_id, uint16_t pvid, int on)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_OP_OR_ENOTSUP(dev, vlan_pvid_set);
	return eth_err(port_id, dev->dev_ops->vlan_pvid_set(dev, pvid, on));
}

/* ---- flow control ---- */

int
rte_eth_dev_flow_ctrl_get(uint16_t port_id, struct rte_eth_fc_conf *fc_conf)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(fc_conf, port_id, "flow control");
	ETH_OP_OR_ENOTSUP(dev, flow_ctrl_get);
	memset(fc_conf, 0, sizeof(*fc_conf));
	return eth_err(port_id, dev->dev_ops->flow_ctrl_get(dev, fc_conf));
}

int
rte_eth_dev_flow_ctrl_set(uint16_t port_id, struct rte_eth_fc_conf *fc_conf)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(fc_conf, port_id, "flow control");
	if (fc_conf->send_xon != 0 && fc_conf->send_xon != 1) {
		ETHDEV_LOG(ERR, "flow control of port %u: send_xon %u, only 0 or 1", port_id,
				fc_conf->send_xon);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, flow_ctrl_set);
	return eth_err(port_id, dev->dev_ops->flow_ctrl_set(dev, fc_conf));
}

int
rte_eth_dev_priority_flow_ctrl_set(uint16_t port_id, struct rte_eth_pfc_conf *pfc_conf)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(pfc_conf, port_id, "priority flow control");
	if (pfc_conf->priority > RTE_ETH_DCB_NUM_USER_PRIORITIES - 1) {
		ETHDEV_LOG(ERR, "priority flow control of port %u: priority %u above %d",
				port_id, pfc_conf->priority, RTE_ETH_DCB_NUM_USER_PRIORITIES - 1);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, priority_flow_ctrl_set);
	return eth_err(port_id, dev->dev_ops->priority_flow_ctrl_set(dev, pfc_conf));
}

int
rte_eth_dev_priority_flow_ctrl_queue_info_get(uint16_t port_id,
		struct rte_eth_pfc_queue_info *pfc_queue_info)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(pfc_queue_info, port_id, "queue PFC info");
	ETH_OP_OR_ENOTSUP(dev, priority_flow_ctrl_queue_info_get);
	return eth_err(port_id,
			dev->dev_ops->priority_flow_ctrl_queue_info_get(dev, pfc_queue_info));
}

int
rte_eth_dev_priority_flow_ctrl_queue_configure(uint16_t port_id,
		struct rte_eth_pfc_queue_conf *conf)
{
	struct rte_eth_pfc_queue_info pfc;
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(conf, port_id, "queue PFC");
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	ret = rte_eth_dev_priority_flow_ctrl_queue_info_get(port_id, &pfc);
	if (ret != 0)
		return ret;
	if (pfc.tc_max == 0) {
		ETHDEV_LOG(ERR, "queue PFC of port %u: not supported", port_id);
		return -ENOTSUP;
	}
	if ((pfc.mode_capa == RTE_ETH_FC_RX_PAUSE && conf->mode == RTE_ETH_FC_TX_PAUSE) ||
	    (pfc.mode_capa == RTE_ETH_FC_TX_PAUSE && conf->mode == RTE_ETH_FC_RX_PAUSE)) {
		ETHDEV_LOG(ERR, "queue PFC of port %u: mode %d not supported", port_id,
				(int)conf->mode);
		return -EINVAL;
	}
	if (conf->mode == RTE_ETH_FC_FULL || conf->mode == RTE_ETH_FC_RX_PAUSE) {
		if (conf->rx_pause.tx_qid >= info.nb_tx_queues ||
		    conf->rx_pause.tc >= pfc.tc_max) {
			ETHDEV_LOG(ERR, "queue PFC of port %u: rx pause tx queue %u / class %u out "
					"of range", port_id, conf->rx_pause.tx_qid,
					conf->rx_pause.tc);
			return -EINVAL;
		}
	}
	if (conf->mode == RTE_ETH_FC_FULL || conf->mode == RTE_ETH_FC_TX_PAUSE) {
		if (conf->tx_pause.rx_qid >= info.nb_rx_queues ||
		    conf->tx_pause.tc >= pfc.tc_max) {
			ETHDEV_LOG(ERR, "queue PFC of port %u: tx pause rx queue %u / class %u out "
					"of range", port_id, conf->tx_pause.rx_qid,
					conf->tx_pause.tc);
			return -EINVAL;
		}
	}
	ETH_OP_OR_ENOTSUP(dev, priority_flow_ctrl_queue_config);
	return eth_err(port_id, dev->dev_ops->priority_flow_ctrl_queue_config(dev, conf));
}

/* ---- RSS ---- */

static int
reta_check_mask(uint16_t port_id, const struct rte_eth_rss_reta_entry64 *reta,
		uint16_t reta_size)
{
	uint16_t i, n = (reta_size + RTE_ETH_RETA_GROUP_SIZE - 1) / RTE_ETH_RETA_GROUP_SIZE;

	for (i = 0; i < n; i++)
		if (reta[i].mask != 0)
			return 0;
	ETHDEV_LOG(ERR, "RETA of port %u: no entry selected by the masks", port_id);
	return -EINVAL;
}

int
rte_eth_dev_rss_reta_update(uint16_t port_id, struct rte_eth_rss_reta_entry64 *reta_conf,
		uint16_t reta_size)
{
	struct rte_eth_dev *dev;
	uint16_t i, nb_rxq;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(reta_conf, port_id, "RETA update");
	if (reta_size == 0) {
		ETHDEV_LOG(ERR, "RETA update of port %u: size 0", port_id);
		return -EINVAL;
	}
	ret = reta_check_mask(port_id, reta_conf, reta_size);
	if (ret != 0)
		return ret;
	nb_rxq = dev->data->nb_rx_queues;
	if (nb_rxq == 0) {
		ETHDEV_LOG(ERR, "RETA update of port %u: no receive queue", port_id);
		return -EINVAL;
	}
	for (i = 0; i < reta_size; i++) {
		const struct rte_eth_rss_reta_entry64 *g = &reta_conf[i / RTE_ETH_RETA_GROUP_SIZE];
		uint16_t s = i % RTE_ETH_RETA_GROUP_SIZE;

		if ((g->mask & RTE_BIT64(s)) && g->reta[s] >= nb_rxq) {
			ETHDEV_LOG(ERR, "RETA update of port %u: entry %u -> queue %u, only %u",
					port_id, i, g->reta[s], nb_rxq);
			return -EINVAL;
		}
	}
	if (!(dev->data->dev_conf.rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG)) {
		ETHDEV_LOG(ERR, "RETA update of port %u: RSS is not configured", port_id);
		return -ENOTSUP;
	}
	ETH_OP_OR_ENOTSUP(dev, reta_update);
	return eth_err(port_id, dev->dev_ops->reta_update(dev, reta_conf, reta_size));
}

int
rte_eth_dev_rss_reta_query(uint16_t port_id, struct rte_eth_rss_reta_entry64 *reta_conf,
		uint16_t reta_size)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(reta_conf, port_id, "RETA query");
	ret = reta_check_mask(port_id, reta_conf, reta_size);
	if (ret != 0)
		return ret;
	ETH_OP_OR_ENOTSUP(dev, reta_query);
	return eth_err(port_id, dev->dev_ops->reta_query(dev, reta_conf, reta_size));
}

int
rte_eth_dev_rss_hash_update(uint16_t port_id, struct rte_eth_rss_conf *rss_conf)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(rss_conf, port_id, "RSS hash update");
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	rss_conf->rss_hf = rte_eth_rss_hf_refine(rss_conf->rss_hf);
	if ((info.flow_type_rss_offloads | rss_conf->rss_hf) != info.flow_type_rss_offloads) {
		ETHDEV_LOG(ERR, "RSS hash update of port %u: hash types 0x%" PRIx64
				" not supported (0x%" PRIx64 ")", port_id, rss_conf->rss_hf,
				info.flow_type_rss_offloads);
		return -EINVAL;
	}
	if (!(dev->data->dev_conf.rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG)) {
		ETHDEV_LOG(ERR, "RSS hash update of port %u: RSS is not configured", port_id);
		return -ENOTSUP;
	}
	ETH_OP_OR_ENOTSUP(dev, rss_hash_update);
	return eth_err(port_id, dev->dev_ops->rss_hash_update(dev, rss_conf));
}

int
rte_eth_dev_rss_hash_conf_get(uint16_t port_id, struct rte_eth_rss_conf *rss_conf)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(rss_conf, port_id, "RSS hash configuration");
	ETH_OP_OR_ENOTSUP(dev, rss_hash_conf_get);
	return eth_err(port_id, dev->dev_ops->rss_hash_conf_get(dev, rss_conf));
}

static int
udp_tunnel(uint16_t port_id, struct rte_eth_udp_tunnel *t, int add)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(t, port_id, "UDP tunnel port");
	if (t->prot_type >= RTE_ETH_TUNNEL_TYPE_MAX) {
		ETHDEV_LOG(ERR, "UDP tunnel port of port %u: unknown tunnel type %u", port_id,
				t->prot_type);
		return -EINVAL;
	}
	if (add) {
		ETH_OP_OR_ENOTSUP(dev, udp_tunnel_port_add);
		return eth_err(port_id, dev->dev_ops->udp_tunnel_port_add(dev, t));
	}
	ETH_OP_OR_ENOTSUP(dev, udp_tunnel_port_del);
	return eth_err(port_id, dev->dev_ops->udp_tunnel_port_del(dev, t));
}

int
rte_eth_dev_udp_tunnel_port_add(uint16_t port_id, struct rte_eth_udp_tunnel *tunnel_udp)
{
	return udp_tunnel(port_id, tunnel_udp, 1);
}

int
rte_eth_dev_udp_tunnel_port_delete(uint16_t port_id, struct rte_eth_udp_tunnel *tunnel_udp)
{
	return udp_tunnel(port_id, tunnel_udp, 0);
}

int
rte_eth_dev_get_dcb_info(uint16_t port_id, struct rte_eth_dcb_info *dcb_info)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(dcb_info, port_id, "DCB info");
	memset(dcb_info, 0, sizeof(*dcb_info));
	ETH_OP_OR_ENOTSUP(dev, get_dcb_info);
	return eth_err(port_id, dev->dev_ops->get_dcb_info(dev, dcb_info));
}

int
rte_eth_set_queue_rate_limit(uint16_t port_id, uint16_t queue_idx, uint32_t tx_rate)
{
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	rte_eth_linkstatus_get(dev, &link);
	if (queue_idx > info.max_tx_queues) {
		ETHDEV_LOG(ERR, "queue rate of port %u: queue %u above %u", port_id, queue_idx,
				info.max_tx_queues);
		return -EINVAL;
	}
	if (tx_rate > link.link_speed) {
		ETHDEV_LOG(ERR, "queue rate of port %u: %u Mbps above the link speed %u",
				port_id, tx_rate, link.link_speed);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, set_queue_rate_limit);
	return eth_err(port_id, dev->dev_ops->set_queue_rate_limit(dev, queue_idx, tx_rate));
}

/* ---- LED, FEC ---- */

int
rte_eth_led_on(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_OP_OR_ENOTSUP(dev, dev_led_on);
	return eth_err(port_id, dev->dev_ops->dev_led_on(dev));
}

int
rte_eth_led_off(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_OP_OR_ENOTSUP(dev, dev_led_off);
	return eth_err(port_id, dev->dev_ops->dev_led_off(dev));
}

int
rte_eth_fec_get_capability(uint16_t port_id, struct rte_eth_fec_capa *speed_fec_capa,
		unsigned int num)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	if (speed_fec_capa == NULL && num > 0) {
		ETHDEV_LOG(ERR, "FEC capabilities of port %u: NULL array of %u", port_id, num);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, fec_get_capability);
	return dev->dev_ops->fec_get_capability(dev, speed_fec_capa, num);
}

int
rte_eth_fec_get(uint16_t port_id, uint32_t *fec_capa)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(fec_capa, port_id, "FEC mode");
	ETH_OP_OR_ENOTSUP(dev, fec_get);
	return eth_err(port_id, dev->dev_ops->fec_get(dev, fec_capa));
}

int
rte_eth_fec_set(uint16_t port_id, uint32_t fec_capa)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	if (fec_capa == 0) {
		ETHDEV_LOG(ERR, "FEC mode of port %u: no mode given", port_id);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, fec_set);
	return eth_err(port_id, dev->dev_ops->fec_set(dev, fec_capa));
}

/* ---- timestamping ---- */

#define ETH_SIMPLE_OP(fname, op) \
int \
fname(uint16_t port_id) \
{ \
	struct rte_eth_dev *dev; \
 \
	ETH_DEV_OR_RET(dev, port_id); \
	ETH_OP_OR_ENOTSUP(dev, op); \
	return eth_err(port_id, dev->dev_ops->op(dev)); \
}

ETH_SIMPLE_OP(rte_eth_timesync_enable, timesync_enable)
ETH_SIMPLE_OP(rte_eth_timesync_disable, timesync_disable)

int
rte_eth_timesync_read_rx_timestamp(uint16_t port_id, struct timespec *timestamp,
		uint32_t flags)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(timestamp, port_id, "rx timestamp");
	ETH_OP_OR_ENOTSUP(dev, timesync_read_rx_timestamp);
	return eth_err(port_id, dev->dev_ops->timesync_read_rx_timestamp(dev, timestamp, flags));
}

int
rte_eth_timesync_read_tx_timestamp(uint16_t port_id, struct timespec *timestamp)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(timestamp, port_id, "tx timestamp");
	ETH_OP_OR_ENOTSUP(dev, timesync_read_tx_timestamp);
	return eth_err(port_id, dev->dev_ops->timesync_read_tx_timestamp(dev, timestamp));
}

int
rte_eth_timesync_adjust_time(uint16_t port_id, int64_t delta)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_OP_OR_ENOTSUP(dev, timesync_adjust_time);
	return eth_err(port_id, dev->dev_ops->timesync_adjust_time(dev, delta));
}

int
rte_eth_timesync_read_time(uint16_t port_id, struct timespec *timestamp)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(timestamp, port_id, "device time");
	ETH_OP_OR_ENOTSUP(dev, timesync_read_time);
	return eth_err(port_id, dev->dev_ops->timesync_read_time(dev, timestamp));
}

int
rte_eth_timesync_write_time(uint16_t port_id, const struct timespec *timestamp)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(timestamp, port_id, "device time");
	ETH_OP_OR_ENOTSUP(dev, timesync_write_time);
	return eth_err(port_id, dev->dev_ops->timesync_write_time(dev, timestamp));
}

int
rte_eth_read_clock(uint16_t port_id, uint64_t *clock)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(clock, port_id, "device clock");
	ETH_OP_OR_ENOTSUP(dev, read_clock);
	return eth_err(port_id, dev->dev_ops->read_clock(dev, clock));
}

/* ---- registers, EEPROM, module ---- */

int
rte_eth_dev_get_reg_info(uint16_t port_id, struct rte_dev_reg_info *info)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(info, port_id, "register dump");
	ETH_OP_OR_ENOTSUP(dev, get_reg);
	return eth_err(port_id, dev->dev_ops->get_reg(dev, info));
}

int
rte_eth_dev_get_eeprom_length(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_OP_OR_ENOTSUP(dev, get_eeprom_length);
	return dev->dev_ops->get_eeprom_length(dev);
}

int
rte_eth_dev_get_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(info, port_id, "EEPROM read");
	ETH_OP_OR_ENOTSUP(dev, get_eeprom);
	return eth_err(port_id, dev->dev_ops->get_eeprom(dev, info));
}

int
rte_eth_dev_set_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(info, port_id, "EEPROM write");
	ETH_OP_OR_ENOTSUP(dev, set_eeprom);
	return eth_err(port_id, dev->dev_ops->set_eeprom(dev, info));
}

int
rte_eth_dev_get_module_info(uint16_t port_id, struct rte_eth_dev_module_info *modinfo)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(modinfo, port_id, "module info");
	ETH_OP_OR_ENOTSUP(dev, get_module_info);
	return dev->dev_ops->get_module_info(dev, modinfo);
}

int
rte_eth_dev_get_module_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(info, port_id, "module EEPROM");
	if (info->data == NULL || info->length == 0) {
		ETHDEV_LOG(ERR, "module EEPROM of port %u: %s", port_id,
				info->data == NULL ? "NULL data buffer" : "length 0");
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, get_module_eeprom);
	return dev->dev_ops->get_module_eeprom(dev, info);
}

/* ---- receive interrupts ---- */

static int
rx_intr(uint16_t port_id, uint16_t queue_id, int enable)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ret = check_queue(dev, 1, queue_id, enable ? "rx interrupt enable" :
			"rx interrupt disable");
	if (ret != 0)
		return ret;
	if (enable) {
		ETH_OP_OR_ENOTSUP(dev, rx_queue_intr_enable);
		return eth_err(port_id, dev->dev_ops->rx_queue_intr_enable(dev, queue_id));
	}
	ETH_OP_OR_ENOTSUP(dev, rx_queue_intr_disable);
	return eth_err(port_id, dev->dev_ops->rx_queue_intr_disable(dev, queue_id));
}

int
rte_eth_dev_rx_intr_enable(uint16_t port_id, uint16_t queue_id)
{
	return rx_intr(port_id, queue_id, 1);
}

int
rte_eth_dev_rx_intr_disable(uint16_t port_id, uint16_t queue_id)
{
	return rx_intr(port_id, queue_id, 0);
}

/*
 * EAL here has no per-queue interrupt vectors or epoll wrapper: a port without an interrupt
 * handle says so (-ENOTSUP) and one with a handle has no receive vectors (-EPERM), which is
 * what DPDK answers for a device whose vectors are not set up.
 */
static int
rx_intr_vectors(struct rte_eth_dev *dev)
{
	if (dev->intr_handle == NULL) {
		ETHDEV_LOG(ERR, "rx interrupt of port %u: no interrupt handle",
				dev->data->port_id);
		return -ENOTSUP;
	}
	ETHDEV_LOG(ERR, "rx interrupt of port %u: no rx interrupt vectors", dev->data->port_id);
	return -EPERM;
}

int
rte_eth_dev_rx_intr_ctl(uint16_t port_id, int epfd, int op, void *data)
{
	struct rte_eth_dev *dev;

	RTE_SET_USED(epfd);
	RTE_SET_USED(op);
	RTE_SET_USED(data);
	ETH_DEV_OR_RET(dev, port_id);
	return rx_intr_vectors(dev);
}

int
rte_eth_dev_rx_intr_ctl_q(uint16_t port_id, uint16_t queue_id, int epfd, int op, void *data)
{
	struct rte_eth_dev *dev;
	int ret;

	RTE_SET_USED(epfd);
	RTE_SET_USED(op);
	RTE_SET_USED(data);
	ETH_DEV_OR_RET(dev, port_id);
	ret = check_queue(dev, 1, queue_id, "rx interrupt control");
	if (ret != 0)
		return ret;
	return rx_intr_vectors(dev);
}

int
rte_eth_dev_rx_intr_ctl_q_get_fd(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -1);
	dev = &rte_eth_devices[port_id];
	if (queue_id >= dev->data->nb_rx_queues) {
		ETHDEV_LOG(ERR, "rx interrupt fd of port %u: no rx queue %u", port_id, queue_id);
		return -1;
	}
	rx_intr_vectors(dev);
	return -1;
}

/* ---- miscellaneous ---- */

int
rte_eth_dev_pool_ops_supported(uint16_t port_id, const char *pool)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(pool, port_id, "pool ops check");
	if (dev->dev_ops->pool_ops_supported == NULL)
		return 1;
	return dev->dev_ops->pool_ops_supported(dev, pool);
}

void *
rte_eth_dev_get_sec_ctx(uint16_t port_id)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, NULL);
	return NULL;
}

int
rte_eth_representor_info_get(uint16_t port_id, struct rte_eth_representor_info *info)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_OP_OR_ENOTSUP(dev, representor_info_get);
	return eth_err(port_id, dev->dev_ops->representor_info_get(dev, info));
}

int
rte_eth_rx_metadata_negotiate(uint16_t port_id, uint64_t *features)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	if (dev->data->dev_configured) {
		ETHDEV_LOG(ERR, "rx metadata of port %u: negotiate before configure", port_id);
		return -EBUSY;
	}
	ETH_NULL_ARG_RET(features, port_id, "rx metadata");
	ETH_OP_OR_ENOTSUP(dev, rx_metadata_negotiate);
	return eth_err(port_id, dev->dev_ops->rx_metadata_negotiate(dev, features));
}

static int
reassembly_check(struct rte_eth_dev *dev, const void *p, const char *what)
{
	if (!dev->data->dev_configured) {
		ETHDEV_LOG(ERR, "%s of port %u: configure the port first", what,
				dev->data->port_id);
		return -EINVAL;
	}
	if (p == NULL) {
		ETHDEV_LOG(ERR, "%s of port %u: NULL parameters", what, dev->data->port_id);
		return -EINVAL;
	}
	return 0;
}

int
rte_eth_ip_reassembly_capability_get(uint16_t port_id,
		struct rte_eth_ip_reassembly_params *capa)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ret = reassembly_check(dev, capa, "IP reassembly capabilities");
	if (ret != 0)
		return ret;
	ETH_OP_OR_ENOTSUP(dev, ip_reassembly_capability_get);
	memset(capa, 0, sizeof(*capa));
	return eth_err(port_id, dev->dev_ops->ip_reassembly_capability_get(dev, capa));
}

int
rte_eth_ip_reassembly_conf_get(uint16_t port_id, struct rte_eth_ip_reassembly_params *conf)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ret = reassembly_check(dev, conf, "IP reassembly configuration");
	if (ret != 0)
		return ret;
	ETH_OP_OR_ENOTSUP(dev, ip_reassembly_conf_get);
	memset(conf, 0, sizeof(*conf));
	return eth_err(port_id, dev->dev_ops->ip_reassembly_conf_get(dev, conf));
}

int
rte_eth_ip_reassembly_conf_set(uint16_t port_id, const struct rte_eth_ip_reassembly_params *conf)
{
	struct rte_eth_dev *dev;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	ret = reassembly_check(dev, conf, "IP reassembly set");
	if (ret != 0)
		return ret;
	if (dev->data->dev_started) {
		ETHDEV_LOG(ERR, "IP reassembly set of port %u: port is started", port_id);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, ip_reassembly_conf_set);
	return eth_err(port_id, dev->dev_ops->ip_reassembly_conf_set(dev, conf));
}

int
rte_eth_dev_priv_dump(uint16_t port_id, FILE *file)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(file, port_id, "private dump");
	ETH_OP_OR_ENOTSUP(dev, eth_dev_priv_dump);
	return eth_err(port_id, dev->dev_ops->eth_dev_priv_dump(dev, file));
}

static int
desc_dump(uint16_t port_id, int rx, uint16_t queue_id, uint16_t offset, uint16_t num,
		FILE *file)
{
	struct rte_eth_dev *dev;
	uint16_t nb;

	ETH_DEV_OR_RET(dev, port_id);
	nb = rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (queue_id >= nb) {
		ETHDEV_LOG(ERR, "descriptor dump of port %u: no %s queue %u", port_id,
				rx ? "rx" : "tx", queue_id);
		return -EINVAL;
	}
	ETH_NULL_ARG_RET(file, port_id, "descriptor dump");
	if (rx) {
		ETH_OP_OR_ENOTSUP(dev, eth_rx_descriptor_dump);
		return eth_err(port_id, dev->dev_ops->eth_rx_descriptor_dump(dev, queue_id,
				offset, num, file));
	}
	ETH_OP_OR_ENOTSUP(dev, eth_tx_descriptor_dump);
	return eth_err(port_id, dev->dev_ops->eth_tx_descriptor_dump(dev, queue_id, offset, num,
			file));
}

int
rte_eth_rx_descriptor_dump(uint16_t port_id, uint16_t queue_id, uint16_t offset,
		uint16_t num, FILE *file)
{
	return desc_dump(port_id, 1, queue_id, offset, num, file);
}

int
rte_eth_tx_descriptor_dump(uint16_t port_id, uint16_t queue_id, uint16_t offset,
		uint16_t num, FILE *file)
{
	return desc_dump(port_id, 0, queue_id, offset, num, file);
}

int
rte_eth_rx_avail_thresh_set(uint16_t port_id, uint16_t queue_id, uint8_t avail_thresh)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	if (queue_id >= dev->data->nb_rx_queues) {
		ETHDEV_LOG(ERR, "avail threshold of port %u: no rx queue %u", port_id, queue_id);
		return -EINVAL;
	}
	if (avail_thresh > 99) {
		ETHDEV_LOG(ERR, "avail threshold of port %u: %u%% above 99", port_id,
				avail_thresh);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, rx_queue_avail_thresh_set);
	return eth_err(port_id, dev->dev_ops->rx_queue_avail_thresh_set(dev, queue_id,
			avail_thresh));
}

int
rte_eth_rx_avail_thresh_query(uint16_t port_id, uint16_t *queue_id, uint8_t *avail_thresh)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(queue_id, port_id, "avail threshold query");
	if (*queue_id >= dev->data->nb_rx_queues)
		*queue_id = 0;
	ETH_OP_OR_ENOTSUP(dev, rx_queue_avail_thresh_query);
	return eth_err(port_id, dev->dev_ops->rx_queue_avail_thresh_query(dev, queue_id,
			avail_thresh));
}

int
rte_eth_get_monitor_addr(uint16_t port_id, uint16_t queue_id,
		struct rte_power_monitor_cond *pmc)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	if (queue_id >= dev->data->nb_rx_queues) {
		ETHDEV_LOG(ERR, "monitor address of port %u: no rx queue %u", port_id, queue_id);
		return -EINVAL;
	}
	ETH_NULL_ARG_RET(pmc, port_id, "monitor address");
	ETH_OP_OR_ENOTSUP(dev, get_monitor_addr);
	return eth_err(port_id, dev->dev_ops->get_monitor_addr(dev->data->rx_queues[queue_id],
			pmc));
}

int
rte_eth_buffer_split_get_supported_hdr_ptypes(uint16_t port_id, uint32_t *ptypes, int num)
{
	const uint32_t *all;
	struct rte_eth_dev *dev;
	int i, j = 0;

	ETH_DEV_OR_RET(dev, port_id);
	if (ptypes == NULL && num > 0) {
		ETHDEV_LOG(ERR, "split ptypes of port %u: NULL array of %d", port_id, num);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, buffer_split_supported_hdr_ptypes_get);
	all = dev->dev_ops->buffer_split_supported_hdr_ptypes_get(dev);
	for (i = 0; all != NULL && all[i] != 0; i++) {
		if (j < num)
			ptypes[j] = all[i];
		j++;
	}
	return j;
}

/* ---- hairpin ---- */

int
rte_eth_dev_hairpin_capability_get(uint16_t port_id, struct rte_eth_hairpin_cap *cap)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(cap, port_id, "hairpin capabilities");
	ETH_OP_OR_ENOTSUP(dev, hairpin_cap_get);
	memset(cap, 0, sizeof(*cap));
	return eth_err(port_id, dev->dev_ops->hairpin_cap_get(dev, cap));
}

static int
hairpin_setup(uint16_t port_id, int rx, uint16_t queue_id, uint16_t nb_desc,
		const struct rte_eth_hairpin_conf *conf)
{
	struct rte_eth_hairpin_cap cap;
	struct rte_eth_dev *dev;
	uint16_t nb;
	int ret;

	ETH_DEV_OR_RET(dev, port_id);
	nb = rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (queue_id >= nb) {
		ETHDEV_LOG(ERR, "hairpin setup of port %u: no %s queue %u", port_id,
				rx ? "rx" : "tx", queue_id);
		return -EINVAL;
	}
	ETH_NULL_ARG_RET(conf, port_id, "hairpin setup");
	if (conf->reserved != 0) {
		ETHDEV_LOG(ERR, "hairpin setup of port %u: reserved bits set", port_id);
		return -EINVAL;
	}
	ret = rte_eth_dev_hairpin_capability_get(port_id, &cap);
	if (ret != 0)
		return ret;
	if (conf->peer_count == 0 || conf->peer_count > RTE_ETH_MAX_HAIRPIN_PEERS ||
	    conf->peer_count > (rx ? cap.max_rx_2_tx : cap.max_tx_2_rx)) {
		ETHDEV_LOG(ERR, "hairpin setup of port %u: %u peers not allowed", port_id,
				conf->peer_count);
		return -EINVAL;
	}
	if (nb_desc == 0)
		nb_desc = cap.max_nb_desc;
	if (nb_desc > cap.max_nb_desc) {
		ETHDEV_LOG(ERR, "hairpin setup of port %u: %u descriptors, at most %u", port_id,
				nb_desc, cap.max_nb_desc);
		return -EINVAL;
	}
	if (dev->data->dev_started) {
		ETHDEV_LOG(ERR, "hairpin setup of port %u: port is started", port_id);
		return -EBUSY;
	}
	eth_dev_lock();
	if (rx) {
		ret = dev->dev_ops->rx_hairpin_queue_setup == NULL ? -ENOTSUP :
				dev->dev_ops->rx_hairpin_queue_setup(dev, queue_id, nb_desc, conf);
		if (ret == 0)
			dev->data->rx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_HAIRPIN;
	} else {
		ret = dev->dev_ops->tx_hairpin_queue_setup == NULL ? -ENOTSUP :
				dev->dev_ops->tx_hairpin_queue_setup(dev, queue_id, nb_desc, conf);
		if (ret == 0)
			dev->data->tx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_HAIRPIN;
	}
	eth_dev_unlock();
	return eth_err(port_id, ret);
}

int
rte_eth_rx_hairpin_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc,
		const struct rte_eth_hairpin_conf *conf)
{
	return hairpin_setup(port_id, 1, rx_queue_id, nb_rx_desc, conf);
}

int
rte_eth_tx_hairpin_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc,
		const struct rte_eth_hairpin_conf *conf)
{
	return hairpin_setup(port_id, 0, tx_queue_id, nb_tx_desc, conf);
}

int
rte_eth_hairpin_get_peer_ports(uint16_t port_id, uint16_t *peer_ports, size_t len,
		uint32_t direction)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(peer_ports, port_id, "hairpin peers");
	if (len == 0) {
		ETHDEV_LOG(ERR, "hairpin peers of port %u: room for none", port_id);
		return -EINVAL;
	}
	ETH_OP_OR_ENOTSUP(dev, hairpin_get_peer_ports);
	return eth_err(port_id, dev->dev_ops->hairpin_get_peer_ports(dev, peer_ports, len,
			direction));
}

static int
hairpin_bind(uint16_t tx_port, uint16_t rx_port, int bind)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, tx_port);
	if (!dev->data->dev_started) {
		ETHDEV_LOG(ERR, "hairpin %s of port %u: port is not started",
				bind ? "bind" : "unbind", tx_port);
		return -EBUSY;
	}
	if (bind) {
		ETH_OP_OR_ENOTSUP(dev, hairpin_bind);
		return eth_err(tx_port, dev->dev_ops->hairpin_bind(dev, rx_port));
	}
	ETH_OP_OR_ENOTSUP(dev, hairpin_unbind);
	return eth_err(tx_port, dev->dev_ops->hairpin_unbind(dev, rx_port));
}

int
rte_eth_hairpin_bind(uint16_t tx_port, uint16_t rx_port)
{
	return hairpin_bind(tx_port, rx_port, 1);
}

int
rte_eth_hairpin_unbind(uint16_t tx_port, uint16_t rx_port)
{
	return hairpin_bind(tx_port, rx_port, 0);
}

/* ---- congestion management ---- */

int
rte_eth_cman_info_get(uint16_t port_id, struct rte_eth_cman_info *info)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(info, port_id, "congestion management info");
	ETH_OP_OR_ENOTSUP(dev, cman_info_get);
	memset(info, 0, sizeof(*info));
	return eth_err(port_id, dev->dev_ops->cman_info_get(dev, info));
}

int
rte_eth_cman_config_init(uint16_t port_id, struct rte_eth_cman_config *config)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(config, port_id, "congestion management init");
	ETH_OP_OR_ENOTSUP(dev, cman_config_init);
	memset(config, 0, sizeof(*config));
	return eth_err(port_id, dev->dev_ops->cman_config_init(dev, config));
}

int
rte_eth_cman_config_set(uint16_t port_id, const struct rte_eth_cman_config *config)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(config, port_id, "congestion management set");
	ETH_OP_OR_ENOTSUP(dev, cman_config_set);
	return eth_err(port_id, dev->dev_ops->cman_config_set(dev, config));
}

int
rte_eth_cman_config_get(uint16_t port_id, struct rte_eth_cman_config *config)
{
	struct rte_eth_dev *dev;

	ETH_DEV_OR_RET(dev, port_id);
	ETH_NULL_ARG_RET(config, port_id, "congestion management get");
	ETH_OP_OR_ENOTSUP(dev, cman_config_get);
	memset(config, 0, sizeof(*config));
	return eth_err(port_id, dev->dev_ops->cman_config_get(dev, config));
}
