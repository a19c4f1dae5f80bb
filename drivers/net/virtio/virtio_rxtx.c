/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Receive and transmit on split virtqueues. Receive queue i is virtqueue 2i, transmit queue i
 * is 2i+1. Every receive descriptor always owns one mbuf; the device writes the virtio-net
 * header into the 12 bytes of headroom just before the packet data. A transmitted packet is a
 * chain: a zeroed header of the queue's own, then one descriptor per segment.
 */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>

#include "virtio_private.h"

/* Reclaim transmitted descriptors once fewer than this many are free. */
#define VIRTIO_TX_FREE_THRESH 32
/* Most receive buffers taken from the pool, and transmitted packets freed, per pool call. */
#define VIRTIO_RX_REFILL_BULK 64
#define VIRTIO_TX_FREE_BULK 64

void
virtio_rx_queue_drain(struct virtio_rx_queue *rxq)
{
	uint16_t i;

	for (i = 0; i < rxq->vq.size; i++) {
		if (rxq->sw_ring[i] != NULL) {
			rte_pktmbuf_free_seg(rxq->sw_ring[i]);
			rxq->sw_ring[i] = NULL;
		}
	}
	if (rxq->pkt_first != NULL) {
		rte_pktmbuf_free(rxq->pkt_first);
		rxq->pkt_first = NULL;
		rxq->pkt_last = NULL;
	}
	rxq->seg_left = 0;
}

void
virtio_tx_queue_drain(struct virtio_tx_queue *txq)
{
	uint16_t i;

	for (i = 0; i < txq->vq.size; i++) {
		if (txq->sw_ring[i] != NULL) {
			rte_pktmbuf_free(txq->sw_ring[i]);
			txq->sw_ring[i] = NULL;
		}
	}
}

void
virtio_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct virtio_rx_queue *rxq = dev->data->rx_queues[qid];

	if (rxq == NULL)
		return;
	virtio_rx_queue_drain(rxq);
	virtio_vq_free(&rxq->vq);
	rte_free(rxq->sw_ring);
	rte_free(rxq);
	dev->data->rx_queues[qid] = NULL;
}

void
virtio_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct virtio_tx_queue *txq = dev->data->tx_queues[qid];

	if (txq == NULL)
		return;
	virtio_tx_queue_drain(txq);
	virtio_vq_free(&txq->vq);
	rte_free(txq->chain_len);
	rte_free(txq->sw_ring);
	rte_free(txq);
	dev->data->tx_queues[qid] = NULL;
}

int
virtio_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_hw *hw = &ad->hw;
	struct virtio_rx_queue *rxq;
	char name[RTE_MEMZONE_NAMESIZE];
	uint32_t room = rte_pktmbuf_data_room_size(mp);
	int socket = (int)socket_id, ret;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(conf);
	/* Without merged buffers a whole frame and its header must fit one buffer. */
	if (room < RTE_PKTMBUF_HEADROOM + (virtio_has_feature(hw, VIRTIO_NET_F_MRG_RXBUF) ?
			RTE_ETHER_MIN_LEN : RTE_ETHER_MAX_LEN + VIRTIO_HDR_SIZE)) {
		VIRTIO_LOG(ERR, "port %u: pool %s has a data room of %u bytes, too small",
			dev->data->port_id, mp->name, room);
		return -EINVAL;
	}
	if (dev->data->rx_queues[qid] != NULL)
		virtio_rx_queue_release(dev, qid);
	rxq = rte_zmalloc_socket("virtio_rxq", sizeof(*rxq), RTE_CACHE_LINE_SIZE, socket);
	if (rxq == NULL)
		return -ENOMEM;
	snprintf(name, sizeof(name), "virtio_rx_%u_%u", dev->data->port_id, qid);
	ret = virtio_vq_alloc(hw, &rxq->vq, (uint16_t)(2 * qid), name, 0, socket, NULL, NULL);
	if (ret != 0) {
		rte_free(rxq);
		return ret;
	}
	rxq->sw_ring = rte_zmalloc_socket("virtio_rx_sw", sizeof(rxq->sw_ring[0]) * rxq->vq.size,
		RTE_CACHE_LINE_SIZE, socket);
	if (rxq->sw_ring == NULL) {
		VIRTIO_LOG(ERR, "port %u: no memory for rx queue %u", dev->data->port_id, qid);
		virtio_vq_free(&rxq->vq);
		rte_free(rxq);
		return -ENOMEM;
	}
	rxq->mb_pool = mp;
	rxq->hw = hw;
	rxq->port_id = dev->data->port_id;
	rxq->qid = qid;
	dev->data->rx_queues[qid] = rxq;
	return 0;
}

