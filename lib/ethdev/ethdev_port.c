/* SPDX-License-Identifier: BSD-3-Clause */
/* The port table: allocation and release of port ids, lookups and iteration. */
#include <assert.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include <eal_hash_internal.h>

#include "ethdev_private.h"

RTE_LOG_REGISTER_DEFAULT(rte_eth_dev_logtype, INFO);

struct rte_eth_dev rte_eth_devices[RTE_MAX_ETHPORTS];

/*
 * Control data lives outside struct rte_eth_dev so that the port array stays small. Once EAL
 * is up it is in the memzone ETH_DEV_DATA_MZ, which secondary processes look up to attach to
 * the primary's ports; before that (ports made without EAL) in this process's own array.
 */
#define ETH_DEV_DATA_MZ "rte_eth_dev_data"
static struct rte_eth_dev_data eth_dev_data_local[RTE_MAX_ETHPORTS];
static struct rte_eth_dev_data *eth_dev_data = eth_dev_data_local;
/* The EAL start-up eth_dev_data was found in (rte_eal_init_generation), 0 for none. */
static uint64_t eth_dev_data_gen;
/* Ports that sent RTE_ETH_EVENT_NEW and so owe their callbacks an RTE_ETH_EVENT_DESTROY. */
static uint8_t eth_dev_announced[RTE_MAX_ETHPORTS];
/*
 * Free entries of eth_dev_data that their last release cleared, so that allocating them again
 * writes nothing: the 4 KB of a port's data are cleared once per cycle, on the detach side.
 */
static uint8_t eth_dev_data_clean[RTE_MAX_ETHPORTS];
/*
 * Ports in use, one bit each, changed only under the ethdev lock: name lookups and allocation
 * visit used ports only instead of reading the state of every entry of the table.
 */
#define PORT_WORDS ((RTE_MAX_ETHPORTS + 63) / 64)
static uint64_t eth_port_used[PORT_WORDS];

static inline int
port_in_use(uint16_t port_id)
{
	return __atomic_load_n(&rte_eth_devices[port_id].state, __ATOMIC_ACQUIRE) !=
			RTE_ETH_DEV_UNUSED;
}

int
rte_eth_dev_is_valid_port(uint16_t port_id)
{
	return port_id < RTE_MAX_ETHPORTS && port_in_use(port_id);
}

uint16_t
rte_eth_find_next(uint16_t port_id)
{
	while (port_id < RTE_MAX_ETHPORTS && !port_in_use(port_id))
		port_id++;
	return port_id < RTE_MAX_ETHPORTS ? port_id : RTE_MAX_ETHPORTS;
}

uint16_t
rte_eth_find_next_of(uint16_t port_id, const struct rte_device *parent)
{
	for (; port_id < RTE_MAX_ETHPORTS; port_id++)
		if (port_in_use(port_id) &&
		    (parent == NULL || rte_eth_devices[port_id].device == parent))
			return port_id;
	return RTE_MAX_ETHPORTS;
}

uint16_t
rte_eth_dev_count_avail(void)
{
	uint16_t p, n = 0;

	RTE_ETH_FOREACH_DEV(p)
		n++;
	return n;
}

uint16_t
rte_eth_dev_count_total(void)
{
	uint16_t p, n = 0;

	for (p = 0; p < RTE_MAX_ETHPORTS; p++)
		n += port_in_use(p);
	return n;
}

/*
 * Port names, indexed: open addressing with linear probing over twice as many slots as there
 * can be ports, so the table never fills, never grows and a lookup costs one or two
 * comparisons whatever the number of ports. A slot holds port id + 1 (0 is empty); removal
 * moves the rest of the probe run back instead of leaving tombstones. Changed and read under
 * the ethdev lock.
 */
#if RTE_MAX_ETHPORTS <= 32
#define NAME_SLOTS 64u
#elif RTE_MAX_ETHPORTS <= 128
#define NAME_SLOTS 256u
#elif RTE_MAX_ETHPORTS <= 512
#define NAME_SLOTS 1024u
#elif RTE_MAX_ETHPORTS <= 2048
#define NAME_SLOTS 4096u
#else
#error "RTE_MAX_ETHPORTS above 2048: size the port name index"
#endif
static uint16_t eth_name_slots[NAME_SLOTS];

