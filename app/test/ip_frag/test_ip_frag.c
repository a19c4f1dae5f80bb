/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IP fragmentation and reassembly: every packet fragmented is put back byte for byte, in any
 * arrival order; duplicates, overlaps, timeouts, a full table and bad input are refused the
 * way DPDK does, with every mbuf accounted for (the pools are full again after each test).
 */
#include "test_eal_main.h"

#include <stdio.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_ip_frag.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define NB_DIRECT 1024
#define NB_INDIRECT 1024
#define MAX_OUT 64
#define L2_LEN ((uint16_t)sizeof(struct rte_ether_hdr))

static struct rte_mempool *direct;
static struct rte_mempool *indirect;
static struct rte_mempool *few;  /* 3 direct mbufs: running out */
static struct rte_mempool *small; /* direct mbufs with 16 bytes of data room */
static struct rte_ip_frag_death_row dr;
static uint8_t orig[70000];
static uint8_t got[70000];
static uint32_t rnd = 12345;

static uint32_t
prng(void)
{
	rnd ^= rnd << 13;
	rnd ^= rnd >> 17;
	rnd ^= rnd << 5;
	return rnd;
}

static int
setup(void **state)
{
	(void)state;
	direct = rte_pktmbuf_pool_create("ipf_direct", NB_DIRECT, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	indirect = rte_pktmbuf_pool_create("ipf_indirect", NB_INDIRECT, 0, 0, 0, SOCKET_ID_ANY);
	few = rte_pktmbuf_pool_create("ipf_few", 3, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	small = rte_pktmbuf_pool_create("ipf_small", 8, 0, 0, RTE_PKTMBUF_HEADROOM + 16,
		SOCKET_ID_ANY);
	return direct == NULL || indirect == NULL || few == NULL || small == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(direct);
	rte_mempool_free(indirect);
	rte_mempool_free(few);
	rte_mempool_free(small);
	return 0;
}

/* Every mbuf back in its pool and the death row empty. */
static void
assert_no_leak(void)
{
	rte_ip_frag_free_death_row(&dr, 3);
	assert_int_equal(rte_mempool_avail_count(direct), NB_DIRECT);
	assert_int_equal(rte_mempool_avail_count(indirect), NB_INDIRECT);
	assert_int_equal(rte_mempool_avail_count(few), 3);
	assert_int_equal(rte_mempool_avail_count(small), 8);
}

/* A packet holding the len bytes of buf, in segments of at most seg bytes. */
static struct rte_mbuf *
from_bytes(const uint8_t *buf, uint32_t len, uint32_t seg)
{
	struct rte_mbuf *head = NULL;
	uint32_t done = 0;

	if (seg == 0 || seg > RTE_MBUF_DEFAULT_DATAROOM)
		seg = RTE_MBUF_DEFAULT_DATAROOM;
	do {
		uint32_t n = RTE_MIN(seg, len - done);
		struct rte_mbuf *m = rte_pktmbuf_alloc(direct);
		char *p;

		assert_non_null(m);
		p = rte_pktmbuf_append(m, (uint16_t)n);
		assert_non_null(p);
		memcpy(p, buf + done, n);
		done += n;
		if (head == NULL)
			head = m;
		else
			assert_int_equal(rte_pktmbuf_chain(head, m), 0);
	} while (done < len);
	return head;
}

/* Copy of a packet in new direct mbufs. */
static struct rte_mbuf *
dup_pkt(const struct rte_mbuf *m)
{
	static uint8_t tmp[70000];
	const void *p = rte_pktmbuf_read(m, 0, m->pkt_len, tmp);
	struct rte_mbuf *c;

	assert_non_null(p);
	c = from_bytes(p, m->pkt_len, 0);
	c->l2_len = m->l2_len;
	c->l3_len = m->l3_len;
	return c;
}

/* IPv4 header and payload pattern in orig; returns the packet's length. */
static uint32_t
build_v4(const uint8_t *opts, uint32_t opt_len, uint32_t payload, uint16_t id, uint16_t fo)
{
	struct rte_ipv4_hdr *h = (struct rte_ipv4_hdr *)orig;
	uint32_t hlen = sizeof(*h) + opt_len, i;

	memset(h, 0, sizeof(*h));
	h->version_ihl = (uint8_t)(0x40 | (hlen / 4));
	h->total_length = rte_cpu_to_be_16((uint16_t)(hlen + payload));
	h->packet_id = rte_cpu_to_be_16(id);
	h->fragment_offset = rte_cpu_to_be_16(fo);
	h->time_to_live = 64;
	h->next_proto_id = IPPROTO_UDP;
	h->src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
	h->dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 2));
	if (opt_len > 0)
		memcpy(orig + sizeof(*h), opts, opt_len);
	for (i = 0; i < payload; i++)
		orig[hlen + i] = (uint8_t)(i * 7 + i / 251 + id);
	return hlen + payload;
}

static uint32_t
build_v6(uint32_t payload, uint8_t tag)
{
	struct rte_ipv6_hdr *h = (struct rte_ipv6_hdr *)orig;
	uint32_t i;

	memset(h, 0, sizeof(*h));
	h->vtc_flow = rte_cpu_to_be_32(6u << 28 | 0x12345);
	h->payload_len = rte_cpu_to_be_16((uint16_t)payload);
	h->proto = IPPROTO_UDP;
	h->hop_limits = 64;
	h->src_addr[0] = 0x20;
	h->src_addr[15] = tag;
	h->dst_addr[0] = 0xfe;
	h->dst_addr[15] = 2;
	for (i = 0; i < payload; i++)
		orig[sizeof(*h) + i] = (uint8_t)(i * 13 + i / 253 + tag);
	return (uint32_t)sizeof(*h) + payload;
}

/* Fragments get an Ethernet header, as a received fragment would have. */
static void
add_l2(struct rte_mbuf **f, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		char *p = rte_pktmbuf_prepend(f[i], L2_LEN);

		assert_non_null(p);
		memset(p, 0xaa, L2_LEN);
		f[i]->l2_len = L2_LEN;
	}
}

enum order { IN_ORDER, REVERSE, SHUFFLED, DUPLICATE };

