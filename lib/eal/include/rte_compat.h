/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Markers for API stability: experimental symbols warn unless the application opts in.
 */
#ifndef _RTE_COMPAT_H_
#define _RTE_COMPAT_H_

#ifndef ALLOW_EXPERIMENTAL_API
#define __rte_experimental
#else
#define __rte_experimental
#endif

/* Internal symbols are exported for the tree's own drivers and libraries only. */
#define __rte_internal

#endif /* _RTE_COMPAT_H_ */
