/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_failsafe over two net_ring sub-devices (loopback: what a ring port sends comes back on
 * its receive queue): the preferred one carries traffic, an RMV event moves it to the other,
 * the hotplug alarm brings the removed one back with the configuration replayed; heap and
 * descriptors stay flat over many cycles, also with traffic on another lcore; every devargs
 * error; flow rules replayed on a sub-device with flow operations (net_fsflow, a driver of
 * this test); a net_tap sub-device (root only); a sub-device absent when the port is created.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <fcntl.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_flow.h>
#include <rte_launch.h>
#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <rte_flow_driver.h>

/* The driver's own state, to tell when a sub-device carries traffic again. */
#include "failsafe_private.h"

static struct rte_mempool *pool;

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_pmd_failsafe", "-l", "0-1", 8191, 0);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

static uint16_t
port_of(const char *name)
{
	uint16_t port = RTE_MAX_ETHPORTS;

	assert_int_equal(rte_eth_dev_get_port_by_name(name, &port), 0);
	return port;
}

static int
port_exists(const char *name)
{
	uint16_t port;

	return rte_eth_dev_get_port_by_name(name, &port) == 0;
}

static uint64_t
opackets(uint16_t port)
{
	struct rte_eth_stats st;

	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	return st.opackets;
}

/* Send n packets on port queue 0; all must be taken. */
static void
send_n(uint16_t port, unsigned int n)
{
	struct rte_mbuf *m[64];

	assert_true(n <= RTE_DIM(m));
	test_fill(pool, m, n, 64, 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, (uint16_t)n), n);
}

static unsigned int
drain(uint16_t port)
{
	struct rte_mbuf *m[32];
	unsigned int total = 0;
	uint16_t n;

	do {
		n = rte_eth_rx_burst(port, 0, m, RTE_DIM(m));
		rte_pktmbuf_free_bulk(m, n);
		total += n;
	} while (n > 0);
	return total;
}

/* Create a fail-safe with devargs; its port id. */
static uint16_t
fs_create(const char *name, const char *args)
{
	assert_int_equal(rte_vdev_init(name, args), 0);
	return port_of(name);
}

static void
raise_rmv(const char *sub)
{
	rte_eth_dev_callback_process(&rte_eth_devices[port_of(sub)], RTE_ETH_EVENT_INTR_RMV,
			NULL);
}

/*
 * Wait (up to 5 s) until sub-device idx of fail-safe fs carries traffic again, and return its
 * port. The RMV callback makes it unusable before it returns, so usable again means re-probed.
 */
static uint16_t
wait_back(uint16_t fs, unsigned int idx)
{
	uint64_t end = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
	struct fs_priv *p = fs_of(&rte_eth_devices[fs]);

	while (rte_get_timer_cycles() < end) {
		if (__atomic_load_n(&p->sub[idx].usable, __ATOMIC_ACQUIRE))
			return p->sub[idx].port_id;
		rte_delay_ms(1);
	}
	fail_msg("sub-device %u of port %u did not come back", idx, fs);
	return RTE_MAX_ETHPORTS;
}

static void
test_devargs_errors(void **state)
{
	static const char *const bad[] = {
		"dev(net_ring_e0",                        /* unbalanced */
		"dev(net_ring_e0))",                      /* unbalanced */
		"dev(net_ring_e0)x",                      /* text after the parenthesis */
		"dev(net_ring_e0),foo=1",                 /* unknown key */
		"dev(net_ring_e0),",                      /* empty item */
		"dev()",                                  /* empty dev() */
		"",                                       /* no sub-device */
		"hotplug_poll=10",                        /* no sub-device */
		"dev(nosuchdev0)",                        /* no bus or driver knows it */
		"dev(net_ring_e0),dev(net_ring_e1),dev(net_ring_e2)", /* more than the maximum */
		"dev(net_ring_e0),dev(net_ring_e0)",      /* twice */
		"dev(net_ring_e0),hotplug_poll=abc",
		"dev(net_ring_e0),hotplug_poll=-1",
		"dev(net_ring_e0),mac=zz:00:00:00:00:01",
		"dev(net_ring_e0),mac=01:00:00:00:00:01", /* multicast */
		"exec(exit 3)",                           /* the command fails */
		"exec(true)",                             /* the command prints nothing */
		"exec(echo nosuchdev0)",                  /* it prints an unknown device */
		"fd(1000000)",                            /* not an open descriptor */
		"fd(x)",
		/* the second sub-device fails after the first was probed: both undone */
		"dev(net_ring_e0),dev(net_null_e1,size=0)",
	};
	uint16_t count = rte_eth_dev_count_total();
	size_t heap;
	unsigned int i;
	int fds;

	(void)state;
	/* one good creation first, so that lazily allocated things do not count */
	assert_int_equal(rte_vdev_init("net_failsafe_e9", "dev(net_ring_e9)"), 0);
	assert_int_equal(rte_vdev_uninit("net_failsafe_e9"), 0);
	heap = test_malloc_bytes();
	fds = test_count_fds();
	for (i = 0; i < RTE_DIM(bad); i++) {
		int ret = rte_vdev_init("net_failsafe_e0", bad[i]);

		if (ret >= 0)
			fail_msg("devargs \"%s\" accepted", bad[i]);
		assert_int_equal(rte_eth_dev_count_total(), count);
		assert_false(port_exists("net_ring_e0"));
		assert_false(port_exists("net_failsafe_e0"));
	}
	assert_int_equal(test_malloc_bytes(), heap);
	assert_int_equal(test_count_fds(), fds);
}

