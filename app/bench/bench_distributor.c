/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cycles per packet of the distributor round trip in burst mode: the distributor lcore hands
 * packets over with rte_distributor_process and takes them back with
 * rte_distributor_returned_pkts, the workers take them and give them back. Uses only the DPDK
 * 22.11 API, so the same file builds against this tree and against an installed DPDK:
 *   cc -O2 app/bench/bench_distributor.c $(pkg-config --cflags --libs libdpdk)
 *
 * Figures, each "name cycles-per-packet":
 *   xcore_1w   one worker lcore blocking in rte_distributor_get_pkt (needs a second lcore)
 *   local_1w, local_2w, local_4w   the same hand-over driven from the distributor lcore alone
 *              (request_pkt/poll_pkt): the code's own cost, without cache lines moving between
 *              CPUs. Two workers served by one other lcore cannot be measured: DPDK's
 *              request_pkt waits for the distributor, which may wait for the other worker.
 *   xcore_1w_single   xcore_1w in single-packet mode (RTE_DIST_ALG_SINGLE)
 * Packets carry tags of 512 flows from a fixed-seed generator, so both builds see the same
 * streams. At most IN_FLIGHT packets are out at any time, below the 127 returns the
 * distributor keeps, so that none is forgotten. Each figure is the lower quartile of many
 * timed chunks (preemption only makes a chunk slower), best of ROUNDS rounds.
 *
 * Usage: bench_distributor <EAL args>, e.g. bench_distributor --no-huge -m 256 -l 0-1 --no-pci
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_distributor.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_pause.h>

#include "bench_common.h"

#define NB_MBUF 256
#define IN_FLIGHT 96
#define BURST 32
#define NB_FLOWS 512
#define CHUNK 8192   /* packets back per timed chunk */
#define NB_CHUNKS 64
#define ROUNDS 3
#define MAX_WORKERS 4

static struct rte_mbuf *mbufs[NB_MBUF];
static uint64_t samples[NB_CHUNKS];
static struct rte_distributor *dist;
static unsigned int nb_workers;
static volatile int quit;
static volatile int worker_done;

/* Per worker id: the burst it holds, to hand back with its next request. */
struct held {
	struct rte_mbuf *pkts[8];
	int n;
};

/* One lcore serving worker ids [0, nb_workers) without blocking on any of them. */
static void
serve_workers(struct held *h, unsigned int nb)
{
	unsigned int w;
	int n;

	for (w = 0; w < nb; w++) {
		n = rte_distributor_poll_pkt(dist, w, h[w].pkts);
		if (n < 0)
			continue;
		h[w].n = n;
		rte_distributor_request_pkt(dist, w, h[w].pkts, (unsigned int)n);
	}
}

static int
worker_blocking(void *arg)
{
	struct rte_mbuf *b[8];
	int n = 0;

	(void)arg;
	while (!quit)
		n = rte_distributor_get_pkt(dist, 0, b, b, (unsigned int)n);
	rte_distributor_return_pkt(dist, 0, b, n);
	worker_done = 1;
	return 0;
}

/*
 * The distributor loop: keep up to IN_FLIGHT packets out, take back what returns, count
 * cycles per packet back. With local set, the workers are served from this loop too.
 */
