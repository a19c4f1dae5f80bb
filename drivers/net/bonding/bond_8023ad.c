/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mode 4: LACP (IEEE 802.1AX) run by the bond.
 *
 * The burst functions only move slow protocol frames: rx burst puts the LACPDUs and markers
 * a member received on that member's rx_ring, tx burst sends what waits on its tx_ring. All
 * protocol work is done by an EAL alarm every update_timeout_ms, under the bond lock: it reads
 * the frames received, runs each member's receive, periodic, selection and mux machines, and
 * queues the LACPDUs they ask for. With dedicated queues it also sends them itself, on an
 * extra transmit queue of each member that no application lcore uses.
 *
 * A member whose partner is defaulted (no LACPDU heard) is never selected, so it carries no
 * traffic, as in DPDK 22.11; it keeps the fast period so that a late partner is found soon.
 * One simplification, on the safe side: "Ready" is judged per member (its own wait timer)
 * rather than for every member waiting on the same aggregator.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <rte_alarm.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "bond_private.h"

#define LACP_RING_SIZE 64
#define LACP_VERSION 1
#define LACP_TLV_LEN_ACTOR 20
#define LACP_TLV_LEN_COLLECTOR 16
#define MARKER_TLV_LEN 16
#define LACP_SYSTEM_PRIORITY 0xffff
#define LACP_PORT_PRIORITY 0xff
#define LACP_KEY 1
#define LACP_TX_BURST 8

static const struct rte_ether_addr slow_mcast = {
	.addr_bytes = { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x02 }
};

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
bond_lacp_conf_default(struct rte_eth_bond_8023ad_conf *conf)
{
	/* the standard's times; tx_period keeps to its three LACPDUs per second */
	memset(conf, 0, sizeof(*conf));
	conf->fast_periodic_ms = 1000;
	conf->slow_periodic_ms = 30000;
	conf->short_timeout_ms = 3000;
	conf->long_timeout_ms = 90000;
	conf->aggregate_wait_timeout_ms = 2000;
	conf->tx_period_ms = 333;
	conf->rx_marker_period_ms = 2000;
	conf->update_timeout_ms = 100;
	conf->slowrx_cb = NULL;
	conf->agg_selection = AGG_STABLE;
}

int
bond_lacp_conf_check(uint16_t port_id, const struct rte_eth_bond_8023ad_conf *c)
{
	const char *bad = NULL;

	if (c->fast_periodic_ms == 0 || c->slow_periodic_ms == 0 || c->short_timeout_ms == 0 ||
	    c->long_timeout_ms == 0 || c->aggregate_wait_timeout_ms == 0 ||
	    c->tx_period_ms == 0 || c->rx_marker_period_ms == 0 || c->update_timeout_ms == 0)
		bad = "every period and timeout must be above 0";
	else if (c->fast_periodic_ms >= c->slow_periodic_ms)
		bad = "fast_periodic_ms must be below slow_periodic_ms";
	else if (c->short_timeout_ms >= c->long_timeout_ms)
		bad = "short_timeout_ms must be below long_timeout_ms";
	/* a partner must hear at least two LACPDUs before it gives up */
	else if (c->fast_periodic_ms * 2 > c->short_timeout_ms)
		bad = "short_timeout_ms must be at least twice fast_periodic_ms";
	else if (c->slow_periodic_ms * 2 > c->long_timeout_ms)
		bad = "long_timeout_ms must be at least twice slow_periodic_ms";
	else if (c->update_timeout_ms > c->fast_periodic_ms)
		bad = "update_timeout_ms must not exceed fast_periodic_ms";
	else if ((unsigned int)c->agg_selection > AGG_STABLE)
		bad = "agg_selection must be AGG_BANDWIDTH, AGG_COUNT or AGG_STABLE";
	if (bad == NULL)
		return 0;
	BOND_LOG(ERR, "port %u: invalid 802.3ad configuration: %s", port_id, bad);
	return -EINVAL;
}

static struct rte_ring *
lacp_ring(const struct bond_dev *b, uint16_t port, char dir)
{
	char name[RTE_RING_NAMESIZE];
	struct rte_ring *r;

	snprintf(name, sizeof(name), "bond%u_lacp%u_%c", b->port_id, port, dir);
	r = rte_ring_lookup(name);
	if (r == NULL)
		r = rte_ring_create(name, LACP_RING_SIZE,
				rte_eth_dev_socket_id(b->port_id) < 0 ? SOCKET_ID_ANY :
				rte_eth_dev_socket_id(b->port_id), 0);
	return r;
}

