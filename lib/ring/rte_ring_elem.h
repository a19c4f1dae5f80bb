/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Rings of fixed-size elements (esize bytes, a multiple of 4). The void * API of rte_ring.h is
 * this API with esize = sizeof(void *).
 *
 * "bulk" moves all n elements or none; "burst" moves as many as possible. mp/mc are safe with
 * several producers/consumers, sp/sc require a single one, and the unprefixed calls use the
 * mode chosen at creation (RING_F_SP_ENQ / RING_F_SC_DEQ). free_space and available, when not
 * NULL, receive what is left after the call.
 */
#ifndef _RTE_RING_ELEM_H_
#define _RTE_RING_ELEM_H_

#include <sys/types.h>

#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes needed for a ring of count elements of esize bytes, or -EINVAL. */
ssize_t rte_ring_get_memsize_elem(unsigned int esize, unsigned int count);

/**
 * Create a ring of count elements of esize bytes in a memzone.
 * @return the ring, or NULL with rte_errno: EINVAL (bad count, esize or flags),
 *   EEXIST (name in use), ENAMETOOLONG, ENOSPC or ENOMEM (no memory).
 */
struct rte_ring *rte_ring_create_elem(const char *name, unsigned int esize,
		unsigned int count, int socket_id, unsigned int flags);

#define __RTE_RING_ENQ(fn, behavior, st) \
static __rte_always_inline unsigned int \
fn(struct rte_ring *r, const void *obj_table, unsigned int esize, unsigned int n, \
		unsigned int *free_space) \
{ \
	return __rte_ring_do_enqueue_elem(r, obj_table, esize, n, behavior, st, free_space); \
}
#define __RTE_RING_DEQ(fn, behavior, st) \
static __rte_always_inline unsigned int \
fn(struct rte_ring *r, void *obj_table, unsigned int esize, unsigned int n, \
		unsigned int *available) \
{ \
	return __rte_ring_do_dequeue_elem(r, obj_table, esize, n, behavior, st, available); \
}

__RTE_RING_ENQ(rte_ring_mp_enqueue_bulk_elem, RTE_RING_QUEUE_FIXED, 0)
__RTE_RING_ENQ(rte_ring_sp_enqueue_bulk_elem, RTE_RING_QUEUE_FIXED, 1)
__RTE_RING_ENQ(rte_ring_enqueue_bulk_elem, RTE_RING_QUEUE_FIXED, r->prod.single)
__RTE_RING_ENQ(rte_ring_mp_enqueue_burst_elem, RTE_RING_QUEUE_VARIABLE, 0)
__RTE_RING_ENQ(rte_ring_sp_enqueue_burst_elem, RTE_RING_QUEUE_VARIABLE, 1)
__RTE_RING_ENQ(rte_ring_enqueue_burst_elem, RTE_RING_QUEUE_VARIABLE, r->prod.single)
__RTE_RING_DEQ(rte_ring_mc_dequeue_bulk_elem, RTE_RING_QUEUE_FIXED, 0)
__RTE_RING_DEQ(rte_ring_sc_dequeue_bulk_elem, RTE_RING_QUEUE_FIXED, 1)
__RTE_RING_DEQ(rte_ring_dequeue_bulk_elem, RTE_RING_QUEUE_FIXED, r->cons.single)
__RTE_RING_DEQ(rte_ring_mc_dequeue_burst_elem, RTE_RING_QUEUE_VARIABLE, 0)
__RTE_RING_DEQ(rte_ring_sc_dequeue_burst_elem, RTE_RING_QUEUE_VARIABLE, 1)
__RTE_RING_DEQ(rte_ring_dequeue_burst_elem, RTE_RING_QUEUE_VARIABLE, r->cons.single)

#undef __RTE_RING_ENQ
#undef __RTE_RING_DEQ

/** Enqueue one element: 0, or -ENOBUFS when the ring is full. */
static __rte_always_inline int
rte_ring_mp_enqueue_elem(struct rte_ring *r, void *obj, unsigned int esize)
{
	return rte_ring_mp_enqueue_bulk_elem(r, obj, esize, 1, NULL) ? 0 : -ENOBUFS;
}

/** Enqueue one element, single producer: 0, or -ENOBUFS when the ring is full. */
static __rte_always_inline int
rte_ring_sp_enqueue_elem(struct rte_ring *r, void *obj, unsigned int esize)
{
	return rte_ring_sp_enqueue_bulk_elem(r, obj, esize, 1, NULL) ? 0 : -ENOBUFS;
}

/** Enqueue one element in the ring's producer mode: 0, or -ENOBUFS when it is full. */
static __rte_always_inline int
rte_ring_enqueue_elem(struct rte_ring *r, void *obj, unsigned int esize)
{
	return rte_ring_enqueue_bulk_elem(r, obj, esize, 1, NULL) ? 0 : -ENOBUFS;
}

/** Dequeue one element into obj_p: 0, or -ENOENT when the ring is empty. */
static __rte_always_inline int
rte_ring_mc_dequeue_elem(struct rte_ring *r, void *obj_p, unsigned int esize)
{
	return rte_ring_mc_dequeue_bulk_elem(r, obj_p, esize, 1, NULL) ? 0 : -ENOENT;
}

/** Dequeue one element, single consumer: 0, or -ENOENT when the ring is empty. */
static __rte_always_inline int
rte_ring_sc_dequeue_elem(struct rte_ring *r, void *obj_p, unsigned int esize)
{
	return rte_ring_sc_dequeue_bulk_elem(r, obj_p, esize, 1, NULL) ? 0 : -ENOENT;
}

/** Dequeue one element in the ring's consumer mode: 0, or -ENOENT when it is empty. */
static __rte_always_inline int
rte_ring_dequeue_elem(struct rte_ring *r, void *obj_p, unsigned int esize)
{
	return rte_ring_dequeue_bulk_elem(r, obj_p, esize, 1, NULL) ? 0 : -ENOENT;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_ELEM_H_ */
