/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A fake /sys/bus/pci/devices, /sys/class/uio and /dev for the PCI bus tests and benchmark:
 * regular files stand in for BARs and uio device nodes (mmap works on them), symlinks for the
 * driver and iommu_group links. The bus is pointed at it through SYSFS_PCI_DEVICES,
 * RTE_PCI_DEV_DIR and RTE_PCI_UIO_CLASS_DIR.
 */
#ifndef _PCI_FAKE_SYSFS_H_
#define _PCI_FAKE_SYSFS_H_

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>

/* Paths here are short temporary names; a truncated one would fail the test anyway. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

struct fake_pci_dev {
	const char *addr;      /* full PCI address */
	uint16_t vendor, device;
	uint16_t sub_vendor, sub_device;
	const char *driver;    /* kernel driver name, NULL: no driver link */
	int uio_num;           /* uio device created for it, -1: none */
	int iommu_group;       /* -1: no iommu_group link */
	uint64_t bar0_phys;
	uint32_t bar0_len;
	uint32_t bar0_value;   /* written at the start of BAR0 */
};

static inline int
fake_write(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, data, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -EIO;
}

static inline int
fake_writef(const char *dir, const char *file, const char *text)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	return fake_write(path, text, strlen(text));
}

static inline int
fake_mkdirs(const char *path)
{
	char tmp[PATH_MAX];
	char *p;

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (p = tmp + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
		return -errno;
	return 0;
}

/* A file of len bytes (sparse) holding value at offset. */
static inline int
fake_bar_file(const char *path, size_t len, off_t offset, uint32_t value)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	int ret = 0;

	if (fd < 0)
		return -errno;
	if (ftruncate(fd, (off_t)len + offset) < 0 ||
	    pwrite(fd, &value, sizeof(value), offset) != sizeof(value))
		ret = -errno;
	close(fd);
	return ret;
}

