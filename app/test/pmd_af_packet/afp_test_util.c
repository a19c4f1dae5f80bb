/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>

#include <rte_byteorder.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "afp_test_util.h"

#define AT_MAGIC 0x41465054u /* "AFPT" */
#define AT_PAYLOAD_OFF 42    /* Ethernet 14 + IPv4 20 + UDP 8 */
#define AT_MAX_LEN 9018

const char *
at_make_network(const char *const *names, unsigned int n)
{
	unsigned int i;

	if (geteuid() != 0)
		return "not root: cannot create a network namespace and AF_PACKET sockets";
	if (access("/usr/sbin/ip", X_OK) != 0 && access("/sbin/ip", X_OK) != 0 &&
			access("/usr/bin/ip", X_OK) != 0)
		return "the ip command (iproute2) is not installed";
	if (unshare(CLONE_NEWNET | CLONE_NEWNS) != 0)
		return "network namespaces are not permitted here (unshare failed)";
	/* /sys/class/net shows the namespace of whoever mounted sysfs: mount our own. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
			mount("sysfs", "/sys", "sysfs", 0, NULL) != 0)
		return "cannot mount sysfs for the test's network namespace";
	/* No IPv6: the kernel would otherwise send its own frames (router solicitations...). */
	pt_sh("sysctl -qw net.ipv6.conf.all.disable_ipv6=1");
	pt_sh("sysctl -qw net.ipv6.conf.default.disable_ipv6=1");
	for (i = 0; i + 1 < n; i += 2)
		if (pt_sh("ip link add %s type veth peer name %s", names[i], names[i + 1]) != 0 ||
				pt_sh("ip link set %s up", names[i]) != 0 ||
				pt_sh("ip link set %s up", names[i + 1]) != 0)
			return "cannot create a veth pair in the test's namespace";
	return NULL;
}

static uint8_t
payload_byte(uint32_t seq, uint32_t j)
{
	return (uint8_t)(seq * 7 + j * 13 + (j >> 8));
}

struct rte_mbuf *
at_frame(struct rte_mempool *mp, uint32_t len, uint32_t flow, uint32_t seq)
{
	static const uint8_t eth[14] = { 0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0 };
	uint8_t buf[AT_MAX_LEN];
	struct rte_mbuf *head = NULL, *tail = NULL;
	uint32_t j, off = 0;

	if (len < 64 || len > AT_MAX_LEN)
		return NULL;
	memset(buf, 0, sizeof(buf));
	memcpy(buf, eth, sizeof(eth));
	buf[14] = 0x45;
	buf[16] = (uint8_t)((len - 14) >> 8);
	buf[17] = (uint8_t)(len - 14);
	buf[22] = 64;
	buf[23] = 17;
	buf[26] = 10; buf[27] = 0; buf[28] = (uint8_t)(flow >> 8); buf[29] = (uint8_t)flow;
	buf[30] = 10; buf[31] = 1; buf[32] = (uint8_t)(flow >> 4); buf[33] = (uint8_t)(flow * 3);
	buf[34] = (uint8_t)((1000 + flow) >> 8); buf[35] = (uint8_t)(1000 + flow);
	buf[36] = 0x07; buf[37] = 0xd0;
	buf[38] = (uint8_t)((len - 34) >> 8); buf[39] = (uint8_t)(len - 34);
	buf[42] = 'A'; buf[43] = 'F'; buf[44] = 'P'; buf[45] = 'T';
	memcpy(buf + 46, &seq, sizeof(seq));
	for (j = 50; j < len; j++)
		buf[j] = payload_byte(seq, j);
	/* Chains when the pool's buffers are smaller than the frame. */
	while (off < len) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
		uint32_t chunk;

		if (m == NULL) {
			rte_pktmbuf_free(head);
			return NULL;
		}
		chunk = RTE_MIN(len - off, (uint32_t)rte_pktmbuf_tailroom(m));
		memcpy(rte_pktmbuf_append(m, (uint16_t)chunk), buf + off, chunk);
		off += chunk;
		if (head == NULL) {
			head = m;
		} else {
			tail->next = m;
			head->nb_segs++;
			head->pkt_len += chunk;
		}
		tail = m;
	}
	return head;
}

long
at_frame_seq(const struct rte_mbuf *m)
{
	static uint8_t buf[AT_MAX_LEN];
	const uint8_t *p;
	uint32_t seq, j;

	if (m->pkt_len < 64 || m->pkt_len > AT_MAX_LEN)
		return -1;
	p = rte_pktmbuf_read(m, 0, m->pkt_len, buf);
	if (p[12] != 0x08 || p[13] != 0 || memcmp(p + 42, "AFPT", 4) != 0)
		return -1;
	if ((uint32_t)((p[16] << 8) | p[17]) != m->pkt_len - 14)
		return -1;
	memcpy(&seq, p + 46, sizeof(seq));
	for (j = 50; j < m->pkt_len; j++)
		if (p[j] != payload_byte(seq, j))
			return -1;
	return seq;
}

int
at_socket_maps(void)
{
	char line[1024];
	FILE *f = fopen("/proc/self/maps", "r");
	int n = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strstr(line, "socket:[") != NULL)
			n++;
	fclose(f);
	return n;
}
