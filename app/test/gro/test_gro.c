/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GRO: streams cut into segments must come back as the packet they were cut from, byte for
 * byte (headers included, the length fields rewritten); whatever must not merge comes back
 * unchanged. Every mbuf must be back in its pool at the end of each test.
 */
#include "test_eal_main.h"

#include <rte_cycles.h>
#include <rte_gro.h>
#include <rte_mempool.h>

#include "gro_test_pkt.h"

#define NB_MBUF 8192
#define MSS 1000

static struct rte_mempool *pool;
static uint8_t payload[TP_MAX_LEN];
static uint8_t want[TP_MAX_LEN];
static uint8_t got[TP_MAX_LEN];

static const struct rte_gro_param all_types = {
	.gro_types = RTE_GRO_TCP_IPV4 | RTE_GRO_UDP_IPV4 | RTE_GRO_IPV4_VXLAN_TCP_IPV4 |
		RTE_GRO_IPV4_VXLAN_UDP_IPV4,
	.max_flow_num = 16,
	.max_item_per_flow = 32,
};

static int
setup(void **state)
{
	uint32_t i;

	(void)state;
	for (i = 0; i < sizeof(payload); i++)
		payload[i] = (uint8_t)(i * 7 + i / 251);
	pool = rte_pktmbuf_pool_create("gro_test", NB_MBUF, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	return 0;
}

static void
assert_pool_full(void)
{
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

static struct tpkt
tcp_base(void)
{
	struct tpkt t = {
		.mac = 1, .sip = 0xc0a80001, .dip = 0xc0a80002, .sport = 1000, .dport = 80,
		.seq = 0xfffff000, .ack = 77, .flags = RTE_TCP_ACK_FLAG, .ip_id = 0xfffe,
		.o_id = 0x100, .o_sport = 4789, .vni = 42,
	};
	return t;
}

/* Segment k of a stream described by t: seq, IDs and payload moved on by k segments. */
static struct rte_mbuf *
seg_of(struct tpkt t, uint32_t k, uint32_t mss, uint16_t seg)
{
	struct rte_mbuf *m;

	t.seq += k * mss;
	t.ip_id = (uint16_t)(t.ip_id + k);
	t.o_id = (uint16_t)(t.o_id + k);
	t.pl = payload + (size_t)k * mss;
	t.pl_len = mss;
	m = tpkt_mbuf(pool, &t, seg);
	assert_non_null(m);
	return m;
}

/* The packet m must equal t carrying nb_bytes of the payload from its start. */
static void
assert_pkt_is(const struct rte_mbuf *m, struct tpkt t, uint32_t nb_bytes)
{
	uint32_t len;

	t.pl = payload + (t.pl - payload);
	t.pl_len = nb_bytes;
	len = tpkt_write(&t, want);
	assert_int_equal(m->pkt_len, len);
	assert_memory_equal(tp_flat(m, got), want, len);
}

static void
free_all(struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++)
		rte_pktmbuf_free(pkts[i]);
}

static uint16_t
burst(struct rte_mbuf **pkts, uint16_t n)
{
	return rte_gro_reassemble_burst(pkts, n, &all_types);
}

static void
stream_back_to_one(int vxlan, uint16_t seg)
{
	struct rte_mbuf *pkts[8];
	struct tpkt t = tcp_base();
	uint32_t k;

	t.vxlan = vxlan;
	t.pl = payload;
	for (k = 0; k < 8; k++)
		pkts[k] = seg_of(t, k, MSS, seg);
	assert_int_equal(burst(pkts, 8), 1);
	assert_int_equal(pkts[0]->nb_segs, seg >= 2048 ? 8 : pkts[0]->nb_segs);
	assert_pkt_is(pkts[0], t, 8 * MSS);
	free_all(pkts, 1);
	assert_pool_full();
}

static void
test_tcp_stream(void **state)
{
	(void)state;
	stream_back_to_one(0, 2048);
	/* chained input mbufs of 300 bytes, headers in the first */
	stream_back_to_one(0, 300);
}

static void
test_vxlan_tcp_stream(void **state)
{
	(void)state;
	stream_back_to_one(1, 2048);
	stream_back_to_one(1, 256);
}

static void
test_out_of_order(void **state)
{
	struct rte_mbuf *pkts[8];
	struct tpkt t = tcp_base();
	static const uint32_t reverse[8] = { 7, 6, 5, 4, 3, 2, 1, 0 };
	static const uint32_t gap[4] = { 0, 2, 1, 3 };
	uint32_t k;
	uint16_t n;

	(void)state;
	t.pl = payload;
	/* each segment goes in front of what came before */
	for (k = 0; k < 8; k++)
		pkts[k] = seg_of(t, reverse[k], MSS, 2048);
	assert_int_equal(burst(pkts, 8), 1);
	assert_pkt_is(pkts[0], t, 8 * MSS);
	free_all(pkts, 1);

	/* 0, 2, 1, 3: 1 joins 0 and 3 joins 2, the two halves stay apart */
	for (k = 0; k < 4; k++)
		pkts[k] = seg_of(t, gap[k], MSS, 2048);
	n = burst(pkts, 4);
	assert_int_equal(n, 2);
	assert_pkt_is(pkts[0], t, 2 * MSS);
	t.seq += 2 * MSS;
	t.ip_id = (uint16_t)(t.ip_id + 2);
	t.pl = payload + 2 * MSS;
	assert_pkt_is(pkts[1], t, 2 * MSS);
	free_all(pkts, n);
	assert_pool_full();
}

static void
test_flows(void **state)
{
	struct rte_mbuf *pkts[12];
	struct tpkt a = tcp_base(), b = tcp_base(), c = tcp_base();
	uint32_t k;
	uint16_t n, i, seen = 0;

	(void)state;
	b.sport = 1001;
	c.dip = 0xc0a80003;
	a.pl = b.pl = c.pl = payload;
	for (k = 0; k < 4; k++) {
		pkts[3 * k] = seg_of(a, k, MSS, 2048);
		pkts[3 * k + 1] = seg_of(b, k, MSS, 2048);
		pkts[3 * k + 2] = seg_of(c, k, MSS, 2048);
	}
	n = burst(pkts, 12);
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++) {
		struct tpkt *t = pkts[i]->pkt_len == 0 ? NULL :
			rte_pktmbuf_mtod_offset(pkts[i], struct rte_tcp_hdr *, 34)->src_port ==
			rte_cpu_to_be_16(1001) ? &b :
			rte_pktmbuf_mtod_offset(pkts[i], struct rte_ipv4_hdr *, 14)->dst_addr ==
			rte_cpu_to_be_32(0xc0a80003) ? &c : &a;

		assert_non_null(t);
		assert_pkt_is(pkts[i], *t, 4 * MSS);
		seen |= (uint16_t)(1u << (t == &a ? 0 : t == &b ? 1 : 2));
	}
	assert_int_equal(seen, 7);
	free_all(pkts, n);
	assert_pool_full();
}

