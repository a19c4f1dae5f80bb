/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers of the tap driver tests: a network namespace, raw sockets, frames, ports. */
#ifndef _TAP_TEST_UTIL_H_
#define _TAP_TEST_UTIL_H_

#include <stdint.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "port_test_util.h"

/*
 * Move the process into network and mount namespaces of its own (with its own /sys), so that
 * every interface the tests make vanishes with the process. NULL, or why it cannot be done.
 * Call before EAL starts threads: unshare needs a single-threaded process.
 */
const char *tt_make_network(void);
/* Does the interface exist? */
int tt_if_exists(const char *iface);
/* The MAC address of an interface as the kernel has it, 0 or -1. */
int tt_if_mac(const char *iface, uint8_t mac[6]);

/* An AF_PACKET socket bound to iface (all protocols, non-blocking), or -1. */
int tt_raw_socket(const char *iface);
/* Send a test frame of len bytes through a raw socket: 0 or -1. */
int tt_raw_send(int fd, uint32_t len, uint32_t flow, uint32_t seq);
/* Receive test frames on a raw socket until want or timeout_ms; how many arrived intact. */
unsigned int tt_raw_receive(int fd, unsigned int want, unsigned int timeout_ms);

/*
 * A test frame of len bytes (IPv4/UDP, addresses and ports from flow, payload from seq), as
 * a chain when the pool's mbufs are smaller. tt_frame_seq gives its seq back, -1 if m is not one.
 */
struct rte_mbuf *tt_frame(struct rte_mempool *mp, uint32_t len, uint32_t flow, uint32_t seq);
long tt_frame_seq(const struct rte_mbuf *m);

/* The same for a tun interface: the test frame of len bytes without its Ethernet header. */
int tt_raw_send_ip(int fd, uint32_t len, uint32_t seq);
unsigned int tt_raw_receive_ip(int fd, unsigned int want, unsigned int timeout_ms);
struct rte_mbuf *tt_ip_packet(struct rte_mempool *mp, uint32_t len, uint32_t seq);
long tt_ip_seq(const struct rte_mbuf *m);

/* Receive until want of this suite's test frames arrive or timeout_ms passes (pt_receive). */
static inline unsigned int
tt_receive(uint16_t port, uint16_t nq, unsigned int want, unsigned int timeout_ms,
		unsigned int *per_queue)
{
	return pt_receive(port, nq, want, timeout_ms, per_queue, tt_frame_seq);
}

#endif /* _TAP_TEST_UTIL_H_ */
