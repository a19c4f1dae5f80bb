/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Per-thread error number set by functions that return -1 or NULL, with DPDK's extra codes.
 */
#ifndef _RTE_ERRNO_H_
#define _RTE_ERRNO_H_

#include <rte_per_lcore.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Storage of rte_errno, one per thread. */
RTE_DECLARE_PER_LCORE(int, _rte_errno);

/** Error number of the last failed call of this thread that reports through it. */
#define rte_errno RTE_PER_LCORE(_rte_errno)

/** Text for errnum: the C library's for system codes, ours for the RTE_MIN_ERRNO range. */
const char *rte_strerror(int errnum);

#ifndef __ELASTERROR
#define __ELASTERROR 2000
#endif

/** Error numbers of DPDK's own, above the system's. */
enum {
	RTE_MIN_ERRNO = __ELASTERROR, /**< start of our own codes */
	E_RTE_SECONDARY,              /**< operation not allowed in a secondary process */
	E_RTE_NO_CONFIG,              /**< missing rte_config */
	RTE_MAX_ERRNO                 /**< end of our own codes */
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ERRNO_H_ */
