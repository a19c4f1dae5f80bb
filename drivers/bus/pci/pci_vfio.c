/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfio-pci devices, following the kernel's Documentation/driver-api/vfio.rst. EAL owns the
 * containers and IOMMU groups (rte_vfio.h): the device is set up in EAL's default container,
 * where EAL keeps its memory DMA-mapped, and released there on unmap, which closes its group
 * once no device of it is left. BARs are mmap'ed from the device fd at the offsets the region
 * info gives; configuration space is read and written through the config region.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/vfio.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_dev.h>
#include <rte_interrupts.h>
#include <rte_memory.h>
#include <rte_vfio.h>

#include "pci_private.h"

static int
region_info(int fd, unsigned int index, struct vfio_region_info *ri)
{
	memset(ri, 0, sizeof(*ri));
	ri->argsz = sizeof(*ri);
	ri->index = index;
	return ioctl(fd, VFIO_DEVICE_GET_REGION_INFO, ri) < 0 ? -errno : 0;
}

/*
 * The best interrupt mode the device offers, or only the one --vfio-intr asks for: then its
 * absence fails the mapping, as the user asked for something this device cannot do.
 */
static int
setup_irq(struct rte_pci_device *dev, struct pci_map_priv *mp)
{
	static const struct {
		unsigned int index;
		enum rte_intr_handle_type type;
		enum rte_intr_mode mode;
		const char *name;
	} order[] = {
		{ VFIO_PCI_MSIX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSIX, RTE_INTR_MODE_MSIX, "msix" },
		{ VFIO_PCI_MSI_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSI, RTE_INTR_MODE_MSI, "msi" },
		{ VFIO_PCI_INTX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_LEGACY, RTE_INTR_MODE_LEGACY,
			"legacy" },
	};
	enum rte_intr_mode want = rte_eal_vfio_intr_mode();
	unsigned int i;

	if (dev->intr_handle == NULL)
		return 0;
	for (i = 0; i < RTE_DIM(order); i++) {
		struct vfio_irq_info irq = { .argsz = sizeof(irq), .index = order[i].index };

		if (want != RTE_INTR_MODE_NONE && want != order[i].mode)
			continue;
		if (ioctl(mp->vfio_dev_fd, VFIO_DEVICE_GET_IRQ_INFO, &irq) < 0 ||
		    irq.count == 0 || !(irq.flags & VFIO_IRQ_INFO_EVENTFD)) {
			if (want == RTE_INTR_MODE_NONE)
				continue;
			PCI_LOG(ERR, "%s: --vfio-intr=%s: the device has no such interrupt",
				dev->name, order[i].name);
			return -ENOTSUP;
		}
		mp->vfio_event_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (mp->vfio_event_fd < 0) {
			PCI_LOG(WARNING, "%s: no interrupts: eventfd: %s", dev->name,
				strerror(errno));
			return 0;
		}
		rte_intr_type_set(dev->intr_handle, order[i].type);
		rte_intr_fd_set(dev->intr_handle, mp->vfio_event_fd);
		rte_intr_dev_fd_set(dev->intr_handle, mp->vfio_dev_fd);
		return 0;
	}
	return 0;
}

/*
 * The kernel asks for the device back (it is being removed, e.g. hot-unplugged): vfio-pci
 * waits until user space closes it. Make the BARs harmless, then tell the application, whose
 * event callback is expected to detach the device (which may free dev).
 */
static void
req_handler(void *arg)
{
	struct rte_pci_device *dev = arg;
	char name[RTE_DEV_NAME_MAX_LEN];

	/* the application's callback may detach (and free) dev: keep only a copy of its name */
	snprintf(name, sizeof(name), "%s", dev->name);
	PCI_LOG(WARNING, "%s: the kernel requests the device (removal): detach it", name);
	pci_remap_removed(dev);
	rte_dev_event_callback_process(name, RTE_DEV_EVENT_REMOVE);
}

