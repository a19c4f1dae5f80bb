/* SPDX-License-Identifier: BSD-3-Clause */
/* Log type of the scheduler library, shared by its source files (not installed). */
#ifndef _SCHED_LOG_H_
#define _SCHED_LOG_H_

#include <rte_log.h>

extern int sched_logtype;

#define SCHED_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, sched_logtype, "SCHED: %s: " fmt "\n", __func__, ##__VA_ARGS__)

#endif /* _SCHED_LOG_H_ */
