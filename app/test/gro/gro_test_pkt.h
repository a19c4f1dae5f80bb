/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Packet builder shared by the GRO and GSO tests: TCP segments and IPv4 fragments, plain or
 * in VXLAN, written to a flat buffer and then copied into an mbuf chain of a chosen
 * segment size, with packet_type and header lengths set as a driver would.
 */
#ifndef _GRO_TEST_PKT_H_
#define _GRO_TEST_PKT_H_

#include <stdint.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_tcp.h>
#include <rte_udp.h>
#include <rte_vxlan.h>

#define TP_MAX_LEN (128 * 1024)
#define TP_L2 ((uint16_t)sizeof(struct rte_ether_hdr))
#define TP_L3 ((uint16_t)sizeof(struct rte_ipv4_hdr))
#define TP_L4 ((uint16_t)sizeof(struct rte_tcp_hdr))
#define TP_VX_L2 ((uint16_t)(sizeof(struct rte_udp_hdr) + sizeof(struct rte_vxlan_hdr) + TP_L2))

struct tpkt {
	int vxlan;            /* wrap in Ethernet/IPv4/UDP/VXLAN */
	uint16_t o_id;        /* outer IP ID */
	int o_df;             /* outer DF */
	uint16_t o_sport;     /* outer UDP source port */
	uint32_t vni;
	uint8_t mac;          /* last byte of the source MAC */
	uint32_t sip, dip;
	int udp;              /* IP protocol UDP: pl is the IP payload (fragment) */
	uint16_t frag_off;    /* UDP: fragment offset in bytes */
	int mf;               /* UDP: more fragments */
	uint16_t sport, dport;
	uint32_t seq, ack;
	uint8_t flags;        /* TCP flags */
	uint16_t ip_id;
	int df;
	uint8_t optlen;       /* TCP option bytes (multiple of 4), filled with opt_byte */
	uint8_t opt_byte;
	const uint8_t *pl;
	uint32_t pl_len;
	uint32_t pad;         /* Ethernet padding after the IP packet */
};

static inline void
tp_ip(uint8_t *p, uint32_t tot, uint16_t id, uint16_t frag, uint8_t proto, uint32_t s, uint32_t d)
{
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)p;

	memset(ip, 0, sizeof(*ip));
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->total_length = rte_cpu_to_be_16((uint16_t)tot);
	ip->packet_id = rte_cpu_to_be_16(id);
	ip->fragment_offset = rte_cpu_to_be_16(frag);
	ip->time_to_live = 64;
	ip->next_proto_id = proto;
	ip->src_addr = rte_cpu_to_be_32(s);
	ip->dst_addr = rte_cpu_to_be_32(d);
}

static inline void
tp_eth(uint8_t *p, uint8_t mac)
{
	struct rte_ether_hdr *e = (struct rte_ether_hdr *)p;
	struct rte_ether_addr src = {{ 0x02, 0, 0, 0, 0, mac }};
	struct rte_ether_addr dst = {{ 0x02, 0, 0, 0, 1, 0 }};

	e->src_addr = src;
	e->dst_addr = dst;
	e->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
}

