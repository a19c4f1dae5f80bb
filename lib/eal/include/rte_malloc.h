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
#include <rte_compat.h>
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
 * For libraries and drivers of this tree only: rte_zmalloc_socket for a large block of which
 * the caller may use only the start (an array sized for the most entries it can ever hold).
 * When the heap knows the block holds zeros (pages never handed out before) it is not written,
 * so its pages are faulted in only when used. rte_zmalloc_socket writes every byte, so that
 * the faults are taken at once and not on a fast path later.
 * @param type informational tag, may be NULL
 * @param size bytes wanted
 * @param align 0 for a cache line, else a power of two
 * @param socket NUMA node, or SOCKET_ID_ANY
 * @return the block, or NULL with rte_errno EINVAL or ENOMEM
 */
__rte_internal
void *rte_zmalloc_sparse_socket(const char *type, size_t size, unsigned int align, int socket)
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
 * Usage of one heap.
 * @param socket NUMA node, or socket id of a named heap
 * @param socket_stats filled in
 * @return 0, or -1 with rte_errno EINVAL for a bad socket or NULL stats
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
 * @return as rte_mem_virt2iova, except in external memory (named heaps), where it is the IOVA
 *   given for the page when the memory was added, or RTE_BAD_IOVA if none was
 */
rte_iova_t rte_malloc_virt2iova(const void *addr);
/**
 * Whether a socket id names a heap made by rte_malloc_heap_create.
 * @param socket_id a NUMA node or the socket id of a named heap
 * @return 1 for a named heap, 0 for a NUMA node or SOCKET_ID_ANY, -1 with rte_errno EINVAL for
 *   any other value
 */
int rte_malloc_heap_socket_is_external(int socket_id);
/**
 * Socket id of a heap given its name.
 * @param name "socket_<n>" for a NUMA node's heap, or the name given to rte_malloc_heap_create
 * @return the socket id, or -1 with rte_errno EINVAL (NULL, empty or too long name) or ENOENT
 */
int rte_malloc_heap_get_socket(const char *name);

/**
 * Create an empty heap for memory the application brings (rte_malloc_heap_memory_add). It gets
 * a socket id of its own, 256 or more as in DPDK (see rte_malloc_heap_get_socket), which
 * rte_malloc_socket, rte_zmalloc_socket, rte_memzone_reserve and the like accept; such a heap
 * never grows by itself and SOCKET_ID_ANY never picks it.
 * @param heap_name a name shorter than 32 bytes
 * @return 0, or -1 with rte_errno: EINVAL NULL, empty or too long name, EEXIST a heap has that
 *   name, ENOSPC all RTE_MAX_HEAPS heaps exist
 */
int rte_malloc_heap_create(const char *heap_name);
/**
 * Destroy a heap made by rte_malloc_heap_create once all its memory is removed.
 * @param heap_name its name
 * @return 0, or -1 with rte_errno: EINVAL bad name, ENOENT no such heap, EPERM a NUMA node's
 *   heap, EBUSY memory is still added to it (or blocks of it still in use)
 */
int rte_malloc_heap_destroy(const char *heap_name);
/**
 * Give memory the application mapped to a named heap. The memory becomes a memseg list of its
 * own (external set, heap set, the heap's socket id); its first bytes hold the heap's
 * bookkeeping, so what was there is lost. Memory event callbacks hear of it as allocated.
 * @param heap_name the heap
 * @param va_addr start of the memory, a multiple of page_sz
 * @param len bytes, a non-zero multiple of page_sz
 * @param iova_addrs IOVA of each page, or NULL for RTE_BAD_IOVA everywhere
 * @param n_pages entries of iova_addrs, len / page_sz (ignored when iova_addrs is NULL)
 * @param page_sz page size of the memory, a power of two
 * @return 0, or -1 with rte_errno: EINVAL bad argument or overlap with other EAL memory,
 *   ENOENT no such heap, EPERM a NUMA node's heap, EEXIST the memory is registered already,
 *   ENOSPC all RTE_MAX_MEMSEG_LISTS lists are in use, ENOMEM
 */
int rte_malloc_heap_memory_add(const char *heap_name, void *va_addr, size_t len,
		rte_iova_t iova_addrs[], unsigned int n_pages, size_t page_sz);
/**
 * Take memory added with rte_malloc_heap_memory_add back from its heap, once no block of it is
 * in use. Memory event callbacks hear of it as freed; it stays mapped.
 * @param heap_name the heap
 * @param va_addr start, as added
 * @param len bytes, as added
 * @return 0, or -1 with rte_errno: EINVAL bad argument, ENOENT no such heap or memory in it,
 *   EPERM a NUMA node's heap, EBUSY blocks of the memory are still allocated
 */
int rte_malloc_heap_memory_remove(const char *heap_name, void *va_addr, size_t len);
/**
 * Attach to memory of a named heap added by another process. With a single process the memory
 * is already there: this checks it and tells the memory event callbacks again.
 * @param heap_name the heap
 * @param va_addr start, as added
 * @param len bytes, as added
 * @return 0, or -1 with rte_errno: EINVAL bad argument, ENOENT no such heap or memory in it,
 *   EPERM a NUMA node's heap
 */
int rte_malloc_heap_memory_attach(const char *heap_name, void *va_addr, size_t len);
/**
 * Detach from memory of a named heap (the counterpart of rte_malloc_heap_memory_attach).
 * @param heap_name the heap
 * @param va_addr start, as added
 * @param len bytes, as added
 * @return 0, or -1 with rte_errno: EINVAL bad argument, ENOENT no such heap or memory in it,
 *   EPERM a NUMA node's heap
 */
int rte_malloc_heap_memory_detach(const char *heap_name, void *va_addr, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MALLOC_H_ */
