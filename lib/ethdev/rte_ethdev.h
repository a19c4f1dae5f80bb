/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Ethernet ports as applications see them: the port table, configuration and control, the
 * inline receive/transmit burst functions, events, and port hotplug (attach/detach).
 *
 * Port ids go from 0 to RTE_MAX_ETHPORTS - 1. A port is created by a driver when its device is
 * probed and lives until the device is detached. Its life cycle is
 *   configure -> queue setup -> start -> (traffic) -> stop -> close -> detach;
 * a closed port keeps its id (so that it can be detached by id) until the device is detached.
 *
 * Thread safety: control functions may be called from any thread; the port table, hotplug and
 * callbacks are serialised internally. Configuring one port from two threads at once is still
 * the application's business. Data-path threads that keep polling while other threads detach
 * ports register with rte_eth_dev_fp_register() and call rte_eth_dev_fp_quiescent() once per
 * loop (see doc/guides/prog_guide/port_hotplug.rst).
 */
#ifndef _RTE_ETHDEV_H_
#define _RTE_ETHDEV_H_

#include <stdint.h>
#include <stdio.h>
#include <stddef.h>

#include <rte_common.h>
#include <rte_bitops.h>
#include <rte_compat.h>
#include <rte_config.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_rcu_qsbr.h>

#include "rte_ethdev_core.h"

