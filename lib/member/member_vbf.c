/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Vector of bloom filters: num_set filters of the same size, interleaved so that the bits of
 * all sets for one position are adjacent in one 32-bit word. A lookup ANDs the set masks of
 * the key's positions; the bits left are the sets the key may belong to.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <rte_malloc.h>
#include <rte_prefetch.h>

#include "member_private.h"

#define VBF_MAX_SETS 32
#define VBF_MAX_HASHES 16
#define VBF_BULK 4 /* keys whose words are in flight together */

static inline uint32_t
vbf_words(const struct rte_member_setsum *ss)
{
	return (uint32_t)(((uint64_t)ss->bits << ss->mul_shift) / 32);
}

int
member_vbf_create(struct rte_member_setsum *ss, const struct rte_member_parameters *p)
{
	double per_set, fpr_set, bits;
	uint32_t k;

	if (p->num_set == 0 || p->num_set > VBF_MAX_SETS || !rte_is_power_of_2(p->num_set) ||
			p->num_keys == 0 || !(p->false_positive_rate > 0) ||
			!(p->false_positive_rate < 1)) {
		MEMBER_LOG(ERR, "create %s: VBF needs num_set a power of 2 up to %d (got %u), "
			"num_keys > 0 (got %u), false_positive_rate in (0,1) (got %g)", p->name,
			VBF_MAX_SETS, p->num_set, p->num_keys, p->false_positive_rate);
		return -EINVAL;
	}
	/* a key of no set is a false positive if any filter says yes: split the rate */
	per_set = ceil((double)p->num_keys / p->num_set);
	fpr_set = 1 - pow(1 - p->false_positive_rate, 1.0 / p->num_set);
	bits = ceil(-per_set * log(fpr_set) / (M_LN2 * M_LN2));
	if (bits > (double)(UINT32_C(1) << 31)) {
		MEMBER_LOG(ERR, "create %s: VBF of %.0f bits per set is too large", p->name, bits);
		return -EINVAL;
	}
	ss->bits = rte_align32pow2((uint32_t)bits);
	ss->mul_shift = rte_bsf32(p->num_set);
	ss->div_shift = 5 - ss->mul_shift;
	if (((uint64_t)ss->bits << ss->mul_shift) < 32)
		ss->bits = 32 >> ss->mul_shift;
	ss->bit_mask = ss->bits - 1;
	/*
	 * The filters are larger than asked (a power of two): use the fewest hashes that still
	 * meet the rate, since each one is a memory access per lookup.
	 */
	for (k = 1; k < VBF_MAX_HASHES; k++)
		if (pow(1 - exp(-(double)k * per_set / ss->bits), k) <= fpr_set)
			break;
	ss->num_hashes = k;
	ss->num_set = p->num_set;
	ss->table = rte_zmalloc_socket("member_vbf", (size_t)vbf_words(ss) * 4,
			RTE_CACHE_LINE_SIZE, p->socket_id);
	if (ss->table == NULL) {
		MEMBER_LOG(ERR, "create %s: no memory for %u bits per set", p->name, ss->bits);
		return -ENOMEM;
	}
	return 0;
}

void
member_vbf_free(struct rte_member_setsum *ss)
{
	rte_free(ss->table);
}

void
member_vbf_reset(const struct rte_member_setsum *ss)
{
	memset(ss->table, 0, (size_t)vbf_words(ss) * 4);
}

/* Double hashing from one 32-bit hash, mixed so that every position uses all its bits. */
static inline void
vbf_hashes(const struct rte_member_setsum *ss, const void *key, uint32_t *base, uint32_t *step)
{
	uint32_t h = MEMBER_HASH_FUNC(key, ss->key_len, ss->prim_hash_seed);

	*base = member_mix32(h);
	*step = member_mix32(h ^ ss->sec_hash_seed ^ 0x9e3779b9u) | 1;
}

int
member_vbf_add(const struct rte_member_setsum *ss, const void *key, member_set_t set_id)
{
	uint32_t *w = ss->table;
	uint32_t base, step, i, bit;

	if (set_id == RTE_MEMBER_NO_MATCH || set_id > ss->num_set)
		return -EINVAL;
	vbf_hashes(ss, key, &base, &step);
	for (i = 0; i < ss->num_hashes; i++) {
		bit = (((base + i * step) & ss->bit_mask) << ss->mul_shift) + set_id - 1;
		w[bit >> 5] |= UINT32_C(1) << (bit & 31);
	}
	return 0;
}

int
member_vbf_lookup_multi(const struct rte_member_setsum *ss, const void *key, uint32_t max_match,
		member_set_t *set_ids)
{
	const uint32_t *w = ss->table;
	uint32_t all = ss->num_set == 32 ? UINT32_MAX : (UINT32_C(1) << ss->num_set) - 1;
	uint32_t base, step, i, bit, mask = all, n = 0;

	vbf_hashes(ss, key, &base, &step);
	for (i = 0; i < ss->num_hashes && mask != 0; i++) {
		bit = ((base + i * step) & ss->bit_mask) << ss->mul_shift;
		mask &= (w[bit >> 5] >> (bit & 31)) & all;
	}
	for (; mask != 0 && n < max_match; mask &= mask - 1)
		set_ids[n++] = rte_bsf32(mask) + 1;
	return n;
}

/* The words of all positions of a few keys are fetched before any is read. */
int
member_vbf_lookup_bulk(const struct rte_member_setsum *ss, const void **keys, uint32_t num_keys,
		member_set_t *set_ids)
{
	const uint32_t *w = ss->table;
	uint32_t all = ss->num_set == 32 ? UINT32_MAX : (UINT32_C(1) << ss->num_set) - 1;
	uint32_t base[VBF_BULK], step[VBF_BULK];
	uint32_t i, j, n, done, bit, mask;
	int hits = 0;

	for (i = 0; i < RTE_MIN(num_keys, (uint32_t)RTE_MEMBER_LOOKUP_BULK_MAX); i++)
		rte_prefetch0(keys[i]);
	for (done = 0; done < num_keys; done += n) {
		n = RTE_MIN(num_keys - done, (uint32_t)VBF_BULK);
		for (i = 0; i < n; i++) {
			vbf_hashes(ss, keys[done + i], &base[i], &step[i]);
			for (j = 0; j < ss->num_hashes; j++) {
				bit = ((base[i] + j * step[i]) & ss->bit_mask) << ss->mul_shift;
				rte_prefetch0(&w[bit >> 5]);
			}
		}
		for (i = 0; i < n; i++) {
			mask = all;
			for (j = 0; j < ss->num_hashes && mask != 0; j++) {
				bit = ((base[i] + j * step[i]) & ss->bit_mask) << ss->mul_shift;
				mask &= (w[bit >> 5] >> (bit & 31)) & all;
			}
			set_ids[done + i] = mask != 0 ? rte_bsf32(mask) + 1 : RTE_MEMBER_NO_MATCH;
			hits += mask != 0;
		}
	}
	return hits;
}
