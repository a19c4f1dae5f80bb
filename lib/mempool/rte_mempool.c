/* SPDX-License-Identifier: BSD-3-Clause */
/* Mempool creation, population, naming and inspection; get/put are inline in the header. */
#include <string.h>
#include <unistd.h>
#include <inttypes.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_tailq.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "rte_mempool.h"
#include "mempool_private.h"

RTE_LOG_REGISTER_DEFAULT(mempool_logtype, INFO);

/*
 * Every pool, for rte_mempool_lookup/walk: a tailq of the shared configuration with entries in
 * shared memory, so that secondary processes find the primary's pools.
 */
static struct rte_tailq_elem mempool_tailq = { .name = "RTE_MEMPOOL" };
EAL_REGISTER_TAILQ(mempool_tailq)
#define mempool_list (*RTE_TAILQ_CAST(mempool_tailq.head, rte_tailq_entry_head))

/* Callbacks registered for pool events. */
struct mempool_event_cb {
	TAILQ_ENTRY(mempool_event_cb) next;
	rte_mempool_event_callback *func;
	void *user_data;
};
static TAILQ_HEAD(, mempool_event_cb) mempool_event_cbs =
	TAILQ_HEAD_INITIALIZER(mempool_event_cbs);
static pthread_mutex_t mempool_event_lock = PTHREAD_MUTEX_INITIALIZER;

static void
mempool_event_invoke(enum rte_mempool_event event, struct rte_mempool *mp)
{
	struct mempool_event_cb *cb;

	pthread_mutex_lock(&mempool_event_lock);
	TAILQ_FOREACH(cb, &mempool_event_cbs, next)
		cb->func(event, mp, cb->user_data);
	pthread_mutex_unlock(&mempool_event_lock);
}

int
rte_mempool_event_callback_register(rte_mempool_event_callback *func, void *user_data)
{
	struct mempool_event_cb *cb;

	if (func == NULL) {
		MP_LOG(ERR, "event callback is NULL");
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&mempool_event_lock);
	TAILQ_FOREACH(cb, &mempool_event_cbs, next)
		if (cb->func == func && cb->user_data == user_data) {
			pthread_mutex_unlock(&mempool_event_lock);
			MP_LOG(ERR, "event callback %p with data %p is already registered",
				(void *)(uintptr_t)func, user_data);
			rte_errno = EEXIST;
			return -1;
		}
	cb = malloc(sizeof(*cb));
	if (cb == NULL) {
		pthread_mutex_unlock(&mempool_event_lock);
		MP_LOG(ERR, "no memory for an event callback");
		rte_errno = ENOMEM;
		return -1;
	}
	cb->func = func;
	cb->user_data = user_data;
	TAILQ_INSERT_TAIL(&mempool_event_cbs, cb, next);
	pthread_mutex_unlock(&mempool_event_lock);
	return 0;
}

int
rte_mempool_event_callback_unregister(rte_mempool_event_callback *func, void *user_data)
{
	struct mempool_event_cb *cb;

	pthread_mutex_lock(&mempool_event_lock);
	TAILQ_FOREACH(cb, &mempool_event_cbs, next)
		if (cb->func == func && cb->user_data == user_data)
			break;
	if (cb == NULL) {
		pthread_mutex_unlock(&mempool_event_lock);
		MP_LOG(ERR, "event callback %p with data %p is not registered",
			(void *)(uintptr_t)func, user_data);
		rte_errno = ENOENT;
		return -1;
	}
	TAILQ_REMOVE(&mempool_event_cbs, cb, next);
	pthread_mutex_unlock(&mempool_event_lock);
	free(cb);
	return 0;
}

#define MEMPOOL_VALID_FLAGS (RTE_MEMPOOL_F_NO_SPREAD | RTE_MEMPOOL_F_NO_CACHE_ALIGN | \
		RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET | RTE_MEMPOOL_F_NO_IOVA_CONTIG)

uint32_t
rte_mempool_calc_obj_size(uint32_t elt_size, uint32_t flags, struct rte_mempool_objsz *sz)
{
	struct rte_mempool_objsz lsz;

	if (sz == NULL)
		sz = &lsz;
	sz->header_size = sizeof(struct rte_mempool_objhdr);
	if ((flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN) == 0)
		sz->header_size = RTE_ALIGN_CEIL(sz->header_size, RTE_MEMPOOL_ALIGN);
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	sz->trailer_size = sizeof(struct rte_mempool_objtlr);
#else
	sz->trailer_size = 0;
#endif
	sz->elt_size = RTE_ALIGN_CEIL(elt_size, sizeof(uint64_t));
	if ((flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN) == 0) {
		/* Pad so that the next object's header (and so its element) is aligned. */
		sz->total_size = sz->header_size + sz->elt_size + sz->trailer_size;
		sz->trailer_size += RTE_ALIGN_CEIL(sz->total_size, RTE_MEMPOOL_ALIGN) -
			sz->total_size;
	}
	sz->total_size = sz->header_size + sz->elt_size + sz->trailer_size;
	return sz->total_size;
}

