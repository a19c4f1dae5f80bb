/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Port ownership and the port iterator.
 *
 * An owner is a 64-bit id from rte_eth_dev_owner_new; a port given to an owner disappears from
 * RTE_ETH_FOREACH_DEV and rte_eth_dev_count_avail, so that a component (bonding, failsafe, an
 * application module) can keep ports to itself. Owner ids are never reused. The owner of a
 * port lives in its rte_eth_dev_data and is cleared when the port id is allocated again.
 *
 * The iterator walks ports matching a devargs-like filter. Its state is kept in the generic
 * struct rte_dev_iterator: bus_str holds "name=<device>" (or "addr=<pci>") when the filter
 * names a device, cls_str the port-level filter ("mac=..."; a leading '+' means keys other
 * than mac and representor are ignored), class_device the last port returned.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_devargs.h>
#include <rte_kvargs.h>
#include <rte_string_fns.h>

#include "ethdev_private.h"

static pthread_mutex_t eth_owner_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t eth_next_owner_id = RTE_ETH_DEV_NO_OWNER + 1;

/* An id that rte_eth_dev_owner_new has handed out; caller holds the owner lock. */
static int
owner_id_valid(uint64_t id)
{
	return id != RTE_ETH_DEV_NO_OWNER && id < eth_next_owner_id;
}

uint64_t
rte_eth_find_next_owned_by(uint16_t port_id, const uint64_t owner_id)
{
	for (; port_id < RTE_MAX_ETHPORTS; port_id++) {
		const struct rte_eth_dev *dev = &rte_eth_devices[port_id];

		if (__atomic_load_n(&dev->state, __ATOMIC_ACQUIRE) != RTE_ETH_DEV_UNUSED &&
		    __atomic_load_n(&dev->data->owner.id, __ATOMIC_RELAXED) == owner_id)
			return port_id;
	}
	return RTE_MAX_ETHPORTS;
}

uint16_t
rte_eth_find_next_sibling(uint16_t port_id_start, uint16_t ref_port_id)
{
	ETH_VALID_PORTID_OR_ERR_RET(ref_port_id, RTE_MAX_ETHPORTS);
	return rte_eth_find_next_of(port_id_start, rte_eth_devices[ref_port_id].device);
}

int
rte_eth_dev_owner_new(uint64_t *owner_id)
{
	if (owner_id == NULL) {
		ETHDEV_LOG(ERR, "owner new: NULL owner_id");
		return -EINVAL;
	}
	pthread_mutex_lock(&eth_owner_lock);
	*owner_id = eth_next_owner_id++;
	pthread_mutex_unlock(&eth_owner_lock);
	return 0;
}

/* Replace owner old_id of the port by new_owner; the owner lock is held. */
static int
owner_change(uint16_t port_id, uint64_t old_id, const struct rte_eth_dev_owner *new_owner)
{
	struct rte_eth_dev_owner *cur;

	if (!rte_eth_dev_is_valid_port(port_id)) {
		ETHDEV_LOG(ERR, "owner: port %u is not allocated", port_id);
		return -ENODEV;
	}
	if (!owner_id_valid(new_owner->id) && !owner_id_valid(old_id)) {
		ETHDEV_LOG(ERR, "owner of port %u: invalid owner ids 0x%016" PRIx64 " -> 0x%016"
				PRIx64, port_id, old_id, new_owner->id);
		return -EINVAL;
	}
	if (strnlen(new_owner->name, RTE_ETH_MAX_OWNER_NAME_LEN) == RTE_ETH_MAX_OWNER_NAME_LEN) {
		ETHDEV_LOG(ERR, "owner of port %u: name not terminated", port_id);
		return -EINVAL;
	}
	cur = &rte_eth_devices[port_id].data->owner;
	if (cur->id != old_id) {
		ETHDEV_LOG(ERR, "owner of port %u: owned by %s (0x%016" PRIx64 ")", port_id,
				cur->name, cur->id);
		return -EPERM;
	}
	rte_strscpy(cur->name, new_owner->name, RTE_ETH_MAX_OWNER_NAME_LEN);
	__atomic_store_n(&cur->id, new_owner->id, __ATOMIC_RELEASE);
	return 0;
}

int
rte_eth_dev_owner_set(const uint16_t port_id, const struct rte_eth_dev_owner *owner)
{
	int ret;

	if (owner == NULL) {
		ETHDEV_LOG(ERR, "owner set of port %u: NULL owner", port_id);
		return -EINVAL;
	}
	pthread_mutex_lock(&eth_owner_lock);
	ret = owner_change(port_id, RTE_ETH_DEV_NO_OWNER, owner);
	pthread_mutex_unlock(&eth_owner_lock);
	return ret;
}

