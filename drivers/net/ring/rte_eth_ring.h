/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Ports made of rte_rings: packets sent on a port are enqueued, packets received dequeued.
 */
#ifndef _RTE_ETH_RING_H_
#define _RTE_ETH_RING_H_

#include <stdint.h>

#include <rte_ring.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Create a net_ring port called name over existing rings: receive queue i dequeues from
 * rx_queues[i], transmit queue i enqueues to tx_queues[i]. The rings stay the caller's.
 * The port is a vdev called name (it should start with "net_ring"), so it is detached with
 * rte_eth_dev_detach or rte_vdev_uninit(name).
 * @return the port id, or -1 with rte_errno set (EINVAL, ENOSPC, ENOMEM, EEXIST).
 */
int rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[],
		const unsigned int nb_rx_queues, struct rte_ring *const tx_queues[],
		const unsigned int nb_tx_queues, const unsigned int numa_node);

/**
 * A one-queue port over one ring used in both directions (a loopback), named
 * "net_ring_<ring name>".
 * @return the port id, or -1 with rte_errno set.
 */
int rte_eth_from_ring(struct rte_ring *r);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETH_RING_H_ */
