/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * SIMD vector types, and the widest vector instructions that drivers may choose code paths
 * for (rte_vect_get_max_simd_bitwidth).
 */
#ifndef _RTE_VECT_H_
#define _RTE_VECT_H_

#include <stdint.h>
#include <x86intrin.h>
#include <immintrin.h>

#include <rte_common.h>
#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

/* GCC vector types: element type and total size in bits in the name. */
typedef uint8_t rte_v64u8_t __attribute__((vector_size(8), aligned(8))); /**< 8 x u8 */
typedef uint16_t rte_v64u16_t __attribute__((vector_size(8), aligned(8))); /**< 4 x u16 */
typedef uint32_t rte_v64u32_t __attribute__((vector_size(8), aligned(8))); /**< 2 x u32 */
typedef uint8_t rte_v128u8_t __attribute__((vector_size(16), aligned(16))); /**< 16 x u8 */
typedef uint16_t rte_v128u16_t __attribute__((vector_size(16), aligned(16))); /**< 8 x u16 */
typedef uint32_t rte_v128u32_t __attribute__((vector_size(16), aligned(16))); /**< 4 x u32 */
typedef uint64_t rte_v128u64_t __attribute__((vector_size(16), aligned(16))); /**< 2 x u64 */
typedef uint8_t rte_v256u8_t __attribute__((vector_size(32), aligned(32))); /**< 32 x u8 */
typedef uint16_t rte_v256u16_t __attribute__((vector_size(32), aligned(32))); /**< 16 x u16 */
typedef uint32_t rte_v256u32_t __attribute__((vector_size(32), aligned(32))); /**< 8 x u32 */
typedef uint64_t rte_v256u64_t __attribute__((vector_size(32), aligned(32))); /**< 4 x u64 */
typedef int8_t rte_v64s8_t __attribute__((vector_size(8), aligned(8))); /**< 8 x s8 */
typedef int16_t rte_v64s16_t __attribute__((vector_size(8), aligned(8))); /**< 4 x s16 */
typedef int32_t rte_v64s32_t __attribute__((vector_size(8), aligned(8))); /**< 2 x s32 */
typedef int8_t rte_v128s8_t __attribute__((vector_size(16), aligned(16))); /**< 16 x s8 */
typedef int16_t rte_v128s16_t __attribute__((vector_size(16), aligned(16))); /**< 8 x s16 */
typedef int32_t rte_v128s32_t __attribute__((vector_size(16), aligned(16))); /**< 4 x s32 */
typedef int64_t rte_v128s64_t __attribute__((vector_size(16), aligned(16))); /**< 2 x s64 */
typedef int8_t rte_v256s8_t __attribute__((vector_size(32), aligned(32))); /**< 32 x s8 */
typedef int16_t rte_v256s16_t __attribute__((vector_size(32), aligned(32))); /**< 16 x s16 */
typedef int32_t rte_v256s32_t __attribute__((vector_size(32), aligned(32))); /**< 8 x s32 */
typedef int64_t rte_v256s64_t __attribute__((vector_size(32), aligned(32))); /**< 4 x s64 */

/** Widest vectors code paths may use, in bits. */
enum rte_vect_max_simd {
	RTE_VECT_SIMD_DISABLED = 64, /**< scalar code only */
	RTE_VECT_SIMD_128 = 128,     /**< up to SSE */
	RTE_VECT_SIMD_256 = 256,     /**< up to AVX2 */
	RTE_VECT_SIMD_512 = 512,     /**< up to AVX-512 */
	RTE_VECT_SIMD_MAX = INT16_MAX + 1, /**< no limit */
};

/** The limit until an application sets another: AVX2, as on DPDK's x86 builds. */
#define RTE_VECT_DEFAULT_SIMD_BITWIDTH RTE_VECT_SIMD_256

/** An SSE register, as DPDK's vector code paths name it. */
typedef __m128i xmm_t;

#define XMM_SIZE (sizeof(xmm_t)) /**< bytes of an xmm_t */
#define XMM_MASK (XMM_SIZE - 1)  /**< alignment mask of an xmm_t */

/** A 128-bit SSE register seen as its lanes. */
typedef union rte_xmm {
	__m128i x;                                  /**< the register */
	uint8_t u8[sizeof(__m128i) / sizeof(uint8_t)];    /**< as bytes */
	uint16_t u16[sizeof(__m128i) / sizeof(uint16_t)]; /**< as 16-bit words */
	uint32_t u32[sizeof(__m128i) / sizeof(uint32_t)]; /**< as 32-bit words */
	uint64_t u64[sizeof(__m128i) / sizeof(uint64_t)]; /**< as 64-bit words */
	double pd[sizeof(__m128i) / sizeof(double)];      /**< as doubles */
} rte_xmm_t;

#ifdef __AVX__
/** A 256-bit AVX register seen as its lanes. */
typedef union rte_ymm {
	__m256i y;                                  /**< the register */
	__m128i x[sizeof(__m256i) / sizeof(__m128i)];     /**< as two SSE registers */
	uint8_t u8[sizeof(__m256i) / sizeof(uint8_t)];    /**< as bytes */
	uint16_t u16[sizeof(__m256i) / sizeof(uint16_t)]; /**< as 16-bit words */
	uint32_t u32[sizeof(__m256i) / sizeof(uint32_t)]; /**< as 32-bit words */
	uint64_t u64[sizeof(__m256i) / sizeof(uint64_t)]; /**< as 64-bit words */
	double pd[sizeof(__m256i) / sizeof(double)];      /**< as doubles */
} rte_ymm_t;
#endif

/**
 * The widest vectors drivers and libraries may choose code paths for.
 * @return a value of enum rte_vect_max_simd (RTE_VECT_DEFAULT_SIMD_BITWIDTH until set)
 */
uint16_t rte_vect_get_max_simd_bitwidth(void);

/**
 * Set the widest vectors code paths may use.
 * @param bitwidth a power of two from RTE_VECT_SIMD_DISABLED to RTE_VECT_SIMD_MAX
 * @return 0, or -EINVAL for another value
 */
int rte_vect_set_max_simd_bitwidth(uint16_t bitwidth);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_VECT_H_ */
