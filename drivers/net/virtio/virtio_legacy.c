/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The legacy (virtio 0.9.5) PCI transport of legacy and transitional devices: one register
 * block at the start of I/O port BAR0, reached through the PCI bus's ioport calls. Compared
 * with the modern transport: 32 feature bits and no FEATURES_OK, queue sizes fixed by the
 * device, rings placed by one page frame number (descriptors, then the available ring, then
 * the used ring at the next 4096-byte boundary: the layout virtio_vq_alloc already uses), one
 * doorbell register for all queues, and device configuration that moves by 4 bytes while
 * MSI-X is enabled.
 */
#include <string.h>

#include <rte_byteorder.h>
#include <bus_pci_driver.h>

#include "virtio_private.h"

/* Queues a legacy device may have: every pair the driver supports, and the control queue. */
#define LEGACY_MAX_VQS (2 * VIRTIO_MAX_QUEUE_PAIRS + 1)

static inline uint8_t
io_read8(struct virtio_hw *hw, off_t off)
{
	uint8_t v = 0;

	hw->io_read(&hw->io, &v, sizeof(v), off);
	return v;
}

static inline uint16_t
io_read16(struct virtio_hw *hw, off_t off)
{
	uint16_t v = 0;

	hw->io_read(&hw->io, &v, sizeof(v), off);
	return rte_le_to_cpu_16(v);
}

static inline uint32_t
io_read32(struct virtio_hw *hw, off_t off)
{
	uint32_t v = 0;

	hw->io_read(&hw->io, &v, sizeof(v), off);
	return rte_le_to_cpu_32(v);
}

static inline void
io_write8(struct virtio_hw *hw, off_t off, uint8_t v)
{
	hw->io_write(&hw->io, &v, sizeof(v), off);
}

static inline void
io_write16(struct virtio_hw *hw, off_t off, uint16_t v)
{
	v = rte_cpu_to_le_16(v);
	hw->io_write(&hw->io, &v, sizeof(v), off);
}

static inline void
io_write32(struct virtio_hw *hw, off_t off, uint32_t v)
{
	v = rte_cpu_to_le_32(v);
	hw->io_write(&hw->io, &v, sizeof(v), off);
}

unsigned int
virtio_legacy_cfg_offset(int msix_enabled)
{
	return msix_enabled ? VIRTIO_LEGACY_CFG_MSIX : VIRTIO_LEGACY_CFG;
}

/* MSI-X is enabled by whoever sets up interrupts (vfio-pci does when asked): read it now. */
static int
legacy_msix_enabled(struct virtio_hw *hw)
{
	uint16_t flags;

	if (hw->msix_pos == 0 || hw->pci == NULL ||
			rte_pci_read_config(hw->pci, &flags, sizeof(flags),
				hw->msix_pos + VIRTIO_PCI_MSIX_FLAGS) != sizeof(flags))
		return 0;
	return (rte_le_to_cpu_16(flags) & VIRTIO_PCI_MSIX_ENABLE) != 0;
}

static uint8_t
legacy_get_status(struct virtio_hw *hw)
{
	return io_read8(hw, VIRTIO_LEGACY_STATUS);
}

static void
legacy_set_status(struct virtio_hw *hw, uint8_t status)
{
	io_write8(hw, VIRTIO_LEGACY_STATUS, status);
}

static uint64_t
legacy_get_features(struct virtio_hw *hw)
{
	return io_read32(hw, VIRTIO_LEGACY_HOST_FEATURES);
}

static void
legacy_set_features(struct virtio_hw *hw, uint64_t features)
{
	io_write32(hw, VIRTIO_LEGACY_GUEST_FEATURES, (uint32_t)features);
}

static void
legacy_read_cfg(struct virtio_hw *hw, unsigned int off, void *dst, size_t len)
{
	hw->io_read(&hw->io, dst, len,
		(off_t)(virtio_legacy_cfg_offset(legacy_msix_enabled(hw)) + off));
}

/* No generation counter in legacy devices: readers retry on nothing. */
static uint8_t
legacy_cfg_generation(struct virtio_hw *hw)
{
	RTE_SET_USED(hw);
	return 0;
}

static uint8_t
legacy_read_isr(struct virtio_hw *hw)
{
	return io_read8(hw, VIRTIO_LEGACY_ISR);
}

/* Legacy devices do not say how many queues they have: a queue of size 0 ends the list. */
static uint16_t
legacy_num_queues(struct virtio_hw *hw)
{
	uint16_t n;

	for (n = 0; n < LEGACY_MAX_VQS; n++) {
		io_write16(hw, VIRTIO_LEGACY_QUEUE_SEL, n);
		if (io_read16(hw, VIRTIO_LEGACY_QUEUE_NUM) == 0)
			break;
	}
	return n;
}

