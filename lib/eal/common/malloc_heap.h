/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One heap per NUMA node. A heap grows by asking the memory layer for pages of its node and gives
 * the pages back when they are free again (never those pre-allocated with -m), with hysteresis:
 *   - a heap keeps one entirely free chunk mapped, its "idle" chunk, cut down to less than twice
 *     its floor (one page, or EAL_NO_HUGE_MIN_CHUNK of --no-huge pages); any other chunk that
 *     becomes entirely free is unmapped at once;
 *   - no chunk is cut below its floor, and the free tail of a chunk still in use is unmapped
 *     only when it spans at least its floor plus a pad (EAL_NO_HUGE_MIN_CHUNK with pages up
 *     to that size, nothing with larger pages).
 * So a block that comes and goes maps and faults its pages in once, not every time; a heap
 * that grew by a floor and shrank again (ports attached, then detached) pays no unmap at its
 * last free; and freeing a large amount gives all of it but one floor back.
 */
#ifndef _MALLOC_HEAP_H_
#define _MALLOC_HEAP_H_

#include <stdbool.h>
#include <stdio.h>
#include <pthread.h>
#include <sys/queue.h>

#include <rte_malloc.h>

#include "malloc_elem.h"

/* Room for a heap name, terminating NUL included. */
#define MALLOC_HEAP_NAME_LEN 32
/* Heaps that rte_malloc_heap_create can make, beside the NUMA nodes' ones. */
#define MALLOC_EXT_HEAPS (RTE_MAX_HEAPS - RTE_MAX_NUMA_NODES)

/* Size classes of free elements: [2^(7+i), 2^(8+i)) bytes, the last one open-ended. */
#define MALLOC_FREE_LISTS 16

struct malloc_heap {
	pthread_mutex_t lock;
	struct malloc_elem *free_head[MALLOC_FREE_LISTS];
	uint32_t free_mask;     /* bit i set when free_head[i] is not empty */
	TAILQ_HEAD(, malloc_chunk) chunks;
	int socket_id;
	size_t total_bytes;     /* bytes of all chunks */
	size_t alloc_bytes;     /* bytes of busy elements, headers included */
	unsigned int alloc_count;
	unsigned int n_chunks;
	struct malloc_chunk *idle; /* the free chunk kept mapped, or NULL (it may be reused) */
	bool external;          /* made by rte_malloc_heap_create: memory added, never grown */
	char name[MALLOC_HEAP_NAME_LEN]; /* named heaps only; "" while the slot is free */
};

/* Request flags beyond size and alignment. */
struct malloc_req {
	size_t size;
	size_t align;           /* power of two, at least a cache line */
	size_t bound;           /* 0, or a power of two the block must not cross */
	uint64_t page_sizes;    /* 0 for any, else a mask of acceptable page sizes (bit = log2) */
	bool contig;            /* the block must be IOVA-contiguous */
};

/*
 * Allocate on socket (SOCKET_ID_ANY: the caller's node, then the others); NULL + rte_errno.
 * *zeroed (when not NULL) tells whether the block is known to hold zeros.
 */
void *malloc_heap_alloc(const struct malloc_req *req, int socket, bool *zeroed);
/* 0, or -1 when ptr is not a block from the heap (nothing is changed then). */
int malloc_heap_free(void *ptr);
/* Resize in place; 0 on success, -1 when the block cannot grow where it is. */
int malloc_heap_resize(struct malloc_elem *e, size_t size);
/* Largest block (size available to the caller) with the given alignment on socket, 0 if none. */
size_t malloc_heap_max_free(int socket, size_t align);
/* Page size behind a heap pointer. */
uint64_t malloc_heap_page_sz(const void *ptr);

/*
 * Named heaps (malloc_ext.c). Creating, destroying and changing their memory is serialised by
 * malloc_heap_ext_lock(), taken before any heap lock and the memory lock.
 */
void malloc_heap_ext_lock(void);
void malloc_heap_ext_unlock(void);
/* The heap of socket (a NUMA node or a named heap), or NULL. */
struct malloc_heap *malloc_heap_of(int socket);
/* The heap of that name ("socket_<n>" or a named heap), or NULL; ext lock held. */
struct malloc_heap *malloc_heap_by_name(const char *name);
/* A free named-heap slot, or NULL; ext lock held. */
struct malloc_heap *malloc_heap_ext_slot(void);
/* Make the pages of external list msl one chunk of named heap h. */
void malloc_heap_add_memory(struct malloc_heap *h, struct eal_memseg_list *msl);
/* Take msl's chunk out of h: 0, -1 with rte_errno EBUSY (blocks in use) or ENOENT. */
int malloc_heap_remove_memory(struct malloc_heap *h, struct eal_memseg_list *msl);

#endif /* _MALLOC_HEAP_H_ */
