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
#include <time.h>

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

#include "rte_cman.h"
#include "rte_dev_info.h"

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

#define RTE_ETH_VMDQ_MAX_VLAN_FILTERS   64  /**< VLAN filters of VMDq */
#define RTE_ETH_DCB_NUM_USER_PRIORITIES 8   /**< user priorities of DCB */
#define RTE_ETH_VMDQ_DCB_NUM_QUEUES     128 /**< queues of VMDq with DCB */
#define RTE_ETH_DCB_NUM_QUEUES          128 /**< queues of DCB */

/** Traffic classes of DCB. */
enum rte_eth_nb_tcs {
	RTE_ETH_4_TCS = 4, /**< four traffic classes */
	RTE_ETH_8_TCS = 8  /**< eight traffic classes */
};

/** Pools of VMDq. */
enum rte_eth_nb_pools {
	RTE_ETH_8_POOLS = 8,    /**< 8 pools */
	RTE_ETH_16_POOLS = 16,  /**< 16 pools */
	RTE_ETH_32_POOLS = 32,  /**< 32 pools */
	RTE_ETH_64_POOLS = 64   /**< 64 pools */
};

/** Receive side of DCB (RTE_ETH_MQ_RX_DCB*). */
struct rte_eth_dcb_rx_conf {
	enum rte_eth_nb_tcs nb_tcs; /**< 4 or 8 traffic classes */
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES]; /**< class of each user priority */
};

/** Transmit side of VMDq with DCB (RTE_ETH_MQ_TX_VMDQ_DCB). */
struct rte_eth_vmdq_dcb_tx_conf {
	enum rte_eth_nb_pools nb_queue_pools; /**< 16 or 32 pools */
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES]; /**< class of each user priority */
};

/** Transmit side of DCB (RTE_ETH_MQ_TX_DCB). */
struct rte_eth_dcb_tx_conf {
	enum rte_eth_nb_tcs nb_tcs; /**< 4 or 8 traffic classes */
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES]; /**< class of each user priority */
};

/** Transmit side of VMDq alone (RTE_ETH_MQ_TX_VMDQ_ONLY). */
struct rte_eth_vmdq_tx_conf {
	enum rte_eth_nb_pools nb_queue_pools; /**< number of pools */
};

/**
 * Receive side of VMDq with DCB (RTE_ETH_MQ_RX_VMDQ_DCB): the VLAN id picks the pool, the
 * user priority picks the queue within it.
 */
struct rte_eth_vmdq_dcb_conf {
	enum rte_eth_nb_pools nb_queue_pools; /**< 16 or 32 pools */
	uint8_t enable_default_pool; /**< non-zero: unmatched packets go to default_pool */
	uint8_t default_pool; /**< pool of unmatched packets */
	uint8_t nb_pool_maps; /**< used entries of pool_map */
	struct {
		uint16_t vlan_id; /**< VLAN id to match */
		uint64_t pools;   /**< bit i set: pool i receives this VLAN */
	} pool_map[RTE_ETH_VMDQ_MAX_VLAN_FILTERS]; /**< VLAN to pools */
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES]; /**< queue of each user priority */
};

/**
 * Receive side of VMDq without DCB (RTE_ETH_MQ_RX_VMDQ_ONLY / _RSS): MAC address and VLAN id
 * pick the pool; RSS, when on, picks the queue within it.
 */
struct rte_eth_vmdq_rx_conf {
	enum rte_eth_nb_pools nb_queue_pools; /**< number of pools */
	uint8_t enable_default_pool; /**< non-zero: unmatched packets go to default_pool */
	uint8_t default_pool; /**< pool of unmatched packets */
	uint8_t enable_loop_back; /**< non-zero: pools can send to each other */
	uint8_t nb_pool_maps; /**< used entries of pool_map */
	uint32_t rx_mode; /**< RTE_ETH_VMDQ_ACCEPT_* */
	struct {
		uint16_t vlan_id; /**< VLAN id to match */
		uint64_t pools;   /**< bit i set: pool i receives this VLAN */
	} pool_map[RTE_ETH_VMDQ_MAX_VLAN_FILTERS]; /**< VLAN to pools */
};

