/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sub-device life: probe and take ownership, replay the fail-safe's configuration, and take
 * it down again (stop, close, remove the device). Called without the fail-safe lock by the
 * alarm (the sub-device is busy, so nobody else touches it) and with it by the control path.
 */
#include <errno.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_pause.h>
#include <rte_string_fns.h>

#include "failsafe_private.h"

/* The port of the device called name that nobody (or the fail-safe itself) owns. */
static int
fs_find_port(const struct fs_priv *p, const char *name, uint16_t *port)
{
	uint16_t i;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++) {
		struct rte_eth_dev_owner o;
		const struct rte_device *d;

		if (!rte_eth_dev_is_valid_port(i))
			continue;
		d = rte_eth_devices[i].device;
		if (d == NULL || strcmp(rte_dev_name(d), name) != 0)
			continue;
		if (rte_eth_dev_owner_get(i, &o) != 0)
			continue;
		if (o.id != RTE_ETH_DEV_NO_OWNER && o.id != p->owner_id)
			continue;
		*port = i;
		return 0;
	}
	return -ENODEV;
}

int
fs_sub_attach(struct fs_priv *p, struct fs_sub *s)
{
	struct rte_eth_dev_owner owner = { .id = p->owner_id };
	uint16_t port;
	int ret, probed = 0;

	ret = rte_dev_probe(s->devargs);
	if (ret == 0)
		probed = 1;
	else if (ret != -EEXIST)
		return ret;
	/* -EEXIST: the device was probed by someone else (EAL at start): take its port over */
	ret = fs_find_port(p, s->name, &port);
	if (ret != 0) {
		FS_LOG(ERR, "%s: sub-device %s has no free port", p->name, s->name);
		goto undo;
	}
	rte_strscpy(owner.name, p->name, sizeof(owner.name));
	ret = rte_eth_dev_owner_set(port, &owner);
	if (ret != 0) {
		FS_LOG(ERR, "%s: cannot own port %u of %s (%d)", p->name, port, s->name, ret);
		goto undo;
	}
	s->port_id = port;
	return 0;
undo:
	if (probed) {
		struct rte_devargs da;

		memset(&da, 0, sizeof(da));
		if (rte_devargs_parse(&da, s->devargs) == 0 && da.bus != NULL)
			rte_eal_hotplug_remove(rte_bus_name(da.bus), da.name);
		rte_devargs_reset(&da);
	}
	return ret;
}

/* VLAN filter, RSS hash and multicast list, as the application last set them. */
static int
fs_sub_replay_filters(uint16_t port, const struct fs_conf *c)
{
	struct rte_eth_rss_conf rss;
	unsigned int w, b;
	int ret;

	for (w = 0; w < RTE_DIM(c->vlan_ids); w++)
		for (b = 0; b < 64; b++)
			if (c->vlan_ids[w] & (UINT64_C(1) << b)) {
				ret = rte_eth_dev_vlan_filter(port, (uint16_t)(w * 64 + b), 1);
				if (ret != 0)
					return ret;
			}
	if (c->rss_set) {
		memset(&rss, 0, sizeof(rss));
		rss.rss_hf = c->rss_hf;
		if (c->rss_key_len > 0) {
			rss.rss_key = (uint8_t *)(uintptr_t)c->rss_key;
			rss.rss_key_len = c->rss_key_len;
		}
		ret = rte_eth_dev_rss_hash_update(port, &rss);
		if (ret != 0)
			return ret;
	}
	if (c->nb_mc > 0)
		return rte_eth_dev_set_mc_addr_list(port,
				(struct rte_ether_addr *)(uintptr_t)c->mc, c->nb_mc);
	return 0;
}

