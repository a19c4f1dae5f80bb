/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The vdev bus: devices that exist because someone asked for them (--vdev, rte_vdev_init,
 * rte_dev_probe), backed by a software driver chosen by name prefix or alias.
 *
 * A virtual device exists only while it is being probed or is probed: a failed probe, a remove
 * and the bus cleanup free it. Changes to the device list happen under EAL's hotplug lock
 * (scan, probe, plug and unplug are only called with it held); the list lock here keeps
 * readers such as find_device safe from any thread and is never held across a driver call.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_kvargs.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_spinlock.h>
#include <rte_string_fns.h>
#include <bus_driver.h>
#include <eal_hash_internal.h>
#include <dev_driver.h>

#include "bus_vdev_driver.h"

RTE_LOG_REGISTER_DEFAULT(vdev_logtype, NOTICE);
#define VDEV_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, vdev_logtype, "vdev: " fmt "\n", ##__VA_ARGS__)

/* The device and the storage for its name. */
struct vdev_device {
	struct rte_vdev_device vdev;
	char name[RTE_DEV_NAME_MAX_LEN];
	uint32_t name_hash;     /* name_hash(name), kept for the name index */
};

static TAILQ_HEAD(, rte_vdev_device) vdev_device_list =
	TAILQ_HEAD_INITIALIZER(vdev_device_list);
static TAILQ_HEAD(, rte_vdev_driver) vdev_driver_list =
	TAILQ_HEAD_INITIALIZER(vdev_driver_list);
/*
 * Guards the lists; held only for list operations and the comparison callbacks of
 * find_device (which must not block), never across a driver call: a spinlock is enough.
 */
static rte_spinlock_t vdev_lock = RTE_SPINLOCK_INITIALIZER;

static struct rte_bus rte_vdev_bus;

/* The vdev driver bound to dev (the generic device only keeps a const pointer to it). */
static struct rte_vdev_driver *
bound_driver(const struct rte_device *dev)
{
	return (struct rte_vdev_driver *)((uintptr_t)dev->driver -
		offsetof(struct rte_vdev_driver, driver));
}

/* find_driver's last answer, guarded by vdev_lock; drv NULL when there is none. */
static struct {
	struct rte_vdev_driver *drv;
	const char *prefix; /* the driver's name or alias that matched */
	size_t len;
} last_match;

void
rte_vdev_register(struct rte_vdev_driver *driver)
{
	if (driver == NULL || driver->driver.name == NULL || driver->probe == NULL) {
		VDEV_LOG(ERR, "driver without name or probe not registered");
		return;
	}
	rte_spinlock_lock(&vdev_lock);
	TAILQ_INSERT_TAIL(&vdev_driver_list, driver, next);
	memset(&last_match, 0, sizeof(last_match));
	rte_spinlock_unlock(&vdev_lock);
}

void
rte_vdev_unregister(struct rte_vdev_driver *driver)
{
	struct rte_vdev_driver *d;

	if (driver == NULL)
		return;
	rte_spinlock_lock(&vdev_lock);
	TAILQ_FOREACH(d, &vdev_driver_list, next)
		if (d == driver)
			break;
	if (d != NULL)
		TAILQ_REMOVE(&vdev_driver_list, driver, next);
	memset(&last_match, 0, sizeof(last_match));
	rte_spinlock_unlock(&vdev_lock);
}

/* Whether s is longer than prefix[0, len) and starts with it. */
static bool
extends(const char *s, const char *prefix, size_t len)
{
	return s != NULL && strncmp(s, prefix, len) == 0 && s[len] != '\0';
}

static size_t
prefix_len(const char *prefix, const char *name)
{
	size_t len;

	if (prefix == NULL)
		return 0;
	len = strlen(prefix);
	return len > 0 && strncmp(prefix, name, len) == 0 ? len : 0;
}

/*
 * The driver whose name or alias is the longest prefix of the device name, so that "net_ring0"
 * does not go to a driver called "net_r" when "net_ring" exists. Every attach looks its driver
 * up more than once (bus parse, probe, remove) and the walk compares every driver, so the last
 * answer is kept: when no other name or alias extends the prefix that matched, that prefix
 * alone decides for any name it starts. Registering or unregistering a driver forgets it.
 */
