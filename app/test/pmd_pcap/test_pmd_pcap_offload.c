/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The offloads net_pcap performs in software: packet types and checksum verdicts on rx,
 * checksums filled in on tx (in the capture, never in the application's shared data), the
 * capabilities it advertises and MTU changes within its limit.
 */
#include "test_common.h"

#include <inttypes.h>
#include <unistd.h>
#include <sys/stat.h>

#include <rte_eal.h>
#include <rte_dev.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_udp.h>
#include <rte_tcp.h>
#include <rte_mbuf.h>

#include "pcap_test_util.h"

static char tmpdir[64];
static struct pt_frame frames[PT_MAX_FRAMES];
static struct pt_frame readback[PT_MAX_FRAMES];

static const struct rte_ether_addr dst_mac = {{ 0x02, 0, 0, 0, 0, 0x01 }};
static const struct rte_ether_addr src_mac = {{ 0x02, 0, 0, 0, 0, 0x02 }};

static void
path_of(char *buf, size_t len, const char *file)
{
	snprintf(buf, len, "%s/%s", tmpdir, file);
}

/* Attach net_pcap<id> with the given arguments; returns its port id. */
static uint16_t
attach(const char *name, const char *args)
{
	uint16_t port = RTE_MAX_ETHPORTS;
	char devargs[2 * PATH_MAX];

	snprintf(devargs, sizeof(devargs), "%s,%s", name, args);
	assert_int_equal(rte_dev_probe(devargs), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name(name, &port), 0);
	return port;
}

static void
detach(uint16_t port)
{
	struct rte_eth_dev_info info;

	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_dev_remove(info.device), 0);
}

/* Start port with offloads enabled for the port, or only for its rx queue (rxq_offloads). */
static int
start_q(uint16_t port, uint64_t rx_offloads, uint64_t tx_offloads, uint64_t rxq_offloads)
{
	struct rte_eth_dev_info info;
	struct rte_eth_rxconf rxconf;
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.offloads = rx_offloads;
	conf.txmode.offloads = tx_offloads;
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret < 0)
		return ret;
	ret = rte_eth_dev_info_get(port, &info);
	if (ret < 0)
		return ret;
	rxconf = info.default_rxconf;
	rxconf.offloads = rxq_offloads;
	ret = rte_eth_rx_queue_setup(port, 0, 128, SOCKET_ID_ANY, &rxconf, pt_pool());
	if (ret < 0)
		return ret;
	ret = rte_eth_tx_queue_setup(port, 0, 128, SOCKET_ID_ANY, NULL);
	if (ret < 0)
		return ret;
	return rte_eth_dev_start(port);
}

static int
start(uint16_t port, uint64_t rx_offloads, uint64_t tx_offloads)
{
	return start_q(port, rx_offloads, tx_offloads, 0);
}

enum l4 { L4_UDP, L4_TCP };

/*
 * An Ethernet frame of len bytes carrying UDP or TCP over IPv4 (or IPv6), both checksums
 * right. Returns the offset of the L4 header.
 */
