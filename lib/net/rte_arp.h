/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * ARP header for IPv4 over Ethernet (RFC 826), and a RARP packet builder.
 */
#ifndef _RTE_ARP_H_
#define _RTE_ARP_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#include <rte_ether.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_mbuf;
struct rte_mempool;

/** Addresses of an IPv4-over-Ethernet ARP packet. */
struct rte_arp_ipv4 {
	struct rte_ether_addr arp_sha; /**< sender hardware address */
	uint32_t arp_sip;              /**< sender IP address, network order */
	struct rte_ether_addr arp_tha; /**< target hardware address */
	uint32_t arp_tip;              /**< target IP address, network order */
} __rte_packed __rte_aligned(2);

/** ARP header, in network order. */
struct rte_arp_hdr {
	uint16_t arp_hardware; /**< hardware type, RTE_ARP_HRD_ETHER */
#define RTE_ARP_HRD_ETHER 1 /**< arp_hardware: Ethernet */
	uint16_t arp_protocol; /**< protocol type, RTE_ETHER_TYPE_IPV4 */
	uint8_t arp_hlen;      /**< hardware address length, 6 */
	uint8_t arp_plen;      /**< protocol address length, 4 */
	uint16_t arp_opcode;   /**< operation, RTE_ARP_OP_* */
#define RTE_ARP_OP_REQUEST    1 /**< request */
#define RTE_ARP_OP_REPLY      2 /**< reply */
#define RTE_ARP_OP_REVREQUEST 3 /**< reverse (RARP) request */
#define RTE_ARP_OP_REVREPLY   4 /**< reverse (RARP) reply */
#define RTE_ARP_OP_INVREQUEST 8 /**< inverse request */
#define RTE_ARP_OP_INVREPLY   9 /**< inverse reply */
	struct rte_arp_ipv4 arp_data; /**< the addresses */
} __rte_packed __rte_aligned(2);

/**
 * Build a broadcast RARP request announcing mac (what a virtual switch sends after a guest
 * moved): Ethernet header to ff:ff:ff:ff:ff:ff from mac, EtherType RTE_ETHER_TYPE_RARP, ARP
 * reverse request with mac as sender and target hardware address and zero IP addresses, padded
 * to the minimum frame length.
 *
 * @param mpool
 *   Pool of the new mbuf.
 * @param mac
 *   The address to announce.
 * @return
 *   The packet, or NULL when no mbuf could be allocated or its data room is too small.
 */
struct rte_mbuf *
rte_net_make_rarp_packet(struct rte_mempool *mpool,
		const struct rte_ether_addr *mac);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ARP_H_ */
