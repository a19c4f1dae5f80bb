/* SPDX-License-Identifier: BSD-3-Clause */
/* IPv4 side of the reassembly: parsing a fragment's header, rewriting the result's. */
#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_mbuf.h>

#include "ip_frag_private.h"

void
ip_frag_v4_finish(struct rte_mbuf *m, uint32_t total_size)
{
	struct rte_ipv4_hdr *ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, m->l2_len);

	ip->total_length = rte_cpu_to_be_16((uint16_t)(total_size + m->l3_len));
	/* offset 0, more-fragments cleared; don't-fragment is the sender's and stays */
	ip->fragment_offset &= rte_cpu_to_be_16(RTE_IPV4_HDR_DF_FLAG);
	/* the header changed: its checksum is for the NIC or the application to compute */
	ip->hdr_checksum = 0;
	m->ol_flags |= RTE_MBUF_F_TX_IP_CKSUM;
}

struct rte_mbuf *
rte_ipv4_frag_reassemble_packet(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
	struct rte_mbuf *mb, uint64_t tms, struct rte_ipv4_hdr *ip_hdr)
{
	uint16_t flag_offset = rte_be_to_cpu_16(ip_hdr->fragment_offset);
	uint32_t total = rte_be_to_cpu_16(ip_hdr->total_length);
	uint32_t ofs = (uint32_t)(flag_offset & RTE_IPV4_HDR_OFFSET_MASK) *
		RTE_IPV4_HDR_OFFSET_UNITS;
	int more = (flag_offset & RTE_IPV4_HDR_MF_FLAG) != 0;
	struct ip_frag_key key;
	struct ip_frag_pkt *fp;
	uint32_t ip_len;
	const char *why;

	why = "total length leaves no payload after the header";
	if (total <= mb->l3_len)
		goto drop;
	ip_len = total - mb->l3_len;
	why = "fragment ends past 65535 bytes";
	if (ofs + total > RTE_IPV4_MAX_PKT_LEN)
		goto drop;
	why = "fragment shorter than its total length, or header not in the first segment";
	if (ip_frag_trim(mb, ip_len) < 0)
		goto drop;

	key.addr[0] = ((uint64_t)ip_hdr->src_addr << 32) | ip_hdr->dst_addr;
	key.addr[1] = 0;
	key.addr[2] = 0;
	key.addr[3] = 0;
	key.id = ip_hdr->packet_id;
	key.nb_words = IP_FRAG_V4_KEY_WORDS;
	fp = ip_frag_find(tbl, dr, &key, tms);
	why = "reassembly table full";
	if (fp == NULL)
		goto drop;
	return ip_frag_process(tbl, dr, fp, mb, ofs, ip_len, more);

drop:
	IP_FRAG_DP_LOG("ipv4 reassembly: fragment id %u offset %u length %u dropped: %s",
		rte_be_to_cpu_16(ip_hdr->packet_id), ofs, total, why);
	ip_frag_to_death_row(dr, mb);
	return NULL;
}
