/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * TCP header.
 */
#ifndef _RTE_TCP_H_
#define _RTE_TCP_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

/** TCP header, fields in network order. */
struct rte_tcp_hdr {
	rte_be16_t src_port; /**< source port */
	rte_be16_t dst_port; /**< destination port */
	rte_be32_t sent_seq; /**< sequence number */
	rte_be32_t recv_ack; /**< acknowledgement number */
	uint8_t data_off;   /**< header length in 32-bit words, in the high nibble */
	uint8_t tcp_flags;  /**< RTE_TCP_*_FLAG */
	rte_be16_t rx_win; /**< receive window */
	rte_be16_t cksum; /**< checksum */
	rte_be16_t tcp_urp; /**< urgent pointer */
} __rte_packed;

#define RTE_TCP_CWR_FLAG 0x80 /**< congestion window reduced */
#define RTE_TCP_ECE_FLAG 0x40 /**< ECN echo */
#define RTE_TCP_URG_FLAG 0x20 /**< urgent pointer valid */
#define RTE_TCP_ACK_FLAG 0x10 /**< acknowledgement valid */
#define RTE_TCP_PSH_FLAG 0x08 /**< push */
#define RTE_TCP_RST_FLAG 0x04 /**< reset */
#define RTE_TCP_SYN_FLAG 0x02 /**< synchronise sequence numbers */
#define RTE_TCP_FIN_FLAG 0x01 /**< no more data */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TCP_H_ */
