/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Software packet type parsing. Each layer is read with rte_pktmbuf_read, so headers may
 * straddle segments and a short packet simply stops the walk: the result then names the layers
 * recognised so far.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <netinet/in.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>
#include <rte_sctp.h>
#include <rte_mbuf.h>
#include <rte_mbuf_ptype.h>

#include "rte_net.h"

#define IP6_EXT_MAX 5	/* extension headers looked at before giving up */

/*
 * The EtherType of the Ethernet header at off (network order) in *proto; false if the packet
 * is too short. Read as bytes: the header may sit at an odd address inside a segment.
 */
static bool
read_ether_type(const struct rte_mbuf *m, uint32_t off, uint16_t *proto)
{
	uint8_t copy[sizeof(struct rte_ether_hdr)];
	const uint8_t *eh;

	eh = rte_pktmbuf_read(m, off, sizeof(copy), copy);
	if (eh == NULL)
		return false;
	memcpy(proto, eh + offsetof(struct rte_ether_hdr, ether_type), sizeof(*proto));
	return true;
}

/* First two bytes of every IPv6 extension header. */
struct ip6_ext_start {
	uint8_t next_hdr;
	uint8_t len;	/* in 8-byte units, the first 8 bytes not counted */
};

int
rte_net_skip_ip6_ext(uint16_t proto, const struct rte_mbuf *m, uint32_t *off, int *frag)
{
	const struct ip6_ext_start *x;
	struct ip6_ext_start copy;
	unsigned int n;

	*frag = 0;
	for (n = 0; n < IP6_EXT_MAX; n++) {
		switch (proto) {
		case IPPROTO_HOPOPTS:
		case IPPROTO_ROUTING:
		case IPPROTO_DSTOPTS:
			x = rte_pktmbuf_read(m, *off, sizeof(*x), &copy);
			if (x == NULL)
				return -1;
			*off += (x->len + 1) * 8;
			proto = x->next_hdr;
			break;
		case IPPROTO_FRAGMENT:
			/* Fixed 8 bytes, and nothing after it can be parsed in a fragment. */
			x = rte_pktmbuf_read(m, *off, sizeof(*x), &copy);
			if (x == NULL)
				return -1;
			*off += 8;
			*frag = 1;
			return x->next_hdr;
		case IPPROTO_NONE:
			return 0;
		default:
			return proto;
		}
	}
	return -1;
}

/* L3 type of an IPv4 header from its first byte: options or not; anything else unknown. */
static uint32_t
ip4_type(uint8_t version_ihl, bool inner)
{
	if (version_ihl == 0x45)
		return inner ? RTE_PTYPE_INNER_L3_IPV4 : RTE_PTYPE_L3_IPV4;
	if (version_ihl > 0x45 && version_ihl <= 0x4f)
		return inner ? RTE_PTYPE_INNER_L3_IPV4_EXT : RTE_PTYPE_L3_IPV4_EXT;
	return 0;
}

/* L3 type of an IPv6 header from its next header field. */
static uint32_t
ip6_type(uint8_t next, bool inner)
{
	switch (next) {
	case IPPROTO_HOPOPTS:
	case IPPROTO_ROUTING:
	case IPPROTO_FRAGMENT:
	case IPPROTO_ESP:
	case IPPROTO_AH:
	case IPPROTO_DSTOPTS:
		return inner ? RTE_PTYPE_INNER_L3_IPV6_EXT : RTE_PTYPE_L3_IPV6_EXT;
	default:
		return inner ? RTE_PTYPE_INNER_L3_IPV6 : RTE_PTYPE_L3_IPV6;
	}
}

static uint32_t
l4_type(uint16_t proto, bool inner)
{
	switch (proto) {
	case IPPROTO_UDP:
		return inner ? RTE_PTYPE_INNER_L4_UDP : RTE_PTYPE_L4_UDP;
	case IPPROTO_TCP:
		return inner ? RTE_PTYPE_INNER_L4_TCP : RTE_PTYPE_L4_TCP;
	case IPPROTO_SCTP:
		return inner ? RTE_PTYPE_INNER_L4_SCTP : RTE_PTYPE_L4_SCTP;
	default:
		return 0;
	}
}

/*
 * A tunnel header at *off whose IP protocol is *proto: on success the tunnel type, *off past
 * the tunnel header and *proto the EtherType (network order) of what it carries.
 */
