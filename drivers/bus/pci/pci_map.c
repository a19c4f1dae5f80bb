/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mapping a device's BARs for its driver, by kernel driver type, and access to its
 * configuration space. Everything acquired is recorded in a struct pci_map_priv so that
 * rte_pci_unmap_device releases all of it, in reverse order, whatever the type.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include <rte_eal.h>
#include <rte_interrupts.h>

#include "pci_private.h"

void
pci_map_priv_init(struct pci_map_priv *mp)
{
	memset(mp, 0, sizeof(*mp));
	mp->uio_num = -1;
	mp->uio_fd = -1;
	mp->cfg_fd = -1;
	mp->vfio_dev_fd = -1;
	mp->vfio_event_fd = -1;
	mp->vfio_group = -1;
}

void
pci_unmap_bars(struct pci_map_priv *mp)
{
	while (mp->nb_bars > 0) {
		struct pci_bar_map *b = &mp->bars[--mp->nb_bars];

		munmap(b->addr, b->len);
	}
}

static void
pci_release(struct rte_pci_device *dev, struct pci_map_priv *mp)
{
	int i;

	if (dev->intr_handle != NULL) {
		rte_intr_fd_set(dev->intr_handle, -1);
		rte_intr_dev_fd_set(dev->intr_handle, -1);
		rte_intr_type_set(dev->intr_handle, RTE_INTR_HANDLE_UNKNOWN);
	}
	for (i = 0; i < PCI_MAX_RESOURCE; i++)
		dev->mem_resource[i].addr = NULL;
	pci_bars_forget(dev);
	if (mp->vfio_dev_fd >= 0 || mp->vfio_group >= 0) {
		pci_vfio_unmap(dev, mp);
		return;
	}
	pci_unmap_bars(mp);
	/*
	 * uio_pci_generic: the bus switched bus mastering on, so it switches it off again; a
	 * device left mastering could still DMA into memory the application frees next.
	 */
	if (dev->kdrv == RTE_PCI_KDRV_UIO_GENERIC && mp->cfg_fd >= 0 && !mp->removed &&
	    rte_eal_process_type() == RTE_PROC_PRIMARY) {
		uint16_t cmd;

		if (pread(mp->cfg_fd, &cmd, sizeof(cmd), RTE_PCI_COMMAND) == sizeof(cmd) &&
		    (cmd & RTE_PCI_COMMAND_MASTER)) {
			cmd &= (uint16_t)~RTE_PCI_COMMAND_MASTER;
			if (pwrite(mp->cfg_fd, &cmd, sizeof(cmd), RTE_PCI_COMMAND) != sizeof(cmd))
				PCI_LOG(WARNING, "%s: cannot switch bus mastering off", dev->name);
		}
	}
	if (mp->cfg_fd >= 0)
		close(mp->cfg_fd);
	if (mp->uio_fd >= 0)
		close(mp->uio_fd);
	mp->cfg_fd = -1;
	mp->uio_fd = -1;
}

static void pci_devres_unmap(struct rte_device *d, void *arg);

int
rte_pci_map_device(struct rte_pci_device *dev)
{
	struct pci_map_priv *mp;
	int ret;

	if (dev == NULL)
		return -EINVAL;
	if (dev->map_priv != NULL)
		return 0;
	mp = malloc(sizeof(*mp));
	if (mp == NULL)
		return -ENOMEM;
	pci_map_priv_init(mp);
	switch (dev->kdrv) {
	case RTE_PCI_KDRV_IGB_UIO:
	case RTE_PCI_KDRV_UIO_GENERIC:
		ret = pci_uio_map(dev, mp);
		break;
	case RTE_PCI_KDRV_VFIO:
		ret = pci_vfio_map(dev, mp);
		break;
	default:
		PCI_LOG(ERR, "cannot map %s: bound to %s%s, not to igb_uio, uio_pci_generic or vfio-pci",
			dev->name, dev->kdrv_name[0] != '\0' ? "kernel driver " : "no kernel driver",
			dev->kdrv_name);
		free(mp);
		return 1;
	}
	if (ret < 0) {
		pci_release(dev, mp);
		free(mp);
		return ret;
	}
	/*
	 * Recorded against the device: if the driver's probe fails, or after its remove, the core
	 * unmaps it even when nobody calls rte_pci_unmap_device.
	 */
	ret = rte_devres_add(&dev->device, pci_devres_unmap, NULL);
	if (ret < 0) {
		pci_release(dev, mp);
		free(mp);
		return ret;
	}
	dev->map_priv = mp;
	pci_bars_publish(dev, mp);
	return 0;
}