static uint16_t
legacy_queue_size(struct virtio_hw *hw, uint16_t index)
{
	io_write16(hw, VIRTIO_LEGACY_QUEUE_SEL, index);
	return io_read16(hw, VIRTIO_LEGACY_QUEUE_NUM);
}

/* One doorbell register for every queue: virtio_vq_notify writes the index there. */
static void
legacy_queue_notify_setup(struct virtio_hw *hw, struct virtio_vq *vq)
{
	RTE_SET_USED(hw);
	vq->notify = NULL;
}

static int
legacy_queue_program(struct virtio_hw *hw, struct virtio_vq *vq)
{
	uint64_t pfn = vq->mz->iova >> VIRTIO_LEGACY_PFN_SHIFT;

	if ((vq->mz->iova & (RTE_BIT64(VIRTIO_LEGACY_PFN_SHIFT) - 1)) != 0 ||
			pfn > UINT32_MAX) {
		VIRTIO_LOG(ERR, "%s: virtqueue %u at IOVA 0x%" PRIx64 " is out of reach of a"
			" legacy device (4 KiB aligned, below 16 TiB)", hw->name, vq->index,
			(uint64_t)vq->mz->iova);
		return -ERANGE;
	}
	io_write16(hw, VIRTIO_LEGACY_QUEUE_SEL, vq->index);
	if (legacy_msix_enabled(hw))
		io_write16(hw, VIRTIO_LEGACY_QUEUE_VECTOR, VIRTIO_MSI_NO_VECTOR);
	io_write32(hw, VIRTIO_LEGACY_QUEUE_PFN, (uint32_t)pfn);
	return 0;
}

static uint16_t
legacy_set_config_vector(struct virtio_hw *hw, uint16_t vector)
{
	/* the register exists only while MSI-X is enabled */
	if (!legacy_msix_enabled(hw))
		return VIRTIO_MSI_NO_VECTOR;
	io_write16(hw, VIRTIO_LEGACY_CONFIG_VECTOR, vector);
	return io_read16(hw, VIRTIO_LEGACY_CONFIG_VECTOR);
}

const struct virtio_ops virtio_legacy_ops = {
	.get_status = legacy_get_status,
	.set_status = legacy_set_status,
	.get_features = legacy_get_features,
	.set_features = legacy_set_features,
	.read_cfg = legacy_read_cfg,
	.cfg_generation = legacy_cfg_generation,
	.read_isr = legacy_read_isr,
	.num_queues = legacy_num_queues,
	.queue_size = legacy_queue_size,
	.queue_notify_setup = legacy_queue_notify_setup,
	.queue_program = legacy_queue_program,
	.set_config_vector = legacy_set_config_vector,
};

/* Position of the MSI-X capability in configuration space, 0 if none. */
static uint8_t
find_msix(struct rte_pci_device *pci)
{
	uint16_t status;
	uint8_t pos, hdr[2];
	int n;

	if (rte_pci_read_config(pci, &status, sizeof(status), VIRTIO_PCI_CFG_STATUS) !=
			sizeof(status) ||
			!(rte_le_to_cpu_16(status) & VIRTIO_PCI_STATUS_CAP_LIST) ||
			rte_pci_read_config(pci, &pos, 1, VIRTIO_PCI_CFG_CAP_PTR) != 1)
		return 0;
	for (n = 0; pos != 0 && n < 48; n++) {
		pos &= 0xfc;
		if (rte_pci_read_config(pci, hdr, sizeof(hdr), pos) != sizeof(hdr))
			return 0;
		if (hdr[0] == VIRTIO_PCI_CAP_ID_MSIX)
			return pos;
		pos = hdr[1];
	}
	return 0;
}

int
virtio_legacy_init(struct virtio_hw *hw, struct rte_pci_device *pci)
{
	int ret;

	ret = rte_pci_ioport_map(pci, VIRTIO_LEGACY_BAR, &hw->io);
	if (ret < 0) {
		VIRTIO_LOG(ERR, "%s: cannot reach the legacy I/O port BAR%d: %s", hw->name,
			VIRTIO_LEGACY_BAR, strerror(-ret));
		return ret;
	}
	hw->io_read = rte_pci_ioport_read;
	hw->io_write = rte_pci_ioport_write;
	hw->msix_pos = find_msix(pci);
	hw->legacy = 1;
	VIRTIO_LOG(INFO, "%s: legacy interface on I/O BAR%d (%" PRIu64 " bytes)", hw->name,
		VIRTIO_LEGACY_BAR, hw->io.len);
	return 0;
}
