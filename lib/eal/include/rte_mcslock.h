/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * MCS locks (Mellor-Crummey and Scott): a queue lock in which each waiter spins on its own node
 * instead of on the shared lock word, so waiting does not make the lock's cache line bounce
 * between cores. The lock is a pointer to the last node of the queue (NULL when free); every
 * caller brings a node of its own that must stay valid until it unlocks.
 */
#ifndef _RTE_MCSLOCK_H_
#define _RTE_MCSLOCK_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_pause.h>

/** A caller's place in the queue of an MCS lock. */
typedef struct rte_mcslock {
	struct rte_mcslock *next; /**< the waiter queued behind this one, NULL if none yet */
	int locked;               /**< 1 while this waiter must keep waiting */
} rte_mcslock_t;

/**
 * Take the lock: queue me behind the last waiter and wait until the one in front hands over.
 * @param msl the lock (pointer to the tail of its queue)
 * @param me the caller's node
 */
static inline void
rte_mcslock_lock(rte_mcslock_t **msl, rte_mcslock_t *me)
{
	rte_mcslock_t *prev;

	__atomic_store_n(&me->locked, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&me->next, NULL, __ATOMIC_RELAXED);
	/*
	 * Become the tail. Acquire: see the previous holder's critical section when the queue was
	 * empty; release: whoever queues behind me sees my node initialised.
	 */
	prev = __atomic_exchange_n(msl, me, __ATOMIC_ACQ_REL);
	if (likely(prev == NULL))
		return; /* the lock was free */
	/* Link behind the previous tail (release: it must see me->locked set before it clears). */
	__atomic_store_n(&prev->next, me, __ATOMIC_RELEASE);
	/* The previous holder clears my flag with a release store when it unlocks. */
	rte_wait_until_equal_32((volatile uint32_t *)(uintptr_t)&me->locked, 0, __ATOMIC_ACQUIRE);
}

/**
 * Release the lock to the next waiter, if any.
 * @param msl the lock
 * @param me the node the caller locked with
 */
static inline void
rte_mcslock_unlock(rte_mcslock_t **msl, rte_mcslock_t *me)
{
	rte_mcslock_t *next = __atomic_load_n(&me->next, __ATOMIC_ACQUIRE);

	if (likely(next == NULL)) {
		rte_mcslock_t *expected = me;

		/* Nobody linked behind me yet: if I am still the tail, the lock becomes free. */
		if (likely(__atomic_compare_exchange_n(msl, &expected, NULL, 0,
				__ATOMIC_RELEASE, __ATOMIC_RELAXED)))
			return;
		/* Somebody took the tail but has not linked itself yet: wait for it. */
		while ((next = __atomic_load_n(&me->next, __ATOMIC_ACQUIRE)) == NULL)
			rte_pause();
	}
	/* Hand over (release: the next holder sees this critical section). */
	__atomic_store_n(&next->locked, 0, __ATOMIC_RELEASE);
}

/**
 * Take the lock only if it is free.
 * @param msl the lock
 * @param me the caller's node
 * @return 1 if the lock was taken, 0 if not
 */
static inline int
rte_mcslock_trylock(rte_mcslock_t **msl, rte_mcslock_t *me)
{
	rte_mcslock_t *expected = NULL;

	__atomic_store_n(&me->next, NULL, __ATOMIC_RELAXED);
	return __atomic_compare_exchange_n(msl, &expected, me, 0,
		__ATOMIC_ACQ_REL, __ATOMIC_RELAXED) ? 1 : 0;
}

/**
 * Whether the lock is held.
 * @param msl the lock's tail pointer (its value, not its address)
 * @return 1 if held, 0 if free
 */
static inline int
rte_mcslock_is_locked(rte_mcslock_t *msl)
{
	return __atomic_load_n(&msl, __ATOMIC_RELAXED) != NULL;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MCSLOCK_H_ */
