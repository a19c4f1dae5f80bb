/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Pools of fixed-size objects, carved once from a memzone and handed out/returned through a
 * lock-free ring, with a per-lcore cache in front of the ring so that most get/put calls touch
 * only lcore-local memory.
 *
 * Object layout: [header | element | trailer], each object cache-line aligned unless
 * RTE_MEMPOOL_F_NO_CACHE_ALIGN. The header (struct rte_mempool_objhdr) sits right before the
 * element and records the owning pool and the element's IOVA.
 *
 * The caches are per lcore: a thread EAL did not create (rte_lcore_id() == LCORE_ID_ANY) goes
 * straight to the ring. Objects held in other lcores' caches are not available to a get on
 * this lcore, so a pool can report -ENOENT while rte_mempool_avail_count() is not zero.
 */
#ifndef _RTE_MEMPOOL_H_
#define _RTE_MEMPOOL_H_

#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_branch_prediction.h>
#include <rte_lcore.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_ring.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Debug cookie of a free object's header. */
#define RTE_MEMPOOL_HEADER_COOKIE1 0xbadbadbadadd2e55ULL
/** Debug cookie of an allocated object's header. */
#define RTE_MEMPOOL_HEADER_COOKIE2 0xf2eef2eedadd2e55ULL
/** Debug cookie of an object's trailer. */
#define RTE_MEMPOOL_TRAILER_COOKIE 0xadd2e55badbadbadULL

#define RTE_MEMPOOL_MZ_PREFIX "MP_" /**< Prefix of the memzone and ring names of a pool. */
/** Longest pool name, so that the prefixed ring name still fits. */
#define RTE_MEMPOOL_NAMESIZE (RTE_RING_NAMESIZE - sizeof(RTE_MEMPOOL_MZ_PREFIX) + 1)
/** printf format of a pool's memzone name from the pool name. */
#define RTE_MEMPOOL_MZ_FORMAT RTE_MEMPOOL_MZ_PREFIX "%s"
/** Alignment of objects (unless RTE_MEMPOOL_F_NO_CACHE_ALIGN). */
#define RTE_MEMPOOL_ALIGN RTE_CACHE_LINE_SIZE
/** Mask of the bits below RTE_MEMPOOL_ALIGN. */
#define RTE_MEMPOOL_ALIGN_MASK (RTE_MEMPOOL_ALIGN - 1)
#define RTE_MEMPOOL_OPS_NAMESIZE 32 /**< Longest ops name, terminating NUL included. */

/** A cache of free objects for one lcore (or one application thread, see
 *  rte_mempool_cache_create). objs is a stack: the most recently freed object goes out first. */
struct rte_mempool_cache {
	uint32_t size;        /**< level the cache is refilled to */
	uint32_t flushthresh; /**< above this many objects the cache spills to the ring */
	uint32_t len;         /**< objects in the cache now */
	/** the cached objects (a stack) */
	void *objs[RTE_MEMPOOL_CACHE_MAX_SIZE * 2] __rte_cache_aligned;
} __rte_cache_aligned;

/** Sizes of the three parts of an object, see rte_mempool_calc_obj_size. */
struct rte_mempool_objsz {
	uint32_t elt_size; /**< element size */
	uint32_t header_size; /**< header size */
	uint32_t trailer_size; /**< trailer size */
	uint32_t total_size; /**< sum of the three */
};

/** Header placed right before each object. */
struct rte_mempool_objhdr {
	STAILQ_ENTRY(rte_mempool_objhdr) next; /**< in the pool's elt_list */
	struct rte_mempool *mp;                /**< pool the object belongs to */
	rte_iova_t iova;                       /**< IOVA of the object, RTE_BAD_IOVA if none */
};

/** List of object headers (struct rte_mempool_objhdr_list). */
STAILQ_HEAD(rte_mempool_objhdr_list, rte_mempool_objhdr);

struct rte_mempool_memhdr;
/** Called when a memory chunk given to rte_mempool_populate_iova is released. */
typedef void (rte_mempool_memchunk_free_cb_t)(struct rte_mempool_memhdr *memhdr,
		void *opaque);

