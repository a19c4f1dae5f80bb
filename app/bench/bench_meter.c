/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cycles per packet of the meter colour checks, in the way a forwarding loop calls them: one
 * meter per flow, 256 flows, packets of 64 to 1518 bytes from a fixed-seed generator, and a
 * clock that moves 100 cycles per packet, so that each meter sees one packet every 25600
 * cycles. The rates, set from the TSC frequency, make all three colours come out (each
 * figure line is followed by a "#" line with the share of green, yellow and red).
 *   srtcm_blind, srtcm_aware     rte_meter_srtcm_color_{blind,aware}_check
 *   trtcm_blind, trtcm_aware     rte_meter_trtcm_color_{blind,aware}_check
 *   rfc4115_blind, rfc4115_aware rte_meter_trtcm_rfc4115_color_{blind,aware}_check
 * The aware checks get the colour the packet came with, all three in turn.
 * Each figure is the lower quartile of many timed chunks (preemption only makes a chunk
 * slower), best of ROUNDS rounds. Uses only the DPDK 22.11 API, so the same file builds
 * against this tree and against an installed DPDK:
 *   cc -O2 app/bench/bench_meter.c $(pkg-config --cflags --libs libdpdk)
 *
 * Output: one "name cycles" line per figure.
 * Usage: bench_meter <EAL args>, e.g. bench_meter --no-huge -m 256 -l 0 --no-pci
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_meter.h>

#include "bench_common.h"

#define FLOWS 256
#define NB_PKTS 4096		/* packets per chunk, cycled through */
#define TICK 100		/* clock cycles between two packets */
#define CHUNKS 256
#define ROUNDS 3

static uint64_t samples[CHUNKS];
static uint32_t pkt_len[NB_PKTS];
static uint8_t pkt_flow[NB_PKTS];
static uint8_t pkt_color[NB_PKTS];

static struct rte_meter_srtcm srtcm[FLOWS];
static struct rte_meter_trtcm trtcm[FLOWS];
static struct rte_meter_trtcm_rfc4115 rfc4115[FLOWS];
static struct rte_meter_srtcm_profile srtcm_prof;
static struct rte_meter_trtcm_profile trtcm_prof;
static struct rte_meter_trtcm_rfc4115_profile rfc4115_prof;

enum kind { SRTCM, TRTCM, RFC4115 };

/* One colour check, folded at each call site to the one call an application makes. */
static __rte_always_inline enum rte_color
check(enum kind k, int aware, unsigned int f, uint64_t time, uint32_t len, enum rte_color in)
{
	switch (k) {
	case SRTCM:
		return aware ? rte_meter_srtcm_color_aware_check(&srtcm[f], &srtcm_prof, time,
				len, in) :
			rte_meter_srtcm_color_blind_check(&srtcm[f], &srtcm_prof, time, len);
	case TRTCM:
		return aware ? rte_meter_trtcm_color_aware_check(&trtcm[f], &trtcm_prof, time,
				len, in) :
			rte_meter_trtcm_color_blind_check(&trtcm[f], &trtcm_prof, time, len);
	default:
		return aware ? rte_meter_trtcm_rfc4115_color_aware_check(&rfc4115[f],
				&rfc4115_prof, time, len, in) :
			rte_meter_trtcm_rfc4115_color_blind_check(&rfc4115[f], &rfc4115_prof,
				time, len);
	}
}

static __rte_always_inline double
run(enum kind k, int aware, uint64_t *colors)
{
	uint64_t time = rte_rdtsc(), t;
	unsigned int c, i;

	for (c = 0; c < CHUNKS; c++) {
		t = rte_rdtsc_precise();
		for (i = 0; i < NB_PKTS; i++) {
			time += TICK;
			colors[check(k, aware, pkt_flow[i], time, pkt_len[i],
				(enum rte_color)pkt_color[i])]++;
		}
		samples[c] = rte_rdtsc_precise() - t;
	}
	qsort(samples, CHUNKS, sizeof(samples[0]), cmp_u64);
	return (double)samples[CHUNKS / 4] / NB_PKTS;
}