static void
test_exec_fd(void **state)
{
	int pfd[2];
	char args[64];
	uint16_t fs;

	(void)state;
	fs = fs_create("net_failsafe_x0", "exec(echo net_ring_x0),hotplug_poll=0");
	assert_true(port_exists("net_ring_x0"));
	test_port_up(fs, 1, pool);
	send_n(fs, 8);
	assert_int_equal(opackets(port_of("net_ring_x0")), 8);
	assert_int_equal(drain(fs), 8);
	{
		uint64_t id, v = 0;

		assert_int_equal(rte_eth_xstats_get_id_by_name(fs, "sub0_tx_good_packets", &id), 0);
		assert_int_equal(rte_eth_xstats_get_by_id(fs, &id, &v, 1), 1);
		assert_int_equal(v, 8);
	}
	assert_int_equal(rte_vdev_uninit("net_failsafe_x0"), 0);
	assert_false(port_exists("net_ring_x0"));

	assert_int_equal(pipe(pfd), 0);
	assert_int_equal(write(pfd[1], "net_ring_f0\n", 12), 12);
	snprintf(args, sizeof(args), "fd(%d),mac=02:00:00:00:00:42", pfd[0]);
	fs = fs_create("net_failsafe_f0", args);
	assert_true(port_exists("net_ring_f0"));
	{
		struct rte_ether_addr mac, want = {{ 2, 0, 0, 0, 0, 0x42 }};

		assert_int_equal(rte_eth_macaddr_get(fs, &mac), 0);
		assert_true(rte_is_same_ether_addr(&mac, &want));
		assert_int_equal(rte_eth_macaddr_get(port_of("net_ring_f0"), &mac), 0);
		assert_true(rte_is_same_ether_addr(&mac, &want));
	}
	assert_int_equal(rte_vdev_uninit("net_failsafe_f0"), 0);
	close(pfd[0]);
	close(pfd[1]);
}

/* exec() runs again, and fd() is read again, before a re-probe: the devargs may change. */
static void
test_devargs_change(void **state)
{
	char path[64], args[160];
	int pfd[2];
	uint16_t fs;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/test_pmd_failsafe_%d", (int)getpid());
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("net_ring_xa\n", f);
	fclose(f);
	assert_int_equal(pipe(pfd), 0);
	assert_int_equal(write(pfd[1], "net_ring_fa\n", 12), 12);
	snprintf(args, sizeof(args), "exec(cat %s),fd(%d),hotplug_poll=10", path, pfd[0]);
	fs = fs_create("net_failsafe_d0", args);
	test_port_up(fs, 1, pool);
	assert_true(port_exists("net_ring_xa"));
	assert_true(port_exists("net_ring_fa"));

	f = fopen(path, "w");
	assert_non_null(f);
	fputs("net_ring_xb\n", f);
	fclose(f);
	raise_rmv("net_ring_xa");
	wait_back(fs, 0);
	assert_false(port_exists("net_ring_xa"));
	assert_true(port_exists("net_ring_xb"));

	/* fd(): a new line is taken; none written, the last devargs are kept */
	assert_int_equal(write(pfd[1], "net_ring_fb\n", 12), 12);
	raise_rmv("net_ring_fa");
	wait_back(fs, 1);
	assert_true(port_exists("net_ring_fb"));
	raise_rmv("net_ring_fb");
	wait_back(fs, 1);
	assert_true(port_exists("net_ring_fb"));

	assert_int_equal(rte_vdev_uninit("net_failsafe_d0"), 0);
	assert_false(port_exists("net_ring_xb"));
	assert_false(port_exists("net_ring_fb"));
	close(pfd[0]);
	close(pfd[1]);
	unlink(path);
}

/* Traffic moves with the RMV event and comes back with the sub-device. */
static void
test_failover(void **state)
{
	uint16_t fs, a, b, p, n_avail;
	struct rte_eth_dev_owner owner;
	struct rte_eth_dev_info info;
	struct rte_eth_stats st;
	uint16_t mtu;

	(void)state;
	n_avail = rte_eth_dev_count_avail();
	fs = fs_create("net_failsafe_t0", "dev(net_ring_a0),dev(net_ring_b0),hotplug_poll=20");
	a = port_of("net_ring_a0");
	b = port_of("net_ring_b0");
	/* the application sees one port; the sub-devices belong to the fail-safe */
	assert_int_equal(rte_eth_dev_count_avail(), n_avail + 1);
	RTE_ETH_FOREACH_DEV(p)
		assert_true(p != a && p != b);
	assert_int_equal(rte_eth_dev_owner_get(a, &owner), 0);
	assert_true(owner.id != RTE_ETH_DEV_NO_OWNER);
	test_port_up(fs, 1, pool);
	assert_int_equal(rte_eth_dev_set_mtu(fs, 1400), 0);
	assert_int_equal(rte_eth_promiscuous_enable(fs), 0);
	assert_int_equal(rte_eth_dev_get_mtu(a, &mtu), 0);
	assert_int_equal(mtu, 1400);
	assert_int_equal(rte_eth_promiscuous_get(b), 1);

	/* the first sub-device sends; rx polls both */
	send_n(fs, 32);
	assert_int_equal(opackets(a), 32);
	assert_int_equal(opackets(b), 0);
	assert_int_equal(drain(fs), 32);

	/* RMV: traffic moves to b at once */
	raise_rmv("net_ring_a0");
	send_n(fs, 16);
	assert_int_equal(opackets(b), 16);
	assert_int_equal(drain(fs), 16);

	/* the alarm removes a and probes it again, configured as the fail-safe is */
	a = wait_back(fs, 0);
	assert_int_equal(rte_eth_dev_get_mtu(a, &mtu), 0);
	assert_int_equal(mtu, 1400);
	assert_int_equal(rte_eth_promiscuous_get(a), 1);
	assert_int_equal(rte_eth_dev_info_get(a, &info), 0);
	assert_int_equal(info.nb_rx_queues, 1);
	assert_int_equal(info.nb_tx_queues, 1);
	assert_int_equal(rte_eth_dev_owner_get(a, &owner), 0);
	assert_true(owner.id != RTE_ETH_DEV_NO_OWNER);
	send_n(fs, 8);
	assert_int_equal(opackets(a), 8);
	assert_int_equal(opackets(b), 16);
	assert_int_equal(drain(fs), 8);

	/* statistics add up the sub-devices, the removed one included */
	assert_int_equal(rte_eth_stats_get(fs, &st), 0);
	assert_int_equal(st.opackets, 32 + 16 + 8);
	assert_int_equal(st.ipackets, 32 + 16 + 8);
	assert_int_equal(rte_eth_stats_reset(fs), 0);
	assert_int_equal(opackets(fs), 0);

	/* the same when EAL reports the device removed (kernel event), for drivers without RMV */
	rte_dev_event_callback_process("net_ring_a0", RTE_DEV_EVENT_REMOVE);
	send_n(fs, 4);
	assert_int_equal(opackets(b), 4);
	assert_int_equal(drain(fs), 4);
	a = wait_back(fs, 0);
	send_n(fs, 4);
	assert_int_equal(opackets(a), 4);
	assert_int_equal(drain(fs), 4);

	/* a sub-device port released by someone else (DESTROY) is probed again too */
	{
		char devname[RTE_DEV_NAME_MAX_LEN];

		assert_int_equal(rte_eth_dev_stop(a), 0);
		assert_int_equal(rte_eth_dev_close(a), 0);
		assert_int_equal(rte_eth_dev_detach(a, devname), 0);
		a = wait_back(fs, 0);
		send_n(fs, 4);
		assert_int_equal(opackets(a), 4);
		assert_int_equal(drain(fs), 4);
	}

	/* a setting made while a is away reaches it when it comes back */
	raise_rmv("net_ring_a0");
	assert_int_equal(rte_eth_promiscuous_disable(fs), 0);
	a = wait_back(fs, 0);
	assert_int_equal(rte_eth_promiscuous_get(a), 0);

	/* stopped: the sub-devices stop; a sub-device coming back stays stopped */
	assert_int_equal(rte_eth_dev_stop(fs), 0);
	assert_false(rte_eth_devices[a].data->dev_started);
	assert_int_equal(rte_eth_dev_close(fs), 0);
	assert_false(port_exists("net_ring_a0"));
	assert_false(port_exists("net_ring_b0"));
	assert_int_equal(rte_vdev_uninit("net_failsafe_t0"), 0);
	assert_int_equal(rte_eth_dev_count_avail(), n_avail);
}