static struct rte_vdev_driver *
find_driver(const char *name)
{
	struct rte_vdev_driver *d, *best = NULL;
	const char *best_prefix = NULL;
	size_t best_len = 0, l;
	bool extended = false;

	rte_spinlock_lock(&vdev_lock);
	if (last_match.drv != NULL && strncmp(last_match.prefix, name, last_match.len) == 0) {
		best = last_match.drv;
		goto out;
	}
	TAILQ_FOREACH(d, &vdev_driver_list, next) {
		l = prefix_len(d->driver.name, name);
		if (l > best_len) {
			best_len = l;
			best = d;
			best_prefix = d->driver.name;
		}
		l = prefix_len(d->driver.alias, name);
		if (l > best_len) {
			best_len = l;
			best = d;
			best_prefix = d->driver.alias;
		}
	}
	if (best == NULL)
		goto out;
	TAILQ_FOREACH(d, &vdev_driver_list, next)
		extended |= extends(d->driver.name, best_prefix, best_len) ||
			extends(d->driver.alias, best_prefix, best_len);
	if (!extended) {
		last_match.drv = best;
		last_match.prefix = best_prefix;
		last_match.len = best_len;
	}
out:
	rte_spinlock_unlock(&vdev_lock);
	return best;
}

/*
 * Two indexes of the devices, so that neither a scan nor hotplug walks the device list (a scan
 * and a name lookup run on every attach, a membership check on every detach: walks made their
 * cost grow with the number of ports): one by name, one by address. Open addressing with
 * linear probing, power-of-two tables at most half full; removal shifts the rest of the probe
 * run back, so there are no tombstones. Both guarded by vdev_lock like the list, and always
 * holding the same devices.
 */
#define INDEX_MIN_SLOTS 64

struct dev_index {
	struct rte_vdev_device **slots;
	uint32_t mask;          /* slots - 1; meaningful only when slots is set */
	uint32_t count;
	uint32_t (*hash)(const struct rte_vdev_device *dev);
};

static uint32_t
name_hash(const char *s)
{
	return eal_hash_name(s);
}

static uint32_t
dev_name_hash(const struct rte_vdev_device *dev)
{
	return container_of(dev, const struct vdev_device, vdev)->name_hash;
}

static uint32_t
dev_addr_hash(const struct rte_vdev_device *dev)
{
	uint64_t a = (uint64_t)(uintptr_t)dev;

	/* Addresses have fixed low bits: mixed before the table takes its low bits. */
	return eal_hash_mix64(a);
}

static struct dev_index by_name = { .hash = dev_name_hash };
/*
 * Devargs listed up to this mark (rte_devargs_mark) have been seen by a scan: each has its
 * device, or was blocked, or failed and left the list. A scan looks only at later entries, so
 * that attaching the thousandth port does not look at the 999 others. 0: look at all.
 */
static uint64_t scan_mark;
static struct dev_index by_addr = { .hash = dev_addr_hash };

/* Caller holds vdev_lock; hash is name_hash(name). */
static struct rte_vdev_device *
find_by_hash_locked(const char *name, uint32_t hash)
{
	struct rte_vdev_device *dev;
	uint32_t i;

	if (by_name.slots == NULL)
		return NULL;
	for (i = hash & by_name.mask; (dev = by_name.slots[i]) != NULL;
			i = (i + 1) & by_name.mask)
		if (strcmp(dev->device.name, name) == 0)
			return dev;
	return NULL;
}

/* Caller holds vdev_lock. */
static struct rte_vdev_device *
find_by_name_locked(const char *name)
{
	return find_by_hash_locked(name, name_hash(name));
}

/* Caller holds vdev_lock; dev is only compared. */
static bool
is_known_locked(const struct rte_device *dev)
{
	const struct rte_vdev_device *vdev = RTE_DEV_TO_VDEV_CONST(dev);
	const struct rte_vdev_device *d;
	uint32_t i;

	if (by_addr.slots == NULL)
		return false;
	for (i = dev_addr_hash(vdev) & by_addr.mask; (d = by_addr.slots[i]) != NULL;
			i = (i + 1) & by_addr.mask)
		if (d == vdev)
			return true;
	return false;
}

/* Caller holds vdev_lock and made room with index_reserve. */
static void
index_add_locked(struct dev_index *x, struct rte_vdev_device *dev)
{
	uint32_t i = x->hash(dev) & x->mask;

	while (x->slots[i] != NULL)
		i = (i + 1) & x->mask;
	x->slots[i] = dev;
	x->count++;
}

