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
#include <inttypes.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_branch_prediction.h>
#include <rte_lcore.h>
#include <rte_memcpy.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_ring.h>
#include <rte_spinlock.h>
#include <rte_debug.h>

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
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	/** RTE_MEMPOOL_HEADER_COOKIE1 while free, RTE_MEMPOOL_HEADER_COOKIE2 while allocated */
	uint64_t cookie;
#endif
};

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
/** Trailer placed right after each object in debug builds. */
struct rte_mempool_objtlr {
	uint64_t cookie; /**< always RTE_MEMPOOL_TRAILER_COOKIE */
};
#endif

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

/** What a pool's ops report through rte_mempool_ops_get_info(). */
struct rte_mempool_info {
	/** objects per block handed out by dequeue_contig_blocks (0: no such blocks) */
	unsigned int contig_block_size;
} __rte_cache_aligned;

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

/*
 * Debug checks (RTE_LIBRTE_MEMPOOL_DEBUG): every object carries a header cookie saying
 * whether it is free or allocated, and a trailer cookie that must never change.
 */

/**
 * Check the cookies of n objects of mp and update them; on a bad cookie, print what was
 * wrong and panic. Does nothing unless the library is built with RTE_LIBRTE_MEMPOOL_DEBUG.
 *
 * @param mp
 *   The pool the objects belong to.
 * @param obj_table_const
 *   The objects.
 * @param n
 *   Number of objects.
 * @param free
 *   0: the objects are being freed (they must be allocated, they become free);
 *   1: they are being allocated (they must be free, they become allocated);
 *   2: only check that each cookie is one of the two.
 */
void rte_mempool_check_cookies(const struct rte_mempool *mp, void * const *obj_table_const,
		unsigned int n, int free);

/**
 * rte_mempool_check_cookies() for n blocks of contiguous objects given by their first
 * objects (blocks of rte_mempool_info.contig_block_size objects).
 *
 * @param mp
 *   The pool the objects belong to.
 * @param first_obj_table_const
 *   First object of each block.
 * @param n
 *   Number of blocks.
 * @param free
 *   As for rte_mempool_check_cookies().
 */
void rte_mempool_contig_blocks_check_cookies(const struct rte_mempool *mp,
		void * const *first_obj_table_const, unsigned int n, int free);

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
/** Check and update the cookies of objects in debug builds (nothing otherwise). */
#define RTE_MEMPOOL_CHECK_COOKIES(mp, obj_table_const, n, free) \
	rte_mempool_check_cookies(mp, obj_table_const, n, free)
/** Check and update the cookies of contiguous blocks in debug builds (nothing otherwise). */
#define RTE_MEMPOOL_CONTIG_BLOCKS_CHECK_COOKIES(mp, first_obj_table_const, n, free) \
	rte_mempool_contig_blocks_check_cookies(mp, first_obj_table_const, n, free)
#else
/** Check and update the cookies of objects in debug builds (nothing otherwise). */
#define RTE_MEMPOOL_CHECK_COOKIES(mp, obj_table_const, n, free) do {} while (0)
/** Check and update the cookies of contiguous blocks in debug builds (nothing otherwise). */
#define RTE_MEMPOOL_CONTIG_BLOCKS_CHECK_COOKIES(mp, first_obj_table_const, n, free) \
	do {} while (0)
#endif

/*
 * Mempool ops: how a pool stores its free objects. The ring-based ops are built in; a driver
 * adds its own with RTE_MEMPOOL_REGISTER_OPS and a pool picks them by name with
 * rte_mempool_set_ops_byname() before it is populated.
 */

/** Create the store of free objects (mp->pool_data); 0 or a negative errno. */
typedef int (*rte_mempool_alloc_t)(struct rte_mempool *mp);

/** Free the store of free objects. */
typedef void (*rte_mempool_free_t)(struct rte_mempool *mp);

/** Put n objects into the store; 0 or a negative errno (then none was put). */
typedef int (*rte_mempool_enqueue_t)(struct rte_mempool *mp, void * const *obj_table,
		unsigned int n);

