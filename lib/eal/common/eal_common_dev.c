/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Devices: accessors, per-device resources, the probe/remove state machine and the hotplug
 * engine (rte_dev_probe / rte_dev_remove), plus device event callbacks.
 *
 * One recursive lock serialises every hotplug operation and the probing done by rte_bus_probe:
 * recursive because a driver's probe may itself attach other devices (a bonding or failsafe
 * device attaching its members). Device event callbacks have their own lock and are called
 * with no lock held.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_bus.h>
#include <rte_class.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <bus_driver.h>
#include <dev_driver.h>

#include "eal_private.h"
#include "eal_telemetry.h"

static pthread_mutex_t hotplug_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

/*
 * Counters for telemetry. Only hotplug, with its lock held, writes them: a plain increment
 * stored atomically, so that readers need no lock and counting costs no locked instruction.
 */
static uint64_t hp_count[4];	/* attached, attach failed, detached, detach failed */
/* The last failure; written with the hotplug lock held, read under it. */
static int hp_last_error;
static enum eal_hotplug_op hp_last_op;
static char hp_last_dev[128];

void
eal_hotplug_account(enum eal_hotplug_op op, const char *name, int ret)
{
	uint64_t *c = &hp_count[op * 2 + (ret < 0)];

	__atomic_store_n(c, __atomic_load_n(c, __ATOMIC_RELAXED) + 1, __ATOMIC_RELAXED);
	if (ret < 0) {
		hp_last_error = ret;
		hp_last_op = op;
		rte_strlcpy(hp_last_dev, name != NULL ? name : "", sizeof(hp_last_dev));
	}
}

void
eal_hotplug_stats_get(struct eal_hotplug_stats *st)
{
	st->attached = __atomic_load_n(&hp_count[0], __ATOMIC_RELAXED);
	st->attach_failed = __atomic_load_n(&hp_count[1], __ATOMIC_RELAXED);
	st->detached = __atomic_load_n(&hp_count[2], __ATOMIC_RELAXED);
	st->detach_failed = __atomic_load_n(&hp_count[3], __ATOMIC_RELAXED);
	pthread_mutex_lock(&hotplug_lock);
	st->last_error = hp_last_error;
	st->last_error_op = hp_last_op;
	memcpy(st->last_error_dev, hp_last_dev, sizeof(st->last_error_dev));
	pthread_mutex_unlock(&hotplug_lock);
}

void
eal_dev_hotplug_lock(void)
{
	pthread_mutex_lock(&hotplug_lock);
}

void
eal_dev_hotplug_unlock(void)
{
	pthread_mutex_unlock(&hotplug_lock);
}

/* ---- accessors ---- */

const char *
rte_driver_name(const struct rte_driver *driver)
{
	return driver != NULL ? driver->name : NULL;
}

const struct rte_bus *
rte_dev_bus(const struct rte_device *dev)
{
	return dev != NULL ? dev->bus : NULL;
}

const char *
rte_dev_bus_info(const struct rte_device *dev)
{
	return dev != NULL ? dev->bus_info : NULL;
}

struct rte_devargs *
rte_dev_devargs(const struct rte_device *dev)
{
	return dev != NULL ? dev->devargs : NULL;
}

const struct rte_driver *
rte_dev_driver(const struct rte_device *dev)
{
	return dev != NULL ? dev->driver : NULL;
}

const char *
rte_dev_name(const struct rte_device *dev)
{
	return dev != NULL ? dev->name : NULL;
}

int
rte_dev_numa_node(const struct rte_device *dev)
{
	return dev != NULL ? dev->numa_node : SOCKET_ID_ANY;
}

/*
 * A bus that binds drivers without rte_dev_probe_driver leaves the state at NOT_PRESENT; then
 * the driver pointer alone tells.
 */
