/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Head/tail sync (HTS) mode of a ring side: the algorithm behind rte_ring_hts.h and the HTS
 * case of the peek API. Not for direct use; include rte_ring.h.
 *
 * An HTS side lets one operation at a time be in flight: head and tail share one 64-bit word,
 * and a thread may move the head (compare-and-swap of the whole word) only while it equals
 * the tail. The thread then copies and finally stores head = tail = the end of its
 * reservation, with release order, which lets the next thread of the side in. Threads thus
 * never wait for one another to publish out of order, and between the reservation and the
 * publication the side is in a well-defined state that the peek API can use: the reserved
 * entries are known (head - tail) and nobody else touches them.
 *
 * The other side's tail is read at the offset every layout shares (struct rte_ring_headtail's
 * tail), whatever mode that side uses.
 */
#ifndef _RTE_RING_HTS_ELEM_PVT_H_
#define _RTE_RING_HTS_ELEM_PVT_H_

#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Wait until no operation of HTS side d is in flight; returns its head/tail word then. */
static __rte_always_inline union __rte_ring_hts_pos
__rte_ring_hts_wait_idle(struct rte_ring_hts_headtail *d)
{
	union __rte_ring_hts_pos p;

	p.raw = __atomic_load_n(&d->ht.raw, __ATOMIC_ACQUIRE);
	while (p.pos.head != p.pos.tail) {
		rte_pause();
		p.raw = __atomic_load_n(&d->ht.raw, __ATOMIC_ACQUIRE);
	}
	return p;
}

/*
 * Reserve up to n entries on HTS side d, limited by the other side's tail plus offset
 * (capacity for producers, 0 for consumers). Returns how many were reserved (0 or n when
 * behavior is FIXED); old_head and avail describe the reservation. When nothing is reserved
 * the side is left untouched.
 */
static __rte_always_inline uint32_t
__rte_ring_hts_move_head(struct rte_ring_hts_headtail *d, const struct rte_ring_headtail *o,
		uint32_t offset, uint32_t n, enum rte_ring_queue_behavior behavior,
		uint32_t *old_head, uint32_t *avail)
{
	union __rte_ring_hts_pos cur, next;
	uint32_t room, want = n;

	cur = __rte_ring_hts_wait_idle(d);
	for (;;) {
		n = want;
		/* Acquire: the slot contents (or completed reads) the tail stands for. */
		room = offset + __atomic_load_n(&o->tail, __ATOMIC_ACQUIRE) - cur.pos.head;
		if (unlikely(n > room))
			n = (behavior == RTE_RING_QUEUE_FIXED) ? 0 : room;
		if (n == 0)
			break;
		next.pos.head = cur.pos.head + n;
		next.pos.tail = cur.pos.tail;
		if (likely(__atomic_compare_exchange_n(&d->ht.raw, &cur.raw, next.raw, 1,
				__ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)))
			break;
		/* Another thread got in first: wait for it to finish, then try again. */
		cur = __rte_ring_hts_wait_idle(d);
	}
	*old_head = cur.pos.head;
	*avail = room;
	return n;
}

/* Publish the first n entries reserved at tail on HTS side d (n may be below the count
 * reserved: the rest of the reservation is given back). */
static __rte_always_inline void
__rte_ring_hts_update_tail(struct rte_ring_hts_headtail *d, uint32_t tail, uint32_t n)
{
	union __rte_ring_hts_pos p;

	p.pos.head = tail + n;
	p.pos.tail = tail + n;
	__atomic_store_n(&d->ht.raw, p.raw, __ATOMIC_RELEASE);
}

static __rte_always_inline unsigned int
__rte_ring_do_hts_enqueue_elem(struct rte_ring *r, const void *obj_table, uint32_t esize,
		uint32_t n, enum rte_ring_queue_behavior behavior, unsigned int *free_space)
{
	uint32_t head, room;

	n = __rte_ring_hts_move_head(&r->hts_prod, &r->cons, r->capacity, n, behavior, &head,
			&room);
	if (likely(n != 0)) {
		__rte_ring_copy_in(r, head, obj_table, esize, n);
		__rte_ring_hts_update_tail(&r->hts_prod, head, n);
	}
	if (free_space != NULL)
		*free_space = room - n;
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_hts_dequeue_elem(struct rte_ring *r, void *obj_table, uint32_t esize,
		uint32_t n, enum rte_ring_queue_behavior behavior, unsigned int *available)
{
	uint32_t head, used;

	n = __rte_ring_hts_move_head(&r->hts_cons, &r->prod, 0, n, behavior, &head, &used);
	if (likely(n != 0)) {
		__rte_ring_copy_out(r, head, obj_table, esize, n);
		__rte_ring_hts_update_tail(&r->hts_cons, head, n);
	}
	if (available != NULL)
		*available = used - n;
	return n;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_HTS_ELEM_PVT_H_ */
