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
#include <rte_memzone.h>

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
struct rte_flow_ops;
struct rte_power_monitor_cond;

/** One receive or transmit callback of a queue (rte_eth_add_rx_callback...). */
struct rte_eth_rxtx_callback {
	struct rte_eth_rxtx_callback *next; /**< next callback of the queue, or NULL */
	/** the function */
	union {
		rte_rx_callback_fn rx; /**< receive callback */
		rte_tx_callback_fn tx; /**< transmit callback */
	} fn;
	void *param; /**< its last argument */
};

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
/** Replace the multicast address list with nb_mc_addr addresses: 0 or negative errno. */
typedef int (*eth_set_mc_addr_list_t)(struct rte_eth_dev *dev, struct rte_ether_addr *mc_addr_set,
		uint32_t nb_mc_addr);
/** Add (on != 0) or remove an address of the unicast hash table: 0 or negative errno. */
typedef int (*eth_uc_hash_table_set_t)(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr,
		uint8_t on);
/** Accept (on != 0) or not every unicast address through the hash table. */
typedef int (*eth_uc_all_hash_table_set_t)(struct rte_eth_dev *dev, uint8_t on);
/** Start or stop one queue (rte_eth_dev_rx_queue_start...); the driver updates its state. */
typedef int (*eth_queue_start_t)(struct rte_eth_dev *dev, uint16_t queue_id);
/** Stop one queue; the driver updates data->rx/tx_queue_state. */
typedef int (*eth_queue_stop_t)(struct rte_eth_dev *dev, uint16_t queue_id);
/** Enable or disable the receive interrupt of one queue: 0 or negative errno. */
typedef int (*eth_rx_enable_intr_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id);
/** Disable the receive interrupt of one queue: 0 or negative errno. */
typedef int (*eth_rx_disable_intr_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id);
/** Map a queue's counters to per-queue statistics slot stat_idx: 0 or negative errno. */
typedef int (*eth_queue_stats_mapping_set_t)(struct rte_eth_dev *dev, uint16_t queue_id,
		uint8_t stat_idx, uint8_t is_rx);
/** Values of the driver xstats with the given ids (ids relative to the driver's own list). */
typedef int (*eth_xstats_get_by_id_t)(struct rte_eth_dev *dev, const uint64_t *ids,
		uint64_t *values, unsigned int n);
/** Names of the driver xstats with the given ids. */
typedef int (*eth_xstats_get_names_by_id_t)(struct rte_eth_dev *dev, const uint64_t *ids,
		struct rte_eth_xstat_name *xstats_names, unsigned int size);
/** Describe the burst functions of a queue into mode. */
typedef int (*eth_burst_mode_get_t)(struct rte_eth_dev *dev, uint16_t queue_id,
		struct rte_eth_burst_mode *mode);
/** Firmware version as a string of at most fw_size bytes; a larger size needed is returned. */
typedef int (*eth_fw_version_get_t)(struct rte_eth_dev *dev, char *fw_version, size_t fw_size);
/** Free up to free_cnt sent mbufs of a transmit queue; the number freed or negative errno. */
typedef int (*eth_tx_done_cleanup_t)(void *txq, uint32_t free_cnt);
/** Add (on != 0) or remove vlan_id from the VLAN filter: 0 or negative errno. */
typedef int (*vlan_filter_set_t)(struct rte_eth_dev *dev, uint16_t vlan_id, int on);
/** Set the TPID of one VLAN type: 0 or negative errno. */
typedef int (*vlan_tpid_set_t)(struct rte_eth_dev *dev, enum rte_vlan_type type, uint16_t tpid);
/** Apply data->dev_conf.rxmode.offloads for the RTE_ETH_*_MASK bits in mask. */
typedef int (*vlan_offload_set_t)(struct rte_eth_dev *dev, int mask);
/** Set (on != 0) or clear the port VLAN id: 0 or negative errno. */
typedef int (*vlan_pvid_set_t)(struct rte_eth_dev *dev, uint16_t vlan_id, int on);
/** Turn VLAN stripping of one receive queue on or off. */
typedef void (*vlan_strip_queue_set_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id, int on);
/** Read the flow control settings. */
typedef int (*flow_ctrl_get_t)(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc_conf);
/** Change the flow control settings. */
typedef int (*flow_ctrl_set_t)(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc_conf);
/** Change priority flow control of one priority. */
typedef int (*priority_flow_ctrl_set_t)(struct rte_eth_dev *dev,
		struct rte_eth_pfc_conf *pfc_conf);
