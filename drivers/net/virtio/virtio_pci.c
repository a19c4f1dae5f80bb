/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which PCI transport drives the device, the virtio 1.0 ("modern") transport, and what both
 * transports share: reset, feature negotiation and virtqueue memory. In the modern transport
 * the vendor capabilities in configuration space say which BAR, and where in it, holds each
 * structure; the PCI bus has already mapped the BARs. Everything here is control path.
 */
#include <string.h>

#include <rte_byteorder.h>
#include <rte_cycles.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>
#include <bus_pci_driver.h>

#include "virtio_private.h"

#define VIRTIO_VQ_ALIGN 4096
/* A capability list longer than this is a loop. */
#define VIRTIO_MAX_CAPS 48

static inline uint8_t
common_read8(struct virtio_hw *hw, unsigned int off)
{
	return rte_read8(hw->common + off);
}

static inline uint16_t
common_read16(struct virtio_hw *hw, unsigned int off)
{
	return rte_le_to_cpu_16(rte_read16(hw->common + off));
}

static inline uint32_t
common_read32(struct virtio_hw *hw, unsigned int off)
{
	return rte_le_to_cpu_32(rte_read32(hw->common + off));
}

static inline void
common_write8(struct virtio_hw *hw, unsigned int off, uint8_t v)
{
	rte_write8(v, hw->common + off);
}

static inline void
common_write16(struct virtio_hw *hw, unsigned int off, uint16_t v)
{
	rte_write16(rte_cpu_to_le_16(v), hw->common + off);
}

static inline void
common_write32(struct virtio_hw *hw, unsigned int off, uint32_t v)
{
	rte_write32(rte_cpu_to_le_32(v), hw->common + off);
}

static void
common_write64(struct virtio_hw *hw, unsigned int lo, unsigned int hi, uint64_t v)
{
	common_write32(hw, lo, (uint32_t)v);
	common_write32(hw, hi, (uint32_t)(v >> 32));
}

/* Address of a capability's structure, or NULL when it points outside a mapped BAR. */
static volatile uint8_t *
cap_addr(struct rte_pci_device *pci, const struct virtio_cap_hdr *cap)
{
	const struct rte_mem_resource *res;
	uint32_t off = rte_le_to_cpu_32(cap->offset), len = rte_le_to_cpu_32(cap->length);

	if (cap->bar >= PCI_MAX_RESOURCE)
		return NULL;
	res = &pci->mem_resource[cap->bar];
	if (res->addr == NULL || (uint64_t)off + len > res->len)
		return NULL;
	return (volatile uint8_t *)res->addr + off;
}

/* The modern structures, or -ENODEV (without a log line: a transitional device goes legacy). */
int
virtio_modern_init(struct virtio_hw *hw, struct rte_pci_device *pci)
{
	uint16_t pci_status;
	uint8_t pos;
	int n;

	if (rte_pci_read_config(pci, &pci_status, sizeof(pci_status),
			VIRTIO_PCI_CFG_STATUS) != sizeof(pci_status) ||
			!(rte_le_to_cpu_16(pci_status) & VIRTIO_PCI_STATUS_CAP_LIST) ||
			rte_pci_read_config(pci, &pos, 1, VIRTIO_PCI_CFG_CAP_PTR) != 1)
		return -ENODEV;
	/* The first capability of each type is the one the device prefers. */
	for (n = 0; pos != 0 && n < VIRTIO_MAX_CAPS; n++) {
		struct virtio_cap_hdr cap;
		volatile uint8_t *addr;
		uint32_t mult;

		pos &= 0xfc;
		if (rte_pci_read_config(pci, &cap, sizeof(cap), pos) != sizeof(cap))
			break;
		if (cap.cap_vndr != VIRTIO_PCI_CAP_VNDR)
			goto next;
		addr = cap_addr(pci, &cap);
		if (addr == NULL)
			goto next;
		switch (cap.cfg_type) {
		case VIRTIO_PCI_CAP_COMMON_CFG:
			if (hw->common == NULL)
				hw->common = addr;
			break;
		case VIRTIO_PCI_CAP_NOTIFY_CFG:
			if (hw->notify_base == NULL && rte_pci_read_config(pci, &mult, sizeof(mult),
					pos + sizeof(cap)) == sizeof(mult)) {
				hw->notify_base = addr;
				hw->notify_mult = rte_le_to_cpu_32(mult);
			}
			break;
		case VIRTIO_PCI_CAP_ISR_CFG:
			if (hw->isr == NULL)
				hw->isr = addr;
			break;
		case VIRTIO_PCI_CAP_DEVICE_CFG:
			if (hw->dev_cfg == NULL)
				hw->dev_cfg = addr;
			break;
		default:
			break;
		}
next:
		pos = cap.cap_next;
	}
	if (hw->common == NULL || hw->notify_base == NULL || hw->isr == NULL ||
			hw->dev_cfg == NULL) {
		VIRTIO_LOG(DEBUG, "%s: virtio capabilities: common %s, notify %s, isr %s,"
			" device %s", hw->name, hw->common ? "ok" : "no",
			hw->notify_base ? "ok" : "no", hw->isr ? "ok" : "no",
			hw->dev_cfg ? "ok" : "no");
		hw->common = NULL;
		hw->notify_base = NULL;
		hw->isr = NULL;
		hw->dev_cfg = NULL;
		return -ENODEV;
	}
	return 0;
}

