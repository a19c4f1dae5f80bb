/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * PCI addresses and ids, as every PCI user sees them (the bus, drivers, applications): their
 * printf formats, parsing, formatting and ordering, and the configuration space offsets the
 * tree uses. The bus itself is in rte_bus_pci.h.
 */
#ifndef _RTE_PCI_H_
#define _RTE_PCI_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>
#include <sys/types.h>

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

/** Size of the conventional configuration space. */
#define RTE_PCI_CFG_SPACE_SIZE 256
#define RTE_PCI_CFG_SPACE_EXP_SIZE 4096 /**< extended (PCIe) configuration space size */
#define RTE_PCI_VENDOR_ID 0x00 /**< vendor id register (16 bits) */
#define RTE_PCI_DEVICE_ID 0x02 /**< device id register (16 bits) */
#define RTE_PCI_COMMAND 0x04 /**< command register (16 bits) */
#define RTE_PCI_COMMAND_MEMORY 0x2 /**< command: memory space enable */
#define RTE_PCI_COMMAND_MASTER 0x4 /**< command: bus master (DMA) enable */
#define RTE_PCI_COMMAND_INTX_DISABLE 0x400 /**< command: legacy interrupt disable */

#define RTE_PCI_EXP_DEVCTL 8 /**< PCI Express capability: device control register */

/** Capability id of an extended capability header. */
#define RTE_PCI_EXT_CAP_ID(header) ((header) & 0x0000ffff)
/** Offset of the next extended capability, from a capability header. */
#define RTE_PCI_EXT_CAP_NEXT(header) (((header) >> 20) & 0xffc)
#define RTE_PCI_EXT_CAP_ID_ERR 0x01   /**< extended capability: advanced error reporting */
#define RTE_PCI_EXT_CAP_ID_DSN 0x03   /**< extended capability: device serial number */
#define RTE_PCI_EXT_CAP_ID_SRIOV 0x10 /**< extended capability: SR-IOV */
#define RTE_PCI_EXT_CAP_ID_PASID 0x1B /**< extended capability: process address space id */

/* Registers of the SR-IOV capability, from its start. */
#define RTE_PCI_SRIOV_CAP 0x04         /**< SR-IOV capabilities */
#define RTE_PCI_SRIOV_CTRL 0x08        /**< SR-IOV control */
#define RTE_PCI_SRIOV_INITIAL_VF 0x0c  /**< initial VFs */
#define RTE_PCI_SRIOV_TOTAL_VF 0x0e    /**< total VFs */
#define RTE_PCI_SRIOV_NUM_VF 0x10      /**< number of VFs */
#define RTE_PCI_SRIOV_FUNC_LINK 0x12   /**< function dependency link */
#define RTE_PCI_SRIOV_VF_OFFSET 0x14   /**< offset of the first VF */
#define RTE_PCI_SRIOV_VF_STRIDE 0x16   /**< distance between VFs */
#define RTE_PCI_SRIOV_VF_DID 0x1a      /**< device id of the VFs */
#define RTE_PCI_SRIOV_SUP_PGSIZE 0x1c  /**< supported page sizes */

#define RTE_PCI_PASID_CTRL 0x06 /**< PASID capability: control register */

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

/**
 * Parse a PCI address, full ("0000:01:00.0") or short ("01:00.0", domain 0).
 * The whole string must be the address. 0, or -1 if str is not a PCI address.
 */
int rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr);

/** Write the full form of addr into output (at most size bytes, always terminated). */
void rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size);

/** Order two addresses: <0, 0 or >0 like memcmp; -1 if either is NULL. */
int rte_pci_addr_cmp(const struct rte_pci_addr *addr, const struct rte_pci_addr *addr2);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PCI_H_ */
