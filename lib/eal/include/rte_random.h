/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Fast pseudo-random numbers (not for cryptography): one generator state per lcore.
 */
#ifndef _RTE_RANDOM_H_
#define _RTE_RANDOM_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Reseed every lcore's generator. */
void rte_srand(uint64_t seedval);
/** 64 pseudo-random bits. */
uint64_t rte_rand(void);
/** Uniform in [0, upper_bound); 0 when upper_bound is 0. */
uint64_t rte_rand_max(uint64_t upper_bound);
/** Uniform in [0, 1). */
double rte_drand(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RANDOM_H_ */
