/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dpdk-proc-info: a secondary process that reads what a running primary shares: its ports'
 * statistics and configuration, its mempools and rings, its memory layout. It never starts,
 * stops or configures a port; the only writes are the statistics resets asked for.
 *
 * The application options are parsed before the EAL is initialised (they follow the first
 * "--"), so usage errors are reported the same way whether or not a primary is running.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_hexdump.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_mempool.h>
#include <rte_ring.h>
#include <rte_tailq.h>
#include <rte_tm.h>
#include <rte_version.h>
#ifdef PROC_INFO_METRICS
#include <rte_metrics.h>
/* The memzone that rte_metrics_init() makes for its table (the same name as DPDK's). */
#define PROC_INFO_METRICS_MZ "RTE_METRICS"
#endif

#define PROG "dpdk-proc-info"
#define MAX_XSTAT_IDS 256
#define HOST_ID_LEN 64
/* An object dump is there to identify the object, not to copy the pool out. */
#define ITER_DUMP_MAX 256u

struct desc_dump {
	bool on;
	uint16_t queue;
	uint16_t offset;
	uint16_t num;
};

static struct {
	uint64_t portmask;
	bool stats, stats_reset, xstats, xstats_reset, collectd, show_port, show_port_priv;
	bool mem, show_mempool, show_ring, version, fw_version, rss_reta, metrics, show_tm;
	bool module_eeprom;
	const char *xstats_name;
	uint64_t xstats_ids[MAX_XSTAT_IDS];
	unsigned int nb_xstats_ids;
	const char *mempool_name, *ring_name, *iter_mempool, *regs_prefix;
	char host_id[HOST_ID_LEN];
	struct desc_dump rx_desc, tx_desc;
} opt;

static int status; /* exit status: set to 1 by any failed read */

enum {
	OPT_STATS = 256, OPT_STATS_RESET, OPT_XSTATS, OPT_XSTATS_RESET, OPT_XSTATS_NAME,
	OPT_XSTATS_IDS, OPT_COLLECTD, OPT_HOST_ID, OPT_SHOW_PORT, OPT_SHOW_PORT_PRIV, OPT_SHOW_TM,
	OPT_SHOW_CRYPTO, OPT_SHOW_RING, OPT_SHOW_MEMPOOL, OPT_ITER_MEMPOOL, OPT_VERSION,
	OPT_FW_VERSION, OPT_RSS_RETA, OPT_MODULE_EEPROM, OPT_RX_DESC, OPT_TX_DESC, OPT_DUMP_REGS,
	OPT_METRICS, OPT_HELP,
};

static const struct option long_opts[] = {
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "stats-reset", no_argument, NULL, OPT_STATS_RESET },
	{ "xstats", no_argument, NULL, OPT_XSTATS },
	{ "xstats-reset", no_argument, NULL, OPT_XSTATS_RESET },
	{ "xstats-name", required_argument, NULL, OPT_XSTATS_NAME },
	{ "xstats-ids", required_argument, NULL, OPT_XSTATS_IDS },
	{ "collectd-format", no_argument, NULL, OPT_COLLECTD },
	{ "host-id", required_argument, NULL, OPT_HOST_ID },
	{ "show-port", no_argument, NULL, OPT_SHOW_PORT },
	{ "show-port-private", no_argument, NULL, OPT_SHOW_PORT_PRIV },
	{ "show-tm", no_argument, NULL, OPT_SHOW_TM },
	{ "show-crypto", no_argument, NULL, OPT_SHOW_CRYPTO },
	{ "show-ring", optional_argument, NULL, OPT_SHOW_RING },
	{ "show-mempool", optional_argument, NULL, OPT_SHOW_MEMPOOL },
	{ "iter-mempool", required_argument, NULL, OPT_ITER_MEMPOOL },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "firmware-version", no_argument, NULL, OPT_FW_VERSION },
	{ "show-rss-reta", no_argument, NULL, OPT_RSS_RETA },
	{ "show-module-eeprom", no_argument, NULL, OPT_MODULE_EEPROM },
	{ "show-rx-descriptor", required_argument, NULL, OPT_RX_DESC },
	{ "show-tx-descriptor", required_argument, NULL, OPT_TX_DESC },
	{ "dump-regs", required_argument, NULL, OPT_DUMP_REGS },
	{ "metrics", no_argument, NULL, OPT_METRICS },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

