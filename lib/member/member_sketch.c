/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Count-min sketch with a top-k min-heap. num_row rows of num_col counters; a key adds to one
 * counter per row and its estimate is the smallest of them (or, when only a fraction of the
 * row updates is made, their median, each sampled update adding 1 / sample_rate). The heap
 * keeps copies of the k keys with the largest estimates seen so far.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <rte_malloc.h>
#include <rte_random.h>

#include "member_private.h"

#define SKETCH_ROWS 5
#define SKETCH_CONVERGE_CHECK 1024 /* keys between two convergence checks */

struct sketch_node {
	uint64_t count;
	uint32_t slot; /* index of the key copy */
};

struct sketch_runtime {
	uint64_t pkt_cnt;
	int converged;
	uint32_t until_next; /* row updates still to skip */
	uint32_t heap_size;
	struct sketch_node *heap; /* min-heap on count */
	struct sketch_node *report;
	uint8_t *key_slots;
};

static inline uint32_t
sketch_col(const struct rte_member_setsum *ss, const void *key, uint32_t row)
{
	uint32_t h = MEMBER_HASH_FUNC(key, ss->key_len, (uint32_t)ss->hash_seeds[row]);

	/* CRCs of one key under two seeds differ by a constant: mix, or rows would agree */
	return member_mix32(h ^ (uint32_t)(ss->hash_seeds[row] >> 32)) & (ss->num_col - 1);
}

static uint64_t
sketch_estimate(const struct rte_member_setsum *ss, const void *key)
{
	const uint64_t *cnt = ss->table;
	uint64_t v[SKETCH_ROWS] = { 0 }, t;
	uint32_t r, i;

	for (r = 0; r < ss->num_row; r++)
		v[r] = cnt[(size_t)r * ss->num_col + sketch_col(ss, key, r)];
	if (ss->sample_rate == 1 || ss->count_byte) {
		t = v[0];
		for (r = 1; r < ss->num_row; r++)
			t = RTE_MIN(t, v[r]);
		return t;
	}
	for (r = 1; r < ss->num_row; r++)
		for (i = r; i > 0 && v[i - 1] > v[i]; i--) {
			t = v[i];
			v[i] = v[i - 1];
			v[i - 1] = t;
		}
	return v[ss->num_row / 2];
}

static void
sketch_add_rows(const struct rte_member_setsum *ss, const void *key, uint32_t count)
{
	uint64_t *cnt = ss->table;
	uint32_t r;

	for (r = 0; r < ss->num_row; r++)
		cnt[(size_t)r * ss->num_col + sketch_col(ss, key, r)] += count;
}

static void
sketch_clear_rows(const struct rte_member_setsum *ss, const void *key)
{
	uint64_t *cnt = ss->table;
	uint32_t r;

	for (r = 0; r < ss->num_row; r++)
		cnt[(size_t)r * ss->num_col + sketch_col(ss, key, r)] = 0;
}

