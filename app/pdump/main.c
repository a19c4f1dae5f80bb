/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dpdk-pdump: copy the received and/or transmitted packets of ports of a running primary process
 * into pcap files, or send them out of network interfaces. It runs as a secondary process, asks
 * the primary through rte_pdump to copy the packets into its own rings and mempools, and writes
 * what it dequeues with libpcap (DPDK's tool creates net_pcap ports for that instead; writing
 * directly adds no port to the primary). The command line is DPDK 22.11's.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <net/if.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_pdump.h>
#include <rte_ring.h>

#define PROG "dpdk-pdump"
#define MAX_TUPLES 16
#define DEF_RING_SIZE 16384
#define DEF_MBUF_SIZE 2176
#define DEF_NB_MBUFS 65535
#define MIN_NB_MBUFS 1025 /* more than the pool's per-lcore caches can hold */
#define POOL_CACHE 250
#define BURST 32
#define SNAPLEN 65535

/* A destination: a pcap file, or an interface packets are sent out of. */
struct out {
	char name[PATH_MAX];
	pcap_t *pcap;
	pcap_dumper_t *dumper; /* NULL for an interface */
	bool created;          /* a file this run created: removed when it fails */
};

struct dir {
	struct rte_ring *ring;
	struct out *out;
};

struct stats {
	uint64_t dequeued;
	uint64_t written;
	uint64_t freed;
};

struct tuple {
	const char *arg; /* the --pdump value, for messages */
	bool has_port;
	uint16_t port;
	char device[RTE_ETH_NAME_MAX_LEN];
	uint16_t queue; /* RTE_PDUMP_ALL_QUEUES for '*' */
	const char *rx_dev;
	const char *tx_dev;
	uint32_t ring_size;
	uint16_t mbuf_size;
	uint32_t nb_mbufs;
	/* at run time */
	struct rte_mempool *mp;
	struct dir rx, tx; /* tx.ring == rx.ring when both go into one file */
	uint32_t enabled;  /* RTE_PDUMP_FLAG_* enabled in the primary */
	struct out outs[2];
	struct stats stats;
};

static struct tuple tuples[MAX_TUPLES];
static unsigned int nb_tuples;
static volatile sig_atomic_t quit;

static void
usage(FILE *f, const char *prog)
{
	fprintf(f,
		"usage: %s [EAL options] -- --[multi]\n"
		" --pdump '(port=<port id> | device_id=<pci id or vdev name>),"
		"(queue=<queue_id>),"
		"(rx-dev=<iface or pcap file> | tx-dev=<iface or pcap file>,"
		"[ring-size=<ring size>default:%u],"
		"[mbuf-size=<mbuf data size>default:%u],"
		"[total-num-mbufs=<number of mbufs>default:%u]'\n"
		" [--server-socket-path=<dir>] [--client-socket-path=<dir>] (ignored)\n",
		prog, DEF_RING_SIZE, DEF_MBUF_SIZE, DEF_NB_MBUFS);
}

static int __rte_format_printf(2, 3)
bad(const struct tuple *t, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, PROG ": --pdump '%s': ", t->arg);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -EINVAL;
}

/* A decimal number in [min, max]. */
static int
parse_num(const struct tuple *t, const char *key, const char *val, uint64_t min, uint64_t max,
		uint64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoull(val, &end, 10);
	if (val[0] < '0' || val[0] > '9' || *end != '\0' || errno != 0 || *v < min || *v > max) {
		fprintf(stderr, PROG ": --pdump '%s': invalid %s '%s' (a number from %" PRIu64
			" to %" PRIu64 ")\n", t->arg, key, val, min, max);
		return -EINVAL;
	}
	return 0;
}

