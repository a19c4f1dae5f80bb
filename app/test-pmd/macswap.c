/* SPDX-License-Identifier: BSD-3-Clause */
/* macswap: exchange source and destination MAC, send back out the tx port. */
#include "testpmd.h"

static void
pkt_burst_mac_swap(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[MAX_PKT_BURST];
	uint16_t nb_rx, nb_tx, i;

	nb_rx = rte_eth_rx_burst(fs->rx_port, fs->rx_queue, pkts, nb_pkt_per_burst);
	if (unlikely(nb_rx == 0))
		return;
	fs->rx_packets += nb_rx;
	for (i = 0; i < nb_rx; i++) {
		struct rte_ether_hdr *eth = rte_pktmbuf_mtod(pkts[i], struct rte_ether_hdr *);
		struct rte_ether_addr tmp;

		if (unlikely(pkts[i]->data_len < sizeof(*eth)))
			continue;
		rte_ether_addr_copy(&eth->dst_addr, &tmp);
		rte_ether_addr_copy(&eth->src_addr, &eth->dst_addr);
		rte_ether_addr_copy(&tmp, &eth->src_addr);
	}
	nb_tx = rte_eth_tx_burst(fs->tx_port, fs->tx_queue, pkts, nb_rx);
	fs->tx_packets += nb_tx;
	if (unlikely(nb_tx < nb_rx)) {
		fs->fwd_dropped += nb_rx - nb_tx;
		do {
			rte_pktmbuf_free(pkts[nb_tx]);
		} while (++nb_tx < nb_rx);
	}
}

struct fwd_engine mac_swap_engine = {
	.fwd_mode_name = "macswap",
	.port_fwd_begin = NULL,
	.packet_fwd = pkt_burst_mac_swap,
};
