/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * For virtual-device drivers: create the port of a vdev in one call.
 */
#ifndef _ETHDEV_VDEV_H_
#define _ETHDEV_VDEV_H_

#include <rte_config.h>
#include <rte_malloc.h>
#include <bus_vdev_driver.h>

#include "ethdev_driver.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Allocate a port named after the vdev, with private_data_size zeroed bytes of driver state
 * (freed by rte_eth_dev_release_port), on the device's NUMA node.
 * @return the port, or NULL with rte_errno set (nothing allocated).
 */
static inline struct rte_eth_dev *
rte_eth_vdev_allocate(struct rte_vdev_device *dev, size_t private_data_size)
{
	const char *name = rte_vdev_device_name(dev);
	struct rte_eth_dev *eth_dev = rte_eth_dev_allocate(name);

	if (eth_dev == NULL)
		return NULL;
	if (private_data_size != 0) {
		eth_dev->data->dev_private = rte_zmalloc_socket(name, private_data_size,
				RTE_CACHE_LINE_SIZE, dev->device.numa_node);
		if (eth_dev->data->dev_private == NULL) {
			rte_eth_dev_release_port(eth_dev);
			rte_errno = ENOMEM;
			return NULL;
		}
	}
	eth_dev->device = &dev->device;
	eth_dev->dev_type = RTE_ETH_DEV_VIRTUAL;
	eth_dev->data->numa_node = dev->device.numa_node;
	return eth_dev;
}

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_VDEV_H_ */
