/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The PCI bus end to end on a fake sysfs tree: scan, probe at start-up with -a/-b/--no-pci,
 * attach and detach through rte_dev_probe/rte_dev_remove for uio_pci_generic and igb_uio,
 * refusals (kernel NIC driver, no driver, no uio device, no VFIO, malformed folders,
 * non-detachable driver), surprise removal, and leak checks over 10,000 cycles.
 */
#include "test_common.h"

#include <errno.h>
#include <limits.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_log.h>
#include <bus_driver.h>
#include <rte_bus_pci.h>
#include <bus_pci_driver.h>

#include "pci_fake_sysfs.h"

#define VAL_GENERIC 0x12345678u
#define VAL_IGB 0x87654321u
#define VAL_NODETACH 0x0d0d0d0du

static char root[PATH_MAX];

static const struct fake_pci_dev devs[] = {
	{ "0000:00:03.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", 0, -1,
		0xfe000000, 0x20000, VAL_GENERIC },
	{ "0000:00:04.0", 0x8086, 0x100e, 0x8086, 0x1, "igb_uio", 1, -1,
		0xfe100000, 0x20000, VAL_IGB },
	{ "0000:00:05.0", 0x8086, 0x100e, 0x8086, 0x1, "e1000", -1, -1,
		0xfe200000, 0x20000, 5 },
	{ "0000:00:06.0", 0x8086, 0x100e, 0x8086, 0x1, NULL, -1, -1, 0xfe300000, 0x20000, 6 },
	{ "0000:00:07.0", 0x8086, 0x100e, 0x8086, 0x1, "vfio-pci", -1, 7,
		0xfe400000, 0x20000, 7 },
	{ "0000:00:08.0", 0x8086, 0x10d3, 0x8086, 0x1, "uio_pci_generic", 2, -1,
		0xfe500000, 0x20000, VAL_NODETACH },
	{ "0000:00:09.0", 0x1234, 0x5678, 0x8086, 0x1, "uio_pci_generic", 3, -1,
		0xfe600000, 0x1000, 9 },
	{ "0000:00:0e.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", 5, -1,
		0xfe700000, 0x1000, 0xe },
	{ "0000:00:0f.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", -1, -1,
		0xfe800000, 0x1000, 0xf },
	{ "0000:00:11.0", 0x8086, 0x100e, 0x8086, 0xdead, "uio_pci_generic", 4, -1,
		0xfe900000, 0x1000, 0x11 },
	/* made malformed by build_tree() */
	{ "0000:00:0a.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", 6, -1,
		0xfea00000, 0x1000, 0xa },
	{ "0000:00:0b.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", 7, -1,
		0xfeb00000, 0x1000, 0xb },
	{ "0000:00:0c.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", 8, -1,
		0xfec00000, 0x1000, 0xc },
	{ "0000:00:0d.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", 9, -1,
		0xfed00000, 0x1000, 0xd },
};

/* ---- the test drivers ---- */

struct probe_rec {
	char name[PCI_PRI_STR_SIZE];
	uint32_t value;
	int probes, removes;
	char args[64];
};
static struct probe_rec recs[32];

static struct probe_rec *
rec(const char *name)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(recs); i++) {
		if (strcmp(recs[i].name, name) == 0)
			return &recs[i];
		if (recs[i].name[0] == '\0') {
			snprintf(recs[i].name, sizeof(recs[i].name), "%s", name);
			return &recs[i];
		}
	}
	return &recs[RTE_DIM(recs) - 1];
}

static int
fake_probe(struct rte_pci_driver *drv, struct rte_pci_device *dev)
{
	struct probe_rec *r = rec(dev->name);

	(void)drv;
	r->probes++;
	if (dev->id.subsystem_device_id == 0xdead)
		return -EIO;
	if (dev->mem_resource[0].addr == NULL)
		return -EFAULT;
	r->value = *(volatile uint32_t *)dev->mem_resource[0].addr;
	r->args[0] = '\0';
	if (dev->device.devargs != NULL && dev->device.devargs->args != NULL)
		snprintf(r->args, sizeof(r->args), "%s", dev->device.devargs->args);
	return 0;
}

