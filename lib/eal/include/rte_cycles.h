/* SPDX-License-Identifier: BSD-3-Clause */
/* Time stamp counter and delays. The TSC rate is measured once at rte_eal_init. */
#ifndef _RTE_CYCLES_H_
#define _RTE_CYCLES_H_

#include <stdint.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MS_PER_S 1000
#define US_PER_S 1000000
#define NS_PER_S 1000000000

enum timer_source {
	EAL_TIMER_TSC = 0,
	EAL_TIMER_HPET
};

static inline uint64_t
rte_rdtsc(void)
{
	return __builtin_ia32_rdtsc();
}

/** TSC read that is not executed before earlier loads complete. */
static inline uint64_t
rte_rdtsc_precise(void)
{
	unsigned int aux;

	return __builtin_ia32_rdtscp(&aux);
}

static inline uint64_t
rte_get_tsc_cycles(void)
{
	return rte_rdtsc();
}

/** TSC ticks per second. */
uint64_t rte_get_tsc_hz(void);

static inline uint64_t rte_get_timer_cycles(void)
{
	return rte_get_tsc_cycles();
}

static inline uint64_t rte_get_timer_hz(void)
{
	return rte_get_tsc_hz();
}

/** Busy-wait (or, with rte_delay_us_sleep installed, sleep) for us microseconds. */
extern void (*rte_delay_us)(unsigned int us);

static inline void
rte_delay_ms(unsigned int ms)
{
	rte_delay_us(ms * 1000);
}

void rte_delay_us_block(unsigned int us);
void rte_delay_us_sleep(unsigned int us);
void rte_delay_us_callback_register(void (*userfunc)(unsigned int));

#ifdef __cplusplus
}
#endif

#endif /* _RTE_CYCLES_H_ */
