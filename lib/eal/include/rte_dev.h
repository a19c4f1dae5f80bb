/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Generic devices: what every bus's devices have in common, the device-level hotplug engine
 * (rte_dev_probe / rte_dev_remove) and device event notifications.
 *
 * Thread safety: unlike DPDK, every function here may be called from any thread at any time;
 * probe, remove and the devargs list are serialised internally, and callbacks run without
 * any internal lock held.
 */
#ifndef _RTE_DEV_H_
#define _RTE_DEV_H_

#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_log.h>
#include <rte_pmd_info.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_bus;
struct rte_devargs;
struct rte_device;
struct rte_driver;

/** Kind of device event. */
enum rte_dev_event_type {
	RTE_DEV_EVENT_ADD,    /**< device appeared (e.g. kernel uevent "add") */
	RTE_DEV_EVENT_REMOVE, /**< device disappeared */
	RTE_DEV_EVENT_MAX     /**< number of event types */
};

/** Device event callback: the device name, what happened, the registered argument. */
typedef void (*rte_dev_event_cb_fn)(const char *device_name, enum rte_dev_event_type event,
		void *cb_arg);

/** Longest device name (PCI address or vdev name). */
#define RTE_DEV_NAME_MAX_LEN 64

/* Accessors: struct rte_device itself is only visible to drivers (dev_driver.h). */
/** Name of a driver, NULL for NULL. */
const char *rte_driver_name(const struct rte_driver *driver);
/** Bus of a device, NULL for NULL. */
const struct rte_bus *rte_dev_bus(const struct rte_device *dev);
/** Bus-specific description of a device, may be NULL. */
const char *rte_dev_bus_info(const struct rte_device *dev);
/** Arguments a device was attached with, may be NULL. */
struct rte_devargs *rte_dev_devargs(const struct rte_device *dev);
/** Driver bound to a device, NULL when not probed. */
const struct rte_driver *rte_dev_driver(const struct rte_device *dev);
/** Name of a device (PCI address, vdev name), NULL for NULL. */
const char *rte_dev_name(const struct rte_device *dev);
/** NUMA node of a device, SOCKET_ID_ANY when unknown or for NULL. */
int rte_dev_numa_node(const struct rte_device *dev);

/** Is a driver bound to the device? */
int rte_dev_is_probed(const struct rte_device *dev);

/**
 * Attach a device described by devargs ("0000:01:00.0,k=v", "net_null0,size=64",
 * "pci:0000:01:00.0", "bus=vdev,name=net_null0"): scan its bus for it and probe it.
 * @return 0; -EINVAL malformed devargs; -ENOENT no bus or device matches; -EEXIST already
 *   probed; -ENOTSUP bus cannot plug; or the driver's own negative errno.
 */
int rte_dev_probe(const char *devargs);

/**
 * Detach a device: the driver's remove, then the bus unplugs it and its devargs are dropped.
 * dev is only compared, never read, until it is known to be a device of some bus, so a pointer
 * to a device that another thread already removed is safely refused.
 * @return 0; -EINVAL NULL or unknown device; -ENOENT not probed; -EBUSY a probe or remove of
 *   it is in progress; -ENOTSUP the bus or driver cannot detach (nothing changed); or the
 *   driver's negative errno (nothing changed).
 */
int rte_dev_remove(struct rte_device *dev);

/**
 * rte_dev_probe of "busname:devname,drvargs" (drvargs may be NULL). Same results; -ENOENT also
 * when no bus is called busname.
 */
int rte_eal_hotplug_add(const char *busname, const char *devname, const char *drvargs);
/**
 * rte_dev_remove of the device devname on bus busname. Same results, except -ENOENT when there
 * is no such bus or no such device, and -EINVAL for NULL names.
 */
int rte_eal_hotplug_remove(const char *busname, const char *devname);

/** Compare a device with data (for rte_bus find_device); 0 on match. */
typedef int (*rte_dev_cmp_t)(const struct rte_device *dev, const void *data);