int
rte_dev_is_probed(const struct rte_device *dev)
{
	if (dev == NULL)
		return 0;
	if (dev->state == RTE_DEV_STATE_NOT_PRESENT)
		return dev->driver != NULL;
	return dev->state == RTE_DEV_STATE_PROBED;
}

/* ---- per-device resources ---- */

struct rte_devres {
	struct rte_devres *next;   /* older record */
	rte_devres_release_t release;
	void *arg;
};

static pthread_mutex_t devres_lock = PTHREAD_MUTEX_INITIALIZER;

int
rte_devres_add(struct rte_device *dev, rte_devres_release_t release, void *arg)
{
	struct rte_devres *r;

	if (dev == NULL || release == NULL)
		return -EINVAL;
	r = malloc(sizeof(*r));
	if (r == NULL) {
		EAL_LOG(ERR, "device %s: no memory to record a resource\n", dev->name);
		return -ENOMEM;
	}
	r->release = release;
	r->arg = arg;
	pthread_mutex_lock(&devres_lock);
	r->next = dev->devres;
	/* Stored atomically: rte_devres_release_all peeks at the head without the lock. */
	__atomic_store_n(&dev->devres, r, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&devres_lock);
	return 0;
}

/* Unlink the newest record matching (release, arg). */
static struct rte_devres *
devres_unlink(struct rte_device *dev, rte_devres_release_t release, void *arg)
{
	struct rte_devres **pp, *r = NULL;

	if (dev == NULL)
		return NULL;
	pthread_mutex_lock(&devres_lock);
	for (pp = &dev->devres; *pp != NULL; pp = &(*pp)->next) {
		if ((*pp)->release == release && (*pp)->arg == arg) {
			r = *pp;
			__atomic_store_n(pp, r->next, __ATOMIC_RELAXED); /* pp may be the head */
			break;
		}
	}
	pthread_mutex_unlock(&devres_lock);
	return r;
}

int
rte_devres_remove(struct rte_device *dev, rte_devres_release_t release, void *arg)
{
	struct rte_devres *r = devres_unlink(dev, release, arg);

	if (r == NULL)
		return -ENOENT;
	free(r);
	return 0;
}

int
rte_devres_release(struct rte_device *dev, rte_devres_release_t release, void *arg)
{
	struct rte_devres *r = devres_unlink(dev, release, arg);

	if (r == NULL)
		return -ENOENT;
	r->release(dev, r->arg);
	free(r);
	return 0;
}

void
rte_devres_release_all(struct rte_device *dev)
{
	struct rte_devres *r;

	/* Most devices record nothing: no lock for them. */
	if (dev == NULL || __atomic_load_n(&dev->devres, __ATOMIC_ACQUIRE) == NULL)
		return;
	/* One at a time, without the lock: a release function may itself use devres. */
	for (;;) {
		pthread_mutex_lock(&devres_lock);
		r = dev->devres;
		if (r != NULL)
			__atomic_store_n(&dev->devres, r->next, __ATOMIC_RELAXED);
		pthread_mutex_unlock(&devres_lock);
		if (r == NULL)
			break;
		r->release(dev, r->arg);
		free(r);
	}
}

unsigned int
rte_devres_count(const struct rte_device *dev)
{
	const struct rte_devres *r;
	unsigned int n = 0;

	if (dev == NULL)
		return 0;
	pthread_mutex_lock(&devres_lock);
	for (r = dev->devres; r != NULL; r = r->next)
		n++;
	pthread_mutex_unlock(&devres_lock);
	return n;
}

/* ---- driver binding state machine ---- */