static void
usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " [EAL options] -- [options]\n"
		"Reads a running primary process (same --file-prefix);\n"
		"--proc-type=secondary is implied.\n"
		"  -p PORTMASK             hexadecimal mask of the ports to show (default: all)\n"
		"  -m                      memory segments, memory zones, tail queues and heaps\n"
		"  --stats                 port statistics (the default when no option is given)\n"
		"  --stats-reset           reset port statistics\n"
		"  --xstats                extended port statistics\n"
		"  --xstats-reset          reset extended port statistics\n"
		"  --xstats-name NAME      one extended statistic, by name\n"
		"  --xstats-ids IDLIST     extended statistics by id, comma-separated\n"
		"  --collectd-format       extended statistics as collectd PUTVAL lines\n"
		"  --host-id STRING        host name in the collectd lines (default: gethostname)\n"
		"  --show-port             port configuration\n"
		"  --show-port-private     driver's private port information\n"
		"  --show-tm               traffic manager capabilities\n"
		"  --show-ring[=NAME]      rings (all, or the one named)\n"
		"  --show-mempool[=NAME]   mempools (all, or the one named)\n"
		"  --iter-mempool=NAME     every object of a mempool, with its first bytes\n"
		"  --version               DPDK version\n"
		"  --firmware-version      ports' firmware version\n"
		"  --show-rss-reta         ports' RSS redirection table\n"
		"  --show-module-eeprom    ports' module EEPROM\n"
		"  --show-rx-descriptor Q:OFFSET:NUM  dump Rx descriptors of queue Q\n"
		"  --show-tx-descriptor Q:OFFSET:NUM  dump Tx descriptors of queue Q\n"
		"  --dump-regs=PREFIX      write each port's registers to PREFIX-portN\n"
		"  --metrics               metrics registered by the primary\n"
		"  --show-crypto           not supported: this build has no cryptodev library\n");
}

static int
parse_portmask(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 16);
	if (s[0] == '\0' || s[0] == '-' || *end != '\0' || errno != 0 || v == 0) {
		fprintf(stderr, PROG ": invalid portmask '%s': a non-zero hexadecimal mask\n", s);
		return -EINVAL;
	}
	opt.portmask = v;
	return 0;
}

static int
parse_ids(const char *s)
{
	const char *p = s;
	char *end;

	opt.nb_xstats_ids = 0;
	while (*p != '\0') {
		unsigned long long v;

		errno = 0;
		v = strtoull(p, &end, 0);
		if (end == p || *p == '-' || errno != 0 || (*end != ',' && *end != '\0') ||
				opt.nb_xstats_ids == MAX_XSTAT_IDS) {
			fprintf(stderr, PROG ": invalid xstats id list '%s'\n", s);
			return -EINVAL;
		}
		opt.xstats_ids[opt.nb_xstats_ids++] = v;
		p = *end == ',' ? end + 1 : end;
	}
	if (opt.nb_xstats_ids == 0) {
		fprintf(stderr, PROG ": empty xstats id list\n");
		return -EINVAL;
	}
	return 0;
}

static int
parse_desc(const char *name, const char *s, struct desc_dump *d)
{
	unsigned int q, off, num;
	char extra;

	if (sscanf(s, "%u:%u:%u%c", &q, &off, &num, &extra) != 3 || q > UINT16_MAX ||
			off > UINT16_MAX || num > UINT16_MAX) {
		fprintf(stderr, PROG ": invalid --%s '%s': queue_id:offset:num\n", name, s);
		return -EINVAL;
	}
	d->on = true;
	d->queue = q;
	d->offset = off;
	d->num = num;
	return 0;
}

/* Application options: argv[0] and what follows the first "--". */
static int
parse_app_args(int argc, char **argv)
{
	bool any = false;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":p:mh", long_opts, NULL)) != -1) {
		any = true;
		switch (c) {
		case 'p':
			if (parse_portmask(optarg) < 0)
				return -EINVAL;
			any = false; /* a mask alone still means the default display */
			break;
		case 'm': opt.mem = true; break;
		case OPT_STATS: opt.stats = true; break;
		case OPT_STATS_RESET: opt.stats_reset = true; break;
		case OPT_XSTATS: opt.xstats = true; break;
		case OPT_XSTATS_RESET: opt.xstats_reset = true; break;
		case OPT_XSTATS_NAME: opt.xstats_name = optarg; break;
		case OPT_XSTATS_IDS:
			if (parse_ids(optarg) < 0)
				return -EINVAL;
			break;
		case OPT_COLLECTD: opt.collectd = true; break;
		case OPT_HOST_ID:
			if (strlen(optarg) >= sizeof(opt.host_id)) {
				fprintf(stderr, PROG ": --host-id longer than %d characters\n",
					HOST_ID_LEN - 1);
				return -EINVAL;
			}
			snprintf(opt.host_id, sizeof(opt.host_id), "%s", optarg);
			any = false;
			break;
		case OPT_SHOW_PORT: opt.show_port = true; break;
		case OPT_SHOW_PORT_PRIV: opt.show_port_priv = true; break;
		case OPT_SHOW_TM: opt.show_tm = true; break;
		case OPT_SHOW_CRYPTO:
			fprintf(stderr, PROG ": --show-crypto is not supported: "
				"this build has no cryptodev library\n");
			return -ENOTSUP;
		case OPT_SHOW_RING: opt.show_ring = true; opt.ring_name = optarg; break;
		case OPT_SHOW_MEMPOOL: opt.show_mempool = true; opt.mempool_name = optarg; break;
		case OPT_ITER_MEMPOOL: opt.iter_mempool = optarg; break;
		case OPT_VERSION: opt.version = true; break;
		case OPT_FW_VERSION: opt.fw_version = true; break;
		case OPT_RSS_RETA: opt.rss_reta = true; break;
		case OPT_MODULE_EEPROM: opt.module_eeprom = true; break;
		case OPT_RX_DESC:
			if (parse_desc("show-rx-descriptor", optarg, &opt.rx_desc) < 0)
				return -EINVAL;
			break;
		case OPT_TX_DESC:
			if (parse_desc("show-tx-descriptor", optarg, &opt.tx_desc) < 0)
				return -EINVAL;
			break;
		case OPT_DUMP_REGS: opt.regs_prefix = optarg; break;
		case OPT_METRICS:
#ifdef PROC_INFO_METRICS
			opt.metrics = true;
			break;
#else
			fprintf(stderr, PROG ": --metrics is not supported: "
				"this build has no metrics library\n");
			return -ENOTSUP;
#endif
		case 'h':
		case OPT_HELP:
			usage(stdout);
			exit(0);
		case ':':
			fprintf(stderr, PROG ": option '%s' needs an argument\n", argv[optind - 1]);
			return -EINVAL;
		default:
			fprintf(stderr, PROG ": unknown option '%s' (see --help)\n",
				argv[optind - 1]);
			return -EINVAL;
		}
	}
	if (optind < argc) {
		fprintf(stderr, PROG ": unexpected argument '%s' (see --help)\n", argv[optind]);
		return -EINVAL;
	}
	/* --collectd-format formats extended statistics; alone it means those. */
	if (opt.collectd && !opt.xstats && opt.xstats_name == NULL && opt.nb_xstats_ids == 0)
		opt.xstats = true;
	if (!any && !opt.collectd)
		opt.stats = true;
	return 0;
}

