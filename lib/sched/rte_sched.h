/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __INCLUDE_RTE_SCHED_H__
#define __INCLUDE_RTE_SCHED_H__

/**
 * @file
 * Hierarchical QoS scheduler.
 *
 * An output port is shared by subports, a subport by pipes (typically subscribers), a pipe by
 * traffic classes: RTE_SCHED_TRAFFIC_CLASS_BE strict priority classes of one queue each,
 * served highest (0) first, then the best-effort class whose RTE_SCHED_BE_QUEUES_PER_PIPE
 * queues share it by weighted round robin. Token buckets limit each subport and pipe, and
 * per-class credits refilled every period limit each class. Packets carry their queue in
 * rte_mbuf::hash.sched, written with rte_sched_port_pkt_write(). One port is used by one
 * thread at a time.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <rte_compat.h>
#include <rte_mbuf.h>
#include <rte_meter.h>

#include "rte_red.h"
#include "rte_pie.h"

/** Queues of a pipe. */
#define RTE_SCHED_QUEUES_PER_PIPE    16

/** Queues of the best-effort traffic class of a pipe. */
#define RTE_SCHED_BE_QUEUES_PER_PIPE    4

/** Traffic classes of a pipe: one per strict priority queue, plus best effort. */
#define RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE    \
(RTE_SCHED_QUEUES_PER_PIPE - RTE_SCHED_BE_QUEUES_PER_PIPE + 1)

/** The best-effort traffic class, the lowest priority. */
#define RTE_SCHED_TRAFFIC_CLASS_BE    (RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE - 1)

#ifndef RTE_SCHED_FRAME_OVERHEAD_DEFAULT
/**
 * Bytes a frame takes on the wire besides the ones in the mbuf: preamble and start of
 * frame (8), FCS (4) and inter-frame gap (12).
 */
#define RTE_SCHED_FRAME_OVERHEAD_DEFAULT      24
#endif

/** Congestion management scheme of a subport. */
enum rte_sched_cman_mode {
	RTE_SCHED_CMAN_RED, /**< Random Early Detection (RED) */
	RTE_SCHED_CMAN_PIE, /**< Proportional Integral Controller Enhanced (PIE) */
};

/** Pipe profile: the rates of a pipe. */
struct rte_sched_pipe_params {
	/** Token bucket rate (bytes per second) */
	uint64_t tb_rate;
	/** Token bucket size (bytes) */
	uint64_t tb_size;
	/** Rate of each traffic class (bytes per second) */
	uint64_t tc_rate[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE];
	/** Period of the traffic class credit refills (milliseconds) */
	uint64_t tc_period;
	/** Share of the best-effort oversubscription given to the pipe */
	uint8_t tc_ov_weight;
	/** Weights of the best-effort queues */
	uint8_t wrr_weights[RTE_SCHED_BE_QUEUES_PER_PIPE];
};

/** Congestion management parameters of a subport. */
struct rte_sched_cman_params {
	/** Scheme */
	enum rte_sched_cman_mode cman_mode;
	/** Parameters of the scheme in cman_mode */
	union {
		/** RED parameters per traffic class and packet colour */
		struct rte_red_params red_params[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE][RTE_COLORS];
		/** PIE parameters per traffic class */
		struct rte_pie_params pie_params[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE];
	};
};

/** Subport parameters: its pipes and their queues. */
struct rte_sched_subport_params {
	/** Pipes of the subport: a power of 2, at most the port's n_pipes_per_subport */
	uint32_t n_pipes_per_subport_enabled;
	/** Queue size (packets, power of 2) of each traffic class; 0 disables the class
	 * (best effort only).
	 */
	uint16_t qsize[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE];
	/** Pipe profile table */
	struct rte_sched_pipe_params *pipe_profiles;
	/** Profiles in the table */
	uint32_t n_pipe_profiles;
	/** Room for profiles, including the ones added later */
	uint32_t n_max_pipe_profiles;
	/** Congestion management, NULL to disable it (tail drop only) */
	struct rte_sched_cman_params *cman_params;
};

/** Subport profile: the rates of a subport. */
struct rte_sched_subport_profile_params {
	/** Token bucket rate (bytes per second) */
	uint64_t tb_rate;
	/** Token bucket size (bytes) */
	uint64_t tb_size;
	/** Rate of each traffic class (bytes per second) */
	uint64_t tc_rate[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE];
	/** Period of the traffic class credit refills (milliseconds) */
	uint64_t tc_period;
};

