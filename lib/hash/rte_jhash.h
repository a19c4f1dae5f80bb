/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Bob Jenkins' lookup3 hash ("jhash"), the variant DPDK uses: a 32-bit state of three words,
 * 12 key bytes mixed per round, and the same results as DPDK 22.11 for every input.
 */
#ifndef _RTE_JHASH_H
#define _RTE_JHASH_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <string.h>
#include <limits.h>

#include <rte_config.h>
#include <rte_log.h>
#include <rte_byteorder.h>

/** Initial value of the three state words, before the length and seeds are added. */
#define RTE_JHASH_GOLDEN_RATIO 0xdeadbeef

/** @internal Rotate a 32-bit word left. */
static inline uint32_t
__rte_jhash_rol(uint32_t x, unsigned int k)
{
	return (x << k) | (x >> (32 - k));
}

/** @internal Reversible mixing of the state after each 12-byte block. */
#define __rte_jhash_mix(a, b, c) do { \
	a -= c; a ^= __rte_jhash_rol(c, 4); c += b; \
	b -= a; b ^= __rte_jhash_rol(a, 6); a += c; \
	c -= b; c ^= __rte_jhash_rol(b, 8); b += a; \
	a -= c; a ^= __rte_jhash_rol(c, 16); c += b; \
	b -= a; b ^= __rte_jhash_rol(a, 19); a += c; \
	c -= b; c ^= __rte_jhash_rol(b, 4); b += a; \
} while (0)

/** @internal Final avalanche of the state into c (and b). */
#define __rte_jhash_final(a, b, c) do { \
	c ^= b; c -= __rte_jhash_rol(b, 14); \
	a ^= c; a -= __rte_jhash_rol(c, 11); \
	b ^= a; b -= __rte_jhash_rol(a, 25); \
	c ^= b; c -= __rte_jhash_rol(b, 16); \
	a ^= c; a -= __rte_jhash_rol(c, 4); \
	b ^= a; b -= __rte_jhash_rol(a, 14); \
	c ^= b; c -= __rte_jhash_rol(b, 24); \
} while (0)

