/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Packet type values for rte_mbuf.packet_type: one 4-bit field per layer (L2, L3, L4,
 * tunnel, inner L2, inner L3, inner L4). A driver that parsed the headers fills them so the
 * application need not.
 */
#ifndef _RTE_MBUF_PTYPE_H_
#define _RTE_MBUF_PTYPE_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_PTYPE_UNKNOWN 0x00000000 /**< type not known */
#define RTE_PTYPE_L2_ETHER 0x00000001 /**< Ethernet */
#define RTE_PTYPE_L2_ETHER_TIMESYNC 0x00000002 /**< Ethernet, IEEE 1588 PTP */
#define RTE_PTYPE_L2_ETHER_ARP 0x00000003 /**< Ethernet, ARP */
#define RTE_PTYPE_L2_ETHER_LLDP 0x00000004 /**< Ethernet, LLDP */
#define RTE_PTYPE_L2_ETHER_NSH 0x00000005 /**< Ethernet, NSH */
#define RTE_PTYPE_L2_ETHER_VLAN 0x00000006 /**< Ethernet with a VLAN tag */
#define RTE_PTYPE_L2_ETHER_QINQ 0x00000007 /**< Ethernet with two VLAN tags */
#define RTE_PTYPE_L2_ETHER_PPPOE 0x00000008 /**< Ethernet, PPPoE */
#define RTE_PTYPE_L2_ETHER_FCOE 0x00000009 /**< Ethernet, FCoE */
#define RTE_PTYPE_L2_ETHER_MPLS 0x0000000a /**< Ethernet, MPLS */
#define RTE_PTYPE_L2_MASK 0x0000000f /**< L2 bits */
#define RTE_PTYPE_L3_IPV4 0x00000010 /**< IPv4 without options */
#define RTE_PTYPE_L3_IPV4_EXT 0x00000030 /**< IPv4 with options */
#define RTE_PTYPE_L3_IPV6 0x00000040 /**< IPv6 without extension headers */
#define RTE_PTYPE_L3_IPV4_EXT_UNKNOWN 0x00000090 /**< IPv4, options not known */
#define RTE_PTYPE_L3_IPV6_EXT 0x000000c0 /**< IPv6 with extension headers */
#define RTE_PTYPE_L3_IPV6_EXT_UNKNOWN 0x000000e0 /**< IPv6, extension headers not known */
#define RTE_PTYPE_L3_MASK 0x000000f0 /**< L3 bits */
#define RTE_PTYPE_L4_TCP 0x00000100 /**< TCP */
#define RTE_PTYPE_L4_UDP 0x00000200 /**< UDP */
#define RTE_PTYPE_L4_FRAG 0x00000300 /**< IP fragment */
#define RTE_PTYPE_L4_SCTP 0x00000400 /**< SCTP */
#define RTE_PTYPE_L4_ICMP 0x00000500 /**< ICMP */
#define RTE_PTYPE_L4_NONFRAG 0x00000600 /**< other, not a fragment */
#define RTE_PTYPE_L4_IGMP 0x00000700 /**< IGMP */
#define RTE_PTYPE_L4_MASK 0x00000f00 /**< L4 bits */
#define RTE_PTYPE_TUNNEL_IP 0x00001000 /**< IP in IP */
#define RTE_PTYPE_TUNNEL_GRE 0x00002000 /**< GRE */
#define RTE_PTYPE_TUNNEL_VXLAN 0x00003000 /**< VXLAN */
#define RTE_PTYPE_TUNNEL_NVGRE 0x00004000 /**< NVGRE */
#define RTE_PTYPE_TUNNEL_GENEVE 0x00005000 /**< Geneve */
#define RTE_PTYPE_TUNNEL_GRENAT 0x00006000 /**< GRE, Teredo, VXLAN or Geneve (not told apart) */
#define RTE_PTYPE_TUNNEL_GTPC 0x00007000 /**< GTP control */
#define RTE_PTYPE_TUNNEL_GTPU 0x00008000 /**< GTP user data */
#define RTE_PTYPE_TUNNEL_ESP 0x00009000 /**< ESP */
#define RTE_PTYPE_TUNNEL_L2TP 0x0000a000 /**< L2TP */
#define RTE_PTYPE_TUNNEL_VXLAN_GPE 0x0000b000 /**< VXLAN-GPE */
#define RTE_PTYPE_TUNNEL_MPLS_IN_GRE 0x0000c000 /**< MPLS in GRE */
#define RTE_PTYPE_TUNNEL_MPLS_IN_UDP 0x0000d000 /**< MPLS in UDP */
#define RTE_PTYPE_TUNNEL_MASK 0x0000f000 /**< tunnel bits */
#define RTE_PTYPE_INNER_L2_ETHER 0x00010000 /**< inner Ethernet */
#define RTE_PTYPE_INNER_L2_ETHER_VLAN 0x00020000 /**< inner Ethernet with a VLAN tag */
#define RTE_PTYPE_INNER_L2_ETHER_QINQ 0x00030000 /**< inner Ethernet with two VLAN tags */
#define RTE_PTYPE_INNER_L2_MASK 0x000f0000 /**< inner L2 bits */
#define RTE_PTYPE_INNER_L3_IPV4 0x00100000 /**< inner IPv4 without options */
#define RTE_PTYPE_INNER_L3_IPV4_EXT 0x00200000 /**< inner IPv4 with options */
#define RTE_PTYPE_INNER_L3_IPV6 0x00300000 /**< inner IPv6 without extension headers */
#define RTE_PTYPE_INNER_L3_IPV4_EXT_UNKNOWN 0x00400000 /**< inner IPv4, options not known */
#define RTE_PTYPE_INNER_L3_IPV6_EXT 0x00500000 /**< inner IPv6 with extension headers */
/** inner IPv6, extension headers not known */
#define RTE_PTYPE_INNER_L3_IPV6_EXT_UNKNOWN 0x00600000
#define RTE_PTYPE_INNER_L3_MASK 0x00f00000 /**< inner L3 bits */
#define RTE_PTYPE_INNER_L4_TCP 0x01000000 /**< inner TCP */
#define RTE_PTYPE_INNER_L4_UDP 0x02000000 /**< inner UDP */
#define RTE_PTYPE_INNER_L4_FRAG 0x03000000 /**< inner IP fragment */
#define RTE_PTYPE_INNER_L4_SCTP 0x04000000 /**< inner SCTP */
#define RTE_PTYPE_INNER_L4_ICMP 0x05000000 /**< inner ICMP */
#define RTE_PTYPE_INNER_L4_NONFRAG 0x06000000 /**< inner other, not a fragment */
#define RTE_PTYPE_INNER_L4_MASK 0x0f000000 /**< inner L4 bits */
#define RTE_PTYPE_ALL_MASK 0x0fffffff /**< every layer's bits */