int
member_sketch_create(struct rte_member_setsum *ss, const struct rte_member_parameters *p)
{
	struct sketch_runtime *rt;
	uint32_t r;
	double cols;

	if (!(p->error_rate > 0) || !(p->error_rate < 1) || !(p->sample_rate > 0) ||
			p->sample_rate > 1 || p->top_k == 0) {
		MEMBER_LOG(ERR, "create %s: sketch needs error_rate in (0,1) (got %g), "
			"sample_rate in (0,1] (got %g), top_k > 0 (got %u)", p->name,
			p->error_rate, p->sample_rate, p->top_k);
		return -EINVAL;
	}
	cols = ceil(M_E / p->error_rate);
	if (cols > (double)(UINT32_C(1) << 30)) {
		MEMBER_LOG(ERR, "create %s: error_rate %g needs too many counters", p->name,
			p->error_rate);
		return -EINVAL;
	}
	ss->num_col = rte_align32pow2((uint32_t)cols);
	ss->num_row = SKETCH_ROWS;
	ss->error_rate = p->error_rate;
	ss->sample_rate = p->sample_rate;
	ss->topk = p->top_k;
	ss->count_byte = !!(p->extra_flag & RTE_MEMBER_SKETCH_COUNT_BYTE);
	ss->always_bounded = !!(p->extra_flag & RTE_MEMBER_SKETCH_ALWAYS_BOUNDED);
	/* enough exact counts for the sampled estimates to be within the bound (L1 norm) */
	ss->converge_thresh = 10 * pow(ss->error_rate, -2.0) * sqrt(ss->num_row * M_LN2);

	ss->table = rte_zmalloc_socket("member_sketch", (size_t)ss->num_col * ss->num_row * 8,
			RTE_CACHE_LINE_SIZE, p->socket_id);
	ss->hash_seeds = rte_malloc_socket("member_sketch", sizeof(uint64_t) * ss->num_row, 0,
			p->socket_id);
	rt = rte_zmalloc_socket("member_sketch", sizeof(*rt), 0, p->socket_id);
	ss->runtime_var = rt;
	if (rt != NULL) {
		rt->heap = rte_malloc_socket("member_sketch", sizeof(*rt->heap) * p->top_k, 0,
				p->socket_id);
		rt->report = rte_malloc_socket("member_sketch", sizeof(*rt->report) * p->top_k,
				0, p->socket_id);
		rt->key_slots = rte_malloc_socket("member_sketch", (size_t)p->key_len * p->top_k,
				0, p->socket_id);
	}
	if (ss->table == NULL || ss->hash_seeds == NULL || rt == NULL || rt->heap == NULL ||
			rt->report == NULL || rt->key_slots == NULL) {
		member_sketch_free(ss);
		MEMBER_LOG(ERR, "create %s: no memory for a %ux%u sketch", p->name, ss->num_row,
			ss->num_col);
		return -ENOMEM;
	}
	for (r = 0; r < ss->num_row; r++)
		ss->hash_seeds[r] = (uint64_t)member_mix32(p->prim_hash_seed + r) << 32 |
				member_mix32(p->sec_hash_seed ^ (r * 0x9e3779b9u));
	member_sketch_reset(ss);
	return 0;
}

void
member_sketch_free(struct rte_member_setsum *ss)
{
	struct sketch_runtime *rt = ss->runtime_var;

	if (rt != NULL) {
		rte_free(rt->heap);
		rte_free(rt->report);
		rte_free(rt->key_slots);
	}
	rte_free(rt);
	rte_free(ss->hash_seeds);
	rte_free(ss->table);
	ss->runtime_var = NULL;
	ss->hash_seeds = NULL;
	ss->table = NULL;
}

void
member_sketch_reset(const struct rte_member_setsum *ss)
{
	struct sketch_runtime *rt = ss->runtime_var;

	memset(ss->table, 0, (size_t)ss->num_col * ss->num_row * 8);
	rt->heap_size = 0;
	rt->pkt_cnt = 0;
	rt->converged = 0;
	rt->until_next = 0;
}

static inline uint8_t *
slot_key(const struct rte_member_setsum *ss, uint32_t slot)
{
	return ((struct sketch_runtime *)ss->runtime_var)->key_slots + (size_t)slot * ss->key_len;
}

static int
heap_find(const struct rte_member_setsum *ss, const void *key)
{
	struct sketch_runtime *rt = ss->runtime_var;
	uint32_t i;

	for (i = 0; i < rt->heap_size; i++)
		if (memcmp(slot_key(ss, rt->heap[i].slot), key, ss->key_len) == 0)
			return i;
	return -1;
}

static void
heap_swap(struct sketch_node *h, uint32_t a, uint32_t b)
{
	struct sketch_node t = h[a];

	h[a] = h[b];
	h[b] = t;
}

static void
heap_down(struct sketch_node *h, uint32_t n, uint32_t i)
{
	for (;;) {
		uint32_t m = i, l = 2 * i + 1, r = l + 1;

		if (l < n && h[l].count < h[m].count)
			m = l;
		if (r < n && h[r].count < h[m].count)
			m = r;
		if (m == i)
			return;
		heap_swap(h, i, m);
		i = m;
	}
}