static uint32_t
tunnel_type(uint16_t *proto, const struct rte_mbuf *m, uint32_t *off)
{
	const uint8_t *gre;
	uint8_t copy[4];
	unsigned int len;

	switch (*proto) {
	case IPPROTO_GRE:
		/* Bytes, not 16-bit words: the header may be at an odd address in a segment. */
		gre = rte_pktmbuf_read(m, *off, sizeof(copy), copy);
		if (gre == NULL)
			return 0;
		/* Checksum, routing, key, sequence flags: the top four bits. */
		switch (gre[0] >> 4) {
		case 0x0:
			len = 4;
			break;
		case 0x1: /* sequence */
		case 0x2: /* key */
		case 0x8: /* checksum */
			len = 8;
			break;
		case 0x3:
		case 0x9:
		case 0xa:
			len = 12;
			break;
		case 0xb:
			len = 16;
			break;
		default: /* routing present: not parsed */
			return 0;
		}
		*off += len;
		memcpy(proto, &gre[2], sizeof(*proto));
		return *proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_TEB) ?
			RTE_PTYPE_TUNNEL_NVGRE : RTE_PTYPE_TUNNEL_GRE;
	case IPPROTO_IPIP:
		*proto = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
		return RTE_PTYPE_TUNNEL_IP;
	case IPPROTO_IPV6:
		*proto = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV6);
		return RTE_PTYPE_TUNNEL_IP;
	default:
		return 0;
	}
}

/*
 * One IP layer at *off, *proto its EtherType (network order). Adds the L3 and L4 types to
 * *ptype, sets the lengths and leaves *off after the IP header and *proto the L4 protocol.
 * Returns false when parsing must stop here.
 */
static bool
parse_ip(const struct rte_mbuf *m, uint32_t *off, uint16_t *proto, uint32_t *ptype,
		uint32_t layers, bool inner, uint16_t *l3_len)
{
	const uint32_t l4_mask = inner ? RTE_PTYPE_INNER_L4_MASK : RTE_PTYPE_L4_MASK;
	const uint32_t frag = inner ? RTE_PTYPE_INNER_L4_FRAG : RTE_PTYPE_L4_FRAG;

	if (*proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4)) {
		const struct rte_ipv4_hdr *ip;
		struct rte_ipv4_hdr copy;

		ip = rte_pktmbuf_read(m, *off, sizeof(*ip), &copy);
		if (ip == NULL)
			return false;
		*ptype |= ip4_type(ip->version_ihl, inner);
		*l3_len = rte_ipv4_hdr_len(ip);
		*off += *l3_len;
		if ((layers & l4_mask) == 0)
			return false;
		if (ip->fragment_offset &
				rte_cpu_to_be_16(RTE_IPV4_HDR_OFFSET_MASK | RTE_IPV4_HDR_MF_FLAG)) {
			*ptype |= frag;
			return false;
		}
		*proto = ip->next_proto_id;
		*ptype |= l4_type(*proto, inner);
		return true;
	}
	if (*proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV6)) {
		const struct rte_ipv6_hdr *ip;
		struct rte_ipv6_hdr copy;
		uint32_t start = *off;
		uint32_t t;
		int is_frag = 0, ret;

		ip = rte_pktmbuf_read(m, *off, sizeof(*ip), &copy);
		if (ip == NULL)
			return false;
		*proto = ip->proto;
		*off += sizeof(*ip);
		t = ip6_type(ip->proto, inner);
		*ptype |= t;
		*l3_len = sizeof(*ip);
		if (t == RTE_PTYPE_L3_IPV6_EXT || t == RTE_PTYPE_INNER_L3_IPV6_EXT) {
			ret = rte_net_skip_ip6_ext(*proto, m, off, &is_frag);
			if (ret < 0)
				return false;
			*proto = ret;
			*l3_len = *off - start;
		}
		if (*proto == 0 || (layers & l4_mask) == 0)
			return false;
		if (is_frag) {
			*ptype |= frag;
			return false;
		}
		*ptype |= l4_type(*proto, inner);
		return true;
	}
	return false;
}

/*
 * The L4 header length for the L4 type found (TCP's from its data offset). Returns false when
 * a TCP header is cut short: the caller then drops the L4 type.
 */
static bool
l4_length(const struct rte_mbuf *m, uint32_t off, uint32_t l4, bool inner, uint8_t *len)
{
	const struct rte_tcp_hdr *th;
	struct rte_tcp_hdr copy;

	if (l4 == (inner ? RTE_PTYPE_INNER_L4_UDP : RTE_PTYPE_L4_UDP)) {
		*len = sizeof(struct rte_udp_hdr);
	} else if (l4 == (inner ? RTE_PTYPE_INNER_L4_TCP : RTE_PTYPE_L4_TCP)) {
		th = rte_pktmbuf_read(m, off, sizeof(*th), &copy);
		if (th == NULL)
			return false;
		*len = (th->data_off & 0xf0) >> 2;
	} else if (l4 == (inner ? RTE_PTYPE_INNER_L4_SCTP : RTE_PTYPE_L4_SCTP)) {
		*len = sizeof(struct rte_sctp_hdr);
	} else {
		*len = 0;
	}
	return true;
}

