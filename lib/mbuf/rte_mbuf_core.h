/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * struct rte_mbuf and its offload flags. The layout is the one DPDK 22.11 applications and
 * drivers are compiled against: fields written on every receive sit in the first cache line,
 * transmit/slow-path fields in the second.
 */
#ifndef _RTE_MBUF_CORE_H_
#define _RTE_MBUF_CORE_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_memory.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Receive flags: what the NIC found or did. */
#define RTE_MBUF_F_RX_VLAN (1ULL << 0) /**< the packet had a VLAN tag; vlan_tci is valid */
#define RTE_MBUF_F_RX_RSS_HASH (1ULL << 1) /**< hash.rss is valid */
#define RTE_MBUF_F_RX_FDIR (1ULL << 2) /**< a flow director rule matched */
#define RTE_MBUF_F_RX_OUTER_IP_CKSUM_BAD (1ULL << 5) /**< outer IP checksum is wrong */
#define RTE_MBUF_F_RX_VLAN_STRIPPED (1ULL << 6) /**< the VLAN tag was removed into vlan_tci */
#define RTE_MBUF_F_RX_IP_CKSUM_MASK ((1ULL << 4) | (1ULL << 7)) /**< IP checksum status bits */
#define RTE_MBUF_F_RX_IP_CKSUM_UNKNOWN 0 /**< IP checksum not checked */
#define RTE_MBUF_F_RX_IP_CKSUM_BAD (1ULL << 4) /**< IP checksum is wrong */
#define RTE_MBUF_F_RX_IP_CKSUM_GOOD (1ULL << 7) /**< IP checksum is right */
/** IP checksum not computed in the packet */
#define RTE_MBUF_F_RX_IP_CKSUM_NONE ((1ULL << 4) | (1ULL << 7))
#define RTE_MBUF_F_RX_L4_CKSUM_MASK ((1ULL << 3) | (1ULL << 8)) /**< L4 checksum status bits */
#define RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN 0 /**< L4 checksum not checked */
#define RTE_MBUF_F_RX_L4_CKSUM_BAD (1ULL << 3) /**< L4 checksum is wrong */
#define RTE_MBUF_F_RX_L4_CKSUM_GOOD (1ULL << 8) /**< L4 checksum is right */
/** L4 checksum not computed in the packet */
#define RTE_MBUF_F_RX_L4_CKSUM_NONE ((1ULL << 3) | (1ULL << 8))
#define RTE_MBUF_F_RX_IEEE1588_PTP (1ULL << 9) /**< IEEE 1588 PTP frame */
#define RTE_MBUF_F_RX_IEEE1588_TMST (1ULL << 10) /**< IEEE 1588 frame timestamped by the NIC */
#define RTE_MBUF_F_RX_FDIR_ID (1ULL << 13) /**< hash.fdir.hi holds the flow director id */
#define RTE_MBUF_F_RX_FDIR_FLX (1ULL << 14) /**< hash.fdir holds flexible bytes */
#define RTE_MBUF_F_RX_QINQ_STRIPPED (1ULL << 15) /**< both QinQ tags were removed */
#define RTE_MBUF_F_RX_LRO (1ULL << 16) /**< packet built by LRO */
#define RTE_MBUF_F_RX_SEC_OFFLOAD (1ULL << 18) /**< security offload processed the packet */
#define RTE_MBUF_F_RX_SEC_OFFLOAD_FAILED (1ULL << 19) /**< security offload failed */
/** the packet had two VLAN tags; vlan_tci_outer is valid */
#define RTE_MBUF_F_RX_QINQ (1ULL << 20)
/** outer L4 checksum status bits */
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK ((1ULL << 21) | (1ULL << 22))
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN 0 /**< outer L4 checksum not checked */
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_BAD (1ULL << 21) /**< outer L4 checksum is wrong */
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_GOOD (1ULL << 22) /**< outer L4 checksum is right */
/** outer L4 checksum not usable */
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_INVALID ((1ULL << 21) | (1ULL << 22))
#define RTE_MBUF_F_FIRST_FREE (1ULL << 23) /**< first bit free for dynamic flags */
#define RTE_MBUF_F_LAST_FREE (1ULL << 40) /**< last bit free for dynamic flags */

