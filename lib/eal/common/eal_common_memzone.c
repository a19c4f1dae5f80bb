/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memzones: named blocks from the heaps, with the alignment, boundary, page size and IOVA
 * contiguity a device queue or ring asks for. The table is fixed (RTE_MAX_MEMZONE entries), so a
 * zone pointer stays valid until the zone is freed; searches stop at the highest slot ever used.
 */
#include <string.h>
#include <inttypes.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "eal_private.h"
#include "eal_shared.h"
#include "malloc_heap.h"

/* The table lives in the shared configuration, so that every process finds the zones. */
struct mz_state {
	pthread_mutex_t lock;
	unsigned int top;        /* slots [0, top) have been used at some point */
	unsigned int used;
	struct rte_memzone zones[RTE_MAX_MEMZONE];
};
static struct mz_state mz_local = { .lock = PTHREAD_MUTEX_INITIALIZER };
static struct mz_state *mzs = &mz_local;
#define mz_table (*mzs)

static struct rte_memzone *
mz_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < mz_table.top; i++)
		if (mz_table.zones[i].addr != NULL &&
				strncmp(mz_table.zones[i].name, name, RTE_MEMZONE_NAMESIZE) == 0)
			return &mz_table.zones[i];
	return NULL;
}

static struct rte_memzone *
mz_free_slot(void)
{
	unsigned int i;

	for (i = 0; i < mz_table.top; i++)
		if (mz_table.zones[i].addr == NULL)
			return &mz_table.zones[i];
	if (mz_table.top < RTE_MAX_MEMZONE)
		return &mz_table.zones[mz_table.top++];
	return NULL;
}

/* Page sizes a zone's flags ask for, as a mask of sizes; 0 for any. */
static uint64_t
flags_to_page_sizes(unsigned int flags)
{
	static const struct { unsigned int flag; uint64_t size; } map[] = {
		{ RTE_MEMZONE_256KB, 256ULL << 10 }, { RTE_MEMZONE_2MB, 2ULL << 20 },
		{ RTE_MEMZONE_16MB, 16ULL << 20 }, { RTE_MEMZONE_256MB, 256ULL << 20 },
		{ RTE_MEMZONE_512MB, 512ULL << 20 }, { RTE_MEMZONE_1GB, 1ULL << 30 },
		{ RTE_MEMZONE_4GB, 4ULL << 30 }, { RTE_MEMZONE_16GB, 16ULL << 30 },
	};
	uint64_t mask = 0;
	unsigned int i;

	for (i = 0; i < RTE_DIM(map); i++)
		if (flags & map[i].flag)
			mask |= map[i].size;
	return mask;
}

static int
check_args(const char *name, size_t len, int socket_id, unsigned int align, unsigned int bound)
{
	if (name == NULL) {
		EAL_LOG(ERR, "memzone: NULL name\n");
		return EINVAL;
	}
	if (strnlen(name, RTE_MEMZONE_NAMESIZE) >= RTE_MEMZONE_NAMESIZE) {
		EAL_LOG(ERR, "memzone name too long (at most %d characters): %s\n",
			RTE_MEMZONE_NAMESIZE - 1, name);
		return ENAMETOOLONG;
	}
	if (align != 0 && !rte_is_power_of_2(align)) {
		EAL_LOG(ERR, "memzone %s: alignment %u is not a power of two\n", name, align);
		return EINVAL;
	}
	if (bound != 0 && (!rte_is_power_of_2(bound) || bound < len)) {
		EAL_LOG(ERR, "memzone %s: boundary %u must be a power of two >= length %zu\n",
			name, bound, len);
		return EINVAL;
	}
	if (socket_id != SOCKET_ID_ANY && (socket_id < 0 || socket_id >= RTE_MAX_NUMA_NODES) &&
			malloc_heap_of(socket_id) == NULL) {
		EAL_LOG(ERR, "memzone %s: invalid socket %d\n", name, socket_id);
		return EINVAL;
	}
	if (len > SIZE_MAX / 2) {
		EAL_LOG(ERR, "memzone %s: length %zu too large\n", name, len);
		return EINVAL;
	}
	return 0;
}