static void
ring_drain(struct rte_ring *r)
{
	struct rte_mbuf *m;

	while (rte_ring_dequeue(r, (void **)&m) == 0)
		rte_pktmbuf_free(m);
}

/* A member's protocol state as it joins, starts or loses its link: no partner. */
void
bond_lacp_port_reset(struct bond_dev *b, uint16_t port)
{
	struct bond_lacp_port *p = b->lacp[port];
	uint64_t now = now_ms();

	if (p == NULL)
		return;
	memset(&p->actor, 0, sizeof(p->actor));
	memset(&p->partner, 0, sizeof(p->partner));
	p->actor.system_priority = rte_cpu_to_be_16(LACP_SYSTEM_PRIORITY);
	p->actor.system = b->mac;
	p->actor.key = rte_cpu_to_be_16(LACP_KEY);
	p->actor.port_priority = rte_cpu_to_be_16(LACP_PORT_PRIORITY);
	/* port number 0 is reserved */
	p->actor.port_number = rte_cpu_to_be_16((uint16_t)(port + 1));
	__atomic_store_n(&p->actor_state, STATE_LACP_ACTIVE | STATE_LACP_SHORT_TIMEOUT |
			STATE_AGGREGATION | STATE_DEFAULTED, __ATOMIC_RELEASE);
	p->partner_state = 0;
	p->selected = UNSELECTED;
	p->agg_port_id = port;
	p->mux = MUX_DETACHED;
	p->rx = RX_DEFAULTED;
	p->ntt = 1;
	p->current_while = 0;
	p->periodic_next = now;
	p->wait_while = 0;
	p->tx_next = now;
	p->marker_next = now;
}

int
bond_lacp_port_init(struct bond_dev *b, uint16_t port)
{
	struct bond_lacp_port *p = b->lacp[port];

	if (p == NULL) {
		p = rte_zmalloc("bond lacp port", sizeof(*p), RTE_CACHE_LINE_SIZE);
		if (p == NULL)
			return -ENOMEM;
		p->rx_ring = lacp_ring(b, port, 'r');
		p->tx_ring = lacp_ring(b, port, 't');
		if (p->rx_ring == NULL || p->tx_ring == NULL) {
			BOND_LOG(ERR, "port %u: no LACP rings for member %u", b->port_id, port);
			rte_ring_free(p->rx_ring);
			rte_ring_free(p->tx_ring);
			rte_free(p);
			return -ENOMEM;
		}
		b->lacp[port] = p;
	}
	/* frames of an earlier stay in the bond are stale */
	ring_drain(p->rx_ring);
	ring_drain(p->tx_ring);
	p->rx_lacpdu = 0;
	p->rx_bad = 0;
	p->rx_looped = 0;
	bond_lacp_port_reset(b, port);
	return 0;
}

void
bond_lacp_free(struct bond_dev *b)
{
	uint16_t i;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++) {
		struct bond_lacp_port *p = b->lacp[i];

		if (p == NULL)
			continue;
		ring_drain(p->rx_ring);
		ring_drain(p->tx_ring);
		rte_ring_free(p->rx_ring);
		rte_ring_free(p->tx_ring);
		rte_free(p);
		b->lacp[i] = NULL;
	}
}

int
bond_lacp_distributing(const struct bond_dev *b, uint16_t port)
{
	const struct bond_lacp_port *p = b->lacp[port];

	return p != NULL &&
		(__atomic_load_n(&p->actor_state, __ATOMIC_ACQUIRE) & STATE_DISTRIBUTING) != 0;
}

/* LACPDU or marker (the slow protocols the bond answers); other subtypes go to the app. */
int
bond_lacp_is_slow(const struct rte_mbuf *m)
{
	const struct slow_protocol_frame *f;

	if (m->data_len < sizeof(struct rte_ether_hdr) + 1)
		return 0;
	f = rte_pktmbuf_mtod(m, const struct slow_protocol_frame *);
	if (f->eth_hdr.ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_SLOW))
		return 0;
	return f->slow_protocol.subtype == SLOW_SUBTYPE_LACP ||
		f->slow_protocol.subtype == SLOW_SUBTYPE_MARKER;
}

