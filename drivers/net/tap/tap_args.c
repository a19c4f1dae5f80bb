/* SPDX-License-Identifier: BSD-3-Clause */
/* Device arguments of net_tap and net_tun: checked in full before anything is created. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <errno.h>

#include <rte_kvargs.h>
#include <rte_string_fns.h>

#include "tap_private.h"

#define ARG_IFACE "iface"
#define ARG_MAC "mac"
#define ARG_REMOTE "remote"
#define MAC_FIXED "fixed"

struct parse_ctx {
	struct tap_args *args;
	const char *devname;
	int err;                     /* the handler's error: kvargs reports only that it failed */
};

/* What the kernel accepts as a name (dev_valid_name), checked here to name the problem. */
static int
check_iface(const char *devname, const char *value)
{
	const char *p;

	if (value == NULL || value[0] == '\0') {
		TAP_LOG(ERR, "%s: empty interface name iface=", devname);
		return -EINVAL;
	}
	if (strlen(value) >= IF_NAMESIZE) {
		TAP_LOG(ERR, "%s: interface name iface=%s is too long (at most %d characters)",
			devname, value, IF_NAMESIZE - 1);
		return -EINVAL;
	}
	if (strcmp(value, ".") == 0 || strcmp(value, "..") == 0)
		p = value;
	else
		for (p = value; *p != '\0'; p++)
			if (*p == '/' || *p == ':' || isspace((unsigned char)*p))
				break;
	if (*p != '\0' || p == value) {
		TAP_LOG(ERR, "%s: invalid interface name iface=%s", devname, value);
		return -EINVAL;
	}
	return 0;
}

/*
 * "fixed" gives DPDK's recognisable address 00:64:74:61:70:NN ("\0dtap" then a digit
 * counting the ports made so, from '0'); anything else must be a unicast xx:xx:xx:xx:xx:xx.
 */
static int
parse_mac(const char *devname, const char *value, struct rte_ether_addr *mac)
{
	static unsigned int fixed_count;
	unsigned int i;

	if (value != NULL && strcasecmp(value, MAC_FIXED) == 0) {
		static const uint8_t prefix[] = { 0x00, 'd', 't', 'a', 'p' };

		memcpy(mac->addr_bytes, prefix, sizeof(prefix));
		mac->addr_bytes[RTE_ETHER_ADDR_LEN - 1] = (uint8_t)('0' + fixed_count++);
		return 0;
	}
	/* Exactly six pairs of hex digits: rte_ether_unformat_addr also takes other forms. */
	for (i = 0; value != NULL && i < 17; i++)
		if (i % 3 == 2 ? value[i] != ':' : !isxdigit((unsigned char)value[i]))
			break;
	if (value == NULL || i != 17 || value[17] != '\0' ||
			rte_ether_unformat_addr(value, mac) != 0) {
		TAP_LOG(ERR, "%s: invalid MAC address mac=%s (expected fixed or xx:xx:xx:xx:xx:xx)",
			devname, value == NULL ? "" : value);
		return -EINVAL;
	}
	if (!rte_is_unicast_ether_addr(mac) || rte_is_zero_ether_addr(mac)) {
		TAP_LOG(ERR, "%s: mac=%s is not a unicast address", devname, value);
		return -EINVAL;
	}
	return 0;
}

static int
handle_arg(const char *key, const char *value, void *opaque)
{
	struct parse_ctx *ctx = opaque;
	struct tap_args *a = ctx->args;

	if (strcmp(key, ARG_IFACE) == 0) {
		if (check_iface(ctx->devname, value) < 0)
			return -EINVAL;
		rte_strlcpy(a->iface, value, sizeof(a->iface));
		return 0;
	}
	if (strcmp(key, ARG_MAC) == 0) {
		if (parse_mac(ctx->devname, value, &a->mac) < 0)
			return -EINVAL;
		/* A tun interface has no MAC address: DPDK accepts the argument and ignores it. */
		a->have_mac = !a->tun;
		return 0;
	}
	if (strcmp(key, ARG_REMOTE) == 0) {
		TAP_LOG(ERR, "%s: remote=%s is not supported (this driver mirrors no netdevice "
			"through tc rules)", ctx->devname, value == NULL ? "" : value);
		ctx->err = -ENOTSUP;
		return -ENOTSUP;
	}
	TAP_LOG(ERR, "%s: unknown argument %s", ctx->devname, key);
	return -EINVAL;
}

int
tap_args_parse(const char *devname, const char *params, int tun, struct tap_args *args)
{
	struct parse_ctx ctx = { .args = args, .devname = devname };
	struct rte_kvargs *kvlist;
	int ret;

	memset(args, 0, sizeof(*args));
	args->tun = (uint8_t)!!tun;
	rte_strlcpy(args->iface, tun ? TUN_DEFAULT_NAME : TAP_DEFAULT_NAME, sizeof(args->iface));
	if (params == NULL || params[0] == '\0')
		return 0;
	/* Any key, with or without a value, is taken here so that the log can name it. */
	kvlist = rte_kvargs_parse(params, NULL);
	if (kvlist == NULL) {
		TAP_LOG(ERR, "%s: cannot parse arguments '%s'", devname, params);
		return -EINVAL;
	}
	ret = rte_kvargs_process_opt(kvlist, NULL, handle_arg, &ctx);
	rte_kvargs_free(kvlist);
	if (ret < 0)
		return ctx.err < 0 ? ctx.err : -EINVAL;
	return 0;
}
