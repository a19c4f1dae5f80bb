/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_devargs: both spellings, bus detection, canonical names, malformed input and the devargs
 * list. A vdev driver "net_dtest" (alias eth_dtest) gives the vdev bus names to recognise.
 */
#include "test_common.h"

#include <errno.h>

#include <rte_bus.h>
#include <rte_devargs.h>
#include <rte_log.h>
#include <bus_driver.h>
#include <bus_vdev_driver.h>

static int
dtest_probe(struct rte_vdev_device *dev)
{
	(void)dev;
	return 0;
}

static struct rte_vdev_driver dtest_driver = { .probe = dtest_probe };
RTE_PMD_REGISTER_VDEV(net_dtest, dtest_driver);
RTE_PMD_REGISTER_ALIAS(net_dtest, eth_dtest);
RTE_PMD_REGISTER_PARAM_STRING(net_dtest, "a=<int> x=<int>");

static char *log_buf;
static size_t log_len;
static FILE *log_f;

static void
log_capture(void)
{
	free(log_buf);
	log_buf = NULL;
	log_len = 0;
	log_f = open_memstream(&log_buf, &log_len);
	assert_non_null(log_f);
	rte_openlog_stream(log_f);
}

static int
log_end(void)
{
	int lines = 0;
	size_t i;

	rte_openlog_stream(NULL);
	fclose(log_f);
	for (i = 0; i < log_len; i++)
		lines += log_buf[i] == '\n';
	return lines;
}

static void
test_legacy_vdev(void **state)
{
	struct rte_devargs da;

	(void)state;
	assert_int_equal(rte_devargs_parse(&da, "net_dtest0,a=1,x=[1,2]"), 0);
	assert_ptr_equal(da.bus, rte_bus_find_by_name("vdev"));
	assert_string_equal(da.name, "net_dtest0");
	assert_string_equal(da.args, "a=1,x=[1,2]");
	rte_devargs_reset(&da);
	assert_null(da.data);

	/* Without arguments the argument string is empty, never NULL. */
	assert_int_equal(rte_devargs_parse(&da, "net_dtest1"), 0);
	assert_string_equal(da.args, "");
	rte_devargs_reset(&da);

	/* Alias and explicit bus prefix. */
	assert_int_equal(rte_devargs_parse(&da, "eth_dtest5,a=2"), 0);
	assert_string_equal(da.name, "eth_dtest5");
	assert_string_equal(rte_bus_name(da.bus), "vdev");
	rte_devargs_reset(&da);
	assert_int_equal(rte_devargs_parse(&da, "vdev:net_dtest2,a=3"), 0);
	assert_string_equal(da.name, "net_dtest2");
	assert_string_equal(da.args, "a=3");
	rte_devargs_reset(&da);
}

static void
test_parsef(void **state)
{
	struct rte_devargs da;

	(void)state;
	assert_int_equal(rte_devargs_parsef(&da, "net_dtest%d,a=%s", 7, "q"), 0);
	assert_string_equal(da.name, "net_dtest7");
	assert_string_equal(da.args, "a=q");
	rte_devargs_reset(&da);
}

static void
test_layered(void **state)
{
	struct rte_devargs da;

	(void)state;
	assert_int_equal(rte_devargs_parse(&da,
		"bus=vdev,name=net_dtest3/driver=net_dtest,path=/tmp/a.pcap,x=1"), 0);
	assert_string_equal(rte_bus_name(da.bus), "vdev");
	assert_string_equal(da.name, "net_dtest3");
	/* The driver's own arguments, a path with '/' included, without "driver=". */
	assert_string_equal(da.drv_str, "path=/tmp/a.pcap,x=1");
	assert_non_null(da.bus_str);
	assert_int_equal(strncmp(da.bus_str, "bus=vdev", 8), 0);
	assert_null(da.cls_str);
	rte_devargs_reset(&da);

	/* Empty elements of the driver's arguments are skipped, as DPDK does. */
	assert_int_equal(rte_devargs_parse(&da, "net_dtest0,,,"), 0);
	assert_string_equal(da.name, "net_dtest0");
	rte_devargs_reset(&da);

	/* A filter without a device name parses; the name stays empty. */
	assert_int_equal(rte_devargs_parse(&da, "bus=vdev"), 0);
	assert_string_equal(da.name, "");
	rte_devargs_reset(&da);
}

static void
expect_error(const char *s, int err)
{
	struct rte_devargs da;

	log_capture();
	assert_int_equal(rte_devargs_parse(&da, s), err);
	/* Exactly one line explains the refusal; nothing is left allocated. */
	assert_int_equal(log_end(), 1);
	assert_null(da.data);
}

