/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * For Ethernet drivers: the port object, the operations a driver provides, and the calls a
 * driver makes to create and release ports.
 *
 * A driver's probe allocates a port (rte_eth_dev_allocate or rte_eth_vdev_allocate), fills
 * dev_ops, rx_pkt_burst, tx_pkt_burst and data->mac_addrs, then calls
 * rte_eth_dev_probing_finish. Its remove releases every port of the device with
 * rte_eth_dev_release_port. dev_close frees what the driver set up for the port (queues,
 * private state of a session) but must not release the port: the port id stays reserved
 * until the device is removed.
 */
#ifndef _ETHDEV_DRIVER_H_
#define _ETHDEV_DRIVER_H_

#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <dev_driver.h>

#include "rte_ethdev.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Life state of a port-table entry. */
enum rte_eth_dev_state {
	RTE_ETH_DEV_UNUSED = 0,  /**< free */
	RTE_ETH_DEV_ATTACHED,    /**< allocated by a driver */
	RTE_ETH_DEV_REMOVED,     /**< the device was removed under the port (surprise) */
};

/** Kind of device under the port, as recorded by the seed API. */
enum rte_eth_dev_type {
	RTE_ETH_DEV_UNKNOWN = 0,
	RTE_ETH_DEV_PCI,
	RTE_ETH_DEV_VIRTUAL,
	RTE_ETH_DEV_MAX
};

struct rte_eth_dev;

typedef int (*eth_dev_configure_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_start_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_stop_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_set_link_up_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_set_link_down_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_close_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_reset_t)(struct rte_eth_dev *dev);
typedef int (*eth_is_removed_t)(struct rte_eth_dev *dev);
typedef int (*eth_promiscuous_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_promiscuous_disable_t)(struct rte_eth_dev *dev);
typedef int (*eth_allmulticast_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_allmulticast_disable_t)(struct rte_eth_dev *dev);
/** Refresh data->dev_link (rte_eth_linkstatus_set); 0 if it changed, -1 if not. */
typedef int (*eth_link_update_t)(struct rte_eth_dev *dev, int wait_to_complete);
typedef int (*eth_stats_get_t)(struct rte_eth_dev *dev, struct rte_eth_stats *igb_stats);
typedef int (*eth_stats_reset_t)(struct rte_eth_dev *dev);
/** Driver-specific xstats, appended after the generic ones; same return rules as the API. */
typedef int (*eth_xstats_get_t)(struct rte_eth_dev *dev, struct rte_eth_xstat *stats,
		unsigned int n);
typedef int (*eth_xstats_reset_t)(struct rte_eth_dev *dev);
typedef int (*eth_xstats_get_names_t)(struct rte_eth_dev *dev,
		struct rte_eth_xstat_name *xstats_names, unsigned int size);
typedef int (*eth_dev_infos_get_t)(struct rte_eth_dev *dev, struct rte_eth_dev_info *dev_info);
/** Array of RTE_PTYPE_* values ending with RTE_PTYPE_UNKNOWN. */
typedef const uint32_t *(*eth_dev_supported_ptypes_get_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_ptypes_set_t)(struct rte_eth_dev *dev, uint32_t ptype_mask);
typedef int (*eth_rx_queue_setup_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id,
		uint16_t nb_rx_desc, unsigned int socket_id, const struct rte_eth_rxconf *rx_conf,
		struct rte_mempool *mb_pool);
typedef int (*eth_tx_queue_setup_t)(struct rte_eth_dev *dev, uint16_t tx_queue_id,
		uint16_t nb_tx_desc, unsigned int socket_id, const struct rte_eth_txconf *tx_conf);
/** Free queue queue_id (data->rx_queues[queue_id] or tx_queues); ethdev then clears it. */
typedef void (*eth_queue_release_t)(struct rte_eth_dev *dev, uint16_t queue_id);
typedef void (*eth_rxq_info_get_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id,
		struct rte_eth_rxq_info *qinfo);
typedef void (*eth_txq_info_get_t)(struct rte_eth_dev *dev, uint16_t tx_queue_id,
		struct rte_eth_txq_info *qinfo);
typedef int (*mtu_set_t)(struct rte_eth_dev *dev, uint16_t mtu);
typedef int (*eth_mac_addr_set_t)(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr);
typedef int (*eth_mac_addr_add_t)(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr,
		uint32_t index, uint32_t vmdq);
typedef void (*eth_mac_addr_remove_t)(struct rte_eth_dev *dev, uint32_t index);

/** What a driver can do to a port; NULL members are "not supported" (-ENOTSUP). */
struct eth_dev_ops {
	eth_dev_configure_t dev_configure;
	eth_dev_start_t dev_start;
	eth_dev_stop_t dev_stop;
	eth_dev_set_link_up_t dev_set_link_up;
	eth_dev_set_link_down_t dev_set_link_down;
	eth_dev_close_t dev_close;
	eth_dev_reset_t dev_reset;
	eth_link_update_t link_update;
	eth_is_removed_t is_removed;

	eth_promiscuous_enable_t promiscuous_enable;
	eth_promiscuous_disable_t promiscuous_disable;
	eth_allmulticast_enable_t allmulticast_enable;
	eth_allmulticast_disable_t allmulticast_disable;
	eth_mac_addr_remove_t mac_addr_remove;
	eth_mac_addr_add_t mac_addr_add;
	eth_mac_addr_set_t mac_addr_set;
	mtu_set_t mtu_set;

