/* SPDX-License-Identifier: BSD-3-Clause */
/* The mbuf dynamic fields and flags ethdev defines: flow metadata and IP reassembly. */
#include <stdalign.h>
#include <stdint.h>

#include <rte_bitops.h>
#include <rte_errno.h>
#include <rte_flow.h>
#include <rte_mbuf_dyn.h>

#include "ethdev_driver.h"

int32_t rte_flow_dynf_metadata_offs = -1;
uint64_t rte_flow_dynf_metadata_mask;

int
rte_flow_dynf_metadata_register(void)
{
	static const struct rte_mbuf_dynfield field = {
		.name = RTE_MBUF_DYNFIELD_METADATA_NAME,
		.size = sizeof(uint32_t),
		.align = alignof(uint32_t),
	};
	static const struct rte_mbuf_dynflag flag = {
		.name = RTE_MBUF_DYNFLAG_METADATA_NAME,
	};
	int offset, bit;

	/* The mbuf library returns the existing offset and bit for an identical request. */
	offset = rte_mbuf_dynfield_register(&field);
	if (offset >= 0) {
		bit = rte_mbuf_dynflag_register(&flag);
		if (bit >= 0) {
			rte_flow_dynf_metadata_offs = offset;
			rte_flow_dynf_metadata_mask = RTE_BIT64(bit);
			return 0;
		}
	}
	rte_flow_dynf_metadata_offs = -1;
	rte_flow_dynf_metadata_mask = 0;
	return -rte_errno;
}

int
rte_eth_ip_reassembly_dynfield_register(int *field_offset, int *flag)
{
	static const struct rte_mbuf_dynfield field = {
		.name = RTE_MBUF_DYNFIELD_IP_REASSEMBLY_NAME,
		.size = sizeof(rte_eth_ip_reassembly_dynfield_t),
		.align = alignof(rte_eth_ip_reassembly_dynfield_t),
	};
	static const struct rte_mbuf_dynflag incomplete = {
		.name = RTE_MBUF_DYNFLAG_IP_REASSEMBLY_INCOMPLETE_NAME,
	};
	int offset, bit;

	offset = rte_mbuf_dynfield_register(&field);
	if (offset < 0)
		return -1;
	bit = rte_mbuf_dynflag_register(&incomplete);
	if (bit < 0)
		return -1;
	if (field_offset != NULL)
		*field_offset = offset;
	if (flag != NULL)
		*flag = bit;
	return 0;
}