static int
fake_remove(struct rte_pci_device *dev)
{
	rec(dev->name)->removes++;
	return 0;
}

static const struct rte_pci_id fake_ids[] = {
	{ RTE_PCI_DEVICE(0x8086, 0x100e) },
	{ .vendor_id = 0 },
};
static struct rte_pci_driver fake_drv = {
	.probe = fake_probe,
	.remove = fake_remove,
	.id_table = fake_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_DETACHABLE,
};
RTE_PMD_REGISTER_PCI(net_fake_pci, fake_drv);
RTE_PMD_REGISTER_PCI_TABLE(net_fake_pci, fake_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_fake_pci, "* igb_uio | uio_pci_generic | vfio-pci");

static const struct rte_pci_id nodetach_ids[] = {
	{ RTE_PCI_DEVICE(0x8086, 0x10d3) },
	{ .vendor_id = 0 },
};
static struct rte_pci_driver nodetach_drv = {
	.probe = fake_probe,
	.remove = fake_remove,
	.id_table = nodetach_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING,
};
RTE_PMD_REGISTER_PCI(net_fake_pci_nodetach, nodetach_drv);

/* ---- helpers ---- */

static int
cmp_name(const struct rte_device *dev, const void *name)
{
	return strcmp(dev->name, name);
}

static struct rte_bus *
pci_bus(void)
{
	return rte_bus_find_by_name("pci");
}

static struct rte_pci_device *
find_pci(const char *name)
{
	struct rte_device *d = pci_bus()->find_device(NULL, cmp_name, name);

	return d != NULL ? RTE_DEV_TO_PCI(d) : NULL;
}

static void
dev_file(const char *addr, const char *file, char *out, size_t size)
{
	fake_dev_path(root, addr, file, out, size);
}

/* Log capture: EAL's log goes to a temporary file while a check runs. */
static FILE *logf_;

static void
log_capture_start(void)
{
	logf_ = tmpfile();
	rte_openlog_stream(logf_);
}

static int
log_capture_contains(const char *needle)
{
	char line[1024];
	int found = 0;

	fflush(logf_);
	rewind(logf_);
	while (fgets(line, sizeof(line), logf_) != NULL) {
		fputs(line, stderr);
		if (strstr(line, needle) != NULL)
			found = 1;
	}
	rte_openlog_stream(NULL);
	fclose(logf_);
	logf_ = NULL;
	return found;
}

/* Attaching name fails with a negative errno, leaves fds, maps and devargs as they were. */
static int
expect_refused(const char *name, const char *message)
{
	unsigned int nda = rte_devargs_type_count(RTE_DEVTYPE_ALLOWED);
	int fds = test_count_fds();
	int maps = fake_count_maps();
	int ret;

	log_capture_start();
	ret = rte_dev_probe(name);
	if (message != NULL && !log_capture_contains(message))
		fail_msg("no log line '%s' for %s", message, name);
	if (message == NULL)
		log_capture_contains("");
	assert_true(ret < 0);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(fake_count_maps(), maps);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_ALLOWED), nda);
	if (find_pci(name) != NULL)
		assert_false(rte_dev_is_probed(&find_pci(name)->device));
	return ret;
}

/* ---- start-up probing, in child processes (EAL is initialised once per process) ---- */

