/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Named malloc heaps: heaps the application creates and feeds with memory it mapped itself.
 * Each has a socket id above the NUMA nodes, which the allocation calls accept like a node's.
 * The memory given to one becomes an external memseg list (eal_common_extmem.c) and a single
 * pinned chunk of the heap, so it is never unmapped and the heap never grows beyond it.
 */
#include <string.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "eal_private.h"
#include "eal_memalloc.h"
#include "malloc_heap.h"

/* 0 when name can name a heap, else -1 with rte_errno EINVAL and a log line. */
static int
check_name(const char *name)
{
	size_t len = name != NULL ? strnlen(name, MALLOC_HEAP_NAME_LEN) : 0;

	if (len == 0 || len == MALLOC_HEAP_NAME_LEN) {
		EAL_LOG(ERR, "malloc heap name %s: missing, empty or %d bytes or more\n",
			name == NULL ? "(null)" : name, MALLOC_HEAP_NAME_LEN);
		rte_errno = EINVAL;
		return -1;
	}
	return 0;
}

/* The named heap called name; ext lock held. NULL with rte_errno ENOENT or EPERM. */
static struct malloc_heap *
find_named(const char *name)
{
	struct malloc_heap *h = malloc_heap_by_name(name);

	if (h == NULL) {
		EAL_LOG(ERR, "no malloc heap named %s\n", name);
		rte_errno = ENOENT;
		return NULL;
	}
	if (!h->external) {
		EAL_LOG(ERR, "malloc heap %s belongs to a NUMA node, not to the application\n",
			name);
		rte_errno = EPERM;
		return NULL;
	}
	return h;
}

int
rte_malloc_heap_get_socket(const char *name)
{
	struct malloc_heap *h;
	int socket;

	if (check_name(name) < 0)
		return -1;
	malloc_heap_ext_lock();
	h = malloc_heap_by_name(name);
	socket = h != NULL ? h->socket_id : -1;
	malloc_heap_ext_unlock();
	if (h == NULL)
		rte_errno = ENOENT;
	return socket;
}

