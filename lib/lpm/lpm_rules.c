/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linear probing with at least twice as many slots as routes, so probe runs stay short;
 * deletion shifts later members of the run back instead of leaving tombstones, so a table
 * that sees many add/delete cycles never degrades.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_malloc.h>

#include <eal_hash_internal.h>

#include "lpm_rules.h"

static uint32_t
key_hash(const struct lpm_rules *r, const uint8_t *key)
{
	return eal_hash_mix64(eal_hash_fnv64_bytes(key, r->key_len));
}

int
lpm_rules_init(struct lpm_rules *r, uint32_t max, uint32_t key_len, int socket_id)
{
	uint64_t n = rte_align64pow2((uint64_t)max * 2);

	if (n > UINT32_MAX)
		return -ENOMEM;
	r->slots = rte_zmalloc_socket("lpm_rules", n * sizeof(*r->slots), RTE_CACHE_LINE_SIZE,
			socket_id);
	if (r->slots == NULL)
		return -ENOMEM;
	r->mask = (uint32_t)(n - 1);
	r->count = 0;
	r->max = max;
	r->key_len = key_len;
	return 0;
}

void
lpm_rules_fini(struct lpm_rules *r)
{
	rte_free(r->slots);
	r->slots = NULL;
}

void
lpm_rules_clear(struct lpm_rules *r)
{
	memset(r->slots, 0, ((size_t)r->mask + 1) * sizeof(*r->slots));
	r->count = 0;
}

/* The slot holding key, or the empty slot ending its probe run. */
static uint32_t
slot_of(const struct lpm_rules *r, const uint8_t *key)
{
	uint32_t i = key_hash(r, key) & r->mask;

	while (r->slots[i].used && memcmp(r->slots[i].key, key, r->key_len) != 0)
		i = (i + 1) & r->mask;
	return i;
}

bool
lpm_rules_find(const struct lpm_rules *r, const uint8_t *key, uint32_t *next_hop)
{
	const struct lpm_rule_slot *s = &r->slots[slot_of(r, key)];

	if (!s->used)
		return false;
	if (next_hop != NULL)
		*next_hop = s->next_hop;
	return true;
}

int
lpm_rules_add(struct lpm_rules *r, const uint8_t *key, uint32_t next_hop)
{
	struct lpm_rule_slot *s = &r->slots[slot_of(r, key)];

	if (s->used) {
		s->next_hop = next_hop;
		return 1;
	}
	if (r->count == r->max)
		return -ENOSPC;
	s->used = 1;
	memcpy(s->key, key, r->key_len);
	s->next_hop = next_hop;
	r->count++;
	return 0;
}

int
lpm_rules_del(struct lpm_rules *r, const uint8_t *key)
{
	uint32_t hole = slot_of(r, key);
	uint32_t i, home;

	if (!r->slots[hole].used)
		return -ENOENT;
	r->slots[hole].used = 0;
	r->count--;
	/* a later member may move into the hole unless its home lies cyclically in (hole, i] */
	for (i = (hole + 1) & r->mask; r->slots[i].used; i = (i + 1) & r->mask) {
		home = key_hash(r, r->slots[i].key) & r->mask;
		if (((i - home) & r->mask) < ((i - hole) & r->mask))
			continue;
		r->slots[hole] = r->slots[i];
		r->slots[i].used = 0;
		hole = i;
	}
	return 0;
}
