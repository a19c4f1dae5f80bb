/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Packet type parsing in software, and the preparation of packets whose checksums an Intel-like
 * NIC completes on transmit.
 */
#ifndef _RTE_NET_H_
#define _RTE_NET_H_

#include <stdint.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_branch_prediction.h>
#include <rte_ip.h>
#include <rte_udp.h>
#include <rte_tcp.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Header lengths rte_net_get_ptype found, in bytes. */
struct rte_net_hdr_lens {
	uint8_t l2_len;        /**< outer Ethernet header, with VLAN tags */
	uint8_t inner_l2_len;  /**< inner Ethernet header of a tunnel, with VLAN tags */
	uint16_t l3_len;       /**< outer IP header, with IPv4 options or IPv6 extensions */
	uint16_t inner_l3_len; /**< inner IP header */
	uint16_t tunnel_len;   /**< tunnel header (GRE with its options; 0 for IP in IP) */
	uint8_t l4_len;        /**< outer TCP, UDP or SCTP header; 0 otherwise */
	uint8_t inner_l4_len;  /**< inner TCP, UDP or SCTP header; 0 otherwise */
};

/**
 * Skip the IPv6 extension headers starting at *off.
 *
 * Hop-by-hop, routing and destination options headers are skipped; a fragment header is
 * skipped and ends the walk. At most five headers are looked at.
 *
 * @param proto
 *   Next header value of the IPv6 header (or of the last header before *off).
 * @param m
 *   The packet.
 * @param off
 *   In: offset of the first extension header. Out: offset of the first header that is not an
 *   extension header.
 * @param frag
 *   Out: 1 if a fragment header was found, else 0.
 * @return
 *   The protocol after the extension headers; 0 when the chain ends with "no next header";
 *   -1 when the packet is too short or has more than five extension headers.
 */
int
rte_net_skip_ip6_ext(uint16_t proto, const struct rte_mbuf *m, uint32_t *off,
	int *frag);

/**
 * Parse a packet's headers in software and say what they are, as a NIC that sets
 * mbuf->packet_type would.
 *
 * Recognised: Ethernet with one VLAN tag or a QinQ pair; IPv4 (with or without options) and
 * IPv6 (with extension headers); TCP, UDP, SCTP and fragments; as tunnels GRE (NVGRE when it
 * carries Ethernet) and IP in IP, and behind them the same inner layers. An MPLS packet is
 * reported as plain Ethernet, as in DPDK 22.11.
 *
 * @param m
 *   The packet (it may span several segments).
 * @param hdr_lens
 *   Where to store the lengths of the headers found; may be NULL. Fields of layers not reached
 *   are left as they were.
 * @param layers
 *   RTE_PTYPE_*_MASK bits of the layers to parse (RTE_PTYPE_ALL_MASK for all); parsing stops
 *   at the first layer not asked for.
 * @return
 *   RTE_PTYPE_* bits of the layers recognised, 0 when not even Ethernet is.
 */
uint32_t rte_net_get_ptype(const struct rte_mbuf *m,
	struct rte_net_hdr_lens *hdr_lens, uint32_t layers);

/**
 * Prepare a packet for checksum offload as Intel NICs (and many others) expect: the IPv4
 * header checksum zeroed when RTE_MBUF_F_TX_IP_CKSUM asks the NIC to compute it, and the
 * TCP or UDP checksum field set to the checksum of the pseudo-header, for the inner headers
 * and, with RTE_MBUF_F_TX_OUTER_*, the outer ones of a tunnel.
 *
 * The headers are found through m->l2_len, l3_len, l4_len (and outer_l2_len, outer_l3_len)
 * and must all be in the first segment.
 *
 * @param m
 *   The packet; its headers are modified.
 * @param ol_flags
 *   The offload flags to act on (normally m->ol_flags).
 * @return
 *   0, or -ENOTSUP when the headers are not all in the first segment.
 */
