/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_bonding over net_ring members (loopback: what a member sends comes back on its receive
 * queue) and net_null members: the API and its errors, devargs, each mode's distribution,
 * link loss and members removed under traffic.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <inttypes.h>

#include <rte_launch.h>

#include <rte_arp.h>
#include <rte_bus_vdev.h>
#include <rte_dev.h>
#include <rte_ip.h>
#include <rte_udp.h>
#include <ethdev_driver.h>
#include <rte_eth_bond.h>

static struct rte_mempool *pool;

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_pmd_bonding", "-l", "0-1", 8191, 0);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

/* A net_ring port called name (loopback). */
static uint16_t
ring_port(const char *name)
{
	uint16_t port;

	assert_int_equal(rte_eth_dev_attach(name, &port), 0);
	return port;
}

/* Close and detach a port that is not in a bond any more. */
static void
port_drop(uint16_t port)
{
	char devname[RTE_DEV_NAME_MAX_LEN];

	rte_eth_dev_stop(port);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
}

static uint64_t
opackets(uint16_t port)
{
	struct rte_eth_stats st;

	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	return st.opackets;
}

static uint16_t
nb_active(uint16_t bond)
{
	uint16_t s[RTE_MAX_ETHPORTS];
	int n = rte_eth_bond_active_slaves_get(bond, s, RTE_DIM(s));

	assert_true(n >= 0);
	return (uint16_t)n;
}

/* n UDP/IPv4 packets of one flow: source MAC byte 5 = smac, UDP source port sport. */
static void
fill_flow(struct rte_mbuf **m, unsigned int n, uint8_t smac, uint16_t sport)
{
	unsigned int i;

	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, m, n), 0);
	for (i = 0; i < n; i++) {
		struct rte_ether_hdr *eh = (struct rte_ether_hdr *)rte_pktmbuf_append(m[i], 64);
		struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eh + 1);
		struct rte_udp_hdr *udp = (struct rte_udp_hdr *)(ip + 1);

		assert_non_null(eh);
		memset(eh, 0, 64);
		eh->dst_addr.addr_bytes[0] = 0x02;
		eh->dst_addr.addr_bytes[5] = 0x01;
		eh->src_addr.addr_bytes[0] = 0x02;
		eh->src_addr.addr_bytes[5] = smac;
		eh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
		ip->version_ihl = 0x45;
		ip->next_proto_id = IPPROTO_UDP;
		ip->src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
		ip->dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 2));
		udp->src_port = rte_cpu_to_be_16(sport);
		udp->dst_port = rte_cpu_to_be_16(53);
	}
}

/* Send n packets of one flow on the bond; all must be taken. */
static void
send_flow(uint16_t bond, unsigned int n, uint8_t smac, uint16_t sport)
{
	struct rte_mbuf *m[64];

	assert_true(n <= RTE_DIM(m));
	fill_flow(m, n, smac, sport);
	assert_int_equal(rte_eth_tx_burst(bond, 0, m, (uint16_t)n), n);
}

/* Receive everything the bond has (ring members loop back what they sent). */
static unsigned int
drain(uint16_t bond)
{
	struct rte_mbuf *m[32];
	unsigned int total = 0;
	uint16_t n;

	do {
		n = rte_eth_rx_burst(bond, 0, m, RTE_DIM(m));
		rte_pktmbuf_free_bulk(m, n);
		total += n;
	} while (n > 0);
	return total;
}

/* A bond in mode with ring members r0, r1 (names), configured with 1 queue and started. */
static uint16_t
bond_up(const char *name, uint8_t mode, uint16_t *members, unsigned int nb)
{
	int bond = rte_eth_bond_create(name, mode, 0);
	unsigned int i;

	assert_true(bond >= 0);
	for (i = 0; i < nb; i++)
		assert_int_equal(rte_eth_bond_slave_add((uint16_t)bond, members[i]), 0);
	test_port_up((uint16_t)bond, 1, pool);
	return (uint16_t)bond;
}

static void
bond_down(const char *name, uint16_t *members, unsigned int nb)
{
	unsigned int i;

	assert_int_equal(rte_eth_bond_free(name), 0);
	for (i = 0; i < nb; i++)
		port_drop(members[i]);
}

