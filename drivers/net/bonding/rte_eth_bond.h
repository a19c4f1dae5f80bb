/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_ETH_BOND_H_
#define _RTE_ETH_BOND_H_

/**
 * @file
 * Link bonding: one port (net_bonding vdev) made of several member ports ("slaves").
 *
 * The bond port is an ordinary ethdev port. The members it owns are configured and started
 * with the bond's queues when the bond is, and the application polls only the bond. The mode
 * decides which members transmit each packet and which members are received from.
 * Unless stated otherwise, the functions return 0 on success and a negative value on error.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <rte_ether.h>

/** Mode 0: packets go to the active members in turn. */
#define BONDING_MODE_ROUND_ROBIN		(0)
/** Mode 1: only the primary member sends and receives; another takes over when it fails. */
#define BONDING_MODE_ACTIVE_BACKUP		(1)
/** Mode 2: a hash of each packet's headers picks its member (see the xmit policies). */
#define BONDING_MODE_BALANCE			(2)
/** Mode 3: every packet is sent on every active member. */
#define BONDING_MODE_BROADCAST			(3)
/** Mode 4: IEEE 802.3ad link aggregation, LACP run by the bond (rte_eth_bond_8023ad.h). */
#define BONDING_MODE_8023AD				(4)
/** Mode 5: adaptive transmit load balancing; reception on the primary only. */
#define BONDING_MODE_TLB	(5)
/** Mode 6: adaptive load balancing of transmission and reception. */
#define BONDING_MODE_ALB	(6)

/** Balance mode hash over the Ethernet source and destination addresses. */
#define BALANCE_XMIT_POLICY_LAYER2		(0)
/** Balance mode hash over the Ethernet and IP addresses. */
#define BALANCE_XMIT_POLICY_LAYER23		(1)
/** Balance mode hash over the IP addresses and the TCP/UDP ports. */
#define BALANCE_XMIT_POLICY_LAYER34		(2)

/**
 * Create a bond port.
 *
 * @param name
 *   Name of the new device; it must start with "net_bonding".
 * @param mode
 *   BONDING_MODE_* of the bond.
 * @param socket_id
 *   NUMA socket the bond's memory is taken from.
 * @return
 *   The port id of the bond, or a negative errno.
 */
int
rte_eth_bond_create(const char *name, uint8_t mode, uint8_t socket_id);

/**
 * Remove a bond port created by rte_eth_bond_create or --vdev; its members are released.
 *
 * @param name
 *   Name the bond was created with.
 * @return
 *   0, or a negative errno.
 */
int
rte_eth_bond_free(const char *name);

/**
 * Make a port a member of a bond. The port must exist, must not be owned (a member of
 * another bond is owned by it) and must not be the bond itself.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param slave_port_id
 *   Port id of the new member.
 * @return
 *   0, or -1 on error.
 */
int
rte_eth_bond_slave_add(uint16_t bonded_port_id, uint16_t slave_port_id);

/**
 * Take a member out of a bond; it gets its own MAC address back and is no longer owned.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param slave_port_id
 *   Port id of the member.
 * @return
 *   0, or -1 on error.
 */
int
rte_eth_bond_slave_remove(uint16_t bonded_port_id, uint16_t slave_port_id);

/**
 * Change the mode of a bond.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param mode
 *   BONDING_MODE_* to use.
 * @return
 *   0, or a negative value on error.
 */
int
rte_eth_bond_mode_set(uint16_t bonded_port_id, uint8_t mode);

/**
 * Mode of a bond.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @return
 *   The BONDING_MODE_* of the bond, or -1 if the port is not a bond.
 */
int
rte_eth_bond_mode_get(uint16_t bonded_port_id);

/**
 * Choose the primary member: the one that works in active-backup, TLB and ALB modes while
 * its link is up, and whose MAC address the bond takes by default.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param slave_port_id
 *   Port id of a member of the bond.
 * @return
 *   0, or -1 on error.
 */
