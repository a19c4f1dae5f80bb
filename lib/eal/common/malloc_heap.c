/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_malloc family. Each block carries a small header just below the pointer returned to the
 * caller, recording where the underlying allocation starts and how large it is, so that
 * rte_free, rte_realloc and the statistics work for any alignment.
 */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"

#define MALLOC_COOKIE 0x6d616c6c6f63ULL /* "malloc" */

struct malloc_hdr {
	void *base;        /* what the system allocator returned */
	size_t size;       /* bytes requested by the caller */
	int socket;
	uint32_t pad;
	uint64_t cookie;   /* catches frees of pointers that did not come from here */
};

static struct {
	pthread_mutex_t lock;
	size_t alloc_bytes;
	unsigned int alloc_count;
} heap = { .lock = PTHREAD_MUTEX_INITIALIZER };

static struct malloc_hdr *
hdr_of(const void *ptr)
{
	return (struct malloc_hdr *)((uintptr_t)ptr - sizeof(struct malloc_hdr));
}

void *
rte_malloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	struct malloc_hdr *hdr;
	size_t total;
	void *base;
	uintptr_t user;

	RTE_SET_USED(type);
	if (size == 0 || (align != 0 && !rte_is_power_of_2(align))) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (align < RTE_CACHE_LINE_SIZE)
		align = RTE_CACHE_LINE_SIZE;
	if (size > SIZE_MAX - align - sizeof(*hdr)) {
		rte_errno = ENOMEM;
		return NULL;
	}
	total = size + align + sizeof(*hdr);
	base = malloc(total);
	if (base == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	user = RTE_ALIGN_CEIL((uintptr_t)base + sizeof(*hdr), align);
	hdr = hdr_of((void *)user);
	hdr->base = base;
	hdr->size = size;
	hdr->socket = socket < 0 ? 0 : socket;
	hdr->cookie = MALLOC_COOKIE;

	pthread_mutex_lock(&heap.lock);
	heap.alloc_bytes += size;
	heap.alloc_count++;
	pthread_mutex_unlock(&heap.lock);
	return (void *)user;
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

	if (p != NULL)
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
	struct malloc_hdr *hdr;

	if (ptr == NULL)
		return;
	hdr = hdr_of(ptr);
	if (hdr->cookie != MALLOC_COOKIE) {
		RTE_LOG(ERR, EAL, "rte_free: %p was not allocated by rte_malloc\n", ptr);
		return;
	}
	hdr->cookie = 0;
	pthread_mutex_lock(&heap.lock);
	heap.alloc_bytes -= hdr->size;
	heap.alloc_count--;
	pthread_mutex_unlock(&heap.lock);
	free(hdr->base);
}

void *
rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
{
	void *n;

	if (ptr == NULL)
		return rte_malloc_socket(NULL, size, align, socket);
	if (size == 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	n = rte_malloc_socket(NULL, size, align, socket);
	if (n == NULL)
		return NULL;
	memcpy(n, ptr, RTE_MIN(size, hdr_of(ptr)->size));
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
	if (ptr == NULL || hdr_of(ptr)->cookie != MALLOC_COOKIE)
		return -1;
	if (size != NULL)
		*size = hdr_of(ptr)->size;
	return 0;
}

int
rte_malloc_get_socket_stats(int socket, struct rte_malloc_socket_stats *stats)
{
	if (stats == NULL || socket < 0 || socket >= RTE_MAX_NUMA_NODES)
		return -1;
	memset(stats, 0, sizeof(*stats));
	if (socket != 0)
		return 0;
	pthread_mutex_lock(&heap.lock);
	stats->heap_allocsz_bytes = heap.alloc_bytes;
	stats->alloc_count = heap.alloc_count;
	pthread_mutex_unlock(&heap.lock);
	return 0;
}

void
rte_malloc_dump_stats(FILE *f, const char *type)
{
	struct rte_malloc_socket_stats st;

	RTE_SET_USED(type);
	rte_malloc_get_socket_stats(0, &st);
	fprintf(f, "Socket:0\n\tHeap_size:%zu,\n\tAlloc_size:%zu,\n\tAlloc_count:%u,\n",
		st.heap_totalsz_bytes, st.heap_allocsz_bytes, st.alloc_count);
}

void
rte_malloc_dump_heaps(FILE *f)
{
	rte_malloc_dump_stats(f, NULL);
}

rte_iova_t
rte_malloc_virt2iova(const void *addr)
{
	return rte_mem_virt2iova(addr);
}

int
rte_malloc_heap_socket_is_external(int socket_id)
{
	RTE_SET_USED(socket_id);
	return 0;
}

int
rte_eal_malloc_heap_init(void)
{
	return 0;
}

void
rte_eal_malloc_heap_cleanup(void)
{
}
