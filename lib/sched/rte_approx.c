/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Smallest-denominator fraction within an interval, by walking the Stern-Brocot tree between
 * 0/1 and 1/1. Instead of one mediant at a time, each step jumps over the whole run of
 * mediants that stay on the same side of the interval, so a small alpha costs a few steps.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "rte_approx.h"

static int
approx_walk(double alpha, double d, uint64_t *p, uint64_t *q)
{
	const double low = alpha - d;
	const double high = alpha + d;
	uint64_t lp = 0, lq = 1;	/* left bound, below the interval */
	uint64_t rp = 1, rq = 1;	/* right bound, above the interval */

	for (;;) {
		uint64_t mp = lp + rp, mq = lq + rq;
		double m = (double)mp / (double)mq;
		double k;

		if (m < low) {
			/* left + k right stays below low while k < (low lq - lp) / (rp - low rq);
			 * k = 1 is the mediant itself, known to be below
			 */
			k = floor((low * lq - lp) / (rp - low * rq));
			if (!(k >= 1))
				k = 1;
			if ((double)(lp + (uint64_t)k * rp) /
					(double)(lq + (uint64_t)k * rq) >= low)
				k -= 1;	/* rounding overshot by one step */
			if (k < 1)
				k = 1;
			lp += (uint64_t)k * rp;
			lq += (uint64_t)k * rq;
		} else if (m > high) {
			k = floor((rp - high * rq) / (high * lq - lp));
			if (!(k >= 1))
				k = 1;
			if ((double)(rp + (uint64_t)k * lp) /
					(double)(rq + (uint64_t)k * lq) <= high)
				k -= 1;
			if (k < 1)
				k = 1;
			rp += (uint64_t)k * lp;
			rq += (uint64_t)k * lq;
		} else {
			*p = mp;
			*q = mq;
			return 0;
		}
		if (lq > UINT64_MAX / 4 || rq > UINT64_MAX / 4)
			return -1;
	}
}

static int
approx_args_ok(double alpha, double d, const void *p, const void *q)
{
	return d > 0.0 && d < alpha && alpha < 1.0 && p != NULL && q != NULL;
}

int
rte_approx(double alpha, double d, uint32_t *p, uint32_t *q)
{
	uint64_t p64, q64;

	if (!approx_args_ok(alpha, d, p, q))
		return -1;
	if (approx_walk(alpha, d, &p64, &q64) != 0 || q64 > UINT32_MAX)
		return -1;
	*p = (uint32_t)p64;
	*q = (uint32_t)q64;
	return 0;
}

int
rte_approx_64(double alpha, double d, uint64_t *p, uint64_t *q)
{
	if (!approx_args_ok(alpha, d, p, q))
		return -1;
	return approx_walk(alpha, d, p, q);
}