/*
 * A VXLAN stream whose second half comes with another VNI, the last field of a flow's key:
 * sequence numbers and IP IDs follow on, but the two halves are two flows and come back as
 * two packets, each with its own VNI.
 */
static void
test_vxlan_flows_by_vni(void **state)
{
	struct rte_mbuf *pkts[8];
	struct tpkt a = tcp_base(), b;
	const struct rte_vxlan_hdr *v;
	uint32_t k;
	uint16_t n, i, seen = 0;

	(void)state;
	a.vxlan = 1;
	a.pl = payload;
	/* b goes on where a's four segments end */
	b = a;
	b.vni = a.vni + 1;
	b.seq += 4 * MSS;
	b.ip_id = (uint16_t)(b.ip_id + 4);
	b.o_id = (uint16_t)(b.o_id + 4);
	/* all of a first, so that b's first segment would extend a's packet */
	for (k = 0; k < 4; k++) {
		pkts[k] = seg_of(a, k, MSS, 2048);
		pkts[4 + k] = seg_of(b, k, MSS, 2048);
	}
	n = burst(pkts, 8);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++) {
		v = rte_pktmbuf_mtod_offset(pkts[i], const struct rte_vxlan_hdr *,
			TP_L2 + sizeof(struct rte_ipv4_hdr) + sizeof(struct rte_udp_hdr));
		if (v->vx_vni == rte_cpu_to_be_32(b.vni << 8)) {
			assert_pkt_is(pkts[i], b, 4 * MSS);
			seen |= 2;
		} else {
			assert_pkt_is(pkts[i], a, 4 * MSS);
			seen |= 1;
		}
	}
	assert_int_equal(seen, 3);
	free_all(pkts, n);
	assert_pool_full();
}

