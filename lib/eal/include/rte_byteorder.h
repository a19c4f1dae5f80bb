/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Byte order conversions. x86 is little endian; the rte_beXX_t types document wire fields.
 */
#ifndef _RTE_BYTEORDER_H_
#define _RTE_BYTEORDER_H_

#include <stdint.h>
#include <endian.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_BIG_ENDIAN 1 /**< Value of RTE_BYTE_ORDER on big-endian CPUs. */
#define RTE_LITTLE_ENDIAN 2 /**< Value of RTE_BYTE_ORDER on little-endian CPUs. */
#define RTE_BYTE_ORDER RTE_LITTLE_ENDIAN /**< Byte order of the CPU (little endian on x86). */

typedef uint16_t rte_be16_t; /**< 16-bit value in big-endian (network) order. */
typedef uint32_t rte_be32_t; /**< 32-bit value in big-endian (network) order. */
typedef uint64_t rte_be64_t; /**< 64-bit value in big-endian (network) order. */
typedef uint16_t rte_le16_t; /**< 16-bit value in little-endian order. */
typedef uint32_t rte_le32_t; /**< 32-bit value in little-endian order. */
typedef uint64_t rte_le64_t; /**< 64-bit value in little-endian order. */

/** Byte-swap a 16-bit value; usable in constant expressions. */
#define RTE_STATIC_BSWAP16(v) ((uint16_t)((((uint16_t)(v) & 0x00ff) << 8) | \
	(((uint16_t)(v) & 0xff00) >> 8)))
/** Byte-swap a 32-bit value; usable in constant expressions. */
#define RTE_STATIC_BSWAP32(v) ((((uint32_t)(v) & 0x000000ffUL) << 24) | \
	(((uint32_t)(v) & 0x0000ff00UL) << 8) | (((uint32_t)(v) & 0x00ff0000UL) >> 8) | \
	(((uint32_t)(v) & 0xff000000UL) >> 24))
/** Byte-swap a 64-bit value; usable in constant expressions. */
#define RTE_STATIC_BSWAP64(v) ((((uint64_t)(v) & 0x00000000000000ffULL) << 56) | \
	(((uint64_t)(v) & 0x000000000000ff00ULL) << 40) | \
	(((uint64_t)(v) & 0x0000000000ff0000ULL) << 24) | \
	(((uint64_t)(v) & 0x00000000ff000000ULL) << 8) | \
	(((uint64_t)(v) & 0x000000ff00000000ULL) >> 8) | \
	(((uint64_t)(v) & 0x0000ff0000000000ULL) >> 24) | \
	(((uint64_t)(v) & 0x00ff000000000000ULL) >> 40) | \
	(((uint64_t)(v) & 0xff00000000000000ULL) >> 56))

/** 16-bit constant v in big-endian order (constant expression). */
#define RTE_BE16(v) ((rte_be16_t)RTE_STATIC_BSWAP16(v))
/** 32-bit constant v in big-endian order (constant expression). */
#define RTE_BE32(v) ((rte_be32_t)RTE_STATIC_BSWAP32(v))
/** 64-bit constant v in big-endian order (constant expression). */
#define RTE_BE64(v) ((rte_be64_t)RTE_STATIC_BSWAP64(v))
/** 16-bit constant v in little-endian order (constant expression). */
#define RTE_LE16(v) ((rte_le16_t)(v))
/** 32-bit constant v in little-endian order (constant expression). */
#define RTE_LE32(v) ((rte_le32_t)(v))
/** 64-bit constant v in little-endian order (constant expression). */
#define RTE_LE64(v) ((rte_le64_t)(v))

/** Byte-swap a 16-bit value (constant-folded when x is a constant). */
static inline uint16_t rte_constant_bswap16(uint16_t x) { return (uint16_t)RTE_STATIC_BSWAP16(x); }
/** Byte-swap a 32-bit value (constant-folded when x is a constant). */
static inline uint32_t rte_constant_bswap32(uint32_t x) { return (uint32_t)RTE_STATIC_BSWAP32(x); }
/** Byte-swap a 64-bit value (constant-folded when x is a constant). */
static inline uint64_t rte_constant_bswap64(uint64_t x) { return (uint64_t)RTE_STATIC_BSWAP64(x); }

/** Byte-swap a 16-bit value with the CPU's instruction. */
static inline uint16_t rte_arch_bswap16(uint16_t x) { return __builtin_bswap16(x); }
/** Byte-swap a 32-bit value with the CPU's instruction. */
static inline uint32_t rte_arch_bswap32(uint32_t x) { return __builtin_bswap32(x); }

/* rte_arch_bswap64() depends on the word size. */
#if defined(__x86_64__) || defined(RTE_ARCH_64)
#include <rte_byteorder_64.h>
#else
#include <rte_byteorder_32.h>
#endif

/** Byte-swap a 16-bit value. */
#define rte_bswap16(x) ((uint16_t)__builtin_bswap16((uint16_t)(x)))
/** Byte-swap a 32-bit value. */
#define rte_bswap32(x) ((uint32_t)__builtin_bswap32((uint32_t)(x)))
/** Byte-swap a 64-bit value. */
#define rte_bswap64(x) ((uint64_t)__builtin_bswap64((uint64_t)(x)))

#define rte_cpu_to_le_16(x) (x) /**< CPU order to little endian, 16 bits. */
#define rte_cpu_to_le_32(x) (x) /**< CPU order to little endian, 32 bits. */
#define rte_cpu_to_le_64(x) (x) /**< CPU order to little endian, 64 bits. */
#define rte_cpu_to_be_16(x) rte_bswap16(x) /**< CPU order to big endian, 16 bits. */
#define rte_cpu_to_be_32(x) rte_bswap32(x) /**< CPU order to big endian, 32 bits. */
#define rte_cpu_to_be_64(x) rte_bswap64(x) /**< CPU order to big endian, 64 bits. */
#define rte_le_to_cpu_16(x) (x) /**< Little endian to CPU order, 16 bits. */
#define rte_le_to_cpu_32(x) (x) /**< Little endian to CPU order, 32 bits. */
#define rte_le_to_cpu_64(x) (x) /**< Little endian to CPU order, 64 bits. */
#define rte_be_to_cpu_16(x) rte_bswap16(x) /**< Big endian to CPU order, 16 bits. */
#define rte_be_to_cpu_32(x) rte_bswap32(x) /**< Big endian to CPU order, 32 bits. */
#define rte_be_to_cpu_64(x) rte_bswap64(x) /**< Big endian to CPU order, 64 bits. */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BYTEORDER_H_ */
