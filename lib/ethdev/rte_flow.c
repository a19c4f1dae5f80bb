/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The generic flow API: checks, then the driver's flow operations (rte_flow_ops, obtained
 * through the flow_ops_get operation of the port). A port whose driver has no flow support
 * answers ENOSYS for the classic calls and ENOTSUP for the newer ones, as DPDK 22.11 does.
 * Also rte_flow_conv, which copies attributes, patterns and actions into one buffer and names
 * item and action types.
 */
#include <errno.h>
#include <stdalign.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_string_fns.h>

#include "ethdev_private.h"
#include "rte_flow.h"
#include "rte_flow_driver.h"

static const char *const flow_item_names[] = {
	[RTE_FLOW_ITEM_TYPE_END] = "END",
	[RTE_FLOW_ITEM_TYPE_VOID] = "VOID",
	[RTE_FLOW_ITEM_TYPE_INVERT] = "INVERT",
	[RTE_FLOW_ITEM_TYPE_ANY] = "ANY",
	[RTE_FLOW_ITEM_TYPE_PORT_ID] = "PORT_ID",
	[RTE_FLOW_ITEM_TYPE_RAW] = "RAW",
	[RTE_FLOW_ITEM_TYPE_ETH] = "ETH",
	[RTE_FLOW_ITEM_TYPE_VLAN] = "VLAN",
	[RTE_FLOW_ITEM_TYPE_IPV4] = "IPV4",
	[RTE_FLOW_ITEM_TYPE_IPV6] = "IPV6",
	[RTE_FLOW_ITEM_TYPE_ICMP] = "ICMP",
	[RTE_FLOW_ITEM_TYPE_UDP] = "UDP",
	[RTE_FLOW_ITEM_TYPE_TCP] = "TCP",
	[RTE_FLOW_ITEM_TYPE_SCTP] = "SCTP",
	[RTE_FLOW_ITEM_TYPE_VXLAN] = "VXLAN",
	[RTE_FLOW_ITEM_TYPE_E_TAG] = "E_TAG",
	[RTE_FLOW_ITEM_TYPE_NVGRE] = "NVGRE",
	[RTE_FLOW_ITEM_TYPE_MPLS] = "MPLS",
	[RTE_FLOW_ITEM_TYPE_GRE] = "GRE",
	[RTE_FLOW_ITEM_TYPE_FUZZY] = "FUZZY",
	[RTE_FLOW_ITEM_TYPE_GTP] = "GTP",
	[RTE_FLOW_ITEM_TYPE_GTPC] = "GTPC",
	[RTE_FLOW_ITEM_TYPE_GTPU] = "GTPU",
	[RTE_FLOW_ITEM_TYPE_ESP] = "ESP",
	[RTE_FLOW_ITEM_TYPE_GENEVE] = "GENEVE",
	[RTE_FLOW_ITEM_TYPE_VXLAN_GPE] = "VXLAN_GPE",
	[RTE_FLOW_ITEM_TYPE_ARP_ETH_IPV4] = "ARP_ETH_IPV4",
	[RTE_FLOW_ITEM_TYPE_IPV6_EXT] = "IPV6_EXT",
	[RTE_FLOW_ITEM_TYPE_ICMP6] = "ICMP6",
	[RTE_FLOW_ITEM_TYPE_ICMP6_ND_NS] = "ICMP6_ND_NS",
	[RTE_FLOW_ITEM_TYPE_ICMP6_ND_NA] = "ICMP6_ND_NA",
	[RTE_FLOW_ITEM_TYPE_ICMP6_ND_OPT] = "ICMP6_ND_OPT",
	[RTE_FLOW_ITEM_TYPE_ICMP6_ND_OPT_SLA_ETH] = "ICMP6_ND_OPT_SLA_ETH",
	[RTE_FLOW_ITEM_TYPE_ICMP6_ND_OPT_TLA_ETH] = "ICMP6_ND_OPT_TLA_ETH",
	[RTE_FLOW_ITEM_TYPE_MARK] = "MARK",
	[RTE_FLOW_ITEM_TYPE_META] = "META",
	[RTE_FLOW_ITEM_TYPE_GRE_KEY] = "GRE_KEY",
	[RTE_FLOW_ITEM_TYPE_GTP_PSC] = "GTP_PSC",
	[RTE_FLOW_ITEM_TYPE_PPPOES] = "PPPOES",
	[RTE_FLOW_ITEM_TYPE_PPPOED] = "PPPOED",
	[RTE_FLOW_ITEM_TYPE_PPPOE_PROTO_ID] = "PPPOE_PROTO_ID",
	[RTE_FLOW_ITEM_TYPE_NSH] = "NSH",
	[RTE_FLOW_ITEM_TYPE_IGMP] = "IGMP",
	[RTE_FLOW_ITEM_TYPE_AH] = "AH",
	[RTE_FLOW_ITEM_TYPE_HIGIG2] = "HIGIG2",
	[RTE_FLOW_ITEM_TYPE_TAG] = "TAG",
	[RTE_FLOW_ITEM_TYPE_L2TPV3OIP] = "L2TPV3OIP",
	[RTE_FLOW_ITEM_TYPE_PFCP] = "PFCP",
	[RTE_FLOW_ITEM_TYPE_ECPRI] = "ECPRI",
	[RTE_FLOW_ITEM_TYPE_IPV6_FRAG_EXT] = "IPV6_FRAG_EXT",
	[RTE_FLOW_ITEM_TYPE_GENEVE_OPT] = "GENEVE_OPT",
	[RTE_FLOW_ITEM_TYPE_INTEGRITY] = "INTEGRITY",
	[RTE_FLOW_ITEM_TYPE_CONNTRACK] = "CONNTRACK",
	[RTE_FLOW_ITEM_TYPE_PORT_REPRESENTOR] = "PORT_REPRESENTOR",
	[RTE_FLOW_ITEM_TYPE_REPRESENTED_PORT] = "REPRESENTED_PORT",
	[RTE_FLOW_ITEM_TYPE_FLEX] = "FLEX",
	[RTE_FLOW_ITEM_TYPE_L2TPV2] = "L2TPV2",
	[RTE_FLOW_ITEM_TYPE_PPP] = "PPP",
	[RTE_FLOW_ITEM_TYPE_GRE_OPTION] = "GRE_OPTION",
	[RTE_FLOW_ITEM_TYPE_MACSEC] = "MACSEC",
	[RTE_FLOW_ITEM_TYPE_METER_COLOR] = "METER_COLOR",
};

