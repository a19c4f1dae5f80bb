/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Bonding commands (net_bonding): create a bond, add and remove its members, set its mode,
 * primary and mode 4 options, show its state and its members' LACP state. A member belongs to
 * its bond: testpmd forgets it as a port of its own while it is in the bond, and adopts it
 * again when it leaves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eth_bond.h>
#include <rte_eth_bond_8023ad.h>

#include "testpmd.h"

static unsigned int bond_seq;

static bool
parse_num(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (s[0] < '0' || s[0] > '9')
		return false;
	*out = strtoul(s, &end, 10);
	return *end == '\0' && *out <= max;
}

/* create bonded device <mode> <socket> */
int
cmd_bond_create(char **tok, int ntok __rte_unused)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	unsigned long mode, socket;
	int port;

	if (!parse_num(tok[3], UINT8_MAX, &mode) || !parse_num(tok[4], UINT8_MAX, &socket)) {
		fprintf(stderr, "Invalid bonding mode or socket: %s %s\n", tok[3], tok[4]);
		return CMD_OK;
	}
	snprintf(name, sizeof(name), "net_bonding_testpmd_%u", bond_seq);
	port = rte_eth_bond_create(name, (uint8_t)mode, (uint8_t)socket);
	if (port < 0) {
		fprintf(stderr, "\t Failed to create bonded device: %s\n", rte_strerror(-port));
		return CMD_OK;
	}
	bond_seq++;
	printf("Created new bonded device %s on (port %d).\n", name, port);
	port_adopt((portid_t)port);
	return CMD_OK;
}

/* Member and bond port ids of "<verb> bonding slave <slave_id> <port_id>". */
static bool
member_args(char **tok, portid_t *member, portid_t *bond)
{
	unsigned long m, b;

	if (!parse_num(tok[3], RTE_MAX_ETHPORTS - 1, &m) ||
	    !parse_num(tok[4], RTE_MAX_ETHPORTS - 1, &b)) {
		fprintf(stderr, "Invalid port ids: %s %s\n", tok[3], tok[4]);
		return false;
	}
	*member = (portid_t)m;
	*bond = (portid_t)b;
	return true;
}

/* add bonding slave <slave_id> <port_id> */
int
cmd_bond_add_member(char **tok, int ntok __rte_unused)
{
	portid_t member, bond;
	bool known;

	if (!member_args(tok, &member, &bond))
		return CMD_OK;
	known = member < RTE_MAX_ETHPORTS && ports[member].in_use;
	if (known && port_is_forwarding(member) && !test_done) {
		fprintf(stderr, "Please stop forwarding first.\n");
		return CMD_OK;
	}
	if (rte_eth_bond_slave_add(bond, member) != 0) {
		fprintf(stderr, "\t Failed to add slave %d to master port = %d.\n", member, bond);
		return CMD_OK;
	}
	/* the bond runs it now */
	if (known)
		port_forget(member);
	ports[bond].need_reconfig = true;
	return CMD_OK;
}

/* remove bonding slave <slave_id> <port_id> */
int
cmd_bond_remove_member(char **tok, int ntok __rte_unused)
{
	portid_t member, bond;

	if (!member_args(tok, &member, &bond))
		return CMD_OK;
	if (rte_eth_bond_slave_remove(bond, member) != 0) {
		fprintf(stderr, "\t Failed to remove slave %d from master port = %d.\n", member,
			bond);
		return CMD_OK;
	}
	port_adopt(member);
	return CMD_OK;
}

/* set bonding mode <mode> <port_id> */
int
cmd_bond_set_mode(char **tok, int ntok __rte_unused)
{
	unsigned long mode, port;

	if (!parse_num(tok[3], UINT8_MAX, &mode) ||
	    !parse_num(tok[4], RTE_MAX_ETHPORTS - 1, &port)) {
		fprintf(stderr, "Invalid arguments: %s %s\n", tok[3], tok[4]);
		return CMD_OK;
	}
	if (rte_eth_bond_mode_set((uint16_t)port, (uint8_t)mode) != 0)
		fprintf(stderr, "\t Failed to set bonding mode for port = %lu.\n", port);
	return CMD_OK;
}

