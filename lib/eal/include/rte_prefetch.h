/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_PREFETCH_H_
#define _RTE_PREFETCH_H_

#include <rte_common.h>

static inline void rte_prefetch0(const volatile void *p)
{
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 3);
}

static inline void rte_prefetch1(const volatile void *p)
{
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 2);
}

static inline void rte_prefetch2(const volatile void *p)
{
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 1);
}

static inline void rte_prefetch_non_temporal(const volatile void *p)
{
	__builtin_prefetch((const void *)(uintptr_t)p, 0, 0);
}

static inline void rte_prefetch0_write(const void *p)
{
	__builtin_prefetch(p, 1, 3);
}

static inline void rte_cldemote(const volatile void *p)
{
	RTE_SET_USED(p);
}

#endif /* _RTE_PREFETCH_H_ */
