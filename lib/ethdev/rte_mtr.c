/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Traffic metering: each call finds the driver's rte_mtr_ops (through the mtr_ops_get
 * operation of the port) and calls the matching member. An invalid port gives -ENODEV, a
 * driver without metering or without the member -ENOSYS, as in DPDK 22.11; the error
 * structure and rte_errno are filled either way.
 */
#include <errno.h>

#include <rte_errno.h>

#include "ethdev_private.h"
#include "rte_mtr.h"
#include "rte_mtr_driver.h"

const struct rte_mtr_ops *
rte_mtr_ops_get(uint16_t port_id, struct rte_mtr_error *error)
{
	const struct rte_mtr_ops *ops = NULL;
	struct rte_eth_dev *dev;

	if (!rte_eth_dev_is_valid_port(port_id)) {
		rte_mtr_error_set(error, ENODEV, RTE_MTR_ERROR_TYPE_UNSPECIFIED, NULL,
				rte_strerror(ENODEV));
		return NULL;
	}
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops->mtr_ops_get == NULL || dev->dev_ops->mtr_ops_get(dev, &ops) != 0 ||
	    ops == NULL) {
		rte_mtr_error_set(error, ENOSYS, RTE_MTR_ERROR_TYPE_UNSPECIFIED, NULL,
				rte_strerror(ENOSYS));
		return NULL;
	}
	return ops;
}

/* Call member of the port's operations with the port and the given arguments. */
#define MTR_FUNC(port_id, member, ...) do { \
	const struct rte_mtr_ops *ops = rte_mtr_ops_get(port_id, error); \
 \
	if (ops == NULL) \
		return -rte_errno; \
	if (ops->member == NULL) \
		return -rte_mtr_error_set(error, ENOSYS, RTE_MTR_ERROR_TYPE_UNSPECIFIED, NULL, \
				rte_strerror(ENOSYS)); \
	return ops->member(&rte_eth_devices[port_id], __VA_ARGS__); \
} while (0)

/* Same for the calls that return a handle (NULL on failure). */
#define MTR_HNDL_FUNC(port_id, member, ...) do { \
	const struct rte_mtr_ops *ops = rte_mtr_ops_get(port_id, error); \
 \
	if (ops == NULL) \
		return NULL; \
	if (ops->member == NULL) { \
		rte_mtr_error_set(error, ENOSYS, RTE_MTR_ERROR_TYPE_UNSPECIFIED, NULL, \
				rte_strerror(ENOSYS)); \
		return NULL; \
	} \
	return ops->member(&rte_eth_devices[port_id], __VA_ARGS__); \
} while (0)

int
rte_mtr_capabilities_get(uint16_t port_id, struct rte_mtr_capabilities *cap,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, capabilities_get, cap, error);
}

int
rte_mtr_meter_profile_add(uint16_t port_id, uint32_t meter_profile_id,
		struct rte_mtr_meter_profile *profile, struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_profile_add, meter_profile_id, profile, error);
}

int
rte_mtr_meter_profile_delete(uint16_t port_id, uint32_t meter_profile_id,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_profile_delete, meter_profile_id, error);
}

struct rte_flow_meter_profile *
rte_mtr_meter_profile_get(uint16_t port_id, uint32_t meter_profile_id, struct rte_mtr_error *error)
{
	MTR_HNDL_FUNC(port_id, meter_profile_get, meter_profile_id, error);
}

int
rte_mtr_meter_policy_validate(uint16_t port_id, struct rte_mtr_meter_policy_params *policy,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_policy_validate, policy, error);
}

int
rte_mtr_meter_policy_add(uint16_t port_id, uint32_t policy_id,
		struct rte_mtr_meter_policy_params *policy, struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_policy_add, policy_id, policy, error);
}

struct rte_flow_meter_policy *
rte_mtr_meter_policy_get(uint16_t port_id, uint32_t policy_id, struct rte_mtr_error *error)
{
	MTR_HNDL_FUNC(port_id, meter_policy_get, policy_id, error);
}

int
rte_mtr_meter_policy_delete(uint16_t port_id, uint32_t policy_id, struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_policy_delete, policy_id, error);
}

int
rte_mtr_create(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_params *params, int shared,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, create, mtr_id, params, shared, error);
}

int
rte_mtr_destroy(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, destroy, mtr_id, error);
}

int
rte_mtr_meter_disable(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_disable, mtr_id, error);
}

int
rte_mtr_meter_enable(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_enable, mtr_id, error);
}

int
rte_mtr_meter_profile_update(uint16_t port_id, uint32_t mtr_id, uint32_t meter_profile_id,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_profile_update, mtr_id, meter_profile_id, error);
}

int
rte_mtr_meter_policy_update(uint16_t port_id, uint32_t mtr_id, uint32_t meter_policy_id,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_policy_update, mtr_id, meter_policy_id, error);
}

int
rte_mtr_meter_dscp_table_update(uint16_t port_id, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, enum rte_color *dscp_table,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_dscp_table_update, mtr_id, proto, dscp_table, error);
}

int
rte_mtr_meter_vlan_table_update(uint16_t port_id, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, enum rte_color *vlan_table,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, meter_vlan_table_update, mtr_id, proto, vlan_table, error);
}

int
rte_mtr_color_in_protocol_set(uint16_t port_id, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, uint32_t priority,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, in_proto_set, mtr_id, proto, priority, error);
}

int
rte_mtr_color_in_protocol_get(uint16_t port_id, uint32_t mtr_id, uint64_t *proto_mask,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, in_proto_get, mtr_id, proto_mask, error);
}

int
rte_mtr_color_in_protocol_priority_get(uint16_t port_id, uint32_t mtr_id,
		enum rte_mtr_color_in_protocol proto, uint32_t *priority,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, in_proto_prio_get, mtr_id, proto, priority, error);
}

int
rte_mtr_stats_update(uint16_t port_id, uint32_t mtr_id, uint64_t stats_mask,
		struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, stats_update, mtr_id, stats_mask, error);
}

int
rte_mtr_stats_read(uint16_t port_id, uint32_t mtr_id, struct rte_mtr_stats *stats,
		uint64_t *stats_mask, int clear, struct rte_mtr_error *error)
{
	MTR_FUNC(port_id, stats_read, mtr_id, stats, stats_mask, clear, error);
}
