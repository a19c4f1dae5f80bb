/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Traffic metering and policing: meter profiles (srTCM, trTCM), policies (flow actions per
 * colour), and meter objects that flow rules point to with a METER action. Every call goes to
 * the driver's rte_mtr_ops; a port without them answers -ENOSYS, an invalid port -ENODEV,
 * with *error filled (when not NULL) and rte_errno set.
 */
#ifndef __INCLUDE_RTE_MTR_H__
#define __INCLUDE_RTE_MTR_H__

#include <stdint.h>

#include <rte_common.h>
#include <rte_compat.h>

#include "rte_flow.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Statistics a meter can keep (rte_mtr_params.stats_mask bits). */
enum rte_mtr_stats_type {
	RTE_MTR_STATS_N_PKTS_GREEN = 1 << 0, /**< green packets */
	RTE_MTR_STATS_N_PKTS_YELLOW = 1 << 1, /**< yellow packets */
	RTE_MTR_STATS_N_PKTS_RED = 1 << 2, /**< red packets */
	RTE_MTR_STATS_N_PKTS_DROPPED = 1 << 3, /**< dropped packets */
	RTE_MTR_STATS_N_BYTES_GREEN = 1 << 4, /**< green bytes */
	RTE_MTR_STATS_N_BYTES_YELLOW = 1 << 5, /**< yellow bytes */
	RTE_MTR_STATS_N_BYTES_RED = 1 << 6, /**< red bytes */
	RTE_MTR_STATS_N_BYTES_DROPPED = 1 << 7, /**< dropped bytes */
};

/** Counters of a meter. */
struct rte_mtr_stats {
	uint64_t n_pkts[RTE_COLORS]; /**< packets per output colour */
	uint64_t n_bytes[RTE_COLORS]; /**< bytes per output colour */
	uint64_t n_pkts_dropped; /**< packets dropped */
	uint64_t n_bytes_dropped; /**< bytes dropped */
};

/** Metering algorithms. */
enum rte_mtr_algorithm {
	RTE_MTR_NONE = 0, /**< no metering: everything is green */
	RTE_MTR_SRTCM_RFC2697, /**< single rate three colour marker */
	RTE_MTR_TRTCM_RFC2698, /**< two rate three colour marker */
	RTE_MTR_TRTCM_RFC4115, /**< two rate three colour marker, RFC 4115 */
};

/** A meter profile: algorithm and its rates (bytes or packets per second) and bursts. */
struct rte_mtr_meter_profile {
	enum rte_mtr_algorithm alg; /**< algorithm */
	RTE_STD_C11
	/** parameters of the algorithm */
	union {
		/** srTCM */
		struct {
			uint64_t cir; /**< committed information rate */
			uint64_t cbs; /**< committed burst size */
			uint64_t ebs; /**< excess burst size */
		} srtcm_rfc2697;
		/** trTCM (RFC 2698) */
		struct {
			uint64_t cir; /**< committed information rate */
			uint64_t pir; /**< peak information rate */
			uint64_t cbs; /**< committed burst size */
			uint64_t pbs; /**< peak burst size */
		} trtcm_rfc2698;
		/** trTCM (RFC 4115) */
		struct {
			uint64_t cir; /**< committed information rate */
			uint64_t eir; /**< excess information rate */
			uint64_t cbs; /**< committed burst size */
			uint64_t ebs; /**< excess burst size */
		} trtcm_rfc4115;
	};
	int packet_mode; /**< rates and bursts count packets, not bytes */
};

/** A policy: the flow actions (ending with END; NULL for none) applied per colour. */
struct rte_mtr_meter_policy_params {
	const struct rte_flow_action *actions[RTE_COLORS]; /**< actions of each colour */
};

/** Declare policy, a policy that passes each colour on as the packet's colour. */
#define rte_mtr_policy_pass_color(policy) \
struct rte_mtr_meter_policy_params policy = \
{ \
	.actions[RTE_COLOR_GREEN] = (struct rte_flow_action[]) { \
		{ \
			.type = RTE_FLOW_ACTION_TYPE_METER_COLOR, \
			.conf = &(struct rte_flow_action_meter_color) { \
				.color = RTE_COLOR_GREEN, \
			}, \
		}, \
		{ .type = RTE_FLOW_ACTION_TYPE_END, }, \
	}, \
	.actions[RTE_COLOR_YELLOW] = (struct rte_flow_action[]) { \
		{ \
			.type = RTE_FLOW_ACTION_TYPE_METER_COLOR, \
			.conf = &(struct rte_flow_action_meter_color) { \
				.color = RTE_COLOR_YELLOW, \
			}, \
		}, \
		{ .type = RTE_FLOW_ACTION_TYPE_END, }, \
	}, \
	.actions[RTE_COLOR_RED] = (struct rte_flow_action[]) { \
		{ \
			.type = RTE_FLOW_ACTION_TYPE_METER_COLOR, \
			.conf = &(struct rte_flow_action_meter_color) { \
				.color = RTE_COLOR_RED, \
			}, \
		}, \
		{ .type = RTE_FLOW_ACTION_TYPE_END, }, \
	}, \
}

