/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Offloads net_pcap performs in software, so that applications written for a NIC that
 * classifies packets and checks or fills in checksums run unchanged on capture files:
 * packet type on rx, IPv4/UDP/TCP checksum verification on rx and computation on tx.
 */
#ifndef _PCAP_OFFLOAD_H_
#define _PCAP_OFFLOAD_H_

#include <stdint.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ethdev.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_net.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#define PCAP_RX_CKSUM_OFFLOADS (RTE_ETH_RX_OFFLOAD_IPV4_CKSUM | \
	RTE_ETH_RX_OFFLOAD_UDP_CKSUM | RTE_ETH_RX_OFFLOAD_TCP_CKSUM)
#define PCAP_TX_CKSUM_OFFLOADS (RTE_ETH_TX_OFFLOAD_IPV4_CKSUM | \
	RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM)
/* Only outer headers are classified: what a plain NIC without tunnel parsing reports. */
#define PCAP_PTYPE_LAYERS (RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK | RTE_PTYPE_L4_MASK)

/*
 * Inverted one's complement sum of an L4 segment and its pseudo-header: 0 for a packet whose
 * checksum is right, the value to store when the checksum field was zeroed first.
 * The length and protocol go in as big-endian words, like the bytes the sum reads natively.
 */
static inline uint16_t
pcap_l4_cksum(const uint8_t *l3, int ipv6, uint8_t proto, const uint8_t *l4, uint32_t l4_len)
{
	/* Source and destination addresses are adjacent in both IP versions. */
	const uint8_t *addrs = ipv6 ? l3 + 8 : l3 + 12;
	uint32_t sum;

	sum = rte_raw_cksum(addrs, ipv6 ? 32 : 8);
	sum += rte_raw_cksum(l4, l4_len);
	sum += rte_cpu_to_be_16((uint16_t)proto);
	sum += rte_cpu_to_be_16((uint16_t)l4_len);
	return (uint16_t)~__rte_raw_cksum_reduce(sum);
}

/*
 * Where the L4 segment of an IP packet at l3 (l3_len bytes of IP headers, avail bytes from l3
 * captured) ends; 0 when the IP length fields do not fit the capture or the headers.
 */
static inline uint32_t
pcap_ip_end(const uint8_t *l3, int ipv6, uint32_t l3_len, uint32_t avail)
{
	uint16_t be;
	uint32_t end;

	memcpy(&be, l3 + (ipv6 ? 4 : 2), sizeof(be));
	end = rte_be_to_cpu_16(be) + (ipv6 ? (uint32_t)sizeof(struct rte_ipv6_hdr) : 0);
	if (end > avail || end < l3_len)
		return 0;
	return end;
}

/*
 * Classify a received frame (data, caplen bytes, also in m) and, for the checksum offloads
 * in offloads, check its checksums. Truncated captures and fragments leave L4 unknown.
 */