static const char *const flow_action_names[] = {
	[RTE_FLOW_ACTION_TYPE_END] = "END",
	[RTE_FLOW_ACTION_TYPE_VOID] = "VOID",
	[RTE_FLOW_ACTION_TYPE_PASSTHRU] = "PASSTHRU",
	[RTE_FLOW_ACTION_TYPE_JUMP] = "JUMP",
	[RTE_FLOW_ACTION_TYPE_MARK] = "MARK",
	[RTE_FLOW_ACTION_TYPE_FLAG] = "FLAG",
	[RTE_FLOW_ACTION_TYPE_QUEUE] = "QUEUE",
	[RTE_FLOW_ACTION_TYPE_DROP] = "DROP",
	[RTE_FLOW_ACTION_TYPE_COUNT] = "COUNT",
	[RTE_FLOW_ACTION_TYPE_RSS] = "RSS",
	[RTE_FLOW_ACTION_TYPE_PF] = "PF",
	[RTE_FLOW_ACTION_TYPE_VF] = "VF",
	[RTE_FLOW_ACTION_TYPE_PORT_ID] = "PORT_ID",
	[RTE_FLOW_ACTION_TYPE_METER] = "METER",
	[RTE_FLOW_ACTION_TYPE_SECURITY] = "SECURITY",
	[RTE_FLOW_ACTION_TYPE_OF_DEC_NW_TTL] = "OF_DEC_NW_TTL",
	[RTE_FLOW_ACTION_TYPE_OF_POP_VLAN] = "OF_POP_VLAN",
	[RTE_FLOW_ACTION_TYPE_OF_PUSH_VLAN] = "OF_PUSH_VLAN",
	[RTE_FLOW_ACTION_TYPE_OF_SET_VLAN_VID] = "OF_SET_VLAN_VID",
	[RTE_FLOW_ACTION_TYPE_OF_SET_VLAN_PCP] = "OF_SET_VLAN_PCP",
	[RTE_FLOW_ACTION_TYPE_OF_POP_MPLS] = "OF_POP_MPLS",
	[RTE_FLOW_ACTION_TYPE_OF_PUSH_MPLS] = "OF_PUSH_MPLS",
	[RTE_FLOW_ACTION_TYPE_VXLAN_ENCAP] = "VXLAN_ENCAP",
	[RTE_FLOW_ACTION_TYPE_VXLAN_DECAP] = "VXLAN_DECAP",
	[RTE_FLOW_ACTION_TYPE_NVGRE_ENCAP] = "NVGRE_ENCAP",
	[RTE_FLOW_ACTION_TYPE_NVGRE_DECAP] = "NVGRE_DECAP",
	[RTE_FLOW_ACTION_TYPE_RAW_ENCAP] = "RAW_ENCAP",
	[RTE_FLOW_ACTION_TYPE_RAW_DECAP] = "RAW_DECAP",
	[RTE_FLOW_ACTION_TYPE_SET_IPV4_SRC] = "SET_IPV4_SRC",
	[RTE_FLOW_ACTION_TYPE_SET_IPV4_DST] = "SET_IPV4_DST",
	[RTE_FLOW_ACTION_TYPE_SET_IPV6_SRC] = "SET_IPV6_SRC",
	[RTE_FLOW_ACTION_TYPE_SET_IPV6_DST] = "SET_IPV6_DST",
	[RTE_FLOW_ACTION_TYPE_SET_TP_SRC] = "SET_TP_SRC",
	[RTE_FLOW_ACTION_TYPE_SET_TP_DST] = "SET_TP_DST",
	[RTE_FLOW_ACTION_TYPE_MAC_SWAP] = "MAC_SWAP",
	[RTE_FLOW_ACTION_TYPE_DEC_TTL] = "DEC_TTL",
	[RTE_FLOW_ACTION_TYPE_SET_TTL] = "SET_TTL",
	[RTE_FLOW_ACTION_TYPE_SET_MAC_SRC] = "SET_MAC_SRC",
	[RTE_FLOW_ACTION_TYPE_SET_MAC_DST] = "SET_MAC_DST",
	[RTE_FLOW_ACTION_TYPE_INC_TCP_SEQ] = "INC_TCP_SEQ",
	[RTE_FLOW_ACTION_TYPE_DEC_TCP_SEQ] = "DEC_TCP_SEQ",
	[RTE_FLOW_ACTION_TYPE_INC_TCP_ACK] = "INC_TCP_ACK",
	[RTE_FLOW_ACTION_TYPE_DEC_TCP_ACK] = "DEC_TCP_ACK",
	[RTE_FLOW_ACTION_TYPE_SET_TAG] = "SET_TAG",
	[RTE_FLOW_ACTION_TYPE_SET_META] = "SET_META",
	[RTE_FLOW_ACTION_TYPE_SET_IPV4_DSCP] = "SET_IPV4_DSCP",
	[RTE_FLOW_ACTION_TYPE_SET_IPV6_DSCP] = "SET_IPV6_DSCP",
	[RTE_FLOW_ACTION_TYPE_AGE] = "AGE",
	[RTE_FLOW_ACTION_TYPE_SAMPLE] = "SAMPLE",
	[RTE_FLOW_ACTION_TYPE_SHARED] = "SHARED",
	[RTE_FLOW_ACTION_TYPE_MODIFY_FIELD] = "MODIFY_FIELD",
	[RTE_FLOW_ACTION_TYPE_INDIRECT] = "INDIRECT",
	[RTE_FLOW_ACTION_TYPE_CONNTRACK] = "CONNTRACK",
	[RTE_FLOW_ACTION_TYPE_METER_COLOR] = "METER_COLOR",
	[RTE_FLOW_ACTION_TYPE_PORT_REPRESENTOR] = "PORT_REPRESENTOR",
	[RTE_FLOW_ACTION_TYPE_REPRESENTED_PORT] = "REPRESENTED_PORT",
	[RTE_FLOW_ACTION_TYPE_METER_MARK] = "METER_MARK",
	[RTE_FLOW_ACTION_TYPE_SEND_TO_KERNEL] = "SEND_TO_KERNEL",
};