static uint32_t
name_home(const char *s)
{
	return eal_hash_name(s) & (NAME_SLOTS - 1);
}

/* Home slot of each used port's name, so that removal never hashes a name again. */
static uint16_t eth_name_home[RTE_MAX_ETHPORTS];

/* Caller holds the ethdev lock; home is name_home(name). */
static struct rte_eth_dev *
find_by_name_at(const char *name, uint32_t home)
{
	uint32_t i;
	uint16_t p;

	for (i = home; eth_name_slots[i] != 0; i = (i + 1) & (NAME_SLOTS - 1)) {
		p = eth_name_slots[i] - 1;
		if (strcmp(eth_dev_data[p].name, name) == 0)
			return &rte_eth_devices[p];
	}
	return NULL;
}

/* Caller holds the ethdev lock. */
static struct rte_eth_dev *
find_by_name(const char *name)
{
	return find_by_name_at(name, name_home(name));
}

/* Caller holds the ethdev lock; port p is not yet indexed, home is its name's home slot. */
static void
name_index_add(uint16_t p, uint32_t home)
{
	uint32_t i = home;

	eth_name_home[p] = (uint16_t)home;
	while (eth_name_slots[i] != 0)
		i = (i + 1) & (NAME_SLOTS - 1);
	eth_name_slots[i] = p + 1;
}

/* Caller holds the ethdev lock. */
static void
name_index_del(uint16_t p)
{
	uint32_t i, j, home;

	for (i = eth_name_home[p]; eth_name_slots[i] != p + 1;
			i = (i + 1) & (NAME_SLOTS - 1))
		if (eth_name_slots[i] == 0)
			return;
	eth_name_slots[i] = 0;
	/* An entry later in the run whose home is not in (i, j] would be lost: move it to i. */
	for (j = (i + 1) & (NAME_SLOTS - 1); eth_name_slots[j] != 0;
			j = (j + 1) & (NAME_SLOTS - 1)) {
		home = eth_name_home[eth_name_slots[j] - 1];
		if (((j - home) & (NAME_SLOTS - 1)) >= ((j - i) & (NAME_SLOTS - 1))) {
			eth_name_slots[i] = eth_name_slots[j];
			eth_name_slots[j] = 0;
			i = j;
		}
	}
}

/*
 * Words of eth_port_used that are full, one bit each, so that finding the lowest free port id
 * (what DPDK hands out) takes two bit scans rather than a pass over the table.
 */
static_assert(PORT_WORDS <= 64, "one word of full-word bits");
static uint64_t eth_port_full;

static void
port_mark_used(uint16_t p)
{
	eth_port_used[p / 64] |= UINT64_C(1) << (p % 64);
	if (eth_port_used[p / 64] == UINT64_MAX)
		eth_port_full |= UINT64_C(1) << (p / 64);
}

static void
port_mark_free(uint16_t p)
{
	eth_port_used[p / 64] &= ~(UINT64_C(1) << (p % 64));
	eth_port_full &= ~(UINT64_C(1) << (p / 64));
}

/* Lowest free port id, or RTE_MAX_ETHPORTS; caller holds the ethdev lock. */
static uint16_t
first_free_port(void)
{
	unsigned int w, p;

	if (eth_port_full == UINT64_MAX)
		return RTE_MAX_ETHPORTS;
	w = (unsigned int)__builtin_ctzll(~eth_port_full);
	if (w >= PORT_WORDS)
		return RTE_MAX_ETHPORTS;
	p = w * 64 + (unsigned int)__builtin_ctzll(~eth_port_used[w]);
	return p < RTE_MAX_ETHPORTS ? (uint16_t)p : RTE_MAX_ETHPORTS;
}

/*
 * The data array of the current EAL start-up: reserved by the primary, found by secondaries.
 * Caller holds the ethdev lock. Cheap when nothing changed: one load and a compare.
 */
