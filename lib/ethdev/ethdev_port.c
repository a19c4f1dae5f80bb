/* SPDX-License-Identifier: BSD-3-Clause */
/* The port table: allocation and release of port ids, lookups and iteration. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include "ethdev_private.h"

RTE_LOG_REGISTER_DEFAULT(rte_eth_dev_logtype, INFO);

struct rte_eth_dev rte_eth_devices[RTE_MAX_ETHPORTS];

/* Control data lives outside struct rte_eth_dev so that the port array stays small. */
static struct rte_eth_dev_data eth_dev_data[RTE_MAX_ETHPORTS];
/* Ports that sent RTE_ETH_EVENT_NEW and so owe their callbacks an RTE_ETH_EVENT_DESTROY. */
static uint8_t eth_dev_announced[RTE_MAX_ETHPORTS];
/*
 * Ports in use, one bit each, changed only under the ethdev lock: name lookups and allocation
 * visit used ports only instead of reading the state of every entry of the table.
 */
#define PORT_WORDS ((RTE_MAX_ETHPORTS + 63) / 64)
static uint64_t eth_port_used[PORT_WORDS];

static inline int
port_in_use(uint16_t port_id)
{
	return __atomic_load_n(&rte_eth_devices[port_id].state, __ATOMIC_ACQUIRE) !=
			RTE_ETH_DEV_UNUSED;
}

int
rte_eth_dev_is_valid_port(uint16_t port_id)
{
	return port_id < RTE_MAX_ETHPORTS && port_in_use(port_id);
}

uint16_t
rte_eth_find_next(uint16_t port_id)
{
	while (port_id < RTE_MAX_ETHPORTS && !port_in_use(port_id))
		port_id++;
	return port_id < RTE_MAX_ETHPORTS ? port_id : RTE_MAX_ETHPORTS;
}

uint16_t
rte_eth_find_next_of(uint16_t port_id, const struct rte_device *parent)
{
	for (; port_id < RTE_MAX_ETHPORTS; port_id++)
		if (port_in_use(port_id) &&
		    (parent == NULL || rte_eth_devices[port_id].device == parent))
			return port_id;
	return RTE_MAX_ETHPORTS;
}

uint16_t
rte_eth_dev_count_avail(void)
{
	uint16_t p, n = 0;

	RTE_ETH_FOREACH_DEV(p)
		n++;
	return n;
}

uint16_t
rte_eth_dev_count_total(void)
{
	uint16_t p, n = 0;

	for (p = 0; p < RTE_MAX_ETHPORTS; p++)
		n += port_in_use(p);
	return n;
}

/* Caller holds the ethdev lock. */
static struct rte_eth_dev *
find_by_name(const char *name)
{
	unsigned int w;
	uint64_t bits;
	uint16_t p;

	for (w = 0; w < PORT_WORDS; w++) {
		for (bits = eth_port_used[w]; bits != 0; bits &= bits - 1) {
			p = (uint16_t)(w * 64 + (unsigned int)__builtin_ctzll(bits));
			if (strcmp(eth_dev_data[p].name, name) == 0)
				return &rte_eth_devices[p];
		}
	}
	return NULL;
}

/* Lowest free port id, or RTE_MAX_ETHPORTS; caller holds the ethdev lock. */
static uint16_t
first_free_port(void)
{
	unsigned int w, p;

	for (w = 0; w < PORT_WORDS; w++) {
		if (eth_port_used[w] == UINT64_MAX)
			continue;
		p = w * 64 + (unsigned int)__builtin_ctzll(~eth_port_used[w]);
		return p < RTE_MAX_ETHPORTS ? (uint16_t)p : RTE_MAX_ETHPORTS;
	}
	return RTE_MAX_ETHPORTS;
}

