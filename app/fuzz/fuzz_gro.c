/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target for lib/gro, inside a real EAL (mbufs need mempools). The input is a
 * list of packets, each either described compactly (TCP segments or UDP fragments of a few
 * flows, plain or in VXLAN, so that merges happen often) or given as raw bytes with arbitrary
 * header lengths and packet type. They go through the lightweight mode or, in bursts,
 * through a context with small tables and partial flushes. Every packet that comes out must
 * be a consistent mbuf chain, and every mbuf must be back in its pool at the end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sanitizer/lsan_interface.h>

#include <rte_byteorder.h>
#include <rte_eal.h>
#include <rte_gro.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "gro_test_pkt.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NB_MBUF 8192
#define MAX_PKTS 160
#define SEG_ROOM 2048

static struct rte_mempool *pool;
static uint8_t payload[4096];

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
	char *args[] = { "fuzz_gro", "--no-huge", "-m", "128", "-l", "0", "--no-pci",
		"--in-memory", "--no-telemetry", "--log-level=*:crit", NULL };
	unsigned int i;

	(void)argc;
	(void)argv;
	/* what EAL and the pool keep for the whole run is not a leak */
	__lsan_disable();
	if (rte_eal_init((int)RTE_DIM(args) - 1, args) < 0)
		abort();
	pool = rte_pktmbuf_pool_create("fuzz_gro", NB_MBUF, 0, 0,
		RTE_PKTMBUF_HEADROOM + SEG_ROOM, SOCKET_ID_ANY);
	__lsan_enable();
	if (pool == NULL)
		abort();
	for (i = 0; i < sizeof(payload); i++)
		payload[i] = (uint8_t)(i * 31 + 7);
	return 0;
}

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

static void
release(struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++) {
		check_chain(pkts[i]);
		rte_pktmbuf_free(pkts[i]);
	}
}

static const uint32_t ptypes[] = {
	RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP,
	RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_FRAG,
	RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP | RTE_PTYPE_TUNNEL_VXLAN |
		RTE_PTYPE_INNER_L3_IPV4 | RTE_PTYPE_INNER_L4_TCP,
	RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP | RTE_PTYPE_TUNNEL_VXLAN |
		RTE_PTYPE_INNER_L3_IPV4 | RTE_PTYPE_INNER_L4_FRAG,
};

/* One packet of the input; NULL when the input or the pool is exhausted. */
static struct rte_mbuf *
next_packet(struct input *in)
{
	static uint8_t buf[TP_MAX_LEN];
	uint32_t kind = take(in, 1), seg = take(in, 1) * 8;
	struct rte_mbuf *m;

	if (seg == 0)
		seg = SEG_ROOM;
	if (kind & 1) {
		/* raw bytes, arbitrary metadata */
		uint32_t len = RTE_MIN(take(in, 2) % 3000, (uint32_t)in->left);

		if (len == 0)
			return NULL;
		memcpy(buf, in->p, len);
		in->p += len;
		in->left -= len;
		m = tp_chain(pool, buf, len, (uint16_t)seg);
		if (m == NULL)
			return NULL;
		m->l2_len = take(in, 1);
		m->l3_len = take(in, 1);
		m->l4_len = take(in, 1);
		m->outer_l2_len = take(in, 1);
		m->outer_l3_len = take(in, 1);
		m->packet_type = (kind & 2) ? ptypes[(kind >> 2) & 3] : take(in, 4);
	} else {
		struct tpkt t = { .sip = 1, .dip = 2, .dport = 80, .ack = 5 };
		uint32_t f = take(in, 1), k = take(in, 1), b = take(in, 1);

		t.vxlan = (kind >> 1) & 1;
		t.udp = (kind >> 2) & 1;
		t.mac = (uint8_t)(f & 1);
		t.sport = (uint16_t)((f >> 1) & 3);
		t.o_sport = (uint16_t)((f >> 3) & 1);
		t.o_df = (f >> 4) & 1;
		t.df = (f >> 5) & 1;
		t.optlen = (f >> 6) & 1 ? 4 : 0;
		t.opt_byte = (uint8_t)((f >> 7) & 1);
		t.pad = (kind >> 5) & 7;
		t.ip_id = (uint16_t)(k + ((b >> 6) & 1));
		t.o_id = (uint16_t)(k + ((b >> 7) & 1));
		t.flags = (b & 0x20) ? (uint8_t)take(in, 1) : RTE_TCP_ACK_FLAG;
		if (t.udp) {
			t.ip_id = (uint16_t)(b & 3);
			t.frag_off = (uint16_t)(k * 256);
			t.mf = (b >> 2) & 1;
			t.pl_len = (b & 0x10) ? 256 : (b & 7) * 8 + 1;
		} else {
			t.seq = k * 500;
			t.pl_len = (b & 0x10) ? 500 : (b & 0xf) * 37;
		}
		t.pl = payload;
		m = tpkt_mbuf(pool, &t, (uint16_t)RTE_MAX(seg, 128u));
	}
	return m;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	struct rte_mbuf *pkts[MAX_PKTS], *out[MAX_PKTS];
	uint32_t mode = take(&in, 1);
	struct rte_gro_param p = {
		.gro_types = take(&in, 1) & 0x1f,
		.max_flow_num = (uint16_t)((mode >> 1) & 7),
		.max_item_per_flow = (uint16_t)((mode >> 4) & 15),
		.socket_id = 0,
	};
	uint16_t n = 0, left;

	if (mode & 1) {
		/* lightweight: one burst */
		while (n < MAX_PKTS && in.left > 0) {
			struct rte_mbuf *m = next_packet(&in);

			if (m != NULL)
				pkts[n++] = m;
		}
		if (p.max_flow_num == 0 && (mode & 0x80))
			p.max_flow_num = 64;
		left = rte_gro_reassemble_burst(pkts, n, &p);
		if (left > n)
			abort();
		release(pkts, left);
	} else {
		void *ctx;

		p.max_flow_num++;
		p.max_item_per_flow++;
		ctx = rte_gro_ctx_create(&p);
		if (ctx == NULL)
			abort();
		while (in.left > 0) {
			uint32_t nb = (take(&in, 1) & 15) + 1, flush = take(&in, 1);

			for (n = 0; n < nb && in.left > 0; ) {
				struct rte_mbuf *m = next_packet(&in);

				if (m != NULL)
					pkts[n++] = m;
			}
			left = rte_gro_reassemble(pkts, n, ctx);
			if (left > n)
				abort();
			release(pkts, left);
			if (flush & 1) {
				left = rte_gro_timeout_flush(ctx, 0, flush >> 4,
					out, (uint16_t)((flush >> 1) & 7));
				release(out, left);
			}
		}
		do {
			left = rte_gro_timeout_flush(ctx, 0, UINT64_MAX, out, MAX_PKTS);
			release(out, left);
		} while (left > 0);
		if (rte_gro_get_pkt_count(ctx) != 0)
			abort();
		rte_gro_ctx_destroy(ctx);
	}
	if (rte_mempool_avail_count(pool) != NB_MBUF)
		abort();
	return 0;
}
