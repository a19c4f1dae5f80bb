/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_packet on a veth pair: attach/detach cycles and packet rates. Only DPDK 22.11 API is
 * used, so the same file also builds against Debian's DPDK. Run as root in a network namespace
 * holding the two ends of a veth pair, both up (devtools/bench-af-packet.sh sets it up).
 *   bench_af_packet EAL-ARGS -- IFACE_A IFACE_B [cycles] [seconds]
 * 1. cycles (default 10000): attach a port on IFACE_A, configure one queue pair, start, stop,
 *    close and detach it; prints the descriptors, memory maps and heap bytes before and after,
 *    and the mean time per cycle.
 * 2. for 1 and 2 queue pairs, seconds (default 3) each: one port per end, this lcore sends
 *    bursts of 32 UDP frames of 64 flows on every queue of A and receives on every queue of B;
 *    prints the frames sent and received per second, the frames each receive queue got, and
 *    this thread's CPU time per frame in user space and in the kernel.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* RUSAGE_THREAD */
#endif
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <rte_byteorder.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_udp.h>

#include "bench_common.h"

#define BURST 32
#define FRAME_LEN 60
#define FLOWS 64
#define MAX_QPAIRS 2

static size_t
heap_bytes(void)
{
	struct rte_malloc_socket_stats st;
	size_t total = 0;
	int s;

	for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
		if (rte_malloc_get_socket_stats(s, &st) == 0)
			total += st.heap_allocsz_bytes;
	return total;
}

/* This thread's CPU time in user space and in the kernel, in nanoseconds. */
static void
thread_cpu_ns(uint64_t *user, uint64_t *sys)
{
	struct rusage ru;

	getrusage(RUSAGE_THREAD, &ru);
	*user = (uint64_t)ru.ru_utime.tv_sec * 1000000000u + (uint64_t)ru.ru_utime.tv_usec * 1000u;
	*sys = (uint64_t)ru.ru_stime.tv_sec * 1000000000u + (uint64_t)ru.ru_stime.tv_usec * 1000u;
}

/* Attach name on iface with qpairs queue pairs, configured and started; the port or -1. */
static int
port_up(const char *name, const char *iface, uint16_t qpairs, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	char devargs[128];
	uint16_t port, q;

	memset(&conf, 0, sizeof(conf));
	snprintf(devargs, sizeof(devargs), "%s,iface=%s,qpairs=%u", name, iface, qpairs);
	if (rte_dev_probe(devargs) != 0 || rte_eth_dev_get_port_by_name(name, &port) != 0) {
		fprintf(stderr, "cannot attach %s\n", devargs);
		return -1;
	}
	if (rte_eth_dev_configure(port, qpairs, qpairs, &conf) != 0)
		return -1;
	for (q = 0; q < qpairs; q++)
		if (rte_eth_rx_queue_setup(port, q, 512, SOCKET_ID_ANY, NULL, mp) != 0 ||
				rte_eth_tx_queue_setup(port, q, 512, SOCKET_ID_ANY, NULL) != 0)
			return -1;
	if (rte_eth_dev_start(port) != 0)
		return -1;
	return port;
}

static int
port_down(uint16_t port)
{
	struct rte_eth_dev_info info;

	if (rte_eth_dev_info_get(port, &info) != 0 || rte_eth_dev_stop(port) != 0 ||
			rte_eth_dev_close(port) != 0 || rte_dev_remove(info.device) != 0)
		return -1;
	return 0;
}

static int
cycles_run(const char *iface, unsigned long cycles, struct rte_mempool *mp)
{
	int fds, maps, port;
	size_t heap;
	uint64_t start;
	unsigned long i;

	/* Once first: what EAL and ethdev allocate on the first attach is not a leak. */
	port = port_up("net_af_packet_bench", iface, 1, mp);
	if (port < 0 || port_down((uint16_t)port) != 0)
		return -1;
	fds = count_fds();
	maps = count_maps();
	heap = heap_bytes();
	start = now_ns();
	for (i = 0; i < cycles; i++) {
		port = port_up("net_af_packet_bench", iface, 1, mp);
		if (port < 0 || port_down((uint16_t)port) != 0) {
			fprintf(stderr, "cycle %lu failed\n", i);
			return -1;
		}
	}
	printf("cycles %lu\n", cycles);
	printf("cycle_us %.1f\n", (double)(now_ns() - start) / 1e3 / (double)cycles);
	printf("fds %d -> %d\n", fds, count_fds());
	printf("maps %d -> %d\n", maps, count_maps());
	printf("heap_bytes %zu -> %zu\n", heap, heap_bytes());
	return 0;
}

