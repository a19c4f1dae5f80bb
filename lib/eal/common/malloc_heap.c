/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The per-node heaps behind rte_malloc and memzones: first fit over size-class free lists,
 * growth by mapping pages of the heap's node, and return of free pages with the hysteresis
 * described in malloc_heap.h.
 * Each heap has its own mutex; growing also takes the memory layout lock, always in that order.
 * Memory event callbacks run with the heap lock held, which is why they must not allocate.
 */
#include <stdio.h>
#include <string.h>
#include <inttypes.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "eal_private.h"
#include "eal_memalloc.h"
#include "eal_shared.h"
#include "malloc_heap.h"

/* The heaps live in the shared configuration, so that every process allocates from them. */
struct heap_state {
	struct malloc_heap node[RTE_MAX_NUMA_NODES];
	struct malloc_heap named[MALLOC_EXT_HEAPS];
	pthread_mutex_t named_lock;
};
static struct heap_state heap_local = { .named_lock = PTHREAD_MUTEX_INITIALIZER };
static struct heap_state *hs = &heap_local;
#define heaps (hs->node)
#define ext_heaps (hs->named)
#define ext_lock (hs->named_lock)

void
malloc_heap_ext_lock(void)
{
	eal_shared_mutex_lock(&ext_lock, "named heap");
}

void
malloc_heap_ext_unlock(void)
{
	pthread_mutex_unlock(&ext_lock);
}

static struct malloc_heap *
ext_heap_of(int socket)
{
	unsigned int i;

	for (i = 0; i < MALLOC_EXT_HEAPS; i++)
		if (ext_heaps[i].name[0] != '\0' && ext_heaps[i].socket_id == socket)
			return &ext_heaps[i];
	return NULL;
}

struct malloc_heap *
malloc_heap_of(int socket)
{
	struct malloc_heap *h;

	if (socket >= 0 && socket < RTE_MAX_NUMA_NODES)
		return &heaps[socket];
	eal_shared_mutex_lock(&ext_lock, "named heap");
	h = ext_heap_of(socket);
	pthread_mutex_unlock(&ext_lock);
	return h;
}

struct malloc_heap *
malloc_heap_by_name(const char *name)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_NUMA_NODES; i++) {
		char buf[MALLOC_HEAP_NAME_LEN];

		snprintf(buf, sizeof(buf), "socket_%u", i);
		if (strcmp(name, buf) == 0)
			return &heaps[i];
	}
	for (i = 0; i < MALLOC_EXT_HEAPS; i++)
		if (ext_heaps[i].name[0] != '\0' &&
				strncmp(ext_heaps[i].name, name, MALLOC_HEAP_NAME_LEN) == 0)
			return &ext_heaps[i];
	return NULL;
}

struct malloc_heap *
malloc_heap_ext_slot(void)
{
	unsigned int i;

	for (i = 0; i < MALLOC_EXT_HEAPS; i++)
		if (ext_heaps[i].name[0] == '\0')
			return &ext_heaps[i];
	return NULL;
}

static unsigned int
free_list_idx(size_t size)
{
	unsigned int l = 63 - (unsigned int)__builtin_clzll((unsigned long long)size | 1);

	return l <= 7 ? 0 : RTE_MIN(l - 7, (unsigned int)MALLOC_FREE_LISTS - 1);
}

static void
free_list_insert(struct malloc_heap *h, struct malloc_elem *e)
{
	unsigned int idx = free_list_idx(e->size);

	e->state = ELEM_FREE;
	e->free_prev = NULL;
	e->free_next = h->free_head[idx];
	if (e->free_next != NULL)
		e->free_next->free_prev = e;
	h->free_head[idx] = e;
	h->free_mask |= UINT32_C(1) << idx;
}

static void
free_list_remove(struct malloc_heap *h, struct malloc_elem *e)
{
	unsigned int idx;

	if (e->free_prev != NULL) {
		e->free_prev->free_next = e->free_next;
	} else {
		idx = free_list_idx(e->size);
		h->free_head[idx] = e->free_next;
		if (e->free_next == NULL)
			h->free_mask &= ~(UINT32_C(1) << idx);
	}
	if (e->free_next != NULL)
		e->free_next->free_prev = e->free_prev;
	e->free_prev = NULL;
	e->free_next = NULL;
}

static bool
page_size_ok(uint64_t page_sz, uint64_t mask)
{
	return mask == 0 || (mask & page_sz) != 0;
}

