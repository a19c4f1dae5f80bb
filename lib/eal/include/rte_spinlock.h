/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Test-and-test-and-set spinlock and its recursive variant.
 */
#ifndef _RTE_SPINLOCK_H_
#define _RTE_SPINLOCK_H_

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_pause.h>

/** A spinlock: one int, 0 when free. */
typedef struct {
	volatile int locked; /**< 0 free, 1 taken */
} rte_spinlock_t;

#define RTE_SPINLOCK_INITIALIZER { 0 } /**< Static initialiser of a free rte_spinlock_t. */

/** Initialise sl as free. */
static inline void rte_spinlock_init(rte_spinlock_t *sl)
{
	sl->locked = 0;
}

/** Take sl, spinning (with rte_pause) until it is free. Not recursive. */
static inline void rte_spinlock_lock(rte_spinlock_t *sl)
{
	int exp = 0;

	while (!__atomic_compare_exchange_n(&sl->locked, &exp, 1, 0,
			__ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		while (__atomic_load_n(&sl->locked, __ATOMIC_RELAXED))
			rte_pause();
		exp = 0;
	}
}

/** Release sl (held by the caller); release ordering. */
static inline void rte_spinlock_unlock(rte_spinlock_t *sl)
{
	__atomic_store_n(&sl->locked, 0, __ATOMIC_RELEASE);
}

/** 1 if the lock was taken, 0 if it is held by someone else. */
static inline int rte_spinlock_trylock(rte_spinlock_t *sl)
{
	int exp = 0;

	return __atomic_compare_exchange_n(&sl->locked, &exp, 1, 0,
			__ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/** 1 if sl is held by anyone, 0 if it is free. */
static inline int rte_spinlock_is_locked(rte_spinlock_t *sl)
{
	return __atomic_load_n(&sl->locked, __ATOMIC_ACQUIRE);
}

/** A spinlock the owning thread may take several times; released after as many unlocks. */
typedef struct {
	rte_spinlock_t sl; /**< the underlying lock */
	volatile int user; /**< owner thread id, -1 when free */
	volatile int count; /**< times the owner has taken it */
} rte_spinlock_recursive_t;

/** Static initialiser of a free rte_spinlock_recursive_t. */
#define RTE_SPINLOCK_RECURSIVE_INITIALIZER { RTE_SPINLOCK_INITIALIZER, -1, 0 }

/** Initialise slr as free. */
static inline void rte_spinlock_recursive_init(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_init(&slr->sl);
	slr->user = -1;
	slr->count = 0;
}

/** Take slr; a thread that already holds it only increments the count. */
static inline void rte_spinlock_recursive_lock(rte_spinlock_recursive_t *slr)
{
	int id = rte_gettid();

	if (slr->user != id) {
		rte_spinlock_lock(&slr->sl);
		slr->user = id;
	}
	slr->count++;
}

/** Undo one lock by the owner; the last one releases slr. */
static inline void rte_spinlock_recursive_unlock(rte_spinlock_recursive_t *slr)
{
	if (--(slr->count) == 0) {
		slr->user = -1;
		rte_spinlock_unlock(&slr->sl);
	}
}

/** Take slr without waiting: 1 if taken (or already held by the caller), 0 if not. */
static inline int rte_spinlock_recursive_trylock(rte_spinlock_recursive_t *slr)
{
	int id = rte_gettid();

	if (slr->user != id) {
		if (rte_spinlock_trylock(&slr->sl) == 0)
			return 0;
		slr->user = id;
	}
	slr->count++;
	return 1;
}

/**
 * 1 when the CPU has restricted transactional memory (RTM), set by EAL when it is loaded.
 * The *_tm lock functions do not use it here (see rte_tm_supported).
 */
extern uint8_t rte_rtm_supported;

/**
 * Whether the *_tm lock functions elide locks with hardware transactions. This tree never
 * elides: they take the lock like their plain counterparts, which is always correct.
 * @return 0
 */
static inline int rte_tm_supported(void)
{
	return 0;
}

/**
 * Take sl for a critical section that could run as a hardware transaction; here, the same as
 * rte_spinlock_lock.
 * @param sl the lock
 */
static inline void rte_spinlock_lock_tm(rte_spinlock_t *sl)
{
	rte_spinlock_lock(sl);
}

/**
 * Leave a critical section entered with rte_spinlock_lock_tm or rte_spinlock_trylock_tm.
 * @param sl the lock
 */
static inline void rte_spinlock_unlock_tm(rte_spinlock_t *sl)
{
	rte_spinlock_unlock(sl);
}

/**
 * rte_spinlock_trylock for a critical section that could run as a hardware transaction.
 * @param sl the lock
 * @return 1 if taken, 0 if not
 */
static inline int rte_spinlock_trylock_tm(rte_spinlock_t *sl)
{
	return rte_spinlock_trylock(sl);
}

/**
 * rte_spinlock_recursive_lock for a critical section that could run as a transaction.
 * @param slr the lock
 */
static inline void rte_spinlock_recursive_lock_tm(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_recursive_lock(slr);
}

/**
 * Leave a critical section entered with rte_spinlock_recursive_lock_tm or _trylock_tm.
 * @param slr the lock
 */
static inline void rte_spinlock_recursive_unlock_tm(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_recursive_unlock(slr);
}

/**
 * rte_spinlock_recursive_trylock for a critical section that could run as a transaction.
 * @param slr the lock
 * @return 1 if the caller holds it now, 0 if not
 */
static inline int rte_spinlock_recursive_trylock_tm(rte_spinlock_recursive_t *slr)
{
	return rte_spinlock_recursive_trylock(slr);
}

#endif /* _RTE_SPINLOCK_H_ */