static bool
port_selected(uint16_t port)
{
	return opt.portmask == 0 || (port < 64 && (opt.portmask & (UINT64_C(1) << port)) != 0);
}

#define HASHES76 "############################################################################"
#define HASHES52 "####################################################"

static void
show_stats(uint16_t port)
{
	struct rte_eth_stats st;
	int i, ret;

	ret = rte_eth_stats_get(port, &st);
	if (ret != 0) {
		fprintf(stderr, PROG ": port %u: cannot read statistics: %s\n", port,
			rte_strerror(-ret));
		status = 1;
		return;
	}
	printf("\n  ######################## NIC statistics for port %-2d "
	       "########################\n", port);
	printf("  RX-packets: %-10" PRIu64 "  RX-errors:  %-10" PRIu64 "  RX-bytes:  %-10" PRIu64
	       "\n", st.ipackets, st.ierrors, st.ibytes);
	printf("  RX-nombuf:  %-10" PRIu64 "\n", st.rx_nombuf);
	printf("  TX-packets: %-10" PRIu64 "  TX-errors:  %-10" PRIu64 "  TX-bytes:  %-10" PRIu64
	       "\n", st.opackets, st.oerrors, st.obytes);
	printf("\n");
	for (i = 0; i < RTE_ETHDEV_QUEUE_STAT_CNTRS; i++)
		printf("  Stats reg %2d RX-packets: %-10" PRIu64 "  RX-errors: %-10" PRIu64
		       "  RX-bytes: %-10" PRIu64 "\n", i, st.q_ipackets[i], st.q_errors[i],
		       st.q_ibytes[i]);
	printf("\n");
	for (i = 0; i < RTE_ETHDEV_QUEUE_STAT_CNTRS; i++)
		printf("  Stats reg %2d TX-packets: %-10" PRIu64 "  TX-bytes: %-10" PRIu64 "\n", i,
		       st.q_opackets[i], st.q_obytes[i]);
	printf("  " HASHES76 "\n");
}

static void
reset_stats(uint16_t port)
{
	int ret;

	printf("\n Clearing NIC stats for port %d\n", port);
	ret = rte_eth_stats_reset(port);
	if (ret != 0) {
		fprintf(stderr, PROG ": port %u: cannot reset statistics: %s\n", port,
			rte_strerror(-ret));
		status = 1;
		return;
	}
	printf("\n  NIC statistics for port %d cleared\n", port);
}

static void
reset_xstats(uint16_t port)
{
	int ret;

	printf("\n Clearing NIC xstats for port %d\n", port);
	ret = rte_eth_xstats_reset(port);
	if (ret != 0) {
		fprintf(stderr, PROG ": port %u: cannot reset extended statistics: %s\n", port,
			rte_strerror(-ret));
		status = 1;
		return;
	}
	printf("\n  NIC extended statistics for port %d cleared\n", port);
}

