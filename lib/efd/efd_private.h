/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EFD table internals shared by the lookup side (rte_efd.c) and the update side
 * (efd_update.c).
 *
 * A key hashes to a chunk and to one of the chunk's 256 bins; a bin's keys all live in one of
 * four candidate groups of the chunk, the choice kept in 2 bits per bin. Moving a whole bin to
 * a less loaded candidate is how groups stay below EFD_MAX_GROUP_NUM_RULES. Every group holds
 * one 32-bit word per value bit: the hash function index in the low half and the 16-entry bit
 * table in the high half, so a concurrent reader always sees a matching pair.
 */
#ifndef _EFD_PRIVATE_H_
#define _EFD_PRIVATE_H_

#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_hash_crc.h>
#include <rte_log.h>
#include <rte_tailq.h>

#include "rte_efd.h"

extern int efd_logtype;

#define EFD_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, efd_logtype, "EFD: " fmt "\n", ##__VA_ARGS__)

#define EFD_CHUNK_NUM_GROUPS 64
#define EFD_CHUNK_NUM_BINS 256
#define EFD_BIN_CHOICES 4
/* a group briefly holds one key more than allowed while a new key is being placed */
#define EFD_GROUP_SLOTS (EFD_MAX_GROUP_NUM_RULES + 1)
#define EFD_LOC_SEED 0xbc9f1d34u

struct efd_online_chunk {
	uint8_t bin_choice[EFD_CHUNK_NUM_BINS / 4];
	uint32_t groups[EFD_CHUNK_NUM_GROUPS][RTE_EFD_VALUE_NUM_BITS];
};

struct efd_offline_group {
	uint32_t num;
	uint32_t func[RTE_EFD_VALUE_NUM_BITS]; /* what the online copies hold */
	uint32_t ha[EFD_GROUP_SLOTS];
	uint32_t hb[EFD_GROUP_SLOTS];
	efd_value_t value[EFD_GROUP_SLOTS];
	uint8_t bin[EFD_GROUP_SLOTS];
};

struct efd_offline_chunk {
	uint8_t choice[EFD_CHUNK_NUM_BINS];
	struct efd_offline_group groups[EFD_CHUNK_NUM_GROUPS];
};

struct rte_efd_table {
	/* read by lookups */
	uint32_t chunk_mask;
	uint32_t key_len;
	/*
	 * Bumped after every bin move: a lookup that read a bin choice just before it moved
	 * could otherwise read the old group after later updates re-solved it without the bin.
	 * Lookups retry when it changed under them (seqlock style, moves are rare).
	 */
	uint32_t move_gen;
	const struct efd_online_chunk *online[RTE_MAX_NUMA_NODES]; /* never NULL */
	uint8_t bin_group[EFD_CHUNK_NUM_BINS][EFD_BIN_CHOICES];
	/* read by updates only */
	char name[RTE_EFD_NAMESIZE];
	uint32_t num_chunks;
	uint32_t num_rules;
	struct efd_online_chunk *copies[RTE_MAX_NUMA_NODES]; /* NULL where no copy */
	struct efd_offline_chunk *offline;
	uint8_t *keys; /* EFD_GROUP_SLOTS keys per group */
	struct rte_tailq_entry *te;
};

/* Where a key lives, and the two 32-bit halves its bit positions are computed from. */
struct efd_key_hash {
	uint32_t chunk;
	uint32_t bin;
	uint32_t ha;
	uint32_t hb;
};

/*
 * A multiply-xorshift hash of the key, independent of the CRC that places it: keys of a group
 * share their CRC bits, so the bit positions must come from elsewhere.
 */
static inline uint64_t
efd_mix_hash(const void *key, uint32_t len)
{
	const uint8_t *p = key;
	uint64_t h = UINT64_C(0x243f6a8885a308d3) ^ len;
	uint64_t w;

	for (; len >= 8; len -= 8, p += 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * UINT64_C(0x9e3779b97f4a7c15);
		h ^= h >> 29;
	}
	if (len > 0) {
		w = 0;
		memcpy(&w, p, len);
		h = (h ^ w) * UINT64_C(0x9e3779b97f4a7c15);
		h ^= h >> 29;
	}
	h *= UINT64_C(0xd6e8feb86659fd93);
	h ^= h >> 32;
	return h;
}

static inline void
efd_hash_key(const struct rte_efd_table *t, const void *key, struct efd_key_hash *kh)
{
	uint32_t loc = rte_hash_crc(key, t->key_len, EFD_LOC_SEED);
	uint64_t h = efd_mix_hash(key, t->key_len);

	kh->chunk = loc & t->chunk_mask;
	kh->bin = loc >> 24;
	kh->ha = (uint32_t)h;
	kh->hb = (uint32_t)(h >> 32);
}

/* Entry of the 16-entry bit table a key falls on for hash function idx. */
static inline uint32_t
efd_bit_pos(uint32_t ha, uint32_t hb, uint32_t idx)
{
	return (ha + idx * hb) >> EFD_LOOKUPTBL_SHIFT;
}

static inline uint32_t
efd_bin_choice(const struct efd_online_chunk *c, uint32_t bin)
{
	uint8_t b = __atomic_load_n(&c->bin_choice[bin >> 2], __ATOMIC_ACQUIRE);

	return (b >> ((bin & 3) * 2)) & 3;
}

static inline efd_value_t
efd_group_value(const uint32_t *words, uint32_t ha, uint32_t hb)
{
	efd_value_t v = 0;
	unsigned int b;

	for (b = 0; b < RTE_EFD_VALUE_NUM_BITS; b++) {
		uint32_t w = __atomic_load_n(&words[b], __ATOMIC_RELAXED);
		uint32_t pos = efd_bit_pos(ha, hb, w & 0xffff);

		v |= (efd_value_t)((w >> (16 + pos)) & 1) << b;
	}
	return v;
}

#endif /* _EFD_PRIVATE_H_ */
