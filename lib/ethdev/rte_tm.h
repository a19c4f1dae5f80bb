/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Traffic management: a hierarchy of scheduling nodes (the leaves are the transmit queues)
 * with shapers, strict-priority and weighted-fair scheduling, congestion management (tail
 * drop, head drop, WRED) and packet marking. Every call goes to the driver's rte_tm_ops; a
 * port without them answers -ENOSYS, an invalid port -ENODEV, with *error filled (when not
 * NULL) and rte_errno set.
 */
#ifndef __INCLUDE_RTE_TM_H__
#define __INCLUDE_RTE_TM_H__

#include <stdint.h>

#include <rte_common.h>
#include <rte_compat.h>

#include "rte_flow.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Ethernet framing overhead (preamble, start delimiter, inter-frame gap) in bytes. */
#define RTE_TM_ETH_FRAMING_OVERHEAD                  20
/** The same with the frame check sequence. */
#define RTE_TM_ETH_FRAMING_OVERHEAD_FCS              24
/** No WRED profile. */
#define RTE_TM_WRED_PROFILE_ID_NONE                  UINT32_MAX
/** No shaper profile. */
#define RTE_TM_SHAPER_PROFILE_ID_NONE                UINT32_MAX
/** Parent id of the root node. */
#define RTE_TM_NODE_ID_NULL                          UINT32_MAX
/** Let the driver pick the level of a node. */
#define RTE_TM_NODE_LEVEL_ID_ANY                     UINT32_MAX

/** Statistics a node can keep (stats_mask bits). */
enum rte_tm_stats_type {
	RTE_TM_STATS_N_PKTS = 1 << 0, /**< packets scheduled */
	RTE_TM_STATS_N_BYTES = 1 << 1, /**< bytes scheduled */
	RTE_TM_STATS_N_PKTS_GREEN_DROPPED = 1 << 2, /**< green packets dropped */
	RTE_TM_STATS_N_PKTS_YELLOW_DROPPED = 1 << 3, /**< yellow packets dropped */
	RTE_TM_STATS_N_PKTS_RED_DROPPED = 1 << 4, /**< red packets dropped */
	RTE_TM_STATS_N_BYTES_GREEN_DROPPED = 1 << 5, /**< green bytes dropped */
	RTE_TM_STATS_N_BYTES_YELLOW_DROPPED = 1 << 6, /**< yellow bytes dropped */
	RTE_TM_STATS_N_BYTES_RED_DROPPED = 1 << 7, /**< red bytes dropped */
	RTE_TM_STATS_N_PKTS_QUEUED = 1 << 8, /**< packets queued now */
	RTE_TM_STATS_N_BYTES_QUEUED = 1 << 9, /**< bytes queued now */
};

/** Counters of a node. */
struct rte_tm_node_stats {
	uint64_t n_pkts; /**< packets scheduled */
	uint64_t n_bytes; /**< bytes scheduled */
	/** counters of leaf nodes only */
	struct {
		uint64_t n_pkts_dropped[RTE_COLORS]; /**< packets dropped, per colour */
		uint64_t n_bytes_dropped[RTE_COLORS]; /**< bytes dropped, per colour */
		uint64_t n_pkts_queued; /**< packets queued now */
		uint64_t n_bytes_queued; /**< bytes queued now */
	} leaf;
};

/** Changes the driver can make to a committed hierarchy (dynamic_update_mask bits). */
enum rte_tm_dynamic_update_type {
	RTE_TM_UPDATE_NODE_PARENT_KEEP_LEVEL = 1 << 0, /**< new parent on the same level */
	RTE_TM_UPDATE_NODE_PARENT_CHANGE_LEVEL = 1 << 1, /**< new parent on another level */
	RTE_TM_UPDATE_NODE_ADD_DELETE = 1 << 2, /**< nodes added and deleted */
	RTE_TM_UPDATE_NODE_SUSPEND_RESUME = 1 << 3, /**< nodes suspended and resumed */
	RTE_TM_UPDATE_NODE_WFQ_WEIGHT_MODE = 1 << 4, /**< WFQ weight mode */
	RTE_TM_UPDATE_NODE_N_SP_PRIORITIES = 1 << 5, /**< number of priorities */
	RTE_TM_UPDATE_NODE_CMAN = 1 << 6, /**< congestion management mode */
	RTE_TM_UPDATE_NODE_STATS = 1 << 7, /**< statistics kept */
};

