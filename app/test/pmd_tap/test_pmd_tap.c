/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_tap in a network namespace of the test's own: the interface appears and goes with the
 * port, device arguments and refusals, link state, MTU, MAC and promiscuous mode seen by the
 * kernel, traffic both ways through raw sockets on the interface, several queues, forwarding
 * between two ports through a kernel bridge, and attach/detach cycles leaving no descriptor
 * and no interface. Skipped, with the reason, when not root or /dev/net/tun is missing.
 */
#include "test_common.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <linux/capability.h>
#include <linux/if_tun.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include "tap_test_util.h"

static const char *skip_reason;
static struct rte_mempool *pool;
static struct rte_mempool *small_pool;   /* 256-byte mbufs: chains both ways */
static char logbuf[65536];
static FILE *logstream;

#define SKIP_IF_NEEDED() do { \
	if (skip_reason != NULL) { \
		print_message("SKIPPED: %s\n", skip_reason); \
		skip(); \
	} \
} while (0)

static uint16_t
attach(const char *devargs)
{
	uint16_t port = RTE_MAX_ETHPORTS;

	assert_int_equal(rte_eth_dev_attach(devargs, &port), 0);
	return port;
}

static const char *
log_text(void)
{
	fflush(logstream);
	return logbuf;
}

static void
log_clear(void)
{
	rewind(logstream);
	memset(logbuf, 0, sizeof(logbuf));
}

/* Send count frames of the given lengths (cycled) from queue q of port, flows 0..nflows-1. */
static void
send_frames(uint16_t port, uint16_t q, unsigned int count, const uint32_t *lens,
		unsigned int nlens, unsigned int nflows, struct rte_mempool *mp)
{
	struct rte_mbuf *m;
	unsigned int i;

	for (i = 0; i < count; i++) {
		m = tt_frame(mp, lens[i % nlens], i % nflows, i);
		assert_non_null(m);
		while (rte_eth_tx_burst(port, q, &m, 1) == 0)
			usleep(100);
	}
}

static void
assert_kernel_mac(const char *iface, const struct rte_ether_addr *mac)
{
	uint8_t k[6];

	assert_int_equal(tt_if_mac(iface, k), 0);
	assert_memory_equal(k, mac->addr_bytes, 6);
}

static void
test_create_destroy(void **state)
{
	struct rte_ether_addr mac, fixed = {{ 0x00, 'd', 't', 'a', 'p', '0' }};
	struct rte_ether_addr given = {{ 0x02, 0x12, 0x34, 0x56, 0x78, 0x9a }};
	struct rte_eth_dev_info info;
	int fds = test_count_fds();
	uint16_t a, b, c;

	(void)state;
	SKIP_IF_NEEDED();
	/* No iface: the kernel numbers the interfaces dtap0, dtap1... */
	a = attach("net_tap0,mac=fixed");
	assert_true(tt_if_exists("dtap0"));
	assert_true(pt_sysfs("dtap0", "tun_flags") > 0);
	assert_int_equal(rte_eth_dev_info_get(a, &info), 0);
	assert_int_equal(info.if_index, if_nametoindex("dtap0"));
	assert_int_equal(info.max_rx_queues, 16);
	assert_int_equal(rte_eth_macaddr_get(a, &mac), 0);
	assert_true(rte_is_same_ether_addr(&mac, &fixed));
	assert_kernel_mac("dtap0", &mac);
	b = attach("net_tap1,iface=htapb,mac=02:12:34:56:78:9A");
	assert_true(tt_if_exists("htapb"));
	assert_int_equal(rte_eth_macaddr_get(b, &mac), 0);
	assert_true(rte_is_same_ether_addr(&mac, &given));
	assert_kernel_mac("htapb", &given);
	/* Random otherwise: a unicast, locally administered address, the kernel's too. */
	c = attach("net_tap2");
	assert_true(tt_if_exists("dtap1"));
	assert_int_equal(rte_eth_macaddr_get(c, &mac), 0);
	assert_true(rte_is_unicast_ether_addr(&mac));
	assert_true(rte_is_local_admin_ether_addr(&mac));
	assert_kernel_mac("dtap1", &mac);
	/* One keep-alive descriptor per port until queues are set up. */
	assert_int_equal(test_count_fds(), fds + 3);

	assert_int_equal(pt_port_start(a, 2, 0, pool), 0);
	assert_int_equal(test_count_fds(), fds + 5);
	assert_int_equal(pt_port_remove(a), 0);
	assert_false(tt_if_exists("dtap0"));
	assert_int_equal(pt_port_remove(b), 0);
	assert_false(tt_if_exists("htapb"));
	/* Detach alone closes a port never configured. */
	assert_int_equal(rte_eth_dev_info_get(c, &info), 0);
	assert_int_equal(rte_dev_remove(info.device), 0);
	assert_false(tt_if_exists("dtap1"));
	assert_int_equal(test_count_fds(), fds);
}

