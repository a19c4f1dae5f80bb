/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Spin-wait helpers.
 */
#ifndef _RTE_PAUSE_H_
#define _RTE_PAUSE_H_

#include <stdint.h>
#include <assert.h>
#include <emmintrin.h>
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

/**
 * Spin (with rte_pause) until (*addr & mask) cond expected holds, *addr being loaded with
 * ordering memorder (__ATOMIC_ACQUIRE or __ATOMIC_RELAXED). cond is a comparison operator
 * written as is: RTE_WAIT_UNTIL_MASKED(&word, 0x1, ==, 0, __ATOMIC_ACQUIRE).
 */
#define RTE_WAIT_UNTIL_MASKED(addr, mask, cond, expected, memorder) do { \
	RTE_BUILD_BUG_ON(!__builtin_constant_p(memorder)); \
	RTE_BUILD_BUG_ON((memorder) != __ATOMIC_ACQUIRE && (memorder) != __ATOMIC_RELAXED); \
	const typeof(*(addr)) _rte_wait_expected = (expected); \
	while (!((__atomic_load_n((addr), (memorder)) & (mask)) cond _rte_wait_expected)) \
		rte_pause(); \
} while (0)

#endif /* _RTE_PAUSE_H_ */