static void
cache_init(struct rte_mempool_cache *cache, uint32_t size)
{
	cache->size = size;
	cache->flushthresh = size + size / 2;
	cache->len = 0;
}

struct rte_mempool_cache *
rte_mempool_cache_create(uint32_t size, int socket_id)
{
	struct rte_mempool_cache *cache;

	if (size == 0 || size > RTE_MEMPOOL_CACHE_MAX_SIZE) {
		MP_LOG(ERR, "cache size %u not in 1..%u", size, RTE_MEMPOOL_CACHE_MAX_SIZE);
		rte_errno = EINVAL;
		return NULL;
	}
	cache = rte_zmalloc_socket("MEMPOOL_CACHE", sizeof(*cache), RTE_CACHE_LINE_SIZE,
			socket_id);
	if (cache == NULL) {
		MP_LOG(ERR, "no memory for a cache of %u objects", size);
		rte_errno = ENOMEM;
		return NULL;
	}
	cache_init(cache, size);
	return cache;
}

void
rte_mempool_cache_free(struct rte_mempool_cache *cache)
{
	rte_free(cache);
}

struct rte_mempool *
rte_mempool_create_empty(const char *name, unsigned int n, unsigned int elt_size,
		unsigned int cache_size, unsigned int private_data_size, int socket_id,
		unsigned int flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	struct rte_mempool_objsz objsz;
	const struct rte_memzone *mz;
	struct rte_tailq_entry *e;
	struct rte_mempool *mp;
	size_t mempool_size;
	unsigned int lcore;
	int err;

	if (name == NULL) {
		MP_LOG(ERR, "mempool name is NULL");
		rte_errno = EINVAL;
		return NULL;
	}
	if (strnlen(name, RTE_MEMPOOL_NAMESIZE) >= RTE_MEMPOOL_NAMESIZE) {
		MP_LOG(ERR, "mempool name %s is longer than %zu characters", name,
			RTE_MEMPOOL_NAMESIZE - 1);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	if (n == 0 || elt_size == 0) {
		MP_LOG(ERR, "mempool %s: %u objects of %u bytes is not a pool", name, n, elt_size);
		rte_errno = EINVAL;
		return NULL;
	}
	if (flags & ~MEMPOOL_VALID_FLAGS) {
		MP_LOG(ERR, "mempool %s: unknown flags 0x%x", name, flags & ~MEMPOOL_VALID_FLAGS);
		rte_errno = EINVAL;
		return NULL;
	}
	/* A cache may hold 1.5 times its size: it must not be able to hide the whole pool. */
	if (cache_size > RTE_MEMPOOL_CACHE_MAX_SIZE ||
			(uint64_t)cache_size * 3 / 2 > n) {
		MP_LOG(ERR, "mempool %s: cache size %u too big (max %u and n / 1.5 = %u)", name,
			cache_size, RTE_MEMPOOL_CACHE_MAX_SIZE, n * 2 / 3);
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mempool_calc_obj_size(elt_size, flags, &objsz);
	if ((uint64_t)objsz.total_size * n > SIZE_MAX / 2) {
		MP_LOG(ERR, "mempool %s: %u objects of %u bytes is too large", name, n, elt_size);
		rte_errno = EINVAL;
		return NULL;
	}

	e = rte_zmalloc("MEMPOOL_TAILQ_ENTRY", sizeof(*e), 0);
	if (e == NULL) {
		MP_LOG(ERR, "mempool %s: no memory for its list entry", name);
		rte_errno = ENOMEM;
		return NULL;
	}
	private_data_size = RTE_ALIGN_CEIL(private_data_size, RTE_MEMPOOL_ALIGN);
	mempool_size = RTE_MEMPOOL_HEADER_SIZE(mp, cache_size) + private_data_size;
	snprintf(mz_name, sizeof(mz_name), RTE_MEMPOOL_MZ_FORMAT, name);

	rte_mcfg_mempool_write_lock();
	mz = rte_memzone_reserve(mz_name, mempool_size, socket_id, 0);
	if (mz == NULL) {
		err = rte_errno;
		rte_mcfg_mempool_write_unlock();
		MP_LOG(ERR, "mempool %s: cannot reserve %zu bytes: %s", name, mempool_size,
			rte_strerror(err));
		rte_free(e);
		rte_errno = err;
		return NULL;
	}
	mp = mz->addr;
	memset(mp, 0, mempool_size);
	rte_strscpy(mp->name, name, sizeof(mp->name));
	mp->mz = mz;
	mp->size = n;
	mp->flags = flags;
	mp->socket_id = socket_id;
	mp->elt_size = objsz.elt_size;
	mp->header_size = objsz.header_size;
	mp->trailer_size = objsz.trailer_size;
	mp->cache_size = cache_size;
	mp->private_data_size = private_data_size;
	STAILQ_INIT(&mp->elt_list);
	STAILQ_INIT(&mp->mem_list);
	if (cache_size != 0) {
		mp->local_cache = (struct rte_mempool_cache *)RTE_PTR_ADD(mp, sizeof(*mp));
		for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++)
			cache_init(&mp->local_cache[lcore], cache_size);
	}
	/* The pool's sync flags pick the ring flavour unless set_ops_byname says otherwise. */
	if ((flags & RTE_MEMPOOL_F_SP_PUT) && (flags & RTE_MEMPOOL_F_SC_GET))
		mp->ops_index = 1;
	else if (flags & RTE_MEMPOOL_F_SC_GET)
		mp->ops_index = 2;
	else if (flags & RTE_MEMPOOL_F_SP_PUT)
		mp->ops_index = 3;
	else
		mp->ops_index = 0;
	e->data = mp;
	TAILQ_INSERT_TAIL(&mempool_list, e, next);
	rte_mcfg_mempool_write_unlock();
	return mp;
}

int
rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name, void *pool_config)
{
	int idx;

	if (mp == NULL || name == NULL) {
		MP_LOG(ERR, "set_ops_byname: NULL %s", mp == NULL ? "pool" : "ops name");
		return -EINVAL;
	}
	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED) {
		MP_LOG(ERR, "mempool %s: ops cannot change once populated", mp->name);
		return -EEXIST;
	}
	idx = mempool_ops_find(name);
	if (idx < 0) {
		MP_LOG(ERR, "mempool %s: unknown ops %s", mp->name, name);
		return -EINVAL;
	}
	mp->ops_index = idx;
	mp->pool_config = pool_config;
	return 0;
}

