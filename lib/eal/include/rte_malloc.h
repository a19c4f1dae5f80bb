/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Allocation from EAL's memory (hugepages when available): DMA-able, aligned, NUMA aware.
 * Every function is thread safe. Blocks come from one heap per NUMA node, which maps more pages
 * when it runs out and gives pages back to the kernel when they become free.
 */
#ifndef _RTE_MALLOC_H_
#define _RTE_MALLOC_H_

#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_memory.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Usage of one NUMA node's heap. */
struct rte_malloc_socket_stats {
	size_t heap_totalsz_bytes;   /**< bytes the heap owns */
	size_t heap_freesz_bytes;    /**< of which free */
	size_t greatest_free_size;   /**< largest free block */
	unsigned int free_count;     /**< number of free blocks */
	unsigned int alloc_count;    /**< number of allocated blocks */
	size_t heap_allocsz_bytes;   /**< bytes allocated, headers included */
};

/**
 * Allocate memory, preferably on the caller's NUMA node, else on any node.
 * @param type informational tag, may be NULL
 * @param size bytes wanted
 * @param align 0 for a cache line, else a power of two
 * @return the block, or NULL with rte_errno EINVAL (size 0, bad align) or ENOMEM
 */
void *rte_malloc(const char *type, size_t size, unsigned int align)
	__rte_alloc_size(2);
/**
 * rte_malloc, zero-filled.
 * @param type informational tag, may be NULL
 * @param size bytes wanted
 * @param align 0 for a cache line, else a power of two
 * @return the block, or NULL with rte_errno EINVAL or ENOMEM
 */
void *rte_zmalloc(const char *type, size_t size, unsigned int align)
	__rte_alloc_size(2);
/**
 * num * size zero-filled bytes.
 * @param type informational tag, may be NULL
 * @param num number of elements
 * @param size bytes per element
 * @param align 0 for a cache line, else a power of two
 * @return the block, or NULL with rte_errno EINVAL, or ENOMEM (also when num * size overflows)
 */
void *rte_calloc(const char *type, size_t num, size_t size, unsigned int align)
	__rte_alloc_size(2, 3);
/**
 * Resize a block keeping its contents up to the smaller size; in place when it can (shrinking,
 * or growing into a free neighbour) and the alignment still holds, else by moving it.
 * @param ptr the block, or NULL to act as rte_malloc
 * @param size new size in bytes
 * @param align 0 for a cache line, else a power of two
 * @return the block, or NULL with rte_errno (EINVAL, ENOMEM) and ptr left untouched
 */
void *rte_realloc(void *ptr, size_t size, unsigned int align)
	__rte_alloc_size(2);
/**
 * rte_realloc on a given node (a block elsewhere is moved there).
 * @param ptr the block, or NULL to act as rte_malloc_socket
 * @param size new size in bytes
 * @param align 0 for a cache line, else a power of two
 * @param socket NUMA node, or SOCKET_ID_ANY
 * @return the block, or NULL with rte_errno (EINVAL, ENOMEM) and ptr left untouched
 */
void *rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);
/**
 * rte_malloc on a given NUMA node.
 * @param type informational tag, may be NULL
 * @param size bytes wanted
 * @param align 0 for a cache line, else a power of two
 * @param socket NUMA node, or SOCKET_ID_ANY for the caller's node first, then any
 * @return the block, or NULL with rte_errno EINVAL (also for a node out of range) or ENOMEM
 */
void *rte_malloc_socket(const char *type, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);
/**
 * rte_zmalloc on a given NUMA node.
 * @param type informational tag, may be NULL
 * @param size bytes wanted
 * @param align 0 for a cache line, else a power of two
 * @param socket NUMA node, or SOCKET_ID_ANY
 * @return the block, or NULL with rte_errno EINVAL or ENOMEM
 */
void *rte_zmalloc_socket(const char *type, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);
/**
 * rte_calloc on a given NUMA node.
 * @param type informational tag, may be NULL
 * @param num number of elements
 * @param size bytes per element
 * @param align 0 for a cache line, else a power of two
 * @param socket NUMA node, or SOCKET_ID_ANY
 * @return the block, or NULL with rte_errno EINVAL or ENOMEM
 */
void *rte_calloc_socket(const char *type, size_t num, size_t size, unsigned int align,
		int socket) __rte_alloc_size(2, 3);
/**
 * Give a block back. NULL is ignored; a pointer that is not a live block is refused with a log
 * line and nothing changes.
 * @param ptr the block
 */
void rte_free(void *ptr);

/**
 * Check a block's header and its links to its neighbours.
 * @param ptr the block
 * @param size if not NULL, receives the bytes usable from ptr
 * @return 0 when sound, -1 when ptr is not a live block or its header is damaged
 */
int rte_malloc_validate(const void *ptr, size_t *size);
/**
 * Usage of one node's heap.
 * @param socket NUMA node
 * @param socket_stats filled in
 * @return 0, or -1 with rte_errno EINVAL for a bad node or NULL stats
 */
int rte_malloc_get_socket_stats(int socket, struct rte_malloc_socket_stats *socket_stats);
/**
 * Print the usage of every heap that owns memory.
 * @param f where to print
 * @param type ignored: blocks are not tracked by type
 */
void rte_malloc_dump_stats(FILE *f, const char *type);
/**
 * Print every heap's chunks and blocks.
 * @param f where to print
 */
void rte_malloc_dump_heaps(FILE *f);
/**
 * IOVA of memory from rte_malloc.
 * @param addr an address inside a block
 * @return as rte_mem_virt2iova
 */
rte_iova_t rte_malloc_virt2iova(const void *addr);
/**
 * Whether a node's heap was created from external memory (never, here).
 * @param socket_id NUMA node
 * @return 0 for a valid node, -1 with rte_errno EINVAL otherwise
 */
int rte_malloc_heap_socket_is_external(int socket_id);
/**
 * Node of a heap given its name.
 * @param name "socket_<n>"
 * @return the node, or -1 with rte_errno EINVAL (NULL name) or ENOENT
 */
int rte_malloc_heap_get_socket(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MALLOC_H_ */