/** Traffic management capabilities of a port. */
struct rte_tm_capabilities {
	uint32_t n_nodes_max; /**< nodes */
	uint32_t n_levels_max; /**< levels */
	int non_leaf_nodes_identical; /**< all non-leaf nodes have the same capabilities */
	int leaf_nodes_identical; /**< all leaf nodes have the same capabilities */
	uint32_t shaper_n_max; /**< shapers, private and shared */
	uint32_t shaper_private_n_max; /**< private shapers */
	int shaper_private_dual_rate_n_max; /**< private shapers with two rates */
	uint64_t shaper_private_rate_min; /**< lowest private shaper rate */
	uint64_t shaper_private_rate_max; /**< highest private shaper rate */
	int shaper_private_packet_mode_supported; /**< private shapers count packets */
	int shaper_private_byte_mode_supported; /**< private shapers count bytes */
	uint32_t shaper_shared_n_max; /**< shared shapers */
	uint32_t shaper_shared_n_nodes_per_shaper_max; /**< nodes per shared shaper */
	uint32_t shaper_shared_n_shapers_per_node_max; /**< shared shapers per node */
	uint32_t shaper_shared_dual_rate_n_max; /**< shared shapers with two rates */
	uint64_t shaper_shared_rate_min; /**< lowest shared shaper rate */
	uint64_t shaper_shared_rate_max; /**< highest shared shaper rate */
	int shaper_shared_packet_mode_supported; /**< shared shapers count packets */
	int shaper_shared_byte_mode_supported; /**< shared shapers count bytes */
	int shaper_pkt_length_adjust_min; /**< smallest packet length adjustment */
	int shaper_pkt_length_adjust_max; /**< largest packet length adjustment */
	uint32_t sched_n_children_max; /**< children of a node */
	uint32_t sched_sp_n_priorities_max; /**< strict priorities */
	uint32_t sched_wfq_n_children_per_group_max; /**< children per WFQ group */
	uint32_t sched_wfq_n_groups_max; /**< WFQ groups */
	uint32_t sched_wfq_weight_max; /**< highest WFQ weight */
	int sched_wfq_packet_mode_supported; /**< WFQ counts packets */
	int sched_wfq_byte_mode_supported; /**< WFQ counts bytes */
	int cman_wred_packet_mode_supported; /**< WRED counts packets */
	int cman_wred_byte_mode_supported; /**< WRED counts bytes */
	int cman_head_drop_supported; /**< head drop */
	uint32_t cman_wred_context_n_max; /**< WRED contexts, private and shared */
	uint32_t cman_wred_context_private_n_max; /**< private WRED contexts */
	uint32_t cman_wred_context_shared_n_max; /**< shared WRED contexts */
	/** nodes per shared WRED context */
	uint32_t cman_wred_context_shared_n_nodes_per_context_max;
	/** shared WRED contexts per node */
	uint32_t cman_wred_context_shared_n_contexts_per_node_max;
	int mark_vlan_dei_supported[RTE_COLORS]; /**< VLAN DEI marking, per colour */
	int mark_ip_ecn_tcp_supported[RTE_COLORS]; /**< IP ECN marking of TCP, per colour */
	int mark_ip_ecn_sctp_supported[RTE_COLORS]; /**< IP ECN marking of SCTP, per colour */
	int mark_ip_dscp_supported[RTE_COLORS]; /**< IP DSCP marking, per colour */
	uint64_t dynamic_update_mask; /**< enum rte_tm_dynamic_update_type bits */
	uint64_t stats_mask; /**< enum rte_tm_stats_type bits */
};

