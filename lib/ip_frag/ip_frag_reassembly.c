/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Collecting the fragments of a datagram and chaining them once all are there; shared by
 * IPv4 and IPv6, which only differ in how the result's header is rewritten.
 */
#include <rte_common.h>
#include <rte_mbuf.h>

#include "ip_frag_private.h"

int
ip_frag_trim(struct rte_mbuf *mb, uint32_t ip_len)
{
	uint32_t hdr = (uint32_t)mb->l2_len + mb->l3_len;
	uint32_t need = hdr + ip_len, seen = 0;
	struct rte_mbuf *seg;

	/* the headers are rewritten in place: they must be in the first segment */
	if (mb->data_len < hdr || mb->pkt_len < need)
		return -1;
	if (mb->pkt_len == need)
		return 0;
	/* link-layer padding: cut the chain where the IP datagram ends */
	for (seg = mb; seen + seg->data_len < need; seg = seg->next)
		seen += seg->data_len;
	seg->data_len = (uint16_t)(need - seen);
	if (seg->next != NULL) {
		struct rte_mbuf *rest = seg->next, *s;
		uint16_t n = 0;

		for (s = rest; s != NULL; s = s->next)
			n++;
		seg->next = NULL;
		rest->nb_segs = n;
		rte_pktmbuf_free(rest);
		mb->nb_segs = (uint16_t)(mb->nb_segs - n);
	}
	mb->pkt_len = need;
	return 0;
}

/*
 * Chain the fragments of fp in offset order after the first one; NULL (nothing changed) when
 * they do not tile the datagram exactly: a gap, an overlap or a piece past the end.
 */
static struct rte_mbuf *
ip_frag_chain(struct ip_frag_pkt *fp)
{
	uint8_t order[RTE_LIBRTE_IP_FRAG_MAX_FRAG];
	uint32_t used = 1u << IP_FRAG_FIRST, present = 0;
	uint32_t end = fp->frags[IP_FRAG_FIRST].len, nb_segs, n = 0, i, k;
	struct rte_mbuf *head = fp->frags[IP_FRAG_FIRST].mb;

	for (i = 0; i < RTE_DIM(fp->frags); i++)
		if (fp->frags[i].mb != NULL)
			present |= 1u << i;
	nb_segs = head->nb_segs;
	while (end < fp->total_size) {
		for (i = 0; i < RTE_DIM(fp->frags); i++) {
			if ((present & ~used & (1u << i)) && fp->frags[i].ofs == end)
				break;
		}
		if (i == RTE_DIM(fp->frags))
			return NULL;
		used |= 1u << i;
		order[n++] = (uint8_t)i;
		end += fp->frags[i].len;
		nb_segs += fp->frags[i].mb->nb_segs;
	}
	if (end != fp->total_size || used != present || nb_segs > RTE_MBUF_MAX_NB_SEGS)
		return NULL;

	for (k = 0; k < n; k++) {
		struct rte_mbuf *mb = fp->frags[order[k]].mb;

		/* ip_frag_trim made sure the headers are in the first segment */
		rte_pktmbuf_adj(mb, (uint16_t)(mb->l2_len + mb->l3_len));
		rte_pktmbuf_chain(head, mb);
	}
	return head;
}

struct rte_mbuf *
ip_frag_process(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
	struct ip_frag_pkt *fp, struct rte_mbuf *mb, uint32_t ofs, uint32_t len, int more)
{
	const char *why;
	struct rte_mbuf *m;
	uint32_t idx, i;

	if (ofs == 0) {
		why = "duplicate first fragment";
		if (fp->frags[IP_FRAG_FIRST].mb != NULL)
			goto refuse;
		if (!more) {
			/* the whole datagram in one piece */
			why = "unfragmented packet conflicting with the last fragment";
			if (fp->total_size != UINT32_MAX)
				goto refuse;
			fp->total_size = len;
		}
		idx = IP_FRAG_FIRST;
	} else if (!more) {
		why = "duplicate last fragment";
		if (fp->total_size != UINT32_MAX)
			goto refuse;
		fp->total_size = ofs + len;
		idx = IP_FRAG_LAST;
	} else {
		why = "more fragments than RTE_LIBRTE_IP_FRAG_MAX_FRAG";
		if (fp->next_middle >= RTE_DIM(fp->frags))
			goto refuse;
		idx = fp->next_middle++;
	}
	fp->frags[idx].ofs = ofs;
	fp->frags[idx].len = len;
	fp->frags[idx].mb = mb;
	fp->frag_size += len;

	if (fp->frag_size < fp->total_size)
		return NULL;
	why = "overlapping or duplicate fragments";
	if (fp->frag_size > fp->total_size || fp->frags[IP_FRAG_FIRST].mb == NULL)
		goto drop;
	m = ip_frag_chain(fp);
	if (m == NULL)
		goto drop;
	if (fp->key.nb_words == IP_FRAG_V4_KEY_WORDS)
		ip_frag_v4_finish(m, fp->total_size);
	else
		ip_frag_v6_finish(m, fp->total_size);
	for (i = 0; i < RTE_DIM(fp->frags); i++)
		fp->frags[i].mb = NULL;
	ip_frag_remove(tbl, dr, fp);
	return m;

refuse:
	ip_frag_to_death_row(dr, mb);
drop:
	IP_FRAG_DP_LOG("reassembly: datagram id %#x dropped: %s (offset %u, %u bytes)",
		(unsigned int)fp->key.id, why, ofs, len);
	ip_frag_remove(tbl, dr, fp);
	return NULL;
}