static const struct rte_memzone *
mz_reserve(const char *name, size_t len, int socket_id, unsigned int flags, unsigned int align,
		unsigned int bound)
{
	struct malloc_req req = { 0 };
	struct rte_memzone *mz;
	void *addr;
	int err;

	err = check_args(name, len, socket_id, align, bound);
	if (err != 0) {
		rte_errno = err;
		return NULL;
	}
	if (mz_find(name) != NULL) {
		EAL_LOG(ERR, "memzone %s already exists\n", name);
		rte_errno = EEXIST;
		return NULL;
	}
	mz = mz_free_slot();
	if (mz == NULL) {
		EAL_LOG(ERR, "memzone %s: table full (%d zones)\n", name, RTE_MAX_MEMZONE);
		rte_errno = ENOSPC;
		return NULL;
	}

	req.align = RTE_MAX((size_t)align, (size_t)RTE_CACHE_LINE_SIZE);
	req.bound = bound;
	req.contig = (flags & RTE_MEMZONE_IOVA_CONTIG) != 0;
	if (rte_eal_has_hugepages())
		req.page_sizes = flags_to_page_sizes(flags);
	if (len == 0) {
		/* The largest block the heap has now. */
		int s = socket_id == SOCKET_ID_ANY ? (int)rte_socket_id() : socket_id;

		if (socket_id == SOCKET_ID_ANY && s >= RTE_MAX_NUMA_NODES)
			s = 0;
		len = malloc_heap_max_free(s, req.align);
		if (bound != 0)
			len = RTE_MIN(len, (size_t)bound);
		if (len == 0) {
			EAL_LOG(ERR, "memzone %s: no free block for a zone of length 0\n", name);
			rte_errno = ENOMEM;
			return NULL;
		}
		socket_id = s;
	}
	req.size = RTE_ALIGN_CEIL(len, (size_t)RTE_CACHE_LINE_SIZE);
	addr = malloc_heap_alloc(&req, socket_id, NULL);
	if (addr == NULL && req.page_sizes != 0 && (flags & RTE_MEMZONE_SIZE_HINT_ONLY)) {
		req.page_sizes = 0;
		addr = malloc_heap_alloc(&req, socket_id, NULL);
	}
	if (addr == NULL) {
		if (req.contig && rte_eal_iova_mode() == RTE_IOVA_PA)
			EAL_LOG(ERR, "memzone %s: no IOVA-contiguous block of %zu bytes "
				"(in PA mode, a zone larger than a page needs physically "
				"adjacent pages)\n", name, len);
		else
			EAL_LOG(ERR, "memzone %s: cannot allocate %zu bytes on socket %d\n", name,
				len, socket_id);
		rte_errno = ENOMEM;
		if (mz == &mz_table.zones[mz_table.top - 1])
			mz_table.top--;
		return NULL;
	}
	memset(mz, 0, sizeof(*mz));
	rte_strlcpy(mz->name, name, sizeof(mz->name));
	mz->addr = addr;
	mz->iova = rte_malloc_virt2iova(addr);
	mz->len = req.size;
	mz->hugepage_sz = malloc_heap_page_sz(addr);
	mz->socket_id = rte_mem_virt2memseg_list(addr) != NULL ?
		rte_mem_virt2memseg_list(addr)->socket_id : 0;
	mz->flags = flags;
	mz_table.used++;
	return mz;
}

const struct rte_memzone *
rte_memzone_reserve_bounded(const char *name, size_t len, int socket_id, unsigned int flags,
		unsigned int align, unsigned int bound)
{
	const struct rte_memzone *mz;

	eal_shared_mutex_lock(&mz_table.lock, "memzone");
	mz = mz_reserve(name, len, socket_id, flags, align, bound);
	pthread_mutex_unlock(&mz_table.lock);
	return mz;
}

const struct rte_memzone *
rte_memzone_reserve_aligned(const char *name, size_t len, int socket_id, unsigned int flags,
		unsigned int align)
{
	return rte_memzone_reserve_bounded(name, len, socket_id, flags, align, 0);
}