int
rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
{
	struct rte_eth_dev *dev;

	if (name == NULL || port_id == NULL) {
		ETHDEV_LOG(ERR, "get port by name: NULL %s", name == NULL ? "name" : "port_id");
		return -EINVAL;
	}
	eth_dev_lock();
	dev = find_by_name(name);
	if (dev != NULL)
		*port_id = dev->data->port_id;
	eth_dev_unlock();
	return dev != NULL ? 0 : -ENODEV;
}

int
rte_eth_dev_get_name_by_port(uint16_t port_id, char *name)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (name == NULL) {
		ETHDEV_LOG(ERR, "get name of port %u: NULL buffer", port_id);
		return -EINVAL;
	}
	eth_dev_lock();
	rte_strscpy(name, rte_eth_devices[port_id].data->name, RTE_ETH_NAME_MAX_LEN);
	eth_dev_unlock();
	return 0;
}

int
rte_eth_dev_socket_id(uint16_t port_id)
{
	if (!rte_eth_dev_is_valid_port(port_id)) {
		rte_errno = EINVAL;
		return -1;
	}
	rte_errno = 0;
	return rte_eth_devices[port_id].data->numa_node;
}

struct rte_eth_dev *
rte_eth_dev_allocated(const char *name)
{
	struct rte_eth_dev *dev;

	if (name == NULL)
		return NULL;
	eth_dev_lock();
	dev = find_by_name(name);
	eth_dev_unlock();
	return dev;
}

struct rte_eth_dev *
rte_eth_dev_allocate(const char *name)
{
	struct rte_eth_dev *dev;
	size_t len;
	uint16_t p;

	len = name == NULL ? 0 : strnlen(name, RTE_ETH_NAME_MAX_LEN);
	if (len == 0 || len >= RTE_ETH_NAME_MAX_LEN) {
		ETHDEV_LOG(ERR, "allocate: port name %s", len == 0 ? "empty" : "too long");
		rte_errno = EINVAL;
		return NULL;
	}
	eth_dev_lock();
	if (find_by_name(name) != NULL) {
		eth_dev_unlock();
		ETHDEV_LOG(ERR, "allocate: port name %s already in use", name);
		rte_errno = EEXIST;
		return NULL;
	}
	p = first_free_port();
	if (p == RTE_MAX_ETHPORTS) {
		eth_dev_unlock();
		ETHDEV_LOG(ERR, "allocate %s: all %d port ids are in use", name,
				RTE_MAX_ETHPORTS);
		rte_errno = ENOSPC;
		return NULL;
	}
	dev = &rte_eth_devices[p];
	memset(dev, 0, sizeof(*dev));
	/* The per-queue state arrays are cleared by configure, before any queue exists. */
	memset(&eth_dev_data[p], 0, offsetof(struct rte_eth_dev_data, rx_queue_state));
	eth_dev_data[p].dev_flags = 0;
	eth_dev_data[p].backer_port_id = RTE_MAX_ETHPORTS;
	memset(&eth_dev_data[p].mac_pool_sel, 0, sizeof(struct rte_eth_dev_data) -
			offsetof(struct rte_eth_dev_data, mac_pool_sel));
	dev->data = &eth_dev_data[p];
	rte_strscpy(dev->data->name, name, RTE_ETH_NAME_MAX_LEN);
	dev->data->port_id = p;
	dev->data->mtu = RTE_ETHER_MTU;
	dev->data->numa_node = SOCKET_ID_ANY;
	eth_dev_announced[p] = 0;
	eth_dev_fp_ops_reset(p);
	eth_port_used[p / 64] |= UINT64_C(1) << (p % 64);
	__atomic_store_n(&dev->state, RTE_ETH_DEV_ATTACHED, __ATOMIC_RELEASE);
	eth_dev_unlock();
	return dev;
}