static inline void
pcap_rx_offload(struct rte_mbuf *m, const uint8_t *data, uint32_t caplen, uint64_t offloads)
{
	struct rte_net_hdr_lens hl;
	uint32_t ptype, l3, l4, end;
	const uint8_t *ip;
	uint8_t proto;
	int ipv6;

	memset(&hl, 0, sizeof(hl));
	ptype = rte_net_get_ptype(m, &hl, PCAP_PTYPE_LAYERS);
	m->packet_type = ptype;
	if (!(offloads & PCAP_RX_CKSUM_OFFLOADS))
		return;
	l3 = hl.l2_len;
	l4 = l3 + hl.l3_len;
	if (RTE_ETH_IS_IPV4_HDR(ptype) && l4 <= caplen) {
		ip = data + l3;
		ipv6 = 0;
		if (offloads & RTE_ETH_RX_OFFLOAD_IPV4_CKSUM)
			m->ol_flags |= rte_raw_cksum(ip, hl.l3_len) == 0xffff ?
				RTE_MBUF_F_RX_IP_CKSUM_GOOD : RTE_MBUF_F_RX_IP_CKSUM_BAD;
	} else if (RTE_ETH_IS_IPV6_HDR(ptype) && l4 <= caplen) {
		ip = data + l3;
		ipv6 = 1;
	} else {
		return;
	}
	switch (ptype & RTE_PTYPE_L4_MASK) {
	case RTE_PTYPE_L4_UDP:
		if (!(offloads & RTE_ETH_RX_OFFLOAD_UDP_CKSUM))
			return;
		proto = IPPROTO_UDP;
		/* Over IPv4 a zero UDP checksum means the sender did not compute one. */
		if (!ipv6 && l4 + sizeof(struct rte_udp_hdr) <= caplen &&
				data[l4 + 6] == 0 && data[l4 + 7] == 0) {
			m->ol_flags |= RTE_MBUF_F_RX_L4_CKSUM_GOOD;
			return;
		}
		break;
	case RTE_PTYPE_L4_TCP:
		if (!(offloads & RTE_ETH_RX_OFFLOAD_TCP_CKSUM))
			return;
		proto = IPPROTO_TCP;
		break;
	default:
		return;
	}
	end = pcap_ip_end(ip, ipv6, hl.l3_len, caplen - l3);
	if (end == 0 || end - hl.l3_len < hl.l4_len)
		return;
	m->ol_flags |= pcap_l4_cksum(ip, ipv6, proto, data + l4, end - hl.l3_len) == 0 ?
		RTE_MBUF_F_RX_L4_CKSUM_GOOD : RTE_MBUF_F_RX_L4_CKSUM_BAD;
}

/*
 * Fill in the checksums m asks for (RTE_MBUF_F_TX_IP_CKSUM, UDP or TCP, located by l2_len
 * and l3_len) in buf, a private copy of its len first bytes. Requests whose lengths do not
 * fit the packet are left alone: the frame goes out as the application built it.
 */
static inline void
pcap_tx_cksum(uint8_t *buf, uint32_t len, const struct rte_mbuf *m)
{
	uint64_t fl = m->ol_flags;
	uint32_t l3 = m->l2_len, l4 = l3 + m->l3_len, end, off;
	uint8_t *ip = buf + l3;
	uint16_t sum;
	int ipv6 = (fl & RTE_MBUF_F_TX_IPV6) != 0;
	uint8_t proto;

	if (m->l3_len < (ipv6 ? sizeof(struct rte_ipv6_hdr) : sizeof(struct rte_ipv4_hdr)) ||
			l4 > len || ip[0] >> 4 != (ipv6 ? 6 : 4))
		return;
	if ((fl & RTE_MBUF_F_TX_IP_CKSUM) && !ipv6) {
		ip[10] = 0;
		ip[11] = 0;
		sum = (uint16_t)~rte_raw_cksum(ip, m->l3_len);
		memcpy(ip + 10, &sum, sizeof(sum));
	}
	switch (fl & RTE_MBUF_F_TX_L4_MASK) {
	case RTE_MBUF_F_TX_UDP_CKSUM:
		proto = IPPROTO_UDP;
		off = offsetof(struct rte_udp_hdr, dgram_cksum);
		break;
	case RTE_MBUF_F_TX_TCP_CKSUM:
		proto = IPPROTO_TCP;
		off = offsetof(struct rte_tcp_hdr, cksum);
		break;
	default:
		return;
	}
	end = pcap_ip_end(ip, ipv6, m->l3_len, len - l3);
	if (end == 0 || end - m->l3_len < off + sizeof(sum))
		return;
	buf[l4 + off] = 0;
	buf[l4 + off + 1] = 0;
	sum = pcap_l4_cksum(ip, ipv6, proto, buf + l4, end - m->l3_len);
	/* A computed UDP zero is sent as all ones: zero would mean "no checksum". */
	if (sum == 0 && proto == IPPROTO_UDP)
		sum = 0xffff;
	memcpy(buf + l4 + off, &sum, sizeof(sum));
}

#endif /* _PCAP_OFFLOAD_H_ */
