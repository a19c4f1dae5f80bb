/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Defer queue: resources a writer removed wait here until the grace period that started when
 * they were queued is over, then free_fn releases them. Each ring element is the grace
 * period's token followed by the caller's esize bytes. Tokens grow in queue order, so
 * reclamation looks at the oldest element only and stops at the first one still waiting;
 * the ring's peek API lets it look without taking the element out.
 */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_ring_elem.h>
#include <rte_ring_peek.h>

#include "rte_rcu_qsbr.h"
#include "rcu_private.h"

#define DQ_RING_PREFIX "RCU_"

struct rte_rcu_qsbr_dq {
	struct rte_rcu_qsbr *v;
	struct rte_ring *r;
	uint32_t size;
	uint32_t esize;      /* the caller's bytes per resource */
	uint32_t ring_esize; /* token + the caller's bytes */
	uint32_t trigger_reclaim_limit;
	uint32_t max_reclaim_size;
	rte_rcu_qsbr_free_resource_t free_fn;
	void *p;
};

/* A ring element: 8-byte words, so that the token is aligned in the caller's buffer. */
#define DQ_ELEM_WORDS(esize) (1 + ((esize) + 7) / 8)

struct rte_rcu_qsbr_dq *
rte_rcu_qsbr_dq_create(const struct rte_rcu_qsbr_dq_parameters *params)
{
	char ring_name[RTE_RING_NAMESIZE];
	struct rte_rcu_qsbr_dq *dq;
	unsigned int flags;
	int len;

	if (params == NULL || params->name == NULL || params->v == NULL ||
			params->free_fn == NULL || params->size == 0 || params->esize == 0 ||
			params->esize % 4 != 0) {
		RCU_LOG(ERR, "defer queue %s: invalid parameters (a NULL name, variable or free "
			"function, a size of 0, or an element size that is 0 or not a multiple of 4)",
			params != NULL && params->name != NULL ? params->name : "(null)");
		rte_errno = EINVAL;
		return NULL;
	}
	len = snprintf(ring_name, sizeof(ring_name), DQ_RING_PREFIX "%s", params->name);
	if (len < 0 || (size_t)len >= sizeof(ring_name)) {
		RCU_LOG(ERR, "defer queue name %s is too long", params->name);
		rte_errno = EINVAL;
		return NULL;
	}
	dq = rte_zmalloc(ring_name, sizeof(*dq), RTE_CACHE_LINE_SIZE);
	if (dq == NULL) {
		RCU_LOG(ERR, "defer queue %s: no memory", params->name);
		rte_errno = ENOMEM;
		return NULL;
	}
	/* reclamation peeks at the head: head/tail sync (HTS) where threads share the queue */
	flags = RING_F_EXACT_SZ;
	if (params->flags & RTE_RCU_QSBR_DQ_MT_UNSAFE)
		flags |= RING_F_SP_ENQ | RING_F_SC_DEQ;
	else
		flags |= RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ;
	dq->ring_esize = DQ_ELEM_WORDS(params->esize) * 8;
	dq->r = rte_ring_create_elem(ring_name, dq->ring_esize, params->size, SOCKET_ID_ANY,
		flags);
	if (dq->r == NULL) {
		RCU_LOG(ERR, "defer queue %s: ring creation failed: %s", params->name,
			rte_strerror(rte_errno));
		rte_free(dq);
		return NULL; /* rte_errno from rte_ring_create_elem */
	}
	dq->v = params->v;
	dq->size = params->size;
	dq->esize = params->esize;
	dq->trigger_reclaim_limit = params->trigger_reclaim_limit;
	dq->max_reclaim_size = params->max_reclaim_size;
	dq->free_fn = params->free_fn;
	dq->p = params->p;
	return dq;
}

/* Free up to n resources whose grace period is over; the number freed. */
static unsigned int
dq_reclaim(struct rte_rcu_qsbr_dq *dq, unsigned int n)
{
	uint64_t elem[DQ_ELEM_WORDS(dq->esize)];
	unsigned int freed = 0;

	while (freed < n) {
		if (rte_ring_dequeue_bulk_elem_start(dq->r, elem, dq->ring_esize, 1, NULL) == 0)
			break;
		if (rte_rcu_qsbr_check(dq->v, elem[0], false) != 1) {
			rte_ring_dequeue_elem_finish(dq->r, 0);
			break;
		}
		rte_ring_dequeue_elem_finish(dq->r, 1);
		dq->free_fn(dq->p, &elem[1], 1);
		freed++;
	}
	return freed;
}

int
rte_rcu_qsbr_dq_enqueue(struct rte_rcu_qsbr_dq *dq, void *e)
{
	uint64_t elem[DQ_ELEM_WORDS(dq != NULL ? dq->esize : 0)];

	if (dq == NULL || e == NULL) {
		RCU_LOG(ERR, "rte_rcu_qsbr_dq_enqueue: NULL %s", dq == NULL ? "queue" : "resource");
		rte_errno = EINVAL;
		return 1;
	}
	if (rte_ring_count(dq->r) >= dq->trigger_reclaim_limit)
		dq_reclaim(dq, dq->max_reclaim_size);
	/* the token is taken after the resource was unpublished: readers seen later cannot
	 * hold it any more
	 */
	elem[0] = rte_rcu_qsbr_start(dq->v);
	memcpy(&elem[1], e, dq->esize);
	if (rte_ring_enqueue_elem(dq->r, elem, dq->ring_esize) == 0)
		return 0;
	/* full: make room by freeing what can be freed, oldest first */
	if (dq_reclaim(dq, dq->size) > 0 && rte_ring_enqueue_elem(dq->r, elem, dq->ring_esize) == 0)
		return 0;
	RCU_LOG(ERR, "defer queue %s is full", dq->r->name + strlen(DQ_RING_PREFIX));
	rte_errno = ENOSPC;
	return 1;
}

int
rte_rcu_qsbr_dq_reclaim(struct rte_rcu_qsbr_dq *dq, unsigned int n, unsigned int *freed,
	unsigned int *pending, unsigned int *available)
{
	unsigned int count;

	if (dq == NULL || n == 0) {
		RCU_LOG(ERR, "rte_rcu_qsbr_dq_reclaim: %s", dq == NULL ? "NULL queue" : "n is 0");
		rte_errno = EINVAL;
		return 1;
	}
	count = dq_reclaim(dq, n);
	if (freed != NULL)
		*freed = count;
	if (pending != NULL)
		*pending = rte_ring_count(dq->r);
	if (available != NULL)
		*available = rte_ring_free_count(dq->r);
	return 0;
}

int
rte_rcu_qsbr_dq_delete(struct rte_rcu_qsbr_dq *dq)
{
	if (dq == NULL)
		return 0;
	dq_reclaim(dq, dq->size);
	if (rte_ring_count(dq->r) != 0) {
		RCU_LOG(INFO, "defer queue %s: %u resources still in their grace period",
			dq->r->name + strlen(DQ_RING_PREFIX), rte_ring_count(dq->r));
		rte_errno = EAGAIN;
		return 1;
	}
	rte_ring_free(dq->r);
	rte_free(dq);
	return 0;
}
