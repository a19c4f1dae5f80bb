/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_bonding mode 4 (802.3ad): two bonds whose members are net_ring ports linked back to back
 * (what a1 sends, b1 receives and the other way round) negotiate LACP through the bond's alarm;
 * a raw net_ring port facing a bond member plays a hand-made partner to feed it malformed
 * LACPDUs and markers; the API's errors.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <inttypes.h>
#include <time.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_ip.h>
#include <rte_ring.h>
#include <rte_udp.h>
#include <rte_eth_ring.h>
#include <rte_eth_bond.h>
#include <rte_eth_bond_8023ad.h>
#include <ethdev_driver.h>

#define MAX_PAIRS 3

static struct rte_mempool *pool;

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_pmd_bonding_8023ad", "-l", "0", 8191, 0);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

/* Ports a[i] and b[i] linked back to back by two rings; two tx queues each (one spare). */
struct wire {
	unsigned int n;
	uint16_t a[MAX_PAIRS], b[MAX_PAIRS];
	struct rte_ring *ab[MAX_PAIRS], *ba[MAX_PAIRS];
	char an[MAX_PAIRS][32], bn[MAX_PAIRS][32];
};

static void
wire_up(struct wire *w, const char *tag, unsigned int n)
{
	unsigned int i;

	w->n = n;
	for (i = 0; i < n; i++) {
		char name[32];
		int pa, pb;

		snprintf(name, sizeof(name), "w%s%uab", tag, i);
		w->ab[i] = rte_ring_create(name, 1024, 0, 0);
		snprintf(name, sizeof(name), "w%s%uba", tag, i);
		w->ba[i] = rte_ring_create(name, 1024, 0, 0);
		assert_non_null(w->ab[i]);
		assert_non_null(w->ba[i]);
		snprintf(w->an[i], sizeof(w->an[i]), "net_ring_w%sa%u", tag, i);
		snprintf(w->bn[i], sizeof(w->bn[i]), "net_ring_w%sb%u", tag, i);
		pa = rte_eth_from_rings(w->an[i], &w->ba[i], 1,
				(struct rte_ring *const[]){ w->ab[i], w->ab[i] }, 2, 0);
		pb = rte_eth_from_rings(w->bn[i], &w->ab[i], 1,
				(struct rte_ring *const[]){ w->ba[i], w->ba[i] }, 2, 0);
		assert_true(pa >= 0 && pb >= 0);
		w->a[i] = (uint16_t)pa;
		w->b[i] = (uint16_t)pb;
	}
}

static void
port_gone(uint16_t port)
{
	char devname[RTE_DEV_NAME_MAX_LEN];

	if (!rte_eth_dev_is_valid_port(port))
		return;
	rte_eth_dev_stop(port);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
}

static void
wire_down(struct wire *w)
{
	unsigned int i;
	struct rte_mbuf *m;

	for (i = 0; i < w->n; i++) {
		port_gone(w->a[i]);
		port_gone(w->b[i]);
		while (rte_ring_dequeue(w->ab[i], (void **)&m) == 0)
			rte_pktmbuf_free(m);
		while (rte_ring_dequeue(w->ba[i], (void **)&m) == 0)
			rte_pktmbuf_free(m);
		rte_ring_free(w->ab[i]);
		rte_ring_free(w->ba[i]);
	}
}

/*
 * Quick timers so that a test takes seconds, within the rules the bond checks; the short
 * timeout leaves room for a busy machine not running the test for a while.
 */
static void
fast_conf(struct rte_eth_bond_8023ad_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->fast_periodic_ms = 200;
	c->slow_periodic_ms = 1000;
	c->short_timeout_ms = 1500;
	c->long_timeout_ms = 3000;
	c->aggregate_wait_timeout_ms = 200;
	c->tx_period_ms = 50;
	c->rx_marker_period_ms = 100;
	c->update_timeout_ms = 50;
	c->agg_selection = AGG_STABLE;
}

/* A mode 4 bond over the given members, quick timers, not started. */
static uint16_t
bond4(const char *name, const uint16_t *members, unsigned int n)
{
	struct rte_eth_bond_8023ad_conf c;
	unsigned int i;
	int bond = rte_eth_bond_create(name, BONDING_MODE_8023AD, 0);

	assert_true(bond >= 0);
	fast_conf(&c);
	assert_int_equal(rte_eth_bond_8023ad_setup((uint16_t)bond, &c), 0);
	for (i = 0; i < n; i++)
		assert_int_equal(rte_eth_bond_slave_add((uint16_t)bond, members[i]), 0);
	return (uint16_t)bond;
}