/** Port configuration given to rte_eth_dev_configure. Zeroed is a valid default. */
struct rte_eth_conf {
	uint32_t link_speeds;          /**< RTE_ETH_LINK_SPEED_*; AUTONEG (0) for all */
	struct rte_eth_rxmode rxmode; /**< receive side */
	struct rte_eth_txmode txmode; /**< transmit side */
	uint32_t lpbk_mode;            /**< driver-specific loopback mode, 0 for none */
	struct {
		struct rte_eth_rss_conf rss_conf; /**< RSS hashing */
		struct rte_eth_vmdq_dcb_conf vmdq_dcb_conf; /**< VMDq with DCB */
		struct rte_eth_dcb_rx_conf dcb_rx_conf; /**< DCB */
		struct rte_eth_vmdq_rx_conf vmdq_rx_conf; /**< VMDq */
	} rx_adv_conf; /**< advanced receive configuration */
	union {
		struct rte_eth_vmdq_dcb_tx_conf vmdq_dcb_tx_conf; /**< VMDq with DCB */
		struct rte_eth_dcb_tx_conf dcb_tx_conf; /**< DCB */
		struct rte_eth_vmdq_tx_conf vmdq_tx_conf; /**< VMDq */
	} tx_adv_conf; /**< advanced transmit configuration, as tx mq_mode says */
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
	uint8_t avail_thresh; /**< available-descriptor threshold in percent, 0 when off */
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

/* ---- more constants and types of the control API ---- */

/** Log through the ethdev log type (applications and drivers outside the library). */
#define RTE_ETHDEV_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, rte_eth_dev_logtype, "" __VA_ARGS__)

/** Log type of the ethdev library. */
extern int rte_eth_dev_logtype;

/** Return retval from the calling function, with a log line, if port_id is not a valid port. */
#define RTE_ETH_VALID_PORTID_OR_ERR_RET(port_id, retval) do { \
	if (!rte_eth_dev_is_valid_port(port_id)) { \
		RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u\n", port_id); \
		return retval; \
	} \
} while (0)

/** Return from the calling (void) function, with a log line, if port_id is not valid. */
#define RTE_ETH_VALID_PORTID_OR_RET(port_id) do { \
	if (!rte_eth_dev_is_valid_port(port_id)) { \
		RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u\n", port_id); \
		return; \
	} \
} while (0)

/** Old name of struct rte_eth_intr_conf. */
#define rte_intr_conf rte_eth_intr_conf

/* Flow types (RSS and legacy filters). */
#define RTE_ETH_FLOW_UNKNOWN             0 /**< unknown flow type */
#define RTE_ETH_FLOW_RAW                 1 /**< raw flow */
#define RTE_ETH_FLOW_IPV4                2 /**< IPv4 */
#define RTE_ETH_FLOW_FRAG_IPV4           3 /**< fragmented IPv4 */
#define RTE_ETH_FLOW_NONFRAG_IPV4_TCP    4 /**< IPv4 TCP */
#define RTE_ETH_FLOW_NONFRAG_IPV4_UDP    5 /**< IPv4 UDP */
#define RTE_ETH_FLOW_NONFRAG_IPV4_SCTP   6 /**< IPv4 SCTP */
#define RTE_ETH_FLOW_NONFRAG_IPV4_OTHER  7 /**< other IPv4 */
#define RTE_ETH_FLOW_IPV6                8 /**< IPv6 */
#define RTE_ETH_FLOW_FRAG_IPV6           9 /**< fragmented IPv6 */
#define RTE_ETH_FLOW_NONFRAG_IPV6_TCP   10 /**< IPv6 TCP */
#define RTE_ETH_FLOW_NONFRAG_IPV6_UDP   11 /**< IPv6 UDP */
#define RTE_ETH_FLOW_NONFRAG_IPV6_SCTP  12 /**< IPv6 SCTP */
#define RTE_ETH_FLOW_NONFRAG_IPV6_OTHER 13 /**< other IPv6 */
#define RTE_ETH_FLOW_L2_PAYLOAD         14 /**< Ethernet payload */
#define RTE_ETH_FLOW_IPV6_EX            15 /**< IPv6 with extension headers */
#define RTE_ETH_FLOW_IPV6_TCP_EX        16 /**< IPv6 TCP with extension headers */
#define RTE_ETH_FLOW_IPV6_UDP_EX        17 /**< IPv6 UDP with extension headers */
#define RTE_ETH_FLOW_PORT               18 /**< a port (for RSS) */
#define RTE_ETH_FLOW_VXLAN              19 /**< VXLAN */
#define RTE_ETH_FLOW_GENEVE             20 /**< Geneve */
#define RTE_ETH_FLOW_NVGRE              21 /**< NVGRE */
#define RTE_ETH_FLOW_VXLAN_GPE          22 /**< VXLAN-GPE */
#define RTE_ETH_FLOW_GTPU               23 /**< GTP-U */
#define RTE_ETH_FLOW_MAX                24 /**< number of flow types */

/* More RSS hash types (rte_eth_rss_conf.rss_hf). */
#define RTE_ETH_RSS_PORT               RTE_BIT64(18) /**< port number */
#define RTE_ETH_RSS_VXLAN              RTE_BIT64(19) /**< VXLAN */
#define RTE_ETH_RSS_GENEVE             RTE_BIT64(20) /**< Geneve */
#define RTE_ETH_RSS_NVGRE              RTE_BIT64(21) /**< NVGRE */
#define RTE_ETH_RSS_GTPU               RTE_BIT64(23) /**< GTP-U */
#define RTE_ETH_RSS_ETH                RTE_BIT64(24) /**< Ethernet addresses */
#define RTE_ETH_RSS_S_VLAN             RTE_BIT64(25) /**< service VLAN */
#define RTE_ETH_RSS_C_VLAN             RTE_BIT64(26) /**< customer VLAN */
#define RTE_ETH_RSS_ESP                RTE_BIT64(27) /**< ESP SPI */
#define RTE_ETH_RSS_AH                 RTE_BIT64(28) /**< AH SPI */
#define RTE_ETH_RSS_L2TPV3             RTE_BIT64(29) /**< L2TPv3 session */
#define RTE_ETH_RSS_PFCP               RTE_BIT64(30) /**< PFCP SEID */
#define RTE_ETH_RSS_PPPOE              RTE_BIT64(31) /**< PPPoE session */
#define RTE_ETH_RSS_ECPRI              RTE_BIT64(32) /**< eCPRI */
#define RTE_ETH_RSS_MPLS               RTE_BIT64(33) /**< MPLS label */
#define RTE_ETH_RSS_IPV4_CHKSUM        RTE_BIT64(34) /**< IPv4 header checksum */
#define RTE_ETH_RSS_L4_CHKSUM          RTE_BIT64(35) /**< L4 checksum */
#define RTE_ETH_RSS_L2TPV2             RTE_BIT64(36) /**< L2TPv2 session */
#define RTE_ETH_RSS_L3_SRC_ONLY        RTE_BIT64(63) /**< L3 source address only */
#define RTE_ETH_RSS_L3_DST_ONLY        RTE_BIT64(62) /**< L3 destination address only */
#define RTE_ETH_RSS_L4_SRC_ONLY        RTE_BIT64(61) /**< L4 source port only */
#define RTE_ETH_RSS_L4_DST_ONLY        RTE_BIT64(60) /**< L4 destination port only */
#define RTE_ETH_RSS_L2_SRC_ONLY        RTE_BIT64(59) /**< L2 source address only */
#define RTE_ETH_RSS_L2_DST_ONLY        RTE_BIT64(58) /**< L2 destination address only */
#define RTE_ETH_RSS_L3_PRE32           RTE_BIT64(57) /**< first 32 bits of the addresses */
#define RTE_ETH_RSS_L3_PRE40           RTE_BIT64(56) /**< first 40 bits of the addresses */
#define RTE_ETH_RSS_L3_PRE48           RTE_BIT64(55) /**< first 48 bits of the addresses */
#define RTE_ETH_RSS_L3_PRE56           RTE_BIT64(54) /**< first 56 bits of the addresses */
#define RTE_ETH_RSS_L3_PRE64           RTE_BIT64(53) /**< first 64 bits of the addresses */
#define RTE_ETH_RSS_L3_PRE96           RTE_BIT64(52) /**< first 96 bits of the addresses */
#define RTE_ETH_RSS_LEVEL_PMD_DEFAULT  (UINT64_C(0) << 50) /**< encapsulation level: driver's */
#define RTE_ETH_RSS_LEVEL_OUTERMOST    (UINT64_C(1) << 50) /**< outermost headers */
#define RTE_ETH_RSS_LEVEL_INNERMOST    (UINT64_C(2) << 50) /**< innermost headers */
#define RTE_ETH_RSS_LEVEL_MASK         (UINT64_C(3) << 50) /**< bits of the level */
/** Encapsulation level of an rss_hf value. */
#define RTE_ETH_RSS_LEVEL(rss_hf) ((rss_hf & RTE_ETH_RSS_LEVEL_MASK) >> 50)

/** Drop the SRC_ONLY/DST_ONLY pairs that are both set (both means neither). */
static inline uint64_t
rte_eth_rss_hf_refine(uint64_t rss_hf)
{
	const uint64_t l3 = RTE_ETH_RSS_L3_SRC_ONLY | RTE_ETH_RSS_L3_DST_ONLY;
	const uint64_t l4 = RTE_ETH_RSS_L4_SRC_ONLY | RTE_ETH_RSS_L4_DST_ONLY;

	if ((rss_hf & l3) == l3)
		rss_hf &= ~l3;
	if ((rss_hf & l4) == l4)
		rss_hf &= ~l4;
	return rss_hf;
}

/** Every SCTP hash type. */
#define RTE_ETH_RSS_SCTP (RTE_ETH_RSS_NONFRAG_IPV4_SCTP | RTE_ETH_RSS_NONFRAG_IPV6_SCTP)
/** Every tunnel hash type. */
#define RTE_ETH_RSS_TUNNEL (RTE_ETH_RSS_VXLAN | RTE_ETH_RSS_GENEVE | RTE_ETH_RSS_NVGRE)
/** Both VLAN hash types. */
#define RTE_ETH_RSS_VLAN (RTE_ETH_RSS_S_VLAN | RTE_ETH_RSS_C_VLAN)
/** Every protocol hash type (no modifiers). */
#define RTE_ETH_RSS_PROTO_MASK (RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_FRAG_IPV4 | \
	RTE_ETH_RSS_NONFRAG_IPV4_TCP | RTE_ETH_RSS_NONFRAG_IPV4_UDP | \
	RTE_ETH_RSS_NONFRAG_IPV4_SCTP | RTE_ETH_RSS_NONFRAG_IPV4_OTHER | RTE_ETH_RSS_IPV6 | \
	RTE_ETH_RSS_FRAG_IPV6 | RTE_ETH_RSS_NONFRAG_IPV6_TCP | RTE_ETH_RSS_NONFRAG_IPV6_UDP | \
	RTE_ETH_RSS_NONFRAG_IPV6_SCTP | RTE_ETH_RSS_NONFRAG_IPV6_OTHER | \
	RTE_ETH_RSS_L2_PAYLOAD | RTE_ETH_RSS_IPV6_EX | RTE_ETH_RSS_IPV6_TCP_EX | \
	RTE_ETH_RSS_IPV6_UDP_EX | RTE_ETH_RSS_PORT | RTE_ETH_RSS_VXLAN | RTE_ETH_RSS_GENEVE | \
	RTE_ETH_RSS_NVGRE | RTE_ETH_RSS_MPLS)

/* RSS redirection table sizes. */
#define RTE_ETH_RSS_RETA_SIZE_64  64  /**< 64 entries */
#define RTE_ETH_RSS_RETA_SIZE_128 128 /**< 128 entries */
#define RTE_ETH_RSS_RETA_SIZE_256 256 /**< 256 entries */
#define RTE_ETH_RSS_RETA_SIZE_512 512 /**< 512 entries */
#define RTE_ETH_RETA_GROUP_SIZE   64  /**< entries of one rte_eth_rss_reta_entry64 */

#define RTE_ETH_DCB_PG_SUPPORT      RTE_BIT32(0) /**< DCB priority groups */
#define RTE_ETH_DCB_PFC_SUPPORT     RTE_BIT32(1) /**< DCB priority flow control */

/* VLAN offloads (rte_eth_dev_set_vlan_offload, rte_eth_dev_get_vlan_offload). */
#define RTE_ETH_VLAN_STRIP_OFFLOAD   0x0001 /**< VLAN stripping on */
#define RTE_ETH_VLAN_FILTER_OFFLOAD  0x0002 /**< VLAN filtering on */
#define RTE_ETH_VLAN_EXTEND_OFFLOAD  0x0004 /**< double VLAN on */
#define RTE_ETH_QINQ_STRIP_OFFLOAD   0x0008 /**< QinQ stripping on */
#define RTE_ETH_VLAN_STRIP_MASK      0x0001 /**< stripping setting changed */
#define RTE_ETH_VLAN_FILTER_MASK     0x0002 /**< filtering setting changed */
#define RTE_ETH_VLAN_EXTEND_MASK     0x0004 /**< double VLAN setting changed */
#define RTE_ETH_QINQ_STRIP_MASK      0x0008 /**< QinQ stripping setting changed */
#define RTE_ETH_VLAN_ID_MAX          0x0FFF /**< highest VLAN id */

#define RTE_ETH_NUM_RECEIVE_MAC_ADDR   128 /**< most MAC addresses of a port */
#define RTE_ETH_VMDQ_NUM_UC_HASH_ARRAY 128 /**< entries of the unicast hash array */
#define RTE_ETH_VMDQ_ACCEPT_UNTAG      RTE_BIT32(0) /**< VMDq: accept untagged packets */
#define RTE_ETH_VMDQ_ACCEPT_HASH_MC    RTE_BIT32(1) /**< VMDq: accept hashed multicast */
#define RTE_ETH_VMDQ_ACCEPT_HASH_UC    RTE_BIT32(2) /**< VMDq: accept hashed unicast */
#define RTE_ETH_VMDQ_ACCEPT_BROADCAST  RTE_BIT32(3) /**< VMDq: accept broadcast */
#define RTE_ETH_VMDQ_ACCEPT_MULTICAST  RTE_BIT32(4) /**< VMDq: accept every multicast */

/** VLAN tag kinds (rte_eth_dev_set_vlan_ether_type). */
enum rte_vlan_type {
	RTE_ETH_VLAN_TYPE_UNKNOWN = 0, /**< unknown */
	RTE_ETH_VLAN_TYPE_INNER, /**< inner tag (or the only one) */
	RTE_ETH_VLAN_TYPE_OUTER, /**< outer tag */
	RTE_ETH_VLAN_TYPE_MAX, /**< number of kinds */
};

/** VLAN filter: bit (id % 64) of ids[id / 64] set means id passes. */
struct rte_vlan_filter_conf {
	uint64_t ids[64]; /**< one bit per VLAN id */
};

/** 64 entries of the RSS redirection table. */
struct rte_eth_rss_reta_entry64 {
	uint64_t mask; /**< bit i: entry i is read or written */
	uint16_t reta[RTE_ETH_RETA_GROUP_SIZE]; /**< receive queue of each entry */
};

/** Flow control modes. */
enum rte_eth_fc_mode {
	RTE_ETH_FC_NONE = 0, /**< no flow control */
	RTE_ETH_FC_RX_PAUSE, /**< honour received pause frames */
	RTE_ETH_FC_TX_PAUSE, /**< send pause frames */
	RTE_ETH_FC_FULL      /**< both */
};

/** Link-level flow control settings. */
struct rte_eth_fc_conf {
	uint32_t high_water;  /**< fill level that sends XOFF */
	uint32_t low_water;   /**< fill level that sends XON */
	uint16_t pause_time;  /**< pause quanta of XOFF frames */
	uint16_t send_xon;    /**< 1: send XON frames */
	enum rte_eth_fc_mode mode;  /**< flow control mode */
	uint8_t mac_ctrl_frame_fwd; /**< 1: forward MAC control frames */
	uint8_t autoneg;      /**< 1: negotiate flow control */
};

/** Priority flow control settings of one priority. */
struct rte_eth_pfc_conf {
	struct rte_eth_fc_conf fc; /**< flow control settings */
	uint8_t priority;          /**< VLAN user priority (0..7) */
};

/** Capabilities of queue-based priority flow control. */
struct rte_eth_pfc_queue_info {
	uint8_t tc_max; /**< traffic classes, 0 if not supported */
	enum rte_eth_fc_mode mode_capa; /**< modes supported */
};

/** Queue-based priority flow control settings. */
struct rte_eth_pfc_queue_conf {
	enum rte_eth_fc_mode mode; /**< flow control mode */
	/** receiving pause frames */
	struct {
		uint16_t tx_qid; /**< transmit queue paused */
		uint8_t tc; /**< traffic class */
	} rx_pause;
	/** sending pause frames */
	struct {
		uint16_t pause_time; /**< pause quanta */
		uint16_t rx_qid;     /**< receive queue watched */
		uint8_t tc; /**< traffic class */
	} tx_pause;
};

/** Tunnel types. */
enum rte_eth_tunnel_type {
	RTE_ETH_TUNNEL_TYPE_NONE = 0, /**< none */
	RTE_ETH_TUNNEL_TYPE_VXLAN, /**< VXLAN */
	RTE_ETH_TUNNEL_TYPE_GENEVE, /**< Geneve */
	RTE_ETH_TUNNEL_TYPE_TEREDO, /**< Teredo */
	RTE_ETH_TUNNEL_TYPE_NVGRE, /**< NVGRE */
	RTE_ETH_TUNNEL_TYPE_IP_IN_GRE, /**< IP in GRE */
	RTE_ETH_L2_TUNNEL_TYPE_E_TAG, /**< E-tag */
	RTE_ETH_TUNNEL_TYPE_VXLAN_GPE, /**< VXLAN-GPE */
	RTE_ETH_TUNNEL_TYPE_ECPRI, /**< eCPRI */
	RTE_ETH_TUNNEL_TYPE_MAX, /**< number of types */
};

#include "rte_eth_ctrl.h"

/** A UDP port that carries a tunnel. */
struct rte_eth_udp_tunnel {
	uint16_t udp_port; /**< UDP port */
	uint8_t prot_type; /**< enum rte_eth_tunnel_type */
};

/** Receive hairpin queue memory capabilities. */
struct rte_eth_hairpin_queue_cap {
	uint32_t locked_device_memory:1; /**< can use locked device memory */
	uint32_t rte_memory:1; /**< can use DPDK memory */
	uint32_t reserved:30; /**< reserved */
};

/** Hairpin capabilities. */
struct rte_eth_hairpin_cap {
	uint16_t max_nb_queues; /**< most hairpin queues */
	uint16_t max_rx_2_tx; /**< most transmit queues one receive queue feeds */
	uint16_t max_tx_2_rx; /**< most receive queues feeding one transmit queue */
	uint16_t max_nb_desc; /**< most descriptors */
	struct rte_eth_hairpin_queue_cap rx_cap; /**< receive side */
	struct rte_eth_hairpin_queue_cap tx_cap; /**< transmit side */
};

/** Most peers of a hairpin queue. */
#define RTE_ETH_MAX_HAIRPIN_PEERS 32

/** Peer of a hairpin queue. */
struct rte_eth_hairpin_peer {
	uint16_t port; /**< peer port */
	uint16_t queue; /**< peer queue */
};

/** Hairpin queue configuration. */
struct rte_eth_hairpin_conf {
	uint32_t peer_count:16; /**< entries of peers */
	uint32_t tx_explicit:1; /**< 1: the application inserts the transmit flow rules */
	uint32_t manual_bind:1; /**< 1: bound by rte_eth_hairpin_bind */
	uint32_t use_locked_device_memory:1; /**< use locked device memory */
	uint32_t use_rte_memory:1; /**< use DPDK memory */
	uint32_t force_memory:1; /**< fail rather than use another memory */
	uint32_t reserved:11; /**< reserved, zero */
	struct rte_eth_hairpin_peer peers[RTE_ETH_MAX_HAIRPIN_PEERS]; /**< peers */
};

/** Bits of rte_eth_burst_mode.flags: the mode is per queue. */
#define RTE_ETH_BURST_FLAG_PER_QUEUE RTE_BIT64(0)
/** Size of rte_eth_burst_mode.info. */
#define RTE_ETH_BURST_MODE_INFO_SIZE 1024

/** How a queue's burst function works. */
struct rte_eth_burst_mode {
	uint64_t flags; /**< RTE_ETH_BURST_FLAG_* */
	char info[RTE_ETH_BURST_MODE_INFO_SIZE]; /**< description */
};

#define RTE_ETH_DCB_NUM_TCS    8  /**< most DCB traffic classes */
#define RTE_ETH_MAX_VMDQ_POOL  64 /**< most VMDq pools */

/** Queues of each traffic class of each pool. */
struct rte_eth_dcb_tc_queue_mapping {
	/** receive queues: first and count */
	struct {
		uint16_t base; /**< first queue */
		uint16_t nb_queue; /**< number of queues */
	} tc_rxq[RTE_ETH_MAX_VMDQ_POOL][RTE_ETH_DCB_NUM_TCS];
	/** transmit queues: first and count */
	struct {
		uint16_t base; /**< first queue */
		uint16_t nb_queue; /**< number of queues */
	} tc_txq[RTE_ETH_MAX_VMDQ_POOL][RTE_ETH_DCB_NUM_TCS];
};

/** DCB settings of a port. */
struct rte_eth_dcb_info {
	uint8_t nb_tcs; /**< traffic classes */
	uint8_t prio_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES]; /**< class of each priority */
	uint8_t tc_bws[RTE_ETH_DCB_NUM_TCS]; /**< bandwidth share of each class, percent */
	struct rte_eth_dcb_tc_queue_mapping tc_queue; /**< queues of each class */
};

/** Forward error correction modes. */
enum rte_eth_fec_mode {
	RTE_ETH_FEC_NOFEC = 0, /**< no FEC */
	RTE_ETH_FEC_AUTO, /**< negotiated */
	RTE_ETH_FEC_BASER, /**< BASE-R (FireCode) */
	RTE_ETH_FEC_RS, /**< Reed-Solomon */
};

/** Capability bit of FEC mode x. */
#define RTE_ETH_FEC_MODE_TO_CAPA(x) RTE_BIT32(x)
/** Capability bit of FEC mode RTE_ETH_FEC_x. */
#define RTE_ETH_FEC_MODE_CAPA_MASK(x) RTE_BIT32(RTE_ETH_FEC_ ## x)

/** FEC modes available at one speed. */
struct rte_eth_fec_capa {
	uint32_t speed; /**< RTE_ETH_SPEED_NUM_* */
	uint32_t capa; /**< RTE_ETH_FEC_MODE_TO_CAPA bits */
};

/** Called on received packets after the driver; returns how many remain in pkts. */
typedef uint16_t (*rte_rx_callback_fn)(uint16_t port_id, uint16_t queue,
	struct rte_mbuf *pkts[], uint16_t nb_pkts, uint16_t max_pkts, void *user_param);

/** Called on packets to send before the driver; returns how many remain in pkts. */
typedef uint16_t (*rte_tx_callback_fn)(uint16_t port_id, uint16_t queue,
	struct rte_mbuf *pkts[], uint16_t nb_pkts, void *user_param);

/** SR-IOV state of a port. */
struct rte_eth_dev_sriov {
	uint8_t active; /**< SR-IOV is on */
	uint8_t nb_q_per_pool; /**< receive queues per pool */
	uint16_t def_vmdq_idx; /**< default pool of the PF */
	uint16_t def_pool_q_idx; /**< first queue of the default pool */
};

/** Owner id of a port nobody owns. */
#define RTE_ETH_DEV_NO_OWNER 0
/** Longest owner name, terminating NUL included. */
#define RTE_ETH_MAX_OWNER_NAME_LEN 64

/** Owner of a port (rte_eth_dev_owner_set). */
struct rte_eth_dev_owner {
	uint64_t id; /**< from rte_eth_dev_owner_new */
	char name[RTE_ETH_MAX_OWNER_NAME_LEN]; /**< owner name */
};

/** The driver's flow API functions are thread safe. */
#define RTE_ETH_DEV_FLOW_OPS_THREAD_SAFE  RTE_BIT32(0)
/** Member of a bonding port (22.11 name). */
#define RTE_ETH_DEV_BONDED_SLAVE          RTE_BIT32(2)

#define RTE_ETH_DEV_CAPA_RXQ_SHARE              RTE_BIT64(2) /**< shared receive queues */
#define RTE_ETH_DEV_CAPA_FLOW_RULE_KEEP         RTE_BIT64(3) /**< flow rules survive a stop */
/** Shared flow objects survive a stop. */
#define RTE_ETH_DEV_CAPA_FLOW_SHARED_OBJECT_KEEP RTE_BIT64(4)

/** switch_info.domain_id of a port in no switch domain. */
#define RTE_ETH_DEV_SWITCH_DOMAIN_ID_INVALID (UINT16_MAX)

/** Kind of port a representor stands for. */
enum rte_eth_representor_type {
	RTE_ETH_REPRESENTOR_NONE, /**< not a representor */
	RTE_ETH_REPRESENTOR_VF,   /**< a VF */
	RTE_ETH_REPRESENTOR_SF,   /**< a sub-function */
	RTE_ETH_REPRESENTOR_PF,   /**< a PF */
};

/** One range of representor ids. */
struct rte_eth_representor_range {
	enum rte_eth_representor_type type; /**< kind of represented port */
	int controller; /**< controller index, -1 for any */
	int pf; /**< PF index, -1 for any */
	/** first represented VF or SF of the range */
	__extension__
	union {
		int vf; /**< first VF */
		int sf; /**< first SF */
	};
	uint32_t id_base; /**< first representor id */
	uint32_t id_end;  /**< last representor id */
	char name[RTE_DEV_NAME_MAX_LEN]; /**< name of the range */
};

/** Representor ranges of a port. */
struct rte_eth_representor_info {
	uint16_t controller; /**< controller of the port */
	uint16_t pf; /**< PF of the port */
	uint32_t nb_ranges_alloc; /**< entries allocated in ranges */
	uint32_t nb_ranges; /**< entries filled */
	struct rte_eth_representor_range ranges[]; /**< the ranges */
};

#define RTE_ETH_RX_METADATA_USER_FLAG RTE_BIT64(0) /**< deliver the flow's FLAG action */
#define RTE_ETH_RX_METADATA_USER_MARK RTE_BIT64(1) /**< deliver the flow's MARK action */
#define RTE_ETH_RX_METADATA_TUNNEL_ID RTE_BIT64(2) /**< deliver the tunnel id */

#define RTE_ETH_DEV_REASSEMBLY_F_IPV4 (RTE_BIT32(0)) /**< reassemble IPv4 */
#define RTE_ETH_DEV_REASSEMBLY_F_IPV6 (RTE_BIT32(1)) /**< reassemble IPv6 */

/** IP reassembly parameters. */
struct rte_eth_ip_reassembly_params {
	uint32_t timeout_ms; /**< give up after this many milliseconds */
	uint16_t max_frags; /**< most fragments per packet */
	uint16_t flags; /**< RTE_ETH_DEV_REASSEMBLY_F_* */
};

/** Dynamic mbuf field of packets the device could not reassemble completely. */
typedef struct {
	struct rte_mbuf *next_frag; /**< next fragment */
	uint16_t time_spent; /**< milliseconds spent */
	uint16_t nb_frags; /**< fragments in the chain */
} rte_eth_ip_reassembly_dynfield_t;

/** Objects congestion management applies to. */
enum rte_eth_cman_obj {
	RTE_ETH_CMAN_OBJ_RX_QUEUE = RTE_BIT32(0), /**< a receive queue */
	RTE_ETH_CMAN_OBJ_RX_QUEUE_MEMPOOL = RTE_BIT32(1), /**< the pool of a receive queue */
};

/** Congestion management capabilities. */
struct rte_eth_cman_info {
	uint64_t modes_supported; /**< enum rte_cman_mode bits */
	uint64_t objs_supported; /**< enum rte_eth_cman_obj bits */
	uint8_t rsvd[8]; /**< reserved */
};

/** Congestion management configuration. */
struct rte_eth_cman_config {
	enum rte_eth_cman_obj obj; /**< object */
	enum rte_cman_mode mode; /**< mode */
	/** object parameters */
	union {
		uint16_t rx_queue; /**< receive queue */
		uint8_t rsvd_obj_params[4]; /**< reserved */
	} obj_param;
	/** mode parameters */
	union {
		struct rte_cman_red_params red; /**< RED */
		uint8_t rsvd_mode_params[4]; /**< reserved */
	} mode_param;
};

/* Descriptor states (rte_eth_rx_descriptor_status, rte_eth_tx_descriptor_status). */
#define RTE_ETH_RX_DESC_AVAIL    0 /**< waiting for a packet */
#define RTE_ETH_RX_DESC_DONE     1 /**< holds a packet not yet received by the application */
#define RTE_ETH_RX_DESC_UNAVAIL  2 /**< used by the driver, or beyond the ring */
#define RTE_ETH_TX_DESC_FULL    0 /**< holds a packet being sent */
#define RTE_ETH_TX_DESC_DONE    1 /**< free again */
#define RTE_ETH_TX_DESC_UNAVAIL 2 /**< used by the driver, or beyond the ring */

struct rte_eth_rxtx_callback;
struct rte_power_monitor_cond;

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
	RTE_ETH_EVENT_ERR_RECOVERING, /**< the driver is recovering from an error */
	RTE_ETH_EVENT_RECOVERY_SUCCESS, /**< the driver recovered from the error */
	RTE_ETH_EVENT_RECOVERY_FAILED, /**< the driver could not recover: reset the port */
	RTE_ETH_EVENT_MAX /**< number of event types */
};