static int
same_port_params(const struct port_params *a, const struct port_params *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

static void
set_actor_state(struct bond_lacp_port *p, uint8_t set, uint8_t clear)
{
	uint8_t s = __atomic_load_n(&p->actor_state, __ATOMIC_RELAXED);

	__atomic_store_n(&p->actor_state, (uint8_t)((s | set) & ~clear), __ATOMIC_RELEASE);
}

/* The mempool LACPDUs are built from: the bond's first receive queue's. */
static struct rte_mempool *
lacp_pool(const struct bond_dev *b)
{
	const struct rte_eth_dev_data *d = rte_eth_devices[b->port_id].data;
	const struct bond_queue *q;

	if (d->nb_rx_queues == 0 || d->rx_queues == NULL)
		return NULL;
	q = d->rx_queues[0];
	return q == NULL ? NULL : q->mp;
}

static void
lacpdu_send(struct bond_dev *b, uint16_t port, struct bond_lacp_port *p)
{
	struct rte_mempool *mp = lacp_pool(b);
	struct lacpdu_header *h;
	struct rte_mbuf *m;
	struct lacpdu *l;

	m = mp == NULL ? NULL : rte_pktmbuf_alloc(mp);
	if (m == NULL)
		return; /* ntt stays set: next tick */
	h = (struct lacpdu_header *)rte_pktmbuf_append(m, sizeof(*h));
	if (h == NULL) {
		rte_pktmbuf_free(m);
		return;
	}
	memset(h, 0, sizeof(*h));
	h->eth_hdr.dst_addr = slow_mcast;
	if (rte_eth_macaddr_get(port, &h->eth_hdr.src_addr) != 0)
		h->eth_hdr.src_addr = b->mac;
	h->eth_hdr.ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_SLOW);
	l = &h->lacpdu;
	l->subtype = SLOW_SUBTYPE_LACP;
	l->version_number = LACP_VERSION;
	l->actor.tlv_type_info = TLV_TYPE_ACTOR_INFORMATION;
	l->actor.info_length = LACP_TLV_LEN_ACTOR;
	l->actor.port_params = p->actor;
	l->actor.state = __atomic_load_n(&p->actor_state, __ATOMIC_RELAXED);
	l->partner.tlv_type_info = TLV_TYPE_PARTNER_INFORMATION;
	l->partner.info_length = LACP_TLV_LEN_ACTOR;
	l->partner.port_params = p->partner;
	l->partner.state = p->partner_state;
	l->tlv_type_collector_info = TLV_TYPE_COLLECTOR_INFORMATION;
	l->collector_info_length = LACP_TLV_LEN_COLLECTOR;
	l->tlv_type_terminator = TLV_TYPE_TERMINATOR_INFORMATION;
	l->terminator_length = 0;
	if (rte_ring_enqueue(p->tx_ring, m) != 0) {
		rte_pktmbuf_free(m);
		return;
	}
	p->ntt = 0;
}

/* One LACPDU checked field by field: anything off and it is dropped. */
static int
lacpdu_valid(const struct rte_mbuf *m)
{
	const struct lacpdu *l;

	if (m->data_len < sizeof(struct lacpdu_header))
		return 0;
	l = &rte_pktmbuf_mtod(m, const struct lacpdu_header *)->lacpdu;
	return l->version_number == LACP_VERSION &&
		l->actor.tlv_type_info == TLV_TYPE_ACTOR_INFORMATION &&
		l->actor.info_length == LACP_TLV_LEN_ACTOR &&
		l->partner.tlv_type_info == TLV_TYPE_PARTNER_INFORMATION &&
		l->partner.info_length == LACP_TLV_LEN_ACTOR &&
		l->tlv_type_collector_info == TLV_TYPE_COLLECTOR_INFORMATION &&
		l->collector_info_length == LACP_TLV_LEN_COLLECTOR &&
		l->tlv_type_terminator == TLV_TYPE_TERMINATOR_INFORMATION &&
		l->terminator_length == 0;
}