/* The flagged segment comes back unchanged; the stream breaks around it. */
static void
test_flags(void **state)
{
	static const uint8_t flags[] = { RTE_TCP_PSH_FLAG, RTE_TCP_FIN_FLAG, RTE_TCP_SYN_FLAG,
		RTE_TCP_RST_FLAG, RTE_TCP_URG_FLAG, RTE_TCP_ECE_FLAG, RTE_TCP_CWR_FLAG, 0 };
	struct rte_mbuf *pkts[4];
	unsigned int f;

	(void)state;
	for (f = 0; f < RTE_DIM(flags); f++) {
		struct tpkt t = tcp_base(), odd;
		uint16_t n, i;
		int found = 0;

		t.pl = payload;
		odd = t;
		odd.seq += 2 * MSS;
		odd.ip_id = (uint16_t)(odd.ip_id + 2);
		odd.pl = payload + 2 * MSS;
		odd.flags = flags[f] | (flags[f] == RTE_TCP_SYN_FLAG ? 0 : RTE_TCP_ACK_FLAG);
		if (flags[f] == 0)
			odd.flags = 0;
		pkts[0] = seg_of(t, 0, MSS, 2048);
		pkts[1] = seg_of(t, 1, MSS, 2048);
		odd.pl_len = MSS;
		pkts[2] = tpkt_mbuf(pool, &odd, 2048);
		pkts[3] = seg_of(t, 3, MSS, 2048);
		n = burst(pkts, 4);
		assert_int_equal(n, 3);
		for (i = 0; i < n; i++) {
			if (pkts[i]->pkt_len == TP_L2 + TP_L3 + TP_L4 + MSS &&
					rte_pktmbuf_mtod_offset(pkts[i], struct rte_tcp_hdr *,
						TP_L2 + TP_L3)->tcp_flags == odd.flags) {
				assert_pkt_is(pkts[i], odd, MSS);
				found = 1;
			}
		}
		assert_true(found);
		free_all(pkts, n);
	}
	assert_pool_full();
}

static void
test_options(void **state)
{
	struct rte_mbuf *pkts[3];
	struct tpkt t = tcp_base(), other;

	(void)state;
	t.pl = payload;
	t.optlen = 12;
	t.opt_byte = 1;
	pkts[0] = seg_of(t, 0, MSS, 2048);
	pkts[1] = seg_of(t, 1, MSS, 2048);
	other = t;
	other.opt_byte = 2;
	pkts[2] = seg_of(other, 2, MSS, 2048);
	assert_int_equal(burst(pkts, 3), 2);
	assert_pkt_is(pkts[0], t, 2 * MSS);
	free_all(pkts, 2);

	/* options of another length */
	pkts[0] = seg_of(t, 0, MSS, 2048);
	other.optlen = 8;
	other.opt_byte = 1;
	pkts[1] = seg_of(other, 1, MSS, 2048);
	assert_int_equal(burst(pkts, 2), 2);
	free_all(pkts, 2);
	assert_pool_full();
}

