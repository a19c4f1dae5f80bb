/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cycles per packet of GRO and GSO on a TCP/IPv4 stream:
 *  - gro_tcp4_burst32: rte_gro_reassemble_burst (lightweight mode) on bursts of 32
 *    consecutive 1460-byte segments of 4 interleaved flows, per input packet;
 *  - gso_tcp4_64k: rte_gso_segment of a 64000-byte TCP payload into 1514-byte segments,
 *    per input packet (and per output segment).
 * Only the library call is timed: packets are rebuilt and freed outside the timed section.
 * Each figure is the lower quartile over many timed calls (preemption only makes a call
 * slower), best of ROUNDS rounds. Uses only the DPDK 22.11 API, so the same file builds
 * against this tree and against an installed DPDK:
 *   cc -O2 app/bench/bench_gro.c $(pkg-config --cflags --libs libdpdk)
 *
 * Output: one "name cycles" line per figure.
 * Usage: bench_gro <EAL args>, e.g. bench_gro --no-huge -m 512 -l 0 --no-pci
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_gro.h>
#include <rte_gso.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_tcp.h>

#include "bench_common.h"

#define BURST 32
#define FLOWS 4
#define MSS 1460u
#define BIG 64000u
#define GSO_SIZE 1514
#define CALLS 4000
#define ROUNDS 3
#define HDR (sizeof(struct rte_ether_hdr) + sizeof(struct rte_ipv4_hdr) + \
	sizeof(struct rte_tcp_hdr))

static struct rte_mempool *pool, *indirect;
static uint64_t samples[CALLS];
static uint8_t frame[HDR + BIG];

static double
quartile(unsigned int n, unsigned int per_call)
{
	qsort(samples, n, sizeof(samples[0]), cmp_u64);
	return (double)samples[n / 4] / per_call;
}

/* An Ethernet/IPv4/TCP packet of flow f: seq and IP ID count from segment k. */
static struct rte_mbuf *
tcp_pkt(unsigned int f, unsigned int k, uint32_t len)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);
	struct rte_ether_hdr *eth;
	struct rte_ipv4_hdr *ip;
	struct rte_tcp_hdr *th;
	uint8_t *p;

	if (m == NULL) {
		fprintf(stderr, "out of mbufs\n");
		exit(1);
	}
	p = (uint8_t *)rte_pktmbuf_append(m, (uint16_t)(HDR + RTE_MIN(len, MSS)));
	memset(p, 0, HDR);
	eth = (struct rte_ether_hdr *)p;
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	eth->src_addr.addr_bytes[5] = (uint8_t)f;
	ip = (struct rte_ipv4_hdr *)(eth + 1);
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->total_length = rte_cpu_to_be_16((uint16_t)(sizeof(*ip) + sizeof(*th) + len));
	ip->packet_id = rte_cpu_to_be_16((uint16_t)k);
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_TCP;
	ip->src_addr = rte_cpu_to_be_32(0x0a000001 + f);
	ip->dst_addr = rte_cpu_to_be_32(0x0a000100);
	th = (struct rte_tcp_hdr *)(ip + 1);
	th->src_port = rte_cpu_to_be_16((uint16_t)(1000 + f));
	th->dst_port = rte_cpu_to_be_16(80);
	th->sent_seq = rte_cpu_to_be_32(k * MSS);
	th->data_off = (sizeof(*th) / 4) << 4;
	th->tcp_flags = RTE_TCP_ACK_FLAG;
	th->rx_win = rte_cpu_to_be_16(65535);
	memcpy(p + HDR, frame + HDR, RTE_MIN(len, MSS));
	/* a large payload is chained in MSS-sized mbufs */
	while (m->pkt_len < HDR + len) {
		struct rte_mbuf *s = rte_pktmbuf_alloc(pool);
		uint32_t n = RTE_MIN((uint32_t)(HDR + len - m->pkt_len), MSS);

		if (s == NULL || rte_pktmbuf_append(s, (uint16_t)n) == NULL ||
				rte_pktmbuf_chain(m, s) != 0) {
			fprintf(stderr, "out of mbufs\n");
			exit(1);
		}
	}
	m->l2_len = sizeof(*eth);
	m->l3_len = sizeof(*ip);
	m->l4_len = sizeof(*th);
	m->packet_type = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP;
	return m;
}

static double
run_gro(uint64_t *merged_out)
{
	const struct rte_gro_param param = { .gro_types = RTE_GRO_TCP_IPV4,
		.max_flow_num = FLOWS, .max_item_per_flow = BURST };
	struct rte_mbuf *pkts[BURST];
	unsigned int c, i;
	uint16_t n;
	uint64_t t;

	for (c = 0; c < CALLS; c++) {
		for (i = 0; i < BURST; i++)
			pkts[i] = tcp_pkt(i % FLOWS, c * BURST / FLOWS + i / FLOWS, MSS);
		t = rte_rdtsc_precise();
		n = rte_gro_reassemble_burst(pkts, BURST, &param);
		samples[c] = rte_rdtsc_precise() - t;
		*merged_out += n;
		for (i = 0; i < n; i++)
			rte_pktmbuf_free(pkts[i]);
	}
	return quartile(CALLS, BURST);
}

static double
run_gso(int *nb_segs)
{
	struct rte_gso_ctx ctx = { .direct_pool = pool, .indirect_pool = indirect,
		.gso_types = RTE_ETH_TX_OFFLOAD_TCP_TSO, .gso_size = GSO_SIZE };
	struct rte_mbuf *segs[64];
	unsigned int c;
	int i, n = 0;
	uint64_t t;

	for (c = 0; c < CALLS / 8; c++) {
		struct rte_mbuf *m = tcp_pkt(0, c, BIG);

		m->ol_flags |= RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4;
		t = rte_rdtsc_precise();
		n = rte_gso_segment(m, &ctx, segs, RTE_DIM(segs));
		samples[c] = rte_rdtsc_precise() - t;
		if (n <= 0) {
			fprintf(stderr, "rte_gso_segment: %d\n", n);
			exit(1);
		}
		for (i = 0; i < n; i++)
			rte_pktmbuf_free(segs[i]);
		rte_pktmbuf_free(m);
	}
	*nb_segs = n;
	return quartile(CALLS / 8, 1);
}

int
main(int argc, char **argv)
{
	double gro = 1e12, gso = 1e12;
	uint64_t out = 0;
	unsigned int r, i;
	int nb_segs = 0;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "EAL init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	pool = rte_pktmbuf_pool_create("bench_gro", 8192, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		rte_socket_id());
	indirect = rte_pktmbuf_pool_create("bench_gro_ind", 4096, 256, 0, 0, rte_socket_id());
	if (pool == NULL || indirect == NULL) {
		fprintf(stderr, "mempool: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	for (i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(i * 7);
	for (r = 0; r < ROUNDS; r++) {
		gro = RTE_MIN(gro, run_gro(&out));
		gso = RTE_MIN(gso, run_gso(&nb_segs));
	}
	printf("# gro: %u bursts of %u, %.2f packets out per burst; gso: %d segments\n", CALLS,
		BURST, (double)out / (ROUNDS * CALLS), nb_segs);
	printf("gro_tcp4_burst32 %.1f\n", gro);
	printf("gso_tcp4_64k %.1f\n", gso);
	printf("gso_tcp4_64k_per_segment %.1f\n", gso / nb_segs);
	rte_mempool_free(indirect);
	rte_mempool_free(pool);
	rte_eal_cleanup();
	return 0;
}
