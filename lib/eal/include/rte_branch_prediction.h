/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Branch prediction hints for the compiler.
 */
#ifndef _RTE_BRANCH_PREDICTION_H_
#define _RTE_BRANCH_PREDICTION_H_

#ifndef likely
#define likely(x) __builtin_expect(!!(x), 1) /**< Hint that x is usually true. */
#endif
#ifndef unlikely
#define unlikely(x) __builtin_expect(!!(x), 0) /**< Hint that x is usually false. */
#endif

#endif /* _RTE_BRANCH_PREDICTION_H_ */
