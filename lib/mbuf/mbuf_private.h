/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared between the files of the mbuf library; not installed. */
#ifndef _MBUF_PRIVATE_H_
#define _MBUF_PRIVATE_H_

#include <rte_log.h>

extern int mbuf_logtype;
#define MBUF_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, mbuf_logtype, "MBUF: " fmt "\n", ##__VA_ARGS__)

#endif /* _MBUF_PRIVATE_H_ */