#ifdef __cplusplus
extern "C" {
#endif

struct rte_mempool;

/** Longest port name, terminating NUL included. */
#define RTE_ETH_NAME_MAX_LEN RTE_DEV_NAME_MAX_LEN

/** Port id meaning "every port" (callbacks). */
#define RTE_ETH_ALL RTE_MAX_ETHPORTS

/** Longest extended statistic name, terminating NUL included. */
#define RTE_ETH_XSTATS_NAME_SIZE 64

/* Link speeds: bits of rte_eth_conf.link_speeds and rte_eth_dev_info.speed_capa. */
#define RTE_ETH_LINK_SPEED_AUTONEG 0 /**< negotiate any supported speed */
/** do not negotiate: use the one speed bit given with it */
#define RTE_ETH_LINK_SPEED_FIXED   RTE_BIT32(0)
#define RTE_ETH_LINK_SPEED_10M_HD  RTE_BIT32(1) /**< 10 Mbps half duplex */
#define RTE_ETH_LINK_SPEED_10M     RTE_BIT32(2) /**< 10 Mbps full duplex */
#define RTE_ETH_LINK_SPEED_100M_HD RTE_BIT32(3) /**< 100 Mbps half duplex */
#define RTE_ETH_LINK_SPEED_100M    RTE_BIT32(4) /**< 100 Mbps full duplex */
#define RTE_ETH_LINK_SPEED_1G      RTE_BIT32(5) /**< 1 Gbps */
#define RTE_ETH_LINK_SPEED_2_5G    RTE_BIT32(6) /**< 2.5 Gbps */
#define RTE_ETH_LINK_SPEED_5G      RTE_BIT32(7) /**< 5 Gbps */
#define RTE_ETH_LINK_SPEED_10G     RTE_BIT32(8) /**< 10 Gbps */
#define RTE_ETH_LINK_SPEED_20G     RTE_BIT32(9) /**< 20 Gbps */
#define RTE_ETH_LINK_SPEED_25G     RTE_BIT32(10) /**< 25 Gbps */
#define RTE_ETH_LINK_SPEED_40G     RTE_BIT32(11) /**< 40 Gbps */
#define RTE_ETH_LINK_SPEED_50G     RTE_BIT32(12) /**< 50 Gbps */
#define RTE_ETH_LINK_SPEED_56G     RTE_BIT32(13) /**< 56 Gbps */
#define RTE_ETH_LINK_SPEED_100G    RTE_BIT32(14) /**< 100 Gbps */
#define RTE_ETH_LINK_SPEED_200G    RTE_BIT32(15) /**< 200 Gbps */

/* Link speeds in Mbps (rte_eth_link.link_speed). */
#define RTE_ETH_SPEED_NUM_NONE         0 /**< no link */
#define RTE_ETH_SPEED_NUM_10M         10 /**< 10 Mbps */
#define RTE_ETH_SPEED_NUM_100M       100 /**< 100 Mbps */
#define RTE_ETH_SPEED_NUM_1G        1000 /**< 1 Gbps */
#define RTE_ETH_SPEED_NUM_2_5G      2500 /**< 2.5 Gbps */
#define RTE_ETH_SPEED_NUM_5G        5000 /**< 5 Gbps */
#define RTE_ETH_SPEED_NUM_10G      10000 /**< 10 Gbps */
#define RTE_ETH_SPEED_NUM_20G      20000 /**< 20 Gbps */
#define RTE_ETH_SPEED_NUM_25G      25000 /**< 25 Gbps */
#define RTE_ETH_SPEED_NUM_40G      40000 /**< 40 Gbps */
#define RTE_ETH_SPEED_NUM_50G      50000 /**< 50 Gbps */
#define RTE_ETH_SPEED_NUM_56G      56000 /**< 56 Gbps */
#define RTE_ETH_SPEED_NUM_100G    100000 /**< 100 Gbps */
#define RTE_ETH_SPEED_NUM_200G    200000 /**< 200 Gbps */
#define RTE_ETH_SPEED_NUM_UNKNOWN UINT32_MAX /**< link up, speed not known */

#define RTE_ETH_LINK_HALF_DUPLEX 0 /**< rte_eth_link.link_duplex: half duplex */
#define RTE_ETH_LINK_FULL_DUPLEX 1 /**< rte_eth_link.link_duplex: full duplex */
#define RTE_ETH_LINK_DOWN        0 /**< rte_eth_link.link_status: down */
#define RTE_ETH_LINK_UP          1 /**< rte_eth_link.link_status: up */
#define RTE_ETH_LINK_FIXED       0 /**< rte_eth_link.link_autoneg: speed was fixed */
#define RTE_ETH_LINK_AUTONEG     1 /**< rte_eth_link.link_autoneg: speed was negotiated */
/** Buffer size that rte_eth_link_to_str always fits in. */
#define RTE_ETH_LINK_MAX_STR_LEN 40

/** State of a port's link. */
struct rte_eth_link {
	uint32_t link_speed;        /**< RTE_ETH_SPEED_NUM_* */
	uint16_t link_duplex  : 1;  /**< RTE_ETH_LINK_[HALF/FULL]_DUPLEX */
	uint16_t link_autoneg : 1;  /**< RTE_ETH_LINK_[AUTONEG/FIXED] */
	uint16_t link_status  : 1;  /**< RTE_ETH_LINK_[DOWN/UP] */
} __rte_aligned(8);             /* read and written as one 64-bit word */

/* Multi-queue modes. */
#define RTE_ETH_MQ_RX_RSS_FLAG  RTE_BIT32(0) /**< receive multi-queue mode bit: RSS */
#define RTE_ETH_MQ_RX_DCB_FLAG  RTE_BIT32(1) /**< receive multi-queue mode bit: DCB */
#define RTE_ETH_MQ_RX_VMDQ_FLAG RTE_BIT32(2) /**< receive multi-queue mode bit: VMDq */

/** How received packets are spread over the receive queues (rte_eth_rxmode.mq_mode). */
enum rte_eth_rx_mq_mode {
	RTE_ETH_MQ_RX_NONE = 0, /**< one queue, or the driver's choice */
	RTE_ETH_MQ_RX_RSS = RTE_ETH_MQ_RX_RSS_FLAG, /**< RSS hashing over the queues */
	RTE_ETH_MQ_RX_DCB = RTE_ETH_MQ_RX_DCB_FLAG, /**< DCB traffic classes */
	/** DCB, then RSS within each class */
	RTE_ETH_MQ_RX_DCB_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_VMDQ_ONLY = RTE_ETH_MQ_RX_VMDQ_FLAG, /**< VMDq pools only */
	/** VMDq pools, then RSS within each pool */
	RTE_ETH_MQ_RX_VMDQ_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_VMDQ_FLAG,
	/** VMDq pools with DCB */
	RTE_ETH_MQ_RX_VMDQ_DCB = RTE_ETH_MQ_RX_VMDQ_FLAG | RTE_ETH_MQ_RX_DCB_FLAG,
	/** VMDq pools with DCB and RSS */
	RTE_ETH_MQ_RX_VMDQ_DCB_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_DCB_FLAG |
				 RTE_ETH_MQ_RX_VMDQ_FLAG,
};

/** How the transmit queues are organised (rte_eth_txmode.mq_mode). */
enum rte_eth_tx_mq_mode {
	RTE_ETH_MQ_TX_NONE = 0, /**< no multi-queue scheme */
	RTE_ETH_MQ_TX_DCB, /**< DCB traffic classes */
	RTE_ETH_MQ_TX_VMDQ_DCB, /**< VMDq pools with DCB */
	RTE_ETH_MQ_TX_VMDQ_ONLY, /**< VMDq pools only */
};

/* RSS hash types (rte_eth_rss_conf.rss_hf). */
#define RTE_ETH_RSS_IPV4               RTE_BIT64(2) /**< IPv4 addresses */
#define RTE_ETH_RSS_FRAG_IPV4          RTE_BIT64(3) /**< fragmented IPv4 */
#define RTE_ETH_RSS_NONFRAG_IPV4_TCP   RTE_BIT64(4) /**< IPv4 TCP, with ports */
#define RTE_ETH_RSS_NONFRAG_IPV4_UDP   RTE_BIT64(5) /**< IPv4 UDP, with ports */
#define RTE_ETH_RSS_NONFRAG_IPV4_SCTP  RTE_BIT64(6) /**< IPv4 SCTP, with ports */
#define RTE_ETH_RSS_NONFRAG_IPV4_OTHER RTE_BIT64(7) /**< other IPv4 payloads */
#define RTE_ETH_RSS_IPV6               RTE_BIT64(8) /**< IPv6 addresses */
#define RTE_ETH_RSS_FRAG_IPV6          RTE_BIT64(9) /**< fragmented IPv6 */
#define RTE_ETH_RSS_NONFRAG_IPV6_TCP   RTE_BIT64(10) /**< IPv6 TCP, with ports */
#define RTE_ETH_RSS_NONFRAG_IPV6_UDP   RTE_BIT64(11) /**< IPv6 UDP, with ports */
#define RTE_ETH_RSS_NONFRAG_IPV6_SCTP  RTE_BIT64(12) /**< IPv6 SCTP, with ports */
#define RTE_ETH_RSS_NONFRAG_IPV6_OTHER RTE_BIT64(13) /**< other IPv6 payloads */
#define RTE_ETH_RSS_L2_PAYLOAD         RTE_BIT64(14) /**< Ethernet payload of non-IP frames */
#define RTE_ETH_RSS_IPV6_EX            RTE_BIT64(15) /**< IPv6 with extension headers */
#define RTE_ETH_RSS_IPV6_TCP_EX        RTE_BIT64(16) /**< IPv6 TCP with extension headers */
#define RTE_ETH_RSS_IPV6_UDP_EX        RTE_BIT64(17) /**< IPv6 UDP with extension headers */
/** Every IP hash type that does not look at ports. */
#define RTE_ETH_RSS_IP (RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_FRAG_IPV4 | \
	RTE_ETH_RSS_NONFRAG_IPV4_OTHER | RTE_ETH_RSS_IPV6 | RTE_ETH_RSS_FRAG_IPV6 | \
	RTE_ETH_RSS_NONFRAG_IPV6_OTHER | RTE_ETH_RSS_IPV6_EX)
/** Every UDP hash type. */
#define RTE_ETH_RSS_UDP (RTE_ETH_RSS_NONFRAG_IPV4_UDP | RTE_ETH_RSS_NONFRAG_IPV6_UDP | \
	RTE_ETH_RSS_IPV6_UDP_EX)
/** Every TCP hash type. */
#define RTE_ETH_RSS_TCP (RTE_ETH_RSS_NONFRAG_IPV4_TCP | RTE_ETH_RSS_NONFRAG_IPV6_TCP | \
	RTE_ETH_RSS_IPV6_TCP_EX)