/* The collectd type of a counter, from the words of its name. */
static const char *
collectd_type(const char *name)
{
	bool rx = strstr(name, "rx") != NULL, tx = strstr(name, "tx") != NULL;

	if (rx == tx)
		return "derive";
	if (strstr(name, "bytes") != NULL)
		return rx ? "if_rx_octets" : "if_tx_octets";
	if (strstr(name, "error") != NULL || strstr(name, "missed") != NULL)
		return rx ? "if_rx_errors" : "if_tx_errors";
	if (strstr(name, "drop") != NULL)
		return rx ? "if_rx_dropped" : "if_tx_dropped";
	if (strstr(name, "packets") != NULL)
		return rx ? "if_rx_packets" : "if_tx_packets";
	return "derive";
}

static void
print_xstat(uint16_t port, const char *name, uint64_t value)
{
	if (opt.collectd)
		printf("PUTVAL %s/dpdkstat-port.%u/%s-%s N:%" PRIu64 "\n", opt.host_id, port,
		       collectd_type(name), name, value);
	else
		printf("%s: %" PRIu64 "\n", name, value);
}

static void
show_xstats(uint16_t port)
{
	struct rte_eth_xstat_name *names = NULL;
	struct rte_eth_xstat *vals = NULL;
	int n, i;

	n = rte_eth_xstats_get_names(port, NULL, 0);
	if (n < 0)
		goto fail;
	names = calloc(n + 1, sizeof(*names));
	vals = calloc(n + 1, sizeof(*vals));
	if (names == NULL || vals == NULL)
		goto fail;
	if (rte_eth_xstats_get_names(port, names, n) != n || rte_eth_xstats_get(port, vals, n) != n)
		goto fail;
	if (!opt.collectd) {
		printf("###### NIC extended statistics for port %-2d #########\n", port);
		printf(HASHES52 "\n");
	}
	for (i = 0; i < n; i++)
		print_xstat(port, names[vals[i].id].name, vals[i].value);
	if (!opt.collectd)
		printf(HASHES52 "\n");
	free(names);
	free(vals);
	return;
fail:
	fprintf(stderr, PROG ": port %u: cannot read extended statistics\n", port);
	status = 1;
	free(names);
	free(vals);
}

static void
show_xstats_by_ids(uint16_t port)
{
	struct rte_eth_xstat_name names[MAX_XSTAT_IDS];
	uint64_t vals[MAX_XSTAT_IDS];
	unsigned int n = opt.nb_xstats_ids, i;

	if (rte_eth_xstats_get_names_by_id(port, names, n, opt.xstats_ids) != (int)n ||
			rte_eth_xstats_get_by_id(port, opt.xstats_ids, vals, n) != (int)n) {
		fprintf(stderr, PROG ": port %u: no extended statistic has one of the ids asked\n",
			port);
		status = 1;
		return;
	}
	if (!opt.collectd) {
		printf("###### NIC extended statistics for port %-2d #########\n", port);
		printf(HASHES52 "\n");
	}
	for (i = 0; i < n; i++)
		print_xstat(port, names[i].name, vals[i]);
	if (!opt.collectd)
		printf(HASHES52 "\n");
}

static void
show_xstat_by_name(uint16_t port)
{
	uint64_t id, val;

	if (!opt.collectd)
		printf("###### NIC statistics for port %-2d, statistic name '%s':\n", port,
		       opt.xstats_name);
	if (rte_eth_xstats_get_id_by_name(port, opt.xstats_name, &id) != 0 ||
			rte_eth_xstats_get_by_id(port, &id, &val, 1) != 1) {
		printf("Statistic not found...\n");
		status = 1;
		return;
	}
	print_xstat(port, opt.xstats_name, val);
}

static const char *
on_off(int v)
{
	return v == 1 ? "enabled" : v == 0 ? "disabled" : "unknown";
}

