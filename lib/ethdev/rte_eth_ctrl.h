/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Definitions of the legacy filter interfaces (n-tuple and flow director) that DPDK still
 * publishes for drivers and applications written before the flow API (rte_flow.h). No call of
 * this tree takes them; they are here so that code using the types builds unchanged.
 */
#ifndef _RTE_ETH_CTRL_H_
#define _RTE_ETH_CTRL_H_

#include <limits.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_ether.h>

#include "rte_flow.h"
#include "rte_ethdev.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_NTUPLE_FLAGS_DST_IP    0x0001 /**< n-tuple filter: destination address */
#define RTE_NTUPLE_FLAGS_SRC_IP    0x0002 /**< n-tuple filter: source address */
#define RTE_NTUPLE_FLAGS_DST_PORT  0x0004 /**< n-tuple filter: destination port */
#define RTE_NTUPLE_FLAGS_SRC_PORT  0x0008 /**< n-tuple filter: source port */
#define RTE_NTUPLE_FLAGS_PROTO     0x0010 /**< n-tuple filter: protocol */
#define RTE_NTUPLE_FLAGS_TCP_FLAG  0x0020 /**< n-tuple filter: TCP flags */

/** The fields of a 5-tuple filter. */
#define RTE_5TUPLE_FLAGS (RTE_NTUPLE_FLAGS_DST_IP | RTE_NTUPLE_FLAGS_SRC_IP | \
	RTE_NTUPLE_FLAGS_DST_PORT | RTE_NTUPLE_FLAGS_SRC_PORT | RTE_NTUPLE_FLAGS_PROTO)

/** The fields of a 2-tuple filter. */
#define RTE_2TUPLE_FLAGS (RTE_NTUPLE_FLAGS_DST_PORT | RTE_NTUPLE_FLAGS_PROTO)

#define RTE_NTUPLE_TCP_FLAGS_MASK 0x3F /**< TCP flags an n-tuple filter can match */

/** An n-tuple filter (addresses and ports in network order). */
struct rte_eth_ntuple_filter {
	uint16_t flags; /**< RTE_NTUPLE_FLAGS_* of the fields that count */
	uint32_t dst_ip; /**< destination address */
	uint32_t dst_ip_mask; /**< its mask */
	uint32_t src_ip; /**< source address */
	uint32_t src_ip_mask; /**< its mask */
	uint16_t dst_port; /**< destination port */
	uint16_t dst_port_mask; /**< its mask */
	uint16_t src_port; /**< source port */
	uint16_t src_port_mask; /**< its mask */
	uint8_t proto; /**< L4 protocol */
	uint8_t proto_mask; /**< its mask */
	uint8_t tcp_flags; /**< TCP flags (RTE_NTUPLE_FLAGS_TCP_FLAG) */
	uint16_t priority; /**< filter priority */
	uint16_t queue; /**< receive queue of matching packets */
};

#define RTE_ETH_FDIR_MAX_FLEXLEN 16  /**< most flexible bytes of a flow director rule */
#define RTE_ETH_INSET_SIZE_MAX   128 /**< most fields of an input set */