static struct rte_eth_dev_data *
eth_dev_data_resolve(void)
{
	uint64_t gen = rte_eal_init_generation();
	const struct rte_memzone *mz;
	unsigned int p;

	if (gen == eth_dev_data_gen)
		return eth_dev_data;
	eth_dev_data_gen = gen;
	memset(eth_dev_data_clean, 0, sizeof(eth_dev_data_clean));
	eth_dev_data = eth_dev_data_local;
	if (gen == 0)
		return eth_dev_data;
	mz = rte_memzone_lookup(ETH_DEV_DATA_MZ);
	if (mz == NULL && rte_eal_process_type() == RTE_PROC_PRIMARY) {
		mz = rte_memzone_reserve(ETH_DEV_DATA_MZ, sizeof(eth_dev_data_local),
			SOCKET_ID_ANY, 0);
		/* Entries are cleared when allocated; a free one only needs to have no name. */
		for (p = 0; mz != NULL && p < RTE_MAX_ETHPORTS; p++)
			((struct rte_eth_dev_data *)mz->addr)[p].name[0] = '\0';
	}
	if (mz != NULL)
		eth_dev_data = mz->addr;
	else
		ETHDEV_LOG(WARNING, "no shared port data (%s): ports stay private to this process",
			rte_strerror(rte_errno));
	return eth_dev_data;
}

int
rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
{
	struct rte_eth_dev *dev;

	if (name == NULL || port_id == NULL) {
		ETHDEV_LOG(ERR, "get port by name: NULL %s", name == NULL ? "name" : "port_id");
		return -EINVAL;
	}
	eth_dev_lock();
	dev = find_by_name(name);
	if (dev != NULL)
		*port_id = dev->data->port_id;
	eth_dev_unlock();
	return dev != NULL ? 0 : -ENODEV;
}

int
rte_eth_dev_get_name_by_port(uint16_t port_id, char *name)
{
	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (name == NULL) {
		ETHDEV_LOG(ERR, "get name of port %u: NULL buffer", port_id);
		return -EINVAL;
	}
	eth_dev_lock();
	rte_strscpy(name, rte_eth_devices[port_id].data->name, RTE_ETH_NAME_MAX_LEN);
	eth_dev_unlock();
	return 0;
}

int
rte_eth_dev_socket_id(uint16_t port_id)
{
	if (!rte_eth_dev_is_valid_port(port_id)) {
		rte_errno = EINVAL;
		return -1;
	}
	rte_errno = 0;
	return rte_eth_devices[port_id].data->numa_node;
}

struct rte_eth_dev *
rte_eth_dev_allocated(const char *name)
{
	struct rte_eth_dev *dev;

	if (name == NULL)
		return NULL;
	eth_dev_lock();
	dev = find_by_name(name);
	eth_dev_unlock();
	return dev;
}

/* The per-queue state arrays are left alone: configure clears them before any queue exists. */
static void
eth_dev_data_clear(struct rte_eth_dev_data *d)
{
	memset(d, 0, offsetof(struct rte_eth_dev_data, rx_queue_state));
	memset(&d->dev_flags, 0, sizeof(*d) - offsetof(struct rte_eth_dev_data, dev_flags));
}

