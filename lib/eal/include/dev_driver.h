/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * For buses and drivers only: the generic device and driver objects that each bus embeds in
 * its own (struct rte_pci_device, struct rte_vdev_device...).
 */
#ifndef _DEV_DRIVER_H_
#define _DEV_DRIVER_H_

#include <sys/queue.h>

#include <rte_common.h>
#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A driver, embedded in the bus-specific driver structure. */
struct rte_driver {
	TAILQ_ENTRY(rte_driver) next; /**< next in the bus's list (unused by most buses) */
	const char *name;             /**< driver name, e.g. "net_null" */
	const char *alias;            /**< other name it answers to, e.g. "eth_null" */
};

/** A device, embedded in the bus-specific device structure. */
struct rte_device {
	TAILQ_ENTRY(rte_device) next;  /**< next in the bus's list (unused by most buses) */
	const char *name;              /**< unique name: PCI address, vdev name */
	const char *bus_info;          /**< bus-specific description, may be NULL */
	const struct rte_driver *driver; /**< bound driver, NULL when not probed */
	const struct rte_bus *bus;     /**< bus the device is on */
	int numa_node;                 /**< NUMA node, SOCKET_ID_ANY if unknown */
	struct rte_devargs *devargs;   /**< arguments it was attached with, may be NULL */
};

#ifdef __cplusplus
}
#endif

#endif /* _DEV_DRIVER_H_ */
