/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_af_packet on veth pairs in a network namespace of the test's own: traffic both ways,
 * several queue pairs, statistics, refused device arguments, link state, MTU, promiscuous
 * mode, hotplug while another port forwards, and no descriptor or mapping left by detach.
 * Skipped, with the reason, when not root or namespaces or iproute2 are missing.
 */
#include "test_common.h"

#include <errno.h>
#include <unistd.h>
#include <net/if.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include "afp_test_util.h"

static const char *skip_reason;
static struct rte_mempool *pool;
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

/* Send count frames of the given lengths (cycled) from queue q of port, flows 0..nflows-1. */
static void
send_frames(uint16_t port, uint16_t q, unsigned int count, const uint32_t *lens,
		unsigned int nlens, unsigned int nflows)
{
	struct rte_mbuf *m;
	unsigned int i;

	for (i = 0; i < count; i++) {
		m = at_frame(pool, lens[i % nlens], i % nflows, i);
		assert_non_null(m);
		while (rte_eth_tx_burst(port, q, &m, 1) == 0)
			usleep(100);
	}
}

static void
test_traffic_both_ways(void **state)
{
	static const uint32_t lens[] = { 64, 128, 1514, 600, 1000, 70 };
	struct rte_eth_stats sa, sb;
	uint16_t a, b;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_af_packet_a,iface=afpa");
	b = attach("net_af_packet_b,iface=afpb,qdisc_bypass=0");
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(pt_port_start(b, 1, 0, pool), 0);
	assert_int_equal(rte_eth_stats_reset(a), 0);
	assert_int_equal(rte_eth_stats_reset(b), 0);

	send_frames(a, 0, 300, lens, RTE_DIM(lens), 1);
	assert_int_equal(at_receive(b, 1, 300, 3000, NULL), 300);
	send_frames(b, 0, 200, lens, RTE_DIM(lens), 1);
	assert_int_equal(at_receive(a, 1, 200, 3000, NULL), 200);

	assert_int_equal(rte_eth_stats_get(a, &sa), 0);
	assert_int_equal(rte_eth_stats_get(b, &sb), 0);
	assert_int_equal(sa.opackets, 300);
	assert_int_equal(sb.ipackets, 300);
	assert_int_equal(sb.opackets, 200);
	assert_int_equal(sa.ipackets, 200);
	assert_int_equal(sa.obytes, sb.ibytes);
	assert_int_equal(sb.obytes, sa.ibytes);
	assert_int_equal(sa.q_opackets[0], 300);
	assert_int_equal(sb.q_ipackets[0], 300);
	assert_int_equal(sa.oerrors + sa.ierrors + sa.imissed, 0);

	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_port_remove(b), 0);
}

/* Close releases the sockets; configuring the closed port again makes new ones. */
static void
test_close_then_reconfigure(void **state)
{
	static const uint32_t lens[] = { 99 };
	int fds = test_count_fds();
	uint16_t a, b;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_af_packet_a,iface=afpa,qpairs=2");
	b = attach("net_af_packet_b,iface=afpb");
	assert_int_equal(test_count_fds(), fds + 3);
	assert_int_equal(pt_port_start(a, 2, 0, pool), 0);
	assert_int_equal(rte_eth_dev_close(a), 0);
	assert_int_equal(test_count_fds(), fds + 1);
	assert_int_equal(pt_port_start(a, 2, 0, pool), 0);
	assert_int_equal(test_count_fds(), fds + 3);
	assert_int_equal(pt_port_start(b, 1, 0, pool), 0);
	send_frames(a, 1, 10, lens, 1, 1);
	assert_int_equal(at_receive(b, 1, 10, 3000, NULL), 10);
	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_port_remove(b), 0);
	assert_int_equal(test_count_fds(), fds);
}