static void
arrange(struct rte_mbuf **f, int *n, enum order o)
{
	int i, j;

	if (o == REVERSE) {
		for (i = 0; i < *n / 2; i++) {
			struct rte_mbuf *t = f[i];

			f[i] = f[*n - 1 - i];
			f[*n - 1 - i] = t;
		}
	} else if (o == SHUFFLED || o == DUPLICATE) {
		for (i = *n - 1; i > 0; i--) {
			struct rte_mbuf *t;

			j = (int)(prng() % (uint32_t)(i + 1));
			t = f[i];
			f[i] = f[j];
			f[j] = t;
		}
	}
	if (o == DUPLICATE) {
		/* a copy of one fragment, before the last original arrives */
		i = (int)(prng() % (uint32_t)*n);
		j = (int)(prng() % (uint32_t)*n);
		memmove(&f[j + 1], &f[j], sizeof(f[0]) * (size_t)(*n - j));
		f[j] = dup_pkt(f[i < j ? i : i + 1]);
		(*n)++;
	}
}

/* Entries in use, read from the statistics dump. */
static unsigned int
entries_in_use(const struct rte_ip_frag_tbl *tbl)
{
	char *buf = NULL, *p;
	size_t len = 0;
	unsigned int n = ~0u;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	rte_ip_frag_table_statistics_dump(f, tbl);
	fclose(f);
	p = strstr(buf, "entries in use:\t");
	assert_non_null(p);
	assert_int_equal(sscanf(p, "entries in use:\t%u", &n), 1);
	free(buf);
	return n;
}

/* Payload offset of a fragment (with its Ethernet header), for telling copies apart. */
static uint32_t
frag_ofs(const struct rte_mbuf *m, int v6)
{
	if (v6) {
		const struct rte_ipv6_fragment_ext *fh = rte_pktmbuf_mtod_offset(m,
			const struct rte_ipv6_fragment_ext *, m->l2_len + 40);

		return rte_be_to_cpu_16(fh->frag_data) & RTE_IPV6_EHDR_FO_MASK;
	}
	return (rte_be_to_cpu_16(rte_pktmbuf_mtod_offset(m, const struct rte_ipv4_hdr *,
		m->l2_len)->fragment_offset) & RTE_IPV4_HDR_OFFSET_MASK) * 8u;
}

/*
 * Where the datagram of nb_distinct fragments completes in this arrival order: where the
 * last missing one arrives, unless a copy of one already there came first (then the whole
 * datagram is dropped, as in DPDK). -1 when it never completes.
 */
static int
completion_index(struct rte_mbuf **f, int n, int v6, int nb_distinct)
{
	uint32_t seen[MAX_OUT + 1];
	int i, k, nb_seen = 0;

	for (i = 0; i < n; i++) {
		uint32_t o = frag_ofs(f[i], v6);

		for (k = 0; k < nb_seen; k++)
			if (seen[k] == o)
				return -1;
		seen[nb_seen++] = o;
		if (nb_seen == nb_distinct)
			return i;
	}
	return -1;
}

/* Feed the fragments; returns the packet reassembled where completion_index says. */
static struct rte_mbuf *
feed_v4(struct rte_ip_frag_tbl *tbl, struct rte_mbuf **f, int n, uint64_t tms, int nb_distinct)
{
	struct rte_mbuf *m, *done = NULL;
	int i, at = completion_index(f, n, 0, nb_distinct);

	for (i = 0; i < n; i++) {
		struct rte_ipv4_hdr *h = rte_pktmbuf_mtod_offset(f[i], struct rte_ipv4_hdr *,
			f[i]->l2_len);

		assert_true(rte_ipv4_frag_pkt_is_fragmented(h));
		m = rte_ipv4_frag_reassemble_packet(tbl, &dr, f[i], tms, h);
		if (i == at) {
			assert_non_null(m);
			done = m;
		} else {
			assert_null(m);
		}
	}
	return done;
}

static struct rte_mbuf *
feed_v6(struct rte_ip_frag_tbl *tbl, struct rte_mbuf **f, int n, uint64_t tms, int nb_distinct)
{
	struct rte_mbuf *m, *done = NULL;
	int i, at = completion_index(f, n, 1, nb_distinct);

	for (i = 0; i < n; i++) {
		struct rte_ipv6_hdr *h = rte_pktmbuf_mtod_offset(f[i], struct rte_ipv6_hdr *,
			f[i]->l2_len);
		struct rte_ipv6_fragment_ext *fh = rte_ipv6_frag_get_ipv6_fragment_header(h);

		assert_non_null(fh);
		assert_ptr_equal(fh, (void *)(h + 1));
		m = rte_ipv6_frag_reassemble_packet(tbl, &dr, f[i], tms, h, fh);
		if (i == at) {
			assert_non_null(m);
			done = m;
		} else {
			assert_null(m);
		}
	}
	return done;
}

/* The reassembled packet is the original behind an Ethernet header. */
static void
assert_same(struct rte_mbuf *m, uint32_t len)
{
	const uint8_t *p;

	assert_non_null(m);
	assert_int_equal(m->pkt_len, L2_LEN + len);
	p = rte_pktmbuf_read(m, L2_LEN, len, got);
	assert_non_null(p);
	assert_memory_equal(p, orig, len);
}

/* Check the fragments' IPv4 headers against the plan. */
static void
check_v4_frags(struct rte_mbuf **f, int n, uint32_t payload, uint32_t frag_size, int by_ref)
{
	uint32_t pos = 0;
	int i;

	for (i = 0; i < n; i++) {
		const struct rte_ipv4_hdr *h = rte_pktmbuf_mtod(f[i], const struct rte_ipv4_hdr *);
		uint16_t fo = rte_be_to_cpu_16(h->fragment_offset);
		uint32_t hlen = (h->version_ihl & 0xf) * 4u;
		uint32_t len = rte_be_to_cpu_16(h->total_length) - hlen;

		assert_int_equal(rte_be_to_cpu_16(h->total_length), f[i]->pkt_len);
		assert_int_equal(f[i]->l3_len, hlen);
		assert_int_equal(h->hdr_checksum, 0);
		assert_int_equal((fo & RTE_IPV4_HDR_OFFSET_MASK) * 8u, pos);
		assert_int_equal(!!(fo & RTE_IPV4_HDR_MF_FLAG), i < n - 1);
		assert_true(RTE_MBUF_DIRECT(f[i]));
		if (i < n - 1)
			assert_int_equal(len, frag_size);
		if (by_ref && len > 0)
			assert_true(RTE_MBUF_CLONED(f[i]->next));
		if (!by_ref)
			assert_int_equal(f[i]->nb_segs, 1);
		pos += len;
	}
	assert_int_equal(pos, payload);
}

