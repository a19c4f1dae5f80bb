/* SPDX-License-Identifier: BSD-3-Clause */
/* State shared by the transport, control and data paths of net_virtio. */
#ifndef _VIRTIO_PRIVATE_H_
#define _VIRTIO_PRIVATE_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_io.h>
#include <rte_log.h>
#include <rte_ether.h>
#include <rte_ethdev.h>
#include <rte_memzone.h>
#include <rte_spinlock.h>
#include <ethdev_driver.h>
#include <bus_pci_driver.h>

#include "virtio_regs.h"

extern int virtio_logtype;
#define VIRTIO_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, virtio_logtype, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

#define VIRTIO_HDR_SIZE ((uint16_t)sizeof(struct virtio_net_hdr_v1))
/* Features this driver can use; the device's offer is masked with it. */
#define VIRTIO_DRV_FEATURES (RTE_BIT64(VIRTIO_F_VERSION_1) | RTE_BIT64(VIRTIO_F_ACCESS_PLATFORM) | \
	RTE_BIT64(VIRTIO_NET_F_MAC) | RTE_BIT64(VIRTIO_NET_F_STATUS) | \
	RTE_BIT64(VIRTIO_NET_F_MRG_RXBUF) | RTE_BIT64(VIRTIO_NET_F_CTRL_VQ) | \
	RTE_BIT64(VIRTIO_NET_F_CTRL_RX) | RTE_BIT64(VIRTIO_NET_F_MQ) | \
	RTE_BIT64(VIRTIO_F_ANY_LAYOUT))
#define VIRTIO_MAX_QUEUE_PAIRS 16

struct virtio_hw;
struct virtio_vq;

/*
 * The two PCI transports, modern (virtio 1.0 capabilities in memory BARs) and legacy (the
 * I/O port register block of virtio 0.9.5): everything else in the driver is shared.
 */
struct virtio_ops {
	uint8_t (*get_status)(struct virtio_hw *hw);
	void (*set_status)(struct virtio_hw *hw, uint8_t status);
	uint64_t (*get_features)(struct virtio_hw *hw);
	void (*set_features)(struct virtio_hw *hw, uint64_t features);
	void (*read_cfg)(struct virtio_hw *hw, unsigned int off, void *dst, size_t len);
	uint8_t (*cfg_generation)(struct virtio_hw *hw);
	uint8_t (*read_isr)(struct virtio_hw *hw);
	uint16_t (*num_queues)(struct virtio_hw *hw);
	uint16_t (*queue_size)(struct virtio_hw *hw, uint16_t index);
	/* where the doorbell of a freshly allocated queue is */
	void (*queue_notify_setup)(struct virtio_hw *hw, struct virtio_vq *vq);
	int (*queue_program)(struct virtio_hw *hw, struct virtio_vq *vq);
	/* MSI-X vector of configuration changes; returns what the device accepted */
	uint16_t (*set_config_vector)(struct virtio_hw *hw, uint16_t vector);
};

/* Port access of the legacy transport: rte_pci_ioport_read/write, or a test's simulation. */
typedef void (*virtio_io_read_t)(struct rte_pci_ioport *p, void *data, size_t len, off_t off);
typedef void (*virtio_io_write_t)(struct rte_pci_ioport *p, const void *data, size_t len,
		off_t off);

/*
 * The device's state, in the port's private data: shared memory, the same in every process.
 * So it holds no function pointer (the transport's functions are looked up by the legacy flag,
 * in each process's own copy of the driver) and no pointer to process-local memory.
 */
struct virtio_hw {
	/* modern: where the structures are mapped */
	volatile uint8_t *common;
	volatile uint8_t *notify_base;
	volatile uint8_t *isr;
	volatile uint8_t *dev_cfg;
	uint32_t notify_mult;
	/* legacy: the I/O BAR and the MSI-X capability that moves the device configuration */
	struct rte_pci_ioport io;
	virtio_io_read_t io_read;
	virtio_io_write_t io_write;
	struct rte_pci_device *pci;
	uint8_t msix_pos;            /* MSI-X capability in config space, 0 if none */
	uint8_t legacy;
	uint64_t features;           /* negotiated */
	uint16_t max_pairs;          /* queue pairs the device has */
	uint16_t nb_vqs;             /* virtqueues the device has */
	uint16_t *vq_max_size;       /* size of each virtqueue as the device offers it */
	char name[PCI_PRI_STR_SIZE + 1]; /* PCI address, for log lines */
};

static inline int
virtio_has_feature(const struct virtio_hw *hw, unsigned int bit)
{
	return (hw->features & RTE_BIT64(bit)) != 0;
}

/* One split virtqueue: descriptor table, available and used rings in one memzone. */
struct virtio_vq {
	volatile struct vring_desc *desc;
	volatile struct vring_avail *avail;
	volatile struct vring_used *used;
	volatile uint16_t *notify;   /* doorbell of this queue, NULL: a port (legacy) */
	struct virtio_hw *hw;
	const struct rte_memzone *mz;
	uint16_t index;              /* virtqueue number in the device */
	uint16_t size;               /* descriptors, a power of two */
	uint16_t avail_idx;          /* next available slot (free-running) */
	uint16_t used_last;          /* next used element to consume (free-running) */
	uint16_t free_head;          /* first free descriptor (transmit and control) */
	uint16_t nb_free;
};

