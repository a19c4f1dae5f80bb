/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target for the PCI bus's parsers: PCI addresses, sysfs values, the sysfs
 * resource table and the iommu_group link. Every input goes through all of them; a parsed
 * address must format and parse back to itself, and an accepted resource table must describe
 * BARs that do not wrap around.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>

#include "pci_private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rte_mem_resource res[PCI_MAX_RESOURCE];
	struct rte_pci_addr a, b;
	char name[PCI_PRI_STR_SIZE];
	uint64_t v, s, e, f;
	char *str;
	int group, i;

	str = malloc(size + 1);
	if (str == NULL)
		return 0;
	memcpy(str, data, size);
	str[size] = '\0';

	/* the length-bounded form must not read past size, even without a terminator */
	if (pci_parse_addr((const char *)data, size, &a) == 0) {
		rte_pci_device_name(&a, name, sizeof(name));
		if (rte_pci_addr_parse(name, &b) != 0 || rte_pci_addr_cmp(&a, &b) != 0)
			abort();
		if (a.devid > 0x1f || a.function > 7)
			abort();
	}
	if (rte_pci_addr_parse(str, &a) == 0 && strlen(str) >= PCI_PRI_STR_SIZE)
		abort();

	if (pci_parse_sysfs_value(str, 0xffff, &v) == 0 && v > 0xffff)
		abort();
	pci_parse_sysfs_value(str, UINT64_MAX, &v);
	if (pci_parse_resource_line(str, &s, &e, &f) == 0 && str[0] != '0')
		abort();
	if (pci_parse_resource_table(str, res) == 0) {
		for (i = 0; i < PCI_MAX_RESOURCE; i++)
			if (res[i].len != 0 && res[i].phys_addr + (res[i].len - 1) < res[i].phys_addr)
				abort();
	}
	if (pci_parse_group_link(str, &group) == 0 && group < 0)
		abort();
	pci_kdrv_from_name(str);
	free(str);
	return 0;
}
