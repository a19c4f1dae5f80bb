/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Forwarding runs: streams laid out per port topology, spread over the worker
 * lcores, each lcore looping over its streams until told to stop.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_launch.h>
#include <rte_lcore.h>

#include "testpmd.h"

struct fwd_engine *fwd_engines[] = {
	&io_fwd_engine,
	&mac_fwd_engine,
	&mac_swap_engine,
	&rx_only_engine,
	&tx_only_engine,
	&flow_gen_engine,
	NULL,
};

struct fwd_engine *cur_fwd_eng = &io_fwd_engine;
struct fwd_lcore fwd_lcores[RTE_MAX_LCORE];
lcoreid_t fwd_lcores_cpuids[RTE_MAX_LCORE];
uint32_t nb_lcores;
uint32_t nb_fwd_lcores = 1;
struct fwd_stream *fwd_streams;
streamid_t nb_fwd_streams;
static uint32_t nb_run_lcores; /* lcores of the current or last run */
volatile bool test_done = true;

int
set_pkt_fwd_mode(const char *name)
{
	unsigned int i;

	for (i = 0; fwd_engines[i] != NULL; i++)
		if (strcmp(fwd_engines[i]->fwd_mode_name, name) == 0) {
			cur_fwd_eng = fwd_engines[i];
			return 0;
		}
	return -EINVAL;
}

int
set_fwd_ports_list(const portid_t *list, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		fwd_ports_ids[i] = list[i];
	nb_cfg_ports = n;
	nb_fwd_ports = n;
	/* ports not in the list stay known: append them after the forwarding ones */
	for (i = 0; i < RTE_MAX_ETHPORTS; i++) {
		unsigned int j;

		if (!ports[i].in_use)
			continue;
		for (j = 0; j < n; j++)
			if (list[j] == i)
				break;
		if (j == n)
			fwd_ports_ids[nb_cfg_ports++] = (portid_t)i;
	}
	return 0;
}

void
set_fwd_ports_list_all(void)
{
	portid_t pi;

	nb_cfg_ports = 0;
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		if (ports[pi].in_use)
			fwd_ports_ids[nb_cfg_ports++] = pi;
	nb_fwd_ports = nb_cfg_ports;
}

static portid_t
peer_port_index(uint32_t i, uint32_t n)
{
	switch (port_topology) {
	case PORT_TOPOLOGY_CHAINED:
		return (portid_t)((i + 1) % n);
	case PORT_TOPOLOGY_LOOP:
		return (portid_t)i;
	default:
		if ((n & 1) && i == n - 1)
			return (portid_t)i;
		return (portid_t)(i ^ 1);
	}
}

/* Build the streams and give each forwarding lcore a contiguous share. */
void
fwd_config_setup(void)
{
	uint32_t i, nlc, per, extra, idx = 0;
	uint16_t q;
	streamid_t s = 0, n = 0;

	if (nb_fwd_ports > nb_cfg_ports)
		nb_fwd_ports = nb_cfg_ports;
	for (i = 0; i < nb_fwd_ports; i++)
		n += ports[fwd_ports_ids[i]].need_reconfig ? nb_rxq : ports[fwd_ports_ids[i]].nb_rxq;
	free(fwd_streams);
	fwd_streams = NULL;
	nb_fwd_streams = 0;
	if (n == 0)
		return;
	fwd_streams = aligned_alloc(RTE_CACHE_LINE_SIZE,
				    RTE_ALIGN_CEIL(n * sizeof(*fwd_streams), RTE_CACHE_LINE_SIZE));
	if (fwd_streams == NULL)
		return;
	memset(fwd_streams, 0, n * sizeof(*fwd_streams));
	for (i = 0; i < nb_fwd_ports; i++) {
		portid_t rx = fwd_ports_ids[i];
		portid_t tx = fwd_ports_ids[peer_port_index(i, nb_fwd_ports)];
		uint16_t rxq = ports[rx].nb_rxq ? ports[rx].nb_rxq : nb_rxq;
		uint16_t txq = ports[tx].nb_txq ? ports[tx].nb_txq : nb_txq;

		for (q = 0; q < rxq; q++, s++) {
			fwd_streams[s].rx_port = rx;
			fwd_streams[s].rx_queue = q;
			fwd_streams[s].tx_port = tx;
			fwd_streams[s].tx_queue = (queueid_t)(q % txq);
		}
	}
	nb_fwd_streams = s;
	nlc = RTE_MIN(nb_fwd_lcores, (uint32_t)nb_fwd_streams);
	if (nlc > nb_lcores)
		nlc = nb_lcores;
	nb_run_lcores = nlc;
	if (nlc == 0)
		return;
	per = nb_fwd_streams / nlc;
	extra = nb_fwd_streams % nlc;
	for (i = 0; i < nlc; i++) {
		fwd_lcores[i].lcore_id = fwd_lcores_cpuids[i];
		fwd_lcores[i].stream_idx = (streamid_t)idx;
		fwd_lcores[i].stream_nb = (streamid_t)(per + (i < extra));
		idx += fwd_lcores[i].stream_nb;
	}
}

uint32_t
fwd_run_lcores(void)
{
	return nb_run_lcores;
}