/* A UDP frame to dst of flow f; the stack of the receiving end drops it (not its address). */
static void
make_frame(struct rte_mbuf *m, const struct rte_ether_addr *src,
		const struct rte_ether_addr *dst, unsigned int f)
{
	struct rte_ether_hdr *eth = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	struct rte_udp_hdr *udp = (struct rte_udp_hdr *)(ip + 1);

	memset(eth, 0, FRAME_LEN);
	rte_ether_addr_copy(dst, &eth->dst_addr);
	rte_ether_addr_copy(src, &eth->src_addr);
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->total_length = rte_cpu_to_be_16(FRAME_LEN - sizeof(*eth));
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->src_addr = rte_cpu_to_be_32(0xc6120001);  /* 198.18.0.1 */
	ip->dst_addr = rte_cpu_to_be_32(0xc6120002);
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	udp->src_port = rte_cpu_to_be_16((uint16_t)(10000 + f));
	udp->dst_port = rte_cpu_to_be_16(9);
	udp->dgram_len = rte_cpu_to_be_16(FRAME_LEN - sizeof(*eth) - sizeof(*ip));
	m->data_len = FRAME_LEN;
	m->pkt_len = FRAME_LEN;
}

static int
rate_run(const char *iface_a, const char *iface_b, uint16_t qpairs, double seconds,
		struct rte_mempool *mp)
{
	struct rte_ether_addr mac_a, mac_b;
	struct rte_mbuf *pkts[BURST];
	uint64_t sent = 0, received = 0, per_queue[MAX_QPAIRS] = { 0 }, start, end;
	uint64_t user0, sys0, user1, sys1;
	unsigned int flow = 0, i;
	int a, b;
	uint16_t q, n;

	a = port_up("net_af_packet_a", iface_a, qpairs, mp);
	b = port_up("net_af_packet_b", iface_b, qpairs, mp);
	if (a < 0 || b < 0 || rte_eth_macaddr_get((uint16_t)a, &mac_a) != 0 ||
			rte_eth_macaddr_get((uint16_t)b, &mac_b) != 0)
		return -1;
	thread_cpu_ns(&user0, &sys0);
	start = now_ns();
	end = start + (uint64_t)(seconds * 1e9);
	while (now_ns() < end) {
		for (q = 0; q < qpairs; q++) {
			if (rte_pktmbuf_alloc_bulk(mp, pkts, BURST) != 0)
				break;
			for (i = 0; i < BURST; i++)
				make_frame(pkts[i], &mac_a, &mac_b, flow++ % FLOWS);
			n = rte_eth_tx_burst((uint16_t)a, q, pkts, BURST);
			sent += n;
			if (n < BURST)
				rte_pktmbuf_free_bulk(&pkts[n], BURST - n);
		}
		for (q = 0; q < qpairs; q++) {
			n = rte_eth_rx_burst((uint16_t)b, q, pkts, BURST);
			received += n;
			per_queue[q] += n;
			rte_pktmbuf_free_bulk(pkts, n);
		}
	}
	seconds = (double)(now_ns() - start) / 1e9;
	thread_cpu_ns(&user1, &sys1);
	printf("qpairs %u: sent_pps %.0f received_pps %.0f (frames per queue:", qpairs,
		(double)sent / seconds, (double)received / seconds);
	for (q = 0; q < qpairs; q++)
		printf(" %" PRIu64, per_queue[q]);
	printf("), user_ns_per_frame %.1f kernel_ns_per_frame %.1f\n",
		received ? (double)(user1 - user0) / (double)received : 0,
		received ? (double)(sys1 - sys0) / (double)received : 0);
	return port_down((uint16_t)a) != 0 || port_down((uint16_t)b) != 0 ? -1 : 0;
}

int
main(int argc, char **argv)
{
	struct rte_mempool *mp;
	unsigned long cycles = 10000;
	double seconds = 3;
	uint16_t qpairs;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "EAL init failed\n");
		return 1;
	}
	argc -= ret;
	argv += ret;
	if (argc < 3) {
		fprintf(stderr, "usage: bench_af_packet EAL-ARGS -- IFACE_A IFACE_B [cycles] "
			"[seconds]\n");
		return 2;
	}
	if (argc > 3)
		cycles = strtoul(argv[3], NULL, 0);
	if (argc > 4)
		seconds = strtod(argv[4], NULL);
	/* Enough for DPDK's driver too, which fills every rx descriptor with an mbuf. */
	mp = rte_pktmbuf_pool_create("bench_afp", 16383, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	if (mp == NULL) {
		fprintf(stderr, "no mempool\n");
		return 1;
	}
	if (cycles != 0 && cycles_run(argv[1], cycles, mp) != 0)
		return 1;
	for (qpairs = 1; qpairs <= MAX_QPAIRS && seconds > 0; qpairs++)
		if (rate_run(argv[1], argv[2], qpairs, seconds, mp) != 0)
			return 1;
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return 0;
}
