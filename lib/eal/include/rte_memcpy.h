/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Copies for packet data. The compiler's memcpy expands small constant sizes inline and calls
 * glibc's tuned routine otherwise, which is already vectorised for this CPU.
 */
#ifndef _RTE_MEMCPY_H_
#define _RTE_MEMCPY_H_

#include <string.h>
#include <stdint.h>
#include <stdio.h>
#include <rte_common.h>

/** Copy n bytes from src to dst (areas must not overlap); returns dst. */
static __rte_always_inline void *
rte_memcpy(void *dst, const void *src, size_t n)
{
	return memcpy(dst, src, n);
}

/** Copy 16 bytes from src to dst. */
static __rte_always_inline void
rte_mov16(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 16);
}

/** Copy 32 bytes from src to dst. */
static __rte_always_inline void
rte_mov32(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 32);
}

/** Copy 64 bytes from src to dst. */
static __rte_always_inline void
rte_mov64(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 64);
}

#endif /* _RTE_MEMCPY_H_ */
