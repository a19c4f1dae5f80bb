/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Receive and transmit callbacks. Each queue has a singly linked list whose head lives in
 * eth_rx_cb_heads / eth_tx_cb_heads (ethdev_fp.c), which the inline bursts read. Writers
 * serialise on one lock and publish a new element with a release store once it is complete;
 * the bursts walk the list without locks. Removing unlinks an element and hands it back to
 * the application (as in DPDK, it may rte_free it once no burst can still be running it).
 * When the port is released, the elements still linked are unlinked and, after a grace period
 * over the registered data-path lcores, freed.
 */
#include <errno.h>
#include <pthread.h>

#include <rte_errno.h>
#include <rte_malloc.h>

#include "ethdev_private.h"

static pthread_mutex_t eth_cb_list_lock = PTHREAD_MUTEX_INITIALIZER;
/*
 * Per port, one more than the highest queue id given a callback since the port's lists were
 * last freed (under eth_cb_list_lock): releasing a port visits those queues only, not the
 * RTE_MAX_QUEUES_PER_PORT heads of each direction, which would make every detach touch
 * 16 KiB of mostly never used memory.
 */
static uint16_t eth_cb_span[RTE_MAX_ETHPORTS];

uint16_t
rte_eth_call_rx_callbacks(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts,
		uint16_t nb_rx, uint16_t nb_pkts, void *opaque)
{
	const struct rte_eth_rxtx_callback *cb = opaque;

	while (cb != NULL) {
		nb_rx = cb->fn.rx(port_id, queue_id, rx_pkts, nb_rx, nb_pkts, cb->param);
		cb = __atomic_load_n(&cb->next, __ATOMIC_ACQUIRE);
	}
	return nb_rx;
}

uint16_t
rte_eth_call_tx_callbacks(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
		uint16_t nb_pkts, void *opaque)
{
	const struct rte_eth_rxtx_callback *cb = opaque;

	while (cb != NULL) {
		nb_pkts = cb->fn.tx(port_id, queue_id, tx_pkts, nb_pkts, cb->param);
		cb = __atomic_load_n(&cb->next, __ATOMIC_ACQUIRE);
	}
	return nb_pkts;
}

/* Head slot of a queue's list; port and queue already checked. */
static struct rte_eth_rxtx_callback **
cb_head(int rx, uint16_t port_id, uint16_t queue_id)
{
	void **slot = rx ? &eth_rx_cb_heads[port_id][queue_id] :
			&eth_tx_cb_heads[port_id][queue_id];

	return (struct rte_eth_rxtx_callback **)slot;
}

static const struct rte_eth_rxtx_callback *
cb_add(int rx, int first, uint16_t port_id, uint16_t queue_id, void *fn, void *user_param)
{
	struct rte_eth_rxtx_callback *cb, **tail;
	struct rte_eth_dev *dev;
	uint16_t nb_q;

	if (!rte_eth_dev_is_valid_port(port_id) || fn == NULL) {
		ETHDEV_LOG(ERR, "add %s callback: invalid %s (port %u)", rx ? "rx" : "tx",
				fn == NULL ? "function" : "port", port_id);
		rte_errno = EINVAL;
		return NULL;
	}
	dev = &rte_eth_devices[port_id];
	nb_q = rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (queue_id >= nb_q || (rx ? dev->data->rx_queue_state[queue_id] :
			dev->data->tx_queue_state[queue_id]) == RTE_ETH_QUEUE_STATE_HAIRPIN) {
		ETHDEV_LOG(ERR, "add %s callback: port %u has no queue %u", rx ? "rx" : "tx",
				port_id, queue_id);
		rte_errno = EINVAL;
		return NULL;
	}
	cb = rte_zmalloc(NULL, sizeof(*cb), 0);
	if (cb == NULL) {
		ETHDEV_LOG(ERR, "add %s callback: out of memory", rx ? "rx" : "tx");
		rte_errno = ENOMEM;
		return NULL;
	}
	if (rx)
		cb->fn.rx = (rte_rx_callback_fn)fn;
	else
		cb->fn.tx = (rte_tx_callback_fn)fn;
	cb->param = user_param;

	pthread_mutex_lock(&eth_cb_list_lock);
	if (queue_id >= eth_cb_span[port_id])
		eth_cb_span[port_id] = queue_id + 1;
	tail = cb_head(rx, port_id, queue_id);
	if (first) {
		cb->next = *tail;
	} else {
		while (*tail != NULL)
			tail = &(*tail)->next;
	}
	/* Complete before visible: a burst may follow the pointer right away. */
	__atomic_store_n(tail, cb, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&eth_cb_list_lock);
	return cb;
}

