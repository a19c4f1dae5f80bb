/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Named, aligned, physically described blocks of EAL memory (rings, pools and device queues live
 * here). A zone pointer stays valid until the zone is freed. Every function is thread safe.
 */
#ifndef _RTE_MEMZONE_H_
#define _RTE_MEMZONE_H_

#include <stdio.h>
#include <rte_memory.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MEMZONE_2MB 0x00000001    /**< from 2 MB pages */
#define RTE_MEMZONE_1GB 0x00000002    /**< from 1 GB pages */
#define RTE_MEMZONE_16MB 0x00000100   /**< from 16 MB pages */
#define RTE_MEMZONE_16GB 0x00000200   /**< from 16 GB pages */
#define RTE_MEMZONE_256KB 0x00010000  /**< from 256 KB pages */
#define RTE_MEMZONE_256MB 0x00020000  /**< from 256 MB pages */
#define RTE_MEMZONE_512MB 0x00040000  /**< from 512 MB pages */
#define RTE_MEMZONE_4GB 0x00080000    /**< from 4 GB pages */
/** The page size flags are a preference: other pages will do when those cannot be had. */
#define RTE_MEMZONE_SIZE_HINT_ONLY 0x00000004
/** The zone must be contiguous in IOVA (always true in IOVA-as-VA mode). */
#define RTE_MEMZONE_IOVA_CONTIG 0x00100000

/** Room for a zone name, terminating NUL included. */
#define RTE_MEMZONE_NAMESIZE 32

/** A reserved zone. */
struct rte_memzone {
	char name[RTE_MEMZONE_NAMESIZE];  /**< its name */
	rte_iova_t iova;                  /**< IOVA of the first byte */
	RTE_STD_C11
	/** Start of the zone, as a pointer or as a 64-bit number. */
	union {
		void *addr;               /**< virtual address of the first byte */
		uint64_t addr_64;         /**< the same, 64 bits wide whatever the ABI */
	};
	size_t len;                       /**< bytes, rounded up to a cache line */
	uint64_t hugepage_sz;             /**< size of the pages behind it */
	int32_t socket_id;                /**< NUMA node */
	uint32_t flags;                   /**< the flags it was reserved with */
} __rte_packed;

/**
 * Reserve a cache-line aligned zone.
 * @param name unique name, shorter than RTE_MEMZONE_NAMESIZE
 * @param len bytes; 0 means the largest block the heap has free now
 * @param socket_id NUMA node, or SOCKET_ID_ANY
 * @param flags RTE_MEMZONE_* page size flags, RTE_MEMZONE_SIZE_HINT_ONLY,
 *   RTE_MEMZONE_IOVA_CONTIG
 * @return the zone, or NULL with rte_errno: EEXIST name in use, ENAMETOOLONG, EINVAL bad
 *   argument, ENOSPC zone table full, ENOMEM no memory (or no IOVA-contiguous block)
 */
const struct rte_memzone *rte_memzone_reserve(const char *name, size_t len, int socket_id,
		unsigned int flags);
/**
 * rte_memzone_reserve with an alignment.
 * @param name unique name, shorter than RTE_MEMZONE_NAMESIZE
 * @param len bytes; 0 means the largest block the heap has free now
 * @param socket_id NUMA node, or SOCKET_ID_ANY
 * @param flags as for rte_memzone_reserve
 * @param align a power of two (0 or less than a cache line means a cache line)
 * @return as rte_memzone_reserve
 */
const struct rte_memzone *rte_memzone_reserve_aligned(const char *name, size_t len,
		int socket_id, unsigned int flags, unsigned int align);
/**
 * rte_memzone_reserve_aligned for a zone that does not cross a multiple of bound.
 * @param name unique name, shorter than RTE_MEMZONE_NAMESIZE
 * @param len bytes; 0 means the largest block the heap has free now
 * @param socket_id NUMA node, or SOCKET_ID_ANY
 * @param flags as for rte_memzone_reserve
 * @param align a power of two (0 or less than a cache line means a cache line)
 * @param bound 0, or a power of two not smaller than len
 * @return as rte_memzone_reserve
 */
const struct rte_memzone *rte_memzone_reserve_bounded(const char *name, size_t len,
		int socket_id, unsigned int flags, unsigned int align, unsigned int bound);
/**
 * Free a zone; its name can be reserved again.
 * @param mz the zone
 * @return 0, or -EINVAL for NULL or a zone that is not reserved (freed already)
 */
int rte_memzone_free(const struct rte_memzone *mz);
/**
 * Find a zone by name.
 * @param name its name
 * @return the zone, or NULL with rte_errno ENOENT (EINVAL for a NULL name)
 */
const struct rte_memzone *rte_memzone_lookup(const char *name);
/**
 * Print every zone: name, length, addresses, node, flags and page size.
 * @param f where to print
 */
void rte_memzone_dump(FILE *f);
/**
 * Call func on every reserved zone, holding the zone table lock (func must not reserve or free
 * zones).
 * @param func the callback, given the zone and arg
 * @param arg passed to func
 */
void rte_memzone_walk(void (*func)(const struct rte_memzone *, void *arg), void *arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMZONE_H_ */