int
virtio_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_hw *hw = &ad->hw;
	struct virtio_tx_queue *txq;
	char name[RTE_MEMZONE_NAMESIZE];
	uint16_t size;
	int socket = (int)socket_id, ret;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(conf);
	if (dev->data->tx_queues[qid] != NULL)
		virtio_tx_queue_release(dev, qid);
	txq = rte_zmalloc_socket("virtio_txq", sizeof(*txq), RTE_CACHE_LINE_SIZE, socket);
	if (txq == NULL)
		return -ENOMEM;
	snprintf(name, sizeof(name), "virtio_tx_%u_%u", dev->data->port_id, qid);
	size = (uint16_t)(2 * qid + 1) < hw->nb_vqs ? hw->vq_max_size[2 * qid + 1] : 0;
	ret = virtio_vq_alloc(hw, &txq->vq, (uint16_t)(2 * qid + 1), name,
		(size_t)VIRTIO_HDR_SIZE * size, socket, NULL, &txq->hdr_iova);
	if (ret != 0) {
		rte_free(txq);
		return ret;
	}
	txq->sw_ring = rte_zmalloc_socket("virtio_tx_sw", sizeof(txq->sw_ring[0]) * size,
		RTE_CACHE_LINE_SIZE, socket);
	txq->chain_len = rte_zmalloc_socket("virtio_tx_len", sizeof(txq->chain_len[0]) * size,
		RTE_CACHE_LINE_SIZE, socket);
	if (txq->sw_ring == NULL || txq->chain_len == NULL) {
		VIRTIO_LOG(ERR, "port %u: no memory for tx queue %u", dev->data->port_id, qid);
		rte_free(txq->sw_ring);
		rte_free(txq->chain_len);
		virtio_vq_free(&txq->vq);
		rte_free(txq);
		return -ENOMEM;
	}
	txq->hw = hw;
	txq->qid = qid;
	/* Modern devices, and legacy ones with ANY_LAYOUT, take the header in the packet's own
	 * descriptor: one descriptor fewer to read, through the IOMMU when there is one. */
	txq->can_push = virtio_has_feature(hw, VIRTIO_F_VERSION_1) ||
		virtio_has_feature(hw, VIRTIO_F_ANY_LAYOUT);
	dev->data->tx_queues[qid] = txq;
	return 0;
}

static inline void
rx_post(struct virtio_rx_queue *rxq, uint16_t id, struct rte_mbuf *m)
{
	struct virtio_vq *vq = &rxq->vq;
	volatile struct vring_desc *d = &vq->desc[id];

	m->data_off = RTE_PKTMBUF_HEADROOM;
	rxq->sw_ring[id] = m;
	d->addr = rte_cpu_to_le_64(rte_mbuf_data_iova_default(m) - VIRTIO_HDR_SIZE);
	d->len = rte_cpu_to_le_32(m->buf_len - RTE_PKTMBUF_HEADROOM + VIRTIO_HDR_SIZE);
	d->flags = rte_cpu_to_le_16(VRING_DESC_F_WRITE);
	vq->avail->ring[vq->avail_idx & (vq->size - 1)] = rte_cpu_to_le_16(id);
	vq->avail_idx++;
}

/* Give every descriptor a buffer (the device is reset: the rings are empty). */
int
virtio_rx_queue_fill(struct virtio_rx_queue *rxq)
{
	uint16_t i;

	virtio_rx_queue_drain(rxq);
	virtio_vq_reset(&rxq->vq, 0);
	rxq->mrg_rxbuf = virtio_has_feature(rxq->hw, VIRTIO_NET_F_MRG_RXBUF);
	for (i = 0; i < rxq->vq.size; i++) {
		struct rte_mbuf *m = rte_mbuf_raw_alloc(rxq->mb_pool);

		if (m == NULL) {
			VIRTIO_LOG(ERR, "port %u: pool %s cannot fill the %u descriptors of rx"
				" queue %u", rxq->port_id, rxq->mb_pool->name, rxq->vq.size,
				rxq->qid);
			virtio_rx_queue_drain(rxq);
			return -ENOMEM;
		}
		rx_post(rxq, i, m);
	}
	rxq->vq.avail->idx = rte_cpu_to_le_16(rxq->vq.avail_idx);
	return 0;
}