static int
parse_tuple(struct tuple *t, const char *arg)
{
	char buf[4096], *save = NULL, *kv, *val;
	bool has_queue = false, has_ring = false, has_mbuf = false, has_nb = false;
	uint64_t v;

	t->arg = arg;
	t->ring_size = DEF_RING_SIZE;
	t->mbuf_size = DEF_MBUF_SIZE;
	t->nb_mbufs = DEF_NB_MBUFS;
	if (strlen(arg) >= sizeof(buf))
		return bad(t, "%s", "too long");
	strcpy(buf, arg);
	for (kv = strtok_r(buf, ",", &save); kv != NULL; kv = strtok_r(NULL, ",", &save)) {
		val = strchr(kv, '=');
		if (val == NULL || val[1] == '\0')
			return bad(t, "no value for '%s' (key=value expected)", kv);
		*val++ = '\0';
		if (strcmp(kv, "port") == 0) {
			if (t->has_port)
				return bad(t, "%s given twice", kv);
			if (parse_num(t, kv, val, 0, RTE_MAX_ETHPORTS - 1, &v) < 0)
				return -EINVAL;
			t->has_port = true;
			t->port = v;
		} else if (strcmp(kv, "device_id") == 0) {
			if (t->device[0] != '\0')
				return bad(t, "%s given twice", kv);
			if (strlen(val) >= sizeof(t->device))
				return bad(t, "device_id '%s' too long", val);
			strcpy(t->device, val);
		} else if (strcmp(kv, "queue") == 0) {
			if (has_queue)
				return bad(t, "%s given twice", kv);
			has_queue = true;
			if (strcmp(val, "*") == 0) {
				t->queue = RTE_PDUMP_ALL_QUEUES;
			} else {
				if (parse_num(t, kv, val, 0, RTE_PDUMP_ALL_QUEUES - 1, &v) < 0)
					return -EINVAL;
				t->queue = v;
			}
		} else if (strcmp(kv, "rx-dev") == 0 || strcmp(kv, "tx-dev") == 0) {
			const char **dev = kv[0] == 'r' ? &t->rx_dev : &t->tx_dev;

			if (*dev != NULL)
				return bad(t, "%s given twice", kv);
			if (strlen(val) >= PATH_MAX)
				return bad(t, "%s too long", kv);
			/* kept for the whole run (reachable from tuples[]) */
			*dev = strdup(val);
			if (*dev == NULL)
				return bad(t, "%s", "out of memory");
		} else if (strcmp(kv, "ring-size") == 0) {
			if (has_ring)
				return bad(t, "%s given twice", kv);
			has_ring = true;
			if (parse_num(t, kv, val, 2, RTE_RING_SZ_MASK, &v) < 0)
				return -EINVAL;
			if (!rte_is_power_of_2(v))
				return bad(t, "ring-size '%s' is not a power of 2", val);
			t->ring_size = v;
		} else if (strcmp(kv, "mbuf-size") == 0) {
			if (has_mbuf)
				return bad(t, "%s given twice", kv);
			has_mbuf = true;
			/* room for the headroom and at least one byte of data */
			if (parse_num(t, kv, val, RTE_PKTMBUF_HEADROOM + 1, UINT16_MAX, &v) < 0)
				return -EINVAL;
			t->mbuf_size = v;
		} else if (strcmp(kv, "total-num-mbufs") == 0) {
			if (has_nb)
				return bad(t, "%s given twice", kv);
			has_nb = true;
			if (parse_num(t, kv, val, MIN_NB_MBUFS, UINT16_MAX, &v) < 0)
				return -EINVAL;
			t->nb_mbufs = v;
		} else {
			return bad(t, "unknown key '%s'", kv);
		}
	}
	if (t->has_port == (t->device[0] != '\0'))
		return bad(t, "%s", "must have either port or device_id, not both");
	if (!has_queue)
		return bad(t, "%s", "must have queue=<queue id> or queue=*");
	if (t->rx_dev == NULL && t->tx_dev == NULL)
		return bad(t, "%s", "must have rx-dev or tx-dev (or both)");
	return 0;
}

