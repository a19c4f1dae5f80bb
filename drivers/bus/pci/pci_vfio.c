/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfio-pci, following the kernel's Documentation/driver-api/vfio.rst: one container
 * (/dev/vfio/vfio) for the process with a type-1 IOMMU, one group fd (/dev/vfio/<group>) per
 * IOMMU group in use, shared by the group's devices, and a device fd per device from
 * VFIO_GROUP_GET_DEVICE_FD. BARs are mmap'ed from the device fd at the offsets the region
 * info gives; configuration space is read and written through the config region.
 * EAL memory is DMA-mapped into the container when its first group is attached, and kept in
 * step through a memory event callback; the last group to go closes the container, which
 * drops every DMA mapping.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
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

#include "pci_private.h"

#define PCI_VFIO_MAX_GROUPS 64
#define PCI_VFIO_MEM_CB "bus_pci_vfio"

struct vfio_group_ref {
	int num;
	int fd;
	int refs;
};

static struct {
	pthread_mutex_t lock;
	int container_fd;
	int iommu_type;       /* 0 until the first group is attached */
	int mem_cb;           /* memory event callback registered */
	int nb_groups;
	struct vfio_group_ref groups[PCI_VFIO_MAX_GROUPS];
} vfio = {
	.lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP,
	.container_fd = -1,
};

static int
dma_ioctl(uint64_t vaddr, uint64_t iova, uint64_t len, int map)
{
	if (map) {
		struct vfio_iommu_type1_dma_map m = {
			.argsz = sizeof(m),
			.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
			.vaddr = vaddr,
			.iova = iova,
			.size = len,
		};

		if (ioctl(vfio.container_fd, VFIO_IOMMU_MAP_DMA, &m) < 0 && errno != EEXIST)
			return -errno;
	} else {
		struct vfio_iommu_type1_dma_unmap u = {
			.argsz = sizeof(u),
			.iova = iova,
			.size = len,
		};

		if (ioctl(vfio.container_fd, VFIO_IOMMU_UNMAP_DMA, &u) < 0)
			return -errno;
	}
	return 0;
}

struct dma_walk {
	const char *start;
	const char *end;   /* NULL: every memseg */
	int map;
	int err;
};

/* Memsegs are the unit of DMA mapping, so that unmapping always matches a mapping. */
static int
dma_walk_cb(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	struct dma_walk *w = arg;
	const char *a = ms->addr;
	uint64_t iova = ms->iova;
	int ret;

	RTE_SET_USED(msl);
	if (w->end != NULL && (a + ms->len <= w->start || a >= w->end))
		return 0;
	if (iova == RTE_BAD_IOVA)
		iova = (uint64_t)(uintptr_t)ms->addr;
	ret = dma_ioctl((uint64_t)(uintptr_t)ms->addr, iova, ms->len, w->map);
	if (ret < 0) {
		PCI_LOG(ERR, "vfio: cannot %s DMA of %zu bytes at %p (iova 0x%" PRIx64 "): %s",
			w->map ? "map" : "unmap", ms->len, ms->addr, iova, strerror(-ret));
		w->err = ret;
		return w->map ? -1 : 0;
	}
	return 0;
}

static void
mem_event_cb(enum rte_mem_event type, const void *addr, size_t len, void *arg)
{
	struct dma_walk w = {
		.start = addr,
		.end = (const char *)addr + len,
		.map = type == RTE_MEM_EVENT_ALLOC,
	};

	/*
	 * Runs with EAL's memory lock held, so it must not take vfio.lock (the setup path takes
	 * them in the other order). The container stays open while the callback is registered.
	 */
	RTE_SET_USED(arg);
	if (__atomic_load_n(&vfio.container_fd, __ATOMIC_ACQUIRE) >= 0 &&
	    __atomic_load_n(&vfio.iommu_type, __ATOMIC_ACQUIRE) != 0)
		rte_memseg_walk_thread_unsafe(dma_walk_cb, &w);
}

static void
container_put_if_unused(void)
{
	if (vfio.nb_groups > 0 || vfio.container_fd < 0)
		return;
	if (vfio.mem_cb) {
		rte_mem_event_callback_unregister(PCI_VFIO_MEM_CB, NULL);
		vfio.mem_cb = 0;
	}
	close(vfio.container_fd);
	vfio.container_fd = -1;
	vfio.iommu_type = 0;
}

