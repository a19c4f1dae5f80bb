/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Trace points of mempool control functions, under DPDK's names. This framework has no
 * trace library: each trace point is an empty inline function, so code that calls them
 * builds and the calls cost nothing.
 */
#ifndef _RTE_MEMPOOL_TRACE_H_
#define _RTE_MEMPOOL_TRACE_H_

#include <stdint.h>
#include <stddef.h>

#include <rte_common.h>
#include <rte_mempool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Trace point create: does nothing. */
static inline void
rte_mempool_trace_create(const char *name __rte_unused, uint32_t nb_elts __rte_unused,
		uint32_t elt_size __rte_unused, uint32_t cache_size __rte_unused,
		uint32_t private_data_size __rte_unused, void *mp_init __rte_unused,
		void *mp_init_arg __rte_unused, void *obj_init __rte_unused,
		void *obj_init_arg __rte_unused, uint32_t flags __rte_unused,
		struct rte_mempool *mempool __rte_unused)
{
}

/** Trace point create_empty: does nothing. */
static inline void
rte_mempool_trace_create_empty(const char *name __rte_unused, uint32_t nb_elts __rte_unused,
		uint32_t elt_size __rte_unused, uint32_t cache_size __rte_unused,
		uint32_t private_data_size __rte_unused, uint32_t flags __rte_unused,
		struct rte_mempool *mempool __rte_unused)
{
}

/** Trace point free: does nothing. */
static inline void
rte_mempool_trace_free(struct rte_mempool *mempool __rte_unused)
{
}

/** Trace point populate_iova: does nothing. */
static inline void
rte_mempool_trace_populate_iova(struct rte_mempool *mempool __rte_unused, void *vaddr __rte_unused,
		rte_iova_t iova __rte_unused, size_t len __rte_unused, void *free_cb __rte_unused,
		void *opaque __rte_unused)
{
}

/** Trace point populate_virt: does nothing. */
static inline void
rte_mempool_trace_populate_virt(struct rte_mempool *mempool __rte_unused, void *addr __rte_unused,
		size_t len __rte_unused, size_t pg_sz __rte_unused, void *free_cb __rte_unused,
		void *opaque __rte_unused)
{
}

/** Trace point populate_default: does nothing. */
static inline void
rte_mempool_trace_populate_default(struct rte_mempool *mempool __rte_unused)
{
}

/** Trace point populate_anon: does nothing. */
static inline void
rte_mempool_trace_populate_anon(struct rte_mempool *mempool __rte_unused)
{
}

/** Trace point cache_create: does nothing. */
static inline void
rte_mempool_trace_cache_create(uint32_t size __rte_unused, int socket_id __rte_unused,
		struct rte_mempool_cache *cache __rte_unused)
{
}

/** Trace point cache_free: does nothing. */
static inline void
rte_mempool_trace_cache_free(void *cache __rte_unused)
{
}

/** Trace point get_page_size: does nothing. */
static inline void
rte_mempool_trace_get_page_size(struct rte_mempool *mempool __rte_unused,
		size_t pg_sz __rte_unused)
{
}

/** Trace point ops_populate: does nothing. */
static inline void
rte_mempool_trace_ops_populate(struct rte_mempool *mempool __rte_unused,
		uint32_t max_objs __rte_unused, void *vaddr __rte_unused,
		uint64_t iova __rte_unused, size_t len __rte_unused, void *obj_cb __rte_unused,
		void *obj_cb_arg __rte_unused)
{
}

/** Trace point ops_alloc: does nothing. */
static inline void
rte_mempool_trace_ops_alloc(struct rte_mempool *mempool __rte_unused)
{
}

/** Trace point ops_free: does nothing. */
static inline void
rte_mempool_trace_ops_free(struct rte_mempool *mempool __rte_unused)
{
}

/** Trace point set_ops_byname: does nothing. */
static inline void
rte_mempool_trace_set_ops_byname(struct rte_mempool *mempool __rte_unused,
		const char *name __rte_unused, void *pool_config __rte_unused)
{
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMPOOL_TRACE_H_ */