/*
 * Size of the configuration of each item and action type this tree describes; -1 for those
 * it does not (rte_flow_conv cannot copy them), 0 for those without configuration.
 */
static int
flow_item_size(enum rte_flow_item_type t)
{
	switch (t) {
	case RTE_FLOW_ITEM_TYPE_END:
	case RTE_FLOW_ITEM_TYPE_VOID:
	case RTE_FLOW_ITEM_TYPE_INVERT:
		return 0;
	case RTE_FLOW_ITEM_TYPE_ANY: return sizeof(struct rte_flow_item_any);
	case RTE_FLOW_ITEM_TYPE_PORT_ID: return sizeof(struct rte_flow_item_port_id);
	case RTE_FLOW_ITEM_TYPE_ETH: return sizeof(struct rte_flow_item_eth);
	case RTE_FLOW_ITEM_TYPE_VLAN: return sizeof(struct rte_flow_item_vlan);
	case RTE_FLOW_ITEM_TYPE_IPV4: return sizeof(struct rte_flow_item_ipv4);
	case RTE_FLOW_ITEM_TYPE_IPV6: return sizeof(struct rte_flow_item_ipv6);
	case RTE_FLOW_ITEM_TYPE_UDP: return sizeof(struct rte_flow_item_udp);
	case RTE_FLOW_ITEM_TYPE_TCP: return sizeof(struct rte_flow_item_tcp);
	case RTE_FLOW_ITEM_TYPE_MARK: return sizeof(struct rte_flow_item_mark);
	case RTE_FLOW_ITEM_TYPE_META: return sizeof(struct rte_flow_item_meta);
	case RTE_FLOW_ITEM_TYPE_TAG: return sizeof(struct rte_flow_item_tag);
	case RTE_FLOW_ITEM_TYPE_PORT_REPRESENTOR:
	case RTE_FLOW_ITEM_TYPE_REPRESENTED_PORT:
		return sizeof(struct rte_flow_item_ethdev);
	default:
		return -1;
	}
}

static int
flow_action_size(enum rte_flow_action_type t)
{
	switch (t) {
	case RTE_FLOW_ACTION_TYPE_END:
	case RTE_FLOW_ACTION_TYPE_VOID:
	case RTE_FLOW_ACTION_TYPE_PASSTHRU:
	case RTE_FLOW_ACTION_TYPE_FLAG:
	case RTE_FLOW_ACTION_TYPE_DROP:
	case RTE_FLOW_ACTION_TYPE_PF:
	case RTE_FLOW_ACTION_TYPE_OF_POP_VLAN:
	case RTE_FLOW_ACTION_TYPE_VXLAN_DECAP:
	case RTE_FLOW_ACTION_TYPE_NVGRE_DECAP:
	case RTE_FLOW_ACTION_TYPE_MAC_SWAP:
	case RTE_FLOW_ACTION_TYPE_DEC_TTL:
	case RTE_FLOW_ACTION_TYPE_SEND_TO_KERNEL:
		return 0;
	case RTE_FLOW_ACTION_TYPE_JUMP: return sizeof(struct rte_flow_action_jump);
	case RTE_FLOW_ACTION_TYPE_MARK: return sizeof(struct rte_flow_action_mark);
	case RTE_FLOW_ACTION_TYPE_QUEUE: return sizeof(struct rte_flow_action_queue);
	case RTE_FLOW_ACTION_TYPE_COUNT: return sizeof(struct rte_flow_action_count);
	case RTE_FLOW_ACTION_TYPE_RSS: return sizeof(struct rte_flow_action_rss);
	case RTE_FLOW_ACTION_TYPE_VF: return sizeof(struct rte_flow_action_vf);
	case RTE_FLOW_ACTION_TYPE_PORT_ID: return sizeof(struct rte_flow_action_port_id);
	case RTE_FLOW_ACTION_TYPE_SET_TAG: return sizeof(struct rte_flow_action_set_tag);
	case RTE_FLOW_ACTION_TYPE_SET_META: return sizeof(struct rte_flow_action_set_meta);
	case RTE_FLOW_ACTION_TYPE_METER_COLOR:
		return sizeof(struct rte_flow_action_meter_color);
	case RTE_FLOW_ACTION_TYPE_PORT_REPRESENTOR:
	case RTE_FLOW_ACTION_TYPE_REPRESENTED_PORT:
		return sizeof(struct rte_flow_action_ethdev);
	default:
		return -1;
	}
}

