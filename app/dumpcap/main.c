/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dpdk-dumpcap: capture the packets of ports of a running primary process (dpdk-testpmd...)
 * into a pcapng file. It runs as a secondary process of the primary's file prefix, asks the
 * primary through rte_pdump to copy the packets of the chosen ports into its own mempool and
 * ring, and writes what it dequeues with rte_pcapng. The command line follows Wireshark's
 * dumpcap where it can.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/utsname.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_pcapng.h>
#include <rte_pdump.h>
#include <rte_ring.h>
#include <rte_version.h>

#define PROG "dpdk-dumpcap"
#define DEF_SNAPLEN 2176
#define RING_SIZE 4096
#define POOL_SIZE (2 * RING_SIZE - 1)
#define BURST 256 /* one write (writev) per burst: fewer system calls */
#define MAX_IFACES RTE_MAX_ETHPORTS

struct iface {
	char arg[RTE_ETH_NAME_MAX_LEN]; /* as given to -i */
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t port;
	bool enabled;
};

static struct iface ifaces[MAX_IFACES];
static unsigned int nb_ifaces;
static const char *file_prefix;
static const char *output_name;
static const char *capture_comment;
static uint64_t stop_count;   /* 0: no limit */
static uint64_t stop_seconds; /* 0: no limit */
static uint32_t snaplen = DEF_SNAPLEN;
static bool quiet;
static bool list_only;
static bool group_read;
static volatile sig_atomic_t quit;

static void
usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " [options] ...\n\n"
		"Capture Interface:\n"
		"  -i <interface>           name or port index of interface (repeatable)\n"
		"  -f <capture filter>      packet filter (not supported: no BPF library)\n"
		"  -s <snaplen>, --snapshot-length <snaplen>\n"
		"                           packet snapshot length (def: %u)\n"
		"  -D, --list-interfaces    print list of interfaces and exit\n\n"
		"Stop conditions:\n"
		"  -c <packet count>        stop after n packets (def: infinite)\n"
		"  -a <autostop cond.> ..., --autostop <autostop cond.> ...\n"
		"                           duration:NUM - stop after NUM seconds\n"
		"                            packets:NUM - stop after NUM packets\n"
		"Output (files):\n"
		"  -w <filename>            name of file to save (def: tempfile)\n"
		"  -g                       enable group read access on the output file\n"
		"  -n                       use pcapng format (the only one)\n"
		"  --capture-comment <comment>\n"
		"                           add a capture comment to the output file\n\n"
		"Miscellaneous:\n"
		"  --file-prefix=<prefix>   prefix of the primary process\n"
		"  -q                       don't report packet capture counts\n"
		"  -v, --version            print version information and exit\n"
		"  -h, --help               display this help and exit\n\n"
		"Use Ctrl-C to stop capturing at any time.\n", DEF_SNAPLEN);
}

static int
parse_u64(const char *s, uint64_t *v, const char *what)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || s[0] == '-') {
		fprintf(stderr, PROG ": invalid %s '%s'\n", what, s);
		return -1;
	}
	return 0;
}

static int
parse_autostop(const char *s)
{
	if (strncmp(s, "duration:", 9) == 0)
		return parse_u64(s + 9, &stop_seconds, "duration");
	if (strncmp(s, "packets:", 8) == 0)
		return parse_u64(s + 8, &stop_count, "packet count");
	fprintf(stderr, PROG ": unsupported autostop condition '%s'\n", s);
	return -1;
}

