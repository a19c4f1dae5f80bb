/* SPDX-License-Identifier: BSD-3-Clause */
/* txonly: send UDP packets built from a per-port template, receive nothing. */
#include <string.h>

#include "txgen.h"

struct txgen_hdr txgen_templates[RTE_MAX_ETHPORTS];

uint16_t
txgen_pkt_len(void)
{
	uint16_t room = (uint16_t)(mbuf_data_size - RTE_PKTMBUF_HEADROOM);

	return RTE_MIN(tx_pkt_length, room);
}

uint16_t
txgen_ip_cksum(const struct txgen_hdr *h)
{
	const uint8_t *p = &h->version_ihl;
	uint32_t sum = 0;
	int i;

	for (i = 0; i < 20; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return rte_cpu_to_be_16((uint16_t)~sum);
}

/* Addresses from the benchmarking range 198.18.0.0/15 (RFC 2544). */
void
txgen_port_begin(portid_t pi)
{
	struct txgen_hdr *h = &txgen_templates[pi];
	uint16_t len = txgen_pkt_len();

	memset(h, 0, sizeof(*h));
	memcpy(&h->eth.dst_addr, &ports[pi].peer_addr, sizeof(h->eth.dst_addr));
	memcpy(&h->eth.src_addr, &ports[pi].eth_addr, sizeof(h->eth.src_addr));
	h->eth.ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	h->version_ihl = 0x45;
	h->total_length = rte_cpu_to_be_16((uint16_t)(len - sizeof(struct rte_ether_hdr)));
	h->ttl = 64;
	h->proto = 17;
	h->src_addr = rte_cpu_to_be_32(0xC6120001);
	h->dst_addr = rte_cpu_to_be_32(0xC6120002);
	h->ip_cksum = txgen_ip_cksum(h);
	h->src_port = rte_cpu_to_be_16(9);
	h->dst_port = rte_cpu_to_be_16(9);
	h->dgram_len = rte_cpu_to_be_16((uint16_t)(len - sizeof(struct rte_ether_hdr) - 20));
}

static void
pkt_burst_transmit(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[MAX_PKT_BURST];
	const struct txgen_hdr *tmpl = &txgen_templates[fs->tx_port];
	uint16_t len = txgen_pkt_len();
	uint16_t nb = nb_pkt_per_burst, nb_tx, i;

	if (rte_pktmbuf_alloc_bulk(mbuf_pool, pkts, nb) != 0)
		return;
	for (i = 0; i < nb; i++) {
		memcpy(rte_pktmbuf_mtod(pkts[i], void *), tmpl, sizeof(*tmpl));
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

struct fwd_engine tx_only_engine = {
	.fwd_mode_name = "txonly",
	.port_fwd_begin = txgen_port_begin,
	.packet_fwd = pkt_burst_transmit,
};
