/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target for lib/ip_frag, which runs inside a real EAL (mbufs need mempools).
 * The first byte picks what the input drives:
 *  - even: a sequence of fragments given to one reassembly table, each either described
 *    compactly (so that fragments of one datagram are easy to hit) or as raw IP bytes;
 *  - odd: one arbitrary packet given to the fragmenters, whose fragments are then put back
 *    together and compared with the input.
 * Any packet that comes out must be well formed, and every mbuf must be back in its pool once
 * the death row is freed and the table destroyed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sanitizer/lsan_interface.h>

#include <rte_byteorder.h>
#include <rte_eal.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_ip_frag.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NB_MBUF 2048
#define MAX_OUT 64
#define L2 ((uint16_t)sizeof(struct rte_ether_hdr))
#define SEG_ROOM 2048

static struct rte_mempool *direct;
static struct rte_mempool *indirect;
static struct rte_ip_frag_death_row dr;

struct input {
	const uint8_t *p;
	size_t left;
};

static uint32_t
take(struct input *in, unsigned int nb_bytes)
{
	uint32_t v = 0;

	while (nb_bytes-- > 0) {
		v <<= 8;
		if (in->left > 0) {
			v |= *in->p++;
			in->left--;
		}
	}
	return v;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* no runtime files nor sockets left behind: libFuzzer ends without rte_eal_cleanup */
	char *args[] = { "fuzz_ip_frag", "--no-huge", "-m", "128", "-l", "0", "--no-pci",
		"--in-memory", "--no-telemetry", "--log-level=*:crit", NULL };

	(void)argc;
	(void)argv;
	/*
	 * EAL and the pools keep pointers to what they malloc in EAL memory, which the leak
	 * checker does not scan: what is set up once here is not a leak.
	 */
	__lsan_disable();
	if (rte_eal_init((int)RTE_DIM(args) - 1, args) < 0)
		abort();
	direct = rte_pktmbuf_pool_create("fuzz_direct", NB_MBUF, 0, 0,
		RTE_PKTMBUF_HEADROOM + SEG_ROOM, SOCKET_ID_ANY);
	indirect = rte_pktmbuf_pool_create("fuzz_indirect", NB_MBUF, 0, 0, 0, SOCKET_ID_ANY);
	__lsan_enable();
	if (direct == NULL || indirect == NULL)
		abort();
	return 0;
}

/* An mbuf chain holding buf, cut into segments of at most seg bytes; NULL if pools are dry. */
static struct rte_mbuf *
from_bytes(const uint8_t *buf, uint32_t len, uint32_t seg)
{
	struct rte_mbuf *head = NULL;
	uint32_t done = 0;

	if (seg == 0 || seg > SEG_ROOM)
		seg = SEG_ROOM;
	do {
		uint32_t n = RTE_MIN(seg, len - done);
		struct rte_mbuf *m = rte_pktmbuf_alloc(direct);

		if (m == NULL) {
			rte_pktmbuf_free(head);
			return NULL;
		}
		memcpy(rte_pktmbuf_append(m, (uint16_t)n), buf + done, n);
		done += n;
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0)
			abort();
	} while (done < len);
	return head;
}

/* The chain's counters agree with its segments. */
static void
check_chain(const struct rte_mbuf *m)
{
	const struct rte_mbuf *s;
	uint32_t len = 0, n = 0;

	for (s = m; s != NULL; s = s->next) {
		len += s->data_len;
		n++;
	}
	if (len != m->pkt_len || n != m->nb_segs)
		abort();
}

/* A reassembled packet has headers matching its length. */
static void
check_result(const struct rte_mbuf *m, int v6)
{
	check_chain(m);
	if (m->data_len < m->l2_len + m->l3_len)
		abort();
	if (v6) {
		const struct rte_ipv6_hdr *h = rte_pktmbuf_mtod_offset(m,
			const struct rte_ipv6_hdr *, m->l2_len);

		if (rte_be_to_cpu_16(h->payload_len) + sizeof(*h) + m->l2_len != m->pkt_len)
			abort();
	} else {
		const struct rte_ipv4_hdr *h = rte_pktmbuf_mtod_offset(m,
			const struct rte_ipv4_hdr *, m->l2_len);

		if (rte_be_to_cpu_16(h->total_length) + m->l2_len != m->pkt_len ||
				rte_ipv4_frag_pkt_is_fragmented(h))
			abort();
	}
}

