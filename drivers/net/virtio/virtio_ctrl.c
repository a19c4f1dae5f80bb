/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The control virtqueue: one command at a time, a two-descriptor chain (class, command and
 * data read by the device; one acknowledgement byte written by it), polled to completion.
 */
#include <stdio.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_malloc.h>
#include <rte_pause.h>

#include "virtio_private.h"

#define VIRTIO_CTRL_DATA_MAX 64
#define VIRTIO_CTRL_ACK_OFF VIRTIO_CTRL_DATA_MAX
#define VIRTIO_CTRL_BUF_SIZE (VIRTIO_CTRL_DATA_MAX + RTE_CACHE_LINE_SIZE)

int
virtio_ctrl_setup(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_hw *hw = &ad->hw;
	char name[RTE_MEMZONE_NAMESIZE];
	void *buf;
	int ret;

	if (!virtio_has_feature(hw, VIRTIO_NET_F_CTRL_VQ) || ad->cvq != NULL)
		return 0;
	ad->cvq = rte_zmalloc("virtio_cvq", sizeof(*ad->cvq), RTE_CACHE_LINE_SIZE);
	if (ad->cvq == NULL)
		return -ENOMEM;
	snprintf(name, sizeof(name), "virtio_cvq_%u", dev->data->port_id);
	ret = virtio_vq_alloc(hw, ad->cvq, (uint16_t)(2 * hw->max_pairs), name,
		VIRTIO_CTRL_BUF_SIZE, dev->device->numa_node, &buf, &ad->cvq_buf_iova);
	if (ret != 0) {
		rte_free(ad->cvq);
		ad->cvq = NULL;
		return ret;
	}
	ad->cvq_buf = buf;
	rte_spinlock_init(&ad->cvq_lock);
	return 0;
}

void
virtio_ctrl_release(struct rte_eth_dev *dev)
{
	struct virtio_adapter *ad = dev->data->dev_private;

	if (ad->cvq == NULL)
		return;
	virtio_vq_free(ad->cvq);
	rte_free(ad->cvq);
	ad->cvq = NULL;
	ad->cvq_buf = NULL;
}

/*
 * Send one command and wait for the device's answer (1 s at most). 0 when the device
 * acknowledged it, -EIO when it answered with an error, -ETIMEDOUT without an answer.
 */
int
virtio_ctrl_cmd(struct rte_eth_dev *dev, uint8_t cls, uint8_t cmd, const void *data,
		uint16_t len)
{
	struct virtio_adapter *ad = dev->data->dev_private;
	struct virtio_vq *vq = ad->cvq;
	volatile uint8_t *ack;
	uint64_t end;
	uint16_t slot;
	int ret = 0;

	if (vq == NULL)
		return -ENOTSUP;
	if (len > VIRTIO_CTRL_DATA_MAX - 2) {
		VIRTIO_LOG(ERR, "port %u: control command class %u cmd %u: %u bytes of data,"
			" at most %d", dev->data->port_id, cls, cmd, len, VIRTIO_CTRL_DATA_MAX - 2);
		return -EINVAL;
	}
	rte_spinlock_lock(&ad->cvq_lock);
	ad->cvq_buf[0] = cls;
	ad->cvq_buf[1] = cmd;
	if (len != 0)
		memcpy(ad->cvq_buf + 2, data, len);
	ack = ad->cvq_buf + VIRTIO_CTRL_ACK_OFF;
	*ack = 0xff;
	vq->desc[0].addr = rte_cpu_to_le_64(ad->cvq_buf_iova);
	vq->desc[0].len = rte_cpu_to_le_32(2u + len);
	vq->desc[0].flags = rte_cpu_to_le_16(VRING_DESC_F_NEXT);
	vq->desc[0].next = rte_cpu_to_le_16(1);
	vq->desc[1].addr = rte_cpu_to_le_64(ad->cvq_buf_iova + VIRTIO_CTRL_ACK_OFF);
	vq->desc[1].len = rte_cpu_to_le_32(1);
	vq->desc[1].flags = rte_cpu_to_le_16(VRING_DESC_F_WRITE);
	slot = vq->avail_idx & (vq->size - 1);
	vq->avail->ring[slot] = 0;
	vq->avail_idx++;
	rte_io_wmb();
	vq->avail->idx = rte_cpu_to_le_16(vq->avail_idx);
	virtio_vq_notify(vq);
	end = rte_get_timer_cycles() + rte_get_timer_hz();
	while (rte_le_to_cpu_16(vq->used->idx) == vq->used_last) {
		if (rte_get_timer_cycles() > end) {
			ret = -ETIMEDOUT;
			break;
		}
		rte_pause();
	}
	if (ret == 0) {
		rte_io_rmb();
		vq->used_last++;
		if (*ack != VIRTIO_NET_OK)
			ret = -EIO;
	}
	rte_spinlock_unlock(&ad->cvq_lock);
	if (ret != 0)
		VIRTIO_LOG(ERR, "port %u: control command class %u cmd %u %s", dev->data->port_id,
			cls, cmd, ret == -EIO ? "refused by the device" : "not answered");
	return ret;
}
