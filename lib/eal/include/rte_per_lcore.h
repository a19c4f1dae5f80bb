/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Per-thread variables: each lcore (and any other thread) has its own copy.
 */
#ifndef _RTE_PER_LCORE_H_
#define _RTE_PER_LCORE_H_

#include <pthread.h>

/** Define a per-thread variable name of type type. */
#define RTE_DEFINE_PER_LCORE(type, name) __thread __typeof__(type) per_lcore_##name
/** Declare a per-thread variable defined elsewhere. */
#define RTE_DECLARE_PER_LCORE(type, name) extern __thread __typeof__(type) per_lcore_##name
/** The calling thread's copy of per-thread variable name (an lvalue). */
#define RTE_PER_LCORE(name) (per_lcore_##name)

#endif /* _RTE_PER_LCORE_H_ */