/* Receive offloads (rxmode.offloads, rte_eth_rxconf.offloads, *_offload_capa). */
/** remove the VLAN tag into mbuf vlan_tci */
#define RTE_ETH_RX_OFFLOAD_VLAN_STRIP       RTE_BIT64(0)
#define RTE_ETH_RX_OFFLOAD_IPV4_CKSUM       RTE_BIT64(1) /**< check IPv4 header checksums */
#define RTE_ETH_RX_OFFLOAD_UDP_CKSUM        RTE_BIT64(2) /**< check UDP checksums */
#define RTE_ETH_RX_OFFLOAD_TCP_CKSUM        RTE_BIT64(3) /**< check TCP checksums */
/** coalesce TCP segments (large receive) */
#define RTE_ETH_RX_OFFLOAD_TCP_LRO          RTE_BIT64(4)
#define RTE_ETH_RX_OFFLOAD_QINQ_STRIP       RTE_BIT64(5) /**< remove both QinQ tags */
/** check outer IPv4 checksums of tunnels */
#define RTE_ETH_RX_OFFLOAD_OUTER_IPV4_CKSUM RTE_BIT64(6)
#define RTE_ETH_RX_OFFLOAD_MACSEC_STRIP     RTE_BIT64(7) /**< remove MACsec headers */
#define RTE_ETH_RX_OFFLOAD_VLAN_FILTER      RTE_BIT64(9) /**< drop VLANs not in the port's filter */
#define RTE_ETH_RX_OFFLOAD_VLAN_EXTEND      RTE_BIT64(10) /**< double VLAN (extended) mode */
#define RTE_ETH_RX_OFFLOAD_SCATTER          RTE_BIT64(13) /**< receive packets over several mbufs */
#define RTE_ETH_RX_OFFLOAD_TIMESTAMP        RTE_BIT64(14) /**< timestamp received packets */
#define RTE_ETH_RX_OFFLOAD_SECURITY         RTE_BIT64(15) /**< inline security processing */
/** keep the Ethernet CRC in the packet */
#define RTE_ETH_RX_OFFLOAD_KEEP_CRC         RTE_BIT64(16)
#define RTE_ETH_RX_OFFLOAD_SCTP_CKSUM       RTE_BIT64(17) /**< check SCTP checksums */
/** check outer UDP checksums of tunnels */
#define RTE_ETH_RX_OFFLOAD_OUTER_UDP_CKSUM  RTE_BIT64(18)
#define RTE_ETH_RX_OFFLOAD_RSS_HASH         RTE_BIT64(19) /**< put the RSS hash in the mbuf */
/** split packets over buffers of several pools */
#define RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT     RTE_BIT64(20)
/** IPv4, UDP and TCP checksum checks together. */
#define RTE_ETH_RX_OFFLOAD_CHECKSUM (RTE_ETH_RX_OFFLOAD_IPV4_CKSUM | \
	RTE_ETH_RX_OFFLOAD_UDP_CKSUM | RTE_ETH_RX_OFFLOAD_TCP_CKSUM)
/** Every VLAN receive offload. */
#define RTE_ETH_RX_OFFLOAD_VLAN (RTE_ETH_RX_OFFLOAD_VLAN_STRIP | \
	RTE_ETH_RX_OFFLOAD_VLAN_FILTER | RTE_ETH_RX_OFFLOAD_VLAN_EXTEND | \
	RTE_ETH_RX_OFFLOAD_QINQ_STRIP)

/* Transmit offloads (txmode.offloads, rte_eth_txconf.offloads, *_offload_capa). */
#define RTE_ETH_TX_OFFLOAD_VLAN_INSERT      RTE_BIT64(0) /**< insert the mbuf's VLAN tag */
#define RTE_ETH_TX_OFFLOAD_IPV4_CKSUM       RTE_BIT64(1) /**< compute IPv4 header checksums */
#define RTE_ETH_TX_OFFLOAD_UDP_CKSUM        RTE_BIT64(2) /**< compute UDP checksums */
#define RTE_ETH_TX_OFFLOAD_TCP_CKSUM        RTE_BIT64(3) /**< compute TCP checksums */
#define RTE_ETH_TX_OFFLOAD_SCTP_CKSUM       RTE_BIT64(4) /**< compute SCTP checksums */
#define RTE_ETH_TX_OFFLOAD_TCP_TSO          RTE_BIT64(5) /**< TCP segmentation */
#define RTE_ETH_TX_OFFLOAD_UDP_TSO          RTE_BIT64(6) /**< UDP segmentation */
/** compute outer IPv4 checksums of tunnels */
#define RTE_ETH_TX_OFFLOAD_OUTER_IPV4_CKSUM RTE_BIT64(7)
#define RTE_ETH_TX_OFFLOAD_QINQ_INSERT      RTE_BIT64(8) /**< insert both QinQ tags */
#define RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO    RTE_BIT64(9) /**< segmentation inside VXLAN */
#define RTE_ETH_TX_OFFLOAD_GRE_TNL_TSO      RTE_BIT64(10) /**< segmentation inside GRE */
#define RTE_ETH_TX_OFFLOAD_IPIP_TNL_TSO     RTE_BIT64(11) /**< segmentation inside IP-in-IP */
#define RTE_ETH_TX_OFFLOAD_GENEVE_TNL_TSO   RTE_BIT64(12) /**< segmentation inside Geneve */
#define RTE_ETH_TX_OFFLOAD_MACSEC_INSERT    RTE_BIT64(13) /**< add MACsec headers */
/** several threads may send on one queue */
#define RTE_ETH_TX_OFFLOAD_MT_LOCKFREE      RTE_BIT64(14)
#define RTE_ETH_TX_OFFLOAD_MULTI_SEGS       RTE_BIT64(15) /**< packets may span several mbufs */
#define RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE   RTE_BIT64(16) /**< mbufs: one pool, refcnt 1, direct */
#define RTE_ETH_TX_OFFLOAD_SECURITY         RTE_BIT64(17) /**< inline security processing */
#define RTE_ETH_TX_OFFLOAD_UDP_TNL_TSO      RTE_BIT64(18) /**< segmentation inside any UDP tunnel */
#define RTE_ETH_TX_OFFLOAD_IP_TNL_TSO       RTE_BIT64(19) /**< segmentation inside any IP tunnel */
/** compute outer UDP checksums of tunnels */
#define RTE_ETH_TX_OFFLOAD_OUTER_UDP_CKSUM  RTE_BIT64(20)
/** Send each packet at the time in its mbuf timestamp. */
#define RTE_ETH_TX_OFFLOAD_SEND_ON_TIMESTAMP RTE_BIT64(21)