static inline int
fake_sysfs_create(char *root, size_t size)
{
	char path[PATH_MAX];

	snprintf(root, size, "/tmp/pci_fake_XXXXXX");
	if (mkdtemp(root) == NULL)
		return -errno;
	snprintf(path, sizeof(path), "%s/devices", root);
	if (fake_mkdirs(path) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/dev", root);
	if (fake_mkdirs(path) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/class_uio", root);
	return fake_mkdirs(path);
}

static inline void
fake_sysfs_env(const char *root)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/devices", root);
	setenv("SYSFS_PCI_DEVICES", path, 1);
	snprintf(path, sizeof(path), "%s/dev", root);
	setenv("RTE_PCI_DEV_DIR", path, 1);
	snprintf(path, sizeof(path), "%s/class_uio", root);
	setenv("RTE_PCI_UIO_CLASS_DIR", path, 1);
}

static inline void
fake_dev_path(const char *root, const char *addr, const char *file, char *out, size_t size)
{
	snprintf(out, size, "%s/devices/%s%s%s", root, addr, file != NULL ? "/" : "",
		file != NULL ? file : "");
}

/* Point the device's driver link at drivers/<driver> (NULL: remove the link). */
static inline int
fake_set_driver(const char *root, const char *addr, const char *driver)
{
	char link[PATH_MAX], target[PATH_MAX];

	fake_dev_path(root, addr, "driver", link, sizeof(link));
	unlink(link);
	if (driver == NULL)
		return 0;
	snprintf(target, sizeof(target), "%s/drivers/%s", root, driver);
	if (fake_mkdirs(target) < 0)
		return -1;
	snprintf(target, sizeof(target), "../../drivers/%s", driver);
	return symlink(target, link) < 0 ? -errno : 0;
}

static inline int
fake_sysfs_add(const char *root, const struct fake_pci_dev *d)
{
	char dir[PATH_MAX], path[PATH_MAX + 64], text[1024];
	uint8_t config[256];
	int i, n = 0;

	fake_dev_path(root, d->addr, NULL, dir, sizeof(dir));
	if (fake_mkdirs(dir) < 0)
		return -1;
	snprintf(text, sizeof(text), "0x%04x\n", d->vendor);
	if (fake_writef(dir, "vendor", text) < 0)
		return -1;
	snprintf(text, sizeof(text), "0x%04x\n", d->device);
	fake_writef(dir, "device", text);
	snprintf(text, sizeof(text), "0x%04x\n", d->sub_vendor);
	fake_writef(dir, "subsystem_vendor", text);
	snprintf(text, sizeof(text), "0x%04x\n", d->sub_device);
	fake_writef(dir, "subsystem_device", text);
	fake_writef(dir, "class", "0x020000\n");
	fake_writef(dir, "numa_node", "-1\n");
	/* BAR0 memory, BAR1 I/O ports, the rest empty, then the ROM line */
	n += snprintf(text + n, sizeof(text) - n, "0x%016llx 0x%016llx 0x%016llx\n",
		(unsigned long long)d->bar0_phys,
		(unsigned long long)(d->bar0_phys + d->bar0_len - 1), 0x40200ULL);
	n += snprintf(text + n, sizeof(text) - n, "0x%016llx 0x%016llx 0x%016llx\n",
		0xc000ULL, 0xc03fULL, 0x40101ULL);
	for (i = 2; i < 7; i++)
		n += snprintf(text + n, sizeof(text) - n, "0x%016llx 0x%016llx 0x%016llx\n",
			0ULL, 0ULL, 0ULL);
	fake_writef(dir, "resource", text);
	snprintf(path, sizeof(path), "%s/resource0", dir);
	if (fake_bar_file(path, d->bar0_len, 0, d->bar0_value) < 0)
		return -1;
	memset(config, 0, sizeof(config));
	memcpy(config, &d->vendor, 2);
	memcpy(config + 2, &d->device, 2);
	snprintf(path, sizeof(path), "%s/config", dir);
	fake_write(path, config, sizeof(config));
	if (fake_set_driver(root, d->addr, d->driver) < 0)
		return -1;
	if (d->uio_num >= 0) {
		char mapdir[PATH_MAX];

		snprintf(path, sizeof(path), "%s/uio/uio%d", dir, d->uio_num);
		fake_mkdirs(path);
		snprintf(path, sizeof(path), "%s/dev/uio%d", root, d->uio_num);
		if (d->driver != NULL && strcmp(d->driver, "igb_uio") == 0) {
			/* map0 = BAR0, read from /dev/uioN at offset 0 */
			if (fake_bar_file(path, d->bar0_len, 0, d->bar0_value) < 0)
				return -1;
			snprintf(mapdir, sizeof(mapdir), "%s/class_uio/uio%d/maps/map0", root,
				d->uio_num);
			fake_mkdirs(mapdir);
			snprintf(text, sizeof(text), "0x%016llx\n",
				(unsigned long long)d->bar0_phys);
			fake_writef(mapdir, "addr", text);
			snprintf(text, sizeof(text), "0x%08x\n", d->bar0_len);
			fake_writef(mapdir, "size", text);
			fake_writef(mapdir, "offset", "0x0\n");
			fake_writef(mapdir, "name", "BAR0\n");
		} else {
			fake_write(path, "", 0);
		}
	}
	if (d->iommu_group >= 0) {
		char target[PATH_MAX];

		snprintf(target, sizeof(target), "../../kernel/iommu_groups/%d", d->iommu_group);
		snprintf(path, sizeof(path), "%s/iommu_group", dir);
		if (symlink(target, path) < 0)
			return -1;
	}
	return 0;
}

static inline int
fake_rm_cb(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline void
fake_sysfs_destroy(const char *root)
{
	if (root != NULL && root[0] != '\0')
		nftw(root, fake_rm_cb, 16, FTW_DEPTH | FTW_PHYS);
}

/* Lines of /proc/self/maps (for flatness checks). */
static inline int
fake_count_maps(void)
{
	char line[1024];
	FILE *f = fopen("/proc/self/maps", "r");
	int n = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		n++;
	fclose(f);
	return n;
}

/* Open file descriptors of this process. */
static inline int
fake_count_fds(void)
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

#endif /* _PCI_FAKE_SYSFS_H_ */
