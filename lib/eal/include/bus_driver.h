/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * For bus implementations: struct rte_bus and its operations, and bus registration.
 */
#ifndef _BUS_DRIVER_H_
#define _BUS_DRIVER_H_

#include <sys/queue.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <dev_driver.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Find devices present on the bus (all of them at start-up). 0 or negative errno. */
typedef int (*rte_bus_scan_t)(void);
/** Bind drivers to every scanned, allowed, not yet probed device. 0 or negative errno. */
typedef int (*rte_bus_probe_t)(void);
/** First device after start for which cmp(dev, data) == 0, or NULL. */
typedef struct rte_device *(*rte_bus_find_device_t)(const struct rte_device *start,
		rte_dev_cmp_t cmp, const void *data);
/** Probe one device (found by find_device after a rescan). 0 or negative errno. */
typedef int (*rte_bus_plug_t)(struct rte_device *dev);
/** Remove the driver from one device and forget it. 0 or negative errno (nothing changed). */
typedef int (*rte_bus_unplug_t)(struct rte_device *dev);
/**
 * Does name belong to this bus? 0 if so, writing the canonical name to addr when not NULL
 * (e.g. "01:00.0" -> "0000:01:00.0"); non-zero otherwise.
 */
typedef int (*rte_bus_parse_t)(const char *name, void *addr);
/** Parse bus-specific devargs ("addr=...") into da->name. 0 or negative errno. */
typedef int (*rte_bus_devargs_parse_t)(struct rte_devargs *da);
/** Map [addr, addr + len) at iova for DMA by dev: 0 or negative errno. */
typedef int (*rte_dma_map_t)(struct rte_device *dev, void *addr, uint64_t iova, size_t len);
/** Undo rte_dma_map_t: 0 or negative errno. */
typedef int (*rte_dma_unmap_t)(struct rte_device *dev, void *addr, uint64_t iova, size_t len);
/** IOVA mode the bus's devices need (RTE_IOVA_DC when any will do). */
typedef enum rte_iova_mode (*rte_bus_get_iommu_class_t)(void);
/** The device has gone (surprise removal): make later accesses harmless. */
typedef int (*rte_bus_hot_unplug_handler_t)(struct rte_device *dev);
/** A SIGBUS hit failure_addr: 0 if it was one of this bus's mappings and is now handled. */
typedef int (*rte_bus_sigbus_handler_t)(const void *failure_addr);
/** Remove every device at rte_eal_cleanup. */
typedef int (*rte_bus_cleanup_t)(void);
/**
 * The device called name, or NULL, without visiting the other devices: hotplug uses it, when
 * a bus has it, instead of find_device with a name comparison, so that attach and detach do
 * not slow down as devices accumulate.
 */
typedef struct rte_device *(*rte_bus_find_device_by_name_t)(const char *name);
/**
 * 1 if dev is one of the bus's devices, 0 if not, in constant time; dev may be stale and is
 * only compared, never read. Optional (find_device with a pointer comparison otherwise).
 */
typedef int (*rte_bus_has_device_t)(const struct rte_device *dev);

/** Which scanned devices a bus probes. */
enum rte_bus_scan_mode {
	RTE_BUS_SCAN_UNDEFINED, /**< no -a or -b given: probe every device */
	RTE_BUS_SCAN_ALLOWLIST,  /**< probe only devices given with -a */
	RTE_BUS_SCAN_BLOCKLIST,  /**< probe everything but devices given with -b */
};

/** Bus settings made by the EAL options. */
struct rte_bus_conf {
	enum rte_bus_scan_mode scan_mode; /**< allow list or block list */
};

/** A bus: its name and operations. Registered with RTE_REGISTER_BUS. */
struct rte_bus {
	/** next in the list of buses */
	TAILQ_ENTRY(rte_bus) next;
	const char *name; /**< bus name ("pci", "vdev"), set by RTE_REGISTER_BUS */
	rte_bus_scan_t scan; /**< required */
	rte_bus_probe_t probe; /**< required */
	rte_bus_find_device_t find_device; /**< required */
	rte_bus_plug_t plug; /**< optional, with unplug */
	rte_bus_unplug_t unplug; /**< optional, with plug */
	rte_bus_parse_t parse; /**< recognises device names of this bus */
	rte_bus_devargs_parse_t devargs_parse; /**< optional */
	rte_dma_map_t dma_map; /**< optional */
	rte_dma_unmap_t dma_unmap; /**< optional */
	struct rte_bus_conf conf; /**< settings from the EAL options */
	rte_bus_get_iommu_class_t get_iommu_class; /**< optional */
	rte_dev_iterate_t dev_iterate; /**< optional device iterator */
	rte_bus_hot_unplug_handler_t hot_unplug_handler; /**< optional */
	rte_bus_sigbus_handler_t sigbus_handler; /**< optional */
	rte_bus_cleanup_t cleanup; /**< optional */
	rte_bus_find_device_by_name_t find_device_by_name; /**< optional */
	rte_bus_has_device_t has_device; /**< optional */
};

/**
 * Add bus to the bus list. A bus without name, scan, probe or find_device, or with only
 * one of plug/unplug, or a second bus with the same name, is refused with an error log.
 */
void rte_bus_register(struct rte_bus *bus);
/** Remove bus from the bus list (NULL or an unknown bus is ignored). */
void rte_bus_unregister(struct rte_bus *bus);

/**
 * A mark of the devargs list as it is now, for buses that scan only what changed since their
 * last scan: pass it to rte_devargs_next_since at the next scan. Never 0 once an entry has
 * been listed.
 */
__rte_internal
uint64_t rte_devargs_mark(void);

/**
 * Like rte_devargs_next, but starting (start NULL) at the first entry of bus busname listed
 * after mark was taken: entries are listed in order, so the walk visits only those. A mark
 * of 0, or an entry replaced in place (rte_devargs_insert of a listed name) since mark,
 * starts at the first entry, since an entry seen before may then have changed.
 * @return the entry, or NULL at the end
 */
__rte_internal
struct rte_devargs *rte_devargs_next_since(const char *busname,
		const struct rte_devargs *start, uint64_t mark);

/** Register bus (a struct rte_bus) under the name nm at start-up, before main(). */
#define RTE_REGISTER_BUS(nm, bus) \
RTE_INIT_PRIO(businitfn_ ##nm, BUS) \
{ \
	(bus).name = RTE_STR(nm); \
	rte_bus_register(&bus); \
}

#ifdef __cplusplus
}
#endif

#endif /* _BUS_DRIVER_H_ */