/* Infos: what every sub-device allows. */
static void
test_infos(void **state)
{
	struct rte_eth_dev_info fi, ri, ni;
	uint16_t fs;

	(void)state;
	fs = fs_create("net_failsafe_i0", "dev(net_ring_i0),dev(net_null_i0),hotplug_poll=0");
	assert_int_equal(rte_eth_dev_info_get(fs, &fi), 0);
	assert_int_equal(rte_eth_dev_info_get(port_of("net_ring_i0"), &ri), 0);
	assert_int_equal(rte_eth_dev_info_get(port_of("net_null_i0"), &ni), 0);
	assert_int_equal(fi.max_rx_queues, RTE_MIN(ri.max_rx_queues, ni.max_rx_queues));
	assert_int_equal(fi.max_tx_queues, RTE_MIN(ri.max_tx_queues, ni.max_tx_queues));
	assert_int_equal(fi.max_rx_pktlen, RTE_MIN(ri.max_rx_pktlen, ni.max_rx_pktlen));
	assert_int_equal(fi.rx_offload_capa, ri.rx_offload_capa & ni.rx_offload_capa);
	/* xstats: the sub-devices', prefixed with their index */
	{
		int n = rte_eth_xstats_get_names(fs, NULL, 0), k, found = 0;
		struct rte_eth_xstat_name *names = calloc((size_t)n, sizeof(*names));
		struct rte_eth_xstat *vals = calloc((size_t)n, sizeof(*vals));

		assert_true(n > 0);
		assert_non_null(names);
		assert_non_null(vals);
		assert_int_equal(rte_eth_xstats_get_names(fs, names, (unsigned int)n), n);
		assert_int_equal(rte_eth_xstats_get(fs, vals, (unsigned int)n), n);
		for (k = 0; k < n; k++)
			if (strcmp(names[k].name, "sub0_rx_good_packets") == 0 ||
					strcmp(names[k].name, "sub1_tx_good_packets") == 0)
				found++;
		assert_int_equal(found, 2);
		assert_int_equal(rte_eth_xstats_reset(fs), 0);
		free(names);
		free(vals);
	}
	/* a setting a sub-device refuses is refused */
	assert_true(rte_eth_dev_configure(fs, (uint16_t)(fi.max_rx_queues + 1), 1,
			&(struct rte_eth_conf){ 0 }) < 0);
	assert_int_equal(rte_vdev_uninit("net_failsafe_i0"), 0);
}

/* 20 removal/re-probe cycles: heap bytes and descriptors flat. */
static void
test_cycles(void **state)
{
	size_t heap = 0;
	unsigned int i;
	int fds = 0;
	uint16_t fs, a;

	(void)state;
	fs = fs_create("net_failsafe_c0", "dev(net_ring_ca),dev(net_ring_cb),hotplug_poll=10");
	test_port_up(fs, 1, pool);
	for (i = 0; i < 21; i++) {
		raise_rmv("net_ring_ca");
		a = wait_back(fs, 0);
		send_n(fs, 4);
		assert_int_equal(opackets(a), 4);
		assert_int_equal(drain(fs), 4);
		if (i == 0) {
			/* the first cycle warms up whatever is allocated once */
			heap = test_malloc_bytes();
			fds = test_count_fds();
		}
	}
	assert_int_equal(test_malloc_bytes(), heap);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(rte_vdev_uninit("net_failsafe_c0"), 0);
}

static volatile int traffic_run;
static uint64_t traffic_sent, traffic_recv;

