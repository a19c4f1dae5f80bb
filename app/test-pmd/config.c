/* SPDX-License-Identifier: BSD-3-Clause */
/* What the "show" commands print; layouts follow DPDK's testpmd so scripts can parse them. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>

#include "testpmd.h"

#define MAC_FMT "%02X:%02X:%02X:%02X:%02X:%02X"
#define MAC_BYTES(a) (a).addr_bytes[0], (a).addr_bytes[1], (a).addr_bytes[2], \
	(a).addr_bytes[3], (a).addr_bytes[4], (a).addr_bytes[5]

void
format_link_speed(char *buf, size_t len, uint32_t speed)
{
	if (speed == RTE_ETH_SPEED_NUM_NONE)
		snprintf(buf, len, "None");
	else if (speed == RTE_ETH_SPEED_NUM_UNKNOWN)
		snprintf(buf, len, "Unknown");
	else if (speed >= 1000 && speed % 1000 == 0)
		snprintf(buf, len, "%u Gbps", speed / 1000);
	else if (speed >= 1000)
		snprintf(buf, len, "%u.%u Gbps", speed / 1000, (speed % 1000) / 100);
	else
		snprintf(buf, len, "%u Mbps", speed);
}

static const char *
driver_name(portid_t pi)
{
	static struct rte_eth_dev_info info;

	if (rte_eth_dev_info_get(pi, &info) != 0 || info.driver_name == NULL)
		return "";
	return info.driver_name;
}

void
port_summary_header_display(void)
{
	printf("Number of available ports: %i\n", count_ports());
	printf("%-4s %-17s %-12s %-14s %-8s %s\n", "Port", "MAC Address", "Name",
	       "Driver", "Status", "Link");
}

void
port_summary_display(portid_t pi)
{
	char name[RTE_ETH_NAME_MAX_LEN] = "";
	char speed[32];
	struct rte_eth_link link;
	struct rte_ether_addr mac;

	memset(&link, 0, sizeof(link));
	memset(&mac, 0, sizeof(mac));
	rte_eth_dev_get_name_by_port(pi, name);
	rte_eth_macaddr_get(pi, &mac);
	rte_eth_link_get_nowait(pi, &link);
	format_link_speed(speed, sizeof(speed), link.link_speed);
	printf("%-4d " MAC_FMT " %-12s %-14s %-8s %s\n", pi, MAC_BYTES(mac), name,
	       driver_name(pi), ports[pi].port_status == RTE_PORT_CLOSED ? "closed" :
	       link.link_status ? "up" : "down", speed);
}

void
port_infos_display(portid_t pi)
{
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	struct rte_ether_addr mac;
	const struct rte_devargs *da;
	char name[RTE_ETH_NAME_MAX_LEN] = "";
	char speed[32];
	uint16_t mtu = 0;
	int ret;

	ret = rte_eth_dev_info_get(pi, &info);
	if (ret != 0) {
		fprintf(stderr, "Error getting device info of port %u: %s\n", pi,
			rte_strerror(-ret));
		return;
	}
	memset(&link, 0, sizeof(link));
	memset(&mac, 0, sizeof(mac));
	rte_eth_macaddr_get(pi, &mac);
	rte_eth_link_get_nowait(pi, &link);
	rte_eth_dev_get_name_by_port(pi, name);
	rte_eth_dev_get_mtu(pi, &mtu);
	format_link_speed(speed, sizeof(speed), link.link_speed);
	da = info.device != NULL ? rte_dev_devargs(info.device) : NULL;
	printf("\n********************* Infos for port %-2d *********************\n", pi);
	printf("MAC address: " MAC_FMT "\n", MAC_BYTES(mac));
	printf("Device name: %s\n", name);
	printf("Driver name: %s\n", info.driver_name ? info.driver_name : "");
	printf("Devargs: %s\n", da != NULL && da->args != NULL ? da->args : "");
	printf("Connect to socket: %d\n", rte_eth_dev_socket_id(pi));
	printf("Port status: %s\n", port_status_name(pi));
	printf("Link status: %s\n", link.link_status ? "up" : "down");
	printf("Link speed: %s\n", speed);
	printf("Link duplex: %s\n", link.link_duplex == RTE_ETH_LINK_FULL_DUPLEX ?
	       "full-duplex" : "half-duplex");
	printf("Autoneg status: %s\n", link.link_autoneg == RTE_ETH_LINK_AUTONEG ? "On" : "Off");
	printf("MTU: %u\n", mtu);
	printf("Promiscuous mode: %s\n", rte_eth_promiscuous_get(pi) == 1 ? "enabled" : "disabled");
	printf("Allmulticast mode: %s\n",
	       rte_eth_allmulticast_get(pi) == 1 ? "enabled" : "disabled");
	printf("Maximum number of MAC addresses: %u\n", info.max_mac_addrs);
	printf("Minimum size of RX buffer: %u\n", info.min_rx_bufsize);
	printf("Maximum configurable length of RX packet: %u\n", info.max_rx_pktlen);
	printf("Current number of RX queues: %u\n", info.nb_rx_queues);
	printf("Max possible RX queues: %u\n", info.max_rx_queues);
	printf("Max possible number of RXDs per queue: %u\n", info.rx_desc_lim.nb_max);
	printf("Min possible number of RXDs per queue: %u\n", info.rx_desc_lim.nb_min);
	printf("RXDs number alignment: %u\n", info.rx_desc_lim.nb_align);
	printf("Current number of TX queues: %u\n", info.nb_tx_queues);
	printf("Max possible TX queues: %u\n", info.max_tx_queues);
	printf("Max possible number of TXDs per queue: %u\n", info.tx_desc_lim.nb_max);
	printf("Min possible number of TXDs per queue: %u\n", info.tx_desc_lim.nb_min);
	printf("TXDs number alignment: %u\n", info.tx_desc_lim.nb_align);
}

void
nic_stats_display(portid_t pi)
{
	struct rte_eth_stats st;
	struct rte_port *port = &ports[pi];
	uint64_t now, diff_cycles, hz, rx_pps = 0, tx_pps = 0, rx_bps = 0, tx_bps = 0;
	int ret;

	ret = rte_eth_stats_get(pi, &st);
	if (ret != 0) {
		fprintf(stderr, "Error getting the statistics of port %u: %s\n", pi,
			rte_strerror(-ret));
		return;
	}
	now = rte_rdtsc();
	hz = rte_get_tsc_hz();
	diff_cycles = port->last_cycles ? now - port->last_cycles : 0;
	if (diff_cycles > 0 && hz > 0) {
		uint64_t drx = st.ipackets > port->last_stats.ipackets ?
			st.ipackets - port->last_stats.ipackets : 0;
		uint64_t dtx = st.opackets > port->last_stats.opackets ?
			st.opackets - port->last_stats.opackets : 0;
		uint64_t brx = st.ibytes > port->last_stats.ibytes ?
			st.ibytes - port->last_stats.ibytes : 0;
		uint64_t btx = st.obytes > port->last_stats.obytes ?
			st.obytes - port->last_stats.obytes : 0;
		double sec = (double)diff_cycles / (double)hz;

		rx_pps = (uint64_t)(drx / sec);
		tx_pps = (uint64_t)(dtx / sec);
		rx_bps = (uint64_t)(brx * 8 / sec);
		tx_bps = (uint64_t)(btx * 8 / sec);
	}
	port->last_stats = st;
	port->last_cycles = now;

	printf("\n  ######################## NIC statistics for port %-2d ########################\n",
	       pi);
	printf("  RX-packets: %-10"PRIu64" RX-missed: %-10"PRIu64" RX-bytes:  %-"PRIu64"\n",
	       st.ipackets, st.imissed, st.ibytes);
	printf("  RX-errors: %"PRIu64"\n", st.ierrors);
	printf("  RX-nombuf:  %-10"PRIu64"\n", st.rx_nombuf);
	printf("  TX-packets: %-10"PRIu64" TX-errors: %-10"PRIu64" TX-bytes:  %-"PRIu64"\n",
	       st.opackets, st.oerrors, st.obytes);
	printf("\n  Throughput (since last show)\n");
	printf("  Rx-pps: %12"PRIu64"          Rx-bps: %12"PRIu64"\n", rx_pps, rx_bps);
	printf("  Tx-pps: %12"PRIu64"          Tx-bps: %12"PRIu64"\n", tx_pps, tx_bps);
	printf("  ############################################################################\n");
}

void
nic_stats_clear(portid_t pi)
{
	int ret = rte_eth_stats_reset(pi);

	if (ret != 0) {
		fprintf(stderr, "Error clearing the statistics of port %u: %s\n", pi,
			rte_strerror(-ret));
		return;
	}
	memset(&ports[pi].stats_base, 0, sizeof(ports[pi].stats_base));
	memset(&ports[pi].last_stats, 0, sizeof(ports[pi].last_stats));
	ports[pi].last_cycles = 0;
	printf("\n  NIC statistics for port %d cleared\n", pi);
}

void
nic_xstats_display(portid_t pi)
{
	struct rte_eth_xstat_name *names = NULL;
	struct rte_eth_xstat *values = NULL;
	int n, i;

	n = rte_eth_xstats_get_names(pi, NULL, 0);
	if (n < 0) {
		fprintf(stderr, "Cannot get the extended statistics of port %u: %s\n", pi,
			rte_strerror(-n));
		return;
	}
	printf("###### NIC extended statistics for port %-2d\n", pi);
	if (n == 0)
		return;
	names = calloc((size_t)n, sizeof(*names));
	values = calloc((size_t)n, sizeof(*values));
	if (names == NULL || values == NULL ||
	    rte_eth_xstats_get_names(pi, names, (unsigned int)n) != n ||
	    rte_eth_xstats_get(pi, values, (unsigned int)n) != n) {
		fprintf(stderr, "Cannot get the extended statistics of port %u\n", pi);
		goto out;
	}
	for (i = 0; i < n; i++)
		printf("%s: %"PRIu64"\n", names[values[i].id < (uint64_t)n ? values[i].id : 0].name,
		       values[i].value);
out:
	free(names);
	free(values);
}

void
fwd_config_display(void)
{
	uint32_t lc;
	streamid_t s;

	if (test_done)
		fwd_config_setup();
	printf("%s packet forwarding - ports=%u - cores=%u - streams=%u\n",
	       cur_fwd_eng->fwd_mode_name, nb_fwd_ports, fwd_run_lcores(), nb_fwd_streams);
	for (lc = 0; lc < fwd_run_lcores(); lc++) {
		struct fwd_lcore *fc = &fwd_lcores[lc];

		printf("Logical Core %u (socket %u) forwards packets on %u streams:\n",
		       fc->lcore_id, rte_lcore_to_socket_id(fc->lcore_id), fc->stream_nb);
		for (s = fc->stream_idx; s < fc->stream_idx + fc->stream_nb; s++) {
			struct fwd_stream *fs = &fwd_streams[s];

			printf("  RX P=%d/Q=%d (socket %u) -> TX P=%d/Q=%d (socket %u) peer="
			       MAC_FMT "\n", fs->rx_port, fs->rx_queue, rte_socket_id(),
			       fs->tx_port, fs->tx_queue, rte_socket_id(),
			       MAC_BYTES(ports[fs->tx_port].peer_addr));
		}
	}
	printf("\n");
}

void
rxtx_config_display(void)
{
	uint32_t i;

	printf("  %s packet forwarding packets/burst=%d\n", cur_fwd_eng->fwd_mode_name,
	       nb_pkt_per_burst);
	if (cur_fwd_eng == &tx_only_engine || cur_fwd_eng == &flow_gen_engine)
		printf("  packet len=%u - nb packet segments=1\n", tx_pkt_length);
	printf("  nb forwarding cores=%u - nb forwarding ports=%u\n", nb_fwd_lcores, nb_fwd_ports);
	for (i = 0; i < nb_fwd_ports; i++) {
		portid_t pi = fwd_ports_ids[i];
		struct rte_port *p = &ports[pi];
		uint16_t q;

		printf("  port %d: RX queue number: %d Tx queue number: %d\n", pi,
		       p->need_reconfig ? nb_rxq : p->nb_rxq, p->need_reconfig ? nb_txq : p->nb_txq);
		/* Before the port is configured, 0 stands for the driver's own ring size. */
		for (q = 0; q < (p->need_reconfig ? nb_rxq : p->nb_rxq); q++)
			printf("    RX queue: %d\n      RX desc=%d%s\n", q,
			       p->need_reconfig ? nb_rxd : p->nb_rxd,
			       p->need_reconfig && nb_rxd == 0 ? " (driver default)" : "");
		for (q = 0; q < (p->need_reconfig ? nb_txq : p->nb_txq); q++)
			printf("    TX queue: %d\n      TX desc=%d%s\n", q,
			       p->need_reconfig ? nb_txd : p->nb_txd,
			       p->need_reconfig && nb_txd == 0 ? " (driver default)" : "");
	}
}

