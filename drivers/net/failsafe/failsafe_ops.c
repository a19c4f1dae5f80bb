/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fail-safe port's ethdev operations. Each records the setting in p->conf (for the
 * sub-devices that come back later) and applies it to the sub-devices present now.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_malloc.h>
#include <rte_string_fns.h>

#include "failsafe_private.h"

#define FOREACH_SUB(p, i, s, at_least) \
	for (i = 0, s = &(p)->sub[0]; i < (p)->nb_sub; i++, s = &(p)->sub[i]) \
		if (fs_sub_ready(s, at_least))

/* Publish a sub-device to the bursts when it runs. */
static void
fs_sub_publish(struct fs_sub *s)
{
	__atomic_store_n(&s->usable, s->state == FS_SUB_STARTED, __ATOMIC_SEQ_CST);
}

static int
fs_configure(struct rte_eth_dev *dev)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int ret = 0;

	if (dev->data->nb_rx_queues > FS_MAX_QUEUES || dev->data->nb_tx_queues > FS_MAX_QUEUES) {
		FS_LOG(ERR, "%s: at most %d queues each way", p->name, FS_MAX_QUEUES);
		return -EINVAL;
	}
	fs_lock(p);
	p->conf.dev_conf = dev->data->dev_conf;
	p->conf.nb_rxq = dev->data->nb_rx_queues;
	p->conf.nb_txq = dev->data->nb_tx_queues;
	p->conf.configured = 1;
	p->conf_gen++;
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		struct rte_eth_conf conf = p->conf.dev_conf;

		ret = rte_eth_dev_configure(s->port_id, p->conf.nb_rxq, p->conf.nb_txq, &conf);
		if (ret != 0) {
			FS_LOG(ERR, "%s: sub-device %s refused the configuration (%d)", p->name,
					s->name, ret);
			break;
		}
		s->state = FS_SUB_CONFIGURED;
	}
	fs_unlock(p);
	return ret;
}

static int
fs_start(struct rte_eth_dev *dev)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int ret = 0;

	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_CONFIGURED) {
		if (s->state == FS_SUB_STARTED)
			continue;
		ret = rte_eth_dev_start(s->port_id);
		if (ret != 0) {
			FS_LOG(ERR, "%s: sub-device %s did not start (%d)", p->name, s->name, ret);
			break;
		}
		s->state = FS_SUB_STARTED;
	}
	if (ret != 0) {
		while (i-- > 0) {
			s = &p->sub[i];
			if (fs_sub_ready(s, FS_SUB_STARTED)) {
				rte_eth_dev_stop(s->port_id);
				s->state = FS_SUB_CONFIGURED;
			}
		}
		fs_unlock(p);
		return ret;
	}
	p->conf.started = 1;
	p->conf_gen++;
	FOREACH_SUB(p, i, s, FS_SUB_PROBED)
		fs_sub_publish(s);
	fs_unlock(p);
	return 0;
}

static int
fs_stop(struct rte_eth_dev *dev)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;

	fs_lock(p);
	p->conf.started = 0;
	p->conf_gen++;
	FOREACH_SUB(p, i, s, FS_SUB_STARTED) {
		fs_sub_quiesce(p, i);
		rte_eth_dev_stop(s->port_id);
		s->state = FS_SUB_CONFIGURED;
	}
	fs_unlock(p);
	dev->data->dev_link.link_status = RTE_ETH_LINK_DOWN;
	return 0;
}

static int
fs_close(struct rte_eth_dev *dev)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;

	fs_alarm_stop(p);
	fs_events_unregister(p);
	fs_lock(p);
	/* A sub-device the alarm is working on is taken down by the alarm when it sees closing. */
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		fs_sub_quiesce(p, i);
		fs_sub_detach(p, s);
	}
	p->conf.configured = 0;
	fs_unlock(p);
	fs_flow_free_all(p);
	return 0;
}

static void
fs_infos_default(struct rte_eth_dev_info *info)
{
	info->max_rx_pktlen = UINT32_MAX;
	info->max_rx_queues = FS_MAX_QUEUES;
	info->max_tx_queues = FS_MAX_QUEUES;
	info->max_mac_addrs = FS_MAX_MACS;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = UINT16_MAX - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN;
	info->rx_desc_lim.nb_max = UINT16_MAX;
	info->tx_desc_lim.nb_max = UINT16_MAX;
	info->hash_key_size = FS_MAX_RSS_KEY; /* the longest key the fail-safe keeps */
}