static int
run_pkt_fwd_on_lcore(void *arg)
{
	struct fwd_lcore *fc = arg;
	struct fwd_stream *fsm = &fwd_streams[fc->stream_idx];
	const streamid_t nb = fc->stream_nb;
	const packet_fwd_t pkt_fwd = cur_fwd_eng->packet_fwd;
	streamid_t i;

	/*
	 * A registered lcore lets another thread detach a port it does not poll: the
	 * port's queues are freed only once every registered lcore has reported a
	 * quiescent state, here once per round over its streams.
	 */
	if (rte_eth_dev_fp_register() != 0)
		fprintf(stderr, "lcore %u: cannot register as a data-path thread\n",
			rte_lcore_id());
	do {
		for (i = 0; i < nb; i++)
			pkt_fwd(&fsm[i]);
		stats_libs_poll(fc->lcore_id);
		rte_eth_dev_fp_quiescent();
	} while (!fc->stopped);
	rte_eth_dev_fp_unregister();
	return 0;
}

/* Drop whatever is queued on the rx side, so a run starts from empty queues. */
static void
flush_fwd_rx_queues(void)
{
	struct rte_mbuf *pkts[MAX_PKT_BURST];
	streamid_t s;
	int round;
	uint16_t n, k;

	for (round = 0; round < 2; round++) {
		for (s = 0; s < nb_fwd_streams; s++) {
			unsigned int guard = 0;

			do {
				n = rte_eth_rx_burst(fwd_streams[s].rx_port, fwd_streams[s].rx_queue,
						     pkts, MAX_PKT_BURST);
				for (k = 0; k < n; k++)
					rte_pktmbuf_free(pkts[k]);
			} while (n > 0 && ++guard < 1024);
		}
		rte_delay_ms(10);
	}
}

void
fwd_stats_reset(void)
{
	uint32_t i;
	streamid_t s;

	for (i = 0; i < nb_cfg_ports; i++)
		rte_eth_stats_get(fwd_ports_ids[i], &ports[fwd_ports_ids[i]].stats_base);
	for (s = 0; s < nb_fwd_streams; s++) {
		fwd_streams[s].rx_packets = 0;
		fwd_streams[s].tx_packets = 0;
		fwd_streams[s].fwd_dropped = 0;
	}
}

void
start_packet_forwarding(int with_tx_first)
{
	uint32_t i;
	int n;

	if (!test_done) {
		fprintf(stderr, "Packet forwarding already started\n");
		return;
	}
	if (nb_fwd_ports == 0 || nb_cfg_ports == 0) {
		fprintf(stderr, "No forwarding port: attach and start a port first\n");
		return;
	}
	for (i = 0; i < RTE_MIN(nb_fwd_ports, nb_cfg_ports); i++)
		if (ports[fwd_ports_ids[i]].port_status != RTE_PORT_STARTED) {
			fprintf(stderr, "Not all ports were started\n");
			return;
		}
	if (nb_lcores == 0) {
		fprintf(stderr, "No worker lcore to forward on: give EAL at least two lcores "
			"(-l 0-1)\n");
		return;
	}
	if (port_topology == PORT_TOPOLOGY_PAIRED && (nb_fwd_ports & 1))
		printf("\nWarning! port-topology=paired and odd forward ports number, "
		       "the last port will pair with itself.\n\n");
	fwd_config_setup();
	if (fwd_streams == NULL) {
		fprintf(stderr, "Cannot set up the forwarding streams: out of memory\n");
		return;
	}
	if (!no_flush_rx)
		flush_fwd_rx_queues();
	fwd_config_display();
	rxtx_config_display();
	fwd_stats_reset();
	for (i = 0; i < nb_fwd_ports; i++) {
		if (cur_fwd_eng->port_fwd_begin != NULL)
			cur_fwd_eng->port_fwd_begin(fwd_ports_ids[i]);
		if (with_tx_first && tx_only_engine.port_fwd_begin != NULL)
			tx_only_engine.port_fwd_begin(fwd_ports_ids[i]);
	}
	/* The lcores are idle: the main lcore sends the first bursts itself. */
	for (n = 0; n < with_tx_first; n++) {
		streamid_t s;

		for (s = 0; s < nb_fwd_streams; s++)
			tx_only_engine.packet_fwd(&fwd_streams[s]);
	}
	test_done = false;
	for (i = 0; i < nb_run_lcores; i++) {
		fwd_lcores[i].stopped = false;
		if (rte_eal_remote_launch(run_pkt_fwd_on_lcore, &fwd_lcores[i],
					  fwd_lcores[i].lcore_id) != 0)
			fprintf(stderr, "Cannot launch forwarding on lcore %u\n",
				fwd_lcores[i].lcore_id);
	}
}

void
stop_packet_forwarding(void)
{
	uint32_t i;

	if (test_done) {
		fprintf(stderr, "Packet forwarding not started\n");
		return;
	}
	printf("Telling cores to stop...\n");
	for (i = 0; i < nb_run_lcores; i++)
		fwd_lcores[i].stopped = true;
	printf("Waiting for lcores to finish...\n");
	for (i = 0; i < nb_run_lcores; i++)
		rte_eal_wait_lcore(fwd_lcores[i].lcore_id);
	test_done = true;
	fwd_stats_display();
	printf("\nDone.\n");
}
