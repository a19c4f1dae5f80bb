/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "tap_test_util.h"

#define TT_MAX_LEN 9018

const char *
tt_make_network(void)
{
	if (geteuid() != 0)
		return "not root: cannot create tap interfaces or a network namespace";
	if (access("/dev/net/tun", R_OK | W_OK) != 0)
		return "/dev/net/tun is missing (no tun module)";
	if (access("/usr/sbin/ip", X_OK) != 0 && access("/sbin/ip", X_OK) != 0 &&
			access("/usr/bin/ip", X_OK) != 0)
		return "the ip command (iproute2) is not installed";
	if (unshare(CLONE_NEWNET | CLONE_NEWNS) != 0)
		return "network namespaces are not permitted here (unshare failed)";
	/* /sys/class/net shows the namespace of whoever mounted sysfs: mount our own. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
			mount("sysfs", "/sys", "sysfs", 0, NULL) != 0)
		return "cannot mount sysfs for the test's network namespace";
	/* No IPv6: the kernel would otherwise send its own frames on every interface. */
	pt_sh("sysctl -qw net.ipv6.conf.all.disable_ipv6=1");
	pt_sh("sysctl -qw net.ipv6.conf.default.disable_ipv6=1");
	return NULL;
}

int
tt_if_exists(const char *iface)
{
	return if_nametoindex(iface) != 0;
}

int
tt_if_mac(const char *iface, uint8_t mac[6])
{
	char path[256];
	unsigned int b[6];
	FILE *f;
	int n, i;

	snprintf(path, sizeof(path), "/sys/class/net/%s/address", iface);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	n = fscanf(f, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]);
	fclose(f);
	if (n != 6)
		return -1;
	for (i = 0; i < 6; i++)
		mac[i] = (uint8_t)b[i];
	return 0;
}

static uint8_t
payload_byte(uint32_t seq, uint32_t j)
{
	return (uint8_t)(seq * 7 + j * 13 + (j >> 8));
}

/* The bytes of a test frame. */
static void
frame_bytes(uint8_t *buf, uint32_t len, uint32_t flow, uint32_t seq)
{
	static const uint8_t eth[14] = { 0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0 };
	uint32_t j, sum = 0;

	memset(buf, 0, len);
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
	/* A valid IPv4 header: a bridge with br_netfilter drops frames whose checksum is wrong. */
	for (j = 14; j < 34; j += 2)
		sum += (uint32_t)(buf[j] << 8 | buf[j + 1]);
	while (sum > 0xffff)
		sum = (sum & 0xffff) + (sum >> 16);
	buf[24] = (uint8_t)(~sum >> 8);
	buf[25] = (uint8_t)~sum;
	memcpy(buf + 42, "TAPT", 4);
	memcpy(buf + 46, &seq, sizeof(seq));
	for (j = 50; j < len; j++)
		buf[j] = payload_byte(seq, j);
}

/* The seq of a test frame's bytes, -1 if they are not one. */
static long
frame_check(const uint8_t *p, uint32_t len)
{
	uint32_t seq, j;

	if (len < 64 || len > TT_MAX_LEN || p[12] != 0x08 || p[13] != 0 ||
			memcmp(p + 42, "TAPT", 4) != 0)
		return -1;
	if ((uint32_t)((p[16] << 8) | p[17]) != len - 14)
		return -1;
	memcpy(&seq, p + 46, sizeof(seq));
	for (j = 50; j < len; j++)
		if (p[j] != payload_byte(seq, j))
			return -1;
	return seq;
}