int
rte_eth_dev_owner_unset(const uint16_t port_id, const uint64_t owner_id)
{
	const struct rte_eth_dev_owner none = { .id = RTE_ETH_DEV_NO_OWNER, .name = "" };
	int ret;

	pthread_mutex_lock(&eth_owner_lock);
	ret = owner_change(port_id, owner_id, &none);
	pthread_mutex_unlock(&eth_owner_lock);
	return ret;
}

int
rte_eth_dev_owner_delete(const uint64_t owner_id)
{
	uint16_t p;
	int ret = 0;

	pthread_mutex_lock(&eth_owner_lock);
	if (!owner_id_valid(owner_id)) {
		ret = -EINVAL;
	} else {
		for (p = 0; p < RTE_MAX_ETHPORTS; p++) {
			struct rte_eth_dev_data *d = rte_eth_devices[p].data;

			if (d != NULL && d->owner.id == owner_id) {
				__atomic_store_n(&d->owner.id, RTE_ETH_DEV_NO_OWNER,
						__ATOMIC_RELEASE);
				memset(d->owner.name, 0, sizeof(d->owner.name));
			}
		}
	}
	pthread_mutex_unlock(&eth_owner_lock);
	if (ret != 0)
		ETHDEV_LOG(ERR, "owner delete: invalid owner id 0x%016" PRIx64, owner_id);
	return ret;
}

int
rte_eth_dev_owner_get(const uint16_t port_id, struct rte_eth_dev_owner *owner)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (owner == NULL) {
		ETHDEV_LOG(ERR, "owner get of port %u: NULL owner", port_id);
		return -EINVAL;
	}
	pthread_mutex_lock(&eth_owner_lock);
	*owner = rte_eth_devices[port_id].data->owner;
	pthread_mutex_unlock(&eth_owner_lock);
	return 0;
}

void
eth_dev_owner_reset(uint16_t port_id)
{
	struct rte_eth_dev_data *d = rte_eth_devices[port_id].data;

	pthread_mutex_lock(&eth_owner_lock);
	memset(&d->owner, 0, sizeof(d->owner));
	pthread_mutex_unlock(&eth_owner_lock);
}

/* ---- iterator ---- */

#define ITER_ANY_BUS "class=eth,"

static const char *const eth_filter_keys[] = { "mac", "representor", NULL };

int
rte_eth_iterator_init(struct rte_dev_iterator *iter, const char *devargs)
{
	struct rte_devargs da;
	const char *key;
	char *bus_str = NULL, *cls_str = NULL;
	size_t len;
	int ret;

	if (iter == NULL || devargs == NULL) {
		ETHDEV_LOG(ERR, "iterator init: NULL %s", iter == NULL ? "iterator" : "devargs");
		return -EINVAL;
	}
	memset(iter, 0, sizeof(*iter));
	iter->dev_str = devargs;
	/* A filter on port properties only, any bus. */
	if (strncmp(devargs, ITER_ANY_BUS, strlen(ITER_ANY_BUS)) == 0 ||
	    strcmp(devargs, "class=eth") == 0) {
		iter->cls_str = devargs + RTE_MIN(strlen(devargs), strlen(ITER_ANY_BUS));
		iter->class_device = NULL;
		iter->device = NULL;
		/* cls non-NULL marks a usable iterator; nothing was allocated. */
		iter->cls = (struct rte_class *)(uintptr_t)iter;
		return 0;
	}
	memset(&da, 0, sizeof(da));
	ret = rte_devargs_parse(&da, devargs);
	if (ret != 0) {
		ETHDEV_LOG(ERR, "iterator init: cannot parse \"%s\" (%d)", devargs, ret);
		memset(iter, 0, sizeof(*iter));
		return ret;
	}
	if (strcmp(rte_bus_name(da.bus), "pci") == 0) {
		key = "addr";
	} else if (strcmp(rte_bus_name(da.bus), "vdev") == 0) {
		key = "name";
	} else {
		ETHDEV_LOG(ERR, "iterator init: bus %s cannot be iterated", rte_bus_name(da.bus));
		rte_devargs_reset(&da);
		memset(iter, 0, sizeof(*iter));
		return -ENOTSUP;
	}
	/* Arguments of the old syntax apply to the port; unknown ones are ignored ('+'). */
	len = strlen(da.args) + 2;
	cls_str = malloc(len);
	bus_str = malloc(strlen(key) + strlen(da.name) + 2);
	if (cls_str == NULL || bus_str == NULL) {
		ETHDEV_LOG(ERR, "iterator init: out of memory");
		free(cls_str);
		free(bus_str);
		rte_devargs_reset(&da);
		memset(iter, 0, sizeof(*iter));
		return -ENOMEM;
	}
	snprintf(cls_str, len, "+%s", da.args);
	sprintf(bus_str, "%s=%s", key, da.name);
	iter->cls_str = cls_str;
	iter->bus_str = bus_str;
	iter->bus = da.bus;
	iter->cls = (struct rte_class *)(uintptr_t)iter;
	rte_devargs_reset(&da);
	return 0;
}

