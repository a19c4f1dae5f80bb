/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Receive and transmit with the 82540's legacy descriptors. One queue each way.
 * Descriptor rings live in IOVA-contiguous memzones; buffers are mbufs addressed by IOVA.
 */
#include <string.h>

#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>
#include <rte_prefetch.h>

#include "em_private.h"

/* Free-descriptor threshold below which transmit reclaims completed descriptors. */
#define EM_TX_FREE_THRESH 32
#define EM_RX_FREE_THRESH 32

static const struct rte_memzone *
em_ring_alloc(struct rte_eth_dev *dev, const char *kind, uint16_t qid, size_t size, int socket)
{
	char name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;

	snprintf(name, sizeof(name), "em_%s_%u_%u", kind, dev->data->port_id, qid);
	mz = rte_memzone_lookup(name);
	if (mz != NULL)
		rte_memzone_free(mz);
	return rte_memzone_reserve_aligned(name, size, socket, RTE_MEMZONE_IOVA_CONTIG,
		EM_RING_ALIGN);
}

static int
em_check_nb_desc(uint16_t nb_desc, const char *dir)
{
	if (nb_desc < EM_MIN_RING_DESC || nb_desc > EM_MAX_RING_DESC ||
			nb_desc % EM_RING_DESC_MULT != 0) {
		EM_LOG(ERR, "%s ring of %u descriptors: must be %d..%d and a multiple of %d", dir,
			nb_desc, EM_MIN_RING_DESC, EM_MAX_RING_DESC, EM_RING_DESC_MULT);
		return -EINVAL;
	}
	return 0;
}

void
em_rx_queue_drain(struct em_rx_queue *rxq)
{
	uint16_t i;

	for (i = 0; i < rxq->nb_desc; i++) {
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
}

void
em_tx_queue_drain(struct em_tx_queue *txq)
{
	uint16_t i;

	for (i = 0; i < txq->nb_desc; i++) {
		if (txq->sw_ring[i] != NULL) {
			rte_pktmbuf_free_seg(txq->sw_ring[i]);
			txq->sw_ring[i] = NULL;
		}
	}
	txq->tail = 0;
	txq->clean = 0;
	txq->nb_free = txq->nb_desc - 1;
}

void
em_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct em_rx_queue *rxq = dev->data->rx_queues[qid];

	if (rxq == NULL)
		return;
	em_rx_queue_drain(rxq);
	rte_memzone_free(rxq->mz);
	rte_free(rxq->sw_ring);
	rte_free(rxq);
}

void
em_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct em_tx_queue *txq = dev->data->tx_queues[qid];

	if (txq == NULL)
		return;
	em_tx_queue_drain(txq);
	rte_memzone_free(txq->mz);
	rte_free(txq->sw_ring);
	rte_free(txq);
}

/* Largest receive buffer size the 82540 supports that fits the pool's data room. */
static int
em_rx_buf_len(struct rte_mempool *mp, uint16_t *len, uint32_t *rctl_size)
{
	static const struct { uint16_t len; uint32_t bits; } sizes[] = {
		{ 2048, E1000_RCTL_SZ_2048 }, { 1024, E1000_RCTL_SZ_1024 },
		{ 512, E1000_RCTL_SZ_512 }, { 256, E1000_RCTL_SZ_256 },
	};
	uint32_t room = rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM;
	unsigned int i;

	for (i = 0; i < RTE_DIM(sizes); i++) {
		if (room >= sizes[i].len) {
			*len = sizes[i].len;
			*rctl_size = sizes[i].bits;
			return 0;
		}
	}
	return -EINVAL;
}

int
em_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct em_adapter *ad = dev->data->dev_private;
	struct em_rx_queue *rxq;
	uint32_t size_bits;
	uint16_t buf_len;
	int socket = (int)socket_id;

	if (em_check_nb_desc(nb_desc, "rx") != 0)
		return -EINVAL;
	if (em_rx_buf_len(mp, &buf_len, &size_bits) != 0) {
		EM_LOG(ERR, "port %u: pool %s has buffers below 256 bytes of data room",
			dev->data->port_id, mp->name);
		return -EINVAL;
	}
	if (dev->data->rx_queues[qid] != NULL) {
		em_rx_queue_release(dev, qid);
		dev->data->rx_queues[qid] = NULL;
	}
	rxq = rte_zmalloc_socket("em_rxq", sizeof(*rxq), RTE_CACHE_LINE_SIZE, socket);
	if (rxq == NULL)
		return -ENOMEM;
	rxq->sw_ring = rte_zmalloc_socket("em_rx_sw", sizeof(rxq->sw_ring[0]) * nb_desc,
		RTE_CACHE_LINE_SIZE, socket);
	rxq->mz = em_ring_alloc(dev, "rx", qid, sizeof(struct em_rx_desc) * nb_desc, socket);
	if (rxq->sw_ring == NULL || rxq->mz == NULL) {
		EM_LOG(ERR, "port %u: no memory for an rx ring of %u descriptors",
			dev->data->port_id, nb_desc);
		rte_memzone_free(rxq->mz);
		rte_free(rxq->sw_ring);
		rte_free(rxq);
		return -ENOMEM;
	}
	rxq->ring = rxq->mz->addr;
	rxq->hw = &ad->hw;
	rxq->mb_pool = mp;
	rxq->nb_desc = nb_desc;
	rxq->port_id = dev->data->port_id;
	rxq->buf_len = buf_len;
	ad->rctl = (ad->rctl & ~(3u << 16)) | size_bits;
	dev->data->rx_queues[qid] = rxq;
	return 0;
}