static void
test_ip_id(void **state)
{
	struct rte_mbuf *pkts[3];
	struct tpkt t = tcp_base(), skip;

	(void)state;
	t.pl = payload;
	/* without DF the IDs must follow on */
	pkts[0] = seg_of(t, 0, MSS, 2048);
	skip = t;
	skip.ip_id = (uint16_t)(skip.ip_id + 5);
	pkts[1] = seg_of(skip, 1, MSS, 2048);
	assert_int_equal(burst(pkts, 2), 2);
	free_all(pkts, 2);

	/* with DF they do not count */
	t.df = 1;
	skip.df = 1;
	pkts[0] = seg_of(t, 0, MSS, 2048);
	pkts[1] = seg_of(skip, 1, MSS, 2048);
	assert_int_equal(burst(pkts, 2), 1);
	t.ip_id = 0xfffe;
	assert_pkt_is(pkts[0], t, 2 * MSS);
	free_all(pkts, 1);

	/* DF on one side only */
	pkts[0] = seg_of(t, 0, MSS, 2048);
	skip = t;
	skip.df = 0;
	pkts[1] = seg_of(skip, 1, MSS, 2048);
	assert_int_equal(burst(pkts, 2), 2);
	free_all(pkts, 2);

	/* VXLAN: the outer IDs must follow on too */
	t = tcp_base();
	t.pl = payload;
	t.vxlan = 1;
	pkts[0] = seg_of(t, 0, MSS, 2048);
	skip = t;
	skip.o_id = (uint16_t)(skip.o_id + 9);
	pkts[1] = seg_of(skip, 1, MSS, 2048);
	assert_int_equal(burst(pkts, 2), 2);
	free_all(pkts, 2);
	assert_pool_full();
}

/* 70 segments of 1000 bytes: merged packets stop below 64K of IP length. */
static void
test_max_length(void **state)
{
	struct rte_mbuf *pkts[70];
	struct tpkt t = tcp_base();
	uint32_t k, total = 0;
	uint16_t n, i;

	(void)state;
	t.pl = payload;
	t.df = 1;
	for (k = 0; k < 70; k++)
		pkts[k] = seg_of(t, k, MSS, 2048);
	n = burst(pkts, 70);
	/* 65535 - 40 bytes of headers hold 65 whole segments */
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++) {
		const struct rte_ipv4_hdr *ip =
			rte_pktmbuf_mtod_offset(pkts[i], const struct rte_ipv4_hdr *, TP_L2);

		assert_true(pkts[i]->pkt_len - TP_L2 <= UINT16_MAX);
		assert_int_equal(rte_be_to_cpu_16(ip->total_length), pkts[i]->pkt_len - TP_L2);
		total += pkts[i]->pkt_len - TP_L2 - TP_L3 - TP_L4;
	}
	assert_int_equal(total, 70 * MSS);
	assert_pkt_is(pkts[0], t, 65 * MSS);
	free_all(pkts, n);
	assert_pool_full();
}

/* Fragments of a UDP datagram (its UDP header first) of len bytes. */
static uint16_t
fragments(struct tpkt t, uint32_t len, uint32_t unit, const uint32_t *order,
		struct rte_mbuf **pkts)
{
	uint32_t nb = (len + unit - 1) / unit, k;

	for (k = 0; k < nb; k++) {
		uint32_t i = order != NULL ? order[k] : k;
		struct tpkt f = t;

		f.frag_off = (uint16_t)(i * unit);
		f.mf = (i + 1) * unit < len;
		f.pl = payload + i * unit;
		f.pl_len = RTE_MIN(unit, len - i * unit);
		/* outer IDs and source ports of VXLAN fragments need not follow on */
		f.o_id = (uint16_t)(t.o_id + 7 * i);
		f.o_sport = (uint16_t)(t.o_sport + i);
		pkts[k] = tpkt_mbuf(pool, &f, 2048);
		assert_non_null(pkts[k]);
	}
	return (uint16_t)nb;
}