/* Receive machine, CURRENT: record what the partner says about itself and about us. */
static void
lacpdu_record(struct bond_dev *b, struct bond_lacp_port *p, const struct lacpdu *l,
		uint64_t now)
{
	uint8_t actor = __atomic_load_n(&p->actor_state, __ATOMIC_RELAXED);
	const uint8_t mine = STATE_LACP_ACTIVE | STATE_LACP_SHORT_TIMEOUT | STATE_AGGREGATION |
		STATE_SYNCHRONIZATION | STATE_COLLECTING | STATE_DISTRIBUTING;
	int knows_us;

	/* a new partner (or a changed one) means choosing the aggregator again */
	if (!same_port_params(&p->partner, &l->actor.port_params) ||
	    ((p->partner_state ^ l->actor.state) & STATE_AGGREGATION) != 0)
		p->selected = UNSELECTED;
	p->partner = l->actor.port_params;
	knows_us = same_port_params(&l->partner.port_params, &p->actor) &&
		((l->partner.state ^ actor) & STATE_AGGREGATION) == 0;
	p->partner_state = l->actor.state;
	/* in sync only if the partner is, and has our identity right */
	if (!knows_us)
		p->partner_state &= (uint8_t)~STATE_SYNCHRONIZATION;
	/* tell it again when its view of us is out of date */
	if (!knows_us || ((l->partner.state ^ actor) & mine) != 0)
		p->ntt = 1;
	p->rx = RX_CURRENT;
	set_actor_state(p, 0, STATE_EXPIRED | STATE_DEFAULTED);
	p->current_while = now + ((actor & STATE_LACP_SHORT_TIMEOUT) ?
			b->lacp_conf.short_timeout_ms : b->lacp_conf.long_timeout_ms);
	p->rx_lacpdu++;
}

/* Marker responder: the same frame back, as a response from this member. */
static void
marker_answer(struct bond_dev *b, uint16_t port, struct bond_lacp_port *p,
		struct rte_mbuf *m, uint64_t now)
{
	struct marker_header *h;

	if (m->data_len < sizeof(*h)) {
		p->rx_bad++;
		rte_pktmbuf_free(m);
		return;
	}
	h = rte_pktmbuf_mtod(m, struct marker_header *);
	if (h->marker.tlv_type_marker != MARKER_TLV_TYPE_INFO ||
	    h->marker.info_length != MARKER_TLV_LEN || now < p->marker_next) {
		p->rx_bad += h->marker.tlv_type_marker != MARKER_TLV_TYPE_RESP;
		rte_pktmbuf_free(m);
		return;
	}
	p->marker_next = now + b->lacp_conf.rx_marker_period_ms;
	h->marker.tlv_type_marker = MARKER_TLV_TYPE_RESP;
	h->eth_hdr.dst_addr = slow_mcast;
	if (rte_eth_macaddr_get(port, &h->eth_hdr.src_addr) != 0)
		h->eth_hdr.src_addr = b->mac;
	if (rte_ring_enqueue(p->tx_ring, m) != 0)
		rte_pktmbuf_free(m);
}

static void
slow_rx(struct bond_dev *b, uint16_t port, struct bond_lacp_port *p, uint64_t now)
{
	struct rte_mbuf *m;

	while (rte_ring_dequeue(p->rx_ring, (void **)&m) == 0) {
		const struct slow_protocol_frame *f =
			rte_pktmbuf_mtod(m, const struct slow_protocol_frame *);

		if (f->slow_protocol.subtype == SLOW_SUBTYPE_MARKER) {
			marker_answer(b, port, p, m, now);
			continue;
		}
		if (b->lacp_conf.slowrx_cb != NULL) {
			/* the application runs LACP and owns the frame */
			b->lacp_conf.slowrx_cb(port, m);
			continue;
		}
		if (!lacpdu_valid(m))
			p->rx_bad++;
		else if (rte_is_same_ether_addr(&rte_pktmbuf_mtod(m,
				const struct lacpdu_header *)->lacpdu.actor.port_params.system,
				&p->actor.system))
			/* our own (a member that hears what it sends, or two members linked) */
			p->rx_looped++;
		else
			lacpdu_record(b, p,
				&rte_pktmbuf_mtod(m, const struct lacpdu_header *)->lacpdu, now);
		rte_pktmbuf_free(m);
	}
}

