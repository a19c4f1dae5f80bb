/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers for drivers (ethdev_driver.h): port creation and destruction around a driver's init
 * function, descriptor-ring memzones, switch domains, representor devargs and ids, hairpin
 * peer exchange.
 */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_memzone.h>

#include "ethdev_private.h"

int
rte_eth_dev_create(struct rte_device *device, const char *name, size_t priv_data_size,
		ethdev_bus_specific_init bus_specific_init, void *bus_init_params,
		ethdev_init_t ethdev_init, void *init_params)
{
	struct rte_eth_dev *dev;
	int ret;

	if (ethdev_init == NULL) {
		ETHDEV_LOG(ERR, "create %s: no init function", name != NULL ? name : "(null)");
		return -EINVAL;
	}
	dev = rte_eth_dev_allocate(name);
	if (dev == NULL)
		return -rte_errno;
	if (priv_data_size > 0) {
		dev->data->dev_private = rte_zmalloc_socket(name, priv_data_size,
				RTE_CACHE_LINE_SIZE, device != NULL ?
				rte_dev_numa_node(device) : SOCKET_ID_ANY);
		if (dev->data->dev_private == NULL) {
			ETHDEV_LOG(ERR, "create %s: no memory for %zu bytes of private data", name,
					priv_data_size);
			ret = -ENOMEM;
			goto fail;
		}
	}
	dev->device = device;
	if (bus_specific_init != NULL) {
		ret = bus_specific_init(dev, bus_init_params);
		if (ret != 0) {
			ETHDEV_LOG(ERR, "create %s: bus init failed (%d)", name, ret);
			goto fail;
		}
	}
	ret = ethdev_init(dev, init_params);
	if (ret != 0) {
		ETHDEV_LOG(ERR, "create %s: driver init failed (%d)", name, ret);
		goto fail;
	}
	rte_eth_dev_probing_finish(dev);
	return 0;
fail:
	rte_eth_dev_release_port(dev);
	return ret;
}

int
rte_eth_dev_destroy(struct rte_eth_dev *ethdev, ethdev_uninit_t ethdev_uninit)
{
	int ret;

	if (ethdev == NULL || ethdev->state == RTE_ETH_DEV_UNUSED) {
		ETHDEV_LOG(ERR, "destroy: not an allocated port");
		return -EINVAL;
	}
	if (ethdev_uninit != NULL) {
		ret = ethdev_uninit(ethdev);
		if (ret != 0)
			return ret;
	}
	return rte_eth_dev_release_port(ethdev);
}

struct rte_eth_dev *
rte_eth_dev_get_by_name(const char *name)
{
	uint16_t port;

	if (rte_eth_dev_get_port_by_name(name, &port) != 0)
		return NULL;
	return &rte_eth_devices[port];
}

struct rte_eth_dev *
rte_eth_dev_attach_secondary(const char *name)
{
	struct rte_eth_dev *dev;

	if (name != NULL && rte_eal_process_type() == RTE_PROC_SECONDARY)
		return eth_dev_attach_secondary(name);
	/* In the primary, the port is the port. */
	dev = rte_eth_dev_get_by_name(name);
	if (dev == NULL)
		ETHDEV_LOG(ERR, "attach secondary: no port called %s",
				name != NULL ? name : "(null)");
	return dev;
}

void
rte_eth_dev_internal_reset(struct rte_eth_dev *dev)
{
	if (dev == NULL || dev->data == NULL)
		return;
	if (dev->data->dev_started) {
		ETHDEV_LOG(ERR, "internal reset of port %u: port is started",
				dev->data->port_id);
		return;
	}
	eth_dev_lock();
	eth_dev_release_queues(dev);
	memset(&dev->data->dev_conf, 0, sizeof(dev->data->dev_conf));
	dev->data->dev_configured = 0;
	eth_dev_unlock();
}

uint16_t
rte_eth_pkt_burst_dummy(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	RTE_SET_USED(queue);
	RTE_SET_USED(pkts);
	RTE_SET_USED(nb_pkts);
	return 0;
}