/* Transmit flags: what the application asks the NIC to do. */
#define RTE_MBUF_F_TX_OUTER_UDP_CKSUM (1ULL << 41) /**< compute the outer UDP checksum */
#define RTE_MBUF_F_TX_UDP_SEG (1ULL << 42) /**< UDP segmentation offload */
#define RTE_MBUF_F_TX_SEC_OFFLOAD (1ULL << 43) /**< security offload */
#define RTE_MBUF_F_TX_MACSEC (1ULL << 44) /**< MACsec offload */
#define RTE_MBUF_F_TX_TUNNEL_VXLAN (0x1ULL << 45) /**< tunnel type: VXLAN */
#define RTE_MBUF_F_TX_TUNNEL_GRE (0x2ULL << 45) /**< tunnel type: GRE */
#define RTE_MBUF_F_TX_TUNNEL_IPIP (0x3ULL << 45) /**< tunnel type: IP in IP */
#define RTE_MBUF_F_TX_TUNNEL_GENEVE (0x4ULL << 45) /**< tunnel type: Geneve */
#define RTE_MBUF_F_TX_TUNNEL_MPLSINUDP (0x5ULL << 45) /**< tunnel type: MPLS in UDP */
#define RTE_MBUF_F_TX_TUNNEL_VXLAN_GPE (0x6ULL << 45) /**< tunnel type: VXLAN-GPE */
#define RTE_MBUF_F_TX_TUNNEL_GTP (0x7ULL << 45) /**< tunnel type: GTP */
#define RTE_MBUF_F_TX_TUNNEL_ESP (0x8ULL << 45) /**< tunnel type: ESP */
#define RTE_MBUF_F_TX_TUNNEL_IP (0xDULL << 45) /**< tunnel type: generic IP */
#define RTE_MBUF_F_TX_TUNNEL_UDP (0xEULL << 45) /**< tunnel type: generic UDP */
#define RTE_MBUF_F_TX_TUNNEL_MASK (0xFULL << 45) /**< tunnel type bits */
#define RTE_MBUF_F_TX_QINQ (1ULL << 49) /**< insert two VLAN tags */
#define RTE_MBUF_F_TX_TCP_SEG (1ULL << 50) /**< TCP segmentation offload (TSO) */
#define RTE_MBUF_F_TX_IEEE1588_TMST (1ULL << 51) /**< timestamp this IEEE 1588 frame */
#define RTE_MBUF_F_TX_L4_NO_CKSUM (0ULL << 52) /**< no L4 checksum offload */
#define RTE_MBUF_F_TX_TCP_CKSUM (1ULL << 52) /**< compute the TCP checksum */
#define RTE_MBUF_F_TX_SCTP_CKSUM (2ULL << 52) /**< compute the SCTP checksum */
#define RTE_MBUF_F_TX_UDP_CKSUM (3ULL << 52) /**< compute the UDP checksum */
#define RTE_MBUF_F_TX_L4_MASK (3ULL << 52) /**< L4 checksum request bits */
#define RTE_MBUF_F_TX_IP_CKSUM (1ULL << 54) /**< compute the IPv4 header checksum */
#define RTE_MBUF_F_TX_IPV4 (1ULL << 55) /**< the packet is IPv4 */
#define RTE_MBUF_F_TX_IPV6 (1ULL << 56) /**< the packet is IPv6 */
#define RTE_MBUF_F_TX_VLAN (1ULL << 57) /**< insert the VLAN tag vlan_tci */
#define RTE_MBUF_F_TX_OUTER_IP_CKSUM (1ULL << 58) /**< compute the outer IPv4 checksum */
#define RTE_MBUF_F_TX_OUTER_IPV4 (1ULL << 59) /**< the outer header is IPv4 */
#define RTE_MBUF_F_TX_OUTER_IPV6 (1ULL << 60) /**< the outer header is IPv6 */

/** Every transmit flag. */
#define RTE_MBUF_F_TX_OFFLOAD_MASK (RTE_MBUF_F_TX_OUTER_IPV6 | RTE_MBUF_F_TX_OUTER_IPV4 | \
	RTE_MBUF_F_TX_OUTER_IP_CKSUM | RTE_MBUF_F_TX_VLAN | RTE_MBUF_F_TX_IPV6 | \
	RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK | \
	RTE_MBUF_F_TX_IEEE1588_TMST | RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_QINQ | \
	RTE_MBUF_F_TX_TUNNEL_MASK | RTE_MBUF_F_TX_MACSEC | RTE_MBUF_F_TX_SEC_OFFLOAD | \
	RTE_MBUF_F_TX_UDP_SEG | RTE_MBUF_F_TX_OUTER_UDP_CKSUM)

/** The buffer is external memory described by shinfo. */
#define RTE_MBUF_F_EXTERNAL (1ULL << 61)
/** The mbuf is attached to (shares the buffer of) another mbuf. */
#define RTE_MBUF_F_INDIRECT (1ULL << 62)

/** Alignment of the private area between the mbuf and its buffer. */
#define RTE_MBUF_PRIV_ALIGN 8

/** Default buffer size: 2 KB of data room plus the headroom. */
#define RTE_MBUF_DEFAULT_DATAROOM 2048
/** Default buffer size: RTE_MBUF_DEFAULT_DATAROOM plus headroom. */
#define RTE_MBUF_DEFAULT_BUF_SIZE (RTE_MBUF_DEFAULT_DATAROOM + RTE_PKTMBUF_HEADROOM)

