/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Bus and class registries, per-device resources, the probe/remove state machine, buses that
 * cannot hotplug, IOVA mode negotiation, and device event callbacks.
 */
#include "test_common.h"

#include <errno.h>
#include <pthread.h>
#include <unistd.h>

#include <rte_bus.h>
#include <rte_class.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <bus_driver.h>
#include <dev_driver.h>

/* ---- a bus without hotplug support, with one device ---- */

static struct rte_device tdev = { .name = "tdev0", .numa_node = 1 };
static enum rte_iova_mode tbus_iova = RTE_IOVA_DC;

static int
tbus_scan(void)
{
	return 0;
}

static struct rte_device *
tbus_find(const struct rte_device *start, rte_dev_cmp_t cmp, const void *data)
{
	if (start == NULL && cmp(&tdev, data) == 0)
		return &tdev;
	return NULL;
}

static int
tbus_parse(const char *name, void *addr)
{
	if (strncmp(name, "tdev", 4) != 0)
		return 1;
	if (addr != NULL)
		strcpy(addr, name);
	return 0;
}

static enum rte_iova_mode
tbus_iommu(void)
{
	return tbus_iova;
}

static struct rte_bus tbus = {
	.scan = tbus_scan, .probe = tbus_scan, .find_device = tbus_find, .parse = tbus_parse,
	.get_iommu_class = tbus_iommu,
};
RTE_REGISTER_BUS(tbus, tbus);

static struct rte_driver tdrv = { .name = "tdrv" };

static int probe_ret;
static int
tdrv_probe(struct rte_device *dev, void *arg)
{
	(void)arg;
	/* The state is visible to the driver while it runs. */
	assert_int_equal(dev->state, RTE_DEV_STATE_PROBING);
	assert_ptr_equal(dev->driver, &tdrv);
	return probe_ret;
}

static int
tdrv_remove(struct rte_device *dev, void *arg)
{
	(void)arg;
	assert_int_equal(dev->state, RTE_DEV_STATE_REMOVING);
	return 0;
}

static void
test_bus_registry(void **state)
{
	struct rte_bus bad = { .name = "bad" };
	struct rte_bus twin = tbus;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_ptr_equal(rte_bus_find_by_name("tbus"), &tbus);
	assert_string_equal(rte_bus_name(&tbus), "tbus");
	assert_null(rte_bus_find_by_name("nosuch"));
	assert_null(rte_bus_find_by_name(NULL));
	assert_ptr_equal(rte_bus_find_by_device(&tdev), &tbus);
	assert_null(rte_bus_find_by_device(NULL));

	/* Refused: missing operations, duplicate name. */
	rte_bus_register(&bad);
	assert_null(rte_bus_find_by_name("bad"));
	memset(&twin.next, 0, sizeof(twin.next));
	rte_bus_register(&twin);
	assert_ptr_equal(rte_bus_find_by_name("tbus"), &tbus);
	rte_bus_unregister(&twin);
	assert_ptr_equal(rte_bus_find_by_name("tbus"), &tbus);

	f = open_memstream(&buf, &len);
	rte_bus_dump(f);
	fclose(f);
	assert_non_null(strstr(buf, "bus tbus"));
	free(buf);
	assert_int_equal(rte_bus_scan(), 0);
}

static enum rte_iova_mode
va_only(void)
{
	return RTE_IOVA_VA;
}

static void
test_iommu_class(void **state)
{
	struct rte_bus other = tbus;

	(void)state;
	tbus_iova = RTE_IOVA_DC;
	assert_int_equal(rte_bus_get_iommu_class(), RTE_IOVA_DC);
	tbus_iova = RTE_IOVA_PA;
	assert_int_equal(rte_bus_get_iommu_class(), RTE_IOVA_PA);
	/* A second bus that needs VA: no single answer, so the buses do not decide. */
	memset(&other.next, 0, sizeof(other.next));
	other.name = "tbus2";
	other.get_iommu_class = va_only;
	rte_bus_register(&other);
	assert_int_equal(rte_bus_get_iommu_class(), RTE_IOVA_DC);
	tbus_iova = RTE_IOVA_DC;
	assert_int_equal(rte_bus_get_iommu_class(), RTE_IOVA_VA);
	rte_bus_unregister(&other);
	tbus_iova = RTE_IOVA_DC;
}

static int class_iter_calls;
static void *
tclass_iterate(const void *start, const char *str, const struct rte_dev_iterator *it)
{
	(void)str;
	class_iter_calls++;
	/* One class object per device: the device itself. */
	return start == NULL ? it->device : NULL;
}

