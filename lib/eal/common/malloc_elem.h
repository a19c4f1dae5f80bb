/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Blocks of the EAL heap. A chunk (a run of pages the heap got from the memory layer) starts with
 * a struct malloc_chunk and is then cut into elements laid end to end: each starts with a
 * struct malloc_elem and knows its neighbours, so a freed element merges with free neighbours
 * in constant time. Free elements also sit on a size-class free list of their heap.
 *
 * When the caller's alignment leaves a small gap between an element's header and the data, a
 * second header of state PAD is written right before the data; it records the distance back to
 * the real header, so rte_free finds the element from any pointer it handed out.
 *
 * A free element knows where the bytes that may have been written end: past that point it holds
 * pages fresh from the kernel, never handed out since, which read as zeros.
 * rte_zmalloc_sparse_socket skips the memset of a block there, so a large zeroed block whose
 * caller uses only its start (an array sized for the most queues a port can have) does not
 * fault all its pages in.
 */
#ifndef _MALLOC_ELEM_H_
#define _MALLOC_ELEM_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/queue.h>

#include <rte_common.h>

struct malloc_heap;
struct eal_memseg_list;

enum malloc_elem_state {
	ELEM_FREE = 0x65657266, /* distinct values, so garbage is unlikely to look valid */
	ELEM_BUSY = 0x79737562,
	ELEM_PAD = 0x64646170,
};

struct malloc_chunk {
	TAILQ_ENTRY(malloc_chunk) next;
	struct malloc_heap *heap;
	struct eal_memseg_list *msl;
	size_t len;                 /* bytes of the chunk, this header included */
	unsigned int first_slot;    /* pages of msl the chunk covers */
	unsigned int n_slots;
	bool pinned;                /* pre-allocated with -m / --socket-mem: never unmapped */
} __rte_cache_aligned;

struct malloc_elem {
	struct malloc_elem *prev;       /* neighbour at lower address, NULL first in the chunk */
	struct malloc_elem *next;       /* neighbour at higher address, NULL last in the chunk */
	struct malloc_elem *free_prev;  /* free list links, only while ELEM_FREE */
	struct malloc_elem *free_next;
	struct malloc_chunk *chunk;
	size_t size;                    /* from this header to the next element */
	uint32_t state;
	union {
		uint32_t pad;           /* BUSY: gap before the PAD header; PAD: back offset */
		uint32_t dirty;         /* FREE: see malloc_elem_dirty_end */
	};
	uint64_t cookie;                /* depends on the address, see malloc_elem_cookie */
};

#define MALLOC_ELEM_HEADER_LEN sizeof(struct malloc_elem)
/* A split leaves a free element only when it can hold at least one cache line of data. */
#define MALLOC_ELEM_MIN_LEN (MALLOC_ELEM_HEADER_LEN + RTE_CACHE_LINE_SIZE)
#define MALLOC_CHUNK_HEADER_LEN sizeof(struct malloc_chunk)

RTE_BUILD_BUG_ON(sizeof(struct malloc_elem) != RTE_CACHE_LINE_MIN_SIZE);

static inline uint64_t
malloc_elem_cookie(const struct malloc_elem *e)
{
	return 0x5254454d414c4c43ULL ^ (uintptr_t)e;
}

static inline void *
malloc_elem_end(const struct malloc_elem *e)
{
	return RTE_PTR_ADD(e, e->size);
}

/* Write a fresh element header of the given size at addr. */
void malloc_elem_init(struct malloc_elem *e, struct malloc_chunk *chunk, size_t size);
/*
 * Cut e at addr (inside e): the upper part becomes a new element, returned, dirty up to its end.
 * A free e keeps its dirty end (clipped to its new size).
 */
struct malloc_elem *malloc_elem_split(struct malloc_elem *e, void *addr);
/* Absorb e->next into e. */
void malloc_elem_join_next(struct malloc_elem *e);
/*
 * Where the bytes of free element e that may be non-zero end: from there to the end of e, all
 * are zero. A new element is dirty up to its end.
 */
uintptr_t malloc_elem_dirty_end(const struct malloc_elem *e);
/* Record that the bytes of free element e from end on are all zero. */
void malloc_elem_set_dirty_end(struct malloc_elem *e, uintptr_t end);
/*
 * Where the data of a size-byte block aligned on align could start inside free element e without
 * crossing a multiple of bound (0: no bound); NULL when it does not fit.
 */
void *malloc_elem_fit(const struct malloc_elem *e, size_t size, size_t align, size_t bound);
/* The element behind a pointer rte_malloc returned, or NULL when it is not one. */
struct malloc_elem *malloc_elem_from_data(const void *data);
/* The data pointer of a busy element. */
void *malloc_elem_data(const struct malloc_elem *e);
/* Bytes usable from data to the end of e. */
size_t malloc_elem_usable(const struct malloc_elem *e);
/* Are the links and cookie of e sound? */
bool malloc_elem_sane(const struct malloc_elem *e);

#endif /* _MALLOC_ELEM_H_ */
