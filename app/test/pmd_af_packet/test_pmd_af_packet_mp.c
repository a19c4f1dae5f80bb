/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_packet in a secondary process: the control path only. The primary (this program)
 * makes ports on the two ends of a veth pair and sends between them; a secondary (this
 * program run again with "--secondary") attaches to them, reads their information, link and
 * the primary's counters, and its bursts move nothing (the rings are mapped in the primary
 * only) without harming the primary's port, which works on after the secondary left. A port
 * the primary does not have is refused. Skipped, with the reason, when not root or without
 * network namespaces.
 */
#include "test_common.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/wait.h>

#include <rte_bus_vdev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "afp_test_util.h"

#define PREFIX "pmd_af_packet_mp"
#define POOL_NAME "afp_mp_pool"
#define SENT 50

static const char *skip_reason;
static struct rte_mempool *pool;
static char self[4096];

#define CHECK TEST_PEER_CHECK

static int
eal_up(const char *type)
{
	const char *args[] = { "prog", "--file-prefix=" PREFIX, "--no-pci", "--no-huge", "-l", "0",
		type, NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

static int
secondary_main(void)
{
	struct rte_eth_dev_info info;
	struct rte_eth_stats sa, sb;
	struct rte_eth_link link;
	struct rte_mbuf *m[4];
	uint16_t a, b;
	int fds;

	CHECK(eal_up("--proc-type=secondary") >= 0);
	CHECK(rte_eth_dev_get_port_by_name("net_af_packet_a", &a) == 0);
	CHECK(rte_eth_dev_get_port_by_name("net_af_packet_b", &b) == 0);
	pool = rte_mempool_lookup(POOL_NAME);
	CHECK(pool != NULL);
	CHECK(rte_eth_dev_info_get(a, &info) == 0 && info.if_index == if_nametoindex("mpafa"));
	CHECK(rte_eth_link_get_nowait(a, &link) == 0 && link.link_status == RTE_ETH_LINK_UP);
	/* The primary's counters, as it left them. */
	CHECK(rte_eth_stats_get(a, &sa) == 0 && rte_eth_stats_get(b, &sb) == 0);
	CHECK(sa.opackets == SENT && sb.ipackets == SENT && sa.obytes == sb.ibytes);
	/* No rings here: nothing received, nothing taken for sending. */
	CHECK(rte_eth_rx_burst(b, 0, m, RTE_DIM(m)) == 0);
	m[0] = at_frame(pool, 100, 0, 0);
	CHECK(m[0] != NULL);
	CHECK(rte_eth_tx_burst(a, 0, m, 1) == 0);
	rte_pktmbuf_free(m[0]);
	CHECK(rte_eth_stats_get(a, &sa) == 0 && sa.opackets == SENT && sa.oerrors == 0);
	/* Stopping is the primary's: the port stays started. */
	CHECK(rte_eth_dev_stop(a) == -ENOTSUP);
	/* A port the primary does not have. */
	fds = test_count_fds();
	CHECK(rte_vdev_init("net_af_packet_c", "iface=mpafa") != 0);
	CHECK(test_count_fds() == fds);
	CHECK(rte_eth_dev_count_avail() == 2);
	CHECK(rte_vdev_uninit("net_af_packet_a") == 0);
	CHECK(rte_vdev_uninit("net_af_packet_b") == 0);
	CHECK(rte_eth_dev_count_avail() == 0);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

static int
run_secondary(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		execl(self, "test_pmd_af_packet_mp", "--secondary", (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void
send_frames(uint16_t port, unsigned int count, uint32_t seq0)
{
	unsigned int i;

	for (i = 0; i < count; i++) {
		struct rte_mbuf *m = at_frame(pool, 64 + i, 0, seq0 + i);

		assert_non_null(m);
		while (rte_eth_tx_burst(port, 0, &m, 1) == 0)
			usleep(100);
	}
}

static void
test_secondary_control_path(void **state)
{
	struct rte_eth_stats sa;
	uint16_t a, b;

	(void)state;
	if (skip_reason != NULL) {
		print_message("SKIPPED: %s\n", skip_reason);
		skip();
	}
	assert_int_equal(rte_vdev_init("net_af_packet_a", "iface=mpafa"), 0);
	assert_int_equal(rte_vdev_init("net_af_packet_b", "iface=mpafb"), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_af_packet_a", &a), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_af_packet_b", &b), 0);
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(pt_port_start(b, 1, 0, pool), 0);
	assert_int_equal(rte_eth_stats_reset(a), 0);
	assert_int_equal(rte_eth_stats_reset(b), 0);
	send_frames(a, SENT, 0);
	assert_int_equal(at_receive(b, 1, SENT, 3000, NULL), SENT);
	assert_int_equal(run_secondary(), 0);
	/* Still the primary's, and working. */
	send_frames(a, 10, SENT);
	assert_int_equal(at_receive(b, 1, 10, 3000, NULL), 10);
	assert_int_equal(rte_eth_stats_get(a, &sa), 0);
	assert_int_equal(sa.opackets, SENT + 10);
	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_port_remove(b), 0);
}

static int
setup(void **state)
{
	static const char *const ifs[] = { "mpafa", "mpafb" };

	(void)state;
	skip_reason = at_make_network(ifs, RTE_DIM(ifs));
	if (eal_up("--proc-type=primary") < 0)
		return -1;
	pool = rte_pktmbuf_pool_create(POOL_NAME, 2047, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	rte_eal_cleanup();
	return 0;
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_secondary_control_path),
	};
	ssize_t n;

	if (argc == 2 && strcmp(argv[1], "--secondary") == 0)
		return secondary_main();
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 1;
	self[n] = '\0';
	return cmocka_run_group_tests_name("pmd_af_packet_mp", tests, setup, teardown);
}
