/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * How attach and detach costs grow with the number of ports: net_null0..net_null<N-1> are
 * attached one by one - rte_dev_probe, then configured with one rx and one tx queue and
 * started, as an application would - then detached one by one: stopped, closed and removed
 * with rte_dev_remove. Prints, for each step of STEPS that N reaches, the mean and the median
 * attach and detach latency of the ten ports ending there:
 *   attach_at_<k>_us, detach_at_<k>_us, attach_med_at_<k>_us, detach_med_at_<k>_us
 * and the ratios last ten / first ten of both (the median leaves out a one-off cost that
 * lands on a single call, such as the heap giving its pages back when its last block goes).
 * Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so that other work on a shared
 * machine does not count; page faults and system calls made for the port do. Only DPDK 22.11
 * API is used, so the same file builds against Debian's DPDK for comparison. EAL arguments,
 * then after "--": [ports] (default 1000; needs RTE_MAX_ETHPORTS > ports).
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#define WINDOW 10

static const unsigned int steps[] = { 10, 100, 500, 1000, 2000, 4000 };

static uint64_t
cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Median of the WINDOW values ending at index end (exclusive). */
static double
window_med_us(const uint64_t *v, unsigned int end)
{
	uint64_t w[WINDOW];

	memcpy(w, v + end - WINDOW, sizeof(w));
	qsort(w, WINDOW, sizeof(w[0]), cmp_u64);
	return (double)(w[WINDOW / 2 - 1] + w[WINDOW / 2]) / 2e3;
}

/* Probe name and bring its port up with one queue each way; the port id, or -1. */
static int
attach_port(const char *name, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	uint16_t port;

	memset(&conf, 0, sizeof(conf));
	if (rte_dev_probe(name) != 0 || rte_eth_dev_get_port_by_name(name, &port) != 0 ||
	    rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(port, 0, 64, SOCKET_ID_ANY, NULL, mp) != 0 ||
	    rte_eth_tx_queue_setup(port, 0, 64, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_start(port) != 0)
		return -1;
	return port;
}

/* Mean of the WINDOW values ending at index end (exclusive). */
static double
window_us(const uint64_t *v, unsigned int end)
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = end - WINDOW; i < end; i++)
		sum += v[i];
	return (double)sum / 1e3 / WINDOW;
}

int
main(int argc, char **argv)
{
	unsigned int ports = 1000, i, s;
	struct rte_mempool *mp;
	uint64_t *att, *det, t;
	char name[32];
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		return 1;
	argc -= ret;
	argv += ret;
	if (argc > 1)
		ports = (unsigned int)strtoul(argv[1], NULL, 0);
	if (ports < WINDOW || ports >= RTE_MAX_ETHPORTS) {
		fprintf(stderr, "ports must be in [%d, %d)\n", WINDOW, RTE_MAX_ETHPORTS);
		return 1;
	}
	att = calloc(ports, sizeof(*att));
	det = calloc(ports, sizeof(*det));
	if (att == NULL || det == NULL)
		return 1;
	/* No packet moves: the pool only has to exist for the rx queues. */
	mp = rte_pktmbuf_pool_create("bench_scale", 511, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			SOCKET_ID_ANY);
	if (mp == NULL) {
		fprintf(stderr, "no mbuf pool\n");
		return 1;
	}

	for (i = 0; i < ports; i++) {
		snprintf(name, sizeof(name), "net_null%u", i);
		t = cpu_ns();
		if (attach_port(name, mp) < 0) {
			fprintf(stderr, "attach %s failed\n", name);
			return 1;
		}
		att[i] = cpu_ns() - t;
	}
	for (i = 0; i < ports; i++) {
		struct rte_eth_dev_info info;
		uint16_t port;

		snprintf(name, sizeof(name), "net_null%u", i);
		if (rte_eth_dev_get_port_by_name(name, &port) != 0 ||
		    rte_eth_dev_info_get(port, &info) != 0) {
			fprintf(stderr, "no port %s\n", name);
			return 1;
		}
		t = cpu_ns();
		if (rte_eth_dev_stop(port) != 0 || rte_eth_dev_close(port) != 0 ||
		    rte_dev_remove(info.device) != 0) {
			fprintf(stderr, "detach %s failed\n", name);
			return 1;
		}
		det[i] = cpu_ns() - t;
	}
	for (s = 0; s < RTE_DIM(steps) && steps[s] <= ports; s++)
		printf("attach_at_%u_us %.2f\ndetach_at_%u_us %.2f\n"
			"attach_med_at_%u_us %.2f\ndetach_med_at_%u_us %.2f\n",
			steps[s], window_us(att, steps[s]), steps[s], window_us(det, steps[s]),
			steps[s], window_med_us(att, steps[s]),
			steps[s], window_med_us(det, steps[s]));
	printf("attach_last_over_first %.2f\ndetach_last_over_first %.2f\n",
		window_us(att, ports) / window_us(att, WINDOW),
		window_us(det, ports) / window_us(det, WINDOW));
	printf("attach_med_last_over_first %.2f\ndetach_med_last_over_first %.2f\n",
		window_med_us(att, ports) / window_med_us(att, WINDOW),
		window_med_us(det, ports) / window_med_us(det, WINDOW));
	rte_mempool_free(mp);
	free(att);
	free(det);
	rte_eal_cleanup();
	return 0;
}
