/* SPDX-License-Identifier: BSD-3-Clause */
/* cmdline's token types: numbers, strings, IP and MAC addresses, port lists. */
#include "test_common.h"

#include <arpa/inet.h>
#include <stddef.h>

#include <rte_ether.h>

#include <cmdline_parse.h>
#include <cmdline_parse_etheraddr.h>
#include <cmdline_parse_ipaddr.h>
#include <cmdline_parse_num.h>
#include <cmdline_parse_portlist.h>
#include <cmdline_parse_string.h>

/* Layouts applications compile in statically, as DPDK 22.11 has them on x86_64. */
_Static_assert(sizeof(struct cmdline_token_hdr) == 16, "token header");
_Static_assert(sizeof(cmdline_parse_token_num_t) == 24, "num token");
_Static_assert(sizeof(cmdline_parse_token_string_t) == 24, "string token");
_Static_assert(sizeof(cmdline_parse_token_ipaddr_t) == 24, "ipaddr token");
_Static_assert(sizeof(cmdline_parse_token_etheraddr_t) == 16, "etheraddr token");
_Static_assert(sizeof(cmdline_parse_token_portlist_t) == 16, "portlist token");
_Static_assert(sizeof(cmdline_ipaddr_t) == 24, "ipaddr");
_Static_assert(offsetof(cmdline_ipaddr_t, prefixlen) == 20, "ipaddr prefixlen");
_Static_assert(offsetof(cmdline_parse_inst_t, tokens) == 24, "inst tokens");
_Static_assert(sizeof(cmdline_fixed_string_t) == 128, "fixed string");
_Static_assert(sizeof(cmdline_multi_string_t) == 4096, "multi string");

struct result {
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;
	int8_t i8;
	int16_t i16;
	int32_t i32;
	int64_t i64;
	cmdline_fixed_string_t word;
	cmdline_multi_string_t rest;
	cmdline_ipaddr_t ip;
	struct rte_ether_addr mac;
	cmdline_portlist_t ports;
};

static cmdline_parse_token_num_t tk_u8 = TOKEN_NUM_INITIALIZER(struct result, u8, RTE_UINT8);
static cmdline_parse_token_num_t tk_u16 = TOKEN_NUM_INITIALIZER(struct result, u16, RTE_UINT16);
static cmdline_parse_token_num_t tk_u32 = TOKEN_NUM_INITIALIZER(struct result, u32, RTE_UINT32);
static cmdline_parse_token_num_t tk_u64 = TOKEN_NUM_INITIALIZER(struct result, u64, RTE_UINT64);
static cmdline_parse_token_num_t tk_i8 = TOKEN_NUM_INITIALIZER(struct result, i8, RTE_INT8);
static cmdline_parse_token_num_t tk_i16 = TOKEN_NUM_INITIALIZER(struct result, i16, RTE_INT16);
static cmdline_parse_token_num_t tk_i32 = TOKEN_NUM_INITIALIZER(struct result, i32, RTE_INT32);
static cmdline_parse_token_num_t tk_i64 = TOKEN_NUM_INITIALIZER(struct result, i64, RTE_INT64);

#define HDR(tk) ((cmdline_parse_token_hdr_t *)&(tk))