/** Subport statistics, counted at enqueue. */
struct rte_sched_subport_stats {
	/** Packets accepted per traffic class */
	uint64_t n_pkts_tc[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE];
	/** Packets dropped per traffic class */
	uint64_t n_pkts_tc_dropped[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE];
	/** Bytes accepted per traffic class */
	uint64_t n_bytes_tc[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE];
	/** Bytes dropped per traffic class */
	uint64_t n_bytes_tc_dropped[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE];
	/** Packets dropped by congestion management per traffic class */
	uint64_t n_pkts_cman_dropped[RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE];
};

/** Queue statistics, counted at enqueue. */
struct rte_sched_queue_stats {
	/** Packets accepted */
	uint64_t n_pkts;
	/** Packets dropped */
	uint64_t n_pkts_dropped;
	/** Packets dropped by congestion management */
	uint64_t n_pkts_cman_dropped;
	/** Bytes accepted */
	uint64_t n_bytes;
	/** Bytes dropped */
	uint64_t n_bytes_dropped;
};

/** Port parameters. */
struct rte_sched_port_params {
	/** Name of the port */
	const char *name;
	/** NUMA socket of the port's memory */
	int socket;
	/** Output rate (bytes per second) */
	uint64_t rate;
	/** Largest frame (bytes), without the framing overhead */
	uint32_t mtu;
	/** Framing overhead added to each packet (bytes) */
	uint32_t frame_overhead;
	/** Subports: a power of 2 */
	uint32_t n_subports_per_port;
	/** Subport profile table */
	struct rte_sched_subport_profile_params *subport_profiles;
	/** Profiles in the table */
	uint32_t n_subport_profiles;
	/** Room for profiles, including the ones added later */
	uint32_t n_max_subport_profiles;
	/** Largest number of pipes of a subport: a power of 2 that sets how many bits of
	 * rte_mbuf::hash.sched.queue_id hold the pipe.
	 */
	uint32_t n_pipes_per_subport;
};

/** A scheduler port (opaque). */
struct rte_sched_port;

/**
 * Create a port. Its subports and pipes are configured afterwards.
 *
 * @param params
 *   Port parameters.
 * @return
 *   The port, or NULL when a parameter is invalid or memory is short.
 */
struct rte_sched_port *
rte_sched_port_config(struct rte_sched_port_params *params);

/**
 * Free a port, its subports and the packets still queued.
 *
 * @param port
 *   Port to free; NULL is ignored.
 */
void
rte_sched_port_free(struct rte_sched_port *port);

/**
 * Add a pipe profile to a configured subport.
 *
 * @param port
 *   Port.
 * @param subport_id
 *   Subport.
 * @param params
 *   Pipe profile; its rates may not exceed the port rate.
 * @param pipe_profile_id
 *   Where to store the id of the new profile.
 * @return
 *   0 on success, -EINVAL on invalid input, a full table or an existing identical profile.
 */
int
rte_sched_subport_pipe_profile_add(struct rte_sched_port *port,
	uint32_t subport_id,
	struct rte_sched_pipe_params *params,
	uint32_t *pipe_profile_id);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Add a subport profile to a port.
 *
 * @param port
 *   Port.
 * @param profile
 *   Subport profile; its rates may not exceed the port rate.
 * @param subport_profile_id
 *   Where to store the id of the new profile.
 * @return
 *   0 on success, -EINVAL on invalid input, a full table or an existing identical profile.
 */
__rte_experimental
int
rte_sched_port_subport_profile_add(struct rte_sched_port *port,
	struct rte_sched_subport_profile_params *profile,
	uint32_t *subport_profile_id);

/**
 * Configure a subport. The first call sets up its pipes and queues from params; later calls
 * only change its profile (params is then not used).
 *
 * @param port
 *   Port.
 * @param subport_id
 *   Subport, below n_subports_per_port.
 * @param params
 *   Subport parameters.
 * @param subport_profile_id
 *   Subport profile.
 * @return
 *   0 on success, -EINVAL on invalid input, -ENOMEM when memory is short.
 */
int
rte_sched_subport_config(struct rte_sched_port *port,
	uint32_t subport_id,
	struct rte_sched_subport_params *params,
	uint32_t subport_profile_id);

/**
 * Configure a pipe of a subport.
 *
 * @param port
 *   Port.
 * @param subport_id
 *   Subport, configured.
 * @param pipe_id
 *   Pipe, below the subport's n_pipes_per_subport_enabled.
 * @param pipe_profile
 *   Pipe profile of the subport; a negative value disables the pipe.
 * @return
 *   0 on success, -EINVAL on invalid input.
 */
int
rte_sched_pipe_config(struct rte_sched_port *port,
	uint32_t subport_id,
	uint32_t pipe_id,
	int32_t pipe_profile);