/** @internal A 32-bit word of the key in host order, from any alignment. */
static inline uint32_t
__rte_jhash_word(const uint8_t *p)
{
	uint32_t w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/**
 * @internal The last n (1..4) bytes of the key as the word memcpy() would make of them
 * after zero bytes were appended, read without a round trip through memory: a byte store
 * followed by a word load of the same place stalls the load.
 */
static inline uint32_t
__rte_jhash_tail_word(const uint8_t *p, uint32_t n)
{
	uint32_t w;

	switch (n) {
	case 4:
		return __rte_jhash_word(p);
	case 3:
		w = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
		break;
	case 2:
		w = (uint32_t)p[0] | (uint32_t)p[1] << 8;
		break;
	default:
		w = p[0];
		break;
	}
#if RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	w = rte_bswap32(w);
#endif
	return w;
}

/**
 * @internal Hash length bytes at key into *pc (primary) and *pb (secondary), both of which
 * also seed the hash. check_align is kept for API compatibility: unaligned keys are read
 * byte-exactly whatever its value, so the result never depends on the key's address.
 */
static inline void
__rte_jhash_2hashes(const void *key, uint32_t length, uint32_t *pc, uint32_t *pb,
		unsigned int check_align)
{
	const uint8_t *k = (const uint8_t *)key;
	uint32_t a, b, c;

	RTE_SET_USED(check_align);
	a = b = c = RTE_JHASH_GOLDEN_RATIO + length + *pc;
	c += *pb;

	while (length > 12) {
		a += __rte_jhash_word(k);
		b += __rte_jhash_word(k + 4);
		c += __rte_jhash_word(k + 8);
		__rte_jhash_mix(a, b, c);
		k += 12;
		length -= 12;
	}
	if (length == 0) {
		/* an empty last block is not mixed at all */
		*pc = c;
		*pb = b;
		return;
	}
	/* the last 1..12 bytes count as a block padded with zero bytes */
	if (length > 8) {
		a += __rte_jhash_word(k);
		b += __rte_jhash_word(k + 4);
		c += __rte_jhash_tail_word(k + 8, length - 8);
	} else if (length > 4) {
		a += __rte_jhash_word(k);
		b += __rte_jhash_tail_word(k + 4, length - 4);
	} else {
		a += __rte_jhash_tail_word(k, length);
	}
	__rte_jhash_final(a, b, c);
	*pc = c;
	*pb = b;
}

/**
 * Two 32-bit hashes of a key of any length and alignment.
 *
 * @param key
 *   Key to hash.
 * @param length
 *   Key length in bytes.
 * @param pc
 *   In: primary seed. Out: primary hash.
 * @param pb
 *   In: secondary seed. Out: secondary hash.
 */
static inline void
rte_jhash_2hashes(const void *key, uint32_t length, uint32_t *pc, uint32_t *pb)
{
	__rte_jhash_2hashes(key, length, pc, pb, 1);
}

/**
 * Two 32-bit hashes of a key made of 32-bit words.
 *
 * @param k
 *   Key to hash.
 * @param length
 *   Key length in 32-bit words.
 * @param pc
 *   In: primary seed. Out: primary hash.
 * @param pb
 *   In: secondary seed. Out: secondary hash.
 */
static inline void
rte_jhash_32b_2hashes(const uint32_t *k, uint32_t length, uint32_t *pc, uint32_t *pb)
{
	__rte_jhash_2hashes((const void *)k, length << 2, pc, pb, 0);
}

/**
 * 32-bit hash of a key of any length and alignment.
 *
 * @param key
 *   Key to hash.
 * @param length
 *   Key length in bytes.
 * @param initval
 *   Seed.
 * @return
 *   The hash.
 */
static inline uint32_t
rte_jhash(const void *key, uint32_t length, uint32_t initval)
{
	uint32_t second = 0;

	rte_jhash_2hashes(key, length, &initval, &second);
	return initval;
}

/**
 * 32-bit hash of a key made of 32-bit words.
 *
 * @param k
 *   Key to hash.
 * @param length
 *   Key length in 32-bit words.
 * @param initval
 *   Seed.
 * @return
 *   The hash.
 */
static inline uint32_t
rte_jhash_32b(const uint32_t *k, uint32_t length, uint32_t initval)
{
	uint32_t second = 0;

	rte_jhash_32b_2hashes(k, length, &initval, &second);
	return initval;
}

/** @internal Final mixing of three words that already include their length. */
static inline uint32_t
__rte_jhash_3words(uint32_t a, uint32_t b, uint32_t c, uint32_t initval)
{
	a += RTE_JHASH_GOLDEN_RATIO + initval;
	b += RTE_JHASH_GOLDEN_RATIO + initval;
	c += RTE_JHASH_GOLDEN_RATIO + initval;
	__rte_jhash_final(a, b, c);
	return c;
}

/**
 * Hash of three 32-bit words; same as rte_jhash_32b() on those three words.
 *
 * @return
 *   The hash.
 */
static inline uint32_t
rte_jhash_3words(uint32_t a, uint32_t b, uint32_t c, uint32_t initval)
{
	return __rte_jhash_3words(a + 12, b + 12, c + 12, initval);
}

/**
 * Hash of two 32-bit words.
 *
 * @return
 *   The hash.
 */
static inline uint32_t
rte_jhash_2words(uint32_t a, uint32_t b, uint32_t initval)
{
	return __rte_jhash_3words(a + 8, b + 8, 8, initval);
}

/**
 * Hash of one 32-bit word.
 *
 * @return
 *   The hash.
 */
static inline uint32_t
rte_jhash_1word(uint32_t a, uint32_t initval)
{
	return __rte_jhash_3words(a + 4, 4, 4, initval);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_JHASH_H */
