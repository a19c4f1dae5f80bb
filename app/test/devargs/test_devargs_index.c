/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The indexes behind hotplug with many devices: the devargs list by name and address, the
 * marks that let a bus scan only newer entries, and the vdev bus's name and address indexes.
 * Entries come and go in orders that break up probe runs, tables grow by count, and the
 * incremental scan must still see every entry a full scan would.
 */
#include "test_common.h"

#include <errno.h>
#include <stdio.h>

#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <bus_driver.h>
#include <bus_vdev_driver.h>

/* Enough to grow each index several times (64 slots at first, kept at most half full). */
#define MANY 1000

static int probes;

static int
itest_probe(struct rte_vdev_device *dev)
{
	(void)dev;
	probes++;
	return 0;
}

static int
itest_remove(struct rte_vdev_device *dev)
{
	(void)dev;
	return 0;
}

static struct rte_vdev_driver itest_driver = { .probe = itest_probe, .remove = itest_remove };
RTE_PMD_REGISTER_VDEV(net_itest, itest_driver);

static struct rte_bus *vdev_bus;

static int
setup(void **state)
{
	static const char *const args[] = { "prog", "--no-huge", "--in-memory", "-l", "0",
		"--log-level", "lib.eal:crit", "--log-level", "bus.vdev:crit", NULL };
	struct test_argv a;

	(void)state;
	test_argv_build(&a, args);
	if (rte_eal_init(a.argc, a.argv) < 0)
		return -1;
	vdev_bus = rte_bus_find_by_name("vdev");
	return vdev_bus == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return rte_eal_cleanup();
}

static unsigned int
count_vdev_devargs(void)
{
	struct rte_devargs *da;
	unsigned int n = 0;

	RTE_EAL_DEVARGS_FOREACH("vdev", da)
		n++;
	return n;
}

/* Remove the listed entry named name (bus vdev): 0, or 1 when none is listed. */
static int
remove_named(const char *name)
{
	struct rte_devargs da;
	int ret;

	assert_int_equal(rte_devargs_parse(&da, name), 0);
	ret = rte_devargs_remove(&da);
	rte_devargs_reset(&da);
	return ret;
}

static unsigned int
stride_for(unsigned int n)
{
	unsigned int s = 7, a, b, t;

	for (;; s += 2) {
		for (a = s, b = n; b != 0; t = a % b, a = b, b = t)
			;
		if (a == 1)
			return s;
	}
}

static void
test_devargs_many(void **state)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	unsigned int i, k, s = stride_for(MANY);

	(void)state;
	assert_int_equal(count_vdev_devargs(), 0);
	for (i = 0; i < MANY; i++) {
		snprintf(name, sizeof(name), "net_itest%u", i);
		assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, name), 0);
	}
	assert_int_equal(count_vdev_devargs(), MANY);
	/* A listed name is replaced in place, not listed twice. */
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_itest5,x=1"), 0);
	assert_int_equal(count_vdev_devargs(), MANY);
	/* Each entry is found by name exactly once, whatever was removed before it. */
	for (k = 0, i = 0; k < MANY; k++) {
		i = (i + s) % MANY;
		snprintf(name, sizeof(name), "net_itest%u", i);
		assert_int_equal(remove_named(name), 0);
		assert_int_equal(remove_named(name), 1);
		if (k % 100 == 0)
			assert_int_equal(count_vdev_devargs(), MANY - k - 1);
	}
	assert_int_equal(count_vdev_devargs(), 0);
	/* And the names can be listed again. */
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_itest5"), 0);
	assert_int_equal(remove_named("net_itest5"), 0);
}