int
rte_flow_error_set(struct rte_flow_error *error, int code, enum rte_flow_error_type type,
		const void *cause, const char *message)
{
	if (error != NULL) {
		error->type = type;
		error->cause = cause;
		error->message = message;
	}
	rte_errno = code;
	return -code;
}

/* The driver's error, or EIO when the device went away meanwhile. */
static int
flow_err(uint16_t port_id, int ret, struct rte_flow_error *error)
{
	if (ret == 0)
		return 0;
	if (rte_eth_dev_is_removed(port_id))
		return rte_flow_error_set(error, EIO, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
				rte_strerror(EIO));
	return ret;
}

static int
flow_unsupported(struct rte_flow_error *error, int code)
{
	return rte_flow_error_set(error, code, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
			rte_strerror(code));
}

const struct rte_flow_ops *
rte_flow_ops_get(uint16_t port_id, struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = NULL;
	struct rte_eth_dev *dev;
	int code;

	if (!rte_eth_dev_is_valid_port(port_id)) {
		code = ENODEV;
	} else {
		dev = &rte_eth_devices[port_id];
		if (dev->dev_ops == NULL || dev->dev_ops->flow_ops_get == NULL)
			code = ENOSYS;
		else
			code = -dev->dev_ops->flow_ops_get(dev, &ops);
		if (code == 0 && ops == NULL)
			code = ENOSYS;
	}
	if (code != 0) {
		rte_flow_error_set(error, code, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
				rte_strerror(code));
		return NULL;
	}
	return ops;
}

/*
 * Common shape of a call: the operations, then the driver's member (absent: code), then
 * the driver's answer (through flow_err). The port is valid once ops is not NULL.
 */
#define FLOW_CALL(port_id, error, member, code, ...) do { \
	const struct rte_flow_ops *ops_ = rte_flow_ops_get(port_id, error); \
 \
	if (ops_ == NULL) \
		return -rte_errno; \
	if (ops_->member == NULL) \
		return flow_unsupported(error, code); \
	return flow_err(port_id, ops_->member(&rte_eth_devices[port_id], __VA_ARGS__), \
			error); \
} while (0)

/* Same for calls returning a pointer (NULL on failure, rte_errno set). */
#define FLOW_CALL_PTR(port_id, error, member, code, ...) do { \
	const struct rte_flow_ops *ops_ = rte_flow_ops_get(port_id, error); \
	void *ret_; \
 \
	if (ops_ == NULL) \
		return NULL; \
	if (ops_->member == NULL) { \
		flow_unsupported(error, code); \
		return NULL; \
	} \
	ret_ = ops_->member(&rte_eth_devices[port_id], __VA_ARGS__); \
	if (ret_ == NULL) \
		flow_err(port_id, -rte_errno, error); \
	return ret_; \
} while (0)

int
rte_flow_validate(uint16_t port_id, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error)
{
	if (attr != NULL && attr->transfer && (attr->ingress || attr->egress))
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ATTR, attr,
				"cannot use attr ingress/egress with attr transfer");
	FLOW_CALL(port_id, error, validate, ENOSYS, attr, pattern, actions, error);
}

struct rte_flow *
rte_flow_create(uint16_t port_id, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error)
{
	FLOW_CALL_PTR(port_id, error, create, ENOSYS, attr, pattern, actions, error);
}

int
rte_flow_destroy(uint16_t port_id, struct rte_flow *flow, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, destroy, ENOSYS, flow, error);
}

int
rte_flow_flush(uint16_t port_id, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, flush, ENOSYS, error);
}

int
rte_flow_query(uint16_t port_id, struct rte_flow *flow, const struct rte_flow_action *action,
		void *data, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, query, ENOSYS, flow, action, data, error);
}

int
rte_flow_isolate(uint16_t port_id, int set, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, isolate, ENOSYS, set, error);
}

int
rte_flow_dev_dump(uint16_t port_id, struct rte_flow *flow, FILE *file,
		struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, dev_dump, ENOSYS, flow, file, error);
}

int
rte_flow_get_aged_flows(uint16_t port_id, void **contexts, uint32_t nb_contexts,
		struct rte_flow_error *error)
{
	if (nb_contexts > 0 && contexts == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
				"NULL contexts array");
	FLOW_CALL(port_id, error, get_aged_flows, ENOTSUP, contexts, nb_contexts, error);
}

int
rte_flow_get_q_aged_flows(uint16_t port_id, uint32_t queue_id, void **contexts,
		uint32_t nb_contexts, struct rte_flow_error *error)
{
	if (nb_contexts > 0 && contexts == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
				"NULL contexts array");
	FLOW_CALL(port_id, error, get_q_aged_flows, ENOTSUP, queue_id, contexts, nb_contexts,
			error);
}

struct rte_flow_action_handle *
rte_flow_action_handle_create(uint16_t port_id, const struct rte_flow_indir_action_conf *conf,
		const struct rte_flow_action *action, struct rte_flow_error *error)
{
	FLOW_CALL_PTR(port_id, error, action_handle_create, ENOSYS, conf, action, error);
}

