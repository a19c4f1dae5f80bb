/* SPDX-License-Identifier: BSD-3-Clause */
/* Mempool creation, population, naming and inspection; get/put are inline in the header. */
#include <string.h>
#include <unistd.h>
#include <inttypes.h>
#include <pthread.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "rte_mempool.h"

RTE_LOG_REGISTER_DEFAULT(mempool_logtype, INFO);
#define MP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, mempool_logtype, "MEMPOOL: " fmt "\n", ##__VA_ARGS__)

/* Every pool, for rte_mempool_lookup/walk. */
struct mempool_entry {
	TAILQ_ENTRY(mempool_entry) next;
	struct rte_mempool *mp;
};
static TAILQ_HEAD(, mempool_entry) mempool_list = TAILQ_HEAD_INITIALIZER(mempool_list);
static pthread_mutex_t mempool_list_lock = PTHREAD_MUTEX_INITIALIZER;

/* The ways free objects can be stored: all rings, differing in producer/consumer sync. */
static const struct {
	const char *name;
	unsigned int ring_flags;
} mempool_ops[] = {
	{ "ring_mp_mc", 0 },
	{ "ring_sp_sc", RING_F_SP_ENQ | RING_F_SC_DEQ },
	{ "ring_mp_sc", RING_F_SC_DEQ },
	{ "ring_sp_mc", RING_F_SP_ENQ },
};

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
	sz->trailer_size = 0;
	sz->elt_size = RTE_ALIGN_CEIL(elt_size, sizeof(uint64_t));
	if ((flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN) == 0) {
		/* Pad so that the next object's header (and so its element) is aligned. */
		sz->total_size = sz->header_size + sz->elt_size;
		sz->trailer_size = RTE_ALIGN_CEIL(sz->total_size, RTE_MEMPOOL_ALIGN) -
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
	struct mempool_entry *e;
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

	e = malloc(sizeof(*e));
	if (e == NULL) {
		MP_LOG(ERR, "mempool %s: no memory for its list entry", name);
		rte_errno = ENOMEM;
		return NULL;
	}
	private_data_size = RTE_ALIGN_CEIL(private_data_size, RTE_MEMPOOL_ALIGN);
	mempool_size = RTE_MEMPOOL_HEADER_SIZE(mp, cache_size) + private_data_size;
	snprintf(mz_name, sizeof(mz_name), RTE_MEMPOOL_MZ_FORMAT, name);

	pthread_mutex_lock(&mempool_list_lock);
	mz = rte_memzone_reserve(mz_name, mempool_size, socket_id, 0);
	if (mz == NULL) {
		err = rte_errno;
		pthread_mutex_unlock(&mempool_list_lock);
		MP_LOG(ERR, "mempool %s: cannot reserve %zu bytes: %s", name, mempool_size,
			rte_strerror(err));
		free(e);
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
	e->mp = mp;
	TAILQ_INSERT_TAIL(&mempool_list, e, next);
	pthread_mutex_unlock(&mempool_list_lock);
	return mp;
}

int
rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name, void *pool_config)
{
	unsigned int i;

	if (mp == NULL || name == NULL) {
		MP_LOG(ERR, "set_ops_byname: NULL %s", mp == NULL ? "pool" : "ops name");
		return -EINVAL;
	}
	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED) {
		MP_LOG(ERR, "mempool %s: ops cannot change once populated", mp->name);
		return -EEXIST;
	}
	for (i = 0; i < RTE_DIM(mempool_ops); i++)
		if (strcmp(mempool_ops[i].name, name) == 0) {
			mp->ops_index = (int32_t)i;
			mp->pool_config = pool_config;
			return 0;
		}
	MP_LOG(ERR, "mempool %s: unknown ops %s", mp->name, name);
	return -EINVAL;
}

/* Create the ring of free objects on first population. */
static int
mempool_ring_alloc(struct rte_mempool *mp)
{
	char rg_name[RTE_RING_NAMESIZE];
	struct rte_ring *r;

	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		return 0;
	if (snprintf(rg_name, sizeof(rg_name), RTE_MEMPOOL_MZ_FORMAT, mp->name) >=
			(int)sizeof(rg_name)) {
		MP_LOG(ERR, "mempool %s: name too long for its ring", mp->name);
		return -ENAMETOOLONG;
	}
	r = rte_ring_create(rg_name, rte_align32pow2(mp->size + 1), mp->socket_id,
			mempool_ops[mp->ops_index].ring_flags);
	if (r == NULL) {
		MP_LOG(ERR, "mempool %s: cannot create its ring: %s", mp->name,
			rte_strerror(rte_errno));
		return -rte_errno;
	}
	mp->pool_data = r;
	mp->flags |= RTE_MEMPOOL_F_POOL_CREATED;
	return 0;
}

