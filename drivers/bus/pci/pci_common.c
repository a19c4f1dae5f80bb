/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The PCI bus object: the device list built from sysfs, driver registration and matching,
 * probe at start-up (honouring -a/-b), and hotplug (plug/unplug) for rte_dev_probe and
 * rte_dev_remove. One recursive lock serialises every change to the device list, so
 * hotplug may come from any thread.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_lcore.h>
#include <rte_log.h>

#include "pci_private.h"

RTE_LOG_REGISTER_DEFAULT(pci_logtype, INFO);

static pthread_mutex_t pci_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static unsigned int pci_scan_gen;

const char *
rte_pci_get_sysfs_path(void)
{
	const char *p = getenv(PCI_ENV_SYSFS);

	return p != NULL && p[0] != '\0' ? p : PCI_DEFAULT_SYSFS;
}

const char *
pci_dev_dir(void)
{
	const char *p = getenv(PCI_ENV_DEV_DIR);

	return p != NULL && p[0] != '\0' ? p : PCI_DEFAULT_DEV_DIR;
}

const char *
pci_uio_class_dir(void)
{
	const char *p = getenv(PCI_ENV_UIO_CLASS);

	return p != NULL && p[0] != '\0' ? p : PCI_DEFAULT_UIO_CLASS;
}

void
rte_pci_register(struct rte_pci_driver *driver)
{
	if (driver == NULL)
		return;
	pthread_mutex_lock(&pci_lock);
	TAILQ_INSERT_TAIL(&rte_pci_bus.driver_list, driver, next);
	pthread_mutex_unlock(&pci_lock);
}

void
rte_pci_unregister(struct rte_pci_driver *driver)
{
	struct rte_pci_driver *d;

	if (driver == NULL)
		return;
	pthread_mutex_lock(&pci_lock);
	TAILQ_FOREACH(d, &rte_pci_bus.driver_list, next)
		if (d == driver) {
			TAILQ_REMOVE(&rte_pci_bus.driver_list, driver, next);
			break;
		}
	pthread_mutex_unlock(&pci_lock);
}

struct rte_devargs *
pci_devargs_lookup(const struct rte_pci_addr *addr)
{
	struct rte_devargs *da;
	struct rte_pci_addr a;

	RTE_EAL_DEVARGS_FOREACH("pci", da) {
		if (rte_pci_addr_parse(da->name, &a) == 0 && rte_pci_addr_cmp(&a, addr) == 0)
			return da;
	}
	return NULL;
}

/*
 * -a lists the devices to probe, -b the ones to leave alone (EAL sets the scan mode from the
 * options); neither: probe all.
 */
int
pci_device_allowed(const struct rte_pci_device *dev)
{
	struct rte_devargs *da = pci_devargs_lookup(&dev->addr);

	if (rte_pci_bus.bus.conf.scan_mode == RTE_BUS_SCAN_ALLOWLIST)
		return da != NULL && da->policy == RTE_DEV_ALLOWED;
	return da == NULL || da->policy != RTE_DEV_BLOCKED;
}

static int
id_field_match(uint32_t want, uint32_t any, uint32_t have)
{
	return want == any || want == have;
}

int
pci_match(const struct rte_pci_driver *drv, const struct rte_pci_device *dev)
{
	const struct rte_pci_id *id;

	if (drv->id_table == NULL)
		return 0;
	for (id = drv->id_table; id->vendor_id != 0; id++) {
		if (id_field_match(id->vendor_id, RTE_PCI_ANY_ID, dev->id.vendor_id) &&
		    id_field_match(id->device_id, RTE_PCI_ANY_ID, dev->id.device_id) &&
		    id_field_match(id->subsystem_vendor_id, RTE_PCI_ANY_ID,
				dev->id.subsystem_vendor_id) &&
		    id_field_match(id->subsystem_device_id, RTE_PCI_ANY_ID,
				dev->id.subsystem_device_id) &&
		    id_field_match(id->class_id, RTE_CLASS_ANY_ID, dev->id.class_id))
			return 1;
	}
	return 0;
}

