/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * UDP header.
 */
#ifndef _RTE_UDP_H_
#define _RTE_UDP_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/** UDP header, fields in network order. */
struct rte_udp_hdr {
	rte_be16_t src_port; /**< source port */
	rte_be16_t dst_port; /**< destination port */
	rte_be16_t dgram_len;   /**< header plus payload */
	rte_be16_t dgram_cksum; /**< 0 when not computed (IPv4 only) */
} __rte_packed;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_UDP_H_ */