/** Fields an input set can be made of. */
enum rte_eth_input_set_field {
	RTE_ETH_INPUT_SET_UNKNOWN = 0, /**< unknown */
	RTE_ETH_INPUT_SET_L2_SRC_MAC = 1, /**< source MAC */
	RTE_ETH_INPUT_SET_L2_DST_MAC, /**< destination MAC */
	RTE_ETH_INPUT_SET_L2_OUTER_VLAN, /**< outer VLAN */
	RTE_ETH_INPUT_SET_L2_INNER_VLAN, /**< inner VLAN */
	RTE_ETH_INPUT_SET_L2_ETHERTYPE, /**< EtherType */
	RTE_ETH_INPUT_SET_L3_SRC_IP4 = 129, /**< IPv4 source */
	RTE_ETH_INPUT_SET_L3_DST_IP4, /**< IPv4 destination */
	RTE_ETH_INPUT_SET_L3_SRC_IP6, /**< IPv6 source */
	RTE_ETH_INPUT_SET_L3_DST_IP6, /**< IPv6 destination */
	RTE_ETH_INPUT_SET_L3_IP4_TOS, /**< IPv4 TOS */
	RTE_ETH_INPUT_SET_L3_IP4_PROTO, /**< IPv4 protocol */
	RTE_ETH_INPUT_SET_L3_IP6_TC, /**< IPv6 traffic class */
	RTE_ETH_INPUT_SET_L3_IP6_NEXT_HEADER, /**< IPv6 next header */
	RTE_ETH_INPUT_SET_L3_IP4_TTL, /**< IPv4 TTL */
	RTE_ETH_INPUT_SET_L3_IP6_HOP_LIMITS, /**< IPv6 hop limit */
	RTE_ETH_INPUT_SET_L4_UDP_SRC_PORT = 257, /**< UDP source port */
	RTE_ETH_INPUT_SET_L4_UDP_DST_PORT, /**< UDP destination port */
	RTE_ETH_INPUT_SET_L4_TCP_SRC_PORT, /**< TCP source port */
	RTE_ETH_INPUT_SET_L4_TCP_DST_PORT, /**< TCP destination port */
	RTE_ETH_INPUT_SET_L4_SCTP_SRC_PORT, /**< SCTP source port */
	RTE_ETH_INPUT_SET_L4_SCTP_DST_PORT, /**< SCTP destination port */
	RTE_ETH_INPUT_SET_L4_SCTP_VERIFICATION_TAG, /**< SCTP verification tag */
	RTE_ETH_INPUT_SET_TUNNEL_L2_INNER_DST_MAC = 385, /**< inner destination MAC */
	RTE_ETH_INPUT_SET_TUNNEL_L2_INNER_SRC_MAC, /**< inner source MAC */
	RTE_ETH_INPUT_SET_TUNNEL_L2_INNER_VLAN, /**< inner VLAN */
	RTE_ETH_INPUT_SET_TUNNEL_L4_UDP_KEY, /**< tunnel key over UDP */
	RTE_ETH_INPUT_SET_TUNNEL_GRE_KEY, /**< GRE key */
	RTE_ETH_INPUT_SET_FLEX_PAYLOAD_1ST_WORD = 641, /**< flexible payload word 1 */
	RTE_ETH_INPUT_SET_FLEX_PAYLOAD_2ND_WORD, /**< flexible payload word 2 */
	RTE_ETH_INPUT_SET_FLEX_PAYLOAD_3RD_WORD, /**< flexible payload word 3 */
	RTE_ETH_INPUT_SET_FLEX_PAYLOAD_4TH_WORD, /**< flexible payload word 4 */
	RTE_ETH_INPUT_SET_FLEX_PAYLOAD_5TH_WORD, /**< flexible payload word 5 */
	RTE_ETH_INPUT_SET_FLEX_PAYLOAD_6TH_WORD, /**< flexible payload word 6 */
	RTE_ETH_INPUT_SET_FLEX_PAYLOAD_7TH_WORD, /**< flexible payload word 7 */
	RTE_ETH_INPUT_SET_FLEX_PAYLOAD_8TH_WORD, /**< flexible payload word 8 */
	RTE_ETH_INPUT_SET_DEFAULT = 65533, /**< the driver's default set */
	RTE_ETH_INPUT_SET_NONE = 65534, /**< no field */
	RTE_ETH_INPUT_SET_MAX = 65535, /**< end of the values */
};

/** How an input set is changed. */
enum rte_filter_input_set_op {
	RTE_ETH_INPUT_SET_OP_UNKNOWN, /**< unknown */
	RTE_ETH_INPUT_SET_SELECT, /**< replace the set */
	RTE_ETH_INPUT_SET_ADD, /**< add to the set */
	RTE_ETH_INPUT_SET_OP_MAX /**< number of operations */
};

