/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * The ring's shared data: flags, the producer/consumer head-tail pairs and struct rte_ring.
 * Applications include rte_ring.h; this file is separate so that other headers (mempool) can
 * name the types without pulling in every inline function.
 */
#ifndef _RTE_RING_CORE_H_
#define _RTE_RING_CORE_H_

#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_memory.h>
#include <rte_lcore.h>
#include <rte_atomic.h>
#include <rte_branch_prediction.h>
#include <rte_memzone.h>
#include <rte_pause.h>
#include <rte_debug.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How many objects an enqueue or dequeue moves. */
enum rte_ring_queue_behavior {
	RTE_RING_QUEUE_FIXED = 0, /**< all n objects or none (bulk) */
	RTE_RING_QUEUE_VARIABLE, /**< as many as possible (burst) */
};

/** Name of the list of rings, as DPDK's tailq registry calls it. */
#define RTE_TAILQ_RING_NAME "RTE_RING"

#define RTE_RING_MZ_PREFIX "RG_" /**< Prefix of the memzone name of a ring. */
/** Longest ring name, so that the prefixed memzone name still fits. */
#define RTE_RING_NAMESIZE (RTE_MEMZONE_NAMESIZE - sizeof(RTE_RING_MZ_PREFIX) + 1)

/** How producers (or consumers) of a ring synchronise with each other. */
enum rte_ring_sync_type {
	RTE_RING_SYNC_MT,     /**< several threads, lock-free */
	RTE_RING_SYNC_ST,     /**< one thread at a time */
	RTE_RING_SYNC_MT_RTS, /**< several threads, relaxed tail sync (rte_ring_rts.h) */
	RTE_RING_SYNC_MT_HTS, /**< several threads, head/tail sync (rte_ring_hts.h) */
};

/**
 * One side of the ring. head is where the next reservation starts, tail is where the
 * published (or released) entries end: a thread moves head first, copies, then moves tail.
 */
struct rte_ring_headtail {
	volatile uint32_t head; /**< where the next reservation starts */
	volatile uint32_t tail; /**< end of the published (or released) entries */
	/** Synchronisation mode, also readable as a single-thread flag. */
	RTE_STD_C11
	union {
		enum rte_ring_sync_type sync_type; /**< how threads on this side synchronise */
		uint32_t single; /**< non-zero when only one thread uses this side */
	};
	/**
	 * The other side's tail as this side last read it: a lower bound of the real one, so
	 * reservations it allows are safe and the other side's cache line is read only when it
	 * does not allow enough. Used in the MT and ST modes only: in the HTS layout this word
	 * is padding, in the RTS layout it is htd_max.
	 */
	volatile uint32_t peer_tail;
};

/**
 * Position and counter of an RTS head or tail, also readable as one 64-bit word so that both
 * change in a single atomic operation.
 */
union __rte_ring_rts_poscnt {
	uint64_t raw __rte_aligned(8); /**< pos and cnt as one word */
	/** The two halves. */
	struct {
		uint32_t cnt; /**< operations that moved this head (or finished, for a tail) */
		uint32_t pos; /**< index */
	} val; /**< the two halves */
};

/**
 * One side of a ring in relaxed tail sync mode (RTE_RING_SYNC_MT_RTS). Threads finish in any
 * order; the tail catches up with the head when the last thread in flight finishes. tail.pos
 * and sync_type sit where rte_ring_headtail has tail and sync_type.
 */
struct rte_ring_rts_headtail {
	volatile union __rte_ring_rts_poscnt tail; /**< finished operations and their end */
	enum rte_ring_sync_type sync_type; /**< RTE_RING_SYNC_MT_RTS */
	uint32_t htd_max; /**< how far the head may run ahead of the tail */
	volatile union __rte_ring_rts_poscnt head; /**< started operations and their end */
};

/** Head and tail of an HTS side, also readable as one 64-bit word. */
union __rte_ring_hts_pos {
	uint64_t raw __rte_aligned(8); /**< head and tail as one word */
	/** The two halves. */
	struct {
		uint32_t head; /**< where the next reservation starts */
		uint32_t tail; /**< end of the published (or released) entries */
	} pos; /**< the two halves */
};

/**
 * One side of a ring in head/tail sync mode (RTE_RING_SYNC_MT_HTS): one operation at a time
 * on this side, a new one starts only once head and tail are equal again. head, tail and
 * sync_type sit where rte_ring_headtail has them.
 */
struct rte_ring_hts_headtail {
	volatile union __rte_ring_hts_pos ht; /**< head and tail */
	enum rte_ring_sync_type sync_type; /**< RTE_RING_SYNC_MT_HTS */
};

/** The ring header; the slots follow it in memory. Producer and consumer state each own
 *  a cache line, with an empty line between them so adjacent-line prefetch does not bounce. */
struct rte_ring {
	char name[RTE_RING_NAMESIZE] __rte_cache_aligned; /**< name of the ring */
	int flags;                         /**< RING_F_* given at creation */
	const struct rte_memzone *memzone; /**< backing zone, NULL for rte_ring_init */
	uint32_t size;                     /**< number of slots (power of two) */
	uint32_t mask;                     /**< size - 1 */
	uint32_t capacity;                 /**< usable slots */

	char pad0 __rte_cache_aligned; /**< empty cache line before the producer state */
	/** Producer state on its own cache line. */
	RTE_STD_C11
	union {
		struct rte_ring_headtail prod; /**< producer state (MT and ST modes) */
		struct rte_ring_hts_headtail hts_prod; /**< producer state in HTS mode */
		struct rte_ring_rts_headtail rts_prod; /**< producer state in RTS mode */
	} __rte_cache_aligned;

	char pad1 __rte_cache_aligned; /**< empty cache line between producer and consumer */
	/** Consumer state on its own cache line. */
	RTE_STD_C11
	union {
		struct rte_ring_headtail cons; /**< consumer state (MT and ST modes) */
		struct rte_ring_hts_headtail hts_cons; /**< consumer state in HTS mode */
		struct rte_ring_rts_headtail rts_cons; /**< consumer state in RTS mode */
	} __rte_cache_aligned;

	char pad2 __rte_cache_aligned; /**< empty cache line after the consumer state */
};

#define RING_F_SP_ENQ 0x0001     /**< single producer by default */
#define RING_F_SC_DEQ 0x0002     /**< single consumer by default */
/** Capacity is exactly the requested count (slots rounded up to a power of two). */
#define RING_F_EXACT_SZ 0x0004
#define RTE_RING_SZ_MASK (0x7fffffffU) /**< largest slot count */
#define RING_F_MP_RTS_ENQ 0x0008 /**< producers use relaxed tail sync by default */
#define RING_F_MC_RTS_DEQ 0x0010 /**< consumers use relaxed tail sync by default */
#define RING_F_MP_HTS_ENQ 0x0020 /**< producers use head/tail sync by default */
#define RING_F_MC_HTS_DEQ 0x0040 /**< consumers use head/tail sync by default */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_CORE_H_ */