static uint32_t
make_ip_frame(struct pt_frame *f, uint32_t len, int ipv6, enum l4 l4)
{
	struct rte_ether_hdr *eth = (struct rte_ether_hdr *)f->data;
	uint32_t l3 = sizeof(*eth), l4off, i;
	uint8_t *p = f->data;

	memset(f->data, 0, len);
	f->len = len;
	eth->dst_addr = dst_mac;
	eth->src_addr = src_mac;
	for (i = l3; i < len; i++)
		p[i] = (uint8_t)(i * 7 + 3);
	if (!ipv6) {
		struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(p + l3);

		eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
		memset(ip, 0, sizeof(*ip));
		ip->version_ihl = RTE_IPV4_VHL_DEF;
		ip->total_length = rte_cpu_to_be_16((uint16_t)(len - l3));
		ip->packet_id = rte_cpu_to_be_16(0x1234);
		ip->time_to_live = 64;
		ip->next_proto_id = l4 == L4_UDP ? IPPROTO_UDP : IPPROTO_TCP;
		ip->src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
		ip->dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 2));
		l4off = l3 + sizeof(*ip);
	} else {
		struct rte_ipv6_hdr *ip = (struct rte_ipv6_hdr *)(p + l3);

		eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV6);
		memset(ip, 0, sizeof(*ip));
		ip->vtc_flow = rte_cpu_to_be_32(6u << 28);
		ip->payload_len = rte_cpu_to_be_16((uint16_t)(len - l3 - sizeof(*ip)));
		ip->proto = l4 == L4_UDP ? IPPROTO_UDP : IPPROTO_TCP;
		ip->hop_limits = 64;
		ip->src_addr[0] = 0xfd;
		ip->src_addr[15] = 1;
		ip->dst_addr[0] = 0xfd;
		ip->dst_addr[15] = 2;
		l4off = l3 + sizeof(*ip);
	}
	if (l4 == L4_UDP) {
		struct rte_udp_hdr *udp = (struct rte_udp_hdr *)(p + l4off);

		udp->src_port = rte_cpu_to_be_16(1000);
		udp->dst_port = rte_cpu_to_be_16(2000);
		udp->dgram_len = rte_cpu_to_be_16((uint16_t)(len - l4off));
		udp->dgram_cksum = 0;
		udp->dgram_cksum = ipv6 ?
			rte_ipv6_udptcp_cksum((struct rte_ipv6_hdr *)(p + l3), udp) :
			rte_ipv4_udptcp_cksum((struct rte_ipv4_hdr *)(p + l3), udp);
	} else {
		struct rte_tcp_hdr *tcp = (struct rte_tcp_hdr *)(p + l4off);

		memset(tcp, 0, sizeof(*tcp));
		tcp->src_port = rte_cpu_to_be_16(1000);
		tcp->dst_port = rte_cpu_to_be_16(2000);
		tcp->data_off = 5 << 4;
		tcp->cksum = ipv6 ?
			rte_ipv6_udptcp_cksum((struct rte_ipv6_hdr *)(p + l3), tcp) :
			rte_ipv4_udptcp_cksum((struct rte_ipv4_hdr *)(p + l3), tcp);
	}
	if (!ipv6) {
		struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(p + l3);

		ip->hdr_checksum = rte_ipv4_cksum(ip);
	}
	return l4off;
}

static void
corrupt(struct pt_frame *f, uint32_t off)
{
	f->data[off] ^= 0x5a;
}

/* What each frame of the rx capture must be classified and flagged as. */
struct rx_case {
	uint32_t ptype;
	uint64_t ip;   /* RTE_MBUF_F_RX_IP_CKSUM_* */
	uint64_t l4;   /* RTE_MBUF_F_RX_L4_CKSUM_* */
};

#define P4(l4) (RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | (l4))
#define P6(l4) (RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6 | (l4))
static const struct rx_case rx_cases[] = {
	{ P4(RTE_PTYPE_L4_UDP), RTE_MBUF_F_RX_IP_CKSUM_GOOD, RTE_MBUF_F_RX_L4_CKSUM_GOOD },
	{ P4(RTE_PTYPE_L4_UDP), RTE_MBUF_F_RX_IP_CKSUM_BAD, RTE_MBUF_F_RX_L4_CKSUM_GOOD },
	{ P4(RTE_PTYPE_L4_UDP), RTE_MBUF_F_RX_IP_CKSUM_GOOD, RTE_MBUF_F_RX_L4_CKSUM_BAD },
	{ P4(RTE_PTYPE_L4_TCP), RTE_MBUF_F_RX_IP_CKSUM_GOOD, RTE_MBUF_F_RX_L4_CKSUM_GOOD },
	{ P4(RTE_PTYPE_L4_TCP), RTE_MBUF_F_RX_IP_CKSUM_GOOD, RTE_MBUF_F_RX_L4_CKSUM_BAD },
	{ P6(RTE_PTYPE_L4_UDP), 0, RTE_MBUF_F_RX_L4_CKSUM_GOOD },
	{ P6(RTE_PTYPE_L4_UDP), 0, RTE_MBUF_F_RX_L4_CKSUM_BAD },
	{ P6(RTE_PTYPE_L4_TCP), 0, RTE_MBUF_F_RX_L4_CKSUM_GOOD },
	{ P4(RTE_PTYPE_L4_FRAG), RTE_MBUF_F_RX_IP_CKSUM_GOOD, 0 },
	{ P4(RTE_PTYPE_L4_UDP), RTE_MBUF_F_RX_IP_CKSUM_GOOD, RTE_MBUF_F_RX_L4_CKSUM_GOOD },
	{ P4(RTE_PTYPE_L4_UDP), RTE_MBUF_F_RX_IP_CKSUM_GOOD, RTE_MBUF_F_RX_L4_CKSUM_GOOD },
	{ RTE_PTYPE_L2_ETHER, 0, 0 },
};

