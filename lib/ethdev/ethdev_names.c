/* SPDX-License-Identifier: BSD-3-Clause */
/* Names of offload and capability bits, and speed to capability-bit conversion. */
#include <stddef.h>

#include <rte_common.h>

#include "ethdev_private.h"

struct bit_name {
	uint64_t bit;
	const char *name;
};

/* The name of each bit is the suffix of its RTE_ETH_*_ macro, as DPDK prints it. */
#define BIT_NAME(prefix, suffix) { prefix ## suffix, #suffix }

static const struct bit_name rx_offload_names[] = {
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, VLAN_STRIP),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, IPV4_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, UDP_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, TCP_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, TCP_LRO),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, QINQ_STRIP),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, OUTER_IPV4_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, MACSEC_STRIP),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, VLAN_FILTER),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, VLAN_EXTEND),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, SCATTER),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, TIMESTAMP),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, SECURITY),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, KEEP_CRC),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, SCTP_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, OUTER_UDP_CKSUM),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, RSS_HASH),
	BIT_NAME(RTE_ETH_RX_OFFLOAD_, BUFFER_SPLIT),
};

static const struct bit_name tx_offload_names[] = {
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, VLAN_INSERT),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, IPV4_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, UDP_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, TCP_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, SCTP_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, TCP_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, UDP_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, OUTER_IPV4_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, QINQ_INSERT),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, VXLAN_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, GRE_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, IPIP_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, GENEVE_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, MACSEC_INSERT),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, MT_LOCKFREE),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, MULTI_SEGS),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, MBUF_FAST_FREE),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, SECURITY),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, UDP_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, IP_TNL_TSO),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, OUTER_UDP_CKSUM),
	BIT_NAME(RTE_ETH_TX_OFFLOAD_, SEND_ON_TIMESTAMP),
};

static const struct bit_name capa_names[] = {
	BIT_NAME(RTE_ETH_DEV_CAPA_, RUNTIME_RX_QUEUE_SETUP),
	BIT_NAME(RTE_ETH_DEV_CAPA_, RUNTIME_TX_QUEUE_SETUP),
	BIT_NAME(RTE_ETH_DEV_CAPA_, RXQ_SHARE),
	BIT_NAME(RTE_ETH_DEV_CAPA_, FLOW_RULE_KEEP),
	BIT_NAME(RTE_ETH_DEV_CAPA_, FLOW_SHARED_OBJECT_KEEP),
};

static const char *
bit_name(const struct bit_name *t, size_t n, uint64_t bit)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].bit == bit)
			return t[i].name;
	return "UNKNOWN";
}

const char *
rte_eth_dev_rx_offload_name(uint64_t offload)
{
	return bit_name(rx_offload_names, RTE_DIM(rx_offload_names), offload);
}

const char *
rte_eth_dev_tx_offload_name(uint64_t offload)
{
	return bit_name(tx_offload_names, RTE_DIM(tx_offload_names), offload);
}

const char *
rte_eth_dev_capability_name(uint64_t capability)
{
	return bit_name(capa_names, RTE_DIM(capa_names), capability);
}

uint32_t
rte_eth_speed_bitflag(uint32_t speed, int duplex)
{
	switch (speed) {
	case RTE_ETH_SPEED_NUM_10M:
		return duplex ? RTE_ETH_LINK_SPEED_10M : RTE_ETH_LINK_SPEED_10M_HD;
	case RTE_ETH_SPEED_NUM_100M:
		return duplex ? RTE_ETH_LINK_SPEED_100M : RTE_ETH_LINK_SPEED_100M_HD;
	case RTE_ETH_SPEED_NUM_1G: return RTE_ETH_LINK_SPEED_1G;
	case RTE_ETH_SPEED_NUM_2_5G: return RTE_ETH_LINK_SPEED_2_5G;
	case RTE_ETH_SPEED_NUM_5G: return RTE_ETH_LINK_SPEED_5G;
	case RTE_ETH_SPEED_NUM_10G: return RTE_ETH_LINK_SPEED_10G;
	case RTE_ETH_SPEED_NUM_20G: return RTE_ETH_LINK_SPEED_20G;
	case RTE_ETH_SPEED_NUM_25G: return RTE_ETH_LINK_SPEED_25G;
	case RTE_ETH_SPEED_NUM_40G: return RTE_ETH_LINK_SPEED_40G;
	case RTE_ETH_SPEED_NUM_50G: return RTE_ETH_LINK_SPEED_50G;
	case RTE_ETH_SPEED_NUM_56G: return RTE_ETH_LINK_SPEED_56G;
	case RTE_ETH_SPEED_NUM_100G: return RTE_ETH_LINK_SPEED_100G;
	case RTE_ETH_SPEED_NUM_200G: return RTE_ETH_LINK_SPEED_200G;
	default: return 0;
	}
}
