/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_pci_ioport_* on a fake sysfs tree: a device whose BAR1 is an I/O port BAR, reached
 * through its resource1 file (a fake tree never gets real port instructions), and every
 * refusal: memory BAR, BAR out of range, kernel driver without port access, vfio-pci device
 * not mapped, missing file, accesses outside the BAR, use after unmap. No fd may be left.
 */
#include "test_common.h"

#include <errno.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_bus_pci.h>
#include <bus_pci_driver.h>

#include "pci_fake_sysfs.h"
#include "pci_private.h"

#define IO_BAR 1
#define IO_LEN 64 /* 0xc000-0xc03f in the fake resource table */

static char root[PATH_MAX];
static char io_file[PATH_MAX];

static const struct fake_pci_dev fdev = {
	"0000:00:03.0", 0x1af4, 0x1000, 0x1af4, 0x1, "uio_pci_generic", -1, -1,
	0xfe000000, 0x1000, 0,
};

static void
dev_init(struct rte_pci_device *dev, enum rte_pci_kernel_driver kdrv, const char *kdrv_name)
{
	memset(dev, 0, sizeof(*dev));
	snprintf(dev->name, sizeof(dev->name), "%s", fdev.addr);
	dev->device.name = dev->name;
	dev->kdrv = kdrv;
	snprintf(dev->kdrv_name, sizeof(dev->kdrv_name), "%s", kdrv_name);
}

static off_t
file_size(void)
{
	struct stat st;

	return stat(io_file, &st) == 0 ? st.st_size : -1;
}

static void
test_map_read_write(void **state)
{
	struct rte_pci_device dev;
	struct rte_pci_ioport p;
	int fds = test_count_fds();
	uint8_t buf[8], back[8], seven[7] = { 1, 2, 3, 4, 5, 6, 7 };
	uint32_t v32 = 0xdeadbeef, r32 = 0;
	uint16_t v16 = 0x1234, r16 = 0;
	FILE *f;

	(void)state;
	dev_init(&dev, RTE_PCI_KDRV_UIO_GENERIC, "uio_pci_generic");
	assert_int_equal(rte_pci_ioport_map(&dev, IO_BAR, &p), 0);
	assert_ptr_equal(p.dev, &dev);
	assert_int_equal(p.len, IO_LEN);
	assert_int_equal(test_count_fds(), fds + 1);
	rte_pci_ioport_write(&p, &v32, 4, 0);
	rte_pci_ioport_write(&p, &v16, 2, 4);
	rte_pci_ioport_read(&p, &r32, 4, 0);
	rte_pci_ioport_read(&p, &r16, 2, 4);
	assert_int_equal(r32, 0xdeadbeef);
	assert_int_equal(r16, 0x1234);
	/* an odd length at the end of the BAR is split into 4, 2 and 1 byte accesses */
	rte_pci_ioport_write(&p, seven, sizeof(seven), IO_LEN - 7);
	memset(buf, 0, sizeof(buf));
	rte_pci_ioport_read(&p, buf, sizeof(seven), IO_LEN - 7);
	assert_memory_equal(buf, seven, sizeof(seven));
	/* what reached the file is what was written, where it was written */
	f = fopen(io_file, "r");
	assert_non_null(f);
	assert_int_equal(fread(back, 1, 6, f), 6);
	fclose(f);
	assert_int_equal(memcmp(back, &v32, 4), 0);
	assert_int_equal(memcmp(back + 4, &v16, 2), 0);

	/* outside the BAR: refused, the buffer and the BAR left as they were */
	memset(buf, 0xa5, sizeof(buf));
	rte_pci_ioport_read(&p, buf, 4, IO_LEN - 2);
	rte_pci_ioport_read(&p, buf, 1, IO_LEN);
	rte_pci_ioport_read(&p, buf, 1, -1);
	rte_pci_ioport_read(&p, NULL, 1, 0);
	for (unsigned int i = 0; i < sizeof(buf); i++)
		assert_int_equal(buf[i], 0xa5);
	rte_pci_ioport_write(&p, buf, 2, IO_LEN - 1);
	rte_pci_ioport_write(&p, buf, 1, IO_LEN);
	rte_pci_ioport_write(&p, buf, 1, -4);
	assert_int_equal(file_size(), IO_LEN);
	r32 = 0;
	rte_pci_ioport_read(&p, &r32, 4, 0);
	assert_int_equal(r32, 0xdeadbeef);

	/* unmap closes the file; the ioport is then unusable */
	assert_int_equal(rte_pci_ioport_unmap(&p), 0);
	assert_int_equal(test_count_fds(), fds);
	assert_null(p.dev);
	assert_int_equal(rte_pci_ioport_unmap(&p), -EINVAL);
	r32 = 7;
	rte_pci_ioport_read(&p, &r32, 4, 0);
	assert_int_equal(r32, 7);
	rte_pci_ioport_write(&p, &v32, 4, 0);
	assert_int_equal(rte_pci_ioport_unmap(NULL), -EINVAL);
}