/* The frames of rx_cases, in order, written to path. */
static void
write_rx_capture(const char *path)
{
	struct rte_ipv4_hdr *ip;
	uint32_t l4;
	unsigned int i = 0;

	make_ip_frame(&frames[i++], 100, 0, L4_UDP);
	make_ip_frame(&frames[i], 100, 0, L4_UDP);
	corrupt(&frames[i++], RTE_ETHER_HDR_LEN + 8);            /* TTL */
	l4 = make_ip_frame(&frames[i], 100, 0, L4_UDP);
	corrupt(&frames[i++], l4 + 20);                           /* payload */
	make_ip_frame(&frames[i++], 200, 0, L4_TCP);
	l4 = make_ip_frame(&frames[i], 200, 0, L4_TCP);
	corrupt(&frames[i++], l4 + 16);                           /* the checksum itself */
	make_ip_frame(&frames[i++], 120, 1, L4_UDP);
	l4 = make_ip_frame(&frames[i], 120, 1, L4_UDP);
	corrupt(&frames[i++], l4 + 30);
	make_ip_frame(&frames[i++], 300, 1, L4_TCP);
	/* A first fragment: its L4 checksum covers bytes that are not there. */
	make_ip_frame(&frames[i], 600, 0, L4_UDP);
	ip = (struct rte_ipv4_hdr *)(frames[i].data + RTE_ETHER_HDR_LEN);
	ip->fragment_offset = rte_cpu_to_be_16(RTE_IPV4_HDR_MF_FLAG);
	ip->hdr_checksum = 0;
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	i++;
	/* A jumbo frame spread over several mbufs. */
	make_ip_frame(&frames[i++], 8000, 0, L4_UDP);
	/* A UDP datagram sent without a checksum (allowed over IPv4). */
	l4 = make_ip_frame(&frames[i], 90, 0, L4_UDP);
	frames[i].data[l4 + 6] = 0;
	frames[i].data[l4 + 7] = 0;
	i++;
	/* ARP: Ethernet, nothing above. */
	memset(frames[i].data, 0, 60);
	frames[i].len = 60;
	memcpy(frames[i].data, &dst_mac, RTE_ETHER_ADDR_LEN);
	frames[i].data[12] = 0x08;
	frames[i].data[13] = 0x06;
	i++;
	assert_int_equal(i, RTE_DIM(rx_cases));
	assert_int_equal(pt_write_capture(path, frames, i), 0);
}

