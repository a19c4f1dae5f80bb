/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_STACK_LF_GENERIC_H_
#define _RTE_STACK_LF_GENERIC_H_

#ifndef _RTE_STACK_H_
#error "include <rte_stack.h> instead of <rte_stack_lf_generic.h>"
#endif

/**
 * @file
 * Lock-free list operations written with the legacy rte_atomic64 calls and explicit barriers
 * (the default memory model). Nodes are never freed, so a thread may follow a stale next
 * pointer safely: the counter in the head makes its compare-and-swap fail and it starts again.
 */

#include <rte_atomic.h>
#include <rte_branch_prediction.h>
#include <rte_prefetch.h>

static __rte_always_inline unsigned int
__rte_stack_lf_count(struct rte_stack *s)
{
	/* Pushers add to len after linking, poppers take from it before unlinking: len never
	 * counts more nodes than the list holds. */
	return (unsigned int)rte_atomic64_read((rte_atomic64_t *)&s->stack_lf.used.len);
}

static __rte_always_inline void
__rte_stack_lf_push_elems(struct rte_stack_lf_list *list, struct rte_stack_lf_elem *first,
	struct rte_stack_lf_elem *last, unsigned int num)
{
	struct rte_stack_lf_head old, upd;

	/* A torn read is harmless: the compare-and-swap checks both halves. */
	old.top = __atomic_load_n(&list->head.top, __ATOMIC_RELAXED);
	old.cnt = __atomic_load_n(&list->head.cnt, __ATOMIC_RELAXED);
	do {
		last->next = old.top;
		upd.top = first;
		upd.cnt = old.cnt + 1;
		/* The nodes' contents must be visible before they are reachable. */
		rte_smp_wmb();
	} while (!rte_atomic128_cmp_exchange((rte_int128_t *)&list->head, (rte_int128_t *)&old,
			(rte_int128_t *)&upd, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED));

	rte_atomic64_add((rte_atomic64_t *)&list->len, num);
}

static __rte_always_inline struct rte_stack_lf_elem *
__rte_stack_lf_pop_elems(struct rte_stack_lf_list *list, unsigned int num, void **obj_table,
	struct rte_stack_lf_elem **last)
{
	struct rte_stack_lf_head old, upd;
	struct rte_stack_lf_elem *node;
	uint64_t len;
	unsigned int i;

	/* Reserve num nodes first: once reserved they are in the list for this thread. */
	do {
		len = (uint64_t)rte_atomic64_read((rte_atomic64_t *)&list->len);
		if (unlikely(len < num))
			return NULL;
	} while (!rte_atomic64_cmpset(&list->len, len, len - num));

	old.top = __atomic_load_n(&list->head.top, __ATOMIC_RELAXED);
	old.cnt = __atomic_load_n(&list->head.cnt, __ATOMIC_RELAXED);
	for (;;) {
		/* Reads of the nodes must not move before the read of the head. */
		rte_smp_rmb();
		/* Find the node num - 1 below the top; a short walk means the snapshot is stale. */
		node = old.top;
		for (i = 1; i < num && node != NULL; i++) {
			rte_prefetch0(node->next);
			node = __atomic_load_n(&node->next, __ATOMIC_RELAXED);
		}
		if (likely(node != NULL)) {
			upd.top = __atomic_load_n(&node->next, __ATOMIC_RELAXED);
			upd.cnt = old.cnt + 1;
			if (rte_atomic128_cmp_exchange((rte_int128_t *)&list->head,
					(rte_int128_t *)&old, (rte_int128_t *)&upd, 0,
					__ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
				break;
		} else {
			old.top = __atomic_load_n(&list->head.top, __ATOMIC_RELAXED);
			old.cnt = __atomic_load_n(&list->head.cnt, __ATOMIC_RELAXED);
		}
	}

	/* The chain old.top .. node now belongs to this thread alone. */
	if (last != NULL)
		*last = node;
	if (obj_table != NULL)
		for (i = 0, node = old.top; i < num; i++, node = node->next)
			obj_table[i] = node->data;
	return old.top;
}

#endif /* _RTE_STACK_LF_GENERIC_H_ */