void
fwd_lcores_config_display(void)
{
	uint32_t i;

	printf("List of forwarding lcores:");
	for (i = 0; i < nb_fwd_lcores && i < nb_lcores; i++)
		printf(" %2u", fwd_lcores_cpuids[i]);
	printf("\n");
}

void
device_infos_display(const char *identifier)
{
	struct rte_device *seen[RTE_MAX_ETHPORTS];
	unsigned int nb_seen = 0, k;
	bool all = strcmp(identifier, "all") == 0, found = false;
	char name[RTE_DEV_NAME_MAX_LEN];
	portid_t pi, pj;

	snprintf(name, sizeof(name), "%.*s", (int)strcspn(identifier, ","), identifier);
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++) {
		struct rte_device *dev = ports[pi].device;
		const struct rte_bus *bus;
		const struct rte_driver *drv;
		const struct rte_devargs *da;

		if (!ports[pi].in_use || dev == NULL)
			continue;
		for (k = 0; k < nb_seen; k++)
			if (seen[k] == dev)
				break;
		if (k < nb_seen)
			continue;
		seen[nb_seen++] = dev;
		if (!all && strcmp(rte_dev_name(dev), name) != 0)
			continue;
		found = true;
		bus = rte_dev_bus(dev);
		drv = rte_dev_driver(dev);
		da = rte_dev_devargs(dev);
		printf("\n********************* Infos for device %s *********************\n",
		       rte_dev_name(dev));
		printf("Bus name: %s\n", bus != NULL ? rte_bus_name(bus) : "");
		printf("Bus information: %s\n", rte_dev_bus_info(dev) ? rte_dev_bus_info(dev) : "");
		printf("Driver name: %s\n", drv != NULL ? rte_driver_name(drv) : "");
		printf("Devargs: %s\n", da != NULL && da->args != NULL ? da->args : "");
		printf("Connect to socket: %d\n", rte_dev_numa_node(dev));
		for (pj = 0; pj < RTE_MAX_ETHPORTS; pj++) {
			struct rte_ether_addr mac;
			char pname[RTE_ETH_NAME_MAX_LEN] = "";

			if (!ports[pj].in_use || ports[pj].device != dev)
				continue;
			memset(&mac, 0, sizeof(mac));
			rte_eth_macaddr_get(pj, &mac);
			rte_eth_dev_get_name_by_port(pj, pname);
			printf("\n\tPort id: %-2d\n", pj);
			printf("\tMAC address: " MAC_FMT "\n", MAC_BYTES(mac));
			printf("\tDevice name: %s\n", pname);
			printf("\tPort status: %s\n", port_status_name(pj));
		}
	}
	if (!found)
		fprintf(stderr, "No device matches %s: see \"show device info all\"\n", identifier);
}