static void
test_create_free(void **state)
{
	uint16_t count = rte_eth_dev_count_total();
	int bond;

	(void)state;
	bond = rte_eth_bond_create("net_bonding_c0", BONDING_MODE_ACTIVE_BACKUP, 0);
	assert_true(bond >= 0);
	assert_int_equal(rte_eth_bond_mode_get((uint16_t)bond), BONDING_MODE_ACTIVE_BACKUP);
	assert_int_equal(rte_eth_bond_xmit_policy_get((uint16_t)bond), BALANCE_XMIT_POLICY_LAYER2);
	/* errors: nothing is created */
	assert_true(rte_eth_bond_create("net_bonding_c0", 0, 0) < 0);
	assert_int_equal(rte_eth_bond_create("bond_c1", 0, 0), -EINVAL);
	assert_int_equal(rte_eth_bond_create(NULL, 0, 0), -EINVAL);
	assert_int_equal(rte_eth_bond_create("net_bonding_c1", 7, 0), -EINVAL);
	assert_int_equal(rte_eth_bond_create("net_bonding_c1", 0, RTE_MAX_NUMA_NODES), -EINVAL);
	assert_int_equal(rte_eth_dev_count_total(), count + 1);
	assert_int_equal(rte_eth_bond_free("net_bonding_c0"), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_c0"), -ENODEV);
	assert_int_equal(rte_eth_bond_free(NULL), -ENODEV);
	assert_int_equal(rte_eth_dev_count_total(), count);
	/* a port that is not a bond */
	assert_int_equal(rte_eth_bond_mode_get(RTE_MAX_ETHPORTS - 1), -1);
	assert_int_equal(rte_eth_bond_xmit_policy_get(RTE_MAX_ETHPORTS - 1), -1);
	assert_int_equal(rte_eth_bond_primary_get(RTE_MAX_ETHPORTS - 1), -1);
	assert_int_equal(rte_eth_bond_mode_set(RTE_MAX_ETHPORTS - 1, 0), -1);
	assert_int_equal(rte_eth_bond_slave_add(RTE_MAX_ETHPORTS - 1, 0), -1);
	assert_int_equal(rte_eth_bond_slave_remove(RTE_MAX_ETHPORTS - 1, 0), -1);
	assert_int_equal(rte_eth_bond_xmit_policy_set(RTE_MAX_ETHPORTS - 1, 0), -1);
	assert_int_equal(rte_eth_bond_link_monitoring_set(RTE_MAX_ETHPORTS - 1, 5), -1);
	assert_int_equal(rte_eth_bond_mac_address_reset(RTE_MAX_ETHPORTS - 1), -1);
}

static void
test_members(void **state)
{
	uint16_t r0 = ring_port("net_ring_hbm0"), r1 = ring_port("net_ring_hbm1"), s[4], p;
	int bond = rte_eth_bond_create("net_bonding_m0", BONDING_MODE_ROUND_ROBIN, 0);
	int other = rte_eth_bond_create("net_bonding_m1", BONDING_MODE_ROUND_ROBIN, 0);
	struct rte_ether_addr mac0, mac1, m;
	struct rte_eth_dev_owner owner;
	unsigned int listed = 0;

	(void)state;
	assert_true(bond >= 0 && other >= 0);
	assert_int_equal(rte_eth_macaddr_get(r0, &mac0), 0);
	assert_int_equal(rte_eth_macaddr_get(r1, &mac1), 0);
	assert_int_equal(rte_eth_bond_primary_get((uint16_t)bond), -1);
	assert_int_equal(rte_eth_bond_slaves_get((uint16_t)bond, s, 4), 0);
	/* refused: no such port, the bond itself, twice, in another bond */
	assert_int_equal(rte_eth_bond_slave_add((uint16_t)bond, RTE_MAX_ETHPORTS - 1), -1);
	assert_int_equal(rte_eth_bond_slave_add((uint16_t)bond, (uint16_t)bond), -1);
	assert_int_equal(rte_eth_bond_slave_add((uint16_t)bond, r0), 0);
	assert_int_equal(rte_eth_bond_slave_add((uint16_t)bond, r0), -1);
	assert_int_equal(rte_eth_bond_slave_add((uint16_t)other, r0), -1);
	assert_int_equal(rte_eth_bond_slave_add((uint16_t)bond, r1), 0);
	assert_int_equal(rte_eth_bond_slaves_get((uint16_t)bond, s, 4), 2);
	assert_int_equal(s[0], r0);
	assert_int_equal(s[1], r1);
	assert_int_equal(rte_eth_bond_slaves_get((uint16_t)bond, s, 1), -1);
	assert_int_equal(rte_eth_bond_slaves_get((uint16_t)bond, NULL, 4), -1);
	assert_int_equal(rte_eth_bond_active_slaves_get((uint16_t)bond, NULL, 4), -1);
	/* not started: nothing active */
	assert_int_equal(nb_active((uint16_t)bond), 0);
	/* owned by the bond: applications do not see the members */
	assert_int_equal(rte_eth_dev_owner_get(r0, &owner), 0);
	assert_int_not_equal(owner.id, RTE_ETH_DEV_NO_OWNER);
	assert_string_equal(owner.name, "net_bonding_m0");
	RTE_ETH_FOREACH_DEV(p)
		listed += p == r0 || p == r1;
	assert_int_equal(listed, 0);
	/* the first member is primary and gives its address; round-robin members take it */
	assert_int_equal(rte_eth_bond_primary_get((uint16_t)bond), r0);
	assert_int_equal(rte_eth_macaddr_get((uint16_t)bond, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mac0));
	assert_int_equal(rte_eth_macaddr_get(r1, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mac0));
	/* primary */
	assert_int_equal(rte_eth_bond_primary_set((uint16_t)bond, (uint16_t)other), -1);
	assert_int_equal(rte_eth_bond_primary_set((uint16_t)bond, r1), 0);
	assert_int_equal(rte_eth_bond_primary_get((uint16_t)bond), r1);
	assert_int_equal(rte_eth_macaddr_get((uint16_t)bond, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mac1));
	/* removal: address and ownership given back */
	assert_int_equal(rte_eth_bond_slave_remove((uint16_t)bond, (uint16_t)other), -1);
	assert_int_equal(rte_eth_bond_slave_remove((uint16_t)bond, r1), 0);
	assert_int_equal(rte_eth_bond_slave_remove((uint16_t)bond, r1), -1);
	assert_int_equal(rte_eth_bond_primary_get((uint16_t)bond), r0);
	assert_int_equal(rte_eth_macaddr_get(r1, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mac1));
	assert_int_equal(rte_eth_dev_owner_get(r1, &owner), 0);
	assert_int_equal(owner.id, RTE_ETH_DEV_NO_OWNER);
	/* a port someone else owns is refused, and stays theirs */
	{
		struct rte_eth_dev_owner app = { .name = "app" };

		assert_int_equal(rte_eth_dev_owner_new(&app.id), 0);
		assert_int_equal(rte_eth_dev_owner_set(r1, &app), 0);
		assert_int_equal(rte_eth_bond_slave_add((uint16_t)other, r1), -1);
		assert_int_equal(rte_eth_dev_owner_get(r1, &owner), 0);
		assert_int_equal(owner.id, app.id);
		assert_int_equal(rte_eth_dev_owner_unset(r1, app.id), 0);
		assert_int_equal(rte_eth_dev_owner_delete(app.id), 0);
	}
	/* now free for the other bond */
	assert_int_equal(rte_eth_bond_slave_add((uint16_t)other, r1), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_m1"), 0);
	assert_int_equal(rte_eth_dev_owner_get(r1, &owner), 0);
	assert_int_equal(owner.id, RTE_ETH_DEV_NO_OWNER);
	/* freeing the bond releases the members it still has */
	assert_int_equal(rte_eth_bond_free("net_bonding_m0"), 0);
	assert_int_equal(rte_eth_dev_owner_get(r0, &owner), 0);
	assert_int_equal(owner.id, RTE_ETH_DEV_NO_OWNER);
	assert_int_equal(rte_eth_macaddr_get(r0, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mac0));
	port_drop(r0);
	port_drop(r1);
}

static void
test_settings(void **state)
{
	uint16_t r0 = ring_port("net_ring_hbs0"), r1 = ring_port("net_ring_hbs1");
	int bond = rte_eth_bond_create("net_bonding_s0", BONDING_MODE_ROUND_ROBIN, 0);
	struct rte_ether_addr mine = { .addr_bytes = { 0x02, 0, 0, 0, 0xbb, 0x01 } };
	struct rte_ether_addr zero = { .addr_bytes = { 0 } };
	struct rte_ether_addr mac0, m;

	(void)state;
	assert_true(bond >= 0);
	assert_int_equal(rte_eth_macaddr_get(r0, &mac0), 0);
	assert_int_equal(rte_eth_bond_slave_add((uint16_t)bond, r0), 0);
	assert_int_equal(rte_eth_bond_slave_add((uint16_t)bond, r1), 0);
	/* mode */
	assert_int_equal(rte_eth_bond_mode_set((uint16_t)bond, 7), -1);
	assert_int_equal(rte_eth_bond_mode_get((uint16_t)bond), BONDING_MODE_ROUND_ROBIN);
	assert_int_equal(rte_eth_bond_mode_set((uint16_t)bond, BONDING_MODE_8023AD), 0);
	assert_int_equal(rte_eth_bond_mode_get((uint16_t)bond), BONDING_MODE_8023AD);
	assert_int_equal(rte_eth_bond_mode_set((uint16_t)bond, BONDING_MODE_BALANCE), 0);
	assert_int_equal(rte_eth_bond_mode_get((uint16_t)bond), BONDING_MODE_BALANCE);
	/* xmit policy */
	assert_int_equal(rte_eth_bond_xmit_policy_set((uint16_t)bond, 3), -1);
	assert_int_equal(rte_eth_bond_xmit_policy_get((uint16_t)bond), BALANCE_XMIT_POLICY_LAYER2);
	assert_int_equal(rte_eth_bond_xmit_policy_set((uint16_t)bond,
			BALANCE_XMIT_POLICY_LAYER34), 0);
	assert_int_equal(rte_eth_bond_xmit_policy_get((uint16_t)bond),
			BALANCE_XMIT_POLICY_LAYER34);
	/* link monitoring period */
	assert_int_equal(rte_eth_bond_link_monitoring_set((uint16_t)bond, 50), 0);
	/* MAC: the application's, on every member, until reset */
	assert_int_equal(rte_eth_bond_mac_address_set((uint16_t)bond, NULL), -1);
	assert_int_equal(rte_eth_bond_mac_address_set((uint16_t)bond, &zero), -1);
	assert_int_equal(rte_eth_bond_mac_address_set((uint16_t)bond, &mine), 0);
	assert_int_equal(rte_eth_macaddr_get((uint16_t)bond, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mine));
	assert_int_equal(rte_eth_macaddr_get(r1, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mine));
	assert_int_equal(rte_eth_bond_mac_address_reset((uint16_t)bond), 0);
	assert_int_equal(rte_eth_macaddr_get((uint16_t)bond, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mac0));
	assert_int_equal(rte_eth_macaddr_get(r1, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mac0));
	/* active-backup: only the primary carries the bond's address */
	assert_int_equal(rte_eth_bond_mode_set((uint16_t)bond, BONDING_MODE_ACTIVE_BACKUP), 0);
	assert_int_equal(rte_eth_macaddr_get(r1, &m), 0);
	assert_false(rte_is_same_ether_addr(&m, &mac0));
	bond_down("net_bonding_s0", (uint16_t[]){ r0, r1 }, 2);
}

static void
test_devargs(void **state)
{
	static const char *const bad[] = {
		"mode=9", "mode=x", "xmit_policy=l5", "mac=zz:00:00:00:00:01",
		"slave=", "up_delay=-1", "down_delay=abc", "lsc_poll_period_ms=1x", "socket_id=999",
		"colour=blue", "primary=net_ring_hbd0", "mode=1,mode=2", "agg_mode=best",
	};
	uint16_t r0 = ring_port("net_ring_hbd0"), r1 = ring_port("net_ring_hbd1"), bond, s[4];
	uint16_t count = rte_eth_dev_count_total();
	struct rte_ether_addr m, want = { .addr_bytes = { 0x02, 0, 0, 0, 0xdd, 0x01 } };
	struct rte_eth_conf conf;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad); i++) {
		assert_int_not_equal(rte_vdev_init("net_bonding_d1", bad[i]), 0);
		assert_int_equal(rte_eth_dev_count_total(), count);
	}
	/* members by name and by port id, resolved at configure */
	{
		char args[256];

		snprintf(args, sizeof(args), "mode=2,slave=net_ring_hbd0,slave=%u,"
				"primary=net_ring_hbd1,xmit_policy=l23,mac=02:00:00:00:dd:01,"
				"lsc_poll_period_ms=20,up_delay=0,down_delay=0", r1);
		assert_int_equal(rte_vdev_init("net_bonding_d0", args), 0);
	}
	assert_int_equal(rte_eth_dev_get_port_by_name("net_bonding_d0", &bond), 0);
	assert_int_equal(rte_eth_bond_mode_get(bond), BONDING_MODE_BALANCE);
	assert_int_equal(rte_eth_bond_xmit_policy_get(bond), BALANCE_XMIT_POLICY_LAYER23);
	assert_int_equal(rte_eth_bond_slaves_get(bond, s, 4), 0);
	memset(&conf, 0, sizeof(conf));
	assert_int_equal(rte_eth_dev_configure(bond, 1, 1, &conf), 0);
	assert_int_equal(rte_eth_bond_slaves_get(bond, s, 4), 2);
	assert_int_equal(s[0], r0);
	assert_int_equal(s[1], r1);
	assert_int_equal(rte_eth_bond_primary_get(bond), r1);
	assert_int_equal(rte_eth_macaddr_get(bond, &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &want));
	assert_int_equal(rte_eth_bond_free("net_bonding_d0"), 0);
	/* a primary that is not one of the slaves: refused at configure */
	{
		char args[128];

		snprintf(args, sizeof(args), "slave=%u,primary=%u", r0, r1);
		assert_int_equal(rte_vdev_init("net_bonding_d3", args), 0);
	}
	assert_int_equal(rte_eth_dev_get_port_by_name("net_bonding_d3", &bond), 0);
	assert_int_not_equal(rte_eth_dev_configure(bond, 1, 1, &conf), 0);
	/* the slave it named is not kept */
	assert_int_equal(rte_eth_bond_slaves_get(bond, s, 4), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_d3"), 0);
	/* a member that does not exist: refused at configure */
	assert_int_equal(rte_vdev_init("net_bonding_d2",
			"slave=net_ring_hbd0,slave=net_ring_nothere"), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_bonding_d2", &bond), 0);
	assert_int_not_equal(rte_eth_dev_configure(bond, 1, 1, &conf), 0);
	assert_int_equal(rte_eth_bond_slaves_get(bond, s, 4), 0);
	assert_int_equal(rte_eth_bond_free("net_bonding_d2"), 0);
	port_drop(r0);
	port_drop(r1);
}

static void
test_round_robin(void **state)
{
	uint16_t r[3] = { ring_port("net_ring_hbr0"), ring_port("net_ring_hbr1"),
		ring_port("net_ring_hbr2") };
	uint16_t bond = bond_up("net_bonding_r0", BONDING_MODE_ROUND_ROBIN, r, 3);
	struct rte_eth_stats st;
	unsigned int i;

	(void)state;
	assert_int_equal(nb_active(bond), 3);
	for (i = 0; i < 4; i++)
		send_flow(bond, 30, 1, 1000);
	for (i = 0; i < 3; i++)
		assert_int_equal(opackets(r[i]), 40);
	/* the ring members loop back: the bond receives from all of them */
	assert_int_equal(drain(bond), 120);
	assert_int_equal(rte_eth_stats_get(bond, &st), 0);
	assert_int_equal(st.opackets, 120);
	assert_int_equal(st.ipackets, 120);
	assert_int_equal(rte_eth_stats_reset(bond), 0);
	assert_int_equal(opackets(r[0]), 0);
	{
		uint16_t s[3];

		assert_int_equal(rte_eth_bond_active_slaves_get(bond, s, 2), -1);
		assert_int_equal(rte_eth_bond_active_slaves_get(bond, s, 3), 3);
	}
	/* only a bond can be freed as one */
	assert_int_equal(rte_eth_bond_free("net_ring_hbr0"), -ENODEV);
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	for (i = 0; i < 3; i++)
		port_drop(r[i]);
}

static void
test_active_backup(void **state)
{
	uint16_t r[2] = { ring_port("net_ring_hba0"), ring_port("net_ring_hba1") };
	uint16_t bond = bond_up("net_bonding_a0", BONDING_MODE_ACTIVE_BACKUP, r, 2);
	struct rte_ether_addr mac0, m;

	(void)state;
	assert_int_equal(rte_eth_macaddr_get(bond, &mac0), 0);
	assert_int_equal(rte_eth_bond_primary_get(bond), r[0]);
	send_flow(bond, 20, 1, 1);
	assert_int_equal(opackets(r[0]), 20);
	assert_int_equal(opackets(r[1]), 0);
	assert_int_equal(drain(bond), 20);
	/* the primary's link goes down and it says so: the backup takes over, with the address */
	assert_int_equal(rte_eth_dev_set_link_down(r[0]), 0);
	rte_eth_dev_callback_process(&rte_eth_devices[r[0]], RTE_ETH_EVENT_INTR_LSC, NULL);
	assert_int_equal(nb_active(bond), 1);
	assert_int_equal(rte_eth_bond_primary_get(bond), r[1]);
	assert_int_equal(rte_eth_macaddr_get(r[1], &m), 0);
	assert_true(rte_is_same_ether_addr(&m, &mac0));
	send_flow(bond, 10, 1, 1);
	assert_int_equal(opackets(r[0]), 20);
	assert_int_equal(opackets(r[1]), 10);
	assert_int_equal(drain(bond), 10);
	/* back up: the chosen primary works again */
	assert_int_equal(rte_eth_dev_set_link_up(r[0]), 0);
	rte_eth_dev_callback_process(&rte_eth_devices[r[0]], RTE_ETH_EVENT_INTR_LSC, NULL);
	assert_int_equal(nb_active(bond), 2);
	assert_int_equal(rte_eth_bond_primary_get(bond), r[0]);
	send_flow(bond, 5, 1, 1);
	assert_int_equal(opackets(r[0]), 25);
	/* the primary is removed from the bond: the other one carries on */
	assert_int_equal(rte_eth_bond_slave_remove(bond, r[0]), 0);
	assert_int_equal(rte_eth_bond_primary_get(bond), r[1]);
	send_flow(bond, 5, 1, 1);
	assert_int_equal(opackets(r[1]), 15);
	/* the 5 still queued on the member that left are not the bond's any more */
	assert_int_equal(drain(bond), 5);
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(r[0]);
	port_drop(r[1]);
}

static void
test_balance(void **state)
{
	uint16_t r[2] = { ring_port("net_ring_hbb0"), ring_port("net_ring_hbb1") };
	uint16_t bond = bond_up("net_bonding_b0", BONDING_MODE_BALANCE, r, 2);
	unsigned int f, used[2] = { 0, 0 };
	uint64_t before[2], d0, d1;

	(void)state;
	/* L2: each source MAC stays on one member, and the flows spread over both */
	for (f = 0; f < 16; f++) {
		before[0] = opackets(r[0]);
		before[1] = opackets(r[1]);
		send_flow(bond, 8, (uint8_t)f, 1000);
		d0 = opackets(r[0]) - before[0];
		d1 = opackets(r[1]) - before[1];
		assert_true((d0 == 8 && d1 == 0) || (d0 == 0 && d1 == 8));
		used[d1 == 8]++;
	}
	assert_true(used[0] > 0 && used[1] > 0);
	drain(bond);
	/* L23: same addresses, other UDP ports: one member only */
	assert_int_equal(rte_eth_bond_xmit_policy_set(bond, BALANCE_XMIT_POLICY_LAYER23), 0);
	before[0] = opackets(r[0]);
	for (f = 0; f < 16; f++)
		send_flow(bond, 4, 1, (uint16_t)(1000 + f));
	d0 = opackets(r[0]) - before[0];
	assert_true(d0 == 0 || d0 == 64);
	drain(bond);
	/* L34: the UDP ports spread the flows, each on one member */
	assert_int_equal(rte_eth_bond_xmit_policy_set(bond, BALANCE_XMIT_POLICY_LAYER34), 0);
	used[0] = used[1] = 0;
	for (f = 0; f < 16; f++) {
		before[0] = opackets(r[0]);
		before[1] = opackets(r[1]);
		send_flow(bond, 8, 1, (uint16_t)(1000 + f));
		d0 = opackets(r[0]) - before[0];
		d1 = opackets(r[1]) - before[1];
		assert_true((d0 == 8 && d1 == 0) || (d0 == 0 && d1 == 8));
		used[d1 == 8]++;
	}
	assert_true(used[0] > 0 && used[1] > 0);
	drain(bond);
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(r[0]);
	port_drop(r[1]);
}

static void
test_broadcast(void **state)
{
	uint16_t r[2] = { ring_port("net_ring_hbc0"), ring_port("net_ring_hbc1") };
	unsigned int avail = rte_mempool_avail_count(pool);
	uint16_t bond = bond_up("net_bonding_bc0", BONDING_MODE_BROADCAST, r, 2);

	(void)state;
	send_flow(bond, 10, 1, 1);
	assert_int_equal(opackets(r[0]), 10);
	assert_int_equal(opackets(r[1]), 10);
	/* each copy comes back: twice as many received */
	assert_int_equal(drain(bond), 20);
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(r[0]);
	port_drop(r[1]);
	/* every reference was dropped */
	assert_int_equal(rte_mempool_avail_count(pool), avail);
}

static void
test_tlb(void **state)
{
	uint16_t r[2] = { ring_port("net_ring_hbt0"), ring_port("net_ring_hbt1") };
	uint16_t bond = bond_up("net_bonding_t0", BONDING_MODE_TLB, r, 2);

	(void)state;
	send_flow(bond, 40, 1, 1);
	/* same-size packets: the load is shared evenly */
	assert_int_equal(opackets(r[0]), 20);
	assert_int_equal(opackets(r[1]), 20);
	/* only the primary receives */
	assert_int_equal(drain(bond), 20);
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(r[0]);
	port_drop(r[1]);
}

/* ARP requests from the bond's address to client 10.0.1.<client>. */
static void
send_arp(uint16_t bond, unsigned int n, uint8_t client)
{
	struct rte_ether_addr mac;
	struct rte_mbuf *m[8];
	unsigned int i;

	assert_true(n <= RTE_DIM(m));
	assert_int_equal(rte_eth_macaddr_get(bond, &mac), 0);
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, m, n), 0);
	for (i = 0; i < n; i++) {
		struct rte_ether_hdr *eh = (struct rte_ether_hdr *)rte_pktmbuf_append(m[i],
				sizeof(*eh) + sizeof(struct rte_arp_hdr));
		struct rte_arp_hdr *arp = (struct rte_arp_hdr *)(eh + 1);

		assert_non_null(eh);
		memset(eh, 0, sizeof(*eh) + sizeof(*arp));
		memset(&eh->dst_addr, 0xff, sizeof(eh->dst_addr));
		eh->src_addr = mac;
		eh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_ARP);
		arp->arp_hardware = rte_cpu_to_be_16(RTE_ARP_HRD_ETHER);
		arp->arp_protocol = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
		arp->arp_hlen = RTE_ETHER_ADDR_LEN;
		arp->arp_plen = 4;
		arp->arp_opcode = rte_cpu_to_be_16(RTE_ARP_OP_REQUEST);
		arp->arp_data.arp_sha = mac;
		arp->arp_data.arp_sip = rte_cpu_to_be_32(RTE_IPV4(10, 0, 1, 1));
		arp->arp_data.arp_tip = rte_cpu_to_be_32(RTE_IPV4(10, 0, 1, client));
	}
	assert_int_equal(rte_eth_tx_burst(bond, 0, m, (uint16_t)n), n);
}

