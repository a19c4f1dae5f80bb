/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_bonding: the port object, its ethdev operations and the vdev probe/remove.
 *
 * The bond's own configure/queue setup only records what members will need; start
 * configures, sets up and starts every member with it, and stop stops them. Statistics,
 * promiscuous/allmulticast mode and the MTU are the members'.
 */
#include <errno.h>
#include <string.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

#include "bond_private.h"

RTE_LOG_REGISTER_DEFAULT(bond_logtype, NOTICE);

int
bond_is_bond(uint16_t port_id)
{
	return rte_eth_dev_is_valid_port(port_id) &&
		rte_eth_devices[port_id].dev_ops == &bond_ops;
}

struct bond_dev *
bond_get(uint16_t port_id)
{
	if (!bond_is_bond(port_id)) {
		BOND_LOG(ERR, "port %u is not a bonding port", port_id);
		return NULL;
	}
	return bond_of(&rte_eth_devices[port_id]);
}

int
bond_mode_supported(uint8_t mode)
{
	switch (mode) {
	case BONDING_MODE_ROUND_ROBIN:
	case BONDING_MODE_ACTIVE_BACKUP:
	case BONDING_MODE_BALANCE:
	case BONDING_MODE_BROADCAST:
	case BONDING_MODE_TLB:
	case BONDING_MODE_ALB:
	case BONDING_MODE_8023AD:
		return 0;
	default:
		BOND_LOG(ERR, "invalid bonding mode %u (0 to 6)", mode);
		return -EINVAL;
	}
}

void
bond_set_burst(struct rte_eth_dev *dev)
{
	struct bond_dev *b = bond_of(dev);

	switch (b->mode) {
	case BONDING_MODE_ROUND_ROBIN:
		dev->rx_pkt_burst = bond_rx_all;
		dev->tx_pkt_burst = bond_tx_round_robin;
		break;
	case BONDING_MODE_ACTIVE_BACKUP:
		dev->rx_pkt_burst = bond_rx_primary;
		dev->tx_pkt_burst = bond_tx_active_backup;
		break;
	case BONDING_MODE_BALANCE:
		dev->rx_pkt_burst = bond_rx_all;
		dev->tx_pkt_burst = bond_tx_balance;
		break;
	case BONDING_MODE_BROADCAST:
		dev->rx_pkt_burst = bond_rx_all;
		dev->tx_pkt_burst = bond_tx_broadcast;
		break;
	case BONDING_MODE_TLB:
		dev->rx_pkt_burst = bond_rx_primary;
		dev->tx_pkt_burst = bond_tx_tlb;
		break;
	case BONDING_MODE_8023AD:
		dev->rx_pkt_burst = bond_rx_8023ad;
		dev->tx_pkt_burst = bond_tx_8023ad;
		break;
	default: /* ALB */
		dev->rx_pkt_burst = bond_rx_alb;
		dev->tx_pkt_burst = bond_tx_alb;
		break;
	}
}

static int
bond_configure(struct rte_eth_dev *dev)
{
	struct bond_dev *b = bond_of(dev);
	int ret = 0;

	bond_lock(b);
	/* Members named in the devargs may be probed after the bond: they join now. */
	if (!b->members_from_args) {
		ret = bond_args_members(b);
		if (ret == 0)
			b->members_from_args = 1;
	}
	bond_unlock(b);
	return ret;
}

static int
bond_start(struct rte_eth_dev *dev)
{
	struct bond_dev *b = bond_of(dev);
	uint16_t i;
	int ret = 0;

	bond_lock(b);
	/* the extra queue is after the application's */
	b->lacp_tx_queue = dev->data->nb_tx_queues;
	for (i = 0; i < b->nb_members; i++) {
		bond_lacp_port_reset(b, b->members[i].port_id);
		ret = bond_member_start(b, &b->members[i]);
		if (ret != 0)
			break;
	}
	if (ret != 0) {
		while (i-- > 0)
			if (b->members[i].configured) {
				rte_eth_dev_stop(b->members[i].port_id);
				b->members[i].configured = 0;
			}
		bond_unlock(b);
		return ret;
	}
	dev->data->dev_started = 1;
	b->macs_dirty = 1;
	bond_update_active(b);
	bond_link_refresh(b);
	bond_unlock(b);
	bond_poll_start(b);
	if (b->mode == BONDING_MODE_8023AD)
		bond_lacp_start(b);
	return 0;
}

