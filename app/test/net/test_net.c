/* SPDX-License-Identifier: BSD-3-Clause */
/* Ethernet addresses and headers, IPv4/IPv6/UDP/TCP headers, Internet checksums, VLAN tags. */
#include "test_eal_main.h"

#include <stdalign.h>

#include <rte_byteorder.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_tcp.h>
#include <rte_udp.h>

static struct rte_mempool *pool;

static void
test_layouts(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct rte_ether_addr), RTE_ETHER_ADDR_LEN);
	assert_int_equal(alignof(struct rte_ether_addr), 2);
	assert_int_equal(sizeof(struct rte_ether_hdr), RTE_ETHER_HDR_LEN);
	assert_int_equal(RTE_ETHER_HDR_LEN, 14);
	assert_int_equal(RTE_ETHER_MTU, 1500);
	assert_int_equal(RTE_ETHER_MIN_LEN, 64);
	assert_int_equal(RTE_ETHER_MAX_LEN, 1518);
	assert_int_equal(RTE_ETHER_CRC_LEN, 4);
	assert_int_equal(sizeof(struct rte_vlan_hdr), 4);
	assert_int_equal(sizeof(struct rte_ipv4_hdr), 20);
	assert_int_equal(sizeof(struct rte_ipv6_hdr), 40);
	assert_int_equal(sizeof(struct rte_udp_hdr), 8);
	assert_int_equal(sizeof(struct rte_tcp_hdr), 20);
	assert_int_equal(RTE_IPV4(192, 168, 1, 2), 0xC0A80102u);
	assert_int_equal(RTE_ETHER_TYPE_IPV4, 0x0800);
	assert_int_equal(RTE_ETHER_TYPE_VLAN, 0x8100);
	assert_int_equal(RTE_ETHER_TYPE_IPV6, 0x86DD);
	assert_int_equal(RTE_ETHER_TYPE_ARP, 0x0806);
}

static void
test_addr_predicates(void **state)
{
	struct rte_ether_addr zero = { { 0 } };
	struct rte_ether_addr bcast = { { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } };
	struct rte_ether_addr mcast = { { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 } };
	struct rte_ether_addr uni = { { 0x00, 0x1b, 0x21, 0x0a, 0x0b, 0x0c } };
	struct rte_ether_addr local = { { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 } };
	struct rte_ether_addr copy;

	(void)state;
	assert_true(rte_is_zero_ether_addr(&zero));
	assert_false(rte_is_zero_ether_addr(&uni));
	assert_true(rte_is_broadcast_ether_addr(&bcast));
	assert_false(rte_is_broadcast_ether_addr(&mcast));
	assert_true(rte_is_multicast_ether_addr(&bcast));
	assert_true(rte_is_multicast_ether_addr(&mcast));
	assert_false(rte_is_multicast_ether_addr(&uni));
	assert_true(rte_is_unicast_ether_addr(&uni));
	assert_true(rte_is_unicast_ether_addr(&zero));
	assert_false(rte_is_unicast_ether_addr(&mcast));
	assert_true(rte_is_valid_assigned_ether_addr(&uni));
	assert_false(rte_is_valid_assigned_ether_addr(&zero));
	assert_false(rte_is_valid_assigned_ether_addr(&mcast));
	assert_true(rte_is_universal_ether_addr(&uni));
	assert_false(rte_is_universal_ether_addr(&local));
	assert_true(rte_is_local_admin_ether_addr(&local));
	assert_false(rte_is_same_ether_addr(&uni, &local));
	rte_ether_addr_copy(&uni, &copy);
	assert_true(rte_is_same_ether_addr(&uni, &copy));
	copy.addr_bytes[5] ^= 1;
	assert_false(rte_is_same_ether_addr(&uni, &copy));
	copy.addr_bytes[5] ^= 1;
	copy.addr_bytes[0] ^= 0x80;
	assert_false(rte_is_same_ether_addr(&uni, &copy));
}