static struct rte_mbuf *
reassemble(struct rte_ip_frag_tbl *tbl, struct rte_mbuf *m, uint64_t tms, int v6)
{
	if (v6) {
		struct rte_ipv6_hdr *h = rte_pktmbuf_mtod_offset(m, struct rte_ipv6_hdr *, L2);
		struct rte_ipv6_fragment_ext *fh = rte_ipv6_frag_get_ipv6_fragment_header(h);

		if (fh == NULL) {
			rte_pktmbuf_free(m);
			return NULL;
		}
		m->l3_len = sizeof(*h) + sizeof(*fh);
		return rte_ipv6_frag_reassemble_packet(tbl, &dr, m, tms, h, fh);
	}
	struct rte_ipv4_hdr *h = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, L2);

	m->l3_len = (uint16_t)((h->version_ihl & RTE_IPV4_HDR_IHL_MASK) * RTE_IPV4_IHL_MULTIPLIER);
	if (m->l3_len < sizeof(*h) || m->l3_len > m->data_len - L2)
		m->l3_len = sizeof(*h);
	return rte_ipv4_frag_reassemble_packet(tbl, &dr, m, tms, h);
}

/* One fragment of the input: compact description or raw bytes behind an Ethernet header. */
static struct rte_mbuf *
next_fragment(struct input *in, int *v6)
{
	static uint8_t buf[L2 + 65600];
	uint32_t kind = take(in, 1), len, seg = take(in, 1) * 8;

	/* the caller's ip_hdr points into the first segment: it holds the headers */
	if (seg != 0)
		seg = RTE_MAX(seg, (uint32_t)L2 + 64);

	memset(buf, 0, L2);
	*v6 = kind & 1;
	if (kind & 2) {
		len = take(in, 2) % 4096;
		len = RTE_MIN(len, (uint32_t)in->left);
		memcpy(buf + L2, in->p, len);
		in->p += len;
		in->left -= len;
		if (len < (*v6 ? sizeof(struct rte_ipv6_hdr) + 8 : sizeof(struct rte_ipv4_hdr)))
			return NULL;
		len += L2;
	} else if (*v6) {
		struct rte_ipv6_hdr *h = (struct rte_ipv6_hdr *)(buf + L2);
		struct rte_ipv6_fragment_ext *fh = (struct rte_ipv6_fragment_ext *)(h + 1);
		uint32_t id = take(in, 1) & 3, fd = take(in, 2);
		uint32_t plen = (take(in, 1) & 0x7f) * 8 + 8;

		memset(h, 0, sizeof(*h) + sizeof(*fh));
		h->vtc_flow = rte_cpu_to_be_32(6u << 28);
		h->proto = IPPROTO_FRAGMENT;
		h->payload_len = rte_cpu_to_be_16((uint16_t)plen);
		fh->next_header = IPPROTO_UDP;
		fh->frag_data = rte_cpu_to_be_16((uint16_t)fd);
		fh->id = rte_cpu_to_be_32(id);
		memset(fh + 1, (int)fd, plen - 8);
		len = L2 + (uint32_t)sizeof(*h) + plen + (kind >> 4);
	} else {
		struct rte_ipv4_hdr *h = (struct rte_ipv4_hdr *)(buf + L2);
		uint32_t id = take(in, 1) & 3, fo = take(in, 2);
		uint32_t plen = (take(in, 1) & 0x7f) * 8;

		memset(h, 0, sizeof(*h));
		h->version_ihl = RTE_IPV4_VHL_DEF;
		h->packet_id = rte_cpu_to_be_16((uint16_t)id);
		h->fragment_offset = rte_cpu_to_be_16((uint16_t)fo);
		h->total_length = rte_cpu_to_be_16((uint16_t)(sizeof(*h) + plen));
		memset(h + 1, (int)fo, plen);
		len = L2 + (uint32_t)sizeof(*h) + plen + (kind >> 4); /* with padding */
	}
	return from_bytes(buf, len, seg);
}

static void
check_pools(void)
{
	if (rte_mempool_avail_count(direct) != NB_MBUF ||
			rte_mempool_avail_count(indirect) != NB_MBUF)
		abort();
}

