/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Forwarding table for IPv6: routes are kept in a RIB (rte_rib6.h) and compiled into a lookup
 * structure. RTE_FIB6_TRIE is a multibit trie: a 2^24-entry table indexed by the first three
 * address bytes, then groups of 256 entries, one level per further byte, only where longer
 * routes need them. RTE_FIB6_DUMMY looks up in the RIB itself. Writers (add, delete) must be
 * serialised by the caller.
 */
#ifndef _RTE_FIB6_H_
#define _RTE_FIB6_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes of an IPv6 address. */
#define RTE_FIB6_IPV6_ADDR_SIZE		16
/** Longest IPv6 prefix. */
#define RTE_FIB6_MAXDEPTH       128

struct rte_fib6;
struct rte_rib6;

/** Lookup structures. */
enum rte_fib6_type {
	RTE_FIB6_DUMMY,		/**< lookups walk the RIB */
	RTE_FIB6_TRIE		/**< multibit trie */
};

/** A function changing a route (add or delete, as op says). */
typedef int (*rte_fib6_modify_fn_t)(struct rte_fib6 *fib,
	const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE], uint8_t depth,
	uint64_t next_hop, int op);
/** A bulk lookup function working on the dataplane structure (rte_fib6_get_dp). */
typedef void (*rte_fib6_lookup_fn_t)(void *fib,
	uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE],
	uint64_t *next_hops, const unsigned int n);

/** Route operations of rte_fib6_modify_fn_t. */
enum rte_fib6_op {
	RTE_FIB6_ADD, /**< add a route or change its next hop */
	RTE_FIB6_DEL, /**< delete a route */
};

/** Entry sizes of a trie; next hops are one bit shorter than the entry. */
enum rte_fib_trie_nh_sz {
	RTE_FIB6_TRIE_2B = 1, /**< 2-byte entries, next hops up to 2^15 - 1 */
	RTE_FIB6_TRIE_4B,     /**< 4-byte entries, next hops up to 2^31 - 1 */
	RTE_FIB6_TRIE_8B      /**< 8-byte entries, next hops up to 2^63 - 1 */
};

/** Lookup implementations (rte_fib6_select_lookup). */
enum rte_fib6_lookup_type {
	RTE_FIB6_LOOKUP_DEFAULT,
	/**< the best one available */
	RTE_FIB6_LOOKUP_TRIE_SCALAR, /**< scalar, one loop per entry size */
	RTE_FIB6_LOOKUP_TRIE_VECTOR_AVX512 /**< AVX-512: not available in this implementation */
};

/** Configuration of a FIB (rte_fib6_create). */
struct rte_fib6_conf {
	enum rte_fib6_type type; /**< lookup structure */
	/** Next hop of addresses no route covers */
	uint64_t default_nh;
	/** Routes the FIB must hold; its RIB gets twice as many nodes */
	int	max_routes;
	/** Bytes of user data in each node of the FIB's RIB */
	unsigned int rib_ext_sz;
	/** Settings of the lookup structure */
	union {
		/** RTE_FIB6_TRIE settings */
		struct {
			enum rte_fib_trie_nh_sz nh_sz; /**< entry size */
			uint32_t	num_tbl8; /**< groups of 256 entries for routes past /24 */
		} trie;
	};
};

/**
 * Create a FIB, registered under its name.
 * @param name its name.
 * @param socket_id NUMA socket of its memory, or SOCKET_ID_ANY.
 * @param conf its configuration. For RTE_FIB6_TRIE, num_tbl8 must be at least 1 and, like
 *   default_nh, at most the largest next hop of the entry size (2^(8 * size - 1) - 1).
 * @return the FIB, or NULL with rte_errno EINVAL, EEXIST (name in use) or ENOMEM.
 */
struct rte_fib6 *
rte_fib6_create(const char *name, int socket_id, struct rte_fib6_conf *conf);

/**
 * Find a FIB by name.
 * @param name its name.
 * @return the FIB, or NULL with rte_errno ENOENT.
 */
struct rte_fib6 *
rte_fib6_find_existing(const char *name);

/**
 * Free a FIB, its RIB and its tables.
 * @param fib the FIB; NULL does nothing.
 */
void
rte_fib6_free(struct rte_fib6 *fib);

/**
 * Add a route, or change the next hop of one.
 * @param fib the FIB.
 * @param ip the prefix; bits past depth are ignored.
 * @param depth prefix length, 0 to 128.
 * @param next_hop its next hop.
 * @return 0, -EINVAL (NULL argument, depth above 128, next hop too large for the entry
 *   size), -ENOSPC (not enough tbl8 groups left for the route) or -ENOMEM (RIB full).
 */
int
rte_fib6_add(struct rte_fib6 *fib, const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE],
	uint8_t depth, uint64_t next_hop);

/**
 * Delete a route.
 * @param fib the FIB.
 * @param ip the prefix; bits past depth are ignored.
 * @param depth prefix length, 0 to 128.
 * @return 0, -EINVAL (NULL argument, depth above 128) or -ENOENT (no such route).
 */
int
rte_fib6_delete(struct rte_fib6 *fib,
	const uint8_t ip[RTE_FIB6_IPV6_ADDR_SIZE], uint8_t depth);

/**
 * Look up many addresses.
 * @param fib the FIB.
 * @param ips n addresses.
 * @param next_hops n next hops written back: the most specific route's, or default_nh.
 * @param n number of addresses.
 * @return 0, or -EINVAL on a NULL argument.
 */
int
rte_fib6_lookup_bulk(struct rte_fib6 *fib,
	uint8_t ips[][RTE_FIB6_IPV6_ADDR_SIZE],
	uint64_t *next_hops, int n);

/**
 * The dataplane structure, the first argument of the lookup functions.
 * @param fib the FIB.
 * @return it, or NULL if fib is NULL.
 */
void *
rte_fib6_get_dp(struct rte_fib6 *fib);

/**
 * The RIB that holds the FIB's routes.
 * @param fib the FIB.
 * @return it, or NULL if fib is NULL.
 */
struct rte_rib6 *
rte_fib6_get_rib(struct rte_fib6 *fib);

/**
 * Choose the lookup implementation.
 * @param fib the FIB.
 * @param type the implementation.
 * @return 0, or -EINVAL (NULL fib, an RTE_FIB6_DUMMY FIB, or a type not available here).
 */
int
rte_fib6_select_lookup(struct rte_fib6 *fib, enum rte_fib6_lookup_type type);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_FIB6_H_ */