static uint64_t
ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/*
 * What an application loop does: read the bonds (counting what reaches it) and call their
 * transmit, with no packets, so that LACPDUs leave. tx: 0 when the bonds have dedicated
 * queues and the alarm sends.
 */
static unsigned int
pump(const uint16_t *bonds, unsigned int nb, int tx, unsigned int *got)
{
	struct rte_mbuf *m[32];
	unsigned int i, total = 0;
	uint16_t n;

	for (i = 0; i < nb; i++) {
		do {
			n = rte_eth_rx_burst(bonds[i], 0, m, RTE_DIM(m));
			rte_pktmbuf_free_bulk(m, n);
			total += n;
			if (got != NULL)
				got[i] += n;
		} while (n > 0);
		if (tx)
			rte_eth_tx_burst(bonds[i], 0, m, 0);
	}
	return total;
}

static int
distributing(uint16_t bond, uint16_t member)
{
	struct rte_eth_bond_8023ad_slave_info info;

	if (rte_eth_bond_8023ad_slave_info(bond, member, &info) != 0)
		return 0;
	return (info.actor_state & STATE_DISTRIBUTING) != 0;
}

/* Pump until every member of the wire distributes on both sides; ms taken, or -1. */
static long
wait_all_distributing(const uint16_t *bonds, const struct wire *w, int tx, unsigned int *app)
{
	uint64_t start = ms_now();

	while (ms_now() - start < 10000) {
		unsigned int i, ok = 0;

		*app += pump(bonds, 2, tx, NULL);
		for (i = 0; i < w->n; i++)
			ok += distributing(bonds[0], w->a[i]) && distributing(bonds[1], w->b[i]);
		if (ok == w->n)
			return (long)(ms_now() - start);
		usleep(5 * 1000);
	}
	return -1;
}

static uint16_t
nb_active(uint16_t bond)
{
	uint16_t s[RTE_MAX_ETHPORTS];
	int n = rte_eth_bond_active_slaves_get(bond, s, RTE_DIM(s));

	assert_true(n >= 0);
	return (uint16_t)n;
}

/* n UDP packets, flow f (source MAC and port) so that the L2 hash spreads them. */
static void
send_flows(uint16_t bond, unsigned int n)
{
	struct rte_mbuf *m[64];
	unsigned int i;

	assert_true(n <= RTE_DIM(m));
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, m, n), 0);
	for (i = 0; i < n; i++) {
		struct rte_ether_hdr *eh = (struct rte_ether_hdr *)rte_pktmbuf_append(m[i], 64);
		struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eh + 1);

		memset(eh, 0, 64);
		eh->dst_addr.addr_bytes[0] = 0x02;
		eh->src_addr.addr_bytes[0] = 0x02;
		eh->src_addr.addr_bytes[5] = (uint8_t)i;
		eh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
		ip->version_ihl = 0x45;
		ip->next_proto_id = IPPROTO_UDP;
	}
	assert_int_equal(rte_eth_tx_burst(bond, 0, m, (uint16_t)n), n);
}

/* Pump for ms milliseconds; what each bond's application received. */
static void
pump_for(const uint16_t *bonds, unsigned int ms, unsigned int *got)
{
	uint64_t start = ms_now();

	do {
		pump(bonds, 2, 1, got);
		usleep(5 * 1000);
	} while (ms_now() - start < ms);
}

