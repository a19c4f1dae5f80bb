/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Members joining and leaving a bond, their start with the bond's queues, and the MAC
 * addresses the bond gives them. Called with bond->lock held.
 */
#include <errno.h>
#include <string.h>

#include <rte_errno.h>

#include "bond_private.h"

int
bond_member_index(const struct bond_dev *b, uint16_t port)
{
	uint16_t i;

	for (i = 0; i < b->nb_members; i++)
		if (b->members[i].port_id == port)
			return i;
	return -1;
}

/* Active-backup, TLB and ALB give the bond's address to the primary in use only. */
static int
bond_mac_on_all(const struct bond_dev *b)
{
	return b->mode == BONDING_MODE_ROUND_ROBIN || b->mode == BONDING_MODE_BALANCE ||
		b->mode == BONDING_MODE_BROADCAST || b->mode == BONDING_MODE_8023AD;
}

/* The addresses are chosen under the lock and set without it (see bond_private.h). */
void
bond_apply_macs(struct bond_dev *b)
{
	struct {
		uint16_t port;
		struct rte_ether_addr mac;
	} want[BOND_MAX_MEMBERS];
	uint16_t i, n = 0;

	rte_spinlock_recursive_lock(&b->lock);
	for (i = 0; i < b->nb_members; i++) {
		const struct bond_member *m = &b->members[i];

		if (m->gone)
			continue;
		want[n].port = m->port_id;
		want[n++].mac = bond_mac_on_all(b) || m->port_id == b->cur_primary ? b->mac :
				m->own_mac;
	}
	rte_spinlock_recursive_unlock(&b->lock);
	for (i = 0; i < n; i++) {
		struct rte_ether_addr cur;
		int r;

		if (rte_eth_macaddr_get(want[i].port, &cur) == 0 &&
		    rte_is_same_ether_addr(&cur, &want[i].mac))
			continue;
		r = rte_eth_dev_default_mac_addr_set(want[i].port, &want[i].mac);
		if (r != 0 && r != -ENOTSUP)
			BOND_LOG(ERR, "port %u: cannot set the MAC address of member %u (%d)",
					b->port_id, want[i].port, r);
	}
}

void
bond_unlock(struct bond_dev *b)
{
	uint16_t port = b->port_id;
	uint8_t macs, lsc;

	if (b->lock.count > 1) {
		rte_spinlock_recursive_unlock(&b->lock);
		return;
	}
	macs = b->macs_dirty;
	lsc = b->lsc_due;
	b->macs_dirty = 0;
	b->lsc_due = 0;
	rte_spinlock_recursive_unlock(&b->lock);
	if (macs)
		bond_apply_macs(b);
	if (lsc)
		rte_eth_dev_callback_process(&rte_eth_devices[port], RTE_ETH_EVENT_INTR_LSC, NULL);
}

void
bond_pick_primary(struct bond_dev *b)
{
	int idx;

	if (b->nb_members == 0) {
		b->user_primary = 0;
		if (b->mode == BONDING_MODE_8023AD && !b->user_mac)
			memset(&b->mac, 0, sizeof(b->mac));
		return;
	}
	idx = bond_member_index(b, b->primary);
	if (idx < 0) {
		idx = 0;
		b->primary = b->members[0].port_id;
		b->user_primary = 0;
	}
	/*
	 * Mode 4: the address is the LACP system id; changing it when the member it came from
	 * leaves would make the partner start over on every other member.
	 */
	if (!b->user_mac && (b->mode != BONDING_MODE_8023AD || rte_is_zero_ether_addr(&b->mac)))
		b->mac = b->members[idx].own_mac;
	bond_update_active(b);
	b->macs_dirty = 1;
}

int
bond_member_start(struct bond_dev *b, struct bond_member *m)
{
	struct rte_eth_dev *bdev = &rte_eth_devices[b->port_id];
	struct rte_eth_dev_data *d = bdev->data;
	struct rte_eth_dev *mdev = &rte_eth_devices[m->port_id];
	struct rte_eth_conf conf = d->dev_conf;
	struct rte_eth_link link;
	uint16_t q, nb_txq = d->nb_tx_queues;
	int ret;

	if (m->gone)
		return 0;
	/* mode 4 with dedicated queues: one more transmit queue, for the LACP alarm only */
	if (b->mode == BONDING_MODE_8023AD && b->dedicated_queues)
		nb_txq++;
	if (mdev->data->dev_started) {
		ret = rte_eth_dev_stop(m->port_id);
		if (ret != 0)
			goto fail;
	}
	/* Events the member cannot raise are the bond's business (it polls instead). */
	if (!(mdev->data->dev_flags & RTE_ETH_DEV_INTR_LSC))
		conf.intr_conf.lsc = 0;
	if (!(mdev->data->dev_flags & RTE_ETH_DEV_INTR_RMV))
		conf.intr_conf.rmv = 0;
	ret = rte_eth_dev_configure(m->port_id, d->nb_rx_queues, nb_txq, &conf);
	if (ret != 0)
		goto fail;
	for (q = 0; q < d->nb_rx_queues; q++) {
		const struct bond_queue *bq = d->rx_queues[q];

		if (bq == NULL) {
			ret = -EINVAL;
			goto fail;
		}
		ret = rte_eth_rx_queue_setup(m->port_id, q, bq->nb_desc,
				rte_eth_dev_socket_id(m->port_id), &bq->rxconf, bq->mp);
		if (ret != 0)
			goto fail;
	}
	for (q = 0; q < d->nb_tx_queues; q++) {
		const struct bond_queue *bq = d->tx_queues[q];

		if (bq == NULL) {
			ret = -EINVAL;
			goto fail;
		}
		ret = rte_eth_tx_queue_setup(m->port_id, q, bq->nb_desc,
				rte_eth_dev_socket_id(m->port_id), &bq->txconf);
		if (ret != 0)
			goto fail;
	}
	if (nb_txq > d->nb_tx_queues) {
		const struct bond_queue *bq = d->tx_queues[0];

		ret = rte_eth_tx_queue_setup(m->port_id, d->nb_tx_queues, bq->nb_desc,
				rte_eth_dev_socket_id(m->port_id), &bq->txconf);
		if (ret != 0)
			goto fail;
	}
	ret = rte_eth_dev_start(m->port_id);
	if (ret != 0)
		goto fail;
	if (d->promiscuous)
		rte_eth_promiscuous_enable(m->port_id);
	/* LACPDUs go to a multicast address */
	if (d->all_multicast || b->mode == BONDING_MODE_8023AD)
		rte_eth_allmulticast_enable(m->port_id);
	m->configured = 1;
	if (rte_eth_link_get_nowait(m->port_id, &link) == 0)
		m->link_up = link.link_status == RTE_ETH_LINK_UP;
	return 0;
fail:
	BOND_LOG(ERR, "port %u: cannot configure and start member %u (%d)", b->port_id,
			m->port_id, ret);
	return ret;
}

