/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio's data path against a device simulated in memory: the test plays the device,
 * consuming the available ring and filling the used ring as a virtio-net device would, and
 * checks what the burst functions make of it (merged buffers, partial packets, malformed used
 * elements, mbuf exhaustion, transmit chains and their reclaim, notification suppression),
 * and the legacy transport against a simulated I/O port register block.
 * The driver's sources are compiled into this program: these are its internal functions.
 */
#include "test_common.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "virtio_private.h"

int virtio_logtype = RTE_LOGTYPE_USER1;

#define RING 8
#define NOTIFY_NONE 0xdead

static struct rte_mempool *pool;
static struct rte_mempool *tiny_pool;
/* Stands in for the BAR: common configuration, then the notify area. */
static uint8_t bar[256] __rte_aligned(8);
static uint16_t sizes[3] = { RING, RING, RING };
static struct virtio_hw hw;
/* Used elements the simulated device wrote but has not published yet. */
static uint16_t staged;

static int
setup(void **state)
{
	char prefix[64];
	char *args[] = { (char *)"test_virtio_vring", (char *)"--no-huge", (char *)"--no-pci",
		(char *)"-l", (char *)"0", (char *)"--iova-mode=va", prefix,
		(char *)"--log-level=lib.eal:critical" };

	(void)state;
	snprintf(prefix, sizeof(prefix), "--file-prefix=virtio_vring_%d", (int)getpid());
	if (rte_eal_init(RTE_DIM(args), args) < 0)
		return -1;
	pool = rte_pktmbuf_pool_create("vring_pool", 255, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	tiny_pool = rte_pktmbuf_pool_create("vring_tiny", RING, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
		SOCKET_ID_ANY);
	hw.common = bar;
	hw.notify_base = bar + 128;
	hw.notify_mult = 2;
	hw.nb_vqs = 3;
	hw.vq_max_size = sizes;
	snprintf(hw.name, sizeof(hw.name), "fake");
	return pool == NULL || tiny_pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	rte_mempool_free(tiny_pool);
	return rte_eal_cleanup();
}

static uint16_t
doorbell(void)
{
	/* queue_notify_off is 0 in the fake common configuration: every queue rings here */
	return *(volatile uint16_t *)(bar + 128);
}

static struct virtio_rx_queue *
rxq_new(struct rte_mempool *mp, int mrg)
{
	struct virtio_rx_queue *rxq = rte_zmalloc("rxq", sizeof(*rxq), 0);

	assert_non_null(rxq);
	hw.features = RTE_BIT64(VIRTIO_F_VERSION_1) | (mrg ? RTE_BIT64(VIRTIO_NET_F_MRG_RXBUF) : 0);
	assert_int_equal(virtio_vq_alloc(&hw, &rxq->vq, 0, "vring_rx", 0, SOCKET_ID_ANY, NULL,
		NULL), 0);
	rxq->sw_ring = rte_zmalloc("rx_sw", sizeof(rxq->sw_ring[0]) * RING, 0);
	assert_non_null(rxq->sw_ring);
	rxq->mb_pool = mp;
	rxq->hw = &hw;
	assert_int_equal(virtio_rx_queue_fill(rxq), 0);
	return rxq;
}

static void
rxq_free(struct virtio_rx_queue *rxq)
{
	virtio_rx_queue_drain(rxq);
	virtio_vq_free(&rxq->vq);
	rte_free(rxq->sw_ring);
	rte_free(rxq);
}

/* The device side: what used element 'id' wrote, through the buffer's virtual address. */
static void
dev_rx(struct virtio_rx_queue *rxq, uint16_t id, uint32_t payload, uint16_t nbuf, uint8_t fill,
		int first)
{
	struct virtio_vq *vq = &rxq->vq;
	struct rte_mbuf *m = rxq->sw_ring[id];
	uint8_t *buf = rte_pktmbuf_mtod_offset(m, uint8_t *, -(int)VIRTIO_HDR_SIZE);
	uint16_t slot = (vq->used->idx + staged++) & (RING - 1);

	/* the descriptor must point at the headroom, 12 bytes before the packet data */
	assert_int_equal(vq->desc[id].addr, rte_mbuf_data_iova_default(m) - VIRTIO_HDR_SIZE);
	assert_int_equal(vq->desc[id].flags, VRING_DESC_F_WRITE);
	if (first) {
		struct virtio_net_hdr_v1 *h = (struct virtio_net_hdr_v1 *)buf;

		memset(h, 0, sizeof(*h));
		h->num_buffers = nbuf;
		memset(buf + VIRTIO_HDR_SIZE, fill, payload);
		vq->used->ring[slot].len = payload + VIRTIO_HDR_SIZE;
	} else {
		memset(buf, fill, payload);
		vq->used->ring[slot].len = payload;
	}
	vq->used->ring[slot].id = id;
}

static void
dev_publish(struct virtio_vq *vq)
{
	rte_smp_wmb();
	vq->used->idx = (uint16_t)(vq->used->idx + staged);
	staged = 0;
}

static void
test_rx_single(void **state)
{
	struct virtio_rx_queue *rxq = rxq_new(pool, 0);
	struct rte_mbuf *pkts[4];
	uint16_t avail0 = rxq->vq.avail->idx;

	(void)state;
	assert_int_equal(avail0, RING);
	assert_int_equal(virtio_recv_pkts(rxq, pkts, 4), 0);
	dev_rx(rxq, 0, 60, 1, 0xa1, 1);
	dev_rx(rxq, 1, 100, 1, 0xa2, 1);
	dev_publish(&rxq->vq);
	*(volatile uint16_t *)(bar + 128) = NOTIFY_NONE;
	assert_int_equal(virtio_recv_pkts(rxq, pkts, 4), 2);
	assert_int_equal(pkts[0]->pkt_len, 60);
	assert_int_equal(pkts[0]->data_len, 60);
	assert_int_equal(rte_pktmbuf_mtod(pkts[0], uint8_t *)[59], 0xa1);
	assert_int_equal(pkts[1]->pkt_len, 100);
	assert_int_equal(rte_pktmbuf_mtod(pkts[1], uint8_t *)[0], 0xa2);
	/* both buffers were replaced and made available again, and the device told so */
	assert_int_equal(rxq->vq.avail->idx, (uint16_t)(avail0 + 2));
	assert_int_equal(doorbell(), 0);
	assert_int_equal(rxq->stats.packets, 2);
	assert_int_equal(rxq->stats.bytes, 160);
	rte_pktmbuf_free_bulk(pkts, 2);
	rxq_free(rxq);
}

static void
test_rx_merged_partial(void **state)
{
	struct virtio_rx_queue *rxq = rxq_new(pool, 1);
	struct rte_mbuf *pkts[4], *m;

	(void)state;
	/* a packet in three buffers, the device publishing the first two only */
	dev_rx(rxq, 3, 1000, 3, 0xb1, 1);
	dev_rx(rxq, 4, 500, 0, 0xb2, 0);
	dev_publish(&rxq->vq);
	assert_int_equal(virtio_recv_pkts(rxq, pkts, 4), 0);
	assert_int_equal(rxq->seg_left, 1);
	dev_rx(rxq, 5, 20, 0, 0xb3, 0);
	dev_publish(&rxq->vq);
	assert_int_equal(virtio_recv_pkts(rxq, pkts, 4), 1);
	m = pkts[0];
	assert_int_equal(m->nb_segs, 3);
	assert_int_equal(m->pkt_len, 1520);
	assert_int_equal(m->data_len, 1000);
	assert_int_equal(m->next->data_len, 500);
	assert_int_equal(rte_pktmbuf_mtod(m->next, uint8_t *)[0], 0xb2);
	assert_int_equal(rte_pktmbuf_mtod(m->next->next, uint8_t *)[19], 0xb3);
	assert_null(m->next->next->next);
	rte_pktmbuf_free(m);
	rxq_free(rxq);
}

static void
test_rx_malformed(void **state)
{
	struct virtio_rx_queue *rxq = rxq_new(pool, 1);
	struct rte_mbuf *pkts[4];
	uint16_t slot;

	(void)state;
	/* a used element naming no descriptor of the ring, then one shorter than the header */
	slot = (rxq->vq.used->idx + staged++) & (RING - 1);
	rxq->vq.used->ring[slot].id = RING + 3;
	rxq->vq.used->ring[slot].len = 64;
	dev_publish(&rxq->vq);
	dev_rx(rxq, 2, 0, 1, 0, 1);
	dev_publish(&rxq->vq);
	dev_rx(rxq, 6, 64, 1, 0xc1, 1);
	dev_publish(&rxq->vq);
	assert_int_equal(virtio_recv_pkts(rxq, pkts, 4), 1);
	assert_int_equal(pkts[0]->pkt_len, 64);
	assert_int_equal(rxq->stats.errors, 2);
	assert_int_equal(rxq->stats.packets, 1);
	rte_pktmbuf_free(pkts[0]);
	/* nothing leaked: the ring's buffers plus nothing else are out of the pool */
	assert_int_equal(rte_mempool_in_use_count(pool), RING);
	rxq_free(rxq);
	assert_int_equal(rte_mempool_in_use_count(pool), 0);
}

static void
test_rx_nombuf(void **state)
{
	struct virtio_rx_queue *rxq = rxq_new(tiny_pool, 0);
	struct rte_mbuf *pkts[4];

	(void)state;
	/* every mbuf of the pool is on the ring: no replacement, the packet stays for later */
	dev_rx(rxq, 0, 60, 1, 0xd1, 1);
	dev_publish(&rxq->vq);
	assert_int_equal(virtio_recv_pkts(rxq, pkts, 4), 0);
	assert_int_equal(rxq->stats.nombuf, 1);
	assert_int_equal(rxq->vq.used_last, 0);
	rxq_free(rxq);
	/* a pool too small for the ring: fill fails and gives back what it took */
	{
		struct rte_mbuf *hold = rte_pktmbuf_alloc(tiny_pool);
		struct virtio_rx_queue *q = rte_zmalloc("rxq", sizeof(*q), 0);

		assert_non_null(hold);
		assert_non_null(q);
		assert_int_equal(virtio_vq_alloc(&hw, &q->vq, 0, "vring_rx2", 0, SOCKET_ID_ANY,
			NULL, NULL), 0);
		q->sw_ring = rte_zmalloc("rx_sw", sizeof(q->sw_ring[0]) * RING, 0);
		q->mb_pool = tiny_pool;
		q->hw = &hw;
		assert_int_equal(virtio_rx_queue_fill(q), -ENOMEM);
		assert_int_equal(rte_mempool_in_use_count(tiny_pool), 1);
		rte_pktmbuf_free(hold);
		rxq_free(q);
	}
}

/* The pool has one buffer left for two packets: the bulk refill fails, one at a time works. */
static void
test_rx_pool_short_of_bulk(void **state)
{
	struct virtio_rx_queue *rxq = rxq_new(pool, 0);
	struct rte_mbuf *pkts[4], *hold[255];
	unsigned int nb_hold = 0;

	(void)state;
	while (rte_mempool_avail_count(pool) > 1)
		hold[nb_hold++] = rte_mbuf_raw_alloc(pool);
	dev_rx(rxq, 0, 60, 1, 0xe1, 1);
	dev_rx(rxq, 1, 70, 1, 0xe2, 1);
	dev_publish(&rxq->vq);
	assert_int_equal(virtio_recv_pkts(rxq, pkts, 4), 1);
	assert_int_equal(rte_pktmbuf_mtod(pkts[0], uint8_t *)[0], 0xe1);
	assert_int_equal(rxq->stats.nombuf, 1);
	assert_int_equal(rte_mempool_avail_count(pool), 0);
	/* the second packet waits on the ring until a buffer comes back */
	rte_pktmbuf_free(pkts[0]);
	assert_int_equal(virtio_recv_pkts(rxq, pkts, 4), 1);
	assert_int_equal(pkts[0]->pkt_len, 70);
	assert_int_equal(rte_pktmbuf_mtod(pkts[0], uint8_t *)[0], 0xe2);
	rte_pktmbuf_free(pkts[0]);
	rte_pktmbuf_free_bulk(hold, nb_hold);
	assert_int_equal(rte_mempool_in_use_count(pool), RING);
	rxq_free(rxq);
	assert_int_equal(rte_mempool_in_use_count(pool), 0);
}

static struct virtio_tx_queue *
txq_new_sized(uint16_t size)
{
	struct virtio_tx_queue *txq = rte_zmalloc("txq", sizeof(*txq), 0);

	assert_non_null(txq);
	sizes[1] = size;
	assert_int_equal(virtio_vq_alloc(&hw, &txq->vq, 1, "vring_tx", VIRTIO_HDR_SIZE * size,
		SOCKET_ID_ANY, NULL, &txq->hdr_iova), 0);
	sizes[1] = RING;
	txq->sw_ring = rte_zmalloc("tx_sw", sizeof(txq->sw_ring[0]) * size, 0);
	txq->chain_len = rte_zmalloc("tx_len", sizeof(txq->chain_len[0]) * size, 0);
	assert_non_null(txq->sw_ring);
	assert_non_null(txq->chain_len);
	txq->hw = &hw;
	virtio_tx_queue_init(txq);
	return txq;
}

static struct virtio_tx_queue *
txq_new(void)
{
	return txq_new_sized(RING);
}

static void
txq_free(struct virtio_tx_queue *txq)
{
	virtio_tx_queue_drain(txq);
	virtio_vq_free(&txq->vq);
	rte_free(txq->chain_len);
	rte_free(txq->sw_ring);
	rte_free(txq);
}

/* The device side of transmit: complete the chain made available at avail slot 'i'. */
static void
dev_tx_complete(struct virtio_tx_queue *txq, uint16_t i)
{
	struct virtio_vq *vq = &txq->vq;
	uint16_t slot = (vq->used->idx + staged++) & (RING - 1);

	vq->used->ring[slot].id = vq->avail->ring[i & (RING - 1)];
	vq->used->ring[slot].len = 0;
	dev_publish(vq);
}

static void
test_tx_chains(void **state)
{
	struct virtio_tx_queue *txq = txq_new();
	struct rte_mbuf *m[4];
	uint16_t head, d;

	(void)state;
	/* a two-segment packet: header, then both segments, chained */
	m[0] = rte_pktmbuf_alloc(pool);
	m[1] = rte_pktmbuf_alloc(pool);
	assert_non_null(rte_pktmbuf_append(m[0], 100));
	assert_non_null(rte_pktmbuf_append(m[1], 40));
	assert_int_equal(rte_pktmbuf_chain(m[0], m[1]), 0);
	*(volatile uint16_t *)(bar + 128) = NOTIFY_NONE;
	assert_int_equal(virtio_xmit_pkts(txq, m, 1), 1);
	assert_int_equal(doorbell(), 1);
	assert_int_equal(txq->vq.avail->idx, 1);
	head = txq->vq.avail->ring[0];
	assert_int_equal(txq->vq.desc[head].len, VIRTIO_HDR_SIZE);
	assert_int_equal(txq->vq.desc[head].addr, txq->hdr_iova + head * VIRTIO_HDR_SIZE);
	assert_int_equal(txq->vq.desc[head].flags, VRING_DESC_F_NEXT);
	d = txq->vq.desc[head].next;
	assert_int_equal(txq->vq.desc[d].len, 100);
	assert_int_equal(txq->vq.desc[d].addr, rte_mbuf_data_iova(m[0]));
	assert_int_equal(txq->vq.desc[d].flags, VRING_DESC_F_NEXT);
	d = txq->vq.desc[d].next;
	assert_int_equal(txq->vq.desc[d].len, 40);
	assert_int_equal(txq->vq.desc[d].flags, 0);
	assert_int_equal(txq->vq.nb_free, RING - 3);
	assert_int_equal(txq->stats.bytes, 140);

	/* the ring holds two more single-segment packets (two descriptors each), not three */
	for (d = 0; d < 3; d++) {
		m[d] = rte_pktmbuf_alloc(pool);
		assert_non_null(rte_pktmbuf_append(m[d], 60));
	}
	/* the device asks not to be told: no doorbell */
	txq->vq.used->flags = VRING_USED_F_NO_NOTIFY;
	*(volatile uint16_t *)(bar + 128) = NOTIFY_NONE;
	assert_int_equal(virtio_xmit_pkts(txq, m, 3), 2);
	assert_int_equal(doorbell(), NOTIFY_NONE);
	assert_int_equal(txq->vq.nb_free, 1);
	/* once the device used the first packet, its three descriptors come back */
	dev_tx_complete(txq, 0);
	assert_int_equal(virtio_xmit_pkts(txq, &m[2], 1), 1);
	assert_int_equal(txq->vq.nb_free, 2);
	assert_int_equal(rte_mempool_in_use_count(pool), 3);
	/* drain gives back what the device never completed */
	txq_free(txq);
	assert_int_equal(rte_mempool_in_use_count(pool), 0);
}

/* More completed packets than one bulk free takes: every one of them goes back to the pool. */
static void
test_tx_reclaim_many(void **state)
{
	enum { BIG = 256, SENT = 120 };
	struct virtio_tx_queue *txq = txq_new_sized(BIG);
	struct rte_mbuf *m[SENT];
	uint16_t i;

	(void)state;
	for (i = 0; i < SENT; i++) {
		m[i] = rte_pktmbuf_alloc(pool);
		assert_non_null(rte_pktmbuf_append(m[i], 60));
	}
	assert_int_equal(virtio_xmit_pkts(txq, m, SENT), SENT);
	assert_int_equal(txq->vq.nb_free, BIG - 2 * SENT);
	for (i = 0; i < SENT; i++) {
		txq->vq.used->ring[i].id = txq->vq.avail->ring[i];
		txq->vq.used->ring[i].len = 0;
	}
	rte_smp_wmb();
	txq->vq.used->idx = SENT;
	/* fewer than the threshold free: the next burst reclaims all of them first */
	m[0] = rte_pktmbuf_alloc(pool);
	assert_non_null(rte_pktmbuf_append(m[0], 60));
	assert_int_equal(virtio_xmit_pkts(txq, m, 1), 1);
	assert_int_equal(txq->vq.nb_free, BIG - 2);
	assert_int_equal(rte_mempool_in_use_count(pool), 1);
	txq_free(txq);
	assert_int_equal(rte_mempool_in_use_count(pool), 0);
}

/* Negotiation against the fake common configuration, which keeps whatever is written. */
static void
test_negotiate(void **state)
{
	struct virtio_hw h = hw;
	volatile uint32_t *df = (volatile uint32_t *)(bar + VIRTIO_COMMON_DF);
	volatile uint16_t *numq = (volatile uint16_t *)(bar + VIRTIO_COMMON_NUMQ);
	struct virtio_vq vq;

	(void)state;
	/* feature word 0x1 for both halves: bit 0 (checksum, not wanted) and bit 32 (VERSION_1) */
	*df = 1;
	*numq = 2;
	assert_int_equal(virtio_negotiate(&h), 0);
	assert_int_equal(h.features, RTE_BIT64(VIRTIO_F_VERSION_1));
	assert_int_equal(*(volatile uint32_t *)(bar + VIRTIO_COMMON_GF), 1);
	assert_int_equal(bar[VIRTIO_COMMON_STATUS], VIRTIO_STATUS_ACKNOWLEDGE |
		VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
	assert_int_equal(h.max_pairs, 1);
	/* without VERSION_1 the device is refused and marked failed */
	*df = 1u << VIRTIO_NET_F_MAC;
	assert_int_equal(virtio_negotiate(&h), -ENOTSUP);
	assert_int_equal(bar[VIRTIO_COMMON_STATUS], VIRTIO_STATUS_FAILED);
	/* a single virtqueue is not a network device */
	*df = 1;
	*numq = 1;
	assert_int_equal(virtio_negotiate(&h), -ENODEV);
	/* queues the device does not have, or of a size that is not a power of two */
	assert_int_equal(virtio_vq_alloc(&hw, &vq, 3, "vring_bad", 0, SOCKET_ID_ANY, NULL, NULL),
		-EINVAL);
	sizes[1] = 6;
	assert_int_equal(virtio_vq_alloc(&hw, &vq, 1, "vring_bad", 0, SOCKET_ID_ANY, NULL, NULL),
		-EINVAL);
	sizes[1] = RING;
	assert_null(rte_memzone_lookup("vring_bad"));
	bar[VIRTIO_COMMON_STATUS] = 0;
}


/*
 * A legacy virtio-net device behind simulated port I/O: the 0.9.5 register block at the start
 * of BAR0, device configuration at 0x14 (MSI-X off), queues of fixed sizes. Every access is
 * checked to be of its register's width, as a real device decodes them.
 */
#define SIM_QUEUES 3
static struct legacy_sim {
	uint32_t host_features;
	uint32_t guest_features;
	uint16_t queue_sel;
	uint16_t queue_num[SIM_QUEUES + 1];  /* the last one stays 0: the end of the list */
	uint32_t queue_pfn[SIM_QUEUES];
	uint8_t status;
	uint8_t isr;
	uint8_t cfg[16];
	int notified;                        /* last queue index written to the doorbell */
	int bad_width;                       /* accesses of the wrong size */
} sim;

static unsigned int
sim_width(off_t off)
{
	switch (off) {
	case VIRTIO_LEGACY_HOST_FEATURES:
	case VIRTIO_LEGACY_GUEST_FEATURES:
	case VIRTIO_LEGACY_QUEUE_PFN:
		return 4;
	case VIRTIO_LEGACY_QUEUE_NUM:
	case VIRTIO_LEGACY_QUEUE_SEL:
	case VIRTIO_LEGACY_QUEUE_NOTIFY:
		return 2;
	case VIRTIO_LEGACY_STATUS:
	case VIRTIO_LEGACY_ISR:
		return 1;
	default:
		return 0; /* device configuration: any width */
	}
}

static void
sim_read(struct rte_pci_ioport *p, void *data, size_t len, off_t off)
{
	uint32_t v = 0;

	(void)p;
	if (sim_width(off) != 0 && sim_width(off) != len)
		sim.bad_width++;
	switch (off) {
	case VIRTIO_LEGACY_HOST_FEATURES:
		v = sim.host_features;
		break;
	case VIRTIO_LEGACY_GUEST_FEATURES:
		v = sim.guest_features;
		break;
	case VIRTIO_LEGACY_QUEUE_PFN:
		v = sim.queue_sel < SIM_QUEUES ? sim.queue_pfn[sim.queue_sel] : 0;
		break;
	case VIRTIO_LEGACY_QUEUE_NUM:
		v = sim.queue_sel <= SIM_QUEUES ? sim.queue_num[sim.queue_sel] : 0;
		break;
	case VIRTIO_LEGACY_STATUS:
		v = sim.status;
		break;
	case VIRTIO_LEGACY_ISR:
		v = sim.isr;
		sim.isr = 0;
		break;
	default:
		if (off >= VIRTIO_LEGACY_CFG && off + len <= VIRTIO_LEGACY_CFG + sizeof(sim.cfg)) {
			memcpy(data, sim.cfg + (off - VIRTIO_LEGACY_CFG), len);
			return;
		}
		v = 0xffffffff;
	}
	memcpy(data, &v, len);
}

static void
sim_write(struct rte_pci_ioport *p, const void *data, size_t len, off_t off)
{
	uint32_t v = 0;

	(void)p;
	if (sim_width(off) == 0 || sim_width(off) != len) {
		sim.bad_width++;
		return;
	}
	memcpy(&v, data, len);
	switch (off) {
	case VIRTIO_LEGACY_GUEST_FEATURES:
		sim.guest_features = v;
		break;
	case VIRTIO_LEGACY_QUEUE_PFN:
		if (sim.queue_sel < SIM_QUEUES)
			sim.queue_pfn[sim.queue_sel] = v;
		break;
	case VIRTIO_LEGACY_QUEUE_SEL:
		sim.queue_sel = (uint16_t)v;
		break;
	case VIRTIO_LEGACY_QUEUE_NOTIFY:
		sim.notified = (int)v;
		break;
	case VIRTIO_LEGACY_STATUS:
		sim.status = (uint8_t)v;
		if (v == 0) /* reset */
			memset(sim.queue_pfn, 0, sizeof(sim.queue_pfn));
		break;
	default:
		sim.bad_width++; /* read-only register */
	}
}

static void
legacy_hw(struct virtio_hw *h)
{
	static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

	memset(h, 0, sizeof(*h));
	memset(&sim, 0, sizeof(sim));
	sim.host_features = RTE_BIT32(0) | RTE_BIT32(VIRTIO_NET_F_MAC) |
		RTE_BIT32(VIRTIO_NET_F_STATUS) | RTE_BIT32(VIRTIO_NET_F_MRG_RXBUF) |
		RTE_BIT32(VIRTIO_NET_F_CTRL_VQ) | RTE_BIT32(VIRTIO_NET_F_MQ) | RTE_BIT32(30);
	sim.queue_num[0] = 256;
	sim.queue_num[1] = 256;
	sim.queue_num[2] = 64;
	memcpy(sim.cfg + VIRTIO_NET_CFG_MAC, mac, sizeof(mac));
	sim.cfg[VIRTIO_NET_CFG_STATUS] = VIRTIO_NET_S_LINK_UP;
	sim.cfg[VIRTIO_NET_CFG_MAX_PAIRS] = 1;
	sim.notified = -1;
	h->io_read = sim_read;
	h->io_write = sim_write;
	h->legacy = 1;
	snprintf(h->name, sizeof(h->name), "legacy");
}

static void
test_legacy_negotiate(void **state)
{
	struct virtio_hw h;

	(void)state;
	legacy_hw(&h);
	assert_int_equal(virtio_negotiate(&h), 0);
	/* 32 feature bits, what the driver knows of them, no FEATURES_OK step */
	assert_int_equal(h.features, RTE_BIT64(VIRTIO_NET_F_MAC) |
		RTE_BIT64(VIRTIO_NET_F_STATUS) | RTE_BIT64(VIRTIO_NET_F_MRG_RXBUF) |
		RTE_BIT64(VIRTIO_NET_F_CTRL_VQ) | RTE_BIT64(VIRTIO_NET_F_MQ));
	assert_int_equal(sim.guest_features, (uint32_t)h.features);
	assert_int_equal(sim.status, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	/* the queue list ends at the first queue of size 0 */
	assert_int_equal(h.nb_vqs, SIM_QUEUES);
	assert_int_equal(h.vq_max_size[0], 256);
	assert_int_equal(h.vq_max_size[2], 64);
	/* device configuration right after the ISR without MSI-X */
	assert_int_equal(h.max_pairs, 1);
	assert_int_equal(virtio_cfg_read8(&h, VIRTIO_NET_CFG_MAC + 3), 0x12);
	assert_int_equal(virtio_cfg_read16(&h, VIRTIO_NET_CFG_STATUS), VIRTIO_NET_S_LINK_UP);
	assert_int_equal(virtio_ops_of(&h)->cfg_generation(&h), virtio_ops_of(&h)->cfg_generation(&h));
	/* with MSI-X the two vector registers come first */
	assert_int_equal(virtio_legacy_cfg_offset(0), 0x14);
	assert_int_equal(virtio_legacy_cfg_offset(1), 0x18);
	/* the config change interrupt is acknowledged by reading the ISR */
	sim.isr = VIRTIO_ISR_CONFIG;
	assert_int_equal(virtio_read_isr(&h), VIRTIO_ISR_CONFIG);
	assert_int_equal(virtio_read_isr(&h), 0);
	/* no MSI-X: there is no config vector register to write */
	assert_int_equal(virtio_ops_of(&h)->set_config_vector(&h, 0), VIRTIO_MSI_NO_VECTOR);
	assert_int_equal(virtio_reset(&h), 0);
	assert_int_equal(sim.status, 0);
	assert_int_equal(sim.bad_width, 0);
	rte_free(h.vq_max_size);
}

/* Without MRG_RXBUF the legacy header is 10 bytes, which the shared data path does not use. */
static void
test_legacy_needs_mrg_rxbuf(void **state)
{
	struct virtio_hw h;

	(void)state;
	legacy_hw(&h);
	sim.host_features &= ~RTE_BIT32(VIRTIO_NET_F_MRG_RXBUF);
	assert_int_equal(virtio_negotiate(&h), -ENOTSUP);
	assert_int_equal(sim.status, VIRTIO_STATUS_FAILED);
	assert_null(h.vq_max_size);
	/* and a device without queues is refused */
	legacy_hw(&h);
	sim.queue_num[0] = 0;
	assert_int_equal(virtio_negotiate(&h), -ENODEV);
	assert_int_equal(sim.status, VIRTIO_STATUS_FAILED);
	assert_int_equal(sim.bad_width, 0);
}

/*
 * Rings placed by page frame number, the used ring on the next 4096-byte boundary, one
 * doorbell register for all queues; rings a legacy device cannot reach are refused.
 */
static void
test_legacy_queues(void **state)
{
	struct virtio_hw h;
	struct virtio_vq vq;
	struct rte_memzone fake_mz;
	const struct rte_memzone *real;
	size_t used_off;

	(void)state;
	legacy_hw(&h);
	assert_int_equal(virtio_negotiate(&h), 0);
	assert_int_equal(virtio_vq_alloc(&h, &vq, 1, "vring_legacy", 0, SOCKET_ID_ANY, NULL,
		NULL), 0);
	assert_null(vq.notify);
	assert_int_equal((uintptr_t)vq.desc & 4095, 0);
	used_off = (uint8_t *)(uintptr_t)vq.used - (uint8_t *)(uintptr_t)vq.desc;
	assert_int_equal(used_off, RTE_ALIGN_CEIL(16 * 256 + 2 * (3 + 256), 4096));
	/* the IOVA of a --no-huge heap is its virtual address: place it somewhere reachable */
	real = vq.mz;
	fake_mz = *real;
	fake_mz.iova = 0x12345000;
	vq.mz = &fake_mz;
	assert_int_equal(virtio_vq_program(&h, &vq), 0);
	assert_int_equal(sim.queue_pfn[1], 0x12345);
	assert_int_equal(sim.queue_pfn[0], 0);
	/* beyond 16 TiB, or not on a page: refused, nothing written */
	fake_mz.iova = RTE_BIT64(44);
	assert_int_equal(virtio_vq_program(&h, &vq), -ERANGE);
	fake_mz.iova = 0x2345800;
	assert_int_equal(virtio_vq_program(&h, &vq), -ERANGE);
	assert_int_equal(sim.queue_pfn[1], 0x12345);
	vq.mz = real;
	/* the doorbell takes the queue index; not when the device suppresses notifications */
	virtio_vq_notify(&vq);
	assert_int_equal(sim.notified, 1);
	sim.notified = -1;
	vq.used->flags = VRING_USED_F_NO_NOTIFY;
	virtio_vq_notify(&vq);
	assert_int_equal(sim.notified, -1);
	assert_int_equal(sim.bad_width, 0);
	virtio_vq_free(&vq);
	rte_free(h.vq_max_size);
}

/* force_legacy=0|1, nothing else. */
static void
test_devargs(void **state)
{
	int legacy = 7;

	(void)state;
	assert_int_equal(virtio_parse_args("d", NULL, &legacy), 0);
	assert_int_equal(legacy, 0);
	assert_int_equal(virtio_parse_args("d", "", &legacy), 0);
	assert_int_equal(virtio_parse_args("d", "force_legacy=1", &legacy), 0);
	assert_int_equal(legacy, 1);
	assert_int_equal(virtio_parse_args("d", "force_legacy=0", &legacy), 0);
	assert_int_equal(legacy, 0);
	assert_int_equal(virtio_parse_args("d", "force_legacy=2", &legacy), -EINVAL);
	assert_int_equal(virtio_parse_args("d", "force_legacy=yes", &legacy), -EINVAL);
	assert_int_equal(virtio_parse_args("d", "force_legacy", &legacy), -EINVAL);
	assert_int_equal(virtio_parse_args("d", "legacy=1", &legacy), -EINVAL);
}

/*
 * Transport choice refusals, on devices that exist nowhere (no sysfs folder, no mapping):
 * a modern-only device cannot be forced legacy nor lack its capabilities, and a legacy one
 * whose I/O BAR cannot be reached is refused with the bus's error. Nothing stays open.
 */
static void
test_transport_refused(void **state)
{
	struct rte_pci_device pci;
	struct virtio_hw h;
	int fds = test_count_fds();

	(void)state;
	memset(&pci, 0, sizeof(pci));
	snprintf(pci.name, sizeof(pci.name), "0000:7f:1f.7");
	pci.device.name = pci.name;
	pci.kdrv = RTE_PCI_KDRV_UIO_GENERIC;
	pci.id.vendor_id = VIRTIO_PCI_VENDOR_ID;
	pci.id.device_id = VIRTIO_PCI_DEV_ID_NET_MODERN;
	memset(&h, 0, sizeof(h));
	assert_int_equal(virtio_pci_init(&h, &pci, 1), -EINVAL);
	assert_int_equal(virtio_pci_init(&h, &pci, 0), -ENODEV);
	assert_null(h.common);
	pci.id.device_id = VIRTIO_PCI_DEV_ID_NET_LEGACY;
	assert_int_equal(virtio_pci_init(&h, &pci, 1), -ENOENT);
	assert_int_equal(virtio_pci_init(&h, &pci, 0), -ENOENT);
	assert_null(h.common);
	assert_int_equal(h.legacy, 0);
	virtio_pci_uninit(&h);
	assert_int_equal(test_count_fds(), fds);
}

/* A port around the fake device, enough for the functions that take an rte_eth_dev. */
struct fake_port {
	struct rte_eth_dev dev;
	struct rte_eth_dev_data data;
	struct rte_device rdev;
	struct virtio_adapter ad;
	void *rxq[1];
};

static void
fake_port_init(struct fake_port *p, uint64_t features)
{
	memset(p, 0, sizeof(*p));
	p->ad.hw = hw;
	p->ad.hw.features = features;
	p->ad.hw.max_pairs = 1;
	p->rdev.numa_node = SOCKET_ID_ANY;
	p->dev.device = &p->rdev;
	p->dev.data = &p->data;
	p->data.dev_private = &p->ad;
	p->data.port_id = 7;
	p->data.rx_queues = p->rxq;
}

/* The device side of the control queue: answers every command with 'ack'. */
struct ctrl_device {
	struct virtio_adapter *ad;
	uint8_t ack;
	uint8_t seen[4];
	atomic_int stop;
	atomic_int answered;
};

static void *
ctrl_device_run(void *arg)
{
	struct ctrl_device *cd = arg;
	struct virtio_vq *vq = cd->ad->cvq;
	uint16_t seen_idx = 0;

	while (!atomic_load(&cd->stop)) {
		volatile struct vring_desc *d = vq->desc;
		uint8_t *cmd = cd->ad->cvq_buf;
		uint16_t slot;

		if (vq->avail->idx == seen_idx) {
			rte_pause();
			continue;
		}
		rte_smp_rmb();
		/* the chain: class, command and data for the device, then a byte it writes */
		if (d[0].flags == VRING_DESC_F_NEXT && d[1].flags == VRING_DESC_F_WRITE &&
				d[1].len == 1)
			memcpy(cd->seen, cmd, RTE_MIN(d[0].len, (uint32_t)sizeof(cd->seen)));
		cmd[d[1].addr - d[0].addr] = cd->ack;
		slot = vq->used->idx & (vq->size - 1);
		vq->used->ring[slot].id = vq->avail->ring[seen_idx & (vq->size - 1)];
		vq->used->ring[slot].len = 1;
		rte_smp_wmb();
		vq->used->idx++;
		seen_idx++;
		atomic_fetch_add(&cd->answered, 1);
	}
	return NULL;
}

static void
test_ctrl_queue(void **state)
{
	struct fake_port p;
	struct ctrl_device cd;
	pthread_t th;
	uint8_t on = 1;

	(void)state;
	/* no CTRL_VQ: no control queue, commands unsupported */
	fake_port_init(&p, RTE_BIT64(VIRTIO_F_VERSION_1));
	assert_int_equal(virtio_ctrl_setup(&p.dev), 0);
	assert_null(p.ad.cvq);
	assert_int_equal(virtio_ctrl_cmd(&p.dev, VIRTIO_NET_CTRL_RX, VIRTIO_NET_CTRL_RX_PROMISC,
		&on, 1), -ENOTSUP);

	/* with it: the queue is the one after the last pair (virtqueue 2 here) */
	fake_port_init(&p, RTE_BIT64(VIRTIO_F_VERSION_1) | RTE_BIT64(VIRTIO_NET_F_CTRL_VQ));
	assert_int_equal(virtio_ctrl_setup(&p.dev), 0);
	assert_non_null(p.ad.cvq);
	assert_int_equal(p.ad.cvq->index, 2);
	memset(&cd, 0, sizeof(cd));
	cd.ad = &p.ad;
	assert_int_equal(pthread_create(&th, NULL, ctrl_device_run, &cd), 0);
	assert_int_equal(virtio_ctrl_cmd(&p.dev, VIRTIO_NET_CTRL_RX, VIRTIO_NET_CTRL_RX_ALLMULTI,
		&on, 1), 0);
	assert_int_equal(cd.seen[0], VIRTIO_NET_CTRL_RX);
	assert_int_equal(cd.seen[1], VIRTIO_NET_CTRL_RX_ALLMULTI);
	assert_int_equal(cd.seen[2], 1);
	/* the device refuses: -EIO */
	cd.ack = 1;
	assert_int_equal(virtio_ctrl_cmd(&p.dev, VIRTIO_NET_CTRL_MQ,
		VIRTIO_NET_CTRL_MQ_VQ_PAIRS_SET, &on, 1), -EIO);
	assert_int_equal(atomic_load(&cd.answered), 2);
	atomic_store(&cd.stop, 1);
	pthread_join(th, NULL);
	/* data larger than the command buffer: refused before the device sees it */
	assert_int_equal(virtio_ctrl_cmd(&p.dev, VIRTIO_NET_CTRL_RX, 0, bar, sizeof(bar)),
		-EINVAL);
	/* a device that never answers: -ETIMEDOUT after a second */
	assert_int_equal(virtio_ctrl_cmd(&p.dev, VIRTIO_NET_CTRL_RX, VIRTIO_NET_CTRL_RX_PROMISC,
		&on, 1), -ETIMEDOUT);
	virtio_ctrl_release(&p.dev);
	assert_null(p.ad.cvq);
	assert_null(rte_memzone_lookup("virtio_cvq_7"));
}

/* Queue setup refuses a pool whose buffers cannot hold a frame, allocating nothing. */
static void
test_rx_setup_small_pool(void **state)
{
	struct rte_mempool *small = rte_pktmbuf_pool_create("vring_small", 16, 0, 0,
		RTE_PKTMBUF_HEADROOM + 256, SOCKET_ID_ANY);
	struct fake_port p;

	(void)state;
	assert_non_null(small);
	fake_port_init(&p, RTE_BIT64(VIRTIO_F_VERSION_1));
	assert_int_equal(virtio_rx_queue_setup(&p.dev, 0, 256, SOCKET_ID_ANY, NULL, small),
		-EINVAL);
	assert_null(p.rxq[0]);
	assert_null(rte_memzone_lookup("virtio_rx_7_0"));
	/* with merged receive buffers the same pool is fine */
	fake_port_init(&p, RTE_BIT64(VIRTIO_F_VERSION_1) | RTE_BIT64(VIRTIO_NET_F_MRG_RXBUF));
	assert_int_equal(virtio_rx_queue_setup(&p.dev, 0, 256, SOCKET_ID_ANY, NULL, small), 0);
	assert_non_null(p.rxq[0]);
	virtio_rx_queue_release(&p.dev, 0);
	assert_null(p.rxq[0]);
	assert_null(rte_memzone_lookup("virtio_rx_7_0"));
	rte_mempool_free(small);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rx_single),
		cmocka_unit_test(test_rx_merged_partial),
		cmocka_unit_test(test_rx_malformed),
		cmocka_unit_test(test_rx_nombuf),
		cmocka_unit_test(test_rx_pool_short_of_bulk),
		cmocka_unit_test(test_tx_chains),
		cmocka_unit_test(test_tx_reclaim_many),
		cmocka_unit_test(test_negotiate),
		cmocka_unit_test(test_legacy_negotiate),
		cmocka_unit_test(test_legacy_needs_mrg_rxbuf),
		cmocka_unit_test(test_legacy_queues),
		cmocka_unit_test(test_devargs),
		cmocka_unit_test(test_transport_refused),
		cmocka_unit_test(test_ctrl_queue),
		cmocka_unit_test(test_rx_setup_small_pool),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