/* Receive the frames of rx_cases with offloads enabled on the port (or only on the queue). */
static void
rx_and_check_q(uint64_t offloads, int per_queue)
{
	char in[PATH_MAX], args[PATH_MAX + 16];
	struct rte_mbuf *pkts[32];
	uint16_t port, n, i;

	path_of(in, sizeof(in), "rx-cksum.pcap");
	write_rx_capture(in);
	snprintf(args, sizeof(args), "rx_pcap=%s", in);
	port = attach("net_pcap_cksum", args);
	if (per_queue)
		assert_int_equal(start_q(port, 0, 0, offloads), 0);
	else
		assert_int_equal(start(port, offloads, 0), 0);
	n = rte_eth_rx_burst(port, 0, pkts, RTE_DIM(pkts));
	assert_int_equal(n, RTE_DIM(rx_cases));
	for (i = 0; i < n; i++) {
		const struct rx_case *c = &rx_cases[i];
		uint64_t ip = pkts[i]->ol_flags & RTE_MBUF_F_RX_IP_CKSUM_MASK;
		uint64_t l4 = pkts[i]->ol_flags & RTE_MBUF_F_RX_L4_CKSUM_MASK;

		print_message("# frame %u: ptype %#x ip %#" PRIx64 " l4 %#" PRIx64 "\n", i,
			pkts[i]->packet_type, ip, l4);
		assert_int_equal(pkts[i]->packet_type, c->ptype);
		assert_int_equal(pkts[i]->pkt_len, frames[i].len);
		assert_int_equal(ip, (offloads & RTE_ETH_RX_OFFLOAD_IPV4_CKSUM) ? c->ip : 0);
		if (c->l4 != 0 && (c->ptype & RTE_PTYPE_L4_MASK) == RTE_PTYPE_L4_UDP)
			assert_int_equal(l4, (offloads & RTE_ETH_RX_OFFLOAD_UDP_CKSUM) ? c->l4 : 0);
		else if (c->l4 != 0)
			assert_int_equal(l4, (offloads & RTE_ETH_RX_OFFLOAD_TCP_CKSUM) ? c->l4 : 0);
		else
			assert_int_equal(l4, 0);
	}
	/* The jumbo frame did need a chain: the checksum covered every segment. */
	assert_true(pkts[9]->nb_segs > 1);
	rte_pktmbuf_free_bulk(pkts, n);
	detach(port);
}

static void
rx_and_check(uint64_t offloads)
{
	rx_and_check_q(offloads, 0);
}

static void
test_rx_cksum_all(void **state)
{
	(void)state;
	rx_and_check(RTE_ETH_RX_OFFLOAD_CHECKSUM);
}

/* Each offload is checked only when asked for; packet types are always set. */
static void
test_rx_cksum_some(void **state)
{
	(void)state;
	rx_and_check(0);
	rx_and_check(RTE_ETH_RX_OFFLOAD_IPV4_CKSUM);
	rx_and_check(RTE_ETH_RX_OFFLOAD_UDP_CKSUM);
	rx_and_check(RTE_ETH_RX_OFFLOAD_TCP_CKSUM);
}

/* Offloads enabled for the queue alone work as well as for the whole port. */
static void
test_rx_cksum_per_queue(void **state)
{
	(void)state;
	rx_and_check_q(RTE_ETH_RX_OFFLOAD_CHECKSUM, 1);
	rx_and_check_q(RTE_ETH_RX_OFFLOAD_UDP_CKSUM, 1);
}

