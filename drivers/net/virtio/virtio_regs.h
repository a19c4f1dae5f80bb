/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtio 1.0 PCI transport and virtio-net device as the driver sees them: vendor capability
 * types, the common configuration block, split virtqueue layout and net-specific constants.
 * Numbers are those of the OASIS virtio 1.0 specification.
 */
#ifndef _VIRTIO_REGS_H_
#define _VIRTIO_REGS_H_

#include <stdint.h>

#define VIRTIO_PCI_VENDOR_ID 0x1af4
#define VIRTIO_PCI_DEV_ID_NET_MODERN 0x1041
/* legacy and transitional virtio-net */
#define VIRTIO_PCI_DEV_ID_NET_LEGACY 0x1000

/* Vendor-specific PCI capability describing where a structure lives in a BAR. */
#define VIRTIO_PCI_CAP_VNDR 0x09
#define VIRTIO_PCI_CAP_COMMON_CFG 1
#define VIRTIO_PCI_CAP_NOTIFY_CFG 2
#define VIRTIO_PCI_CAP_ISR_CFG 3
#define VIRTIO_PCI_CAP_DEVICE_CFG 4

#define VIRTIO_PCI_CFG_STATUS 0x06      /* 16-bit PCI status register */
#define VIRTIO_PCI_STATUS_CAP_LIST 0x10
#define VIRTIO_PCI_CFG_CAP_PTR 0x34

struct virtio_cap_hdr {
	uint8_t cap_vndr;
	uint8_t cap_next;
	uint8_t cap_len;
	uint8_t cfg_type;
	uint8_t bar;
	uint8_t padding[3];
	uint32_t offset;
	uint32_t length;
};

/* Offsets in the common configuration structure. */
#define VIRTIO_COMMON_DFSELECT 0x00
#define VIRTIO_COMMON_DF 0x04
#define VIRTIO_COMMON_GFSELECT 0x08
#define VIRTIO_COMMON_GF 0x0c
#define VIRTIO_COMMON_MSIX 0x10
#define VIRTIO_COMMON_NUMQ 0x12
#define VIRTIO_COMMON_STATUS 0x14
#define VIRTIO_COMMON_CFGGEN 0x15
#define VIRTIO_COMMON_Q_SELECT 0x16
#define VIRTIO_COMMON_Q_SIZE 0x18
#define VIRTIO_COMMON_Q_MSIX 0x1a
#define VIRTIO_COMMON_Q_ENABLE 0x1c
#define VIRTIO_COMMON_Q_NOFF 0x1e
#define VIRTIO_COMMON_Q_DESCLO 0x20
#define VIRTIO_COMMON_Q_DESCHI 0x24
#define VIRTIO_COMMON_Q_AVAILLO 0x28
#define VIRTIO_COMMON_Q_AVAILHI 0x2c
#define VIRTIO_COMMON_Q_USEDLO 0x30
#define VIRTIO_COMMON_Q_USEDHI 0x34

#define VIRTIO_MSI_NO_VECTOR 0xffff

/*
 * Legacy (virtio 0.9.5) register block at the start of I/O BAR0. The two MSI-X vector
 * registers exist only while MSI-X is enabled, and the device configuration follows them.
 */
#define VIRTIO_LEGACY_BAR 0
#define VIRTIO_LEGACY_HOST_FEATURES 0x00   /* 32 bit, device's features */
#define VIRTIO_LEGACY_GUEST_FEATURES 0x04  /* 32 bit, driver's choice */
#define VIRTIO_LEGACY_QUEUE_PFN 0x08       /* 32 bit, ring address / 4096 */
#define VIRTIO_LEGACY_QUEUE_NUM 0x0c       /* 16 bit, size of the selected queue */
#define VIRTIO_LEGACY_QUEUE_SEL 0x0e       /* 16 bit */
#define VIRTIO_LEGACY_QUEUE_NOTIFY 0x10    /* 16 bit */
#define VIRTIO_LEGACY_STATUS 0x12          /* 8 bit */
#define VIRTIO_LEGACY_ISR 0x13             /* 8 bit, read clears */
#define VIRTIO_LEGACY_CONFIG_VECTOR 0x14   /* 16 bit, with MSI-X only */
#define VIRTIO_LEGACY_QUEUE_VECTOR 0x16    /* 16 bit, with MSI-X only */
#define VIRTIO_LEGACY_CFG 0x14             /* device configuration without MSI-X */
#define VIRTIO_LEGACY_CFG_MSIX 0x18        /* with MSI-X */
#define VIRTIO_LEGACY_PFN_SHIFT 12

/* PCI MSI-X capability: its message control word has the enable bit. */
#define VIRTIO_PCI_CAP_ID_MSIX 0x11
#define VIRTIO_PCI_MSIX_FLAGS 2
#define VIRTIO_PCI_MSIX_ENABLE 0x8000

/* Device status bits. */
#define VIRTIO_STATUS_ACKNOWLEDGE 0x01
#define VIRTIO_STATUS_DRIVER 0x02
#define VIRTIO_STATUS_DRIVER_OK 0x04
#define VIRTIO_STATUS_FEATURES_OK 0x08
#define VIRTIO_STATUS_NEEDS_RESET 0x40
#define VIRTIO_STATUS_FAILED 0x80

/* ISR status bits (reading the register clears them). */
#define VIRTIO_ISR_QUEUE 0x01
#define VIRTIO_ISR_CONFIG 0x02

/* Feature bits. */
#define VIRTIO_NET_F_MAC 5
#define VIRTIO_NET_F_MRG_RXBUF 15
#define VIRTIO_NET_F_STATUS 16
#define VIRTIO_NET_F_CTRL_VQ 17
#define VIRTIO_NET_F_CTRL_RX 18
#define VIRTIO_NET_F_MQ 22
#define VIRTIO_F_ANY_LAYOUT 27
#define VIRTIO_F_VERSION_1 32
#define VIRTIO_F_ACCESS_PLATFORM 33

/* virtio-net device configuration. */
#define VIRTIO_NET_CFG_MAC 0x00
#define VIRTIO_NET_CFG_STATUS 0x06
#define VIRTIO_NET_CFG_MAX_PAIRS 0x08
#define VIRTIO_NET_S_LINK_UP 1
#define VIRTIO_NET_S_ANNOUNCE 2

/* Control virtqueue commands. */
#define VIRTIO_NET_CTRL_RX 0
#define VIRTIO_NET_CTRL_RX_PROMISC 0
#define VIRTIO_NET_CTRL_RX_ALLMULTI 1
#define VIRTIO_NET_CTRL_MQ 4
#define VIRTIO_NET_CTRL_MQ_VQ_PAIRS_SET 0
#define VIRTIO_NET_OK 0

/* Split virtqueue. */
#define VRING_DESC_F_NEXT 1
#define VRING_DESC_F_WRITE 2
#define VRING_USED_F_NO_NOTIFY 1
#define VRING_AVAIL_F_NO_INTERRUPT 1

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct vring_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
};

struct vring_used_elem {
	uint32_t id;
	uint32_t len;
};

struct vring_used {
	uint16_t flags;
	uint16_t idx;
	struct vring_used_elem ring[];
};

/* Header in front of every packet; num_buffers is meaningful with MRG_RXBUF on receive. */
struct virtio_net_hdr_v1 {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers;
};

#endif /* _VIRTIO_REGS_H_ */
