/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * The per-port fast-path table read by the inline rte_eth_rx_burst / rte_eth_tx_burst.
 * Applications do not use this file directly; it is included by rte_ethdev.h.
 *
 * The table is separate from struct rte_eth_dev so that the data path touches one cache line
 * per port and never the control structures that hotplug rewrites. A port that is stopped or
 * released keeps a valid entry whose functions return 0: a lcore racing a stop or a detach
 * receives and sends nothing instead of following a stale pointer.
 */
#ifndef _RTE_ETHDEV_CORE_H_
#define _RTE_ETHDEV_CORE_H_

#include <stdint.h>
#include <pthread.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_mbuf;

/** Receive up to nb_pkts packets from the queue rxq into rx_pkts; returns how many. */
typedef uint16_t (*eth_rx_burst_t)(void *rxq, struct rte_mbuf **rx_pkts, uint16_t nb_pkts);
/** Send up to nb_pkts packets of tx_pkts on the queue txq; returns how many were taken. */
typedef uint16_t (*eth_tx_burst_t)(void *txq, struct rte_mbuf **tx_pkts, uint16_t nb_pkts);
/** Check (and fix up) packets before sending; returns how many are valid. */
typedef uint16_t (*eth_tx_prep_t)(void *txq, struct rte_mbuf **tx_pkts, uint16_t nb_pkts);
/** Number of used descriptors of an Rx queue. */
typedef int (*eth_rx_queue_count_t)(void *rxq);
/** Status of one Rx descriptor (RTE_ETH_RX_DESC_*). */
typedef int (*eth_rx_descriptor_status_t)(void *rxq, uint16_t offset);
/** Status of one Tx descriptor (RTE_ETH_TX_DESC_*). */
typedef int (*eth_tx_descriptor_status_t)(void *txq, uint16_t offset);

/** Queue pointers of one direction, indexed by queue id. */
struct rte_ethdev_qdata {
	void **data;  /**< queue objects of the driver (never NULL: a zeroed array when none) */
	void **clbk;  /**< reserved for per-queue callbacks */
};

/** What the data path needs to know about one port. */
struct rte_eth_fp_ops {
	struct rte_ethdev_qdata rxq; /**< receive queues */
	/** receive function (returns 0 when the port is not started) */
	eth_rx_burst_t rx_pkt_burst;
	eth_rx_queue_count_t rx_queue_count; /**< used receive descriptors, may be NULL */
	/** receive descriptor status, may be NULL */
	eth_rx_descriptor_status_t rx_descriptor_status;
	uintptr_t reserved1[3]; /**< reserved */
	struct rte_ethdev_qdata txq; /**< transmit queues */
	/** transmit function (returns 0 when the port is not started) */
	eth_tx_burst_t tx_pkt_burst;
	eth_tx_prep_t tx_pkt_prepare; /**< transmit preparation, NULL when not needed */
	/** transmit descriptor status, may be NULL */
	eth_tx_descriptor_status_t tx_descriptor_status;
	uintptr_t reserved2[3]; /**< reserved */
} __rte_cache_aligned;

/** One entry per port id; written only by the control path of lib/ethdev. */
extern struct rte_eth_fp_ops rte_eth_fp_ops[RTE_MAX_ETHPORTS];

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHDEV_CORE_H_ */
