/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv6 FIB: the routes live in a RIB; a TRIE FIB also compiles them into a fib_tbl with one
 * group level per byte past the third, and a summary of its first level per /16 (fib_tbl.h).
 * A route change repaints its prefix, minus the more specific routes inside it, with the next
 * hop that now wins there.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include <rte_rib6.h>
#include "rte_fib6.h"
#include "fib_tbl.h"

#define FIB6_NAMESIZE 64
#define TBL24_DEPTH 24
#define LOOKUP_BATCH 32

TAILQ_HEAD(rte_fib6_list, rte_tailq_entry);

static struct rte_tailq_elem rte_fib6_tailq = {
	.name = "RTE_FIB6",
};
EAL_REGISTER_TAILQ(rte_fib6_tailq)

struct rte_fib6 {
	char name[FIB6_NAMESIZE];
	enum rte_fib6_type type;
	struct rte_rib6 *rib;
	void *dp;
	uint8_t lookup_kind;      /* index in lookup_fns: see there */
	uint64_t def_nh;
	uint64_t max_nh;
	struct fib_tbl tbl;
	struct rte_tailq_entry *te;
};

static inline uint32_t
tbl16_index(const uint8_t *ip)
{
	return (uint32_t)ip[0] << 8 | ip[1];
}

static inline uint32_t
tbl24_index(const uint8_t *ip)
{
	return (uint32_t)ip[0] << 16 | (uint32_t)ip[1] << 8 | ip[2];
}

/*
 * One function per entry type. Addresses go through the levels in batches: the summary
 * entries of a whole batch are loaded, then the first-level entries of the addresses the
 * summary does not resolve, then each group level for the addresses still inside groups, so
 * the cache misses of a batch overlap instead of forming one chain per address. The addresses
 * still to walk are kept in a list (w); each level first loads the entries of the whole list,
 * then shrinks it without a branch per address. (Shrinking it in the same loop would make the
 * next load wait for the previous one: the list index would depend on the loaded entry.)
 */
#define TRIE_LOOKUP(fn, type) \
static void \
fn(void *dp, uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE], uint64_t *nhs, const unsigned int n) \
{ \
	const struct fib_tbl *t = dp; \
	const type *t16 = t->tbl16; \
	const type *t24 = t->tbl24; \
	const type *t8 = t->tbl8; \
	unsigned int i, j, k, m, x, nw, left; \
	uint8_t w[LOOKUP_BATCH]; \
	type e[LOOKUP_BATCH]; \
 \
	for (i = 0; i < n; i += m) { \
		m = RTE_MIN(n - i, (unsigned int)LOOKUP_BATCH); \
		for (j = 0; j < m; j++) \
			e[j] = t16[tbl16_index(ips[i + j])]; \
		nw = 0; \
		for (j = 0; j < m; j++) { \
			w[nw] = (uint8_t)j; \
			nw += e[j] & 1; \
		} \
		for (x = 0; x < nw; x++) \
			e[w[x]] = t24[tbl24_index(ips[i + w[x]])]; \
		for (k = 3; ; k++) { \
			left = 0; \
			for (x = 0; x < nw; x++) { \
				w[left] = w[x]; \
				left += e[w[x]] & 1; \
			} \
			nw = left; \
			if (nw == 0) \
				break; \
			for (x = 0; x < nw; x++) { \
				j = w[x]; \
				e[j] = t8[((size_t)(e[j] >> 1) << 8) | ips[i + j][k]]; \
			} \
		} \
		for (j = 0; j < m; j++) \
			nhs[i + j] = e[j] >> 1; \
	} \
}

TRIE_LOOKUP(lookup_2b, uint16_t)
TRIE_LOOKUP(lookup_4b, uint32_t)
TRIE_LOOKUP(lookup_8b, uint64_t)

static void
lookup_dummy(void *dp, uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE], uint64_t *nhs,
		const unsigned int n)
{
	struct rte_fib6 *fib = dp;
	struct rte_rib6_node *node;
	unsigned int i;

	for (i = 0; i < n; i++) {
		node = rte_rib6_lookup(fib->rib, ips[i]);
		if (node == NULL || rte_rib6_get_nh(node, &nhs[i]) != 0)
			nhs[i] = fib->def_nh;
	}
}

/*
 * The lookup functions by kind: fib->lookup_kind, in memory every process maps, names one, and
 * each process calls its own copy (this library sits at another address in each process).
 * Kinds 0 to 3 are the table's entry sizes (log2 of bytes), LOOKUP_KIND_DUMMY the RIB walk.
 */
#define LOOKUP_KIND_DUMMY 4
static const rte_fib6_lookup_fn_t lookup_fns[] = {
	[1] = lookup_2b,
	[2] = lookup_4b,
	[3] = lookup_8b,
	[LOOKUP_KIND_DUMMY] = lookup_dummy,
};

