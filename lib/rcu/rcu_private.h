/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef RCU_PRIVATE_H
#define RCU_PRIVATE_H

#include <rte_log.h>

#define RCU_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, rte_rcu_log_type, "RCU: " fmt "\n", ##__VA_ARGS__)

#endif /* RCU_PRIVATE_H */
