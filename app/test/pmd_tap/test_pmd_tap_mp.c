/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap in secondary processes. The primary (this program) makes a tap port and starts it;
 * a secondary (this program run again with "--secondary MODE") attaches to it, receives the
 * queue descriptors from the primary and sends and receives through the kernel interface,
 * on more queues than one message carries descriptors. A secondary attaching again gets the
 * queues the primary set up since, and lets the interface go when the primary closes the port.
 * A secondary already running attaches and detaches the ports the primary hotplugs.
 * Errors: a port the primary does not have, and a primary that does not answer, fail the
 * attach and leave no descriptor. Skipped, with the reason, when not root or without
 * /dev/net/tun; the secondaries share the primary's network namespace.
 */
#include "test_common.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/wait.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "tap_test_util.h"

#define PREFIX "pmd_tap_mp"
#define IFACE "mptap0"
#define PORT_NAME "net_tap0"
#define POOL_NAME "tap_mp_pool"
/* More queues than RTE_MP_MAX_FD_NUM descriptors: the secondary needs several messages. */
#define NQ 10
#define NQ_LATER 12
/* The driver's action: unregistered in the primary to play a primary that does not answer. */
#define TAP_MP_ACTION "net_tap_mp_queue_fds"

static const char *skip_reason;
static struct rte_mempool *pool;
static char self[4096];

#define CHECK TEST_PEER_CHECK

#define SKIP_IF_NEEDED() do { \
	if (skip_reason != NULL) { \
		print_message("SKIPPED: %s\n", skip_reason); \
		skip(); \
	} \
} while (0)