/** An input set of one flow type. */
struct rte_eth_input_set_conf {
	uint16_t flow_type; /**< RTE_ETH_FLOW_* */
	uint16_t inset_size; /**< entries of field */
	enum rte_eth_input_set_field field[RTE_ETH_INSET_SIZE_MAX]; /**< the fields */
	enum rte_filter_input_set_op op; /**< replace or add */
};

/** Flow director match on an L2 payload. */
struct rte_eth_l2_flow {
	uint16_t ether_type; /**< EtherType */
};

/** Flow director match on IPv4. */
struct rte_eth_ipv4_flow {
	uint32_t src_ip; /**< source address */
	uint32_t dst_ip; /**< destination address */
	uint8_t tos; /**< type of service */
	uint8_t ttl; /**< time to live */
	uint8_t proto; /**< protocol */
};

/** Flow director match on UDP over IPv4. */
struct rte_eth_udpv4_flow {
	struct rte_eth_ipv4_flow ip; /**< IPv4 fields */
	uint16_t src_port; /**< source port */
	uint16_t dst_port; /**< destination port */
};

/** Flow director match on TCP over IPv4. */
struct rte_eth_tcpv4_flow {
	struct rte_eth_ipv4_flow ip; /**< IPv4 fields */
	uint16_t src_port; /**< source port */
	uint16_t dst_port; /**< destination port */
};

/** Flow director match on SCTP over IPv4. */
struct rte_eth_sctpv4_flow {
	struct rte_eth_ipv4_flow ip; /**< IPv4 fields */
	uint16_t src_port; /**< source port */
	uint16_t dst_port; /**< destination port */
	uint32_t verify_tag; /**< verification tag */
};

/** Flow director match on IPv6. */
struct rte_eth_ipv6_flow {
	uint32_t src_ip[4]; /**< source address */
	uint32_t dst_ip[4]; /**< destination address */
	uint8_t tc; /**< traffic class */
	uint8_t proto; /**< next header */
	uint8_t hop_limits; /**< hop limit */
};

/** Flow director match on UDP over IPv6. */
struct rte_eth_udpv6_flow {
	struct rte_eth_ipv6_flow ip; /**< IPv6 fields */
	uint16_t src_port; /**< source port */
	uint16_t dst_port; /**< destination port */
};

/** Flow director match on TCP over IPv6. */
struct rte_eth_tcpv6_flow {
	struct rte_eth_ipv6_flow ip; /**< IPv6 fields */
	uint16_t src_port; /**< source port */
	uint16_t dst_port; /**< destination port */
};

/** Flow director match on SCTP over IPv6. */
struct rte_eth_sctpv6_flow {
	struct rte_eth_ipv6_flow ip; /**< IPv6 fields */
	uint16_t src_port; /**< source port */
	uint16_t dst_port; /**< destination port */
	uint32_t verify_tag; /**< verification tag */
};

/** Flow director match on a MAC address (with the VLAN of the extension). */
struct rte_eth_mac_vlan_flow {
	struct rte_ether_addr mac_addr; /**< MAC address */
};

/** Tunnel kinds of the flow director. */
enum rte_eth_fdir_tunnel_type {
	RTE_FDIR_TUNNEL_TYPE_UNKNOWN = 0, /**< unknown */
	RTE_FDIR_TUNNEL_TYPE_NVGRE, /**< NVGRE */
	RTE_FDIR_TUNNEL_TYPE_VXLAN, /**< VXLAN */
};

/** Flow director match on a tunnel. */
struct rte_eth_tunnel_flow {
	enum rte_eth_fdir_tunnel_type tunnel_type; /**< tunnel kind */
	uint32_t tunnel_id; /**< VNI or TNI */
	struct rte_ether_addr mac_addr; /**< inner MAC address */
};

