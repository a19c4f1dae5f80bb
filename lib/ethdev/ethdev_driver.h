/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
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
	RTE_ETH_DEV_UNKNOWN = 0, /**< not known yet */
	RTE_ETH_DEV_PCI, /**< a PCI device */
	RTE_ETH_DEV_VIRTUAL, /**< a virtual device (vdev) */
	RTE_ETH_DEV_MAX /**< number of kinds */
};

struct rte_eth_dev;

/** Apply data->dev_conf and the queue counts (rte_eth_dev_configure): 0 or negative errno. */
typedef int (*eth_dev_configure_t)(struct rte_eth_dev *dev);
/** Start the port (rte_eth_dev_start): 0 or negative errno. */
typedef int (*eth_dev_start_t)(struct rte_eth_dev *dev);
/** Stop the port (rte_eth_dev_stop): 0 or negative errno. */
typedef int (*eth_dev_stop_t)(struct rte_eth_dev *dev);
/** Bring the link up: 0 or negative errno. */
typedef int (*eth_dev_set_link_up_t)(struct rte_eth_dev *dev);
/** Bring the link down: 0 or negative errno. */
typedef int (*eth_dev_set_link_down_t)(struct rte_eth_dev *dev);
/** Free the driver's per-port resources (rte_eth_dev_close): 0 or negative errno. */
typedef int (*eth_dev_close_t)(struct rte_eth_dev *dev);
/** Reset the port to its just-probed state: 0 or negative errno. */
typedef int (*eth_dev_reset_t)(struct rte_eth_dev *dev);
/** 1 if the device is gone (surprise removal), 0 otherwise. */
typedef int (*eth_is_removed_t)(struct rte_eth_dev *dev);
/** Enter promiscuous mode: 0 or negative errno. */
typedef int (*eth_promiscuous_enable_t)(struct rte_eth_dev *dev);
/** Leave promiscuous mode: 0 or negative errno. */
typedef int (*eth_promiscuous_disable_t)(struct rte_eth_dev *dev);
/** Receive every multicast frame: 0 or negative errno. */
typedef int (*eth_allmulticast_enable_t)(struct rte_eth_dev *dev);
/** Stop receiving every multicast frame: 0 or negative errno. */
typedef int (*eth_allmulticast_disable_t)(struct rte_eth_dev *dev);
/** Refresh data->dev_link (rte_eth_linkstatus_set); 0 if it changed, -1 if not. */
typedef int (*eth_link_update_t)(struct rte_eth_dev *dev, int wait_to_complete);
/** Fill the basic statistics (igb_stats): 0 or negative errno. */
typedef int (*eth_stats_get_t)(struct rte_eth_dev *dev, struct rte_eth_stats *igb_stats);
/** Zero the basic statistics: 0 or negative errno. */
typedef int (*eth_stats_reset_t)(struct rte_eth_dev *dev);
/** Driver-specific xstats, appended after the generic ones; same return rules as the API. */
typedef int (*eth_xstats_get_t)(struct rte_eth_dev *dev, struct rte_eth_xstat *stats,
		unsigned int n);
/** Zero the driver's extended statistics: 0 or negative errno. */
typedef int (*eth_xstats_reset_t)(struct rte_eth_dev *dev);
/** Names of the driver-specific xstats; same return rules as rte_eth_xstats_get_names. */
typedef int (*eth_xstats_get_names_t)(struct rte_eth_dev *dev,
		struct rte_eth_xstat_name *xstats_names, unsigned int size);
/** Fill dev_info with the port's capabilities and limits: 0 or negative errno. */
typedef int (*eth_dev_infos_get_t)(struct rte_eth_dev *dev, struct rte_eth_dev_info *dev_info);
/** Array of RTE_PTYPE_* values ending with RTE_PTYPE_UNKNOWN. */
typedef const uint32_t *(*eth_dev_supported_ptypes_get_t)(struct rte_eth_dev *dev);
/** Restrict packet type parsing to ptype_mask: 0 or negative errno. */
typedef int (*eth_dev_ptypes_set_t)(struct rte_eth_dev *dev, uint32_t ptype_mask);
/** Create receive queue rx_queue_id into data->rx_queues: 0 or negative errno. */
typedef int (*eth_rx_queue_setup_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id,
		uint16_t nb_rx_desc, unsigned int socket_id, const struct rte_eth_rxconf *rx_conf,
		struct rte_mempool *mb_pool);