/* ALB: each ARP client has its member, clients alternate, ARP names the member's address. */
static void
test_alb(void **state)
{
	uint16_t r[2] = { ring_port("net_ring_hbg0"), ring_port("net_ring_hbg1") };
	uint16_t bond = bond_up("net_bonding_g0", BONDING_MODE_ALB, r, 2);
	struct rte_ether_addr mac0, mac1;
	struct rte_mbuf *m[32];
	uint64_t before[2], d[2];
	unsigned int c, used[2] = { 0, 0 }, via1 = 0, i;
	int first[8];
	uint16_t n;

	(void)state;
	assert_int_equal(rte_eth_macaddr_get(r[0], &mac0), 0);
	assert_int_equal(rte_eth_macaddr_get(r[1], &mac1), 0);
	for (c = 0; c < 8; c++) {
		before[0] = opackets(r[0]);
		before[1] = opackets(r[1]);
		send_arp(bond, 4, (uint8_t)(10 + c));
		d[0] = opackets(r[0]) - before[0];
		d[1] = opackets(r[1]) - before[1];
		assert_true((d[0] == 4 && d[1] == 0) || (d[0] == 0 && d[1] == 4));
		first[c] = d[1] == 4;
		used[first[c]]++;
	}
	assert_int_equal(used[0], 4);
	assert_int_equal(used[1], 4);
	/* a client keeps its member */
	for (c = 0; c < 8; c++) {
		before[1] = opackets(r[1]);
		send_arp(bond, 2, (uint8_t)(10 + c));
		assert_int_equal(opackets(r[1]) - before[1], first[c] ? 2 : 0);
	}
	/* what went through the second member names its own address, not the bond's */
	do {
		n = rte_eth_rx_burst(bond, 0, m, RTE_DIM(m));
		for (i = 0; i < n; i++) {
			const struct rte_ether_hdr *eh = rte_pktmbuf_mtod(m[i],
					const struct rte_ether_hdr *);
			const struct rte_arp_hdr *arp = (const struct rte_arp_hdr *)(eh + 1);

			if (rte_is_same_ether_addr(&arp->arp_data.arp_sha, &mac1)) {
				assert_true(rte_is_same_ether_addr(&eh->src_addr, &mac1));
				via1++;
			} else {
				assert_true(rte_is_same_ether_addr(&arp->arp_data.arp_sha, &mac0));
			}
		}
		rte_pktmbuf_free_bulk(m, n);
	} while (n > 0);
	assert_int_equal(via1, opackets(r[1]));
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(r[0]);
	port_drop(r[1]);
}

