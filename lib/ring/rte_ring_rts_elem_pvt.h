/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Relaxed tail sync (RTS) mode of a ring side: the algorithm behind rte_ring_rts.h. Not for
 * direct use; include rte_ring.h.
 *
 * Head and tail are each a 64-bit word of a position and a counter. A thread reserves by
 * moving the head position and adding one to the head counter in a single compare-and-swap.
 * When it has copied, it adds one to the tail counter, and if that makes the tail counter
 * equal to the head counter - every operation that started has finished - it also moves the
 * tail position up to the head position. So threads of one side never wait for each other to
 * publish in order (the weakness of the MT mode when a thread is preempted between reserving
 * and publishing); the tail moves when the side goes quiet for an instant.
 *
 * To bound how far the tail can lag, a thread does not reserve while the head is more than
 * htd_max entries ahead of the tail (capacity / 8 by default, rte_ring_set_prod_htd_max()).
 *
 * The other side's tail is read at the offset every layout shares (tail.val.pos here), so the
 * other side may use any mode.
 */
#ifndef _RTE_RING_RTS_ELEM_PVT_H_
#define _RTE_RING_RTS_ELEM_PVT_H_

#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Reserve up to n entries on RTS side d, limited by the other side's tail plus offset
 * (capacity for producers, 0 for consumers). Returns how many were reserved (0 or n when
 * behavior is FIXED); old_head and avail describe the reservation.
 */
static __rte_always_inline uint32_t
__rte_ring_rts_move_head(struct rte_ring_rts_headtail *d, const struct rte_ring_headtail *o,
		uint32_t offset, uint32_t n, enum rte_ring_queue_behavior behavior,
		uint32_t *old_head, uint32_t *avail)
{
	union __rte_ring_rts_poscnt h, next, t;
	uint32_t room, want = n;

	h.raw = __atomic_load_n(&d->head.raw, __ATOMIC_ACQUIRE);
	for (;;) {
		n = want;
		/* Let the tail catch up when the head is too far ahead. */
		for (;;) {
			t.raw = __atomic_load_n(&d->tail.raw, __ATOMIC_RELAXED);
			if (h.val.pos - t.val.pos <= d->htd_max)
				break;
			rte_pause();
			h.raw = __atomic_load_n(&d->head.raw, __ATOMIC_ACQUIRE);
		}
		/* Acquire: the slot contents (or completed reads) the tail stands for. */
		room = offset + __atomic_load_n(&o->tail, __ATOMIC_ACQUIRE) - h.val.pos;
		if (unlikely(n > room))
			n = (behavior == RTE_RING_QUEUE_FIXED) ? 0 : room;
		if (n == 0)
			break;
		next.val.pos = h.val.pos + n;
		next.val.cnt = h.val.cnt + 1;
		if (likely(__atomic_compare_exchange_n(&d->head.raw, &h.raw, next.raw, 1,
				__ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)))
			break;
	}
	*old_head = h.val.pos;
	*avail = room;
	return n;
}

/* One operation of RTS side d has finished: count it, and move the tail position to the head
 * position if it was the last one in flight. */
static __rte_always_inline void
__rte_ring_rts_update_tail(struct rte_ring_rts_headtail *d)
{
	union __rte_ring_rts_poscnt t, next, h;

	t.raw = __atomic_load_n(&d->tail.raw, __ATOMIC_ACQUIRE);
	do {
		/*
		 * Read after the tail (acquire): a head older than an operation already counted in
		 * the tail cannot be seen, so equal counters really mean nothing is in flight.
		 */
		h.raw = __atomic_load_n(&d->head.raw, __ATOMIC_ACQUIRE);
		next.raw = t.raw;
		next.val.cnt++;
		if (next.val.cnt == h.val.cnt)
			next.val.pos = h.val.pos;
	} while (!__atomic_compare_exchange_n(&d->tail.raw, &t.raw, next.raw, 1,
			__ATOMIC_RELEASE, __ATOMIC_ACQUIRE));
}

static __rte_always_inline unsigned int
__rte_ring_do_rts_enqueue_elem(struct rte_ring *r, const void *obj_table, uint32_t esize,
		uint32_t n, enum rte_ring_queue_behavior behavior, unsigned int *free_space)
{
	uint32_t head, room;

	n = __rte_ring_rts_move_head(&r->rts_prod, &r->cons, r->capacity, n, behavior, &head,
			&room);
	if (likely(n != 0)) {
		__rte_ring_copy_in(r, head, obj_table, esize, n);
		__rte_ring_rts_update_tail(&r->rts_prod);
	}
	if (free_space != NULL)
		*free_space = room - n;
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_rts_dequeue_elem(struct rte_ring *r, void *obj_table, uint32_t esize,
		uint32_t n, enum rte_ring_queue_behavior behavior, unsigned int *available)
{
	uint32_t head, used;

	n = __rte_ring_rts_move_head(&r->rts_cons, &r->prod, 0, n, behavior, &head, &used);
	if (likely(n != 0)) {
		__rte_ring_copy_out(r, head, obj_table, esize, n);
		__rte_ring_rts_update_tail(&r->rts_cons);
	}
	if (available != NULL)
		*available = used - n;
	return n;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_RTS_ELEM_PVT_H_ */
