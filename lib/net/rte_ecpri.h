/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * eCPRI headers (eCPRI specification 2.0), over Ethernet (EtherType 0xAEFE) or UDP.
 */
#ifndef _RTE_ECPRI_H_
#define _RTE_ECPRI_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Protocol revision of the headers below. */
#define RTE_ECPRI_REV_UP_TO_20 1

/* Message types. */
#define RTE_ECPRI_MSG_TYPE_IQ_DATA   0  /**< IQ data */
#define RTE_ECPRI_MSG_TYPE_BIT_SEQ   1  /**< bit sequence */
#define RTE_ECPRI_MSG_TYPE_RTC_CTRL  2  /**< real-time control data */
#define RTE_ECPRI_MSG_TYPE_GEN_DATA  3  /**< generic data transfer */
#define RTE_ECPRI_MSG_TYPE_RM_ACC    4  /**< remote memory access */
#define RTE_ECPRI_MSG_TYPE_DLY_MSR   5  /**< one-way delay measurement */
#define RTE_ECPRI_MSG_TYPE_RMT_RST   6  /**< remote reset */
#define RTE_ECPRI_MSG_TYPE_EVT_IND   7  /**< event indication */
#define RTE_ECPRI_MSG_TYPE_IWF_UP    8  /**< IWF start-up */
#define RTE_ECPRI_MSG_TYPE_IWF_OPT   9  /**< IWF operation */
#define RTE_ECPRI_MSG_TYPE_IWF_MAP   10 /**< IWF mapping */
#define RTE_ECPRI_MSG_TYPE_IWF_DCTRL 11 /**< IWF delay control */

/* Event types of an event indication. */
#define RTE_ECPRI_EVT_IND_FAULT_IND 0x00 /**< fault indication */
#define RTE_ECPRI_EVT_IND_FAULT_ACK 0x01 /**< fault indication acknowledge */
#define RTE_ECPRI_EVT_IND_NTFY_IND  0x02 /**< notification indication */
#define RTE_ECPRI_EVT_IND_SYNC_REQ  0x03 /**< synchronisation request */
#define RTE_ECPRI_EVT_IND_SYNC_ACK  0x04 /**< synchronisation acknowledge */
#define RTE_ECPRI_EVT_IND_SYNC_END  0x05 /**< synchronisation end indication */

/** eCPRI common header: 4 bytes, in network order when read as u32. */
RTE_STD_C11
struct rte_ecpri_common_hdr {
	/** The header as one word or as fields. */
	union {
		rte_be32_t u32; /**< the whole header */
		struct {
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
			uint32_t size:16;    /**< payload size */
			uint32_t type:8;     /**< message type, RTE_ECPRI_MSG_TYPE_* */
			uint32_t c:1;        /**< concatenation: another message follows */
			uint32_t res:3;      /**< reserved */
			uint32_t revision:4; /**< protocol revision */
#elif RTE_BYTE_ORDER == RTE_BIG_ENDIAN
			uint32_t revision:4; /**< protocol revision */
			uint32_t res:3;      /**< reserved */
			uint32_t c:1;        /**< concatenation: another message follows */
			uint32_t type:8;     /**< message type, RTE_ECPRI_MSG_TYPE_* */
			uint32_t size:16;    /**< payload size */
#endif
		};
	};
};

/** Type 0, IQ data. */
struct rte_ecpri_msg_iq_data {
	rte_be16_t pc_id;  /**< physical channel id */
	rte_be16_t seq_id; /**< sequence id */
};

/** Type 1, bit sequence. */
struct rte_ecpri_msg_bit_seq {
	rte_be16_t pc_id;  /**< physical channel id */
	rte_be16_t seq_id; /**< sequence id */
};

/** Type 2, real-time control data. */
struct rte_ecpri_msg_rtc_ctrl {
	rte_be16_t rtc_id; /**< real-time control id */
	rte_be16_t seq_id; /**< sequence id */
};

/** Type 3, generic data transfer. */
struct rte_ecpri_msg_gen_data {
	rte_be32_t pc_id;  /**< physical channel id */
	rte_be32_t seq_id; /**< sequence id */
};

/** Type 4, remote memory access. */
RTE_STD_C11
struct rte_ecpri_msg_rm_access {
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
	uint32_t ele_id:16; /**< element id */
	uint32_t rr:4;      /**< request or response */
	uint32_t rw:4;      /**< read or write */
	uint32_t rma_id:8;  /**< remote memory access id */
#elif RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint32_t rma_id:8;  /**< remote memory access id */
	uint32_t rw:4;      /**< read or write */
	uint32_t rr:4;      /**< request or response */
	uint32_t ele_id:16; /**< element id */
#endif
	uint8_t addr[6];   /**< 48-bit address */
	rte_be16_t length; /**< bytes to access */
};

/** Type 5, one-way delay measurement. */
struct rte_ecpri_msg_delay_measure {
	uint8_t msr_id;   /**< measurement id */
	uint8_t act_type; /**< action type */
};

/** Type 6, remote reset. */
struct rte_ecpri_msg_remote_reset {
	rte_be16_t rst_id; /**< reset id */
	uint8_t rst_op;    /**< reset code op */
};

/** Type 7, event indication. */
struct rte_ecpri_msg_event_ind {
	uint8_t evt_id;   /**< event id */
	uint8_t evt_type; /**< event type, RTE_ECPRI_EVT_IND_* */
	uint8_t seq;      /**< sequence number */
	uint8_t number;   /**< number of faults or notifications */
};

/** Common header and the start of the message, whatever its type. */
RTE_STD_C11
struct rte_ecpri_combined_msg_hdr {
	struct rte_ecpri_common_hdr common; /**< common header */
	/** The message-type specific part. */
	union {
		struct rte_ecpri_msg_iq_data type0;       /**< IQ data */
		struct rte_ecpri_msg_bit_seq type1;       /**< bit sequence */
		struct rte_ecpri_msg_rtc_ctrl type2;      /**< real-time control */
		struct rte_ecpri_msg_gen_data type3;      /**< generic data */
		struct rte_ecpri_msg_rm_access type4;     /**< remote memory access */
		struct rte_ecpri_msg_delay_measure type5; /**< delay measurement */
		struct rte_ecpri_msg_remote_reset type6;  /**< remote reset */
		struct rte_ecpri_msg_event_ind type7;     /**< event indication */
		rte_be32_t dummy[3];                      /**< size of the largest */
	};
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ECPRI_H_ */