static void
test_capabilities(void **state)
{
	char in[PATH_MAX], args[PATH_MAX + 16];
	struct rte_eth_dev_info info;
	uint32_t ptypes[32];
	int n, i, v4 = 0, v6 = 0, udp = 0, frag = 0;
	uint16_t port;

	(void)state;
	path_of(in, sizeof(in), "caps.pcap");
	make_ip_frame(&frames[0], 64, 0, L4_UDP);
	assert_int_equal(pt_write_capture(in, frames, 1), 0);
	snprintf(args, sizeof(args), "rx_pcap=%s", in);
	port = attach("net_pcap_caps", args);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_int_equal(info.rx_offload_capa & RTE_ETH_RX_OFFLOAD_CHECKSUM,
		RTE_ETH_RX_OFFLOAD_CHECKSUM);
	assert_true(info.rx_offload_capa & RTE_ETH_RX_OFFLOAD_SCATTER);
	assert_int_equal(info.tx_offload_capa & (RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
		RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM |
		RTE_ETH_TX_OFFLOAD_MULTI_SEGS), RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
		RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM |
		RTE_ETH_TX_OFFLOAD_MULTI_SEGS);
	/* What ip_fragmentation and ip_reassembly ask for is accepted. */
	assert_int_equal(start(port, RTE_ETH_RX_OFFLOAD_CHECKSUM | RTE_ETH_RX_OFFLOAD_SCATTER,
		RTE_ETH_TX_OFFLOAD_IPV4_CKSUM | RTE_ETH_TX_OFFLOAD_MULTI_SEGS), 0);
	/* Offloads it does not have are still refused. */
	assert_int_equal(rte_eth_dev_stop(port), 0);
	{
		struct rte_eth_conf conf;

		memset(&conf, 0, sizeof(conf));
		conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_TCP_TSO;
		assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL);
	}

	n = rte_eth_dev_get_supported_ptypes(port, RTE_PTYPE_ALL_MASK, ptypes, RTE_DIM(ptypes));
	assert_true(n > 0 && n <= (int)RTE_DIM(ptypes));
	for (i = 0; i < n; i++) {
		v4 |= ptypes[i] == RTE_PTYPE_L3_IPV4;
		v6 |= ptypes[i] == RTE_PTYPE_L3_IPV6;
		udp |= ptypes[i] == RTE_PTYPE_L4_UDP;
		frag |= ptypes[i] == RTE_PTYPE_L4_FRAG;
	}
	assert_true(v4 && v6 && udp && frag);
	/* Only outer layers are classified. */
	assert_int_equal(rte_eth_dev_get_supported_ptypes(port, RTE_PTYPE_TUNNEL_MASK, NULL, 0),
		0);
	detach(port);
}

static void
test_mtu(void **state)
{
	char in[PATH_MAX], args[PATH_MAX + 16];
	struct rte_eth_dev_info info;
	uint16_t port, mtu = 0;

	(void)state;
	path_of(in, sizeof(in), "mtu.pcap");
	make_ip_frame(&frames[0], 64, 0, L4_UDP);
	assert_int_equal(pt_write_capture(in, frames, 1), 0);
	snprintf(args, sizeof(args), "rx_pcap=%s", in);
	port = attach("net_pcap_mtu", args);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_int_equal(info.max_rx_pktlen, 65535);
	assert_int_equal(info.max_mtu, 65535 - RTE_ETHER_HDR_LEN);
	assert_int_equal(start(port, 0, 0), 0);

	assert_int_equal(rte_eth_dev_set_mtu(port, 9000), 0);
	assert_int_equal(rte_eth_dev_get_mtu(port, &mtu), 0);
	assert_int_equal(mtu, 9000);
	assert_int_equal(rte_eth_dev_set_mtu(port, info.max_mtu), 0);
	/* Beyond what a capture record holds: refused, the MTU stays. */
	assert_int_equal(rte_eth_dev_set_mtu(port, info.max_mtu + 1), -EINVAL);
	assert_int_equal(rte_eth_dev_set_mtu(port, RTE_ETHER_MIN_MTU - 1), -EINVAL);
	assert_int_equal(rte_eth_dev_get_mtu(port, &mtu), 0);
	assert_int_equal(mtu, info.max_mtu);
	assert_int_equal(rte_eth_dev_set_mtu(port, RTE_ETHER_MTU), 0);
	assert_int_equal(rte_eth_dev_get_mtu(port, &mtu), 0);
	assert_int_equal(mtu, RTE_ETHER_MTU);
	detach(port);
}

/* An mbuf holding f, its checksums zeroed, asking for them with the given flags. */
static struct rte_mbuf *
tx_mbuf(const struct pt_frame *f, uint32_t l4off, int ipv6, enum l4 l4, uint64_t flags)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pt_pool());
	uint8_t *p;

	assert_non_null(m);
	p = (uint8_t *)rte_pktmbuf_append(m, (uint16_t)f->len);
	assert_non_null(p);
	memcpy(p, f->data, f->len);
	if (!ipv6)
		memset(p + RTE_ETHER_HDR_LEN + 10, 0, 2);
	memset(p + l4off + (l4 == L4_UDP ? 6 : 16), 0, 2);
	m->l2_len = RTE_ETHER_HDR_LEN;
	m->l3_len = (uint16_t)(l4off - RTE_ETHER_HDR_LEN);
	m->ol_flags |= flags;
	return m;
}

