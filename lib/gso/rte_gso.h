/* SPDX-License-Identifier: BSD-3-Clause */

#ifndef _RTE_GSO_H_
#define _RTE_GSO_H_

/**
 * @file
 * Generic Segmentation Offload: cut a large TCP/IPv4 packet into segments of at most a
 * given size (or a large UDP/IPv4 datagram into IPv4 fragments) in software, for ports
 * that cannot do it in hardware. Plain and VXLAN or GRE tunnelled packets are handled.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <rte_mbuf.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

/** Smallest gso_size that leaves room for one byte of TCP payload after the headers. */
#define RTE_GSO_SEG_SIZE_MIN (sizeof(struct rte_ether_hdr) + \
		sizeof(struct rte_ipv4_hdr) + sizeof(struct rte_tcp_hdr) + 1)

/** Smallest gso_size that leaves room for one byte of UDP payload after the headers. */
#define RTE_GSO_UDP_SEG_SIZE_MIN (sizeof(struct rte_ether_hdr) + \
		sizeof(struct rte_ipv4_hdr) + sizeof(struct rte_udp_hdr) + 1)

/** rte_gso_ctx flag: every segment keeps the IP ID of the input packet (else +1 each). */
#define RTE_GSO_FLAG_IPID_FIXED (1ULL << 0)

/**
 * How rte_gso_segment() segments: pools, packet kinds and segment size.
 */
struct rte_gso_ctx {
	/** Pool of the mbufs receiving a copy of the headers, first mbuf of each segment. */
	struct rte_mempool *direct_pool;
	/** Pool of the mbufs that point into the input packet's payload (no data room needed). */
	struct rte_mempool *indirect_pool;
	/** RTE_GSO_FLAG_* bits. */
	uint64_t flag;
	/**
	 * Packet kinds to segment, as RTE_ETH_TX_OFFLOAD_* bits: TCP_TSO, UDP_TSO,
	 * VXLAN_TNL_TSO, GRE_TNL_TSO.
	 */
	uint32_t gso_types;
	/** Largest segment, headers included, in bytes; at least RTE_GSO_SEG_SIZE_MIN. */
	uint16_t gso_size;
};

/**
 * Segment one packet.
 *
 * The packet's ol_flags say what it is, as for TSO: RTE_MBUF_F_TX_TCP_SEG or
 * RTE_MBUF_F_TX_UDP_SEG with RTE_MBUF_F_TX_IPV4 (and RTE_MBUF_F_TX_OUTER_IPV4 with
 * RTE_MBUF_F_TX_TUNNEL_VXLAN or _GRE for tunnels), and l2_len, l3_len, l4_len (plus
 * outer_l2_len, outer_l3_len) the header lengths. Each segment is a direct mbuf holding a
 * copy of the headers followed by indirect mbufs attached to the input packet's payload;
 * lengths, IP IDs, TCP sequence numbers and flags (FIN and PSH only on the last segment) or
 * fragment offsets are set, checksums are not computed. The TX_TCP_SEG / TX_UDP_SEG flag is
 * cleared on the input and every segment. The input packet is never freed here: the
 * segments hold references to it, the caller frees its own.
 *
 * @param pkt
 *   Packet to segment.
 * @param ctx
 *   Segmentation parameters.
 * @param pkts_out
 *   Array receiving the segments.
 * @param nb_pkts_out
 *   Size of pkts_out.
 * @return
 *   - number of segments written to pkts_out;
 *   - 0 when the packet needs no segmentation (it fits, has no payload, is a fragment or
 *     of a kind not asked for);
 *   - -ENOMEM when a pool runs out of mbufs;
 *   - -EINVAL for invalid parameters, including a pkts_out too small.
 */
int rte_gso_segment(struct rte_mbuf *pkt,
		const struct rte_gso_ctx *ctx,
		struct rte_mbuf **pkts_out,
		uint16_t nb_pkts_out);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_GSO_H_ */
