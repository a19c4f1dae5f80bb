/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Cache prefetch hints.
 */
#ifndef _RTE_PREFETCH_H_
#define _RTE_PREFETCH_H_

#include <rte_common.h>

/** Prefetch the cache line at p for reading into every cache level. */
static inline void rte_prefetch0(const volatile void *p)
{
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 3);
}

/** Prefetch the cache line at p for reading into level 2 and below. */
static inline void rte_prefetch1(const volatile void *p)
{
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 2);
}

/** Prefetch the cache line at p for reading into level 3 and below. */
static inline void rte_prefetch2(const volatile void *p)
{
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 1);
}

/** Prefetch the cache line at p for one read, keeping cache pollution low. */
static inline void rte_prefetch_non_temporal(const volatile void *p)
{
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 0);
}

/** Prefetch the cache line at p for writing into every cache level. */
static inline void rte_prefetch0_write(const void *p)
{
	__builtin_prefetch(p, 1, 3);
}

/** Prefetch the cache line at p for writing into level 2 and below. */
static inline void rte_prefetch1_write(const void *p)
{
	__builtin_prefetch(p, 1, 2);
}

/** Prefetch the cache line at p for writing into level 3 and below. */
static inline void rte_prefetch2_write(const void *p)
{
	__builtin_prefetch(p, 1, 1);
}

/** Hint to move the cache line at p away from this core; does nothing here. */
static inline void rte_cldemote(const volatile void *p)
{
	RTE_SET_USED(p);
}

#endif /* _RTE_PREFETCH_H_ */