/** What a flow director rule matches, by flow type. */
union rte_eth_fdir_flow {
	struct rte_eth_l2_flow l2_flow; /**< L2 payload */
	struct rte_eth_udpv4_flow udp4_flow; /**< UDP over IPv4 */
	struct rte_eth_tcpv4_flow tcp4_flow; /**< TCP over IPv4 */
	struct rte_eth_sctpv4_flow sctp4_flow; /**< SCTP over IPv4 */
	struct rte_eth_ipv4_flow ip4_flow; /**< IPv4 */
	struct rte_eth_udpv6_flow udp6_flow; /**< UDP over IPv6 */
	struct rte_eth_tcpv6_flow tcp6_flow; /**< TCP over IPv6 */
	struct rte_eth_sctpv6_flow sctp6_flow; /**< SCTP over IPv6 */
	struct rte_eth_ipv6_flow ipv6_flow; /**< IPv6 */
	struct rte_eth_mac_vlan_flow mac_vlan_flow; /**< MAC and VLAN */
	struct rte_eth_tunnel_flow tunnel_flow; /**< tunnel */
};

/** Extra fields of a flow director rule. */
struct rte_eth_fdir_flow_ext {
	uint16_t vlan_tci; /**< VLAN tag */
	uint8_t flexbytes[RTE_ETH_FDIR_MAX_FLEXLEN]; /**< flexible bytes */
	uint8_t is_vf; /**< the rule is for a VF */
	uint16_t dst_id; /**< VF id */
};

/** The match of a flow director rule. */
struct rte_eth_fdir_input {
	uint16_t flow_type; /**< RTE_ETH_FLOW_* */
	union rte_eth_fdir_flow flow; /**< fields of that flow type */
	struct rte_eth_fdir_flow_ext flow_ext; /**< extra fields */
};

/** What a flow director rule does with matching packets. */
enum rte_eth_fdir_behavior {
	RTE_ETH_FDIR_ACCEPT = 0, /**< deliver to rx_queue */
	RTE_ETH_FDIR_REJECT, /**< drop */
	RTE_ETH_FDIR_PASSTHRU, /**< let other filters decide */
};

/** What a flow director rule reports in the mbuf. */
enum rte_eth_fdir_status {
	RTE_ETH_FDIR_NO_REPORT_STATUS = 0, /**< nothing */
	RTE_ETH_FDIR_REPORT_ID, /**< the soft id */
	RTE_ETH_FDIR_REPORT_ID_FLEX_4, /**< the soft id and 4 flexible bytes */
	RTE_ETH_FDIR_REPORT_FLEX_8, /**< 8 flexible bytes */
};

/** The action of a flow director rule. */
struct rte_eth_fdir_action {
	uint16_t rx_queue; /**< receive queue */
	enum rte_eth_fdir_behavior behavior; /**< accept, reject or pass */
	enum rte_eth_fdir_status report_status; /**< what the mbuf reports */
	uint8_t flex_off; /**< offset of the reported flexible bytes */
};

/** A flow director rule. */
struct rte_eth_fdir_filter {
	uint32_t soft_id; /**< id reported with matching packets */
	struct rte_eth_fdir_input input; /**< match */
	struct rte_eth_fdir_action action; /**< action */
};

/** Masks of the flow director fields. */
struct rte_eth_fdir_masks {
	uint16_t vlan_tci_mask; /**< VLAN tag */
	struct rte_eth_ipv4_flow ipv4_mask; /**< IPv4 fields */
	struct rte_eth_ipv6_flow ipv6_mask; /**< IPv6 fields */
	uint16_t src_port_mask; /**< source port */
	uint16_t dst_port_mask; /**< destination port */
	uint8_t mac_addr_byte_mask; /**< bytes of the MAC address (bit per byte) */
	uint32_t tunnel_id_mask; /**< tunnel id */
	uint8_t tunnel_type_mask; /**< tunnel kind */
};

