/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Packets lost by a bond when one member leaves under load and comes back. Two bonds A and B,
 * each of two net_ring members linked back to back (a0 <-> b0, a1 <-> b1). A sends UDP packets
 * of 64 flows at a fixed rate, B receives them; both bonds are read and written every loop, as
 * an application does (LACP needs it). After one second a member leaves one bond: the
 * sender's (A drops a0) or the receiver's (B drops b0); two seconds later it is added back, and
 * three seconds after that sending stops. Printed per mode (1 active-backup, 2 balance with
 * l34, 4 802.3ad with the standard's timers, with quick ones, and with the standard's and
 * dedicated queues, where a leaving member tells its partner) and side: packets offered to
 * A, received by B, lost (dropped or refused by A's transmit), and the longest time B went
 * without any packet. Back to back, active-backup loses everything once the two bonds' active
 * members differ: there is no switch in between to carry it over.
 *
 * Only DPDK 22.11 API is used, so the same file also builds against Debian's DPDK (whose bond
 * does not start over its net_ring, which cannot change a MAC address). EAL arguments first,
 * then after "--": [rate in packets/s] (default 200000) [run: 0 mode 1, 1 mode 2, 2 mode 4,
 * 3 mode 4 with quick timers, 4 mode 4 with dedicated queues; default all].
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ring.h>
#include <rte_eth_ring.h>
#include <rte_eth_bond.h>
#include <rte_eth_bond_8023ad.h>

#define BURST 32
#define RING_SIZE 4096

static struct rte_mempool *pool;
static unsigned int run_seq;

static uint64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000;
}

struct setup {
	uint16_t a[2], b[2], bond_a, bond_b;
	struct rte_ring *ab[2], *ba[2];
	char name_a[32], name_b[32];
	char ring_names[2][2][32];
};

static int
ring_pair(struct setup *s, unsigned int i)
{
	char n[RTE_RING_NAMESIZE];
	int pa, pb;

	snprintf(n, sizeof(n), "bb%u_%uab", run_seq, i);
	s->ab[i] = rte_ring_create(n, RING_SIZE, 0, 0);
	snprintf(n, sizeof(n), "bb%u_%uba", run_seq, i);
	s->ba[i] = rte_ring_create(n, RING_SIZE, 0, 0);
	if (s->ab[i] == NULL || s->ba[i] == NULL)
		return -1;
	snprintf(s->ring_names[i][0], sizeof(s->ring_names[i][0]), "net_ring_bb%ua%u", run_seq, i);
	/* two transmit queues (one ring): the second for mode 4's dedicated queue */
	pa = rte_eth_from_rings(s->ring_names[i][0], &s->ba[i], 1,
			(struct rte_ring *const[]){ s->ab[i], s->ab[i] }, 2, 0);
	snprintf(s->ring_names[i][1], sizeof(s->ring_names[i][1]), "net_ring_bb%ub%u", run_seq, i);
	pb = rte_eth_from_rings(s->ring_names[i][1], &s->ab[i], 1,
			(struct rte_ring *const[]){ s->ba[i], s->ba[i] }, 2, 0);
	if (pa < 0 || pb < 0)
		return -1;
	s->a[i] = (uint16_t)pa;
	s->b[i] = (uint16_t)pb;
	return 0;
}

static int
port_up(uint16_t port)
{
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	if (rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(port, 0, 1024, rte_eth_dev_socket_id(port), NULL, pool) != 0 ||
	    rte_eth_tx_queue_setup(port, 0, 1024, rte_eth_dev_socket_id(port), NULL) != 0)
		return -1;
	return rte_eth_dev_start(port);
}

static int
bond_make(const char *name, uint8_t mode, const uint16_t *members, int quick, int dq,
		uint16_t *out)
{
	int b = rte_eth_bond_create(name, mode, 0);
	unsigned int i;

	if (b < 0)
		return -1;
	*out = (uint16_t)b;
	if (mode == BONDING_MODE_8023AD && quick) {
		struct rte_eth_bond_8023ad_conf c;

		if (rte_eth_bond_8023ad_conf_get(*out, &c) != 0)
			return -1;
		c.fast_periodic_ms = 200;
		c.slow_periodic_ms = 1000;
		c.short_timeout_ms = 600;
		c.long_timeout_ms = 3000;
		c.aggregate_wait_timeout_ms = 200;
		c.tx_period_ms = 50;
		c.update_timeout_ms = 50;
		if (rte_eth_bond_8023ad_setup(*out, &c) != 0)
			return -1;
	}
	if (mode == BONDING_MODE_8023AD && dq &&
	    rte_eth_bond_8023ad_dedicated_queues_enable(*out) != 0)
		return -1;
	if (mode == BONDING_MODE_BALANCE)
		rte_eth_bond_xmit_policy_set(*out, BALANCE_XMIT_POLICY_LAYER34);
	for (i = 0; i < 2; i++)
		if (rte_eth_bond_slave_add(*out, members[i]) != 0)
			return -1;
	return port_up(*out);
}