/* Device capabilities (rte_eth_dev_info.dev_capa). */
/** Receive queues can be set up while the port is started. */
#define RTE_ETH_DEV_CAPA_RUNTIME_RX_QUEUE_SETUP RTE_BIT64(0)
/** Transmit queues can be set up while the port is started. */
#define RTE_ETH_DEV_CAPA_RUNTIME_TX_QUEUE_SETUP RTE_BIT64(1)

/* Port flags (rte_eth_dev_data.dev_flags, *rte_eth_dev_info.dev_flags). */
#define RTE_ETH_DEV_INTR_LSC        RTE_BIT32(1) /**< link state change interrupt */
#define RTE_ETH_DEV_BONDING_MEMBER  RTE_BIT32(2) /**< member of a bonding port */
#define RTE_ETH_DEV_INTR_RMV        RTE_BIT32(3) /**< removal interrupt */
#define RTE_ETH_DEV_REPRESENTOR     RTE_BIT32(4) /**< the port represents another (VF) port */
#define RTE_ETH_DEV_NOLIVE_MAC_ADDR RTE_BIT32(5) /**< MAC address can change only when stopped */
/** ethdev adds per-queue statistics to the port's xstats. */
#define RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS RTE_BIT32(6)

/* Queue states (rte_eth_dev_data.rx_queue_state, rte_eth_rxq_info.queue_state). */
#define RTE_ETH_QUEUE_STATE_STOPPED 0 /**< queue is stopped */
#define RTE_ETH_QUEUE_STATE_STARTED 1 /**< queue is started */
#define RTE_ETH_QUEUE_STATE_HAIRPIN 2 /**< hairpin queue */

/** Prefetch, host and write-back thresholds of a queue. */
struct rte_eth_thresh {
	uint8_t pthresh; /**< prefetch threshold */
	uint8_t hthresh; /**< host threshold */
	uint8_t wthresh; /**< write-back threshold */
};

/** Receive side of rte_eth_conf. */
struct rte_eth_rxmode {
	enum rte_eth_rx_mq_mode mq_mode; /**< multi-queue mode */
	uint32_t mtu;              /**< 0: keep the port's MTU (RTE_ETHER_MTU for a new port) */
	uint32_t max_lro_pkt_size; /**< largest packet LRO may build */
	uint64_t offloads;         /**< RTE_ETH_RX_OFFLOAD_* for every queue */
	uint64_t reserved_64s[2]; /**< reserved, zero */
	void *reserved_ptrs[2]; /**< reserved, NULL */
};

/** Transmit side of rte_eth_conf. */
struct rte_eth_txmode {
	enum rte_eth_tx_mq_mode mq_mode; /**< multi-queue mode */
	uint64_t offloads;         /**< RTE_ETH_TX_OFFLOAD_* for every queue */
	uint16_t pvid; /**< port VLAN id inserted with hw_vlan_insert_pvid */
	__extension__
	uint8_t hw_vlan_reject_tagged : 1, /**< drop tagged packets */
		hw_vlan_reject_untagged : 1, /**< drop untagged packets */
		hw_vlan_insert_pvid : 1; /**< insert pvid as the VLAN tag */
	uint64_t reserved_64s[2]; /**< reserved, zero */
	void *reserved_ptrs[2]; /**< reserved, NULL */
};

/** RSS configuration. */
struct rte_eth_rss_conf {
	uint8_t *rss_key;    /**< NULL: keep the driver's key */
	uint8_t rss_key_len; /**< length of rss_key in bytes */
	uint64_t rss_hf;     /**< RTE_ETH_RSS_* */
};

/** Interrupts the application wants. */
struct rte_eth_intr_conf {
	uint32_t lsc:1;  /**< link state change */
	uint32_t rxq:1;  /**< receive queue */
	uint32_t rmv:1;  /**< device removal */
};

/** Port configuration given to rte_eth_dev_configure. Zeroed is a valid default. */
struct rte_eth_conf {
	uint32_t link_speeds;          /**< RTE_ETH_LINK_SPEED_*; AUTONEG (0) for all */
	struct rte_eth_rxmode rxmode; /**< receive side */
	struct rte_eth_txmode txmode; /**< transmit side */
	uint32_t lpbk_mode;            /**< driver-specific loopback mode, 0 for none */
	struct {
		struct rte_eth_rss_conf rss_conf; /**< RSS hashing */
	} rx_adv_conf; /**< advanced receive configuration */
	uint32_t dcb_capability_en; /**< DCB features to enable, 0 for none */
	struct rte_eth_intr_conf intr_conf; /**< interrupts to enable */
};

/** Receive queue configuration. */
struct rte_eth_rxconf {
	struct rte_eth_thresh rx_thresh; /**< ring thresholds */
	uint16_t rx_free_thresh; /**< free descriptors kept before giving them back */
	uint8_t rx_drop_en; /**< drop packets when no descriptor is free */
	uint8_t rx_deferred_start;  /**< do not start the queue with the port */
	uint16_t rx_nseg; /**< entries of rx_seg (buffer split) */
	uint16_t share_group; /**< shared receive queue group, 0 for none */
	uint16_t share_qid; /**< queue id within the share group */
	uint64_t offloads;          /**< RTE_ETH_RX_OFFLOAD_* for this queue */
	void *rx_seg; /**< buffer split segments */
	struct rte_mempool **rx_mempools; /**< pools to take buffers from (multi-pool) */
	uint16_t rx_nmempool; /**< entries of rx_mempools */
	uint64_t reserved_64s[2]; /**< reserved, zero */
	void *reserved_ptrs[2]; /**< reserved, NULL */
};

/** Transmit queue configuration. */
struct rte_eth_txconf {
	struct rte_eth_thresh tx_thresh; /**< ring thresholds */
	uint16_t tx_rs_thresh; /**< descriptors used before asking for a report */
	uint16_t tx_free_thresh; /**< used descriptors kept before freeing them */
	uint8_t tx_deferred_start;  /**< do not start the queue with the port */
	uint64_t offloads;          /**< RTE_ETH_TX_OFFLOAD_* for this queue */
	uint64_t reserved_64s[2]; /**< reserved, zero */
	void *reserved_ptrs[2]; /**< reserved, NULL */
};

