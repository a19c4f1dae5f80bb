/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ports seen by secondary processes. The primary (this program) makes net_ring and net_null
 * ports and starts them; a secondary (this program run again with "--secondary") attaches to
 * them through the vdev bus, finds the same port ids and names, sends on a queue of the
 * primary's ring port and receives what the primary sent, closes both ports and leaves: the
 * primary's ports keep their queues, link and state, and keep working. Errors: a secondary cannot make ports of its own.
 */
#include "test_common.h"
#include "ethdev_test_util.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>

#define PREFIX "test_mp_ports"
#define BURST 8

static int
eal_up(const char *type)
{
	const char *args[] = { "prog", "--file-prefix=" PREFIX, "--no-pci", "--no-huge", "-l", "0",
		"-d", TEST_RING_PMD, "-d", TEST_NULL_PMD, type, NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

#define CHECK TEST_PEER_CHECK

/* BURST mbufs of pool whose first byte is tag. */
static int
make_burst(struct rte_mempool *pool, struct rte_mbuf **m, uint8_t tag)
{
	unsigned int i;

	if (rte_pktmbuf_alloc_bulk(pool, m, BURST) != 0)
		return -1;
	for (i = 0; i < BURST; i++) {
		char *p = rte_pktmbuf_append(m[i], 64);

		memset(p, tag, 64);
	}
	return 0;
}

static int
burst_tagged(struct rte_mbuf **m, uint16_t n, uint8_t tag)
{
	uint16_t i;
	int ok = n == BURST;

	for (i = 0; i < n; i++) {
		ok &= *rte_pktmbuf_mtod(m[i], uint8_t *) == tag;
		rte_pktmbuf_free(m[i]);
	}
	return ok;
}

static int
secondary_main(void)
{
	struct rte_mbuf *m[BURST * 2];
	struct rte_eth_stats st;
	struct rte_mempool *pool;
	uint16_t ring_port, null_port;
	char name[RTE_ETH_NAME_MAX_LEN];

	CHECK(eal_up("--proc-type=secondary") >= 0);
	CHECK(rte_eth_dev_count_avail() == 2);
	CHECK(rte_eth_dev_get_port_by_name("net_ring0", &ring_port) == 0);
	CHECK(rte_eth_dev_get_port_by_name("net_null0", &null_port) == 0);
	CHECK(rte_eth_dev_get_name_by_port(ring_port, name) == 0 && strcmp(name, "net_ring0") == 0);
	pool = rte_mempool_lookup("mp_ports_pool");
	CHECK(pool != NULL);
	/* What the primary sent on queue 0 comes back there (the rings loop). */
	CHECK(burst_tagged(m, rte_eth_rx_burst(ring_port, 0, m, BURST * 2), 0x11));
	/* Queue 1 is ours: the primary reads it after we exit. */
	CHECK(make_burst(pool, m, 0x22) == 0);
	CHECK(rte_eth_tx_burst(ring_port, 1, m, BURST) == BURST);
	CHECK(rte_eth_rx_burst(null_port, 1, m, BURST) == BURST);
	rte_pktmbuf_free_bulk(m, BURST);
	CHECK(rte_eth_stats_get(ring_port, &st) == 0 && st.opackets >= 2 * BURST);
	/* No ports of its own. */
	CHECK(rte_vdev_init("net_null9", NULL) != 0);
	CHECK(rte_eth_dev_count_avail() == 2);
	/* Closing ends this process's use of the ports only: the primary's queues stay. */
	CHECK(rte_eth_dev_close(ring_port) == 0);
	CHECK(rte_eth_dev_close(null_port) == 0);
	CHECK(rte_eth_rx_burst(null_port, 0, m, BURST) == 0);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

/* Steps of the reconfigure scenario, in a memzone both processes see. */
#define SYNC_MZ "mp_ports_sync"
enum { SYNC_START, SYNC_ATTACHED, SYNC_RECONFIGURED };
#define RECONF_QUEUES 4

static int
wait_step(volatile uint32_t *step, uint32_t want)
{
	unsigned int i;

	for (i = 0; i < 1000 && *step != want; i++)
		usleep(10 * 1000);
	return *step == want ? 0 : -1;
}

/* Attached with 2 queues, sends on the last of the RECONF_QUEUES the primary then makes. */
static int
secondary_reconf(void)
{
	const struct rte_memzone *mz;
	struct rte_mbuf *m[BURST];
	struct rte_mempool *pool;
	struct rte_eth_dev_info info;
	uint16_t port;

	CHECK(eal_up("--proc-type=secondary") >= 0);
	mz = rte_memzone_lookup(SYNC_MZ);
	pool = rte_mempool_lookup("mp_ports_pool");
	CHECK(mz != NULL && pool != NULL);
	CHECK(rte_eth_dev_get_port_by_name("net_ring0", &port) == 0);
	CHECK(rte_eth_dev_info_get(port, &info) == 0 && info.nb_tx_queues == 2);
	*(volatile uint32_t *)mz->addr = SYNC_ATTACHED;
	CHECK(wait_step(mz->addr, SYNC_RECONFIGURED) == 0);
	CHECK(rte_eth_dev_info_get(port, &info) == 0 && info.nb_tx_queues == RECONF_QUEUES);
	CHECK(make_burst(pool, m, 0x33) == 0);
	CHECK(rte_eth_tx_burst(port, RECONF_QUEUES - 1, m, BURST) == BURST);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

static pid_t
start_secondary(const char *scenario)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		execl("/proc/self/exe", "test_mp_ports", "--secondary", scenario, (char *)NULL);
		_exit(127);
	}
	return pid;
}

static int
wait_secondary(pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int
run_secondary(void)
{
	return wait_secondary(start_secondary("share"));
}

static void
test_ports_shared(void **state)
{
	struct rte_mbuf *m[BURST * 2];
	struct rte_eth_dev_info info;
	struct rte_mempool *pool;
	struct rte_eth_link link;
	uint16_t ring_port, null_port;
	int round;

	RTE_SET_USED(state);
	assert_true(eal_up("--proc-type=primary") >= 0);
	pool = rte_pktmbuf_pool_create("mp_ports_pool", 1023, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	assert_non_null(pool);
	assert_int_equal(rte_vdev_init("net_null0", NULL), 0);
	assert_int_equal(rte_vdev_init("net_ring0", NULL), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_ring0", &ring_port), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_null0", &null_port), 0);
	test_port_up(ring_port, 2, pool);
	test_port_up(null_port, 2, pool);
	for (round = 0; round < 2; round++) {
		assert_int_equal(make_burst(pool, m, 0x11), 0);
		assert_int_equal(rte_eth_tx_burst(ring_port, 0, m, BURST), BURST);
		assert_int_equal(run_secondary(), 0);
		/* The secondary's packets, and the ports still ours after it closed them. */
		assert_true(burst_tagged(m, rte_eth_rx_burst(ring_port, 1, m, BURST * 2), 0x22));
		assert_int_equal(rte_eth_dev_count_avail(), 2);
		assert_int_equal(rte_eth_rx_burst(null_port, 1, m, BURST), BURST);
		rte_pktmbuf_free_bulk(m, BURST);
		assert_int_equal(rte_eth_dev_info_get(null_port, &info), 0);
		assert_int_equal(info.nb_rx_queues, 2);
		assert_int_equal(rte_eth_link_get_nowait(ring_port, &link), 0);
		assert_int_equal(link.link_status, RTE_ETH_LINK_UP);
	}
	assert_int_equal(rte_eth_dev_stop(ring_port), 0);
	assert_int_equal(rte_eth_dev_stop(null_port), 0);
	assert_int_equal(rte_eth_dev_close(ring_port), 0);
	assert_int_equal(rte_eth_dev_close(null_port), 0);
	assert_int_equal(rte_vdev_uninit("net_ring0"), 0);
	assert_int_equal(rte_vdev_uninit("net_null0"), 0);
	rte_mempool_free(pool);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_reconfigure_seen(void **state)
{
	const struct rte_memzone *mz;
	struct rte_mbuf *m[BURST * 2];
	struct rte_mempool *pool;
	uint16_t port;
	pid_t pid;

	RTE_SET_USED(state);
	assert_true(eal_up("--proc-type=primary") >= 0);
	pool = rte_pktmbuf_pool_create("mp_ports_pool", 1023, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	mz = rte_memzone_reserve(SYNC_MZ, sizeof(uint32_t), SOCKET_ID_ANY, 0);
	assert_non_null(pool);
	assert_non_null(mz);
	*(volatile uint32_t *)mz->addr = SYNC_START;
	assert_int_equal(rte_vdev_init("net_ring0", NULL), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_ring0", &port), 0);
	test_port_up(port, 2, pool);
	pid = start_secondary("reconf");
	assert_int_equal(wait_step(mz->addr, SYNC_ATTACHED), 0);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	test_port_up(port, RECONF_QUEUES, pool);
	*(volatile uint32_t *)mz->addr = SYNC_RECONFIGURED;
	assert_int_equal(wait_secondary(pid), 0);
	/* The ring loops: what the secondary sent on the new queue comes back on it here. */
	assert_true(burst_tagged(m, rte_eth_rx_burst(port, RECONF_QUEUES - 1, m, BURST * 2),
		0x33));
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_vdev_uninit("net_ring0"), 0);
	assert_int_equal(rte_memzone_free(mz), 0);
	rte_mempool_free(pool);
	assert_int_equal(rte_eal_cleanup(), 0);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ports_shared),
		cmocka_unit_test(test_reconfigure_seen),
	};

	if (argc == 3 && strcmp(argv[1], "--secondary") == 0 && strcmp(argv[2], "reconf") == 0)
		return secondary_reconf();
	if (argc == 3 && strcmp(argv[1], "--secondary") == 0)
		return secondary_main();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