static void
test_devargs_next_since(void **state)
{
	struct rte_devargs *a, *b, *first;
	uint64_t m0, m1;

	(void)state;
	m0 = rte_devargs_mark();
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_itest_m0"), 0);
	m1 = rte_devargs_mark();
	assert_true(m1 > m0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_itest_m1"), 0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_itest_m2"), 0);

	a = rte_devargs_next_since("vdev", NULL, m0);
	assert_non_null(a);
	assert_string_equal(a->name, "net_itest_m0");
	a = rte_devargs_next_since("vdev", NULL, m1);
	assert_non_null(a);
	assert_string_equal(a->name, "net_itest_m1");
	b = rte_devargs_next_since("vdev", a, m1);
	assert_non_null(b);
	assert_string_equal(b->name, "net_itest_m2");
	assert_null(rte_devargs_next_since("vdev", b, m1));
	assert_null(rte_devargs_next_since("vdev", NULL, rte_devargs_mark()));
	assert_null(rte_devargs_next_since("pci", NULL, m0));

	/* A removed entry does not make the walk start over. */
	m1 = rte_devargs_mark();
	assert_int_equal(remove_named("net_itest_m1"), 0);
	assert_null(rte_devargs_next_since("vdev", NULL, m1));
	/* An entry replaced in place may have changed: start at the first entry. */
	first = rte_devargs_next("vdev", NULL);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_itest_m2,y=2"), 0);
	assert_ptr_equal(rte_devargs_next_since("vdev", NULL, m1), first);
	/* As does a mark of 0. */
	assert_ptr_equal(rte_devargs_next_since("vdev", NULL, 0), first);

	assert_int_equal(remove_named("net_itest_m0"), 0);
	assert_int_equal(remove_named("net_itest_m2"), 0);
}

static struct rte_device *
by_name(const char *name)
{
	return vdev_bus->find_device_by_name(name);
}

/* Entries listed without being scanned are seen by the next, incremental, scan. */
static void
test_scan_sees_every_new_entry(void **state)
{
	struct rte_device *dev;
	int p;

	(void)state;
	p = probes;
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_itest_s0"), 0);
	assert_int_equal(rte_dev_probe("net_itest_s1"), 0);
	assert_int_equal(probes, p + 1);
	/* s0 was scanned with s1 (a device now) but only s1 was plugged. */
	dev = by_name("net_itest_s0");
	assert_non_null(dev);
	assert_false(rte_dev_is_probed(dev));
	assert_int_equal(rte_bus_probe(), 0);
	assert_true(rte_dev_is_probed(dev));
	assert_int_equal(probes, p + 2);

	/* A blocked entry is skipped; attaching it replaces it in place and then works. */
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_BLOCKED, "net_itest_s2"), 0);
	assert_int_equal(rte_dev_probe("net_itest_s3"), 0);
	assert_null(by_name("net_itest_s2"));
	assert_int_equal(rte_dev_probe("net_itest_s2"), 0);
	assert_true(rte_dev_is_probed(by_name("net_itest_s2")));

	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_itest_s0"), 0);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_itest_s1"), 0);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_itest_s2"), 0);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_itest_s3"), 0);
	assert_int_equal(count_vdev_devargs(), 0);
}

/*
 * Many devices attached and removed through hotplug: every remaining one stays findable by
 * name and known by address while others leave; a removed one is neither, and a stale
 * pointer to it is refused without being read.
 */
static void
test_many_vdevs(void **state)
{
	static struct rte_device *devs[MANY];
	char name[RTE_DEV_NAME_MAX_LEN];
	unsigned int i, j, k, s = stride_for(MANY);
	struct rte_device *gone;

	(void)state;
	for (i = 0; i < MANY; i++) {
		snprintf(name, sizeof(name), "net_itest%u", i);
		assert_int_equal(rte_dev_probe(name), 0);
		devs[i] = by_name(name);
		assert_non_null(devs[i]);
		assert_true(vdev_bus->has_device(devs[i]));
	}
	assert_int_equal(rte_dev_probe("net_itest3"), -EEXIST);
	for (k = 0, i = 0; k < MANY; k++) {
		i = (i + s) % MANY;
		snprintf(name, sizeof(name), "net_itest%u", i);
		gone = devs[i];
		assert_int_equal(rte_dev_remove(gone), 0);
		devs[i] = NULL;
		assert_null(by_name(name));
		assert_false(vdev_bus->has_device(gone));
		if (k % 97 == 0) {
			for (j = 0; j < MANY; j++) {
				if (devs[j] == NULL)
					continue;
				snprintf(name, sizeof(name), "net_itest%u", j);
				assert_ptr_equal(by_name(name), devs[j]);
				assert_true(vdev_bus->has_device(devs[j]));
			}
		}
	}
	assert_int_equal(rte_dev_remove(gone), -EINVAL);
	assert_int_equal(count_vdev_devargs(), 0);
	/* Removed then added again under the same name. */
	assert_int_equal(rte_dev_probe("net_itest3"), 0);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_itest3"), 0);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_itest3"), -ENOENT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_devargs_many),
		cmocka_unit_test(test_devargs_next_since),
		cmocka_unit_test(test_scan_sees_every_new_entry),
		cmocka_unit_test(test_many_vdevs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