/** Limits on the number of descriptors of a queue. */
struct rte_eth_desc_lim {
	uint16_t nb_max; /**< most descriptors */
	uint16_t nb_min; /**< fewest descriptors */
	uint16_t nb_align;  /**< the count must be a multiple of this */
	uint16_t nb_seg_max; /**< most descriptors for one packet (TSO) */
	uint16_t nb_mtu_seg_max; /**< most descriptors for one MTU-sized packet */
};

/** Receive ring size used when a queue is set up with 0 descriptors and the driver has none. */
#define RTE_ETH_DEV_FALLBACK_RX_RINGSIZE 512
/** Transmit ring size used when a queue is set up with 0 descriptors and the driver has none. */
#define RTE_ETH_DEV_FALLBACK_TX_RINGSIZE 512
/** Receive queues configured when 0 are asked for and the driver has no preference. */
#define RTE_ETH_DEV_FALLBACK_RX_NBQUEUES 1
/** Transmit queues configured when 0 are asked for and the driver has no preference. */
#define RTE_ETH_DEV_FALLBACK_TX_NBQUEUES 1

/** Preferred values a driver suggests for the application. */
struct rte_eth_dev_portconf {
	uint16_t burst_size; /**< preferred burst size */
	uint16_t ring_size; /**< preferred descriptors per queue */
	uint16_t nb_queues; /**< preferred number of queues */
};

/** Switch domain of a port. */
struct rte_eth_switch_info {
	const char *name; /**< switch name */
	uint16_t domain_id; /**< switch domain id */
	uint16_t port_id; /**< port id within the switch */
	uint16_t rx_domain; /**< shared receive queue domain */
};

/** Receive buffer split capabilities. */
struct rte_eth_rxseg_capa {
	__extension__
	uint32_t multi_pools:1; /**< can take buffers from several pools */
	uint32_t offset_allowed:1; /**< segments may start at an offset */
	uint32_t offset_align_log2:4; /**< log2 of the offset alignment */
	uint16_t max_nseg; /**< most segments */
	uint16_t reserved; /**< reserved, zero */
};

/** What a port can do, from rte_eth_dev_info_get. */
struct rte_eth_dev_info {
	struct rte_device *device; /**< generic device of the port */
	const char *driver_name; /**< name of the driver */
	unsigned int if_index;      /**< kernel interface index, 0 if none */
	uint16_t min_mtu; /**< smallest MTU */
	uint16_t max_mtu; /**< largest MTU */
	const uint32_t *dev_flags;  /**< the port's RTE_ETH_DEV_* flags */
	uint32_t min_rx_bufsize; /**< smallest receive buffer */
	uint32_t max_rx_pktlen; /**< largest frame the port receives */
	uint32_t max_lro_pkt_size; /**< largest packet LRO may build */
	uint16_t max_rx_queues; /**< most receive queues */
	uint16_t max_tx_queues; /**< most transmit queues */
	uint32_t max_mac_addrs; /**< most MAC addresses */
	uint32_t max_hash_mac_addrs; /**< most hashed (unicast table) MAC addresses */
	uint16_t max_vfs; /**< most VFs */
	uint16_t max_vmdq_pools; /**< most VMDq pools */
	struct rte_eth_rxseg_capa rx_seg_capa; /**< buffer split capabilities */
	uint64_t rx_offload_capa; /**< RTE_ETH_RX_OFFLOAD_* the port supports */
	uint64_t tx_offload_capa; /**< RTE_ETH_TX_OFFLOAD_* the port supports */
	uint64_t rx_queue_offload_capa; /**< receive offloads settable per queue */
	uint64_t tx_queue_offload_capa; /**< transmit offloads settable per queue */
	uint16_t reta_size; /**< entries of the RSS redirection table */
	uint8_t hash_key_size; /**< RSS key length in bytes */
	uint64_t flow_type_rss_offloads; /**< RTE_ETH_RSS_* the port supports */
	struct rte_eth_rxconf default_rxconf; /**< receive queue configuration used for NULL */
	struct rte_eth_txconf default_txconf; /**< transmit queue configuration used for NULL */
	uint16_t vmdq_queue_base; /**< first VMDq queue */
	uint16_t vmdq_queue_num; /**< VMDq queues */
	uint16_t vmdq_pool_base; /**< first VMDq pool */
	struct rte_eth_desc_lim rx_desc_lim; /**< receive descriptor limits */
	struct rte_eth_desc_lim tx_desc_lim; /**< transmit descriptor limits */
	uint32_t speed_capa;        /**< RTE_ETH_LINK_SPEED_* */
	uint16_t nb_rx_queues;      /**< configured now */
	uint16_t nb_tx_queues; /**< configured now */
	uint16_t max_rx_mempools; /**< most pools per receive queue */
	struct rte_eth_dev_portconf default_rxportconf; /**< preferred receive settings */
	struct rte_eth_dev_portconf default_txportconf; /**< preferred transmit settings */
	uint64_t dev_capa;          /**< RTE_ETH_DEV_CAPA_* */
	struct rte_eth_switch_info switch_info; /**< switch domain */
	uint64_t reserved_64s[2]; /**< reserved, zero */
	void *reserved_ptrs[2]; /**< reserved, NULL */
};

/** Information on one receive queue. */
struct rte_eth_rxq_info {
	struct rte_mempool *mp; /**< pool receive buffers come from */
	struct rte_eth_rxconf conf; /**< queue configuration */
	uint8_t scattered_rx; /**< 1 if packets may span several mbufs */
	uint8_t queue_state;  /**< RTE_ETH_QUEUE_STATE_* */
	uint16_t nb_desc; /**< descriptors */
	uint16_t rx_buf_size; /**< bytes of each receive buffer */
} __rte_cache_min_aligned;

/** Information on one transmit queue. */
struct rte_eth_txq_info {
	struct rte_eth_txconf conf; /**< queue configuration */
	uint16_t nb_desc; /**< descriptors */
	uint8_t queue_state; /**< RTE_ETH_QUEUE_STATE_* */
} __rte_cache_min_aligned;