/** Event callback; its return value is passed back to the driver that raised the event. */
typedef int (*rte_eth_dev_cb_fn)(uint16_t port_id, enum rte_eth_event_type event,
		void *cb_arg, void *ret_param);

/* ---- port table ---- */

/** Next valid port id from port_id on (inclusive), or RTE_MAX_ETHPORTS if none. */
uint16_t rte_eth_find_next(uint16_t port_id);

/**
 * Walk every valid port that has no owner (closed ports included: they can still be
 * detached). Ports given to an owner with rte_eth_dev_owner_set are skipped.
 */
#define RTE_ETH_FOREACH_DEV(p) \
	RTE_ETH_FOREACH_DEV_OWNED_BY(p, RTE_ETH_DEV_NO_OWNER)

/** Next valid port from port_id on whose device is parent (NULL: any). */
uint16_t rte_eth_find_next_of(uint16_t port_id, const struct rte_device *parent);

/** Walk the ports of one device. */
#define RTE_ETH_FOREACH_DEV_OF(p, parent) \
	for (p = rte_eth_find_next_of(0, parent); \
	     p < RTE_MAX_ETHPORTS; \
	     p = rte_eth_find_next_of(p + 1, parent))

/** 1 if port_id names an allocated port, 0 otherwise. */
int rte_eth_dev_is_valid_port(uint16_t port_id);
/** Number of usable ports: valid ports without an owner. */
uint16_t rte_eth_dev_count_avail(void);
/** Number of allocated ports, owned or not. */
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

