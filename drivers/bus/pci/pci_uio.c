/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BAR mapping for the two uio drivers (Documentation/driver-api/uio-howto.rst):
 * - uio_pci_generic exposes no memory maps of its own: BARs are mapped through the sysfs
 *   resourceN files, /dev/uioN only delivers INTx interrupts (masked and unmasked through
 *   the command register, hence the config fd kept as the handle's dev_fd);
 * - igb_uio lists each BAR as /sys/class/uio/uioN/maps/mapM/{addr,size,offset}, and map M
 *   is mapped from /dev/uioN at file offset M * page size.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include <rte_eal.h>
#include <rte_interrupts.h>

#include "pci_private.h"

static int
record_map(struct pci_map_priv *mp, void *addr, size_t len, int bar)
{
	mp->bars[mp->nb_bars].addr = addr;
	mp->bars[mp->nb_bars].len = len;
	mp->bars[mp->nb_bars].bar = bar;
	mp->nb_bars++;
	return 0;
}

static int
map_resource_files(struct rte_pci_device *dev, struct pci_map_priv *mp, const char *sysfs_dev)
{
	char path[PATH_MAX + 32];
	void *va;
	int i, fd;

	for (i = 0; i < PCI_MAX_RESOURCE; i++) {
		size_t len = (size_t)dev->mem_resource[i].len;

		if (len == 0)
			continue;
		fd = -1;
		if (dev->driver != NULL && (dev->driver->drv_flags & RTE_PCI_DRV_WC_ACTIVATE)) {
			/* the kernel offers resourceN_wc only for prefetchable BARs */
			snprintf(path, sizeof(path), "%s/resource%d_wc", sysfs_dev, i);
			fd = open(path, O_RDWR | O_CLOEXEC);
		}
		if (fd < 0) {
			snprintf(path, sizeof(path), "%s/resource%d", sysfs_dev, i);
			fd = open(path, O_RDWR | O_CLOEXEC);
		}
		if (fd < 0) {
			int err = errno;

			PCI_LOG(ERR, "%s: cannot open %s: %s", dev->name, path, strerror(err));
			return -err;
		}
		va = pci_bar_mmap(dev, i, len, fd, 0);
		close(fd);
		if (va == MAP_FAILED) {
			int err = errno;

			PCI_LOG(ERR, "%s: cannot mmap %s (%zu bytes): %s", dev->name, path, len,
				strerror(err));
			return -err;
		}
		record_map(mp, va, len, i);
		dev->mem_resource[i].addr = va;
	}
	return 0;
}

static int
read_map_attr(const char *dir, const char *name, uint64_t *val)
{
	char path[PATH_MAX];
	char buf[64];
	int ret;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	ret = pci_read_file(path, buf, sizeof(buf));
	if (ret < 0)
		return ret;
	if (pci_parse_sysfs_value(buf, UINT64_MAX, val) < 0) {
		buf[strcspn(buf, "\n")] = '\0';
		PCI_LOG(ERR, "%s: invalid value '%.32s'", path, buf);
		return -EINVAL;
	}
	return 0;
}

static int
map_uio_maps(struct rte_pci_device *dev, struct pci_map_priv *mp)
{
	long pagesz = sysconf(_SC_PAGESIZE);
	char dir[PATH_MAX];
	int m, i, ret;

	for (m = 0; m < PCI_MAX_RESOURCE; m++) {
		uint64_t addr, size, offset;
		void *va;

		snprintf(dir, sizeof(dir), "%s/uio%d/maps/map%d", pci_uio_class_dir(),
			mp->uio_num, m);
		ret = read_map_attr(dir, "addr", &addr);
		if (ret == -ENOENT && m > 0)
			break; /* no more maps */
		if (ret < 0) {
			PCI_LOG(ERR, "%s: cannot read %s/addr: %s", dev->name, dir, strerror(-ret));
			return ret;
		}
		if ((ret = read_map_attr(dir, "size", &size)) < 0 ||
		    (ret = read_map_attr(dir, "offset", &offset)) < 0) {
			PCI_LOG(ERR, "%s: incomplete uio map %s: %s", dev->name, dir,
				strerror(-ret));
			return ret;
		}
		if (size == 0 || offset >= (uint64_t)pagesz || size > SIZE_MAX - offset) {
			PCI_LOG(ERR, "%s: uio map %s has size 0x%" PRIx64 " offset 0x%" PRIx64,
				dev->name, dir, size, offset);
			return -EINVAL;
		}
		for (i = 0; i < PCI_MAX_RESOURCE; i++)
			if (dev->mem_resource[i].len != 0 && dev->mem_resource[i].phys_addr == addr)
				break;
		if (i == PCI_MAX_RESOURCE) {
			PCI_LOG(DEBUG, "%s: uio map %d at 0x%" PRIx64 " is no memory BAR", dev->name,
				m, addr);
			continue;
		}
		va = pci_bar_mmap(dev, i, (size_t)(size + offset), mp->uio_fd,
			(off_t)m * pagesz);
		if (va == MAP_FAILED) {
			int err = errno;

			PCI_LOG(ERR, "%s: cannot mmap map%d of %s/uio%d: %s", dev->name, m,
				pci_dev_dir(), mp->uio_num, strerror(err));
			return -err;
		}
		record_map(mp, va, (size_t)(size + offset), i);
		dev->mem_resource[i].addr = (char *)va + offset;
	}
	return 0;
}

int
pci_uio_map(struct rte_pci_device *dev, struct pci_map_priv *mp)
{
	char sysfs_dev[PATH_MAX];
	char path[PATH_MAX + 16];
	int ret;

	snprintf(sysfs_dev, sizeof(sysfs_dev), "%s/%s", rte_pci_get_sysfs_path(), dev->name);
	ret = pci_uio_number(sysfs_dev, &mp->uio_num);
	if (ret < 0) {
		PCI_LOG(ERR, "%s: no uio device in %s/uio (is %s bound to it?)", dev->name,
			sysfs_dev, dev->kdrv_name);
		return -ENODEV;
	}
	/*
	 * uio_pci_generic switches bus mastering off whenever its device node is closed: a
	 * secondary process, which maps the BARs from sysfs and leaves interrupts to the
	 * primary, must not open it, or its exit would stop the primary's DMA.
	 */
	snprintf(path, sizeof(path), "%s/uio%d", pci_dev_dir(), mp->uio_num);
	if (dev->kdrv != RTE_PCI_KDRV_UIO_GENERIC || rte_eal_process_type() == RTE_PROC_PRIMARY) {
		mp->uio_fd = open(path, O_RDWR | O_CLOEXEC);
		if (mp->uio_fd < 0) {
			ret = -errno;
			PCI_LOG(ERR, "%s: cannot open %s: %s", dev->name, path, strerror(-ret));
			return ret;
		}
	}
	snprintf(path, sizeof(path), "%s/config", sysfs_dev);
	mp->cfg_fd = open(path, O_RDWR | O_CLOEXEC);
	if (mp->cfg_fd < 0) {
		ret = -errno;
		PCI_LOG(ERR, "%s: cannot open %s: %s", dev->name, path, strerror(-ret));
		return ret;
	}
	if (dev->kdrv == RTE_PCI_KDRV_UIO_GENERIC)
		ret = map_resource_files(dev, mp, sysfs_dev);
	else
		ret = map_uio_maps(dev, mp);
	if (ret < 0)
		return ret;
	/* the device and its interrupts are the primary process's to set up */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	/* uio_pci_generic leaves bus mastering off; igb_uio turns it on itself */
	if (dev->kdrv == RTE_PCI_KDRV_UIO_GENERIC) {
		dev->map_priv = mp;
		ret = rte_pci_set_bus_master(dev, true);
		dev->map_priv = NULL;
		if (ret < 0)
			return ret;
	}
	if (dev->intr_handle != NULL) {
		rte_intr_type_set(dev->intr_handle, dev->kdrv == RTE_PCI_KDRV_UIO_GENERIC ?
			RTE_INTR_HANDLE_UIO_INTX : RTE_INTR_HANDLE_UIO);
		rte_intr_fd_set(dev->intr_handle, mp->uio_fd);
		rte_intr_dev_fd_set(dev->intr_handle, mp->cfg_fd);
	}
	return 0;
}
