/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Writing the FIB lookup table. Readers may run during a write: a new group is filled before
 * the entry naming it is published, and a group is unlinked before it goes back on the free
 * stack. As in DPDK's FIB, nothing delays the reuse of a group, so readers must not overlap a
 * write that folds groups if exact answers matter to them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_malloc.h>

#include "fib_tbl.h"

RTE_LOG_REGISTER_DEFAULT(fib_logtype, INFO);

void
fib_log_bad(const char *fn, const void *fib, const void *ip, unsigned int depth,
		unsigned int max_depth)
{
	if (fib == NULL)
		FIB_LOG(ERR, "%s: NULL fib", fn);
	else if (ip == NULL)
		FIB_LOG(ERR, "%s: NULL address", fn);
	else if (depth > max_depth)
		FIB_LOG(ERR, "%s: depth %u above %u", fn, depth, max_depth);
}

static inline uint64_t
ent_get(const struct fib_tbl *t, const void *arr, size_t i)
{
	switch (t->esz_log) {
	case 0:
		return ((const uint8_t *)arr)[i];
	case 1:
		return ((const uint16_t *)arr)[i];
	case 2:
		return ((const uint32_t *)arr)[i];
	default:
		return ((const uint64_t *)arr)[i];
	}
}

/* One store of the entry's natural size, so a reader sees the old or the new value. */
static inline void
ent_set(const struct fib_tbl *t, void *arr, size_t i, uint64_t v)
{
	switch (t->esz_log) {
	case 0:
		__atomic_store_n(&((uint8_t *)arr)[i], (uint8_t)v, __ATOMIC_RELEASE);
		break;
	case 1:
		__atomic_store_n(&((uint16_t *)arr)[i], (uint16_t)v, __ATOMIC_RELEASE);
		break;
	case 2:
		__atomic_store_n(&((uint32_t *)arr)[i], (uint32_t)v, __ATOMIC_RELEASE);
		break;
	default:
		__atomic_store_n(&((uint64_t *)arr)[i], v, __ATOMIC_RELEASE);
		break;
	}
}

int
fib_tbl_init(struct fib_tbl *t, uint8_t esz_log, uint8_t max_depth, uint32_t num_groups,
		uint64_t def_nh, int with_tbl16, int socket_id)
{
	size_t esz = (size_t)1 << esz_log;
	uint32_t i;

	memset(t, 0, sizeof(*t));
	t->esz_log = esz_log;
	t->max_depth = max_depth;
	t->num_groups = num_groups;
	t->tbl24 = rte_malloc_socket("fib_tbl24", FIB_TBL24_ENTRIES * esz, RTE_CACHE_LINE_SIZE,
			socket_id);
	t->tbl8 = rte_malloc_socket("fib_tbl8", (size_t)num_groups * FIB_GROUP_ENTRIES * esz,
			RTE_CACHE_LINE_SIZE, socket_id);
	t->free_groups = rte_malloc_socket("fib_groups", (size_t)num_groups * sizeof(uint32_t),
			0, socket_id);
	if (with_tbl16)
		t->tbl16 = rte_malloc_socket("fib_tbl16", FIB_TBL16_ENTRIES * esz,
				RTE_CACHE_LINE_SIZE, socket_id);
	if (t->tbl24 == NULL || t->tbl8 == NULL || t->free_groups == NULL ||
			(with_tbl16 && t->tbl16 == NULL)) {
		fib_tbl_fini(t);
		return -ENOMEM;
	}
	for (i = 0; i < FIB_TBL24_ENTRIES; i++)
		ent_set(t, t->tbl24, i, def_nh << 1);
	for (i = 0; with_tbl16 && i < FIB_TBL16_ENTRIES; i++)
		ent_set(t, t->tbl16, i, def_nh << 1);
	for (i = num_groups; i > 0; i--)
		t->free_groups[t->n_free++] = i - 1;
	return 0;
}

