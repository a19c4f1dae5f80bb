/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_pcap with capture files: exact frames in, exact frames out, queues per argument,
 * end of file and infinite_rx, refusal of bad arguments with nothing left behind, and
 * attach/detach cycles that keep descriptors and memory flat.
 */
#include "test_common.h"

#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <stdarg.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_devargs.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "pcap_test_util.h"

/* tmpfs when available: ext4 flushes truncated-and-rewritten files at close, slowing cycles. */
static char tmpdir[64];
static uint16_t attached_port;
static struct pt_frame frames[PT_MAX_FRAMES];
static struct pt_frame readback[PT_MAX_FRAMES];
/* Sizes from a minimum frame to a jumbo that needs several mbufs. */
static const uint32_t lens[] = { 60, 64, 128, 1514, 2048, 3000, 9000, 61, 1000, 1514 };
#define NFRAMES RTE_DIM(lens)

static void
path_of(char *buf, size_t len, const char *file)
{
	snprintf(buf, len, "%s/%s", tmpdir, file);
}

static int __attribute__((format(printf, 1, 2)))
attach_fmt(const char *fmt, ...)
{
	static char devargs[2 * PATH_MAX + 128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(devargs, sizeof(devargs), fmt, ap);
	va_end(ap);
	return rte_eth_dev_attach(devargs, &attached_port);
}

/* attach(fmt, a, b, &port): rte_eth_dev_attach of the formatted devargs. */
#define attach(fmt, a, b, port) \
	(attach_fmt(fmt, a, b) == 0 ? (*(port) = attached_port, 0) : -1)

static void
detach(uint16_t port)
{
	char name[RTE_DEV_NAME_MAX_LEN];

	rte_eth_dev_stop(port);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, name), 0);
}

static void
assert_mbuf_is_frame(const struct rte_mbuf *m, const struct pt_frame *f)
{
	uint8_t buf[PT_MAX_LEN];
	const uint8_t *p;

	assert_int_equal(m->pkt_len, f->len);
	p = rte_pktmbuf_read(m, 0, m->pkt_len, buf);
	assert_non_null(p);
	assert_memory_equal(p, f->data, f->len);
}

static void
test_rx_file_exact(void **state)
{
	char in[PATH_MAX];
	struct rte_mbuf *pkts[32];
	struct rte_eth_stats st;
	uint64_t bytes = 0;
	unsigned int got = 0, i;
	uint16_t port = 0, n;

	(void)state;
	path_of(in, sizeof(in), "rx.pcap");
	pt_make_frames(frames, lens, NFRAMES, 1);
	assert_int_equal(pt_write_capture(in, frames, NFRAMES), 0);
	assert_int_equal(attach("net_pcap_rx,rx_pcap=%s%s", in, "", &port), 0);
	assert_int_equal(pt_port_start(port, 1, 1), 0);

	/* The burst size is an upper bound, even when more frames are waiting. */
	n = rte_eth_rx_burst(port, 0, pkts, 3);
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++) {
		assert_mbuf_is_frame(pkts[i], &frames[got]);
		bytes += pkts[i]->pkt_len;
		got++;
		rte_pktmbuf_free(pkts[i]);
	}
	while ((n = rte_eth_rx_burst(port, 0, pkts, 32)) > 0) {
		for (i = 0; i < n; i++) {
			assert_true(got < NFRAMES);
			assert_mbuf_is_frame(pkts[i], &frames[got]);
			assert_int_equal(pkts[i]->port, port);
			bytes += pkts[i]->pkt_len;
			got++;
			rte_pktmbuf_free(pkts[i]);
		}
	}
	assert_int_equal(got, NFRAMES);
	/* End of file: nothing more, however often we ask. */
	assert_int_equal(rte_eth_rx_burst(port, 0, pkts, 32), 0);
	assert_int_equal(rte_eth_rx_burst(port, 0, pkts, 32), 0);
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.ipackets, NFRAMES);
	assert_int_equal(st.ibytes, bytes);
	assert_int_equal(st.q_ipackets[0], NFRAMES);
	detach(port);
}

