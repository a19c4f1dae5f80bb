/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Longest-prefix-match table for IPv6 routes: a 2^24-entry first level indexed by the first
 * three address bytes, then groups of 256 entries, one level per further byte. Writers must be
 * serialised by the caller, and must not run during lookups.
 */
#ifndef _RTE_LPM6_H_
#define _RTE_LPM6_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_LPM6_MAX_DEPTH               128 /**< deepest IPv6 prefix */
#define RTE_LPM6_IPV6_ADDR_SIZE           16 /**< bytes of an IPv6 address */
#define RTE_LPM6_NAMESIZE                 32 /**< longest name, with its NUL */

/** An IPv6 LPM table. */
struct rte_lpm6;

/** Sizes of an IPv6 LPM table (rte_lpm6_create). */
struct rte_lpm6_config {
	uint32_t max_rules;      /**< most routes */
	uint32_t number_tbl8s;   /**< groups of 256 entries for the levels below the first */
	int flags;               /**< unused */
};

/**
 * Create an IPv6 LPM table, registered under its name.
 * @param name its name, at most RTE_LPM6_NAMESIZE - 1 characters.
 * @param socket_id NUMA socket of its memory, or SOCKET_ID_ANY.
 * @param config its sizes.
 * @return the table, or NULL with rte_errno EINVAL (NULL name or config, socket_id below -1,
 *   max_rules or number_tbl8s of 0, number_tbl8s above 2^21, a name too long), EEXIST or
 *   ENOMEM.
 */
struct rte_lpm6 *
rte_lpm6_create(const char *name, int socket_id, const struct rte_lpm6_config *config);

/**
 * Find a table by name.
 * @param name its name.
 * @return the table, or NULL with rte_errno ENOENT.
 */
struct rte_lpm6 *
rte_lpm6_find_existing(const char *name);

/**
 * Free a table and forget its name. Nothing happens for NULL.
 * @param lpm the table.
 */
void
rte_lpm6_free(struct rte_lpm6 *lpm);

/**
 * Add a route, or change the next hop of an existing one.
 * @param lpm the table.
 * @param ip the prefix, 16 bytes in network order (bits below depth are ignored).
 * @param depth prefix length, 1 to RTE_LPM6_MAX_DEPTH.
 * @param next_hop its next hop (21 bits are kept).
 * @return 0, -EINVAL (NULL arguments, bad depth) or -ENOSPC (max_rules routes, or not enough
 *   groups left); on error the table is unchanged.
 */
int
rte_lpm6_add(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth, uint32_t next_hop);

/**
 * Whether a route is in the table.
 * @param lpm the table.
 * @param ip the prefix.
 * @param depth prefix length.
 * @param next_hop where its next hop is stored when it is present.
 * @return 1 present, 0 absent, -EINVAL for NULL arguments or a bad depth.
 */
int
rte_lpm6_is_rule_present(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth,
		uint32_t *next_hop);

/**
 * Remove a route; addresses it covered fall back to the longest shorter route covering them.
 * @param lpm the table.
 * @param ip the prefix.
 * @param depth prefix length.
 * @return 0, -EINVAL (NULL arguments, bad depth) or -ENOENT (no such route).
 */
int
rte_lpm6_delete(struct rte_lpm6 *lpm, const uint8_t *ip, uint8_t depth);

/**
 * Remove n routes; those that are not in the table are skipped.
 * @param lpm the table.
 * @param ips their prefixes.
 * @param depths their prefix lengths.
 * @param n number of routes.
 * @return 0, or -EINVAL for NULL arguments.
 */
int
rte_lpm6_delete_bulk_func(struct rte_lpm6 *lpm, uint8_t ips[][RTE_LPM6_IPV6_ADDR_SIZE],
		uint8_t *depths, unsigned int n);

/**
 * Remove every route.
 * @param lpm the table.
 */
void
rte_lpm6_delete_all(struct rte_lpm6 *lpm);

/**
 * Look up one address.
 * @param lpm the table.
 * @param ip the address.
 * @param next_hop where the next hop of its longest matching route is stored.
 * @return 0, -ENOENT when no route matches, -EINVAL for NULL arguments.
 */
int
rte_lpm6_lookup(const struct rte_lpm6 *lpm, const uint8_t *ip, uint32_t *next_hop);

/**
 * Look up n addresses.
 * @param lpm the table.
 * @param ips the addresses.
 * @param next_hops for each, its next hop or -1 when no route matches.
 * @param n number of addresses.
 * @return 0, or -EINVAL for NULL arguments.
 */
int
rte_lpm6_lookup_bulk_func(const struct rte_lpm6 *lpm, uint8_t ips[][RTE_LPM6_IPV6_ADDR_SIZE],
		int32_t *next_hops, unsigned int n);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LPM6_H_ */
