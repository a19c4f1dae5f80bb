/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Packet capture from a secondary process.
 *
 * The primary process, which owns the ports and polls them, calls rte_pdump_init() once.
 * A secondary process (dpdk-dumpcap for instance) then asks it, over the EAL IPC channel, to
 * copy the packets received and/or sent on a port's queues into a mempool of the secondary
 * and to enqueue the copies on a ring of the secondary: rings and mempools live in shared
 * memory, mapped at the same address in both processes, so they are passed by pointer.
 * The primary does the copying in receive and transmit callbacks of the ports; they exist
 * only while a capture is enabled, so a port that is not captured costs nothing.
 *
 * All functions return 0 or a negative errno value, which is also stored in rte_errno.
 */
#ifndef _RTE_PDUMP_H_
#define _RTE_PDUMP_H_

#include <stdint.h>

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_ring;
struct rte_mempool;
/** Parameters of a BPF filter; there is no BPF library in this tree (see rte_pdump_enable_bpf). */
struct rte_bpf_prm;

/** Queue number meaning "every queue of the port" (queues configured when enabling). */
#define RTE_PDUMP_ALL_QUEUES UINT16_MAX

/** Flags of rte_pdump_enable() and rte_pdump_disable(). */
enum {
	RTE_PDUMP_FLAG_RX = 1,  /**< capture received packets */
	RTE_PDUMP_FLAG_TX = 2,  /**< capture sent packets */
	/** capture received and sent packets */
	RTE_PDUMP_FLAG_RXTX = (RTE_PDUMP_FLAG_RX | RTE_PDUMP_FLAG_TX),
	/** copies are pcapng enhanced packet blocks (rte_pcapng_copy()) rather than plain mbufs */
	RTE_PDUMP_FLAG_PCAPNG = 4,
};

/**
 * Serve capture requests: in the primary process, reserve the shared statistics and register
 * the IPC action that secondaries' rte_pdump_enable() calls reach. Calling it again is harmless.
 *
 * @return
 *   0, or a negative errno: -EPERM in a secondary process, -ENOMEM, or the error of
 *   rte_mp_action_register().
 */
int
rte_pdump_init(void);

/**
 * Stop serving capture requests: remove every callback still installed, unregister the IPC
 * action and free the shared statistics. Nothing to do when rte_pdump_init() was not called.
 *
 * @return
 *   0.
 */
int
rte_pdump_uninit(void);

/**
 * Start capturing on a port: ask the primary process to copy the packets of the queue(s) and
 * direction(s) given into mp and to enqueue them on ring. Called from a secondary process
 * (in the primary itself the request is served directly).
 *
 * @param port
 *   Port id.
 * @param queue
 *   Queue, or RTE_PDUMP_ALL_QUEUES.
 * @param flags
 *   RTE_PDUMP_FLAG_RX, RTE_PDUMP_FLAG_TX or both, and RTE_PDUMP_FLAG_PCAPNG for pcapng copies.
 * @param ring
 *   Ring receiving the copies; it must allow several producers.
 * @param mp
 *   Pool of the copies; it must allow several threads to get from it.
 * @param filter
 *   Unused, should be NULL.
 * @return
 *   0, or a negative errno (also in rte_errno): -EINVAL bad port, queue, flags, ring or pool
 *   (not a packet pool, or with RTE_PDUMP_FLAG_PCAPNG mbufs smaller than
 *   rte_pcapng_mbuf_size(0)),
 *   -EEXIST capture already enabled on one of the queues, -ENOENT no primary serving requests
 *   (rte_pdump_init() not called), -ETIMEDOUT the primary did not answer, or the error of the
 *   port's callback functions.
 */
int
rte_pdump_enable(uint16_t port, uint16_t queue, uint32_t flags,
		struct rte_ring *ring,
		struct rte_mempool *mp,
		void *filter);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * rte_pdump_enable() with a length to copy and an optional BPF filter. This tree has no BPF
 * library: a non-NULL prm is refused with -ENOTSUP.
 *
 * @param port_id
 *   Port id.
 * @param queue
 *   Queue, or RTE_PDUMP_ALL_QUEUES.
 * @param flags
 *   As for rte_pdump_enable().
 * @param snaplen
 *   Most bytes of each packet copied; 0 copies whole packets.
 * @param ring
 *   Ring receiving the copies.
 * @param mp
 *   Pool of the copies.
 * @param prm
 *   Filter; must be NULL.
 * @return
 *   As rte_pdump_enable(), and -ENOTSUP for a filter.
 */