/*
 * A modern-only device needs its capabilities. A transitional one uses them too when they
 * are there (the modern transport has 64-bit features and rings anywhere in memory), unless
 * force_legacy asks for its legacy I/O port interface.
 */
int
virtio_pci_init(struct virtio_hw *hw, struct rte_pci_device *pci, int force_legacy)
{
	int transitional = pci->id.device_id == VIRTIO_PCI_DEV_ID_NET_LEGACY;

	strlcpy(hw->name, pci->device.name, sizeof(hw->name));
	hw->pci = pci;
	if (!transitional && force_legacy) {
		VIRTIO_LOG(ERR, "%s: force_legacy: device %04x:%04x has no legacy interface",
			hw->name, pci->id.vendor_id, pci->id.device_id);
		return -EINVAL;
	}
	if (!force_legacy && virtio_modern_init(hw, pci) == 0)
		return 0;
	if (!transitional) {
		VIRTIO_LOG(ERR, "%s: missing virtio 1.0 capabilities", hw->name);
		return -ENODEV;
	}
	return virtio_legacy_init(hw, pci);
}

void
virtio_pci_uninit(struct virtio_hw *hw)
{
	if (hw->legacy && hw->io.dev != NULL)
		rte_pci_ioport_unmap(&hw->io);
	hw->legacy = 0;
}

static uint8_t
modern_get_status(struct virtio_hw *hw)
{
	return common_read8(hw, VIRTIO_COMMON_STATUS);
}

static void
modern_set_status(struct virtio_hw *hw, uint8_t status)
{
	common_write8(hw, VIRTIO_COMMON_STATUS, status);
}

static uint64_t
modern_get_features(struct virtio_hw *hw)
{
	uint64_t offered;

	common_write32(hw, VIRTIO_COMMON_DFSELECT, 0);
	offered = common_read32(hw, VIRTIO_COMMON_DF);
	common_write32(hw, VIRTIO_COMMON_DFSELECT, 1);
	offered |= (uint64_t)common_read32(hw, VIRTIO_COMMON_DF) << 32;
	return offered;
}

static void
modern_set_features(struct virtio_hw *hw, uint64_t wanted)
{
	common_write32(hw, VIRTIO_COMMON_GFSELECT, 0);
	common_write32(hw, VIRTIO_COMMON_GF, (uint32_t)wanted);
	common_write32(hw, VIRTIO_COMMON_GFSELECT, 1);
	common_write32(hw, VIRTIO_COMMON_GF, (uint32_t)(wanted >> 32));
}

static void
modern_read_cfg(struct virtio_hw *hw, unsigned int off, void *dst, size_t len)
{
	uint8_t *d = dst;
	size_t i;

	if (len == 2) {
		uint16_t v = rte_read16(hw->dev_cfg + off);

		memcpy(dst, &v, 2);
		return;
	}
	for (i = 0; i < len; i++)
		d[i] = rte_read8(hw->dev_cfg + off + i);
}