static void
show_port(uint16_t port)
{
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	struct rte_ether_addr mac;
	struct rte_eth_rss_conf rss;
	uint8_t key[UINT8_MAX];
	char buf[RTE_ETH_LINK_MAX_STR_LEN];
	char mac_str[RTE_ETHER_ADDR_FMT_SIZE];
	uint16_t mtu, q;
	int ret;

	printf("===== Port %d =====\n", port);
	ret = rte_eth_dev_info_get(port, &info);
	if (ret != 0) {
		fprintf(stderr, PROG ": port %u: cannot read device info: %s\n", port,
			rte_strerror(-ret));
		status = 1;
		return;
	}
	printf("  - generic config\n");
	printf("\t  -- driver %s device %s socket %d\n", info.driver_name,
	       info.device != NULL ? rte_dev_name(info.device) : "?", rte_eth_dev_socket_id(port));
	if (rte_eth_link_get_nowait(port, &link) == 0 &&
			rte_eth_link_to_str(buf, sizeof(buf), &link) > 0)
		printf("\t%s\n", buf);
	else
		printf("\tLink unknown\n");
	if (rte_eth_macaddr_get(port, &mac) == 0) {
		rte_ether_format_addr(mac_str, sizeof(mac_str), &mac);
		printf("\t  -- mac %s\n", mac_str);
	}
	printf("\t  -- promiscuous mode %s\n", on_off(rte_eth_promiscuous_get(port)));
	printf("\t  -- all multicast mode %s\n", on_off(rte_eth_allmulticast_get(port)));
	if (rte_eth_dev_get_mtu(port, &mtu) == 0)
		printf("\t  -- mtu (%u)\n", mtu);
	printf("\t  -- queues rx %u tx %u\n", info.nb_rx_queues, info.nb_tx_queues);
	for (q = 0; q < info.nb_rx_queues; q++) {
		struct rte_eth_rxq_info qi;

		if (rte_eth_rx_queue_info_get(port, q, &qi) != 0)
			continue;
		printf("  - rx queue\n");
		printf("\t  -- %u descriptors %u mempool %s socket %d\n", q, qi.nb_desc,
		       qi.mp != NULL ? qi.mp->name : "(none)",
		       qi.mp != NULL ? qi.mp->socket_id : -1);
	}
	for (q = 0; q < info.nb_tx_queues; q++) {
		struct rte_eth_txq_info qi;

		if (rte_eth_tx_queue_info_get(port, q, &qi) != 0)
			continue;
		printf("  - tx queue\n");
		printf("\t  -- %u descriptors %u\n", q, qi.nb_desc);
	}
	memset(&rss, 0, sizeof(rss));
	rss.rss_key = key;
	rss.rss_key_len = sizeof(key);
	if (rte_eth_dev_rss_hash_conf_get(port, &rss) == 0) {
		unsigned int i;

		printf("  - RSS info\n");
		printf("\t  -- key len : %u\n", rss.rss_key_len);
		printf("\t  -- key (hex) : ");
		for (i = 0; i < rss.rss_key_len && i < sizeof(key); i++)
			printf("%02x", key[i]);
		printf("\n\t  -- hash function : 0x%" PRIx64 "\n", rss.rss_hf);
	}
}

static void
show_port_private(uint16_t port)
{
	int ret;

	printf("===== Port %d =====\n", port);
	ret = rte_eth_dev_priv_dump(port, stdout);
	if (ret != 0 && ret != -ENOTSUP) {
		fprintf(stderr, PROG ": port %u: cannot dump private data: %s\n", port,
			rte_strerror(-ret));
		status = 1;
	}
}

static void
show_tm(uint16_t port)
{
	struct rte_tm_capabilities cap;
	struct rte_tm_error err;
	int ret;

	memset(&cap, 0, sizeof(cap));
	memset(&err, 0, sizeof(err));
	ret = rte_tm_capabilities_get(port, &cap, &err);
	printf("  - Generic for port (%u)\n", port);
	if (ret != 0) {
		printf("\t  -- traffic manager not supported (%s)\n", rte_strerror(-ret));
		return;
	}
	printf("\t  -- n_nodes_max (%u)\n", cap.n_nodes_max);
	printf("\t  -- n_levels_max (%u)\n", cap.n_levels_max);
	printf("\t  -- shaper_n_max (%u)\n", cap.shaper_n_max);
	printf("\t  -- sched_n_children_max (%u)\n", cap.sched_n_children_max);
	printf("\t  -- sched_sp_n_priorities_max (%u)\n", cap.sched_sp_n_priorities_max);
}

static void
show_fw_version(uint16_t port)
{
	char buf[128];

	if (rte_eth_dev_fw_version_get(port, buf, sizeof(buf)) == 0)
		printf("Ethdev port %u firmware version: %s\n", port, buf);
	else
		printf("Ethdev port %u firmware version: not available\n", port);
}

static void
show_rss_reta(uint16_t port)
{
	struct rte_eth_rss_reta_entry64 *reta;
	struct rte_eth_dev_info info;
	unsigned int i, groups;

	printf("===== Port %d =====\n", port);
	if (rte_eth_dev_info_get(port, &info) != 0 || info.reta_size == 0) {
		printf("RSS RETA configuration: not available\n");
		return;
	}
	groups = (info.reta_size + RTE_ETH_RETA_GROUP_SIZE - 1) / RTE_ETH_RETA_GROUP_SIZE;
	reta = calloc(groups, sizeof(*reta));
	if (reta == NULL) {
		status = 1;
		return;
	}
	for (i = 0; i < groups; i++)
		reta[i].mask = UINT64_MAX;
	if (rte_eth_dev_rss_reta_query(port, reta, info.reta_size) != 0) {
		printf("RSS RETA configuration: not available\n");
	} else {
		for (i = 0; i < info.reta_size; i++)
			printf("RSS RETA configuration: hash index=%u, queue=%u\n", i,
			       reta[i / RTE_ETH_RETA_GROUP_SIZE].reta[i % RTE_ETH_RETA_GROUP_SIZE]);
	}
	free(reta);
}

