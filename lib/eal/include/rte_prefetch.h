/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Cache prefetch hints.
 */
#ifndef _RTE_PREFETCH_H_
#define _RTE_PREFETCH_H_

#include <rte_common.h>

/*
 * On x86 the hints are volatile asm rather than __builtin_prefetch: GCC takes the builtin for
 * a function without side effects, so a helper made only of prefetches that it chooses not to
 * inline is dropped at its call sites, prefetches and all. The asm cannot be dropped.
 */

/** Prefetch the cache line at p for reading into every cache level. */
static inline void rte_prefetch0(const volatile void *p)
{
#ifdef RTE_ARCH_X86
	__asm__ __volatile__("prefetcht0 %[line]" : : [line] "m" (*(const volatile char *)p));
#else
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 3);
#endif
}

/** Prefetch the cache line at p for reading into level 2 and below. */
static inline void rte_prefetch1(const volatile void *p)
{
#ifdef RTE_ARCH_X86
	__asm__ __volatile__("prefetcht1 %[line]" : : [line] "m" (*(const volatile char *)p));
#else
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 2);
#endif
}

/** Prefetch the cache line at p for reading into level 3 and below. */
static inline void rte_prefetch2(const volatile void *p)
{
#ifdef RTE_ARCH_X86
	__asm__ __volatile__("prefetcht2 %[line]" : : [line] "m" (*(const volatile char *)p));
#else
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 1);
#endif
}

/** Prefetch the cache line at p for one read, keeping cache pollution low. */
static inline void rte_prefetch_non_temporal(const volatile void *p)
{
#ifdef RTE_ARCH_X86
	__asm__ __volatile__("prefetchnta %[line]" : : [line] "m" (*(const volatile char *)p));
#else
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 0);
#endif
}

/** Prefetch the cache line at p for writing into every cache level. */
static inline void rte_prefetch0_write(const void *p)
{
#ifdef RTE_ARCH_X86
#ifdef __PRFCHW__
	__asm__ __volatile__("prefetchw %[line]" : : [line] "m" (*(const volatile char *)p));
#else
	__asm__ __volatile__("prefetcht0 %[line]" : : [line] "m" (*(const volatile char *)p));
#endif
#else
	__builtin_prefetch((const void *)(uintptr_t)p, 1, 3);
#endif
}

/** Prefetch the cache line at p for writing into level 2 and below. */
static inline void rte_prefetch1_write(const void *p)
{
#ifdef RTE_ARCH_X86
#ifdef __PRFCHW__
	__asm__ __volatile__("prefetchw %[line]" : : [line] "m" (*(const volatile char *)p));
#else
	__asm__ __volatile__("prefetcht1 %[line]" : : [line] "m" (*(const volatile char *)p));
#endif
#else
	__builtin_prefetch((const void *)(uintptr_t)p, 1, 2);
#endif
}

/** Prefetch the cache line at p for writing into level 3 and below. */
static inline void rte_prefetch2_write(const void *p)
{
#ifdef RTE_ARCH_X86
#ifdef __PRFCHW__
	__asm__ __volatile__("prefetchw %[line]" : : [line] "m" (*(const volatile char *)p));
#else
	__asm__ __volatile__("prefetcht2 %[line]" : : [line] "m" (*(const volatile char *)p));
#endif
#else
	__builtin_prefetch((const void *)(uintptr_t)p, 1, 1);
#endif
}

/** Hint to move the cache line at p away from this core; does nothing here. */
static inline void rte_cldemote(const volatile void *p)
{
	RTE_SET_USED(p);
}

#endif /* _RTE_PREFETCH_H_ */
