/* SPDX-License-Identifier: BSD-3-Clause */
/* Set-up of the lock-free stack: every node starts on the free list. */
#include <string.h>

#include <rte_common.h>

#include "rte_stack.h"

void
rte_stack_lf_init(struct rte_stack *s, unsigned int count)
{
	struct rte_stack_lf *lf = &s->stack_lf;
	unsigned int i;

	memset(&lf->used, 0, sizeof(lf->used));
	memset(&lf->free, 0, sizeof(lf->free));
	if (count == 0)
		return;
	for (i = 0; i + 1 < count; i++)
		lf->elems[i].next = &lf->elems[i + 1];
	lf->elems[count - 1].next = NULL;
	lf->free.head.top = &lf->elems[0];
	lf->free.len = count;
}

ssize_t
rte_stack_lf_get_memsize(unsigned int count)
{
	return (ssize_t)(sizeof(struct rte_stack) +
		RTE_CACHE_LINE_ROUNDUP((size_t)count * sizeof(struct rte_stack_lf_elem)));
}