/* What every sub-device present can do; limits of an empty fail-safe when none is. */
static int
fs_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int first = 1;

	fs_infos_default(info);
	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		struct rte_eth_dev_info si;

		if (rte_eth_dev_info_get(s->port_id, &si) != 0)
			continue;
		info->max_rx_pktlen = RTE_MIN(info->max_rx_pktlen, si.max_rx_pktlen);
		info->max_rx_queues = RTE_MIN(info->max_rx_queues, si.max_rx_queues);
		info->max_tx_queues = RTE_MIN(info->max_tx_queues, si.max_tx_queues);
		info->max_mac_addrs = RTE_MIN(info->max_mac_addrs, si.max_mac_addrs);
		/* a key every sub-device takes; RETA is not handled, reta_size stays 0 */
		info->hash_key_size = RTE_MIN(info->hash_key_size, si.hash_key_size);
		info->min_mtu = RTE_MAX(info->min_mtu, si.min_mtu);
		info->max_mtu = RTE_MIN(info->max_mtu, si.max_mtu);
		info->min_rx_bufsize = RTE_MAX(info->min_rx_bufsize, si.min_rx_bufsize);
		info->rx_desc_lim.nb_max = RTE_MIN(info->rx_desc_lim.nb_max,
				si.rx_desc_lim.nb_max);
		info->tx_desc_lim.nb_max = RTE_MIN(info->tx_desc_lim.nb_max,
				si.tx_desc_lim.nb_max);
		info->rx_desc_lim.nb_min = RTE_MAX(info->rx_desc_lim.nb_min,
				si.rx_desc_lim.nb_min);
		info->tx_desc_lim.nb_min = RTE_MAX(info->tx_desc_lim.nb_min,
				si.tx_desc_lim.nb_min);
		info->rx_desc_lim.nb_align = RTE_MAX(info->rx_desc_lim.nb_align,
				si.rx_desc_lim.nb_align);
		info->tx_desc_lim.nb_align = RTE_MAX(info->tx_desc_lim.nb_align,
				si.tx_desc_lim.nb_align);
		if (first) {
			info->rx_offload_capa = si.rx_offload_capa;
			info->tx_offload_capa = si.tx_offload_capa;
			info->rx_queue_offload_capa = si.rx_queue_offload_capa;
			info->tx_queue_offload_capa = si.tx_queue_offload_capa;
			info->flow_type_rss_offloads = si.flow_type_rss_offloads;
			info->speed_capa = si.speed_capa;
			first = 0;
		} else {
			info->rx_offload_capa &= si.rx_offload_capa;
			info->tx_offload_capa &= si.tx_offload_capa;
			info->rx_queue_offload_capa &= si.rx_queue_offload_capa;
			info->tx_queue_offload_capa &= si.tx_queue_offload_capa;
			info->flow_type_rss_offloads &= si.flow_type_rss_offloads;
			info->speed_capa &= si.speed_capa;
		}
	}
	fs_unlock(p);
	if (info->rx_desc_lim.nb_align == 0)
		info->rx_desc_lim.nb_align = 1;
	if (info->tx_desc_lim.nb_align == 0)
		info->tx_desc_lim.nb_align = 1;
	return 0;
}

static int
fs_queue_setup(struct rte_eth_dev *dev, int rx, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *rxconf,
		const struct rte_eth_txconf *txconf, struct rte_mempool *mp)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_qconf *qc = rx ? &p->conf.rxq[qid] : &p->conf.txq[qid];
	struct fs_queue *q;
	struct fs_sub *s;
	unsigned int i;
	int ret = 0;

	q = rte_zmalloc_socket("failsafe queue", sizeof(*q), RTE_CACHE_LINE_SIZE,
			(int)socket_id);
	if (q == NULL)
		return -ENOMEM;
	q->p = p;
	q->qid = qid;
	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_CONFIGURED) {
		ret = rx ? rte_eth_rx_queue_setup(s->port_id, qid, nb_desc, socket_id, rxconf, mp) :
			rte_eth_tx_queue_setup(s->port_id, qid, nb_desc, socket_id, txconf);
		if (ret != 0) {
			FS_LOG(ERR, "%s: sub-device %s refused %s queue %u (%d)", p->name, s->name,
					rx ? "rx" : "tx", qid, ret);
			break;
		}
	}
	if (ret == 0) {
		memset(qc, 0, sizeof(*qc));
		qc->set = 1;
		qc->nb_desc = nb_desc;
		qc->socket_id = socket_id;
		if (rxconf != NULL)
			qc->rxconf = *rxconf;
		if (txconf != NULL)
			qc->txconf = *txconf;
		qc->mp = mp;
		p->conf_gen++;
		if (rx)
			dev->data->rx_queues[qid] = q;
		else
			dev->data->tx_queues[qid] = q;
	}
	fs_unlock(p);
	if (ret != 0)
		rte_free(q);
	return ret;
}