static void
test_num_ranges(void **state)
{
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;
	int8_t i8;
	int16_t i16;
	int32_t i32;
	int64_t i64;

	(void)state;
	assert_int_equal(tk_u16.hdr.offset, offsetof(struct result, u16));
	assert_ptr_equal(tk_u16.hdr.ops, &cmdline_token_num_ops);

	assert_int_equal(cmdline_parse_num(HDR(tk_u8), "255", &u8, sizeof(u8)), 3);
	assert_int_equal(u8, 255);
	assert_int_equal(cmdline_parse_num(HDR(tk_u8), "256", &u8, sizeof(u8)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u16), "65535", &u16, sizeof(u16)), 5);
	assert_int_equal(u16, 65535);
	assert_int_equal(cmdline_parse_num(HDR(tk_u16), "65536", &u16, sizeof(u16)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "4294967295", &u32, sizeof(u32)), 10);
	assert_int_equal(u32, UINT32_MAX);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "4294967296", &u32, sizeof(u32)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u64), "18446744073709551615", &u64,
			sizeof(u64)), 20);
	assert_true(u64 == UINT64_MAX);
	assert_int_equal(cmdline_parse_num(HDR(tk_u64), "18446744073709551616", &u64,
			sizeof(u64)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "-1", &u32, sizeof(u32)), -1);

	assert_int_equal(cmdline_parse_num(HDR(tk_i8), "-128", &i8, sizeof(i8)), 4);
	assert_int_equal(i8, -128);
	assert_int_equal(cmdline_parse_num(HDR(tk_i8), "127", &i8, sizeof(i8)), 3);
	assert_int_equal(i8, 127);
	assert_int_equal(cmdline_parse_num(HDR(tk_i8), "128", &i8, sizeof(i8)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_i8), "-129", &i8, sizeof(i8)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_i16), "-32768", &i16, sizeof(i16)), 6);
	assert_int_equal(i16, -32768);
	assert_int_equal(cmdline_parse_num(HDR(tk_i16), "32768", &i16, sizeof(i16)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_i32), "-2147483648", &i32, sizeof(i32)), 11);
	assert_int_equal(i32, INT32_MIN);
	assert_int_equal(cmdline_parse_num(HDR(tk_i32), "2147483648", &i32, sizeof(i32)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_i64), "-9223372036854775808", &i64,
			sizeof(i64)), 20);
	assert_true(i64 == INT64_MIN);
	assert_int_equal(cmdline_parse_num(HDR(tk_i64), "9223372036854775807", &i64,
			sizeof(i64)), 19);
	assert_true(i64 == INT64_MAX);
	assert_int_equal(cmdline_parse_num(HDR(tk_i64), "9223372036854775808", &i64,
			sizeof(i64)), -1);
}

static void
test_num_bases_and_errors(void **state)
{
	uint32_t v = 0;
	int16_t s;
	uint8_t small;
	cmdline_parse_token_num_t bad = TOKEN_NUM_INITIALIZER(struct result, u8, 42);
	char help[32];

	(void)state;
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "0x1F", &v, sizeof(v)), 4);
	assert_int_equal(v, 31);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "0b101", &v, sizeof(v)), 5);
	assert_int_equal(v, 5);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "017", &v, sizeof(v)), 3);
	assert_int_equal(v, 15);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "0", &v, sizeof(v)), 1);
	assert_int_equal(v, 0);
	assert_int_equal(cmdline_parse_num(HDR(tk_i16), "0x7fff", &s, sizeof(s)), 6);
	assert_int_equal(s, 0x7fff);
	assert_int_equal(cmdline_parse_num(HDR(tk_i16), "0x8000", &s, sizeof(s)), -1);
	/* the word ends at a blank, a comment or an end of line */
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "42 rest", &v, sizeof(v)), 2);
	assert_int_equal(v, 42);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "43#c", NULL, 0), 2);

	v = 7;
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "08", &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "0x", &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "0b2", &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "12a", &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_i16), "-", &s, sizeof(s)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_i16), "-0x5", &s, sizeof(s)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "+5", &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "0X1f", &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "0B1", &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "", &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), NULL, &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(NULL, "1", &v, sizeof(v)), -1);
	assert_int_equal(cmdline_parse_num(HDR(bad), "1", &v, sizeof(v)), -1);
	/* a result too small for the type is refused and left alone */
	small = 9;
	assert_int_equal(cmdline_parse_num(HDR(tk_u32), "1", &small, sizeof(small)), -1);
	assert_int_equal(small, 9);
	assert_int_equal(v, 7);

	assert_int_equal(cmdline_get_help_num(HDR(tk_u16), help, sizeof(help)), 0);
	assert_string_equal(help, "UINT16");
	assert_int_equal(cmdline_get_help_num(HDR(tk_i64), help, sizeof(help)), 0);
	assert_string_equal(help, "INT64");
	assert_int_equal(cmdline_get_help_num(NULL, help, sizeof(help)), -1);
	assert_int_equal(cmdline_get_help_num(HDR(bad), help, sizeof(help)), -1);
}