int
rte_flow_action_handle_destroy(uint16_t port_id, struct rte_flow_action_handle *handle,
		struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, action_handle_destroy, ENOSYS, handle, error);
}

int
rte_flow_action_handle_update(uint16_t port_id, struct rte_flow_action_handle *handle,
		const void *update, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, action_handle_update, ENOSYS, handle, update, error);
}

int
rte_flow_action_handle_query(uint16_t port_id, const struct rte_flow_action_handle *handle,
		void *data, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, action_handle_query, ENOSYS, handle, data, error);
}

int
rte_flow_tunnel_decap_set(uint16_t port_id, struct rte_flow_tunnel *tunnel,
		struct rte_flow_action **actions, uint32_t *num_of_actions,
		struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, tunnel_decap_set, ENOTSUP, tunnel, actions, num_of_actions,
			error);
}

int
rte_flow_tunnel_match(uint16_t port_id, struct rte_flow_tunnel *tunnel,
		struct rte_flow_item **items, uint32_t *num_of_items, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, tunnel_match, ENOTSUP, tunnel, items, num_of_items, error);
}

int
rte_flow_get_restore_info(uint16_t port_id, struct rte_mbuf *m,
		struct rte_flow_restore_info *info, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, get_restore_info, ENOTSUP, m, info, error);
}

int
rte_flow_tunnel_action_decap_release(uint16_t port_id, struct rte_flow_action *actions,
		uint32_t num_of_actions, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, tunnel_action_decap_release, ENOTSUP, actions, num_of_actions,
			error);
}

int
rte_flow_tunnel_item_release(uint16_t port_id, struct rte_flow_item *items,
		uint32_t num_of_items, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, tunnel_item_release, ENOTSUP, items, num_of_items, error);
}

int
rte_flow_pick_transfer_proxy(uint16_t port_id, uint16_t *proxy_port_id,
		struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops;

	if (proxy_port_id == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
				"NULL proxy_port_id");
	ops = rte_flow_ops_get(port_id, error);
	if (ops == NULL)
		return -rte_errno;
	if (ops->pick_transfer_proxy == NULL) {
		/* No proxy: the port handles its own transfer rules. */
		*proxy_port_id = port_id;
		return 0;
	}
	return flow_err(port_id, ops->pick_transfer_proxy(&rte_eth_devices[port_id],
			proxy_port_id, error), error);
}

struct rte_flow_item_flex_handle *
rte_flow_flex_item_create(uint16_t port_id, const struct rte_flow_item_flex_conf *conf,
		struct rte_flow_error *error)
{
	FLOW_CALL_PTR(port_id, error, flex_item_create, ENOTSUP, conf, error);
}

int
rte_flow_flex_item_release(uint16_t port_id, const struct rte_flow_item_flex_handle *handle,
		struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, flex_item_release, ENOTSUP, handle, error);
}

/* ---- template and asynchronous API ---- */

static int
flow_engine_state(uint16_t port_id, int need_flow_configured, struct rte_flow_error *error)
{
	const struct rte_eth_dev_data *d = rte_eth_devices[port_id].data;

	if (!d->dev_configured) {
		ETHDEV_LOG(ERR, "flow engine of port %u: port not configured", port_id);
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_STATE, NULL,
				"port not configured");
	}
	if (need_flow_configured && !d->flow_configured) {
		ETHDEV_LOG(ERR, "flow engine of port %u: not configured", port_id);
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_STATE, NULL,
				"flow engine not configured");
	}
	return 0;
}

static int
flow_null_arg(uint16_t port_id, const void *p, enum rte_flow_error_type type, const char *what,
		struct rte_flow_error *error)
{
	if (p != NULL)
		return 0;
	ETHDEV_LOG(ERR, "flow call on port %u: NULL %s", port_id, what);
	return rte_flow_error_set(error, EINVAL, type, NULL, what);
}

int
rte_flow_info_get(uint16_t port_id, struct rte_flow_port_info *port_info,
		struct rte_flow_queue_info *queue_info, struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = rte_flow_ops_get(port_id, error);

	if (ops == NULL)
		return -rte_errno;
	if (flow_engine_state(port_id, 0, error) != 0 ||
	    flow_null_arg(port_id, port_info, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, "port_info",
			error) != 0)
		return -rte_errno;
	if (ops->info_get == NULL)
		return flow_unsupported(error, ENOTSUP);
	return flow_err(port_id, ops->info_get(&rte_eth_devices[port_id], port_info, queue_info,
			error), error);
}

int
rte_flow_configure(uint16_t port_id, const struct rte_flow_port_attr *port_attr,
		uint16_t nb_queue, const struct rte_flow_queue_attr *queue_attr[],
		struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = rte_flow_ops_get(port_id, error);
	struct rte_eth_dev *dev;
	int ret;

	if (ops == NULL)
		return -rte_errno;
	dev = &rte_eth_devices[port_id];
	if (flow_engine_state(port_id, 0, error) != 0)
		return -rte_errno;
	if (dev->data->dev_started) {
		ETHDEV_LOG(ERR, "flow configure of port %u: port is started", port_id);
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_STATE, NULL,
				"port started");
	}
	if (flow_null_arg(port_id, port_attr, RTE_FLOW_ERROR_TYPE_ATTR, "port_attr", error) != 0 ||
	    flow_null_arg(port_id, queue_attr, RTE_FLOW_ERROR_TYPE_ATTR, "queue_attr",
			error) != 0)
		return -rte_errno;
	if (ops->configure == NULL)
		return flow_unsupported(error, ENOTSUP);
	ret = ops->configure(dev, port_attr, nb_queue, queue_attr, error);
	if (ret == 0)
		dev->data->flow_configured = 1;
	return flow_err(port_id, ret, error);
}

