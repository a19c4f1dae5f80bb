/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device arguments: parsing the two spellings described in rte_devargs.h and the list of
 * devargs that buses consult when they scan and probe. The list has its own lock, so it may be
 * read and changed from any thread; hotplug additionally serialises whole operations.
 */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_class.h>
#include <rte_kvargs.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <bus_driver.h>

#include "eal_hash_internal.h"
#include "eal_private.h"

/* Longest piece of user input quoted in a log line. */
#define DEVARGS_QUOTE 128
/* Longest text before ':' that can name a bus. */
#define BUS_PREFIX_MAX 32

TAILQ_HEAD(devargs_head, rte_devargs);
static struct devargs_head devargs_list = TAILQ_HEAD_INITIALIZER(devargs_list);
static pthread_mutex_t devargs_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *
quote_tail(const char *s)
{
	return strlen(s) > DEVARGS_QUOTE ? "..." : "";
}

/* dd:dd.d or dddd:dd:dd.d in hexadecimal: what a PCI address looks like. */
static int
looks_like_pci(const char *s, size_t len)
{
	static const char *const shapes[] = { "xx:xx.x", "xxxx:xx:xx.x" };
	size_t i, j;

	for (i = 0; i < RTE_DIM(shapes); i++) {
		if (len != strlen(shapes[i]))
			continue;
		for (j = 0; j < len; j++) {
			if (shapes[i][j] == 'x' ? !isxdigit((unsigned char)s[j]) :
					s[j] != shapes[i][j])
				break;
		}
		if (j == len)
			return 1;
	}
	return 0;
}

/*
 * A "bus:" prefix: an identifier before the first ':' that is not all hexadecimal (so that a
 * PCI address such as "0000:01:00.0" or "ab:00.0" is not read as one). Returns 1 and the bus
 * (or -ENODEV for an identifier that no registered bus has), 0 without a prefix.
 */
static int
split_bus_prefix(const char *s, struct rte_bus **bus, size_t *skip)
{
	char prefix[BUS_PREFIX_MAX];
	size_t len = strcspn(s, ":,");
	int hex_only = 1;
	size_t i;

	if (s[len] != ':' || len == 0 || len >= sizeof(prefix))
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!isalnum(c) && c != '_')
			return 0;
		if (!isxdigit(c))
			hex_only = 0;
	}
	if (hex_only)
		return 0;
	memcpy(prefix, s, len);
	prefix[len] = '\0';
	*bus = rte_bus_find_by_name(prefix);
	*skip = len + 1;
	if (*bus == NULL) {
		EAL_LOG(ERR, "devargs '%.*s%s': bus '%s' is not available (not built or not loaded)\n",
			DEVARGS_QUOTE, s, quote_tail(s), prefix);
		return -ENODEV;
	}
	return 1;
}

/* A name looked up on every bus; the bus that claims it leaves its canonical form in canon. */
struct bus_claim {
	const char *name;
	char canon[RTE_DEV_NAME_MAX_LEN + 1];
};

static int
bus_claims(const struct rte_bus *bus, const void *data)
{
	struct bus_claim *claim = (struct bus_claim *)(uintptr_t)data;

	if (bus->parse == NULL)
		return 1;
	memset(claim->canon, 0, sizeof(claim->canon));
	return bus->parse(claim->name, claim->canon);
}

/* The canonical name a bus wrote, if it wrote a terminated one; otherwise the name as given. */
static void
set_claimed_name(struct rte_devargs *da, const struct bus_claim *claim)
{
	if (claim->canon[0] != '\0' && memchr(claim->canon, '\0', RTE_DEV_NAME_MAX_LEN) != NULL)
		rte_strlcpy(da->name, claim->canon, sizeof(da->name));
	else
		rte_strlcpy(da->name, claim->name, sizeof(da->name));
}

/*
 * Ask bus to canonicalise name into da->name. The buffer is cleared first and only used if the
 * bus wrote a terminated string into it; otherwise the name is kept as given.
 */
static int
bus_set_name(struct rte_devargs *da, struct rte_bus *bus, const char *name)
{
	struct bus_claim claim = { .name = name };

	if (bus->parse != NULL && bus_claims(bus, &claim) != 0)
		return -1;
	set_claimed_name(da, &claim);
	return 0;
}

