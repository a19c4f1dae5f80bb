/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_pcap: a port whose queues read and write capture files or live interfaces through
 * libpcap. Every handle the device needs is opened at probe, so bad arguments fail the attach
 * with a message naming them, and closed at close or remove, so a detach leaves no descriptor
 * behind. A tx capture is flushed after every burst: the file is a valid capture at any time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <pcap.h>

#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_ether.h>
#include <rte_ethdev.h>
#include <rte_string_fns.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

#include "pcap_private.h"
#include "pcap_offload.h"

RTE_LOG_REGISTER_DEFAULT(pcap_logtype, NOTICE);

struct pcap_queue_stats {
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;
};

struct pcap_rx_queue {
	pcap_t *pcap;                 /* NULL: a queue with no source */
	struct rte_mempool *mb_pool;
	const struct pcap_queue_arg *arg;
	uint64_t offloads;            /* RTE_ETH_RX_OFFLOAD_* of the port and the queue */
	uint16_t port_id;
	uint8_t infinite;
	/*
	 * The file ended (and is not read again): later bursts return at once instead of asking
	 * libpcap, so a polling loop no longer sits in stdio, whose locks a signal handler that
	 * tears the port down (rte_exit in DPDK's samples) would otherwise wait for forever.
	 */
	uint8_t eof;
	struct pcap_queue_stats stats;
	uint64_t nombuf;
};

struct pcap_tx_queue {
	pcap_t *pcap;                 /* live handle, or the dead handle behind the dumper */
	pcap_dumper_t *dumper;        /* set for tx_pcap */
	const struct pcap_queue_arg *arg;
	uint8_t *linear;              /* PCAP_SNAPLEN bytes to flatten chained mbufs, from setup */
	uint64_t offloads;            /* RTE_ETH_TX_OFFLOAD_* of the port and the queue */
	struct pcap_queue_stats stats;
};

struct pmd_internals {
	struct pcap_args args;
	struct pcap_rx_queue rxq[PCAP_MAX_QUEUES];
	struct pcap_tx_queue txq[PCAP_MAX_QUEUES];
	unsigned int nb_rxq;          /* queues the port offers (at least 1 each way) */
	unsigned int nb_txq;
	struct rte_ether_addr mac;
};

static const struct rte_eth_link pcap_link_down = {
	.link_speed = RTE_ETH_SPEED_NUM_10G,
	.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
	.link_status = RTE_ETH_LINK_DOWN,
	.link_autoneg = RTE_ETH_LINK_FIXED,
};

/* Locally administered addresses 02:70:63:61:70:NN ("pcap"), one per port created. */
static uint8_t pcap_mac_counter;

/* ---- opening and closing handles ---- */

static pcap_t *
open_live(const char *iface, int inbound_only, char *errbuf)
{
	pcap_t *p = pcap_create(iface, errbuf);

	if (p == NULL)
		return NULL;
	if (pcap_set_snaplen(p, PCAP_SNAPLEN) != 0 || pcap_set_promisc(p, 1) != 0 ||
			pcap_set_immediate_mode(p, 1) != 0 || pcap_set_timeout(p, 1) != 0)
		goto fail;
	if (pcap_activate(p) < 0)
		goto fail;
	if (pcap_setnonblock(p, 1, errbuf) != 0)
		goto close;
	if (inbound_only && pcap_setdirection(p, PCAP_D_IN) != 0)
		goto fail;
	return p;
fail:
	rte_strlcpy(errbuf, pcap_geterr(p), PCAP_ERRBUF_SIZE);
close:
	pcap_close(p);
	return NULL;
}

static int
open_rx(struct pcap_rx_queue *q, const struct pcap_queue_arg *arg, const char *devname)
{
	char errbuf[PCAP_ERRBUF_SIZE] = "";
	const char *key = arg->kind == PQ_FILE ? "rx_pcap" :
		arg->inbound_only ? "rx_iface_in" : "rx_iface";

	q->arg = arg;
	if (arg->kind == PQ_FILE)
		q->pcap = pcap_open_offline(arg->name, errbuf);
	else
		q->pcap = open_live(arg->name, arg->inbound_only, errbuf);
	if (q->pcap == NULL) {
		PCAP_LOG(ERR, "%s: cannot open %s=%s: %s", devname, key, arg->name, errbuf);
		return -ENOENT;
	}
	return 0;
}