static int
tcpdump_count(const char *file)
{
	char cmd[PATH_MAX + 64];
	int count = -1;
	FILE *p;

	if (access("/usr/bin/tcpdump", X_OK) != 0 && access("/usr/sbin/tcpdump", X_OK) != 0)
		return -2;
	/* One summary line per packet (hex dumps of unknown ethertypes are indented). */
	snprintf(cmd, sizeof(cmd), "tcpdump -nn -r '%s' 2>/dev/null | grep -c '^[0-9]'", file);
	p = popen(cmd, "r");
	if (p == NULL)
		return -1;
	if (fscanf(p, "%d", &count) != 1)
		count = -1;
	pclose(p);
	return count;
}

static void
test_tx_file_roundtrip(void **state)
{
	char out[PATH_MAX];
	struct rte_mbuf *pkts[NFRAMES];
	struct rte_eth_stats st;
	unsigned int i;
	uint16_t port = 0;
	int n;

	(void)state;
	path_of(out, sizeof(out), "tx.pcap");
	pt_make_frames(frames, lens, NFRAMES, 2);
	assert_int_equal(attach("net_pcap_tx,tx_pcap=%s%s", out, "", &port), 0);
	assert_int_equal(pt_port_start(port, 1, 1), 0);

	for (i = 0; i < NFRAMES; i++) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(pt_pool());
		uint32_t off = 0;

		assert_non_null(m);
		/* Build chains for large frames: they must reach the file whole. */
		while (off < frames[i].len) {
			struct rte_mbuf *seg = off == 0 ? m : rte_pktmbuf_alloc(pt_pool());
			uint32_t chunk = RTE_MIN(frames[i].len - off, 1500u);
			char *dst;

			assert_non_null(seg);
			dst = rte_pktmbuf_append(seg, (uint16_t)chunk);
			assert_non_null(dst);
			memcpy(dst, frames[i].data + off, chunk);
			if (seg != m)
				assert_int_equal(rte_pktmbuf_chain(m, seg), 0);
			off += chunk;
		}
		pkts[i] = m;
	}
	assert_int_equal(rte_eth_tx_burst(port, 0, pkts, NFRAMES), NFRAMES);

	/* Valid while the port is still open: every burst is flushed. */
	n = pt_read_capture(out, readback, PT_MAX_FRAMES);
	assert_int_equal(n, NFRAMES);
	for (i = 0; i < NFRAMES; i++) {
		assert_int_equal(readback[i].len, frames[i].len);
		assert_memory_equal(readback[i].data, frames[i].data, frames[i].len);
	}
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.opackets, NFRAMES);
	detach(port);

	n = pt_read_capture(out, readback, PT_MAX_FRAMES);
	assert_int_equal(n, NFRAMES);
	n = tcpdump_count(out);
	if (n != -2)
		assert_int_equal(n, NFRAMES);
}

static void
test_infinite_rx(void **state)
{
	char in[PATH_MAX];
	struct rte_mbuf *pkts[8];
	unsigned int got = 0, i;
	uint16_t port = 0, n;

	(void)state;
	path_of(in, sizeof(in), "loop.pcap");
	pt_make_frames(frames, lens, 3, 3);
	assert_int_equal(pt_write_capture(in, frames, 3), 0);
	assert_int_equal(attach("net_pcap_loop,rx_pcap=%s,infinite_rx=1%s", in, "", &port), 0);
	assert_int_equal(pt_port_start(port, 1, 1), 0);
	while (got < 20) {
		n = rte_eth_rx_burst(port, 0, pkts, 8);
		assert_true(n > 0);
		for (i = 0; i < n; i++) {
			assert_mbuf_is_frame(pkts[i], &frames[(got + i) % 3]);
			rte_pktmbuf_free(pkts[i]);
		}
		got += n;
	}
	detach(port);
}

