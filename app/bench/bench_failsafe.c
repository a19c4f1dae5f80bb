/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What net_failsafe adds to a burst: bursts of 32 sent and received on a net_null port
 * directly, then on a fail-safe over one net_null sub-device, then over two. Prints
 * nanoseconds per packet (tx+rx) for each, best of 5 rounds. Only DPDK 22.11 API is used, so
 * the same file builds against Debian's DPDK (load its net_null and net_failsafe with -d).
 * EAL arguments first, then after "--": [bursts per round] (default 2000000).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_bus_vdev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "bench_common.h"

#define BURST 32

static int
port_up(const char *name, const char *args, struct rte_mempool *mp, uint16_t *port)
{
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	if (rte_vdev_init(name, args) != 0 || rte_eth_dev_get_port_by_name(name, port) != 0 ||
			rte_eth_dev_configure(*port, 1, 1, &conf) != 0 ||
			rte_eth_rx_queue_setup(*port, 0, 512, SOCKET_ID_ANY, NULL, mp) != 0 ||
			rte_eth_tx_queue_setup(*port, 0, 512, SOCKET_ID_ANY, NULL) != 0 ||
			rte_eth_dev_start(*port) != 0) {
		fprintf(stderr, "cannot set up %s,%s\n", name, args);
		return -1;
	}
	return 0;
}

/* Best nanoseconds per packet over 5 rounds of n bursts out and in. */
static double
measure(uint16_t port, struct rte_mempool *mp, unsigned long n)
{
	struct rte_mbuf *m[BURST];
	double best = 0;
	int round;

	for (round = 0; round < 5; round++) {
		uint64_t t0 = now_ns(), pkts = 0;
		unsigned long i;
		double ns;

		for (i = 0; i < n; i++) {
			uint16_t k;

			if (rte_pktmbuf_alloc_bulk(mp, m, BURST) != 0)
				return -1;
			k = rte_eth_tx_burst(port, 0, m, BURST);
			rte_pktmbuf_free_bulk(m + k, BURST - k);
			k = rte_eth_rx_burst(port, 0, m, BURST);
			rte_pktmbuf_free_bulk(m, k);
			pkts += k;
		}
		ns = (double)(now_ns() - t0) / (double)(pkts > 0 ? pkts : 1);
		if (round == 0 || ns < best)
			best = ns;
	}
	return best;
}

int
main(int argc, char **argv)
{
	static const char *const cases[][3] = {
		{ "net_null direct", "net_null_bd", "" },
		{ "net_failsafe over 1 net_null", "net_failsafe_b1", "dev(net_null_b1)" },
		{ "net_failsafe over 2 net_null", "net_failsafe_b2",
			"dev(net_null_b2),dev(net_null_b3)" },
	};
	unsigned long n = 2000000;
	struct rte_mempool *mp;
	unsigned int c;
	int used;

	used = rte_eal_init(argc, argv);
	if (used < 0) {
		fprintf(stderr, "rte_eal_init failed\n");
		return 1;
	}
	argc -= used;
	argv += used;
	if (argc > 1)
		n = strtoul(argv[1], NULL, 0);
	mp = rte_pktmbuf_pool_create("bench_fs", 4095, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			SOCKET_ID_ANY);
	if (mp == NULL) {
		fprintf(stderr, "no mbuf pool\n");
		return 1;
	}
	for (c = 0; c < RTE_DIM(cases); c++) {
		uint16_t port;

		if (port_up(cases[c][1], cases[c][2], mp, &port) != 0)
			return 1;
		printf("%-32s %6.2f ns/packet (tx+rx, bursts of %d, best of 5 x %lu)\n",
				cases[c][0], measure(port, mp, n), BURST, n);
		rte_eth_dev_stop(port);
		rte_eth_dev_close(port);
		rte_vdev_uninit(cases[c][1]);
	}
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return 0;
}