static void
show_module_eeprom(uint16_t port)
{
	struct rte_eth_dev_module_info mi;
	struct rte_dev_eeprom_info ee;
	int ret;

	printf("===== Port %d =====\n", port);
	ret = rte_eth_dev_get_module_info(port, &mi);
	if (ret != 0) {
		printf("Module EEPROM: not available (%s)\n", rte_strerror(-ret));
		return;
	}
	memset(&ee, 0, sizeof(ee));
	ee.length = mi.eeprom_len;
	ee.data = calloc(1, mi.eeprom_len + 1);
	if (ee.data == NULL) {
		status = 1;
		return;
	}
	if (rte_eth_dev_get_module_eeprom(port, &ee) == 0)
		rte_hexdump(stdout, "Module EEPROM", ee.data, ee.length);
	else
		printf("Module EEPROM: cannot be read\n");
	free(ee.data);
}

static void
show_descriptors(uint16_t port, const struct desc_dump *d, bool rx)
{
	int ret;

	printf("========== show - %s descriptor ==========\n", rx ? "Rx" : "Tx");
	printf("Dump ethdev %s descriptor for port %u, queue %u, offset %u, num %u\n",
	       rx ? "Rx" : "Tx", port, d->queue, d->offset, d->num);
	ret = rx ? rte_eth_rx_descriptor_dump(port, d->queue, d->offset, d->num, stdout) :
		rte_eth_tx_descriptor_dump(port, d->queue, d->offset, d->num, stdout);
	/* a driver without descriptors to show is not a failure of the read */
	if (ret == -ENOTSUP) {
		printf("%s descriptor dump not supported by this port's driver\n",
		       rx ? "Rx" : "Tx");
	} else if (ret != 0) {
		fprintf(stderr, PROG ": port %u: cannot dump %s descriptors: %s\n", port,
			rx ? "Rx" : "Tx", rte_strerror(-ret));
		status = 1;
	}
}

static void
dump_regs(uint16_t port)
{
	struct rte_dev_reg_info reg;
	char path[PATH_MAX];
	FILE *f;
	int ret;

	printf("===== Port (%u)=====\n", port);
	memset(&reg, 0, sizeof(reg));
	ret = rte_eth_dev_get_reg_info(port, &reg);
	if (ret != 0) {
		printf("Error getting device reg info: %d\n", ret);
		return;
	}
	reg.data = calloc(reg.length ? reg.length : 1, reg.width ? reg.width : 4);
	if (reg.data == NULL) {
		status = 1;
		return;
	}
	ret = rte_eth_dev_get_reg_info(port, &reg);
	snprintf(path, sizeof(path), "%s-port%u", opt.regs_prefix, port);
	f = ret == 0 ? fopen(path, "w") : NULL;
	if (f == NULL || fwrite(reg.data, reg.width, reg.length, f) != reg.length) {
		fprintf(stderr, PROG ": port %u: cannot write registers to %s\n", port, path);
		status = 1;
	} else {
		printf("Device (%s) regs dumped to %s\n", "port", path);
	}
	if (f != NULL)
		fclose(f);
	free(reg.data);
}

#ifdef PROC_INFO_METRICS
static void
show_metrics(int key, const char *what)
{
	struct rte_metric_name *names = NULL;
	struct rte_metric_value *vals = NULL;
	int n, i;

	/* Without the primary's table the library would complain at every call. */
	if (rte_memzone_lookup(PROC_INFO_METRICS_MZ) == NULL) {
		printf("No metrics to display (none have been registered)\n");
		return;
	}
	n = rte_metrics_get_names(NULL, 0);
	if (n <= 0) {
		printf("No metrics to display (none have been registered)\n");
		return;
	}
	names = calloc(n, sizeof(*names));
	vals = calloc(n, sizeof(*vals));
	if (names == NULL || vals == NULL || rte_metrics_get_names(names, n) != n ||
			rte_metrics_get_values(key, vals, n) != n) {
		fprintf(stderr, PROG ": cannot read the metrics of %s\n", what);
		status = 1;
	} else {
		printf("###### metrics for %s ######\n", what);
		for (i = 0; i < n; i++)
			printf("%s: %" PRIu64 "\n", names[vals[i].key].name, vals[i].value);
	}
	free(names);
	free(vals);
}
#endif

static void
show_mempool_one(struct rte_mempool *mp)
{
	unsigned int avail = rte_mempool_avail_count(mp);

	printf("  - Name: %s on socket %d\n", mp->name, mp->socket_id);
	printf("  - flags:\n");
	printf("\t  -- No spread (%c)\n", mp->flags & RTE_MEMPOOL_F_NO_SPREAD ? 'y' : 'n');
	printf("\t  -- No cache align (%c)\n",
	       mp->flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN ? 'y' : 'n');
	printf("\t  -- SP put (%c), SC get (%c)\n", mp->flags & RTE_MEMPOOL_F_SP_PUT ? 'y' : 'n',
	       mp->flags & RTE_MEMPOOL_F_SC_GET ? 'y' : 'n');
	printf("\t  -- No IOVA config (%c)\n",
	       mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG ? 'y' : 'n');
	printf("  - Size %u Cache %u element %u\n", mp->size, mp->cache_size, mp->elt_size);
	printf("  - header %u trailer %u\n", mp->header_size, mp->trailer_size);
	printf("  - private data size %u\n", mp->private_data_size);
	printf("  - Count: avail (%u), in use (%u)\n", avail, mp->size - avail);
}