/* Close removes the interface; configuring the closed port makes it again. */
static void
test_close_then_reconfigure(void **state)
{
	static const uint32_t lens[] = { 100 };
	int fds = test_count_fds(), raw;
	struct rte_eth_conf conf;
	uint16_t a;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_tap0,iface=htapa");
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(rte_eth_dev_stop(a), 0);
	assert_int_equal(rte_eth_dev_close(a), 0);
	assert_false(tt_if_exists("htapa"));
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_true(tt_if_exists("htapa"));
	/* The new interface has the port's MTU, the one configured. */
	assert_int_equal(rte_eth_dev_stop(a), 0);
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mtu = 3000;
	assert_int_equal(rte_eth_dev_configure(a, 1, 1, &conf), 0);
	assert_int_equal(pt_sysfs("htapa", "mtu"), 3000);
	assert_int_equal(rte_eth_dev_close(a), 0);
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(pt_sysfs("htapa", "mtu"), 3000);
	raw = tt_raw_socket("htapa");
	assert_true(raw >= 0);
	send_frames(a, 0, 10, lens, 1, 1, pool);
	assert_int_equal(tt_raw_receive(raw, 10, 3000), 10);
	close(raw);
	assert_int_equal(pt_port_remove(a), 0);
	assert_false(tt_if_exists("htapa"));
	assert_int_equal(test_count_fds(), fds);
}

static void
test_traffic_both_ways(void **state)
{
	static const uint32_t lens[] = { 64, 128, 1514, 600, 1000, 70 };
	struct rte_eth_stats st;
	int raw;
	unsigned int i;
	uint16_t a;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_tap0,iface=htapa");
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	raw = tt_raw_socket("htapa");
	assert_true(raw >= 0);
	assert_int_equal(rte_eth_stats_reset(a), 0);

	/* The port's frames arrive on the kernel interface, byte for byte. */
	send_frames(a, 0, 300, lens, RTE_DIM(lens), 1, pool);
	assert_int_equal(tt_raw_receive(raw, 300, 3000), 300);
	/* The kernel's frames arrive in rx_burst. */
	for (i = 0; i < 200; i++)
		assert_int_equal(tt_raw_send(raw, lens[i % RTE_DIM(lens)], 1, i), 0);
	assert_int_equal(tt_receive(a, 1, 200, 3000, NULL), 200);

	assert_int_equal(rte_eth_stats_get(a, &st), 0);
	assert_int_equal(st.opackets, 300);
	assert_int_equal(st.q_opackets[0], 300);
	assert_int_equal(st.obytes, 50 * (64 + 128 + 1514 + 600 + 1000 + 70));
	assert_true(st.ipackets >= 200);
	assert_int_equal(st.q_ipackets[0], st.ipackets);
	assert_int_equal(st.oerrors + st.ierrors, 0);
	assert_int_equal(rte_eth_stats_reset(a), 0);
	assert_int_equal(rte_eth_stats_get(a, &st), 0);
	assert_int_equal(st.opackets + st.ipackets + st.obytes + st.ibytes, 0);
	close(raw);
	assert_int_equal(pt_port_remove(a), 0);
}

/* Chains on transmit; large frames over several mbufs with scatter, dropped without it. */
static void
test_segments_and_oversize(void **state)
{
	static const uint32_t lens[] = { 3000, 8000, 200, 9014 };
	struct rte_eth_stats st;
	struct rte_mbuf *m;
	int raw, i;
	uint16_t a;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_tap0,iface=htapa");
	assert_int_equal(pt_port_start(a, 1, RTE_ETH_RX_OFFLOAD_SCATTER, small_pool), 0);
	assert_int_equal(rte_eth_dev_set_mtu(a, 9000), 0);
	raw = tt_raw_socket("htapa");
	assert_true(raw >= 0);
	send_frames(a, 0, 40, lens, RTE_DIM(lens), 1, small_pool);
	assert_int_equal(tt_raw_receive(raw, 40, 3000), 40);
	for (i = 0; i < 40; i++)
		assert_int_equal(tt_raw_send(raw, lens[i % RTE_DIM(lens)], 1, i), 0);
	assert_int_equal(tt_receive(a, 1, 40, 3000, NULL), 40);

	/* Longer than the MTU allows: dropped and counted, the mbuf freed. */
	assert_int_equal(rte_eth_stats_reset(a), 0);
	m = tt_frame(pool, 9018 - 4 + 1 + 4, 1, 1);
	assert_null(m);
	assert_int_equal(rte_eth_dev_set_mtu(a, 1500), 0);
	m = tt_frame(pool, 3000, 1, 1);
	assert_non_null(m);
	assert_int_equal(rte_eth_tx_burst(a, 0, &m, 1), 1);
	assert_int_equal(rte_eth_stats_get(a, &st), 0);
	assert_int_equal(st.oerrors, 1);
	assert_int_equal(st.opackets, 0);
	close(raw);
	assert_int_equal(pt_port_remove(a), 0);

	/* Without scatter a frame must fit in one mbuf: longer ones are dropped and counted. */
	a = attach("net_tap0,iface=htapa");
	assert_int_equal(pt_port_start(a, 1, 0, small_pool), 0);
	raw = tt_raw_socket("htapa");
	assert_true(raw >= 0);
	assert_int_equal(tt_raw_send(raw, 1000, 1, 1), 0);
	assert_int_equal(tt_raw_send(raw, 100, 1, 2), 0);
	assert_int_equal(tt_receive(a, 1, 1, 3000, NULL), 1);
	assert_int_equal(rte_eth_stats_get(a, &st), 0);
	assert_int_equal(st.ierrors, 1);
	close(raw);
	assert_int_equal(pt_port_remove(a), 0);
}