/* Caller holds vdev_lock. */
static void
index_del_locked(struct dev_index *x, struct rte_vdev_device *dev)
{
	uint32_t i, j, home;

	if (x->slots == NULL)
		return;
	for (i = x->hash(dev) & x->mask; x->slots[i] != dev; i = (i + 1) & x->mask)
		if (x->slots[i] == NULL)
			return;
	x->slots[i] = NULL;
	x->count--;
	/* Move back each later entry of the run that could no longer be reached. */
	for (j = (i + 1) & x->mask; x->slots[j] != NULL; j = (j + 1) & x->mask) {
		home = x->hash(x->slots[j]) & x->mask;
		if (((j - home) & x->mask) >= ((j - i) & x->mask)) {
			x->slots[i] = x->slots[j];
			x->slots[j] = NULL;
			i = j;
		}
	}
}

/* Caller holds vdev_lock. */
static bool
index_has_room_locked(const struct dev_index *x)
{
	return x->slots != NULL && (x->count + 1) * 2 <= x->mask + 1;
}

/* Make room in x for one more device; called without vdev_lock, not held across malloc. */
static int
index_reserve_one(struct dev_index *x)
{
	struct rte_vdev_device **old, **table;
	uint32_t want, i, old_mask;

	for (;;) {
		rte_spinlock_lock(&vdev_lock);
		if (index_has_room_locked(x)) {
			rte_spinlock_unlock(&vdev_lock);
			return 0;
		}
		want = x->slots != NULL ? (x->mask + 1) * 2 : INDEX_MIN_SLOTS;
		rte_spinlock_unlock(&vdev_lock);
		table = calloc(want, sizeof(*table));
		if (table == NULL)
			return -ENOMEM;
		rte_spinlock_lock(&vdev_lock);
		if (x->slots != NULL && x->mask + 1 >= want) {
			/* Another thread grew it meanwhile. */
			rte_spinlock_unlock(&vdev_lock);
			free(table);
			continue;
		}
		old = x->slots;
		old_mask = x->mask;
		x->slots = table;
		x->mask = want - 1;
		x->count = 0;
		for (i = 0; old != NULL && i <= old_mask; i++)
			if (old[i] != NULL)
				index_add_locked(x, old[i]);
		rte_spinlock_unlock(&vdev_lock);
		free(old);
	}
}

/* Room for one more device in both indexes, made outside the lock. */
static int
index_reserve(void)
{
	int ret = index_reserve_one(&by_name);

	return ret != 0 ? ret : index_reserve_one(&by_addr);
}

/*
 * List vd, whose name hashes to hash, unless a device of that name is known: 1 when listed,
 * 0 when known, -ENOMEM. One lock section when the indexes have room, as they mostly do.
 */
static int
add_device(struct vdev_device *vd, uint32_t hash)
{
	bool listed;
	int ret;

	for (;;) {
		rte_spinlock_lock(&vdev_lock);
		if (find_by_hash_locked(vd->name, hash) != NULL) {
			rte_spinlock_unlock(&vdev_lock);
			return 0;
		}
		listed = index_has_room_locked(&by_name) && index_has_room_locked(&by_addr);
		if (listed) {
			TAILQ_INSERT_TAIL(&vdev_device_list, &vd->vdev, next);
			index_add_locked(&by_name, &vd->vdev);
			index_add_locked(&by_addr, &vd->vdev);
		}
		rte_spinlock_unlock(&vdev_lock);
		if (listed)
			return 1;
		ret = index_reserve();
		if (ret != 0)
			return ret;
	}
}

static void
index_free(struct dev_index *x)
{
	free(x->slots);
	x->slots = NULL;
	x->mask = 0;
	x->count = 0;
}

static void
forget_device(struct rte_vdev_device *dev)
{
	rte_spinlock_lock(&vdev_lock);
	TAILQ_REMOVE(&vdev_device_list, dev, next);
	index_del_locked(&by_name, dev);
	index_del_locked(&by_addr, dev);
	rte_spinlock_unlock(&vdev_lock);
	free(container_of(dev, struct vdev_device, vdev));
}

struct custom_scan {
	TAILQ_ENTRY(custom_scan) next;
	rte_vdev_scan_callback callback;
	void *user_arg;
};

static TAILQ_HEAD(, custom_scan) custom_scans = TAILQ_HEAD_INITIALIZER(custom_scans);
/* Entries of custom_scans, changed under vdev_lock: a scan without any takes no lock for them. */
static unsigned int nb_custom_scans;

