/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Ring functions in head/tail sync (HTS) mode, included by rte_ring.h (include that).
 *
 * On an HTS side, one enqueue (or dequeue) at a time is in flight: a thread starts only
 * when the previous one has published. Producers or consumers preempted while they hold
 * the side stall the others, as in MT mode, but the side is always in a state the peek
 * API (rte_ring_peek.h) can use. A ring created with RING_F_MP_HTS_ENQ (RING_F_MC_HTS_DEQ)
 * uses this mode for its unprefixed enqueue (dequeue) functions; the functions below name
 * the mode explicitly and must only be used on a side created in it.
 *
 * bulk moves all n objects or none, burst as many as possible; free_space (available),
 * when not NULL, receives the free (used) entries left after the call.
 */
#ifndef _RTE_RING_HTS_H_
#define _RTE_RING_HTS_H_

#include <rte_ring_core.h>
#include <rte_ring_hts_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Enqueue n elements of esize bytes, all or none, producers in HTS mode.
 *
 * @param r
 *   The ring; its producer side must be in HTS mode.
 * @param obj_table
 *   The elements to copy into the ring.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of objects wanted.
 * @param free_space
 *   If not NULL, receives the free entries left after the call.
 * @return
 *   The number of objects enqueued: n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_hts_enqueue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
			free_space);
}

/**
 * Enqueue n pointers, all or none, producers in HTS mode.
 *
 * @param r
 *   The ring; its producer side must be in HTS mode.
 * @param obj_table
 *   The pointers to copy into the ring.
 * @param n
 *   Number of objects wanted.
 * @param free_space
 *   If not NULL, receives the free entries left after the call.
 * @return
 *   The number of objects enqueued: n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_bulk(struct rte_ring *r, void * const *obj_table, unsigned int n,
		unsigned int *free_space)
{
	return rte_ring_mp_hts_enqueue_bulk_elem(r, obj_table, sizeof(uintptr_t), n, free_space);
}

/**
 * Enqueue up to n elements of esize bytes, producers in HTS mode.
 *
 * @param r
 *   The ring; its producer side must be in HTS mode.
 * @param obj_table
 *   The elements to copy into the ring.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of objects wanted.
 * @param free_space
 *   If not NULL, receives the free entries left after the call.
 * @return
 *   The number of objects enqueued: 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_burst_elem(struct rte_ring *r, const void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_hts_enqueue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
			free_space);
}

/**
 * Enqueue up to n pointers, producers in HTS mode.
 *
 * @param r
 *   The ring; its producer side must be in HTS mode.
 * @param obj_table
 *   The pointers to copy into the ring.
 * @param n
 *   Number of objects wanted.
 * @param free_space
 *   If not NULL, receives the free entries left after the call.
 * @return
 *   The number of objects enqueued: 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_burst(struct rte_ring *r, void * const *obj_table, unsigned int n,
		unsigned int *free_space)
{
	return rte_ring_mp_hts_enqueue_burst_elem(r, obj_table, sizeof(uintptr_t), n, free_space);
}

/**
 * Dequeue n elements of esize bytes, all or none, consumers in HTS mode.
 *
 * @param r
 *   The ring; its consumer side must be in HTS mode.
 * @param obj_table
 *   The elements to fill.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of objects wanted.
 * @param available
 *   If not NULL, receives the entries left to dequeue after the call.
 * @return
 *   The number of objects dequeued: n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_bulk_elem(struct rte_ring *r, void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *available)
{
	return __rte_ring_do_hts_dequeue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
			available);
}

/**
 * Dequeue n pointers, all or none, consumers in HTS mode.
 *
 * @param r
 *   The ring; its consumer side must be in HTS mode.
 * @param obj_table
 *   The pointers to fill.
 * @param n
 *   Number of objects wanted.
 * @param available
 *   If not NULL, receives the entries left to dequeue after the call.
 * @return
 *   The number of objects dequeued: n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
		unsigned int *available)
{
	return rte_ring_mc_hts_dequeue_bulk_elem(r, obj_table, sizeof(uintptr_t), n, available);
}

/**
 * Dequeue up to n elements of esize bytes, consumers in HTS mode.
 *
 * @param r
 *   The ring; its consumer side must be in HTS mode.
 * @param obj_table
 *   The elements to fill.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of objects wanted.
 * @param available
 *   If not NULL, receives the entries left to dequeue after the call.
 * @return
 *   The number of objects dequeued: 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_burst_elem(struct rte_ring *r, void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *available)
{
	return __rte_ring_do_hts_dequeue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
			available);
}

/**
 * Dequeue up to n pointers, consumers in HTS mode.
 *
 * @param r
 *   The ring; its consumer side must be in HTS mode.
 * @param obj_table
 *   The pointers to fill.
 * @param n
 *   Number of objects wanted.
 * @param available
 *   If not NULL, receives the entries left to dequeue after the call.
 * @return
 *   The number of objects dequeued: 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_burst(struct rte_ring *r, void **obj_table, unsigned int n,
		unsigned int *available)
{
	return rte_ring_mc_hts_dequeue_burst_elem(r, obj_table, sizeof(uintptr_t), n, available);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_HTS_H_ */