static int
trie_lookup_kind(const struct rte_fib6 *fib, enum rte_fib6_lookup_type type)
{
	switch (type) {
	case RTE_FIB6_LOOKUP_DEFAULT:
	case RTE_FIB6_LOOKUP_TRIE_SCALAR:
		return fib->tbl.esz_log;
	default:
		return -1;
	}
}

/* The outermost routes inside ip/depth, in address order. */
static int
collect_subs(struct rte_rib6 *rib, const uint8_t *ip, uint8_t depth, struct fib_subs *subs)
{
	struct rte_rib6_node *n = NULL;
	uint8_t key[FIB_KEY_BYTES];
	uint8_t sd;

	while ((n = rte_rib6_get_nxt(rib, ip, depth, n, RTE_RIB6_GET_NXT_COVER)) != NULL) {
		rte_rib6_get_ip(n, key);
		rte_rib6_get_depth(n, &sd);
		if (fib_subs_push(subs, key, sd) != 0) {
			fib_subs_free(subs);
			return -ENOMEM;
		}
	}
	return 0;
}

/*
 * Groups a route ip/depth would be the first to need: one per byte boundary it crosses past
 * the first 24 bits under which no other route is longer than that boundary.
 */
static uint32_t
groups_needed(struct rte_rib6 *rib, const uint8_t *ip, uint8_t depth)
{
	uint32_t need = 0;
	unsigned int b;

	for (b = TBL24_DEPTH; b < depth; b += 8)
		if (rte_rib6_get_nxt(rib, ip, (uint8_t)b, NULL, RTE_RIB6_GET_NXT_COVER) == NULL)
			need++;
	return need;
}

static int
trie_add(struct rte_fib6 *fib, const uint8_t *ip, uint8_t depth, uint64_t nh)
{
	struct fib_subs subs = { 0 };
	struct rte_rib6_node *node, *parent;
	uint64_t old;
	uint32_t need;

	node = rte_rib6_lookup_exact(fib->rib, ip, depth);
	if (node != NULL) {
		rte_rib6_get_nh(node, &old);
		if (old == nh)
			return 0;
	}
	if (collect_subs(fib->rib, ip, depth, &subs) != 0) {
		FIB_LOG(ERR, "add6 %s: /%u: out of memory", fib->name, depth);
		return -ENOMEM;
	}
	if (node == NULL) {
		need = groups_needed(fib->rib, ip, depth);
		if (fib->tbl.rsvd + need > fib->tbl.num_groups) {
			FIB_LOG(ERR, "add6 %s: /%u needs %u more tbl8 groups, %u of %u are in use",
				fib->name, depth, need, fib->tbl.rsvd, fib->tbl.num_groups);
			fib_subs_free(&subs);
			return -ENOSPC;
		}
		node = rte_rib6_insert(fib->rib, ip, depth);
		if (node == NULL) {
			fib_subs_free(&subs);
			return -rte_errno;
		}
		fib->tbl.rsvd += need;
		parent = rte_rib6_lookup_parent(node);
		if (parent != NULL)
			rte_rib6_get_nh(parent, &old);
		else
			old = fib->def_nh;
	}
	rte_rib6_set_nh(node, nh);
	if (old != nh)
		fib_tbl_paint(&fib->tbl, ip, depth, nh, &subs);
	fib_subs_free(&subs);
	return 0;
}

static int
trie_del(struct rte_fib6 *fib, const uint8_t *ip, uint8_t depth)
{
	struct fib_subs subs = { 0 };
	struct rte_rib6_node *node, *parent;
	uint64_t old, repl;

	node = rte_rib6_lookup_exact(fib->rib, ip, depth);
	if (node == NULL) {
		FIB_LOG(ERR, "delete6 %s: no such /%u route", fib->name, depth);
		return -ENOENT;
	}
	if (collect_subs(fib->rib, ip, depth, &subs) != 0) {
		FIB_LOG(ERR, "delete6 %s: /%u: out of memory", fib->name, depth);
		return -ENOMEM;
	}
	rte_rib6_get_nh(node, &old);
	parent = rte_rib6_lookup_parent(node);
	if (parent != NULL)
		rte_rib6_get_nh(parent, &repl);
	else
		repl = fib->def_nh;
	rte_rib6_remove(fib->rib, ip, depth);
	if (old != repl)
		fib_tbl_paint(&fib->tbl, ip, depth, repl, &subs);
	fib->tbl.rsvd -= groups_needed(fib->rib, ip, depth);
	fib_subs_free(&subs);
	return 0;
}

