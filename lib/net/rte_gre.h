/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * GRE header (RFC 2784, RFC 2890) and its optional fields.
 */
#ifndef _RTE_GRE_H_
#define _RTE_GRE_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * GRE base header. The flag bits say which optional fields follow, in this order: checksum
 * and reserved (c), key (k), sequence number (s).
 */
__extension__
struct rte_gre_hdr {
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
	uint16_t res2:4; /**< reserved */
	uint16_t s:1;    /**< sequence number present */
	uint16_t k:1;    /**< key present */
	uint16_t res1:1; /**< reserved */
	uint16_t c:1;    /**< checksum present */
	uint16_t ver:3;  /**< version, 0 */
	uint16_t res3:5; /**< reserved */
#elif RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint16_t c:1;    /**< checksum present */
	uint16_t res1:1; /**< reserved */
	uint16_t k:1;    /**< key present */
	uint16_t s:1;    /**< sequence number present */
	uint16_t res2:4; /**< reserved */
	uint16_t res3:5; /**< reserved */
	uint16_t ver:3;  /**< version, 0 */
#endif
	uint16_t proto; /**< EtherType of the payload, network order */
} __rte_packed;

/** Optional checksum field, when c is set. */
struct rte_gre_hdr_opt_checksum_rsvd {
	rte_be16_t checksum;  /**< checksum of header and payload */
	rte_be16_t reserved1; /**< reserved */
} __rte_packed;

/** Optional key field, when k is set. */
struct rte_gre_hdr_opt_key {
	rte_be32_t key; /**< key */
} __rte_packed;

/** Optional sequence number field, when s is set. */
struct rte_gre_hdr_opt_sequence {
	rte_be32_t sequence; /**< sequence number */
} __rte_packed;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_GRE_H_ */