/** Traffic-manager information carried in hash. */
struct rte_mbuf_sched {
	uint32_t queue_id; /**< traffic manager queue */
	uint8_t traffic_class; /**< traffic class */
	uint8_t color; /**< color (drop precedence) */
	uint16_t reserved; /**< reserved */
};

/* Widths of the tx_offload bit fields. */
#define RTE_MBUF_L2_LEN_BITS 7 /**< bits of l2_len */
#define RTE_MBUF_L3_LEN_BITS 9 /**< bits of l3_len */
#define RTE_MBUF_L4_LEN_BITS 8 /**< bits of l4_len */
#define RTE_MBUF_TSO_SEGSZ_BITS 16 /**< bits of tso_segsz */
#define RTE_MBUF_OUTL3_LEN_BITS 9 /**< bits of outer_l3_len */
#define RTE_MBUF_OUTL2_LEN_BITS 7 /**< bits of outer_l2_len */
/** Bits of tx_offload left unused. */
#define RTE_MBUF_TXOFLD_UNUSED_BITS (sizeof(uint64_t) * CHAR_BIT - \
	RTE_MBUF_L2_LEN_BITS - RTE_MBUF_L3_LEN_BITS - RTE_MBUF_L4_LEN_BITS - \
	RTE_MBUF_TSO_SEGSZ_BITS - RTE_MBUF_OUTL3_LEN_BITS - RTE_MBUF_OUTL2_LEN_BITS)

/* Positions of the tx_offload bit fields. */
#define RTE_MBUF_L2_LEN_OFS 0 /**< first bit of l2_len */
/** first bit of l3_len */
#define RTE_MBUF_L3_LEN_OFS (RTE_MBUF_L2_LEN_OFS + RTE_MBUF_L2_LEN_BITS)
/** first bit of l4_len */
#define RTE_MBUF_L4_LEN_OFS (RTE_MBUF_L3_LEN_OFS + RTE_MBUF_L3_LEN_BITS)
/** first bit of tso_segsz */
#define RTE_MBUF_TSO_SEGSZ_OFS (RTE_MBUF_L4_LEN_OFS + RTE_MBUF_L4_LEN_BITS)
/** first bit of outer_l3_len */
#define RTE_MBUF_OUTL3_LEN_OFS (RTE_MBUF_TSO_SEGSZ_OFS + RTE_MBUF_TSO_SEGSZ_BITS)
/** first bit of outer_l2_len */
#define RTE_MBUF_OUTL2_LEN_OFS (RTE_MBUF_OUTL3_LEN_OFS + RTE_MBUF_OUTL3_LEN_BITS)
/** first unused bit */
#define RTE_MBUF_TXOFLD_UNUSED_OFS (RTE_MBUF_OUTL2_LEN_OFS + RTE_MBUF_OUTL2_LEN_BITS)

struct rte_mbuf_ext_shared_info;

/** A packet buffer (or one segment of a packet). */
struct rte_mbuf {
	RTE_MARKER cacheline0; /**< start of the first cache line */

	void *buf_addr;          /**< start of the buffer */
	rte_iova_t buf_iova __rte_aligned(sizeof(rte_iova_t)); /**< its IOVA, for DMA */

	/* The next 8 bytes are rewritten in one store when a receive descriptor is rearmed. */
	RTE_MARKER64 rearm_data; /**< data_off to port, rewritten in one store when rearming */
	uint16_t data_off;       /**< start of the data, from buf_addr */
	uint16_t refcnt;         /**< references to this buffer, updated atomically */
	uint16_t nb_segs;        /**< segments in the chain (first segment only) */
	uint16_t port;           /**< input port */

	uint64_t ol_flags;       /**< RTE_MBUF_F_* */

	/** Start of the fields filled from the receive descriptor. */
	RTE_MARKER rx_descriptor_fields1;

	/** Packet type, as one word or by layer. */
	RTE_STD_C11
	union {
		uint32_t packet_type; /**< RTE_PTYPE_* */
		__extension__
		struct {
			uint8_t l2_type:4; /**< L2 packet type */
			uint8_t l3_type:4; /**< L3 packet type */
			uint8_t l4_type:4; /**< L4 packet type */
			uint8_t tun_type:4; /**< tunnel type */
			RTE_STD_C11
			union {
				/** ESP next protocol of the inner packet */
				uint8_t inner_esp_next_proto;
				__extension__
				struct {
					uint8_t inner_l2_type:4; /**< inner L2 type */
					uint8_t inner_l3_type:4; /**< inner L3 type */
				};
			};
			uint8_t inner_l4_type:4; /**< inner L4 type */
		};
	};

