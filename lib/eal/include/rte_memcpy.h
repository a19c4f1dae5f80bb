/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Copies for packet data. The compiler's memcpy expands small constant sizes inline and calls
 * glibc's tuned routine otherwise, which is already vectorised for this CPU.
 */
#ifndef _RTE_MEMCPY_H_
#define _RTE_MEMCPY_H_

#include <string.h>
#include <stdint.h>
#include <rte_common.h>

static __rte_always_inline void *
rte_memcpy(void *dst, const void *src, size_t n)
{
	return memcpy(dst, src, n);
}

static __rte_always_inline void
rte_mov16(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 16);
}

static __rte_always_inline void
rte_mov32(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 32);
}

static __rte_always_inline void
rte_mov64(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 64);
}

#endif /* _RTE_MEMCPY_H_ */
