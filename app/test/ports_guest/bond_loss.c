/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The exact number of packets a bond loses while one of its members is hot-removed: the bond
 * (created on the EAL command line, its members PCI NICs) sends numbered UDP packets of 64
 * flows at a fixed rate to a peer port, which records every number it receives. The rate is
 * far below what the emulated NICs carry, so nothing is dropped on the way unless the bond
 * sends it to a member that is gone. A packet is lost when the bond accepted it and the peer
 * never received it. The packets sent before READY show that the path loses none by itself;
 * "lost" counts the ones sent after it.
 *
 *   bond_loss EAL_ARGS -- BOND PEER RATE SECONDS READY_AT
 *
 * BOND and PEER are device names (net_bonding1, 0000:02:00.0). At READY_AT seconds the
 * program prints "READY" and the caller removes a member (QMP device_del); as testpmd's
 * --hot-plug does, the member's port is then stopped, closed and its device detached by the
 * main loop. Sending stops after SECONDS, the peer is drained for half a second, and one
 * "RESULT ..." line gives the counts. Exit status 0 when the run completed, whatever it lost.
 */
#include <inttypes.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_udp.h>

#define BURST 32
#define FLOWS 64
#define MAGIC 0x626f6e64u /* "bond" */
#define WARM_MAGIC 0x7761726du /* "warm" */
#define HDR_LEN (sizeof(struct rte_ether_hdr) + sizeof(struct rte_ipv4_hdr) + \
		 sizeof(struct rte_udp_hdr))
#define FRAME_LEN 64

static struct rte_mempool *pool;
static char removed_name[RTE_DEV_NAME_MAX_LEN];
static atomic_int removed_pending;
static atomic_uint_fast64_t removed_at;

static void
dev_event(const char *name, enum rte_dev_event_type type, void *arg)
{
	(void)arg;
	if (type != RTE_DEV_EVENT_REMOVE || atomic_load(&removed_pending))
		return;
	snprintf(removed_name, sizeof(removed_name), "%s", name);
	atomic_store(&removed_at, rte_rdtsc());
	atomic_store(&removed_pending, 1);
}

/* What testpmd --hot-plug does with a removed device: stop, close, detach its ports. */
static void
detach_removed(void)
{
	struct rte_device *dev = NULL;
	struct rte_eth_dev_info info;
	uint16_t port;

	for (port = 0; port < RTE_MAX_ETHPORTS; port++) {
		if (!rte_eth_dev_is_valid_port(port) || rte_eth_dev_info_get(port, &info) != 0 ||
				strcmp(rte_dev_name(info.device), removed_name) != 0)
			continue;
		dev = info.device;
		rte_eth_dev_stop(port);
		rte_eth_dev_close(port);
	}
	if (dev == NULL) {
		printf("removed device %s has no port\n", removed_name);
		return;
	}
	if (rte_dev_remove(dev) != 0)
		printf("cannot detach %s\n", removed_name);
	else
		printf("detached %s\n", removed_name);
}

static int
port_setup(uint16_t port)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, 512, rte_eth_dev_socket_id(port), NULL,
				pool);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, 512, rte_eth_dev_socket_id(port), NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret != 0)
		printf("port %u: set-up failed: %s\n", port, rte_strerror(-ret));
	return ret;
}

static struct rte_mbuf *
make_packet(const struct rte_ether_addr *src, const struct rte_ether_addr *dst, uint32_t magic,
		uint64_t seq)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);
	struct rte_ether_hdr *eth;
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *udp;
	char *p;

	if (m == NULL)
		return NULL;
	p = rte_pktmbuf_append(m, FRAME_LEN);
	memset(p, 0, FRAME_LEN);
	eth = (struct rte_ether_hdr *)p;
	rte_ether_addr_copy(dst, &eth->dst_addr);
	rte_ether_addr_copy(src, &eth->src_addr);
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip = (struct rte_ipv4_hdr *)(eth + 1);
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->total_length = rte_cpu_to_be_16(FRAME_LEN - sizeof(*eth));
	ip->src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
	ip->dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 2));
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	udp = (struct rte_udp_hdr *)(ip + 1);
	udp->src_port = rte_cpu_to_be_16(1024 + seq % FLOWS);
	udp->dst_port = rte_cpu_to_be_16(5000);
	udp->dgram_len = rte_cpu_to_be_16(FRAME_LEN - sizeof(*eth) - sizeof(*ip));
	memcpy(p + HDR_LEN, &magic, sizeof(magic)); /* 2 bytes past a 4-byte boundary */
	memcpy(p + HDR_LEN + 4, &seq, sizeof(seq));
	return m;
}