/* Is nothing of c in use (free elements merge, so it is then one free element)? */
static bool
chunk_unused(const struct malloc_chunk *c)
{
	const struct malloc_elem *e = RTE_PTR_ADD(c, MALLOC_CHUNK_HEADER_LEN);

	return e->state == ELEM_FREE && e->next == NULL;
}

/* Where req fits in e, honouring IOVA contiguity in PA mode. */
static void *
fit_req(const struct malloc_elem *e, const struct malloc_req *req)
{
	uint64_t pg = e->chunk->msl->pub.page_sz;
	size_t bound = req->bound;
	void *d;
	bool ok;

	if (!req->contig || rte_eal_iova_mode() != RTE_IOVA_PA)
		return malloc_elem_fit(e, req->size, req->align, bound);
	/* A block inside one page is contiguous by nature: keep it from crossing pages. */
	if (req->size <= pg)
		bound = bound != 0 ? RTE_MIN(bound, (size_t)pg) : (size_t)pg;
	d = malloc_elem_fit(e, req->size, req->align, bound);
	if (d == NULL || req->size <= pg)
		return d;
	pthread_rwlock_rdlock(&eal_mem.lock);
	ok = eal_mem_iova_contig(d, req->size);
	pthread_rwlock_unlock(&eal_mem.lock);
	return ok ? d : NULL;
}

/*
 * Turn the part of free element e at data into a busy block of size bytes; *zeroed tells
 * whether its bytes are all zero.
 */
static void *
carve(struct malloc_heap *h, struct malloc_elem *e, void *data, size_t size, bool *zeroed)
{
	struct malloc_elem *hdr = RTE_PTR_SUB(data, MALLOC_ELEM_HEADER_LEN);
	size_t gap = (size_t)RTE_PTR_DIFF(hdr, e);
	uintptr_t dirty = malloc_elem_dirty_end(e);
	uintptr_t used_end;

	free_list_remove(h, e);
	if (gap >= MALLOC_ELEM_MIN_LEN) {
		struct malloc_elem *busy = malloc_elem_split(e, hdr);

		free_list_insert(h, e);
		e = busy;
		gap = 0;
	}
	e->state = ELEM_BUSY;
	e->pad = (uint32_t)gap;
	if (gap != 0) {
		memset(hdr, 0, sizeof(*hdr));
		hdr->chunk = e->chunk;
		hdr->state = ELEM_PAD;
		hdr->pad = (uint32_t)gap;
		hdr->cookie = malloc_elem_cookie(hdr);
	}
	used_end = RTE_ALIGN_CEIL((uintptr_t)data + size, RTE_CACHE_LINE_SIZE);
	if ((uintptr_t)malloc_elem_end(e) - used_end >= MALLOC_ELEM_MIN_LEN) {
		struct malloc_elem *rest = malloc_elem_split(e, (void *)used_end);

		malloc_elem_set_dirty_end(rest, dirty);
		free_list_insert(h, rest);
	}
	h->alloc_bytes += e->size;
	h->alloc_count++;
	*zeroed = (uintptr_t)data >= dirty;
	return data;
}

static void *
heap_alloc_on(struct malloc_heap *h, const struct malloc_req *req, bool *zeroed)
{
	uint32_t lists = h->free_mask;
	unsigned int idx;

	/* Only the lists of large enough classes that have elements, smallest first. */
	lists &= ~((UINT32_C(1) << free_list_idx(req->size + MALLOC_ELEM_HEADER_LEN)) - 1);
	for (; lists != 0; lists &= lists - 1) {
		struct malloc_elem *e;

		idx = (unsigned int)__builtin_ctz(lists);

		for (e = h->free_head[idx]; e != NULL; e = e->free_next) {
			void *d;

			if (e->size < req->size + MALLOC_ELEM_HEADER_LEN ||
					!page_size_ok(e->chunk->msl->pub.page_sz, req->page_sizes))
				continue;
			d = fit_req(e, req);
			if (d != NULL)
				return carve(h, e, d, req->size, zeroed);
		}
	}
	return NULL;
}

