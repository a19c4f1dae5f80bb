/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Transmit of each mode. A burst is split among the active members; packets a member did not
 * take are handed back to the caller at the end of the array, as any transmit does.
 */
#include <string.h>

#include <rte_arp.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "bond_private.h"

#define BOND_TX_CHUNK 32

static inline uint16_t
bond_active_copy(const struct bond_dev *b, uint16_t *ports)
{
	const struct bond_active *a = __atomic_load_n(&b->active, __ATOMIC_ACQUIRE);
	uint16_t n = a->nb, i;

	for (i = 0; i < n; i++)
		ports[i] = a->ports[i];
	return n;
}

/*
 * Send chunk[0..len) with packet i on ports[dest[i]]. The unsent packets are moved to the end
 * of chunk; returns how many were sent.
 */
static uint16_t
bond_tx_split(uint16_t qid, const uint16_t *ports, uint16_t n, struct rte_mbuf **chunk,
		uint16_t len, const uint16_t *dest)
{
	struct rte_mbuf *tmp[BOND_TX_CHUNK], *unsent[BOND_TX_CHUNK];
	uint16_t j, i, cnt, nu = 0, sent;

	for (j = 0; j < n; j++) {
		cnt = 0;
		for (i = 0; i < len; i++)
			if (dest[i] == j)
				tmp[cnt++] = chunk[i];
		if (cnt == 0)
			continue;
		sent = rte_eth_tx_burst(ports[j], qid, tmp, cnt);
		for (i = sent; i < cnt; i++)
			unsent[nu++] = tmp[i];
	}
	for (i = 0; i < nu; i++)
		chunk[len - nu + i] = unsent[i];
	return (uint16_t)(len - nu);
}

typedef void (*bond_pick_t)(struct bond_queue *bq, const uint16_t *ports, uint16_t n,
		struct rte_mbuf **pkts, uint16_t len, uint16_t *dest);

/* Split a burst of any size in chunks; stops at the first chunk a member did not take whole. */
static uint16_t
bond_tx_chunks(struct bond_queue *bq, struct rte_mbuf **bufs, uint16_t nb, bond_pick_t pick)
{
	uint16_t ports[BOND_MAX_MEMBERS], dest[BOND_TX_CHUNK];
	uint16_t n = bond_active_copy(bq->bond, ports), off = 0;

	if (n == 0)
		return 0;
	while (off < nb) {
		uint16_t len = RTE_MIN((uint16_t)(nb - off), (uint16_t)BOND_TX_CHUNK), sent;

		pick(bq, ports, n, bufs + off, len, dest);
		sent = bond_tx_split(bq->qid, ports, n, bufs + off, len, dest);
		off += sent;
		if (sent < len)
			break;
	}
	return off;
}

static void
pick_round_robin(struct bond_queue *bq, const uint16_t *ports, uint16_t n,
		struct rte_mbuf **pkts, uint16_t len, uint16_t *dest)
{
	uint16_t i;

	RTE_SET_USED(ports);
	RTE_SET_USED(pkts);
	for (i = 0; i < len; i++) {
		dest[i] = bq->next % n;
		bq->next = (uint16_t)((bq->next + 1) % n);
	}
}

uint16_t
bond_tx_round_robin(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	return bond_tx_chunks(q, bufs, nb, pick_round_robin);
}

uint16_t
bond_tx_active_backup(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct bond_queue *bq = q;
	const struct bond_active *a = __atomic_load_n(&bq->bond->active, __ATOMIC_ACQUIRE);
	uint16_t n = a->nb, port = a->ports[0];

	if (n == 0)
		return 0;
	return rte_eth_tx_burst(port, bq->qid, bufs, nb);
}

/*
 * The hashes of balance mode, as DPDK computes them so that a flow takes the same member:
 * XOR of the headers' words as they are in memory, folded.
 */
static inline uint32_t
hash_l2(const struct rte_ether_hdr *eh)
{
	uint16_t s[3], d[3];

	/* headers need not be aligned: copy the words out */
	memcpy(s, eh->src_addr.addr_bytes, sizeof(s));
	memcpy(d, eh->dst_addr.addr_bytes, sizeof(d));
	return (uint32_t)((s[0] ^ d[0]) ^ (s[1] ^ d[1]) ^ (s[2] ^ d[2]));
}

static inline uint32_t
hash_ipv4(const struct rte_ipv4_hdr *ip)
{
	return ip->src_addr ^ ip->dst_addr;
}

static inline uint32_t
hash_ipv6(const struct rte_ipv6_hdr *ip)
{
	uint32_t s[4], d[4];

	memcpy(s, ip->src_addr, sizeof(s));
	memcpy(d, ip->dst_addr, sizeof(d));

	return (s[0] ^ d[0]) ^ (s[1] ^ d[1]) ^ (s[2] ^ d[2]) ^ (s[3] ^ d[3]);
}

