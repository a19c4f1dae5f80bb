/* SPDX-License-Identifier: BSD-3-Clause */
/* The device class registry (eth, ...). Classes are static objects registered by constructors. */
#include <pthread.h>
#include <string.h>

#include <rte_class.h>
#include <rte_log.h>

#include "eal_private.h"

static TAILQ_HEAD(, rte_class) class_list = TAILQ_HEAD_INITIALIZER(class_list);
static pthread_mutex_t class_lock = PTHREAD_MUTEX_INITIALIZER;

void
rte_class_register(struct rte_class *cls)
{
	struct rte_class *c;

	if (cls == NULL || cls->name == NULL || cls->name[0] == '\0') {
		EAL_LOG(ERR, "class without a name not registered\n");
		return;
	}
	pthread_mutex_lock(&class_lock);
	TAILQ_FOREACH(c, &class_list, next)
		if (c == cls || strcmp(c->name, cls->name) == 0)
			break;
	if (c == NULL)
		TAILQ_INSERT_TAIL(&class_list, cls, next);
	pthread_mutex_unlock(&class_lock);
	if (c != NULL)
		EAL_LOG(ERR, "class %s registered twice, second one ignored\n", cls->name);
}

void
rte_class_unregister(struct rte_class *cls)
{
	struct rte_class *c;

	if (cls == NULL)
		return;
	pthread_mutex_lock(&class_lock);
	TAILQ_FOREACH(c, &class_list, next)
		if (c == cls)
			break;
	if (c != NULL)
		TAILQ_REMOVE(&class_list, cls, next);
	pthread_mutex_unlock(&class_lock);
}

struct rte_class *
rte_class_find(const struct rte_class *start,
		int (*cmp)(const struct rte_class *cls, const void *data), const void *data)
{
	struct rte_class *cls;

	if (cmp == NULL)
		return NULL;
	pthread_mutex_lock(&class_lock);
	if (start == NULL) {
		cls = TAILQ_FIRST(&class_list);
	} else {
		TAILQ_FOREACH(cls, &class_list, next)
			if (cls == start)
				break;
		if (cls != NULL)
			cls = TAILQ_NEXT(cls, next);
	}
	for (; cls != NULL; cls = TAILQ_NEXT(cls, next))
		if (cmp(cls, data) == 0)
			break;
	pthread_mutex_unlock(&class_lock);
	return cls;
}

static int
cmp_class_name(const struct rte_class *cls, const void *name)
{
	return strcmp(cls->name, name);
}

struct rte_class *
rte_class_find_by_name(const char *name)
{
	if (name == NULL)
		return NULL;
	return rte_class_find(NULL, cmp_class_name, name);
}