/** Take n objects from the store, all or none; 0 or a negative errno. */
typedef int (*rte_mempool_dequeue_t)(struct rte_mempool *mp, void **obj_table, unsigned int n);

/** Take n blocks of contiguous objects (their first objects); 0 or a negative errno. */
typedef int (*rte_mempool_dequeue_contig_blocks_t)(struct rte_mempool *mp,
		void **first_obj_table, unsigned int n);

/** Number of objects in the store. */
typedef unsigned int (*rte_mempool_get_count)(const struct rte_mempool *mp);

/**
 * Memory needed for obj_num objects when the memory comes in pages of 2^pg_shift bytes
 * (pg_shift 0: no page boundary to respect). Also gives the smallest useful chunk and the
 * alignment of chunks. The size, or a negative errno.
 */
typedef ssize_t (*rte_mempool_calc_mem_size_t)(const struct rte_mempool *mp,
		uint32_t obj_num, uint32_t pg_shift, size_t *min_chunk_size, size_t *align);

/**
 * Compute the memory needed for obj_num objects of mp: the total object size times obj_num
 * when pg_shift is 0, otherwise whole pages of 2^pg_shift bytes, no object crossing a page
 * boundary and chunk_reserve bytes of each page left unused.
 *
 * @param mp
 *   The pool (its header, element and trailer sizes).
 * @param obj_num
 *   Number of objects.
 * @param pg_shift
 *   Log2 of the page size, or 0.
 * @param chunk_reserve
 *   Bytes reserved at the start of each chunk (each page when pg_shift is not 0).
 * @param min_chunk_size
 *   Receives the smallest chunk that holds one object.
 * @param align
 *   Receives the alignment chunks need.
 * @return
 *   The size in bytes, or -EINVAL when an object and the reserve do not fit in a page.
 */
ssize_t rte_mempool_op_calc_mem_size_helper(const struct rte_mempool *mp, uint32_t obj_num,
		uint32_t pg_shift, size_t chunk_reserve, size_t *min_chunk_size, size_t *align);

/**
 * The default calc_mem_size op: rte_mempool_op_calc_mem_size_helper() without reserve.
 *
 * @param mp
 *   The pool.
 * @param obj_num
 *   Number of objects.
 * @param pg_shift
 *   Log2 of the page size, or 0.
 * @param min_chunk_size
 *   Receives the smallest chunk that holds one object.
 * @param align
 *   Receives the alignment chunks need.
 * @return
 *   The size in bytes, or a negative errno.
 */
ssize_t rte_mempool_op_calc_mem_size_default(const struct rte_mempool *mp, uint32_t obj_num,
		uint32_t pg_shift, size_t *min_chunk_size, size_t *align);

/** Called by a populate op for each object it carves, with its address and IOVA. */
typedef void (rte_mempool_populate_obj_cb_t)(struct rte_mempool *mp, void *opaque,
		void *vaddr, rte_iova_t iova);

/**
 * Carve at most max_objs objects from [vaddr, vaddr + len) (IOVA iova, or RTE_BAD_IOVA) and
 * call obj_cb for each. The number carved, or a negative errno.
 */
typedef int (*rte_mempool_populate_t)(struct rte_mempool *mp, unsigned int max_objs,
		void *vaddr, rte_iova_t iova, size_t len, rte_mempool_populate_obj_cb_t *obj_cb,
		void *obj_cb_arg);

/** rte_mempool_op_populate_helper() flag: place objects at multiples of their total size. */
#define RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ 0x0001

/**
 * Carve objects of mp out of a chunk of memory, one after another, and call obj_cb for each
 * with the address of the element (after its header) and its IOVA.
 *
 * @param mp
 *   The pool.
 * @param flags
 *   0 or RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ.
 * @param max_objs
 *   Most objects to carve.
 * @param vaddr
 *   Start of the chunk.
 * @param iova
 *   IOVA of the chunk, or RTE_BAD_IOVA.
 * @param len
 *   Length of the chunk in bytes.
 * @param obj_cb
 *   Called for each object.
 * @param obj_cb_arg
 *   Second argument of obj_cb.
 * @return
 *   The number of objects carved (0 when none fits).
 */