static int
fs_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	return fs_queue_setup(dev, 1, qid, nb_desc, socket_id, conf, NULL, mp);
}

static int
fs_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	return fs_queue_setup(dev, 0, qid, nb_desc, socket_id, NULL, conf, NULL);
}

static void
fs_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct fs_priv *p = fs_of(dev);

	fs_lock(p);
	p->conf.rxq[qid].set = 0;
	p->conf_gen++;
	fs_unlock(p);
	rte_free(dev->data->rx_queues[qid]);
	dev->data->rx_queues[qid] = NULL;
}

static void
fs_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct fs_priv *p = fs_of(dev);

	fs_lock(p);
	p->conf.txq[qid].set = 0;
	p->conf_gen++;
	fs_unlock(p);
	rte_free(dev->data->tx_queues[qid]);
	dev->data->tx_queues[qid] = NULL;
}

/* The link of the sub-device that transmits: the first one running. */
static int
fs_link_update(struct rte_eth_dev *dev, int wait)
{
	struct fs_priv *p = fs_of(dev);
	struct rte_eth_link link;
	struct fs_sub *s;
	unsigned int i;
	int found = 0;

	memset(&link, 0, sizeof(link));
	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_STARTED) {
		if ((wait ? rte_eth_link_get(s->port_id, &link) :
				rte_eth_link_get_nowait(s->port_id, &link)) == 0) {
			found = 1;
			break;
		}
	}
	fs_unlock(p);
	if (!found || !dev->data->dev_started) {
		memset(&link, 0, sizeof(link));
		link.link_status = RTE_ETH_LINK_DOWN;
	}
	return rte_eth_linkstatus_set(dev, &link);
}

static int
fs_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;

	fs_lock(p);
	*st = p->gone_stats;
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		struct rte_eth_stats ss;

		if (rte_eth_stats_get(s->port_id, &ss) == 0)
			fs_stats_add(st, &ss);
	}
	fs_unlock(p);
	return 0;
}

static int
fs_stats_reset(struct rte_eth_dev *dev)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int ret = 0;

	fs_lock(p);
	memset(&p->gone_stats, 0, sizeof(p->gone_stats));
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		int r = rte_eth_stats_reset(s->port_id);

		if (r != 0 && r != -ENOTSUP && ret == 0)
			ret = r;
	}
	fs_unlock(p);
	return ret;
}

/*
 * Extended statistics: those of each sub-device present, in order, named "sub<index>_<name>".
 * A sub-device removed between the count and the values shortens the list; the entries
 * left are zeroed rather than left unset.
 */
static int
fs_xstats_get_names(struct rte_eth_dev *dev, struct rte_eth_xstat_name *names,
		unsigned int size)
{
	struct fs_priv *p = fs_of(dev);
	struct rte_eth_xstat_name *tmp;
	unsigned int i, total = 0;
	struct fs_sub *s;
	int cnt, got, k;

	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		cnt = rte_eth_xstats_get_names(s->port_id, NULL, 0);
		if (cnt <= 0)
			continue;
		if (names != NULL && total + (unsigned int)cnt <= size) {
			tmp = calloc((size_t)cnt, sizeof(*tmp));
			if (tmp == NULL) {
				fs_unlock(p);
				return -ENOMEM;
			}
			got = rte_eth_xstats_get_names(s->port_id, tmp, (unsigned int)cnt);
			for (k = 0; k < cnt; k++) {
				char buf[RTE_ETH_XSTATS_NAME_SIZE + 16];

				snprintf(buf, sizeof(buf), "sub%u_%s", i,
						k < got ? tmp[k].name : "gone");
				/* a name too long for the table is cut */
				rte_strscpy(names[total + k].name, buf, sizeof(names[0].name));
			}
			free(tmp);
		}
		total += (unsigned int)cnt;
	}
	fs_unlock(p);
	return (int)total;
}