static void
test_negotiate_and_forward(void **state)
{
	struct wire w;
	uint16_t bonds[2];
	struct rte_eth_bond_8023ad_slave_info ia, ib;
	struct rte_ether_addr mac_a, mac_b;
	unsigned int app = 0, got[2] = { 0, 0 }, i;
	uint64_t b_before[2];
	long ms;

	(void)state;
	wire_up(&w, "n", 2);
	bonds[0] = bond4("net_bonding_4a", w.a, 2);
	bonds[1] = bond4("net_bonding_4b", w.b, 2);
	test_port_up(bonds[0], 1, pool);
	test_port_up(bonds[1], 1, pool);
	/* no member carries traffic before LACP says so */
	assert_int_equal(nb_active(bonds[0]), 0);
	ms = wait_all_distributing(bonds, &w, 1, &app);
	print_message("LACP: both bonds distributing on 2 members after %ld ms\n", ms);
	assert_true(ms >= 0);
	/* the LACPDUs exchanged meanwhile never reached the application */
	assert_int_equal(app, 0);
	assert_int_equal(nb_active(bonds[0]), 2);
	assert_int_equal(nb_active(bonds[1]), 2);
	assert_int_equal(rte_eth_macaddr_get(bonds[0], &mac_a), 0);
	assert_int_equal(rte_eth_macaddr_get(bonds[1], &mac_b), 0);
	for (i = 0; i < 2; i++) {
		assert_int_equal(rte_eth_bond_8023ad_slave_info(bonds[0], w.a[i], &ia), 0);
		assert_int_equal(rte_eth_bond_8023ad_slave_info(bonds[1], w.b[i], &ib), 0);
		assert_int_equal(ia.selected, SELECTED);
		assert_true(rte_is_same_ether_addr(&ia.actor.system, &mac_a));
		assert_true(rte_is_same_ether_addr(&ia.partner.system, &mac_b));
		assert_true(rte_is_same_ether_addr(&ib.partner.system, &mac_a));
		assert_int_equal(ia.partner.port_number, ib.actor.port_number);
		assert_int_not_equal(ia.partner_state & STATE_SYNCHRONIZATION, 0);
		/* one aggregator: named after the first member */
		assert_int_equal(ia.agg_port_id, w.a[0]);
		assert_int_equal(ib.agg_port_id, w.b[0]);
	}
	/* traffic both ways, spread over both members by the L2 hash */
	b_before[0] = 0;
	send_flows(bonds[0], 64);
	send_flows(bonds[1], 32);
	pump_for(bonds, 200, got);
	assert_int_equal(got[1], 64);
	assert_int_equal(got[0], 32);
	for (i = 0; i < 2; i++) {
		struct rte_eth_stats st;

		assert_int_equal(rte_eth_stats_get(w.b[i], &st), 0);
		b_before[i] = st.ipackets;
		assert_true(st.ipackets > 16);
	}
	/* a1 leaves bond A: B notices when a1's LACPDUs stop, and keeps b2 only */
	assert_int_equal(rte_eth_bond_slave_remove(bonds[0], w.a[0]), 0);
	assert_int_equal(nb_active(bonds[0]), 1);
	{
		uint64_t start = ms_now();

		while (ms_now() - start < 5000 && distributing(bonds[1], w.b[0]))
			pump_for(bonds, 20, NULL);
		ms = (long)(ms_now() - start);
	}
	print_message("LACP: partner of the detached member stopped distributing after %ld ms\n",
			ms);
	assert_false(distributing(bonds[1], w.b[0]));
	assert_true(distributing(bonds[1], w.b[1]));
	assert_int_equal(nb_active(bonds[1]), 1);
	got[0] = 0;
	got[1] = 0;
	send_flows(bonds[1], 64);
	send_flows(bonds[0], 64);
	pump_for(bonds, 200, got);
	assert_int_equal(got[0], 64);
	assert_int_equal(got[1], 64);
	RTE_SET_USED(b_before);
	assert_int_equal(rte_eth_bond_free("net_bonding_4a"), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_4b"), 0);
	wire_down(&w);
}

/* Dedicated queues: the alarm sends LACPDUs, the application never calls tx. */
static void
test_dedicated_queues(void **state)
{
	struct wire w;
	uint16_t bonds[2];
	struct rte_eth_dev_info info;
	unsigned int app = 0, i;
	long ms;

	(void)state;
	wire_up(&w, "d", 2);
	bonds[0] = bond4("net_bonding_4c", w.a, 2);
	bonds[1] = bond4("net_bonding_4d", w.b, 2);
	for (i = 0; i < 2; i++)
		assert_int_equal(rte_eth_bond_8023ad_dedicated_queues_enable(bonds[i]), 0);
	/* members have 2 tx queues: one left for the application */
	assert_int_equal(rte_eth_dev_info_get(bonds[0], &info), 0);
	assert_int_equal(info.max_tx_queues, 1);
	test_port_up(bonds[0], 1, pool);
	test_port_up(bonds[1], 1, pool);
	assert_int_equal(rte_eth_devices[w.a[0]].data->nb_tx_queues, 2);
	/* started: the queues are fixed */
	assert_int_equal(rte_eth_bond_8023ad_dedicated_queues_disable(bonds[0]), -EBUSY);
	ms = wait_all_distributing(bonds, &w, 0, &app);
	print_message("LACP with dedicated queues: distributing after %ld ms\n", ms);
	assert_true(ms >= 0);
	assert_int_equal(app, 0);
	/* a member leaving says so: its partner stops at once, not after its timeout */
	{
		uint64_t start = ms_now();

		assert_int_equal(rte_eth_bond_slave_remove(bonds[0], w.a[0]), 0);
		while (ms_now() - start < 5000 && distributing(bonds[1], w.b[0])) {
			pump(bonds, 2, 0, NULL);
			usleep(5 * 1000);
		}
		ms = (long)(ms_now() - start);
	}
	print_message("LACP with dedicated queues: partner of the leaving member stopped after "
			"%ld ms (short timeout 1500 ms)\n", ms);
	assert_false(distributing(bonds[1], w.b[0]));
	assert_true(ms < 1000);
	assert_true(distributing(bonds[1], w.b[1]));
	assert_true(distributing(bonds[0], w.a[1]));
	assert_int_equal(rte_eth_dev_stop(bonds[0]), 0);
	assert_int_equal(rte_eth_bond_8023ad_dedicated_queues_disable(bonds[0]), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_4c"), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_4d"), 0);
	wire_down(&w);
}

