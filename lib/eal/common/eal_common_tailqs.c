/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Named list heads (rte_tailq.h). Registering a name creates its head at once, before or after
 * rte_eal_init alike: before, in this process's own table; rte_eal_init then moves every
 * registered head into the shared configuration (eal_shared.h), where a secondary process finds
 * the primary's heads by name and walks the same lists.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include <rte_eal_memconfig.h>

#include "eal_private.h"
#include "eal_shared.h"

struct tailq_state {
	unsigned int count;
	struct rte_tailq_head heads[RTE_MAX_TAILQ];
};
static struct tailq_state tailq_local;
static struct tailq_state *tqs = &tailq_local;
#define tailq_heads (tqs->heads)
#define tailq_count (tqs->count)
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

/* The element this process registered under name, or NULL; tailq lock held. */
static struct rte_tailq_elem *
tailq_elem_find(const char *name)
{
	struct rte_tailq_elem *t;

	TAILQ_FOREACH(t, &tailq_elems, next)
		if (strncmp(t->name, name, RTE_TAILQ_NAMESIZE) == 0)
			return t;
	return NULL;
}

/* A new empty head; the caller checked there is room and holds the tailq lock. */
static struct rte_tailq_head *
tailq_create(const char *name)
{
	struct rte_tailq_head *head = &tailq_heads[tailq_count];

	TAILQ_INIT(&head->tailq_head);
	rte_strscpy(head->name, name, sizeof(head->name));
	/* Readers of the count (lookups without the lock) must see the head complete. */
	__atomic_store_n(&tailq_count, tailq_count + 1, __ATOMIC_RELEASE);
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
	if (tailq_elem_find(t->name) != NULL) {
		rte_mcfg_tailq_write_unlock();
		EAL_LOG(ERR, "tailq %s is already registered\n", t->name);
		return -1;
	}
	/*
	 * A library loaded after rte_eal_init (a plugin's dependency) finds the head another
	 * process of the group already made in the shared table: it joins that list.
	 */
	head = tailq_find(t->name);
	if (head != NULL) {
		t->head = head;
		TAILQ_INSERT_TAIL(&tailq_elems, t, next);
		rte_mcfg_tailq_write_unlock();
		return 0;
	}
	if (tailq_count == RTE_MAX_TAILQ) {
		rte_mcfg_tailq_write_unlock();
		EAL_LOG(ERR, "cannot register tailq %s: all %d (RTE_MAX_TAILQ) are in use\n",
			t->name, RTE_MAX_TAILQ);
		return -1;
	}
	head = tailq_create(t->name);
	t->head = head;
	TAILQ_INSERT_TAIL(&tailq_elems, t, next);
	rte_mcfg_tailq_write_unlock();
	return 0;
}

/* Point every registered element at its head in the current table; tailq lock held. */
static int
tailq_rebind(void)
{
	struct rte_tailq_elem *t;

	TAILQ_FOREACH(t, &tailq_elems, next) {
		t->head = tailq_find(t->name);
		if (t->head == NULL && tailq_count == RTE_MAX_TAILQ) {
			EAL_LOG(ERR, "cannot register tailq %s: all %d (RTE_MAX_TAILQ) are in use\n",
				t->name, RTE_MAX_TAILQ);
			return -1;
		}
		if (t->head == NULL)
			t->head = tailq_create(t->name);
	}
	return 0;
}

int
eal_tailqs_init(void)
{
	struct tailq_state *shared;
	int ret;

	if (eal_is_secondary()) {
		shared = eal_shared_get(EAL_SHARED_TAILQ);
	} else {
		shared = eal_shared_alloc(sizeof(*shared));
		eal_shared_set(EAL_SHARED_TAILQ, shared);
	}
	if (shared == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	rte_mcfg_tailq_write_lock();
	tqs = shared;
	ret = tailq_rebind();
	rte_mcfg_tailq_write_unlock();
	return ret;
}

void
eal_tailqs_cleanup(void)
{
	rte_mcfg_tailq_write_lock();
	if (tqs != &tailq_local) {
		memset(&tailq_local, 0, sizeof(tailq_local));
		tqs = &tailq_local;
		tailq_rebind();
	}
	rte_mcfg_tailq_write_unlock();
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