int
rte_dev_probe_driver(struct rte_device *dev, const struct rte_driver *drv,
		rte_dev_driver_fn_t probe, void *arg)
{
	int ret;

	if (dev == NULL || drv == NULL || probe == NULL)
		return -EINVAL;
	eal_dev_hotplug_lock();
	if (rte_dev_is_probed(dev)) {
		ret = -EEXIST;
	} else if (dev->state != RTE_DEV_STATE_NOT_PRESENT) {
		ret = -EBUSY;
	} else {
		dev->state = RTE_DEV_STATE_PROBING;
		dev->driver = drv;
		ret = probe(dev, arg);
		if (ret != 0) {
			rte_devres_release_all(dev);
			dev->driver = NULL;
			dev->state = RTE_DEV_STATE_NOT_PRESENT;
		} else {
			dev->state = RTE_DEV_STATE_PROBED;
		}
	}
	eal_dev_hotplug_unlock();
	return ret;
}

int
rte_dev_remove_driver(struct rte_device *dev, rte_dev_driver_fn_t remove, void *arg)
{
	int ret;

	if (dev == NULL)
		return -EINVAL;
	eal_dev_hotplug_lock();
	if (!rte_dev_is_probed(dev)) {
		ret = dev->state == RTE_DEV_STATE_NOT_PRESENT ? -ENOENT : -EBUSY;
	} else if (remove == NULL) {
		ret = -ENOTSUP;
	} else {
		dev->state = RTE_DEV_STATE_REMOVING;
		ret = remove(dev, arg);
		if (ret != 0) {
			dev->state = RTE_DEV_STATE_PROBED;
		} else {
			rte_devres_release_all(dev);
			dev->driver = NULL;
			dev->state = RTE_DEV_STATE_NOT_PRESENT;
		}
	}
	eal_dev_hotplug_unlock();
	return ret;
}

/* ---- hotplug ---- */

static int
cmp_dev_name(const struct rte_device *dev, const void *name)
{
	return strcmp(dev->name, name);
}

static int
cmp_dev_ptr(const struct rte_device *dev, const void *ptr)
{
	return dev != ptr;
}

/* The bus's device called name: by its index when it has one, else by a walk. */
static struct rte_device *
bus_dev_by_name(const struct rte_bus *bus, const char *name)
{
	if (bus->find_device_by_name != NULL)
		return bus->find_device_by_name(name);
	return bus->find_device(NULL, cmp_dev_name, name);
}

static int
dev_probe_locked(const char *devargs_str)
{
	struct rte_devargs *da;
	struct rte_device *dev;
	struct rte_bus *bus;
	int ret;

	/* rte_devargs_parse clears the whole structure first. */
	da = malloc(sizeof(*da));
	if (da == NULL)
		return -ENOMEM;
	ret = rte_devargs_parse(da, devargs_str);
	if (ret < 0) {
		free(da);
		return ret == -ENODEV ? -ENOENT : ret;
	}
	bus = da->bus;
	if (da->name[0] == '\0') {
		EAL_LOG(ERR, "cannot attach '%s': no device name\n", devargs_str);
		ret = -EINVAL;
		goto free_da;
	}
	if (bus->plug == NULL) {
		EAL_LOG(ERR, "cannot attach %s: bus %s does not support hotplug\n", da->name,
			bus->name);
		ret = -ENOTSUP;
		goto free_da;
	}
	/* Before touching the devargs list, so that a refused attach changes nothing. */
	dev = bus_dev_by_name(bus, da->name);
	if (dev != NULL && (rte_dev_is_probed(dev) || dev->state != RTE_DEV_STATE_NOT_PRESENT)) {
		EAL_LOG(ERR, "cannot attach %s: device already attached\n", da->name);
		ret = -EEXIST;
		goto free_da;
	}
	da->type = strcmp(bus->name, "vdev") == 0 ? RTE_DEVTYPE_VIRTUAL : RTE_DEVTYPE_ALLOWED;
	da->policy = RTE_DEV_ALLOWED;
	ret = rte_devargs_insert(&da);
	if (ret < 0)
		goto free_da;

	ret = bus->scan();
	if (ret < 0) {
		EAL_LOG(ERR, "cannot attach %s: scan of bus %s failed\n", da->name, bus->name);
		goto remove_da;
	}
	dev = bus_dev_by_name(bus, da->name);
	if (dev == NULL) {
		EAL_LOG(ERR, "cannot attach %s: no such device on bus %s\n", da->name,
			bus->name);
		ret = -ENOENT;
		goto remove_da;
	}
	dev->devargs = da;
	ret = bus->plug(dev);
	if (ret > 0)
		ret = -ENOTSUP;
	if (ret < 0) {
		/* The bus and the driver have said why; this line is for debugging only. */
		EAL_LOG(DEBUG, "cannot attach %s: driver probe failed: %s\n", da->name,
			strerror(-ret));
		/* The bus may have dropped the device; only a device still there is touched. */
		dev = bus_dev_by_name(bus, da->name);
		if (dev != NULL && dev->devargs == da)
			dev->devargs = NULL;
		goto remove_da;
	}
	return 0;

remove_da:
	eal_devargs_remove_ptr(da);
	return ret;
free_da:
	rte_devargs_reset(da);
	free(da);
	return ret;
}