/** Create transmit queue tx_queue_id into data->tx_queues: 0 or negative errno. */
typedef int (*eth_tx_queue_setup_t)(struct rte_eth_dev *dev, uint16_t tx_queue_id,
		uint16_t nb_tx_desc, unsigned int socket_id, const struct rte_eth_txconf *tx_conf);
/** Free queue queue_id (data->rx_queues[queue_id] or tx_queues); ethdev then clears it. */
typedef void (*eth_queue_release_t)(struct rte_eth_dev *dev, uint16_t queue_id);
/** Fill qinfo for receive queue rx_queue_id (ethdev sets queue_state). */
typedef void (*eth_rxq_info_get_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id,
		struct rte_eth_rxq_info *qinfo);
/** Fill qinfo for transmit queue tx_queue_id (ethdev sets queue_state). */
typedef void (*eth_txq_info_get_t)(struct rte_eth_dev *dev, uint16_t tx_queue_id,
		struct rte_eth_txq_info *qinfo);
/** Change the MTU (already checked against the limits): 0 or negative errno. */
typedef int (*mtu_set_t)(struct rte_eth_dev *dev, uint16_t mtu);
/** Change the primary MAC address: 0 or negative errno. */
typedef int (*eth_mac_addr_set_t)(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr);
/** Add a secondary MAC address at index (for VMDq pool vmdq): 0 or negative errno. */
typedef int (*eth_mac_addr_add_t)(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr,
		uint32_t index, uint32_t vmdq);
/** Remove the MAC address at index. */
typedef void (*eth_mac_addr_remove_t)(struct rte_eth_dev *dev, uint32_t index);

/** What a driver can do to a port; NULL members are "not supported" (-ENOTSUP). */
struct eth_dev_ops {
	eth_dev_configure_t dev_configure; /**< rte_eth_dev_configure */
	eth_dev_start_t dev_start; /**< rte_eth_dev_start */
	eth_dev_stop_t dev_stop; /**< rte_eth_dev_stop */
	eth_dev_set_link_up_t dev_set_link_up; /**< rte_eth_dev_set_link_up */
	eth_dev_set_link_down_t dev_set_link_down; /**< rte_eth_dev_set_link_down */
	eth_dev_close_t dev_close; /**< rte_eth_dev_close */
	eth_dev_reset_t dev_reset; /**< rte_eth_dev_reset */
	eth_link_update_t link_update; /**< rte_eth_link_get and _nowait */
	eth_is_removed_t is_removed; /**< checks for surprise removal */

	eth_promiscuous_enable_t promiscuous_enable; /**< rte_eth_promiscuous_enable */
	eth_promiscuous_disable_t promiscuous_disable; /**< rte_eth_promiscuous_disable */
	eth_allmulticast_enable_t allmulticast_enable; /**< rte_eth_allmulticast_enable */
	eth_allmulticast_disable_t allmulticast_disable; /**< rte_eth_allmulticast_disable */
	eth_mac_addr_remove_t mac_addr_remove; /**< removes a secondary MAC address */
	eth_mac_addr_add_t mac_addr_add; /**< adds a secondary MAC address */
	eth_mac_addr_set_t mac_addr_set; /**< rte_eth_dev_default_mac_addr_set */
	mtu_set_t mtu_set; /**< rte_eth_dev_set_mtu */

	eth_stats_get_t stats_get; /**< rte_eth_stats_get */
	eth_stats_reset_t stats_reset; /**< rte_eth_stats_reset */
	eth_xstats_get_t xstats_get; /**< driver part of rte_eth_xstats_get */
	eth_xstats_reset_t xstats_reset; /**< driver part of rte_eth_xstats_reset */
	eth_xstats_get_names_t xstats_get_names; /**< driver part of rte_eth_xstats_get_names */

