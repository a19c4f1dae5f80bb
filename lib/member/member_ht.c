/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hash table summary: buckets of RTE_MEMBER_BUCKET_ENTRIES (signature, set id) pairs; set id
 * 0 marks a free entry. A key may sit in its primary bucket or in the alternative one, which
 * is the primary XOR a function of the signature: an entry can then be moved to its other
 * bucket knowing only its signature (cuckoo displacement, non-cache mode).
 */
#include <errno.h>
#include <string.h>

#include <rte_malloc.h>
#include <rte_prefetch.h>

#include "member_private.h"

#define HT_MAX_SET_ID 0x7fff
#define HT_DISPLACE_DEPTH 3

struct ht_bucket {
	uint16_t sig[RTE_MEMBER_BUCKET_ENTRIES];
	member_set_t set[RTE_MEMBER_BUCKET_ENTRIES];
};

static inline void
ht_locate(const struct rte_member_setsum *ss, const void *key, uint16_t *sig, uint32_t *prim)
{
	uint32_t h = MEMBER_HASH_FUNC(key, ss->key_len, ss->prim_hash_seed);

	*sig = h >> 16;
	*prim = member_mix32(h) & ss->bucket_mask;
}

static inline uint32_t
ht_alt(const struct rte_member_setsum *ss, uint32_t bucket, uint16_t sig)
{
	uint32_t x = member_mix32(sig + ss->sec_hash_seed) & ss->bucket_mask;

	if (x == 0)
		x = 1 & ss->bucket_mask;
	return bucket ^ x;
}

int
member_ht_create(struct rte_member_setsum *ss, const struct rte_member_parameters *p)
{
	uint32_t entries;

	if (p->num_keys < RTE_MEMBER_BUCKET_ENTRIES || p->num_keys > RTE_MEMBER_ENTRIES_MAX) {
		MEMBER_LOG(ERR, "create %s: HT num_keys %u outside [%d, %d]", p->name, p->num_keys,
			RTE_MEMBER_BUCKET_ENTRIES, RTE_MEMBER_ENTRIES_MAX);
		return -EINVAL;
	}
	entries = rte_align32pow2(p->num_keys);
	ss->bucket_cnt = entries / RTE_MEMBER_BUCKET_ENTRIES;
	ss->bucket_mask = ss->bucket_cnt - 1;
	ss->cache = p->is_cache;
	ss->sig_cmp_fn = RTE_MEMBER_COMPARE_SCALAR;
	ss->table = rte_zmalloc_socket("member_ht", (size_t)ss->bucket_cnt *
			sizeof(struct ht_bucket), RTE_CACHE_LINE_SIZE, p->socket_id);
	if (ss->table == NULL) {
		MEMBER_LOG(ERR, "create %s: no memory for %u buckets", p->name, ss->bucket_cnt);
		return -ENOMEM;
	}
	return 0;
}

void
member_ht_free(struct rte_member_setsum *ss)
{
	rte_free(ss->table);
}

void
member_ht_reset(const struct rte_member_setsum *ss)
{
	memset(ss->table, 0, (size_t)ss->bucket_cnt * sizeof(struct ht_bucket));
}

static int
bucket_free_slot(const struct ht_bucket *b)
{
	int i;

	for (i = 0; i < RTE_MEMBER_BUCKET_ENTRIES; i++)
		if (b->set[i] == RTE_MEMBER_NO_MATCH)
			return i;
	return -1;
}

/* Free an entry of bucket bi by pushing entries to their other bucket; its index or -1. */
static int
make_space(const struct rte_member_setsum *ss, uint32_t bi, unsigned int depth)
{
	struct ht_bucket *t = ss->table;
	struct ht_bucket *b = &t[bi];
	uint32_t alt;
	int i, j;

	for (i = 0; i < RTE_MEMBER_BUCKET_ENTRIES; i++) {
		alt = ht_alt(ss, bi, b->sig[i]);
		if (alt == bi)
			continue;
		j = bucket_free_slot(&t[alt]);
		if (j >= 0)
			goto move;
	}
	if (depth == HT_DISPLACE_DEPTH)
		return -1;
	for (i = 0; i < RTE_MEMBER_BUCKET_ENTRIES; i++) {
		alt = ht_alt(ss, bi, b->sig[i]);
		if (alt == bi)
			continue;
		j = make_space(ss, alt, depth + 1);
		if (j >= 0)
			goto move;
	}
	return -1;
move:
	t[alt].sig[j] = b->sig[i];
	t[alt].set[j] = b->set[i];
	b->set[i] = RTE_MEMBER_NO_MATCH;
	return i;
}