static int
req_irq_set(int dev_fd, int fd)
{
	char buf[sizeof(struct vfio_irq_set) + sizeof(int)];
	struct vfio_irq_set *set = (struct vfio_irq_set *)buf;

	memset(buf, 0, sizeof(buf));
	set->argsz = sizeof(buf);
	set->index = VFIO_PCI_REQ_IRQ_INDEX;
	set->start = 0;
	if (fd >= 0) {
		set->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
		set->count = 1;
		memcpy(set->data, &fd, sizeof(fd));
	} else {
		set->flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER;
		set->count = 0;
		set->argsz = sizeof(*set);
	}
	return ioctl(dev_fd, VFIO_DEVICE_SET_IRQS, set) < 0 ? -errno : 0;
}

/* Device request notifier, when the kernel offers one; the device works without it. */
static void
setup_req_notifier(struct rte_pci_device *dev, struct pci_map_priv *mp)
{
	struct vfio_irq_info irq = { .argsz = sizeof(irq), .index = VFIO_PCI_REQ_IRQ_INDEX };
	struct rte_intr_handle *h;
	int fd, ret;

	if (ioctl(mp->vfio_dev_fd, VFIO_DEVICE_GET_IRQ_INFO, &irq) < 0 || irq.count == 0)
		return;
	fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (fd < 0)
		return;
	ret = req_irq_set(mp->vfio_dev_fd, fd);
	h = ret == 0 ? rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE) : NULL;
	if (h != NULL) {
		rte_intr_type_set(h, RTE_INTR_HANDLE_VFIO_REQ);
		rte_intr_fd_set(h, fd);
		rte_intr_dev_fd_set(h, mp->vfio_dev_fd);
		if (rte_intr_callback_register(h, req_handler, dev) == 0) {
			dev->vfio_req_intr_handle = h;
			return;
		}
		rte_intr_instance_free(h);
	}
	if (ret == 0)
		req_irq_set(mp->vfio_dev_fd, -1);
	close(fd);
	PCI_LOG(WARNING, "%s: no device request notifier: removal will wait for detach",
		dev->name);
}

static void
req_handle_free(struct rte_intr_handle *h, void *arg)
{
	RTE_SET_USED(arg);
	close(rte_intr_fd_get(h));
	rte_intr_instance_free(h);
}

static void
release_req_notifier(struct rte_pci_device *dev, struct pci_map_priv *mp)
{
	struct rte_intr_handle *h = dev->vfio_req_intr_handle;

	if (h == NULL)
		return;
	dev->vfio_req_intr_handle = NULL;
	req_irq_set(mp->vfio_dev_fd, -1);
	/*
	 * Never wait for the notifier here: it may itself be waiting for the hotplug lock this
	 * detach holds. While it runs, its removal is deferred (the handle is freed once it
	 * returns); otherwise it is removed at once.
	 */
	for (;;) {
		if (rte_intr_callback_unregister_pending(h, req_handler, dev, req_handle_free) > 0)
			return;
		if (rte_intr_callback_unregister(h, req_handler, dev) != -EAGAIN)
			break;
	}
	req_handle_free(h, NULL);
}

