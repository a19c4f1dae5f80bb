/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * ICMP (IPv4) echo header.
 */
#ifndef _RTE_ICMP_H_
#define _RTE_ICMP_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/** ICMP header as used by echo request and reply, in network order. */
struct rte_icmp_hdr {
	uint8_t icmp_type;      /**< message type */
	uint8_t icmp_code;      /**< subtype */
	rte_be16_t icmp_cksum;  /**< Internet checksum of the message */
	rte_be16_t icmp_ident;  /**< echo identifier */
	rte_be16_t icmp_seq_nb; /**< echo sequence number */
} __rte_packed;

#define RTE_IP_ICMP_ECHO_REPLY   0 /**< icmp_type of an echo reply */
#define RTE_IP_ICMP_ECHO_REQUEST 8 /**< icmp_type of an echo request */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ICMP_H_ */
