/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Registers and descriptors of the Intel 8254x (e1000) family, as documented in Intel's
 * "PCI/PCI-X Family of Gigabit Ethernet Controllers Software Developer's Manual".
 * Only what the driver uses.
 */
#ifndef _EM_REGS_H_
#define _EM_REGS_H_

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_common.h>

#define E1000_CTRL 0x00000      /* device control */
#define E1000_STATUS 0x00008    /* device status */
#define E1000_EERD 0x00014      /* EEPROM read */
#define E1000_CTRL_EXT 0x00018
#define E1000_ICR 0x000C0       /* interrupt cause read (clears) */
#define E1000_IMS 0x000D0       /* interrupt mask set */
#define E1000_IMC 0x000D8       /* interrupt mask clear */
#define E1000_RCTL 0x00100      /* receive control */
#define E1000_TCTL 0x00400      /* transmit control */
#define E1000_TIPG 0x00410      /* transmit inter-packet gap */
#define E1000_RDBAL 0x02800     /* receive descriptor base, low and high */
#define E1000_RDBAH 0x02804
#define E1000_RDLEN 0x02808
#define E1000_RDH 0x02810
#define E1000_RDT 0x02818
#define E1000_RDTR 0x02820      /* receive delay timer */
#define E1000_TDBAL 0x03800
#define E1000_TDBAH 0x03804
#define E1000_TDLEN 0x03808
#define E1000_TDH 0x03810
#define E1000_TDT 0x03818
#define E1000_TIDV 0x03820
#define E1000_MTA 0x05200       /* multicast table, 128 entries */
#define E1000_RAL0 0x05400      /* receive address 0 */
#define E1000_RAH0 0x05404

/* Statistics, all clear on read. */
#define E1000_CRCERRS 0x04000
#define E1000_RXERRC 0x0400C
#define E1000_MPC 0x04010
#define E1000_RNBC 0x040A0
#define E1000_GPRC 0x04074
#define E1000_BPRC 0x04078
#define E1000_MPRC 0x0407C
#define E1000_GPTC 0x04080
#define E1000_GORCL 0x04088
#define E1000_GORCH 0x0408C
#define E1000_GOTCL 0x04090
#define E1000_GOTCH 0x04094
#define E1000_TPR 0x040D0
#define E1000_TPT 0x040D4

#define E1000_CTRL_FD (1u << 0)
#define E1000_CTRL_LRST (1u << 3)
#define E1000_CTRL_ASDE (1u << 5)
#define E1000_CTRL_SLU (1u << 6)
#define E1000_CTRL_RST (1u << 26)
#define E1000_CTRL_PHY_RST (1u << 31)

#define E1000_STATUS_FD (1u << 0)
#define E1000_STATUS_LU (1u << 1)
#define E1000_STATUS_SPEED_SHIFT 6
#define E1000_STATUS_SPEED_MASK (3u << E1000_STATUS_SPEED_SHIFT)

#define E1000_EERD_START (1u << 0)
#define E1000_EERD_DONE (1u << 4)
#define E1000_EERD_ADDR_SHIFT 8
#define E1000_EERD_DATA_SHIFT 16

#define E1000_RCTL_EN (1u << 1)
#define E1000_RCTL_SBP (1u << 2)
#define E1000_RCTL_UPE (1u << 3)    /* unicast promiscuous */
#define E1000_RCTL_MPE (1u << 4)    /* multicast promiscuous */
#define E1000_RCTL_LPE (1u << 5)    /* long packets */
#define E1000_RCTL_BAM (1u << 15)   /* accept broadcast */
#define E1000_RCTL_SZ_2048 (0u << 16)
#define E1000_RCTL_SZ_1024 (1u << 16)
#define E1000_RCTL_SZ_512 (2u << 16)
#define E1000_RCTL_SZ_256 (3u << 16)
#define E1000_RCTL_SECRC (1u << 26) /* strip the Ethernet CRC */

#define E1000_TCTL_EN (1u << 1)
#define E1000_TCTL_PSP (1u << 3)    /* pad short packets */
#define E1000_TCTL_CT_SHIFT 4
#define E1000_TCTL_COLD_SHIFT 12
#define E1000_TIPG_82540 (10u | (8u << 10) | (6u << 20))

#define E1000_RAH_AV (1u << 31)     /* address valid */

/* Legacy receive descriptor. */
struct em_rx_desc {
	uint64_t buffer_addr;
	uint16_t length;
	uint16_t csum;
	uint8_t status;
	uint8_t errors;
	uint16_t special;
};

#define E1000_RXD_STAT_DD 0x01   /* descriptor done */
#define E1000_RXD_STAT_EOP 0x02  /* end of packet */
#define E1000_RXD_ERR_MASK 0xE7  /* CE, SE, SEQ, CXE, RXE: frame damaged */

/* Legacy transmit descriptor. */
struct em_tx_desc {
	uint64_t buffer_addr;
	RTE_STD_C11
	union {
		struct {
			uint16_t length;
			uint8_t cso;
			uint8_t cmd;
			uint8_t status;
			uint8_t css;
			uint16_t special;
		};
		uint64_t fields; /* all of the above, written in one store */
	};
};

static_assert(sizeof(struct em_tx_desc) == 16, "transmit descriptors are 16 bytes");
static_assert(offsetof(struct em_tx_desc, cmd) == 11 && offsetof(struct em_tx_desc, status) == 12,
	"EM_TXD_FIELDS matches the descriptor layout");

/* The second quadword of a transmit descriptor (little endian): length and command. */
#define EM_TXD_FIELDS(len, cmd) ((uint64_t)(len) | (uint64_t)(cmd) << 24)

#define E1000_TXD_CMD_EOP 0x01   /* end of packet */
#define E1000_TXD_CMD_IFCS 0x02  /* insert the CRC */
#define E1000_TXD_CMD_RS 0x08    /* report status (sets DD when done) */
#define E1000_TXD_STAT_DD 0x01

/* Descriptor rings: 128-byte aligned, a multiple of 8 descriptors (128 bytes). */
#define EM_RING_ALIGN 128
#define EM_MIN_RING_DESC 32
#define EM_MAX_RING_DESC 4096
#define EM_RING_DESC_MULT 8

#endif /* _EM_REGS_H_ */
