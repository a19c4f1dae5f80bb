/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4 fragmentation (RFC 791): by reference (indirect mbufs on the input's buffers) or by
 * copy for transmit paths that need direct mbufs.
 */
#include <errno.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>

#include "ip_frag_private.h"
#include "ip_frag_split.h"

#define IPV4_OPT_COPIED 0x80 /* option type bit: the option goes into every fragment */
#define IPV4_OPT_EOL 0
#define IPV4_OPT_NOP 1
#define IPV4_MAX_HDR_LEN 60

/* What both fragmenters check and compute before building anything. */
struct ipv4_plan {
	const struct rte_ipv4_hdr *hdr;
	uint32_t hdr_len; /* of the input, and of the first fragment */
	uint32_t frag_size; /* payload bytes per fragment but the last, a multiple of 8 */
	uint32_t payload; /* bytes after the header */
	uint16_t base_ofs; /* offset of the input itself when it is a fragment, in 8-byte units */
	uint16_t base_mf; /* more-fragments flag of the input */
	/* header of the other fragments: only the options to be copied */
	uint8_t rest_hdr[IPV4_MAX_HDR_LEN];
	uint32_t rest_hdr_len;
};

static int
ipv4_plan(struct ipv4_plan *p, const struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out,
	uint16_t nb_pkts_out, uint16_t mtu_size, const struct rte_mempool *pool_direct)
{
	const uint8_t *opt;
	uint16_t flag_offset;
	uint32_t i, n;

	if (pkt_in == NULL || pkts_out == NULL || nb_pkts_out == 0 || pool_direct == NULL ||
			mtu_size < RTE_ETHER_MIN_MTU) {
		IP_FRAG_DP_LOG("ipv4 fragmentation: NULL argument, no room for fragments or MTU %u "
			"below %u", mtu_size, RTE_ETHER_MIN_MTU);
		return -EINVAL;
	}
	p->hdr = rte_pktmbuf_mtod(pkt_in, const struct rte_ipv4_hdr *);
	p->hdr_len = (uint32_t)(p->hdr->version_ihl & RTE_IPV4_HDR_IHL_MASK) *
		RTE_IPV4_IHL_MULTIPLIER;
	if (pkt_in->data_len < sizeof(struct rte_ipv4_hdr) ||
			p->hdr_len < sizeof(struct rte_ipv4_hdr) ||
			pkt_in->data_len < p->hdr_len || mtu_size < p->hdr_len) {
		IP_FRAG_DP_LOG("ipv4 fragmentation: header of %u bytes not in a first segment of "
			"%u bytes, or above MTU %u", p->hdr_len, pkt_in->data_len, mtu_size);
		return -EINVAL;
	}
	flag_offset = rte_be_to_cpu_16(p->hdr->fragment_offset);
	if (flag_offset & RTE_IPV4_HDR_DF_FLAG) {
		IP_FRAG_DP_LOG("ipv4 fragmentation: don't-fragment flag set");
		return -ENOTSUP;
	}
	/* every fragment but the last carries a multiple of 8 bytes */
	p->frag_size = RTE_ALIGN_FLOOR(mtu_size - p->hdr_len, RTE_IPV4_HDR_OFFSET_UNITS);
	p->payload = pkt_in->pkt_len - p->hdr_len;
	if ((uint64_t)p->frag_size * nb_pkts_out < p->payload) {
		IP_FRAG_DP_LOG("ipv4 fragmentation: %u payload bytes need more than %u fragments "
			"of %u", p->payload, nb_pkts_out, p->frag_size);
		return -EINVAL;
	}
	p->base_ofs = flag_offset & RTE_IPV4_HDR_OFFSET_MASK;
	p->base_mf = flag_offset & RTE_IPV4_HDR_MF_FLAG;

	/* the later fragments keep the options whose copied bit is set (RFC 791) */
	memcpy(p->rest_hdr, p->hdr, sizeof(struct rte_ipv4_hdr));
	n = sizeof(struct rte_ipv4_hdr);
	opt = (const uint8_t *)p->hdr;
	for (i = sizeof(struct rte_ipv4_hdr); i < p->hdr_len; ) {
		uint32_t len;

		if (opt[i] == IPV4_OPT_EOL)
			break;
		if (opt[i] == IPV4_OPT_NOP) {
			i++;
			continue;
		}
		if (i + 1 >= p->hdr_len || opt[i + 1] < 2 || i + opt[i + 1] > p->hdr_len)
			break; /* malformed: what follows is not copied */
		len = opt[i + 1];
		if (opt[i] & IPV4_OPT_COPIED) {
			memcpy(p->rest_hdr + n, opt + i, len);
			n += len;
		}
		i += len;
	}
	/* pad with end-of-options to whole 32-bit words */
	while (n % RTE_IPV4_IHL_MULTIPLIER != 0)
		p->rest_hdr[n++] = IPV4_OPT_EOL;
	p->rest_hdr_len = n;
	((struct rte_ipv4_hdr *)p->rest_hdr)->version_ihl =
		(uint8_t)((p->hdr->version_ihl & ~RTE_IPV4_HDR_IHL_MASK) |
		(n / RTE_IPV4_IHL_MULTIPLIER));
	return 0;
}

/* Write the header of the fragment carrying len bytes at byte pos of the payload. */
static void
ipv4_fill_hdr(const struct ipv4_plan *p, struct rte_mbuf *out, uint32_t pos, uint32_t len)
{
	const void *src = pos == 0 ? (const void *)p->hdr : (const void *)p->rest_hdr;
	uint32_t hlen = pos == 0 ? p->hdr_len : p->rest_hdr_len;
	struct rte_ipv4_hdr *h = rte_pktmbuf_mtod(out, struct rte_ipv4_hdr *);
	uint16_t fo = (uint16_t)(p->base_ofs + pos / RTE_IPV4_HDR_OFFSET_UNITS);

	memcpy(h, src, hlen);
	if (pos + len < p->payload || p->base_mf)
		fo |= RTE_IPV4_HDR_MF_FLAG;
	h->fragment_offset = rte_cpu_to_be_16(fo);
	h->total_length = rte_cpu_to_be_16((uint16_t)(hlen + len));
	/* left for the NIC or the application, which may change the header further */
	h->hdr_checksum = 0;
	out->l3_len = (uint16_t)hlen;
}

int32_t
rte_ipv4_fragment_packet(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out,
	uint16_t nb_pkts_out, uint16_t mtu_size, struct rte_mempool *pool_direct,
	struct rte_mempool *pool_indirect)
{
	struct ipv4_plan p;
	struct ip_frag_cursor cur;
	uint32_t pos, nb_out = 0;
	int ret;

	if (pool_indirect == NULL) {
		IP_FRAG_DP_LOG("ipv4 fragmentation: NULL indirect pool");
		return -EINVAL;
	}
	ret = ipv4_plan(&p, pkt_in, pkts_out, nb_pkts_out, mtu_size, pool_direct);
	if (ret != 0)
		return ret;
	cur.seg = pkt_in;
	cur.off = p.hdr_len;
	for (pos = 0; pos < p.payload || nb_out == 0; pos += p.frag_size) {
		uint32_t len = RTE_MIN(p.frag_size, p.payload - pos);
		uint32_t hlen = pos == 0 ? p.hdr_len : p.rest_hdr_len;
		struct rte_mbuf *out = rte_pktmbuf_alloc(pool_direct);

		if (out == NULL)
			goto nomem;
		if (rte_pktmbuf_append(out, (uint16_t)hlen) == NULL) {
			rte_pktmbuf_free(out);
			ip_frag_free_all(pkts_out, nb_out);
			IP_FRAG_DP_LOG("ipv4 fragmentation: direct mbufs too small for a %u-byte "
				"header", hlen);
			return -EINVAL;
		}
		pkts_out[nb_out++] = out;
		if (ip_frag_attach_payload(out, &cur, len, pool_indirect) != 0)
			goto nomem;
		ipv4_fill_hdr(&p, out, pos, len);
	}
	return (int32_t)nb_out;

nomem:
	ip_frag_free_all(pkts_out, nb_out);
	IP_FRAG_DP_LOG("ipv4 fragmentation: mbuf pool empty");
	return -ENOMEM;
}

int32_t
rte_ipv4_fragment_copy_nonseg_packet(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out,
	uint16_t nb_pkts_out, uint16_t mtu_size, struct rte_mempool *pool_direct)
{
	struct ipv4_plan p;
	uint32_t pos, nb_out = 0;
	int ret;

	ret = ipv4_plan(&p, pkt_in, pkts_out, nb_pkts_out, mtu_size, pool_direct);
	if (ret != 0)
		return ret;
	if (pkt_in->next != NULL) {
		IP_FRAG_DP_LOG("ipv4 fragmentation by copy: %u segments, one expected",
			pkt_in->nb_segs);
		return -EINVAL;
	}
	for (pos = 0; pos < p.payload || nb_out == 0; pos += p.frag_size) {
		uint32_t len = RTE_MIN(p.frag_size, p.payload - pos);
		uint32_t hlen = pos == 0 ? p.hdr_len : p.rest_hdr_len;
		struct rte_mbuf *out = rte_pktmbuf_alloc(pool_direct);
		char *dst;

		if (out == NULL) {
			ip_frag_free_all(pkts_out, nb_out);
			IP_FRAG_DP_LOG("ipv4 fragmentation by copy: mbuf pool empty");
			return -ENOMEM;
		}
		dst = rte_pktmbuf_append(out, (uint16_t)(hlen + len));
		if (dst == NULL) {
			rte_pktmbuf_free(out);
			ip_frag_free_all(pkts_out, nb_out);
			IP_FRAG_DP_LOG("ipv4 fragmentation by copy: direct mbufs too small for "
				"%u bytes", hlen + len);
			return -EINVAL;
		}
		memcpy(dst + hlen, rte_pktmbuf_mtod_offset(pkt_in, char *, p.hdr_len + pos), len);
		ipv4_fill_hdr(&p, out, pos, len);
		pkts_out[nb_out++] = out;
	}
	return (int32_t)nb_out;
}
