/* SPDX-License-Identifier: BSD-3-Clause */
/* rxonly: receive and free. */
#include "testpmd.h"

static void
pkt_burst_receive(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[MAX_PKT_BURST];
	uint16_t nb_rx, i;

	nb_rx = rte_eth_rx_burst(fs->rx_port, fs->rx_queue, pkts, nb_pkt_per_burst);
	if (unlikely(nb_rx == 0))
		return;
	fs->rx_packets += nb_rx;
	for (i = 0; i < nb_rx; i++)
		rte_pktmbuf_free(pkts[i]);
}

struct fwd_engine rx_only_engine = {
	.fwd_mode_name = "rxonly",
	.port_fwd_begin = NULL,
	.packet_fwd = pkt_burst_receive,
};