/* A raw port p facing member a of a bond: frames written by hand. */
static void
put_frame(uint16_t p, const void *frame, uint16_t len)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);
	void *d;

	assert_non_null(m);
	d = rte_pktmbuf_append(m, len);
	assert_non_null(d);
	memcpy(d, frame, len);
	assert_int_equal(rte_eth_tx_burst(p, 0, &m, 1), 1);
}

/* A valid LACPDU from a made-up partner system 02:..:ee, port 7. */
static void
partner_lacpdu(struct lacpdu_header *h, uint8_t state)
{
	memset(h, 0, sizeof(*h));
	h->eth_hdr.dst_addr = (struct rte_ether_addr){ { 0x01, 0x80, 0xc2, 0, 0, 2 } };
	h->eth_hdr.src_addr = (struct rte_ether_addr){ { 0x02, 0, 0, 0, 0, 0xee } };
	h->eth_hdr.ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_SLOW);
	h->lacpdu.subtype = SLOW_SUBTYPE_LACP;
	h->lacpdu.version_number = 1;
	h->lacpdu.actor.tlv_type_info = TLV_TYPE_ACTOR_INFORMATION;
	h->lacpdu.actor.info_length = 20;
	h->lacpdu.actor.port_params.system_priority = rte_cpu_to_be_16(1);
	h->lacpdu.actor.port_params.system = h->eth_hdr.src_addr;
	h->lacpdu.actor.port_params.key = rte_cpu_to_be_16(9);
	h->lacpdu.actor.port_params.port_number = rte_cpu_to_be_16(7);
	h->lacpdu.actor.state = state;
	h->lacpdu.partner.tlv_type_info = TLV_TYPE_PARTNER_INFORMATION;
	h->lacpdu.partner.info_length = 20;
	h->lacpdu.tlv_type_collector_info = TLV_TYPE_COLLECTOR_INFORMATION;
	h->lacpdu.collector_info_length = 16;
}

/* Let the alarm run while the bond is read; frames the bond sent to p are returned. */
static unsigned int
settle(uint16_t bond, uint16_t p, struct rte_mbuf **out, unsigned int max, unsigned int *app)
{
	uint64_t start = ms_now();
	unsigned int n = 0;

	while (ms_now() - start < 300) {
		struct rte_mbuf *m[16];
		uint16_t r, i;

		*app += pump(&bond, 1, 1, NULL);
		r = rte_eth_rx_burst(p, 0, m, RTE_DIM(m));
		for (i = 0; i < r; i++) {
			if (n < max)
				out[n++] = m[i];
			else
				rte_pktmbuf_free(m[i]);
		}
		usleep(5 * 1000);
	}
	return n;
}

static void
free_all(struct rte_mbuf **m, unsigned int n)
{
	rte_pktmbuf_free_bulk(m, n);
}