/* A pool too small for the mbufs a queue keeps ready; an empty pool while receiving. */
static void
test_small_pool(void **state)
{
	struct rte_mempool *tiny;
	struct rte_eth_conf conf;
	struct rte_eth_stats st;
	struct rte_mbuf *rx[32];
	uint16_t a, n = 0, got;
	int raw, i;

	(void)state;
	SKIP_IF_NEEDED();
	tiny = rte_pktmbuf_pool_create("tap_test_tiny", 16, 0, 0, 256 + RTE_PKTMBUF_HEADROOM,
		SOCKET_ID_ANY);
	assert_non_null(tiny);
	a = attach("net_tap0,iface=htapa");
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_SCATTER;
	assert_int_equal(rte_eth_dev_configure(a, 1, 1, &conf), 0);
	log_clear();
	assert_int_equal(rte_eth_rx_queue_setup(a, 0, 64, SOCKET_ID_ANY, NULL, tiny), -ENOMEM);
	assert_non_null(strstr(log_text(), "has not the 40 mbufs a queue keeps ready"));
	assert_int_equal(rte_mempool_in_use_count(tiny), 0);

	/* One mbuf per frame without scatter: the pool runs dry once the 16 frames are kept. */
	assert_int_equal(pt_port_start(a, 1, 0, tiny), 0);
	raw = tt_raw_socket("htapa");
	assert_true(raw >= 0);
	for (i = 0; i < 20; i++)
		assert_int_equal(tt_raw_send(raw, 100, 1, (uint32_t)i), 0);
	for (i = 0; i < 300 && n < 16; i++) {
		got = rte_eth_rx_burst(a, 0, rx + n, (uint16_t)(RTE_DIM(rx) - n));
		n += got;
		if (got == 0)
			usleep(10000);
	}
	assert_int_equal(n, 16);
	assert_int_equal(rte_eth_rx_burst(a, 0, rx + n, 1), 0);
	assert_int_equal(rte_eth_stats_get(a, &st), 0);
	assert_true(st.rx_nombuf >= 1);
	rte_pktmbuf_free_bulk(rx, n);
	/* With mbufs back, the frames waiting in the kernel come. */
	assert_int_equal(tt_receive(a, 1, 4, 3000, NULL), 4);
	close(raw);
	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(rte_mempool_in_use_count(tiny), 0);
	rte_mempool_free(tiny);
}