/* Map n pages of msl as a new chunk of heap h; NULL when they cannot be had. */
static struct malloc_chunk *
heap_add_chunk(struct malloc_heap *h, struct eal_memseg_list *msl, unsigned int n, bool pinned)
{
	struct malloc_chunk *c;
	struct malloc_elem *e;
	int first;

	if (eal_mem_alloc_validate(h->socket_id, h->total_bytes + (size_t)n * msl->pub.page_sz) < 0)
		return NULL;
	pthread_rwlock_wrlock(&eal_mem.lock);
	first = eal_memalloc_find_slots(msl, n);
	if (first >= 0 && eal_memalloc_map(msl, (unsigned int)first, n) < 0)
		first = -1;
	pthread_rwlock_unlock(&eal_mem.lock);
	if (first < 0)
		return NULL;

	c = RTE_PTR_ADD(msl->pub.base_va, (size_t)first * msl->pub.page_sz);
	eal_mem_event_notify(RTE_MEM_EVENT_ALLOC, c, (size_t)n * msl->pub.page_sz);
	memset(c, 0, sizeof(*c));
	c->heap = h;
	c->msl = msl;
	c->len = (size_t)n * msl->pub.page_sz;
	c->first_slot = (unsigned int)first;
	c->n_slots = n;
	c->pinned = pinned;
	e = RTE_PTR_ADD(c, MALLOC_CHUNK_HEADER_LEN);
	malloc_elem_init(e, c, c->len - MALLOC_CHUNK_HEADER_LEN);
	e->dirty = 0; /* pages the memory layer maps hold zeros (see eal_memalloc_unmap) */
	free_list_insert(h, e);
	TAILQ_INSERT_TAIL(&h->chunks, c, next);
	h->total_bytes += c->len;
	h->n_chunks++;
	return c;
}

static void
heap_release_chunk(struct malloc_heap *h, struct malloc_chunk *c)
{
	struct eal_memseg_list *msl = c->msl;
	unsigned int first = c->first_slot, n = c->n_slots;
	size_t len = c->len;

	if (h->idle == c)
		h->idle = NULL;
	TAILQ_REMOVE(&h->chunks, c, next);
	h->total_bytes -= len;
	h->n_chunks--;
	/* Callbacks (DMA unmapping) see the pages while they are still mapped. */
	eal_mem_event_notify(RTE_MEM_EVENT_FREE, c, len);
	pthread_rwlock_wrlock(&eal_mem.lock);
	eal_memalloc_unmap(msl, first, n);
	pthread_rwlock_unlock(&eal_mem.lock);
}

/*
 * Map n pages of msl right after the end of one of h's chunks and add them to that chunk, so
 * blocks can span the old and new pages. Returns the free element ending the chunk, or NULL.
 * Pre-allocated chunks are left alone: their pages are never given back.
 */
static struct malloc_elem *
heap_extend_chunk(struct malloc_heap *h, struct eal_memseg_list *msl, unsigned int n)
{
	struct malloc_chunk *c;

	if (eal_mem_alloc_validate(h->socket_id, h->total_bytes + (size_t)n * msl->pub.page_sz) < 0)
		return NULL;
	TAILQ_FOREACH(c, &h->chunks, next) {
		unsigned int end = c->first_slot + c->n_slots;
		struct malloc_elem *last, *e;
		size_t len = (size_t)n * msl->pub.page_sz;
		bool ok;

		if (c->msl != msl || c->pinned || end + n > msl->n_slots || end + n < end)
			continue;
		pthread_rwlock_wrlock(&eal_mem.lock);
		ok = eal_memalloc_slots_free(msl, end, n) &&
			eal_memalloc_map(msl, end, n) == 0;
		pthread_rwlock_unlock(&eal_mem.lock);
		if (!ok)
			continue;
		e = RTE_PTR_ADD(c, c->len);
		eal_mem_event_notify(RTE_MEM_EVENT_ALLOC, e, len);
		for (last = RTE_PTR_ADD(c, MALLOC_CHUNK_HEADER_LEN); last->next != NULL; )
			last = last->next;
		malloc_elem_init(e, c, len);
		e->dirty = 0;
		e->prev = last;
		last->next = e;
		c->n_slots += n;
		c->len += len;
		h->total_bytes += len;
		if (last->state == ELEM_FREE) {
			free_list_remove(h, last);
			malloc_elem_join_next(last);
			e = last;
		}
		free_list_insert(h, e);
		return e;
	}
	return NULL;
}