/** Queue-based priority flow control capabilities. */
typedef int (*priority_flow_ctrl_queue_info_get_t)(struct rte_eth_dev *dev,
		struct rte_eth_pfc_queue_info *pfc_queue_info);
/** Configure queue-based priority flow control (arguments already checked). */
typedef int (*priority_flow_ctrl_queue_config_t)(struct rte_eth_dev *dev,
		struct rte_eth_pfc_queue_conf *pfc_queue_conf);
/** Update (entries with their mask bit set) the RSS redirection table. */
typedef int (*reta_update_t)(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta_conf,
		uint16_t reta_size);
/** Read (entries with their mask bit set) the RSS redirection table. */
typedef int (*reta_query_t)(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta_conf,
		uint16_t reta_size);
/** Change the RSS hash key and hash types. */
typedef int (*rss_hash_update_t)(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf);
/** Read the RSS hash key and hash types. */
typedef int (*rss_hash_conf_get_t)(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf);
/** Turn the port LED on or off. */
typedef int (*eth_dev_led_on_t)(struct rte_eth_dev *dev);
/** Turn the port LED off. */
typedef int (*eth_dev_led_off_t)(struct rte_eth_dev *dev);
/** Limit the rate of one transmit queue to tx_rate Mbps. */
typedef int (*eth_set_queue_rate_limit_t)(struct rte_eth_dev *dev, uint16_t queue_idx,
		uint32_t tx_rate);
/** Add a UDP tunnel port. */
typedef int (*eth_udp_tunnel_port_add_t)(struct rte_eth_dev *dev,
		struct rte_eth_udp_tunnel *tunnel_udp);
/** Delete a UDP tunnel port. */
typedef int (*eth_udp_tunnel_port_del_t)(struct rte_eth_dev *dev,
		struct rte_eth_udp_tunnel *tunnel_udp);
/** Enable IEEE1588 timestamping. */
typedef int (*eth_timesync_enable_t)(struct rte_eth_dev *dev);
/** Disable IEEE1588 timestamping. */
typedef int (*eth_timesync_disable_t)(struct rte_eth_dev *dev);
/** Read the timestamp of the last received PTP packet. */
typedef int (*eth_timesync_read_rx_timestamp_t)(struct rte_eth_dev *dev,
		struct timespec *timestamp, uint32_t flags);
/** Read the timestamp of the last sent PTP packet. */
typedef int (*eth_timesync_read_tx_timestamp_t)(struct rte_eth_dev *dev,
		struct timespec *timestamp);
/** Shift the device clock by delta nanoseconds. */
typedef int (*eth_timesync_adjust_time)(struct rte_eth_dev *dev, int64_t delta);
/** Read the device clock. */
typedef int (*eth_timesync_read_time)(struct rte_eth_dev *dev, struct timespec *timestamp);
/** Set the device clock. */
typedef int (*eth_timesync_write_time)(struct rte_eth_dev *dev, const struct timespec *timestamp);
/** Read the free-running device clock. */
typedef int (*eth_read_clock)(struct rte_eth_dev *dev, uint64_t *timestamp);
/** Dump registers into info (info->data NULL: report length and width only). */
typedef int (*eth_get_reg_t)(struct rte_eth_dev *dev, struct rte_dev_reg_info *info);
/** Size of the device EEPROM in bytes. */
typedef int (*eth_get_eeprom_length_t)(struct rte_eth_dev *dev);
/** Read a range of the device EEPROM. */
typedef int (*eth_get_eeprom_t)(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info);
/** Write a range of the device EEPROM. */
typedef int (*eth_set_eeprom_t)(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info);
/** Type and EEPROM size of the plugged module. */
typedef int (*eth_get_module_info_t)(struct rte_eth_dev *dev,
		struct rte_eth_dev_module_info *modinfo);