static int
open_tx(struct pcap_tx_queue *q, const struct pcap_queue_arg *arg, const char *devname)
{
	char errbuf[PCAP_ERRBUF_SIZE] = "";

	q->arg = arg;
	if (arg->kind == PQ_IFACE) {
		q->pcap = open_live(arg->name, 0, errbuf);
		if (q->pcap == NULL) {
			PCAP_LOG(ERR, "%s: cannot open tx_iface=%s: %s", devname, arg->name, errbuf);
			return -ENOENT;
		}
		return 0;
	}
	q->pcap = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, PCAP_SNAPLEN,
		PCAP_TSTAMP_PRECISION_NANO);
	if (q->pcap == NULL) {
		PCAP_LOG(ERR, "%s: cannot create a capture handle for tx_pcap=%s", devname,
			arg->name);
		return -ENOMEM;
	}
	q->dumper = pcap_dump_open(q->pcap, arg->name);
	if (q->dumper == NULL) {
		PCAP_LOG(ERR, "%s: cannot write tx_pcap=%s: %s", devname, arg->name,
			pcap_geterr(q->pcap));
		return -EACCES;
	}
	/* The file header goes out now: the capture is valid before the first packet. */
	pcap_dump_flush(q->dumper);
	return 0;
}

/* Close every handle and free queue buffers; safe to call twice. */
static void
close_handles(struct pmd_internals *in)
{
	unsigned int i;

	for (i = 0; i < PCAP_MAX_QUEUES; i++) {
		struct pcap_rx_queue *rq = &in->rxq[i];
		struct pcap_tx_queue *tq = &in->txq[i];

		if (rq->pcap != NULL) {
			pcap_close(rq->pcap);
			rq->pcap = NULL;
		}
		if (tq->dumper != NULL) {
			pcap_dump_close(tq->dumper);
			tq->dumper = NULL;
		}
		if (tq->pcap != NULL) {
			pcap_close(tq->pcap);
			tq->pcap = NULL;
		}
		rte_free(tq->linear);
		tq->linear = NULL;
	}
}

static int
open_handles(struct pmd_internals *in, const char *devname)
{
	unsigned int i;
	int ret;

	for (i = 0; i < in->args.nb_rx; i++) {
		ret = open_rx(&in->rxq[i], &in->args.rx[i], devname);
		if (ret < 0)
			goto fail;
		in->rxq[i].infinite = (uint8_t)in->args.infinite_rx;
	}
	for (i = 0; i < in->args.nb_tx; i++) {
		ret = open_tx(&in->txq[i], &in->args.tx[i], devname);
		if (ret < 0)
			goto fail;
	}
	return 0;
fail:
	close_handles(in);
	return ret;
}

/* ---- data path ---- */

/* Copy one captured frame into an mbuf chain from pool; NULL when the pool is empty. */
static struct rte_mbuf *
frame_to_mbuf(struct rte_mempool *pool, const u_char *data, uint32_t len, uint16_t port)
{
	struct rte_mbuf *head, *seg, *prev = NULL;
	uint32_t off = 0;

	head = rte_pktmbuf_alloc(pool);
	if (unlikely(head == NULL))
		return NULL;
	seg = head;
	for (;;) {
		uint32_t chunk = RTE_MIN(len - off, (uint32_t)rte_pktmbuf_tailroom(seg));

		memcpy(rte_pktmbuf_mtod(seg, uint8_t *), data + off, chunk);
		seg->data_len = (uint16_t)chunk;
		off += chunk;
		if (prev != NULL) {
			prev->next = seg;
			head->nb_segs++;
		}
		if (off == len)
			break;
		prev = seg;
		seg = rte_pktmbuf_alloc(pool);
		if (unlikely(seg == NULL)) {
			rte_pktmbuf_free(head);
			return NULL;
		}
	}
	head->pkt_len = len;
	head->port = port;
	return head;
}