int
member_ht_add(const struct rte_member_setsum *ss, const void *key, member_set_t set_id)
{
	struct ht_bucket *t = ss->table;
	uint32_t bk[2];
	uint16_t sig;
	int i, k;

	if (set_id == RTE_MEMBER_NO_MATCH || set_id > HT_MAX_SET_ID)
		return -EINVAL;
	ht_locate(ss, key, &sig, &bk[0]);
	bk[1] = ht_alt(ss, bk[0], sig);
	/* a cache keeps one entry per signature and bucket pair: the latest set wins */
	if (ss->cache) {
		for (k = 0; k < 2; k++)
			for (i = 0; i < RTE_MEMBER_BUCKET_ENTRIES; i++)
				if (t[bk[k]].set[i] != RTE_MEMBER_NO_MATCH &&
						t[bk[k]].sig[i] == sig) {
					t[bk[k]].set[i] = set_id;
					return 0;
				}
	}
	for (k = 0; k < 2; k++) {
		i = bucket_free_slot(&t[bk[k]]);
		if (i >= 0) {
			t[bk[k]].sig[i] = sig;
			t[bk[k]].set[i] = set_id;
			return 0;
		}
	}
	k = sig & 1; /* spread evictions over both buckets */
	if (ss->cache)
		i = (sig >> 1) % RTE_MEMBER_BUCKET_ENTRIES;
	else
		i = make_space(ss, bk[k], 0);
	if (i < 0)
		return -ENOSPC;
	t[bk[k]].sig[i] = sig;
	t[bk[k]].set[i] = set_id;
	return 1;
}

int
member_ht_delete(const struct rte_member_setsum *ss, const void *key, member_set_t set_id)
{
	struct ht_bucket *t = ss->table;
	uint32_t bk[2];
	uint16_t sig;
	int i, k;

	ht_locate(ss, key, &sig, &bk[0]);
	bk[1] = ht_alt(ss, bk[0], sig);
	for (k = 0; k < 2; k++)
		for (i = 0; i < RTE_MEMBER_BUCKET_ENTRIES; i++)
			if (t[bk[k]].set[i] == set_id && set_id != RTE_MEMBER_NO_MATCH &&
					t[bk[k]].sig[i] == sig) {
				t[bk[k]].set[i] = RTE_MEMBER_NO_MATCH;
				return 0;
			}
	return -ENOENT;
}

int
member_ht_lookup_multi(const struct rte_member_setsum *ss, const void *key, uint32_t max_match,
		member_set_t *set_ids)
{
	const struct ht_bucket *t = ss->table;
	uint32_t bk[2], n = 0;
	uint16_t sig;
	int i, k;

	ht_locate(ss, key, &sig, &bk[0]);
	bk[1] = ht_alt(ss, bk[0], sig);
	for (k = 0; k < (bk[1] == bk[0] ? 1 : 2); k++)
		for (i = 0; i < RTE_MEMBER_BUCKET_ENTRIES && n < max_match; i++)
			if (t[bk[k]].sig[i] == sig && t[bk[k]].set[i] != RTE_MEMBER_NO_MATCH)
				set_ids[n++] = t[bk[k]].set[i];
	return n;
}

/* Both buckets of every key are fetched before any is read, so the misses overlap. */
int
member_ht_lookup_bulk(const struct rte_member_setsum *ss, const void **keys, uint32_t num_keys,
		member_set_t *set_ids)
{
	const struct ht_bucket *t = ss->table;
	uint32_t bk[RTE_MEMBER_LOOKUP_BULK_MAX][2];
	uint16_t sig[RTE_MEMBER_LOOKUP_BULK_MAX];
	uint32_t i, n, done;
	int hits = 0, k, e;

	for (done = 0; done < num_keys; done += n) {
		n = RTE_MIN(num_keys - done, (uint32_t)RTE_MEMBER_LOOKUP_BULK_MAX);
		for (i = 0; i < n; i++)
			rte_prefetch0(keys[done + i]);
		for (i = 0; i < n; i++) {
			ht_locate(ss, keys[done + i], &sig[i], &bk[i][0]);
			bk[i][1] = ht_alt(ss, bk[i][0], sig[i]);
			rte_prefetch0(&t[bk[i][0]]);
			rte_prefetch0(&t[bk[i][1]]);
		}
		for (i = 0; i < n; i++) {
			set_ids[done + i] = RTE_MEMBER_NO_MATCH;
			for (k = 0; k < 2; k++)
				for (e = 0; e < RTE_MEMBER_BUCKET_ENTRIES; e++)
					if (t[bk[i][k]].sig[e] == sig[i] &&
							t[bk[i][k]].set[e] != RTE_MEMBER_NO_MATCH) {
						set_ids[done + i] = t[bk[i][k]].set[e];
						hits++;
						goto next;
					}
next:
			;
		}
	}
	return hits;
}