static void
test_malformed(void **state)
{
	char longname[301];

	(void)state;
	expect_error("", -EINVAL);
	expect_error(",", -EINVAL);
	expect_error(",,,", -EINVAL);
	expect_error("net_dtest0,a=[1,2", -EINVAL);
	expect_error("net_dtest0,a=1]", -EINVAL);
	expect_error("net_dtest0,=1", -EINVAL);
	expect_error("bus=vdev,name=net_dtest0/bus=vdev", -EINVAL);
	expect_error("bus=vdev,name=net_dtest0/class=nosuchclass", -EINVAL);
	expect_error("class=eth", -EINVAL);
	expect_error("bus=nosuchbus,name=x", -ENODEV);
	expect_error("nosuchdriver0", -ENODEV);
	expect_error("vdev:nosuchdriver0", -ENODEV);
	expect_error("nosuchbus:net_dtest0", -ENODEV);

	memset(longname, 'a', sizeof(longname) - 1);
	memcpy(longname, "net_dtest", 9);
	longname[300] = '\0';
	expect_error(longname, -EINVAL);
	assert_non_null(strstr(log_buf, "300 characters"));
	/* The longest accepted name is RTE_DEV_NAME_MAX_LEN - 1 characters. */
	longname[RTE_DEV_NAME_MAX_LEN] = '\0';
	expect_error(longname, -EINVAL);
	longname[RTE_DEV_NAME_MAX_LEN - 1] = '\0';
	{
		struct rte_devargs da;

		assert_int_equal(rte_devargs_parse(&da, longname), 0);
		assert_int_equal(strlen(da.name), RTE_DEV_NAME_MAX_LEN - 1);
		rte_devargs_reset(&da);
	}
	assert_int_equal(rte_devargs_parse(NULL, "net_dtest0"), -EINVAL);
}

static void
test_pci_without_pci_bus(void **state)
{
	(void)state;
	if (rte_bus_find_by_name("pci") != NULL)
		skip();
	expect_error("0000:01:00.0", -ENODEV);
	assert_non_null(strstr(log_buf, "PCI address"));
	expect_error("pci:0000:01:00.0,k=v", -ENODEV);
	assert_non_null(strstr(log_buf, "bus 'pci' is not available"));
}

static void
test_duplicate_keys_are_kept(void **state)
{
	struct rte_devargs da;

	(void)state;
	/* Several drivers take a key more than once (one per queue), so it is not an error. */
	assert_int_equal(rte_devargs_parse(&da, "net_dtest0,a=1,a=2"), 0);
	assert_string_equal(da.args, "a=1,a=2");
	rte_devargs_reset(&da);
}

static void
test_list(void **state)
{
	struct rte_devargs *da, *first, probe;
	char *dump = NULL;
	size_t dump_len = 0;
	FILE *f;
	int n = 0;

	(void)state;
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_dtest0,a=1"), 0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_dtest1"), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 2);
	first = rte_devargs_next("vdev", NULL);
	assert_non_null(first);
	assert_string_equal(first->name, "net_dtest0");

	/* Same device again: replaced in place, the entry keeps its address. */
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_dtest0,a=9"), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 2);
	assert_ptr_equal(rte_devargs_next("vdev", NULL), first);
	assert_string_equal(first->args, "a=9");

	RTE_EAL_DEVARGS_FOREACH("vdev", da)
		n++;
	assert_int_equal(n, 2);
	assert_null(rte_devargs_next("pci", NULL));

	f = open_memstream(&dump, &dump_len);
	rte_devargs_dump(f);
	fclose(f);
	assert_non_null(strstr(dump, "net_dtest0 a=9"));
	assert_non_null(strstr(dump, "net_dtest1"));
	free(dump);

	assert_int_equal(rte_devargs_parse(&probe, "net_dtest1"), 0);
	assert_int_equal(rte_devargs_remove(&probe), 0);
	assert_int_equal(rte_devargs_remove(&probe), 1);
	rte_devargs_reset(&probe);
	assert_int_equal(rte_devargs_remove(first), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
	assert_int_equal(rte_devargs_remove(NULL), -EINVAL);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "bus=vdev"), -EINVAL);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "nosuch0"), -ENODEV);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
}

static void
test_insert_rules(void **state)
{
	struct rte_devargs *da = calloc(1, sizeof(*da));

	(void)state;
	assert_int_equal(rte_devargs_insert(NULL), -EINVAL);
	assert_non_null(da);
	/* Not parsed: no bus, refused, still the caller's. */
	assert_int_equal(rte_devargs_insert(&da), -EINVAL);
	assert_int_equal(rte_devargs_parse(da, "net_dtest4,a=1"), 0);
	assert_int_equal(rte_devargs_insert(&da), 0);
	/* Inserting the listed object again is a no-op. */
	assert_int_equal(rte_devargs_insert(&da), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_ALLOWED), 1);
	assert_int_equal(rte_devargs_remove(da), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_ALLOWED), 0);
}

static void
test_allow_block_conflict(void **state)
{
	struct rte_bus *vdev = rte_bus_find_by_name("vdev");
	struct rte_devargs probe;

	(void)state;
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_ALLOWED, "net_dtest0"), 0);
	assert_int_equal(vdev->conf.scan_mode, RTE_BUS_SCAN_ALLOWLIST);
	log_capture();
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_BLOCKED, "net_dtest1"), -EINVAL);
	assert_int_equal(log_end(), 1);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_BLOCKED), 0);
	assert_int_equal(rte_devargs_parse(&probe, "net_dtest0"), 0);
	assert_int_equal(rte_devargs_remove(&probe), 0);
	rte_devargs_reset(&probe);
	vdev->conf.scan_mode = RTE_BUS_SCAN_UNDEFINED;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_legacy_vdev),
		cmocka_unit_test(test_parsef),
		cmocka_unit_test(test_layered),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_pci_without_pci_bus),
		cmocka_unit_test(test_duplicate_keys_are_kept),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_insert_rules),
		cmocka_unit_test(test_allow_block_conflict),
	};
	int ret = cmocka_run_group_tests(tests, NULL, NULL);

	free(log_buf);
	return ret;
}