/* Grow h, by extending a chunk or with a new one, and allocate req from the new space. */
static void *
heap_grow_alloc(struct malloc_heap *h, const struct malloc_req *req, bool *zeroed)
{
	size_t need = MALLOC_CHUNK_HEADER_LEN + MALLOC_ELEM_HEADER_LEN + req->size +
		RTE_MAX(req->align, req->bound);
	unsigned int i;

	/* A named heap has the memory the application added, no more. */
	if (need < req->size || h->external)
		return NULL;
	for (i = 0; i < eal_mem.n_msl; i++) {
		struct eal_memseg_list *msl = &eal_mem.msl[i];
		uint64_t pg = msl->pub.page_sz;
		size_t exact = RTE_ALIGN_CEIL(need, (size_t)pg);
		size_t want = exact;
		struct malloc_chunk *c;
		struct malloc_elem *e;
		void *d;

		if (msl->pub.external || msl->pub.socket_id != h->socket_id ||
				!page_size_ok(pg, req->page_sizes) ||
				exact > msl->pub.len || exact < need)
			continue;
		if (msl->hp_idx < 0 && exact < EAL_NO_HUGE_MIN_CHUNK)
			want = RTE_MIN((size_t)EAL_NO_HUGE_MIN_CHUNK, msl->pub.len);
		/*
		 * Growing a chunk in place wastes no header and lets blocks span the pages;
		 * contiguous requests in PA mode need fresh pages checked on their own instead.
		 */
		if (!req->contig || rte_eal_iova_mode() != RTE_IOVA_PA) {
			e = heap_extend_chunk(h, msl, (unsigned int)(want / pg));
			if (e == NULL && want != exact)
				e = heap_extend_chunk(h, msl, (unsigned int)(exact / pg));
			d = e != NULL ? fit_req(e, req) : NULL;
			if (d != NULL)
				return carve(h, e, d, req->size, zeroed);
		}
		c = heap_add_chunk(h, msl, (unsigned int)(want / pg), false);
		if (c == NULL && want != exact)
			c = heap_add_chunk(h, msl, (unsigned int)(exact / pg), false);
		if (c == NULL)
			continue;
		e = RTE_PTR_ADD(c, MALLOC_CHUNK_HEADER_LEN);
		d = fit_req(e, req);
		if (d != NULL)
			return carve(h, e, d, req->size, zeroed);
		/* Not IOVA-contiguous: these pages cannot serve the request. */
		free_list_remove(h, e);
		heap_release_chunk(h, c);
	}
	return NULL;
}

static void *
heap_alloc_on_heap(struct malloc_heap *h, const struct malloc_req *req, bool *zeroed)
{
	void *p;

	eal_shared_mutex_lock(&h->lock, "heap");
	p = heap_alloc_on(h, req, zeroed);
	if (p == NULL)
		p = heap_grow_alloc(h, req, zeroed);
	/*
	 * The kept idle chunk may hold what growth was refused for: pages of a small mount, or
	 * bytes under an allocation validator's limit. Without it the heap could grow.
	 */
	if (p == NULL && h->idle != NULL && chunk_unused(h->idle)) {
		free_list_remove(h, RTE_PTR_ADD(h->idle, MALLOC_CHUNK_HEADER_LEN));
		heap_release_chunk(h, h->idle);
		p = heap_grow_alloc(h, req, zeroed);
	}
	pthread_mutex_unlock(&h->lock);
	return p;
}

void *
malloc_heap_alloc(const struct malloc_req *req, int socket, bool *zeroed)
{
	unsigned int s, first;
	bool unused;
	void *p;

	if (zeroed == NULL)
		zeroed = &unused;

	if (socket >= 0 && socket < RTE_MAX_NUMA_NODES) {
		p = heap_alloc_on_heap(&heaps[socket], req, zeroed);
	} else if (socket != SOCKET_ID_ANY) {
		struct malloc_heap *h = malloc_heap_of(socket);

		p = h != NULL ? heap_alloc_on_heap(h, req, zeroed) : NULL;
	} else {
		first = rte_socket_id();
		if (first >= RTE_MAX_NUMA_NODES)
			first = 0;
		p = heap_alloc_on_heap(&heaps[first], req, zeroed);
		for (s = 0; p == NULL && s < RTE_MAX_NUMA_NODES; s++)
			if (s != first)
				p = heap_alloc_on_heap(&heaps[s], req, zeroed);
	}
	if (p == NULL)
		rte_errno = ENOMEM;
	return p;
}

/* What a chunk of msl keeps when its free pages are given back (see malloc_heap.h). */
static size_t
chunk_floor(const struct eal_memseg_list *msl)
{
	return msl->hp_idx < 0 ? (size_t)EAL_NO_HUGE_MIN_CHUNK : (size_t)msl->pub.page_sz;
}

/*
 * How much more than a floor the free tail of a chunk still in use must span before it is
 * unmapped (see malloc_heap.h): the floor of small pages, nothing when pages are larger.
 */
static size_t
chunk_top_pad(const struct eal_memseg_list *msl)
{
	return msl->pub.page_sz <= EAL_NO_HUGE_MIN_CHUNK ? (size_t)EAL_NO_HUGE_MIN_CHUNK : 0;
}

