/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ethdev control API and port hotplug, through net_null and net_ring: the port table, every
 * refusal with its error code and an unchanged state, events, the port-table limit.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <unistd.h>
#include <pthread.h>

#include <rte_bus.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_mbuf_ptype.h>
#include <rte_ring.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

static struct rte_mempool *pool;

/* A driver whose devices cannot be detached (no remove): detach must say -ENOTSUP. */
static const struct eth_dev_ops nodetach_ops;

static int
nodetach_probe(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_vdev_allocate(vdev, 0);

	if (dev == NULL)
		return -rte_errno;
	dev->dev_ops = &nodetach_ops;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static struct rte_vdev_driver nodetach_driver = {
	.probe = nodetach_probe,
};
RTE_PMD_REGISTER_VDEV(net_nodetach, nodetach_driver);

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_ethdev_api", "-l", "0", 4095, 128);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

static void
test_empty_table(void **state)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	struct rte_eth_dev_info info;
	uint16_t p;

	(void)state;
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	assert_int_equal(rte_eth_dev_count_total(), 0);
	assert_int_equal(rte_eth_find_next(0), RTE_MAX_ETHPORTS);
	assert_false(rte_eth_dev_is_valid_port(0));
	assert_false(rte_eth_dev_is_valid_port(RTE_MAX_ETHPORTS));
	assert_int_equal(rte_eth_dev_info_get(0, &info), -ENODEV);
	assert_int_equal(rte_eth_dev_get_name_by_port(0, name), -ENODEV);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_null0", &p), -ENODEV);
	assert_int_equal(rte_eth_dev_get_port_by_name(NULL, &p), -EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_eth_dev_socket_id(0), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_eth_dev_start(0), -ENODEV);
	assert_int_equal(rte_eth_dev_close(0), -ENODEV);
	assert_int_equal(rte_eth_promiscuous_get(0), -1);
	/* Polling an unused port is harmless: no packets, no crash. */
	struct rte_mbuf *m[4];

	assert_int_equal(rte_eth_rx_burst(3, 0, m, 4), 0);
	assert_int_equal(rte_eth_tx_burst(3, 0, m, 4), 0);
}

static void
test_attach_lookup(void **state)
{
	char name[RTE_ETH_NAME_MAX_LEN], devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_eth_dev_info info;
	uint16_t port, p, n = 0;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null0,size=128", &port), 0);
	assert_int_equal(port, 0);
	assert_true(rte_eth_dev_is_valid_port(port));
	assert_int_equal(rte_eth_dev_count_avail(), 1);
	assert_int_equal(rte_eth_dev_get_name_by_port(port, name), 0);
	assert_string_equal(name, "net_null0");
	assert_int_equal(rte_eth_dev_get_port_by_name("net_null0", &p), 0);
	assert_int_equal(p, port);
	RTE_ETH_FOREACH_DEV(p)
		n++;
	assert_int_equal(n, 1);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_string_equal(info.driver_name, "net_null");
	assert_non_null(info.device);
	assert_true(info.max_rx_queues >= 1);
	assert_int_equal(rte_eth_devices[port].dev_type, RTE_ETH_DEV_VIRTUAL);
	/* A port that was never configured can be closed and detached. */
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
	assert_string_equal(devname, "net_null0");
	assert_int_equal(rte_eth_dev_count_avail(), 0);
}