/* ---- ownership ---- */

/** Next valid port from port_id on owned by owner_id (RTE_ETH_DEV_NO_OWNER: unowned). */
uint64_t rte_eth_find_next_owned_by(uint16_t port_id, const uint64_t owner_id);

/** Walk the valid ports owned by o. */
#define RTE_ETH_FOREACH_DEV_OWNED_BY(p, o) \
	for (p = rte_eth_find_next_owned_by(0, o); \
	     (unsigned int)p < (unsigned int)RTE_MAX_ETHPORTS; \
	     p = rte_eth_find_next_owned_by(p + 1, o))

/** Next valid port from port_id_start on of the device of ref_port_id. */
uint16_t rte_eth_find_next_sibling(uint16_t port_id_start, uint16_t ref_port_id);

/** Walk the ports of the device of ref_port_id. */
#define RTE_ETH_FOREACH_DEV_SIBLING(port_id, ref_port_id) \
	for (port_id = rte_eth_find_next_sibling(0, ref_port_id); \
	     port_id < RTE_MAX_ETHPORTS; \
	     port_id = rte_eth_find_next_sibling(port_id + 1, ref_port_id))

/** A new owner id (never RTE_ETH_DEV_NO_OWNER). 0, -EINVAL (NULL). */
int rte_eth_dev_owner_new(uint64_t *owner_id);
/**
 * Give an unowned port (or one already owned by owner->id) to owner. Owned ports are skipped
 * by RTE_ETH_FOREACH_DEV. 0, -ENODEV, -EINVAL (NULL, unknown id, name too long), -EPERM (the
 * port has another owner).
 */