int
rte_eth_dev_is_rx_hairpin_queue(struct rte_eth_dev *dev, uint16_t queue_id)
{
	return dev->data->rx_queue_state[queue_id] == RTE_ETH_QUEUE_STATE_HAIRPIN;
}

int
rte_eth_dev_is_tx_hairpin_queue(struct rte_eth_dev *dev, uint16_t queue_id)
{
	return dev->data->tx_queue_state[queue_id] == RTE_ETH_QUEUE_STATE_HAIRPIN;
}

int
rte_eth_hairpin_queue_peer_update(uint16_t peer_port, uint16_t peer_queue,
		struct rte_hairpin_peer_info *cur_info, struct rte_hairpin_peer_info *peer_info,
		uint32_t direction)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(peer_port, -EINVAL);
	if (peer_info == NULL) {
		ETHDEV_LOG(ERR, "hairpin peer update of port %u: NULL peer info", peer_port);
		return -EINVAL;
	}
	dev = &rte_eth_devices[peer_port];
	if (dev->dev_ops->hairpin_queue_peer_update == NULL)
		return -ENOTSUP;
	return dev->dev_ops->hairpin_queue_peer_update(dev, peer_queue, cur_info, peer_info,
			direction);
}

int
rte_eth_hairpin_queue_peer_bind(uint16_t cur_port, uint16_t cur_queue,
		struct rte_hairpin_peer_info *peer_info, uint32_t direction)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(cur_port, -EINVAL);
	if (peer_info == NULL) {
		ETHDEV_LOG(ERR, "hairpin peer bind of port %u: NULL peer info", cur_port);
		return -EINVAL;
	}
	dev = &rte_eth_devices[cur_port];
	if (dev->dev_ops->hairpin_queue_peer_bind == NULL)
		return -ENOTSUP;
	return dev->dev_ops->hairpin_queue_peer_bind(dev, cur_queue, peer_info, direction);
}

int
rte_eth_hairpin_queue_peer_unbind(uint16_t cur_port, uint16_t cur_queue, uint32_t direction)
{
	struct rte_eth_dev *dev;

	ETH_VALID_PORTID_OR_ERR_RET(cur_port, -EINVAL);
	dev = &rte_eth_devices[cur_port];
	if (dev->dev_ops->hairpin_queue_peer_unbind == NULL)
		return -ENOTSUP;
	return dev->dev_ops->hairpin_queue_peer_unbind(dev, cur_queue, direction);
}

/* ---- descriptor-ring memzones ---- */