int
em_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct em_adapter *ad = dev->data->dev_private;
	struct em_tx_queue *txq;
	int socket = (int)socket_id;

	if (em_check_nb_desc(nb_desc, "tx") != 0)
		return -EINVAL;
	if (dev->data->tx_queues[qid] != NULL) {
		em_tx_queue_release(dev, qid);
		dev->data->tx_queues[qid] = NULL;
	}
	txq = rte_zmalloc_socket("em_txq", sizeof(*txq), RTE_CACHE_LINE_SIZE, socket);
	if (txq == NULL)
		return -ENOMEM;
	txq->sw_ring = rte_zmalloc_socket("em_tx_sw", sizeof(txq->sw_ring[0]) * nb_desc,
		RTE_CACHE_LINE_SIZE, socket);
	txq->mz = em_ring_alloc(dev, "tx", qid, sizeof(struct em_tx_desc) * nb_desc, socket);
	if (txq->sw_ring == NULL || txq->mz == NULL) {
		EM_LOG(ERR, "port %u: no memory for a tx ring of %u descriptors",
			dev->data->port_id, nb_desc);
		rte_memzone_free(txq->mz);
		rte_free(txq->sw_ring);
		rte_free(txq);
		return -ENOMEM;
	}
	txq->ring = txq->mz->addr;
	txq->hw = &ad->hw;
	txq->nb_desc = nb_desc;
	txq->nb_free = nb_desc - 1;
	dev->data->tx_queues[qid] = txq;
	return 0;
}

/* Give every receive descriptor a buffer and hand the ring to the device. */
int
em_rx_init(struct rte_eth_dev *dev)
{
	struct em_adapter *ad = dev->data->dev_private;
	struct em_rx_queue *rxq = dev->data->rx_queues[0];
	struct em_hw *hw = &ad->hw;
	uint16_t i;

	if (rxq == NULL)
		return -EINVAL;
	for (i = 0; i < rxq->nb_desc; i++) {
		struct rte_mbuf *m = rte_mbuf_raw_alloc(rxq->mb_pool);

		if (m == NULL) {
			EM_LOG(ERR, "port %u: pool %s cannot fill %u rx descriptors",
				dev->data->port_id, rxq->mb_pool->name, rxq->nb_desc);
			em_rx_queue_drain(rxq);
			return -ENOMEM;
		}
		m->data_off = RTE_PKTMBUF_HEADROOM;
		rxq->sw_ring[i] = m;
		rxq->ring[i].buffer_addr = rte_cpu_to_le_64(rte_mbuf_data_iova_default(m));
		rxq->ring[i].status = 0;
	}
	rxq->next = 0;
	rxq->nb_hold = 0;
	/* Each RDT write is a register access, a VM exit under emulation: batch them. */
	rxq->free_thresh = RTE_MIN(EM_RX_FREE_THRESH, rxq->nb_desc / 4);
	em_write(hw, E1000_RDBAL, (uint32_t)rxq->mz->iova);
	em_write(hw, E1000_RDBAH, (uint32_t)(rxq->mz->iova >> 32));
	em_write(hw, E1000_RDLEN, rxq->nb_desc * sizeof(struct em_rx_desc));
	em_write(hw, E1000_RDH, 0);
	em_write(hw, E1000_RDT, rxq->nb_desc - 1);
	em_write(hw, E1000_RDTR, 0);
	if (dev->data->mtu > RTE_ETHER_MTU || (dev->data->dev_conf.rxmode.offloads &
			RTE_ETH_RX_OFFLOAD_SCATTER))
		ad->rctl |= E1000_RCTL_LPE;
	em_write(hw, E1000_RCTL, ad->rctl | E1000_RCTL_EN);
	return 0;
}

void
em_tx_init(struct rte_eth_dev *dev)
{
	struct em_adapter *ad = dev->data->dev_private;
	struct em_tx_queue *txq = dev->data->tx_queues[0];
	struct em_hw *hw = &ad->hw;

	if (txq == NULL)
		return;
	memset((void *)(uintptr_t)txq->ring, 0, sizeof(struct em_tx_desc) * txq->nb_desc);
	em_tx_queue_drain(txq);
	em_write(hw, E1000_TDBAL, (uint32_t)txq->mz->iova);
	em_write(hw, E1000_TDBAH, (uint32_t)(txq->mz->iova >> 32));
	em_write(hw, E1000_TDLEN, txq->nb_desc * sizeof(struct em_tx_desc));
	em_write(hw, E1000_TDH, 0);
	em_write(hw, E1000_TDT, 0);
	em_write(hw, E1000_TIDV, 0);
	em_write(hw, E1000_TIPG, E1000_TIPG_82540);
	em_write(hw, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP | (0x0fu << E1000_TCTL_CT_SHIFT) |
		(0x40u << E1000_TCTL_COLD_SHIFT));
}