/* Create the store of free objects on first population. */
static int
mempool_ops_alloc_once(struct rte_mempool *mp)
{
	int ret;

	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		return 0;
	ret = rte_mempool_get_ops(mp->ops_index)->alloc(mp);
	if (ret != 0) {
		MP_LOG(ERR, "mempool %s: ops %s cannot create the store: %s", mp->name,
			rte_mempool_get_ops(mp->ops_index)->name, rte_strerror(-ret));
		return ret;
	}
	mp->flags |= RTE_MEMPOOL_F_POOL_CREATED;
	return 0;
}

static size_t
mempool_total_elt_size(const struct rte_mempool *mp)
{
	return (size_t)mp->header_size + mp->elt_size + mp->trailer_size;
}

ssize_t
rte_mempool_op_calc_mem_size_helper(const struct rte_mempool *mp, uint32_t obj_num,
		uint32_t pg_shift, size_t chunk_reserve, size_t *min_chunk_size, size_t *align)
{
	size_t total = mempool_total_elt_size(mp), pg_sz, per_page, mem;

	if (total == 0) {
		mem = 0;
	} else if (pg_shift == 0) {
		mem = total * obj_num + chunk_reserve;
	} else {
		pg_sz = (size_t)1 << pg_shift;
		if (chunk_reserve >= pg_sz) {
			MP_LOG(ERR, "mempool %s: reserve of %zu bytes fills a %zu-byte page",
				mp->name, chunk_reserve, pg_sz);
			return -EINVAL;
		}
		per_page = (pg_sz - chunk_reserve) / total;
		if (per_page == 0) {
			/* Each object takes whole pages of its own. */
			mem = RTE_ALIGN_CEIL(total + chunk_reserve, pg_sz) * obj_num;
		} else {
			mem = (size_t)(obj_num / per_page) * pg_sz;
			if (obj_num % per_page != 0)
				mem += chunk_reserve + (size_t)(obj_num % per_page) * total;
		}
	}
	if (min_chunk_size != NULL)
		*min_chunk_size = total + chunk_reserve;
	if (align != NULL)
		*align = RTE_MEMPOOL_ALIGN;
	return (ssize_t)mem;
}

ssize_t
rte_mempool_op_calc_mem_size_default(const struct rte_mempool *mp, uint32_t obj_num,
		uint32_t pg_shift, size_t *min_chunk_size, size_t *align)
{
	return rte_mempool_op_calc_mem_size_helper(mp, obj_num, pg_shift, 0, min_chunk_size,
			align);
}

int
rte_mempool_op_populate_helper(struct rte_mempool *mp, unsigned int flags,
		unsigned int max_objs, void *vaddr, rte_iova_t iova, size_t len,
		rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg)
{
	size_t total = mempool_total_elt_size(mp), off;
	unsigned int i;
	char *va;

	if (flags & RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ)
		off = RTE_ALIGN_MUL_CEIL((uintptr_t)vaddr, total) - (uintptr_t)vaddr;
	else if (mp->flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN)
		off = 0;
	else
		off = (size_t)RTE_PTR_DIFF(RTE_PTR_ALIGN_CEIL(vaddr, RTE_MEMPOOL_ALIGN), vaddr);
	for (i = 0; i < max_objs && off + total <= len; i++, off += total) {
		va = (char *)vaddr + off + mp->header_size;
		obj_cb(mp, obj_cb_arg, va, iova == RTE_BAD_IOVA ? RTE_BAD_IOVA :
			iova + (rte_iova_t)(off + mp->header_size));
	}
	return (int)i;
}

