/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Longest-prefix-match table for IPv4 routes, DIR-24-8 layout: the top 24 bits of an address
 * index tbl24; an entry there either holds the answer or names a group of 256 tbl8 entries
 * indexed by the last byte. Lookups are inline and read only the two tables, so a lookup is at
 * most two memory reads. Writers (add/delete) must be serialised by the caller; lookups may run
 * concurrently with one writer, with rte_lpm_rcu_qsbr_add deciding when tbl8 groups that readers
 * may still see are reused.
 */
#ifndef _RTE_LPM_H_
#define _RTE_LPM_H_

#include <errno.h>
#include <stdint.h>

#include <rte_compat.h>
#include <rte_branch_prediction.h>
#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_vect.h>
#include <rte_rcu_qsbr.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Longest name of an LPM table, with its terminating NUL. */
#define RTE_LPM_NAMESIZE                32

/** Deepest IPv4 prefix. */
#define RTE_LPM_MAX_DEPTH               32

/** Entries of tbl24: one per /24. */
#define RTE_LPM_TBL24_NUM_ENTRIES       (1 << 24)

/** Entries of one tbl8 group: one per value of the last address byte. */
#define RTE_LPM_TBL8_GROUP_NUM_ENTRIES  256

/** Most tbl8 groups a table may have (the group index fills the 24-bit next-hop field). */
#define RTE_LPM_MAX_TBL8_NUM_GROUPS         (1 << 24)

/** A common number of tbl8 groups. */
#define RTE_LPM_TBL8_NUM_GROUPS         256

/** Entries of RTE_LPM_TBL8_NUM_GROUPS groups. */
#define RTE_LPM_TBL8_NUM_ENTRIES        (RTE_LPM_TBL8_NUM_GROUPS * \
					RTE_LPM_TBL8_GROUP_NUM_ENTRIES)

/** With RTE_LIBRTE_LPM_DEBUG, the inline lookups return retval when cond holds. */
#if defined(RTE_LIBRTE_LPM_DEBUG)
#define RTE_LPM_RETURN_IF_TRUE(cond, retval) do { \
	if (cond) \
		return (retval); \
} while (0)
#else
#define RTE_LPM_RETURN_IF_TRUE(cond, retval)
#endif

/** Bits of a table entry (read as a uint32_t) that are both set when it points to a tbl8 group. */
#define RTE_LPM_VALID_EXT_ENTRY_BITMASK 0x03000000

/** Bit of a table entry (read as a uint32_t) set when it holds a route. */
#define RTE_LPM_LOOKUP_SUCCESS          0x01000000

/** Default number of tbl8 groups one automatic reclamation of the defer queue frees. */
#define RTE_LPM_RCU_DQ_RECLAIM_MAX	16

/** How freed tbl8 groups wait for readers (struct rte_lpm_rcu_config.mode). */
enum rte_lpm_qsbr_mode {
	/** Through a defer queue, reclaimed when groups run short or the queue fills. */
	RTE_LPM_QSBR_MODE_DQ = 0,
	/** The writer waits for a grace period each time it frees a group. */
	RTE_LPM_QSBR_MODE_SYNC
};

/**
 * One entry of tbl24 or tbl8. Inline lookups read it as a uint32_t: next_hop in the low
 * 24 bits, then valid (RTE_LPM_LOOKUP_SUCCESS), valid_group and depth.
 */
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
__extension__
struct rte_lpm_tbl_entry {
	/** The route's next hop, or (tbl24 entry with valid_group) the tbl8 group index. */
	uint32_t next_hop    :24;
	uint32_t valid       :1;   /**< holds a route or a group */
	/** tbl24: next_hop is a tbl8 group; tbl8: the group is in use. */
	uint32_t valid_group :1;
	uint32_t depth       :6;   /**< depth of the route that wrote the entry */
};
#else
__extension__
struct rte_lpm_tbl_entry {
	uint32_t depth       :6;
	uint32_t valid_group :1;
	uint32_t valid       :1;
	uint32_t next_hop    :24;
};
#endif

/** Sizes of an LPM table (rte_lpm_create). */
struct rte_lpm_config {
	uint32_t max_rules;      /**< most routes */
	uint32_t number_tbl8s;   /**< tbl8 groups: routes deeper than /24 need one per /24 */
	int flags;               /**< unused */
};

/** An LPM table. Only the tables are public, for the inline lookups. */
struct rte_lpm {
	/** One entry per /24. */
	struct rte_lpm_tbl_entry tbl24[RTE_LPM_TBL24_NUM_ENTRIES] __rte_cache_aligned;
	struct rte_lpm_tbl_entry *tbl8; /**< number_tbl8s groups of 256 entries */
};

