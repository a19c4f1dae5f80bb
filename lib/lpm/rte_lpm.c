/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4 DIR-24-8 table. Every table entry records the depth of the route that wrote it, so
 * adding a route overwrites exactly the entries whose route is not longer, and deleting one
 * rewrites exactly the entries it owns (depth equal to its own) with the longest shorter route,
 * found in the rules hash. Entries are written with single 32-bit atomic stores and a group is
 * filled before the tbl24 entry that names it is published, so a concurrent lookup sees either
 * the old or the new route. A group that stops being needed is unpublished first and only
 * cleared and reused after readers are known to be past it (RCU), or at once without RCU.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_lpm.h"
#include "lpm_private.h"
#include "lpm_rules.h"

RTE_LOG_REGISTER_DEFAULT(lpm_logtype, INFO);

TAILQ_HEAD(rte_lpm_list, rte_tailq_entry);

static struct rte_tailq_elem rte_lpm_tailq = {
	.name = "RTE_LPM",
};
EAL_REGISTER_TAILQ(rte_lpm_tailq)

enum group_state {
	GROUP_FREE,
	GROUP_USED,
	GROUP_PENDING, /* unpublished, waiting in the defer queue */
};

struct lpm_priv {
	struct rte_lpm lpm; /* first: the public handle points here */
	char name[RTE_LPM_NAMESIZE];
	uint32_t number_tbl8s;
	struct lpm_rules rules;
	uint32_t *free_groups; /* stack of free group indexes */
	uint32_t n_free;
	uint8_t *group_state;
	struct rte_rcu_qsbr *v;
	enum rte_lpm_qsbr_mode mode;
	struct rte_rcu_qsbr_dq *dq;
	struct rte_tailq_entry *te;
};

#define TBL24_SPLIT 24 /* routes deeper than this need a tbl8 group */

static inline struct lpm_priv *
priv_of(struct rte_lpm *lpm)
{
	return container_of(lpm, struct lpm_priv, lpm);
}

/* Entries as the 32-bit words lookups read, built through the public bit-field layout. */
static inline uint32_t
ent_make(uint32_t next_hop, bool valid, bool group, uint32_t depth)
{
	struct rte_lpm_tbl_entry e = {
		.next_hop = next_hop & 0x00FFFFFF,
		.valid = valid,
		.valid_group = group,
		.depth = depth,
	};
	uint32_t w;

	memcpy(&w, &e, sizeof(w));
	return w;
}

static inline struct rte_lpm_tbl_entry
ent_get(const struct rte_lpm_tbl_entry *p)
{
	uint32_t w = __atomic_load_n((const uint32_t *)p, __ATOMIC_RELAXED);
	struct rte_lpm_tbl_entry e;

	memcpy(&e, &w, sizeof(e));
	return e;
}

static inline void
ent_set(struct rte_lpm_tbl_entry *p, uint32_t w, int memorder)
{
	__atomic_store_n((uint32_t *)p, w, memorder);
}

static inline uint32_t
depth_mask(uint8_t depth)
{
	return (uint32_t)(UINT64_C(0xFFFFFFFF00000000) >> depth);
}

static void
rule_key(uint8_t key[5], uint32_t ip, uint8_t depth)
{
	memcpy(key, &ip, sizeof(ip));
	key[4] = depth;
}

static bool
depth_ok(uint8_t depth)
{
	return depth >= 1 && depth <= RTE_LPM_MAX_DEPTH;
}

static void
group_clear(struct lpm_priv *p, uint32_t g)
{
	struct rte_lpm_tbl_entry *t8 = &p->lpm.tbl8[g * RTE_LPM_TBL8_GROUP_NUM_ENTRIES];
	uint32_t i;

	for (i = 0; i < RTE_LPM_TBL8_GROUP_NUM_ENTRIES; i++)
		ent_set(&t8[i], 0, __ATOMIC_RELAXED);
	p->group_state[g] = GROUP_FREE;
	p->free_groups[p->n_free++] = g;
}

/* Defer queue callback: the grace period of these groups is over. */
static void
group_reclaim(void *arg, void *e, unsigned int n)
{
	struct lpm_priv *p = arg;
	uint32_t g;
	unsigned int i;

	for (i = 0; i < n; i++) {
		memcpy(&g, (uint8_t *)e + i * sizeof(g), sizeof(g));
		if (p->group_state[g] == GROUP_PENDING)
			group_clear(p, g);
	}
}

