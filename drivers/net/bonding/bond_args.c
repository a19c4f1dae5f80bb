/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device arguments of net_bonding:
 *   mode=0..6, slave=<port name or id> (repeatable; member= is the same), primary=<port>,
 *   xmit_policy=l2|l23|l34, mac=<xx:xx:xx:xx:xx:xx>, socket_id=<n>, lsc_poll_period_ms=<ms>,
 *   up_delay=<ms>, down_delay=<ms>, agg_mode=count|stable|bandwidth (mode 4).
 * Everything is checked at probe. Members may be probed after the bond (their --vdev comes
 * later), so slave= and primary= are resolved at the bond's first configure.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_kvargs.h>
#include <rte_lcore.h>

#include "bond_private.h"

#define ARG_MODE "mode"
#define ARG_SLAVE "slave"
#define ARG_MEMBER "member"   /* the name later DPDK releases give slave= */
#define ARG_PRIMARY "primary"
#define ARG_POLICY "xmit_policy"
#define ARG_MAC "mac"
#define ARG_SOCKET "socket_id"
#define ARG_POLL "lsc_poll_period_ms"
#define ARG_UP "up_delay"
#define ARG_DOWN "down_delay"
#define ARG_AGG "agg_mode"

static const char *const valid_args[] = { ARG_MODE, ARG_SLAVE, ARG_MEMBER, ARG_PRIMARY,
	ARG_POLICY, ARG_MAC, ARG_SOCKET, ARG_POLL, ARG_UP, ARG_DOWN, ARG_AGG, NULL };

static int
parse_u32(const char *key, const char *value, void *opaque)
{
	uint32_t *out = opaque;
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || value[0] == '-' || v > UINT32_MAX) {
		BOND_LOG(ERR, "invalid value \"%s\" for %s", value, key);
		return -EINVAL;
	}
	*out = (uint32_t)v;
	return 0;
}

static int
parse_mode(const char *key, const char *value, void *opaque)
{
	uint32_t v;
	int ret = parse_u32(key, value, &v);

	if (ret != 0)
		return ret;
	if (v > UINT8_MAX) {
		BOND_LOG(ERR, "invalid bonding mode \"%s\" (0 to 6)", value);
		return -EINVAL;
	}
	ret = bond_mode_supported((uint8_t)v);
	if (ret == 0)
		*(uint8_t *)opaque = (uint8_t)v;
	return ret;
}

static int
parse_policy(const char *key, const char *value, void *opaque)
{
	uint8_t *out = opaque;

	if (strcmp(value, "l2") == 0)
		*out = BALANCE_XMIT_POLICY_LAYER2;
	else if (strcmp(value, "l23") == 0)
		*out = BALANCE_XMIT_POLICY_LAYER23;
	else if (strcmp(value, "l34") == 0)
		*out = BALANCE_XMIT_POLICY_LAYER34;
	else {
		BOND_LOG(ERR, "invalid value \"%s\" for %s (l2, l23 or l34)", value, key);
		return -EINVAL;
	}
	return 0;
}

static int
parse_mac(const char *key, const char *value, void *opaque)
{
	if (rte_ether_unformat_addr(value, opaque) != 0) {
		BOND_LOG(ERR, "invalid MAC address \"%s\" for %s", value, key);
		return -EINVAL;
	}
	return 0;
}

static int
parse_socket(const char *key, const char *value, void *opaque)
{
	uint32_t v;
	int ret = parse_u32(key, value, &v);

	if (ret != 0)
		return ret;
	if (v >= RTE_MAX_NUMA_NODES) {
		BOND_LOG(ERR, "invalid %s %s (below %d)", key, value, RTE_MAX_NUMA_NODES);
		return -EINVAL;
	}
	*(int *)opaque = (int)v;
	return 0;
}

static int
parse_agg(const char *key, const char *value, void *opaque)
{
	enum rte_bond_8023ad_agg_selection agg;

	if (strcmp(value, "count") == 0) {
		agg = AGG_COUNT;
	} else if (strcmp(value, "stable") == 0) {
		agg = AGG_STABLE;
	} else if (strcmp(value, "bandwidth") == 0) {
		agg = AGG_BANDWIDTH;
	} else {
		BOND_LOG(ERR, "invalid value \"%s\" for %s (count, stable or bandwidth)", value,
				key);
		return -EINVAL;
	}
	if (opaque != NULL)
		*(enum rte_bond_8023ad_agg_selection *)opaque = agg;
	return 0;
}

/* A member named by its port name, or by its port id. */
static int
parse_port(const char *key, const char *value, void *opaque)
{
	uint16_t port;
	unsigned long v;
	char *end;

	if (rte_eth_dev_get_port_by_name(value, &port) != 0) {
		errno = 0;
		v = strtoul(value, &end, 10);
		if (errno != 0 || end == value || *end != '\0' || value[0] == '-' ||
		    v >= RTE_MAX_ETHPORTS || !rte_eth_dev_is_valid_port((uint16_t)v)) {
			BOND_LOG(ERR, "%s \"%s\": no such port", key, value);
			return -ENODEV;
		}
		port = (uint16_t)v;
	}
	*(uint16_t *)opaque = port;
	return 0;
}

static int
check_nonempty(const char *key, const char *value, void *opaque)
{
	RTE_SET_USED(opaque);
	if (value == NULL || value[0] == '\0') {
		BOND_LOG(ERR, "%s needs a port name or id", key);
		return -EINVAL;
	}
	return 0;
}

