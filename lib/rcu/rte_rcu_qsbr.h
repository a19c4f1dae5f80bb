/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Quiescent-state based reclamation (QSBR). Readers never lock: each registered reader
 * periodically says "I hold no reference to shared data right now" (rte_rcu_qsbr_quiescent),
 * or goes offline while it is not reading at all. A writer that unpublished something takes a
 * token (rte_rcu_qsbr_start) and waits (rte_rcu_qsbr_check) until every online reader has
 * reported a quiescent state after that token; then nobody can still see the old object and
 * it may be freed.
 *
 * Each reader has its own counter on its own cache line: it holds the last token the reader
 * acknowledged, or 0 while the reader is offline.
 */
#ifndef _RTE_RCU_QSBR_H_
#define _RTE_RCU_QSBR_H_

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <errno.h>
#include <inttypes.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_pause.h>
#include <rte_branch_prediction.h>
#include <rte_compat.h>
#include <rte_ring.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Registered readers: a bitmap of 64-bit words after the counter array. */
#define __RTE_QSBR_THRID_ARRAY_ELM_SIZE (sizeof(uint64_t) * 8)
#define __RTE_QSBR_THRID_ARRAY_SIZE(max_threads) \
	RTE_ALIGN(RTE_ALIGN_MUL_CEIL(max_threads, __RTE_QSBR_THRID_ARRAY_ELM_SIZE) >> 3, \
		RTE_CACHE_LINE_SIZE)
#define __RTE_QSBR_THRID_ARRAY_ELM(v, i) ((uint64_t *) \
	((struct rte_rcu_qsbr_cnt *)((v) + 1) + (v)->max_threads) + (i))
#define __RTE_QSBR_THRID_INDEX_SHIFT 6
#define __RTE_QSBR_THRID_MASK 0x3f
/** thread_id for rte_rcu_qsbr_synchronize when the caller is not a registered reader. */
#define RTE_QSBR_THRID_INVALID 0xffffffff

/** Per-reader state. */
struct rte_rcu_qsbr_cnt {
	uint64_t cnt;      /**< last acknowledged token, 0 while offline */
	uint32_t lock_cnt; /**< nesting of rte_rcu_qsbr_lock (debug builds) */
} __rte_cache_aligned;

#define __RTE_QSBR_CNT_THR_OFFLINE 0
#define __RTE_QSBR_CNT_INIT 1
#define __RTE_QSBR_CNT_MAX ((uint64_t)~0)
#define __RTE_QSBR_TOKEN_SIZE sizeof(uint64_t)

/** A QSBR variable; rte_rcu_qsbr_get_memsize() bytes, cache-line aligned. */
struct rte_rcu_qsbr {
	uint64_t token __rte_cache_aligned; /**< last token handed out by rte_rcu_qsbr_start */
	uint64_t acked_token;               /**< every reader has acknowledged up to this */

	uint32_t num_elems __rte_cache_aligned; /**< words in the reader bitmap */
	uint32_t num_threads;                   /**< registered readers */
	uint32_t max_threads; /**< readers the variable was sized for */

	/** one counter per reader, followed by the reader bitmap */
	struct rte_rcu_qsbr_cnt qsbr_cnt[0] __rte_cache_aligned;
} __rte_cache_aligned;

/** Bytes for a variable serving max_threads readers; 1 with rte_errno EINVAL for 0. */
size_t rte_rcu_qsbr_get_memsize(uint32_t max_threads);

/** Initialise v for readers 0..max_threads-1: 0, or 1 with rte_errno EINVAL. */
int rte_rcu_qsbr_init(struct rte_rcu_qsbr *v, uint32_t max_threads);

/**
 * Declare thread_id a reader of v (it starts offline). Safe concurrently with writers.
 * @return 0, or 1 with rte_errno EINVAL (NULL v or thread_id >= max_threads).
 */
int rte_rcu_qsbr_thread_register(struct rte_rcu_qsbr *v, unsigned int thread_id);

/** Remove thread_id from the readers of v: 0, or 1 with rte_errno EINVAL. */
int rte_rcu_qsbr_thread_unregister(struct rte_rcu_qsbr *v, unsigned int thread_id);

/**
 * The reader thread_id is about to access shared data: writers starting from now wait for it.
 */
