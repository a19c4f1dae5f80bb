/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cycles per object of the packet-buffer fast paths: ring bulk enqueue+dequeue (MP/MC and
 * SP/SC, bursts 1, 8, 32, on one lcore and producer/consumer on two lcores; also the
 * unprefixed rte_ring_enqueue_bulk/rte_ring_dequeue_bulk, which read the sync type at run
 * time), mempool get+put of 32 through the lcore cache, mbuf alloc+free of 32, and
 * rte_eth_rx_burst + rte_eth_tx_burst of 32 on a net_null port (cost per packet). Uses only
 * the DPDK 22.11 API, so devtools/bench-buffers.sh builds the same file against this tree and
 * against an installed DPDK, at -O2 and -O3, and prints the ratios.
 *
 * Output: one "name cycles-per-object" line per figure.
 * Usage: bench_buffers <EAL args, two lcores for the cross-lcore figures>
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_pause.h>
#include <rte_ring.h>

/*
 * Timing: every figure is measured over many short chunks (tens of microseconds each). A chunk
 * during which a thread was preempted or interrupted is only ever slower, so on a busy machine
 * a low order statistic still shows the cost of the code itself: the lower quartile for the
 * one-lcore figures, the minimum for the two-lcore ones (which need both threads on a CPU at
 * the same moment, rarer on a loaded machine). Both builds of this file are measured alike.
 */
#define CHUNKS 401

/*
 * The objects a dequeue returns are used by any real consumer. Without this, a compiler that
 * inlines the whole dequeue into the loop sees the copy into the caller's table as dead (the
 * table is never read) and deletes it, so the figure would depend on how much of each side's
 * ring code the compiler can see through rather than on what a dequeue costs.
 */
#define consume(table) __asm__ volatile("" : : "r"(table) : "memory")
/*
 * Every figure is measured in each of ROUNDS rounds and the best round is kept: disturbances
 * here come in bursts of some milliseconds (another guest on the sibling CPU thread), so
 * rounds spread over the run give each figure several chances at an undisturbed moment.
 */
#define ROUNDS 5
#define MAX_FIGURES 32
#define RING_SIZE 2048
#define CHUNK_OBJS 4096    /* objects per chunk for the ring figures */
#define POOL_CHUNK 128     /* get+put rounds of 32 per chunk */
#define MAX_BURST 32

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double samples[CHUNKS];

/* Figures in the order first recorded, each the best of the rounds so far. */
static struct {
	char name[48];
	double value;
} figures[MAX_FIGURES];
static unsigned int n_figures;

static void
record(const char *name, double value)
{
	unsigned int i;

	for (i = 0; i < n_figures; i++)
		if (strcmp(figures[i].name, name) == 0)
			break;
	if (i == n_figures) {
		if (n_figures == MAX_FIGURES) {
			fprintf(stderr, "too many figures\n");
			exit(1);
		}
		snprintf(figures[i].name, sizeof(figures[i].name), "%s", name);
		figures[i].value = value;
		n_figures++;
	} else if (value < figures[i].value) {
		figures[i].value = value;
	}
}

static double
lower_quartile(double *v, unsigned int n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return v[n / 4];
}

/*
 * One lcore: enqueue a burst, dequeue it back. mode: 0 mp/mc, 1 sp/sc, 2 the unprefixed calls
 * (sync type read from the ring at run time).
 */
static double
ring_one_lcore(struct rte_ring *r, unsigned int burst, int mode)
{
	void *objs[MAX_BURST], *out[MAX_BURST];
	unsigned int i, c, iters = CHUNK_OBJS / burst;
	uint64_t start;

	for (i = 0; i < MAX_BURST; i++)
		objs[i] = (void *)(uintptr_t)(i + 1);
	for (c = 0; c < CHUNKS; c++) {
		start = rte_rdtsc();
		if (mode == 2) {
			for (i = 0; i < iters; i++) {
				rte_ring_enqueue_bulk(r, objs, burst, NULL);
				rte_ring_dequeue_bulk(r, out, burst, NULL);
				consume(out);
			}
		} else if (mode == 1) {
			for (i = 0; i < iters; i++) {
				rte_ring_sp_enqueue_bulk(r, objs, burst, NULL);
				rte_ring_sc_dequeue_bulk(r, out, burst, NULL);
				consume(out);
			}
		} else {
			for (i = 0; i < iters; i++) {
				rte_ring_mp_enqueue_bulk(r, objs, burst, NULL);
				rte_ring_mc_dequeue_bulk(r, out, burst, NULL);
				consume(out);
			}
		}
		samples[c] = (double)(rte_rdtsc() - start) / ((double)iters * burst);
	}
	if (!rte_ring_empty(r)) {
		fprintf(stderr, "ring not empty after one-lcore round\n");
		exit(1);
	}
	return lower_quartile(samples, CHUNKS);
}