static struct rte_pci_device *
pci_find_by_addr(const struct rte_pci_addr *addr)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH(dev, &rte_pci_bus.device_list, next)
		if (rte_pci_addr_cmp(&dev->addr, addr) == 0)
			return dev;
	return NULL;
}

void
pci_free_device(struct rte_pci_device *dev)
{
	rte_intr_instance_free(dev->intr_handle);
	rte_intr_instance_free(dev->vfio_req_intr_handle);
	free(dev->bus_info);
	free(dev);
}

static void
pci_insert_sorted(struct rte_pci_device *dev)
{
	struct rte_pci_device *d;

	TAILQ_FOREACH(d, &rte_pci_bus.device_list, next)
		if (rte_pci_addr_cmp(&dev->addr, &d->addr) < 0) {
			TAILQ_INSERT_BEFORE(d, dev, next);
			return;
		}
	TAILQ_INSERT_TAIL(&rte_pci_bus.device_list, dev, next);
}

/*
 * Read one device folder. A probed device is left alone (its mapping depends on what it was
 * when probed); a known unprobed one is refreshed in place, since it may have been rebound
 * to another kernel driver since the last scan. Malformed folders are skipped (and a known
 * device whose folder became malformed is forgotten).
 */
static int
pci_scan_entry(const char *root, const char *name, const struct rte_pci_addr *addr)
{
	struct rte_pci_device *old = pci_find_by_addr(addr);
	struct rte_pci_device *dev;
	char dir[PATH_MAX];
	char info[96];
	int quiet, ret;

	if (old != NULL && (old->driver != NULL || old->map_priv != NULL ||
			old->device.state != RTE_DEV_STATE_NOT_PRESENT)) {
		old->scan_gen = pci_scan_gen;
		return 0;
	}
	/*
	 * Rescans (hotplug) re-read only new folders and the devices an attach names; the
	 * others are read again when an attach asks for them.
	 */
	if (old != NULL && pci_scan_gen > 1 && pci_devargs_lookup(addr) == NULL) {
		old->scan_gen = pci_scan_gen;
		return 0;
	}
	dev = calloc(1, sizeof(*dev));
	if (dev == NULL)
		return -ENOMEM;
	snprintf(dir, sizeof(dir), "%s/%s", root, name);
	/* loud the first time, or when this is the device an attach asks for */
	quiet = pci_scan_gen > 1 && pci_devargs_lookup(addr) == NULL;
	pci_sysfs_log_level = quiet ? RTE_LOG_DEBUG : RTE_LOG_ERR;
	ret = pci_scan_one(dir, addr, dev);
	pci_sysfs_log_level = RTE_LOG_ERR;
	if (ret < 0) {
		rte_log(quiet ? RTE_LOG_DEBUG : RTE_LOG_WARNING, pci_logtype,
			"PCI: device %s skipped: its sysfs folder %s is not usable\n", name, dir);
		free(dev);
		if (old != NULL) {
			TAILQ_REMOVE(&rte_pci_bus.device_list, old, next);
			pci_free_device(old);
		}
		return 0;
	}
	snprintf(info, sizeof(info), "vendor_id=%04x, device_id=%04x", dev->id.vendor_id,
		dev->id.device_id);
	if (old != NULL) {
		free(old->bus_info);
		old->bus_info = strdup(info);
		old->device.bus_info = old->bus_info;
		old->id = dev->id;
		memcpy(old->mem_resource, dev->mem_resource, sizeof(old->mem_resource));
		old->max_vfs = dev->max_vfs;
		old->kdrv = dev->kdrv;
		memcpy(old->kdrv_name, dev->kdrv_name, sizeof(old->kdrv_name));
		old->device.numa_node = dev->device.numa_node;
		old->device.devargs = pci_devargs_lookup(addr);
		old->scan_gen = pci_scan_gen;
		free(dev);
		return 0;
	}
	dev->bus_info = strdup(info);
	dev->intr_handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (dev->bus_info == NULL || dev->intr_handle == NULL) {
		pci_free_device(dev);
		return -ENOMEM;
	}
	dev->device.name = dev->name;
	dev->device.bus_info = dev->bus_info;
	dev->device.bus = &rte_pci_bus.bus;
	dev->device.devargs = pci_devargs_lookup(addr);
	dev->scan_gen = pci_scan_gen;
	pci_insert_sorted(dev);
	return 0;
}