/* set bonding primary <slave_id> <port_id> */
int
cmd_bond_set_primary(char **tok, int ntok __rte_unused)
{
	portid_t member, bond;

	if (!member_args(tok, &member, &bond))
		return CMD_OK;
	if (rte_eth_bond_primary_set(bond, member) != 0)
		fprintf(stderr, "\t Failed to set primary slave for port = %d.\n", bond);
	return CMD_OK;
}

static void
print_ports(const char *what, const uint16_t *list, int n)
{
	int i;

	printf("%s (%d): [", what, n);
	for (i = 0; i < n; i++)
		printf("%s%u", i ? " " : "", list[i]);
	printf("]\n");
}

/* show bonding config <port_id> */
int
cmd_bond_show(char **tok, int ntok __rte_unused)
{
	static const char *const policies[] = { "BALANCE_XMIT_POLICY_LAYER2",
		"BALANCE_XMIT_POLICY_LAYER23", "BALANCE_XMIT_POLICY_LAYER34" };
	uint16_t list[RTE_MAX_ETHPORTS];
	unsigned long port;
	int mode, n, policy, primary;

	if (!parse_num(tok[3], RTE_MAX_ETHPORTS - 1, &port)) {
		fprintf(stderr, "Invalid port id: %s\n", tok[3]);
		return CMD_OK;
	}
	mode = rte_eth_bond_mode_get((uint16_t)port);
	if (mode < 0) {
		fprintf(stderr, "\tFailed to get bonding mode for port = %lu\n", port);
		return CMD_OK;
	}
	printf("\tBonding mode: %d\n", mode);
	policy = rte_eth_bond_xmit_policy_get((uint16_t)port);
	if (mode == BONDING_MODE_BALANCE && policy >= 0 && policy < 3)
		printf("\tBalance Xmit Policy: %s\n", policies[policy]);
	n = rte_eth_bond_slaves_get((uint16_t)port, list, RTE_DIM(list));
	if (n >= 0)
		print_ports("\tSlaves", list, n);
	n = rte_eth_bond_active_slaves_get((uint16_t)port, list, RTE_DIM(list));
	if (n >= 0)
		print_ports("\tActive Slaves", list, n);
	primary = rte_eth_bond_primary_get((uint16_t)port);
	if (primary >= 0)
		printf("\tPrimary: [%d]\n", primary);
	return CMD_OK;
}

static void
print_lacp_state(uint8_t state)
{
	static const char *const bits[] = { "ACTIVE", "SHORT_TIMEOUT", "AGGREGATION",
		"SYNCHRONIZATION", "COLLECTING", "DISTRIBUTING", "DEFAULTED", "EXPIRED" };
	unsigned int i;

	printf("\t\tport state:");
	for (i = 0; i < RTE_DIM(bits); i++)
		if (state & (1u << i))
			printf(" %s", bits[i]);
	printf("\n");
}

static void
print_lacp_params(const char *who, const struct port_params *p, uint8_t state)
{
	char mac[RTE_ETHER_ADDR_FMT_SIZE];

	rte_ether_format_addr(mac, sizeof(mac), &p->system);
	printf("\t%s detail info:\n", who);
	printf("\t\tsystem priority: %u\n", rte_be_to_cpu_16(p->system_priority));
	printf("\t\tsystem mac address: %s\n", mac);
	printf("\t\tport key: %u\n", rte_be_to_cpu_16(p->key));
	printf("\t\tport priority: %u\n", rte_be_to_cpu_16(p->port_priority));
	printf("\t\tport number: %u\n", rte_be_to_cpu_16(p->port_number));
	print_lacp_state(state);
}