static unsigned int
rx_all(uint16_t port)
{
	struct rte_mbuf *m[BURST];
	unsigned int total = 0;
	uint16_t n;

	do {
		n = rte_eth_rx_burst(port, 0, m, BURST);
		rte_pktmbuf_free_bulk(m, n);
		total += n;
	} while (n == BURST);
	return total;
}

static uint16_t
tx_flows(uint16_t port, unsigned int n, uint32_t *seq)
{
	struct rte_mbuf *m[BURST];
	unsigned int i;
	uint16_t sent;

	if (rte_pktmbuf_alloc_bulk(pool, m, n) != 0)
		return 0;
	for (i = 0; i < n; i++) {
		struct rte_ether_hdr *eh = (struct rte_ether_hdr *)rte_pktmbuf_append(m[i], 64);
		struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eh + 1);
		uint16_t *ports = (uint16_t *)(ip + 1);
		uint32_t f = (*seq)++ % 64;

		memset(eh, 0, 64);
		eh->dst_addr.addr_bytes[0] = 0x02;
		eh->src_addr.addr_bytes[0] = 0x02;
		eh->src_addr.addr_bytes[5] = (uint8_t)f;
		eh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
		ip->version_ihl = 0x45;
		ip->next_proto_id = IPPROTO_UDP;
		ip->src_addr = rte_cpu_to_be_32(0x0a000001 + f);
		ip->dst_addr = rte_cpu_to_be_32(0x0a000101);
		ports[0] = rte_cpu_to_be_16((uint16_t)(1000 + f));
		ports[1] = rte_cpu_to_be_16(53);
	}
	sent = rte_eth_tx_burst(port, 0, m, (uint16_t)n);
	if (sent < n)
		rte_pktmbuf_free_bulk(m + sent, n - sent);
	return sent;
}

/* Both bonds polled until the receiver's active members are n (LACP), or the time is up. */
static int
settle(const struct setup *s, uint16_t n, uint64_t max_us)
{
	uint64_t end = now_us() + max_us;
	uint16_t act[RTE_MAX_ETHPORTS];

	while (now_us() < end) {
		rx_all(s->bond_a);
		rx_all(s->bond_b);
		rte_eth_tx_burst(s->bond_a, 0, NULL, 0);
		rte_eth_tx_burst(s->bond_b, 0, NULL, 0);
		if (rte_eth_bond_active_slaves_get(s->bond_a, act, RTE_DIM(act)) == n &&
		    rte_eth_bond_active_slaves_get(s->bond_b, act, RTE_DIM(act)) == n)
			return 0;
		rte_delay_us_sleep(1000);
	}
	return -1;
}

static void
teardown(struct setup *s)
{
	unsigned int i;
	struct rte_mbuf *m;

	rte_eth_bond_free(s->name_a);
	rte_eth_bond_free(s->name_b);
	for (i = 0; i < 2; i++) {
		uint16_t p[2] = { s->a[i], s->b[i] };
		unsigned int j;

		for (j = 0; j < 2; j++) {
			rte_eth_dev_stop(p[j]);
			rte_eth_dev_close(p[j]);
			rte_vdev_uninit(s->ring_names[i][j]);
		}
		while (rte_ring_dequeue(s->ab[i], (void **)&m) == 0)
			rte_pktmbuf_free(m);
		while (rte_ring_dequeue(s->ba[i], (void **)&m) == 0)
			rte_pktmbuf_free(m);
		rte_ring_free(s->ab[i]);
		rte_ring_free(s->ba[i]);
	}
}

