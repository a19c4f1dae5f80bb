/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool ops keeping free objects in an rte_stack: "stack" (spinlock) and "lf_stack"
 * (lock-free). LIFO order hands back the most recently freed object, still warm in cache.
 */
#include <errno.h>
#include <stdio.h>

#include <rte_errno.h>
#include <rte_log.h>
#include <rte_mempool.h>
#include <rte_stack.h>

RTE_LOG_REGISTER_DEFAULT(mempool_stack_logtype, NOTICE);

#define MPSTACK_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, mempool_stack_logtype, "MEMPOOL_STACK: " fmt "\n", \
		##__VA_ARGS__)

static int
mp_stack_alloc(struct rte_mempool *mp, uint32_t flags)
{
	char name[RTE_STACK_NAMESIZE];
	struct rte_stack *s;
	int ret;

	ret = snprintf(name, sizeof(name), RTE_MEMPOOL_MZ_FORMAT, mp->name);
	if (ret < 0 || ret >= (int)sizeof(name)) {
		MPSTACK_LOG(ERR, "mempool %s: name too long for its stack", mp->name);
		rte_errno = ENAMETOOLONG;
		return -rte_errno;
	}
	/* One place per object: a put never fails. */
	s = rte_stack_create(name, mp->size, mp->socket_id, flags);
	if (s == NULL)
		return -rte_errno;
	mp->pool_data = s;
	return 0;
}

static int
mp_stack_alloc_std(struct rte_mempool *mp)
{
	return mp_stack_alloc(mp, 0);
}

static int
mp_stack_alloc_lf(struct rte_mempool *mp)
{
	return mp_stack_alloc(mp, RTE_STACK_F_LF);
}

static int
mp_stack_enqueue(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	return rte_stack_push(mp->pool_data, obj_table, n) == n ? 0 : -ENOBUFS;
}

static int
mp_stack_dequeue(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_stack_pop(mp->pool_data, obj_table, n) == n ? 0 : -ENOBUFS;
}

static unsigned int
mp_stack_get_count(const struct rte_mempool *mp)
{
	return rte_stack_count(mp->pool_data);
}

static void
mp_stack_free(struct rte_mempool *mp)
{
	rte_stack_free(mp->pool_data);
}

static struct rte_mempool_ops ops_stack = {
	.name = "stack",
	.alloc = mp_stack_alloc_std,
	.free = mp_stack_free,
	.enqueue = mp_stack_enqueue,
	.dequeue = mp_stack_dequeue,
	.get_count = mp_stack_get_count,
};

static struct rte_mempool_ops ops_lf_stack = {
	.name = "lf_stack",
	.alloc = mp_stack_alloc_lf,
	.free = mp_stack_free,
	.enqueue = mp_stack_enqueue,
	.dequeue = mp_stack_dequeue,
	.get_count = mp_stack_get_count,
};

RTE_MEMPOOL_REGISTER_OPS(ops_stack);
RTE_MEMPOOL_REGISTER_OPS(ops_lf_stack);
