/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Named list heads (rte_tailq.h). There is one process, so the heads live in this library's
 * own table rather than in shared memory; registering a name creates its head at once, before
 * or after rte_eal_init alike.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_tailq.h>

#include <rte_eal_memconfig.h>

#include "eal_private.h"

static struct rte_tailq_head tailq_heads[RTE_MAX_TAILQ];
static unsigned int tailq_count;
static TAILQ_HEAD(, rte_tailq_elem) tailq_elems = TAILQ_HEAD_INITIALIZER(tailq_elems);

static struct rte_tailq_head *
tailq_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < tailq_count; i++)
		if (strncmp(tailq_heads[i].name, name, RTE_TAILQ_NAMESIZE) == 0)
			return &tailq_heads[i];
	return NULL;
}

struct rte_tailq_head *
rte_eal_tailq_lookup(const char *name)
{
	struct rte_tailq_head *head;

	if (name == NULL)
		return NULL;
	rte_mcfg_tailq_read_lock();
	head = tailq_find(name);
	rte_mcfg_tailq_read_unlock();
	return head;
}

int
rte_eal_tailq_register(struct rte_tailq_elem *t)
{
	struct rte_tailq_head *head;
	size_t len;

	if (t == NULL) {
		EAL_LOG(ERR, "tailq register: no element\n");
		return -1;
	}
	t->head = NULL;
	len = strnlen(t->name, RTE_TAILQ_NAMESIZE);
	if (len == 0 || len == RTE_TAILQ_NAMESIZE) {
		EAL_LOG(ERR, "tailq register: name empty or not terminated within %d bytes\n",
			RTE_TAILQ_NAMESIZE);
		return -1;
	}
	rte_mcfg_tailq_write_lock();
	if (tailq_find(t->name) != NULL) {
		rte_mcfg_tailq_write_unlock();
		EAL_LOG(ERR, "tailq %s is already registered\n", t->name);
		return -1;
	}
	if (tailq_count == RTE_MAX_TAILQ) {
		rte_mcfg_tailq_write_unlock();
		EAL_LOG(ERR, "cannot register tailq %s: all %d (RTE_MAX_TAILQ) are in use\n",
			t->name, RTE_MAX_TAILQ);
		return -1;
	}
	head = &tailq_heads[tailq_count++];
	TAILQ_INIT(&head->tailq_head);
	memcpy(head->name, t->name, len + 1);
	t->head = head;
	TAILQ_INSERT_TAIL(&tailq_elems, t, next);
	rte_mcfg_tailq_write_unlock();
	return 0;
}

void
rte_dump_tailq(FILE *f)
{
	unsigned int i;

	if (f == NULL)
		f = stdout;
	rte_mcfg_tailq_read_lock();
	for (i = 0; i < tailq_count; i++) {
		const struct rte_tailq_head *h = &tailq_heads[i];

		fprintf(f, "Tailq %u: qname:<%s>, tqh_first:%p, tqh_last:%p\n", i, h->name,
			(void *)h->tailq_head.tqh_first, (void *)h->tailq_head.tqh_last);
	}
	rte_mcfg_tailq_read_unlock();
}