void
pci_map_keep(struct rte_pci_device *dev)
{
	rte_devres_remove(&dev->device, pci_devres_unmap, NULL);
}

static void
pci_unmap_now(struct rte_pci_device *dev)
{
	struct pci_map_priv *mp = dev->map_priv;

	if (mp == NULL)
		return;
	dev->map_priv = NULL;
	pci_release(dev, mp);
	free(mp);
}

static void
pci_devres_unmap(struct rte_device *d, void *arg)
{
	RTE_SET_USED(arg);
	pci_unmap_now(RTE_DEV_TO_PCI(d));
}

void
rte_pci_unmap_device(struct rte_pci_device *dev)
{
	if (dev == NULL || dev->map_priv == NULL)
		return;
	rte_devres_remove(&dev->device, pci_devres_unmap, NULL);
	pci_unmap_now(dev);
}

/* Config space: the vfio config region once mapped, else the sysfs config file. */
static int
pci_config_io(const struct rte_pci_device *dev, void *buf, size_t len, off_t offset, int write)
{
	const struct pci_map_priv *mp = dev->map_priv;
	char path[PATH_MAX];
	off_t base = 0;
	ssize_t n;
	int fd, own = 0;

	if (buf == NULL || offset < 0 || len > INT_MAX)
		return -EINVAL;
	if (mp != NULL && mp->vfio_dev_fd >= 0) {
		fd = mp->vfio_dev_fd;
		base = (off_t)mp->vfio_cfg_offset;
	} else if (mp != NULL && mp->cfg_fd >= 0) {
		fd = mp->cfg_fd;
	} else if (dev->kdrv == RTE_PCI_KDRV_VFIO) {
		PCI_LOG(ERR, "%s: configuration space of a vfio-pci device needs it mapped first",
			dev->name);
		return -ENODEV;
	} else {
		snprintf(path, sizeof(path), "%s/%s/config", rte_pci_get_sysfs_path(), dev->name);
		fd = open(path, (write ? O_RDWR : O_RDONLY) | O_CLOEXEC);
		if (fd < 0) {
			int err = errno;

			PCI_LOG(ERR, "cannot open %s: %s", path, strerror(err));
			return -err;
		}
		own = 1;
	}
	if (write)
		n = pwrite(fd, buf, len, base + offset);
	else
		n = pread(fd, buf, len, base + offset);
	if (n < 0)
		n = -errno;
	if (own)
		close(fd);
	if (n < 0)
		PCI_LOG(ERR, "%s: cannot %s %zu bytes of config space at 0x%jx: %s", dev->name,
			write ? "write" : "read", len, (intmax_t)offset, strerror((int)-n));
	return (int)n;
}

int
rte_pci_read_config(const struct rte_pci_device *device, void *buf, size_t len, off_t offset)
{
	if (device == NULL)
		return -EINVAL;
	return pci_config_io(device, buf, len, offset, 0);
}

int
rte_pci_write_config(const struct rte_pci_device *device, const void *buf, size_t len,
		off_t offset)
{
	if (device == NULL)
		return -EINVAL;
	return pci_config_io(device, (void *)(uintptr_t)buf, len, offset, 1);
}

int
rte_pci_set_bus_master(struct rte_pci_device *dev, bool enable)
{
	uint16_t cmd;
	int ret;

	ret = rte_pci_read_config(dev, &cmd, sizeof(cmd), RTE_PCI_COMMAND);
	if (ret != sizeof(cmd))
		return ret < 0 ? ret : -EIO;
	if (!!(cmd & RTE_PCI_COMMAND_MASTER) == enable)
		return 0;
	if (enable)
		cmd |= RTE_PCI_COMMAND_MASTER;
	else
		cmd &= (uint16_t)~RTE_PCI_COMMAND_MASTER;
	ret = rte_pci_write_config(dev, &cmd, sizeof(cmd), RTE_PCI_COMMAND);
	return ret == sizeof(cmd) ? 0 : ret < 0 ? ret : -EIO;
}