int
rte_dev_probe(const char *devargs)
{
	if (devargs == NULL) {
		EAL_LOG(ERR, "rte_dev_probe: NULL devargs\n");
		return -EINVAL;
	}
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return eal_dev_mp_forward(EAL_DEV_MP_ATTACH, devargs);
	return eal_dev_probe_everywhere(devargs);
}

/* The bus that has this very device, without reading through a possibly stale pointer. */
static int
bus_has_dev(const struct rte_bus *bus, const void *dev)
{
	if (bus->has_device != NULL)
		return !bus->has_device(dev);
	return bus->find_device(NULL, cmp_dev_ptr, dev) == NULL;
}

static int
dev_remove_named(struct rte_device *dev, char *name)
{
	struct rte_devargs *da;
	struct rte_bus *bus;
	int ret;

	bus = rte_bus_find(NULL, bus_has_dev, dev);
	if (bus == NULL) {
		EAL_LOG(ERR, "cannot detach device %p: not a device of any bus\n", (void *)dev);
		return -EINVAL;
	}
	rte_strlcpy(name, dev->name, RTE_DEV_NAME_MAX_LEN);
	if (!rte_dev_is_probed(dev)) {
		EAL_LOG(ERR, "cannot detach %s: not attached\n", name);
		return dev->state == RTE_DEV_STATE_NOT_PRESENT ? -ENOENT : -EBUSY;
	}
	if (bus->unplug == NULL) {
		EAL_LOG(ERR, "cannot detach %s: bus %s does not support hotplug\n", name,
			bus->name);
		return -ENOTSUP;
	}
	da = dev->devargs;
	ret = bus->unplug(dev);
	if (ret != 0) {
		EAL_LOG(ERR, "cannot detach %s: %s\n", name, strerror(ret < 0 ? -ret : ret));
		return ret < 0 ? ret : -ENOTSUP;
	}
	/* The device may be gone with its memory; its devargs entry goes too. */
	if (da != NULL)
		eal_devargs_remove_ptr(da);
	return 0;
}

/* dev_remove_named, counted; name gets the device name once dev is known to be valid. */
static int
dev_remove_locked(struct rte_device *dev)
{
	char name[RTE_DEV_NAME_MAX_LEN] = "";
	int ret = dev_remove_named(dev, name);

	eal_hotplug_account(EAL_HOTPLUG_DETACH, name, ret);
	return ret;
}

/* "bus:name" of dev into out (RTE_DEV_NAME_MAX_LEN + bus); 0, or -EINVAL for no device. */
static int
dev_busdev(struct rte_device *dev, char *out, size_t size)
{
	struct rte_bus *bus = rte_bus_find(NULL, bus_has_dev, dev);

	if (bus == NULL) {
		EAL_LOG(ERR, "cannot detach device %p: not a device of any bus\n", (void *)dev);
		return -EINVAL;
	}
	if ((size_t)snprintf(out, size, "%s:%s", bus->name, dev->name) >= size)
		return -ENAMETOOLONG;
	return 0;
}