static void
test_qpairs_spread_flows(void **state)
{
	static const uint32_t lens[] = { 100 };
	unsigned int per_queue[4] = { 0 }, used = 0, i;
	struct rte_eth_dev_info info;
	struct rte_eth_stats st;
	uint16_t a, b;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_af_packet_a,iface=afpa,qpairs=4");
	b = attach("net_af_packet_b,iface=afpb,qpairs=4");
	assert_int_equal(rte_eth_dev_info_get(b, &info), 0);
	assert_int_equal(info.max_rx_queues, 4);
	assert_int_equal(info.max_tx_queues, 4);
	assert_int_equal(info.if_index, if_nametoindex("afpb"));
	assert_int_equal(pt_port_start(a, 4, 0, pool), 0);
	assert_int_equal(pt_port_start(b, 4, 0, pool), 0);

	/* 64 flows from one tx queue: the kernel's hash spreads them over b's four sockets. */
	send_frames(a, 0, 400, lens, 1, 64);
	send_frames(a, 3, 100, lens, 1, 64);
	assert_int_equal(at_receive(b, 4, 500, 3000, per_queue), 500);
	for (i = 0; i < 4; i++)
		used += per_queue[i] > 0;
	print_message("frames per queue: %u %u %u %u\n", per_queue[0], per_queue[1],
		per_queue[2], per_queue[3]);
	assert_true(used >= 2);
	assert_int_equal(rte_eth_stats_get(b, &st), 0);
	assert_int_equal(st.ipackets, 500);
	for (i = 0; i < 4; i++)
		assert_int_equal(st.q_ipackets[i], per_queue[i]);
	assert_int_equal(rte_eth_stats_get(a, &st), 0);
	assert_int_equal(st.q_opackets[0], 400);
	assert_int_equal(st.q_opackets[3], 100);

	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_port_remove(b), 0);
}

/* Big frames: refused without scatter, chained with it; too big for a tx slot: counted. */
static void
test_scatter_and_oversize(void **state)
{
	static const uint32_t lens[] = { 1514, 700, 64 };
	struct rte_mempool *small;
	struct rte_eth_stats st;
	struct rte_mbuf *rx[8], *m;
	struct rte_eth_conf conf;
	unsigned int got = 0;
	uint16_t a, b, n, i;
	int tries = 0;

	(void)state;
	SKIP_IF_NEEDED();
	small = rte_pktmbuf_pool_create("afp_small", 1023, 32, 0, RTE_PKTMBUF_HEADROOM + 512,
		SOCKET_ID_ANY);
	assert_non_null(small);
	a = attach("net_af_packet_a,iface=afpa");
	b = attach("net_af_packet_b,iface=afpb");
	memset(&conf, 0, sizeof(conf));
	assert_int_equal(rte_eth_dev_configure(b, 1, 1, &conf), 0);
	assert_int_equal(rte_eth_rx_queue_setup(b, 0, 512, SOCKET_ID_ANY, NULL, small), -ENOMEM);
	assert_int_equal(pt_port_start(b, 1, RTE_ETH_RX_OFFLOAD_SCATTER, small), 0);
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);

	/* Chains on the way out too: frames built from the small pool. */
	for (i = 0; i < 30; i++) {
		m = at_frame(small, lens[i % 3], 1, i);
		assert_non_null(m);
		assert_int_equal(m->nb_segs, (lens[i % 3] + 511) / 512);
		assert_int_equal(rte_eth_tx_burst(a, 0, &m, 1), 1);
	}
	while (got < 30 && tries++ < 3000) {
		n = rte_eth_rx_burst(b, 0, rx, RTE_DIM(rx));
		for (i = 0; i < n; i++) {
			long seq = at_frame_seq(rx[i]);

			assert_int_equal(seq, got);
			assert_int_equal(rx[i]->pkt_len, lens[got % 3]);
			assert_int_equal(rx[i]->nb_segs, (lens[got % 3] + 511) / 512);
			got++;
			rte_pktmbuf_free(rx[i]);
		}
		if (n == 0)
			usleep(1000);
	}
	assert_int_equal(got, 30);

	/* 2017 bytes do not fit in a 2048-byte slot after its 32-byte header: dropped, counted. */
	assert_int_equal(rte_eth_stats_reset(a), 0);
	m = at_frame(small, 2017, 1, 99);
	assert_non_null(m);
	assert_int_equal(rte_eth_tx_burst(a, 0, &m, 1), 1);
	m = at_frame(small, 2016, 1, 100);
	assert_non_null(m);
	assert_int_equal(rte_eth_tx_burst(a, 0, &m, 1), 1);
	assert_int_equal(rte_eth_stats_get(a, &st), 0);
	assert_int_equal(st.oerrors, 1);
	assert_int_equal(st.q_errors[0], 1);
	assert_int_equal(st.opackets, 1);
	assert_int_equal(st.obytes, 2016);

	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_port_remove(b), 0);
	rte_mempool_free(small);
}

