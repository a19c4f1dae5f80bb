/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Port hotplug end to end: the full life cycle with id reuse, 10,000 attach/detach cycles
 * without leaks, and detaching a port while two lcores keep forwarding between two others.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <unistd.h>

#include <rte_errno.h>
#include <inttypes.h>
#include <pthread.h>

#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_pause.h>

#define CYCLES 10000

static struct rte_mempool *pool;

static int
setup(void **state)
{
	/* Three lcores on the two CPUs CI has: the control thread alone, the two forwarders. */
	(void)state;
	pool = test_env_init("test_ethdev_hotplug", "--lcores", "0@0,1@1,2@1", 8191, 0);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

static void
test_lifecycle_null(void **state)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_mbuf *m[32];
	struct rte_eth_stats st;
	uint16_t port, again;
	int round;

	(void)state;
	for (round = 0; round < 2; round++) {
		assert_int_equal(rte_eth_dev_attach("net_null_lc,size=64", &port), 0);
		if (round == 1)
			assert_int_equal(port, again);
		again = port;
		test_port_up(port, 2, pool);
		assert_int_equal(rte_eth_rx_burst(port, 1, m, 32), 32);
		assert_int_equal(rte_eth_tx_burst(port, 0, m, 32), 32);
		assert_int_equal(rte_eth_stats_get(port, &st), 0);
		assert_int_equal(st.ipackets, 32);
		assert_int_equal(st.q_ipackets[1], 32);
		assert_int_equal(st.opackets, 32);
		assert_int_equal(st.q_opackets[0], 32);
		test_port_remove(port, devname);
		assert_string_equal(devname, "net_null_lc");
	}
}

static void
test_lifecycle_ring(void **state)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_mbuf *m[64], *r[64];
	struct rte_eth_stats st;
	uint16_t port, first = RTE_MAX_ETHPORTS;
	unsigned int avail = rte_mempool_avail_count(pool);
	int round, i;

	(void)state;
	for (round = 0; round < 3; round++) {
		assert_int_equal(rte_eth_dev_attach("net_ring_lc", &port), 0);
		if (first != RTE_MAX_ETHPORTS)
			assert_int_equal(port, first);
		first = port;
		test_port_up(port, 1, pool);
		test_fill(pool, m, 64, 60 + round, (uint8_t)round);
		/* The port loops back: everything sent comes back, in order. */
		assert_int_equal(rte_eth_tx_burst(port, 0, m, 40), 40);
		assert_int_equal(rte_eth_tx_burst(port, 0, m + 40, 24), 24);
		assert_int_equal(rte_eth_rx_burst(port, 0, r, 64), 64);
		assert_int_equal(rte_eth_rx_burst(port, 0, r, 64), 0);
		for (i = 0; i < 64; i++)
			assert_ptr_equal(r[i], m[i]);
		assert_int_equal(rte_eth_stats_get(port, &st), 0);
		assert_int_equal(st.opackets, 64);
		assert_int_equal(st.ipackets, 64);
		assert_int_equal(st.oerrors, 0);
		rte_pktmbuf_free_bulk(r, 64);
		test_port_remove(port, devname);
		assert_string_equal(devname, "net_ring_lc");
	}
	assert_int_equal(rte_mempool_avail_count(pool), avail);
}

/* Attach/detach many times; nothing may accumulate: fds, EAL heap, port ids, devargs. */
static void
run_cycles(const char *devargs, int full)
{
	unsigned int nvirt = rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL);
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_mbuf *m[8];
	uint16_t port, first;
	uint64_t t0;
	size_t mem;
	int fds, i;

	/* One warm-up cycle: first use may set up lazily allocated state (log types...). */
	assert_int_equal(rte_eth_dev_attach(devargs, &first), 0);
	assert_int_equal(rte_eth_dev_close(first), 0);
	assert_int_equal(rte_eth_dev_detach(first, devname), 0);
	fds = test_count_fds();
	mem = test_malloc_bytes();
	t0 = rte_get_timer_cycles();
	for (i = 0; i < CYCLES; i++) {
		assert_int_equal(rte_eth_dev_attach(devargs, &port), 0);
		assert_int_equal(port, first);
		if (full) {
			test_port_up(port, 1, pool);
			if (rte_eth_rx_burst(port, 0, m, 8) == 8)
				assert_int_equal(rte_eth_tx_burst(port, 0, m, 8), 8);
			assert_int_equal(rte_eth_dev_stop(port), 0);
		}
		assert_int_equal(rte_eth_dev_close(port), 0);
		assert_int_equal(rte_eth_dev_detach(port, devname), 0);
	}
	printf("# %d cycles of %s (%s): %.1f us each\n", CYCLES, devargs,
		full ? "full life cycle" : "attach/detach",
		(double)(rte_get_timer_cycles() - t0) * 1e6 / rte_get_timer_hz() / CYCLES);
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(test_malloc_bytes(), mem);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), nvirt);
}

