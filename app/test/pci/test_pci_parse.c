/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Unit tests of the PCI bus's parsers (addresses, sysfs values, the resource table, the
 * iommu_group link) and of reading one device folder, on a fake sysfs tree. No EAL needed.
 */
#include "test_common.h"

#include <limits.h>
#include <unistd.h>

#include "pci_private.h"
#include "pci_fake_sysfs.h"

int pci_logtype; /* pci_sysfs.c logs through it; 0 is EAL's own type */

static char root[PATH_MAX];

static const struct fake_pci_dev good = {
	.addr = "0000:00:03.0", .vendor = 0x8086, .device = 0x100e,
	.sub_vendor = 0x1af4, .sub_device = 0x1100, .driver = "uio_pci_generic", .uio_num = 3,
	.iommu_group = 9, .bar0_phys = 0xfebc0000, .bar0_len = 0x20000, .bar0_value = 1,
};

static void
test_addr_parse_valid(void **state)
{
	static const struct {
		const char *s;
		uint32_t domain;
		uint8_t bus, dev, fn;
	} ok[] = {
		{ "0000:01:00.0", 0, 1, 0, 0 },
		{ "01:00.0", 0, 1, 0, 0 },
		{ "ffff:ff:1f.7", 0xffff, 0xff, 0x1f, 7 },
		{ "0000:0A:1F.7", 0, 0xa, 0x1f, 7 },
		{ "12345678:00:02.1", 0x12345678, 0, 2, 1 },
		{ "1:2:3.4", 1, 2, 3, 4 },
		{ "a:1.2", 0, 0xa, 1, 2 },
	};
	struct rte_pci_addr a;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(ok); i++) {
		memset(&a, 0xaa, sizeof(a));
		assert_int_equal(rte_pci_addr_parse(ok[i].s, &a), 0);
		assert_int_equal(a.domain, ok[i].domain);
		assert_int_equal(a.bus, ok[i].bus);
		assert_int_equal(a.devid, ok[i].dev);
		assert_int_equal(a.function, ok[i].fn);
	}
}

static void
test_addr_parse_invalid(void **state)
{
	static const char *const bad[] = {
		"", ":", "0000:01:00", "0000:01:20.0", "0000:01:00.8", "123456789:00:00.0",
		"0000:001:00.0", "001:00.0", "01:00.0 ", " 01:00.0", "01:00.0,x=1", "net_null0",
		"0000:01:00.0.0", "0x01:00.0", "0000:01:00.", "0000::00.0", "01:00.00",
		"0000:01:00:0", "g0:00.0", "0000:01.00.0", "-1:00.0",
	};
	struct rte_pci_addr a = { 0 };
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad); i++) {
		if (rte_pci_addr_parse(bad[i], &a) == 0)
			fail_msg("'%s' accepted as a PCI address", bad[i]);
	}
	assert_int_equal(rte_pci_addr_parse(NULL, &a), -1);
	assert_int_equal(rte_pci_addr_parse("01:00.0", NULL), -1);
	/* a prefix of a longer string, as the devargs parser hands it over */
	assert_int_equal(pci_parse_addr("01:00.0,k=v", 7, &a), 0);
	assert_int_equal(a.bus, 1);
}

static void
test_addr_format_cmp(void **state)
{
	struct rte_pci_addr a = { .domain = 0, .bus = 1, .devid = 0x1f, .function = 7 };
	struct rte_pci_addr b = { .domain = 1, .bus = 0, .devid = 0, .function = 0 };
	struct rte_pci_addr c;
	char name[PCI_PRI_STR_SIZE];
	char small[5];

	(void)state;
	rte_pci_device_name(&a, name, sizeof(name));
	assert_string_equal(name, "0000:01:1f.7");
	assert_int_equal(rte_pci_addr_parse(name, &c), 0);
	assert_int_equal(rte_pci_addr_cmp(&a, &c), 0);
	rte_pci_device_name(&a, small, sizeof(small));
	assert_string_equal(small, "0000");
	assert_true(rte_pci_addr_cmp(&a, &b) < 0);
	assert_true(rte_pci_addr_cmp(&b, &a) > 0);
	c.function = 6;
	assert_true(rte_pci_addr_cmp(&c, &a) < 0);
	assert_int_equal(rte_pci_addr_cmp(NULL, &a), -1);
	b.domain = 0xffffffff;
	rte_pci_device_name(&b, name, sizeof(name));
	assert_string_equal(name, "ffffffff:00:00.0");
}

