/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4 FIB: the routes live in a RIB; a DIR-24-8 FIB also compiles them into a fib_tbl. A
 * route change repaints its prefix, minus the more specific routes inside it, with the next
 * hop that now wins there: its own (add), or its parent's or the default (delete).
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
#include <rte_prefetch.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include <rte_rib.h>
#include "rte_fib.h"
#include "fib_tbl.h"

#define FIB_NAMESIZE 64
#define TBL24_DEPTH 24
#define PREFETCH_AHEAD 8

TAILQ_HEAD(rte_fib_list, rte_tailq_entry);

static struct rte_tailq_elem rte_fib_tailq = {
	.name = "RTE_FIB",
};
EAL_REGISTER_TAILQ(rte_fib_tailq)

struct rte_fib {
	char name[FIB_NAMESIZE];
	enum rte_fib_type type;
	struct rte_rib *rib;
	void *dp;
	uint8_t lookup_kind;      /* index in lookup_fns: see there */
	uint64_t def_nh;
	uint64_t max_nh;
	struct fib_tbl tbl;
	struct rte_tailq_entry *te;
};

/*
 * One loop per entry type, so each compiles to plain loads of that width. The first entries
 * of the burst are prefetched before any is read, then each step prefetches the entry
 * PREFETCH_AHEAD further on: every tbl24 miss of a burst is in flight early, and the main
 * loop has no bound check for the prefetch.
 */
#define DIR24_8_LOOKUP(fn, type) \
static inline type \
fn##_one(const type *t24, const type *t8, uint32_t ip) \
{ \
	type e = t24[ip >> 8]; \
 \
	if (unlikely(e & 1)) \
		e = t8[((size_t)(e >> 1) << 8) | (ip & 0xFF)]; \
	return e; \
} \
 \
static void \
fn(void *dp, const uint32_t *ips, uint64_t *nhs, const unsigned int n) \
{ \
	const struct fib_tbl *t = dp; \
	const type *t24 = t->tbl24; \
	const type *t8 = t->tbl8; \
	unsigned int i, ahead = RTE_MIN(n, (unsigned int)PREFETCH_AHEAD); \
 \
	for (i = 0; i < ahead; i++) \
		rte_prefetch0(&t24[ips[i] >> 8]); \
	for (i = 0; i + ahead < n; i++) { \
		rte_prefetch0(&t24[ips[i + ahead] >> 8]); \
		nhs[i] = fn##_one(t24, t8, ips[i]) >> 1; \
	} \
	for (; i < n; i++) \
		nhs[i] = fn##_one(t24, t8, ips[i]) >> 1; \
}

DIR24_8_LOOKUP(lookup_1b, uint8_t)
DIR24_8_LOOKUP(lookup_2b, uint16_t)
DIR24_8_LOOKUP(lookup_4b, uint32_t)
DIR24_8_LOOKUP(lookup_8b, uint64_t)

static void
lookup_dummy(void *dp, const uint32_t *ips, uint64_t *nhs, const unsigned int n)
{
	struct rte_fib *fib = dp;
	struct rte_rib_node *node;
	unsigned int i;

	for (i = 0; i < n; i++) {
		node = rte_rib_lookup(fib->rib, ips[i]);
		if (node == NULL || rte_rib_get_nh(node, &nhs[i]) != 0)
			nhs[i] = fib->def_nh;
	}
}

/*
 * The lookup functions by kind: fib->lookup_kind, in memory every process maps, names one, and
 * each process calls its own copy (this library sits at another address in each process).
 * Kinds 0 to 3 are the table's entry sizes (log2 of bytes), LOOKUP_KIND_DUMMY the RIB walk.
 */
#define LOOKUP_KIND_DUMMY 4
static const rte_fib_lookup_fn_t lookup_fns[] = {
	[0] = lookup_1b,
	[1] = lookup_2b,
	[2] = lookup_4b,
	[3] = lookup_8b,
	[LOOKUP_KIND_DUMMY] = lookup_dummy,
};