/* A fragment (first or not) has no ports to hash, or only some of them. */
static inline int
ipv4_fragment(const struct rte_ipv4_hdr *ip)
{
	uint16_t f = rte_be_to_cpu_16(ip->fragment_offset);

	return (f & (RTE_IPV4_HDR_MF_FLAG | RTE_IPV4_HDR_OFFSET_MASK)) != 0;
}

/* TCP/UDP ports at l4 (protocol proto), if the whole header is in the first segment. */
static inline uint32_t
hash_l4(uint8_t proto, const uint8_t *l4, const uint8_t *end)
{
	if (proto == IPPROTO_TCP && l4 + sizeof(struct rte_tcp_hdr) <= end) {
		const struct rte_tcp_hdr *t = (const struct rte_tcp_hdr *)l4;

		return (uint32_t)(t->src_port ^ t->dst_port);
	}
	if (proto == IPPROTO_UDP && l4 + sizeof(struct rte_udp_hdr) <= end) {
		const struct rte_udp_hdr *u = (const struct rte_udp_hdr *)l4;

		return (uint32_t)(u->src_port ^ u->dst_port);
	}
	return 0;
}

uint32_t
bond_hash(const struct rte_mbuf *m, uint8_t policy)
{
	const struct rte_ether_hdr *eh = rte_pktmbuf_mtod(m, const struct rte_ether_hdr *);
	const uint8_t *end = (const uint8_t *)eh + m->data_len;
	const uint8_t *l3 = (const uint8_t *)(eh + 1);
	uint16_t type = eh->ether_type;
	uint32_t l3hash = 0, l4hash = 0, hash;
	int vlans;

	if (policy == BALANCE_XMIT_POLICY_LAYER2) {
		hash = hash_l2(eh);
		return hash ^ (hash >> 8);
	}
	/* up to two VLAN tags before the IP header */
	for (vlans = 0; vlans < 2 && (type == rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN) ||
			type == rte_cpu_to_be_16(RTE_ETHER_TYPE_QINQ)); vlans++) {
		const struct rte_vlan_hdr *vh = (const struct rte_vlan_hdr *)l3;

		if (l3 + sizeof(*vh) > end)
			break;
		type = vh->eth_proto;
		l3 += sizeof(*vh);
	}
	if (type == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) &&
	    l3 + sizeof(struct rte_ipv4_hdr) <= end) {
		const struct rte_ipv4_hdr *ip = (const struct rte_ipv4_hdr *)l3;

		l3hash = hash_ipv4(ip);
		if (policy == BALANCE_XMIT_POLICY_LAYER34 && !ipv4_fragment(ip))
			l4hash = hash_l4(ip->next_proto_id, l3 + (ip->version_ihl &
					RTE_IPV4_HDR_IHL_MASK) * RTE_IPV4_IHL_MULTIPLIER, end);
	} else if (type == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV6) &&
		   l3 + sizeof(struct rte_ipv6_hdr) <= end) {
		const struct rte_ipv6_hdr *ip = (const struct rte_ipv6_hdr *)l3;

		l3hash = hash_ipv6(ip);
		if (policy == BALANCE_XMIT_POLICY_LAYER34)
			l4hash = hash_l4(ip->proto, l3 + sizeof(*ip), end);
	}
	hash = policy == BALANCE_XMIT_POLICY_LAYER23 ? hash_l2(eh) ^ l3hash : l3hash ^ l4hash;
	hash ^= hash >> 16;
	hash ^= hash >> 8;
	return hash;
}

static void
pick_balance(struct bond_queue *bq, const uint16_t *ports, uint16_t n,
		struct rte_mbuf **pkts, uint16_t len, uint16_t *dest)
{
	uint8_t policy = bq->bond->xmit_policy;
	uint16_t i;

	RTE_SET_USED(ports);
	for (i = 0; i < len; i++)
		dest[i] = (uint16_t)(bond_hash(pkts[i], policy) % n);
}

uint16_t
bond_tx_balance(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	return bond_tx_chunks(q, bufs, nb, pick_balance);
}

uint16_t
bond_tx_broadcast(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct bond_queue *bq = q;
	uint16_t ports[BOND_MAX_MEMBERS], sent[BOND_MAX_MEMBERS];
	uint16_t n = bond_active_copy(bq->bond, ports), i, j, best = 0;

	if (n == 0)
		return 0;
	/* one reference per member; each transmit consumes its own */
	for (i = 0; i < nb; i++)
		rte_pktmbuf_refcnt_update(bufs[i], (int16_t)(n - 1));
	for (j = 0; j < n; j++) {
		sent[j] = rte_eth_tx_burst(ports[j], bq->qid, bufs, nb);
		if (sent[j] > sent[best])
			best = j;
	}
	/* The caller gets back what the most successful member left; the others' copies go. */
	for (j = 0; j < n; j++) {
		if (j == best)
			continue;
		for (i = sent[j]; i < nb; i++)
			rte_pktmbuf_free(bufs[i]);
	}
	return sent[best];
}