/*
 * Free element e ends its chunk: give the whole pages at its end back to the kernel, but keep
 * the chunk's floor, and only when at least a floor and pad bytes go, so that blocks that come
 * and go behind a busy one do not unmap and fault the same pages in every time. e keeps at
 * least its header and a cache line.
 */
static void
heap_trim_tail(struct malloc_heap *h, struct malloc_elem *e, size_t pad)
{
	struct malloc_chunk *c = e->chunk;
	struct eal_memseg_list *msl = c->msl;
	uint64_t pg = msl->pub.page_sz;
	size_t floor = chunk_floor(msl);
	uintptr_t end = (uintptr_t)c + c->len;
	uintptr_t cut = RTE_ALIGN_CEIL((uintptr_t)e + MALLOC_ELEM_MIN_LEN, (uintptr_t)pg);
	unsigned int first, n;

	if (cut < (uintptr_t)c + floor)
		cut = (uintptr_t)c + floor;
	if (cut >= end || end - cut < floor + pad)
		return;
	n = (unsigned int)((end - cut) / pg);
	first = c->first_slot + (unsigned int)((cut - (uintptr_t)c) / pg);
	e->size = cut - (uintptr_t)e;
	c->n_slots -= n;
	c->len -= end - cut;
	h->total_bytes -= end - cut;
	eal_mem_event_notify(RTE_MEM_EVENT_FREE, (void *)cut, end - cut);
	pthread_rwlock_wrlock(&eal_mem.lock);
	eal_memalloc_unmap(msl, first, n);
	pthread_rwlock_unlock(&eal_mem.lock);
}

/*
 * Nothing of e's chunk is in use any more (e is all of it, off the free lists). The heap keeps
 * one such chunk, trimmed to its floor, so that an allocation coming back (a port attached
 * again, a table rebuilt) finds pages already mapped and faulted in; the others go.
 */
static void
heap_chunk_emptied(struct malloc_heap *h, struct malloc_elem *e)
{
	struct malloc_chunk *c = e->chunk;

	if (h->idle != NULL && h->idle != c && !chunk_unused(h->idle))
		h->idle = NULL;
	if (h->idle != NULL && h->idle != c) {
		heap_release_chunk(h, c);
		return;
	}
	h->idle = c;
	heap_trim_tail(h, e, 0);
	free_list_insert(h, e);
}

int
malloc_heap_free(void *ptr)
{
	struct malloc_elem *e = malloc_elem_from_data(ptr);
	struct malloc_heap *h;

	if (e == NULL)
		return -1;
	h = e->chunk->heap;
	eal_shared_mutex_lock(&h->lock, "heap");
	if (e->state != ELEM_BUSY || e->cookie != malloc_elem_cookie(e)) {
		pthread_mutex_unlock(&h->lock);
		return -1;
	}
	h->alloc_bytes -= e->size;
	h->alloc_count--;
	if (e->pad != 0) {
		struct malloc_elem *pad = RTE_PTR_ADD(e, e->pad);

		pad->state = 0;
		pad->cookie = 0;
	}
	e->state = ELEM_FREE;
	e->dirty = UINT32_MAX; /* whatever the caller wrote */
	if (e->next != NULL && e->next->state == ELEM_FREE) {
		free_list_remove(h, e->next);
		malloc_elem_join_next(e);
	}
	if (e->prev != NULL && e->prev->state == ELEM_FREE) {
		struct malloc_elem *p = e->prev;

		free_list_remove(h, p);
		malloc_elem_join_next(p);
		e = p;
	}
	if (e->prev == NULL && e->next == NULL && !e->chunk->pinned) {
		heap_chunk_emptied(h, e);
	} else {
		if (e->next == NULL && !e->chunk->pinned)
			heap_trim_tail(h, e, chunk_top_pad(e->chunk->msl));
		free_list_insert(h, e);
	}
	pthread_mutex_unlock(&h->lock);
	return 0;
}

