/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pcapng files: argument errors, a capture of packets from two net_null ports (received and
 * sent, truncated, chained, with a VLAN tag to put back) checked block by block in the test
 * itself and, when tshark is installed, read back by tshark; failing writes.
 */
#include "ethdev_test_util.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <rte_cycles.h>
#include <rte_pcapng.h>

#define NB_MBUF 256

static struct rte_mempool *pool;   /* packets */
static struct rte_mempool *cpool;  /* copies */
static uint16_t port0, port1;
static char path[64];

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_pcapng", "-l", "0", NB_MBUF, 0);
	if (pool == NULL)
		return -1;
	cpool = rte_pktmbuf_pool_create("pcapng_copies", NB_MBUF, 0, 0,
			rte_pcapng_mbuf_size(RTE_MBUF_DEFAULT_DATAROOM), SOCKET_ID_ANY);
	if (cpool == NULL)
		return -1;
	if (rte_eth_dev_attach("net_null0", &port0) != 0 ||
			rte_eth_dev_attach("net_null1", &port1) != 0)
		return -1;
	snprintf(path, sizeof(path), "/tmp/test_pcapng_%d.pcapng", (int)getpid());
	return 0;
}

static int
teardown(void **state)
{
	char name[RTE_ETH_NAME_MAX_LEN];

	(void)state;
	rte_eth_dev_close(port0);
	rte_eth_dev_detach(port0, name);
	rte_eth_dev_close(port1);
	rte_eth_dev_detach(port1, name);
	unlink(path);
	rte_mempool_free(cpool);
	return test_env_fini(pool);
}

static struct rte_mbuf *
packet(uint16_t len, uint8_t seed)
{
	struct rte_mbuf *m;

	test_fill(pool, &m, 1, len, seed);
	return m;
}

