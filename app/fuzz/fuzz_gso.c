/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target for lib/gso, inside a real EAL (mbufs need mempools). The input is a
 * context (types, size, flag, room for output) and one packet, either described compactly
 * (TCP or UDP, plain or in VXLAN, up to 64K, in mbufs of a chosen size) or given as raw bytes
 * with arbitrary header lengths and TX flags. Checked: the return code is one rte_gso_segment
 * may give; on success the segments are consistent chains no longer than gso_size whose
 * payloads, end to end, are the input's; a TCP stream of plain ACK segments, merged back by
 * GRO, is the input byte for byte; no mbuf is left out of its pool.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sanitizer/lsan_interface.h>

#include <rte_byteorder.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_gro.h>
#include <rte_gso.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "gro_test_pkt.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NB_MBUF 4096
#define MAX_OUT 1024
#define SEG_ROOM 2048

static struct rte_mempool *in_pool, *direct, *indirect;
static uint8_t payload[70000];
static uint8_t orig[TP_MAX_LEN], flat[TP_MAX_LEN];
static struct rte_mbuf *out[MAX_OUT];

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
	char *args[] = { "fuzz_gso", "--no-huge", "-m", "256", "-l", "0", "--no-pci",
		"--in-memory", "--no-telemetry", "--log-level=*:crit", NULL };
	unsigned int i;

	(void)argc;
	(void)argv;
	/* what EAL and the pools keep for the whole run is not a leak */
	__lsan_disable();
	if (rte_eal_init((int)RTE_DIM(args) - 1, args) < 0)
		abort();
	in_pool = rte_pktmbuf_pool_create("fuzz_in", NB_MBUF, 0, 0,
		RTE_PKTMBUF_HEADROOM + SEG_ROOM, SOCKET_ID_ANY);
	direct = rte_pktmbuf_pool_create("fuzz_direct", NB_MBUF, 0, 0,
		RTE_PKTMBUF_HEADROOM + 256, SOCKET_ID_ANY);
	indirect = rte_pktmbuf_pool_create("fuzz_indirect", NB_MBUF, 0, 0, 0, SOCKET_ID_ANY);
	__lsan_enable();
	if (in_pool == NULL || direct == NULL || indirect == NULL)
		abort();
	for (i = 0; i < sizeof(payload); i++)
		payload[i] = (uint8_t)(i * 29 + i / 255);
	return 0;
}

static void
check_pools(void)
{
	if (rte_mempool_avail_count(in_pool) != NB_MBUF ||
			rte_mempool_avail_count(direct) != NB_MBUF ||
			rte_mempool_avail_count(indirect) != NB_MBUF)
		abort();
}

static const uint64_t ol_kinds[] = {
	RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4,
	RTE_MBUF_F_TX_UDP_SEG | RTE_MBUF_F_TX_IPV4,
	RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_OUTER_IPV4 |
		RTE_MBUF_F_TX_TUNNEL_VXLAN,
	RTE_MBUF_F_TX_UDP_SEG | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_OUTER_IPV4 |
		RTE_MBUF_F_TX_TUNNEL_VXLAN,
	RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_OUTER_IPV4 |
		RTE_MBUF_F_TX_TUNNEL_GRE,
};

