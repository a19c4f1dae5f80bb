/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Broadcom HiGig2 module header (the 16 bytes before the Ethernet header between switch chips).
 */
#ifndef _RTE_HIGIG_H_
#define _RTE_HIGIG_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/** HiGig2 fabric routing control: the first 8 bytes. */
struct rte_higig2_frc {
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
	uint32_t ksop:8;      /**< start of packet, 0xfb */
	uint32_t tc:4;        /**< traffic class */
	uint32_t mcst:1;      /**< multicast */
	uint32_t resv:3;      /**< reserved */
	uint32_t dst_modid:8; /**< destination module */
	uint32_t dst_pid:8;   /**< destination port */
	uint32_t src_modid:8; /**< source module */
	uint32_t src_pid:8;   /**< source port */
	uint32_t lbid:8;      /**< load balancing identifier */
	uint32_t ppd_type:3;  /**< format of the packet processing descriptor */
	uint32_t resv1:3;     /**< reserved */
	uint32_t dp:2;        /**< drop precedence */
#elif RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint32_t ksop:8;      /**< start of packet, 0xfb */
	uint32_t resv:3;      /**< reserved */
	uint32_t mcst:1;      /**< multicast */
	uint32_t tc:4;        /**< traffic class */
	uint32_t dst_modid:8; /**< destination module */
	uint32_t dst_pid:8;   /**< destination port */
	uint32_t src_modid:8; /**< source module */
	uint32_t src_pid:8;   /**< source port */
	uint32_t lbid:8;      /**< load balancing identifier */
	uint32_t dp:2;        /**< drop precedence */
	uint32_t resv1:3;     /**< reserved */
	uint32_t ppd_type:3;  /**< format of the packet processing descriptor */
#endif
};

/** Packet processing descriptor, type 0. */
struct rte_higig2_ppt_type0 {
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
	uint32_t mirror:1;         /**< mirrored copy */
	uint32_t mirror_done:1;    /**< mirroring done */
	uint32_t mirror_only:1;    /**< mirror only, no switching */
	uint32_t ingress_tagged:1; /**< tagged on ingress */
	uint32_t dst_tgid:3;       /**< destination trunk group */
	uint32_t dst_t:1;          /**< destination is a trunk */
	uint32_t vc_label2:4;      /**< virtual circuit label, bits 19:16 */
	uint32_t label_present:1;  /**< the label is valid */
	uint32_t l3:1;             /**< routed packet */
	uint32_t res:2;            /**< reserved */
	uint32_t vc_label1:8;      /**< virtual circuit label, bits 15:8 */
	uint32_t vc_label0:8;      /**< virtual circuit label, bits 7:0 */
	uint32_t vid_high:8;       /**< VLAN id, high byte */
	uint32_t vid_low:8;        /**< VLAN id, low byte */
	uint32_t opc:3;            /**< opcode */
	uint32_t res1:2;           /**< reserved */
	uint32_t srce_t:1;         /**< source is a trunk */
	uint32_t pf:2;             /**< port filtering mode */
	uint32_t res2:5;           /**< reserved */
	uint32_t hdr_ext_length:3; /**< length of the extension header */
#elif RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint32_t dst_t:1;          /**< destination is a trunk */
	uint32_t dst_tgid:3;       /**< destination trunk group */
	uint32_t ingress_tagged:1; /**< tagged on ingress */
	uint32_t mirror_only:1;    /**< mirror only, no switching */
	uint32_t mirror_done:1;    /**< mirroring done */
	uint32_t mirror:1;         /**< mirrored copy */
	uint32_t res:2;            /**< reserved */
	uint32_t l3:1;             /**< routed packet */
	uint32_t label_present:1;  /**< the label is valid */
	uint32_t vc_label2:4;      /**< virtual circuit label, bits 19:16 */
	uint32_t vc_label1:8;      /**< virtual circuit label, bits 15:8 */
	uint32_t vc_label0:8;      /**< virtual circuit label, bits 7:0 */
	uint32_t vid_high:8;       /**< VLAN id, high byte */
	uint32_t vid_low:8;        /**< VLAN id, low byte */
	uint32_t pf:2;             /**< port filtering mode */
	uint32_t srce_t:1;         /**< source is a trunk */
	uint32_t res1:2;           /**< reserved */
	uint32_t opc:3;            /**< opcode */
	uint32_t hdr_ext_length:3; /**< length of the extension header */
	uint32_t res2:5;           /**< reserved */
#endif
};

/** Packet processing descriptor, type 1. */
__extension__
struct rte_higig2_ppt_type1 {
	uint16_t classification; /**< classification tag */
	uint16_t resv;           /**< reserved */
	uint16_t vid;            /**< VLAN id */
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
	uint16_t opcode:3;      /**< opcode */
	uint16_t resv1:2;       /**< reserved */
	uint16_t src_t:1;       /**< source is a trunk */
	uint16_t pfm:2;         /**< port filtering mode */
	uint16_t resv2:5;       /**< reserved */
	uint16_t hdr_ext_len:3; /**< length of the extension header */
#elif RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint16_t pfm:2;         /**< port filtering mode */
	uint16_t src_t:1;       /**< source is a trunk */
	uint16_t resv1:2;       /**< reserved */
	uint16_t opcode:3;      /**< opcode */
	uint16_t hdr_ext_len:3; /**< length of the extension header */
	uint16_t resv2:5;       /**< reserved */
#endif
};

/** HiGig2 header: routing control and one of the descriptor formats. */
RTE_STD_C11
struct rte_higig2_hdr {
	struct rte_higig2_frc fcr; /**< fabric routing control */
	/** The descriptor, by format (fcr.ppd_type). */
	union {
		struct rte_higig2_ppt_type0 ppt0; /**< descriptor, type 0 */
		struct rte_higig2_ppt_type1 ppt1; /**< descriptor, type 1 */
	};
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_HIGIG_H_ */