int
malloc_heap_resize(struct malloc_elem *e, size_t size)
{
	struct malloc_heap *h = e->chunk->heap;
	uintptr_t data = (uintptr_t)malloc_elem_data(e);
	uintptr_t new_end;
	int ret = -1;

	if (size > e->chunk->len)
		return -1;
	new_end = RTE_ALIGN_CEIL(data + size, RTE_CACHE_LINE_SIZE);
	eal_shared_mutex_lock(&h->lock, "heap");
	if (new_end > (uintptr_t)malloc_elem_end(e)) {
		struct malloc_elem *n = e->next;

		if (n == NULL || n->state != ELEM_FREE ||
				new_end > (uintptr_t)malloc_elem_end(n))
			goto out;
		free_list_remove(h, n);
		h->alloc_bytes += n->size;
		malloc_elem_join_next(e);
	}
	if ((uintptr_t)malloc_elem_end(e) - new_end >= MALLOC_ELEM_MIN_LEN) {
		struct malloc_elem *rest = malloc_elem_split(e, (void *)new_end);

		h->alloc_bytes -= rest->size;
		if (rest->next != NULL && rest->next->state == ELEM_FREE) {
			free_list_remove(h, rest->next);
			malloc_elem_join_next(rest);
		}
		if (rest->next == NULL && !e->chunk->pinned)
			heap_trim_tail(h, rest, chunk_top_pad(rest->chunk->msl));
		free_list_insert(h, rest);
	}
	ret = 0;
out:
	pthread_mutex_unlock(&h->lock);
	return ret;
}

size_t
malloc_heap_max_free(int socket, size_t align)
{
	struct malloc_heap *h;
	size_t best = 0;
	unsigned int idx;

	h = malloc_heap_of(socket);
	if (h == NULL)
		return 0;
	eal_shared_mutex_lock(&h->lock, "heap");
	for (idx = 0; idx < MALLOC_FREE_LISTS; idx++) {
		const struct malloc_elem *e;

		for (e = h->free_head[idx]; e != NULL; e = e->free_next) {
			uintptr_t d = RTE_ALIGN_CEIL((uintptr_t)e + MALLOC_ELEM_HEADER_LEN, align);
			uintptr_t end = (uintptr_t)malloc_elem_end(e);

			if (d < end && end - d > best)
				best = end - d;
		}
	}
	pthread_mutex_unlock(&h->lock);
	return RTE_ALIGN_FLOOR(best, (size_t)RTE_CACHE_LINE_SIZE);
}

uint64_t
malloc_heap_page_sz(const void *ptr)
{
	const struct malloc_elem *e = malloc_elem_from_data(ptr);

	return e != NULL ? e->chunk->msl->pub.page_sz : 0;
}

/* Pre-allocate bytes on socket as pinned chunks, smaller pages first. */
static int
heap_prealloc(int socket, uint64_t bytes)
{
	struct malloc_heap *h = &heaps[socket];
	unsigned int i;

	for (i = 0; i < eal_mem.n_msl && bytes > 0; i++) {
		struct eal_memseg_list *msl = &eal_mem.msl[i];
		uint64_t pg = msl->pub.page_sz;
		uint64_t n = (bytes + pg - 1) / pg;

		if (msl->pub.socket_id != socket)
			continue;
		if (msl->hp_idx >= 0)
			n = RTE_MIN(n, (uint64_t)eal_mem.hp[msl->hp_idx].avail[socket]);
		n = RTE_MIN(n, (uint64_t)msl->n_slots);
		if (n == 0)
			continue;
		if (heap_add_chunk(h, msl, (unsigned int)n, true) == NULL)
			continue;
		bytes = bytes > n * pg ? bytes - n * pg : 0;
	}
	if (bytes > 0) {
		EAL_LOG(ERR, "cannot pre-allocate memory on socket %d: %" PRIu64
			" MB could not be mapped\n", socket, (uint64_t)((bytes + EAL_MB - 1) / EAL_MB));
		return -1;
	}
	return 0;
}