uint32_t
rte_net_get_ptype(const struct rte_mbuf *m, struct rte_net_hdr_lens *hdr_lens, uint32_t layers)
{
	struct rte_net_hdr_lens dummy;
	const struct rte_vlan_hdr *vh;
	struct rte_vlan_hdr vh_copy;
	uint32_t ptype, off, start, l4;
	uint16_t proto;

	if (hdr_lens == NULL)
		hdr_lens = &dummy;

	/* ---- outer L2 ---- */
	if (!read_ether_type(m, 0, &proto))
		return 0;
	ptype = RTE_PTYPE_L2_ETHER;
	off = sizeof(struct rte_ether_hdr);
	hdr_lens->l2_len = off;
	if ((layers & RTE_PTYPE_L2_MASK) == 0)
		return 0;

	if (proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN)) {
		ptype = RTE_PTYPE_L2_ETHER_VLAN;
		vh = rte_pktmbuf_read(m, off, sizeof(*vh), &vh_copy);
		if (vh == NULL)
			return ptype;
		off += sizeof(*vh);
		hdr_lens->l2_len += sizeof(*vh);
		proto = vh->eth_proto;
	} else if (proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_QINQ)) {
		ptype = RTE_PTYPE_L2_ETHER_QINQ;
		/* The EtherType after the second tag is what matters. */
		vh = rte_pktmbuf_read(m, off + sizeof(*vh), sizeof(*vh), &vh_copy);
		if (vh == NULL)
			return ptype;
		off += 2 * sizeof(*vh);
		hdr_lens->l2_len += 2 * sizeof(*vh);
		proto = vh->eth_proto;
	} else if (proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_MPLS) ||
			proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_MPLSM)) {
		/* DPDK 22.11 never reports MPLS: its label walk always ends as plain Ethernet. */
		return ptype;
	}

	/* ---- outer L3 and L4 ---- */
	if ((layers & RTE_PTYPE_L3_MASK) == 0)
		return ptype;
	/* Anything but IP goes on as an unknown L4, as in DPDK: lengths 0, no tunnel. */
	if ((proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) ||
			proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV6)) &&
			!parse_ip(m, &off, &proto, &ptype, layers, false, &hdr_lens->l3_len)) {
		if ((ptype & RTE_PTYPE_L4_MASK) == RTE_PTYPE_L4_FRAG)
			hdr_lens->l4_len = 0;
		return ptype;
	}
	l4 = ptype & RTE_PTYPE_L4_MASK;
	if (l4 != 0) {
		if (!l4_length(m, off, l4, false, &hdr_lens->l4_len))
			return ptype & (RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK);
		return ptype;
	}

	/* ---- tunnel ---- */
	hdr_lens->l4_len = 0;
	if ((layers & RTE_PTYPE_TUNNEL_MASK) == 0)
		return ptype;
	start = off;
	ptype |= tunnel_type(&proto, m, &off);
	hdr_lens->tunnel_len = off - start;
	/* DPDK 22.11 leaves the tunnel length here too when the inner layers are not parsed. */
	hdr_lens->inner_l2_len = hdr_lens->tunnel_len;

	/* ---- inner L2 ---- */
	if ((layers & RTE_PTYPE_INNER_L2_MASK) == 0)
		return ptype;
	hdr_lens->inner_l2_len = 0;
	if (proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_TEB)) {
		if (!read_ether_type(m, off, &proto))
			return ptype;
		ptype |= RTE_PTYPE_INNER_L2_ETHER;
		off += sizeof(struct rte_ether_hdr);
		hdr_lens->inner_l2_len = sizeof(struct rte_ether_hdr);
	}
	if (proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN)) {
		ptype = (ptype & ~RTE_PTYPE_INNER_L2_MASK) | RTE_PTYPE_INNER_L2_ETHER_VLAN;
		vh = rte_pktmbuf_read(m, off, sizeof(*vh), &vh_copy);
		if (vh == NULL)
			return ptype;
		off += sizeof(*vh);
		hdr_lens->inner_l2_len += sizeof(*vh);
		proto = vh->eth_proto;
	} else if (proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_QINQ)) {
		ptype = (ptype & ~RTE_PTYPE_INNER_L2_MASK) | RTE_PTYPE_INNER_L2_ETHER_QINQ;
		vh = rte_pktmbuf_read(m, off + sizeof(*vh), sizeof(*vh), &vh_copy);
		if (vh == NULL)
			return ptype;
		off += 2 * sizeof(*vh);
		hdr_lens->inner_l2_len += 2 * sizeof(*vh);
		proto = vh->eth_proto;
	}

	/* ---- inner L3 and L4 ---- */
	if ((layers & RTE_PTYPE_INNER_L3_MASK) == 0)
		return ptype;
	if (proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) ||
			proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV6)) {
		if (!parse_ip(m, &off, &proto, &ptype, layers, true, &hdr_lens->inner_l3_len)) {
			if ((ptype & RTE_PTYPE_INNER_L4_MASK) == RTE_PTYPE_INNER_L4_FRAG)
				hdr_lens->inner_l4_len = 0;
			return ptype;
		}
	}
	if (!l4_length(m, off, ptype & RTE_PTYPE_INNER_L4_MASK, true, &hdr_lens->inner_l4_len))
		return ptype & (RTE_PTYPE_INNER_L2_MASK | RTE_PTYPE_INNER_L3_MASK);
	return ptype;
}
