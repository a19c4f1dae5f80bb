/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PCI devices in secondary processes, on the fake sysfs tree: a primary attaches uio devices
 * (uio_pci_generic and igb_uio, one of them hot-attached); a secondary started next probes
 * exactly those, with every BAR at the address the primary has it (drivers keep register
 * addresses in shared memory), and leaves the primary's mappings and fds alone when it exits.
 * A device the primary detached, or never attached, is not probed in the secondary; a
 * secondary whose range for a BAR is taken says so and goes on without that device. The
 * secondary does not open uio_pci_generic's device node, whose closing would switch the
 * primary's bus mastering off.
 *
 * This program is the primary's parent: the primary runs in a child process (EAL starts once
 * per process), and each secondary is this program executed again with
 * "--secondary PREFIX NAME=ADDR,VALUE ... - NAME ...": devices to find probed (BAR0 at ADDR
 * reading VALUE), then, after "-", devices to find not probed.
 */
#include "test_common.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <bus_driver.h>
#include <rte_bus_pci.h>
#include <bus_pci_driver.h>

#include "pci_fake_sysfs.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define PREFIX "test_pci_sec"

static char root[PATH_MAX];

static const struct fake_pci_dev devs[] = {
	{ "0000:00:03.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", 0, -1,
		0xfe000000, 0x20000, 0x03030303 },
	{ "0000:00:04.0", 0x8086, 0x100e, 0x8086, 0x1, "igb_uio", 1, -1,
		0xfe100000, 0x20000, 0x04040404 },
	{ "0000:00:05.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", 2, -1,
		0xfe200000, 0x1000, 0x05050505 },
	{ "0000:00:06.0", 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", 3, -1,
		0xfe300000, 0x1000, 0x06060606 },
};

/* What the driver read from BAR0 at probe time, per device of devs[]. */
static uint32_t probed_value[RTE_DIM(devs)];

static int
dev_index(const char *name)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(devs); i++)
		if (strcmp(devs[i].addr, name) == 0)
			return (int)i;
	return -1;
}

static int
sec_probe(struct rte_pci_driver *drv, struct rte_pci_device *dev)
{
	int i = dev_index(dev->name);

	(void)drv;
	if (i < 0 || dev->mem_resource[0].addr == NULL)
		return -EFAULT;
	probed_value[i] = *(volatile uint32_t *)dev->mem_resource[0].addr;
	return 0;
}

static int
sec_remove(struct rte_pci_device *dev)
{
	(void)dev;
	return 0;
}

static const struct rte_pci_id sec_ids[] = {
	{ RTE_PCI_DEVICE(0x8086, 0x100e) },
	{ .vendor_id = 0 },
};
static struct rte_pci_driver sec_drv = {
	.probe = sec_probe,
	.remove = sec_remove,
	.id_table = sec_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_DETACHABLE,
};
RTE_PMD_REGISTER_PCI(net_fake_pci_sec, sec_drv);

static int
cmp_name(const struct rte_device *dev, const void *name)
{
	return strcmp(dev->name, name);
}

static struct rte_pci_device *
find_pci(const char *name)
{
	struct rte_device *d = rte_bus_find_by_name("pci")->find_device(NULL, cmp_name, name);

	return d != NULL ? RTE_DEV_TO_PCI(d) : NULL;
}

static int
is_probed(const char *name)
{
	struct rte_pci_device *d = find_pci(name);

	return d != NULL && rte_dev_is_probed(&d->device);
}

/* ---- the secondary ---- */

#define CHECK TEST_PEER_CHECK