/*
 * Until the peer hears the bond steadily, packets are lost for reasons that have nothing to
 * do with a removal (the emulated links come up some time after the ports say so): send
 * packets the count ignores, at the same rate, until 100 have arrived, and 200 ms more.
 * Any of them still on its way when the count starts is told apart by its magic number.
 */
static void
warm_up(uint16_t bond, uint16_t peer, const struct rte_ether_addr *src,
		const struct rte_ether_addr *dst, uint64_t rate)
{
	uint64_t hz = rte_get_tsc_hz(), t0 = rte_rdtsc(), next = t0, sent = 0, got = 0, done = 0;
	struct rte_mbuf *pkts[BURST];
	uint16_t n;

	while (rte_rdtsc() - t0 < 10 * hz && (done == 0 || rte_rdtsc() < done)) {
		if (rte_rdtsc() >= next) {
			pkts[0] = make_packet(src, dst, WARM_MAGIC, sent++);
			if (pkts[0] != NULL && rte_eth_tx_burst(bond, 0, pkts, 1) == 0)
				rte_pktmbuf_free(pkts[0]);
			next = t0 + sent * hz / rate;
		}
		n = rte_eth_rx_burst(peer, 0, pkts, BURST);
		got += n;
		rte_pktmbuf_free_bulk(pkts, n);
		n = rte_eth_rx_burst(bond, 0, pkts, BURST);
		rte_pktmbuf_free_bulk(pkts, n);
		if (done == 0 && got >= 100)
			done = rte_rdtsc() + hz / 5;
	}
	printf("warm-up: %" PRIu64 " packets sent, %" PRIu64 " received, %" PRIu64 " ms\n",
		sent, got, (rte_rdtsc() - t0) * 1000 / hz);
}

