/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * The lock-free ring algorithm, shared by every enqueue/dequeue flavour. Not for direct use.
 *
 * A producer reserves [head, head + n) by moving prod.head (CAS when several producers may
 * race, a plain store otherwise), copies its objects into those slots, then publishes them by
 * moving prod.tail - in reservation order, so it first waits for earlier producers to publish.
 * Consumers mirror this on cons.head/cons.tail. Indexes are free-running 32-bit counters;
 * differences are taken modulo 2^32 and the slot is index & mask.
 *
 * Memory orders, the weakest that are correct under the C11 model:
 *  - reading the other side's tail is an acquire: a consumer must see the slot contents the
 *    producer wrote before publishing, and a producer must not overwrite slots before the
 *    consumer's reads of them are done;
 *  - publishing a tail is a release, pairing with the acquire above;
 *  - reading our own side's head is an acquire too, so that the other side's tail is never
 *    read older than the head (a stale tail with a newer head would make the free/used count
 *    wrap); on x86 these acquires are plain loads;
 *  - waiting for earlier threads of our side to publish is an acquire, so their slot writes
 *    are ordered before our release (making the publication chain transitive).
 *
 * Each side keeps, in its own cache line, the other side's tail as it last read it
 * (peer_tail). Tails only move forward, so the copy is a lower bound: room computed from it is
 * never more than the real room, and the other side's line - written by another core on every
 * operation - is read only when the copy does not give enough. Between threads of one side the
 * copy is stored with release and read with acquire, so that a thread using a copy another
 * thread loaded inherits that thread's acquire of the tail. A caller asking for the free or
 * available count after the operation always gets it from the real tail.
 */
#ifndef _RTE_RING_ELEM_PVT_H_
#define _RTE_RING_ELEM_PVT_H_

#include <rte_ring_core.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The copies move 16 bytes (32 with AVX) at a time through GCC/clang vector types: unaligned,
 * allowed to alias whatever the caller stores (pointers, integers, structs), and compiled the
 * same way at -O2 as at -O3, where a plain element loop would be copied one element at a time
 * unless the auto-vectoriser is on.
 */
typedef uint32_t __rte_ring_v4_t __attribute__((__may_alias__, aligned(1)));
typedef uint64_t __rte_ring_v8_t __attribute__((__may_alias__, aligned(1)));
typedef uint64_t __rte_ring_v16_t __attribute__((vector_size(16), __may_alias__, aligned(1)));
#ifdef __AVX__
typedef uint64_t __rte_ring_v32_t __attribute__((vector_size(32), __may_alias__, aligned(1)));
#endif

/*
 * Copy len bytes (a multiple of 4) between the caller's table and the slots, which never
 * overlap. With esize and n known at the call site this folds to straight moves; a lone
 * element, the most common burst, costs a single load and store.
 */
static __rte_always_inline void
__rte_ring_copy_bytes(void *dst, const void *src, size_t len)
{
	char *d = (char *)dst;
	const char *s = (const char *)src;

	if (len == 8) {
		*(__rte_ring_v8_t *)d = *(const __rte_ring_v8_t *)s;
		return;
	}
	for (; len >= 32; len -= 32, d += 32, s += 32) {
#ifdef __AVX__
		*(__rte_ring_v32_t *)d = *(const __rte_ring_v32_t *)s;
#else
		__rte_ring_v16_t lo = *(const __rte_ring_v16_t *)s;
		__rte_ring_v16_t hi = *(const __rte_ring_v16_t *)(s + 16);

		*(__rte_ring_v16_t *)d = lo;
		*(__rte_ring_v16_t *)(d + 16) = hi;
#endif
	}
	if (len & 16) {
		*(__rte_ring_v16_t *)d = *(const __rte_ring_v16_t *)s;
		d += 16;
		s += 16;
	}
	if (len & 8) {
		*(__rte_ring_v8_t *)d = *(const __rte_ring_v8_t *)s;
		d += 8;
		s += 8;
	}
	if (len & 4)
		*(__rte_ring_v4_t *)d = *(const __rte_ring_v4_t *)s;
}

/*
 * A copy that crosses the end of the slot array: rare, so it is kept small - one element per
 * step, 4 bytes at a time, slot index wrapped each time - rather than two more vector copies,
 * whose code and registers would weigh on the fast path it is inlined into.
 */
static __rte_always_inline void
__rte_ring_copy_wrapped(char *slots, uint32_t mask, uint32_t idx, char *obj, uint32_t esize,
		uint32_t n, int in)
{
	uint32_t i, j;

	for (i = 0; i < n; i++, obj += esize) {
		char *slot = slots + (size_t)((idx + i) & mask) * esize;
		char *to = in ? slot : obj;
		const char *from = in ? obj : slot;

		for (j = 0; j < esize; j += 4)
			*(__rte_ring_v4_t *)(to + j) = *(const __rte_ring_v4_t *)(from + j);
	}
}

/*
 * Whether n elements from slot idx stay before the end of the slot array. A lone element
 * always does; saying so when n is known to be 1 at the call site drops a load and a branch
 * from the single-object calls, which the compiler does not see through idx = head & mask.
 */
static __rte_always_inline int
__rte_ring_no_wrap(const struct rte_ring *r, uint32_t idx, uint32_t n)
{
	return (__builtin_constant_p(n) && n == 1) || likely(n <= r->size - idx);
}

