/* SPDX-License-Identifier: BSD-3-Clause */
/* Set-up of the standard (spinlock) stack. */
#include <rte_common.h>

#include "rte_stack.h"

void
rte_stack_std_init(struct rte_stack *s)
{
	rte_spinlock_init(&s->stack_std.lock);
	s->stack_std.len = 0;
}

ssize_t
rte_stack_std_get_memsize(unsigned int count)
{
	return (ssize_t)(sizeof(struct rte_stack) +
		RTE_CACHE_LINE_ROUNDUP((size_t)count * sizeof(void *)));
}
