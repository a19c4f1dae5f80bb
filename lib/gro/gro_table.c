/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Flow table and merging. A flow is a list of items in arrival order; an item is a chain of
 * packets whose payloads follow on. A new packet is merged with the first item of its flow
 * it extends at the end (append) or at the front (prepend); the headers of the merged packet
 * are those of its first packet, rewritten only when the item leaves the table.
 */
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "gro_private.h"

void
gro_tbl_init(struct gro_tbl *t, struct gro_item *items, uint32_t max_items,
		struct gro_flow *flows, uint32_t max_flows)
{
	uint32_t i;

	t->items = items;
	t->flows = flows;
	t->max_items = max_items;
	t->max_flows = max_flows;
	t->nb_items = 0;
	t->nb_flows = 0;
	t->free_hint = 0;
	for (i = 0; i < max_items; i++)
		items[i].first = NULL;
	for (i = 0; i < max_flows; i++)
		flows[i].first = GRO_NONE;
}

static uint32_t
item_alloc(struct gro_tbl *t, struct rte_mbuf *pkt, const struct gro_desc *d, uint64_t now)
{
	struct gro_item *it;
	uint32_t i;

	if (t->nb_items >= t->max_items)
		return GRO_NONE;
	for (i = t->free_hint; t->items[i].first != NULL; i = (i + 1) % t->max_items)
		;
	t->free_hint = (i + 1) % t->max_items;
	t->nb_items++;
	it = &t->items[i];
	it->first = pkt;
	it->last = rte_pktmbuf_lastseg(pkt);
	it->start_time = now;
	it->next = GRO_NONE;
	it->seq = d->seq;
	it->hdr_len = d->hdr_len;
	it->outer_l2 = d->outer_l2;
	it->o_udp_off = d->o_udp_off;
	it->ip_off = d->ip_off;
	it->l4_off = d->l4_off;
	it->l4_len = d->l4_len;
	it->id_first = d->ip_id;
	it->id_last = d->ip_id;
	it->o_id_first = d->o_ip_id;
	it->o_id_last = d->o_ip_id;
	it->nb_merged = 1;
	it->atomic = d->atomic;
	it->o_atomic = d->o_atomic;
	it->last_frag = d->last_frag;
	it->is_tcp = d->is_tcp;
	return i;
}

static void
item_free(struct gro_tbl *t, uint32_t i)
{
	t->items[i].first = NULL;
	t->nb_items--;
}

/* 1 when pkt goes after the item, -1 before it, 0 when they do not follow on. */
static int
item_neighbour(const struct gro_item *it, const struct rte_mbuf *pkt, const struct gro_desc *d)
{
	uint32_t it_dl = it->first->pkt_len - it->hdr_len;

	if (it->hdr_len != d->hdr_len || it->l4_len != d->l4_len ||
			it->atomic != d->atomic || it->o_atomic != d->o_atomic)
		return 0;
	/* TCP options must be the same, byte for byte */
	if (d->is_tcp && d->l4_len > sizeof(struct rte_tcp_hdr) &&
			memcmp(rte_pktmbuf_mtod_offset(it->first, const uint8_t *,
					it->l4_off + sizeof(struct rte_tcp_hdr)),
				rte_pktmbuf_mtod_offset(pkt, const uint8_t *,
					d->l4_off + sizeof(struct rte_tcp_hdr)),
				d->l4_len - sizeof(struct rte_tcp_hdr)) != 0)
		return 0;
	if (d->seq == it->seq + it_dl && !it->last_frag &&
			(d->atomic || d->ip_id == (uint16_t)(it->id_last + 1)) &&
			(d->o_atomic || d->o_ip_id == (uint16_t)(it->o_id_last + 1)))
		return 1;
	if (d->seq + d->dl == it->seq && !d->last_frag &&
			(d->atomic || (uint16_t)(d->ip_id + 1) == it->id_first) &&
			(d->o_atomic || (uint16_t)(d->o_ip_id + 1) == it->o_id_first))
		return -1;
	return 0;
}

/* Chain pkt to the item; 0 if the result would be too long. */
static int
item_merge(struct gro_item *it, struct rte_mbuf *pkt, const struct gro_desc *d, int where)
{
	struct rte_mbuf *head = where > 0 ? it->first : pkt;
	struct rte_mbuf *tail = where > 0 ? pkt : it->first;

	if (head->pkt_len + tail->pkt_len - d->hdr_len - d->outer_l2 > GRO_MAX_IP_LEN ||
			(uint32_t)head->nb_segs + tail->nb_segs > UINT16_MAX)
		return 0;
	/* the tail keeps only its payload; the headers lie in its first segment */
	rte_pktmbuf_adj(tail, d->hdr_len);
	if (where > 0) {
		it->last->next = pkt;
		it->last = rte_pktmbuf_lastseg(pkt);
		it->id_last = d->ip_id;
		it->o_id_last = d->o_ip_id;
		it->last_frag = d->last_frag;
	} else {
		rte_pktmbuf_lastseg(pkt)->next = it->first;
		it->first = pkt;
		it->seq = d->seq;
		it->id_first = d->ip_id;
		it->o_id_first = d->o_ip_id;
	}
	head->nb_segs += tail->nb_segs;
	head->pkt_len += tail->pkt_len;
	it->nb_merged++;
	return 1;
}