/* 0: go on, 1: exit 0 (help, version), -1: exit 1 */
static int
parse_args(int argc, char **argv)
{
	enum { OPT_PREFIX = 256, OPT_COMMENT };
	static const struct option longs[] = {
		{ "autostop", required_argument, NULL, 'a' },
		{ "capture-comment", required_argument, NULL, OPT_COMMENT },
		{ "file-prefix", required_argument, NULL, OPT_PREFIX },
		{ "help", no_argument, NULL, 'h' },
		{ "list-interfaces", no_argument, NULL, 'D' },
		{ "snapshot-length", required_argument, NULL, 's' },
		{ "version", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	uint64_t v;
	int c;

	while ((c = getopt_long(argc, argv, "a:c:Df:ghi:nPqs:vw:", longs, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (parse_autostop(optarg) < 0)
				return -1;
			break;
		case 'c':
			if (parse_u64(optarg, &stop_count, "packet count") < 0)
				return -1;
			break;
		case 'D':
			list_only = true;
			break;
		case 'f':
			fprintf(stderr, PROG ": capture filters (-f) are not supported: "
				"this build has no BPF library\n");
			return -1;
		case 'g':
			group_read = true;
			break;
		case 'h':
			usage(stdout);
			return 1;
		case 'i':
			if (nb_ifaces == MAX_IFACES) {
				fprintf(stderr, PROG ": too many interfaces\n");
				return -1;
			}
			if (strlen(optarg) >= sizeof(ifaces[0].arg)) {
				fprintf(stderr, PROG ": interface name too long '%s'\n", optarg);
				return -1;
			}
			strcpy(ifaces[nb_ifaces++].arg, optarg);
			break;
		case 'n':
			break;
		case 'P':
			fprintf(stderr, PROG ": the pcap format (-P) is not supported, "
				"only pcapng\n");
			return -1;
		case 'q':
			quiet = true;
			break;
		case 's':
			if (parse_u64(optarg, &v, "snapshot length") < 0)
				return -1;
			/* the copies must fit in one mbuf of the capture pool */
			if (v == 0 || rte_pcapng_mbuf_size(v) > UINT16_MAX) {
				fprintf(stderr, PROG ": snapshot length %" PRIu64
					" out of range (1..%u)\n", v, 60000u);
				return -1;
			}
			snaplen = v;
			break;
		case 'v':
			printf(PROG " 1.0 (%s)\n", rte_version());
			return 1;
		case 'w':
			output_name = optarg;
			break;
		case OPT_PREFIX:
			file_prefix = optarg;
			break;
		case OPT_COMMENT:
			capture_comment = optarg;
			break;
		default:
			usage(stderr);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, PROG ": unexpected argument '%s'\n", argv[optind]);
		return -1;
	}
	return 0;
}

static int
eal_start(const char *argv0)
{
	char prefix[PATH_MAX];
	char *args[16];
	int n = 0;

	args[n++] = (char *)(uintptr_t)argv0;
	args[n++] = (char *)(uintptr_t)"--proc-type=secondary";
	args[n++] = (char *)(uintptr_t)"--log-level=notice";
	args[n++] = (char *)(uintptr_t)"--no-telemetry";
	args[n++] = (char *)(uintptr_t)"-l";
	args[n++] = (char *)(uintptr_t)"0";
	if (file_prefix != NULL) {
		snprintf(prefix, sizeof(prefix), "--file-prefix=%s", file_prefix);
		args[n++] = prefix;
	}
	args[n] = NULL;
	if (rte_eal_init(n, args) < 0) {
		fprintf(stderr, PROG ": cannot attach to the primary process%s%s: %s "
			"(is a DPDK application running with that prefix?)\n",
			file_prefix != NULL ? " of prefix " : "",
			file_prefix != NULL ? file_prefix : "", rte_strerror(rte_errno));
		return -1;
	}
	return 0;
}

static void
list_interfaces(void)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t p;

	RTE_ETH_FOREACH_DEV(p) {
		if (rte_eth_dev_get_name_by_port(p, name) == 0)
			printf("%u. %s\n", p, name);
	}
}

static int
resolve_interfaces(void)
{
	unsigned int i;
	uint64_t v;
	char *end;

	if (nb_ifaces == 0) {
		/* as dumpcap: the first interface */
		uint16_t p = rte_eth_find_next_owned_by(0, RTE_ETH_DEV_NO_OWNER);

		if (p >= RTE_MAX_ETHPORTS) {
			fprintf(stderr, PROG ": the primary process has no interface\n");
			return -1;
		}
		snprintf(ifaces[0].arg, sizeof(ifaces[0].arg), "%u", p);
		nb_ifaces = 1;
	}
	for (i = 0; i < nb_ifaces; i++) {
		struct iface *f = &ifaces[i];

		v = strtoull(f->arg, &end, 10);
		if (f->arg[0] != '\0' && *end == '\0') {
			if (v >= RTE_MAX_ETHPORTS || !rte_eth_dev_is_valid_port(v)) {
				fprintf(stderr, PROG ": no interface with port number %s\n",
					f->arg);
				return -1;
			}
			f->port = v;
		} else if (rte_eth_dev_get_port_by_name(f->arg, &f->port) != 0) {
			fprintf(stderr, PROG ": no interface named '%s' (see " PROG " -D)\n",
				f->arg);
			return -1;
		}
		rte_eth_dev_get_name_by_port(f->port, f->name);
	}
	return 0;
}

static int
open_output(char *path, size_t len)
{
	int fd;

	if (output_name == NULL) {
		char stamp[32];
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
		snprintf(path, len, "/tmp/" PROG "_%u_%s_%s.pcapng", ifaces[0].port,
			ifaces[0].name, stamp);
	} else if (strcmp(output_name, "-") == 0) {
		snprintf(path, len, "-");
		return dup(STDOUT_FILENO);
	} else {
		snprintf(path, len, "%s", output_name);
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, group_read ? 0640 : 0600);
	if (fd < 0)
		fprintf(stderr, PROG ": cannot create %s: %s\n", path, strerror(errno));
	return fd;
}

static void
on_signal(int sig)
{
	RTE_SET_USED(sig);
	quit = 1;
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static void
stop_capture(void)
{
	unsigned int i;

	for (i = 0; i < nb_ifaces; i++) {
		if (ifaces[i].enabled)
			rte_pdump_disable(ifaces[i].port, RTE_PDUMP_ALL_QUEUES,
				RTE_PDUMP_FLAG_RXTX);
		ifaces[i].enabled = false;
	}
}

static void
report_stats(rte_pcapng_t *out, uint64_t start, uint64_t end, uint64_t captured)
{
	struct rte_pdump_stats st;
	unsigned int i;

	if (!quiet)
		fprintf(stderr, "\rPackets captured: %" PRIu64 "\n", captured);
	for (i = 0; i < nb_ifaces; i++) {
		uint64_t recv, drop;

		if (rte_pdump_stats(ifaces[i].port, &st) < 0)
			continue;
		recv = st.accepted + st.filtered;
		drop = st.nombuf + st.ringfull;
		rte_pcapng_write_stats(out, ifaces[i].port, NULL, start, end, recv, drop);
		if (!quiet)
			fprintf(stderr, "Packets received/dropped on interface '%s': "
				"%" PRIu64 "/%" PRIu64 " (%.1f)\n", ifaces[i].name, recv, drop,
				recv + drop == 0 ? 100.0 : 100.0 * recv / (recv + drop));
	}
}

static int
capture(void)
{
	struct rte_mbuf *pkts[BURST];
	char path[PATH_MAX], os[300], ring_name[RTE_RING_NAMESIZE];
	char pool_name[RTE_MEMPOOL_NAMESIZE];
	struct rte_mempool *mp;
	struct rte_ring *ring;
	struct utsname un;
	rte_pcapng_t *out;
	uint64_t captured = 0, start, deadline = 0, last_report = 0;
	unsigned int i, n;
	int fd, ret, rc = 0;

	snprintf(ring_name, sizeof(ring_name), "dumpcap-%d", getpid());
	snprintf(pool_name, sizeof(pool_name), "dumpcap-%d", getpid());
	ring = rte_ring_create(ring_name, RING_SIZE, SOCKET_ID_ANY, RING_F_SC_DEQ);
	mp = rte_pktmbuf_pool_create(pool_name, POOL_SIZE, 0, 0, rte_pcapng_mbuf_size(snaplen),
		SOCKET_ID_ANY);
	if (ring == NULL || mp == NULL) {
		fprintf(stderr, PROG ": cannot create the capture ring and pool: %s\n",
			rte_strerror(rte_errno));
		rte_ring_free(ring);
		rte_mempool_free(mp);
		return 1;
	}
	fd = open_output(path, sizeof(path));
	if (fd < 0) {
		rte_ring_free(ring);
		rte_mempool_free(mp);
		return 1;
	}
	if (uname(&un) == 0)
		snprintf(os, sizeof(os), "%s %s", un.sysname, un.release);
	else
		snprintf(os, sizeof(os), "Linux");
	out = rte_pcapng_fdopen(fd, os, NULL, PROG " 1.0 (" RTE_VER_PREFIX ")", capture_comment);
	if (out == NULL) {
		fprintf(stderr, PROG ": cannot write %s: %s\n", path, rte_strerror(rte_errno));
		close(fd);
		rte_ring_free(ring);
		rte_mempool_free(mp);
		return 1;
	}
	if (!quiet)
		fprintf(stderr, "File: %s\n", path);
	for (i = 0; i < nb_ifaces; i++) {
		ret = rte_pdump_enable_bpf(ifaces[i].port, RTE_PDUMP_ALL_QUEUES,
			RTE_PDUMP_FLAG_RXTX | RTE_PDUMP_FLAG_PCAPNG, snaplen, ring, mp, NULL);
		if (ret < 0) {
			fprintf(stderr, PROG ": cannot capture on '%s': %s\n", ifaces[i].name,
				strerror(-ret));
			rc = 1;
			goto done;
		}
		ifaces[i].enabled = true;
		if (!quiet)
			fprintf(stderr, "Capturing on '%s'\n", ifaces[i].name);
	}
	start = now_ns();
	if (stop_seconds != 0)
		deadline = rte_get_timer_cycles() + stop_seconds * rte_get_timer_hz();
	while (!quit) {
		n = rte_ring_dequeue_burst(ring, (void **)pkts, BURST, NULL);
		if (stop_count != 0 && captured + n > stop_count) {
			/* exactly the count asked for */
			unsigned int keep = stop_count - captured;

			rte_pktmbuf_free_bulk(&pkts[keep], n - keep);
			n = keep;
		}
		if (n > 0) {
			if (rte_pcapng_write_packets(out, pkts, n) < 0) {
				fprintf(stderr, PROG ": cannot write %s: %s\n", path,
					rte_strerror(rte_errno));
				rc = 1;
				break;
			}
			captured += n;
		} else {
			usleep(1000);
		}
		if (stop_count != 0 && captured >= stop_count)
			break;
		if (deadline != 0 && rte_get_timer_cycles() >= deadline)
			break;
		if (!quiet && isatty(STDERR_FILENO) &&
				rte_get_timer_cycles() - last_report > rte_get_timer_hz()) {
			last_report = rte_get_timer_cycles();
			fprintf(stderr, "\rPackets captured: %" PRIu64 " ", captured);
		}
	}
	stop_capture();
	report_stats(out, start, now_ns(), captured);
done:
	stop_capture();
	rte_pcapng_close(out);
	/* what the primary copied after the last dequeue */
	while ((n = rte_ring_dequeue_burst(ring, (void **)pkts, BURST, NULL)) > 0)
		rte_pktmbuf_free_bulk(pkts, n);
	rte_ring_free(ring);
	rte_mempool_free(mp);
	return rc;
}

int
main(int argc, char **argv)
{
	struct sigaction sa;
	int ret;

	ret = parse_args(argc, argv);
	if (ret != 0)
		return ret > 0 ? 0 : 1;
	if (eal_start(argv[0]) < 0)
		return 1;
	if (list_only) {
		list_interfaces();
		rte_eal_cleanup();
		return 0;
	}
	if (resolve_interfaces() < 0) {
		rte_eal_cleanup();
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	ret = capture();
	rte_eal_cleanup();
	return ret;
}
