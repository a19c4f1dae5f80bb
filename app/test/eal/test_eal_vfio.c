/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_vfio.h on a host without VFIO: argument checks and every error path that a fake /dev
 * (RTE_PCI_DEV_DIR), /sys/module (RTE_EAL_SYS_MODULE_DIR) and sysfs tree can reach, each
 * returning what DPDK returns, and leaking no fd. The paths that need a real IOMMU run in the
 * guest (app/test/e1000/e1000_vfio.c).
 */
#include "test_common.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_vfio.h>

static char root[PATH_MAX];
static char sysfs[PATH_MAX];
static char devdir[PATH_MAX];
static char moddir[PATH_MAX];

static void
path_of(char *out, size_t size, const char *dir, const char *name)
{
	int n = snprintf(out, size, "%s/%s", dir, name);

	assert_true(n > 0 && (size_t)n < size);
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char p[PATH_MAX];
	FILE *f;

	path_of(p, sizeof(p), dir, name);
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
remove_file(const char *dir, const char *name)
{
	char p[PATH_MAX];

	path_of(p, sizeof(p), dir, name);
	unlink(p);
	rmdir(p);
}

static void
make_dir(const char *dir, const char *name)
{
	char p[PATH_MAX];

	path_of(p, sizeof(p), dir, name);
	assert_int_equal(mkdir(p, 0755), 0);
}

/* A device folder in the fake sysfs whose iommu_group link points at target (NULL: none). */
static void
fake_device(const char *addr, const char *target)
{
	char p[PATH_MAX];

	path_of(p, sizeof(p), sysfs, addr);
	mkdir(p, 0755);
	strncat(p, "/iommu_group", sizeof(p) - strlen(p) - 1);
	unlink(p);
	if (target != NULL)
		assert_int_equal(symlink(target, p), 0);
}

static int
setup(void **state)
{
	char p[PATH_MAX];

	(void)state;
	snprintf(root, sizeof(root), "/tmp/eal_vfio_XXXXXX");
	if (mkdtemp(root) == NULL)
		return -1;
	path_of(sysfs, sizeof(sysfs), root, "devices");
	path_of(devdir, sizeof(devdir), root, "dev");
	path_of(moddir, sizeof(moddir), root, "module");
	if (mkdir(sysfs, 0755) || mkdir(devdir, 0755) || mkdir(moddir, 0755))
		return -1;
	path_of(p, sizeof(p), devdir, "vfio");
	if (mkdir(p, 0755))
		return -1;
	setenv("RTE_PCI_DEV_DIR", devdir, 1);
	setenv("RTE_EAL_SYS_MODULE_DIR", moddir, 1);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void
test_group_num(void **state)
{
	int num = -7;

	(void)state;
	assert_int_equal(rte_vfio_get_group_num(NULL, "0000:00:01.0", &num), -1);
	assert_int_equal(rte_vfio_get_group_num(sysfs, NULL, &num), -1);
	assert_int_equal(rte_vfio_get_group_num(sysfs, "0000:00:01.0", NULL), -1);
	/* no such device, or no iommu_group link: no VFIO for it, which is no error */
	assert_int_equal(rte_vfio_get_group_num(sysfs, "0000:00:01.0", &num), 0);
	fake_device("0000:00:01.0", NULL);
	assert_int_equal(rte_vfio_get_group_num(sysfs, "0000:00:01.0", &num), 0);
	assert_int_equal(num, -7);
	fake_device("0000:00:01.0", "../../../kernel/iommu_groups/13");
	assert_int_equal(rte_vfio_get_group_num(sysfs, "0000:00:01.0", &num), 1);
	assert_int_equal(num, 13);
	fake_device("0000:00:01.0", "../../../kernel/iommu_groups/thirteen");
	assert_int_equal(rte_vfio_get_group_num(sysfs, "0000:00:01.0", &num), -1);
	fake_device("0000:00:01.0", "../../../kernel/iommu_groups/");
	assert_int_equal(rte_vfio_get_group_num(sysfs, "0000:00:01.0", &num), -1);
	fake_device("0000:00:01.0", "../../../kernel/iommu_groups/99999999999");
	assert_int_equal(rte_vfio_get_group_num(sysfs, "0000:00:01.0", &num), -1);
	fake_device("0000:00:01.0", NULL);
}

static void
test_no_container(void **state)
{
	int fds = test_count_fds();

	(void)state;
	/* no /dev/vfio/vfio: VFIO is not there */
	rte_errno = 0;
	assert_int_equal(rte_vfio_get_container_fd(), -1);
	assert_int_equal(rte_errno, ENODEV);
	assert_int_equal(rte_vfio_container_create(), -1);
	/* a node that answers no VFIO ioctl: refused, and the fd it opened is closed */
	write_file(devdir, "vfio/vfio", "");
	rte_errno = 0;
	assert_int_equal(rte_vfio_get_container_fd(), -1);
	assert_int_equal(rte_errno, ENOTSUP);
	assert_int_equal(rte_vfio_container_create(), -1);
	remove_file(devdir, "vfio/vfio");
	assert_int_equal(test_count_fds(), fds);
}

static void
test_containers_by_fd(void **state)
{
	int fd = open("/dev/null", O_RDWR);

	(void)state;
	assert_true(fd >= 0);
	/* neither the default container nor an fd EAL did not hand out can be destroyed */
	assert_int_equal(rte_vfio_container_destroy(RTE_VFIO_DEFAULT_CONTAINER_FD), -1);
	assert_int_equal(rte_vfio_container_destroy(fd), -1);
	assert_int_equal(rte_vfio_container_destroy(-42), -1);
	assert_int_equal(rte_vfio_container_group_bind(fd, 3), -1);
	assert_int_equal(rte_vfio_container_group_unbind(fd, 3), -1);
	/* still open: EAL did not close what it does not own */
	assert_true(fcntl(fd, F_GETFD) >= 0);
	close(fd);
}

static void
test_group_fds(void **state)
{
	int fds = test_count_fds(), fd, fd2;

	(void)state;
	/* a group that does not exist, under either name */
	rte_errno = 0;
	assert_int_equal(rte_vfio_get_group_fd(4242), -ENOENT);
	assert_int_equal(rte_errno, ENOENT);
	assert_int_equal(rte_vfio_container_group_bind(RTE_VFIO_DEFAULT_CONTAINER_FD, 4242),
		-ENOENT);
	/* a group node that cannot be opened read-write */
	make_dir(devdir, "vfio/5");
	assert_int_equal(rte_vfio_get_group_fd(5), -1);
	remove_file(devdir, "vfio/5");

	/* opened once, then the same fd until it is cleared */
	write_file(devdir, "vfio/9", "");
	fd = rte_vfio_get_group_fd(9);
	assert_true(fd > 0);
	assert_int_equal(rte_vfio_get_group_fd(9), fd);
	assert_int_equal(rte_vfio_container_group_bind(RTE_VFIO_DEFAULT_CONTAINER_FD, 9), fd);
	assert_int_equal(rte_vfio_clear_group(fd), 0);
	assert_int_equal(rte_vfio_clear_group(fd), -1);
	/* clearing leaves the fd to its owner */
	assert_int_equal(test_count_fds(), fds + 1);
	close(fd);
	assert_int_equal(rte_vfio_clear_group(-1), -1);

	/* unbinding closes it; a second unbind finds nothing */
	fd = rte_vfio_container_group_bind(RTE_VFIO_DEFAULT_CONTAINER_FD, 9);
	assert_true(fd > 0);
	assert_int_equal(test_count_fds(), fds + 1);
	assert_int_equal(rte_vfio_container_group_unbind(RTE_VFIO_DEFAULT_CONTAINER_FD, 9), 0);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(rte_vfio_container_group_unbind(RTE_VFIO_DEFAULT_CONTAINER_FD, 9), -1);
	remove_file(devdir, "vfio/9");

	/* the no-IOMMU name is tried when the plain one does not exist */
	write_file(devdir, "vfio/noiommu-11", "");
	fd2 = rte_vfio_get_group_fd(11);
	assert_true(fd2 > 0);
	assert_int_equal(rte_vfio_container_group_unbind(RTE_VFIO_DEFAULT_CONTAINER_FD, 11), 0);
	remove_file(devdir, "vfio/noiommu-11");
	assert_int_equal(test_count_fds(), fds);
}

static void
test_dma_errors(void **state)
{
	static char buf[8192];
	uint64_t va = (uint64_t)(uintptr_t)buf;

	(void)state;
	rte_errno = 0;
	assert_int_equal(rte_vfio_container_dma_map(RTE_VFIO_DEFAULT_CONTAINER_FD, va, va, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_vfio_container_dma_unmap(RTE_VFIO_DEFAULT_CONTAINER_FD, va, va, 0),
		-1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_vfio_container_dma_map(12345, va, va, sizeof(buf)), -1);
	assert_int_equal(rte_vfio_container_dma_unmap(12345, va, va, sizeof(buf)), -1);
	/* the default container has no IOMMU model until a device is set up in it */
	rte_errno = 0;
	assert_int_equal(rte_vfio_container_dma_map(RTE_VFIO_DEFAULT_CONTAINER_FD, va, va,
		sizeof(buf)), -1);
	assert_int_equal(rte_errno, ENODEV);
	/* nothing was mapped, so there is nothing to unmap */
	rte_errno = 0;
	assert_int_equal(rte_vfio_container_dma_unmap(RTE_VFIO_DEFAULT_CONTAINER_FD, va, va,
		sizeof(buf)), -1);
	assert_int_equal(rte_errno, EINVAL);
}

static void
test_setup_release_errors(void **state)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	int fds = test_count_fds(), dev_fd = -1;

	(void)state;
	fake_device("0000:00:02.0", NULL);
	assert_int_equal(rte_vfio_setup_device(sysfs, "0000:00:02.0", NULL, &info), -1);
	assert_int_equal(rte_vfio_setup_device(NULL, "0000:00:02.0", &dev_fd, &info), -1);
	/* no IOMMU group: not VFIO's device, left alone */
	assert_int_equal(rte_vfio_setup_device(sysfs, "0000:00:02.0", &dev_fd, &info), 1);
	assert_int_equal(rte_vfio_setup_device(sysfs, "0000:00:77.0", &dev_fd, &info), 1);
	/* a group link that names no group */
	fake_device("0000:00:02.0", "../../../kernel/iommu_groups/x");
	assert_int_equal(rte_vfio_setup_device(sysfs, "0000:00:02.0", &dev_fd, &info), -1);
	/* a group, but no VFIO container */
	fake_device("0000:00:02.0", "../../../kernel/iommu_groups/21");
	write_file(devdir, "vfio/21", "");
	assert_int_equal(rte_vfio_setup_device(sysfs, "0000:00:02.0", &dev_fd, &info), -1);
	assert_int_equal(dev_fd, -1);
	remove_file(devdir, "vfio/21");
	assert_int_equal(test_count_fds(), fds);

	/* release: a device without a group, or whose group EAL never opened */
	assert_int_equal(rte_vfio_release_device(sysfs, "0000:00:77.0", 1000), -1);
	assert_int_equal(rte_vfio_release_device(NULL, "0000:00:02.0", 1000), -1);
	assert_int_equal(rte_vfio_release_device(sysfs, "0000:00:02.0", 1000), -1);
	fake_device("0000:00:02.0", NULL);
}

static void
test_enable(void **state)
{
	char p[PATH_MAX];

	(void)state;
	assert_int_equal(rte_vfio_enable(NULL), -1);
	assert_int_equal(rte_vfio_is_enabled(NULL), 0);
	/* module not loaded: not an error, VFIO just stays off */
	assert_int_equal(rte_vfio_enable("vfio"), 0);
	assert_int_equal(rte_vfio_is_enabled("vfio"), 0);
	/* loaded, but no usable container */
	make_dir(moddir, "vfio");
	assert_int_equal(rte_vfio_enable("vfio"), 0);
	assert_int_equal(rte_vfio_is_enabled("vfio"), 0);
	/* no module list at all: EAL cannot tell */
	path_of(p, sizeof(p), root, "nowhere");
	setenv("RTE_EAL_SYS_MODULE_DIR", p, 1);
	assert_int_equal(rte_vfio_enable("vfio"), -1);
	assert_int_equal(rte_vfio_is_enabled("vfio"), 0);
	setenv("RTE_EAL_SYS_MODULE_DIR", moddir, 1);
	remove_file(moddir, "vfio");
}

static void
test_noiommu(void **state)
{
	(void)state;
	/* vfio not loaded: no such parameter, so no no-IOMMU mode */
	assert_int_equal(rte_vfio_noiommu_is_enabled(), 0);
	make_dir(moddir, "vfio");
	make_dir(moddir, "vfio/parameters");
	write_file(moddir, "vfio/parameters/enable_unsafe_noiommu_mode", "Y\n");
	assert_int_equal(rte_vfio_noiommu_is_enabled(), 1);
	write_file(moddir, "vfio/parameters/enable_unsafe_noiommu_mode", "N\n");
	assert_int_equal(rte_vfio_noiommu_is_enabled(), 0);
	write_file(moddir, "vfio/parameters/enable_unsafe_noiommu_mode", "");
	assert_int_equal(rte_vfio_noiommu_is_enabled(), -1);
	remove_file(moddir, "vfio/parameters/enable_unsafe_noiommu_mode");
	/* unreadable: a folder where the file should be */
	make_dir(moddir, "vfio/parameters/enable_unsafe_noiommu_mode");
	assert_int_equal(rte_vfio_noiommu_is_enabled(), -1);
	remove_file(moddir, "vfio/parameters/enable_unsafe_noiommu_mode");
	remove_file(moddir, "vfio/parameters");
	remove_file(moddir, "vfio");
}

static void
test_eal_defaults(void **state)
{
	rte_uuid_t token;

	(void)state;
	memset(token, 0xa5, sizeof(token));
	rte_eal_vfio_get_vf_token(token);
	assert_true(rte_uuid_is_null(token));
	assert_int_equal(rte_eal_vfio_intr_mode(), RTE_INTR_MODE_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_num),
		cmocka_unit_test(test_no_container),
		cmocka_unit_test(test_containers_by_fd),
		cmocka_unit_test(test_group_fds),
		cmocka_unit_test(test_dma_errors),
		cmocka_unit_test(test_setup_release_errors),
		cmocka_unit_test(test_enable),
		cmocka_unit_test(test_noiommu),
		cmocka_unit_test(test_eal_defaults),
	};

	return cmocka_run_group_tests_name("eal_vfio", tests, setup, teardown);
}
