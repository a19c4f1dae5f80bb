/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guest-side check of net_virtio's link state change interrupt: starts one port with
 * intr_conf.lsc, says "ready", and counts RTE_ETH_EVENT_INTR_LSC events while the host flips
 * the link with QMP set_link (down, then up). Only the interrupt can tell it: the port is
 * never polled for its link here.
 *
 *   virtio_lsc [EAL options] -- BDF SECONDS
 * Exit status 0 when, within SECONDS, an event reported the link down and a later one up.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

static atomic_int events;
static atomic_int saw_down;
static atomic_int saw_up_after_down;

static int
lsc_event(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	struct rte_eth_link link;

	(void)arg;
	(void)ret_param;
	if (type != RTE_ETH_EVENT_INTR_LSC)
		return 0;
	/* what the driver recorded when it raised the event, not a new query of the device */
	rte_eth_link_get_nowait(port, &link);
	atomic_fetch_add(&events, 1);
	printf("event %d: port %u link %s\n", atomic_load(&events), port,
		link.link_status ? "up" : "down");
	fflush(stdout);
	if (!link.link_status)
		atomic_store(&saw_down, 1);
	else if (atomic_load(&saw_down))
		atomic_store(&saw_up_after_down, 1);
	return 0;
}

int
main(int argc, char **argv)
{
	struct rte_eth_conf conf;
	struct rte_mempool *mp;
	uint16_t port;
	int n, secs, ret;

	n = rte_eal_init(argc, argv);
	if (n < 0)
		return 1;
	argc -= n;
	argv += n;
	if (argc < 3) {
		printf("usage: virtio_lsc [EAL options] -- BDF SECONDS\n");
		return 1;
	}
	secs = atoi(argv[2]);
	if (rte_eth_dev_get_port_by_name(argv[1], &port) != 0) {
		printf("no port for %s\n", argv[1]);
		return 1;
	}
	mp = rte_pktmbuf_pool_create("lsc_pool", 1024, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		rte_socket_id());
	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = 1;
	ret = mp == NULL ? -1 : rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, 256, rte_socket_id(), NULL, mp);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, 256, rte_socket_id(), NULL);
	if (ret == 0)
		ret = rte_eth_dev_callback_register(port, RTE_ETH_EVENT_INTR_LSC, lsc_event, NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret != 0) {
		printf("port %u with intr_conf.lsc: setup failed: %s\n", port, rte_strerror(-ret));
		rte_eth_dev_close(port);
		rte_mempool_free(mp);
		rte_eal_cleanup();
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (n = 0; n < secs * 10 && !atomic_load(&saw_up_after_down); n++)
		usleep(100000);
	printf("%d link state change events, down then up: %s\n", atomic_load(&events),
		atomic_load(&saw_up_after_down) ? "yes" : "no");
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return atomic_load(&saw_up_after_down) ? 0 : 1;
}
