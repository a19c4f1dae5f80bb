/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guest-side driver of the e1000 hotplug tests and benchmark: probe/remove cycles of one
 * real PCI NIC with resource accounting, traffic between two NICs on memory allocated after
 * they were attached, and the refusal of a device bound to a kernel driver.
 *
 *   e1000_hotplug [EAL options] -- cycles BDF N     N probe/start/stop/close/remove cycles;
 *                                                   maps, fds and rte_malloc bytes must stay
 *                                                   flat; prints attach (probe) and detach
 *                                                   (close + remove) p50 and p99
 *   e1000_hotplug [EAL options] -- traffic BDF BDF  attach both, then allocate the pool, send
 *                                                   one burst from each, count what arrives
 *   e1000_hotplug [EAL options] -- refuse BDF       attach must fail
 * Exit status 0 when the check holds, 1 otherwise.
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define NB_DESC 256
#define BURST 32

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1; /* the directory stream itself */
}

/* Lines of /proc/self/maps, and how many of them map a device (BAR file, uio or vfio). */
static int
count_maps(int *dev_maps)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512];
	int n = 0;

	*dev_maps = 0;
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		n++;
		/* a vfio BAR maps the device fd, an anonymous inode named [vfio-device] */
		if (strstr(line, "/resource") != NULL || strstr(line, "/dev/uio") != NULL ||
				strstr(line, "[vfio-device]") != NULL ||
				strstr(line, "/dev/vfio/") != NULL)
			(*dev_maps)++;
	}
	fclose(f);
	return n;
}

static size_t
malloc_bytes(void)
{
	struct rte_malloc_socket_stats st;

	if (rte_malloc_get_socket_stats(0, &st) != 0)
		return 0;
	return st.heap_allocsz_bytes;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
pct(double *v, int n, int p)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return v[(n - 1) * p / 100];
}

static int
port_up(uint16_t port, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, NB_DESC, rte_socket_id(), NULL, mp);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, NB_DESC, rte_socket_id(), NULL);
	if (ret == 0)
		ret = rte_eth_promiscuous_enable(port);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret != 0)
		printf("port %u bring-up failed: %s\n", port, rte_strerror(-ret));
	return ret;
}

static int
attach_port(const char *bdf, uint16_t *port)
{
	int ret = rte_dev_probe(bdf);

	if (ret == 0)
		ret = rte_eth_dev_get_port_by_name(bdf, port);
	return ret;
}

/*
 * Attach and detach through rte_dev_probe / rte_dev_remove, which DPDK 22.11 has too, so that
 * devtools/bench-guest-nics.sh can build this file against it for a side-by-side figure.
 */
static int
one_cycle(const char *bdf, struct rte_mempool *mp, double *t_attach, double *t_detach)
{
	struct rte_eth_dev_info info;
	struct rte_device *dev;
	uint16_t port;
	double t0;
	int ret;

	t0 = now_us();
	ret = rte_dev_probe(bdf);
	*t_attach = now_us() - t0;
	if (ret != 0) {
		printf("probe of %s failed: %s\n", bdf, rte_strerror(-ret));
		return -1;
	}
	if (rte_eth_dev_get_port_by_name(bdf, &port) != 0 ||
			rte_eth_dev_info_get(port, &info) != 0) {
		printf("no port for %s\n", bdf);
		return -1;
	}
	dev = info.device;
	ret = port_up(port, mp);
	if (ret == 0)
		ret = rte_eth_dev_stop(port);
	/*
	 * Detach is timed from the close: drivers differ in which of the two releases the
	 * device (DPDK's net_virtio unmaps its BARs at close, ours at remove).
	 */
	t0 = now_us();
	if (rte_eth_dev_close(port) != 0 && ret == 0)
		ret = -1;
	if (rte_dev_remove(dev) != 0) {
		printf("removal of %s failed\n", bdf);
		return -1;
	}
	*t_detach = now_us() - t0;
	return ret == 0 ? 0 : -1;
}

