/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * CRCs of packet data: CRC-16/CCITT (reflected polynomial 0x8408, initial value and final
 * XOR 0xffff, as in X.25 and HDLC) and the Ethernet CRC-32 (reflected polynomial 0xedb88320,
 * initial value and final XOR 0xffffffff). A table-driven implementation always works; on x86
 * CPUs with SSE4.2 and carry-less multiplication (PCLMULQDQ) a folding implementation is used
 * for long buffers. The best available one is chosen when the library loads.
 */
#ifndef _RTE_NET_CRC_H_
#define _RTE_NET_CRC_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The CRCs rte_net_crc_calc computes. */
enum rte_net_crc_type {
	RTE_NET_CRC16_CCITT = 0, /**< CRC-16/CCITT, 16-bit result */
	RTE_NET_CRC32_ETH,       /**< Ethernet CRC-32 (FCS), 32-bit result */
	RTE_NET_CRC_REQS         /**< number of CRC types */
};

/** Implementations rte_net_crc_set_alg can select. */
enum rte_net_crc_alg {
	RTE_NET_CRC_SCALAR = 0, /**< lookup tables, any CPU */
	RTE_NET_CRC_SSE42,      /**< x86 SSE4.2 with PCLMULQDQ */
	RTE_NET_CRC_NEON,       /**< Arm NEON with PMULL */
	RTE_NET_CRC_AVX512,     /**< x86 AVX-512 with VPCLMULQDQ */
};

/**
 * Select the implementation. One the CPU (or this build) does not have falls back: AVX512 to
 * SSE42, and anything not available to SCALAR. All give the same results.
 *
 * @param alg
 *   The implementation wanted.
 */
void
rte_net_crc_set_alg(enum rte_net_crc_alg alg);

/**
 * CRC of a buffer.
 *
 * @param data
 *   The bytes.
 * @param data_len
 *   How many.
 * @param type
 *   RTE_NET_CRC16_CCITT or RTE_NET_CRC32_ETH.
 * @return
 *   The CRC (a CRC-16 in the low 16 bits); 0 for an unknown type.
 */
uint32_t
rte_net_crc_calc(const void *data,
	uint32_t data_len,
	enum rte_net_crc_type type);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_NET_CRC_H_ */
