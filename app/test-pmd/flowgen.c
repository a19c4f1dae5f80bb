/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * flowgen: like txonly, but each packet of a stream belongs to the next of
 * FLOWGEN_NB_FLOWS flows (the source address changes), to exercise RSS and flow
 * tables on the receiving side. Received packets are freed.
 */
#include <string.h>

#include "txgen.h"

#define FLOWGEN_NB_FLOWS 1024

static void
pkt_burst_flow_gen(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[MAX_PKT_BURST];
	const struct txgen_hdr *tmpl = &txgen_templates[fs->tx_port];
	uint16_t len = txgen_pkt_len();
	uint16_t nb = nb_pkt_per_burst, nb_rx, nb_tx, i;

	nb_rx = rte_eth_rx_burst(fs->rx_port, fs->rx_queue, pkts, nb);
	fs->rx_packets += nb_rx;
	for (i = 0; i < nb_rx; i++)
		rte_pktmbuf_free(pkts[i]);
	if (rte_pktmbuf_alloc_bulk(mbuf_pool, pkts, nb) != 0)
		return;
	for (i = 0; i < nb; i++) {
		struct txgen_hdr *h = rte_pktmbuf_mtod(pkts[i], struct txgen_hdr *);

		memcpy(h, tmpl, sizeof(*h));
		h->src_addr = rte_cpu_to_be_32(0xC6130000 + fs->flow_seq);
		h->ip_cksum = 0;
		h->ip_cksum = txgen_ip_cksum(h);
		fs->flow_seq = (fs->flow_seq + 1) % FLOWGEN_NB_FLOWS;
		pkts[i]->data_len = len;
		pkts[i]->pkt_len = len;
	}
	nb_tx = rte_eth_tx_burst(fs->tx_port, fs->tx_queue, pkts, nb);
	fs->tx_packets += nb_tx;
	if (unlikely(nb_tx < nb)) {
		fs->fwd_dropped += nb - nb_tx;
		do {
			rte_pktmbuf_free(pkts[nb_tx]);
		} while (++nb_tx < nb);
	}
}

struct fwd_engine flow_gen_engine = {
	.fwd_mode_name = "flowgen",
	.port_fwd_begin = txgen_port_begin,
	.packet_fwd = pkt_burst_flow_gen,
};