static int
container_get(void)
{
	char path[PATH_MAX];
	int fd, ret;

	if (vfio.container_fd >= 0)
		return 0;
	snprintf(path, sizeof(path), "%s/vfio/vfio", pci_dev_dir());
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		if (ret == -ENOENT)
			PCI_LOG(ERR, "VFIO is not available: %s does not exist (is the vfio-pci module loaded?)",
				path);
		else
			PCI_LOG(ERR, "cannot open VFIO container %s: %s", path, strerror(-ret));
		return ret == -ENOENT ? -ENODEV : ret;
	}
	ret = ioctl(fd, VFIO_GET_API_VERSION);
	if (ret != VFIO_API_VERSION) {
		PCI_LOG(ERR, "%s: unsupported VFIO API version %d (expected %d)", path, ret,
			VFIO_API_VERSION);
		close(fd);
		return -ENOTSUP;
	}
	if (ioctl(fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) <= 0 &&
	    ioctl(fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU) <= 0) {
		PCI_LOG(ERR, "%s: the kernel offers no type-1 IOMMU", path);
		close(fd);
		return -ENOTSUP;
	}
	vfio.container_fd = fd;
	return 0;
}

/* First group in the container: choose the IOMMU model and map EAL memory. */
static int
container_set_iommu(void)
{
	struct dma_walk w = { .map = 1 };
	int type = VFIO_TYPE1v2_IOMMU;

	if (vfio.iommu_type != 0)
		return 0;
	if (ioctl(vfio.container_fd, VFIO_CHECK_EXTENSION, type) <= 0)
		type = VFIO_TYPE1_IOMMU;
	if (ioctl(vfio.container_fd, VFIO_SET_IOMMU, type) < 0) {
		int err = errno;

		PCI_LOG(ERR, "vfio: cannot set the type-1 IOMMU: %s", strerror(err));
		return -err;
	}
	vfio.iommu_type = type;
	if (rte_mem_event_callback_register(PCI_VFIO_MEM_CB, mem_event_cb, NULL) == 0)
		vfio.mem_cb = 1;
	else
		PCI_LOG(WARNING, "vfio: memory added later will not be DMA-mapped");
	rte_memseg_walk(dma_walk_cb, &w);
	return w.err;
}

static struct vfio_group_ref *
group_find(int num)
{
	int i;

	for (i = 0; i < vfio.nb_groups; i++)
		if (vfio.groups[i].num == num)
			return &vfio.groups[i];
	return NULL;
}

static int
group_get(int num)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	struct vfio_group_ref *g = group_find(num);
	char path[PATH_MAX];
	int fd, ret;

	if (g != NULL) {
		g->refs++;
		return g->fd;
	}
	if (vfio.nb_groups == PCI_VFIO_MAX_GROUPS) {
		PCI_LOG(ERR, "vfio: more than %d IOMMU groups in use", PCI_VFIO_MAX_GROUPS);
		return -ENOSPC;
	}
	snprintf(path, sizeof(path), "%s/vfio/%d", pci_dev_dir(), num);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		PCI_LOG(ERR, "cannot open VFIO group %s: %s", path, strerror(-ret));
		return ret;
	}
	if (ioctl(fd, VFIO_GROUP_GET_STATUS, &status) < 0) {
		ret = -errno;
		PCI_LOG(ERR, "%s: cannot get group status: %s", path, strerror(-ret));
		goto fail;
	}
	if (!(status.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		PCI_LOG(ERR, "IOMMU group %d is not viable: bind every device of the group to vfio-pci",
			num);
		ret = -EPERM;
		goto fail;
	}
	if (!(status.flags & VFIO_GROUP_FLAGS_CONTAINER_SET) &&
	    ioctl(fd, VFIO_GROUP_SET_CONTAINER, &vfio.container_fd) < 0) {
		ret = -errno;
		PCI_LOG(ERR, "%s: cannot add the group to the container: %s", path,
			strerror(-ret));
		goto fail;
	}
	/* registered before the IOMMU is set, so a failure below releases it the same way */
	g = &vfio.groups[vfio.nb_groups++];
	g->num = num;
	g->fd = fd;
	g->refs = 1;
	ret = container_set_iommu();
	if (ret < 0) {
		g->refs = 0;
		ioctl(fd, VFIO_GROUP_UNSET_CONTAINER);
		vfio.nb_groups--;
		close(fd);
		return ret;
	}
	return fd;
fail:
	close(fd);
	return ret;
}

static void
group_put(int num)
{
	struct vfio_group_ref *g = group_find(num);

	if (g == NULL || --g->refs > 0)
		return;
	ioctl(g->fd, VFIO_GROUP_UNSET_CONTAINER);
	close(g->fd);
	*g = vfio.groups[--vfio.nb_groups];
	container_put_if_unused();
}

static int
region_info(int fd, unsigned int index, struct vfio_region_info *ri)
{
	memset(ri, 0, sizeof(*ri));
	ri->argsz = sizeof(*ri);
	ri->index = index;
	return ioctl(fd, VFIO_DEVICE_GET_REGION_INFO, ri) < 0 ? -errno : 0;
}