int
main(int argc, char **argv)
{
	uint16_t bond, peer;
	uint64_t rate, seconds, ready_at, hz, start, now, next_send, end, last_rx, gap = 0;
	uint64_t seq = 0, accepted = 0, refused = 0, received = 0, dups = 0, other = 0;
	uint64_t lost = 0, lost_before = 0, first_lost = UINT64_MAX, last_lost = 0, removal_ms = 0;
	struct rte_ether_addr bond_mac, peer_mac;
	struct rte_eth_link link;
	uint8_t *seen;
	int n, ready = 0;

	n = rte_eal_init(argc, argv);
	if (n < 0) {
		fprintf(stderr, "EAL init failed\n");
		return 2;
	}
	argc -= n;
	argv += n;
	if (argc != 6) {
		fprintf(stderr, "usage: bond_loss EAL_ARGS -- BOND PEER RATE SECONDS READY_AT\n");
		return 2;
	}
	rate = strtoull(argv[3], NULL, 0);
	seconds = strtoull(argv[4], NULL, 0);
	ready_at = strtoull(argv[5], NULL, 0);
	if (rate == 0 || seconds == 0 || ready_at >= seconds) {
		fprintf(stderr, "bad RATE, SECONDS or READY_AT\n");
		return 2;
	}
	if (rte_eth_dev_get_port_by_name(argv[1], &bond) != 0 ||
			rte_eth_dev_get_port_by_name(argv[2], &peer) != 0) {
		fprintf(stderr, "no port %s or %s\n", argv[1], argv[2]);
		return 2;
	}
	pool = rte_pktmbuf_pool_create("bond_loss", 8191, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			rte_socket_id());
	seen = calloc(rate * seconds / 8 + 1, 1);
	if (pool == NULL || seen == NULL || port_setup(bond) != 0 || port_setup(peer) != 0)
		return 2;
	rte_eth_macaddr_get(bond, &bond_mac);
	rte_eth_macaddr_get(peer, &peer_mac);
	if (rte_dev_hotplug_handle_enable() != 0 || rte_dev_event_monitor_start() != 0 ||
			rte_dev_event_callback_register(NULL, dev_event, NULL) != 0) {
		fprintf(stderr, "cannot follow device events\n");
		return 2;
	}
	hz = rte_get_tsc_hz();
	memset(&link, 0, sizeof(link));
	/* both links up, or the first packets are lost before any member is removed */
	for (n = 0; n < 100; n++) {
		struct rte_eth_link pl;

		memset(&pl, 0, sizeof(pl));
		if (rte_eth_link_get_nowait(bond, &link) == 0 && link.link_status &&
				rte_eth_link_get_nowait(peer, &pl) == 0 && pl.link_status)
			break;
		rte_delay_ms(100);
	}
	printf("bond %s port %u, peer %s port %u, links up after %d ms, %" PRIu64
		" packets/s\n", argv[1], bond, argv[2], peer, n * 100, rate);
	fflush(stdout);

	warm_up(bond, peer, &bond_mac, &peer_mac, rate);
	start = rte_rdtsc();
	end = start + seconds * hz;
	next_send = start;
	last_rx = start;
	for (;;) {
		struct rte_mbuf *pkts[BURST];
		uint16_t i, k, got;

		now = rte_rdtsc();
		if (!ready && now - start >= ready_at * hz) {
			printf("READY\n");
			fflush(stdout);
			ready = 1;
		}
		if (atomic_load(&removed_pending) == 1) {
			removal_ms = (atomic_load(&removed_at) - start) * 1000 / hz;
			detach_removed();
			fflush(stdout);
			atomic_store(&removed_pending, 2);
		}
		/* send what the rate allows by now, a burst at most */
		for (k = 0; now < end && now >= next_send && k < BURST; k++) {
			pkts[k] = make_packet(&bond_mac, &peer_mac, MAGIC, seq);
			if (pkts[k] == NULL)
				break;
			seq++;
			next_send = start + seq * hz / rate;
		}
		if (k > 0) {
			uint16_t sent = rte_eth_tx_burst(bond, 0, pkts, k);

			accepted += sent;
			/* a refused packet is not lost: the application still has it */
			for (i = sent; i < k; i++) {
				uint64_t s;

				memcpy(&s, rte_pktmbuf_mtod_offset(pkts[i], char *, HDR_LEN + 4),
					sizeof(s));
				seen[s / 8] |= 1u << (s % 8);
				refused++;
				rte_pktmbuf_free(pkts[i]);
			}
		}
		got = rte_eth_rx_burst(peer, 0, pkts, BURST);
		for (i = 0; i < got; i++) {
			const char *p = rte_pktmbuf_mtod(pkts[i], const char *);
			uint32_t magic = 0;
			uint64_t s;

			if (pkts[i]->data_len >= HDR_LEN + 12)
				memcpy(&magic, p + HDR_LEN, sizeof(magic));
			if (magic != MAGIC) {
				other++;
			} else {
				memcpy(&s, p + HDR_LEN + 4, sizeof(s));
				if (s >= seq || (seen[s / 8] & (1u << (s % 8)))) {
					dups++;
				} else {
					seen[s / 8] |= 1u << (s % 8);
					received++;
				}
			}
			rte_pktmbuf_free(pkts[i]);
		}
		if (got > 0) {
			if (now - last_rx > gap && now < end)
				gap = now - last_rx;
			last_rx = now;
		}
		/* the bond's own receive side, so that its rings never fill */
		got = rte_eth_rx_burst(bond, 0, pkts, BURST);
		rte_pktmbuf_free_bulk(pkts, got);
		if (now >= end + hz / 2)
			break;
	}
	for (uint64_t s = 0; s < seq; s++)
		if (!(seen[s / 8] & (1u << (s % 8)))) {
			if (s < ready_at * rate) {
				lost_before++;
				continue;
			}
			lost++;
			if (first_lost == UINT64_MAX)
				first_lost = s;
			last_lost = s;
		}
	printf("RESULT accepted %" PRIu64 " refused %" PRIu64 " received %" PRIu64
		" duplicates %" PRIu64 " other %" PRIu64 " lost_before_ready %" PRIu64 " lost %"
		PRIu64, accepted, refused, received, dups, other, lost_before, lost);
	if (lost > 0)
		printf(" first_lost_ms %" PRIu64 " last_lost_ms %" PRIu64, first_lost * 1000 / rate,
			last_lost * 1000 / rate);
	printf(" removal_ms %" PRIu64 " end_ms %" PRIu64 " longest_gap_ms %" PRIu64 "\n",
		removal_ms, seconds * 1000, gap * 1000 / hz);
	fflush(stdout); /* before anything at exit (a sanitizer's report) can end the process */
	rte_dev_event_callback_unregister(NULL, dev_event, NULL);
	rte_dev_event_monitor_stop();
	rte_dev_hotplug_handle_disable();
	rte_eth_dev_stop(bond);
	rte_eth_dev_close(bond);
	rte_eth_dev_stop(peer);
	rte_eth_dev_close(peer);
	rte_mempool_free(pool);
	free(seen);
	rte_eal_cleanup();
	return 0;
}
