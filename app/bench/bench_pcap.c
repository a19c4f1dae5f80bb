/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_pcap figures: attach and detach latency of a capture-file port (p50/p99 over many
 * cycles) and receive rate from a capture file. Only DPDK 22.11 API is used, so the same source
 * builds against another DPDK for a side-by-side comparison (devtools/bench-pcap.sh).
 * The attach figures are given for rx_pcap alone and for rx_pcap plus tx_pcap (_rxtx), and the
 * cost of the libpcap calls they make is measured on its own (libpcap lines). They are taken
 * before the mbuf pool of the rx figure is created, so nothing else holds EAL's heap.
 * usage: bench_pcap [EAL options] -- CAPTURE_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pcap.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_dev.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_cycles.h>
#include <rte_lcore.h>

#define ATTACH_CYCLES 1000
#define RX_PACKETS 1000000
#define RX_ROUNDS 3

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
write_capture(const char *path, unsigned int n, unsigned int len)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = p != NULL ? pcap_dump_open(p, path) : NULL;
	unsigned char frame[1518];
	unsigned int i;

	if (d == NULL)
		return -1;
	memset(frame, 0x5a, sizeof(frame));
	for (i = 0; i < n; i++) {
		struct pcap_pkthdr h = { .caplen = len, .len = len };

		h.ts.tv_sec = i;
		frame[0] = (unsigned char)i;
		pcap_dump((u_char *)d, &h, frame);
	}
	pcap_dump_close(d);
	pcap_close(p);
	return 0;
}

static struct rte_device *
port_device(uint16_t port)
{
	struct rte_eth_dev_info info;

	if (rte_eth_dev_info_get(port, &info) != 0)
		return NULL;
	return info.device;
}

/* Attach and detach a port with an rx capture file and, when out is not NULL, a tx one. */
static int
bench_attach(const char *label, const char *file, const char *out)
{
	static double att[ATTACH_CYCLES], det[ATTACH_CYCLES];
	char devargs[1024];
	unsigned int i;

	if (out != NULL)
		snprintf(devargs, sizeof(devargs), "net_pcap_bench,rx_pcap=%s,tx_pcap=%s", file,
			out);
	else
		snprintf(devargs, sizeof(devargs), "net_pcap_bench,rx_pcap=%s", file);
	for (i = 0; i < ATTACH_CYCLES; i++) {
		struct rte_device *dev;
		uint16_t port;
		double t0, t1, t2;

		t0 = now_us();
		if (rte_dev_probe(devargs) != 0) {
			fprintf(stderr, "probe failed: %s\n", rte_strerror(rte_errno));
			return -1;
		}
		t1 = now_us();
		if (rte_eth_dev_get_port_by_name("net_pcap_bench", &port) != 0)
			return -1;
		dev = port_device(port);
		t2 = now_us();
		if (dev == NULL || rte_dev_remove(dev) != 0) {
			fprintf(stderr, "remove failed\n");
			return -1;
		}
		det[i] = now_us() - t2;
		att[i] = t1 - t0;
	}
	qsort(att, ATTACH_CYCLES, sizeof(double), cmp_double);
	qsort(det, ATTACH_CYCLES, sizeof(double), cmp_double);
	printf("pcap attach%s us: p50 %.1f p99 %.1f\n", label, att[ATTACH_CYCLES / 2],
		att[ATTACH_CYCLES * 99 / 100]);
	printf("pcap detach%s us: p50 %.1f p99 %.1f\n", label, det[ATTACH_CYCLES / 2],
		det[ATTACH_CYCLES * 99 / 100]);
	return 0;
}

/*
 * What libpcap alone costs of an attach and a detach: opening and closing the capture to read
 * and the one to write, as the driver does, without DPDK around them.
 */