static void
test_cycles_null_bare(void **state)
{
	(void)state;
	run_cycles("net_null_cy", 0);
}

static void
test_cycles_null_full(void **state)
{
	(void)state;
	run_cycles("net_null_cy,copy=1", 1);
}

static void
test_cycles_ring_bare(void **state)
{
	(void)state;
	run_cycles("net_ring_cy", 0);
}

static void
test_cycles_ring_full(void **state)
{
	(void)state;
	run_cycles("net_ring_cy", 1);
}

/* Forwarding under hotplug. */
struct fwd_ctx {
	uint16_t in, out;        /* forwarded ring ports */
	uint16_t *victim;        /* port being attached/detached, polled too */
	volatile int *stop;
	int *ready;
	uint64_t forwarded;
	uint64_t lost;
	uint64_t victim_pkts;
	int reg;
};

static int
forwarder(void *arg)
{
	struct fwd_ctx *c = arg;
	struct rte_mbuf *m[32];
	uint16_t n, sent, v;

	c->reg = rte_eth_dev_fp_register();
	__atomic_fetch_add(c->ready, 1, __ATOMIC_RELEASE);
	if (c->reg != 0)
		return -1;
	while (!*c->stop) {
		n = rte_eth_rx_burst(c->in, 0, m, 32);
		if (n > 0) {
			sent = rte_eth_tx_burst(c->out, 0, m, n);
			__atomic_store_n(&c->forwarded, c->forwarded + sent, __ATOMIC_RELAXED);
			if (sent < n) {
				c->lost += n - sent;
				rte_pktmbuf_free_bulk(m + sent, n - sent);
			}
		}
		/* The victim may be absent, stopped, closed or being detached right now. */
		v = __atomic_load_n(c->victim, __ATOMIC_RELAXED);
		n = rte_eth_rx_burst(v, 0, m, 8);
		if (n > 0) {
			c->victim_pkts += n;
			sent = rte_eth_tx_burst(v, 0, m, n);
			if (sent < n)
				rte_pktmbuf_free_bulk(m + sent, n - sent);
		}
		rte_eth_dev_fp_quiescent();
	}
	rte_eth_dev_fp_unregister();
	return 0;
}

/* Callbacks on the victim: what its receive callbacks saw, how often it sent. */
struct victim_cb_counts {
	uint64_t rx_pkts;
	uint64_t tx_calls;
};

static uint16_t
victim_rx_cb(uint16_t port, uint16_t q, struct rte_mbuf *pkts[], uint16_t nb, uint16_t max,
		void *arg)
{
	struct victim_cb_counts *c = arg;

	RTE_SET_USED(port);
	RTE_SET_USED(q);
	RTE_SET_USED(pkts);
	RTE_SET_USED(max);
	__atomic_fetch_add(&c->rx_pkts, nb, __ATOMIC_RELAXED);
	return nb;
}

static uint16_t
victim_tx_cb(uint16_t port, uint16_t q, struct rte_mbuf *pkts[], uint16_t nb, void *arg)
{
	struct victim_cb_counts *c = arg;

	RTE_SET_USED(port);
	RTE_SET_USED(q);
	RTE_SET_USED(pkts);
	__atomic_fetch_add(&c->tx_calls, 1, __ATOMIC_RELAXED);
	return nb;
}