/* Copy n elements of esize bytes from obj into the slots starting at index head. */
static __rte_always_inline void
__rte_ring_copy_in(struct rte_ring *r, uint32_t head, const void *obj, uint32_t esize,
		uint32_t n)
{
	char *slots = (char *)&r[1];
	uint32_t idx = head & r->mask;

	if (__rte_ring_no_wrap(r, idx, n))
		__rte_ring_copy_bytes(slots + (size_t)idx * esize, obj, (size_t)n * esize);
	else
		__rte_ring_copy_wrapped(slots, r->mask, idx, (char *)(uintptr_t)obj, esize, n, 1);
}

/* Copy n elements out of the slots starting at index head into obj. */
static __rte_always_inline void
__rte_ring_copy_out(const struct rte_ring *r, uint32_t head, void *obj, uint32_t esize,
		uint32_t n)
{
	char *slots = (char *)(uintptr_t)&r[1];
	uint32_t idx = head & r->mask;

	if (__rte_ring_no_wrap(r, idx, n))
		__rte_ring_copy_bytes(obj, slots + (size_t)idx * esize, (size_t)n * esize);
	else
		__rte_ring_copy_wrapped(slots, r->mask, idx, (char *)obj, esize, n, 0);
}

/*
 * Reserve up to n entries on side d, limited by the other side's tail o plus offset
 * (capacity for producers, 0 for consumers); limit is the ring's capacity. Returns how many
 * were reserved (0 or n when behavior is FIXED); old_head and avail describe the reservation.
 * With exact, avail comes from the other side's current tail, not from the cached copy.
 */
static __rte_always_inline uint32_t
__rte_ring_move_head(struct rte_ring_headtail *d, const struct rte_ring_headtail *o,
		uint32_t offset, uint32_t limit, unsigned int is_st, uint32_t n,
		enum rte_ring_queue_behavior behavior, unsigned int exact, uint32_t *old_head,
		uint32_t *avail)
{
	uint32_t head, next, room, peer;

	head = __atomic_load_n(&d->head, __ATOMIC_ACQUIRE);
	for (;;) {
		/*
		 * The copy suffices when it gives room for n. It may be older than a lap - stored
		 * by another thread of this side long ago, or never refreshed by code built before
		 * the copy existed that moved this side's head - and then the room wraps past limit.
		 * The refresh is laid out as the rare case: with the two sides on different lcores
		 * the copy usually suffices, and that is where a ring's cost matters.
		 */
		room = offset - head + (is_st ? __atomic_load_n(&d->peer_tail, __ATOMIC_RELAXED) :
				__atomic_load_n(&d->peer_tail, __ATOMIC_ACQUIRE));
		if (exact || unlikely((room < n) | (room > limit))) {
			peer = __atomic_load_n(&o->tail, __ATOMIC_ACQUIRE);
			if (is_st)
				__atomic_store_n(&d->peer_tail, peer, __ATOMIC_RELAXED);
			else
				__atomic_store_n(&d->peer_tail, peer, __ATOMIC_RELEASE);
			room = offset + peer - head;
			if (unlikely(n > room))
				n = (behavior == RTE_RING_QUEUE_FIXED) ? 0 : room;
		}
		*avail = room;
		if (unlikely(n == 0))
			break;
		next = head + n;
		if (is_st) {
			__atomic_store_n(&d->head, next, __ATOMIC_RELAXED);
			break;
		}
		/* On failure head is reloaded (acquire, see above) and the room recomputed. */
		if (likely(__atomic_compare_exchange_n(&d->head, &head, next, 1,
				__ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)))
			break;
	}
	*old_head = head;
	return n;
}

/* Publish [old_head, old_head + n) on side d, after every earlier reservation. */
static __rte_always_inline void
__rte_ring_update_tail(struct rte_ring_headtail *d, uint32_t old_head, uint32_t n,
		unsigned int is_st)
{
	if (!is_st)
		while (__atomic_load_n(&d->tail, __ATOMIC_ACQUIRE) != old_head)
			rte_pause();
	__atomic_store_n(&d->tail, old_head + n, __ATOMIC_RELEASE);
}

static __rte_always_inline unsigned int
__rte_ring_do_enqueue_elem(struct rte_ring *r, const void *obj_table, unsigned int esize,
		unsigned int n, enum rte_ring_queue_behavior behavior, unsigned int is_sp,
		unsigned int *free_space)
{
	uint32_t head, room;

	n = __rte_ring_move_head(&r->prod, &r->cons, r->capacity, r->capacity, is_sp, n,
			behavior, free_space != NULL, &head, &room);
	if (likely(n != 0)) {
		__rte_ring_copy_in(r, head, obj_table, esize, n);
		__rte_ring_update_tail(&r->prod, head, n, is_sp);
	}
	if (free_space != NULL)
		*free_space = room - n;
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_dequeue_elem(struct rte_ring *r, void *obj_table, unsigned int esize,
		unsigned int n, enum rte_ring_queue_behavior behavior, unsigned int is_sc,
		unsigned int *available)
{
	uint32_t head, used;

	n = __rte_ring_move_head(&r->cons, &r->prod, 0, r->capacity, is_sc, n, behavior,
			available != NULL, &head, &used);
	if (likely(n != 0)) {
		__rte_ring_copy_out(r, head, obj_table, esize, n);
		__rte_ring_update_tail(&r->cons, head, n, is_sc);
	}
	if (available != NULL)
		*available = used - n;
	return n;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_ELEM_PVT_H_ */