static uint8_t
modern_cfg_generation(struct virtio_hw *hw)
{
	return common_read8(hw, VIRTIO_COMMON_CFGGEN);
}

static uint8_t
modern_read_isr(struct virtio_hw *hw)
{
	return rte_read8(hw->isr);
}

static uint16_t
modern_num_queues(struct virtio_hw *hw)
{
	return common_read16(hw, VIRTIO_COMMON_NUMQ);
}

static uint16_t
modern_queue_size(struct virtio_hw *hw, uint16_t index)
{
	common_write16(hw, VIRTIO_COMMON_Q_SELECT, index);
	return common_read16(hw, VIRTIO_COMMON_Q_SIZE);
}

static void
modern_queue_notify_setup(struct virtio_hw *hw, struct virtio_vq *vq)
{
	uint16_t noff;

	common_write16(hw, VIRTIO_COMMON_Q_SELECT, vq->index);
	noff = common_read16(hw, VIRTIO_COMMON_Q_NOFF);
	vq->notify = (volatile uint16_t *)(hw->notify_base + (size_t)noff * hw->notify_mult);
}

/* Tell the device where the rings are and enable the queue (before DRIVER_OK). */
static int
modern_queue_program(struct virtio_hw *hw, struct virtio_vq *vq)
{
	rte_iova_t base = vq->mz->iova;
	uint8_t *va = vq->mz->addr;

	common_write16(hw, VIRTIO_COMMON_Q_SELECT, vq->index);
	common_write16(hw, VIRTIO_COMMON_Q_SIZE, vq->size);
	common_write16(hw, VIRTIO_COMMON_Q_MSIX, VIRTIO_MSI_NO_VECTOR);
	common_write64(hw, VIRTIO_COMMON_Q_DESCLO, VIRTIO_COMMON_Q_DESCHI, base);
	common_write64(hw, VIRTIO_COMMON_Q_AVAILLO, VIRTIO_COMMON_Q_AVAILHI,
		base + ((uint8_t *)(uintptr_t)vq->avail - va));
	common_write64(hw, VIRTIO_COMMON_Q_USEDLO, VIRTIO_COMMON_Q_USEDHI,
		base + ((uint8_t *)(uintptr_t)vq->used - va));
	common_write16(hw, VIRTIO_COMMON_Q_ENABLE, 1);
	return 0;
}

static uint16_t
modern_set_config_vector(struct virtio_hw *hw, uint16_t vector)
{
	common_write16(hw, VIRTIO_COMMON_MSIX, vector);
	return common_read16(hw, VIRTIO_COMMON_MSIX);
}

const struct virtio_ops virtio_modern_ops = {
	.get_status = modern_get_status,
	.set_status = modern_set_status,
	.get_features = modern_get_features,
	.set_features = modern_set_features,
	.read_cfg = modern_read_cfg,
	.cfg_generation = modern_cfg_generation,
	.read_isr = modern_read_isr,
	.num_queues = modern_num_queues,
	.queue_size = modern_queue_size,
	.queue_notify_setup = modern_queue_notify_setup,
	.queue_program = modern_queue_program,
	.set_config_vector = modern_set_config_vector,
};

uint8_t
virtio_get_status(struct virtio_hw *hw)
{
	return virtio_ops_of(hw)->get_status(hw);
}

void
virtio_set_status(struct virtio_hw *hw, uint8_t status)
{
	virtio_ops_of(hw)->set_status(hw, status);
}

uint8_t
virtio_read_isr(struct virtio_hw *hw)
{
	return virtio_ops_of(hw)->read_isr(hw);
}

/*
 * Writing 0 resets the device; it has finished (no more DMA) once the status reads 0 again.
 * A device that went away reads all ones: give up on it rather than wait.
 */
int
virtio_reset(struct virtio_hw *hw)
{
	uint64_t end = rte_get_timer_cycles() + rte_get_timer_hz();
	uint8_t st;

	virtio_set_status(hw, 0);
	while ((st = virtio_get_status(hw)) != 0) {
		if (st == 0xff) {
			VIRTIO_LOG(NOTICE, "%s: device does not answer (removed?)", hw->name);
			return -ENODEV;
		}
		if (rte_get_timer_cycles() > end) {
			VIRTIO_LOG(ERR, "%s: reset did not complete (status 0x%x)", hw->name, st);
			return -ETIMEDOUT;
		}
		rte_delay_us_sleep(100);
	}
	return 0;
}