/* Frames the kernel drops because nobody empties the ring show in imissed. */
static void
test_ring_overflow_imissed(void **state)
{
	static const uint32_t lens[] = { 200 };
	struct rte_eth_stats st;
	uint16_t a, b;
	int i;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_af_packet_a,iface=afpa");
	b = attach("net_af_packet_b,iface=afpb,framecnt=8");
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(pt_port_start(b, 1, 0, pool), 0);
	assert_int_equal(rte_eth_stats_reset(b), 0);
	send_frames(a, 0, 50, lens, 1, 1);
	/* The kernel counts as it delivers: wait for the 42 that cannot fit in 8 frames. */
	for (i = 0; i < 200; i++) {
		assert_int_equal(rte_eth_stats_get(b, &st), 0);
		if (st.imissed >= 42)
			break;
		usleep(10000);
	}
	assert_int_equal(st.imissed, 42);
	assert_int_equal(at_receive(b, 1, 50, 500, NULL), 8);
	assert_int_equal(rte_eth_stats_get(b, &st), 0);
	assert_int_equal(st.ipackets, 8);
	assert_int_equal(st.imissed, 42);
	assert_int_equal(rte_eth_stats_reset(b), 0);
	assert_int_equal(rte_eth_stats_get(b, &st), 0);
	assert_int_equal(st.imissed, 0);
	assert_int_equal(st.ipackets, 0);
	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_port_remove(b), 0);
}

/* The kernel hands received VLAN tags out of band: they come back in the frame. */
static void
test_vlan_tag(void **state)
{
	struct rte_mbuf *m, *rx[8];
	uint16_t a, b, n, i;
	int tries = 0, seen = 0;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_af_packet_a,iface=afpa");
	b = attach("net_af_packet_b,iface=afpb");
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(pt_port_start(b, 1, 0, pool), 0);
	m = at_frame(pool, 200, 2, 5);
	assert_non_null(m);
	m->ol_flags |= RTE_MBUF_F_TX_VLAN;
	m->vlan_tci = 0x0123;
	assert_int_equal(rte_eth_tx_burst(a, 0, &m, 1), 1);
	while (!seen && tries++ < 2000) {
		n = rte_eth_rx_burst(b, 0, rx, RTE_DIM(rx));
		for (i = 0; i < n; i++) {
			const uint8_t *p = rte_pktmbuf_mtod(rx[i], const uint8_t *);

			if (rx[i]->pkt_len == 204 && p[12] == 0x81 && p[13] == 0x00) {
				assert_int_equal(p[14], 0x01);
				assert_int_equal(p[15], 0x23);
				assert_int_equal(p[16], 0x08);
				assert_memory_equal(p + 46, "AFPT", 4);
				assert_true(rx[i]->ol_flags & RTE_MBUF_F_RX_VLAN);
				assert_false(rx[i]->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED);
				assert_int_equal(rx[i]->vlan_tci, 0x0123);
				seen = 1;
			}
			rte_pktmbuf_free(rx[i]);
		}
		if (n == 0)
			usleep(1000);
	}
	assert_true(seen);

	/* With VLAN_STRIP the tag stays out of the frame, in vlan_tci only. */
	assert_int_equal(rte_eth_dev_stop(b), 0);
	assert_int_equal(pt_port_start(b, 1, RTE_ETH_RX_OFFLOAD_VLAN_STRIP, pool), 0);
	m = at_frame(pool, 200, 2, 6);
	assert_non_null(m);
	m->ol_flags |= RTE_MBUF_F_TX_VLAN;
	m->vlan_tci = 0x0456;
	assert_int_equal(rte_eth_tx_burst(a, 0, &m, 1), 1);
	seen = 0;
	tries = 0;
	while (!seen && tries++ < 2000) {
		n = rte_eth_rx_burst(b, 0, rx, RTE_DIM(rx));
		for (i = 0; i < n; i++) {
			if (at_frame_seq(rx[i]) == 6) {
				assert_int_equal(rx[i]->pkt_len, 200);
				assert_true(rx[i]->ol_flags & RTE_MBUF_F_RX_VLAN);
				assert_true(rx[i]->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED);
				assert_int_equal(rx[i]->vlan_tci, 0x0456);
				seen = 1;
			}
			rte_pktmbuf_free(rx[i]);
		}
		if (n == 0)
			usleep(1000);
	}
	assert_true(seen);
	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_port_remove(b), 0);
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

