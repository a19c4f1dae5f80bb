/* SPDX-License-Identifier: BSD-3-Clause */
/* The rte_malloc family: argument checks and socket choice on top of the heaps. */
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "malloc_heap.h"

static int
check_args(size_t size, unsigned int align, int socket)
{
	if (size == 0 || (align != 0 && !rte_is_power_of_2(align)) ||
			(socket != SOCKET_ID_ANY && (socket < 0 || socket >= RTE_MAX_NUMA_NODES) &&
			malloc_heap_of(socket) == NULL)) {
		rte_errno = EINVAL;
		return -1;
	}
	return 0;
}

/* A block of the heap; *zeroed tells whether it is known to hold zeros. */
static void *
heap_block(size_t size, unsigned int align, int socket, bool *zeroed)
{
	struct malloc_req req = { 0 };

	if (check_args(size, align, socket) < 0)
		return NULL;
	if (size > SIZE_MAX / 2) {
		rte_errno = ENOMEM;
		return NULL;
	}
	req.size = RTE_ALIGN_CEIL(size, (size_t)RTE_CACHE_LINE_SIZE);
	req.align = RTE_MAX((size_t)align, (size_t)RTE_CACHE_LINE_SIZE);
	return malloc_heap_alloc(&req, socket, zeroed);
}

void *
rte_malloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	RTE_SET_USED(type); /* blocks are not tracked by type */
	return heap_block(size, align, socket, NULL);
}

void *
rte_malloc(const char *type, size_t size, unsigned int align)
{
	return rte_malloc_socket(type, size, align, SOCKET_ID_ANY);
}

void *
rte_zmalloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	void *p = rte_malloc_socket(type, size, align, socket);

	/* Even on fresh pages: the faults are taken here, not in the caller's fast path later. */
	if (p != NULL)
		memset(p, 0, size);
	return p;
}

void *
rte_zmalloc_sparse_socket(const char *type, size_t size, unsigned int align, int socket)
{
	bool zeroed = false;
	void *p;

	RTE_SET_USED(type);
	p = heap_block(size, align, socket, &zeroed);
	if (p != NULL && !zeroed)
		memset(p, 0, size);
	return p;
}

void *
rte_zmalloc(const char *type, size_t size, unsigned int align)
{
	return rte_zmalloc_socket(type, size, align, SOCKET_ID_ANY);
}

void *
rte_calloc_socket(const char *type, size_t num, size_t size, unsigned int align, int socket)
{
	if (size != 0 && num > SIZE_MAX / size) {
		rte_errno = ENOMEM;
		return NULL;
	}
	return rte_zmalloc_socket(type, num * size, align, socket);
}

void *
rte_calloc(const char *type, size_t num, size_t size, unsigned int align)
{
	return rte_calloc_socket(type, num, size, align, SOCKET_ID_ANY);
}

void
rte_free(void *ptr)
{
	if (ptr == NULL)
		return;
	if (malloc_heap_free(ptr) < 0)
		EAL_LOG(ERR, "rte_free: %p is not a block allocated by rte_malloc\n", ptr);
}

void *
rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
{
	struct malloc_elem *e;
	size_t old;
	void *n;

	if (ptr == NULL)
		return rte_malloc_socket(NULL, size, align, socket);
	if (check_args(size, align, socket) < 0)
		return NULL;
	e = malloc_elem_from_data(ptr);
	if (e == NULL) {
		EAL_LOG(ERR, "rte_realloc: %p is not a block allocated by rte_malloc\n", ptr);
		rte_errno = EINVAL;
		return NULL;
	}
	if (align == 0)
		align = RTE_CACHE_LINE_SIZE;
	/* In place when the alignment and node still fit: shrink, or grow into a free neighbour. */
	if (((uintptr_t)ptr & (align - 1)) == 0 &&
			(socket == SOCKET_ID_ANY || socket == e->chunk->heap->socket_id) &&
			malloc_heap_resize(e, size) == 0)
		return ptr;
	old = malloc_elem_usable(e);
	n = rte_malloc_socket(NULL, size, align, socket);
	if (n == NULL)
		return NULL;
	memcpy(n, ptr, RTE_MIN(size, old));
	rte_free(ptr);
	return n;
}

void *
rte_realloc(void *ptr, size_t size, unsigned int align)
{
	return rte_realloc_socket(ptr, size, align, SOCKET_ID_ANY);
}

int
rte_malloc_validate(const void *ptr, size_t *size)
{
	const struct malloc_elem *e = malloc_elem_from_data(ptr);

	if (e == NULL || !malloc_elem_sane(e))
		return -1;
	if (size != NULL)
		*size = malloc_elem_usable(e);
	return 0;
}

rte_iova_t
rte_malloc_virt2iova(const void *addr)
{
	const struct rte_memseg_list *msl = rte_mem_virt2memseg_list(addr);
	const struct rte_memseg *ms;

	/* External pages have the IOVA the application gave (or none), whatever the mode. */
	if (msl == NULL || !msl->external)
		return rte_mem_virt2iova(addr);
	ms = rte_mem_virt2memseg(addr, msl);
	if (ms == NULL || ms->iova == RTE_BAD_IOVA)
		return RTE_BAD_IOVA;
	return ms->iova + RTE_PTR_DIFF(addr, ms->addr);
}
