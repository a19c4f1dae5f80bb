/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device event callbacks. rte_dev_event_callback_process copies the matching callbacks under
 * the lock, marks them active, drops the lock and only then calls them, so a callback may
 * register, unregister (its own unregister answers -EAGAIN: it is running) or hotplug freely.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <rte_log.h>

#include "eal_private.h"

struct dev_event_cb {
	TAILQ_ENTRY(dev_event_cb) next;
	char *dev_name;            /* NULL: every device */
	rte_dev_event_cb_fn cb_fn;
	void *cb_arg;
	unsigned int active;       /* calls in progress */
};

static TAILQ_HEAD(, dev_event_cb) cb_list = TAILQ_HEAD_INITIALIZER(cb_list);
static pthread_mutex_t cb_lock = PTHREAD_MUTEX_INITIALIZER;

static int
same_name(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
rte_dev_event_callback_register(const char *device_name, rte_dev_event_cb_fn cb_fn,
		void *cb_arg)
{
	struct dev_event_cb *cb;

	if (cb_fn == NULL) {
		EAL_LOG(ERR, "device event callback: NULL function\n");
		return -EINVAL;
	}
	pthread_mutex_lock(&cb_lock);
	TAILQ_FOREACH(cb, &cb_list, next) {
		if (cb->cb_fn == cb_fn && cb->cb_arg == cb_arg &&
				same_name(cb->dev_name, device_name)) {
			pthread_mutex_unlock(&cb_lock);
			EAL_LOG(ERR, "device event callback for %s already registered\n",
				device_name != NULL ? device_name : "all devices");
			return -EEXIST;
		}
	}
	cb = calloc(1, sizeof(*cb));
	if (cb != NULL && device_name != NULL) {
		cb->dev_name = strdup(device_name);
		if (cb->dev_name == NULL) {
			free(cb);
			cb = NULL;
		}
	}
	if (cb == NULL) {
		pthread_mutex_unlock(&cb_lock);
		return -ENOMEM;
	}
	cb->cb_fn = cb_fn;
	cb->cb_arg = cb_arg;
	TAILQ_INSERT_TAIL(&cb_list, cb, next);
	pthread_mutex_unlock(&cb_lock);
	return 0;
}

static int
cb_matches(const struct dev_event_cb *cb, const char *device_name, rte_dev_event_cb_fn cb_fn,
		void *cb_arg)
{
	return cb->cb_fn == cb_fn && same_name(cb->dev_name, device_name) &&
		(cb_arg == (void *)-1 || cb->cb_arg == cb_arg);
}

int
rte_dev_event_callback_unregister(const char *device_name, rte_dev_event_cb_fn cb_fn,
		void *cb_arg)
{
	struct dev_event_cb *cb, *tmp;
	int n = 0;

	if (cb_fn == NULL)
		return -EINVAL;
	pthread_mutex_lock(&cb_lock);
	/* All or nothing: if one match is running, none is removed. */
	TAILQ_FOREACH(cb, &cb_list, next) {
		if (cb_matches(cb, device_name, cb_fn, cb_arg) && cb->active > 0) {
			pthread_mutex_unlock(&cb_lock);
			return -EAGAIN;
		}
	}
	for (cb = TAILQ_FIRST(&cb_list); cb != NULL; cb = tmp) {
		tmp = TAILQ_NEXT(cb, next);
		if (!cb_matches(cb, device_name, cb_fn, cb_arg))
			continue;
		TAILQ_REMOVE(&cb_list, cb, next);
		free(cb->dev_name);
		free(cb);
		n++;
	}
	pthread_mutex_unlock(&cb_lock);
	return n > 0 ? n : -ENOENT;
}

void
rte_dev_event_callback_process(const char *device_name, enum rte_dev_event_type event)
{
	struct dev_event_cb *cb, **run;
	unsigned int n = 0, i;

	pthread_mutex_lock(&cb_lock);
	TAILQ_FOREACH(cb, &cb_list, next)
		n++;
	run = n > 0 ? malloc(n * sizeof(*run)) : NULL;
	if (run == NULL) {
		pthread_mutex_unlock(&cb_lock);
		if (n > 0)
			EAL_LOG(ERR, "no memory to deliver an event for %s\n",
				device_name != NULL ? device_name : "?");
		return;
	}
	n = 0;
	TAILQ_FOREACH(cb, &cb_list, next) {
		if (cb->dev_name != NULL &&
				(device_name == NULL || strcmp(cb->dev_name, device_name) != 0))
			continue;
		cb->active++;
		run[n++] = cb;
	}
	pthread_mutex_unlock(&cb_lock);

	for (i = 0; i < n; i++)
		run[i]->cb_fn(device_name, event, run[i]->cb_arg);

	pthread_mutex_lock(&cb_lock);
	for (i = 0; i < n; i++)
		run[i]->active--;
	pthread_mutex_unlock(&cb_lock);
	free(run);
}

/* rte_eal_cleanup: the monitor stops and registrations are forgotten. */
void
eal_dev_event_cleanup(void)
{
	struct dev_event_cb *cb;

	eal_dev_monitor_cleanup();
	pthread_mutex_lock(&cb_lock);
	while ((cb = TAILQ_FIRST(&cb_list)) != NULL) {
		TAILQ_REMOVE(&cb_list, cb, next);
		free(cb->dev_name);
		free(cb);
	}
	pthread_mutex_unlock(&cb_lock);
}