static int
eal_up(const char *type)
{
	const char *args[] = { "prog", "--file-prefix=" PREFIX, "--no-pci", "--no-huge", "-l", "0",
		"--log-level=pmd.net.tap:info", type, NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

/* ---- the secondary ---- */

/* One byte to the primary, or from it (within 10 s). */
static int
sig_send(int fd, char c)
{
	return write(fd, &c, 1) == 1 ? 0 : -1;
}

static int
sig_wait(int fd, char c)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char got;

	if (poll(&p, 1, 10000) != 1 || read(fd, &got, 1) != 1)
		return -1;
	return got == c ? 0 : -1;
}

/* Wait up to 3 s for this process to hold want descriptors (a push being taken). */
static int
wait_fds(int want)
{
	int i;

	for (i = 0; i < 300; i++) {
		if (test_count_fds() == want)
			return 0;
		usleep(10000);
	}
	return -1;
}

/* Send count test frames on queue q, flows 0..count-1. */
static int
send_on(uint16_t port, uint16_t q, unsigned int count, uint32_t seq0)
{
	unsigned int i, tries;

	for (i = 0; i < count; i++) {
		struct rte_mbuf *m = tt_frame(pool, 64 + i * 10, i, seq0 + i);

		if (m == NULL)
			return -1;
		for (tries = 0; rte_eth_tx_burst(port, q, &m, 1) == 0; tries++) {
			if (tries == 1000) {
				rte_pktmbuf_free(m);
				return -1;
			}
			usleep(100);
		}
	}
	return 0;
}

/* Traffic both ways through the primary's port, then a detach that closes our descriptors. */
static int
secondary_traffic(void)
{
	struct rte_eth_dev_info info;
	struct rte_eth_stats st;
	uint16_t port;
	unsigned int i;
	int raw, fds;

	CHECK(eal_up("--proc-type=secondary") >= 0);
	CHECK(rte_eth_dev_get_port_by_name(PORT_NAME, &port) == 0);
	pool = rte_mempool_lookup(POOL_NAME);
	CHECK(pool != NULL);
	CHECK(rte_eth_dev_info_get(port, &info) == 0 && info.if_index == if_nametoindex(IFACE));
	raw = tt_raw_socket(IFACE);
	CHECK(raw >= 0);
	/* Ours reach the kernel interface, on the first queue and on one of the second message. */
	CHECK(send_on(port, 0, 40, 0) == 0);
	CHECK(send_on(port, NQ - 1, 40, 100) == 0);
	CHECK(tt_raw_receive(raw, 80, 3000) == 80);
	/* The kernel's reach us, over whichever queues it picks for the flows. */
	for (i = 0; i < 100; i++)
		CHECK(tt_raw_send(raw, 100, i, 1000 + i) == 0);
	CHECK(tt_receive(port, NQ, 100, 3000, NULL) == 100);
	CHECK(rte_eth_stats_get(port, &st) == 0 && st.opackets >= 80 && st.ipackets >= 100);
	close(raw);
	/* Stopping is the primary's: the port stays started. */
	CHECK(rte_eth_dev_stop(port) == -ENOTSUP);
	CHECK(rte_eth_dev_configure(port, 1, 1, &(struct rte_eth_conf){ 0 }) < 0);

	/* A port the primary does not have: refused, nothing left. */
	fds = test_count_fds();
	CHECK(rte_vdev_init("net_tap7", "iface=mpnone") != 0);
	CHECK(rte_eth_dev_count_avail() == 1);
	CHECK(test_count_fds() == fds);

	/* Detaching closes our NQ duplicates; the primary keeps its port. */
	CHECK(rte_vdev_uninit(PORT_NAME) == 0);
	CHECK(test_count_fds() == fds - NQ);
	CHECK(rte_eth_dev_count_avail() == 0);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

/*
 * Attached while the port has 2 queues; the primary restarts it with NQ_LATER, and attaching
 * again gives us the new ones; the primary closes it and we let go of every queue, so the
 * interface can go.
 */
static int
secondary_follow(int rfd, int wfd)
{
	uint16_t port;
	int raw, base;

	CHECK(eal_up("--proc-type=secondary") >= 0);
	CHECK(rte_eth_dev_get_port_by_name(PORT_NAME, &port) == 0);
	pool = rte_mempool_lookup(POOL_NAME);
	CHECK(pool != NULL);
	base = test_count_fds() - 2;
	CHECK(sig_send(wfd, 'a') == 0);
	CHECK(sig_wait(rfd, 'b') == 0);
	CHECK(rte_vdev_uninit(PORT_NAME) == 0);
	CHECK(test_count_fds() == base);
	CHECK(rte_vdev_init(PORT_NAME, "iface=" IFACE) == 0);
	CHECK(rte_eth_dev_get_port_by_name(PORT_NAME, &port) == 0);
	CHECK(test_count_fds() == base + NQ_LATER);
	raw = tt_raw_socket(IFACE);
	CHECK(raw >= 0);
	CHECK(send_on(port, NQ_LATER - 1, 20, 0) == 0);
	CHECK(tt_raw_receive(raw, 20, 3000) == 20);
	close(raw);
	CHECK(sig_send(wfd, 'c') == 0);
	CHECK(sig_wait(rfd, 'd') == 0);
	/* The primary's close reaches us on the IPC thread. */
	CHECK(wait_fds(base) == 0);
	CHECK(rte_vdev_uninit(PORT_NAME) == 0);
	CHECK(sig_send(wfd, 'e') == 0);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

/*
 * Already running when the primary hotplugs a port: EAL attaches it here too (on a thread of
 * its own, so the driver's request to the primary can be answered), and detaches it with the
 * primary's.
 */
static int
secondary_hotplug(int rfd, int wfd)
{
	uint16_t port;

	CHECK(eal_up("--proc-type=secondary") >= 0);
	CHECK(rte_eth_dev_count_avail() == 0);
	CHECK(sig_send(wfd, 'a') == 0);
	CHECK(sig_wait(rfd, 'b') == 0);
	CHECK(rte_eth_dev_get_port_by_name("net_tap1", &port) == 0);
	CHECK(sig_send(wfd, 'c') == 0);
	CHECK(sig_wait(rfd, 'd') == 0);
	CHECK(rte_eth_dev_count_avail() == 0);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

/* The primary does not answer: the port is not attached, and nothing is left open. */
static int
secondary_no_answer(void)
{
	CHECK(eal_up("--proc-type=secondary") >= 0);
	CHECK(rte_eth_dev_count_avail() == 0);
	/* Once more after EAL is up, counting descriptors around it. */
	{
		int fds = test_count_fds();

		CHECK(rte_vdev_init(PORT_NAME, "iface=" IFACE) != 0);
		CHECK(rte_eth_dev_count_avail() == 0);
		CHECK(test_count_fds() == fds);
	}
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

/* ---- the primary ---- */

static pid_t
spawn(const char *mode, int rfd, int wfd)
{
	char r[16], w[16];
	pid_t pid;

	snprintf(r, sizeof(r), "%d", rfd);
	snprintf(w, sizeof(w), "%d", wfd);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		execl(self, "test_pmd_tap_mp", "--secondary", mode, r, w, (char *)NULL);
		_exit(127);
	}
	return pid;
}

static int
reap(pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static uint16_t
make_port(uint16_t nq)
{
	uint16_t port;

	assert_int_equal(rte_vdev_init(PORT_NAME, "iface=" IFACE), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name(PORT_NAME, &port), 0);
	assert_int_equal(pt_port_start(port, nq, 0, pool), 0);
	return port;
}

static void
test_secondary_traffic(void **state)
{
	struct rte_eth_stats st;
	uint16_t port;
	int raw;

	(void)state;
	SKIP_IF_NEEDED();
	port = make_port(NQ);
	assert_int_equal(rte_eth_stats_reset(port), 0);
	/* Twice: a second secondary attaches the same way after the first left. */
	assert_int_equal(reap(spawn("traffic", -1, -1)), 0);
	assert_int_equal(reap(spawn("traffic", -1, -1)), 0);
	/* The counters are shared; the port is still the primary's and works. */
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_true(st.opackets >= 160 && st.ipackets >= 200);
	raw = tt_raw_socket(IFACE);
	assert_true(raw >= 0);
	assert_int_equal(send_on(port, 3, 10, 0), 0);
	assert_int_equal(tt_raw_receive(raw, 10, 3000), 10);
	close(raw);
	assert_int_equal(pt_port_remove(port), 0);
	assert_false(tt_if_exists(IFACE));
}

static void
test_secondary_follows_primary(void **state)
{
	int to_sec[2], from_sec[2];
	uint16_t port;
	pid_t pid;

	(void)state;
	SKIP_IF_NEEDED();
	port = make_port(2);
	assert_int_equal(pipe(to_sec), 0);
	assert_int_equal(pipe(from_sec), 0);
	pid = spawn("follow", to_sec[0], from_sec[1]);
	assert_true(pid > 0);
	assert_int_equal(sig_wait(from_sec[0], 'a'), 0);
	/* More queues: the secondary attaches again to get them. */
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(pt_port_start(port, NQ_LATER, 0, pool), 0);
	assert_int_equal(sig_send(to_sec[1], 'b'), 0);
	assert_int_equal(sig_wait(from_sec[0], 'c'), 0);
	/* Closed here: the secondary lets go too, and the interface goes with the last one. */
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(sig_send(to_sec[1], 'd'), 0);
	assert_int_equal(sig_wait(from_sec[0], 'e'), 0);
	assert_false(tt_if_exists(IFACE));
	assert_int_equal(reap(pid), 0);
	close(to_sec[0]);
	close(to_sec[1]);
	close(from_sec[0]);
	close(from_sec[1]);
	assert_int_equal(rte_vdev_uninit(PORT_NAME), 0);
}

static void
test_hotplug_with_secondary(void **state)
{
	int to_sec[2], from_sec[2];
	pid_t pid;

	(void)state;
	SKIP_IF_NEEDED();
	assert_int_equal(pipe(to_sec), 0);
	assert_int_equal(pipe(from_sec), 0);
	pid = spawn("hotplug", to_sec[0], from_sec[1]);
	assert_true(pid > 0);
	assert_int_equal(sig_wait(from_sec[0], 'a'), 0);
	assert_int_equal(rte_dev_probe("net_tap1,iface=mptap1"), 0);
	assert_int_equal(sig_send(to_sec[1], 'b'), 0);
	assert_int_equal(sig_wait(from_sec[0], 'c'), 0);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_tap1"), 0);
	assert_int_equal(sig_send(to_sec[1], 'd'), 0);
	assert_int_equal(reap(pid), 0);
	assert_false(tt_if_exists("mptap1"));
	close(to_sec[0]);
	close(to_sec[1]);
	close(from_sec[0]);
	close(from_sec[1]);
}

static void
test_primary_does_not_answer(void **state)
{
	uint64_t start;
	uint16_t port;

	(void)state;
	SKIP_IF_NEEDED();
	port = make_port(1);
	rte_mp_action_unregister(TAP_MP_ACTION);
	start = rte_get_timer_cycles();
	assert_int_equal(reap(spawn("noanswer", -1, -1)), 0);
	print_message("secondary without answer took %.1f s\n",
		(double)(rte_get_timer_cycles() - start) / rte_get_timer_hz());
	assert_int_equal(pt_port_remove(port), 0);
	/* The next port registers the action again: secondaries attach as before. */
	port = make_port(NQ);
	assert_int_equal(reap(spawn("traffic", -1, -1)), 0);
	assert_int_equal(pt_port_remove(port), 0);
}

static int
setup(void **state)
{
	(void)state;
	skip_reason = tt_make_network();
	if (eal_up("--proc-type=primary") < 0)
		return -1;
	pool = rte_pktmbuf_pool_create(POOL_NAME, 4095, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
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
		cmocka_unit_test(test_secondary_traffic),
		cmocka_unit_test(test_secondary_follows_primary),
		cmocka_unit_test(test_hotplug_with_secondary),
		cmocka_unit_test(test_primary_does_not_answer),
	};
	ssize_t n;

	if (argc == 5 && strcmp(argv[1], "--secondary") == 0) {
		if (strcmp(argv[2], "traffic") == 0)
			return secondary_traffic();
		if (strcmp(argv[2], "follow") == 0)
			return secondary_follow(atoi(argv[3]), atoi(argv[4]));
		if (strcmp(argv[2], "hotplug") == 0)
			return secondary_hotplug(atoi(argv[3]), atoi(argv[4]));
		if (strcmp(argv[2], "noanswer") == 0)
			return secondary_no_answer();
		return 2;
	}
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 1;
	self[n] = '\0';
	return cmocka_run_group_tests_name("pmd_tap_mp", tests, setup, teardown);
}