static void
test_sysfs_value(void **state)
{
	static const char *const bad[] = {
		"", "\n", "-1\n", "0x", "0x\n", "0xzz\n", "80 86\n", "0x8086garbage\n",
		" 0x8086\n", "+1\n", "0x1ffffffffffffffff\n", "99999999999999999999999\n",
	};
	uint64_t v = 0;
	unsigned int i;

	(void)state;
	assert_int_equal(pci_parse_sysfs_value("0x8086\n", 0xffff, &v), 0);
	assert_int_equal(v, 0x8086);
	assert_int_equal(pci_parse_sysfs_value("12\n", 0xffff, &v), 0);
	assert_int_equal(v, 12);
	assert_int_equal(pci_parse_sysfs_value("0x020000", 0xffffff, &v), 0);
	assert_int_equal(v, 0x20000);
	assert_int_equal(pci_parse_sysfs_value("0x10000\n", 0xffff, &v), -EINVAL);
	for (i = 0; i < RTE_DIM(bad); i++)
		if (pci_parse_sysfs_value(bad[i], UINT64_MAX, &v) == 0)
			fail_msg("sysfs value '%s' accepted", bad[i]);
	assert_int_equal(pci_parse_sysfs_value(NULL, 1, &v), -EINVAL);
}

static void
test_resource_line(void **state)
{
	uint64_t s, e, f;

	(void)state;
	assert_int_equal(pci_parse_resource_line(
		"0x00000000febc0000 0x00000000febdffff 0x0000000000040200\n", &s, &e, &f), 0);
	assert_int_equal(s, 0xfebc0000);
	assert_int_equal(e, 0xfebdffff);
	assert_int_equal(f, 0x40200);
	assert_int_equal(pci_parse_resource_line("0x1 0x2 0x3", &s, &e, &f), 0);
	assert_int_not_equal(pci_parse_resource_line("0x1 0x2\n", &s, &e, &f), 0);
	assert_int_not_equal(pci_parse_resource_line("1 0x2 0x3\n", &s, &e, &f), 0);
	assert_int_not_equal(pci_parse_resource_line("0x1 0x2 0x3 junk\n", &s, &e, &f), 0);
	assert_int_not_equal(pci_parse_resource_line("0x 0x2 0x3\n", &s, &e, &f), 0);
	assert_int_not_equal(pci_parse_resource_line(
		"0x10000000000000000 0x2 0x3\n", &s, &e, &f), 0);
	assert_int_not_equal(pci_parse_resource_line("0x1\t0x2 0x3\n", &s, &e, &f), 0);
	assert_int_not_equal(pci_parse_resource_line("", &s, &e, &f), 0);
}

static void
build_table(char *buf, size_t size, int lines, const char *bad_line, int bad_at)
{
	int i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < lines; i++) {
		if (i == bad_at)
			n += snprintf(buf + n, size - n, "%s\n", bad_line);
		else if (i == 0)
			n += snprintf(buf + n, size - n, "0x%016x 0x%016x 0x%016x\n", 0xfebc0000,
				0xfebdffff, 0x40200);
		else if (i == 1)
			n += snprintf(buf + n, size - n, "0x%016x 0x%016x 0x%016x\n", 0xc000,
				0xc03f, 0x40101);
		else
			n += snprintf(buf + n, size - n, "0x%016x 0x%016x 0x%016x\n", 0, 0, 0);
	}
}