static int
dir24_8_lookup_kind(const struct rte_fib *fib, enum rte_fib_lookup_type type)
{
	switch (type) {
	case RTE_FIB_LOOKUP_DEFAULT:
	case RTE_FIB_LOOKUP_DIR24_8_SCALAR_MACRO:
	case RTE_FIB_LOOKUP_DIR24_8_SCALAR_INLINE:
	case RTE_FIB_LOOKUP_DIR24_8_SCALAR_UNI:
		return fib->tbl.esz_log;
	default:
		return -1;
	}
}

static inline void
to_key(uint8_t *key, uint32_t ip)
{
	memset(key, 0, FIB_KEY_BYTES);
	key[0] = (uint8_t)(ip >> 24);
	key[1] = (uint8_t)(ip >> 16);
	key[2] = (uint8_t)(ip >> 8);
	key[3] = (uint8_t)ip;
}

/* The outermost routes inside ip/depth, in address order. */
static int
collect_subs(struct rte_rib *rib, uint32_t ip, uint8_t depth, struct fib_subs *subs)
{
	struct rte_rib_node *n = NULL;
	uint8_t key[FIB_KEY_BYTES];
	uint32_t sip;
	uint8_t sd;

	while ((n = rte_rib_get_nxt(rib, ip, depth, n, RTE_RIB_GET_NXT_COVER)) != NULL) {
		rte_rib_get_ip(n, &sip);
		rte_rib_get_depth(n, &sd);
		to_key(key, sip);
		if (fib_subs_push(subs, key, sd) != 0) {
			fib_subs_free(subs);
			return -ENOMEM;
		}
	}
	return 0;
}

/* 1 when a route ip/depth would be the first longer than 24 bits in its /24. */
static uint32_t
group_needed(struct rte_rib *rib, uint32_t ip, uint8_t depth)
{
	if (depth <= TBL24_DEPTH)
		return 0;
	return rte_rib_get_nxt(rib, ip, TBL24_DEPTH, NULL, RTE_RIB_GET_NXT_COVER) == NULL;
}

static int
dir24_8_add(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t nh)
{
	struct fib_subs subs = { 0 };
	struct rte_rib_node *node, *parent;
	uint8_t key[FIB_KEY_BYTES];
	uint64_t old;
	uint32_t need;

	node = rte_rib_lookup_exact(fib->rib, ip, depth);
	if (node != NULL) {
		rte_rib_get_nh(node, &old);
		if (old == nh)
			return 0;
	}
	if (collect_subs(fib->rib, ip, depth, &subs) != 0) {
		FIB_LOG(ERR, "add %s: %08x/%u: out of memory", fib->name, ip, depth);
		return -ENOMEM;
	}
	if (node == NULL) {
		need = group_needed(fib->rib, ip, depth);
		if (fib->tbl.rsvd + need > fib->tbl.num_groups) {
			FIB_LOG(ERR, "add %s: %08x/%u: all %u tbl8 groups in use", fib->name, ip,
				depth, fib->tbl.num_groups);
			fib_subs_free(&subs);
			return -ENOSPC;
		}
		node = rte_rib_insert(fib->rib, ip, depth);
		if (node == NULL) {
			fib_subs_free(&subs);
			return -rte_errno;
		}
		fib->tbl.rsvd += need;
		parent = rte_rib_lookup_parent(node);
		if (parent != NULL)
			rte_rib_get_nh(parent, &old);
		else
			old = fib->def_nh;
	}
	rte_rib_set_nh(node, nh);
	/* the table already shows nh where the route wins if its parent has the same one */
	if (old != nh) {
		to_key(key, ip);
		fib_tbl_paint(&fib->tbl, key, depth, nh, &subs);
	}
	fib_subs_free(&subs);
	return 0;
}