struct producer_arg {
	struct rte_ring *r;
	unsigned int burst;
	int single;
	volatile int go;
	volatile int stop;
};

static int
ring_producer(void *p)
{
	struct producer_arg *a = p;
	void *objs[MAX_BURST];
	unsigned int i;

	for (i = 0; i < MAX_BURST; i++)
		objs[i] = (void *)(uintptr_t)(i + 1);
	while (!a->go)
		rte_pause();
	while (!a->stop) {
		if (a->single)
			rte_ring_sp_enqueue_bulk(a->r, objs, a->burst, NULL);
		else
			rte_ring_mp_enqueue_bulk(a->r, objs, a->burst, NULL);
	}
	return 0;
}

/* Two lcores: the worker produces, this lcore consumes; cost per object received. */
static double
ring_two_lcores(struct rte_ring *r, unsigned int burst, int single, unsigned int worker)
{
	struct producer_arg a = { .r = r, .burst = burst, .single = single };
	void *out[MAX_BURST];
	unsigned int got, c;
	uint64_t start;

	if (rte_eal_remote_launch(ring_producer, &a, worker) != 0) {
		fprintf(stderr, "cannot launch on lcore %u\n", worker);
		exit(1);
	}
	a.go = 1;
	/* Warm up until the ring is flowing. */
	for (got = 0; got < 16 * CHUNK_OBJS; )
		got += single ? rte_ring_sc_dequeue_bulk(r, out, burst, NULL) :
			rte_ring_mc_dequeue_bulk(r, out, burst, NULL);
	for (c = 0; c < CHUNKS; c++) {
		start = rte_rdtsc();
		for (got = 0; got < CHUNK_OBJS; ) {
			got += single ? rte_ring_sc_dequeue_bulk(r, out, burst, NULL) :
				rte_ring_mc_dequeue_bulk(r, out, burst, NULL);
			consume(out);
		}
		samples[c] = (double)(rte_rdtsc() - start) / got;
	}
	a.stop = 1;
	rte_eal_wait_lcore(worker);
	while (rte_ring_dequeue_burst(r, out, MAX_BURST, NULL) != 0)
		;
	qsort(samples, CHUNKS, sizeof(samples[0]), cmp_double);
	return samples[0];
}

static void
bench_rings(unsigned int worker)
{
	static const unsigned int bursts[] = { 1, 8, 32 };
	char name[48];
	unsigned int b;
	int single;

	for (single = 0; single <= 1; single++) {
		struct rte_ring *r = rte_ring_create(single ? "bench_spsc" : "bench_mpmc",
				RING_SIZE, rte_socket_id(),
				single ? RING_F_SP_ENQ | RING_F_SC_DEQ : 0);

		if (r == NULL) {
			fprintf(stderr, "ring create: %s\n", rte_strerror(rte_errno));
			exit(1);
		}
		for (b = 0; b < RTE_DIM(bursts); b++) {
			snprintf(name, sizeof(name), "ring_%s_1lcore_burst%u",
				single ? "spsc" : "mpmc", bursts[b]);
			record(name, ring_one_lcore(r, bursts[b], single));
			snprintf(name, sizeof(name), "ring_%s_generic_burst%u",
				single ? "spsc" : "mpmc", bursts[b]);
			record(name, ring_one_lcore(r, bursts[b], 2));
		}
		if (worker != RTE_MAX_LCORE)
			for (b = 0; b < RTE_DIM(bursts); b++) {
				snprintf(name, sizeof(name), "ring_%s_2lcore_burst%u",
					single ? "spsc" : "mpmc", bursts[b]);
				record(name, ring_two_lcores(r, bursts[b], single, worker));
			}
		rte_ring_free(r);
	}
}

static void
bench_mempool(void)
{
	struct rte_mempool *mp;
	void *objs[32];
	unsigned int i, c;
	uint64_t start;

	mp = rte_mempool_create("bench_mp", 8191, 64, 256, 0, NULL, NULL, NULL, NULL,
			rte_socket_id(), 0);
	if (mp == NULL) {
		fprintf(stderr, "mempool create: %s\n", rte_strerror(rte_errno));
		exit(1);
	}
	for (c = 0; c < CHUNKS; c++) {
		start = rte_rdtsc();
		for (i = 0; i < POOL_CHUNK; i++) {
			if (rte_mempool_get_bulk(mp, objs, 32) != 0) {
				fprintf(stderr, "mempool get failed\n");
				exit(1);
			}
			rte_mempool_put_bulk(mp, objs, 32);
		}
		samples[c] = (double)(rte_rdtsc() - start) / (POOL_CHUNK * 32.0);
	}
	record("mempool_get_put_32_cached", lower_quartile(samples, CHUNKS));
	rte_mempool_free(mp);
}

