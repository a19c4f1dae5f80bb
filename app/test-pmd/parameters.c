/* SPDX-License-Identifier: BSD-3-Clause */
/* Application options: everything after "--" on the command line. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ether.h>
#include <rte_lcore.h>

#include "testpmd.h"

enum {
	OPT_TX_FIRST = 256,
	OPT_STATS_PERIOD,
	OPT_NB_CORES,
	OPT_NB_PORTS,
	OPT_RXQ,
	OPT_TXQ,
	OPT_RXD,
	OPT_TXD,
	OPT_BURST,
	OPT_MBUF_SIZE,
	OPT_TOTAL_NUM_MBUFS,
	OPT_FORWARD_MODE,
	OPT_PORT_TOPOLOGY,
	OPT_ETH_PEER,
	OPT_CMDLINE_FILE,
	OPT_NO_FLUSH_RX,
	OPT_HOT_PLUG,
	OPT_NO_LSC_INTERRUPT,
	OPT_TXPKTS,
	OPT_BITRATE_STATS,
	OPT_LATENCYSTATS,
};

static const struct option lgopts[] = {
	{ "interactive", no_argument, NULL, 'i' },
	{ "auto-start", no_argument, NULL, 'a' },
	{ "help", no_argument, NULL, 'h' },
	{ "tx-first", no_argument, NULL, OPT_TX_FIRST },
	{ "stats-period", required_argument, NULL, OPT_STATS_PERIOD },
	{ "nb-cores", required_argument, NULL, OPT_NB_CORES },
	{ "nb-ports", required_argument, NULL, OPT_NB_PORTS },
	{ "rxq", required_argument, NULL, OPT_RXQ },
	{ "txq", required_argument, NULL, OPT_TXQ },
	{ "rxd", required_argument, NULL, OPT_RXD },
	{ "txd", required_argument, NULL, OPT_TXD },
	{ "burst", required_argument, NULL, OPT_BURST },
	{ "mbuf-size", required_argument, NULL, OPT_MBUF_SIZE },
	{ "total-num-mbufs", required_argument, NULL, OPT_TOTAL_NUM_MBUFS },
	{ "forward-mode", required_argument, NULL, OPT_FORWARD_MODE },
	{ "port-topology", required_argument, NULL, OPT_PORT_TOPOLOGY },
	{ "eth-peer", required_argument, NULL, OPT_ETH_PEER },
	{ "cmdline-file", required_argument, NULL, OPT_CMDLINE_FILE },
	{ "no-flush-rx", no_argument, NULL, OPT_NO_FLUSH_RX },
	{ "hot-plug", no_argument, NULL, OPT_HOT_PLUG },
	{ "no-lsc-interrupt", no_argument, NULL, OPT_NO_LSC_INTERRUPT },
	{ "txpkts", required_argument, NULL, OPT_TXPKTS },
	{ "bitrate-stats", required_argument, NULL, OPT_BITRATE_STATS },
	{ "latencystats", required_argument, NULL, OPT_LATENCYSTATS },
	{ NULL, 0, NULL, 0 },
};

void
usage(const char *progname)
{
	printf("Usage: %s [EAL options] -- [testpmd options]\n\n"
	       "  -i, --interactive: run the command shell (line editing, history, completion).\n"
	       "  -a, --auto-start: start forwarding as soon as the ports are up.\n"
	       "  --tx-first: send one burst on every stream before forwarding.\n"
	       "  --stats-period=N: without -i, print port statistics every N seconds.\n"
	       "  --cmdline-file=FILE: run the commands of FILE before the shell.\n"
	       "  --nb-cores=N: number of forwarding lcores (1 to the number of workers).\n"
	       "  --nb-ports=N: number of forwarding ports.\n"
	       "  --rxq=N, --txq=N: queues per port (1..%d).\n"
	       "  --rxd=N, --txd=N: descriptors per queue (default: the driver's ring size).\n"
	       "  --burst=N: packets per burst (1..%d).\n"
	       "  --mbuf-size=N: data room of each mbuf, in bytes.\n"
	       "  --total-num-mbufs=N: number of mbufs in the pool (at least 1024).\n"
	       "  --forward-mode=io|mac|macswap|rxonly|txonly|flowgen: forwarding engine.\n"
	       "  --port-topology=paired|chained|loop: how rx ports map to tx ports.\n"
	       "  --eth-peer=N,XX:XX:XX:XX:XX:XX: destination MAC of port N (mac mode).\n"
	       "  --txpkts=N: length of the packets txonly and flowgen send.\n"
	       "  --no-flush-rx: do not drain the rx queues when forwarding starts.\n"
	       "  --hot-plug: follow device add and remove events.\n"
	       "  --no-lsc-interrupt: do not use link state change interrupts.\n"
	       "  --bitrate-stats=LCORE: bit rates of every port, computed on that lcore.\n"
	       "  --latencystats=LCORE: rx-to-tx latency, published from that lcore.\n"
	       "  -h, --help: this text.\n",
	       progname, MAX_QUEUES, MAX_PKT_BURST);
}

/* Decimal number in [min, max]; -1 and one message on anything else. */
static int
parse_num(const char *opt, const char *arg, unsigned long min, unsigned long max,
	  unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	if (arg == NULL || *arg == '\0' || *arg == '-')
		goto bad;
	v = strtoul(arg, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		goto bad;
	*out = v;
	return 0;
bad:
	fprintf(stderr, "Invalid value \"%s\" for --%s: expected a number in [%lu, %lu]\n",
		arg ? arg : "", opt, min, max);
	return -1;
}

int
parse_ether_addr(const char *s, struct rte_ether_addr *ea)
{
	unsigned int b[RTE_ETHER_ADDR_LEN];
	char tail;
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
		   &tail) != RTE_ETHER_ADDR_LEN)
		return -1;
	for (i = 0; i < RTE_ETHER_ADDR_LEN; i++) {
		if (b[i] > 0xff)
			return -1;
		ea->addr_bytes[i] = (uint8_t)b[i];
	}
	return 0;
}