static int
group_alloc(struct lpm_priv *p)
{
	uint32_t g;

	if (p->n_free == 0 && p->dq != NULL)
		rte_rcu_qsbr_dq_reclaim(p->dq, p->number_tbl8s, NULL, NULL, NULL);
	if (p->n_free == 0)
		return -ENOSPC;
	g = p->free_groups[--p->n_free];
	p->group_state[g] = GROUP_USED;
	return (int)g;
}

/* The group is no longer reachable from tbl24; reuse it once no reader can be inside it. */
static void
group_release(struct lpm_priv *p, uint32_t g)
{
	if (p->v == NULL) {
		group_clear(p, g);
		return;
	}
	if (p->mode == RTE_LPM_QSBR_MODE_DQ) {
		p->group_state[g] = GROUP_PENDING;
		if (rte_rcu_qsbr_dq_enqueue(p->dq, &g) == 0)
			return;
	}
	/* sync mode, or a full queue whose groups readers still hold: wait here */
	rte_rcu_qsbr_synchronize(p->v, RTE_QSBR_THRID_INVALID);
	group_clear(p, g);
}

static void
priv_destroy(struct lpm_priv *p)
{
	if (p->dq != NULL && rte_rcu_qsbr_dq_delete(p->dq) != 0) {
		rte_rcu_qsbr_synchronize(p->v, RTE_QSBR_THRID_INVALID);
		rte_rcu_qsbr_dq_delete(p->dq);
	}
	lpm_rules_fini(&p->rules);
	rte_free(p->free_groups);
	rte_free(p->group_state);
	rte_free(p->lpm.tbl8);
	rte_free(p->te);
	rte_free(p);
}

static void
groups_reset(struct lpm_priv *p)
{
	uint32_t g;

	p->n_free = 0;
	for (g = p->number_tbl8s; g > 0; g--) {
		p->free_groups[p->n_free++] = g - 1;
		p->group_state[g - 1] = GROUP_FREE;
	}
}

struct rte_lpm *
rte_lpm_create(const char *name, int socket_id, const struct rte_lpm_config *config)
{
	struct rte_lpm_list *list = RTE_TAILQ_CAST(rte_lpm_tailq.head, rte_lpm_list);
	struct rte_tailq_entry *te;
	struct lpm_priv *p;
	size_t n8;

	if (name == NULL || config == NULL || socket_id < -1 || config->max_rules == 0 ||
			config->number_tbl8s == 0 ||
			config->number_tbl8s > RTE_LPM_MAX_TBL8_NUM_GROUPS ||
			strnlen(name, RTE_LPM_NAMESIZE) == RTE_LPM_NAMESIZE) {
		LPM_LOG(ERR, "create %s: invalid name, socket %d or config", name ? name : "(null)",
			socket_id);
		rte_errno = EINVAL;
		return NULL;
	}

	p = rte_zmalloc_socket("lpm", sizeof(*p), RTE_CACHE_LINE_SIZE, socket_id);
	te = rte_zmalloc("lpm_tailq", sizeof(*te), 0);
	if (p == NULL || te == NULL) {
		rte_free(p);
		rte_free(te);
		goto nomem;
	}
	p->te = te;
	te->data = p;
	rte_strlcpy(p->name, name, sizeof(p->name));
	p->number_tbl8s = config->number_tbl8s;
	n8 = (size_t)config->number_tbl8s * RTE_LPM_TBL8_GROUP_NUM_ENTRIES;
	p->lpm.tbl8 = rte_zmalloc_socket("lpm_tbl8", n8 * sizeof(*p->lpm.tbl8),
			RTE_CACHE_LINE_SIZE, socket_id);
	p->free_groups = rte_malloc_socket("lpm_groups",
			config->number_tbl8s * sizeof(*p->free_groups), 0, socket_id);
	p->group_state = rte_zmalloc_socket("lpm_groups", config->number_tbl8s, 0, socket_id);
	if (p->lpm.tbl8 == NULL || p->free_groups == NULL || p->group_state == NULL ||
			lpm_rules_init(&p->rules, config->max_rules, 5, socket_id) != 0) {
		priv_destroy(p);
		goto nomem;
	}
	groups_reset(p);

	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct lpm_priv *)te->data)->name, name, RTE_LPM_NAMESIZE) == 0) {
			rte_mcfg_tailq_write_unlock();
			LPM_LOG(ERR, "create %s: name already in use", name);
			priv_destroy(p);
			rte_errno = EEXIST;
			return NULL;
		}
	}
	TAILQ_INSERT_TAIL(list, p->te, next);
	rte_mcfg_tailq_write_unlock();
	return &p->lpm;