static int
bond_stop(struct rte_eth_dev *dev)
{
	struct bond_dev *b = bond_of(dev);
	uint16_t i;

	bond_poll_stop(b);
	bond_lacp_stop(b);
	bond_lock(b);
	dev->data->dev_started = 0;
	bond_update_active(b);
	for (i = 0; i < b->nb_members; i++) {
		struct bond_member *m = &b->members[i];

		if (m->configured && !m->gone)
			rte_eth_dev_stop(m->port_id);
		m->configured = 0;
	}
	bond_link_refresh(b);
	bond_unlock(b);
	return 0;
}

static int
bond_close(struct rte_eth_dev *dev)
{
	struct bond_dev *b = bond_of(dev);

	bond_poll_stop(b);
	bond_lacp_stop(b);
	bond_lock(b);
	while (b->nb_members > 0)
		bond_member_remove(b, b->members[b->nb_members - 1].port_id);
	bond_unlock(b);
	return 0;
}

static int
bond_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct bond_dev *b = bond_of(dev);
	uint16_t max_rxq = BOND_MAX_QUEUES, max_txq = BOND_MAX_QUEUES, i;
	uint64_t rx_capa = 0, tx_capa = 0, rss = 0;
	uint32_t max_pktlen = UINT32_MAX;
	uint16_t reta = 0;
	uint8_t key = 0;

	/* The bond can do what every member can. */
	bond_lock(b);
	for (i = 0; i < b->nb_members; i++) {
		struct rte_eth_dev_info mi;

		if (b->members[i].gone || rte_eth_dev_info_get(b->members[i].port_id, &mi) != 0)
			continue;
		max_rxq = RTE_MIN(max_rxq, mi.max_rx_queues);
		max_txq = RTE_MIN(max_txq, mi.max_tx_queues);
		max_pktlen = RTE_MIN(max_pktlen, mi.max_rx_pktlen);
		rx_capa = i == 0 ? mi.rx_offload_capa : rx_capa & mi.rx_offload_capa;
		tx_capa = i == 0 ? mi.tx_offload_capa : tx_capa & mi.tx_offload_capa;
		rss = i == 0 ? mi.flow_type_rss_offloads : rss & mi.flow_type_rss_offloads;
		reta = i == 0 ? mi.reta_size : RTE_MIN(reta, mi.reta_size);
		key = i == 0 ? mi.hash_key_size : RTE_MIN(key, mi.hash_key_size);
	}
	/* mode 4's dedicated queue is the members' last one */
	if (b->mode == BONDING_MODE_8023AD && b->dedicated_queues && max_txq > 0)
		max_txq--;
	bond_unlock(b);
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = max_pktlen;
	info->max_rx_queues = max_rxq;
	info->max_tx_queues = max_txq;
	info->min_rx_bufsize = 0;
	info->rx_offload_capa = rx_capa;
	info->tx_offload_capa = tx_capa;
	info->rx_queue_offload_capa = 0;
	info->tx_queue_offload_capa = 0;
	info->flow_type_rss_offloads = rss;
	info->reta_size = reta;
	info->hash_key_size = key;
	return 0;
}

/*
 * RSS: set on every member (each spreads what it receives over the bond's queues), read from
 * the first one.
 */
static int
bond_first_member(struct bond_dev *b)
{
	uint16_t i;

	for (i = 0; i < b->nb_members; i++)
		if (!b->members[i].gone)
			return b->members[i].port_id;
	return -1;
}

