/* SPDX-License-Identifier: BSD-3-Clause */
/* How EAL starts and stops the telemetry server. Not installed. */
#ifndef _TELEMETRY_INTERNAL_H_
#define _TELEMETRY_INTERNAL_H_

#include <stdint.h>

#include <rte_lcore.h>

/* The signature of rte_log, passed in so that this library does not link with EAL. */
typedef int (*rte_log_fn)(uint32_t level, uint32_t logtype, const char *format, ...);

/*
 * Start the server: create runtime_dir if needed, bind <runtime_dir>/dpdk_telemetry.v2 (or
 * dpdk_telemetry.v2:<n> when a live process already serves that path) and start its listening
 * thread, pinned to cpuset. rte_version is what the connection message reports. Messages go
 * through log_fn with registered_logtype. 0, or -1 after logging why.
 */
int
rte_telemetry_init(const char *runtime_dir, const char *rte_version, rte_cpuset_t *cpuset,
		rte_log_fn log_fn, uint32_t registered_logtype);

/*
 * Stop the server: close every connection, wait for their threads, remove the socket (and the
 * runtime directory when rte_telemetry_init created it). Commands stay registered. Does
 * nothing when the server is not running.
 */
void
rte_telemetry_stop(void);

/* The path the running server listens on, "" when it is stopped. */
const char *
rte_telemetry_socket_path(void);

#endif /* _TELEMETRY_INTERNAL_H_ */
