/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * ESP (IPsec Encapsulating Security Payload, RFC 4303) header and trailer.
 */
#ifndef _RTE_ESP_H_
#define _RTE_ESP_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/** ESP header, in network order, before the encrypted payload. */
struct rte_esp_hdr {
	rte_be32_t spi; /**< security parameters index */
	rte_be32_t seq; /**< sequence number */
} __rte_packed;

/** ESP trailer, after the padding and before the integrity check value. */
struct rte_esp_tail {
	uint8_t pad_len;    /**< padding bytes before this trailer */
	uint8_t next_proto; /**< protocol of the protected payload (IPPROTO_*) */
} __rte_packed;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ESP_H_ */