static int
run_child(const char *const *extra, const char *const *probed, const char *const *skipped)
{
	const char *args[TEST_ARGV_MAX] = { "test_pci_bus", "--no-huge", "-m", "64",
		"--in-memory", "-l", "0", "--log-level", "lib.eal:error" };
	struct test_argv av;
	int n = 9, status, bad = 0;
	pid_t pid;

	while (extra != NULL && *extra != NULL)
		args[n++] = *extra++;
	args[n] = NULL;
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		test_argv_build(&av, args);
		if (rte_eal_init(av.argc, av.argv) < 0) {
			fprintf(stderr, "child: rte_eal_init failed: %s\n", rte_strerror(rte_errno));
			_exit(2);
		}
		for (; probed != NULL && *probed != NULL; probed++) {
			struct rte_pci_device *d = find_pci(*probed);

			if (d == NULL || !rte_dev_is_probed(&d->device)) {
				fprintf(stderr, "child: %s not probed\n", *probed);
				bad = 1;
			}
		}
		for (; skipped != NULL && *skipped != NULL; skipped++) {
			struct rte_pci_device *d = find_pci(*skipped);

			if (d != NULL && rte_dev_is_probed(&d->device)) {
				fprintf(stderr, "child: %s probed\n", *skipped);
				bad = 1;
			}
		}
		if (rec("0000:00:03.0")->probes > 0 &&
		    strcmp(rec("0000:00:03.0")->args, getenv("PCI_TEST_ARGS") != NULL ?
				getenv("PCI_TEST_ARGS") : "") != 0) {
			fprintf(stderr, "child: driver args '%s'\n", rec("0000:00:03.0")->args);
			bad = 1;
		}
		if (getenv("PCI_TEST_EXPECT_PA") != NULL && rte_eal_iova_mode() != RTE_IOVA_PA) {
			fprintf(stderr, "child: IOVA mode %d, not PA\n", rte_eal_iova_mode());
			bad = 1;
		}
		if (rte_eal_cleanup() != 0)
			bad = 1;
		_exit(bad);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void
test_probe_all_at_startup(void **state)
{
	static const char *const probed[] = { "0000:00:03.0", "0000:00:04.0", "0000:00:08.0",
		NULL };
	static const char *const skipped[] = { "0000:00:05.0", "0000:00:06.0", "0000:00:07.0",
		"0000:00:09.0", "0000:00:11.0", "0000:00:0a.0", NULL };
	static const char *const extra[] = { "--iova-mode", "pa", NULL };

	(void)state;
	assert_int_equal(run_child(extra, probed, skipped), 0);
}

static void
test_allow_list(void **state)
{
	static const char *const probed[] = { "0000:00:04.0", NULL };
	static const char *const skipped[] = { "0000:00:03.0", "0000:00:08.0", NULL };
	static const char *const extra[] = { "-a", "00:04.0", "--iova-mode", "pa", NULL };

	(void)state;
	assert_int_equal(run_child(extra, probed, skipped), 0);
}

static void
test_allow_list_args(void **state)
{
	static const char *const probed[] = { "0000:00:03.0", NULL };
	static const char *const skipped[] = { "0000:00:04.0", "0000:00:08.0", NULL };
	static const char *const extra[] = { "-a", "0000:00:03.0,rxq=2,mode=fast",
		"--iova-mode", "pa", NULL };

	(void)state;
	setenv("PCI_TEST_ARGS", "rxq=2,mode=fast", 1);
	assert_int_equal(run_child(extra, probed, skipped), 0);
	unsetenv("PCI_TEST_ARGS");
}

static void
test_block_list(void **state)
{
	static const char *const probed[] = { "0000:00:04.0", "0000:00:08.0", NULL };
	static const char *const skipped[] = { "0000:00:03.0", NULL };
	static const char *const extra[] = { "-b", "0000:00:03.0", "-b", "0000:00:05.0",
		"--iova-mode", "pa", NULL };

	(void)state;
	assert_int_equal(run_child(extra, probed, skipped), 0);
}

/* Under IOVA as VA, a uio device would DMA to the wrong addresses: it is not probed. */
static void
test_uio_refused_in_va_mode(void **state)
{
	static const char *const skipped[] = { "0000:00:03.0", "0000:00:04.0", "0000:00:08.0",
		NULL };
	static const char *const extra[] = { "--iova-mode", "va", NULL };

	(void)state;
	assert_int_equal(run_child(extra, NULL, skipped), 0);
}

static void
test_no_pci(void **state)
{
	static const char *const skipped[] = { "0000:00:03.0", "0000:00:04.0", NULL };
	static const char *const extra[] = { "--no-pci", NULL };

	(void)state;
	assert_int_equal(run_child(extra, NULL, skipped), 0);
}

/* uio devices need physical addresses: the bus asks for IOVA as PA when nobody chose. */
static void
test_iova_class(void **state)
{
	(void)state;
	setenv("PCI_TEST_EXPECT_PA", "1", 1);
	assert_int_equal(run_child(NULL, NULL, NULL), 0);
	unsetenv("PCI_TEST_EXPECT_PA");
}

/* ---- hotplug in this process ---- */

static void
test_attach_uio_generic(void **state)
{
	const char *name = "0000:00:03.0";
	unsigned int nda = rte_devargs_type_count(RTE_DEVTYPE_ALLOWED);
	int fds = test_count_fds();
	struct rte_pci_device *dev;
	char bar[PATH_MAX], cfg[PATH_MAX];
	uint16_t cmd = 0, vendor = 0;
	int removes;
	FILE *f;

	(void)state;
	dev_file(name, "resource0", bar, sizeof(bar));
	dev_file(name, "config", cfg, sizeof(cfg));
	assert_int_equal(rte_dev_probe(name), 0);
	assert_int_equal(rec(name)->value, VAL_GENERIC);
	dev = find_pci(name);
	assert_non_null(dev);
	assert_true(rte_dev_is_probed(&dev->device));
	assert_ptr_equal(dev->driver, &fake_drv);
	assert_int_equal(test_maps_contain(bar), 1);
	assert_int_equal(dev->kdrv, RTE_PCI_KDRV_UIO_GENERIC);
	assert_int_equal(rte_intr_type_get(dev->intr_handle), RTE_INTR_HANDLE_UIO_INTX);
	assert_true(rte_intr_fd_get(dev->intr_handle) >= 0);
	assert_int_equal(test_count_fds(), fds + 2); /* /dev/uio0 and the config file */
	/* bus mastering was switched on in the (fake) command register */
	f = fopen(cfg, "r");
	assert_non_null(f);
	assert_int_equal(fseek(f, RTE_PCI_COMMAND, SEEK_SET), 0);
	assert_int_equal(fread(&cmd, 2, 1, f), 1);
	fclose(f);
	assert_true(cmd & RTE_PCI_COMMAND_MASTER);
	assert_int_equal(rte_pci_read_config(dev, &vendor, 2, RTE_PCI_VENDOR_ID), 2);
	assert_int_equal(vendor, 0x8086);
	assert_int_equal(rte_pci_read_config(dev, &vendor, 2, 4096), 0); /* past the end */
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_ALLOWED), nda + 1);
	/* a second attach of the same device is refused and changes nothing */
	assert_int_equal(rte_dev_probe("00:03.0"), -EEXIST);

	removes = rec(name)->removes;
	assert_int_equal(rte_dev_remove(&dev->device), 0);
	assert_int_equal(rec(name)->removes, removes + 1);
	assert_int_equal(test_maps_contain(bar), 0);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_ALLOWED), nda);
	/* and switched off again: a detached device must not DMA */
	f = fopen(cfg, "r");
	assert_non_null(f);
	assert_int_equal(fseek(f, RTE_PCI_COMMAND, SEEK_SET), 0);
	assert_int_equal(fread(&cmd, 2, 1, f), 1);
	fclose(f);
	assert_false(cmd & RTE_PCI_COMMAND_MASTER);
}