static int
parse_eth_peer(const char *arg)
{
	char *end;
	unsigned long pid;

	errno = 0;
	pid = strtoul(arg, &end, 10);
	if (errno != 0 || end == arg || *end != ',' || pid >= RTE_MAX_ETHPORTS ||
	    parse_ether_addr(end + 1, &peer_eth_addrs[pid]) < 0) {
		fprintf(stderr, "Invalid value \"%s\" for --eth-peer: expected "
			"<port_id>,XX:XX:XX:XX:XX:XX with port_id < %d\n", arg, RTE_MAX_ETHPORTS);
		return -1;
	}
	return 0;
}

/*
 * Returns 0, 1 when the help was printed (the caller exits 0), or -1 after one
 * message naming the bad option.
 */
int
launch_args_parse(int argc, char **argv)
{
	unsigned long v;
	int opt;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":iah", lgopts, NULL)) != -1) {
		switch (opt) {
		case 'i':
			interactive = true;
			break;
		case 'a':
			auto_start = true;
			break;
		case 'h':
			usage(argv[0]);
			return 1;
		case OPT_TX_FIRST:
			tx_first = true;
			break;
		case OPT_STATS_PERIOD:
			if (parse_num("stats-period", optarg, 0, 86400, &v) < 0)
				return -1;
			stats_period = (uint32_t)v;
			break;
		case OPT_NB_CORES:
			if (parse_num("nb-cores", optarg, 1, RTE_MAX(nb_lcores, 1u), &v) < 0)
				return -1;
			nb_fwd_lcores = (uint32_t)v;
			break;
		case OPT_BITRATE_STATS:
		case OPT_LATENCYSTATS: {
			const char *name = opt == OPT_BITRATE_STATS ?
				"bitrate-stats" : "latencystats";

			if (parse_num(name, optarg, 0, RTE_MAX_LCORE - 1, &v) < 0)
				return -1;
			if (!rte_lcore_is_enabled((unsigned int)v)) {
				fprintf(stderr, "lcore %lu of --%s is not enabled\n", v, name);
				return -1;
			}
			if (opt == OPT_BITRATE_STATS) {
				bitrate_enabled = true;
				bitrate_lcore_id = (lcoreid_t)v;
			} else {
				latencystats_enabled = true;
				latencystats_lcore_id = (lcoreid_t)v;
			}
			break;
		}
		case OPT_NB_PORTS:
			if (parse_num("nb-ports", optarg, 1, RTE_MAX_ETHPORTS, &v) < 0)
				return -1;
			param_nb_ports = (uint32_t)v;
			break;
		case OPT_RXQ:
			if (parse_num("rxq", optarg, 1, MAX_QUEUES, &v) < 0)
				return -1;
			nb_rxq = (uint16_t)v;
			break;
		case OPT_TXQ:
			if (parse_num("txq", optarg, 1, MAX_QUEUES, &v) < 0)
				return -1;
			nb_txq = (uint16_t)v;
			break;
		case OPT_RXD:
			if (parse_num("rxd", optarg, 1, 65535, &v) < 0)
				return -1;
			nb_rxd = (uint16_t)v;
			break;
		case OPT_TXD:
			if (parse_num("txd", optarg, 1, 65535, &v) < 0)
				return -1;
			nb_txd = (uint16_t)v;
			break;
		case OPT_BURST:
			if (parse_num("burst", optarg, 1, MAX_PKT_BURST, &v) < 0)
				return -1;
			nb_pkt_per_burst = (uint16_t)v;
			break;
		case OPT_MBUF_SIZE:
			if (parse_num("mbuf-size", optarg, RTE_PKTMBUF_HEADROOM + 64, 65535, &v) < 0)
				return -1;
			mbuf_data_size = (uint16_t)v;
			break;
		case OPT_TOTAL_NUM_MBUFS:
			if (parse_num("total-num-mbufs", optarg, 1024, UINT32_MAX, &v) < 0)
				return -1;
			param_total_num_mbufs = (uint32_t)v;
			break;
		case OPT_FORWARD_MODE:
			if (set_pkt_fwd_mode(optarg) < 0) {
				fprintf(stderr, "Invalid value \"%s\" for --forward-mode: expected "
					"io, mac, macswap, rxonly, txonly or flowgen\n", optarg);
				return -1;
			}
			break;
		case OPT_PORT_TOPOLOGY:
			if (strcmp(optarg, "paired") == 0) {
				port_topology = PORT_TOPOLOGY_PAIRED;
			} else if (strcmp(optarg, "chained") == 0) {
				port_topology = PORT_TOPOLOGY_CHAINED;
			} else if (strcmp(optarg, "loop") == 0) {
				port_topology = PORT_TOPOLOGY_LOOP;
			} else {
				fprintf(stderr, "Invalid value \"%s\" for --port-topology: expected "
					"paired, chained or loop\n", optarg);
				return -1;
			}
			break;
		case OPT_ETH_PEER:
			if (parse_eth_peer(optarg) < 0)
				return -1;
			break;
		case OPT_CMDLINE_FILE:
			if (strlen(optarg) >= sizeof(cmdline_filename)) {
				fprintf(stderr, "Invalid value for --cmdline-file: path too long\n");
				return -1;
			}
			strcpy(cmdline_filename, optarg);
			break;
		case OPT_NO_FLUSH_RX:
			no_flush_rx = true;
			break;
		case OPT_HOT_PLUG:
			hot_plug = true;
			break;
		case OPT_NO_LSC_INTERRUPT:
			lsc_interrupt = false;
			break;
		case OPT_TXPKTS:
			if (parse_num("txpkts", optarg, 64, 9000, &v) < 0)
				return -1;
			tx_pkt_length = (uint16_t)v;
			break;
		case ':':
			fprintf(stderr, "Option %s needs a value\n", argv[optind - 1]);
			return -1;
		default:
			fprintf(stderr, "Unknown option %s (see --help)\n", argv[optind - 1]);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "Unexpected argument \"%s\" (see --help)\n", argv[optind]);
		return -1;
	}
	return 0;
}