static void
test_config_refusals(void **state)
{
	struct rte_eth_conf conf;
	struct rte_eth_dev_info info;
	struct rte_eth_rxconf rxc;
	char devname[RTE_DEV_NAME_MAX_LEN];
	uint16_t port, nrx = 1000, ntx = 7;

	(void)state;
	memset(&conf, 0, sizeof(conf));
	assert_int_equal(rte_eth_dev_attach("net_null0", &port), 0);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	/* Queue setup and start before configure. */
	assert_int_equal(rte_eth_rx_queue_setup(port, 0, 64, 0, NULL, pool), -EINVAL);
	assert_int_equal(rte_eth_dev_start(port), -EINVAL);
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_configure(port, info.max_rx_queues + 1, 1, &conf), -EINVAL);
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_TCP_LRO;
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL);
	conf.rxmode.offloads = 0;
	conf.rxmode.mtu = 10;
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL);
	conf.rxmode.mtu = 0;
	/* Refusals changed nothing. */
	assert_int_equal(rte_eth_devices[port].data->nb_rx_queues, 0);
	assert_false(rte_eth_devices[port].data->dev_configured);

	assert_int_equal(rte_eth_dev_configure(port, 2, 2, &conf), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port, 2, 64, 0, NULL, pool), -EINVAL);
	assert_int_equal(rte_eth_tx_queue_setup(port, 2, 64, 0, NULL), -EINVAL);
	assert_int_equal(rte_eth_rx_queue_setup(port, 0, 64, 0, NULL, NULL), -EINVAL);
	memset(&rxc, 0, sizeof(rxc));
	rxc.offloads = RTE_ETH_RX_OFFLOAD_TIMESTAMP;
	assert_int_equal(rte_eth_rx_queue_setup(port, 0, 64, 0, &rxc, pool), -EINVAL);
	assert_int_equal(rte_eth_rx_queue_setup(port, 0, 64, 0, NULL, pool), 0);
	assert_int_equal(rte_eth_tx_queue_setup(port, 0, 64, 0, NULL), 0);
	/* Queue 1 missing. */
	assert_int_equal(rte_eth_dev_start(port), -EINVAL);
	assert_false(rte_eth_devices[port].data->dev_started);
	/* Shrinking releases queue 1 slots; start now works. */
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), 0);
	assert_non_null(rte_eth_devices[port].data->rx_queues[0]);
	assert_int_equal(rte_eth_dev_adjust_nb_rx_tx_desc(port, &nrx, &ntx), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), -EBUSY);
	assert_int_equal(rte_eth_rx_queue_setup(port, 0, 64, 0, NULL, pool), -EBUSY);
	assert_true(rte_eth_devices[port].data->dev_started);

	/* Detach refusals: started, then stopped but not closed, then bad arguments. */
	assert_int_equal(rte_eth_dev_detach(port, devname), -EBUSY);
	assert_true(rte_eth_dev_is_valid_port(port));
	assert_true(rte_eth_devices[port].data->dev_started);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), -EBUSY);
	assert_true(rte_eth_dev_is_valid_port(port));
	assert_int_equal(rte_eth_dev_detach(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_detach(RTE_MAX_ETHPORTS - 1, devname), -ENODEV);
	assert_int_equal(rte_eth_dev_detach(RTE_MAX_ETHPORTS, devname), -ENODEV);
	/* Closed: start refused, configure reopens it. */
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_start(port), -EINVAL);
	assert_true(rte_eth_dev_is_valid_port(port));
	test_port_up(port, 1, pool);
	/* Close of a started port stops it first. */
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_false(rte_eth_devices[port].data->dev_started);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
}

static void
test_attach_refusals(void **state)
{
	unsigned int nvirt = rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL);
	char devname[RTE_DEV_NAME_MAX_LEN];
	uint16_t port, port2;
	uint8_t p8;

	(void)state;
	assert_int_equal(rte_eth_dev_attach(NULL, &port), -EINVAL);
	assert_int_equal(rte_eth_dev_attach("net_null0", NULL), -EINVAL);
	assert_true(rte_eth_dev_attach("net_nosuchdriver0", &port) < 0);
	assert_int_equal(rte_eth_dev_attach("net_null0,size=abc", &port), -EINVAL);
	assert_int_equal(rte_eth_dev_attach("net_null0,bogus=1", &port), -EINVAL);
	assert_int_equal(rte_eth_dev_attach("net_null0,copy=1,no-rx=1", &port), -EINVAL);
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), nvirt);

	assert_int_equal(rte_eth_dev_attach("net_null0", &port), 0);
	assert_int_equal(rte_eth_dev_attach("net_null0", &port2), -EEXIST);
	assert_int_equal(rte_eth_dev_count_avail(), 1);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), nvirt + 1);

	/* A driver that cannot detach: -ENOTSUP and the port stays, closed. */
	assert_int_equal(rte_eth_dev_attach("net_nodetach0", &port2), 0);
	assert_int_equal(port2, port + 1);
	assert_int_equal(rte_eth_dev_close(port2), 0);
	assert_int_equal(rte_eth_dev_detach(port2, devname), -ENOTSUP);
	assert_true(rte_eth_dev_is_valid_port(port2));
	assert_true(rte_eth_devices[port2].data->dev_closed);
	assert_int_equal(rte_eth_dev_count_avail(), 2);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), nvirt + 2);

	/* The seed's 8-bit names. */
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eal_dev_detach((uint8_t)port, devname), 0);
	assert_string_equal(devname, "net_null0");
	assert_int_equal(rte_eal_dev_attach("net_null0", &p8), 0);
	assert_int_equal(p8, port);
	assert_int_equal(rte_eal_dev_attach("net_null1", NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_close(p8), 0);
	assert_int_equal(rte_eal_dev_detach(p8, devname), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), nvirt + 1);
	/* The undetachable one goes at rte_eal_cleanup. */
}

