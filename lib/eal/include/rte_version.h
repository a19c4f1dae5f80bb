/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Version of the API this tree provides. The numbers follow DPDK's (year.month) so that
 * applications comparing RTE_VERSION against a DPDK release build as they would there.
 */
#ifndef _RTE_VERSION_H_
#define _RTE_VERSION_H_

#include <rte_common.h>

/** Version number comparable with RTE_VERSION, from its four parts. */
#define RTE_VERSION_NUM(a, b, c, d) ((a) << 24 | (b) << 16 | (c) << 8 | (d))
#define RTE_VER_PREFIX "DPDK-hotplug" /**< Name printed before the version numbers. */
#define RTE_VER_SUFFIX "" /**< Text printed after the version numbers (empty). */
#define RTE_VER_RELEASE 99 /**< Release number (99: a final release, not a candidate). */
/** Version of this API as one number (see RTE_VERSION_NUM). */
#define RTE_VERSION RTE_VERSION_NUM(RTE_VER_YEAR, RTE_VER_MONTH, RTE_VER_MINOR, RTE_VER_RELEASE)

/** Version string, such as "DPDK-hotplug 22.11.0". */
static inline const char *
rte_version(void)
{
	return RTE_VER_PREFIX " " RTE_STR(RTE_VER_YEAR) "." RTE_STR(RTE_VER_MONTH) "."
		RTE_STR(RTE_VER_MINOR);
}

#endif /* _RTE_VERSION_H_ */
