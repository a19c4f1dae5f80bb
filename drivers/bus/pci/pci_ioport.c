/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Access to a device's I/O port BARs (legacy virtio, some old NICs). Three ways, by kernel
 * driver:
 * - vfio-pci: the BAR is a region of the device fd, read and written with pread/pwrite;
 * - uio (igb_uio, uio_pci_generic) with iopl granted: in/out instructions on the ports;
 * - uio without iopl (or a fake sysfs tree): pread/pwrite on the sysfs resourceN file, which
 *   the kernel turns into port accesses of the same width.
 * struct rte_pci_ioport has DPDK's layout and no room for a mode or a file, so 'base' says
 * which: a port number below 64 KiB, a vfio region offset (the device fd is the bus's), or
 * IOPORT_FILE plus the file descriptor.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/vfio.h>
#include <sys/ioctl.h>
#if defined(__x86_64__) || defined(__i386__)
#include <sys/io.h>
#define PCI_HAVE_PORT_IO 1
#endif

#include <rte_eal.h>

#include "pci_private.h"

#define IOPORT_FILE (UINT64_C(1) << 63)
#define IOPORT_FD_MASK UINT64_C(0xffffffff)
/* x86 has 64 KiB of port space: anything in it is a port number. */
#define IOPORT_SPACE 0x10000

/* Start and length of I/O BAR 'bar' from the sysfs resource file; -EINVAL if it is not one. */
static int
ioport_resource(const struct rte_pci_device *dev, int bar, uint64_t *start, uint64_t *len)
{
	char path[PATH_MAX], buf[4096];
	uint64_t s, e, flags;
	char *line = buf;
	int i, ret;

	snprintf(path, sizeof(path), "%s/%s/resource", rte_pci_get_sysfs_path(), dev->name);
	ret = pci_read_file(path, buf, sizeof(buf));
	if (ret < 0) {
		PCI_LOG(ERR, "%s: cannot read %s: %s", dev->name, path, strerror(-ret));
		return ret;
	}
	for (i = 0; i < bar && line != NULL; i++) {
		line = strchr(line, '\n');
		if (line != NULL)
			line++;
	}
	if (line == NULL || pci_parse_resource_line(line, &s, &e, &flags) < 0 || e < s ||
			!(flags & PCI_IORESOURCE_IO) || s == 0) {
		PCI_LOG(ERR, "%s: BAR%d is not an I/O port BAR", dev->name, bar);
		return -EINVAL;
	}
	*start = s;
	*len = e - s + 1;
	return 0;
}

static int
ioport_map_vfio(struct rte_pci_device *dev, int bar, struct rte_pci_ioport *p)
{
	const struct pci_map_priv *mp = dev->map_priv;
	struct vfio_region_info ri = { .argsz = sizeof(ri), .index = (uint32_t)bar };

	if (mp == NULL || mp->vfio_dev_fd < 0) {
		PCI_LOG(ERR, "%s: I/O BAR%d of a vfio-pci device needs the device mapped first",
			dev->name, bar);
		return -ENODEV;
	}
	if (ioctl(mp->vfio_dev_fd, VFIO_DEVICE_GET_REGION_INFO, &ri) < 0) {
		int err = errno;

		PCI_LOG(ERR, "%s: VFIO region info of BAR%d: %s", dev->name, bar, strerror(err));
		return -err;
	}
	if (ri.size == 0 || (ri.flags & (VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE))
			!= (VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE)) {
		PCI_LOG(ERR, "%s: VFIO BAR%d cannot be read and written", dev->name, bar);
		return -EINVAL;
	}
	p->base = ri.offset;
	p->len = ri.size;
	return 0;
}

static int
ioport_map_uio(struct rte_pci_device *dev, int bar, uint64_t start, uint64_t len,
		struct rte_pci_ioport *p)
{
	char path[PATH_MAX];
	int fd;

#ifdef PCI_HAVE_PORT_IO
	/*
	 * Real ports only for the real sysfs tree: a test's fake tree names ports that belong
	 * to something else. iopl is per thread: threads created before this call (lcores)
	 * only have it if the driver asked for it at load time.
	 */
	if (strcmp(rte_pci_get_sysfs_path(), PCI_DEFAULT_SYSFS) == 0 &&
			start + len <= IOPORT_SPACE && rte_eal_iopl_init() == 0) {
		p->base = start;
		p->len = len;
		return 0;
	}
#else
	RTE_SET_USED(start);
#endif
	snprintf(path, sizeof(path), "%s/%s/resource%d", rte_pci_get_sysfs_path(), dev->name,
		bar);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;

		PCI_LOG(ERR, "%s: no port I/O privilege and cannot open %s: %s", dev->name, path,
			strerror(err));
		return -err;
	}
	p->base = IOPORT_FILE | (uint32_t)fd;
	p->len = len;
	return 0;
}

int
rte_pci_ioport_map(struct rte_pci_device *dev, int bar, struct rte_pci_ioport *p)
{
	uint64_t start, len;
	int ret;

	if (dev == NULL || p == NULL) {
		PCI_LOG(ERR, "ioport map: %s is NULL", dev == NULL ? "device" : "ioport");
		return -EINVAL;
	}
	if (bar < 0 || bar >= PCI_MAX_RESOURCE) {
		PCI_LOG(ERR, "%s: BAR%d does not exist", dev->name, bar);
		return -EINVAL;
	}
	ret = ioport_resource(dev, bar, &start, &len);
	if (ret < 0)
		return ret;
	switch (dev->kdrv) {
	case RTE_PCI_KDRV_VFIO:
		ret = ioport_map_vfio(dev, bar, p);
		break;
	case RTE_PCI_KDRV_IGB_UIO:
	case RTE_PCI_KDRV_UIO_GENERIC:
		ret = ioport_map_uio(dev, bar, start, len, p);
		break;
	default:
		PCI_LOG(ERR, "%s: I/O ports need igb_uio, uio_pci_generic or vfio-pci, not %s",
			dev->name, dev->kdrv_name[0] != '\0' ? dev->kdrv_name : "no driver");
		return -ENOTSUP;
	}
	if (ret < 0)
		return ret;
	p->dev = dev;
	return 0;
}

