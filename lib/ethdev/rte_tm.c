/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Traffic management: each call finds the driver's rte_tm_ops (through the tm_ops_get
 * operation of the port) and calls the matching member. An invalid port gives -ENODEV, a
 * driver without traffic management or without the member -ENOSYS, as in DPDK 22.11; the
 * error structure and rte_errno are filled either way.
 */
#include <errno.h>

#include <rte_errno.h>

#include "ethdev_private.h"
#include "rte_tm.h"
#include "rte_tm_driver.h"

const struct rte_tm_ops *
rte_tm_ops_get(uint16_t port_id, struct rte_tm_error *error)
{
	const struct rte_tm_ops *ops = NULL;
	struct rte_eth_dev *dev;

	if (!rte_eth_dev_is_valid_port(port_id)) {
		rte_tm_error_set(error, ENODEV, RTE_TM_ERROR_TYPE_UNSPECIFIED, NULL,
				rte_strerror(ENODEV));
		return NULL;
	}
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->tm_ops_get == NULL || dev->dev_ops->tm_ops_get(dev, &ops) != 0 ||
	    ops == NULL) {
		rte_tm_error_set(error, ENOSYS, RTE_TM_ERROR_TYPE_UNSPECIFIED, NULL,
				rte_strerror(ENOSYS));
		return NULL;
	}
	return ops;
}

/* Call member of the port's operations with the port and the given arguments. */
#define TM_FUNC(port_id, member, ...) do { \
	const struct rte_tm_ops *ops = rte_tm_ops_get(port_id, error); \
 \
	if (ops == NULL) \
		return -rte_errno; \
	if (ops->member == NULL) \
		return -rte_tm_error_set(error, ENOSYS, RTE_TM_ERROR_TYPE_UNSPECIFIED, NULL, \
				rte_strerror(ENOSYS)); \
	return ops->member(&rte_eth_devices[port_id], __VA_ARGS__); \
} while (0)

int
rte_tm_get_number_of_leaf_nodes(uint16_t port_id, uint32_t *n_leaf_nodes,
		struct rte_tm_error *error)
{
	if (rte_tm_ops_get(port_id, error) == NULL)
		return -rte_errno;
	if (n_leaf_nodes == NULL) {
		rte_tm_error_set(error, EINVAL, RTE_TM_ERROR_TYPE_UNSPECIFIED, NULL,
				rte_strerror(EINVAL));
		return -EINVAL;
	}
	/* The leaves of the hierarchy are the transmit queues. */
	*n_leaf_nodes = rte_eth_devices[port_id].data->nb_tx_queues;
	return 0;
}

int
rte_tm_node_type_get(uint16_t port_id, uint32_t node_id, int *is_leaf, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_type_get, node_id, is_leaf, error);
}

int
rte_tm_capabilities_get(uint16_t port_id, struct rte_tm_capabilities *cap,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, capabilities_get, cap, error);
}

int
rte_tm_level_capabilities_get(uint16_t port_id, uint32_t level_id,
		struct rte_tm_level_capabilities *cap, struct rte_tm_error *error)
{
	TM_FUNC(port_id, level_capabilities_get, level_id, cap, error);
}

int
rte_tm_node_capabilities_get(uint16_t port_id, uint32_t node_id,
		struct rte_tm_node_capabilities *cap, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_capabilities_get, node_id, cap, error);
}

int
rte_tm_wred_profile_add(uint16_t port_id, uint32_t wred_profile_id,
		struct rte_tm_wred_params *profile, struct rte_tm_error *error)
{
	TM_FUNC(port_id, wred_profile_add, wred_profile_id, profile, error);
}

int
rte_tm_wred_profile_delete(uint16_t port_id, uint32_t wred_profile_id, struct rte_tm_error *error)
{
	TM_FUNC(port_id, wred_profile_delete, wred_profile_id, error);
}

int
rte_tm_shared_wred_context_add_update(uint16_t port_id, uint32_t shared_wred_context_id,
		uint32_t wred_profile_id, struct rte_tm_error *error)
{
	TM_FUNC(port_id, shared_wred_context_add_update, shared_wred_context_id, wred_profile_id,
			error);
}

int
rte_tm_shared_wred_context_delete(uint16_t port_id, uint32_t shared_wred_context_id,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, shared_wred_context_delete, shared_wred_context_id, error);
}