/* Driver arguments must at least be a well-formed key/value list. */
static int
check_kvargs(const char *args)
{
	struct rte_kvargs *kv;

	if (args[0] == '\0')
		return 0;
	/* kvargs logs the problem, quoting the arguments. */
	kv = rte_kvargs_parse(args, NULL);
	if (kv == NULL)
		return -EINVAL;
	rte_kvargs_free(kv);
	return 0;
}

/* [bus:]name[,args] */
static int
parse_legacy(struct rte_devargs *da, const char *dev)
{
	struct rte_bus *bus = NULL;
	char name[RTE_DEV_NAME_MAX_LEN];
	const char *rest = dev, *args;
	size_t skip = 0, len;
	int ret;

	ret = split_bus_prefix(dev, &bus, &skip);
	if (ret < 0)
		return ret;
	rest += skip;
	len = strcspn(rest, ",");
	if (len == 0) {
		EAL_LOG(ERR, "devargs '%.*s%s': empty device name\n", DEVARGS_QUOTE, dev,
			quote_tail(dev));
		return -EINVAL;
	}
	if (len >= sizeof(name)) {
		EAL_LOG(ERR, "devargs '%.*s%s': device name of %zu characters (at most %d)\n",
			DEVARGS_QUOTE, dev, quote_tail(dev), len, RTE_DEV_NAME_MAX_LEN - 1);
		return -EINVAL;
	}
	memcpy(name, rest, len);
	name[len] = '\0';
	args = rest[len] == ',' ? rest + len + 1 : rest + len;

	if (bus == NULL) {
		struct bus_claim claim = { .name = name };

		/* One parse per bus: the bus that claims the name also gives its canonical form. */
		bus = rte_bus_find(NULL, bus_claims, &claim);
		if (bus == NULL) {
			if (looks_like_pci(name, len))
				EAL_LOG(ERR, "devargs '%.*s%s': '%s' is a PCI address but the pci "
					"bus is not available\n", DEVARGS_QUOTE, dev,
					quote_tail(dev), name);
			else
				EAL_LOG(ERR, "devargs '%.*s%s': no bus or driver knows device '%s'\n",
					DEVARGS_QUOTE, dev, quote_tail(dev), name);
			return -ENODEV;
		}
		set_claimed_name(da, &claim);
	} else if (bus_set_name(da, bus, name) < 0) {
		EAL_LOG(ERR, "devargs '%.*s%s': bus %s does not know device '%s'\n",
			DEVARGS_QUOTE, dev, quote_tail(dev), bus->name, name);
		return -ENODEV;
	}
	ret = check_kvargs(args);
	if (ret < 0)
		return ret;
	da->data = strdup(args);
	if (da->data == NULL)
		return -ENOMEM;
	da->bus = bus;
	da->args = da->data;
	return 0;
}

static int
layer_kind(const char *s)
{
	if (strncmp(s, "bus=", 4) == 0)
		return 0;
	if (strncmp(s, "class=", 6) == 0)
		return 1;
	if (strncmp(s, "driver=", 7) == 0)
		return 2;
	return -1;
}

static int
is_layered(const char *dev)
{
	return layer_kind(dev) >= 0;
}

/*
 * Copy the pairs of a driver layer except "driver=..." into out (the driver's own arguments).
 */
static void
driver_args(const struct rte_kvargs *kv, char *out, size_t size)
{
	unsigned int i;

	out[0] = '\0';
	for (i = 0; i < kv->count; i++) {
		if (strcmp(kv->pairs[i].key, "driver") == 0)
			continue;
		if (out[0] != '\0')
			rte_strlcat(out, ",", size);
		rte_strlcat(out, kv->pairs[i].key, size);
		if (kv->pairs[i].value != NULL) {
			rte_strlcat(out, "=", size);
			rte_strlcat(out, kv->pairs[i].value, size);
		}
	}
}

/*
 * bus=B,k=v[/class=C,k=v][/driver=D,k=v], layers in any order, each at most once. A '/' only
 * starts a new layer when "bus=", "class=" or "driver=" follows it, so values may hold paths.
 */