static struct rte_class tclass = { .dev_iterate = tclass_iterate };
RTE_REGISTER_CLASS(tclass, tclass);

static void
test_class_registry(void **state)
{
	struct rte_class dup = { .name = "tclass" };
	struct rte_dev_iterator it;
	struct rte_devargs da;
	void *obj;
	int n = 0;

	(void)state;
	assert_ptr_equal(rte_class_find_by_name("tclass"), &tclass);
	assert_null(rte_class_find_by_name("nosuch"));
	rte_class_register(&dup);
	assert_ptr_equal(rte_class_find_by_name("tclass"), &tclass);

	/* A class filter over every bus finds the tbus device. */
	assert_int_equal(rte_dev_iterator_init(&it, "class=tclass"), 0);
	while ((obj = rte_dev_iterator_next(&it)) != NULL) {
		if (obj == &tdev)
			n++;
	}
	assert_int_equal(n, 1);
	assert_true(class_iter_calls > 0);
	assert_null(rte_dev_iterator_next(&it));

	assert_int_equal(rte_devargs_parse(&da, "bus=tbus,name=tdev0/class=tclass"), 0);
	assert_ptr_equal(da.cls, &tclass);
	assert_string_equal(da.name, "tdev0");
	rte_devargs_reset(&da);
}

static void
test_state_machine(void **state)
{
	(void)state;
	assert_int_equal(tdev.state, RTE_DEV_STATE_NOT_PRESENT);
	assert_false(rte_dev_is_probed(&tdev));
	assert_int_equal(rte_dev_remove_driver(&tdev, tdrv_remove, NULL), -ENOENT);

	probe_ret = -EIO;
	assert_int_equal(rte_dev_probe_driver(&tdev, &tdrv, tdrv_probe, NULL), -EIO);
	assert_int_equal(tdev.state, RTE_DEV_STATE_NOT_PRESENT);
	assert_null(tdev.driver);
	probe_ret = 1;  /* "not mine" */
	assert_int_equal(rte_dev_probe_driver(&tdev, &tdrv, tdrv_probe, NULL), 1);
	assert_false(rte_dev_is_probed(&tdev));

	probe_ret = 0;
	assert_int_equal(rte_dev_probe_driver(&tdev, &tdrv, tdrv_probe, NULL), 0);
	assert_true(rte_dev_is_probed(&tdev));
	assert_int_equal(tdev.state, RTE_DEV_STATE_PROBED);
	assert_int_equal(rte_dev_probe_driver(&tdev, &tdrv, tdrv_probe, NULL), -EEXIST);

	/* The bus has no plug/unplug: hotplug refuses and nothing changes. */
	assert_int_equal(rte_dev_remove(&tdev), -ENOTSUP);
	assert_int_equal(rte_eal_hotplug_remove("tbus", "tdev0"), -ENOTSUP);
	assert_int_equal(rte_dev_probe("tbus:tdev1"), -ENOTSUP);
	assert_int_equal(rte_dev_probe("tdev1"), -ENOTSUP);
	assert_true(rte_dev_is_probed(&tdev));
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_ALLOWED), 0);

	assert_int_equal(rte_dev_remove_driver(&tdev, NULL, NULL), -ENOTSUP);
	assert_true(rte_dev_is_probed(&tdev));
	assert_int_equal(rte_dev_remove_driver(&tdev, tdrv_remove, NULL), 0);
	assert_false(rte_dev_is_probed(&tdev));
	assert_null(tdev.driver);
	assert_int_equal(rte_dev_probe_driver(NULL, &tdrv, tdrv_probe, NULL), -EINVAL);
	assert_int_equal(rte_dev_probe_driver(&tdev, NULL, tdrv_probe, NULL), -EINVAL);
}

static char order[16];
static void
rel(struct rte_device *dev, void *arg)
{
	(void)dev;
	strncat(order, arg, sizeof(order) - strlen(order) - 1);
}