int rte_eth_dev_owner_set(const uint16_t port_id, const struct rte_eth_dev_owner *owner);
/** Take the port from owner_id. 0, -ENODEV, -EINVAL (unknown id), -EPERM (other owner). */
int rte_eth_dev_owner_unset(const uint16_t port_id, const uint64_t owner_id);
/** Take every port from owner_id. 0 or -EINVAL (unknown id). */
int rte_eth_dev_owner_delete(const uint64_t owner_id);
/** Owner of a port (id RTE_ETH_DEV_NO_OWNER: none). 0, -ENODEV, -EINVAL (NULL). */
int rte_eth_dev_owner_get(const uint16_t port_id, struct rte_eth_dev_owner *owner);

/* ---- port iterator ---- */

/**
 * Start iterating over the ports matching devargs: "class=eth,mac=..." (class filter only),
 * "bus=vdev/class=eth,..." or a device string ("net_ring0", "0000:01:00.0", optionally with
 * ",representor=..." which is ignored). 0 or -EINVAL (with *iter zeroed).
 */
int rte_eth_iterator_init(struct rte_dev_iterator *iter, const char *devargs);
/** Next matching port, or RTE_MAX_ETHPORTS at the end (the iterator is then cleaned up). */
uint16_t rte_eth_iterator_next(struct rte_dev_iterator *iter);
/** Free what rte_eth_iterator_init allocated, when the walk stops before its end. */
void rte_eth_iterator_cleanup(struct rte_dev_iterator *iter);