static int
parse_layered(struct rte_devargs *da, const char *dev)
{
	const char *layer[3] = { NULL, NULL, NULL };
	struct rte_kvargs *kv[3] = { NULL, NULL, NULL };
	size_t len = strlen(dev);
	const char *name;
	char *copy, *p;
	int i, ret = -EINVAL;

	/* One buffer: the layers cut in place, then room for the driver's arguments. */
	da->data = malloc(2 * len + 2);
	if (da->data == NULL)
		return -ENOMEM;
	copy = da->data;
	memcpy(copy, dev, len + 1);
	for (p = copy; p != NULL; ) {
		char *next = p;
		int k = layer_kind(p);

		do {
			next = strchr(next + 1, '/');
		} while (next != NULL && layer_kind(next + 1) < 0);
		if (next != NULL)
			*next++ = '\0';
		if (layer[k] != NULL) {
			EAL_LOG(ERR, "devargs '%.*s%s': layer given twice\n", DEVARGS_QUOTE, dev,
				quote_tail(dev));
			goto out;
		}
		layer[k] = p;
		p = next;
	}
	for (i = 0; i < 3; i++) {
		if (layer[i] == NULL)
			continue;
		kv[i] = rte_kvargs_parse(layer[i], NULL);
		if (kv[i] == NULL)
			goto out;  /* kvargs logged it */
	}
	if (layer[0] == NULL) {
		EAL_LOG(ERR, "devargs '%.*s%s': a bus= layer is needed\n", DEVARGS_QUOTE, dev,
			quote_tail(dev));
		goto out;
	}
	name = rte_kvargs_get(kv[0], "bus");
	da->bus = name != NULL ? rte_bus_find_by_name(name) : NULL;
	if (da->bus == NULL) {
		EAL_LOG(ERR, "devargs '%.*s%s': bus '%s' is not available\n", DEVARGS_QUOTE, dev,
			quote_tail(dev), name != NULL ? name : "");
		ret = -ENODEV;
		goto out;
	}
	if (kv[1] != NULL) {
		name = rte_kvargs_get(kv[1], "class");
		da->cls = name != NULL ? rte_class_find_by_name(name) : NULL;
		if (da->cls == NULL) {
			EAL_LOG(ERR, "devargs '%.*s%s': unknown class '%s'\n", DEVARGS_QUOTE, dev,
				quote_tail(dev), name != NULL ? name : "");
			goto out;
		}
	}
	da->bus_str = layer[0];
	da->cls_str = layer[1];
	p = copy + len + 1;
	if (kv[2] != NULL)
		driver_args(kv[2], p, len + 1);
	else
		p[0] = '\0';
	da->drv_str = p;

	/* The device name: the bus's own parser, else name= (vdev) or addr= (pci). */
	if (da->bus->devargs_parse != NULL) {
		ret = da->bus->devargs_parse(da);
		if (ret < 0) {
			EAL_LOG(ERR, "devargs '%.*s%s': rejected by bus %s\n", DEVARGS_QUOTE, dev,
				quote_tail(dev), da->bus->name);
			goto out;
		}
	} else {
		name = rte_kvargs_get(kv[0], "name");
		if (name == NULL)
			name = rte_kvargs_get(kv[0], "addr");
		if (name != NULL && strlen(name) >= RTE_DEV_NAME_MAX_LEN) {
			EAL_LOG(ERR, "devargs '%.*s%s': device name of %zu characters (at most %d)\n",
				DEVARGS_QUOTE, dev, quote_tail(dev), strlen(name),
				RTE_DEV_NAME_MAX_LEN - 1);
			goto out;
		}
		if (name != NULL && bus_set_name(da, da->bus, name) < 0) {
			EAL_LOG(ERR, "devargs '%.*s%s': bus %s does not know device '%s'\n",
				DEVARGS_QUOTE, dev, quote_tail(dev), da->bus->name, name);
			ret = -ENODEV;
			goto out;
		}
	}
	ret = 0;
out:
	for (i = 0; i < 3; i++)
		rte_kvargs_free(kv[i]);
	return ret;
}

int
rte_devargs_parse(struct rte_devargs *da, const char *dev)
{
	int ret;

	if (da == NULL)
		return -EINVAL;
	memset(da, 0, sizeof(*da));
	if (dev == NULL || dev[0] == '\0') {
		EAL_LOG(ERR, "devargs: empty device string\n");
		return -EINVAL;
	}
	ret = is_layered(dev) ? parse_layered(da, dev) : parse_legacy(da, dev);
	if (ret < 0)
		rte_devargs_reset(da);
	return ret;
}