static void
test_detach_under_traffic(void **state)
{
	const struct rte_eth_rxtx_callback *removed[200];
	struct victim_cb_counts cbc = { 0, 0 };
	struct rte_eth_conf conf;
	unsigned int nremoved = 0;
	const unsigned int npkts = 512, ncycles = 200;
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_mbuf *m[512];
	struct rte_eth_stats sa, sb;
	struct fwd_ctx f1, f2;
	volatile int stop = 0;
	int ready = 0, wait;
	uint16_t a, b, victim = RTE_MAX_ETHPORTS - 1, port;
	unsigned int lcore, i, n, held = 0;
	uint64_t victim_total;

	(void)state;
	if (rte_lcore_count() < 3) {
		printf("# needs 3 lcores, EAL gave %u\n", rte_lcore_count());
		skip();
	}
	assert_int_equal(rte_eth_dev_attach("net_ring_fa", &a), 0);
	assert_int_equal(rte_eth_dev_attach("net_ring_fb", &b), 0);
	test_port_up(a, 1, pool);
	test_port_up(b, 1, pool);
	test_fill(pool, m, npkts, 64, 0);
	for (i = 0; i < npkts; i += n)
		n = rte_eth_tx_burst(a, 0, m + i, (uint16_t)RTE_MIN(32u, npkts - i));

	memset(&f1, 0, sizeof(f1));
	memset(&f2, 0, sizeof(f2));
	f1.in = a;
	f1.out = b;
	f2.in = b;
	f2.out = a;
	f1.victim = f2.victim = &victim;
	f1.stop = f2.stop = &stop;
	f1.ready = f2.ready = &ready;
	lcore = rte_get_next_lcore(-1, 1, 0);
	assert_int_equal(rte_eal_remote_launch(forwarder, &f1, lcore), 0);
	lcore = rte_get_next_lcore(lcore, 1, 0);
	assert_int_equal(rte_eal_remote_launch(forwarder, &f2, lcore), 0);
	/* On a loaded machine the forwarders may take a while to get a CPU. */
	for (wait = 0; wait < 10000 && __atomic_load_n(&ready, __ATOMIC_ACQUIRE) < 2; wait++)
		rte_delay_us_sleep(1000);
	assert_int_equal(__atomic_load_n(&ready, __ATOMIC_ACQUIRE), 2);

	for (i = 0; i < ncycles; i++) {
		const char *dev = i % 2 ? "net_null_victim,copy=1" : "net_ring_victim";

		const struct rte_eth_rxtx_callback *txcb;

		assert_int_equal(rte_eth_dev_attach(dev, &port), 0);
		/* Callbacks before the start: every packet the victim delivers goes past them. */
		memset(&conf, 0, sizeof(conf));
		assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), 0);
		assert_int_equal(rte_eth_rx_queue_setup(port, 0, 256, 0, NULL, pool), 0);
		assert_int_equal(rte_eth_tx_queue_setup(port, 0, 256, 0, NULL), 0);
		assert_non_null(rte_eth_add_rx_callback(port, 0, victim_rx_cb, &cbc));
		txcb = rte_eth_add_tx_callback(port, 0, victim_tx_cb, &cbc);
		assert_non_null(txcb);
		assert_int_equal(rte_eth_dev_start(port), 0);
		__atomic_store_n(&victim, port, __ATOMIC_RELAXED);
		rte_delay_us_block(20);
		/* Unlinked while the forwarders poll; freed once they have stopped. */
		if (i % 2 == 1) {
			assert_int_equal(rte_eth_remove_tx_callback(port, 0, txcb), 0);
			removed[nremoved++] = txcb;
		}
		if (i % 3 == 0) {
			/* Detach straight after stop and close, the forwarders still polling. */
			test_port_remove(port, devname);
		} else {
			assert_int_equal(rte_eth_dev_close(port), 0);
			assert_int_equal(rte_eth_dev_detach(port, devname), 0);
		}
	}
	for (wait = 0; wait < 10000 && (__atomic_load_n(&f1.forwarded, __ATOMIC_RELAXED) == 0 ||
			__atomic_load_n(&f2.forwarded, __ATOMIC_RELAXED) == 0); wait++)
		rte_delay_us_sleep(1000);
	stop = 1;
	rte_eal_mp_wait_lcore();
	assert_int_equal(f1.reg, 0);
	assert_int_equal(f2.reg, 0);
	victim_total = f1.victim_pkts + f2.victim_pkts;
	printf("# forwarded %" PRIu64 " packets between the ring ports, polled %" PRIu64
		" from victims during %u attach/detach cycles\n", f1.forwarded + f2.forwarded,
		victim_total, ncycles);
	assert_int_equal(f1.lost + f2.lost, 0);
	assert_true(f1.forwarded > 0 && f2.forwarded > 0);
	/* The victims' callbacks saw exactly what the forwarders received from them. */
	assert_int_equal(cbc.rx_pkts, victim_total);
	for (i = 0; i < nremoved; i++)
		rte_free((void *)(uintptr_t)removed[i]);

	/* Every packet is still in one of the two rings. */
	for (;;) {
		n = rte_eth_rx_burst(a, 0, m, 32);
		n += rte_eth_rx_burst(b, 0, m + n, 32);
		if (n == 0)
			break;
		held += n;
		rte_pktmbuf_free_bulk(m, n);
	}
	assert_int_equal(held, npkts);
	assert_int_equal(rte_eth_stats_get(a, &sa), 0);
	assert_int_equal(rte_eth_stats_get(b, &sb), 0);
	assert_int_equal(sa.oerrors + sb.oerrors, 0);
	assert_int_equal(sa.opackets + sb.opackets, sa.ipackets + sb.ipackets);
	test_port_remove(a, devname);
	test_port_remove(b, devname);
	assert_int_equal(rte_mempool_avail_count(pool) + rte_mempool_in_use_count(pool), 8191);
	assert_int_equal(rte_mempool_in_use_count(pool), 0);
}