int rte_mempool_op_populate_helper(struct rte_mempool *mp, unsigned int flags,
		unsigned int max_objs, void *vaddr, rte_iova_t iova, size_t len,
		rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg);

/**
 * The default populate op: rte_mempool_op_populate_helper() with no flag.
 *
 * @param mp
 *   The pool.
 * @param max_objs
 *   Most objects to carve.
 * @param vaddr
 *   Start of the chunk.
 * @param iova
 *   IOVA of the chunk, or RTE_BAD_IOVA.
 * @param len
 *   Length of the chunk in bytes.
 * @param obj_cb
 *   Called for each object.
 * @param obj_cb_arg
 *   Second argument of obj_cb.
 * @return
 *   The number of objects carved.
 */
int rte_mempool_op_populate_default(struct rte_mempool *mp, unsigned int max_objs,
		void *vaddr, rte_iova_t iova, size_t len, rte_mempool_populate_obj_cb_t *obj_cb,
		void *obj_cb_arg);

/** Fill info about the pool's store; 0 or a negative errno. */
typedef int (*rte_mempool_get_info_t)(const struct rte_mempool *mp,
		struct rte_mempool_info *info);

/** One way of storing free objects: its name and operations. */
struct rte_mempool_ops {
	char name[RTE_MEMPOOL_OPS_NAMESIZE]; /**< name given to rte_mempool_set_ops_byname */
	rte_mempool_alloc_t alloc; /**< create the store (required) */
	rte_mempool_free_t free; /**< free the store (required) */
	rte_mempool_enqueue_t enqueue; /**< put objects (required) */
	rte_mempool_dequeue_t dequeue; /**< take objects (required) */
	rte_mempool_get_count get_count; /**< objects in the store (required) */
	rte_mempool_calc_mem_size_t calc_mem_size; /**< optional, default the helper */
	rte_mempool_populate_t populate; /**< optional, default the helper */
	rte_mempool_get_info_t get_info; /**< optional */
	rte_mempool_dequeue_contig_blocks_t dequeue_contig_blocks; /**< optional */
} __rte_cache_aligned;

#define RTE_MEMPOOL_MAX_OPS_IDX 16 /**< Most ops the table holds. */

/** Every registered ops, indexed by rte_mempool.ops_index. */
struct rte_mempool_ops_table {
	rte_spinlock_t sl; /**< taken while an ops is added */
	uint32_t num_ops; /**< entries used */
	struct rte_mempool_ops ops[RTE_MEMPOOL_MAX_OPS_IDX]; /**< the entries */
} __rte_cache_aligned;

/** The table of registered ops. The ring-based ops are always its first entries. */
extern struct rte_mempool_ops_table rte_mempool_ops_table;

/* Ops 0 to __RTE_MEMPOOL_RING_OPS - 1 are the built-in ring ops: ring_mp_mc, ring_sp_sc,
 * ring_mp_sc, ring_sp_mc, ring_mt_rts, ring_mt_hts. Get and put call their ring inline. */
#define __RTE_MEMPOOL_RING_OPS 6

/**
 * The ops at an index of the table.
 *
 * @param ops_index
 *   An index below rte_mempool_ops_table.num_ops.
 * @return
 *   The ops.
 */
static inline struct rte_mempool_ops *
rte_mempool_get_ops(int ops_index)
{
	RTE_VERIFY((ops_index >= 0) && (ops_index < RTE_MEMPOOL_MAX_OPS_IDX));
	return &rte_mempool_ops_table.ops[ops_index];
}

/**
 * Register a way of storing free objects. Usually through RTE_MEMPOOL_REGISTER_OPS.
 *
 * @param ops
 *   The ops; name, alloc, free, enqueue, dequeue and get_count are required. Copied.
 * @return
 *   The index of the ops in the table, or -EINVAL (a required op or the name is missing, or
 *   the name is too long), -EEXIST (the name is taken), -ENOSPC (the table is full).
 */
int rte_mempool_register_ops(const struct rte_mempool_ops *ops);