static void
test_resource_table(void **state)
{
	struct rte_mem_resource res[PCI_MAX_RESOURCE];
	char buf[2048];

	(void)state;
	build_table(buf, sizeof(buf), 13, NULL, -1);
	assert_int_equal(pci_parse_resource_table(buf, res), 0);
	assert_int_equal(res[0].phys_addr, 0xfebc0000);
	assert_int_equal(res[0].len, 0x20000);
	assert_int_equal(res[1].len, 0); /* I/O ports are not memory */
	assert_int_equal(res[5].len, 0);

	memset(res, 0x5a, sizeof(res));
	build_table(buf, sizeof(buf), 3, NULL, -1);
	assert_int_equal(pci_parse_resource_table(buf, res), -4);
	assert_int_equal(res[0].len, 0x5a5a5a5a5a5a5a5aULL); /* untouched on failure */
	build_table(buf, sizeof(buf), 7, "garbage", 1);
	assert_int_equal(pci_parse_resource_table(buf, res), -2);
	build_table(buf, sizeof(buf), 7, "0x0000000000002000 0x0000000000001000 0x200", 2);
	assert_int_equal(pci_parse_resource_table(buf, res), -3);
	assert_int_equal(pci_parse_resource_table("", res), -1);
	assert_int_equal(pci_parse_resource_table(NULL, res), -1);
}

static void
test_group_link(void **state)
{
	int g = -1;

	(void)state;
	assert_int_equal(pci_parse_group_link("../../../kernel/iommu_groups/9", &g), 0);
	assert_int_equal(g, 9);
	assert_int_equal(pci_parse_group_link("12", &g), 0);
	assert_int_equal(g, 12);
	assert_int_not_equal(pci_parse_group_link("../iommu_groups/", &g), 0);
	assert_int_not_equal(pci_parse_group_link("../iommu_groups/9a", &g), 0);
	assert_int_not_equal(pci_parse_group_link("../iommu_groups/-1", &g), 0);
	assert_int_not_equal(pci_parse_group_link("../iommu_groups/99999999999", &g), 0);
	assert_int_not_equal(pci_parse_group_link("", &g), 0);
	assert_int_not_equal(pci_parse_group_link(NULL, &g), 0);
}

static void
test_kdrv_names(void **state)
{
	(void)state;
	assert_int_equal(pci_kdrv_from_name("vfio-pci"), RTE_PCI_KDRV_VFIO);
	assert_int_equal(pci_kdrv_from_name("igb_uio"), RTE_PCI_KDRV_IGB_UIO);
	assert_int_equal(pci_kdrv_from_name("uio_pci_generic"), RTE_PCI_KDRV_UIO_GENERIC);
	assert_int_equal(pci_kdrv_from_name("e1000"), RTE_PCI_KDRV_UNKNOWN);
	assert_int_equal(pci_kdrv_from_name(""), RTE_PCI_KDRV_NONE);
	assert_int_equal(pci_kdrv_from_name(NULL), RTE_PCI_KDRV_NONE);
}

static int
scan_dir(const char *addr, struct rte_pci_device *dev)
{
	struct rte_pci_addr a;
	char dir[PATH_MAX];

	memset(dev, 0, sizeof(*dev));
	if (rte_pci_addr_parse(addr, &a) < 0)
		return -100;
	fake_dev_path(root, addr, NULL, dir, sizeof(dir));
	return pci_scan_one(dir, &a, dev);
}