static int
dma_zone_name(char *buf, size_t len, const struct rte_eth_dev *dev, const char *name,
		uint16_t queue_id)
{
	int n = snprintf(buf, len, "eth_p%d_q%d_%s", dev->data->port_id, queue_id, name);

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

const struct rte_memzone *
rte_eth_dma_zone_reserve(const struct rte_eth_dev *eth_dev, const char *name, uint16_t queue_id,
		size_t size, unsigned int align, int socket_id)
{
	char z_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;

	if (eth_dev == NULL || name == NULL) {
		ETHDEV_LOG(ERR, "DMA zone reserve: NULL %s", eth_dev == NULL ? "port" : "name");
		rte_errno = EINVAL;
		return NULL;
	}
	if (dma_zone_name(z_name, sizeof(z_name), eth_dev, name, queue_id) != 0) {
		ETHDEV_LOG(ERR, "DMA zone reserve of port %u: name %s too long",
				eth_dev->data->port_id, name);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	mz = rte_memzone_lookup(z_name);
	if (mz != NULL) {
		if ((socket_id != SOCKET_ID_ANY && socket_id != mz->socket_id) ||
		    size > mz->len || ((uintptr_t)mz->addr & (align - 1)) != 0) {
			ETHDEV_LOG(ERR, "DMA zone %s exists with another size, alignment or node",
					z_name);
			rte_errno = EEXIST;
			return NULL;
		}
		return mz;
	}
	return rte_memzone_reserve_aligned(z_name, size, socket_id, RTE_MEMZONE_IOVA_CONTIG,
			align);
}

int
rte_eth_dma_zone_free(const struct rte_eth_dev *eth_dev, const char *name, uint16_t queue_id)
{
	char z_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;

	if (eth_dev == NULL || name == NULL) {
		ETHDEV_LOG(ERR, "DMA zone free: NULL %s", eth_dev == NULL ? "port" : "name");
		return -EINVAL;
	}
	if (dma_zone_name(z_name, sizeof(z_name), eth_dev, name, queue_id) != 0) {
		ETHDEV_LOG(ERR, "DMA zone free of port %u: name %s too long",
				eth_dev->data->port_id, name);
		return -EINVAL;
	}
	mz = rte_memzone_lookup(z_name);
	if (mz == NULL)
		return -ENODEV;
	return rte_memzone_free(mz);
}

/* ---- switch domains ---- */

#define ETH_MAX_SWITCH_DOMAINS RTE_MAX_ETHPORTS

static uint8_t switch_domain_used[ETH_MAX_SWITCH_DOMAINS];
static pthread_mutex_t switch_domain_lock = PTHREAD_MUTEX_INITIALIZER;

int
rte_eth_switch_domain_alloc(uint16_t *domain_id)
{
	uint16_t i;

	if (domain_id == NULL) {
		ETHDEV_LOG(ERR, "switch domain alloc: NULL domain_id");
		return -EINVAL;
	}
	*domain_id = RTE_ETH_DEV_SWITCH_DOMAIN_ID_INVALID;
	pthread_mutex_lock(&switch_domain_lock);
	for (i = 0; i < ETH_MAX_SWITCH_DOMAINS; i++) {
		if (!switch_domain_used[i]) {
			switch_domain_used[i] = 1;
			*domain_id = i;
			break;
		}
	}
	pthread_mutex_unlock(&switch_domain_lock);
	if (i == ETH_MAX_SWITCH_DOMAINS) {
		ETHDEV_LOG(ERR, "switch domain alloc: all %d domains in use",
				ETH_MAX_SWITCH_DOMAINS);
		return -ENOSPC;
	}
	return 0;
}

int
rte_eth_switch_domain_free(uint16_t domain_id)
{
	int ret = 0;

	pthread_mutex_lock(&switch_domain_lock);
	if (domain_id >= ETH_MAX_SWITCH_DOMAINS || !switch_domain_used[domain_id])
		ret = -EINVAL;
	else
		switch_domain_used[domain_id] = 0;
	pthread_mutex_unlock(&switch_domain_lock);
	if (ret != 0)
		ETHDEV_LOG(ERR, "switch domain free: %u is not allocated", domain_id);
	return ret;
}

/* ---- representor devargs ---- */

/*
 * Parse a number or a bracketed list of numbers and ranges ("3", "[0,2-4]") at *s into
 * list/n (at most max entries); *s moves past it. 0 or -EINVAL.
 */
static int
parse_id_list(const char **s, uint16_t *list, uint16_t *n, uint16_t max)
{
	const char *p = *s;
	int bracket = 0;

	if (*p == '[') {
		bracket = 1;
		p++;
	}
	for (;;) {
		unsigned long lo, hi, v;
		char *end;

		if (!isdigit((unsigned char)*p))
			return -EINVAL;
		lo = strtoul(p, &end, 10);
		p = end;
		hi = lo;
		if (bracket && *p == '-') {
			p++;
			if (!isdigit((unsigned char)*p))
				return -EINVAL;
			hi = strtoul(p, &end, 10);
			p = end;
		}
		if (hi < lo || hi > UINT16_MAX)
			return -EINVAL;
		for (v = lo; v <= hi; v++) {
			if (*n >= max)
				return -EINVAL;
			list[(*n)++] = (uint16_t)v;
		}
		if (!bracket)
			break;
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p != ']')
			return -EINVAL;
		p++;
		break;
	}
	*s = p;
	return 0;
}

static int
parse_representor(const char *key, const char *value, void *opaque)
{
	struct rte_eth_devargs *da = opaque;
	const char *p = value;

	RTE_SET_USED(key);
	if (p == NULL)
		return -EINVAL;
	da->type = RTE_ETH_REPRESENTOR_VF;
	if (*p == 'c') {
		p++;
		if (parse_id_list(&p, da->mh_controllers, &da->nb_mh_controllers,
				RTE_MAX_MULTI_HOST_CTRLS) != 0)
			return -EINVAL;
	}
	if (strncmp(p, "pf", 2) == 0) {
		p += 2;
		da->type = RTE_ETH_REPRESENTOR_PF;
		if (parse_id_list(&p, da->ports, &da->nb_ports, RTE_MAX_ETHPORTS) != 0)
			return -EINVAL;
		if (*p == '\0')
			return 0;
	}
	if (strncmp(p, "vf", 2) == 0) {
		p += 2;
		da->type = RTE_ETH_REPRESENTOR_VF;
	} else if (strncmp(p, "sf", 2) == 0) {
		p += 2;
		da->type = RTE_ETH_REPRESENTOR_SF;
	} else if (da->nb_mh_controllers > 0 || da->nb_ports > 0) {
		return -EINVAL;
	}
	if (parse_id_list(&p, da->representor_ports, &da->nb_representor_ports,
			RTE_MAX_ETHPORTS) != 0)
		return -EINVAL;
	return *p == '\0' ? 0 : -EINVAL;
}

int
rte_eth_devargs_parse(const char *devargs, struct rte_eth_devargs *eth_devargs)
{
	struct rte_kvargs *kv;
	int ret;

	if (devargs == NULL || eth_devargs == NULL) {
		ETHDEV_LOG(ERR, "devargs parse: NULL %s", devargs == NULL ? "devargs" :
				"result");
		return -EINVAL;
	}
	memset(eth_devargs, 0, sizeof(*eth_devargs));
	kv = rte_kvargs_parse(devargs, NULL);
	if (kv == NULL) {
		ETHDEV_LOG(ERR, "devargs parse: cannot parse \"%s\"", devargs);
		return -EINVAL;
	}
	ret = rte_kvargs_process(kv, "representor", parse_representor, eth_devargs);
	rte_kvargs_free(kv);
	if (ret != 0) {
		ETHDEV_LOG(ERR, "devargs parse: bad representor in \"%s\"", devargs);
		memset(eth_devargs, 0, sizeof(*eth_devargs));
		return -EINVAL;
	}
	return 0;
}

int
rte_eth_representor_id_get(uint16_t port_id, enum rte_eth_representor_type type,
		int controller, int pf, int representor_port, uint16_t *repr_id)
{
	struct rte_eth_representor_info *info;
	uint32_t i;
	int n, ret = -ENOENT;

	if (repr_id == NULL) {
		ETHDEV_LOG(ERR, "representor id of port %u: NULL repr_id", port_id);
		return -EINVAL;
	}
	n = rte_eth_representor_info_get(port_id, NULL);
	if (n == -ENOTSUP && type == RTE_ETH_REPRESENTOR_VF && controller == -1 && pf == -1) {
		/* Without ranges, a VF representor's id is its VF number. */
		*repr_id = (uint16_t)representor_port;
		return 0;
	}
	if (n < 0)
		return n;
	info = calloc(1, sizeof(*info) + (size_t)n * sizeof(info->ranges[0]));
	if (info == NULL)
		return -ENOMEM;
	info->nb_ranges_alloc = (uint32_t)n;
	ret = rte_eth_representor_info_get(port_id, info);
	if (ret < 0)
		goto out;
	if (controller == -1)
		controller = info->controller;
	if (pf == -1)
		pf = info->pf;
	ret = -ENOENT;
	for (i = 0; i < info->nb_ranges && i < info->nb_ranges_alloc; i++) {
		const struct rte_eth_representor_range *r = &info->ranges[i];
		uint32_t span = r->id_end - r->id_base;

		if (r->type != type || r->controller != controller || r->pf != pf)
			continue;
		if (type == RTE_ETH_REPRESENTOR_PF) {
			*repr_id = (uint16_t)r->id_base;
			ret = 0;
			break;
		}
		if (representor_port < r->vf || (uint32_t)(representor_port - r->vf) > span)
			continue;
		*repr_id = (uint16_t)(r->id_base + (uint32_t)(representor_port - r->vf));
		ret = 0;
		break;
	}
out:
	free(info);
	return ret;
}
