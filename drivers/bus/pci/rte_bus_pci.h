/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * The PCI bus as applications see it: access to a device's resources and configuration
 * space. PCI addresses and ids are in rte_pci.h (included); drivers also include
 * bus_pci_driver.h.
 */
#ifndef _RTE_BUS_PCI_H_
#define _RTE_BUS_PCI_H_

#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>
#include <inttypes.h>
#include <sys/types.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_pci.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_pci_device;

/** Folder the bus scans: $SYSFS_PCI_DEVICES, else /sys/bus/pci/devices. */
const char *rte_pci_get_sysfs_path(void);

/**
 * Map the device's memory BARs the way its kernel driver allows (igb_uio, uio_pci_generic or
 * vfio-pci) and fill in mem_resource[].addr. 0; a negative errno on failure (nothing mapped);
 * 1 if the device is not bound to a userspace-I/O driver.
 */
int rte_pci_map_device(struct rte_pci_device *dev);

/** Undo rte_pci_map_device: unmap every BAR and close every file it opened. */
void rte_pci_unmap_device(struct rte_pci_device *dev);

/** Print every device of the bus. */
void rte_pci_dump(FILE *f);

/** Read len bytes of configuration space at offset. Bytes read, or a negative errno. */
int rte_pci_read_config(const struct rte_pci_device *device, void *buf, size_t len,
		off_t offset);

/** Write len bytes of configuration space at offset. Bytes written, or a negative errno. */
int rte_pci_write_config(const struct rte_pci_device *device, const void *buf, size_t len,
		off_t offset);

/** Set or clear bus mastering (DMA) in the command register. 0 or a negative errno. */
int rte_pci_set_bus_master(struct rte_pci_device *dev, bool enable);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_PCI_H_ */
