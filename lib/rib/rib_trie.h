/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The trie behind both RIBs. Keys are 16 bytes in network order (an IPv4 prefix uses the first
 * four), so one implementation serves 32- and 128-bit prefixes.
 */
#ifndef _RIB_TRIE_H_
#define _RIB_TRIE_H_

#include <stddef.h>
#include <stdint.h>

#include <rte_log.h>

#define RIB_KEY_BYTES 16

extern int rib_logtype;

#define RIB_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, rib_logtype, "RIB: " fmt "\n", ##__VA_ARGS__)

/* One log line naming what is wrong among a NULL RIB, a NULL address or a depth too large. */
void rib_log_bad(const char *fn, const void *rib, const void *ip, unsigned int depth,
		unsigned int max_depth);

struct rib_node {
	struct rib_node *parent;
	struct rib_node *child[2]; /* by the first bit past depth */
	uint64_t nh;
	uint8_t key[RIB_KEY_BYTES]; /* bits past depth are zero */
	uint8_t depth;
	uint8_t valid; /* a route, not only a branch point */
	uint8_t ext[] __rte_aligned(8);
};

struct rib_trie {
	struct rib_node *root;
	struct rib_node *free_list; /* linked through parent */
	void *pool;
	size_t node_sz;
	uint32_t n_free;
	uint8_t max_depth;
};

int rib_trie_init(struct rib_trie *t, uint8_t max_depth, size_t ext_sz, int max_nodes,
		int socket_id);
void rib_trie_fini(struct rib_trie *t);

void rib_key_mask(uint8_t *dst, const uint8_t *src, uint8_t depth);
struct rib_node *rib_trie_lookup(const struct rib_trie *t, const uint8_t *key);
struct rib_node *rib_trie_exact(const struct rib_trie *t, const uint8_t *key, uint8_t depth);
struct rib_node *rib_trie_parent(struct rib_node *n);
struct rib_node *rib_trie_next(const struct rib_trie *t, const uint8_t *key, uint8_t depth,
		struct rib_node *last, int cover);
/* NULL with rte_errno EEXIST or ENOMEM */
struct rib_node *rib_trie_insert(struct rib_trie *t, const uint8_t *key, uint8_t depth);
void rib_trie_remove(struct rib_trie *t, const uint8_t *key, uint8_t depth);

#endif /* _RIB_TRIE_H_ */