/*
 * TLB: each packet goes to the member that sent the fewest bytes on this queue. Packets
 * carrying the bond's address leave a member other than the primary with that member's own
 * address, so that switches do not see the bond's address move between their ports.
 */
static uint16_t
tlb_choose(struct bond_queue *bq, const uint16_t *ports, uint16_t n, struct rte_mbuf *m)
{
	struct rte_ether_hdr *eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	struct rte_ether_addr own;
	uint16_t j, best = 0;

	for (j = 1; j < n; j++)
		if (bq->tx_bytes[ports[j]] < bq->tx_bytes[ports[best]])
			best = j;
	bq->tx_bytes[ports[best]] += m->pkt_len;
	if (best != 0 && rte_is_same_ether_addr(&eh->src_addr, &bq->bond->mac) &&
	    rte_eth_macaddr_get(ports[best], &own) == 0)
		eh->src_addr = own;
	return best;
}

static void
pick_tlb(struct bond_queue *bq, const uint16_t *ports, uint16_t n, struct rte_mbuf **pkts,
		uint16_t len, uint16_t *dest)
{
	uint16_t i;

	for (i = 0; i < len; i++)
		dest[i] = tlb_choose(bq, ports, n, pkts[i]);
}

uint16_t
bond_tx_tlb(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	return bond_tx_chunks(q, bufs, nb, pick_tlb);
}

/*
 * ALB: an ARP packet leaves through the member its target client was given (bond_alb.c),
 * with that member's address as Ethernet source and ARP sender where it had the bond's, so
 * that each client sends its traffic to "its" member. Other packets are spread as by TLB.
 */
static void
pick_alb(struct bond_queue *bq, const uint16_t *ports, uint16_t n, struct rte_mbuf **pkts,
		uint16_t len, uint16_t *dest)
{
	struct bond_dev *b = bq->bond;
	uint16_t i;

	for (i = 0; i < len; i++) {
		struct rte_ether_hdr *eh = rte_pktmbuf_mtod(pkts[i], struct rte_ether_hdr *);
		struct rte_arp_hdr *arp = (struct rte_arp_hdr *)(eh + 1);
		struct rte_ether_addr own;
		int idx;

		if (eh->ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_ARP) ||
		    pkts[i]->data_len < sizeof(*eh) + sizeof(*arp)) {
			dest[i] = tlb_choose(bq, ports, n, pkts[i]);
			continue;
		}
		idx = bond_alb_member(b, arp->arp_data.arp_tip, ports, n);
		dest[i] = (uint16_t)idx;
		if (rte_eth_macaddr_get(ports[idx], &own) != 0)
			continue;
		if (rte_is_same_ether_addr(&eh->src_addr, &b->mac))
			eh->src_addr = own;
		if (rte_is_same_ether_addr(&arp->arp_data.arp_sha, &b->mac))
			arp->arp_data.arp_sha = own;
	}
}

uint16_t
bond_tx_alb(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	return bond_tx_chunks(q, bufs, nb, pick_alb);
}

/*
 * Mode 4: LACPDUs and marker answers waiting for a member leave first, on the caller's queue
 * (unless the alarm sends them on a dedicated one); traffic is then spread by the balance hash
 * over the members LACP lets distribute.
 */
uint16_t
bond_tx_8023ad(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct bond_queue *bq = q;
	struct bond_dev *b = bq->bond;

	if (!b->dedicated_queues) {
		const struct bond_active *a = __atomic_load_n(&b->rx_active, __ATOMIC_ACQUIRE);
		uint16_t n = a->nb, i;

		for (i = 0; i < n; i++) {
			uint16_t port = a->ports[i], sent;
			struct bond_lacp_port *p = b->lacp[port];
			struct rte_mbuf *slow[4];
			unsigned int ns;

			if (p == NULL || rte_ring_empty(p->tx_ring))
				continue;
			ns = rte_ring_dequeue_burst(p->tx_ring, (void **)slow, RTE_DIM(slow), NULL);
			sent = rte_eth_tx_burst(port, bq->qid, slow, (uint16_t)ns);
			if (sent < ns)
				rte_pktmbuf_free_bulk(slow + sent, ns - sent);
		}
	}
	if (nb == 0)
		return 0;
	return bond_tx_chunks(bq, bufs, nb, pick_balance);
}