int
fs_sub_replay(struct fs_priv *p, struct fs_sub *s, const struct fs_conf *c)
{
	uint16_t port = s->port_id, q;
	struct rte_eth_conf conf;
	unsigned int i;
	int ret;

	if (!c->configured)
		return 0;
	conf = c->dev_conf;
	ret = rte_eth_dev_configure(port, c->nb_rxq, c->nb_txq, &conf);
	if (ret != 0)
		goto fail;
	if (c->mtu_set) {
		ret = fs_opt_ret(rte_eth_dev_set_mtu(port, c->mtu));
		if (ret != 0)
			goto fail;
	}
	for (q = 0; q < c->nb_rxq; q++) {
		const struct fs_qconf *qc = &c->rxq[q];

		if (!qc->set)
			continue;
		ret = rte_eth_rx_queue_setup(port, q, qc->nb_desc, qc->socket_id, &qc->rxconf,
				qc->mp);
		if (ret != 0)
			goto fail;
	}
	for (q = 0; q < c->nb_txq; q++) {
		const struct fs_qconf *qc = &c->txq[q];

		if (!qc->set)
			continue;
		ret = rte_eth_tx_queue_setup(port, q, qc->nb_desc, qc->socket_id, &qc->txconf);
		if (ret != 0)
			goto fail;
	}
	ret = fs_flow_replay(p, (unsigned int)(s - p->sub));
	if (ret != 0)
		goto fail;
	ret = fs_sub_replay_filters(port, c);
	if (ret != 0)
		goto fail;
	/* The sub-device answers to the fail-safe's addresses, whatever its own were. */
	ret = fs_opt_ret(rte_eth_dev_default_mac_addr_set(port,
			(struct rte_ether_addr *)(uintptr_t)&c->macs[0]));
	for (i = 1; i < FS_MAX_MACS && ret == 0; i++)
		if (!rte_is_zero_ether_addr(&c->macs[i]))
			ret = fs_opt_ret(rte_eth_dev_mac_addr_add(port,
					(struct rte_ether_addr *)(uintptr_t)&c->macs[i], 0));
	if (ret != 0)
		goto fail;
	ret = fs_opt_ret(c->promisc ? rte_eth_promiscuous_enable(port) :
			rte_eth_promiscuous_disable(port));
	if (ret == 0)
		ret = fs_opt_ret(c->allmulti ? rte_eth_allmulticast_enable(port) :
				rte_eth_allmulticast_disable(port));
	if (ret != 0)
		goto fail;
	s->state = FS_SUB_CONFIGURED;
	if (c->started) {
		ret = rte_eth_dev_start(port);
		if (ret != 0)
			goto fail;
		s->state = FS_SUB_STARTED;
	}
	return 0;
fail:
	FS_LOG(ERR, "%s: replaying the configuration on %s (port %u) failed (%d)", p->name,
			s->name, port, ret);
	return ret;
}

void
fs_sub_quiesce(struct fs_priv *p, unsigned int i)
{
	unsigned int q;

	__atomic_store_n(&p->sub[i].usable, 0, __ATOMIC_SEQ_CST);
	for (q = 0; q < FS_MAX_QUEUES; q++) {
		while (__atomic_load_n(&p->rxref[q].n[i], __ATOMIC_SEQ_CST) != 0)
			rte_pause();
		while (__atomic_load_n(&p->txref[q].n[i], __ATOMIC_SEQ_CST) != 0)
			rte_pause();
	}
}

void
fs_stats_add(struct rte_eth_stats *sum, const struct rte_eth_stats *st)
{
	unsigned int q;

	sum->ipackets += st->ipackets;
	sum->opackets += st->opackets;
	sum->ibytes += st->ibytes;
	sum->obytes += st->obytes;
	sum->imissed += st->imissed;
	sum->ierrors += st->ierrors;
	sum->oerrors += st->oerrors;
	sum->rx_nombuf += st->rx_nombuf;
	for (q = 0; q < RTE_ETHDEV_QUEUE_STAT_CNTRS; q++) {
		sum->q_ipackets[q] += st->q_ipackets[q];
		sum->q_opackets[q] += st->q_opackets[q];
		sum->q_ibytes[q] += st->q_ibytes[q];
		sum->q_obytes[q] += st->q_obytes[q];
		sum->q_errors[q] += st->q_errors[q];
	}
}

/*
 * Take a sub-device down: the caller made it unusable for bursts (fs_sub_quiesce) and either
 * holds the lock or marked it busy. Its counters go to gone_stats (under the lock).
 */
void
fs_sub_detach(struct fs_priv *p, struct fs_sub *s)
{
	struct rte_eth_stats st;
	struct rte_device *dev;
	uint16_t port = s->port_id;
	int ret;

	if (s->state == FS_SUB_ABSENT)
		return;
	if (!rte_eth_dev_is_valid_port(port)) {
		/* released under the fail-safe (DESTROY): nothing left to take down */
		fs_flow_forget_sub(p, (unsigned int)(s - p->sub));
		s->state = FS_SUB_ABSENT;
		return;
	}
	if (rte_eth_stats_get(port, &st) == 0) {
		fs_lock(p);
		fs_stats_add(&p->gone_stats, &st);
		fs_unlock(p);
	}
	dev = rte_eth_devices[port].device;
	if (s->state == FS_SUB_STARTED)
		rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
	fs_flow_forget_sub(p, (unsigned int)(s - p->sub));
	ret = dev == NULL ? -ENODEV : rte_dev_remove(dev);
	if (ret != 0) {
		/* e.g. a driver that cannot detach: leave the port closed and give it back */
		FS_LOG(WARNING, "%s: sub-device %s not removed (%d)", p->name, s->name, ret);
		rte_eth_dev_owner_unset(port, p->owner_id);
	}
	s->state = FS_SUB_ABSENT;
}