/* Receive machine timers: CURRENT -> EXPIRED -> DEFAULTED when the partner goes quiet. */
static void
rx_timers(struct bond_dev *b, struct bond_lacp_port *p, uint64_t now)
{
	if (p->rx == RX_DEFAULTED || now < p->current_while)
		return;
	if (p->rx == RX_CURRENT) {
		p->rx = RX_EXPIRED;
		/* ask the partner for fast LACPDUs; it is not in sync until heard again */
		p->partner_state = (uint8_t)((p->partner_state | STATE_LACP_SHORT_TIMEOUT) &
				~STATE_SYNCHRONIZATION);
		set_actor_state(p, STATE_EXPIRED, 0);
		p->current_while = now + b->lacp_conf.short_timeout_ms;
		p->ntt = 1;
		return;
	}
	p->rx = RX_DEFAULTED;
	memset(&p->partner, 0, sizeof(p->partner));
	p->partner_state = 0;
	p->selected = UNSELECTED;
	set_actor_state(p, STATE_DEFAULTED, STATE_EXPIRED);
}

/* Periodic transmission: fast when the partner asks for a short timeout. */
static void
periodic(struct bond_dev *b, struct bond_lacp_port *p, uint64_t now)
{
	uint32_t period = (p->partner_state & STATE_LACP_SHORT_TIMEOUT) ||
		p->rx == RX_DEFAULTED ? b->lacp_conf.fast_periodic_ms :
		b->lacp_conf.slow_periodic_ms;

	if (now < p->periodic_next)
		return;
	p->ntt = 1;
	p->periodic_next = now + period;
}

/* A member that can take part in selection: started, link up and with a partner heard. */
static struct bond_lacp_port *
selectable(struct bond_dev *b, const struct bond_member *m)
{
	struct bond_lacp_port *p = b->lacp[m->port_id];

	if (p == NULL || m->gone || !m->configured || !m->link_up || p->rx == RX_DEFAULTED ||
	    !(p->partner_state & STATE_AGGREGATION))
		return NULL;
	return p;
}

/*
 * Selection logic. Members facing the same partner system and key can share an aggregator.
 * An aggregator is named after a member port (agg_port_id); a group keeps the name its
 * selected members already use, so that a member leaving does not disturb the others. Only
 * one aggregator carries traffic: its members are SELECTED, the members of others STANDBY.
 */
static void
selection(struct bond_dev *b)
{
	uint16_t agg[BOND_MAX_MEMBERS], grp[BOND_MAX_MEMBERS], i, j;
	uint16_t cur = UINT16_MAX, best = UINT16_MAX;
	uint64_t best_score = 0;

	for (i = 0; i < b->nb_members; i++) {
		struct bond_lacp_port *p = selectable(b, &b->members[i]);

		grp[i] = UINT16_MAX;
		agg[i] = UINT16_MAX;
		if (p == NULL)
			continue;
		grp[i] = i;
		for (j = 0; j < i; j++) {
			struct bond_lacp_port *q = selectable(b, &b->members[j]);

			if (q != NULL && rte_is_same_ether_addr(&q->partner.system,
					&p->partner.system) && q->partner.key == p->partner.key) {
				grp[i] = grp[j];
				break;
			}
		}
	}
	/* each group's name: one its members already use, else its first member's port */
	for (i = 0; i < b->nb_members; i++) {
		if (grp[i] != i)
			continue;
		agg[i] = b->members[i].port_id;
		for (j = i; j < b->nb_members; j++) {
			const struct bond_lacp_port *q = b->lacp[b->members[j].port_id];

			if (grp[j] == i && q->selected != UNSELECTED) {
				agg[i] = q->agg_port_id;
				break;
			}
		}
	}
	for (i = 0; i < b->nb_members; i++) {
		const struct bond_lacp_port *p = b->lacp[b->members[i].port_id];

		if (grp[i] == UINT16_MAX)
			continue;
		agg[i] = agg[grp[i]];
		if (p->selected == SELECTED && p->agg_port_id == agg[i])
			cur = agg[i];
	}
	for (i = 0; i < b->nb_members; i++) {
		uint64_t score = 0;
		int first = 1;

		if (agg[i] == UINT16_MAX)
			continue;
		for (j = 0; j < i && first; j++)
			first = agg[j] != agg[i];
		if (!first)
			continue;
		for (j = i; j < b->nb_members; j++) {
			struct rte_eth_link l;

			if (agg[j] != agg[i])
				continue;
			if (b->lacp_conf.agg_selection == AGG_BANDWIDTH &&
			    rte_eth_link_get_nowait(b->members[j].port_id, &l) == 0 &&
			    l.link_speed != RTE_ETH_SPEED_NUM_UNKNOWN)
				score += l.link_speed;
			else
				score++;
		}
		if (best == UINT16_MAX || score > best_score) {
			best = agg[i];
			best_score = score;
		}
	}
	/* stable: the aggregator in use stays while it has a member */
	if (b->lacp_conf.agg_selection == AGG_STABLE && cur != UINT16_MAX)
		best = cur;
	for (i = 0; i < b->nb_members; i++) {
		struct bond_lacp_port *p = b->lacp[b->members[i].port_id];

		if (p == NULL)
			continue;
		if (agg[i] == UINT16_MAX) {
			p->selected = UNSELECTED;
			continue;
		}
		if (p->agg_port_id != agg[i] && p->selected != UNSELECTED)
			p->selected = UNSELECTED; /* moves: detach first */
		else
			p->selected = agg[i] == best ? SELECTED : STANDBY;
		p->agg_port_id = agg[i];
	}
}

