/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * GTP (GPRS Tunnelling Protocol) headers: GTPv1 and the PDU session container extension.
 */
#ifndef _RTE_GTP_H_
#define _RTE_GTP_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#include <rte_udp.h>

#ifdef __cplusplus
extern "C" {
#endif

/** GTPv1 header, in network order. */
__extension__
struct rte_gtp_hdr {
	/** The flags as one byte or as bits. */
	union {
		uint8_t gtp_hdr_info; /**< the flags as one byte */
		struct {
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
			uint8_t pn:1;   /**< N-PDU number present */
			uint8_t s:1;    /**< sequence number present */
			uint8_t e:1;    /**< extension header present */
			uint8_t res1:1; /**< reserved */
			uint8_t pt:1;   /**< protocol type: 1 for GTP, 0 for GTP' */
			uint8_t ver:3;  /**< version, 1 */
#elif RTE_BYTE_ORDER == RTE_BIG_ENDIAN
			uint8_t ver:3;  /**< version, 1 */
			uint8_t pt:1;   /**< protocol type: 1 for GTP, 0 for GTP' */
			uint8_t res1:1; /**< reserved */
			uint8_t e:1;    /**< extension header present */
			uint8_t s:1;    /**< sequence number present */
			uint8_t pn:1;   /**< N-PDU number present */
#endif
		};
	};
	uint8_t msg_type; /**< message type */
	rte_be16_t plen;  /**< length after the first 8 bytes */
	rte_be32_t teid;  /**< tunnel endpoint identifier */
} __rte_packed;

/** Optional word after struct rte_gtp_hdr when e, s or pn is set. */
struct rte_gtp_hdr_ext_word {
	rte_be16_t sqn;   /**< sequence number */
	uint8_t npdu;     /**< N-PDU number */
	uint8_t next_ext; /**< type of the next extension header */
} __rte_packed;

/** PDU session container extension header, common part. */
__extension__
struct rte_gtp_psc_generic_hdr {
	uint8_t ext_hdr_len; /**< length in 4-byte words */
#if RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint8_t type:4;  /**< PDU type: 0 downlink, 1 uplink */
	uint8_t qmp:1;   /**< QoS monitoring packet */
	uint8_t pad:3;   /**< type-specific bits */
	uint8_t spare:2; /**< type-specific bits */
	uint8_t qfi:6;   /**< QoS flow identifier */
#else
	uint8_t pad:3;   /**< type-specific bits */
	uint8_t qmp:1;   /**< QoS monitoring packet */
	uint8_t type:4;  /**< PDU type: 0 downlink, 1 uplink */
	uint8_t qfi:6;   /**< QoS flow identifier */
	uint8_t spare:2; /**< type-specific bits */
#endif
	uint8_t data[0]; /**< the rest of the extension */
} __rte_packed;

/** PDU session container, downlink (type 0). */
__extension__
struct rte_gtp_psc_type0_hdr {
	uint8_t ext_hdr_len; /**< length in 4-byte words */
#if RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint8_t type:4;      /**< PDU type, 0 */
	uint8_t qmp:1;       /**< QoS monitoring packet */
	uint8_t snp:1;       /**< sequence number present */
	uint8_t spare_dl1:2; /**< spare */
	uint8_t ppp:1;       /**< paging policy presence */
	uint8_t rqi:1;       /**< reflective QoS indicator */
	uint8_t qfi:6;       /**< QoS flow identifier */
#else
	uint8_t spare_dl1:2; /**< spare */
	uint8_t snp:1;       /**< sequence number present */
	uint8_t qmp:1;       /**< QoS monitoring packet */
	uint8_t type:4;      /**< PDU type, 0 */
	uint8_t qfi:6;       /**< QoS flow identifier */
	uint8_t rqi:1;       /**< reflective QoS indicator */
	uint8_t ppp:1;       /**< paging policy presence */
#endif
	uint8_t data[0]; /**< the rest of the extension */
} __rte_packed;

/** PDU session container, uplink (type 1). */
__extension__
struct rte_gtp_psc_type1_hdr {
	uint8_t ext_hdr_len; /**< length in 4-byte words */
#if RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint8_t type:4;         /**< PDU type, 1 */
	uint8_t qmp:1;          /**< QoS monitoring packet */
	uint8_t dl_delay_ind:1; /**< downlink delay result present */
	uint8_t ul_delay_ind:1; /**< uplink delay result present */
	uint8_t snp:1;          /**< sequence number present */
	uint8_t n_delay_ind:1;  /**< N3/N9 delay result present */
	uint8_t spare_ul2:1;    /**< spare */
	uint8_t qfi:6;          /**< QoS flow identifier */
#else
	uint8_t snp:1;          /**< sequence number present */
	uint8_t ul_delay_ind:1; /**< uplink delay result present */
	uint8_t dl_delay_ind:1; /**< downlink delay result present */
	uint8_t qmp:1;          /**< QoS monitoring packet */
	uint8_t type:4;         /**< PDU type, 1 */
	uint8_t qfi:6;          /**< QoS flow identifier */
	uint8_t spare_ul2:1;    /**< spare */
	uint8_t n_delay_ind:1;  /**< N3/N9 delay result present */
#endif
	uint8_t data[0]; /**< the rest of the extension */
} __rte_packed;

/** Bytes a GTP-U encapsulation adds after the outer IP header (no options). */
#define RTE_ETHER_GTP_HLEN \
	(sizeof(struct rte_udp_hdr) + sizeof(struct rte_gtp_hdr))

#define RTE_GTP_TYPE_IPV4 0x40 /**< first byte of a tunnelled IPv4 packet (version nibble) */
#define RTE_GTP_TYPE_IPV6 0x60 /**< first byte of a tunnelled IPv6 packet (version nibble) */
#define RTE_GTPC_UDP_PORT 2123 /**< UDP port of GTP-C */
#define RTE_GTPU_UDP_PORT 2152 /**< UDP port of GTP-U */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_GTP_H_ */