static void
setup_irq(struct rte_pci_device *dev, struct pci_map_priv *mp)
{
	static const struct {
		unsigned int index;
		enum rte_intr_handle_type type;
	} order[] = {
		{ VFIO_PCI_MSIX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSIX },
		{ VFIO_PCI_MSI_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSI },
		{ VFIO_PCI_INTX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_LEGACY },
	};
	unsigned int i;

	if (dev->intr_handle == NULL)
		return;
	for (i = 0; i < RTE_DIM(order); i++) {
		struct vfio_irq_info irq = { .argsz = sizeof(irq), .index = order[i].index };

		if (ioctl(mp->vfio_dev_fd, VFIO_DEVICE_GET_IRQ_INFO, &irq) < 0 ||
		    irq.count == 0 || !(irq.flags & VFIO_IRQ_INFO_EVENTFD))
			continue;
		mp->vfio_event_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (mp->vfio_event_fd < 0) {
			PCI_LOG(WARNING, "%s: no interrupts: eventfd: %s", dev->name,
				strerror(errno));
			return;
		}
		rte_intr_type_set(dev->intr_handle, order[i].type);
		rte_intr_fd_set(dev->intr_handle, mp->vfio_event_fd);
		rte_intr_dev_fd_set(dev->intr_handle, mp->vfio_dev_fd);
		return;
	}
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
	struct vfio_region_info ri;
	char sysfs_dev[PATH_MAX];
	int group, gfd, ret, i;

	snprintf(sysfs_dev, sizeof(sysfs_dev), "%s/%s", rte_pci_get_sysfs_path(), dev->name);
	ret = pci_iommu_group(sysfs_dev, &group);
	if (ret < 0)
		return -ENODEV;

	pthread_mutex_lock(&vfio.lock);
	ret = container_get();
	if (ret < 0) {
		pthread_mutex_unlock(&vfio.lock);
		return ret;
	}
	gfd = group_get(group);
	if (gfd < 0) {
		container_put_if_unused();
		pthread_mutex_unlock(&vfio.lock);
		return gfd;
	}
	mp->vfio_group = group;
	pthread_mutex_unlock(&vfio.lock);

	mp->vfio_dev_fd = ioctl(gfd, VFIO_GROUP_GET_DEVICE_FD, dev->name);
	if (mp->vfio_dev_fd < 0) {
		ret = -errno;
		PCI_LOG(ERR, "%s: cannot get its device fd from VFIO group %d: %s", dev->name,
			group, strerror(-ret));
		return ret;
	}
	if (ioctl(mp->vfio_dev_fd, VFIO_DEVICE_GET_INFO, &info) < 0) {
		ret = -errno;
		PCI_LOG(ERR, "%s: VFIO_DEVICE_GET_INFO: %s", dev->name, strerror(-ret));
		return ret;
	}
	if (info.num_regions <= VFIO_PCI_CONFIG_REGION_INDEX) {
		PCI_LOG(ERR, "%s: VFIO device has only %u regions", dev->name, info.num_regions);
		return -EINVAL;
	}
	if (info.flags & VFIO_DEVICE_FLAGS_RESET)
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
		va = mmap(NULL, ri.size, PROT_READ | PROT_WRITE, MAP_SHARED, mp->vfio_dev_fd,
			(off_t)ri.offset);
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
	dev->map_priv = mp;
	ret = rte_pci_set_bus_master(dev, true);
	dev->map_priv = NULL;
	if (ret < 0)
		return ret;
	setup_irq(dev, mp);
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
	if (mp->vfio_dev_fd >= 0)
		close(mp->vfio_dev_fd);
	mp->vfio_dev_fd = -1;
	if (mp->vfio_group >= 0) {
		pthread_mutex_lock(&vfio.lock);
		group_put(mp->vfio_group);
		pthread_mutex_unlock(&vfio.lock);
	}
	mp->vfio_group = -1;
}

int
pci_vfio_dma_map(void *addr, uint64_t iova, size_t len, int map)
{
	int ret;

	pthread_mutex_lock(&vfio.lock);
	if (vfio.container_fd < 0 || vfio.iommu_type == 0) {
		pthread_mutex_unlock(&vfio.lock);
		rte_errno = ENODEV;
		return -1;
	}
	ret = dma_ioctl((uint64_t)(uintptr_t)addr, iova, len, map);
	pthread_mutex_unlock(&vfio.lock);
	if (ret < 0) {
		PCI_LOG(ERR, "vfio: cannot %s DMA of %zu bytes at %p: %s", map ? "map" : "unmap",
			len, addr, strerror(-ret));
		rte_errno = -ret;
		return -1;
	}
	return 0;
}

/* Every device is unmapped by now; drop whatever is left. */
void
pci_vfio_cleanup(void)
{
	pthread_mutex_lock(&vfio.lock);
	while (vfio.nb_groups > 0) {
		vfio.groups[0].refs = 1;
		group_put(vfio.groups[0].num);
	}
	container_put_if_unused();
	pthread_mutex_unlock(&vfio.lock);
}