/* 0: go on, 1: exit 0 (help), negative: exit 1. argv: the options after "--". */
static int
parse_args(int argc, char **argv, const char *prog)
{
	enum { OPT_PDUMP = 256, OPT_MULTI, OPT_SERVER, OPT_CLIENT };
	static const struct option longs[] = {
		{ "pdump", required_argument, NULL, OPT_PDUMP },
		{ "multi", no_argument, NULL, OPT_MULTI },
		{ "server-socket-path", required_argument, NULL, OPT_SERVER },
		{ "client-socket-path", required_argument, NULL, OPT_CLIENT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool warned = false;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", longs, NULL)) != -1) {
		switch (c) {
		case OPT_PDUMP:
			if (nb_tuples == MAX_TUPLES) {
				fprintf(stderr, PROG ": at most %u --pdump options\n", MAX_TUPLES);
				return -EINVAL;
			}
			if (parse_tuple(&tuples[nb_tuples], optarg) < 0)
				return -EINVAL;
			nb_tuples++;
			break;
		case OPT_MULTI:
			/* DPDK captures on a second lcore; one loop serves all here */
			break;
		case OPT_SERVER:
		case OPT_CLIENT:
			if (!warned)
				fprintf(stderr, PROG ": warning: --server-socket-path and "
					"--client-socket-path are deprecated and ignored\n");
			warned = true;
			break;
		case 'h':
			usage(stdout, prog);
			return 1;
		default:
			fprintf(stderr, PROG ": unknown or incomplete option '%s' (see --help)\n",
				argv[optind - 1]);
			return -EINVAL;
		}
	}
	if (optind < argc) {
		fprintf(stderr, PROG ": unexpected argument '%s'\n", argv[optind]);
		return -EINVAL;
	}
	if (nb_tuples == 0) {
		fprintf(stderr, PROG ": no --pdump option: nothing to capture (see --help)\n");
		return -EINVAL;
	}
	return 0;
}

/* The ports named must exist in the primary; device_id becomes a port. */
static int
resolve_ports(void)
{
	unsigned int i;

	for (i = 0; i < nb_tuples; i++) {
		struct tuple *t = &tuples[i];

		if (t->has_port) {
			if (!rte_eth_dev_is_valid_port(t->port)) {
				fprintf(stderr, PROG ": --pdump '%s': no port %u in the primary "
					"process\n", t->arg, t->port);
				return -ENODEV;
			}
			rte_eth_dev_get_name_by_port(t->port, t->device);
		} else if (rte_eth_dev_get_port_by_name(t->device, &t->port) != 0) {
			fprintf(stderr, PROG ": --pdump '%s': no device '%s' in the primary "
				"process\n", t->arg, t->device);
			return -ENODEV;
		}
	}
	return 0;
}

static int
open_out(struct out *o, const char *name)
{
	char err[PCAP_ERRBUF_SIZE];

	snprintf(o->name, sizeof(o->name), "%s", name);
	if (if_nametoindex(name) != 0) {
		/* an interface: the packets are sent out of it */
		o->pcap = pcap_open_live(name, SNAPLEN, 1, 0, err);
		if (o->pcap == NULL) {
			fprintf(stderr, PROG ": cannot open interface %s: %s\n", name, err);
			return -EIO;
		}
		return 0;
	}
	o->pcap = pcap_open_dead(DLT_EN10MB, SNAPLEN);
	if (o->pcap == NULL) {
		fprintf(stderr, PROG ": cannot open %s: out of memory\n", name);
		return -ENOMEM;
	}
	o->dumper = pcap_dump_open(o->pcap, name);
	if (o->dumper == NULL) {
		fprintf(stderr, PROG ": cannot create %s: %s\n", name, pcap_geterr(o->pcap));
		pcap_close(o->pcap);
		o->pcap = NULL;
		return -EIO;
	}
	o->created = true;
	return 0;
}

static void
close_out(struct out *o, bool failed)
{
	if (o->pcap == NULL)
		return;
	if (o->dumper != NULL)
		pcap_dump_close(o->dumper);
	pcap_close(o->pcap);
	o->pcap = NULL;
	o->dumper = NULL;
	if (failed && o->created)
		unlink(o->name);
}

static void
disable_tuples(void)
{
	unsigned int i;

	for (i = 0; i < nb_tuples; i++) {
		struct tuple *t = &tuples[i];

		if (t->enabled != 0)
			rte_pdump_disable(t->port, t->queue, t->enabled);
		t->enabled = 0;
	}
}

static struct rte_ring *
make_ring(const struct tuple *t, unsigned int i, const char *dir)
{
	char name[RTE_RING_NAMESIZE];
	struct rte_ring *r;

	snprintf(name, sizeof(name), "pdump-%s-%d-%u", dir, getpid(), i);
	r = rte_ring_create(name, t->ring_size, rte_socket_id(), RING_F_SC_DEQ);
	if (r == NULL)
		fprintf(stderr, PROG ": cannot create a ring of %u: %s\n", t->ring_size,
			rte_strerror(rte_errno));
	return r;
}

/* Rings, pool and outputs of every tuple, then the captures in the primary. */
static int
setup(void)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	unsigned int i;
	int ret;

	for (i = 0; i < nb_tuples; i++) {
		struct tuple *t = &tuples[i];
		bool same = t->rx_dev != NULL && t->tx_dev != NULL &&
			strcmp(t->rx_dev, t->tx_dev) == 0;

		snprintf(name, sizeof(name), "pdump-%d-%u", getpid(), i);
		t->mp = rte_pktmbuf_pool_create(name, t->nb_mbufs, POOL_CACHE, 0, t->mbuf_size,
			rte_socket_id());
		if (t->mp == NULL) {
			fprintf(stderr, PROG ": cannot create a pool of %u mbufs of %u bytes: %s\n",
				t->nb_mbufs, t->mbuf_size, rte_strerror(rte_errno));
			return -ENOMEM;
		}
		if (t->rx_dev != NULL) {
			t->rx.ring = make_ring(t, i, same ? "rxtx" : "rx");
			if (t->rx.ring == NULL)
				return -ENOMEM;
			t->rx.out = &t->outs[0];
			ret = open_out(t->rx.out, t->rx_dev);
			if (ret < 0)
				return ret;
		}
		if (same) {
			/* one ring, one file: the packets in the order the primary saw them */
			t->tx = t->rx;
		} else if (t->tx_dev != NULL) {
			t->tx.ring = make_ring(t, i, "tx");
			if (t->tx.ring == NULL)
				return -ENOMEM;
			t->tx.out = &t->outs[1];
			ret = open_out(t->tx.out, t->tx_dev);
			if (ret < 0)
				return ret;
		}
	}
	for (i = 0; i < nb_tuples; i++) {
		struct tuple *t = &tuples[i];
		uint32_t flags[2] = { 0, 0 };
		struct rte_ring *rings[2] = { NULL, NULL };
		unsigned int n = 0, k;

		if (t->rx.ring != NULL && t->rx.ring == t->tx.ring) {
			flags[n] = RTE_PDUMP_FLAG_RXTX;
			rings[n++] = t->rx.ring;
		} else {
			if (t->rx.ring != NULL) {
				flags[n] = RTE_PDUMP_FLAG_RX;
				rings[n++] = t->rx.ring;
			}
			if (t->tx.ring != NULL) {
				flags[n] = RTE_PDUMP_FLAG_TX;
				rings[n++] = t->tx.ring;
			}
		}
		for (k = 0; k < n; k++) {
			ret = rte_pdump_enable(t->port, t->queue, flags[k], rings[k], t->mp, NULL);
			if (ret < 0) {
				fprintf(stderr, PROG ": --pdump '%s': cannot enable the capture: %s\n",
					t->arg, strerror(-ret));
				return ret;
			}
			t->enabled |= flags[k];
		}
	}
	return 0;
}

