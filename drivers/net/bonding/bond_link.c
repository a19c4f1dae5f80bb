/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which members carry traffic, and the bond's own link.
 *
 * A member is active while the bond is started, the bond started it, its link is up and its
 * device has not been removed. Link changes come from the members' LSC events and from a
 * poll every lsc_poll_period_ms (most virtual ports raise no event); removals from their RMV
 * and DESTROY events. The bond announces its own LSC event when its link changes, after
 * up_delay/down_delay milliseconds when those are set.
 */
#include <errno.h>

#include <rte_alarm.h>

#include "bond_private.h"

static int
bond_primary_mode(const struct bond_dev *b)
{
	return b->mode == BONDING_MODE_ACTIVE_BACKUP || b->mode == BONDING_MODE_TLB ||
		b->mode == BONDING_MODE_ALB;
}

void
bond_update_active(struct bond_dev *b)
{
	struct rte_eth_dev *bdev = &rte_eth_devices[b->port_id];
	struct bond_active *next = b->active == &b->lists[0] ? &b->lists[1] : &b->lists[0];
	struct bond_active *rx = b->rx_active == &b->rx_lists[0] ? &b->rx_lists[1] :
		&b->rx_lists[0];
	uint16_t i, n = 0, nrx = 0, prev_primary = b->cur_primary;
	int primary_at = -1;

	for (i = 0; i < b->nb_members; i++) {
		const struct bond_member *m = &b->members[i];

		if (!bdev->data->dev_started || m->gone || !m->configured || !m->link_up)
			continue;
		rx->ports[nrx++] = m->port_id;
		/* mode 4: only the members LACP lets distribute carry traffic */
		if (b->mode == BONDING_MODE_8023AD && !bond_lacp_distributing(b, m->port_id))
			continue;
		if (m->port_id == b->primary)
			primary_at = n;
		next->ports[n++] = m->port_id;
	}
	/* The chosen primary while it works, else the first active member stands in. */
	if (primary_at > 0) {
		uint16_t t = next->ports[0];

		next->ports[0] = next->ports[primary_at];
		next->ports[primary_at] = t;
	}
	next->nb = n;
	rx->nb = nrx;
	b->cur_primary = n > 0 ? next->ports[0] : b->primary;
	__atomic_store_n(&b->active, next, __ATOMIC_RELEASE);
	__atomic_store_n(&b->rx_active, rx, __ATOMIC_RELEASE);
	if (prev_primary != b->cur_primary && bond_primary_mode(b))
		b->macs_dirty = 1;
}

static void
bond_lsc_announce(void *arg)
{
	uint16_t port = (uint16_t)(uintptr_t)arg;

	if (!bond_is_bond(port))
		return;
	rte_eth_dev_callback_process(&rte_eth_devices[port], RTE_ETH_EVENT_INTR_LSC, NULL);
}

void
bond_link_refresh(struct bond_dev *b)
{
	struct rte_eth_dev *bdev = &rte_eth_devices[b->port_id];
	const struct bond_active *a = b->active;
	struct rte_eth_link link = { .link_duplex = RTE_ETH_LINK_FULL_DUPLEX };
	uint32_t delay;
	uint16_t i;

	for (i = 0; i < a->nb; i++) {
		struct rte_eth_link ml;

		if (rte_eth_link_get_nowait(a->ports[i], &ml) != 0)
			continue;
		if (ml.link_speed == RTE_ETH_SPEED_NUM_UNKNOWN)
			continue;
		/* one member at a time works in active-backup; all add up elsewhere */
		if (b->mode == BONDING_MODE_ACTIVE_BACKUP && i > 0)
			continue;
		if (b->mode == BONDING_MODE_BROADCAST)
			link.link_speed = i == 0 ? ml.link_speed :
					RTE_MIN(link.link_speed, ml.link_speed);
		else
			link.link_speed += ml.link_speed;
	}
	link.link_status = a->nb > 0 ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN;
	link.link_autoneg = RTE_ETH_LINK_FIXED;
	rte_eth_linkstatus_set(bdev, &link);
	if (link.link_status == b->link_up)
		return;
	b->link_up = link.link_status;
	delay = b->link_up ? b->up_delay_ms : b->down_delay_ms;
	if (delay == 0) {
		b->lsc_due = 1;
		return;
	}
	/* A change back before the delay ran out still gets its own event. */
	if (rte_eal_alarm_set((uint64_t)delay * 1000, bond_lsc_announce,
			(void *)(uintptr_t)b->port_id) != 0)
		b->lsc_due = 1; /* no alarm: better early than never */
}

