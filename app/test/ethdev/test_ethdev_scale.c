/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The port name index and the free port id search with as many ports as the build allows:
 * every name stays findable while others come and go in an order that breaks up probe runs,
 * ids are handed out lowest first, a full table refuses a port, and ports attached through the
 * hotplug path are found by name and removed.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <rte_dev.h>
#include <rte_malloc.h>
#include <ethdev_driver.h>

/* The many-port tests use up to this many ports, fewer when the build has fewer. */
#define MANY 300

static struct rte_mempool *pool;

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_ethdev_scale", "-l", "0", 511, 0);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

static void
port_name(char *buf, size_t size, unsigned int i)
{
	snprintf(buf, size, "scale_port_%u", i);
}

/* Every name in [0, n) for which alive[i] is set is found at ids[i]; the others are not. */
static void
check_names(const struct rte_eth_dev *const *devs, const uint8_t *alive, unsigned int n)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	unsigned int i;
	uint16_t port;

	for (i = 0; i < n; i++) {
		port_name(name, sizeof(name), i);
		if (alive[i]) {
			assert_int_equal(rte_eth_dev_get_port_by_name(name, &port), 0);
			assert_int_equal(port, devs[i]->data->port_id);
			assert_ptr_equal(rte_eth_dev_allocated(name), devs[i]);
		} else {
			assert_int_equal(rte_eth_dev_get_port_by_name(name, &port), -ENODEV);
			assert_null(rte_eth_dev_allocated(name));
		}
	}
}