static int
bond_reta_update(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta,
		uint16_t size)
{
	struct bond_dev *b = bond_of(dev);
	uint16_t i;
	int ret = 0;

	bond_lock(b);
	for (i = 0; i < b->nb_members && ret == 0; i++)
		if (!b->members[i].gone)
			ret = rte_eth_dev_rss_reta_update(b->members[i].port_id, reta, size);
	bond_unlock(b);
	return ret;
}

static int
bond_reta_query(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta,
		uint16_t size)
{
	struct bond_dev *b = bond_of(dev);
	int port, ret;

	bond_lock(b);
	port = bond_first_member(b);
	ret = port < 0 ? -ENOTSUP : rte_eth_dev_rss_reta_query((uint16_t)port, reta, size);
	bond_unlock(b);
	return ret;
}

static int
bond_rss_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	struct bond_dev *b = bond_of(dev);
	uint16_t i;
	int ret = 0;

	bond_lock(b);
	for (i = 0; i < b->nb_members && ret == 0; i++)
		if (!b->members[i].gone)
			ret = rte_eth_dev_rss_hash_update(b->members[i].port_id, conf);
	bond_unlock(b);
	return ret;
}

static int
bond_rss_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	struct bond_dev *b = bond_of(dev);
	int port, ret;

	bond_lock(b);
	port = bond_first_member(b);
	ret = port < 0 ? -ENOTSUP : rte_eth_dev_rss_hash_conf_get((uint16_t)port, conf);
	bond_unlock(b);
	return ret;
}

static int
bond_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct bond_queue *q;

	q = rte_zmalloc_socket("bond rxq", sizeof(*q), RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (q == NULL)
		return -ENOMEM;
	q->bond = bond_of(dev);
	q->qid = qid;
	q->nb_desc = nb_desc;
	q->socket_id = socket_id;
	q->mp = mp;
	q->rxconf = *conf;
	dev->data->rx_queues[qid] = q;
	return 0;
}

static int
bond_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct bond_queue *q;

	q = rte_zmalloc_socket("bond txq", sizeof(*q), RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (q == NULL)
		return -ENOMEM;
	q->tx_bytes = rte_zmalloc_socket("bond txq bytes", sizeof(uint64_t) * RTE_MAX_ETHPORTS,
			0, (int)socket_id);
	if (q->tx_bytes == NULL) {
		rte_free(q);
		return -ENOMEM;
	}
	q->bond = bond_of(dev);
	q->qid = qid;
	q->nb_desc = nb_desc;
	q->socket_id = socket_id;
	q->txconf = *conf;
	dev->data->tx_queues[qid] = q;
	return 0;
}

static void
bond_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	rte_free(dev->data->rx_queues[qid]);
	dev->data->rx_queues[qid] = NULL;
}

static void
bond_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct bond_queue *q = dev->data->tx_queues[qid];

	if (q != NULL)
		rte_free(q->tx_bytes);
	rte_free(q);
	dev->data->tx_queues[qid] = NULL;
}

static int
bond_link_update(struct rte_eth_dev *dev, int wait)
{
	struct bond_dev *b = bond_of(dev);
	uint16_t i;

	bond_lock(b);
	/* Read the members now rather than wait for the next poll. */
	for (i = 0; i < b->nb_members; i++) {
		struct bond_member *m = &b->members[i];
		struct rte_eth_link l;

		if (m->gone)
			continue;
		if ((wait ? rte_eth_link_get(m->port_id, &l) :
				rte_eth_link_get_nowait(m->port_id, &l)) == 0)
			m->link_up = l.link_status == RTE_ETH_LINK_UP;
	}
	bond_update_active(b);
	bond_link_refresh(b);
	bond_unlock(b);
	return 0;
}