static void
test_malformed_and_marker(void **state)
{
	struct wire w;
	struct lacpdu_header h;
	struct marker_header mk;
	struct rte_eth_bond_8023ad_slave_info info;
	struct rte_mbuf *out[64];
	struct rte_ether_addr mac;
	unsigned int app = 0, n, i, lacpdus = 0, answers = 0;
	uint16_t bond, p;

	(void)state;
	wire_up(&w, "m", 1);
	bond = bond4("net_bonding_4m", w.a, 1);
	p = w.b[0];
	test_port_up(bond, 1, pool);
	test_port_up(p, 1, pool);
	/* the bond's own LACPDUs, as a partner sees them */
	n = settle(bond, p, out, RTE_DIM(out), &app);
	assert_int_equal(rte_eth_macaddr_get(bond, &mac), 0);
	for (i = 0; i < n; i++) {
		const struct lacpdu_header *l =
			rte_pktmbuf_mtod(out[i], const struct lacpdu_header *);

		if (l->eth_hdr.ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_SLOW))
			continue;
		assert_int_equal(l->lacpdu.subtype, SLOW_SUBTYPE_LACP);
		assert_int_equal(l->lacpdu.version_number, 1);
		assert_int_equal(l->lacpdu.actor.info_length, 20);
		assert_int_equal(l->lacpdu.partner.info_length, 20);
		assert_int_equal(l->lacpdu.collector_info_length, 16);
		assert_true(rte_is_same_ether_addr(&l->lacpdu.actor.port_params.system, &mac));
		assert_int_not_equal(l->lacpdu.actor.state & STATE_LACP_ACTIVE, 0);
		assert_int_not_equal(l->lacpdu.actor.state & STATE_DEFAULTED, 0);
		lacpdus++;
	}
	free_all(out, n);
	assert_true(lacpdus >= 1);
	/* short, wrong version, wrong TLV lengths, wrong terminator: all dropped */
	partner_lacpdu(&h, STATE_LACP_ACTIVE | STATE_AGGREGATION);
	put_frame(p, &h, 40);
	h.lacpdu.version_number = 0;
	put_frame(p, &h, sizeof(h));
	partner_lacpdu(&h, STATE_LACP_ACTIVE | STATE_AGGREGATION);
	h.lacpdu.actor.info_length = 19;
	put_frame(p, &h, sizeof(h));
	partner_lacpdu(&h, STATE_LACP_ACTIVE | STATE_AGGREGATION);
	h.lacpdu.partner.info_length = 0xff;
	put_frame(p, &h, sizeof(h));
	partner_lacpdu(&h, STATE_LACP_ACTIVE | STATE_AGGREGATION);
	h.lacpdu.collector_info_length = 0;
	put_frame(p, &h, sizeof(h));
	partner_lacpdu(&h, STATE_LACP_ACTIVE | STATE_AGGREGATION);
	h.lacpdu.terminator_length = 3;
	put_frame(p, &h, sizeof(h));
	/* a bare slow protocol header, no body */
	put_frame(p, &h, sizeof(struct rte_ether_hdr) + 1);
	n = settle(bond, p, out, RTE_DIM(out), &app);
	free_all(out, n);
	assert_int_equal(app, 0);
	assert_int_equal(rte_eth_bond_8023ad_slave_info(bond, w.a[0], &info), 0);
	assert_int_not_equal(info.actor_state & STATE_DEFAULTED, 0);
	assert_int_equal(info.partner_state, 0);
	/* a valid one is recorded */
	partner_lacpdu(&h, STATE_LACP_ACTIVE | STATE_AGGREGATION);
	put_frame(p, &h, sizeof(h));
	n = settle(bond, p, out, RTE_DIM(out), &app);
	free_all(out, n);
	assert_int_equal(rte_eth_bond_8023ad_slave_info(bond, w.a[0], &info), 0);
	assert_int_equal(info.actor_state & STATE_DEFAULTED, 0);
	assert_int_equal(info.partner.port_number, rte_cpu_to_be_16(7));
	assert_int_equal(info.partner.key, rte_cpu_to_be_16(9));
	assert_int_equal(info.partner_state, STATE_LACP_ACTIVE | STATE_AGGREGATION);
	assert_int_equal(info.selected, SELECTED);
	/* marker information: answered once, as a response with the same transaction */
	memset(&mk, 0, sizeof(mk));
	mk.eth_hdr = h.eth_hdr;
	mk.marker.subtype = SLOW_SUBTYPE_MARKER;
	mk.marker.version_number = 1;
	mk.marker.tlv_type_marker = MARKER_TLV_TYPE_INFO;
	mk.marker.info_length = 16;
	mk.marker.requester_port = rte_cpu_to_be_16(7);
	mk.marker.requester_transaction_id = rte_cpu_to_be_32(0x1234);
	put_frame(p, &mk, sizeof(mk));
	/* a short marker: dropped */
	put_frame(p, &mk, 20);
	n = settle(bond, p, out, RTE_DIM(out), &app);
	for (i = 0; i < n; i++) {
		const struct marker_header *r =
			rte_pktmbuf_mtod(out[i], const struct marker_header *);

		if (r->marker.subtype != SLOW_SUBTYPE_MARKER)
			continue;
		assert_int_equal(r->marker.tlv_type_marker, MARKER_TLV_TYPE_RESP);
		assert_int_equal(r->marker.requester_transaction_id, rte_cpu_to_be_32(0x1234));
		answers++;
	}
	free_all(out, n);
	assert_int_equal(answers, 1);
	assert_int_equal(app, 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_4m"), 0);
	wire_down(&w);
}