/* One run; side 0: the sender's member leaves, 1: the receiver's. */
static int
run(uint8_t mode, int quick, int dq, int side, unsigned int rate)
{
	struct setup s;
	uint64_t start, t, next, last_rx, gap = 0;
	uint64_t offered = 0, received = 0;
	uint32_t seq = 0;
	int left = 0, back = 0;
	const uint64_t gap_us = 1000000u / (rate / BURST);

	memset(&s, 0, sizeof(s));
	run_seq++;
	snprintf(s.name_a, sizeof(s.name_a), "net_bonding_bb%ua", run_seq);
	snprintf(s.name_b, sizeof(s.name_b), "net_bonding_bb%ub", run_seq);
	if (ring_pair(&s, 0) != 0 || ring_pair(&s, 1) != 0 ||
	    bond_make(s.name_a, mode, s.a, quick, dq, &s.bond_a) != 0 ||
	    bond_make(s.name_b, mode, s.b, quick, dq, &s.bond_b) != 0) {
		fprintf(stderr, "mode %u: setup failed\n", mode);
		return -1;
	}
	if (settle(&s, 2, 30000000) != 0) {
		fprintf(stderr, "mode %u: members never all active\n", mode);
		teardown(&s);
		return -1;
	}
	start = now_us();
	next = start;
	last_rx = start;
	for (;;) {
		unsigned int r;

		t = now_us();
		if (t - start >= 6000000)
			break;
		if (!left && t - start >= 1000000) {
			left = 1;
			if (side == 0)
				rte_eth_bond_slave_remove(s.bond_a, s.a[0]);
			else
				rte_eth_bond_slave_remove(s.bond_b, s.b[0]);
		}
		if (!back && t - start >= 3000000) {
			back = 1;
			if (side == 0)
				rte_eth_bond_slave_add(s.bond_a, s.a[0]);
			else
				rte_eth_bond_slave_add(s.bond_b, s.b[0]);
		}
		if (t >= next) {
			/* what the bond refuses (its member is full) is lost as well */
			tx_flows(s.bond_a, BURST, &seq);
			offered += BURST;
			next += gap_us;
		} else {
			rte_eth_tx_burst(s.bond_a, 0, NULL, 0);
		}
		rte_eth_tx_burst(s.bond_b, 0, NULL, 0);
		rx_all(s.bond_a);
		r = rx_all(s.bond_b);
		received += r;
		if (r > 0) {
			if (t - last_rx > gap)
				gap = t - last_rx;
			last_rx = t;
		}
	}
	/* what is still on its way */
	t = now_us();
	while (now_us() - t < 200000) {
		received += rx_all(s.bond_b);
		rx_all(s.bond_a);
		rte_eth_tx_burst(s.bond_a, 0, NULL, 0);
		rte_eth_tx_burst(s.bond_b, 0, NULL, 0);
	}
	printf("mode %u%-10s %-8s offered %8" PRIu64 " received %8" PRIu64
			" lost %7" PRIu64 " (%5.2f%%) longest gap %7.1f ms\n", mode,
			mode != BONDING_MODE_8023AD ? "" :
			dq ? " std+dq" : quick ? " quick" : " std",
			side == 0 ? "sender" : "receiver", offered, received,
			offered > received ? offered - received : 0,
			offered ? 100.0 * (double)(offered > received ? offered - received : 0) /
			(double)offered : 0.0, (double)gap / 1000.0);
	fflush(stdout);
	teardown(&s);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct {
		uint8_t mode;
		int quick, dq;
	} runs[] = {
		{ BONDING_MODE_ACTIVE_BACKUP, 0, 0 }, { BONDING_MODE_BALANCE, 0, 0 },
		{ BONDING_MODE_8023AD, 0, 0 }, { BONDING_MODE_8023AD, 1, 0 },
		{ BONDING_MODE_8023AD, 0, 1 },
	};
	unsigned int rate = 200000, i;
	int n, side, ret = 0, only = -1;

	n = rte_eal_init(argc, argv);
	if (n < 0) {
		fprintf(stderr, "EAL init failed\n");
		return 1;
	}
	argc -= n;
	argv += n;
	if (argc > 1)
		rate = (unsigned int)strtoul(argv[1], NULL, 10);
	if (argc > 2)
		only = atoi(argv[2]);
	if (rate < BURST)
		rate = BURST;
	pool = rte_pktmbuf_pool_create("bench_bond", 32767, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			SOCKET_ID_ANY);
	if (pool == NULL) {
		fprintf(stderr, "no mbuf pool\n");
		return 1;
	}
	printf("%u packets/s of 64 flows from bond A to bond B (2 net_ring members each); "
			"one member leaves at 1 s, back at 3 s, end at 6 s\n", rate);
	for (i = 0; i < RTE_DIM(runs); i++)
		for (side = 0; side < 2; side++) {
			if (only >= 0 && (unsigned int)only != i)
				continue;
			if (run(runs[i].mode, runs[i].quick, runs[i].dq, side, rate) != 0)
				ret = 1;
		}
	rte_eal_cleanup();
	return ret;
}
