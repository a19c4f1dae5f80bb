/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * rte_hash_crc_*byte on Armv8 with the CRC extension (crc32c* instructions).
 */
#ifndef _RTE_CRC_ARM64_H_
#define _RTE_CRC_ARM64_H_

#ifndef _RTE_HASH_CRC_H_
#error do not include this file directly, include <rte_hash_crc.h> instead
#endif

/** crc32cb. */
static inline uint32_t
crc32c_arm64_u8(uint8_t data, uint32_t init_val)
{
	__asm__ volatile("crc32cb %w[crc], %w[crc], %w[val]"
			: [crc] "+r" (init_val) : [val] "r" (data));
	return init_val;
}

/** crc32ch. */
static inline uint32_t
crc32c_arm64_u16(uint16_t data, uint32_t init_val)
{
	__asm__ volatile("crc32ch %w[crc], %w[crc], %w[val]"
			: [crc] "+r" (init_val) : [val] "r" (data));
	return init_val;
}

/** crc32cw. */
static inline uint32_t
crc32c_arm64_u32(uint32_t data, uint32_t init_val)
{
	__asm__ volatile("crc32cw %w[crc], %w[crc], %w[val]"
			: [crc] "+r" (init_val) : [val] "r" (data));
	return init_val;
}

/** crc32cx. */
static inline uint32_t
crc32c_arm64_u64(uint64_t data, uint32_t init_val)
{
	__asm__ volatile("crc32cx %w[crc], %w[crc], %x[val]"
			: [crc] "+r" (init_val) : [val] "r" (data));
	return init_val;
}

/** CRC32C of one byte, continuing from init_val. */
static inline uint32_t
rte_hash_crc_1byte(uint8_t data, uint32_t init_val)
{
	if (likely(crc32_alg & CRC32_ARM64))
		return crc32c_arm64_u8(data, init_val);
	return crc32c_1byte(data, init_val);
}

/** CRC32C of a 16-bit word, continuing from init_val. */
static inline uint32_t
rte_hash_crc_2byte(uint16_t data, uint32_t init_val)
{
	if (likely(crc32_alg & CRC32_ARM64))
		return crc32c_arm64_u16(data, init_val);
	return crc32c_2bytes(data, init_val);
}

/** CRC32C of a 32-bit word, continuing from init_val. */
static inline uint32_t
rte_hash_crc_4byte(uint32_t data, uint32_t init_val)
{
	if (likely(crc32_alg & CRC32_ARM64))
		return crc32c_arm64_u32(data, init_val);
	return crc32c_1word(data, init_val);
}

/** CRC32C of a 64-bit word, continuing from init_val. */
static inline uint32_t
rte_hash_crc_8byte(uint64_t data, uint32_t init_val)
{
	if (likely(crc32_alg & CRC32_ARM64))
		return crc32c_arm64_u64(data, init_val);
	return crc32c_2words(data, init_val);
}

#endif /* _RTE_CRC_ARM64_H_ */