static void
fuzz_reassembly(struct input *in)
{
	uint32_t bucket_num = (take(in, 1) & 7) + 1;
	uint32_t bucket_entries = 1u << (take(in, 1) & 3);
	uint32_t max_entries = take(in, 1) % (rte_align32pow2(bucket_num * bucket_entries) + 1);
	uint64_t max_cycles = take(in, 1), tms = 0;
	struct rte_ip_frag_tbl *tbl;
	unsigned int n;

	tbl = rte_ip_frag_table_create(bucket_num, bucket_entries, max_entries, max_cycles,
		SOCKET_ID_ANY);
	if (tbl == NULL)
		abort();
	for (n = 0; n < 64 && in->left > 0; n++) {
		uint32_t step = take(in, 1);
		struct rte_mbuf *m;
		int v6;

		tms += step & 0x3f;
		if (step & 0x40)
			rte_ip_frag_table_del_expired_entries(tbl, &dr, tms);
		m = next_fragment(in, &v6);
		if (m == NULL)
			continue;
		m->l2_len = L2;
		m = reassemble(tbl, m, tms, v6);
		if (m != NULL) {
			check_result(m, v6);
			rte_pktmbuf_free(m);
		}
		/* as an application would, after each burst of at most 32 packets */
		if (dr.cnt >= RTE_IP_FRAG_DEATH_ROW_MBUF_LEN / 2 || (step & 0x80))
			rte_ip_frag_free_death_row(&dr, step & 3);
	}
	rte_ip_frag_table_destroy(tbl);
	rte_ip_frag_free_death_row(&dr, 0);
	check_pools();
}

static void
fuzz_fragmentation(struct input *in)
{
	static uint8_t pkt[9000];
	uint32_t flags = take(in, 1), mtu = take(in, 2), nb_out = take(in, 1) % (MAX_OUT + 1);
	uint32_t seg = take(in, 1) * 8, len = (uint32_t)RTE_MIN(in->left, sizeof(pkt));
	struct rte_mbuf *out[MAX_OUT], *m;
	struct rte_ip_frag_tbl *tbl;
	int v6 = flags & 1, ret, i;

	memcpy(pkt, in->p, len);
	in->left = 0;
	if (len == 0)
		return;
	m = from_bytes(pkt, len, seg);
	if (m == NULL)
		abort();
	if (v6)
		ret = rte_ipv6_fragment_packet(m, out, (uint16_t)nb_out, (uint16_t)mtu, direct,
			indirect);
	else if (flags & 2)
		ret = rte_ipv4_fragment_copy_nonseg_packet(m, out, (uint16_t)nb_out,
			(uint16_t)mtu, direct);
	else
		ret = rte_ipv4_fragment_packet(m, out, (uint16_t)nb_out, (uint16_t)mtu, direct,
			indirect);
	rte_pktmbuf_free(m);
	if (ret == -EINVAL || ret == -ENOTSUP || ret == -ENOMEM) {
		check_pools();
		return;
	}
	if (ret <= 0 || (uint32_t)ret > nb_out)
		abort();
	for (i = 0; i < ret; i++) {
		check_chain(out[i]);
		if (out[i]->pkt_len > mtu)
			abort();
	}

	/* put them back together (in reverse order) when the table can take them all */
	tbl = rte_ip_frag_table_create(1, 1, 1, UINT64_MAX, SOCKET_ID_ANY);
	if (tbl == NULL)
		abort();
	m = NULL;
	for (i = ret - 1; i >= 0; i--) {
		struct rte_mbuf *r;
		char *p = rte_pktmbuf_prepend(out[i], L2);

		if (p == NULL)
			abort();
		memset(p, 0, L2);
		out[i]->l2_len = L2;
		r = reassemble(tbl, out[i], 0, v6);
		if (r != NULL) {
			check_result(r, v6);
			rte_pktmbuf_free(m);
			m = r;
		}
	}
	/*
	 * A whole datagram (IPv6 always is, to the fragmenter) with some payload, cut into no
	 * more fragments than a table entry holds, must come back.
	 */
	if (m == NULL && ret <= RTE_LIBRTE_IP_FRAG_MAX_FRAG && len > (v6 ? 40u : 60u) &&
			(v6 || !rte_ipv4_frag_pkt_is_fragmented((const struct rte_ipv4_hdr *)pkt)))
		abort();
	if (m != NULL && ret > 1 && ret <= RTE_LIBRTE_IP_FRAG_MAX_FRAG) {
		/* the payload is the input's, byte for byte */
		static uint8_t tmp[9000];
		uint32_t hin = v6 ? sizeof(struct rte_ipv6_hdr) :
			(pkt[0] & RTE_IPV4_HDR_IHL_MASK) * 4u;
		uint32_t hout = m->l3_len;
		const uint8_t *q;

		if (m->pkt_len - L2 - hout != len - hin)
			abort();
		q = rte_pktmbuf_read(m, L2 + hout, len - hin, tmp);
		if (q == NULL || memcmp(q, pkt + hin, len - hin) != 0)
			abort();
	}
	rte_pktmbuf_free(m);
	rte_ip_frag_table_destroy(tbl);
	rte_ip_frag_free_death_row(&dr, 0);
	check_pools();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	if (take(&in, 1) & 1)
		fuzz_fragmentation(&in);
	else
		fuzz_reassembly(&in);
	return 0;
}