static void
test_scan_one_good(void **state)
{
	struct rte_pci_device dev;
	char dir[PATH_MAX];
	int n = -1;

	(void)state;
	assert_int_equal(scan_dir(good.addr, &dev), 0);
	assert_string_equal(dev.name, "0000:00:03.0");
	assert_int_equal(dev.id.vendor_id, 0x8086);
	assert_int_equal(dev.id.device_id, 0x100e);
	assert_int_equal(dev.id.subsystem_vendor_id, 0x1af4);
	assert_int_equal(dev.id.subsystem_device_id, 0x1100);
	assert_int_equal(dev.id.class_id, 0x020000);
	assert_int_equal(dev.device.numa_node, -1);
	assert_int_equal(dev.mem_resource[0].phys_addr, 0xfebc0000);
	assert_int_equal(dev.mem_resource[0].len, 0x20000);
	assert_int_equal(dev.kdrv, RTE_PCI_KDRV_UIO_GENERIC);
	assert_string_equal(dev.kdrv_name, "uio_pci_generic");
	assert_int_equal(dev.max_vfs, 0);

	fake_dev_path(root, good.addr, NULL, dir, sizeof(dir));
	fake_writef(dir, "numa_node", "1\n");
	fake_writef(dir, "sriov_numvfs", "4\n");
	fake_set_driver(root, good.addr, "e1000");
	assert_int_equal(scan_dir(good.addr, &dev), 0);
	assert_int_equal(dev.device.numa_node, 1);
	assert_int_equal(dev.max_vfs, 4);
	assert_int_equal(dev.kdrv, RTE_PCI_KDRV_UNKNOWN);
	assert_string_equal(dev.kdrv_name, "e1000");
	fake_set_driver(root, good.addr, NULL);
	assert_int_equal(scan_dir(good.addr, &dev), 0);
	assert_int_equal(dev.kdrv, RTE_PCI_KDRV_NONE);
	assert_string_equal(dev.kdrv_name, "");

	assert_int_equal(pci_uio_number(dir, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(pci_iommu_group(dir, &n), 0);
	assert_int_equal(n, 9);
}

/* Each malformed variant of a device folder is refused, whatever is wrong with it. */
static void
test_scan_one_malformed(void **state)
{
	static const struct {
		const char *file;
		const char *content; /* NULL: delete the file */
	} bad[] = {
		{ "vendor", "garbage\n" }, { "vendor", "" }, { "vendor", NULL },
		{ "device", "0x1000000\n" }, { "device", NULL }, { "subsystem_vendor", "0x\n" },
		{ "subsystem_device", NULL }, { "class", "-2\n" }, { "class", "0x1000000\n" },
		{ "numa_node", "zero\n" }, { "sriov_numvfs", "lots\n" }, { "resource", "" },
		{ "resource", "garbage\n" }, { "resource", NULL },
		{ "resource", "0x1 0x2 0x200\n0x3 0x4 0x200\n" },
		{ "resource", "0x0000000000002000 0x0000000000001000 0x200\n" },
	};
	static const struct fake_pci_dev base = {
		.addr = "0000:00:0a.0", .vendor = 0x8086, .device = 0x100e,
		.driver = "uio_pci_generic", .uio_num = -1, .iommu_group = -1,
		.bar0_phys = 0xfe000000, .bar0_len = 0x1000,
	};
	struct rte_pci_device dev;
	char dir[PATH_MAX], path[PATH_MAX + 32];
	unsigned int i;
	int fds = test_count_fds();

	(void)state;
	fake_dev_path(root, base.addr, NULL, dir, sizeof(dir));
	for (i = 0; i < RTE_DIM(bad); i++) {
		assert_int_equal(fake_sysfs_add(root, &base), 0);
		assert_int_equal(scan_dir(base.addr, &dev), 0);
		snprintf(path, sizeof(path), "%s/%s", dir, bad[i].file);
		if (bad[i].content == NULL)
			unlink(path);
		else
			fake_write(path, bad[i].content, strlen(bad[i].content));
		if (scan_dir(base.addr, &dev) >= 0)
			fail_msg("%s = '%s' accepted", bad[i].file,
				bad[i].content != NULL ? bad[i].content : "(missing)");
		fake_sysfs_destroy(dir);
	}
	assert_int_equal(test_count_fds(), fds);
}

static void
test_links_missing(void **state)
{
	static const struct fake_pci_dev d = {
		.addr = "0000:00:0b.0", .vendor = 0x8086, .device = 0x100e, .driver = "vfio-pci",
		.uio_num = -1, .iommu_group = -1, .bar0_phys = 0xfe000000, .bar0_len = 0x1000,
	};
	char dir[PATH_MAX], path[PATH_MAX + 32];
	int n = 0;

	(void)state;
	assert_int_equal(fake_sysfs_add(root, &d), 0);
	fake_dev_path(root, d.addr, NULL, dir, sizeof(dir));
	assert_int_equal(pci_iommu_group(dir, &n), -ENOENT);
	assert_int_equal(pci_uio_number(dir, &n), -ENOENT);
	snprintf(path, sizeof(path), "%s/iommu_group", dir);
	assert_int_equal(symlink("../../kernel/iommu_groups/x1", path), 0);
	assert_int_equal(pci_iommu_group(dir, &n), -EINVAL);
	snprintf(path, sizeof(path), "%s/uio/uiox", dir);
	fake_mkdirs(path);
	assert_int_equal(pci_uio_number(dir, &n), -ENOENT);
	/* a driver link without a name at its end */
	snprintf(path, sizeof(path), "%s/driver", dir);
	unlink(path);
	assert_int_equal(symlink("../../drivers/", path), 0);
	{
		struct rte_pci_device dev;

		assert_int_equal(scan_dir(d.addr, &dev), -EINVAL);
	}
}

/* The machine's own sysfs: every device folder the kernel made must parse. */
static void
test_real_sysfs(void **state)
{
	const char *sysfs = "/sys/bus/pci/devices";
	struct rte_pci_device dev;
	struct rte_pci_addr a;
	char dir[PATH_MAX + 300];
	struct dirent *e;
	int n = 0;
	DIR *d;

	(void)state;
	d = opendir(sysfs);
	if (d == NULL) {
		print_message("no %s on this machine\n", sysfs);
		skip();
	}
	while ((e = readdir(d)) != NULL) {
		if (rte_pci_addr_parse(e->d_name, &a) != 0)
			continue;
		snprintf(dir, sizeof(dir), "%s/%s", sysfs, e->d_name);
		memset(&dev, 0, sizeof(dev));
		if (pci_scan_one(dir, &a, &dev) != 0)
			fail_msg("%s does not parse", dir);
		assert_int_not_equal(dev.id.vendor_id, 0);
		print_message("%s %04x:%04x class %06x driver %s BAR0 len 0x%" PRIx64 "\n",
			dev.name, dev.id.vendor_id, dev.id.device_id, dev.id.class_id,
			dev.kdrv_name[0] != '\0' ? dev.kdrv_name : "(none)",
			dev.mem_resource[0].len);
		n++;
	}
	closedir(d);
	if (n == 0) {
		print_message("no PCI devices in %s\n", sysfs);
		skip();
	}
}

static int
setup(void **state)
{
	(void)state;
	if (fake_sysfs_create(root, sizeof(root)) < 0)
		return -1;
	return fake_sysfs_add(root, &good);
}

static int
teardown(void **state)
{
	(void)state;
	fake_sysfs_destroy(root);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addr_parse_valid),
		cmocka_unit_test(test_addr_parse_invalid),
		cmocka_unit_test(test_addr_format_cmp),
		cmocka_unit_test(test_sysfs_value),
		cmocka_unit_test(test_resource_line),
		cmocka_unit_test(test_resource_table),
		cmocka_unit_test(test_group_link),
		cmocka_unit_test(test_kdrv_names),
		cmocka_unit_test(test_scan_one_good),
		cmocka_unit_test(test_scan_one_malformed),
		cmocka_unit_test(test_links_missing),
		cmocka_unit_test(test_real_sysfs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