/** Read a range of the plugged module's EEPROM. */
typedef int (*eth_get_module_eeprom_t)(struct rte_eth_dev *dev,
		struct rte_dev_eeprom_info *info);
/** DCB settings and queue mapping. */
typedef int (*eth_get_dcb_info)(struct rte_eth_dev *dev, struct rte_eth_dcb_info *dcb_info);
/** 1 if mempool ops called pool can be used with the port, 0 or negative errno otherwise. */
typedef int (*eth_pool_ops_supported_t)(struct rte_eth_dev *dev, const char *pool);
/** FEC capabilities per speed; the number of entries (also when num is too small). */
typedef int (*eth_fec_get_capability_t)(struct rte_eth_dev *dev,
		struct rte_eth_fec_capa *speed_fec_capa, unsigned int num);
/** Current FEC mode as RTE_ETH_FEC_MODE_TO_CAPA bits. */
typedef int (*eth_fec_get_t)(struct rte_eth_dev *dev, uint32_t *fec_capa);
/** Set the FEC mode. */
typedef int (*eth_fec_set_t)(struct rte_eth_dev *dev, uint32_t fec_capa);
/** Representor ranges (info NULL: number of ranges only). */
typedef int (*eth_representor_info_get_t)(struct rte_eth_dev *dev,
		struct rte_eth_representor_info *info);
/** Negotiate which metadata of received packets is delivered. */
typedef int (*eth_rx_metadata_negotiate_t)(struct rte_eth_dev *dev, uint64_t *features);
/** Write driver-private state of the port to file. */
typedef int (*eth_dev_priv_dump_t)(struct rte_eth_dev *dev, FILE *file);
/** Write num descriptors of a receive queue from offset on to file. */
typedef int (*eth_rx_descriptor_dump_t)(const struct rte_eth_dev *dev, uint16_t queue_id,
		uint16_t offset, uint16_t num, FILE *file);
/** Write num descriptors of a transmit queue from offset on to file. */
typedef int (*eth_tx_descriptor_dump_t)(const struct rte_eth_dev *dev, uint16_t queue_id,
		uint16_t offset, uint16_t num, FILE *file);
/** Hairpin capabilities. */
typedef int (*eth_hairpin_cap_get_t)(struct rte_eth_dev *dev, struct rte_eth_hairpin_cap *cap);
/** Set up a receive hairpin queue. */
typedef int (*eth_rx_hairpin_queue_setup_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id,
		uint16_t nb_rx_desc, const struct rte_eth_hairpin_conf *hairpin_conf);
/** Set up a transmit hairpin queue. */
typedef int (*eth_tx_hairpin_queue_setup_t)(struct rte_eth_dev *dev, uint16_t tx_queue_id,
		uint16_t nb_tx_desc, const struct rte_eth_hairpin_conf *hairpin_conf);
/** Bind the hairpin queues of this (transmit) port to rx_port. */
typedef int (*eth_hairpin_bind_t)(struct rte_eth_dev *dev, uint16_t rx_port);
/** Unbind the hairpin queues of this (transmit) port from rx_port. */
typedef int (*eth_hairpin_unbind_t)(struct rte_eth_dev *dev, uint16_t rx_port);
/** Ports peered with this one by hairpin queues (direction 1: transmit side). */
typedef int (*eth_hairpin_get_peer_ports_t)(struct rte_eth_dev *dev, uint16_t *peer_ports,
		size_t len, uint32_t direction);