/* Mux machine, with collecting and distributing as two steps (independent control). */
static void
mux(struct bond_dev *b, struct bond_lacp_port *p, uint64_t now)
{
	const uint8_t cd = STATE_COLLECTING | STATE_DISTRIBUTING;
	int partner_sync = (p->partner_state & STATE_SYNCHRONIZATION) != 0;
	int partner_coll = (p->partner_state & STATE_COLLECTING) != 0;

	switch (p->mux) {
	case MUX_DETACHED:
		if (p->selected != UNSELECTED) {
			p->mux = MUX_WAITING;
			p->wait_while = now + b->lacp_conf.aggregate_wait_timeout_ms;
		}
		break;
	case MUX_WAITING:
		if (p->selected == UNSELECTED) {
			p->mux = MUX_DETACHED;
		} else if (p->selected == SELECTED && now >= p->wait_while) {
			p->mux = MUX_ATTACHED;
			set_actor_state(p, STATE_SYNCHRONIZATION, 0);
			p->ntt = 1;
		}
		break;
	case MUX_ATTACHED:
		if (p->selected != SELECTED) {
			p->mux = MUX_DETACHED;
			set_actor_state(p, 0, STATE_SYNCHRONIZATION | cd);
			p->ntt = 1;
		} else if (partner_sync) {
			p->mux = MUX_COLLECTING;
			set_actor_state(p, STATE_COLLECTING, STATE_DISTRIBUTING);
			p->ntt = 1;
		}
		break;
	case MUX_COLLECTING:
		if (p->selected != SELECTED || !partner_sync) {
			p->mux = MUX_ATTACHED;
			set_actor_state(p, 0, cd);
			p->ntt = 1;
		} else if (partner_coll) {
			p->mux = MUX_DISTRIBUTING;
			set_actor_state(p, STATE_DISTRIBUTING, 0);
			p->ntt = 1;
		}
		break;
	default: /* DISTRIBUTING */
		if (p->selected != SELECTED || !partner_sync || !partner_coll) {
			p->mux = MUX_COLLECTING;
			set_actor_state(p, 0, STATE_DISTRIBUTING);
			p->ntt = 1;
		}
		break;
	}
}

/* Dedicated queues: the alarm sends what is queued on the queue no lcore uses. */
static void
slow_flush(struct bond_dev *b, uint16_t port, struct bond_lacp_port *p)
{
	struct rte_mbuf *m[LACP_TX_BURST];
	unsigned int n;
	uint16_t sent;

	n = rte_ring_dequeue_burst(p->tx_ring, (void **)m, RTE_DIM(m), NULL);
	if (n == 0)
		return;
	sent = rte_eth_tx_burst(port, b->lacp_tx_queue, m, (uint16_t)n);
	if (sent < n)
		rte_pktmbuf_free_bulk(m + sent, n - sent);
}

/*
 * A member leaves a started bond: with dedicated queues (a queue no lcore uses), it tells its
 * partner at once that it no longer aggregates, so that the partner stops sending to it now
 * rather than after its timeout. Without them the partner finds out by the timeout.
 */