static int
traffic_lcore(void *arg)
{
	uint16_t fs = *(uint16_t *)arg;
	struct rte_mbuf *m[32];

	while (traffic_run) {
		uint16_t n, k;

		if (rte_pktmbuf_alloc_bulk(pool, m, 8) == 0) {
			n = rte_eth_tx_burst(fs, 0, m, 8);
			rte_pktmbuf_free_bulk(m + n, 8 - n);
			__atomic_fetch_add(&traffic_sent, n, __ATOMIC_RELAXED);
		}
		k = rte_eth_rx_burst(fs, 0, m, RTE_DIM(m));
		rte_pktmbuf_free_bulk(m, k);
		__atomic_fetch_add(&traffic_recv, k, __ATOMIC_RELAXED);
	}
	return 0;
}

/* Removals and re-probes while another lcore sends and receives on the fail-safe. */
static void
test_under_traffic(void **state)
{
	unsigned int lcore = rte_get_next_lcore(-1, 1, 0), i;
	uint64_t end, sent0;
	uint16_t fs;

	(void)state;
	if (lcore >= RTE_MAX_LCORE)
		skip();
	fs = fs_create("net_failsafe_u0", "dev(net_ring_ua),dev(net_ring_ub),hotplug_poll=5");
	test_port_up(fs, 1, pool);
	traffic_run = 1;
	assert_int_equal(rte_eal_remote_launch(traffic_lcore, &fs, lcore), 0);
	/* a loaded machine may start the lcore late: removals begin under traffic */
	end = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
	while (__atomic_load_n(&traffic_sent, __ATOMIC_RELAXED) == 0 &&
			rte_get_timer_cycles() < end)
		rte_delay_ms(1);
	sent0 = __atomic_load_n(&traffic_sent, __ATOMIC_RELAXED);
	assert_true(sent0 > 0);
	for (i = 0; i < 10; i++) {
		const char *sub = i % 2 ? "net_ring_ub" : "net_ring_ua";

		rte_delay_ms(5);
		raise_rmv(sub);
		wait_back(fs, i % 2);
	}
	traffic_run = 0;
	assert_int_equal(rte_eal_wait_lcore(lcore), 0);
	test_note("%" PRIu64 " sent, %" PRIu64 " received during 10 removals\n", traffic_sent,
			traffic_recv);
	/* and it kept flowing while sub-devices came and went */
	assert_true(traffic_sent > sent0);
	drain(fs);
	assert_int_equal(rte_vdev_uninit("net_failsafe_u0"), 0);
	/* only what sat in the rings of removed sub-devices is lost: at most a burst each */
	assert_true(rte_mempool_in_use_count(pool) <= 10 * 32);
}

/*
 * net_fsflow: a port with flow operations and nothing else worth the name. It counts the
 * rules it holds; closing the port drops them, as a device that goes away would.
 */
static int fsflow_rules;
static int fsflow_closes;
static int fsflow_absent; /* probes find no device: a NIC not plugged in yet */
/* What each net_fsflow port was last given, by port id. */
static uint64_t fsflow_rss_hf[RTE_MAX_ETHPORTS];
static uint8_t fsflow_rss_key[RTE_MAX_ETHPORTS][40];
static uint32_t fsflow_nb_mc[RTE_MAX_ETHPORTS];
static int fsflow_refuse_mc; /* set_mc_addr_list fails with -EIO on the second port asked */
static int fsflow_mc_calls;
/* Operations a port refuses with -EIO, by port id; a new device on the id refuses nothing. */
#define FSFLOW_REFUSE_VLAN 1u
#define FSFLOW_REFUSE_RSS 2u
#define FSFLOW_REFUSE_RSS_GET 4u /* rss_hash_conf_get: -ENOTSUP, as without the operation */
static unsigned int fsflow_refuse[RTE_MAX_ETHPORTS];
static uint8_t fsflow_key_size = 40; /* hash_key_size reported by ports probed after a change */
static uint8_t fsflow_port_key_size[RTE_MAX_ETHPORTS];

struct rte_flow {
	int dummy;
};

static int
fsflow_ok(struct rte_eth_dev *dev)
{
	(void)dev;
	return 0;
}

static int
fsflow_close(struct rte_eth_dev *dev)
{
	(void)dev;
	fsflow_rules = 0;
	fsflow_closes++;
	return 0;
}

static int
fsflow_infos(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	(void)dev;
	info->max_rx_queues = 4;
	info->max_tx_queues = 4;
	info->max_rx_pktlen = 9018;
	info->max_mac_addrs = 1;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_VLAN_FILTER;
	info->flow_type_rss_offloads = RTE_ETH_RSS_IP | RTE_ETH_RSS_UDP;
	info->hash_key_size = fsflow_port_key_size[dev->data->port_id];
	return 0;
}

static int
fsflow_vlan(struct rte_eth_dev *dev, uint16_t vlan_id, int on)
{
	(void)vlan_id; (void)on;
	if (fsflow_refuse[dev->data->port_id] & FSFLOW_REFUSE_VLAN)
		return -EIO;
	return 0; /* ethdev keeps the filter in data->vlan_filter_conf */
}

static int
fsflow_rss(struct rte_eth_dev *dev, struct rte_eth_rss_conf *c)
{
	if (fsflow_refuse[dev->data->port_id] & FSFLOW_REFUSE_RSS)
		return -EIO;
	fsflow_rss_hf[dev->data->port_id] = c->rss_hf;
	if (c->rss_key != NULL)
		memcpy(fsflow_rss_key[dev->data->port_id], c->rss_key,
			RTE_MIN(c->rss_key_len, sizeof(fsflow_rss_key[0])));
	return 0;
}

static int
fsflow_rss_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *c)
{
	uint8_t len = RTE_MIN(fsflow_port_key_size[dev->data->port_id],
			sizeof(fsflow_rss_key[0]));

	if (fsflow_refuse[dev->data->port_id] & FSFLOW_REFUSE_RSS_GET)
		return -ENOTSUP;
	c->rss_hf = fsflow_rss_hf[dev->data->port_id];
	if (c->rss_key != NULL) {
		/* the caller's buffer has hash_key_size bytes */
		memcpy(c->rss_key, fsflow_rss_key[dev->data->port_id], len);
		c->rss_key_len = len;
	}
	return 0;
}