static int
bench_libpcap(const char *file, const char *out)
{
	static double rd[ATTACH_CYCLES], wr[ATTACH_CYCLES];
	char errbuf[PCAP_ERRBUF_SIZE];
	unsigned int i;

	for (i = 0; i < ATTACH_CYCLES; i++) {
		pcap_dumper_t *d;
		pcap_t *p;
		double t0 = now_us();

		p = pcap_open_offline(file, errbuf);
		if (p == NULL)
			return -1;
		pcap_close(p);
		rd[i] = now_us() - t0;
		t0 = now_us();
		p = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 65535,
			PCAP_TSTAMP_PRECISION_NANO);
		d = p != NULL ? pcap_dump_open(p, out) : NULL;
		if (d == NULL)
			return -1;
		pcap_dump_flush(d);
		pcap_dump_close(d);
		pcap_close(p);
		wr[i] = now_us() - t0;
	}
	qsort(rd, ATTACH_CYCLES, sizeof(double), cmp_double);
	qsort(wr, ATTACH_CYCLES, sizeof(double), cmp_double);
	printf("libpcap open_offline+close us: p50 %.1f p99 %.1f\n", rd[ATTACH_CYCLES / 2],
		rd[ATTACH_CYCLES * 99 / 100]);
	printf("libpcap dump_open+flush+close us: p50 %.1f p99 %.1f\n", wr[ATTACH_CYCLES / 2],
		wr[ATTACH_CYCLES * 99 / 100]);
	return 0;
}

static int
bench_rx(const char *file, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	struct rte_mbuf *pkts[32];
	char devargs[1024];
	double best = 0;
	int round;

	memset(&conf, 0, sizeof(conf));
	snprintf(devargs, sizeof(devargs), "net_pcap_rx,rx_pcap=%s", file);
	for (round = 0; round < RX_ROUNDS; round++) {
		struct rte_device *dev;
		uint64_t got = 0;
		uint16_t port, n;
		double t0, mpps;

		if (rte_dev_probe(devargs) != 0 ||
				rte_eth_dev_get_port_by_name("net_pcap_rx", &port) != 0)
			return -1;
		if (rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
				rte_eth_rx_queue_setup(port, 0, 512, rte_socket_id(), NULL, mp) != 0 ||
				rte_eth_tx_queue_setup(port, 0, 512, rte_socket_id(), NULL) != 0 ||
				rte_eth_dev_start(port) != 0)
			return -1;
		t0 = now_us();
		while ((n = rte_eth_rx_burst(port, 0, pkts, 32)) > 0) {
			got += n;
			rte_pktmbuf_free_bulk(pkts, n);
		}
		mpps = got / (now_us() - t0);
		if (got != RX_PACKETS)
			fprintf(stderr, "received %lu of %d\n", (unsigned long)got, RX_PACKETS);
		if (mpps > best)
			best = mpps;
		/* The device first: DPDK 22.11 frees the port id at close. */
		dev = port_device(port);
		rte_eth_dev_stop(port);
		rte_eth_dev_close(port);
		if (dev == NULL || rte_dev_remove(dev) != 0)
			return -1;
	}
	printf("pcap rx Mpps (64-byte frames, best of %d): %.3f\n", RX_ROUNDS, best);
	return 0;
}

int
main(int argc, char **argv)
{
	char small[512], big[512], out[512];
	struct rte_mempool *mp;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "EAL init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	argc -= ret;
	argv += ret;
	if (argc < 2) {
		fprintf(stderr, "usage: bench_pcap [EAL options] -- CAPTURE_DIR\n");
		return 1;
	}
	snprintf(small, sizeof(small), "%s/bench-small.pcap", argv[1]);
	snprintf(big, sizeof(big), "%s/bench-rx.pcap", argv[1]);
	snprintf(out, sizeof(out), "%s/bench-tx.pcap", argv[1]);
	if (write_capture(small, 10, 64) != 0 || write_capture(big, RX_PACKETS, 60) != 0) {
		fprintf(stderr, "cannot write captures in %s\n", argv[1]);
		return 1;
	}
	/* Attach before any pool exists: the port's memory is then all EAL's heap has in use. */
	if (bench_attach("", small, NULL) != 0 || bench_attach("_rxtx", small, out) != 0 ||
			bench_libpcap(small, out) != 0)
		return 1;
	mp = rte_pktmbuf_pool_create("bench_pcap", 8191, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		rte_socket_id());
	if (mp == NULL || bench_rx(big, mp) != 0)
		return 1;
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return 0;
}