/* The device named "bus:name", or NULL; caller holds the hotplug lock. */
static struct rte_device *
dev_by_busdev(const char *busdev)
{
	const char *colon = strchr(busdev, ':');
	char busname[64];
	struct rte_bus *bus;

	if (colon == NULL || (size_t)(colon - busdev) >= sizeof(busname))
		return NULL;
	memcpy(busname, busdev, (size_t)(colon - busdev));
	busname[colon - busdev] = '\0';
	bus = rte_bus_find_by_name(busname);
	return bus != NULL ? bus_dev_by_name(bus, colon + 1) : NULL;
}

/*
 * Primary, hotplug lock held: detach dev in every secondary, then here. A secondary that
 * refuses (or a local failure) makes the secondaries attach it again.
 */
static int
dev_remove_everywhere_locked(struct rte_device *dev)
{
	char busdev[RTE_DEV_NAME_MAX_LEN + 64], *again = NULL;
	const char *args;
	int ret;

	if (!eal_mp_had_secondary())
		return dev_remove_locked(dev);
	ret = dev_busdev(dev, busdev, sizeof(busdev));
	if (ret == 0 && !rte_dev_is_probed(dev))
		ret = dev->state == RTE_DEV_STATE_NOT_PRESENT ? -ENOENT : -EBUSY;
	if (ret < 0) {
		/* said why, and counted, by the local path */
		return dev_remove_locked(dev);
	}
	/* What the secondaries attach again if the detach fails somewhere. */
	args = dev->devargs != NULL ? dev->devargs->args : NULL;
	if (asprintf(&again, "%s%s%s", busdev, args != NULL && args[0] != '\0' ? "," : "",
			args != NULL ? args : "") < 0) {
		eal_hotplug_account(EAL_HOTPLUG_DETACH, dev->name, -ENOMEM);
		return -ENOMEM;
	}
	ret = eal_dev_mp_sync(EAL_DEV_MP_DETACH, busdev, -ENOENT);
	if (ret == 0) {
		ret = dev_remove_locked(dev);
		if (ret == 0) {
			free(again);
			return 0;
		}
	} else {
		eal_hotplug_account(EAL_HOTPLUG_DETACH, busdev, ret);
	}
	if (eal_dev_mp_sync(EAL_DEV_MP_ATTACH, again, -EEXIST) != 0)
		EAL_LOG(ERR, "detach of %s failed and not every secondary process has it again\n",
			busdev);
	free(again);
	return ret;
}

int
rte_dev_remove(struct rte_device *dev)
{
	char busdev[RTE_DEV_NAME_MAX_LEN + 64];
	int ret;

	if (dev == NULL) {
		EAL_LOG(ERR, "rte_dev_remove: NULL device\n");
		return -EINVAL;
	}
	eal_dev_hotplug_lock();
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		ret = dev_busdev(dev, busdev, sizeof(busdev));
		eal_dev_hotplug_unlock();
		/* The lock is not held while the primary asks this process to detach. */
		return ret < 0 ? ret : eal_dev_mp_forward(EAL_DEV_MP_DETACH, busdev);
	}
	ret = dev_remove_everywhere_locked(dev);
	eal_dev_hotplug_unlock();
	return ret;
}

/*
 * Primary: attach here, then in every secondary; when a secondary fails, every process
 * detaches again and the caller gets that secondary's error. A device already attached here
 * is still offered to the secondaries (one started before may lack it), and stays -EEXIST.
 */