static inline int
rte_net_intel_cksum_flags_prepare(struct rte_mbuf *m, uint64_t ol_flags)
{
	const uint64_t wanted = RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK |
		RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_OUTER_IP_CKSUM |
		RTE_MBUF_F_TX_OUTER_UDP_CKSUM;
	const uint64_t l4 = ol_flags & RTE_MBUF_F_TX_L4_MASK;
	struct rte_ipv4_hdr *ip4 = NULL;
	struct rte_ipv6_hdr *ip6 = NULL;
	struct rte_udp_hdr *udp;
	struct rte_tcp_hdr *tcp;
	uint64_t l3_off = m->l2_len;

	if ((ol_flags & wanted) == 0)
		return 0;

	/* Outer headers of a tunnel; the inner ones start after them. */
	if (ol_flags & (RTE_MBUF_F_TX_OUTER_IPV4 | RTE_MBUF_F_TX_OUTER_IPV6)) {
		l3_off += m->outer_l2_len + m->outer_l3_len;
		if (ol_flags & RTE_MBUF_F_TX_OUTER_IP_CKSUM) {
			ip4 = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, m->outer_l2_len);
			ip4->hdr_checksum = 0;
		}
		if (ol_flags & RTE_MBUF_F_TX_OUTER_UDP_CKSUM) {
			udp = rte_pktmbuf_mtod_offset(m, struct rte_udp_hdr *,
				m->outer_l2_len + m->outer_l3_len);
			if (ol_flags & RTE_MBUF_F_TX_OUTER_IPV4) {
				ip4 = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *,
					m->outer_l2_len);
				/* The pseudo-header length comes from the IPv4 header: m's
				 * flags decide whether the segmentation form is used.
				 */
				udp->dgram_cksum = rte_ipv4_phdr_cksum(ip4, m->ol_flags);
			} else {
				ip6 = rte_pktmbuf_mtod_offset(m, struct rte_ipv6_hdr *,
					m->outer_l2_len);
				udp->dgram_cksum = rte_ipv6_phdr_cksum(ip6, m->ol_flags);
			}
		}
	}

	if (unlikely(rte_pktmbuf_data_len(m) < l3_off + m->l3_len + m->l4_len))
		return -ENOTSUP;

	if (ol_flags & RTE_MBUF_F_TX_IPV4) {
		ip4 = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, l3_off);
		if (ol_flags & RTE_MBUF_F_TX_IP_CKSUM)
			ip4->hdr_checksum = 0;
	} else {
		ip6 = rte_pktmbuf_mtod_offset(m, struct rte_ipv6_hdr *, l3_off);
	}

	if (l4 == RTE_MBUF_F_TX_UDP_CKSUM) {
		udp = rte_pktmbuf_mtod_offset(m, struct rte_udp_hdr *, l3_off + m->l3_len);
		udp->dgram_cksum = (ol_flags & RTE_MBUF_F_TX_IPV4) ?
			rte_ipv4_phdr_cksum(ip4, ol_flags) : rte_ipv6_phdr_cksum(ip6, ol_flags);
	} else if (l4 == RTE_MBUF_F_TX_TCP_CKSUM || (ol_flags & RTE_MBUF_F_TX_TCP_SEG)) {
		tcp = rte_pktmbuf_mtod_offset(m, struct rte_tcp_hdr *, l3_off + m->l3_len);
		tcp->cksum = (ol_flags & RTE_MBUF_F_TX_IPV4) ?
			rte_ipv4_phdr_cksum(ip4, ol_flags) : rte_ipv6_phdr_cksum(ip6, ol_flags);
	}
	return 0;
}

/**
 * rte_net_intel_cksum_flags_prepare with the packet's own m->ol_flags.
 *
 * @param m
 *   The packet; its headers are modified.
 * @return
 *   0, or -ENOTSUP when the headers are not all in the first segment.
 */
static inline int
rte_net_intel_cksum_prepare(struct rte_mbuf *m)
{
	return rte_net_intel_cksum_flags_prepare(m, m->ol_flags);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_NET_H_ */
