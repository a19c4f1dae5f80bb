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
struct rte_pci_ioport;

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

/**
 * Open I/O port BAR bar of dev for rte_pci_ioport_read/write: port instructions under igb_uio
 * and uio_pci_generic when the process may use them (rte_eal_iopl_init), else the sysfs
 * resource file; the vfio region under vfio-pci (the device must be mapped). 0, or -EINVAL
 * when bar is no I/O BAR, -ENOTSUP when the kernel driver offers no port access, another
 * negative errno when the kernel refuses.
 */
int rte_pci_ioport_map(struct rte_pci_device *dev, int bar, struct rte_pci_ioport *p);

/** Release what rte_pci_ioport_map acquired (a file, if any). 0, or -EINVAL if not mapped. */
int rte_pci_ioport_unmap(struct rte_pci_ioport *p);

/**
 * Read len bytes at offset of the BAR, in accesses of 4, 2 or 1 bytes as alignment allows.
 * A range outside the BAR is refused with a log line and data is left unchanged.
 */
void rte_pci_ioport_read(struct rte_pci_ioport *p, void *data, size_t len, off_t offset);

/** Write len bytes at offset of the BAR, accessed as rte_pci_ioport_read does. */
void rte_pci_ioport_write(struct rte_pci_ioport *p, const void *data, size_t len,
		off_t offset);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_PCI_H_ */
