/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stacks live in memzones; a list in shared memory, under the tailq lock, finds them by name
 * from every process of the group.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_stack.h"

RTE_LOG_REGISTER_DEFAULT(stack_logtype, NOTICE);

#define STACK_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, stack_logtype, "STACK: " fmt "\n", ##__VA_ARGS__)

TAILQ_HEAD(rte_stack_list, rte_tailq_entry);
static struct rte_tailq_elem rte_stack_tailq = {
	.name = "RTE_STACK",
};
EAL_REGISTER_TAILQ(rte_stack_tailq)

static struct rte_stack_list *
stack_list(void)
{
	return RTE_TAILQ_CAST(rte_stack_tailq.head, rte_stack_list);
}

static ssize_t
stack_memsize(unsigned int count, uint32_t flags)
{
	if (flags & RTE_STACK_F_LF)
		return rte_stack_lf_get_memsize(count);
	return rte_stack_std_get_memsize(count);
}

struct rte_stack *
rte_stack_create(const char *name, unsigned int count, int socket_id, uint32_t flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	struct rte_tailq_entry *e;
	struct rte_stack *s;
	int ret;

	if (name == NULL) {
		STACK_LOG(ERR, "create: no name");
		rte_errno = EINVAL;
		return NULL;
	}
	if (flags & ~RTE_STACK_F_LF) {
		STACK_LOG(ERR, "stack %s: unknown flags %#x", name, flags);
		rte_errno = EINVAL;
		return NULL;
	}
#ifndef RTE_STACK_LF_SUPPORTED
	if (flags & RTE_STACK_F_LF) {
		STACK_LOG(ERR, "stack %s: no lock-free stacks on this platform", name);
		rte_errno = ENOTSUP;
		return NULL;
	}
#endif
	if (strnlen(name, RTE_STACK_NAMESIZE) == RTE_STACK_NAMESIZE) {
		STACK_LOG(ERR, "stack name longer than %zu characters", RTE_STACK_NAMESIZE - 1);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	e = rte_zmalloc("stack_tailq", sizeof(*e), 0);
	if (e == NULL) {
		STACK_LOG(ERR, "stack %s: no memory for its list entry", name);
		rte_errno = ENOMEM;
		return NULL;
	}
	snprintf(mz_name, sizeof(mz_name), "%s%s", RTE_STACK_MZ_PREFIX, name);

	rte_mcfg_tailq_write_lock();
	mz = rte_memzone_reserve_aligned(mz_name, (size_t)stack_memsize(count, flags), socket_id,
		0, __alignof__(*s));
	if (mz == NULL) {
		ret = rte_errno;
		rte_mcfg_tailq_write_unlock();
		STACK_LOG(ERR, "stack %s: cannot reserve its memzone: %s", name,
			rte_strerror(ret));
		rte_free(e);
		rte_errno = ret;
		return NULL;
	}
	s = mz->addr;
	memset(s, 0, sizeof(*s));
	if (flags & RTE_STACK_F_LF)
		rte_stack_lf_init(s, count);
	else
		rte_stack_std_init(s);
	strlcpy(s->name, name, sizeof(s->name));
	s->memzone = mz;
	s->capacity = count;
	s->flags = flags;
	e->data = s;
	TAILQ_INSERT_TAIL(stack_list(), e, next);
	rte_mcfg_tailq_write_unlock();
	return s;
}

void
rte_stack_free(struct rte_stack *s)
{
	struct rte_tailq_entry *e;

	if (s == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(e, stack_list(), next)
		if (e->data == s)
			break;
	if (e == NULL) {
		rte_mcfg_tailq_write_unlock();
		STACK_LOG(ERR, "free: %p is not a stack made by rte_stack_create", (void *)s);
		return;
	}
	TAILQ_REMOVE(stack_list(), e, next);
	rte_memzone_free(s->memzone);
	rte_mcfg_tailq_write_unlock();
	rte_free(e);
}

struct rte_stack *
rte_stack_lookup(const char *name)
{
	struct rte_stack *s = NULL;
	struct rte_tailq_entry *e;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(e, stack_list(), next)
		if (strncmp(((struct rte_stack *)e->data)->name, name,
				RTE_STACK_NAMESIZE) == 0) {
			s = e->data;
			break;
		}
	rte_mcfg_tailq_read_unlock();
	if (s == NULL)
		rte_errno = ENOENT;
	return s;
}