int
eal_dev_probe_everywhere(const char *devargs)
{
	char busdev[RTE_DEV_NAME_MAX_LEN + 64];
	struct rte_devargs da;
	int ret, r;

	eal_dev_hotplug_lock();
	ret = dev_probe_locked(devargs);
	if ((ret == 0 || ret == -EEXIST) && eal_mp_had_secondary()) {
		r = eal_dev_mp_sync(EAL_DEV_MP_ATTACH, devargs, -EEXIST);
		if (r != 0 && ret == 0) {
			memset(&da, 0, sizeof(da));
			if (rte_devargs_parse(&da, devargs) == 0 &&
					(size_t)snprintf(busdev, sizeof(busdev), "%s:%s",
						da.bus->name, da.name) < sizeof(busdev)) {
				struct rte_device *dev = dev_by_busdev(busdev);

				eal_dev_mp_sync(EAL_DEV_MP_DETACH, busdev, -ENOENT);
				if (dev != NULL)
					dev_remove_locked(dev);
			}
			rte_devargs_reset(&da);
			ret = r;
		}
	}
	eal_hotplug_account(EAL_HOTPLUG_ATTACH, devargs, ret);
	eal_dev_hotplug_unlock();
	return ret;
}

/* Detach the device named "bus:name": everywhere (primary) or in this process only. */
static int
dev_remove_by_busdev(const char *busdev, bool everywhere)
{
	struct rte_device *dev;
	int ret;

	eal_dev_hotplug_lock();
	dev = dev_by_busdev(busdev);
	if (dev == NULL) {
		EAL_LOG(ERR, "cannot detach %s: no such device\n", busdev);
		ret = -ENOENT;
		eal_hotplug_account(EAL_HOTPLUG_DETACH, busdev, ret);
	} else {
		ret = everywhere ? dev_remove_everywhere_locked(dev) : dev_remove_locked(dev);
	}
	eal_dev_hotplug_unlock();
	return ret;
}

int
eal_dev_remove_everywhere(const char *busdev)
{
	return dev_remove_by_busdev(busdev, true);
}

int
rte_dev_probe_local(const char *devargs)
{
	int ret;

	if (devargs == NULL) {
		EAL_LOG(ERR, "rte_dev_probe_local: NULL devargs\n");
		return -EINVAL;
	}
	eal_dev_hotplug_lock();
	ret = dev_probe_locked(devargs);
	eal_hotplug_account(EAL_HOTPLUG_ATTACH, devargs, ret);
	eal_dev_hotplug_unlock();
	return ret;
}

int
rte_dev_remove_local(const char *busdev)
{
	if (busdev == NULL) {
		EAL_LOG(ERR, "rte_dev_remove_local: NULL device name\n");
		return -EINVAL;
	}
	return dev_remove_by_busdev(busdev, false);
}

int
rte_eal_hotplug_add(const char *busname, const char *devname, const char *drvargs)
{
	char *s;
	int ret;

	if (busname == NULL || devname == NULL) {
		EAL_LOG(ERR, "rte_eal_hotplug_add: NULL bus or device name\n");
		return -EINVAL;
	}
	if (rte_bus_find_by_name(busname) == NULL) {
		EAL_LOG(ERR, "cannot attach %s: no bus named %s\n", devname, busname);
		return -ENOENT;
	}
	if (drvargs == NULL)
		drvargs = "";
	if (asprintf(&s, "%s:%s%s%s", busname, devname, drvargs[0] != '\0' ? "," : "",
			drvargs) < 0)
		return -ENOMEM;
	ret = rte_dev_probe(s);
	free(s);
	return ret;
}

