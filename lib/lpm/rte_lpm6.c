/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv6 table: a first level of 2^24 entries for the first three address bytes, then one level
 * of 256-entry groups per further byte, down to byte 15. An entry holds a route (next hop and
 * the depth of the route that wrote it) or names the group of the next level. As in the IPv4
 * table, depths decide which entries an added route overwrites and which ones a deleted route
 * owns; a group that one value fills after a delete is folded back into its parent entry.
 */
#include <stdbool.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_lpm6.h"
#include "lpm_private.h"
#include "lpm_rules.h"

TAILQ_HEAD(rte_lpm6_list, rte_tailq_entry);

static struct rte_tailq_elem rte_lpm6_tailq = {
	.name = "RTE_LPM6",
};
EAL_REGISTER_TAILQ(rte_lpm6_tailq)

/* Entry layout: next hop or group in the low 21 bits, then valid, ext, and the depth. */
#define E6_VALUE_MASK 0x001FFFFFu
#define E6_VALID      (1u << 21)
#define E6_EXT        (1u << 22)
#define E6_DEPTH_SHIFT 23

#define TBL24_BITS 24
#define GROUP_ENTRIES 256
#define MAX_GROUPS (1u << 21)
#define LEVELS 14 /* the first level and one per byte from 3 to 15 */

struct rte_lpm6 {
	char name[RTE_LPM6_NAMESIZE];
	uint32_t number_tbl8s;
	struct lpm_rules rules;
	uint32_t *tbl24;
	uint32_t *tbl8;
	uint32_t *free_groups; /* stack of free group indexes */
	uint32_t n_free;
	struct rte_tailq_entry *te;
};

static inline uint32_t
e6_route(uint32_t next_hop, uint8_t depth)
{
	return (next_hop & E6_VALUE_MASK) | E6_VALID | ((uint32_t)depth << E6_DEPTH_SHIFT);
}

static inline uint8_t
e6_depth(uint32_t e)
{
	return (uint8_t)(e >> E6_DEPTH_SHIFT);
}

/* Last address bit (exclusive) that level l resolves. */
static inline unsigned int
level_end(unsigned int l)
{
	return TBL24_BITS + 8 * l;
}

static inline uint32_t
level_index(const uint8_t *ip, unsigned int l)
{
	if (l == 0)
		return ((uint32_t)ip[0] << 16) | ((uint32_t)ip[1] << 8) | ip[2];
	return ip[l + 2];
}

static inline uint32_t *
group_of(const struct rte_lpm6 *lpm, uint32_t e)
{
	return &lpm->tbl8[(e & E6_VALUE_MASK) * GROUP_ENTRIES];
}

static void
mask_addr(uint8_t out[RTE_LPM6_IPV6_ADDR_SIZE], const uint8_t *ip, uint8_t depth)
{
	unsigned int i;

	for (i = 0; i < RTE_LPM6_IPV6_ADDR_SIZE; i++) {
		if (depth >= 8)
			out[i] = ip[i];
		else
			out[i] = depth == 0 ? 0 : ip[i] & (uint8_t)(0xFF00 >> depth);
		depth = depth >= 8 ? depth - 8 : 0;
	}
}

static void
rule_key(uint8_t key[LPM_RULE_KEY_MAX], const uint8_t *ip, uint8_t depth)
{
	mask_addr(key, ip, depth);
	key[RTE_LPM6_IPV6_ADDR_SIZE] = depth;
}

static bool
depth_ok(uint8_t depth)
{
	return depth >= 1 && depth <= RTE_LPM6_MAX_DEPTH;
}

static void
groups_reset(struct rte_lpm6 *lpm)
{
	uint32_t g;

	lpm->n_free = 0;
	for (g = lpm->number_tbl8s; g > 0; g--)
		lpm->free_groups[lpm->n_free++] = g - 1;
}

static void
lpm6_destroy(struct rte_lpm6 *lpm)
{
	lpm_rules_fini(&lpm->rules);
	rte_free(lpm->tbl24);
	rte_free(lpm->tbl8);
	rte_free(lpm->free_groups);
	rte_free(lpm->te);
	rte_free(lpm);
}