/** Where flexible payload bytes are taken from. */
enum rte_eth_payload_type {
	RTE_ETH_PAYLOAD_UNKNOWN = 0, /**< unknown */
	RTE_ETH_RAW_PAYLOAD, /**< the start of the packet */
	RTE_ETH_L2_PAYLOAD, /**< the L2 payload */
	RTE_ETH_L3_PAYLOAD, /**< the L3 payload */
	RTE_ETH_L4_PAYLOAD, /**< the L4 payload */
	RTE_ETH_PAYLOAD_MAX = 8, /**< end of the values */
};

/** Offsets of the flexible payload bytes of one payload kind. */
struct rte_eth_flex_payload_cfg {
	enum rte_eth_payload_type type; /**< payload kind */
	uint16_t src_offset[RTE_ETH_FDIR_MAX_FLEXLEN]; /**< offsets */
};

/** Mask of the flexible bytes of one flow type. */
struct rte_eth_fdir_flex_mask {
	uint16_t flow_type; /**< RTE_ETH_FLOW_* */
	uint8_t mask[RTE_ETH_FDIR_MAX_FLEXLEN]; /**< mask */
};

/** Flexible payload configuration. */
struct rte_eth_fdir_flex_conf {
	uint16_t nb_payloads; /**< entries of flex_set */
	uint16_t nb_flexmasks; /**< entries of flex_mask */
	struct rte_eth_flex_payload_cfg flex_set[RTE_ETH_PAYLOAD_MAX]; /**< per payload kind */
	struct rte_eth_fdir_flex_mask flex_mask[RTE_ETH_FLOW_MAX]; /**< per flow type */
};

/** Flow director modes. */
enum rte_fdir_mode {
	RTE_FDIR_MODE_NONE = 0, /**< off */
	RTE_FDIR_MODE_SIGNATURE, /**< hash signatures */
	RTE_FDIR_MODE_PERFECT, /**< exact matches */
	RTE_FDIR_MODE_PERFECT_MAC_VLAN, /**< exact MAC and VLAN matches */
	RTE_FDIR_MODE_PERFECT_TUNNEL, /**< exact tunnel matches */
};

/** Bits of a uint64_t. */
#define UINT64_BIT (CHAR_BIT * sizeof(uint64_t))
/** Words of a bit mask over the flow types. */
#define RTE_FLOW_MASK_ARRAY_SIZE \
	(RTE_ALIGN(RTE_ETH_FLOW_MAX, UINT64_BIT) / UINT64_BIT)

/** Flow director information of a port. */
struct rte_eth_fdir_info {
	enum rte_fdir_mode mode; /**< mode */
	struct rte_eth_fdir_masks mask; /**< field masks */
	struct rte_eth_fdir_flex_conf flex_conf; /**< flexible payload */
	uint32_t guarant_spc; /**< guaranteed rules */
	uint32_t best_spc; /**< best-effort rules */
	uint64_t flow_types_mask[RTE_FLOW_MASK_ARRAY_SIZE]; /**< flow types supported */
	uint32_t max_flexpayload; /**< most flexible payload bytes */
	uint32_t flex_payload_unit; /**< flexible payload unit in bytes */
	uint32_t max_flex_payload_segment_num; /**< most flexible payload segments */
	uint16_t flex_payload_limit; /**< flexible payload offset limit */
	uint32_t flex_bitmask_unit; /**< flexible mask unit in bytes */
	uint32_t max_flex_bitmask_num; /**< most flexible masks */
};

/** Flow director statistics. */
struct rte_eth_fdir_stats {
	uint32_t collision; /**< hash collisions */
	uint32_t free; /**< free entries */
	uint32_t maxhash; /**< longest hash chain */
	uint32_t maxlen; /**< longest bucket */
	uint64_t add; /**< rules added */
	uint64_t remove; /**< rules removed */
	uint64_t f_add; /**< failed additions */
	uint64_t f_remove; /**< failed removals */
	uint32_t guarant_cnt; /**< guaranteed rules in use */
	uint32_t best_cnt; /**< best-effort rules in use */
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETH_CTRL_H_ */
