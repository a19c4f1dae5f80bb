/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reading one device's folder under /sys/bus/pci/devices. Files the kernel always provides
 * must be there and well formed; a device whose folder is not is refused with one message
 * naming the file, and nothing of it is kept.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_lcore.h>

#include "pci_private.h"

/*
 * Level of the messages about malformed files: the bus lowers it for rescans of devices
 * nobody asked for, so a broken folder is reported once, not at every hotplug attach.
 */
uint32_t pci_sysfs_log_level = RTE_LOG_ERR;
#define SYSFS_LOG(fmt, ...) \
	rte_log(pci_sysfs_log_level, pci_logtype, "PCI: " fmt "\n", ##__VA_ARGS__)

/* Whole small file into buf, terminated. Bytes read, or a negative errno. */
int
pci_read_file(const char *path, char *buf, size_t size)
{
	size_t total = 0;
	ssize_t n;
	int fd;

	if (size < 2)
		return -EINVAL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	for (;;) {
		n = read(fd, buf + total, size - 1 - total);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			n = -errno;
			close(fd);
			return (int)n;
		}
		if (n == 0)
			break;
		total += (size_t)n;
		if (total == size - 1) {
			char extra;

			/* more than fits: not the small file we expect */
			n = read(fd, &extra, 1);
			close(fd);
			if (n > 0)
				return -EFBIG;
			buf[total] = '\0';
			return (int)total;
		}
	}
	close(fd);
	buf[total] = '\0';
	return (int)total;
}

static int
read_value(const char *dir, const char *file, uint64_t max, uint64_t *val, int required)
{
	char path[PATH_MAX];
	char buf[64];
	int ret;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	ret = pci_read_file(path, buf, sizeof(buf));
	if (ret == -ENOENT && !required)
		return 1;
	if (ret < 0) {
		SYSFS_LOG("cannot read %s: %s", path, strerror(-ret));
		return ret;
	}
	if (pci_parse_sysfs_value(buf, max, val) < 0) {
		buf[strcspn(buf, "\n")] = '\0';
		SYSFS_LOG("%s: invalid value '%.32s'", path, buf);
		return -EINVAL;
	}
	return 0;
}

static int
read_numa_node(const char *dir, int *node)
{
	char path[PATH_MAX];
	char buf[64];
	uint64_t v;
	int ret;

	snprintf(path, sizeof(path), "%s/numa_node", dir);
	ret = pci_read_file(path, buf, sizeof(buf));
	if (ret == -ENOENT) {
		*node = SOCKET_ID_ANY;
		return 0;
	}
	if (ret < 0) {
		SYSFS_LOG("cannot read %s: %s", path, strerror(-ret));
		return ret;
	}
	if (strcmp(buf, "-1\n") == 0 || strcmp(buf, "-1") == 0) {
		*node = SOCKET_ID_ANY;
		return 0;
	}
	if (pci_parse_sysfs_value(buf, INT_MAX, &v) < 0) {
		buf[strcspn(buf, "\n")] = '\0';
		SYSFS_LOG("%s: invalid value '%.32s'", path, buf);
		return -EINVAL;
	}
	*node = (int)v;
	return 0;
}

static int
read_driver(const char *dir, struct rte_pci_device *dev)
{
	char path[PATH_MAX];
	char link[PATH_MAX];
	const char *base;
	ssize_t n;

	snprintf(path, sizeof(path), "%s/driver", dir);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		if (errno == ENOENT) {
			dev->kdrv = RTE_PCI_KDRV_NONE;
			dev->kdrv_name[0] = '\0';
			return 0;
		}
		SYSFS_LOG("cannot read link %s: %s", path, strerror(errno));
		return -errno;
	}
	link[n] = '\0';
	base = strrchr(link, '/');
	base = base == NULL ? link : base + 1;
	if (base[0] == '\0' || strlen(base) >= sizeof(dev->kdrv_name)) {
		SYSFS_LOG("%s: invalid driver link '%s'", path, link);
		return -EINVAL;
	}
	memcpy(dev->kdrv_name, base, strlen(base) + 1);
	dev->kdrv = pci_kdrv_from_name(base);
	return 0;
}