void
bond_lacp_member_leaves(struct bond_dev *b, uint16_t port)
{
	struct bond_lacp_port *p = b->lacp[port];
	int idx = bond_member_index(b, port);

	if (p == NULL || idx < 0 || b->mode != BONDING_MODE_8023AD || !b->dedicated_queues ||
	    b->lacp_conf.slowrx_cb != NULL || !b->members[idx].configured ||
	    b->members[idx].gone || !__atomic_load_n(&b->lacp_armed, __ATOMIC_ACQUIRE))
		return;
	__atomic_store_n(&p->actor_state, STATE_LACP_ACTIVE | STATE_LACP_SHORT_TIMEOUT,
			__ATOMIC_RELEASE);
	lacpdu_send(b, port, p);
	slow_flush(b, port, p);
}

static void
lacp_tick_locked(struct bond_dev *b)
{
	uint64_t now = now_ms();
	int changed = 0;
	uint16_t i;

	for (i = 0; i < b->nb_members; i++) {
		struct bond_member *m = &b->members[i];
		struct bond_lacp_port *p = b->lacp[m->port_id];

		if (p == NULL || m->gone)
			continue;
		if (!m->configured || !m->link_up) {
			/* port disabled: forget the partner, carry nothing */
			if (p->rx != RX_DEFAULTED || p->mux != MUX_DETACHED)
				bond_lacp_port_reset(b, m->port_id);
			continue;
		}
		/* the bond's address may have changed since the member joined */
		p->actor.system = b->mac;
		slow_rx(b, m->port_id, p, now);
		if (b->lacp_conf.slowrx_cb != NULL)
			continue; /* the application runs the machines */
		rx_timers(b, p, now);
		periodic(b, p, now);
	}
	if (b->lacp_conf.slowrx_cb == NULL)
		selection(b);
	for (i = 0; i < b->nb_members; i++) {
		struct bond_member *m = &b->members[i];
		struct bond_lacp_port *p = b->lacp[m->port_id];
		uint8_t before;

		if (p == NULL || m->gone || !m->configured || !m->link_up)
			continue;
		before = __atomic_load_n(&p->actor_state, __ATOMIC_RELAXED);
		if (b->lacp_conf.slowrx_cb == NULL) {
			mux(b, p, now);
			if (p->ntt && now >= p->tx_next) {
				lacpdu_send(b, m->port_id, p);
				p->tx_next = now + b->lacp_conf.tx_period_ms;
			}
		}
		if (b->dedicated_queues)
			slow_flush(b, m->port_id, p);
		changed |= (before ^ p->actor_state) & STATE_DISTRIBUTING;
	}
	if (changed) {
		bond_update_active(b);
		bond_link_refresh(b);
	}
}

static void
lacp_tick(void *arg)
{
	uint16_t port = (uint16_t)(uintptr_t)arg;
	struct bond_dev *b;

	if (!bond_is_bond(port))
		return;
	b = bond_of(&rte_eth_devices[port]);
	if (!__atomic_load_n(&b->lacp_armed, __ATOMIC_ACQUIRE))
		return;
	/* whoever holds the lock may be waiting on ethdev: next period */
	if (rte_spinlock_recursive_trylock(&b->lock)) {
		if (b->mode == BONDING_MODE_8023AD)
			lacp_tick_locked(b);
		bond_unlock(b);
	}
	if (__atomic_load_n(&b->lacp_armed, __ATOMIC_ACQUIRE))
		rte_eal_alarm_set((uint64_t)b->lacp_conf.update_timeout_ms * 1000, lacp_tick, arg);
}

void
bond_lacp_start(struct bond_dev *b)
{
	if (__atomic_exchange_n(&b->lacp_armed, 1, __ATOMIC_ACQ_REL))
		return;
	if (rte_eal_alarm_set((uint64_t)b->lacp_conf.update_timeout_ms * 1000, lacp_tick,
			(void *)(uintptr_t)b->port_id) != 0) {
		BOND_LOG(ERR, "port %u: no alarm to run LACP", b->port_id);
		__atomic_store_n(&b->lacp_armed, 0, __ATOMIC_RELEASE);
	}
}

void
bond_lacp_stop(struct bond_dev *b)
{
	__atomic_store_n(&b->lacp_armed, 0, __ATOMIC_RELEASE);
	/* the second cancel catches a tick that re-armed while the first waited for it */
	rte_eal_alarm_cancel(lacp_tick, (void *)(uintptr_t)b->port_id);
	rte_eal_alarm_cancel(lacp_tick, (void *)(uintptr_t)b->port_id);
}
