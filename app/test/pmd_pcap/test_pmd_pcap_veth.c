/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_pcap on live interfaces: the test moves itself into a network namespace of its own,
 * creates a veth pair there, sends frames through one end with iface= and receives them on the
 * other with rx_iface=. Skipped, with the reason, where namespaces cannot be created.
 */
#include "test_common.h"

#include <sched.h>
#include <unistd.h>
#include <time.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_cycles.h>

#include "pcap_test_util.h"

static const char *skip_reason;
static struct pt_frame frames[PT_MAX_FRAMES];
static const uint32_t lens[] = { 60, 100, 1514, 600, 64, 1000, 70, 1400 };
#define NFRAMES RTE_DIM(lens)

static int
sh(const char *cmd)
{
	int ret = system(cmd);

	return ret == 0 ? 0 : -1;
}

static int
is_test_frame(const struct rte_mbuf *m)
{
	const uint8_t *p = rte_pktmbuf_mtod(m, const uint8_t *);

	return m->data_len >= 14 && p[12] == 0x88 && p[13] == 0xb5;
}

static void
test_veth_send_receive(void **state)
{
	struct rte_mbuf *pkts[NFRAMES], *rx[32];
	char name[RTE_DEV_NAME_MAX_LEN];
	uint16_t a, b, i;
	unsigned int got = 0;
	uint64_t deadline;

	(void)state;
	if (skip_reason != NULL) {
		print_message("SKIPPED: %s\n", skip_reason);
		skip();
	}
	pt_make_frames(frames, lens, NFRAMES, 7);
	assert_int_equal(rte_eth_dev_attach("net_pcap_va,iface=pcapva", &a), 0);
	assert_int_equal(rte_eth_dev_attach("net_pcap_vb,rx_iface_in=pcapvb", &b), 0);
	assert_int_equal(pt_port_start(a, 1, 1), 0);
	assert_int_equal(pt_port_start(b, 1, 1), 0);

	for (i = 0; i < NFRAMES; i++) {
		pkts[i] = rte_pktmbuf_alloc(pt_pool());
		assert_non_null(pkts[i]);
		memcpy(rte_pktmbuf_append(pkts[i], (uint16_t)frames[i].len), frames[i].data,
			frames[i].len);
	}
	assert_int_equal(rte_eth_tx_burst(a, 0, pkts, NFRAMES), NFRAMES);

	/* The kernel may add its own frames (none expected: IPv6 is off); keep only ours. */
	deadline = rte_get_timer_cycles() + 3 * rte_get_timer_hz();
	while (got < NFRAMES && rte_get_timer_cycles() < deadline) {
		uint16_t n = rte_eth_rx_burst(b, 0, rx, 32);

		for (i = 0; i < n; i++) {
			if (is_test_frame(rx[i]) && got < NFRAMES) {
				assert_int_equal(rx[i]->pkt_len, frames[got].len);
				assert_memory_equal(rte_pktmbuf_mtod(rx[i], void *),
					frames[got].data, frames[got].len);
				got++;
			}
			rte_pktmbuf_free(rx[i]);
		}
		if (n == 0)
			usleep(1000);
	}
	assert_int_equal(got, NFRAMES);

	for (i = 0; i < 2; i++) {
		uint16_t p = i == 0 ? a : b;

		assert_int_equal(rte_eth_dev_stop(p), 0);
		assert_int_equal(rte_eth_dev_close(p), 0);
		assert_int_equal(rte_eth_dev_detach(p, name), 0);
	}
}

static void
test_missing_interface_refused(void **state)
{
	uint16_t total = rte_eth_dev_count_total();
	int fds = test_count_fds();
	uint16_t port;

	(void)state;
	if (skip_reason != NULL) {
		print_message("SKIPPED: %s\n", skip_reason);
		skip();
	}
	assert_true(rte_eth_dev_attach("net_pcap_none,iface=pcapnosuch", &port) < 0);
	assert_int_equal(rte_eth_dev_count_total(), total);
	assert_int_equal(test_count_fds(), fds);
}

/* Namespace and veth pair must exist before EAL starts threads: unshare needs one thread. */
static void
make_network(void)
{
	if (geteuid() != 0) {
		skip_reason = "not root: cannot create a network namespace";
		return;
	}
	if (access("/usr/sbin/ip", X_OK) != 0 && access("/sbin/ip", X_OK) != 0 &&
			access("/usr/bin/ip", X_OK) != 0) {
		skip_reason = "the ip command (iproute2) is not installed";
		return;
	}
	if (unshare(CLONE_NEWNET) != 0) {
		skip_reason = "network namespaces are not permitted here (unshare failed)";
		return;
	}
	if (sh("ip link add pcapva type veth peer name pcapvb") != 0 ||
			sh("sysctl -qw net.ipv6.conf.all.disable_ipv6=1 >/dev/null 2>&1 || true") != 0 ||
			sh("ip link set pcapva up && ip link set pcapvb up") != 0)
		skip_reason = "cannot create a veth pair in the test's namespace";
}

static int
setup(void **state)
{
	(void)state;
	make_network();
	if (pt_eal_init("pmd_pcap_veth", 1) < 0)
		return -1;
	return pt_pool() == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pt_pool());
	rte_eal_cleanup();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_veth_send_receive),
		cmocka_unit_test(test_missing_interface_refused),
	};

	return cmocka_run_group_tests_name("pmd_pcap_veth", tests, setup, teardown);
}
