/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Data path: frames are copied between mbufs and the rings the kernel shares with us. The
 * status word of a frame says who owns it; it is read with acquire and written with release
 * ordering so that the frame's bytes are seen complete on either side. No locks, no logging.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_packet.h>

#include <rte_byteorder.h>
#include <rte_ether.h>

#include "afp_private.h"

#define AFP_VLAN_TAG_LEN 4
/* Where a tx frame's bytes start without PACKET_TX_HAS_OFF: right after the header. */
#define AFP_TX_DATA_OFF (TPACKET2_HDRLEN - sizeof(struct sockaddr_ll))

static inline uint32_t
ring_next(const struct afp_ring *r, uint32_t idx)
{
	return idx + 1 == r->nb_frames ? 0 : idx + 1;
}

/* Append len bytes to the chain whose last segment is *tail, growing it from mp. */
static inline int
chain_put(struct rte_mempool *mp, struct rte_mbuf *head, struct rte_mbuf **tail,
		const uint8_t *src, uint32_t len)
{
	struct rte_mbuf *seg = *tail;

	while (len > 0) {
		uint32_t chunk = RTE_MIN(len, (uint32_t)rte_pktmbuf_tailroom(seg));

		if (chunk == 0) {
			struct rte_mbuf *next = rte_pktmbuf_alloc(mp);

			if (unlikely(next == NULL))
				return -ENOBUFS;
			seg->next = next;
			head->nb_segs++;
			seg = next;
			*tail = seg;
			continue;
		}
		memcpy(rte_pktmbuf_mtod_offset(seg, uint8_t *, seg->data_len), src, chunk);
		seg->data_len = (uint16_t)(seg->data_len + chunk);
		head->pkt_len += chunk;
		src += chunk;
		len -= chunk;
	}
	return 0;
}

/*
 * One received frame into an mbuf (chain). The kernel hands VLAN tags out of band: they are
 * put back into the bytes unless the application asked for them stripped.
 * 0, -ENOBUFS (pool empty: the frame stays in the ring) or -E2BIG (dropped).
 */
static inline int
frame_to_mbuf(struct afp_rx_queue *q, const struct tpacket2_hdr *h, uint32_t status,
		struct rte_mbuf **out)
{
	const uint8_t *data = (const uint8_t *)h + h->tp_mac;
	uint32_t len = h->tp_snaplen;
	int reinsert = 0;
	uint8_t tag[AFP_VLAN_TAG_LEN];
	struct rte_mbuf *m, *tail;
	int ret;

	if ((status & TP_STATUS_VLAN_VALID) && !q->vlan_strip && len >= 2 * RTE_ETHER_ADDR_LEN) {
		uint16_t tpid = (status & TP_STATUS_VLAN_TPID_VALID) && h->tp_vlan_tpid != 0 ?
			h->tp_vlan_tpid : RTE_ETHER_TYPE_VLAN;
		uint16_t be_tpid = rte_cpu_to_be_16(tpid);
		uint16_t be_tci = rte_cpu_to_be_16(h->tp_vlan_tci);

		memcpy(tag, &be_tpid, 2);
		memcpy(tag + 2, &be_tci, 2);
		reinsert = 1;
	}
	if (unlikely(len + (reinsert ? AFP_VLAN_TAG_LEN : 0) > q->buf_len && !q->scatter))
		return -E2BIG;
	m = rte_pktmbuf_alloc(q->mb_pool);
	if (unlikely(m == NULL))
		return -ENOBUFS;
	tail = m;
	if (likely(!reinsert)) {
		ret = chain_put(q->mb_pool, m, &tail, data, len);
	} else {
		ret = chain_put(q->mb_pool, m, &tail, data, 2 * RTE_ETHER_ADDR_LEN);
		if (ret == 0)
			ret = chain_put(q->mb_pool, m, &tail, tag, AFP_VLAN_TAG_LEN);
		if (ret == 0)
			ret = chain_put(q->mb_pool, m, &tail, data + 2 * RTE_ETHER_ADDR_LEN,
				len - 2 * RTE_ETHER_ADDR_LEN);
	}
	if (unlikely(ret < 0)) {
		rte_pktmbuf_free(m);
		return ret;
	}
	if (status & TP_STATUS_VLAN_VALID) {
		m->vlan_tci = h->tp_vlan_tci;
		m->ol_flags |= RTE_MBUF_F_RX_VLAN;
		if (q->vlan_strip)
			m->ol_flags |= RTE_MBUF_F_RX_VLAN_STRIPPED;
	}
	m->port = q->port_id;
	*out = m;
	return 0;
}

