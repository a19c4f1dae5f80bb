/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Data path: one readv or writev per frame on the queue's non-blocking tun descriptor, straight
 * into or out of the mbufs (no bounce buffer). Receive keeps the mbufs of the next frame ready
 * and reuses them until a frame fills them, so an idle poll allocates nothing.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/uio.h>

#include <ethdev_driver.h>

#include "tap_private.h"

/* Room for a VLAN tag and the CRC the MTU does not count, as DPDK's driver allows. */
#define TAP_FRAME_OVERHEAD (RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN + 4)

int
tap_rxq_fill(struct tap_rx_queue *q)
{
	uint16_t i;

	for (i = 0; i < q->nb_segs; i++) {
		if (q->segs[i] != NULL)
			continue;
		q->segs[i] = rte_pktmbuf_alloc(q->mp);
		if (q->segs[i] == NULL)
			return -ENOMEM;
	}
	return 0;
}

void
tap_rxq_release(struct tap_rx_queue *q)
{
	uint16_t i;

	for (i = 0; i < TAP_RX_MAX_SEGS; i++) {
		rte_pktmbuf_free(q->segs[i]);
		q->segs[i] = NULL;
	}
}

/* Chain the first segments of the ready set over len bytes; the rest move to the front. */
static struct rte_mbuf *
take_frame(struct tap_rx_queue *q, uint32_t len, uint32_t seg_room)
{
	struct rte_mbuf *head = q->segs[0], *prev = NULL;
	uint16_t used = 0, i;

	head->pkt_len = len;
	while (len > 0 || used == 0) {
		struct rte_mbuf *m = q->segs[used++];
		uint32_t chunk = RTE_MIN(len, seg_room);

		m->data_len = (uint16_t)chunk;
		m->next = NULL;
		if (prev != NULL)
			prev->next = m;
		prev = m;
		len -= chunk;
	}
	head->nb_segs = used;
	head->port = q->port_id;
	for (i = 0; i + used < q->nb_segs; i++)
		q->segs[i] = q->segs[i + used];
	for (; i < q->nb_segs; i++)
		q->segs[i] = NULL;
	return head;
}

static inline uint16_t
rx_from(struct tap_rx_queue *q, int fd, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct iovec iov[TAP_RX_MAX_SEGS + 1];
	uint8_t spill;
	uint64_t bytes = 0;
	uint16_t n = 0, i;

	while (n < nb_pkts) {
		uint32_t seg_room, capacity;
		ssize_t len;

		if (unlikely(tap_rxq_fill(q) < 0)) {
			q->nombuf++;
			break;
		}
		/* Fresh mbufs: every segment's room starts after the headroom. */
		seg_room = rte_pktmbuf_tailroom(q->segs[0]);
		for (i = 0; i < q->nb_segs; i++) {
			iov[i].iov_base = rte_pktmbuf_mtod(q->segs[i], void *);
			iov[i].iov_len = seg_room;
		}
		/*
		 * One byte more than the mbufs hold: a frame reaching it did not fit. Some kernels
		 * return the frame's whole length then, others only what they copied.
		 */
		iov[q->nb_segs].iov_base = &spill;
		iov[q->nb_segs].iov_len = 1;
		capacity = seg_room * q->nb_segs;
		len = readv(fd, iov, q->nb_segs + 1);
		if (len < 0) {
			if (errno != EAGAIN && errno != EINTR)
				q->stats.errs++;
			break;
		}
		if (unlikely(len == 0 || (size_t)len > capacity)) {
			q->stats.errs++;
			continue;
		}
		bufs[n] = take_frame(q, (uint32_t)len, seg_room);
		bytes += (uint64_t)len;
		n++;
	}
	q->stats.pkts += n;
	q->stats.bytes += bytes;
	return n;
}

uint16_t
tap_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct tap_rx_queue *q = queue;

	return rx_from(q, q->fd, bufs, nb_pkts);
}

uint16_t
tap_rx_burst_secondary(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct tap_rx_queue *q = queue;
	const struct tap_proc_private *pp = rte_eth_devices[q->port_id].process_private;
	int fd = __atomic_load_n(&pp->fd[q->qid], __ATOMIC_RELAXED);

	/* A queue the primary set up after this process last synchronised. */
	if (unlikely(fd < 0))
		return 0;
	return rx_from(q, fd, bufs, nb_pkts);
}

static inline uint16_t
tx_to(struct tap_tx_queue *q, int fd, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct iovec iov[TAP_TX_MAX_SEGS];
	uint32_t max_len = (uint32_t)*q->mtu + TAP_FRAME_OVERHEAD;
	uint64_t bytes = 0, sent = 0;
	uint16_t i;

	for (i = 0; i < nb_pkts; i++) {
		struct rte_mbuf *m = bufs[i], *seg;
		int nseg = 0;
		ssize_t ret;

		if (unlikely(m->pkt_len > max_len || m->nb_segs > TAP_TX_MAX_SEGS)) {
			q->stats.errs++;
			rte_pktmbuf_free(m);
			continue;
		}
		for (seg = m; seg != NULL; seg = seg->next) {
			iov[nseg].iov_base = rte_pktmbuf_mtod(seg, void *);
			iov[nseg].iov_len = seg->data_len;
			nseg++;
		}
		ret = writev(fd, iov, nseg);
		if (ret < 0) {
			/* The kernel queue is full: this frame and the rest wait for the caller. */
			if (errno == EAGAIN || errno == ENOBUFS || errno == EINTR)
				break;
			/* Refused by the kernel (interface down: EIO): dropped and counted. */
			q->stats.errs++;
			rte_pktmbuf_free(m);
			continue;
		}
		sent++;
		bytes += m->pkt_len;
		rte_pktmbuf_free(m);
	}
	q->stats.pkts += sent;
	q->stats.bytes += bytes;
	return i;
}

uint16_t
tap_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct tap_tx_queue *q = queue;

	return tx_to(q, q->fd, bufs, nb_pkts);
}

uint16_t
tap_tx_burst_secondary(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct tap_tx_queue *q = queue;
	const struct tap_proc_private *pp = rte_eth_devices[q->port_id].process_private;
	int fd = __atomic_load_n(&pp->fd[q->qid], __ATOMIC_RELAXED);

	if (unlikely(fd < 0))
		return 0;
	return tx_to(q, fd, bufs, nb_pkts);
}