/** Set the available-descriptor threshold (percent) of a receive queue. */
typedef int (*eth_rx_queue_avail_thresh_set_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id,
		uint8_t avail_thresh);
/** Find a receive queue over its threshold from *rx_queue_id on. */
typedef int (*eth_rx_queue_avail_thresh_query_t)(struct rte_eth_dev *dev,
		uint16_t *rx_queue_id, uint8_t *avail_thresh);
/** Congestion management capabilities. */
typedef int (*eth_cman_info_get_t)(struct rte_eth_dev *dev, struct rte_eth_cman_info *info);
/** Default congestion management configuration. */
typedef int (*eth_cman_config_init_t)(struct rte_eth_dev *dev,
		struct rte_eth_cman_config *config);
/** Apply a congestion management configuration. */
typedef int (*eth_cman_config_set_t)(struct rte_eth_dev *dev,
		const struct rte_eth_cman_config *config);
/** Read the congestion management configuration. */
typedef int (*eth_cman_config_get_t)(struct rte_eth_dev *dev,
		struct rte_eth_cman_config *config);
/** Packet types the port can split buffers at (RTE_PTYPE_UNKNOWN-terminated). */
typedef const uint32_t *(*eth_buffer_split_supported_hdr_ptypes_get_t)(struct rte_eth_dev *dev);
/** Flow API operations of the port (rte_flow.h): 0 and *ops, or negative errno. */
typedef int (*eth_flow_ops_get_t)(struct rte_eth_dev *dev, const struct rte_flow_ops **ops);
/** Traffic metering operations (rte_mtr.h): 0 and the ops in *ops, or negative errno. */
typedef int (*eth_mtr_ops_get_t)(struct rte_eth_dev *dev, void *ops);
/** Traffic management operations (rte_tm.h): 0 and the ops in *ops, or negative errno. */
typedef int (*eth_tm_ops_get_t)(struct rte_eth_dev *dev, void *ops);
struct rte_hairpin_peer_info;
/** Exchange hairpin queue information (direction 1: this queue transmits). */
typedef int (*eth_hairpin_queue_peer_update_t)(struct rte_eth_dev *dev, uint16_t peer_queue,
		struct rte_hairpin_peer_info *current_info, struct rte_hairpin_peer_info *peer_info,
		uint32_t direction);
/** Bind a hairpin queue to its peer. */
typedef int (*eth_hairpin_queue_peer_bind_t)(struct rte_eth_dev *dev, uint16_t cur_queue,
		struct rte_hairpin_peer_info *peer_info, uint32_t direction);
/** Unbind a hairpin queue from its peer. */
typedef int (*eth_hairpin_queue_peer_unbind_t)(struct rte_eth_dev *dev, uint16_t cur_queue,
		uint32_t direction);
/** Address and condition a power-monitoring lcore can wait on for a receive queue. */
typedef int (*eth_get_monitor_addr_t)(void *rxq, struct rte_power_monitor_cond *pmc);
/** Configure IP reassembly offload. */
typedef int (*eth_ip_reassembly_capability_get_t)(struct rte_eth_dev *dev,
		struct rte_eth_ip_reassembly_params *capa);
/** Read the IP reassembly configuration. */
typedef int (*eth_ip_reassembly_conf_get_t)(struct rte_eth_dev *dev,
		struct rte_eth_ip_reassembly_params *conf);
