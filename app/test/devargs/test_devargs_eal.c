/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Devices given on the command line: --vdev, -a and -b become devargs once the buses have
 * registered, --vdev devices are probed by rte_eal_init and removed by rte_eal_cleanup, and
 * contradictions or unknown devices make rte_eal_init fail without leaving anything behind.
 */
#include "test_common.h"

#include <errno.h>

#include <rte_bus.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_log.h>
#include <bus_driver.h>
#include <bus_vdev_driver.h>

static int probes, removes;

static int
dtest_probe(struct rte_vdev_device *dev)
{
	struct rte_kvargs *kv = rte_kvargs_parse(rte_vdev_device_args(dev), NULL);
	int fail;

	if (kv == NULL)
		return -EINVAL;
	fail = rte_kvargs_get(kv, "fail") != NULL;
	rte_kvargs_free(kv);
	if (fail)
		return -EIO;
	probes++;
	return 0;
}

static int
dtest_remove(struct rte_vdev_device *dev)
{
	(void)dev;
	removes++;
	return 0;
}

static struct rte_vdev_driver dtest_driver = { .probe = dtest_probe, .remove = dtest_remove };
RTE_PMD_REGISTER_VDEV(net_dtest, dtest_driver);
RTE_PMD_REGISTER_ALIAS(net_dtest, eth_dtest);

static int
cmp_name(const struct rte_device *dev, const void *name)
{
	return strcmp(dev->name, name);
}

static struct rte_device *
vdev_named(const char *name)
{
	struct rte_bus *bus = rte_bus_find_by_name("vdev");

	return bus->find_device(NULL, cmp_name, name);
}

/* rte_eal_init with --no-huge -l 0 and the given device options. */
static int
init_with(const char *o1, const char *o2, const char *o3, const char *o4)
{
	const char *args[] = { "prog", "--no-huge", "--in-memory", "-l", "0", o1, o2, o3, o4,
		NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	probes = 0;
	removes = 0;
	return rte_eal_init(a.argc, a.argv);
}

static void
test_vdev_probed_at_init(void **state)
{
	struct rte_device *dev;
	int fds = test_count_fds();

	(void)state;
	assert_true(init_with("--vdev", "net_dtest0,a=1", "--vdev", "eth_dtest1") > 0);
	assert_int_equal(probes, 2);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 2);
	dev = vdev_named("net_dtest0");
	assert_non_null(dev);
	assert_true(rte_dev_is_probed(dev));
	assert_string_equal(rte_driver_name(rte_dev_driver(dev)), "net_dtest");
	assert_string_equal(rte_dev_devargs(dev)->args, "a=1");
	assert_non_null(vdev_named("eth_dtest1"));
	assert_int_equal(rte_eal_cleanup(), 0);
	/* Cleanup removed both devices and dropped every devargs. */
	assert_int_equal(removes, 2);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
	assert_null(vdev_named("net_dtest0"));
	assert_int_equal(test_count_fds(), fds);
}

static void
test_failing_vdev_fails_init(void **state)
{
	(void)state;
	assert_int_equal(init_with("--vdev", "net_dtest0", "--vdev", "net_dtest1,fail=1"), -1);
	assert_int_equal(rte_errno, ENODEV);
	/* The device that did probe was removed again; nothing is listed. */
	assert_int_equal(probes, 1);
	assert_int_equal(removes, 1);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
	assert_null(vdev_named("net_dtest0"));
	assert_null(vdev_named("net_dtest1"));
	/* And init works afterwards. */
	assert_true(init_with("--vdev", "net_dtest0", NULL, NULL) > 0);
	assert_int_equal(probes, 1);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_unknown_vdev_fails_init(void **state)
{
	(void)state;
	assert_int_equal(init_with("--vdev", "nosuchdrv0", NULL, NULL), -1);
	assert_int_equal(init_with("--vdev", "net_dtest0,a=[1", NULL, NULL), -1);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
}

static void
test_allow_and_block_conflict(void **state)
{
	(void)state;
	assert_int_equal(init_with("-a", "net_dtest0", "-b", "net_dtest1"), -1);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_ALLOWED), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_BLOCKED), 0);
}

static void
test_pci_option_without_pci_bus(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	if (rte_bus_find_by_name("pci") != NULL)
		skip();
	f = open_memstream(&buf, &len);
	rte_openlog_stream(f);
	assert_int_equal(init_with("-a", "0000:01:00.0", NULL, NULL), -1);
	rte_openlog_stream(NULL);
	fclose(f);
	assert_non_null(strstr(buf, "PCI address"));
	free(buf);
	assert_int_equal(init_with("-b", "pci:0000:01:00.0", NULL, NULL), -1);
}

static void
test_block_and_allow_vdev(void **state)
{
	struct rte_bus *vdev = rte_bus_find_by_name("vdev");

	(void)state;
	/* A blocked virtual device is not created. */
	assert_true(init_with("-b", "net_dtest3", "--vdev", "net_dtest0") > 0);
	assert_int_equal(vdev->conf.scan_mode, RTE_BUS_SCAN_BLOCKLIST);
	assert_int_equal(probes, 1);
	assert_null(vdev_named("net_dtest3"));
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(vdev->conf.scan_mode, RTE_BUS_SCAN_UNDEFINED);

	/* An allowed one is. */
	assert_true(init_with("-a", "net_dtest5", NULL, NULL) > 0);
	assert_int_equal(vdev->conf.scan_mode, RTE_BUS_SCAN_ALLOWLIST);
	assert_int_equal(probes, 1);
	assert_non_null(vdev_named("net_dtest5"));
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(removes, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vdev_probed_at_init),
		cmocka_unit_test(test_failing_vdev_fails_init),
		cmocka_unit_test(test_unknown_vdev_fails_init),
		cmocka_unit_test(test_allow_and_block_conflict),
		cmocka_unit_test(test_pci_option_without_pci_bus),
		cmocka_unit_test(test_block_and_allow_vdev),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
