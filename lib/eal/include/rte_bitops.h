/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Bit masks and single-bit and bit-counting helpers.
 */
#ifndef _RTE_BITOPS_H_
#define _RTE_BITOPS_H_

#include <stdint.h>
#include <rte_common.h>

#define RTE_BIT64(nr) (UINT64_C(1) << (nr)) /**< 64-bit value with only bit nr set. */
#define RTE_BIT32(nr) (UINT32_C(1) << (nr)) /**< 32-bit value with only bit nr set. */
/** 32-bit mask of bits low to high, inclusive. */
#define RTE_GENMASK32(high, low) \
	(((~UINT32_C(0)) << (low)) & (~UINT32_C(0) >> (31u - (high))))
/** 64-bit mask of bits low to high, inclusive. */
#define RTE_GENMASK64(high, low) \
	(((~UINT64_C(0)) << (low)) & (~UINT64_C(0) >> (63u - (high))))

/** Bit nr of *addr (non-zero if set), no atomicity or ordering. */
static inline uint32_t rte_bit_relaxed_get32(unsigned int nr, volatile uint32_t *addr)
{
	return *addr & RTE_BIT32(nr);
}

/** Set bit nr of *addr; not atomic, no ordering. */
static inline void rte_bit_relaxed_set32(unsigned int nr, volatile uint32_t *addr)
{
	*addr |= RTE_BIT32(nr);
}

/** Clear bit nr of *addr; not atomic, no ordering. */
static inline void rte_bit_relaxed_clear32(unsigned int nr, volatile uint32_t *addr)
{
	*addr &= ~RTE_BIT32(nr);
}

/**
 * Set bit nr of *addr and say what it was; not atomic, no ordering.
 * @return the previous value of the bit in place (non-zero if it was set)
 */
static inline uint32_t rte_bit_relaxed_test_and_set32(unsigned int nr, volatile uint32_t *addr)
{
	uint32_t old = *addr;

	*addr = old | RTE_BIT32(nr);
	return old & RTE_BIT32(nr);
}

/**
 * Clear bit nr of *addr and say what it was; not atomic, no ordering.
 * @return the previous value of the bit in place (non-zero if it was set)
 */
static inline uint32_t rte_bit_relaxed_test_and_clear32(unsigned int nr, volatile uint32_t *addr)
{
	uint32_t old = *addr;

	*addr = old & ~RTE_BIT32(nr);
	return old & RTE_BIT32(nr);
}

/** Bit nr of *addr (non-zero if set), no atomicity or ordering. */
static inline uint64_t rte_bit_relaxed_get64(unsigned int nr, volatile uint64_t *addr)
{
	return *addr & RTE_BIT64(nr);
}

/** Set bit nr of *addr; not atomic, no ordering. */
static inline void rte_bit_relaxed_set64(unsigned int nr, volatile uint64_t *addr)
{
	*addr |= RTE_BIT64(nr);
}

/** Clear bit nr of *addr; not atomic, no ordering. */
static inline void rte_bit_relaxed_clear64(unsigned int nr, volatile uint64_t *addr)
{
	*addr &= ~RTE_BIT64(nr);
}

/**
 * Set bit nr of *addr and say what it was; not atomic, no ordering.
 * @return the previous value of the bit in place (non-zero if it was set)
 */
static inline uint64_t rte_bit_relaxed_test_and_set64(unsigned int nr, volatile uint64_t *addr)
{
	uint64_t old = *addr;

	*addr = old | RTE_BIT64(nr);
	return old & RTE_BIT64(nr);
}

/**
 * Clear bit nr of *addr and say what it was; not atomic, no ordering.
 * @return the previous value of the bit in place (non-zero if it was set)
 */
static inline uint64_t rte_bit_relaxed_test_and_clear64(unsigned int nr, volatile uint64_t *addr)
{
	uint64_t old = *addr;

	*addr = old & ~RTE_BIT64(nr);
	return old & RTE_BIT64(nr);
}

/** Number of set bits of v. */
static inline unsigned int rte_popcount32(uint32_t v)
{
	return (unsigned int)__builtin_popcount(v);
}
/** Number of set bits of v. */
static inline unsigned int rte_popcount64(uint64_t v)
{
	return (unsigned int)__builtin_popcountll(v);
}
/** Number of trailing zero bits of v; v must not be 0. */
static inline unsigned int rte_ctz32(uint32_t v) { return (unsigned int)__builtin_ctz(v); }
/** Number of trailing zero bits of v; v must not be 0. */
static inline unsigned int rte_ctz64(uint64_t v) { return (unsigned int)__builtin_ctzll(v); }
/** Number of leading zero bits of v; v must not be 0. */
static inline unsigned int rte_clz32(uint32_t v) { return (unsigned int)__builtin_clz(v); }
/** Number of leading zero bits of v; v must not be 0. */
static inline unsigned int rte_clz64(uint64_t v) { return (unsigned int)__builtin_clzll(v); }

#endif /* _RTE_BITOPS_H_ */