/** Basic statistics of a port. */
struct rte_eth_stats {
	uint64_t ipackets;   /**< packets received */
	uint64_t opackets;   /**< packets sent */
	uint64_t ibytes; /**< bytes received */
	uint64_t obytes; /**< bytes sent */
	uint64_t imissed;    /**< dropped by the device because no queue had room */
	uint64_t ierrors; /**< receive errors */
	uint64_t oerrors; /**< transmit errors */
	uint64_t rx_nombuf;  /**< receive buffer allocation failures */
	uint64_t q_ipackets[RTE_ETHDEV_QUEUE_STAT_CNTRS]; /**< packets received, per queue */
	uint64_t q_opackets[RTE_ETHDEV_QUEUE_STAT_CNTRS]; /**< packets sent, per queue */
	uint64_t q_ibytes[RTE_ETHDEV_QUEUE_STAT_CNTRS]; /**< bytes received, per queue */
	uint64_t q_obytes[RTE_ETHDEV_QUEUE_STAT_CNTRS]; /**< bytes sent, per queue */
	uint64_t q_errors[RTE_ETHDEV_QUEUE_STAT_CNTRS]; /**< receive errors, per queue */
};

/** One extended statistic: id is its index in the names array. */
struct rte_eth_xstat {
	uint64_t id; /**< index in the names array */
	uint64_t value; /**< value */
};

/** Name of one extended statistic. */
struct rte_eth_xstat_name {
	char name[RTE_ETH_XSTATS_NAME_SIZE]; /**< NUL-terminated name */
};

/** Port events (callbacks). */
enum rte_eth_event_type {
	RTE_ETH_EVENT_UNKNOWN, /**< unknown event */
	RTE_ETH_EVENT_INTR_LSC,     /**< link state changed */
	RTE_ETH_EVENT_QUEUE_STATE, /**< a queue changed state */
	RTE_ETH_EVENT_INTR_RESET, /**< the device asks for a reset */
	RTE_ETH_EVENT_VF_MBOX, /**< message from a VF */
	RTE_ETH_EVENT_MACSEC, /**< MACsec event */
	RTE_ETH_EVENT_INTR_RMV,     /**< the device was removed (surprise unplug) */
	RTE_ETH_EVENT_NEW,          /**< a port was created (probe finished) */
	RTE_ETH_EVENT_DESTROY,      /**< a port was released */
	RTE_ETH_EVENT_IPSEC, /**< IPsec event */
	RTE_ETH_EVENT_FLOW_AGED, /**< flows aged out */
	RTE_ETH_EVENT_RX_AVAIL_THRESH, /**< receive queue above its fill threshold */
	RTE_ETH_EVENT_MAX /**< number of event types */
};

/** Event callback; its return value is passed back to the driver that raised the event. */
typedef int (*rte_eth_dev_cb_fn)(uint16_t port_id, enum rte_eth_event_type event,
		void *cb_arg, void *ret_param);

/* ---- port table ---- */

/** Next valid port id from port_id on (inclusive), or RTE_MAX_ETHPORTS if none. */
uint16_t rte_eth_find_next(uint16_t port_id);

/** Walk every valid port (closed ports included: they can still be detached). */
#define RTE_ETH_FOREACH_DEV(p) \
	for (p = (uint16_t)rte_eth_find_next(0); \
	     (unsigned int)p < (unsigned int)RTE_MAX_ETHPORTS; \
	     p = (uint16_t)rte_eth_find_next(p + 1))

/** Next valid port from port_id on whose device is parent (NULL: any). */
uint16_t rte_eth_find_next_of(uint16_t port_id, const struct rte_device *parent);

/** Walk the ports of one device. */
#define RTE_ETH_FOREACH_DEV_OF(p, parent) \
	for (p = rte_eth_find_next_of(0, parent); \
	     p < RTE_MAX_ETHPORTS; \
	     p = rte_eth_find_next_of(p + 1, parent))

/** 1 if port_id names an allocated port, 0 otherwise. */
int rte_eth_dev_is_valid_port(uint16_t port_id);
/** Number of usable ports. */
uint16_t rte_eth_dev_count_avail(void);
/** Number of allocated ports (same as count_avail here: ports have no owners). */
uint16_t rte_eth_dev_count_total(void);
/** Port id of the port called name. 0, -EINVAL (NULL), -ENODEV (no such port). */
int rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id);
/** Copy the name of port_id (RTE_ETH_NAME_MAX_LEN bytes). 0, -EINVAL, -ENODEV. */
int rte_eth_dev_get_name_by_port(uint16_t port_id, char *name);
/** NUMA node of the port's device, SOCKET_ID_ANY if unknown; -1 with rte_errno on error. */
int rte_eth_dev_socket_id(uint16_t port_id);

/* ---- configuration and control ---- */

/** Capabilities and limits of a port. 0, -ENODEV, -EINVAL, or the driver's error. */
int rte_eth_dev_info_get(uint16_t port_id, struct rte_eth_dev_info *dev_info);

/**
 * Set the number of queues and the port configuration. The port must be stopped.
 * Queues beyond the new counts are released. A closed port is reopened.
 * 0, -ENODEV, -EINVAL, -EBUSY (started), -ENOTSUP, -ENOMEM. Nothing changes on failure.
 */
int rte_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queue, uint16_t nb_tx_queue,
		const struct rte_eth_conf *eth_conf);

/** Round descriptor counts to the port's limits (NULL: leave that one). 0, -ENODEV. */
int rte_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx_desc,
		uint16_t *nb_tx_desc);

/**
 * Create (or recreate) receive queue rx_queue_id of a configured, stopped port.
 * rx_conf NULL uses the driver's default. 0, -ENODEV, -EINVAL, -EBUSY, -ENOMEM.
 */
int rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *rx_conf,
		struct rte_mempool *mb_pool);

/** Create (or recreate) transmit queue tx_queue_id. Same rules as rte_eth_rx_queue_setup. */
int rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc,
		unsigned int socket_id, const struct rte_eth_txconf *tx_conf);

/** Information on one queue. 0, -ENODEV, -EINVAL, -ENOTSUP. */
int rte_eth_rx_queue_info_get(uint16_t port_id, uint16_t queue_id,
		struct rte_eth_rxq_info *qinfo);
