/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory the application mapped itself, made known to EAL as memseg lists with external set:
 * either registered on its own (rte_extmem_*, for DMA layers walking the memsegs) or given to a
 * named malloc heap (malloc_ext.c). Such a list has all its pages in use from the start; EAL
 * never maps, unmaps or grows into it. Each gets a socket id above the NUMA nodes.
 */
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_memalloc.h"

/* As in DPDK, ids of external memory start at 256 (or past the NUMA nodes if more). */
#define EAL_EXT_SOCKET_MIN (RTE_MAX_NUMA_NODES > 256 ? RTE_MAX_NUMA_NODES : 256)

static int next_ext_socket = EAL_EXT_SOCKET_MIN;

int
eal_extmem_next_socket(void)
{
	return next_ext_socket++;
}

int
eal_extmem_check(const void *va, size_t len, const rte_iova_t iova[], unsigned int n_pages,
		size_t page_sz)
{
	if (va == NULL || page_sz == 0 || !rte_is_power_of_2(page_sz) || len == 0 ||
			len % page_sz != 0 || (uintptr_t)va % page_sz != 0 ||
			len / page_sz > UINT32_MAX || (uintptr_t)va + len < (uintptr_t)va ||
			(iova != NULL && len / page_sz != n_pages)) {
		EAL_LOG(ERR, "external memory %p, len 0x%zx, page size 0x%zx, %u IOVAs: the "
			"range must be non-empty, in whole pages, with one IOVA per page if any\n",
			va, len, page_sz, iova != NULL ? n_pages : 0);
		rte_errno = EINVAL;
		return -1;
	}
	return 0;
}

struct eal_memseg_list *
eal_extmem_find(const void *va, size_t len)
{
	unsigned int i;

	for (i = 0; i < eal_mem.n_msl; i++) {
		struct eal_memseg_list *msl = &eal_mem.msl[i];

		if (msl->pub.external && msl->pub.base_va == va && msl->pub.len == len)
			return msl;
	}
	return NULL;
}

/* 0, or -1 with rte_errno (EEXIST same range, EINVAL overlap) when the range is taken. */
static int
range_free(const void *va, size_t len)
{
	uintptr_t start = (uintptr_t)va, end = start + len;
	unsigned int i;

	for (i = 0; i < eal_mem.n_msl; i++) {
		const struct eal_memseg_list *msl = &eal_mem.msl[i];
		uintptr_t s = (uintptr_t)msl->pub.base_va, e = s + msl->pub.len;

		if (msl->pub.base_va == NULL || end <= s || start >= e)
			continue;
		if (s == start && e == end && msl->pub.external) {
			EAL_LOG(ERR, "external memory %p (0x%zx bytes) is registered already\n",
				va, len);
			rte_errno = EEXIST;
		} else {
			EAL_LOG(ERR, "external memory %p (0x%zx bytes) overlaps EAL memory at %p\n",
				va, len, msl->pub.base_va);
			rte_errno = EINVAL;
		}
		return -1;
	}
	return 0;
}