static void
bench_mbuf(void)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m[32];
	unsigned int i, c;
	uint64_t start;

	mp = rte_pktmbuf_pool_create("bench_mbuf", 8191, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			rte_socket_id());
	if (mp == NULL) {
		fprintf(stderr, "pktmbuf pool create: %s\n", rte_strerror(rte_errno));
		exit(1);
	}
	for (c = 0; c < CHUNKS; c++) {
		start = rte_rdtsc();
		for (i = 0; i < POOL_CHUNK; i++) {
			if (rte_pktmbuf_alloc_bulk(mp, m, 32) != 0) {
				fprintf(stderr, "mbuf alloc failed\n");
				exit(1);
			}
			rte_pktmbuf_free_bulk(m, 32);
		}
		samples[c] = (double)(rte_rdtsc() - start) / (POOL_CHUNK * 32.0);
	}
	record("mbuf_alloc_free_bulk_32", lower_quartile(samples, CHUNKS));
	rte_mempool_free(mp);
}

/*
 * A started net_null port with one rx and one tx queue, or -1 when the driver is not there
 * (a build-tree binary run without -d for it): the ethdev figure is then left out.
 */
static int
null_port_start(struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	uint16_t port;

	if (rte_dev_probe("net_null_bench") != 0 ||
	    rte_eth_dev_get_port_by_name("net_null_bench", &port) != 0) {
		fprintf(stderr, "no net_null driver: skipping the ethdev figure\n");
		return -1;
	}
	memset(&conf, 0, sizeof(conf));
	if (rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(port, 0, 512, rte_eth_dev_socket_id(port), NULL, mp) != 0 ||
	    rte_eth_tx_queue_setup(port, 0, 512, rte_eth_dev_socket_id(port), NULL) != 0 ||
	    rte_eth_dev_start(port) != 0) {
		fprintf(stderr, "cannot start net_null_bench\n");
		exit(1);
	}
	return port;
}

/* io forwarding on one net_null port: rx a burst of 32, tx what came in; cost per packet. */
static void
bench_ethdev(uint16_t port)
{
	struct rte_mbuf *m[MAX_BURST];
	unsigned int i, c, done;
	uint16_t n, sent;
	uint64_t start;

	for (c = 0; c < CHUNKS; c++) {
		done = 0;
		start = rte_rdtsc();
		for (i = 0; i < POOL_CHUNK; i++) {
			n = rte_eth_rx_burst(port, 0, m, MAX_BURST);
			sent = rte_eth_tx_burst(port, 0, m, n);
			if (unlikely(sent < n))
				rte_pktmbuf_free_bulk(m + sent, n - sent);
			done += n;
		}
		if (done == 0) {
			fprintf(stderr, "net_null received nothing\n");
			exit(1);
		}
		samples[c] = (double)(rte_rdtsc() - start) / done;
	}
	record("ethdev_null_rx_tx_burst_32", lower_quartile(samples, CHUNKS));
}

int
main(int argc, char **argv)
{
	unsigned int worker, round, i;
	struct rte_mempool *pkt_pool;
	int port;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	worker = rte_get_next_lcore(-1, 1, 0);
	if (worker >= RTE_MAX_LCORE) {
		fprintf(stderr, "only one lcore: skipping the two-lcore figures\n");
		worker = RTE_MAX_LCORE;
	}
	pkt_pool = rte_pktmbuf_pool_create("bench_pkts", 8191, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			rte_socket_id());
	if (pkt_pool == NULL) {
		fprintf(stderr, "pktmbuf pool create: %s\n", rte_strerror(rte_errno));
		exit(1);
	}
	port = null_port_start(pkt_pool);
	for (round = 0; round < ROUNDS; round++) {
		bench_rings(worker);
		bench_mempool();
		bench_mbuf();
		if (port >= 0)
			bench_ethdev((uint16_t)port);
	}
	for (i = 0; i < n_figures; i++)
		printf("%s %.2f\n", figures[i].name, figures[i].value);
	if (port >= 0) {
		rte_eth_dev_stop((uint16_t)port);
		rte_eth_dev_close((uint16_t)port);
	}
	rte_mempool_free(pkt_pool);
	rte_eal_cleanup();
	return 0;
}
