/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Zero-copy API, included by rte_ring.h (include that): like the peek API (rte_ring_peek.h),
 * but instead of copying, the start call hands out the addresses of the reserved slots, so the
 * caller reads or writes the objects in place, then calls the finish function.
 *
 * The reserved slots may cross the end of the slot array: struct rte_ring_zc_data then gives
 * two pieces, n1 slots at ptr1 and the rest at ptr2 (the start of the array). The same rules
 * as the peek API apply: the side must be in single-thread or HTS mode (on an MT or RTS side
 * start reserves nothing), and finish(n) with n up to the count reserved publishes (or
 * releases) the first n and gives back the rest. Call finish only after a start that returned
 * non-zero.
 *
 * @code
 * struct rte_ring_zc_data zcd;
 * n = rte_ring_enqueue_zc_burst_start(r, 32, &zcd, NULL);
 * fill((void **)zcd.ptr1, zcd.n1);
 * if (n > zcd.n1)
 *         fill((void **)zcd.ptr2, n - zcd.n1);
 * rte_ring_enqueue_zc_finish(r, n);
 * @endcode
 */
#ifndef _RTE_RING_PEEK_ZC_H_
#define _RTE_RING_PEEK_ZC_H_

#include <rte_ring_peek_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Where the slots of a zero-copy reservation are. */
struct rte_ring_zc_data {
	void *ptr1; /**< first reserved slot */
	/** start of the slot array when the reservation wraps past its end, else NULL */
	void *ptr2;
	unsigned int n1; /**< slots at ptr1; the rest of the reservation is at ptr2 */
} __rte_cache_aligned;

/* Fill zcd for n (at least 1) slots of esize bytes starting at index head. */
static __rte_always_inline void
__rte_ring_zc_fill(struct rte_ring *r, uint32_t head, uint32_t esize, uint32_t n,
		struct rte_ring_zc_data *zcd)
{
	char *slots = (char *)&r[1];
	uint32_t idx = head & r->mask;

	zcd->ptr1 = slots + (size_t)idx * esize;
	if (likely(idx + n <= r->size)) {
		zcd->n1 = n;
		zcd->ptr2 = NULL;
	} else {
		zcd->n1 = r->size - idx;
		zcd->ptr2 = slots;
	}
}

static __rte_always_inline unsigned int
__rte_ring_do_enqueue_zc_elem_start(struct rte_ring *r, unsigned int esize, uint32_t n,
		enum rte_ring_queue_behavior behavior, struct rte_ring_zc_data *zcd,
		unsigned int *free_space)
{
	uint32_t head, room;

	n = __rte_ring_peek_move_head(r, &r->prod, &r->cons, r->capacity, n, behavior,
			free_space != NULL, &head, &room);
	if (likely(n != 0))
		__rte_ring_zc_fill(r, head, esize, n, zcd);
	if (free_space != NULL)
		*free_space = room - n;
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_dequeue_zc_elem_start(struct rte_ring *r, unsigned int esize, uint32_t n,
		enum rte_ring_queue_behavior behavior, struct rte_ring_zc_data *zcd,
		unsigned int *available)
{
	uint32_t head, used;

	n = __rte_ring_peek_move_head(r, &r->cons, &r->prod, 0, n, behavior,
			available != NULL, &head, &used);
	if (likely(n != 0))
		__rte_ring_zc_fill(r, head, esize, n, zcd);
	if (available != NULL)
		*available = used - n;
	return n;
}

/**
 * Reserve n slots, all or none to write in place.
 *
 * @param r
 *   The ring; its producer side must be in single-thread or HTS mode.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of slots wanted.
 * @param zcd
 *   Receives where the reserved slots are (left as it was when none are reserved).
 * @param free_space
 *   If not NULL, receives the free entries left after the reservation.
 * @return
 *   N or 0.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_bulk_elem_start(struct rte_ring *r, unsigned int esize, unsigned int n,
		struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_zc_elem_start(r, esize, n, RTE_RING_QUEUE_FIXED, zcd,
			free_space);
}

/**
 * Reserve n slots, all or none to write in place, for a pointer ring.
 *
 * @param r
 *   The ring; its producer side must be in single-thread or HTS mode.
 * @param n
 *   Number of slots wanted.
 * @param zcd
 *   Receives where the reserved slots are (left as it was when none are reserved).
 * @param free_space
 *   If not NULL, receives the free entries left after the reservation.
 * @return
 *   N or 0.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_bulk_start(struct rte_ring *r, unsigned int n, struct rte_ring_zc_data *zcd,
		unsigned int *free_space)
{
	return rte_ring_enqueue_zc_bulk_elem_start(r, sizeof(uintptr_t), n, zcd, free_space);
}

/**
 * Reserve up to n slots to write in place.
 *
 * @param r
 *   The ring; its producer side must be in single-thread or HTS mode.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of slots wanted.
 * @param zcd
 *   Receives where the reserved slots are (left as it was when none are reserved).
 * @param free_space
 *   If not NULL, receives the free entries left after the reservation.
 * @return
 *   The number reserved, 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_burst_elem_start(struct rte_ring *r, unsigned int esize, unsigned int n,
		struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_zc_elem_start(r, esize, n, RTE_RING_QUEUE_VARIABLE, zcd,
			free_space);
}

/**
 * Reserve up to n slots to write in place, for a pointer ring.
 *
 * @param r
 *   The ring; its producer side must be in single-thread or HTS mode.
 * @param n
 *   Number of slots wanted.
 * @param zcd
 *   Receives where the reserved slots are (left as it was when none are reserved).
 * @param free_space
 *   If not NULL, receives the free entries left after the reservation.
 * @return
 *   The number reserved, 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_burst_start(struct rte_ring *r, unsigned int n, struct rte_ring_zc_data *zcd,
		unsigned int *free_space)
{
	return rte_ring_enqueue_zc_burst_elem_start(r, sizeof(uintptr_t), n, zcd, free_space);
}

/**
 * Publish the first n slots of the zero-copy reservation, written by the caller; the
 * rest of it is given back. An n above the count reserved publishes nothing.
 *
 * @param r
 *   The ring.
 * @param n
 *   Number of slots, at most the count reserved.
 */
static __rte_always_inline void
rte_ring_enqueue_zc_elem_finish(struct rte_ring *r, unsigned int n)
{
	uint32_t tail;

	n = __rte_ring_peek_get_tail(&r->prod, n, &tail);
	__rte_ring_peek_set_tail(&r->prod, tail, n);
}

/**
 * Publish the first n slots of the zero-copy reservation, written by the caller; the
 * rest of it is given back. An n above the count reserved publishes nothing.
 *
 * @param r
 *   The ring.
 * @param n
 *   Number of slots, at most the count reserved.
 */
static __rte_always_inline void
rte_ring_enqueue_zc_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_enqueue_zc_elem_finish(r, n);
}

