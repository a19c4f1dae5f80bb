/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cycles per lookup of rte_fib_lookup_bulk (DIR24_8, 100k random IPv4 routes, 4- and 8-byte
 * entries) and rte_fib6_lookup_bulk (TRIE, 20k random IPv6 routes, 4-byte entries), in bursts
 * of 32, plus the cycles per route of filling each table once. Uses only the DPDK 22.11 API,
 * so the same file builds against this tree and against an installed DPDK:
 *   cc -O2 app/bench/bench_fib.c $(pkg-config --cflags --libs libdpdk)
 *
 * Routes and addresses come from a fixed-seed generator, so both builds see the same tables
 * and the same address streams; half the addresses fall inside a route's prefix. A digest of
 * the next hops found shows whether both builds gave the same answers. Each figure
 * is measured over many chunks and the lower quartile is kept (preemption only makes a chunk
 * slower), best of ROUNDS rounds. The add figures are wall-clock time of one fill.
 *
 * Output: one "name cycles" line per figure.
 * Usage: bench_fib <EAL args>, e.g. bench_fib --no-huge -m 1024 -l 0 --no-pci
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_fib.h>
#include <rte_fib6.h>
#include <rte_memory.h>

#include "bench_common.h"

#define N_ROUTES 100000
#define N_ROUTES6 20000
#define N_ADDRS (1 << 20)
#define CHUNK 4096   /* addresses per timed chunk */
#define ROUNDS 3
#define BURST 32

static uint32_t route_ip[N_ROUTES];
static uint8_t route_depth[N_ROUTES];
static uint8_t route6_ip[N_ROUTES6][RTE_FIB6_IPV6_ADDR_SIZE];
static uint8_t route6_depth[N_ROUTES6];
static uint32_t addrs[N_ADDRS];
static uint8_t addrs6[N_ADDRS][RTE_FIB6_IPV6_ADDR_SIZE];
static uint64_t hops[N_ADDRS];
static uint64_t samples[N_ADDRS / CHUNK];

/* A digest of the next hops of the last round, to compare both builds' answers. */
static uint64_t
digest(void)
{
	uint64_t h = 0xCBF29CE484222325ull;
	unsigned int i;

	for (i = 0; i < N_ADDRS; i++)
		h = (h ^ hops[i]) * 0x100000001B3ull;
	return h;
}

/* Lower quartile of the chunks' cycles per lookup. */
static double
quartile(unsigned int n)
{
	qsort(samples, n, sizeof(samples[0]), cmp_u64);
	return (double)samples[n / 4] / CHUNK;
}

static double
run4(struct rte_fib *fib)
{
	unsigned int c, i;
	uint64_t t;

	for (c = 0; c < N_ADDRS / CHUNK; c++) {
		t = rte_rdtsc_precise();
		for (i = c * CHUNK; i < (c + 1) * CHUNK; i += BURST)
			rte_fib_lookup_bulk(fib, &addrs[i], &hops[i], BURST);
		samples[c] = rte_rdtsc_precise() - t;
	}
	return quartile(N_ADDRS / CHUNK);
}

static double
run6(struct rte_fib6 *fib)
{
	unsigned int c, i;
	uint64_t t;

	for (c = 0; c < N_ADDRS / CHUNK; c++) {
		t = rte_rdtsc_precise();
		for (i = c * CHUNK; i < (c + 1) * CHUNK; i += BURST)
			rte_fib6_lookup_bulk(fib, &addrs6[i], &hops[i], BURST);
		samples[c] = rte_rdtsc_precise() - t;
	}
	return quartile(N_ADDRS / CHUNK);
}

static int
bench4(const char *name, enum rte_fib_dir24_8_nh_sz sz)
{
	struct rte_fib_conf conf;
	struct rte_fib *fib;
	unsigned int i, r, failed = 0;
	double best = 1e9, add;
	uint64_t t, hits = 0;

	memset(&conf, 0, sizeof(conf));
	conf.type = RTE_FIB_DIR24_8;
	conf.default_nh = 0;
	conf.max_routes = N_ROUTES;
	conf.dir24_8.nh_sz = sz;
	conf.dir24_8.num_tbl8 = 1 << 15;
	fib = rte_fib_create(name, SOCKET_ID_ANY, &conf);
	if (fib == NULL) {
		fprintf(stderr, "rte_fib_create: %s\n", rte_strerror(rte_errno));
		return -1;
	}
	t = rte_rdtsc_precise();
	for (i = 0; i < N_ROUTES; i++)
		failed += rte_fib_add(fib, route_ip[i], route_depth[i], i + 1) != 0;
	add = (double)(rte_rdtsc_precise() - t) / N_ROUTES;
	for (r = 0; r < ROUNDS; r++)
		best = RTE_MIN(best, run4(fib));
	for (i = 0; i < N_ADDRS; i++)
		hits += hops[i] != 0;
	printf("# %s: routes %u (%u rejected), addresses %u, hit %.1f%%, digest %016" PRIx64 "\n",
		name, N_ROUTES, failed, N_ADDRS, 100.0 * (double)hits / N_ADDRS, digest());
	printf("%s_add %.1f\n", name, add);
	printf("%s_lookup_bulk %.2f\n", name, best);
	rte_fib_free(fib);
	return 0;
}

