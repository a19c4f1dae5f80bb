/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * VXLAN (RFC 7348) and VXLAN-GPE headers.
 */
#ifndef _RTE_VXLAN_H_
#define _RTE_VXLAN_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#include <rte_udp.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_VXLAN_DEFAULT_PORT 4789     /**< IANA UDP port of VXLAN */
#define RTE_VXLAN_GPE_DEFAULT_PORT 4790 /**< IANA UDP port of VXLAN-GPE */

/** VXLAN header, in network order. */
struct rte_vxlan_hdr {
	rte_be32_t vx_flags; /**< flags: 0x08000000 when the VNI is valid */
	rte_be32_t vx_vni;   /**< VNI in the 24 high bits */
} __rte_packed;

/** Bytes a VXLAN encapsulation adds after the outer IP header. */
#define RTE_ETHER_VXLAN_HLEN \
	(sizeof(struct rte_udp_hdr) + sizeof(struct rte_vxlan_hdr))

/** VXLAN-GPE header: VXLAN with a next-protocol field. */
struct rte_vxlan_gpe_hdr {
	uint8_t vx_flags;    /**< flags */
	uint8_t reserved[2]; /**< reserved */
	uint8_t proto;       /**< next protocol, RTE_VXLAN_GPE_TYPE_* */
	rte_be32_t vx_vni;   /**< VNI in the 24 high bits */
} __rte_packed;

/** Bytes a VXLAN-GPE encapsulation adds after the outer IP header. */
#define RTE_ETHER_VXLAN_GPE_HLEN (sizeof(struct rte_udp_hdr) + \
		sizeof(struct rte_vxlan_gpe_hdr))

#define RTE_VXLAN_GPE_TYPE_IPV4 1 /**< next protocol: IPv4 */
#define RTE_VXLAN_GPE_TYPE_IPV6 2 /**< next protocol: IPv6 */
#define RTE_VXLAN_GPE_TYPE_ETH  3 /**< next protocol: Ethernet */
#define RTE_VXLAN_GPE_TYPE_NSH  4 /**< next protocol: NSH */
#define RTE_VXLAN_GPE_TYPE_MPLS 5 /**< next protocol: MPLS */
#define RTE_VXLAN_GPE_TYPE_GBP  6 /**< next protocol: group based policy */
#define RTE_VXLAN_GPE_TYPE_VBNG 7 /**< next protocol: vBNG */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_VXLAN_H_ */