static void
roundtrip_v4(struct rte_ip_frag_tbl *tbl, uint32_t payload, uint32_t seg, uint16_t mtu,
	enum order o)
{
	struct rte_mbuf *f[MAX_OUT + 1], *in, *m;
	uint32_t len = build_v4(NULL, 0, payload, (uint16_t)(payload + o), 0);
	uint32_t frag_size = (mtu - 20u) & ~7u;
	int n, want = (int)((payload + frag_size - 1) / frag_size);

	in = from_bytes(orig, len, seg);
	n = rte_ipv4_fragment_packet(in, f, MAX_OUT, mtu, direct, indirect);
	assert_int_equal(n, want);
	rte_pktmbuf_free(in); /* the fragments keep the data alive */
	check_v4_frags(f, n, payload, frag_size, 1);
	add_l2(f, n);
	for (int i = 0; i < n; i++)
		f[i]->l3_len = sizeof(struct rte_ipv4_hdr);
	arrange(f, &n, o);
	m = feed_v4(tbl, f, n, 1000, want);
	/* what is left: a copy that came after completion, or the whole spoilt datagram */
	rte_ip_frag_table_del_expired_entries(tbl, &dr, UINT64_MAX);
	if (m == NULL) {
		assert_int_equal(o, DUPLICATE);
		assert_int_equal(dr.cnt, n);
	} else {
		assert_int_equal(dr.cnt, n - want);
		assert_same(m, len);
		assert_true(m->ol_flags & RTE_MBUF_F_TX_IP_CKSUM);
		rte_pktmbuf_free(m);
	}
	assert_int_equal(entries_in_use(tbl), 0);
	assert_no_leak();
}

static void
roundtrip_v6(struct rte_ip_frag_tbl *tbl, uint32_t payload, uint32_t seg, uint16_t mtu,
	enum order o)
{
	struct rte_mbuf *f[MAX_OUT + 1], *in, *m;
	uint32_t len = build_v6(payload, (uint8_t)(payload + o));
	uint32_t frag_size = (mtu - 48u) & ~7u, pos = 0;
	int n, i, want = (int)((payload + frag_size - 1) / frag_size);

	in = from_bytes(orig, len, seg);
	n = rte_ipv6_fragment_packet(in, f, MAX_OUT, mtu, direct, indirect);
	assert_int_equal(n, want);
	rte_pktmbuf_free(in);
	for (i = 0; i < n; i++) {
		const struct rte_ipv6_hdr *h = rte_pktmbuf_mtod(f[i], const struct rte_ipv6_hdr *);
		const struct rte_ipv6_fragment_ext *fh = (const void *)(h + 1);
		uint16_t fd = rte_be_to_cpu_16(fh->frag_data);

		assert_int_equal(h->proto, IPPROTO_FRAGMENT);
		assert_int_equal(fh->next_header, IPPROTO_UDP);
		assert_int_equal(fh->id, 0);
		assert_int_equal(rte_be_to_cpu_16(h->payload_len) + 40u, f[i]->pkt_len);
		assert_int_equal(RTE_IPV6_GET_FO(fd) * 8u, pos);
		assert_int_equal(RTE_IPV6_GET_MF(fd), i < n - 1);
		assert_int_equal(f[i]->l3_len, 48);
		pos += f[i]->pkt_len - 48;
	}
	assert_int_equal(pos, payload);
	add_l2(f, n);
	arrange(f, &n, o);
	m = feed_v6(tbl, f, n, 1000, want);
	rte_ip_frag_table_del_expired_entries(tbl, &dr, UINT64_MAX);
	if (m == NULL) {
		assert_int_equal(o, DUPLICATE);
		assert_int_equal(dr.cnt, n);
	} else {
		assert_int_equal(dr.cnt, n - want);
		assert_same(m, len);
		assert_int_equal(m->l3_len, 40);
		rte_pktmbuf_free(m);
	}
	assert_int_equal(entries_in_use(tbl), 0);
	assert_no_leak();
}

/*
 * The MTU to try for a payload: mtu, raised so that at most 8 fragments are needed, or lowered
 * so that at least 2 are. 0 when that goes below min_mtu.
 */
static uint16_t
mtu_for(uint32_t payload, uint32_t hdrs, uint16_t mtu, uint32_t min_mtu)
{
	uint32_t need = RTE_ALIGN_CEIL((payload + 7) / 8, 8) + hdrs;
	uint32_t m = RTE_MAX((uint32_t)mtu, need);

	if (payload + hdrs <= m)
		m = RTE_ALIGN_CEIL(payload, 16) / 2 + hdrs;
	return m < min_mtu ? 0 : (uint16_t)m;
}

static void
test_roundtrip_v4(void **state)
{
	static const uint32_t sizes[] = { 1, 7, 8, 9, 100, 1000, 1480, 1481, 2000, 4095, 8972,
		9000, 14000 };
	static const uint16_t mtus[] = { 68, 576, 1500, 9000 };
	static const uint32_t segs[] = { 0, 100, 1000 };
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(16, 4, 64, 1000000, SOCKET_ID_ANY);
	unsigned int s, u, g, o;

	(void)state;
	assert_non_null(tbl);
	for (s = 0; s < RTE_DIM(sizes); s++)
		for (u = 0; u < RTE_DIM(mtus); u++)
			for (g = 0; g < RTE_DIM(segs); g++)
				for (o = IN_ORDER; o <= DUPLICATE; o++) {
					uint16_t mtu = mtu_for(sizes[s], 20, mtus[u], 68);

					if (mtu != 0)
						roundtrip_v4(tbl, sizes[s], segs[g], mtu, o);
				}
	rte_ip_frag_table_destroy(tbl);
}

static void
test_roundtrip_v6(void **state)
{
	static const uint32_t sizes[] = { 9, 100, 1000, 1232, 1233, 4000, 8952, 9000, 20000 };
	static const uint16_t mtus[] = { 64, 1280, 1500, 9000 };
	static const uint32_t segs[] = { 0, 333, 2000 };
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(16, 4, 64, 1000000, SOCKET_ID_ANY);
	unsigned int s, u, g, o;

	(void)state;
	assert_non_null(tbl);
	for (s = 0; s < RTE_DIM(sizes); s++)
		for (u = 0; u < RTE_DIM(mtus); u++)
			for (g = 0; g < RTE_DIM(segs); g++)
				for (o = IN_ORDER; o <= DUPLICATE; o++) {
					uint16_t mtu = mtu_for(sizes[s], 48, mtus[u], 56);

					if (mtu != 0)
						roundtrip_v6(tbl, sizes[s], segs[g], mtu, o);
				}
	rte_ip_frag_table_destroy(tbl);
}