static cmdline_parse_token_string_t tk_fixed = TOKEN_STRING_INITIALIZER(struct result, word,
		"show");
static cmdline_parse_token_string_t tk_choice = TOKEN_STRING_INITIALIZER(struct result, word,
		"a#bb#ccc");
static cmdline_parse_token_string_t tk_any = TOKEN_STRING_INITIALIZER(struct result, word, NULL);
static cmdline_parse_token_string_t tk_multi = TOKEN_STRING_INITIALIZER(struct result, rest,
		TOKEN_STRING_MULTI);

static void
test_string_parse(void **state)
{
	cmdline_fixed_string_t w;
	cmdline_multi_string_t m;
	char longword[200];
	char tiny[3];

	(void)state;
	assert_int_equal(tk_multi.hdr.offset, offsetof(struct result, rest));
	assert_int_equal(cmdline_parse_string(HDR(tk_fixed), "show port", w, sizeof(w)), 4);
	assert_string_equal(w, "show");
	assert_int_equal(cmdline_parse_string(HDR(tk_fixed), "shows", w, sizeof(w)), -1);
	assert_int_equal(cmdline_parse_string(HDR(tk_fixed), "sho", w, sizeof(w)), -1);
	assert_int_equal(cmdline_parse_string(HDR(tk_choice), "bb\n", w, sizeof(w)), 2);
	assert_string_equal(w, "bb");
	assert_int_equal(cmdline_parse_string(HDR(tk_choice), "ccc", NULL, 0), 3);
	assert_int_equal(cmdline_parse_string(HDR(tk_choice), "b", w, sizeof(w)), -1);
	assert_int_equal(cmdline_parse_string(HDR(tk_any), "hello world", w, sizeof(w)), 5);
	assert_string_equal(w, "hello");
	assert_int_equal(cmdline_parse_string(HDR(tk_multi), "hello  world #c", m, sizeof(m)), 13);
	assert_string_equal(m, "hello  world ");

	memset(longword, 'x', sizeof(longword) - 1);
	longword[sizeof(longword) - 1] = '\0';
	assert_int_equal(cmdline_parse_string(HDR(tk_any), longword, w, sizeof(w)), -1);
	assert_int_equal(cmdline_parse_string(HDR(tk_multi), longword, m, sizeof(m)), 199);
	assert_int_equal(cmdline_parse_string(HDR(tk_any), "word", tiny, sizeof(tiny)), -1);
	assert_int_equal(cmdline_parse_string(HDR(tk_any), "", w, sizeof(w)), -1);
	/* an empty word is a zero-length match for any-word tokens, as in DPDK */
	assert_int_equal(cmdline_parse_string(HDR(tk_any), " x", w, sizeof(w)), 0);
	assert_string_equal(w, "");
	assert_int_equal(cmdline_parse_string(HDR(tk_fixed), " show", w, sizeof(w)), -1);
	/* the result must have room for a whole field of the token's type */
	assert_int_equal(cmdline_parse_string(HDR(tk_fixed), "show", w, STR_TOKEN_SIZE - 1), -1);
	assert_int_equal(cmdline_parse_string(HDR(tk_multi), "x", m, STR_TOKEN_SIZE), -1);
	assert_int_equal(cmdline_parse_string(NULL, "x", w, sizeof(w)), -1);
	assert_int_equal(cmdline_parse_string(HDR(tk_any), NULL, w, sizeof(w)), -1);
}

