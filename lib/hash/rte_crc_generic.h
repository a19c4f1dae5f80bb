/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * rte_hash_crc_*byte on CPUs without a CRC32C instruction: the table only.
 */
#ifndef _RTE_CRC_GENERIC_H_
#define _RTE_CRC_GENERIC_H_

#ifndef _RTE_HASH_CRC_H_
#error do not include this file directly, include <rte_hash_crc.h> instead
#endif

/** CRC32C of one byte, continuing from init_val. */
static inline uint32_t
rte_hash_crc_1byte(uint8_t data, uint32_t init_val)
{
	return crc32c_1byte(data, init_val);
}

/** CRC32C of a 16-bit word, continuing from init_val. */
static inline uint32_t
rte_hash_crc_2byte(uint16_t data, uint32_t init_val)
{
	return crc32c_2bytes(data, init_val);
}

/** CRC32C of a 32-bit word, continuing from init_val. */
static inline uint32_t
rte_hash_crc_4byte(uint32_t data, uint32_t init_val)
{
	return crc32c_1word(data, init_val);
}

/** CRC32C of a 64-bit word, continuing from init_val. */
static inline uint32_t
rte_hash_crc_8byte(uint64_t data, uint32_t init_val)
{
	return crc32c_2words(data, init_val);
}

#endif /* _RTE_CRC_GENERIC_H_ */