int
tt_raw_socket(const char *iface)
{
	struct sockaddr_ll sll;
	int fd, size = 8 << 20;

	fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ALL));
	if (fd < 0)
		return -1;
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)if_nametoindex(iface);
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (sll.sll_ifindex == 0 || bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int
tt_raw_send(int fd, uint32_t len, uint32_t flow, uint32_t seq)
{
	static uint8_t buf[TT_MAX_LEN];
	struct pollfd pfd = { .fd = fd, .events = POLLOUT };
	int tries;

	if (len < 64 || len > TT_MAX_LEN)
		return -1;
	frame_bytes(buf, len, flow, seq);
	for (tries = 0; tries < 1000; tries++) {
		if (send(fd, buf, len, 0) == (ssize_t)len)
			return 0;
		if (errno != EAGAIN && errno != ENOBUFS)
			return -1;
		poll(&pfd, 1, 1);
	}
	return -1;
}

unsigned int
tt_raw_receive(int fd, unsigned int want, unsigned int timeout_ms)
{
	static uint8_t buf[65536];
	uint64_t deadline = rte_get_timer_cycles() + rte_get_timer_hz() * timeout_ms / 1000;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	unsigned int got = 0;
	ssize_t n;

	while (got < want && rte_get_timer_cycles() < deadline) {
		n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0) {
			poll(&pfd, 1, 10);
			continue;
		}
		if (frame_check(buf, (uint32_t)n) >= 0)
			got++;
	}
	return got;
}

int
tt_raw_send_ip(int fd, uint32_t len, uint32_t seq)
{
	static uint8_t buf[TT_MAX_LEN];

	if (len < 64 || len > TT_MAX_LEN)
		return -1;
	frame_bytes(buf, len, 0, seq);
	return send(fd, buf + 14, len - 14, 0) == (ssize_t)(len - 14) ? 0 : -1;
}

/* The seq of an IP packet made from a test frame: checked with its Ethernet header put back. */
static long
ip_check(const uint8_t *p, uint32_t len)
{
	static uint8_t buf[TT_MAX_LEN];

	if (len + 14 > TT_MAX_LEN || len < 50)
		return -1;
	frame_bytes(buf, 64, 0, 0);
	memcpy(buf + 14, p, len);
	return frame_check(buf, len + 14);
}

unsigned int
tt_raw_receive_ip(int fd, unsigned int want, unsigned int timeout_ms)
{
	static uint8_t buf[65536];
	uint64_t deadline = rte_get_timer_cycles() + rte_get_timer_hz() * timeout_ms / 1000;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	unsigned int got = 0;
	ssize_t n;

	while (got < want && rte_get_timer_cycles() < deadline) {
		n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0) {
			poll(&pfd, 1, 10);
			continue;
		}
		if (ip_check(buf, (uint32_t)n) >= 0)
			got++;
	}
	return got;
}

struct rte_mbuf *
tt_ip_packet(struct rte_mempool *mp, uint32_t len, uint32_t seq)
{
	struct rte_mbuf *m = tt_frame(mp, len, 0, seq);

	if (m != NULL && rte_pktmbuf_adj(m, 14) == NULL) {
		rte_pktmbuf_free(m);
		return NULL;
	}
	return m;
}

long
tt_ip_seq(const struct rte_mbuf *m)
{
	static uint8_t buf[TT_MAX_LEN];

	if (m->pkt_len > TT_MAX_LEN)
		return -1;
	return ip_check(rte_pktmbuf_read(m, 0, m->pkt_len, buf), m->pkt_len);
}

struct rte_mbuf *
tt_frame(struct rte_mempool *mp, uint32_t len, uint32_t flow, uint32_t seq)
{
	static uint8_t buf[TT_MAX_LEN];
	struct rte_mbuf *head = NULL, *tail = NULL;
	uint32_t off = 0;

	if (len < 64 || len > TT_MAX_LEN)
		return NULL;
	frame_bytes(buf, len, flow, seq);
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
tt_frame_seq(const struct rte_mbuf *m)
{
	static uint8_t buf[TT_MAX_LEN];

	if (m->pkt_len > TT_MAX_LEN)
		return -1;
	return frame_check(rte_pktmbuf_read(m, 0, m->pkt_len, buf), m->pkt_len);
}