/* Write the packet to buf; returns its length. */
static inline uint32_t
tpkt_write(const struct tpkt *t, uint8_t *buf)
{
	uint32_t off = 0, l4len = t->udp ? 0 : TP_L4 + t->optlen;
	uint32_t inner_ip_len = TP_L3 + l4len + t->pl_len;
	uint16_t frag;

	if (t->vxlan) {
		struct rte_udp_hdr *u;
		struct rte_vxlan_hdr *v;
		uint32_t olen = TP_L3 + TP_VX_L2 + inner_ip_len;

		tp_eth(buf, 0x55);
		tp_ip(buf + TP_L2, olen, t->o_id, t->o_df ? RTE_IPV4_HDR_DF_FLAG : 0, IPPROTO_UDP,
			0x0a000001, 0x0a000002);
		u = (struct rte_udp_hdr *)(buf + TP_L2 + TP_L3);
		u->src_port = rte_cpu_to_be_16(t->o_sport);
		u->dst_port = rte_cpu_to_be_16(RTE_VXLAN_DEFAULT_PORT);
		u->dgram_len = rte_cpu_to_be_16((uint16_t)(olen - TP_L3));
		u->dgram_cksum = 0;
		v = (struct rte_vxlan_hdr *)(u + 1);
		v->vx_flags = rte_cpu_to_be_32(0x08000000);
		v->vx_vni = rte_cpu_to_be_32(t->vni << 8);
		off = TP_L2 + TP_L3 + sizeof(*u) + sizeof(*v);
	}
	tp_eth(buf + off, t->mac);
	off += TP_L2;
	if (t->udp)
		frag = (uint16_t)((t->frag_off >> 3) | (t->mf ? RTE_IPV4_HDR_MF_FLAG : 0));
	else
		frag = t->df ? RTE_IPV4_HDR_DF_FLAG : 0;
	tp_ip(buf + off, inner_ip_len, t->ip_id, frag, t->udp ? IPPROTO_UDP : IPPROTO_TCP,
		t->sip, t->dip);
	off += TP_L3;
	if (!t->udp) {
		struct rte_tcp_hdr *th = (struct rte_tcp_hdr *)(buf + off);

		memset(th, 0, sizeof(*th));
		th->src_port = rte_cpu_to_be_16(t->sport);
		th->dst_port = rte_cpu_to_be_16(t->dport);
		th->sent_seq = rte_cpu_to_be_32(t->seq);
		th->recv_ack = rte_cpu_to_be_32(t->ack);
		th->data_off = (uint8_t)(((TP_L4 + t->optlen) / 4) << 4);
		th->tcp_flags = t->flags;
		th->rx_win = rte_cpu_to_be_16(1000);
		memset(th + 1, t->opt_byte, t->optlen);
		off += TP_L4 + t->optlen;
	}
	if (t->pl_len > 0)
		memcpy(buf + off, t->pl, t->pl_len);
	off += t->pl_len;
	memset(buf + off, 0xee, t->pad);
	return off + t->pad;
}

/* Copy len bytes into a chain of mbufs holding at most seg bytes each. */
static inline struct rte_mbuf *
tp_chain(struct rte_mempool *mp, const uint8_t *buf, uint32_t len, uint16_t seg)
{
	struct rte_mbuf *head = NULL, *m;
	uint32_t off = 0;

	do {
		uint16_t n = (uint16_t)(len - off < seg ? len - off : seg);

		m = rte_pktmbuf_alloc(mp);
		if (m == NULL || rte_pktmbuf_append(m, n) == NULL) {
			rte_pktmbuf_free(m);
			rte_pktmbuf_free(head);
			return NULL;
		}
		memcpy(rte_pktmbuf_mtod(m, uint8_t *), buf + off, n);
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0) {
			rte_pktmbuf_free(m);
			rte_pktmbuf_free(head);
			return NULL;
		}
		off += n;
	} while (off < len);
	return head;
}

/* Build the packet as an mbuf chain of seg-byte mbufs, metadata filled in. */
static inline struct rte_mbuf *
tpkt_mbuf(struct rte_mempool *mp, const struct tpkt *t, uint16_t seg)
{
	static uint8_t buf[TP_MAX_LEN];
	uint32_t len = tpkt_write(t, buf);
	struct rte_mbuf *m = tp_chain(mp, buf, len, seg);
	uint32_t l4 = t->udp ? RTE_PTYPE_L4_FRAG : RTE_PTYPE_L4_TCP;

	if (m == NULL)
		return NULL;
	if (t->udp && t->frag_off == 0 && !t->mf)
		l4 = RTE_PTYPE_L4_UDP;
	m->l2_len = TP_L2;
	m->l3_len = TP_L3;
	m->l4_len = t->udp ? (uint16_t)sizeof(struct rte_udp_hdr) : (uint16_t)(TP_L4 + t->optlen);
	if (t->vxlan) {
		m->outer_l2_len = TP_L2;
		m->outer_l3_len = TP_L3;
		m->l2_len = TP_VX_L2;
		m->packet_type = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP |
			RTE_PTYPE_TUNNEL_VXLAN | RTE_PTYPE_INNER_L2_ETHER |
			RTE_PTYPE_INNER_L3_IPV4 | (l4 << 16);
	} else {
		m->packet_type = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | l4;
	}
	return m;
}

/* The packet's bytes, flattened into buf (at least pkt_len long). */
static inline const uint8_t *
tp_flat(const struct rte_mbuf *m, uint8_t *buf)
{
	return rte_pktmbuf_read(m, 0, m->pkt_len, buf);
}

#endif /* _GRO_TEST_PKT_H_ */