static int
fs_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats, unsigned int n)
{
	struct fs_priv *p = fs_of(dev);
	struct rte_eth_xstat *tmp;
	unsigned int i, total = 0;
	struct fs_sub *s;
	int cnt, got, k;

	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		cnt = rte_eth_xstats_get(s->port_id, NULL, 0);
		if (cnt <= 0)
			continue;
		if (xstats != NULL && total + (unsigned int)cnt <= n) {
			tmp = calloc((size_t)cnt, sizeof(*tmp));
			if (tmp == NULL) {
				fs_unlock(p);
				return -ENOMEM;
			}
			got = rte_eth_xstats_get(s->port_id, tmp, (unsigned int)cnt);
			for (k = 0; k < cnt; k++) {
				xstats[total + k].id = total + k;
				xstats[total + k].value = k < got ? tmp[k].value : 0;
			}
			free(tmp);
		}
		total += (unsigned int)cnt;
	}
	fs_unlock(p);
	if (xstats != NULL && total < n)
		memset(&xstats[total], 0, sizeof(*xstats) * (n - total));
	return (int)total;
}

static int
fs_xstats_reset(struct rte_eth_dev *dev)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int ret = 0;

	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		int r = rte_eth_xstats_reset(s->port_id);

		if (r != 0 && r != -ENOTSUP && ret == 0)
			ret = r;
	}
	fs_unlock(p);
	return ret;
}

/* Record a setting and apply it to every sub-device present; the first error is returned. */
static int
fs_each_sub(struct rte_eth_dev *dev, uint8_t *field, uint8_t value, int (*fn)(uint16_t port))
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int ret = 0;

	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		ret = fs_opt_ret(fn(s->port_id));
		if (ret != 0) {
			FS_LOG(ERR, "%s: sub-device %s refused the setting (%d)", p->name, s->name,
					ret);
			break;
		}
	}
	if (ret == 0) {
		*field = value;
		p->conf_gen++;
	}
	fs_unlock(p);
	return ret;
}

static int
fs_promisc_on(struct rte_eth_dev *dev)
{
	return fs_each_sub(dev, &fs_of(dev)->conf.promisc, 1, rte_eth_promiscuous_enable);
}

static int
fs_promisc_off(struct rte_eth_dev *dev)
{
	return fs_each_sub(dev, &fs_of(dev)->conf.promisc, 0, rte_eth_promiscuous_disable);
}

static int
fs_allmulti_on(struct rte_eth_dev *dev)
{
	return fs_each_sub(dev, &fs_of(dev)->conf.allmulti, 1, rte_eth_allmulticast_enable);
}

static int
fs_allmulti_off(struct rte_eth_dev *dev)
{
	return fs_each_sub(dev, &fs_of(dev)->conf.allmulti, 0, rte_eth_allmulticast_disable);
}

static int
fs_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int ret = 0;

	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		ret = rte_eth_dev_set_mtu(s->port_id, mtu);
		if (ret != 0) {
			FS_LOG(ERR, "%s: sub-device %s refused MTU %u (%d)", p->name, s->name, mtu,
					ret);
			break;
		}
	}
	if (ret == 0) {
		p->conf.mtu = mtu;
		p->conf.mtu_set = 1;
		p->conf_gen++;
	}
	fs_unlock(p);
	return ret;
}

static int
fs_mac_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int ret = 0;

	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		ret = fs_opt_ret(rte_eth_dev_default_mac_addr_set(s->port_id, addr));
		if (ret != 0)
			break;
	}
	if (ret == 0) {
		p->conf.macs[0] = *addr;
		p->conf_gen++;
	}
	fs_unlock(p);
	return ret;
}

static int
fs_mac_add(struct rte_eth_dev *dev, struct rte_ether_addr *addr, uint32_t index, uint32_t vmdq)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int ret = 0;

	if (index >= FS_MAX_MACS)
		return -ENOSPC;
	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		ret = fs_opt_ret(rte_eth_dev_mac_addr_add(s->port_id, addr, vmdq));
		if (ret != 0)
			break;
	}
	if (ret == 0) {
		p->conf.macs[index] = *addr;
		p->conf_gen++;
	}
	fs_unlock(p);
	return ret;
}

static void
fs_mac_remove(struct rte_eth_dev *dev, uint32_t index)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;

	if (index >= FS_MAX_MACS)
		return;
	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED)
		rte_eth_dev_mac_addr_remove(s->port_id, &p->conf.macs[index]);
	memset(&p->conf.macs[index], 0, sizeof(p->conf.macs[index]));
	p->conf_gen++;
	fs_unlock(p);
}