static int
dir24_8_del(struct rte_fib *fib, uint32_t ip, uint8_t depth)
{
	struct fib_subs subs = { 0 };
	struct rte_rib_node *node, *parent;
	uint8_t key[FIB_KEY_BYTES];
	uint64_t old, repl;

	node = rte_rib_lookup_exact(fib->rib, ip, depth);
	if (node == NULL) {
		FIB_LOG(ERR, "delete %s: no route %08x/%u", fib->name, ip, depth);
		return -ENOENT;
	}
	if (collect_subs(fib->rib, ip, depth, &subs) != 0) {
		FIB_LOG(ERR, "delete %s: %08x/%u: out of memory", fib->name, ip, depth);
		return -ENOMEM;
	}
	rte_rib_get_nh(node, &old);
	parent = rte_rib_lookup_parent(node);
	if (parent != NULL)
		rte_rib_get_nh(parent, &repl);
	else
		repl = fib->def_nh;
	rte_rib_remove(fib->rib, ip, depth);
	if (old != repl) {
		to_key(key, ip);
		fib_tbl_paint(&fib->tbl, key, depth, repl, &subs);
	}
	fib->tbl.rsvd -= group_needed(fib->rib, ip, depth);
	fib_subs_free(&subs);
	return 0;
}

static int
dummy_add(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t nh)
{
	struct rte_rib_node *node = rte_rib_lookup_exact(fib->rib, ip, depth);

	if (node == NULL)
		node = rte_rib_insert(fib->rib, ip, depth);
	if (node == NULL)
		return -rte_errno;
	return rte_rib_set_nh(node, nh);
}

static int
dummy_del(struct rte_fib *fib, uint32_t ip, uint8_t depth)
{
	if (rte_rib_lookup_exact(fib->rib, ip, depth) == NULL) {
		FIB_LOG(ERR, "delete %s: no route %08x/%u", fib->name, ip, depth);
		return -ENOENT;
	}
	rte_rib_remove(fib->rib, ip, depth);
	return 0;
}

int
rte_fib_add(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t next_hop)
{
	if (fib == NULL || depth > RTE_FIB_MAXDEPTH) {
		fib_log_bad("add", fib, "", depth, RTE_FIB_MAXDEPTH);
		return -EINVAL;
	}
	ip &= rte_rib_depth_to_mask(depth);
	if (fib->type == RTE_FIB_DUMMY)
		return dummy_add(fib, ip, depth, next_hop);
	if (next_hop > fib->max_nh) {
		FIB_LOG(ERR, "add %s: next hop %" PRIu64 " above %" PRIu64, fib->name, next_hop,
			fib->max_nh);
		return -EINVAL;
	}
	return dir24_8_add(fib, ip, depth, next_hop);
}

int
rte_fib_delete(struct rte_fib *fib, uint32_t ip, uint8_t depth)
{
	if (fib == NULL || depth > RTE_FIB_MAXDEPTH) {
		fib_log_bad("delete", fib, "", depth, RTE_FIB_MAXDEPTH);
		return -EINVAL;
	}
	ip &= rte_rib_depth_to_mask(depth);
	if (fib->type == RTE_FIB_DUMMY)
		return dummy_del(fib, ip, depth);
	return dir24_8_del(fib, ip, depth);
}

int
rte_fib_lookup_bulk(struct rte_fib *fib, uint32_t *ips, uint64_t *next_hops, int n)
{
	if (unlikely(fib == NULL || ips == NULL || next_hops == NULL))
		return -EINVAL;
	lookup_fns[fib->lookup_kind](fib->dp, ips, next_hops, (unsigned int)n);
	return 0;
}

void *
rte_fib_get_dp(struct rte_fib *fib)
{
	return fib == NULL ? NULL : fib->dp;
}

struct rte_rib *
rte_fib_get_rib(struct rte_fib *fib)
{
	return fib == NULL ? NULL : fib->rib;
}

int
rte_fib_select_lookup(struct rte_fib *fib, enum rte_fib_lookup_type type)
{
	int kind;

	if (fib == NULL || fib->type != RTE_FIB_DIR24_8) {
		FIB_LOG(ERR, "select_lookup: %s", fib == NULL ? "NULL fib" :
			"a DUMMY FIB has a single lookup");
		return -EINVAL;
	}
	kind = dir24_8_lookup_kind(fib, type);
	if (kind < 0) {
		FIB_LOG(ERR, "select_lookup %s: lookup type %d not available", fib->name,
			(int)type);
		return -EINVAL;
	}
	fib->lookup_kind = (uint8_t)kind;
	return 0;
}

static void
fib_destroy(struct rte_fib *fib)
{
	fib_tbl_fini(&fib->tbl);
	rte_rib_free(fib->rib);
	rte_free(fib->te);
	rte_free(fib);
}

