/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cycles per lookup of an IPv4 LPM table holding 500k random routes, through
 * rte_lpm_lookup_bulk (bursts of 32) and rte_lpm_lookupx4, plus the cycles per route of
 * filling the table once. Uses only the DPDK 22.11 API, so the same file builds against this tree
 * and against an installed DPDK:
 *   cc -O2 app/bench/bench_lpm.c $(pkg-config --cflags --libs libdpdk)
 *
 * Routes and addresses come from a fixed-seed generator, so both builds see the same table and
 * the same address stream; half the addresses fall inside a route's prefix. Each figure is
 * measured over many chunks and the lower quartile is kept (preemption only makes a chunk
 * slower), best of ROUNDS rounds. The add figure is wall-clock time of one fill, so it
 * includes any preemption.
 *
 * Output: one "name cycles" line per figure.
 * Usage: bench_lpm <EAL args>, e.g. bench_lpm --no-huge -m 512 -l 0 --no-pci
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lpm.h>

#include "bench_common.h"

#define N_ROUTES 500000
#define N_ADDRS (1 << 20)
#define CHUNK 4096   /* addresses per timed chunk */
#define ROUNDS 3
#define BURST 32

static uint32_t route_ip[N_ROUTES];
static uint8_t route_depth[N_ROUTES];
static uint32_t addrs[N_ADDRS];
static uint32_t hops[N_ADDRS];
static uint64_t samples[N_ADDRS / CHUNK];

/* Lower quartile of the chunks' cycles per lookup. */
static double
quartile(unsigned int n)
{
	qsort(samples, n, sizeof(samples[0]), cmp_u64);
	return (double)samples[n / 4] / CHUNK;
}

static double
run_bulk(const struct rte_lpm *lpm)
{
	unsigned int c, i;
	uint64_t t;

	for (c = 0; c < N_ADDRS / CHUNK; c++) {
		t = rte_rdtsc_precise();
		for (i = c * CHUNK; i < (c + 1) * CHUNK; i += BURST)
			rte_lpm_lookup_bulk(lpm, &addrs[i], &hops[i], BURST);
		samples[c] = rte_rdtsc_precise() - t;
	}
	return quartile(N_ADDRS / CHUNK);
}

static double
run_x4(const struct rte_lpm *lpm)
{
	unsigned int c, i;
	uint64_t t;

	for (c = 0; c < N_ADDRS / CHUNK; c++) {
		t = rte_rdtsc_precise();
		for (i = c * CHUNK; i < (c + 1) * CHUNK; i += 4)
			rte_lpm_lookupx4(lpm, _mm_loadu_si128((const __m128i *)(void *)&addrs[i]),
				&hops[i], UINT32_MAX);
		samples[c] = rte_rdtsc_precise() - t;
	}
	return quartile(N_ADDRS / CHUNK);
}

int
main(int argc, char **argv)
{
	struct rte_lpm_config cfg = { .max_rules = N_ROUTES, .number_tbl8s = 1 << 16 };
	double bulk = 1e9, x4 = 1e9, add;
	struct rte_lpm *lpm;
	unsigned int i, r, failed = 0;
	uint64_t t, hits = 0;
	uint32_t d;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "EAL init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	/* mostly /16 to /24, some deeper routes needing tbl8 groups, a few short ones */
	for (i = 0; i < N_ROUTES; i++) {
		d = rng() % 1000;
		route_depth[i] = (uint8_t)(d < 850 ? 16 + d % 9 : d < 998 ? 25 + d % 8 : 8 + d % 8);
		route_ip[i] = rng() & (uint32_t)(UINT64_C(0xFFFFFFFF00000000) >> route_depth[i]);
	}
	for (i = 0; i < N_ADDRS; i++)
		addrs[i] = i % 2 ? rng() : route_ip[rng() % N_ROUTES] | (rng() & 0xFF);

	/* filling is slow in some builds: once, then ROUNDS rounds of lookups */
	lpm = rte_lpm_create("bench_lpm", SOCKET_ID_ANY, &cfg);
	if (lpm == NULL) {
		fprintf(stderr, "rte_lpm_create: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	t = rte_rdtsc_precise();
	for (i = 0; i < N_ROUTES; i++)
		failed += rte_lpm_add(lpm, route_ip[i], route_depth[i], i) != 0;
	add = (double)(rte_rdtsc_precise() - t) / N_ROUTES;
	for (r = 0; r < ROUNDS; r++) {
		bulk = RTE_MIN(bulk, run_bulk(lpm));
		x4 = RTE_MIN(x4, run_x4(lpm));
	}
	for (i = 0; i < N_ADDRS; i++)
		hits += hops[i] != UINT32_MAX;
	printf("# routes %u (%u rejected), addresses %u, hit %.1f%%\n", N_ROUTES, failed, N_ADDRS,
		100.0 * (double)hits / N_ADDRS);
	printf("lpm_add %.1f\n", add);
	printf("lpm_lookup_bulk %.2f\n", bulk);
	printf("lpm_lookupx4 %.2f\n", x4);
	rte_lpm_free(lpm);
	rte_eal_cleanup();
	return 0;
}
