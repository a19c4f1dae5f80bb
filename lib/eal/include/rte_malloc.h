/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Allocation from EAL's memory (hugepages when available): DMA-able, aligned, NUMA aware.
 * Every function is thread safe.
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

struct rte_malloc_socket_stats {
	size_t heap_totalsz_bytes;   /**< bytes the heap owns */
	size_t heap_freesz_bytes;    /**< of which free */
	size_t greatest_free_size;   /**< largest free block */
	unsigned int free_count;     /**< number of free blocks */
	unsigned int alloc_count;    /**< number of allocated blocks */
	size_t heap_allocsz_bytes;   /**< bytes allocated, headers included */
};

/**
 * Allocate size bytes aligned on align (0 means cache line; otherwise a power of two).
 * @param type informational tag, may be NULL.
 * @return pointer, or NULL when size is 0, align is not a power of two, or memory is exhausted.
 */
void *rte_malloc(const char *type, size_t size, unsigned int align)
	__rte_alloc_size(2);
/** rte_malloc, zero-filled. */
void *rte_zmalloc(const char *type, size_t size, unsigned int align)
	__rte_alloc_size(2);
/** num * size zero-filled bytes (NULL on overflow). */
void *rte_calloc(const char *type, size_t num, size_t size, unsigned int align)
	__rte_alloc_size(2, 3);
/**
 * Resize ptr keeping its contents (up to the smaller size); NULL ptr acts as rte_malloc.
 * @return the new pointer, or NULL with ptr left untouched.
 */
void *rte_realloc(void *ptr, size_t size, unsigned int align)
	__rte_alloc_size(2);
void *rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);
void *rte_malloc_socket(const char *type, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);
void *rte_zmalloc_socket(const char *type, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);
void *rte_calloc_socket(const char *type, size_t num, size_t size, unsigned int align,
		int socket) __rte_alloc_size(2, 3);
/** Free memory from the functions above; NULL is ignored. */
void rte_free(void *ptr);

/** Check the heap's internal consistency; 0 when sound, -1 otherwise. size gets the usable size. */
int rte_malloc_validate(const void *ptr, size_t *size);
int rte_malloc_get_socket_stats(int socket, struct rte_malloc_socket_stats *socket_stats);
void rte_malloc_dump_stats(FILE *f, const char *type);
void rte_malloc_dump_heaps(FILE *f);
/** IOVA of memory from rte_malloc. */
rte_iova_t rte_malloc_virt2iova(const void *addr);
/** 0 for a valid socket (no heap here is external), -1 with rte_errno EINVAL otherwise. */
int rte_malloc_heap_socket_is_external(int socket_id);
/** Socket of the heap named "socket_<n>", or -1 with rte_errno ENOENT. */
int rte_malloc_heap_get_socket(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MALLOC_H_ */