void
eth_dev_release_queues(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *d = dev->data;
	const struct eth_dev_ops *ops = dev->dev_ops;
	uint16_t q;

	/* Nobody may still be inside the driver's burst or hold the arrays past this point. */
	eth_dev_fp_ops_unpublish(d->port_id);
	for (q = 0; d->rx_queues != NULL && q < d->nb_rx_queues; q++) {
		if (d->rx_queues[q] != NULL && ops != NULL && ops->rx_queue_release != NULL)
			ops->rx_queue_release(dev, q);
		d->rx_queues[q] = NULL;
	}
	for (q = 0; d->tx_queues != NULL && q < d->nb_tx_queues; q++) {
		if (d->tx_queues[q] != NULL && ops != NULL && ops->tx_queue_release != NULL)
			ops->tx_queue_release(dev, q);
		d->tx_queues[q] = NULL;
	}
	rte_free(d->rx_queues);
	rte_free(d->tx_queues);
	d->rx_queues = NULL;
	d->tx_queues = NULL;
	d->nb_rx_queues = 0;
	d->nb_tx_queues = 0;
}

int
rte_eth_dev_release_port(struct rte_eth_dev *eth_dev)
{
	uint16_t port_id;
	int announced;

	if (eth_dev == NULL || eth_dev < rte_eth_devices ||
	    eth_dev >= rte_eth_devices + RTE_MAX_ETHPORTS ||
	    eth_dev->state == RTE_ETH_DEV_UNUSED) {
		ETHDEV_LOG(ERR, "release: not an allocated port");
		return -EINVAL;
	}
	port_id = eth_dev->data->port_id;
	eth_dev_lock();
	/* Whoever still polls the port gets nothing from here on. */
	eth_dev_fp_ops_quiesce(port_id);
	/* Announced ports tell their callbacks first, while the port can still be queried. */
	announced = eth_dev_announced[port_id];
	eth_dev_announced[port_id] = 0;
	if (announced)
		eth_dev_callback_process(port_id, RTE_ETH_EVENT_DESTROY, NULL);
	eth_dev_release_queues(eth_dev);
	eth_dev_rxtx_callbacks_free(port_id);
	rte_free(eth_dev->data->mac_addrs);
	rte_free(eth_dev->data->hash_mac_addrs);
	eth_dev->data->hash_mac_addrs = NULL;
	rte_free(eth_dev->data->dev_private);
	__atomic_store_n(&eth_dev->state, RTE_ETH_DEV_UNUSED, __ATOMIC_RELEASE);
	eth_port_used[port_id / 64] &= ~(UINT64_C(1) << (port_id % 64));
	eth_dev_fp_ops_reset(port_id);
	eth_dev->data->mac_addrs = NULL;
	eth_dev->data->dev_private = NULL;
	eth_dev->device = NULL;
	eth_dev->dev_ops = NULL;
	eth_dev->process_private = NULL;
	eth_dev->intr_handle = NULL;
	eth_dev->rx_pkt_burst = NULL;
	eth_dev->tx_pkt_burst = NULL;
	eth_dev->tx_pkt_prepare = NULL;
	eth_dev->dev_type = RTE_ETH_DEV_UNKNOWN;
	eth_dev_unlock();
	return 0;
}

void
rte_eth_dev_probing_finish(struct rte_eth_dev *dev)
{
	if (dev == NULL || dev->data == NULL)
		return;
	if (dev->dev_type == RTE_ETH_DEV_UNKNOWN) {
		const char *bus = NULL;

		if (dev->device != NULL && rte_dev_bus(dev->device) != NULL)
			bus = rte_bus_name(rte_dev_bus(dev->device));
		dev->dev_type = bus != NULL && strcmp(bus, "pci") == 0 ?
				RTE_ETH_DEV_PCI : RTE_ETH_DEV_VIRTUAL;
	}
	if (dev->device != NULL && dev->data->numa_node == SOCKET_ID_ANY)
		dev->data->numa_node = rte_dev_numa_node(dev->device);
	eth_dev_announced[dev->data->port_id] = 1;
	eth_dev_callback_process(dev->data->port_id, RTE_ETH_EVENT_NEW, NULL);
}