/* show bonding lacp info <port_id> */
int
cmd_bond_show_lacp(char **tok, int ntok __rte_unused)
{
	static const char *const selection[] = { "UNSELECTED", "STANDBY", "SELECTED" };
	static const char *const agg[] = { "bandwidth", "count", "stable" };
	struct rte_eth_bond_8023ad_conf conf;
	uint16_t list[RTE_MAX_ETHPORTS];
	unsigned long port;
	int n, i, mode;

	if (!parse_num(tok[4], RTE_MAX_ETHPORTS - 1, &port)) {
		fprintf(stderr, "Invalid port id: %s\n", tok[4]);
		return CMD_OK;
	}
	mode = rte_eth_bond_mode_get((uint16_t)port);
	if (mode != BONDING_MODE_8023AD) {
		fprintf(stderr, "\tport %lu is not a bond in mode 4\n", port);
		return CMD_OK;
	}
	if (rte_eth_bond_8023ad_conf_get((uint16_t)port, &conf) != 0)
		return CMD_OK;
	printf("\tfast periodic (ms): %u\n", conf.fast_periodic_ms);
	printf("\tslow periodic (ms): %u\n", conf.slow_periodic_ms);
	printf("\tshort timeout (ms): %u\n", conf.short_timeout_ms);
	printf("\tlong timeout (ms): %u\n", conf.long_timeout_ms);
	printf("\taggregate wait timeout (ms): %u\n", conf.aggregate_wait_timeout_ms);
	printf("\ttx period (ms): %u\n", conf.tx_period_ms);
	printf("\tupdate timeout (ms): %u\n", conf.update_timeout_ms);
	printf("\taggregator mode: %s\n", (unsigned int)conf.agg_selection < RTE_DIM(agg) ?
			agg[conf.agg_selection] : "?");
	n = rte_eth_bond_slaves_get((uint16_t)port, list, RTE_DIM(list));
	for (i = 0; i < n; i++) {
		struct rte_eth_bond_8023ad_slave_info info;

		if (rte_eth_bond_8023ad_slave_info((uint16_t)port, list[i], &info) != 0)
			continue;
		printf("\tSlave Port: %u\n", list[i]);
		printf("\tAggregator port id: %u\n", info.agg_port_id);
		printf("\tselection: %s\n", (unsigned int)info.selected < RTE_DIM(selection) ?
				selection[info.selected] : "?");
		print_lacp_params("Actor", &info.actor, info.actor_state);
		print_lacp_params("Partner", &info.partner, info.partner_state);
	}
	return CMD_OK;
}

/* set bonding lacp dedicated_queues <port_id> enable|disable */
int
cmd_bond_dedicated_queues(char **tok, int ntok __rte_unused)
{
	unsigned long port;
	int ret;

	if (!parse_num(tok[4], RTE_MAX_ETHPORTS - 1, &port)) {
		fprintf(stderr, "Invalid port id: %s\n", tok[4]);
		return CMD_OK;
	}
	if (strcmp(tok[5], "enable") == 0)
		ret = rte_eth_bond_8023ad_dedicated_queues_enable((uint16_t)port);
	else
		ret = rte_eth_bond_8023ad_dedicated_queues_disable((uint16_t)port);
	if (ret != 0)
		fprintf(stderr, "\t Failed to %s dedicated queues on port %lu: %s\n", tok[5], port,
				rte_strerror(-ret));
	return CMD_OK;
}

/* set bonding agg_mode <port_id> bandwidth|count|stable */
int
cmd_bond_agg_mode(char **tok, int ntok __rte_unused)
{
	enum rte_bond_8023ad_agg_selection agg;
	unsigned long port;
	int ret;

	if (!parse_num(tok[3], RTE_MAX_ETHPORTS - 1, &port)) {
		fprintf(stderr, "Invalid port id: %s\n", tok[3]);
		return CMD_OK;
	}
	if (strcmp(tok[4], "bandwidth") == 0)
		agg = AGG_BANDWIDTH;
	else if (strcmp(tok[4], "count") == 0)
		agg = AGG_COUNT;
	else
		agg = AGG_STABLE;
	ret = rte_eth_bond_8023ad_agg_selection_set((uint16_t)port, agg);
	if (ret != 0)
		fprintf(stderr, "\t Failed to set aggregator mode of port %lu: %s\n", port,
				rte_strerror(-ret));
	return CMD_OK;
}
