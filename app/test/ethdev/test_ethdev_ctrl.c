/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The control calls dispatched to driver operations (MAC list, VLAN, RSS, queues, xstats by
 * id, flow control, timestamps, EEPROM...), receive/transmit callbacks, port ownership and
 * the port iterator, through net_null, net_ring and a bare driver that has almost no
 * operations (for the -ENOTSUP answers). Each refusal is checked for its code and for leaving
 * the port as it was.
 */
#include "ethdev_test_util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_flow.h>
#include <rte_flow_driver.h>
#include <rte_mtr.h>
#include <rte_mtr_driver.h>
#include <rte_tm.h>
#include <rte_tm_driver.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

static struct rte_mempool *pool;

/* ---- a driver with the bare minimum: configure, info, queues, start, stop ---- */

static uint16_t
bare_burst(void *q, struct rte_mbuf **pkts, uint16_t n)
{
	RTE_SET_USED(q);
	RTE_SET_USED(pkts);
	RTE_SET_USED(n);
	return 0;
}

static int
bare_ok(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
bare_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	RTE_SET_USED(dev);
	info->max_rx_queues = 4;
	info->max_tx_queues = 4;
	info->max_mac_addrs = 1;
	return 0;
}

static int
bare_rxq(struct rte_eth_dev *dev, uint16_t q, uint16_t n, unsigned int s,
		const struct rte_eth_rxconf *c, struct rte_mempool *mp)
{
	RTE_SET_USED(n);
	RTE_SET_USED(s);
	RTE_SET_USED(c);
	RTE_SET_USED(mp);
	dev->data->rx_queues[q] = dev;
	return 0;
}

static int
bare_txq(struct rte_eth_dev *dev, uint16_t q, uint16_t n, unsigned int s,
		const struct rte_eth_txconf *c)
{
	RTE_SET_USED(n);
	RTE_SET_USED(s);
	RTE_SET_USED(c);
	dev->data->tx_queues[q] = dev;
	return 0;
}

static void
bare_rxq_release(struct rte_eth_dev *dev, uint16_t q)
{
	dev->data->rx_queues[q] = NULL;
}

static void
bare_txq_release(struct rte_eth_dev *dev, uint16_t q)
{
	dev->data->tx_queues[q] = NULL;
}

static const struct eth_dev_ops bare_ops = {
	.dev_configure = bare_ok,
	.dev_start = bare_ok,
	.dev_stop = bare_ok,
	.dev_infos_get = bare_info,
	.rx_queue_setup = bare_rxq,
	.tx_queue_setup = bare_txq,
	.rx_queue_release = bare_rxq_release,
	.tx_queue_release = bare_txq_release,
};

static int
bare_probe(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_vdev_allocate(vdev, 0);

	if (dev == NULL)
		return -rte_errno;
	dev->data->mac_addrs = rte_zmalloc(NULL, sizeof(struct rte_ether_addr), 0);
	if (dev->data->mac_addrs == NULL) {
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);
	dev->dev_ops = &bare_ops;
	dev->rx_pkt_burst = bare_burst;
	dev->tx_pkt_burst = bare_burst;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
bare_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0;
	rte_eth_dev_close(dev->data->port_id);
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver bare_driver = {
	.probe = bare_probe,
	.remove = bare_remove,
};
RTE_PMD_REGISTER_VDEV(net_bare, bare_driver);


/* ---- a driver with a small flow engine: rules ETH [IPV4] END -> QUEUE ---- */

struct ft_rule {
	uint16_t queue;
	int used;
};

static struct ft_rule ft_rules[4];

static int
ft_check(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error, uint16_t *queue)
{
	const struct rte_flow_action_queue *q;
	int i = 0;

	if (attr == NULL || !attr->ingress)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ATTR, attr,
				"ingress only");
	if (pattern == NULL || pattern[i].type != RTE_FLOW_ITEM_TYPE_ETH)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ITEM, pattern,
				"ETH first");
	i++;
	if (pattern[i].type == RTE_FLOW_ITEM_TYPE_IPV4)
		i++;
	if (pattern[i].type != RTE_FLOW_ITEM_TYPE_END)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, &pattern[i],
				"unsupported item");
	if (actions == NULL || actions[0].type != RTE_FLOW_ACTION_TYPE_QUEUE ||
	    actions[1].type != RTE_FLOW_ACTION_TYPE_END)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION, actions,
				"QUEUE only");
	q = actions[0].conf;
	if (q == NULL || q->index >= dev->data->nb_rx_queues)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_CONF, q,
				"no such queue");
	*queue = q->index;
	return 0;
}

static int
ft_validate(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error)
{
	uint16_t q = 0;

	return ft_check(dev, attr, pattern, actions, error, &q);
}

static struct rte_flow *
ft_create(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error)
{
	unsigned int i;
	uint16_t q = 0;

	if (ft_check(dev, attr, pattern, actions, error, &q) != 0)
		return NULL;
	for (i = 0; i < RTE_DIM(ft_rules); i++) {
		if (!ft_rules[i].used) {
			ft_rules[i].used = 1;
			ft_rules[i].queue = q;
			return (struct rte_flow *)&ft_rules[i];
		}
	}
	rte_flow_error_set(error, ENOSPC, RTE_FLOW_ERROR_TYPE_HANDLE, NULL, "table full");
	return NULL;
}

static int
ft_destroy(struct rte_eth_dev *dev, struct rte_flow *flow, struct rte_flow_error *error)
{
	struct ft_rule *r = (struct ft_rule *)flow;

	RTE_SET_USED(dev);
	if (r == NULL || r < ft_rules || r >= ft_rules + RTE_DIM(ft_rules) || !r->used)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_HANDLE, flow,
				"unknown rule");
	r->used = 0;
	return 0;
}

static int
ft_flush(struct rte_eth_dev *dev, struct rte_flow_error *error)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(error);
	memset(ft_rules, 0, sizeof(ft_rules));
	return 0;
}

static const struct rte_flow_ops ft_flow_ops = {
	.validate = ft_validate,
	.create = ft_create,
	.destroy = ft_destroy,
	.flush = ft_flush,
};

static int
ft_flow_ops_get(struct rte_eth_dev *dev, const struct rte_flow_ops **ops)
{
	RTE_SET_USED(dev);
	*ops = &ft_flow_ops;
	return 0;
}


/* Metering on the flow test driver: capabilities and one profile table. */
static uint32_t mtr_profiles;

static int
ft_mtr_capa(struct rte_eth_dev *dev, struct rte_mtr_capabilities *cap,
		struct rte_mtr_error *error)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(error);
	memset(cap, 0, sizeof(*cap));
	cap->n_max = 8;
	cap->meter_srtcm_rfc2697_n_max = 8;
	return 0;
}

static int
ft_mtr_profile_add(struct rte_eth_dev *dev, uint32_t id, struct rte_mtr_meter_profile *profile,
		struct rte_mtr_error *error)
{
	RTE_SET_USED(dev);
	if (id >= 32 || (mtr_profiles & RTE_BIT32(id)))
		return -rte_mtr_error_set(error, EEXIST, RTE_MTR_ERROR_TYPE_METER_PROFILE_ID,
				NULL, "profile id in use or too large");
	if (profile == NULL || profile->alg != RTE_MTR_SRTCM_RFC2697)
		return -rte_mtr_error_set(error, ENOTSUP, RTE_MTR_ERROR_TYPE_METER_PROFILE,
				profile, "srTCM only");
	mtr_profiles |= RTE_BIT32(id);
	return 0;
}

static int
ft_mtr_profile_delete(struct rte_eth_dev *dev, uint32_t id, struct rte_mtr_error *error)
{
	RTE_SET_USED(dev);
	if (id >= 32 || !(mtr_profiles & RTE_BIT32(id)))
		return -rte_mtr_error_set(error, EINVAL, RTE_MTR_ERROR_TYPE_METER_PROFILE_ID,
				NULL, "no such profile");
	mtr_profiles &= ~RTE_BIT32(id);
	return 0;
}

static const struct rte_mtr_ops ft_mtr_ops = {
	.capabilities_get = ft_mtr_capa,
	.meter_profile_add = ft_mtr_profile_add,
	.meter_profile_delete = ft_mtr_profile_delete,
};

static int
ft_mtr_ops_get(struct rte_eth_dev *dev, void *arg)
{
	RTE_SET_USED(dev);
	*(const struct rte_mtr_ops **)arg = &ft_mtr_ops;
	return 0;
}


/* Traffic management on the flow test driver: node types and capabilities only. */
static int
ft_tm_node_type(struct rte_eth_dev *dev, uint32_t node_id, int *is_leaf,
		struct rte_tm_error *error)
{
	if (is_leaf == NULL)
		return -rte_tm_error_set(error, EINVAL, RTE_TM_ERROR_TYPE_UNSPECIFIED, NULL,
				"NULL is_leaf");
	if (node_id > 100)
		return -rte_tm_error_set(error, EINVAL, RTE_TM_ERROR_TYPE_NODE_ID, NULL,
				"no such node");
	*is_leaf = node_id < dev->data->nb_tx_queues;
	return 0;
}

static int
ft_tm_capa(struct rte_eth_dev *dev, struct rte_tm_capabilities *cap, struct rte_tm_error *error)
{
	RTE_SET_USED(error);
	memset(cap, 0, sizeof(*cap));
	cap->n_levels_max = 2;
	cap->n_nodes_max = dev->data->nb_tx_queues + 1u;
	return 0;
}

static const struct rte_tm_ops ft_tm_ops = {
	.node_type_get = ft_tm_node_type,
	.capabilities_get = ft_tm_capa,
};

static int
ft_tm_ops_get(struct rte_eth_dev *dev, void *arg)
{
	RTE_SET_USED(dev);
	*(const struct rte_tm_ops **)arg = &ft_tm_ops;
	return 0;
}

static struct eth_dev_ops ft_ops;

static int
ft_probe(struct rte_vdev_device *vdev)
{
	int ret = bare_probe(vdev);
	struct rte_eth_dev *dev;

	if (ret != 0)
		return ret;
	ft_ops = bare_ops;
	ft_ops.flow_ops_get = ft_flow_ops_get;
	ft_ops.mtr_ops_get = ft_mtr_ops_get;
	ft_ops.tm_ops_get = ft_tm_ops_get;
	dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	dev->dev_ops = &ft_ops;
	return 0;
}

static struct rte_vdev_driver ft_driver = {
	.probe = ft_probe,
	.remove = bare_remove,
};
RTE_PMD_REGISTER_VDEV(net_flowtest, ft_driver);

static int
setup(void **state)
{
	(void)state;
	pool = test_env_init("test_ethdev_ctrl", "-l", "0", 4095, 128);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return test_env_fini(pool);
}

static void
port_gone(uint16_t port)
{
	char devname[RTE_DEV_NAME_MAX_LEN];

	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
}