static int
fs_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vlan_id, int on)
{
	struct fs_priv *p = fs_of(dev);
	uint64_t bit = UINT64_C(1) << (vlan_id % 64);
	struct fs_sub *s;
	unsigned int i, done = 0;
	int ret = 0;

	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		ret = rte_eth_dev_vlan_filter(s->port_id, vlan_id, on);
		if (ret != 0) {
			FS_LOG(ERR, "%s: sub-device %s refused VLAN filter %u (%d)", p->name,
					s->name, vlan_id, ret);
			break;
		}
		done |= 1u << i;
	}
	if (ret == 0) {
		if (on)
			p->conf.vlan_ids[vlan_id / 64] |= bit;
		else
			p->conf.vlan_ids[vlan_id / 64] &= ~bit;
		p->conf_gen++;
	} else {
		/* the sub-devices stay alike: undo it where it was done */
		FOREACH_SUB(p, i, s, FS_SUB_PROBED)
			if (done & (1u << i))
				rte_eth_dev_vlan_filter(s->port_id, vlan_id, !on);
	}
	fs_unlock(p);
	return ret;
}

/* A sub-device's RSS hash as it was before an update, to put back if a later one refuses. */
struct fs_rss_old {
	struct rte_eth_rss_conf conf;
	uint8_t key[UINT8_MAX]; /* hash_key_size is a uint8_t: any sub-device's key fits */
};

/*
 * Read what a sub-device hashes with now: its hash types and, if it has a key
 * (dev_info hash_key_size), the key, into a buffer of that size.
 */
static int
fs_rss_save(struct fs_priv *p, const struct fs_sub *s, struct fs_rss_old *old)
{
	struct rte_eth_dev_info info;
	int ret;

	memset(old, 0, sizeof(*old));
	ret = rte_eth_dev_info_get(s->port_id, &info);
	if (ret == 0) {
		if (info.hash_key_size > 0) {
			old->conf.rss_key = old->key;
			old->conf.rss_key_len = info.hash_key_size;
		}
		ret = rte_eth_dev_rss_hash_conf_get(s->port_id, &old->conf);
	}
	if (ret != 0)
		FS_LOG(ERR, "%s: sub-device %s cannot report its RSS hash to undo an update (%d)",
				p->name, s->name, ret);
	return ret;
}

/*
 * The sub-devices stay alike: the update is made on all of them or on none. Each one's
 * current hash is read first; one that cannot report it (no rss_hash_conf_get) could not be
 * put back, so the update is refused before any sub-device is touched. When one refuses, those
 * updated before it get their hash back and p->conf keeps the previous setting.
 */
static int
fs_rss_hash_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_rss_old old[FS_MAX_SUB];
	struct rte_eth_rss_conf c = *rss_conf;
	struct fs_sub *s;
	unsigned int i, done = 0;
	int ret = 0;

	if (c.rss_key != NULL && c.rss_key_len > FS_MAX_RSS_KEY) {
		FS_LOG(ERR, "%s: RSS key of %u bytes, at most %d kept", p->name, c.rss_key_len,
				FS_MAX_RSS_KEY);
		return -EINVAL;
	}
	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		ret = fs_rss_save(p, s, &old[i]);
		if (ret != 0) {
			fs_unlock(p);
			return ret;
		}
	}
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		c = *rss_conf;
		ret = rte_eth_dev_rss_hash_update(s->port_id, &c);
		if (ret != 0) {
			FS_LOG(ERR, "%s: sub-device %s refused the RSS hash update (%d)", p->name,
					s->name, ret);
			break;
		}
		done |= 1u << i;
	}
	if (ret == 0) {
		p->conf.rss_set = 1;
		p->conf.rss_hf = rss_conf->rss_hf;
		if (rss_conf->rss_key != NULL && rss_conf->rss_key_len > 0) {
			memcpy(p->conf.rss_key, rss_conf->rss_key, rss_conf->rss_key_len);
			p->conf.rss_key_len = rss_conf->rss_key_len;
		}
		p->conf_gen++;
	} else {
		FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
			int r;

			if (!(done & (1u << i)))
				continue;
			r = rte_eth_dev_rss_hash_update(s->port_id, &old[i].conf);
			if (r != 0)
				FS_LOG(ERR, "%s: sub-device %s keeps the refused RSS hash (%d)",
						p->name, s->name, r);
		}
	}
	fs_unlock(p);
	return ret;
}