static void
udp_datagram(int vxlan)
{
	static const uint32_t order[5] = { 2, 1, 3, 0, 4 };
	static const uint32_t order2[5] = { 3, 0, 4, 1, 2 };
	struct rte_mbuf *pkts[5];
	struct tpkt t = tcp_base();
	uint16_t nb;

	t.udp = 1;
	t.vxlan = vxlan;
	t.ip_id = 0x1234;
	t.pl = payload;
	/* a UDP header at the start of the datagram, as the first fragment carries it */
	nb = fragments(t, 4500, 1000, order, pkts);
	assert_int_equal(burst(pkts, nb), 1);
	/* the original datagram: offset 0, no MF */
	assert_pkt_is(pkts[0], t, 4500);
	free_all(pkts, 1);

	/*
	 * 3, 0, 4, 1, 2: {3, 4} and {0, 1, 2} build up apart; they join when they leave the
	 * table, and so do fragments held over several bursts
	 */
	nb = fragments(t, 4500, 1000, order2, pkts);
	assert_int_equal(burst(pkts, nb), 1);
	assert_pkt_is(pkts[0], t, 4500);
	free_all(pkts, 1);

	/* without the last fragment, MF stays set */
	nb = fragments(t, 4500, 1000, NULL, pkts);
	rte_pktmbuf_free(pkts[4]);
	assert_int_equal(burst(pkts, 4), 1);
	t.mf = 1;
	assert_pkt_is(pkts[0], t, 4000);
	free_all(pkts, 1);
	assert_pool_full();
}

static void
test_udp_fragments(void **state)
{
	struct rte_mbuf *pkts[4];
	struct tpkt t = tcp_base(), u;

	(void)state;
	udp_datagram(0);

	/* held by a context over two bursts, out of order: whole when flushed */
	{
		static const uint32_t order[4] = { 3, 1, 0, 2 };
		struct rte_gro_param p = all_types;
		struct rte_mbuf *out[4];
		void *ctx = rte_gro_ctx_create(&p);

		assert_non_null(ctx);
		t.udp = 1;
		t.pl = payload;
		t.ip_id = 9;
		fragments(t, 3500, 1000, order, pkts);
		assert_int_equal(rte_gro_reassemble(pkts, 2, ctx), 0);
		assert_int_equal(rte_gro_reassemble(pkts + 2, 2, ctx), 0);
		assert_int_equal(rte_gro_get_pkt_count(ctx), 2);
		assert_int_equal(rte_gro_timeout_flush(ctx, 0, RTE_GRO_UDP_IPV4, out, 4), 1);
		assert_int_equal(rte_gro_get_pkt_count(ctx), 0);
		assert_pkt_is(out[0], t, 3500);
		rte_pktmbuf_free(out[0]);
		rte_gro_ctx_destroy(ctx);
		t = tcp_base();
	}

	/* fragments of two datagrams (other IDs) do not mix, whole datagrams are not taken */
	t.udp = 1;
	t.pl = payload;
	t.ip_id = 1;
	fragments(t, 2000, 1000, NULL, pkts);
	u = t;
	u.ip_id = 2;
	fragments(u, 1500, 1000, NULL, pkts + 2);
	assert_int_equal(burst(pkts, 4), 2);
	free_all(pkts, 2);
	u.pl_len = 300;
	pkts[0] = tpkt_mbuf(pool, &u, 2048);
	pkts[1] = tpkt_mbuf(pool, &u, 2048);
	assert_int_equal(burst(pkts, 2), 2);
	assert_pkt_is(pkts[0], u, 300);
	free_all(pkts, 2);
	assert_pool_full();
}

static void
test_vxlan_udp_fragments(void **state)
{
	(void)state;
	udp_datagram(1);
}

/* Ethernet padding after a short segment is dropped before the merge. */
static void
test_padding(void **state)
{
	struct rte_mbuf *pkts[2];
	struct tpkt t = tcp_base(), p;

	(void)state;
	t.pl = payload;
	pkts[0] = seg_of(t, 0, 6, 2048);
	p = t;
	p.pad = 10;
	pkts[1] = seg_of(p, 1, 6, 2048);
	assert_int_equal(burst(pkts, 2), 1);
	assert_pkt_is(pkts[0], t, 12);
	free_all(pkts, 1);
	assert_pool_full();
}

