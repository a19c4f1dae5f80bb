/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Port hotplug and data-path cost:
 *   - attach and detach latency (p50, p99 over N cycles) of net_null and net_ring through
 *     the device-level engine, rte_dev_probe / rte_dev_remove;
 *   - rx+tx burst cost per packet on one net_null port, io forwarding on one lcore.
 * Only DPDK 22.11 API is used, so the same file builds against Debian's DPDK for comparison
 * (devtools/bench-hotplug.sh runs both). EAL arguments come first, then after "--":
 *   [--no-pool] [--with-secondary] [cycles [burst-packets]]    (defaults 1000 and 20000000)
 *   --secondary-idle                  (started with --proc-type=secondary)
 * --no-pool: no mempool is created before the hotplug loop, so nothing else holds EAL's heap
 * while ports come and go (and there is no burst figure, which needs the pool).
 * --with-secondary: the loop starts once a secondary run with --secondary-idle has joined (up
 * to 30 s), so every attach and detach is also done in that secondary; the secondary leaves
 * when the primary is done. The two meet through the memzone "bench_hp_sync".
 * Output: one "name value" line per figure, values in microseconds or cycles.
 *
 * The hotplug figures are measured in ROUNDS rounds of N cycles, null and ring taking turns,
 * ROUND_GAP_US apart, and each is reported from its round with the lowest p50: on a shared
 * machine the host's other work slows everything down for periods of tens of milliseconds or
 * more, long enough to cover several rounds in a row. The p50 over all rounds' cycles is
 * printed too (name ending in _all_us).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_memzone.h>

#define BURST 32
#define ROUNDS 5
#define ROUND_GAP_US 100000
#define SYNC_MZ "bench_hp_sync"
enum { SYNC_WAITING, SYNC_JOINED, SYNC_DONE };

/* One device's latencies: the best round so far, and every cycle of every round. */
struct latencies {
	double att_p50, att_p99, det_p50, det_p99;
	uint64_t *att_all, *det_all;
	unsigned int n_all;
};

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static double
to_us(uint64_t cycles)
{
	return (double)cycles * 1e6 / (double)rte_get_timer_hz();
}

static struct rte_device *
device_of(const char *port_name)
{
	struct rte_eth_dev_info info;
	uint16_t port;

	if (rte_eth_dev_get_port_by_name(port_name, &port) != 0 ||
	    rte_eth_dev_info_get(port, &info) != 0)
		return NULL;
	return info.device;
}

/* One round: probe and remove devname cycles times; keep the round if its p50 is the best. */
static int
bench_hotplug(const char *devargs, const char *port_name, unsigned int cycles,
		struct latencies *l)
{
	uint64_t *att = calloc(cycles, sizeof(*att));
	uint64_t *det = calloc(cycles, sizeof(*det));
	struct rte_device *dev;
	unsigned int i;
	uint64_t t;
	int ret = 0;

	if (att == NULL || det == NULL) {
		free(att);
		free(det);
		return -1;
	}
	for (i = 0; i < cycles; i++) {
		t = rte_rdtsc_precise();
		ret = rte_dev_probe(devargs);
		att[i] = rte_rdtsc_precise() - t;
		if (ret != 0) {
			fprintf(stderr, "rte_dev_probe(%s) failed: %d\n", devargs, ret);
			break;
		}
		dev = device_of(port_name);
		if (dev == NULL) {
			fprintf(stderr, "no port %s after probe\n", port_name);
			ret = -1;
			break;
		}
		t = rte_rdtsc_precise();
		ret = rte_dev_remove(dev);
		det[i] = rte_rdtsc_precise() - t;
		if (ret != 0) {
			fprintf(stderr, "rte_dev_remove(%s) failed: %d\n", port_name, ret);
			break;
		}
	}
	if (ret == 0) {
		memcpy(l->att_all + l->n_all, att, cycles * sizeof(*att));
		memcpy(l->det_all + l->n_all, det, cycles * sizeof(*det));
		l->n_all += cycles;
		qsort(att, cycles, sizeof(*att), cmp_u64);
		qsort(det, cycles, sizeof(*det), cmp_u64);
		if (l->att_p50 == 0 || to_us(att[cycles / 2]) < l->att_p50) {
			l->att_p50 = to_us(att[cycles / 2]);
			l->att_p99 = to_us(att[cycles * 99 / 100]);
		}
		if (l->det_p50 == 0 || to_us(det[cycles / 2]) < l->det_p50) {
			l->det_p50 = to_us(det[cycles / 2]);
			l->det_p99 = to_us(det[cycles * 99 / 100]);
		}
	}
	free(att);
	free(det);
	return ret;
}