int
pci_vfio_map(struct rte_pci_device *dev, struct pci_map_priv *mp)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	const char *sysfs = rte_pci_get_sysfs_path();
	struct vfio_region_info ri;
	int group, ret, i;

	ret = rte_vfio_get_group_num(sysfs, dev->name, &group);
	if (ret <= 0) {
		if (ret == 0)
			PCI_LOG(ERR, "%s: no IOMMU group (%s/%s/iommu_group): no IOMMU, and vfio "
				"is not in no-IOMMU mode", dev->name, sysfs, dev->name);
		return -ENODEV;
	}
	/* EAL says why VFIO cannot be used (no module, unusable container) */
	if (rte_vfio_get_container_fd() < 0)
		return rte_errno == ENOTSUP ? -ENOTSUP : -ENODEV;
	ret = rte_vfio_setup_device(sysfs, dev->name, &mp->vfio_dev_fd, &info);
	if (ret != 0) {
		mp->vfio_dev_fd = -1;
		return ret > 0 ? -ENODEV : -EIO;
	}
	mp->vfio_group = group;
	if (info.num_regions <= VFIO_PCI_CONFIG_REGION_INDEX) {
		PCI_LOG(ERR, "%s: VFIO device has only %u regions", dev->name, info.num_regions);
		return -EINVAL;
	}
	/* a secondary process must not reset the device the primary runs */
	if ((info.flags & VFIO_DEVICE_FLAGS_RESET) && rte_eal_process_type() == RTE_PROC_PRIMARY)
		ioctl(mp->vfio_dev_fd, VFIO_DEVICE_RESET);
	ret = region_info(mp->vfio_dev_fd, VFIO_PCI_CONFIG_REGION_INDEX, &ri);
	if (ret < 0) {
		PCI_LOG(ERR, "%s: no VFIO config region: %s", dev->name, strerror(-ret));
		return ret;
	}
	mp->vfio_cfg_offset = ri.offset;

	for (i = VFIO_PCI_BAR0_REGION_INDEX; i <= VFIO_PCI_BAR5_REGION_INDEX; i++) {
		void *va;

		if (dev->mem_resource[i].len == 0)
			continue; /* no BAR or an I/O port BAR */
		ret = region_info(mp->vfio_dev_fd, (unsigned int)i, &ri);
		if (ret < 0) {
			PCI_LOG(ERR, "%s: VFIO region info of BAR%d: %s", dev->name, i,
				strerror(-ret));
			return ret;
		}
		if (ri.size == 0 || !(ri.flags & VFIO_REGION_INFO_FLAG_MMAP)) {
			PCI_LOG(DEBUG, "%s: BAR%d cannot be mmap'ed through VFIO", dev->name, i);
			continue;
		}
		va = pci_bar_mmap(dev, i, ri.size, mp->vfio_dev_fd, (off_t)ri.offset);
		if (va == MAP_FAILED) {
			ret = -errno;
			PCI_LOG(ERR, "%s: cannot mmap BAR%d through VFIO: %s", dev->name, i,
				strerror(-ret));
			return ret;
		}
		mp->bars[mp->nb_bars].addr = va;
		mp->bars[mp->nb_bars].len = ri.size;
		mp->bars[mp->nb_bars].bar = i;
		mp->nb_bars++;
		dev->mem_resource[i].addr = va;
	}
	/* the device and its interrupts are the primary process's to set up */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	dev->map_priv = mp;
	ret = rte_pci_set_bus_master(dev, true);
	dev->map_priv = NULL;
	if (ret < 0)
		return ret;
	ret = setup_irq(dev, mp);
	if (ret < 0)
		return ret;
	setup_req_notifier(dev, mp);
	return 0;
}

void
pci_vfio_unmap(struct rte_pci_device *dev, struct pci_map_priv *mp)
{
	if (mp->vfio_dev_fd >= 0)
		release_req_notifier(dev, mp);
	if (mp->vfio_event_fd >= 0)
		close(mp->vfio_event_fd);
	mp->vfio_event_fd = -1;
	pci_unmap_bars(mp);
	if (mp->vfio_dev_fd >= 0 &&
	    rte_vfio_release_device(rte_pci_get_sysfs_path(), dev->name, mp->vfio_dev_fd) < 0) {
		/* its sysfs node is gone: the fd at least must not stay open */
		PCI_LOG(WARNING, "%s: EAL could not release the VFIO device: closing its fd",
			dev->name);
		close(mp->vfio_dev_fd);
	}
	mp->vfio_dev_fd = -1;
	mp->vfio_group = -1;
}

int
pci_vfio_dma_map(void *addr, uint64_t iova, size_t len, int map)
{
	uint64_t va = (uint64_t)(uintptr_t)addr;

	if (map)
		return rte_vfio_container_dma_map(RTE_VFIO_DEFAULT_CONTAINER_FD, va, iova, len);
	return rte_vfio_container_dma_unmap(RTE_VFIO_DEFAULT_CONTAINER_FD, va, iova, len);
}
