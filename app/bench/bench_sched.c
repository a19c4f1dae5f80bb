/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cycles per packet of rte_sched_port_enqueue + rte_sched_port_dequeue in steady state: one
 * subport, N_PIPES pipes, packets spread over all pipes and the 13 classes (best effort over
 * its 4 queues), each dequeued burst enqueued again, so the queues hold a constant number of
 * packets. Rates are far above what a core can move, so only the scheduling work counts.
 * Uses only the DPDK 22.11 API, so the same file builds against this tree and against an
 * installed DPDK:
 *   cc -O2 app/bench/bench_sched.c $(pkg-config --cflags --libs libdpdk)
 *
 * Each figure is measured over many chunks and the lower quartile is kept (preemption only
 * makes a chunk slower), best of ROUNDS rounds.
 *
 * Output: one "name cycles" line per figure.
 * Usage: bench_sched <EAL args>, e.g. bench_sched --no-huge -m 512 -l 0 --no-pci
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_sched.h>

#include "bench_common.h"

#define N_PKTS 8192	/* packets kept in the scheduler */
#define BURST 32
#define CHUNK 256	/* bursts per timed chunk */
#define N_CHUNKS 256
#define ROUNDS 3
#define RATE 125000000000ULL	/* 1 Tbit/s: never the limit; DPDK needs hz * 256 / rate >= 1 */

static uint64_t samples[N_CHUNKS];
static struct rte_mbuf *pkts[N_PKTS];

static struct rte_sched_port *
port_make(uint32_t n_pipes)
{
	static struct rte_sched_subport_profile_params sp;
	static struct rte_sched_pipe_params pp;
	static struct rte_sched_subport_params sub;
	static struct rte_sched_port_params port_params;
	struct rte_sched_port *port;
	uint32_t i;

	sp.tb_rate = RATE;
	sp.tb_size = 1000000;
	for (i = 0; i < RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE; i++)
		sp.tc_rate[i] = RATE;
	sp.tc_period = 10;
	pp.tb_rate = RATE;
	pp.tb_size = 1000000;
	for (i = 0; i < RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE; i++)
		pp.tc_rate[i] = RATE;
	pp.tc_period = 10;
	pp.tc_ov_weight = 1;
	for (i = 0; i < RTE_SCHED_BE_QUEUES_PER_PIPE; i++)
		pp.wrr_weights[i] = (uint8_t)(1 << i);
	sub.n_pipes_per_subport_enabled = n_pipes;
	for (i = 0; i < RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE; i++)
		sub.qsize[i] = 64;
	sub.pipe_profiles = &pp;
	sub.n_pipe_profiles = 1;
	sub.n_max_pipe_profiles = 1;
	port_params.name = "bench_sched";
	port_params.socket = 0;
	port_params.rate = RATE;
	port_params.mtu = 1500;
	port_params.frame_overhead = RTE_SCHED_FRAME_OVERHEAD_DEFAULT;
	port_params.n_subports_per_port = 1;
	port_params.subport_profiles = &sp;
	port_params.n_subport_profiles = 1;
	port_params.n_max_subport_profiles = 1;
	port_params.n_pipes_per_subport = n_pipes;

	port = rte_sched_port_config(&port_params);
	if (port == NULL || rte_sched_subport_config(port, 0, &sub, 0) != 0)
		return NULL;
	for (i = 0; i < n_pipes; i++)
		if (rte_sched_pipe_config(port, 0, i, 0) != 0)
			return NULL;
	return port;
}

/*
 * Lower quartile of the cycles per packet (dequeued and enqueued again) of the chunks; -1 when
 * packets are lost or none move.
 */
static double
run(struct rte_sched_port *port, uint32_t n_pipes)
{
	struct rte_mbuf *burst[BURST];
	uint32_t c, b, i;
	uint64_t t;
	int n;

	for (i = 0; i < N_PKTS; i++) {
		uint32_t tc = rng() % RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE;

		rte_sched_port_pkt_write(port, pkts[i], 0, rng() % n_pipes, tc,
			tc == RTE_SCHED_TRAFFIC_CLASS_BE ? rng() % 4 : 0, RTE_COLOR_GREEN);
	}
	if (rte_sched_port_enqueue(port, pkts, N_PKTS) != N_PKTS)
		return -1;
	for (c = 0; c < N_CHUNKS; c++) {
		uint64_t moved = 0;

		t = rte_rdtsc_precise();
		for (b = 0; b < CHUNK; b++) {
			n = rte_sched_port_dequeue(port, burst, BURST);
			if (rte_sched_port_enqueue(port, burst, (uint32_t)n) != n)
				return -1;
			moved += (uint64_t)n;
		}
		t = rte_rdtsc_precise() - t;
		if (moved == 0)
			return -1;
		/* hundredths of a cycle per packet, so that the sort keeps the precision */
		samples[c] = t * 100 / moved;
	}
	/* take every packet back for the next round */
	for (i = 0; i < N_PKTS; ) {
		n = rte_sched_port_dequeue(port, pkts + i, N_PKTS - i);
		i += (uint32_t)n;
	}
	qsort(samples, N_CHUNKS, sizeof(samples[0]), cmp_u64);
	return (double)samples[N_CHUNKS / 4] / 100;
}

int
main(int argc, char **argv)
{
	static const uint32_t pipes[] = { 4096, 64 };
	struct rte_mempool *mp;
	unsigned int p, r;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "EAL init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	mp = rte_pktmbuf_pool_create("bench_sched", N_PKTS + 1024, 0, 0, 256, 0);
	if (mp == NULL) {
		fprintf(stderr, "no mbuf pool\n");
		return 1;
	}
	for (p = 0; p < N_PKTS; p++) {
		pkts[p] = rte_pktmbuf_alloc(mp);
		if (pkts[p] == NULL || rte_pktmbuf_append(pkts[p], 64) == NULL) {
			fprintf(stderr, "no mbufs\n");
			return 1;
		}
	}

	for (p = 0; p < RTE_DIM(pipes); p++) {
		struct rte_sched_port *port = port_make(pipes[p]);
		double best = 1e9, v;

		if (port == NULL) {
			fprintf(stderr, "port with %u pipes: configuration failed\n", pipes[p]);
			return 1;
		}
		for (r = 0; r < ROUNDS; r++) {
			v = run(port, pipes[p]);
			if (v < 0) {
				fprintf(stderr, "packets lost\n");
				return 1;
			}
			if (v < best)
				best = v;
		}
		printf("sched_enq_deq_%u_pipes %.1f\n", pipes[p], best);
		rte_sched_port_free(port);
	}
	for (p = 0; p < N_PKTS; p++)
		rte_pktmbuf_free(pkts[p]);
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return 0;
}
