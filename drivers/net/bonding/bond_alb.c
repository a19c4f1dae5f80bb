/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ALB (mode 6) client table: each IPv4 peer the bond exchanges ARP with is given one active
 * member, in turn, so that the peers' traffic comes back spread over the members. A client
 * keeps its member while that member is active; one that left is replaced at the next ARP.
 * Clients are found by a hash of their address; a collision gives the slot to the newcomer.
 */
#include <rte_arp.h>

#include "bond_private.h"

static inline unsigned int
alb_slot(uint32_t ip)
{
	const uint8_t *b = (const uint8_t *)&ip;

	return (unsigned int)(b[0] ^ b[1] ^ b[2] ^ b[3]) % BOND_ALB_CLIENTS;
}

/* Index in ports[0..n) of the member of client ip (network order); n > 0. */
int
bond_alb_member(struct bond_dev *b, uint32_t ip, const uint16_t *ports, uint16_t n)
{
	struct bond_alb_client *c = &b->alb[alb_slot(ip)];
	int idx = -1;
	uint16_t i;

	rte_spinlock_lock(&b->alb_lock);
	if (c->in_use && c->ip == ip)
		for (i = 0; i < n; i++)
			if (ports[i] == c->port) {
				idx = i;
				break;
			}
	if (idx < 0) {
		idx = b->alb_next % n;
		b->alb_next = (uint16_t)(b->alb_next + 1);
		c->ip = ip;
		c->port = ports[idx];
		c->in_use = 1;
	}
	rte_spinlock_unlock(&b->alb_lock);
	return idx;
}

/* Receive from all members; a peer that sends ARP becomes a client (sender address). */
uint16_t
bond_rx_alb(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct bond_queue *bq = q;
	const struct bond_active *a = __atomic_load_n(&bq->bond->active, __ATOMIC_ACQUIRE);
	uint16_t ports[BOND_MAX_MEMBERS];
	uint16_t got = bond_rx_all(q, bufs, nb), n = a->nb, i;

	if (got == 0 || n == 0)
		return got;
	for (i = 0; i < n; i++)
		ports[i] = a->ports[i];
	for (i = 0; i < got; i++) {
		const struct rte_ether_hdr *eh = rte_pktmbuf_mtod(bufs[i],
				const struct rte_ether_hdr *);
		const struct rte_arp_hdr *arp = (const struct rte_arp_hdr *)(eh + 1);

		if (eh->ether_type == rte_cpu_to_be_16(RTE_ETHER_TYPE_ARP) &&
		    bufs[i]->data_len >= sizeof(*eh) + sizeof(*arp))
			bond_alb_member(bq->bond, arp->arp_data.arp_sip, ports, n);
	}
	return got;
}