static unsigned int
gcd(unsigned int a, unsigned int b)
{
	while (b != 0) {
		unsigned int t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/*
 * Fill the whole port table, refuse one more, then release in a stride order (which removes
 * entries from the middle of probe runs, where a wrong shift would lose the entries after
 * them) checking every name after every release; then the freed ids come back lowest first.
 */
static void
test_fill_release_reuse(void **state)
{
	static struct rte_eth_dev *devs[RTE_MAX_ETHPORTS];
	static uint8_t alive[RTE_MAX_ETHPORTS];
	char name[RTE_ETH_NAME_MAX_LEN];
	const unsigned int n = RTE_MAX_ETHPORTS;
	unsigned int i, k, stride = 7;
	uint16_t port;

	(void)state;
	assert_int_equal(rte_eth_dev_count_total(), 0);
	for (i = 0; i < n; i++) {
		port_name(name, sizeof(name), i);
		devs[i] = rte_eth_dev_allocate(name);
		assert_non_null(devs[i]);
		/* Lowest free id first, as DPDK does. */
		assert_int_equal(devs[i]->data->port_id, i);
		alive[i] = 1;
	}
	check_names((const struct rte_eth_dev *const *)devs, alive, n);
	assert_null(rte_eth_dev_allocate("scale_one_too_many"));
	assert_int_equal(rte_errno, ENOSPC);
	/* A name in use is refused even with a free id. */
	assert_int_equal(rte_eth_dev_release_port(devs[n - 1]), 0);
	alive[n - 1] = 0;
	port_name(name, sizeof(name), 0);
	assert_null(rte_eth_dev_allocate(name));
	assert_int_equal(rte_errno, EEXIST);

	/* Coprime with n - 1, so that the walk below visits every remaining port once. */
	while (gcd(stride, n - 1) != 1)
		stride += 2;
	for (k = 1, i = 0; k < n; k++) {
		i = (i + stride) % (n - 1);
		assert_true(alive[i]);
		assert_int_equal(rte_eth_dev_release_port(devs[i]), 0);
		alive[i] = 0;
		if (k % 16 == 0 || n - k < 16)
			check_names((const struct rte_eth_dev *const *)devs, alive, n);
	}
	assert_int_equal(rte_eth_dev_count_total(), 0);

	/* Released names are free again and get the lowest ids, in order. */
	for (i = 0; i < 3; i++) {
		port_name(name, sizeof(name), n - 1 - i);
		devs[i] = rte_eth_dev_allocate(name);
		assert_non_null(devs[i]);
		assert_int_equal(devs[i]->data->port_id, i);
	}
	assert_int_equal(rte_eth_dev_release_port(devs[1]), 0);
	devs[1] = rte_eth_dev_allocate("scale_refill");
	assert_non_null(devs[1]);
	assert_int_equal(devs[1]->data->port_id, 1);
	assert_int_equal(rte_eth_dev_get_port_by_name("scale_refill", &port), 0);
	assert_int_equal(port, 1);
	for (i = 0; i < 3; i++)
		assert_int_equal(rte_eth_dev_release_port(devs[i]), 0);
	assert_int_equal(rte_eth_dev_count_total(), 0);
}

/* Names differing only in their last characters, removed and added back in turn. */
static void
test_remove_readd_same_names(void **state)
{
	struct rte_eth_dev *devs[RTE_MAX_ETHPORTS < 64 ? RTE_MAX_ETHPORTS : 64];
	uint8_t alive[RTE_DIM(devs)];
	char name[RTE_ETH_NAME_MAX_LEN];
	unsigned int i, round;

	(void)state;
	for (i = 0; i < RTE_DIM(devs); i++) {
		port_name(name, sizeof(name), i);
		devs[i] = rte_eth_dev_allocate(name);
		assert_non_null(devs[i]);
		alive[i] = 1;
	}
	for (round = 0; round < 4; round++) {
		for (i = round % 2; i < RTE_DIM(devs); i += 2) {
			assert_int_equal(rte_eth_dev_release_port(devs[i]), 0);
			alive[i] = 0;
		}
		check_names((const struct rte_eth_dev *const *)devs, alive, RTE_DIM(devs));
		for (i = round % 2; i < RTE_DIM(devs); i += 2) {
			port_name(name, sizeof(name), i);
			devs[i] = rte_eth_dev_allocate(name);
			assert_non_null(devs[i]);
			alive[i] = 1;
		}
		check_names((const struct rte_eth_dev *const *)devs, alive, RTE_DIM(devs));
	}
	for (i = 0; i < RTE_DIM(devs); i++)
		assert_int_equal(rte_eth_dev_release_port(devs[i]), 0);
}

/*
 * Many null ports through rte_dev_probe and rte_dev_remove, the application's way: found by
 * name, ids in order, a second attach of a name refused, removal in reverse.
 */
static void
test_many_vdev_ports(void **state)
{
	const unsigned int n = RTE_MAX_ETHPORTS - 1 < MANY ? RTE_MAX_ETHPORTS - 1 : MANY;
	struct rte_eth_dev_info info;
	char name[RTE_ETH_NAME_MAX_LEN];
	unsigned int i;
	uint16_t port;

	(void)state;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "net_null_scale%u", i);
		assert_int_equal(rte_dev_probe(name), 0);
	}
	assert_int_equal(rte_eth_dev_count_avail(), n);
	assert_int_equal(rte_dev_probe("net_null_scale0"), -EEXIST);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "net_null_scale%u", i);
		assert_int_equal(rte_eth_dev_get_port_by_name(name, &port), 0);
		assert_int_equal(port, i);
	}
	for (i = n; i-- > 0;) {
		snprintf(name, sizeof(name), "net_null_scale%u", i);
		assert_int_equal(rte_eth_dev_get_port_by_name(name, &port), 0);
		assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
		assert_int_equal(rte_eth_dev_close(port), 0);
		assert_int_equal(rte_dev_remove(info.device), 0);
		assert_int_equal(rte_eth_dev_get_port_by_name(name, &port), -ENODEV);
	}
	assert_int_equal(rte_eth_dev_count_total(), 0);
	/* Gone from the bus too: the name attaches again, at id 0. */
	assert_int_equal(rte_dev_probe("net_null_scale7"), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_null_scale7", &port), 0);
	assert_int_equal(port, 0);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_dev_remove(info.device), 0);
}

/* Callbacks left on any queue, the highest included, are freed with the port. */
static uint16_t
pass_rx(uint16_t port, uint16_t queue, struct rte_mbuf **pkts, uint16_t nb, uint16_t max,
		void *arg)
{
	(void)port;
	(void)queue;
	(void)pkts;
	(void)max;
	(void)arg;
	return nb;
}

static uint16_t
pass_tx(uint16_t port, uint16_t queue, struct rte_mbuf **pkts, uint16_t nb, void *arg)
{
	(void)port;
	(void)queue;
	(void)pkts;
	(void)arg;
	return nb;
}

