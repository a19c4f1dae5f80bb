/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * 64-bit atomic counters on 32-bit x86, where a 64-bit access needs cmpxchg8b: the compiler's
 * __atomic built-ins emit it, so the generic definitions stay correct. Included by rte_atomic.h;
 * not meant to be included on its own.
 */
#ifndef _RTE_ATOMIC_H_
#error "include <rte_atomic.h> instead of <rte_atomic_32.h>"
#endif

#ifndef _RTE_ATOMIC_32_H_
#define _RTE_ATOMIC_32_H_

#include <stdint.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

RTE_DEFINE_LEGACY_ATOMIC(64)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ATOMIC_32_H_ */