static void
test_errors(void **state)
{
	struct rte_mempool *tiny;
	struct rte_mbuf *m = packet(60, 1), *held[2];
	rte_pcapng_t *pc;
	int fd;

	(void)state;
	rte_errno = 0;
	assert_null(rte_pcapng_fdopen(-1, NULL, NULL, NULL, NULL));
	assert_int_equal(rte_errno, EINVAL);
	fd = open("/dev/full", O_WRONLY);
	assert_true(fd >= 0);
	assert_null(rte_pcapng_fdopen(fd, "os", NULL, NULL, NULL));
	assert_int_equal(rte_errno, ENOSPC);
	close(fd); /* not taken over on failure */

	assert_null(rte_pcapng_copy(port0, 0, NULL, cpool, UINT32_MAX, 0,
			RTE_PCAPNG_DIRECTION_IN));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_pcapng_copy(port0, 0, m, NULL, UINT32_MAX, 0, RTE_PCAPNG_DIRECTION_IN));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_pcapng_copy(port0, 0, m, cpool, UINT32_MAX, 0,
			(enum rte_pcapng_direction)3));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_pcapng_copy(RTE_MAX_ETHPORTS, 0, m, cpool, UINT32_MAX, 0,
			RTE_PCAPNG_DIRECTION_IN));
	assert_int_equal(rte_errno, EINVAL);

	/* a VLAN tag cannot go back into a packet shorter than two MAC addresses */
	rte_pktmbuf_trim(m, 52);
	m->ol_flags |= RTE_MBUF_F_RX_VLAN_STRIPPED;
	assert_null(rte_pcapng_copy(port0, 0, m, cpool, UINT32_MAX, 0,
			RTE_PCAPNG_DIRECTION_IN));
	assert_int_equal(rte_errno, ENOSPC);
	rte_pktmbuf_free(m);

	/* empty pool */
	tiny = rte_pktmbuf_pool_create("pcapng_tiny", 2, 0, 0, 2048, SOCKET_ID_ANY);
	assert_non_null(tiny);
	assert_int_equal(rte_pktmbuf_alloc_bulk(tiny, held, 2), 0);
	m = packet(60, 1);
	assert_null(rte_pcapng_copy(port0, 0, m, tiny, UINT32_MAX, 0,
			RTE_PCAPNG_DIRECTION_IN));
	assert_int_equal(rte_errno, ENOMEM);
	rte_pktmbuf_free_bulk(held, 2);
	rte_mempool_free(tiny);

	assert_int_equal(rte_pcapng_write_packets(NULL, &m, 1), -1); /* frees m */
	assert_int_equal(rte_pcapng_write_stats(NULL, port0, NULL, 0, 0, 0, 0), -1);
	rte_pcapng_close(NULL);

	/* a port neither existing nor in the file */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	pc = rte_pcapng_fdopen(fd, NULL, NULL, NULL, NULL);
	assert_non_null(pc);
	assert_int_equal(rte_pcapng_write_stats(pc, RTE_MAX_ETHPORTS - 1, NULL, 0, 0, 0, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_pcapng_write_stats(pc, UINT16_MAX, NULL, 0, 0, 0, 0), -1);
	rte_pcapng_close(pc);
	assert_int_equal(rte_mempool_avail_count(cpool), NB_MBUF);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

/* The file, read whole. */
static uint8_t *
slurp(size_t *len)
{
	struct stat st;
	uint8_t *buf;
	int fd = open(path, O_RDONLY);

	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	buf = malloc(st.st_size + 1);
	assert_non_null(buf);
	assert_int_equal(read(fd, buf, st.st_size), st.st_size);
	close(fd);
	*len = st.st_size;
	return buf;
}

static uint32_t
u32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Find option code in the options of [p, end); its length, or -1. */
static int
find_opt(const uint8_t *p, const uint8_t *end, uint16_t code, const uint8_t **val)
{
	while (p + 4 <= end) {
		uint16_t c, l;

		memcpy(&c, p, 2);
		memcpy(&l, p + 2, 2);
		if (c == 0)
			return -1;
		if (c == code) {
			*val = p + 4;
			return l;
		}
		p += 4 + RTE_ALIGN(l, 4);
	}
	return -1;
}

struct seen {
	unsigned int shb, idb, epb, isb;
	unsigned int in, out;
	uint32_t epb_if[8];
	uint32_t epb_queue[8];
	uint32_t epb_caplen[8];
	uint32_t epb_origlen[8];
	const uint8_t *epb_data[8];
	char if_name[4][64];
	uint64_t isb_recv, isb_drop;
};

/* Walk every block: types, lengths (leading = trailing, multiple of 4), options. */
static void
check_structure(const uint8_t *buf, size_t len, struct seen *s)
{
	size_t off = 0;
	const uint8_t *v = NULL;
	int l;

	memset(s, 0, sizeof(*s));
	while (off < len) {
		const uint8_t *b = buf + off;
		uint32_t type, blen;

		assert_true(off + 12 <= len);
		type = u32(b);
		blen = u32(b + 4);
		assert_int_equal(blen % 4, 0);
		assert_true(blen >= 12 && off + blen <= len);
		assert_int_equal(u32(b + blen - 4), blen);
		switch (type) {
		case 0x0A0D0D0A:
			assert_int_equal(off, 0);
			assert_int_equal(u32(b + 8), 0x1A2B3C4D);
			l = find_opt(b + 24, b + blen - 4, 4, &v);
			assert_int_equal(l, strlen("test_pcapng"));
			assert_memory_equal(v, "test_pcapng", l);
			assert_int_equal(find_opt(b + 24, b + blen - 4, 3, &v), strlen("TestOS"));
			s->shb++;
			break;
		case 1:
			assert_int_equal(b[8], 1);      /* link type Ethernet */
			l = find_opt(b + 16, b + blen - 4, 2, &v);
			assert_true(l > 0 && l < 64);
			memcpy(s->if_name[s->idb], v, (size_t)l & 63);
			assert_int_equal(find_opt(b + 16, b + blen - 4, 9, &v), 1);
			assert_int_equal(v[0], 9);      /* nanoseconds */
			assert_int_equal(find_opt(b + 16, b + blen - 4, 3, &v),
					strlen("net_null"));
			assert_int_equal(find_opt(b + 16, b + blen - 4, 6, &v), 6);
			s->idb++;
			break;
		case 6: {
			/* details of the first 8 blocks are kept */
			unsigned int k = RTE_MIN(s->epb, 7u);

			s->epb_if[k] = u32(b + 8);
			assert_true(s->epb_if[k] < s->idb); /* described before */
			s->epb_caplen[k] = u32(b + 20);
			s->epb_origlen[k] = u32(b + 24);
			s->epb_data[k] = b + 28;
			assert_true(28 + RTE_ALIGN(s->epb_caplen[k], 4) + 4 <= blen);
			v = b + 28 + RTE_ALIGN(s->epb_caplen[k], 4);
			assert_int_equal(find_opt(v, b + blen - 4, 2, &v), 4);
			if (u32(v) == 1)
				s->in++;
			else if (u32(v) == 2)
				s->out++;
			v = b + 28 + RTE_ALIGN(s->epb_caplen[k], 4);
			assert_int_equal(find_opt(v, b + blen - 4, 6, &v), 4);
			s->epb_queue[k] = u32(v);
			s->epb++;
			break;
		}
		case 5:
			assert_true(u32(b + 8) < s->idb);
			assert_int_equal(find_opt(b + 20, b + blen - 4, 4, &v), 8);
			memcpy(&s->isb_recv, v, 8);
			assert_int_equal(find_opt(b + 20, b + blen - 4, 5, &v), 8);
			memcpy(&s->isb_drop, v, 8);
			assert_int_equal(find_opt(b + 20, b + blen - 4, 1, &v), strlen("done"));
			s->isb++;
			break;
		default:
			fail_msg("unexpected block type %#x at %zu", type, off);
		}
		off += blen;
	}
}

static int
run(const char *cmd, char *out, size_t n)
{
	FILE *f = popen(cmd, "r");
	size_t got;

	assert_non_null(f);
	got = fread(out, 1, n - 1, f);
	out[got] = '\0';
	return pclose(f);
}

/* Tool output as TAP diagnostics, one per line. */
static void
note_lines(const char *tool, char *out)
{
	char *line, *save = NULL;

	for (line = strtok_r(out, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save))
		test_note("%s: %s\n", tool, line);
}

static void
test_capture(void **state)
{
	struct rte_mbuf *pk[6], *c[7], *seg;
	char name0[RTE_ETH_NAME_MAX_LEN], out[4096], cmd[256];
	uint64_t now = rte_get_tsc_cycles();
	struct seen s;
	rte_pcapng_t *pc;
	uint8_t *buf;
	size_t len;
	int fd, i;

	(void)state;
	assert_int_equal(rte_eth_dev_get_name_by_port(port0, name0), 0);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	pc = rte_pcapng_fdopen(fd, "TestOS", "TestHW", "test_pcapng", "a comment");
	assert_non_null(pc);

	pk[0] = packet(60, 0x10);
	pk[1] = packet(61, 0x20);
	pk[2] = packet(1000, 0x30);
	pk[3] = packet(62, 0x40);
	pk[4] = packet(100, 0x50);
	seg = packet(50, 0x60);
	assert_int_equal(rte_pktmbuf_chain(pk[4], seg), 0);
	pk[5] = packet(64, 0x70);
	pk[5]->ol_flags |= RTE_MBUF_F_RX_VLAN_STRIPPED;
	pk[5]->vlan_tci = 0x0123;

	c[0] = rte_pcapng_copy(port0, 0, pk[0], cpool, UINT32_MAX, now, RTE_PCAPNG_DIRECTION_IN);
	c[1] = rte_pcapng_copy(port1, 3, pk[1], cpool, UINT32_MAX, now, RTE_PCAPNG_DIRECTION_OUT);
	c[2] = rte_pcapng_copy(port0, 1, pk[2], cpool, 128, now, RTE_PCAPNG_DIRECTION_IN);
	c[3] = rte_pcapng_copy(port1, 0, pk[3], cpool, UINT32_MAX, now,
			RTE_PCAPNG_DIRECTION_UNKNOWN);
	c[4] = rte_pcapng_copy(port0, 2, pk[4], cpool, UINT32_MAX, now, RTE_PCAPNG_DIRECTION_OUT);
	c[5] = rte_pcapng_copy(port0, 0, pk[5], cpool, UINT32_MAX, now, RTE_PCAPNG_DIRECTION_IN);
	for (i = 0; i < 6; i++)
		assert_non_null(c[i]);
	/* an mbuf not made by rte_pcapng_copy is skipped (and freed) */
	c[6] = packet(80, 0x80);
	assert_true(rte_pcapng_write_packets(pc, c, 3) > 0);
	assert_true(rte_pcapng_write_packets(pc, c + 3, 4) > 0);
	assert_true(rte_pcapng_write_stats(pc, port0, "done", 1, 2, 6, 1) > 0);
	rte_pcapng_close(pc);
	rte_pktmbuf_free_bulk(pk, 6);
	assert_int_equal(rte_mempool_avail_count(cpool), NB_MBUF);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);

	buf = slurp(&len);
	check_structure(buf, len, &s);
	assert_int_equal(s.shb, 1);
	assert_int_equal(s.idb, 2);
	assert_string_equal(s.if_name[0], name0);
	assert_int_equal(s.epb, 6);
	assert_int_equal(s.in, 3);
	assert_int_equal(s.out, 2);
	assert_int_equal(s.isb, 1);
	assert_int_equal(s.isb_recv, 6);
	assert_int_equal(s.isb_drop, 1);
	assert_int_equal(s.epb_if[0], s.epb_if[2]);
	assert_int_not_equal(s.epb_if[0], s.epb_if[1]);
	assert_int_equal(s.epb_queue[1], 3);
	assert_int_equal(s.epb_queue[4], 2);
	/* truncated copy: 128 of 1000 bytes */
	assert_int_equal(s.epb_caplen[2], 128);
	assert_int_equal(s.epb_origlen[2], 1000);
	/* both segments of the chain, in order */
	assert_int_equal(s.epb_caplen[4], 150);
	assert_int_equal(s.epb_data[4][99], 0x50);
	assert_int_equal(s.epb_data[4][100], 0x60);
	/* the VLAN tag is back, after the MAC addresses */
	assert_int_equal(s.epb_caplen[5], 68);
	assert_int_equal(s.epb_origlen[5], 68);
	assert_int_equal(s.epb_data[5][11], 0x70);
	assert_int_equal(s.epb_data[5][12], 0x81);
	assert_int_equal(s.epb_data[5][13], 0x00);
	assert_int_equal(s.epb_data[5][14], 0x01);
	assert_int_equal(s.epb_data[5][15], 0x23);
	assert_int_equal(s.epb_data[5][16], 0x70);
	free(buf);

	if (access("/usr/bin/tshark", X_OK) != 0) {
		test_note("tshark not installed: the file was checked by this test only\n");
		return;
	}
	snprintf(cmd, sizeof(cmd), "/usr/bin/tshark -r %s -T fields -e frame.interface_name "
			"-e frame.cap_len -e frame.len -e frame.interface_description "
			"2>/dev/null", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	snprintf(cmd, sizeof(cmd), "%s\t60\t60\tnet_null\n", name0);
	assert_non_null(strstr(out, cmd));
	assert_non_null(strstr(out, "\t128\t1000\tnet_null\n"));
	assert_non_null(strstr(out, "\t150\t150\tnet_null\n"));
	/* one line per packet */
	for (i = 0, len = 0; out[i] != '\0'; i++)
		len += out[i] == '\n';
	assert_int_equal(len, 6);
	note_lines("tshark", out);
	snprintf(cmd, sizeof(cmd), "/usr/bin/capinfos -T -r %s 2>&1 || /usr/bin/tshark -r %s "
			"-q -z io,stat,0 2>&1", path, path);
	(void)run(cmd, out, sizeof(out));
	note_lines("capinfos", out);
}

/*
 * More segments than one writev() takes, in one call, and a port attached after the file was
 * opened: its description is written just before its first packet.
 */
static void
test_big_batch_new_port(void **state)
{
	const unsigned int nb = 1500;
	struct rte_mempool *mp;
	struct rte_mbuf **c, *m;
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t port2;
	struct seen s;
	rte_pcapng_t *pc;
	uint8_t *buf;
	size_t len;
	unsigned int i;
	int fd;

	(void)state;
	mp = rte_pktmbuf_pool_create("pcapng_big", 2047, 0, 0, rte_pcapng_mbuf_size(128),
			SOCKET_ID_ANY);
	assert_non_null(mp);
	c = calloc(nb, sizeof(*c));
	assert_non_null(c);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	pc = rte_pcapng_fdopen(fd, "TestOS", NULL, "test_pcapng", NULL);
	assert_non_null(pc);
	assert_int_equal(rte_eth_dev_attach("net_null2", &port2), 0);
	m = packet(60, 0x11);
	for (i = 0; i < nb; i++) {
		c[i] = rte_pcapng_copy(i == nb - 1 ? port2 : port0, 0, m, mp, UINT32_MAX,
				rte_get_tsc_cycles(), RTE_PCAPNG_DIRECTION_IN);
		assert_non_null(c[i]);
	}
	rte_pktmbuf_free(m);
	assert_true(rte_pcapng_write_packets(pc, c, nb) > 0);
	assert_int_equal(rte_mempool_avail_count(mp), 2047);
	assert_true(rte_pcapng_write_stats(pc, port2, "done", 0, 0, 1, 0) > 0);
	rte_pcapng_close(pc);

	buf = slurp(&len);
	check_structure(buf, len, &s);
	assert_int_equal(s.epb, nb);
	assert_int_equal(s.in, nb);
	assert_int_equal(s.idb, 3);
	assert_string_equal(s.if_name[2], "net_null2");
	assert_int_equal(s.epb_if[7], 2);   /* the last block: the new port */
	free(buf);
	free(c);
	rte_mempool_free(mp);
	assert_int_equal(rte_eth_dev_close(port2), 0);
	assert_int_equal(rte_eth_dev_detach(port2, name), 0);
}

static void
test_write_failure(void **state)
{
	struct rte_mbuf *m = packet(60, 1), *c;
	rte_pcapng_t *pc;
	int fd, full;

	(void)state;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	pc = rte_pcapng_fdopen(fd, NULL, NULL, NULL, NULL);
	assert_non_null(pc);
	/* the disk fills up under the open file */
	full = open("/dev/full", O_WRONLY);
	assert_true(full >= 0);
	assert_int_equal(dup2(full, fd), fd);
	close(full);
	c = rte_pcapng_copy(port0, 0, m, cpool, UINT32_MAX, rte_get_tsc_cycles(),
			RTE_PCAPNG_DIRECTION_IN);
	assert_non_null(c);
	rte_errno = 0;
	assert_int_equal(rte_pcapng_write_packets(pc, &c, 1), -1);
	assert_int_equal(rte_errno, ENOSPC);
	assert_int_equal(rte_pcapng_write_stats(pc, port0, NULL, 0, 0, UINT64_MAX, UINT64_MAX),
			-1);
	rte_pcapng_close(pc);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_mempool_avail_count(cpool), NB_MBUF);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_capture),
		cmocka_unit_test(test_big_batch_new_port),
		cmocka_unit_test(test_write_failure),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
