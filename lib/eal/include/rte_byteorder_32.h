/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * 64-bit byte swap on 32-bit x86: two 32-bit swaps with the halves exchanged.
 * Included by rte_byteorder.h.
 */
#ifndef _RTE_BYTEORDER_H_
#error "include <rte_byteorder.h> instead of <rte_byteorder_32.h>"
#endif

#ifndef _RTE_BYTEORDER_32_H_
#define _RTE_BYTEORDER_32_H_

#include <stdint.h>

/** Byte-swap a 64-bit value with the CPU's 32-bit instruction. */
static inline uint64_t rte_arch_bswap64(uint64_t x)
{
	return ((uint64_t)__builtin_bswap32((uint32_t)x) << 32) |
		__builtin_bswap32((uint32_t)(x >> 32));
}

#endif /* _RTE_BYTEORDER_32_H_ */