/** Declare policy, a policy that drops red packets and lets the others through. */
#define rte_mtr_policy_drop_red(policy) \
struct rte_mtr_meter_policy_params policy = \
{ \
	.actions[RTE_COLOR_GREEN] = NULL, \
	.actions[RTE_COLOR_YELLOW] = NULL, \
	.actions[RTE_COLOR_RED] = (struct rte_flow_action[]) { \
		{ .type = RTE_FLOW_ACTION_TYPE_DROP, }, \
		{ .type = RTE_FLOW_ACTION_TYPE_END, }, \
	}, \
}

/** Where the input colour of a packet is read from. */
enum rte_mtr_color_in_protocol {
	RTE_MTR_COLOR_IN_PROTO_OUTER_VLAN = RTE_BIT64(0), /**< outer VLAN PCP */
	RTE_MTR_COLOR_IN_PROTO_INNER_VLAN = RTE_BIT64(1), /**< inner VLAN PCP */
	RTE_MTR_COLOR_IN_PROTO_OUTER_IP = RTE_BIT64(2), /**< outer IP DSCP */
	RTE_MTR_COLOR_IN_PROTO_INNER_IP = RTE_BIT64(3), /**< inner IP DSCP */
};

/** Parameters of a meter object. */
struct rte_mtr_params {
	uint32_t meter_profile_id; /**< its profile */
	int use_prev_mtr_color; /**< take the input colour from the previous meter */
	enum rte_color *dscp_table; /**< input colour per DSCP value (64 entries), or NULL */
	enum rte_color *vlan_table; /**< input colour per VLAN PCP value (8), or NULL */
	int meter_enable; /**< metering on from creation */
	uint64_t stats_mask; /**< enum rte_mtr_stats_type bits */
	uint32_t meter_policy_id; /**< its policy */
	enum rte_color default_input_color; /**< input colour when no table applies */
};

/** Metering capabilities of a port. */
struct rte_mtr_capabilities {
	uint32_t n_max; /**< meter objects */
	uint32_t n_shared_max; /**< shared meter objects */
	int identical; /**< all meters have the same capabilities */
	int shared_identical; /**< all shared meters have the same capabilities */
	uint32_t shared_n_flows_per_mtr_max; /**< flows per shared meter */
	uint32_t chaining_n_mtrs_per_flow_max; /**< meters chained per flow */
	int chaining_use_prev_mtr_color_supported; /**< chained meters can pass the colour */
	int chaining_use_prev_mtr_color_enforced; /**< chained meters always pass the colour */
	uint32_t meter_srtcm_rfc2697_n_max; /**< srTCM meters */
	uint32_t meter_trtcm_rfc2698_n_max; /**< trTCM (RFC 2698) meters */
	uint32_t meter_trtcm_rfc4115_n_max; /**< trTCM (RFC 4115) meters */
	uint64_t meter_rate_max; /**< highest rate, bytes per second */
	uint64_t meter_policy_n_max; /**< policies */
	int color_aware_srtcm_rfc2697_supported; /**< colour-aware srTCM */
	int color_aware_trtcm_rfc2698_supported; /**< colour-aware trTCM (RFC 2698) */
	int color_aware_trtcm_rfc4115_supported; /**< colour-aware trTCM (RFC 4115) */
	int srtcm_rfc2697_byte_mode_supported; /**< srTCM in bytes */
	int srtcm_rfc2697_packet_mode_supported; /**< srTCM in packets */
	int trtcm_rfc2698_byte_mode_supported; /**< trTCM (RFC 2698) in bytes */
	int trtcm_rfc2698_packet_mode_supported; /**< trTCM (RFC 2698) in packets */
	int trtcm_rfc4115_byte_mode_supported; /**< trTCM (RFC 4115) in bytes */
	int trtcm_rfc4115_packet_mode_supported; /**< trTCM (RFC 4115) in packets */
	uint64_t stats_mask; /**< enum rte_mtr_stats_type bits supported */
	uint64_t input_color_proto_mask; /**< enum rte_mtr_color_in_protocol bits supported */
	int separate_input_color_table_per_port; /**< colour tables are per port */
};

/** What a metering error is about. */
enum rte_mtr_error_type {
	RTE_MTR_ERROR_TYPE_NONE, /**< no error */
	RTE_MTR_ERROR_TYPE_UNSPECIFIED, /**< cause not specified */
	RTE_MTR_ERROR_TYPE_METER_PROFILE_ID, /**< profile id */
	RTE_MTR_ERROR_TYPE_METER_PROFILE, /**< profile */
	RTE_MTR_ERROR_TYPE_METER_PROFILE_PACKET_MODE, /**< profile packet mode */
	RTE_MTR_ERROR_TYPE_MTR_ID, /**< meter id */
	RTE_MTR_ERROR_TYPE_MTR_PARAMS, /**< meter parameters */
	RTE_MTR_ERROR_TYPE_POLICER_ACTION_GREEN, /**< green action */
	RTE_MTR_ERROR_TYPE_POLICER_ACTION_YELLOW, /**< yellow action */
	RTE_MTR_ERROR_TYPE_POLICER_ACTION_RED, /**< red action */
	RTE_MTR_ERROR_TYPE_STATS_MASK, /**< statistics mask */
	RTE_MTR_ERROR_TYPE_STATS, /**< statistics */
	RTE_MTR_ERROR_TYPE_SHARED, /**< shared meter */
	RTE_MTR_ERROR_TYPE_METER_POLICY_ID, /**< policy id */
	RTE_MTR_ERROR_TYPE_METER_POLICY, /**< policy */
};

