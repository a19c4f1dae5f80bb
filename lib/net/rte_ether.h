/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Ethernet: addresses, the frame header, VLAN tags and the EtherType values in use.
 */
#ifndef _RTE_ETHER_H_
#define _RTE_ETHER_H_

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_ETHER_ADDR_LEN 6  /**< bytes in a MAC address */
#define RTE_ETHER_TYPE_LEN 2  /**< bytes in the EtherType field */
#define RTE_ETHER_CRC_LEN 4   /**< bytes in the frame check sequence */
/** Bytes in an Ethernet header without VLAN tag. */
#define RTE_ETHER_HDR_LEN (RTE_ETHER_ADDR_LEN * 2 + RTE_ETHER_TYPE_LEN)
#define RTE_ETHER_MIN_LEN 64   /**< shortest frame, CRC included */
#define RTE_ETHER_MAX_LEN 1518 /**< longest untagged frame, CRC included */
/** Default MTU: payload of the longest untagged frame. */
#define RTE_ETHER_MTU (RTE_ETHER_MAX_LEN - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN)
#define RTE_VLAN_HLEN 4 /**< bytes in a VLAN tag */
/** longest frame with one VLAN tag, CRC included */
#define RTE_ETHER_MAX_VLAN_FRAME_LEN (RTE_ETHER_MAX_LEN + RTE_VLAN_HLEN)
#define RTE_ETHER_MAX_JUMBO_FRAME_LEN 0x3F00 /**< longest jumbo frame */
#define RTE_ETHER_MAX_VLAN_ID 4095 /**< highest VLAN id */
#define RTE_ETHER_MIN_MTU 68 /**< smallest MTU (IPv4 minimum) */

#define RTE_ETHER_GROUP_ADDR 0x01       /**< first-byte bit: group (multicast) address */
#define RTE_ETHER_LOCAL_ADMIN_ADDR 0x02 /**< first-byte bit: locally administered */

/** A MAC address in wire order. Two-byte alignment lets it be compared as 16-bit words. */
struct rte_ether_addr {
	uint8_t addr_bytes[RTE_ETHER_ADDR_LEN]; /**< the six bytes, first transmitted first */
} __rte_aligned(2);

/** printf format and arguments for an address: printf(RTE_ETHER_ADDR_PRT_FMT,
 *  RTE_ETHER_ADDR_BYTES(&addr)). */
#define RTE_ETHER_ADDR_PRT_FMT "%02X:%02X:%02X:%02X:%02X:%02X"
/** The six bytes of *mac_addrs as printf arguments for RTE_ETHER_ADDR_PRT_FMT. */
#define RTE_ETHER_ADDR_BYTES(mac_addrs) \
	((mac_addrs)->addr_bytes[0]), ((mac_addrs)->addr_bytes[1]), \
	((mac_addrs)->addr_bytes[2]), ((mac_addrs)->addr_bytes[3]), \
	((mac_addrs)->addr_bytes[4]), ((mac_addrs)->addr_bytes[5])
/** Buffer size for rte_ether_format_addr, terminating NUL included. */
#define RTE_ETHER_ADDR_FMT_SIZE 18

/** 1 if ea1 and ea2 are the same address, 0 otherwise. */
static inline int
rte_is_same_ether_addr(const struct rte_ether_addr *ea1, const struct rte_ether_addr *ea2)
{
	const uint16_t *w1 = (const uint16_t *)ea1;
	const uint16_t *w2 = (const uint16_t *)ea2;

	return ((w1[0] ^ w2[0]) | (w1[1] ^ w2[1]) | (w1[2] ^ w2[2])) == 0;
}

/** 1 if ea is 00:00:00:00:00:00, 0 otherwise. */
static inline int
rte_is_zero_ether_addr(const struct rte_ether_addr *ea)
{
	const uint16_t *w = (const uint16_t *)ea;

	return (w[0] | w[1] | w[2]) == 0;
}

/** 1 if ea is an individual (unicast) address, 0 otherwise. */
static inline int
rte_is_unicast_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_GROUP_ADDR) == 0;
}

/** Non-zero if ea is a group (multicast or broadcast) address. */
static inline int
rte_is_multicast_ether_addr(const struct rte_ether_addr *ea)
{
	return ea->addr_bytes[0] & RTE_ETHER_GROUP_ADDR;
}

/** 1 if ea is FF:FF:FF:FF:FF:FF, 0 otherwise. */
static inline int
rte_is_broadcast_ether_addr(const struct rte_ether_addr *ea)
{
	const uint16_t *w = (const uint16_t *)ea;

	return (w[0] & w[1] & w[2]) == 0xFFFF;
}

/** Globally unique (assigned by a vendor) rather than locally administered. */
static inline int
rte_is_universal_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_LOCAL_ADMIN_ADDR) == 0;
}

/** 1 if ea is locally administered, 0 otherwise. */
static inline int
rte_is_local_admin_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_LOCAL_ADMIN_ADDR) != 0;
}

/** Usable as a port's own address: unicast and not all zeros. */
static inline int
rte_is_valid_assigned_ether_addr(const struct rte_ether_addr *ea)
{
	return rte_is_unicast_ether_addr(ea) && !rte_is_zero_ether_addr(ea);
}

/** Fill addr (6 bytes) with a random, locally administered unicast address. */
void rte_eth_random_addr(uint8_t *addr);

/** Copy the address ea_from to ea_to. */
static inline void
rte_ether_addr_copy(const struct rte_ether_addr *__rte_restrict ea_from,
		struct rte_ether_addr *__rte_restrict ea_to)
{
	*ea_to = *ea_from;
}