static int
mac_matches(const char *key, const char *value, void *opaque)
{
	const struct rte_eth_dev *dev = opaque;
	struct rte_eth_dev_info info;
	struct rte_ether_addr mac;
	uint32_t i;

	RTE_SET_USED(key);
	if (value == NULL || rte_ether_unformat_addr(value, &mac) != 0)
		return -1;
	if (dev->data->mac_addrs == NULL ||
	    rte_eth_dev_info_get(dev->data->port_id, &info) != 0)
		return -1;
	for (i = 0; i < RTE_MAX(info.max_mac_addrs, 1u); i++)
		if (rte_is_same_ether_addr(&mac, &dev->data->mac_addrs[i]))
			return 0;
	return -1;
}

static int
representor_matches(const char *key, const char *value, void *opaque)
{
	const struct rte_eth_dev *dev = opaque;

	RTE_SET_USED(key);
	RTE_SET_USED(value);
	return (dev->data->dev_flags & RTE_ETH_DEV_REPRESENTOR) ? 0 : -1;
}

/* Does port p pass the port-level filter and the device name of the iterator? */
static int
port_matches(const struct rte_dev_iterator *iter, uint16_t p, const struct rte_kvargs *kv)
{
	const struct rte_eth_dev *dev = &rte_eth_devices[p];

	if (iter->bus_str != NULL) {
		const char *name = strchr(iter->bus_str, '=') + 1;

		if (dev->device == NULL || rte_dev_bus(dev->device) != iter->bus ||
		    strcmp(rte_dev_name(dev->device), name) != 0)
			return 0;
	}
	if (kv == NULL)
		return 1;
	if (rte_kvargs_process(kv, "mac", mac_matches, (void *)(uintptr_t)dev) != 0)
		return 0;
	if (rte_kvargs_process(kv, "representor", representor_matches,
			(void *)(uintptr_t)dev) != 0)
		return 0;
	return 1;
}

uint16_t
rte_eth_iterator_next(struct rte_dev_iterator *iter)
{
	struct rte_kvargs *kv = NULL;
	const char *filter;
	uint16_t p;

	if (iter == NULL) {
		ETHDEV_LOG(ERR, "iterator next: NULL iterator");
		return RTE_MAX_ETHPORTS;
	}
	if (iter->cls == NULL)
		return RTE_MAX_ETHPORTS;
	filter = iter->cls_str;
	if (filter != NULL && filter[0] != '\0' && strcmp(filter, "+") != 0) {
		if (filter[0] == '+')
			kv = rte_kvargs_parse(filter + 1, NULL);
		else
			kv = rte_kvargs_parse(filter, eth_filter_keys);
		if (kv == NULL) {
			ETHDEV_LOG(ERR, "iterator next: cannot parse \"%s\"", filter);
			rte_eth_iterator_cleanup(iter);
			return RTE_MAX_ETHPORTS;
		}
	}
	p = iter->class_device == NULL ? 0 :
			(uint16_t)((struct rte_eth_dev *)iter->class_device - rte_eth_devices + 1);
	for (p = (uint16_t)rte_eth_find_next(p); p < RTE_MAX_ETHPORTS;
	     p = (uint16_t)rte_eth_find_next(p + 1))
		if (port_matches(iter, p, kv))
			break;
	rte_kvargs_free(kv);
	if (p < RTE_MAX_ETHPORTS) {
		iter->class_device = &rte_eth_devices[p];
		iter->device = rte_eth_devices[p].device;
		return p;
	}
	rte_eth_iterator_cleanup(iter);
	return RTE_MAX_ETHPORTS;
}

void
rte_eth_iterator_cleanup(struct rte_dev_iterator *iter)
{
	if (iter == NULL)
		return;
	if (iter->bus_str != NULL) {
		free((void *)(uintptr_t)iter->bus_str);
		free((void *)(uintptr_t)iter->cls_str);
	}
	memset(iter, 0, sizeof(*iter));
}