static void
test_attach_short_address(void **state)
{
	struct rte_pci_device *dev;
	int fds = test_count_fds();

	(void)state;
	assert_int_equal(rte_dev_probe("00:03.0"), 0);
	dev = find_pci("0000:00:03.0");
	assert_non_null(dev);
	assert_string_equal(dev->device.name, "0000:00:03.0");
	assert_int_equal(rte_eal_hotplug_remove("pci", "0000:00:03.0"), 0);
	assert_int_equal(test_count_fds(), fds);
	/* the same through the bus-qualified hotplug call, with driver arguments */
	assert_int_equal(rte_eal_hotplug_add("pci", "0000:00:03.0", "key=val"), 0);
	assert_string_equal(rec("0000:00:03.0")->args, "key=val");
	assert_int_equal(rte_eal_hotplug_remove("pci", "0000:00:03.0"), 0);
	assert_int_equal(test_count_fds(), fds);
}

static void
test_attach_igb_uio(void **state)
{
	const char *name = "0000:00:04.0";
	int fds = test_count_fds();
	struct rte_pci_device *dev;
	char node[PATH_MAX];

	(void)state;
	snprintf(node, sizeof(node), "%s/dev/uio1", root);
	assert_int_equal(rte_dev_probe(name), 0);
	assert_int_equal(rec(name)->value, VAL_IGB);
	dev = find_pci(name);
	assert_non_null(dev);
	assert_int_equal(dev->kdrv, RTE_PCI_KDRV_IGB_UIO);
	assert_int_equal(rte_intr_type_get(dev->intr_handle), RTE_INTR_HANDLE_UIO);
	assert_int_equal(test_maps_contain(node), 1);
	assert_int_equal(rte_dev_remove(&dev->device), 0);
	assert_int_equal(test_maps_contain(node), 0);
	assert_int_equal(test_count_fds(), fds);
}

