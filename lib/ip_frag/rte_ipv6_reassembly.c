/* SPDX-License-Identifier: BSD-3-Clause */
/* IPv6 side of the reassembly: parsing a fragment's headers, rewriting the result's. */
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_mbuf.h>

#include "ip_frag_private.h"

void
ip_frag_v6_finish(struct rte_mbuf *m, uint32_t total_size)
{
	uint32_t before = (uint32_t)m->l2_len + m->l3_len - RTE_IPV6_FRAG_HDR_SIZE;
	struct rte_ipv6_hdr *ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv6_hdr *, m->l2_len);
	const struct rte_ipv6_fragment_ext *fh =
		rte_pktmbuf_mtod_offset(m, struct rte_ipv6_fragment_ext *, before);
	char *data = rte_pktmbuf_mtod(m, char *);

	/*
	 * The fragment header is assumed to follow the fixed header directly (as
	 * rte_ipv6_frag_get_ipv6_fragment_header finds it): the fixed header takes its
	 * next-header value, then everything before it moves over it.
	 */
	ip->proto = fh->next_header;
	ip->payload_len = rte_cpu_to_be_16((uint16_t)(total_size + m->l3_len -
		sizeof(struct rte_ipv6_hdr) - RTE_IPV6_FRAG_HDR_SIZE));
	memmove(data + RTE_IPV6_FRAG_HDR_SIZE, data, before);
	rte_pktmbuf_adj(m, RTE_IPV6_FRAG_HDR_SIZE);
	m->l3_len = (uint16_t)(m->l3_len - RTE_IPV6_FRAG_HDR_SIZE);
}

struct rte_mbuf *
rte_ipv6_frag_reassemble_packet(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
	struct rte_mbuf *mb, uint64_t tms, struct rte_ipv6_hdr *ip_hdr,
	struct rte_ipv6_fragment_ext *frag_hdr)
{
	uint16_t frag_data = rte_be_to_cpu_16(frag_hdr->frag_data);
	uint32_t payload = rte_be_to_cpu_16(ip_hdr->payload_len);
	uint32_t ofs = frag_data & RTE_IPV6_EHDR_FO_MASK;
	int more = RTE_IPV6_GET_MF(frag_data) != 0;
	struct ip_frag_key key;
	struct ip_frag_pkt *fp;
	uint32_t ip_len;
	const char *why;

	why = "l3_len shorter than the IPv6 and fragment headers";
	if (mb->l3_len < sizeof(*ip_hdr) + RTE_IPV6_FRAG_HDR_SIZE)
		goto drop;
	why = "no payload after the fragment header";
	if (payload <= RTE_IPV6_FRAG_HDR_SIZE)
		goto drop;
	ip_len = payload - RTE_IPV6_FRAG_HDR_SIZE;
	why = "fragment ends past 65535 bytes";
	if (ofs + ip_len > UINT16_MAX)
		goto drop;
	why = "fragment shorter than its payload length, or headers not in the first segment";
	if (ip_frag_trim(mb, ip_len) < 0)
		goto drop;

	memcpy(key.addr, ip_hdr->src_addr, sizeof(ip_hdr->src_addr));
	memcpy(&key.addr[2], ip_hdr->dst_addr, sizeof(ip_hdr->dst_addr));
	key.id = frag_hdr->id;
	key.nb_words = IP_FRAG_V6_KEY_WORDS;
	fp = ip_frag_find(tbl, dr, &key, tms);
	why = "reassembly table full";
	if (fp == NULL)
		goto drop;
	return ip_frag_process(tbl, dr, fp, mb, ofs, ip_len, more);

drop:
	IP_FRAG_DP_LOG("ipv6 reassembly: fragment id %#x offset %u length %u dropped: %s",
		(unsigned int)rte_be_to_cpu_32(frag_hdr->id), ofs, payload, why);
	ip_frag_to_death_row(dr, mb);
	return NULL;
}
