/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef RTE_ETH_BOND_8023AD_H_
#define RTE_ETH_BOND_8023AD_H_

/**
 * @file
 * IEEE 802.3ad (LACP) definitions of the bonding driver: the frames of the slow protocols
 * and the configuration of mode 4 (BONDING_MODE_8023AD).
 *
 * The bond runs LACP from an EAL alarm every update_timeout_ms: the application only has to
 * call the bond's rx and tx bursts (tx bursts of 0 packets will do) so that LACPDUs are
 * received and, without dedicated queues, sent. A member carries traffic once LACP has
 * brought it to DISTRIBUTING. The functions return 0 or a negative errno; -EINVAL when the
 * port is not a bond, or (except conf_get and setup) not a bond in mode 4.
 */

#include <rte_ether.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Actor/partner state bit: LACP active. */
#define STATE_LACP_ACTIVE                   0x01
/** Actor/partner state bit: short timeout. */
#define STATE_LACP_SHORT_TIMEOUT            0x02
/** Actor/partner state bit: the link can be aggregated. */
#define STATE_AGGREGATION                   0x04
/** Actor/partner state bit: in sync with the partner. */
#define STATE_SYNCHRONIZATION               0x08
/** Actor/partner state bit: receiving frames. */
#define STATE_COLLECTING                    0x10
/** Actor/partner state bit: sending frames. */
#define STATE_DISTRIBUTING                  0x20
/** Actor/partner state bit: partner information is the default one. */
#define STATE_DEFAULTED                     0x40
/** Actor/partner state bit: the receive machine is in EXPIRED. */
#define STATE_EXPIRED                       0x80

/** LACPDU TLV: actor information. */
#define TLV_TYPE_ACTOR_INFORMATION          0x01
/** LACPDU TLV: partner information. */
#define TLV_TYPE_PARTNER_INFORMATION        0x02
/** LACPDU TLV: collector information. */
#define TLV_TYPE_COLLECTOR_INFORMATION      0x03
/** LACPDU TLV: terminator. */
#define TLV_TYPE_TERMINATOR_INFORMATION     0x00

/** Slow protocol subtype of LACP. */
#define SLOW_SUBTYPE_LACP                   0x01
/** Slow protocol subtype of the marker protocol. */
#define SLOW_SUBTYPE_MARKER                 0x02

/** Marker TLV: information. */
#define MARKER_TLV_TYPE_INFO                0x01
/** Marker TLV: response. */
#define MARKER_TLV_TYPE_RESP                0x02

/** Descriptors of a dedicated slow protocol transmit queue. */
#define SLOW_TX_QUEUE_HW_DEFAULT_SIZE       512
/** Descriptors of a dedicated slow protocol receive queue. */
#define SLOW_RX_QUEUE_HW_DEFAULT_SIZE       512

/** Called with each LACP frame a member received, when the application runs LACP. */
typedef void (*rte_eth_bond_8023ad_ext_slowrx_fn)(uint16_t slave_id,
		struct rte_mbuf *lacp_pkt);

/** Selection state of a member's aggregator. */
enum rte_bond_8023ad_selection {
	UNSELECTED, /**< no aggregator */
	STANDBY,    /**< aggregator chosen, not in use */
	SELECTED    /**< aggregator in use */
};

/** How the aggregator is chosen. */
enum rte_bond_8023ad_agg_selection {
	AGG_BANDWIDTH, /**< largest bandwidth */
	AGG_COUNT,     /**< most ports */
	AGG_STABLE     /**< keep the current one */
};

/** Generic slow protocol frame body. */
struct slow_protocol {
	uint8_t subtype;            /**< SLOW_SUBTYPE_* */
	uint8_t reserved_119[119];  /**< rest of the body */
} __rte_packed;

/** Slow protocol frame. */
struct slow_protocol_frame {
	struct rte_ether_hdr eth_hdr;         /**< Ethernet header */
	struct slow_protocol slow_protocol;   /**< body */
} __rte_packed __rte_aligned(2);

/** System and port identity in an LACPDU. */
struct port_params {
	uint16_t system_priority;     /**< system priority */
	struct rte_ether_addr system; /**< system MAC address */
	uint16_t key;                 /**< operational key */
	uint16_t port_priority;       /**< port priority */
	uint16_t port_number;         /**< port number */
} __rte_packed __rte_aligned(2);

/** Actor or partner TLV of an LACPDU. */
struct lacpdu_actor_partner_params {
	uint8_t tlv_type_info;          /**< TLV_TYPE_ACTOR/PARTNER_INFORMATION */
	uint8_t info_length;            /**< length of the TLV */
	struct port_params port_params; /**< identity */
	uint8_t state;                  /**< STATE_* bits */
	uint8_t reserved_3[3];          /**< padding */
} __rte_packed __rte_aligned(2);

/** LACPDU body. */
struct lacpdu {
	uint8_t subtype;                          /**< SLOW_SUBTYPE_LACP */
	uint8_t version_number;                   /**< protocol version */
	struct lacpdu_actor_partner_params actor;   /**< actor TLV */
	struct lacpdu_actor_partner_params partner; /**< partner TLV */
	uint8_t tlv_type_collector_info;          /**< TLV_TYPE_COLLECTOR_INFORMATION */
	uint8_t collector_info_length;            /**< length of the collector TLV */
	uint16_t collector_max_delay;             /**< collector maximum delay */
	uint8_t reserved_12[12];                  /**< padding */
	uint8_t tlv_type_terminator;              /**< TLV_TYPE_TERMINATOR_INFORMATION */
	uint8_t terminator_length;                /**< length of the terminator */
	uint8_t reserved_50[50];                  /**< padding */
} __rte_packed __rte_aligned(2);