static void
test_two_rx_queues(void **state)
{
	char a[PATH_MAX], b[PATH_MAX];
	struct pt_frame *fb = readback;
	struct rte_mbuf *pkts[32];
	uint16_t port = 0, n, i;

	(void)state;
	path_of(a, sizeof(a), "qa.pcap");
	path_of(b, sizeof(b), "qb.pcap");
	pt_make_frames(frames, lens, 4, 10);
	pt_make_frames(fb, lens, 6, 20);
	assert_int_equal(pt_write_capture(a, frames, 4), 0);
	assert_int_equal(pt_write_capture(b, fb, 6), 0);
	assert_int_equal(attach("net_pcap_mq,rx_pcap=%s,rx_pcap=%s", a, b, &port), 0);
	assert_int_equal(pt_port_start(port, 2, 1), 0);
	n = rte_eth_rx_burst(port, 1, pkts, 32);
	assert_int_equal(n, 6);
	for (i = 0; i < n; i++) {
		assert_mbuf_is_frame(pkts[i], &fb[i]);
		rte_pktmbuf_free(pkts[i]);
	}
	n = rte_eth_rx_burst(port, 0, pkts, 32);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++) {
		assert_mbuf_is_frame(pkts[i], &frames[i]);
		rte_pktmbuf_free(pkts[i]);
	}
	detach(port);
}

/* Each bad argument: attach fails, and ports, devargs, fds and memory are as before. */
static void
test_bad_arguments(void **state)
{
	char in[PATH_MAX], ok_file[PATH_MAX];
	static char long_path[PATH_MAX + 64];
	const char *bad[10];
	unsigned int i;

	(void)state;
	path_of(ok_file, sizeof(ok_file), "ok.pcap");
	pt_make_frames(frames, lens, 1, 4);
	assert_int_equal(pt_write_capture(ok_file, frames, 1), 0);
	path_of(in, sizeof(in), "missing.pcap");

	static char d0[PATH_MAX + 64], d1[PATH_MAX + 64], d2[PATH_MAX + 64];

	snprintf(d0, sizeof(d0), "net_pcap_bad0,rx_pcap=%s", in);
	snprintf(d1, sizeof(d1), "net_pcap_bad1,rx_pcap=%s,tx_pcap=/nonexistent-dir/out.pcap",
		ok_file);
	snprintf(d2, sizeof(d2), "net_pcap_bad2,rx_pcap=%s,bogus=1", ok_file);
	bad[0] = d0;
	bad[1] = d1;
	bad[2] = d2;
	bad[3] = "net_pcap_bad3,rx_iface=nosuchif0";
	bad[4] = "net_pcap_bad4,rx_pcap=";
	bad[5] = "net_pcap_bad5";
	bad[6] = "net_pcap_bad6,tx_pcap=/tmp/x.pcap,phy_mac=2";
	bad[7] = "net_pcap_bad7,rx_pcap=/tmp/x.pcap,infinite_rx=1,rx_iface=lo";
	/* Names longer than a path or an interface name can be. */
	snprintf(long_path, sizeof(long_path), "net_pcap_bad8,rx_pcap=/%0*d", PATH_MAX, 0);
	bad[8] = long_path;
	bad[9] = "net_pcap_bad9,tx_iface=an-interface-name-too-long";

	for (i = 0; i < RTE_DIM(bad); i++) {
		uint16_t total = rte_eth_dev_count_total();
		unsigned int vdevs = rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL);
		int fds = test_count_fds();
		size_t mem = pt_malloc_in_use();
		uint16_t port = 0xffff;

		print_message("attach %.100s\n", bad[i]);
		assert_true(rte_eth_dev_attach(bad[i], &port) < 0);
		assert_int_equal(port, 0xffff);
		assert_int_equal(rte_eth_dev_count_total(), total);
		assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), vdevs);
		assert_int_equal(test_count_fds(), fds);
		assert_int_equal(pt_malloc_in_use(), mem);
	}
	unlink("/tmp/x.pcap");
}