/* Split m after its first hdr bytes into a chain of two mbufs. */
static struct rte_mbuf *
chain(struct rte_mbuf *m, uint32_t hdr)
{
	struct rte_mbuf *tail = rte_pktmbuf_alloc(pt_pool());
	uint32_t rest = m->pkt_len - hdr;

	assert_non_null(tail);
	memcpy(rte_pktmbuf_append(tail, (uint16_t)rest), rte_pktmbuf_mtod_offset(m, void *, hdr),
		rest);
	assert_int_equal(rte_pktmbuf_trim(m, (uint16_t)rest), 0);
	assert_int_equal(rte_pktmbuf_chain(m, tail), 0);
	return m;
}

#define TX4 (RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM)

static void
test_tx_cksum(void **state)
{
	char out[PATH_MAX], args[PATH_MAX + 16];
	struct rte_mbuf *pkts[8], *clone;
	uint32_t l4[8];
	uint8_t before[128];
	unsigned int i, n = 0;
	uint16_t port;
	int got;

	(void)state;
	l4[n] = make_ip_frame(&frames[n], 100, 0, L4_UDP);
	pkts[n] = tx_mbuf(&frames[n], l4[n], 0, L4_UDP, TX4 | RTE_MBUF_F_TX_UDP_CKSUM);
	n++;
	l4[n] = make_ip_frame(&frames[n], 300, 0, L4_TCP);
	pkts[n] = tx_mbuf(&frames[n], l4[n], 0, L4_TCP, TX4 | RTE_MBUF_F_TX_TCP_CKSUM);
	n++;
	l4[n] = make_ip_frame(&frames[n], 200, 1, L4_UDP);
	pkts[n] = tx_mbuf(&frames[n], l4[n], 1, L4_UDP,
		RTE_MBUF_F_TX_IPV6 | RTE_MBUF_F_TX_UDP_CKSUM);
	n++;
	/* Header and payload in different segments, as ip_fragmentation sends them. */
	l4[n] = make_ip_frame(&frames[n], 1500, 0, L4_UDP);
	pkts[n] = chain(tx_mbuf(&frames[n], l4[n], 0, L4_UDP, TX4 | RTE_MBUF_F_TX_UDP_CKSUM),
		l4[n]);
	n++;
	/* Only the IPv4 header checksum asked for: the (zeroed) UDP one is left as is. */
	l4[n] = make_ip_frame(&frames[n], 100, 0, L4_UDP);
	pkts[n] = tx_mbuf(&frames[n], l4[n], 0, L4_UDP, TX4);
	frames[n].data[l4[n] + 6] = 0;
	frames[n].data[l4[n] + 7] = 0;
	n++;
	/* A clone: its data is shared with the mbuf the test keeps, which must not change. */
	l4[n] = make_ip_frame(&frames[n], 128, 0, L4_UDP);
	clone = tx_mbuf(&frames[n], l4[n], 0, L4_UDP, 0);
	memcpy(before, rte_pktmbuf_mtod(clone, void *), 128);
	pkts[n] = rte_pktmbuf_clone(clone, pt_pool());
	assert_non_null(pkts[n]);
	pkts[n]->l2_len = clone->l2_len;
	pkts[n]->l3_len = clone->l3_len;
	pkts[n]->ol_flags |= TX4 | RTE_MBUF_F_TX_UDP_CKSUM;
	n++;
	/* Lengths that do not fit the packet: written as built, nothing read out of bounds. */
	l4[n] = make_ip_frame(&frames[n], 80, 0, L4_UDP);
	pkts[n] = tx_mbuf(&frames[n], l4[n], 0, L4_UDP, TX4 | RTE_MBUF_F_TX_UDP_CKSUM);
	pkts[n]->l3_len = 200;
	memset(frames[n].data + RTE_ETHER_HDR_LEN + 10, 0, 2);
	memset(frames[n].data + l4[n] + 6, 0, 2);
	n++;
	/*
	 * Flags for IPv6 on an IPv4 packet: not acted on, even though its identification, read
	 * as an IPv6 payload length, fits the frame.
	 */
	l4[n] = make_ip_frame(&frames[n], 120, 0, L4_UDP);
	frames[n].data[RTE_ETHER_HDR_LEN + 4] = 0;
	frames[n].data[RTE_ETHER_HDR_LEN + 5] = 120 - RTE_ETHER_HDR_LEN -
		sizeof(struct rte_ipv6_hdr);
	pkts[n] = tx_mbuf(&frames[n], l4[n], 0, L4_UDP,
		RTE_MBUF_F_TX_IPV6 | RTE_MBUF_F_TX_UDP_CKSUM);
	pkts[n]->l3_len = sizeof(struct rte_ipv6_hdr);
	memset(frames[n].data + RTE_ETHER_HDR_LEN + 10, 0, 2);
	memset(frames[n].data + l4[n] + 6, 0, 2);
	n++;
	assert_true(n <= RTE_DIM(pkts));

	path_of(out, sizeof(out), "tx-cksum.pcap");
	snprintf(args, sizeof(args), "tx_pcap=%s", out);
	port = attach("net_pcap_txck", args);
	assert_int_equal(start(port, 0, RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
		RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM |
		RTE_ETH_TX_OFFLOAD_MULTI_SEGS), 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, pkts, (uint16_t)n), n);
	assert_memory_equal(rte_pktmbuf_mtod(clone, void *), before, 128);
	rte_pktmbuf_free(clone);
	detach(port);

	got = pt_read_capture(out, readback, PT_MAX_FRAMES);
	assert_int_equal(got, (int)n);
	for (i = 0; i < n; i++) {
		print_message("# frame %u\n", i);
		assert_int_equal(readback[i].len, frames[i].len);
		assert_memory_equal(readback[i].data, frames[i].data, frames[i].len);
	}
}

