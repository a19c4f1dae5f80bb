/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Device arguments: which device (bus + name) and the driver arguments for it, from the command
 * line (--vdev, -a, -b) or from a hotplug call. Two spellings are understood:
 *   legacy:  [bus:]name[,key=value...]            e.g. "0000:01:00.0,k=v", "net_pcap0,iface=eth0"
 *   layered: bus=B,k=v[/class=C,k=v][/driver=D,k=v] e.g. "bus=pci,addr=01:00.0/class=eth"
 * In the layered form a '/' starts a layer only before "bus=", "class=" or "driver=" (values may
 * be paths); the device name comes from the bus's devargs_parse, else from name= or addr= in
 * the bus layer; drv_str (same storage as args) holds the driver layer without "driver=...".
 * Driver arguments must be a well-formed kvargs list (see rte_kvargs.h); keys may repeat.
 *
 * The devargs list has its own lock. An entry returned by rte_devargs_next stays valid until
 * it is removed; buses walk the list with EAL's hotplug lock held, which keeps hotplug from
 * removing entries under them.
 */
#ifndef _RTE_DEVARGS_H_
#define _RTE_DEVARGS_H_

#include <stdio.h>
#include <sys/queue.h>

#include <rte_compat.h>
#include <rte_bus.h>
#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Where a devargs entry came from. */
enum rte_devtype {
	RTE_DEVTYPE_ALLOWED,  /**< from -a */
	RTE_DEVTYPE_BLOCKED,  /**< from -b */
	RTE_DEVTYPE_VIRTUAL,  /**< from --vdev or hotplug of a virtual device */
};

/** Whether the device may be probed. */
enum rte_dev_policy {
	RTE_DEV_ALLOWED, /**< may be probed */
	RTE_DEV_BLOCKED, /**< must not be probed */
};

struct rte_class;

/** One device and its driver arguments. */
struct rte_devargs {
	TAILQ_ENTRY(rte_devargs) next; /**< next in the devargs list */
	enum rte_devtype type;         /**< where it came from */
	enum rte_dev_policy policy;    /**< allowed or blocked */
	char name[RTE_DEV_NAME_MAX_LEN]; /**< device name on its bus */
	RTE_STD_C11
	/** Driver arguments. */
	union {
		const char *args;     /**< legacy driver arguments ("k=v,k2=v2"), never NULL once parsed */
		const char *drv_str;  /**< layered: driver part */
	};
	struct rte_bus *bus;          /**< bus the device is on */
	struct rte_class *cls;        /**< class, when given */
	const char *bus_str;          /**< layered: bus part */
	const char *cls_str;          /**< layered: class part */
	char *data;                   /**< storage that the strings above point into */
};

/**
 * Parse dev into da (which the caller owns; free its contents with rte_devargs_reset).
 * @return 0, or -EINVAL (malformed), -ENODEV (no bus knows the name), -ENOMEM.
 */
int rte_devargs_parse(struct rte_devargs *da, const char *dev);
/** rte_devargs_parse of a formatted string. */
int rte_devargs_parsef(struct rte_devargs *da, const char *format, ...)
	__rte_format_printf(2, 0);
/** Free what parsing allocated inside da (not da itself). */
void rte_devargs_reset(struct rte_devargs *da);
/**
 * Add *da (allocated with malloc) to the list, taking ownership. If a devargs for the same
 * device exists it is replaced and *da points at the kept one. 0 or negative errno.
 */
int rte_devargs_insert(struct rte_devargs **da);
/** Parse devargs_str and add it with type devtype. 0 or -1/negative errno. */
int rte_devargs_add(enum rte_devtype devtype, const char *devargs_str);
/** Remove (and free) the list entry for the same bus and name as devargs. 0, <0 error, >0 none. */
int rte_devargs_remove(struct rte_devargs *devargs);
/** Number of list entries of devtype. */
unsigned int rte_devargs_type_count(enum rte_devtype devtype);
/** Print the devargs list to f. */
void rte_devargs_dump(FILE *f);
/** Next entry after start (NULL: first) whose bus is busname (NULL: any bus). */
struct rte_devargs *rte_devargs_next(const char *busname, const struct rte_devargs *start);

/** Loop over the devargs entries of bus busname (NULL: all). */
#define RTE_EAL_DEVARGS_FOREACH(busname, da) \
	for (da = rte_devargs_next(busname, NULL); da != NULL; da = rte_devargs_next(busname, da))

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEVARGS_H_ */
