/* SPDX-License-Identifier: BSD-3-Clause */
/* net_null: device arguments, copy and no-rx modes, statistics, no leak over full cycles. */
#include "ethdev_test_util.h"

#include <errno.h>
#include <unistd.h>

#include <rte_errno.h>

#include <rte_devargs.h>
#include <ethdev_driver.h>

static struct rte_mempool *pool;

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_pmd_null", "-l", "0", 4095, 128);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

static void
test_bad_args(void **state)
{
	static const char *const bad[] = {
		"net_null0,size=0", "net_null0,size=-1", "net_null0,size=70000",
		"net_null0,size=12x", "net_null0,copy=2", "net_null0,no-rx=yes",
		"net_null0,copy=1,no-rx=1", "net_null0,speed=10",
	};
	unsigned int nvirt = rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL);
	size_t mem = test_malloc_bytes();
	uint16_t port;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad); i++) {
		assert_int_equal(rte_eth_dev_attach(bad[i], &port), -EINVAL);
		assert_int_equal(rte_eth_dev_count_avail(), 0);
	}
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), nvirt);
	assert_int_equal(test_malloc_bytes(), mem);
}

static void
test_alias_and_size(void **state)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_eth_dev_info info;
	struct rte_mbuf *m[16];
	uint16_t port;
	int i;

	(void)state;
	/* The old driver name still works. */
	assert_int_equal(rte_eth_dev_attach("eth_null0,size=300", &port), 0);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_string_equal(info.driver_name, "net_null");
	test_port_up(port, 1, pool);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 16), 16);
	for (i = 0; i < 16; i++) {
		assert_int_equal(m[i]->pkt_len, 300);
		assert_int_equal(m[i]->data_len, 300);
		assert_int_equal(m[i]->port, port);
	}
	rte_pktmbuf_free_bulk(m, 16);
	test_port_remove(port, devname);
	assert_string_equal(devname, "eth_null0");

	/* Packets larger than the pool's buffers: queue setup refuses. */
	assert_int_equal(rte_eth_dev_attach("net_null0,size=4000", &port), 0);
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port, 0, 64, 0, NULL, pool), -EINVAL);
	assert_null(rte_eth_devices[port].data->rx_queues[0]);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
}

static void
test_modes(void **state)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_mbuf *m[8];
	struct rte_eth_stats st;
	uint16_t port;
	int i, j;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null0,no-rx=1", &port), 0);
	test_port_up(port, 1, pool);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 0);
	test_fill(pool, m, 8, 64, 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 8), 8);
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.ipackets, 0);
	assert_int_equal(st.opackets, 8);
	assert_int_equal(st.obytes, 512);
	test_port_remove(port, devname);

	/* copy=1: received data is the (zeroed) template, whatever the buffer held before. */
	assert_int_equal(rte_eth_dev_attach("net_null0,copy=1,size=80", &port), 0);
	test_port_up(port, 2, pool);
	test_fill(pool, m, 8, 80, 0x55);
	rte_pktmbuf_free_bulk(m, 8);
	assert_int_equal(rte_eth_rx_burst(port, 1, m, 8), 8);
	for (i = 0; i < 8; i++)
		for (j = 0; j < 80; j++)
			assert_int_equal(rte_pktmbuf_mtod(m[i], uint8_t *)[j], 0);
	assert_int_equal(rte_eth_tx_burst(port, 1, m, 8), 8);
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.q_ipackets[1], 8);
	assert_int_equal(st.q_ibytes[1], 640);
	assert_int_equal(st.q_opackets[1], 8);
	assert_int_equal(st.q_ipackets[0], 0);
	assert_int_equal(rte_eth_stats_reset(port), 0);
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.ipackets + st.opackets + st.ibytes + st.obytes, 0);
	test_port_remove(port, devname);
}

/* DPDK 22.11 loses two allocations per cycle here; nothing may be left behind. */
static void
test_full_cycles_no_leak(void **state)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_malloc_socket_stats before, after;
	struct rte_mbuf *m[4];
	uint16_t port;
	int i, fds;
	size_t mem;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null0,copy=1", &port), 0);
	test_port_up(port, 4, pool);
	test_port_remove(port, devname);
	fds = test_count_fds();
	mem = test_malloc_bytes();
	assert_int_equal(rte_malloc_get_socket_stats(0, &before), 0);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(rte_eth_dev_attach("net_null0,copy=1", &port), 0);
		test_port_up(port, 4, pool);
		assert_int_equal(rte_eth_rx_burst(port, 3, m, 4), 4);
		assert_int_equal(rte_eth_tx_burst(port, 2, m, 4), 4);
		test_port_remove(port, devname);
	}
	assert_int_equal(rte_malloc_get_socket_stats(0, &after), 0);
	assert_int_equal(after.alloc_count, before.alloc_count);
	assert_int_equal(test_malloc_bytes(), mem);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(rte_mempool_in_use_count(pool), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_args),
		cmocka_unit_test(test_alias_and_size),
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_full_cycles_no_leak),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