static int
dummy_add(struct rte_fib6 *fib, const uint8_t *ip, uint8_t depth, uint64_t nh)
{
	struct rte_rib6_node *node = rte_rib6_lookup_exact(fib->rib, ip, depth);

	if (node == NULL)
		node = rte_rib6_insert(fib->rib, ip, depth);
	if (node == NULL)
		return -rte_errno;
	return rte_rib6_set_nh(node, nh);
}

static int
dummy_del(struct rte_fib6 *fib, const uint8_t *ip, uint8_t depth)
{
	if (rte_rib6_lookup_exact(fib->rib, ip, depth) == NULL) {
		FIB_LOG(ERR, "delete6 %s: no such /%u route", fib->name, depth);
		return -ENOENT;
	}
	rte_rib6_remove(fib->rib, ip, depth);
	return 0;
}

static void
mask_ip(uint8_t *dst, const uint8_t *src, uint8_t depth)
{
	unsigned int k;

	for (k = 0; k < RTE_FIB6_IPV6_ADDR_SIZE; k++) {
		if (depth >= 8 * (k + 1))
			dst[k] = src[k];
		else if (depth > 8 * k)
			dst[k] = src[k] & (uint8_t)(0xFF << (8 - (depth - 8 * k)));
		else
			dst[k] = 0;
	}
}

int
rte_fib6_add(struct rte_fib6 *fib, const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE], uint8_t depth,
		uint64_t next_hop)
{
	uint8_t key[RTE_FIB6_IPV6_ADDR_SIZE];

	if (fib == NULL || ip == NULL || depth > RTE_FIB6_MAXDEPTH) {
		fib_log_bad("add6", fib, ip, depth, RTE_FIB6_MAXDEPTH);
		return -EINVAL;
	}
	mask_ip(key, ip, depth);
	if (fib->type == RTE_FIB6_DUMMY)
		return dummy_add(fib, key, depth, next_hop);
	if (next_hop > fib->max_nh) {
		FIB_LOG(ERR, "add6 %s: next hop %" PRIu64 " above %" PRIu64, fib->name,
			next_hop, fib->max_nh);
		return -EINVAL;
	}
	return trie_add(fib, key, depth, next_hop);
}

int
rte_fib6_delete(struct rte_fib6 *fib, const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE], uint8_t depth)
{
	uint8_t key[RTE_FIB6_IPV6_ADDR_SIZE];

	if (fib == NULL || ip == NULL || depth > RTE_FIB6_MAXDEPTH) {
		fib_log_bad("delete6", fib, ip, depth, RTE_FIB6_MAXDEPTH);
		return -EINVAL;
	}
	mask_ip(key, ip, depth);
	if (fib->type == RTE_FIB6_DUMMY)
		return dummy_del(fib, key, depth);
	return trie_del(fib, key, depth);
}

int
rte_fib6_lookup_bulk(struct rte_fib6 *fib, uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE],
		uint64_t *next_hops, int n)
{
	if (unlikely(fib == NULL || ips == NULL || next_hops == NULL))
		return -EINVAL;
	lookup_fns[fib->lookup_kind](fib->dp, ips, next_hops, (unsigned int)n);
	return 0;
}

void *
rte_fib6_get_dp(struct rte_fib6 *fib)
{
	return fib == NULL ? NULL : fib->dp;
}

struct rte_rib6 *
rte_fib6_get_rib(struct rte_fib6 *fib)
{
	return fib == NULL ? NULL : fib->rib;
}

int
rte_fib6_select_lookup(struct rte_fib6 *fib, enum rte_fib6_lookup_type type)
{
	int kind;

	if (fib == NULL || fib->type != RTE_FIB6_TRIE) {
		FIB_LOG(ERR, "select_lookup6: %s", fib == NULL ? "NULL fib" :
			"a DUMMY FIB has a single lookup");
		return -EINVAL;
	}
	kind = trie_lookup_kind(fib, type);
	if (kind < 0) {
		FIB_LOG(ERR, "select_lookup6 %s: lookup type %d not available", fib->name,
			(int)type);
		return -EINVAL;
	}
	fib->lookup_kind = (uint8_t)kind;
	return 0;
}

static void
fib6_destroy(struct rte_fib6 *fib)
{
	fib_tbl_fini(&fib->tbl);
	rte_rib6_free(fib->rib);
	rte_free(fib->te);
	rte_free(fib);
}

static int
conf_ok(const struct rte_fib6_conf *conf)
{
	uint64_t max_nh;

	if (conf->max_routes < 0)
		return 0;
	if (conf->type == RTE_FIB6_DUMMY)
		return 1;
	if (conf->type != RTE_FIB6_TRIE || conf->trie.nh_sz < RTE_FIB6_TRIE_2B ||
			conf->trie.nh_sz > RTE_FIB6_TRIE_8B)
		return 0;
	max_nh = (UINT64_C(1) << ((8u << conf->trie.nh_sz) - 1)) - 1;
	return conf->trie.num_tbl8 != 0 && conf->trie.num_tbl8 <= max_nh &&
		conf->default_nh <= max_nh;
}

