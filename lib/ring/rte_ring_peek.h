/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Peek API: enqueue or dequeue in two steps, included by rte_ring.h (include that).
 *
 * A *_start call reserves entries and leaves the reservation open; the matching *_finish
 * call closes it for the first n of them, and the rest are given back as if never reserved.
 * For a dequeue, start already copies the reserved entries out, so the caller can look at
 * them and decide how many to take; for an enqueue, finish copies the objects in, so the
 * caller can reserve room before it has the objects.
 *
 * Only a side in single-thread mode (RING_F_SP_ENQ, RING_F_SC_DEQ) or in HTS mode
 * (RING_F_MP_HTS_ENQ, RING_F_MC_HTS_DEQ) can hold a reservation open: on an MT or RTS side
 * start reserves nothing and returns 0. Between start and finish, other threads of the same
 * side wait (HTS) or must not run (single-thread); the other side is not held up. Call finish
 * only after a start that returned non-zero: with no reservation of its own open, a finish
 * could close another thread's.
 *
 * @code
 * n = rte_ring_dequeue_burst_start(r, objs, 32, NULL);
 * m = how_many_i_can_handle(objs, n);
 * rte_ring_dequeue_finish(r, m);    // the n - m others stay in the ring, in order
 * @endcode
 */
#ifndef _RTE_RING_PEEK_H_
#define _RTE_RING_PEEK_H_

#include <rte_ring_peek_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Reserve room for n objects, all or none, to be written by rte_ring_enqueue_elem_finish().
 *
 * @param r
 *   The ring; its producer side must be in single-thread or HTS mode.
 * @param n
 *   Number of objects to reserve room for.
 * @param free_space
 *   If not NULL, receives the free entries left after the reservation.
 * @return
 *   n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk_elem_start(struct rte_ring *r, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_start(r, n, RTE_RING_QUEUE_FIXED, free_space);
}

/**
 * Reserve room for n pointers, all or none: rte_ring_enqueue_bulk_elem_start() for a
 * pointer ring.
 *
 * @param r
 *   The ring; its producer side must be in single-thread or HTS mode.
 * @param n
 *   Number of pointers to reserve room for.
 * @param free_space
 *   If not NULL, receives the free entries left after the reservation.
 * @return
 *   n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk_start(struct rte_ring *r, unsigned int n, unsigned int *free_space)
{
	return rte_ring_enqueue_bulk_elem_start(r, n, free_space);
}

/**
 * Reserve room for as many objects as fit, up to n, to be written by
 * rte_ring_enqueue_elem_finish().
 *
 * @param r
 *   The ring; its producer side must be in single-thread or HTS mode.
 * @param n
 *   Most objects to reserve room for.
 * @param free_space
 *   If not NULL, receives the free entries left after the reservation.
 * @return
 *   The number reserved, 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst_elem_start(struct rte_ring *r, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_start(r, n, RTE_RING_QUEUE_VARIABLE, free_space);
}

/**
 * Reserve room for up to n pointers: rte_ring_enqueue_burst_elem_start() for a pointer ring.
 *
 * @param r
 *   The ring; its producer side must be in single-thread or HTS mode.
 * @param n
 *   Most pointers to reserve room for.
 * @param free_space
 *   If not NULL, receives the free entries left after the reservation.
 * @return
 *   The number reserved, 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst_start(struct rte_ring *r, unsigned int n, unsigned int *free_space)
{
	return rte_ring_enqueue_burst_elem_start(r, n, free_space);
}

/**
 * Write n objects into the room reserved by the last enqueue start call and publish them.
 * The reserved room beyond n is given back. An n above the count reserved publishes nothing.
 *
 * @param r
 *   The ring.
 * @param obj_table
 *   The n objects, esize bytes each.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of objects to publish, at most the count reserved.
 */
static __rte_always_inline void
rte_ring_enqueue_elem_finish(struct rte_ring *r, const void *obj_table, unsigned int esize,
		unsigned int n)
{
	uint32_t tail;

	n = __rte_ring_peek_get_tail(&r->prod, n, &tail);
	if (n != 0)
		__rte_ring_copy_in(r, tail, obj_table, esize, n);
	__rte_ring_peek_set_tail(&r->prod, tail, n);
}