int
rte_devargs_parsef(struct rte_devargs *da, const char *format, ...)
{
	va_list ap;
	char *s;
	int len, ret;

	if (da == NULL || format == NULL)
		return -EINVAL;
	va_start(ap, format);
	len = vsnprintf(NULL, 0, format, ap);
	va_end(ap);
	if (len < 0)
		return -EINVAL;
	s = malloc((size_t)len + 1);
	if (s == NULL)
		return -ENOMEM;
	va_start(ap, format);
	vsnprintf(s, (size_t)len + 1, format, ap);
	va_end(ap);
	ret = rte_devargs_parse(da, s);
	free(s);
	return ret;
}

void
rte_devargs_reset(struct rte_devargs *da)
{
	if (da == NULL)
		return;
	free(da->data);
	da->data = NULL;
	da->args = NULL;
	da->bus_str = NULL;
	da->cls_str = NULL;
}

/*
 * The list is indexed twice, by (bus, name) and by address, so that inserting, finding and
 * removing an entry cost the same with a thousand entries as with one (hotplug does all three
 * on every attach and detach). Open addressing with linear probing over power-of-two tables
 * kept at most half full; removal moves the rest of the probe run back instead of leaving
 * tombstones. Both hold exactly the listed entries and change under devargs_lock.
 */
#define INDEX_MIN_SLOTS 64

/*
 * An indexed entry, when it was listed (see rte_devargs_mark) and its hash in this index, so
 * that growing the table and repairing a probe run after a removal never hash a name again.
 */
struct da_slot {
	struct rte_devargs *da;
	uint64_t seq;
	uint32_t hash;
};

struct da_index {
	struct da_slot *slots;
	uint32_t mask;          /* slots - 1; meaningful only when slots is set */
	uint32_t count;
	uint32_t (*hash)(const struct rte_devargs *da);
};

/* The name's hash with the bus mixed in before the finaliser. */
static uint32_t
key_hash(const struct rte_bus *bus, const char *name)
{
	return eal_hash_mix64(eal_hash_fnv64_str(name) ^ (uint64_t)(uintptr_t)bus);
}

static uint32_t
da_key_hash(const struct rte_devargs *da)
{
	return key_hash(da->bus, da->name);
}

static uint32_t
da_addr_hash(const struct rte_devargs *da)
{
	return eal_hash_mix64((uint64_t)(uintptr_t)da);
}

static struct da_index by_key = { .hash = da_key_hash };
static struct da_index by_addr = { .hash = da_addr_hash };
/*
 * Every entry gets the next number of devargs_seq when listed; the list is in that order, as
 * entries are only appended. replaced_seq is the number taken by the last in-place replacement
 * of an entry, which changes an entry without moving it. Both under devargs_lock.
 */
static uint64_t devargs_seq;
static uint64_t replaced_seq;

static void
index_put(struct da_index *x, struct da_slot e)
{
	uint32_t i = e.hash & x->mask;

	while (x->slots[i].da != NULL)
		i = (i + 1) & x->mask;
	x->slots[i] = e;
	x->count++;
}

/* Room for one more entry in x: 0, or -ENOMEM with x unchanged. */
static int
index_reserve(struct da_index *x)
{
	struct da_slot *old = x->slots;
	uint32_t want, i, old_mask = x->mask;

	if (old != NULL && (x->count + 1) * 2 <= x->mask + 1)
		return 0;
	want = old != NULL ? (x->mask + 1) * 2 : INDEX_MIN_SLOTS;
	x->slots = calloc(want, sizeof(*x->slots));
	if (x->slots == NULL) {
		x->slots = old;
		EAL_LOG(ERR, "devargs: no memory to index %u entries\n", x->count + 1);
		return -ENOMEM;
	}
	x->mask = want - 1;
	x->count = 0;
	for (i = 0; old != NULL && i <= old_mask; i++)
		if (old[i].da != NULL)
			index_put(x, old[i]);
	free(old);
	return 0;
}