/* A datagram whose fragments interleave with another's in the same table. */
static void
test_interleaved(void **state)
{
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(4, 2, 8, 1000, SOCKET_ID_ANY);
	struct rte_mbuf *a[8], *b[8], *in, *m;
	uint8_t copy_a[4000];
	uint32_t len_a, len_b;
	int na, nb, i;

	(void)state;
	assert_non_null(tbl);
	len_a = build_v4(NULL, 0, 3000, 1, 0);
	memcpy(copy_a, orig, len_a);
	in = from_bytes(orig, len_a, 0);
	na = rte_ipv4_fragment_packet(in, a, 8, 1000, direct, indirect);
	rte_pktmbuf_free(in);
	len_b = build_v4(NULL, 0, 3000, 2, 0);
	in = from_bytes(orig, len_b, 0);
	nb = rte_ipv4_fragment_packet(in, b, 8, 1000, direct, indirect);
	rte_pktmbuf_free(in);
	assert_int_equal(na, 4);
	assert_int_equal(nb, 4);
	add_l2(a, na);
	add_l2(b, nb);
	for (i = 0; i < 4; i++) {
		a[i]->l3_len = 20;
		b[i]->l3_len = 20;
	}
	for (i = 0; i < 3; i++) {
		assert_null(feed_v4(tbl, &a[i], 1, 5, 0));
		assert_null(feed_v4(tbl, &b[3 - i], 1, 5, 0));
	}
	assert_int_equal(entries_in_use(tbl), 2);
	m = feed_v4(tbl, &b[0], 1, 5, 1);
	assert_same(m, len_b);
	rte_pktmbuf_free(m);
	m = feed_v4(tbl, &a[3], 1, 5, 1);
	memcpy(orig, copy_a, len_a);
	assert_same(m, len_a);
	rte_pktmbuf_free(m);
	assert_int_equal(dr.cnt, 0);
	rte_ip_frag_table_destroy(tbl);
	assert_no_leak();
}

