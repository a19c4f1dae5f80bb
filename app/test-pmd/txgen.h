/* SPDX-License-Identifier: BSD-3-Clause */
/* Packet template shared by the generating engines (txonly, flowgen). */
#ifndef _TXGEN_H_
#define _TXGEN_H_

#include <rte_byteorder.h>
#include <rte_ether.h>

#include "testpmd.h"

/* Ethernet, IPv4 (no options) and UDP headers, as laid out on the wire. */
struct txgen_hdr {
	struct rte_ether_hdr eth;
	uint8_t version_ihl;
	uint8_t tos;
	rte_be16_t total_length;
	rte_be16_t packet_id;
	rte_be16_t fragment_offset;
	uint8_t ttl;
	uint8_t proto;
	rte_be16_t ip_cksum;
	rte_be32_t src_addr;
	rte_be32_t dst_addr;
	rte_be16_t src_port;
	rte_be16_t dst_port;
	rte_be16_t dgram_len;
	rte_be16_t dgram_cksum;
} __rte_packed __rte_aligned(2);

extern struct txgen_hdr txgen_templates[RTE_MAX_ETHPORTS];

void txgen_port_begin(portid_t pi);
uint16_t txgen_ip_cksum(const struct txgen_hdr *h);
uint16_t txgen_pkt_len(void);

#endif /* _TXGEN_H_ */