/** One block of memory the objects were carved from. */
struct rte_mempool_memhdr {
	/** next chunk of the pool */
	STAILQ_ENTRY(rte_mempool_memhdr) next;
	struct rte_mempool *mp; /**< pool the chunk belongs to */
	void *addr; /**< virtual address of the chunk */
	rte_iova_t iova; /**< IOVA of the chunk, RTE_BAD_IOVA if none */
	size_t len; /**< length in bytes */
	rte_mempool_memchunk_free_cb_t *free_cb; /**< called when the pool is freed, or NULL */
	void *opaque; /**< argument of free_cb */
};

/** List of memory chunks (struct rte_mempool_memhdr_list). */
STAILQ_HEAD(rte_mempool_memhdr_list, rte_mempool_memhdr);

/** The pool. Its memzone also holds the per-lcore caches and the private area after it. */
struct rte_mempool {
	char name[RTE_MEMPOOL_NAMESIZE]; /**< name of the pool */
	/** Handle of the free-object store. */
	RTE_STD_C11
	union {
		void *pool_data;  /**< the ring of free objects */
		uint64_t pool_id; /**< the same as a 64-bit value */
	};
	void *pool_config;            /**< argument given to rte_mempool_set_ops_byname */
	const struct rte_memzone *mz; /**< zone of this structure */
	unsigned int flags;           /**< RTE_MEMPOOL_F_* */
	int socket_id; /**< NUMA node of the memory */
	uint32_t size;                /**< number of objects */
	uint32_t cache_size;          /**< per-lcore cache size, 0 for none */

	uint32_t elt_size; /**< element size in bytes */
	uint32_t header_size; /**< bytes of the header before each element */
	uint32_t trailer_size; /**< bytes of the trailer after each element */

	unsigned int private_data_size; /**< bytes of the private area */
	int32_t ops_index;            /**< which ring flavour backs the pool */

	struct rte_mempool_cache *local_cache; /**< RTE_MAX_LCORE caches, or NULL */

	uint32_t populated_size;      /**< objects added so far */
	struct rte_mempool_objhdr_list elt_list; /**< every object of the pool */
	uint32_t nb_mem_chunks; /**< number of memory chunks */
	struct rte_mempool_memhdr_list mem_list; /**< the memory chunks */
} __rte_cache_aligned;

#define RTE_MEMPOOL_F_NO_SPREAD 0x0001      /**< accepted; objects are not spread over channels */
#define RTE_MEMPOOL_F_NO_CACHE_ALIGN 0x0002 /**< objects are not cache-line aligned */
#define RTE_MEMPOOL_F_SP_PUT 0x0004         /**< one thread puts at a time */
#define RTE_MEMPOOL_F_SC_GET 0x0008         /**< one thread gets at a time */
#define RTE_MEMPOOL_F_POOL_CREATED 0x0010   /**< internal: the ring exists */
#define RTE_MEMPOOL_F_NO_IOVA_CONTIG 0x0020 /**< objects need not be IOVA-contiguous */
#define RTE_MEMPOOL_F_NON_IO 0x0040         /**< internal: objects have no IOVA */
/* Older spellings, still used by applications. */
#define MEMPOOL_F_NO_SPREAD RTE_MEMPOOL_F_NO_SPREAD /**< Old name of RTE_MEMPOOL_F_NO_SPREAD. */
/** Old name of RTE_MEMPOOL_F_NO_CACHE_ALIGN. */
#define MEMPOOL_F_NO_CACHE_ALIGN RTE_MEMPOOL_F_NO_CACHE_ALIGN
#define MEMPOOL_F_SP_PUT RTE_MEMPOOL_F_SP_PUT /**< Old name of RTE_MEMPOOL_F_SP_PUT. */
#define MEMPOOL_F_SC_GET RTE_MEMPOOL_F_SC_GET /**< Old name of RTE_MEMPOOL_F_SC_GET. */
/** Old name of RTE_MEMPOOL_F_POOL_CREATED. */
#define MEMPOOL_F_POOL_CREATED RTE_MEMPOOL_F_POOL_CREATED
/** Old name of RTE_MEMPOOL_F_NO_IOVA_CONTIG. */
#define MEMPOOL_F_NO_IOVA_CONTIG RTE_MEMPOOL_F_NO_IOVA_CONTIG