int
rte_pci_ioport_unmap(struct rte_pci_ioport *p)
{
	if (p == NULL || p->dev == NULL) {
		PCI_LOG(ERR, "ioport unmap: not a mapped ioport");
		return -EINVAL;
	}
	if (p->dev->kdrv != RTE_PCI_KDRV_VFIO && (p->base & IOPORT_FILE))
		close((int)(p->base & IOPORT_FD_MASK));
	p->dev = NULL;
	p->base = 0;
	p->len = 0;
	return 0;
}

static int
ioport_check(const struct rte_pci_ioport *p, const void *data, size_t len, off_t offset,
		const char *what)
{
	if (p == NULL || p->dev == NULL || data == NULL) {
		PCI_LOG(ERR, "ioport %s: %s", what, p == NULL || p->dev == NULL ?
			"not a mapped ioport" : "no buffer");
		return -EINVAL;
	}
	if (offset < 0 || (uint64_t)offset > p->len || len > p->len - (uint64_t)offset) {
		PCI_LOG(ERR, "%s: ioport %s of %zu bytes at 0x%jx outside its %" PRIu64 " bytes",
			p->dev->name, what, len, (intmax_t)offset, p->len);
		return -EINVAL;
	}
	return 0;
}

/*
 * The file and its position for pread/pwrite, -1 for port instructions, or -EBADF when the
 * vfio-pci device was unmapped under the ioport (its offset is no port number).
 */
static int
ioport_fd(const struct rte_pci_ioport *p, off_t offset, off_t *pos)
{
	const struct pci_map_priv *mp = p->dev->map_priv;

	if (p->dev->kdrv == RTE_PCI_KDRV_VFIO) {
		*pos = (off_t)p->base + offset;
		if (mp == NULL || mp->vfio_dev_fd < 0) {
			PCI_LOG(ERR, "%s: ioport access after the device was unmapped",
				p->dev->name);
			return -EBADF;
		}
		return mp->vfio_dev_fd;
	}
	if (p->base & IOPORT_FILE) {
		*pos = offset;
		return (int)(p->base & IOPORT_FD_MASK);
	}
	return -1;
}

/*
 * Accesses of the widest size (4, 2 or 1 bytes) the remaining length and alignment allow:
 * a device register must be accessed at its own width.
 */
static size_t
ioport_step(size_t left, off_t at)
{
	if (left >= 4 && (at & 3) == 0)
		return 4;
	if (left >= 2 && (at & 1) == 0)
		return 2;
	return 1;
}

void
rte_pci_ioport_read(struct rte_pci_ioport *p, void *data, size_t len, off_t offset)
{
	uint8_t *d = data;
	off_t pos = 0;
	size_t step;
	int fd;

	if (ioport_check(p, data, len, offset, "read") < 0)
		return;
	fd = ioport_fd(p, offset, &pos);
	if (fd == -EBADF)
		return;
	for (; len > 0; len -= step, d += step, offset += step, pos += step) {
		step = ioport_step(len, offset);
		if (fd >= 0) {
			if (pread(fd, d, step, pos) != (ssize_t)step) {
				PCI_LOG(ERR, "%s: ioport read at 0x%jx: %s", p->dev->name,
					(intmax_t)offset, strerror(errno));
				return;
			}
			continue;
		}
#ifdef PCI_HAVE_PORT_IO
		{
			uint16_t port = (uint16_t)(p->base + (uint64_t)offset);

			if (step == 4) {
				uint32_t v = inl(port);

				memcpy(d, &v, 4);
			} else if (step == 2) {
				uint16_t v = inw(port);

				memcpy(d, &v, 2);
			} else {
				*d = inb(port);
			}
		}
#endif
	}
}

void
rte_pci_ioport_write(struct rte_pci_ioport *p, const void *data, size_t len, off_t offset)
{
	const uint8_t *d = data;
	off_t pos = 0;
	size_t step;
	int fd;

	if (ioport_check(p, data, len, offset, "write") < 0)
		return;
	fd = ioport_fd(p, offset, &pos);
	if (fd == -EBADF)
		return;
	for (; len > 0; len -= step, d += step, offset += step, pos += step) {
		step = ioport_step(len, offset);
		if (fd >= 0) {
			if (pwrite(fd, d, step, pos) != (ssize_t)step) {
				PCI_LOG(ERR, "%s: ioport write at 0x%jx: %s", p->dev->name,
					(intmax_t)offset, strerror(errno));
				return;
			}
			continue;
		}
#ifdef PCI_HAVE_PORT_IO
		{
			uint16_t port = (uint16_t)(p->base + (uint64_t)offset);

			if (step == 4) {
				uint32_t v;

				memcpy(&v, d, 4);
				outl(v, port);
			} else if (step == 2) {
				uint16_t v;

				memcpy(&v, d, 2);
				outw(v, port);
			} else {
				outb(*d, port);
			}
		}
#endif
	}
}