static int
pci_scan(void)
{
	const char *root = rte_pci_get_sysfs_path();
	struct rte_pci_device *dev, *tmp;
	struct rte_pci_addr addr;
	struct dirent *e;
	int ret = 0;
	DIR *d;

	if (!rte_eal_has_pci())
		return 0;
	d = opendir(root);
	if (d == NULL) {
		if (errno == ENOENT) {
			PCI_LOG(DEBUG, "no %s: no PCI devices", root);
			return 0;
		}
		PCI_LOG(ERR, "cannot open %s: %s", root, strerror(errno));
		return -errno;
	}
	pthread_mutex_lock(&pci_lock);
	pci_scan_gen++;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' ||
		    pci_parse_addr(e->d_name, strlen(e->d_name), &addr) != 0)
			continue;
		ret = pci_scan_entry(root, e->d_name, &addr);
		if (ret < 0)
			break;
	}
	/* devices that disappeared, unless a driver still holds them */
	for (dev = TAILQ_FIRST(&rte_pci_bus.device_list); dev != NULL; dev = tmp) {
		tmp = TAILQ_NEXT(dev, next);
		if (dev->scan_gen != pci_scan_gen && dev->driver == NULL &&
		    dev->map_priv == NULL && ret == 0) {
			TAILQ_REMOVE(&rte_pci_bus.device_list, dev, next);
			pci_free_device(dev);
		}
	}
	pthread_mutex_unlock(&pci_lock);
	closedir(d);
	if (ret < 0)
		PCI_LOG(ERR, "scan of %s failed: %s", root, strerror(-ret));
	return ret;
}

static int
kdrv_is_userspace(enum rte_pci_kernel_driver kdrv)
{
	return kdrv == RTE_PCI_KDRV_IGB_UIO || kdrv == RTE_PCI_KDRV_UIO_GENERIC ||
		kdrv == RTE_PCI_KDRV_VFIO;
}

static void
pci_log_kernel_driver(const struct rte_pci_device *dev, uint32_t level)
{
	if (dev->kdrv == RTE_PCI_KDRV_NONE)
		rte_log(level, pci_logtype,
			"PCI: %s is bound to no kernel driver, not to igb_uio, uio_pci_generic or vfio-pci\n",
			dev->name);
	else
		rte_log(level, pci_logtype,
			"PCI: %s is bound to kernel driver %s, not to igb_uio, uio_pci_generic or vfio-pci\n",
			dev->name, dev->kdrv_name);
}

/*
 * Runs inside rte_dev_probe_driver: the core has marked the device PROBING and releases its
 * devres (the BAR mapping among them) if this fails.
 */
static int
pci_drv_probe_cb(struct rte_device *d, void *arg)
{
	struct rte_pci_device *dev = RTE_DEV_TO_PCI(d);
	struct rte_pci_driver *drv = arg;
	int ret;

	dev->driver = drv;
	if (drv->drv_flags & RTE_PCI_DRV_NEED_MAPPING) {
		ret = rte_pci_map_device(dev);
		if (ret != 0)
			goto fail;
	}
	PCI_LOG(DEBUG, "probing %s (%04x:%04x) with %s", dev->name, dev->id.vendor_id,
		dev->id.device_id, drv->driver.name);
	ret = drv->probe != NULL ? drv->probe(drv, dev) : 0;
	if (ret == 0)
		return 0;
	if (ret < 0)
		PCI_LOG(ERR, "driver %s failed to probe %s: %s", drv->driver.name, dev->name,
			strerror(-ret));
	if (ret > 0 && (drv->drv_flags & RTE_PCI_DRV_KEEP_MAPPED_RES))
		pci_map_keep(dev);
fail:
	dev->driver = NULL;
	return ret < 0 ? ret : 1;
}

