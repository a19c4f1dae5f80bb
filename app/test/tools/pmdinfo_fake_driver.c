/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Two drivers that exist only to carry metadata for the dpdk-pmdinfo tests: one PCI driver
 * whose id table has the usual struct rte_pci_id layout, one virtual driver with an alias and
 * device arguments, and a second PCI driver whose table uses another layout, which the tools
 * must read through the layout the compiler recorded.
 */
#include <stdint.h>

#include <rte_pmd_info.h>

struct rte_pci_id {
	uint32_t class_id;
	uint16_t vendor_id;
	uint16_t device_id;
	uint16_t subsystem_vendor_id;
	uint16_t subsystem_device_id;
};

static const struct rte_pci_id fake_pci_map[] = {
	{ .vendor_id = 0x8086, .device_id = 0x100e,
	  .subsystem_vendor_id = 0xffff, .subsystem_device_id = 0xffff },
	{ .vendor_id = 0x8086, .device_id = 0x10d3,
	  .subsystem_vendor_id = 0x1af4, .subsystem_device_id = 0x1100 },
	{ .vendor_id = 0 },
};

RTE_PMD_EXPORT_NAME(net_fake_pci);
RTE_PMD_INFO_PCI_TABLE(net_fake_pci, fake_pci_map);
RTE_PMD_INFO_KMOD_DEP(net_fake_pci, "* igb_uio | uio_pci_generic | vfio-pci");

RTE_PMD_EXPORT_NAME(net_fake_vdev);
RTE_PMD_INFO_ALIAS(net_fake_vdev, eth_fake);
RTE_PMD_INFO_PARAM_STRING(net_fake_vdev, "size=<int> " "mode=\"fast|slow\"");

/* Fields in another order, with padding: nothing may assume DPDK's layout. */
struct odd_pci_id {
	uint8_t flags;
	uint16_t subsystem_device_id;
	uint64_t cookie;
	uint16_t device_id;
	uint16_t vendor_id;
	uint16_t subsystem_vendor_id;
};

static const struct odd_pci_id odd_pci_map[] = {
	{ .vendor_id = 0x1af4, .device_id = 0x1041, .subsystem_vendor_id = 0x1af4,
	  .subsystem_device_id = 0x0001, .cookie = 0x0101010101010101 },
	{ .vendor_id = 0 },
	/* after the end marker: must not be listed */
	{ .vendor_id = 0x1234, .device_id = 0x5678 },
};

RTE_PMD_EXPORT_NAME(net_fake_odd);
RTE_PMD_INFO_PCI_TABLE(net_fake_odd, odd_pci_map);

/* The tables are used, as a real driver's would be through its rte_pci_driver. */
const void *pmdinfo_fake_tables[] = { fake_pci_map, odd_pci_map };

/* DPDK's two-argument spelling names the driver the same way. */
RTE_PMD_EXPORT_NAME(net_fake_dpdk_style, __COUNTER__);
