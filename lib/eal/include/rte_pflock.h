/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Phase-fair reader-writer locks (Brandenburg and Anderson): readers and writers take turns in
 * phases, so neither side can starve the other. Writers queue on a ticket pair; readers count
 * themselves in and out on another pair whose low bits say whether a writer is present, and
 * in which phase.
 */
#ifndef _RTE_PFLOCK_H_
#define _RTE_PFLOCK_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>

#include <rte_common.h>
#include <rte_pause.h>

/** A phase-fair reader-writer lock. */
struct rte_pflock {
	/** Arrival and departure counters. */
	struct {
		uint16_t in;  /**< arrivals */
		uint16_t out; /**< departures */
	} rd, /**< readers, in units of RTE_PFLOCK_RINC, with the writer bits below */
	wr;   /**< writers, one per ticket */
};

/** A phase-fair reader-writer lock. */
typedef struct rte_pflock rte_pflock_t;

#define RTE_PFLOCK_WBITS 0x3    /**< writer bits of rd.in */
#define RTE_PFLOCK_PRES 0x2     /**< a writer is present */
#define RTE_PFLOCK_PHID 0x1     /**< phase of the present writer */
#define RTE_PFLOCK_LSB 0xFFF0   /**< reader count bits of rd.in */
#define RTE_PFLOCK_RINC 0x10    /**< one reader in rd.in and rd.out */

/** Static initialiser of a free lock. */
#define RTE_PFLOCK_INITIALIZER { }

/**
 * Make a lock free.
 * @param pf the lock
 */
static inline void
rte_pflock_init(struct rte_pflock *pf)
{
	pf->rd.in = 0;
	pf->rd.out = 0;
	pf->wr.in = 0;
	pf->wr.out = 0;
}

/**
 * Take the lock for reading; waits only for a writer that is present now.
 * @param pf the lock
 */
static inline void
rte_pflock_read_lock(rte_pflock_t *pf)
{
	uint16_t writer = __atomic_fetch_add(&pf->rd.in, RTE_PFLOCK_RINC, __ATOMIC_ACQUIRE) &
		RTE_PFLOCK_WBITS;

	if (writer == 0)
		return;
	/* Wait for that writer's phase to end (the writer bits change). */
	RTE_WAIT_UNTIL_MASKED(&pf->rd.in, RTE_PFLOCK_WBITS, !=, writer, __ATOMIC_ACQUIRE);
}

/**
 * Release a read hold.
 * @param pf the lock
 */
static inline void
rte_pflock_read_unlock(rte_pflock_t *pf)
{
	__atomic_fetch_add(&pf->rd.out, RTE_PFLOCK_RINC, __ATOMIC_RELEASE);
}

/**
 * Take the lock for writing: wait for the writers queued before, then for the readers
 * already in.
 * @param pf the lock
 */
static inline void
rte_pflock_write_lock(rte_pflock_t *pf)
{
	uint16_t ticket, bits;

	ticket = __atomic_fetch_add(&pf->wr.in, 1, __ATOMIC_RELAXED);
	rte_wait_until_equal_16(&pf->wr.out, ticket, __ATOMIC_ACQUIRE);
	/* Announce the writer to new readers, then wait until the readers in before have left. */
	bits = RTE_PFLOCK_PRES | (ticket & RTE_PFLOCK_PHID);
	ticket = __atomic_fetch_add(&pf->rd.in, bits, __ATOMIC_RELAXED);
	rte_wait_until_equal_16(&pf->rd.out, ticket, __ATOMIC_ACQUIRE);
}

/**
 * Release the write hold: let the readers that waited in, then the next writer.
 * @param pf the lock
 */
static inline void
rte_pflock_write_unlock(rte_pflock_t *pf)
{
	__atomic_fetch_and(&pf->rd.in, RTE_PFLOCK_LSB, __ATOMIC_RELEASE);
	__atomic_fetch_add(&pf->wr.out, 1, __ATOMIC_RELEASE);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PFLOCK_H_ */