void
fib_tbl_fini(struct fib_tbl *t)
{
	rte_free(t->tbl24);
	rte_free(t->tbl8);
	rte_free(t->tbl16);
	rte_free(t->free_groups);
	t->tbl24 = NULL;
	t->tbl8 = NULL;
	t->tbl16 = NULL;
	t->free_groups = NULL;
}

int
fib_subs_push(struct fib_subs *s, const uint8_t *key, uint8_t depth)
{
	struct fib_sub *v;

	if (s->n == s->cap) {
		v = realloc(s->v, (s->cap ? s->cap * 2 : 64) * sizeof(*v));
		if (v == NULL)
			return -ENOMEM;
		s->v = v;
		s->cap = s->cap ? s->cap * 2 : 64;
	}
	memcpy(s->v[s->n].key, key, FIB_KEY_BYTES);
	s->v[s->n].depth = depth;
	s->n++;
	return 0;
}

void
fib_subs_free(struct fib_subs *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
	s->cap = 0;
}

static void
group_release(struct fib_tbl *t, uint32_t g)
{
	size_t base = (size_t)g * FIB_GROUP_ENTRIES;
	uint64_t e;
	unsigned int i;

	for (i = 0; i < FIB_GROUP_ENTRIES; i++) {
		e = ent_get(t, t->tbl8, base + i);
		if (e & 1)
			group_release(t, (uint32_t)(e >> 1));
	}
	t->free_groups[t->n_free++] = g;
}

/* Overwrite one entry; a group it named, and the groups below, are no longer reachable. */
static void
slot_write(struct fib_tbl *t, void *arr, size_t i, uint64_t v)
{
	uint64_t old = ent_get(t, arr, i);

	ent_set(t, arr, i, v);
	if (old & 1)
		group_release(t, (uint32_t)(old >> 1));
}

/* The value every entry of group g holds, when they all hold the same next hop. */
static int
group_uniform(const struct fib_tbl *t, uint32_t g, uint64_t *val)
{
	size_t base = (size_t)g * FIB_GROUP_ENTRIES;
	uint64_t v = ent_get(t, t->tbl8, base);
	unsigned int i;

	if (v & 1)
		return 0;
	for (i = 1; i < FIB_GROUP_ENTRIES; i++)
		if (ent_get(t, t->tbl8, base + i) != v)
			return 0;
	*val = v;
	return 1;
}

/* Write v over the whole of key/depth. */
static void
write_prefix(struct fib_tbl *t, const uint8_t *key, unsigned int depth, uint64_t v)
{
	struct {
		void *arr;
		size_t idx;
		uint32_t g;
	} path[FIB_KEY_BYTES];
	size_t idx = (size_t)key[0] << 16 | (size_t)key[1] << 8 | key[2];
	void *arr = t->tbl24;
	unsigned int lvl = 0, b = 24;
	size_t n, start, i, base;
	uint64_t e;
	uint32_t g;

	if (depth <= 24) {
		n = (size_t)1 << (24 - depth);
		for (i = 0; i < n; i++)
			slot_write(t, t->tbl24, idx + i, v);
		return;
	}
	for (;;) {
		e = ent_get(t, arr, idx);
		if (e & 1) {
			g = (uint32_t)(e >> 1);
		} else {
			/* the callers' reservation guarantees a free group here */
			RTE_VERIFY(t->n_free > 0);
			g = t->free_groups[--t->n_free];
			base = (size_t)g * FIB_GROUP_ENTRIES;
			for (i = 0; i < FIB_GROUP_ENTRIES; i++)
				ent_set(t, t->tbl8, base + i, e);
			ent_set(t, arr, idx, (uint64_t)g << 1 | 1);
		}
		path[lvl].arr = arr;
		path[lvl].idx = idx;
		path[lvl].g = g;
		lvl++;
		base = (size_t)g * FIB_GROUP_ENTRIES;
		if (depth <= b + 8) {
			n = (size_t)1 << (b + 8 - depth);
			start = key[b / 8] & ~(n - 1);
			for (i = 0; i < n; i++)
				slot_write(t, t->tbl8, base + start + i, v);
			break;
		}
		arr = t->tbl8;
		idx = base + key[b / 8];
		b += 8;
	}
	/* fold groups that now hold one value, deepest first */
	while (lvl > 0) {
		lvl--;
		if (!group_uniform(t, path[lvl].g, &e))
			break;
		ent_set(t, path[lvl].arr, path[lvl].idx, e);
		t->free_groups[t->n_free++] = path[lvl].g;
	}
}