static void
test_format_parse(void **state)
{
	struct rte_ether_addr a = { { 0x00, 0x1b, 0x21, 0x0a, 0xbc, 0xff } }, b, orig;
	char buf[RTE_ETHER_ADDR_FMT_SIZE], small[6], line[64];
	static const char *const bad[] = {
		"", "00:1b:21:0a:bc", "00:1b:21:0a:bc:ff:00", "00:1b:21:0a:bc:fg",
		"00-1b:21:0a:bc:ff", "001b:210a:bcfg", "001b.210a.bcff", "0:1b:21:0a:bc:ff0",
		" 00:1b:21:0a:bc:f",
	};
	unsigned int i;

	(void)state;
	rte_ether_format_addr(buf, sizeof(buf), &a);
	assert_string_equal(buf, "00:1B:21:0A:BC:FF");
	rte_ether_format_addr(small, sizeof(small), &a);
	assert_string_equal(small, "00:1B");
	snprintf(line, sizeof(line), "mac " RTE_ETHER_ADDR_PRT_FMT, RTE_ETHER_ADDR_BYTES(&a));
	assert_string_equal(line, "mac 00:1B:21:0A:BC:FF");

	assert_int_equal(rte_ether_unformat_addr("00:1B:21:0A:BC:FF", &b), 0);
	assert_true(rte_is_same_ether_addr(&a, &b));
	memset(&b, 0, sizeof(b));
	assert_int_equal(rte_ether_unformat_addr("00-1b-21-0a-bc-ff", &b), 0);
	assert_true(rte_is_same_ether_addr(&a, &b));
	memset(&b, 0, sizeof(b));
	assert_int_equal(rte_ether_unformat_addr("001b:210a:bcff", &b), 0);
	assert_true(rte_is_same_ether_addr(&a, &b));

	orig = b;
	for (i = 0; i < RTE_DIM(bad); i++) {
		rte_errno = 0;
		assert_int_equal(rte_ether_unformat_addr(bad[i], &b), -1);
		assert_int_equal(rte_errno, EINVAL);
		assert_true(rte_is_same_ether_addr(&orig, &b));
	}
	rte_errno = 0;
	assert_int_equal(rte_ether_unformat_addr(NULL, &b), -1);
	assert_int_equal(rte_errno, EINVAL);
}

static void
test_random_addr(void **state)
{
	struct rte_ether_addr a, b;

	(void)state;
	rte_eth_random_addr(a.addr_bytes);
	rte_eth_random_addr(b.addr_bytes);
	assert_true(rte_is_unicast_ether_addr(&a));
	assert_true(rte_is_local_admin_ether_addr(&a));
	assert_true(rte_is_valid_assigned_ether_addr(&a));
	assert_true(rte_is_local_admin_ether_addr(&b));
	assert_false(rte_is_same_ether_addr(&a, &b));
}

/* Reference Internet checksum: big-endian words, written from RFC 1071 directly. */
static uint32_t
ref_sum(const uint8_t *p, size_t len, uint32_t sum)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	return sum;
}

static uint16_t
ref_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static void
test_ipv4_cksum(void **state)
{
	/* A well-known IPv4 header whose checksum is 0xb861. */
	uint8_t raw[20] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
		0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7 };
	struct rte_ipv4_hdr h;

	(void)state;
	memcpy(&h, raw, sizeof(h));
	assert_int_equal(rte_ipv4_hdr_len(&h), 20);
	assert_int_equal(h.version, 4);
	assert_int_equal(h.ihl, 5);
	assert_int_equal(rte_raw_cksum(&h, sizeof(h)), 0xffff);
	h.hdr_checksum = 0;
	assert_int_equal(rte_ipv4_cksum(&h), rte_cpu_to_be_16(0xb861));
	assert_int_equal(rte_raw_cksum(raw, 1), 0x45);
}

struct v4_udp_pkt {
	struct rte_ipv4_hdr ip;
	struct rte_udp_hdr udp;
	uint8_t payload[101];
} __rte_packed;