int
bond_args_parse(const char *name, const char *args, struct rte_kvargs **kvp, uint8_t *mode,
		int *socket_id)
{
	struct rte_kvargs *kv;
	int ret = 0;

	*kvp = NULL;
	if (args == NULL || args[0] == '\0')
		return 0;
	kv = rte_kvargs_parse(args, valid_args);
	if (kv == NULL) {
		BOND_LOG(ERR, "%s: cannot parse arguments \"%s\"", name, args);
		return -EINVAL;
	}
	if (rte_kvargs_count(kv, ARG_MODE) > 1 || rte_kvargs_count(kv, ARG_PRIMARY) > 1 ||
	    rte_kvargs_count(kv, ARG_POLICY) > 1 || rte_kvargs_count(kv, ARG_MAC) > 1 ||
	    rte_kvargs_count(kv, ARG_SOCKET) > 1) {
		BOND_LOG(ERR, "%s: mode, primary, xmit_policy, mac and socket_id are given once",
				name);
		ret = -EINVAL;
	}
	if (ret == 0 && (rte_kvargs_process(kv, ARG_MODE, parse_mode, mode) < 0 ||
			rte_kvargs_process(kv, ARG_SOCKET, parse_socket, socket_id) < 0 ||
			rte_kvargs_process(kv, ARG_AGG, parse_agg, NULL) < 0 ||
			rte_kvargs_process(kv, ARG_SLAVE, check_nonempty, NULL) < 0 ||
			rte_kvargs_process(kv, ARG_MEMBER, check_nonempty, NULL) < 0 ||
			rte_kvargs_process(kv, ARG_PRIMARY, check_nonempty, NULL) < 0))
		ret = -EINVAL;
	if (ret == 0 && rte_kvargs_count(kv, ARG_PRIMARY) == 1 &&
	    rte_kvargs_count(kv, ARG_SLAVE) + rte_kvargs_count(kv, ARG_MEMBER) == 0) {
		BOND_LOG(ERR, "%s: primary given without any slave", name);
		ret = -EINVAL;
	}
	if (ret != 0) {
		rte_kvargs_free(kv);
		return ret;
	}
	*kvp = kv;
	return 0;
}

int
bond_args_apply(struct bond_dev *b)
{
	struct rte_kvargs *kv = b->kvargs;
	struct rte_ether_addr mac;
	uint32_t poll = b->poll_ms, up = b->up_delay_ms, down = b->down_delay_ms;
	uint8_t policy = b->xmit_policy;
	enum rte_bond_8023ad_agg_selection agg = b->lacp_conf.agg_selection;

	if (kv == NULL)
		return 0;
	if (rte_kvargs_process(kv, ARG_AGG, parse_agg, &agg) < 0 ||
	    rte_kvargs_process(kv, ARG_POLICY, parse_policy, &policy) < 0 ||
	    rte_kvargs_process(kv, ARG_MAC, parse_mac, &mac) < 0 ||
	    rte_kvargs_process(kv, ARG_POLL, parse_u32, &poll) < 0 ||
	    rte_kvargs_process(kv, ARG_UP, parse_u32, &up) < 0 ||
	    rte_kvargs_process(kv, ARG_DOWN, parse_u32, &down) < 0)
		return -EINVAL;
	if (rte_kvargs_count(kv, ARG_MAC) == 1) {
		b->mac = mac;
		b->user_mac = 1;
	}
	b->xmit_policy = policy;
	b->lacp_conf.agg_selection = agg;
	b->poll_ms = poll == 0 ? BOND_DEFAULT_POLL_MS : poll;
	b->up_delay_ms = up;
	b->down_delay_ms = down;
	return 0;
}

static int
add_member(const char *key, const char *value, void *opaque)
{
	struct bond_dev *b = opaque;
	uint16_t port;

	if (parse_port(key, value, &port) != 0)
		return -ENODEV;
	/* the same member named twice joins once */
	if (bond_member_index(b, port) >= 0)
		return 0;
	return bond_member_add(b, port) == 0 ? 0 : -EINVAL;
}

int
bond_args_members(struct bond_dev *b)
{
	uint16_t primary, before = b->nb_members;
	int ret = 0;

	if (b->kvargs == NULL)
		return 0;
	if (rte_kvargs_process(b->kvargs, ARG_SLAVE, add_member, b) < 0 ||
	    rte_kvargs_process(b->kvargs, ARG_MEMBER, add_member, b) < 0)
		ret = -EINVAL;
	if (ret == 0 && rte_kvargs_count(b->kvargs, ARG_PRIMARY) == 1) {
		if (rte_kvargs_process(b->kvargs, ARG_PRIMARY, parse_port, &primary) < 0) {
			ret = -EINVAL;
		} else if (bond_member_index(b, primary) < 0) {
			BOND_LOG(ERR, "port %u: primary %u is not one of its slaves", b->port_id,
					primary);
			ret = -EINVAL;
		} else {
			b->primary = primary;
			b->user_primary = 1;
			bond_pick_primary(b);
		}
	}
	/* refused: the members these arguments brought leave again */
	while (ret != 0 && b->nb_members > before)
		bond_member_remove(b, b->members[b->nb_members - 1].port_id);
	return ret;
}
