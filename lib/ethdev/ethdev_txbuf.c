/* SPDX-License-Identifier: BSD-3-Clause */
/* Transmit buffers: set-up and the two stock callbacks for packets a flush could not send. */
#include <errno.h>

#include <rte_mbuf.h>

#include "ethdev_private.h"

void
rte_eth_tx_buffer_drop_callback(struct rte_mbuf **pkts, uint16_t unsent, void *userdata)
{
	uint16_t i;

	RTE_SET_USED(userdata);
	for (i = 0; i < unsent; i++)
		rte_pktmbuf_free(pkts[i]);
}

void
rte_eth_tx_buffer_count_callback(struct rte_mbuf **pkts, uint16_t unsent, void *userdata)
{
	uint64_t *count = userdata;

	rte_eth_tx_buffer_drop_callback(pkts, unsent, NULL);
	*count += unsent;
}

int
rte_eth_tx_buffer_set_err_callback(struct rte_eth_dev_tx_buffer *buffer,
		buffer_tx_error_fn callback, void *userdata)
{
	if (buffer == NULL || callback == NULL) {
		ETHDEV_LOG(ERR, "tx buffer: NULL %s", buffer == NULL ? "buffer" : "callback");
		return -EINVAL;
	}
	buffer->error_callback = callback;
	buffer->error_userdata = userdata;
	return 0;
}

int
rte_eth_tx_buffer_init(struct rte_eth_dev_tx_buffer *buffer, uint16_t size)
{
	if (buffer == NULL || size == 0) {
		ETHDEV_LOG(ERR, "tx buffer init: %s", buffer == NULL ? "NULL buffer" : "size 0");
		return -EINVAL;
	}
	buffer->size = size;
	buffer->length = 0;
	if (buffer->error_callback == NULL)
		return rte_eth_tx_buffer_set_err_callback(buffer,
				rte_eth_tx_buffer_drop_callback, NULL);
	return 0;
}
