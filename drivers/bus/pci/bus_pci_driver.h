/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * PCI driver SDK: the device and driver objects of the PCI bus and driver registration.
 * Installed, so a PCI driver can be built outside the tree.
 */
#ifndef _BUS_PCI_DRIVER_H_
#define _BUS_PCI_DRIVER_H_

#include <sys/queue.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <dev_driver.h>
#include <rte_interrupts.h>
#include <rte_pmd_info.h>
#include <rte_bus_pci.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RTE_MEM_RESOURCE_DEFINED
/** Set once struct rte_mem_resource is defined (shared with other headers). */
#define RTE_MEM_RESOURCE_DEFINED
/** A memory region of a device: where the device decodes it and where it is mapped. */
struct rte_mem_resource {
	uint64_t phys_addr; /**< bus address, 0 if the BAR is absent or not memory */
	uint64_t len;       /**< length in bytes */
	void *addr;         /**< where it is mapped in this process, NULL when not mapped */
};
#endif

/** The kernel driver a device is bound to, as far as this bus cares. */
enum rte_pci_kernel_driver {
	RTE_PCI_KDRV_UNKNOWN,      /**< some other kernel driver (its name is in kdrv_name) */
	RTE_PCI_KDRV_IGB_UIO,      /**< igb_uio */
	RTE_PCI_KDRV_VFIO,         /**< vfio-pci */
	RTE_PCI_KDRV_UIO_GENERIC,  /**< uio_pci_generic */
	RTE_PCI_KDRV_NIC_UIO,      /**< nic_uio (FreeBSD) */
	RTE_PCI_KDRV_NONE,         /**< bound to no driver */
	RTE_PCI_KDRV_NET_UIO,      /**< netuio (Windows) */
};

struct rte_pci_driver;

/** A PCI function found by the bus scan. */
struct rte_pci_device {
	TAILQ_ENTRY(rte_pci_device) next;   /**< next device of the bus, in address order */
	struct rte_device device;           /**< generic part; device.name is name below */
	struct rte_pci_addr addr;           /**< location */
	struct rte_pci_id id;               /**< identity */
	struct rte_mem_resource mem_resource[PCI_MAX_RESOURCE]; /**< memory BARs */
	struct rte_intr_handle *intr_handle; /**< interrupt source once mapped */
	struct rte_pci_driver *driver;      /**< driver bound to it, NULL when not probed */
	uint16_t max_vfs;                   /**< SR-IOV virtual functions enabled */
	enum rte_pci_kernel_driver kdrv;    /**< kernel driver type */
	char name[PCI_PRI_STR_SIZE + 1];    /**< full PCI address */
	char *bus_info;                     /**< "vendor_id=..., device_id=..." */
	struct rte_intr_handle *vfio_req_intr_handle; /**< vfio-pci device request notifier */
	char kdrv_name[64];                 /**< name of the bound kernel driver, "" if none */
	void *map_priv;                     /**< the bus's record of what mapping acquired */
	unsigned int scan_gen;              /**< last bus scan that saw the device */
};

/**
 * An I/O port BAR opened by rte_pci_ioport_map. How base is read depends on the device's
 * kernel driver (a port number, a vfio region offset or a file): only the bus interprets it.
 */
struct rte_pci_ioport {
	struct rte_pci_device *dev; /**< device of the BAR, NULL once unmapped */
	uint64_t base;              /**< where the BAR is reached, private to the bus */
	uint64_t len;               /**< size of the BAR in bytes */
};

/** The rte_pci_device embedding a struct rte_device. */
#define RTE_DEV_TO_PCI(ptr) container_of(ptr, struct rte_pci_device, device)
/** The const rte_pci_device embedding a struct rte_device. */
#define RTE_DEV_TO_PCI_CONST(ptr) container_of(ptr, const struct rte_pci_device, device)
/** The rte_pci_device behind an ethdev (anything with a 'device' member). */
#define RTE_ETH_DEV_TO_PCI(eth_dev) RTE_DEV_TO_PCI((eth_dev)->device)