int
rte_mempool_op_populate_default(struct rte_mempool *mp, unsigned int max_objs, void *vaddr,
		rte_iova_t iova, size_t len, rte_mempool_populate_obj_cb_t *obj_cb,
		void *obj_cb_arg)
{
	return rte_mempool_op_populate_helper(mp, 0, max_objs, vaddr, iova, len, obj_cb,
			obj_cb_arg);
}

/* Called by the populate op for every object carved: record it and store it as free. */
static void
mempool_add_elem(struct rte_mempool *mp, void *opaque, void *obj, rte_iova_t iova)
{
	struct rte_mempool_objhdr *hdr = rte_mempool_get_header(obj);

	RTE_SET_USED(opaque);
	hdr->mp = mp;
	hdr->iova = iova;
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	hdr->cookie = RTE_MEMPOOL_HEADER_COOKIE1;
	((struct rte_mempool_objtlr *)RTE_PTR_ADD(obj, mp->elt_size))->cookie =
		RTE_MEMPOOL_TRAILER_COOKIE;
#endif
	STAILQ_INSERT_TAIL(&mp->elt_list, hdr, next);
	mp->populated_size++;
	rte_mempool_ops_enqueue_bulk(mp, &obj, 1);
}

int
rte_mempool_populate_iova(struct rte_mempool *mp, char *vaddr, rte_iova_t iova, size_t len,
		rte_mempool_memchunk_free_cb_t *free_cb, void *opaque)
{
	struct rte_mempool_memhdr *memhdr;
	struct rte_mempool_ops *ops;
	int ret;

	if (mp == NULL || vaddr == NULL) {
		MP_LOG(ERR, "populate_iova: NULL %s", mp == NULL ? "pool" : "address");
		return -EINVAL;
	}
	if (mp->populated_size >= mp->size) {
		MP_LOG(ERR, "mempool %s is already full", mp->name);
		return -ENOSPC;
	}
	ret = mempool_ops_alloc_once(mp);
	if (ret != 0)
		return ret;
	memhdr = calloc(1, sizeof(*memhdr));
	if (memhdr == NULL) {
		MP_LOG(ERR, "mempool %s: no memory for a chunk header", mp->name);
		return -ENOMEM;
	}
	ops = rte_mempool_get_ops(mp->ops_index);
	if (ops->populate != NULL)
		ret = ops->populate(mp, mp->size - mp->populated_size, vaddr, iova, len,
				mempool_add_elem, NULL);
	else
		ret = rte_mempool_op_populate_default(mp, mp->size - mp->populated_size, vaddr,
				iova, len, mempool_add_elem, NULL);
	if (ret <= 0) {
		/* No object fits (0) or the ops failed: the chunk is not kept. */
		if (ret == 0)
			MP_LOG(DEBUG, "mempool %s: %zu bytes at %p hold no object of %zu bytes",
				mp->name, len, (void *)vaddr, mempool_total_elt_size(mp));
		free(memhdr);
		return ret;
	}
	memhdr->mp = mp;
	memhdr->addr = vaddr;
	memhdr->iova = iova;
	memhdr->len = len;
	memhdr->free_cb = free_cb;
	memhdr->opaque = opaque;
	STAILQ_INSERT_TAIL(&mp->mem_list, memhdr, next);
	mp->nb_mem_chunks++;
	if (mp->populated_size == mp->size)
		mempool_event_invoke(RTE_MEMPOOL_EVENT_READY, mp);
	return ret;
}

int
rte_mempool_populate_virt(struct rte_mempool *mp, char *addr, size_t len, size_t pg_sz,
		rte_mempool_memchunk_free_cb_t *free_cb, void *opaque)
{
	size_t off, run;
	rte_iova_t iova, next;
	int ret, added = 0;

	if (mp == NULL || addr == NULL) {
		MP_LOG(ERR, "populate_virt: NULL %s", mp == NULL ? "pool" : "address");
		return -EINVAL;
	}
	if (!rte_is_power_of_2(pg_sz) || pg_sz == 0 ||
			RTE_PTR_ALIGN_CEIL(addr, pg_sz) != addr || len % pg_sz != 0) {
		MP_LOG(ERR, "mempool %s: %zu bytes at %p are not whole pages of %zu bytes",
			mp->name, len, (void *)addr, pg_sz);
		return -EINVAL;
	}
	if (mp->populated_size >= mp->size) {
		MP_LOG(ERR, "mempool %s is already full", mp->name);
		return -ENOSPC;
	}
	if (mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG)
		return rte_mempool_populate_iova(mp, addr, RTE_BAD_IOVA, len, free_cb, opaque);

	/* Stop once the pool is full: memory left over is simply not used. */
	for (off = 0; off < len && mp->populated_size < mp->size; off += run) {
		iova = (mp->flags & RTE_MEMPOOL_F_NON_IO) ? RTE_BAD_IOVA :
			rte_mem_virt2iova(addr + off);
		/* Extend the chunk over the following pages while their IOVAs follow on. */
		for (run = pg_sz; off + run < len; run += pg_sz) {
			if (iova == RTE_BAD_IOVA)
				break;
			next = rte_mem_virt2iova(addr + off + run);
			if (next != iova + run)
				break;
		}
		ret = rte_mempool_populate_iova(mp, addr + off, iova, run, free_cb, opaque);
		if (ret == 0)
			continue;
		if (ret < 0) {
			if (added == 0)
				return ret;
			/* Chunks already added stay: they are released with the pool. */
			MP_LOG(ERR, "mempool %s: populating stopped after %d objects: %s",
				mp->name, added, rte_strerror(-ret));
			return ret;
		}
		/* The callback goes with the first chunk only. */
		free_cb = NULL;
		added += ret;
	}
	return added;
}

