/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __INCLUDE_RTE_APPROX_H__
#define __INCLUDE_RTE_APPROX_H__

/**
 * @file
 * Rational approximation of a real number.
 *
 * The scheduler works with integer credits: a rate that is a fraction of the port rate is
 * turned into "p credits every q bytes of port time". These helpers find the smallest such
 * p/q within a given distance of the real fraction.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>

/**
 * Find the fraction p/q with the smallest denominator that lies within d of alpha.
 *
 * @param alpha
 *   Number to approximate, 0 < alpha < 1.
 * @param d
 *   Largest accepted distance between p/q and alpha, 0 < d < alpha.
 * @param p
 *   Where to store the numerator.
 * @param q
 *   Where to store the denominator.
 * @return
 *   0 on success, a negative value when the input is out of range.
 */
int rte_approx(double alpha, double d, uint32_t *p, uint32_t *q);

/**
 * Same as rte_approx() with 64-bit numerator and denominator.
 *
 * @param alpha
 *   Number to approximate, 0 < alpha < 1.
 * @param d
 *   Largest accepted distance between p/q and alpha, 0 < d < alpha.
 * @param p
 *   Where to store the numerator.
 * @param q
 *   Where to store the denominator.
 * @return
 *   0 on success, a negative value when the input is out of range.
 */
int rte_approx_64(double alpha, double d, uint64_t *p, uint64_t *q);

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_APPROX_H__ */