struct ev_count {
	unsigned int nnew[RTE_MAX_ETHPORTS];
	unsigned int ndestroy[RTE_MAX_ETHPORTS];
	char name_at_destroy[RTE_ETH_NAME_MAX_LEN];
};

static int
count_event(uint16_t port, enum rte_eth_event_type ev, void *arg, void *ret_param)
{
	struct ev_count *c = arg;

	(void)ret_param;
	if (ev == RTE_ETH_EVENT_NEW)
		c->nnew[port]++;
	else if (ev == RTE_ETH_EVENT_DESTROY) {
		c->ndestroy[port]++;
		/* The port can still be queried while DESTROY is delivered. */
		rte_eth_dev_get_name_by_port(port, c->name_at_destroy);
	}
	return 0;
}

static void
test_events(void **state)
{
	struct ev_count c;
	char devname[RTE_DEV_NAME_MAX_LEN];
	uint16_t port, p, a, b;
	unsigned int i, total;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
			count_event, &c), 0);
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY,
			count_event, &c), 0);
	/* The same registration twice is one registration. */
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
			count_event, &c), 0);
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
			NULL, &c), -EINVAL);
	assert_int_equal(rte_eth_dev_callback_register(RTE_MAX_ETHPORTS + 1,
			RTE_ETH_EVENT_NEW, count_event, &c), -EINVAL);

	assert_int_equal(rte_eth_dev_attach("net_null0", &port), 0);
	assert_int_equal(c.nnew[port], 1);
	assert_int_equal(c.ndestroy[port], 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
	assert_int_equal(c.nnew[port], 1);
	assert_int_equal(c.ndestroy[port], 1);
	assert_string_equal(c.name_at_destroy, "net_null0");

	/* A device with two ports: both announced, both destroyed, detached as a whole. */
	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_eth_dev_attach("net_ring_ev,nodeaction=ev_a:0:CREATE,"
			"nodeaction=ev_b:0:CREATE", &port), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("ev_a", &a), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("ev_b", &b), 0);
	assert_int_equal(port, a);
	assert_int_equal(c.nnew[a], 1);
	assert_int_equal(c.nnew[b], 1);
	assert_int_equal(rte_eth_dev_close(a), 0);
	/* ev_b is not closed yet: the whole device stays. */
	assert_int_equal(rte_eth_dev_detach(a, devname), -EBUSY);
	assert_true(rte_eth_dev_is_valid_port(a));
	assert_true(rte_eth_dev_is_valid_port(b));
	assert_int_equal(rte_eth_dev_close(b), 0);
	assert_int_equal(rte_eth_dev_detach(b, devname), 0);
	assert_string_equal(devname, "net_ring_ev");
	assert_false(rte_eth_dev_is_valid_port(a));
	assert_false(rte_eth_dev_is_valid_port(b));
	RTE_ETH_FOREACH_DEV(p)
		assert_true(strcmp(rte_eth_devices[p].data->name, "ev_a") != 0);
	for (i = 0, total = 0; i < RTE_MAX_ETHPORTS; i++)
		total += c.nnew[i] + c.ndestroy[i];
	assert_int_equal(c.ndestroy[a], 1);
	assert_int_equal(c.ndestroy[b], 1);
	assert_int_equal(total, 4);

	assert_int_equal(rte_eth_dev_callback_unregister(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
			count_event, &c), 0);
	assert_int_equal(rte_eth_dev_callback_unregister(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY,
			count_event, (void *)-1), 0);
	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_eth_dev_attach("net_null0", &port), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
	assert_int_equal(c.nnew[port] + c.ndestroy[port], 0);

	/* Registered again (twice: one entry), it hears the next port, once. */
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
			count_event, &c), 0);
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
			count_event, &c), 0);
	assert_int_equal(rte_eth_dev_attach("net_null0", &port), 0);
	assert_int_equal(c.nnew[port], 1);
	assert_int_equal(rte_eth_dev_callback_unregister(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
			count_event, &c), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
	assert_int_equal(rte_eth_dev_attach("net_null0", &port), 0);
	assert_int_equal(c.nnew[port], 1);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
}