static void
index_del(struct da_index *x, const struct rte_devargs *da)
{
	uint32_t i, j, home;

	if (x->slots == NULL)
		return;
	for (i = x->hash(da) & x->mask; x->slots[i].da != da; i = (i + 1) & x->mask)
		if (x->slots[i].da == NULL)
			return;
	x->slots[i].da = NULL;
	x->count--;
	/* Move back each later entry of the run that could no longer be reached. */
	for (j = (i + 1) & x->mask; x->slots[j].da != NULL; j = (j + 1) & x->mask) {
		home = x->slots[j].hash & x->mask;
		if (((j - home) & x->mask) >= ((j - i) & x->mask)) {
			x->slots[i] = x->slots[j];
			x->slots[j].da = NULL;
			i = j;
		}
	}
}

static void
index_clear(struct da_index *x)
{
	free(x->slots);
	x->slots = NULL;
	x->mask = 0;
	x->count = 0;
}

/* Caller holds devargs_lock; hash is key_hash(bus, name). */
static struct rte_devargs *
find_hashed_locked(const struct rte_bus *bus, const char *name, uint32_t hash)
{
	struct rte_devargs *da;
	uint32_t i;

	if (by_key.slots == NULL)
		return NULL;
	for (i = hash & by_key.mask; (da = by_key.slots[i].da) != NULL;
			i = (i + 1) & by_key.mask)
		if (da->bus == bus && strcmp(da->name, name) == 0)
			return da;
	return NULL;
}

/* Caller holds devargs_lock. */
static struct rte_devargs *
find_locked(const struct rte_bus *bus, const char *name)
{
	return find_hashed_locked(bus, name, key_hash(bus, name));
}

/* Caller holds devargs_lock; da is only compared, never read. 0 if da is not listed. */
static uint64_t
listed_seq_locked(const struct rte_devargs *da)
{
	const struct rte_devargs *d;
	uint32_t i;

	if (by_addr.slots == NULL)
		return 0;
	for (i = da_addr_hash(da) & by_addr.mask; (d = by_addr.slots[i].da) != NULL;
			i = (i + 1) & by_addr.mask)
		if (d == da)
			return by_addr.slots[i].seq;
	return 0;
}

static bool
listed_locked(const struct rte_devargs *da)
{
	return listed_seq_locked(da) != 0;
}

/*
 * Caller holds devargs_lock and checked that no entry has the same bus and name; key is
 * key_hash(da->bus, da->name).
 */
static int
list_add_locked(struct rte_devargs *da, uint32_t key)
{
	struct da_slot e = { .da = da };

	if (index_reserve(&by_key) != 0 || index_reserve(&by_addr) != 0)
		return -ENOMEM;
	e.seq = devargs_seq + 1;
	__atomic_store_n(&devargs_seq, e.seq, __ATOMIC_RELEASE);
	e.hash = key;
	index_put(&by_key, e);
	e.hash = da_addr_hash(da);
	index_put(&by_addr, e);
	TAILQ_INSERT_TAIL(&devargs_list, da, next);
	return 0;
}

/* Caller holds devargs_lock; da is listed. */
static void
list_del_locked(struct rte_devargs *da)
{
	index_del(&by_key, da);
	index_del(&by_addr, da);
	TAILQ_REMOVE(&devargs_list, da, next);
}

static void
free_devargs(struct rte_devargs *da)
{
	rte_devargs_reset(da);
	free(da);
}