const struct rte_eth_rxtx_callback *
rte_eth_add_rx_callback(uint16_t port_id, uint16_t queue_id, rte_rx_callback_fn fn,
		void *user_param)
{
	return cb_add(1, 0, port_id, queue_id, (void *)fn, user_param);
}

const struct rte_eth_rxtx_callback *
rte_eth_add_first_rx_callback(uint16_t port_id, uint16_t queue_id, rte_rx_callback_fn fn,
		void *user_param)
{
	return cb_add(1, 1, port_id, queue_id, (void *)fn, user_param);
}

const struct rte_eth_rxtx_callback *
rte_eth_add_tx_callback(uint16_t port_id, uint16_t queue_id, rte_tx_callback_fn fn,
		void *user_param)
{
	return cb_add(0, 0, port_id, queue_id, (void *)fn, user_param);
}

static int
cb_remove(int rx, uint16_t port_id, uint16_t queue_id,
		const struct rte_eth_rxtx_callback *user_cb)
{
	struct rte_eth_rxtx_callback **prev;
	struct rte_eth_dev *dev;
	uint16_t nb_q;
	int ret = -EINVAL;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	dev = &rte_eth_devices[port_id];
	nb_q = rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (user_cb == NULL || queue_id >= nb_q) {
		ETHDEV_LOG(ERR, "remove %s callback: %s (port %u queue %u)", rx ? "rx" : "tx",
				user_cb == NULL ? "NULL callback" : "no such queue", port_id,
				queue_id);
		return -EINVAL;
	}
	pthread_mutex_lock(&eth_cb_list_lock);
	for (prev = cb_head(rx, port_id, queue_id); *prev != NULL; prev = &(*prev)->next) {
		if (*prev == user_cb) {
			/* The element keeps its next pointer: a burst inside it carries on. */
			__atomic_store_n(prev, user_cb->next, __ATOMIC_RELEASE);
			ret = 0;
			break;
		}
	}
	pthread_mutex_unlock(&eth_cb_list_lock);
	if (ret != 0)
		ETHDEV_LOG(ERR, "remove %s callback: not registered on port %u queue %u",
				rx ? "rx" : "tx", port_id, queue_id);
	return ret;
}

int
rte_eth_remove_rx_callback(uint16_t port_id, uint16_t queue_id,
		const struct rte_eth_rxtx_callback *user_cb)
{
	return cb_remove(1, port_id, queue_id, user_cb);
}

int
rte_eth_remove_tx_callback(uint16_t port_id, uint16_t queue_id,
		const struct rte_eth_rxtx_callback *user_cb)
{
	return cb_remove(0, port_id, queue_id, user_cb);
}

/* Detach every list of the port, wait until no burst can be inside one, free them. */
void
eth_dev_rxtx_callbacks_free(uint16_t port_id)
{
	struct rte_eth_rxtx_callback *lists[2 * RTE_MAX_QUEUES_PER_PORT];
	struct rte_eth_rxtx_callback *cb, *next;
	unsigned int n = 0, i, q;

	pthread_mutex_lock(&eth_cb_list_lock);
	for (q = 0; q < eth_cb_span[port_id]; q++) {
		lists[n] = *cb_head(1, port_id, q);
		if (lists[n] != NULL) {
			__atomic_store_n(cb_head(1, port_id, q), NULL, __ATOMIC_RELEASE);
			n++;
		}
		lists[n] = *cb_head(0, port_id, q);
		if (lists[n] != NULL) {
			__atomic_store_n(cb_head(0, port_id, q), NULL, __ATOMIC_RELEASE);
			n++;
		}
	}
	eth_cb_span[port_id] = 0;
	pthread_mutex_unlock(&eth_cb_list_lock);
	if (n == 0)
		return;
	eth_dev_fp_synchronize();
	for (i = 0; i < n; i++) {
		for (cb = lists[i]; cb != NULL; cb = next) {
			next = cb->next;
			rte_free(cb);
		}
	}
}