/* Re-read one member's link; 1 if it changed. */
static int
bond_member_read(struct bond_member *m)
{
	struct rte_eth_link l;
	uint8_t up;

	if (m->gone || rte_eth_link_get_nowait(m->port_id, &l) != 0)
		return 0;
	up = l.link_status == RTE_ETH_LINK_UP;
	if (up == m->link_up)
		return 0;
	m->link_up = up;
	return 1;
}

/* Member events, for every port: the bond looks for its own members (arg: bond port id). */
static int
bond_member_event(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	uint16_t bond_port = (uint16_t)(uintptr_t)arg;
	struct bond_dev *b;
	int idx;

	RTE_SET_USED(ret_param);
	if (!bond_is_bond(bond_port) || port == bond_port)
		return 0;
	b = bond_of(&rte_eth_devices[bond_port]);
	bond_lock(b);
	idx = bond_member_index(b, port);
	if (idx < 0) {
		bond_unlock(b);
		return 0;
	}
	switch (type) {
	case RTE_ETH_EVENT_INTR_LSC:
		bond_member_read(&b->members[idx]);
		break;
	case RTE_ETH_EVENT_INTR_RMV:
		BOND_LOG(WARNING, "port %u: slave %u removed, no longer used", bond_port, port);
		b->members[idx].gone = 1;
		break;
	default: /* DESTROY: the port is being released, the slave leaves the bond */
		b->members[idx].gone = 1;
		bond_member_remove(b, port);
		break;
	}
	bond_update_active(b);
	bond_link_refresh(b);
	bond_unlock(b);
	return 0;
}

static const enum rte_eth_event_type member_events[] = {
	RTE_ETH_EVENT_INTR_LSC, RTE_ETH_EVENT_INTR_RMV, RTE_ETH_EVENT_DESTROY,
};

int
bond_events_register(struct bond_dev *b)
{
	unsigned int i;
	int ret;

	for (i = 0; i < RTE_DIM(member_events); i++) {
		ret = rte_eth_dev_callback_register(RTE_ETH_ALL, member_events[i],
				bond_member_event, (void *)(uintptr_t)b->port_id);
		if (ret != 0) {
			while (i-- > 0)
				rte_eth_dev_callback_unregister(RTE_ETH_ALL, member_events[i],
						bond_member_event, (void *)(uintptr_t)b->port_id);
			return ret;
		}
	}
	return 0;
}

void
bond_events_unregister(struct bond_dev *b)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(member_events); i++)
		rte_eth_dev_callback_unregister(RTE_ETH_ALL, member_events[i], bond_member_event,
				(void *)(uintptr_t)b->port_id);
	rte_eal_alarm_cancel(bond_lsc_announce, (void *)(uintptr_t)b->port_id);
}

static void
bond_poll(void *arg)
{
	uint16_t port = (uint16_t)(uintptr_t)arg;
	struct bond_dev *b;
	int changed = 0;
	uint16_t i;

	if (!bond_is_bond(port))
		return;
	b = bond_of(&rte_eth_devices[port]);
	if (!__atomic_load_n(&b->poll_armed, __ATOMIC_ACQUIRE))
		return;
	/* Whoever holds the lock may be waiting on ethdev: try again next period. */
	if (rte_spinlock_recursive_trylock(&b->lock)) {
		for (i = 0; i < b->nb_members; i++)
			changed |= bond_member_read(&b->members[i]);
		if (changed) {
			bond_update_active(b);
			bond_link_refresh(b);
		}
		bond_unlock(b);
	}
	if (__atomic_load_n(&b->poll_armed, __ATOMIC_ACQUIRE))
		rte_eal_alarm_set((uint64_t)b->poll_ms * 1000, bond_poll, arg);
}

void
bond_poll_start(struct bond_dev *b)
{
	if (__atomic_exchange_n(&b->poll_armed, 1, __ATOMIC_ACQ_REL))
		return;
	if (rte_eal_alarm_set((uint64_t)b->poll_ms * 1000, bond_poll,
			(void *)(uintptr_t)b->port_id) != 0) {
		BOND_LOG(WARNING, "port %u: no alarm to poll the slaves' links", b->port_id);
		__atomic_store_n(&b->poll_armed, 0, __ATOMIC_RELEASE);
	}
}

void
bond_poll_stop(struct bond_dev *b)
{
	__atomic_store_n(&b->poll_armed, 0, __ATOMIC_RELEASE);
	/* waits for a poll that is running; it sees the flag and does not re-arm */
	rte_eal_alarm_cancel(bond_poll, (void *)(uintptr_t)b->port_id);
	rte_eal_alarm_cancel(bond_poll, (void *)(uintptr_t)b->port_id);
}
