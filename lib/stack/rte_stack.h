/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_STACK_H_
#define _RTE_STACK_H_

/**
 * @file
 * Fixed-size LIFO stacks of pointers, shared between threads.
 *
 * Two kinds: the standard stack guards an array with a spinlock; the lock-free stack
 * (RTE_STACK_F_LF) moves preallocated list nodes between a "used" and a "free" list with
 * 128-bit compare-and-swap, so a thread preempted in the middle of an operation never blocks
 * the others. Push and pop are all-or-nothing: they move n objects or none.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <sys/types.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_errno.h>
#include <rte_memzone.h>
#include <rte_spinlock.h>

/** Name of the list of stacks. */
#define RTE_TAILQ_STACK_NAME "RTE_STACK"
/** Prefix of the name of the memzone holding a stack. */
#define RTE_STACK_MZ_PREFIX "STK_"
/** Size of a stack name buffer: a memzone name less the prefix. */
#define RTE_STACK_NAMESIZE (RTE_MEMZONE_NAMESIZE - \
			   sizeof(RTE_STACK_MZ_PREFIX) + 1)

/** Node of a lock-free list, carrying one object. */
struct rte_stack_lf_elem {
	void *data;			/**< The object */
	struct rte_stack_lf_elem *next;	/**< Node below this one */
};

/** Top of a lock-free list, swapped as one 128-bit word. */
struct rte_stack_lf_head {
	struct rte_stack_lf_elem *top; /**< First node, NULL when empty */
	/** Bumped on every change, so a top that was popped and pushed back is noticed */
	uint64_t cnt;
};

/** A lock-free list and its length. */
struct rte_stack_lf_list {
	/** Top of the list */
	struct rte_stack_lf_head head __rte_aligned(16);
	/** Nodes in the list; reserved by poppers before they unlink them */
	uint64_t len;
};

/** Lock-free stack: the objects pushed sit in "used", spare nodes in "free". */
struct rte_stack_lf {
	/** Nodes holding objects */
	struct rte_stack_lf_list used __rte_cache_aligned;
	/** Spare nodes */
	struct rte_stack_lf_list free __rte_cache_aligned;
	/** All the nodes */
	struct rte_stack_lf_elem elems[] __rte_cache_aligned;
};

/** Standard stack: an array of objects and a lock. */
struct rte_stack_std {
	rte_spinlock_t lock; /**< Guards len and objs */
	uint32_t len; /**< Objects in the stack */
	void *objs[]; /**< The objects, the top last */
};

/** A stack: its name and size, then the structure of its kind. */
struct rte_stack {
	/** Name of the stack. */
	char name[RTE_STACK_NAMESIZE] __rte_cache_aligned;
	/** Memzone holding this structure. */
	const struct rte_memzone *memzone;
	uint32_t capacity; /**< Objects the stack can hold. */
	uint32_t flags; /**< Flags given to rte_stack_create(). */
	/** The structure of the stack's kind. */
	RTE_STD_C11
	union {
		struct rte_stack_lf stack_lf; /**< Lock-free kind. */
		struct rte_stack_std stack_std;	/**< Standard kind. */
	};
} __rte_cache_aligned;

/** rte_stack_create() flag: make a lock-free stack. */
#define RTE_STACK_F_LF 0x0001

#include "rte_stack_std.h"
#include "rte_stack_lf.h"

/**
 * Push objects, the last of obj_table ending on top.
 *
 * @param s
 *   The stack.
 * @param obj_table
 *   The objects.
 * @param n
 *   Number of objects.
 * @return
 *   n, or 0 (nothing pushed) when fewer than n places are free.
 */
static __rte_always_inline unsigned int
rte_stack_push(struct rte_stack *s, void * const *obj_table, unsigned int n)
{
	RTE_ASSERT(s != NULL);
	RTE_ASSERT(obj_table != NULL);

	if (s->flags & RTE_STACK_F_LF)
		return __rte_stack_lf_push(s, obj_table, n);
	return __rte_stack_std_push(s, obj_table, n);
}

/**
 * Pop objects, the top one into obj_table[0].
 *
 * @param s
 *   The stack.
 * @param obj_table
 *   Receives the objects.
 * @param n
 *   Number of objects.
 * @return
 *   n, or 0 (nothing popped) when the stack holds fewer than n objects.
 */
static __rte_always_inline unsigned int
rte_stack_pop(struct rte_stack *s, void **obj_table, unsigned int n)
{
	RTE_ASSERT(s != NULL);
	RTE_ASSERT(obj_table != NULL);

	if (s->flags & RTE_STACK_F_LF)
		return __rte_stack_lf_pop(s, obj_table, n);
	return __rte_stack_std_pop(s, obj_table, n);
}

/**
 * Number of objects in the stack; only a snapshot while other threads use it.
 *
 * @param s
 *   The stack.
 * @return
 *   Objects in the stack.
 */
static __rte_always_inline unsigned int
rte_stack_count(struct rte_stack *s)
{
	RTE_ASSERT(s != NULL);

	if (s->flags & RTE_STACK_F_LF)
		return __rte_stack_lf_count(s);
	return __rte_stack_std_count(s);
}

/**
 * Number of free places in the stack; only a snapshot while other threads use it.
 *
 * @param s
 *   The stack.
 * @return
 *   Free places.
 */
static __rte_always_inline unsigned int
rte_stack_free_count(struct rte_stack *s)
{
	RTE_ASSERT(s != NULL);

	return s->capacity - rte_stack_count(s);
}

/**
 * Create a stack in a memzone named RTE_STACK_MZ_PREFIX followed by the stack's name.
 *
 * @param name
 *   Name of the stack.
 * @param count
 *   Objects it can hold.
 * @param socket_id
 *   NUMA socket of its memory, or SOCKET_ID_ANY.
 * @param flags
 *   0, or RTE_STACK_F_LF for a lock-free stack.
 * @return
 *   The stack, or NULL with rte_errno set:
 *    - EINVAL - name is NULL or flags has an unknown bit
 *    - ENOSPC - no memzone left
 *    - EEXIST - a stack of that name exists
 *    - ENOMEM - not enough memory
 *    - ENAMETOOLONG - name does not fit RTE_STACK_NAMESIZE
 *    - ENOTSUP - RTE_STACK_F_LF on a platform without 128-bit compare-and-swap
 */
struct rte_stack *
rte_stack_create(const char *name, unsigned int count, int socket_id,
		 uint32_t flags);

/**
 * Release a stack and its memzone.
 *
 * @param s
 *   A stack made by rte_stack_create(); NULL does nothing.
 */
void
rte_stack_free(struct rte_stack *s);

/**
 * Find a stack by name.
 *
 * @param name
 *   Name of the stack.
 * @return
 *   The stack, or NULL with rte_errno set:
 *    - ENOENT - no stack of that name
 *    - EINVAL - name is NULL
 */
struct rte_stack *
rte_stack_lookup(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_STACK_H_ */