static void
test_udptcp_cksum(void **state)
{
	struct v4_udp_pkt p;
	struct {
		struct rte_ipv6_hdr ip;
		struct rte_tcp_hdr tcp;
		uint8_t payload[33];
	} __rte_packed p6;
	uint8_t psd[40];
	uint32_t sum;
	uint16_t ck;
	unsigned int i, l4_len;

	(void)state;
	memset(&p, 0, sizeof(p));
	p.ip.version_ihl = RTE_IPV4_VHL_DEF;
	p.ip.total_length = rte_cpu_to_be_16(sizeof(p));
	p.ip.time_to_live = 64;
	p.ip.next_proto_id = IPPROTO_UDP;
	p.ip.src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
	p.ip.dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 2));
	p.udp.src_port = rte_cpu_to_be_16(1234);
	p.udp.dst_port = rte_cpu_to_be_16(5678);
	l4_len = sizeof(p) - sizeof(p.ip);
	p.udp.dgram_len = rte_cpu_to_be_16(l4_len);
	for (i = 0; i < sizeof(p.payload); i++)
		p.payload[i] = (uint8_t)(i * 7 + 3);

	/* Reference: pseudo-header (src, dst, 0, proto, length) then the UDP datagram. */
	memcpy(psd, &p.ip.src_addr, 8);
	psd[8] = 0;
	psd[9] = IPPROTO_UDP;
	psd[10] = (uint8_t)(l4_len >> 8);
	psd[11] = (uint8_t)l4_len;
	sum = ref_sum(psd, 12, 0);
	sum = ref_sum((const uint8_t *)&p.udp, l4_len, sum);
	ck = rte_ipv4_udptcp_cksum(&p.ip, &p.udp);
	assert_int_equal(ck, rte_cpu_to_be_16(ref_fold(sum)));
	p.udp.dgram_cksum = ck;
	assert_int_equal(rte_ipv4_udptcp_cksum_verify(&p.ip, &p.udp), 0);
	p.payload[50] ^= 0x10;
	assert_int_equal(rte_ipv4_udptcp_cksum_verify(&p.ip, &p.udp), -1);
	p.payload[50] ^= 0x10;

	p.ip.hdr_checksum = rte_ipv4_cksum(&p.ip);
	assert_int_equal(rte_raw_cksum(&p.ip, sizeof(p.ip)), 0xffff);

	/* IPv6 + TCP, odd payload length. */
	memset(&p6, 0, sizeof(p6));
	p6.ip.vtc_flow = rte_cpu_to_be_32(6u << 28);
	p6.ip.payload_len = rte_cpu_to_be_16(sizeof(p6) - sizeof(p6.ip));
	p6.ip.proto = IPPROTO_TCP;
	p6.ip.hop_limits = 64;
	for (i = 0; i < 16; i++) {
		p6.ip.src_addr[i] = (uint8_t)(0x20 + i);
		p6.ip.dst_addr[i] = (uint8_t)(0x80 + 3 * i);
	}
	p6.tcp.src_port = rte_cpu_to_be_16(80);
	p6.tcp.data_off = 5 << 4;
	p6.tcp.tcp_flags = RTE_TCP_SYN_FLAG | RTE_TCP_ACK_FLAG;
	for (i = 0; i < sizeof(p6.payload); i++)
		p6.payload[i] = (uint8_t)(0xf0 - i);
	l4_len = sizeof(p6) - sizeof(p6.ip);
	memcpy(psd, p6.ip.src_addr, 32);
	sum = ref_sum(psd, 32, 0);
	sum += l4_len + IPPROTO_TCP;
	sum = ref_sum((const uint8_t *)&p6.tcp, l4_len, sum);
	ck = rte_ipv6_udptcp_cksum(&p6.ip, &p6.tcp);
	assert_int_equal(ck, rte_cpu_to_be_16(ref_fold(sum)));
	p6.tcp.cksum = ck;
	assert_int_equal(rte_ipv6_udptcp_cksum_verify(&p6.ip, &p6.tcp), 0);
	p6.ip.src_addr[3] ^= 1;
	assert_int_equal(rte_ipv6_udptcp_cksum_verify(&p6.ip, &p6.tcp), -1);
}