/*
 * The hash the application set (hash types and, when it gave one, key); otherwise, or for a
 * key it never gave, what the first sub-device that answers hashes with (-ENODEV when none
 * is present to answer).
 */
static int
fs_rss_hash_conf_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i;
	int ret = -ENODEV;

	fs_lock(p);
	if (p->conf.rss_set && (rss_conf->rss_key == NULL || p->conf.rss_key_len > 0)) {
		if (rss_conf->rss_key != NULL) {
			/* a length given is the size of the caller's buffer */
			if (rss_conf->rss_key_len != 0 &&
					rss_conf->rss_key_len < p->conf.rss_key_len) {
				fs_unlock(p);
				FS_LOG(ERR, "%s: RSS key buffer of %u bytes, key of %u", p->name,
						rss_conf->rss_key_len, p->conf.rss_key_len);
				return -EINVAL;
			}
			memcpy(rss_conf->rss_key, p->conf.rss_key, p->conf.rss_key_len);
			rss_conf->rss_key_len = p->conf.rss_key_len;
		}
		rss_conf->rss_hf = p->conf.rss_hf;
		fs_unlock(p);
		return 0;
	}
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		ret = rte_eth_dev_rss_hash_conf_get(s->port_id, rss_conf);
		if (ret == 0)
			break;
	}
	fs_unlock(p);
	return ret;
}

static int
fs_mc_list_set(struct rte_eth_dev *dev, struct rte_ether_addr *mc, uint32_t nb)
{
	struct fs_priv *p = fs_of(dev);
	struct fs_sub *s;
	unsigned int i, done = 0;
	int ret = 0;

	if (nb > FS_MAX_MC) {
		FS_LOG(ERR, "%s: %u multicast addresses, at most %d", p->name, nb, FS_MAX_MC);
		return -ENOSPC;
	}
	fs_lock(p);
	FOREACH_SUB(p, i, s, FS_SUB_PROBED) {
		ret = rte_eth_dev_set_mc_addr_list(s->port_id, mc, nb);
		if (ret != 0) {
			FS_LOG(ERR, "%s: sub-device %s refused the multicast list (%d)", p->name,
					s->name, ret);
			break;
		}
		done |= 1u << i;
	}
	if (ret == 0) {
		if (nb > 0)
			memcpy(p->conf.mc, mc, nb * sizeof(mc[0]));
		p->conf.nb_mc = nb;
		p->conf_gen++;
	} else {
		/* back to the list the others still have */
		FOREACH_SUB(p, i, s, FS_SUB_PROBED)
			if (done & (1u << i))
				rte_eth_dev_set_mc_addr_list(s->port_id,
						p->conf.nb_mc > 0 ? p->conf.mc : NULL, p->conf.nb_mc);
	}
	fs_unlock(p);
	return ret;
}

const struct eth_dev_ops fs_ops = {
	.dev_configure = fs_configure,
	.dev_start = fs_start,
	.dev_stop = fs_stop,
	.dev_close = fs_close,
	.dev_infos_get = fs_infos_get,
	.rx_queue_setup = fs_rx_queue_setup,
	.tx_queue_setup = fs_tx_queue_setup,
	.rx_queue_release = fs_rx_queue_release,
	.tx_queue_release = fs_tx_queue_release,
	.link_update = fs_link_update,
	.stats_get = fs_stats_get,
	.stats_reset = fs_stats_reset,
	.xstats_get = fs_xstats_get,
	.xstats_get_names = fs_xstats_get_names,
	.xstats_reset = fs_xstats_reset,
	.promiscuous_enable = fs_promisc_on,
	.promiscuous_disable = fs_promisc_off,
	.allmulticast_enable = fs_allmulti_on,
	.allmulticast_disable = fs_allmulti_off,
	.mtu_set = fs_mtu_set,
	.mac_addr_set = fs_mac_set,
	.mac_addr_add = fs_mac_add,
	.mac_addr_remove = fs_mac_remove,
	.flow_ops_get = fs_flow_ops_get,
	.vlan_filter_set = fs_vlan_filter_set,
	.rss_hash_update = fs_rss_hash_update,
	.rss_hash_conf_get = fs_rss_hash_conf_get,
	.set_mc_addr_list = fs_mc_list_set,
};
