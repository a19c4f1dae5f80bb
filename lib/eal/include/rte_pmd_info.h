/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef RTE_PMD_INFO_H
#define RTE_PMD_INFO_H

/**
 * @file
 * Driver metadata markers.
 *
 * The bus registration macros (RTE_PMD_REGISTER_VDEV, RTE_PMD_REGISTER_PCI and their
 * companions) call these so that every driver object carries a description of itself that
 * tools can read without running it: its name, PCI id table, kernel module dependencies,
 * device arguments and alias. Each marker is a constant string "RTE_PMD_<KIND>=<name>[:<value>]"
 * placed in the ELF section ::RTE_PMD_INFO_SECTION. At build time buildtools/gen-pmdinfo.py
 * turns the markers of a driver into one JSON string ("PMD_INFO_STRING= {...}") in the same
 * section, which usertools/dpdk-pmdinfo.py prints. doc/guides/contributing/pmdinfo.rst
 * describes the format.
 *
 * A driver name must be a C identifier (it names the marker variables) and is registered once
 * per translation unit with each macro.
 */

#include <stddef.h>
#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** ELF section that holds the markers and the generated PMD_INFO_STRING strings. */
#define RTE_PMD_INFO_SECTION ".rte_pmd_info"

/** Attributes of a marker: kept although unreferenced, packed without padding. */
#define __rte_pmd_info __rte_used __attribute__((section(RTE_PMD_INFO_SECTION), aligned(1)))

/**
 * Record the name of a driver.
 *
 * Takes the driver name, a C identifier such as net_null (not a string). DPDK's two-argument
 * form RTE_PMD_EXPORT_NAME(name, idx) is accepted too; the index is not needed here, since
 * the marker is named after the driver.
 */
#define RTE_PMD_EXPORT_NAME(...) RTE_PMD_EXPORT_NAME_FIRST_(__VA_ARGS__, unused)

/** Helper of RTE_PMD_EXPORT_NAME: uses the first argument only. */
#define RTE_PMD_EXPORT_NAME_FIRST_(name, ...) \
static const char rte_pmd_info_name_ ## name[] __rte_pmd_info = \
	"RTE_PMD_NAME=" RTE_STR(name)

/**
 * Record the PCI id table of a driver.
 *
 * Besides the marker string, which names the table's symbol, this emits the table's layout
 * (entry size, field offsets and entry count, as computed by the compiler) in the array
 * rte_pmd_info_pci_layout_<name>, so the build-time reader never assumes a struct layout.
 * The table must be an array of struct rte_pci_id visible in this translation unit and
 * end with an entry whose vendor_id is 0.
 *
 * @param name
 *   Driver name, a C identifier.
 * @param table
 *   The id table array (an identifier).
 */
#define RTE_PMD_INFO_PCI_TABLE(name, table) \
static const char rte_pmd_info_pci_ ## name[] __rte_pmd_info = \
	"RTE_PMD_PCI_TABLE=" RTE_STR(name) ":" RTE_STR(table); \
static const uint16_t rte_pmd_info_pci_layout_ ## name[] __rte_used = { \
	sizeof((table)[0]), \
	offsetof(__typeof__((table)[0]), vendor_id), \
	offsetof(__typeof__((table)[0]), device_id), \
	offsetof(__typeof__((table)[0]), subsystem_vendor_id), \
	offsetof(__typeof__((table)[0]), subsystem_device_id), \
	sizeof(table) / sizeof((table)[0]), \
}

/**
 * Record the kernel modules a PCI driver needs a device bound to.
 *
 * @param name
 *   Driver name, a C identifier.
 * @param str
 *   String literal, e.g. "* igb_uio | uio_pci_generic | vfio-pci".
 */
#define RTE_PMD_INFO_KMOD_DEP(name, str) \
static const char rte_pmd_info_kmod_ ## name[] __rte_pmd_info = \
	"RTE_PMD_KMOD_DEP=" RTE_STR(name) ":" str

/**
 * Record the device arguments a driver accepts.
 *
 * @param name
 *   Driver name, a C identifier.
 * @param str
 *   String literal listing the arguments, e.g. "rx_pcap=<string> tx_pcap=<string>".
 */
#define RTE_PMD_INFO_PARAM_STRING(name, str) \
static const char rte_pmd_info_params_ ## name[] __rte_pmd_info = \
	"RTE_PMD_PARAM_STRING=" RTE_STR(name) ":" str

/**
 * Record another name a driver answers to.
 *
 * @param name
 *   Driver name, a C identifier.
 * @param alias
 *   The alias, a C identifier such as eth_pcap (not a string).
 */
#define RTE_PMD_INFO_ALIAS(name, alias) \
static const char rte_pmd_info_alias_ ## name[] __rte_pmd_info = \
	"RTE_PMD_ALIAS=" RTE_STR(name) ":" RTE_STR(alias)

#ifdef __cplusplus
}
#endif

#endif /* RTE_PMD_INFO_H */
