/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * IPv4 and IPv6 fragmentation and reassembly.
 *
 * Fragmentation splits a packet whose data starts at its IP header into fragments made of a
 * direct mbuf holding the fragment's IP header followed by indirect mbufs attached to the
 * input's segments, so that the payload is never copied. Reassembly keeps the fragments of
 * each datagram in a table until all have arrived, then chains them into one packet; the
 * mbufs it gives up on are put on a death row that the caller frees when convenient.
 */
#ifndef _RTE_IP_FRAG_H_
#define _RTE_IP_FRAG_H_

#include <stdint.h>
#include <stdio.h>

#include <rte_compat.h>
#include <rte_config.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_ip.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_mbuf;
struct rte_mempool;

/** Packets a death row can take between two calls to rte_ip_frag_free_death_row. */
#define RTE_IP_FRAG_DEATH_ROW_LEN 32

/** Mbufs a death row can take: each packet may bring all its fragments. */
#define RTE_IP_FRAG_DEATH_ROW_MBUF_LEN \
	(RTE_IP_FRAG_DEATH_ROW_LEN * (RTE_LIBRTE_IP_FRAG_MAX_FRAG + 1))

/** Mbufs the reassembly gave up on, to be freed by rte_ip_frag_free_death_row. */
struct rte_ip_frag_death_row {
	uint32_t cnt; /**< mbufs in row[] */
	struct rte_mbuf *row[RTE_IP_FRAG_DEATH_ROW_MBUF_LEN]; /**< the mbufs */
};

/** Reassembly table (opaque). */
struct rte_ip_frag_tbl;

/**
 * Create a reassembly table.
 *
 * Each datagram being reassembled takes one entry; an entry lives in one of two buckets chosen
 * by hashing its addresses and identification.
 *
 * @param bucket_num
 *   Number of buckets.
 * @param bucket_entries
 *   Entries per bucket, a power of two.
 * @param max_entries
 *   Most datagrams held at once; at most bucket_num * bucket_entries rounded up to a power
 *   of two.
 * @param max_cycles
 *   Lifetime of an incomplete datagram, in the unit of the timestamps given to the reassembly
 *   functions (TSC cycles in DPDK's samples).
 * @param socket_id
 *   NUMA socket of the memory, or SOCKET_ID_ANY.
 * @return
 *   The table, or NULL when a parameter is invalid or memory is lacking.
 */
struct rte_ip_frag_tbl *rte_ip_frag_table_create(uint32_t bucket_num,
		uint32_t bucket_entries, uint32_t max_entries,
		uint64_t max_cycles, int socket_id);

/**
 * Free a reassembly table and every fragment it still holds.
 *
 * @param tbl
 *   The table; NULL is ignored.
 */
void
rte_ip_frag_table_destroy(struct rte_ip_frag_tbl *tbl);

/**
 * Fragment an IPv6 packet.
 *
 * The packet's data must start at its IPv6 header; everything after the fixed header is the
 * fragmentable part. Each fragment gets a fragment extension header (identification 0).
 * The input is not freed: the fragments hold references to its buffers.
 *
 * @param pkt_in
 *   The packet.
 * @param pkts_out
 *   Where the fragments are stored.
 * @param nb_pkts_out
 *   Room in pkts_out.
 * @param mtu_size
 *   Largest fragment, IPv6 header included.
 * @param pool_direct
 *   Pool of the mbufs holding the fragments' headers.
 * @param pool_indirect
 *   Pool of the mbufs attached to the input's payload.
 * @return
 *   Number of fragments stored in pkts_out, or -EINVAL (bad argument, or more fragments
 *   needed than nb_pkts_out), -ENOMEM (a pool is empty; nothing is left allocated).
 */
int32_t
rte_ipv6_fragment_packet(struct rte_mbuf *pkt_in,
		struct rte_mbuf **pkts_out,
		uint16_t nb_pkts_out,
		uint16_t mtu_size,
		struct rte_mempool *pool_direct,
		struct rte_mempool *pool_indirect);

/**
 * Add an IPv6 fragment to a reassembly table.
 *
 * mb->l2_len and mb->l3_len must be set, l3_len covering the IPv6 header and the fragment
 * header that follows it directly.
 *
 * @param tbl
 *   The table.
 * @param dr
 *   Death row receiving the mbufs the table drops.
 * @param mb
 *   The fragment; the table owns it from now on.
 * @param tms
 *   Arrival time, compared with the table's max_cycles.
 * @param ip_hdr
 *   The fragment's IPv6 header.
 * @param frag_hdr
 *   Its fragment extension header.
 * @return
 *   The reassembled packet (fragment header removed) when mb completed it, else NULL.
 */
struct rte_mbuf *rte_ipv6_frag_reassemble_packet(struct rte_ip_frag_tbl *tbl,
		struct rte_ip_frag_death_row *dr,
		struct rte_mbuf *mb, uint64_t tms, struct rte_ipv6_hdr *ip_hdr,
		struct rte_ipv6_fragment_ext *frag_hdr);

/**
 * The fragment extension header of an IPv6 packet, when it directly follows the fixed header
 * (further extension headers are not searched).
 *
 * @param hdr
 *   The IPv6 header.
 * @return
 *   The fragment header, or NULL.
 */
static inline struct rte_ipv6_fragment_ext *
rte_ipv6_frag_get_ipv6_fragment_header(struct rte_ipv6_hdr *hdr)
{
	if (hdr->proto != IPPROTO_FRAGMENT)
		return NULL;
	return (struct rte_ipv6_fragment_ext *)(hdr + 1);
}

