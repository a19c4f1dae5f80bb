/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * PPP header in HDLC-like framing (RFC 1662), as carried by L2TP.
 */
#ifndef _RTE_PPP_H_
#define _RTE_PPP_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/** PPP header. */
struct rte_ppp_hdr {
	uint8_t addr;        /**< address field, 0xff */
	uint8_t ctrl;        /**< control field, 0x03 */
	rte_be16_t proto_id; /**< protocol of the payload */
} __rte_packed;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PPP_H_ */
