/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Lock-free FIFO of pointers with a fixed capacity, safe with several producers and consumers
 * (or faster with one of each, see RING_F_SP_ENQ/RING_F_SC_DEQ). Rings are named so that other
 * code can find them with rte_ring_lookup. Enqueue/dequeue are inline; see rte_ring_elem.h for
 * the meaning of bulk/burst, mp/sp, mc/sc and the free_space/available out-parameters.
 */
#ifndef _RTE_RING_H_
#define _RTE_RING_H_

#include <rte_ring_core.h>
#include <rte_ring_elem.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes needed for a ring of count pointers, or -EINVAL for a bad count. */
ssize_t rte_ring_get_memsize(unsigned int count);

/**
 * Initialise a ring in memory the caller provides (rte_ring_get_memsize bytes, cache-line
 * aligned). The ring is not registered for rte_ring_lookup. 0 or a negative errno.
 */
int rte_ring_init(struct rte_ring *r, const char *name, unsigned int count, unsigned int flags);

/**
 * Create a ring of count pointers (a power of two, capacity count - 1; or any count with
 * RING_F_EXACT_SZ, capacity count).
 * @return the ring, or NULL with rte_errno: EINVAL (bad count or flags), EEXIST (name in use),
 *   ENAMETOOLONG, ENOSPC or ENOMEM (no memory).
 */
struct rte_ring *rte_ring_create(const char *name, unsigned int count, int socket_id,
		unsigned int flags);

/** Free a ring made by rte_ring_create (NULL is ignored). */
void rte_ring_free(struct rte_ring *r);

/** Print the ring's state. */
void rte_ring_dump(FILE *f, const struct rte_ring *r);

/** Print every created ring. */
void rte_ring_list_dump(FILE *f);

/** The ring called name, or NULL with rte_errno ENOENT. */
struct rte_ring *rte_ring_lookup(const char *name);

/** Empty the ring. Not safe while other threads use it. */
void rte_ring_reset(struct rte_ring *r);

#define __RTE_RING_PTR_ENQ(fn) \
static __rte_always_inline unsigned int \
fn(struct rte_ring *r, void * const *obj_table, unsigned int n, unsigned int *free_space) \
{ \
	return fn ## _elem(r, obj_table, sizeof(void *), n, free_space); \
}
#define __RTE_RING_PTR_DEQ(fn) \
static __rte_always_inline unsigned int \
fn(struct rte_ring *r, void **obj_table, unsigned int n, unsigned int *available) \
{ \
	return fn ## _elem(r, obj_table, sizeof(void *), n, available); \
}

__RTE_RING_PTR_ENQ(rte_ring_mp_enqueue_bulk)
__RTE_RING_PTR_ENQ(rte_ring_sp_enqueue_bulk)
__RTE_RING_PTR_ENQ(rte_ring_enqueue_bulk)
__RTE_RING_PTR_ENQ(rte_ring_mp_enqueue_burst)
__RTE_RING_PTR_ENQ(rte_ring_sp_enqueue_burst)
__RTE_RING_PTR_ENQ(rte_ring_enqueue_burst)
__RTE_RING_PTR_DEQ(rte_ring_mc_dequeue_bulk)
__RTE_RING_PTR_DEQ(rte_ring_sc_dequeue_bulk)
__RTE_RING_PTR_DEQ(rte_ring_dequeue_bulk)
__RTE_RING_PTR_DEQ(rte_ring_mc_dequeue_burst)
__RTE_RING_PTR_DEQ(rte_ring_sc_dequeue_burst)
__RTE_RING_PTR_DEQ(rte_ring_dequeue_burst)

#undef __RTE_RING_PTR_ENQ
#undef __RTE_RING_PTR_DEQ

/** Enqueue one pointer: 0, or -ENOBUFS when the ring is full. */
static __rte_always_inline int
rte_ring_mp_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_mp_enqueue_elem(r, &obj, sizeof(void *));
}

/** Enqueue one pointer, single producer: 0, or -ENOBUFS when the ring is full. */
static __rte_always_inline int
rte_ring_sp_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_sp_enqueue_elem(r, &obj, sizeof(void *));
}

/** Enqueue one pointer in the ring's producer mode: 0, or -ENOBUFS when it is full. */
static __rte_always_inline int
rte_ring_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_enqueue_elem(r, &obj, sizeof(void *));
}

/** Dequeue one pointer into *obj_p: 0, or -ENOENT when the ring is empty. */
static __rte_always_inline int
rte_ring_mc_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_mc_dequeue_elem(r, obj_p, sizeof(void *));
}

/** Dequeue one pointer, single consumer: 0, or -ENOENT when the ring is empty. */
static __rte_always_inline int
rte_ring_sc_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_sc_dequeue_elem(r, obj_p, sizeof(void *));
}

/** Dequeue one pointer in the ring's consumer mode: 0, or -ENOENT when it is empty. */
static __rte_always_inline int
rte_ring_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_dequeue_elem(r, obj_p, sizeof(void *));
}

/** Entries in the ring (a snapshot when other threads are active). */
static inline unsigned int
rte_ring_count(const struct rte_ring *r)
{
	uint32_t count = (r->prod.tail - r->cons.tail) & r->mask;

	/* Tails read at different times may disagree; never report more than fits. */
	return count > r->capacity ? r->capacity : count;
}

/** Free entries in the ring. */
static inline unsigned int
rte_ring_free_count(const struct rte_ring *r)
{
	return r->capacity - rte_ring_count(r);
}

/** 1 if the ring holds capacity entries, 0 otherwise (a snapshot). */
static inline int
rte_ring_full(const struct rte_ring *r)
{
	return rte_ring_free_count(r) == 0;
}

/** 1 if the ring holds no entry, 0 otherwise (a snapshot). */
static inline int
rte_ring_empty(const struct rte_ring *r)
{
	return r->prod.tail == r->cons.tail;
}

/** Number of slots (a power of two). */
static inline unsigned int
rte_ring_get_size(const struct rte_ring *r)
{
	return r->size;
}

/** Most entries the ring can hold. */
static inline unsigned int
rte_ring_get_capacity(const struct rte_ring *r)
{
	return r->capacity;
}

/** Producer synchronisation mode of the ring. */
static inline enum rte_ring_sync_type
rte_ring_get_prod_sync_type(const struct rte_ring *r)
{
	return r->prod.sync_type;
}

/** 1 if the ring was created for a single producer, 0 otherwise. */
static inline int
rte_ring_is_prod_single(const struct rte_ring *r)
{
	return r->prod.sync_type == RTE_RING_SYNC_ST;
}

/** Consumer synchronisation mode of the ring. */
static inline enum rte_ring_sync_type
rte_ring_get_cons_sync_type(const struct rte_ring *r)
{
	return r->cons.sync_type;
}

/** 1 if the ring was created for a single consumer, 0 otherwise. */
static inline int
rte_ring_is_cons_single(const struct rte_ring *r)
{
	return r->cons.sync_type == RTE_RING_SYNC_ST;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_H_ */
