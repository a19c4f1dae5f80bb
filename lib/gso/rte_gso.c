/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Dispatch on the TSO flags of the packet and check that its headers are where its
 * lengths say before anything is written.
 */
#include <errno.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_log.h>

#include "gso_private.h"
#include "rte_gso.h"

RTE_LOG_REGISTER_DEFAULT(gso_logtype, INFO);

#define GSO_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, gso_logtype, "GSO: " fmt "\n", ##__VA_ARGS__)

#define GSO_TCP_TYPES (RTE_ETH_TX_OFFLOAD_TCP_TSO | RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO | \
		RTE_ETH_TX_OFFLOAD_GRE_TNL_TSO)
#define IP_MIN_HLEN ((uint16_t)sizeof(struct rte_ipv4_hdr))

enum gso_kind { GSO_NONE, GSO_TCP, GSO_UDP, GSO_TUNNEL_TCP, GSO_TUNNEL_UDP };

/* ol carries exactly the tunnel flags of want; seg is the TSO flag want asks for */
static int
flags_are(uint64_t ol, uint64_t want, uint64_t seg)
{
	const uint64_t mask = seg | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_OUTER_IPV4 |
		RTE_MBUF_F_TX_TUNNEL_MASK;

	return (ol & mask) == (want | seg);
}

static enum gso_kind
gso_kind_of(uint64_t ol, uint32_t types)
{
	const uint64_t tun4 = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_OUTER_IPV4;

	if (((types & RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO) &&
			flags_are(ol, tun4 | RTE_MBUF_F_TX_TUNNEL_VXLAN, RTE_MBUF_F_TX_TCP_SEG)) ||
			((types & RTE_ETH_TX_OFFLOAD_GRE_TNL_TSO) &&
			flags_are(ol, tun4 | RTE_MBUF_F_TX_TUNNEL_GRE, RTE_MBUF_F_TX_TCP_SEG)))
		return GSO_TUNNEL_TCP;
	if ((types & RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO) && (types & RTE_ETH_TX_OFFLOAD_UDP_TSO) &&
			flags_are(ol, tun4 | RTE_MBUF_F_TX_TUNNEL_VXLAN, RTE_MBUF_F_TX_UDP_SEG))
		return GSO_TUNNEL_UDP;
	if ((types & RTE_ETH_TX_OFFLOAD_TCP_TSO) &&
			(ol & (RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4)) ==
			(RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4))
		return GSO_TCP;
	if ((types & RTE_ETH_TX_OFFLOAD_UDP_TSO) &&
			(ol & (RTE_MBUF_F_TX_UDP_SEG | RTE_MBUF_F_TX_IPV4)) ==
			(RTE_MBUF_F_TX_UDP_SEG | RTE_MBUF_F_TX_IPV4))
		return GSO_UDP;
	return GSO_NONE;
}

/*
 * Where the headers are, from the mbuf's lengths; -EINVAL when they do not fit in the first
 * segment or are shorter than the headers they stand for.
 */
static int
gso_layout_of(const struct rte_mbuf *pkt, enum gso_kind kind, struct gso_layout *lo,
		uint16_t *hdr_len)
{
	int tcp = kind == GSO_TCP || kind == GSO_TUNNEL_TCP;
	uint32_t end;

	lo->tunnel = kind == GSO_TUNNEL_TCP || kind == GSO_TUNNEL_UDP;
	lo->o_ip = lo->tunnel ? pkt->outer_l2_len : pkt->l2_len;
	lo->o_udp = 0;
	if (lo->tunnel) {
		if (pkt->outer_l3_len < IP_MIN_HLEN)
			return -EINVAL;
		if ((pkt->ol_flags & RTE_MBUF_F_TX_TUNNEL_MASK) == RTE_MBUF_F_TX_TUNNEL_VXLAN) {
			if (pkt->l2_len < sizeof(struct rte_udp_hdr))
				return -EINVAL;
			lo->o_udp = (uint16_t)(pkt->outer_l2_len + pkt->outer_l3_len);
		}
		lo->ip = (uint16_t)(pkt->outer_l2_len + pkt->outer_l3_len + pkt->l2_len);
	} else {
		lo->ip = pkt->l2_len;
	}
	lo->ip_hlen = pkt->l3_len;
	lo->l4 = (uint16_t)(lo->ip + pkt->l3_len);
	if (pkt->l3_len < IP_MIN_HLEN ||
			(tcp && pkt->l4_len < sizeof(struct rte_tcp_hdr)))
		return -EINVAL;
	/* UDP is cut into IP fragments: the UDP header travels in the first one's payload */
	end = (uint32_t)lo->l4 + (tcp ? pkt->l4_len : 0);
	if (end > pkt->data_len || (uint32_t)lo->l4 + pkt->l4_len > pkt->pkt_len)
		return -EINVAL;
	*hdr_len = (uint16_t)end;
	return 0;
}

