/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hash library figures, in TSC cycles: rte_hash_lookup_bulk per key on a table of 1M 16-byte
 * keys (all hits, all misses), and rte_jhash / rte_hash_crc per key of 4..64 bytes. Each
 * figure is the best of 3 runs. Uses the DPDK API only, so it also builds against DPDK:
 *   cc -O2 app/bench/bench_hash.c $(pkg-config --cflags --libs libdpdk)
 * Run with EAL arguments, e.g. ./bench_hash --no-huge -m 512 -l 0 --no-pci
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_hash.h>
#include <rte_hash_crc.h>
#include <rte_jhash.h>
#include <rte_random.h>

#define NB_KEYS (1u << 20)
#define BURST 64
#define RUNS 3

struct key16 {
	uint32_t w[4];
};

static struct key16 *keys;
static uint32_t *order;

static void
make_key(struct key16 *k, uint32_t i, uint32_t salt)
{
	k->w[0] = i;
	k->w[1] = i * 2654435761u;
	k->w[2] = salt;
	k->w[3] = ~i;
}

/* cycles per key of bulk lookups over the keys in a random order */
static double
bench_bulk(const struct rte_hash *h, uint32_t salt, int *hits_out)
{
	const void *kp[BURST];
	int32_t pos[BURST];
	struct key16 miss[BURST];
	uint64_t start, total;
	uint32_t i, j;
	int hits = 0;

	start = rte_rdtsc();
	for (i = 0; i < NB_KEYS; i += BURST) {
		for (j = 0; j < BURST; j++) {
			if (salt == 0) {
				kp[j] = &keys[order[i + j]];
			} else {
				make_key(&miss[j], order[i + j], salt);
				kp[j] = &miss[j];
			}
		}
		rte_hash_lookup_bulk(h, kp, BURST, pos);
		for (j = 0; j < BURST; j++)
			hits += pos[j] >= 0;
	}
	total = rte_rdtsc() - start;
	*hits_out = hits;
	return (double)total / NB_KEYS;
}

static double
bench_func(int crc, uint32_t len)
{
	static uint8_t buf[64 * 256];
	uint64_t start;
	uint32_t i, acc = 0;
	const uint32_t n = 1u << 22;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 131 + 7);
	start = rte_rdtsc();
	for (i = 0; i < n; i++) {
		const void *p = &buf[(i & 255) * 64];

		/* each hash seeds the next: the figure is latency, as in a dependent lookup */
		acc = crc ? rte_hash_crc(p, len, acc) : rte_jhash(p, len, acc);
	}
	if (acc == 0x12345678)
		printf(" ");
	return (double)(rte_rdtsc() - start) / n;
}

int
main(int argc, char **argv)
{
	struct rte_hash_parameters params = {
		.name = "bench_hash",
		.entries = NB_KEYS * 5 / 4,
		.key_len = sizeof(struct key16),
		.hash_func = rte_hash_crc,
		.socket_id = SOCKET_ID_ANY,
	};
	static const uint32_t lens[] = { 4, 8, 16, 32, 48, 64 };
	double best_hit = 1e30, best_miss = 1e30, c;
	struct rte_hash *h;
	uint32_t i;
	int r, hits, misses;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	keys = malloc(sizeof(*keys) * NB_KEYS);
	order = malloc(sizeof(*order) * NB_KEYS);
	h = rte_hash_create(&params);
	if (keys == NULL || order == NULL || h == NULL) {
		fprintf(stderr, "setup failed\n");
		return 1;
	}
	for (i = 0; i < NB_KEYS; i++) {
		make_key(&keys[i], i, 0);
		order[i] = i;
		if (rte_hash_add_key(h, &keys[i]) < 0) {
			fprintf(stderr, "add of key %u failed\n", i);
			return 1;
		}
	}
	for (i = NB_KEYS - 1; i > 0; i--) {
		uint32_t j = (uint32_t)(rte_rand() % (i + 1)), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (r = 0; r < RUNS; r++) {
		c = bench_bulk(h, 0, &hits);
		best_hit = RTE_MIN(best_hit, c);
		c = bench_bulk(h, 0xdead, &misses);
		best_miss = RTE_MIN(best_miss, c);
	}
	/* "# " lines describe the run; the others are one figure each, name and cycles */
	printf("# lookup_bulk of 1M keys: %d hits on present keys, %d on absent ones\n", hits,
		misses);
	printf("hash_lookup_bulk_hit %.1f\n", best_hit);
	printf("hash_lookup_bulk_miss %.1f\n", best_miss);
	for (i = 0; i < RTE_DIM(lens); i++) {
		double bj = 1e30, bc = 1e30;

		for (r = 0; r < RUNS; r++) {
			bj = RTE_MIN(bj, bench_func(0, lens[i]));
			bc = RTE_MIN(bc, bench_func(1, lens[i]));
		}
		printf("jhash_%u %.1f\n", lens[i], bj);
		printf("hash_crc_%u %.1f\n", lens[i], bc);
	}
	rte_hash_free(h);
	free(keys);
	free(order);
	rte_eal_cleanup();
	return 0;
}
