/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cycles per packet of the reorder buffer: bursts of 32 packets go in with rte_reorder_insert,
 * then rte_reorder_drain takes what is in order, as packet_ordering's TX lcore does. The
 * packets of a burst arrive
 *   reorder_in_order     in sequence;
 *   reorder_shuffled     in a random order within the burst (fixed seed, so both builds see
 *                        the same streams);
 *   reorder_late_bursts  in sequence, but each pair of bursts swapped: the second burst waits
 *                        in the window until the first comes.
 * Every drained packet is checked to come in sequence (the program stops otherwise), outside
 * the timed part; packet s is always mbuf s % NB_MBUF, so that the check goes by mbuf. Each
 * figure is the lower quartile of many timed chunks (preemption only makes a chunk slower),
 * best of ROUNDS rounds. Uses only the DPDK 22.11 API, so the same file builds
 * against this tree and against an installed DPDK:
 *   cc -O2 app/bench/bench_reorder.c $(pkg-config --cflags --libs libdpdk)
 *
 * Output: one "name cycles" line per figure.
 * Usage: bench_reorder <EAL args>, e.g. bench_reorder --no-huge -m 256 -l 0 --no-pci
 */
/* rte_reorder_seqn() is experimental in DPDK 22.11 */
#ifndef ALLOW_EXPERIMENTAL_API
#define ALLOW_EXPERIMENTAL_API
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_reorder.h>

#include "bench_common.h"

#define BURST 32
#define BURSTS 256		/* bursts per timed chunk */
#define CHUNK_PKTS (BURST * BURSTS)
#define NB_MBUF 256		/* at most two bursts are held at once */
#define WINDOW 8192		/* packet_ordering's reorder buffer size */
#define CHUNKS 64
#define ROUNDS 3
#define NB_PERMS 64

enum pattern { IN_ORDER, SHUFFLED, LATE_BURSTS };

static struct rte_mbuf *mbufs[NB_MBUF];
static struct rte_mbuf *drained[CHUNK_PKTS];
static uint8_t perm[NB_PERMS][BURST];
static uint64_t samples[CHUNKS];

/* The sequence number of the i-th packet to arrive in burst k, from the start seq. */
static inline uint32_t
arrival_seqn(enum pattern p, uint32_t start, unsigned int k, unsigned int i)
{
	switch (p) {
	case SHUFFLED:
		return start + k * BURST + perm[k % NB_PERMS][i];
	case LATE_BURSTS:
		return start + (k ^ 1) * BURST + i;
	default:
		return start + k * BURST + i;
	}
}

static double
run(struct rte_reorder_buffer *b, enum pattern p, uint32_t *seqn)
{
	unsigned int c, k, i, n, got;
	struct rte_mbuf *m;
	uint64_t t;

	for (c = 0; c < CHUNKS; c++) {
		got = 0;
		t = rte_rdtsc_precise();
		for (k = 0; k < BURSTS; k++) {
			for (i = 0; i < BURST; i++) {
				uint32_t s = arrival_seqn(p, *seqn, k, i);

				m = mbufs[s % NB_MBUF];
				*rte_reorder_seqn(m) = s;
				if (rte_reorder_insert(b, m) != 0) {
					fprintf(stderr, "insert of %u refused: %s\n", s,
						rte_strerror(rte_errno));
					exit(1);
				}
			}
			got += rte_reorder_drain(b, drained + got, CHUNK_PKTS - got);
		}
		samples[c] = rte_rdtsc_precise() - t;
		/* the mbufs are reused within a chunk: check the places by mbuf, not by number */
		for (n = 0; n < got; n++) {
			if (drained[n] != mbufs[(*seqn + n) % NB_MBUF]) {
				fprintf(stderr, "drained packet %u out of sequence\n", *seqn + n);
				exit(1);
			}
		}
		if (got != CHUNK_PKTS) {
			fprintf(stderr, "drained %u of %u packets\n", got, CHUNK_PKTS);
			exit(1);
		}
		*seqn += CHUNK_PKTS;
	}
	qsort(samples, CHUNKS, sizeof(samples[0]), cmp_u64);
	return (double)samples[CHUNKS / 4] / CHUNK_PKTS;
}

static int
bench(const char *name, enum pattern p)
{
	struct rte_reorder_buffer *b = rte_reorder_create(name, rte_socket_id(), WINDOW);
	uint32_t seqn = 0;
	double best = 1e9;
	unsigned int r;

	if (b == NULL) {
		fprintf(stderr, "rte_reorder_create %s: %s\n", name, rte_strerror(rte_errno));
		return -1;
	}
	/* the first packet sets where the buffer starts: one in sequence, drained at once */
	*rte_reorder_seqn(mbufs[0]) = seqn++;
	if (rte_reorder_insert(b, mbufs[0]) != 0 || rte_reorder_drain(b, drained, 1) != 1) {
		fprintf(stderr, "%s: the first packet did not come back\n", name);
		return -1;
	}
	for (r = 0; r < ROUNDS; r++)
		best = RTE_MIN(best, run(b, p, &seqn));
	/* the buffer holds no packet now: freeing it frees none of ours */
	rte_reorder_free(b);
	printf("%s %.2f\n", name, best);
	fflush(stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	struct rte_mempool *pool;
	unsigned int j, i, x;
	uint8_t tmp;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "EAL init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	pool = rte_pktmbuf_pool_create("bench_reorder", NB_MBUF * 2, 0, 0, 128, rte_socket_id());
	if (pool == NULL || rte_pktmbuf_alloc_bulk(pool, mbufs, NB_MBUF) != 0) {
		fprintf(stderr, "mbuf pool: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	for (j = 0; j < NB_PERMS; j++) {
		for (i = 0; i < BURST; i++)
			perm[j][i] = (uint8_t)i;
		for (i = BURST - 1; i > 0; i--) {
			x = rng() % (i + 1);
			tmp = perm[j][i];
			perm[j][i] = perm[j][x];
			perm[j][x] = tmp;
		}
	}
	printf("# bursts of %u, window of %u packets\n", BURST, WINDOW);
	if (bench("reorder_in_order", IN_ORDER) != 0 ||
			bench("reorder_shuffled", SHUFFLED) != 0 ||
			bench("reorder_late_bursts", LATE_BURSTS) != 0)
		return 1;
	rte_eal_cleanup();
	return 0;
}
