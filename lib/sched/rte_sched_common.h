/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __INCLUDE_RTE_SCHED_COMMON_H__
#define __INCLUDE_RTE_SCHED_COMMON_H__

/**
 * @file
 * Small arithmetic helpers shared by the scheduler and applications built on it.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <sys/types.h>

/** Align a variable or member on 16 bytes. */
#define __rte_aligned_16 __rte_aligned(16)

/**
 * Position of the smallest of four values; on ties the higher position wins.
 *
 * @param x
 *   Array of four values.
 * @return
 *   Index 0 to 3 of the smallest value.
 */
static inline uint32_t
rte_min_pos_4_u16(uint16_t *x)
{
	/* two pairs, then their winners: simple selects the compiler turns into cmov */
	uint32_t lo = x[1] <= x[0] ? 1 : 0;
	uint32_t hi = x[3] <= x[2] ? 3 : 2;

	return x[hi] <= x[lo] ? hi : lo;
}

/**
 * Greatest common divisor of two 64-bit values.
 *
 * @param a
 *   First value.
 * @param b
 *   Second value.
 * @return
 *   The divisor; the other value when one of them is 0.
 */
static inline uint64_t
rte_get_gcd64(uint64_t a, uint64_t b)
{
	while (b != 0) {
		uint64_t r = a % b;

		a = b;
		b = r;
	}
	return a;
}

/**
 * Greatest common divisor of two 32-bit values.
 *
 * @param a
 *   First value.
 * @param b
 *   Second value.
 * @return
 *   The divisor; the other value when one of them is 0.
 */
static inline uint32_t
rte_get_gcd(uint32_t a, uint32_t b)
{
	return rte_get_gcd64(a, b);
}

/**
 * Least common multiple of two 32-bit values (the name is historical).
 *
 * @param a
 *   First value, not 0.
 * @param b
 *   Second value, not 0.
 * @return
 *   The multiple, truncated to 32 bits.
 */
static inline uint32_t
rte_get_lcd(uint32_t a, uint32_t b)
{
	return (a * b) / rte_get_gcd(a, b);
}

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_SCHED_COMMON_H__ */