/* Every dispatched call on a driver without the operation: -ENOTSUP, nothing changed. */
static void
test_not_supported(void **state)
{
	struct rte_ether_addr mac = {{ 0x02, 0, 0, 0, 0, 7 }};
	struct rte_eth_rss_reta_entry64 reta[1];
	struct rte_eth_rss_conf rss = { 0 };
	struct rte_eth_fc_conf fc;
	struct rte_eth_pfc_conf pfc;
	struct rte_eth_pfc_queue_info pfcq;
	struct rte_eth_pfc_queue_conf pfcqc;
	struct rte_eth_burst_mode mode;
	struct rte_eth_dcb_info dcb;
	struct rte_dev_reg_info reg;
	struct rte_dev_eeprom_info ee;
	struct rte_eth_dev_module_info mod;
	struct rte_eth_udp_tunnel tun = { .udp_port = 4789, .prot_type = 1 };
	struct rte_eth_hairpin_cap hcap;
	struct rte_eth_hairpin_conf hconf;
	struct rte_eth_cman_info cinfo;
	struct rte_eth_cman_config cconf;
	struct rte_eth_ip_reassembly_params rp;
	struct rte_eth_fec_capa fcapa[2];
	struct rte_eth_rxq_info rxqi;
	struct timespec ts = { 0 };
	uint64_t clk, feat = 0;
	uint32_t fec;
	uint16_t port, mtu, peers[2], q = 0;
	uint8_t data[4];
	char fw[32];

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_bare0", &port), 0);
	assert_int_equal(rte_eth_rx_metadata_negotiate(port, &feat), -ENOTSUP);
	test_port_up(port, 2, pool);
	memset(reta, 0, sizeof(reta));
	reta[0].mask = 1;
	assert_int_equal(rte_eth_dev_set_mtu(port, 1400), -ENOTSUP);
	assert_int_equal(rte_eth_dev_get_mtu(port, &mtu), 0);
	assert_int_equal(mtu, RTE_ETHER_MTU);
	assert_int_equal(rte_eth_dev_mac_addr_add(port, &mac, 0), -ENOTSUP);
	assert_int_equal(rte_eth_dev_mac_addr_remove(port, &mac), -ENOTSUP);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port, &mac), -ENOTSUP);
	assert_int_equal(rte_eth_dev_set_mc_addr_list(port, &mac, 1), -ENOTSUP);
	assert_int_equal(rte_eth_dev_uc_all_hash_table_set(port, 1), -ENOTSUP);
	/* No hash table (max_hash_mac_addrs 0): full before it gets to the driver. */
	assert_int_equal(rte_eth_dev_uc_hash_table_set(port, &mac, 1), -ENOSPC);
	assert_int_equal(rte_eth_dev_uc_hash_table_set(port, &mac, 0), -EINVAL);
	assert_int_equal(rte_eth_dev_set_vlan_strip_on_queue(port, 0, 1), -ENOTSUP);
	assert_int_equal(rte_eth_dev_set_vlan_ether_type(port, RTE_ETH_VLAN_TYPE_OUTER, 0x88a8),
			-ENOTSUP);
	assert_int_equal(rte_eth_dev_set_vlan_pvid(port, 5, 1), -ENOTSUP);
	assert_int_equal(rte_eth_dev_rss_reta_query(port, reta, 64), -ENOTSUP);
	assert_int_equal(rte_eth_dev_rss_hash_conf_get(port, &rss), -ENOTSUP);
	assert_int_equal(rte_eth_dev_flow_ctrl_get(port, &fc), -ENOTSUP);
	memset(&fc, 0, sizeof(fc));
	assert_int_equal(rte_eth_dev_flow_ctrl_set(port, &fc), -ENOTSUP);
	memset(&pfc, 0, sizeof(pfc));
	assert_int_equal(rte_eth_dev_priority_flow_ctrl_set(port, &pfc), -ENOTSUP);
	assert_int_equal(rte_eth_dev_priority_flow_ctrl_queue_info_get(port, &pfcq), -ENOTSUP);
	memset(&pfcqc, 0, sizeof(pfcqc));
	assert_int_equal(rte_eth_dev_priority_flow_ctrl_queue_configure(port, &pfcqc), -ENOTSUP);
	assert_int_equal(rte_eth_dev_udp_tunnel_port_add(port, &tun), -ENOTSUP);
	assert_int_equal(rte_eth_dev_udp_tunnel_port_delete(port, &tun), -ENOTSUP);
	assert_int_equal(rte_eth_dev_get_dcb_info(port, &dcb), -ENOTSUP);
	assert_int_equal(rte_eth_dev_rx_queue_stop(port, 0), -ENOTSUP);
	assert_int_equal(rte_eth_dev_tx_queue_start(port, 0), -ENOTSUP);
	assert_int_equal(rte_eth_rx_burst_mode_get(port, 0, &mode), -ENOTSUP);
	assert_int_equal(rte_eth_tx_burst_mode_get(port, 0, &mode), -ENOTSUP);
	assert_int_equal(rte_eth_rx_queue_info_get(port, 0, &rxqi), -ENOTSUP);
	assert_int_equal(rte_eth_dev_set_rx_queue_stats_mapping(port, 0, 1), -ENOTSUP);
	assert_int_equal(rte_eth_dev_set_tx_queue_stats_mapping(port, 0, 1), -ENOTSUP);
	assert_int_equal(rte_eth_tx_done_cleanup(port, 0, 0), -ENOTSUP);
	assert_int_equal(rte_eth_led_on(port), -ENOTSUP);
	assert_int_equal(rte_eth_led_off(port), -ENOTSUP);
	assert_int_equal(rte_eth_fec_get_capability(port, fcapa, 2), -ENOTSUP);
	assert_int_equal(rte_eth_fec_get(port, &fec), -ENOTSUP);
	assert_int_equal(rte_eth_fec_set(port, RTE_ETH_FEC_MODE_CAPA_MASK(AUTO)), -ENOTSUP);
	assert_int_equal(rte_eth_timesync_enable(port), -ENOTSUP);
	assert_int_equal(rte_eth_timesync_disable(port), -ENOTSUP);
	assert_int_equal(rte_eth_timesync_read_rx_timestamp(port, &ts, 0), -ENOTSUP);
	assert_int_equal(rte_eth_timesync_read_tx_timestamp(port, &ts), -ENOTSUP);
	assert_int_equal(rte_eth_timesync_adjust_time(port, 10), -ENOTSUP);
	assert_int_equal(rte_eth_timesync_read_time(port, &ts), -ENOTSUP);
	assert_int_equal(rte_eth_timesync_write_time(port, &ts), -ENOTSUP);
	assert_int_equal(rte_eth_read_clock(port, &clk), -ENOTSUP);
	memset(&reg, 0, sizeof(reg));
	assert_int_equal(rte_eth_dev_get_reg_info(port, &reg), -ENOTSUP);
	assert_int_equal(rte_eth_dev_get_eeprom_length(port), -ENOTSUP);
	ee.data = data;
	ee.offset = 0;
	ee.length = sizeof(data);
	ee.magic = 0;
	assert_int_equal(rte_eth_dev_get_eeprom(port, &ee), -ENOTSUP);
	assert_int_equal(rte_eth_dev_set_eeprom(port, &ee), -ENOTSUP);
	assert_int_equal(rte_eth_dev_get_module_info(port, &mod), -ENOTSUP);
	assert_int_equal(rte_eth_dev_get_module_eeprom(port, &ee), -ENOTSUP);
	assert_int_equal(rte_eth_dev_fw_version_get(port, fw, sizeof(fw)), -ENOTSUP);
	assert_int_equal(rte_eth_dev_rx_intr_enable(port, 0), -ENOTSUP);
	assert_int_equal(rte_eth_dev_rx_intr_disable(port, 0), -ENOTSUP);
	assert_int_equal(rte_eth_dev_rx_intr_ctl(port, 3, 1, NULL), -ENOTSUP);
	assert_int_equal(rte_eth_dev_rx_intr_ctl_q(port, 0, 3, 1, NULL), -ENOTSUP);
	assert_int_equal(rte_eth_dev_rx_intr_ctl_q_get_fd(port, 0), -1);
	assert_int_equal(rte_eth_representor_info_get(port, NULL), -ENOTSUP);
	assert_int_equal(rte_eth_dev_hairpin_capability_get(port, &hcap), -ENOTSUP);
	memset(&hconf, 0, sizeof(hconf));
	hconf.peer_count = 1;
	assert_int_equal(rte_eth_rx_hairpin_queue_setup(port, 0, 0, &hconf), -ENOTSUP);
	assert_int_equal(rte_eth_tx_hairpin_queue_setup(port, 0, 0, &hconf), -ENOTSUP);
	assert_int_equal(rte_eth_hairpin_get_peer_ports(port, peers, 2, 1), -ENOTSUP);
	assert_int_equal(rte_eth_hairpin_bind(port, RTE_MAX_ETHPORTS), -ENOTSUP);
	assert_int_equal(rte_eth_hairpin_unbind(port, RTE_MAX_ETHPORTS), -ENOTSUP);
	assert_int_equal(rte_eth_cman_info_get(port, &cinfo), -ENOTSUP);
	assert_int_equal(rte_eth_cman_config_init(port, &cconf), -ENOTSUP);
	assert_int_equal(rte_eth_cman_config_set(port, &cconf), -ENOTSUP);
	assert_int_equal(rte_eth_cman_config_get(port, &cconf), -ENOTSUP);
	assert_int_equal(rte_eth_ip_reassembly_capability_get(port, &rp), -ENOTSUP);
	assert_int_equal(rte_eth_ip_reassembly_conf_get(port, &rp), -ENOTSUP);
	assert_int_equal(rte_eth_ip_reassembly_conf_set(port, &rp), -EINVAL); /* started */
	assert_int_equal(rte_eth_dev_priv_dump(port, stdout), -ENOTSUP);
	assert_int_equal(rte_eth_rx_descriptor_dump(port, 0, 0, 4, stdout), -ENOTSUP);
	assert_int_equal(rte_eth_tx_descriptor_dump(port, 0, 0, 4, stdout), -ENOTSUP);
	assert_int_equal(rte_eth_rx_avail_thresh_set(port, 0, 50), -ENOTSUP);
	q = 7;
	assert_int_equal(rte_eth_rx_avail_thresh_query(port, &q, NULL), -ENOTSUP);
	assert_int_equal(q, 0); /* out of range: the search starts at queue 0 */
	assert_int_equal(rte_eth_buffer_split_get_supported_hdr_ptypes(port, NULL, 0), -ENOTSUP);
	assert_int_equal(rte_eth_get_monitor_addr(port, 0, (void *)data), -ENOTSUP);
	/* Neutral answers where DPDK gives one. */
	assert_int_equal(rte_eth_dev_pool_ops_supported(port, "ring_mp_mc"), 1);
	assert_null(rte_eth_dev_get_sec_ctx(port));
	assert_int_equal(rte_eth_dev_is_removed(port), 0);
	assert_int_equal(rte_eth_dev_get_vlan_offload(port), 0);
	/* Nothing was configured by all that. */
	assert_true(rte_eth_devices[port].data->dev_started);
	assert_int_equal(rte_eth_devices[port].data->dev_conf.rxmode.offloads, 0);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_ip_reassembly_conf_set(port, &rp), -ENOTSUP);
	port_gone(port);
}