static void
test_callbacks_on_high_queue(void **state)
{
	struct rte_eth_dev_info info;
	struct rte_mbuf *m[4];
	size_t mem = 0;
	uint16_t port;
	int round;

	(void)state;
	for (round = 0; round < 3; round++) {
		assert_int_equal(rte_dev_probe("net_null_cbq"), 0);
		assert_int_equal(rte_eth_dev_get_port_by_name("net_null_cbq", &port), 0);
		test_port_up(port, 4, pool);
		assert_non_null(rte_eth_add_rx_callback(port, 3, pass_rx, NULL));
		assert_non_null(rte_eth_add_tx_callback(port, 2, pass_tx, NULL));
		assert_non_null(rte_eth_add_first_rx_callback(port, 0, pass_rx, NULL));
		assert_int_equal(rte_eth_rx_burst(port, 3, m, 4), 4);
		assert_int_equal(rte_eth_tx_burst(port, 2, m, 4), 4);
		assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
		assert_int_equal(rte_eth_dev_stop(port), 0);
		assert_int_equal(rte_eth_dev_close(port), 0);
		assert_int_equal(rte_dev_remove(info.device), 0);
		/* The first round may leave lasting allocations behind; later ones may not. */
		if (round == 1)
			mem = test_malloc_bytes();
		else if (round == 2)
			assert_int_equal(test_malloc_bytes(), mem);
	}
}

/* Every byte of [p, p + len) is zero; len is at most the size of a port's data. */
static bool
all_zero(const void *p, size_t len)
{
	static const uint8_t zeros[sizeof(struct rte_eth_dev_data)];

	return len <= sizeof(zeros) && memcmp(p, zeros, len) == 0;
}

/*
 * A port id given back and taken again comes with data as fresh as the first time: the
 * release clears what the last user wrote (configuration, link, MAC pools, owner, flags).
 */
static void
test_reused_port_data_clean(void **state)
{
	struct rte_eth_dev_data *d;
	struct rte_eth_dev *dev;
	uint16_t port;
	int round;

	(void)state;
	for (round = 0; round < 3; round++) {
		dev = rte_eth_dev_allocate("scale_reused");
		assert_non_null(dev);
		d = dev->data;
		port = d->port_id;
		assert_string_equal(d->name, "scale_reused");
		assert_int_equal(d->mtu, RTE_ETHER_MTU);
		assert_int_equal(d->numa_node, SOCKET_ID_ANY);
		assert_int_equal(d->backer_port_id, RTE_MAX_ETHPORTS);
		assert_true(all_zero(&d->dev_conf, sizeof(d->dev_conf)));
		assert_true(all_zero(&d->dev_link, sizeof(d->dev_link)));
		assert_true(all_zero(d->mac_pool_sel, sizeof(d->mac_pool_sel)));
		assert_true(all_zero(&d->owner, sizeof(d->owner)));
		assert_int_equal(d->dev_flags, 0);
		assert_int_equal(d->promiscuous, 0);
		assert_int_equal(d->all_multicast, 0);
		assert_int_equal(d->dev_configured, 0);
		assert_null(d->dev_private);
		assert_null(d->mac_addrs);
		/* what a driver and an application leave behind */
		memset(&d->dev_conf, 0xa5, sizeof(d->dev_conf));
		memset(d->mac_pool_sel, 0xa5, sizeof(d->mac_pool_sel));
		d->dev_link.link_speed = RTE_ETH_SPEED_NUM_10G;
		d->dev_link.link_status = RTE_ETH_LINK_UP;
		d->owner.id = 7;
		d->dev_flags = RTE_ETH_DEV_INTR_LSC;
		d->promiscuous = 1;
		d->all_multicast = 1;
		d->dev_configured = 1;
		d->mtu = 9000;
		d->dev_private = rte_zmalloc("scale_reused", 64, 0);
		assert_non_null(d->dev_private);
		assert_int_equal(rte_eth_dev_release_port(dev), 0);
		/* the id stays readable for a secondary process that still has the port */
		assert_int_equal(d->port_id, port);
		assert_int_equal(d->name[0], '\0');
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fill_release_reuse),
		cmocka_unit_test(test_remove_readd_same_names),
		cmocka_unit_test(test_many_vdev_ports),
		cmocka_unit_test(test_callbacks_on_high_queue),
		cmocka_unit_test(test_reused_port_data_clean),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