static void
test_several_queues(void **state)
{
	static const uint32_t lens[] = { 100 };
	unsigned int per_queue[4] = { 0 }, used = 0, i;
	struct rte_eth_stats st;
	int raw;
	uint16_t a;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_tap0,iface=htapa");
	assert_int_equal(pt_port_start(a, 4, 0, pool), 0);
	raw = tt_raw_socket("htapa");
	assert_true(raw >= 0);
	/* The kernel spreads its flows over the queues. */
	for (i = 0; i < 400; i++)
		assert_int_equal(tt_raw_send(raw, 100, i % 32, i), 0);
	assert_int_equal(tt_receive(a, 4, 400, 3000, per_queue), 400);
	for (i = 0; i < 4; i++)
		used += per_queue[i] > 0;
	print_message("queues: %u %u %u %u\n", per_queue[0], per_queue[1], per_queue[2],
		per_queue[3]);
	assert_true(used > 1);
	/* Every queue transmits. */
	for (i = 0; i < 4; i++)
		send_frames(a, (uint16_t)i, 25, lens, 1, 1, pool);
	assert_int_equal(tt_raw_receive(raw, 100, 3000), 100);
	assert_int_equal(rte_eth_stats_get(a, &st), 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(st.q_opackets[i], 25);
	/* Fewer queues after a reconfigure: the others' descriptors are closed. */
	assert_int_equal(rte_eth_dev_stop(a), 0);
	i = (unsigned int)test_count_fds();
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(test_count_fds(), (int)i - 3);
	close(raw);
	assert_int_equal(pt_port_remove(a), 0);
}

static int
have_line(const char *devname, const char *message)
{
	char prefix[64];
	const char *p;

	if (strstr(log_text(), message) == NULL) {
		print_error("log does not say '%s': %s\n", message, log_text());
		return 0;
	}
	/* One line from the driver (the bus and ethdev add theirs). */
	snprintf(prefix, sizeof(prefix), "(): %s:", devname);
	p = strstr(log_text(), prefix);
	if (p == NULL || strstr(p + 1, prefix) != NULL) {
		print_error("not exactly one driver line: %s\n", log_text());
		return 0;
	}
	return 1;
}

/* Refused with one line; no port, descriptor or interface is left. */
static void
expect_refused(const char *devargs, const char *message)
{
	uint16_t total = rte_eth_dev_count_total(), port;
	int fds = test_count_fds();

	log_clear();
	assert_true(rte_eth_dev_attach(devargs, &port) < 0);
	if (!have_line("net_tap_bad", message))
		fail_msg("%s: not refused as expected", devargs);
	assert_int_equal(rte_eth_dev_count_total(), total);
	assert_int_equal(test_count_fds(), fds);
	assert_false(tt_if_exists("dtap0"));
}

static void
test_bad_devargs_refused(void **state)
{
	static const struct {
		const char *devargs;
		const char *message;
	} bad[] = {
		{ "net_tap_bad,iface=htap0123456789ab", "iface=htap0123456789ab is too long" },
		{ "net_tap_bad,iface=", "empty interface name" },
		{ "net_tap_bad,iface=ht/ap", "invalid interface name iface=ht/ap" },
		{ "net_tap_bad,mac=02:00:00:00:00", "invalid MAC address mac=02:00:00:00:00" },
		{ "net_tap_bad,mac=02:00:00:00:00:0g", "invalid MAC address" },
		{ "net_tap_bad,mac=random", "invalid MAC address mac=random" },
		{ "net_tap_bad,mac=", "invalid MAC address" },
		{ "net_tap_bad,mac=01:00:5e:00:00:01", "mac=01:00:5e:00:00:01 is not a unicast" },
		{ "net_tap_bad,mac=00:00:00:00:00:00", "is not a unicast" },
		{ "net_tap_bad,bogus=1", "unknown argument bogus" },
		{ "net_tap_bad,persist", "unknown argument persist" },
		{ "net_tap_bad,remote=lo", "remote=lo is not supported" },
		{ "net_tap_bad,iface=lo", "interface lo already exists and is not a tap" },
		{ "net_tap_bad,iface=htapdum", "htapdum already exists and is not a tap" },
		{ "net_tap_bad,iface=htapsq", "htapsq already exists and is not a multi-queue" },
		{ "net_tap_bad,iface=htapheld", "tap interface htapheld is already in use" },
		{ "net_tap_bad,iface=htapa", "interface htapa is already used by port" },
	};
	struct ifreq ifr;
	uint16_t a, port;
	unsigned int i;
	int held;

	(void)state;
	SKIP_IF_NEEDED();
	assert_int_equal(pt_sh("ip link add htapdum type bridge"), 0);
	assert_int_equal(pt_sh("ip tuntap add htapsq mode tap"), 0);
	/* A tap another descriptor holds (another process, say). */
	held = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
	assert_true(held >= 0);
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE;
	strcpy(ifr.ifr_name, "htapheld");
	assert_int_equal(ioctl(held, TUNSETIFF, &ifr), 0);
	a = attach("net_tap0,iface=htapa");

	for (i = 0; i < RTE_DIM(bad); i++)
		expect_refused(bad[i].devargs, bad[i].message);
	/* Nobody else's interface was touched. */
	assert_true(tt_if_exists("htapdum"));
	assert_true(tt_if_exists("htapsq"));
	assert_true(tt_if_exists("htapheld"));
	assert_true(tt_if_exists("htapa"));
	/* The same device name is free again: nothing of the failed attempts remains. */
	port = attach("net_tap_bad,iface=htapc");
	assert_int_equal(pt_port_remove(port), 0);
	assert_int_equal(pt_port_remove(a), 0);
	close(held);
	assert_int_equal(pt_sh("ip link del htapdum"), 0);
	assert_int_equal(pt_sh("ip tuntap del htapsq mode tap"), 0);
}

static int
cap_net_admin(int on)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data) != 0)
		return -1;
	if (on)
		data[0].effective |= 1u << CAP_NET_ADMIN;
	else
		data[0].effective &= ~(1u << CAP_NET_ADMIN);
	return (int)syscall(SYS_capset, &hdr, data);
}

