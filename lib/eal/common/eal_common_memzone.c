/* SPDX-License-Identifier: BSD-3-Clause */
/* Memzones: a fixed table of named blocks carved from rte_malloc memory. */
#include <string.h>
#include <pthread.h>
#include <inttypes.h>

#include <rte_common.h>
#include <rte_memzone.h>
#include <rte_malloc.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_private.h"

static struct {
	pthread_mutex_t lock;
	struct rte_memzone zones[RTE_MAX_MEMZONE];
	unsigned int used;
} mz_table = { .lock = PTHREAD_MUTEX_INITIALIZER };

static struct rte_memzone *
mz_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_MEMZONE; i++)
		if (mz_table.zones[i].addr != NULL &&
				strncmp(mz_table.zones[i].name, name, RTE_MEMZONE_NAMESIZE) == 0)
			return &mz_table.zones[i];
	return NULL;
}

const struct rte_memzone *
rte_memzone_reserve_bounded(const char *name, size_t len, int socket_id, unsigned int flags,
		unsigned int align, unsigned int bound)
{
	struct rte_memzone *mz = NULL;
	unsigned int i;
	void *addr;

	RTE_SET_USED(flags);
	if (name == NULL || (align != 0 && !rte_is_power_of_2(align)) ||
			(bound != 0 && (!rte_is_power_of_2(bound) || bound < len)) ||
			(socket_id != SOCKET_ID_ANY && (socket_id < 0 ||
				socket_id >= RTE_MAX_NUMA_NODES))) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (strnlen(name, RTE_MEMZONE_NAMESIZE) >= RTE_MEMZONE_NAMESIZE) {
		RTE_LOG(DEBUG, EAL, "memzone name too long: %s\n", name);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	if (len == 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (align < RTE_CACHE_LINE_SIZE)
		align = RTE_CACHE_LINE_SIZE;
	/* Aligning on the boundary guarantees that a block no larger than it never crosses one. */
	if (bound != 0 && bound > align)
		align = bound;

	pthread_mutex_lock(&mz_table.lock);
	if (mz_find(name) != NULL) {
		pthread_mutex_unlock(&mz_table.lock);
		RTE_LOG(DEBUG, EAL, "memzone %s already exists\n", name);
		rte_errno = EEXIST;
		return NULL;
	}
	for (i = 0; i < RTE_MAX_MEMZONE; i++) {
		if (mz_table.zones[i].addr == NULL) {
			mz = &mz_table.zones[i];
			break;
		}
	}
	if (mz == NULL) {
		pthread_mutex_unlock(&mz_table.lock);
		rte_errno = ENOSPC;
		return NULL;
	}
	addr = rte_malloc_socket(name, RTE_ALIGN_CEIL(len, RTE_CACHE_LINE_SIZE), align, socket_id);
	if (addr == NULL) {
		pthread_mutex_unlock(&mz_table.lock);
		rte_errno = ENOMEM;
		return NULL;
	}
	memset(mz, 0, sizeof(*mz));
	rte_strlcpy(mz->name, name, sizeof(mz->name));
	mz->addr = addr;
	mz->iova = rte_mem_virt2iova(addr);
	mz->len = len;
	mz->hugepage_sz = RTE_PGSIZE_4K;
	mz->socket_id = socket_id < 0 ? 0 : socket_id;
	mz->flags = 0;
	mz_table.used++;
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

	if (mz == NULL || mz < &mz_table.zones[0] || mz >= &mz_table.zones[RTE_MAX_MEMZONE])
		return -EINVAL;
	slot = &mz_table.zones[mz - &mz_table.zones[0]];
	pthread_mutex_lock(&mz_table.lock);
	addr = slot->addr;
	if (addr == NULL) {
		pthread_mutex_unlock(&mz_table.lock);
		return -EINVAL;
	}
	memset(slot, 0, sizeof(*slot));
	mz_table.used--;
	pthread_mutex_unlock(&mz_table.lock);
	rte_free(addr);
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
	pthread_mutex_lock(&mz_table.lock);
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

	pthread_mutex_lock(&mz_table.lock);
	for (i = 0; i < RTE_MAX_MEMZONE; i++)
		if (mz_table.zones[i].addr != NULL)
			func(&mz_table.zones[i], arg);
	pthread_mutex_unlock(&mz_table.lock);
}

static void
dump_one(const struct rte_memzone *mz, void *arg)
{
	FILE *f = arg;

	fprintf(f, "Zone %u: name:<%s>, len:0x%zx, virt:%p, socket_id:%d, flags:%x, iova:0x%" PRIx64 "\n",
		(unsigned int)(mz - &mz_table.zones[0]), mz->name, mz->len, mz->addr,
		mz->socket_id, mz->flags, mz->iova);
}

void
rte_memzone_dump(FILE *f)
{
	rte_memzone_walk(dump_one, f);
}

int
rte_eal_memzone_init(void)
{
	return 0;
}

/* Zones still reserved at cleanup belong to the application; free their memory. */
void
rte_eal_memzone_cleanup(void)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_MEMZONE; i++)
		if (mz_table.zones[i].addr != NULL)
			rte_memzone_free(&mz_table.zones[i]);
}