static void
test_types_not_asked(void **state)
{
	struct rte_gro_param udp_only = all_types;
	struct rte_mbuf *pkts[4];
	struct tpkt t = tcp_base();
	uint32_t k;

	(void)state;
	udp_only.gro_types = RTE_GRO_UDP_IPV4;
	t.pl = payload;
	for (k = 0; k < 4; k++)
		pkts[k] = seg_of(t, k, MSS, 2048);
	assert_int_equal(rte_gro_reassemble_burst(pkts, 4, &udp_only), 4);
	for (k = 0; k < 4; k++) {
		struct tpkt s = t;

		s.seq += k * MSS;
		s.ip_id = (uint16_t)(s.ip_id + k);
		s.pl = payload + k * MSS;
		assert_pkt_is(pkts[k], s, MSS);
	}
	/* a VXLAN stream is not merged by RTE_GRO_TCP_IPV4 alone */
	udp_only.gro_types = RTE_GRO_TCP_IPV4;
	free_all(pkts, 4);
	t.vxlan = 1;
	for (k = 0; k < 4; k++)
		pkts[k] = seg_of(t, k, MSS, 2048);
	assert_int_equal(rte_gro_reassemble_burst(pkts, 4, &udp_only), 4);
	free_all(pkts, 4);
	assert_pool_full();
}

/* Headers that do not add up: every packet comes back, none is changed. */
static void
test_malformed(void **state)
{
	enum { N = 10 };
	struct rte_mbuf *pkts[2 * N];
	uint8_t before[2 * N][128];
	struct tpkt t = tcp_base();
	uint16_t i, n;

	(void)state;
	t.pl = payload;
	for (i = 0; i < 2 * N; i++) {
		pkts[i] = seg_of(t, i % 2, MSS, 2048);
	}
	/* each pair is a good neighbour and a broken one */
	pkts[1]->l3_len = 24;                                 /* IHL says 20 */
	pkts[3]->l4_len = 24;                                 /* data offset says 20 */
	pkts[5]->l2_len = 4;                                  /* shorter than Ethernet */
	pkts[7]->data_len = 40;                               /* headers cut short */
	pkts[7]->pkt_len = 40;
	rte_pktmbuf_mtod_offset(pkts[9], struct rte_ipv4_hdr *, TP_L2)->total_length =
		rte_cpu_to_be_16(3000);                       /* longer than the packet */
	rte_pktmbuf_mtod_offset(pkts[11], struct rte_ipv4_hdr *, TP_L2)->version_ihl = 0x65;
	rte_pktmbuf_mtod_offset(pkts[13], struct rte_ipv4_hdr *, TP_L2)->total_length =
		rte_cpu_to_be_16(TP_L3 + TP_L4);              /* no payload */
	rte_pktmbuf_mtod_offset(pkts[15], struct rte_ipv4_hdr *, TP_L2)->next_proto_id = 17;
	pkts[17]->l3_len = 0;
	pkts[19]->l2_len = 127;
	for (i = 0; i < 2 * N; i++)
		memcpy(before[i], rte_pktmbuf_mtod(pkts[i], uint8_t *), RTE_MIN(128,
			pkts[i]->data_len));
	for (i = 0; i < N; i++) {
		struct rte_mbuf *pair[2] = { pkts[2 * i], pkts[2 * i + 1] };

		n = burst(pair, 2);
		assert_int_equal(n, 2);
		assert_ptr_equal(pair[0], pkts[2 * i]);
		assert_ptr_equal(pair[1], pkts[2 * i + 1]);
		assert_memory_equal(before[2 * i + 1],
			rte_pktmbuf_mtod(pkts[2 * i + 1], uint8_t *),
			RTE_MIN(128, pkts[2 * i + 1]->data_len));
	}
	pkts[7]->data_len = (uint16_t)(TP_L2 + TP_L3 + TP_L4 + MSS);
	free_all(pkts, 2 * N);
	assert_pool_full();
}

