/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Forwarding table for IPv4: routes are kept in a RIB (rte_rib.h) and compiled into a lookup
 * structure. RTE_FIB_DIR24_8 looks an address up in at most two memory reads: a 2^24-entry
 * table indexed by the top 24 bits, and for /24s holding longer routes a group of 256 entries
 * indexed by the last byte. RTE_FIB_DUMMY looks up in the RIB itself. Writers (add, delete)
 * must be serialised by the caller.
 */
#ifndef _RTE_FIB_H_
#define _RTE_FIB_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_fib;
struct rte_rib;

/** Longest IPv4 prefix. */
#define RTE_FIB_MAXDEPTH	32

/** Lookup structures. */
enum rte_fib_type {
	RTE_FIB_DUMMY,		/**< lookups walk the RIB */
	RTE_FIB_DIR24_8		/**< DIR-24-8 table */
};

/** A function changing a route (add or delete, as op says). */
typedef int (*rte_fib_modify_fn_t)(struct rte_fib *fib, uint32_t ip,
	uint8_t depth, uint64_t next_hop, int op);
/** A bulk lookup function working on the dataplane structure (rte_fib_get_dp). */
typedef void (*rte_fib_lookup_fn_t)(void *fib, const uint32_t *ips,
	uint64_t *next_hops, const unsigned int n);

/** Route operations of rte_fib_modify_fn_t. */
enum rte_fib_op {
	RTE_FIB_ADD, /**< add a route or change its next hop */
	RTE_FIB_DEL, /**< delete a route */
};

/** Entry sizes of a DIR-24-8 table; next hops are one bit shorter than the entry. */
enum rte_fib_dir24_8_nh_sz {
	RTE_FIB_DIR24_8_1B, /**< 1-byte entries, next hops up to 127 */
	RTE_FIB_DIR24_8_2B, /**< 2-byte entries, next hops up to 2^15 - 1 */
	RTE_FIB_DIR24_8_4B, /**< 4-byte entries, next hops up to 2^31 - 1 */
	RTE_FIB_DIR24_8_8B  /**< 8-byte entries, next hops up to 2^63 - 1 */
};

/** Lookup implementations (rte_fib_select_lookup). */
enum rte_fib_lookup_type {
	RTE_FIB_LOOKUP_DEFAULT,
	/**< the best one available */
	RTE_FIB_LOOKUP_DIR24_8_SCALAR_MACRO,
	/**< scalar, one loop per entry size */
	RTE_FIB_LOOKUP_DIR24_8_SCALAR_INLINE,
	/**< scalar, one loop per entry size */
	RTE_FIB_LOOKUP_DIR24_8_SCALAR_UNI,
	/**< scalar, one loop for every entry size */
	RTE_FIB_LOOKUP_DIR24_8_VECTOR_AVX512
	/**< AVX-512: not available in this implementation */
};

/** Configuration of a FIB (rte_fib_create). */
struct rte_fib_conf {
	enum rte_fib_type type; /**< lookup structure */
	/** Next hop of addresses no route covers */
	uint64_t default_nh;
	/** Routes the FIB must hold; its RIB gets twice as many nodes */
	int	max_routes;
	/** Bytes of user data in each node of the FIB's RIB */
	unsigned int rib_ext_sz;
	/** Settings of the lookup structure */
	union {
		/** RTE_FIB_DIR24_8 settings */
		struct {
			enum rte_fib_dir24_8_nh_sz nh_sz; /**< entry size */
			uint32_t	num_tbl8; /**< groups of 256 entries for routes past /24 */
		} dir24_8;
	};
};

/**
 * Create a FIB, registered under its name.
 * @param name its name.
 * @param socket_id NUMA socket of its memory, or SOCKET_ID_ANY.
 * @param conf its configuration. For RTE_FIB_DIR24_8, num_tbl8 must be at least 1 and, like
 *   default_nh, at most the largest next hop of the entry size (2^(8 * size - 1) - 1).
 * @return the FIB, or NULL with rte_errno EINVAL, EEXIST (name in use) or ENOMEM.
 */
struct rte_fib *
rte_fib_create(const char *name, int socket_id, struct rte_fib_conf *conf);

/**
 * Find a FIB by name.
 * @param name its name.
 * @return the FIB, or NULL with rte_errno ENOENT.
 */
struct rte_fib *
rte_fib_find_existing(const char *name);

/**
 * Free a FIB, its RIB and its tables.
 * @param fib the FIB; NULL does nothing.
 */
void
rte_fib_free(struct rte_fib *fib);

/**
 * Add a route, or change the next hop of one.
 * @param fib the FIB.
 * @param ip prefix in host byte order; bits past depth are ignored.
 * @param depth prefix length, 0 to 32.
 * @param next_hop its next hop.
 * @return 0, -EINVAL (NULL fib, depth above 32, next hop too large for the entry size),
 *   -ENOSPC (no tbl8 group left for a route longer than 24) or -ENOMEM (RIB full).
 */
int
rte_fib_add(struct rte_fib *fib, uint32_t ip, uint8_t depth, uint64_t next_hop);

/**
 * Delete a route.
 * @param fib the FIB.
 * @param ip prefix in host byte order; bits past depth are ignored.
 * @param depth prefix length, 0 to 32.
 * @return 0, -EINVAL (NULL fib, depth above 32) or -ENOENT (no such route).
 */
int
rte_fib_delete(struct rte_fib *fib, uint32_t ip, uint8_t depth);

/**
 * Look up many addresses.
 * @param fib the FIB.
 * @param ips n addresses in host byte order.
 * @param next_hops n next hops written back: the most specific route's, or default_nh.
 * @param n number of addresses.
 * @return 0, or -EINVAL on a NULL argument.
 */
int
rte_fib_lookup_bulk(struct rte_fib *fib, uint32_t *ips,
		uint64_t *next_hops, int n);

/**
 * The dataplane structure, the first argument of the lookup functions.
 * @param fib the FIB.
 * @return it, or NULL if fib is NULL.
 */
void *
rte_fib_get_dp(struct rte_fib *fib);

/**
 * The RIB that holds the FIB's routes.
 * @param fib the FIB.
 * @return it, or NULL if fib is NULL.
 */
struct rte_rib *
rte_fib_get_rib(struct rte_fib *fib);

/**
 * Choose the lookup implementation.
 * @param fib the FIB.
 * @param type the implementation.
 * @return 0, or -EINVAL (NULL fib, an RTE_FIB_DUMMY FIB, or a type not available here).
 */
int
rte_fib_select_lookup(struct rte_fib *fib, enum rte_fib_lookup_type type);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_FIB_H_ */
