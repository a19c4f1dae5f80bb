/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Burst functions. Receive polls every running sub-device, starting one further each call so
 * that none is starved; transmit uses the first running one (the preferred sub-device while it
 * is there). See failsafe_private.h for the per-queue counters that make removal safe.
 */
#include "failsafe_private.h"

/* Enter sub-device i for one burst: 1 if it may be used (then fs_sub_leave), 0 otherwise. */
static inline int
fs_sub_enter(const struct fs_priv *p, uint32_t *ref, unsigned int i)
{
	if (!__atomic_load_n(&p->sub[i].usable, __ATOMIC_RELAXED))
		return 0;
	/* counter first, then the flag again: removal does the opposite */
	__atomic_fetch_add(ref, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&p->sub[i].usable, __ATOMIC_SEQ_CST))
		return 1;
	__atomic_fetch_sub(ref, 1, __ATOMIC_RELEASE);
	return 0;
}

static inline void
fs_sub_leave(uint32_t *ref)
{
	__atomic_fetch_sub(ref, 1, __ATOMIC_RELEASE);
}

uint16_t
fs_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb)
{
	struct fs_queue *q = queue;
	struct fs_priv *p = q->p;
	unsigned int nb_sub = p->nb_sub, k, i = q->next;
	uint32_t *refs = p->rxref[q->qid].n;
	uint16_t n = 0;

	for (k = 0; k < nb_sub && n < nb; k++, i = i + 1 == nb_sub ? 0 : i + 1) {
		if (!fs_sub_enter(p, &refs[i], i))
			continue;
		n += rte_eth_rx_burst(p->sub[i].port_id, q->qid, pkts + n, nb - n);
		fs_sub_leave(&refs[i]);
	}
	q->next = (uint16_t)(q->next + 1u >= nb_sub ? 0 : q->next + 1u);
	return n;
}

uint16_t
fs_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb)
{
	struct fs_queue *q = queue;
	struct fs_priv *p = q->p;
	uint32_t *refs = p->txref[q->qid].n;
	unsigned int i;
	uint16_t n;

	for (i = 0; i < p->nb_sub; i++) {
		if (!fs_sub_enter(p, &refs[i], i))
			continue;
		n = rte_eth_tx_burst(p->sub[i].port_id, q->qid, pkts, nb);
		fs_sub_leave(&refs[i]);
		return n;
	}
	return 0;
}