/** Set the IP reassembly configuration. */
typedef int (*eth_ip_reassembly_conf_set_t)(struct rte_eth_dev *dev,
		const struct rte_eth_ip_reassembly_params *conf);

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

	/* Appended after the first release: drivers are built with the library. */
	eth_set_mc_addr_list_t set_mc_addr_list; /**< rte_eth_dev_set_mc_addr_list */
	eth_uc_hash_table_set_t uc_hash_table_set; /**< rte_eth_dev_uc_hash_table_set */
	eth_uc_all_hash_table_set_t uc_all_hash_table_set; /**< ..._uc_all_hash_table_set */
	eth_queue_start_t rx_queue_start; /**< rte_eth_dev_rx_queue_start */
	eth_queue_stop_t rx_queue_stop; /**< rte_eth_dev_rx_queue_stop */
	eth_queue_start_t tx_queue_start; /**< rte_eth_dev_tx_queue_start */
	eth_queue_stop_t tx_queue_stop; /**< rte_eth_dev_tx_queue_stop */
	eth_rx_enable_intr_t rx_queue_intr_enable; /**< rte_eth_dev_rx_intr_enable */
	eth_rx_disable_intr_t rx_queue_intr_disable; /**< rte_eth_dev_rx_intr_disable */
	/** rte_eth_dev_set_rx/tx_queue_stats_mapping */
	eth_queue_stats_mapping_set_t queue_stats_mapping_set;
	eth_xstats_get_by_id_t xstats_get_by_id; /**< driver part of rte_eth_xstats_get_by_id */
	/** driver part of rte_eth_xstats_get_names_by_id */
	eth_xstats_get_names_by_id_t xstats_get_names_by_id;
	eth_burst_mode_get_t rx_burst_mode_get; /**< rte_eth_rx_burst_mode_get */
	eth_burst_mode_get_t tx_burst_mode_get; /**< rte_eth_tx_burst_mode_get */
	eth_fw_version_get_t fw_version_get; /**< rte_eth_dev_fw_version_get */
	eth_tx_done_cleanup_t tx_done_cleanup; /**< rte_eth_tx_done_cleanup */
	vlan_filter_set_t vlan_filter_set; /**< rte_eth_dev_vlan_filter */
	vlan_tpid_set_t vlan_tpid_set; /**< rte_eth_dev_set_vlan_ether_type */
	vlan_strip_queue_set_t vlan_strip_queue_set; /**< rte_eth_dev_set_vlan_strip_on_queue */
	vlan_offload_set_t vlan_offload_set; /**< rte_eth_dev_set_vlan_offload */
	vlan_pvid_set_t vlan_pvid_set; /**< rte_eth_dev_set_vlan_pvid */
	flow_ctrl_get_t flow_ctrl_get; /**< rte_eth_dev_flow_ctrl_get */
	flow_ctrl_set_t flow_ctrl_set; /**< rte_eth_dev_flow_ctrl_set */
	priority_flow_ctrl_set_t priority_flow_ctrl_set; /**< ..._priority_flow_ctrl_set */
	/** rte_eth_dev_priority_flow_ctrl_queue_info_get */
	priority_flow_ctrl_queue_info_get_t priority_flow_ctrl_queue_info_get;
	/** rte_eth_dev_priority_flow_ctrl_queue_configure */
	priority_flow_ctrl_queue_config_t priority_flow_ctrl_queue_config;
	reta_update_t reta_update; /**< rte_eth_dev_rss_reta_update */
	reta_query_t reta_query; /**< rte_eth_dev_rss_reta_query */
	rss_hash_update_t rss_hash_update; /**< rte_eth_dev_rss_hash_update */
	rss_hash_conf_get_t rss_hash_conf_get; /**< rte_eth_dev_rss_hash_conf_get */
	eth_dev_led_on_t dev_led_on; /**< rte_eth_led_on */
	eth_dev_led_off_t dev_led_off; /**< rte_eth_led_off */
	eth_set_queue_rate_limit_t set_queue_rate_limit; /**< rte_eth_set_queue_rate_limit */
	eth_udp_tunnel_port_add_t udp_tunnel_port_add; /**< rte_eth_dev_udp_tunnel_port_add */
	eth_udp_tunnel_port_del_t udp_tunnel_port_del; /**< ..._udp_tunnel_port_delete */
	eth_timesync_enable_t timesync_enable; /**< rte_eth_timesync_enable */
	eth_timesync_disable_t timesync_disable; /**< rte_eth_timesync_disable */
	/** rte_eth_timesync_read_rx_timestamp */
	eth_timesync_read_rx_timestamp_t timesync_read_rx_timestamp;
	/** rte_eth_timesync_read_tx_timestamp */
	eth_timesync_read_tx_timestamp_t timesync_read_tx_timestamp;
	eth_timesync_adjust_time timesync_adjust_time; /**< rte_eth_timesync_adjust_time */
	eth_timesync_read_time timesync_read_time; /**< rte_eth_timesync_read_time */
	eth_timesync_write_time timesync_write_time; /**< rte_eth_timesync_write_time */
	eth_read_clock read_clock; /**< rte_eth_read_clock */
	eth_get_reg_t get_reg; /**< rte_eth_dev_get_reg_info */
	eth_get_eeprom_length_t get_eeprom_length; /**< rte_eth_dev_get_eeprom_length */
	eth_get_eeprom_t get_eeprom; /**< rte_eth_dev_get_eeprom */
	eth_set_eeprom_t set_eeprom; /**< rte_eth_dev_set_eeprom */
	eth_get_module_info_t get_module_info; /**< rte_eth_dev_get_module_info */
	eth_get_module_eeprom_t get_module_eeprom; /**< rte_eth_dev_get_module_eeprom */
	eth_get_dcb_info get_dcb_info; /**< rte_eth_dev_get_dcb_info */
	eth_pool_ops_supported_t pool_ops_supported; /**< rte_eth_dev_pool_ops_supported */
	eth_fec_get_capability_t fec_get_capability; /**< rte_eth_fec_get_capability */
	eth_fec_get_t fec_get; /**< rte_eth_fec_get */
	eth_fec_set_t fec_set; /**< rte_eth_fec_set */
	eth_representor_info_get_t representor_info_get; /**< rte_eth_representor_info_get */
	eth_rx_metadata_negotiate_t rx_metadata_negotiate; /**< rte_eth_rx_metadata_negotiate */
	eth_dev_priv_dump_t eth_dev_priv_dump; /**< rte_eth_dev_priv_dump */
	eth_rx_descriptor_dump_t eth_rx_descriptor_dump; /**< rte_eth_rx_descriptor_dump */
	eth_tx_descriptor_dump_t eth_tx_descriptor_dump; /**< rte_eth_tx_descriptor_dump */
	eth_hairpin_cap_get_t hairpin_cap_get; /**< rte_eth_dev_hairpin_capability_get */
	eth_rx_hairpin_queue_setup_t rx_hairpin_queue_setup; /**< ..._rx_hairpin_queue_setup */
	eth_tx_hairpin_queue_setup_t tx_hairpin_queue_setup; /**< ..._tx_hairpin_queue_setup */
	eth_hairpin_bind_t hairpin_bind; /**< rte_eth_hairpin_bind */
	eth_hairpin_unbind_t hairpin_unbind; /**< rte_eth_hairpin_unbind */
	eth_hairpin_get_peer_ports_t hairpin_get_peer_ports; /**< ..._hairpin_get_peer_ports */
	/** rte_eth_rx_avail_thresh_set */
	eth_rx_queue_avail_thresh_set_t rx_queue_avail_thresh_set;
	/** rte_eth_rx_avail_thresh_query */
	eth_rx_queue_avail_thresh_query_t rx_queue_avail_thresh_query;
	eth_cman_info_get_t cman_info_get; /**< rte_eth_cman_info_get */
	eth_cman_config_init_t cman_config_init; /**< rte_eth_cman_config_init */
	eth_cman_config_set_t cman_config_set; /**< rte_eth_cman_config_set */
	eth_cman_config_get_t cman_config_get; /**< rte_eth_cman_config_get */
	/** rte_eth_buffer_split_get_supported_hdr_ptypes */
	eth_buffer_split_supported_hdr_ptypes_get_t buffer_split_supported_hdr_ptypes_get;
	eth_get_monitor_addr_t get_monitor_addr; /**< rte_eth_get_monitor_addr */
	/** rte_eth_ip_reassembly_capability_get */
	eth_ip_reassembly_capability_get_t ip_reassembly_capability_get;
	eth_ip_reassembly_conf_get_t ip_reassembly_conf_get; /**< ..._ip_reassembly_conf_get */
	eth_ip_reassembly_conf_set_t ip_reassembly_conf_set; /**< ..._ip_reassembly_conf_set */
	eth_flow_ops_get_t flow_ops_get; /**< the flow API of the port (rte_flow.h) */
	eth_mtr_ops_get_t mtr_ops_get; /**< the metering API of the port (rte_mtr.h) */
	eth_tm_ops_get_t tm_ops_get; /**< the traffic management API (rte_tm.h) */
	/** exchange hairpin queue information with a peer port */
	eth_hairpin_queue_peer_update_t hairpin_queue_peer_update;
	eth_hairpin_queue_peer_bind_t hairpin_queue_peer_bind; /**< bind to a peer queue */
	eth_hairpin_queue_peer_unbind_t hairpin_queue_peer_unbind; /**< unbind a peer queue */
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
	/* Appended after the first release; reset by rte_eth_dev_allocate. */
	/** pools (bit i: VMDq pool i) of each address of mac_addrs */
	uint64_t mac_pool_sel[RTE_ETH_NUM_RECEIVE_MAC_ADDR];
	/** unicast hash table addresses (max_hash_mac_addrs of them), or NULL */
	struct rte_ether_addr *hash_mac_addrs;
	struct rte_vlan_filter_conf vlan_filter_conf; /**< VLAN ids let through the filter */
	struct rte_eth_dev_owner owner; /**< owner of the port, id 0 for none */
	uint8_t flow_configured; /**< rte_flow_configure succeeded */
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