static void
heap_up(struct sketch_node *h, uint32_t i)
{
	while (i > 0 && h[(i - 1) / 2].count > h[i].count) {
		heap_swap(h, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void
heap_update(const struct rte_member_setsum *ss, const void *key)
{
	struct sketch_runtime *rt = ss->runtime_var;
	uint64_t est = sketch_estimate(ss, key);
	int i = heap_find(ss, key);
	uint32_t slot;

	if (i >= 0) {
		rt->heap[i].count = est;
		heap_down(rt->heap, rt->heap_size, i);
		return;
	}
	if (rt->heap_size < ss->topk) {
		/* slots 0 .. heap_size - 1 are the ones in use (see member_sketch_delete) */
		slot = rt->heap_size;
		memcpy(slot_key(ss, slot), key, ss->key_len);
		rt->heap[rt->heap_size].slot = slot;
		rt->heap[rt->heap_size].count = est;
		heap_up(rt->heap, rt->heap_size++);
		return;
	}
	if (est > rt->heap[0].count) {
		memcpy(slot_key(ss, rt->heap[0].slot), key, ss->key_len);
		rt->heap[0].count = est;
		heap_down(rt->heap, rt->heap_size, 0);
	}
}

/* Row updates to skip before the next sampled one: geometric with parameter sample_rate. */
static uint32_t
sketch_skip(const struct rte_member_setsum *ss)
{
	double u;

	do {
		u = (double)rte_rand() / (double)RTE_RAND_MAX;
	} while (u <= 0 || u >= 1);
	return (uint32_t)floor(log(u) / log(1 - ss->sample_rate));
}

int
member_sketch_add(const struct rte_member_setsum *ss, const void *key, uint32_t bytes)
{
	struct sketch_runtime *rt = ss->runtime_var;
	uint64_t *cnt = ss->table;
	uint32_t r, add;
	bool touched = false;

	if (bytes != 0 || ss->sample_rate == 1 || (ss->always_bounded && !rt->converged)) {
		sketch_add_rows(ss, key, bytes != 0 ? bytes : 1);
		if (ss->always_bounded && !rt->converged &&
				++rt->pkt_cnt % SKETCH_CONVERGE_CHECK == 0 &&
				rt->pkt_cnt > ss->converge_thresh)
			rt->converged = 1;
		heap_update(ss, key);
		return 0;
	}
	add = (uint32_t)ceil(1 / ss->sample_rate);
	for (r = 0; r < ss->num_row; r++) {
		if (rt->until_next > 0) {
			rt->until_next--;
			continue;
		}
		cnt[(size_t)r * ss->num_col + sketch_col(ss, key, r)] += add;
		rt->until_next = sketch_skip(ss);
		touched = true;
	}
	if (touched)
		heap_update(ss, key);
	return 0;
}

int
member_sketch_lookup(const struct rte_member_setsum *ss, const void *key, member_set_t *set_id)
{
	struct sketch_runtime *rt = ss->runtime_var;
	uint64_t est = sketch_estimate(ss, key);

	*set_id = rt->heap_size > 0 && est >= rt->heap[0].count;
	return est != 0;
}

uint64_t
member_sketch_count(const struct rte_member_setsum *ss, const void *key)
{
	return sketch_estimate(ss, key);
}

int
member_sketch_delete(const struct rte_member_setsum *ss, const void *key)
{
	struct sketch_runtime *rt = ss->runtime_var;
	int i = heap_find(ss, key);
	uint32_t slot, j;

	if (i < 0)
		return -1;
	sketch_clear_rows(ss, key);
	slot = rt->heap[i].slot;
	rt->heap[i] = rt->heap[--rt->heap_size];
	/* keep the used slots packed: the key in the last slot moves to the freed one */
	if (slot != rt->heap_size) {
		for (j = 0; rt->heap[j].slot != rt->heap_size; j++)
			;
		memcpy(slot_key(ss, slot), slot_key(ss, rt->heap_size), ss->key_len);
		rt->heap[j].slot = slot;
	}
	if ((uint32_t)i < rt->heap_size) {
		heap_down(rt->heap, rt->heap_size, i);
		heap_up(rt->heap, i);
	}
	return 0;
}

int
member_sketch_report(const struct rte_member_setsum *ss, void **keys, uint64_t *counts)
{
	struct sketch_runtime *rt = ss->runtime_var;
	uint32_t i, j, n = rt->heap_size;
	struct sketch_node t;

	/* estimates of heap keys not seen lately are stale: refresh, then sort heaviest first */
	for (i = 0; i < n; i++) {
		rt->report[i] = rt->heap[i];
		rt->report[i].count = sketch_estimate(ss, slot_key(ss, rt->heap[i].slot));
	}
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && rt->report[j - 1].count < rt->report[j].count; j--) {
			t = rt->report[j];
			rt->report[j] = rt->report[j - 1];
			rt->report[j - 1] = t;
		}
	for (i = 0; i < n; i++) {
		keys[i] = slot_key(ss, rt->report[i].slot);
		counts[i] = rt->report[i].count;
	}
	return n;
}
