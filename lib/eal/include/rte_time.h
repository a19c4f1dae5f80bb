/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Nanosecond time from a free-running cycle counter (a NIC's clock for IEEE 1588, for instance),
 * and conversions between nanoseconds and struct timespec.
 */
#ifndef _RTE_TIME_H_
#define _RTE_TIME_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <time.h>

/** Nanoseconds in one second (DPDK's NSEC_PER_SEC, under an RTE_ name). */
#define RTE_TIME_NSEC_PER_SEC 1000000000L

/**
 * A nanosecond clock kept from readings of a cycle counter. A counter that ticks at 2^cc_shift
 * ticks per nanosecond (or is scaled to) gives exact nanoseconds; the bits below cc_shift are
 * carried from one update to the next in nsec_frac.
 */
struct rte_timecounter {
	uint64_t cycle_last; /**< counter value at the last update */
	uint64_t nsec;       /**< nanoseconds at the last update */
	uint64_t nsec_mask;  /**< the sub-nanosecond bits of a cycle count (2^cc_shift - 1) */
	uint64_t nsec_frac;  /**< sub-nanosecond cycles carried over */
	uint64_t cc_mask;    /**< width of the counter: its values are taken modulo cc_mask + 1 */
	uint32_t cc_shift;   /**< log2 of cycles per nanosecond */
};

/**
 * Nanoseconds in a number of cycles, carrying the remainder in tc->nsec_frac.
 * @param tc the clock
 * @param cycles cycles elapsed
 * @return whole nanoseconds
 */
static inline uint64_t
rte_cyclecounter_cycles_to_ns(struct rte_timecounter *tc, uint64_t cycles)
{
	uint64_t total = cycles + tc->nsec_frac;

	tc->nsec_frac = total & tc->nsec_mask;
	return total >> tc->cc_shift;
}

/**
 * Advance the clock to a new counter reading; a counter narrower than 64 bits may have wrapped
 * once since the last reading.
 * @param tc the clock
 * @param cycle_now the counter now
 * @return the clock's nanoseconds now
 */
static inline uint64_t
rte_timecounter_update(struct rte_timecounter *tc, uint64_t cycle_now)
{
	uint64_t delta;

	if (cycle_now >= tc->cycle_last)
		delta = (cycle_now - tc->cycle_last) & tc->cc_mask;
	else /* wrapped: the distance to the top of the counter, plus what came after */
		delta = (~(tc->cycle_last - cycle_now) & tc->cc_mask) + 1;
	tc->cycle_last = cycle_now;
	tc->nsec += rte_cyclecounter_cycles_to_ns(tc, delta);
	return tc->nsec;
}

/**
 * A timespec as nanoseconds.
 * @param ts time (tv_nsec below one second)
 * @return nanoseconds
 */
static inline uint64_t
rte_timespec_to_ns(const struct timespec *ts)
{
	return (uint64_t)ts->tv_sec * RTE_TIME_NSEC_PER_SEC + (uint64_t)ts->tv_nsec;
}

/**
 * Nanoseconds as a timespec.
 * @param nsec nanoseconds
 * @return the same time as seconds and nanoseconds
 */
static inline struct timespec
rte_ns_to_timespec(uint64_t nsec)
{
	struct timespec ts;

	ts.tv_sec = (time_t)(nsec / RTE_TIME_NSEC_PER_SEC);
	ts.tv_nsec = (long)(nsec % RTE_TIME_NSEC_PER_SEC);
	return ts;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TIME_H_ */