static void
test_bad_devargs_refused(void **state)
{
	static const struct {
		const char *devargs;
		const char *message;
	} bad[] = {
		{ "net_af_packet_bad", "no iface argument" },
		{ "net_af_packet_bad,qpairs=2", "no iface argument" },
		{ "net_af_packet_bad,iface=afpnosuch", "no network interface named afpnosuch" },
		{ "net_af_packet_bad,iface=afpa,framesz=2050", "framesz=2050 is not a multiple" },
		{ "net_af_packet_bad,iface=afpa,framesz=8192", "framesz=8192 is bigger than" },
		{ "net_af_packet_bad,iface=afpa,blocksz=5000", "blocksz=5000 is not a multiple" },
		{ "net_af_packet_bad,iface=afpa,framecnt=0", "framecnt must be a positive number" },
		{ "net_af_packet_bad,iface=afpa,framecnt=3", "framecnt=3 is not a multiple" },
		{ "net_af_packet_bad,iface=afpa,qpairs=0", "qpairs must be a positive number" },
		{ "net_af_packet_bad,iface=afpa,qpairs=17", "qpairs=17 is more than 16" },
		{ "net_af_packet_bad,iface=afpa,qpairs=x", "qpairs must be a positive number" },
		{ "net_af_packet_bad,iface=afpa,qpairs=0x2", "qpairs must be a positive number" },
		{ "net_af_packet_bad,iface=afpa,framesz=", "framesz must be a positive number" },
		{ "net_af_packet_bad,iface=afpa,bogus=1", "unknown argument bogus" },
		{ "net_af_packet_bad,iface=afpa,qdisc_bypass=2", "qdisc_bypass must be 0 or 1" },
		{ "net_af_packet_bad,iface=afpa,framesz=32", "leaves no room" },
		/* Valid here, too big for the kernel: the socket opened first is closed again. */
		{ "net_af_packet_bad,iface=afpa,qpairs=2,framesz=4096,framecnt=4194304",
			"kernel refused rings of 4194304 frames" },
		{ "net_af_packet_bad,iface=afpa0123456789abcdef", "invalid interface name" },
	};
	uint16_t total = rte_eth_dev_count_total();
	int fds = test_count_fds(), maps = at_socket_maps();
	const char *p;
	uint16_t port;
	unsigned int i;

	(void)state;
	SKIP_IF_NEEDED();
	for (i = 0; i < RTE_DIM(bad); i++) {
		log_clear();
		assert_true(rte_eth_dev_attach(bad[i].devargs, &port) < 0);
		if (strstr(log_text(), bad[i].message) == NULL)
			fail_msg("%s: log does not say '%s': %s", bad[i].devargs, bad[i].message,
				log_text());
		/* One line from the driver (the bus and ethdev add theirs). */
		p = strstr(log_text(), "(): net_af_packet_bad:");
		assert_non_null(p);
		assert_null(strstr(p + 1, "(): net_af_packet_bad:"));
		assert_int_equal(rte_eth_dev_count_total(), total);
		assert_int_equal(test_count_fds(), fds);
		assert_int_equal(at_socket_maps(), maps);
	}
	/* The same device name is free again: nothing of the failed attempts remains. */
	port = attach("net_af_packet_bad,iface=afpa,blocksz=8192,framesz=4096,framecnt=64");
	assert_int_equal(pt_port_remove(port), 0);
}