static void
print_latencies(const char *label, struct latencies *l)
{
	qsort(l->att_all, l->n_all, sizeof(*l->att_all), cmp_u64);
	qsort(l->det_all, l->n_all, sizeof(*l->det_all), cmp_u64);
	printf("attach_%s_p50_us %.3f\n", label, l->att_p50);
	printf("attach_%s_p99_us %.3f\n", label, l->att_p99);
	printf("detach_%s_p50_us %.3f\n", label, l->det_p50);
	printf("detach_%s_p99_us %.3f\n", label, l->det_p99);
	printf("attach_%s_p50_all_us %.3f\n", label, to_us(l->att_all[l->n_all / 2]));
	printf("detach_%s_p50_all_us %.3f\n", label, to_us(l->det_all[l->n_all / 2]));
}

/* io forwarding on one net_null port: rx burst, tx burst of what came in. */
static int
bench_burst(struct rte_mempool *mp, uint64_t packets)
{
	struct rte_mbuf *m[BURST];
	struct rte_eth_conf conf;
	struct rte_device *dev;
	uint64_t done = 0, t, best = UINT64_MAX;
	uint16_t port, n, sent;
	int round;

	if (rte_dev_probe("net_null_bench") != 0 ||
	    rte_eth_dev_get_port_by_name("net_null_bench", &port) != 0) {
		fprintf(stderr, "burst bench setup failed\n");
		return -1;
	}
	memset(&conf, 0, sizeof(conf));
	if (rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(port, 0, 512, rte_eth_dev_socket_id(port), NULL, mp) != 0 ||
	    rte_eth_tx_queue_setup(port, 0, 512, rte_eth_dev_socket_id(port), NULL) != 0 ||
	    rte_eth_dev_start(port) != 0) {
		fprintf(stderr, "burst bench port setup failed\n");
		return -1;
	}
	/* Best of three rounds, to keep interruptions out of the figure. */
	for (round = 0; round < 3; round++) {
		done = 0;
		t = rte_rdtsc_precise();
		while (done < packets) {
			n = rte_eth_rx_burst(port, 0, m, BURST);
			sent = rte_eth_tx_burst(port, 0, m, n);
			if (unlikely(sent < n))
				rte_pktmbuf_free_bulk(m + sent, n - sent);
			done += n;
		}
		t = rte_rdtsc_precise() - t;
		if (t < best)
			best = t;
	}
	printf("burst_null_cycles_per_pkt %.2f\n", (double)best / (double)done);
	printf("burst_null_mpps %.2f\n", (double)done * rte_get_timer_hz() / best / 1e6);
	/* DPDK 22.11 releases the port at close: look the device up before. */
	dev = device_of("net_null_bench");
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
	if (dev != NULL)
		rte_dev_remove(dev);
	return 0;
}

/* The secondary's part: say it has joined, then wait for the primary to be done. */
static int
secondary_idle(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(SYNC_MZ);
	volatile uint32_t *state;

	if (mz == NULL) {
		fprintf(stderr, "no memzone %s: the primary was not run with --with-secondary\n",
			SYNC_MZ);
		return 1;
	}
	state = mz->addr;
	*state = SYNC_JOINED;
	while (*state != SYNC_DONE)
		rte_delay_us_sleep(10000);
	return 0;
}