/**
 * Reserve n slots, all or none holding the entries to read in place.
 *
 * @param r
 *   The ring; its consumer side must be in single-thread or HTS mode.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of slots wanted.
 * @param zcd
 *   Receives where the reserved slots are (left as it was when none are reserved).
 * @param available
 *   If not NULL, receives the entries left beyond the reservation.
 * @return
 *   N or 0.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_bulk_elem_start(struct rte_ring *r, unsigned int esize, unsigned int n,
		struct rte_ring_zc_data *zcd, unsigned int *available)
{
	return __rte_ring_do_dequeue_zc_elem_start(r, esize, n, RTE_RING_QUEUE_FIXED, zcd,
			available);
}

/**
 * Reserve n slots, all or none holding the entries to read in place, for a pointer ring.
 *
 * @param r
 *   The ring; its consumer side must be in single-thread or HTS mode.
 * @param n
 *   Number of slots wanted.
 * @param zcd
 *   Receives where the reserved slots are (left as it was when none are reserved).
 * @param available
 *   If not NULL, receives the entries left beyond the reservation.
 * @return
 *   N or 0.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_bulk_start(struct rte_ring *r, unsigned int n, struct rte_ring_zc_data *zcd,
		unsigned int *available)
{
	return rte_ring_dequeue_zc_bulk_elem_start(r, sizeof(uintptr_t), n, zcd, available);
}

/**
 * Reserve up to n slots holding the entries to read in place.
 *
 * @param r
 *   The ring; its consumer side must be in single-thread or HTS mode.
 * @param esize
 *   Element size in bytes, a multiple of 4, as given at creation.
 * @param n
 *   Number of slots wanted.
 * @param zcd
 *   Receives where the reserved slots are (left as it was when none are reserved).
 * @param available
 *   If not NULL, receives the entries left beyond the reservation.
 * @return
 *   The number reserved, 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_burst_elem_start(struct rte_ring *r, unsigned int esize, unsigned int n,
		struct rte_ring_zc_data *zcd, unsigned int *available)
{
	return __rte_ring_do_dequeue_zc_elem_start(r, esize, n, RTE_RING_QUEUE_VARIABLE, zcd,
			available);
}

/**
 * Reserve up to n slots holding the entries to read in place, for a pointer ring.
 *
 * @param r
 *   The ring; its consumer side must be in single-thread or HTS mode.
 * @param n
 *   Number of slots wanted.
 * @param zcd
 *   Receives where the reserved slots are (left as it was when none are reserved).
 * @param available
 *   If not NULL, receives the entries left beyond the reservation.
 * @return
 *   The number reserved, 0 to n.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_burst_start(struct rte_ring *r, unsigned int n, struct rte_ring_zc_data *zcd,
		unsigned int *available)
{
	return rte_ring_dequeue_zc_burst_elem_start(r, sizeof(uintptr_t), n, zcd, available);
}

/**
 * Release the first n slots of the zero-copy reservation, read by the caller; the
 * entries in the rest of it stay in the ring. An n above the count reserved releases
 * nothing.
 *
 * @param r
 *   The ring.
 * @param n
 *   Number of slots, at most the count reserved.
 */
static __rte_always_inline void
rte_ring_dequeue_zc_elem_finish(struct rte_ring *r, unsigned int n)
{
	uint32_t tail;

	n = __rte_ring_peek_get_tail(&r->cons, n, &tail);
	__rte_ring_peek_set_tail(&r->cons, tail, n);
}

/**
 * Release the first n slots of the zero-copy reservation, read by the caller; the
 * entries in the rest of it stay in the ring. An n above the count reserved releases
 * nothing.
 *
 * @param r
 *   The ring.
 * @param n
 *   Number of slots, at most the count reserved.
 */
static __rte_always_inline void
rte_ring_dequeue_zc_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_dequeue_zc_elem_finish(r, n);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_PEEK_ZC_H_ */
