/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Sequence locks: a sequence counter (rte_seqcount.h) whose writers are serialised by a
 * spinlock. Readers never block writers and never write shared memory; they retry when a write
 * overlapped their read.
 */
#ifndef _RTE_SEQLOCK_H_
#define _RTE_SEQLOCK_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdbool.h>
#include <stdint.h>

#include <rte_seqcount.h>
#include <rte_spinlock.h>

/** A sequence lock. */
typedef struct {
	rte_seqcount_t count; /**< sequence counter of the protected data */
	rte_spinlock_t lock;  /**< serialises writers */
} rte_seqlock_t;

/** Static initialiser of a sequence lock. */
#define RTE_SEQLOCK_INITIALIZER \
	{ .count = RTE_SEQCOUNT_INITIALIZER, .lock = RTE_SPINLOCK_INITIALIZER }

/**
 * Set up a sequence lock.
 * @param seqlock the lock
 */
static inline void
rte_seqlock_init(rte_seqlock_t *seqlock)
{
	rte_seqcount_init(&seqlock->count);
	rte_spinlock_init(&seqlock->lock);
}

/**
 * Start a read; see rte_seqcount_read_begin().
 * @param seqlock the lock
 * @return the sequence number to give rte_seqlock_read_retry()
 */
static inline uint32_t
rte_seqlock_read_begin(const rte_seqlock_t *seqlock)
{
	return rte_seqcount_read_begin(&seqlock->count);
}

/**
 * End a read; see rte_seqcount_read_retry().
 * @param seqlock the lock
 * @param begin_sn what rte_seqlock_read_begin() returned
 * @return true if the read must be done again
 */
static inline bool
rte_seqlock_read_retry(const rte_seqlock_t *seqlock, uint32_t begin_sn)
{
	return rte_seqcount_read_retry(&seqlock->count, begin_sn);
}

/**
 * Take the lock for writing (waits for other writers, never for readers).
 * @param seqlock the lock
 */
static inline void
rte_seqlock_write_lock(rte_seqlock_t *seqlock)
{
	rte_spinlock_lock(&seqlock->lock);
	rte_seqcount_write_begin(&seqlock->count);
}

/**
 * Release the write lock.
 * @param seqlock the lock
 */
static inline void
rte_seqlock_write_unlock(rte_seqlock_t *seqlock)
{
	rte_seqcount_write_end(&seqlock->count);
	rte_spinlock_unlock(&seqlock->lock);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_SEQLOCK_H_ */