void
virtio_tx_queue_init(struct virtio_tx_queue *txq)
{
	virtio_tx_queue_drain(txq);
	memset(txq->chain_len, 0, sizeof(txq->chain_len[0]) * txq->vq.size);
	virtio_vq_reset(&txq->vq, 1);
}

uint16_t
virtio_recv_pkts(void *queue, struct rte_mbuf **rx_pkts, uint16_t nb_pkts)
{
	struct virtio_rx_queue *rxq = queue;
	struct virtio_vq *vq = &rxq->vq;
	struct rte_mbuf *first = rxq->pkt_first, *last = rxq->pkt_last;
	uint16_t used_idx = rte_le_to_cpu_16(vq->used->idx);
	uint16_t nb_rx = 0, refilled = 0, seg_left = rxq->seg_left;
	/* Replacement buffers, taken from the pool in one go for the elements expected. */
	struct rte_mbuf *fresh[VIRTIO_RX_REFILL_BULK];
	uint16_t nb_fresh = RTE_MIN(nb_pkts, VIRTIO_RX_REFILL_BULK), next_fresh = 0;

	nb_fresh = RTE_MIN(nb_fresh, (uint16_t)(used_idx - vq->used_last));
	if (nb_fresh == 0)
		return 0;
	if (unlikely(rte_mempool_get_bulk(rxq->mb_pool, (void **)fresh, nb_fresh) != 0))
		nb_fresh = 0;
	/* The used elements are read only after their index. */
	rte_io_rmb();
	while (nb_rx < nb_pkts && vq->used_last != used_idx) {
		volatile struct vring_used_elem *e =
			&vq->used->ring[vq->used_last & (vq->size - 1)];
		uint32_t id = rte_le_to_cpu_32(e->id), len = rte_le_to_cpu_32(e->len);
		struct rte_mbuf *m, *nm;

		if (unlikely(id >= vq->size || rxq->sw_ring[id] == NULL)) {
			/* A device bug: the element is skipped, never the ring corrupted. */
			rxq->stats.errors++;
			vq->used_last++;
			continue;
		}
		/* Merged packets and a pool too short for the bulk take one buffer at a time. */
		nm = likely(next_fresh < nb_fresh) ? fresh[next_fresh++] :
			rte_mbuf_raw_alloc(rxq->mb_pool);
		if (unlikely(nm == NULL)) {
			rxq->stats.nombuf++;
			break;
		}
		m = rxq->sw_ring[id];
		rx_post(rxq, (uint16_t)id, nm);
		vq->used_last++;
		refilled++;
		m->next = NULL;
		m->nb_segs = 1;
		if (first == NULL) {
			const struct virtio_net_hdr_v1 *hdr = rte_pktmbuf_mtod_offset(m,
				const struct virtio_net_hdr_v1 *, -(int)VIRTIO_HDR_SIZE);

			if (unlikely(len <= VIRTIO_HDR_SIZE)) {
				rxq->stats.errors++;
				rte_pktmbuf_free_seg(m);
				continue;
			}
			seg_left = rxq->mrg_rxbuf ? rte_le_to_cpu_16(hdr->num_buffers) : 1;
			if (seg_left == 0)
				seg_left = 1;
			m->data_len = (uint16_t)(len - VIRTIO_HDR_SIZE);
			m->pkt_len = m->data_len;
			m->port = rxq->port_id;
			m->ol_flags = 0;
			m->packet_type = RTE_PTYPE_UNKNOWN;
			first = m;
		} else {
			/* Later buffers of a merged packet carry no header. */
			m->data_off = RTE_PKTMBUF_HEADROOM - VIRTIO_HDR_SIZE;
			m->data_len = (uint16_t)len;
			last->next = m;
			first->nb_segs++;
			first->pkt_len += len;
		}
		last = m;
		if (--seg_left != 0)
			continue;
		rxq->stats.packets++;
		rxq->stats.bytes += first->pkt_len;
		rx_pkts[nb_rx++] = first;
		first = NULL;
		last = NULL;
	}
	if (unlikely(next_fresh < nb_fresh))
		rte_mempool_put_bulk(rxq->mb_pool, (void **)&fresh[next_fresh],
			nb_fresh - next_fresh);
	rxq->pkt_first = first;
	rxq->pkt_last = last;
	rxq->seg_left = seg_left;
	if (refilled != 0) {
		rte_io_wmb();
		vq->avail->idx = rte_cpu_to_le_16(vq->avail_idx);
		virtio_vq_notify(vq);
	}
	return nb_rx;
}