/** Capabilities of the nodes of one level. */
struct rte_tm_level_capabilities {
	uint32_t n_nodes_max; /**< nodes */
	uint32_t n_nodes_nonleaf_max; /**< non-leaf nodes */
	uint32_t n_nodes_leaf_max; /**< leaf nodes */
	int non_leaf_nodes_identical; /**< all its non-leaf nodes have the same capabilities */
	int leaf_nodes_identical; /**< all its leaf nodes have the same capabilities */
	RTE_STD_C11
	/** capabilities by kind of node */
	union {
		/** non-leaf nodes */
		struct {
			int shaper_private_supported; /**< private shaper */
			int shaper_private_dual_rate_supported; /**< with two rates */
			uint64_t shaper_private_rate_min; /**< lowest private shaper rate */
			uint64_t shaper_private_rate_max; /**< highest private shaper rate */
			int shaper_private_packet_mode_supported; /**< in packets */
			int shaper_private_byte_mode_supported; /**< in bytes */
			uint32_t shaper_shared_n_max; /**< shared shapers per node */
			int shaper_shared_packet_mode_supported; /**< shared, in packets */
			int shaper_shared_byte_mode_supported; /**< shared, in bytes */
			uint32_t sched_n_children_max; /**< children */
			uint32_t sched_sp_n_priorities_max; /**< strict priorities */
			uint32_t sched_wfq_n_children_per_group_max; /**< children per WFQ group */
			uint32_t sched_wfq_n_groups_max; /**< WFQ groups */
			uint32_t sched_wfq_weight_max; /**< highest WFQ weight */
			int sched_wfq_packet_mode_supported; /**< WFQ in packets */
			int sched_wfq_byte_mode_supported; /**< WFQ in bytes */
			uint64_t stats_mask; /**< enum rte_tm_stats_type bits */
		} nonleaf;
		/** leaf nodes */
		struct {
			int shaper_private_supported; /**< private shaper */
			int shaper_private_dual_rate_supported; /**< with two rates */
			uint64_t shaper_private_rate_min; /**< lowest private shaper rate */
			uint64_t shaper_private_rate_max; /**< highest private shaper rate */
			int shaper_private_packet_mode_supported; /**< in packets */
			int shaper_private_byte_mode_supported; /**< in bytes */
			uint32_t shaper_shared_n_max; /**< shared shapers per node */
			int shaper_shared_packet_mode_supported; /**< shared, in packets */
			int shaper_shared_byte_mode_supported; /**< shared, in bytes */
			int cman_wred_packet_mode_supported; /**< WRED in packets */
			int cman_wred_byte_mode_supported; /**< WRED in bytes */
			int cman_head_drop_supported; /**< head drop */
			int cman_wred_context_private_supported; /**< private WRED context */
			uint32_t cman_wred_context_shared_n_max; /**< shared WRED contexts */
			uint64_t stats_mask; /**< enum rte_tm_stats_type bits */
		} leaf;
	};
};

/** Capabilities of one node. */
struct rte_tm_node_capabilities {
	int shaper_private_supported; /**< private shaper */
	int shaper_private_dual_rate_supported; /**< with two rates */
	uint64_t shaper_private_rate_min; /**< lowest private shaper rate */
	uint64_t shaper_private_rate_max; /**< highest private shaper rate */
	int shaper_private_packet_mode_supported; /**< in packets */
	int shaper_private_byte_mode_supported; /**< in bytes */
	uint32_t shaper_shared_n_max; /**< shared shapers */
	int shaper_shared_packet_mode_supported; /**< shared, in packets */
	int shaper_shared_byte_mode_supported; /**< shared, in bytes */
	RTE_STD_C11
	/** capabilities by kind of node */
	union {
		/** a non-leaf node */
		struct {
			uint32_t sched_n_children_max; /**< children */
			uint32_t sched_sp_n_priorities_max; /**< strict priorities */
			uint32_t sched_wfq_n_children_per_group_max; /**< children per WFQ group */
			uint32_t sched_wfq_n_groups_max; /**< WFQ groups */
			uint32_t sched_wfq_weight_max; /**< highest WFQ weight */
			int sched_wfq_packet_mode_supported; /**< WFQ in packets */
			int sched_wfq_byte_mode_supported; /**< WFQ in bytes */
		} nonleaf;
		/** a leaf node */
		struct {
			int cman_wred_packet_mode_supported; /**< WRED in packets */
			int cman_wred_byte_mode_supported; /**< WRED in bytes */
			int cman_head_drop_supported; /**< head drop */
			int cman_wred_context_private_supported; /**< private WRED context */
			uint32_t cman_wred_context_shared_n_max; /**< shared WRED contexts */
		} leaf;
	};
	uint64_t stats_mask; /**< enum rte_tm_stats_type bits */
};