static void
test_port_table_full(void **state)
{
	unsigned int nvirt = rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL);
	char args[64], devname[RTE_DEV_NAME_MAX_LEN];
	uint16_t base = rte_eth_dev_count_avail();
	uint16_t port, i;
	int fds = test_count_fds();
	size_t mem = test_malloc_bytes();

	(void)state;
	for (i = base; i < RTE_MAX_ETHPORTS; i++) {
		snprintf(args, sizeof(args), "net_null_full%u", i);
		assert_int_equal(rte_eth_dev_attach(args, &port), 0);
	}
	assert_int_equal(rte_eth_dev_count_avail(), RTE_MAX_ETHPORTS);
	assert_int_equal(rte_eth_dev_attach("net_null_one_more", &port), -ENOSPC);
	assert_int_equal(rte_eth_dev_count_avail(), RTE_MAX_ETHPORTS);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL),
			nvirt + RTE_MAX_ETHPORTS - base);
	for (i = base; i < RTE_MAX_ETHPORTS; i++) {
		snprintf(args, sizeof(args), "net_null_full%u", i);
		assert_int_equal(rte_eth_dev_get_port_by_name(args, &port), 0);
		assert_int_equal(rte_eth_dev_close(port), 0);
		assert_int_equal(rte_eth_dev_detach(port, devname), 0);
		assert_string_equal(devname, args);
	}
	assert_int_equal(rte_eth_dev_count_avail(), base);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), nvirt);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(test_malloc_bytes(), mem);
}

