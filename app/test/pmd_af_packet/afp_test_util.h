/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers of the af_packet driver tests: a network namespace with veth pairs, frames, ports. */
#ifndef _AFP_TEST_UTIL_H_
#define _AFP_TEST_UTIL_H_

#include <stdint.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "port_test_util.h"

/*
 * Move the process into a network namespace (and a mount namespace, for /sys) of its own
 * holding the veth pairs names[0]<->names[1], names[2]<->names[3]... (n names), all up.
 * NULL, or why it cannot be done.
 * Call before EAL starts threads: unshare needs a single-threaded process.
 */
const char *at_make_network(const char *const *names, unsigned int n);

/*
 * A test frame of len bytes: IPv4/UDP whose addresses and ports derive from flow, payload
 * from seq; the payload starts with the 4-byte magic AT_MAGIC then seq (for at_frame_seq).
 */
struct rte_mbuf *at_frame(struct rte_mempool *mp, uint32_t len, uint32_t flow, uint32_t seq);
/* The seq of a frame made by at_frame, -1 if m is not one; checks every byte of it. */
long at_frame_seq(const struct rte_mbuf *m);

/* Lines in /proc/self/maps that map a socket (the packet rings). */
int at_socket_maps(void);

/* Receive until want of this suite's test frames arrive or timeout_ms passes (pt_receive). */
static inline unsigned int
at_receive(uint16_t port, uint16_t nq, unsigned int want, unsigned int timeout_ms,
		unsigned int *per_queue)
{
	return pt_receive(port, nq, want, timeout_ms, per_queue, at_frame_seq);
}

#endif /* _AFP_TEST_UTIL_H_ */
