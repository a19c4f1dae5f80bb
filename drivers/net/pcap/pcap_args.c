/* SPDX-License-Identifier: BSD-3-Clause */
/* Device arguments of net_pcap: validated in full before the driver opens anything. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_kvargs.h>
#include <rte_string_fns.h>

#include "pcap_private.h"

#define ARG_RX_PCAP "rx_pcap"
#define ARG_TX_PCAP "tx_pcap"
#define ARG_RX_IFACE "rx_iface"
#define ARG_RX_IFACE_IN "rx_iface_in"
#define ARG_TX_IFACE "tx_iface"
#define ARG_IFACE "iface"
#define ARG_PHY_MAC "phy_mac"
#define ARG_INFINITE_RX "infinite_rx"

static const char *const valid_args[] = {
	ARG_RX_PCAP, ARG_TX_PCAP, ARG_RX_IFACE, ARG_RX_IFACE_IN, ARG_TX_IFACE, ARG_IFACE,
	ARG_PHY_MAC, ARG_INFINITE_RX, NULL
};

struct parse_ctx {
	struct pcap_args *args;
	const char *devname;
	int error;
};

static int
add_queue(struct parse_ctx *ctx, const char *key, const char *value, int rx,
		enum pcap_source kind, int inbound_only)
{
	struct pcap_args *a = ctx->args;
	unsigned int *n = rx ? &a->nb_rx : &a->nb_tx;
	struct pcap_queue_arg *q = rx ? &a->rx[*n] : &a->tx[*n];
	size_t max = kind == PQ_IFACE ? IF_NAMESIZE : PATH_MAX;

	if (value == NULL || value[0] == '\0') {
		PCAP_LOG(ERR, "%s: argument %s has an empty value", ctx->devname, key);
		return -EINVAL;
	}
	if (*n >= PCAP_MAX_QUEUES) {
		PCAP_LOG(ERR, "%s: too many %s queues (at most %d)", ctx->devname,
			rx ? "rx" : "tx", PCAP_MAX_QUEUES);
		return -EINVAL;
	}
	if (strlen(value) >= max) {
		PCAP_LOG(ERR, "%s: argument %s=%s is too long", ctx->devname, key, value);
		return -EINVAL;
	}
	q->name = strdup(value);
	if (q->name == NULL) {
		PCAP_LOG(ERR, "%s: no memory for argument %s=%s", ctx->devname, key, value);
		return -ENOMEM;
	}
	q->kind = kind;
	q->inbound_only = inbound_only;
	(*n)++;
	return 0;
}

static int
handle_arg(const char *key, const char *value, void *opaque)
{
	struct parse_ctx *ctx = opaque;
	int ret;

	if (strcmp(key, ARG_RX_PCAP) == 0)
		return add_queue(ctx, key, value, 1, PQ_FILE, 0);
	if (strcmp(key, ARG_TX_PCAP) == 0)
		return add_queue(ctx, key, value, 0, PQ_FILE, 0);
	if (strcmp(key, ARG_RX_IFACE) == 0)
		return add_queue(ctx, key, value, 1, PQ_IFACE, 0);
	if (strcmp(key, ARG_RX_IFACE_IN) == 0)
		return add_queue(ctx, key, value, 1, PQ_IFACE, 1);
	if (strcmp(key, ARG_TX_IFACE) == 0)
		return add_queue(ctx, key, value, 0, PQ_IFACE, 0);
	if (strcmp(key, ARG_IFACE) == 0) {
		ret = add_queue(ctx, key, value, 1, PQ_IFACE, 0);
		if (ret == 0)
			ret = add_queue(ctx, key, value, 0, PQ_IFACE, 0);
		return ret;
	}
	if (strcmp(key, ARG_PHY_MAC) == 0 || strcmp(key, ARG_INFINITE_RX) == 0) {
		int *flag = key[0] == 'p' ? &ctx->args->phy_mac : &ctx->args->infinite_rx;

		if (value == NULL || (strcmp(value, "0") != 0 && strcmp(value, "1") != 0)) {
			PCAP_LOG(ERR, "%s: argument %s must be 0 or 1, not '%s'", ctx->devname,
				key, value == NULL ? "" : value);
			return -EINVAL;
		}
		*flag = value[0] == '1';
		return 0;
	}
	PCAP_LOG(ERR, "%s: unknown argument %s", ctx->devname, key);
	return -EINVAL;
}

void
pcap_args_free(struct pcap_args *args)
{
	unsigned int i;

	for (i = 0; i < args->nb_rx; i++) {
		free(args->rx[i].name);
		args->rx[i].name = NULL;
	}
	for (i = 0; i < args->nb_tx; i++) {
		free(args->tx[i].name);
		args->tx[i].name = NULL;
	}
	args->nb_rx = 0;
	args->nb_tx = 0;
}

static int
parse_args(const char *name, const char *params, struct pcap_args *args)
{
	struct parse_ctx ctx = { .args = args, .devname = name };
	struct rte_kvargs *kvlist;
	unsigned int i;
	int ret;

	memset(args, 0, sizeof(*args));
	if (params == NULL || params[0] == '\0') {
		PCAP_LOG(ERR, "%s: no rx_pcap, tx_pcap, rx_iface, tx_iface or iface argument",
			name);
		return -EINVAL;
	}
	kvlist = rte_kvargs_parse(params, valid_args);
	if (kvlist == NULL) {
		PCAP_LOG(ERR, "%s: cannot parse arguments '%s' (valid keys: rx_pcap, tx_pcap, rx_iface, rx_iface_in, tx_iface, iface, phy_mac, infinite_rx)",
			name, params);
		return -EINVAL;
	}
	/* One pass over the pairs in the order given, so queues are numbered as written. */
	ret = rte_kvargs_process(kvlist, NULL, handle_arg, &ctx);
	rte_kvargs_free(kvlist);
	if (ret < 0)
		return -EINVAL;
	if (args->nb_rx == 0 && args->nb_tx == 0) {
		PCAP_LOG(ERR, "%s: no rx_pcap, tx_pcap, rx_iface, tx_iface or iface argument",
			name);
		return -EINVAL;
	}
	if (args->infinite_rx) {
		for (i = 0; i < args->nb_rx; i++) {
			if (args->rx[i].kind != PQ_FILE) {
				PCAP_LOG(ERR, "%s: infinite_rx needs rx_pcap files, not interface %s",
					name, args->rx[i].name);
				return -EINVAL;
			}
		}
	}
	if (args->phy_mac) {
		for (i = 0; i < args->nb_rx && args->mac_iface[0] == '\0'; i++)
			if (args->rx[i].kind == PQ_IFACE)
				rte_strlcpy(args->mac_iface, args->rx[i].name, IF_NAMESIZE);
		for (i = 0; i < args->nb_tx && args->mac_iface[0] == '\0'; i++)
			if (args->tx[i].kind == PQ_IFACE)
				rte_strlcpy(args->mac_iface, args->tx[i].name, IF_NAMESIZE);
		if (args->mac_iface[0] == '\0') {
			PCAP_LOG(ERR, "%s: phy_mac=1 needs an interface argument", name);
			return -EINVAL;
		}
	}
	return 0;
}

int
pcap_args_parse(const char *name, const char *params, struct pcap_args *args)
{
	int ret = parse_args(name, params, args);

	if (ret < 0)
		pcap_args_free(args);
	return ret;
}