int
rte_tm_shaper_profile_add(uint16_t port_id, uint32_t shaper_profile_id,
		struct rte_tm_shaper_params *profile, struct rte_tm_error *error)
{
	TM_FUNC(port_id, shaper_profile_add, shaper_profile_id, profile, error);
}

int
rte_tm_shaper_profile_delete(uint16_t port_id, uint32_t shaper_profile_id,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, shaper_profile_delete, shaper_profile_id, error);
}

int
rte_tm_shared_shaper_add_update(uint16_t port_id, uint32_t shared_shaper_id,
		uint32_t shaper_profile_id, struct rte_tm_error *error)
{
	TM_FUNC(port_id, shared_shaper_add_update, shared_shaper_id, shaper_profile_id, error);
}

int
rte_tm_shared_shaper_delete(uint16_t port_id, uint32_t shared_shaper_id, struct rte_tm_error *error)
{
	TM_FUNC(port_id, shared_shaper_delete, shared_shaper_id, error);
}

int
rte_tm_node_add(uint16_t port_id, uint32_t node_id, uint32_t parent_node_id, uint32_t priority,
		uint32_t weight, uint32_t level_id, struct rte_tm_node_params *params,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_add, node_id, parent_node_id, priority, weight, level_id, params,
			error);
}

int
rte_tm_node_delete(uint16_t port_id, uint32_t node_id, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_delete, node_id, error);
}

int
rte_tm_node_suspend(uint16_t port_id, uint32_t node_id, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_suspend, node_id, error);
}

int
rte_tm_node_resume(uint16_t port_id, uint32_t node_id, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_resume, node_id, error);
}

int
rte_tm_hierarchy_commit(uint16_t port_id, int clear_on_fail, struct rte_tm_error *error)
{
	TM_FUNC(port_id, hierarchy_commit, clear_on_fail, error);
}

int
rte_tm_node_parent_update(uint16_t port_id, uint32_t node_id, uint32_t parent_node_id,
		uint32_t priority, uint32_t weight, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_parent_update, node_id, parent_node_id, priority, weight, error);
}

int
rte_tm_node_shaper_update(uint16_t port_id, uint32_t node_id, uint32_t shaper_profile_id,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_shaper_update, node_id, shaper_profile_id, error);
}

int
rte_tm_node_shared_shaper_update(uint16_t port_id, uint32_t node_id, uint32_t shared_shaper_id,
		int add, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_shared_shaper_update, node_id, shared_shaper_id, add, error);
}

int
rte_tm_node_stats_update(uint16_t port_id, uint32_t node_id, uint64_t stats_mask,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_stats_update, node_id, stats_mask, error);
}

int
rte_tm_node_wfq_weight_mode_update(uint16_t port_id, uint32_t node_id, int *wfq_weight_mode,
		uint32_t n_sp_priorities, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_wfq_weight_mode_update, node_id, wfq_weight_mode, n_sp_priorities,
			error);
}

int
rte_tm_node_cman_update(uint16_t port_id, uint32_t node_id, enum rte_tm_cman_mode cman,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_cman_update, node_id, cman, error);
}

int
rte_tm_node_wred_context_update(uint16_t port_id, uint32_t node_id, uint32_t wred_profile_id,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_wred_context_update, node_id, wred_profile_id, error);
}

int
rte_tm_node_shared_wred_context_update(uint16_t port_id, uint32_t node_id,
		uint32_t shared_wred_context_id, int add, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_shared_wred_context_update, node_id, shared_wred_context_id, add,
			error);
}

int
rte_tm_node_stats_read(uint16_t port_id, uint32_t node_id, struct rte_tm_node_stats *stats,
		uint64_t *stats_mask, int clear, struct rte_tm_error *error)
{
	TM_FUNC(port_id, node_stats_read, node_id, stats, stats_mask, clear, error);
}

int
rte_tm_mark_vlan_dei(uint16_t port_id, int mark_green, int mark_yellow, int mark_red,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, mark_vlan_dei, mark_green, mark_yellow, mark_red, error);
}

int
rte_tm_mark_ip_ecn(uint16_t port_id, int mark_green, int mark_yellow, int mark_red,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, mark_ip_ecn, mark_green, mark_yellow, mark_red, error);
}

int
rte_tm_mark_ip_dscp(uint16_t port_id, int mark_green, int mark_yellow, int mark_red,
		struct rte_tm_error *error)
{
	TM_FUNC(port_id, mark_ip_dscp, mark_green, mark_yellow, mark_red, error);
}