/** Walk the ports matching devargs (see rte_eth_iterator_init). */
#define RTE_ETH_FOREACH_MATCHING_DEV(id, devargs, iter) \
	for (rte_eth_iterator_init(iter, devargs), \
	     id = rte_eth_iterator_next(iter); \
	     id != RTE_MAX_ETHPORTS; \
	     id = rte_eth_iterator_next(iter))

/* ---- names of bits ---- */

/** RTE_ETH_LINK_SPEED_* bit of a speed in Mbps with duplex; 0 for an unknown speed. */
uint32_t rte_eth_speed_bitflag(uint32_t speed, int duplex);
/** Name of one RTE_ETH_RX_OFFLOAD_* bit ("VLAN_STRIP"), "UNKNOWN" otherwise. */
const char *rte_eth_dev_rx_offload_name(uint64_t offload);
/** Name of one RTE_ETH_TX_OFFLOAD_* bit ("MULTI_SEGS"), "UNKNOWN" otherwise. */
const char *rte_eth_dev_tx_offload_name(uint64_t offload);
/** Name of one RTE_ETH_DEV_CAPA_* bit, "UNKNOWN" otherwise. */
const char *rte_eth_dev_capability_name(uint64_t capability);

/* ---- more control calls: 0 on success; -ENODEV for an invalid port, -EINVAL for a bad
 * argument, -ENOTSUP when the driver lacks the operation, -EIO when the device is gone, or
 * the driver's error; each refusal logs one line and changes nothing. ---- */

/** 1 if the device of the port was physically removed, 0 otherwise (or invalid port). */
int rte_eth_dev_is_removed(uint16_t port_id);
/** Copy of the configuration given to rte_eth_dev_configure. */
int rte_eth_dev_conf_get(uint16_t port_id, struct rte_eth_conf *dev_conf);
/**
 * Firmware version as a string. Returns 0, or the buffer size needed (positive) when fw_size
 * is too small.
 */
int rte_eth_dev_fw_version_get(uint16_t port_id, char *fw_version, size_t fw_size);
/** Up to num MAC addresses of the port into ma; the number written, or negative errno. */
int rte_eth_macaddrs_get(uint16_t port_id, struct rte_ether_addr *ma, unsigned int num);

/**
 * Start one receive queue of a started port (deferred or stopped queues). 0 also when it
 * runs already; -EINVAL (port stopped, queue not set up, hairpin queue).
 */
int rte_eth_dev_rx_queue_start(uint16_t port_id, uint16_t rx_queue_id);
/** Stop one receive queue: its bursts return 0. 0 also when it is stopped already. */
int rte_eth_dev_rx_queue_stop(uint16_t port_id, uint16_t rx_queue_id);
/** Start one transmit queue; see rte_eth_dev_rx_queue_start. */
int rte_eth_dev_tx_queue_start(uint16_t port_id, uint16_t tx_queue_id);
/** Stop one transmit queue: its bursts send nothing. */
int rte_eth_dev_tx_queue_stop(uint16_t port_id, uint16_t tx_queue_id);

/** Describe the burst function of a receive queue. -EINVAL (queue, NULL), -ENOTSUP. */
int rte_eth_rx_burst_mode_get(uint16_t port_id, uint16_t queue_id,
		struct rte_eth_burst_mode *mode);
/** Describe the burst function of a transmit queue. */
int rte_eth_tx_burst_mode_get(uint16_t port_id, uint16_t queue_id,
		struct rte_eth_burst_mode *mode);

/**
 * Names of the xstats with the given ids (ids NULL: all, as rte_eth_xstats_get_names).
 * Returns the number written (size), the total count when ids and the array are NULL or the
 * array is too small for all, -EINVAL (ids without array), -1 (an id out of range).
 */
int rte_eth_xstats_get_names_by_id(uint16_t port_id, struct rte_eth_xstat_name *xstats_names,
		unsigned int size, uint64_t *ids);
/** Values of the xstats with the given ids; same return rules as the names. */
int rte_eth_xstats_get_by_id(uint16_t port_id, const uint64_t *ids, uint64_t *values,
		unsigned int size);
/** Id of the xstat called xstat_name. 0, -ENOMEM (NULL argument), -EINVAL (no such name). */
int rte_eth_xstats_get_id_by_name(uint16_t port_id, const char *xstat_name, uint64_t *id);
/** Count transmit queue tx_queue_id in per-queue statistics slot stat_idx. */
int rte_eth_dev_set_tx_queue_stats_mapping(uint16_t port_id, uint16_t tx_queue_id,
		uint8_t stat_idx);
/** Count receive queue rx_queue_id in per-queue statistics slot stat_idx. */
int rte_eth_dev_set_rx_queue_stats_mapping(uint16_t port_id, uint16_t rx_queue_id,
		uint8_t stat_idx);

/**
 * Add a MAC address to the port (for VMDq pool pool). 0 also when it is there already;
 * -EINVAL (NULL, zero address, pool >= 64), -ENOSPC (address list full), -ENOTSUP.
 */
int rte_eth_dev_mac_addr_add(uint16_t port_id, struct rte_ether_addr *mac_addr, uint32_t pool);
/** Remove a MAC address: 0 also when absent; -EADDRINUSE for the default address. */
int rte_eth_dev_mac_addr_remove(uint16_t port_id, struct rte_ether_addr *mac_addr);
/** Replace the multicast addresses the port accepts (nb_mc_addr 0: none). */
int rte_eth_dev_set_mc_addr_list(uint16_t port_id, struct rte_ether_addr *mc_addr_set,
		uint32_t nb_mc_addr);
/** Add (on) or remove an address of the unicast hash table. -ENOSPC when full. */
int rte_eth_dev_uc_hash_table_set(uint16_t port_id, struct rte_ether_addr *addr, uint8_t on);
/** Accept (on) or not every unicast address through the hash table. */
int rte_eth_dev_uc_all_hash_table_set(uint16_t port_id, uint8_t on);

/**
 * Let vlan_id through the VLAN filter (on) or not. -ENOSYS if RTE_ETH_RX_OFFLOAD_VLAN_FILTER
 * is not configured, -EINVAL for an id above 4095.
 */
int rte_eth_dev_vlan_filter(uint16_t port_id, uint16_t vlan_id, int on);
/** VLAN stripping of one receive queue on or off. */
int rte_eth_dev_set_vlan_strip_on_queue(uint16_t port_id, uint16_t rx_queue_id, int on);
/** TPID of one VLAN tag kind. */
int rte_eth_dev_set_vlan_ether_type(uint16_t port_id, enum rte_vlan_type vlan_type,
		uint16_t tag_type);
/**
 * Set the VLAN receive offloads to offload_mask (RTE_ETH_*_OFFLOAD bits). 0 also when
 * nothing changes; -EINVAL when the port cannot do one of them.
 */
int rte_eth_dev_set_vlan_offload(uint16_t port_id, int offload_mask);
/** The VLAN receive offloads on (RTE_ETH_*_OFFLOAD bits), or -ENODEV. */
int rte_eth_dev_get_vlan_offload(uint16_t port_id);
/** Set (on) or clear the port VLAN id inserted into untagged packets. */
int rte_eth_dev_set_vlan_pvid(uint16_t port_id, uint16_t pvid, int on);