static void
test_devres(void **state)
{
	struct rte_device dev = { .name = "resdev" };

	(void)state;
	order[0] = '\0';
	assert_int_equal(rte_devres_add(&dev, rel, "a"), 0);
	assert_int_equal(rte_devres_add(&dev, rel, "b"), 0);
	assert_int_equal(rte_devres_add(&dev, rel, "c"), 0);
	assert_int_equal(rte_devres_add(&dev, rel, "d"), 0);
	assert_int_equal(rte_devres_count(&dev), 4);
	/* Forget one without releasing it, release one now. */
	assert_int_equal(rte_devres_remove(&dev, rel, "b"), 0);
	assert_string_equal(order, "");
	assert_int_equal(rte_devres_release(&dev, rel, "c"), 0);
	assert_string_equal(order, "c");
	assert_int_equal(rte_devres_remove(&dev, rel, "b"), -ENOENT);
	assert_int_equal(rte_devres_release(&dev, rel, "zz"), -ENOENT);
	rte_devres_release_all(&dev);
	assert_string_equal(order, "cda");
	assert_int_equal(rte_devres_count(&dev), 0);
	assert_null(dev.devres);
	assert_int_equal(rte_devres_add(NULL, rel, "a"), -EINVAL);
	assert_int_equal(rte_devres_add(&dev, NULL, "a"), -EINVAL);

	/* A failed probe releases what it recorded. */
	order[0] = '\0';
	probe_ret = -ENOMEM;
	assert_int_equal(rte_devres_add(&tdev, rel, "x"), 0);
	assert_int_equal(rte_devres_add(&tdev, rel, "y"), 0);
	assert_int_equal(rte_dev_probe_driver(&tdev, &tdrv, tdrv_probe, NULL), -ENOMEM);
	assert_string_equal(order, "yx");
	probe_ret = 0;
}

static void
test_accessors_and_dma(void **state)
{
	struct rte_device bare = { .name = "bare" };
	char buf[8];

	(void)state;
	assert_null(rte_dev_name(NULL));
	assert_null(rte_dev_bus(NULL));
	assert_null(rte_dev_driver(NULL));
	assert_null(rte_dev_devargs(NULL));
	assert_null(rte_dev_bus_info(NULL));
	assert_null(rte_driver_name(NULL));
	assert_int_equal(rte_dev_numa_node(NULL), SOCKET_ID_ANY);
	assert_int_equal(rte_dev_numa_node(&tdev), 1);
	assert_false(rte_dev_is_probed(NULL));
	assert_int_equal(rte_dev_dma_map(&bare, buf, 0, sizeof(buf)), -1);
	assert_int_equal(rte_errno, ENOTSUP);
	assert_int_equal(rte_dev_dma_map(NULL, buf, 0, sizeof(buf)), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_dev_dma_unmap(&bare, buf, 0, sizeof(buf)), -1);
}

/* ---- device event callbacks ---- */

struct ev_count {
	int add, remove;
	const char *last;
};

static void
ev_cb(const char *name, enum rte_dev_event_type type, void *arg)
{
	struct ev_count *c = arg;

	if (type == RTE_DEV_EVENT_ADD)
		c->add++;
	else
		c->remove++;
	c->last = name;
}

static int self_unreg_ret;
static void
ev_self_unregister(const char *name, enum rte_dev_event_type type, void *arg)
{
	(void)type;
	(void)arg;
	self_unreg_ret = rte_dev_event_callback_unregister(name, ev_self_unregister, arg);
	/* A callback may register others (no lock is held while it runs). */
	rte_dev_event_callback_register("other", ev_cb, arg);
}

static void
test_event_callbacks(void **state)
{
	struct ev_count one = { 0 }, all = { 0 }, other = { 0 };

	(void)state;
	assert_int_equal(rte_dev_event_callback_register("dev0", ev_cb, &one), 0);
	assert_int_equal(rte_dev_event_callback_register(NULL, ev_cb, &all), 0);
	assert_int_equal(rte_dev_event_callback_register("dev0", ev_cb, &one), -EEXIST);
	assert_int_equal(rte_dev_event_callback_register("dev0", NULL, &one), -EINVAL);

	rte_dev_event_callback_process("dev0", RTE_DEV_EVENT_ADD);
	assert_int_equal(one.add, 1);
	assert_int_equal(all.add, 1);
	assert_string_equal(one.last, "dev0");
	rte_dev_event_callback_process("dev1", RTE_DEV_EVENT_REMOVE);
	assert_int_equal(one.remove, 0);
	assert_int_equal(all.remove, 1);
	assert_string_equal(all.last, "dev1");

	assert_int_equal(rte_dev_event_callback_unregister("dev0", ev_cb, &other), -ENOENT);
	assert_int_equal(rte_dev_event_callback_unregister("dev0", ev_cb, &one), 1);
	assert_int_equal(rte_dev_event_callback_unregister("dev0", ev_cb, &one), -ENOENT);
	rte_dev_event_callback_process("dev0", RTE_DEV_EVENT_REMOVE);
	assert_int_equal(one.remove, 0);
	assert_int_equal(all.remove, 2);
	/* (void *)-1 matches any argument. */
	assert_int_equal(rte_dev_event_callback_register(NULL, ev_cb, &other), 0);
	assert_int_equal(rte_dev_event_callback_unregister(NULL, ev_cb, (void *)-1), 2);

	/* Unregistering itself while running: -EAGAIN, and it stays registered. */
	assert_int_equal(rte_dev_event_callback_register("dev2", ev_self_unregister, &other), 0);
	rte_dev_event_callback_process("dev2", RTE_DEV_EVENT_ADD);
	assert_int_equal(self_unreg_ret, -EAGAIN);
	rte_dev_event_callback_process("other", RTE_DEV_EVENT_ADD);
	assert_int_equal(other.add, 1);
	assert_int_equal(rte_dev_event_callback_unregister("dev2", ev_self_unregister, &other), 1);
	assert_int_equal(rte_dev_event_callback_unregister("other", ev_cb, &other), 1);
}

