/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The bus registry. Buses register from constructors (of EAL's users or of driver plugins
 * loaded at start-up) and are static objects that live as long as the process, so a bus pointer
 * stays valid after the registry lock is dropped; the lock only protects the list links.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_bus.h>
#include <rte_log.h>
#include <bus_driver.h>

#include "eal_private.h"

static TAILQ_HEAD(, rte_bus) bus_list = TAILQ_HEAD_INITIALIZER(bus_list);
static pthread_mutex_t bus_list_lock = PTHREAD_MUTEX_INITIALIZER;

/* The bus after prev (NULL: the first one). */
static struct rte_bus *
bus_next(const struct rte_bus *prev)
{
	struct rte_bus *bus;

	pthread_mutex_lock(&bus_list_lock);
	bus = prev == NULL ? TAILQ_FIRST(&bus_list) : TAILQ_NEXT(prev, next);
	pthread_mutex_unlock(&bus_list_lock);
	return bus;
}

void
rte_bus_register(struct rte_bus *bus)
{
	struct rte_bus *b;

	/* A bus without these could not take part in scan, probe and hotplug at all. */
	if (bus == NULL || bus->name == NULL || bus->name[0] == '\0' || bus->scan == NULL ||
			bus->probe == NULL || bus->find_device == NULL ||
			(bus->plug == NULL) != (bus->unplug == NULL)) {
		EAL_LOG(ERR, "bus %s not registered: scan, probe and find_device are required, "
			"plug and unplug go together\n",
			bus != NULL && bus->name != NULL ? bus->name : "(null)");
		return;
	}
	pthread_mutex_lock(&bus_list_lock);
	TAILQ_FOREACH(b, &bus_list, next) {
		if (b == bus || strcmp(b->name, bus->name) == 0)
			break;
	}
	if (b == NULL)
		TAILQ_INSERT_TAIL(&bus_list, bus, next);
	pthread_mutex_unlock(&bus_list_lock);
	if (b != NULL)
		EAL_LOG(ERR, "bus %s registered twice, second one ignored\n", bus->name);
	else
		EAL_LOG(DEBUG, "registered bus %s\n", bus->name);
}

void
rte_bus_unregister(struct rte_bus *bus)
{
	struct rte_bus *b;

	if (bus == NULL)
		return;
	pthread_mutex_lock(&bus_list_lock);
	TAILQ_FOREACH(b, &bus_list, next)
		if (b == bus)
			break;
	if (b != NULL)
		TAILQ_REMOVE(&bus_list, bus, next);
	pthread_mutex_unlock(&bus_list_lock);
}

const char *
rte_bus_name(const struct rte_bus *bus)
{
	return bus != NULL ? bus->name : NULL;
}

int
rte_bus_scan(void)
{
	struct rte_bus *bus = NULL;
	int ret, first = 0;

	/* Scans change device lists, like hotplug does. */
	eal_dev_hotplug_lock();
	while ((bus = bus_next(bus)) != NULL) {
		ret = bus->scan();
		if (ret < 0) {
			EAL_LOG(ERR, "scan of bus %s failed: %s\n", bus->name, strerror(-ret));
			if (first == 0)
				first = ret;
		}
	}
	eal_dev_hotplug_unlock();
	return first;
}

/*
 * Virtual devices are probed after the others, so that a virtual device built on top of a
 * physical one (bonding, failsafe) finds it ready.
 */
int
rte_bus_probe(void)
{
	struct rte_bus *bus = NULL, *vdev = NULL;
	int ret, first = 0;

	eal_dev_hotplug_lock();
	while ((bus = bus_next(bus)) != NULL) {
		if (strcmp(bus->name, "vdev") == 0) {
			vdev = bus;
			continue;
		}
		ret = bus->probe();
		if (ret < 0) {
			EAL_LOG(ERR, "probe of bus %s failed: %s\n", bus->name, strerror(-ret));
			if (first == 0)
				first = ret;
		}
	}
	if (vdev != NULL) {
		ret = vdev->probe();
		if (ret < 0) {
			EAL_LOG(ERR, "probe of bus vdev failed: %s\n", strerror(-ret));
			if (first == 0)
				first = ret;
		}
	}
	eal_dev_hotplug_unlock();
	return first;
}

void
rte_bus_dump(FILE *f)
{
	static const char *const modes[] = { "default", "allow list", "block list" };
	struct rte_bus *bus = NULL;

	if (f == NULL)
		return;
	while ((bus = bus_next(bus)) != NULL)
		fprintf(f, "bus %s (scan mode: %s)\n", bus->name,
			bus->conf.scan_mode <= RTE_BUS_SCAN_BLOCKLIST ?
			modes[bus->conf.scan_mode] : "?");
}

struct rte_bus *
rte_bus_find(const struct rte_bus *start, rte_bus_cmp_t cmp, const void *data)
{
	struct rte_bus *bus;

	if (cmp == NULL)
		return NULL;
	pthread_mutex_lock(&bus_list_lock);
	if (start == NULL) {
		bus = TAILQ_FIRST(&bus_list);
	} else {
		TAILQ_FOREACH(bus, &bus_list, next)
			if (bus == start)
				break;
		if (bus != NULL)
			bus = TAILQ_NEXT(bus, next);
	}
	pthread_mutex_unlock(&bus_list_lock);
	for (; bus != NULL; bus = bus_next(bus))
		if (cmp(bus, data) == 0)
			return bus;
	return NULL;
}

/* Identity only: the device pointer may be stale, so it is compared, never read. */
static int
cmp_dev_ptr(const struct rte_device *dev, const void *data)
{
	return dev != data;
}

static int
bus_has_device(const struct rte_bus *bus, const void *dev)
{
	return bus->find_device(NULL, cmp_dev_ptr, dev) == NULL;
}

struct rte_bus *
rte_bus_find_by_device(const struct rte_device *dev)
{
	if (dev == NULL)
		return NULL;
	return rte_bus_find(NULL, bus_has_device, dev);
}

static int
cmp_bus_name(const struct rte_bus *bus, const void *name)
{
	return strcmp(bus->name, name);
}

struct rte_bus *
rte_bus_find_by_name(const char *busname)
{
	if (busname == NULL)
		return NULL;
	return rte_bus_find(NULL, cmp_bus_name, busname);
}

/*
 * Devices that need physical addresses and devices that need virtual ones cannot both be
 * satisfied; then the buses do not decide and EAL keeps its default.
 */
enum rte_iova_mode
rte_bus_get_iommu_class(void)
{
	struct rte_bus *bus = NULL;
	unsigned int want = 0;

	while ((bus = bus_next(bus)) != NULL) {
		if (bus->get_iommu_class == NULL)
			continue;
		want |= (unsigned int)bus->get_iommu_class();
	}
	if (want == RTE_IOVA_PA || want == RTE_IOVA_VA)
		return (enum rte_iova_mode)want;
	return RTE_IOVA_DC;
}

/* rte_eal_cleanup: every bus forgets its devices, scan modes return to the default. */
void
eal_bus_cleanup(void)
{
	struct rte_bus *bus = NULL;
	int ret;

	while ((bus = bus_next(bus)) != NULL) {
		if (bus->cleanup != NULL) {
			ret = bus->cleanup();
			if (ret < 0)
				EAL_LOG(ERR, "cleanup of bus %s failed: %s\n", bus->name,
					strerror(-ret));
		}
		bus->conf.scan_mode = RTE_BUS_SCAN_UNDEFINED;
	}
}