static void
test_string_complete_help(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(cmdline_complete_get_nb_string(HDR(tk_choice)), 3);
	assert_int_equal(cmdline_complete_get_nb_string(HDR(tk_fixed)), 1);
	assert_int_equal(cmdline_complete_get_nb_string(HDR(tk_any)), 0);
	assert_int_equal(cmdline_complete_get_nb_string(HDR(tk_multi)), 1);
	assert_int_equal(cmdline_complete_get_nb_string(NULL), -1);

	assert_int_equal(cmdline_complete_get_elt_string(HDR(tk_choice), 1, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "bb");
	assert_int_equal(cmdline_complete_get_elt_string(HDR(tk_choice), 2, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "ccc");
	assert_int_equal(cmdline_complete_get_elt_string(HDR(tk_choice), 3, buf, sizeof(buf)), -1);
	assert_int_equal(cmdline_complete_get_elt_string(HDR(tk_choice), 2, buf, 3), -1);
	assert_int_equal(cmdline_complete_get_elt_string(HDR(tk_any), 0, buf, sizeof(buf)), -1);
	/* the rest-of-line token proposes one empty word, as DPDK's does */
	assert_int_equal(cmdline_complete_get_elt_string(HDR(tk_multi), 0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	assert_int_equal(cmdline_complete_get_elt_string(HDR(tk_multi), 1, buf, sizeof(buf)), -1);
	assert_int_equal(cmdline_complete_get_elt_string(NULL, 0, buf, sizeof(buf)), -1);
	assert_int_equal(cmdline_complete_get_elt_string(HDR(tk_choice), 0, NULL, 4), -1);

	cmdline_get_help_string(HDR(tk_fixed), buf, sizeof(buf));
	assert_string_equal(buf, "Fixed STRING");
	cmdline_get_help_string(HDR(tk_choice), buf, sizeof(buf));
	assert_string_equal(buf, "Mul-choice STRING");
	cmdline_get_help_string(HDR(tk_any), buf, sizeof(buf));
	assert_string_equal(buf, "Any STRING");
	cmdline_get_help_string(HDR(tk_multi), buf, sizeof(buf));
	assert_string_equal(buf, "Any STRINGS");
	assert_int_equal(cmdline_get_help_string(NULL, buf, sizeof(buf)), -1);
}

static cmdline_parse_token_ipaddr_t tk_ip = TOKEN_IPADDR_INITIALIZER(struct result, ip);
static cmdline_parse_token_ipaddr_t tk_ip4 = TOKEN_IPV4_INITIALIZER(struct result, ip);
static cmdline_parse_token_ipaddr_t tk_ip6 = TOKEN_IPV6_INITIALIZER(struct result, ip);
static cmdline_parse_token_ipaddr_t tk_net = TOKEN_IPNET_INITIALIZER(struct result, ip);
static cmdline_parse_token_ipaddr_t tk_net4 = TOKEN_IPV4NET_INITIALIZER(struct result, ip);
static cmdline_parse_token_ipaddr_t tk_net6 = TOKEN_IPV6NET_INITIALIZER(struct result, ip);

static void
test_ipaddr(void **state)
{
	cmdline_ipaddr_t ip;
	struct in6_addr v6;
	char tiny[4];

	(void)state;
	assert_int_equal(tk_ip.ipaddr_data.flags, CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6);
	/* DPDK 22.11's IPv6 network initializer has the IPv4 network flags */
	assert_int_equal(tk_net6.ipaddr_data.flags, CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_NETWORK);

	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip), "192.168.1.2 x", &ip, sizeof(ip)), 11);
	assert_int_equal(ip.family, AF_INET);
	assert_int_equal(ip.addr.ipv4.s_addr, htonl(0xc0a80102));
	assert_int_equal(ip.prefixlen, 0);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip), "fe80::1", &ip, sizeof(ip)), 7);
	assert_int_equal(ip.family, AF_INET6);
	inet_pton(AF_INET6, "fe80::1", &v6);
	assert_memory_equal(&ip.addr.ipv6, &v6, sizeof(v6));
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip4), "fe80::1", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip6), "1.2.3.4", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip6), "::1", NULL, 0), 3);

	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net), "10.0.0.0/8", &ip, sizeof(ip)), 10);
	assert_int_equal(ip.family, AF_INET);
	assert_int_equal(ip.prefixlen, 8);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net), "2001:db8::/32", &ip, sizeof(ip)), 13);
	assert_int_equal(ip.family, AF_INET6);
	assert_int_equal(ip.prefixlen, 32);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net), "2001:db8::/128", &ip, sizeof(ip)), 14);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net4), "10.0.0.0/32", &ip, sizeof(ip)), 11);
	/* the prefix is read like strtol, as in DPDK: empty is 0, a '+' is allowed */
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net4), "10.0.0.0/", &ip, sizeof(ip)), 9);
	assert_int_equal(ip.prefixlen, 0);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net4), "10.0.0.0/+8", &ip, sizeof(ip)), 11);
	assert_int_equal(ip.prefixlen, 8);

	/* malformed */
	memset(&ip, 0x5a, sizeof(ip));
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net4), "10.0.0.0/33", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net), "2001:db8::/129", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net4), "10.0.0.0", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net4), "10.0.0.0/-1", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_net4), "10.0.0.0/8x", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip4), "10.0.0.0/8", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip4), "1.2.3", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip4), "1.2.3.256", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip), "1:2:3:4:5:6:7:8:9", &ip, sizeof(ip)),
			-1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip),
			"1111:2222:3333:4444:5555:6666:255.255.255.255/128/128", &ip, sizeof(ip)),
			-1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip), "", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(NULL, "1.2.3.4", &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip), NULL, &ip, sizeof(ip)), -1);
	assert_int_equal(cmdline_parse_ipaddr(HDR(tk_ip), "1.2.3.4", tiny, sizeof(tiny)), -1);
	assert_int_equal(ip.family, 0x5a);
}