/** Register ops (a struct rte_mempool_ops variable) when the program starts. */
#define RTE_MEMPOOL_REGISTER_OPS(ops) \
	RTE_INIT(mp_hdlr_init_##ops) \
	{ \
		rte_mempool_register_ops(&ops); \
	}

/** Old name of RTE_MEMPOOL_REGISTER_OPS. */
#define MEMPOOL_REGISTER_OPS(ops) RTE_MEMPOOL_REGISTER_OPS(ops)

/**
 * Ask the pool's ops for information about its store.
 *
 * @param mp
 *   The pool.
 * @param info
 *   Filled in.
 * @return
 *   0, -ENOTSUP when the ops give no information, -EINVAL for a NULL argument.
 */
int rte_mempool_ops_get_info(const struct rte_mempool *mp, struct rte_mempool_info *info);

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
 * Choose how free objects are stored: a registered ops name, built in "ring_mp_mc",
 * "ring_sp_sc", "ring_mp_sc", "ring_sp_mc", "ring_mt_rts" or "ring_mt_hts". Only before the
 * pool is populated.
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

/**
 * Add objects carved from virtually contiguous memory [addr, addr + len) made of pages of
 * pg_sz bytes: each run of pages with contiguous IOVAs becomes one chunk, so no object
 * straddles pages whose IOVAs are unrelated (for a pool with RTE_MEMPOOL_F_NO_IOVA_CONTIG
 * the whole area is one chunk without IOVA). free_cb, if not NULL, is called with opaque
 * once, when the pool is freed.
 *
 * @param mp
 *   The pool.
 * @param addr
 *   Start of the memory, aligned on pg_sz.
 * @param len
 *   Length, a multiple of pg_sz.
 * @param pg_sz
 *   Page size, a power of two.
 * @param free_cb
 *   Called when the pool is freed, or NULL.
 * @param opaque
 *   Argument of free_cb.
 * @return
 *   The number of objects added (> 0); 0 when no object fits; -EINVAL for a misaligned area
 *   or a bad page size; -ENOSPC when the pool is already full; -ENOMEM.
 */
int rte_mempool_populate_virt(struct rte_mempool *mp, char *addr, size_t len, size_t pg_sz,
		rte_mempool_memchunk_free_cb_t *free_cb, void *opaque);

/** Reserve memory for and add all missing objects. The count added, or a negative errno. */
int rte_mempool_populate_default(struct rte_mempool *mp);

/**
 * Populate an empty pool with anonymous memory (mmap), locked in RAM and not shareable
 * with other processes.
 *
 * @param mp
 *   The pool, not populated yet.
 * @return
 *   The number of objects added, or 0 with rte_errno set (EEXIST when the pool already has
 *   memory, ENOMEM or the mmap/mlock error).
 */
int rte_mempool_populate_anon(struct rte_mempool *mp);

/**
 * The page size to respect when giving memory to the pool: 0 when objects need not be
 * IOVA-contiguous, otherwise the size of the pages backing the process's memory.
 *
 * @param mp
 *   The pool.
 * @param pg_sz
 *   Receives the size.
 * @return
 *   0.
 */
int rte_mempool_get_page_size(struct rte_mempool *mp, size_t *pg_sz);

/**
 * Check the pool's consistency: cache fill levels and, in debug builds
 * (RTE_LIBRTE_MEMPOOL_DEBUG), the cookies of every object. Panics on a problem.
 *
 * @param mp
 *   The pool.
 */
void rte_mempool_audit(struct rte_mempool *mp);

/** Pool events reported to rte_mempool_event_callback_register() callbacks. */
enum rte_mempool_event {
	RTE_MEMPOOL_EVENT_READY = 0, /**< the pool has just been fully populated */
	RTE_MEMPOOL_EVENT_DESTROY = 1, /**< the pool is about to be freed */
};

/** A pool event callback: the event, the pool and the registered user_data. */
typedef void (rte_mempool_event_callback)(enum rte_mempool_event event,
		struct rte_mempool *mp, void *user_data);

/**
 * Have func called on every pool event, in the thread causing the event. The callback
 * must not register or unregister callbacks.
 *
 * @param func
 *   The callback.
 * @param user_data
 *   Its last argument.
 * @return
 *   0, or -1 with rte_errno EINVAL (func NULL), EEXIST (func and user_data already
 *   registered) or ENOMEM.
 */
int rte_mempool_event_callback_register(rte_mempool_event_callback *func, void *user_data);

/**
 * Stop calling func with user_data on pool events.
 *
 * @param func
 *   The callback.
 * @param user_data
 *   As registered.
 * @return
 *   0, or -1 with rte_errno ENOENT when that pair is not registered.
 */
int rte_mempool_event_callback_unregister(rte_mempool_event_callback *func, void *user_data);

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

/**
 * Put n objects into the pool's store, bypassing the caches (for mempool drivers and the
 * library itself). The built-in ring ops are called inline, other ops through their enqueue
 * function.
 *
 * @param mp
 *   The pool.
 * @param obj_table
 *   The objects.
 * @param n
 *   Number of objects.
 * @return
 *   0, or what the ops' enqueue returned.
 */
static __rte_always_inline int
rte_mempool_ops_enqueue_bulk(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	/* A ring is sized for every object of its pool: the enqueue cannot fail. */
	if (likely(mp->ops_index < __RTE_MEMPOOL_RING_OPS)) {
		rte_ring_enqueue_bulk((struct rte_ring *)mp->pool_data, obj_table, n, NULL);
		return 0;
	}
	return rte_mempool_get_ops(mp->ops_index)->enqueue(mp, obj_table, n);
}

/**
 * Take n objects from the pool's store, bypassing the caches, all or none (for mempool
 * drivers and the library itself).
 *
 * @param mp
 *   The pool.
 * @param obj_table
 *   Receives the objects.
 * @param n
 *   Number of objects.
 * @return
 *   0, or a negative errno (-ENOENT for a ring without n objects) and nothing taken.
 */
static __rte_always_inline int
rte_mempool_ops_dequeue_bulk(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	if (likely(mp->ops_index < __RTE_MEMPOOL_RING_OPS))
		return rte_ring_dequeue_bulk((struct rte_ring *)mp->pool_data, obj_table, n,
				NULL) ? 0 : -ENOENT;
	return rte_mempool_get_ops(mp->ops_index)->dequeue(mp, obj_table, n);
}

/**
 * Take n blocks of contiguous objects from the pool's store, bypassing the caches.
 *
 * @param mp
 *   The pool.
 * @param first_obj_table
 *   Receives the first object of each block.
 * @param n
 *   Number of blocks.
 * @return
 *   0, -ENOTSUP when the ops have no contiguous blocks, or the ops' error.
 */
static inline int
rte_mempool_ops_dequeue_contig_blocks(struct rte_mempool *mp, void **first_obj_table,
		unsigned int n)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (ops->dequeue_contig_blocks == NULL)
		return -ENOTSUP;
	return ops->dequeue_contig_blocks(mp, first_obj_table, n);
}