int
rte_eal_hotplug_remove(const char *busname, const char *devname)
{
	struct rte_device *dev;
	struct rte_bus *bus;
	int ret;

	if (busname == NULL || devname == NULL) {
		EAL_LOG(ERR, "rte_eal_hotplug_remove: NULL bus or device name\n");
		return -EINVAL;
	}
	bus = rte_bus_find_by_name(busname);
	if (bus == NULL) {
		EAL_LOG(ERR, "cannot detach %s: no bus named %s\n", devname, busname);
		return -ENOENT;
	}
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		char busdev[RTE_DEV_NAME_MAX_LEN + 64];

		if ((size_t)snprintf(busdev, sizeof(busdev), "%s:%s", busname, devname) >=
				sizeof(busdev))
			return -ENAMETOOLONG;
		return eal_dev_mp_forward(EAL_DEV_MP_DETACH, busdev);
	}
	eal_dev_hotplug_lock();
	dev = bus_dev_by_name(bus, devname);
	if (dev == NULL) {
		EAL_LOG(ERR, "cannot detach %s: no such device on bus %s\n", devname, busname);
		ret = -ENOENT;
		eal_hotplug_account(EAL_HOTPLUG_DETACH, devname, ret);
	} else {
		ret = dev_remove_everywhere_locked(dev);
	}
	eal_dev_hotplug_unlock();
	return ret;
}

/* ---- iteration over devices matching a filter ---- */

/* Start of the layer "key=" in str (at the beginning or after a '/'), or NULL. */
static const char *
find_layer(const char *str, const char *key)
{
	size_t klen = strlen(key);
	const char *p = str;

	while (p != NULL) {
		if (strncmp(p, key, klen) == 0)
			return p;
		p = strchr(p, '/');
		if (p != NULL)
			p++;
	}
	return NULL;
}

/* The value of the layer's first pair, copied to buf. */
static int
layer_value(const char *layer, size_t skip, char *buf, size_t size)
{
	size_t len = strcspn(layer + skip, ",/");

	if (len == 0 || len >= size)
		return -1;
	memcpy(buf, layer + skip, len);
	buf[len] = '\0';
	return 0;
}

int
rte_dev_iterator_init(struct rte_dev_iterator *it, const char *str)
{
	char name[RTE_DEV_NAME_MAX_LEN];

	if (it == NULL || str == NULL)
		return -EINVAL;
	memset(it, 0, sizeof(*it));
	it->dev_str = str;
	it->bus_str = find_layer(str, "bus=");
	it->cls_str = find_layer(str, "class=");
	if (it->bus_str == NULL && it->cls_str == NULL) {
		EAL_LOG(ERR, "device filter '%s' has neither bus= nor class=\n", str);
		return -EINVAL;
	}
	if (it->bus_str != NULL) {
		if (layer_value(it->bus_str, 4, name, sizeof(name)) < 0 ||
				(it->bus = rte_bus_find_by_name(name)) == NULL) {
			EAL_LOG(ERR, "device filter '%s': unknown bus\n", str);
			return -EINVAL;
		}
	}
	if (it->cls_str != NULL) {
		if (layer_value(it->cls_str, 6, name, sizeof(name)) < 0 ||
				(it->cls = rte_class_find_by_name(name)) == NULL) {
			EAL_LOG(ERR, "device filter '%s': unknown class\n", str);
			return -EINVAL;
		}
	}
	return 0;
}

static int
cmp_any(const struct rte_device *dev, const void *data)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(data);
	return 0;
}

static int
cmp_any_bus(const struct rte_bus *bus, const void *data)
{
	RTE_SET_USED(bus);
	RTE_SET_USED(data);
	return 0;
}

/*
 * The device after it->device matching the bus part of the filter; with a class part only,
 * every device of every bus in turn.
 */
static struct rte_device *
iter_next_device(struct rte_dev_iterator *it)
{
	struct rte_device *dev;

	if (it->bus_str != NULL) {
		if (it->bus->dev_iterate != NULL)
			return it->bus->dev_iterate(it->device, it->bus_str, it);
		return it->bus->find_device(it->device, cmp_any, NULL);
	}
	if (it->bus == NULL)
		it->bus = rte_bus_find(NULL, cmp_any_bus, NULL);
	while (it->bus != NULL) {
		dev = it->bus->find_device(it->device, cmp_any, NULL);
		if (dev != NULL)
			return dev;
		it->device = NULL;
		it->bus = rte_bus_find(it->bus, cmp_any_bus, NULL);
	}
	return NULL;
}