struct rte_flow_pattern_template *
rte_flow_pattern_template_create(uint16_t port_id,
		const struct rte_flow_pattern_template_attr *template_attr,
		const struct rte_flow_item pattern[], struct rte_flow_error *error)
{
	if (rte_flow_ops_get(port_id, error) == NULL ||
	    flow_engine_state(port_id, 1, error) != 0 ||
	    flow_null_arg(port_id, template_attr, RTE_FLOW_ERROR_TYPE_ATTR, "template_attr",
			error) != 0 ||
	    flow_null_arg(port_id, pattern, RTE_FLOW_ERROR_TYPE_ITEM, "pattern", error) != 0)
		return NULL;
	FLOW_CALL_PTR(port_id, error, pattern_template_create, ENOTSUP, template_attr, pattern,
			error);
}

int
rte_flow_pattern_template_destroy(uint16_t port_id,
		struct rte_flow_pattern_template *pattern_template, struct rte_flow_error *error)
{
	if (rte_flow_ops_get(port_id, error) == NULL)
		return -rte_errno;
	if (pattern_template == NULL)
		return 0;
	FLOW_CALL(port_id, error, pattern_template_destroy, ENOTSUP, pattern_template, error);
}

struct rte_flow_actions_template *
rte_flow_actions_template_create(uint16_t port_id,
		const struct rte_flow_actions_template_attr *template_attr,
		const struct rte_flow_action actions[], const struct rte_flow_action masks[],
		struct rte_flow_error *error)
{
	if (rte_flow_ops_get(port_id, error) == NULL ||
	    flow_engine_state(port_id, 1, error) != 0 ||
	    flow_null_arg(port_id, template_attr, RTE_FLOW_ERROR_TYPE_ATTR, "template_attr",
			error) != 0 ||
	    flow_null_arg(port_id, actions, RTE_FLOW_ERROR_TYPE_ACTION, "actions", error) != 0 ||
	    flow_null_arg(port_id, masks, RTE_FLOW_ERROR_TYPE_ACTION, "masks", error) != 0)
		return NULL;
	FLOW_CALL_PTR(port_id, error, actions_template_create, ENOTSUP, template_attr, actions,
			masks, error);
}

int
rte_flow_actions_template_destroy(uint16_t port_id,
		struct rte_flow_actions_template *actions_template, struct rte_flow_error *error)
{
	if (rte_flow_ops_get(port_id, error) == NULL)
		return -rte_errno;
	if (actions_template == NULL)
		return 0;
	FLOW_CALL(port_id, error, actions_template_destroy, ENOTSUP, actions_template, error);
}

struct rte_flow_template_table *
rte_flow_template_table_create(uint16_t port_id,
		const struct rte_flow_template_table_attr *table_attr,
		struct rte_flow_pattern_template *pattern_templates[],
		uint8_t nb_pattern_templates,
		struct rte_flow_actions_template *actions_templates[],
		uint8_t nb_actions_templates, struct rte_flow_error *error)
{
	if (rte_flow_ops_get(port_id, error) == NULL ||
	    flow_engine_state(port_id, 1, error) != 0 ||
	    flow_null_arg(port_id, table_attr, RTE_FLOW_ERROR_TYPE_ATTR, "table_attr",
			error) != 0 ||
	    flow_null_arg(port_id, pattern_templates, RTE_FLOW_ERROR_TYPE_ITEM,
			"pattern_templates", error) != 0 ||
	    flow_null_arg(port_id, actions_templates, RTE_FLOW_ERROR_TYPE_ACTION,
			"actions_templates", error) != 0)
		return NULL;
	FLOW_CALL_PTR(port_id, error, template_table_create, ENOTSUP, table_attr,
			pattern_templates, nb_pattern_templates, actions_templates,
			nb_actions_templates, error);
}

int
rte_flow_template_table_destroy(uint16_t port_id,
		struct rte_flow_template_table *template_table, struct rte_flow_error *error)
{
	if (rte_flow_ops_get(port_id, error) == NULL)
		return -rte_errno;
	if (template_table == NULL)
		return 0;
	FLOW_CALL(port_id, error, template_table_destroy, ENOTSUP, template_table, error);
}

struct rte_flow *
rte_flow_async_create(uint16_t port_id, uint32_t queue_id, const struct rte_flow_op_attr *op_attr,
		struct rte_flow_template_table *template_table,
		const struct rte_flow_item pattern[], uint8_t pattern_template_index,
		const struct rte_flow_action actions[], uint8_t actions_template_index,
		void *user_data, struct rte_flow_error *error)
{
	FLOW_CALL_PTR(port_id, error, async_create, ENOTSUP, queue_id, op_attr, template_table,
			pattern, pattern_template_index, actions, actions_template_index,
			user_data, error);
}

int
rte_flow_async_destroy(uint16_t port_id, uint32_t queue_id, const struct rte_flow_op_attr *op_attr,
		struct rte_flow *flow, void *user_data, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, async_destroy, ENOTSUP, queue_id, op_attr, flow, user_data,
			error);
}

int
rte_flow_push(uint16_t port_id, uint32_t queue_id, struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, push, ENOTSUP, queue_id, error);
}