/* Return the chains the device has finished with to the free list, freeing their packets. */
static void
virtio_tx_reclaim(struct virtio_tx_queue *txq)
{
	struct virtio_vq *vq = &txq->vq;
	uint16_t used_idx = rte_le_to_cpu_16(vq->used->idx);
	struct rte_mbuf *done[VIRTIO_TX_FREE_BULK];
	unsigned int nb_done = 0;

	rte_io_rmb();
	while (vq->used_last != used_idx) {
		uint32_t id = rte_le_to_cpu_32(vq->used->ring[vq->used_last & (vq->size - 1)].id);
		uint16_t n, tail;

		vq->used_last++;
		if (unlikely(id >= vq->size || txq->chain_len[id] == 0))
			continue;
		n = txq->chain_len[id];
		tail = (uint16_t)id;
		while (--n != 0)
			tail = rte_le_to_cpu_16(vq->desc[tail].next);
		vq->desc[tail].next = rte_cpu_to_le_16(vq->free_head);
		vq->free_head = (uint16_t)id;
		vq->nb_free += txq->chain_len[id];
		txq->chain_len[id] = 0;
		if (nb_done == RTE_DIM(done)) {
			rte_pktmbuf_free_bulk(done, nb_done);
			nb_done = 0;
		}
		done[nb_done++] = txq->sw_ring[id];
		txq->sw_ring[id] = NULL;
	}
	if (nb_done != 0)
		rte_pktmbuf_free_bulk(done, nb_done);
}

uint16_t
virtio_xmit_pkts(void *queue, struct rte_mbuf **tx_pkts, uint16_t nb_pkts)
{
	struct virtio_tx_queue *txq = queue;
	struct virtio_vq *vq = &txq->vq;
	uint16_t nb_tx;

	if (vq->nb_free < VIRTIO_TX_FREE_THRESH)
		virtio_tx_reclaim(txq);
	for (nb_tx = 0; nb_tx < nb_pkts; nb_tx++) {
		struct rte_mbuf *m = tx_pkts[nb_tx], *seg;
		uint32_t pkt_len = m->pkt_len;
		/* The header goes in the headroom of a packet nobody else holds. */
		bool push = txq->can_push && RTE_MBUF_DIRECT(m) && rte_mbuf_refcnt_read(m) == 1 &&
			rte_pktmbuf_headroom(m) >= VIRTIO_HDR_SIZE &&
			((uintptr_t)rte_pktmbuf_mtod(m, char *) & 1) == 0;
		uint16_t need = (uint16_t)(m->nb_segs + !push), head, idx;

		if (unlikely(need > vq->size)) {
			/* Can never fit: dropped, counted, and reported as sent. */
			txq->stats.errors++;
			rte_pktmbuf_free(m);
			continue;
		}
		if (need > vq->nb_free) {
			virtio_tx_reclaim(txq);
			if (need > vq->nb_free)
				break;
		}
		head = vq->free_head;
		if (push) {
			memset(rte_pktmbuf_prepend(m, VIRTIO_HDR_SIZE), 0, VIRTIO_HDR_SIZE);
			idx = head;
		} else {
			vq->desc[head].addr = rte_cpu_to_le_64(txq->hdr_iova +
				(rte_iova_t)head * VIRTIO_HDR_SIZE);
			vq->desc[head].len = rte_cpu_to_le_32(VIRTIO_HDR_SIZE);
			vq->desc[head].flags = rte_cpu_to_le_16(VRING_DESC_F_NEXT);
			idx = rte_le_to_cpu_16(vq->desc[head].next);
		}
		for (seg = m; seg != NULL; seg = seg->next) {
			volatile struct vring_desc *d = &vq->desc[idx];

			d->addr = rte_cpu_to_le_64(rte_mbuf_data_iova(seg));
			d->len = rte_cpu_to_le_32(seg->data_len);
			d->flags = rte_cpu_to_le_16(seg->next != NULL ? VRING_DESC_F_NEXT : 0);
			idx = rte_le_to_cpu_16(d->next);
		}
		vq->free_head = idx;
		vq->nb_free -= need;
		txq->chain_len[head] = need;
		txq->sw_ring[head] = m;
		vq->avail->ring[vq->avail_idx & (vq->size - 1)] = rte_cpu_to_le_16(head);
		vq->avail_idx++;
		txq->stats.packets++;
		txq->stats.bytes += pkt_len;
	}
	if (nb_tx != 0) {
		rte_io_wmb();
		vq->avail->idx = rte_cpu_to_le_16(vq->avail_idx);
		virtio_vq_notify(vq);
	}
	return nb_tx;
}
