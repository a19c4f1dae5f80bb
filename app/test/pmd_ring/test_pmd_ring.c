/* SPDX-License-Identifier: BSD-3-Clause */
/* net_ring: loopback ports, nodeaction devices, rte_eth_from_rings/ring, ring ownership. */
#include "ethdev_test_util.h"

#include <errno.h>
#include <unistd.h>

#include <rte_devargs.h>
#include <ethdev_driver.h>
#include <rte_errno.h>
#include <rte_ring.h>
#include <rte_eth_ring.h>

static struct rte_mempool *pool;

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_pmd_ring", "-l", "0", 4095, 128);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

static void
test_multiqueue_loopback(void **state)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_mbuf *m[8], *r[8];
	struct rte_eth_stats st;
	uint16_t port, q;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_ring_mq", &port), 0);
	assert_non_null(rte_ring_lookup("ETH_RXTX0_net_ring_mq"));
	assert_null(rte_ring_lookup("ETH_RXTX3_net_ring_mq"));
	test_port_up(port, 4, pool);
	assert_non_null(rte_ring_lookup("ETH_RXTX3_net_ring_mq"));
	for (q = 0; q < 4; q++) {
		test_fill(pool, m, q + 1, 64, (uint8_t)q);
		assert_int_equal(rte_eth_tx_burst(port, q, m, q + 1), q + 1);
	}
	for (q = 0; q < 4; q++) {
		assert_int_equal(rte_eth_rx_burst(port, q, r, 8), q + 1);
		assert_int_equal(rte_pktmbuf_mtod(r[0], uint8_t *)[0], q);
		rte_pktmbuf_free_bulk(r, q + 1);
	}
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.opackets, 10);
	assert_int_equal(st.ipackets, 10);
	assert_int_equal(st.q_opackets[3], 4);
	assert_int_equal(st.q_ipackets[2], 3);
	test_port_remove(port, devname);
	/* The rings the device created went with it. */
	assert_null(rte_ring_lookup("ETH_RXTX0_net_ring_mq"));
	assert_null(rte_ring_lookup("ETH_RXTX3_net_ring_mq"));
}

static void
test_nodeaction(void **state)
{
	unsigned int nvirt = rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL);
	char devname[RTE_DEV_NAME_MAX_LEN];
	uint16_t port, a, b, p;
	size_t mem = test_malloc_bytes();

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_ring_na,nodeaction=na_a:0:CREATE,"
			"nodeaction=na_b:0:CREATE", &port), 0);
	assert_int_equal(rte_eth_dev_count_avail(), 2);
	assert_int_equal(rte_eth_dev_get_port_by_name("na_a", &a), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("na_b", &b), 0);
	assert_int_equal(port, a);
	assert_ptr_equal(rte_eth_devices[a].device, rte_eth_devices[b].device);
	test_port_up(a, 1, pool);
	test_port_up(b, 1, pool);
	assert_int_equal(rte_eth_dev_stop(a), 0);
	assert_int_equal(rte_eth_dev_stop(b), 0);
	assert_int_equal(rte_eth_dev_close(a), 0);
	assert_int_equal(rte_eth_dev_close(b), 0);
	assert_int_equal(rte_eth_dev_detach(b, devname), 0);
	assert_string_equal(devname, "net_ring_na");
	/* Neither port stays listed (DPDK 22.11 keeps them). */
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	RTE_ETH_FOREACH_DEV(p)
		fail();
	assert_int_equal(rte_eth_dev_get_port_by_name("na_a", &p), -ENODEV);
	assert_null(rte_ring_lookup("ETH_RXTX0_na_a"));

	/* Refusals leave nothing: bad syntax, bad action, missing ring, duplicate name. */
	assert_int_equal(rte_eth_dev_attach("net_ring_na,nodeaction=x", &port), -EINVAL);
	assert_int_equal(rte_eth_dev_attach("net_ring_na,nodeaction=x:0:DESTROY", &port),
			-EINVAL);
	assert_int_equal(rte_eth_dev_attach("net_ring_na,nodeaction=x:zero:CREATE", &port),
			-EINVAL);
	assert_int_equal(rte_eth_dev_attach("net_ring_na,nodeaction=na_ok:0:CREATE,"
			"nodeaction=na_missing:0:ATTACH", &port), -ENOENT);
	assert_int_equal(rte_eth_dev_attach("net_ring_na,nodeaction=dup:0:CREATE,"
			"nodeaction=dup:0:CREATE", &port), -EEXIST);
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	assert_null(rte_ring_lookup("ETH_RXTX0_na_ok"));
	assert_null(rte_ring_lookup("ETH_RXTX0_dup"));
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), nvirt);
	assert_int_equal(test_malloc_bytes(), mem);
}

