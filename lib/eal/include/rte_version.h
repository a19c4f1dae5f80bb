/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Version of the API this tree provides. The numbers follow DPDK's (year.month) so that
 * applications comparing RTE_VERSION against a DPDK release build as they would there.
 */
#ifndef _RTE_VERSION_H_
#define _RTE_VERSION_H_

#include <stdio.h>
#include <string.h>
#include <rte_common.h>

/** Version number comparable with RTE_VERSION, from its four parts. */
#define RTE_VERSION_NUM(a, b, c, d) ((a) << 24 | (b) << 16 | (c) << 8 | (d))
#define RTE_VER_PREFIX "DPDK-hotplug" /**< Name printed before the version numbers. */
#define RTE_VER_SUFFIX "" /**< Text printed after the version numbers (empty). */
#define RTE_VER_RELEASE 99 /**< Release number (99: a final release, not a candidate). */
/** Version of this API as one number (see RTE_VERSION_NUM). */
#define RTE_VERSION RTE_VERSION_NUM(RTE_VER_YEAR, RTE_VER_MONTH, RTE_VER_MINOR, RTE_VER_RELEASE)

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Name printed before the version numbers, as the library was built.
 * @return RTE_VER_PREFIX of the library
 */
const char *rte_version_prefix(void);

/**
 * Year part of the library's version (22 for 22.11).
 * @return RTE_VER_YEAR of the library
 */
unsigned int rte_version_year(void);

/**
 * Month part of the library's version (11 for 22.11).
 * @return RTE_VER_MONTH of the library
 */
unsigned int rte_version_month(void);

/**
 * Minor part of the library's version (1 for 22.11.1).
 * @return RTE_VER_MINOR of the library
 */
unsigned int rte_version_minor(void);

/**
 * Text printed after the version numbers (empty for a release).
 * @return RTE_VER_SUFFIX of the library
 */
const char *rte_version_suffix(void);

/**
 * Release number of the library (99 for a final release, lower for a candidate).
 * @return RTE_VER_RELEASE of the library
 */
unsigned int rte_version_release(void);

/**
 * The library's version as text, such as "DPDK-hotplug 22.11.0". The library's, not the
 * headers' an application was compiled with: the two differ when it runs on a newer library.
 * @return a static string
 */
const char *rte_version(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_VERSION_H_ */
