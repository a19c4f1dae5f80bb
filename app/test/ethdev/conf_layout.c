/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Prints the size and offset of every member of struct rte_eth_conf (and of the VMDq/DCB parts
 * of rte_eth_dev_info). Built once against this tree's headers and once against DPDK 22.11's:
 * test_conf_layout.sh compares the two outputs, so any layout drift is a test failure.
 */
#include <stddef.h>
#include <stdio.h>

#include <rte_ethdev.h>

#define SZ(type) printf("sizeof %s %zu\n", #type, sizeof(type))
#define MEMBER(type, m) printf("%s.%s %zu %zu\n", #type, #m, offsetof(type, m), \
		sizeof(((type *)0)->m))

int
main(void)
{
	SZ(struct rte_eth_conf);
	MEMBER(struct rte_eth_conf, link_speeds);
	MEMBER(struct rte_eth_conf, rxmode);
	MEMBER(struct rte_eth_conf, txmode);
	MEMBER(struct rte_eth_conf, lpbk_mode);
	MEMBER(struct rte_eth_conf, rx_adv_conf);
	MEMBER(struct rte_eth_conf, rx_adv_conf.rss_conf);
	MEMBER(struct rte_eth_conf, rx_adv_conf.vmdq_dcb_conf);
	MEMBER(struct rte_eth_conf, rx_adv_conf.dcb_rx_conf);
	MEMBER(struct rte_eth_conf, rx_adv_conf.vmdq_rx_conf);
	MEMBER(struct rte_eth_conf, tx_adv_conf);
	MEMBER(struct rte_eth_conf, tx_adv_conf.vmdq_dcb_tx_conf);
	MEMBER(struct rte_eth_conf, tx_adv_conf.dcb_tx_conf);
	MEMBER(struct rte_eth_conf, tx_adv_conf.vmdq_tx_conf);
	MEMBER(struct rte_eth_conf, dcb_capability_en);
	MEMBER(struct rte_eth_conf, intr_conf);

	SZ(struct rte_eth_rxmode);
	MEMBER(struct rte_eth_rxmode, mq_mode);
	MEMBER(struct rte_eth_rxmode, mtu);
	MEMBER(struct rte_eth_rxmode, max_lro_pkt_size);
	MEMBER(struct rte_eth_rxmode, offloads);
	MEMBER(struct rte_eth_rxmode, reserved_64s);
	MEMBER(struct rte_eth_rxmode, reserved_ptrs);

	/* the bit-fields after pvid have no offset: the members around them pin them */
	SZ(struct rte_eth_txmode);
	MEMBER(struct rte_eth_txmode, mq_mode);
	MEMBER(struct rte_eth_txmode, offloads);
	MEMBER(struct rte_eth_txmode, pvid);
	MEMBER(struct rte_eth_txmode, reserved_64s);
	MEMBER(struct rte_eth_txmode, reserved_ptrs);

	SZ(struct rte_eth_rss_conf);
	MEMBER(struct rte_eth_rss_conf, rss_key);
	MEMBER(struct rte_eth_rss_conf, rss_key_len);
	MEMBER(struct rte_eth_rss_conf, rss_hf);
	SZ(struct rte_eth_intr_conf);

	SZ(struct rte_eth_vmdq_dcb_conf);
	MEMBER(struct rte_eth_vmdq_dcb_conf, nb_queue_pools);
	MEMBER(struct rte_eth_vmdq_dcb_conf, enable_default_pool);
	MEMBER(struct rte_eth_vmdq_dcb_conf, default_pool);
	MEMBER(struct rte_eth_vmdq_dcb_conf, nb_pool_maps);
	MEMBER(struct rte_eth_vmdq_dcb_conf, pool_map);
	MEMBER(struct rte_eth_vmdq_dcb_conf, pool_map[0].vlan_id);
	MEMBER(struct rte_eth_vmdq_dcb_conf, pool_map[0].pools);
	MEMBER(struct rte_eth_vmdq_dcb_conf, dcb_tc);

	SZ(struct rte_eth_dcb_rx_conf);
	MEMBER(struct rte_eth_dcb_rx_conf, nb_tcs);
	MEMBER(struct rte_eth_dcb_rx_conf, dcb_tc);

	SZ(struct rte_eth_vmdq_rx_conf);
	MEMBER(struct rte_eth_vmdq_rx_conf, nb_queue_pools);
	MEMBER(struct rte_eth_vmdq_rx_conf, enable_default_pool);
	MEMBER(struct rte_eth_vmdq_rx_conf, default_pool);
	MEMBER(struct rte_eth_vmdq_rx_conf, enable_loop_back);
	MEMBER(struct rte_eth_vmdq_rx_conf, nb_pool_maps);
	MEMBER(struct rte_eth_vmdq_rx_conf, rx_mode);
	MEMBER(struct rte_eth_vmdq_rx_conf, pool_map);
	MEMBER(struct rte_eth_vmdq_rx_conf, pool_map[0].vlan_id);
	MEMBER(struct rte_eth_vmdq_rx_conf, pool_map[0].pools);

	SZ(struct rte_eth_vmdq_dcb_tx_conf);
	MEMBER(struct rte_eth_vmdq_dcb_tx_conf, nb_queue_pools);
	MEMBER(struct rte_eth_vmdq_dcb_tx_conf, dcb_tc);
	SZ(struct rte_eth_dcb_tx_conf);
	MEMBER(struct rte_eth_dcb_tx_conf, nb_tcs);
	MEMBER(struct rte_eth_dcb_tx_conf, dcb_tc);
	SZ(struct rte_eth_vmdq_tx_conf);
	MEMBER(struct rte_eth_vmdq_tx_conf, nb_queue_pools);

	/* rte_eth_dev_info as a whole is not compared here: only its VMDq members */
	MEMBER(struct rte_eth_dev_info, max_vmdq_pools);
	MEMBER(struct rte_eth_dev_info, vmdq_queue_base);
	MEMBER(struct rte_eth_dev_info, vmdq_queue_num);
	MEMBER(struct rte_eth_dev_info, vmdq_pool_base);
	SZ(struct rte_eth_dcb_info);
	MEMBER(struct rte_eth_dcb_info, nb_tcs);
	MEMBER(struct rte_eth_dcb_info, prio_tc);
	MEMBER(struct rte_eth_dcb_info, tc_bws);
	MEMBER(struct rte_eth_dcb_info, tc_queue);

	/* constants the samples use */
	printf("RTE_ETH_VMDQ_MAX_VLAN_FILTERS %d\n", RTE_ETH_VMDQ_MAX_VLAN_FILTERS);
	printf("RTE_ETH_DCB_NUM_USER_PRIORITIES %d\n", RTE_ETH_DCB_NUM_USER_PRIORITIES);
	printf("RTE_ETH_VMDQ_DCB_NUM_QUEUES %d\n", RTE_ETH_VMDQ_DCB_NUM_QUEUES);
	printf("RTE_ETH_DCB_NUM_QUEUES %d\n", RTE_ETH_DCB_NUM_QUEUES);
	printf("RTE_ETH_MQ_RX_VMDQ_DCB_RSS %d\n", RTE_ETH_MQ_RX_VMDQ_DCB_RSS);
	printf("RTE_ETH_MQ_TX_VMDQ_ONLY %d\n", RTE_ETH_MQ_TX_VMDQ_ONLY);
	printf("RTE_ETH_64_POOLS %d RTE_ETH_8_TCS %d\n", RTE_ETH_64_POOLS, RTE_ETH_8_TCS);
	printf("RTE_ETH_VMDQ_ACCEPT_MULTICAST %u\n", (unsigned int)RTE_ETH_VMDQ_ACCEPT_MULTICAST);
	return 0;
}