static void
test_heavyweight(void **state)
{
	struct rte_gro_param p = all_types;
	struct rte_mbuf *pkts[8], *out[8];
	struct tpkt t = tcp_base();
	void *ctx;
	uint32_t k;

	(void)state;
	p.socket_id = (uint16_t)rte_socket_id();
	ctx = rte_gro_ctx_create(&p);
	assert_non_null(ctx);
	t.pl = payload;
	/* two bursts of one stream: the second extends what the first left in the table */
	for (k = 0; k < 8; k++)
		pkts[k] = seg_of(t, k, MSS, 2048);
	assert_int_equal(rte_gro_reassemble(pkts, 4, ctx), 0);
	assert_int_equal(rte_gro_get_pkt_count(ctx), 1);
	assert_int_equal(rte_gro_reassemble(pkts + 4, 4, ctx), 0);
	assert_int_equal(rte_gro_get_pkt_count(ctx), 1);

	/* too young for a long timeout, not of the type asked */
	assert_int_equal(rte_gro_timeout_flush(ctx, rte_get_tsc_hz() * 3600, RTE_GRO_TCP_IPV4,
		out, 8), 0);
	assert_int_equal(rte_gro_timeout_flush(ctx, 0, RTE_GRO_UDP_IPV4, out, 8), 0);
	assert_int_equal(rte_gro_timeout_flush(ctx, 0, RTE_GRO_TCP_IPV4, out, 0), 0);
	assert_int_equal(rte_gro_timeout_flush(ctx, 0, RTE_GRO_TCP_IPV4, out, 8), 1);
	assert_int_equal(rte_gro_get_pkt_count(ctx), 0);
	assert_pkt_is(out[0], t, 8 * MSS);
	rte_pktmbuf_free(out[0]);

	/* packets not taken come back in order: a SYN between two segments */
	pkts[0] = seg_of(t, 0, MSS, 2048);
	t.flags = RTE_TCP_SYN_FLAG;
	pkts[1] = seg_of(t, 5, MSS, 2048);
	pkts[2] = seg_of(t, 6, MSS, 2048);
	t.flags = RTE_TCP_ACK_FLAG;
	assert_int_equal(rte_gro_reassemble(pkts, 3, ctx), 2);
	assert_int_equal(rte_be_to_cpu_32(rte_pktmbuf_mtod_offset(pkts[0], struct rte_tcp_hdr *,
		TP_L2 + TP_L3)->sent_seq), t.seq + 5 * MSS);
	free_all(pkts, 2);
	/* a flush stops at max_nb_out */
	pkts[0] = seg_of(t, 0, 10, 2048);
	t.sport++;
	pkts[1] = seg_of(t, 0, 10, 2048);
	assert_int_equal(rte_gro_reassemble(pkts, 2, ctx), 0);
	assert_int_equal(rte_gro_get_pkt_count(ctx), 3);
	assert_int_equal(rte_gro_timeout_flush(ctx, 0, UINT64_MAX, out, 2), 2);
	assert_int_equal(rte_gro_timeout_flush(ctx, 0, UINT64_MAX, out + 2, 2), 1);
	free_all(out, 3);
	rte_gro_ctx_destroy(ctx);
	assert_pool_full();
}