/* 0 probed; 1 the driver does not want it; negative errno on failure. */
static int
pci_probe_one_driver(struct rte_pci_driver *drv, struct rte_pci_device *dev, int explicit)
{
	/* a secondary process drives only the devices the primary has attached */
	if ((drv->drv_flags & RTE_PCI_DRV_NEED_MAPPING) &&
	    rte_eal_process_type() != RTE_PROC_PRIMARY && !pci_bars_mapped_by_primary(dev)) {
		rte_log(explicit ? RTE_LOG_ERR : RTE_LOG_DEBUG, pci_logtype,
			"PCI: %s is not attached in the primary process\n", dev->name);
		return explicit ? -ENODEV : 1;
	}
	if ((drv->drv_flags & RTE_PCI_DRV_NEED_MAPPING) && !kdrv_is_userspace(dev->kdrv)) {
		pci_log_kernel_driver(dev, explicit ? RTE_LOG_ERR : RTE_LOG_INFO);
		return -ENODEV;
	}
	/* uio has no IOMMU translation: the device would take virtual addresses as physical */
	if ((drv->drv_flags & RTE_PCI_DRV_NEED_MAPPING) && rte_eal_iova_mode() == RTE_IOVA_VA &&
	    (dev->kdrv == RTE_PCI_KDRV_IGB_UIO || dev->kdrv == RTE_PCI_KDRV_UIO_GENERIC)) {
		rte_log(explicit ? RTE_LOG_ERR : RTE_LOG_WARNING, pci_logtype,
			"PCI: %s is bound to %s, which needs IOVA as PA, but EAL runs with IOVA as VA "
			"(use vfio-pci, or start with --iova-mode=pa)\n",
			dev->name, dev->kdrv_name);
		return -EINVAL;
	}
	if ((drv->drv_flags & RTE_PCI_DRV_NEED_IOVA_AS_VA) && rte_eal_iova_mode() != RTE_IOVA_VA) {
		PCI_LOG(ERR, "%s: driver %s needs IOVA as VA, EAL runs in PA mode", dev->name,
			drv->driver.name);
		return -EINVAL;
	}
	if (dev->device.devargs == NULL)
		dev->device.devargs = pci_devargs_lookup(&dev->addr);
	return rte_dev_probe_driver(&dev->device, &drv->driver, pci_drv_probe_cb, drv);
}

static int
pci_drv_remove_cb(struct rte_device *d, void *arg)
{
	struct rte_pci_device *dev = RTE_DEV_TO_PCI(d);
	struct rte_pci_driver *drv = dev->driver;

	RTE_SET_USED(arg);
	return drv->remove != NULL ? drv->remove(dev) : 0;
}

/* Driver's remove; on success the core releases the device's devres (the BAR mapping). */
static int
pci_remove_driver(struct rte_pci_device *dev)
{
	int ret = rte_dev_remove_driver(&dev->device, pci_drv_remove_cb, NULL);

	if (ret < 0) {
		PCI_LOG(ERR, "%s: driver %s failed to release it: %s", dev->name,
			dev->driver->driver.name, strerror(-ret));
		return ret;
	}
	dev->driver = NULL;
	rte_pci_unmap_device(dev); /* mapped by hand without devres, if at all */
	return 0;
}

/*
 * Try every matching driver. explicit: an attach asked for this device, so failures are
 * errors; at start-up they are only reported.
 */
static int
pci_probe_device(struct rte_pci_device *dev, int explicit)
{
	struct rte_pci_driver *drv;
	int matched = 0, ret;

	if (dev->driver != NULL) {
		if (explicit)
			PCI_LOG(ERR, "%s is already probed by %s", dev->name,
				dev->driver->driver.name);
		return -EEXIST;
	}
	TAILQ_FOREACH(drv, &rte_pci_bus.driver_list, next) {
		if (!pci_match(drv, dev))
			continue;
		matched = 1;
		ret = pci_probe_one_driver(drv, dev, explicit);
		if (ret <= 0)
			return ret;
	}
	if (explicit)
		PCI_LOG(ERR, "no PCI driver for %s (vendor %04x device %04x)%s", dev->name,
			dev->id.vendor_id, dev->id.device_id,
			matched ? " accepted it" : "");
	return -ENOENT;
}