/** Size of the pool structure plus its caches: the private area starts here. */
#define RTE_MEMPOOL_HEADER_SIZE(mp, cs) \
	(sizeof(*(mp)) + (((cs) == 0) ? 0 : \
	(sizeof(struct rte_mempool_cache) * RTE_MAX_LCORE)))
/** Old name of RTE_MEMPOOL_HEADER_SIZE. */
#define MEMPOOL_HEADER_SIZE(mp, cs) RTE_MEMPOOL_HEADER_SIZE(mp, cs)

/** Header of an object. */
static inline struct rte_mempool_objhdr *
rte_mempool_get_header(void *obj)
{
	return (struct rte_mempool_objhdr *)RTE_PTR_SUB(obj, sizeof(struct rte_mempool_objhdr));
}

/** Pool an object belongs to. */
static inline struct rte_mempool *
rte_mempool_from_obj(void *obj)
{
	return rte_mempool_get_header(obj)->mp;
}

/** The private area reserved by private_data_size at creation. */
static inline void *
rte_mempool_get_priv(struct rte_mempool *mp)
{
	return (char *)mp + RTE_MEMPOOL_HEADER_SIZE(mp, mp->cache_size);
}

/** IOVA of an object of a pool (RTE_BAD_IOVA for RTE_MEMPOOL_F_NON_IO pools). */
static inline rte_iova_t
rte_mempool_virt2iova(const void *elt)
{
	const struct rte_mempool_objhdr *hdr = (const struct rte_mempool_objhdr *)
		RTE_PTR_SUB(elt, sizeof(*hdr));

	return hdr->iova;
}

/**
 * Called for one object (index obj_idx) of mp with opaque: object constructor and
 * rte_mempool_obj_iter callback.
 */
typedef void (rte_mempool_obj_cb_t)(struct rte_mempool *mp, void *opaque, void *obj,
		unsigned int obj_idx);
/** Object constructor (same as rte_mempool_obj_cb_t). */
typedef rte_mempool_obj_cb_t rte_mempool_obj_ctor_t;
/** Called for one memory chunk (index mem_idx) of mp by rte_mempool_mem_iter. */
typedef void (rte_mempool_mem_cb_t)(struct rte_mempool *mp, void *opaque,
		struct rte_mempool_memhdr *memhdr, unsigned int mem_idx);
/** Pool constructor: called once with the pool and mp_init_arg. */
typedef void (rte_mempool_ctor_t)(struct rte_mempool *, void *);

/**
 * Create and fill a pool of n objects of elt_size bytes.
 * @param name pool name, unique, shorter than RTE_MEMPOOL_NAMESIZE.
 * @param n number of objects.
 * @param elt_size size of each object in bytes.
 * @param cache_size per-lcore cache size, at most RTE_MEMPOOL_CACHE_MAX_SIZE and at most
 *   n / 1.5 (0 for none).
 * @param private_data_size bytes of the private area after the pool structure.
 * @param mp_init called once on the pool (before the objects), may be NULL.
 * @param mp_init_arg second argument of mp_init.
 * @param obj_init called on every object, may be NULL.
 * @param obj_init_arg second argument of obj_init.
 * @param socket_id NUMA node of the memory, or SOCKET_ID_ANY.
 * @param flags RTE_MEMPOOL_F_*.
 * @return the pool, or NULL with rte_errno: EINVAL (bad argument), EEXIST (name in use),
 *   ENAMETOOLONG, ENOSPC or ENOMEM.
 */
struct rte_mempool *rte_mempool_create(const char *name, unsigned int n,
		unsigned int elt_size, unsigned int cache_size, unsigned int private_data_size,
		rte_mempool_ctor_t *mp_init, void *mp_init_arg,
		rte_mempool_obj_cb_t *obj_init, void *obj_init_arg,
		int socket_id, unsigned int flags);

/** As rte_mempool_create without objects: populate it (rte_mempool_populate_default)
 *  after an optional rte_mempool_set_ops_byname. */
struct rte_mempool *rte_mempool_create_empty(const char *name, unsigned int n,
		unsigned int elt_size, unsigned int cache_size, unsigned int private_data_size,
		int socket_id, unsigned int flags);

