/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * L2TPv2 headers (RFC 2661). Which optional fields a message carries depends on the flags of
 * its common header; the message structures below cover each combination.
 */
#ifndef _RTE_L2TPV2_H_
#define _RTE_L2TPV2_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Flags and version of each message type, as the first 16 bits read in host order. */
#define RTE_L2TPV2_MSG_TYPE_CONTROL    0xC802 /**< control message: T, L, S set */
#define RTE_L2TPV2_MSG_TYPE_DATA       0x0002 /**< data, no optional field */
#define RTE_L2TPV2_MSG_TYPE_DATA_L     0x4002 /**< data with length */
#define RTE_L2TPV2_MSG_TYPE_DATA_S     0x0802 /**< data with Ns and Nr */
#define RTE_L2TPV2_MSG_TYPE_DATA_O     0x0202 /**< data with offset */
#define RTE_L2TPV2_MSG_TYPE_DATA_L_S   0x4802 /**< data with length, Ns and Nr */
#define RTE_L2TPV2_MSG_TYPE_DATA_L_O   0x4202 /**< data with length and offset */
#define RTE_L2TPV2_MSG_TYPE_DATA_S_O   0x0A02 /**< data with Ns, Nr and offset */
#define RTE_L2TPV2_MSG_TYPE_DATA_L_S_O 0x4A02 /**< data with every optional field */

/** The first 16 bits: flags and version. */
RTE_STD_C11
struct rte_l2tpv2_common_hdr {
	/** Flags and version as one field or as bits. */
	union {
		rte_be16_t flags_version; /**< the whole field */
		__extension__
		struct {
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
			uint16_t ver:4;  /**< version, 2 */
			uint16_t res3:4; /**< reserved */
			uint16_t p:1;    /**< priority */
			uint16_t o:1;    /**< offset size present */
			uint16_t res2:1; /**< reserved */
			uint16_t s:1;    /**< Ns and Nr present */
			uint16_t res1:2; /**< reserved */
			uint16_t l:1;    /**< length present */
			uint16_t t:1;    /**< control message */
#elif RTE_BYTE_ORDER == RTE_BIG_ENDIAN
			uint16_t t:1;    /**< control message */
			uint16_t l:1;    /**< length present */
			uint16_t res1:2; /**< reserved */
			uint16_t s:1;    /**< Ns and Nr present */
			uint16_t res2:1; /**< reserved */
			uint16_t o:1;    /**< offset size present */
			uint16_t p:1;    /**< priority */
			uint16_t res3:4; /**< reserved */
			uint16_t ver:4;  /**< version, 2 */
#endif
		};
	};
};

/** Type 0: length, Ns/Nr and offset present. */
struct rte_l2tpv2_msg_with_all_options {
	rte_be16_t length;        /**< message length */
	rte_be16_t tunnel_id;     /**< tunnel id */
	rte_be16_t session_id;    /**< session id */
	rte_be16_t ns;            /**< sequence number of this message */
	rte_be16_t nr;            /**< next sequence number expected */
	rte_be16_t offset_size;   /**< bytes of padding before the payload */
	uint8_t *offset_padding;  /**< the padding */
} __rte_packed;

/** Type 1: Ns/Nr and offset, no length. */
struct rte_l2tpv2_msg_without_length {
	rte_be16_t tunnel_id;     /**< tunnel id */
	rte_be16_t session_id;    /**< session id */
	rte_be16_t ns;            /**< sequence number of this message */
	rte_be16_t nr;            /**< next sequence number expected */
	rte_be16_t offset_size;   /**< bytes of padding before the payload */
	uint8_t *offset_padding;  /**< the padding */
} __rte_packed;

/** Type 2: length and offset, no Ns/Nr. */
struct rte_l2tpv2_msg_without_ns_nr {
	rte_be16_t length;        /**< message length */
	rte_be16_t tunnel_id;     /**< tunnel id */
	rte_be16_t session_id;    /**< session id */
	rte_be16_t offset_size;   /**< bytes of padding before the payload */
	uint8_t *offset_padding;  /**< the padding */
};

/** Type 3: length and Ns/Nr, no offset (control messages). */
struct rte_l2tpv2_msg_without_offset {
	rte_be16_t length;     /**< message length */
	rte_be16_t tunnel_id;  /**< tunnel id */
	rte_be16_t session_id; /**< session id */
	rte_be16_t ns;         /**< sequence number of this message */
	rte_be16_t nr;         /**< next sequence number expected */
};

/** Type 4: offset only. */
struct rte_l2tpv2_msg_with_offset {
	rte_be16_t tunnel_id;     /**< tunnel id */
	rte_be16_t session_id;    /**< session id */
	rte_be16_t offset_size;   /**< bytes of padding before the payload */
	uint8_t *offset_padding;  /**< the padding */
} __rte_packed;

/** Type 5: Ns/Nr only. */
struct rte_l2tpv2_msg_with_ns_nr {
	rte_be16_t tunnel_id;  /**< tunnel id */
	rte_be16_t session_id; /**< session id */
	rte_be16_t ns;         /**< sequence number of this message */
	rte_be16_t nr;         /**< next sequence number expected */
};

/** Type 6: length only. */
struct rte_l2tpv2_msg_with_length {
	rte_be16_t length;     /**< message length */
	rte_be16_t tunnel_id;  /**< tunnel id */
	rte_be16_t session_id; /**< session id */
};

/** Type 7: no optional field. */
struct rte_l2tpv2_msg_without_all_options {
	rte_be16_t tunnel_id;  /**< tunnel id */
	rte_be16_t session_id; /**< session id */
};

/** Common header and the rest of the header, whatever its options. */
RTE_STD_C11
struct rte_l2tpv2_combined_msg_hdr {
	struct rte_l2tpv2_common_hdr common; /**< flags and version */
	/** The rest of the header, by the options present. */
	union {
		struct rte_l2tpv2_msg_with_all_options type0;    /**< L, S, O */
		struct rte_l2tpv2_msg_without_length type1;      /**< S, O */
		struct rte_l2tpv2_msg_without_ns_nr type2;       /**< L, O */
		struct rte_l2tpv2_msg_without_offset type3;      /**< L, S */
		struct rte_l2tpv2_msg_with_offset type4;         /**< O */
		struct rte_l2tpv2_msg_with_ns_nr type5;          /**< S */
		struct rte_l2tpv2_msg_with_length type6;         /**< L */
		struct rte_l2tpv2_msg_without_all_options type7; /**< none */
	};
} __rte_packed;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_L2TPV2_H_ */