	uint32_t pkt_len;        /**< bytes in the whole chain */
	uint16_t data_len;       /**< bytes in this segment */
	uint16_t vlan_tci;       /**< VLAN TCI (host order), valid with RTE_MBUF_F_RX_VLAN */

	/** Hash or match data written by the NIC or the application. */
	RTE_STD_C11
	union {
		union {
			uint32_t rss;    /**< RSS hash, with RTE_MBUF_F_RX_RSS_HASH */
			struct {
				union {
					struct {
						uint16_t hash; /**< flow director hash */
						uint16_t id; /**< flow director filter id */
					};
					uint32_t lo; /**< low word of the flow director data */
				};
				uint32_t hi; /**< flow director id or flexible bytes */
			} fdir;          /**< flow director match */
			struct rte_mbuf_sched sched; /**< traffic manager data */
			struct {
				uint32_t reserved1; /**< reserved */
				uint16_t reserved2; /**< reserved */
				uint16_t txq; /**< event adapter transmit queue */
			} txadapter; /**< event transmit adapter data */
			uint32_t usr; /**< user data */
		} hash; /**< hash or match data, depending on ol_flags */
	};

	uint16_t vlan_tci_outer; /**< outer VLAN TCI, with RTE_MBUF_F_RX_QINQ */
	uint16_t buf_len;        /**< size of the buffer */
	struct rte_mempool *pool; /**< pool the mbuf came from */

	/* Second cache line: transmit and slow-path fields. */
	RTE_MARKER cacheline1 __rte_cache_min_aligned; /**< start of the second cache line */

	struct rte_mbuf *next;   /**< next segment, NULL in the last one */

	/** Header lengths for transmit offloads. */
	RTE_STD_C11
	union {
		uint64_t tx_offload; /**< all the lengths below in one word */
		__extension__
		struct {
			uint64_t l2_len:RTE_MBUF_L2_LEN_BITS; /**< L2 header length */
			uint64_t l3_len:RTE_MBUF_L3_LEN_BITS; /**< L3 header length */
			uint64_t l4_len:RTE_MBUF_L4_LEN_BITS; /**< L4 header length */
			uint64_t tso_segsz:RTE_MBUF_TSO_SEGSZ_BITS; /**< TSO segment size */
			/** outer L3 header length */
			uint64_t outer_l3_len:RTE_MBUF_OUTL3_LEN_BITS;
			/** outer L2 header length */
			uint64_t outer_l2_len:RTE_MBUF_OUTL2_LEN_BITS;
		};
	};

	struct rte_mbuf_ext_shared_info *shinfo; /**< with RTE_MBUF_F_EXTERNAL */

	uint16_t priv_size;      /**< application area between the mbuf and its buffer */
	uint16_t timesync;       /**< IEEE 1588 timestamp register index */
	uint32_t dynfield1[9];   /**< space for dynamic fields */
} __rte_cache_aligned;

/** Called to release an external buffer when its last reference goes. */
typedef void (*rte_mbuf_extbuf_free_callback_t)(void *addr, void *opaque);

/** Describes an external buffer shared by several mbufs. */
struct rte_mbuf_ext_shared_info {
	rte_mbuf_extbuf_free_callback_t free_cb; /**< frees the buffer when refcnt drops to 0 */
	void *fcb_opaque; /**< second argument of free_cb */
	uint16_t refcnt; /**< references to the buffer */
};

/** Most segments in one packet. */
#define RTE_MBUF_MAX_NB_SEGS UINT16_MAX

/** mb is attached to another mbuf's buffer. */
#define RTE_MBUF_CLONED(mb) ((mb)->ol_flags & RTE_MBUF_F_INDIRECT)
/** mb carries an external buffer. */
#define RTE_MBUF_HAS_EXTBUF(mb) ((mb)->ol_flags & RTE_MBUF_F_EXTERNAL)
/** mb owns its buffer. */
#define RTE_MBUF_DIRECT(mb) (!((mb)->ol_flags & (RTE_MBUF_F_INDIRECT | RTE_MBUF_F_EXTERNAL)))

/** Pointer to the data of m at offset o, as type t. */
#define rte_pktmbuf_mtod_offset(m, t, o) ((t)(void *)((char *)(m)->buf_addr + (m)->data_off + (o)))
/** Pointer to the start of the data of m, as type t. */
#define rte_pktmbuf_mtod(m, t) rte_pktmbuf_mtod_offset(m, t, 0)
/** IOVA of the data of m at offset o. */
#define rte_pktmbuf_iova_offset(m, o) (rte_iova_t)((m)->buf_iova + (m)->data_off + (o))
/** IOVA of the start of the data of m. */
#define rte_pktmbuf_iova(m) rte_pktmbuf_iova_offset(m, 0)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_CORE_H_ */