static void
test_link_follows_interface(void **state)
{
	struct rte_eth_link link;
	uint16_t a;
	int i;

	(void)state;
	SKIP_IF_NEEDED();
	a = attach("net_af_packet_a,iface=afpa");
	assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);
	assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_UP);
	assert_int_equal(link.link_speed, 10000);

	assert_int_equal(pt_sh("ip link set afpa down"), 0);
	assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_int_equal(pt_sh("ip link set afpa up"), 0);
	/* The carrier of a veth comes back with the interface, maybe a moment later. */
	for (i = 0; i < 200; i++) {
		assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
		if (link.link_status == RTE_ETH_LINK_UP)
			break;
		usleep(10000);
	}
	assert_int_equal(link.link_status, RTE_ETH_LINK_UP);

	/*
	 * The peer going down takes the carrier away. The kernel publishes the new operational
	 * state from its link-watch work, up to a second later on a busy machine.
	 */
	assert_int_equal(pt_sh("ip link set afpb down"), 0);
	for (i = 0; i < 200; i++) {
		assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
		if (link.link_status == RTE_ETH_LINK_DOWN)
			break;
		usleep(10000);
	}
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_int_equal(pt_sh("ip link set afpb up"), 0);

	/* As in DPDK, the port does not set the interface up or down. */
	assert_int_equal(rte_eth_dev_set_link_down(a), -ENOTSUP);
	assert_int_equal(rte_eth_dev_set_link_up(a), -ENOTSUP);
	assert_int_equal(pt_sysfs("afpa", "flags") & IFF_UP, IFF_UP);

	assert_int_equal(rte_eth_dev_stop(a), 0);
	assert_int_equal(rte_eth_link_get_nowait(a, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	/* Stopping the port leaves the interface as it was. */
	assert_int_equal(pt_sysfs("afpa", "flags") & IFF_UP, IFF_UP);
	assert_int_equal(pt_port_remove(a), 0);
}

static void
test_mtu_mac_promisc(void **state)
{
	struct rte_ether_addr mac, want = {{ 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 }};
	struct rte_eth_dev_info info;
	uint16_t a, mtu;

	(void)state;
	SKIP_IF_NEEDED();
	assert_int_equal(pt_sh("ip link set afpa mtu 1600"), 0);
	a = attach("net_af_packet_a,iface=afpa");
	assert_int_equal(rte_eth_dev_get_mtu(a, &mtu), 0);
	assert_int_equal(mtu, 1600);
	assert_int_equal(rte_eth_dev_info_get(a, &info), 0);
	assert_int_equal(info.max_mtu, 2048 - 52);
	assert_int_equal(pt_port_start(a, 1, 0, pool), 0);

	assert_int_equal(rte_eth_dev_set_mtu(a, 1400), 0);
	assert_int_equal(pt_sysfs("afpa", "mtu"), 1400);
	assert_int_equal(rte_eth_dev_get_mtu(a, &mtu), 0);
	assert_int_equal(mtu, 1400);
	assert_int_equal(rte_eth_dev_set_mtu(a, 1997), -EINVAL);
	assert_int_equal(pt_sysfs("afpa", "mtu"), 1400);
	assert_int_equal(rte_eth_dev_set_mtu(a, 1996), 0);
	assert_int_equal(pt_sysfs("afpa", "mtu"), 1996);
	assert_int_equal(rte_eth_dev_set_mtu(a, 1500), 0);

	/* The port's MAC is the interface's, and setting it sets the interface's. */
	assert_int_equal(rte_eth_macaddr_get(a, &mac), 0);
	assert_int_equal(pt_sh("ip link show afpa | grep -q %02x:%02x:%02x:%02x:%02x:%02x",
		mac.addr_bytes[0], mac.addr_bytes[1], mac.addr_bytes[2], mac.addr_bytes[3],
		mac.addr_bytes[4], mac.addr_bytes[5]), 0);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(a, &want), 0);
	assert_int_equal(pt_sh("ip link show afpa | grep -q 02:11:22:33:44:55"), 0);
	assert_int_equal(rte_eth_macaddr_get(a, &mac), 0);
	assert_true(rte_is_same_ether_addr(&mac, &want));

	assert_int_equal(pt_sysfs("afpa", "flags") & IFF_PROMISC, 0);
	assert_int_equal(rte_eth_promiscuous_enable(a), 0);
	assert_int_equal(pt_sysfs("afpa", "flags") & IFF_PROMISC, IFF_PROMISC);
	assert_int_equal(rte_eth_promiscuous_get(a), 1);
	assert_int_equal(rte_eth_promiscuous_disable(a), 0);
	assert_int_equal(pt_sysfs("afpa", "flags") & IFF_PROMISC, 0);
	assert_int_equal(rte_eth_allmulticast_enable(a), 0);
	assert_int_equal(pt_sysfs("afpa", "flags") & IFF_ALLMULTI, IFF_ALLMULTI);
	assert_int_equal(rte_eth_allmulticast_disable(a), 0);
	assert_int_equal(pt_sysfs("afpa", "flags") & IFF_ALLMULTI, 0);

	/* A port closed in promiscuous mode gives the interface back as it found it. */
	assert_int_equal(rte_eth_promiscuous_enable(a), 0);
	assert_int_equal(pt_port_remove(a), 0);
	assert_int_equal(pt_sysfs("afpa", "flags") & IFF_PROMISC, 0);
}