/* Options: all in the first fragment, only the copied ones in the others. */
static void
test_v4_options(void **state)
{
	/* security option (copied, 12 bytes), NOP, timestamp (not copied, 8), end */
	static const uint8_t opts[] = { 0x82, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
		1, 0x44, 8, 5, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(4, 2, 8, 1000, SOCKET_ID_ANY);
	struct rte_mbuf *f[8], *in, *m;
	uint32_t len = build_v4(opts, sizeof(opts), 2000, 9, 0);
	int n, i;

	(void)state;
	assert_non_null(tbl);
	in = from_bytes(orig, len, 0);
	n = rte_ipv4_fragment_packet(in, f, 8, 600, direct, indirect);
	/* 600 - 44 = 556 -> 552 bytes per fragment */
	assert_int_equal(n, 4);
	rte_pktmbuf_free(in);
	assert_int_equal(f[0]->l3_len, 44);
	assert_memory_equal(rte_pktmbuf_mtod_offset(f[0], void *, 20), opts, sizeof(opts));
	for (i = 1; i < n; i++) {
		const uint8_t *h = rte_pktmbuf_mtod(f[i], const uint8_t *);

		assert_int_equal(f[i]->l3_len, 32);
		assert_int_equal(h[0], 0x48);
		assert_memory_equal(h + 20, opts, 12);
	}
	check_v4_frags(f, n, 2000, 552, 1);
	add_l2(f, n);
	arrange(f, &n, SHUFFLED);
	m = feed_v4(tbl, f, n, 1, n);
	assert_same(m, len);
	rte_pktmbuf_free(m);
	rte_ip_frag_table_destroy(tbl);
	assert_no_leak();
}

/* A fragment fragmented again: offsets and the more-fragments flag carry over. */
static void
test_v4_refragment(void **state)
{
	struct rte_mbuf *f[8], *in;
	int n;

	(void)state;
	build_v4(NULL, 0, 1000, 3, RTE_IPV4_HDR_MF_FLAG | 100);
	in = from_bytes(orig, 1020, 0);
	n = rte_ipv4_fragment_packet(in, f, 8, 420, direct, indirect);
	assert_int_equal(n, 3);
	rte_pktmbuf_free(in);
	for (int i = 0; i < n; i++) {
		const struct rte_ipv4_hdr *h = rte_pktmbuf_mtod(f[i], const struct rte_ipv4_hdr *);
		uint16_t fo = rte_be_to_cpu_16(h->fragment_offset);

		assert_int_equal(fo & RTE_IPV4_HDR_OFFSET_MASK, 100 + i * 50);
		assert_true(fo & RTE_IPV4_HDR_MF_FLAG);
		rte_pktmbuf_free(f[i]);
	}
	assert_no_leak();
}

static void
test_v4_copy_nonseg(void **state)
{
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(4, 2, 8, 1000, SOCKET_ID_ANY);
	struct rte_mbuf *f[8], *in, *m;
	uint32_t len = build_v4(NULL, 0, 1900, 4, 0);
	int n, i;

	(void)state;
	assert_non_null(tbl);
	in = from_bytes(orig, len, 0);
	n = rte_ipv4_fragment_copy_nonseg_packet(in, f, 8, 500, direct);
	assert_int_equal(n, 4);
	rte_pktmbuf_free(in);
	for (i = 0; i < n; i++) {
		assert_int_equal(f[i]->nb_segs, 1);
		assert_true(RTE_MBUF_DIRECT(f[i]));
		assert_int_equal(rte_mbuf_refcnt_read(f[i]), 1);
	}
	check_v4_frags(f, n, 1900, 480, 0);
	add_l2(f, n);
	for (i = 0; i < n; i++)
		f[i]->l3_len = 20;
	arrange(f, &n, REVERSE);
	m = feed_v4(tbl, f, n, 1, n);
	assert_same(m, len);
	rte_pktmbuf_free(m);

	/* refused: segmented input, mbufs too small, pool empty */
	in = from_bytes(orig, len, 1000);
	assert_int_equal(rte_ipv4_fragment_copy_nonseg_packet(in, f, 8, 500, direct), -EINVAL);
	rte_pktmbuf_free(in);
	in = from_bytes(orig, len, 0);
	assert_int_equal(rte_ipv4_fragment_copy_nonseg_packet(in, f, 8, 500, small), -EINVAL);
	assert_int_equal(rte_ipv4_fragment_copy_nonseg_packet(in, f, 8, 500, few), -ENOMEM);
	assert_int_equal(rte_ipv4_fragment_copy_nonseg_packet(in, f, 3, 500, direct), -EINVAL);
	assert_int_equal(rte_ipv4_fragment_copy_nonseg_packet(in, f, 8, 67, direct), -EINVAL);
	orig[6] = 0x40; /* don't fragment */
	rte_pktmbuf_free(in);
	in = from_bytes(orig, len, 0);
	assert_int_equal(rte_ipv4_fragment_copy_nonseg_packet(in, f, 8, 500, direct), -ENOTSUP);
	rte_pktmbuf_free(in);
	rte_ip_frag_table_destroy(tbl);
	assert_no_leak();
}

static void
test_fragment_errors(void **state)
{
	struct rte_mbuf *f[MAX_OUT], *in;
	uint32_t len = build_v4(NULL, 0, 3000, 5, 0);

	(void)state;
	in = from_bytes(orig, len, 0);
	assert_int_equal(rte_ipv4_fragment_packet(NULL, f, 8, 1500, direct, indirect), -EINVAL);
	assert_int_equal(rte_ipv4_fragment_packet(in, NULL, 8, 1500, direct, indirect), -EINVAL);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 0, 1500, direct, indirect), -EINVAL);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 1500, NULL, indirect), -EINVAL);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 1500, direct, NULL), -EINVAL);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 67, direct, indirect), -EINVAL);
	/* 3000 bytes in 1480-byte fragments: 3 needed */
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 2, 1500, direct, indirect), -EINVAL);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 3, 1500, direct, indirect), 3);
	for (int i = 0; i < 3; i++)
		rte_pktmbuf_free(f[i]);
	/* pools running out half way: nothing left allocated */
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 1500, few, indirect), 3);
	for (int i = 0; i < 3; i++)
		rte_pktmbuf_free(f[i]);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 1000, few, indirect), -ENOMEM);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 1000, direct, few), -ENOMEM);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 1000, small, indirect), -EINVAL);
	assert_int_equal(rte_ipv6_fragment_packet(in, f, 8, 1000, small, indirect), -EINVAL);
	rte_pktmbuf_free(in);

	/* header length below 20 bytes, or beyond the first segment */
	orig[0] = 0x44;
	in = from_bytes(orig, len, 0);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 1500, direct, indirect), -EINVAL);
	rte_pktmbuf_free(in);
	orig[0] = 0x4f;
	in = from_bytes(orig, len, 40);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 1500, direct, indirect), -EINVAL);
	rte_pktmbuf_free(in);
	orig[0] = 0x45;
	/* don't fragment */
	orig[6] = 0x40;
	in = from_bytes(orig, len, 0);
	assert_int_equal(rte_ipv4_fragment_packet(in, f, 8, 1500, direct, indirect), -ENOTSUP);
	rte_pktmbuf_free(in);

	len = build_v6(3000, 5);
	in = from_bytes(orig, len, 0);
	assert_int_equal(rte_ipv6_fragment_packet(NULL, f, 8, 1500, direct, indirect), -EINVAL);
	assert_int_equal(rte_ipv6_fragment_packet(in, NULL, 8, 1500, direct, indirect), -EINVAL);
	assert_int_equal(rte_ipv6_fragment_packet(in, f, 0, 1500, direct, indirect), -EINVAL);
	assert_int_equal(rte_ipv6_fragment_packet(in, f, 8, 1500, NULL, indirect), -EINVAL);
	assert_int_equal(rte_ipv6_fragment_packet(in, f, 8, 1500, direct, NULL), -EINVAL);
	assert_int_equal(rte_ipv6_fragment_packet(in, f, 8, 55, direct, indirect), -EINVAL);
	/* 3000 bytes in 1448-byte fragments: 3 needed */
	assert_int_equal(rte_ipv6_fragment_packet(in, f, 2, 1500, direct, indirect), -EINVAL);
	assert_int_equal(rte_ipv6_fragment_packet(in, f, 8, 1000, few, indirect), -ENOMEM);
	assert_int_equal(rte_ipv6_fragment_packet(in, f, 8, 1000, direct, few), -ENOMEM);
	rte_pktmbuf_free(in);
	in = from_bytes(orig, len, 30);
	assert_int_equal(rte_ipv6_fragment_packet(in, f, 8, 1500, direct, indirect), -EINVAL);
	rte_pktmbuf_free(in);
	assert_no_leak();
}

static void
test_table_create_errors(void **state)
{
	struct rte_ip_frag_tbl *tbl;

	(void)state;
	assert_null(rte_ip_frag_table_create(16, 3, 16, 100, SOCKET_ID_ANY));
	assert_null(rte_ip_frag_table_create(16, 0, 16, 100, SOCKET_ID_ANY));
	assert_null(rte_ip_frag_table_create(0, 4, 0, 100, SOCKET_ID_ANY));
	assert_null(rte_ip_frag_table_create(16, 4, 65, 100, SOCKET_ID_ANY));
	assert_null(rte_ip_frag_table_create(UINT32_MAX, 4, 16, 100, SOCKET_ID_ANY));
	/* 3 x 4 entries round up to 16 */
	tbl = rte_ip_frag_table_create(3, 4, 16, 100, SOCKET_ID_ANY);
	assert_non_null(tbl);
	assert_int_equal(entries_in_use(tbl), 0);
	rte_ip_frag_table_destroy(tbl);
	rte_ip_frag_table_destroy(NULL);
}

