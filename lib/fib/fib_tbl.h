/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The lookup table shared by the IPv4 DIR-24-8 and the IPv6 trie FIBs: a first level of 2^24
 * entries indexed by the first three address bytes, then groups of 256 entries, one level per
 * further byte (one level for IPv4, up to thirteen for IPv6). An entry of 1, 2, 4 or 8 bytes
 * holds either a next hop shifted left by one, or a group index shifted left by one with the
 * low bit set.
 *
 * The table is only ever written from the routes in the RIB: a route change repaints the
 * changed prefix minus the more specific routes inside it (fib_tbl_paint). Groups that end up
 * holding one value everywhere are folded back into their parent entry, so a group exists only
 * under a prefix that holds a route longer than the group's level. Counting those prefixes
 * before a route goes in (the callers' "reserved" count) guarantees that a repaint never runs
 * out of groups half way.
 *
 * A table may also keep a summary of the first level (tbl16, used by IPv6): one entry per block
 * of 256 first-level entries, holding the next hop of the block when all its entries hold that
 * same next hop, else just the group bit, meaning "read the first level". The summary has
 * 64 Ki entries, few enough to stay in cache, so an address under a /16 that no route longer
 * than /16 splits (all of the space no route covers, for a start) resolves without the cache
 * and TLB misses of the 2^24-entry first level. It takes no group, so the accounting of
 * groups is unchanged.
 */
#ifndef _FIB_TBL_H_
#define _FIB_TBL_H_

#include <stddef.h>
#include <stdint.h>

#include <rte_log.h>

extern int fib_logtype;

#define FIB_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, fib_logtype, "FIB: " fmt "\n", ##__VA_ARGS__)

#define FIB_TBL24_ENTRIES (1u << 24)
#define FIB_TBL16_ENTRIES (1u << 16)
#define FIB_GROUP_ENTRIES 256u
#define FIB_KEY_BYTES 16

/* One log line naming what is wrong among a NULL FIB, a NULL address or a depth too large. */
void fib_log_bad(const char *fn, const void *fib, const void *ip, unsigned int depth,
		unsigned int max_depth);

struct fib_tbl {
	void *tbl24;
	void *tbl8;
	void *tbl16; /* the summary of tbl24, or NULL */
	uint32_t *free_groups; /* stack of unused group indexes */
	uint32_t n_free;
	uint32_t num_groups;
	uint32_t rsvd; /* groups the current routes may need at most */
	uint8_t esz_log; /* entries of 1 << esz_log bytes */
	uint8_t max_depth;
};

/* A more specific route inside a prefix being repainted. */
struct fib_sub {
	uint8_t key[FIB_KEY_BYTES];
	uint8_t depth;
};

/* A growing array of fib_sub, in address order. */
struct fib_subs {
	struct fib_sub *v;
	size_t n;
	size_t cap;
};

int fib_tbl_init(struct fib_tbl *t, uint8_t esz_log, uint8_t max_depth, uint32_t num_groups,
		uint64_t def_nh, int with_tbl16, int socket_id);
void fib_tbl_fini(struct fib_tbl *t);
int fib_subs_push(struct fib_subs *s, const uint8_t *key, uint8_t depth);
void fib_subs_free(struct fib_subs *s);
/* Write nh over key/depth except inside the routes of subs. Needs enough groups reserved. */
void fib_tbl_paint(struct fib_tbl *t, const uint8_t *key, uint8_t depth, uint64_t nh,
		const struct fib_subs *subs);

#endif /* _FIB_TBL_H_ */
