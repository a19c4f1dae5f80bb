/* SPDX-License-Identifier: BSD-3-Clause */
/* Device arguments of net_af_packet: checked in full before any socket is opened. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <linux/if_packet.h>

#include <rte_kvargs.h>
#include <rte_string_fns.h>

#include "afp_private.h"

#define ARG_IFACE "iface"
#define ARG_QPAIRS "qpairs"
#define ARG_BLOCKSZ "blocksz"
#define ARG_FRAMESZ "framesz"
#define ARG_FRAMECNT "framecnt"
#define ARG_QDISC_BYPASS "qdisc_bypass"

struct parse_ctx {
	struct afp_args *args;
	const char *devname;
	int have_iface;
};

/* A decimal number in 1..UINT32_MAX with nothing after it. */
static int
parse_uint(const char *value, unsigned int *out)
{
	unsigned long v;
	char *end;

	if (value == NULL || value[0] < '0' || value[0] > '9')
		return -1;
	errno = 0;
	v = strtoul(value, &end, 10);
	if (errno != 0 || *end != '\0' || v == 0 || v > UINT32_MAX)
		return -1;
	*out = (unsigned int)v;
	return 0;
}

static int
handle_arg(const char *key, const char *value, void *opaque)
{
	struct parse_ctx *ctx = opaque;
	struct afp_args *a = ctx->args;
	unsigned int *num = NULL;

	if (strcmp(key, ARG_IFACE) == 0) {
		if (value == NULL || value[0] == '\0' || strlen(value) >= IF_NAMESIZE) {
			AFP_LOG(ERR, "%s: invalid interface name iface=%s", ctx->devname,
				value == NULL ? "" : value);
			return -EINVAL;
		}
		rte_strlcpy(a->iface, value, sizeof(a->iface));
		ctx->have_iface = 1;
		return 0;
	}
	if (strcmp(key, ARG_QDISC_BYPASS) == 0) {
		if (value == NULL || (strcmp(value, "0") != 0 && strcmp(value, "1") != 0)) {
			AFP_LOG(ERR, "%s: qdisc_bypass must be 0 or 1, not '%s'", ctx->devname,
				value == NULL ? "" : value);
			return -EINVAL;
		}
		a->qdisc_bypass = value[0] == '1';
		return 0;
	}
	if (strcmp(key, ARG_QPAIRS) == 0)
		num = &a->qpairs;
	else if (strcmp(key, ARG_BLOCKSZ) == 0)
		num = &a->blocksz;
	else if (strcmp(key, ARG_FRAMESZ) == 0)
		num = &a->framesz;
	else if (strcmp(key, ARG_FRAMECNT) == 0)
		num = &a->framecnt;
	if (num == NULL) {
		AFP_LOG(ERR, "%s: unknown argument %s", ctx->devname, key);
		return -EINVAL;
	}
	if (parse_uint(value, num) < 0) {
		AFP_LOG(ERR, "%s: %s must be a positive number, not '%s'", ctx->devname, key,
			value == NULL ? "" : value);
		return -EINVAL;
	}
	return 0;
}

/* The PACKET_MMAP constraints the kernel would otherwise refuse with a bare EINVAL. */
static int
check_geometry(const char *devname, const struct afp_args *a)
{
	unsigned int page = (unsigned int)sysconf(_SC_PAGESIZE);

	if (a->qpairs > RTE_PMD_AF_PACKET_MAX_RINGS) {
		AFP_LOG(ERR, "%s: qpairs=%u is more than %d", devname, a->qpairs,
			RTE_PMD_AF_PACKET_MAX_RINGS);
		return -EINVAL;
	}
	if (a->blocksz % page != 0) {
		AFP_LOG(ERR, "%s: blocksz=%u is not a multiple of the page size %u", devname,
			a->blocksz, page);
		return -EINVAL;
	}
	if (a->framesz % TPACKET_ALIGNMENT != 0) {
		AFP_LOG(ERR, "%s: framesz=%u is not a multiple of %d", devname, a->framesz,
			TPACKET_ALIGNMENT);
		return -EINVAL;
	}
	if (a->framesz > a->blocksz) {
		AFP_LOG(ERR, "%s: framesz=%u is bigger than blocksz=%u", devname, a->framesz,
			a->blocksz);
		return -EINVAL;
	}
	if (a->framesz <= TPACKET2_HDRLEN) {
		AFP_LOG(ERR, "%s: framesz=%u leaves no room after the %zu-byte frame header",
			devname, a->framesz, (size_t)TPACKET2_HDRLEN);
		return -EINVAL;
	}
	if (a->framecnt % (a->blocksz / a->framesz) != 0) {
		AFP_LOG(ERR, "%s: framecnt=%u is not a multiple of the %u frames of a block",
			devname, a->framecnt, a->blocksz / a->framesz);
		return -EINVAL;
	}
	return 0;
}

int
afp_args_parse(const char *devname, const char *params, struct afp_args *args)
{
	struct parse_ctx ctx = { .args = args, .devname = devname };
	struct rte_kvargs *kvlist;
	int ret;

	memset(args, 0, sizeof(*args));
	args->qpairs = 1;
	args->blocksz = (unsigned int)sysconf(_SC_PAGESIZE);
	args->framesz = AFP_DEFAULT_FRAMESZ;
	args->framecnt = AFP_DEFAULT_FRAMECNT;
	/* DPDK's driver bypasses the qdisc unless told not to. */
	args->qdisc_bypass = 1;
	if (params != NULL && params[0] != '\0') {
		/* Any key is taken here so that an unknown one can be named in the log. */
		kvlist = rte_kvargs_parse(params, NULL);
		if (kvlist == NULL) {
			AFP_LOG(ERR, "%s: cannot parse arguments '%s'", devname, params);
			return -EINVAL;
		}
		ret = rte_kvargs_process(kvlist, NULL, handle_arg, &ctx);
		rte_kvargs_free(kvlist);
		if (ret < 0)
			return -EINVAL;
	}
	if (!ctx.have_iface) {
		AFP_LOG(ERR, "%s: no iface argument (the interface to attach to is required)",
			devname);
		return -EINVAL;
	}
	return check_geometry(devname, args);
}