/* Is the uio device node number num open in this process? */
static int
uio_node_open(int num)
{
	char want[PATH_MAX], fdpath[64], target[PATH_MAX];
	ssize_t n;
	int fd;

	snprintf(want, sizeof(want), "%s/uio%d", getenv("RTE_PCI_DEV_DIR"), num);
	for (fd = 0; fd < 1024; fd++) {
		snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d", fd);
		n = readlink(fdpath, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = '\0';
		if (strcmp(target, want) == 0)
			return 1;
	}
	return 0;
}

/* argv: NAME=ADDR,VALUE ... - NAME ... */
static int
secondary_main(const char *prefix, int argc, char **argv)
{
	const char *args[] = { "test_pci_secondary", "--proc-type=secondary", "--file-prefix",
		prefix, "-l", "0", "--log-level", "lib.eal:error", NULL };
	struct rte_pci_device *d;
	struct test_argv av;
	int i, absent = 0;

	test_argv_build(&av, args);
	CHECK(rte_eal_init(av.argc, av.argv) >= 0);
	CHECK(rte_eal_process_type() == RTE_PROC_SECONDARY);
	for (i = 0; i < argc; i++) {
		char name[PCI_PRI_STR_SIZE + 1];
		unsigned long long addr;
		unsigned int value;

		if (strcmp(argv[i], "-") == 0) {
			absent = 1;
			continue;
		}
		if (absent) {
			if (is_probed(argv[i])) {
				fprintf(stderr, "secondary: %s is probed\n", argv[i]);
				return 1;
			}
			continue;
		}
		CHECK(sscanf(argv[i], "%12[^=]=%llx,%x", name, &addr, &value) == 3);
		d = find_pci(name);
		if (d == NULL || !rte_dev_is_probed(&d->device)) {
			fprintf(stderr, "secondary: %s is not probed\n", name);
			return 1;
		}
		if ((uintptr_t)d->mem_resource[0].addr != (uintptr_t)addr) {
			fprintf(stderr, "secondary: BAR0 of %s at %p, in the primary at 0x%llx\n",
				name, d->mem_resource[0].addr, addr);
			return 1;
		}
		CHECK(probed_value[dev_index(name)] == value);
	}
	/*
	 * uio_pci_generic turns bus mastering off when its node is closed: the secondary maps
	 * 00:03.0 (uio0) without opening it, while igb_uio maps through its node (uio1).
	 */
	CHECK(!uio_node_open(0));
	CHECK(uio_node_open(1) == is_probed("0000:00:04.0"));
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

/* ---- the primary, in a child process ---- */

static int
run_secondary(const char *const *args)
{
	const char *argv[16] = { "test_pci_secondary", "--secondary", PREFIX };
	int n = 3, status;
	pid_t pid;

	while (*args != NULL && n < (int)RTE_DIM(argv) - 1)
		argv[n++] = *args++;
	argv[n] = NULL;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		execv("/proc/self/exe", (char *const *)(uintptr_t)argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* "NAME=ADDR,VALUE" for a device the primary has probed */
static const char *
expect(char *buf, size_t size, const char *name)
{
	struct rte_pci_device *d = find_pci(name);

	snprintf(buf, size, "%s=%" PRIxPTR ",%x", name, (uintptr_t)d->mem_resource[0].addr,
		devs[dev_index(name)].bar0_value);
	return buf;
}

static int
primary_main(void)
{
	const char *args[] = { "test_pci_secondary", "--no-huge", "-m", "64", "--file-prefix",
		PREFIX, "-l", "0", "--iova-mode", "pa", "-a", "00:03.0", "-a", "00:04.0",
		"--log-level", "lib.eal:error", NULL };
	char e3[64], e4[64], e5[64], bar[PATH_MAX];
	struct test_argv av;
	int fds, ret;
	void *taken;

	test_argv_build(&av, args);
	CHECK(rte_eal_init(av.argc, av.argv) >= 0);
	CHECK(is_probed("0000:00:03.0") && is_probed("0000:00:04.0"));
	CHECK(rte_dev_probe("0000:00:05.0") == 0);
	fake_dev_path(root, "0000:00:03.0", "resource0", bar, sizeof(bar));
	fds = test_count_fds();

	/* the three the primary has, at its addresses; not the one it never attached */
	{
		const char *sargs[] = { expect(e3, sizeof(e3), "0000:00:03.0"),
			expect(e4, sizeof(e4), "0000:00:04.0"),
			expect(e5, sizeof(e5), "0000:00:05.0"), "-", "0000:00:06.0", NULL };

		ret = run_secondary(sargs);
		if (ret != 0)
			fprintf(stderr, "primary: the secondary exited with %d\n", ret);
		CHECK(ret == 0);
	}
	/* the secondary's exit left the primary's BARs and fds as they were */
	CHECK(test_maps_contain(bar) == 1);
	CHECK(*(volatile uint32_t *)find_pci("0000:00:03.0")->mem_resource[0].addr ==
		devs[0].bar0_value);
	CHECK(test_count_fds() == fds);

	/* detached in the primary: not probed in the next secondary */
	CHECK(rte_dev_remove(&find_pci("0000:00:05.0")->device) == 0);
	{
		const char *sargs[] = { expect(e3, sizeof(e3), "0000:00:03.0"), "-",
			"0000:00:05.0", "0000:00:06.0", NULL };

		CHECK(run_secondary(sargs) == 0);
	}

	/*
	 * BAR0 of 00:04.0 cannot go where the primary has it: the secondary (which maps the
	 * page below first, see secondary "taken") goes on without that device.
	 */
	taken = find_pci("0000:00:04.0")->mem_resource[0].addr;
	{
		char addr[32];
		const char *sargs[] = { "--taken", addr, expect(e3, sizeof(e3), "0000:00:03.0"),
			"-", "0000:00:04.0", NULL };

		snprintf(addr, sizeof(addr), "%" PRIxPTR, (uintptr_t)taken);
		CHECK(run_secondary(sargs) == 0);
	}
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

static int
run_primary(void)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0)
		_exit(primary_main());
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void
test_secondary_maps_like_primary(void **state)
{
	(void)state;
	assert_int_equal(run_primary(), 0);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_secondary_maps_like_primary),
	};
	unsigned int i;
	int ret;

	if (argc >= 3 && strcmp(argv[1], "--secondary") == 0) {
		/* "--taken ADDR": that page is in use here before EAL starts */
		if (argc >= 5 && strcmp(argv[3], "--taken") == 0) {
			void *want = (void *)(uintptr_t)strtoull(argv[4], NULL, 16);

			if (mmap(want, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
					MAP_FIXED_NOREPLACE, -1, 0) != want) {
				fprintf(stderr, "secondary: cannot take %p: %s\n", want,
					strerror(errno));
				return 1;
			}
			return secondary_main(argv[2], argc - 5, argv + 5);
		}
		return secondary_main(argv[2], argc - 3, argv + 3);
	}
	if (getuid() != 0) {
		printf("1..0 # SKIP not root: IOVA as PA (for uio devices) is not available\n");
		return 0;
	}
	if (fake_sysfs_create(root, sizeof(root)) < 0)
		return 1;
	for (i = 0; i < RTE_DIM(devs); i++)
		if (fake_sysfs_add(root, &devs[i]) < 0) {
			fake_sysfs_destroy(root);
			return 1;
		}
	fake_sysfs_env(root);
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	fake_sysfs_destroy(root);
	return ret;
}
