/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Atomic operations spelled the C11 way but built on the compiler's __atomic builtins, so they work
 * on plain (non-_Atomic) fields of structures shared with applications.
 */
#ifndef _RTE_STDATOMIC_H_
#define _RTE_STDATOMIC_H_

/** Type of an atomically accessed object; plain type here (builtins work on it). */
#define RTE_ATOMIC(type) type
#define __rte_atomic

#define rte_memory_order_relaxed __ATOMIC_RELAXED /**< No ordering, atomicity only. */
/** Consume ordering (compilers treat it as acquire). */
#define rte_memory_order_consume __ATOMIC_CONSUME
#define rte_memory_order_acquire __ATOMIC_ACQUIRE /**< Later accesses stay after this load. */
#define rte_memory_order_release __ATOMIC_RELEASE /**< Earlier accesses stay before this store. */
#define rte_memory_order_acq_rel __ATOMIC_ACQ_REL /**< Acquire and release. */
#define rte_memory_order_seq_cst __ATOMIC_SEQ_CST /**< Sequentially consistent. */
typedef int rte_memory_order; /**< Type of the rte_memory_order_* values. */

/** Atomically read *ptr with ordering mo. */
#define rte_atomic_load_explicit(ptr, mo) __atomic_load_n(ptr, mo)
/** Atomically write val to *ptr with ordering mo. */
#define rte_atomic_store_explicit(ptr, val, mo) __atomic_store_n(ptr, val, mo)
/** Atomically write val to *ptr and return the old value. */
#define rte_atomic_exchange_explicit(ptr, val, mo) __atomic_exchange_n(ptr, val, mo)
/**
 * If *ptr equals *expected write desired and return true; otherwise copy *ptr to
 * *expected and return false. Never fails spuriously.
 */
#define rte_atomic_compare_exchange_strong_explicit(ptr, expected, desired, succ_mo, fail_mo) \
	__atomic_compare_exchange_n(ptr, expected, desired, 0, succ_mo, fail_mo)
/**
 * Like rte_atomic_compare_exchange_strong_explicit but may fail spuriously (use it in a
 * loop).
 */
#define rte_atomic_compare_exchange_weak_explicit(ptr, expected, desired, succ_mo, fail_mo) \
	__atomic_compare_exchange_n(ptr, expected, desired, 1, succ_mo, fail_mo)
/** Atomically add val to *ptr; returns the old value. */
#define rte_atomic_fetch_add_explicit(ptr, val, mo) __atomic_fetch_add(ptr, val, mo)
/** Atomically subtract val from *ptr; returns the old value. */
#define rte_atomic_fetch_sub_explicit(ptr, val, mo) __atomic_fetch_sub(ptr, val, mo)
/** Atomically AND val into *ptr; returns the old value. */
#define rte_atomic_fetch_and_explicit(ptr, val, mo) __atomic_fetch_and(ptr, val, mo)
/** Atomically OR val into *ptr; returns the old value. */
#define rte_atomic_fetch_or_explicit(ptr, val, mo) __atomic_fetch_or(ptr, val, mo)
/** Atomically XOR val into *ptr; returns the old value. */
#define rte_atomic_fetch_xor_explicit(ptr, val, mo) __atomic_fetch_xor(ptr, val, mo)
#define rte_atomic_thread_fence(mo) __atomic_thread_fence(mo) /**< Memory fence with ordering mo. */

#endif /* _RTE_STDATOMIC_H_ */
