/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guest-side checks of rte_vfio.h on a real (emulated) NIC bound to vfio-pci behind a vIOMMU:
 *
 *   e1000_vfio [EAL options] -- containers BDF   a container of the test's own: group bind,
 *                                                device setup, DMA map/unmap checked by the
 *                                                kernel, the errors DPDK gives for a second
 *                                                bind elsewhere and an unmapped region, then
 *                                                release, unbind, destroy with no fd left
 *   e1000_vfio [EAL options] -- default BDF      EAL's default container across two
 *                                                attach/detach rounds of the NIC: DMA maps
 *                                                only while a device is attached
 * EAL must not probe BDF itself (e.g. -a 0000:00:00.0). Prints one line per check; exit
 * status 0 when all hold.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_vfio.h>

#define SYSFS "/sys/bus/pci/devices"
#define BUF_LEN (64 * 1024)
/* an IOVA well inside a 39-bit vIOMMU, far from anything EAL maps */
#define TEST_IOVA 0x40000000ULL

static int failures;

#define CHECK(cond, ...) do { \
	int ok_ = !!(cond); \
	printf("%s: ", ok_ ? "ok" : "FAILED"); \
	printf(__VA_ARGS__); \
	printf(" [%s]\n", #cond); \
	if (!ok_) \
		failures++; \
} while (0)

static int
count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1;
}

static int
do_containers(const char *bdf, uint64_t va)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	int group = -1, fds0, c1, c2, gfd, dev_fd = -1, ret;

	CHECK(rte_vfio_is_enabled("vfio") == 1, "VFIO enabled by rte_eal_init");
	CHECK(rte_vfio_is_enabled("vfio_pci") == 1, "vfio_pci module seen");
	CHECK(rte_vfio_is_enabled("no_such_module") == 0, "a module that is not loaded");
	CHECK(rte_vfio_noiommu_is_enabled() == 0, "the vIOMMU is used, not no-IOMMU mode");
	ret = rte_vfio_get_container_fd();
	CHECK(ret > 0 && rte_vfio_get_container_fd() == ret, "default container fd %d", ret);
	CHECK(rte_vfio_get_group_num(SYSFS, bdf, &group) == 1, "%s is in IOMMU group %d", bdf,
		group);
	fds0 = count_fds();

	c1 = rte_vfio_container_create();
	CHECK(c1 > 0 && c1 != ret, "new container %d", c1);
	gfd = rte_vfio_container_group_bind(c1, group);
	CHECK(gfd > 0, "group %d bound to container %d: fd %d", group, c1, gfd);
	CHECK(rte_vfio_container_group_bind(c1, group) == gfd, "binding it again: the same fd");
	CHECK(rte_vfio_get_group_fd(group) == gfd, "rte_vfio_get_group_fd finds it there");

	/* a group is in one container at a time */
	c2 = rte_vfio_container_create();
	CHECK(c2 > 0 && c2 != c1, "second new container %d", c2);
	rte_errno = 0;
	ret = rte_vfio_container_group_bind(c2, group);
	CHECK(ret < 0, "binding group %d to container %d too fails: %d (%s)", group, c2, ret,
		rte_strerror(rte_errno));
	CHECK(rte_vfio_container_group_bind(RTE_VFIO_DEFAULT_CONTAINER_FD, group) < 0,
		"binding it to the default container fails");
	CHECK(rte_vfio_container_destroy(c2) == 0, "container %d destroyed", c2);
	CHECK(rte_vfio_container_destroy(c2) < 0, "destroying it twice fails");

	/* no device set up yet: the container has no IOMMU model to map into */
	rte_errno = 0;
	ret = rte_vfio_container_dma_map(c1, va, TEST_IOVA, BUF_LEN);
	CHECK(ret < 0 && rte_errno == ENODEV, "DMA map before any device: %d, %s", ret,
		rte_strerror(rte_errno));

	ret = rte_vfio_setup_device(SYSFS, bdf, &dev_fd, &info);
	CHECK(ret == 0 && dev_fd >= 0 && info.num_regions > VFIO_PCI_CONFIG_REGION_INDEX,
		"%s set up in container %d: fd %d, %u regions, %u irqs", bdf, c1, dev_fd,
		info.num_regions, info.num_irqs);
	ret = rte_vfio_container_dma_map(c1, va, TEST_IOVA, BUF_LEN);
	CHECK(ret == 0, "DMA map of %d bytes at iova 0x%llx", BUF_LEN, TEST_IOVA);
	/* the kernel reports how much it unmapped: a full unmap proves the mapping was there */
	ret = rte_vfio_container_dma_unmap(c1, va, TEST_IOVA, BUF_LEN);
	CHECK(ret == 0, "DMA unmap of the whole region");
	rte_errno = 0;
	ret = rte_vfio_container_dma_unmap(c1, va, TEST_IOVA, BUF_LEN);
	CHECK(ret < 0 && rte_errno == EINVAL, "unmapping it again: %d, %s", ret,
		rte_strerror(rte_errno));
	rte_errno = 0;
	ret = rte_vfio_container_dma_unmap(c1, va + BUF_LEN, TEST_IOVA + BUF_LEN, 4096);
	CHECK(ret < 0 && rte_errno == EINVAL, "unmapping a region never mapped: %d, %s", ret,
		rte_strerror(rte_errno));
	/* the default container is separate: nothing is attached there */
	rte_errno = 0;
	ret = rte_vfio_container_dma_map(RTE_VFIO_DEFAULT_CONTAINER_FD, va, TEST_IOVA, BUF_LEN);
	CHECK(ret < 0 && rte_errno == ENODEV, "default container without device: no DMA map");
	/* left mapped: destroying the container must drop it */
	CHECK(rte_vfio_container_dma_map(c1, va, TEST_IOVA, BUF_LEN) == 0, "DMA map again");

	CHECK(rte_vfio_release_device(SYSFS, bdf, dev_fd) == 0, "%s released", bdf);
	CHECK(rte_vfio_container_group_unbind(c1, group) < 0,
		"its group left with its last device: unbind finds nothing");
	gfd = rte_vfio_container_group_bind(c1, group);
	CHECK(gfd > 0, "group bound again: fd %d", gfd);
	CHECK(rte_vfio_container_group_unbind(c1, group) == 0, "group unbound");
	CHECK(rte_vfio_container_group_unbind(c1, group) < 0, "unbinding it twice fails");
	CHECK(rte_vfio_container_destroy(c1) == 0, "container %d destroyed", c1);
	CHECK(count_fds() == fds0, "fds back to %d (now %d)", fds0, count_fds());
	return failures == 0 ? 0 : 1;
}