/** How an LPM table reuses tbl8 groups safely (rte_lpm_rcu_qsbr_add). */
struct rte_lpm_rcu_config {
	struct rte_rcu_qsbr *v;	/**< the QSBR variable readers report to */
	enum rte_lpm_qsbr_mode mode; /**< RTE_LPM_QSBR_MODE_DQ or RTE_LPM_QSBR_MODE_SYNC */
	/** DQ mode: groups the defer queue holds (0: number_tbl8s). */
	uint32_t dq_size;
	/** DQ mode: queued groups above which freeing a group reclaims first (0: always). */
	uint32_t reclaim_thd;
	/** DQ mode: most groups one automatic reclamation frees (0: RTE_LPM_RCU_DQ_RECLAIM_MAX). */
	uint32_t reclaim_max;
};

/**
 * Create an LPM table, registered under its name.
 * @param name its name, at most RTE_LPM_NAMESIZE - 1 characters.
 * @param socket_id NUMA socket of its memory, or SOCKET_ID_ANY.
 * @param config its sizes.
 * @return the table, or NULL with rte_errno EINVAL (NULL name or config, socket_id below -1,
 *   max_rules of 0, number_tbl8s above RTE_LPM_MAX_TBL8_NUM_GROUPS, a name too long), EEXIST
 *   (a table of that name exists) or ENOMEM.
 */
struct rte_lpm *
rte_lpm_create(const char *name, int socket_id, const struct rte_lpm_config *config);

/**
 * Find a table by name.
 * @param name its name.
 * @return the table, or NULL with rte_errno ENOENT.
 */
struct rte_lpm *
rte_lpm_find_existing(const char *name);

/**
 * Free a table and forget its name. Nothing happens for NULL.
 * @param lpm the table.
 */
void
rte_lpm_free(struct rte_lpm *lpm);

/**
 * Make the table wait for readers before reusing a tbl8 group it no longer points to.
 * Without it, groups are reused at once and lookups must not run during add/delete.
 * @param lpm the table.
 * @param cfg the QSBR variable and mode.
 * @return 0, or 1 with rte_errno EINVAL (NULL arguments or variable, unknown mode), EEXIST
 *   (a variable is already attached) or the defer queue's creation error.
 */
__rte_experimental
int rte_lpm_rcu_qsbr_add(struct rte_lpm *lpm, struct rte_lpm_rcu_config *cfg);

/**
 * Add a route, or change the next hop of an existing one.
 * @param lpm the table.
 * @param ip the prefix, host byte order (bits below depth are ignored).
 * @param depth prefix length, 1 to RTE_LPM_MAX_DEPTH.
 * @param next_hop its next hop (24 bits are kept).
 * @return 0, -EINVAL (NULL table, bad depth) or -ENOSPC (max_rules routes, or no tbl8 group
 *   left); on error the table is unchanged.
 */
int
rte_lpm_add(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t next_hop);

/**
 * Whether a route is in the table.
 * @param lpm the table.
 * @param ip the prefix, host byte order.
 * @param depth prefix length.
 * @param next_hop where its next hop is stored when it is present.
 * @return 1 present, 0 absent, -EINVAL for NULL arguments or a bad depth.
 */
int
rte_lpm_is_rule_present(struct rte_lpm *lpm, uint32_t ip, uint8_t depth, uint32_t *next_hop);

/**
 * Remove a route; addresses it covered fall back to the longest shorter route covering them.
 * @param lpm the table.
 * @param ip the prefix, host byte order.
 * @param depth prefix length.
 * @return 0, or -EINVAL (NULL table, bad depth, no such route).
 */
int
rte_lpm_delete(struct rte_lpm *lpm, uint32_t ip, uint8_t depth);

/**
 * Remove every route.
 * @param lpm the table.
 */
void
rte_lpm_delete_all(struct rte_lpm *lpm);

/**
 * Helper of the inline lookups: read one table entry. A writer may be storing the same entry
 * (tables are updated while other lcores look up); a relaxed atomic load is the plain load it
 * compiles to, and tells the compiler and ThreadSanitizer that the race is intended.
 * @param e the entry, as a uint32_t.
 * @return its value.
 */
static __rte_always_inline uint32_t
rte_lpm_entry_load_(const uint32_t *e)
{
	return __atomic_load_n(e, __ATOMIC_RELAXED);
}

/**
 * Helper of the inline lookups: follow a tbl24 entry to the tbl8 entry when it names a group.
 * @param lpm the table.
 * @param ip the address looked up.
 * @param e the tbl24 entry of ip, as a uint32_t.
 * @return the entry that holds ip's answer.
 */