/* Without CAP_NET_ADMIN the attach fails with a line that says what is missing. */
static void
test_without_cap_net_admin(void **state)
{
	(void)state;
	SKIP_IF_NEEDED();
	/* Only this thread's effective set: the permitted set keeps it for later. */
	assert_int_equal(cap_net_admin(0), 0);
	expect_refused("net_tap_bad,iface=htapx", "needs root or CAP_NET_ADMIN");
	assert_int_equal(cap_net_admin(1), 0);
	assert_false(tt_if_exists("htapx"));
}

/* A persistent multi-queue tap made beforehand is used, and outlives the port. */
static void
test_persistent_interface(void **state)
{
	static const uint32_t lens[] = { 200 };
	int raw;
	uint16_t a;

	(void)state;
	SKIP_IF_NEEDED();
	assert_int_equal(pt_sh("ip tuntap add htapp mode tap multi_queue"), 0);
	a = attach("net_tap0,iface=htapp");
	assert_int_equal(pt_port_start(a, 2, 0, pool), 0);
	raw = tt_raw_socket("htapp");
	assert_true(raw >= 0);
	send_frames(a, 1, 20, lens, 1, 1, pool);
	assert_int_equal(tt_raw_receive(raw, 20, 3000), 20);
	close(raw);
	assert_int_equal(pt_port_remove(a), 0);
	assert_true(tt_if_exists("htapp"));
	assert_int_equal(pt_sysfs("htapp", "flags") & IFF_UP, 0);
	/* Free again: another port may take it. */
	a = attach("net_tap0,iface=htapp");
	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_sh("ip tuntap del htapp mode tap multi_queue"), 0);
}

static void
test_link_follows_start_stop(void **state)
{
	struct rte_eth_link link;
	struct rte_eth_stats st;
	struct rte_mbuf *m;
	uint16_t a;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_tap0,iface=htapa");
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_UP, 0);
	assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_UP, IFF_UP);
	assert_int_equal(pt_sysfs("htapa", "carrier"), 1);
	assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_UP);
	assert_int_equal(link.link_speed, RTE_ETH_SPEED_NUM_10G);

	/* The port reads the kernel's state: someone else setting it down is seen. */
	assert_int_equal(pt_sh("ip link set htapa down"), 0);
	assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	/* The kernel refuses frames while the interface is down: freed and counted. */
	assert_int_equal(rte_eth_stats_reset(a), 0);
	m = tt_frame(pool, 100, 1, 1);
	assert_non_null(m);
	assert_int_equal(rte_eth_tx_burst(a, 0, &m, 1), 1);
	assert_int_equal(rte_eth_stats_get(a, &st), 0);
	assert_int_equal(st.oerrors, 1);
	assert_int_equal(st.opackets, 0);
	assert_int_equal(rte_eth_dev_set_link_up(a), 0);
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_UP, IFF_UP);
	assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_UP);
	assert_int_equal(rte_eth_dev_set_link_down(a), 0);
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_UP, 0);
	assert_int_equal(rte_eth_dev_set_link_up(a), 0);

	assert_int_equal(rte_eth_dev_stop(a), 0);
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_UP, 0);
	assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_int_equal(rte_eth_dev_start(a), 0);
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_UP, IFF_UP);
	assert_int_equal(pt_port_remove(a), 0);
}