/* LACP run by the application: frames to its callback, its LACPDUs sent, its states set. */
static unsigned int slowrx_calls;
static uint16_t slowrx_member;

static void
slowrx(uint16_t member, struct rte_mbuf *m)
{
	slowrx_member = member;
	__atomic_fetch_add(&slowrx_calls, 1, __ATOMIC_RELAXED);
	rte_pktmbuf_free(m);
}

static void
test_external_lacp(void **state)
{
	struct wire w;
	struct rte_eth_bond_8023ad_conf c;
	struct lacpdu_header h;
	struct rte_mbuf *out[64], *m;
	unsigned int app = 0, n, i, seen = 0;
	uint16_t bond, p;

	(void)state;
	wire_up(&w, "e", 1);
	bond = bond4("net_bonding_4e", w.a, 1);
	p = w.b[0];
	assert_int_equal(rte_eth_bond_8023ad_conf_get(bond, &c), 0);
	c.slowrx_cb = slowrx;
	assert_int_equal(rte_eth_bond_8023ad_setup(bond, &c), 0);
	test_port_up(bond, 1, pool);
	test_port_up(p, 1, pool);
	partner_lacpdu(&h, STATE_LACP_ACTIVE);
	put_frame(p, &h, sizeof(h));
	n = settle(bond, p, out, RTE_DIM(out), &app);
	/* the bond itself sends nothing */
	assert_int_equal(n, 0);
	assert_int_equal(__atomic_load_n(&slowrx_calls, __ATOMIC_RELAXED), 1);
	assert_int_equal(slowrx_member, w.a[0]);
	/* the application's LACPDU leaves with the next transmit */
	m = rte_pktmbuf_alloc(pool);
	assert_non_null(m);
	memcpy(rte_pktmbuf_append(m, sizeof(h)), &h, sizeof(h));
	assert_int_equal(rte_eth_bond_8023ad_ext_slowtx(bond, w.a[0], m), 0);
	n = settle(bond, p, out, RTE_DIM(out), &app);
	for (i = 0; i < n; i++)
		seen += rte_pktmbuf_mtod(out[i], struct lacpdu_header *)->lacpdu.subtype ==
			SLOW_SUBTYPE_LACP;
	free_all(out, n);
	assert_int_equal(seen, 1);
	/* not an LACPDU: refused, still the caller's */
	m = rte_pktmbuf_alloc(pool);
	assert_non_null(m);
	memset(rte_pktmbuf_append(m, sizeof(h)), 0, sizeof(h));
	assert_int_equal(rte_eth_bond_8023ad_ext_slowtx(bond, w.a[0], m), -EINVAL);
	rte_pktmbuf_free(m);
	/* nobody transmits: the member's queue of LACPDUs fills up, then refuses */
	for (i = 0; i < 100; i++) {
		int r;

		m = rte_pktmbuf_alloc(pool);
		assert_non_null(m);
		memcpy(rte_pktmbuf_append(m, sizeof(h)), &h, sizeof(h));
		r = rte_eth_bond_8023ad_ext_slowtx(bond, w.a[0], m);
		if (r != 0) {
			assert_int_equal(r, -ENOBUFS);
			rte_pktmbuf_free(m);
			break;
		}
	}
	assert_true(i > 0 && i < 100);
	/* the application decides when the member works */
	assert_int_equal(rte_eth_bond_8023ad_ext_collect_get(bond, w.a[0]), 0);
	assert_int_equal(nb_active(bond), 0);
	assert_int_equal(rte_eth_bond_8023ad_ext_collect(bond, w.a[0], 1), 0);
	assert_int_equal(rte_eth_bond_8023ad_ext_distrib(bond, w.a[0], 1), 0);
	assert_int_equal(rte_eth_bond_8023ad_ext_collect_get(bond, w.a[0]), 1);
	assert_int_equal(rte_eth_bond_8023ad_ext_distrib_get(bond, w.a[0]), 1);
	assert_int_equal(nb_active(bond), 1);
	assert_int_equal(rte_eth_bond_8023ad_ext_distrib(bond, w.a[0], 0), 0);
	assert_int_equal(nb_active(bond), 0);
	assert_int_equal(rte_eth_bond_8023ad_ext_distrib(bond, p, 1), -EINVAL);
	assert_int_equal(rte_eth_bond_free("net_bonding_4e"), 0);
	wire_down(&w);
}