void
fwd_stats_display(void)
{
	uint64_t tot_rx = 0, tot_rxd = 0, tot_tx = 0, tot_txd = 0;
	uint32_t i;
	streamid_t s;

	if (nb_fwd_streams > nb_fwd_ports) {
		for (s = 0; s < nb_fwd_streams; s++) {
			struct fwd_stream *fs = &fwd_streams[s];

			if (fs->rx_packets == 0 && fs->tx_packets == 0 && fs->fwd_dropped == 0)
				continue;
			printf("\n  ------- Forward Stats for RX Port=%2d/Queue=%2d -> "
			       "TX Port=%2d/Queue=%2d -------\n",
			       fs->rx_port, fs->rx_queue, fs->tx_port, fs->tx_queue);
			printf("  RX-packets: %-14"PRIu64" TX-packets: %-14"PRIu64
			       " TX-dropped: %-14"PRIu64"\n",
			       fs->rx_packets, fs->tx_packets, fs->fwd_dropped);
		}
	}
	for (i = 0; i < nb_fwd_ports && i < nb_cfg_ports; i++) {
		portid_t pi = fwd_ports_ids[i];
		struct rte_port *p = &ports[pi];
		struct rte_eth_stats st;
		uint64_t rx, rxd, tx, txd = 0;

		memset(&st, 0, sizeof(st));
		rte_eth_stats_get(pi, &st);
		rx = st.ipackets >= p->stats_base.ipackets ? st.ipackets - p->stats_base.ipackets : 0;
		rxd = st.imissed >= p->stats_base.imissed ? st.imissed - p->stats_base.imissed : 0;
		tx = st.opackets >= p->stats_base.opackets ? st.opackets - p->stats_base.opackets : 0;
		for (s = 0; s < nb_fwd_streams; s++)
			if (fwd_streams[s].tx_port == pi)
				txd += fwd_streams[s].fwd_dropped;
		printf("\n  ---------------------- Forward statistics for port %-2d "
		       "----------------------\n", pi);
		printf("  RX-packets: %-14"PRIu64" RX-dropped: %-14"PRIu64"RX-total: %-"PRIu64"\n",
		       rx, rxd, rx + rxd);
		if (st.ierrors > p->stats_base.ierrors)
			printf("  RX-error: %-"PRIu64"\n", st.ierrors - p->stats_base.ierrors);
		if (st.rx_nombuf > p->stats_base.rx_nombuf)
			printf("  RX-nombufs: %-14"PRIu64"\n", st.rx_nombuf - p->stats_base.rx_nombuf);
		printf("  TX-packets: %-14"PRIu64" TX-dropped: %-14"PRIu64"TX-total: %-"PRIu64"\n",
		       tx, txd, tx + txd);
		printf("  ------------------------------------------------------------"
		       "----------------\n");
		tot_rx += rx;
		tot_rxd += rxd;
		tot_tx += tx;
		tot_txd += txd;
	}
	printf("\n  +++++++++++++++ Accumulated forward statistics for all ports"
	       "+++++++++++++++\n");
	printf("  RX-packets: %-14"PRIu64" RX-dropped: %-14"PRIu64"RX-total: %-"PRIu64"\n",
	       tot_rx, tot_rxd, tot_rx + tot_rxd);
	printf("  TX-packets: %-14"PRIu64" TX-dropped: %-14"PRIu64"TX-total: %-"PRIu64"\n",
	       tot_tx, tot_txd, tot_tx + tot_txd);
	printf("  ++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++"
	       "++++++++++++++++\n");
}
