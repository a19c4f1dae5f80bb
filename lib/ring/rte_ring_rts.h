/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Ring functions in relaxed tail sync (RTS) mode, included by rte_ring.h (include that).
 *
 * On an RTS side, threads finish in any order: the tail moves up to the head when the
 * last operation in flight finishes, so a thread preempted between reserving and
 * publishing does not make the others spin on its publication. The head is kept within
 * htd_max entries of the tail (capacity / 8 unless set with rte_ring_set_prod_htd_max()
 * or rte_ring_set_cons_htd_max()). A ring created with RING_F_MP_RTS_ENQ
 * (RING_F_MC_RTS_DEQ) uses this mode for its unprefixed enqueue (dequeue) functions; the
 * functions below name the mode explicitly and must only be used on a side created in it.
 *
 * bulk moves all n objects or none, burst as many as possible; free_space (available),
 * when not NULL, receives the free (used) entries left after the call.
 */
#ifndef _RTE_RING_RTS_H_
#define _RTE_RING_RTS_H_

#include <rte_ring_core.h>
#include <rte_ring_rts_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Enqueue n elements of esize bytes, all or none, producers in RTS mode.
 *
 * @param r
 *   The ring; its producer side must be in RTS mode.
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
rte_ring_mp_rts_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_rts_enqueue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
			free_space);
}

/**
 * Enqueue n pointers, all or none, producers in RTS mode.
 *
 * @param r
 *   The ring; its producer side must be in RTS mode.
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
rte_ring_mp_rts_enqueue_bulk(struct rte_ring *r, void * const *obj_table, unsigned int n,
		unsigned int *free_space)
{
	return rte_ring_mp_rts_enqueue_bulk_elem(r, obj_table, sizeof(uintptr_t), n, free_space);
}

/**
 * Enqueue up to n elements of esize bytes, producers in RTS mode.
 *
 * @param r
 *   The ring; its producer side must be in RTS mode.
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
rte_ring_mp_rts_enqueue_burst_elem(struct rte_ring *r, const void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_rts_enqueue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
			free_space);
}

/**
 * Enqueue up to n pointers, producers in RTS mode.
 *
 * @param r
 *   The ring; its producer side must be in RTS mode.
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
rte_ring_mp_rts_enqueue_burst(struct rte_ring *r, void * const *obj_table, unsigned int n,
		unsigned int *free_space)
{
	return rte_ring_mp_rts_enqueue_burst_elem(r, obj_table, sizeof(uintptr_t), n, free_space);
}

/**
 * Dequeue n elements of esize bytes, all or none, consumers in RTS mode.
 *
 * @param r
 *   The ring; its consumer side must be in RTS mode.
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
rte_ring_mc_rts_dequeue_bulk_elem(struct rte_ring *r, void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *available)
{
	return __rte_ring_do_rts_dequeue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
			available);
}

/**
 * Dequeue n pointers, all or none, consumers in RTS mode.
 *
 * @param r
 *   The ring; its consumer side must be in RTS mode.
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
rte_ring_mc_rts_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
		unsigned int *available)
{
	return rte_ring_mc_rts_dequeue_bulk_elem(r, obj_table, sizeof(uintptr_t), n, available);
}

/**
 * Dequeue up to n elements of esize bytes, consumers in RTS mode.
 *
 * @param r
 *   The ring; its consumer side must be in RTS mode.
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
rte_ring_mc_rts_dequeue_burst_elem(struct rte_ring *r, void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *available)
{
	return __rte_ring_do_rts_dequeue_elem(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
			available);
}

/**
 * Dequeue up to n pointers, consumers in RTS mode.
 *
 * @param r
 *   The ring; its consumer side must be in RTS mode.
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
rte_ring_mc_rts_dequeue_burst(struct rte_ring *r, void **obj_table, unsigned int n,
		unsigned int *available)
{
	return rte_ring_mc_rts_dequeue_burst_elem(r, obj_table, sizeof(uintptr_t), n, available);
}

/**
 * The producer head/tail distance limit of an RTS ring.
 *
 * @param r
 *   The ring.
 * @return
 *   How far the producer head may run ahead of its tail, or UINT32_MAX when the producer
 *   side is not in RTS mode.
 */
static inline uint32_t
rte_ring_get_prod_htd_max(const struct rte_ring *r)
{
	if (r->prod.sync_type != RTE_RING_SYNC_MT_RTS)
		return UINT32_MAX;
	return r->rts_prod.htd_max;
}

/**
 * Set the producer head/tail distance limit of an RTS ring: 0 lets one operation
 * in at a time, the capacity or more sets no limit. Call it while no thread uses the
 * producer side.
 *
 * @param r
 *   The ring.
 * @param v
 *   The new limit, in entries.
 * @return
 *   0, or -ENOTSUP when the producer side is not in RTS mode (nothing changed).
 */
static inline int
rte_ring_set_prod_htd_max(struct rte_ring *r, uint32_t v)
{
	if (r->prod.sync_type != RTE_RING_SYNC_MT_RTS)
		return -ENOTSUP;
	r->rts_prod.htd_max = v;
	return 0;
}

/**
 * The consumer head/tail distance limit of an RTS ring.
 *
 * @param r
 *   The ring.
 * @return
 *   How far the consumer head may run ahead of its tail, or UINT32_MAX when the consumer
 *   side is not in RTS mode.
 */
static inline uint32_t
rte_ring_get_cons_htd_max(const struct rte_ring *r)
{
	if (r->cons.sync_type != RTE_RING_SYNC_MT_RTS)
		return UINT32_MAX;
	return r->rts_cons.htd_max;
}

/**
 * Set the consumer head/tail distance limit of an RTS ring: 0 lets one operation
 * in at a time, the capacity or more sets no limit. Call it while no thread uses the
 * consumer side.
 *
 * @param r
 *   The ring.
 * @param v
 *   The new limit, in entries.
 * @return
 *   0, or -ENOTSUP when the consumer side is not in RTS mode (nothing changed).
 */
static inline int
rte_ring_set_cons_htd_max(struct rte_ring *r, uint32_t v)
{
	if (r->cons.sync_type != RTE_RING_SYNC_MT_RTS)
		return -ENOTSUP;
	r->rts_cons.htd_max = v;
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_RTS_H_ */