static void
show_mempools(void)
{
	struct rte_mempool *mp;

	if (opt.mempool_name == NULL) {
		printf("========== show - MEMPOOL ==========\n");
		rte_mempool_list_dump(stdout);
		return;
	}
	mp = rte_mempool_lookup(opt.mempool_name);
	if (mp == NULL) {
		fprintf(stderr, PROG ": no mempool named '%s'\n", opt.mempool_name);
		status = 1;
		return;
	}
	printf("========== show - MEMPOOL ==========\n");
	show_mempool_one(mp);
}

static void
show_rings(void)
{
	struct rte_ring *r;

	if (opt.ring_name == NULL) {
		printf("========== show - RING ==========\n");
		rte_ring_list_dump(stdout);
		return;
	}
	r = rte_ring_lookup(opt.ring_name);
	if (r == NULL) {
		fprintf(stderr, PROG ": no ring named '%s'\n", opt.ring_name);
		status = 1;
		return;
	}
	printf("========== show - RING ==========\n");
	printf("  - Name (%s) on socket (%d)\n", r->name, r->memzone != NULL ?
	       r->memzone->socket_id : SOCKET_ID_ANY);
	printf("  - flags:\n");
	printf("\t  -- Single Producer Enqueue (%u)\n", !!(r->flags & RING_F_SP_ENQ));
	printf("\t  -- Single Consumer Dequeue (%u)\n", !!(r->flags & RING_F_SC_DEQ));
	printf("  - size (%u) mask (0x%x) capacity (%u)\n", rte_ring_get_size(r), r->mask,
	       rte_ring_get_capacity(r));
	printf("  - count (%u) free count (%u)\n", rte_ring_count(r), rte_ring_free_count(r));
	printf("  - full (%d) empty (%d)\n", rte_ring_full(r), rte_ring_empty(r));
	printf("%.80s\n", "========================================"
	       "========================================");
}

static void
iter_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	RTE_SET_USED(arg);
	printf("  - obj_idx %u opaque %p obj %p\n", idx, arg, obj);
	rte_hexdump(stdout, " Obj Content", obj, RTE_MIN(mp->elt_size, ITER_DUMP_MAX));
}

static void
iter_mempool(void)
{
	struct rte_mempool *mp;

	mp = rte_mempool_lookup(opt.iter_mempool);
	if (mp == NULL) {
		fprintf(stderr, PROG ": no mempool named '%s'\n", opt.iter_mempool);
		status = 1;
		return;
	}
	printf("========== iter - MEMPOOL ==========\n");
	rte_mempool_obj_iter(mp, iter_obj, NULL);
}

static void
show_memory(void)
{
	printf("----------- MEMORY_SEGMENTS -----------\n");
	rte_dump_physmem_layout(stdout);
	printf("--------- END_MEMORY_SEGMENTS ---------\n");
	printf("------------ MEMORY_ZONES -------------\n");
	rte_memzone_dump(stdout);
	printf("---------- END_MEMORY_ZONES -----------\n");
	printf("------------- TAIL_QUEUES -------------\n");
	rte_dump_tailq(stdout);
	printf("---------- END_TAIL_QUEUES ------------\n");
	printf("---------------- HEAPS ----------------\n");
	rte_malloc_dump_heaps(stdout);
	printf("-------------- END_HEAPS --------------\n");
}

static bool
port_action(void)
{
	return opt.stats || opt.stats_reset || opt.xstats || opt.xstats_reset ||
		opt.xstats_name != NULL || opt.nb_xstats_ids > 0 || opt.show_port ||
		opt.show_port_priv || opt.show_tm || opt.fw_version || opt.rss_reta ||
		opt.module_eeprom || opt.rx_desc.on || opt.tx_desc.on || opt.regs_prefix != NULL ||
		opt.metrics;
}

typedef void (*port_fn)(uint16_t port);

static void
for_ports(const char *title, port_fn fn)
{
	uint16_t port;

	if (title != NULL)
		printf("%s\n", title);
	RTE_ETH_FOREACH_DEV(port)
		if (port_selected(port))
			fn(port);
}

static void
rx_desc(uint16_t port)
{
	show_descriptors(port, &opt.rx_desc, true);
}

static void
tx_desc(uint16_t port)
{
	show_descriptors(port, &opt.tx_desc, false);
}

