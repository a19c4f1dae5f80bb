/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * For PCI Ethernet drivers: create and release the port of a PCI function. Header-only, so
 * ethdev itself does not depend on the PCI bus; only drivers that include it do.
 */
#ifndef _ETHDEV_PCI_H_
#define _ETHDEV_PCI_H_

#include <rte_malloc.h>
#include <rte_errno.h>
#include <bus_pci_driver.h>

#include "ethdev_driver.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Record what the port needs to know about its PCI function. */
static inline void
rte_eth_copy_pci_info(struct rte_eth_dev *eth_dev, struct rte_pci_device *pci_dev)
{
	eth_dev->intr_handle = pci_dev->intr_handle;
	/* the port's shared data is the primary process's to fill */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return;
	eth_dev->data->numa_node = pci_dev->device.numa_node;
	eth_dev->data->dev_flags &= ~RTE_ETH_DEV_INTR_LSC;
	if (pci_dev->driver != NULL && (pci_dev->driver->drv_flags & RTE_PCI_DRV_INTR_LSC))
		eth_dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
}

/**
 * A port named after the PCI address, with private_data_size bytes of zeroed driver state.
 * NULL with rte_errno set on failure (nothing left allocated).
 */
static inline struct rte_eth_dev *
rte_eth_dev_pci_allocate(struct rte_pci_device *dev, size_t private_data_size)
{
	struct rte_eth_dev *eth_dev;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		/* the primary's port, with its private data, seen from this process */
		eth_dev = rte_eth_dev_attach_secondary(dev->device.name);
		if (eth_dev == NULL)
			return NULL;
		eth_dev->device = &dev->device;
		eth_dev->dev_type = RTE_ETH_DEV_PCI;
		rte_eth_copy_pci_info(eth_dev, dev);
		return eth_dev;
	}
	eth_dev = rte_eth_dev_allocate(dev->device.name);
	if (eth_dev == NULL)
		return NULL;
	if (private_data_size != 0) {
		eth_dev->data->dev_private = rte_zmalloc_socket(dev->device.name,
				private_data_size, RTE_CACHE_LINE_SIZE, dev->device.numa_node);
		if (eth_dev->data->dev_private == NULL) {
			rte_eth_dev_release_port(eth_dev);
			rte_errno = ENOMEM;
			return NULL;
		}
	}
	eth_dev->device = &dev->device;
	eth_dev->dev_type = RTE_ETH_DEV_PCI;
	rte_eth_copy_pci_info(eth_dev, dev);
	return eth_dev;
}

/** Driver function that initialises or releases the port of a PCI device: 0 or negative errno. */
typedef int (*eth_dev_pci_callback_t)(struct rte_eth_dev *eth_dev);

/** Allocate the port and call dev_init on it; release it again if dev_init fails. */
static inline int
rte_eth_dev_pci_generic_probe(struct rte_pci_device *pci_dev, size_t private_data_size,
		eth_dev_pci_callback_t dev_init)
{
	struct rte_eth_dev *eth_dev = rte_eth_dev_pci_allocate(pci_dev, private_data_size);
	int ret;

	if (eth_dev == NULL)
		return -rte_errno;
	ret = dev_init(eth_dev);
	if (ret != 0) {
		rte_eth_dev_release_port(eth_dev);
		return ret;
	}
	rte_eth_dev_probing_finish(eth_dev);
	return 0;
}

/** Call dev_uninit (if any) on the port of the function, then release the port. */
static inline int
rte_eth_dev_pci_generic_remove(struct rte_pci_device *pci_dev, eth_dev_pci_callback_t dev_uninit)
{
	struct rte_eth_dev *eth_dev = rte_eth_dev_allocated(pci_dev->device.name);
	int ret;

	if (eth_dev == NULL)
		return 0;
	if (dev_uninit != NULL) {
		ret = dev_uninit(eth_dev);
		if (ret != 0)
			return ret;
	}
	return rte_eth_dev_release_port(eth_dev);
}

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_PCI_H_ */