/* Surprise removal of a member while the bond sends: the other one keeps the traffic. */
static void
test_member_removed_under_traffic(void **state)
{
	uint16_t r[2] = { ring_port("net_ring_hbx0"), ring_port("net_ring_hbx1") };
	uint16_t bond = bond_up("net_bonding_x0", BONDING_MODE_ROUND_ROBIN, r, 2);
	unsigned int sent = 0, received = 0, i, lost;
	uint16_t s[4];

	(void)state;
	for (i = 0; i < 4; i++) {
		send_flow(bond, 32, 1, 1);
		sent += 32;
	}
	received += drain(bond);
	for (i = 0; i < 2; i++) {
		send_flow(bond, 32, 1, 1);
		sent += 32;
	}
	/* the device goes away: its driver says so, then it is removed */
	rte_eth_dev_callback_process(&rte_eth_devices[r[1]], RTE_ETH_EVENT_INTR_RMV, NULL);
	assert_int_equal(nb_active(bond), 1);
	assert_int_equal(rte_dev_remove(rte_eth_devices[r[1]].device), 0);
	assert_false(rte_eth_dev_is_valid_port(r[1]));
	assert_int_equal(rte_eth_bond_slaves_get(bond, s, 4), 1);
	assert_int_equal(s[0], r[0]);
	for (i = 0; i < 4; i++) {
		send_flow(bond, 32, 1, 1);
		sent += 32;
	}
	received += drain(bond);
	lost = sent - received;
	print_message("removal under traffic: %u sent, %u received, %u lost with the member\n",
			sent, received, lost);
	/* what was queued on the removed member only */
	assert_int_equal(lost, 32);
	/* a new member joins the started bond and gets its share at once */
	r[1] = ring_port("net_ring_hbx1");
	assert_int_equal(rte_eth_bond_slave_add(bond, r[1]), 0);
	assert_int_equal(nb_active(bond), 2);
	send_flow(bond, 32, 1, 1);
	assert_int_equal(opackets(r[1]), 16);
	assert_int_equal(drain(bond), 32);
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(r[0]);
	port_drop(r[1]);
}