int
rte_devargs_insert(struct rte_devargs **da)
{
	struct rte_devargs *listed, *nda;
	uint32_t key;
	int ret = 0;

	if (da == NULL || *da == NULL)
		return -EINVAL;
	nda = *da;
	if (nda->bus == NULL || nda->name[0] == '\0') {
		EAL_LOG(ERR, "devargs insert: no bus or no device name\n");
		return -EINVAL;
	}
	/* Hashed once, outside the lock, for the lookup and the index entry alike. */
	key = key_hash(nda->bus, nda->name);
	pthread_mutex_lock(&devargs_lock);
	listed = find_hashed_locked(nda->bus, nda->name, key);
	if (listed == NULL) {
		ret = list_add_locked(nda, key);
	} else if (listed != nda) {
		/* Keep the listed object (devices may point at it), take the new contents. */
		free(listed->data);
		listed->type = nda->type;
		listed->policy = nda->policy;
		listed->args = nda->args;
		listed->cls = nda->cls;
		listed->bus_str = nda->bus_str;
		listed->cls_str = nda->cls_str;
		listed->data = nda->data;
		free(nda);
		*da = listed;
		replaced_seq = devargs_seq + 1;
		__atomic_store_n(&devargs_seq, replaced_seq, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&devargs_lock);
	return ret;
}

/* -a and -b decide a bus's scan mode; using both on one bus is a contradiction. */
static int
set_scan_mode(struct rte_devargs *da)
{
	enum rte_bus_scan_mode want;
	struct rte_bus *bus = da->bus;

	if (da->type == RTE_DEVTYPE_ALLOWED)
		want = RTE_BUS_SCAN_ALLOWLIST;
	else if (da->type == RTE_DEVTYPE_BLOCKED)
		want = RTE_BUS_SCAN_BLOCKLIST;
	else
		return 0;
	if (bus->conf.scan_mode == RTE_BUS_SCAN_UNDEFINED) {
		bus->conf.scan_mode = want;
		return 0;
	}
	if (bus->conf.scan_mode != want) {
		EAL_LOG(ERR, "device %s: bus %s cannot have both an allow list and a block list\n",
			da->name, bus->name);
		return -EINVAL;
	}
	return 0;
}

int
rte_devargs_add(enum rte_devtype devtype, const char *devargs_str)
{
	struct rte_devargs *da;
	int ret;

	if (devtype > RTE_DEVTYPE_VIRTUAL)
		return -EINVAL;
	da = calloc(1, sizeof(*da));
	if (da == NULL)
		return -ENOMEM;
	ret = rte_devargs_parse(da, devargs_str);
	if (ret < 0)
		goto fail;
	if (da->name[0] == '\0') {
		EAL_LOG(ERR, "devargs '%.*s%s': no device name\n", DEVARGS_QUOTE, devargs_str,
			quote_tail(devargs_str));
		ret = -EINVAL;
		goto fail;
	}
	da->type = devtype;
	da->policy = devtype == RTE_DEVTYPE_BLOCKED ? RTE_DEV_BLOCKED : RTE_DEV_ALLOWED;
	ret = set_scan_mode(da);
	if (ret < 0)
		goto fail;
	ret = rte_devargs_insert(&da);
	if (ret < 0)
		goto fail;
	return 0;
fail:
	free_devargs(da);
	return ret;
}

int
rte_devargs_remove(struct rte_devargs *devargs)
{
	struct rte_devargs *listed;

	if (devargs == NULL || devargs->bus == NULL)
		return -EINVAL;
	pthread_mutex_lock(&devargs_lock);
	listed = find_locked(devargs->bus, devargs->name);
	if (listed != NULL)
		list_del_locked(listed);
	pthread_mutex_unlock(&devargs_lock);
	if (listed == NULL)
		return 1;
	free_devargs(listed);
	return 0;
}

int
eal_devargs_remove_ptr(struct rte_devargs *devargs)
{
	bool listed;

	pthread_mutex_lock(&devargs_lock);
	listed = listed_locked(devargs);
	if (listed)
		list_del_locked(devargs);
	pthread_mutex_unlock(&devargs_lock);
	if (!listed)
		return 1;
	free_devargs(devargs);
	return 0;
}

int
eal_devargs_is_listed(const struct rte_devargs *devargs)
{
	bool listed;

	pthread_mutex_lock(&devargs_lock);
	listed = listed_locked(devargs);
	pthread_mutex_unlock(&devargs_lock);
	return listed;
}

struct rte_devargs *
eal_devargs_find(const struct rte_bus *bus, const char *name)
{
	struct rte_devargs *da;

	pthread_mutex_lock(&devargs_lock);
	da = find_locked(bus, name);
	pthread_mutex_unlock(&devargs_lock);
	return da;
}

void
eal_devargs_clear(void)
{
	struct rte_devargs *da;

	pthread_mutex_lock(&devargs_lock);
	while ((da = TAILQ_FIRST(&devargs_list)) != NULL) {
		TAILQ_REMOVE(&devargs_list, da, next);
		free_devargs(da);
	}
	index_clear(&by_key);
	index_clear(&by_addr);
	pthread_mutex_unlock(&devargs_lock);
}

unsigned int
rte_devargs_type_count(enum rte_devtype devtype)
{
	struct rte_devargs *da;
	unsigned int n = 0;

	pthread_mutex_lock(&devargs_lock);
	TAILQ_FOREACH(da, &devargs_list, next)
		if (da->type == devtype)
			n++;
	pthread_mutex_unlock(&devargs_lock);
	return n;
}

void
rte_devargs_dump(FILE *f)
{
	static const char *const types[] = { "allowed", "blocked", "virtual" };
	struct rte_devargs *da;

	if (f == NULL)
		return;
	fprintf(f, "device arguments:\n");
	pthread_mutex_lock(&devargs_lock);
	TAILQ_FOREACH(da, &devargs_list, next)
		fprintf(f, "  %s %s:%s %s\n", types[da->type], da->bus->name, da->name,
			da->args != NULL ? da->args : "");
	pthread_mutex_unlock(&devargs_lock);
}

struct rte_devargs *
rte_devargs_next(const char *busname, const struct rte_devargs *start)
{
	struct rte_devargs *da;

	pthread_mutex_lock(&devargs_lock);
	if (start == NULL)
		da = TAILQ_FIRST(&devargs_list);
	else
		da = TAILQ_NEXT(start, next);
	while (da != NULL && busname != NULL && strcmp(da->bus->name, busname) != 0)
		da = TAILQ_NEXT(da, next);
	pthread_mutex_unlock(&devargs_lock);
	return da;
}

uint64_t
rte_devargs_mark(void)
{
	/*
	 * No lock: the number is stored in the critical section that lists its entry, so a walk
	 * that takes the lock after reading it sees that entry.
	 */
	return __atomic_load_n(&devargs_seq, __ATOMIC_ACQUIRE);
}

struct rte_devargs *
rte_devargs_next_since(const char *busname, const struct rte_devargs *start, uint64_t mark)
{
	struct rte_devargs *da, *p;

	pthread_mutex_lock(&devargs_lock);
	if (start != NULL) {
		da = TAILQ_NEXT(start, next);
	} else if (mark == 0 || replaced_seq > mark) {
		da = TAILQ_FIRST(&devargs_list);
	} else {
		/* The newer entries are the tail of the list: step back over them only. */
		da = NULL;
		for (p = TAILQ_LAST(&devargs_list, devargs_head);
				p != NULL && listed_seq_locked(p) > mark;
				p = TAILQ_PREV(p, devargs_head, next))
			da = p;
	}
	while (da != NULL && busname != NULL && strcmp(da->bus->name, busname) != 0)
		da = TAILQ_NEXT(da, next);
	pthread_mutex_unlock(&devargs_lock);
	return da;
}

/* Turn the stored --vdev, -a and -b options into devargs, now that buses have registered. */
int
eal_devargs_from_options(void)
{
	static const char *const optnames[] = {
		[EAL_DEVOPT_ALLOW] = "-a", [EAL_DEVOPT_BLOCK] = "-b", [EAL_DEVOPT_VDEV] = "--vdev",
	};
	static const enum rte_devtype types[] = {
		[EAL_DEVOPT_ALLOW] = RTE_DEVTYPE_ALLOWED, [EAL_DEVOPT_BLOCK] = RTE_DEVTYPE_BLOCKED,
		[EAL_DEVOPT_VDEV] = RTE_DEVTYPE_VIRTUAL,
	};
	const struct eal_device_option *opt;
	struct rte_bus *vdev = rte_bus_find_by_name("vdev");
	int ret;

	for (opt = eal_device_options(); opt != NULL; opt = opt->next) {
		struct rte_devargs *da = calloc(1, sizeof(*da));

		if (da == NULL)
			return -ENOMEM;
		ret = rte_devargs_parse(da, opt->arg);
		if (ret == 0 && opt->type == EAL_DEVOPT_VDEV && da->bus != vdev) {
			EAL_LOG(ERR, "option --vdev '%s': not a virtual device\n", opt->arg);
			ret = -EINVAL;
		}
		if (ret == 0 && da->name[0] == '\0') {
			EAL_LOG(ERR, "option %s '%s': no device name\n", optnames[opt->type],
				opt->arg);
			ret = -EINVAL;
		}
		if (ret == 0) {
			da->type = types[opt->type];
			da->policy = opt->type == EAL_DEVOPT_BLOCK ? RTE_DEV_BLOCKED :
				RTE_DEV_ALLOWED;
			ret = set_scan_mode(da);
		}
		if (ret == 0)
			ret = rte_devargs_insert(&da);
		if (ret < 0) {
			free_devargs(da);
			return ret;
		}
	}
	return 0;
}
