/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GSO: a large packet is cut into segments whose payloads, put end to end, are the
 * original payload and whose headers are those of the original with lengths, IDs,
 * sequence numbers, flags or fragment offsets set per segment; GRO of the segments gives
 * the original back. Every mbuf must be back in its pool at the end of each test.
 */
#include "test_eal_main.h"

#include <errno.h>

#include <rte_ethdev.h>
#include <rte_gre.h>
#include <rte_gro.h>
#include <rte_gso.h>
#include <rte_mempool.h>

#include "gro_test_pkt.h"

#define NB_MBUF 4096
#define GSO_SIZE 1514
#define MSS (GSO_SIZE - TP_L2 - TP_L3 - TP_L4)
#define OUT_MAX 256
#define BIG 64000
#define VX_HDR (TP_L2 + TP_L3 + TP_VX_L2 + TP_L3 + TP_L4)

static struct rte_mempool *in_pool, *direct, *indirect;
static uint8_t payload[TP_MAX_LEN];
static uint8_t buf[TP_MAX_LEN];
static uint8_t orig[TP_MAX_LEN];
static struct rte_mbuf *out[OUT_MAX];
static uint16_t cur_gso_size = GSO_SIZE;

static int
setup(void **state)
{
	uint32_t i;

	(void)state;
	for (i = 0; i < sizeof(payload); i++)
		payload[i] = (uint8_t)(i * 13 + i / 253);
	in_pool = rte_pktmbuf_pool_create("gso_in", NB_MBUF, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	direct = rte_pktmbuf_pool_create("gso_direct", NB_MBUF, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	indirect = rte_pktmbuf_pool_create("gso_indirect", NB_MBUF, 0, 0, 0, SOCKET_ID_ANY);
	return in_pool == NULL || direct == NULL || indirect == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(in_pool);
	rte_mempool_free(direct);
	rte_mempool_free(indirect);
	return 0;
}

static void
assert_pools_full(void)
{
	assert_int_equal(rte_mempool_avail_count(in_pool), NB_MBUF);
	assert_int_equal(rte_mempool_avail_count(direct), NB_MBUF);
	assert_int_equal(rte_mempool_avail_count(indirect), NB_MBUF);
}

static struct rte_gso_ctx
ctx_of(uint32_t types)
{
	struct rte_gso_ctx c = {
		.direct_pool = direct, .indirect_pool = indirect, .flag = 0,
		.gso_types = types, .gso_size = GSO_SIZE,
	};
	return c;
}

static struct tpkt
tcp_big(uint32_t len)
{
	struct tpkt t = {
		.mac = 1, .sip = 0xc0a80001, .dip = 0xc0a80002, .sport = 1000, .dport = 80,
		.seq = 0xffff0000, .ack = 77, .flags = RTE_TCP_ACK_FLAG | RTE_TCP_PSH_FLAG |
		RTE_TCP_FIN_FLAG, .ip_id = 0xfff0, .o_id = 0x100, .o_sport = 4789, .vni = 42,
		.pl = payload, .pl_len = len,
	};
	return t;
}

static struct rte_mbuf *
mk(const struct tpkt *t, uint64_t ol)
{
	struct rte_mbuf *m = tpkt_mbuf(in_pool, t, 2000);

	assert_non_null(m);
	m->ol_flags |= ol;
	return m;
}

static void
free_out(int n)
{
	int i;

	for (i = 0; i < n; i++)
		rte_pktmbuf_free(out[i]);
}

/*
 * Check the TCP segments of the packet t (its first hdr bytes being headers): payloads end
 * to end, and the fields of each header; ip_off/o_ip_off are the inner and outer IPv4
 * offsets, o_udp the outer UDP header offset (0: none).
 */
static void
check_tcp_segments(const struct tpkt *t, int n, uint16_t hdr, uint16_t ip_off, uint16_t o_ip_off,
		uint16_t o_udp, uint16_t id_step)
{
	uint32_t done = 0, len = tpkt_write(t, orig);
	int i;

	assert_true(n > 1);
	for (i = 0; i < n; i++) {
		const struct rte_mbuf *m = out[i];
		const uint8_t *p = tp_flat(m, buf);
		const struct rte_ipv4_hdr *ip = (const struct rte_ipv4_hdr *)(p + ip_off);
		const struct rte_tcp_hdr *th =
			(const struct rte_tcp_hdr *)(p + ip_off + TP_L3);
		uint32_t dl = m->pkt_len - hdr;

		assert_true(m->pkt_len <= cur_gso_size);
		assert_true(i == n - 1 || m->pkt_len == cur_gso_size);
		assert_true(m->nb_segs >= 2);
		assert_true(RTE_MBUF_DIRECT(m));
		assert_true(RTE_MBUF_CLONED(m->next));
		assert_int_equal(m->ol_flags & RTE_MBUF_F_TX_TCP_SEG, 0);
		assert_memory_equal(p + hdr, orig + hdr + done, dl);
		assert_int_equal(rte_be_to_cpu_16(ip->total_length), m->pkt_len - ip_off);
		assert_int_equal(rte_be_to_cpu_16(ip->packet_id),
			(uint16_t)(t->ip_id + i * id_step));
		assert_int_equal(rte_be_to_cpu_32(th->sent_seq), t->seq + done);
		assert_int_equal(th->tcp_flags, i == n - 1 ? t->flags :
			t->flags & ~(RTE_TCP_PSH_FLAG | RTE_TCP_FIN_FLAG));
		/* what is not rewritten is the original's */
		assert_memory_equal(p + ip_off + 12, orig + ip_off + 12, 8);
		assert_memory_equal(p + ip_off + TP_L3 + 8, orig + ip_off + TP_L3 + 8, 5);
		if (o_ip_off != ip_off) {
			const struct rte_ipv4_hdr *oip =
				(const struct rte_ipv4_hdr *)(p + o_ip_off);

			assert_int_equal(rte_be_to_cpu_16(oip->total_length),
				m->pkt_len - o_ip_off);
			assert_int_equal(rte_be_to_cpu_16(oip->packet_id),
				(uint16_t)(t->o_id + i * id_step));
		}
		if (o_udp != 0) {
			const struct rte_udp_hdr *u = (const struct rte_udp_hdr *)(p + o_udp);

			assert_int_equal(rte_be_to_cpu_16(u->dgram_len), m->pkt_len - o_udp);
		}
		done += dl;
	}
	assert_int_equal(done, len - hdr);
}

static void
test_tcp4(void **state)
{
	struct rte_gso_ctx c = ctx_of(RTE_ETH_TX_OFFLOAD_TCP_TSO);
	struct tpkt t = tcp_big(BIG);
	struct rte_mbuf *m = mk(&t, RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4);
	int n;

	(void)state;
	n = rte_gso_segment(m, &c, out, OUT_MAX);
	assert_int_equal(n, (BIG + MSS - 1) / MSS);
	assert_int_equal(m->ol_flags & RTE_MBUF_F_TX_TCP_SEG, 0);
	check_tcp_segments(&t, n, TP_L2 + TP_L3 + TP_L4, TP_L2, TP_L2, 0, 1);
	/* the segments hold the input: freeing it first leaves them valid */
	rte_pktmbuf_free(m);
	check_tcp_segments(&t, n, TP_L2 + TP_L3 + TP_L4, TP_L2, TP_L2, 0, 1);
	free_out(n);

	/* fixed IDs */
	c.flag = RTE_GSO_FLAG_IPID_FIXED;
	m = mk(&t, RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4);
	n = rte_gso_segment(m, &c, out, OUT_MAX);
	check_tcp_segments(&t, n, TP_L2 + TP_L3 + TP_L4, TP_L2, TP_L2, 0, 0);
	free_out(n);
	rte_pktmbuf_free(m);
	assert_pools_full();
}

static void
test_tcp4_options_single_mbuf(void **state)
{
	struct rte_gso_ctx c = ctx_of(RTE_ETH_TX_OFFLOAD_TCP_TSO);
	struct tpkt t = tcp_big(1900);
	struct rte_mbuf *m;
	int n;

	(void)state;
	t.optlen = 12;
	t.opt_byte = 1;
	m = mk(&t, RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4);
	assert_int_equal(m->nb_segs, 1);
	c.gso_size = 600;
	cur_gso_size = 600;
	n = rte_gso_segment(m, &c, out, OUT_MAX);
	assert_int_equal(n, (1900 + 600 - 66 - 1) / (600 - 66));
	check_tcp_segments(&t, n, TP_L2 + TP_L3 + TP_L4 + 12, TP_L2, TP_L2, 0, 1);
	cur_gso_size = GSO_SIZE;
	free_out(n);
	rte_pktmbuf_free(m);
	assert_pools_full();
}

static void
test_vxlan_tcp4(void **state)
{
	struct rte_gso_ctx c = ctx_of(RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO);
	struct tpkt t = tcp_big(20000);
	struct rte_mbuf *m;
	int n;

	(void)state;
	t.vxlan = 1;
	m = mk(&t, RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_OUTER_IPV4 |
		RTE_MBUF_F_TX_TUNNEL_VXLAN);
	n = rte_gso_segment(m, &c, out, OUT_MAX);
	assert_int_equal(n, (20000 + (GSO_SIZE - VX_HDR) - 1) / (GSO_SIZE - VX_HDR));
	check_tcp_segments(&t, n, VX_HDR, TP_L2 + TP_L3 + TP_VX_L2, TP_L2, TP_L2 + TP_L3, 1);
	free_out(n);
	rte_pktmbuf_free(m);
	assert_pools_full();
}

/* GRE (transparent Ethernet bridging) around an Ethernet/IPv4/TCP packet. */
static void
test_gre_tcp4(void **state)
{
	struct rte_gso_ctx c = ctx_of(RTE_ETH_TX_OFFLOAD_GRE_TNL_TSO);
	struct tpkt t = tcp_big(10000);
	static uint8_t pkt[TP_MAX_LEN];
	const uint16_t gre = (uint16_t)sizeof(struct rte_gre_hdr);
	const uint16_t hdr = TP_L2 + TP_L3 + gre + TP_L2 + TP_L3 + TP_L4;
	uint32_t inner = tpkt_write(&t, pkt + TP_L2 + TP_L3 + gre), len, done = 0;
	struct rte_gre_hdr *g = (struct rte_gre_hdr *)(pkt + TP_L2 + TP_L3);
	struct rte_mbuf *m;
	int n, i;

	(void)state;
	tp_eth(pkt, 0x55);
	tp_ip(pkt + TP_L2, TP_L3 + gre + inner, 0x300, 0, IPPROTO_GRE, 0x0a000001, 0x0a000002);
	memset(g, 0, sizeof(*g));
	g->proto = rte_cpu_to_be_16(RTE_ETHER_TYPE_TEB);
	len = TP_L2 + TP_L3 + gre + inner;
	memcpy(orig, pkt, len);
	m = tp_chain(in_pool, pkt, len, 2000);
	assert_non_null(m);
	m->outer_l2_len = TP_L2;
	m->outer_l3_len = TP_L3;
	m->l2_len = gre + TP_L2;
	m->l3_len = TP_L3;
	m->l4_len = TP_L4;
	m->ol_flags = RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_OUTER_IPV4 |
		RTE_MBUF_F_TX_TUNNEL_GRE;
	n = rte_gso_segment(m, &c, out, OUT_MAX);
	assert_int_equal(n, (10000 + (GSO_SIZE - hdr) - 1) / (GSO_SIZE - hdr));
	for (i = 0; i < n; i++) {
		const uint8_t *p = tp_flat(out[i], buf);
		const struct rte_ipv4_hdr *oip = (const struct rte_ipv4_hdr *)(p + TP_L2);
		const struct rte_ipv4_hdr *ip =
			(const struct rte_ipv4_hdr *)(p + hdr - TP_L4 - TP_L3);
		const struct rte_tcp_hdr *th = (const struct rte_tcp_hdr *)(p + hdr - TP_L4);

		assert_int_equal(rte_be_to_cpu_16(oip->total_length), out[i]->pkt_len - TP_L2);
		assert_int_equal(rte_be_to_cpu_16(oip->packet_id), 0x300 + i);
		assert_int_equal(rte_be_to_cpu_16(ip->total_length),
			out[i]->pkt_len - (hdr - TP_L4 - TP_L3));
		assert_int_equal(rte_be_to_cpu_16(ip->packet_id), (uint16_t)(t.ip_id + i));
		assert_int_equal(rte_be_to_cpu_32(th->sent_seq), t.seq + done);
		/* the GRE header is copied as it is */
		assert_memory_equal(p + TP_L2 + TP_L3, orig + TP_L2 + TP_L3, gre + TP_L2);
		assert_memory_equal(p + hdr, orig + hdr + done, out[i]->pkt_len - hdr);
		done += out[i]->pkt_len - hdr;
	}
	assert_int_equal(done, 10000);
	free_out(n);
	rte_pktmbuf_free(m);
	assert_pools_full();
}

/* A UDP datagram (UDP header and data) of len bytes; fragments checked and merged back. */
static void
udp_roundtrip(int vxlan)
{
	struct rte_gso_ctx c = ctx_of(RTE_ETH_TX_OFFLOAD_UDP_TSO |
		(vxlan ? RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO : 0));
	struct rte_gro_param p = { .gro_types = RTE_GRO_UDP_IPV4 | RTE_GRO_IPV4_VXLAN_UDP_IPV4,
		.max_flow_num = 4, .max_item_per_flow = 64 };
	struct tpkt t = tcp_big(20000);
	uint16_t ip_off = vxlan ? TP_L2 + TP_L3 + TP_VX_L2 : TP_L2;
	uint32_t unit = (GSO_SIZE - ip_off - TP_L3) & ~7u, done = 0, len;
	struct rte_mbuf *m;
	int n, i;

	t.udp = 1;
	t.vxlan = vxlan;
	t.ip_id = 0x4242;
	len = tpkt_write(&t, orig);
	m = mk(&t, RTE_MBUF_F_TX_UDP_SEG | RTE_MBUF_F_TX_IPV4 |
		(vxlan ? RTE_MBUF_F_TX_OUTER_IPV4 | RTE_MBUF_F_TX_TUNNEL_VXLAN : 0));
	n = rte_gso_segment(m, &c, out, OUT_MAX);
	assert_int_equal(n, (20000 + unit - 1) / unit);
	assert_int_equal(m->ol_flags & RTE_MBUF_F_TX_UDP_SEG, 0);
	for (i = 0; i < n; i++) {
		const uint8_t *q = tp_flat(out[i], buf);
		const struct rte_ipv4_hdr *ip = (const struct rte_ipv4_hdr *)(q + ip_off);
		uint16_t frag = rte_be_to_cpu_16(ip->fragment_offset);
		uint32_t dl = out[i]->pkt_len - ip_off - TP_L3;

		assert_true(out[i]->pkt_len <= GSO_SIZE);
		assert_int_equal(rte_be_to_cpu_16(ip->packet_id), 0x4242);
		assert_int_equal(frag & RTE_IPV4_HDR_OFFSET_MASK, done / 8);
		assert_int_equal(!!(frag & RTE_IPV4_HDR_MF_FLAG), i < n - 1);
		assert_int_equal(rte_be_to_cpu_16(ip->total_length), out[i]->pkt_len - ip_off);
		assert_memory_equal(q + ip_off + TP_L3, orig + ip_off + TP_L3 + done, dl);
		if (vxlan) {
			const struct rte_ipv4_hdr *oip = (const struct rte_ipv4_hdr *)(q + TP_L2);

			assert_int_equal(rte_be_to_cpu_16(oip->packet_id), t.o_id + i);
		}
		/* a receiver sees fragments: tell GRO so */
		out[i]->packet_type = (out[i]->packet_type & ~(RTE_PTYPE_L4_MASK |
			RTE_PTYPE_INNER_L4_MASK)) | (vxlan ? RTE_PTYPE_L4_UDP |
			RTE_PTYPE_INNER_L4_FRAG : RTE_PTYPE_L4_FRAG);
		done += dl;
	}
	assert_int_equal(done, 20000);
	rte_pktmbuf_free(m);

	/* GRO gives the datagram back, byte for byte but the outer IP ID */
	assert_int_equal(rte_gro_reassemble_burst(out, (uint16_t)n, &p), 1);
	assert_int_equal(out[0]->pkt_len, len);
	assert_memory_equal(tp_flat(out[0], buf), orig, len);
	free_out(1);
	assert_pools_full();
}

static void
test_udp4(void **state)
{
	(void)state;
	udp_roundtrip(0);
}

static void
test_vxlan_udp4(void **state)
{
	(void)state;
	udp_roundtrip(1);
}

static void
test_gso_gro_tcp(void **state)
{
	struct rte_gso_ctx c = ctx_of(RTE_ETH_TX_OFFLOAD_TCP_TSO | RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO);
	struct rte_gro_param p = { .gro_types = RTE_GRO_TCP_IPV4 | RTE_GRO_IPV4_VXLAN_TCP_IPV4,
		.max_flow_num = 4, .max_item_per_flow = 64 };
	int vxlan;

	(void)state;
	for (vxlan = 0; vxlan <= 1; vxlan++) {
		struct tpkt t = tcp_big(vxlan ? 60000 : BIG);
		struct rte_mbuf *m;
		uint32_t len;
		int n;

		t.flags = RTE_TCP_ACK_FLAG;
		t.vxlan = vxlan;
		len = tpkt_write(&t, orig);
		m = mk(&t, RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4 | (vxlan ?
			RTE_MBUF_F_TX_OUTER_IPV4 | RTE_MBUF_F_TX_TUNNEL_VXLAN : 0));
		n = rte_gso_segment(m, &c, out, OUT_MAX);
		assert_true(n > 40);
		rte_pktmbuf_free(m);
		assert_int_equal(rte_gro_reassemble_burst(out, (uint16_t)n, &p), 1);
		assert_int_equal(out[0]->pkt_len, len);
		assert_memory_equal(tp_flat(out[0], buf), orig, len);
		free_out(1);
	}
	assert_pools_full();
}

/* Packets left alone: 0, nothing allocated. */
static void
test_not_segmented(void **state)
{
	struct rte_gso_ctx c = ctx_of(RTE_ETH_TX_OFFLOAD_TCP_TSO);
	const uint64_t tcp = RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4;
	struct tpkt t = tcp_big(1000);
	struct rte_mbuf *m;

	(void)state;
	/* fits in one segment: the TSO flag goes */
	m = mk(&t, tcp);
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), 0);
	assert_int_equal(m->ol_flags & RTE_MBUF_F_TX_TCP_SEG, 0);
	rte_pktmbuf_free(m);

	t = tcp_big(5000);
	/* no TSO flag, or not IPv4 */
	m = mk(&t, RTE_MBUF_F_TX_IPV4);
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), 0);
	m->ol_flags = RTE_MBUF_F_TX_TCP_SEG;
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), 0);
	/* a TCP packet when only UDP is asked for; a tunnel when only plain TCP is */
	m->ol_flags = tcp;
	c.gso_types = RTE_ETH_TX_OFFLOAD_UDP_TSO;
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), 0);
	rte_pktmbuf_free(m);
	c.gso_types = RTE_ETH_TX_OFFLOAD_TCP_TSO;
	t.vxlan = 1;
	m = mk(&t, tcp | RTE_MBUF_F_TX_OUTER_IPV4 | RTE_MBUF_F_TX_TUNNEL_VXLAN);
	c.gso_types = RTE_ETH_TX_OFFLOAD_UDP_TSO;
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), 0);
	rte_pktmbuf_free(m);

	/* a fragment */
	c.gso_types = RTE_ETH_TX_OFFLOAD_UDP_TSO;
	t = tcp_big(5000);
	t.udp = 1;
	t.mf = 1;
	m = mk(&t, RTE_MBUF_F_TX_UDP_SEG | RTE_MBUF_F_TX_IPV4);
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), 0);
	rte_pktmbuf_free(m);

	/* headers only (padding makes it longer than gso_size) */
	c.gso_types = RTE_ETH_TX_OFFLOAD_TCP_TSO;
	c.gso_size = 60;
	t = tcp_big(0);
	t.pad = 100;
	m = mk(&t, tcp);
	m->pkt_len = TP_L2 + TP_L3 + TP_L4;
	m->data_len = (uint16_t)m->pkt_len;
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), 0);
	rte_pktmbuf_free(m);
	assert_pools_full();
}

