/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * For buses and drivers only: the generic device and driver objects that each bus embeds in
 * its own (struct rte_pci_device, struct rte_vdev_device...).
 */
#ifndef _DEV_DRIVER_H_
#define _DEV_DRIVER_H_

#include <sys/queue.h>

#include <rte_common.h>
#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A driver, embedded in the bus-specific driver structure. */
struct rte_driver {
	TAILQ_ENTRY(rte_driver) next; /**< next in the bus's list (unused by most buses) */
	const char *name;             /**< driver name, e.g. "net_null" */
	const char *alias;            /**< other name it answers to, e.g. "eth_null" */
};

/**
 * Life of a device, as the core tracks it. A device is NOT_PRESENT (no driver), PROBING while a
 * driver's probe runs, PROBED once it succeeded, REMOVING while the driver's remove runs.
 * Probe and remove only start from NOT_PRESENT and PROBED respectively, so a second attach of
 * the same device, or a detach racing an attach, is refused instead of running twice.
 */
enum rte_dev_state {
	RTE_DEV_STATE_NOT_PRESENT = 0, /**< no driver bound */
	RTE_DEV_STATE_PROBING,         /**< a driver's probe is running */
	RTE_DEV_STATE_PROBED,          /**< a driver is bound */
	RTE_DEV_STATE_REMOVING,        /**< the driver's remove is running */
};

struct rte_devres;

/** A device, embedded in the bus-specific device structure. */
struct rte_device {
	TAILQ_ENTRY(rte_device) next;  /**< next in the bus's list (unused by most buses) */
	const char *name;              /**< unique name: PCI address, vdev name */
	const char *bus_info;          /**< bus-specific description, may be NULL */
	const struct rte_driver *driver; /**< bound driver, NULL when not probed */
	const struct rte_bus *bus;     /**< bus the device is on */
	int numa_node;                 /**< NUMA node, SOCKET_ID_ANY if unknown */
	struct rte_devargs *devargs;   /**< arguments it was attached with, may be NULL */
	enum rte_dev_state state;      /**< see enum rte_dev_state; zero-initialised is right */
	struct rte_devres *devres;     /**< resources held for the bound driver, newest first */
};

/**
 * Per-device resources ("devres"). Whatever a driver or bus acquires while probing a device
 * (memory, file descriptors, mappings) can be recorded here with the function that gives it
 * back. The core releases them all, newest first, when the probe fails or after the driver's
 * remove succeeds, so an error path cannot forget one. The list is protected internally; it is
 * normally used from probe and remove, which the core serialises.
 *
 * rte_devres_release_t gives one resource back; it is called with the device and the arg
 * given to rte_devres_add.
 */
typedef void (*rte_devres_release_t)(struct rte_device *dev, void *arg);

/** Record a resource. 0, -EINVAL (NULL dev or release), -ENOMEM. */
int rte_devres_add(struct rte_device *dev, rte_devres_release_t release, void *arg);
/** Forget the newest matching record without calling it (freed by hand). 0 or -ENOENT. */
int rte_devres_remove(struct rte_device *dev, rte_devres_release_t release, void *arg);
/** Release the newest matching record now and forget it. 0 or -ENOENT. */
int rte_devres_release(struct rte_device *dev, rte_devres_release_t release, void *arg);
/** Release every record, newest first. */
void rte_devres_release_all(struct rte_device *dev);
/** Number of records held. */
unsigned int rte_devres_count(const struct rte_device *dev);

/** Probe or remove function of a driver, called for dev with arg. */
typedef int (*rte_dev_driver_fn_t)(struct rte_device *dev, void *arg);
/**
 * For buses: run a driver's probe for dev under the state machine. The device must be
 * NOT_PRESENT (-EEXIST when already probed, -EBUSY while another probe or remove runs); it is
 * PROBING with dev->driver = drv while probe(dev, arg) runs. If probe returns non-zero, the
 * device's devres are released, driver is reset to NULL and the state back to NOT_PRESENT;
 * its return value is passed on (> 0 conventionally means "not mine").
 */
int rte_dev_probe_driver(struct rte_device *dev, const struct rte_driver *drv,
		rte_dev_driver_fn_t probe, void *arg);
/**
 * For buses: attach the device of devargs in this process only, as rte_vdev_init does.
 * rte_dev_probe also attaches it in every other process of the same --file-prefix; this tells
 * no other process. Returns what rte_dev_probe would (0 or a negative errno).
 */
int rte_dev_probe_local(const char *devargs);
/**
 * For buses: detach the device named "bus:name" in this process only, as rte_vdev_uninit
 * does. 0, -ENOENT when there is no such device, or the driver's error.
 */
int rte_dev_remove_local(const char *busdev);
/**
 * For buses: run the bound driver's remove (NULL: -ENOTSUP, nothing changed). The device must be
 * PROBED (-ENOENT otherwise). On success its devres are released, driver is NULL and the state
 * NOT_PRESENT; on failure it stays PROBED and the error is passed on.
 */
int rte_dev_remove_driver(struct rte_device *dev, rte_dev_driver_fn_t remove, void *arg);

#ifdef __cplusplus
}
#endif

#endif /* _DEV_DRIVER_H_ */
