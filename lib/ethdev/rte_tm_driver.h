/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * For drivers: the traffic management operations a driver returns from its tm_ops_get
 * operation (struct eth_dev_ops). A NULL member is an operation the driver does not support
 * (-ENOSYS).
 */
#ifndef __INCLUDE_RTE_TM_DRIVER_H__
#define __INCLUDE_RTE_TM_DRIVER_H__

#include <stdint.h>

#include <rte_errno.h>

#include "rte_ethdev.h"
#include "ethdev_driver.h"
#include "rte_tm.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Driver side of rte_tm_node_type_get. */
typedef int (*rte_tm_node_type_get_t)(struct rte_eth_dev *dev, uint32_t node_id, int *is_leaf,
		struct rte_tm_error *error);
/** Driver side of rte_tm_capabilities_get. */
typedef int (*rte_tm_capabilities_get_t)(struct rte_eth_dev *dev, struct rte_tm_capabilities *cap,
		struct rte_tm_error *error);
/** Driver side of rte_tm_level_capabilities_get. */
typedef int (*rte_tm_level_capabilities_get_t)(struct rte_eth_dev *dev, uint32_t level_id,
		struct rte_tm_level_capabilities *cap, struct rte_tm_error *error);
/** Driver side of rte_tm_node_capabilities_get. */
typedef int (*rte_tm_node_capabilities_get_t)(struct rte_eth_dev *dev, uint32_t node_id,
		struct rte_tm_node_capabilities *cap, struct rte_tm_error *error);
/** Driver side of rte_tm_wred_profile_add. */
typedef int (*rte_tm_wred_profile_add_t)(struct rte_eth_dev *dev, uint32_t wred_profile_id,
		struct rte_tm_wred_params *profile, struct rte_tm_error *error);
/** Driver side of rte_tm_wred_profile_delete. */
typedef int (*rte_tm_wred_profile_delete_t)(struct rte_eth_dev *dev, uint32_t wred_profile_id,
		struct rte_tm_error *error);
/** Driver side of rte_tm_shared_wred_context_add_update. */
typedef int (*rte_tm_shared_wred_context_add_update_t)(struct rte_eth_dev *dev,
		uint32_t shared_wred_context_id, uint32_t wred_profile_id,
		struct rte_tm_error *error);
/** Driver side of rte_tm_shared_wred_context_delete. */
typedef int (*rte_tm_shared_wred_context_delete_t)(struct rte_eth_dev *dev,
		uint32_t shared_wred_context_id, struct rte_tm_error *error);
/** Driver side of rte_tm_shaper_profile_add. */
typedef int (*rte_tm_shaper_profile_add_t)(struct rte_eth_dev *dev, uint32_t shaper_profile_id,
		struct rte_tm_shaper_params *profile, struct rte_tm_error *error);
/** Driver side of rte_tm_shaper_profile_delete. */
typedef int (*rte_tm_shaper_profile_delete_t)(struct rte_eth_dev *dev, uint32_t shaper_profile_id,
		struct rte_tm_error *error);
/** Driver side of rte_tm_shared_shaper_add_update. */
typedef int (*rte_tm_shared_shaper_add_update_t)(struct rte_eth_dev *dev, uint32_t shared_shaper_id,
		uint32_t shaper_profile_id, struct rte_tm_error *error);
/** Driver side of rte_tm_shared_shaper_delete. */
typedef int (*rte_tm_shared_shaper_delete_t)(struct rte_eth_dev *dev, uint32_t shared_shaper_id,
		struct rte_tm_error *error);
/** Driver side of rte_tm_node_add. */
typedef int (*rte_tm_node_add_t)(struct rte_eth_dev *dev, uint32_t node_id, uint32_t parent_node_id,
		uint32_t priority, uint32_t weight, uint32_t level_id,
		struct rte_tm_node_params *params, struct rte_tm_error *error);