/* Without the tx offloads enabled the flags are not acted on: the frame goes out as is. */
static void
test_tx_cksum_not_enabled(void **state)
{
	char out[PATH_MAX], args[PATH_MAX + 16];
	struct rte_mbuf *m;
	uint8_t expect[100];
	uint32_t l4;
	uint16_t port;

	(void)state;
	l4 = make_ip_frame(&frames[0], 100, 0, L4_UDP);
	m = tx_mbuf(&frames[0], l4, 0, L4_UDP, TX4 | RTE_MBUF_F_TX_UDP_CKSUM);
	memcpy(expect, rte_pktmbuf_mtod(m, void *), sizeof(expect));
	path_of(out, sizeof(out), "tx-plain.pcap");
	snprintf(args, sizeof(args), "tx_pcap=%s", out);
	port = attach("net_pcap_txplain", args);
	assert_int_equal(start(port, 0, 0), 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, &m, 1), 1);
	detach(port);
	assert_int_equal(pt_read_capture(out, readback, PT_MAX_FRAMES), 1);
	assert_int_equal(readback[0].len, sizeof(expect));
	assert_memory_equal(readback[0].data, expect, sizeof(expect));
}

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/pcap-offload.XXXXXX",
		access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	if (pt_eal_init("pmd_pcap_offload", 1) < 0)
		return -1;
	return pt_pool() == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	rte_mempool_free(pt_pool());
	rte_eal_cleanup();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rx_cksum_all),
		cmocka_unit_test(test_rx_cksum_some),
		cmocka_unit_test(test_rx_cksum_per_queue),
		cmocka_unit_test(test_capabilities),
		cmocka_unit_test(test_mtu),
		cmocka_unit_test(test_tx_cksum),
		cmocka_unit_test(test_tx_cksum_not_enabled),
	};

	return cmocka_run_group_tests_name("pmd_pcap_offload", tests, setup, teardown);
}
