/* SPDX-License-Identifier: BSD-3-Clause */
/* Per-thread error number set by functions that return -1 or NULL, with DPDK's extra codes. */
#ifndef _RTE_ERRNO_H_
#define _RTE_ERRNO_H_

#include <rte_per_lcore.h>

#ifdef __cplusplus
extern "C" {
#endif

RTE_DECLARE_PER_LCORE(int, _rte_errno);

#define rte_errno RTE_PER_LCORE(_rte_errno)

/** Text for errnum: the C library's for system codes, ours for the RTE_MIN_ERRNO range. */
const char *rte_strerror(int errnum);

#ifndef __ELASTERROR
#define __ELASTERROR 2000
#endif

enum {
	RTE_MIN_ERRNO = __ELASTERROR, /**< start of our own codes */
	E_RTE_SECONDARY,              /**< operation not allowed in a secondary process */
	E_RTE_NO_CONFIG,              /**< missing rte_config */
	RTE_MAX_ERRNO
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ERRNO_H_ */
