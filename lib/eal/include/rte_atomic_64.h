/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * 64-bit atomic counters and the 128-bit compare-exchange of 64-bit x86 CPUs.
 * Included by rte_atomic.h; not meant to be included on its own.
 */
#ifndef _RTE_ATOMIC_H_
#error "include <rte_atomic.h> instead of <rte_atomic_64.h>"
#endif

#ifndef _RTE_ATOMIC_64_H_
#define _RTE_ATOMIC_64_H_

#include <stdint.h>
#include <rte_common.h>
#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A 64-bit load or store is a single instruction here, so the generic definitions are exact. */
RTE_DEFINE_LEGACY_ATOMIC(64)

/**
 * Compare the 16 bytes at dst with *exp and, when equal, write *src there; otherwise copy the
 * current contents of dst into *exp. One locked cmpxchg16b, which is a full barrier whatever
 * the memory orders asked for.
 *
 * @param dst the 16-byte aligned target
 * @param exp the expected value; updated with the value found when the exchange fails
 * @param src the value to store
 * @param weak ignored: the instruction never fails spuriously
 * @param success memory order on success (any __ATOMIC_* order)
 * @param failure memory order on failure (any __ATOMIC_* order)
 * @return 1 when *src was written, 0 otherwise
 */
__rte_experimental
static inline int
rte_atomic128_cmp_exchange(rte_int128_t *dst, rte_int128_t *exp, const rte_int128_t *src,
		unsigned int weak, int success, int failure)
{
	uint8_t done;

	RTE_SET_USED(weak);
	RTE_SET_USED(success);
	RTE_SET_USED(failure);
	asm volatile("lock cmpxchg16b %[dst]\n\tsete %[done]"
		: [dst] "+m" (dst->int128), [done] "=q" (done),
		  "+a" (exp->val[0]), "+d" (exp->val[1])
		: "b" (src->val[0]), "c" (src->val[1])
		: "memory", "cc");
	return done;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ATOMIC_64_H_ */