static void
test_refuse_kernel_driver(void **state)
{
	(void)state;
	assert_int_equal(expect_refused("0000:00:05.0",
		"0000:00:05.0 is bound to kernel driver e1000, not to igb_uio, uio_pci_generic or vfio-pci"),
		-ENODEV);
	assert_int_equal(expect_refused("0000:00:06.0",
		"0000:00:06.0 is bound to no kernel driver"), -ENODEV);
}

static void
test_refuse_no_uio_device(void **state)
{
	(void)state;
	expect_refused("0000:00:0f.0", "no uio device");
}

static void
test_refuse_missing_bar_file(void **state)
{
	char path[PATH_MAX];

	(void)state;
	dev_file("0000:00:0e.0", "resource0", path, sizeof(path));
	unlink(path);
	expect_refused("0000:00:0e.0", "resource0");
}

static void
test_refuse_no_vfio(void **state)
{
	char msg[PATH_MAX + 64];

	(void)state;
	snprintf(msg, sizeof(msg), "VFIO is not available: %s/dev/vfio/vfio does not exist", root);
	assert_int_equal(expect_refused("0000:00:07.0", msg), -ENODEV);
}

/* A container node that is no VFIO container: refused, and the fd it opened is closed. */
static void
test_refuse_bad_vfio_container(void **state)
{
	char path[PATH_MAX];

	(void)state;
	snprintf(path, sizeof(path), "%s/dev/vfio", root);
	assert_int_equal(fake_mkdirs(path), 0);
	snprintf(path, sizeof(path), "%s/dev/vfio/vfio", root);
	assert_int_equal(fake_write(path, "", 0), 0);
	assert_int_equal(expect_refused("0000:00:07.0", "unsupported VFIO API version"), -ENOTSUP);
	unlink(path);
}

/* vfio-pci without an IOMMU group (no IOMMU, and no no-IOMMU mode): refused by name. */
static void
test_refuse_vfio_no_group(void **state)
{
	char link[PATH_MAX];

	(void)state;
	dev_file("0000:00:07.0", "iommu_group", link, sizeof(link));
	assert_int_equal(unlink(link), 0);
	assert_int_equal(expect_refused("0000:00:07.0", "0000:00:07.0/iommu_group"), -ENODEV);
	assert_int_equal(symlink("../../kernel/iommu_groups/7", link), 0);
}

static void
test_refuse_no_driver_and_failed_probe(void **state)
{
	int probes = rec("0000:00:11.0")->probes;

	(void)state;
	expect_refused("0000:00:09.0", "no PCI driver for 0000:00:09.0");
	/* the driver's probe fails after the BAR was mapped: the mapping goes with it */
	assert_int_equal(expect_refused("0000:00:11.0", "failed to probe"), -EIO);
	assert_int_equal(rec("0000:00:11.0")->probes, probes + 1);
}

