/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _GSO_PRIVATE_H_
#define _GSO_PRIVATE_H_

#include <stdint.h>

#include <rte_mbuf.h>

/*
 * Cut the payload of pkt, which starts hdr_len bytes in, into pieces of at most unit bytes:
 * one output packet per piece, a direct mbuf with a copy of the headers followed by indirect
 * mbufs attached to the input. Returns the number of packets, -ENOMEM, or -EINVAL when
 * pkts_out is too small; on failure nothing is left allocated.
 */
int gso_cut(struct rte_mbuf *pkt, uint16_t hdr_len, uint16_t unit, struct rte_mempool *direct,
		struct rte_mempool *indirect, struct rte_mbuf **out, uint16_t nb_out);

/* Header offsets of the packet being segmented; outer ones are 0 without a tunnel. */
struct gso_layout {
	uint16_t o_ip;    /* outer IPv4 header */
	uint16_t o_udp;   /* outer UDP header (VXLAN), 0 for GRE or none */
	uint16_t ip;      /* (inner) IPv4 header */
	uint16_t l4;      /* TCP or UDP header */
	uint16_t ip_hlen; /* (inner) IPv4 header length */
	uint8_t tunnel;
};

/* Sequence numbers, IDs, lengths and flags of the TCP segments. */
void gso_fix_tcp(const struct gso_layout *lo, uint16_t id_step, struct rte_mbuf **segs,
		uint16_t nb);
/* Fragment offsets, MF and lengths of the UDP datagram's fragments. */
void gso_fix_udp(const struct gso_layout *lo, struct rte_mbuf **segs, uint16_t nb);

#endif /* _GSO_PRIVATE_H_ */