int
rte_mempool_get_page_size(struct rte_mempool *mp, size_t *pg_sz)
{
	if (mp == NULL || pg_sz == NULL) {
		MP_LOG(ERR, "get_page_size: NULL %s", mp == NULL ? "pool" : "pg_sz");
		return -EINVAL;
	}
	if (mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG)
		*pg_sz = 0;
	else
		*pg_sz = rte_eal_has_hugepages() ? (size_t)RTE_PGSIZE_2M :
			(size_t)sysconf(_SC_PAGESIZE);
	return 0;
}

/* Size of the anonymous mapping rte_mempool_populate_anon makes for mp, or 0. */
static size_t
mempool_anon_size(const struct rte_mempool *mp)
{
	size_t pg_sz = (size_t)sysconf(_SC_PAGESIZE);
	ssize_t need;

	need = rte_mempool_op_calc_mem_size_helper(mp, mp->size, rte_bsf64(pg_sz), 0, NULL,
			NULL);
	return need <= 0 ? 0 : RTE_ALIGN_CEIL((size_t)need, pg_sz);
}

static void
mempool_anon_free(struct rte_mempool_memhdr *memhdr, void *opaque)
{
	/* opaque is the start of the mapping, whichever chunk carries the callback. */
	munmap(opaque, mempool_anon_size(memhdr->mp));
}

/* Take every object and chunk out of mp (undoing population), releasing the chunks. */
static void
mempool_free_chunks(struct rte_mempool *mp)
{
	struct rte_mempool_memhdr *memhdr;
	void *obj;

	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		while (rte_mempool_ops_dequeue_bulk(mp, &obj, 1) == 0)
			;
	STAILQ_INIT(&mp->elt_list);
	while ((memhdr = STAILQ_FIRST(&mp->mem_list)) != NULL) {
		STAILQ_REMOVE_HEAD(&mp->mem_list, next);
		if (memhdr->free_cb != NULL)
			memhdr->free_cb(memhdr, memhdr->opaque);
		free(memhdr);
	}
	mp->nb_mem_chunks = 0;
	mp->populated_size = 0;
}

int
rte_mempool_populate_anon(struct rte_mempool *mp)
{
	size_t pg_sz = (size_t)sysconf(_SC_PAGESIZE), size;
	void *addr;
	int ret;

	if (mp == NULL) {
		MP_LOG(ERR, "populate_anon: pool is NULL");
		rte_errno = EINVAL;
		return 0;
	}
	if (mp->nb_mem_chunks != 0 || mp->populated_size != 0) {
		MP_LOG(ERR, "mempool %s already has memory", mp->name);
		rte_errno = EEXIST;
		return 0;
	}
	ret = mempool_ops_alloc_once(mp);
	if (ret != 0) {
		rte_errno = -ret;
		return 0;
	}
	size = mempool_anon_size(mp);
	if (size == 0) {
		MP_LOG(ERR, "mempool %s: cannot size its anonymous memory", mp->name);
		rte_errno = EINVAL;
		return 0;
	}
	addr = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (addr == MAP_FAILED) {
		ret = errno;
		MP_LOG(ERR, "mempool %s: cannot map %zu bytes: %s", mp->name, size,
			strerror(ret));
		rte_errno = ret;
		return 0;
	}
	if (mlock(addr, size) != 0) {
		ret = errno;
		MP_LOG(ERR, "mempool %s: cannot lock %zu bytes: %s", mp->name, size,
			strerror(ret));
		munmap(addr, size);
		rte_errno = ret;
		return 0;
	}
	ret = rte_mempool_populate_virt(mp, addr, size, pg_sz, mempool_anon_free, addr);
	if (ret <= 0) {
		ret = ret == 0 ? ENOBUFS : -ret;
		MP_LOG(ERR, "mempool %s: cannot populate from anonymous memory: %s", mp->name,
			rte_strerror(ret));
		/* Undo: a chunk kept carries the unmap; with none, unmap here. */
		if (mp->nb_mem_chunks == 0)
			munmap(addr, size);
		mempool_free_chunks(mp);
		rte_errno = ret;
		return 0;
	}
	return (int)mp->populated_size;
}

static void
mempool_free_memzone(struct rte_mempool_memhdr *memhdr, void *opaque)
{
	RTE_SET_USED(memhdr);
	rte_memzone_free(opaque);
}

/* The unit of physical contiguity: a 2 MB hugepage, or with --no-huge the system page. */
static size_t
mempool_io_page_size(void)
{
	return rte_eal_has_hugepages() ? (size_t)RTE_PGSIZE_2M : (size_t)sysconf(_SC_PAGESIZE);
}