static void
test_refuse_malformed(void **state)
{
	static const struct {
		const char *name;
		const char *message; /* what is wrong, named by the log */
	} bad[] = {
		{ "0000:00:0a.0", "0000:00:0a.0/vendor: invalid value 'garbage'" },
		{ "0000:00:0b.0", "0000:00:0b.0/resource: line 1 is missing" },
		{ "0000:00:0c.0", "0000:00:0c.0/resource: line 2 is missing" },
		{ "0000:00:0d.0", "0000:00:0d.0/device: No such file or directory" },
		{ "0000:00:1f.0", "0000:00:1f.0/vendor: No such file or directory" },
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad); i++) {
		assert_int_equal(expect_refused(bad[i].name, bad[i].message), -ENOENT);
		assert_null(find_pci(bad[i].name));
	}
	/* not PCI addresses at all */
	expect_refused("0000:00:1f.9", NULL);
	expect_refused("0000:00:20.0", NULL);
}

static void
test_not_detachable(void **state)
{
	const char *name = "0000:00:08.0";
	unsigned int nda;
	struct rte_pci_device *dev;
	char bar[PATH_MAX];
	int fds, removes;

	(void)state;
	dev_file(name, "resource0", bar, sizeof(bar));
	dev = find_pci(name);
	if (dev == NULL || !rte_dev_is_probed(&dev->device))
		assert_int_equal(rte_dev_probe(name), 0);
	dev = find_pci(name);
	assert_non_null(dev);
	assert_int_equal(rec(name)->value, VAL_NODETACH);
	nda = rte_devargs_type_count(RTE_DEVTYPE_ALLOWED);
	fds = test_count_fds();
	removes = rec(name)->removes;
	log_capture_start();
	assert_int_equal(rte_dev_remove(&dev->device), -ENOTSUP);
	assert_true(log_capture_contains("does not support detach"));
	assert_true(rte_dev_is_probed(&dev->device));
	assert_ptr_equal(find_pci(name), dev);
	assert_int_equal(rec(name)->removes, removes);
	assert_int_equal(test_maps_contain(bar), 1);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_ALLOWED), nda);
	assert_int_equal(*(volatile uint32_t *)dev->mem_resource[0].addr, VAL_NODETACH);
}

/* A device that appears after start-up, and one rebound from the kernel driver to uio. */
static void
test_hot_added_and_rebound(void **state)
{
	const struct fake_pci_dev added = { "0000:00:12.0", 0x8086, 0x100e, 0x8086, 0x1,
		"uio_pci_generic", 10, -1, 0xfef00000, 0x1000, 0xabcd };
	int fds = test_count_fds();
	char path[PATH_MAX];

	(void)state;
	assert_null(find_pci(added.addr));
	assert_int_equal(fake_sysfs_add(root, &added), 0);
	assert_int_equal(rte_dev_probe(added.addr), 0);
	assert_int_equal(rec(added.addr)->value, 0xabcd);
	assert_int_equal(rte_eal_hotplug_remove("pci", added.addr), 0);
	fake_dev_path(root, added.addr, NULL, path, sizeof(path));
	fake_sysfs_destroy(path);
	assert_int_equal(pci_bus()->scan(), 0);
	assert_null(find_pci(added.addr));

	/* 00:05.0 is rebound from e1000 to uio_pci_generic */
	assert_int_equal(fake_set_driver(root, "0000:00:05.0", "uio_pci_generic"), 0);
	fake_dev_path(root, "0000:00:05.0", "uio/uio11", path, sizeof(path));
	fake_mkdirs(path);
	snprintf(path, sizeof(path), "%s/dev/uio11", root);
	fake_write(path, "", 0);
	assert_int_equal(rte_dev_probe("0000:00:05.0"), 0);
	assert_int_equal(rec("0000:00:05.0")->value, 5);
	assert_int_equal(rte_eal_hotplug_remove("pci", "0000:00:05.0"), 0);
	assert_int_equal(fake_set_driver(root, "0000:00:05.0", "e1000"), 0);
	assert_int_equal(pci_bus()->scan(), 0);
	assert_int_equal(find_pci("0000:00:05.0")->kdrv, RTE_PCI_KDRV_UNKNOWN);
	assert_int_equal(test_count_fds(), fds);
}

