/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * hotplug_fwd: basic forwarding (port 0 <-> 1, 2 <-> 3, ...) with ports attached and detached
 * while it runs. Commands, one per line on stdin:
 *   attach <devargs>    attach a device ("net_ring2", "0000:01:00.0"), start its ports
 *   detach <port>       stop, close and detach the device of a port
 *   list                ports with their packet counters
 *   quit                (also end of input, SIGINT, SIGTERM)
 * The forwarding lcore keeps running during attach/detach. It registers with
 * rte_eth_dev_fp_register() and reports a quiescent state once per loop, which is what lets
 * ethdev free a detached port's queues while it polls.
 */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>

#define RING_SIZE 1024
#define NUM_MBUFS 8191
#define MBUF_CACHE_SIZE 250
#define BURST_SIZE 32

static volatile int quit;
static struct rte_mempool *pool;

static void
on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

/* Configure and start a port with one queue each way. */
static int
port_init(uint16_t port)
{
	struct rte_eth_conf conf;
	struct rte_eth_dev_info info;
	struct rte_eth_txconf txconf;
	uint16_t nb_rxd = RING_SIZE, nb_txd = RING_SIZE;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_info_get(port, &info);
	if (ret != 0)
		return ret;
	if (info.tx_offload_capa & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE)
		conf.txmode.offloads |= RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nb_rxd, &nb_txd);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, nb_rxd, rte_eth_dev_socket_id(port), NULL,
				pool);
	txconf = info.default_txconf;
	txconf.offloads = conf.txmode.offloads;
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, nb_txd, rte_eth_dev_socket_id(port),
				&txconf);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret == 0)
		ret = rte_eth_promiscuous_enable(port);
	return ret;
}

/* One pass over every port: receive, send to the paired port, free what did not fit. */
static void
forward_once(void)
{
	struct rte_mbuf *bufs[BURST_SIZE];
	uint16_t port, nb_rx, nb_tx;

	RTE_ETH_FOREACH_DEV(port) {
		nb_rx = rte_eth_rx_burst(port, 0, bufs, BURST_SIZE);
		if (nb_rx == 0)
			continue;
		/* A missing or stopped peer sends nothing: its packets are dropped here. */
		nb_tx = rte_eth_tx_burst(port ^ 1, 0, bufs, nb_rx);
		if (unlikely(nb_tx < nb_rx))
			rte_pktmbuf_free_bulk(bufs + nb_tx, nb_rx - nb_tx);
	}
}

static int
lcore_forward(void *arg)
{
	(void)arg;
	if (rte_eth_dev_fp_register() != 0) {
		printf("lcore %u: cannot register as a data-path lcore\n", rte_lcore_id());
		return -1;
	}
	printf("lcore %u forwarding\n", rte_lcore_id());
	while (!quit) {
		forward_once();
		rte_eth_dev_fp_quiescent();
	}
	rte_eth_dev_fp_unregister();
	return 0;
}

static void
cmd_attach(const char *devargs)
{
	struct rte_eth_dev_info info;
	uint16_t port, p;
	int ret = rte_eth_dev_attach(devargs, &port);

	if (ret != 0 || (ret = rte_eth_dev_info_get(port, &info)) != 0) {
		printf("attach %s: failed: %s\n", devargs, strerror(-ret));
		return;
	}
	/* A device may bring several ports: start each of them. */
	RTE_ETH_FOREACH_DEV_OF(p, info.device) {
		ret = port_init(p);
		printf("attached %s: port %u %s\n", devargs, p, ret == 0 ? "started" :
				strerror(-ret));
	}
}

static void
cmd_detach(const char *arg)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct rte_eth_dev_info info;
	uint16_t port = (uint16_t)strtoul(arg, NULL, 0), p;
	int ret;

	if (!rte_eth_dev_is_valid_port(port) || rte_eth_dev_info_get(port, &info) != 0) {
		printf("detach %s: no such port\n", arg);
		return;
	}
	/* Every port of the device goes: stop and close them all first. */
	RTE_ETH_FOREACH_DEV_OF(p, info.device) {
		rte_eth_dev_stop(p);
		rte_eth_dev_close(p);
	}
	ret = rte_eth_dev_detach(port, devname);
	if (ret != 0)
		printf("detach port %u: failed: %s\n", port, strerror(-ret));
	else
		printf("detached port %u (device %s)\n", port, devname);
}

static void
cmd_list(void)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	struct rte_eth_stats st;
	uint16_t port;

	RTE_ETH_FOREACH_DEV(port) {
		rte_eth_dev_get_name_by_port(port, name);
		if (rte_eth_stats_get(port, &st) != 0)
			memset(&st, 0, sizeof(st));
		printf("port %u %s rx %" PRIu64 " tx %" PRIu64 "\n", port, name, st.ipackets,
			st.opackets);
	}
	printf("%u port(s)\n", rte_eth_dev_count_avail());
}

/* Handle one command line; returns 1 on quit. */
static int
handle(char *line)
{
	char *nl = strchr(line, '\n');

	if (nl != NULL)
		*nl = '\0';
	if (strncmp(line, "attach ", 7) == 0)
		cmd_attach(line + 7);
	else if (strncmp(line, "detach ", 7) == 0)
		cmd_detach(line + 7);
	else if (strcmp(line, "list") == 0)
		cmd_list();
	else if (strcmp(line, "quit") == 0)
		return 1;
	else if (line[0] != '\0')
		printf("unknown command: %s\n", line);
	fflush(stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	unsigned int worker;
	char line[512];
	uint16_t port;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "Cannot init EAL\n");
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	pool = rte_pktmbuf_pool_create("MBUF_POOL", NUM_MBUFS * 2, MBUF_CACHE_SIZE, 0,
			RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
	if (pool == NULL)
		rte_exit(EXIT_FAILURE, "Cannot create mbuf pool\n");
	RTE_ETH_FOREACH_DEV(port)
		if (port_init(port) != 0)
			rte_exit(EXIT_FAILURE, "Cannot init port %u\n", port);
	printf("%u port(s) at start\n", rte_eth_dev_count_avail());

	worker = rte_get_next_lcore(-1, 1, 0);
	if (worker < RTE_MAX_LCORE) {
		rte_eal_remote_launch(lcore_forward, NULL, worker);
		while (!quit && fgets(line, sizeof(line), stdin) != NULL)
			if (handle(line))
				break;
	} else {
		/* One lcore: forward here and look at stdin between passes. */
		unsigned int n = 0;

		rte_eth_dev_fp_register();
		while (!quit) {
			forward_once();
			rte_eth_dev_fp_quiescent();
			if ((++n & 1023) == 0 && poll(&pfd, 1, 0) > 0) {
				if (fgets(line, sizeof(line), stdin) == NULL || handle(line))
					break;
			}
		}
		rte_eth_dev_fp_unregister();
	}
	quit = 1;
	rte_eal_mp_wait_lcore();
	RTE_ETH_FOREACH_DEV(port) {
		rte_eth_dev_stop(port);
		rte_eth_dev_close(port);
	}
	rte_mempool_free(pool);
	rte_eal_cleanup();
	printf("bye\n");
	return 0;
}