/* End of a capture file: start it again for infinite_rx, else report nothing more. */
static int
rewind_file(struct pcap_rx_queue *q)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	pcap_t *p;

	if (!q->infinite)
		return -1;
	p = pcap_open_offline(q->arg->name, errbuf);
	if (p == NULL)
		return -1;
	pcap_close(q->pcap);
	q->pcap = p;
	return 0;
}

static uint16_t
pcap_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_rx_queue *q = queue;
	struct pcap_pkthdr *hdr;
	const u_char *data;
	uint64_t bytes = 0;
	uint16_t n = 0;
	int rewound = 0;

	if (unlikely(q->pcap == NULL || q->eof))
		return 0;
	while (n < nb_pkts) {
		int ret = pcap_next_ex(q->pcap, &hdr, &data);
		struct rte_mbuf *m;

		if (ret != 1) {
			/* -2: end of file; 0: nothing ready on a live handle; -1: error */
			if (ret == -2 && !rewound && rewind_file(q) == 0) {
				rewound = 1;
				continue;
			}
			if (ret == -2 && !q->infinite)
				q->eof = 1;
			else if (ret == -1)
				q->stats.errs++;
			break;
		}
		m = frame_to_mbuf(q->mb_pool, data, hdr->caplen, q->port_id);
		if (unlikely(m == NULL)) {
			q->nombuf++;
			break;
		}
		pcap_rx_offload(m, data, hdr->caplen, q->offloads);
		bufs[n++] = m;
		bytes += hdr->caplen;
	}
	q->stats.pkts += n;
	q->stats.bytes += bytes;
	return n;
}

/*
 * Contiguous bytes of m: its own buffer, or the queue's linear copy of a chain. Checksums
 * are filled in on the copy only: the mbuf may share its data with other packets (indirect
 * mbufs, clones), which must not see the change.
 */
static const u_char *
mbuf_bytes(struct pcap_tx_queue *q, const struct rte_mbuf *m, uint32_t len)
{
	if ((q->offloads & PCAP_TX_CKSUM_OFFLOADS) &&
			(m->ol_flags & (RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK))) {
		const u_char *p = rte_pktmbuf_read(m, 0, len, q->linear);

		if (p != q->linear)
			memcpy(q->linear, p, len);
		pcap_tx_cksum(q->linear, len, m);
		return q->linear;
	}
	if (m->nb_segs == 1)
		return rte_pktmbuf_mtod(m, const u_char *);
	return rte_pktmbuf_read(m, 0, len, q->linear);
}

static uint16_t
pcap_tx_dump(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_tx_queue *q = queue;
	struct pcap_pkthdr hdr;
	struct timespec now;
	uint64_t bytes = 0;
	uint16_t i;

	clock_gettime(CLOCK_REALTIME, &now);
	hdr.ts.tv_sec = now.tv_sec;
	/* With nanosecond precision the dumper stores tv_usec as nanoseconds. */
	hdr.ts.tv_usec = now.tv_nsec;
	for (i = 0; i < nb_pkts; i++) {
		struct rte_mbuf *m = bufs[i];
		uint32_t len = RTE_MIN(m->pkt_len, (uint32_t)PCAP_SNAPLEN);

		hdr.len = m->pkt_len;
		hdr.caplen = len;
		pcap_dump((u_char *)q->dumper, &hdr, mbuf_bytes(q, m, len));
		bytes += m->pkt_len;
		rte_pktmbuf_free(m);
	}
	pcap_dump_flush(q->dumper);
	q->stats.pkts += nb_pkts;
	q->stats.bytes += bytes;
	return nb_pkts;
}

static uint16_t
pcap_tx_iface(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_tx_queue *q = queue;
	uint64_t bytes = 0;
	uint16_t i, sent = 0;

	for (i = 0; i < nb_pkts; i++) {
		struct rte_mbuf *m = bufs[i];
		uint32_t len = RTE_MIN(m->pkt_len, (uint32_t)PCAP_SNAPLEN);

		if (pcap_sendpacket(q->pcap, mbuf_bytes(q, m, len), (int)len) != 0) {
			q->stats.errs++;
		} else {
			sent++;
			bytes += len;
		}
		rte_pktmbuf_free(m);
	}
	q->stats.pkts += sent;
	q->stats.bytes += bytes;
	return nb_pkts;
}