const struct rte_memzone *
rte_memzone_reserve(const char *name, size_t len, int socket_id, unsigned int flags)
{
	return rte_memzone_reserve_bounded(name, len, socket_id, flags, RTE_CACHE_LINE_SIZE, 0);
}

int
rte_memzone_free(const struct rte_memzone *mz)
{
	struct rte_memzone *slot;
	void *addr;

	if (mz == NULL || mz < &mz_table.zones[0] || mz >= &mz_table.zones[RTE_MAX_MEMZONE] ||
			((uintptr_t)mz - (uintptr_t)&mz_table.zones[0]) % sizeof(*mz) != 0)
		return -EINVAL;
	slot = &mz_table.zones[mz - &mz_table.zones[0]];
	eal_shared_mutex_lock(&mz_table.lock, "memzone");
	addr = slot->addr;
	if (addr == NULL) {
		pthread_mutex_unlock(&mz_table.lock);
		EAL_LOG(ERR, "memzone at %p is not reserved\n", (const void *)mz);
		return -EINVAL;
	}
	memset(slot, 0, sizeof(*slot));
	mz_table.used--;
	rte_free(addr);
	pthread_mutex_unlock(&mz_table.lock);
	return 0;
}

const struct rte_memzone *
rte_memzone_lookup(const char *name)
{
	struct rte_memzone *mz;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	eal_shared_mutex_lock(&mz_table.lock, "memzone");
	mz = mz_find(name);
	pthread_mutex_unlock(&mz_table.lock);
	if (mz == NULL)
		rte_errno = ENOENT;
	return mz;
}

void
rte_memzone_walk(void (*func)(const struct rte_memzone *, void *), void *arg)
{
	unsigned int i;

	eal_shared_mutex_lock(&mz_table.lock, "memzone");
	for (i = 0; i < mz_table.top; i++)
		if (mz_table.zones[i].addr != NULL)
			func(&mz_table.zones[i], arg);
	pthread_mutex_unlock(&mz_table.lock);
}

static void
dump_one(const struct rte_memzone *mz, void *arg)
{
	fprintf(arg, "Zone %u: name:<%s>, len:0x%zx, virt:%p, socket_id:%d, flags:%x, iova:0x%"
		PRIx64 ", page_sz:%" PRIu64 " kB\n", (unsigned int)(mz - &mz_table.zones[0]),
		mz->name, mz->len, mz->addr, mz->socket_id, mz->flags, mz->iova,
		mz->hugepage_sz >> 10);
}

void
rte_memzone_dump(FILE *f)
{
	rte_memzone_walk(dump_one, f);
}

int
rte_eal_memzone_init(void)
{
	struct mz_state *shared;

	if (eal_is_secondary()) {
		shared = eal_shared_get(EAL_SHARED_MEMZONE);
		if (shared == NULL)
			return -1;
		mzs = shared;
		return 0;
	}
	shared = eal_shared_alloc(sizeof(*shared));
	if (shared == NULL)
		return -1;
	eal_shared_mutex_init(&shared->lock);
	mzs = shared;
	eal_shared_set(EAL_SHARED_MEMZONE, shared);
	eal_shared_mutex_lock(&mz_table.lock, "memzone");
	mz_table.top = 0;
	mz_table.used = 0;
	pthread_mutex_unlock(&mz_table.lock);
	return 0;
}

/* Zones still reserved at cleanup lose their memory with the heaps; forget them. */
void
rte_eal_memzone_cleanup(void)
{
	unsigned int i;

	/* A secondary leaves the zones to the primary. */
	if (mzs == &mz_local || eal_is_secondary()) {
		mzs = &mz_local;
		return;
	}
	eal_shared_mutex_lock(&mz_table.lock, "memzone");
	for (i = 0; i < mz_table.top; i++)
		if (mz_table.zones[i].addr != NULL)
			rte_free(mz_table.zones[i].addr);
	memset(mz_table.zones, 0, sizeof(mz_table.zones[0]) * mz_table.top);
	mz_table.top = 0;
	mz_table.used = 0;
	pthread_mutex_unlock(&mz_table.lock);
	mzs = &mz_local;
}
