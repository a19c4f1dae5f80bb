/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers of the af_packet driver tests: a network namespace with veth pairs, frames, ports. */
#ifndef _AFP_TEST_UTIL_H_
#define _AFP_TEST_UTIL_H_

#include <stdint.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

/*
 * Move the process into a network namespace (and a mount namespace, for /sys) of its own
 * holding the veth pairs names[0]<->names[1], names[2]<->names[3]... (n names), all up.
 * NULL, or why it cannot be done.
 * Call before EAL starts threads: unshare needs a single-threaded process.
 */
const char *at_make_network(const char *const *names, unsigned int n);
/* Run a shell command quietly: 0 when it succeeds. */
int at_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A number from /sys/class/net/IF/ATTR (flags, mtu, ...), -1 on error. */
long at_sysfs(const char *iface, const char *attr);

/*
 * A test frame of len bytes: IPv4/UDP whose addresses and ports derive from flow, payload
 * from seq; the payload starts with the 4-byte magic AT_MAGIC then seq (for at_frame_seq).
 */
struct rte_mbuf *at_frame(struct rte_mempool *mp, uint32_t len, uint32_t flow, uint32_t seq);
/* The seq of a frame made by at_frame, -1 if m is not one; checks every byte of it. */
long at_frame_seq(const struct rte_mbuf *m);

/* Configure nq queue pairs (rx offloads rxoff) from pool mp and start. 0 or negative errno. */
int at_port_start(uint16_t port, uint16_t nq, uint64_t rxoff, struct rte_mempool *mp);
/* Stop, close and detach. 0 or negative errno. */
int at_port_remove(uint16_t port);
/* Receive on every queue of port (nq queues) until want test frames or timeout_ms; the number. */
unsigned int at_receive(uint16_t port, uint16_t nq, unsigned int want, unsigned int timeout_ms,
		unsigned int *per_queue);
/* Lines in /proc/self/maps that map a socket (the packet rings). */
int at_socket_maps(void);

#endif /* _AFP_TEST_UTIL_H_ */