struct rte_eth_dev *
rte_eth_dev_allocate(const char *name)
{
	struct rte_eth_dev *dev;
	uint32_t home;
	size_t len;
	uint16_t p;

	len = name == NULL ? 0 : strnlen(name, RTE_ETH_NAME_MAX_LEN);
	if (len == 0 || len >= RTE_ETH_NAME_MAX_LEN) {
		ETHDEV_LOG(ERR, "allocate: port name %s", len == 0 ? "empty" : "too long");
		rte_errno = EINVAL;
		return NULL;
	}
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		ETHDEV_LOG(ERR, "allocate %s: a secondary process attaches to the primary's ports "
			"only", name);
		rte_errno = EPERM;
		return NULL;
	}
	/* Hashed once, outside the lock, for the lookup and the index entry alike. */
	home = name_home(name);
	eth_dev_lock();
	eth_dev_data_resolve();
	if (find_by_name_at(name, home) != NULL) {
		eth_dev_unlock();
		ETHDEV_LOG(ERR, "allocate: port name %s already in use", name);
		rte_errno = EEXIST;
		return NULL;
	}
	p = first_free_port();
	if (p == RTE_MAX_ETHPORTS) {
		eth_dev_unlock();
		ETHDEV_LOG(ERR, "allocate %s: all %d port ids are in use", name,
				RTE_MAX_ETHPORTS);
		rte_errno = ENOSPC;
		return NULL;
	}
	dev = &rte_eth_devices[p];
	memset(dev, 0, sizeof(*dev));
	if (!eth_dev_data_clean[p])
		eth_dev_data_clear(&eth_dev_data[p]);
	eth_dev_data_clean[p] = 0;
	eth_dev_data[p].backer_port_id = RTE_MAX_ETHPORTS;
	dev->data = &eth_dev_data[p];
	rte_strscpy(dev->data->name, name, RTE_ETH_NAME_MAX_LEN);
	dev->data->port_id = p;
	dev->data->mtu = RTE_ETHER_MTU;
	dev->data->numa_node = SOCKET_ID_ANY;
	eth_dev_announced[p] = 0;
	eth_dev_fp_ops_reset(p);
	port_mark_used(p);
	name_index_add(p, home);
	__atomic_store_n(&dev->state, RTE_ETH_DEV_ATTACHED, __ATOMIC_RELEASE);
	eth_dev_unlock();
	return dev;
}

void
eth_dev_release_queues(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *d = dev->data;
	const struct eth_dev_ops *ops = dev->dev_ops;
	uint16_t q;

	/* Nobody may still be inside the driver's burst or hold the arrays past this point. */
	eth_dev_fp_ops_unpublish(d->port_id);
	for (q = 0; d->rx_queues != NULL && q < d->nb_rx_queues; q++) {
		if (d->rx_queues[q] != NULL && ops != NULL && ops->rx_queue_release != NULL)
			ops->rx_queue_release(dev, q);
		d->rx_queues[q] = NULL;
	}
	for (q = 0; d->tx_queues != NULL && q < d->nb_tx_queues; q++) {
		if (d->tx_queues[q] != NULL && ops != NULL && ops->tx_queue_release != NULL)
			ops->tx_queue_release(dev, q);
		d->tx_queues[q] = NULL;
	}
	rte_free(d->rx_queues);
	rte_free(d->tx_queues);
	d->rx_queues = NULL;
	d->tx_queues = NULL;
	d->nb_rx_queues = 0;
	d->nb_tx_queues = 0;
}

/* A secondary forgets a port: only this process's view of it goes, the data is the primary's. */
static int
eth_dev_detach_secondary(struct rte_eth_dev *eth_dev)
{
	uint16_t port_id = eth_dev->data->port_id;

	eth_dev_lock();
	eth_dev_fp_ops_quiesce(port_id);
	if (eth_dev_announced[port_id]) {
		eth_dev_announced[port_id] = 0;
		eth_dev_callback_process(port_id, RTE_ETH_EVENT_DESTROY, NULL);
	}
	eth_dev_fp_synchronize();
	eth_dev_rxtx_callbacks_free(port_id);
	__atomic_store_n(&eth_dev->state, RTE_ETH_DEV_UNUSED, __ATOMIC_RELEASE);
	name_index_del(port_id);
	port_mark_free(port_id);
	eth_dev_fp_ops_reset(port_id);
	memset(eth_dev, 0, sizeof(*eth_dev));
	eth_dev_unlock();
	return 0;
}

struct rte_eth_dev *
eth_dev_attach_secondary(const char *name)
{
	struct rte_eth_dev_data *data;
	struct rte_eth_dev *dev;
	uint16_t p;

	eth_dev_lock();
	data = eth_dev_data_resolve();
	dev = find_by_name(name);
	if (dev != NULL) {
		eth_dev_unlock();
		return dev;
	}
	for (p = 0; p < RTE_MAX_ETHPORTS; p++)
		if (data[p].name[0] != '\0' &&
				strncmp(data[p].name, name, RTE_ETH_NAME_MAX_LEN) == 0)
			break;
	if (p == RTE_MAX_ETHPORTS || data == eth_dev_data_local || port_in_use(p)) {
		eth_dev_unlock();
		ETHDEV_LOG(ERR, "attach secondary: the primary has no port called %s", name);
		rte_errno = ENODEV;
		return NULL;
	}
	dev = &rte_eth_devices[p];
	memset(dev, 0, sizeof(*dev));
	dev->data = &data[p];
	eth_dev_announced[p] = 0;
	eth_dev_fp_ops_reset(p);
	port_mark_used(p);
	name_index_add(p, name_home(name));
	__atomic_store_n(&dev->state, RTE_ETH_DEV_ATTACHED, __ATOMIC_RELEASE);
	eth_dev_unlock();
	return dev;
}