/* Argument checks that come before the driver, on a port whose driver has the operation. */
static void
test_bad_arguments(void **state)
{
	struct rte_ether_addr zero = {{ 0 }}, mac = {{ 0x02, 1, 2, 3, 4, 5 }};
	struct rte_eth_rss_reta_entry64 reta[2];
	struct rte_eth_fc_conf fc;
	struct rte_eth_pfc_conf pfc;
	struct rte_eth_udp_tunnel tun = { .udp_port = 1, .prot_type = RTE_ETH_TUNNEL_TYPE_MAX };
	struct rte_dev_eeprom_info ee = { 0 };
	struct rte_eth_burst_mode mode;
	struct rte_eth_hairpin_conf hconf;
	struct rte_eth_ip_reassembly_params rp;
	uint16_t port, bad = RTE_MAX_ETHPORTS - 1;
	uint64_t feat = 0;
	char fw[8];

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_args", &port), 0);
	/* Invalid port: -ENODEV everywhere (is_removed: 0, intr fd: -1). */
	assert_int_equal(rte_eth_dev_mac_addr_add(bad, &mac, 0), -ENODEV);
	assert_int_equal(rte_eth_dev_vlan_filter(bad, 1, 1), -ENODEV);
	assert_int_equal(rte_eth_dev_rss_reta_update(bad, reta, 64), -ENODEV);
	assert_int_equal(rte_eth_dev_rx_queue_start(bad, 0), -ENODEV);
	assert_int_equal(rte_eth_led_on(bad), -ENODEV);
	assert_int_equal(rte_eth_timesync_enable(bad), -ENODEV);
	assert_int_equal(rte_eth_dev_get_vlan_offload(bad), -ENODEV);
	assert_int_equal(rte_eth_dev_is_removed(bad), 0);
	assert_int_equal(rte_eth_dev_rx_intr_ctl_q_get_fd(bad, 0), -1);
	assert_int_equal(rte_eth_xstats_get_by_id(bad, NULL, NULL, 0), -ENODEV);
	assert_null(rte_eth_dev_get_sec_ctx(bad));

	/* Before configure. */
	assert_int_equal(rte_eth_ip_reassembly_capability_get(port, &rp), -EINVAL);
	assert_int_equal(rte_eth_rx_metadata_negotiate(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_rx_metadata_negotiate(port, &feat), -ENOTSUP);
	test_port_up(port, 2, pool);
	assert_int_equal(rte_eth_rx_metadata_negotiate(port, &feat), -EBUSY);
	assert_int_equal(rte_eth_ip_reassembly_conf_get(port, NULL), -EINVAL);

	assert_int_equal(rte_eth_dev_mac_addr_add(port, NULL, 0), -EINVAL);
	assert_int_equal(rte_eth_dev_mac_addr_add(port, &zero, 0), -EINVAL);
	assert_int_equal(rte_eth_dev_mac_addr_add(port, &mac, 64), -EINVAL);
	assert_int_equal(rte_eth_dev_mac_addr_remove(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_set_mc_addr_list(port, NULL, 1), -EINVAL);
	assert_int_equal(rte_eth_dev_set_mc_addr_list(port, &mac,
			RTE_ETH_NUM_RECEIVE_MAC_ADDR + 1), -EINVAL);
	assert_int_equal(rte_eth_dev_uc_hash_table_set(port, NULL, 1), -EINVAL);
	assert_int_equal(rte_eth_dev_uc_hash_table_set(port, &zero, 1), -EINVAL);
	assert_int_equal(rte_eth_macaddrs_get(port, NULL, 4), -EINVAL);
	assert_int_equal(rte_eth_macaddrs_get(port, &mac, 0), -EINVAL);

	assert_int_equal(rte_eth_dev_set_vlan_strip_on_queue(port, 2, 1), -EINVAL);
	memset(reta, 0, sizeof(reta));
	assert_int_equal(rte_eth_dev_rss_reta_update(port, NULL, 64), -EINVAL);
	assert_int_equal(rte_eth_dev_rss_reta_update(port, reta, 0), -EINVAL);
	assert_int_equal(rte_eth_dev_rss_reta_update(port, reta, 64), -EINVAL); /* no mask */
	assert_int_equal(rte_eth_dev_rss_reta_query(port, reta, 64), -EINVAL);
	assert_int_equal(rte_eth_dev_rss_reta_query(port, NULL, 64), -EINVAL);
	reta[0].mask = 1;
	reta[0].reta[0] = 2; /* only queues 0 and 1 */
	assert_int_equal(rte_eth_dev_rss_reta_update(port, reta, 64), -EINVAL);
	assert_int_equal(rte_eth_dev_rss_hash_update(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_rss_hash_conf_get(port, NULL), -EINVAL);

	assert_int_equal(rte_eth_dev_flow_ctrl_get(port, NULL), -EINVAL);
	memset(&fc, 0, sizeof(fc));
	fc.send_xon = 2;
	assert_int_equal(rte_eth_dev_flow_ctrl_set(port, &fc), -EINVAL);
	assert_int_equal(rte_eth_dev_flow_ctrl_set(port, NULL), -EINVAL);
	memset(&pfc, 0, sizeof(pfc));
	pfc.priority = 8;
	assert_int_equal(rte_eth_dev_priority_flow_ctrl_set(port, &pfc), -EINVAL);
	assert_int_equal(rte_eth_dev_priority_flow_ctrl_queue_info_get(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_priority_flow_ctrl_queue_configure(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_udp_tunnel_port_add(port, &tun), -EINVAL);
	assert_int_equal(rte_eth_dev_udp_tunnel_port_delete(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_get_dcb_info(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_set_queue_rate_limit(port, 0, 20000), -EINVAL); /* > 10G */
	assert_int_equal(rte_eth_set_queue_rate_limit(port, 0, 1000), -ENOTSUP);

	assert_int_equal(rte_eth_fec_get_capability(port, NULL, 2), -EINVAL);
	assert_int_equal(rte_eth_fec_get(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_fec_set(port, 0), -EINVAL);
	assert_int_equal(rte_eth_timesync_read_rx_timestamp(port, NULL, 0), -EINVAL);
	assert_int_equal(rte_eth_timesync_read_tx_timestamp(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_timesync_read_time(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_timesync_write_time(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_read_clock(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_get_reg_info(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_get_eeprom(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_set_eeprom(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_get_module_info(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_get_module_eeprom(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_get_module_eeprom(port, &ee), -EINVAL); /* no data */
	assert_int_equal(rte_eth_dev_fw_version_get(port, NULL, sizeof(fw)), -EINVAL);
	assert_int_equal(rte_eth_dev_conf_get(port, NULL), -EINVAL);

	assert_int_equal(rte_eth_dev_rx_queue_start(port, 2), -EINVAL);
	assert_int_equal(rte_eth_dev_tx_queue_stop(port, 9), -EINVAL);
	assert_int_equal(rte_eth_rx_burst_mode_get(port, 2, &mode), -EINVAL);
	assert_int_equal(rte_eth_tx_burst_mode_get(port, 0, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_set_rx_queue_stats_mapping(port, 2, 0), -EINVAL);
	assert_int_equal(rte_eth_dev_set_tx_queue_stats_mapping(port, 0,
			RTE_ETHDEV_QUEUE_STAT_CNTRS), -EINVAL);
	assert_int_equal(rte_eth_tx_done_cleanup(port, 2, 0), -EINVAL);
	assert_int_equal(rte_eth_dev_rx_intr_enable(port, 2), -EINVAL);
	assert_int_equal(rte_eth_dev_rx_intr_ctl_q(port, 2, 3, 1, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_rx_intr_ctl_q_get_fd(port, 2), -1);
	assert_int_equal(rte_eth_rx_avail_thresh_set(port, 0, 100), -EINVAL);
	assert_int_equal(rte_eth_rx_avail_thresh_set(port, 2, 10), -EINVAL);
	assert_int_equal(rte_eth_rx_avail_thresh_query(port, NULL, NULL), -EINVAL);
	assert_int_equal(rte_eth_get_monitor_addr(port, 0, NULL), -EINVAL);
	assert_int_equal(rte_eth_get_monitor_addr(port, 2, (void *)&fc), -EINVAL);
	assert_int_equal(rte_eth_buffer_split_get_supported_hdr_ptypes(port, NULL, 3), -EINVAL);
	assert_int_equal(rte_eth_dev_priv_dump(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_rx_descriptor_dump(port, 2, 0, 1, stdout), -EINVAL);
	assert_int_equal(rte_eth_tx_descriptor_dump(port, 0, 0, 1, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_pool_ops_supported(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_hairpin_capability_get(port, NULL), -EINVAL);
	memset(&hconf, 0, sizeof(hconf));
	assert_int_equal(rte_eth_rx_hairpin_queue_setup(port, 2, 0, &hconf), -EINVAL);
	assert_int_equal(rte_eth_tx_hairpin_queue_setup(port, 0, 0, NULL), -EINVAL);
	hconf.reserved = 1;
	assert_int_equal(rte_eth_rx_hairpin_queue_setup(port, 0, 0, &hconf), -EINVAL);
	assert_int_equal(rte_eth_hairpin_get_peer_ports(port, NULL, 2, 0), -EINVAL);
	assert_int_equal(rte_eth_hairpin_get_peer_ports(port, (uint16_t *)fw, 0, 0), -EINVAL);
	assert_int_equal(rte_eth_cman_info_get(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_cman_config_init(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_cman_config_set(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_cman_config_get(port, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_hairpin_bind(port, RTE_MAX_ETHPORTS), -EBUSY);
	assert_int_equal(rte_eth_dev_rx_queue_start(port, 0), -EINVAL); /* port stopped */
	port_gone(port);
}

static void
test_mac_list(void **state)
{
	struct rte_ether_addr def, a = {{ 0x02, 0, 0, 0, 0, 1 }}, b = {{ 0x02, 0, 0, 0, 0, 2 }};
	struct rte_ether_addr list[20], bad = {{ 0x01, 0, 0, 0, 0, 1 }};
	struct rte_eth_dev_info info;
	uint16_t port;
	unsigned int i;
	int n;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_ring_mac,nodeaction=macr:0:CREATE", &port), 0);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_int_equal(info.max_mac_addrs, 16);
	assert_int_equal(rte_eth_macaddr_get(port, &def), 0);
	assert_int_equal(rte_eth_dev_mac_addr_add(port, &a, 0), 0);
	assert_int_equal(rte_eth_dev_mac_addr_add(port, &a, 0), 0); /* already there */
	assert_int_equal(rte_eth_dev_mac_addr_add(port, &a, 3), 0); /* another pool */
	assert_int_equal(rte_eth_devices[port].data->mac_pool_sel[1], RTE_BIT64(0) | RTE_BIT64(3));
	assert_int_equal(rte_eth_dev_mac_addr_add(port, &b, 0), 0);
	n = rte_eth_macaddrs_get(port, list, RTE_DIM(list));
	assert_int_equal(n, 16);
	assert_memory_equal(&list[0], &def, sizeof(def));
	assert_memory_equal(&list[1], &a, sizeof(a));
	assert_memory_equal(&list[2], &b, sizeof(b));
	assert_true(rte_is_zero_ether_addr(&list[3]));
	assert_int_equal(rte_eth_macaddrs_get(port, list, 2), 2);
	/* The default address cannot be removed, nor become a duplicate of a secondary one. */
	assert_int_equal(rte_eth_dev_mac_addr_remove(port, &def), -EADDRINUSE);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port, &a), -EEXIST);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port, &bad), -EINVAL);
	assert_int_equal(rte_eth_macaddr_get(port, &list[0]), 0);
	assert_memory_equal(&list[0], &def, sizeof(def));
	assert_int_equal(rte_eth_dev_mac_addr_remove(port, &a), 0);
	assert_int_equal(rte_eth_dev_mac_addr_remove(port, &a), 0); /* absent: nothing to do */
	assert_int_equal(rte_eth_devices[port].data->mac_pool_sel[1], 0);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port, &a), 0);
	assert_int_equal(rte_eth_macaddr_get(port, &list[0]), 0);
	assert_memory_equal(&list[0], &a, sizeof(a));
	/* Fill the list: 16 slots, the default and b are in. */
	for (i = 0; i < 14; i++) {
		struct rte_ether_addr m = {{ 0x02, 0x10, 0, 0, 0, (uint8_t)(i + 1) }};

		assert_int_equal(rte_eth_dev_mac_addr_add(port, &m, 0), 0);
	}
	assert_int_equal(rte_eth_dev_mac_addr_add(port, &bad, 0), -ENOSPC);
	/* The iterator finds the port by any of its addresses. */
	{
		struct rte_dev_iterator it;
		char filter[64], mac[RTE_ETHER_ADDR_FMT_SIZE];
		uint16_t p, found = 0;

		rte_ether_format_addr(mac, sizeof(mac), &b);
		snprintf(filter, sizeof(filter), "class=eth,mac=%s", mac);
		RTE_ETH_FOREACH_MATCHING_DEV(p, filter, &it)
			found += p == port;
		assert_int_equal(found, 1);
		rte_ether_format_addr(mac, sizeof(mac), &bad);
		snprintf(filter, sizeof(filter), "class=eth,mac=%s", mac);
		RTE_ETH_FOREACH_MATCHING_DEV(p, filter, &it)
			fail();
	}
	port_gone(port);
}

static void
test_mtu_vlan(void **state)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	uint16_t port, mtu;
	int q;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_mtu", &port), 0);
	assert_int_equal(rte_eth_dev_set_mtu(port, 1000), -EINVAL); /* not configured */
	test_port_up(port, 1, pool);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_int_equal(rte_eth_dev_set_mtu(port, info.min_mtu - 1), -EINVAL);
	assert_int_equal(rte_eth_dev_set_mtu(port, 1000), 0);
	assert_int_equal(rte_eth_dev_get_mtu(port, &mtu), 0);
	assert_int_equal(mtu, 1000);
	assert_int_equal(rte_eth_devices[port].data->dev_conf.rxmode.mtu, 1000);

	/* VLAN filter needs the offload configured; null cannot do it at all. */
	assert_int_equal(rte_eth_dev_vlan_filter(port, 10, 1), -ENOSYS);
	assert_int_equal(rte_eth_dev_get_vlan_offload(port), 0);
	assert_int_equal(rte_eth_dev_set_vlan_offload(port, 0), 0); /* no change */
	assert_int_equal(rte_eth_dev_set_vlan_offload(port, RTE_ETH_VLAN_STRIP_OFFLOAD),
			-EINVAL);
	assert_int_equal(rte_eth_devices[port].data->dev_conf.rxmode.offloads, 0);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_VLAN_FILTER;
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL);
	port_gone(port);

	/* A configuration with the VLAN filter on reaches the id check and the driver. */
	assert_int_equal(rte_eth_dev_attach("net_bare_vlan", &port), 0);
	rte_eth_devices[port].data->dev_conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_VLAN_FILTER |
			RTE_ETH_RX_OFFLOAD_QINQ_STRIP;
	assert_int_equal(rte_eth_dev_vlan_filter(port, 4096, 1), -EINVAL);
	assert_int_equal(rte_eth_dev_vlan_filter(port, 100, 1), -ENOTSUP);
	assert_int_equal(rte_eth_devices[port].data->vlan_filter_conf.ids[1], 0);
	q = rte_eth_dev_get_vlan_offload(port);
	assert_int_equal(q, RTE_ETH_VLAN_FILTER_OFFLOAD | RTE_ETH_QINQ_STRIP_OFFLOAD);
	rte_eth_devices[port].data->dev_conf.rxmode.offloads = 0;
	port_gone(port);
}

static void
test_rss(void **state)
{
	struct rte_eth_rss_reta_entry64 reta[2];
	struct rte_eth_rss_conf rss;
	struct rte_eth_conf conf;
	uint8_t key[40], key2[40];
	uint16_t port, q, i;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_rss", &port), 0);
	test_port_up(port, 4, pool);
	memset(reta, 0, sizeof(reta));
	reta[0].mask = UINT64_MAX;
	/* RSS not configured: refused before the driver. */
	assert_int_equal(rte_eth_dev_rss_reta_update(port, reta, 128), -ENOTSUP);
	memset(&rss, 0, sizeof(rss));
	rss.rss_hf = RTE_ETH_RSS_IP;
	assert_int_equal(rte_eth_dev_rss_hash_update(port, &rss), -ENOTSUP);
	assert_int_equal(rte_eth_dev_stop(port), 0);
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	assert_int_equal(rte_eth_dev_configure(port, 4, 4, &conf), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);

	for (i = 0; i < 128; i++)
		reta[i / 64].reta[i % 64] = i % 4;
	reta[0].mask = UINT64_MAX;
	reta[1].mask = UINT64_MAX;
	assert_int_equal(rte_eth_dev_rss_reta_update(port, reta, 128), 0);
	assert_int_equal(rte_eth_dev_rss_reta_update(port, reta, 64), -EINVAL); /* driver: size */
	memset(reta, 0, sizeof(reta));
	reta[1].mask = RTE_BIT64(5);
	assert_int_equal(rte_eth_dev_rss_reta_query(port, reta, 128), 0);
	assert_int_equal(reta[1].reta[5], (64 + 5) % 4);
	assert_int_equal(reta[0].reta[5], 0); /* not asked for */

	for (q = 0; q < sizeof(key); q++)
		key[q] = (uint8_t)q;
	rss.rss_key = key;
	rss.rss_key_len = sizeof(key);
	rss.rss_hf = RTE_ETH_RSS_IP | RTE_ETH_RSS_L3_SRC_ONLY | RTE_ETH_RSS_L3_DST_ONLY;
	/* Both SRC_ONLY and DST_ONLY mean neither, and the refined value is accepted. */
	assert_int_equal(rte_eth_dev_rss_hash_update(port, &rss), 0);
	assert_int_equal(rss.rss_hf, RTE_ETH_RSS_IP);
	rss.rss_hf = RTE_ETH_RSS_ECPRI;
	assert_int_equal(rte_eth_dev_rss_hash_update(port, &rss), -EINVAL);
	memset(&rss, 0, sizeof(rss));
	rss.rss_key = key2;
	assert_int_equal(rte_eth_dev_rss_hash_conf_get(port, &rss), 0);
	assert_int_equal(rss.rss_hf, RTE_ETH_RSS_IP);
	assert_int_equal(rss.rss_key_len, 40);
	assert_memory_equal(key, key2, sizeof(key));
	port_gone(port);
}

static void
test_queue_start_stop(void **state)
{
	struct rte_eth_rxconf rxc;
	struct rte_eth_rxq_info rxqi;
	struct rte_eth_txq_info txqi;
	struct rte_eth_burst_mode mode;
	struct rte_eth_conf conf;
	struct rte_mbuf *m[8];
	uint16_t port;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_q", &port), 0);
	memset(&conf, 0, sizeof(conf));
	memset(&rxc, 0, sizeof(rxc));
	rxc.rx_deferred_start = 1;
	assert_int_equal(rte_eth_dev_configure(port, 2, 1, &conf), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port, 0, 128, 0, NULL, pool), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port, 1, 128, 0, &rxc, pool), 0);
	assert_int_equal(rte_eth_tx_queue_setup(port, 0, 64, 0, NULL), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	/* Queue 1 was deferred: stopped until started by hand. */
	assert_int_equal(rte_eth_rx_queue_info_get(port, 1, &rxqi), 0);
	assert_int_equal(rxqi.queue_state, RTE_ETH_QUEUE_STATE_STOPPED);
	assert_int_equal(rxqi.nb_desc, 128);
	assert_int_equal(rxqi.conf.rx_deferred_start, 1);
	assert_ptr_equal(rxqi.mp, pool);
	assert_int_equal(rte_eth_rx_burst(port, 1, m, 8), 0);
	assert_int_equal(rte_eth_dev_rx_queue_start(port, 1), 0);
	assert_int_equal(rte_eth_rx_queue_info_get(port, 1, &rxqi), 0);
	assert_int_equal(rxqi.queue_state, RTE_ETH_QUEUE_STATE_STARTED);
	assert_int_equal(rte_eth_rx_burst(port, 1, m, 8), 8);
	rte_pktmbuf_free_bulk(m, 8);
	assert_int_equal(rte_eth_dev_rx_queue_start(port, 1), 0); /* already started */

	assert_int_equal(rte_eth_dev_rx_queue_stop(port, 0), 0);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 0);
	assert_int_equal(rte_eth_dev_rx_queue_stop(port, 0), 0); /* already stopped */
	assert_int_equal(rte_eth_dev_tx_queue_stop(port, 0), 0);
	assert_int_equal(rte_eth_tx_queue_info_get(port, 0, &txqi), 0);
	assert_int_equal(txqi.queue_state, RTE_ETH_QUEUE_STATE_STOPPED);
	assert_int_equal(txqi.nb_desc, 64);
	test_fill(pool, m, 4, 60, 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 4), 0); /* the caller keeps them */
	assert_int_equal(rte_eth_dev_tx_queue_start(port, 0), 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 4), 4);
	/* A port restart starts every queue that is not deferred. */
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 8);
	rte_pktmbuf_free_bulk(m, 8);
	assert_int_equal(rte_eth_rx_burst(port, 1, m, 8), 0);

	assert_int_equal(rte_eth_rx_burst_mode_get(port, 0, &mode), 0);
	assert_string_equal(mode.info, "Scalar");
	assert_int_equal(mode.flags, 0);
	assert_int_equal(rte_eth_tx_burst_mode_get(port, 0, &mode), 0);
	port_gone(port);

	/* net_ring: the same through its rings. */
	assert_int_equal(rte_eth_dev_attach("net_ring_q,nodeaction=rq:0:CREATE", &port), 0);
	test_port_up(port, 1, pool);
	test_fill(pool, m, 2, 60, 0);
	assert_int_equal(rte_eth_dev_tx_queue_stop(port, 0), 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 2), 0);
	assert_int_equal(rte_eth_dev_tx_queue_start(port, 0), 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 2), 2);
	assert_int_equal(rte_eth_dev_rx_queue_stop(port, 0), 0);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 0);
	assert_int_equal(rte_eth_dev_rx_queue_start(port, 0), 0);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 2);
	rte_pktmbuf_free_bulk(m, 2);
	assert_int_equal(rte_eth_rx_burst_mode_get(port, 0, &mode), 0);
	assert_true(strlen(mode.info) > 0);
	port_gone(port);
}

static void
test_xstats_by_id(void **state)
{
	struct rte_eth_xstat_name *names, sel[2];
	struct rte_mbuf *m[16];
	uint64_t *values, ids[2], id, v[2];
	uint16_t port;
	int n, i;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_xs,size=100", &port), 0);
	test_port_up(port, 2, pool);
	assert_int_equal(rte_eth_rx_burst(port, 1, m, 16), 16);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 16), 16);
	n = rte_eth_xstats_get_names_by_id(port, NULL, 0, NULL);
	assert_int_equal(n, rte_eth_xstats_get_names(port, NULL, 0));
	assert_int_equal(n, 8 + 4 * 2); /* generic + packets/bytes of 2 rx and 2 tx queues */
	names = calloc(n, sizeof(*names));
	values = calloc(n, sizeof(*values));
	assert_int_equal(rte_eth_xstats_get_names_by_id(port, names, n, NULL), n);
	assert_int_equal(rte_eth_xstats_get_by_id(port, NULL, values, n), n);
	assert_int_equal(rte_eth_xstats_get_by_id(port, NULL, NULL, 0), n);
	assert_int_equal(rte_eth_xstats_get_by_id(port, NULL, values, 1), n);
	assert_int_equal(rte_eth_xstats_get_id_by_name(port, "rx_q1_packets", &ids[0]), 0);
	assert_int_equal(rte_eth_xstats_get_id_by_name(port, "tx_good_bytes", &ids[1]), 0);
	assert_string_equal(names[ids[0]].name, "rx_q1_packets");
	assert_int_equal(values[ids[0]], 16);
	assert_int_equal(values[ids[1]], 1600);
	assert_int_equal(rte_eth_xstats_get_by_id(port, ids, v, 2), 2);
	assert_int_equal(v[0], 16);
	assert_int_equal(v[1], 1600);
	assert_int_equal(rte_eth_xstats_get_names_by_id(port, sel, 2, ids), 2);
	assert_string_equal(sel[0].name, "rx_q1_packets");
	assert_string_equal(sel[1].name, "tx_good_bytes");
	for (i = 0; i < n; i++) {
		assert_int_equal(rte_eth_xstats_get_id_by_name(port, names[i].name, &id), 0);
		assert_int_equal(id, i);
	}
	/* Refusals, with DPDK's codes. */
	assert_int_equal(rte_eth_xstats_get_id_by_name(port, "no_such_stat", &id), -EINVAL);
	assert_int_equal(rte_eth_xstats_get_id_by_name(port, NULL, &id), -ENOMEM);
	assert_int_equal(rte_eth_xstats_get_id_by_name(port, "rx_good_packets", NULL), -ENOMEM);
	assert_int_equal(rte_eth_xstats_get_by_id(port, ids, NULL, 2), -EINVAL);
	assert_int_equal(rte_eth_xstats_get_names_by_id(port, NULL, 2, ids), -EINVAL);
	ids[1] = (uint64_t)n;
	assert_int_equal(rte_eth_xstats_get_by_id(port, ids, v, 2), -1);
	assert_int_equal(rte_eth_xstats_get_names_by_id(port, sel, 2, ids), -1);
	free(names);
	free(values);
	port_gone(port);
}

static void
test_names_and_info(void **state)
{
	struct rte_eth_conf conf, got;
	uint16_t port, p2, p, n;

	(void)state;
	assert_string_equal(rte_eth_dev_rx_offload_name(RTE_ETH_RX_OFFLOAD_VLAN_STRIP),
			"VLAN_STRIP");
	assert_string_equal(rte_eth_dev_rx_offload_name(RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT),
			"BUFFER_SPLIT");
	assert_string_equal(rte_eth_dev_rx_offload_name(RTE_BIT64(8)), "UNKNOWN");
	assert_string_equal(rte_eth_dev_rx_offload_name(RTE_ETH_RX_OFFLOAD_CHECKSUM), "UNKNOWN");
	assert_string_equal(rte_eth_dev_tx_offload_name(RTE_ETH_TX_OFFLOAD_MULTI_SEGS),
			"MULTI_SEGS");
	assert_string_equal(rte_eth_dev_tx_offload_name(RTE_ETH_TX_OFFLOAD_SEND_ON_TIMESTAMP),
			"SEND_ON_TIMESTAMP");
	assert_string_equal(rte_eth_dev_tx_offload_name(0), "UNKNOWN");
	assert_string_equal(rte_eth_dev_capability_name(RTE_ETH_DEV_CAPA_FLOW_RULE_KEEP),
			"FLOW_RULE_KEEP");
	assert_string_equal(rte_eth_dev_capability_name(RTE_BIT64(40)), "UNKNOWN");
	assert_int_equal(rte_eth_speed_bitflag(RTE_ETH_SPEED_NUM_10M, 0),
			RTE_ETH_LINK_SPEED_10M_HD);
	assert_int_equal(rte_eth_speed_bitflag(RTE_ETH_SPEED_NUM_100M, 1),
			RTE_ETH_LINK_SPEED_100M);
	assert_int_equal(rte_eth_speed_bitflag(RTE_ETH_SPEED_NUM_25G, 1),
			RTE_ETH_LINK_SPEED_25G);
	assert_int_equal(rte_eth_speed_bitflag(12345, 1), 0);

	assert_int_equal(rte_eth_dev_attach("net_ring_sib,nodeaction=sa:0:CREATE,"
			"nodeaction=sb:0:CREATE", &port), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("sb", &p2), 0);
	n = 0;
	RTE_ETH_FOREACH_DEV_SIBLING(p, p2)
		n += p == port || p == p2;
	assert_int_equal(n, 2);
	assert_int_equal(rte_eth_find_next_sibling(0, RTE_MAX_ETHPORTS), RTE_MAX_ETHPORTS);
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mtu = 1200;
	conf.lpbk_mode = 0;
	assert_int_equal(rte_eth_dev_configure(port, 1, 1, &conf), 0);
	assert_int_equal(rte_eth_dev_conf_get(port, &got), 0);
	assert_int_equal(got.rxmode.mtu, 1200);
	assert_ptr_equal(rte_eth_dev_get_by_name("sa"), &rte_eth_devices[port]);
	assert_ptr_equal(rte_eth_dev_attach_secondary("sb"), &rte_eth_devices[p2]);
	assert_null(rte_eth_dev_get_by_name("nosuchport"));
	assert_null(rte_eth_dev_attach_secondary("nosuchport"));
	assert_int_equal(rte_eth_dev_is_rx_hairpin_queue(&rte_eth_devices[port], 0), 0);
	assert_int_equal(rte_eth_pkt_burst_dummy(NULL, NULL, 8), 0);
	rte_eth_dev_internal_reset(&rte_eth_devices[port]);
	assert_false(rte_eth_devices[port].data->dev_configured);
	assert_int_equal(rte_eth_devices[port].data->nb_rx_queues, 0);
	assert_int_equal(rte_eth_dev_close(p2), 0);
	port_gone(port);
}

/* ---- callbacks ---- */

struct cb_log {
	unsigned int calls;
	unsigned int pkts;
	char order[8];
	unsigned int norder;
};

static uint16_t
rx_count(uint16_t port, uint16_t q, struct rte_mbuf *pkts[], uint16_t nb, uint16_t max,
		void *arg)
{
	struct cb_log *l = arg;

	RTE_SET_USED(port);
	RTE_SET_USED(q);
	RTE_SET_USED(pkts);
	assert_int_equal(max, 8);
	l->calls++;
	l->pkts += nb;
	if (l->norder < sizeof(l->order))
		l->order[l->norder++] = 'c';
	return nb;
}

/* Keeps the first half of the burst, frees the rest. */
static uint16_t
rx_halve(uint16_t port, uint16_t q, struct rte_mbuf *pkts[], uint16_t nb, uint16_t max,
		void *arg)
{
	struct cb_log *l = arg;
	uint16_t keep = nb / 2;

	RTE_SET_USED(port);
	RTE_SET_USED(q);
	RTE_SET_USED(max);
	rte_pktmbuf_free_bulk(pkts + keep, nb - keep);
	if (l->norder < sizeof(l->order))
		l->order[l->norder++] = 'h';
	return keep;
}

/* Drops every packet of the burst before the driver sees it. */
static uint16_t
tx_drop_all(uint16_t port, uint16_t q, struct rte_mbuf *pkts[], uint16_t nb, void *arg)
{
	struct cb_log *l = arg;

	RTE_SET_USED(port);
	RTE_SET_USED(q);
	l->calls++;
	l->pkts += nb;
	rte_pktmbuf_free_bulk(pkts, nb);
	return 0;
}

static void
test_callbacks(void **state)
{
	const struct rte_eth_rxtx_callback *c1, *c2, *t1;
	struct cb_log lc, lh, lt;
	struct rte_mbuf *m[8];
	struct rte_eth_stats st;
	char devname[RTE_DEV_NAME_MAX_LEN];
	unsigned int avail = rte_mempool_avail_count(pool);
	size_t mem;
	uint16_t port;

	(void)state;
	memset(&lc, 0, sizeof(lc));
	memset(&lh, 0, sizeof(lh));
	memset(&lt, 0, sizeof(lt));
	assert_int_equal(rte_eth_dev_attach("net_null_cb", &port), 0);
	/* Before configure there is no queue to attach to. */
	rte_errno = 0;
	assert_null(rte_eth_add_rx_callback(port, 0, rx_count, &lc));
	assert_int_equal(rte_errno, EINVAL);
	mem = test_malloc_bytes();
	test_port_up(port, 1, pool);
	mem = test_malloc_bytes() - mem; /* queues and arrays of the port */
	rte_errno = 0;
	assert_null(rte_eth_add_rx_callback(port, 1, rx_count, &lc));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_eth_add_tx_callback(port, 0, NULL, &lt));
	assert_null(rte_eth_add_first_rx_callback(RTE_MAX_ETHPORTS, 0, rx_count, &lc));

	c1 = rte_eth_add_rx_callback(port, 0, rx_count, &lc);
	assert_non_null(c1);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 8);
	assert_int_equal(lc.calls, 1);
	assert_int_equal(lc.pkts, 8);
	rte_pktmbuf_free_bulk(m, 8);
	/* A first callback runs before the others and its result is what they see. */
	c2 = rte_eth_add_first_rx_callback(port, 0, rx_halve, &lc);
	assert_non_null(c2);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 4);
	assert_int_equal(lc.pkts, 12);
	assert_memory_equal(lc.order, "chc", 3);
	rte_pktmbuf_free_bulk(m, 4);

	t1 = rte_eth_add_tx_callback(port, 0, tx_drop_all, &lt);
	assert_non_null(t1);
	test_fill(pool, m, 5, 64, 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 5), 0);
	assert_int_equal(lt.pkts, 5);
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.opackets, 0);

	/* Removal: errors first, then the real thing. */
	assert_int_equal(rte_eth_remove_rx_callback(port, 0, NULL), -EINVAL);
	assert_int_equal(rte_eth_remove_rx_callback(port, 1, c1), -EINVAL);
	assert_int_equal(rte_eth_remove_rx_callback(RTE_MAX_ETHPORTS, 0, c1), -ENODEV);
	assert_int_equal(rte_eth_remove_tx_callback(port, 0, c1), -EINVAL); /* not a tx one */
	assert_int_equal(rte_eth_remove_rx_callback(port, 0, c2), 0);
	assert_int_equal(rte_eth_remove_rx_callback(port, 0, c2), -EINVAL);
	rte_free((void *)(uintptr_t)c2); /* the application frees what it removed */
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 8);
	assert_int_equal(lc.pkts, 20);
	rte_pktmbuf_free_bulk(m, 8);
	assert_int_equal(rte_eth_remove_tx_callback(port, 0, t1), 0);
	rte_free((void *)(uintptr_t)t1);
	test_fill(pool, m, 3, 64, 0);
	assert_int_equal(rte_eth_tx_burst(port, 0, m, 3), 3);
	assert_int_equal(lt.calls, 1);
	/* Callbacks survive a stop/start; the stopped port still calls them with 0 packets. */
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 0);
	assert_int_equal(lc.calls, 4);
	assert_int_equal(rte_eth_dev_start(port), 0);
	/* Detach frees the callbacks still attached (c1) with the port. */
	assert_non_null(rte_eth_add_tx_callback(port, 0, tx_drop_all, &lt));
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	mem = test_malloc_bytes();
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
	assert_true(test_malloc_bytes() < mem);
	assert_int_equal(rte_mempool_avail_count(pool), avail);
	/* A new port on the same id starts without callbacks. */
	assert_int_equal(rte_eth_dev_attach("net_null_cb", &port), 0);
	test_port_up(port, 1, pool);
	lc.calls = 0;
	assert_int_equal(rte_eth_rx_burst(port, 0, m, 8), 8);
	rte_pktmbuf_free_bulk(m, 8);
	assert_int_equal(lc.calls, 0);
	port_gone(port);
}