/* Fragment i of n, payload of 8 * unit bytes each, for hand-made fragment sets. */
static struct rte_mbuf *
v4_piece(uint16_t id, uint32_t ofs, uint32_t len, int more, uint32_t pad)
{
	static uint8_t buf[70000];
	struct rte_ipv4_hdr *h = (struct rte_ipv4_hdr *)(buf + L2_LEN);
	struct rte_mbuf *m;

	memset(buf, 0, L2_LEN + 20 + len + pad);
	h->version_ihl = 0x45;
	h->total_length = rte_cpu_to_be_16((uint16_t)(20 + len));
	h->packet_id = rte_cpu_to_be_16(id);
	h->fragment_offset = rte_cpu_to_be_16((uint16_t)(ofs / 8 |
		(more ? RTE_IPV4_HDR_MF_FLAG : 0)));
	h->src_addr = 1;
	h->dst_addr = 2;
	memset(buf + L2_LEN + 20, (int)(ofs / 8), len);
	m = from_bytes(buf, L2_LEN + 20 + len + pad, 0);
	m->l2_len = L2_LEN;
	m->l3_len = 20;
	return m;
}

static struct rte_mbuf *
put_v4(struct rte_ip_frag_tbl *tbl, struct rte_mbuf *m, uint64_t tms)
{
	return rte_ipv4_frag_reassemble_packet(tbl, &dr, m, tms,
		rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, L2_LEN));
}

static void
test_reassembly_errors(void **state)
{
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(8, 4, 32, 1000, SOCKET_ID_ANY);
	struct rte_mbuf *m;
	int i;

	(void)state;
	assert_non_null(tbl);

	/* truncated: the header claims more than the mbuf holds */
	m = v4_piece(1, 0, 800, 1, 0);
	rte_pktmbuf_trim(m, 10);
	assert_null(put_v4(tbl, m, 1));
	assert_int_equal(dr.cnt, 1);
	assert_ptr_equal(dr.row[0], m);
	/* no payload */
	m = v4_piece(1, 0, 0, 1, 0);
	assert_null(put_v4(tbl, m, 1));
	assert_int_equal(dr.cnt, 2);
	/* ending past 65535 bytes */
	m = v4_piece(1, 65000, 600, 0, 0);
	assert_null(put_v4(tbl, m, 1));
	assert_int_equal(dr.cnt, 3);
	/* header not in the first segment */
	m = v4_piece(1, 8, 8, 1, 0);
	m->l2_len = (uint16_t)(m->data_len - 10);
	assert_null(put_v4(tbl, m, 1));
	assert_int_equal(dr.cnt, 4);
	assert_int_equal(entries_in_use(tbl), 0);
	assert_no_leak();

	/* overlapping fragments whose lengths add up to the total */
	assert_null(put_v4(tbl, v4_piece(2, 0, 16, 1, 0), 1));
	assert_null(put_v4(tbl, v4_piece(2, 8, 16, 1, 0), 1));
	assert_int_equal(entries_in_use(tbl), 1);
	assert_null(put_v4(tbl, v4_piece(2, 32, 8, 0, 0), 1));
	assert_int_equal(dr.cnt, 3);
	assert_int_equal(entries_in_use(tbl), 0);
	assert_no_leak();

	/* a fragment reaching past the end the last one sets */
	assert_null(put_v4(tbl, v4_piece(3, 0, 16, 1, 0), 1));
	assert_null(put_v4(tbl, v4_piece(3, 24, 32, 1, 0), 1));
	assert_null(put_v4(tbl, v4_piece(3, 32, 8, 0, 0), 1));
	assert_int_equal(dr.cnt, 3);
	assert_no_leak();

	/* duplicate first fragment */
	assert_null(put_v4(tbl, v4_piece(8, 0, 8, 1, 0), 1));
	assert_null(put_v4(tbl, v4_piece(8, 8, 8, 1, 0), 1));
	assert_null(put_v4(tbl, v4_piece(8, 0, 8, 1, 0), 1));
	assert_int_equal(dr.cnt, 3);
	assert_int_equal(entries_in_use(tbl), 0);
	assert_no_leak();

	/* a whole datagram with the identification of one whose last fragment came */
	assert_null(put_v4(tbl, v4_piece(9, 16, 8, 0, 0), 1));
	assert_null(put_v4(tbl, v4_piece(9, 0, 24, 0, 0), 1));
	assert_int_equal(dr.cnt, 2);
	assert_int_equal(entries_in_use(tbl), 0);
	assert_no_leak();

	/* duplicate last fragment */
	assert_null(put_v4(tbl, v4_piece(4, 64, 8, 0, 0), 1));
	assert_null(put_v4(tbl, v4_piece(4, 64, 8, 0, 0), 1));
	assert_int_equal(dr.cnt, 2);
	assert_int_equal(entries_in_use(tbl), 0);
	assert_no_leak();

	/* more than RTE_LIBRTE_IP_FRAG_MAX_FRAG fragments */
	for (i = 0; i < RTE_LIBRTE_IP_FRAG_MAX_FRAG - 1; i++)
		assert_null(put_v4(tbl, v4_piece(5, (uint32_t)i * 8, 8, 1, 0), 1));
	assert_int_equal(dr.cnt, 0);
	assert_int_equal(entries_in_use(tbl), 1);
	/* the last one's slot is kept for it: one more with more-fragments is too many */
	assert_null(put_v4(tbl, v4_piece(5, (uint32_t)i * 8, 8, 1, 0), 1));
	assert_int_equal(dr.cnt, RTE_LIBRTE_IP_FRAG_MAX_FRAG);
	assert_int_equal(entries_in_use(tbl), 0);
	assert_no_leak();

	/* exactly RTE_LIBRTE_IP_FRAG_MAX_FRAG fragments, with link-layer padding */
	for (i = RTE_LIBRTE_IP_FRAG_MAX_FRAG - 1; i > 0; i--)
		assert_null(put_v4(tbl, v4_piece(6, (uint32_t)i * 8, 8,
			i < RTE_LIBRTE_IP_FRAG_MAX_FRAG - 1, 30), 1));
	m = put_v4(tbl, v4_piece(6, 0, 8, 1, 30), 1);
	assert_non_null(m);
	assert_int_equal(m->pkt_len, L2_LEN + 20 + 8 * RTE_LIBRTE_IP_FRAG_MAX_FRAG);
	assert_int_equal(m->nb_segs, RTE_LIBRTE_IP_FRAG_MAX_FRAG);
	for (i = 0; i < RTE_LIBRTE_IP_FRAG_MAX_FRAG; i++) {
		uint8_t b;
		const uint8_t *p = rte_pktmbuf_read(m, L2_LEN + 20 + (uint32_t)i * 8 + 7u, 1, &b);

		assert_non_null(p);
		assert_int_equal(*p, i);
	}
	rte_pktmbuf_free(m);
	assert_int_equal(dr.cnt, 0);

	/* a whole datagram given as a fragment comes back as it is */
	m = v4_piece(7, 0, 40, 0, 0);
	assert_ptr_equal(put_v4(tbl, m, 1), m);
	rte_pktmbuf_free(m);
	rte_ip_frag_table_destroy(tbl);
	assert_no_leak();
}

