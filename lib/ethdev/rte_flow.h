/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Generic flow API: rules made of attributes, a pattern (a list of items ending with
 * RTE_FLOW_ITEM_TYPE_END) and actions (a list ending with RTE_FLOW_ACTION_TYPE_END), given to
 * the driver of a port to validate, create, query and destroy.
 *
 * Every call returns 0 (or a handle) on success; on failure a negative errno (or NULL), with
 * rte_errno set and *error filled (when error is not NULL) by the driver or by ethdev. A port
 * whose driver has no flow support answers ENOSYS, as in DPDK. This header defines the item
 * and action configurations whose protocol headers the tree provides (Ethernet, VLAN, IPv4,
 * IPv6, UDP, TCP, and the metadata ones); the type enumerations are complete.
 */
#ifndef RTE_FLOW_H_
#define RTE_FLOW_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_bitops.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_mbuf;

/** Log through the ethdev log type. */
#define RTE_FLOW_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, rte_eth_dev_logtype, "" __VA_ARGS__)

/** Attributes of a flow rule. */
struct rte_flow_attr {
	uint32_t group; /**< group of the rule (0: the default one) */
	uint32_t priority; /**< priority within the group, 0 is the highest */
	uint32_t ingress:1; /**< applies to received traffic */
	uint32_t egress:1; /**< applies to sent traffic */
	uint32_t transfer:1; /**< applies at the switch level (not with ingress/egress) */
	uint32_t reserved:29; /**< reserved, zero */
};

/** Kinds of pattern items; the configuration structure is rte_flow_item_<kind>. */
enum rte_flow_item_type {
	RTE_FLOW_ITEM_TYPE_END, /**< item end */
	RTE_FLOW_ITEM_TYPE_VOID, /**< item void */
	RTE_FLOW_ITEM_TYPE_INVERT, /**< item invert */
	RTE_FLOW_ITEM_TYPE_ANY, /**< item any */
	RTE_FLOW_ITEM_TYPE_PORT_ID, /**< item port id */
	RTE_FLOW_ITEM_TYPE_RAW, /**< item raw */
	RTE_FLOW_ITEM_TYPE_ETH, /**< item eth */
	RTE_FLOW_ITEM_TYPE_VLAN, /**< item vlan */
	RTE_FLOW_ITEM_TYPE_IPV4, /**< item ipv4 */
	RTE_FLOW_ITEM_TYPE_IPV6, /**< item ipv6 */
	RTE_FLOW_ITEM_TYPE_ICMP, /**< item icmp */
	RTE_FLOW_ITEM_TYPE_UDP, /**< item udp */
	RTE_FLOW_ITEM_TYPE_TCP, /**< item tcp */
	RTE_FLOW_ITEM_TYPE_SCTP, /**< item sctp */
	RTE_FLOW_ITEM_TYPE_VXLAN, /**< item vxlan */
	RTE_FLOW_ITEM_TYPE_E_TAG, /**< item e tag */
	RTE_FLOW_ITEM_TYPE_NVGRE, /**< item nvgre */
	RTE_FLOW_ITEM_TYPE_MPLS, /**< item mpls */
	RTE_FLOW_ITEM_TYPE_GRE, /**< item gre */
	RTE_FLOW_ITEM_TYPE_FUZZY, /**< item fuzzy */
	RTE_FLOW_ITEM_TYPE_GTP, /**< item gtp */
	RTE_FLOW_ITEM_TYPE_GTPC, /**< item gtpc */
	RTE_FLOW_ITEM_TYPE_GTPU, /**< item gtpu */
	RTE_FLOW_ITEM_TYPE_ESP, /**< item esp */
	RTE_FLOW_ITEM_TYPE_GENEVE, /**< item geneve */
	RTE_FLOW_ITEM_TYPE_VXLAN_GPE, /**< item vxlan gpe */
	RTE_FLOW_ITEM_TYPE_ARP_ETH_IPV4, /**< item arp eth ipv4 */
	RTE_FLOW_ITEM_TYPE_IPV6_EXT, /**< item ipv6 ext */
	RTE_FLOW_ITEM_TYPE_ICMP6, /**< item icmp6 */
	RTE_FLOW_ITEM_TYPE_ICMP6_ND_NS, /**< item icmp6 nd ns */
	RTE_FLOW_ITEM_TYPE_ICMP6_ND_NA, /**< item icmp6 nd na */
	RTE_FLOW_ITEM_TYPE_ICMP6_ND_OPT, /**< item icmp6 nd opt */
	RTE_FLOW_ITEM_TYPE_ICMP6_ND_OPT_SLA_ETH, /**< item icmp6 nd opt sla eth */
	RTE_FLOW_ITEM_TYPE_ICMP6_ND_OPT_TLA_ETH, /**< item icmp6 nd opt tla eth */
	RTE_FLOW_ITEM_TYPE_MARK, /**< item mark */
	RTE_FLOW_ITEM_TYPE_META, /**< item meta */
	RTE_FLOW_ITEM_TYPE_GRE_KEY, /**< item gre key */
	RTE_FLOW_ITEM_TYPE_GTP_PSC, /**< item gtp psc */
	RTE_FLOW_ITEM_TYPE_PPPOES, /**< item pppoes */
	RTE_FLOW_ITEM_TYPE_PPPOED, /**< item pppoed */
	RTE_FLOW_ITEM_TYPE_PPPOE_PROTO_ID, /**< item pppoe proto id */
	RTE_FLOW_ITEM_TYPE_NSH, /**< item nsh */
	RTE_FLOW_ITEM_TYPE_IGMP, /**< item igmp */
	RTE_FLOW_ITEM_TYPE_AH, /**< item ah */
	RTE_FLOW_ITEM_TYPE_HIGIG2, /**< item higig2 */
	RTE_FLOW_ITEM_TYPE_TAG, /**< item tag */
	RTE_FLOW_ITEM_TYPE_L2TPV3OIP, /**< item l2tpv3oip */
	RTE_FLOW_ITEM_TYPE_PFCP, /**< item pfcp */
	RTE_FLOW_ITEM_TYPE_ECPRI, /**< item ecpri */
	RTE_FLOW_ITEM_TYPE_IPV6_FRAG_EXT, /**< item ipv6 frag ext */
	RTE_FLOW_ITEM_TYPE_GENEVE_OPT, /**< item geneve opt */
	RTE_FLOW_ITEM_TYPE_INTEGRITY, /**< item integrity */
	RTE_FLOW_ITEM_TYPE_CONNTRACK, /**< item conntrack */
	RTE_FLOW_ITEM_TYPE_PORT_REPRESENTOR, /**< item port representor */
	RTE_FLOW_ITEM_TYPE_REPRESENTED_PORT, /**< item represented port */
	RTE_FLOW_ITEM_TYPE_FLEX, /**< item flex */
	RTE_FLOW_ITEM_TYPE_L2TPV2, /**< item l2tpv2 */
	RTE_FLOW_ITEM_TYPE_PPP, /**< item ppp */
	RTE_FLOW_ITEM_TYPE_GRE_OPTION, /**< item gre option */
	RTE_FLOW_ITEM_TYPE_MACSEC, /**< item macsec */
	RTE_FLOW_ITEM_TYPE_METER_COLOR, /**< item meter color */
};