int
rte_flow_pull(uint16_t port_id, uint32_t queue_id, struct rte_flow_op_result res[],
		uint16_t n_res, struct rte_flow_error *error)
{
	const struct rte_flow_ops *ops = rte_flow_ops_get(port_id, error);
	int ret;

	if (ops == NULL)
		return -rte_errno;
	if (ops->pull == NULL)
		return flow_unsupported(error, ENOTSUP);
	ret = ops->pull(&rte_eth_devices[port_id], queue_id, res, n_res, error);
	return ret >= 0 ? ret : flow_err(port_id, ret, error);
}

struct rte_flow_action_handle *
rte_flow_async_action_handle_create(uint16_t port_id, uint32_t queue_id,
		const struct rte_flow_op_attr *op_attr,
		const struct rte_flow_indir_action_conf *indir_action_conf,
		const struct rte_flow_action *action, void *user_data, struct rte_flow_error *error)
{
	FLOW_CALL_PTR(port_id, error, async_action_handle_create, ENOTSUP, queue_id, op_attr,
			indir_action_conf, action, user_data, error);
}

int
rte_flow_async_action_handle_destroy(uint16_t port_id, uint32_t queue_id,
		const struct rte_flow_op_attr *op_attr,
		struct rte_flow_action_handle *action_handle, void *user_data,
		struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, async_action_handle_destroy, ENOTSUP, queue_id, op_attr,
			action_handle, user_data, error);
}

int
rte_flow_async_action_handle_update(uint16_t port_id, uint32_t queue_id,
		const struct rte_flow_op_attr *op_attr,
		struct rte_flow_action_handle *action_handle, const void *update, void *user_data,
		struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, async_action_handle_update, ENOTSUP, queue_id, op_attr,
			action_handle, update, user_data, error);
}

int
rte_flow_async_action_handle_query(uint16_t port_id, uint32_t queue_id,
		const struct rte_flow_op_attr *op_attr,
		const struct rte_flow_action_handle *action_handle, void *data, void *user_data,
		struct rte_flow_error *error)
{
	FLOW_CALL(port_id, error, async_action_handle_query, ENOTSUP, queue_id, op_attr,
			action_handle, data, user_data, error);
}

/* ---- rte_flow_conv ---- */

/*
 * Copies go into one buffer: the array of items (or actions) first, then their
 * configurations, each aligned for any scalar. Sizes are computed in full even when the
 * buffer is too small, so that the caller learns how much it needs.
 */
#define CONV_ALIGN alignof(max_align_t)

struct conv_buf {
	uint8_t *base;
	size_t size;
	size_t off;
};

/* Reserve len bytes (aligned); returns where they go, or NULL when they do not fit. */
static void *
conv_take(struct conv_buf *b, size_t len, size_t align)
{
	size_t at = RTE_ALIGN_CEIL(b->off, align);

	b->off = at + len;
	if (b->base == NULL || b->off > b->size)
		return NULL;
	return b->base + at;
}

static const void *
conv_copy(struct conv_buf *b, const void *src, size_t len)
{
	void *dst;

	if (src == NULL || len == 0)
		return src;
	dst = conv_take(b, len, CONV_ALIGN);
	if (dst == NULL)
		return NULL;
	memcpy(dst, src, len);
	return dst;
}

/* The RSS action carries a key and a queue list: copy them too. */
static const void *
conv_copy_rss(struct conv_buf *b, const struct rte_flow_action_rss *src)
{
	struct rte_flow_action_rss *dst;
	const void *key, *queue;

	dst = conv_take(b, sizeof(*dst), CONV_ALIGN);
	key = conv_copy(b, src->key, src->key_len);
	queue = conv_copy(b, src->queue, src->queue_num * sizeof(*src->queue));
	if (dst == NULL)
		return NULL;
	*dst = *src;
	dst->key = key;
	dst->queue = queue;
	return dst;
}

static int
conv_items(struct conv_buf *b, const struct rte_flow_item *src, int one,
		struct rte_flow_error *error)
{
	size_t n = 0, i;
	struct rte_flow_item *dst;
	int sz;

	do {
		sz = flow_item_size(src[n].type);
		if (sz < 0)
			return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM,
					&src[n], "cannot convert this item type");
		n++;
	} while (!one && src[n - 1].type != RTE_FLOW_ITEM_TYPE_END);
	dst = conv_take(b, n * sizeof(*dst), CONV_ALIGN);
	for (i = 0; i < n; i++) {
		const void *spec, *last, *mask;

		sz = flow_item_size(src[i].type);
		spec = conv_copy(b, src[i].spec, (size_t)sz);
		last = conv_copy(b, src[i].last, (size_t)sz);
		mask = conv_copy(b, src[i].mask, (size_t)sz);
		if (dst != NULL) {
			dst[i].type = src[i].type;
			dst[i].spec = spec;
			dst[i].last = last;
			dst[i].mask = mask;
		}
	}
	return 0;
}

static int
conv_actions(struct conv_buf *b, const struct rte_flow_action *src, int one,
		struct rte_flow_error *error)
{
	size_t n = 0, i;
	struct rte_flow_action *dst;
	int sz;

	do {
		sz = flow_action_size(src[n].type);
		if (sz < 0)
			return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION,
					&src[n], "cannot convert this action type");
		n++;
	} while (!one && src[n - 1].type != RTE_FLOW_ACTION_TYPE_END);
	dst = conv_take(b, n * sizeof(*dst), CONV_ALIGN);
	for (i = 0; i < n; i++) {
		const void *conf;

		if (src[i].type == RTE_FLOW_ACTION_TYPE_RSS && src[i].conf != NULL)
			conf = conv_copy_rss(b, src[i].conf);
		else
			conf = conv_copy(b, src[i].conf, (size_t)flow_action_size(src[i].type));
		if (dst != NULL) {
			dst[i].type = src[i].type;
			dst[i].conf = conf;
		}
	}
	return 0;
}

