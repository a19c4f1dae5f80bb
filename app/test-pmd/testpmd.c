/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dpdk-testpmd: start EAL, adopt the ports the command line created, then either
 * run the command shell (-i) or forward until a signal or the end of stdin.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#ifdef TESTPMD_PDUMP
#include <rte_pdump.h>
#endif

#include "testpmd.h"

bool interactive;
bool auto_start;
bool tx_first;
bool no_flush_rx;
bool hot_plug;
bool lsc_interrupt = true;
uint32_t stats_period;
enum port_topology port_topology = PORT_TOPOLOGY_PAIRED;
uint16_t nb_pkt_per_burst = DEF_PKT_BURST;
uint16_t nb_rxq = 1;
uint16_t nb_txq = 1;
uint16_t nb_rxd = DEF_RXD;
uint16_t nb_txd = DEF_TXD;
uint16_t mbuf_data_size = RTE_MBUF_DEFAULT_BUF_SIZE;
uint32_t param_total_num_mbufs;
uint32_t param_nb_ports;
uint16_t tx_pkt_length = 64;
char cmdline_filename[4096];
struct rte_ether_addr peer_eth_addrs[RTE_MAX_ETHPORTS];
struct rte_mempool *mbuf_pool;
volatile bool f_quit;
static volatile int quit_signal;

static void
signal_handler(int signum)
{
	quit_signal = signum;
	f_quit = true;
}

static void
install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = signal_handler;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a blocking read returns EINTR so the shell sees f_quit */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static void
init_lcores(void)
{
	unsigned int lc;

	nb_lcores = 0;
	RTE_LCORE_FOREACH_WORKER(lc)
		fwd_lcores_cpuids[nb_lcores++] = lc;
}

/*
 * Enough mbufs for every queue of a handful of ports plus the lcore caches; ports
 * attached later share the pool, so it is sized for more than the ports at start.
 */
static uint32_t
default_nb_mbufs(void)
{
	uint32_t rxd = nb_rxd != 0 ? nb_rxd : POOL_SIZING_RING;
	uint32_t txd = nb_txd != 0 ? nb_txd : POOL_SIZING_RING;
	uint32_t per_port = rxd * nb_rxq + txd * nb_txq + MAX_PKT_BURST;
	uint32_t n = per_port * 4 + 256 * (nb_lcores + 1);

	return RTE_MAX(n, (uint32_t)TESTPMD_NB_MBUF_DEFAULT);
}

static int
create_mbuf_pool(void)
{
	uint32_t n = param_total_num_mbufs ? param_total_num_mbufs : default_nb_mbufs();
	int socket = (int)rte_socket_id();

	printf("testpmd: create a new mbuf pool <mb_pool_0>: n=%u, size=%u, socket=%d\n",
	       n, mbuf_data_size, socket);
	mbuf_pool = rte_pktmbuf_pool_create("mb_pool_0", n, 256, 0, mbuf_data_size, socket);
	if (mbuf_pool == NULL)
		mbuf_pool = rte_pktmbuf_pool_create("mb_pool_0", n, 256, 0, mbuf_data_size,
						    SOCKET_ID_ANY);
	if (mbuf_pool == NULL) {
		fprintf(stderr, "Creation of mbuf pool for socket %d failed: %s "
			"(try --total-num-mbufs or more memory with -m)\n", socket,
			rte_strerror(rte_errno));
		return -1;
	}
	return 0;
}

static void
print_stats_period(void)
{
	uint32_t i;

	if (isatty(STDOUT_FILENO))
		printf("\033[2J\033[1;1H");   /* clear the terminal, cursor home */
	printf("\nPort statistics ====================================");
	for (i = 0; i < nb_fwd_ports && i < nb_cfg_ports; i++)
		nic_stats_display(fwd_ports_ids[i]);
	fflush(stdout);
}

/*
 * Without -i: forward until SIGINT/SIGTERM, or until stdin ends when it is not a
 * terminal (a terminal ends it with Enter).
 */
