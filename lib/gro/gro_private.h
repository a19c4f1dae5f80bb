/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One table serves every GRO type: a flow key carries its type, so packets of different
 * types never meet, and a single structure holds what both modes need.
 */
#ifndef _GRO_PRIVATE_H_
#define _GRO_PRIVATE_H_

#include <assert.h>
#include <stdint.h>

#include <rte_ether.h>
#include <rte_mbuf.h>

#include "rte_gro.h"

#define GRO_SUPPORTED_TYPES (RTE_GRO_TCP_IPV4 | RTE_GRO_IPV4_VXLAN_TCP_IPV4 | \
		RTE_GRO_UDP_IPV4 | RTE_GRO_IPV4_VXLAN_UDP_IPV4)
#define GRO_NB_TYPES 4
/* a table never holds more than this many packets per type, whatever the parameters */
#define GRO_TBL_MAX_ITEMS (1024 * 1024)
/* longest merged packet: what the outermost IPv4 total length field can say */
#define GRO_MAX_IP_LEN UINT16_MAX
#define GRO_NONE UINT32_MAX

/*
 * Fields that must be equal for two packets to belong to one flow. Zeroed before it is
 * filled, so the unused fields and the padding compare equal word by word.
 */
struct gro_key {
	uint64_t type;                 /* RTE_GRO_* bit */
	struct rte_ether_addr eth_src;
	struct rte_ether_addr eth_dst;
	uint32_t ip_src;
	uint32_t ip_dst;
	uint32_t ack;                  /* TCP: acknowledgement number */
	uint16_t sport;                /* TCP ports */
	uint16_t dport;
	uint16_t frag_id;              /* UDP fragments: IP ID of the datagram */
	uint8_t frag_proto;            /* UDP fragments: IP protocol */
	uint8_t pad;
	/* VXLAN: outer headers */
	struct rte_ether_addr o_eth_src;
	struct rte_ether_addr o_eth_dst;
	uint32_t o_ip_src;
	uint32_t o_ip_dst;
	uint16_t o_sport;
	uint16_t o_dport;
	uint32_t vx_flags;
	uint32_t vx_vni;
};

static_assert(sizeof(struct gro_key) % sizeof(uint64_t) == 0,
	"gro_key is compared as whole 64-bit words");

/* A key read as 64-bit words: may_alias, since its fields have other types. */
typedef uint64_t gro_key_word_t __attribute__((__may_alias__));

/*
 * Whether two keys are equal: the words are combined without a branch, cheaper than a
 * memcmp call for the few words of a key, compared once per flow in the table.
 */
static inline int
gro_key_equal(const struct gro_key *a, const struct gro_key *b)
{
	const gro_key_word_t *x = (const gro_key_word_t *)a, *y = (const gro_key_word_t *)b;
	uint64_t diff = 0;
	unsigned int i;

	for (i = 0; i < sizeof(*a) / sizeof(uint64_t); i++)
		diff |= x[i] ^ y[i];
	return diff == 0;
}

/* What gro_parse() learns about one packet. */
struct gro_desc {
	struct gro_key key;
	uint32_t seq;       /* TCP sequence number, or byte offset of the fragment */
	uint32_t dl;        /* payload bytes */
	uint16_t hdr_len;   /* bytes of headers in front of the payload */
	uint16_t outer_l2;  /* offset of the outermost IPv4 header */
	uint16_t o_udp_off; /* VXLAN: offset of the outer UDP header, else 0 */
	uint16_t ip_off;    /* offset of the (inner) IPv4 header */
	uint16_t l4_off;    /* TCP: offset of the TCP header */
	uint16_t l4_len;    /* TCP: length of the TCP header, options included */
	uint16_t ip_id;     /* (inner) IP ID, when it must follow on */
	uint16_t o_ip_id;   /* outer IP ID, when it must follow on */
	uint8_t atomic;     /* (inner) IP ID is free (DF set, or not a TCP packet) */
	uint8_t o_atomic;   /* outer IP ID is free (DF set, or no outer header) */
	uint8_t last_frag;  /* fragment without MF */
	uint8_t is_tcp;
};

/* A packet held in a table, possibly already merged with others. */
struct gro_item {
	struct rte_mbuf *first;
	struct rte_mbuf *last;   /* last segment of the chain */
	uint64_t start_time;
	uint32_t next;           /* next item of the flow, or GRO_NONE */
	uint32_t seq;            /* sequence number or offset of the first byte of payload */
	uint16_t hdr_len;
	uint16_t outer_l2;
	uint16_t o_udp_off;
	uint16_t ip_off;
	uint16_t l4_off;
	uint16_t l4_len;
	uint16_t id_first;       /* IP IDs of the first and last packets merged */
	uint16_t id_last;
	uint16_t o_id_first;
	uint16_t o_id_last;
	uint16_t nb_merged;
	uint8_t atomic;
	uint8_t o_atomic;
	uint8_t last_frag;
	uint8_t is_tcp;
};

struct gro_flow {
	struct gro_key key;
	uint32_t first;          /* first item, GRO_NONE when the slot is free */
};

struct gro_tbl {
	struct gro_item *items;
	struct gro_flow *flows;
	uint32_t max_items;
	uint32_t max_flows;
	uint32_t nb_items;
	uint32_t nb_flows;
	uint32_t free_hint;      /* where to start looking for a free item */
};

/* Fill d from pkt if it is one of types and well formed: 0, else -1 (pkt left as it was). */
int gro_parse(struct rte_mbuf *pkt, uint64_t types, struct gro_desc *d);

void gro_tbl_init(struct gro_tbl *t, struct gro_item *items, uint32_t max_items,
		struct gro_flow *flows, uint32_t max_flows);
/* 1 merged, 0 held as a new item, -1 not taken (table full) */
int gro_tbl_add(struct gro_tbl *t, struct rte_mbuf *pkt, const struct gro_desc *d,
		uint64_t now);
/* Move out the items of types started at or before flush_time, headers updated. */
uint16_t gro_tbl_flush(struct gro_tbl *t, uint64_t types, uint64_t flush_time,
		struct rte_mbuf **out, uint16_t max_out);

#endif /* _GRO_PRIVATE_H_ */
