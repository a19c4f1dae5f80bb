/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Port event callbacks. One list for every port; an entry registered for RTE_ETH_ALL also
 * sees ports created after it was registered. A callback runs without the list lock held (it
 * may call any ethdev function); while it runs its entry is marked active and cannot be
 * unregistered (-EAGAIN), which also keeps the list walk valid across the unlocked call.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/queue.h>

#include "ethdev_private.h"

struct eth_cb {
	TAILQ_ENTRY(eth_cb) next;
	uint16_t port_id;              /* or RTE_ETH_ALL */
	enum rte_eth_event_type event;
	rte_eth_dev_cb_fn fn;
	void *arg;
	unsigned int active;           /* number of threads running it now */
};

static TAILQ_HEAD(, eth_cb) eth_cbs = TAILQ_HEAD_INITIALIZER(eth_cbs);
static pthread_mutex_t eth_cb_lock = PTHREAD_MUTEX_INITIALIZER;
/*
 * Entries per event, so that an event nobody listens to (a port created or destroyed in most
 * applications) costs no lock. Changed under the lock; a callback registered while the event
 * is being processed may or may not see it, as with the lock.
 */
static unsigned int eth_cb_count[RTE_ETH_EVENT_MAX];

static int
check_args(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn fn)
{
	if (fn == NULL || (unsigned int)event >= RTE_ETH_EVENT_MAX ||
	    (port_id != RTE_ETH_ALL && port_id >= RTE_MAX_ETHPORTS)) {
		ETHDEV_LOG(ERR, "callback: invalid %s (port %u, event %d)",
				fn == NULL ? "function" : "port or event", port_id, (int)event);
		return -EINVAL;
	}
	return 0;
}

int
rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event,
		rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	struct eth_cb *cb;
	int ret = check_args(port_id, event, cb_fn);

	if (ret != 0)
		return ret;
	pthread_mutex_lock(&eth_cb_lock);
	TAILQ_FOREACH(cb, &eth_cbs, next)
		if (cb->port_id == port_id && cb->event == event && cb->fn == cb_fn &&
		    cb->arg == cb_arg)
			break;
	if (cb == NULL) {
		cb = calloc(1, sizeof(*cb));
		if (cb == NULL) {
			ret = -ENOMEM;
		} else {
			cb->port_id = port_id;
			cb->event = event;
			cb->fn = cb_fn;
			cb->arg = cb_arg;
			TAILQ_INSERT_TAIL(&eth_cbs, cb, next);
			__atomic_store_n(&eth_cb_count[event], eth_cb_count[event] + 1,
					__ATOMIC_RELEASE);
		}
	}
	pthread_mutex_unlock(&eth_cb_lock);
	if (ret != 0)
		ETHDEV_LOG(ERR, "callback register: out of memory");
	return ret;
}

int
rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event,
		rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	struct eth_cb *cb, *next;
	int ret = check_args(port_id, event, cb_fn);

	if (ret != 0)
		return ret;
	pthread_mutex_lock(&eth_cb_lock);
	for (cb = TAILQ_FIRST(&eth_cbs); cb != NULL; cb = next) {
		next = TAILQ_NEXT(cb, next);
		if (cb->port_id != port_id || cb->event != event || cb->fn != cb_fn ||
		    (cb_arg != (void *)-1 && cb->arg != cb_arg))
			continue;
		if (cb->active) {
			ret = -EAGAIN;
			continue;
		}
		TAILQ_REMOVE(&eth_cbs, cb, next);
		__atomic_store_n(&eth_cb_count[event], eth_cb_count[event] - 1, __ATOMIC_RELAXED);
		free(cb);
	}
	pthread_mutex_unlock(&eth_cb_lock);
	return ret;
}

int
eth_dev_callback_process(uint16_t port_id, enum rte_eth_event_type event, void *ret_param)
{
	struct eth_cb *cb;
	int ret = 0;

	if ((unsigned int)event < RTE_ETH_EVENT_MAX &&
			__atomic_load_n(&eth_cb_count[event], __ATOMIC_ACQUIRE) == 0)
		return 0;
	pthread_mutex_lock(&eth_cb_lock);
	TAILQ_FOREACH(cb, &eth_cbs, next) {
		if (cb->event != event || (cb->port_id != RTE_ETH_ALL && cb->port_id != port_id))
			continue;
		cb->active++;
		pthread_mutex_unlock(&eth_cb_lock);
		ret = cb->fn(port_id, event, cb->arg, ret_param);
		pthread_mutex_lock(&eth_cb_lock);
		cb->active--;
	}
	pthread_mutex_unlock(&eth_cb_lock);
	return ret;
}

int
rte_eth_dev_callback_process(struct rte_eth_dev *dev, enum rte_eth_event_type event,
		void *ret_param)
{
	if (dev == NULL || dev->data == NULL)
		return -EINVAL;
	return eth_dev_callback_process(dev->data->port_id, event, ret_param);
}