/** Free a pool, its objects and its memory (NULL is ignored). Objects still in use become
 *  invalid. */
void rte_mempool_free(struct rte_mempool *mp);

/**
 * Choose how free objects are stored: "ring_mp_mc", "ring_sp_sc", "ring_mp_sc" or
 * "ring_sp_mc". Only before the pool is populated.
 * @return 0, -EINVAL for an unknown name, -EEXIST once populated.
 */
int rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name, void *pool_config);

/**
 * Add objects carved from [vaddr, vaddr + len) (IOVA iova, or RTE_BAD_IOVA) to the pool.
 * free_cb, if not NULL, is called with opaque when the pool is freed.
 * @return the number of objects added (> 0), or a negative errno: -ENOSPC when the pool is
 *   already full, -EINVAL when no object fits in the memory given.
 */
int rte_mempool_populate_iova(struct rte_mempool *mp, char *vaddr, rte_iova_t iova,
		size_t len, rte_mempool_memchunk_free_cb_t *free_cb, void *opaque);

/** Reserve memory for and add all missing objects. The count added, or a negative errno. */
int rte_mempool_populate_default(struct rte_mempool *mp);

/** Call obj_cb on every object. @return the number of objects visited. */
uint32_t rte_mempool_obj_iter(struct rte_mempool *mp, rte_mempool_obj_cb_t *obj_cb,
		void *obj_cb_arg);

/** Call mem_cb on every memory chunk. @return the number of chunks visited. */
uint32_t rte_mempool_mem_iter(struct rte_mempool *mp, rte_mempool_mem_cb_t *mem_cb,
		void *mem_cb_arg);

/** Print the pool's settings and counters to f (NULL: stdout). */
void rte_mempool_dump(FILE *f, struct rte_mempool *mp);
/** rte_mempool_dump of every pool. */
void rte_mempool_list_dump(FILE *f);

/** The pool called name, or NULL with rte_errno ENOENT. */
struct rte_mempool *rte_mempool_lookup(const char *name);

/** Call func on every pool. */
void rte_mempool_walk(void (*func)(struct rte_mempool *, void *arg), void *arg);

/** Objects that can be allocated now: in the ring plus in every lcore cache. */
unsigned int rte_mempool_avail_count(const struct rte_mempool *mp);

/** Objects allocated and not yet returned. */
unsigned int rte_mempool_in_use_count(const struct rte_mempool *mp);

/** Sizes of header, element and trailer for elt_size and flags; returns the total. */
uint32_t rte_mempool_calc_obj_size(uint32_t elt_size, uint32_t flags,
		struct rte_mempool_objsz *sz);

/** A cache for a thread without an lcore id (use with rte_mempool_generic_get/put). NULL
 *  with rte_errno EINVAL or ENOMEM. */
struct rte_mempool_cache *rte_mempool_cache_create(uint32_t size, int socket_id);
/** Free a cache made by rte_mempool_cache_create (NULL is ignored). */
void rte_mempool_cache_free(struct rte_mempool_cache *cache);

/** Every object is in the pool. */
static inline int
rte_mempool_full(const struct rte_mempool *mp)
{
	return rte_mempool_avail_count(mp) == mp->size;
}

/** No object is in the pool. */
static inline int
rte_mempool_empty(const struct rte_mempool *mp)
{
	return rte_mempool_avail_count(mp) == 0;
}

/** The cache of lcore_id for mp, or NULL (no caches, or not an lcore). */
static __rte_always_inline struct rte_mempool_cache *
rte_mempool_default_cache(struct rte_mempool *mp, unsigned int lcore_id)
{
	if (mp->cache_size == 0 || lcore_id >= RTE_MAX_LCORE)
		return NULL;
	return &mp->local_cache[lcore_id];
}

/* The backing ring is sized for every object, so returning objects to it cannot fail. */
static __rte_always_inline void
__rte_mempool_ring_put(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	rte_ring_enqueue_bulk((struct rte_ring *)mp->pool_data, obj_table, n, NULL);
}

static __rte_always_inline int
__rte_mempool_ring_get(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_ring_dequeue_bulk((struct rte_ring *)mp->pool_data, obj_table, n, NULL) ?
		0 : -ENOENT;
}

