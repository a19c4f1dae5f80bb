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

#define RTE_RING_MZ_PREFIX "RG_" /**< Prefix of the memzone name of a ring. */
/** Longest ring name, so that the prefixed memzone name still fits. */
#define RTE_RING_NAMESIZE (RTE_MEMZONE_NAMESIZE - sizeof(RTE_RING_MZ_PREFIX) + 1)

/** How producers (or consumers) of a ring synchronise with each other. */
enum rte_ring_sync_type {
	RTE_RING_SYNC_MT,     /**< several threads, lock-free */
	RTE_RING_SYNC_ST,     /**< one thread at a time */
	RTE_RING_SYNC_MT_RTS, /**< several threads, relaxed tail sync (accepted as MT) */
	RTE_RING_SYNC_MT_HTS, /**< several threads, head/tail sync (accepted as MT) */
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
	 * does not allow enough.
	 */
	volatile uint32_t peer_tail;
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
		struct rte_ring_headtail prod; /**< producer state */
	} __rte_cache_aligned;

	char pad1 __rte_cache_aligned; /**< empty cache line between producer and consumer */
	/** Consumer state on its own cache line. */
	RTE_STD_C11
	union {
		struct rte_ring_headtail cons; /**< consumer state */
	} __rte_cache_aligned;

	char pad2 __rte_cache_aligned; /**< empty cache line after the consumer state */
};

#define RING_F_SP_ENQ 0x0001     /**< single producer by default */
#define RING_F_SC_DEQ 0x0002     /**< single consumer by default */
/** Capacity is exactly the requested count (slots rounded up to a power of two). */
#define RING_F_EXACT_SZ 0x0004
#define RTE_RING_SZ_MASK (0x7fffffffU) /**< largest slot count */
/** multi-producer relaxed tail sync (handled as multi-producer) */
#define RING_F_MP_RTS_ENQ 0x0008
/** multi-consumer relaxed tail sync (handled as multi-consumer) */
#define RING_F_MC_RTS_DEQ 0x0010
#define RING_F_MP_HTS_ENQ 0x0020 /**< multi-producer head/tail sync (handled as multi-producer) */
#define RING_F_MC_HTS_DEQ 0x0040 /**< multi-consumer head/tail sync (handled as multi-consumer) */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_CORE_H_ */
