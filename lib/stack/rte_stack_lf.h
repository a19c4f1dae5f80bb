/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_STACK_LF_H_
#define _RTE_STACK_LF_H_

#ifndef _RTE_STACK_H_
#error "include <rte_stack.h> instead of <rte_stack_lf.h>"
#endif

/**
 * @file
 * The lock-free stack. Objects travel in nodes: a push takes n nodes off the free list, fills
 * them and puts them on the used list; a pop does the reverse. Included by rte_stack.h only.
 */

#if !(defined(RTE_ARCH_X86_64) || defined(RTE_ARCH_ARM64))
#include "rte_stack_lf_stubs.h"
#else
#ifdef RTE_USE_C11_MEM_MODEL
#include "rte_stack_lf_c11.h"
#else
#include "rte_stack_lf_generic.h"
#endif

/** Defined where lock-free stacks can be created. */
#define RTE_STACK_LF_SUPPORTED
#endif

/**
 * Internal: Push n objects, or none if there are not n free nodes.
 *
 * @param s
 *   The stack.
 * @param obj_table
 *   The objects.
 * @param n
 *   Number of objects.
 * @return
 *   Objects pushed: n or 0.
 */
static __rte_always_inline unsigned int
__rte_stack_lf_push(struct rte_stack *s, void * const *obj_table, unsigned int n)
{
	struct rte_stack_lf_elem *node, *first, *last = NULL;
	unsigned int i;

	if (unlikely(n == 0))
		return 0;
	first = __rte_stack_lf_pop_elems(&s->stack_lf.free, n, NULL, &last);
	if (unlikely(first == NULL))
		return 0;
	/* The chain's first node becomes the top: it takes the last object. */
	for (node = first, i = n; i > 0; i--, node = node->next)
		node->data = obj_table[i - 1];
	__rte_stack_lf_push_elems(&s->stack_lf.used, first, last, n);
	return n;
}

/**
 * Internal: Pop n objects, or none if the stack holds fewer.
 *
 * @param s
 *   The stack.
 * @param obj_table
 *   Receives the objects, the top one first.
 * @param n
 *   Number of objects.
 * @return
 *   Objects popped: n or 0.
 */
static __rte_always_inline unsigned int
__rte_stack_lf_pop(struct rte_stack *s, void **obj_table, unsigned int n)
{
	struct rte_stack_lf_elem *first, *last = NULL;

	if (unlikely(n == 0))
		return 0;
	first = __rte_stack_lf_pop_elems(&s->stack_lf.used, n, obj_table, &last);
	if (unlikely(first == NULL))
		return 0;
	__rte_stack_lf_push_elems(&s->stack_lf.free, first, last, n);
	return n;
}

/**
 * Internal: Put every node of a lock-free stack on its free list.
 *
 * @param s
 *   The stack.
 * @param count
 *   Number of nodes.
 */
void
rte_stack_lf_init(struct rte_stack *s, unsigned int count);

/**
 * Internal: Bytes a lock-free stack of count objects needs.
 *
 * @param count
 *   Objects it holds.
 * @return
 *   Size of the stack.
 */
ssize_t
rte_stack_lf_get_memsize(unsigned int count);

#endif /* _RTE_STACK_LF_H_ */