/** Congestion management of a leaf node. */
enum rte_tm_cman_mode {
	RTE_TM_CMAN_TAIL_DROP = 0, /**< drop arriving packets when full */
	RTE_TM_CMAN_HEAD_DROP, /**< drop the oldest packets when full */
	RTE_TM_CMAN_WRED, /**< weighted random early detection */
};

/** RED parameters of one colour. */
struct rte_tm_red_params {
	uint64_t min_th; /**< below this queue size nothing is dropped */
	uint64_t max_th; /**< above this queue size everything is dropped */
	uint16_t maxp_inv; /**< inverse of the drop probability at max_th */
	uint16_t wq_log2; /**< log2 of the queue size averaging weight */
};

/** A WRED profile: RED parameters per colour. */
struct rte_tm_wred_params {
	struct rte_tm_red_params red_params[RTE_COLORS]; /**< per colour */
	int packet_mode; /**< thresholds in packets, not bytes */
};

/** A token bucket. */
struct rte_tm_token_bucket {
	uint64_t rate; /**< rate, bytes (or packets) per second */
	uint64_t size; /**< bucket size, bytes (or packets) */
};

/** A shaper profile. */
struct rte_tm_shaper_params {
	struct rte_tm_token_bucket committed; /**< committed rate bucket */
	struct rte_tm_token_bucket peak; /**< peak rate bucket */
	int32_t pkt_length_adjust; /**< bytes added to each packet's length (framing) */
	int packet_mode; /**< count packets, not bytes */
};

/** Parameters of a node. */
struct rte_tm_node_params {
	uint32_t shaper_profile_id; /**< private shaper profile, or ..._ID_NONE */
	uint32_t *shared_shaper_id; /**< shared shapers */
	uint32_t n_shared_shapers; /**< entries of shared_shaper_id */
	RTE_STD_C11
	/** parameters by kind of node */
	union {
		/** a non-leaf node */
		struct {
			int *wfq_weight_mode; /**< per priority: 1 packet mode, 0 byte mode */
			uint32_t n_sp_priorities; /**< strict priorities of its children */
		} nonleaf;
		/** a leaf node */
		struct {
			enum rte_tm_cman_mode cman; /**< congestion management */
			/** WRED settings */
			struct {
				uint32_t wred_profile_id; /**< private WRED profile */
				uint32_t *shared_wred_context_id; /**< shared contexts */
				uint32_t n_shared_wred_contexts; /**< their number */
			} wred;
		} leaf;
	};
	uint64_t stats_mask; /**< enum rte_tm_stats_type bits */
};

