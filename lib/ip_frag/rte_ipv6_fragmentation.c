/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv6 fragmentation (RFC 8200 section 4.5) by reference: each fragment is a direct mbuf with
 * the fixed header and a fragment header, then indirect mbufs on the input's buffers.
 */
#include <errno.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_mbuf.h>

#include "ip_frag_private.h"
#include "ip_frag_split.h"

#define IPV6_FRAG_HDRS (sizeof(struct rte_ipv6_hdr) + RTE_IPV6_FRAG_HDR_SIZE)

static void
ipv6_fill_hdr(struct rte_mbuf *out, const struct rte_ipv6_hdr *in, uint32_t pos, uint32_t len,
	int more)
{
	struct rte_ipv6_hdr *h = rte_pktmbuf_mtod(out, struct rte_ipv6_hdr *);
	struct rte_ipv6_fragment_ext *fh = (struct rte_ipv6_fragment_ext *)(h + 1);

	memcpy(h, in, sizeof(*h));
	h->payload_len = rte_cpu_to_be_16((uint16_t)(RTE_IPV6_FRAG_HDR_SIZE + len));
	h->proto = IPPROTO_FRAGMENT;
	fh->next_header = in->proto;
	fh->reserved = 0;
	fh->frag_data = rte_cpu_to_be_16((uint16_t)RTE_IPV6_SET_FRAG_DATA(pos, more ? 1 : 0));
	/* as DPDK: no identification is chosen, every datagram gets 0 */
	fh->id = 0;
	out->l3_len = (uint16_t)IPV6_FRAG_HDRS;
}

int32_t
rte_ipv6_fragment_packet(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out,
	uint16_t nb_pkts_out, uint16_t mtu_size, struct rte_mempool *pool_direct,
	struct rte_mempool *pool_indirect)
{
	const struct rte_ipv6_hdr *in;
	struct ip_frag_cursor cur;
	uint32_t frag_size, payload, pos, nb_out = 0;

	if (pkt_in == NULL || pkts_out == NULL || nb_pkts_out == 0 || pool_direct == NULL ||
			pool_indirect == NULL ||
			mtu_size < IPV6_FRAG_HDRS + RTE_IPV6_EHDR_FO_ALIGN) {
		IP_FRAG_DP_LOG("ipv6 fragmentation: NULL argument, no room for fragments or MTU "
			"%u below %zu", mtu_size, IPV6_FRAG_HDRS + RTE_IPV6_EHDR_FO_ALIGN);
		return -EINVAL;
	}
	if (pkt_in->data_len < sizeof(*in)) {
		IP_FRAG_DP_LOG("ipv6 fragmentation: first segment of %u bytes shorter than the "
			"header", pkt_in->data_len);
		return -EINVAL;
	}
	in = rte_pktmbuf_mtod(pkt_in, const struct rte_ipv6_hdr *);
	frag_size = RTE_ALIGN_FLOOR(mtu_size - IPV6_FRAG_HDRS, RTE_IPV6_EHDR_FO_ALIGN);
	payload = pkt_in->pkt_len - sizeof(*in);
	if ((uint64_t)frag_size * nb_pkts_out < payload) {
		IP_FRAG_DP_LOG("ipv6 fragmentation: %u payload bytes need more than %u fragments "
			"of %u", payload, nb_pkts_out, frag_size);
		return -EINVAL;
	}

	cur.seg = pkt_in;
	cur.off = sizeof(*in);
	for (pos = 0; pos < payload || nb_out == 0; pos += frag_size) {
		uint32_t len = RTE_MIN(frag_size, payload - pos);
		struct rte_mbuf *out = rte_pktmbuf_alloc(pool_direct);

		if (out == NULL)
			goto nomem;
		if (rte_pktmbuf_append(out, (uint16_t)IPV6_FRAG_HDRS) == NULL) {
			rte_pktmbuf_free(out);
			ip_frag_free_all(pkts_out, nb_out);
			IP_FRAG_DP_LOG("ipv6 fragmentation: direct mbufs too small for headers");
			return -EINVAL;
		}
		pkts_out[nb_out++] = out;
		if (ip_frag_attach_payload(out, &cur, len, pool_indirect) != 0)
			goto nomem;
		ipv6_fill_hdr(out, in, pos, len, pos + len < payload);
	}
	return (int32_t)nb_out;

nomem:
	ip_frag_free_all(pkts_out, nb_out);
	IP_FRAG_DP_LOG("ipv6 fragmentation: mbuf pool empty");
	return -ENOMEM;
}