static void
test_ipaddr_help(void **state)
{
	cmdline_parse_token_ipaddr_t t = tk_ip;
	char buf[32];

	(void)state;
	cmdline_get_help_ipaddr(HDR(tk_ip4), buf, sizeof(buf));
	assert_string_equal(buf, "IPv4");
	cmdline_get_help_ipaddr(HDR(tk_ip6), buf, sizeof(buf));
	assert_string_equal(buf, "IPv6");
	cmdline_get_help_ipaddr(HDR(tk_ip), buf, sizeof(buf));
	assert_string_equal(buf, "IPv4/IPv6");
	cmdline_get_help_ipaddr(HDR(tk_net4), buf, sizeof(buf));
	assert_string_equal(buf, "IPv4 network");
	cmdline_get_help_ipaddr(HDR(tk_net), buf, sizeof(buf));
	assert_string_equal(buf, "IPv4/IPv6 network");
	t.ipaddr_data.flags = CMDLINE_IPADDR_V6 | CMDLINE_IPADDR_NETWORK;
	cmdline_get_help_ipaddr(HDR(t), buf, sizeof(buf));
	assert_string_equal(buf, "IPv6 network");
	t.ipaddr_data.flags = 0;
	cmdline_get_help_ipaddr(HDR(t), buf, sizeof(buf));
	assert_string_equal(buf, "IPaddr (bad flags)");
	assert_int_equal(cmdline_get_help_ipaddr(NULL, buf, sizeof(buf)), -1);
}

static cmdline_parse_token_etheraddr_t tk_mac = TOKEN_ETHERADDR_INITIALIZER(struct result, mac);

static void
test_etheraddr(void **state)
{
	static const uint8_t want[] = { 0x00, 0x11, 0x22, 0xaa, 0xbb, 0xcc };
	struct rte_ether_addr mac;
	char buf[32], tiny[4];

	(void)state;
	assert_int_equal(tk_mac.hdr.offset, offsetof(struct result, mac));
	assert_int_equal(cmdline_parse_etheraddr(HDR(tk_mac), "00:11:22:aa:BB:cc next", &mac,
			sizeof(mac)), 17);
	assert_memory_equal(mac.addr_bytes, want, 6);
	assert_int_equal(cmdline_parse_etheraddr(HDR(tk_mac), "0011:22aa:bbcc", &mac,
			sizeof(mac)), 14);
	assert_memory_equal(mac.addr_bytes, want, 6);
	assert_int_equal(cmdline_parse_etheraddr(HDR(tk_mac), "00:11:22:aa:bb:cc", NULL, 0), 17);

	memset(&mac, 0, sizeof(mac));
	assert_int_equal(cmdline_parse_etheraddr(HDR(tk_mac), "00:11:22:33:44", &mac,
			sizeof(mac)), -1);
	assert_int_equal(cmdline_parse_etheraddr(HDR(tk_mac), "00:11:22:33:44:gg", &mac,
			sizeof(mac)), -1);
	assert_int_equal(cmdline_parse_etheraddr(HDR(tk_mac), "00:11:22:33:44:55:66", &mac,
			sizeof(mac)), -1);
	assert_int_equal(cmdline_parse_etheraddr(HDR(tk_mac), "", &mac, sizeof(mac)), -1);
	assert_int_equal(cmdline_parse_etheraddr(HDR(tk_mac), "00-11-22-33-44-55", &mac,
			sizeof(mac)), -1);
	assert_int_equal(cmdline_parse_etheraddr(NULL, "00:11:22:33:44:55", &mac, sizeof(mac)),
			-1);
	assert_int_equal(cmdline_parse_etheraddr(HDR(tk_mac), "00:11:22:33:44:55", tiny,
			sizeof(tiny)), -1);
	assert_true(rte_is_zero_ether_addr(&mac));

	assert_int_equal(cmdline_get_help_etheraddr(HDR(tk_mac), buf, sizeof(buf)), 0);
	assert_string_equal(buf, "Ethernet address");
	assert_int_equal(cmdline_get_help_etheraddr(NULL, buf, sizeof(buf)), -1);
}