int
gro_tbl_add(struct gro_tbl *t, struct rte_mbuf *pkt, const struct gro_desc *d, uint64_t now)
{
	uint32_t f, seen, free_slot = GRO_NONE, found = GRO_NONE, i, prev, n;

	for (f = 0, seen = 0; f < t->max_flows && seen < t->nb_flows; f++) {
		if (t->flows[f].first == GRO_NONE) {
			if (free_slot == GRO_NONE)
				free_slot = f;
			continue;
		}
		seen++;
		if (gro_key_equal(&t->flows[f].key, &d->key)) {
			found = f;
			break;
		}
	}
	if (found != GRO_NONE) {
		prev = GRO_NONE;
		for (i = t->flows[found].first; i != GRO_NONE; i = t->items[i].next) {
			int where = item_neighbour(&t->items[i], pkt, d);

			if (where != 0 && item_merge(&t->items[i], pkt, d, where))
				return 1;
			prev = i;
		}
		n = item_alloc(t, pkt, d, now);
		if (n == GRO_NONE)
			return -1;
		t->items[prev].next = n;
		return 0;
	}
	/* a new flow; every occupied slot was seen, so any slot from f on is free */
	if (t->nb_flows >= t->max_flows)
		return -1;
	if (free_slot == GRO_NONE)
		free_slot = f;
	n = item_alloc(t, pkt, d, now);
	if (n == GRO_NONE)
		return -1;
	t->flows[free_slot].key = d->key;
	t->flows[free_slot].first = n;
	t->nb_flows++;
	return 0;
}

/*
 * Fragments that arrived out of order may sit in several items of one flow, none extending
 * the other when it came: join the items that follow on before they leave the table, so
 * that a datagram whose fragments all arrived leaves whole.
 */
static void
flow_coalesce(struct gro_tbl *t, struct gro_flow *fl)
{
	int changed = 1;

	while (changed) {
		uint32_t i, k, prev;

		changed = 0;
		for (i = fl->first; i != GRO_NONE && !changed; i = t->items[i].next) {
			struct gro_item *a = &t->items[i];
			uint32_t a_end = a->seq + (a->first->pkt_len - a->hdr_len);

			prev = GRO_NONE;
			for (k = fl->first; k != GRO_NONE; prev = k, k = t->items[k].next) {
				struct gro_item *b = &t->items[k];

				if (k == i || b->seq != a_end || a->last_frag ||
						b->hdr_len != a->hdr_len ||
						a->first->pkt_len + b->first->pkt_len - b->hdr_len -
						a->outer_l2 > GRO_MAX_IP_LEN ||
						(uint32_t)a->first->nb_segs + b->first->nb_segs >
						UINT16_MAX)
					continue;
				/* b's payload goes after a's */
				rte_pktmbuf_adj(b->first, b->hdr_len);
				a->last->next = b->first;
				a->last = b->last;
				a->first->nb_segs += b->first->nb_segs;
				a->first->pkt_len += b->first->pkt_len;
				a->nb_merged += b->nb_merged;
				a->last_frag = b->last_frag;
				a->start_time = RTE_MIN(a->start_time, b->start_time);
				if (prev == GRO_NONE)
					fl->first = b->next;
				else
					t->items[prev].next = b->next;
				item_free(t, k);
				changed = 1;
				break;
			}
		}
	}
}

/* Rewrite the length fields (and MF) of a merged packet. Checksums are left alone. */
static void
item_finish(const struct gro_item *it)
{
	struct rte_mbuf *m = it->first;
	struct rte_ipv4_hdr *ip;

	if (it->nb_merged < 2)
		return;
	if (it->o_udp_off != 0) {
		struct rte_udp_hdr *udp = rte_pktmbuf_mtod_offset(m, struct rte_udp_hdr *,
			it->o_udp_off);

		ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, it->outer_l2);
		ip->total_length = rte_cpu_to_be_16((uint16_t)(m->pkt_len - it->outer_l2));
		udp->dgram_len = rte_cpu_to_be_16((uint16_t)(m->pkt_len - it->o_udp_off));
	}
	ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, it->ip_off);
	ip->total_length = rte_cpu_to_be_16((uint16_t)(m->pkt_len - it->ip_off));
	if (!it->is_tcp && it->last_frag)
		ip->fragment_offset &= rte_cpu_to_be_16((uint16_t)~RTE_IPV4_HDR_MF_FLAG);
}

uint16_t
gro_tbl_flush(struct gro_tbl *t, uint64_t types, uint64_t flush_time,
		struct rte_mbuf **out, uint16_t max_out)
{
	uint16_t n = 0;
	uint32_t f, i, prev, next;

	for (f = 0; f < t->max_flows && t->nb_flows > 0 && n < max_out; f++) {
		if (t->flows[f].first == GRO_NONE || (t->flows[f].key.type & types) == 0)
			continue;
		if (!t->items[t->flows[f].first].is_tcp)
			flow_coalesce(t, &t->flows[f]);
		prev = GRO_NONE;
		for (i = t->flows[f].first; i != GRO_NONE && n < max_out; i = next) {
			next = t->items[i].next;
			if (t->items[i].start_time > flush_time) {
				prev = i;
				continue;
			}
			item_finish(&t->items[i]);
			out[n++] = t->items[i].first;
			if (prev == GRO_NONE)
				t->flows[f].first = next;
			else
				t->items[prev].next = next;
			item_free(t, i);
		}
		if (t->flows[f].first == GRO_NONE)
			t->nb_flows--;
	}
	return n;
}
