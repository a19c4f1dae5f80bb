/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Sequence counters: readers copy data without locking and retry when a writer changed it
 * meanwhile. The count is odd while a write is in progress and moves on by two with each
 * write. Writers must be serialised by the caller (rte_seqlock.h does it with a spinlock).
 *
 * Reading:
 * @code
 * do {
 *	sn = rte_seqcount_read_begin(&c);
 *	copy = data;
 * } while (rte_seqcount_read_retry(&c, sn));
 * @endcode
 */
#ifndef _RTE_SEQCOUNT_H_
#define _RTE_SEQCOUNT_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdbool.h>
#include <stdint.h>

#include <rte_atomic.h>
#include <rte_branch_prediction.h>

/** A sequence counter. */
typedef struct {
	uint32_t sn; /**< sequence number: odd while a write is in progress */
} rte_seqcount_t;

/** Static initialiser of a sequence counter. */
#define RTE_SEQCOUNT_INITIALIZER { .sn = 0 }

/**
 * Set a counter to its initial value.
 * @param seqcount the counter
 */
static inline void
rte_seqcount_init(rte_seqcount_t *seqcount)
{
	seqcount->sn = 0;
}

/**
 * Start a read of the protected data.
 * @param seqcount the counter
 * @return the sequence number to give rte_seqcount_read_retry()
 */
static inline uint32_t
rte_seqcount_read_begin(const rte_seqcount_t *seqcount)
{
	/* Acquire: the data loads that follow cannot move before this load. */
	return __atomic_load_n(&seqcount->sn, __ATOMIC_ACQUIRE);
}

/**
 * End a read: did a writer run since rte_seqcount_read_begin()?
 * @param seqcount the counter
 * @param begin_sn what rte_seqcount_read_begin() returned
 * @return true if the data read may be inconsistent and the read must be done again
 */
static inline bool
rte_seqcount_read_retry(const rte_seqcount_t *seqcount, uint32_t begin_sn)
{
	if (unlikely(begin_sn & 1))
		return true; /* a write was already in progress */
	/* The data loads above complete before the counter is read again. */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	return __atomic_load_n(&seqcount->sn, __ATOMIC_RELAXED) != begin_sn;
}

/**
 * Start a write (the counter becomes odd). Writers must be serialised by the caller.
 * @param seqcount the counter
 */
static inline void
rte_seqcount_write_begin(rte_seqcount_t *seqcount)
{
	__atomic_store_n(&seqcount->sn, seqcount->sn + 1, __ATOMIC_RELAXED);
	/* The data stores that follow cannot become visible before the odd count. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

/**
 * End a write (the counter becomes even again).
 * @param seqcount the counter
 */
static inline void
rte_seqcount_write_end(rte_seqcount_t *seqcount)
{
	/* Release: the data stores are visible before the even count. */
	__atomic_store_n(&seqcount->sn, seqcount->sn + 1, __ATOMIC_RELEASE);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_SEQCOUNT_H_ */
