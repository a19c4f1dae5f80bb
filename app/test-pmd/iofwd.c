/* SPDX-License-Identifier: BSD-3-Clause */
/* io: send what was received, untouched. */
#include "testpmd.h"

static void
pkt_burst_io_forward(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[MAX_PKT_BURST];
	uint16_t nb_rx, nb_tx;

	nb_rx = rte_eth_rx_burst(fs->rx_port, fs->rx_queue, pkts, nb_pkt_per_burst);
	if (unlikely(nb_rx == 0))
		return;
	fs->rx_packets += nb_rx;
	nb_tx = rte_eth_tx_burst(fs->tx_port, fs->tx_queue, pkts, nb_rx);
	fs->tx_packets += nb_tx;
	if (unlikely(nb_tx < nb_rx)) {
		fs->fwd_dropped += nb_rx - nb_tx;
		do {
			rte_pktmbuf_free(pkts[nb_tx]);
		} while (++nb_tx < nb_rx);
	}
}

struct fwd_engine io_fwd_engine = {
	.fwd_mode_name = "io",
	.port_fwd_begin = NULL,
	.packet_fwd = pkt_burst_io_forward,
};
