/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Classification and header checks. The header lengths come from the mbuf (the application
 * or the driver filled them); they are checked against the headers themselves and against
 * the first segment, which must hold every header, so that merging only ever reads and
 * writes bytes that exist. Anything that does not add up leaves the packet untouched.
 */
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_mbuf_ptype.h>
#include <rte_tcp.h>
#include <rte_udp.h>
#include <rte_vxlan.h>

#include "gro_private.h"

#define IP_MIN_HLEN ((uint16_t)sizeof(struct rte_ipv4_hdr))
#define TCP_MIN_HLEN ((uint16_t)sizeof(struct rte_tcp_hdr))
/* outer UDP, VXLAN and inner Ethernet: what l2_len covers in a VXLAN packet */
#define VXLAN_L2_MIN ((uint16_t)(RTE_ETHER_VXLAN_HLEN + sizeof(struct rte_ether_hdr)))

static uint64_t
gro_classify(uint32_t ptype)
{
	uint32_t l4 = ptype & RTE_PTYPE_L4_MASK;
	uint32_t tun = ptype & RTE_PTYPE_TUNNEL_MASK;
	uint32_t il4 = ptype & RTE_PTYPE_INNER_L4_MASK;

	if (!RTE_ETH_IS_IPV4_HDR(ptype))
		return 0;
	if (tun == 0) {
		if (l4 == RTE_PTYPE_L4_TCP)
			return RTE_GRO_TCP_IPV4;
		if (l4 == RTE_PTYPE_L4_UDP || l4 == RTE_PTYPE_L4_FRAG)
			return RTE_GRO_UDP_IPV4;
		return 0;
	}
	if (tun != RTE_PTYPE_TUNNEL_VXLAN || l4 != RTE_PTYPE_L4_UDP ||
			((ptype & RTE_PTYPE_INNER_L3_MASK) & RTE_PTYPE_INNER_L3_IPV4) == 0)
		return 0;
	if (il4 == RTE_PTYPE_INNER_L4_TCP)
		return RTE_GRO_IPV4_VXLAN_TCP_IPV4;
	if (il4 == RTE_PTYPE_INNER_L4_UDP || il4 == RTE_PTYPE_INNER_L4_FRAG)
		return RTE_GRO_IPV4_VXLAN_UDP_IPV4;
	return 0;
}

/* An IPv4 header of hlen bytes at ip whose version and IHL agree. */
static int
ip_hdr_ok(const struct rte_ipv4_hdr *ip, uint16_t hlen)
{
	return hlen >= IP_MIN_HLEN && (ip->version_ihl >> 4) == 4 &&
		(uint16_t)((ip->version_ihl & RTE_IPV4_HDR_IHL_MASK) * 4) == hlen;
}

