/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Telemetry commands of ethdev: /ethdev/list, and per port (the port id as parameter)
 * /ethdev/stats, /ethdev/xstats, /ethdev/link_status and /ethdev/info. A missing or bad port
 * id answers null. Port state is read under the port-table lock, so a port being detached
 * meanwhile is either reported whole or not at all.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_telemetry.h>

#include "rte_ethdev.h"
#include "ethdev_driver.h"
#include "ethdev_private.h"

/* The port id in params: digits (decimal, or 0x hex), an existing port. -1 otherwise. */
static int
telemetry_port(const char *cmd, const char *params)
{
	unsigned long id;
	char *end;

	if (params == NULL || !isdigit((unsigned char)params[0])) {
		ETHDEV_LOG(NOTICE, "%s: needs a port id, got '%s'", cmd,
			params != NULL ? params : "");
		return -1;
	}
	errno = 0;
	id = strtoul(params, &end, 0);
	if (*end != '\0')
		ETHDEV_LOG(NOTICE, "%s: ignoring '%s' after the port id", cmd, end);
	if (errno != 0 || id >= RTE_MAX_ETHPORTS || !rte_eth_dev_is_valid_port((uint16_t)id)) {
		ETHDEV_LOG(NOTICE, "%s: no port %s", cmd, params);
		return -1;
	}
	return (int)id;
}

static int
eth_tel_list(const char *cmd, const char *params, struct rte_tel_data *d)
{
	uint16_t port;

	RTE_SET_USED(cmd);
	RTE_SET_USED(params);
	rte_tel_data_start_array(d, RTE_TEL_INT_VAL);
	RTE_ETH_FOREACH_DEV(port)
		rte_tel_data_add_array_int(d, port);
	return 0;
}

/* Add the first RTE_ETHDEV_QUEUE_STAT_CNTRS values of q under name. */
static int
add_queue_array(struct rte_tel_data *d, const char *name, const uint64_t *q)
{
	struct rte_tel_data *a = rte_tel_data_alloc();
	int i;

	if (a == NULL)
		return -ENOMEM;
	rte_tel_data_start_array(a, RTE_TEL_U64_VAL);
	for (i = 0; i < RTE_ETHDEV_QUEUE_STAT_CNTRS; i++)
		rte_tel_data_add_array_u64(a, q[i]);
	if (rte_tel_data_add_dict_container(d, name, a, 0) < 0) {
		rte_tel_data_free(a);
		return -ENOMEM;
	}
	return 0;
}

static int
eth_tel_stats(const char *cmd, const char *params, struct rte_tel_data *d)
{
	struct rte_eth_stats st;
	int port = telemetry_port(cmd, params);

	if (port < 0 || rte_eth_stats_get(port, &st) != 0)
		return -1;
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_u64(d, "ipackets", st.ipackets);
	rte_tel_data_add_dict_u64(d, "opackets", st.opackets);
	rte_tel_data_add_dict_u64(d, "ibytes", st.ibytes);
	rte_tel_data_add_dict_u64(d, "obytes", st.obytes);
	rte_tel_data_add_dict_u64(d, "imissed", st.imissed);
	rte_tel_data_add_dict_u64(d, "ierrors", st.ierrors);
	rte_tel_data_add_dict_u64(d, "oerrors", st.oerrors);
	rte_tel_data_add_dict_u64(d, "rx_nombuf", st.rx_nombuf);
	if (add_queue_array(d, "q_ipackets", st.q_ipackets) < 0 ||
			add_queue_array(d, "q_opackets", st.q_opackets) < 0 ||
			add_queue_array(d, "q_ibytes", st.q_ibytes) < 0 ||
			add_queue_array(d, "q_obytes", st.q_obytes) < 0 ||
			add_queue_array(d, "q_errors", st.q_errors) < 0)
		return -1;
	return 0;
}

static int
eth_tel_xstats(const char *cmd, const char *params, struct rte_tel_data *d)
{
	struct rte_eth_xstat_name *names = NULL;
	struct rte_eth_xstat *vals = NULL;
	int port = telemetry_port(cmd, params);
	int n, got, i, ret = -1;

	if (port < 0)
		return -1;
	n = rte_eth_xstats_get(port, NULL, 0);
	if (n < 0)
		return -1;
	if (n > 0) {
		names = calloc(n, sizeof(*names));
		vals = calloc(n, sizeof(*vals));
		if (names == NULL || vals == NULL)
			goto out;
		/* The count may have changed in between; use what both calls agree on. */
		got = rte_eth_xstats_get_names(port, names, n);
		if (got < 0 || got > n)
			goto out;
		n = got;
		got = rte_eth_xstats_get(port, vals, n);
		if (got < 0 || got > n)
			goto out;
		n = got;
	}
	rte_tel_data_start_dict(d);
	for (i = 0; i < n; i++)
		if (vals[i].id < (uint64_t)n)
			rte_tel_data_add_dict_u64(d, names[vals[i].id].name, vals[i].value);
	ret = 0;
out:
	free(names);
	free(vals);
	return ret;
}

