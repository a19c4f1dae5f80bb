/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Routing information base for IPv6: the same compressed binary trie as rte_rib.h, with
 * 128-bit prefixes given as 16 bytes in network order. Not thread safe: callers serialise
 * every call on one RIB.
 */
#ifndef _RTE_RIB6_H_
#define _RTE_RIB6_H_

#include <rte_memcpy.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes of an IPv6 address. */
#define RTE_RIB6_IPV6_ADDR_SIZE	16

/** Modes of rte_rib6_get_nxt, as for rte_rib_get_nxt. */
enum {
	/** every route under the prefix, the more specific ones first */
	RTE_RIB6_GET_NXT_ALL,
	/** only the routes under the prefix that no other route under it covers */
	RTE_RIB6_GET_NXT_COVER
};

/** An IPv6 RIB. */
struct rte_rib6;
/** A node of an IPv6 RIB. */
struct rte_rib6_node;

/** Sizes of a RIB (rte_rib6_create). */
struct rte_rib6_conf {
	/** Bytes of user data in every node, see rte_rib6_get_ext(). */
	size_t	ext_sz;
	/** Nodes in the RIB's pool, routes and branch points alike */
	int	max_nodes;
};

/**
 * Copy an IPv6 address; does nothing if either pointer is NULL.
 * @param dst destination, 16 bytes.
 * @param src source, 16 bytes.
 */
static inline void
rte_rib6_copy_addr(uint8_t *dst, const uint8_t *src)
{
	if (dst != NULL && src != NULL)
		rte_memcpy(dst, src, RTE_RIB6_IPV6_ADDR_SIZE);
}

/**
 * Compare two IPv6 addresses.
 * @param ip1 an address, 16 bytes.
 * @param ip2 an address, 16 bytes.
 * @return 1 if both are non-NULL and equal, 0 otherwise.
 */
static inline int
rte_rib6_is_equal(const uint8_t *ip1, const uint8_t *ip2) {
	unsigned int k;

	if (ip1 == NULL || ip2 == NULL)
		return 0;
	for (k = 0; k < RTE_RIB6_IPV6_ADDR_SIZE; k++)
		if (ip1[k] != ip2[k])
			return 0;
	return 1;
}

/**
 * One byte of the network mask of a prefix length.
 * @param depth prefix length (values above 128 count as 128).
 * @param byte which byte of the mask, 0 to 15 (only the low 4 bits are used).
 * @return that byte of the mask.
 */
static inline uint8_t
get_msk_part(uint8_t depth, int byte) {
	int bits = (int)RTE_MIN(depth, 128) - (byte & 0xf) * 8;

	if (bits <= 0)
		return 0;
	if (bits >= 8)
		return UINT8_MAX;
	return (uint8_t)(UINT8_MAX << (8 - bits));
}

/**
 * Longest-prefix match.
 * @param rib the RIB.
 * @param ip the address.
 * @return the most specific route covering ip, or NULL (rte_errno EINVAL on NULL arguments).
 */
struct rte_rib6_node *
rte_rib6_lookup(struct rte_rib6 *rib,
	const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE]);

/**
 * The next less specific route covering a node.
 * @param ent a node of a RIB.
 * @return the most specific route strictly shorter than ent that covers it, or NULL.
 */
struct rte_rib6_node *
rte_rib6_lookup_parent(struct rte_rib6_node *ent);

/**
 * Exact-match lookup.
 * @param rib the RIB.
 * @param ip the prefix; bits past depth are ignored.
 * @param depth prefix length, 0 to 128.
 * @return the route ip/depth, or NULL (rte_errno EINVAL on NULL arguments or bad depth).
 */
struct rte_rib6_node *
rte_rib6_lookup_exact(struct rte_rib6 *rib,
	const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE], uint8_t depth);

/**
 * Iterate over the routes more specific than a prefix, as rte_rib_get_nxt() does.
 * @param rib the RIB.
 * @param ip the prefix.
 * @param depth prefix length, 0 to 128.
 * @param last the previous node returned, or NULL to start.
 * @param flag RTE_RIB6_GET_NXT_ALL or RTE_RIB6_GET_NXT_COVER.
 * @return the next route, or NULL at the end (rte_errno EINVAL on bad arguments).
 */
struct rte_rib6_node *
rte_rib6_get_nxt(struct rte_rib6 *rib,
	const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE],
	uint8_t depth, struct rte_rib6_node *last, int flag);

/**
 * Remove a route; nothing happens if it is not there.
 * @param rib the RIB.
 * @param ip the prefix.
 * @param depth prefix length, 0 to 128.
 */
void
rte_rib6_remove(struct rte_rib6 *rib,
	const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE], uint8_t depth);

/**
 * Add a route, with next hop 0 and a zeroed user area.
 * @param rib the RIB.
 * @param ip the prefix; bits past depth are ignored.
 * @param depth prefix length, 0 to 128.
 * @return the new node, or NULL with rte_errno EINVAL (NULL argument, depth above 128),
 *   EEXIST (the route is there already) or ENOMEM (the node pool is exhausted).
 */
struct rte_rib6_node *
rte_rib6_insert(struct rte_rib6 *rib,
	const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE], uint8_t depth);

/**
 * The prefix of a node.
 * @param node the node.
 * @param ip where to write it.
 * @return 0, or -1 with rte_errno EINVAL if an argument is NULL.
 */
int
rte_rib6_get_ip(const struct rte_rib6_node *node,
		uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE]);

/**
 * The prefix length of a node.
 * @param node the node.
 * @param depth where to write it.
 * @return 0, or -1 with rte_errno EINVAL if an argument is NULL.
 */
int
rte_rib6_get_depth(const struct rte_rib6_node *node, uint8_t *depth);

/**
 * The user area of a node.
 * @param node the node.
 * @return its rte_rib6_conf.ext_sz bytes, or NULL if node is NULL.
 */
void *
rte_rib6_get_ext(struct rte_rib6_node *node);

/**
 * The next hop of a node.
 * @param node the node.
 * @param nh where to write it.
 * @return 0, or -1 with rte_errno EINVAL if an argument is NULL.
 */
int
rte_rib6_get_nh(const struct rte_rib6_node *node, uint64_t *nh);

/**
 * Set the next hop of a node.
 * @param node the node.
 * @param nh the next hop.
 * @return 0, or -1 with rte_errno EINVAL if node is NULL.
 */
int
rte_rib6_set_nh(struct rte_rib6_node *node, uint64_t nh);

/**
 * Create a RIB, registered under its name.
 * @param name its name.
 * @param socket_id NUMA socket of its memory, or SOCKET_ID_ANY.
 * @param conf its sizes.
 * @return the RIB, or NULL with rte_errno EINVAL (NULL name or conf, max_nodes not positive,
 *   name too long), EEXIST (name in use) or ENOMEM.
 */
struct rte_rib6 *
rte_rib6_create(const char *name, int socket_id,
		const struct rte_rib6_conf *conf);

/**
 * Find a RIB by name.
 * @param name its name.
 * @return the RIB, or NULL with rte_errno ENOENT (or EINVAL for a NULL name).
 */
struct rte_rib6 *
rte_rib6_find_existing(const char *name);

/**
 * Free a RIB and all its nodes.
 * @param rib the RIB; NULL does nothing.
 */
void
rte_rib6_free(struct rte_rib6 *rib);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RIB6_H_ */