static int
read_resources(const char *dir, struct rte_pci_device *dev)
{
	char path[PATH_MAX];
	char buf[4096];
	int ret;

	snprintf(path, sizeof(path), "%s/resource", dir);
	ret = pci_read_file(path, buf, sizeof(buf));
	if (ret < 0) {
		SYSFS_LOG("cannot read %s: %s", path, strerror(-ret));
		return ret;
	}
	ret = pci_parse_resource_table(buf, dev->mem_resource);
	if (ret < 0) {
		SYSFS_LOG("%s: line %d is missing, not 'start end flags', or ends before it starts",
			path, -ret);
		return -EINVAL;
	}
	return 0;
}

/* Fill dev (zeroed by the caller) from the folder dirname of the device at addr. */
int
pci_scan_one(const char *dirname, const struct rte_pci_addr *addr, struct rte_pci_device *dev)
{
	uint64_t v;
	int ret;

	dev->addr = *addr;
	rte_pci_device_name(addr, dev->name, sizeof(dev->name));
	dev->device.name = dev->name;

	if ((ret = read_value(dirname, "vendor", 0xffff, &v, 1)) != 0)
		return ret;
	dev->id.vendor_id = (uint16_t)v;
	if ((ret = read_value(dirname, "device", 0xffff, &v, 1)) != 0)
		return ret;
	dev->id.device_id = (uint16_t)v;
	if ((ret = read_value(dirname, "subsystem_vendor", 0xffff, &v, 1)) != 0)
		return ret;
	dev->id.subsystem_vendor_id = (uint16_t)v;
	if ((ret = read_value(dirname, "subsystem_device", 0xffff, &v, 1)) != 0)
		return ret;
	dev->id.subsystem_device_id = (uint16_t)v;
	if ((ret = read_value(dirname, "class", 0xffffff, &v, 1)) != 0)
		return ret;
	dev->id.class_id = (uint32_t)v;

	/* SR-IOV: sriov_numvfs on current kernels, max_vfs from older out-of-tree drivers */
	ret = read_value(dirname, "sriov_numvfs", 0xffff, &v, 0);
	if (ret == 1)
		ret = read_value(dirname, "max_vfs", 0xffff, &v, 0);
	if (ret < 0)
		return ret;
	dev->max_vfs = ret == 0 ? (uint16_t)v : 0;

	if ((ret = read_numa_node(dirname, &dev->device.numa_node)) < 0)
		return ret;
	if ((ret = read_resources(dirname, dev)) < 0)
		return ret;
	return read_driver(dirname, dev);
}

/* N of the uio device a uio driver created for the device: <dev>/uio/uioN. */
int
pci_uio_number(const char *sysfs_dev, int *num)
{
	char path[PATH_MAX];
	struct dirent *e;
	DIR *d;
	int found = -ENOENT;

	snprintf(path, sizeof(path), "%s/uio", sysfs_dev);
	d = opendir(path);
	if (d == NULL)
		return -errno;
	while ((e = readdir(d)) != NULL) {
		char *end;
		long n;

		if (strncmp(e->d_name, "uio", 3) != 0 || e->d_name[3] < '0' || e->d_name[3] > '9')
			continue;
		errno = 0;
		n = strtol(e->d_name + 3, &end, 10);
		if (errno != 0 || *end != '\0' || n > INT_MAX)
			continue;
		*num = (int)n;
		found = 0;
		break;
	}
	closedir(d);
	return found;
}

int
pci_iommu_group(const char *sysfs_dev, int *group)
{
	char path[PATH_MAX];
	char link[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof(path), "%s/iommu_group", sysfs_dev);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		int err = errno;

		PCI_LOG(ERR, "cannot read link %s: %s (no IOMMU group: is the IOMMU enabled?)",
			path, strerror(err));
		return -err;
	}
	link[n] = '\0';
	if (pci_parse_group_link(link, group) < 0) {
		PCI_LOG(ERR, "%s: invalid IOMMU group link '%s'", path, link);
		return -EINVAL;
	}
	return 0;
}