/* Traffic from lcore 1 while the main lcore takes a member away. */
struct traffic {
	uint16_t bond;
	volatile int stop;
	volatile uint64_t sent;
	volatile uint64_t received;
};

static int
traffic_loop(void *arg)
{
	struct traffic *t = arg;
	struct rte_mbuf *m[32];
	uint16_t n, i;

	if (rte_eth_dev_fp_register() != 0)
		return -1;
	while (!t->stop) {
		if (rte_pktmbuf_alloc_bulk(pool, m, RTE_DIM(m)) == 0) {
			for (i = 0; i < RTE_DIM(m); i++)
				rte_pktmbuf_append(m[i], 64);
			n = rte_eth_tx_burst(t->bond, 0, m, RTE_DIM(m));
			t->sent += n;
			rte_pktmbuf_free_bulk(m + n, RTE_DIM(m) - n);
		}
		do {
			n = rte_eth_rx_burst(t->bond, 0, m, RTE_DIM(m));
			rte_pktmbuf_free_bulk(m, n);
			t->received += n;
		} while (n > 0);
		rte_eth_dev_fp_quiescent();
	}
	rte_eth_dev_fp_unregister();
	return 0;
}

static void
wait_sent(struct traffic *t, uint64_t n)
{
	int i;

	for (i = 0; i < 1000 && t->sent < n; i++)
		usleep(10 * 1000);
	assert_true(t->sent >= n);
}