static int
eth_tel_link_status(const char *cmd, const char *params, struct rte_tel_data *d)
{
	struct rte_eth_link link;
	int port = telemetry_port(cmd, params);

	if (port < 0 || rte_eth_link_get_nowait(port, &link) < 0)
		return -1;
	rte_tel_data_start_dict(d);
	if (!link.link_status) {
		rte_tel_data_add_dict_string(d, "status", "DOWN");
		return 0;
	}
	rte_tel_data_add_dict_string(d, "status", "UP");
	rte_tel_data_add_dict_u64(d, "speed", link.link_speed);
	rte_tel_data_add_dict_string(d, "duplex",
		link.link_duplex == RTE_ETH_LINK_FULL_DUPLEX ? "full-duplex" : "half-duplex");
	return 0;
}

static struct rte_tel_data *
queue_states(const uint8_t *state, uint16_t n)
{
	struct rte_tel_data *a = rte_tel_data_alloc();
	uint16_t i;

	if (a == NULL)
		return NULL;
	rte_tel_data_start_array(a, RTE_TEL_INT_VAL);
	for (i = 0; i < n && i < RTE_TEL_MAX_ARRAY_ENTRIES; i++)
		rte_tel_data_add_array_int(a, state[i]);
	return a;
}

static int
eth_tel_info(const char *cmd, const char *params, struct rte_tel_data *d)
{
	char mac[RTE_ETHER_ADDR_FMT_SIZE] = "";
	struct rte_tel_data *rxq = NULL, *txq = NULL;
	struct rte_eth_dev_data *data;
	int port = telemetry_port(cmd, params);
	int ret = -1;

	if (port < 0)
		return -1;
	eth_dev_lock();
	/* Checked again under the lock: the port may have gone since. */
	if (!rte_eth_dev_is_valid_port(port))
		goto out;
	data = rte_eth_devices[port].data;
	rxq = queue_states(data->rx_queue_state, data->nb_rx_queues);
	txq = queue_states(data->tx_queue_state, data->nb_tx_queues);
	if (rxq == NULL || txq == NULL)
		goto out;
	if (data->mac_addrs != NULL)
		rte_ether_format_addr(mac, sizeof(mac), data->mac_addrs);
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_string(d, "name", data->name);
	rte_tel_data_add_dict_int(d, "state", rte_eth_devices[port].state);
	rte_tel_data_add_dict_int(d, "nb_rx_queues", data->nb_rx_queues);
	rte_tel_data_add_dict_int(d, "nb_tx_queues", data->nb_tx_queues);
	rte_tel_data_add_dict_int(d, "port_id", data->port_id);
	rte_tel_data_add_dict_int(d, "mtu", data->mtu);
	rte_tel_data_add_dict_int(d, "rx_mbuf_size_min", data->min_rx_buf_size);
	rte_tel_data_add_dict_u64(d, "rx_mbuf_alloc_fail", data->rx_mbuf_alloc_failed);
	rte_tel_data_add_dict_string(d, "mac_addr", mac);
	rte_tel_data_add_dict_int(d, "promiscuous", data->promiscuous);
	rte_tel_data_add_dict_int(d, "scattered_rx", data->scattered_rx);
	rte_tel_data_add_dict_int(d, "all_multicast", data->all_multicast);
	rte_tel_data_add_dict_int(d, "dev_started", data->dev_started);
	rte_tel_data_add_dict_int(d, "lro", data->lro);
	rte_tel_data_add_dict_int(d, "dev_configured", data->dev_configured);
	rte_tel_data_add_dict_container(d, "rxq_state", rxq, 0);
	rte_tel_data_add_dict_container(d, "txq_state", txq, 0);
	rxq = txq = NULL;
	rte_tel_data_add_dict_int(d, "numa_node", data->numa_node);
	rte_tel_data_add_dict_int(d, "dev_flags", data->dev_flags);
	rte_tel_data_add_dict_u64(d, "rx_offloads", data->dev_conf.rxmode.offloads);
	rte_tel_data_add_dict_u64(d, "tx_offloads", data->dev_conf.txmode.offloads);
	rte_tel_data_add_dict_u64(d, "ethdev_rss_hf",
		data->dev_conf.rx_adv_conf.rss_conf.rss_hf);
	ret = 0;
out:
	eth_dev_unlock();
	rte_tel_data_free(rxq);
	rte_tel_data_free(txq);
	return ret;
}

RTE_INIT(ethdev_telemetry_register)
{
	rte_telemetry_register_cmd("/ethdev/list", eth_tel_list,
		"Ids of the ports. No parameters");
	rte_telemetry_register_cmd("/ethdev/stats", eth_tel_stats,
		"Basic counters of a port (rte_eth_stats_get). Parameter: port id");
	rte_telemetry_register_cmd("/ethdev/xstats", eth_tel_xstats,
		"Extended counters of a port, by name. Parameter: port id");
	rte_telemetry_register_cmd("/ethdev/link_status", eth_tel_link_status,
		"Link state, speed and duplex of a port. Parameter: port id");
	rte_telemetry_register_cmd("/ethdev/info", eth_tel_info,
		"Name, queues, MTU, MAC, modes and offloads of a port. Parameter: port id");
}