/** What a traffic management error is about. */
enum rte_tm_error_type {
	RTE_TM_ERROR_TYPE_NONE, /**< no error */
	RTE_TM_ERROR_TYPE_UNSPECIFIED, /**< cause not specified */
	RTE_TM_ERROR_TYPE_CAPABILITIES, /**< capabilities */
	RTE_TM_ERROR_TYPE_LEVEL_ID, /**< level id */
	RTE_TM_ERROR_TYPE_WRED_PROFILE, /**< WRED profile */
	RTE_TM_ERROR_TYPE_WRED_PROFILE_GREEN, /**< WRED green parameters */
	RTE_TM_ERROR_TYPE_WRED_PROFILE_YELLOW, /**< WRED yellow parameters */
	RTE_TM_ERROR_TYPE_WRED_PROFILE_RED, /**< WRED red parameters */
	RTE_TM_ERROR_TYPE_WRED_PROFILE_ID, /**< WRED profile id */
	RTE_TM_ERROR_TYPE_SHARED_WRED_CONTEXT_ID, /**< shared WRED context id */
	RTE_TM_ERROR_TYPE_SHAPER_PROFILE, /**< shaper profile */
	RTE_TM_ERROR_TYPE_SHAPER_PROFILE_COMMITTED_RATE, /**< committed rate */
	RTE_TM_ERROR_TYPE_SHAPER_PROFILE_COMMITTED_SIZE, /**< committed size */
	RTE_TM_ERROR_TYPE_SHAPER_PROFILE_PEAK_RATE, /**< peak rate */
	RTE_TM_ERROR_TYPE_SHAPER_PROFILE_PEAK_SIZE, /**< peak size */
	RTE_TM_ERROR_TYPE_SHAPER_PROFILE_PKT_ADJUST_LEN, /**< packet length adjustment */
	RTE_TM_ERROR_TYPE_SHAPER_PROFILE_PACKET_MODE, /**< packet mode */
	RTE_TM_ERROR_TYPE_SHAPER_PROFILE_ID, /**< shaper profile id */
	RTE_TM_ERROR_TYPE_SHARED_SHAPER_ID, /**< shared shaper id */
	RTE_TM_ERROR_TYPE_NODE_PARENT_NODE_ID, /**< parent node id */
	RTE_TM_ERROR_TYPE_NODE_PRIORITY, /**< node priority */
	RTE_TM_ERROR_TYPE_NODE_WEIGHT, /**< node weight */
	RTE_TM_ERROR_TYPE_NODE_PARAMS, /**< node parameters */
	RTE_TM_ERROR_TYPE_NODE_PARAMS_SHAPER_PROFILE_ID, /**< its shaper profile id */
	RTE_TM_ERROR_TYPE_NODE_PARAMS_SHARED_SHAPER_ID, /**< its shared shaper ids */
	RTE_TM_ERROR_TYPE_NODE_PARAMS_N_SHARED_SHAPERS, /**< its number of shared shapers */
	RTE_TM_ERROR_TYPE_NODE_PARAMS_WFQ_WEIGHT_MODE, /**< its WFQ weight mode */
	RTE_TM_ERROR_TYPE_NODE_PARAMS_N_SP_PRIORITIES, /**< its number of priorities */
	RTE_TM_ERROR_TYPE_NODE_PARAMS_CMAN, /**< its congestion management */
	RTE_TM_ERROR_TYPE_NODE_PARAMS_WRED_PROFILE_ID, /**< its WRED profile id */
	RTE_TM_ERROR_TYPE_NODE_PARAMS_SHARED_WRED_CONTEXT_ID, /**< its shared WRED contexts */
	/** its number of shared WRED contexts */
	RTE_TM_ERROR_TYPE_NODE_PARAMS_N_SHARED_WRED_CONTEXTS,
	RTE_TM_ERROR_TYPE_NODE_PARAMS_STATS, /**< its statistics */
	RTE_TM_ERROR_TYPE_NODE_ID, /**< node id */
};

/** Details of a traffic management failure. */
struct rte_tm_error {
	enum rte_tm_error_type type; /**< what the error is about */
	const void *cause; /**< the object at fault, or NULL */
	const char *message; /**< description, or NULL */
};

/** Number of leaf nodes: the port's transmit queues. */
int rte_tm_get_number_of_leaf_nodes(uint16_t port_id, uint32_t *n_leaf_nodes,
		struct rte_tm_error *error);
/** Whether node_id is a leaf. */
int rte_tm_node_type_get(uint16_t port_id, uint32_t node_id, int *is_leaf,
		struct rte_tm_error *error);
/** Capabilities of the port. */
int rte_tm_capabilities_get(uint16_t port_id, struct rte_tm_capabilities *cap,
		struct rte_tm_error *error);
/** Capabilities of the nodes of one level. */
int rte_tm_level_capabilities_get(uint16_t port_id, uint32_t level_id,
		struct rte_tm_level_capabilities *cap, struct rte_tm_error *error);
/** Capabilities of one node. */
int rte_tm_node_capabilities_get(uint16_t port_id, uint32_t node_id,
		struct rte_tm_node_capabilities *cap, struct rte_tm_error *error);
/** Add a WRED profile. */
int rte_tm_wred_profile_add(uint16_t port_id, uint32_t wred_profile_id,
		struct rte_tm_wred_params *profile, struct rte_tm_error *error);
/** Delete a WRED profile. */
int rte_tm_wred_profile_delete(uint16_t port_id, uint32_t wred_profile_id,
		struct rte_tm_error *error);
/** Create a shared WRED context, or give it another profile. */
int rte_tm_shared_wred_context_add_update(uint16_t port_id, uint32_t shared_wred_context_id,
		uint32_t wred_profile_id, struct rte_tm_error *error);
/** Delete a shared WRED context. */
int rte_tm_shared_wred_context_delete(uint16_t port_id, uint32_t shared_wred_context_id,
		struct rte_tm_error *error);
/** Add a shaper profile. */
int rte_tm_shaper_profile_add(uint16_t port_id, uint32_t shaper_profile_id,
		struct rte_tm_shaper_params *profile, struct rte_tm_error *error);