/**
 * Write n pointers into the reserved room and publish them: rte_ring_enqueue_elem_finish()
 * for a pointer ring.
 *
 * @param r
 *   The ring.
 * @param obj_table
 *   The n pointers.
 * @param n
 *   Number of pointers to publish, at most the count reserved.
 */
static __rte_always_inline void
rte_ring_enqueue_finish(struct rte_ring *r, void * const *obj_table, unsigned int n)
{
	rte_ring_enqueue_elem_finish(r, obj_table, sizeof(uintptr_t), n);
}

/**
 * Reserve n objects, all or none, and copy them into obj_table without taking them out of
 * the ring: rte_ring_dequeue_elem_finish() decides how many are taken.
 *
 * @param r
 *   The ring; its consumer side must be in single-thread or HTS mode.
 * @param obj_table
 *   Receives the objects, esize bytes each.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of objects wanted.
 * @param available
 *   If not NULL, receives the entries left beyond the reservation.
 * @return
 *   n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk_elem_start(struct rte_ring *r, void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *available)
{
	return __rte_ring_do_dequeue_start(r, obj_table, esize, n, RTE_RING_QUEUE_FIXED,
			available);
}

/**
 * Reserve n pointers, all or none, and copy them out: rte_ring_dequeue_bulk_elem_start()
 * for a pointer ring.
 *
 * @param r
 *   The ring; its consumer side must be in single-thread or HTS mode.
 * @param obj_table
 *   Receives the pointers.
 * @param n
 *   Number of pointers wanted.
 * @param available
 *   If not NULL, receives the entries left beyond the reservation.
 * @return
 *   n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk_start(struct rte_ring *r, void **obj_table, unsigned int n,
		unsigned int *available)
{
	return rte_ring_dequeue_bulk_elem_start(r, obj_table, sizeof(uintptr_t), n, available);
}

/**
 * Reserve up to n objects and copy them into obj_table without taking them out of the
 * ring: rte_ring_dequeue_elem_finish() decides how many are taken.
 *
 * @param r
 *   The ring; its consumer side must be in single-thread or HTS mode.
 * @param obj_table
 *   Receives the objects, esize bytes each.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Most objects wanted.
 * @param available
 *   If not NULL, receives the entries left beyond the reservation.
 * @return
 *   The number reserved, 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst_elem_start(struct rte_ring *r, void *obj_table, unsigned int esize,
		unsigned int n, unsigned int *available)
{
	return __rte_ring_do_dequeue_start(r, obj_table, esize, n, RTE_RING_QUEUE_VARIABLE,
			available);
}

/**
 * Reserve up to n pointers and copy them out: rte_ring_dequeue_burst_elem_start() for a
 * pointer ring.
 *
 * @param r
 *   The ring; its consumer side must be in single-thread or HTS mode.
 * @param obj_table
 *   Receives the pointers.
 * @param n
 *   Most pointers wanted.
 * @param available
 *   If not NULL, receives the entries left beyond the reservation.
 * @return
 *   The number reserved, 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst_start(struct rte_ring *r, void **obj_table, unsigned int n,
		unsigned int *available)
{
	return rte_ring_dequeue_burst_elem_start(r, obj_table, sizeof(uintptr_t), n, available);
}

/**
 * Take the first n of the objects reserved by the last dequeue start call out of the ring;
 * the others stay in it, in order. An n above the count reserved takes nothing.
 *
 * @param r
 *   The ring.
 * @param n
 *   Number of objects taken, at most the count reserved.
 */
static __rte_always_inline void
rte_ring_dequeue_elem_finish(struct rte_ring *r, unsigned int n)
{
	uint32_t tail;

	n = __rte_ring_peek_get_tail(&r->cons, n, &tail);
	__rte_ring_peek_set_tail(&r->cons, tail, n);
}

/**
 * Take the first n reserved pointers out of the ring: rte_ring_dequeue_elem_finish().
 *
 * @param r
 *   The ring.
 * @param n
 *   Number of pointers taken, at most the count reserved.
 */
static __rte_always_inline void
rte_ring_dequeue_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_dequeue_elem_finish(r, n);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_PEEK_H_ */