int
rte_vdev_add_custom_scan(rte_vdev_scan_callback callback, void *user_arg)
{
	struct custom_scan *cs;

	if (callback == NULL)
		return -EINVAL;
	cs = calloc(1, sizeof(*cs));
	if (cs == NULL)
		return -ENOMEM;
	cs->callback = callback;
	cs->user_arg = user_arg;
	rte_spinlock_lock(&vdev_lock);
	TAILQ_INSERT_TAIL(&custom_scans, cs, next);
	__atomic_store_n(&nb_custom_scans, nb_custom_scans + 1, __ATOMIC_RELEASE);
	rte_spinlock_unlock(&vdev_lock);
	return 0;
}

int
rte_vdev_remove_custom_scan(rte_vdev_scan_callback callback, void *user_arg)
{
	struct custom_scan *cs;

	rte_spinlock_lock(&vdev_lock);
	TAILQ_FOREACH(cs, &custom_scans, next)
		if (cs->callback == callback &&
				(user_arg == (void *)-1 || cs->user_arg == user_arg))
			break;
	if (cs != NULL) {
		TAILQ_REMOVE(&custom_scans, cs, next);
		__atomic_store_n(&nb_custom_scans, nb_custom_scans - 1, __ATOMIC_RELEASE);
	}
	rte_spinlock_unlock(&vdev_lock);
	if (cs == NULL)
		return -ENOENT;
	free(cs);
	return 0;
}

/*
 * Multi-process: a secondary asks the primary for its devices, one request per device (its
 * index in the primary's list as the parameter), and probes them with the drivers' secondary
 * path. An empty reply ends the list.
 */
#define VDEV_MP_LIST "bus_vdev_list"
#define VDEV_MP_TIMEOUT_S 5
static bool vdev_mp_registered;

static int
vdev_mp_answer(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_vdev_device *dev;
	struct rte_mp_msg rep;
	uint32_t index = 0, i = 0;
	size_t n;

	memset(&rep, 0, sizeof(rep));
	rte_strscpy(rep.name, VDEV_MP_LIST, sizeof(rep.name));
	if (msg->len_param == sizeof(index))
		memcpy(&index, msg->param, sizeof(index));
	rte_spinlock_lock(&vdev_lock);
	TAILQ_FOREACH(dev, &vdev_device_list, next) {
		const char *args;

		if (!rte_dev_is_probed(&dev->device) || i++ != index)
			continue;
		args = rte_vdev_device_args(dev);
		/* "name\0args\0": a device whose text does not fit is left out, said once. */
		n = (size_t)snprintf((char *)rep.param, sizeof(rep.param), "%s%c%s",
			dev->device.name, '\0', args != NULL ? args : "");
		if (n < sizeof(rep.param)) {
			rep.len_param = (int)n + 1;
		} else {
			VDEV_LOG(ERR, "device %s: arguments too long to tell a secondary process",
				dev->device.name);
			rep.len_param = 1;   /* "\0": skip this one */
		}
		break;
	}
	rte_spinlock_unlock(&vdev_lock);
	return rte_mp_reply(&rep, peer);
}

/* Add a devargs entry for each of the primary's devices. */
static int
vdev_scan_primary_devices(void)
{
	struct timespec ts = { .tv_sec = VDEV_MP_TIMEOUT_S };
	struct rte_mp_reply reply;
	struct rte_mp_msg req;
	uint32_t index;
	char text[sizeof(req.param) + 1];

	for (index = 0;; index++) {
		const struct rte_mp_msg *r;
		size_t len;

		memset(&req, 0, sizeof(req));
		rte_strscpy(req.name, VDEV_MP_LIST, sizeof(req.name));
		memcpy(req.param, &index, sizeof(index));
		req.len_param = sizeof(index);
		if (rte_mp_request_sync(&req, &reply, &ts) != 0 || reply.nb_received != 1) {
			VDEV_LOG(ERR, "the primary process does not list its devices");
			free(reply.msgs);
			return -EIO;
		}
		r = &reply.msgs[0];
		if (r->len_param == 0) {
			free(reply.msgs);
			return 0;
		}
		memcpy(text, r->param, (size_t)r->len_param);
		text[r->len_param] = '\0';
		free(reply.msgs);
		if (text[0] == '\0')
			continue;
		/* "name\0args" becomes "name,args" */
		len = strlen(text);
		if (text[len + 1] != '\0')
			text[len] = ',';
		if (rte_devargs_add(RTE_DEVTYPE_VIRTUAL, text) < 0)
			VDEV_LOG(ERR, "cannot add the primary's device %s", text);
	}
}