	eth_dev_infos_get_t dev_infos_get; /**< rte_eth_dev_info_get */
	eth_rxq_info_get_t rxq_info_get; /**< rte_eth_rx_queue_info_get */
	eth_txq_info_get_t txq_info_get; /**< rte_eth_tx_queue_info_get */
	/** rte_eth_dev_get_supported_ptypes */
	eth_dev_supported_ptypes_get_t dev_supported_ptypes_get;
	eth_dev_ptypes_set_t dev_ptypes_set; /**< rte_eth_dev_set_ptypes */

	eth_rx_queue_setup_t rx_queue_setup; /**< rte_eth_rx_queue_setup */
	eth_queue_release_t rx_queue_release; /**< frees a receive queue */
	eth_tx_queue_setup_t tx_queue_setup; /**< rte_eth_tx_queue_setup */
	eth_queue_release_t tx_queue_release; /**< frees a transmit queue */
};

/** Control state of a port, separate from the fast-path table. */
struct rte_eth_dev_data {
	char name[RTE_ETH_NAME_MAX_LEN];  /**< unique port name (the vdev name, PCI address...) */
	void **rx_queues;                 /**< driver queue objects, nb_rx_queues of them */
	void **tx_queues; /**< driver queue objects, nb_tx_queues of them */
	uint16_t nb_rx_queues; /**< configured receive queues */
	uint16_t nb_tx_queues; /**< configured transmit queues */
	void *dev_private;                /**< driver state, freed by rte_eth_dev_release_port */
	struct rte_eth_link dev_link; /**< link state, read and written as one word */
	struct rte_eth_conf dev_conf; /**< configuration given to rte_eth_dev_configure */
	uint16_t mtu; /**< current MTU */
	uint32_t min_rx_buf_size; /**< smallest buffer of the receive pools */
	uint64_t rx_mbuf_alloc_failed; /**< receive buffer allocation failures */
	struct rte_ether_addr *mac_addrs; /**< rte_malloc'ed by the driver; freed by release */
	uint16_t port_id; /**< this port's id */
	__extension__
	uint8_t promiscuous : 1, /**< promiscuous mode on */
		scattered_rx : 1, /**< receive packets span several mbufs */
		all_multicast : 1, /**< all-multicast mode on */
		dev_started : 1, /**< the port is started */
		lro : 1, /**< LRO is on */
		dev_configured : 1, /**< rte_eth_dev_configure succeeded */
		dev_closed : 1;               /**< closed: id kept until the device is removed */
	/** RTE_ETH_QUEUE_STATE_* of each receive queue */
	uint8_t rx_queue_state[RTE_MAX_QUEUES_PER_PORT];
	/** RTE_ETH_QUEUE_STATE_* of each transmit queue */
	uint8_t tx_queue_state[RTE_MAX_QUEUES_PER_PORT];
	uint32_t dev_flags;               /**< RTE_ETH_DEV_* */
	int numa_node; /**< NUMA node of the device */
	uint16_t backer_port_id; /**< port backing a representor */
};

/** One port. rte_eth_devices[port_id]. */
struct rte_eth_dev {
	eth_rx_burst_t rx_pkt_burst;      /**< installed in rte_eth_fp_ops at start */
	eth_tx_burst_t tx_pkt_burst; /**< installed in rte_eth_fp_ops at start */
	eth_tx_prep_t tx_pkt_prepare; /**< installed in rte_eth_fp_ops at start, may be NULL */
	eth_rx_queue_count_t rx_queue_count; /**< used receive descriptors, may be NULL */
	/** receive descriptor status, may be NULL */
	eth_rx_descriptor_status_t rx_descriptor_status;
	/** transmit descriptor status, may be NULL */
	eth_tx_descriptor_status_t tx_descriptor_status;
	struct rte_eth_dev_data *data; /**< control state of the port */
	void *process_private; /**< per-process driver data */
	const struct eth_dev_ops *dev_ops; /**< the driver's operations */
	struct rte_device *device;        /**< the device the port belongs to */
	struct rte_intr_handle *intr_handle; /**< interrupt handle, or NULL */
	enum rte_eth_dev_type dev_type;   /**< PCI or virtual, set by probing_finish at latest */
	enum rte_eth_dev_state state; /**< RTE_ETH_DEV_UNUSED, _ATTACHED or _REMOVED */
} __rte_cache_aligned;

/** The port table, indexed by port id (RTE_MAX_ETHPORTS entries). */
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