/* ---- helpers for drivers ---- */

/** Port initialisation called by rte_eth_dev_create with the new port. */
typedef int (*ethdev_init_t)(struct rte_eth_dev *ethdev, void *init_params);
/** Bus-specific part of rte_eth_dev_create, called before ethdev_init. */
typedef int (*ethdev_bus_specific_init)(struct rte_eth_dev *ethdev,
		void *bus_specific_init_params);
/** Port teardown called by rte_eth_dev_destroy before the port is released. */
typedef int (*ethdev_uninit_t)(struct rte_eth_dev *ethdev);

/**
 * Allocate a port called name for device, with priv_data_size bytes of zeroed private data
 * (0: none), run bus_specific_init then ethdev_init, and announce it. On any failure the port
 * is released. 0 or negative errno.
 */
int rte_eth_dev_create(struct rte_device *device, const char *name, size_t priv_data_size,
		ethdev_bus_specific_init bus_specific_init, void *bus_init_params,
		ethdev_init_t ethdev_init, void *init_params);
/** Run ethdev_uninit (if not NULL) and release the port. 0 or negative errno. */
int rte_eth_dev_destroy(struct rte_eth_dev *ethdev, ethdev_uninit_t ethdev_uninit);
/** The port called name (in this process), or NULL. */
struct rte_eth_dev *rte_eth_dev_get_by_name(const char *name);
/** The port called name, for a secondary process; NULL if there is none. */
struct rte_eth_dev *rte_eth_dev_attach_secondary(const char *name);
/** Forget the configuration of a stopped port (after a failed reset); queues are released. */
void rte_eth_dev_internal_reset(struct rte_eth_dev *dev);
/** Burst function that does nothing: returns 0. */
uint16_t rte_eth_pkt_burst_dummy(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);
/** 1 if receive queue queue_id of dev is a hairpin queue. */
int rte_eth_dev_is_rx_hairpin_queue(struct rte_eth_dev *dev, uint16_t queue_id);
/** 1 if transmit queue queue_id of dev is a hairpin queue. */
int rte_eth_dev_is_tx_hairpin_queue(struct rte_eth_dev *dev, uint16_t queue_id);