static inline void
virtio_vq_notify(struct virtio_vq *vq)
{
	/* The available index must be visible before reading whether the device wants a kick. */
	rte_mb();
	if (vq->used->flags & VRING_USED_F_NO_NOTIFY)
		return;
	if (likely(vq->notify != NULL)) {
		rte_write16(vq->index, vq->notify);
	} else {
		uint16_t idx = vq->index;

		vq->hw->io_write(&vq->hw->io, &idx, sizeof(idx), VIRTIO_LEGACY_QUEUE_NOTIFY);
	}
}

struct virtio_queue_stats {
	uint64_t packets;
	uint64_t bytes;
	uint64_t errors;
	uint64_t nombuf;
};

struct virtio_rx_queue {
	struct virtio_vq vq;
	struct rte_mbuf **sw_ring;   /* mbuf behind each descriptor */
	struct rte_mempool *mb_pool;
	struct virtio_hw *hw;
	struct rte_mbuf *pkt_first;  /* packet being assembled from merged buffers */
	struct rte_mbuf *pkt_last;
	uint16_t seg_left;           /* buffers still to come for pkt_first */
	uint16_t port_id;
	uint16_t qid;
	uint8_t mrg_rxbuf;
	struct virtio_queue_stats stats;
};

struct virtio_tx_queue {
	struct virtio_vq vq;
	struct rte_mbuf **sw_ring;   /* packet whose chain starts at each descriptor */
	uint16_t *chain_len;         /* descriptors in that chain */
	rte_iova_t hdr_iova;         /* zeroed headers, one per descriptor, in the memzone */
	uint8_t can_push;            /* the header may share a descriptor with the packet */
	struct virtio_hw *hw;
	uint16_t qid;
	struct virtio_queue_stats stats;
};

struct virtio_adapter {
	struct virtio_hw hw;
	struct rte_ether_addr mac;
	struct virtio_vq *cvq;       /* control virtqueue, NULL without CTRL_VQ */
	uint8_t *cvq_buf;            /* command and acknowledgement, inside the cvq memzone */
	rte_iova_t cvq_buf_iova;
	rte_spinlock_t cvq_lock;
	uint16_t nb_pairs;           /* pairs in use since the last start */
	uint8_t intr_registered;     /* the config change handler is registered */
	uint8_t lsc_on;              /* and armed, since the last start */
};

/* virtio_pci.c: transport choice, the modern transport and what both share */
extern const struct virtio_ops virtio_modern_ops;
int virtio_pci_init(struct virtio_hw *hw, struct rte_pci_device *pci, int force_legacy);
void virtio_pci_uninit(struct virtio_hw *hw);
int virtio_modern_init(struct virtio_hw *hw, struct rte_pci_device *pci);
int virtio_reset(struct virtio_hw *hw);
uint8_t virtio_get_status(struct virtio_hw *hw);
void virtio_set_status(struct virtio_hw *hw, uint8_t status);
int virtio_negotiate(struct virtio_hw *hw);
uint8_t virtio_cfg_read8(struct virtio_hw *hw, unsigned int off);
uint16_t virtio_cfg_read16(struct virtio_hw *hw, unsigned int off);
uint8_t virtio_read_isr(struct virtio_hw *hw);
int virtio_vq_alloc(struct virtio_hw *hw, struct virtio_vq *vq, uint16_t index,
		const char *name, size_t extra, int socket, void **extra_addr,
		rte_iova_t *extra_iova);
void virtio_vq_free(struct virtio_vq *vq);
void virtio_vq_reset(struct virtio_vq *vq, int chain_free);
int virtio_vq_program(struct virtio_hw *hw, struct virtio_vq *vq);

/* virtio_legacy.c: the legacy transport on an I/O port BAR */
extern const struct virtio_ops virtio_legacy_ops;
int virtio_legacy_init(struct virtio_hw *hw, struct rte_pci_device *pci);
unsigned int virtio_legacy_cfg_offset(int msix_enabled);

/* The transport's functions, in this process. */
static inline const struct virtio_ops *
virtio_ops_of(const struct virtio_hw *hw)
{
	return hw->legacy ? &virtio_legacy_ops : &virtio_modern_ops;
}

/* virtio_args.c: device arguments */
#define VIRTIO_ARG_FORCE_LEGACY "force_legacy"
int virtio_parse_args(const char *name, const char *args, int *force_legacy);

/* virtio_ctrl.c: commands on the control virtqueue */
int virtio_ctrl_setup(struct rte_eth_dev *dev);
void virtio_ctrl_release(struct rte_eth_dev *dev);
int virtio_ctrl_cmd(struct rte_eth_dev *dev, uint8_t cls, uint8_t cmd, const void *data,
		uint16_t len);

/* virtio_rxtx.c */
int virtio_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp);
int virtio_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf);
void virtio_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
void virtio_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
int virtio_rx_queue_fill(struct virtio_rx_queue *rxq);
void virtio_tx_queue_init(struct virtio_tx_queue *txq);
void virtio_rx_queue_drain(struct virtio_rx_queue *rxq);
void virtio_tx_queue_drain(struct virtio_tx_queue *txq);
uint16_t virtio_recv_pkts(void *rxq, struct rte_mbuf **rx_pkts, uint16_t nb_pkts);
uint16_t virtio_xmit_pkts(void *txq, struct rte_mbuf **tx_pkts, uint16_t nb_pkts);

#endif /* _VIRTIO_PRIVATE_H_ */