nomem:
	LPM_LOG(ERR, "create %s: out of memory", name);
	rte_errno = ENOMEM;
	return NULL;
}

struct rte_lpm *
rte_lpm_find_existing(const char *name)
{
	struct rte_lpm_list *list = RTE_TAILQ_CAST(rte_lpm_tailq.head, rte_lpm_list);
	struct rte_tailq_entry *te;
	struct lpm_priv *p = NULL;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct lpm_priv *)te->data)->name, name, RTE_LPM_NAMESIZE) == 0) {
			p = te->data;
			break;
		}
	}
	rte_mcfg_tailq_read_unlock();
	if (p == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	return &p->lpm;
}

void
rte_lpm_free(struct rte_lpm *lpm)
{
	struct rte_lpm_list *list = RTE_TAILQ_CAST(rte_lpm_tailq.head, rte_lpm_list);
	struct lpm_priv *p;

	if (lpm == NULL)
		return;
	p = priv_of(lpm);
	rte_mcfg_tailq_write_lock();
	TAILQ_REMOVE(list, p->te, next);
	rte_mcfg_tailq_write_unlock();
	priv_destroy(p);
}

int
rte_lpm_rcu_qsbr_add(struct rte_lpm *lpm, struct rte_lpm_rcu_config *cfg)
{
	struct rte_rcu_qsbr_dq_parameters params = { 0 };
	char dq_name[RTE_RCU_QSBR_DQ_NAMESIZE];
	struct lpm_priv *p;

	if (lpm == NULL || cfg == NULL || cfg->v == NULL) {
		LPM_LOG(ERR, "rcu_qsbr_add: NULL table, config or QSBR variable");
		rte_errno = EINVAL;
		return 1;
	}
	p = priv_of(lpm);
	if (p->v != NULL) {
		LPM_LOG(ERR, "rcu_qsbr_add %s: a QSBR variable is already attached", p->name);
		rte_errno = EEXIST;
		return 1;
	}
	if (cfg->mode == RTE_LPM_QSBR_MODE_DQ) {
		/* the table's address: unique, and short enough for any table name */
		snprintf(dq_name, sizeof(dq_name), "LPM_RCU_%" PRIxPTR, (uintptr_t)p);
		params.name = dq_name;
		params.size = cfg->dq_size != 0 ? cfg->dq_size : p->number_tbl8s;
		params.trigger_reclaim_limit = cfg->reclaim_thd;
		params.max_reclaim_size = cfg->reclaim_max != 0 ?
				cfg->reclaim_max : RTE_LPM_RCU_DQ_RECLAIM_MAX;
		params.flags = RTE_RCU_QSBR_DQ_MT_UNSAFE;
		params.esize = sizeof(uint32_t);
		params.free_fn = group_reclaim;
		params.p = p;
		params.v = cfg->v;
		p->dq = rte_rcu_qsbr_dq_create(&params);
		if (p->dq == NULL) {
			LPM_LOG(ERR, "rcu_qsbr_add %s: defer queue not created", p->name);
			return 1;
		}
	} else if (cfg->mode != RTE_LPM_QSBR_MODE_SYNC) {
		LPM_LOG(ERR, "rcu_qsbr_add %s: unknown mode %d", p->name, (int)cfg->mode);
		rte_errno = EINVAL;
		return 1;
	}
	p->mode = cfg->mode;
	p->v = cfg->v;
	return 0;
}

/* Write a route into the entries of a group whose current route is not longer. */
static void
group_fill(struct rte_lpm_tbl_entry *t8, uint32_t first, uint32_t n, uint32_t next_hop,
		uint8_t depth)
{
	uint32_t w = ent_make(next_hop, true, true, depth);
	struct rte_lpm_tbl_entry e;
	uint32_t i;

	for (i = first; i < first + n; i++) {
		e = ent_get(&t8[i]);
		if (!e.valid || e.depth <= depth)
			ent_set(&t8[i], w, __ATOMIC_RELAXED);
	}
}

static inline struct rte_lpm_tbl_entry *
group_entries(struct rte_lpm *lpm, uint32_t g)
{
	return &lpm->tbl8[g * RTE_LPM_TBL8_GROUP_NUM_ENTRIES];
}