	eth_stats_get_t stats_get;
	eth_stats_reset_t stats_reset;
	eth_xstats_get_t xstats_get;
	eth_xstats_reset_t xstats_reset;
	eth_xstats_get_names_t xstats_get_names;

	eth_dev_infos_get_t dev_infos_get;
	eth_rxq_info_get_t rxq_info_get;
	eth_txq_info_get_t txq_info_get;
	eth_dev_supported_ptypes_get_t dev_supported_ptypes_get;
	eth_dev_ptypes_set_t dev_ptypes_set;

	eth_rx_queue_setup_t rx_queue_setup;
	eth_queue_release_t rx_queue_release;
	eth_tx_queue_setup_t tx_queue_setup;
	eth_queue_release_t tx_queue_release;
};

/** Control state of a port, separate from the fast-path table. */
struct rte_eth_dev_data {
	char name[RTE_ETH_NAME_MAX_LEN];  /**< unique port name (the vdev name, PCI address...) */
	void **rx_queues;                 /**< driver queue objects, nb_rx_queues of them */
	void **tx_queues;
	uint16_t nb_rx_queues;
	uint16_t nb_tx_queues;
	void *dev_private;                /**< driver state, freed by rte_eth_dev_release_port */
	struct rte_eth_link dev_link;
	struct rte_eth_conf dev_conf;
	uint16_t mtu;
	uint32_t min_rx_buf_size;
	uint64_t rx_mbuf_alloc_failed;
	struct rte_ether_addr *mac_addrs; /**< rte_malloc'ed by the driver; freed by release */
	uint16_t port_id;
	__extension__
	uint8_t promiscuous : 1,
		scattered_rx : 1,
		all_multicast : 1,
		dev_started : 1,
		lro : 1,
		dev_configured : 1,
		dev_closed : 1;               /**< closed: id kept until the device is removed */
	uint8_t rx_queue_state[RTE_MAX_QUEUES_PER_PORT];
	uint8_t tx_queue_state[RTE_MAX_QUEUES_PER_PORT];
	uint32_t dev_flags;               /**< RTE_ETH_DEV_* */
	int numa_node;
	uint16_t backer_port_id;
};

/** One port. rte_eth_devices[port_id]. */
struct rte_eth_dev {
	eth_rx_burst_t rx_pkt_burst;      /**< installed in rte_eth_fp_ops at start */
	eth_tx_burst_t tx_pkt_burst;
	eth_tx_prep_t tx_pkt_prepare;
	eth_rx_queue_count_t rx_queue_count;
	eth_rx_descriptor_status_t rx_descriptor_status;
	eth_tx_descriptor_status_t tx_descriptor_status;
	struct rte_eth_dev_data *data;
	void *process_private;
	const struct eth_dev_ops *dev_ops;
	struct rte_device *device;        /**< the device the port belongs to */
	struct rte_intr_handle *intr_handle;
	enum rte_eth_dev_type dev_type;   /**< PCI or virtual, set by probing_finish at latest */
	enum rte_eth_dev_state state;
} __rte_cache_aligned;

extern struct rte_eth_dev rte_eth_devices[];

/**
 * Reserve the lowest free port id for a port called name, with zeroed data.
 * @return the port, or NULL (rte_errno EEXIST: name in use; ENOSPC: table full; EINVAL).
 */
struct rte_eth_dev *rte_eth_dev_allocate(const char *name);
/** The port called name, or NULL. */
struct rte_eth_dev *rte_eth_dev_allocated(const char *name);
/**
 * Give the port id back: the fast-path entry returns to the no-op functions, queues left are
 * released through the driver, and after a grace period (see rte_eth_dev_fp_register) the
 * queue arrays, data->mac_addrs and data->dev_private are freed. Sends RTE_ETH_EVENT_DESTROY
 * if the port had announced itself with rte_eth_dev_probing_finish. 0 or -EINVAL.
 */
int rte_eth_dev_release_port(struct rte_eth_dev *eth_dev);
/** The port is ready: record its device type and send RTE_ETH_EVENT_NEW. */
void rte_eth_dev_probing_finish(struct rte_eth_dev *dev);
/** Run the callbacks registered for event on the port; returns the last callback's result. */
int rte_eth_dev_callback_process(struct rte_eth_dev *dev, enum rte_eth_event_type event,
		void *ret_param);

/** Store a new link state atomically; 0 if it changed, -1 if not. */
static inline int
rte_eth_linkstatus_set(struct rte_eth_dev *dev, const struct rte_eth_link *new_link)
{
	uint64_t *dst = (uint64_t *)&dev->data->dev_link;
	uint64_t next;
	uint64_t prev;

	memcpy(&next, new_link, sizeof(next));
	prev = __atomic_exchange_n(dst, next, __ATOMIC_SEQ_CST);
	return prev == next ? -1 : 0;
}

/** Read the link state atomically. */
static inline void
rte_eth_linkstatus_get(const struct rte_eth_dev *dev, struct rte_eth_link *link)
{
	uint64_t v = __atomic_load_n((const uint64_t *)&dev->data->dev_link, __ATOMIC_SEQ_CST);

	memcpy(link, &v, sizeof(v));
}

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_DRIVER_H_ */
