/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared between the files of the mempool library; not installed. */
#ifndef _MEMPOOL_PRIVATE_H_
#define _MEMPOOL_PRIVATE_H_

#include <rte_log.h>

extern int mempool_logtype;
#define MP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, mempool_logtype, "MEMPOOL: " fmt "\n", ##__VA_ARGS__)

/* Index of the registered ops called name, or -1. */
int mempool_ops_find(const char *name);

#endif /* _MEMPOOL_PRIVATE_H_ */
