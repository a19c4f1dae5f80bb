/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hash behind the in-tree name and key indexes (devargs, vdev devices, ethdev port names,
 * LPM rules): FNV-1a over 64 bits, then murmur3's 64-bit finaliser. FNV-1a alone leaves its
 * low bits poorly mixed - names differing only in a digit land in neighbouring slots and make
 * long probe runs - and the tables index with the low bits, so every result goes through the
 * finaliser. Internal to the tree: the header is not installed.
 */
#ifndef EAL_HASH_INTERNAL_H
#define EAL_HASH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#define EAL_FNV64_BASIS UINT64_C(14695981039346656037)
#define EAL_FNV64_PRIME UINT64_C(1099511628211)

/* FNV-1a of a NUL-terminated string, not finalised (more may be mixed in before). */
static inline uint64_t
eal_hash_fnv64_str(const char *s)
{
	uint64_t h = EAL_FNV64_BASIS;

	while (*s != '\0')
		h = (h ^ (uint8_t)*s++) * EAL_FNV64_PRIME;
	return h;
}

/* FNV-1a of len bytes, not finalised. */
static inline uint64_t
eal_hash_fnv64_bytes(const void *p, size_t len)
{
	const uint8_t *b = (const uint8_t *)p;
	uint64_t h = EAL_FNV64_BASIS;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ b[i]) * EAL_FNV64_PRIME;
	return h;
}

/* Every bit of h mixed into the 32 returned, low bits included (murmur3's finaliser). */
static inline uint32_t
eal_hash_mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	return (uint32_t)(h ^ (h >> 33));
}

/* Hash of a name for an index; take its low bits for the slot. */
static inline uint32_t
eal_hash_name(const char *s)
{
	return eal_hash_mix64(eal_hash_fnv64_str(s));
}

#endif /* EAL_HASH_INTERNAL_H */