int
rte_mempool_populate_iova(struct rte_mempool *mp, char *vaddr, rte_iova_t iova, size_t len,
		rte_mempool_memchunk_free_cb_t *free_cb, void *opaque)
{
	size_t total = (size_t)mp->header_size + mp->elt_size + mp->trailer_size;
	struct rte_mempool_memhdr *memhdr;
	struct rte_mempool_objhdr *hdr;
	unsigned int i, count;
	size_t off;
	char *obj;
	int ret;

	if (mp->populated_size >= mp->size) {
		MP_LOG(ERR, "mempool %s is already full", mp->name);
		return -ENOSPC;
	}
	ret = mempool_ring_alloc(mp);
	if (ret != 0)
		return ret;
	off = (mp->flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN) ? 0 :
		RTE_PTR_ALIGN_CEIL(vaddr, RTE_MEMPOOL_ALIGN) - vaddr;
	if (off > len || (len - off) / total == 0) {
		MP_LOG(ERR, "mempool %s: %zu bytes at %p hold no object of %zu bytes", mp->name,
			len, (void *)vaddr, total);
		return -EINVAL;
	}
	count = (unsigned int)RTE_MIN((len - off) / total,
			(size_t)(mp->size - mp->populated_size));
	memhdr = calloc(1, sizeof(*memhdr));
	if (memhdr == NULL) {
		MP_LOG(ERR, "mempool %s: no memory for a chunk header", mp->name);
		return -ENOMEM;
	}
	memhdr->mp = mp;
	memhdr->addr = vaddr;
	memhdr->iova = iova;
	memhdr->len = len;
	memhdr->free_cb = free_cb;
	memhdr->opaque = opaque;

	for (i = 0; i < count; i++) {
		obj = vaddr + off + (size_t)i * total + mp->header_size;
		hdr = rte_mempool_get_header(obj);
		hdr->mp = mp;
		if (iova == RTE_BAD_IOVA)
			hdr->iova = RTE_BAD_IOVA;
		else
			hdr->iova = iova + (rte_iova_t)(obj - vaddr);
		STAILQ_INSERT_TAIL(&mp->elt_list, hdr, next);
		rte_ring_enqueue((struct rte_ring *)mp->pool_data, obj);
	}
	STAILQ_INSERT_TAIL(&mp->mem_list, memhdr, next);
	mp->nb_mem_chunks++;
	mp->populated_size += count;
	return (int)count;
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
		if (ret < 0) {
			if (off == 0)
				rte_memzone_free(mz);
			return ret;
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
	if (ret < 0)
		rte_memzone_free(mz);
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
	struct mempool_entry *e;

	if (mp == NULL)
		return;
	pthread_mutex_lock(&mempool_list_lock);
	TAILQ_FOREACH(e, &mempool_list, next)
		if (e->mp == mp)
			break;
	if (e == NULL) {
		pthread_mutex_unlock(&mempool_list_lock);
		MP_LOG(ERR, "mempool %p is not a created pool", (void *)mp);
		return;
	}
	TAILQ_REMOVE(&mempool_list, e, next);
	pthread_mutex_unlock(&mempool_list_lock);
	free(e);

	while ((memhdr = STAILQ_FIRST(&mp->mem_list)) != NULL) {
		STAILQ_REMOVE_HEAD(&mp->mem_list, next);
		if (memhdr->free_cb != NULL)
			memhdr->free_cb(memhdr, memhdr->opaque);
		free(memhdr);
	}
	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		rte_ring_free(mp->pool_data);
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
		count = rte_ring_count(mp->pool_data);
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
	fprintf(f, "  ops=%s\n", mempool_ops[mp->ops_index].name);
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
		rte_ring_count(mp->pool_data) : 0);
	fprintf(f, "  avail_count=%u\n", rte_mempool_avail_count(mp));
	fprintf(f, "  in_use_count=%u\n", rte_mempool_in_use_count(mp));
}

void
rte_mempool_list_dump(FILE *f)
{
	struct mempool_entry *e;

	pthread_mutex_lock(&mempool_list_lock);
	TAILQ_FOREACH(e, &mempool_list, next)
		rte_mempool_dump(f, e->mp);
	pthread_mutex_unlock(&mempool_list_lock);
}

struct rte_mempool *
rte_mempool_lookup(const char *name)
{
	struct rte_mempool *mp = NULL;
	struct mempool_entry *e;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&mempool_list_lock);
	TAILQ_FOREACH(e, &mempool_list, next)
		if (strncmp(e->mp->name, name, RTE_MEMPOOL_NAMESIZE) == 0) {
			mp = e->mp;
			break;
		}
	pthread_mutex_unlock(&mempool_list_lock);
	if (mp == NULL)
		rte_errno = ENOENT;
	return mp;
}

void
rte_mempool_walk(void (*func)(struct rte_mempool *, void *arg), void *arg)
{
	struct mempool_entry *e;

	/* The list stays locked: func must not create or free pools. */
	pthread_mutex_lock(&mempool_list_lock);
	TAILQ_FOREACH(e, &mempool_list, next)
		func(e->mp, arg);
	pthread_mutex_unlock(&mempool_list_lock);
}