/** Iterate over devices matching a devargs-style filter ("bus=pci/class=eth"). */
struct rte_dev_iterator {
	const char *dev_str;   /**< filter string given to init */
	const char *bus_str;   /**< bus part of the filter */
	const char *cls_str;   /**< class part of the filter */
	struct rte_bus *bus;   /**< bus being walked */
	struct rte_class *cls; /**< class being walked */
	struct rte_device *device; /**< current device */
	void *class_device;    /**< current class object (e.g. ethdev) */
};

/**
 * Next object after start (NULL: first) matching the filter devstr, for a bus (devices) or a
 * class (class objects of it->device); NULL at the end.
 */
typedef void *(*rte_dev_iterate_t)(const void *start, const char *devstr,
		const struct rte_dev_iterator *it);

/** 0, or -EINVAL for a filter without bus or class part. */
int rte_dev_iterator_init(struct rte_dev_iterator *it, const char *str);
/** Next device (or class object when the filter has a class part), NULL at the end. */
struct rte_device *rte_dev_iterator_next(struct rte_dev_iterator *it);

/** Loop over the devices (or class objects) matching devstr, using iterator it. */
#define RTE_DEV_FOREACH(dev, devstr, it) \
	for (rte_dev_iterator_init(it, devstr), dev = rte_dev_iterator_next(it); \
	     dev != NULL; dev = rte_dev_iterator_next(it))

/**
 * Call cb for events on device_name (NULL: every device). The same (name, cb, arg) twice is
 * -EEXIST. 0, -EINVAL, -ENOMEM.
 */
int rte_dev_event_callback_register(const char *device_name, rte_dev_event_cb_fn cb_fn,
		void *cb_arg);
/**
 * Remove callbacks matching (device_name, cb_fn, cb_arg); cb_arg (void *)-1 matches any.
 * Number removed, -ENOENT if none, -EAGAIN if one is running now.
 */
int rte_dev_event_callback_unregister(const char *device_name, rte_dev_event_cb_fn cb_fn,
		void *cb_arg);
/** Run the callbacks registered for device_name and for every device. */
void rte_dev_event_callback_process(const char *device_name, enum rte_dev_event_type event);

/**
 * Start listening to kernel uevents (a control thread on a NETLINK_KOBJECT_UEVENT socket):
 * PCI devices appearing or disappearing become RTE_DEV_EVENT_ADD/REMOVE for the callbacks.
 * 0 (also when already started) or negative errno.
 */
int rte_dev_event_monitor_start(void);
/** Stop the monitor thread and close its socket. 0 (also when not started). */
int rte_dev_event_monitor_stop(void);
/** Let buses handle surprise removal (remap BARs so stray accesses do not fault). 0. */
int rte_dev_hotplug_handle_enable(void);
/** Stop handling surprise removal in the buses. 0. */
int rte_dev_hotplug_handle_disable(void);

/** DMA-map memory outside EAL's heap for a device (VFIO). 0 or -1 with rte_errno. */
int rte_dev_dma_map(struct rte_device *dev, void *addr, uint64_t iova, size_t len);
/** Undo rte_dev_dma_map. 0 or -1 with rte_errno. */
int rte_dev_dma_unmap(struct rte_device *dev, void *addr, uint64_t iova, size_t len);

/*
 * Driver information embedded in a driver's object file for dpdk-pmdinfo: the parameters it
 * accepts, the kernel modules it needs, its PCI id table. The markers and their format are in
 * rte_pmd_info.h; the driver's name is recorded by the bus's registration macro.
 */
/** Record the device arguments driver name accepts (a string literal). */
#define RTE_PMD_REGISTER_PARAM_STRING(name, str) RTE_PMD_INFO_PARAM_STRING(name, str)
/** Record the kernel modules driver name needs (a string literal). */
#define RTE_PMD_REGISTER_KMOD_DEP(name, str) RTE_PMD_INFO_KMOD_DEP(name, str)
/** Record the PCI id table of driver name. */
#define RTE_PMD_REGISTER_PCI_TABLE(name, table) RTE_PMD_INFO_PCI_TABLE(name, table)

/** Debug log line of a driver. */
#define RTE_PMD_DEBUG_TRACE(...) RTE_LOG(DEBUG, PMD, __VA_ARGS__)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEV_H_ */