static int
name_in_use(struct rte_fib6_list *list, const char *name)
{
	struct rte_tailq_entry *te;

	TAILQ_FOREACH(te, list, next)
		if (strcmp(((struct rte_fib6 *)te->data)->name, name) == 0)
			return 1;
	return 0;
}

struct rte_fib6 *
rte_fib6_create(const char *name, int socket_id, struct rte_fib6_conf *conf)
{
	struct rte_fib6_list *list = RTE_TAILQ_CAST(rte_fib6_tailq.head, rte_fib6_list);
	char rib_name[FIB6_NAMESIZE];
	struct rte_rib6_conf rconf;
	struct rte_tailq_entry *te;
	struct rte_fib6 *fib;
	int used;

	if (name == NULL || conf == NULL || strnlen(name, FIB6_NAMESIZE) == FIB6_NAMESIZE ||
			!conf_ok(conf)) {
		FIB_LOG(ERR, "create6 %s: NULL or too long name, or invalid configuration",
			name != NULL ? name : "(null)");
		rte_errno = EINVAL;
		return NULL;
	}
	/* checked first too, so that a taken name is not reported by the RIB instead */
	rte_mcfg_tailq_read_lock();
	used = name_in_use(list, name);
	rte_mcfg_tailq_read_unlock();
	if (used)
		goto exists;

	fib = rte_zmalloc_socket("fib6", sizeof(*fib), RTE_CACHE_LINE_SIZE, socket_id);
	te = rte_zmalloc("fib6_tailq", sizeof(*te), 0);
	if (fib == NULL || te == NULL) {
		rte_free(fib);
		rte_free(te);
		goto nomem;
	}
	fib->te = te;
	te->data = fib;
	rte_strlcpy(fib->name, name, sizeof(fib->name));
	fib->type = conf->type;
	fib->def_nh = conf->default_nh;
	snprintf(rib_name, sizeof(rib_name), "RIB_%s", name);
	rconf.ext_sz = conf->rib_ext_sz;
	rconf.max_nodes = conf->max_routes > INT32_MAX / 2 ? INT32_MAX : conf->max_routes * 2;
	fib->rib = rte_rib6_create(rib_name, socket_id, &rconf);
	if (fib->rib == NULL) {
		FIB_LOG(ERR, "create6 %s: its RIB could not be made", name);
		fib6_destroy(fib);
		return NULL;
	}
	if (conf->type == RTE_FIB6_DUMMY) {
		fib->dp = fib;
		fib->lookup_kind = LOOKUP_KIND_DUMMY;
	} else {
		fib->max_nh = (UINT64_C(1) << ((8u << conf->trie.nh_sz) - 1)) - 1;
		if (fib_tbl_init(&fib->tbl, (uint8_t)conf->trie.nh_sz, RTE_FIB6_MAXDEPTH,
				conf->trie.num_tbl8, conf->default_nh, 1, socket_id) != 0) {
			fib6_destroy(fib);
			goto nomem;
		}
		fib->dp = &fib->tbl;
		fib->lookup_kind = (uint8_t)trie_lookup_kind(fib, RTE_FIB6_LOOKUP_DEFAULT);
	}

	rte_mcfg_tailq_write_lock();
	if (name_in_use(list, name)) {
		rte_mcfg_tailq_write_unlock();
		fib6_destroy(fib);
		goto exists;
	}
	TAILQ_INSERT_TAIL(list, te, next);
	rte_mcfg_tailq_write_unlock();
	return fib;

exists:
	FIB_LOG(ERR, "create6 %s: name already in use", name);
	rte_errno = EEXIST;
	return NULL;
nomem:
	FIB_LOG(ERR, "create6 %s: out of memory", name);
	rte_errno = ENOMEM;
	return NULL;
}

struct rte_fib6 *
rte_fib6_find_existing(const char *name)
{
	struct rte_fib6_list *list = RTE_TAILQ_CAST(rte_fib6_tailq.head, rte_fib6_list);
	struct rte_tailq_entry *te;
	struct rte_fib6 *fib = NULL;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct rte_fib6 *)te->data)->name, name, FIB6_NAMESIZE) == 0) {
			fib = te->data;
			break;
		}
	}
	rte_mcfg_tailq_read_unlock();
	if (fib == NULL)
		rte_errno = ENOENT;
	return fib;
}

void
rte_fib6_free(struct rte_fib6 *fib)
{
	struct rte_fib6_list *list = RTE_TAILQ_CAST(rte_fib6_tailq.head, rte_fib6_list);

	if (fib == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_REMOVE(list, fib->te, next);
	rte_mcfg_tailq_write_unlock();
	fib6_destroy(fib);
}