/* A queue with no destination: packets are consumed and counted, as if sent. */
static uint16_t
pcap_tx_drop(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_tx_queue *q = queue;
	uint64_t bytes = 0;
	uint16_t i;

	for (i = 0; i < nb_pkts; i++) {
		bytes += bufs[i]->pkt_len;
		rte_pktmbuf_free(bufs[i]);
	}
	q->stats.pkts += nb_pkts;
	q->stats.bytes += bytes;
	return nb_pkts;
}

/*
 * ethdev has one tx function per port: dispatch on the queue's kind. The branch is on data
 * in the queue's own cache line and always goes the same way for a given queue.
 */
static uint16_t
pcap_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_tx_queue *q = queue;

	if (q->dumper != NULL)
		return pcap_tx_dump(queue, bufs, nb_pkts);
	if (q->pcap != NULL)
		return pcap_tx_iface(queue, bufs, nb_pkts);
	return pcap_tx_drop(queue, bufs, nb_pkts);
}

/* ---- control path ---- */

static int
pcap_dev_configure(struct rte_eth_dev *dev)
{
	return 0;
}

static int
pcap_dev_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct pmd_internals *in = dev->data->dev_private;

	info->if_index = 0;
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = PCAP_SNAPLEN;
	info->min_rx_bufsize = 0;
	info->max_rx_queues = (uint16_t)in->nb_rxq;
	info->max_tx_queues = (uint16_t)in->nb_txq;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = PCAP_SNAPLEN - RTE_ETHER_HDR_LEN;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER | PCAP_RX_CKSUM_OFFLOADS;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS | PCAP_TX_CKSUM_OFFLOADS;
	info->rx_queue_offload_capa = PCAP_RX_CKSUM_OFFLOADS;
	info->tx_queue_offload_capa = PCAP_TX_CKSUM_OFFLOADS;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
pcap_dev_start(struct rte_eth_dev *dev)
{
	struct rte_eth_link link = pcap_link_down;
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues; i++)
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	link.link_status = RTE_ETH_LINK_UP;
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static int
pcap_dev_stop(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	/* Everything written so far reaches the file now, not at close. */
	for (i = 0; i < in->nb_txq; i++)
		if (in->txq[i].dumper != NULL)
			pcap_dump_flush(in->txq[i].dumper);
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	rte_eth_linkstatus_set(dev, &pcap_link_down);
	return 0;
}

static int
pcap_dev_close(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;

	if (in != NULL) {
		close_handles(in);
		pcap_args_free(&in->args);
	}
	return 0;
}

static int
pcap_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	return 0;
}

static int
pcap_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct pcap_rx_queue *q = &in->rxq[qid];

	q->mb_pool = mp;
	q->offloads = dev->data->dev_conf.rxmode.offloads | (conf != NULL ? conf->offloads : 0);
	q->port_id = dev->data->port_id;
	dev->data->rx_queues[qid] = q;
	return 0;
}

static int
pcap_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct pmd_internals *in = dev->data->dev_private;
	struct pcap_tx_queue *q = &in->txq[qid];

	/* Only a queue that will send needs it: not taken (nor faulted in) at attach. */
	if (q->linear == NULL) {
		q->linear = rte_malloc_socket("pcap_tx_linear", PCAP_SNAPLEN, 0, (int)socket_id);
		if (q->linear == NULL)
			q->linear = rte_malloc("pcap_tx_linear", PCAP_SNAPLEN, 0);
		if (q->linear == NULL) {
			PCAP_LOG(ERR, "%s: no memory for tx queue %u", dev->data->name, qid);
			return -ENOMEM;
		}
	}
	q->offloads = dev->data->dev_conf.txmode.offloads | (conf != NULL ? conf->offloads : 0);
	dev->data->tx_queues[qid] = q;
	return 0;
}

/* Queues live inside the port's private data: nothing to free per queue. */
static void
pcap_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
}