/* Custom scans first (they may add devargs), then a device per virtual devargs entry. */
static int
vdev_scan(void)
{
	struct rte_devargs *da;
	struct vdev_device *vd;
	struct custom_scan *cs;
	uint64_t mark, since;
	int ret;

	if (rte_eal_process_type() == RTE_PROC_PRIMARY && !vdev_mp_registered)
		vdev_mp_registered = rte_mp_action_register(VDEV_MP_LIST, vdev_mp_answer) == 0;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY && vdev_scan_primary_devices() < 0)
		return -EIO;
	/*
	 * Callbacks run without the list lock: one may add devargs or register drivers. The mark
	 * is read before the first callback: entries a callback adds come after it, and a mark
	 * older than need be only makes the walk look at known devices again. A callback
	 * registered meanwhile runs at the next scan.
	 */
	since = __atomic_load_n(&scan_mark, __ATOMIC_ACQUIRE);
	if (__atomic_load_n(&nb_custom_scans, __ATOMIC_ACQUIRE) != 0) {
		rte_spinlock_lock(&vdev_lock);
		cs = TAILQ_FIRST(&custom_scans);
		rte_spinlock_unlock(&vdev_lock);
		while (cs != NULL) {
			cs->callback(cs->user_arg);
			rte_spinlock_lock(&vdev_lock);
			cs = TAILQ_NEXT(cs, next);
			rte_spinlock_unlock(&vdev_lock);
		}
	}

	vd = NULL;
	/* Taken before the walk: an entry listed meanwhile is looked at again next time. */
	mark = rte_devargs_mark();
	for (da = rte_devargs_next_since("vdev", NULL, since); da != NULL;
			da = rte_devargs_next_since("vdev", da, since)) {
		if (da->policy == RTE_DEV_BLOCKED || da->name[0] == '\0')
			continue;
		/* Kept for the next devargs when the device is known already. */
		if (vd == NULL) {
			/* malloc and memset: glibc's calloc never takes from the per-thread cache. */
			vd = malloc(sizeof(*vd));
			if (vd == NULL) {
				VDEV_LOG(ERR, "no memory for device %s", da->name);
				return -ENOMEM;
			}
		}
		memset(vd, 0, sizeof(*vd));
		rte_strlcpy(vd->name, da->name, sizeof(vd->name));
		vd->name_hash = name_hash(da->name);
		vd->vdev.device.name = vd->name;
		vd->vdev.device.bus = &rte_vdev_bus;
		vd->vdev.device.numa_node = SOCKET_ID_ANY;
		vd->vdev.device.devargs = da;
		ret = add_device(vd, vd->name_hash);
		if (ret < 0) {
			VDEV_LOG(ERR, "no memory to index device %s", da->name);
			free(vd);
			return ret;
		}
		if (ret > 0)
			vd = NULL;
	}
	free(vd);
	/*
	 * Scans are not serialised: one may store an older mark than another did, which only
	 * makes the next walk longer, since every mark stored was reached by its own walk.
	 */
	__atomic_store_n(&scan_mark, mark, __ATOMIC_RELEASE);
	return 0;
}

static int
call_probe(struct rte_device *dev, void *arg)
{
	struct rte_vdev_driver *drv = arg;

	return drv->probe(RTE_DEV_TO_VDEV(dev));
}

static int
call_remove(struct rte_device *dev, void *arg)
{
	struct rte_vdev_driver *drv = arg;

	return drv->remove(RTE_DEV_TO_VDEV(dev));
}

static int
probe_one(struct rte_vdev_device *dev)
{
	struct rte_vdev_driver *drv = find_driver(dev->device.name);
	int ret;

	if (drv == NULL) {
		VDEV_LOG(ERR, "no driver for device %s", dev->device.name);
		return -ENOENT;
	}
	ret = rte_dev_probe_driver(&dev->device, &drv->driver, call_probe, drv);
	if (ret < 0)
		VDEV_LOG(ERR, "driver %s failed to probe %s: %s", drv->driver.name,
			dev->device.name, strerror(-ret));
	else if (ret > 0)
		VDEV_LOG(ERR, "driver %s refused device %s", drv->driver.name,
			dev->device.name);
	return ret;
}