static int
pci_probe(void)
{
	struct rte_pci_device *dev;
	int ret;

	if (!rte_eal_has_pci())
		return 0;
	pthread_mutex_lock(&pci_lock);
	TAILQ_FOREACH(dev, &rte_pci_bus.device_list, next) {
		if (dev->driver != NULL || !pci_device_allowed(dev))
			continue;
		ret = pci_probe_device(dev, 0);
		if (ret < 0 && ret != -ENOENT && ret != -ENODEV)
			PCI_LOG(WARNING, "%s not probed: %s", dev->name, strerror(-ret));
	}
	pthread_mutex_unlock(&pci_lock);
	return 0;
}

static struct rte_device *
pci_find_device(const struct rte_device *start, rte_dev_cmp_t cmp, const void *data)
{
	struct rte_pci_device *dev;
	struct rte_device *found = NULL;

	pthread_mutex_lock(&pci_lock);
	if (start != NULL)
		dev = TAILQ_NEXT(RTE_DEV_TO_PCI_CONST(start), next);
	else
		dev = TAILQ_FIRST(&rte_pci_bus.device_list);
	for (; dev != NULL; dev = TAILQ_NEXT(dev, next)) {
		if (cmp(&dev->device, data) == 0) {
			found = &dev->device;
			break;
		}
	}
	pthread_mutex_unlock(&pci_lock);
	return found;
}

static int
pci_plug(struct rte_device *d)
{
	struct rte_pci_device *dev = RTE_DEV_TO_PCI(d);
	int ret;

	pthread_mutex_lock(&pci_lock);
	ret = pci_probe_device(dev, 1);
	if (ret < 0)
		dev->device.devargs = NULL;
	pthread_mutex_unlock(&pci_lock);
	return ret;
}

static int
pci_unplug(struct rte_device *d)
{
	struct rte_pci_device *dev = RTE_DEV_TO_PCI(d);
	struct rte_pci_driver *drv;
	int ret;

	pthread_mutex_lock(&pci_lock);
	drv = dev->driver;
	if (drv != NULL) {
		if (!(drv->drv_flags & RTE_PCI_DRV_DETACHABLE)) {
			PCI_LOG(ERR, "%s: driver %s does not support detach", dev->name,
				drv->driver.name);
			pthread_mutex_unlock(&pci_lock);
			return -ENOTSUP;
		}
		ret = pci_remove_driver(dev);
		if (ret < 0) {
			pthread_mutex_unlock(&pci_lock);
			return ret;
		}
	}
	rte_pci_unmap_device(dev);
	TAILQ_REMOVE(&rte_pci_bus.device_list, dev, next);
	pci_free_device(dev);
	pthread_mutex_unlock(&pci_lock);
	return 0;
}

/* Canonical full address of name into addr (a char buffer of RTE_DEV_NAME_MAX_LEN). */
static int
pci_parse(const char *name, void *addr)
{
	struct rte_pci_addr a;

	if (name == NULL || pci_parse_addr(name, strlen(name), &a) != 0)
		return 1;
	if (addr != NULL)
		rte_pci_device_name(&a, addr, RTE_DEV_NAME_MAX_LEN);
	return 0;
}