int
rte_malloc_heap_socket_is_external(int socket_id)
{
	struct malloc_heap *h;

	if (socket_id == SOCKET_ID_ANY)
		return 0;
	h = malloc_heap_of(socket_id);
	if (h == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	return h->external ? 1 : 0;
}

int
rte_malloc_heap_create(const char *heap_name)
{
	struct malloc_heap *h;

	if (check_name(heap_name) < 0)
		return -1;
	malloc_heap_ext_lock();
	if (malloc_heap_by_name(heap_name) != NULL) {
		malloc_heap_ext_unlock();
		EAL_LOG(ERR, "malloc heap %s exists already\n", heap_name);
		rte_errno = EEXIST;
		return -1;
	}
	h = malloc_heap_ext_slot();
	if (h == NULL) {
		malloc_heap_ext_unlock();
		EAL_LOG(ERR, "cannot create malloc heap %s: all %d heaps exist\n", heap_name,
			RTE_MAX_HEAPS);
		rte_errno = ENOSPC;
		return -1;
	}
	pthread_rwlock_wrlock(&eal_mem.lock);
	h->socket_id = eal_extmem_next_socket();
	pthread_rwlock_unlock(&eal_mem.lock);
	h->external = true;
	strcpy(h->name, heap_name);
	malloc_heap_ext_unlock();
	return 0;
}

int
rte_malloc_heap_destroy(const char *heap_name)
{
	struct malloc_heap *h;
	int ret = 0;

	if (check_name(heap_name) < 0)
		return -1;
	malloc_heap_ext_lock();
	h = find_named(heap_name);
	if (h == NULL) {
		ret = -1;
	} else if (h->n_chunks != 0 || h->alloc_count != 0) {
		EAL_LOG(ERR, "malloc heap %s still has memory: remove it first\n", heap_name);
		rte_errno = EBUSY;
		ret = -1;
	} else {
		h->name[0] = '\0';
	}
	malloc_heap_ext_unlock();
	return ret;
}

int
rte_malloc_heap_memory_add(const char *heap_name, void *va_addr, size_t len,
		rte_iova_t iova_addrs[], unsigned int n_pages, size_t page_sz)
{
	struct eal_memseg_list *msl = NULL;
	struct malloc_heap *h;

	if (check_name(heap_name) < 0 ||
			eal_extmem_check(va_addr, len, iova_addrs, n_pages, page_sz) < 0)
		return -1;
	/* The heap's bookkeeping lives in the memory: it must hold at least a small block. */
	if (len < MALLOC_CHUNK_HEADER_LEN + MALLOC_ELEM_MIN_LEN) {
		EAL_LOG(ERR, "malloc heap %s: 0x%zx bytes at %p are too few for a heap\n",
			heap_name, len, va_addr);
		rte_errno = EINVAL;
		return -1;
	}
	malloc_heap_ext_lock();
	h = find_named(heap_name);
	if (h != NULL) {
		pthread_rwlock_wrlock(&eal_mem.lock);
		msl = eal_extmem_add(va_addr, len, iova_addrs, page_sz, h->socket_id, true);
		pthread_rwlock_unlock(&eal_mem.lock);
	}
	if (msl != NULL)
		malloc_heap_add_memory(h, msl);
	malloc_heap_ext_unlock();
	if (msl == NULL)
		return -1;
	eal_mem_event_notify(RTE_MEM_EVENT_ALLOC, va_addr, len);
	return 0;
}

/* Heap and list of memory added to heap_name; ext lock held. -1 with rte_errno if none. */
static int
find_added(const char *heap_name, void *va_addr, size_t len, struct malloc_heap **hp,
		struct eal_memseg_list **mslp)
{
	struct eal_memseg_list *msl;
	struct malloc_heap *h;

	if (va_addr == NULL || len == 0) {
		EAL_LOG(ERR, "malloc heap %s: bad range %p, 0x%zx bytes\n", heap_name, va_addr,
			len);
		rte_errno = EINVAL;
		return -1;
	}
	h = find_named(heap_name);
	if (h == NULL)
		return -1;
	pthread_rwlock_rdlock(&eal_mem.lock);
	msl = eal_extmem_find(va_addr, len);
	pthread_rwlock_unlock(&eal_mem.lock);
	if (msl == NULL || !msl->pub.heap || msl->pub.socket_id != h->socket_id) {
		EAL_LOG(ERR, "malloc heap %s has no memory at %p of 0x%zx bytes\n", heap_name,
			va_addr, len);
		rte_errno = ENOENT;
		return -1;
	}
	*hp = h;
	*mslp = msl;
	return 0;
}

int
rte_malloc_heap_memory_remove(const char *heap_name, void *va_addr, size_t len)
{
	struct eal_memseg_list *msl;
	struct malloc_heap *h;
	int ret;

	if (check_name(heap_name) < 0)
		return -1;
	malloc_heap_ext_lock();
	ret = find_added(heap_name, va_addr, len, &h, &msl);
	if (ret == 0) {
		ret = malloc_heap_remove_memory(h, msl);
		if (ret < 0)
			EAL_LOG(ERR, "malloc heap %s: memory at %p still has blocks in use\n",
				heap_name, va_addr);
	}
	if (ret == 0) {
		/* Callbacks see the memory while it is still described, as for freed pages. */
		eal_mem_event_notify(RTE_MEM_EVENT_FREE, va_addr, len);
		pthread_rwlock_wrlock(&eal_mem.lock);
		eal_extmem_remove(msl);
		pthread_rwlock_unlock(&eal_mem.lock);
	}
	malloc_heap_ext_unlock();
	return ret;
}

/*
 * A single process has the memory already: attaching and detaching check it is there and tell
 * the memory event callbacks, which is what another process would have to do.
 */
static int
sync_memory(const char *heap_name, void *va_addr, size_t len, enum rte_mem_event ev)
{
	struct eal_memseg_list *msl;
	struct malloc_heap *h;
	int ret;

	if (check_name(heap_name) < 0)
		return -1;
	malloc_heap_ext_lock();
	ret = find_added(heap_name, va_addr, len, &h, &msl);
	malloc_heap_ext_unlock();
	if (ret == 0)
		eal_mem_event_notify(ev, va_addr, len);
	return ret;
}

int
rte_malloc_heap_memory_attach(const char *heap_name, void *va_addr, size_t len)
{
	return sync_memory(heap_name, va_addr, len, RTE_MEM_EVENT_ALLOC);
}

int
rte_malloc_heap_memory_detach(const char *heap_name, void *va_addr, size_t len)
{
	return sync_memory(heap_name, va_addr, len, RTE_MEM_EVENT_FREE);
}