static int
conv_name(int action, int ptr, void *dst, size_t size, const void *src,
		struct rte_flow_error *error)
{
	int type = (int)(intptr_t)src;
	size_t n = action ? RTE_DIM(flow_action_names) : RTE_DIM(flow_item_names);
	const char *name;

	if (type < 0 || (size_t)type >= n)
		return rte_flow_error_set(error, E2BIG, action ? RTE_FLOW_ERROR_TYPE_ACTION :
				RTE_FLOW_ERROR_TYPE_ITEM, NULL,
				"unknown object type to retrieve the name of");
	name = action ? flow_action_names[type] : flow_item_names[type];
	if (!ptr)
		return (int)rte_strlcpy(dst, name, size);
	if (size >= sizeof(name))
		memcpy(dst, &name, sizeof(name));
	return (int)sizeof(name);
}

int
rte_flow_conv(enum rte_flow_conv_op op, void *dst, size_t size, const void *src,
		struct rte_flow_error *error)
{
	struct conv_buf b = { .base = dst, .size = dst == NULL ? 0 : size, .off = 0 };
	int ret = 0;

	if (src == NULL && op != RTE_FLOW_CONV_OP_ITEM_NAME && op != RTE_FLOW_CONV_OP_ACTION_NAME &&
	    op != RTE_FLOW_CONV_OP_ITEM_NAME_PTR && op != RTE_FLOW_CONV_OP_ACTION_NAME_PTR &&
	    op != RTE_FLOW_CONV_OP_NONE)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
				"NULL source");
	switch (op) {
	case RTE_FLOW_CONV_OP_NONE:
		return 0;
	case RTE_FLOW_CONV_OP_ATTR:
		if (dst != NULL)
			memcpy(dst, src, RTE_MIN(size, sizeof(struct rte_flow_attr)));
		return (int)sizeof(struct rte_flow_attr);
	case RTE_FLOW_CONV_OP_ITEM:
		ret = conv_items(&b, src, 1, error);
		break;
	case RTE_FLOW_CONV_OP_ACTION:
		ret = conv_actions(&b, src, 1, error);
		break;
	case RTE_FLOW_CONV_OP_PATTERN:
		ret = conv_items(&b, src, 0, error);
		break;
	case RTE_FLOW_CONV_OP_ACTIONS:
		ret = conv_actions(&b, src, 0, error);
		break;
	case RTE_FLOW_CONV_OP_RULE: {
		const struct rte_flow_conv_rule *r = src;
		struct rte_flow_conv_rule *out = conv_take(&b, sizeof(*out), CONV_ALIGN);
		struct rte_flow_attr *attr = NULL;
		size_t at;

		if (r->attr_ro != NULL) {
			attr = conv_take(&b, sizeof(*attr), CONV_ALIGN);
			if (attr != NULL)
				*attr = *r->attr_ro;
		}
		at = RTE_ALIGN_CEIL(b.off, CONV_ALIGN);
		if (r->pattern_ro != NULL) {
			ret = conv_items(&b, r->pattern_ro, 0, error);
			if (ret != 0)
				return ret;
		}
		if (out != NULL) {
			out->attr = attr;
			out->pattern = r->pattern_ro == NULL ? NULL :
					b.off <= b.size ? (void *)(b.base + at) : NULL;
		}
		at = RTE_ALIGN_CEIL(b.off, CONV_ALIGN);
		if (r->actions_ro != NULL) {
			ret = conv_actions(&b, r->actions_ro, 0, error);
			if (ret != 0)
				return ret;
		}
		if (out != NULL)
			out->actions = r->actions_ro == NULL ? NULL :
					b.off <= b.size ? (void *)(b.base + at) : NULL;
		break;
	}
	case RTE_FLOW_CONV_OP_ITEM_NAME:
		return conv_name(0, 0, dst, size, src, error);
	case RTE_FLOW_CONV_OP_ACTION_NAME:
		return conv_name(1, 0, dst, size, src, error);
	case RTE_FLOW_CONV_OP_ITEM_NAME_PTR:
		return conv_name(0, 1, dst, size, src, error);
	case RTE_FLOW_CONV_OP_ACTION_NAME_PTR:
		return conv_name(1, 1, dst, size, src, error);
	default:
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
				"unknown object conversion operation");
	}
	if (ret != 0)
		return ret;
	return (int)b.off;
}

size_t
rte_flow_copy(struct rte_flow_desc *fd, size_t len, const struct rte_flow_attr *attr,
		const struct rte_flow_item *items, const struct rte_flow_action *actions)
{
	const struct rte_flow_conv_rule rule = {
		.attr_ro = NULL,
		.pattern_ro = items,
		.actions_ro = actions,
	};
	size_t head = offsetof(struct rte_flow_desc, data);
	uint8_t *data = NULL;
	int ret;

	if (fd != NULL && len >= head)
		data = fd->data;
	ret = rte_flow_conv(RTE_FLOW_CONV_OP_RULE, data, len >= head ? len - head : 0, &rule,
			NULL);
	if (ret < 0)
		return 0;
	if (fd != NULL && len >= head) {
		struct rte_flow_conv_rule *out = (void *)fd->data;

		fd->size = head + (size_t)ret;
		if (attr != NULL)
			fd->attr = *attr;
		if ((size_t)ret <= len - head) {
			fd->items = out->pattern;
			fd->actions = out->actions;
		}
	}
	return head + (size_t)ret;
}
