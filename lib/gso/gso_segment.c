/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Building the segments and rewriting their headers. Every output packet starts with a
 * private copy of the headers, so the fields can be set per segment; the payload is never
 * copied, only referenced by indirect mbufs, one per input segment the piece spans.
 */
#include <errno.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "gso_private.h"

static void
free_all(struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++)
		rte_pktmbuf_free(pkts[i]);
}

static struct rte_mbuf *
hdr_copy(struct rte_mbuf *pkt, uint16_t hdr_len, struct rte_mempool *direct)
{
	struct rte_mbuf *h = rte_pktmbuf_alloc(direct);

	if (h == NULL)
		return NULL;
	h->port = pkt->port;
	h->ol_flags = pkt->ol_flags;
	h->packet_type = pkt->packet_type;
	h->tx_offload = pkt->tx_offload;
	h->data_len = hdr_len;
	h->pkt_len = hdr_len;
	memcpy(rte_pktmbuf_mtod(h, void *), rte_pktmbuf_mtod(pkt, void *), hdr_len);
	return h;
}

int
gso_cut(struct rte_mbuf *pkt, uint16_t hdr_len, uint16_t unit, struct rte_mempool *direct,
		struct rte_mempool *indirect, struct rte_mbuf **out, uint16_t nb_out)
{
	struct rte_mbuf *in = pkt, *h, *prev, *p;
	uint32_t pos = hdr_len, left, len;
	uint16_t n = 0;

	/* the first segment may hold nothing but headers */
	while (in != NULL && pos >= in->data_len) {
		pos -= in->data_len;
		in = in->next;
	}
	while (in != NULL) {
		if (n >= nb_out) {
			free_all(out, n);
			return -EINVAL;
		}
		h = hdr_copy(pkt, hdr_len, direct);
		if (h == NULL) {
			free_all(out, n);
			return -ENOMEM;
		}
		prev = h;
		left = unit;
		while (left > 0 && in != NULL) {
			p = rte_pktmbuf_alloc(indirect);
			if (p == NULL) {
				rte_pktmbuf_free(h);
				free_all(out, n);
				return -ENOMEM;
			}
			rte_pktmbuf_attach(p, in);
			len = RTE_MIN(left, (uint32_t)in->data_len - pos);
			p->data_off = (uint16_t)(in->data_off + pos);
			p->data_len = (uint16_t)len;
			prev->next = p;
			prev = p;
			h->nb_segs++;
			h->pkt_len += len;
			left -= len;
			pos += len;
			/* move to the next input segment that has bytes left */
			while (in != NULL && pos >= in->data_len) {
				pos = 0;
				in = in->next;
			}
		}
		out[n++] = h;
	}
	return n;
}

static void
set_ip(struct rte_mbuf *m, uint16_t off, uint16_t id)
{
	struct rte_ipv4_hdr *ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, off);

	ip->total_length = rte_cpu_to_be_16((uint16_t)(m->pkt_len - off));
	ip->packet_id = rte_cpu_to_be_16(id);
}

static void
set_outer(const struct gso_layout *lo, struct rte_mbuf *m, uint16_t id)
{
	if (!lo->tunnel)
		return;
	set_ip(m, lo->o_ip, id);
	if (lo->o_udp != 0) {
		struct rte_udp_hdr *udp = rte_pktmbuf_mtod_offset(m, struct rte_udp_hdr *,
			lo->o_udp);

		udp->dgram_len = rte_cpu_to_be_16((uint16_t)(m->pkt_len - lo->o_udp));
	}
}

void
gso_fix_tcp(const struct gso_layout *lo, uint16_t id_step, struct rte_mbuf **segs, uint16_t nb)
{
	const struct rte_ipv4_hdr *ip0 =
		rte_pktmbuf_mtod_offset(segs[0], const struct rte_ipv4_hdr *, lo->ip);
	const struct rte_ipv4_hdr *oip0 =
		rte_pktmbuf_mtod_offset(segs[0], const struct rte_ipv4_hdr *, lo->o_ip);
	const struct rte_tcp_hdr *th0 =
		rte_pktmbuf_mtod_offset(segs[0], const struct rte_tcp_hdr *, lo->l4);
	uint16_t id = rte_be_to_cpu_16(ip0->packet_id);
	uint16_t o_id = rte_be_to_cpu_16(oip0->packet_id);
	uint32_t seq = rte_be_to_cpu_32(th0->sent_seq);
	uint16_t i;

	for (i = 0; i < nb; i++) {
		struct rte_mbuf *m = segs[i];
		struct rte_tcp_hdr *th = rte_pktmbuf_mtod_offset(m, struct rte_tcp_hdr *, lo->l4);

		set_outer(lo, m, o_id);
		set_ip(m, lo->ip, id);
		th->sent_seq = rte_cpu_to_be_32(seq);
		/* FIN and PSH belong to the end of the data: only the last segment keeps them */
		if (i + 1 < nb)
			th->tcp_flags &= (uint8_t)~(RTE_TCP_FIN_FLAG | RTE_TCP_PSH_FLAG);
		seq += m->pkt_len - m->data_len;
		id += id_step;
		o_id += id_step;
	}
}

void
gso_fix_udp(const struct gso_layout *lo, struct rte_mbuf **segs, uint16_t nb)
{
	const struct rte_ipv4_hdr *oip0 =
		rte_pktmbuf_mtod_offset(segs[0], const struct rte_ipv4_hdr *, lo->o_ip);
	uint16_t o_id = rte_be_to_cpu_16(oip0->packet_id);
	uint32_t off = 0;
	uint16_t i;

	for (i = 0; i < nb; i++) {
		struct rte_mbuf *m = segs[i];
		struct rte_ipv4_hdr *ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *,
			lo->ip);
		uint16_t mf = i + 1 < nb ? RTE_IPV4_HDR_MF_FLAG : 0;

		/* the outer packets are whole datagrams of their own, each with a new ID */
		set_outer(lo, m, o_id++);
		ip->fragment_offset = rte_cpu_to_be_16((uint16_t)((off >> 3) | mf));
		ip->total_length = rte_cpu_to_be_16((uint16_t)(m->pkt_len - lo->ip));
		off += m->pkt_len - lo->ip - lo->ip_hlen;
	}
}