/** Information on one transmit queue. 0, -ENODEV, -EINVAL (queue not set up or NULL), -ENOTSUP. */
int rte_eth_tx_queue_info_get(uint16_t port_id, uint16_t queue_id,
		struct rte_eth_txq_info *qinfo);

/**
 * Start the port: every queue must be set up. After this the burst functions reach the driver.
 * 0 (also when already started), -ENODEV, -EINVAL (not configured / queue missing / closed).
 */
int rte_eth_dev_start(uint16_t port_id);

/** Stop the port: bursts return 0 from now on. 0 (also when already stopped), -ENODEV. */
int rte_eth_dev_stop(uint16_t port_id);

/** Bring the link up or down. 0, -ENODEV, -ENOTSUP. */
int rte_eth_dev_set_link_up(uint16_t port_id);
/** Bring the link down. 0, -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_dev_set_link_down(uint16_t port_id);

/**
 * Close the port: stop it if started (no more I/O), release its queues and the driver's
 * per-port resources. The port id stays reserved, in state "closed", until the device is
 * detached (rte_eth_dev_detach or rte_dev_remove); rte_eth_dev_configure reopens it.
 * 0 (also when already closed), -ENODEV.
 */
int rte_eth_dev_close(uint16_t port_id);

/** Stop the port and ask the driver to reset it to its just-probed state. 0 or negative errno. */
int rte_eth_dev_reset(uint16_t port_id);

/** Primary MAC address of the port. 0, -ENODEV, -EINVAL. */
int rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr);
/** Change the primary MAC address. 0, -ENODEV, -EINVAL (invalid address), -ENOTSUP. */
int rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *mac_addr);

/** Promiscuous and all-multicast modes. 0, -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_promiscuous_enable(uint16_t port_id);
/** Leave promiscuous mode. 0, -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_promiscuous_disable(uint16_t port_id);
/** 1 if enabled, 0 if not, -1 for an invalid port. */
int rte_eth_promiscuous_get(uint16_t port_id);
/** Receive every multicast frame. 0, -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_allmulticast_enable(uint16_t port_id);
/** Receive only subscribed multicast frames. 0, -ENODEV, -ENOTSUP, or driver error. */
int rte_eth_allmulticast_disable(uint16_t port_id);
/** 1 if all-multicast is enabled, 0 if not, -1 for an invalid port. */
int rte_eth_allmulticast_get(uint16_t port_id);

/** Link state, waiting for the driver to settle it (up to 9 s for some hardware). */
int rte_eth_link_get(uint16_t port_id, struct rte_eth_link *link);
/** Link state without waiting. 0, -ENODEV, -EINVAL, -ENOTSUP. */
int rte_eth_link_get_nowait(uint16_t port_id, struct rte_eth_link *link);
/** Describe a link ("Link up at 10 Gbps FDX Autoneg"). Length written, or negative errno. */
int rte_eth_link_to_str(char *str, size_t len, const struct rte_eth_link *eth_link);
/** Name of a speed in Mbps ("10 Gbps"). */
const char *rte_eth_link_speed_to_str(uint32_t link_speed);

/** Basic statistics. 0, -ENODEV, -EINVAL, -ENOTSUP. */
int rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats);
/** Zero the basic statistics. 0, -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_stats_reset(uint16_t port_id);

/**
 * Names of the extended statistics. With xstats_names NULL (or size too small) returns the
 * number of statistics; otherwise fills the array and returns the number written.
 * Negative errno for an invalid port.
 */
int rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *xstats_names,
		unsigned int size);
/** Values of the extended statistics, in the order of their names; same return rules. */
int rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n);
/** Zero the driver's extended and the basic statistics. 0, -ENODEV, -ENOTSUP, or error. */
int rte_eth_xstats_reset(uint16_t port_id);

/** MTU. 0, -ENODEV, -EINVAL (outside min_mtu..max_mtu), -ENOTSUP, -EBUSY. */
int rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu);
/** Current MTU into *mtu. 0, -ENODEV, -EINVAL (mtu NULL). */
int rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu);

/**
 * Packet types the port recognises, restricted to ptype_mask (RTE_PTYPE_*_MASK). Writes up to
 * num of them and returns how many there are in total; negative errno on error.
 */
int rte_eth_dev_get_supported_ptypes(uint16_t port_id, uint32_t ptype_mask, uint32_t *ptypes,
		int num);
/**
 * Tell the port which packet types the application needs (ptype_mask 0: none), so it may skip
 * the rest. The supported ones among them are written to set_ptypes (up to num, terminated by
 * RTE_PTYPE_UNKNOWN when room is left). 0 or negative errno.
 */
int rte_eth_dev_set_ptypes(uint16_t port_id, uint32_t ptype_mask, uint32_t *set_ptypes,
		unsigned int num);

/* ---- events ---- */

/**
 * Call cb_fn for event on port_id (RTE_ETH_ALL: every port, also ports created later).
 * 0, -EINVAL, -ENOMEM. Registering the same (port, event, fn, arg) twice is a no-op.
 */
int rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event,
		rte_eth_dev_cb_fn cb_fn, void *cb_arg);
/**
 * Remove callbacks matching (port_id, event, cb_fn, cb_arg); cb_arg (void *)-1 matches any.
 * 0, -EINVAL, -EAGAIN (one of them is running right now; retry).
 */
int rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event,
		rte_eth_dev_cb_fn cb_fn, void *cb_arg);

/* ---- port hotplug ---- */

/**
 * Attach a device and return its first port: devargs is a PCI address ("0000:01:00.0[,k=v]")
 * or a virtual device in --vdev form ("net_null0,size=64"). Works through rte_dev_probe.
 * @return 0 and *port_id; -EINVAL (NULL argument or malformed devargs), -EEXIST (device already
 *   attached), -ENODEV (the device created no port), or the error of rte_dev_probe. On failure
 *   nothing was added: no device, no devargs, no port.
 */
int rte_eth_dev_attach(const char *devargs, uint16_t *port_id);

