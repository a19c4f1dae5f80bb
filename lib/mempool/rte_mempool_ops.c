/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The table of mempool ops: the built-in ring ops, filled in statically so that they hold
 * the first indexes whatever order constructors run in, and those drivers register.
 */
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_ring.h>
#include <rte_string_fns.h>

#include "rte_mempool.h"
#include "mempool_private.h"

static int
ring_ops_alloc(struct rte_mempool *mp, unsigned int ring_flags)
{
	char rg_name[RTE_RING_NAMESIZE];
	struct rte_ring *r;

	if (snprintf(rg_name, sizeof(rg_name), RTE_MEMPOOL_MZ_FORMAT, mp->name) >=
			(int)sizeof(rg_name)) {
		MP_LOG(ERR, "mempool %s: name too long for its ring", mp->name);
		return -ENAMETOOLONG;
	}
	/* Room for every object: a put to the ring never fails. */
	r = rte_ring_create(rg_name, rte_align32pow2(mp->size + 1), mp->socket_id, ring_flags);
	if (r == NULL) {
		MP_LOG(ERR, "mempool %s: cannot create its ring: %s", mp->name,
			rte_strerror(rte_errno));
		return -rte_errno;
	}
	mp->pool_data = r;
	return 0;
}

#define RING_OPS_ALLOC(fn, flags) \
static int \
fn(struct rte_mempool *mp) \
{ \
	return ring_ops_alloc(mp, flags); \
}
RING_OPS_ALLOC(ring_alloc_mp_mc, 0)
RING_OPS_ALLOC(ring_alloc_sp_sc, RING_F_SP_ENQ | RING_F_SC_DEQ)
RING_OPS_ALLOC(ring_alloc_mp_sc, RING_F_SC_DEQ)
RING_OPS_ALLOC(ring_alloc_sp_mc, RING_F_SP_ENQ)
RING_OPS_ALLOC(ring_alloc_mt_rts, RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ)
RING_OPS_ALLOC(ring_alloc_mt_hts, RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ)
#undef RING_OPS_ALLOC

static void
ring_ops_free(struct rte_mempool *mp)
{
	rte_ring_free(mp->pool_data);
}

/* The ring's own sync types match the ops, so the generic ring calls do the right thing. */
static int
ring_ops_enqueue(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	return rte_ring_enqueue_bulk(mp->pool_data, obj_table, n, NULL) ? 0 : -ENOBUFS;
}

static int
ring_ops_dequeue(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_ring_dequeue_bulk(mp->pool_data, obj_table, n, NULL) ? 0 : -ENOENT;
}

static unsigned int
ring_ops_get_count(const struct rte_mempool *mp)
{
	return rte_ring_count(mp->pool_data);
}

#define RING_OPS(nm, alloc_fn) { \
	.name = nm, \
	.alloc = alloc_fn, \
	.free = ring_ops_free, \
	.enqueue = ring_ops_enqueue, \
	.dequeue = ring_ops_dequeue, \
	.get_count = ring_ops_get_count, \
}

/* The first __RTE_MEMPOOL_RING_OPS entries are the ring ops the fast path calls inline. */
struct rte_mempool_ops_table rte_mempool_ops_table = {
	.sl = RTE_SPINLOCK_INITIALIZER,
	.num_ops = __RTE_MEMPOOL_RING_OPS,
	.ops = {
		RING_OPS("ring_mp_mc", ring_alloc_mp_mc),
		RING_OPS("ring_sp_sc", ring_alloc_sp_sc),
		RING_OPS("ring_mp_sc", ring_alloc_mp_sc),
		RING_OPS("ring_sp_mc", ring_alloc_sp_mc),
		RING_OPS("ring_mt_rts", ring_alloc_mt_rts),
		RING_OPS("ring_mt_hts", ring_alloc_mt_hts),
	},
};

int
rte_mempool_register_ops(const struct rte_mempool_ops *h)
{
	struct rte_mempool_ops *ops;
	unsigned int i;
	int idx;

	if (h == NULL) {
		MP_LOG(ERR, "register_ops: ops is NULL");
		return -EINVAL;
	}
	if (h->alloc == NULL || h->free == NULL || h->enqueue == NULL || h->dequeue == NULL ||
			h->get_count == NULL) {
		MP_LOG(ERR, "mempool ops %.*s: alloc, free, enqueue, dequeue and get_count are "
			"required", RTE_MEMPOOL_OPS_NAMESIZE, h->name);
		return -EINVAL;
	}
	if (h->name[0] == '\0' || strnlen(h->name, sizeof(h->name)) >= sizeof(h->name)) {
		MP_LOG(ERR, "mempool ops name %.*s is empty or longer than %d characters",
			RTE_MEMPOOL_OPS_NAMESIZE, h->name, RTE_MEMPOOL_OPS_NAMESIZE - 1);
		return -EINVAL;
	}
	rte_spinlock_lock(&rte_mempool_ops_table.sl);
	for (i = 0; i < rte_mempool_ops_table.num_ops; i++)
		if (strcmp(rte_mempool_ops_table.ops[i].name, h->name) == 0) {
			rte_spinlock_unlock(&rte_mempool_ops_table.sl);
			MP_LOG(ERR, "mempool ops %s is already registered", h->name);
			return -EEXIST;
		}
	if (rte_mempool_ops_table.num_ops >= RTE_MEMPOOL_MAX_OPS_IDX) {
		rte_spinlock_unlock(&rte_mempool_ops_table.sl);
		MP_LOG(ERR, "mempool ops %s: the table of %d ops is full", h->name,
			RTE_MEMPOOL_MAX_OPS_IDX);
		return -ENOSPC;
	}
	idx = (int)rte_mempool_ops_table.num_ops;
	ops = &rte_mempool_ops_table.ops[idx];
	*ops = *h;
	/* Publish the entry after it is complete: lookups read num_ops without the lock. */
	__atomic_store_n(&rte_mempool_ops_table.num_ops, (uint32_t)idx + 1, __ATOMIC_RELEASE);
	rte_spinlock_unlock(&rte_mempool_ops_table.sl);
	return idx;
}

int
mempool_ops_find(const char *name)
{
	uint32_t i, n = __atomic_load_n(&rte_mempool_ops_table.num_ops, __ATOMIC_ACQUIRE);

	for (i = 0; i < n; i++)
		if (strcmp(rte_mempool_ops_table.ops[i].name, name) == 0)
			return (int)i;
	return -1;
}

int
rte_mempool_ops_get_info(const struct rte_mempool *mp, struct rte_mempool_info *info)
{
	struct rte_mempool_ops *ops;

	if (mp == NULL || info == NULL) {
		MP_LOG(ERR, "ops_get_info: NULL %s", mp == NULL ? "pool" : "info");
		return -EINVAL;
	}
	ops = rte_mempool_get_ops(mp->ops_index);
	if (ops->get_info == NULL)
		return -ENOTSUP;
	return ops->get_info(mp, info);
}