static void
test_mtu_mac_promisc(void **state)
{
	struct rte_ether_addr mac, want = {{ 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 }};
	uint16_t a, mtu;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_tap0,iface=htapa");
	assert_int_equal(rte_eth_dev_get_mtu(a, &mtu), 0);
	assert_int_equal(mtu, pt_sysfs("htapa", "mtu"));
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(rte_eth_dev_set_mtu(a, 1400), 0);
	assert_int_equal(pt_sysfs("htapa", "mtu"), 1400);
	assert_int_equal(rte_eth_dev_get_mtu(a, &mtu), 0);
	assert_int_equal(mtu, 1400);
	assert_int_equal(rte_eth_dev_set_mtu(a, 9000), 0);
	assert_int_equal(pt_sysfs("htapa", "mtu"), 9000);
	assert_int_equal(rte_eth_dev_set_mtu(a, 65521), 0);
	assert_int_equal(rte_eth_dev_set_mtu(a, 65522), -EINVAL);
	assert_int_equal(pt_sysfs("htapa", "mtu"), 65521);
	assert_int_equal(rte_eth_dev_set_mtu(a, 1500), 0);

	assert_int_equal(rte_eth_dev_default_mac_addr_set(a, &want), 0);
	assert_kernel_mac("htapa", &want);
	assert_int_equal(rte_eth_macaddr_get(a, &mac), 0);
	assert_true(rte_is_same_ether_addr(&mac, &want));

	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_PROMISC, 0);
	assert_int_equal(rte_eth_promiscuous_enable(a), 0);
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_PROMISC, IFF_PROMISC);
	assert_int_equal(rte_eth_promiscuous_get(a), 1);
	assert_int_equal(rte_eth_promiscuous_disable(a), 0);
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_PROMISC, 0);
	assert_int_equal(rte_eth_allmulticast_enable(a), 0);
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_ALLMULTI, IFF_ALLMULTI);
	assert_int_equal(rte_eth_allmulticast_disable(a), 0);
	assert_int_equal(pt_sysfs("htapa", "flags") & IFF_ALLMULTI, 0);

	/* A closed port has no interface to change: refused with a line, nothing changes. */
	assert_int_equal(rte_eth_dev_stop(a), 0);
	assert_int_equal(rte_eth_dev_close(a), 0);
	log_clear();
	assert_true(rte_eth_promiscuous_enable(a) < 0);
	assert_non_null(strstr(log_text(), "the port is closed"));
	/* ethdev itself refuses the MTU of a port not configured. */
	assert_int_equal(rte_eth_dev_set_mtu(a, 1400), -EINVAL);
	log_clear();
	assert_int_equal(rte_eth_dev_default_mac_addr_set(a, &want), -EIO);
	assert_non_null(strstr(log_text(), "the port is closed"));
	assert_false(tt_if_exists("htapa"));
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(pt_port_remove(a), 0);
}

/* Two ports through a kernel bridge: what one sends, the bridge floods to the other. */
static void
test_forward_through_bridge(void **state)
{
	static const uint32_t lens[] = { 64, 1514, 700 };
	struct rte_eth_stats sa, sb;
	uint16_t a, b;
	int i;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_tap0,iface=htapa");
	b = attach("net_tap1,iface=htapb");
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(pt_port_start(b, 1, 0, pool), 0);
	assert_int_equal(pt_sh("ip link add htapbr type bridge && ip link set htapa master htapbr"
		" && ip link set htapb master htapbr && ip link set htapbr up"), 0);
	/* Without STP the ports forward at once; wait for the state anyway. */
	for (i = 0; i < 500; i++) {
		if (pt_sysfs("htapa", "brport/state") == 3 &&
				pt_sysfs("htapb", "brport/state") == 3)
			break;
		usleep(10000);
	}
	print_message("bridge port states %ld %ld after %d ms\n", pt_sysfs("htapa", "brport/state"),
		pt_sysfs("htapb", "brport/state"), i * 10);
	assert_int_equal(rte_eth_stats_reset(a), 0);
	assert_int_equal(rte_eth_stats_reset(b), 0);
	send_frames(a, 0, 500, lens, RTE_DIM(lens), 4, pool);
	assert_int_equal(tt_receive(b, 1, 500, 5000, NULL), 500);
	send_frames(b, 0, 300, lens, RTE_DIM(lens), 4, pool);
	assert_int_equal(tt_receive(a, 1, 300, 5000, NULL), 300);
	assert_int_equal(rte_eth_stats_get(a, &sa), 0);
	assert_int_equal(rte_eth_stats_get(b, &sb), 0);
	assert_int_equal(sa.opackets, 500);
	assert_int_equal(sb.opackets, 300);
	assert_true(sb.ipackets >= 500);
	assert_true(sa.ipackets >= 300);
	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_port_remove(b), 0);
	assert_int_equal(pt_sh("ip link del htapbr"), 0);
}

struct fwd_ctx {
	uint16_t rx_port;
	uint16_t tx_port;
	volatile int stop;
	unsigned int forwarded;
};

/* On a worker lcore: forward everything rx_port receives out of tx_port. */
static int
fwd_worker(void *arg)
{
	struct fwd_ctx *c = arg;
	struct rte_mbuf *rx[32];
	uint16_t n, sent;

	while (!c->stop) {
		n = rte_eth_rx_burst(c->rx_port, 0, rx, RTE_DIM(rx));
		sent = 0;
		while (sent < n)
			sent += rte_eth_tx_burst(c->tx_port, 0, rx + sent, n - sent);
		c->forwarded += n;
		if (n == 0)
			usleep(10);
	}
	return 0;
}

/*
 * The kernel sends on one interface, the application forwards from that port to the other,
 * the kernel receives on the second interface; meanwhile other ports come and go.
 */