static inline unsigned int
key_bit(const uint8_t *key, unsigned int i)
{
	return (key[i >> 3] >> (7 - (i & 7))) & 1;
}

/*
 * Paint key/depth, split in halves until each part holds no route of subs[lo, hi) or is
 * exactly one of them: the parts left are the largest aligned blocks between the routes.
 */
static void
paint(struct fib_tbl *t, uint8_t *key, unsigned int depth, uint64_t v,
		const struct fib_sub *subs, size_t lo, size_t hi)
{
	size_t m = lo;

	if (lo == hi) {
		write_prefix(t, key, depth, v);
		return;
	}
	if (hi - lo == 1 && subs[lo].depth == depth)
		return;
	while (m < hi && key_bit(subs[m].key, depth) == 0)
		m++;
	paint(t, key, depth + 1, v, subs, lo, m);
	key[depth >> 3] |= (uint8_t)(0x80 >> (depth & 7));
	paint(t, key, depth + 1, v, subs, m, hi);
	key[depth >> 3] &= (uint8_t)~(0x80 >> (depth & 7));
}

/*
 * Bring the summary of tbl24 blocks first to last up to date. It is written after the blocks
 * themselves: a reader meanwhile gets the summary's old next hop, an answer from before the
 * change, or reads tbl24 as it would without a summary.
 */
static void
tbl16_update(struct fib_tbl *t, uint32_t first, uint32_t last)
{
	size_t base;
	uint64_t v;
	uint32_t b;
	unsigned int i;

	for (b = first; b <= last; b++) {
		base = (size_t)b * FIB_GROUP_ENTRIES;
		v = ent_get(t, t->tbl24, base);
		for (i = 1; !(v & 1) && i < FIB_GROUP_ENTRIES; i++)
			if (ent_get(t, t->tbl24, base + i) != v)
				v = 1;
		if (v & 1)
			v = 1;
		if (ent_get(t, t->tbl16, b) != v)
			ent_set(t, t->tbl16, b, v);
	}
}

void
fib_tbl_paint(struct fib_tbl *t, const uint8_t *key, uint8_t depth, uint64_t nh,
		const struct fib_subs *subs)
{
	uint8_t k[FIB_KEY_BYTES];
	uint32_t first, n24;

	memcpy(k, key, sizeof(k));
	paint(t, k, depth, nh << 1, subs->v, 0, subs->n);
	if (t->tbl16 == NULL)
		return;
	/* the tbl24 entries of the prefix are the only ones the paint may have changed */
	first = (uint32_t)key[0] << 16 | (uint32_t)key[1] << 8 | key[2];
	if (depth > 24 && (ent_get(t, t->tbl24, first) & 1)) {
		/* the usual case of a long route: its entry names a group, no need to scan */
		if (ent_get(t, t->tbl16, first / FIB_GROUP_ENTRIES) != 1)
			ent_set(t, t->tbl16, first / FIB_GROUP_ENTRIES, 1);
		return;
	}
	n24 = depth >= 24 ? 1 : 1u << (24 - depth);
	tbl16_update(t, first / FIB_GROUP_ENTRIES, (first + n24 - 1) / FIB_GROUP_ENTRIES);
}
