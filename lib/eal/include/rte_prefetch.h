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
#ifdef RTE_ARCH_X86
#define RTE_PREFETCH_R_(p, loc, insn) \
	__asm__ __volatile__(insn " %[line]" : : [line] "m" (*(const volatile char *)(p)))
#ifdef __PRFCHW__
#define RTE_PREFETCH_W_(p, loc, insn) RTE_PREFETCH_R_(p, loc, "prefetchw")
#else
#define RTE_PREFETCH_W_(p, loc, insn) RTE_PREFETCH_R_(p, loc, insn)
#endif
#else
#define RTE_PREFETCH_R_(p, loc, insn) __builtin_prefetch((const void *)(uintptr_t)(p), 0, loc)
#define RTE_PREFETCH_W_(p, loc, insn) __builtin_prefetch((const void *)(uintptr_t)(p), 1, loc)
#endif

/** Prefetch the cache line at p for reading into every cache level. */
static inline void rte_prefetch0(const volatile void *p)
{
	RTE_PREFETCH_R_(p, 3, "prefetcht0");
}

/** Prefetch the cache line at p for reading into level 2 and below. */
static inline void rte_prefetch1(const volatile void *p)
{
	RTE_PREFETCH_R_(p, 2, "prefetcht1");
}

/** Prefetch the cache line at p for reading into level 3 and below. */
static inline void rte_prefetch2(const volatile void *p)
{
	RTE_PREFETCH_R_(p, 1, "prefetcht2");
}

/** Prefetch the cache line at p for one read, keeping cache pollution low. */
static inline void rte_prefetch_non_temporal(const volatile void *p)
{
	RTE_PREFETCH_R_(p, 0, "prefetchnta");
}

/** Prefetch the cache line at p for writing into every cache level. */
static inline void rte_prefetch0_write(const void *p)
{
	RTE_PREFETCH_W_(p, 3, "prefetcht0");
}

/** Prefetch the cache line at p for writing into level 2 and below. */
static inline void rte_prefetch1_write(const void *p)
{
	RTE_PREFETCH_W_(p, 2, "prefetcht1");
}

/** Prefetch the cache line at p for writing into level 3 and below. */
static inline void rte_prefetch2_write(const void *p)
{
	RTE_PREFETCH_W_(p, 1, "prefetcht2");
}

#undef RTE_PREFETCH_R_
#undef RTE_PREFETCH_W_

/** Hint to move the cache line at p away from this core; does nothing here. */
static inline void rte_cldemote(const volatile void *p)
{
	RTE_SET_USED(p);
}

#endif /* _RTE_PREFETCH_H_ */
