/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TSC frequency and delays. rte_eal_init must not spend its time calibrating, so the frequency is
 * taken from the first source that states it: CPUID leaf 0x15, the hypervisor timing leaf
 * 0x40000010, the kernel's tsc_freq_khz (where exported), the nominal frequency in the CPU model
 * name when the TSC is invariant.
 *
 * Only when none of them exists is it measured, and without blocking start-up: a (TSC, clock)
 * pair is taken when the library is loaded, and the first rte_get_tsc_hz() takes the second one,
 * waiting only for what is left of a 2 ms window. An application usually asks long after that.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <cpuid.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_pause.h>
#include <rte_branch_prediction.h>

#include "eal_private.h"

#define TSC_MEASURE_NS (2 * 1000 * 1000)

/* There is no HPET support: the default timer is always the TSC. */
enum timer_source eal_timer_source = EAL_TIMER_TSC;

/* Set by --vmware-tsc-map; read by rte_rdtsc() only in builds that enable the mapping. */
int rte_cycles_vmware_tsc_map;

static uint64_t eal_tsc_hz;
static int eal_tsc_sources_tried;
static uint64_t load_tsc, load_ns; /* first half of the measurement, taken at load time */

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

/* KVM and VMware publish the TSC rate in kHz in leaf 0x40000010 when configured to. */
static uint64_t
tsc_hz_from_hypervisor(void)
{
	unsigned int a, b, c, d;

	__cpuid(1, a, b, c, d);
	if (!(c & (1U << 31)))
		return 0;
	__cpuid(0x40000000, a, b, c, d);
	if (a < 0x40000010)
		return 0;
	__cpuid(0x40000010, a, b, c, d);
	return (uint64_t)a * 1000;
}

static uint64_t
tsc_hz_from_sysfs(void)
{
	FILE *f = fopen("/sys/devices/system/cpu/cpu0/tsc_freq_khz", "r");
	unsigned long long khz = 0;

	if (f == NULL)
		return 0;
	if (fscanf(f, "%llu", &khz) != 1)
		khz = 0;
	fclose(f);
	return khz * 1000;
}

/*
 * An invariant TSC ticks at the nominal frequency, which Intel prints in the model name as
 * "@ 2.40GHz" (other vendors' names carry no frequency: /proc/cpuinfo is not worth reading).
 */
static uint64_t
tsc_hz_from_model_name(void)
{
	unsigned int a, b, c, d;
	char line[256];
	uint64_t hz = 0;
	FILE *f;

	__cpuid(0, a, b, c, d);
	if (b != 0x756e6547 || d != 0x49656e69 || c != 0x6c65746e) /* "GenuineIntel" */
		return 0;
	if ((unsigned int)__get_cpuid_max(0x80000000, NULL) < 0x80000007U)
		return 0;
	__cpuid(0x80000007, a, b, c, d);
	if (!(d & (1U << 8)))
		return 0;
	f = fopen("/proc/cpuinfo", "r");
	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		char *at, *end;
		double ghz;

		if (strncmp(line, "model name", 10) != 0)
			continue;
		at = strrchr(line, '@');
		if (at != NULL) {
			ghz = strtod(at + 1, &end);
			if (end != at + 1 && strncmp(end, "GHz", 3) == 0 && ghz > 0.1 && ghz < 20)
				hz = (uint64_t)(ghz * 1e9 + 0.5);
		}
		break;
	}
	fclose(f);
	return hz;
}

/* A (TSC, clock) pair read as close together as the CPU allows: the tightest of a few tries. */
static void
tsc_clock_pair(uint64_t *tsc, uint64_t *ns)
{
	uint64_t best = UINT64_MAX;
	int i;

	for (i = 0; i < 5; i++) {
		struct timespec ts;
		uint64_t t0, t1;

		t0 = rte_rdtsc_precise();
		clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
		t1 = rte_rdtsc_precise();
		if (t1 - t0 < best) {
			best = t1 - t0;
			*tsc = t0 + (t1 - t0) / 2;
			*ns = (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
		}
	}
}

RTE_INIT(tsc_measure_start)
{
	tsc_clock_pair(&load_tsc, &load_ns);
}

/* Finish the measurement started at load time; callable from any thread. */
static uint64_t
tsc_hz_measured(void)
{
	uint64_t tsc1 = 0, ns1 = 0, tsc0 = load_tsc, ns0 = load_ns;

	if (ns0 == 0)
		tsc_clock_pair(&tsc0, &ns0);
	do {
		tsc_clock_pair(&tsc1, &ns1);
		if (ns1 - ns0 < TSC_MEASURE_NS)
			rte_pause();
	} while (ns1 - ns0 < TSC_MEASURE_NS);
	/* Round to 1 MHz: a few ms of measurement is not more precise than that. */
	return ((tsc1 - tsc0) * NS_PER_S / (ns1 - ns0) + 500000) / 1000000 * 1000000;
}

/* Ask the sources that state the rate; 0 leaves the rate to be measured. */
int
rte_eal_timer_init(void)
{
	uint64_t hz;

	if (__atomic_load_n(&eal_tsc_sources_tried, __ATOMIC_ACQUIRE))
		return 0;
	hz = tsc_hz_from_cpuid();
	if (hz == 0)
		hz = tsc_hz_from_hypervisor();
	if (hz == 0)
		hz = tsc_hz_from_sysfs();
	if (hz == 0)
		hz = tsc_hz_from_model_name();
	if (hz != 0)
		__atomic_store_n(&eal_tsc_hz, hz, __ATOMIC_RELEASE);
	__atomic_store_n(&eal_tsc_sources_tried, 1, __ATOMIC_RELEASE);
	return 0;
}

uint64_t
rte_get_tsc_hz(void)
{
	uint64_t hz = __atomic_load_n(&eal_tsc_hz, __ATOMIC_ACQUIRE), zero = 0;

	if (likely(hz != 0))
		return hz;
	rte_eal_timer_init();
	hz = __atomic_load_n(&eal_tsc_hz, __ATOMIC_ACQUIRE);
	if (hz != 0)
		return hz;
	/* Threads racing here measure the same interval; the first result is kept. */
	hz = tsc_hz_measured();
	if (!__atomic_compare_exchange_n(&eal_tsc_hz, &zero, hz, 0, __ATOMIC_ACQ_REL,
			__ATOMIC_ACQUIRE))
		hz = zero;
	return hz;
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