/** Link flow control settings (zeroed, then filled by the driver). */
int rte_eth_dev_flow_ctrl_get(uint16_t port_id, struct rte_eth_fc_conf *fc_conf);
/** Change link flow control. -EINVAL also for send_xon other than 0 or 1. */
int rte_eth_dev_flow_ctrl_set(uint16_t port_id, struct rte_eth_fc_conf *fc_conf);
/** Priority flow control of one priority (0..7). */
int rte_eth_dev_priority_flow_ctrl_set(uint16_t port_id, struct rte_eth_pfc_conf *pfc_conf);
/** Queue-based priority flow control capabilities. */
int rte_eth_dev_priority_flow_ctrl_queue_info_get(uint16_t port_id,
		struct rte_eth_pfc_queue_info *pfc_queue_info);
/** Configure queue-based priority flow control (queues and classes are checked). */
int rte_eth_dev_priority_flow_ctrl_queue_configure(uint16_t port_id,
		struct rte_eth_pfc_queue_conf *pfc_queue_conf);

/**
 * Update the entries of the RSS redirection table whose mask bit is set. -EINVAL (NULL, size
 * 0, no bit set, a queue not configured), -ENOTSUP (RSS not configured or no driver support).
 */
int rte_eth_dev_rss_reta_update(uint16_t port_id, struct rte_eth_rss_reta_entry64 *reta_conf,
		uint16_t reta_size);
/** Read the entries of the RSS redirection table whose mask bit is set. */
int rte_eth_dev_rss_reta_query(uint16_t port_id, struct rte_eth_rss_reta_entry64 *reta_conf,
		uint16_t reta_size);
/**
 * Change the RSS key and hash types. -EINVAL (NULL, hash types the port cannot do),
 * -ENOTSUP (RSS not configured or no driver support).
 */
int rte_eth_dev_rss_hash_update(uint16_t port_id, struct rte_eth_rss_conf *rss_conf);
/** Current RSS key (when rss_key is not NULL) and hash types. */
int rte_eth_dev_rss_hash_conf_get(uint16_t port_id, struct rte_eth_rss_conf *rss_conf);
/** Add a UDP port carrying a tunnel. */
int rte_eth_dev_udp_tunnel_port_add(uint16_t port_id, struct rte_eth_udp_tunnel *tunnel_udp);
/** Remove a UDP tunnel port. */
int rte_eth_dev_udp_tunnel_port_delete(uint16_t port_id,
		struct rte_eth_udp_tunnel *tunnel_udp);
/** DCB settings (zeroed, then filled by the driver). */
int rte_eth_dev_get_dcb_info(uint16_t port_id, struct rte_eth_dcb_info *dcb_info);
/** Limit the rate of a transmit queue to tx_rate Mbps (at most the link speed). */
int rte_eth_set_queue_rate_limit(uint16_t port_id, uint16_t queue_idx, uint32_t tx_rate);

/** Turn the port LED on (to find the port in a rack). */
int rte_eth_led_on(uint16_t port_id);
/** Turn the port LED off. */
int rte_eth_led_off(uint16_t port_id);

/** FEC modes per speed: the number of entries, which may exceed num (nothing written then). */
int rte_eth_fec_get_capability(uint16_t port_id, struct rte_eth_fec_capa *speed_fec_capa,
		unsigned int num);
/** Current FEC mode (RTE_ETH_FEC_MODE_TO_CAPA bit). */
int rte_eth_fec_get(uint16_t port_id, uint32_t *fec_capa);
/** Set the FEC mode(s) to use. -EINVAL for 0. */
int rte_eth_fec_set(uint16_t port_id, uint32_t fec_capa);

/** Enable IEEE1588/802.1AS timestamping. */
int rte_eth_timesync_enable(uint16_t port_id);
/** Disable IEEE1588/802.1AS timestamping. */
int rte_eth_timesync_disable(uint16_t port_id);
/** Timestamp of the last received PTP packet (flags: driver-specific, e.g. a register). */
int rte_eth_timesync_read_rx_timestamp(uint16_t port_id, struct timespec *timestamp,
		uint32_t flags);
/** Timestamp of the last sent PTP packet. */
int rte_eth_timesync_read_tx_timestamp(uint16_t port_id, struct timespec *timestamp);
/** Shift the device clock by delta nanoseconds. */
int rte_eth_timesync_adjust_time(uint16_t port_id, int64_t delta);
/** Read the device clock. */
int rte_eth_timesync_read_time(uint16_t port_id, struct timespec *time);
/** Set the device clock. */
int rte_eth_timesync_write_time(uint16_t port_id, const struct timespec *time);
/** Raw device clock (the unit of mbuf timestamps). */
int rte_eth_read_clock(uint16_t port_id, uint64_t *clock);

/** Register dump (info->data NULL: length and width only). */
int rte_eth_dev_get_reg_info(uint16_t port_id, struct rte_dev_reg_info *info);
/** EEPROM size in bytes, or negative errno. */
int rte_eth_dev_get_eeprom_length(uint16_t port_id);
/** Read a range of the EEPROM. */
int rte_eth_dev_get_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);
/** Write a range of the EEPROM. */
int rte_eth_dev_set_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);
/** Type and EEPROM size of the plugged module. */
int rte_eth_dev_get_module_info(uint16_t port_id, struct rte_eth_dev_module_info *modinfo);
/** Read a range of the plugged module's EEPROM (data and length must be set). */
int rte_eth_dev_get_module_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);

/** Enable the receive interrupt of a queue. -EINVAL (queue not set up). */
int rte_eth_dev_rx_intr_enable(uint16_t port_id, uint16_t queue_id);
/** Disable the receive interrupt of a queue. */
int rte_eth_dev_rx_intr_disable(uint16_t port_id, uint16_t queue_id);
/**
 * Add or remove the receive interrupts of every queue to/from epoll instance epfd.
 * -ENOTSUP (no interrupt handle), -EPERM (no receive interrupt vectors).
 */
int rte_eth_dev_rx_intr_ctl(uint16_t port_id, int epfd, int op, void *data);
/** Same for one queue. */
int rte_eth_dev_rx_intr_ctl_q(uint16_t port_id, uint16_t queue_id, int epfd, int op,
		void *data);
/** File descriptor of a queue's receive interrupt, or -1 (rte_errno). */
int rte_eth_dev_rx_intr_ctl_q_get_fd(uint16_t port_id, uint16_t queue_id);

/** Free up to free_cnt (0: all) transmitted mbufs; the number freed or negative errno. */
int rte_eth_tx_done_cleanup(uint16_t port_id, uint16_t queue_id, uint32_t free_cnt);
/** 1 if mempool ops called pool suit the port (also when the driver does not say). */
int rte_eth_dev_pool_ops_supported(uint16_t port_id, const char *pool);
/** Security context of the port, NULL (no inline security here). */
void *rte_eth_dev_get_sec_ctx(uint16_t port_id);

/** Representor ranges (info NULL: their number). The number of ranges, or negative errno. */
int rte_eth_representor_info_get(uint16_t port_id, struct rte_eth_representor_info *info);
/** Negotiate the metadata delivered with received packets; call before configure. */
int rte_eth_rx_metadata_negotiate(uint16_t port_id, uint64_t *features);
/** IP reassembly capabilities (port configured). */
int rte_eth_ip_reassembly_capability_get(uint16_t port_id,
		struct rte_eth_ip_reassembly_params *capa);
/** IP reassembly configuration (port configured). */
int rte_eth_ip_reassembly_conf_get(uint16_t port_id, struct rte_eth_ip_reassembly_params *conf);
/** Set the IP reassembly configuration (configured, not started). */
int rte_eth_ip_reassembly_conf_set(uint16_t port_id,
		const struct rte_eth_ip_reassembly_params *conf);