int
rte_eal_malloc_heap_init(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	uint64_t left = cfg->memory;
	struct heap_state *shared;
	unsigned int s;

	if (eal_is_secondary()) {
		shared = eal_shared_get(EAL_SHARED_HEAP);
		if (shared == NULL) {
			rte_errno = ENOENT;
			return -1;
		}
		hs = shared;
		return 0;
	}
	shared = eal_shared_alloc(sizeof(*shared));
	if (shared == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	eal_shared_mutex_init(&shared->named_lock);
	hs = shared;
	eal_shared_set(EAL_SHARED_HEAP, shared);
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		struct malloc_heap *h = &heaps[s];

		memset(h, 0, sizeof(*h));
		eal_shared_mutex_init(&h->lock);
		TAILQ_INIT(&h->chunks);
		h->socket_id = (int)s;
	}
	for (s = 0; s < MALLOC_EXT_HEAPS; s++) {
		struct malloc_heap *h = &ext_heaps[s];

		memset(h, 0, sizeof(*h));
		eal_shared_mutex_init(&h->lock);
		TAILQ_INIT(&h->chunks);
		h->external = true;
	}
	if (cfg->force_sockets) {
		for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
			uint64_t want = cfg->socket_mem[s];

			if (want != 0 && heap_prealloc((int)s, want) < 0)
				goto fail;
		}
	} else {
		/* -m: take from each node in turn what it has until the amount is reached. */
		for (s = 0; s < RTE_MAX_NUMA_NODES && left > 0; s++) {
			uint64_t have = 0;
			unsigned int i;

			for (i = 0; i < eal_mem.n_msl; i++) {
				const struct eal_memseg_list *msl = &eal_mem.msl[i];
				int hp = msl->hp_idx;

				if (msl->pub.socket_id != (int)s)
					continue;
				have += hp >= 0 ?
					(uint64_t)eal_mem.hp[hp].avail[s] * msl->pub.page_sz :
					msl->pub.len;
			}
			have = RTE_MIN(have, left);
			if (have != 0 && heap_prealloc((int)s, have) < 0)
				goto fail;
			left -= have;
		}
	}
	return 0;
fail:
	rte_eal_malloc_heap_cleanup();
	rte_errno = ENOMEM;
	return -1;
}

void
rte_eal_malloc_heap_cleanup(void)
{
	unsigned int s;

	/* A secondary leaves the heaps to the primary. */
	if (hs == &heap_local || eal_is_secondary()) {
		hs = &heap_local;
		return;
	}

	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		struct malloc_heap *h = &heaps[s];
		struct malloc_chunk *c;

		eal_shared_mutex_lock(&h->lock, "heap");
		while ((c = TAILQ_FIRST(&h->chunks)) != NULL)
			heap_release_chunk(h, c);
		memset(h->free_head, 0, sizeof(h->free_head));
		h->free_mask = 0;
		h->alloc_bytes = 0;
		h->alloc_count = 0;
		h->idle = NULL;
		pthread_mutex_unlock(&h->lock);
	}
	/* Named heaps go, their memory stays the application's (the lists go with EAL memory). */
	eal_shared_mutex_lock(&ext_lock, "named heap");
	for (s = 0; s < MALLOC_EXT_HEAPS; s++) {
		struct malloc_heap *h = &ext_heaps[s];

		eal_shared_mutex_lock(&h->lock, "heap");
		TAILQ_INIT(&h->chunks);
		memset(h->free_head, 0, sizeof(h->free_head));
		h->free_mask = 0;
		h->alloc_bytes = 0;
		h->alloc_count = 0;
		h->total_bytes = 0;
		h->n_chunks = 0;
		h->name[0] = '\0';
		pthread_mutex_unlock(&h->lock);
	}
	pthread_mutex_unlock(&ext_lock);
	hs = &heap_local;
}

void
malloc_heap_add_memory(struct malloc_heap *h, struct eal_memseg_list *msl)
{
	struct malloc_chunk *c = msl->pub.base_va;
	struct malloc_elem *e = RTE_PTR_ADD(c, MALLOC_CHUNK_HEADER_LEN);

	eal_shared_mutex_lock(&h->lock, "heap");
	memset(c, 0, sizeof(*c));
	c->heap = h;
	c->msl = msl;
	c->len = msl->pub.len;
	c->first_slot = 0;
	c->n_slots = msl->n_slots;
	c->pinned = true;
	malloc_elem_init(e, c, c->len - MALLOC_CHUNK_HEADER_LEN);
	free_list_insert(h, e);
	TAILQ_INSERT_TAIL(&h->chunks, c, next);
	h->total_bytes += c->len;
	h->n_chunks++;
	pthread_mutex_unlock(&h->lock);
}

int
malloc_heap_remove_memory(struct malloc_heap *h, struct eal_memseg_list *msl)
{
	struct malloc_chunk *c;
	struct malloc_elem *e;
	int ret = 0;

	eal_shared_mutex_lock(&h->lock, "heap");
	TAILQ_FOREACH(c, &h->chunks, next)
		if (c->msl == msl)
			break;
	if (c == NULL) {
		rte_errno = ENOENT;
		ret = -1;
		goto out;
	}
	e = RTE_PTR_ADD(c, MALLOC_CHUNK_HEADER_LEN);
	/* Free blocks merge, so an unused chunk is a single free element. */
	if (e->state != ELEM_FREE || e->next != NULL) {
		rte_errno = EBUSY;
		ret = -1;
		goto out;
	}
	free_list_remove(h, e);
	TAILQ_REMOVE(&h->chunks, c, next);
	h->total_bytes -= c->len;
	h->n_chunks--;
out:
	pthread_mutex_unlock(&h->lock);
	return ret;
}