static int
fsflow_mc(struct rte_eth_dev *dev, struct rte_ether_addr *mc, uint32_t nb)
{
	(void)mc;
	if (fsflow_refuse_mc && ++fsflow_mc_calls == 2)
		return -EIO;
	fsflow_nb_mc[dev->data->port_id] = nb;
	return 0;
}

static int
fsflow_rxq(struct rte_eth_dev *dev, uint16_t q, uint16_t nb, unsigned int socket,
		const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	(void)nb; (void)socket; (void)conf; (void)mp;
	dev->data->rx_queues[q] = dev;
	return 0;
}

static int
fsflow_txq(struct rte_eth_dev *dev, uint16_t q, uint16_t nb, unsigned int socket,
		const struct rte_eth_txconf *conf)
{
	(void)nb; (void)socket; (void)conf;
	dev->data->tx_queues[q] = dev;
	return 0;
}

static void
fsflow_qrel(struct rte_eth_dev *dev, uint16_t q)
{
	(void)dev; (void)q;
}

static int
fsflow_link(struct rte_eth_dev *dev, int wait)
{
	(void)dev; (void)wait;
	return 0;
}

static struct rte_flow *
fsflow_create(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error)
{
	static struct rte_flow handle;

	(void)dev; (void)attr; (void)error;
	/* what the fail-safe kept must still say what the application gave */
	if (pattern[0].type != RTE_FLOW_ITEM_TYPE_ETH ||
			actions[0].type != RTE_FLOW_ACTION_TYPE_DROP)
		return NULL;
	fsflow_rules++;
	return &handle;
}

static int
fsflow_destroy(struct rte_eth_dev *dev, struct rte_flow *f, struct rte_flow_error *error)
{
	(void)dev; (void)f; (void)error;
	fsflow_rules--;
	return 0;
}

static int
fsflow_flush(struct rte_eth_dev *dev, struct rte_flow_error *error)
{
	(void)dev; (void)error;
	fsflow_rules = 0;
	return 0;
}

static const struct rte_flow_ops fsflow_flow_ops = {
	.create = fsflow_create,
	.destroy = fsflow_destroy,
	.flush = fsflow_flush,
};

static int
fsflow_flow_ops_get(struct rte_eth_dev *dev, const struct rte_flow_ops **ops)
{
	(void)dev;
	*ops = &fsflow_flow_ops;
	return 0;
}

static const struct eth_dev_ops fsflow_ops = {
	.dev_configure = fsflow_ok,
	.dev_start = fsflow_ok,
	.dev_stop = fsflow_ok,
	.dev_close = fsflow_close,
	.dev_infos_get = fsflow_infos,
	.rx_queue_setup = fsflow_rxq,
	.tx_queue_setup = fsflow_txq,
	.rx_queue_release = fsflow_qrel,
	.tx_queue_release = fsflow_qrel,
	.link_update = fsflow_link,
	.flow_ops_get = fsflow_flow_ops_get,
	.vlan_filter_set = fsflow_vlan,
	.rss_hash_update = fsflow_rss,
	.rss_hash_conf_get = fsflow_rss_get,
	.set_mc_addr_list = fsflow_mc,
};

static uint16_t
fsflow_rx(void *q, struct rte_mbuf **m, uint16_t n)
{
	(void)q; (void)m; (void)n;
	return 0;
}

static uint16_t
fsflow_tx(void *q, struct rte_mbuf **m, uint16_t n)
{
	(void)q;
	rte_pktmbuf_free_bulk(m, n);
	return n;
}