struct rte_lpm6 *
rte_lpm6_create(const char *name, int socket_id, const struct rte_lpm6_config *config)
{
	struct rte_lpm6_list *list = RTE_TAILQ_CAST(rte_lpm6_tailq.head, rte_lpm6_list);
	struct rte_tailq_entry *te;
	struct rte_lpm6 *lpm;

	if (name == NULL || config == NULL || socket_id < -1 || config->max_rules == 0 ||
			config->number_tbl8s == 0 || config->number_tbl8s > MAX_GROUPS ||
			strnlen(name, RTE_LPM6_NAMESIZE) == RTE_LPM6_NAMESIZE) {
		LPM_LOG(ERR, "lpm6 create %s: invalid name, socket %d or config",
			name ? name : "(null)", socket_id);
		rte_errno = EINVAL;
		return NULL;
	}
	lpm = rte_zmalloc_socket("lpm6", sizeof(*lpm), RTE_CACHE_LINE_SIZE, socket_id);
	te = rte_zmalloc("lpm6_tailq", sizeof(*te), 0);
	if (lpm == NULL || te == NULL) {
		rte_free(lpm);
		rte_free(te);
		goto nomem;
	}
	lpm->te = te;
	te->data = lpm;
	rte_strlcpy(lpm->name, name, sizeof(lpm->name));
	lpm->number_tbl8s = config->number_tbl8s;
	lpm->tbl24 = rte_zmalloc_socket("lpm6_tbl24", sizeof(uint32_t) << TBL24_BITS,
			RTE_CACHE_LINE_SIZE, socket_id);
	lpm->tbl8 = rte_zmalloc_socket("lpm6_tbl8",
			(size_t)config->number_tbl8s * GROUP_ENTRIES * sizeof(uint32_t),
			RTE_CACHE_LINE_SIZE, socket_id);
	lpm->free_groups = rte_malloc_socket("lpm6_groups",
			config->number_tbl8s * sizeof(uint32_t), 0, socket_id);
	if (lpm->tbl24 == NULL || lpm->tbl8 == NULL || lpm->free_groups == NULL ||
			lpm_rules_init(&lpm->rules, config->max_rules,
				RTE_LPM6_IPV6_ADDR_SIZE + 1, socket_id) != 0) {
		lpm6_destroy(lpm);
		goto nomem;
	}
	groups_reset(lpm);

	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct rte_lpm6 *)te->data)->name, name, RTE_LPM6_NAMESIZE) == 0) {
			rte_mcfg_tailq_write_unlock();
			LPM_LOG(ERR, "lpm6 create %s: name already in use", name);
			lpm6_destroy(lpm);
			rte_errno = EEXIST;
			return NULL;
		}
	}
	TAILQ_INSERT_TAIL(list, lpm->te, next);
	rte_mcfg_tailq_write_unlock();
	return lpm;

nomem:
	LPM_LOG(ERR, "lpm6 create %s: out of memory", name);
	rte_errno = ENOMEM;
	return NULL;
}

struct rte_lpm6 *
rte_lpm6_find_existing(const char *name)
{
	struct rte_lpm6_list *list = RTE_TAILQ_CAST(rte_lpm6_tailq.head, rte_lpm6_list);
	struct rte_tailq_entry *te;
	struct rte_lpm6 *lpm = NULL;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct rte_lpm6 *)te->data)->name, name, RTE_LPM6_NAMESIZE) == 0) {
			lpm = te->data;
			break;
		}
	}
	rte_mcfg_tailq_read_unlock();
	if (lpm == NULL)
		rte_errno = ENOENT;
	return lpm;
}

