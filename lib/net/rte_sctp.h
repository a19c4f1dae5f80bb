/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * SCTP common header (RFC 4960).
 */
#ifndef _RTE_SCTP_H_
#define _RTE_SCTP_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/** SCTP common header, in network order. */
struct rte_sctp_hdr {
	rte_be16_t src_port; /**< source port */
	rte_be16_t dst_port; /**< destination port */
	rte_be32_t tag;      /**< verification tag of the association */
	rte_be32_t cksum;    /**< CRC32c of the packet */
} __rte_packed;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_SCTP_H_ */
