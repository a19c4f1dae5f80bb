/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap attach/detach cycles: each cycle probes a tap port (the kernel interface appears),
 * configures and starts it with two queue pairs, stops, closes and removes it (the interface
 * goes). Prints the open descriptors before and after, whether the interface is left, and the
 * mean time per cycle and per step. Only DPDK 22.11 API is used, so the same file also builds
 * against Debian's DPDK. Run it as root in a network namespace of its own
 * (devtools/bench-tap.sh does). EAL arguments first, then after "--": [cycles] (default 10000).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>

#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "bench_common.h"

#define DEVARGS "net_tap_bench,iface=htapbench"
#define IFACE "htapbench"

static double
to_us(uint64_t ns)
{
	return (double)ns / 1e3;
}

/* One cycle; the nanoseconds spent attaching, starting and detaching are added to t[0..2]. */
static int
one_cycle(struct rte_mempool *mp, uint64_t t[3])
{
	struct rte_eth_conf conf;
	struct rte_eth_dev_info info;
	uint64_t t0 = now_ns(), t1, t2;
	uint16_t port, q;

	memset(&conf, 0, sizeof(conf));
	if (rte_dev_probe(DEVARGS) != 0 ||
			rte_eth_dev_get_port_by_name("net_tap_bench", &port) != 0 ||
			rte_eth_dev_info_get(port, &info) != 0)
		return -1;
	t1 = now_ns();
	if (rte_eth_dev_configure(port, 2, 2, &conf) != 0)
		return -1;
	for (q = 0; q < 2; q++)
		if (rte_eth_rx_queue_setup(port, q, 512, SOCKET_ID_ANY, NULL, mp) != 0 ||
				rte_eth_tx_queue_setup(port, q, 512, SOCKET_ID_ANY, NULL) != 0)
			return -1;
	if (rte_eth_dev_start(port) != 0)
		return -1;
	t2 = now_ns();
	if (rte_eth_dev_stop(port) != 0 || rte_eth_dev_close(port) != 0 ||
			rte_dev_remove(info.device) != 0)
		return -1;
	t[0] += t1 - t0;
	t[1] += t2 - t1;
	t[2] += now_ns() - t2;
	return 0;
}

int
main(int argc, char **argv)
{
	uint64_t t[3] = { 0, 0, 0 }, start, total;
	struct rte_mempool *mp;
	unsigned long cycles = 10000, i;
	int ret, fds_before, fds_after;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "EAL init failed\n");
		return 1;
	}
	if (argc - ret > 1)
		cycles = strtoul(argv[ret + 1], NULL, 0);
	/* Enough for DPDK's driver too, which fills every rx descriptor with an mbuf. */
	mp = rte_pktmbuf_pool_create("bench_tap", 4095, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	if (mp == NULL || cycles == 0) {
		fprintf(stderr, "no mempool, or no cycles\n");
		return 1;
	}
	/* Once first: what EAL and ethdev allocate on the first attach is not a leak. */
	if (one_cycle(mp, t) != 0) {
		fprintf(stderr, "first cycle failed (root? /dev/net/tun?)\n");
		return 1;
	}
	t[0] = t[1] = t[2] = 0;
	fds_before = count_fds();
	start = now_ns();
	for (i = 0; i < cycles; i++) {
		if (one_cycle(mp, t) != 0) {
			fprintf(stderr, "cycle %lu failed\n", i);
			return 1;
		}
	}
	total = now_ns() - start;
	fds_after = count_fds();
	printf("cycles %lu\n", cycles);
	printf("fds_before %d\n", fds_before);
	printf("fds_after %d\n", fds_after);
	printf("interface_left %d\n", if_nametoindex(IFACE) != 0);
	printf("cycle_us %.1f\n", to_us(total) / (double)cycles);
	printf("attach_us %.1f\n", to_us(t[0]) / (double)cycles);
	printf("configure_start_us %.1f\n", to_us(t[1]) / (double)cycles);
	printf("stop_close_detach_us %.1f\n", to_us(t[2]) / (double)cycles);
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return fds_after == fds_before ? 0 : 2;
}