/**
 * Detach the device of a closed port, with every other port of that device (all must be
 * closed), through rte_dev_remove. devname (RTE_DEV_NAME_MAX_LEN bytes) receives the device
 * name (PCI address or vdev name).
 * @return 0; -ENODEV invalid port id; -EINVAL devname NULL; -EBUSY a port of the device is
 *   started or not closed; -ENOTSUP the driver or bus cannot detach; or the driver's error.
 *   On failure every port, device and devargs entry is as it was.
 */
int rte_eth_dev_detach(uint16_t port_id, char *devname);

/** rte_eth_dev_attach for applications written for the seed API (port ids below 256). */
int rte_eal_dev_attach(const char *devargs, uint8_t *port_id);
/** rte_eth_dev_detach for applications written for the seed API. */
int rte_eal_dev_detach(uint8_t port_id, char *devname);

/* ---- data-path threads and safe detach ---- */

/**
 * Quiescent-state variable of the data path: one reader slot per lcore id. NULL until the
 * first rte_eth_dev_fp_register(). Used by the inline rte_eth_dev_fp_quiescent().
 */
extern struct rte_rcu_qsbr *rte_eth_fp_qsbr;

/**
 * Declare the calling lcore a data-path thread: from now on, memory of queues of stopped,
 * closed or detached ports is freed only after this lcore has called
 * rte_eth_dev_fp_quiescent() (or rte_eth_dev_fp_unregister()). Call it before the first
 * burst, from the lcore itself. 0, -EINVAL (not an EAL or registered thread), -ENOMEM.
 */
int rte_eth_dev_fp_register(void);
/** The calling lcore polls no more ports. 0 or -EINVAL if it was not registered. */
int rte_eth_dev_fp_unregister(void);

/**
 * Report that the calling (registered) lcore holds no queue or port pointer obtained from
 * ethdev: call once per polling loop, between bursts. Does nothing before any lcore
 * registered and on a thread without an lcore id.
 */
static inline void
rte_eth_dev_fp_quiescent(void)
{
	struct rte_rcu_qsbr *v = rte_eth_fp_qsbr;
	unsigned int id = rte_lcore_id();

	if (likely(v != NULL && id < RTE_MAX_LCORE))
		rte_rcu_qsbr_quiescent(v, id);
}

/* ---- data path ---- */

/**
 * Receive up to nb_pkts packets from queue queue_id of port_id. For a port that is stopped,
 * closed or detached this returns 0. port_id and queue_id are not checked.
 */
static inline uint16_t
rte_eth_rx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts,
		const uint16_t nb_pkts)
{
	const struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	return p->rx_pkt_burst(p->rxq.data[queue_id], rx_pkts, nb_pkts);
}

/**
 * Send up to nb_pkts packets on queue queue_id of port_id; the driver takes ownership of the
 * ones it accepts (the return value). For a stopped, closed or detached port this returns 0
 * and the caller still owns every packet.
 */
static inline uint16_t
rte_eth_tx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
		uint16_t nb_pkts)
{
	const struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	return p->tx_pkt_burst(p->txq.data[queue_id], tx_pkts, nb_pkts);
}

/** Let the driver check packets before rte_eth_tx_burst; returns how many are fine. */
static inline uint16_t
rte_eth_tx_prepare(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
		uint16_t nb_pkts)
{
	const struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	if (p->tx_pkt_prepare == NULL)
		return nb_pkts;
	return p->tx_pkt_prepare(p->txq.data[queue_id], tx_pkts, nb_pkts);
}

/* ---- transmit buffering ---- */

/** Called with the packets a flush could not send (count of them, and userdata). */
typedef void (*buffer_tx_error_fn)(struct rte_mbuf **unsent, uint16_t count, void *userdata);

/** Packets waiting to be sent together. Allocate with RTE_ETH_TX_BUFFER_SIZE(size). */
struct rte_eth_dev_tx_buffer {
	buffer_tx_error_fn error_callback; /**< called with the packets a flush could not send */
	void *error_userdata; /**< last argument of error_callback */
	uint16_t size;    /**< capacity in packets */
	uint16_t length;  /**< packets held now */
	struct rte_mbuf *pkts[]; /**< the packets held */
};

/** Bytes needed for a tx buffer holding sz packets. */
#define RTE_ETH_TX_BUFFER_SIZE(sz) \
	(sizeof(struct rte_eth_dev_tx_buffer) + (sz) * sizeof(struct rte_mbuf *))

/** Initialise a tx buffer of size packets (error callback: drop). 0 or -EINVAL. */
int rte_eth_tx_buffer_init(struct rte_eth_dev_tx_buffer *buffer, uint16_t size);
/** Set what happens to unsent packets. 0 or -EINVAL. */
int rte_eth_tx_buffer_set_err_callback(struct rte_eth_dev_tx_buffer *buffer,
		buffer_tx_error_fn callback, void *userdata);
/** Error callback that frees the unsent packets. */
void rte_eth_tx_buffer_drop_callback(struct rte_mbuf **pkts, uint16_t unsent, void *userdata);
/** Error callback that frees them and adds their count to *(uint64_t *)userdata. */
void rte_eth_tx_buffer_count_callback(struct rte_mbuf **pkts, uint16_t unsent,
		void *userdata);

/** Send what the buffer holds; returns the number sent (the rest went to the callback). */
static inline uint16_t
rte_eth_tx_buffer_flush(uint16_t port_id, uint16_t queue_id,
		struct rte_eth_dev_tx_buffer *buffer)
{
	uint16_t to_send = buffer->length;
	uint16_t sent;

	if (to_send == 0)
		return 0;
	sent = rte_eth_tx_burst(port_id, queue_id, buffer->pkts, to_send);
	buffer->length = 0;
	if (unlikely(sent != to_send))
		buffer->error_callback(&buffer->pkts[sent], (uint16_t)(to_send - sent),
				buffer->error_userdata);
	return sent;
}

/** Add one packet; sends the whole buffer once it is full. Returns the number sent now. */
static __rte_always_inline uint16_t
rte_eth_tx_buffer(uint16_t port_id, uint16_t queue_id,
		struct rte_eth_dev_tx_buffer *buffer, struct rte_mbuf *tx_pkt)
{
	buffer->pkts[buffer->length++] = tx_pkt;
	if (buffer->length < buffer->size)
		return 0;
	return rte_eth_tx_buffer_flush(port_id, queue_id, buffer);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHDEV_H_ */
