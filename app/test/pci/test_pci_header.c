/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_pci.h on its own, as DPDK applications include it: addresses, ids, capability macros. */
#include "test_common.h"

#include <rte_pci.h>

static void
test_addresses(void **state)
{
	struct rte_pci_addr a, b = { .domain = 0x10000, .bus = 0x3b, .devid = 0x1f, .function = 7 };
	char name[PCI_PRI_STR_SIZE];

	(void)state;
	assert_int_equal(rte_pci_addr_parse("0000:01:00.1", &a), 0);
	assert_int_equal(a.domain, 0);
	assert_int_equal(a.bus, 1);
	assert_int_equal(a.devid, 0);
	assert_int_equal(a.function, 1);
	assert_int_equal(rte_pci_addr_parse("3b:1f.7", &a), 0);
	assert_int_equal(a.bus, 0x3b);
	assert_int_equal(rte_pci_addr_parse("not-an-address", &a), -1);
	assert_true(rte_pci_addr_cmp(&a, &b) < 0);
	rte_pci_device_name(&b, name, sizeof(name));
	assert_string_equal(name, "10000:3b:1f.7");
	snprintf(name, sizeof(name), PCI_SHORT_PRI_FMT, a.bus, a.devid, a.function);
	assert_string_equal(name, "3b:1f.7");
}

static void
test_constants(void **state)
{
	struct rte_pci_id any = {
		.class_id = RTE_CLASS_ANY_ID, .vendor_id = RTE_PCI_ANY_ID,
		.device_id = RTE_PCI_ANY_ID, .subsystem_vendor_id = RTE_PCI_ANY_ID,
		.subsystem_device_id = RTE_PCI_ANY_ID,
	};
	uint32_t header = 0x14010010; /* SR-IOV, version 1, next at 0x140 */

	(void)state;
	assert_int_equal(any.vendor_id, 0xffff);
	assert_int_equal(RTE_PCI_EXT_CAP_ID(header), RTE_PCI_EXT_CAP_ID_SRIOV);
	assert_int_equal(RTE_PCI_EXT_CAP_NEXT(header), 0x140);
	assert_int_equal(RTE_PCI_CFG_SPACE_EXP_SIZE, 4096);
	assert_int_equal(RTE_PCI_SRIOV_VF_DID, 0x1a);
	assert_int_equal(PCI_MAX_RESOURCE, 6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_constants),
	};

	return cmocka_run_group_tests_name("pci_header", tests, NULL, NULL);
}