/** Details of a metering failure. */
struct rte_mtr_error {
	enum rte_mtr_error_type type; /**< what the error is about */
	const void *cause; /**< the object at fault, or NULL */
	const char *message; /**< description, or NULL */
};

/** A meter profile as the flow engine sees it, opaque. */
struct rte_flow_meter_profile;
/** A meter policy as the flow engine sees it, opaque. */
struct rte_flow_meter_policy;

/** Metering capabilities. */
int rte_mtr_capabilities_get(uint16_t port_id, struct rte_mtr_capabilities *cap,
		struct rte_mtr_error *error);
/** Add meter profile meter_profile_id. */
int rte_mtr_meter_profile_add(uint16_t port_id, uint32_t meter_profile_id,
		struct rte_mtr_meter_profile *profile, struct rte_mtr_error *error);
/** Delete a meter profile no meter uses. */
int rte_mtr_meter_profile_delete(uint16_t port_id, uint32_t meter_profile_id,
		struct rte_mtr_error *error);
/** The flow engine's handle of a meter profile; NULL on failure. */
struct rte_flow_meter_profile *rte_mtr_meter_profile_get(uint16_t port_id,
		uint32_t meter_profile_id, struct rte_mtr_error *error);
/** Check whether the port could add policy. */
int rte_mtr_meter_policy_validate(uint16_t port_id, struct rte_mtr_meter_policy_params *policy,
		struct rte_mtr_error *error);
/** Add meter policy policy_id. */
int rte_mtr_meter_policy_add(uint16_t port_id, uint32_t policy_id,
		struct rte_mtr_meter_policy_params *policy, struct rte_mtr_error *error);
/** The flow engine's handle of a meter policy; NULL on failure. */
struct rte_flow_meter_policy *rte_mtr_meter_policy_get(uint16_t port_id, uint32_t policy_id,
		struct rte_mtr_error *error);
/** Delete a meter policy no meter uses. */
int rte_mtr_meter_policy_delete(uint16_t port_id, uint32_t policy_id,
		struct rte_mtr_error *error);
/** Create meter object mtr_id (shared: usable by several flows). */
int rte_mtr_create(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_params *params,
		int shared, struct rte_mtr_error *error);
/** Destroy a meter object no flow uses. */
int rte_mtr_destroy(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_error *error);
/** Stop metering: packets keep their input colour. */
int rte_mtr_meter_disable(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_error *error);
/** Resume metering. */
int rte_mtr_meter_enable(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_error *error);
/** Give a meter another profile. */
int rte_mtr_meter_profile_update(uint16_t port_id, uint32_t mtr_id, uint32_t meter_profile_id,
		struct rte_mtr_error *error);
/** Give a meter another policy. */
int rte_mtr_meter_policy_update(uint16_t port_id, uint32_t mtr_id, uint32_t meter_policy_id,
		struct rte_mtr_error *error);
/** Replace the DSCP input colour table of a meter (NULL: all green). */
int rte_mtr_meter_dscp_table_update(uint16_t port_id, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, enum rte_color *dscp_table,
		struct rte_mtr_error *error);
/** Replace the VLAN input colour table of a meter (NULL: all green). */
int rte_mtr_meter_vlan_table_update(uint16_t port_id, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, enum rte_color *vlan_table,
		struct rte_mtr_error *error);
/** Read the input colour from proto, with priority (0 highest) among the protocols set. */
int rte_mtr_color_in_protocol_set(uint16_t port_id, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, uint32_t priority,
		struct rte_mtr_error *error);
/** The protocols the input colour is read from (enum rte_mtr_color_in_protocol bits). */
int rte_mtr_color_in_protocol_get(uint16_t port_id, uint32_t mtr_id, uint64_t *proto_mask,
		struct rte_mtr_error *error);
/** The priority of one input colour protocol. */
int rte_mtr_color_in_protocol_priority_get(uint16_t port_id, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, uint32_t *priority,
		struct rte_mtr_error *error);
/** Choose the statistics a meter keeps. */
int rte_mtr_stats_update(uint16_t port_id, uint32_t mtr_id, uint64_t stats_mask,
		struct rte_mtr_error *error);
/** Read (and with clear, zero) the statistics of a meter; stats_mask says which are valid. */
int rte_mtr_stats_read(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_stats *stats,
		uint64_t *stats_mask, int clear, struct rte_mtr_error *error);

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_MTR_H__ */
