/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Memory barriers and the legacy rte_atomicNN_t counters. New code should use rte_stdatomic.h.
 */
#ifndef _RTE_ATOMIC_H_
#define _RTE_ATOMIC_H_

#include <stdint.h>
#include <emmintrin.h>
#include <rte_common.h>
#include <rte_stdatomic.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Stop the compiler from moving memory accesses across this point. */
#define rte_compiler_barrier() do { asm volatile ("" : : : "memory"); } while (0)

/* x86 keeps loads and stores in order except store->load, so only full barriers cost anything. */
/** Full memory barrier: loads and stores before it complete before any after it. */
#define rte_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
/** Store barrier (compiler barrier on x86, where stores stay in order). */
#define rte_wmb() rte_compiler_barrier()
/** Load barrier (compiler barrier on x86, where loads stay in order). */
#define rte_rmb() rte_compiler_barrier()
#define rte_smp_mb() rte_mb() /**< Full barrier between CPU threads. */
#define rte_smp_wmb() rte_compiler_barrier() /**< Store barrier between CPU threads. */
#define rte_smp_rmb() rte_compiler_barrier() /**< Load barrier between CPU threads. */
#define rte_io_mb() rte_mb() /**< Full barrier between CPU and device memory accesses. */
/** Orders stores for a device (descriptors) before a later I/O write. */
#define rte_io_wmb() rte_compiler_barrier()
#define rte_io_rmb() rte_compiler_barrier() /**< Orders an I/O read before later loads. */


/**
 * Define rte_atomic<bits>_t and its functions: init, read, set, add, sub, inc, dec,
 * add_return, sub_return, inc_and_test, dec_and_test (1 when the result is 0), test_and_set
 * (1 if it changed 0 to 1), clear, and rte_atomic<bits>_cmpset / _exchange on a plain
 * volatile integer. Reads and sets are relaxed, the read-modify-write operations sequentially
 * consistent.
 */
#define RTE_DEFINE_LEGACY_ATOMIC(bits) \
typedef struct { volatile int##bits##_t cnt; } rte_atomic##bits##_t; \
static inline void rte_atomic##bits##_init(rte_atomic##bits##_t *v) { v->cnt = 0; } \
static inline int##bits##_t rte_atomic##bits##_read(const rte_atomic##bits##_t *v) \
{ return __atomic_load_n(&v->cnt, __ATOMIC_RELAXED); } \
static inline void rte_atomic##bits##_set(rte_atomic##bits##_t *v, int##bits##_t n) \
{ __atomic_store_n(&v->cnt, n, __ATOMIC_RELAXED); } \
static inline void rte_atomic##bits##_add(rte_atomic##bits##_t *v, int##bits##_t inc) \
{ __atomic_fetch_add(&v->cnt, inc, __ATOMIC_SEQ_CST); } \
static inline void rte_atomic##bits##_sub(rte_atomic##bits##_t *v, int##bits##_t dec) \
{ __atomic_fetch_sub(&v->cnt, dec, __ATOMIC_SEQ_CST); } \
static inline void rte_atomic##bits##_inc(rte_atomic##bits##_t *v) \
{ rte_atomic##bits##_add(v, 1); } \
static inline void rte_atomic##bits##_dec(rte_atomic##bits##_t *v) \
{ rte_atomic##bits##_sub(v, 1); } \
static inline int##bits##_t rte_atomic##bits##_add_return(rte_atomic##bits##_t *v, \
	int##bits##_t inc) \
{ return __atomic_add_fetch(&v->cnt, inc, __ATOMIC_SEQ_CST); } \
static inline int##bits##_t rte_atomic##bits##_sub_return(rte_atomic##bits##_t *v, \
	int##bits##_t dec) \
{ return __atomic_sub_fetch(&v->cnt, dec, __ATOMIC_SEQ_CST); } \
static inline int rte_atomic##bits##_inc_and_test(rte_atomic##bits##_t *v) \
{ return __atomic_add_fetch(&v->cnt, 1, __ATOMIC_SEQ_CST) == 0; } \
static inline int rte_atomic##bits##_dec_and_test(rte_atomic##bits##_t *v) \
{ return __atomic_sub_fetch(&v->cnt, 1, __ATOMIC_SEQ_CST) == 0; } \
static inline int rte_atomic##bits##_test_and_set(rte_atomic##bits##_t *v) \
{ int##bits##_t zero = 0; return __atomic_compare_exchange_n(&v->cnt, &zero, 1, 0, \
	__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); } \
static inline void rte_atomic##bits##_clear(rte_atomic##bits##_t *v) \
{ rte_atomic##bits##_set(v, 0); } \
static inline int rte_atomic##bits##_cmpset(volatile uint##bits##_t *dst, uint##bits##_t exp, \
	uint##bits##_t src) \
{ return __atomic_compare_exchange_n(dst, &exp, src, 0, __ATOMIC_SEQ_CST, \
	__ATOMIC_SEQ_CST); } \
static inline uint##bits##_t rte_atomic##bits##_exchange(volatile uint##bits##_t *dst, \
	uint##bits##_t val) \
{ return __atomic_exchange_n(dst, val, __ATOMIC_SEQ_CST); }

RTE_DEFINE_LEGACY_ATOMIC(16)
RTE_DEFINE_LEGACY_ATOMIC(32)

/** 128-bit value for rte_atomic128_cmp_exchange(), as two 64-bit halves or one integer. */
typedef struct {
	RTE_STD_C11
	/** The value, as two 64-bit halves or as one 128-bit integer. */
	union {
		uint64_t val[2]; /**< low half first */
		__extension__ __int128 int128; /**< the whole value */
	};
} __rte_aligned(16) rte_int128_t;

/** Static initialiser of an rte_atomic16_t holding val. */
#define RTE_ATOMIC16_INIT(val) { (val) }
/** Static initialiser of an rte_atomic32_t holding val. */
#define RTE_ATOMIC32_INIT(val) { (val) }
/** Static initialiser of an rte_atomic64_t holding val. */
#define RTE_ATOMIC64_INIT(val) { (val) }

/* The 64-bit counters (and 128-bit compare-exchange) depend on the word size. */
#if defined(__x86_64__) || defined(RTE_ARCH_64)
#include <rte_atomic_64.h>
#else
#include <rte_atomic_32.h>
#endif

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ATOMIC_H_ */