/* An iterator that reached its end stays there (dev_str cleared). */
struct rte_device *
rte_dev_iterator_next(struct rte_dev_iterator *it)
{
	void *obj;

	if (it == NULL || it->dev_str == NULL)
		return NULL;
	if (it->cls_str == NULL) {
		it->device = iter_next_device(it);
		if (it->device == NULL)
			it->dev_str = NULL;
		return it->device;
	}
	if (it->device == NULL)
		it->device = iter_next_device(it);
	while (it->device != NULL) {
		obj = it->cls->dev_iterate != NULL ?
			it->cls->dev_iterate(it->class_device, it->cls_str, it) : NULL;
		it->class_device = obj;
		if (obj != NULL)
			return obj;
		it->device = iter_next_device(it);
	}
	it->dev_str = NULL;
	return NULL;
}

/* ---- DMA mapping of external memory ---- */

int
rte_dev_dma_map(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	if (dev == NULL || addr == NULL || len == 0) {
		rte_errno = EINVAL;
		return -1;
	}
	if (dev->bus == NULL || dev->bus->dma_map == NULL) {
		EAL_LOG(ERR, "device %s: its bus cannot DMA-map memory\n", dev->name);
		rte_errno = ENOTSUP;
		return -1;
	}
	return dev->bus->dma_map(dev, addr, iova, len);
}

int
rte_dev_dma_unmap(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	if (dev == NULL || addr == NULL || len == 0) {
		rte_errno = EINVAL;
		return -1;
	}
	if (dev->bus == NULL || dev->bus->dma_unmap == NULL) {
		EAL_LOG(ERR, "device %s: its bus cannot DMA-unmap memory\n", dev->name);
		rte_errno = ENOTSUP;
		return -1;
	}
	return dev->bus->dma_unmap(dev, addr, iova, len);
}

/* ---- start-up and shutdown ---- */

/*
 * rte_eal_init, once buses and driver plugins are registered: command-line devices become
 * devargs, buses scan, the IOVA mode follows the devices unless the user chose one, and every
 * allowed device is probed.
 */
int
eal_dev_init(void)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	enum rte_iova_mode mode;

	/* A refused option was logged with its text by the parser. */
	if (eal_devargs_from_options() < 0)
		return -EINVAL;
	if (rte_bus_scan() < 0) {
		EAL_LOG(ERR, "cannot scan the buses for devices\n");
		return -ENODEV;
	}
	if (cfg->iova_mode == RTE_IOVA_DC) {
		mode = rte_bus_get_iommu_class();
		if (mode != RTE_IOVA_DC) {
			rte_eal_get_configuration()->iova_mode = mode;
			EAL_LOG(DEBUG, "IOVA mode %s chosen by the buses\n",
				mode == RTE_IOVA_PA ? "PA" : "VA");
		}
	}
	if (rte_bus_probe() < 0) {
		/*
		 * A secondary attaches to what the primary has: a device whose driver has no
		 * secondary path is left out (its port is not seen here), as in DPDK, rather than
		 * keeping tools such as dpdk-proc-info away from every other port.
		 */
		if (rte_eal_process_type() != RTE_PROC_SECONDARY) {
			EAL_LOG(ERR, "cannot probe devices\n");
			return -ENODEV;
		}
		EAL_LOG(WARNING, "some of the primary's devices cannot be attached in a secondary "
			"process; their ports are not visible in this one\n");
	}
	return eal_dev_mp_init() < 0 ? -ENODEV : 0;
}

/* rte_eal_cleanup (and a failed init): every device removed, every devargs freed. */
void
eal_dev_cleanup(void)
{
	eal_dev_mp_cleanup();
	eal_dev_event_cleanup();
	eal_dev_hotplug_lock();
	eal_bus_cleanup();
	eal_devargs_clear();
	eal_dev_hotplug_unlock();
}
