/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Trace points of the mempool fast path, under DPDK's names. This framework has no trace
 * library: each trace point is an empty inline function, so code that calls them builds
 * and the calls cost nothing.
 */
#ifndef _RTE_MEMPOOL_TRACE_FP_H_
#define _RTE_MEMPOOL_TRACE_FP_H_

#include <stdint.h>
#include <stddef.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Trace point ops_dequeue_bulk: does nothing. */
static inline void
rte_mempool_trace_ops_dequeue_bulk(void *mempool __rte_unused, void **obj_table __rte_unused,
		uint32_t nb_objs __rte_unused)
{
}

/** Trace point ops_dequeue_contig_blocks: does nothing. */
static inline void
rte_mempool_trace_ops_dequeue_contig_blocks(void *mempool __rte_unused,
		void **first_obj_table __rte_unused, uint32_t nb_objs __rte_unused)
{
}

/** Trace point ops_enqueue_bulk: does nothing. */
static inline void
rte_mempool_trace_ops_enqueue_bulk(void *mempool __rte_unused,
		void * const *obj_table __rte_unused, uint32_t nb_objs __rte_unused)
{
}

/** Trace point generic_put: does nothing. */
static inline void
rte_mempool_trace_generic_put(void *mempool __rte_unused, void * const *obj_table __rte_unused,
		uint32_t nb_objs __rte_unused, void *cache __rte_unused)
{
}

/** Trace point put_bulk: does nothing. */
static inline void
rte_mempool_trace_put_bulk(void *mempool __rte_unused, void * const *obj_table __rte_unused,
		uint32_t nb_objs __rte_unused, void *cache __rte_unused)
{
}

/** Trace point generic_get: does nothing. */
static inline void
rte_mempool_trace_generic_get(void *mempool __rte_unused, void * const *obj_table __rte_unused,
		uint32_t nb_objs __rte_unused, void *cache __rte_unused)
{
}

/** Trace point get_bulk: does nothing. */
static inline void
rte_mempool_trace_get_bulk(void *mempool __rte_unused, void **obj_table __rte_unused,
		uint32_t nb_objs __rte_unused, void *cache __rte_unused)
{
}

/** Trace point get_contig_blocks: does nothing. */
static inline void
rte_mempool_trace_get_contig_blocks(void *mempool __rte_unused,
		void **first_obj_table __rte_unused, uint32_t nb_objs __rte_unused)
{
}

/** Trace point default_cache: does nothing. */
static inline void
rte_mempool_trace_default_cache(void *mempool __rte_unused, uint32_t lcore_id __rte_unused,
		void *default_cache __rte_unused)
{
}

/** Trace point cache_flush: does nothing. */
static inline void
rte_mempool_trace_cache_flush(void *cache __rte_unused, void *mempool __rte_unused)
{
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMPOOL_TRACE_FP_H_ */
