/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Division by a divisor known in advance, as a multiplication and two shifts: compute the
 * reciprocal once with rte_reciprocal_value(), then divide many times with
 * rte_reciprocal_divide(). Exact for every dividend (the method of Granlund and Montgomery).
 */
#ifndef _RTE_RECIPROCAL_H_
#define _RTE_RECIPROCAL_H_

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Reciprocal of a 32-bit divisor. */
struct rte_reciprocal {
	uint32_t m;       /**< multiplier */
	uint8_t sh1; /**< first shift, applied to the difference */
	uint8_t sh2; /**< second shift, applied to the sum */
};

/** Reciprocal of a 64-bit divisor. */
struct rte_reciprocal_u64 {
	uint64_t m;       /**< multiplier */
	uint8_t sh1; /**< first shift, applied to the difference */
	uint8_t sh2; /**< second shift, applied to the sum */
};

/**
 * a divided by the divisor R was computed for.
 * @param a dividend
 * @param R from rte_reciprocal_value()
 * @return a / divisor, rounded down
 */
static inline uint32_t rte_reciprocal_divide(uint32_t a, struct rte_reciprocal R)
{
	uint32_t hi = (uint32_t)(((uint64_t)a * R.m) >> 32);

	return (hi + ((a - hi) >> R.sh1)) >> R.sh2;
}

/**
 * a divided by the divisor R was computed for.
 * @param a dividend
 * @param R from rte_reciprocal_value_u64()
 * @return a / divisor, rounded down
 */
static __rte_always_inline uint64_t
rte_reciprocal_divide_u64(uint64_t a, const struct rte_reciprocal_u64 *R)
{
	__extension__ unsigned __int128 prod = (unsigned __int128)a * R->m;
	uint64_t hi = (uint64_t)(prod >> 64);

	return (hi + ((a - hi) >> R->sh1)) >> R->sh2;
}

/**
 * Reciprocal of a 32-bit divisor.
 * @param d divisor, not 0 (0 gives a reciprocal that divides by nothing meaningful)
 * @return what rte_reciprocal_divide() takes
 */
struct rte_reciprocal rte_reciprocal_value(uint32_t d);

/**
 * Reciprocal of a 64-bit divisor.
 * @param d divisor, not 0 (0 gives a reciprocal that divides by nothing meaningful)
 * @return what rte_reciprocal_divide_u64() takes
 */
struct rte_reciprocal_u64 rte_reciprocal_value_u64(uint64_t d);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RECIPROCAL_H_ */