/* Attach BDF through the PCI bus (default container), check DMA there, detach. */
static int
default_round(const char *bdf, uint64_t va, int round)
{
	struct rte_eth_dev_info dinfo;
	uint16_t port;
	int ret;

	ret = rte_dev_probe(bdf);
	CHECK(ret == 0, "round %d: %s attached", round, bdf);
	if (ret != 0)
		return -1;
	ret = rte_vfio_container_dma_map(RTE_VFIO_DEFAULT_CONTAINER_FD, va, TEST_IOVA, BUF_LEN);
	CHECK(ret == 0, "round %d: DMA map in the default container", round);
	ret = rte_vfio_container_dma_unmap(RTE_VFIO_DEFAULT_CONTAINER_FD, va, TEST_IOVA,
		BUF_LEN);
	CHECK(ret == 0, "round %d: DMA unmap in the default container", round);
	if (rte_eth_dev_get_port_by_name(bdf, &port) != 0 ||
	    rte_eth_dev_info_get(port, &dinfo) != 0) {
		CHECK(0, "round %d: port of %s", round, bdf);
		return -1;
	}
	rte_eth_dev_close(port);
	ret = rte_dev_remove(dinfo.device);
	CHECK(ret == 0, "round %d: %s detached", round, bdf);
	rte_errno = 0;
	ret = rte_vfio_container_dma_map(RTE_VFIO_DEFAULT_CONTAINER_FD, va, TEST_IOVA, BUF_LEN);
	CHECK(ret < 0 && rte_errno == ENODEV,
		"round %d: after detach the group left the default container (no DMA map)", round);
	return 0;
}

static int
do_default(const char *bdf, uint64_t va)
{
	int fds0 = count_fds(), fds1, i;

	/*
	 * The first round may leave one descriptor more: the hugepage file of the free chunk the
	 * heap keeps mapped once the port's memory is freed. A second round must add none.
	 */
	if (default_round(bdf, va, 1) < 0)
		return 1;
	fds1 = count_fds();
	CHECK(fds1 <= fds0 + 1, "after round 1, %d fds or one more for the heap (now %d)", fds0,
		fds1);
	for (i = 2; i <= 3; i++)
		if (default_round(bdf, va, i) < 0)
			break;
	CHECK(count_fds() == fds1, "fds back to %d after rounds 2 and 3 (now %d)", fds1,
		count_fds());
	return failures == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	void *buf;
	int n, rc = 1;

	n = rte_eal_init(argc, argv);
	if (n < 0) {
		printf("rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	argc -= n;
	argv += n;
	buf = mmap(NULL, BUF_LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED) {
		printf("mmap: %s\n", strerror(errno));
	} else if (argc >= 3 && strcmp(argv[1], "containers") == 0) {
		rc = do_containers(argv[2], (uint64_t)(uintptr_t)buf);
	} else if (argc >= 3 && strcmp(argv[1], "default") == 0) {
		rc = do_default(argv[2], (uint64_t)(uintptr_t)buf);
	} else {
		printf("usage: %s [EAL options] -- containers BDF | default BDF\n", argv[0]);
	}
	printf("%d failed checks\n", failures);
	rte_eal_cleanup();
	return rc;
}
