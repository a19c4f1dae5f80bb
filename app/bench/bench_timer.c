/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cycles per timer of the timer library with 100k timers on one lcore: arming stopped timers
 * (rte_timer_reset), re-arming pending ones (taken out of the sorted list and put back),
 * stopping pending ones, and one rte_timer_manage call that runs them all once expired.
 * Uses only the DPDK 22.11 API, so the same file builds against this tree and against an
 * installed DPDK:
 *   cc -O2 app/bench/bench_timer.c $(pkg-config --cflags --libs libdpdk)
 *
 * Output: one "name cycles-per-timer" line per figure, the best of ROUNDS rounds (the machine
 * may be busy: a disturbed round is only ever slower).
 * Usage: bench_timer [EAL args] (default: --no-huge -m 256 -l 0)
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_timer.h>

#define NB_TIMERS 100000
#define ROUNDS 3

static struct rte_timer *timers;
static uint64_t *delays;
static unsigned long runs;

static void
count_cb(struct rte_timer *tim, void *arg)
{
	(void)tim;
	(void)arg;
	runs++;
}

/* Delays spread over [base, base + span): the lists see timers in no particular order. */
static void
fill_delays(uint64_t base, uint64_t span)
{
	unsigned int i;

	for (i = 0; i < NB_TIMERS; i++)
		delays[i] = base + (uint64_t)rand() % span;
}

static double
arm_all(unsigned int lcore)
{
	uint64_t t0 = rte_rdtsc_precise();
	unsigned int i;

	for (i = 0; i < NB_TIMERS; i++)
		rte_timer_reset(&timers[i], delays[i], SINGLE, lcore, count_cb, NULL);
	return (double)(rte_rdtsc_precise() - t0) / NB_TIMERS;
}

static double
stop_all(void)
{
	uint64_t t0 = rte_rdtsc_precise();
	unsigned int i;

	for (i = 0; i < NB_TIMERS; i++)
		rte_timer_stop(&timers[i]);
	return (double)(rte_rdtsc_precise() - t0) / NB_TIMERS;
}

int
main(int argc, char **argv)
{
	char *def[] = { argv[0], "--no-huge", "-m", "256", "-l", "0", "--no-pci",
		"--file-prefix=bench_timer", "--log-level=*:warning", NULL };
	double best[4] = { 1e30, 1e30, 1e30, 1e30 };
	const char *names[4] = { "reset", "reset_pending", "stop", "manage" };
	unsigned int lcore, i, r;
	uint64_t hz, t0;
	double v;

	if (argc > 1 ? rte_eal_init(argc, argv) < 0 :
			rte_eal_init((int)RTE_DIM(def) - 1, def) < 0) {
		fprintf(stderr, "rte_eal_init failed\n");
		return 1;
	}
	if (rte_timer_subsystem_init() < 0) {
		fprintf(stderr, "rte_timer_subsystem_init failed\n");
		return 1;
	}
	lcore = rte_lcore_id();
	hz = rte_get_timer_hz();
	timers = calloc(NB_TIMERS, sizeof(*timers));
	delays = calloc(NB_TIMERS, sizeof(*delays));
	if (timers == NULL || delays == NULL)
		return 1;
	for (i = 0; i < NB_TIMERS; i++)
		rte_timer_init(&timers[i]);
	srand(1);

	for (r = 0; r < ROUNDS; r++) {
		/* far enough in the future that nothing expires while measuring */
		fill_delays(10 * hz, hz);
		v = arm_all(lcore);
		best[0] = RTE_MIN(best[0], v);
		fill_delays(10 * hz, hz);
		v = arm_all(lcore);
		best[1] = RTE_MIN(best[1], v);
		v = stop_all();
		best[2] = RTE_MIN(best[2], v);

		/* all expire within a millisecond, then one manage call runs them */
		fill_delays(0, hz / 1000);
		arm_all(lcore);
		rte_delay_us_block(2000);
		runs = 0;
		t0 = rte_rdtsc_precise();
		rte_timer_manage();
		v = (double)(rte_rdtsc_precise() - t0) / NB_TIMERS;
		if (runs != NB_TIMERS) {
			fprintf(stderr, "manage ran %lu timers of %d\n", runs, NB_TIMERS);
			return 1;
		}
		best[3] = RTE_MIN(best[3], v);
	}
	for (i = 0; i < 4; i++)
		printf("%s %.1f\n", names[i], best[i]);
	rte_timer_subsystem_finalize();
	free(timers);
	free(delays);
	rte_eal_cleanup();
	return 0;
}
