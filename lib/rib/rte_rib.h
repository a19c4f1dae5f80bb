/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Routing information base for IPv4: a compressed binary (Patricia) trie of prefixes. A node
 * is either a route (valid) or a branch point the trie needs to keep two subtrees apart. Every
 * node can carry a user area of rte_rib_conf.ext_sz bytes (rte_rib_get_ext). Nodes come from
 * a pool of rte_rib_conf.max_nodes, allocated when the RIB is created; branch points use the
 * pool too, so a RIB of N routes may need up to 2N - 1 nodes. Not thread safe: callers
 * serialise every call on one RIB.
 */
#ifndef _RTE_RIB_H_
#define _RTE_RIB_H_

#include <stdlib.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Modes of rte_rib_get_nxt. */
enum {
	/** every route under the prefix, the more specific ones first */
	RTE_RIB_GET_NXT_ALL,
	/** only the routes under the prefix that no other route under it covers */
	RTE_RIB_GET_NXT_COVER
};

/** An IPv4 RIB. */
struct rte_rib;
/** A node of an IPv4 RIB. */
struct rte_rib_node;

/** Sizes of a RIB (rte_rib_create). */
struct rte_rib_conf {
	/** Bytes of user data in every node, see rte_rib_get_ext(). */
	size_t	ext_sz;
	/** Nodes in the RIB's pool, routes and branch points alike */
	int	max_nodes;
};

/**
 * The network mask of a prefix length.
 * @param depth prefix length, 0 to 32.
 * @return the mask in host byte order (0 for depth 0).
 */
static inline uint32_t
rte_rib_depth_to_mask(uint8_t depth)
{
	return (uint32_t)(UINT64_MAX << (32 - depth));
}

/**
 * Longest-prefix match.
 * @param rib the RIB.
 * @param ip address in host byte order.
 * @return the most specific route covering ip, or NULL (rte_errno EINVAL when rib is NULL).
 */
struct rte_rib_node *
rte_rib_lookup(struct rte_rib *rib, uint32_t ip);

/**
 * The next less specific route covering a node.
 * @param ent a node of a RIB.
 * @return the most specific route strictly shorter than ent that covers it, or NULL.
 */
struct rte_rib_node *
rte_rib_lookup_parent(struct rte_rib_node *ent);

/**
 * Exact-match lookup.
 * @param rib the RIB.
 * @param ip prefix in host byte order; bits past depth are ignored.
 * @param depth prefix length, 0 to 32.
 * @return the route ip/depth, or NULL (rte_errno EINVAL on a NULL rib or depth above 32).
 */
struct rte_rib_node *
rte_rib_lookup_exact(struct rte_rib *rib, uint32_t ip, uint8_t depth);

/**
 * Iterate over the routes more specific than a prefix. Start with last NULL, then pass the
 * node returned by the previous call; the routes must not change in between.
 * @param rib the RIB.
 * @param ip prefix in host byte order.
 * @param depth prefix length, 0 to 32.
 * @param last the previous node returned, or NULL to start.
 * @param flag RTE_RIB_GET_NXT_ALL for every route under ip/depth (a route comes after all the
 *   routes it covers), RTE_RIB_GET_NXT_COVER for the outermost ones only, in address order.
 * @return the next route, or NULL at the end (rte_errno EINVAL on a NULL rib or bad depth).
 */
struct rte_rib_node *
rte_rib_get_nxt(struct rte_rib *rib, uint32_t ip, uint8_t depth,
	struct rte_rib_node *last, int flag);

/**
 * Remove a route; nothing happens if it is not there.
 * @param rib the RIB.
 * @param ip prefix in host byte order.
 * @param depth prefix length, 0 to 32.
 */
void
rte_rib_remove(struct rte_rib *rib, uint32_t ip, uint8_t depth);

/**
 * Add a route, with next hop 0 and a zeroed user area.
 * @param rib the RIB.
 * @param ip prefix in host byte order; bits past depth are ignored.
 * @param depth prefix length, 0 to 32.
 * @return the new node, or NULL with rte_errno EINVAL (NULL rib, depth above 32), EEXIST
 *   (the route is there already) or ENOMEM (the node pool is exhausted).
 */
struct rte_rib_node *
rte_rib_insert(struct rte_rib *rib, uint32_t ip, uint8_t depth);

/**
 * The prefix of a node.
 * @param node the node.
 * @param ip where to write it, host byte order.
 * @return 0, or -1 with rte_errno EINVAL if an argument is NULL.
 */
int
rte_rib_get_ip(const struct rte_rib_node *node, uint32_t *ip);

/**
 * The prefix length of a node.
 * @param node the node.
 * @param depth where to write it.
 * @return 0, or -1 with rte_errno EINVAL if an argument is NULL.
 */
int
rte_rib_get_depth(const struct rte_rib_node *node, uint8_t *depth);

/**
 * The user area of a node.
 * @param node the node.
 * @return its rte_rib_conf.ext_sz bytes, or NULL if node is NULL.
 */
void *
rte_rib_get_ext(struct rte_rib_node *node);

/**
 * The next hop of a node.
 * @param node the node.
 * @param nh where to write it.
 * @return 0, or -1 with rte_errno EINVAL if an argument is NULL.
 */
int
rte_rib_get_nh(const struct rte_rib_node *node, uint64_t *nh);

/**
 * Set the next hop of a node.
 * @param node the node.
 * @param nh the next hop.
 * @return 0, or -1 with rte_errno EINVAL if node is NULL.
 */
int
rte_rib_set_nh(struct rte_rib_node *node, uint64_t nh);

/**
 * Create a RIB, registered under its name.
 * @param name its name.
 * @param socket_id NUMA socket of its memory, or SOCKET_ID_ANY.
 * @param conf its sizes.
 * @return the RIB, or NULL with rte_errno EINVAL (NULL name or conf, max_nodes not positive,
 *   name too long), EEXIST (name in use) or ENOMEM.
 */
struct rte_rib *
rte_rib_create(const char *name, int socket_id,
	       const struct rte_rib_conf *conf);

/**
 * Find a RIB by name.
 * @param name its name.
 * @return the RIB, or NULL with rte_errno ENOENT (or EINVAL for a NULL name).
 */
struct rte_rib *
rte_rib_find_existing(const char *name);

/**
 * Free a RIB and all its nodes.
 * @param rib the RIB; NULL does nothing.
 */
void
rte_rib_free(struct rte_rib *rib);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RIB_H_ */