/** Delete a shaper profile. */
int rte_tm_shaper_profile_delete(uint16_t port_id, uint32_t shaper_profile_id,
		struct rte_tm_error *error);
/** Create a shared shaper, or give it another profile. */
int rte_tm_shared_shaper_add_update(uint16_t port_id, uint32_t shared_shaper_id,
		uint32_t shaper_profile_id, struct rte_tm_error *error);
/** Delete a shared shaper. */
int rte_tm_shared_shaper_delete(uint16_t port_id, uint32_t shared_shaper_id,
		struct rte_tm_error *error);
/** Add a node under parent_node_id (RTE_TM_NODE_ID_NULL: the root). */
int rte_tm_node_add(uint16_t port_id, uint32_t node_id, uint32_t parent_node_id,
		uint32_t priority, uint32_t weight, uint32_t level_id,
		struct rte_tm_node_params *params, struct rte_tm_error *error);
/** Delete a node without children. */
int rte_tm_node_delete(uint16_t port_id, uint32_t node_id, struct rte_tm_error *error);
/** Stop scheduling a node. */
int rte_tm_node_suspend(uint16_t port_id, uint32_t node_id, struct rte_tm_error *error);
/** Resume scheduling a node. */
int rte_tm_node_resume(uint16_t port_id, uint32_t node_id, struct rte_tm_error *error);
/** Apply the hierarchy built so far (clear_on_fail: discard it if that fails). */
int rte_tm_hierarchy_commit(uint16_t port_id, int clear_on_fail, struct rte_tm_error *error);
/** Move a node under another parent, with a new priority and weight. */
int rte_tm_node_parent_update(uint16_t port_id, uint32_t node_id, uint32_t parent_node_id,
		uint32_t priority, uint32_t weight, struct rte_tm_error *error);
/** Give a node another private shaper profile. */
int rte_tm_node_shaper_update(uint16_t port_id, uint32_t node_id, uint32_t shaper_profile_id,
		struct rte_tm_error *error);
/** Attach (add) or detach a shared shaper to/from a node. */
int rte_tm_node_shared_shaper_update(uint16_t port_id, uint32_t node_id,
		uint32_t shared_shaper_id, int add, struct rte_tm_error *error);
/** Choose the statistics a node keeps. */
int rte_tm_node_stats_update(uint16_t port_id, uint32_t node_id, uint64_t stats_mask,
		struct rte_tm_error *error);
/** Change the WFQ weight mode and number of priorities of a node. */
int rte_tm_node_wfq_weight_mode_update(uint16_t port_id, uint32_t node_id,
		int *wfq_weight_mode, uint32_t n_sp_priorities, struct rte_tm_error *error);
/** Change the congestion management of a leaf node. */
int rte_tm_node_cman_update(uint16_t port_id, uint32_t node_id, enum rte_tm_cman_mode cman,
		struct rte_tm_error *error);
/** Give a leaf node another private WRED profile. */
int rte_tm_node_wred_context_update(uint16_t port_id, uint32_t node_id,
		uint32_t wred_profile_id, struct rte_tm_error *error);
/** Attach (add) or detach a shared WRED context to/from a leaf node. */
int rte_tm_node_shared_wred_context_update(uint16_t port_id, uint32_t node_id,
		uint32_t shared_wred_context_id, int add, struct rte_tm_error *error);
/** Read (and with clear, zero) the statistics of a node; stats_mask says which are valid. */
int rte_tm_node_stats_read(uint16_t port_id, uint32_t node_id,
		struct rte_tm_node_stats *stats, uint64_t *stats_mask, int clear,
		struct rte_tm_error *error);
/** Mark the VLAN DEI bit of packets of each colour. */
int rte_tm_mark_vlan_dei(uint16_t port_id, int mark_green, int mark_yellow, int mark_red,
		struct rte_tm_error *error);
/** Mark the IP ECN field of packets of each colour. */
int rte_tm_mark_ip_ecn(uint16_t port_id, int mark_green, int mark_yellow, int mark_red,
		struct rte_tm_error *error);
/** Mark the IP DSCP field of packets of each colour. */
int rte_tm_mark_ip_dscp(uint16_t port_id, int mark_green, int mark_yellow, int mark_red,
		struct rte_tm_error *error);

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_TM_H__ */