static void
test_from_rings(void **state)
{
	struct rte_ring *rx[2], *tx[2];
	struct rte_mbuf *m[8], *r[8];
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_eth_stats st;
	int port;
	unsigned int i;

	(void)state;
	rx[0] = rte_ring_create("fr_rx0", 64, SOCKET_ID_ANY, 0);
	rx[1] = rte_ring_create("fr_rx1", 64, SOCKET_ID_ANY, 0);
	tx[0] = rte_ring_create("fr_tx0", 64, SOCKET_ID_ANY, 0);
	tx[1] = rte_ring_create("fr_tx1", 8, SOCKET_ID_ANY, RING_F_EXACT_SZ);
	for (i = 0; i < 2; i++) {
		assert_non_null(rx[i]);
		assert_non_null(tx[i]);
	}
	rte_errno = 0;
	assert_int_equal(rte_eth_from_rings("net_ring_fr", NULL, 1, tx, 1, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_eth_from_rings("net_ring_fr", rx, 0, tx, 1, 0), -1);
	assert_int_equal(rte_eth_from_rings("net_ring_fr", rx, 17, tx, 1, 0), -1);
	assert_int_equal(rte_eth_dev_count_avail(), 0);

	port = rte_eth_from_rings("net_ring_fr", rx, 2, tx, 2, 0);
	assert_true(port >= 0);
	assert_int_equal(rte_eth_from_rings("net_ring_fr", rx, 2, tx, 2, 0), -1);
	test_port_up((uint16_t)port, 2, pool);
	/* What the application puts in rx ring 1 comes out of rx queue 1. */
	test_fill(pool, m, 5, 64, 7);
	assert_int_equal(rte_ring_enqueue_burst(rx[1], (void **)m, 5, NULL), 5);
	assert_int_equal(rte_eth_rx_burst((uint16_t)port, 0, r, 8), 0);
	assert_int_equal(rte_eth_rx_burst((uint16_t)port, 1, r, 8), 5);
	for (i = 0; i < 5; i++)
		assert_ptr_equal(r[i], m[i]);
	/* tx queue 1's ring holds 8: the rest is refused and counted. */
	test_fill(pool, m + 5, 3, 64, 9);
	assert_int_equal(rte_eth_tx_burst((uint16_t)port, 1, r, 5), 5);
	assert_int_equal(rte_eth_tx_burst((uint16_t)port, 1, m + 5, 3), 3);
	test_fill(pool, m, 2, 64, 1);
	assert_int_equal(rte_eth_tx_burst((uint16_t)port, 1, m, 2), 0);
	assert_int_equal(rte_ring_count(tx[1]), 8);
	assert_int_equal(rte_eth_stats_get((uint16_t)port, &st), 0);
	assert_int_equal(st.ipackets, 5);
	assert_int_equal(st.opackets, 8);
	assert_int_equal(st.oerrors, 2);
	rte_pktmbuf_free_bulk(m, 2);
	test_port_remove((uint16_t)port, devname);
	assert_string_equal(devname, "net_ring_fr");
	/* The rings are the application's: still there, still holding the packets. */
	assert_ptr_equal(rte_ring_lookup("fr_tx1"), tx[1]);
	assert_int_equal(rte_ring_dequeue_burst(tx[1], (void **)r, 8, NULL), 8);
	rte_pktmbuf_free_bulk(r, 8);
	for (i = 0; i < 2; i++) {
		rte_ring_free(rx[i]);
		rte_ring_free(tx[i]);
	}
}

static void
test_from_ring(void **state)
{
	struct rte_ring *ring = rte_ring_create("lo", 32, SOCKET_ID_ANY, 0);
	char name[RTE_ETH_NAME_MAX_LEN], devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_mbuf *m[4], *r[4];
	int port;

	(void)state;
	assert_non_null(ring);
	assert_int_equal(rte_eth_from_ring(NULL), -1);
	port = rte_eth_from_ring(ring);
	assert_true(port >= 0);
	assert_int_equal(rte_eth_dev_get_name_by_port((uint16_t)port, name), 0);
	assert_string_equal(name, "net_ring_lo");
	test_port_up((uint16_t)port, 1, pool);
	test_fill(pool, m, 4, 64, 3);
	assert_int_equal(rte_eth_tx_burst((uint16_t)port, 0, m, 4), 4);
	assert_int_equal(rte_eth_rx_burst((uint16_t)port, 0, r, 4), 4);
	assert_memory_equal(r, m, sizeof(m));
	rte_pktmbuf_free_bulk(r, 4);
	test_port_remove((uint16_t)port, devname);
	rte_ring_free(ring);
	assert_int_equal(rte_mempool_in_use_count(pool), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_multiqueue_loopback),
		cmocka_unit_test(test_nodeaction),
		cmocka_unit_test(test_from_rings),
		cmocka_unit_test(test_from_ring),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