/*
 * Physical addresses of pages are rarely adjacent, so a large pool cannot get one
 * IOVA-contiguous zone in PA mode. Take a plain zone aligned on the page size instead and give
 * the pool one chunk per page, so that no object straddles two pages whose IOVAs are unrelated.
 */
static int
mempool_populate_by_page(struct rte_mempool *mp, const char *mz_name, size_t total,
		unsigned int missing)
{
	const struct rte_memzone *mz;
	size_t pg_sz, per_page, pages, off;
	int ret, added = 0;

	pg_sz = mempool_io_page_size();

	per_page = (pg_sz - RTE_MEMPOOL_ALIGN) / total;
	if (per_page == 0) {
		MP_LOG(ERR, "mempool %s: objects of %zu bytes do not fit a %zu-byte page", mp->name,
			total, pg_sz);
		return -EINVAL;
	}
	pages = (missing + per_page - 1) / per_page;
	mz = rte_memzone_reserve_aligned(mz_name, pages * pg_sz, mp->socket_id, 0,
			(unsigned int)pg_sz);
	if (mz == NULL) {
		ret = rte_errno;
		MP_LOG(ERR, "mempool %s: cannot reserve %zu pages for %u objects: %s", mp->name,
			pages, missing, rte_strerror(ret));
		return -ret;
	}
	for (off = 0; off < mz->len && mp->populated_size < mp->size; off += pg_sz) {
		char *va = (char *)mz->addr + off;
		size_t len = RTE_MIN(pg_sz, mz->len - off);

		/* The zone is released once, with the first chunk. */
		ret = rte_mempool_populate_iova(mp, va, rte_mem_virt2iova(va), len,
				off == 0 ? mempool_free_memzone : NULL,
				off == 0 ? (void *)(uintptr_t)mz : NULL);
		if (ret <= 0) {
			if (off == 0)
				rte_memzone_free(mz);
			return ret == 0 ? -ENOBUFS : ret;
		}
		added += ret;
	}
	return added;
}

int
rte_mempool_populate_default(struct rte_mempool *mp)
{
	size_t total = (size_t)mp->header_size + mp->elt_size + mp->trailer_size;
	char mz_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	unsigned int missing;
	rte_iova_t iova;
	int ret;

	if (mp->populated_size >= mp->size) {
		MP_LOG(ERR, "mempool %s is already populated", mp->name);
		return -EEXIST;
	}
	missing = mp->size - mp->populated_size;
	ret = snprintf(mz_name, sizeof(mz_name), RTE_MEMPOOL_MZ_FORMAT "_%u", mp->name,
			mp->nb_mem_chunks);
	if (ret < 0 || ret >= (int)sizeof(mz_name)) {
		MP_LOG(ERR, "mempool %s: name too long for its memory zone", mp->name);
		return -ENAMETOOLONG;
	}
	/* In PA mode more than a page is rarely physically contiguous: do not even ask. */
	if (rte_eal_iova_mode() == RTE_IOVA_PA && !(mp->flags & RTE_MEMPOOL_F_NON_IO) &&
			total * missing > mempool_io_page_size() - RTE_MEMPOOL_ALIGN)
		return mempool_populate_by_page(mp, mz_name, total, missing);
	mz = rte_memzone_reserve_aligned(mz_name, total * missing, mp->socket_id,
			RTE_MEMZONE_IOVA_CONTIG, RTE_MEMPOOL_ALIGN);
	if (mz == NULL) {
		ret = rte_errno;
		MP_LOG(ERR, "mempool %s: cannot reserve %zu bytes for %u objects: %s", mp->name,
			total * missing, missing, rte_strerror(ret));
		return -ret;
	}
	if (mp->flags & RTE_MEMPOOL_F_NON_IO)
		iova = RTE_BAD_IOVA;
	else if (rte_eal_iova_mode() == RTE_IOVA_VA)
		iova = (rte_iova_t)(uintptr_t)mz->addr;
	else
		iova = mz->iova;
	ret = rte_mempool_populate_iova(mp, mz->addr, iova, mz->len, mempool_free_memzone,
			(void *)(uintptr_t)mz);
	if (ret <= 0) {
		rte_memzone_free(mz);
		return ret == 0 ? -ENOBUFS : ret;
	}
	return ret;
}