static void
test_v6_reassembly_errors(void **state)
{
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(8, 4, 32, 1000, SOCKET_ID_ANY);
	struct rte_mbuf *f[8], *in;
	struct rte_ipv6_hdr *h;
	uint32_t len = build_v6(400, 1);
	int n;

	(void)state;
	assert_non_null(tbl);
	in = from_bytes(orig, len, 0);
	n = rte_ipv6_fragment_packet(in, f, 8, 248, direct, indirect);
	assert_int_equal(n, 2);
	rte_pktmbuf_free(in);
	add_l2(f, n);
	/* truncated */
	rte_pktmbuf_trim(f[0], 1);
	assert_null(feed_v6(tbl, f, 1, 1, 0));
	assert_int_equal(dr.cnt, 1);
	/* l3_len not covering the fragment header */
	f[1]->l3_len = 40;
	assert_null(feed_v6(tbl, &f[1], 1, 1, 0));
	assert_int_equal(dr.cnt, 2);
	assert_int_equal(entries_in_use(tbl), 0);
	assert_no_leak();
	in = from_bytes(orig, len, 0);
	n = rte_ipv6_fragment_packet(in, f, 8, 248, direct, indirect);
	rte_pktmbuf_free(in);
	add_l2(f, n);
	rte_pktmbuf_free(f[0]);
	/* no payload after the fragment header */
	h = rte_pktmbuf_mtod_offset(f[1], struct rte_ipv6_hdr *, L2_LEN);
	h->payload_len = rte_cpu_to_be_16(8);
	assert_null(feed_v6(tbl, &f[1], 1, 1, 0));
	assert_int_equal(dr.cnt, 1);
	assert_int_equal(entries_in_use(tbl), 0);

	/* ending past 65535 bytes */
	in = from_bytes(orig, len, 0);
	n = rte_ipv6_fragment_packet(in, f, 8, 248, direct, indirect);
	rte_pktmbuf_free(in);
	add_l2(f, n);
	h = rte_pktmbuf_mtod_offset(f[1], struct rte_ipv6_hdr *, L2_LEN);
	((struct rte_ipv6_fragment_ext *)(h + 1))->frag_data = rte_cpu_to_be_16(0xfff8);
	assert_null(feed_v6(tbl, &f[1], 1, 1, 0));
	assert_int_equal(dr.cnt, 2);
	/* a valid first fragment alone waits for the rest */
	assert_null(feed_v6(tbl, f, 1, 1, 0));
	assert_int_equal(entries_in_use(tbl), 1);
	rte_ip_frag_table_destroy(tbl);
	assert_no_leak();
}

static void
test_timeout(void **state)
{
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(4, 2, 8, 100, SOCKET_ID_ANY);
	struct rte_mbuf *m;

	(void)state;
	assert_non_null(tbl);
	/* the first fragment has timed out when the rest arrives: dropped, the rest waits */
	assert_null(put_v4(tbl, v4_piece(1, 0, 8, 1, 0), 0));
	assert_null(put_v4(tbl, v4_piece(1, 8, 8, 1, 0), 100)); /* not yet expired */
	assert_int_equal(dr.cnt, 0);
	rte_ip_frag_table_del_expired_entries(tbl, &dr, 100);
	assert_int_equal(entries_in_use(tbl), 1);
	/* expired: both go, the new one starts the datagram again */
	assert_null(put_v4(tbl, v4_piece(1, 16, 8, 0, 0), 201));
	assert_int_equal(dr.cnt, 2);
	assert_int_equal(entries_in_use(tbl), 1);
	assert_null(put_v4(tbl, v4_piece(1, 0, 8, 1, 0), 250));
	m = put_v4(tbl, v4_piece(1, 8, 8, 1, 0), 250);
	assert_non_null(m);
	assert_int_equal(m->pkt_len, L2_LEN + 44);
	rte_pktmbuf_free(m);
	assert_no_leak();

	/* expiry by age, oldest first, only as far as the death row has room */
	assert_null(put_v4(tbl, v4_piece(2, 0, 8, 1, 0), 1000));
	assert_null(put_v4(tbl, v4_piece(3, 0, 8, 1, 0), 1050));
	rte_ip_frag_table_del_expired_entries(tbl, &dr, 1120);
	assert_int_equal(dr.cnt, 1);
	assert_int_equal(entries_in_use(tbl), 1);
	dr.cnt = RTE_IP_FRAG_DEATH_ROW_MBUF_LEN - RTE_LIBRTE_IP_FRAG_MAX_FRAG + 1;
	rte_ip_frag_table_del_expired_entries(tbl, &dr, 5000);
	assert_int_equal(entries_in_use(tbl), 1);
	dr.cnt = 1;
	rte_ip_frag_table_del_expired_entries(tbl, &dr, 5000);
	assert_int_equal(dr.cnt, 2);
	assert_int_equal(entries_in_use(tbl), 0);
	rte_ip_frag_table_destroy(tbl);
	assert_no_leak();
}

static void
test_full_table(void **state)
{
	/* one bucket of 4 entries, at most 3 in use */
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(1, 4, 3, 100, SOCKET_ID_ANY);
	struct rte_mbuf *m;
	uint16_t id;

	(void)state;
	assert_non_null(tbl);
	for (id = 1; id <= 3; id++)
		assert_null(put_v4(tbl, v4_piece(id, 0, 8, 1, 0), 10 * id));
	assert_int_equal(entries_in_use(tbl), 3);
	m = v4_piece(4, 0, 8, 1, 0);
	assert_null(put_v4(tbl, m, 50));
	assert_int_equal(dr.cnt, 1);
	assert_ptr_equal(dr.row[0], m);
	assert_int_equal(entries_in_use(tbl), 3);
	/* the datagrams already there still complete */
	m = put_v4(tbl, v4_piece(2, 8, 8, 0, 0), 50);
	assert_non_null(m);
	rte_pktmbuf_free(m);
	assert_int_equal(entries_in_use(tbl), 2);
	assert_null(put_v4(tbl, v4_piece(4, 0, 8, 1, 0), 50));
	assert_int_equal(entries_in_use(tbl), 3);
	/* once the oldest has timed out, a new datagram takes its place */
	assert_null(put_v4(tbl, v4_piece(5, 0, 8, 1, 0), 111));
	assert_int_equal(dr.cnt, 2);
	assert_int_equal(entries_in_use(tbl), 3);
	rte_ip_frag_table_destroy(tbl); /* frees what it holds */
	assert_no_leak();
}