/* A device that failed to probe does not stay behind, and neither do its arguments. */
static void
drop_failed(struct rte_vdev_device *dev)
{
	struct rte_devargs *da = dev->device.devargs;

	forget_device(dev);
	if (da != NULL)
		rte_devargs_remove(da);
}

static int
vdev_probe(void)
{
	struct rte_vdev_device *dev, *next;
	int ret = 0;

	rte_spinlock_lock(&vdev_lock);
	dev = TAILQ_FIRST(&vdev_device_list);
	rte_spinlock_unlock(&vdev_lock);
	for (; dev != NULL; dev = next) {
		rte_spinlock_lock(&vdev_lock);
		next = TAILQ_NEXT(dev, next);
		rte_spinlock_unlock(&vdev_lock);
		if (rte_dev_is_probed(&dev->device))
			continue;
		if (probe_one(dev) != 0) {
			drop_failed(dev);
			ret = -ENODEV;
		}
	}
	return ret;
}

static int
vdev_plug(struct rte_device *dev)
{
	struct rte_vdev_device *vdev = RTE_DEV_TO_VDEV(dev);
	int ret = probe_one(vdev);

	if (ret != 0)
		forget_device(vdev);
	return ret < 0 ? ret : ret > 0 ? -ENOTSUP : 0;
}

static int
vdev_unplug(struct rte_device *dev)
{
	struct rte_vdev_device *vdev = RTE_DEV_TO_VDEV(dev);
	struct rte_vdev_driver *drv;
	int ret;

	if (dev->driver == NULL)
		return -ENOENT;
	drv = bound_driver(dev);
	if (drv->remove == NULL) {
		VDEV_LOG(ERR, "driver %s cannot remove device %s", drv->driver.name, dev->name);
		return -ENOTSUP;
	}
	ret = rte_dev_remove_driver(dev, call_remove, drv);
	if (ret != 0) {
		VDEV_LOG(ERR, "driver %s failed to remove %s: %s", drv->driver.name, dev->name,
			strerror(ret < 0 ? -ret : ret));
		return ret < 0 ? ret : -EIO;
	}
	forget_device(vdev);
	return 0;
}

static struct rte_device *
vdev_find_device(const struct rte_device *start, rte_dev_cmp_t cmp, const void *data)
{
	struct rte_vdev_device *dev;

	rte_spinlock_lock(&vdev_lock);
	if (start != NULL) {
		/* Identity first: start may be stale and must not be read. */
		dev = is_known_locked(start) ? TAILQ_NEXT(RTE_DEV_TO_VDEV_CONST(start), next) :
				NULL;
	} else {
		dev = TAILQ_FIRST(&vdev_device_list);
	}
	for (; dev != NULL; dev = TAILQ_NEXT(dev, next))
		if (cmp(&dev->device, data) == 0)
			break;
	rte_spinlock_unlock(&vdev_lock);
	return dev != NULL ? &dev->device : NULL;
}

static struct rte_device *
vdev_find_device_by_name(const char *name)
{
	struct rte_vdev_device *dev;

	rte_spinlock_lock(&vdev_lock);
	dev = find_by_name_locked(name);
	rte_spinlock_unlock(&vdev_lock);
	return dev != NULL ? &dev->device : NULL;
}

static int
vdev_has_device(const struct rte_device *dev)
{
	bool known;

	rte_spinlock_lock(&vdev_lock);
	known = is_known_locked(dev);
	rte_spinlock_unlock(&vdev_lock);
	return known;
}

/* A name belongs to this bus when a driver's name or alias starts it. */
static int
vdev_parse(const char *name, void *addr)
{
	if (name == NULL || find_driver(name) == NULL)
		return 1;
	if (addr != NULL)
		rte_strlcpy(addr, name, RTE_DEV_NAME_MAX_LEN);
	return 0;
}

static int
vdev_dma_map(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	const struct rte_vdev_driver *drv;

	if (dev->driver == NULL)
		return -1;
	drv = bound_driver(dev);
	if (drv->dma_map == NULL)
		return 0;
	return drv->dma_map(RTE_DEV_TO_VDEV(dev), addr, iova, len);
}