static void
add_shallow(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t next_hop)
{
	uint32_t first = ip >> 8, n = UINT32_C(1) << (TBL24_SPLIT - depth);
	uint32_t w = ent_make(next_hop, true, false, depth);
	struct rte_lpm_tbl_entry e;
	uint32_t i;

	for (i = first; i < first + n; i++) {
		e = ent_get(&lpm->tbl24[i]);
		if (e.valid && e.valid_group)
			group_fill(group_entries(lpm, e.next_hop), 0,
				RTE_LPM_TBL8_GROUP_NUM_ENTRIES, next_hop, depth);
		else if (!e.valid || e.depth <= depth)
			ent_set(&lpm->tbl24[i], w, __ATOMIC_RELAXED);
	}
}

/* new_group: a fresh group for this /24, or -1 when tbl24 already names one. */
static void
add_deep(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t next_hop, int new_group)
{
	struct rte_lpm_tbl_entry *t24 = &lpm->tbl24[ip >> 8];
	struct rte_lpm_tbl_entry e = ent_get(t24), *t8;
	uint32_t i, w;

	if (new_group < 0) {
		group_fill(group_entries(lpm, e.next_hop), ip & 0xFF,
			UINT32_C(1) << (RTE_LPM_MAX_DEPTH - depth), next_hop, depth);
		return;
	}
	/* the group starts as a copy of the /24's route, then gets the new one */
	t8 = group_entries(lpm, (uint32_t)new_group);
	w = e.valid ? ent_make(e.next_hop, true, true, e.depth) : ent_make(0, false, true, 0);
	for (i = 0; i < RTE_LPM_TBL8_GROUP_NUM_ENTRIES; i++)
		ent_set(&t8[i], w, __ATOMIC_RELAXED);
	group_fill(t8, ip & 0xFF, UINT32_C(1) << (RTE_LPM_MAX_DEPTH - depth), next_hop, depth);
	ent_set(t24, ent_make((uint32_t)new_group, true, true, 0), __ATOMIC_RELEASE);
}

int
rte_lpm_add(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t next_hop)
{
	struct lpm_priv *p;
	struct rte_lpm_tbl_entry e;
	uint8_t key[5];
	int g = -1;

	if (lpm == NULL || !depth_ok(depth)) {
		LPM_LOG(ERR, "add: NULL table or depth %u not in 1..%u", depth, RTE_LPM_MAX_DEPTH);
		return -EINVAL;
	}
	p = priv_of(lpm);
	ip &= depth_mask(depth);
	rule_key(key, ip, depth);
	if (!lpm_rules_find(&p->rules, key, NULL) && p->rules.count == p->rules.max) {
		LPM_LOG(ERR, "add %s: all %u rules in use", p->name, p->rules.max);
		return -ENOSPC;
	}
	if (depth > TBL24_SPLIT) {
		e = ent_get(&lpm->tbl24[ip >> 8]);
		if (!(e.valid && e.valid_group)) {
			g = group_alloc(p);
			if (g < 0) {
				LPM_LOG(ERR, "add %s: all %u tbl8 groups in use", p->name,
					p->number_tbl8s);
				return -ENOSPC;
			}
		}
	}
	lpm_rules_add(&p->rules, key, next_hop);
	if (depth <= TBL24_SPLIT)
		add_shallow(lpm, ip, depth, next_hop);
	else
		add_deep(lpm, ip, depth, next_hop, g);
	return 0;
}

int
rte_lpm_is_rule_present(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t *next_hop)
{
	uint8_t key[5];

	if (lpm == NULL || next_hop == NULL || !depth_ok(depth)) {
		LPM_LOG(ERR, "is_rule_present: NULL argument or depth %u not in 1..%u", depth,
			RTE_LPM_MAX_DEPTH);
		return -EINVAL;
	}
	rule_key(key, ip & depth_mask(depth), depth);
	return lpm_rules_find(&priv_of(lpm)->rules, key, next_hop) ? 1 : 0;
}

/* Rewrite the entries owned by a route of this depth. */
static void
entries_replace(struct rte_lpm_tbl_entry *t, uint32_t first, uint32_t n, uint8_t depth,
		uint32_t w)
{
	struct rte_lpm_tbl_entry e;
	uint32_t i;

	for (i = first; i < first + n; i++) {
		e = ent_get(&t[i]);
		if (e.valid && e.depth == depth)
			ent_set(&t[i], w, __ATOMIC_RELAXED);
	}
}