/* Surprise removal of a member while another lcore sends and receives through the bond. */
static void
test_removal_concurrent(void **state)
{
	uint16_t r[2] = { ring_port("net_ring_hbw0"), ring_port("net_ring_hbw1") };
	struct traffic t = { .stop = 0 };
	uint64_t sent_before, lost, r0_before;

	(void)state;
	if (rte_lcore_count() < 2)
		skip();
	t.bond = bond_up("net_bonding_w0", BONDING_MODE_ROUND_ROBIN, r, 2);
	assert_int_equal(rte_eal_remote_launch(traffic_loop, &t, rte_get_next_lcore(-1, 1, 0)),
			0);
	wait_sent(&t, 20000);
	rte_eth_dev_callback_process(&rte_eth_devices[r[1]], RTE_ETH_EVENT_INTR_RMV, NULL);
	assert_int_equal(rte_dev_remove(rte_eth_devices[r[1]].device), 0);
	sent_before = t.sent;
	r0_before = opackets(r[0]);
	/* traffic goes on, on the member left */
	wait_sent(&t, sent_before + 20000);
	assert_true(opackets(r[0]) - r0_before >= 20000);
	t.stop = 1;
	assert_int_equal(rte_eal_wait_lcore(rte_get_next_lcore(-1, 1, 0)), 0);
	t.received += drain(t.bond);
	lost = t.sent - t.received;
	print_message("concurrent removal: %" PRIu64 " sent, %" PRIu64 " received, %" PRIu64
			" lost with the member\n", t.sent, t.received, lost);
	/* at most what the removed member's ring held */
	assert_true(lost <= 1024);
	assert_int_equal(nb_active(t.bond), 1);
	test_port_remove(t.bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(r[0]);
}

static int lsc_events;

static int
count_lsc(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	(void)port;
	(void)type;
	(void)arg;
	(void)ret_param;
	__atomic_fetch_add(&lsc_events, 1, __ATOMIC_RELAXED);
	return 0;
}

/* Wait (bounded) until the bond has n active members; the links are polled. */
static int
wait_active(uint16_t bond, uint16_t n)
{
	int i;

	for (i = 0; i < 500 && nb_active(bond) != n; i++)
		usleep(10 * 1000);
	return nb_active(bond) == n;
}

/* Wait (bounded) for the n-th link event of the bond: the poll thread announces it after it
 * has published the new active list. */
static int
wait_events(int n)
{
	int i;

	for (i = 0; i < 500 && __atomic_load_n(&lsc_events, __ATOMIC_RELAXED) < n; i++)
		usleep(10 * 1000);
	return __atomic_load_n(&lsc_events, __ATOMIC_RELAXED) == n;
}

/*
 * Unregister count_lsc from the bond. The event that wait_events saw counted may still be
 * returning on the alarm thread, and ethdev refuses to unregister a running callback
 * (-EAGAIN), so that answer is retried, as an application has to.
 */
static void
unregister_lsc(uint16_t bond)
{
	int i, ret;

	for (i = 0; i < 1000; i++) {
		ret = rte_eth_dev_callback_unregister(bond, RTE_ETH_EVENT_INTR_LSC, count_lsc,
				NULL);
		if (ret != -EAGAIN)
			break;
		usleep(1000);
	}
	assert_int_equal(ret, 0);
}

static void
test_link_polling(void **state)
{
	uint16_t r[2] = { ring_port("net_ring_hbl0"), ring_port("net_ring_hbl1") };
	uint16_t bond = bond_up("net_bonding_l0", BONDING_MODE_ROUND_ROBIN, r, 2);
	struct rte_eth_link link;

	(void)state;
	__atomic_store_n(&lsc_events, 0, __ATOMIC_RELAXED);
	assert_int_equal(rte_eth_dev_callback_register(bond, RTE_ETH_EVENT_INTR_LSC, count_lsc,
			NULL), 0);
	assert_int_equal(rte_eth_link_get_nowait(bond, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_UP);
	/* net_ring raises no event: the poll notices */
	assert_int_equal(rte_eth_dev_set_link_down(r[0]), 0);
	assert_true(wait_active(bond, 1));
	send_flow(bond, 10, 1, 1);
	assert_int_equal(opackets(r[1]), 10);
	assert_int_equal(__atomic_load_n(&lsc_events, __ATOMIC_RELAXED), 0);
	/* the last member down: the bond's link goes down and it tells */
	assert_int_equal(rte_eth_dev_set_link_down(r[1]), 0);
	assert_true(wait_active(bond, 0));
	assert_int_equal(rte_eth_link_get_nowait(bond, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_true(wait_events(1));
	struct rte_mbuf *m[4];

	fill_flow(m, 4, 1, 1);
	assert_int_equal(rte_eth_tx_burst(bond, 0, m, 4), 0);
	rte_pktmbuf_free_bulk(m, 4);
	/* links back */
	assert_int_equal(rte_eth_dev_set_link_up(r[0]), 0);
	assert_int_equal(rte_eth_dev_set_link_up(r[1]), 0);
	assert_true(wait_active(bond, 2));
	assert_true(wait_events(2));
	assert_int_equal(drain(bond), 10);
	unregister_lsc(bond);
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(r[0]);
	port_drop(r[1]);
}

/* down_delay: the bond's link goes down at once, the application hears of it later. */
static void
test_prop_delay(void **state)
{
	uint16_t r0 = ring_port("net_ring_hbq0"), bond;
	char args[128];

	(void)state;
	__atomic_store_n(&lsc_events, 0, __ATOMIC_RELAXED);
	snprintf(args, sizeof(args), "slave=%u,down_delay=1500,up_delay=0", r0);
	assert_int_equal(rte_vdev_init("net_bonding_q0", args), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_bonding_q0", &bond), 0);
	assert_int_equal(rte_eth_dev_callback_register(bond, RTE_ETH_EVENT_INTR_LSC, count_lsc,
			NULL), 0);
	test_port_up(bond, 1, pool);
	/* no delay up: announced at start */
	assert_int_equal(__atomic_load_n(&lsc_events, __ATOMIC_RELAXED), 1);
	assert_int_equal(rte_eth_dev_set_link_down(r0), 0);
	rte_eth_dev_callback_process(&rte_eth_devices[r0], RTE_ETH_EVENT_INTR_LSC, NULL);
	assert_int_equal(nb_active(bond), 0);
	assert_int_equal(__atomic_load_n(&lsc_events, __ATOMIC_RELAXED), 1);
	assert_true(wait_events(2));
	unregister_lsc(bond);
	assert_int_equal(rte_eth_bond_free("net_bonding_q0"), 0);
	port_drop(r0);
}

/* RSS settings go to every member; the bond offers what all of them can do. */
static void
test_rss(void **state)
{
	uint16_t n0, n1, ring, bond;
	struct rte_eth_rss_reta_entry64 reta[2];
	struct rte_eth_rss_conf rc = { .rss_hf = RTE_ETH_RSS_IP };
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	uint16_t q;
	int b;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_hbn0", &n0), 0);
	assert_int_equal(rte_eth_dev_attach("net_null_hbn1", &n1), 0);
	b = rte_eth_bond_create("net_bonding_n0", BONDING_MODE_BALANCE, 0);
	assert_true(b >= 0);
	bond = (uint16_t)b;
	/* no member: nothing to hash with */
	assert_int_equal(rte_eth_dev_rss_hash_conf_get(bond, &rc), -ENOTSUP);
	assert_int_equal(rte_eth_bond_slave_add(bond, n0), 0);
	assert_int_equal(rte_eth_bond_slave_add(bond, n1), 0);
	assert_int_equal(rte_eth_dev_info_get(bond, &info), 0);
	assert_int_not_equal(info.flow_type_rss_offloads & RTE_ETH_RSS_IP, 0);
	assert_int_equal(info.reta_size, 128);
	/* configured for RSS: the members are too */
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_UDP;
	assert_int_equal(rte_eth_dev_configure(bond, 2, 2, &conf), 0);
	for (q = 0; q < 2; q++) {
		assert_int_equal(rte_eth_rx_queue_setup(bond, q, 256, 0, NULL, pool), 0);
		assert_int_equal(rte_eth_tx_queue_setup(bond, q, 256, 0, NULL), 0);
	}
	assert_int_equal(rte_eth_dev_start(bond), 0);
	assert_int_equal(rte_eth_devices[n0].data->dev_conf.rxmode.mq_mode, RTE_ETH_MQ_RX_RSS);
	rc.rss_key = NULL;
	rc.rss_hf = RTE_ETH_RSS_IP;
	assert_int_equal(rte_eth_dev_rss_hash_update(bond, &rc), 0);
	memset(&rc, 0, sizeof(rc));
	assert_int_equal(rte_eth_dev_rss_hash_conf_get(n1, &rc), 0);
	assert_int_equal(rc.rss_hf, RTE_ETH_RSS_IP);
	memset(reta, 0, sizeof(reta));
	reta[0].mask = 1;
	reta[0].reta[0] = 1;
	assert_int_equal(rte_eth_dev_rss_reta_update(bond, reta, 128), 0);
	memset(reta, 0, sizeof(reta));
	reta[0].mask = 1;
	assert_int_equal(rte_eth_dev_rss_reta_query(n1, reta, 128), 0);
	assert_int_equal(reta[0].reta[0], 1);
	reta[0].reta[0] = 0;
	assert_int_equal(rte_eth_dev_rss_reta_query(bond, reta, 128), 0);
	assert_int_equal(reta[0].reta[0], 1);
	/* a ring member cannot hash: the bond no longer offers it */
	ring = ring_port("net_ring_hbn2");
	assert_int_equal(rte_eth_bond_slave_add(bond, ring), 0);
	assert_int_equal(rte_eth_dev_info_get(bond, &info), 0);
	assert_int_equal(info.flow_type_rss_offloads, 0);
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(n0);
	port_drop(n1);
	port_drop(ring);
}

/* Members the application had started itself (as DPDK's bond sample does). */
static void
test_started_members(void **state)
{
	uint16_t r[2] = { ring_port("net_ring_hbp0"), ring_port("net_ring_hbp1") };
	uint16_t bond;

	(void)state;
	test_port_up(r[0], 2, pool);
	test_port_up(r[1], 2, pool);
	bond = bond_up("net_bonding_p0", BONDING_MODE_ROUND_ROBIN, r, 2);
	/* reconfigured with the bond's single queue */
	assert_int_equal(rte_eth_devices[r[0]].data->nb_rx_queues, 1);
	send_flow(bond, 10, 1, 1);
	assert_int_equal(drain(bond), 10);
	/* stop stops the members; nothing goes out */
	assert_int_equal(rte_eth_dev_stop(bond), 0);
	assert_false(rte_eth_devices[r[0]].data->dev_started);
	assert_int_equal(nb_active(bond), 0);
	assert_int_equal(rte_eth_dev_start(bond), 0);
	assert_int_equal(nb_active(bond), 2);
	test_port_remove(bond, (char[RTE_DEV_NAME_MAX_LEN]){ 0 });
	port_drop(r[0]);
	port_drop(r[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_free),
		cmocka_unit_test(test_members),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_devargs),
		cmocka_unit_test(test_round_robin),
		cmocka_unit_test(test_active_backup),
		cmocka_unit_test(test_balance),
		cmocka_unit_test(test_broadcast),
		cmocka_unit_test(test_tlb),
		cmocka_unit_test(test_alb),
		cmocka_unit_test(test_member_removed_under_traffic),
		cmocka_unit_test(test_removal_concurrent),
		cmocka_unit_test(test_link_polling),
		cmocka_unit_test(test_prop_delay),
		cmocka_unit_test(test_rss),
		cmocka_unit_test(test_started_members),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
