/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Ticket locks: a spinlock that serves waiters in the order they arrived. Taking the lock draws
 * the next ticket; the holder of the ticket equal to "current" owns the lock, and unlocking
 * calls the next ticket.
 */
#ifndef _RTE_TICKETLOCK_H_
#define _RTE_TICKETLOCK_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_pause.h>

/** A ticket lock: the ticket being served and the next ticket to hand out. */
typedef union {
	uint32_t tickets; /**< both counters, for atomic reads of the whole lock */
	struct {
		uint16_t current; /**< ticket that owns the lock */
		uint16_t next;    /**< ticket the next caller of lock draws */
	} s;                      /**< the two counters */
} rte_ticketlock_t;

/** Static initialiser of an unlocked ticket lock. */
#define RTE_TICKETLOCK_INITIALIZER { 0 }

/**
 * Make a ticket lock unlocked.
 * @param tl the lock
 */
static inline void
rte_ticketlock_init(rte_ticketlock_t *tl)
{
	__atomic_store_n(&tl->tickets, 0, __ATOMIC_RELAXED);
}

/**
 * Take the lock, waiting for the callers that came first.
 * @param tl the lock
 */
static inline void
rte_ticketlock_lock(rte_ticketlock_t *tl)
{
	uint16_t ticket = __atomic_fetch_add(&tl->s.next, 1, __ATOMIC_RELAXED);

	rte_wait_until_equal_16(&tl->s.current, ticket, __ATOMIC_ACQUIRE);
}

/**
 * Release the lock to the next waiter.
 * @param tl the lock, held by the caller
 */
static inline void
rte_ticketlock_unlock(rte_ticketlock_t *tl)
{
	uint16_t served = __atomic_load_n(&tl->s.current, __ATOMIC_RELAXED);

	__atomic_store_n(&tl->s.current, (uint16_t)(served + 1), __ATOMIC_RELEASE);
}

/**
 * Take the lock only if nobody holds it or waits for it.
 * @param tl the lock
 * @return 1 if the lock was taken, 0 if not
 */
static inline int
rte_ticketlock_trylock(rte_ticketlock_t *tl)
{
	rte_ticketlock_t seen, want;

	seen.tickets = __atomic_load_n(&tl->tickets, __ATOMIC_RELAXED);
	if (seen.s.current != seen.s.next)
		return 0;
	want = seen;
	want.s.next++;
	return __atomic_compare_exchange_n(&tl->tickets, &seen.tickets, want.tickets, 0,
		__ATOMIC_ACQUIRE, __ATOMIC_RELAXED) ? 1 : 0;
}

/**
 * Whether somebody holds the lock.
 * @param tl the lock
 * @return 1 if held, 0 if free
 */
static inline int
rte_ticketlock_is_locked(rte_ticketlock_t *tl)
{
	rte_ticketlock_t seen;

	seen.tickets = __atomic_load_n(&tl->tickets, __ATOMIC_ACQUIRE);
	return seen.s.current != seen.s.next;
}

/** A ticket lock that its holder may take again (counted). */
typedef struct {
	rte_ticketlock_t tl; /**< the lock */
	int user;            /**< thread id of the holder, -1 if none */
	unsigned int count;  /**< times the holder has taken it */
} rte_ticketlock_recursive_t;

/** Static initialiser of an unlocked recursive ticket lock. */
#define RTE_TICKETLOCK_RECURSIVE_INITIALIZER \
	{ RTE_TICKETLOCK_INITIALIZER, -1, 0 }

/**
 * Make a recursive ticket lock unlocked.
 * @param tlr the lock
 */
static inline void
rte_ticketlock_recursive_init(rte_ticketlock_recursive_t *tlr)
{
	rte_ticketlock_init(&tlr->tl);
	__atomic_store_n(&tlr->user, -1, __ATOMIC_RELAXED);
	tlr->count = 0;
}

/**
 * Take the lock, or count one more hold when the calling thread has it already.
 * @param tlr the lock
 */
static inline void
rte_ticketlock_recursive_lock(rte_ticketlock_recursive_t *tlr)
{
	int me = rte_gettid();

	if (__atomic_load_n(&tlr->user, __ATOMIC_RELAXED) != me) {
		rte_ticketlock_lock(&tlr->tl);
		__atomic_store_n(&tlr->user, me, __ATOMIC_RELAXED);
	}
	tlr->count++;
}

/**
 * Drop one hold; the last one releases the lock.
 * @param tlr the lock, held by the caller
 */
static inline void
rte_ticketlock_recursive_unlock(rte_ticketlock_recursive_t *tlr)
{
	if (--tlr->count != 0)
		return;
	__atomic_store_n(&tlr->user, -1, __ATOMIC_RELAXED);
	rte_ticketlock_unlock(&tlr->tl);
}

/**
 * Take the lock if it is free or already the caller's.
 * @param tlr the lock
 * @return 1 if the caller now holds it, 0 if not
 */
static inline int
rte_ticketlock_recursive_trylock(rte_ticketlock_recursive_t *tlr)
{
	int me = rte_gettid();

	if (__atomic_load_n(&tlr->user, __ATOMIC_RELAXED) != me) {
		if (!rte_ticketlock_trylock(&tlr->tl))
			return 0;
		__atomic_store_n(&tlr->user, me, __ATOMIC_RELAXED);
	}
	tlr->count++;
	return 1;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TICKETLOCK_H_ */
