/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * For virtual device drivers: the vdev device and driver objects and driver registration.
 */
#ifndef _BUS_VDEV_DRIVER_H_
#define _BUS_VDEV_DRIVER_H_

#include <sys/queue.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <dev_driver.h>
#include <rte_bus_vdev.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A virtual device, created from --vdev or rte_vdev_init. */
struct rte_vdev_device {
	/** next in the vdev bus's list */
	TAILQ_ENTRY(rte_vdev_device) next;
	struct rte_device device; /**< the generic device */
};

/** The rte_vdev_device containing the rte_device ptr. */
#define RTE_DEV_TO_VDEV(ptr) container_of(ptr, struct rte_vdev_device, device)
/** The const rte_vdev_device containing the rte_device ptr. */
#define RTE_DEV_TO_VDEV_CONST(ptr) container_of(ptr, const struct rte_vdev_device, device)

/** Name of the vdev ("net_null0"), or NULL for a NULL device. */
static inline const char *
rte_vdev_device_name(const struct rte_vdev_device *dev)
{
	if (dev != NULL && dev->device.name != NULL)
		return dev->device.name;
	return NULL;
}

/** The driver arguments ("k=v,..."), "" when there are none. */
static inline const char *
rte_vdev_device_args(const struct rte_vdev_device *dev)
{
	if (dev != NULL && dev->device.devargs != NULL && dev->device.devargs->args != NULL)
		return dev->device.devargs->args;
	return "";
}

/** Create what the device needs (ports): 0, or negative errno (the device is not added). */
typedef int (rte_vdev_probe_t)(struct rte_vdev_device *dev);
/** Release what probe created: 0, or negative errno (the device stays). */
typedef int (rte_vdev_remove_t)(struct rte_vdev_device *dev);
/** Map [addr, addr + len) at iova for DMA by dev: 0 or negative errno. */
typedef int (rte_vdev_dma_map_t)(struct rte_vdev_device *dev, void *addr, uint64_t iova,
		size_t len);
/** Undo rte_vdev_dma_map_t: 0 or negative errno. */
typedef int (rte_vdev_dma_unmap_t)(struct rte_vdev_device *dev, void *addr, uint64_t iova,
		size_t len);

/** A virtual device driver. Registered with RTE_PMD_REGISTER_VDEV. */
struct rte_vdev_driver {
	/** next in the vdev bus's driver list */
	TAILQ_ENTRY(rte_vdev_driver) next;
	struct rte_driver driver; /**< the generic driver (name, alias) */
	rte_vdev_probe_t *probe; /**< required */
	rte_vdev_remove_t *remove;     /**< NULL: devices of this driver cannot be detached */
	rte_vdev_dma_map_t *dma_map; /**< optional */
	rte_vdev_dma_unmap_t *dma_unmap; /**< optional */
	uint32_t drv_flags; /**< driver flags (not used by the vdev bus) */
};

/** Add driver to the vdev bus; one without name or probe is refused with an error log. */
void rte_vdev_register(struct rte_vdev_driver *driver);
/** Remove driver from the vdev bus (NULL or unknown drivers are ignored). */
void rte_vdev_unregister(struct rte_vdev_driver *driver);

/**
 * Register vdrv (a struct rte_vdev_driver) as driver nm at start-up, before main().
 * RTE_PMD_REGISTER_ALIAS(nm, alias) may follow RTE_PMD_REGISTER_VDEV(nm, drv) in the same file:
 * the alias variable declared here is then defined there (C's tentative definition).
 */
#define RTE_PMD_REGISTER_VDEV(nm, vdrv) \
static const char *vdrvinit_ ## nm ## _alias; \
RTE_INIT(vdrvinitfn_ ## vdrv) \
{ \
	(vdrv).driver.name = RTE_STR(nm); \
	(vdrv).driver.alias = vdrvinit_ ## nm ## _alias; \
	rte_vdev_register(&vdrv); \
} \
RTE_PMD_EXPORT_NAME(nm)

/** Give driver nm a second name, alias, accepted in --vdev (after RTE_PMD_REGISTER_VDEV). */
#define RTE_PMD_REGISTER_ALIAS(nm, alias) \
static const char *vdrvinit_ ## nm ## _alias = RTE_STR(alias); \
RTE_PMD_INFO_ALIAS(nm, alias)

#ifdef __cplusplus
}
#endif

#endif /* _BUS_VDEV_DRIVER_H_ */
