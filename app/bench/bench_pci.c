/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PCI hotplug cost on a fake sysfs tree: attach (rescan + probe + BAR mapping) and detach
 * (remove + unmap + close) of one device through rte_dev_probe / rte_dev_remove, for
 * uio_pci_generic and igb_uio, as p50/p99 over many cycles; then the file descriptor and
 * mapping counts before and after 10,000 cycles.
 *   bench_pci [cycles, default 2000]
 * The fake tree holds 16 devices, like a small server's PCI bus.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <bus_driver.h>
#include <rte_bus_pci.h>
#include <bus_pci_driver.h>

#include "../test/pci/pci_fake_sysfs.h"

static volatile uint32_t sink;

static int
bench_probe(struct rte_pci_driver *drv, struct rte_pci_device *dev)
{
	RTE_SET_USED(drv);
	sink = *(volatile uint32_t *)dev->mem_resource[0].addr;
	return 0;
}

static int
bench_remove(struct rte_pci_device *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static const struct rte_pci_id bench_ids[] = {
	{ RTE_PCI_DEVICE(0x8086, 0x100e) },
	{ .vendor_id = 0 },
};
static struct rte_pci_driver bench_drv = {
	.probe = bench_probe,
	.remove = bench_remove,
	.id_table = bench_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_DETACHABLE,
};
RTE_PMD_REGISTER_PCI(net_bench_pci, bench_drv);

static uint64_t
clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static uint64_t
now_ns(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int
cmp_name(const struct rte_device *dev, const void *name)
{
	return strcmp(dev->name, name);
}

/*
 * Wall time of attach and detach, and the CPU time of the whole cycle (the wall-time tail
 * on a loaded machine is mostly time spent waiting for the CPU).
 */
static int
cycle(struct rte_bus *bus, const char *name, uint64_t *t_attach, uint64_t *t_detach,
		uint64_t *t_cpu)
{
	struct rte_device *dev;
	uint64_t t0, t1, t2, c0;

	c0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	t0 = now_ns();
	if (rte_dev_probe(name) != 0)
		return -1;
	t1 = now_ns();
	dev = bus->find_device(NULL, cmp_name, name);
	if (dev == NULL || rte_dev_remove(dev) != 0)
		return -1;
	t2 = now_ns();
	*t_attach = t1 - t0;
	*t_detach = t2 - t1;
	*t_cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID) - c0;
	return 0;
}

static void
report(const char *what, uint64_t *v, int n)
{
	qsort(v, (size_t)n, sizeof(v[0]), cmp_u64);
	printf("%-32s p50 %8.1f us   p99 %8.1f us   (n=%d)\n", what, v[n / 2] / 1e3,
		v[(n * 99) / 100] / 1e3, n);
}

static int
bench_one(struct rte_bus *bus, const char *name, const char *label, int n)
{
	uint64_t *ta = calloc((size_t)n, sizeof(uint64_t));
	uint64_t *td = calloc((size_t)n, sizeof(uint64_t));
	uint64_t *tt = calloc((size_t)n, sizeof(uint64_t));
	uint64_t *tc = calloc((size_t)n, sizeof(uint64_t));
	char what[64];
	int i, ret = 0;

	if (ta == NULL || td == NULL || tt == NULL || tc == NULL) {
		ret = -1;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (cycle(bus, name, &ta[i], &td[i], &tc[i]) < 0) {
			fprintf(stderr, "cycle %d on %s failed\n", i, name);
			ret = -1;
			goto out;
		}
		tt[i] = ta[i] + td[i];
	}
	snprintf(what, sizeof(what), "%s attach", label);
	report(what, ta, n);
	snprintf(what, sizeof(what), "%s detach", label);
	report(what, td, n);
	snprintf(what, sizeof(what), "%s attach+detach", label);
	report(what, tt, n);
	snprintf(what, sizeof(what), "%s attach+detach CPU", label);
	report(what, tc, n);
out:
	free(tc);
	free(ta);
	free(td);
	free(tt);
	return ret;
}

int
main(int argc, char **argv)
{
	const char *eal_args[] = { argv[0], "--no-huge", "-m", "64", "--in-memory", "-l", "0",
		"--iova-mode", "pa", "-a", "0000:00:1e.0", "--log-level", "lib.eal:error", NULL };
	int n = argc > 1 ? atoi(argv[1]) : 2000;
	struct fake_pci_dev d = { NULL, 0x8086, 0x100e, 0x8086, 0x1, "uio_pci_generic", -1, -1,
		0xfe000000, 0x20000, 0x12345678 };
	char root[PATH_MAX], addrs[16][PCI_PRI_STR_SIZE];
	char *eargv[RTE_DIM(eal_args)];
	struct rte_bus *bus;
	int fds0, maps0, fds1, maps1, i;
	uint64_t a, b, c, t0;

	if (n < 100)
		n = 100;
	if (fake_sysfs_create(root, sizeof(root)) < 0) {
		fprintf(stderr, "cannot create the fake sysfs tree\n");
		return 1;
	}
	for (i = 0; i < 16; i++) {
		snprintf(addrs[i], sizeof(addrs[i]), "0000:00:%02x.0", i + 2);
		d.addr = addrs[i];
		d.driver = i == 1 ? "igb_uio" : i < 2 ? "uio_pci_generic" : "e1000";
		d.uio_num = i < 2 ? i : -1;
		d.bar0_phys = 0xfe000000 + (uint64_t)i * 0x100000;
		if (fake_sysfs_add(root, &d) < 0) {
			fprintf(stderr, "cannot populate the fake sysfs tree\n");
			fake_sysfs_destroy(root);
			return 1;
		}
	}
	fake_sysfs_env(root);
	for (i = 0; eal_args[i] != NULL; i++)
		eargv[i] = strdup(eal_args[i]);
	eargv[i] = NULL;
	if (rte_eal_init(i, eargv) < 0) {
		fprintf(stderr, "rte_eal_init: %s\n", rte_strerror(rte_errno));
		fake_sysfs_destroy(root);
		return 1;
	}
	bus = rte_bus_find_by_name("pci");
	printf("fake sysfs: 16 devices; %d cycles per kernel driver\n", n);
	if (bench_one(bus, addrs[0], "uio_pci_generic", n) < 0 ||
	    bench_one(bus, addrs[1], "igb_uio", n) < 0)
		goto fail;

	fds0 = fake_count_fds();
	maps0 = fake_count_maps();
	t0 = now_ns();
	for (i = 0; i < 10000; i++)
		if (cycle(bus, addrs[i & 1], &a, &b, &c) < 0)
			goto fail;
	fds1 = fake_count_fds();
	maps1 = fake_count_maps();
	printf("10000 attach/detach cycles in %.2f s: open fds %d -> %d, mappings %d -> %d\n",
		(now_ns() - t0) / 1e9, fds0, fds1, maps0, maps1);
	rte_eal_cleanup();
	fake_sysfs_destroy(root);
	return fds0 == fds1 && maps0 == maps1 ? 0 : 1;
fail:
	rte_eal_cleanup();
	fake_sysfs_destroy(root);
	return 1;
}