static int
bond_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	struct bond_dev *b = bond_of(dev);
	uint16_t i, q;

	bond_lock(b);
	for (i = 0; i < b->nb_members; i++) {
		struct rte_eth_stats ms;

		if (b->members[i].gone || rte_eth_stats_get(b->members[i].port_id, &ms) != 0)
			continue;
		st->ipackets += ms.ipackets;
		st->opackets += ms.opackets;
		st->ibytes += ms.ibytes;
		st->obytes += ms.obytes;
		st->imissed += ms.imissed;
		st->ierrors += ms.ierrors;
		st->oerrors += ms.oerrors;
		st->rx_nombuf += ms.rx_nombuf;
		for (q = 0; q < RTE_ETHDEV_QUEUE_STAT_CNTRS; q++) {
			st->q_ipackets[q] += ms.q_ipackets[q];
			st->q_opackets[q] += ms.q_opackets[q];
			st->q_ibytes[q] += ms.q_ibytes[q];
			st->q_obytes[q] += ms.q_obytes[q];
			st->q_errors[q] += ms.q_errors[q];
		}
	}
	bond_unlock(b);
	return 0;
}

static int
bond_stats_reset(struct rte_eth_dev *dev)
{
	struct bond_dev *b = bond_of(dev);
	uint16_t i;
	int ret = 0;

	bond_lock(b);
	for (i = 0; i < b->nb_members; i++)
		if (!b->members[i].gone) {
			int r = rte_eth_stats_reset(b->members[i].port_id);

			if (r != 0 && r != -ENOTSUP)
				ret = r;
		}
	bond_unlock(b);
	return ret;
}

/* Apply one setting to every member; the first error is returned after trying them all. */
static int
bond_each_member(struct rte_eth_dev *dev, int (*fn)(uint16_t port))
{
	struct bond_dev *b = bond_of(dev);
	uint16_t i;
	int ret = 0;

	bond_lock(b);
	for (i = 0; i < b->nb_members; i++) {
		int r;

		if (b->members[i].gone)
			continue;
		r = fn(b->members[i].port_id);
		if (r != 0 && r != -ENOTSUP && ret == 0)
			ret = r;
	}
	bond_unlock(b);
	return ret;
}

static int
bond_promisc_on(struct rte_eth_dev *dev)
{
	return bond_each_member(dev, rte_eth_promiscuous_enable);
}

static int
bond_promisc_off(struct rte_eth_dev *dev)
{
	return bond_each_member(dev, rte_eth_promiscuous_disable);
}

static int
bond_allmulti_on(struct rte_eth_dev *dev)
{
	return bond_each_member(dev, rte_eth_allmulticast_enable);
}

static int
bond_allmulti_off(struct rte_eth_dev *dev)
{
	return bond_each_member(dev, rte_eth_allmulticast_disable);
}

static int
bond_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct bond_dev *b = bond_of(dev);
	uint16_t i;
	int ret = 0;

	bond_lock(b);
	for (i = 0; i < b->nb_members && ret == 0; i++)
		if (!b->members[i].gone)
			ret = rte_eth_dev_set_mtu(b->members[i].port_id, mtu);
	bond_unlock(b);
	if (ret != 0)
		BOND_LOG(ERR, "port %u: a member refused MTU %u", dev->data->port_id, mtu);
	return ret;
}

static int
bond_mac_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct bond_dev *b = bond_of(dev);

	bond_lock(b);
	b->mac = *addr;
	b->user_mac = 1;
	b->macs_dirty = 1;
	bond_unlock(b);
	return 0;
}

const struct eth_dev_ops bond_ops = {
	.dev_configure = bond_configure,
	.dev_start = bond_start,
	.dev_stop = bond_stop,
	.dev_close = bond_close,
	.dev_infos_get = bond_infos_get,
	.rx_queue_setup = bond_rx_queue_setup,
	.tx_queue_setup = bond_tx_queue_setup,
	.rx_queue_release = bond_rx_queue_release,
	.tx_queue_release = bond_tx_queue_release,
	.link_update = bond_link_update,
	.stats_get = bond_stats_get,
	.stats_reset = bond_stats_reset,
	.promiscuous_enable = bond_promisc_on,
	.promiscuous_disable = bond_promisc_off,
	.allmulticast_enable = bond_allmulti_on,
	.allmulticast_disable = bond_allmulti_off,
	.mtu_set = bond_mtu_set,
	.mac_addr_set = bond_mac_set,
	.reta_update = bond_reta_update,
	.reta_query = bond_reta_query,
	.rss_hash_update = bond_rss_update,
	.rss_hash_conf_get = bond_rss_get,
};

