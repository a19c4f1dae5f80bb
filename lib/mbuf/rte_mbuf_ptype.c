/* SPDX-License-Identifier: BSD-3-Clause */
/* Human-readable names of packet types (for logs and testpmd's verbose output). */
#include <stdio.h>
#include <stdint.h>

#include <rte_common.h>

#include "rte_mbuf_ptype.h"

const char *
rte_get_ptype_l2_name(uint32_t ptype)
{
	switch (ptype & RTE_PTYPE_L2_MASK) {
	case RTE_PTYPE_L2_ETHER: return "L2_ETHER";
	case RTE_PTYPE_L2_ETHER_TIMESYNC: return "L2_ETHER_TIMESYNC";
	case RTE_PTYPE_L2_ETHER_ARP: return "L2_ETHER_ARP";
	case RTE_PTYPE_L2_ETHER_LLDP: return "L2_ETHER_LLDP";
	case RTE_PTYPE_L2_ETHER_NSH: return "L2_ETHER_NSH";
	case RTE_PTYPE_L2_ETHER_VLAN: return "L2_ETHER_VLAN";
	case RTE_PTYPE_L2_ETHER_QINQ: return "L2_ETHER_QINQ";
	case RTE_PTYPE_L2_ETHER_PPPOE: return "L2_ETHER_PPPOE";
	case RTE_PTYPE_L2_ETHER_FCOE: return "L2_ETHER_FCOE";
	case RTE_PTYPE_L2_ETHER_MPLS: return "L2_ETHER_MPLS";
	default: return "L2_UNKNOWN";
	}
}

const char *
rte_get_ptype_l3_name(uint32_t ptype)
{
	switch (ptype & RTE_PTYPE_L3_MASK) {
	case RTE_PTYPE_L3_IPV4: return "L3_IPV4";
	case RTE_PTYPE_L3_IPV4_EXT: return "L3_IPV4_EXT";
	case RTE_PTYPE_L3_IPV6: return "L3_IPV6";
	case RTE_PTYPE_L3_IPV4_EXT_UNKNOWN: return "L3_IPV4_EXT_UNKNOWN";
	case RTE_PTYPE_L3_IPV6_EXT: return "L3_IPV6_EXT";
	case RTE_PTYPE_L3_IPV6_EXT_UNKNOWN: return "L3_IPV6_EXT_UNKNOWN";
	default: return "L3_UNKNOWN";
	}
}

const char *
rte_get_ptype_l4_name(uint32_t ptype)
{
	switch (ptype & RTE_PTYPE_L4_MASK) {
	case RTE_PTYPE_L4_TCP: return "L4_TCP";
	case RTE_PTYPE_L4_UDP: return "L4_UDP";
	case RTE_PTYPE_L4_FRAG: return "L4_FRAG";
	case RTE_PTYPE_L4_SCTP: return "L4_SCTP";
	case RTE_PTYPE_L4_ICMP: return "L4_ICMP";
	case RTE_PTYPE_L4_NONFRAG: return "L4_NONFRAG";
	case RTE_PTYPE_L4_IGMP: return "L4_IGMP";
	default: return "L4_UNKNOWN";
	}
}

const char *
rte_get_ptype_tunnel_name(uint32_t ptype)
{
	switch (ptype & RTE_PTYPE_TUNNEL_MASK) {
	case RTE_PTYPE_TUNNEL_IP: return "TUNNEL_IP";
	case RTE_PTYPE_TUNNEL_GRE: return "TUNNEL_GRE";
	case RTE_PTYPE_TUNNEL_VXLAN: return "TUNNEL_VXLAN";
	case RTE_PTYPE_TUNNEL_NVGRE: return "TUNNEL_NVGRE";
	case RTE_PTYPE_TUNNEL_GENEVE: return "TUNNEL_GENEVE";
	case RTE_PTYPE_TUNNEL_GRENAT: return "TUNNEL_GRENAT";
	case RTE_PTYPE_TUNNEL_GTPC: return "TUNNEL_GTPC";
	case RTE_PTYPE_TUNNEL_GTPU: return "TUNNEL_GTPU";
	case RTE_PTYPE_TUNNEL_ESP: return "TUNNEL_ESP";
	case RTE_PTYPE_TUNNEL_L2TP: return "TUNNEL_L2TP";
	case RTE_PTYPE_TUNNEL_VXLAN_GPE: return "TUNNEL_VXLAN_GPE";
	case RTE_PTYPE_TUNNEL_MPLS_IN_UDP: return "TUNNEL_MPLS_IN_UDP";
	case RTE_PTYPE_TUNNEL_MPLS_IN_GRE: return "TUNNEL_MPLS_IN_GRE";
	default: return "TUNNEL_UNKNOWN";
	}
}

