/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Reader-writer spinlock: many readers or one writer; a waiting writer holds off new readers.
 */
#ifndef _RTE_RWLOCK_H_
#define _RTE_RWLOCK_H_

#include <stdint.h>
#include <errno.h>
#include <rte_common.h>
#include <rte_pause.h>

#define RTE_RWLOCK_WAIT 0x1   /**< a writer is waiting */
#define RTE_RWLOCK_WRITE 0x2  /**< a writer holds the lock */
/** Writer bits of rte_rwlock_t.cnt. */
#define RTE_RWLOCK_MASK (RTE_RWLOCK_WAIT | RTE_RWLOCK_WRITE)
#define RTE_RWLOCK_READ 0x4   /**< each reader adds this */

/** A reader-writer lock: reader count times RTE_RWLOCK_READ plus the writer bits. */
typedef struct {
	int32_t cnt; /**< lock word */
} rte_rwlock_t;

#define RTE_RWLOCK_INITIALIZER { 0 } /**< Static initialiser of a free rte_rwlock_t. */

/** Initialise rwl as free. */
static inline void rte_rwlock_init(rte_rwlock_t *rwl)
{
	rwl->cnt = 0;
}

/** Take rwl for reading, spinning while a writer holds or waits for it. */
static inline void rte_rwlock_read_lock(rte_rwlock_t *rwl)
{
	int32_t x;

	for (;;) {
		while (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) & RTE_RWLOCK_MASK)
			rte_pause();
		x = __atomic_add_fetch(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_ACQUIRE);
		if (!(x & RTE_RWLOCK_MASK))
			return;
		__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELAXED);
	}
}

/** Take rwl for reading without waiting: 0, or -EBUSY if a writer holds or waits for it. */
static inline int rte_rwlock_read_trylock(rte_rwlock_t *rwl)
{
	int32_t x = __atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED);

	if (x & RTE_RWLOCK_MASK)
		return -EBUSY;
	x = __atomic_add_fetch(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_ACQUIRE);
	if (x & RTE_RWLOCK_MASK) {
		__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELEASE);
		return -EBUSY;
	}
	return 0;
}

/** Release a read hold of rwl. */
static inline void rte_rwlock_read_unlock(rte_rwlock_t *rwl)
{
	__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELEASE);
}

/** Take rwl for writing without waiting: 0, or -EBUSY if readers or a writer hold it. */
static inline int rte_rwlock_write_trylock(rte_rwlock_t *rwl)
{
	int32_t x = __atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED);

	if (x < RTE_RWLOCK_WRITE && __atomic_compare_exchange_n(&rwl->cnt, &x,
			x + RTE_RWLOCK_WRITE, 1, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 0;
	return -EBUSY;
}

/** Take rwl for writing; announces itself so that new readers wait. */
static inline void rte_rwlock_write_lock(rte_rwlock_t *rwl)
{
	int32_t x;

	for (;;) {
		x = __atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED);
		if (x < RTE_RWLOCK_WRITE) {
			if (__atomic_compare_exchange_n(&rwl->cnt, &x, RTE_RWLOCK_WRITE, 1,
					__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
				return;
		} else if (!(x & RTE_RWLOCK_WAIT)) {
			__atomic_fetch_or(&rwl->cnt, RTE_RWLOCK_WAIT, __ATOMIC_RELAXED);
		}
		while (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) > RTE_RWLOCK_WAIT)
			rte_pause();
	}
}

/** Release the write hold of rwl. */
static inline void rte_rwlock_write_unlock(rte_rwlock_t *rwl)
{
	__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_WRITE, __ATOMIC_RELEASE);
}

/**
 * Take rwl for reading in a section that could run as a hardware transaction; this tree does
 * not elide locks, so the same as rte_rwlock_read_lock.
 * @param rwl the lock
 */
static inline void rte_rwlock_read_lock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_read_lock(rwl);
}

/**
 * Leave a section entered with rte_rwlock_read_lock_tm.
 * @param rwl the lock
 */
static inline void rte_rwlock_read_unlock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_read_unlock(rwl);
}

/**
 * Take rwl for writing in a section that could run as a hardware transaction; the same as
 * rte_rwlock_write_lock here.
 * @param rwl the lock
 */
static inline void rte_rwlock_write_lock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_write_lock(rwl);
}

/**
 * Leave a section entered with rte_rwlock_write_lock_tm.
 * @param rwl the lock
 */
static inline void rte_rwlock_write_unlock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_write_unlock(rwl);
}

#endif /* _RTE_RWLOCK_H_ */