static void
teardown(bool failed)
{
	unsigned int i;

	for (i = 0; i < nb_tuples; i++) {
		struct tuple *t = &tuples[i];

		close_out(&t->outs[0], failed);
		close_out(&t->outs[1], failed);
		if (t->tx.ring != t->rx.ring)
			rte_ring_free(t->tx.ring);
		rte_ring_free(t->rx.ring);
		t->rx.ring = t->tx.ring = NULL;
		rte_mempool_free(t->mp);
		t->mp = NULL;
	}
}

/* Write one packet; false when it could not be. */
static bool
write_pkt(struct out *o, const struct rte_mbuf *m)
{
	static uint8_t copy[SNAPLEN];
	struct pcap_pkthdr hdr;
	const uint8_t *data;
	uint32_t len = RTE_MIN(rte_pktmbuf_pkt_len(m), (uint32_t)SNAPLEN);

	data = rte_pktmbuf_read(m, 0, len, copy);
	if (data == NULL)
		return false;
	if (o->dumper == NULL)
		return pcap_inject(o->pcap, data, len) == (int)len;
	gettimeofday(&hdr.ts, NULL);
	hdr.caplen = len;
	hdr.len = rte_pktmbuf_pkt_len(m);
	pcap_dump((u_char *)o->dumper, &hdr, data);
	return true;
}