/** Move every object of cache back to the pool's ring. */
static __rte_always_inline void
rte_mempool_cache_flush(struct rte_mempool_cache *cache, struct rte_mempool *mp)
{
	if (cache == NULL)
		cache = rte_mempool_default_cache(mp, rte_lcore_id());
	if (cache == NULL || cache->len == 0)
		return;
	__rte_mempool_ring_put(mp, cache->objs, cache->len);
	cache->len = 0;
}

/** Return n objects to mp through cache (NULL: straight to the ring). */
static __rte_always_inline void
rte_mempool_generic_put(struct rte_mempool *mp, void * const *obj_table, unsigned int n,
		struct rte_mempool_cache *cache)
{
	void **dst;
	unsigned int i;

	if (unlikely(cache == NULL || n > RTE_MEMPOOL_CACHE_MAX_SIZE)) {
		__rte_mempool_ring_put(mp, obj_table, n);
		return;
	}
	if (unlikely(cache->len + n > cache->flushthresh)) {
		/* Spill what the cache holds; the new objects stay hot in the cache. */
		__rte_mempool_ring_put(mp, cache->objs, cache->len);
		cache->len = 0;
	}
	dst = &cache->objs[cache->len];
	for (i = 0; i < n; i++)
		dst[i] = obj_table[i];
	cache->len += n;
}

/** Return n objects to mp through the calling lcore's cache (if any). */
static __rte_always_inline void
rte_mempool_put_bulk(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	rte_mempool_generic_put(mp, obj_table, n, rte_mempool_default_cache(mp, rte_lcore_id()));
}

/** Return one object to mp. */
static __rte_always_inline void
rte_mempool_put(struct rte_mempool *mp, void *obj)
{
	rte_mempool_put_bulk(mp, &obj, 1);
}

/* Slow part of a get: the cache holds fewer than n objects. */
static __rte_noinline int
__rte_mempool_cache_refill_get(struct rte_mempool *mp, void **obj_table, unsigned int n,
		struct rte_mempool_cache *cache)
{
	unsigned int len = cache->len, i;

	if (n <= cache->size) {
		/* Refill so that the cache is left at its nominal size. */
		unsigned int want = cache->size + n - len;

		if (__rte_mempool_ring_get(mp, &cache->objs[len], want) == 0) {
			len += want;
			for (i = 0; i < n; i++)
				obj_table[i] = cache->objs[len - n + i];
			cache->len = len - n;
			return 0;
		}
	}
	/* Too few for a refill: everything the cache has plus the rest from the ring. */
	if (__rte_mempool_ring_get(mp, obj_table + len, n - len) != 0)
		return -ENOENT;
	for (i = 0; i < len; i++)
		obj_table[i] = cache->objs[i];
	cache->len = 0;
	return 0;
}

/**
 * Take n objects from mp through cache (NULL: straight from the ring). All or nothing.
 * @return 0, or -ENOENT when not enough objects are available (nothing taken).
 */
static __rte_always_inline int
rte_mempool_generic_get(struct rte_mempool *mp, void **obj_table, unsigned int n,
		struct rte_mempool_cache *cache)
{
	unsigned int i, len;

	if (unlikely(cache == NULL))
		return __rte_mempool_ring_get(mp, obj_table, n);
	len = cache->len;
	if (likely(n <= len)) {
		void **src = &cache->objs[len - n];

		for (i = 0; i < n; i++)
			obj_table[i] = src[i];
		cache->len = len - n;
		return 0;
	}
	return __rte_mempool_cache_refill_get(mp, obj_table, n, cache);
}

/** Take n objects through the calling lcore's cache: 0, or -ENOENT (nothing taken). */
static __rte_always_inline int
rte_mempool_get_bulk(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_mempool_generic_get(mp, obj_table, n,
			rte_mempool_default_cache(mp, rte_lcore_id()));
}

/** Take one object: 0, or -ENOENT. */
static __rte_always_inline int
rte_mempool_get(struct rte_mempool *mp, void **obj_p)
{
	return rte_mempool_get_bulk(mp, obj_p, 1);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMPOOL_H_ */