static __rte_always_inline void
rte_rcu_qsbr_thread_online(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	uint64_t t = __atomic_load_n(&v->token, __ATOMIC_RELAXED);

	__atomic_store_n(&v->qsbr_cnt[thread_id].cnt, t, __ATOMIC_RELAXED);
	/*
	 * Store-load ordering: a writer that unpublished an object and then sees this reader
	 * offline must be sure the reader's later loads see the unpublished state. Only a full
	 * fence orders our store before our subsequent loads (it pairs with the one in start).
	 */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/** The reader thread_id holds no reference to shared data until it comes online again. */
static __rte_always_inline void
rte_rcu_qsbr_thread_offline(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	/* Release: our earlier reads of shared data complete before a writer sees us go. */
	__atomic_store_n(&v->qsbr_cnt[thread_id].cnt, __RTE_QSBR_CNT_THR_OFFLINE,
			__ATOMIC_RELEASE);
}

/** Start of a reader critical section, checked only in debug builds (RTE_LIBRTE_RCU_DEBUG). */
static __rte_always_inline void
rte_rcu_qsbr_lock(__rte_unused struct rte_rcu_qsbr *v, __rte_unused unsigned int thread_id)
{
#if defined(RTE_LIBRTE_RCU_DEBUG)
	__atomic_fetch_add(&v->qsbr_cnt[thread_id].lock_cnt, 1, __ATOMIC_ACQUIRE);
#endif
}

/** End of a critical section opened by rte_rcu_qsbr_lock (checked in debug builds). */
static __rte_always_inline void
rte_rcu_qsbr_unlock(__rte_unused struct rte_rcu_qsbr *v, __rte_unused unsigned int thread_id)
{
#if defined(RTE_LIBRTE_RCU_DEBUG)
	__atomic_fetch_sub(&v->qsbr_cnt[thread_id].lock_cnt, 1, __ATOMIC_RELEASE);
#endif
}

/**
 * Writer: begin a grace period, after unpublishing what is to be freed.
 * @return the token to pass to rte_rcu_qsbr_check.
 */
static __rte_always_inline uint64_t
rte_rcu_qsbr_start(struct rte_rcu_qsbr *v)
{
	uint64_t t;

	/* Release: the unpublishing stores are visible to any reader that sees the token. */
	t = __atomic_add_fetch(&v->token, 1, __ATOMIC_RELEASE);
	/* Pairs with the fence of thread_online (store-load ordering on both sides). */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return t;
}

/** Reader: report that thread_id holds no reference to shared data at this point. */
static __rte_always_inline void
rte_rcu_qsbr_quiescent(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	/* Acquire the token so that our later reads see what the writer unpublished... */
	uint64_t t = __atomic_load_n(&v->token, __ATOMIC_ACQUIRE);

	/* ...and release our earlier reads before the writer may free what they used. */
	__atomic_store_n(&v->qsbr_cnt[thread_id].cnt, t, __ATOMIC_RELEASE);
}

/* Scan the readers once (or until done when wait). 1 when all passed token t. */
static __rte_always_inline int
__rte_rcu_qsbr_check_all(struct rte_rcu_qsbr *v, uint64_t t, bool wait)
{
	uint64_t acked = __RTE_QSBR_CNT_MAX;
	uint64_t bmap, c;
	uint32_t i, id;

	for (i = 0; i < v->num_elems; i++) {
		bmap = __atomic_load_n(__RTE_QSBR_THRID_ARRAY_ELM(v, i), __ATOMIC_ACQUIRE);
		while (bmap != 0) {
			id = (i << __RTE_QSBR_THRID_INDEX_SHIFT) + (uint32_t)__builtin_ctzll(bmap);
			for (;;) {
				/* Acquire: the reader's reads are done before we free. */
				c = __atomic_load_n(&v->qsbr_cnt[id].cnt, __ATOMIC_ACQUIRE);
				if (c == __RTE_QSBR_CNT_THR_OFFLINE || c >= t)
					break;
				if (!wait)
					return 0;
				rte_pause();
				/* It may have unregistered meanwhile. */
				if ((__atomic_load_n(__RTE_QSBR_THRID_ARRAY_ELM(v, i),
						__ATOMIC_ACQUIRE) & (1ULL << (id &
						__RTE_QSBR_THRID_MASK))) == 0)
					break;
			}
			if (c != __RTE_QSBR_CNT_THR_OFFLINE && c < acked)
				acked = c;
			bmap &= bmap - 1;
		}
	}
	/* Everyone has seen at least t: later checks for tokens up to acked are free. */
	if (acked == __RTE_QSBR_CNT_MAX)
		acked = t;
	if (acked > __atomic_load_n(&v->acked_token, __ATOMIC_RELAXED))
		__atomic_store_n(&v->acked_token, acked, __ATOMIC_RELAXED);
	return 1;
}

/**
 * Writer: have all online readers reported a quiescent state since token t?
 * @param v the QSBR variable.
 * @param t token returned by rte_rcu_qsbr_start.
 * @param wait spin until they have.
 * @return 1 when they have, 0 when not (only without wait).
 */
static __rte_always_inline int
rte_rcu_qsbr_check(struct rte_rcu_qsbr *v, uint64_t t, bool wait)
{
	if (likely(t <= __atomic_load_n(&v->acked_token, __ATOMIC_ACQUIRE)))
		return 1;
	return __rte_rcu_qsbr_check_all(v, t, wait);
}

/**
 * Writer: wait for a full grace period. A caller that is itself the reader thread_id reports
 * its own quiescent state first (pass RTE_QSBR_THRID_INVALID otherwise).
 */
void rte_rcu_qsbr_synchronize(struct rte_rcu_qsbr *v, unsigned int thread_id);

/** Print v: 0, or 1 with rte_errno EINVAL for NULL arguments. */
int rte_rcu_qsbr_dump(FILE *f, struct rte_rcu_qsbr *v);

/** Log type of the RCU library. */
extern int rte_rcu_log_type;

/**
 * Called by a defer queue to free n resources whose grace period is over.
 * @param p the pointer given in rte_rcu_qsbr_dq_parameters.p.
 * @param e the resource: a copy of the esize bytes given to rte_rcu_qsbr_dq_enqueue.
 * @param n number of resources at e (the defer queue passes 1).
 */
typedef void (*rte_rcu_qsbr_free_resource_t)(void *p, void *e, unsigned int n);

/** Longest defer queue name, terminating NUL included. */
#define RTE_RCU_QSBR_DQ_NAMESIZE RTE_RING_NAMESIZE

/**
 * rte_rcu_qsbr_dq_parameters.flags: the queue is used by one thread at a time, so it needs
 * no synchronisation between enqueuers or between reclaimers.
 */
#define RTE_RCU_QSBR_DQ_MT_UNSAFE 1

/** How to create a defer queue (rte_rcu_qsbr_dq_create). */
struct rte_rcu_qsbr_dq_parameters {
	const char *name; /**< name of the queue (of its ring) */
	uint32_t flags;   /**< 0 or RTE_RCU_QSBR_DQ_MT_UNSAFE */
	uint32_t size;    /**< resources the queue holds at most */
	uint32_t esize;   /**< bytes per resource, a non-zero multiple of 4 */
	/**
	 * rte_rcu_qsbr_dq_enqueue reclaims first when this many resources wait (0: on every
	 * call; above size: never).
	 */
	uint32_t trigger_reclaim_limit;
	/** most resources one automatic reclamation frees */
	uint32_t max_reclaim_size;
	rte_rcu_qsbr_free_resource_t free_fn; /**< frees a resource */
	void *p;                              /**< first argument of free_fn */
	struct rte_rcu_qsbr *v;               /**< the QSBR variable whose grace periods count */
};

/** A defer queue: resources waiting for a grace period before they are freed. */
struct rte_rcu_qsbr_dq;

/**
 * Create a defer queue: removed resources wait in it, each with the token of the grace
 * period that started when it was queued, and are freed once that grace period is over.
 * @param params the queue's parameters.
 * @return the queue, or NULL with rte_errno EINVAL (a NULL name, v or free_fn, a size of 0,
 *   an esize that is 0 or not a multiple of 4), EEXIST (the name is taken) or ENOMEM.
 */
__rte_experimental
struct rte_rcu_qsbr_dq *
rte_rcu_qsbr_dq_create(const struct rte_rcu_qsbr_dq_parameters *params);

/**
 * Queue a removed resource and start a grace period for it. Reclaims first when
 * trigger_reclaim_limit resources wait, and when the queue is full.
 * @param dq the defer queue.
 * @param e esize bytes describing the resource, copied into the queue.
 * @return 0, or 1 with rte_errno EINVAL (NULL arguments) or ENOSPC (the queue is full and
 *   no resource in it has completed its grace period).
 */
__rte_experimental
int
rte_rcu_qsbr_dq_enqueue(struct rte_rcu_qsbr_dq *dq, void *e);

/**
 * Free up to n resources whose grace period is over, oldest first; stops at the first one
 * still waiting.
 * @param dq the defer queue.
 * @param n most resources to free.
 * @param freed if not NULL: how many were freed.
 * @param pending if not NULL: how many remain queued.
 * @param available if not NULL: how many more the queue can take.
 * @return 0 (also when nothing could be freed yet), or 1 with rte_errno EINVAL for a NULL
 *   queue or n of 0.
 */
__rte_experimental
int
rte_rcu_qsbr_dq_reclaim(struct rte_rcu_qsbr_dq *dq, unsigned int n, unsigned int *freed,
	unsigned int *pending, unsigned int *available);

/**
 * Free every queued resource and the queue. When a resource has not completed its grace
 * period yet, the queue stays (with what could not be freed) and the call fails.
 * @param dq the defer queue; NULL does nothing.
 * @return 0, or 1 with rte_errno EAGAIN (resources still wait: try again later).
 */
__rte_experimental
int
rte_rcu_qsbr_dq_delete(struct rte_rcu_qsbr_dq *dq);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RCU_QSBR_H_ */