const char *
rte_get_ptype_inner_l2_name(uint32_t ptype)
{
	switch (ptype & RTE_PTYPE_INNER_L2_MASK) {
	case RTE_PTYPE_INNER_L2_ETHER: return "INNER_L2_ETHER";
	case RTE_PTYPE_INNER_L2_ETHER_VLAN: return "INNER_L2_ETHER_VLAN";
	case RTE_PTYPE_INNER_L2_ETHER_QINQ: return "INNER_L2_ETHER_QINQ";
	default: return "INNER_L2_UNKNOWN";
	}
}

const char *
rte_get_ptype_inner_l3_name(uint32_t ptype)
{
	switch (ptype & RTE_PTYPE_INNER_L3_MASK) {
	case RTE_PTYPE_INNER_L3_IPV4: return "INNER_L3_IPV4";
	case RTE_PTYPE_INNER_L3_IPV4_EXT: return "INNER_L3_IPV4_EXT";
	case RTE_PTYPE_INNER_L3_IPV6: return "INNER_L3_IPV6";
	case RTE_PTYPE_INNER_L3_IPV4_EXT_UNKNOWN: return "INNER_L3_IPV4_EXT_UNKNOWN";
	case RTE_PTYPE_INNER_L3_IPV6_EXT: return "INNER_L3_IPV6_EXT";
	case RTE_PTYPE_INNER_L3_IPV6_EXT_UNKNOWN: return "INNER_L3_IPV6_EXT_UNKNOWN";
	default: return "INNER_L3_UNKNOWN";
	}
}

const char *
rte_get_ptype_inner_l4_name(uint32_t ptype)
{
	switch (ptype & RTE_PTYPE_INNER_L4_MASK) {
	case RTE_PTYPE_INNER_L4_TCP: return "INNER_L4_TCP";
	case RTE_PTYPE_INNER_L4_UDP: return "INNER_L4_UDP";
	case RTE_PTYPE_INNER_L4_FRAG: return "INNER_L4_FRAG";
	case RTE_PTYPE_INNER_L4_SCTP: return "INNER_L4_SCTP";
	case RTE_PTYPE_INNER_L4_ICMP: return "INNER_L4_ICMP";
	case RTE_PTYPE_INNER_L4_NONFRAG: return "INNER_L4_NONFRAG";
	default: return "INNER_L4_UNKNOWN";
	}
}

int
rte_get_ptype_name(uint32_t ptype, char *buf, size_t buflen)
{
	static const struct {
		uint32_t mask;
		const char *(*name)(uint32_t ptype);
	} layers[] = {
		{ RTE_PTYPE_L2_MASK, rte_get_ptype_l2_name },
		{ RTE_PTYPE_L3_MASK, rte_get_ptype_l3_name },
		{ RTE_PTYPE_L4_MASK, rte_get_ptype_l4_name },
		{ RTE_PTYPE_TUNNEL_MASK, rte_get_ptype_tunnel_name },
		{ RTE_PTYPE_INNER_L2_MASK, rte_get_ptype_inner_l2_name },
		{ RTE_PTYPE_INNER_L3_MASK, rte_get_ptype_inner_l3_name },
		{ RTE_PTYPE_INNER_L4_MASK, rte_get_ptype_inner_l4_name },
	};
	size_t used = 0;
	unsigned int i;
	int ret;

	if (buf == NULL || buflen == 0)
		return -1;
	buf[0] = '\0';
	if ((ptype & RTE_PTYPE_ALL_MASK) == RTE_PTYPE_UNKNOWN) {
		ret = snprintf(buf, buflen, "UNKNOWN");
		return (ret < 0 || (size_t)ret >= buflen) ? -1 : 0;
	}
	/* Each layer present: its name and a space, as DPDK prints them. */
	for (i = 0; i < RTE_DIM(layers); i++) {
		if ((ptype & layers[i].mask) == 0)
			continue;
		ret = snprintf(buf + used, buflen - used, "%s ", layers[i].name(ptype));
		if (ret < 0 || (size_t)ret >= buflen - used)
			return -1;
		used += (size_t)ret;
	}
	return 0;
}