static int
pcap_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < in->nb_rxq; i++) {
		const struct pcap_rx_queue *q = &in->rxq[i];

		st->ipackets += q->stats.pkts;
		st->ibytes += q->stats.bytes;
		st->ierrors += q->stats.errs;
		st->rx_nombuf += q->nombuf;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[i] = q->stats.pkts;
			st->q_ibytes[i] = q->stats.bytes;
		}
	}
	for (i = 0; i < in->nb_txq; i++) {
		const struct pcap_tx_queue *q = &in->txq[i];

		st->opackets += q->stats.pkts;
		st->obytes += q->stats.bytes;
		st->oerrors += q->stats.errs;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[i] = q->stats.pkts;
			st->q_obytes[i] = q->stats.bytes;
			st->q_errors[i] = q->stats.errs;
		}
	}
	return 0;
}

static int
pcap_stats_reset(struct rte_eth_dev *dev)
{
	struct pmd_internals *in = dev->data->dev_private;
	unsigned int i;

	for (i = 0; i < PCAP_MAX_QUEUES; i++) {
		memset(&in->rxq[i].stats, 0, sizeof(in->rxq[i].stats));
		in->rxq[i].nombuf = 0;
		memset(&in->txq[i].stats, 0, sizeof(in->txq[i].stats));
	}
	return 0;
}

/* Promiscuous mode is always on for live handles; the flag only records the request. */
static int
pcap_promisc(struct rte_eth_dev *dev)
{
	return 0;
}

/*
 * Any MTU up to max_mtu (a frame a capture record can hold), which ethdev checks before
 * calling: there is nothing to program, and frames are neither cut nor dropped by size.
 */
static int
pcap_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(mtu);
	return 0;
}

/* What rte_net_get_ptype reports for the outer layers it is asked to classify. */
static const uint32_t *
pcap_ptypes(struct rte_eth_dev *dev)
{
	static const uint32_t ptypes[] = {
		RTE_PTYPE_L2_ETHER,
		RTE_PTYPE_L2_ETHER_VLAN,
		RTE_PTYPE_L2_ETHER_QINQ,
		RTE_PTYPE_L3_IPV4,
		RTE_PTYPE_L3_IPV4_EXT,
		RTE_PTYPE_L3_IPV6,
		RTE_PTYPE_L3_IPV6_EXT,
		RTE_PTYPE_L4_TCP,
		RTE_PTYPE_L4_UDP,
		RTE_PTYPE_L4_SCTP,
		RTE_PTYPE_L4_FRAG,
		RTE_PTYPE_UNKNOWN,
	};

	RTE_SET_USED(dev);
	return ptypes;
}

static int
pcap_mac_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct pmd_internals *in = dev->data->dev_private;

	rte_ether_addr_copy(addr, &in->mac);
	return 0;
}

static const struct eth_dev_ops pcap_ops = {
	.dev_configure = pcap_dev_configure,
	.dev_start = pcap_dev_start,
	.dev_stop = pcap_dev_stop,
	.dev_close = pcap_dev_close,
	.dev_infos_get = pcap_dev_info,
	.link_update = pcap_link_update,
	.promiscuous_enable = pcap_promisc,
	.promiscuous_disable = pcap_promisc,
	.allmulticast_enable = pcap_promisc,
	.allmulticast_disable = pcap_promisc,
	.mac_addr_set = pcap_mac_set,
	.mtu_set = pcap_mtu_set,
	.dev_supported_ptypes_get = pcap_ptypes,
	.rx_queue_setup = pcap_rx_queue_setup,
	.tx_queue_setup = pcap_tx_queue_setup,
	.rx_queue_release = pcap_queue_release,
	.tx_queue_release = pcap_queue_release,
	.stats_get = pcap_stats_get,
	.stats_reset = pcap_stats_reset,
};

static int
iface_mac(const char *iface, struct rte_ether_addr *mac)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	rte_strlcpy(ifr.ifr_name, iface, sizeof(ifr.ifr_name));
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	close(fd);
	memcpy(mac->addr_bytes, ifr.ifr_hwaddr.sa_data, RTE_ETHER_ADDR_LEN);
	return 0;
}