/* Hotplug from several threads at once, port level and device level mixed. */
struct hp_thread {
	const char *name;
	int device_level;
	int failures;
};

static void *
hotplug_thread(void *arg)
{
	struct hp_thread *t = arg;
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	uint16_t port;
	int i;

	memset(&conf, 0, sizeof(conf));
	for (i = 0; i < 500; i++) {
		if (t->device_level) {
			if (rte_dev_probe(t->name) != 0 ||
			    rte_eth_dev_get_port_by_name(t->name, &port) != 0 ||
			    rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
			    rte_eth_dev_info_get(port, &info) != 0 ||
			    rte_dev_remove(info.device) != 0)
				t->failures++;
			continue;
		}
		if (rte_eth_dev_attach(t->name, &port) != 0 ||
		    rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
		    rte_eth_rx_queue_setup(port, 0, 64, 0, NULL, pool) != 0 ||
		    rte_eth_tx_queue_setup(port, 0, 64, 0, NULL) != 0 ||
		    rte_eth_dev_start(port) != 0 || rte_eth_dev_stop(port) != 0 ||
		    rte_eth_dev_close(port) != 0 || rte_eth_dev_detach(port, devname) != 0 ||
		    strcmp(devname, t->name) != 0)
			t->failures++;
	}
	return NULL;
}

static void
test_concurrent_hotplug(void **state)
{
	struct hp_thread t[3] = {
		{ .name = "net_null_t0" },
		{ .name = "net_ring_t1" },
		{ .name = "net_null_t2", .device_level = 1 },
	};
	pthread_t th[3];
	size_t mem = test_malloc_bytes();
	int i;

	(void)state;
	for (i = 0; i < 3; i++)
		assert_int_equal(pthread_create(&th[i], NULL, hotplug_thread, &t[i]), 0);
	for (i = 0; i < 3; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(t[i].failures, 0);
	}
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	assert_int_equal(test_malloc_bytes(), mem);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lifecycle_null),
		cmocka_unit_test(test_lifecycle_ring),
		cmocka_unit_test(test_cycles_null_bare),
		cmocka_unit_test(test_cycles_null_full),
		cmocka_unit_test(test_cycles_ring_bare),
		cmocka_unit_test(test_cycles_ring_full),
		cmocka_unit_test(test_concurrent_hotplug),
		cmocka_unit_test(test_detach_under_traffic),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