static void
test_table_full(void **state)
{
	struct rte_gro_param p = { .gro_types = RTE_GRO_TCP_IPV4, .max_flow_num = 1,
		.max_item_per_flow = 1 };
	struct rte_mbuf *pkts[3], *out[3];
	struct tpkt t = tcp_base(), u;
	void *ctx = rte_gro_ctx_create(&p);

	(void)state;
	assert_non_null(ctx);
	t.pl = payload;
	u = t;
	u.sport = 9;
	pkts[0] = seg_of(t, 0, MSS, 2048);
	pkts[1] = seg_of(u, 0, MSS, 2048);   /* a second flow: no room */
	pkts[2] = seg_of(t, 3, MSS, 2048);   /* a second item: no room */
	assert_int_equal(rte_gro_reassemble(pkts, 3, ctx), 2);
	assert_int_equal(rte_gro_get_pkt_count(ctx), 1);
	free_all(pkts, 2);
	assert_int_equal(rte_gro_timeout_flush(ctx, 0, RTE_GRO_TCP_IPV4, out, 3), 1);
	free_all(out, 1);
	rte_gro_ctx_destroy(ctx);

	/* the burst mode holds as many packets as the parameters say, the rest come back */
	p.max_item_per_flow = 2;
	pkts[0] = seg_of(t, 0, MSS, 2048);
	pkts[1] = seg_of(t, 1, MSS, 2048);
	pkts[2] = seg_of(u, 0, MSS, 2048);
	assert_int_equal(rte_gro_reassemble_burst(pkts, 3, &p), 2);
	free_all(pkts, 2);
	assert_pool_full();
}

static void
test_errors(void **state)
{
	struct rte_gro_param p = all_types;
	struct rte_mbuf *pkts[2], *out[2];
	struct tpkt t = tcp_base();

	(void)state;
	assert_null(rte_gro_ctx_create(NULL));
	p.max_flow_num = 0;
	assert_null(rte_gro_ctx_create(&p));
	p = all_types;
	p.max_item_per_flow = 0;
	assert_null(rte_gro_ctx_create(&p));
	p.max_item_per_flow = 1;
	p.socket_id = 250;                      /* no such socket */
	assert_null(rte_gro_ctx_create(&p));
	rte_gro_ctx_destroy(NULL);
	assert_int_equal(rte_gro_reassemble(pkts, 2, NULL), 2);
	assert_int_equal(rte_gro_timeout_flush(NULL, 0, UINT64_MAX, out, 2), 0);
	assert_int_equal(rte_gro_get_pkt_count(NULL), 0);

	t.pl = payload;
	pkts[0] = seg_of(t, 0, MSS, 2048);
	pkts[1] = seg_of(t, 1, MSS, 2048);
	assert_int_equal(rte_gro_reassemble_burst(pkts, 2, NULL), 2);
	assert_int_equal(rte_gro_reassemble_burst(NULL, 2, &all_types), 2);
	assert_int_equal(rte_gro_reassemble_burst(pkts, 1, &all_types), 1);
	assert_int_equal(rte_gro_reassemble_burst(pkts, 0, &all_types), 0);
	p = all_types;
	p.gro_types = 1ULL << 40;               /* no type this library knows */
	assert_int_equal(rte_gro_reassemble_burst(pkts, 2, &p), 2);
	p = all_types;
	p.max_flow_num = 0;
	assert_int_equal(rte_gro_reassemble_burst(pkts, 2, &p), 2);
	/* a context with no known type takes nothing */
	p = all_types;
	p.gro_types = 1ULL << 40;
	{
		void *ctx = rte_gro_ctx_create(&p);

		assert_non_null(ctx);
		assert_int_equal(rte_gro_reassemble(pkts, 2, ctx), 2);
		assert_int_equal(rte_gro_timeout_flush(ctx, 0, UINT64_MAX, out, 2), 0);
		rte_gro_ctx_destroy(ctx);
	}
	free_all(pkts, 2);
	assert_pool_full();
}

int
main(void)
{
	static const char *const args[] = { "test_gro", "--no-huge", "-m", "128", "-l", "0",
		"--no-pci", "--file-prefix=test_gro", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp_stream),
		cmocka_unit_test(test_vxlan_tcp_stream),
		cmocka_unit_test(test_out_of_order),
		cmocka_unit_test(test_flows),
		cmocka_unit_test(test_vxlan_flows_by_vni),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_ip_id),
		cmocka_unit_test(test_max_length),
		cmocka_unit_test(test_udp_fragments),
		cmocka_unit_test(test_vxlan_udp_fragments),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_types_not_asked),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_heavyweight),
		cmocka_unit_test(test_table_full),
		cmocka_unit_test(test_errors),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, setup, teardown);
}