/**
 * Memory a port would take with the given subports.
 *
 * @param port_params
 *   Port parameters.
 * @param subport_params
 *   Array of n_subports_per_port subport parameters.
 * @return
 *   Size in bytes, 0 when a parameter is invalid.
 */
uint32_t
rte_sched_port_get_memory_footprint(struct rte_sched_port_params *port_params,
	struct rte_sched_subport_params **subport_params);

/**
 * Read and reset the statistics of a subport.
 *
 * @param port
 *   Port.
 * @param subport_id
 *   Subport.
 * @param stats
 *   Where to copy the statistics.
 * @param tc_ov
 *   Where to store whether the best-effort class is currently oversubscribed.
 * @return
 *   0 on success, -EINVAL on invalid input.
 */
int
rte_sched_subport_read_stats(struct rte_sched_port *port,
	uint32_t subport_id,
	struct rte_sched_subport_stats *stats,
	uint32_t *tc_ov);

/**
 * Read and reset the statistics of a queue.
 *
 * @param port
 *   Port.
 * @param queue_id
 *   Queue, numbered as in rte_mbuf::hash.sched.queue_id.
 * @param stats
 *   Where to copy the statistics.
 * @param qlen
 *   Where to store the number of packets in the queue.
 * @return
 *   0 on success, -EINVAL on invalid input.
 */
int
rte_sched_queue_read_stats(struct rte_sched_port *port,
	uint32_t queue_id,
	struct rte_sched_queue_stats *stats,
	uint16_t *qlen);

/**
 * Write the destination queue and colour of a packet into its mbuf.
 *
 * @param port
 *   Port.
 * @param pkt
 *   Packet.
 * @param subport
 *   Subport.
 * @param pipe
 *   Pipe of the subport.
 * @param traffic_class
 *   Traffic class, 0 (highest priority) to RTE_SCHED_TRAFFIC_CLASS_BE.
 * @param queue
 *   Queue of the class: 0 for a strict priority class, 0 to
 *   RTE_SCHED_BE_QUEUES_PER_PIPE - 1 for best effort.
 * @param color
 *   Colour of the packet, for congestion management.
 */
void
rte_sched_port_pkt_write(struct rte_sched_port *port,
			 struct rte_mbuf *pkt,
			 uint32_t subport, uint32_t pipe, uint32_t traffic_class,
			 uint32_t queue, enum rte_color color);

/**
 * Read back the destination written by rte_sched_port_pkt_write().
 *
 * @param port
 *   Port.
 * @param pkt
 *   Packet.
 * @param subport
 *   Where to store the subport.
 * @param pipe
 *   Where to store the pipe.
 * @param traffic_class
 *   Where to store the traffic class.
 * @param queue
 *   Where to store the queue within the class.
 */
void
rte_sched_port_pkt_read_tree_path(struct rte_sched_port *port,
				  const struct rte_mbuf *pkt,
				  uint32_t *subport, uint32_t *pipe,
				  uint32_t *traffic_class, uint32_t *queue);

/**
 * Read back the colour written by rte_sched_port_pkt_write().
 *
 * @param pkt
 *   Packet.
 * @return
 *   Its colour.
 */
enum rte_color
rte_sched_port_pkt_read_color(const struct rte_mbuf *pkt);

/**
 * Queue packets. A packet that finds its queue full or that congestion management rejects
 * is freed.
 *
 * @param port
 *   Port.
 * @param pkts
 *   Packets, each written with rte_sched_port_pkt_write().
 * @param n_pkts
 *   Number of packets.
 * @return
 *   Number of packets queued.
 */
int
rte_sched_port_enqueue(struct rte_sched_port *port, struct rte_mbuf **pkts, uint32_t n_pkts);

/**
 * Take the packets the port may send now: in hierarchy order, within the rates and at most
 * as many bytes as the port rate allows since the previous call.
 *
 * @param port
 *   Port.
 * @param pkts
 *   Where to store the packets.
 * @param n_pkts
 *   Room in pkts.
 * @return
 *   Number of packets stored.
 */
int
rte_sched_port_dequeue(struct rte_sched_port *port, struct rte_mbuf **pkts, uint32_t n_pkts);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Let the best-effort class of a subport's pipes use the subport's unused best-effort rate
 * (oversubscription), or stop doing so. Enabled by default.
 *
 * @param port
 *   Port.
 * @param subport_id
 *   Subport, configured.
 * @param tc_ov_enable
 *   Whether to enable oversubscription.
 * @return
 *   0 on success, -EINVAL on invalid input.
 */
__rte_experimental
int
rte_sched_subport_tc_ov_config(struct rte_sched_port *port, uint32_t subport_id, bool tc_ov_enable);

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_SCHED_H__ */
