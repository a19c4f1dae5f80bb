/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Rings of fixed-size elements (esize bytes, a multiple of 4). The void * API of rte_ring.h is
 * this API with esize = sizeof(void *).
 *
 * "bulk" moves all n elements or none; "burst" moves as many as possible. mp/mc are safe with
 * several producers/consumers, sp/sc require a single one, and the unprefixed calls use the
 * mode chosen at creation (RING_F_SP_ENQ / RING_F_SC_DEQ, or the RTS and HTS flags, see
 * rte_ring_rts.h and rte_ring_hts.h). free_space and available, when not NULL, receive what is
 * left after the call. The peek (rte_ring_peek.h) and zero-copy (rte_ring_peek_zc.h) APIs
 * come with this header too.
 */
#ifndef _RTE_RING_ELEM_H_
#define _RTE_RING_ELEM_H_

#include <sys/types.h>

#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>
#include <rte_ring_hts.h>
#include <rte_ring_rts.h>

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

/*
 * The unprefixed calls on a side in RTS or HTS mode. Out of line, so that the dispatch in
 * the unprefixed calls stays one compare in front of the MT/ST code.
 */
static __rte_noinline unsigned int
__rte_ring_enqueue_sync_elem(struct rte_ring *r, const void *obj_table, unsigned int esize,
		unsigned int n, enum rte_ring_queue_behavior behavior, unsigned int *free_space)
{
	if (r->prod.sync_type == RTE_RING_SYNC_MT_HTS)
		return __rte_ring_do_hts_enqueue_elem(r, obj_table, esize, n, behavior,
				free_space);
	return __rte_ring_do_rts_enqueue_elem(r, obj_table, esize, n, behavior, free_space);
}

static __rte_noinline unsigned int
__rte_ring_dequeue_sync_elem(struct rte_ring *r, void *obj_table, unsigned int esize,
		unsigned int n, enum rte_ring_queue_behavior behavior, unsigned int *available)
{
	if (r->cons.sync_type == RTE_RING_SYNC_MT_HTS)
		return __rte_ring_do_hts_dequeue_elem(r, obj_table, esize, n, behavior, available);
	return __rte_ring_do_rts_dequeue_elem(r, obj_table, esize, n, behavior, available);
}

/*
 * mp/sp/mc/sc take their mode from the name. The unprefixed calls read the side's sync type
 * and branch to a copy of the common code specialised for ST or for MT (the flag a constant,
 * so that each copy is as lean as the named call); anything else goes to the out-of-line
 * RTS/HTS code. ST is tested first and laid out as the fall-through: its path is a few cycles
 * long, so a taken branch more shows in it, while the MT path's atomic compare-and-swap hides
 * one or two.
 */
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
#define __RTE_RING_ENQ_ANY(fn, behavior) \
static __rte_always_inline unsigned int \
fn(struct rte_ring *r, const void *obj_table, unsigned int esize, unsigned int n, \
		unsigned int *free_space) \
{ \
	uint32_t st = r->prod.single; \
	if (likely(st == RTE_RING_SYNC_ST)) \
		return __rte_ring_do_enqueue_elem(r, obj_table, esize, n, behavior, 1, \
				free_space); \
	if (likely(st == RTE_RING_SYNC_MT)) \
		return __rte_ring_do_enqueue_elem(r, obj_table, esize, n, behavior, 0, \
				free_space); \
	return __rte_ring_enqueue_sync_elem(r, obj_table, esize, n, behavior, free_space); \
}
#define __RTE_RING_DEQ_ANY(fn, behavior) \
static __rte_always_inline unsigned int \
fn(struct rte_ring *r, void *obj_table, unsigned int esize, unsigned int n, \
		unsigned int *available) \
{ \
	uint32_t st = r->cons.single; \
	if (likely(st == RTE_RING_SYNC_ST)) \
		return __rte_ring_do_dequeue_elem(r, obj_table, esize, n, behavior, 1, \
				available); \
	if (likely(st == RTE_RING_SYNC_MT)) \
		return __rte_ring_do_dequeue_elem(r, obj_table, esize, n, behavior, 0, \
				available); \
	return __rte_ring_dequeue_sync_elem(r, obj_table, esize, n, behavior, available); \
}

__RTE_RING_ENQ(rte_ring_mp_enqueue_bulk_elem, RTE_RING_QUEUE_FIXED, 0)
__RTE_RING_ENQ(rte_ring_sp_enqueue_bulk_elem, RTE_RING_QUEUE_FIXED, 1)
__RTE_RING_ENQ_ANY(rte_ring_enqueue_bulk_elem, RTE_RING_QUEUE_FIXED)
__RTE_RING_ENQ(rte_ring_mp_enqueue_burst_elem, RTE_RING_QUEUE_VARIABLE, 0)
__RTE_RING_ENQ(rte_ring_sp_enqueue_burst_elem, RTE_RING_QUEUE_VARIABLE, 1)
__RTE_RING_ENQ_ANY(rte_ring_enqueue_burst_elem, RTE_RING_QUEUE_VARIABLE)
__RTE_RING_DEQ(rte_ring_mc_dequeue_bulk_elem, RTE_RING_QUEUE_FIXED, 0)
__RTE_RING_DEQ(rte_ring_sc_dequeue_bulk_elem, RTE_RING_QUEUE_FIXED, 1)
__RTE_RING_DEQ_ANY(rte_ring_dequeue_bulk_elem, RTE_RING_QUEUE_FIXED)
__RTE_RING_DEQ(rte_ring_mc_dequeue_burst_elem, RTE_RING_QUEUE_VARIABLE, 0)
__RTE_RING_DEQ(rte_ring_sc_dequeue_burst_elem, RTE_RING_QUEUE_VARIABLE, 1)
__RTE_RING_DEQ_ANY(rte_ring_dequeue_burst_elem, RTE_RING_QUEUE_VARIABLE)

#undef __RTE_RING_ENQ
#undef __RTE_RING_DEQ
#undef __RTE_RING_ENQ_ANY
#undef __RTE_RING_DEQ_ANY

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

#include <rte_ring_peek.h>
#include <rte_ring_peek_zc.h>

#include <rte_ring.h>

#endif /* _RTE_RING_ELEM_H_ */