/* Checks of the configuration that do not depend on the name. */
static int
conf_ok(const struct rte_fib_conf *conf)
{
	uint64_t max_nh;

	if (conf->max_routes < 0)
		return 0;
	if (conf->type == RTE_FIB_DUMMY)
		return 1;
	if (conf->type != RTE_FIB_DIR24_8 || conf->dir24_8.nh_sz > RTE_FIB_DIR24_8_8B)
		return 0;
	max_nh = (UINT64_C(1) << ((8u << conf->dir24_8.nh_sz) - 1)) - 1;
	return conf->dir24_8.num_tbl8 != 0 && conf->dir24_8.num_tbl8 <= max_nh &&
		conf->default_nh <= max_nh;
}

static int
name_in_use(struct rte_fib_list *list, const char *name)
{
	struct rte_tailq_entry *te;

	TAILQ_FOREACH(te, list, next)
		if (strcmp(((struct rte_fib *)te->data)->name, name) == 0)
			return 1;
	return 0;
}

struct rte_fib *
rte_fib_create(const char *name, int socket_id, struct rte_fib_conf *conf)
{
	struct rte_fib_list *list = RTE_TAILQ_CAST(rte_fib_tailq.head, rte_fib_list);
	char rib_name[FIB_NAMESIZE];
	struct rte_rib_conf rconf;
	struct rte_tailq_entry *te;
	struct rte_fib *fib;
	int used;

	if (name == NULL || conf == NULL || strnlen(name, FIB_NAMESIZE) == FIB_NAMESIZE ||
			!conf_ok(conf)) {
		FIB_LOG(ERR, "create %s: NULL or too long name, or invalid configuration",
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

	fib = rte_zmalloc_socket("fib", sizeof(*fib), RTE_CACHE_LINE_SIZE, socket_id);
	te = rte_zmalloc("fib_tailq", sizeof(*te), 0);
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
	fib->rib = rte_rib_create(rib_name, socket_id, &rconf);
	if (fib->rib == NULL) {
		FIB_LOG(ERR, "create %s: its RIB could not be made", name);
		fib_destroy(fib);
		return NULL;
	}
	if (conf->type == RTE_FIB_DUMMY) {
		fib->dp = fib;
		fib->lookup_kind = LOOKUP_KIND_DUMMY;
	} else {
		fib->max_nh = (UINT64_C(1) << ((8u << conf->dir24_8.nh_sz) - 1)) - 1;
		if (fib_tbl_init(&fib->tbl, (uint8_t)conf->dir24_8.nh_sz, RTE_FIB_MAXDEPTH,
				conf->dir24_8.num_tbl8, conf->default_nh, 0, socket_id) != 0) {
			fib_destroy(fib);
			goto nomem;
		}
		fib->dp = &fib->tbl;
		fib->lookup_kind = (uint8_t)dir24_8_lookup_kind(fib, RTE_FIB_LOOKUP_DEFAULT);
	}

	rte_mcfg_tailq_write_lock();
	if (name_in_use(list, name)) {
		rte_mcfg_tailq_write_unlock();
		fib_destroy(fib);
		goto exists;
	}
	TAILQ_INSERT_TAIL(list, te, next);
	rte_mcfg_tailq_write_unlock();
	return fib;

exists:
	FIB_LOG(ERR, "create %s: name already in use", name);
	rte_errno = EEXIST;
	return NULL;
nomem:
	FIB_LOG(ERR, "create %s: out of memory", name);
	rte_errno = ENOMEM;
	return NULL;
}

struct rte_fib *
rte_fib_find_existing(const char *name)
{
	struct rte_fib_list *list = RTE_TAILQ_CAST(rte_fib_tailq.head, rte_fib_list);
	struct rte_tailq_entry *te;
	struct rte_fib *fib = NULL;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct rte_fib *)te->data)->name, name, FIB_NAMESIZE) == 0) {
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
rte_fib_free(struct rte_fib *fib)
{
	struct rte_fib_list *list = RTE_TAILQ_CAST(rte_fib_tailq.head, rte_fib_list);

	if (fib == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_REMOVE(list, fib->te, next);
	rte_mcfg_tailq_write_unlock();
	fib_destroy(fib);
}