struct rte_mempool *
rte_mempool_create(const char *name, unsigned int n, unsigned int elt_size,
		unsigned int cache_size, unsigned int private_data_size,
		rte_mempool_ctor_t *mp_init, void *mp_init_arg,
		rte_mempool_obj_cb_t *obj_init, void *obj_init_arg,
		int socket_id, unsigned int flags)
{
	struct rte_mempool *mp;
	int ret;

	mp = rte_mempool_create_empty(name, n, elt_size, cache_size, private_data_size,
			socket_id, flags);
	if (mp == NULL)
		return NULL;
	if (mp_init != NULL)
		mp_init(mp, mp_init_arg);
	ret = rte_mempool_populate_default(mp);
	if (ret < 0) {
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	if (obj_init != NULL)
		rte_mempool_obj_iter(mp, obj_init, obj_init_arg);
	return mp;
}

void
rte_mempool_free(struct rte_mempool *mp)
{
	struct rte_mempool_memhdr *memhdr;
	struct rte_tailq_entry *e;

	if (mp == NULL)
		return;
	rte_mcfg_mempool_write_lock();
	TAILQ_FOREACH(e, &mempool_list, next)
		if (e->data == mp)
			break;
	if (e == NULL) {
		rte_mcfg_mempool_write_unlock();
		MP_LOG(ERR, "mempool %p is not a created pool", (void *)mp);
		return;
	}
	TAILQ_REMOVE(&mempool_list, e, next);
	rte_mcfg_mempool_write_unlock();
	rte_free(e);

	/* Users (drivers that registered the memory for DMA) hear of it before it goes. */
	mempool_event_invoke(RTE_MEMPOOL_EVENT_DESTROY, mp);
	while ((memhdr = STAILQ_FIRST(&mp->mem_list)) != NULL) {
		STAILQ_REMOVE_HEAD(&mp->mem_list, next);
		if (memhdr->free_cb != NULL)
			memhdr->free_cb(memhdr, memhdr->opaque);
		free(memhdr);
	}
	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		rte_mempool_get_ops(mp->ops_index)->free(mp);
	rte_memzone_free(mp->mz);
}

uint32_t
rte_mempool_obj_iter(struct rte_mempool *mp, rte_mempool_obj_cb_t *obj_cb, void *obj_cb_arg)
{
	struct rte_mempool_objhdr *hdr;
	uint32_t n = 0;

	STAILQ_FOREACH(hdr, &mp->elt_list, next) {
		obj_cb(mp, obj_cb_arg, (char *)hdr + sizeof(*hdr), n);
		n++;
	}
	return n;
}

uint32_t
rte_mempool_mem_iter(struct rte_mempool *mp, rte_mempool_mem_cb_t *mem_cb, void *mem_cb_arg)
{
	struct rte_mempool_memhdr *memhdr;
	uint32_t n = 0;

	STAILQ_FOREACH(memhdr, &mp->mem_list, next) {
		mem_cb(mp, mem_cb_arg, memhdr, n);
		n++;
	}
	return n;
}

unsigned int
rte_mempool_avail_count(const struct rte_mempool *mp)
{
	unsigned int count = 0, lcore;

	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		count = rte_mempool_get_ops(mp->ops_index)->get_count(mp);
	if (mp->cache_size != 0)
		for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++)
			count += __atomic_load_n(&mp->local_cache[lcore].len, __ATOMIC_RELAXED);
	/* Caches and ring are read at different times: never report more than exists. */
	return count > mp->size ? mp->size : count;
}

unsigned int
rte_mempool_in_use_count(const struct rte_mempool *mp)
{
	return mp->size - rte_mempool_avail_count(mp);
}

void
rte_mempool_dump(FILE *f, struct rte_mempool *mp)
{
	unsigned int lcore, cached = 0;

	if (f == NULL)
		f = stdout;
	fprintf(f, "mempool <%s>@%p\n", mp->name, (void *)mp);
	fprintf(f, "  flags=%x\n", mp->flags);
	fprintf(f, "  socket_id=%d\n", mp->socket_id);
	fprintf(f, "  pool=%p\n", mp->pool_data);
	fprintf(f, "  ops=%s\n", rte_mempool_get_ops(mp->ops_index)->name);
	fprintf(f, "  nb_mem_chunks=%u\n", mp->nb_mem_chunks);
	fprintf(f, "  size=%" PRIu32 "\n", mp->size);
	fprintf(f, "  populated_size=%" PRIu32 "\n", mp->populated_size);
	fprintf(f, "  header_size=%" PRIu32 "\n", mp->header_size);
	fprintf(f, "  elt_size=%" PRIu32 "\n", mp->elt_size);
	fprintf(f, "  trailer_size=%" PRIu32 "\n", mp->trailer_size);
	fprintf(f, "  total_obj_size=%" PRIu32 "\n",
		mp->header_size + mp->elt_size + mp->trailer_size);
	fprintf(f, "  private_data_size=%u\n", mp->private_data_size);
	fprintf(f, "  internal cache infos:\n");
	fprintf(f, "    cache_size=%" PRIu32 "\n", mp->cache_size);
	if (mp->cache_size != 0)
		for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++) {
			if (mp->local_cache[lcore].len == 0)
				continue;
			cached += mp->local_cache[lcore].len;
			fprintf(f, "    cache_count[%u]=%" PRIu32 "\n", lcore,
				mp->local_cache[lcore].len);
		}
	fprintf(f, "    total_cache_count=%u\n", cached);
	fprintf(f, "  common_pool_count=%u\n", (mp->flags & RTE_MEMPOOL_F_POOL_CREATED) ?
		rte_mempool_get_ops(mp->ops_index)->get_count(mp) : 0);
	fprintf(f, "  avail_count=%u\n", rte_mempool_avail_count(mp));
	fprintf(f, "  in_use_count=%u\n", rte_mempool_in_use_count(mp));
}