static void
test_forward_while_hotplugging(void **state)
{
	static const uint32_t lens[] = { 300 };
	struct fwd_ctx ctx = { 0 };
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);
	unsigned int i, got = 0;
	int in_raw, out_raw;
	uint16_t c;

	(void)state;
	SKIP_IF_NEEDED();
	if (worker >= RTE_MAX_LCORE) {
		print_message("SKIPPED: needs a second lcore\n");
		skip();
	}
	ctx.rx_port = attach("net_tap0,iface=htapa");
	ctx.tx_port = attach("net_tap1,iface=htapb");
	assert_int_equal(pt_port_start(ctx.rx_port, 1, 0, pool), 0);
	assert_int_equal(pt_port_start(ctx.tx_port, 1, 0, pool), 0);
	in_raw = tt_raw_socket("htapa");
	out_raw = tt_raw_socket("htapb");
	assert_true(in_raw >= 0 && out_raw >= 0);
	assert_int_equal(rte_eal_remote_launch(fwd_worker, &ctx, worker), 0);
	for (i = 0; i < 10; i++) {
		int raw;
		unsigned int j;

		for (j = 0; j < 100; j++)
			assert_int_equal(tt_raw_send(in_raw, 64 + j * 9, j % 8, i * 100 + j), 0);
		c = attach("net_tap2,iface=htapc");
		assert_int_equal(pt_port_start(c, 2, 0, pool), 0);
		raw = tt_raw_socket("htapc");
		assert_true(raw >= 0);
		send_frames(c, 1, 20, lens, 1, 1, pool);
		assert_int_equal(tt_raw_receive(raw, 20, 3000), 20);
		close(raw);
		assert_int_equal(pt_port_remove(c), 0);
		got += tt_raw_receive(out_raw, 100, 3000);
	}
	ctx.stop = 1;
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	print_message("forwarded %u, received %u of 1000\n", ctx.forwarded, got);
	assert_int_equal(got, 1000);
	close(in_raw);
	close(out_raw);
	assert_int_equal(pt_port_remove(ctx.rx_port), 0);
	assert_int_equal(pt_port_remove(ctx.tx_port), 0);
}

/* net_tun: IP packets without Ethernet header, no MAC address, the same life cycle. */
static void
test_tun_mode(void **state)
{
	struct rte_ether_addr mac, zero = {{ 0 }}, want = {{ 0x02, 1, 2, 3, 4, 5 }};
	struct rte_mbuf *m, *rx[32];
	struct rte_eth_stats st;
	int fds = test_count_fds(), raw;
	unsigned int i, got = 0;
	uint16_t a, b, n;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_tun0");
	assert_true(tt_if_exists("dtun0"));
	assert_int_equal(pt_sysfs("dtun0", "tun_flags") & IFF_TUN, IFF_TUN);
	assert_int_equal(rte_eth_macaddr_get(a, &mac), 0);
	assert_true(rte_is_same_ether_addr(&mac, &zero));
	/* As in DPDK, mac is accepted and ignored; remote is refused as for net_tap. */
	b = attach("net_tun1,iface=htaptun,mac=fixed");
	assert_int_equal(rte_eth_macaddr_get(b, &mac), 0);
	assert_true(rte_is_same_ether_addr(&mac, &zero));
	log_clear();
	assert_true(rte_eth_dev_attach("net_tun2,remote=lo", &n) < 0);
	assert_non_null(strstr(log_text(), "remote=lo is not supported"));
	/* A tun interface is not a tap one, nor the other way round. */
	assert_int_equal(pt_sh("ip tuntap add htaptp mode tun multi_queue"), 0);
	expect_refused("net_tap_bad,iface=htaptp", "htaptp already exists and is not a "
		"multi-queue tap interface");
	assert_int_equal(pt_sh("ip tuntap del htaptp mode tun multi_queue"), 0);
	assert_int_equal(pt_sh("ip tuntap add htaptp mode tap multi_queue"), 0);
	log_clear();
	assert_true(rte_eth_dev_attach("net_tun2,iface=htaptp", &n) < 0);
	assert_non_null(strstr(log_text(), "htaptp already exists and is not a multi-queue tun"));
	assert_int_equal(pt_sh("ip tuntap del htaptp mode tap multi_queue"), 0);
	assert_int_equal(pt_port_remove(a), 0);
	assert_false(tt_if_exists("dtun0"));

	assert_int_equal(pt_port_start(b, 1, 0, pool), 0);
	log_clear();
	assert_int_equal(rte_eth_dev_default_mac_addr_set(b, &want), -ENOTSUP);
	assert_non_null(strstr(log_text(), "a tun interface has no MAC address"));
	raw = tt_raw_socket("htaptun");
	assert_true(raw >= 0);
	for (i = 0; i < 50; i++) {
		m = tt_ip_packet(pool, 64 + i * 20, i);
		assert_non_null(m);
		assert_int_equal(rte_eth_tx_burst(b, 0, &m, 1), 1);
	}
	assert_int_equal(tt_raw_receive_ip(raw, 50, 3000), 50);
	for (i = 0; i < 30; i++)
		assert_int_equal(tt_raw_send_ip(raw, 64 + i * 30, i), 0);
	for (i = 0; i < 300 && got < 30; i++) {
		uint16_t k;

		n = rte_eth_rx_burst(b, 0, rx, RTE_DIM(rx));
		for (k = 0; k < n; k++) {
			if (tt_ip_seq(rx[k]) >= 0)
				got++;
			rte_pktmbuf_free(rx[k]);
		}
		if (n == 0)
			usleep(10000);
	}
	assert_int_equal(got, 30);
	assert_int_equal(rte_eth_stats_get(b, &st), 0);
	assert_int_equal(st.opackets, 50);
	assert_int_equal(st.oerrors, 0);
	close(raw);
	assert_int_equal(pt_port_remove(b), 0);
	assert_false(tt_if_exists("htaptun"));
	assert_int_equal(test_count_fds(), fds);
}