/** Driver side of rte_tm_node_delete. */
typedef int (*rte_tm_node_delete_t)(struct rte_eth_dev *dev, uint32_t node_id,
		struct rte_tm_error *error);
/** Driver side of rte_tm_node_suspend. */
typedef int (*rte_tm_node_suspend_t)(struct rte_eth_dev *dev, uint32_t node_id,
		struct rte_tm_error *error);
/** Driver side of rte_tm_node_resume. */
typedef int (*rte_tm_node_resume_t)(struct rte_eth_dev *dev, uint32_t node_id,
		struct rte_tm_error *error);
/** Driver side of rte_tm_hierarchy_commit. */
typedef int (*rte_tm_hierarchy_commit_t)(struct rte_eth_dev *dev, int clear_on_fail,
		struct rte_tm_error *error);
/** Driver side of rte_tm_node_parent_update. */
typedef int (*rte_tm_node_parent_update_t)(struct rte_eth_dev *dev, uint32_t node_id,
		uint32_t parent_node_id, uint32_t priority, uint32_t weight,
		struct rte_tm_error *error);
/** Driver side of rte_tm_node_shaper_update. */
typedef int (*rte_tm_node_shaper_update_t)(struct rte_eth_dev *dev, uint32_t node_id,
		uint32_t shaper_profile_id, struct rte_tm_error *error);
/** Driver side of rte_tm_node_shared_shaper_update. */
typedef int (*rte_tm_node_shared_shaper_update_t)(struct rte_eth_dev *dev, uint32_t node_id,
		uint32_t shared_shaper_id, int32_t add, struct rte_tm_error *error);
/** Driver side of rte_tm_node_stats_update. */
typedef int (*rte_tm_node_stats_update_t)(struct rte_eth_dev *dev, uint32_t node_id,
		uint64_t stats_mask, struct rte_tm_error *error);
/** Driver side of rte_tm_node_wfq_weight_mode_update. */
typedef int (*rte_tm_node_wfq_weight_mode_update_t)(struct rte_eth_dev *dev, uint32_t node_id,
		int *wfq_weight_mode, uint32_t n_sp_priorities, struct rte_tm_error *error);
/** Driver side of rte_tm_node_cman_update. */
typedef int (*rte_tm_node_cman_update_t)(struct rte_eth_dev *dev, uint32_t node_id,
		enum rte_tm_cman_mode cman, struct rte_tm_error *error);
/** Driver side of rte_tm_node_wred_context_update. */
typedef int (*rte_tm_node_wred_context_update_t)(struct rte_eth_dev *dev, uint32_t node_id,
		uint32_t wred_profile_id, struct rte_tm_error *error);
/** Driver side of rte_tm_node_shared_wred_context_update. */
typedef int (*rte_tm_node_shared_wred_context_update_t)(struct rte_eth_dev *dev, uint32_t node_id,
		uint32_t shared_wred_context_id, int add, struct rte_tm_error *error);
/** Driver side of rte_tm_node_stats_read. */
typedef int (*rte_tm_node_stats_read_t)(struct rte_eth_dev *dev, uint32_t node_id,
		struct rte_tm_node_stats *stats, uint64_t *stats_mask, int clear,
		struct rte_tm_error *error);
/** Driver side of rte_tm_mark_vlan_dei. */
typedef int (*rte_tm_mark_vlan_dei_t)(struct rte_eth_dev *dev, int mark_green, int mark_yellow,
		int mark_red, struct rte_tm_error *error);
/** Driver side of rte_tm_mark_ip_ecn. */
typedef int (*rte_tm_mark_ip_ecn_t)(struct rte_eth_dev *dev, int mark_green, int mark_yellow,
		int mark_red, struct rte_tm_error *error);
/** Driver side of rte_tm_mark_ip_dscp. */
typedef int (*rte_tm_mark_ip_dscp_t)(struct rte_eth_dev *dev, int mark_green, int mark_yellow,
		int mark_red, struct rte_tm_error *error);