static cmdline_parse_token_portlist_t tk_ports = TOKEN_PORTLIST_INITIALIZER(struct result, ports);

static void
test_portlist(void **state)
{
	cmdline_portlist_t pl;
	char buf[64], longlist[200];
	uint8_t tiny;
	size_t i;

	(void)state;
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "0-3,5 x", &pl, sizeof(pl)), 5);
	assert_int_equal(pl.map, 0x2f);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "all", &pl, sizeof(pl)), 3);
	assert_int_equal(pl.map, UINT32_MAX);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "31,0", &pl, sizeof(pl)), 4);
	assert_int_equal(pl.map, 0x80000001u);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "2-2", NULL, 0), 3);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "+1-+2", &pl, sizeof(pl)), 5);
	assert_int_equal(pl.map, 0x6);

	pl.map = 0x1234;
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "32", &pl, sizeof(pl)), -1);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "3-1", &pl, sizeof(pl)), -1);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "1,,2", &pl, sizeof(pl)), -1);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "1,", &pl, sizeof(pl)), -1);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "1-", &pl, sizeof(pl)), -1);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "a", &pl, sizeof(pl)), -1);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "-1", &pl, sizeof(pl)), -1);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "", &pl, sizeof(pl)), -1);
	for (i = 0; i + 2 < sizeof(longlist); i += 2)
		memcpy(longlist + i, "1,", 2);
	memcpy(longlist + i, "1", 2);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), longlist, &pl, sizeof(pl)), -1);
	assert_int_equal(cmdline_parse_portlist(HDR(tk_ports), "1", &tiny, sizeof(tiny)), -1);
	assert_int_equal(cmdline_parse_portlist(NULL, "1", &pl, sizeof(pl)), -1);
	assert_int_equal(pl.map, 0x1234);

	assert_int_equal(cmdline_get_help_portlist(HDR(tk_ports), buf, sizeof(buf)), 0);
	assert_string_equal(buf, "range of ports as 3,4-6,8-19,20");
	assert_int_equal(cmdline_get_help_portlist(NULL, buf, sizeof(buf)), -1);
}

static void
test_end_of_token(void **state)
{
	(void)state;
	assert_true(cmdline_isendoftoken('\0'));
	assert_true(cmdline_isendoftoken(' '));
	assert_true(cmdline_isendoftoken('\t'));
	assert_true(cmdline_isendoftoken('#'));
	assert_true(cmdline_isendoftoken('\n'));
	assert_true(cmdline_isendoftoken('\r'));
	assert_false(cmdline_isendoftoken('a'));
	assert_false(cmdline_isendoftoken('-'));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_num_ranges),
		cmocka_unit_test(test_num_bases_and_errors),
		cmocka_unit_test(test_string_parse),
		cmocka_unit_test(test_string_complete_help),
		cmocka_unit_test(test_ipaddr),
		cmocka_unit_test(test_ipaddr_help),
		cmocka_unit_test(test_etheraddr),
		cmocka_unit_test(test_portlist),
		cmocka_unit_test(test_end_of_token),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