static void
test_errors(void **state)
{
	const uint64_t tcp = RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4;
	struct rte_gso_ctx c = ctx_of(RTE_ETH_TX_OFFLOAD_TCP_TSO), bad;
	struct tpkt t = tcp_big(10000);
	struct rte_mbuf *m = mk(&t, tcp);
	struct rte_mempool *small;

	(void)state;
	assert_int_equal(rte_gso_segment(NULL, &c, out, OUT_MAX), -EINVAL);
	assert_int_equal(rte_gso_segment(m, NULL, out, OUT_MAX), -EINVAL);
	assert_int_equal(rte_gso_segment(m, &c, NULL, OUT_MAX), -EINVAL);
	assert_int_equal(rte_gso_segment(m, &c, out, 0), -EINVAL);
	bad = c;
	bad.gso_types = 0;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -EINVAL);
	bad = c;
	bad.gso_size = RTE_GSO_SEG_SIZE_MIN - 1;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -EINVAL);
	bad = c;
	bad.direct_pool = NULL;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -EINVAL);
	bad = c;
	bad.indirect_pool = NULL;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -EINVAL);
	assert_int_equal(m->ol_flags, tcp);

	/* too few output slots: nothing kept, flags restored */
	assert_int_equal(rte_gso_segment(m, &c, out, 3), -EINVAL);
	assert_int_equal(m->ol_flags, tcp);
	assert_int_equal(rte_mbuf_refcnt_read(m), 1);
	assert_int_equal(rte_mempool_avail_count(direct), NB_MBUF);
	assert_int_equal(rte_mempool_avail_count(indirect), NB_MBUF);

	/* pools running out */
	small = rte_pktmbuf_pool_create("gso_small", 3, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	assert_non_null(small);
	bad = c;
	bad.direct_pool = small;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -ENOMEM);
	assert_int_equal(m->ol_flags, tcp);
	assert_int_equal(rte_mempool_avail_count(small), 3);
	bad = c;
	bad.indirect_pool = small;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -ENOMEM);
	assert_int_equal(rte_mempool_avail_count(small), 3);
	assert_int_equal(rte_mbuf_refcnt_read(m), 1);
	rte_mempool_free(small);
	/* direct mbufs too small for the headers */
	small = rte_pktmbuf_pool_create("gso_tiny", 16, 0, 0, RTE_PKTMBUF_HEADROOM + 32,
		SOCKET_ID_ANY);
	assert_non_null(small);
	bad = c;
	bad.direct_pool = small;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -EINVAL);
	rte_mempool_free(small);

	/* header lengths that do not fit the packet or the headers */
	m->l3_len = 10;
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), -EINVAL);
	m->l3_len = TP_L3;
	m->l4_len = 8;
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), -EINVAL);
	m->l4_len = TP_L4;
	rte_pktmbuf_free(m);
	/* headers split over two mbufs */
	m = tpkt_mbuf(in_pool, &t, 40);
	assert_non_null(m);
	m->ol_flags = tcp;
	assert_int_equal(rte_gso_segment(m, &c, out, OUT_MAX), -EINVAL);
	rte_pktmbuf_free(m);
	/* gso_size not above the headers (long TCP options) */
	t.optlen = 40;
	m = mk(&t, tcp);
	bad = c;
	bad.gso_size = TP_L2 + TP_L3 + TP_L4 + 40;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -EINVAL);
	rte_pktmbuf_free(m);
	/* UDP: less than 8 bytes per fragment */
	t = tcp_big(5000);
	t.udp = 1;
	m = mk(&t, RTE_MBUF_F_TX_UDP_SEG | RTE_MBUF_F_TX_IPV4);
	bad = ctx_of(RTE_ETH_TX_OFFLOAD_UDP_TSO);
	bad.gso_size = TP_L2 + TP_L3 + 7;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -EINVAL);
	/* VXLAN: outer lengths too short */
	rte_pktmbuf_free(m);
	t = tcp_big(5000);
	t.vxlan = 1;
	m = mk(&t, tcp | RTE_MBUF_F_TX_OUTER_IPV4 | RTE_MBUF_F_TX_TUNNEL_VXLAN);
	bad = ctx_of(RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO);
	m->outer_l3_len = 0;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -EINVAL);
	m->outer_l3_len = TP_L3;
	m->l2_len = 4;
	assert_int_equal(rte_gso_segment(m, &bad, out, OUT_MAX), -EINVAL);
	rte_pktmbuf_free(m);
	assert_pools_full();
}

int
main(void)
{
	static const char *const args[] = { "test_gso", "--no-huge", "-m", "128", "-l", "0",
		"--no-pci", "--file-prefix=test_gso", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp4),
		cmocka_unit_test(test_tcp4_options_single_mbuf),
		cmocka_unit_test(test_vxlan_tcp4),
		cmocka_unit_test(test_gre_tcp4),
		cmocka_unit_test(test_udp4),
		cmocka_unit_test(test_vxlan_udp4),
		cmocka_unit_test(test_gso_gro_tcp),
		cmocka_unit_test(test_not_segmented),
		cmocka_unit_test(test_errors),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, setup, teardown);
}