static int
setup(void)
{
	/*
	 * Each meter sees 791 bytes on average every FLOWS * TICK cycles. Committed rates
	 * below that and peak rates a little below it too make every colour appear, whatever
	 * the TSC frequency.
	 */
	uint64_t rate = 791 * rte_get_tsc_hz() / (FLOWS * TICK);
	struct rte_meter_srtcm_params sp = { .cir = rate * 6 / 10, .cbs = 4000, .ebs = 8000 };
	struct rte_meter_trtcm_params tp = { .cir = rate / 2, .pir = rate * 8 / 10, .cbs = 4000,
		.pbs = 8000 };
	struct rte_meter_trtcm_rfc4115_params rp = { .cir = rate / 2, .eir = rate * 3 / 10,
		.cbs = 4000, .ebs = 8000 };
	unsigned int f;

	if (rte_meter_srtcm_profile_config(&srtcm_prof, &sp) != 0 ||
			rte_meter_trtcm_profile_config(&trtcm_prof, &tp) != 0 ||
			rte_meter_trtcm_rfc4115_profile_config(&rfc4115_prof, &rp) != 0)
		return -1;
	for (f = 0; f < FLOWS; f++)
		if (rte_meter_srtcm_config(&srtcm[f], &srtcm_prof) != 0 ||
				rte_meter_trtcm_config(&trtcm[f], &trtcm_prof) != 0 ||
				rte_meter_trtcm_rfc4115_config(&rfc4115[f], &rfc4115_prof) != 0)
			return -1;
	return 0;
}

static void
bench(const char *name, enum kind k, int aware)
{
	uint64_t colors[RTE_COLORS] = { 0 }, total;
	double best = 1e9, v;
	unsigned int r;

	for (r = 0; r < ROUNDS; r++) {
		/* each aware/blind and kind is its own loop, as an application has */
		if (k == SRTCM)
			v = aware ? run(SRTCM, 1, colors) : run(SRTCM, 0, colors);
		else if (k == TRTCM)
			v = aware ? run(TRTCM, 1, colors) : run(TRTCM, 0, colors);
		else
			v = aware ? run(RFC4115, 1, colors) : run(RFC4115, 0, colors);
		best = RTE_MIN(best, v);
	}
	total = colors[RTE_COLOR_GREEN] + colors[RTE_COLOR_YELLOW] + colors[RTE_COLOR_RED];
	printf("%s %.2f\n", name, best);
	printf("# %s: green %.1f%%, yellow %.1f%%, red %.1f%%\n", name,
		100.0 * (double)colors[RTE_COLOR_GREEN] / (double)total,
		100.0 * (double)colors[RTE_COLOR_YELLOW] / (double)total,
		100.0 * (double)colors[RTE_COLOR_RED] / (double)total);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	unsigned int i;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "EAL init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	for (i = 0; i < NB_PKTS; i++) {
		pkt_len[i] = 64 + rng() % (1518 - 64 + 1);
		pkt_flow[i] = (uint8_t)(rng() % FLOWS);
		pkt_color[i] = (uint8_t)(i % RTE_COLORS);
	}
	if (setup() != 0) {
		fprintf(stderr, "meter configuration refused\n");
		return 1;
	}
	printf("# %u meters, packets of 64-1518 bytes, one every %u cycles, TSC %" PRIu64
		" Hz\n", FLOWS, TICK, rte_get_tsc_hz());
	bench("srtcm_blind", SRTCM, 0);
	bench("srtcm_aware", SRTCM, 1);
	bench("trtcm_blind", TRTCM, 0);
	bench("trtcm_aware", TRTCM, 1);
	bench("rfc4115_blind", RFC4115, 0);
	bench("rfc4115_aware", RFC4115, 1);
	rte_eal_cleanup();
	return 0;
}
