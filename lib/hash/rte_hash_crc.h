/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * CRC32C as a hash function: rte_hash_crc() has the rte_hash_function signature. The CPU's
 * instruction is used when present (chosen once at start-up, or by rte_hash_crc_set_alg());
 * every algorithm gives the same value for the same input.
 */
#ifndef _RTE_HASH_CRC_H_
#define _RTE_HASH_CRC_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <string.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_config.h>
#include <rte_cpuflags.h>
#include <rte_log.h>

#include "rte_crc_sw.h"

#define CRC32_SW            (1U << 0) /**< table */
#define CRC32_SSE42         (1U << 1) /**< x86 crc32 instruction, up to 32 bits at once */
#define CRC32_x64           (1U << 2) /**< x86 64-bit mode: crc32q */
#define CRC32_SSE42_x64     (CRC32_x64 | CRC32_SSE42) /**< x86 crc32 up to 64 bits at once */
#define CRC32_ARM64         (1U << 3) /**< Armv8 crc32c instructions */

/** Algorithm in use; per translation unit, as in DPDK, each sets its own at start-up. */
static uint8_t crc32_alg = CRC32_SW;

#if defined(RTE_ARCH_ARM64) && defined(__ARM_FEATURE_CRC32)
#include "rte_crc_arm64.h"
#elif defined(RTE_ARCH_X86)
#include "rte_crc_x86.h"
#else
#include "rte_crc_generic.h"
#endif

/**
 * Choose how CRC32C is computed. An algorithm the CPU lacks falls back to the best one it
 * has (the table at worst), with a warning.
 *
 * @param alg
 *   CRC32_SW, CRC32_SSE42, CRC32_SSE42_x64 or CRC32_ARM64.
 */
static inline void
rte_hash_crc_set_alg(uint8_t alg)
{
	crc32_alg = CRC32_SW;
	if (alg == CRC32_SW)
		return;
#if defined(RTE_ARCH_X86)
	if (!(alg & CRC32_SSE42_x64))
		RTE_LOG(WARNING, HASH, "CRC32 algorithm %u unsupported here, using SSE4.2\n", alg);
	if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_2) > 0) {
		if (alg == CRC32_SSE42 || rte_cpu_get_flag_enabled(RTE_CPUFLAG_EM64T) <= 0)
			crc32_alg = CRC32_SSE42;
		else
			crc32_alg = CRC32_SSE42_x64;
	}
#endif
#if defined(RTE_ARCH_ARM64) && defined(__ARM_FEATURE_CRC32)
	if (!(alg & CRC32_ARM64))
		RTE_LOG(WARNING, HASH, "CRC32 algorithm %u unsupported here, using ARM64\n", alg);
	if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_CRC32) > 0)
		crc32_alg = CRC32_ARM64;
#endif
	if (crc32_alg == CRC32_SW)
		RTE_LOG(WARNING, HASH, "CRC32 algorithm %u unsupported by the CPU, using the table\n",
			alg);
}

/** Pick the fastest algorithm before main(). */
RTE_INIT(rte_hash_crc_init_alg)
{
#if defined(RTE_ARCH_X86)
	rte_hash_crc_set_alg(CRC32_SSE42_x64);
#elif defined(RTE_ARCH_ARM64) && defined(__ARM_FEATURE_CRC32)
	rte_hash_crc_set_alg(CRC32_ARM64);
#else
	rte_hash_crc_set_alg(CRC32_SW);
#endif
}

/**
 * CRC32C of data_len bytes at data with the per-word functions, which test the
 * algorithm at each word: 8 bytes at a time, then 4, 2 and 1 for the tail.
 */
static inline uint32_t
rte_hash_crc_by_word(const void *data, uint32_t data_len, uint32_t init_val)
{
	const uint8_t *p = (const uint8_t *)data;
	uint32_t n;

	for (n = data_len / 8; n > 0; n--, p += 8) {
		uint64_t w;

		memcpy(&w, p, sizeof(w));
		init_val = rte_hash_crc_8byte(w, init_val);
	}
	if (data_len & 4) {
		uint32_t w;

		memcpy(&w, p, sizeof(w));
		init_val = rte_hash_crc_4byte(w, init_val);
		p += 4;
	}
	/* keys are mostly multiples of 4 bytes: keep their path free of taken branches */
	if (unlikely(data_len & 2)) {
		uint16_t w;

		memcpy(&w, p, sizeof(w));
		init_val = rte_hash_crc_2byte(w, init_val);
		p += 2;
	}
	if (unlikely(data_len & 1))
		init_val = rte_hash_crc_1byte(*p, init_val);
	return init_val;
}

#if defined(RTE_ARCH_X86_64)
/**
 * rte_hash_crc() when the CPU lacks crc32q: kept out of line, so that the common
 * case compiles to a short loop with nothing but crc32 instructions and a few registers.
 */
static __rte_noinline __rte_unused uint32_t
rte_hash_crc_other_alg(const void *data, uint32_t data_len, uint32_t init_val)
{
	return rte_hash_crc_by_word(data, data_len, init_val);
}
#endif

/**
 * CRC32C of data_len bytes at data, continuing from init_val. The data needs no particular
 * alignment.
 *
 * @param data
 *   Data to hash.
 * @param data_len
 *   Length in bytes.
 * @param init_val
 *   Seed (previous CRC).
 * @return
 *   The CRC32C register.
 */
static inline uint32_t
rte_hash_crc(const void *data, uint32_t data_len, uint32_t init_val)
{
#if defined(RTE_ARCH_X86_64)
	/* one test per call: testing per word reloads crc32_alg after each memcpy() load */
	if (likely(crc32_alg == CRC32_SSE42_x64))
		return rte_hash_crc_sse42_x64((const uint8_t *)data, data_len, init_val);
	return rte_hash_crc_other_alg(data, data_len, init_val);
#else
	return rte_hash_crc_by_word(data, data_len, init_val);
#endif
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_HASH_CRC_H_ */