/** Exchange hairpin queue information with a peer port's queue. */
int rte_eth_hairpin_queue_peer_update(uint16_t peer_port, uint16_t peer_queue,
		struct rte_hairpin_peer_info *cur_info, struct rte_hairpin_peer_info *peer_info,
		uint32_t direction);
/** Bind a hairpin queue to the peer described by peer_info. */
int rte_eth_hairpin_queue_peer_bind(uint16_t cur_port, uint16_t cur_queue,
		struct rte_hairpin_peer_info *peer_info, uint32_t direction);
/** Unbind a hairpin queue from its peer. */
int rte_eth_hairpin_queue_peer_unbind(uint16_t cur_port, uint16_t cur_queue,
		uint32_t direction);

/**
 * Register the mbuf dynamic field (rte_eth_ip_reassembly_dynfield_t) and flag with which
 * a driver hands back the fragments of a packet it could not reassemble. Registering
 * again returns the same offset and bit.
 *
 * @param field_offset
 *   Set to the field's offset in the mbuf, unless NULL.
 * @param flag
 *   Set to the flag's bit number in ol_flags, unless NULL.
 * @return
 *   0, or -1 with rte_errno set by rte_mbuf_dynfield_register()/rte_mbuf_dynflag_register().
 */
__rte_internal
int rte_eth_ip_reassembly_dynfield_register(int *field_offset, int *flag);