static int
bond_member_check(struct bond_dev *b, uint16_t port)
{
	struct rte_eth_dev_owner owner;

	if (!rte_eth_dev_is_valid_port(port)) {
		BOND_LOG(ERR, "port %u: cannot add slave %u: no such port", b->port_id, port);
		return -ENODEV;
	}
	if (port == b->port_id) {
		BOND_LOG(ERR, "port %u: a bond cannot be its own slave", b->port_id);
		return -EINVAL;
	}
	if (bond_member_index(b, port) >= 0 ||
	    (rte_eth_devices[port].data->dev_flags & RTE_ETH_DEV_BONDED_SLAVE)) {
		BOND_LOG(ERR, "port %u: cannot add slave %u: it is already in a bond", b->port_id,
				port);
		return -EBUSY;
	}
	if (rte_eth_dev_owner_get(port, &owner) != 0 || owner.id != RTE_ETH_DEV_NO_OWNER) {
		BOND_LOG(ERR, "port %u: cannot add slave %u: it is owned by \"%s\"", b->port_id,
				port, owner.name);
		return -EBUSY;
	}
	if (b->nb_members >= BOND_MAX_MEMBERS) {
		BOND_LOG(ERR, "port %u: cannot add slave %u: %d slaves already", b->port_id, port,
				BOND_MAX_MEMBERS);
		return -ENOSPC;
	}
	return 0;
}

int
bond_member_add(struct bond_dev *b, uint16_t port)
{
	struct rte_eth_dev *bdev = &rte_eth_devices[b->port_id];
	struct rte_eth_dev *mdev;
	struct rte_eth_dev_owner owner = { .id = b->owner_id };
	struct bond_member *m;
	struct rte_eth_link link;
	int ret;

	ret = bond_member_check(b, port);
	if (ret != 0)
		return ret;
	mdev = &rte_eth_devices[port];
	snprintf(owner.name, sizeof(owner.name), "%s", bdev->data->name);
	m = &b->members[b->nb_members];
	memset(m, 0, sizeof(*m));
	m->port_id = port;
	ret = rte_eth_macaddr_get(port, &m->own_mac);
	if (ret == 0)
		ret = bond_lacp_port_init(b, port);
	if (ret == 0)
		ret = rte_eth_dev_owner_set(port, &owner);
	if (ret != 0) {
		BOND_LOG(ERR, "port %u: cannot take slave %u (%d)", b->port_id, port, ret);
		return ret;
	}
	mdev->data->dev_flags |= RTE_ETH_DEV_BONDED_SLAVE;
	if (rte_eth_link_get_nowait(port, &link) == 0)
		m->link_up = link.link_status == RTE_ETH_LINK_UP;
	b->nb_members++;
	if (bdev->data->dev_started) {
		ret = bond_member_start(b, m);
		if (ret != 0) {
			b->nb_members--;
			mdev->data->dev_flags &= ~RTE_ETH_DEV_BONDED_SLAVE;
			rte_eth_dev_owner_unset(port, b->owner_id);
			return ret;
		}
	}
	if (b->nb_members == 1 && !b->user_primary)
		b->primary = port;
	bond_pick_primary(b);
	bond_link_refresh(b);
	return 0;
}

int
bond_member_remove(struct bond_dev *b, uint16_t port)
{
	struct bond_member m;
	int idx = bond_member_index(b, port);

	if (idx < 0) {
		BOND_LOG(ERR, "port %u: port %u is not one of its slaves", b->port_id, port);
		return -ENOENT;
	}
	bond_lacp_member_leaves(b, port);
	m = b->members[idx];
	memmove(&b->members[idx], &b->members[idx + 1],
			(b->nb_members - idx - 1) * sizeof(b->members[0]));
	b->nb_members--;
	/* Out of the data path first. */
	bond_update_active(b);
	if (!m.gone) {
		struct rte_eth_dev *mdev = &rte_eth_devices[port];

		if (rte_eth_dev_default_mac_addr_set(port, &m.own_mac) != 0)
			BOND_LOG(WARNING, "port %u: could not give slave %u its MAC address back",
					b->port_id, port);
		mdev->data->dev_flags &= ~RTE_ETH_DEV_BONDED_SLAVE;
		rte_eth_dev_owner_unset(port, b->owner_id);
	}
	if (b->primary == port) {
		b->user_primary = 0;
		if (b->nb_members > 0)
			b->primary = b->members[0].port_id;
	}
	bond_pick_primary(b);
	bond_update_active(b);
	bond_link_refresh(b);
	return 0;
}