__rte_experimental
int
rte_pdump_enable_bpf(uint16_t port_id, uint16_t queue,
		     uint32_t flags, uint32_t snaplen,
		     struct rte_ring *ring,
		     struct rte_mempool *mp,
		     const struct rte_bpf_prm *prm);

/**
 * Stop capturing on a port: the primary removes its callbacks from the queue(s) and
 * direction(s) given. Packets already on the ring stay there.
 *
 * @param port
 *   Port id.
 * @param queue
 *   Queue, or RTE_PDUMP_ALL_QUEUES.
 * @param flags
 *   RTE_PDUMP_FLAG_RX, RTE_PDUMP_FLAG_TX or both.
 * @return
 *   0, or a negative errno (also in rte_errno): -EINVAL bad port, queue or flags, or capture
 *   not enabled on one of the queues and directions given; -ENOENT, -ETIMEDOUT as for
 *   rte_pdump_enable().
 */
int
rte_pdump_disable(uint16_t port, uint16_t queue, uint32_t flags);

/**
 * rte_pdump_enable() on a port named by its device name (rte_eth_dev_get_port_by_name()).
 *
 * @param device_id
 *   Device name of the port.
 * @param queue
 *   Queue, or RTE_PDUMP_ALL_QUEUES.
 * @param flags
 *   As for rte_pdump_enable().
 * @param ring
 *   Ring receiving the copies.
 * @param mp
 *   Pool of the copies.
 * @param filter
 *   Unused, should be NULL.
 * @return
 *   As rte_pdump_enable(); -EINVAL for an unknown name.
 */
int
rte_pdump_enable_by_deviceid(char *device_id, uint16_t queue,
				uint32_t flags,
				struct rte_ring *ring,
				struct rte_mempool *mp,
				void *filter);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * rte_pdump_enable_bpf() on a port named by its device name.
 *
 * @param device_id
 *   Device name of the port.
 * @param queue
 *   Queue, or RTE_PDUMP_ALL_QUEUES.
 * @param flags
 *   As for rte_pdump_enable().
 * @param snaplen
 *   Most bytes of each packet copied; 0 copies whole packets.
 * @param ring
 *   Ring receiving the copies.
 * @param mp
 *   Pool of the copies.
 * @param filter
 *   Filter; must be NULL.
 * @return
 *   As rte_pdump_enable_bpf(); -EINVAL for an unknown name.
 */
__rte_experimental
int
rte_pdump_enable_bpf_by_deviceid(const char *device_id, uint16_t queue,
				 uint32_t flags, uint32_t snaplen,
				 struct rte_ring *ring,
				 struct rte_mempool *mp,
				 const struct rte_bpf_prm *filter);

/**
 * rte_pdump_disable() on a port named by its device name.
 *
 * @param device_id
 *   Device name of the port.
 * @param queue
 *   Queue, or RTE_PDUMP_ALL_QUEUES.
 * @param flags
 *   RTE_PDUMP_FLAG_RX, RTE_PDUMP_FLAG_TX or both.
 * @return
 *   As rte_pdump_disable(); -EINVAL for an unknown name.
 */
int
rte_pdump_disable_by_deviceid(char *device_id, uint16_t queue,
				uint32_t flags);

/** Capture counters of a port, summed over its queues and both directions. */
struct rte_pdump_stats {
	uint64_t accepted; /**< Number of packets accepted by filter. */
	uint64_t filtered; /**< Number of packets rejected by filter. */
	uint64_t nombuf;   /**< Number of mbuf allocation failures. */
	uint64_t ringfull; /**< Number of missed packets due to ring full. */
	uint64_t reserved[4]; /**< Reserved and pad to cache line */
};

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Read the capture counters of a port, in the primary or a secondary process. They count
 * since rte_pdump_init() and are kept across enable and disable.
 *
 * @param port_id
 *   Port id.
 * @param stats
 *   Filled with the counters.
 * @return
 *   0, or a negative errno (also in rte_errno): -EINVAL bad port or NULL stats, -ENOENT
 *   rte_pdump_init() was not called in the primary.
 */
__rte_experimental
int
rte_pdump_stats(uint16_t port_id, struct rte_pdump_stats *stats);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PDUMP_H_ */
