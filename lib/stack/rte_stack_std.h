/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_STACK_STD_H_
#define _RTE_STACK_STD_H_

#ifndef _RTE_STACK_H_
#error "include <rte_stack.h> instead of <rte_stack_std.h>"
#endif

/**
 * @file
 * The standard stack: an array under a spinlock. Included by rte_stack.h only.
 */

#include <rte_branch_prediction.h>

/**
 * Internal: Push n objects, or none if they do not all fit.
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
__rte_stack_std_push(struct rte_stack *s, void * const *obj_table, unsigned int n)
{
	struct rte_stack_std *stack = &s->stack_std;
	void **top;
	unsigned int i;

	rte_spinlock_lock(&stack->lock);
	if (unlikely(n > s->capacity - stack->len)) {
		rte_spinlock_unlock(&stack->lock);
		return 0;
	}
	top = &stack->objs[stack->len];
	for (i = 0; i < n; i++)
		top[i] = obj_table[i];
	stack->len += n;
	rte_spinlock_unlock(&stack->lock);
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
__rte_stack_std_pop(struct rte_stack *s, void **obj_table, unsigned int n)
{
	struct rte_stack_std *stack = &s->stack_std;
	void **top;
	unsigned int i;

	rte_spinlock_lock(&stack->lock);
	if (unlikely(n > stack->len)) {
		rte_spinlock_unlock(&stack->lock);
		return 0;
	}
	top = &stack->objs[stack->len - 1];
	for (i = 0; i < n; i++)
		obj_table[i] = *(top - i);
	stack->len -= n;
	rte_spinlock_unlock(&stack->lock);
	return n;
}

/**
 * Internal: Objects in the stack.
 *
 * @param s
 *   The stack.
 * @return
 *   Objects in the stack.
 */
static __rte_always_inline unsigned int
__rte_stack_std_count(struct rte_stack *s)
{
	return (unsigned int)__atomic_load_n(&s->stack_std.len, __ATOMIC_RELAXED);
}

/**
 * Internal: Make a standard stack empty.
 *
 * @param s
 *   The stack.
 */
void
rte_stack_std_init(struct rte_stack *s);

/**
 * Internal: Bytes a standard stack of count objects needs.
 *
 * @param count
 *   Objects it holds.
 * @return
 *   Size of the stack.
 */
ssize_t
rte_stack_std_get_memsize(unsigned int count);

#endif /* _RTE_STACK_STD_H_ */