/* Two partners: AGG_COUNT picks the one reached by more members, the other waits. */
static void
test_agg_selection(void **state)
{
	struct wire w;
	struct rte_eth_bond_8023ad_slave_info info;
	uint16_t bonds[2], c, mine[3];
	unsigned int app = 0;
	uint64_t start;

	(void)state;
	wire_up(&w, "s", 3);
	mine[0] = w.a[0];
	mine[1] = w.a[1];
	mine[2] = w.a[2];
	bonds[0] = bond4("net_bonding_4s", mine, 3);
	bonds[1] = bond4("net_bonding_4t", w.b, 2);
	c = bond4("net_bonding_4u", &w.b[2], 1);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_set(bonds[0], AGG_COUNT), 0);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_get(bonds[0]), AGG_COUNT);
	test_port_up(bonds[0], 1, pool);
	test_port_up(bonds[1], 1, pool);
	test_port_up(c, 1, pool);
	start = ms_now();
	while (ms_now() - start < 10000 && nb_active(bonds[0]) != 2) {
		app += pump(bonds, 2, 1, NULL);
		app += pump(&c, 1, 1, NULL);
		usleep(5 * 1000);
	}
	pump_for(bonds, 500, NULL);
	assert_int_equal(nb_active(bonds[0]), 2);
	assert_true(distributing(bonds[0], w.a[0]));
	assert_true(distributing(bonds[0], w.a[1]));
	assert_int_equal(rte_eth_bond_8023ad_slave_info(bonds[0], w.a[2], &info), 0);
	assert_int_equal(info.selected, STANDBY);
	assert_int_equal(info.actor_state & STATE_DISTRIBUTING, 0);
	assert_int_equal(info.agg_port_id, w.a[2]);
	assert_int_equal(app, 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_4s"), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_4t"), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_4u"), 0);
	wire_down(&w);
}

