/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * What the peek (rte_ring_peek.h) and zero-copy (rte_ring_peek_zc.h) APIs share: opening a
 * reservation, and closing it for the first n of its entries. Not for direct use; include
 * rte_ring.h.
 *
 * Only a side that admits one operation at a time can leave a reservation open between two
 * calls: a single-thread (ST) side, or an HTS side. The reservation is what lies between the
 * side's head and its tail. Closing it stores head = tail = tail + n, which also gives back
 * the entries reserved beyond n. On an MT or RTS side these functions move nothing.
 */
#ifndef _RTE_RING_PEEK_ELEM_PVT_H_
#define _RTE_RING_PEEK_ELEM_PVT_H_

#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>
#include <rte_ring_hts_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Open a reservation of up to n entries on side d (producer when o is the consumer side and
 * offset the capacity, consumer when offset is 0). Returns how many were reserved, their
 * first index in *head and the room there was in *avail.
 */
static __rte_always_inline uint32_t
__rte_ring_peek_move_head(struct rte_ring *r, struct rte_ring_headtail *d,
		const struct rte_ring_headtail *o, uint32_t offset, uint32_t n,
		enum rte_ring_queue_behavior behavior, unsigned int exact, uint32_t *head,
		uint32_t *avail)
{
	switch (d->sync_type) {
	case RTE_RING_SYNC_ST:
		return __rte_ring_move_head(d, o, offset, r->capacity, 1, n, behavior, exact, head,
				avail);
	case RTE_RING_SYNC_MT_HTS:
		return __rte_ring_hts_move_head((struct rte_ring_hts_headtail *)d, o, offset, n,
				behavior, head, avail);
	case RTE_RING_SYNC_MT:
	case RTE_RING_SYNC_MT_RTS:
	default:
		/* Such a side cannot hold a reservation open: nothing is reserved. */
		*head = 0;
		*avail = 0;
		return 0;
	}
}

/*
 * Close the reservation open on side d for its first n entries (all of them when n is what
 * was reserved, none when n is more than that); returns the count closed and its first index
 * in *tail.
 */
static __rte_always_inline uint32_t
__rte_ring_peek_get_tail(struct rte_ring_headtail *d, uint32_t n, uint32_t *tail)
{
	union __rte_ring_hts_pos p;
	uint32_t reserved;

	switch (d->sync_type) {
	case RTE_RING_SYNC_ST:
		p.pos.head = d->head;
		p.pos.tail = d->tail;
		break;
	case RTE_RING_SYNC_MT_HTS:
		p.raw = __atomic_load_n(&((struct rte_ring_hts_headtail *)d)->ht.raw,
				__ATOMIC_RELAXED);
		break;
	default:
		*tail = 0;
		return 0;
	}
	reserved = p.pos.head - p.pos.tail;
	*tail = p.pos.tail;
	return n <= reserved ? n : 0;
}

/* Second half of closing: publish (or release) [tail, tail + n) and end the reservation. */
static __rte_always_inline void
__rte_ring_peek_set_tail(struct rte_ring_headtail *d, uint32_t tail, uint32_t n)
{
	switch (d->sync_type) {
	case RTE_RING_SYNC_ST:
		d->head = tail + n;
		__atomic_store_n(&d->tail, tail + n, __ATOMIC_RELEASE);
		break;
	case RTE_RING_SYNC_MT_HTS:
		__rte_ring_hts_update_tail((struct rte_ring_hts_headtail *)d, tail, n);
		break;
	default:
		break;
	}
}

static __rte_always_inline unsigned int
__rte_ring_do_enqueue_start(struct rte_ring *r, uint32_t n,
		enum rte_ring_queue_behavior behavior, unsigned int *free_space)
{
	uint32_t head, room;

	n = __rte_ring_peek_move_head(r, &r->prod, &r->cons, r->capacity, n, behavior,
			free_space != NULL, &head, &room);
	if (free_space != NULL)
		*free_space = room - n;
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_dequeue_start(struct rte_ring *r, void *obj_table, uint32_t esize, uint32_t n,
		enum rte_ring_queue_behavior behavior, unsigned int *available)
{
	uint32_t head, used;

	n = __rte_ring_peek_move_head(r, &r->cons, &r->prod, 0, n, behavior,
			available != NULL, &head, &used);
	if (n != 0)
		__rte_ring_copy_out(r, head, obj_table, esize, n);
	if (available != NULL)
		*available = used - n;
	return n;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_PEEK_ELEM_PVT_H_ */