static int
do_cycles(const char *bdf, int n)
{
	struct rte_mempool *mp;
	double *ta, *td;
	int maps0, fds0, dev0, maps1, fds1, dev1, i;
	size_t mem0, mem1;

	mp = rte_pktmbuf_pool_create("cyc_pool", 2 * NB_DESC + 512, 0, 0,
			RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
	ta = calloc(n, sizeof(*ta));
	td = calloc(n, sizeof(*td));
	if (mp == NULL || ta == NULL || td == NULL || n < 2) {
		printf("setup failed (pool, memory or n < 2)\n");
		return 1;
	}
	/* the first cycle allocates what stays for the process lifetime (port data, logs) */
	if (one_cycle(bdf, mp, &ta[0], &td[0]) != 0)
		return 1;
	maps0 = count_maps(&dev0);
	fds0 = count_fds();
	mem0 = malloc_bytes();
	for (i = 1; i < n; i++) {
		if (one_cycle(bdf, mp, &ta[i], &td[i]) != 0) {
			printf("cycle %d failed\n", i);
			return 1;
		}
	}
	maps1 = count_maps(&dev1);
	fds1 = count_fds();
	mem1 = malloc_bytes();
	printf("cycles: %d of %s\n", n, bdf);
	printf("maps: %d -> %d (device maps %d -> %d)\n", maps0, maps1, dev0, dev1);
	printf("fds: %d -> %d\n", fds0, fds1);
	printf("rte_malloc bytes: %zu -> %zu\n", mem0, mem1);
	printf("attach_us p50 %.0f p99 %.0f\n", pct(ta, n, 50), pct(ta, n, 99));
	printf("detach_us p50 %.0f p99 %.0f\n", pct(td, n, 50), pct(td, n, 99));
	free(ta);
	free(td);
	rte_mempool_free(mp);
	return maps0 == maps1 && fds0 == fds1 && mem0 == mem1 && dev1 == 0 ? 0 : 1;
}

static int
send_burst(uint16_t port, struct rte_mempool *mp)
{
	struct rte_mbuf *m[BURST];
	struct rte_ether_hdr *eh;
	uint16_t sent, i;

	if (rte_pktmbuf_alloc_bulk(mp, m, BURST) != 0)
		return -1;
	for (i = 0; i < BURST; i++) {
		char *p = rte_pktmbuf_append(m[i], 64);

		if (p == NULL) {
			rte_pktmbuf_free_bulk(m, BURST);
			return -1;
		}
		memset(p, 0, 64);
		eh = (struct rte_ether_hdr *)p;
		memset(&eh->dst_addr, 0xff, sizeof(eh->dst_addr));
		rte_eth_macaddr_get(port, &eh->src_addr);
		eh->ether_type = rte_cpu_to_be_16(0x88b5);
	}
	sent = rte_eth_tx_burst(port, 0, m, BURST);
	if (sent < BURST)
		rte_pktmbuf_free_bulk(&m[sent], BURST - sent);
	return sent;
}

static unsigned int
drain(uint16_t port)
{
	struct rte_mbuf *m[BURST];
	unsigned int got = 0;
	uint16_t n;

	while ((n = rte_eth_rx_burst(port, 0, m, BURST)) > 0) {
		got += n;
		rte_pktmbuf_free_bulk(m, n);
	}
	return got;
}

/* Stop, close and detach a port; the process then holds nothing of its device. */
static int
release_port(uint16_t port)
{
	struct rte_eth_dev_info info;
	struct rte_device *dev;
	int ret;

	if (rte_eth_dev_info_get(port, &info) != 0)
		return -1;
	dev = info.device;
	ret = rte_eth_dev_stop(port);
	if (rte_eth_dev_close(port) != 0)
		ret = -1;
	if (rte_dev_remove(dev) != 0)
		ret = -1;
	if (ret != 0)
		printf("release of port %u failed\n", port);
	return ret;
}

/* The pool is created after both attaches: under vfio-pci its memory must be DMA-mapped then. */
static int
do_traffic(const char *a, const char *b)
{
	uint16_t pa, pb;
	struct rte_mempool *mp;
	unsigned int ra = 0, rb = 0;
	int sa, sb, i;
	bool ok;

	if (attach_port(a, &pa) != 0 || attach_port(b, &pb) != 0) {
		printf("attach failed\n");
		return 1;
	}
	mp = rte_pktmbuf_pool_create("late_pool", 4096, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			rte_socket_id());
	if (mp == NULL || port_up(pa, mp) != 0 || port_up(pb, mp) != 0) {
		printf("pool or port bring-up failed\n");
		return 1;
	}
	drain(pa);
	drain(pb);
	sa = send_burst(pa, mp);
	sb = send_burst(pb, mp);
	for (i = 0; i < 200 && (ra < (unsigned int)sb || rb < (unsigned int)sa); i++) {
		usleep(5000);
		ra += drain(pa);
		rb += drain(pb);
	}
	printf("pool created after attach: port %u sent %d received %u, port %u sent %d "
		"received %u\n", pa, sa, ra, pb, sb, rb);
	ok = sa == BURST && sb == BURST && ra == (unsigned int)sb && rb == (unsigned int)sa;
	if (release_port(pa) != 0 || release_port(pb) != 0)
		ok = false;
	rte_mempool_free(mp);
	return ok ? 0 : 1;
}

int
main(int argc, char **argv)
{
	int n, rc = 1;

	n = rte_eal_init(argc, argv);
	if (n < 0) {
		printf("rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	argc -= n;
	argv += n;
	if (argc >= 4 && strcmp(argv[1], "cycles") == 0) {
		rc = do_cycles(argv[2], atoi(argv[3]));
	} else if (argc >= 4 && strcmp(argv[1], "traffic") == 0) {
		rc = do_traffic(argv[2], argv[3]);
	} else if (argc >= 3 && strcmp(argv[1], "refuse") == 0) {
		uint16_t port;
		int ret = attach_port(argv[2], &port);

		printf("attach %s: %s\n", argv[2], ret == 0 ? "accepted" : rte_strerror(-ret));
		rc = ret != 0 ? 0 : 1;
	} else {
		printf("usage: %s [EAL options] -- cycles BDF N | traffic BDF BDF | refuse BDF\n",
			argv[0]);
	}
	rte_eal_cleanup();
	return rc;
}