/*
 * A secondary process sees the primary's port, its information, link and counters (what
 * dpdk-proc-info reads, what dpdk-dumpcap needs to name a port), but the pcap handles are the
 * primary's: packets flow in the primary only, so the secondary's bursts move nothing.
 */
static const struct eth_dev_ops pcap_secondary_ops = {
	.dev_infos_get = pcap_dev_info,
	.link_update = pcap_link_update,
	.dev_supported_ptypes_get = pcap_ptypes,
	.stats_get = pcap_stats_get,
	.stats_reset = pcap_stats_reset,
};

static int
pcap_probe_secondary(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(name);

	if (dev == NULL) {
		PCAP_LOG(ERR, "%s: the primary process has no such port", name);
		return -ENODEV;
	}
	dev->device = &vdev->device;
	dev->dev_ops = &pcap_secondary_ops;
	dev->rx_pkt_burst = rte_eth_pkt_burst_dummy;
	dev->tx_pkt_burst = rte_eth_pkt_burst_dummy;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
pcap_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct pmd_internals *in;
	struct rte_eth_dev *dev;
	int ret;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return pcap_probe_secondary(vdev);
	dev = rte_eth_vdev_allocate(vdev, sizeof(*in));
	if (dev == NULL) {
		PCAP_LOG(ERR, "%s: cannot allocate a port: %s", name, rte_strerror(rte_errno));
		return -rte_errno;
	}
	in = dev->data->dev_private;
	ret = pcap_args_parse(name, rte_vdev_device_args(vdev), &in->args);
	if (ret < 0)
		goto fail;
	ret = open_handles(in, name);
	if (ret < 0) {
		pcap_args_free(&in->args);
		goto fail;
	}
	in->nb_rxq = RTE_MAX(in->args.nb_rx, 1u);
	in->nb_txq = RTE_MAX(in->args.nb_tx, 1u);

	if (in->args.phy_mac) {
		ret = iface_mac(in->args.mac_iface, &in->mac);
		if (ret < 0) {
			PCAP_LOG(ERR, "%s: phy_mac: cannot read the MAC of %s: %s", name,
				in->args.mac_iface, strerror(-ret));
			close_handles(in);
			pcap_args_free(&in->args);
			goto fail;
		}
	} else {
		uint8_t n = __atomic_fetch_add(&pcap_mac_counter, 1, __ATOMIC_RELAXED);
		struct rte_ether_addr mac = {{ 0x02, 0x70, 0x63, 0x61, 0x70, n }};

		in->mac = mac;
	}
	dev->data->mac_addrs = &in->mac;
	dev->data->dev_link = pcap_link_down;
	dev->dev_ops = &pcap_ops;
	dev->rx_pkt_burst = pcap_rx_burst;
	dev->tx_pkt_burst = pcap_tx_burst;
	rte_eth_dev_probing_finish(dev);
	PCAP_LOG(DEBUG, "%s: port %u with %u rx and %u tx queues", name, dev->data->port_id,
		in->args.nb_rx, in->args.nb_tx);
	return 0;
fail:
	rte_eth_dev_release_port(dev);
	return ret;
}

static int
pcap_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	struct pmd_internals *in;

	if (dev == NULL)
		return 0;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return rte_eth_dev_release_port(dev);
	/* Closing stops the port first if needed, and closes every handle (pcap_dev_close). */
	rte_eth_dev_close(dev->data->port_id);
	in = dev->data->dev_private;
	if (in != NULL) {
		close_handles(in);
		pcap_args_free(&in->args);
	}
	/* mac_addrs points into the private data: do not let release free it twice. */
	dev->data->mac_addrs = NULL;
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver pmd_pcap_drv = {
	.probe = pcap_probe,
	.remove = pcap_remove,
};

RTE_PMD_REGISTER_VDEV(net_pcap, pmd_pcap_drv);
RTE_PMD_REGISTER_ALIAS(net_pcap, eth_pcap);
RTE_PMD_REGISTER_PARAM_STRING(net_pcap,
	"rx_pcap=<file> tx_pcap=<file> rx_iface=<ifname> rx_iface_in=<ifname> "
	"tx_iface=<ifname> iface=<ifname> phy_mac=<0|1> infinite_rx=<0|1>");