int
rte_eth_bond_primary_set(uint16_t bonded_port_id, uint16_t slave_port_id);

/**
 * Primary member of a bond.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @return
 *   Port id of the primary member, or -1 if there is none or the port is not a bond.
 */
int
rte_eth_bond_primary_get(uint16_t bonded_port_id);

/**
 * Members of a bond, in the order they were added.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param slaves
 *   Array filled with the members' port ids.
 * @param len
 *   Number of entries of slaves.
 * @return
 *   Number of members, or -1 on error (including a too short array).
 */
int
rte_eth_bond_slaves_get(uint16_t bonded_port_id, uint16_t slaves[],
			uint16_t len);

/**
 * Members of a bond that carry traffic now (link up, bond started).
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param slaves
 *   Array filled with the active members' port ids.
 * @param len
 *   Number of entries of slaves.
 * @return
 *   Number of active members, or -1 on error (including a too short array).
 */
int
rte_eth_bond_active_slaves_get(uint16_t bonded_port_id, uint16_t slaves[],
				uint16_t len);

/**
 * Give a bond a MAC address of the application's choice; the members that use the bond's
 * address in the current mode take it too.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param mac_addr
 *   The address.
 * @return
 *   0, or -1 on error.
 */
int
rte_eth_bond_mac_address_set(uint16_t bonded_port_id,
		struct rte_ether_addr *mac_addr);

/**
 * Forget the address given with rte_eth_bond_mac_address_set: the bond takes its primary
 * member's own address again.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @return
 *   0, or -1 on error.
 */
int
rte_eth_bond_mac_address_reset(uint16_t bonded_port_id);

/**
 * Choose the hash of balance mode.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param policy
 *   BALANCE_XMIT_POLICY_*.
 * @return
 *   0, or -1 on error.
 */
int
rte_eth_bond_xmit_policy_set(uint16_t bonded_port_id, uint8_t policy);

/**
 * Hash of balance mode.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @return
 *   The BALANCE_XMIT_POLICY_* of the bond, or -1 if the port is not a bond.
 */
int
rte_eth_bond_xmit_policy_get(uint16_t bonded_port_id);

/**
 * Set how often the link of the members is read.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param internal_ms
 *   Period in milliseconds (0: the default, 10 ms).
 * @return
 *   0, or -1 on error.
 */
int
rte_eth_bond_link_monitoring_set(uint16_t bonded_port_id, uint32_t internal_ms);

/**
 * Period at which the link of the members is read.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @return
 *   The period in milliseconds, or -1 if the port is not a bond.
 */
int
rte_eth_bond_link_monitoring_get(uint16_t bonded_port_id);

/**
 * Delay the bond's link down event: the application hears of it this long after the last
 * member's link went down.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param delay_ms
 *   Delay in milliseconds.
 * @return
 *   0, or -1 on error.
 */
int
rte_eth_bond_link_down_prop_delay_set(uint16_t bonded_port_id,
				       uint32_t delay_ms);

/**
 * Delay of the bond's link down event.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @return
 *   The delay in milliseconds, or -1 if the port is not a bond.
 */
int
rte_eth_bond_link_down_prop_delay_get(uint16_t bonded_port_id);

/**
 * Delay the bond's link up event: the application hears of it this long after the first
 * member's link came up.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @param delay_ms
 *   Delay in milliseconds.
 * @return
 *   0, or -1 on error.
 */
int
rte_eth_bond_link_up_prop_delay_set(uint16_t bonded_port_id,
				    uint32_t delay_ms);

/**
 * Delay of the bond's link up event.
 *
 * @param bonded_port_id
 *   Port id of the bond.
 * @return
 *   The delay in milliseconds, or -1 if the port is not a bond.
 */
int
rte_eth_bond_link_up_prop_delay_get(uint16_t bonded_port_id);

#ifdef __cplusplus
}
#endif

#endif
