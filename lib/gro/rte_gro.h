/* SPDX-License-Identifier: BSD-3-Clause */

#ifndef _RTE_GRO_H_
#define _RTE_GRO_H_

/**
 * @file
 * Generic Receive Offload: merge received TCP segments of one flow, and fragments of one
 * IPv4 datagram, into larger packets in software, before they go up the stack.
 *
 * Two modes share the same merging rules. The lightweight mode (rte_gro_reassemble_burst)
 * merges what it can inside one burst and returns everything at once. The heavyweight mode
 * keeps packets in the tables of a context (rte_gro_reassemble) across bursts, until
 * rte_gro_timeout_flush hands them back. Checksums are neither checked nor recomputed.
 * The packets must carry packet_type and the header lengths (l2_len, l3_len, l4_len, and
 * outer_l2_len, outer_l3_len for VXLAN) of their headers.
 */

#include <stdint.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Most packets rte_gro_reassemble_burst() considers for merging in one call. */
#define RTE_GRO_MAX_BURST_ITEM_NUM 128U
/** Number of GRO type bits the API reserves. */
#define RTE_GRO_TYPE_MAX_NUM 64
/** Number of GRO types the library had when the API was defined. */
#define RTE_GRO_TYPE_SUPPORT_NUM 2

/** Bit index of RTE_GRO_TCP_IPV4. */
#define RTE_GRO_TCP_IPV4_INDEX 0
/** Merge TCP segments carried in IPv4. */
#define RTE_GRO_TCP_IPV4 (1ULL << RTE_GRO_TCP_IPV4_INDEX)
/** Bit index of RTE_GRO_IPV4_VXLAN_TCP_IPV4. */
#define RTE_GRO_IPV4_VXLAN_TCP_IPV4_INDEX 1
/** Merge TCP/IPv4 segments carried in VXLAN over IPv4. */
#define RTE_GRO_IPV4_VXLAN_TCP_IPV4 (1ULL << RTE_GRO_IPV4_VXLAN_TCP_IPV4_INDEX)
/** Bit index of RTE_GRO_UDP_IPV4. */
#define RTE_GRO_UDP_IPV4_INDEX 2
/** Reassemble IPv4 fragments of UDP datagrams. */
#define RTE_GRO_UDP_IPV4 (1ULL << RTE_GRO_UDP_IPV4_INDEX)
/** Bit index of RTE_GRO_IPV4_VXLAN_UDP_IPV4. */
#define RTE_GRO_IPV4_VXLAN_UDP_IPV4_INDEX 3
/** Reassemble IPv4 fragments of UDP datagrams carried in VXLAN over IPv4. */
#define RTE_GRO_IPV4_VXLAN_UDP_IPV4 (1ULL << RTE_GRO_IPV4_VXLAN_UDP_IPV4_INDEX)

/**
 * What to merge and how much to hold: given to rte_gro_ctx_create(), or to each call of
 * rte_gro_reassemble_burst().
 */
struct rte_gro_param {
	/** RTE_GRO_* bits of the packet kinds to merge. */
	uint64_t gro_types;
	/** Most flows held at a time. */
	uint16_t max_flow_num;
	/** Packets held per flow; max_flow_num times this is the capacity of a table. */
	uint16_t max_item_per_flow;
	/** NUMA socket of the context's tables (unused by rte_gro_reassemble_burst()). */
	uint16_t socket_id;
};

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Create a context holding one table per GRO type of param, for rte_gro_reassemble().
 *
 * @param param
 *   GRO types, table sizes and NUMA socket.
 * @return
 *   The context, or NULL if param is NULL, the tables would be empty, or memory is short.
 */
void *rte_gro_ctx_create(const struct rte_gro_param *param);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Free a context. Packets still held in it are not freed: flush them first.
 *
 * @param ctx
 *   Context from rte_gro_ctx_create(), or NULL (nothing is done).
 */
void rte_gro_ctx_destroy(void *ctx);

/**
 * Merge the packets of one burst with each other.
 *
 * Packets that cannot be merged (other kinds, flags, malformed headers) are given back
 * unchanged. Merged packets get their IP (and outer UDP) length fields updated; checksums
 * are left as they were.
 *
 * @param pkts
 *   The burst; on return it holds the packets left after merging.
 * @param nb_pkts
 *   Number of packets in pkts.
 * @param param
 *   GRO types and table sizes; socket_id is not used.
 * @return
 *   Number of packets now in pkts: nb_pkts when nothing was merged.
 */
uint16_t rte_gro_reassemble_burst(struct rte_mbuf **pkts,
		uint16_t nb_pkts,
		const struct rte_gro_param *param);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Merge packets into the tables of a context, which keeps them until
 * rte_gro_timeout_flush(). Packets the context cannot take (other kinds, no payload, flags,
 * malformed headers, full tables) are given back in pkts.
 *
 * @param pkts
 *   Packets to merge; on return it holds the packets not taken, in their order.
 * @param nb_pkts
 *   Number of packets in pkts.
 * @param ctx
 *   Context from rte_gro_ctx_create().
 * @return
 *   Number of packets given back in pkts.
 */
uint16_t rte_gro_reassemble(struct rte_mbuf **pkts,
		uint16_t nb_pkts,
		void *ctx);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Take out of a context the packets that have been held at least timeout_cycles TSC cycles,
 * with their headers updated for the merge.
 *
 * @param ctx
 *   Context from rte_gro_ctx_create().
 * @param timeout_cycles
 *   Age, in TSC cycles, from which a packet is flushed: 0 flushes every packet.
 * @param gro_types
 *   RTE_GRO_* bits of the tables to flush.
 * @param out
 *   Array receiving the flushed packets.
 * @param max_nb_out
 *   Size of out: most packets flushed by this call.
 * @return
 *   Number of packets written to out.
 */
uint16_t rte_gro_timeout_flush(void *ctx,
		uint64_t timeout_cycles,
		uint64_t gro_types,
		struct rte_mbuf **out,
		uint16_t max_nb_out);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Count the packets held in a context.
 *
 * @param ctx
 *   Context from rte_gro_ctx_create().
 * @return
 *   Number of packets in its tables, 0 for a NULL context.
 */
uint64_t rte_gro_get_pkt_count(void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_GRO_H_ */