static void
test_settings(void **state)
{
	struct rte_ether_addr mac, mac2, bad = {{ 0x01, 0, 0, 0, 0, 1 }};
	struct rte_eth_link link;
	char str[RTE_ETH_LINK_MAX_STR_LEN], devname[RTE_DEV_NAME_MAX_LEN];
	uint32_t ptypes[8];
	uint16_t port, mtu;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null0", &port), 0);
	assert_int_equal(rte_eth_macaddr_get(port, &mac), 0);
	assert_true(rte_is_valid_assigned_ether_addr(&mac));
	assert_int_equal(rte_eth_macaddr_get(port, NULL), -EINVAL);
	mac2 = mac;
	mac2.addr_bytes[5] ^= 0x5a;
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port, &bad), -EINVAL);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port, &mac2), 0);
	assert_int_equal(rte_eth_macaddr_get(port, &mac), 0);
	assert_memory_equal(&mac, &mac2, sizeof(mac));

	assert_int_equal(rte_eth_promiscuous_get(port), 0);
	assert_int_equal(rte_eth_promiscuous_enable(port), 0);
	assert_int_equal(rte_eth_promiscuous_get(port), 1);
	assert_int_equal(rte_eth_promiscuous_disable(port), 0);
	assert_int_equal(rte_eth_promiscuous_get(port), 0);
	assert_int_equal(rte_eth_allmulticast_enable(port), 0);
	assert_int_equal(rte_eth_allmulticast_get(port), 1);
	assert_int_equal(rte_eth_allmulticast_disable(port), 0);
	assert_int_equal(rte_eth_allmulticast_get(port), 0);

	assert_int_equal(rte_eth_dev_get_mtu(port, &mtu), 0);
	assert_int_equal(mtu, RTE_ETHER_MTU);
	/* As in DPDK, the MTU can be changed once the port is configured. */
	assert_int_equal(rte_eth_dev_set_mtu(port, 9000), -EINVAL);
	assert_int_equal(rte_eth_dev_get_mtu(port, &mtu), 0);
	assert_int_equal(mtu, RTE_ETHER_MTU);

	assert_int_equal(rte_eth_link_get_nowait(port, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_int_equal(rte_eth_link_to_str(str, sizeof(str), &link), 9);
	assert_string_equal(str, "Link down");
	test_port_up(port, 1, pool);
	assert_int_equal(rte_eth_dev_set_mtu(port, 9000), 0);
	assert_int_equal(rte_eth_dev_get_mtu(port, &mtu), 0);
	assert_int_equal(mtu, 9000);
	assert_int_equal(rte_eth_dev_set_mtu(port, 20), -EINVAL);
	assert_int_equal(rte_eth_dev_get_mtu(port, &mtu), 0);
	assert_int_equal(mtu, 9000);
	assert_int_equal(rte_eth_dev_get_mtu(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_link_get(port, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_UP);
	assert_int_equal(link.link_speed, RTE_ETH_SPEED_NUM_10G);
	assert_true(rte_eth_link_to_str(str, sizeof(str), &link) > 0);
	assert_string_equal(str, "Link up at 10 Gbps FDX Fixed");
	assert_int_equal(rte_eth_link_to_str(NULL, 10, &link), -EINVAL);
	assert_int_equal(rte_eth_link_to_str(str, 0, &link), -EINVAL);

	/* net_null classifies nothing. */
	assert_int_equal(rte_eth_dev_get_supported_ptypes(port, RTE_PTYPE_ALL_MASK, ptypes, 8), 0);
	assert_int_equal(rte_eth_dev_get_supported_ptypes(port, RTE_PTYPE_ALL_MASK, NULL, 8),
			-EINVAL);
	ptypes[0] = 0xdead;
	assert_int_equal(rte_eth_dev_set_ptypes(port, RTE_PTYPE_L3_MASK, ptypes, 8), 0);
	assert_int_equal(ptypes[0], RTE_PTYPE_UNKNOWN);
	assert_int_equal(rte_eth_dev_set_ptypes(port, 0, NULL, 1), -EINVAL);

	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_link_get_nowait(port, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
}

static void
test_stats_and_xstats(void **state)
{
	struct rte_mbuf *m[32];
	struct rte_eth_stats st;
	struct rte_eth_xstat_name *names;
	struct rte_eth_xstat *xs;
	char devname[RTE_DEV_NAME_MAX_LEN];
	uint16_t port;
	int n, i;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null0,size=100", &port), 0);
	test_port_up(port, 1, pool);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 32), 32);
	for (i = 0; i < 32; i++)
		assert_int_equal(rte_pktmbuf_pkt_len(m[i]), 100);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 20), 20);
	assert_int_equal(rte_eth_tx_burst(port, 0, m + 20, 12), 12);
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.ipackets, 32);
	assert_int_equal(st.ibytes, 3200);
	assert_int_equal(st.opackets, 32);
	assert_int_equal(st.obytes, 3200);
	assert_int_equal(st.q_ipackets[0], 32);
	assert_int_equal(rte_eth_stats_get(port, NULL), -EINVAL);

	n = rte_eth_xstats_get_names(port, NULL, 0);
	assert_true(n >= 8);
	names = calloc(n, sizeof(*names));
	xs = calloc(n, sizeof(*xs));
	assert_int_equal(rte_eth_xstats_get_names(port, names, n), n);
	assert_int_equal(rte_eth_xstats_get(port, xs, n), n);
	assert_int_equal(rte_eth_xstats_get(port, xs, 1), n);
	for (i = 0; i < n; i++) {
		assert_int_equal(xs[i].id, i);
		if (strcmp(names[i].name, "rx_good_packets") == 0)
			assert_int_equal(xs[i].value, 32);
		if (strcmp(names[i].name, "tx_good_bytes") == 0)
			assert_int_equal(xs[i].value, 3200);
	}
	assert_int_equal(rte_eth_xstats_reset(port), 0);
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.ipackets + st.opackets, 0);
	assert_int_equal(rte_eth_stats_reset(port), 0);
	free(names);
	free(xs);

	/* After stop the data path returns 0 in both directions and keeps the caller's mbufs. */
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 32), 0);
	test_fill(pool, m, 4, 60, 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 4), 0);
	rte_pktmbuf_free_bulk(m, 4);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 32), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
}

static void
test_tx_buffer(void **state)
{
	struct rte_eth_dev_tx_buffer *buf = rte_zmalloc("txbuf", RTE_ETH_TX_BUFFER_SIZE(8), 0);
	struct rte_mbuf *m[16];
	struct rte_eth_stats st;
	char devname[RTE_DEV_NAME_MAX_LEN];
	uint64_t dropped = 0;
	unsigned int avail = rte_mempool_avail_count(pool);
	uint16_t port, sent = 0;
	int i;

	(void)state;
	assert_non_null(buf);
	assert_int_equal(rte_eth_tx_buffer_init(NULL, 8), -EINVAL);
	assert_int_equal(rte_eth_tx_buffer_init(buf, 0), -EINVAL);
	assert_int_equal(rte_eth_tx_buffer_init(buf, 8), 0);
	assert_int_equal(rte_eth_tx_buffer_set_err_callback(buf, NULL, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_attach("net_null0", &port), 0);
	test_port_up(port, 1, pool);
	test_fill(pool, m, 16, 64, 1);
	for (i = 0; i < 12; i++)
		sent += rte_eth_tx_buffer(port, 0, buf, m[i]);
	assert_int_equal(sent, 8);
	assert_int_equal(buf->length, 4);
	assert_int_equal(rte_eth_tx_buffer_flush(port, 0, buf), 4);
	assert_int_equal(rte_eth_tx_buffer_flush(port, 0, buf), 0);
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.opackets, 12);
	/* A stopped port sends nothing: the count callback frees and counts the rest. */
	assert_int_equal(rte_eth_tx_buffer_set_err_callback(buf,
			rte_eth_tx_buffer_count_callback, &dropped), 0);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	for (i = 12; i < 16; i++)
		assert_int_equal(rte_eth_tx_buffer(port, 0, buf, m[i]), 0);
	assert_int_equal(rte_eth_tx_buffer_flush(port, 0, buf), 0);
	assert_int_equal(dropped, 4);
	assert_int_equal(rte_mempool_avail_count(pool), avail);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
	rte_free(buf);
}