void
rte_mempool_list_dump(FILE *f)
{
	struct rte_tailq_entry *e;

	rte_mcfg_mempool_read_lock();
	TAILQ_FOREACH(e, &mempool_list, next)
		rte_mempool_dump(f, e->data);
	rte_mcfg_mempool_read_unlock();
}

struct rte_mempool *
rte_mempool_lookup(const char *name)
{
	struct rte_mempool *mp = NULL;
	struct rte_tailq_entry *e;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_mempool_read_lock();
	TAILQ_FOREACH(e, &mempool_list, next)
		if (strncmp(((struct rte_mempool *)e->data)->name, name, RTE_MEMPOOL_NAMESIZE) == 0) {
			mp = e->data;
			break;
		}
	rte_mcfg_mempool_read_unlock();
	if (mp == NULL)
		rte_errno = ENOENT;
	return mp;
}

void
rte_mempool_walk(void (*func)(struct rte_mempool *, void *arg), void *arg)
{
	struct rte_tailq_entry *e;

	/* The list stays locked: func must not create or free pools. */
	rte_mcfg_mempool_read_lock();
	TAILQ_FOREACH(e, &mempool_list, next)
		func(e->data, arg);
	rte_mcfg_mempool_read_unlock();
}

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
/* Check one object's cookies (see rte_mempool_check_cookies for free) and update them. */
static void
mempool_check_one(const struct rte_mempool *mp, void *obj, int free)
{
	struct rte_mempool_objhdr *hdr = rte_mempool_get_header(obj);
	struct rte_mempool_objtlr *tlr = RTE_PTR_ADD(obj, mp->elt_size);

	if (hdr->mp != mp)
		rte_panic("mempool %s: object %p belongs to pool %p\n", mp->name, obj,
			(void *)hdr->mp);
	switch (free) {
	case 0:
		if (hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE2)
			rte_panic("mempool %s: object %p freed but not allocated (cookie "
				"0x%" PRIx64 ")\n", mp->name, obj, hdr->cookie);
		hdr->cookie = RTE_MEMPOOL_HEADER_COOKIE1;
		break;
	case 1:
		if (hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE1)
			rte_panic("mempool %s: object %p allocated but not free (cookie "
				"0x%" PRIx64 ")\n", mp->name, obj, hdr->cookie);
		hdr->cookie = RTE_MEMPOOL_HEADER_COOKIE2;
		break;
	default:
		if (hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE1 &&
				hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE2)
			rte_panic("mempool %s: object %p has a bad header cookie 0x%" PRIx64 "\n",
				mp->name, obj, hdr->cookie);
		break;
	}
	if (tlr->cookie != RTE_MEMPOOL_TRAILER_COOKIE)
		rte_panic("mempool %s: object %p has a bad trailer cookie 0x%" PRIx64
			" (written past its end?)\n", mp->name, obj, tlr->cookie);
}
#endif

void
rte_mempool_check_cookies(const struct rte_mempool *mp, void * const *obj_table_const,
		unsigned int n, int free)
{
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	unsigned int i;

	for (i = 0; i < n; i++)
		mempool_check_one(mp, obj_table_const[i], free);
#else
	RTE_SET_USED(mp);
	RTE_SET_USED(obj_table_const);
	RTE_SET_USED(n);
	RTE_SET_USED(free);
#endif
}

void
rte_mempool_contig_blocks_check_cookies(const struct rte_mempool *mp,
		void * const *first_obj_table_const, unsigned int n, int free)
{
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	struct rte_mempool_info info;
	size_t total = mempool_total_elt_size(mp);
	unsigned int i, j;

	if (rte_mempool_ops_get_info(mp, &info) != 0 || info.contig_block_size == 0)
		rte_panic("mempool %s: ops have no contiguous blocks\n", mp->name);
	for (i = 0; i < n; i++)
		for (j = 0; j < info.contig_block_size; j++)
			mempool_check_one(mp, RTE_PTR_ADD(first_obj_table_const[i], j * total),
				free);
#else
	RTE_SET_USED(mp);
	RTE_SET_USED(first_obj_table_const);
	RTE_SET_USED(n);
	RTE_SET_USED(free);
#endif
}

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
static void
mempool_audit_obj(struct rte_mempool *mp, void *opaque, void *obj, unsigned int idx)
{
	RTE_SET_USED(opaque);
	RTE_SET_USED(idx);
	mempool_check_one(mp, obj, 2);
}
#endif

void
rte_mempool_audit(struct rte_mempool *mp)
{
	unsigned int lcore;

	if (mp->cache_size != 0)
		for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++) {
			const struct rte_mempool_cache *c = &mp->local_cache[lcore];

			if (c->len > RTE_DIM(c->objs) || c->len > mp->size)
				rte_panic("mempool %s: cache of lcore %u holds %u objects\n",
					mp->name, lcore, c->len);
		}
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	rte_mempool_obj_iter(mp, mempool_audit_obj, NULL);
#endif
}
