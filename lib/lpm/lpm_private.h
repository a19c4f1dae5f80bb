/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared by the IPv4 and IPv6 tables: logging and the named-table registry. */
#ifndef _LPM_PRIVATE_H_
#define _LPM_PRIVATE_H_

#include <rte_log.h>

extern int lpm_logtype;

#define LPM_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, lpm_logtype, "LPM: " fmt "\n", ##__VA_ARGS__)

#endif /* _LPM_PRIVATE_H_ */
