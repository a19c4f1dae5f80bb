/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TSC frequency and delays. The frequency comes from CPUID leaf 0x15 when the CPU reports it,
 * otherwise from counting TSC ticks over a short CLOCK_MONOTONIC_RAW interval.
 */
#include <time.h>
#include <errno.h>
#include <cpuid.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_pause.h>

#include "eal_private.h"

static uint64_t eal_tsc_hz;

void (*rte_delay_us)(unsigned int) = rte_delay_us_block;

static uint64_t
tsc_hz_from_cpuid(void)
{
	unsigned int a, b, c, d;

	if (__get_cpuid_max(0, NULL) < 0x15)
		return 0;
	__cpuid(0x15, a, b, c, d);
	if (a == 0 || b == 0 || c == 0)
		return 0;
	return (uint64_t)c * b / a;
}

static uint64_t
tsc_hz_measured(void)
{
	struct timespec start, end, sleep_ts = { .tv_sec = 0, .tv_nsec = 10 * 1000 * 1000 };
	uint64_t t0, t1, ns;

	clock_gettime(CLOCK_MONOTONIC_RAW, &start);
	t0 = rte_rdtsc();
	while (nanosleep(&sleep_ts, &sleep_ts) == -1 && errno == EINTR)
		;
	clock_gettime(CLOCK_MONOTONIC_RAW, &end);
	t1 = rte_rdtsc();
	ns = (uint64_t)(end.tv_sec - start.tv_sec) * NS_PER_S + (uint64_t)end.tv_nsec -
		(uint64_t)start.tv_nsec;
	if (ns == 0)
		return 0;
	/* Round to 10 MHz: the measurement is not more precise than that. */
	return RTE_ALIGN_MUL_CEIL((t1 - t0) * NS_PER_S / ns - 5000000, 10000000);
}

int
rte_eal_timer_init(void)
{
	if (eal_tsc_hz != 0)
		return 0;
	eal_tsc_hz = tsc_hz_from_cpuid();
	if (eal_tsc_hz == 0)
		eal_tsc_hz = tsc_hz_measured();
	if (eal_tsc_hz == 0) {
		EAL_LOG(ERR, "cannot determine the TSC frequency\n");
		return -1;
	}
	return 0;
}

uint64_t
rte_get_tsc_hz(void)
{
	if (eal_tsc_hz == 0)
		rte_eal_timer_init();
	return eal_tsc_hz;
}

void
rte_delay_us_block(unsigned int us)
{
	const uint64_t start = rte_get_timer_cycles();
	const uint64_t ticks = (uint64_t)us * rte_get_timer_hz() / US_PER_S;

	while ((rte_get_timer_cycles() - start) < ticks)
		rte_pause();
}

void
rte_delay_us_sleep(unsigned int us)
{
	struct timespec wait = {
		.tv_sec = us / US_PER_S,
		.tv_nsec = (long)(us % US_PER_S) * 1000,
	};

	while (nanosleep(&wait, &wait) == -1 && errno == EINTR)
		;
}

void
rte_delay_us_callback_register(void (*userfunc)(unsigned int))
{
	rte_delay_us = userfunc != NULL ? userfunc : rte_delay_us_block;
}