/**
 * Fragment an IPv4 packet.
 *
 * The packet's data must start at its IPv4 header. The first fragment keeps all IP options,
 * the others only those marked to be copied. The fragments' header checksum is left 0, for
 * the caller or the NIC to fill in. The input is not freed: the fragments hold references
 * to its buffers.
 *
 * @param pkt_in
 *   The packet.
 * @param pkts_out
 *   Where the fragments are stored.
 * @param nb_pkts_out
 *   Room in pkts_out.
 * @param mtu_size
 *   Largest fragment, IPv4 header included; at least RTE_ETHER_MIN_MTU.
 * @param pool_direct
 *   Pool of the mbufs holding the fragments' headers.
 * @param pool_indirect
 *   Pool of the mbufs attached to the input's payload.
 * @return
 *   Number of fragments stored in pkts_out, or -EINVAL (bad argument, or more fragments
 *   needed than nb_pkts_out), -ENOTSUP (don't-fragment flag set), -ENOMEM (a pool is empty;
 *   nothing is left allocated).
 */
int32_t rte_ipv4_fragment_packet(struct rte_mbuf *pkt_in,
		struct rte_mbuf **pkts_out,
		uint16_t nb_pkts_out, uint16_t mtu_size,
		struct rte_mempool *pool_direct,
		struct rte_mempool *pool_indirect);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Fragment a single-segment IPv4 packet by copying it into direct mbufs, for ports whose
 * transmit path needs direct, unshared mbufs (MBUF_FAST_FREE). Same rules as
 * rte_ipv4_fragment_packet otherwise.
 *
 * @param pkt_in
 *   The packet, one segment.
 * @param pkts_out
 *   Where the fragments are stored.
 * @param nb_pkts_out
 *   Room in pkts_out.
 * @param mtu_size
 *   Largest fragment, IPv4 header included; at least RTE_ETHER_MIN_MTU.
 * @param pool_direct
 *   Pool of the fragments; its mbufs must have room for a whole fragment.
 * @return
 *   Number of fragments stored in pkts_out, or -EINVAL, -ENOTSUP, -ENOMEM as
 *   rte_ipv4_fragment_packet.
 */
__rte_experimental
int32_t
rte_ipv4_fragment_copy_nonseg_packet(struct rte_mbuf *pkt_in,
		struct rte_mbuf **pkts_out,
		uint16_t nb_pkts_out,
		uint16_t mtu_size,
		struct rte_mempool *pool_direct);

/**
 * Add an IPv4 fragment to a reassembly table.
 *
 * mb->l2_len and mb->l3_len must be set.
 *
 * @param tbl
 *   The table.
 * @param dr
 *   Death row receiving the mbufs the table drops.
 * @param mb
 *   The fragment; the table owns it from now on.
 * @param tms
 *   Arrival time, compared with the table's max_cycles.
 * @param ip_hdr
 *   The fragment's IPv4 header.
 * @return
 *   The reassembled packet when mb completed it, else NULL. Its header has the total length
 *   of the whole datagram, no offset nor more-fragments flag and checksum 0, with
 *   RTE_MBUF_F_TX_IP_CKSUM set in ol_flags.
 */
struct rte_mbuf *rte_ipv4_frag_reassemble_packet(struct rte_ip_frag_tbl *tbl,
		struct rte_ip_frag_death_row *dr,
		struct rte_mbuf *mb, uint64_t tms, struct rte_ipv4_hdr *ip_hdr);

/**
 * Whether an IPv4 packet is a fragment.
 *
 * @param hdr
 *   Its IPv4 header.
 * @return
 *   1 when the more-fragments flag or the offset is set, else 0.
 */
static inline int
rte_ipv4_frag_pkt_is_fragmented(const struct rte_ipv4_hdr *hdr)
{
	uint16_t v = rte_be_to_cpu_16(hdr->fragment_offset);

	return (v & (RTE_IPV4_HDR_MF_FLAG | RTE_IPV4_HDR_OFFSET_MASK)) != 0;
}

/**
 * Free the mbufs of a death row and empty it.
 *
 * @param dr
 *   The death row.
 * @param prefetch
 *   How far ahead of the mbuf being freed to prefetch.
 */
void rte_ip_frag_free_death_row(struct rte_ip_frag_death_row *dr,
		uint32_t prefetch);

/**
 * Print a table's counters.
 *
 * @param f
 *   Output stream.
 * @param tbl
 *   The table.
 */
void
rte_ip_frag_table_statistics_dump(FILE *f, const struct rte_ip_frag_tbl *tbl);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Drop the datagrams that have waited longer than the table's max_cycles, oldest first,
 * while the death row has room for all their fragments.
 *
 * @param tbl
 *   The table.
 * @param dr
 *   Death row receiving their fragments.
 * @param tms
 *   Current time.
 */
__rte_experimental
void
rte_ip_frag_table_del_expired_entries(struct rte_ip_frag_tbl *tbl,
		struct rte_ip_frag_death_row *dr, uint64_t tms);

/** @name Former names, kept for applications written for older releases. */
/**@{*/
#define IP_FRAG_DEATH_ROW_LEN RTE_IP_FRAG_DEATH_ROW_LEN /**< old name */
#define IP_FRAG_DEATH_ROW_MBUF_LEN RTE_IP_FRAG_DEATH_ROW_MBUF_LEN /**< old name */
#define ipv6_extension_fragment rte_ipv6_fragment_ext /**< old name */
/**@}*/

#ifdef __cplusplus
}
#endif

#endif /* _RTE_IP_FRAG_H_ */