static void
test_cksum_mbuf(void **state)
{
	struct rte_mbuf *a, *b;
	uint8_t data[301];
	uint16_t ck = 0;
	unsigned int i, off;
	char *p;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 13 + 1);
	a = rte_pktmbuf_alloc(pool);
	b = rte_pktmbuf_alloc(pool);
	assert_non_null(a);
	assert_non_null(b);
	/* An odd split, so the second segment starts at an odd packet offset. */
	p = rte_pktmbuf_append(a, 151);
	memcpy(p, data, 151);
	p = rte_pktmbuf_append(b, 150);
	memcpy(p, data + 151, 150);
	assert_int_equal(rte_pktmbuf_chain(a, b), 0);
	for (off = 0; off < 5; off++) {
		assert_int_equal(rte_raw_cksum_mbuf(a, off, 301 - off - 2, &ck), 0);
		assert_int_equal(ck, rte_raw_cksum(data + off, 301 - off - 2));
	}
	assert_int_equal(rte_raw_cksum_mbuf(a, 0, 302, &ck), -1);
	rte_pktmbuf_free(a);
}

static void
test_vlan(void **state)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);
	struct rte_ether_hdr *eh;
	uint8_t frame[60];
	unsigned int i;

	(void)state;
	assert_non_null(m);
	for (i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)i;
	eh = (struct rte_ether_hdr *)frame;
	eh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	memcpy(rte_pktmbuf_append(m, sizeof(frame)), frame, sizeof(frame));

	/* No tag to strip: -1, unchanged. */
	assert_int_equal(rte_vlan_strip(m), -1);
	assert_int_equal(m->pkt_len, sizeof(frame));

	m->vlan_tci = 0x0123;
	assert_int_equal(rte_vlan_insert(&m), 0);
	assert_int_equal(m->pkt_len, sizeof(frame) + 4);
	eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	assert_int_equal(eh->ether_type, rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN));
	assert_memory_equal(eh, frame, 12);
	assert_int_equal(((struct rte_vlan_hdr *)(eh + 1))->vlan_tci, rte_cpu_to_be_16(0x0123));
	assert_int_equal(((struct rte_vlan_hdr *)(eh + 1))->eth_proto,
		rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4));

	m->vlan_tci = 0;
	assert_int_equal(rte_vlan_strip(m), 0);
	assert_int_equal(m->vlan_tci, 0x0123);
	assert_true(m->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED);
	assert_int_equal(m->pkt_len, sizeof(frame));
	assert_memory_equal(rte_pktmbuf_mtod(m, void *), frame, sizeof(frame));

	/* A shared mbuf must not be modified in place. */
	rte_mbuf_refcnt_update(m, 1);
	assert_int_equal(rte_vlan_insert(&m), -EINVAL);
	assert_int_equal(m->pkt_len, sizeof(frame));
	rte_pktmbuf_free(m);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_mempool_avail_count(pool), 8);
}

static int
setup(void **state)
{
	(void)state;
	pool = rte_pktmbuf_pool_create("t_net_pool", 8, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			SOCKET_ID_ANY);
	if (pool == NULL)
		fprintf(stderr, "cannot create the mbuf pool: %s\n", rte_strerror(rte_errno));
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	return 0;
}

int
main(void)
{
	static const char *const args[] = { "test_net", "--no-huge", "-m", "64", "-l", "0",
		"--file-prefix=test_net", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layouts),
		cmocka_unit_test(test_addr_predicates),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_random_addr),
		cmocka_unit_test(test_ipv4_cksum),
		cmocka_unit_test(test_udptcp_cksum),
		cmocka_unit_test(test_cksum_mbuf),
		cmocka_unit_test(test_vlan),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, setup, teardown);
}
