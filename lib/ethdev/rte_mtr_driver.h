/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * For drivers: the metering operations a driver returns from its mtr_ops_get operation
 * (struct eth_dev_ops). A NULL member is an operation the driver does not support (-ENOSYS).
 */
#ifndef __INCLUDE_RTE_MTR_DRIVER_H__
#define __INCLUDE_RTE_MTR_DRIVER_H__

#include <stdint.h>

#include <rte_errno.h>

#include "rte_ethdev.h"
#include "ethdev_driver.h"
#include "rte_mtr.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Driver side of rte_mtr_capabilities_get. */
typedef int (*rte_mtr_capabilities_get_t)(struct rte_eth_dev *dev, struct rte_mtr_capabilities *cap,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_profile_add. */
typedef int (*rte_mtr_meter_profile_add_t)(struct rte_eth_dev *dev, uint32_t meter_profile_id,
		struct rte_mtr_meter_profile *profile, struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_profile_delete. */
typedef int (*rte_mtr_meter_profile_delete_t)(struct rte_eth_dev *dev, uint32_t meter_profile_id,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_profile_get. */
typedef struct rte_flow_meter_profile *(*rte_mtr_meter_profile_get_t)(struct rte_eth_dev *dev,
		uint32_t meter_profile_id, struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_policy_validate. */
typedef int (*rte_mtr_meter_policy_validate_t)(struct rte_eth_dev *dev,
		struct rte_mtr_meter_policy_params *policy, struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_policy_add. */
typedef int (*rte_mtr_meter_policy_add_t)(struct rte_eth_dev *dev, uint32_t policy_id,
		struct rte_mtr_meter_policy_params *policy, struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_policy_delete. */
typedef int (*rte_mtr_meter_policy_delete_t)(struct rte_eth_dev *dev, uint32_t policy_id,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_policy_get. */
typedef struct rte_flow_meter_policy *(*rte_mtr_meter_policy_get_t)(struct rte_eth_dev *dev,
		uint32_t policy_id, struct rte_mtr_error *error);
/** Driver side of rte_mtr_create. */
typedef int (*rte_mtr_create_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		struct rte_mtr_params *params, int shared, struct rte_mtr_error *error);
/** Driver side of rte_mtr_destroy. */
typedef int (*rte_mtr_destroy_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_enable. */
typedef int (*rte_mtr_meter_enable_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_disable. */
typedef int (*rte_mtr_meter_disable_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_profile_update. */
typedef int (*rte_mtr_meter_profile_update_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		uint32_t meter_profile_id, struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_policy_update. */
typedef int (*rte_mtr_meter_policy_update_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		uint32_t meter_policy_id, struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_dscp_table_update. */
typedef int (*rte_mtr_meter_dscp_table_update_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, enum rte_color *dscp_table,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_meter_vlan_table_update. */
typedef int (*rte_mtr_meter_vlan_table_update_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, enum rte_color *vlan_table,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_color_in_protocol_set. */
typedef int (*rte_mtr_meter_color_in_proto_set_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, uint32_t priority,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_color_in_protocol_get. */
typedef int (*rte_mtr_meter_color_in_proto_get_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		uint64_t *proto_mask, struct rte_mtr_error *error);
/** Driver side of rte_mtr_color_in_protocol_priority_get. */
typedef int (*rte_mtr_meter_color_in_proto_prio_get_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, uint32_t *priority,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_stats_update. */
typedef int (*rte_mtr_stats_update_t)(struct rte_eth_dev *dev, uint32_t mtr_id, uint64_t stats_mask,
		struct rte_mtr_error *error);
/** Driver side of rte_mtr_stats_read. */
typedef int (*rte_mtr_stats_read_t)(struct rte_eth_dev *dev, uint32_t mtr_id,
		struct rte_mtr_stats *stats, uint64_t *stats_mask, int clear,
		struct rte_mtr_error *error);

/** Metering operations of a driver. */
struct rte_mtr_ops {
	/** rte_mtr_capabilities_get */
	rte_mtr_capabilities_get_t capabilities_get;
	/** rte_mtr_meter_profile_add */
	rte_mtr_meter_profile_add_t meter_profile_add;
	/** rte_mtr_meter_profile_delete */
	rte_mtr_meter_profile_delete_t meter_profile_delete;
	/** rte_mtr_create */
	rte_mtr_create_t create;
	/** rte_mtr_destroy */
	rte_mtr_destroy_t destroy;
	/** rte_mtr_meter_enable */
	rte_mtr_meter_enable_t meter_enable;
	/** rte_mtr_meter_disable */
	rte_mtr_meter_disable_t meter_disable;
	/** rte_mtr_meter_profile_update */
	rte_mtr_meter_profile_update_t meter_profile_update;
	/** rte_mtr_meter_dscp_table_update */
	rte_mtr_meter_dscp_table_update_t meter_dscp_table_update;
	/** rte_mtr_meter_vlan_table_update */
	rte_mtr_meter_vlan_table_update_t meter_vlan_table_update;
	/** rte_mtr_color_in_protocol_set */
	rte_mtr_meter_color_in_proto_set_t in_proto_set;
	/** rte_mtr_color_in_protocol_get */
	rte_mtr_meter_color_in_proto_get_t in_proto_get;
	/** rte_mtr_color_in_protocol_priority_get */
	rte_mtr_meter_color_in_proto_prio_get_t in_proto_prio_get;
	/** rte_mtr_stats_update */
	rte_mtr_stats_update_t stats_update;
	/** rte_mtr_stats_read */
	rte_mtr_stats_read_t stats_read;
	/** rte_mtr_meter_policy_validate */
	rte_mtr_meter_policy_validate_t meter_policy_validate;
	/** rte_mtr_meter_policy_add */
	rte_mtr_meter_policy_add_t meter_policy_add;
	/** rte_mtr_meter_policy_delete */
	rte_mtr_meter_policy_delete_t meter_policy_delete;
	/** rte_mtr_meter_policy_update */
	rte_mtr_meter_policy_update_t meter_policy_update;
	/** rte_mtr_meter_profile_get */
	rte_mtr_meter_profile_get_t meter_profile_get;
	/** rte_mtr_meter_policy_get */
	rte_mtr_meter_policy_get_t meter_policy_get;
};

/** Fill *error (when not NULL), set rte_errno to code and return code (positive). */
static inline int
rte_mtr_error_set(struct rte_mtr_error *error, int code, enum rte_mtr_error_type type,
		const void *cause, const char *message)
{
	if (error != NULL) {
		error->type = type;
		error->cause = cause;
		error->message = message;
	}
	rte_errno = code;
	return code;
}

/** The metering operations of a port, or NULL with *error set (ENODEV, ENOSYS). */
const struct rte_mtr_ops *rte_mtr_ops_get(uint16_t port_id, struct rte_mtr_error *error);

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_MTR_DRIVER_H__ */
