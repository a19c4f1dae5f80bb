/* SPDX-License-Identifier: BSD-3-Clause */
/* Element arithmetic of the EAL heap: split, join, fit and finding the header of a pointer. */
#include <string.h>
#include <pthread.h>

#include <rte_common.h>

#include "eal_memalloc.h"
#include "malloc_elem.h"

void
malloc_elem_init(struct malloc_elem *e, struct malloc_chunk *chunk, size_t size)
{
	e->prev = NULL;
	e->next = NULL;
	e->free_prev = NULL;
	e->free_next = NULL;
	e->chunk = chunk;
	e->size = size;
	e->state = ELEM_FREE;
	e->dirty = UINT32_MAX;
	e->cookie = malloc_elem_cookie(e);
}

uintptr_t
malloc_elem_dirty_end(const struct malloc_elem *e)
{
	uintptr_t data = (uintptr_t)e + MALLOC_ELEM_HEADER_LEN;

	return data + RTE_MIN((size_t)e->dirty * RTE_CACHE_LINE_MIN_SIZE,
			e->size - MALLOC_ELEM_HEADER_LEN);
}

void
malloc_elem_set_dirty_end(struct malloc_elem *e, uintptr_t end)
{
	uintptr_t data = (uintptr_t)e + MALLOC_ELEM_HEADER_LEN;
	size_t lines;

	if (end <= data) {
		e->dirty = 0;
		return;
	}
	lines = (end - data + RTE_CACHE_LINE_MIN_SIZE - 1) / RTE_CACHE_LINE_MIN_SIZE;
	e->dirty = (uint32_t)RTE_MIN(lines, (size_t)UINT32_MAX);
}

struct malloc_elem *
malloc_elem_split(struct malloc_elem *e, void *addr)
{
	struct malloc_elem *n = addr;

	malloc_elem_init(n, e->chunk, (size_t)RTE_PTR_DIFF(malloc_elem_end(e), addr));
	n->prev = e;
	n->next = e->next;
	if (e->next != NULL)
		e->next->prev = n;
	e->next = n;
	e->size = (size_t)RTE_PTR_DIFF(addr, e);
	return n;
}

void
malloc_elem_join_next(struct malloc_elem *e)
{
	struct malloc_elem *n = e->next;
	/* The absorbed header is data now, never zero: the written part reaches past it. */
	uintptr_t n_dirty = n->state == ELEM_FREE ? malloc_elem_dirty_end(n) :
			(uintptr_t)malloc_elem_end(n);
	uintptr_t dirty = e->state != ELEM_FREE ? 0 : RTE_MAX(malloc_elem_dirty_end(e), n_dirty);

	e->size += n->size;
	e->next = n->next;
	if (n->next != NULL)
		n->next->prev = e;
	/* A stale pointer to the absorbed header must not look valid. */
	n->state = 0;
	n->cookie = 0;
	if (e->state == ELEM_FREE)
		malloc_elem_set_dirty_end(e, dirty);
}

void *
malloc_elem_fit(const struct malloc_elem *e, size_t size, size_t align, size_t bound)
{
	uintptr_t start = (uintptr_t)e + MALLOC_ELEM_HEADER_LEN;
	uintptr_t end = (uintptr_t)malloc_elem_end(e);
	uintptr_t d = RTE_ALIGN_CEIL(start, align);

	/* Moving up to the boundary the block would cross keeps it in one bound window. */
	if (bound != 0 && ((d ^ (d + size - 1)) & ~(bound - 1)) != 0)
		d = RTE_ALIGN_FLOOR(d + size - 1, bound);
	if (d < start || d + size > end || d + size < d)
		return NULL;
	return (void *)d;
}

/* Is the page holding addr mapped EAL memory? A stale pointer may point into a returned chunk. */
static bool
is_mapped(const void *addr)
{
	const struct eal_memseg_list *msl;
	bool ok;

	pthread_rwlock_rdlock(&eal_mem.lock);
	msl = eal_msl_of(addr);
	ok = msl != NULL && eal_msl_seg(msl, addr)->len != 0;
	pthread_rwlock_unlock(&eal_mem.lock);
	return ok;
}

struct malloc_elem *
malloc_elem_from_data(const void *data)
{
	struct malloc_elem *h, *e;

	if (data == NULL || ((uintptr_t)data & (RTE_CACHE_LINE_MIN_SIZE - 1)) != 0)
		return NULL;
	h = (struct malloc_elem *)((uintptr_t)data - MALLOC_ELEM_HEADER_LEN);
	/* A block never starts a chunk, so its header and any pad sit in the chunk's pages. */
	if (!is_mapped(h) || (h->state == ELEM_PAD && !is_mapped(RTE_PTR_SUB(h, h->pad))))
		return NULL;
	if (h->cookie != malloc_elem_cookie(h))
		return NULL;
	if (h->state == ELEM_BUSY)
		return h->pad == 0 ? h : NULL;
	if (h->state != ELEM_PAD)
		return NULL;
	e = RTE_PTR_SUB(h, h->pad);
	if (e->cookie != malloc_elem_cookie(e) || e->state != ELEM_BUSY || e->pad != h->pad)
		return NULL;
	return e;
}

void *
malloc_elem_data(const struct malloc_elem *e)
{
	return RTE_PTR_ADD(e, MALLOC_ELEM_HEADER_LEN + e->pad);
}

size_t
malloc_elem_usable(const struct malloc_elem *e)
{
	return e->size - MALLOC_ELEM_HEADER_LEN - e->pad;
}

bool
malloc_elem_sane(const struct malloc_elem *e)
{
	if (e->cookie != malloc_elem_cookie(e))
		return false;
	if (e->next != NULL && (e->next->prev != e || malloc_elem_end(e) != (const void *)e->next ||
			e->next->cookie != malloc_elem_cookie(e->next)))
		return false;
	if (e->prev != NULL && (e->prev->next != e || malloc_elem_end(e->prev) != (const void *)e))
		return false;
	return true;
}
