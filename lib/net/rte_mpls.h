/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * MPLS label stack entry (RFC 3032).
 */
#ifndef _RTE_MPLS_H_
#define _RTE_MPLS_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One MPLS label stack entry: a 20-bit label split in two fields, the traffic class, the
 * bottom-of-stack bit and the TTL.
 */
__extension__
struct rte_mpls_hdr {
	uint16_t tag_msb; /**< the 16 high bits of the label, network order */
#if RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint8_t tag_lsb:4; /**< the 4 low bits of the label */
	uint8_t tc:3;      /**< traffic class */
	uint8_t bs:1;      /**< 1 on the last entry of the stack */
#else
	uint8_t bs:1;      /**< 1 on the last entry of the stack */
	uint8_t tc:3;      /**< traffic class */
	uint8_t tag_lsb:4; /**< the 4 low bits of the label */
#endif
	uint8_t ttl; /**< time to live */
} __rte_packed;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MPLS_H_ */