uint16_t
afp_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct afp_rx_queue *q = queue;
	struct afp_ring *r = &q->ring;
	uint32_t idx = r->next;
	uint64_t bytes = 0;
	uint16_t n = 0;

	while (n < nb_pkts) {
		struct tpacket2_hdr *h = (struct tpacket2_hdr *)r->frames[idx];
		uint32_t status = __atomic_load_n(&h->tp_status, __ATOMIC_ACQUIRE);
		int ret;

		if (!(status & TP_STATUS_USER))
			break;
		ret = frame_to_mbuf(q, h, status, &bufs[n]);
		if (unlikely(ret == -ENOBUFS)) {
			q->nombuf++;
			break;
		}
		if (likely(ret == 0)) {
			bytes += bufs[n]->pkt_len;
			n++;
		} else {
			q->stats.errs++;
		}
		__atomic_store_n(&h->tp_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
		idx = ring_next(r, idx);
	}
	r->next = idx;
	q->stats.pkts += n;
	q->stats.bytes += bytes;
	return n;
}

/* Copy len bytes of m from offset off to dst, whatever its segments. */
static inline void
mbuf_copy_out(const struct rte_mbuf *m, uint32_t off, uint32_t len, uint8_t *dst)
{
	const void *p = rte_pktmbuf_read(m, off, len, dst);

	if (p != dst)
		memcpy(dst, p, len);
}

uint16_t
afp_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct afp_tx_queue *q = queue;
	struct afp_ring *r = &q->ring;
	uint32_t idx = r->next;
	uint64_t bytes = 0;
	uint16_t i, queued = 0;

	for (i = 0; i < nb_pkts; i++) {
		struct rte_mbuf *m = bufs[i];
		int tagged = (m->ol_flags & RTE_MBUF_F_TX_VLAN) &&
			m->pkt_len >= 2 * RTE_ETHER_ADDR_LEN;
		uint32_t len = m->pkt_len + (tagged ? AFP_VLAN_TAG_LEN : 0);
		struct tpacket2_hdr *h = (struct tpacket2_hdr *)r->frames[idx];
		uint32_t status;
		uint8_t *dst;

		if (unlikely(len > q->room)) {
			q->stats.errs++;
			rte_pktmbuf_free(m);
			continue;
		}
		/* Some kernels leave timestamp bits in the status of a frame they have sent. */
		status = __atomic_load_n(&h->tp_status, __ATOMIC_ACQUIRE) &
			~(TP_STATUS_TS_SOFTWARE | TP_STATUS_TS_RAW_HARDWARE);
		/* Still owned by the kernel: the ring is full, the rest waits for a later call. */
		if (status != TP_STATUS_AVAILABLE && status != TP_STATUS_WRONG_FORMAT)
			break;
		dst = (uint8_t *)h + AFP_TX_DATA_OFF;
		if (likely(!tagged)) {
			mbuf_copy_out(m, 0, len, dst);
		} else {
			uint16_t be_tpid = rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN);
			uint16_t be_tci = rte_cpu_to_be_16(m->vlan_tci);

			mbuf_copy_out(m, 0, 2 * RTE_ETHER_ADDR_LEN, dst);
			memcpy(dst + 2 * RTE_ETHER_ADDR_LEN, &be_tpid, 2);
			memcpy(dst + 2 * RTE_ETHER_ADDR_LEN + 2, &be_tci, 2);
			mbuf_copy_out(m, 2 * RTE_ETHER_ADDR_LEN,
				m->pkt_len - 2 * RTE_ETHER_ADDR_LEN,
				dst + 2 * RTE_ETHER_ADDR_LEN + AFP_VLAN_TAG_LEN);
		}
		h->tp_len = len;
		h->tp_snaplen = len;
		__atomic_store_n(&h->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
		idx = ring_next(r, idx);
		bytes += len;
		queued++;
		rte_pktmbuf_free(m);
	}
	r->next = idx;
	if (queued == 0)
		return i;
	/*
	 * One system call sends every frame queued. When the kernel is short of buffers the frames
	 * stay requested and go with the next call; any other failure (interface down) is counted.
	 */
	if (sendto(q->fd, NULL, 0, MSG_DONTWAIT, NULL, 0) < 0 && errno != ENOBUFS &&
			errno != EAGAIN && errno != EINTR) {
		q->stats.errs += queued;
		return i;
	}
	q->stats.pkts += queued;
	q->stats.bytes += bytes;
	return i;
}