/** Item ANY: matches any protocol header, num layers of them. */
struct rte_flow_item_any {
	uint32_t num; /**< number of layers covered */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_ANY. */
#ifndef __cplusplus
static const struct rte_flow_item_any rte_flow_item_any_mask = {
	.num = 0x00000000,
};
#endif

/** Item PORT_ID: traffic from the given DPDK port. */
struct rte_flow_item_port_id {
	uint32_t id; /**< port id */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_PORT_ID. */
#ifndef __cplusplus
static const struct rte_flow_item_port_id rte_flow_item_port_id_mask = {
	.id = 0xffffffff,
};
#endif

/** Item RAW: a byte string at an offset. */
struct rte_flow_item_raw {
	uint32_t relative:1; /**< offset relative to the previous item */
	uint32_t search:1; /**< search the pattern from the offset on */
	uint32_t reserved:30; /**< reserved, zero */
	int32_t offset; /**< offset in bytes */
	uint16_t limit; /**< search area length */
	uint16_t length; /**< pattern length */
	const uint8_t *pattern; /**< the bytes */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_RAW. */
#ifndef __cplusplus
static const struct rte_flow_item_raw rte_flow_item_raw_mask = {
	.relative = 1,
	.search = 1,
	.reserved = 0x3fffffff,
	.offset = 0xffffffff,
	.limit = 0xffff,
	.length = 0xffff,
	.pattern = NULL,
};
#endif

/** Item ETH: the Ethernet header. */
RTE_STD_C11
struct rte_flow_item_eth {
	/** the header, by fields or as a whole */
	union {
		/** the header by fields */
		struct {
			struct rte_ether_addr dst; /**< destination address */
			struct rte_ether_addr src; /**< source address */
			rte_be16_t type; /**< EtherType or TPID */
		};
		struct rte_ether_hdr hdr; /**< the header as a whole */
	};
	uint32_t has_vlan:1; /**< a VLAN tag follows */
	uint32_t reserved:31; /**< reserved, zero */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_ETH. */
#ifndef __cplusplus
static const struct rte_flow_item_eth rte_flow_item_eth_mask = {
	.hdr.dst_addr.addr_bytes = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
	.hdr.src_addr.addr_bytes = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
	.hdr.ether_type = RTE_BE16(0x0000),
};
#endif

/** Item VLAN: an 802.1Q tag. */
RTE_STD_C11
struct rte_flow_item_vlan {
	/** the tag, by fields or as a whole */
	union {
		/** the tag by fields */
		struct {
			rte_be16_t tci; /**< priority, DEI and VLAN id */
			rte_be16_t inner_type; /**< EtherType that follows */
		};
		struct rte_vlan_hdr hdr; /**< the tag as a whole */
	};
	uint32_t has_more_vlan:1; /**< another tag follows */
	uint32_t reserved:31; /**< reserved, zero */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_VLAN. */
#ifndef __cplusplus
static const struct rte_flow_item_vlan rte_flow_item_vlan_mask = {
	.hdr.vlan_tci = RTE_BE16(0x0fff),
	.hdr.eth_proto = RTE_BE16(0x0000),
};
#endif

/** Item IPV4: the IPv4 header. */
struct rte_flow_item_ipv4 {
	struct rte_ipv4_hdr hdr; /**< the header */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_IPV4: the addresses. */
#ifndef __cplusplus
static const struct rte_flow_item_ipv4 rte_flow_item_ipv4_mask = {
	.hdr = {
		.src_addr = RTE_BE32(0xffffffff),
		.dst_addr = RTE_BE32(0xffffffff),
	},
};
#endif

/** Item IPV6: the IPv6 header and which extension headers are present. */
struct rte_flow_item_ipv6 {
	struct rte_ipv6_hdr hdr; /**< the header */
	uint32_t has_hop_ext:1; /**< hop-by-hop options present */
	uint32_t has_route_ext:1; /**< routing header present */
	uint32_t has_frag_ext:1; /**< fragment header present */
	uint32_t has_auth_ext:1; /**< authentication header present */
	uint32_t has_esp_ext:1; /**< ESP header present */
	uint32_t has_dest_ext:1; /**< destination options present */
	uint32_t has_mobil_ext:1; /**< mobility header present */
	uint32_t has_hip_ext:1; /**< host identity protocol header present */
	uint32_t has_shim6_ext:1; /**< shim6 header present */
	uint32_t reserved:23; /**< reserved, zero */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_IPV6: the addresses. */
#ifndef __cplusplus
static const struct rte_flow_item_ipv6 rte_flow_item_ipv6_mask = {
	.hdr = {
		.src_addr = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
			      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
		.dst_addr = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
			      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
	},
};
#endif

/** Item UDP: the UDP header. */
struct rte_flow_item_udp {
	struct rte_udp_hdr hdr; /**< the header */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_UDP: the ports. */
#ifndef __cplusplus
static const struct rte_flow_item_udp rte_flow_item_udp_mask = {
	.hdr = {
		.src_port = RTE_BE16(0xffff),
		.dst_port = RTE_BE16(0xffff),
	},
};
#endif

/** Item TCP: the TCP header. */
struct rte_flow_item_tcp {
	struct rte_tcp_hdr hdr; /**< the header */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_TCP: the ports. */
#ifndef __cplusplus
static const struct rte_flow_item_tcp rte_flow_item_tcp_mask = {
	.hdr = {
		.src_port = RTE_BE16(0xffff),
		.dst_port = RTE_BE16(0xffff),
	},
};
#endif

/** Item MARK: the value an earlier MARK action gave the packet. */
struct rte_flow_item_mark {
	uint32_t id; /**< mark */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_MARK. */
#ifndef __cplusplus
static const struct rte_flow_item_mark rte_flow_item_mark_mask = {
	.id = 0xffffffff,
};
#endif

/** Item META: metadata set by the application or a SET_META action. */
struct rte_flow_item_meta {
	uint32_t data; /**< metadata */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_META. */
#ifndef __cplusplus
static const struct rte_flow_item_meta rte_flow_item_meta_mask = {
	.data = UINT32_MAX,
};
#endif

/** Item TAG: one of the tag registers. */
struct rte_flow_item_tag {
	uint32_t data; /**< tag value */
	uint8_t index; /**< register */
};

/** Default mask of RTE_FLOW_ITEM_TYPE_TAG. */
#ifndef __cplusplus
static const struct rte_flow_item_tag rte_flow_item_tag_mask = {
	.data = 0xffffffff,
	.index = 0xff,
};
#endif

/** Items PORT_REPRESENTOR and REPRESENTED_PORT: an ethdev port. */
struct rte_flow_item_ethdev {
	uint16_t port_id; /**< port id */
};

/** Default mask of the ethdev items. */
#ifndef __cplusplus
static const struct rte_flow_item_ethdev rte_flow_item_ethdev_mask = {
	.port_id = 0xffff,
};
#endif

/** One pattern item: spec to match, last for a range, mask of the bits that count. */
struct rte_flow_item {
	enum rte_flow_item_type type; /**< kind of item */
	const void *spec; /**< values to match, or NULL */
	const void *last; /**< upper bound of a range, or NULL */
	const void *mask; /**< bits of spec/last that matter, NULL for the default mask */
};

/** Kinds of actions; the configuration structure is rte_flow_action_<kind>. */
enum rte_flow_action_type {
	RTE_FLOW_ACTION_TYPE_END, /**< action end */
	RTE_FLOW_ACTION_TYPE_VOID, /**< action void */
	RTE_FLOW_ACTION_TYPE_PASSTHRU, /**< action passthru */
	RTE_FLOW_ACTION_TYPE_JUMP, /**< action jump */
	RTE_FLOW_ACTION_TYPE_MARK, /**< action mark */
	RTE_FLOW_ACTION_TYPE_FLAG, /**< action flag */
	RTE_FLOW_ACTION_TYPE_QUEUE, /**< action queue */
	RTE_FLOW_ACTION_TYPE_DROP, /**< action drop */
	RTE_FLOW_ACTION_TYPE_COUNT, /**< action count */
	RTE_FLOW_ACTION_TYPE_RSS, /**< action rss */
	RTE_FLOW_ACTION_TYPE_PF, /**< action pf */
	RTE_FLOW_ACTION_TYPE_VF, /**< action vf */
	RTE_FLOW_ACTION_TYPE_PORT_ID, /**< action port id */
	RTE_FLOW_ACTION_TYPE_METER, /**< action meter */
	RTE_FLOW_ACTION_TYPE_SECURITY, /**< action security */
	RTE_FLOW_ACTION_TYPE_OF_DEC_NW_TTL, /**< action of dec nw ttl */
	RTE_FLOW_ACTION_TYPE_OF_POP_VLAN, /**< action of pop vlan */
	RTE_FLOW_ACTION_TYPE_OF_PUSH_VLAN, /**< action of push vlan */
	RTE_FLOW_ACTION_TYPE_OF_SET_VLAN_VID, /**< action of set vlan vid */
	RTE_FLOW_ACTION_TYPE_OF_SET_VLAN_PCP, /**< action of set vlan pcp */
	RTE_FLOW_ACTION_TYPE_OF_POP_MPLS, /**< action of pop mpls */
	RTE_FLOW_ACTION_TYPE_OF_PUSH_MPLS, /**< action of push mpls */
	RTE_FLOW_ACTION_TYPE_VXLAN_ENCAP, /**< action vxlan encap */
	RTE_FLOW_ACTION_TYPE_VXLAN_DECAP, /**< action vxlan decap */
	RTE_FLOW_ACTION_TYPE_NVGRE_ENCAP, /**< action nvgre encap */
	RTE_FLOW_ACTION_TYPE_NVGRE_DECAP, /**< action nvgre decap */
	RTE_FLOW_ACTION_TYPE_RAW_ENCAP, /**< action raw encap */
	RTE_FLOW_ACTION_TYPE_RAW_DECAP, /**< action raw decap */
	RTE_FLOW_ACTION_TYPE_SET_IPV4_SRC, /**< action set ipv4 src */
	RTE_FLOW_ACTION_TYPE_SET_IPV4_DST, /**< action set ipv4 dst */
	RTE_FLOW_ACTION_TYPE_SET_IPV6_SRC, /**< action set ipv6 src */
	RTE_FLOW_ACTION_TYPE_SET_IPV6_DST, /**< action set ipv6 dst */
	RTE_FLOW_ACTION_TYPE_SET_TP_SRC, /**< action set tp src */
	RTE_FLOW_ACTION_TYPE_SET_TP_DST, /**< action set tp dst */
	RTE_FLOW_ACTION_TYPE_MAC_SWAP, /**< action mac swap */
	RTE_FLOW_ACTION_TYPE_DEC_TTL, /**< action dec ttl */
	RTE_FLOW_ACTION_TYPE_SET_TTL, /**< action set ttl */
	RTE_FLOW_ACTION_TYPE_SET_MAC_SRC, /**< action set mac src */
	RTE_FLOW_ACTION_TYPE_SET_MAC_DST, /**< action set mac dst */
	RTE_FLOW_ACTION_TYPE_INC_TCP_SEQ, /**< action inc tcp seq */
	RTE_FLOW_ACTION_TYPE_DEC_TCP_SEQ, /**< action dec tcp seq */
	RTE_FLOW_ACTION_TYPE_INC_TCP_ACK, /**< action inc tcp ack */
	RTE_FLOW_ACTION_TYPE_DEC_TCP_ACK, /**< action dec tcp ack */
	RTE_FLOW_ACTION_TYPE_SET_TAG, /**< action set tag */
	RTE_FLOW_ACTION_TYPE_SET_META, /**< action set meta */
	RTE_FLOW_ACTION_TYPE_SET_IPV4_DSCP, /**< action set ipv4 dscp */
	RTE_FLOW_ACTION_TYPE_SET_IPV6_DSCP, /**< action set ipv6 dscp */
	RTE_FLOW_ACTION_TYPE_AGE, /**< action age */
	RTE_FLOW_ACTION_TYPE_SAMPLE, /**< action sample */
	RTE_FLOW_ACTION_TYPE_SHARED, /**< action shared */
	RTE_FLOW_ACTION_TYPE_MODIFY_FIELD, /**< action modify field */
	RTE_FLOW_ACTION_TYPE_INDIRECT, /**< action indirect */
	RTE_FLOW_ACTION_TYPE_CONNTRACK, /**< action conntrack */
	RTE_FLOW_ACTION_TYPE_METER_COLOR, /**< action meter color */
	RTE_FLOW_ACTION_TYPE_PORT_REPRESENTOR, /**< action port representor */
	RTE_FLOW_ACTION_TYPE_REPRESENTED_PORT, /**< action represented port */
	RTE_FLOW_ACTION_TYPE_METER_MARK, /**< action meter mark */
	RTE_FLOW_ACTION_TYPE_SEND_TO_KERNEL, /**< action send to kernel */
};

/** Action MARK: attach a 32-bit value to matching packets (mbuf FDIR id). */
struct rte_flow_action_mark {
	uint32_t id; /**< value */
};

/** Action JUMP: continue in another group. */
struct rte_flow_action_jump {
	uint32_t group; /**< group */
};

/** Action QUEUE: deliver to one receive queue. */
struct rte_flow_action_queue {
	uint16_t index; /**< receive queue */
};

/** Action COUNT: count matching packets and bytes. */
struct rte_flow_action_count {
	uint32_t id; /**< counter id */
};

/** Result of querying a COUNT action. */
struct rte_flow_query_count {
	uint32_t reset:1; /**< reset the counters after reading */
	uint32_t hits_set:1; /**< hits is valid */
	uint32_t bytes_set:1; /**< bytes is valid */
	uint32_t reserved:29; /**< reserved, zero */
	uint64_t hits; /**< packets */
	uint64_t bytes; /**< bytes */
};

/** Hash functions of RSS. */
enum rte_eth_hash_function {
	RTE_ETH_HASH_FUNCTION_DEFAULT = 0, /**< the driver's default */
	RTE_ETH_HASH_FUNCTION_TOEPLITZ, /**< Toeplitz */
	RTE_ETH_HASH_FUNCTION_SIMPLE_XOR, /**< simple XOR */
	RTE_ETH_HASH_FUNCTION_SYMMETRIC_TOEPLITZ, /**< Toeplitz on sorted fields */
	RTE_ETH_HASH_FUNCTION_MAX, /**< number of functions */
};

/** Action RSS: spread matching packets over queues. */
struct rte_flow_action_rss {
	enum rte_eth_hash_function func; /**< hash function */
	uint32_t level; /**< encapsulation level (0: driver's choice) */
	uint64_t types; /**< RTE_ETH_RSS_* */
	uint32_t key_len; /**< key length in bytes */
	uint32_t queue_num; /**< entries of queue */
	const uint8_t *key; /**< hash key, or NULL */
	const uint16_t *queue; /**< queues */
};

/** Action VF: deliver to a virtual function. */
struct rte_flow_action_vf {
	uint32_t original:1; /**< use the original VF id */
	uint32_t reserved:31; /**< reserved, zero */
	uint32_t id; /**< VF id */
};

/** Action PORT_ID: deliver to another DPDK port. */
struct rte_flow_action_port_id {
	uint32_t original:1; /**< use the original port id */
	uint32_t reserved:31; /**< reserved, zero */
	uint32_t id; /**< port id */
};

/** Action SET_TAG: write a tag register. */
struct rte_flow_action_set_tag {
	uint32_t data; /**< value */
	uint32_t mask; /**< bits written */
	uint8_t index; /**< register */
};

/** Action SET_META: write the metadata. */
struct rte_flow_action_set_meta {
	uint32_t data; /**< value */
	uint32_t mask; /**< bits written */
};

#ifndef __INCLUDE_RTE_METER_H__
#ifndef RTE_COLORS
/** Packet colours of metering (the same as rte_meter.h's). */
enum rte_color {
	RTE_COLOR_GREEN = 0, /**< green */
	RTE_COLOR_YELLOW, /**< yellow */
	RTE_COLOR_RED, /**< red */
	RTE_COLORS /**< number of colours */
};
/** The enumerator itself; as a macro it also tells that enum rte_color is defined. */
#define RTE_COLORS RTE_COLORS
#endif
#endif

/** Action METER_COLOR: give matching packets a colour. */
struct rte_flow_action_meter_color {
	enum rte_color color; /**< the colour */
};

/** Actions PORT_REPRESENTOR and REPRESENTED_PORT: an ethdev port. */
struct rte_flow_action_ethdev {
	uint16_t port_id; /**< port id */
};

/** One action with its configuration. */
struct rte_flow_action {
	enum rte_flow_action_type type; /**< kind of action */
	const void *conf; /**< configuration, or NULL */
};

/** A flow rule, opaque to the application. */
struct rte_flow;
/** An indirect action, opaque to the application. */
struct rte_flow_action_handle;
/** A flex item, opaque to the application. */
struct rte_flow_item_flex_handle;
/** Configuration of a flex item (not described by this tree). */
struct rte_flow_item_flex_conf;

/** What an error is about. */
enum rte_flow_error_type {
	RTE_FLOW_ERROR_TYPE_NONE, /**< no error */
	RTE_FLOW_ERROR_TYPE_UNSPECIFIED, /**< cause not specified */
	RTE_FLOW_ERROR_TYPE_HANDLE, /**< flow rule handle */
	RTE_FLOW_ERROR_TYPE_ATTR_GROUP, /**< group */
	RTE_FLOW_ERROR_TYPE_ATTR_PRIORITY, /**< priority */
	RTE_FLOW_ERROR_TYPE_ATTR_INGRESS, /**< ingress */
	RTE_FLOW_ERROR_TYPE_ATTR_EGRESS, /**< egress */
	RTE_FLOW_ERROR_TYPE_ATTR_TRANSFER, /**< transfer */
	RTE_FLOW_ERROR_TYPE_ATTR, /**< attributes as a whole */
	RTE_FLOW_ERROR_TYPE_ITEM_NUM, /**< number of items */
	RTE_FLOW_ERROR_TYPE_ITEM_SPEC, /**< item spec */
	RTE_FLOW_ERROR_TYPE_ITEM_LAST, /**< item last */
	RTE_FLOW_ERROR_TYPE_ITEM_MASK, /**< item mask */
	RTE_FLOW_ERROR_TYPE_ITEM, /**< an item */
	RTE_FLOW_ERROR_TYPE_ACTION_NUM, /**< number of actions */
	RTE_FLOW_ERROR_TYPE_ACTION_CONF, /**< action configuration */
	RTE_FLOW_ERROR_TYPE_ACTION, /**< an action */
	RTE_FLOW_ERROR_TYPE_STATE, /**< state of the flow engine */
};

/** Details of a failure; cause points into the caller's data, message may be NULL. */
struct rte_flow_error {
	enum rte_flow_error_type type; /**< what the error is about */
	const void *cause; /**< the object at fault, or NULL */
	const char *message; /**< description, or NULL */
};

/** A whole rule in one buffer (rte_flow_conv, RTE_FLOW_CONV_OP_RULE). */
struct rte_flow_conv_rule {
	/** attributes */
	union {
		const struct rte_flow_attr *attr_ro; /**< read-only */
		struct rte_flow_attr *attr; /**< writable */
	};
	/** pattern */
	union {
		const struct rte_flow_item *pattern_ro; /**< read-only */
		struct rte_flow_item *pattern; /**< writable */
	};
	/** actions */
	union {
		const struct rte_flow_action *actions_ro; /**< read-only */
		struct rte_flow_action *actions; /**< writable */
	};
};

/** What rte_flow_conv converts. */
enum rte_flow_conv_op {
	RTE_FLOW_CONV_OP_NONE, /**< nothing */
	RTE_FLOW_CONV_OP_ATTR, /**< copy a struct rte_flow_attr */
	RTE_FLOW_CONV_OP_ITEM, /**< copy one item with its spec/last/mask */
	RTE_FLOW_CONV_OP_ACTION, /**< copy one action with its configuration */
	RTE_FLOW_CONV_OP_PATTERN, /**< copy a pattern up to its END item */
	RTE_FLOW_CONV_OP_ACTIONS, /**< copy actions up to their END action */
	RTE_FLOW_CONV_OP_RULE, /**< copy a struct rte_flow_conv_rule and what it points to */
	RTE_FLOW_CONV_OP_ITEM_NAME, /**< name of an item type, as a string */
	RTE_FLOW_CONV_OP_ACTION_NAME, /**< name of an action type, as a string */
	RTE_FLOW_CONV_OP_ITEM_NAME_PTR, /**< pointer to the name of an item type */
	RTE_FLOW_CONV_OP_ACTION_NAME_PTR, /**< pointer to the name of an action type */
};

/** Check whether the port could create this rule, without creating it. */
int rte_flow_validate(uint16_t port_id, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error);
/** Create a rule; NULL on failure. */
struct rte_flow *rte_flow_create(uint16_t port_id, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error);
/** Destroy a rule. */
int rte_flow_destroy(uint16_t port_id, struct rte_flow *flow, struct rte_flow_error *error);
/** Destroy every rule of the port. */
int rte_flow_flush(uint16_t port_id, struct rte_flow_error *error);
/** Query an action of a rule (a COUNT action's counters, for instance) into data. */
int rte_flow_query(uint16_t port_id, struct rte_flow *flow,
		const struct rte_flow_action *action, void *data, struct rte_flow_error *error);
/** Restrict (set != 0) the port's received traffic to what flow rules direct. */
int rte_flow_isolate(uint16_t port_id, int set, struct rte_flow_error *error);
/** Write the rule (NULL: every rule) in the driver's words to file. */
int rte_flow_dev_dump(uint16_t port_id, struct rte_flow *flow, FILE *file,
		struct rte_flow_error *error);

/**
 * Fill *error (when not NULL) with type, cause and message, set rte_errno to code and
 * return -code: the one-line way for drivers and ethdev to fail a flow call.
 */
int rte_flow_error_set(struct rte_flow_error *error, int code, enum rte_flow_error_type type,
		const void *cause, const char *message);

/** A rule copied into one buffer (rte_flow_copy). */
struct rte_flow_desc {
	size_t size; /**< bytes used in the buffer */
	struct rte_flow_attr attr; /**< attributes */
	struct rte_flow_item *items; /**< pattern, in data */
	struct rte_flow_action *actions; /**< actions, in data */
	uint8_t data[]; /**< storage */
};

/**
 * Copy a rule into fd (len bytes); returns the bytes needed, 0 on error (rte_errno).
 * Deprecated in DPDK in favour of rte_flow_conv(RTE_FLOW_CONV_OP_RULE).
 */
size_t rte_flow_copy(struct rte_flow_desc *fd, size_t len, const struct rte_flow_attr *attr,
		const struct rte_flow_item *items, const struct rte_flow_action *actions);

/**
 * Convert (copy) flow objects or get their names, per op, into dst of size bytes. Returns
 * the bytes needed (which may exceed size: then dst holds a partial result), or a negative
 * errno with *error filled (ENOTSUP for an item or action whose configuration this tree does
 * not describe).
 */
int rte_flow_conv(enum rte_flow_conv_op op, void *dst, size_t size, const void *src,
		struct rte_flow_error *error);

/** Contexts of aged-out rules (AGE action); their number, or negative errno. */
int rte_flow_get_aged_flows(uint16_t port_id, void **contexts, uint32_t nb_contexts,
		struct rte_flow_error *error);
/** Same for the rules of one flow queue. */
int rte_flow_get_q_aged_flows(uint16_t port_id, uint32_t queue_id, void **contexts,
		uint32_t nb_contexts, struct rte_flow_error *error);

/** Where an indirect action applies. */
struct rte_flow_indir_action_conf {
	uint32_t ingress:1; /**< received traffic */
	uint32_t egress:1; /**< sent traffic */
	uint32_t transfer:1; /**< switch level */
};

/** Create an indirect action shared by rules; NULL on failure. */
struct rte_flow_action_handle *rte_flow_action_handle_create(uint16_t port_id,
		const struct rte_flow_indir_action_conf *conf, const struct rte_flow_action *action,
		struct rte_flow_error *error);
/** Destroy an indirect action. */
int rte_flow_action_handle_destroy(uint16_t port_id, struct rte_flow_action_handle *handle,
		struct rte_flow_error *error);
/** Update an indirect action. */
int rte_flow_action_handle_update(uint16_t port_id, struct rte_flow_action_handle *handle,
		const void *update, struct rte_flow_error *error);
/** Query an indirect action into data. */
int rte_flow_action_handle_query(uint16_t port_id,
		const struct rte_flow_action_handle *handle, void *data,
		struct rte_flow_error *error);

/** A tunnel for the tunnel offload calls. */
struct rte_flow_tunnel {
	enum rte_flow_item_type type; /**< tunnel item type */
	uint64_t tun_id; /**< tunnel id */
	RTE_STD_C11
	/** outer addresses */
	union {
		/** IPv4 outer addresses */
		struct {
			rte_be32_t src_addr; /**< source */
			rte_be32_t dst_addr; /**< destination */
		} ipv4;
		/** IPv6 outer addresses */
		struct {
			uint8_t src_addr[16]; /**< source */
			uint8_t dst_addr[16]; /**< destination */
		} ipv6;
	};
	rte_be16_t tp_src; /**< outer source port */
	rte_be16_t tp_dst; /**< outer destination port */
	uint16_t tun_flags; /**< tunnel flags */
	bool is_ipv6; /**< ipv6 (not ipv4) addresses */
	uint8_t tos; /**< type of service */
	uint8_t ttl; /**< time to live */
	uint32_t label; /**< flow label */
};

#define RTE_FLOW_RESTORE_INFO_TUNNEL RTE_BIT64(0) /**< tunnel is valid */
#define RTE_FLOW_RESTORE_INFO_ENCAPSULATED RTE_BIT64(1) /**< the packet is still encapsulated */
#define RTE_FLOW_RESTORE_INFO_GROUP_ID RTE_BIT64(2) /**< group_id is valid */

/** What a partially offloaded tunnel packet went through. */
struct rte_flow_restore_info {
	uint64_t flags; /**< RTE_FLOW_RESTORE_INFO_* */
	uint32_t group_id; /**< group that missed */
	struct rte_flow_tunnel tunnel; /**< the tunnel */
};

/** Actions the driver needs to decapsulate tunnel; release them with the call below. */
int rte_flow_tunnel_decap_set(uint16_t port_id, struct rte_flow_tunnel *tunnel,
		struct rte_flow_action **actions, uint32_t *num_of_actions,
		struct rte_flow_error *error);
/** Items the driver needs to match tunnel. */
int rte_flow_tunnel_match(uint16_t port_id, struct rte_flow_tunnel *tunnel,
		struct rte_flow_item **items, uint32_t *num_of_items, struct rte_flow_error *error);
/** What a received packet went through before it missed. */
int rte_flow_get_restore_info(uint16_t port_id, struct rte_mbuf *m,
		struct rte_flow_restore_info *info, struct rte_flow_error *error);
/** Release the actions of rte_flow_tunnel_decap_set. */
int rte_flow_tunnel_action_decap_release(uint16_t port_id, struct rte_flow_action *actions,
		uint32_t num_of_actions, struct rte_flow_error *error);
/** Release the items of rte_flow_tunnel_match. */
int rte_flow_tunnel_item_release(uint16_t port_id, struct rte_flow_item *items,
		uint32_t num_of_items, struct rte_flow_error *error);
/** Port that must own transfer rules for port_id (port_id itself when the driver says none). */
int rte_flow_pick_transfer_proxy(uint16_t port_id, uint16_t *proxy_port_id,
		struct rte_flow_error *error);
/** Create a flex item; NULL on failure. */
struct rte_flow_item_flex_handle *rte_flow_flex_item_create(uint16_t port_id,
		const struct rte_flow_item_flex_conf *conf, struct rte_flow_error *error);
/** Release a flex item. */
int rte_flow_flex_item_release(uint16_t port_id,
		const struct rte_flow_item_flex_handle *handle, struct rte_flow_error *error);

/** rte_flow_port_attr.flags: flow queues are used by one thread each. */
#define RTE_FLOW_PORT_FLAG_STRICT_QUEUE RTE_BIT32(0)

/** Flow engine resources of a port. */
struct rte_flow_port_info {
	uint32_t max_nb_queues; /**< flow queues */
	uint32_t max_nb_counters; /**< counters */
	uint32_t max_nb_aging_objects; /**< aging objects */
	uint32_t max_nb_meters; /**< meters */
	uint32_t max_nb_conn_tracks; /**< connection tracking objects */
	uint32_t supported_flags; /**< RTE_FLOW_PORT_FLAG_* */
};

/** Flow queue limits. */
struct rte_flow_queue_info {
	uint32_t max_size; /**< most operations in flight */
};

/** Flow engine resources and queue limits (port configured). */
int rte_flow_info_get(uint16_t port_id, struct rte_flow_port_info *port_info,
		struct rte_flow_queue_info *queue_info, struct rte_flow_error *error);

/** Flow engine resources to pre-allocate. */
struct rte_flow_port_attr {
	uint32_t nb_counters; /**< counters */
	uint32_t nb_aging_objects; /**< aging objects */
	uint32_t nb_meters; /**< meters */
	uint32_t nb_conn_tracks; /**< connection tracking objects */
	uint32_t flags; /**< RTE_FLOW_PORT_FLAG_* */
};

/** One flow queue. */
struct rte_flow_queue_attr {
	uint32_t size; /**< most operations in flight */
};

/** Set up the flow engine (configured, stopped port) for the template and async calls. */
int rte_flow_configure(uint16_t port_id, const struct rte_flow_port_attr *port_attr,
		uint16_t nb_queue, const struct rte_flow_queue_attr *queue_attr[],
		struct rte_flow_error *error);

/** A pattern template, opaque. */
struct rte_flow_pattern_template;

/** Attributes of a pattern template. */
__extension__
struct rte_flow_pattern_template_attr {
	uint32_t relaxed_matching:1; /**< the driver may ignore implied items */
	uint32_t ingress:1; /**< received traffic */
	uint32_t egress:1; /**< sent traffic */
	uint32_t transfer:1; /**< switch level */
};

/** Create a pattern template (flow engine configured); NULL on failure. */
struct rte_flow_pattern_template *rte_flow_pattern_template_create(uint16_t port_id,
		const struct rte_flow_pattern_template_attr *template_attr,
		const struct rte_flow_item pattern[], struct rte_flow_error *error);
/** Destroy a pattern template (NULL: nothing). */
int rte_flow_pattern_template_destroy(uint16_t port_id,
		struct rte_flow_pattern_template *pattern_template, struct rte_flow_error *error);

/** An actions template, opaque. */
struct rte_flow_actions_template;

/** Attributes of an actions template. */
__extension__
struct rte_flow_actions_template_attr {
	uint32_t ingress:1; /**< received traffic */
	uint32_t egress:1; /**< sent traffic */
	uint32_t transfer:1; /**< switch level */
};

/** Create an actions template (flow engine configured); NULL on failure. */
struct rte_flow_actions_template *rte_flow_actions_template_create(uint16_t port_id,
		const struct rte_flow_actions_template_attr *template_attr,
		const struct rte_flow_action actions[], const struct rte_flow_action masks[],
		struct rte_flow_error *error);
/** Destroy an actions template (NULL: nothing). */
int rte_flow_actions_template_destroy(uint16_t port_id,
		struct rte_flow_actions_template *actions_template, struct rte_flow_error *error);

/** A template table, opaque. */
struct rte_flow_template_table;

/** Attributes of a template table. */
struct rte_flow_template_table_attr {
	struct rte_flow_attr flow_attr; /**< attributes of its rules */
	uint32_t nb_flows; /**< most rules */
};

/** Create a template table; NULL on failure. */
struct rte_flow_template_table *rte_flow_template_table_create(uint16_t port_id,
		const struct rte_flow_template_table_attr *table_attr,
		struct rte_flow_pattern_template *pattern_templates[],
		uint8_t nb_pattern_templates,
		struct rte_flow_actions_template *actions_templates[],
		uint8_t nb_actions_templates, struct rte_flow_error *error);
/** Destroy a template table (NULL: nothing). */
int rte_flow_template_table_destroy(uint16_t port_id,
		struct rte_flow_template_table *template_table, struct rte_flow_error *error);

/** Attributes of an asynchronous operation. */
__extension__
struct rte_flow_op_attr {
	uint32_t postpone:1; /**< wait for rte_flow_push before sending it to the device */
};

/** Enqueue the creation of a rule on a flow queue; NULL on failure. */
struct rte_flow *rte_flow_async_create(uint16_t port_id, uint32_t queue_id,
		const struct rte_flow_op_attr *op_attr,
		struct rte_flow_template_table *template_table,
		const struct rte_flow_item pattern[], uint8_t pattern_template_index,
		const struct rte_flow_action actions[], uint8_t actions_template_index,
		void *user_data, struct rte_flow_error *error);
/** Enqueue the destruction of a rule. */
int rte_flow_async_destroy(uint16_t port_id, uint32_t queue_id,
		const struct rte_flow_op_attr *op_attr, struct rte_flow *flow, void *user_data,
		struct rte_flow_error *error);
/** Send the postponed operations of a flow queue to the device. */
int rte_flow_push(uint16_t port_id, uint32_t queue_id, struct rte_flow_error *error);

/** Outcome of an asynchronous operation. */
enum rte_flow_op_status {
	RTE_FLOW_OP_SUCCESS, /**< done */
	RTE_FLOW_OP_ERROR, /**< failed */
};

/** Result of an asynchronous operation (rte_flow_pull). */
__extension__
struct rte_flow_op_result {
	enum rte_flow_op_status status; /**< outcome */
	void *user_data; /**< user_data of the operation */
};

/** Collect up to n_res results of a flow queue; their number, or negative errno. */
int rte_flow_pull(uint16_t port_id, uint32_t queue_id, struct rte_flow_op_result res[],
		uint16_t n_res, struct rte_flow_error *error);
/** Enqueue the creation of an indirect action; NULL on failure. */
struct rte_flow_action_handle *rte_flow_async_action_handle_create(uint16_t port_id,
		uint32_t queue_id, const struct rte_flow_op_attr *op_attr,
		const struct rte_flow_indir_action_conf *indir_action_conf,
		const struct rte_flow_action *action, void *user_data,
		struct rte_flow_error *error);
/** Enqueue the destruction of an indirect action. */
int rte_flow_async_action_handle_destroy(uint16_t port_id, uint32_t queue_id,
		const struct rte_flow_op_attr *op_attr,
		struct rte_flow_action_handle *action_handle, void *user_data,
		struct rte_flow_error *error);
/** Enqueue the update of an indirect action. */
int rte_flow_async_action_handle_update(uint16_t port_id, uint32_t queue_id,
		const struct rte_flow_op_attr *op_attr,
		struct rte_flow_action_handle *action_handle, const void *update, void *user_data,
		struct rte_flow_error *error);
/** Enqueue the query of an indirect action. */
int rte_flow_async_action_handle_query(uint16_t port_id, uint32_t queue_id,
		const struct rte_flow_op_attr *op_attr,
		const struct rte_flow_action_handle *action_handle, void *data, void *user_data,
		struct rte_flow_error *error);

/*
 * Metadata of the META item and SET_META action, carried in an mbuf dynamic field and
 * flag that rte_flow_dynf_metadata_register() creates. Until then the offset is -1 and
 * the mask 0.
 */

/** Offset of the metadata dynamic field in the mbuf, -1 until registered. */
extern int32_t rte_flow_dynf_metadata_offs;

/** ol_flags bit of the metadata dynamic flag, 0 until registered. */
extern uint64_t rte_flow_dynf_metadata_mask;

/** Pointer to the metadata dynamic field of mbuf m. */
#define RTE_FLOW_DYNF_METADATA(m) \
	RTE_MBUF_DYNFIELD((m), rte_flow_dynf_metadata_offs, uint32_t *)

/** ol_flags bit telling the metadata field of a received mbuf is valid. */
#define RTE_MBUF_DYNFLAG_RX_METADATA (rte_flow_dynf_metadata_mask)
/** ol_flags bit asking the device to use the metadata field of a sent mbuf. */
#define RTE_MBUF_DYNFLAG_TX_METADATA (rte_flow_dynf_metadata_mask)

/** Read the metadata field of m; it must have been registered. */
__rte_experimental
static inline uint32_t
rte_flow_dynf_metadata_get(struct rte_mbuf *m)
{
	return *RTE_FLOW_DYNF_METADATA(m);
}

/** Write the metadata field of m (not the flag); it must have been registered. */
__rte_experimental
static inline void
rte_flow_dynf_metadata_set(struct rte_mbuf *m, uint32_t v)
{
	*RTE_FLOW_DYNF_METADATA(m) = v;
}

/**
 * Tell whether the metadata dynamic field and flag are registered.
 *
 * @return
 *   True if registered, false otherwise.
 */
__rte_experimental
static inline int
rte_flow_dynf_metadata_avail(void)
{
	return rte_flow_dynf_metadata_mask != 0;
}

/**
 * Register the metadata dynamic field (RTE_MBUF_DYNFIELD_METADATA_NAME, a uint32_t) and
 * flag (RTE_MBUF_DYNFLAG_METADATA_NAME), and set rte_flow_dynf_metadata_offs and
 * rte_flow_dynf_metadata_mask. Needed before SET_META can deliver anything; calling it
 * again is harmless.
 *
 * @return
 *   0 on success, a negative errno value otherwise and rte_errno is set (the offset is
 *   then -1 and the mask 0).
 */
__rte_experimental
int
rte_flow_dynf_metadata_register(void);

#ifdef __cplusplus
}
#endif

#endif /* RTE_FLOW_H_ */