uint16_t
em_recv_pkts(void *queue, struct rte_mbuf **rx_pkts, uint16_t nb_pkts)
{
	struct em_rx_queue *rxq = queue;
	volatile struct em_rx_desc *ring = rxq->ring;
	uint16_t idx = rxq->next, nb_rx = 0, nb_hold = 0;
	struct rte_mbuf *first = rxq->pkt_first, *last = rxq->pkt_last;

	while (nb_rx < nb_pkts) {
		volatile struct em_rx_desc *d = &ring[idx];
		uint8_t status = d->status;
		struct rte_mbuf *m, *nm;

		if (!(status & E1000_RXD_STAT_DD))
			break;
		/* Read the rest of the descriptor only after seeing it done. */
		rte_smp_rmb();
		nm = rte_mbuf_raw_alloc(rxq->mb_pool);
		if (unlikely(nm == NULL)) {
			rxq->nombuf++;
			break;
		}
		m = rxq->sw_ring[idx];
		nm->data_off = RTE_PKTMBUF_HEADROOM;
		rxq->sw_ring[idx] = nm;
		d->buffer_addr = rte_cpu_to_le_64(rte_mbuf_data_iova_default(nm));

		m->data_len = rte_le_to_cpu_16(d->length);
		m->next = NULL;
		m->nb_segs = 1;
		if (first == NULL) {
			first = m;
			first->pkt_len = m->data_len;
		} else {
			last->next = m;
			first->nb_segs++;
			first->pkt_len += m->data_len;
		}
		last = m;
		d->status = 0;
		idx = idx + 1 == rxq->nb_desc ? 0 : idx + 1;
		nb_hold++;
		if (!(status & E1000_RXD_STAT_EOP))
			continue;
		if (unlikely(d->errors & E1000_RXD_ERR_MASK)) {
			rte_pktmbuf_free(first);
		} else {
			first->port = rxq->port_id;
			first->ol_flags = 0;
			first->packet_type = RTE_PTYPE_UNKNOWN;
			rx_pkts[nb_rx++] = first;
		}
		first = NULL;
		last = NULL;
	}
	rxq->next = idx;
	rxq->pkt_first = first;
	rxq->pkt_last = last;
	nb_hold = (uint16_t)(nb_hold + rxq->nb_hold);
	if (nb_hold > rxq->free_thresh) {
		/* The tail is the last descriptor given back: the one before the next to read. */
		uint16_t tail = idx == 0 ? rxq->nb_desc - 1 : idx - 1;

		em_write(rxq->hw, E1000_RDT, tail);
		nb_hold = 0;
	}
	rxq->nb_hold = nb_hold;
	return nb_rx;
}

/* Free the buffers of descriptors the device has finished sending. */
static void
em_tx_reclaim(struct em_tx_queue *txq)
{
	uint16_t idx = txq->clean;

	while (idx != txq->tail && (txq->ring[idx].status & E1000_TXD_STAT_DD)) {
		if (txq->sw_ring[idx] != NULL) {
			rte_pktmbuf_free_seg(txq->sw_ring[idx]);
			txq->sw_ring[idx] = NULL;
		}
		idx = idx + 1 == txq->nb_desc ? 0 : idx + 1;
		txq->nb_free++;
	}
	txq->clean = idx;
}

uint16_t
em_xmit_pkts(void *queue, struct rte_mbuf **tx_pkts, uint16_t nb_pkts)
{
	struct em_tx_queue *txq = queue;
	volatile struct em_tx_desc *ring = txq->ring;
	uint16_t idx = txq->tail, nb_tx;

	if (txq->nb_free < EM_TX_FREE_THRESH)
		em_tx_reclaim(txq);
	for (nb_tx = 0; nb_tx < nb_pkts; nb_tx++) {
		struct rte_mbuf *m = tx_pkts[nb_tx], *seg;

		if (m->nb_segs > txq->nb_free) {
			em_tx_reclaim(txq);
			if (m->nb_segs > txq->nb_free)
				break;
		}
		for (seg = m; seg != NULL; seg = seg->next) {
			volatile struct em_tx_desc *d = &ring[idx];

			/* Two stores per descriptor: each is an emulated access under TCG. */
			d->buffer_addr = rte_cpu_to_le_64(rte_mbuf_data_iova(seg));
			d->fields = rte_cpu_to_le_64(EM_TXD_FIELDS(seg->data_len,
					E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS |
					(seg->next == NULL ? E1000_TXD_CMD_EOP : 0)));
			txq->sw_ring[idx] = seg;
			idx = idx + 1 == txq->nb_desc ? 0 : idx + 1;
			txq->nb_free--;
		}
	}
	if (nb_tx != 0) {
		txq->tail = idx;
		/* rte_write32 orders the descriptor stores before the doorbell. */
		em_write(txq->hw, E1000_TDT, idx);
	}
	return nb_tx;
}