static void
test_attach_detach_no_leak(void **state)
{
	uint64_t start;
	int fds, i;
	uint16_t port;

	(void)state;
	SKIP_IF_NEEDED();
	/* Once first: whatever EAL allocates lazily on the first attach is not a leak. */
	port = attach("net_tap_l,iface=htapl");
	assert_int_equal(pt_port_start(port, 2, 0, pool), 0);
	assert_int_equal(pt_port_remove(port), 0);
	fds = test_count_fds();
	start = rte_get_timer_cycles();
	for (i = 0; i < 1000; i++) {
		port = attach("net_tap_l,iface=htapl");
		assert_int_equal(test_count_fds(), fds + 1);
		if (i % 2 == 0) {
			assert_int_equal(pt_port_start(port, 2, 0, pool), 0);
			assert_int_equal(test_count_fds(), fds + 3);
			assert_int_equal(pt_port_remove(port), 0);
		} else {
			struct rte_eth_dev_info info;

			/* Detach alone closes and releases an unconfigured port too. */
			assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
			assert_int_equal(rte_dev_remove(info.device), 0);
		}
		assert_false(tt_if_exists("htapl"));
	}
	print_message("1000 cycles, %.1f us each, fds %d before and %d after\n",
		(double)(rte_get_timer_cycles() - start) * 1e6 / rte_get_timer_hz() / 1000,
		fds, test_count_fds());
	assert_int_equal(test_count_fds(), fds);
}

static int
setup(void **state)
{
	char *argv[] = { "test", "--no-huge", "-m", "256", "-l", "0-1",
		"--file-prefix=pmd_tap", "--log-level=pmd.net.tap:info", NULL };

	(void)state;
	skip_reason = tt_make_network();
	if (rte_eal_init(RTE_DIM(argv) - 1, argv) < 0)
		return -1;
	logstream = fmemopen(logbuf, sizeof(logbuf), "w");
	if (logstream == NULL || rte_openlog_stream(logstream) != 0)
		return -1;
	setvbuf(logstream, NULL, _IONBF, 0);
	pool = rte_pktmbuf_pool_create("tap_test_pool", 8191, 128, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	small_pool = rte_pktmbuf_pool_create("tap_test_small", 8191, 128, 0,
		256 + RTE_PKTMBUF_HEADROOM, SOCKET_ID_ANY);
	return pool == NULL || small_pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	rte_mempool_free(small_pool);
	rte_eal_cleanup();
	rte_openlog_stream(NULL);
	if (logstream != NULL)
		fclose(logstream);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_destroy),
		cmocka_unit_test(test_close_then_reconfigure),
		cmocka_unit_test(test_traffic_both_ways),
		cmocka_unit_test(test_segments_and_oversize),
		cmocka_unit_test(test_small_pool),
		cmocka_unit_test(test_several_queues),
		cmocka_unit_test(test_bad_devargs_refused),
		cmocka_unit_test(test_without_cap_net_admin),
		cmocka_unit_test(test_persistent_interface),
		cmocka_unit_test(test_link_follows_start_stop),
		cmocka_unit_test(test_mtu_mac_promisc),
		cmocka_unit_test(test_forward_through_bridge),
		cmocka_unit_test(test_forward_while_hotplugging),
		cmocka_unit_test(test_tun_mode),
		cmocka_unit_test(test_attach_detach_no_leak),
	};

	return cmocka_run_group_tests_name("pmd_tap", tests, setup, teardown);
}
