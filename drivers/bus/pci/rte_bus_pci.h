/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * The PCI bus as applications see it: PCI addresses and ids, and access to a device's
 * resources and configuration space. Drivers also include bus_pci_driver.h.
 */
#ifndef _RTE_BUS_PCI_H_
#define _RTE_BUS_PCI_H_

#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>
#include <inttypes.h>
#include <sys/types.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** printf format of a full PCI address: domain:bus:device.function. */
#define PCI_PRI_FMT "%.4" PRIx32 ":%.2" PRIx8 ":%.2" PRIx8 ".%" PRIx8
/** Room for the longest formatted address (32-bit domain). */
#define PCI_PRI_STR_SIZE sizeof("XXXXXXXX:XX:XX.X")
/** printf format of a short PCI address (domain 0 implied): bus:device.function. */
#define PCI_SHORT_PRI_FMT "%.2" PRIx8 ":%.2" PRIx8 ".%" PRIx8
/** Number of fields of a full PCI address. */
#define PCI_FMT_NVAL 4
/** Number of fields per line of the sysfs resource file. */
#define PCI_RESOURCE_FMT_NVAL 3
/** Number of base address registers of a PCI function. */
#define PCI_MAX_RESOURCE 6

/** Wildcard for the 16-bit ids of struct rte_pci_id. */
#define RTE_PCI_ANY_ID (0xffff)
#define PCI_ANY_ID RTE_PCI_ANY_ID /**< Old name of RTE_PCI_ANY_ID. */
/** Wildcard for the 24-bit class id. */
#define RTE_CLASS_ANY_ID (0xffffff)

/** Configuration space sizes and the registers this bus uses. */
#define RTE_PCI_CFG_SPACE_SIZE 256
#define RTE_PCI_CFG_SPACE_EXP_SIZE 4096 /**< extended (PCIe) configuration space size */
#define RTE_PCI_VENDOR_ID 0x00 /**< vendor id register (16 bits) */
#define RTE_PCI_DEVICE_ID 0x02 /**< device id register (16 bits) */
#define RTE_PCI_COMMAND 0x04 /**< command register (16 bits) */
#define RTE_PCI_COMMAND_MEMORY 0x2 /**< command: memory space enable */
#define RTE_PCI_COMMAND_MASTER 0x4 /**< command: bus master (DMA) enable */
#define RTE_PCI_COMMAND_INTX_DISABLE 0x400 /**< command: legacy interrupt disable */

/** Identity of a PCI function, or a pattern of one in a driver's id table. */
struct rte_pci_id {
	uint32_t class_id;            /**< class/subclass/prog-if, or RTE_CLASS_ANY_ID */
	uint16_t vendor_id;           /**< vendor id, or RTE_PCI_ANY_ID */
	uint16_t device_id;           /**< device id, or RTE_PCI_ANY_ID */
	uint16_t subsystem_vendor_id; /**< subsystem vendor id, or RTE_PCI_ANY_ID */
	uint16_t subsystem_device_id; /**< subsystem device id, or RTE_PCI_ANY_ID */
};

/** Location of a PCI function. */
struct rte_pci_addr {
	uint32_t domain;   /**< PCI segment */
	uint8_t bus;       /**< bus number */
	uint8_t devid;     /**< device number, 0..31 */
	uint8_t function;  /**< function number, 0..7 */
};

struct rte_pci_device;

/**
 * Parse a PCI address, full ("0000:01:00.0") or short ("01:00.0", domain 0).
 * The whole string must be the address. 0, or -1 if str is not a PCI address.
 */
int rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr);

/** Write the full form of addr into output (at most size bytes, always terminated). */
void rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size);

/** Order two addresses: <0, 0 or >0 like memcmp; -1 if either is NULL. */
int rte_pci_addr_cmp(const struct rte_pci_addr *addr, const struct rte_pci_addr *addr2);

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