/** An id table entry matching vendor and device ids, any subsystem and class. */
#define RTE_PCI_DEVICE(vend, dev) \
	.class_id = RTE_CLASS_ANY_ID, \
	.vendor_id = (vend), \
	.device_id = (dev), \
	.subsystem_vendor_id = RTE_PCI_ANY_ID, \
	.subsystem_device_id = RTE_PCI_ANY_ID

/** Bind the driver to the device. 0; a negative errno if it cannot drive it. */
typedef int (rte_pci_probe_t)(struct rte_pci_driver *, struct rte_pci_device *);
/** Release everything the driver holds for the device. 0 or a negative errno. */
typedef int (rte_pci_remove_t)(struct rte_pci_device *);
/** Make memory outside EAL's heap reachable by the device's DMA. */
typedef int (pci_dma_map_t)(struct rte_pci_device *dev, void *addr, uint64_t iova, size_t len);
/** Undo pci_dma_map_t for the device. */
typedef int (pci_dma_unmap_t)(struct rte_pci_device *dev, void *addr, uint64_t iova, size_t len);

/** A PCI driver. */
struct rte_pci_driver {
	TAILQ_ENTRY(rte_pci_driver) next;  /**< next registered driver */
	struct rte_driver driver;          /**< generic part; driver.name is the PMD name */
	rte_pci_probe_t *probe; /**< called for each matching device */
	rte_pci_remove_t *remove; /**< NULL when there is nothing to release */
	pci_dma_map_t *dma_map; /**< optional */
	pci_dma_unmap_t *dma_unmap; /**< optional */
	const struct rte_pci_id *id_table; /**< devices it drives, ended by vendor_id 0 */
	uint32_t drv_flags;                /**< RTE_PCI_DRV_* */
};

/** The bus maps the BARs before probe (and unmaps them after remove). */
#define RTE_PCI_DRV_NEED_MAPPING 0x0001
/** Map prefetchable BARs write-combined where the kernel driver allows it. */
#define RTE_PCI_DRV_WC_ACTIVATE 0x0002
/** An already probed device may be probed again. */
#define RTE_PCI_DRV_PROBE_AGAIN 0x0004
/** The driver handles link state change interrupts. */
#define RTE_PCI_DRV_INTR_LSC 0x0008
/** The driver handles device removal interrupts. */
#define RTE_PCI_DRV_INTR_RMV 0x0010
/** Keep the mapping when probe finds the device unsupported. */
#define RTE_PCI_DRV_KEEP_MAPPED_RES 0x0020
/** The driver works only with IOVA as VA. */
#define RTE_PCI_DRV_NEED_IOVA_AS_VA 0x0040
/**
 * The driver can release a device while the application runs (hotplug detach). Without it
 * rte_dev_remove refuses with -ENOTSUP. Bit 12: unused by DPDK 22.11's flags above.
 */
#define RTE_PCI_DRV_DETACHABLE 0x1000

/** Register a driver with the PCI bus (done by RTE_PMD_REGISTER_PCI). */
void rte_pci_register(struct rte_pci_driver *driver);
/** Remove a registered driver. */
void rte_pci_unregister(struct rte_pci_driver *driver);

/*
 * Driver metadata for dpdk-pmdinfo (rte_pmd_info.h): the name, the id table (with its layout)
 * and the kernel modules the devices must be bound to.
 */
#undef RTE_PMD_REGISTER_PCI_TABLE
/** Record the id table of driver name for dpdk-pmdinfo. */
#define RTE_PMD_REGISTER_PCI_TABLE(name, table) RTE_PMD_INFO_PCI_TABLE(name, table)
#undef RTE_PMD_REGISTER_KMOD_DEP
/** Record the kernel modules (str) the devices of driver name must be bound to. */
#define RTE_PMD_REGISTER_KMOD_DEP(name, str) RTE_PMD_INFO_KMOD_DEP(name, str)
/** Register pci_drv under the name nm when the program (or the driver library) loads. */
#define RTE_PMD_REGISTER_PCI(nm, pci_drv) \
RTE_INIT(pciinitfn_ ##nm) \
{ \
	(pci_drv).driver.name = RTE_STR(nm); \
	rte_pci_register(&(pci_drv)); \
} \
RTE_PMD_EXPORT_NAME(nm)

#ifdef __cplusplus
}
#endif

#endif /* _BUS_PCI_DRIVER_H_ */
