/* SPDX-License-Identifier: BSD-3-Clause */
/* Pieces shared by the IPv4 and IPv6 fragmenters. */
#ifndef _IP_FRAG_SPLIT_H_
#define _IP_FRAG_SPLIT_H_

#include <stdint.h>

#include <rte_mbuf.h>

/* Position in the input packet's payload: a segment and an offset in it. */
struct ip_frag_cursor {
	struct rte_mbuf *seg;
	uint32_t off;
};

static inline void
ip_frag_free_all(struct rte_mbuf **pkts, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		rte_pktmbuf_free(pkts[i]);
}

/*
 * Append len payload bytes from the cursor to out as indirect mbufs attached to the input's
 * segments, and advance the cursor. Returns 0, or -ENOMEM (out keeps what was appended).
 */
static inline int
ip_frag_attach_payload(struct rte_mbuf *out, struct ip_frag_cursor *cur, uint32_t len,
	struct rte_mempool *pool_indirect)
{
	struct rte_mbuf *last = rte_pktmbuf_lastseg(out);

	while (len > 0) {
		struct rte_mbuf *seg = cur->seg, *ind;
		uint32_t n;

		if (cur->off >= seg->data_len) {
			cur->seg = seg->next;
			cur->off = 0;
			continue;
		}
		n = RTE_MIN(len, (uint32_t)seg->data_len - cur->off);
		ind = rte_pktmbuf_alloc(pool_indirect);
		if (ind == NULL)
			return -ENOMEM;
		rte_pktmbuf_attach(ind, seg);
		ind->data_off = (uint16_t)(ind->data_off + cur->off);
		ind->data_len = (uint16_t)n;
		ind->pkt_len = n;
		last->next = ind;
		last = ind;
		out->pkt_len += n;
		out->nb_segs++;
		cur->off += n;
		len -= n;
	}
	return 0;
}

#endif /* _IP_FRAG_SPLIT_H_ */
