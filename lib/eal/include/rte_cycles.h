/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Time stamp counter and delays. The TSC rate comes from the CPU or the hypervisor when they
 * state it, else from a 2 ms measurement started when EAL is loaded.
 */
#ifndef _RTE_CYCLES_H_
#define _RTE_CYCLES_H_

#include <stdint.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MS_PER_S 1000        /**< milliseconds per second */
#define US_PER_S 1000000     /**< microseconds per second */
#define NS_PER_S 1000000000  /**< nanoseconds per second */

/** Timer sources DPDK knows; only the TSC is used here. */
enum timer_source {
	EAL_TIMER_TSC = 0, /**< the time stamp counter */
	EAL_TIMER_HPET     /**< the HPET (not supported) */
};
/** Source of rte_get_timer_cycles(): always EAL_TIMER_TSC here. */
extern enum timer_source eal_timer_source;

#ifdef RTE_LIBRTE_EAL_VMWARE_TSC_MAP_SUPPORT
/** Non-zero (EAL option --vmware-tsc-map): read VMware's mapping of the host TSC instead. */
extern int rte_cycles_vmware_tsc_map;
#endif

/** The time stamp counter. */
static inline uint64_t
rte_rdtsc(void)
{
#ifdef RTE_LIBRTE_EAL_VMWARE_TSC_MAP_SUPPORT
	/* Only in builds that ask for it: the test costs a load and a branch per read. */
	if (__builtin_expect(rte_cycles_vmware_tsc_map, 0))
		return __builtin_ia32_rdpmc(0x10000);
#endif
	return __builtin_ia32_rdtsc();
}

/**
 * TSC read that is not executed before earlier loads and stores complete. A full fence, not
 * rdtscp: some CPUs, hypervisors and emulators (valgrind, QEMU's default models) lack rdtscp.
 */
static inline uint64_t
rte_rdtsc_precise(void)
{
	__builtin_ia32_mfence();
	return rte_rdtsc();
}

/** The time stamp counter (same as rte_rdtsc). */
static inline uint64_t
rte_get_tsc_cycles(void)
{
	return rte_rdtsc();
}

/** TSC ticks per second. */
uint64_t rte_get_tsc_hz(void);

/** Cycles of the default timer, the TSC. */
static inline uint64_t rte_get_timer_cycles(void)
{
	return rte_get_tsc_cycles();
}

/** Frequency of the default timer, the TSC's. */
static inline uint64_t rte_get_timer_hz(void)
{
	return rte_get_tsc_hz();
}

/** Busy-wait (or, with rte_delay_us_sleep installed, sleep) for us microseconds. */
extern void (*rte_delay_us)(unsigned int us);

/** Wait ms milliseconds through rte_delay_us. */
static inline void
rte_delay_ms(unsigned int ms)
{
	rte_delay_us(ms * 1000);
}

/** Busy-wait us microseconds on the TSC. */
void rte_delay_us_block(unsigned int us);
/** Sleep us microseconds (nanosleep), giving the CPU away. */
void rte_delay_us_sleep(unsigned int us);
/** Make rte_delay_us call userfunc (NULL restores rte_delay_us_block). */
void rte_delay_us_callback_register(void (*userfunc)(unsigned int));

#ifdef __cplusplus
}
#endif

#endif /* _RTE_CYCLES_H_ */