struct eal_memseg_list *
eal_extmem_add(void *va, size_t len, const rte_iova_t iova[], size_t page_sz, int socket,
		bool heap)
{
	unsigned int i, n = (unsigned int)(len / page_sz);
	struct eal_memseg_list *msl = NULL;

	if (range_free(va, len) < 0)
		return NULL;
	for (i = 0; i < eal_mem.n_msl && msl == NULL; i++)
		if (eal_mem.msl[i].pub.base_va == NULL)
			msl = &eal_mem.msl[i];
	if (msl == NULL && eal_mem.n_msl == RTE_MAX_MEMSEG_LISTS) {
		EAL_LOG(ERR, "no room for external memory %p: all %d memseg lists are in use\n",
			va, RTE_MAX_MEMSEG_LISTS);
		rte_errno = ENOSPC;
		return NULL;
	}
	if (msl == NULL)
		msl = &eal_mem.msl[eal_mem.n_msl];
	memset(msl, 0, sizeof(*msl));
	msl->segs = calloc(n, sizeof(*msl->segs));
	msl->used = calloc((n + 63) / 64, sizeof(uint64_t));
	if (msl->segs == NULL || msl->used == NULL) {
		EAL_LOG(ERR, "no memory to describe external memory %p\n", va);
		free(msl->segs);
		free(msl->used);
		memset(msl, 0, sizeof(*msl));
		rte_errno = ENOMEM;
		return NULL;
	}
	for (i = 0; i < n; i++) {
		struct rte_memseg *ms = &msl->segs[i];

		ms->addr = RTE_PTR_ADD(va, (size_t)i * page_sz);
		ms->len = page_sz;
		ms->hugepage_sz = page_sz;
		ms->socket_id = socket;
		ms->iova = iova != NULL ? iova[i] : RTE_BAD_IOVA;
		msl->used[i / 64] |= 1ULL << (i % 64);
	}
	msl->n_slots = n;
	msl->n_mapped = n;
	msl->hp_idx = -1;
	msl->pub.page_sz = page_sz;
	msl->pub.socket_id = socket;
	msl->pub.len = len;
	msl->pub.external = 1;
	msl->pub.heap = heap ? 1 : 0;
	msl->pub.version = 1;
	/* Last: walkers without the lock skip a slot whose base_va is NULL. */
	msl->pub.base_va = va;
	if (msl == &eal_mem.msl[eal_mem.n_msl])
		eal_mem.n_msl++;
	return msl;
}

void
eal_extmem_remove(struct eal_memseg_list *msl)
{
	free(msl->segs);
	free(msl->used);
	memset(msl, 0, sizeof(*msl));
}

int
rte_extmem_register(void *va_addr, size_t len, rte_iova_t iova_addrs[], unsigned int n_pages,
		size_t page_sz)
{
	struct eal_memseg_list *msl;

	if (eal_extmem_check(va_addr, len, iova_addrs, n_pages, page_sz) < 0)
		return -1;
	pthread_rwlock_wrlock(&eal_mem.lock);
	msl = eal_extmem_add(va_addr, len, iova_addrs, page_sz, eal_extmem_next_socket(), false);
	pthread_rwlock_unlock(&eal_mem.lock);
	return msl != NULL ? 0 : -1;
}

/* The registration (not heap memory) of exactly [va, va + len); eal_mem.lock held. */
static struct eal_memseg_list *
find_registered(const void *va, size_t len)
{
	struct eal_memseg_list *msl;

	if (va == NULL || len == 0) {
		EAL_LOG(ERR, "external memory %p, len 0x%zx: bad range\n", va, len);
		rte_errno = EINVAL;
		return NULL;
	}
	msl = eal_extmem_find(va, len);
	if (msl == NULL) {
		EAL_LOG(ERR, "external memory %p (0x%zx bytes) is not registered\n", va, len);
		rte_errno = ENOENT;
		return NULL;
	}
	if (msl->pub.heap) {
		EAL_LOG(ERR, "external memory %p belongs to a malloc heap: use the "
			"rte_malloc_heap_memory_* functions\n", va);
		rte_errno = EINVAL;
		return NULL;
	}
	return msl;
}

int
rte_extmem_unregister(void *va_addr, size_t len)
{
	struct eal_memseg_list *msl;

	pthread_rwlock_wrlock(&eal_mem.lock);
	msl = find_registered(va_addr, len);
	if (msl != NULL)
		eal_extmem_remove(msl);
	pthread_rwlock_unlock(&eal_mem.lock);
	return msl != NULL ? 0 : -1;
}

/* One process sees its own registrations: attaching and detaching only check they exist. */
int
rte_extmem_attach(void *va_addr, size_t len)
{
	struct eal_memseg_list *msl;

	pthread_rwlock_rdlock(&eal_mem.lock);
	msl = find_registered(va_addr, len);
	pthread_rwlock_unlock(&eal_mem.lock);
	return msl != NULL ? 0 : -1;
}

int
rte_extmem_detach(void *va_addr, size_t len)
{
	return rte_extmem_attach(va_addr, len);
}