/* Surprise removal: the BAR is replaced by anonymous memory, detach still cleans up. */
static void
test_surprise_removal(void **state)
{
	const char *name = "0000:00:03.0";
	int fds = test_count_fds();
	struct rte_pci_device *dev;
	volatile uint32_t *bar0;
	char bar[PATH_MAX];

	(void)state;
	dev_file(name, "resource0", bar, sizeof(bar));
	assert_int_equal(rte_dev_probe(name), 0);
	dev = find_pci(name);
	bar0 = dev->mem_resource[0].addr;
	assert_int_equal(*bar0, VAL_GENERIC);
	assert_int_equal(pci_bus()->hot_unplug_handler(&dev->device), 0);
	assert_int_equal(test_maps_contain(bar), 0);
	assert_ptr_equal(dev->mem_resource[0].addr, bar0);
	assert_int_equal(*bar0, 0); /* no fault, and no longer the device */
	*bar0 = 1;
	assert_int_equal(pci_bus()->sigbus_handler((const void *)(uintptr_t)0x10), 1);
	assert_int_equal(rte_dev_remove(&dev->device), 0);
	assert_int_equal(test_count_fds(), fds);
}

static void
test_bus_ops(void **state)
{
	struct rte_bus *bus = pci_bus();
	char name[RTE_DEV_NAME_MAX_LEN];
	struct rte_device *d;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_non_null(bus);
	assert_int_equal(bus->parse("01:00.0", name), 0);
	assert_string_equal(name, "0000:01:00.0");
	assert_int_not_equal(bus->parse("net_null0", name), 0);
	assert_int_not_equal(bus->parse("0000:01:00.0,x=1", NULL), 0);
	d = bus->dev_iterate(NULL, "addr=00:04.0", NULL);
	assert_non_null(d);
	assert_string_equal(d->name, "0000:00:04.0");
	assert_null(bus->dev_iterate(d, "addr=00:04.0", NULL));
	assert_null(bus->dev_iterate(NULL, "vendor=8086", NULL));
	assert_non_null(bus->dev_iterate(NULL, NULL, NULL));
	f = open_memstream(&buf, &len);
	rte_pci_dump(f);
	fclose(f);
	assert_non_null(strstr(buf, "0000:00:05.0 8086:100e"));
	assert_non_null(strstr(buf, "kernel driver e1000"));
	assert_non_null(strstr(buf, "0000:00:08.0 8086:10d3"));
	free(buf);
	assert_string_equal(rte_pci_get_sysfs_path(), getenv("SYSFS_PCI_DEVICES"));
}

static void
test_cycles_flat(void **state)
{
	const char *name = "0000:00:03.0";
	int fds, maps, i;
	struct rte_pci_device *dev;
	char bar[PATH_MAX];

	(void)state;
	dev_file(name, "resource0", bar, sizeof(bar));
	/* one cycle first so every lazily created object exists */
	assert_int_equal(rte_dev_probe(name), 0);
	assert_int_equal(rte_dev_remove(&find_pci(name)->device), 0);
	fds = test_count_fds();
	maps = fake_count_maps();
	for (i = 0; i < 10000; i++) {
		if (rte_dev_probe(name) != 0)
			fail_msg("attach %d failed", i);
		dev = find_pci(name);
		if (dev == NULL || rte_dev_remove(&dev->device) != 0)
			fail_msg("detach %d failed", i);
	}
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(fake_count_maps(), maps);
	assert_int_equal(test_maps_contain(bar), 0);
	print_message("10000 cycles: fds %d -> %d, maps %d -> %d\n", fds, test_count_fds(), maps,
		fake_count_maps());
}

/* EAL comes up after the start-up tests (they fork before any EAL thread exists). */
static void
test_eal_init(void **state)
{
	const char *args[] = { "test_pci_bus", "--no-huge", "-m", "64", "--in-memory", "-l", "0",
		"--iova-mode", "pa", "-a", "0000:00:1e.0", NULL };
	struct test_argv av;

	(void)state;
	test_argv_build(&av, args);
	if (rte_eal_init(av.argc, av.argv) < 0)
		fail_msg("rte_eal_init failed: %s", rte_strerror(rte_errno));
	/* -a of a device that is not there: nothing probed at start-up */
	assert_false(rte_dev_is_probed(&find_pci("0000:00:03.0")->device));
}

