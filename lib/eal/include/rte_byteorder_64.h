/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * 64-bit byte swap on 64-bit x86: one bswap instruction. Included by rte_byteorder.h.
 */
#ifndef _RTE_BYTEORDER_H_
#error "include <rte_byteorder.h> instead of <rte_byteorder_64.h>"
#endif

#ifndef _RTE_BYTEORDER_64_H_
#define _RTE_BYTEORDER_64_H_

#include <stdint.h>

/** Byte-swap a 64-bit value with the CPU's instruction. */
static inline uint64_t rte_arch_bswap64(uint64_t x) { return __builtin_bswap64(x); }

#endif /* _RTE_BYTEORDER_64_H_ */
