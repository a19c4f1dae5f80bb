/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The rte_eth_bond_* functions. As in DPDK, those that return int report errors as -1 (with
 * rte_errno set here), except create and free, which return a negative errno.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_bus_vdev.h>

#include "bond_private.h"

/* The bond, locked; NULL (rte_errno EINVAL) if the port is not one. */
static struct bond_dev *
api_lock(uint16_t port_id)
{
	struct bond_dev *b = bond_get(port_id);

	if (b == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_spinlock_recursive_lock(&b->lock);
	return b;
}

static int
api_done(struct bond_dev *b, int ret)
{
	bond_unlock(b);
	if (ret < 0) {
		rte_errno = -ret;
		return -1;
	}
	return ret;
}

int
rte_eth_bond_create(const char *name, uint8_t mode, uint8_t socket_id)
{
	char args[64];
	uint16_t port;
	int ret;

	if (name == NULL || strncmp(name, BOND_DRIVER_NAME, strlen(BOND_DRIVER_NAME)) != 0) {
		BOND_LOG(ERR, "invalid bond name \"%s\" (net_bonding<suffix>)",
				name == NULL ? "(null)" : name);
		return -EINVAL;
	}
	ret = bond_mode_supported(mode);
	if (ret != 0)
		return ret;
	if (socket_id >= RTE_MAX_NUMA_NODES) {
		BOND_LOG(ERR, "%s: invalid socket %u", name, socket_id);
		return -EINVAL;
	}
	snprintf(args, sizeof(args), "mode=%u,socket_id=%u", mode, socket_id);
	ret = rte_vdev_init(name, args);
	if (ret != 0) {
		BOND_LOG(ERR, "%s: cannot create the device (%d)", name, ret);
		return ret;
	}
	if (rte_eth_dev_get_port_by_name(name, &port) != 0) {
		rte_vdev_uninit(name);
		return -ENODEV;
	}
	return port;
}

int
rte_eth_bond_free(const char *name)
{
	uint16_t port;

	if (name == NULL || rte_eth_dev_get_port_by_name(name, &port) != 0 ||
	    !bond_is_bond(port)) {
		BOND_LOG(ERR, "cannot free \"%s\": no such bond", name == NULL ? "(null)" : name);
		return -ENODEV;
	}
	return rte_vdev_uninit(name);
}

int
rte_eth_bond_slave_add(uint16_t bonded_port_id, uint16_t slave_port_id)
{
	struct bond_dev *b = api_lock(bonded_port_id);

	if (b == NULL)
		return -1;
	return api_done(b, bond_member_add(b, slave_port_id));
}

int
rte_eth_bond_slave_remove(uint16_t bonded_port_id, uint16_t slave_port_id)
{
	struct bond_dev *b = api_lock(bonded_port_id);

	if (b == NULL)
		return -1;
	return api_done(b, bond_member_remove(b, slave_port_id));
}

int
rte_eth_bond_mode_set(uint16_t bonded_port_id, uint8_t mode)
{
	struct bond_dev *b = api_lock(bonded_port_id);
	int ret;

	if (b == NULL)
		return -1;
	ret = bond_mode_supported(mode);
	if (ret == 0) {
		struct rte_eth_dev *dev = &rte_eth_devices[bonded_port_id];

		uint16_t i;

		/* LACP starts over: a member's earlier state means nothing in the new mode */
		for (i = 0; i < b->nb_members; i++)
			bond_lacp_port_reset(b, b->members[i].port_id);
		b->mode = mode;
		bond_set_burst(dev);
		/* a started port's fast path is updated on the next start only */
		if (dev->data->dev_started)
			BOND_LOG(WARNING, "port %u: mode %u applies after a restart",
					bonded_port_id, mode);
		bond_update_active(b);
		b->macs_dirty = 1;
		bond_link_refresh(b);
	}
	bond_unlock(b);
	if (ret == 0 && rte_eth_devices[bonded_port_id].data->dev_started) {
		if (mode == BONDING_MODE_8023AD)
			bond_lacp_start(b);
		else
			bond_lacp_stop(b);
	}
	if (ret != 0) {
		rte_errno = -ret;
		return -1;
	}
	return 0;
}

int
rte_eth_bond_mode_get(uint16_t bonded_port_id)
{
	struct bond_dev *b = bond_get(bonded_port_id);

	return b == NULL ? -1 : b->mode;
}

int
rte_eth_bond_primary_set(uint16_t bonded_port_id, uint16_t slave_port_id)
{
	struct bond_dev *b = api_lock(bonded_port_id);
	int ret = 0;

	if (b == NULL)
		return -1;
	if (bond_member_index(b, slave_port_id) < 0) {
		BOND_LOG(ERR, "port %u: primary %u is not one of its slaves", bonded_port_id,
				slave_port_id);
		ret = -EINVAL;
	} else {
		b->primary = slave_port_id;
		b->user_primary = 1;
		bond_pick_primary(b);
		bond_link_refresh(b);
	}
	return api_done(b, ret);
}

int
rte_eth_bond_primary_get(uint16_t bonded_port_id)
{
	struct bond_dev *b = api_lock(bonded_port_id);
	int ret;

	if (b == NULL)
		return -1;
	if (b->nb_members == 0) {
		BOND_LOG(ERR, "port %u: no slaves, no primary", bonded_port_id);
		ret = -ENOENT;
	} else {
		ret = b->cur_primary;
	}
	return api_done(b, ret);
}

int
rte_eth_bond_slaves_get(uint16_t bonded_port_id, uint16_t slaves[], uint16_t len)
{
	struct bond_dev *b;
	uint16_t i;
	int ret;

	if (slaves == NULL) {
		BOND_LOG(ERR, "port %u: NULL slave array", bonded_port_id);
		rte_errno = EINVAL;
		return -1;
	}
	b = api_lock(bonded_port_id);
	if (b == NULL)
		return -1;
	if (len < b->nb_members) {
		BOND_LOG(ERR, "port %u: %u slaves do not fit in %u entries", bonded_port_id,
				b->nb_members, len);
		ret = -ENOSPC;
	} else {
		for (i = 0; i < b->nb_members; i++)
			slaves[i] = b->members[i].port_id;
		ret = b->nb_members;
	}
	return api_done(b, ret);
}

int
rte_eth_bond_active_slaves_get(uint16_t bonded_port_id, uint16_t slaves[], uint16_t len)
{
	struct bond_dev *b;
	const struct bond_active *a;
	uint16_t i;
	int ret;

	if (slaves == NULL) {
		BOND_LOG(ERR, "port %u: NULL slave array", bonded_port_id);
		rte_errno = EINVAL;
		return -1;
	}
	b = api_lock(bonded_port_id);
	if (b == NULL)
		return -1;
	a = b->active;
	if (len < a->nb) {
		BOND_LOG(ERR, "port %u: %u active slaves do not fit in %u entries",
				bonded_port_id, a->nb, len);
		ret = -ENOSPC;
	} else {
		for (i = 0; i < a->nb; i++)
			slaves[i] = a->ports[i];
		ret = a->nb;
	}
	return api_done(b, ret);
}

int
rte_eth_bond_mac_address_set(uint16_t bonded_port_id, struct rte_ether_addr *mac_addr)
{
	struct bond_dev *b;

	if (mac_addr == NULL || !rte_is_valid_assigned_ether_addr(mac_addr)) {
		BOND_LOG(ERR, "port %u: invalid MAC address", bonded_port_id);
		rte_errno = EINVAL;
		return -1;
	}
	b = api_lock(bonded_port_id);
	if (b == NULL)
		return -1;
	b->mac = *mac_addr;
	b->user_mac = 1;
	b->macs_dirty = 1;
	return api_done(b, 0);
}

int
rte_eth_bond_mac_address_reset(uint16_t bonded_port_id)
{
	struct bond_dev *b = api_lock(bonded_port_id);
	int ret = 0, idx;

	if (b == NULL)
		return -1;
	b->user_mac = 0;
	idx = bond_member_index(b, b->primary);
	if (idx >= 0) {
		b->mac = b->members[idx].own_mac;
		b->macs_dirty = 1;
	}
	return api_done(b, ret);
}

int
rte_eth_bond_xmit_policy_set(uint16_t bonded_port_id, uint8_t policy)
{
	struct bond_dev *b = api_lock(bonded_port_id);
	int ret = 0;

	if (b == NULL)
		return -1;
	if (policy > BALANCE_XMIT_POLICY_LAYER34) {
		BOND_LOG(ERR, "port %u: invalid xmit policy %u (0 to 2)", bonded_port_id, policy);
		ret = -EINVAL;
	} else {
		b->xmit_policy = policy;
	}
	return api_done(b, ret);
}

int
rte_eth_bond_xmit_policy_get(uint16_t bonded_port_id)
{
	struct bond_dev *b = bond_get(bonded_port_id);

	return b == NULL ? -1 : b->xmit_policy;
}

int
rte_eth_bond_link_monitoring_set(uint16_t bonded_port_id, uint32_t internal_ms)
{
	struct bond_dev *b = api_lock(bonded_port_id);

	if (b == NULL)
		return -1;
	b->poll_ms = internal_ms == 0 ? BOND_DEFAULT_POLL_MS : internal_ms;
	return api_done(b, 0);
}

int
rte_eth_bond_link_monitoring_get(uint16_t bonded_port_id)
{
	struct bond_dev *b = bond_get(bonded_port_id);

	return b == NULL ? -1 : (int)b->poll_ms;
}

int
rte_eth_bond_link_down_prop_delay_set(uint16_t bonded_port_id, uint32_t delay_ms)
{
	struct bond_dev *b = api_lock(bonded_port_id);

	if (b == NULL)
		return -1;
	b->down_delay_ms = delay_ms;
	return api_done(b, 0);
}

int
rte_eth_bond_link_down_prop_delay_get(uint16_t bonded_port_id)
{
	struct bond_dev *b = bond_get(bonded_port_id);

	return b == NULL ? -1 : (int)b->down_delay_ms;
}

int
rte_eth_bond_link_up_prop_delay_set(uint16_t bonded_port_id, uint32_t delay_ms)
{
	struct bond_dev *b = api_lock(bonded_port_id);

	if (b == NULL)
		return -1;
	b->up_delay_ms = delay_ms;
	return api_done(b, 0);
}

int
rte_eth_bond_link_up_prop_delay_get(uint16_t bonded_port_id)
{
	struct bond_dev *b = bond_get(bonded_port_id);

	return b == NULL ? -1 : (int)b->up_delay_ms;
}