static inline uint32_t
rte_lpm_entry_resolve_(const struct rte_lpm *lpm, uint32_t ip, uint32_t e)
{
	if (unlikely((e & RTE_LPM_VALID_EXT_ENTRY_BITMASK) == RTE_LPM_VALID_EXT_ENTRY_BITMASK)) {
		const uint32_t *t8 = (const uint32_t *)lpm->tbl8;

		e = rte_lpm_entry_load_(&t8[(e & 0x00FFFFFF) * RTE_LPM_TBL8_GROUP_NUM_ENTRIES +
				(ip & 0xFF)]);
	}
	return e;
}

/**
 * Look up one address.
 * @param lpm the table.
 * @param ip the address, host byte order.
 * @param next_hop where the next hop of its longest matching route is stored.
 * @return 0, or -ENOENT when no route matches.
 */
static inline int
rte_lpm_lookup(const struct rte_lpm *lpm, uint32_t ip, uint32_t *next_hop)
{
	uint32_t e;

	RTE_LPM_RETURN_IF_TRUE(lpm == NULL || next_hop == NULL, -EINVAL);
	e = rte_lpm_entry_resolve_(lpm, ip,
		rte_lpm_entry_load_(&((const uint32_t *)lpm->tbl24)[ip >> 8]));
	*next_hop = e & 0x00FFFFFF;
	return (e & RTE_LPM_LOOKUP_SUCCESS) ? 0 : -ENOENT;
}

/** Look up n addresses: see rte_lpm_lookup_bulk_func. */
#define rte_lpm_lookup_bulk(lpm, ips, next_hops, n) \
		rte_lpm_lookup_bulk_func(lpm, ips, next_hops, n)

/**
 * Look up n addresses.
 * @param lpm the table.
 * @param ips the addresses, host byte order.
 * @param next_hops for each, the table entry: RTE_LPM_LOOKUP_SUCCESS set when a route
 *   matched, the next hop in the low 24 bits.
 * @param n number of addresses.
 * @return 0.
 */
static inline int
rte_lpm_lookup_bulk_func(const struct rte_lpm *lpm, const uint32_t *ips, uint32_t *next_hops,
		const unsigned int n)
{
	const uint32_t *t24, *t8;
	unsigned int i;
	uint32_t e;

	RTE_LPM_RETURN_IF_TRUE(lpm == NULL || ips == NULL || next_hops == NULL, -EINVAL);
	t24 = (const uint32_t *)lpm->tbl24;
	t8 = (const uint32_t *)lpm->tbl8;
	/*
	 * The tables are read through locals, not lpm, so that the stores to next_hops do not
	 * force a reload of lpm->tbl8. The tbl24 indexes of a chunk of 32 are computed first (one
	 * vector loop at -O3), leaving the second loop only loads that miss independently.
	 */
	for (i = 0; i < n; i += 32) {
		uint32_t idx[32];
		unsigned int k, m = RTE_MIN(n - i, 32u);

		for (k = 0; k < m; k++)
			idx[k] = ips[i + k] >> 8;
		for (k = 0; k < m; k++) {
			e = rte_lpm_entry_load_(&t24[idx[k]]);
			if (unlikely((e & RTE_LPM_VALID_EXT_ENTRY_BITMASK) ==
					RTE_LPM_VALID_EXT_ENTRY_BITMASK))
				e = rte_lpm_entry_load_(&t8[(e & 0x00FFFFFF) *
					RTE_LPM_TBL8_GROUP_NUM_ENTRIES + (ips[i + k] & 0xFF)]);
			next_hops[i + k] = e;
		}
	}
	return 0;
}

/** Keeps the next-hop bits of two entries in a 64-bit word. */
#define	 RTE_LPM_MASKX4_RES	UINT64_C(0x00ffffff00ffffff)

/**
 * Look up four addresses.
 * @param lpm the table.
 * @param ip the four addresses, host byte order.
 * @param hop for each, its next hop, or defv when no route matches.
 * @param defv the value for no match.
 */
static inline void
rte_lpm_lookupx4(const struct rte_lpm *lpm, xmm_t ip, uint32_t hop[4], uint32_t defv);

#if defined(RTE_ARCH_ARM)
#ifdef RTE_HAS_SVE_ACLE
#include "rte_lpm_sve.h"
#else
#include "rte_lpm_neon.h"
#endif
#elif defined(RTE_ARCH_PPC_64)
#include "rte_lpm_altivec.h"
#elif defined(RTE_ARCH_X86)
#include "rte_lpm_sse.h"
#else
#include "rte_lpm_scalar.h"
#endif

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LPM_H_ */