uint8_t
virtio_cfg_read8(struct virtio_hw *hw, unsigned int off)
{
	uint8_t v;

	virtio_ops_of(hw)->read_cfg(hw, off, &v, sizeof(v));
	return v;
}

uint16_t
virtio_cfg_read16(struct virtio_hw *hw, unsigned int off)
{
	uint16_t v;

	virtio_ops_of(hw)->read_cfg(hw, off, &v, sizeof(v));
	/* legacy devices use the guest's byte order, little endian on every supported CPU */
	return rte_le_to_cpu_16(v);
}

/*
 * Reset, then ACKNOWLEDGE, DRIVER, features and (modern) FEATURES_OK: the device is then
 * ready for its virtqueues. Returns -ENOTSUP when the device lacks what this driver needs or
 * refuses the features, leaving it failed.
 */
int
virtio_negotiate(struct virtio_hw *hw)
{
	uint64_t offered, wanted;
	uint16_t q;
	int ret;

	ret = virtio_reset(hw);
	if (ret != 0)
		return ret;
	virtio_set_status(hw, VIRTIO_STATUS_ACKNOWLEDGE);
	virtio_set_status(hw, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	offered = virtio_ops_of(hw)->get_features(hw);
	if (!hw->legacy && !(offered & RTE_BIT64(VIRTIO_F_VERSION_1))) {
		VIRTIO_LOG(ERR, "%s: device does not offer VIRTIO_F_VERSION_1 (features 0x%" PRIx64
			")", hw->name, offered);
		virtio_set_status(hw, VIRTIO_STATUS_FAILED);
		return -ENOTSUP;
	}
	/*
	 * A legacy header is 10 bytes without MRG_RXBUF and 12 with it, as the modern one
	 * always is: the shared data path needs the 12-byte form.
	 */
	if (hw->legacy && !(offered & RTE_BIT64(VIRTIO_NET_F_MRG_RXBUF))) {
		VIRTIO_LOG(ERR, "%s: legacy device does not offer VIRTIO_NET_F_MRG_RXBUF (features"
			" 0x%" PRIx64 ")", hw->name, offered);
		virtio_set_status(hw, VIRTIO_STATUS_FAILED);
		return -ENOTSUP;
	}
	wanted = offered & VIRTIO_DRV_FEATURES;
	/* Multiqueue and receive modes are driven through the control queue. */
	if (!(wanted & RTE_BIT64(VIRTIO_NET_F_CTRL_VQ)))
		wanted &= ~(RTE_BIT64(VIRTIO_NET_F_MQ) | RTE_BIT64(VIRTIO_NET_F_CTRL_RX));
	virtio_ops_of(hw)->set_features(hw, wanted);
	/* Legacy devices have no FEATURES_OK: they take the features as written. */
	if (!hw->legacy) {
		virtio_set_status(hw, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
			VIRTIO_STATUS_FEATURES_OK);
		if (!(virtio_get_status(hw) & VIRTIO_STATUS_FEATURES_OK)) {
			VIRTIO_LOG(ERR, "%s: device refused features 0x%" PRIx64, hw->name,
				wanted);
			virtio_set_status(hw, VIRTIO_STATUS_FAILED);
			return -ENOTSUP;
		}
	}
	hw->features = wanted;
	hw->max_pairs = 1;
	if (virtio_has_feature(hw, VIRTIO_NET_F_MQ)) {
		hw->max_pairs = virtio_cfg_read16(hw, VIRTIO_NET_CFG_MAX_PAIRS);
		if (hw->max_pairs == 0)
			hw->max_pairs = 1;
	}
	hw->nb_vqs = virtio_ops_of(hw)->num_queues(hw);
	if (hw->nb_vqs < 2) {
		VIRTIO_LOG(ERR, "%s: device has %u virtqueues, a receive and a transmit one needed",
			hw->name, hw->nb_vqs);
		virtio_set_status(hw, VIRTIO_STATUS_FAILED);
		return -ENODEV;
	}
	if (hw->vq_max_size == NULL) {
		hw->vq_max_size = rte_zmalloc("virtio_vq_sizes",
			sizeof(hw->vq_max_size[0]) * hw->nb_vqs, 0);
		if (hw->vq_max_size == NULL)
			return -ENOMEM;
		for (q = 0; q < hw->nb_vqs; q++)
			hw->vq_max_size[q] = virtio_ops_of(hw)->queue_size(hw, q);
	}
	return 0;
}

static size_t
vq_ring_bytes(uint16_t size, size_t *used_off)
{
	size_t avail_end = sizeof(struct vring_desc) * size + sizeof(uint16_t) * (3 + size);

	*used_off = RTE_ALIGN_CEIL(avail_end, VIRTIO_VQ_ALIGN);
	return *used_off + sizeof(uint16_t) * 3 + sizeof(struct vring_used_elem) * size;
}

/*
 * Memory for virtqueue 'index' at the size the device offers, plus 'extra' bytes after the
 * rings for the caller (transmit headers, control commands).
 */
int
virtio_vq_alloc(struct virtio_hw *hw, struct virtio_vq *vq, uint16_t index, const char *name,
		size_t extra, int socket, void **extra_addr, rte_iova_t *extra_iova)
{
	const struct rte_memzone *mz;
	size_t used_off, extra_off;
	uint16_t size;

	if (index >= hw->nb_vqs || hw->vq_max_size[index] == 0 ||
			!rte_is_power_of_2(hw->vq_max_size[index])) {
		VIRTIO_LOG(ERR, "%s: virtqueue %u does not exist or has an invalid size", hw->name,
			index);
		return -EINVAL;
	}
	size = hw->vq_max_size[index];
	extra_off = RTE_ALIGN_CEIL(vq_ring_bytes(size, &used_off), RTE_CACHE_LINE_SIZE);
	mz = rte_memzone_lookup(name);
	if (mz != NULL)
		rte_memzone_free(mz);
	mz = rte_memzone_reserve_aligned(name, extra_off + extra, socket,
		RTE_MEMZONE_IOVA_CONTIG, VIRTIO_VQ_ALIGN);
	if (mz == NULL) {
		VIRTIO_LOG(ERR, "%s: no memory for virtqueue %u of %u descriptors", hw->name, index,
			size);
		return -ENOMEM;
	}
	memset(mz->addr, 0, mz->len);
	vq->mz = mz;
	vq->hw = hw;
	vq->index = index;
	vq->size = size;
	vq->desc = mz->addr;
	vq->avail = (volatile struct vring_avail *)((uint8_t *)mz->addr +
		sizeof(struct vring_desc) * size);
	vq->used = (volatile struct vring_used *)((uint8_t *)mz->addr + used_off);
	virtio_ops_of(hw)->queue_notify_setup(hw, vq);
	if (extra_addr != NULL)
		*extra_addr = (uint8_t *)mz->addr + extra_off;
	if (extra_iova != NULL)
		*extra_iova = mz->iova + extra_off;
	virtio_vq_reset(vq, 1);
	return 0;
}

void
virtio_vq_free(struct virtio_vq *vq)
{
	rte_memzone_free(vq->mz);
	vq->mz = NULL;
}

/* Empty rings, as after a device reset. With chain_free, every descriptor on the free list. */
void
virtio_vq_reset(struct virtio_vq *vq, int chain_free)
{
	size_t used_off, bytes = vq_ring_bytes(vq->size, &used_off);
	uint16_t i;

	memset(vq->mz->addr, 0, bytes);
	vq->avail_idx = 0;
	vq->used_last = 0;
	/* Queues are polled: the device need not interrupt when it uses buffers. */
	vq->avail->flags = rte_cpu_to_le_16(VRING_AVAIL_F_NO_INTERRUPT);
	if (chain_free) {
		for (i = 0; i < vq->size; i++)
			vq->desc[i].next = rte_cpu_to_le_16((uint16_t)(i + 1));
		vq->free_head = 0;
		vq->nb_free = vq->size;
	}
}

/* Tell the device where the rings are and enable the queue (before DRIVER_OK). */
int
virtio_vq_program(struct virtio_hw *hw, struct virtio_vq *vq)
{
	return virtio_ops_of(hw)->queue_program(hw, vq);
}