void
rte_lpm6_free(struct rte_lpm6 *lpm)
{
	struct rte_lpm6_list *list = RTE_TAILQ_CAST(rte_lpm6_tailq.head, rte_lpm6_list);

	if (lpm == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_REMOVE(list, lpm->te, next);
	rte_mcfg_tailq_write_unlock();
	lpm6_destroy(lpm);
}

/* Write a route into every entry of the range, and of the groups below it, not longer. */
static void
range_fill(struct rte_lpm6 *lpm, uint32_t *t, uint32_t first, uint32_t n, uint32_t w)
{
	uint8_t depth = e6_depth(w);
	uint32_t i;

	for (i = first; i < first + n; i++) {
		if (t[i] & E6_EXT)
			range_fill(lpm, group_of(lpm, t[i]), 0, GROUP_ENTRIES, w);
		else if (!(t[i] & E6_VALID) || e6_depth(t[i]) <= depth)
			t[i] = w;
	}
}

/* Rewrite the entries, in the range and the groups below it, that a route of depth owns. */
static void
range_replace(struct rte_lpm6 *lpm, uint32_t *t, uint32_t first, uint32_t n, uint8_t depth,
		uint32_t w)
{
	uint32_t i;

	for (i = first; i < first + n; i++) {
		if (t[i] & E6_EXT)
			range_replace(lpm, group_of(lpm, t[i]), 0, GROUP_ENTRIES, depth, w);
		else if ((t[i] & E6_VALID) && e6_depth(t[i]) == depth)
			t[i] = w;
	}
}

/* Groups that adding this route would take. */
static uint32_t
groups_needed(const struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth)
{
	const uint32_t *t = lpm->tbl24;
	unsigned int l;
	uint32_t e;

	for (l = 0; depth > level_end(l); l++) {
		e = t[level_index(ip, l)];
		if (!(e & E6_EXT))
			return (depth - level_end(l) + 7) / 8;
		t = group_of(lpm, e);
	}
	return 0;
}

int
rte_lpm6_add(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth, uint32_t next_hop)
{
	uint8_t key[LPM_RULE_KEY_MAX];
	uint32_t *t, *child, e, g, i;
	unsigned int l;

	if (lpm == NULL || ip == NULL || !depth_ok(depth)) {
		LPM_LOG(ERR, "lpm6 add: NULL argument or depth %u not in 1..%u", depth,
			RTE_LPM6_MAX_DEPTH);
		return -EINVAL;
	}
	rule_key(key, ip, depth);
	if (!lpm_rules_find(&lpm->rules, key, NULL) && lpm->rules.count == lpm->rules.max) {
		LPM_LOG(ERR, "lpm6 add %s: all %u rules in use", lpm->name, lpm->rules.max);
		return -ENOSPC;
	}
	if (groups_needed(lpm, key, depth) > lpm->n_free) {
		LPM_LOG(ERR, "lpm6 add %s: not enough free groups for a /%u", lpm->name, depth);
		return -ENOSPC;
	}
	lpm_rules_add(&lpm->rules, key, next_hop);

	t = lpm->tbl24;
	for (l = 0; depth > level_end(l); l++) {
		e = t[level_index(key, l)];
		if (!(e & E6_EXT)) {
			/* a new group starts as a copy of the route above it */
			g = lpm->free_groups[--lpm->n_free];
			child = &lpm->tbl8[g * GROUP_ENTRIES];
			for (i = 0; i < GROUP_ENTRIES; i++)
				child[i] = e;
			e = g | E6_VALID | E6_EXT;
			t[level_index(key, l)] = e;
		}
		t = group_of(lpm, e);
	}
	range_fill(lpm, t, level_index(key, l), UINT32_C(1) << (level_end(l) - depth),
		e6_route(next_hop, depth));
	return 0;
}

int
rte_lpm6_is_rule_present(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth,
		uint32_t *next_hop)
{
	uint8_t key[LPM_RULE_KEY_MAX];

	if (lpm == NULL || ip == NULL || next_hop == NULL || !depth_ok(depth)) {
		LPM_LOG(ERR, "lpm6 is_rule_present: NULL argument or depth %u not in 1..%u", depth,
			RTE_LPM6_MAX_DEPTH);
		return -EINVAL;
	}
	rule_key(key, ip, depth);
	return lpm_rules_find(&lpm->rules, key, next_hop) ? 1 : 0;
}

/* The value an entry takes when its group is folded into it, or false when it cannot be. */
static bool
group_uniform(const uint32_t *t, unsigned int parent_level, uint32_t *w)
{
	uint32_t i;

	for (i = 1; i < GROUP_ENTRIES; i++)
		if (t[i] != t[0])
			return false;
	if ((t[0] & E6_EXT) ||
			((t[0] & E6_VALID) && e6_depth(t[0]) > level_end(parent_level)))
		return false;
	*w = t[0];
	return true;
}

int
rte_lpm6_delete(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth)
{
	uint8_t key[LPM_RULE_KEY_MAX], d;
	uint32_t *path[LEVELS];
	uint32_t sub_nh = 0, w = 0, e;
	unsigned int l;
	bool sub = false;

	if (lpm == NULL || ip == NULL || !depth_ok(depth)) {
		LPM_LOG(ERR, "lpm6 delete: NULL argument or depth %u not in 1..%u", depth,
			RTE_LPM6_MAX_DEPTH);
		return -EINVAL;
	}
	rule_key(key, ip, depth);
	if (lpm_rules_del(&lpm->rules, key) != 0) {
		LPM_LOG(ERR, "lpm6 delete %s: no such /%u route", lpm->name, depth);
		return -ENOENT;
	}
	for (d = depth - 1; d >= 1 && !sub; d--) {
		uint8_t k[LPM_RULE_KEY_MAX];

		rule_key(k, key, d);
		sub = lpm_rules_find(&lpm->rules, k, &sub_nh);
	}
	d++;

	path[0] = lpm->tbl24;
	for (l = 0; depth > level_end(l); l++)
		path[l + 1] = group_of(lpm, path[l][level_index(key, l)]);
	range_replace(lpm, path[l], level_index(key, l), UINT32_C(1) << (level_end(l) - depth),
		depth, sub ? e6_route(sub_nh, d) : 0);

	/* fold the groups of the route's path that one value now fills, deepest first */
	for (; l > 0; l--) {
		if (!group_uniform(path[l], l - 1, &w))
			break;
		e = path[l - 1][level_index(key, l - 1)];
		path[l - 1][level_index(key, l - 1)] = w;
		memset(path[l], 0, GROUP_ENTRIES * sizeof(uint32_t));
		lpm->free_groups[lpm->n_free++] = e & E6_VALUE_MASK;
	}
	return 0;
}

int
rte_lpm6_delete_bulk_func(struct rte_lpm6 *lpm, uint8_t ips[][RTE_LPM6_IPV6_ADDR_SIZE],
		uint8_t *depths, unsigned int n)
{
	unsigned int i;

	if (lpm == NULL || ips == NULL || depths == NULL) {
		LPM_LOG(ERR, "lpm6 delete_bulk: NULL argument");
		return -EINVAL;
	}
	/* as in DPDK, routes that cannot be deleted are skipped */
	for (i = 0; i < n; i++)
		rte_lpm6_delete(lpm, ips[i], depths[i]);
	return 0;
}

void
rte_lpm6_delete_all(struct rte_lpm6 *lpm)
{
	if (lpm == NULL)
		return;
	lpm_rules_clear(&lpm->rules);
	memset(lpm->tbl24, 0, sizeof(uint32_t) << TBL24_BITS);
	memset(lpm->tbl8, 0, (size_t)lpm->number_tbl8s * GROUP_ENTRIES * sizeof(uint32_t));
	groups_reset(lpm);
}

static inline uint32_t
lookup_entry(const struct rte_lpm6 *lpm, const uint8_t *ip)
{
	uint32_t e = lpm->tbl24[level_index(ip, 0)];
	unsigned int l = 1;

	while (e & E6_EXT)
		e = group_of(lpm, e)[ip[2 + l++]];
	return e;
}

int
rte_lpm6_lookup(const struct rte_lpm6 *lpm, const uint8_t *ip, uint32_t *next_hop)
{
	uint32_t e;

	if (lpm == NULL || ip == NULL || next_hop == NULL)
		return -EINVAL;
	e = lookup_entry(lpm, ip);
	if (!(e & E6_VALID))
		return -ENOENT;
	*next_hop = e & E6_VALUE_MASK;
	return 0;
}

int
rte_lpm6_lookup_bulk_func(const struct rte_lpm6 *lpm, uint8_t ips[][RTE_LPM6_IPV6_ADDR_SIZE],
		int32_t *next_hops, unsigned int n)
{
	unsigned int i;
	uint32_t e;

	if (lpm == NULL || ips == NULL || next_hops == NULL)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		e = lookup_entry(lpm, ips[i]);
		next_hops[i] = (e & E6_VALID) ? (int32_t)(e & E6_VALUE_MASK) : -1;
	}
	return 0;
}