/* Packets dequeued from one ring, written and freed. */
static unsigned int
drain(struct tuple *t, struct dir *d)
{
	struct rte_mbuf *pkts[BURST];
	unsigned int n, i, ok = 0;

	if (d->ring == NULL)
		return 0;
	n = rte_ring_dequeue_burst(d->ring, (void **)pkts, BURST, NULL);
	for (i = 0; i < n; i++)
		ok += write_pkt(d->out, pkts[i]);
	rte_pktmbuf_free_bulk(pkts, n);
	t->stats.dequeued += n;
	t->stats.written += ok;
	/* as DPDK's tool: the packets freed without being delivered */
	t->stats.freed += n - ok;
	return n;
}

static unsigned int
drain_all(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < nb_tuples; i++) {
		n += drain(&tuples[i], &tuples[i].rx);
		if (tuples[i].tx.ring != tuples[i].rx.ring)
			n += drain(&tuples[i], &tuples[i].tx);
	}
	return n;
}

static void
print_stats(void)
{
	unsigned int i;

	for (i = 0; i < nb_tuples; i++) {
		const struct stats *s = &tuples[i].stats;

		printf("##### PDUMP DEBUG STATS #####\n");
		printf(" -packets dequeued:\t\t\t%" PRIu64 "\n", s->dequeued);
		printf(" -packets transmitted to vdev:\t\t%" PRIu64 "\n", s->written);
		printf(" -packets freed:\t\t\t%" PRIu64 "\n", s->freed);
	}
	fflush(stdout);
}

static void
on_signal(int sig)
{
	RTE_SET_USED(sig);
	quit = 1;
}

int
main(int argc, char **argv)
{
	char *eal_argv[argc + 2];
	struct sigaction sa;
	bool has_proc_type = false;
	int dd, i, n = 0, ret;
	unsigned int k;

	/* EAL options before "--", the tool's after: checked before touching the primary */
	for (dd = 1; dd < argc && strcmp(argv[dd], "--") != 0; dd++)
		;
	if (dd == argc) {
		for (i = 1; i < argc; i++) {
			if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
				usage(stdout, argv[0]);
				return 0;
			}
		}
		fprintf(stderr, PROG ": no --pdump option: nothing to capture (the tool's "
			"options go after --, see -- --help)\n");
		return 1;
	}
	ret = parse_args(argc - dd, argv + dd, argv[0]);
	if (ret != 0)
		return ret > 0 ? 0 : 1;

	eal_argv[n++] = argv[0];
	for (i = 1; i < dd; i++) {
		if (strncmp(argv[i], "--proc-type", 11) == 0)
			has_proc_type = true;
	}
	/* a secondary unless told otherwise, as DPDK's tool */
	if (!has_proc_type)
		eal_argv[n++] = (char *)(uintptr_t)"--proc-type=secondary";
	for (i = 1; i < dd; i++)
		eal_argv[n++] = argv[i];
	eal_argv[n] = NULL;
	if (rte_eal_init(n, eal_argv) < 0) {
		/* no primary: EAL's one line already says so, with the prefix it looked for */
		if (rte_errno == ENOENT)
			return 1;
		fprintf(stderr, PROG ": cannot attach to the primary process: %s "
			"(is a DPDK application running with the same --file-prefix?)\n",
			rte_strerror(rte_errno));
		return 1;
	}
	if (rte_eal_process_type() != RTE_PROC_SECONDARY) {
		fprintf(stderr, PROG ": must run as a secondary process of the application "
			"whose ports it captures\n");
		rte_eal_cleanup();
		return 1;
	}
	if (resolve_ports() < 0) {
		rte_eal_cleanup();
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	ret = setup();
	if (ret < 0) {
		disable_tuples();
		while (drain_all() > 0)
			;
		teardown(true);
		rte_eal_cleanup();
		return 1;
	}
	printf(" core (%u), capture for (%u) tuples\n", rte_lcore_id(), nb_tuples);
	for (k = 0; k < nb_tuples; k++) {
		if (tuples[k].queue == RTE_PDUMP_ALL_QUEUES)
			printf(" - port %u device (%s) queue *\n", tuples[k].port,
				tuples[k].device);
		else
			printf(" - port %u device (%s) queue %u\n", tuples[k].port,
				tuples[k].device, tuples[k].queue);
	}
	fflush(stdout);
	while (!quit) {
		if (drain_all() == 0)
			usleep(100);
	}
	/* what the primary copied before the capture was disabled is still in the rings */
	disable_tuples();
	while (drain_all() > 0)
		;
	teardown(false);
	print_stats();
	rte_eal_cleanup();
	return 0;
}