int
gro_parse(struct rte_mbuf *pkt, uint64_t types, struct gro_desc *d)
{
	uint64_t type = gro_classify(pkt->packet_type) & types;
	uint8_t *base = rte_pktmbuf_mtod(pkt, uint8_t *);
	const struct rte_ether_hdr *eth;
	const struct rte_ipv4_hdr *ip, *oip = NULL;
	int tunnel = type == RTE_GRO_IPV4_VXLAN_TCP_IPV4 || type == RTE_GRO_IPV4_VXLAN_UDP_IPV4;
	int tcp = type == RTE_GRO_TCP_IPV4 || type == RTE_GRO_IPV4_VXLAN_TCP_IPV4;
	uint32_t outer_l2, ip_off, end, tot, ip_len, frag;
	uint16_t l3_len = pkt->l3_len;

	if (type == 0)
		return -1;
	memset(d, 0, sizeof(*d));
	d->key.type = type;
	d->atomic = 1;
	d->o_atomic = 1;
	d->is_tcp = tcp;

	outer_l2 = tunnel ? pkt->outer_l2_len : pkt->l2_len;
	ip_off = tunnel ? (uint32_t)pkt->outer_l2_len + pkt->outer_l3_len + pkt->l2_len :
		pkt->l2_len;
	end = ip_off + l3_len + (tcp ? pkt->l4_len : 0);
	if (outer_l2 < sizeof(struct rte_ether_hdr) || end > pkt->data_len ||
			pkt->pkt_len < pkt->data_len)
		return -1;

	/* outermost IPv4 header: its total length says where the packet really ends */
	oip = (const struct rte_ipv4_hdr *)(base + outer_l2);
	if (!ip_hdr_ok(oip, tunnel ? pkt->outer_l3_len : l3_len))
		return -1;
	tot = rte_be_to_cpu_16(oip->total_length);
	if (outer_l2 + tot < end || outer_l2 + tot > pkt->pkt_len)
		return -1;
	ip = (const struct rte_ipv4_hdr *)(base + ip_off);

	if (tunnel) {
		const struct rte_udp_hdr *udp;
		const struct rte_vxlan_hdr *vx;
		uint16_t o_frag = rte_be_to_cpu_16(oip->fragment_offset);

		if (pkt->l2_len < VXLAN_L2_MIN || oip->next_proto_id != IPPROTO_UDP ||
				!ip_hdr_ok(ip, l3_len) ||
				(o_frag & (RTE_IPV4_HDR_MF_FLAG | RTE_IPV4_HDR_OFFSET_MASK)) != 0)
			return -1;
		/* the inner packet must end where the outer one does */
		if (rte_be_to_cpu_16(ip->total_length) != outer_l2 + tot - ip_off)
			return -1;
		udp = (const struct rte_udp_hdr *)(base + outer_l2 + pkt->outer_l3_len);
		vx = (const struct rte_vxlan_hdr *)(udp + 1);
		eth = (const struct rte_ether_hdr *)(vx + 1);
		rte_ether_addr_copy(&((const struct rte_ether_hdr *)base)->src_addr,
			&d->key.o_eth_src);
		rte_ether_addr_copy(&((const struct rte_ether_hdr *)base)->dst_addr,
			&d->key.o_eth_dst);
		d->key.o_ip_src = oip->src_addr;
		d->key.o_ip_dst = oip->dst_addr;
		d->key.o_dport = udp->dst_port;
		d->key.vx_flags = vx->vx_flags;
		d->key.vx_vni = vx->vx_vni;
		/*
		 * The outer source port comes from a hash of the inner headers, which differs
		 * between the first fragment (with UDP ports) and the others; and the outer IP
		 * IDs of the fragments of one datagram need not follow on. So, as in DPDK, only
		 * VXLAN TCP looks at them.
		 */
		if (tcp) {
			d->key.o_sport = udp->src_port;
			d->o_atomic = (o_frag & RTE_IPV4_HDR_DF_FLAG) != 0;
			d->o_ip_id = d->o_atomic ? 0 : rte_be_to_cpu_16(oip->packet_id);
		}
		d->o_udp_off = (uint16_t)(outer_l2 + pkt->outer_l3_len);
	} else {
		eth = (const struct rte_ether_hdr *)base;
	}
	rte_ether_addr_copy(&eth->src_addr, &d->key.eth_src);
	rte_ether_addr_copy(&eth->dst_addr, &d->key.eth_dst);
	d->key.ip_src = ip->src_addr;
	d->key.ip_dst = ip->dst_addr;
	ip_len = rte_be_to_cpu_16(ip->total_length);
	frag = rte_be_to_cpu_16(ip->fragment_offset);
	d->outer_l2 = (uint16_t)outer_l2;
	d->ip_off = (uint16_t)ip_off;

	if (tcp) {
		const struct rte_tcp_hdr *th = (const struct rte_tcp_hdr *)(base + ip_off + l3_len);

		if (ip->next_proto_id != IPPROTO_TCP || pkt->l4_len < TCP_MIN_HLEN ||
				(uint16_t)((th->data_off >> 4) * 4) != pkt->l4_len ||
				(frag & (RTE_IPV4_HDR_MF_FLAG | RTE_IPV4_HDR_OFFSET_MASK)) != 0)
			return -1;
		/* only plain ACK segments merge: any other flag has a meaning of its own */
		if (th->tcp_flags != RTE_TCP_ACK_FLAG)
			return -1;
		d->key.sport = th->src_port;
		d->key.dport = th->dst_port;
		d->key.ack = th->recv_ack;
		d->seq = rte_be_to_cpu_32(th->sent_seq);
		d->atomic = (frag & RTE_IPV4_HDR_DF_FLAG) != 0;
		d->ip_id = d->atomic ? 0 : rte_be_to_cpu_16(ip->packet_id);
		d->l4_off = (uint16_t)(ip_off + l3_len);
		d->l4_len = pkt->l4_len;
		d->hdr_len = (uint16_t)end;
	} else {
		/* only fragments: a whole datagram has nothing to be merged with */
		if ((frag & (RTE_IPV4_HDR_MF_FLAG | RTE_IPV4_HDR_OFFSET_MASK)) == 0)
			return -1;
		d->key.frag_id = ip->packet_id;
		d->key.frag_proto = ip->next_proto_id;
		d->seq = (uint32_t)(frag & RTE_IPV4_HDR_OFFSET_MASK) << 3;
		d->last_frag = (frag & RTE_IPV4_HDR_MF_FLAG) == 0;
		d->hdr_len = (uint16_t)end;
	}
	if (ip_len <= (uint32_t)(end - ip_off))
		return -1;
	d->dl = ip_len - (end - ip_off);

	/* drop the Ethernet padding after the IP packet, as the merged packet has none */
	if (pkt->pkt_len > outer_l2 + tot) {
		struct rte_mbuf *last = rte_pktmbuf_lastseg(pkt);
		uint32_t pad = pkt->pkt_len - (outer_l2 + tot);

		if (pad > last->data_len || (last == pkt && pkt->data_len - pad < end))
			return -1;
		rte_pktmbuf_trim(pkt, (uint16_t)pad);
	}
	return 0;
}