/* Filter "addr=<pci address>" (the only key); empty or NULL matches every device. */
static void *
pci_dev_iterate(const void *start, const char *str, const struct rte_dev_iterator *it)
{
	const struct rte_device *sd = start;
	struct rte_pci_device *dev;
	struct rte_pci_addr want;
	int filter = 0;
	void *found = NULL;

	RTE_SET_USED(it);
	if (str != NULL && str[0] != '\0') {
		size_t len;

		if (strncmp(str, "addr=", 5) != 0) {
			PCI_LOG(ERR, "unknown PCI device filter '%s' (only addr=)", str);
			return NULL;
		}
		len = strcspn(str + 5, ",/");
		if (pci_parse_addr(str + 5, len, &want) != 0) {
			PCI_LOG(ERR, "invalid PCI address in filter '%s'", str);
			return NULL;
		}
		filter = 1;
	}
	pthread_mutex_lock(&pci_lock);
	dev = sd != NULL ? TAILQ_NEXT(RTE_DEV_TO_PCI_CONST(sd), next) :
		TAILQ_FIRST(&rte_pci_bus.device_list);
	for (; dev != NULL; dev = TAILQ_NEXT(dev, next))
		if (!filter || rte_pci_addr_cmp(&dev->addr, &want) == 0) {
			found = &dev->device;
			break;
		}
	pthread_mutex_unlock(&pci_lock);
	return found;
}

/* uio drivers can only DMA to physical addresses; vfio-pci alone is happiest with VA. */
static enum rte_iova_mode
pci_get_iommu_class(void)
{
	struct rte_pci_device *dev;
	struct rte_pci_driver *drv;
	int uio = 0, vfio = 0;

	pthread_mutex_lock(&pci_lock);
	TAILQ_FOREACH(dev, &rte_pci_bus.device_list, next) {
		int wanted = 0;

		TAILQ_FOREACH(drv, &rte_pci_bus.driver_list, next)
			if (pci_match(drv, dev))
				wanted = 1;
		if (!wanted)
			continue;
		uio |= dev->kdrv == RTE_PCI_KDRV_IGB_UIO || dev->kdrv == RTE_PCI_KDRV_UIO_GENERIC;
		vfio |= dev->kdrv == RTE_PCI_KDRV_VFIO;
	}
	pthread_mutex_unlock(&pci_lock);
	if (uio)
		return RTE_IOVA_PA;
	return vfio ? RTE_IOVA_VA : RTE_IOVA_DC;
}

static int
pci_dma_map(struct rte_device *d, void *addr, uint64_t iova, size_t len)
{
	struct rte_pci_device *dev = RTE_DEV_TO_PCI(d);

	if (dev->driver != NULL && dev->driver->dma_map != NULL)
		return dev->driver->dma_map(dev, addr, iova, len);
	if (dev->kdrv == RTE_PCI_KDRV_VFIO && dev->map_priv != NULL)
		return pci_vfio_dma_map(addr, iova, len, 1);
	PCI_LOG(ERR, "%s: DMA mapping needs vfio-pci (device is bound to %s)", dev->name,
		dev->kdrv_name[0] != '\0' ? dev->kdrv_name : "no driver");
	rte_errno = ENOTSUP;
	return -1;
}

static int
pci_dma_unmap(struct rte_device *d, void *addr, uint64_t iova, size_t len)
{
	struct rte_pci_device *dev = RTE_DEV_TO_PCI(d);

	if (dev->driver != NULL && dev->driver->dma_unmap != NULL)
		return dev->driver->dma_unmap(dev, addr, iova, len);
	if (dev->kdrv == RTE_PCI_KDRV_VFIO && dev->map_priv != NULL)
		return pci_vfio_dma_map(addr, iova, len, 0);
	rte_errno = ENOTSUP;
	return -1;
}

/*
 * The device is gone: put anonymous memory where its BARs were, so a driver still touching
 * them reads garbage instead of taking SIGBUS. rte_pci_unmap_device later unmaps it as usual.
 */
