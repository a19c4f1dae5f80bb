/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_DISTRIBUTOR_H_
#define _RTE_DISTRIBUTOR_H_

/**
 * @file
 * Packet distributor: one lcore hands packets to a set of worker lcores, balancing the load
 * while keeping the packets of a flow on one worker as long as any of them is in flight there.
 * A flow is the 32-bit tag in the mbuf's hash.usr field.
 *
 * The functions of the first group run on the distributor lcore only, those of the second on
 * worker lcores, each worker with its own worker_id. One lcore must not be both the
 * distributor and a worker of the same instance.
 */

#ifdef __cplusplus
extern "C" {
#endif

/** How packets go to workers. */
enum rte_distributor_alg_type {
	RTE_DIST_ALG_BURST = 0, /**< up to 8 packets per hand-over */
	RTE_DIST_ALG_SINGLE, /**< one packet per hand-over */
	RTE_DIST_NUM_ALG_TYPES /**< number of algorithms */
};

struct rte_distributor;
struct rte_mbuf;

/**
 * Allocate a distributor.
 *
 * @param name
 *   Unique name of the instance.
 * @param socket_id
 *   NUMA socket of its memory, or SOCKET_ID_ANY.
 * @param num_workers
 *   Number of workers, at most 63 (and RTE_MAX_LCORE); worker ids run from 0 to
 *   num_workers - 1.
 * @param alg_type
 *   RTE_DIST_ALG_SINGLE, or RTE_DIST_ALG_BURST (any other value means bursts too).
 * @return
 *   The instance, or NULL with rte_errno EINVAL (bad parameter), EEXIST (name in use) or
 *   ENOMEM.
 */
struct rte_distributor *
rte_distributor_create(const char *name, unsigned int socket_id,
		unsigned int num_workers,
		unsigned int alg_type);

/*  *** APIS to be called on the distributor lcore ***  */

/**
 * Hand packets to the workers. A packet whose tag matches a packet in flight on a worker goes
 * to that worker, others to the least loaded worker. Packets may wait in a worker's backlog
 * until the worker asks for more; later calls (with no packets, if there are none) move them
 * on. Packets that workers handed back are collected for rte_distributor_returned_pkts().
 *
 * @param d
 *   The distributor.
 * @param mbufs
 *   Packets to distribute.
 * @param num_mbufs
 *   Their number; 0 only moves backlogs and returns, and wakes idle workers with nothing.
 * @return
 *   Number of packets taken: all of them, or fewer (0 before any worker has asked for
 *   packets) when no worker is active.
 */
int
rte_distributor_process(struct rte_distributor *d,
		struct rte_mbuf **mbufs, unsigned int num_mbufs);

/**
 * Take the packets the workers handed back.
 *
 * @param d
 *   The distributor.
 * @param mbufs
 *   Where to write them.
 * @param max_mbufs
 *   Room in mbufs.
 * @return
 *   Number of packets written. The distributor keeps at most 127; call this often enough.
 */
int
rte_distributor_returned_pkts(struct rte_distributor *d,
		struct rte_mbuf **mbufs, unsigned int max_mbufs);

/**
 * Push every packet to the workers and wait until they have all asked for more, then wake
 * idle workers with nothing so that they can see a request to stop.
 *
 * @param d
 *   The distributor.
 * @return
 *   Number of packets that were in backlogs or in flight.
 */
int
rte_distributor_flush(struct rte_distributor *d);

/**
 * Forget the packets handed back and not yet taken with rte_distributor_returned_pkts().
 *
 * @param d
 *   The distributor.
 */
void
rte_distributor_clear_returns(struct rte_distributor *d);

/*  *** APIS to be called on the worker lcores ***  */

/**
 * Hand back finished packets and wait for new ones.
 *
 * @param d
 *   The distributor.
 * @param worker_id
 *   This worker's id.
 * @param pkts
 *   Where to write the new packets: room for 8.
 * @param oldpkt
 *   Finished packets to hand back (may be pkts itself).
 * @param retcount
 *   Their number, at most 8 (1 with RTE_DIST_ALG_SINGLE).
 * @return
 *   Number of new packets; 0 when the distributor woke this worker with nothing (see
 *   rte_distributor_flush()); -EINVAL for a bad parameter.
 */
int
rte_distributor_get_pkt(struct rte_distributor *d,
	unsigned int worker_id, struct rte_mbuf **pkts,
	struct rte_mbuf **oldpkt, unsigned int retcount);

/**
 * Hand back finished packets without asking for more, as a worker does when it stops. The
 * distributor gives this worker no packet until it asks again.
 *
 * @param d
 *   The distributor.
 * @param worker_id
 *   This worker's id.
 * @param oldpkt
 *   Finished packets.
 * @param num
 *   Their number, 0 to 8 (0 or 1 with RTE_DIST_ALG_SINGLE).
 * @return
 *   0, or -EINVAL for a bad parameter.
 */
int
rte_distributor_return_pkt(struct rte_distributor *d,
	unsigned int worker_id, struct rte_mbuf **oldpkt, int num);

/**
 * Hand back finished packets and ask for new ones without waiting; collect them with
 * rte_distributor_poll_pkt().
 *
 * @param d
 *   The distributor.
 * @param worker_id
 *   This worker's id.
 * @param oldpkt
 *   Finished packets.
 * @param count
 *   Their number, at most 8 (1 with RTE_DIST_ALG_SINGLE); with more nothing is done.
 */
void
rte_distributor_request_pkt(struct rte_distributor *d,
		unsigned int worker_id, struct rte_mbuf **oldpkt,
		unsigned int count);

/**
 * Collect the packets asked for with rte_distributor_request_pkt(), if they have come.
 *
 * @param d
 *   The distributor.
 * @param worker_id
 *   This worker's id.
 * @param mbufs
 *   Where to write them: room for 8.
 * @return
 *   Number of packets (may be 0 with RTE_DIST_ALG_BURST, see rte_distributor_get_pkt()),
 *   or, while they have not come, -1 with RTE_DIST_ALG_BURST and 0 with
 *   RTE_DIST_ALG_SINGLE.
 */
int
rte_distributor_poll_pkt(struct rte_distributor *d,
		unsigned int worker_id, struct rte_mbuf **mbufs);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DISTRIBUTOR_H_ */