/* Cleanup releases even the device whose driver refused detach. */
static void
test_eal_cleanup(void **state)
{
	char bar[PATH_MAX];
	int removes = rec("0000:00:08.0")->removes;

	(void)state;
	dev_file("0000:00:08.0", "resource0", bar, sizeof(bar));
	assert_int_equal(test_maps_contain(bar), 1);
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(test_maps_contain(bar), 0);
	assert_int_equal(rec("0000:00:08.0")->removes, removes + 1);
}

static int
build_tree(void)
{
	char dir[PATH_MAX], path[PATH_MAX + 32];
	unsigned int i;

	if (fake_sysfs_create(root, sizeof(root)) < 0)
		return -1;
	for (i = 0; i < RTE_DIM(devs); i++)
		if (fake_sysfs_add(root, &devs[i]) < 0)
			return -1;
	fake_dev_path(root, "0000:00:0a.0", NULL, dir, sizeof(dir));
	fake_writef(dir, "vendor", "garbage\n");
	fake_dev_path(root, "0000:00:0b.0", NULL, dir, sizeof(dir));
	fake_writef(dir, "resource", "0x1 junk\n");
	fake_dev_path(root, "0000:00:0c.0", NULL, dir, sizeof(dir));
	fake_writef(dir, "resource", "0x0000000000001000 0x0000000000001fff 0x200\n");
	fake_dev_path(root, "0000:00:0d.0", "device", path, sizeof(path));
	unlink(path);
	/* entries that are not devices at all */
	snprintf(path, sizeof(path), "%s/devices/garbage", root);
	fake_mkdirs(path);
	snprintf(path, sizeof(path), "%s/devices/0000:00:1f.9", root);
	fake_mkdirs(path);
	snprintf(path, sizeof(path), "%s/devices/0000:00:1f.0", root);
	fake_mkdirs(path); /* empty folder */
	fake_sysfs_env(root);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probe_all_at_startup),
		cmocka_unit_test(test_allow_list),
		cmocka_unit_test(test_allow_list_args),
		cmocka_unit_test(test_block_list),
		cmocka_unit_test(test_uio_refused_in_va_mode),
		cmocka_unit_test(test_no_pci),
		cmocka_unit_test(test_iova_class),
		cmocka_unit_test(test_eal_init),
		cmocka_unit_test(test_attach_uio_generic),
		cmocka_unit_test(test_attach_short_address),
		cmocka_unit_test(test_attach_igb_uio),
		cmocka_unit_test(test_refuse_kernel_driver),
		cmocka_unit_test(test_refuse_no_uio_device),
		cmocka_unit_test(test_refuse_missing_bar_file),
		cmocka_unit_test(test_refuse_no_vfio),
		cmocka_unit_test(test_refuse_bad_vfio_container),
		cmocka_unit_test(test_refuse_vfio_no_group),
		cmocka_unit_test(test_refuse_no_driver_and_failed_probe),
		cmocka_unit_test(test_refuse_malformed),
		cmocka_unit_test(test_not_detachable),
		cmocka_unit_test(test_hot_added_and_rebound),
		cmocka_unit_test(test_surprise_removal),
		cmocka_unit_test(test_bus_ops),
		cmocka_unit_test(test_cycles_flat),
		cmocka_unit_test(test_eal_cleanup),
	};
	int ret;

	/* uio devices are attached with IOVA as PA, which needs physical addresses */
	if (getuid() != 0) {
		printf("1..0 # SKIP not root: IOVA as PA (needed by uio devices) is not available\n");
		return 0;
	}
	if (build_tree() < 0) {
		fprintf(stderr, "cannot build the fake sysfs tree in %s\n", root);
		fake_sysfs_destroy(root);
		return 1;
	}
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	fake_sysfs_destroy(root);
	return ret;
}
