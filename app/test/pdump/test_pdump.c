/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_pdump: error paths of every call, capture served inside the primary (counts, snap
 * length, ring full, pool empty), and capture by a secondary process (this program run again
 * with "--secondary <scenario> <read fd> <write fd>"): the secondary enables a capture of the
 * primary's net_ring port, the primary sends and receives, the secondary finds every packet
 * in its ring as a pcapng block, and the counters agree. A secondary of a primary that did not
 * call rte_pdump_init() is refused at once.
 */
#include "test_common.h"
#include "ethdev_test_util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_pcapng.h>
#include <rte_pdump.h>
#include <rte_ring.h>

#define PREFIX "test_pdump"
#define BURST 8
#define CHECK TEST_PEER_CHECK

static struct rte_mempool *pool;
static uint16_t ring_port, null_port;

static int
eal_up(const char *type)
{
	const char *args[] = { "prog", "--file-prefix=" PREFIX, "--no-pci", "--no-huge", "-l", "0",
		"-d", TEST_RING_PMD, "-d", TEST_NULL_PMD, "--log-level=lib.pdump:debug", type,
		NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

static int
make_burst(struct rte_mempool *mp, struct rte_mbuf **m, unsigned int n, uint8_t tag)
{
	unsigned int i;

	if (rte_pktmbuf_alloc_bulk(mp, m, n) != 0)
		return -1;
	for (i = 0; i < n; i++)
		memset(rte_pktmbuf_append(m[i], 100), tag, 100);
	return 0;
}

/* Send BURST packets on the ring port's queue 0 and receive them back (the rings loop). */
static unsigned int
loop_burst(uint8_t tag)
{
	struct rte_mbuf *m[BURST];
	unsigned int n;

	if (make_burst(pool, m, BURST, tag) != 0)
		return 0;
	n = rte_eth_tx_burst(ring_port, 0, m, BURST);
	rte_pktmbuf_free_bulk(&m[n], BURST - n);
	n = rte_eth_rx_burst(ring_port, 0, m, BURST);
	rte_pktmbuf_free_bulk(m, n);
	return n;
}

static unsigned int
drain(struct rte_ring *r, uint8_t tag, uint32_t len)
{
	struct rte_mbuf *m;
	unsigned int n = 0;

	while (rte_ring_dequeue(r, (void **)&m) == 0) {
		if (len == 0 || (rte_pktmbuf_pkt_len(m) == len &&
				*rte_pktmbuf_mtod(m, uint8_t *) == tag))
			n++;
		rte_pktmbuf_free(m);
	}
	return n;
}

/* ---- secondary ---- */

static int
peer_wait(int fd)
{
	char c;

	return read(fd, &c, 1) == 1 ? 0 : -1;
}

static int
peer_post(int fd)
{
	return write(fd, "x", 1) == 1 ? 0 : -1;
}

static int
secondary_capture(int rfd, int wfd)
{
	struct rte_pdump_stats st0, st;
	struct rte_mempool *mp;
	struct rte_ring *r;
	char name[] = "net_ring0";
	const struct rte_bpf_prm *fake = (const void *)&st;
	unsigned int n;

	CHECK(eal_up("--proc-type=secondary") >= 0);
	CHECK(rte_eth_dev_get_port_by_name("net_ring0", &ring_port) == 0);
	r = rte_ring_create("pdump_sec_ring", 64, SOCKET_ID_ANY, RING_F_SC_DEQ);
	mp = rte_pktmbuf_pool_create("pdump_sec_pool", 127, 0, 0, rte_pcapng_mbuf_size(256),
		SOCKET_ID_ANY);
	CHECK(r != NULL && mp != NULL);
	/* errors as seen from a secondary */
	CHECK(rte_pdump_disable(ring_port, 0, RTE_PDUMP_FLAG_RX) == -EINVAL);
	CHECK(rte_pdump_enable(ring_port, 9, RTE_PDUMP_FLAG_RX, r, mp, NULL) == -EINVAL);
	CHECK(rte_pdump_enable(RTE_MAX_ETHPORTS - 1, 0, RTE_PDUMP_FLAG_RX, r, mp, NULL) ==
		-EINVAL);
	CHECK(rte_pdump_enable_bpf(ring_port, 0, RTE_PDUMP_FLAG_RX, 0, r, mp, fake) ==
		-ENOTSUP && rte_errno == ENOTSUP);
	/* counters run since rte_pdump_init() in the primary */
	CHECK(rte_pdump_stats(ring_port, &st0) == 0);
	CHECK(rte_pdump_enable_bpf_by_deviceid(name, RTE_PDUMP_ALL_QUEUES,
		RTE_PDUMP_FLAG_RXTX | RTE_PDUMP_FLAG_PCAPNG, 0, r, mp, NULL) == 0);
	CHECK(rte_pdump_enable_by_deviceid(name, 0, RTE_PDUMP_FLAG_RX, r, mp, NULL) == -EEXIST);
	CHECK(peer_post(wfd) == 0 && peer_wait(rfd) == 0);
	/* the primary sent BURST and received them: 2 * BURST pcapng blocks */
	n = 0;
	while (n < 2 * BURST) {
		struct rte_mbuf *m;

		CHECK(rte_ring_dequeue(r, (void **)&m) == 0);
		/* a block is larger than the packet: header, packet, options */
		CHECK(rte_pktmbuf_pkt_len(m) > 100);
		rte_pktmbuf_free(m);
		n++;
	}
	CHECK(rte_ring_count(r) == 0);
	CHECK(rte_pdump_stats(ring_port, &st) == 0);
	CHECK(st.accepted - st0.accepted == 2 * BURST && st.nombuf == st0.nombuf &&
		st.ringfull == st0.ringfull && st.filtered == 0);
	CHECK(rte_pdump_disable_by_deviceid(name, RTE_PDUMP_ALL_QUEUES, RTE_PDUMP_FLAG_RXTX) == 0);
	CHECK(rte_pdump_disable(ring_port, RTE_PDUMP_ALL_QUEUES, RTE_PDUMP_FLAG_RXTX) == -EINVAL);
	CHECK(peer_post(wfd) == 0 && peer_wait(rfd) == 0);
	/* capture off: the primary's second round left nothing */
	CHECK(rte_ring_count(r) == 0);
	rte_ring_free(r);
	rte_mempool_free(mp);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

static int
secondary_no_server(void)
{
	struct rte_pdump_stats st;
	struct rte_mempool *mp;
	struct rte_ring *r;

	CHECK(eal_up("--proc-type=secondary") >= 0);
	CHECK(rte_eth_dev_get_port_by_name("net_ring0", &ring_port) == 0);
	r = rte_ring_create("pdump_sec_ring", 64, SOCKET_ID_ANY, 0);
	mp = rte_pktmbuf_pool_create("pdump_sec_pool", 63, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	CHECK(r != NULL && mp != NULL);
	CHECK(rte_pdump_enable(ring_port, 0, RTE_PDUMP_FLAG_RX, r, mp, NULL) == -ENOENT &&
		rte_errno == ENOENT);
	CHECK(rte_pdump_disable(ring_port, 0, RTE_PDUMP_FLAG_RX) == -ENOENT);
	CHECK(rte_pdump_stats(ring_port, &st) == -ENOENT);
	CHECK(rte_pdump_init() == -EPERM);
	rte_ring_free(r);
	rte_mempool_free(mp);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

/* Enable a capture and exit without disabling it, as a killed dumpcap would. */
static int
secondary_leave(void)
{
	struct rte_mempool *mp;
	struct rte_ring *r;

	CHECK(eal_up("--proc-type=secondary") >= 0);
	CHECK(rte_eth_dev_get_port_by_name("net_ring0", &ring_port) == 0);
	r = rte_ring_create("pdump_left_ring", 64, SOCKET_ID_ANY, RING_F_SC_DEQ);
	mp = rte_pktmbuf_pool_create("pdump_left_pool", 63, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	CHECK(r != NULL && mp != NULL);
	CHECK(rte_pdump_enable(ring_port, 0, RTE_PDUMP_FLAG_RX, r, mp, NULL) == 0);
	_exit(0);
}

/* ---- primary ---- */

static pid_t
start_secondary(const char *scenario, int *to_peer, int *from_peer)
{
	int a[2], b[2];
	char ra[16], wb[16];
	pid_t pid;

	if (pipe(a) != 0 || pipe(b) != 0)
		return -1;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		close(a[1]);
		close(b[0]);
		snprintf(ra, sizeof(ra), "%d", a[0]);
		snprintf(wb, sizeof(wb), "%d", b[1]);
		execl("/proc/self/exe", "test_pdump", "--secondary", scenario, ra, wb,
			(char *)NULL);
		_exit(127);
	}
	close(a[0]);
	close(b[1]);
	*to_peer = a[1];
	*from_peer = b[0];
	return pid;
}

static int
end_secondary(pid_t pid, int to_peer, int from_peer)
{
	int status;

	close(to_peer);
	close(from_peer);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int
setup(void **state)
{
	RTE_SET_USED(state);
	if (eal_up("--proc-type=primary") < 0)
		return -1;
	pool = rte_pktmbuf_pool_create("pdump_pool", 1023, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	if (pool == NULL || rte_vdev_init("net_ring0", NULL) != 0 ||
			rte_vdev_init("net_null0", NULL) != 0 ||
			rte_eth_dev_get_port_by_name("net_ring0", &ring_port) != 0 ||
			rte_eth_dev_get_port_by_name("net_null0", &null_port) != 0)
		return -1;
	test_port_up(ring_port, 2, pool);
	test_port_up(null_port, 2, pool);
	return 0;
}

static int
teardown(void **state)
{
	RTE_SET_USED(state);
	rte_pdump_uninit();
	rte_eth_dev_stop(ring_port);
	rte_eth_dev_stop(null_port);
	rte_eth_dev_close(ring_port);
	rte_eth_dev_close(null_port);
	rte_vdev_uninit("net_ring0");
	rte_vdev_uninit("net_null0");
	rte_mempool_free(pool);
	return rte_eal_cleanup();
}

/* A secondary asking a primary that does not serve captures is refused without waiting. */
static void
test_no_server(void **state)
{
	int to, from;
	pid_t pid;

	RTE_SET_USED(state);
	rte_pdump_uninit();
	pid = start_secondary("no_server", &to, &from);
	assert_int_equal(end_secondary(pid, to, from), 0);
}

static void
test_errors(void **state)
{
	struct rte_pdump_stats st;
	struct rte_ring *r, *sp;
	struct rte_mempool *sc, *tiny;
	char bad[] = "net_nothing9", good[] = "net_null0";
	const struct rte_bpf_prm *fake = (const void *)&st;

	RTE_SET_USED(state);
	r = rte_ring_create("pdump_err", 64, SOCKET_ID_ANY, 0);
	sp = rte_ring_create("pdump_sp", 64, SOCKET_ID_ANY, RING_F_SP_ENQ);
	sc = rte_pktmbuf_pool_create("pdump_sc", 63, 0, 0, 256, SOCKET_ID_ANY);
	assert_non_null(r);
	assert_non_null(sp);
	assert_non_null(sc);
	sc->flags |= RTE_MEMPOOL_F_SC_GET;
	/* not served yet */
	rte_pdump_uninit();
	assert_int_equal(rte_pdump_enable(null_port, 0, RTE_PDUMP_FLAG_RX, r, pool, NULL),
		-ENOENT);
	assert_int_equal(rte_errno, ENOENT);
	assert_int_equal(rte_pdump_stats(null_port, &st), -ENOENT);
	assert_int_equal(rte_pdump_init(), 0);
	assert_int_equal(rte_pdump_init(), 0);
	/* bad port, queue, flags, ring, pool */
	assert_int_equal(rte_pdump_enable(RTE_MAX_ETHPORTS, 0, RTE_PDUMP_FLAG_RX, r, pool, NULL),
		-EINVAL);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_pdump_enable(RTE_MAX_ETHPORTS - 1, 0, RTE_PDUMP_FLAG_RX, r, pool,
		NULL), -EINVAL);
	assert_int_equal(rte_pdump_enable(null_port, 2, RTE_PDUMP_FLAG_RX, r, pool, NULL),
		-EINVAL);
	assert_int_equal(rte_pdump_enable(null_port, 0, 0, r, pool, NULL), -EINVAL);
	assert_int_equal(rte_pdump_enable(null_port, 0, RTE_PDUMP_FLAG_PCAPNG, r, pool, NULL),
		-EINVAL);
	assert_int_equal(rte_pdump_enable(null_port, 0, 0x10 | RTE_PDUMP_FLAG_RX, r, pool, NULL),
		-EINVAL);
	assert_int_equal(rte_pdump_enable(null_port, 0, RTE_PDUMP_FLAG_RX, NULL, pool, NULL),
		-EINVAL);
	assert_int_equal(rte_pdump_enable(null_port, 0, RTE_PDUMP_FLAG_RX, r, NULL, NULL),
		-EINVAL);
	assert_int_equal(rte_pdump_enable(null_port, 0, RTE_PDUMP_FLAG_RX, sp, pool, NULL),
		-EINVAL);
	assert_int_equal(rte_pdump_enable(null_port, 0, RTE_PDUMP_FLAG_RX, r, sc, NULL),
		-EINVAL);
	/* mbufs too small for a pcapng block */
	tiny = rte_pktmbuf_pool_create("pdump_tiny", 63, 0, 0, 64, SOCKET_ID_ANY);
	assert_non_null(tiny);
	assert_int_equal(rte_pdump_enable(null_port, 0, RTE_PDUMP_FLAG_RX | RTE_PDUMP_FLAG_PCAPNG,
		r, tiny, NULL), -EINVAL);
	rte_mempool_free(tiny);
	assert_int_equal(rte_pdump_enable_by_deviceid(bad, 0, RTE_PDUMP_FLAG_RX, r, pool, NULL),
		-EINVAL);
	assert_int_equal(rte_pdump_enable_by_deviceid(NULL, 0, RTE_PDUMP_FLAG_RX, r, pool, NULL),
		-EINVAL);
	assert_int_equal(rte_pdump_enable_bpf_by_deviceid(bad, 0, RTE_PDUMP_FLAG_RX, 0, r, pool,
		NULL), -EINVAL);
	assert_int_equal(rte_pdump_disable_by_deviceid(bad, 0, RTE_PDUMP_FLAG_RX), -EINVAL);
	assert_int_equal(rte_pdump_disable(RTE_MAX_ETHPORTS, 0, RTE_PDUMP_FLAG_RX), -EINVAL);
	assert_int_equal(rte_pdump_disable(null_port, 0, 0), -EINVAL);
	/* BPF filters: none in this tree */
	assert_int_equal(rte_pdump_enable_bpf(null_port, 0, RTE_PDUMP_FLAG_RX, 0, r, pool, fake),
		-ENOTSUP);
	assert_int_equal(rte_errno, ENOTSUP);
	assert_int_equal(rte_pdump_enable_bpf_by_deviceid(good, 0, RTE_PDUMP_FLAG_RX, 0, r, pool,
		fake), -ENOTSUP);
	/* disable without enable, twice enabled, partial disable */
	assert_int_equal(rte_pdump_disable(null_port, 0, RTE_PDUMP_FLAG_RX), -EINVAL);
	assert_int_equal(rte_pdump_enable_bpf(null_port, 1, RTE_PDUMP_FLAG_RX, 0, r, pool, NULL),
		0);
	assert_int_equal(rte_pdump_enable(null_port, RTE_PDUMP_ALL_QUEUES, RTE_PDUMP_FLAG_RX, r,
		pool, NULL), -EEXIST);
	assert_int_equal(rte_errno, EEXIST);
	assert_int_equal(rte_pdump_disable(null_port, RTE_PDUMP_ALL_QUEUES, RTE_PDUMP_FLAG_RX),
		-EINVAL);
	assert_int_equal(rte_pdump_disable(null_port, 1, RTE_PDUMP_FLAG_RXTX), -EINVAL);
	assert_int_equal(rte_pdump_disable(null_port, 1, RTE_PDUMP_FLAG_RX), 0);
	assert_int_equal(rte_pdump_enable_by_deviceid(good, RTE_PDUMP_ALL_QUEUES,
		RTE_PDUMP_FLAG_RXTX, r, pool, NULL), 0);
	assert_int_equal(rte_pdump_disable_by_deviceid(good, RTE_PDUMP_ALL_QUEUES,
		RTE_PDUMP_FLAG_RXTX), 0);
	/* stats */
	assert_int_equal(rte_pdump_stats(RTE_MAX_ETHPORTS, &st), -EINVAL);
	assert_int_equal(rte_pdump_stats(null_port, NULL), -EINVAL);
	assert_int_equal(rte_pdump_stats(null_port, &st), 0);
	assert_int_equal(rte_ring_count(r), 0);
	rte_ring_free(r);
	rte_ring_free(sp);
	rte_mempool_free(sc);
}

/* Capture served in the primary itself: exact copies, snap length, ring full, no mbuf. */
static void
test_capture_local(void **state)
{
	struct rte_pdump_stats st0, st;
	struct rte_mempool *small;
	struct rte_ring *r;

	RTE_SET_USED(state);
	assert_int_equal(rte_pdump_init(), 0);
	r = rte_ring_create("pdump_local", 64, SOCKET_ID_ANY, RING_F_SC_DEQ);
	small = rte_pktmbuf_pool_create("pdump_small", 4, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	assert_non_null(r);
	assert_non_null(small);
	assert_int_equal(rte_pdump_stats(ring_port, &st0), 0);
	/* whole plain copies, both directions */
	assert_int_equal(rte_pdump_enable(ring_port, 0, RTE_PDUMP_FLAG_RXTX, r, pool, NULL), 0);
	assert_int_equal(loop_burst(0x5a), BURST);
	assert_int_equal(drain(r, 0x5a, 100), 2 * BURST);
	assert_int_equal(rte_pdump_stats(ring_port, &st), 0);
	assert_int_equal(st.accepted - st0.accepted, 2 * BURST);
	assert_int_equal(rte_pdump_disable(ring_port, 0, RTE_PDUMP_FLAG_RXTX), 0);
	/* off: nothing more */
	assert_int_equal(loop_burst(0x5a), BURST);
	assert_int_equal(rte_ring_count(r), 0);
	/* snap length, receive only */
	assert_int_equal(rte_pdump_enable_bpf(ring_port, 0, RTE_PDUMP_FLAG_RX, 40, r, pool,
		NULL), 0);
	assert_int_equal(loop_burst(0x33), BURST);
	assert_int_equal(drain(r, 0x33, 40), BURST);
	assert_int_equal(rte_pdump_disable(ring_port, 0, RTE_PDUMP_FLAG_RX), 0);
	/* pool of 4 mbufs: the rest counted as nombuf */
	assert_int_equal(rte_pdump_stats(ring_port, &st0), 0);
	assert_int_equal(rte_pdump_enable(ring_port, 0, RTE_PDUMP_FLAG_TX, r, small, NULL), 0);
	assert_int_equal(loop_burst(0x44), BURST);
	assert_int_equal(rte_pdump_stats(ring_port, &st), 0);
	assert_int_equal(st.accepted - st0.accepted, 4);
	assert_int_equal(st.nombuf - st0.nombuf, BURST - 4);
	assert_int_equal(drain(r, 0x44, 100), 4);
	assert_int_equal(rte_pdump_disable(ring_port, 0, RTE_PDUMP_FLAG_TX), 0);
	/* ring of 63 slots: 64 packets, one counted as ringfull */
	assert_int_equal(rte_pdump_stats(ring_port, &st0), 0);
	assert_int_equal(rte_pdump_enable(ring_port, 0, RTE_PDUMP_FLAG_TX, r, pool, NULL), 0);
	for (int i = 0; i < 64 / BURST; i++)
		assert_int_equal(loop_burst(0x66), BURST);
	assert_int_equal(rte_pdump_stats(ring_port, &st), 0);
	assert_int_equal(st.accepted - st0.accepted, 64);
	assert_int_equal(st.ringfull - st0.ringfull, 1);
	assert_int_equal(drain(r, 0x66, 100), 63);
	assert_int_equal(rte_pdump_disable(ring_port, 0, RTE_PDUMP_FLAG_TX), 0);
	rte_ring_free(r);
	rte_mempool_free(small);
}

/* The real use: a secondary captures (pcapng) what the primary forwards. */
static void
test_capture_secondary(void **state)
{
	int to, from;
	char c;
	pid_t pid;

	RTE_SET_USED(state);
	assert_int_equal(rte_pdump_init(), 0);
	pid = start_secondary("capture", &to, &from);
	assert_true(pid > 0);
	/* the secondary enabled the capture */
	assert_int_equal(read(from, &c, 1), 1);
	assert_int_equal(loop_burst(0x77), BURST);
	assert_int_equal(write(to, "x", 1), 1);
	/* the secondary disabled it: this round is not captured */
	assert_int_equal(read(from, &c, 1), 1);
	assert_int_equal(loop_burst(0x78), BURST);
	assert_int_equal(write(to, "x", 1), 1);
	assert_int_equal(end_secondary(pid, to, from), 0);
}

/* The capture of a client that exited without disabling it does not block a new one. */
static void
test_capture_left_by_exited_client(void **state)
{
	struct rte_ring *r;
	int to, from;
	pid_t pid;

	RTE_SET_USED(state);
	assert_int_equal(rte_pdump_init(), 0);
	pid = start_secondary("leave", &to, &from);
	assert_int_equal(end_secondary(pid, to, from), 0);
	/* its callback still runs, into a ring nobody reads */
	assert_int_equal(loop_burst(0x99), BURST);
	r = rte_ring_create("pdump_after", 64, SOCKET_ID_ANY, RING_F_SC_DEQ);
	assert_non_null(r);
	assert_int_equal(rte_pdump_enable(ring_port, 0, RTE_PDUMP_FLAG_RX, r, pool, NULL), 0);
	assert_int_equal(loop_burst(0x9a), BURST);
	assert_int_equal(drain(r, 0x9a, 100), BURST);
	assert_int_equal(rte_pdump_disable(ring_port, 0, RTE_PDUMP_FLAG_RX), 0);
	rte_ring_free(r);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_server),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_capture_local),
		cmocka_unit_test(test_capture_secondary),
		cmocka_unit_test(test_capture_left_by_exited_client),
	};

	if (argc == 5 && strcmp(argv[1], "--secondary") == 0 &&
			strcmp(argv[2], "capture") == 0)
		return secondary_capture(atoi(argv[3]), atoi(argv[4]));
	if (argc == 5 && strcmp(argv[1], "--secondary") == 0 && strcmp(argv[2], "leave") == 0)
		return secondary_leave();
	if (argc == 5 && strcmp(argv[1], "--secondary") == 0)
		return secondary_no_server();
	return cmocka_run_group_tests(tests, setup, teardown);
}