/* Segments against the input: sizes, chains, payload bytes in order. */
static void
check_segments(const struct rte_mbuf *m, const uint8_t *in_bytes, int n, uint16_t gso_size)
{
	uint32_t done, hdr = out[0]->data_len;
	int i;

	done = hdr;
	for (i = 0; i < n; i++) {
		const struct rte_mbuf *s;
		uint32_t len = 0, nb = 0;

		for (s = out[i]; s != NULL; s = s->next) {
			len += s->data_len;
			nb++;
		}
		if (len != out[i]->pkt_len || nb != out[i]->nb_segs ||
				out[i]->pkt_len > gso_size || out[i]->data_len != hdr ||
				(out[i]->ol_flags & (RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_UDP_SEG)))
			abort();
		if (memcmp(rte_pktmbuf_read(out[i], hdr, len - hdr, flat), in_bytes + done,
				len - hdr) != 0)
			abort();
		done += len - hdr;
	}
	if (done != m->pkt_len)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	uint32_t kind = take(&in, 1), seg = take(&in, 1) * 8;
	struct rte_gso_ctx ctx = {
		.direct_pool = direct, .indirect_pool = indirect,
		.gso_types = take(&in, 1) & 0xf,
		.gso_size = (uint16_t)take(&in, 2),
		.flag = take(&in, 1) & 1,
	};
	uint16_t nb_out = (uint16_t)(take(&in, 2) % (MAX_OUT + 1));
	int roundtrip = 0, n, i;
	struct rte_mbuf *m;
	uint64_t ol;
	uint32_t len;

	/* the bits of gso_types taken above stand for the four TSO kinds */
	ctx.gso_types = ((ctx.gso_types & 1) ? RTE_ETH_TX_OFFLOAD_TCP_TSO : 0) |
		((ctx.gso_types & 2) ? RTE_ETH_TX_OFFLOAD_UDP_TSO : 0) |
		((ctx.gso_types & 4) ? RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO : 0) |
		((ctx.gso_types & 8) ? RTE_ETH_TX_OFFLOAD_GRE_TNL_TSO : 0);
	if (seg == 0 || seg > SEG_ROOM)
		seg = SEG_ROOM;
	if (kind & 1) {
		len = RTE_MIN((uint32_t)in.left, 9000u);
		if (len == 0)
			return 0;
		memcpy(orig, in.p + in.left - len, len);
		in.left -= len;
		m = tp_chain(in_pool, orig, len, (uint16_t)seg);
		if (m == NULL)
			abort();
		m->l2_len = take(&in, 1);
		m->l3_len = take(&in, 2);
		m->l4_len = take(&in, 1);
		m->outer_l2_len = take(&in, 1);
		m->outer_l3_len = take(&in, 2);
		m->ol_flags = (kind & 2) ? ol_kinds[((kind >> 2) & 7) % RTE_DIM(ol_kinds)] :
			((uint64_t)take(&in, 4) << 32 | take(&in, 4));
		/* these two say how the mbuf itself is to be freed: not the library's input */
		m->ol_flags &= ~(RTE_MBUF_F_INDIRECT | RTE_MBUF_F_EXTERNAL);
	} else {
		struct tpkt t = { .sip = 1, .dip = 2, .sport = 5, .dport = 80, .ack = 5,
			.flags = RTE_TCP_ACK_FLAG };
		uint32_t f = take(&in, 1);

		t.vxlan = (kind >> 1) & 1;
		t.udp = (kind >> 2) & 1;
		t.seq = take(&in, 4);
		t.ip_id = (uint16_t)take(&in, 2);
		t.o_id = (uint16_t)take(&in, 2);
		t.df = f & 1;
		t.optlen = (uint8_t)(((f >> 1) & 7) * 4);
		if (f & 0x10)
			t.flags = (uint8_t)take(&in, 1);
		t.pl = payload;
		/* one packet in eight goes up to 64K, the rest stay small to keep runs fast */
		t.pl_len = take(&in, 2) % ((f & 0xe0) == 0xe0 ? 65000u - 200 : 4000u);
		/* the IP total length is 16 bits: leave room for every header */
		len = tpkt_write(&t, orig);
		m = tpkt_mbuf(in_pool, &t, (uint16_t)RTE_MAX(seg, 160u));
		if (m == NULL)
			abort();
		m->ol_flags = ol_kinds[t.vxlan * 2 + t.udp];
		/* GRO merges what GSO cut when the IDs it needs follow on */
		roundtrip = !t.udp && t.flags == RTE_TCP_ACK_FLAG &&
			!((ctx.flag & RTE_GSO_FLAG_IPID_FIXED) && (!t.df || t.vxlan));
	}
	ol = m->ol_flags;
	n = rte_gso_segment(m, &ctx, out, nb_out);
	if (n < 0) {
		if ((n != -EINVAL && n != -ENOMEM) || m->ol_flags != ol ||
				rte_mbuf_refcnt_read(m) != 1)
			abort();
	} else if (n > 0) {
		if (n > nb_out)
			abort();
		check_segments(m, rte_pktmbuf_read(m, 0, m->pkt_len, orig), n, ctx.gso_size);
	}
	if (roundtrip && n > 1 && n <= (int)RTE_GRO_MAX_BURST_ITEM_NUM) {
		struct rte_gro_param p = { .gro_types = RTE_GRO_TCP_IPV4 |
			RTE_GRO_IPV4_VXLAN_TCP_IPV4, .max_flow_num = 1, .max_item_per_flow = 128 };
		uint16_t left;

		len = m->pkt_len;
		rte_pktmbuf_read(m, 0, len, orig);
		left = rte_gro_reassemble_burst(out, (uint16_t)n, &p);
		if (left != 1 || out[0]->pkt_len != len ||
				memcmp(rte_pktmbuf_read(out[0], 0, len, flat), orig, len) != 0)
			abort();
		n = 1;
	}
	for (i = 0; i < n; i++)
		rte_pktmbuf_free(out[i]);
	rte_pktmbuf_free(m);
	check_pools();
	return 0;
}
