/* SPDX-License-Identifier: BSD-3-Clause */
/* Block and option codes of the pcapng format, and the layout of the blocks written here. */
#ifndef _PCAPNG_PROTO_H_
#define _PCAPNG_PROTO_H_

#include <stdint.h>

#define PCAPNG_SHB_TYPE 0x0A0D0D0A
#define PCAPNG_IDB_TYPE 0x00000001
#define PCAPNG_ISB_TYPE 0x00000005
#define PCAPNG_EPB_TYPE 0x00000006
#define PCAPNG_BYTE_ORDER_MAGIC 0x1A2B3C4D

#define PCAPNG_OPT_END 0
#define PCAPNG_OPT_COMMENT 1

#define PCAPNG_SHB_HARDWARE 2
#define PCAPNG_SHB_OS 3
#define PCAPNG_SHB_USERAPPL 4

#define PCAPNG_IF_NAME 2
#define PCAPNG_IF_DESCRIPTION 3
#define PCAPNG_IF_MACADDR 6
#define PCAPNG_IF_SPEED 8
#define PCAPNG_IF_TSRESOL 9

#define PCAPNG_EPB_FLAGS 2
#define PCAPNG_EPB_QUEUE 6

#define PCAPNG_ISB_STARTTIME 2
#define PCAPNG_ISB_ENDTIME 3
#define PCAPNG_ISB_IFRECV 4
#define PCAPNG_ISB_IFDROP 5

#define PCAPNG_LINKTYPE_ETHERNET 1

/* Every block starts with its type and total length, and ends with the length again. */
struct pcapng_block_head {
	uint32_t type;
	uint32_t length;
};

struct pcapng_option {
	uint16_t code;
	uint16_t length;
};

struct pcapng_section_header {
	struct pcapng_block_head head;
	uint32_t byte_order_magic;
	uint16_t major_version;
	uint16_t minor_version;
	int64_t section_length;
} __attribute__((packed));

struct pcapng_interface_block {
	struct pcapng_block_head head;
	uint16_t link_type;
	uint16_t reserved;
	uint32_t snap_len;
};

struct pcapng_enhanced_packet_block {
	struct pcapng_block_head head;
	uint32_t interface_id;
	uint32_t timestamp_hi;
	uint32_t timestamp_lo;
	uint32_t captured_length;
	uint32_t original_length;
};

struct pcapng_statistics_block {
	struct pcapng_block_head head;
	uint32_t interface_id;
	uint32_t timestamp_hi;
	uint32_t timestamp_lo;
};

/* The options after the packet data of an EPB made by rte_pcapng_copy(), then its length. */
struct pcapng_epb_trailer {
	struct pcapng_option flags_opt;
	uint32_t flags;
	struct pcapng_option queue_opt;
	uint32_t queue;
	struct pcapng_option end_opt;
	uint32_t block_length;
};

#endif /* _PCAPNG_PROTO_H_ */