/* The device-level engine tears down ports in any state, as in DPDK. */
static void
test_dev_remove_started(void **state)
{
	struct ev_count c;
	struct rte_eth_dev_info info;
	uint16_t n0, r0, r1;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY,
			count_event, &c), 0);
	assert_int_equal(rte_dev_probe("net_null_rm"), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_null_rm", &n0), 0);
	test_port_up(n0, 2, pool);
	assert_int_equal(rte_eth_dev_reset(n0), -ENOTSUP);
	assert_int_equal(rte_eth_dev_info_get(n0, &info), 0);
	assert_int_equal(rte_dev_remove(info.device), 0);
	assert_false(rte_eth_dev_is_valid_port(n0));
	assert_int_equal(c.ndestroy[n0], 1);

	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_eal_hotplug_add("vdev", "net_ring_rm",
			"nodeaction=rm_a:0:CREATE,nodeaction=rm_b:0:CREATE"), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("rm_a", &r0), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("rm_b", &r1), 0);
	test_port_up(r0, 1, pool);
	test_port_up(r1, 1, pool);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_ring_rm"), 0);
	assert_false(rte_eth_dev_is_valid_port(r0));
	assert_false(rte_eth_dev_is_valid_port(r1));
	assert_int_equal(c.ndestroy[r0], 1);
	assert_int_equal(c.ndestroy[r1], 1);
	assert_null(rte_ring_lookup("ETH_RXTX0_rm_a"));
	assert_int_equal(rte_eth_dev_callback_unregister(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY,
			count_event, &c), 0);
}

static void *
non_eal_register(void *arg)
{
	*(int *)arg = rte_eth_dev_fp_register();
	return NULL;
}

/* A thread without an lcore id has no reader slot: reporting quiescence must touch nothing. */
static void *
non_eal_quiescent(void *arg)
{
	rte_eth_dev_fp_quiescent();
	*(int *)arg = 1;
	return NULL;
}

static void
test_fp_register(void **state)
{
	pthread_t t;
	int ret = 0;

	(void)state;
	/* Before any registration there may be no quiescent-state variable yet. */
	rte_eth_dev_fp_quiescent();
	assert_int_equal(rte_eth_dev_fp_unregister(), -EINVAL);
	assert_int_equal(pthread_create(&t, NULL, non_eal_register, &ret), 0);
	pthread_join(t, NULL);
	assert_int_equal(ret, -EINVAL);
	assert_int_equal(rte_eth_dev_fp_register(), 0);
	assert_non_null(rte_eth_fp_qsbr);
	ret = 0;
	assert_int_equal(pthread_create(&t, NULL, non_eal_quiescent, &ret), 0);
	pthread_join(t, NULL);
	assert_int_equal(ret, 1);
	/* The caller is a registered reader: control calls must not wait for it. */
	uint16_t port;
	char devname[RTE_DEV_NAME_MAX_LEN];

	assert_int_equal(rte_eth_dev_attach("net_null_fp", &port), 0);
	test_port_up(port, 1, pool);
	rte_eth_dev_fp_quiescent();
	test_port_remove(port, devname);
	assert_int_equal(rte_eth_dev_fp_unregister(), 0);
	assert_int_equal(rte_eth_dev_fp_unregister(), -EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_table),
		cmocka_unit_test(test_attach_lookup),
		cmocka_unit_test(test_config_refusals),
		cmocka_unit_test(test_attach_refusals),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_port_table_full),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_stats_and_xstats),
		cmocka_unit_test(test_tx_buffer),
		cmocka_unit_test(test_dev_remove_started),
		cmocka_unit_test(test_fp_register),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