int
rte_gso_segment(struct rte_mbuf *pkt, const struct rte_gso_ctx *ctx, struct rte_mbuf **pkts_out,
		uint16_t nb_pkts_out)
{
	const struct rte_ipv4_hdr *ip;
	struct gso_layout lo;
	enum gso_kind kind;
	uint64_t ol;
	uint16_t hdr_len, unit, frag;
	int ret;

	if (pkt == NULL || ctx == NULL || pkts_out == NULL || nb_pkts_out == 0) {
		GSO_LOG(ERR, "segment: NULL packet, context or output array, or no room");
		return -EINVAL;
	}
	if (ctx->direct_pool == NULL || ctx->indirect_pool == NULL) {
		GSO_LOG(ERR, "segment: context without mbuf pools");
		return -EINVAL;
	}
	if (((ctx->gso_types & RTE_ETH_TX_OFFLOAD_UDP_TSO) == 0 ||
				ctx->gso_size < RTE_GSO_UDP_SEG_SIZE_MIN) &&
			((ctx->gso_types & GSO_TCP_TYPES) == 0 ||
				ctx->gso_size < RTE_GSO_SEG_SIZE_MIN)) {
		GSO_LOG(ERR, "segment: gso_types 0x%x with gso_size %u segments nothing",
			ctx->gso_types, ctx->gso_size);
		return -EINVAL;
	}
	if (ctx->gso_size >= pkt->pkt_len) {
		pkt->ol_flags &= ~(RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_UDP_SEG);
		return 0;
	}
	kind = gso_kind_of(pkt->ol_flags, ctx->gso_types);
	if (kind == GSO_NONE)
		return 0;
	if (gso_layout_of(pkt, kind, &lo, &hdr_len) < 0) {
		GSO_LOG(ERR, "segment: header lengths %u/%u/%u/%u/%u do not fit a %u-byte packet",
			pkt->outer_l2_len, pkt->outer_l3_len, pkt->l2_len, pkt->l3_len,
			pkt->l4_len, pkt->data_len);
		return -EINVAL;
	}
	/* fragments are not cut again */
	ip = rte_pktmbuf_mtod_offset(pkt, const struct rte_ipv4_hdr *, lo.ip);
	frag = rte_be_to_cpu_16(ip->fragment_offset);
	if ((frag & (RTE_IPV4_HDR_MF_FLAG | RTE_IPV4_HDR_OFFSET_MASK)) != 0)
		return 0;
	/* nothing after the headers */
	if ((kind == GSO_TCP || kind == GSO_TUNNEL_TCP ? hdr_len : hdr_len + pkt->l4_len) >=
			pkt->pkt_len)
		return 0;
	if (ctx->gso_size <= hdr_len) {
		GSO_LOG(ERR, "segment: gso_size %u leaves no room after %u bytes of headers",
			ctx->gso_size, hdr_len);
		return -EINVAL;
	}
	unit = ctx->gso_size - hdr_len;
	/* fragment offsets count 8-byte units */
	if (kind == GSO_UDP || kind == GSO_TUNNEL_UDP)
		unit &= ~7u;
	if (unit == 0) {
		GSO_LOG(ERR, "segment: gso_size %u leaves less than 8 bytes per fragment",
			ctx->gso_size);
		return -EINVAL;
	}
	if (rte_pktmbuf_data_room_size(ctx->direct_pool) < RTE_PKTMBUF_HEADROOM + hdr_len) {
		GSO_LOG(ERR, "segment: direct pool mbufs cannot hold %u bytes of headers",
			hdr_len);
		return -EINVAL;
	}

	ol = pkt->ol_flags;
	pkt->ol_flags &= ~(RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_UDP_SEG);
	ret = gso_cut(pkt, hdr_len, unit, ctx->direct_pool, ctx->indirect_pool, pkts_out,
		nb_pkts_out);
	if (ret < 0) {
		pkt->ol_flags = ol;
		if (ret == -ENOMEM)
			GSO_LOG(DEBUG, "segment: out of mbufs");
		return ret;
	}
	if (ret > 1) {
		if (kind == GSO_TCP || kind == GSO_TUNNEL_TCP)
			gso_fix_tcp(&lo, (ctx->flag & RTE_GSO_FLAG_IPID_FIXED) ? 0 : 1,
				pkts_out, (uint16_t)ret);
		else
			gso_fix_udp(&lo, pkts_out, (uint16_t)ret);
	}
	return ret;
}
