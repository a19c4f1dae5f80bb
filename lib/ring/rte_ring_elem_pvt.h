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
 * Element types of the copies: they may alias whatever the caller stores (pointers, integers,
 * structs), and the caller's table needs no more alignment than 4 bytes.
 */
typedef uint32_t __rte_may_alias __rte_ring_u32_t;
typedef uint64_t __rte_may_alias __attribute__((aligned(4))) __rte_ring_u64_t;
typedef struct {
	uint64_t a, b;
} __rte_may_alias __attribute__((packed, aligned(4))) __rte_ring_u128_t;

/*
 * Copy cnt (at least 1) elements of type from src[sidx] to dst[didx]. A single element is the
 * common case and gets a straight path. Otherwise unrolled by four, the remainder done by a
 * switch: bursts are short, and anything more elaborate costs more than the copy itself.
 */
#define __RTE_RING_COPY(type, dst, didx, src, sidx, cnt) do { \
		type *_d = (type *)(dst) + (didx); \
		const type *_s = (const type *)(src) + (sidx); \
		uint32_t _i = 0, _n = (cnt); \
		if (likely(_n == 1)) { \
			_d[0] = _s[0]; \
			break; \
		} \
		for (; _i + 4 <= _n; _i += 4) { \
			_d[_i] = _s[_i]; \
			_d[_i + 1] = _s[_i + 1]; \
			_d[_i + 2] = _s[_i + 2]; \
			_d[_i + 3] = _s[_i + 3]; \
		} \
		switch (_n - _i) { \
		case 3: \
			_d[_i + 2] = _s[_i + 2]; /* fall through */ \
		case 2: \
			_d[_i + 1] = _s[_i + 1]; /* fall through */ \
		case 1: \
			_d[_i] = _s[_i]; /* fall through */ \
		default: \
			break; \
		} \
	} while (0)

/*
 * The copy crosses the end of the slot array: happens once per trip around the ring, so it is
 * kept out of line where its code cannot weigh on the register use of the fast path.
 */
static __rte_noinline void
__rte_ring_copy_in_wrap(struct rte_ring *r, uint32_t idx, const void *obj, uint32_t esize,
		uint32_t n)
{
	char *slots = (char *)&r[1];
	size_t first = (size_t)(r->size - idx) * esize;

	memcpy(slots + (size_t)idx * esize, obj, first);
	memcpy(slots, (const char *)obj + first, (size_t)n * esize - first);
}

static __rte_noinline void
__rte_ring_copy_out_wrap(const struct rte_ring *r, uint32_t idx, void *obj, uint32_t esize,
		uint32_t n)
{
	const char *slots = (const char *)&r[1];
	size_t first = (size_t)(r->size - idx) * esize;

	memcpy(obj, slots + (size_t)idx * esize, first);
	memcpy((char *)obj + first, slots, (size_t)n * esize - first);
}

/* Copy n elements of esize bytes from obj into the slots starting at index head. */
static __rte_always_inline void
__rte_ring_copy_in(struct rte_ring *r, uint32_t head, const void *obj, uint32_t esize,
		uint32_t n)
{
	void *slots = &r[1];
	uint32_t idx = head & r->mask;

	if (unlikely(idx + n > r->size)) {
		__rte_ring_copy_in_wrap(r, idx, obj, esize, n);
		return;
	}
	if (esize == 8)
		__RTE_RING_COPY(__rte_ring_u64_t, slots, idx, obj, 0, n);
	else if (esize == 16)
		__RTE_RING_COPY(__rte_ring_u128_t, slots, idx, obj, 0, n);
	else
		__RTE_RING_COPY(__rte_ring_u32_t, slots, idx * (esize / 4), obj, 0,
				n * (esize / 4));
}

/* Copy n elements out of the slots starting at index head into obj. */
static __rte_always_inline void
__rte_ring_copy_out(const struct rte_ring *r, uint32_t head, void *obj, uint32_t esize,
		uint32_t n)
{
	const void *slots = &r[1];
	uint32_t idx = head & r->mask;

	if (unlikely(idx + n > r->size)) {
		__rte_ring_copy_out_wrap(r, idx, obj, esize, n);
		return;
	}
	if (esize == 8)
		__RTE_RING_COPY(__rte_ring_u64_t, obj, 0, slots, idx, n);
	else if (esize == 16)
		__RTE_RING_COPY(__rte_ring_u128_t, obj, 0, slots, idx, n);
	else
		__RTE_RING_COPY(__rte_ring_u32_t, obj, 0, slots, idx * (esize / 4),
				n * (esize / 4));
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
		 */
		room = offset - head + (is_st ? __atomic_load_n(&d->peer_tail, __ATOMIC_RELAXED) :
				__atomic_load_n(&d->peer_tail, __ATOMIC_ACQUIRE));
		if (exact || ((room < n) | (room > limit))) {
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