static void
run_non_interactive(void)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	bool watch_stdin = fcntl(STDIN_FILENO, F_GETFD) != -1;
	bool tty = isatty(STDIN_FILENO);
	uint64_t hz = rte_get_timer_hz(), next = 0;
	char buf[256];

	printf("No commandline core given, start packet forwarding\n");
	start_packet_forwarding(tx_first ? 1 : 0);
	if (stats_period != 0)
		next = rte_get_timer_cycles() + (uint64_t)stats_period * hz;
	if (tty)
		printf("Press enter to exit\n");
	fflush(stdout);
	while (!f_quit) {
		int r = poll(&pfd, watch_stdin ? 1 : 0, 100);

		hotplug_poll();

		if (r > 0) {
			ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));

			if (n <= 0 || tty)
				break;
		}
		if (stats_period != 0 && rte_get_timer_cycles() >= next) {
			print_stats_period();
			next += (uint64_t)stats_period * hz;
		}
	}
	if (quit_signal != 0)
		printf("\nSignal %d received, preparing to exit...\n", quit_signal);
}

/* Stop forwarding, then stop, close and detach every port. */
void
pmd_test_exit(void)
{
	portid_t pi;

	if (!test_done)
		stop_packet_forwarding();
#ifdef TESTPMD_PDUMP
	/* forwarding is stopped: no burst still runs the capture callbacks */
	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		rte_pdump_uninit();
#endif
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++) {
		if (!ports[pi].in_use || ports[pi].port_status == RTE_PORT_CLOSED)
			continue;
		printf("\nStopping port %d...\n", pi);
		stop_port(pi);
	}
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++) {
		if (!ports[pi].in_use || ports[pi].port_status == RTE_PORT_CLOSED)
			continue;
		printf("\nShutting down port %d...\n", pi);
		close_port(pi);
	}
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++) {
		if (!ports[pi].in_use)
			continue;
		printf("\nDetaching port %d...\n", pi);
		detach_port_device(pi);
	}
	free(fwd_streams);
	fwd_streams = NULL;
	nb_fwd_streams = 0;
	if (mbuf_pool != NULL) {
		rte_mempool_free(mbuf_pool);
		mbuf_pool = NULL;
	}
	printf("\nBye...\n");
}

int
main(int argc, char **argv)
{
	int diag, ret;

	setvbuf(stdout, NULL, _IOLBF, 0);
	install_signals();
	diag = rte_eal_init(argc, argv);
	if (diag < 0) {
		fprintf(stderr, "Cannot init EAL: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	argc -= diag;
	argv += diag;
	init_lcores();
#ifdef TESTPMD_PDUMP
	/* serve dpdk-dumpcap and other capturing secondaries */
	if (rte_eal_process_type() == RTE_PROC_PRIMARY && rte_pdump_init() < 0)
		fprintf(stderr, "Packet capture unavailable: %s\n", rte_strerror(rte_errno));
#endif
	if (argc > 1) {
		argv[0] = argv[-diag];
		ret = launch_args_parse(argc, argv);
		if (ret != 0) {
			rte_eal_cleanup();
			return ret > 0 ? 0 : 1;
		}
	}
	if (interactive)
		printf("Interactive-mode selected\n");
	if (auto_start)
		printf("Auto-start selected\n");
	if (cmdline_filename[0] != '\0')
		printf("CLI commands to be read from %s\n", cmdline_filename);
	if (create_mbuf_pool() != 0) {
		rte_eal_cleanup();
		return 1;
	}
	init_ports();
	if (param_nb_ports != 0 && param_nb_ports < nb_fwd_ports)
		nb_fwd_ports = param_nb_ports;
	if (count_ports() == 0)
		printf("No port yet: attach one with \"port attach <identifier>\"\n");
	else if (start_port(RTE_PORT_ALL) != 0)
		fprintf(stderr, "Some ports failed to start\n");
	/* after the ports, so that the latency callbacks find their queues */
	stats_libs_init();

	if (hot_plug && hotplug_monitor_start() == 0)
		printf("Device event monitoring started\n");
	if (cmdline_filename[0] != '\0' &&
	    cmdline_read_from_file(cmdline_filename) == CMD_QUIT)
		goto out;
	if (interactive) {
		if (auto_start)
			start_packet_forwarding(tx_first ? 1 : 0);
		if (!f_quit)
			cmdline_shell();
	} else if (!f_quit) {
		run_non_interactive();
	}
out:
	if (f_quit && interactive && quit_signal != 0)
		printf("\nSignal %d received, preparing to exit...\n", quit_signal);
	hotplug_monitor_stop();
	stats_libs_close();
	pmd_test_exit();
	rte_eal_cleanup();
	return 0;
}