static void
test_api_errors(void **state)
{
	struct rte_eth_bond_8023ad_conf c, d;
	struct rte_eth_bond_8023ad_slave_info info;
	uint16_t r = 0, bond0, bond4p;
	struct rte_mbuf *m;
	int b;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_ring_4x", &r), 0);
	b = rte_eth_bond_create("net_bonding_4x", BONDING_MODE_ROUND_ROBIN, 0);
	assert_true(b >= 0);
	bond0 = (uint16_t)b;
	/* not a bond */
	assert_int_equal(rte_eth_bond_8023ad_conf_get(r, &c), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_setup(r, NULL), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_get(RTE_MAX_ETHPORTS), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_conf_get(bond0, NULL), -EINVAL);
	/* a bond of another mode */
	assert_int_equal(rte_eth_bond_slave_add(bond0, r), 0);
	assert_int_equal(rte_eth_bond_8023ad_slave_info(bond0, r, &info), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_set(bond0, AGG_COUNT), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_get(bond0), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_dedicated_queues_enable(bond0), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_ext_collect(bond0, r, 1), -EINVAL);
	/* the configuration is any bond's; defaults are the standard's times */
	assert_int_equal(rte_eth_bond_8023ad_conf_get(bond0, &c), 0);
	assert_int_equal(c.fast_periodic_ms, 1000);
	assert_int_equal(c.long_timeout_ms, 90000);
	assert_int_equal(c.agg_selection, AGG_STABLE);
	fast_conf(&d);
	assert_int_equal(rte_eth_bond_8023ad_setup(bond0, &d), 0);
	assert_int_equal(rte_eth_bond_8023ad_conf_get(bond0, &c), 0);
	assert_int_equal(c.fast_periodic_ms, 200);
	/* bad timers: refused, nothing changed */
	fast_conf(&d);
	d.tx_period_ms = 0;
	assert_int_equal(rte_eth_bond_8023ad_setup(bond0, &d), -EINVAL);
	fast_conf(&d);
	d.slow_periodic_ms = d.fast_periodic_ms;
	assert_int_equal(rte_eth_bond_8023ad_setup(bond0, &d), -EINVAL);
	fast_conf(&d);
	d.short_timeout_ms = d.fast_periodic_ms;
	assert_int_equal(rte_eth_bond_8023ad_setup(bond0, &d), -EINVAL);
	fast_conf(&d);
	d.long_timeout_ms = d.short_timeout_ms;
	assert_int_equal(rte_eth_bond_8023ad_setup(bond0, &d), -EINVAL);
	fast_conf(&d);
	d.long_timeout_ms = d.slow_periodic_ms * 2 - 1;
	assert_int_equal(rte_eth_bond_8023ad_setup(bond0, &d), -EINVAL);
	fast_conf(&d);
	d.update_timeout_ms = d.fast_periodic_ms + 1;
	assert_int_equal(rte_eth_bond_8023ad_setup(bond0, &d), -EINVAL);
	fast_conf(&d);
	d.agg_selection = (enum rte_bond_8023ad_agg_selection)3;
	assert_int_equal(rte_eth_bond_8023ad_setup(bond0, &d), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_conf_get(bond0, &c), 0);
	assert_int_equal(c.fast_periodic_ms, 200);
	assert_int_equal(rte_eth_bond_8023ad_setup(bond0, NULL), 0);
	assert_int_equal(rte_eth_bond_8023ad_conf_get(bond0, &c), 0);
	assert_int_equal(c.fast_periodic_ms, 1000);
	/* mode 4 */
	assert_int_equal(rte_eth_bond_mode_set(bond0, BONDING_MODE_8023AD), 0);
	bond4p = bond0;
	assert_int_equal(rte_eth_bond_8023ad_slave_info(bond4p, r, &info), 0);
	assert_int_equal(info.selected, UNSELECTED);
	assert_int_equal(rte_eth_bond_8023ad_slave_info(bond4p, bond4p, &info), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_slave_info(bond4p, RTE_MAX_ETHPORTS, &info),
			-EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_slave_info(bond4p, r, NULL), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_set(bond4p,
			(enum rte_bond_8023ad_agg_selection)3), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_get(bond4p), AGG_STABLE);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_set(bond4p, AGG_BANDWIDTH), 0);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_get(bond4p), AGG_BANDWIDTH);
	/* the bond runs LACP: the ext calls are not for it */
	assert_int_equal(rte_eth_bond_8023ad_ext_collect(bond4p, r, 1), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_ext_distrib_get(bond4p, r), -EINVAL);
	m = rte_pktmbuf_alloc(pool);
	assert_non_null(m);
	assert_int_equal(rte_eth_bond_8023ad_ext_slowtx(bond4p, r, m), -EINVAL);
	assert_int_equal(rte_eth_bond_8023ad_ext_slowtx(bond4p, r, NULL), -EINVAL);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_eth_bond_8023ad_dedicated_queues_enable(bond4p), 0);
	assert_int_equal(rte_eth_bond_8023ad_dedicated_queues_disable(bond4p), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_4x"), 0);
	port_gone(r);
}

/* agg_mode devargs set the selection, member= names members as slave= does; bad values are
 * refused. */
static void
test_devargs(void **state)
{
	uint16_t bond;

	(void)state;
	assert_int_equal(rte_vdev_init("net_bonding_4v", "mode=4,agg_mode=count"), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_bonding_4v", &bond), 0);
	assert_int_equal(rte_eth_bond_mode_get(bond), BONDING_MODE_8023AD);
	assert_int_equal(rte_eth_bond_8023ad_agg_selection_get(bond), AGG_COUNT);
	assert_int_equal(rte_eth_bond_free("net_bonding_4v"), 0);
	assert_true(rte_vdev_init("net_bonding_4w", "mode=4,agg_mode=most") < 0);
	assert_true(rte_vdev_init("net_bonding_4w", "mode=4,member=") < 0);
	assert_true(rte_vdev_init("net_bonding_4w", "mode=4,member=net_ring_4nosuch") == 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_bonding_4w", &bond), 0);
	/* members are looked up at the first configure */
	{
		struct rte_eth_conf conf;

		memset(&conf, 0, sizeof(conf));
		assert_int_not_equal(rte_eth_dev_configure(bond, 1, 1, &conf), 0);
	}
	assert_int_equal(rte_eth_bond_free("net_bonding_4w"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_errors),
		cmocka_unit_test(test_devargs),
		cmocka_unit_test(test_negotiate_and_forward),
		cmocka_unit_test(test_dedicated_queues),
		cmocka_unit_test(test_malformed_and_marker),
		cmocka_unit_test(test_external_lacp),
		cmocka_unit_test(test_agg_selection),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