struct fwd_ctx {
	uint16_t tx_port;
	uint16_t rx_port;
	unsigned int count;
	unsigned int received;
	int failed;
};

/* On a worker lcore: send count frames from tx_port and receive them on rx_port. */
static int
fwd_worker(void *arg)
{
	struct fwd_ctx *c = arg;
	struct rte_mbuf *rx[32], *m = NULL;
	unsigned int sent = 0, idle = 0;
	uint16_t n, i;

	while (c->received < c->count && idle < 200000) {
		if (sent < c->count) {
			if (m == NULL)
				m = at_frame(pool, 60 + 4 + (sent % 1400), sent % 16, sent);
			if (m != NULL && rte_eth_tx_burst(c->tx_port, 0, &m, 1) == 1) {
				m = NULL;
				sent++;
			}
		}
		n = rte_eth_rx_burst(c->rx_port, 0, rx, RTE_DIM(rx));
		for (i = 0; i < n; i++) {
			if (at_frame_seq(rx[i]) == (long)c->received)
				c->received++;
			else
				c->failed = 1;
			rte_pktmbuf_free(rx[i]);
		}
		idle = n == 0 && sent == c->count ? idle + 1 : 0;
		if (n == 0 && sent == c->count)
			usleep(10);
	}
	rte_pktmbuf_free(m);
	return 0;
}

