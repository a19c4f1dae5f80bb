/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Page mapping for drivers and libraries of the tree, independent of the OS calls behind it.
 * Internal: not installed, as in DPDK.
 */
#ifndef _RTE_EAL_PAGING_H_
#define _RTE_EAL_PAGING_H_

#include <stddef.h>
#include <stdint.h>

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Access a mapping allows; combine with |. */
enum rte_mem_prot {
	RTE_PROT_READ = 1 << 0,    /**< may be read */
	RTE_PROT_WRITE = 1 << 1,   /**< may be written */
	RTE_PROT_EXECUTE = 1 << 2  /**< may be executed */
};

/** How a mapping is made; combine with |. */
enum rte_map_flags {
	RTE_MAP_SHARED = 1 << 0,        /**< writes reach the file and other mappers */
	RTE_MAP_ANONYMOUS = 1 << 1,     /**< no file: zero-filled memory, fd ignored */
	RTE_MAP_PRIVATE = 1 << 2,       /**< writes stay private (copy on write) */
	RTE_MAP_FORCE_ADDRESS = 1 << 3  /**< at requested_addr exactly, replacing what is there */
};

/**
 * Map memory.
 * @param requested_addr where to map (a hint unless RTE_MAP_FORCE_ADDRESS), or NULL
 * @param size bytes to map
 * @param prot RTE_PROT_* bits
 * @param flags RTE_MAP_* bits; exactly one of SHARED and PRIVATE
 * @param fd the file to map, ignored with RTE_MAP_ANONYMOUS
 * @param offset where in the file the mapping starts, a multiple of the page size
 * @return the address of the mapping, or NULL with rte_errno set (the OS error, EINVAL for
 *   bad prot or flags)
 */
__rte_internal
void *rte_mem_map(void *requested_addr, size_t size, int prot, int flags, int fd,
		size_t offset);

/**
 * Unmap memory mapped with rte_mem_map.
 * @param virt start of the range
 * @param size bytes of the range
 * @return 0, or -1 with rte_errno set
 */
__rte_internal
int rte_mem_unmap(void *virt, size_t size);

/**
 * Size of the system's base pages (not hugepages).
 * @return the page size in bytes
 */
__rte_internal
size_t rte_mem_page_size(void);

/**
 * Keep the pages of a range in RAM (no swapping, stable physical addresses).
 * @param virt start of the range
 * @param size bytes of the range
 * @return 0, or -1 with rte_errno set
 */
__rte_internal
int rte_mem_lock(const void *virt, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EAL_PAGING_H_ */
