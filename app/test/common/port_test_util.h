/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers shared by the tests of drivers that sit on kernel interfaces (af_packet, tap):
 * shell commands, sysfs attributes, and a port brought up, drained or removed in one call.
 * Built into a suite with test_port_util_src (app/test/meson.build).
 */
#ifndef _PORT_TEST_UTIL_H_
#define _PORT_TEST_UTIL_H_

#include <stdint.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

/* Run a shell command quietly: 0 when it succeeds. */
int pt_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A number from /sys/class/net/IF/ATTR (flags, mtu, ...), -1 on error. */
long pt_sysfs(const char *iface, const char *attr);
/*
 * Configure nq queue pairs of 512 descriptors (rx offloads rxoff, multi-segment tx) from pool
 * mp and start. 0 or negative errno.
 */
int pt_port_start(uint16_t port, uint16_t nq, uint64_t rxoff, struct rte_mempool *mp);
/* Stop, close and detach. 0 or negative errno. */
int pt_port_remove(uint16_t port);
/*
 * Receive on every queue of port (nq queues) until want frames that seq_of recognises (returns
 * >= 0 for) have arrived or timeout_ms has passed; the number, per queue in per_queue if not NULL.
 */
unsigned int pt_receive(uint16_t port, uint16_t nq, unsigned int want, unsigned int timeout_ms,
		unsigned int *per_queue, long (*seq_of)(const struct rte_mbuf *m));

#endif /* _PORT_TEST_UTIL_H_ */