static int
bench6(const char *name, enum rte_fib_trie_nh_sz sz)
{
	struct rte_fib6_conf conf;
	struct rte_fib6 *fib;
	unsigned int i, r, failed = 0;
	double best = 1e9, add;
	uint64_t t, hits = 0;

	memset(&conf, 0, sizeof(conf));
	conf.type = RTE_FIB6_TRIE;
	conf.default_nh = 0;
	conf.max_routes = N_ROUTES6;
	conf.trie.nh_sz = sz;
	conf.trie.num_tbl8 = 1 << 16;
	fib = rte_fib6_create(name, SOCKET_ID_ANY, &conf);
	if (fib == NULL) {
		fprintf(stderr, "rte_fib6_create: %s\n", rte_strerror(rte_errno));
		return -1;
	}
	t = rte_rdtsc_precise();
	for (i = 0; i < N_ROUTES6; i++)
		failed += rte_fib6_add(fib, route6_ip[i], route6_depth[i], i + 1) != 0;
	add = (double)(rte_rdtsc_precise() - t) / N_ROUTES6;
	for (r = 0; r < ROUNDS; r++)
		best = RTE_MIN(best, run6(fib));
	for (i = 0; i < N_ADDRS; i++)
		hits += hops[i] != 0;
	printf("# %s: routes %u (%u rejected), addresses %u, hit %.1f%%, digest %016" PRIx64 "\n",
		name, N_ROUTES6, failed, N_ADDRS, 100.0 * (double)hits / N_ADDRS, digest());
	printf("%s_add %.1f\n", name, add);
	printf("%s_lookup_bulk %.2f\n", name, best);
	rte_fib6_free(fib);
	return 0;
}

int
main(int argc, char **argv)
{
	unsigned int i, k, d;
	uint8_t *a;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "EAL init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	/* IPv4: mostly /16 to /24, some deeper routes needing tbl8 groups, a few short ones */
	for (i = 0; i < N_ROUTES; i++) {
		d = rng() % 1000;
		route_depth[i] = (uint8_t)(d < 850 ? 16 + d % 9 : d < 998 ? 25 + d % 8 : 8 + d % 8);
		route_ip[i] = rng() & (uint32_t)(UINT64_C(0xFFFFFFFF00000000) >> route_depth[i]);
	}
	for (i = 0; i < N_ADDRS; i++)
		addrs[i] = i % 2 ? rng() : route_ip[rng() % N_ROUTES] | (rng() & 0xFF);
	/* IPv6: 2000::/12 with mostly /32 to /48, some to /64, a few shorter or longer */
	for (i = 0; i < N_ROUTES6; i++) {
		d = rng() % 1000;
		route6_depth[i] = (uint8_t)(d < 700 ? 32 + d % 17 : d < 900 ? 49 + d % 16 :
			d < 980 ? 16 + d % 16 : 65 + d % 64);
		a = route6_ip[i];
		for (k = 0; k < RTE_FIB6_IPV6_ADDR_SIZE; k++)
			a[k] = (uint8_t)rng();
		a[0] = 0x20;
		a[1] &= 0x0F;
		for (k = 0; k < RTE_FIB6_IPV6_ADDR_SIZE; k++)
			a[k] &= (uint8_t)(k * 8 >= route6_depth[i] ? 0 :
				k * 8 + 8 <= route6_depth[i] ? 0xFF :
				0xFF << (8 - (route6_depth[i] - k * 8)));
	}
	for (i = 0; i < N_ADDRS; i++) {
		a = addrs6[i];
		for (k = 0; k < RTE_FIB6_IPV6_ADDR_SIZE; k++)
			a[k] = (uint8_t)rng();
		if (i % 2 == 0) {
			/* inside a route: its prefix bytes, the rest random */
			k = rng() % N_ROUTES6;
			memcpy(a, route6_ip[k], route6_depth[k] / 8);
		}
	}

	if (bench4("fib_4b", RTE_FIB_DIR24_8_4B) != 0 ||
			bench4("fib_8b", RTE_FIB_DIR24_8_8B) != 0 ||
			bench6("fib6_4b", RTE_FIB6_TRIE_4B) != 0)
		return 1;
	rte_eal_cleanup();
	return 0;
}