static void
heap_stats(struct malloc_heap *h, struct rte_malloc_socket_stats *st)
{
	unsigned int idx;

	memset(st, 0, sizeof(*st));
	eal_shared_mutex_lock(&h->lock, "heap");
	for (idx = 0; idx < MALLOC_FREE_LISTS; idx++) {
		const struct malloc_elem *e;

		for (e = h->free_head[idx]; e != NULL; e = e->free_next) {
			st->heap_freesz_bytes += e->size;
			st->free_count++;
			if (e->size - MALLOC_ELEM_HEADER_LEN > st->greatest_free_size)
				st->greatest_free_size = e->size - MALLOC_ELEM_HEADER_LEN;
		}
	}
	st->heap_totalsz_bytes = h->total_bytes;
	st->heap_allocsz_bytes = h->alloc_bytes;
	st->alloc_count = h->alloc_count;
	pthread_mutex_unlock(&h->lock);
}

int
rte_malloc_get_socket_stats(int socket, struct rte_malloc_socket_stats *st)
{
	struct malloc_heap *h = st != NULL ? malloc_heap_of(socket) : NULL;

	if (h == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	heap_stats(h, st);
	return 0;
}

/* The i-th heap of all (NUMA nodes first, then named ones in use), or NULL. */
static struct malloc_heap *
heap_at(unsigned int i)
{
	if (i < RTE_MAX_NUMA_NODES)
		return &heaps[i];
	i -= RTE_MAX_NUMA_NODES;
	return i < MALLOC_EXT_HEAPS && ext_heaps[i].name[0] != '\0' ? &ext_heaps[i] : NULL;
}

void
rte_malloc_dump_stats(FILE *f, const char *type)
{
	unsigned int i;

	RTE_SET_USED(type); /* blocks are not tracked by type */
	eal_shared_mutex_lock(&ext_lock, "named heap");
	for (i = 0; i < RTE_MAX_HEAPS; i++) {
		struct malloc_heap *h = heap_at(i);
		struct rte_malloc_socket_stats st;

		if (h == NULL)
			continue;
		heap_stats(h, &st);
		if (st.heap_totalsz_bytes == 0)
			continue;
		fprintf(f, "Socket:%d\n"
			"\tHeap_size:%zu,\n"
			"\tFree_size:%zu,\n"
			"\tAlloc_size:%zu,\n"
			"\tGreatest_free_size:%zu,\n"
			"\tAlloc_count:%u,\n"
			"\tFree_count:%u,\n",
			h->socket_id, st.heap_totalsz_bytes, st.heap_freesz_bytes,
			st.heap_allocsz_bytes, st.greatest_free_size, st.alloc_count,
			st.free_count);
	}
	pthread_mutex_unlock(&ext_lock);
}

void
rte_malloc_dump_heaps(FILE *f)
{
	unsigned int i;

	eal_shared_mutex_lock(&ext_lock, "named heap");
	for (i = 0; i < RTE_MAX_HEAPS; i++) {
		struct malloc_heap *h = heap_at(i);
		const struct malloc_chunk *c;

		if (h == NULL)
			continue;
		eal_shared_mutex_lock(&h->lock, "heap");
		if (h->n_chunks != 0 || h->external)
			fprintf(f, "Heap socket %d%s%s: %u chunks, %zu bytes, "
				"%u blocks in use (%zu bytes)\n", h->socket_id,
				h->external ? " " : "", h->name, h->n_chunks, h->total_bytes,
				h->alloc_count, h->alloc_bytes);
		TAILQ_FOREACH(c, &h->chunks, next) {
			const struct malloc_elem *e = RTE_PTR_ADD(c, MALLOC_CHUNK_HEADER_LEN);

			fprintf(f, "  chunk %p len 0x%zx page_sz %" PRIu64 " kB%s\n",
				(const void *)c, c->len, c->msl->pub.page_sz >> 10,
				c->pinned ? " pinned" : h->idle == c && chunk_unused(c) ?
				" idle" : "");
			for (; e != NULL; e = e->next)
				fprintf(f, "    %s %p size 0x%zx%s\n",
					e->state == ELEM_FREE ? "free" : "busy", (const void *)e,
					e->size, malloc_elem_sane(e) ? "" : " CORRUPT");
		}
		pthread_mutex_unlock(&h->lock);
	}
	pthread_mutex_unlock(&ext_lock);
}