static __rte_always_inline void
__rte_mempool_ring_put(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	rte_mempool_ops_enqueue_bulk(mp, obj_table, n);
}

static __rte_always_inline int
__rte_mempool_ring_get(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_mempool_ops_dequeue_bulk(mp, obj_table, n);
}

/*
 * Copy n object pointers between a cache and the caller's table. Through the ring's vector
 * copy rather than an element loop, which -O2 would leave one pointer per iteration.
 */
static __rte_always_inline void
__rte_mempool_copy_objs(void **dst, void * const *src, unsigned int n)
{
	__rte_ring_copy_bytes(dst, src, (size_t)n * sizeof(void *));
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

/*
 * Slow part of a put: no cache or too many objects for one (straight to the store), or the
 * cache would overflow (spill what it holds; the new objects stay hot in the cache). Out of
 * line, like the refill of a get, so that the store's code does not weigh on every caller.
 */
static __rte_noinline void
__rte_mempool_put_slow(struct rte_mempool *mp, void * const *obj_table, unsigned int n,
		struct rte_mempool_cache *cache)
{
	if (cache == NULL || n > RTE_MEMPOOL_CACHE_MAX_SIZE) {
		__rte_mempool_ring_put(mp, obj_table, n);
		return;
	}
	__rte_mempool_ring_put(mp, cache->objs, cache->len);
	__rte_mempool_copy_objs(cache->objs, obj_table, n);
	cache->len = n;
}

/** Return n objects to mp through cache (NULL: straight to the ring). */
static __rte_always_inline void
rte_mempool_generic_put(struct rte_mempool *mp, void * const *obj_table, unsigned int n,
		struct rte_mempool_cache *cache)
{
	RTE_MEMPOOL_CHECK_COOKIES(mp, obj_table, n, 0);
	if (unlikely(cache == NULL || n > RTE_MEMPOOL_CACHE_MAX_SIZE ||
			cache->len + n > cache->flushthresh)) {
		__rte_mempool_put_slow(mp, obj_table, n, cache);
		return;
	}
	__rte_mempool_copy_objs(&cache->objs[cache->len], obj_table, n);
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
	unsigned int len = cache->len;

	if (n <= cache->size) {
		/* Refill so that the cache is left at its nominal size. */
		unsigned int want = cache->size + n - len;

		if (__rte_mempool_ring_get(mp, &cache->objs[len], want) == 0) {
			len += want;
			__rte_mempool_copy_objs(obj_table, &cache->objs[len - n], n);
			cache->len = len - n;
			return 0;
		}
	}
	/* Too few for a refill: everything the cache has plus the rest from the ring. */
	if (__rte_mempool_ring_get(mp, obj_table + len, n - len) != 0)
		return -ENOENT;
	if (len != 0)
		__rte_mempool_copy_objs(obj_table, cache->objs, len);
	cache->len = 0;
	return 0;
}

/* rte_mempool_generic_get without the debug checks. */
static __rte_always_inline int
__rte_mempool_generic_get(struct rte_mempool *mp, void **obj_table, unsigned int n,
		struct rte_mempool_cache *cache)
{
	unsigned int len;

	if (unlikely(cache == NULL))
		return __rte_mempool_ring_get(mp, obj_table, n);
	len = cache->len;
	if (likely(n <= len)) {
		__rte_mempool_copy_objs(obj_table, &cache->objs[len - n], n);
		cache->len = len - n;
		return 0;
	}
	return __rte_mempool_cache_refill_get(mp, obj_table, n, cache);
}

/**
 * Take n objects from mp through cache (NULL: straight from the store). All or nothing.
 *
 * @param mp
 *   The pool.
 * @param obj_table
 *   Receives the objects.
 * @param n
 *   Number of objects.
 * @param cache
 *   The cache to go through, or NULL.
 * @return
 *   0, or -ENOENT when not enough objects are available (nothing taken).
 */
static __rte_always_inline int
rte_mempool_generic_get(struct rte_mempool *mp, void **obj_table, unsigned int n,
		struct rte_mempool_cache *cache)
{
	int ret = __rte_mempool_generic_get(mp, obj_table, n, cache);

	if (ret == 0)
		RTE_MEMPOOL_CHECK_COOKIES(mp, obj_table, n, 1);
	return ret;
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

/**
 * Take n blocks of contiguous objects (rte_mempool_info.contig_block_size objects each),
 * bypassing the caches. Only for pools whose ops provide such blocks.
 *
 * @param mp
 *   The pool.
 * @param first_obj_table
 *   Receives the first object of each block.
 * @param n
 *   Number of blocks.
 * @return
 *   0, or a negative errno (-ENOTSUP when the ops have no blocks) and nothing taken.
 */
static __rte_always_inline int
rte_mempool_get_contig_blocks(struct rte_mempool *mp, void **first_obj_table, unsigned int n)
{
	int ret = rte_mempool_ops_dequeue_contig_blocks(mp, first_obj_table, n);

	if (ret == 0)
		RTE_MEMPOOL_CONTIG_BLOCKS_CHECK_COOKIES(mp, first_obj_table, n, 1);
	return ret;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMPOOL_H_ */