static void
test_map_refused(void **state)
{
	struct rte_pci_device dev;
	struct rte_pci_ioport p;
	int fds = test_count_fds();

	(void)state;
	memset(&p, 0, sizeof(p));
	dev_init(&dev, RTE_PCI_KDRV_UIO_GENERIC, "uio_pci_generic");
	/* BAR0 is a memory BAR, BAR2 is empty, 6 and -1 do not exist */
	assert_int_equal(rte_pci_ioport_map(&dev, 0, &p), -EINVAL);
	assert_int_equal(rte_pci_ioport_map(&dev, 2, &p), -EINVAL);
	assert_int_equal(rte_pci_ioport_map(&dev, PCI_MAX_RESOURCE, &p), -EINVAL);
	assert_int_equal(rte_pci_ioport_map(&dev, -1, &p), -EINVAL);
	assert_int_equal(rte_pci_ioport_map(NULL, IO_BAR, &p), -EINVAL);
	assert_int_equal(rte_pci_ioport_map(&dev, IO_BAR, NULL), -EINVAL);
	/* a kernel NIC driver gives no port access */
	dev_init(&dev, RTE_PCI_KDRV_UNKNOWN, "virtio-pci");
	assert_int_equal(rte_pci_ioport_map(&dev, IO_BAR, &p), -ENOTSUP);
	/* vfio-pci: the region is read through the device fd, which mapping opens */
	dev_init(&dev, RTE_PCI_KDRV_VFIO, "vfio-pci");
	assert_int_equal(rte_pci_ioport_map(&dev, IO_BAR, &p), -ENODEV);
	/* uio without the resource file */
	dev_init(&dev, RTE_PCI_KDRV_IGB_UIO, "igb_uio");
	assert_int_equal(rename(io_file, "/tmp/pci_ioport_moved"), 0);
	assert_int_equal(rte_pci_ioport_map(&dev, IO_BAR, &p), -ENOENT);
	assert_int_equal(rename("/tmp/pci_ioport_moved", io_file), 0);
	/* a device sysfs does not know */
	snprintf(dev.name, sizeof(dev.name), "0000:00:1f.7");
	assert_int_equal(rte_pci_ioport_map(&dev, IO_BAR, &p), -ENOENT);
	assert_null(p.dev);
	assert_int_equal(test_count_fds(), fds);
}

/*
 * vfio-pci: the region info ioctl is refused on anything but a vfio device fd; reads and
 * writes go to the device fd at the region's offset (a file stands in for it here), and stop
 * once the device is unmapped.
 */
static void
test_vfio(void **state)
{
	struct rte_pci_device dev;
	struct rte_pci_ioport p;
	struct pci_map_priv mp;
	uint32_t v = 0x5a5a1234, r = 0;
	int fd;

	(void)state;
	dev_init(&dev, RTE_PCI_KDRV_VFIO, "vfio-pci");
	/* what the vfio back end of the bus leaves in it, as far as the ioport looks */
	memset(&mp, 0, sizeof(mp));
	mp.cfg_fd = -1;
	mp.uio_fd = -1;
	fd = open(io_file, O_RDWR);
	assert_true(fd >= 0);
	mp.vfio_dev_fd = fd;
	dev.map_priv = &mp;
	assert_int_equal(rte_pci_ioport_map(&dev, IO_BAR, &p), -ENOTTY);
	/* as a successful map leaves it: region offset 16 of the device fd */
	p.dev = &dev;
	p.base = 16;
	p.len = 32;
	rte_pci_ioport_write(&p, &v, sizeof(v), 8);
	assert_int_equal(pread(fd, &r, sizeof(r), 24), sizeof(r));
	assert_int_equal(r, v);
	r = 0;
	rte_pci_ioport_read(&p, &r, sizeof(r), 8);
	assert_int_equal(r, v);
	/* the device unmapped under the ioport: refused, nothing touched */
	dev.map_priv = NULL;
	r = 7;
	rte_pci_ioport_read(&p, &r, sizeof(r), 8);
	assert_int_equal(r, 7);
	rte_pci_ioport_write(&p, &r, sizeof(r), 8);
	assert_int_equal(pread(fd, &r, sizeof(r), 24), sizeof(r));
	assert_int_equal(r, v);
	/* unmap leaves the device fd to the mapping */
	dev.map_priv = &mp;
	assert_int_equal(rte_pci_ioport_unmap(&p), 0);
	assert_true(fcntl(fd, F_GETFD) >= 0);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_read_write),
		cmocka_unit_test(test_map_refused),
		cmocka_unit_test(test_vfio),
	};
	char dir[PATH_MAX];
	int ret;

	if (fake_sysfs_create(root, sizeof(root)) < 0 || fake_sysfs_add(root, &fdev) < 0) {
		fprintf(stderr, "cannot build the fake sysfs tree in %s\n", root);
		fake_sysfs_destroy(root);
		return 1;
	}
	fake_dev_path(root, fdev.addr, NULL, dir, sizeof(dir));
	snprintf(io_file, sizeof(io_file), "%s/resource%d", dir, IO_BAR);
	if (fake_bar_file(io_file, IO_LEN, 0, 0) < 0) {
		fake_sysfs_destroy(root);
		return 1;
	}
	fake_sysfs_env(root);
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	fake_sysfs_destroy(root);
	return ret;
}