/** Write the driver-private state of the port to file. */
int rte_eth_dev_priv_dump(uint16_t port_id, FILE *file);
/** Write num receive descriptors from offset on to file. */
int rte_eth_rx_descriptor_dump(uint16_t port_id, uint16_t queue_id, uint16_t offset,
		uint16_t num, FILE *file);
/** Write num transmit descriptors from offset on to file. */
int rte_eth_tx_descriptor_dump(uint16_t port_id, uint16_t queue_id, uint16_t offset,
		uint16_t num, FILE *file);
/** Set the available-descriptor threshold (0..99 percent, 0: off) of a receive queue. */
int rte_eth_rx_avail_thresh_set(uint16_t port_id, uint16_t queue_id, uint8_t avail_thresh);
/** Find a receive queue over its threshold, from *queue_id on; 1 if found, 0 if none. */
int rte_eth_rx_avail_thresh_query(uint16_t port_id, uint16_t *queue_id,
		uint8_t *avail_thresh);
/** Address a power-management lcore can monitor for packets arriving on a queue. */
int rte_eth_get_monitor_addr(uint16_t port_id, uint16_t queue_id,
		struct rte_power_monitor_cond *pmc);
/** Packet types the port can split received buffers at; the count, or negative errno. */
int rte_eth_buffer_split_get_supported_hdr_ptypes(uint16_t port_id, uint32_t *ptypes, int num);

/** Hairpin capabilities (zeroed, then filled). */
int rte_eth_dev_hairpin_capability_get(uint16_t port_id, struct rte_eth_hairpin_cap *cap);
/** Set up a receive hairpin queue of a configured port. */
int rte_eth_rx_hairpin_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc,
		const struct rte_eth_hairpin_conf *conf);
/** Set up a transmit hairpin queue of a configured port. */
int rte_eth_tx_hairpin_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc,
		const struct rte_eth_hairpin_conf *conf);
/** Ports peered by hairpin queues with port_id (direction 1: port_id transmits). */
int rte_eth_hairpin_get_peer_ports(uint16_t port_id, uint16_t *peer_ports, size_t len,
		uint32_t direction);
/** Bind the hairpin queues of tx_port to rx_port (RTE_MAX_ETHPORTS: every peer). */
int rte_eth_hairpin_bind(uint16_t tx_port, uint16_t rx_port);
/** Unbind the hairpin queues of tx_port from rx_port. */
int rte_eth_hairpin_unbind(uint16_t tx_port, uint16_t rx_port);

/** Congestion management capabilities (zeroed, then filled). */
int rte_eth_cman_info_get(uint16_t port_id, struct rte_eth_cman_info *info);
/** Default congestion management configuration into config. */
int rte_eth_cman_config_init(uint16_t port_id, struct rte_eth_cman_config *config);
/** Apply a congestion management configuration. */
int rte_eth_cman_config_set(uint16_t port_id, const struct rte_eth_cman_config *config);
/** Read the congestion management configuration of config->obj. */
int rte_eth_cman_config_get(uint16_t port_id, struct rte_eth_cman_config *config);

/* ---- receive and transmit callbacks ---- */

/**
 * Call fn on every burst received from queue_id, after the callbacks added before it; returns
 * a handle for rte_eth_remove_rx_callback, or NULL with rte_errno EINVAL (bad port or queue,
 * NULL fn) or ENOMEM.
 */
const struct rte_eth_rxtx_callback *rte_eth_add_rx_callback(uint16_t port_id, uint16_t queue_id,
		rte_rx_callback_fn fn, void *user_param);
/** Same, but fn runs before the callbacks already there. */
const struct rte_eth_rxtx_callback *rte_eth_add_first_rx_callback(uint16_t port_id,
		uint16_t queue_id, rte_rx_callback_fn fn, void *user_param);
/** Call fn on every burst given to rte_eth_tx_burst on queue_id, before the driver. */
const struct rte_eth_rxtx_callback *rte_eth_add_tx_callback(uint16_t port_id, uint16_t queue_id,
		rte_tx_callback_fn fn, void *user_param);
/**
 * Unlink a receive callback: no burst starting after this returns calls it. Its memory is kept
 * until the port is released, since a burst on another lcore may still be running it. 0,
 * -ENODEV, -EINVAL (NULL or not a callback of this queue), -ENOTSUP.
 */
int rte_eth_remove_rx_callback(uint16_t port_id, uint16_t queue_id,
		const struct rte_eth_rxtx_callback *user_cb);
/** Unlink a transmit callback; see rte_eth_remove_rx_callback. */
int rte_eth_remove_tx_callback(uint16_t port_id, uint16_t queue_id,
		const struct rte_eth_rxtx_callback *user_cb);
/** Run the receive callbacks of a queue (called by the inline rte_eth_rx_burst). */
uint16_t rte_eth_call_rx_callbacks(uint16_t port_id, uint16_t queue_id,
		struct rte_mbuf **rx_pkts, uint16_t nb_rx, uint16_t nb_pkts, void *opaque);
/** Run the transmit callbacks of a queue (called by the inline rte_eth_tx_burst). */
uint16_t rte_eth_call_tx_callbacks(uint16_t port_id, uint16_t queue_id,
		struct rte_mbuf **tx_pkts, uint16_t nb_pkts, void *opaque);


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
	uint16_t nb_rx;

	nb_rx = p->rx_pkt_burst(p->rxq.data[queue_id], rx_pkts, nb_pkts);
#ifdef RTE_ETHDEV_RXTX_CALLBACKS
	{
		void *cb = __atomic_load_n(&p->rxq.clbk[queue_id], __ATOMIC_RELAXED);

		if (unlikely(cb != NULL))
			nb_rx = rte_eth_call_rx_callbacks(port_id, queue_id, rx_pkts, nb_rx,
					nb_pkts, cb);
	}
#endif
	return nb_rx;
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

#ifdef RTE_ETHDEV_RXTX_CALLBACKS
	{
		void *cb = __atomic_load_n(&p->txq.clbk[queue_id], __ATOMIC_RELAXED);

		if (unlikely(cb != NULL))
			nb_pkts = rte_eth_call_tx_callbacks(port_id, queue_id, tx_pkts, nb_pkts,
					cb);
	}
#endif
	return p->tx_pkt_burst(p->txq.data[queue_id], tx_pkts, nb_pkts);
}

/**
 * Used descriptors (received packets not yet taken) of a receive queue, -ENOTSUP when the
 * driver cannot tell, -ENODEV for a stopped or released port. Not checked: port_id, queue_id.
 */
static inline int
rte_eth_rx_queue_count(uint16_t port_id, uint16_t queue_id)
{
	const struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	if (p->rx_queue_count == NULL)
		return -ENOTSUP;
	return p->rx_queue_count(p->rxq.data[queue_id]);
}

/** State of the receive descriptor offset places after the next one (RTE_ETH_RX_DESC_*). */
static inline int
rte_eth_rx_descriptor_status(uint16_t port_id, uint16_t queue_id, uint16_t offset)
{
	const struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	if (p->rx_descriptor_status == NULL)
		return -ENOTSUP;
	return p->rx_descriptor_status(p->rxq.data[queue_id], offset);
}

/** State of the transmit descriptor offset places after the next one (RTE_ETH_TX_DESC_*). */
static inline int
rte_eth_tx_descriptor_status(uint16_t port_id, uint16_t queue_id, uint16_t offset)
{
	const struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	if (p->tx_descriptor_status == NULL)
		return -ENOTSUP;
	return p->tx_descriptor_status(p->txq.data[queue_id], offset);
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
