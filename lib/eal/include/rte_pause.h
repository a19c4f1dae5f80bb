/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Spin-wait helpers.
 */
#ifndef _RTE_PAUSE_H_
#define _RTE_PAUSE_H_

#include <stdint.h>
#include <rte_common.h>
#include <rte_stdatomic.h>

/** Tell the CPU this is a spin-wait loop (saves power, yields to the sibling hyperthread). */
static inline void rte_pause(void)
{
	__builtin_ia32_pause();
}

/** Spin (with rte_pause) until *addr, loaded with ordering memorder, equals expected. */
static __rte_always_inline void
rte_wait_until_equal_16(volatile uint16_t *addr, uint16_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

/** Spin (with rte_pause) until *addr, loaded with ordering memorder, equals expected. */
static __rte_always_inline void
rte_wait_until_equal_32(volatile uint32_t *addr, uint32_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

/** Spin (with rte_pause) until *addr, loaded with ordering memorder, equals expected. */
static __rte_always_inline void
rte_wait_until_equal_64(volatile uint64_t *addr, uint64_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

#endif /* _RTE_PAUSE_H_ */