/** Traffic management operations of a driver. */
struct rte_tm_ops {
	/** rte_tm_node_type_get */
	rte_tm_node_type_get_t node_type_get;
	/** rte_tm_capabilities_get */
	rte_tm_capabilities_get_t capabilities_get;
	/** rte_tm_level_capabilities_get */
	rte_tm_level_capabilities_get_t level_capabilities_get;
	/** rte_tm_node_capabilities_get */
	rte_tm_node_capabilities_get_t node_capabilities_get;
	/** rte_tm_wred_profile_add */
	rte_tm_wred_profile_add_t wred_profile_add;
	/** rte_tm_wred_profile_delete */
	rte_tm_wred_profile_delete_t wred_profile_delete;
	/** rte_tm_shared_wred_context_add_update */
	rte_tm_shared_wred_context_add_update_t shared_wred_context_add_update;
	/** rte_tm_shared_wred_context_delete */
	rte_tm_shared_wred_context_delete_t shared_wred_context_delete;
	/** rte_tm_shaper_profile_add */
	rte_tm_shaper_profile_add_t shaper_profile_add;
	/** rte_tm_shaper_profile_delete */
	rte_tm_shaper_profile_delete_t shaper_profile_delete;
	/** rte_tm_shared_shaper_add_update */
	rte_tm_shared_shaper_add_update_t shared_shaper_add_update;
	/** rte_tm_shared_shaper_delete */
	rte_tm_shared_shaper_delete_t shared_shaper_delete;
	/** rte_tm_node_add */
	rte_tm_node_add_t node_add;
	/** rte_tm_node_delete */
	rte_tm_node_delete_t node_delete;
	/** rte_tm_node_suspend */
	rte_tm_node_suspend_t node_suspend;
	/** rte_tm_node_resume */
	rte_tm_node_resume_t node_resume;
	/** rte_tm_hierarchy_commit */
	rte_tm_hierarchy_commit_t hierarchy_commit;
	/** rte_tm_node_parent_update */
	rte_tm_node_parent_update_t node_parent_update;
	/** rte_tm_node_shaper_update */
	rte_tm_node_shaper_update_t node_shaper_update;
	/** rte_tm_node_shared_shaper_update */
	rte_tm_node_shared_shaper_update_t node_shared_shaper_update;
	/** rte_tm_node_stats_update */
	rte_tm_node_stats_update_t node_stats_update;
	/** rte_tm_node_wfq_weight_mode_update */
	rte_tm_node_wfq_weight_mode_update_t node_wfq_weight_mode_update;
	/** rte_tm_node_cman_update */
	rte_tm_node_cman_update_t node_cman_update;
	/** rte_tm_node_wred_context_update */
	rte_tm_node_wred_context_update_t node_wred_context_update;
	/** rte_tm_node_shared_wred_context_update */
	rte_tm_node_shared_wred_context_update_t node_shared_wred_context_update;
	/** rte_tm_node_stats_read */
	rte_tm_node_stats_read_t node_stats_read;
	/** rte_tm_mark_vlan_dei */
	rte_tm_mark_vlan_dei_t mark_vlan_dei;
	/** rte_tm_mark_ip_ecn */
	rte_tm_mark_ip_ecn_t mark_ip_ecn;
	/** rte_tm_mark_ip_dscp */
	rte_tm_mark_ip_dscp_t mark_ip_dscp;
};

/** Fill *error (when not NULL), set rte_errno to code and return code (positive). */
static inline int
rte_tm_error_set(struct rte_tm_error *error, int code, enum rte_tm_error_type type,
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

/** The traffic management operations of a port, or NULL with *error set (ENODEV, ENOSYS). */
const struct rte_tm_ops *rte_tm_ops_get(uint16_t port_id, struct rte_tm_error *error);

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_TM_DRIVER_H__ */