static double
run(bool local)
{
	static struct rte_mbuf *free_pkts[NB_MBUF];
	struct held h[MAX_WORKERS];
	struct rte_mbuf *ret[128];
	/*
	 * DPDK's process waits for a worker whose backlog fills up; served from here, a worker
	 * could not ask meanwhile, so a call then hands over no more than one backlog.
	 */
	unsigned int burst = local ? 8 : BURST;
	unsigned int nb_free = IN_FLIGHT, out = 0, c, back, w;
	uint64_t t;
	int n, i;

	memset(h, 0, sizeof(h));
	memcpy(free_pkts, mbufs, sizeof(free_pkts[0]) * IN_FLIGHT);
	if (local)
		for (w = 0; w < nb_workers; w++)
			rte_distributor_request_pkt(dist, w, NULL, 0);
	for (c = 0; c < NB_CHUNKS; c++) {
		back = 0;
		t = rte_rdtsc_precise();
		while (back < CHUNK) {
			n = rte_distributor_process(dist, free_pkts + nb_free - RTE_MIN(nb_free,
				burst), RTE_MIN(nb_free, burst));
			nb_free -= (unsigned int)n;
			out += (unsigned int)n;
			if (local)
				serve_workers(h, nb_workers);
			n = rte_distributor_returned_pkts(dist, ret, RTE_DIM(ret));
			for (i = 0; i < n; i++)
				free_pkts[nb_free++] = ret[i];
			out -= (unsigned int)n;
			back += (unsigned int)n;
		}
		samples[c] = rte_rdtsc_precise() - t;
	}
	/*
	 * Bring everything back before the next round. Not with flush when the workers are
	 * served from here: DPDK's flush waits for packets that only this loop can return.
	 */
	while (out > 0) {
		if (local) {
			serve_workers(h, nb_workers);
			rte_distributor_process(dist, NULL, 0);
		} else {
			rte_distributor_flush(dist);
		}
		n = rte_distributor_returned_pkts(dist, ret, RTE_DIM(ret));
		for (i = 0; i < n; i++)
			free_pkts[nb_free++] = ret[i];
		out -= (unsigned int)n;
	}
	if (local) {
		rte_distributor_process(dist, NULL, 0);
		for (w = 0; w < nb_workers; w++) {
			n = rte_distributor_poll_pkt(dist, w, h[w].pkts);
			rte_distributor_return_pkt(dist, w, h[w].pkts, n > 0 ? n : 0);
		}
		rte_distributor_process(dist, NULL, 0);
		rte_distributor_clear_returns(dist);
	}
	qsort(samples, NB_CHUNKS, sizeof(samples[0]), cmp_u64);
	return (double)samples[NB_CHUNKS / 4] / CHUNK;
}

static int
bench(const char *name, unsigned int workers, unsigned int alg, lcore_function_t *fn)
{
	unsigned int r, lcore;
	struct rte_mbuf *ret[128];
	double best = 1e9;

	nb_workers = workers;
	dist = rte_distributor_create(name, rte_socket_id(), workers, alg);
	if (dist == NULL) {
		fprintf(stderr, "rte_distributor_create %s: %s\n", name, rte_strerror(rte_errno));
		return -1;
	}
	quit = 0;
	worker_done = 0;
	if (fn != NULL) {
		lcore = rte_get_next_lcore(-1, 1, 0);
		if (rte_eal_remote_launch(fn, NULL, lcore) != 0) {
			fprintf(stderr, "%s: cannot launch on lcore %u\n", name, lcore);
			return -1;
		}
	}
	for (r = 0; r < ROUNDS; r++)
		best = RTE_MIN(best, run(fn == NULL));
	if (fn != NULL) {
		quit = 1;
		/* a worker waiting for packets gets an empty burst; in single mode one packet */
		while (!worker_done) {
			if (alg == RTE_DIST_ALG_SINGLE)
				rte_distributor_process(dist, mbufs, 1);
			rte_distributor_flush(dist);
			rte_distributor_returned_pkts(dist, ret, RTE_DIM(ret));
		}
		rte_eal_mp_wait_lcore();
	}
	printf("%s %.2f\n", name, best);
	fflush(stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	struct rte_mempool *pool;
	unsigned int i;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "EAL init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	pool = rte_pktmbuf_pool_create("bench_dist", NB_MBUF * 2, 0, 0, 128, rte_socket_id());
	if (pool == NULL || rte_pktmbuf_alloc_bulk(pool, mbufs, NB_MBUF) != 0) {
		fprintf(stderr, "mbuf pool: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	for (i = 0; i < NB_MBUF; i++)
		mbufs[i]->hash.usr = rng() % NB_FLOWS;
	printf("# lcores %u, %u flows, bursts of %u, at most %u packets out\n",
		rte_lcore_count(), NB_FLOWS, BURST, IN_FLIGHT);
	if (rte_lcore_count() > 1) {
		if (bench("xcore_1w", 1, RTE_DIST_ALG_BURST, worker_blocking) != 0)
			return 1;
	}
	if (bench("local_1w", 1, RTE_DIST_ALG_BURST, NULL) != 0 ||
			bench("local_2w", 2, RTE_DIST_ALG_BURST, NULL) != 0 ||
			bench("local_4w", 4, RTE_DIST_ALG_BURST, NULL) != 0)
		return 1;
	if (rte_lcore_count() > 1 &&
			bench("xcore_1w_single", 1, RTE_DIST_ALG_SINGLE, worker_blocking) != 0)
		return 1;
	rte_eal_cleanup();
	return 0;
}
