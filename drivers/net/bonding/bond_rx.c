/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Receive: from every active member, starting with a different one at each burst so that
 * none is favoured when the burst fills up (round-robin, balance, broadcast, ALB), or from
 * the primary in use only (active-backup, TLB).
 */
#include "bond_private.h"

/* A private copy of the active list: the control path may publish a new one meanwhile. */
static inline uint16_t
bond_active_copy(const struct bond_dev *b, uint16_t *ports)
{
	const struct bond_active *a = __atomic_load_n(&b->active, __ATOMIC_ACQUIRE);
	uint16_t n = a->nb, i;

	for (i = 0; i < n; i++)
		ports[i] = a->ports[i];
	return n;
}

uint16_t
bond_rx_all(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct bond_queue *bq = q;
	uint16_t ports[BOND_MAX_MEMBERS];
	uint16_t n = bond_active_copy(bq->bond, ports), start, i, got = 0;

	if (n == 0)
		return 0;
	start = bq->next % n;
	for (i = 0; i < n && got < nb; i++)
		got += rte_eth_rx_burst(ports[(start + i) % n], bq->qid, bufs + got, nb - got);
	bq->next = (uint16_t)((start + 1) % n);
	return got;
}

uint16_t
bond_rx_primary(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct bond_queue *bq = q;
	const struct bond_active *a = __atomic_load_n(&bq->bond->active, __ATOMIC_ACQUIRE);
	uint16_t n = a->nb, port = a->ports[0];

	if (n == 0)
		return 0;
	return rte_eth_rx_burst(port, bq->qid, bufs, nb);
}

/*
 * Mode 4: every started member is read, distributing or not, since LACPDUs come on the same
 * queues as traffic. LACPDUs and markers are handed to the LACP alarm (never to the caller);
 * other frames of a member that LACP does not let collect are dropped.
 */
uint16_t
bond_rx_8023ad(void *q, struct rte_mbuf **bufs, uint16_t nb)
{
	struct bond_queue *bq = q;
	struct bond_dev *b = bq->bond;
	const struct bond_active *a = __atomic_load_n(&b->rx_active, __ATOMIC_ACQUIRE);
	uint16_t ports[BOND_MAX_MEMBERS];
	uint16_t n = a->nb, start, i, got = 0;

	for (i = 0; i < n; i++)
		ports[i] = a->ports[i];
	if (n == 0)
		return 0;
	start = bq->next % n;
	for (i = 0; i < n && got < nb; i++) {
		uint16_t port = ports[(start + i) % n], k, r, kept = got;
		struct bond_lacp_port *p = b->lacp[port];
		int collecting;

		r = rte_eth_rx_burst(port, bq->qid, bufs + got, (uint16_t)(nb - got));
		if (r == 0)
			continue;
		collecting = p != NULL && (__atomic_load_n(&p->actor_state, __ATOMIC_ACQUIRE) &
				STATE_COLLECTING) != 0;
		for (k = got; k < got + r; k++) {
			struct rte_mbuf *m = bufs[k];

			if (p != NULL && bond_lacp_is_slow(m)) {
				if (rte_ring_enqueue(p->rx_ring, m) != 0)
					rte_pktmbuf_free(m);
				continue;
			}
			if (!collecting) {
				rte_pktmbuf_free(m);
				continue;
			}
			bufs[kept++] = m;
		}
		got = kept;
	}
	bq->next = (uint16_t)((start + 1) % n);
	return got;
}