static void
test_death_row(void **state)
{
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(1, 4, 4, 100, SOCKET_ID_ANY);
	struct rte_mbuf *m;

	(void)state;
	assert_non_null(tbl);
	assert_int_equal(sizeof(dr.row) / sizeof(dr.row[0]),
		RTE_IP_FRAG_DEATH_ROW_LEN * (RTE_LIBRTE_IP_FRAG_MAX_FRAG + 1));
	assert_int_equal(offsetof(struct rte_ip_frag_death_row, row), 8);
	assert_int_equal(IP_FRAG_DEATH_ROW_LEN, RTE_IP_FRAG_DEATH_ROW_LEN);
	/* a full death row: the refused mbuf is freed at once instead of overflowing it */
	m = v4_piece(1, 0, 0, 1, 0);
	for (dr.cnt = 0; dr.cnt < RTE_IP_FRAG_DEATH_ROW_MBUF_LEN; dr.cnt++)
		dr.row[dr.cnt] = NULL;
	assert_null(put_v4(tbl, m, 1));
	assert_int_equal(dr.cnt, RTE_IP_FRAG_DEATH_ROW_MBUF_LEN);
	dr.cnt = 0;
	assert_no_leak();
	/* freeing with and without prefetch */
	assert_null(put_v4(tbl, v4_piece(1, 0, 0, 1, 0), 1));
	assert_null(put_v4(tbl, v4_piece(1, 0, 0, 1, 0), 1));
	assert_int_equal(rte_mempool_avail_count(direct), NB_DIRECT - 2);
	rte_ip_frag_free_death_row(&dr, 0);
	assert_int_equal(dr.cnt, 0);
	assert_int_equal(rte_mempool_avail_count(direct), NB_DIRECT);
	rte_ip_frag_table_destroy(tbl);
}

static void
test_helpers_and_dump(void **state)
{
	struct rte_ipv4_hdr h4 = { .version_ihl = 0x45 };
	struct {
		struct rte_ipv6_hdr h;
		struct rte_ipv6_fragment_ext f;
	} __rte_packed h6 = { .h = { .proto = IPPROTO_UDP } };
	struct rte_ip_frag_tbl *tbl = rte_ip_frag_table_create(2, 2, 4, 100, SOCKET_ID_ANY);
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_false(rte_ipv4_frag_pkt_is_fragmented(&h4));
	h4.fragment_offset = rte_cpu_to_be_16(RTE_IPV4_HDR_DF_FLAG);
	assert_false(rte_ipv4_frag_pkt_is_fragmented(&h4));
	h4.fragment_offset = rte_cpu_to_be_16(RTE_IPV4_HDR_MF_FLAG);
	assert_true(rte_ipv4_frag_pkt_is_fragmented(&h4));
	h4.fragment_offset = rte_cpu_to_be_16(1);
	assert_true(rte_ipv4_frag_pkt_is_fragmented(&h4));
	assert_null(rte_ipv6_frag_get_ipv6_fragment_header(&h6.h));
	h6.h.proto = IPPROTO_FRAGMENT;
	assert_ptr_equal(rte_ipv6_frag_get_ipv6_fragment_header(&h6.h), &h6.f);
	assert_int_equal(sizeof(struct rte_ipv6_fragment_ext), 8);
	assert_int_equal(RTE_IPV6_SET_FRAG_DATA(0x1238, 1), 0x1239);
	assert_int_equal(RTE_IPV6_GET_FO(0x1239), 0x247);
	assert_int_equal(RTE_IPV6_GET_MF(0x1239), 1);
	{
		/* next header, then the length field of each extension header kind */
		const uint8_t ext[2] = { IPPROTO_TCP, 3 };
		size_t ext_len = 0;

		assert_int_equal(rte_ipv6_get_next_ext(ext, IPPROTO_AH, &ext_len), IPPROTO_TCP);
		assert_int_equal(ext_len, 20);
		assert_int_equal(rte_ipv6_get_next_ext(ext, IPPROTO_HOPOPTS, &ext_len),
			IPPROTO_TCP);
		assert_int_equal(ext_len, 32);
		assert_int_equal(rte_ipv6_get_next_ext(ext, IPPROTO_DSTOPTS, &ext_len),
			IPPROTO_TCP);
		assert_int_equal(rte_ipv6_get_next_ext(ext, IPPROTO_FRAGMENT, &ext_len),
			IPPROTO_TCP);
		assert_int_equal(ext_len, 8);
		ext_len = 99;
		assert_int_equal(rte_ipv6_get_next_ext(ext, IPPROTO_UDP, &ext_len), -EINVAL);
		assert_int_equal(ext_len, 99);
	}

	assert_non_null(tbl);
	assert_null(put_v4(tbl, v4_piece(1, 0, 8, 1, 0), 1));
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	rte_ip_frag_table_statistics_dump(f, tbl);
	fclose(f);
	assert_non_null(strstr(buf, "max entries:\t4;"));
	assert_non_null(strstr(buf, "entries in use:\t1;"));
	free(buf);
	rte_ip_frag_table_destroy(tbl);
	assert_no_leak();
}

int
main(void)
{
	static const char *const args[] = { "test_ip_frag", "--no-huge", "-m", "256", "-l", "0",
		"--file-prefix=test_ip_frag", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip_v4),
		cmocka_unit_test(test_roundtrip_v6),
		cmocka_unit_test(test_interleaved),
		cmocka_unit_test(test_v4_options),
		cmocka_unit_test(test_v4_refragment),
		cmocka_unit_test(test_v4_copy_nonseg),
		cmocka_unit_test(test_fragment_errors),
		cmocka_unit_test(test_table_create_errors),
		cmocka_unit_test(test_reassembly_errors),
		cmocka_unit_test(test_v6_reassembly_errors),
		cmocka_unit_test(test_timeout),
		cmocka_unit_test(test_full_table),
		cmocka_unit_test(test_death_row),
		cmocka_unit_test(test_helpers_and_dump),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, setup, teardown);
}