/*
 * Attach takes only small control memory; the tx queue's 64 KiB buffer for flattening mbuf
 * chains comes with its setup, and everything goes with the detach.
 */
static void
test_attach_footprint(void **state)
{
	char in[PATH_MAX], out[PATH_MAX];
	size_t base, attached, started;
	uint16_t port = 0;

	(void)state;
	path_of(in, sizeof(in), "fp.pcap");
	path_of(out, sizeof(out), "fp-out.pcap");
	pt_make_frames(frames, lens, 2, 6);
	assert_int_equal(pt_write_capture(in, frames, 2), 0);
	base = pt_malloc_in_use();
	assert_int_equal(attach("net_pcap_fp,rx_pcap=%s,tx_pcap=%s", in, out, &port), 0);
	attached = pt_malloc_in_use();
	print_message("rte_malloc bytes: %zu before, %zu attached\n", base, attached);
	assert_true(attached - base < 16 * 1024);
	assert_int_equal(pt_port_start(port, 1, 1), 0);
	started = pt_malloc_in_use();
	assert_true(started - attached >= 65535);
	detach(port);
	assert_int_equal(pt_malloc_in_use(), base);
}

static void
test_attach_detach_cycles(void **state)
{
	char in[PATH_MAX], out[PATH_MAX];
	int fds_before, fds_after;
	size_t mem_before = 0, mem_after;
	unsigned int i, cycles = 10000;
	uint16_t port = 0;

	(void)state;
	if (getenv("PCAP_TEST_CYCLES") != NULL)
		cycles = (unsigned int)atoi(getenv("PCAP_TEST_CYCLES"));
	path_of(in, sizeof(in), "cyc.pcap");
	path_of(out, sizeof(out), "cyc-out.pcap");
	pt_make_frames(frames, lens, 2, 5);
	assert_int_equal(pt_write_capture(in, frames, 2), 0);

	/* One warm-up cycle so lazily created state (log types, pools) is not counted. */
	assert_int_equal(attach("net_pcap_cyc,rx_pcap=%s,tx_pcap=%s", in, out, &port), 0);
	assert_int_equal(pt_port_start(port, 1, 1), 0);
	detach(port);
	fds_before = test_count_fds();
	mem_before = pt_malloc_in_use();
	for (i = 0; i < cycles; i++) {
		uint16_t p;

		assert_int_equal(attach("net_pcap_cyc,rx_pcap=%s,tx_pcap=%s", in, out, &p), 0);
		assert_int_equal(p, port);
		if (i % 10 == 0) {
			assert_int_equal(pt_port_start(p, 1, 1), 0);
			detach(p);
		} else {
			char name[RTE_DEV_NAME_MAX_LEN];

			assert_int_equal(rte_eth_dev_close(p), 0);
			assert_int_equal(rte_eth_dev_detach(p, name), 0);
		}
	}
	fds_after = test_count_fds();
	mem_after = pt_malloc_in_use();
	print_message("%u cycles: fds %d -> %d, rte_malloc bytes %zu -> %zu\n", cycles,
		fds_before, fds_after, mem_before, mem_after);
	assert_int_equal(fds_after, fds_before);
	assert_int_equal(mem_after, mem_before);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/pcap-test.XXXXXX",
		access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	if (pt_eal_init("pmd_pcap", 1) < 0)
		return -1;
	return pt_pool() == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	rte_mempool_free(pt_pool());
	rte_eal_cleanup();
	if (getenv("PCAP_TEST_KEEP") != NULL) {
		printf("# captures kept in %s\n", tmpdir);
		return 0;
	}
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rx_file_exact),
		cmocka_unit_test(test_tx_file_roundtrip),
		cmocka_unit_test(test_infinite_rx),
		cmocka_unit_test(test_two_rx_queues),
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_attach_footprint),
		cmocka_unit_test(test_attach_detach_cycles),
	};

	return cmocka_run_group_tests_name("pmd_pcap", tests, setup, teardown);
}
