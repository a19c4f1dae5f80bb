/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <string.h>
#include <pcap.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "pcap_test_util.h"

void
pt_make_frames(struct pt_frame *frames, const uint32_t *lens, unsigned int n, uint32_t seed)
{
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		frames[i].len = lens[i];
		for (j = 0; j < lens[i]; j++)
			frames[i].data[j] = (uint8_t)((seed * 131 + i * 31 + j * 7) ^ (j >> 8));
		/* A real Ethernet header: unicast addresses, experimental ethertype 0x88b5. */
		if (lens[i] >= 14) {
			static const uint8_t hdr[14] = { 0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0,
				0x01, 0x88, 0xb5 };

			memcpy(frames[i].data, hdr, sizeof(hdr));
		}
	}
}

int
pt_write_capture(const char *path, const struct pt_frame *frames, unsigned int n)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d;
	unsigned int i;

	if (p == NULL)
		return -1;
	d = pcap_dump_open(p, path);
	if (d == NULL) {
		pcap_close(p);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct pcap_pkthdr h = { .caplen = frames[i].len, .len = frames[i].len };

		h.ts.tv_sec = 1700000000 + i;
		pcap_dump((u_char *)d, &h, frames[i].data);
	}
	pcap_dump_close(d);
	pcap_close(p);
	return 0;
}

int
pt_read_capture(const char *path, struct pt_frame *frames, unsigned int max)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	pcap_t *p = pcap_open_offline(path, err);
	unsigned int n = 0;

	if (p == NULL)
		return -1;
	while (n < max && pcap_next_ex(p, &h, &data) == 1) {
		frames[n].len = h->caplen;
		memcpy(frames[n].data, data, h->caplen < PT_MAX_LEN ? h->caplen : PT_MAX_LEN);
		n++;
	}
	pcap_close(p);
	return (int)n;
}

int
pt_eal_init(const char *prefix, int lcores)
{
	char pfx[64];
	char *argv[] = { "test", "--no-huge", "-l", lcores > 1 ? "0-1" : "0", pfx,
		"--log-level=pmd.net.pcap:info", NULL };

	snprintf(pfx, sizeof(pfx), "--file-prefix=%s", prefix);
	return rte_eal_init(6, argv) < 0 ? -1 : 0;
}

struct rte_mempool *
pt_pool(void)
{
	static struct rte_mempool *mp;

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("pcap_test_pool", 4095, 64, 0,
			RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

int
pt_port_start(uint16_t port, uint16_t nrx, uint16_t ntx)
{
	struct rte_eth_conf conf;
	uint16_t q;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, nrx, ntx, &conf);
	if (ret < 0)
		return ret;
	for (q = 0; q < nrx; q++) {
		ret = rte_eth_rx_queue_setup(port, q, 128, SOCKET_ID_ANY, NULL, pt_pool());
		if (ret < 0)
			return ret;
	}
	for (q = 0; q < ntx; q++) {
		ret = rte_eth_tx_queue_setup(port, q, 128, SOCKET_ID_ANY, NULL);
		if (ret < 0)
			return ret;
	}
	return rte_eth_dev_start(port);
}

size_t
pt_malloc_in_use(void)
{
	struct rte_malloc_socket_stats st;

	if (rte_malloc_get_socket_stats(0, &st) != 0)
		return 0;
	return st.heap_allocsz_bytes;
}