static void
test_event_monitor(void **state)
{
	(void)state;
	if (rte_dev_event_monitor_start() != 0) {
		print_message("# no NETLINK_KOBJECT_UEVENT socket here\n");
		skip();
	}
	/* Starting twice is harmless; stop ends the thread and closes the socket. */
	int fds = test_count_fds();

	assert_int_equal(rte_dev_event_monitor_start(), 0);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(rte_dev_hotplug_handle_enable(), 0);
	assert_int_equal(rte_dev_event_monitor_stop(), 0);
	assert_int_equal(test_count_fds(), fds - 2);
	assert_int_equal(rte_dev_event_monitor_stop(), 0);
	assert_int_equal(rte_dev_hotplug_handle_disable(), 0);
}

struct uevent_seen {
	char want[64];
	int add;
};

static void
uevent_cb(const char *name, enum rte_dev_event_type type, void *arg)
{
	struct uevent_seen *u = arg;

	if (type == RTE_DEV_EVENT_ADD && strcmp(name, u->want) == 0)
		__atomic_fetch_add(&u->add, 1, __ATOMIC_RELEASE);
}

/*
 * A real kernel uevent: asking the kernel to repeat the "add" uevent of the PCI host bridge
 * (class 0x060000, harmless to re-announce) must reach a callback through the monitor.
 */
static void
test_event_monitor_delivers(void **state)
{
	struct uevent_seen u = { .add = 0 };
	char path[300], cls[32];
	struct dirent *e;
	DIR *d;
	FILE *f;
	int i;

	(void)state;
	if (geteuid() != 0) {
		print_message("# needs root to trigger a uevent\n");
		skip();
	}
	d = opendir("/sys/bus/pci/devices");
	if (d == NULL) {
		print_message("# no /sys/bus/pci/devices\n");
		skip();
	}
	while ((e = readdir(d)) != NULL) {
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/class", e->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue;
		if (fgets(cls, sizeof(cls), f) != NULL && strncmp(cls, "0x060000", 8) == 0)
			snprintf(u.want, sizeof(u.want), "%.63s", e->d_name);
		fclose(f);
		if (u.want[0] != '\0')
			break;
	}
	closedir(d);
	if (u.want[0] == '\0') {
		print_message("# no PCI host bridge to trigger a uevent on\n");
		skip();
	}
	if (rte_dev_event_monitor_start() != 0) {
		print_message("# no NETLINK_KOBJECT_UEVENT socket here\n");
		skip();
	}
	assert_int_equal(rte_dev_event_callback_register(u.want, uevent_cb, &u), 0);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/uevent", u.want);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("add", f);
	fclose(f);
	for (i = 0; i < 200 && __atomic_load_n(&u.add, __ATOMIC_ACQUIRE) == 0; i++)
		usleep(10000);
	assert_int_equal(rte_dev_event_monitor_stop(), 0);
	assert_int_equal(rte_dev_event_callback_unregister(u.want, uevent_cb, &u), 1);
	print_message("# uevent add for %s delivered %d time(s)\n", u.want, u.add);
	assert_int_equal(u.add, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bus_registry),
		cmocka_unit_test(test_iommu_class),
		cmocka_unit_test(test_class_registry),
		cmocka_unit_test(test_state_machine),
		cmocka_unit_test(test_devres),
		cmocka_unit_test(test_accessors_and_dma),
		cmocka_unit_test(test_event_callbacks),
		cmocka_unit_test(test_event_monitor),
		cmocka_unit_test(test_event_monitor_delivers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