static int
fsflow_probe(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev;

	if (fsflow_absent)
		return -ENODEV;
	dev = rte_eth_vdev_allocate(vdev, 0);
	if (dev == NULL)
		return -ENOMEM;
	dev->data->mac_addrs = rte_zmalloc("fsflow mac", sizeof(struct rte_ether_addr), 0);
	if (dev->data->mac_addrs == NULL) {
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	dev->data->mac_addrs[0].addr_bytes[0] = 0x02;
	/* a port id comes back with a new device: nothing of the old one's */
	fsflow_rss_hf[dev->data->port_id] = 0;
	fsflow_nb_mc[dev->data->port_id] = 0;
	fsflow_refuse[dev->data->port_id] = 0;
	fsflow_port_key_size[dev->data->port_id] = fsflow_key_size;
	memset(fsflow_rss_key[dev->data->port_id], 0, sizeof(fsflow_rss_key[0]));
	dev->dev_ops = &fsflow_ops;
	dev->rx_pkt_burst = fsflow_rx;
	dev->tx_pkt_burst = fsflow_tx;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
fsflow_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	return dev == NULL ? 0 : rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver fsflow_driver = {
	.probe = fsflow_probe,
	.remove = fsflow_remove,
};

RTE_PMD_REGISTER_VDEV(net_fsflow, fsflow_driver);

/*
 * A sub-device absent when the fail-safe is created (its driver finds no device) does not stop
 * the creation: the hotplug alarm keeps probing it and, once it is there, replays the port's
 * configuration on it and moves the traffic to it, as for one that went away.
 */
static void
test_absent_at_creation(void **state)
{
	struct rte_ether_addr mac;
	struct rte_eth_dev_info info;
	uint16_t fs, a, b;

	(void)state;
	fsflow_absent = 1;
	fs = fs_create("net_failsafe_ab0", "dev(net_fsflow_ab0),dev(net_ring_ab0),hotplug_poll=10");
	assert_false(port_exists("net_fsflow_ab0"));
	b = port_of("net_ring_ab0");
	test_port_up(fs, 1, pool);
	assert_int_equal(rte_eth_promiscuous_enable(fs), 0);
	/* the preferred sub-device is missing: the other one carries the traffic */
	send_n(fs, 16);
	assert_int_equal(opackets(b), 16);
	assert_int_equal(drain(fs), 16);
	/* several alarms fail to probe it, quietly */
	rte_delay_ms(50);
	assert_false(port_exists("net_fsflow_ab0"));

	fsflow_absent = 0;
	a = wait_back(fs, 0);
	assert_int_equal(a, port_of("net_fsflow_ab0"));
	assert_true(rte_eth_devices[a].data->dev_started);
	assert_int_equal(rte_eth_dev_info_get(a, &info), 0);
	assert_int_equal(info.nb_rx_queues, 1);
	assert_int_equal(info.nb_tx_queues, 1);
	send_n(fs, 8);
	assert_int_equal(opackets(b), 16);
	assert_int_equal(rte_vdev_uninit("net_failsafe_ab0"), 0);
	assert_false(port_exists("net_fsflow_ab0"));
	assert_false(port_exists("net_ring_ab0"));

	/* none present: a random unicast, locally administered address until mac= says */
	fsflow_absent = 1;
	fs = fs_create("net_failsafe_ab1", "dev(net_fsflow_ab1),hotplug_poll=10");
	assert_int_equal(rte_eth_macaddr_get(fs, &mac), 0);
	assert_false(rte_is_zero_ether_addr(&mac));
	assert_true(rte_is_unicast_ether_addr(&mac));
	assert_true(rte_is_local_admin_ether_addr(&mac));
	test_port_up(fs, 1, pool);
	fsflow_absent = 0;
	a = wait_back(fs, 0);
	assert_true(rte_eth_devices[a].data->dev_started);
	assert_int_equal(rte_vdev_uninit("net_failsafe_ab1"), 0);

	/* without the alarm nothing would ever probe it: the creation fails */
	fsflow_absent = 1;
	assert_true(rte_vdev_init("net_failsafe_ab2", "dev(net_fsflow_ab2),hotplug_poll=0") < 0);
	assert_false(port_exists("net_failsafe_ab2"));
	fsflow_absent = 0;
}

/* Rules go to the sub-device with flow operations, are kept, and come back with it. */
static void
test_flows(void **state)
{
	const struct rte_flow_attr attr = { .ingress = 1 };
	const struct rte_flow_item pattern[] = {
		{ .type = RTE_FLOW_ITEM_TYPE_ETH },
		{ .type = RTE_FLOW_ITEM_TYPE_END },
	};
	const struct rte_flow_action actions[] = {
		{ .type = RTE_FLOW_ACTION_TYPE_DROP },
		{ .type = RTE_FLOW_ACTION_TYPE_END },
	};
	const struct rte_flow_action bad_actions[] = {
		{ .type = RTE_FLOW_ACTION_TYPE_QUEUE,
		  .conf = &(struct rte_flow_action_queue){ .index = 0 } },
		{ .type = RTE_FLOW_ACTION_TYPE_END },
	};
	struct rte_flow *f1, *f2;
	struct rte_flow_error err;
	uint64_t end;
	int closes;
	uint16_t fs;

	(void)state;
	fs = fs_create("net_failsafe_fl0", "dev(net_fsflow0),dev(net_ring_fl0),hotplug_poll=10");
	test_port_up(fs, 1, pool);
	assert_int_equal(rte_flow_validate(fs, &attr, pattern, actions, &err), 0);
	f1 = rte_flow_create(fs, &attr, pattern, actions, &err);
	f2 = rte_flow_create(fs, &attr, pattern, actions, &err);
	assert_non_null(f1);
	assert_non_null(f2);
	assert_int_equal(fsflow_rules, 2);
	/* refused by the sub-device: refused, nothing kept */
	assert_null(rte_flow_create(fs, &attr, pattern, bad_actions, &err));
	assert_int_equal(fsflow_rules, 2);
	assert_int_equal(rte_flow_destroy(fs, f1, &err), 0);
	assert_int_equal(fsflow_rules, 1);

	/* removed: its rules go with it; back: the rule that is left is created again */
	closes = fsflow_closes;
	raise_rmv("net_fsflow0");
	end = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
	while ((fsflow_closes == closes || fsflow_rules != 1 || !port_exists("net_fsflow0") ||
			!rte_eth_devices[port_of("net_fsflow0")].data->dev_started) &&
			rte_get_timer_cycles() < end)
		rte_delay_ms(1);
	assert_int_equal(fsflow_closes, closes + 1);
	assert_int_equal(fsflow_rules, 1);
	assert_true(port_exists("net_fsflow0"));
	assert_int_equal(rte_flow_flush(fs, &err), 0);
	assert_int_equal(fsflow_rules, 0);
	assert_int_equal(rte_vdev_uninit("net_failsafe_fl0"), 0);
	assert_false(port_exists("net_fsflow0"));
	(void)f2;
}

static bool
vlan_on(uint16_t port, uint16_t id)
{
	return (rte_eth_devices[port].data->vlan_filter_conf.ids[id / 64] >> (id % 64)) & 1;
}

/*
 * VLAN filters, the RSS hash and the multicast list reach every sub-device, are replayed on
 * one that comes back, and a sub-device that refuses one leaves the others as they were.
 */
/* What net_fsflow port holds as RSS hash. */
static void
assert_rss(uint16_t port, uint64_t hf, const uint8_t *key)
{
	assert_int_equal(fsflow_rss_hf[port], hf);
	assert_memory_equal(fsflow_rss_key[port], key, sizeof(fsflow_rss_key[0]));
}

/* What the fail-safe port reports as RSS hash. */
static void
assert_fs_rss(uint16_t fs, uint64_t hf, const uint8_t *key)
{
	uint8_t got_key[FS_MAX_RSS_KEY];
	struct rte_eth_rss_conf got = { .rss_key = got_key, .rss_key_len = sizeof(got_key) };

	assert_int_equal(rte_eth_dev_rss_hash_conf_get(fs, &got), 0);
	assert_int_equal(got.rss_hf, hf);
	assert_int_equal(got.rss_key_len, sizeof(fsflow_rss_key[0]));
	assert_memory_equal(got_key, key, sizeof(fsflow_rss_key[0]));
}

static void
test_filters_replayed(void **state)
{
	uint8_t key[40], key2[40];
	struct rte_eth_rss_conf rss = { .rss_key = key, .rss_key_len = sizeof(key),
		.rss_hf = RTE_ETH_RSS_IP };
	struct rte_ether_addr mc[3] = {
		{ .addr_bytes = { 0x01, 0, 0x5e, 0, 0, 1 } },
		{ .addr_bytes = { 0x01, 0, 0x5e, 0, 0, 2 } },
		{ .addr_bytes = { 0x01, 0, 0x5e, 0, 0, 3 } },
	};
	struct rte_eth_conf conf;
	uint16_t fs, a, b;
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(i * 7 + 1);
	fs = fs_create("net_failsafe_vr0", "dev(net_fsflow_v0),dev(net_fsflow_v1),hotplug_poll=10");
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_VLAN_FILTER;
	assert_int_equal(rte_eth_dev_configure(fs, 2, 2, &conf), 0);
	for (i = 0; i < 2; i++) {
		assert_int_equal(rte_eth_rx_queue_setup(fs, i, 64, 0, NULL, pool), 0);
		assert_int_equal(rte_eth_tx_queue_setup(fs, i, 64, 0, NULL), 0);
	}
	assert_int_equal(rte_eth_dev_start(fs), 0);
	a = port_of("net_fsflow_v0");
	b = port_of("net_fsflow_v1");

	assert_int_equal(rte_eth_dev_vlan_filter(fs, 100, 1), 0);
	assert_int_equal(rte_eth_dev_vlan_filter(fs, 4095, 1), 0);
	assert_int_equal(rte_eth_dev_vlan_filter(fs, 7, 1), 0);
	assert_int_equal(rte_eth_dev_vlan_filter(fs, 7, 0), 0);
	assert_int_equal(rte_eth_dev_rss_hash_update(fs, &rss), 0);
	assert_int_equal(rte_eth_dev_set_mc_addr_list(fs, mc, 3), 0);
	assert_true(vlan_on(a, 100) && vlan_on(b, 4095) && !vlan_on(a, 7));
	assert_int_equal(fsflow_rss_hf[b], RTE_ETH_RSS_IP);
	assert_int_equal(fsflow_nb_mc[a], 3);

	/* the key length both sub-devices take; the hash as the application set it */
	{
		struct rte_eth_dev_info info;
		struct rte_eth_rss_conf got = { .rss_key = key2, .rss_key_len = sizeof(key2) };

		assert_int_equal(rte_eth_dev_info_get(fs, &info), 0);
		assert_int_equal(info.hash_key_size, sizeof(key));
		assert_int_equal(info.reta_size, 0);
		memset(key2, 0, sizeof(key2));
		assert_int_equal(rte_eth_dev_rss_hash_conf_get(fs, &got), 0);
		assert_int_equal(got.rss_hf, RTE_ETH_RSS_IP);
		assert_int_equal(got.rss_key_len, sizeof(key));
		assert_memory_equal(key2, key, sizeof(key));
	}

	/* a key longer than the fail-safe keeps: refused before any sub-device sees it */
	{
		uint8_t long_key[FS_MAX_RSS_KEY + 1];
		struct rte_eth_rss_conf lrss = { .rss_key = long_key,
			.rss_key_len = sizeof(long_key), .rss_hf = RTE_ETH_RSS_UDP };

		memset(long_key, 0xa5, sizeof(long_key));
		assert_int_equal(rte_eth_dev_rss_hash_update(fs, &lrss), -EINVAL);
		assert_rss(a, RTE_ETH_RSS_IP, key);
		assert_rss(b, RTE_ETH_RSS_IP, key);
		assert_fs_rss(fs, RTE_ETH_RSS_IP, key);
	}

	/* b refuses a VLAN filter change: a is put back, on and off alike */
	fsflow_refuse[b] = FSFLOW_REFUSE_VLAN;
	assert_int_equal(rte_eth_dev_vlan_filter(fs, 200, 1), -EIO);
	assert_false(vlan_on(a, 200));
	assert_int_equal(rte_eth_dev_vlan_filter(fs, 100, 0), -EIO);
	assert_true(vlan_on(a, 100));
	assert_true(vlan_on(b, 100));
	fsflow_refuse[b] = 0;

	/* b refuses an RSS hash update: a gets its key and hash types back */
	for (i = 0; i < sizeof(key2); i++)
		key2[i] = (uint8_t)(0xff - i);
	{
		struct rte_eth_rss_conf rss2 = { .rss_key = key2, .rss_key_len = sizeof(key2),
			.rss_hf = RTE_ETH_RSS_UDP };

		fsflow_refuse[b] = FSFLOW_REFUSE_RSS;
		assert_int_equal(rte_eth_dev_rss_hash_update(fs, &rss2), -EIO);
		fsflow_refuse[b] = 0;
		assert_rss(a, RTE_ETH_RSS_IP, key);
		assert_rss(b, RTE_ETH_RSS_IP, key);
		assert_fs_rss(fs, RTE_ETH_RSS_IP, key);

		/* b cannot tell its hash, so it could not be put back: refused, a untouched */
		fsflow_refuse[b] = FSFLOW_REFUSE_RSS_GET;
		assert_int_equal(rte_eth_dev_rss_hash_update(fs, &rss2), -ENOTSUP);
		fsflow_refuse[b] = 0;
		assert_rss(a, RTE_ETH_RSS_IP, key);
		assert_fs_rss(fs, RTE_ETH_RSS_IP, key);
	}

	/* a refuses a hash the fail-safe cannot give either: refused, nothing kept */
	rss.rss_hf = RTE_ETH_RSS_TCP;
	assert_int_not_equal(rte_eth_dev_rss_hash_update(fs, &rss), 0);
	rss.rss_hf = RTE_ETH_RSS_IP;
	/* b refuses the list: a gets the old one back, and the old one is what is replayed */
	fsflow_refuse_mc = 1;
	fsflow_mc_calls = 0;
	assert_int_equal(rte_eth_dev_set_mc_addr_list(fs, mc, 1), -EIO);
	fsflow_refuse_mc = 0;
	assert_int_equal(fsflow_nb_mc[a], 3);
	assert_int_equal(fsflow_nb_mc[b], 3);

	/* a goes; it comes back with all three */
	raise_rmv("net_fsflow_v0");
	a = wait_back(fs, 0);
	assert_true(vlan_on(a, 100));
	assert_true(vlan_on(a, 4095));
	assert_false(vlan_on(a, 7));
	assert_false(vlan_on(a, 200)); /* refused above: not replayed */
	assert_int_equal(fsflow_rss_hf[a], RTE_ETH_RSS_IP);
	assert_memory_equal(fsflow_rss_key[a], key, sizeof(key));
	assert_int_equal(fsflow_nb_mc[a], 3);

	/* a setting changed while b is away is what b comes back with */
	raise_rmv("net_fsflow_v1");
	assert_int_equal(rte_eth_dev_vlan_filter(fs, 100, 0), 0);
	assert_int_equal(rte_eth_dev_set_mc_addr_list(fs, NULL, 0), 0);
	b = wait_back(fs, 1);
	assert_false(vlan_on(b, 100));
	assert_true(vlan_on(b, 4095));
	assert_int_equal(fsflow_nb_mc[b], 0);

	/* more addresses than the fail-safe keeps: refused */
	{
		static struct rte_ether_addr many[FS_MAX_MC + 1];

		assert_int_not_equal(rte_eth_dev_set_mc_addr_list(fs, many, FS_MAX_MC + 1), 0);
	}
	assert_int_equal(rte_eth_dev_stop(fs), 0);
	assert_int_equal(rte_eth_dev_close(fs), 0);
	assert_int_equal(rte_vdev_uninit("net_failsafe_vr0"), 0);
}

/*
 * hash_key_size: the shortest of the sub-devices present, never more than the fail-safe keeps
 * (FS_MAX_RSS_KEY), that much when none is present.
 */
static void
test_rss_key_size(void **state)
{
	struct rte_eth_dev_info info;
	uint16_t fs;

	(void)state;
	fsflow_key_size = 80;
	fs = fs_create("net_failsafe_k0", "dev(net_fsflow_k0),hotplug_poll=0");
	assert_int_equal(rte_eth_dev_info_get(fs, &info), 0);
	assert_int_equal(info.hash_key_size, FS_MAX_RSS_KEY);
	assert_int_equal(rte_vdev_uninit("net_failsafe_k0"), 0);

	fs = fs_create("net_failsafe_k1", "dev(net_fsflow_k1),dev(net_null_k1),hotplug_poll=0");
	assert_int_equal(rte_eth_dev_info_get(port_of("net_null_k1"), &info), 0);
	assert_true(info.hash_key_size > 0 && info.hash_key_size < FS_MAX_RSS_KEY);
	{
		uint8_t want = info.hash_key_size;

		assert_int_equal(rte_eth_dev_info_get(fs, &info), 0);
		assert_int_equal(info.hash_key_size, want);
	}
	assert_int_equal(rte_vdev_uninit("net_failsafe_k1"), 0);

	fsflow_key_size = 24;
	fs = fs_create("net_failsafe_k2", "dev(net_null_k2),dev(net_fsflow_k2),hotplug_poll=0");
	assert_int_equal(rte_eth_dev_info_get(fs, &info), 0);
	assert_int_equal(info.hash_key_size, 24);
	assert_int_equal(rte_vdev_uninit("net_failsafe_k2"), 0);
	fsflow_key_size = 40;

	/* none present; the alarm is not due before the port is gone, so it probes nothing */
	fsflow_absent = 1;
	fs = fs_create("net_failsafe_k3", "dev(net_fsflow_k3),hotplug_poll=60000");
	assert_int_equal(rte_eth_dev_info_get(fs, &info), 0);
	assert_int_equal(info.hash_key_size, FS_MAX_RSS_KEY);
	assert_int_equal(rte_vdev_uninit("net_failsafe_k3"), 0);
	fsflow_absent = 0;
}

/* A tap sub-device (needs root and /dev/net/tun) with a null one behind it. */
static void
test_tap(void **state)
{
	char args[128], name[32];
	uint16_t fs, tap, nul;

	(void)state;
#ifndef TEST_HAVE_TAP
	print_message("SKIPPED: net_tap is not built\n");
	skip();
#endif
	if (geteuid() != 0 || access("/dev/net/tun", R_OK | W_OK) != 0) {
		print_message("SKIPPED: needs root and /dev/net/tun\n");
		skip();
	}
	snprintf(name, sizeof(name), "fst%d", (int)getpid() % 100000);
	snprintf(args, sizeof(args), "dev(net_tap_fs0,iface=%s),dev(net_null_fs0),hotplug_poll=10",
			name);
	fs = fs_create("net_failsafe_tap0", args);
	tap = port_of("net_tap_fs0");
	nul = port_of("net_null_fs0");
	test_port_up(fs, 1, pool);
	send_n(fs, 8);
	assert_int_equal(opackets(tap), 8);
	assert_int_equal(opackets(nul), 0);
	raise_rmv("net_tap_fs0");
	send_n(fs, 8);
	assert_int_equal(opackets(nul), 8);
	tap = wait_back(fs, 0);
	send_n(fs, 8);
	assert_int_equal(opackets(tap), 8);
	assert_int_equal(rte_vdev_uninit("net_failsafe_tap0"), 0);
	assert_false(port_exists("net_tap_fs0"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_devargs_errors),
		cmocka_unit_test(test_exec_fd),
		cmocka_unit_test(test_devargs_change),
		cmocka_unit_test(test_failover),
		cmocka_unit_test(test_infos),
		cmocka_unit_test(test_cycles),
		cmocka_unit_test(test_under_traffic),
		cmocka_unit_test(test_flows),
		cmocka_unit_test(test_filters_replayed),
		cmocka_unit_test(test_rss_key_size),
		cmocka_unit_test(test_tap),
		cmocka_unit_test(test_absent_at_creation),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