/**
 * Reserve (or find again, when it exists with a suitable size) a memzone for a queue's
 * descriptor ring; its name combines the driver, port, name and queue_id. NULL (rte_errno) on
 * failure.
 */
const struct rte_memzone *rte_eth_dma_zone_reserve(const struct rte_eth_dev *eth_dev,
		const char *name, uint16_t queue_id, size_t size, unsigned int align,
		int socket_id);
/** Free the memzone of rte_eth_dma_zone_reserve. 0, -ENODEV (none), or the error of freeing. */
int rte_eth_dma_zone_free(const struct rte_eth_dev *eth_dev, const char *name,
		uint16_t queue_id);

/** A free switch domain id. 0, -ENOSPC. */
int rte_eth_switch_domain_alloc(uint16_t *domain_id);
/** Give a switch domain id back. 0, -EINVAL (not allocated). */
int rte_eth_switch_domain_free(uint16_t domain_id);

/** Most controllers in a representor devargs. */
#define RTE_MAX_MULTI_HOST_CTRLS 4

/** Ports and representors named by a device's "representor=" argument. */
struct rte_eth_devargs {
	uint16_t mh_controllers[RTE_MAX_MULTI_HOST_CTRLS]; /**< controller ids */
	uint16_t nb_mh_controllers; /**< entries of mh_controllers */
	uint16_t ports[RTE_MAX_ETHPORTS]; /**< PF ids */
	uint16_t nb_ports; /**< entries of ports */
	uint16_t representor_ports[RTE_MAX_ETHPORTS]; /**< VF or SF ids */
	uint16_t nb_representor_ports; /**< entries of representor_ports */
	enum rte_eth_representor_type type; /**< kind of representor */
};

/**
 * Parse the "representor" argument of devargs ("representor=[0-3]", "representor=pf1vf[0,2]",
 * "representor=c0pf[0-1]sf3", "representor=pf0") into eth_devargs (zeroed first).
 * 0 or -EINVAL.
 */
int rte_eth_devargs_parse(const char *devargs, struct rte_eth_devargs *eth_devargs);

/**
 * Representor id of the port of the given type, controller, pf and VF/SF number, from the
 * representor ranges of backing port port_id (controller or pf -1: the backing port's).
 * 0, -ENODEV, -ENOTSUP (no ranges), -ENOENT (no matching range), -ENOMEM.
 */
int rte_eth_representor_id_get(uint16_t port_id, enum rte_eth_representor_type type,
		int controller, int pf, int representor_port, uint16_t *repr_id);

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_DRIVER_H_ */