int
rte_eth_dev_release_port(struct rte_eth_dev *eth_dev)
{
	uint16_t port_id;
	int announced;

	if (eth_dev == NULL || eth_dev < rte_eth_devices ||
	    eth_dev >= rte_eth_devices + RTE_MAX_ETHPORTS ||
	    eth_dev->state == RTE_ETH_DEV_UNUSED) {
		ETHDEV_LOG(ERR, "release: not an allocated port");
		return -EINVAL;
	}
	port_id = eth_dev->data->port_id;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return eth_dev_detach_secondary(eth_dev);
	eth_dev_lock();
	/* Whoever still polls the port gets nothing from here on. */
	eth_dev_fp_ops_quiesce(port_id);
	/* Announced ports tell their callbacks first, while the port can still be queried. */
	announced = eth_dev_announced[port_id];
	eth_dev_announced[port_id] = 0;
	if (announced)
		eth_dev_callback_process(port_id, RTE_ETH_EVENT_DESTROY, NULL);
	eth_dev_release_queues(eth_dev);
	eth_dev_rxtx_callbacks_free(port_id);
	rte_free(eth_dev->data->mac_addrs);
	rte_free(eth_dev->data->hash_mac_addrs);
	eth_dev->data->hash_mac_addrs = NULL;
	rte_free(eth_dev->data->dev_private);
	__atomic_store_n(&eth_dev->state, RTE_ETH_DEV_UNUSED, __ATOMIC_RELEASE);
	name_index_del(port_id);
	port_mark_free(port_id);
	eth_dev_fp_ops_reset(port_id);
	/*
	 * Ready for the next allocation. The name goes too, which secondary processes look ports
	 * up by; the port id stays, for a secondary that still has the port to detach it.
	 */
	eth_dev_data_clear(eth_dev->data);
	eth_dev->data->port_id = port_id;
	eth_dev_data_clean[port_id] = 1;
	eth_dev->device = NULL;
	eth_dev->dev_ops = NULL;
	eth_dev->process_private = NULL;
	eth_dev->intr_handle = NULL;
	eth_dev->rx_pkt_burst = NULL;
	eth_dev->tx_pkt_burst = NULL;
	eth_dev->tx_pkt_prepare = NULL;
	eth_dev->dev_type = RTE_ETH_DEV_UNKNOWN;
	eth_dev_unlock();
	return 0;
}

void
rte_eth_dev_probing_finish(struct rte_eth_dev *dev)
{
	if (dev == NULL || dev->data == NULL)
		return;
	if (dev->dev_type == RTE_ETH_DEV_UNKNOWN) {
		const char *bus = NULL;

		if (dev->device != NULL && rte_dev_bus(dev->device) != NULL)
			bus = rte_bus_name(rte_dev_bus(dev->device));
		dev->dev_type = bus != NULL && strcmp(bus, "pci") == 0 ?
				RTE_ETH_DEV_PCI : RTE_ETH_DEV_VIRTUAL;
	}
	if (dev->device != NULL && dev->data->numa_node == SOCKET_ID_ANY)
		dev->data->numa_node = rte_dev_numa_node(dev->device);
	/* A secondary attaches to ports the primary may have started: poll them at once. */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY && dev->data->dev_started)
		eth_dev_fp_ops_setup(dev);
	eth_dev_announced[dev->data->port_id] = 1;
	eth_dev_callback_process(dev->data->port_id, RTE_ETH_EVENT_NEW, NULL);
}