/** Is the outer L3 IPv4 (with or without options)? */
#define RTE_ETH_IS_IPV4_HDR(ptype) ((ptype) & RTE_PTYPE_L3_IPV4)
/** Is the outer L3 IPv6 (with or without extension headers)? */
#define RTE_ETH_IS_IPV6_HDR(ptype) ((ptype) & RTE_PTYPE_L3_IPV6)
/** Is the packet tunnelled? */
#define RTE_ETH_IS_TUNNEL_PKT(ptype) ((ptype) & \
	(RTE_PTYPE_TUNNEL_MASK | RTE_PTYPE_INNER_L2_MASK | RTE_PTYPE_INNER_L3_MASK | \
	 RTE_PTYPE_INNER_L4_MASK))

/** Short name of the L2 layer of ptype, e.g. "L2_ETHER"; "L2_UNKNOWN" otherwise. */
const char *rte_get_ptype_l2_name(uint32_t ptype);
/** Short name of the L3 layer of ptype, e.g. "L3_IPV4"; "L3_UNKNOWN" otherwise. */
const char *rte_get_ptype_l3_name(uint32_t ptype);
/** Short name of the L4 layer of ptype, e.g. "L4_TCP"; "L4_UNKNOWN" otherwise. */
const char *rte_get_ptype_l4_name(uint32_t ptype);
/** Short name of the tunnel layer of ptype, e.g. "TUNNEL_GRE"; "TUNNEL_UNKNOWN" otherwise. */
const char *rte_get_ptype_tunnel_name(uint32_t ptype);

/** Short name of the inner L2 layer, e.g. "INNER_L2_ETHER"; "INNER_L2_UNKNOWN" otherwise. */
const char *rte_get_ptype_inner_l2_name(uint32_t ptype);
/** Short name of the inner L3 layer, e.g. "INNER_L3_IPV6"; "INNER_L3_UNKNOWN" otherwise. */
const char *rte_get_ptype_inner_l3_name(uint32_t ptype);
/** Short name of the inner L4 layer, e.g. "INNER_L4_TCP"; "INNER_L4_UNKNOWN" otherwise. */
const char *rte_get_ptype_inner_l4_name(uint32_t ptype);

/**
 * Write into buf the name of every layer present in ptype (L2, L3, L4, tunnel, inner L2, L3
 * and L4), each followed by a space, as in "L2_ETHER L3_IPV4 L4_UDP "; "UNKNOWN" when no layer
 * is known. 0, or -1 when buf is NULL or too small (buf then holds what fitted).
 */
int rte_get_ptype_name(uint32_t ptype, char *buf, size_t buflen);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_PTYPE_H_ */