/* Ports of the mask that the primary does not have: an error, not an empty report. */
static int
check_portmask(void)
{
	uint64_t missing = opt.portmask;
	uint16_t port;

	if (opt.portmask == 0 || !port_action())
		return 0;
	RTE_ETH_FOREACH_DEV(port)
		if (port < 64)
			missing &= ~(UINT64_C(1) << port);
	if (missing == opt.portmask) {
		fprintf(stderr, PROG ": portmask 0x%" PRIx64 " selects none of the primary's %u "
			"port(s)\n", opt.portmask, rte_eth_dev_count_avail());
		return -ENODEV;
	}
	if (missing != 0)
		fprintf(stderr, PROG ": portmask 0x%" PRIx64 ": no port for 0x%" PRIx64 "\n",
			opt.portmask, missing);
	return 0;
}

int
main(int argc, char **argv)
{
	char **eal_argv;
	int eal_argc = 0, app_start = argc, i, ret;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			app_start = i;
			break;
		}
	/* getopt on the application part, with the program name as its argv[0] */
	{
		int app_argc = argc - app_start;
		char *saved = app_start < argc ? argv[app_start] : NULL;

		if (app_start < argc) {
			argv[app_start] = argv[0];
			ret = parse_app_args(app_argc, argv + app_start);
			argv[app_start] = saved;
		} else {
			char *only[] = { argv[0], NULL };

			ret = parse_app_args(1, only);
		}
		if (ret < 0)
			return 1;
	}
	if (opt.host_id[0] == '\0' && gethostname(opt.host_id, sizeof(opt.host_id) - 1) != 0)
		snprintf(opt.host_id, sizeof(opt.host_id), "unknown");

	/* The EAL part, with --proc-type=secondary first so that the user's own may override. */
	eal_argv = calloc(app_start + 2, sizeof(*eal_argv));
	if (eal_argv == NULL)
		return 1;
	eal_argv[eal_argc++] = argv[0];
	eal_argv[eal_argc++] = (char *)(uintptr_t)"--proc-type=secondary";
	for (i = 1; i < app_start; i++)
		eal_argv[eal_argc++] = argv[i];
	ret = rte_eal_init(eal_argc, eal_argv);
	if (ret < 0) {
		int err = rte_errno;

		/* ENOENT: the EAL has just said that no primary runs with this prefix. */
		if (err != ENOENT)
			fprintf(stderr, PROG ": cannot initialise the EAL as a secondary process: "
				"%s\n", rte_strerror(err));
		free(eal_argv);
		return 1;
	}
	if (rte_eal_process_type() != RTE_PROC_SECONDARY) {
		fprintf(stderr, PROG ": only works as a secondary process\n");
		rte_eal_cleanup();
		free(eal_argv);
		return 1;
	}
	if (check_portmask() < 0) {
		rte_eal_cleanup();
		free(eal_argv);
		return 1;
	}

	if (opt.stats)
		for_ports(NULL, show_stats);
	if (opt.stats_reset)
		for_ports(NULL, reset_stats);
	if (opt.xstats) {
		if (opt.nb_xstats_ids > 0)
			for_ports(NULL, show_xstats_by_ids);
		else
			for_ports(NULL, show_xstats);
	} else if (opt.nb_xstats_ids > 0) {
		for_ports(NULL, show_xstats_by_ids);
	}
	if (opt.xstats_name != NULL)
		for_ports(NULL, show_xstat_by_name);
	if (opt.xstats_reset)
		for_ports(NULL, reset_xstats);
#ifdef PROC_INFO_METRICS
	if (opt.metrics) {
		uint16_t port;
		char what[32];

		show_metrics(RTE_METRICS_GLOBAL, "global");
		RTE_ETH_FOREACH_DEV(port) {
			if (!port_selected(port))
				continue;
			snprintf(what, sizeof(what), "port %u", port);
			show_metrics(port, what);
		}
	}
#endif
	if (opt.mem)
		show_memory();
	if (opt.show_port)
		for_ports("========== show - Port PMD ==========", show_port);
	if (opt.show_port_priv)
		for_ports("========== Dump - Ports private information ==========",
			  show_port_private);
	if (opt.show_tm)
		for_ports("========== show - TM PMD ==========", show_tm);
	if (opt.show_ring)
		show_rings();
	if (opt.show_mempool)
		show_mempools();
	if (opt.iter_mempool != NULL)
		iter_mempool();
	if (opt.version)
		printf("========== show - DPDK version ==========\nDPDK version: %s\n",
		       rte_version());
	if (opt.fw_version)
		for_ports("========== show - firmware version ==========", show_fw_version);
	if (opt.rss_reta)
		for_ports(NULL, show_rss_reta);
	if (opt.module_eeprom)
		for_ports("========== show - module EEPROM ==========", show_module_eeprom);
	if (opt.rx_desc.on)
		for_ports(NULL, rx_desc);
	if (opt.tx_desc.on)
		for_ports(NULL, tx_desc);
	if (opt.regs_prefix != NULL)
		for_ports("========== dump - Port REG ==========", dump_regs);

	fflush(stdout);
	rte_eal_cleanup();
	free(eal_argv);
	return status;
}