static int
bond_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_kvargs *kv = NULL;
	struct rte_eth_dev *dev;
	struct bond_dev *b;
	int socket_id = (int)rte_socket_id();
	uint8_t mode = BONDING_MODE_ROUND_ROBIN;
	int ret;

	ret = bond_args_parse(name, rte_vdev_device_args(vdev), &kv, &mode, &socket_id);
	if (ret != 0)
		return ret;
	ret = bond_mode_supported(mode);
	if (ret != 0) {
		rte_kvargs_free(kv);
		return ret;
	}
	vdev->device.numa_node = socket_id;
	dev = rte_eth_vdev_allocate(vdev, sizeof(*b));
	if (dev == NULL) {
		rte_kvargs_free(kv);
		return -rte_errno;
	}
	b = dev->data->dev_private;
	b->port_id = dev->data->port_id;
	ret = rte_eth_dev_owner_new(&b->owner_id);
	if (ret == 0)
		ret = bond_events_register(b);
	if (ret != 0) {
		rte_kvargs_free(kv);
		if (b->owner_id != 0)
			rte_eth_dev_owner_delete(b->owner_id);
		rte_eth_dev_release_port(dev);
		return ret;
	}
	rte_spinlock_recursive_init(&b->lock);
	rte_spinlock_init(&b->alb_lock);
	b->port_id = dev->data->port_id;
	b->mode = mode;
	b->xmit_policy = BALANCE_XMIT_POLICY_LAYER2;
	b->poll_ms = BOND_DEFAULT_POLL_MS;
	b->kvargs = kv;
	b->active = &b->lists[0];
	b->rx_active = &b->rx_lists[0];
	bond_lacp_conf_default(&b->lacp_conf);
	dev->data->mac_addrs = &b->mac;
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
	dev->dev_ops = &bond_ops;
	bond_set_burst(dev);
	/* Settings that need no member (xmit policy, MAC, delays) are checked now. */
	ret = bond_args_apply(b);
	if (ret != 0) {
		rte_kvargs_free(kv);
		bond_events_unregister(b);
		rte_eth_dev_owner_delete(b->owner_id);
		dev->data->mac_addrs = NULL;
		rte_eth_dev_release_port(dev);
		return ret;
	}
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
bond_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	struct bond_dev *b;

	if (dev == NULL)
		return 0;
	b = bond_of(dev);
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	rte_eth_dev_close(dev->data->port_id);
	bond_close(dev);
	bond_events_unregister(b);
	rte_eth_dev_owner_delete(b->owner_id);
	rte_kvargs_free(b->kvargs);
	b->kvargs = NULL;
	bond_lacp_free(b);
	/* The address lives in the private data, which release frees. */
	dev->data->mac_addrs = NULL;
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver bond_driver = {
	.probe = bond_probe,
	.remove = bond_remove,
};

RTE_PMD_REGISTER_VDEV(net_bonding, bond_driver);
RTE_PMD_REGISTER_ALIAS(net_bonding, eth_bond);
RTE_PMD_REGISTER_PARAM_STRING(net_bonding,
	"slave=<ifc> "
	"member=<ifc> "
	"primary=<ifc> "
	"mode=[0-6] "
	"xmit_policy=[l2 | l23 | l34] "
	"agg_mode=[count | stable | bandwidth] "
	"socket_id=<int> "
	"mac=<mac addr> "
	"lsc_poll_period_ms=<int> "
	"up_delay=<int> "
	"down_delay=<int>");