int
pci_remap_removed(struct rte_pci_device *dev)
{
	struct pci_map_priv *mp = dev->map_priv;
	int i;

	if (mp == NULL)
		return 0;
	for (i = 0; i < mp->nb_bars; i++) {
		void *p = mmap(mp->bars[i].addr, mp->bars[i].len, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

		if (p == MAP_FAILED)
			return -errno;
	}
	mp->removed = 1;
	return 0;
}

static int
pci_hot_unplug_handler(struct rte_device *d)
{
	struct rte_pci_device *dev = RTE_DEV_TO_PCI(d);
	int ret;

	ret = pci_remap_removed(dev);
	if (ret < 0)
		PCI_LOG(ERR, "%s removed: cannot replace its BAR mappings: %s", dev->name,
			strerror(-ret));
	else
		PCI_LOG(INFO, "%s removed: BAR mappings replaced by anonymous memory", dev->name);
	return ret;
}

/* From a SIGBUS handler: no lock, no logging; 0 handled, 1 not one of our mappings. */
static int
pci_sigbus_handler(const void *failure_addr)
{
	struct rte_pci_device *dev;
	const char *a = failure_addr;

	TAILQ_FOREACH(dev, &rte_pci_bus.device_list, next) {
		struct pci_map_priv *mp = dev->map_priv;
		int i;

		if (mp == NULL)
			continue;
		for (i = 0; i < mp->nb_bars; i++) {
			const char *b = mp->bars[i].addr;

			if (a >= b && a < b + mp->bars[i].len)
				return pci_remap_removed(dev) == 0 ? 0 : -1;
		}
	}
	return 1;
}

/* rte_eal_cleanup: release every device, detachable or not, then the vfio container. */
static int
pci_cleanup(void)
{
	struct rte_pci_device *dev;
	int ret = 0;

	pthread_mutex_lock(&pci_lock);
	while ((dev = TAILQ_FIRST(&rte_pci_bus.device_list)) != NULL) {
		TAILQ_REMOVE(&rte_pci_bus.device_list, dev, next);
		if (dev->driver != NULL && pci_remove_driver(dev) < 0) {
			/* the driver refused: release what the bus acquired anyway */
			ret = -EIO;
			rte_devres_release_all(&dev->device);
			dev->driver = NULL;
			dev->device.driver = NULL;
		}
		rte_pci_unmap_device(dev);
		pci_free_device(dev);
	}
	pci_scan_gen = 0;
	rte_pci_bus.bus.conf.scan_mode = RTE_BUS_SCAN_UNDEFINED;
	pthread_mutex_unlock(&pci_lock);
	return ret;
}

void
rte_pci_dump(FILE *f)
{
	struct rte_pci_device *dev;
	int i;

	if (f == NULL)
		f = stdout;
	pthread_mutex_lock(&pci_lock);
	TAILQ_FOREACH(dev, &rte_pci_bus.device_list, next) {
		fprintf(f, "%s %04x:%04x (%04x:%04x) class %06x numa %d kernel driver %s%s%s\n",
			dev->name, dev->id.vendor_id, dev->id.device_id,
			dev->id.subsystem_vendor_id, dev->id.subsystem_device_id,
			dev->id.class_id, dev->device.numa_node,
			dev->kdrv_name[0] != '\0' ? dev->kdrv_name : "none",
			dev->driver != NULL ? ", driver " : "",
			dev->driver != NULL ? dev->driver->driver.name : "");
		for (i = 0; i < PCI_MAX_RESOURCE; i++) {
			if (dev->mem_resource[i].len == 0)
				continue;
			fprintf(f, "   BAR%d 0x%016" PRIx64 " len 0x%" PRIx64 " mapped at %p\n", i,
				dev->mem_resource[i].phys_addr, dev->mem_resource[i].len,
				dev->mem_resource[i].addr);
		}
	}
	pthread_mutex_unlock(&pci_lock);
}

struct rte_pci_bus rte_pci_bus = {
	.bus = {
		.scan = pci_scan,
		.probe = pci_probe,
		.find_device = pci_find_device,
		.plug = pci_plug,
		.unplug = pci_unplug,
		.parse = pci_parse,
		.dma_map = pci_dma_map,
		.dma_unmap = pci_dma_unmap,
		.get_iommu_class = pci_get_iommu_class,
		.dev_iterate = pci_dev_iterate,
		.hot_unplug_handler = pci_hot_unplug_handler,
		.sigbus_handler = pci_sigbus_handler,
		.cleanup = pci_cleanup,
	},
	.device_list = TAILQ_HEAD_INITIALIZER(rte_pci_bus.device_list),
	.driver_list = TAILQ_HEAD_INITIALIZER(rte_pci_bus.driver_list),
};

RTE_REGISTER_BUS(pci, rte_pci_bus.bus);