/** Write eth_addr as "XX:XX:XX:XX:XX:XX" into buf of size bytes (truncated if too small). */
void rte_ether_format_addr(char *buf, uint16_t size, const struct rte_ether_addr *eth_addr);

/**
 * Parse "XX:XX:XX:XX:XX:XX", "XX-XX-XX-XX-XX-XX" or "XXXX:XXXX:XXXX" (hex digits).
 * @return 0, or -1 with rte_errno EINVAL (eth_addr unchanged).
 */
int rte_ether_unformat_addr(const char *str, struct rte_ether_addr *eth_addr);

/** Ethernet header: destination, source, EtherType (network order). */
struct rte_ether_hdr {
	struct rte_ether_addr dst_addr; /**< destination address */
	struct rte_ether_addr src_addr; /**< source address */
	rte_be16_t ether_type; /**< EtherType or length */
} __rte_aligned(2);

/** 802.1Q tag following the addresses; eth_proto is the encapsulated EtherType. */
struct rte_vlan_hdr {
	rte_be16_t vlan_tci; /**< priority, DEI and VLAN id */
	rte_be16_t eth_proto; /**< EtherType of what follows */
} __rte_packed;

#define RTE_ETHER_TYPE_IPV4 0x0800 /**< IPv4 */
#define RTE_ETHER_TYPE_IPV6 0x86DD /**< IPv6 */
#define RTE_ETHER_TYPE_ARP 0x0806 /**< ARP */
#define RTE_ETHER_TYPE_RARP 0x8035 /**< reverse ARP */
#define RTE_ETHER_TYPE_VLAN 0x8100 /**< 802.1Q VLAN tag */
#define RTE_ETHER_TYPE_QINQ 0x88A8 /**< 802.1ad outer tag */
#define RTE_ETHER_TYPE_QINQ1 0x9100 /**< legacy QinQ outer tag */
#define RTE_ETHER_TYPE_QINQ2 0x9200 /**< legacy QinQ outer tag */
#define RTE_ETHER_TYPE_QINQ3 0x9300 /**< legacy QinQ outer tag */
#define RTE_ETHER_TYPE_PPPOE_DISCOVERY 0x8863 /**< PPPoE discovery */
#define RTE_ETHER_TYPE_PPPOE_SESSION 0x8864 /**< PPPoE session */
#define RTE_ETHER_TYPE_ETAG 0x893F /**< 802.1BR E-tag */
#define RTE_ETHER_TYPE_1588 0x88F7 /**< IEEE 1588 PTP */
#define RTE_ETHER_TYPE_SLOW 0x8809 /**< slow protocols (LACP, marker) */
#define RTE_ETHER_TYPE_TEB 0x6558 /**< transparent Ethernet bridging */
#define RTE_ETHER_TYPE_LLDP 0x88CC /**< LLDP */
#define RTE_ETHER_TYPE_MPLS 0x8847 /**< MPLS unicast */
#define RTE_ETHER_TYPE_MPLSM 0x8848 /**< MPLS multicast */
#define RTE_ETHER_TYPE_ECPRI 0xAEFE /**< eCPRI */

/**
 * Move the 802.1Q tag of m into m->vlan_tci and remove it from the data.
 * @return 0, or -1 when the frame carries no VLAN tag (m unchanged).
 */
static inline int
rte_vlan_strip(struct rte_mbuf *m)
{
	struct rte_ether_hdr *eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	struct rte_vlan_hdr *vh;

	if (eh->ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN))
		return -1;
	vh = (struct rte_vlan_hdr *)(eh + 1);
	m->ol_flags |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
	m->vlan_tci = rte_be_to_cpu_16(vh->vlan_tci);
	/* The addresses move forward over the tag. */
	memmove((char *)eh + RTE_VLAN_HLEN, eh, 2 * RTE_ETHER_ADDR_LEN);
	rte_pktmbuf_adj(m, RTE_VLAN_HLEN);
	return 0;
}

/**
 * Insert an 802.1Q tag carrying (*m)->vlan_tci after the addresses.
 * @return 0, -EINVAL for an indirect or shared mbuf, or -ENOSPC without headroom (m unchanged).
 */
static inline int
rte_vlan_insert(struct rte_mbuf **m)
{
	struct rte_ether_hdr *oh, *nh;
	struct rte_vlan_hdr *vh;

	if (!RTE_MBUF_DIRECT(*m) || rte_mbuf_refcnt_read(*m) > 1)
		return -EINVAL;
	oh = rte_pktmbuf_mtod(*m, struct rte_ether_hdr *);
	nh = (struct rte_ether_hdr *)(void *)rte_pktmbuf_prepend(*m, RTE_VLAN_HLEN);
	if (nh == NULL)
		return -ENOSPC;
	memmove(nh, oh, 2 * RTE_ETHER_ADDR_LEN);
	nh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN);
	vh = (struct rte_vlan_hdr *)(nh + 1);
	vh->vlan_tci = rte_cpu_to_be_16((*m)->vlan_tci);
	(*m)->ol_flags &= ~(RTE_MBUF_F_RX_VLAN_STRIPPED | RTE_MBUF_F_TX_VLAN);
	if ((*m)->ol_flags & RTE_MBUF_F_TX_TUNNEL_MASK)
		(*m)->outer_l2_len += sizeof(struct rte_vlan_hdr);
	else
		(*m)->l2_len += sizeof(struct rte_vlan_hdr);
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHER_H_ */