static int
vdev_dma_unmap(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	const struct rte_vdev_driver *drv;

	if (dev->driver == NULL)
		return -1;
	drv = bound_driver(dev);
	if (drv->dma_unmap == NULL)
		return 0;
	return drv->dma_unmap(RTE_DEV_TO_VDEV(dev), addr, iova, len);
}

static int
cmp_name_filter(const struct rte_device *dev, const void *kvlist)
{
	const char *name = rte_kvargs_get(kvlist, "name");

	return name != NULL && strcmp(name, dev->name) != 0;
}

/* Filter "bus=vdev[,name=X]". */
static void *
vdev_dev_iterate(const void *start, const char *str, const struct rte_dev_iterator *it)
{
	static const char *const keys[] = { "bus", "name", NULL };
	struct rte_kvargs *kv = NULL;
	struct rte_device *dev;

	RTE_SET_USED(it);
	if (str != NULL) {
		kv = rte_kvargs_parse_delim(str, keys, "/");
		if (kv == NULL) {
			VDEV_LOG(ERR, "cannot parse device filter '%s'", str);
			return NULL;
		}
	}
	dev = vdev_find_device(start, cmp_name_filter, kv);
	rte_kvargs_free(kv);
	return dev;
}

/* Remove every device, at rte_eal_cleanup. A driver without remove just loses the device. */
static int
vdev_cleanup(void)
{
	struct rte_vdev_device *dev;
	struct rte_vdev_driver *drv;
	int ret = 0;

	for (;;) {
		rte_spinlock_lock(&vdev_lock);
		dev = TAILQ_FIRST(&vdev_device_list);
		rte_spinlock_unlock(&vdev_lock);
		if (dev == NULL)
			break;
		if (rte_dev_is_probed(&dev->device)) {
			drv = bound_driver(&dev->device);
			if (drv->remove == NULL ||
					rte_dev_remove_driver(&dev->device, call_remove, drv) != 0) {
				VDEV_LOG(ERR, "device %s not removed cleanly", dev->device.name);
				rte_devres_release_all(&dev->device);
				ret = -EBUSY;
			}
		}
		forget_device(dev);
	}
	if (vdev_mp_registered) {
		rte_mp_action_unregister(VDEV_MP_LIST);
		vdev_mp_registered = false;
	}
	rte_spinlock_lock(&vdev_lock);
	index_free(&by_name);
	index_free(&by_addr);
	/* The devices are gone, their devargs may not be: the next scan looks at everything. */
	__atomic_store_n(&scan_mark, 0, __ATOMIC_RELEASE);
	rte_spinlock_unlock(&vdev_lock);
	return ret;
}

static struct rte_bus rte_vdev_bus = {
	.scan = vdev_scan,
	.probe = vdev_probe,
	.find_device = vdev_find_device,
	.plug = vdev_plug,
	.unplug = vdev_unplug,
	.parse = vdev_parse,
	.dma_map = vdev_dma_map,
	.dma_unmap = vdev_dma_unmap,
	.dev_iterate = vdev_dev_iterate,
	.cleanup = vdev_cleanup,
	.find_device_by_name = vdev_find_device_by_name,
	.has_device = vdev_has_device,
};

RTE_REGISTER_BUS(vdev, rte_vdev_bus);

static int
vdev_probe_local(const char *name, const char *args)
{
	char *s;
	int ret;

	if (args == NULL)
		args = "";
	if (asprintf(&s, "vdev:%s%s%s", name, args[0] != '\0' ? "," : "", args) < 0)
		return -ENOMEM;
	ret = rte_dev_probe_local(s);
	free(s);
	return ret;
}

static int
vdev_remove_local(const char *name)
{
	char *s;
	int ret;

	if (asprintf(&s, "vdev:%s", name) < 0)
		return -ENOMEM;
	ret = rte_dev_remove_local(s);
	free(s);
	return ret;
}

int
rte_vdev_init(const char *name, const char *args)
{
	if (name == NULL || name[0] == '\0') {
		VDEV_LOG(ERR, "rte_vdev_init: no device name");
		return -EINVAL;
	}
	/* In this process only, as in DPDK: rte_dev_probe is the call that tells the others. */
	return vdev_probe_local(name, args);
}

int
rte_vdev_uninit(const char *name)
{
	if (name == NULL) {
		VDEV_LOG(ERR, "rte_vdev_uninit: no device name");
		return -EINVAL;
	}
	return vdev_remove_local(name);
}