static void
test_hotplug_while_forwarding(void **state)
{
	struct fwd_ctx ctx = { .count = 20000 };
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);
	uint16_t c, d;
	int i;

	(void)state;
	SKIP_IF_NEEDED();
	if (worker >= RTE_MAX_LCORE) {
		print_message("SKIPPED: needs a second lcore\n");
		skip();
	}
	ctx.tx_port = attach("net_af_packet_a,iface=afpa");
	ctx.rx_port = attach("net_af_packet_b,iface=afpb,framecnt=4096");
	assert_int_equal(pt_port_start(ctx.tx_port, 1, 0, pool), 0);
	assert_int_equal(pt_port_start(ctx.rx_port, 1, 0, pool), 0);
	assert_int_equal(rte_eal_remote_launch(fwd_worker, &ctx, worker), 0);
	/* Meanwhile other ports come and go, and carry traffic of their own. */
	for (i = 0; i < 10; i++) {
		static const uint32_t lens[] = { 300 };

		c = attach("net_af_packet_c,iface=afpc,qpairs=2");
		d = attach("net_af_packet_d,iface=afpd");
		assert_int_equal(pt_port_start(c, 2, 0, pool), 0);
		assert_int_equal(pt_port_start(d, 1, 0, pool), 0);
		send_frames(c, 1, 20, lens, 1, 4);
		assert_int_equal(at_receive(d, 1, 20, 3000, NULL), 20);
		assert_int_equal(pt_port_remove(c), 0);
		assert_int_equal(pt_port_remove(d), 0);
	}
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	print_message("forwarded %u of %u frames in order\n", ctx.received, ctx.count);
	assert_int_equal(ctx.failed, 0);
	assert_int_equal(ctx.received, ctx.count);
	assert_int_equal(pt_port_remove(ctx.tx_port), 0);
	assert_int_equal(pt_port_remove(ctx.rx_port), 0);
}

static void
test_attach_detach_no_leak(void **state)
{
	int fds, maps, i;
	uint16_t port;

	(void)state;
	SKIP_IF_NEEDED();
	/* Once first: whatever EAL allocates lazily on the first attach is not a leak. */
	port = attach("net_af_packet_l,iface=afpa,qpairs=2");
	assert_int_equal(pt_port_start(port, 2, 0, pool), 0);
	assert_int_equal(pt_port_remove(port), 0);
	fds = test_count_fds();
	maps = at_socket_maps();
	for (i = 0; i < 100; i++) {
		port = attach("net_af_packet_l,iface=afpa,qpairs=2");
		assert_int_equal(at_socket_maps(), maps + 2);
		assert_int_equal(test_count_fds(), fds + 2);
		if (i % 2 == 0) {
			assert_int_equal(pt_port_start(port, 2, 0, pool), 0);
			assert_int_equal(pt_port_remove(port), 0);
		} else {
			struct rte_eth_dev_info info;

			/* Detach alone closes and releases an unconfigured port too. */
			assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
			assert_int_equal(rte_dev_remove(info.device), 0);
		}
	}
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(at_socket_maps(), maps);
}

static int
setup(void **state)
{
	static const char *const ifs[] = { "afpa", "afpb", "afpc", "afpd" };
	char *argv[] = { "test", "--no-huge", "-m", "256", "-l", "0-1",
		"--file-prefix=pmd_af_packet", "--log-level=pmd.net.af_packet:info", NULL };

	(void)state;
	skip_reason = at_make_network(ifs, RTE_DIM(ifs));
	if (rte_eal_init(RTE_DIM(argv) - 1, argv) < 0)
		return -1;
	logstream = fmemopen(logbuf, sizeof(logbuf), "w");
	if (logstream == NULL || rte_openlog_stream(logstream) != 0)
		return -1;
	setvbuf(logstream, NULL, _IONBF, 0);
	pool = rte_pktmbuf_pool_create("afp_test_pool", 8191, 128, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
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
		cmocka_unit_test(test_traffic_both_ways),
		cmocka_unit_test(test_close_then_reconfigure),
		cmocka_unit_test(test_qpairs_spread_flows),
		cmocka_unit_test(test_scatter_and_oversize),
		cmocka_unit_test(test_ring_overflow_imissed),
		cmocka_unit_test(test_vlan_tag),
		cmocka_unit_test(test_bad_devargs_refused),
		cmocka_unit_test(test_link_follows_interface),
		cmocka_unit_test(test_mtu_mac_promisc),
		cmocka_unit_test(test_hotplug_while_forwarding),
		cmocka_unit_test(test_attach_detach_no_leak),
	};

	return cmocka_run_group_tests_name("pmd_af_packet", tests, setup, teardown);
}