/** LACPDU frame. */
struct lacpdu_header {
	struct rte_ether_hdr eth_hdr; /**< Ethernet header */
	struct lacpdu lacpdu;         /**< body */
} __rte_packed __rte_aligned(2);

/** Marker protocol body. */
struct marker {
	uint8_t subtype;                          /**< SLOW_SUBTYPE_MARKER */
	uint8_t version_number;                   /**< protocol version */
	uint8_t tlv_type_marker;                  /**< MARKER_TLV_TYPE_* */
	uint8_t info_length;                      /**< length of the TLV */
	uint16_t requester_port;                  /**< port of the requester */
	struct rte_ether_addr requester_system;   /**< system of the requester */
	uint32_t requester_transaction_id;        /**< transaction id */
	uint8_t reserved_2[2];                    /**< padding */
	uint8_t tlv_type_terminator;              /**< terminator TLV type */
	uint8_t terminator_length;                /**< length of the terminator */
	uint8_t reserved_90[90];                  /**< padding */
} __rte_packed __rte_aligned(2);

/** Marker frame. */
struct marker_header {
	struct rte_ether_hdr eth_hdr; /**< Ethernet header */
	struct marker marker;         /**< body */
} __rte_packed __rte_aligned(2);

/** Timers and options of mode 4. */
struct rte_eth_bond_8023ad_conf {
	uint32_t fast_periodic_ms;          /**< fast periodic LACPDU interval */
	uint32_t slow_periodic_ms;          /**< slow periodic LACPDU interval */
	uint32_t short_timeout_ms;          /**< short partner timeout */
	uint32_t long_timeout_ms;           /**< long partner timeout */
	uint32_t aggregate_wait_timeout_ms; /**< wait before aggregating */
	uint32_t tx_period_ms;              /**< minimum interval between LACPDUs */
	uint32_t rx_marker_period_ms;       /**< minimum interval between markers */
	uint32_t update_timeout_ms;         /**< state machine period */
	rte_eth_bond_8023ad_ext_slowrx_fn slowrx_cb; /**< application's LACP, or NULL */
	enum rte_bond_8023ad_agg_selection agg_selection; /**< aggregator choice */
};

/** Mode 4 state of one member. */
struct rte_eth_bond_8023ad_slave_info {
	enum rte_bond_8023ad_selection selected; /**< selection state */
	uint8_t actor_state;                     /**< actor STATE_* bits */
	struct port_params actor;                /**< actor identity */
	uint8_t partner_state;                   /**< partner STATE_* bits */
	struct port_params partner;              /**< partner identity */
	uint16_t agg_port_id;                    /**< port of the aggregator */
};

/** Read the mode 4 configuration of a bond. @return 0 or a negative errno. */
int
rte_eth_bond_8023ad_conf_get(uint16_t port_id,
		struct rte_eth_bond_8023ad_conf *conf);

/** Set the mode 4 configuration of a bond (NULL: defaults). @return 0 or a negative errno. */
int
rte_eth_bond_8023ad_setup(uint16_t port_id,
		struct rte_eth_bond_8023ad_conf *conf);

/** Mode 4 state of a member. @return 0 or a negative errno. */
int
rte_eth_bond_8023ad_slave_info(uint16_t port_id, uint16_t slave_id,
		struct rte_eth_bond_8023ad_slave_info *conf);

/** Application-run LACP: turn collecting on a member on or off. @return 0 or an error. */
int
rte_eth_bond_8023ad_ext_collect(uint16_t port_id, uint16_t slave_id,
		int enabled);

/** Application-run LACP: 1 if the member collects, 0 if not, negative on error. */
int
rte_eth_bond_8023ad_ext_collect_get(uint16_t port_id, uint16_t slave_id);

/** Application-run LACP: turn distributing on a member on or off. @return 0 or an error. */
int
rte_eth_bond_8023ad_ext_distrib(uint16_t port_id, uint16_t slave_id,
		int enabled);

/** Application-run LACP: 1 if the member distributes, 0 if not, negative on error. */
int
rte_eth_bond_8023ad_ext_distrib_get(uint16_t port_id, uint16_t slave_id);

/** Application-run LACP: queue an LACPDU for sending on a member. @return 0 or an error. */
int
rte_eth_bond_8023ad_ext_slowtx(uint16_t port_id, uint16_t slave_id,
		struct rte_mbuf *lacp_pkt);

/**
 * Send LACPDUs from the alarm on an extra transmit queue of each member, which no
 * application lcore uses, so that LACP does not depend on the application's tx bursts.
 * Receive has no dedicated queue: LACPDUs are taken out in rx burst. The bond must be in
 * mode 4 and stopped (-EBUSY if started); it applies at the next start.
 * @return 0 or a negative errno.
 */
int
rte_eth_bond_8023ad_dedicated_queues_enable(uint16_t port_id);

/** Stop using dedicated slow protocol queues. @return 0 or an error. */
int
rte_eth_bond_8023ad_dedicated_queues_disable(uint16_t port_id);

/** Aggregator selection of a bond (enum rte_bond_8023ad_agg_selection), or an error. */
int
rte_eth_bond_8023ad_agg_selection_get(uint16_t port_id);

/** Set the aggregator selection of a bond. @return 0 or an error. */
int
rte_eth_bond_8023ad_agg_selection_set(uint16_t port_id,
		enum rte_bond_8023ad_agg_selection agg_selection);

#ifdef __cplusplus
}
#endif

#endif