/* The primary's part: a memzone for the secondary to find, and its arrival. */
static volatile uint32_t *
wait_secondary(void)
{
	const struct rte_memzone *mz;
	volatile uint32_t *state;
	unsigned int i;

	mz = rte_memzone_reserve(SYNC_MZ, sizeof(uint32_t), SOCKET_ID_ANY, 0);
	if (mz == NULL)
		return NULL;
	state = mz->addr;
	*state = SYNC_WAITING;
	for (i = 0; i < 3000 && *state != SYNC_JOINED; i++)
		rte_delay_us_sleep(10000);
	return *state == SYNC_JOINED ? state : NULL;
}

int
main(int argc, char **argv)
{
	unsigned int cycles = 1000, round, i;
	uint64_t packets = 20000000;
	struct latencies lat[2];
	struct rte_mempool *mp = NULL;
	volatile uint32_t *sync = NULL;
	int no_pool = 0, with_secondary = 0;
	int ret;

	setvbuf(stdout, NULL, _IOLBF, 0);
	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "EAL init failed\n");
		return 1;
	}
	argc -= ret;
	argv += ret;
	if (argc > 1 && strcmp(argv[1], "--secondary-idle") == 0) {
		ret = secondary_idle();
		rte_eal_cleanup();
		return ret;
	}
	if (argc > 1 && strcmp(argv[1], "--no-pool") == 0) {
		no_pool = 1;
		argc--;
		argv++;
	}
	if (argc > 1 && strcmp(argv[1], "--with-secondary") == 0) {
		with_secondary = 1;
		argc--;
		argv++;
	}
	if (argc > 1)
		cycles = (unsigned int)strtoul(argv[1], NULL, 0);
	if (argc > 2)
		packets = strtoull(argv[2], NULL, 0);
	if (cycles < 2)
		cycles = 2;
	printf("cycles %u\n", cycles);
	if (with_secondary) {
		sync = wait_secondary();
		if (sync == NULL) {
			fprintf(stderr, "no secondary joined in 30 s\n");
			rte_eal_cleanup();
			return 1;
		}
	}
	/* The pool an application creates first; it also keeps EAL's heap in use as it would be. */
	if (!no_pool)
		mp = rte_pktmbuf_pool_create("bench_pool", 8191, 256, 0,
				RTE_MBUF_DEFAULT_BUF_SIZE, (int)rte_socket_id());
	if (!no_pool && mp == NULL) {
		fprintf(stderr, "cannot create the mbuf pool\n");
		rte_eal_cleanup();
		return 1;
	}
	memset(lat, 0, sizeof(lat));
	ret = 0;
	for (i = 0; i < 2; i++) {
		lat[i].att_all = calloc((size_t)cycles * ROUNDS, sizeof(uint64_t));
		lat[i].det_all = calloc((size_t)cycles * ROUNDS, sizeof(uint64_t));
		if (lat[i].att_all == NULL || lat[i].det_all == NULL)
			ret = -1;
	}
	for (round = 0; ret == 0 && round < ROUNDS; round++) {
		if (round != 0)
			rte_delay_us_sleep(ROUND_GAP_US);
		ret = bench_hotplug("net_null_hp", "net_null_hp", cycles, &lat[0]);
		if (ret == 0)
			ret = bench_hotplug("net_ring_hp", "net_ring_hp", cycles, &lat[1]);
	}
	if (ret == 0) {
		print_latencies("null", &lat[0]);
		print_latencies("ring", &lat[1]);
		if (!no_pool)
			ret = bench_burst(mp, packets);
	}
	for (i = 0; i < 2; i++) {
		free(lat[i].att_all);
		free(lat[i].det_all);
	}
	if (sync != NULL) {
		*sync = SYNC_DONE;
		rte_delay_us_sleep(100000);	/* the secondary leaves before the memory goes */
	}
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return ret == 0 ? 0 : 1;
}