/* ---- ownership ---- */

static void
test_ownership(void **state)
{
	struct rte_eth_dev_owner own = { 0 }, other = { 0 }, got;
	uint64_t id, id2;
	uint16_t a, b, p, n;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_own0", &a), 0);
	assert_int_equal(rte_eth_dev_attach("net_null_own1", &b), 0);
	n = rte_eth_dev_count_avail();
	assert_int_equal(rte_eth_dev_owner_new(NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_owner_new(&id), 0);
	assert_int_equal(rte_eth_dev_owner_new(&id2), 0);
	assert_true(id != RTE_ETH_DEV_NO_OWNER && id2 != id);
	own.id = id;
	snprintf(own.name, sizeof(own.name), "tester");
	other.id = id2;
	snprintf(other.name, sizeof(other.name), "other");

	assert_int_equal(rte_eth_dev_owner_get(a, &got), 0);
	assert_int_equal(got.id, RTE_ETH_DEV_NO_OWNER);
	assert_int_equal(rte_eth_dev_owner_set(a, &own), 0);
	assert_int_equal(rte_eth_dev_owner_get(a, &got), 0);
	assert_int_equal(got.id, id);
	assert_string_equal(got.name, "tester");
	/* The owned port is hidden from FOREACH_DEV and count_avail, not from count_total. */
	assert_int_equal(rte_eth_dev_count_avail(), n - 1);
	assert_int_equal(rte_eth_dev_count_total(), n);
	RTE_ETH_FOREACH_DEV(p)
		assert_true(p != a);
	n = 0;
	RTE_ETH_FOREACH_DEV_OWNED_BY(p, id)
		n += p == a ? 1 : 100;
	assert_int_equal(n, 1);
	assert_int_equal(rte_eth_find_next_owned_by(a + 1, id), RTE_MAX_ETHPORTS);

	/* Refusals: another owner, unknown ids, bad ports, NULL. */
	assert_int_equal(rte_eth_dev_owner_set(a, &other), -EPERM);
	assert_int_equal(rte_eth_dev_owner_set(a, &own), -EPERM); /* set is only from no owner */
	assert_int_equal(rte_eth_dev_owner_unset(a, id2), -EPERM);
	assert_int_equal(rte_eth_dev_owner_unset(a, RTE_ETH_DEV_NO_OWNER), -EINVAL);
	other.id = id2 + 1000;
	assert_int_equal(rte_eth_dev_owner_set(b, &other), -EINVAL);
	assert_int_equal(rte_eth_dev_owner_set(b, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_owner_set(RTE_MAX_ETHPORTS, &own), -ENODEV);
	assert_int_equal(rte_eth_dev_owner_get(RTE_MAX_ETHPORTS, &got), -ENODEV);
	assert_int_equal(rte_eth_dev_owner_get(a, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_owner_delete(id2 + 1000), -EINVAL);
	assert_int_equal(rte_eth_dev_owner_delete(RTE_ETH_DEV_NO_OWNER), -EINVAL);
	assert_int_equal(rte_eth_dev_owner_get(a, &got), 0);
	assert_int_equal(got.id, id);
	assert_int_equal(rte_eth_dev_owner_get(b, &got), 0);
	assert_int_equal(got.id, RTE_ETH_DEV_NO_OWNER);

	assert_int_equal(rte_eth_dev_owner_unset(a, id), 0);
	assert_int_equal(rte_eth_dev_owner_get(a, &got), 0);
	assert_int_equal(got.id, RTE_ETH_DEV_NO_OWNER);
	assert_int_equal(rte_eth_dev_owner_set(a, &own), 0);
	assert_int_equal(rte_eth_dev_owner_set(b, &own), 0);
	assert_int_equal(rte_eth_dev_owner_delete(id), 0);
	assert_int_equal(rte_eth_find_next_owned_by(0, id), RTE_MAX_ETHPORTS);
	/* A port detached while owned comes back unowned. */
	assert_int_equal(rte_eth_dev_owner_set(b, &own), 0);
	port_gone(b);
	assert_int_equal(rte_eth_dev_attach("net_null_own1", &b), 0);
	assert_int_equal(rte_eth_dev_owner_get(b, &got), 0);
	assert_int_equal(got.id, RTE_ETH_DEV_NO_OWNER);
	port_gone(a);
	port_gone(b);
}

/* ---- iterator ---- */

static void
test_iterator(void **state)
{
	struct rte_dev_iterator it;
	uint16_t a, b, c, p, n;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_ring_it,nodeaction=ita:0:CREATE,"
			"nodeaction=itb:0:CREATE", &a), 0);
	assert_int_equal(rte_eth_dev_get_port_by_name("itb", &b), 0);
	assert_int_equal(rte_eth_dev_attach("net_null_it", &c), 0);

	/* Device name: both ports of the ring device, not the null one. */
	n = 0;
	RTE_ETH_FOREACH_MATCHING_DEV(p, "net_ring_it", &it)
		n += p == a || p == b ? 1 : 100;
	assert_int_equal(n, 2);
	assert_null(it.bus_str); /* cleaned up at the end */
	n = 0;
	RTE_ETH_FOREACH_MATCHING_DEV(p, "net_null_it,size=64", &it)
		n += p == c ? 1 : 100;
	assert_int_equal(n, 1);
	/* Class only: every port. */
	n = 0;
	RTE_ETH_FOREACH_MATCHING_DEV(p, "class=eth", &it)
		n++;
	assert_int_equal(n, rte_eth_dev_count_total());
	/* Representor filter: none of these is one. */
	RTE_ETH_FOREACH_MATCHING_DEV(p, "net_ring_it,representor=[0-3]", &it)
		fail();
	/* Stopping early and cleaning up. */
	assert_int_equal(rte_eth_iterator_init(&it, "net_ring_it"), 0);
	assert_int_equal(rte_eth_iterator_next(&it), a);
	assert_non_null(it.bus_str);
	rte_eth_iterator_cleanup(&it);
	assert_null(it.bus_str);
	assert_int_equal(rte_eth_iterator_next(&it), RTE_MAX_ETHPORTS);
	/* Refusals. */
	assert_int_equal(rte_eth_iterator_init(NULL, "class=eth"), -EINVAL);
	assert_int_equal(rte_eth_iterator_init(&it, NULL), -EINVAL);
	assert_true(rte_eth_iterator_init(&it, "nosuchbus_device0") < 0);
	assert_int_equal(rte_eth_iterator_next(&it), RTE_MAX_ETHPORTS);
	assert_int_equal(rte_eth_iterator_next(NULL), RTE_MAX_ETHPORTS);
	rte_eth_iterator_cleanup(NULL);
	assert_int_equal(rte_eth_iterator_init(&it, "class=eth,bogus=1"), 0);
	assert_int_equal(rte_eth_iterator_next(&it), RTE_MAX_ETHPORTS);

	assert_int_equal(rte_eth_dev_close(b), 0);
	port_gone(a);
	port_gone(c);
}

/* ---- driver helpers ---- */

static void
test_driver_helpers(void **state)
{
	struct rte_eth_devargs da;
	const struct rte_memzone *mz, *mz2;
	uint16_t d1, d2, port;

	(void)state;
	assert_int_equal(rte_eth_devargs_parse("representor=[0-3]", &da), 0);
	assert_int_equal(da.type, RTE_ETH_REPRESENTOR_VF);
	assert_int_equal(da.nb_representor_ports, 4);
	assert_int_equal(da.representor_ports[3], 3);
	assert_int_equal(rte_eth_devargs_parse("foo=1,representor=pf1vf[0,2-3]", &da), 0);
	assert_int_equal(da.nb_ports, 1);
	assert_int_equal(da.ports[0], 1);
	assert_int_equal(da.nb_representor_ports, 3);
	assert_int_equal(da.representor_ports[1], 2);
	assert_int_equal(rte_eth_devargs_parse("representor=c1pf0sf5", &da), 0);
	assert_int_equal(da.type, RTE_ETH_REPRESENTOR_SF);
	assert_int_equal(da.nb_mh_controllers, 1);
	assert_int_equal(da.mh_controllers[0], 1);
	assert_int_equal(da.representor_ports[0], 5);
	assert_int_equal(rte_eth_devargs_parse("representor=pf[0-1]", &da), 0);
	assert_int_equal(da.type, RTE_ETH_REPRESENTOR_PF);
	assert_int_equal(da.nb_ports, 2);
	assert_int_equal(rte_eth_devargs_parse("size=64", &da), 0);
	assert_int_equal(da.nb_representor_ports, 0);
	assert_int_equal(rte_eth_devargs_parse("representor=[3-1]", &da), -EINVAL);
	assert_int_equal(rte_eth_devargs_parse("representor=vfx", &da), -EINVAL);
	assert_int_equal(da.nb_representor_ports, 0);
	assert_int_equal(rte_eth_devargs_parse(NULL, &da), -EINVAL);

	assert_int_equal(rte_eth_switch_domain_alloc(&d1), 0);
	assert_int_equal(rte_eth_switch_domain_alloc(&d2), 0);
	assert_true(d1 != d2);
	assert_int_equal(rte_eth_switch_domain_free(d1), 0);
	assert_int_equal(rte_eth_switch_domain_free(d1), -EINVAL);
	assert_int_equal(rte_eth_switch_domain_free(d2), 0);
	assert_int_equal(rte_eth_switch_domain_alloc(NULL), -EINVAL);

	assert_int_equal(rte_eth_dev_attach("net_null_dma", &port), 0);
	mz = rte_eth_dma_zone_reserve(&rte_eth_devices[port], "rx_ring", 0, 4096, 128, 0);
	assert_non_null(mz);
	mz2 = rte_eth_dma_zone_reserve(&rte_eth_devices[port], "rx_ring", 0, 4096, 128, 0);
	assert_ptr_equal(mz, mz2);
	assert_null(rte_eth_dma_zone_reserve(&rte_eth_devices[port], "rx_ring", 0, 1 << 20, 128,
			0));
	assert_int_equal(rte_eth_dma_zone_free(&rte_eth_devices[port], "rx_ring", 0), 0);
	assert_int_equal(rte_eth_dma_zone_free(&rte_eth_devices[port], "rx_ring", 0), -ENODEV);
	assert_int_equal(rte_eth_representor_id_get(port, RTE_ETH_REPRESENTOR_VF, -1, -1, 3,
			&d1), 0);
	assert_int_equal(d1, 3);
	assert_int_equal(rte_eth_representor_id_get(port, RTE_ETH_REPRESENTOR_SF, -1, -1, 3,
			&d1), -ENOTSUP);
	port_gone(port);
}


/* ---- flow API ---- */

static void
test_flow(void **state)
{
	struct rte_flow_attr attr = { .ingress = 1 };
	struct rte_flow_item_eth eth_spec = { .type = RTE_BE16(0x0800) };
	struct rte_flow_item_ipv4 ip_spec = { .hdr.dst_addr = RTE_BE32(0xc0a80101) };
	struct rte_flow_item pattern[] = {
		{ .type = RTE_FLOW_ITEM_TYPE_ETH, .spec = &eth_spec, .mask = &rte_flow_item_eth_mask },
		{ .type = RTE_FLOW_ITEM_TYPE_IPV4, .spec = &ip_spec,
				.mask = &rte_flow_item_ipv4_mask },
		{ .type = RTE_FLOW_ITEM_TYPE_END },
	};
	struct rte_flow_action_queue queue = { .index = 1 };
	struct rte_flow_action actions[] = {
		{ .type = RTE_FLOW_ACTION_TYPE_QUEUE, .conf = &queue },
		{ .type = RTE_FLOW_ACTION_TYPE_END },
	};
	struct rte_flow_port_info pinfo;
	struct rte_flow_queue_info qinfo;
	struct rte_flow_port_attr pattr = { 0 };
	const struct rte_flow_queue_attr *qattr[1] = { NULL };
	struct rte_flow_pattern_template_attr tattr = { .ingress = 1 };
	struct rte_flow_error err;
	struct rte_flow *f1, *f2;
	uint16_t nul, ft, proxy = 0;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_flow", &nul), 0);
	assert_int_equal(rte_eth_dev_attach("net_flowtest0", &ft), 0);

	/* rte_flow_error_set: fills the error, sets rte_errno, returns -code. */
	assert_int_equal(rte_flow_error_set(&err, EEXIST, RTE_FLOW_ERROR_TYPE_ITEM, &attr, "x"),
			-EEXIST);
	assert_int_equal(rte_errno, EEXIST);
	assert_int_equal(err.type, RTE_FLOW_ERROR_TYPE_ITEM);
	assert_ptr_equal(err.cause, &attr);
	assert_string_equal(err.message, "x");
	assert_int_equal(rte_flow_error_set(NULL, EINVAL, RTE_FLOW_ERROR_TYPE_NONE, NULL, NULL),
			-EINVAL);

	/* A driver without flow support: ENOSYS, as in DPDK; an invalid port: ENODEV. */
	memset(&err, 0, sizeof(err));
	assert_int_equal(rte_flow_validate(nul, &attr, pattern, actions, &err), -ENOSYS);
	assert_int_equal(rte_errno, ENOSYS);
	assert_int_equal(err.type, RTE_FLOW_ERROR_TYPE_UNSPECIFIED);
	assert_non_null(err.message);
	assert_null(rte_flow_create(nul, &attr, pattern, actions, &err));
	assert_int_equal(rte_errno, ENOSYS);
	assert_int_equal(rte_flow_flush(nul, &err), -ENOSYS);
	assert_int_equal(rte_flow_isolate(nul, 1, NULL), -ENOSYS);
	assert_int_equal(rte_flow_pick_transfer_proxy(nul, &proxy, &err), -ENOSYS);
	assert_int_equal(rte_flow_validate(RTE_MAX_ETHPORTS, &attr, pattern, actions, &err),
			-ENODEV);
	assert_null(rte_flow_ops_get(RTE_MAX_ETHPORTS, NULL));
	assert_int_equal(rte_errno, ENODEV);
	/* transfer with ingress is refused before the driver is asked. */
	attr.transfer = 1;
	assert_int_equal(rte_flow_validate(ft, &attr, pattern, actions, &err), -EINVAL);
	assert_int_equal(err.type, RTE_FLOW_ERROR_TYPE_ATTR);
	attr.transfer = 0;

	/* The driver's engine: validate, create, destroy, flush. */
	test_port_up(ft, 2, pool);
	assert_int_equal(rte_flow_validate(ft, &attr, pattern, actions, &err), 0);
	f1 = rte_flow_create(ft, &attr, pattern, actions, &err);
	assert_non_null(f1);
	pattern[1].type = RTE_FLOW_ITEM_TYPE_END;
	f2 = rte_flow_create(ft, &attr, pattern, actions, &err);
	assert_non_null(f2);
	assert_true(f1 != f2);
	queue.index = 5;
	assert_null(rte_flow_create(ft, &attr, pattern, actions, &err));
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(err.type, RTE_FLOW_ERROR_TYPE_ACTION_CONF);
	queue.index = 1;
	attr.ingress = 0;
	attr.egress = 1;
	assert_int_equal(rte_flow_validate(ft, &attr, pattern, actions, &err), -ENOTSUP);
	attr.ingress = 1;
	attr.egress = 0;
	assert_int_equal(rte_flow_destroy(ft, f1, &err), 0);
	assert_int_equal(rte_flow_destroy(ft, f1, &err), -EINVAL);
	assert_int_equal(rte_flow_flush(ft, &err), 0);
	assert_int_equal(rte_flow_destroy(ft, f2, &err), -EINVAL);
	/* Operations the driver lacks. */
	assert_int_equal(rte_flow_query(ft, f2, actions, NULL, &err), -ENOSYS);
	assert_int_equal(rte_flow_isolate(ft, 1, &err), -ENOSYS);
	assert_int_equal(rte_flow_dev_dump(ft, NULL, stdout, &err), -ENOSYS);
	assert_null(rte_flow_action_handle_create(ft, NULL, actions, &err));
	assert_int_equal(rte_errno, ENOSYS);
	assert_int_equal(rte_flow_get_aged_flows(ft, NULL, 0, &err), -ENOTSUP);
	assert_int_equal(rte_flow_get_aged_flows(ft, NULL, 4, &err), -EINVAL);
	assert_int_equal(rte_flow_tunnel_match(ft, NULL, NULL, NULL, &err), -ENOTSUP);
	assert_null(rte_flow_flex_item_create(ft, NULL, &err));
	assert_int_equal(rte_flow_push(ft, 0, &err), -ENOTSUP);
	assert_int_equal(rte_flow_pull(ft, 0, NULL, 0, &err), -ENOTSUP);
	/* No proxy operation: the port is its own proxy. */
	assert_int_equal(rte_flow_pick_transfer_proxy(ft, &proxy, &err), 0);
	assert_int_equal(proxy, ft);
	assert_int_equal(rte_flow_pick_transfer_proxy(ft, NULL, &err), -EINVAL);
	/* Template API: state checks first. */
	assert_int_equal(rte_flow_info_get(ft, NULL, &qinfo, &err), -EINVAL);
	assert_int_equal(rte_flow_info_get(ft, &pinfo, &qinfo, &err), -ENOTSUP);
	assert_int_equal(rte_flow_configure(ft, &pattr, 1, qattr, &err), -EINVAL); /* started */
	assert_int_equal(rte_eth_dev_stop(ft), 0);
	assert_int_equal(rte_flow_configure(ft, NULL, 1, qattr, &err), -EINVAL);
	assert_int_equal(rte_flow_configure(ft, &pattr, 1, qattr, &err), -ENOTSUP);
	assert_null(rte_flow_pattern_template_create(ft, &tattr, pattern, &err));
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(err.type, RTE_FLOW_ERROR_TYPE_STATE);
	assert_int_equal(rte_flow_pattern_template_destroy(ft, NULL, &err), 0);
	assert_int_equal(rte_flow_template_table_destroy(ft, NULL, &err), 0);
	port_gone(ft);
	port_gone(nul);
}

static void
test_flow_conv(void **state)
{
	struct rte_flow_item_eth eth_spec = { .type = RTE_BE16(0x86dd) };
	struct rte_flow_item_udp udp_spec = { .hdr.dst_port = RTE_BE16(4789) };
	const struct rte_flow_item pattern[] = {
		{ .type = RTE_FLOW_ITEM_TYPE_ETH, .spec = &eth_spec, .mask = &rte_flow_item_eth_mask },
		{ .type = RTE_FLOW_ITEM_TYPE_UDP, .spec = &udp_spec },
		{ .type = RTE_FLOW_ITEM_TYPE_END },
	};
	const uint16_t queues[] = { 0, 3 };
	const uint8_t key[4] = { 1, 2, 3, 4 };
	const struct rte_flow_action_rss rss = {
		.types = RTE_ETH_RSS_IP, .key_len = 4, .queue_num = 2, .key = key, .queue = queues,
	};
	const struct rte_flow_action actions[] = {
		{ .type = RTE_FLOW_ACTION_TYPE_RSS, .conf = &rss },
		{ .type = RTE_FLOW_ACTION_TYPE_END },
	};
	const struct rte_flow_item vxlan[] = {
		{ .type = RTE_FLOW_ITEM_TYPE_VXLAN },
		{ .type = RTE_FLOW_ITEM_TYPE_END },
	};
	const struct rte_flow_attr attr = { .group = 2, .ingress = 1 };
	struct rte_flow_conv_rule rule = {
		.attr_ro = &attr, .pattern_ro = pattern, .actions_ro = actions,
	};
	struct rte_flow_error err;
	const struct rte_flow_item *pi;
	const struct rte_flow_action *pa;
	const struct rte_flow_action_rss *prss;
	const struct rte_flow_conv_rule *pr;
	const char *name = NULL;
	char buf[2048], small[8];
	int n;

	(void)state;
	n = rte_flow_conv(RTE_FLOW_CONV_OP_ITEM_NAME, buf, sizeof(buf),
			(void *)(uintptr_t)RTE_FLOW_ITEM_TYPE_IPV4, &err);
	assert_int_equal(n, 4);
	assert_string_equal(buf, "IPV4");
	n = rte_flow_conv(RTE_FLOW_CONV_OP_ACTION_NAME, small, sizeof(small),
			(void *)(uintptr_t)RTE_FLOW_ACTION_TYPE_OF_SET_VLAN_VID, &err);
	assert_int_equal(n, (int)strlen("OF_SET_VLAN_VID"));
	assert_string_equal(small, "OF_SET_");
	n = rte_flow_conv(RTE_FLOW_CONV_OP_ITEM_NAME_PTR, &name, sizeof(name),
			(void *)(uintptr_t)RTE_FLOW_ITEM_TYPE_METER_COLOR, &err);
	assert_int_equal(n, (int)sizeof(name));
	assert_string_equal(name, "METER_COLOR");
	assert_int_equal(rte_flow_conv(RTE_FLOW_CONV_OP_ITEM_NAME, buf, sizeof(buf),
			(void *)(uintptr_t)1000, &err), -E2BIG);
	assert_int_equal(rte_flow_conv(RTE_FLOW_CONV_OP_ATTR, buf, sizeof(buf), &attr, &err),
			(int)sizeof(attr));
	assert_memory_equal(buf, &attr, sizeof(attr));

	/* A pattern: the size needed comes back whatever the buffer. */
	n = rte_flow_conv(RTE_FLOW_CONV_OP_PATTERN, NULL, 0, pattern, &err);
	assert_true(n > (int)(3 * sizeof(struct rte_flow_item)));
	assert_int_equal(rte_flow_conv(RTE_FLOW_CONV_OP_PATTERN, small, sizeof(small), pattern,
			&err), n);
	assert_int_equal(rte_flow_conv(RTE_FLOW_CONV_OP_PATTERN, buf, sizeof(buf), pattern, &err),
			n);
	pi = (const void *)buf;
	assert_int_equal(pi[0].type, RTE_FLOW_ITEM_TYPE_ETH);
	assert_true(pi[0].spec != &eth_spec);
	assert_memory_equal(pi[0].spec, &eth_spec, sizeof(eth_spec));
	assert_memory_equal(pi[0].mask, &rte_flow_item_eth_mask, sizeof(eth_spec));
	assert_null(pi[0].last);
	assert_memory_equal(pi[1].spec, &udp_spec, sizeof(udp_spec));
	assert_null(pi[1].mask);
	assert_int_equal(pi[2].type, RTE_FLOW_ITEM_TYPE_END);
	/* Actions: the RSS key and queue list are copied too. */
	n = rte_flow_conv(RTE_FLOW_CONV_OP_ACTIONS, buf, sizeof(buf), actions, &err);
	assert_true(n > 0 && n < (int)sizeof(buf));
	pa = (const void *)buf;
	prss = pa[0].conf;
	assert_true(prss != &rss && prss->key != key && prss->queue != queues);
	assert_int_equal(prss->queue_num, 2);
	assert_int_equal(prss->queue[1], 3);
	assert_memory_equal(prss->key, key, 4);
	assert_int_equal(pa[1].type, RTE_FLOW_ACTION_TYPE_END);
	/* A whole rule. */
	n = rte_flow_conv(RTE_FLOW_CONV_OP_RULE, buf, sizeof(buf), &rule, &err);
	assert_true(n > 0 && n < (int)sizeof(buf));
	pr = (const void *)buf;
	assert_int_equal(pr->attr_ro->group, 2);
	assert_int_equal(pr->pattern_ro[1].type, RTE_FLOW_ITEM_TYPE_UDP);
	assert_int_equal(pr->actions_ro[0].type, RTE_FLOW_ACTION_TYPE_RSS);
	/* Refusals. */
	assert_int_equal(rte_flow_conv(RTE_FLOW_CONV_OP_PATTERN, buf, sizeof(buf), vxlan, &err),
			-ENOTSUP);
	assert_int_equal(err.type, RTE_FLOW_ERROR_TYPE_ITEM);
	assert_int_equal(rte_flow_conv(RTE_FLOW_CONV_OP_PATTERN, buf, sizeof(buf), NULL, &err),
			-EINVAL);
	assert_int_equal(rte_flow_conv((enum rte_flow_conv_op)99, buf, sizeof(buf), pattern,
			&err), -ENOTSUP);
	/* rte_flow_copy, the older form. */
	{
		size_t need = rte_flow_copy(NULL, 0, &attr, pattern, actions);
		struct rte_flow_desc *fd = calloc(1, need);

		assert_true(need > sizeof(*fd));
		assert_int_equal(rte_flow_copy(fd, need, &attr, pattern, actions), need);
		assert_int_equal(fd->attr.group, 2);
		assert_int_equal(fd->items[0].type, RTE_FLOW_ITEM_TYPE_ETH);
		assert_int_equal(fd->actions[0].type, RTE_FLOW_ACTION_TYPE_RSS);
		free(fd);
	}
}

/* ---- traffic metering ---- */

static void
test_mtr(void **state)
{
	struct rte_mtr_capabilities cap;
	struct rte_mtr_meter_profile prof = { .alg = RTE_MTR_SRTCM_RFC2697 };
	struct rte_mtr_params params = { .meter_profile_id = 1 };
	struct rte_mtr_stats stats;
	struct rte_mtr_error err;
	uint64_t mask;
	uint16_t nul, ft;
	rte_mtr_policy_drop_red(drop_red);

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_mtr", &nul), 0);
	assert_int_equal(rte_eth_dev_attach("net_flowtest_mtr", &ft), 0);
	/* No metering in the driver: ENOSYS; invalid port: ENODEV. */
	memset(&err, 0, sizeof(err));
	assert_int_equal(rte_mtr_capabilities_get(nul, &cap, &err), -ENOSYS);
	assert_int_equal(rte_errno, ENOSYS);
	assert_int_equal(err.type, RTE_MTR_ERROR_TYPE_UNSPECIFIED);
	assert_non_null(err.message);
	assert_int_equal(rte_mtr_create(nul, 1, &params, 0, &err), -ENOSYS);
	assert_null(rte_mtr_meter_profile_get(nul, 1, &err));
	assert_int_equal(rte_mtr_capabilities_get(RTE_MAX_ETHPORTS, &cap, NULL), -ENODEV);
	assert_int_equal(rte_errno, ENODEV);
	assert_null(rte_mtr_ops_get(RTE_MAX_ETHPORTS, NULL));
	/* The driver's own answers, and ENOSYS for what it lacks. */
	assert_int_equal(rte_mtr_capabilities_get(ft, &cap, &err), 0);
	assert_int_equal(cap.n_max, 8);
	assert_int_equal(rte_mtr_meter_profile_add(ft, 1, &prof, &err), 0);
	assert_int_equal(rte_mtr_meter_profile_add(ft, 1, &prof, &err), -EEXIST);
	assert_int_equal(err.type, RTE_MTR_ERROR_TYPE_METER_PROFILE_ID);
	prof.alg = RTE_MTR_TRTCM_RFC4115;
	assert_int_equal(rte_mtr_meter_profile_add(ft, 2, &prof, &err), -ENOTSUP);
	assert_int_equal(rte_mtr_meter_policy_add(ft, 1, &drop_red, &err), -ENOSYS);
	assert_int_equal(rte_mtr_create(ft, 1, &params, 0, &err), -ENOSYS);
	assert_int_equal(rte_mtr_stats_read(ft, 1, &stats, &mask, 0, &err), -ENOSYS);
	assert_null(rte_mtr_meter_policy_get(ft, 1, &err));
	assert_int_equal(rte_errno, ENOSYS);
	assert_int_equal(rte_mtr_meter_profile_delete(ft, 1, &err), 0);
	assert_int_equal(rte_mtr_meter_profile_delete(ft, 1, &err), -EINVAL);
	assert_int_equal(drop_red.actions[RTE_COLOR_RED][0].type, RTE_FLOW_ACTION_TYPE_DROP);
	assert_null(drop_red.actions[RTE_COLOR_GREEN]);
	port_gone(ft);
	port_gone(nul);
}

/* ---- traffic management ---- */

static void
test_tm(void **state)
{
	struct rte_tm_capabilities cap;
	struct rte_tm_node_params np;
	struct rte_tm_node_stats st;
	struct rte_tm_error err;
	uint64_t mask;
	uint32_t n = 0;
	int leaf = -1;
	uint16_t nul, ft;

	(void)state;
	assert_int_equal(rte_eth_dev_attach("net_null_tm", &nul), 0);
	assert_int_equal(rte_eth_dev_attach("net_flowtest_tm", &ft), 0);
	memset(&err, 0, sizeof(err));
	memset(&np, 0, sizeof(np));
	/* No traffic management in the driver: ENOSYS; invalid port: ENODEV. */
	assert_int_equal(rte_tm_capabilities_get(nul, &cap, &err), -ENOSYS);
	assert_int_equal(rte_errno, ENOSYS);
	assert_int_equal(err.type, RTE_TM_ERROR_TYPE_UNSPECIFIED);
	assert_int_equal(rte_tm_get_number_of_leaf_nodes(nul, &n, &err), -ENOSYS);
	assert_int_equal(rte_tm_node_add(nul, 0, RTE_TM_NODE_ID_NULL, 0, 1,
			RTE_TM_NODE_LEVEL_ID_ANY, &np, &err), -ENOSYS);
	assert_int_equal(rte_tm_hierarchy_commit(RTE_MAX_ETHPORTS, 1, &err), -ENODEV);
	assert_null(rte_tm_ops_get(RTE_MAX_ETHPORTS, NULL));
	/* The driver's answers; leaves are the transmit queues. */
	test_port_up(ft, 3, pool);
	assert_int_equal(rte_tm_get_number_of_leaf_nodes(ft, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(rte_tm_get_number_of_leaf_nodes(ft, NULL, &err), -EINVAL);
	assert_int_equal(rte_tm_capabilities_get(ft, &cap, &err), 0);
	assert_int_equal(cap.n_nodes_max, 4);
	assert_int_equal(rte_tm_node_type_get(ft, 2, &leaf, &err), 0);
	assert_int_equal(leaf, 1);
	assert_int_equal(rte_tm_node_type_get(ft, 3, &leaf, &err), 0);
	assert_int_equal(leaf, 0);
	assert_int_equal(rte_tm_node_type_get(ft, 1000, &leaf, &err), -EINVAL);
	assert_int_equal(err.type, RTE_TM_ERROR_TYPE_NODE_ID);
	assert_int_equal(rte_tm_node_stats_read(ft, 0, &st, &mask, 1, &err), -ENOSYS);
	assert_int_equal(rte_tm_mark_ip_dscp(ft, 0, 0, 1, &err), -ENOSYS);
	port_gone(ft);
	port_gone(nul);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_supported),
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_mac_list),
		cmocka_unit_test(test_mtu_vlan),
		cmocka_unit_test(test_rss),
		cmocka_unit_test(test_queue_start_stop),
		cmocka_unit_test(test_xstats_by_id),
		cmocka_unit_test(test_names_and_info),
		cmocka_unit_test(test_callbacks),
		cmocka_unit_test(test_ownership),
		cmocka_unit_test(test_iterator),
		cmocka_unit_test(test_driver_helpers),
		cmocka_unit_test(test_flow),
		cmocka_unit_test(test_flow_conv),
		cmocka_unit_test(test_mtr),
		cmocka_unit_test(test_tm),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