/* After a deep delete: unpublish the group when one value fills it, then release it. */
static void
group_try_collapse(struct lpm_priv *p, uint32_t idx)
{
	struct rte_lpm_tbl_entry *t24 = &p->lpm.tbl24[idx];
	uint32_t g = ent_get(t24).next_hop, i, w0;
	const uint32_t *t8 = (const uint32_t *)group_entries(&p->lpm, g);
	struct rte_lpm_tbl_entry e0;

	w0 = __atomic_load_n(&t8[0], __ATOMIC_RELAXED);
	for (i = 1; i < RTE_LPM_TBL8_GROUP_NUM_ENTRIES; i++)
		if (__atomic_load_n(&t8[i], __ATOMIC_RELAXED) != w0)
			return;
	memcpy(&e0, &w0, sizeof(e0));
	if (e0.valid && e0.depth > TBL24_SPLIT)
		return;
	ent_set(t24, e0.valid ? ent_make(e0.next_hop, true, false, e0.depth) : 0,
		__ATOMIC_RELEASE);
	group_release(p, g);
}

int
rte_lpm_delete(struct rte_lpm *lpm, uint32_t ip, uint8_t depth)
{
	struct rte_lpm_tbl_entry e;
	uint32_t sub_nh = 0, first, n, i;
	struct lpm_priv *p;
	uint8_t key[5], d;
	bool sub = false;

	if (lpm == NULL || !depth_ok(depth)) {
		LPM_LOG(ERR, "delete: NULL table or depth %u not in 1..%u", depth,
			RTE_LPM_MAX_DEPTH);
		return -EINVAL;
	}
	p = priv_of(lpm);
	ip &= depth_mask(depth);
	rule_key(key, ip, depth);
	if (lpm_rules_del(&p->rules, key) != 0) {
		LPM_LOG(ERR, "delete %s: no route %08x/%u", p->name, ip, depth);
		return -EINVAL;
	}
	/* the addresses fall back to the longest shorter route covering them */
	for (d = depth - 1; d >= 1 && !sub; d--) {
		rule_key(key, ip & depth_mask(d), d);
		sub = lpm_rules_find(&p->rules, key, &sub_nh);
	}
	d++;

	if (depth <= TBL24_SPLIT) {
		first = ip >> 8;
		n = UINT32_C(1) << (TBL24_SPLIT - depth);
		for (i = first; i < first + n; i++) {
			e = ent_get(&lpm->tbl24[i]);
			if (e.valid && e.valid_group)
				entries_replace(group_entries(lpm, e.next_hop), 0,
					RTE_LPM_TBL8_GROUP_NUM_ENTRIES, depth,
					sub ? ent_make(sub_nh, true, true, d) :
						ent_make(0, false, true, 0));
			else if (e.valid && e.depth == depth)
				ent_set(&lpm->tbl24[i], sub ? ent_make(sub_nh, true, false, d) : 0,
					__ATOMIC_RELAXED);
		}
		return 0;
	}
	e = ent_get(&lpm->tbl24[ip >> 8]);
	entries_replace(group_entries(lpm, e.next_hop), ip & 0xFF,
		UINT32_C(1) << (RTE_LPM_MAX_DEPTH - depth), depth,
		sub ? ent_make(sub_nh, true, true, d) : ent_make(0, false, true, 0));
	group_try_collapse(p, ip >> 8);
	return 0;
}

void
rte_lpm_delete_all(struct rte_lpm *lpm)
{
	struct lpm_priv *p;
	uint32_t g;

	if (lpm == NULL)
		return;
	p = priv_of(lpm);
	lpm_rules_clear(&p->rules);
	/* entry by entry: a concurrent lookup must never see a half-cleared entry */
	for (g = 0; g < RTE_LPM_TBL24_NUM_ENTRIES; g++)
		ent_set(&lpm->tbl24[g], 0, __ATOMIC_RELAXED);
	if (p->v != NULL && p->mode == RTE_LPM_QSBR_MODE_SYNC) {
		/* one grace period covers every group */
		rte_rcu_qsbr_synchronize(p->v, RTE_QSBR_THRID_INVALID);
		for (g = 0; g < p->number_tbl8s; g++)
			if (p->group_state[g] == GROUP_USED)
				group_clear(p, g);
		return;
	}
	for (g = 0; g < p->number_tbl8s; g++)
		if (p->group_state[g] == GROUP_USED)
			group_release(p, g);
}
