/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * rte_hash_crc_*byte on x86: the SSE4.2 crc32 instruction when rte_hash_crc_set_alg() chose
 * it, the table otherwise. Inline assembly rather than intrinsics, so that the header works
 * in programs built without -msse4.2; the choice is made at run time from the CPU flags.
 */
#ifndef _RTE_CRC_X86_H_
#define _RTE_CRC_X86_H_

#ifndef _RTE_HASH_CRC_H_
#error do not include this file directly, include <rte_hash_crc.h> instead
#endif

/** crc32b. */
static inline uint32_t
crc32c_sse42_u8(uint8_t data, uint32_t init_val)
{
	__asm__ volatile("crc32b %[data], %[crc]" : [crc] "+r" (init_val) : [data] "rm" (data));
	return init_val;
}

/** crc32w. */
static inline uint32_t
crc32c_sse42_u16(uint16_t data, uint32_t init_val)
{
	__asm__ volatile("crc32w %[data], %[crc]" : [crc] "+r" (init_val) : [data] "rm" (data));
	return init_val;
}

/** crc32l. */
static inline uint32_t
crc32c_sse42_u32(uint32_t data, uint32_t init_val)
{
	__asm__ volatile("crc32l %[data], %[crc]" : [crc] "+r" (init_val) : [data] "rm" (data));
	return init_val;
}

/** A 64-bit word as two crc32l, for 32-bit mode. */
static inline uint32_t
crc32c_sse42_u64_mimic(uint64_t data, uint64_t init_val)
{
	uint32_t crc = (uint32_t)init_val;

	crc = crc32c_sse42_u32((uint32_t)data, crc);
	return crc32c_sse42_u32((uint32_t)(data >> 32), crc);
}

/** crc32q (64-bit mode only). */
static inline uint32_t
crc32c_sse42_u64(uint64_t data, uint64_t init_val)
{
#ifdef RTE_ARCH_X86_64
	__asm__ volatile("crc32q %[data], %[crc]" : [crc] "+r" (init_val) : [data] "rm" (data));
	return (uint32_t)init_val;
#else
	return crc32c_sse42_u64_mimic(data, init_val);
#endif
}

/** CRC32C of one byte, continuing from init_val. */
static inline uint32_t
rte_hash_crc_1byte(uint8_t data, uint32_t init_val)
{
	if (likely(crc32_alg & CRC32_SSE42))
		return crc32c_sse42_u8(data, init_val);
	return crc32c_1byte(data, init_val);
}

/** CRC32C of a 16-bit word, continuing from init_val. */
static inline uint32_t
rte_hash_crc_2byte(uint16_t data, uint32_t init_val)
{
	if (likely(crc32_alg & CRC32_SSE42))
		return crc32c_sse42_u16(data, init_val);
	return crc32c_2bytes(data, init_val);
}

/** CRC32C of a 32-bit word, continuing from init_val. */
static inline uint32_t
rte_hash_crc_4byte(uint32_t data, uint32_t init_val)
{
	if (likely(crc32_alg & CRC32_SSE42))
		return crc32c_sse42_u32(data, init_val);
	return crc32c_1word(data, init_val);
}

/** CRC32C of a 64-bit word, continuing from init_val. */
static inline uint32_t
rte_hash_crc_8byte(uint64_t data, uint32_t init_val)
{
	if (likely(crc32_alg == CRC32_SSE42_x64))
		return crc32c_sse42_u64(data, init_val);
	if (crc32_alg & CRC32_SSE42)
		return crc32c_sse42_u64_mimic(data, init_val);
	return crc32c_2words(data, init_val);
}

#ifdef RTE_ARCH_X86_64
/**
 * CRC32C of len bytes at p with the crc32 instruction alone: 8 bytes at a time, then
 * 4, 2 and 1. rte_hash_crc() calls it once it has seen that the CPU has crc32q.
 */
static inline uint32_t
rte_hash_crc_sse42_x64(const uint8_t *p, uint32_t len, uint32_t crc)
{
	uint32_t n;

	for (n = len / 8; n > 0; n--, p += 8) {
		uint64_t w;

		memcpy(&w, p, sizeof(w));
		crc = crc32c_sse42_u64(w, crc);
	}
	if (len & 4) {
		uint32_t w;

		memcpy(&w, p, sizeof(w));
		crc = crc32c_sse42_u32(w, crc);
		p += 4;
	}
	/* keys are mostly multiples of 4 bytes: keep their path free of taken branches */
	if (unlikely(len & 2)) {
		uint16_t w;

		memcpy(&w, p, sizeof(w));
		crc = crc32c_sse42_u16(w, crc);
		p += 2;
	}
	if (unlikely(len & 1))
		crc = crc32c_sse42_u8(*p, crc);
	return crc;
}
#endif

#endif /* _RTE_CRC_X86_H_ */
