/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Compressed binary trie. A node's key has only its first depth bits set; its two subtrees
 * hold keys that extend it with a 0 and with a 1 bit. Nodes that are not routes exist only
 * where two subtrees meet, so each has two children: removing a route prunes the node, and
 * then its parent if that was a branch point left with one child.
 *
 * All nodes, branch points included, come from one allocation made at creation, threaded on
 * a free list, so an insert never allocates and fails cleanly when the pool is empty.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>

#include "rib_trie.h"

RTE_LOG_REGISTER_DEFAULT(rib_logtype, INFO);

void
rib_log_bad(const char *fn, const void *rib, const void *ip, unsigned int depth,
		unsigned int max_depth)
{
	if (rib == NULL)
		RIB_LOG(ERR, "%s: NULL rib", fn);
	else if (ip == NULL)
		RIB_LOG(ERR, "%s: NULL address", fn);
	else if (depth > max_depth)
		RIB_LOG(ERR, "%s: depth %u above %u", fn, depth, max_depth);
}

static inline unsigned int
key_bit(const uint8_t *key, unsigned int i)
{
	return (key[i >> 3] >> (7 - (i & 7))) & 1;
}

/* Number of leading bits a and b share, at most limit. */
static unsigned int
common_bits(const uint8_t *a, const uint8_t *b, unsigned int limit)
{
	unsigned int i = 0;
	uint8_t x;

	while (i < limit) {
		x = a[i >> 3] ^ b[i >> 3];
		if (x == 0) {
			i += 8;
			continue;
		}
		i += __builtin_clz((unsigned int)x) - 24;
		break;
	}
	return RTE_MIN(i, limit);
}

static inline int
covers(const struct rib_node *n, const uint8_t *key)
{
	return common_bits(n->key, key, n->depth) == n->depth;
}

void
rib_key_mask(uint8_t *dst, const uint8_t *src, uint8_t depth)
{
	unsigned int k;

	for (k = 0; k < RIB_KEY_BYTES; k++) {
		if (depth >= 8 * (k + 1))
			dst[k] = src[k];
		else if (depth > 8 * k)
			dst[k] = src[k] & (uint8_t)(0xFF << (8 - (depth - 8 * k)));
		else
			dst[k] = 0;
	}
}

int
rib_trie_init(struct rib_trie *t, uint8_t max_depth, size_t ext_sz, int max_nodes,
		int socket_id)
{
	size_t sz = RTE_ALIGN_CEIL(sizeof(struct rib_node) + ext_sz, 8);
	struct rib_node *n;
	int i;

	if (ext_sz > SIZE_MAX / 2 || sz > SIZE_MAX / (size_t)max_nodes)
		return -ENOMEM;
	memset(t, 0, sizeof(*t));
	t->pool = rte_zmalloc_socket("rib_nodes", sz * (size_t)max_nodes, RTE_CACHE_LINE_SIZE,
			socket_id);
	if (t->pool == NULL)
		return -ENOMEM;
	t->node_sz = sz;
	t->max_depth = max_depth;
	for (i = max_nodes - 1; i >= 0; i--) {
		n = RTE_PTR_ADD(t->pool, sz * (size_t)i);
		n->parent = t->free_list;
		t->free_list = n;
	}
	t->n_free = (uint32_t)max_nodes;
	return 0;
}

void
rib_trie_fini(struct rib_trie *t)
{
	rte_free(t->pool);
	t->pool = NULL;
	t->root = NULL;
}

static struct rib_node *
node_get(struct rib_trie *t, const uint8_t *key, uint8_t depth, int valid)
{
	struct rib_node *n = t->free_list;

	t->free_list = n->parent;
	t->n_free--;
	memset(n, 0, t->node_sz);
	rib_key_mask(n->key, key, depth);
	n->depth = depth;
	n->valid = (uint8_t)valid;
	return n;
}

static void
node_put(struct rib_trie *t, struct rib_node *n)
{
	n->parent = t->free_list;
	t->free_list = n;
	t->n_free++;
}

/* The pointer that refers to n: its parent's child slot, or the root. */
static struct rib_node **
slot_of(struct rib_trie *t, struct rib_node *n)
{
	if (n->parent == NULL)
		return &t->root;
	return &n->parent->child[n->parent->child[1] == n];
}

struct rib_node *
rib_trie_lookup(const struct rib_trie *t, const uint8_t *key)
{
	struct rib_node *n = t->root, *best = NULL;

	while (n != NULL && covers(n, key)) {
		if (n->valid)
			best = n;
		if (n->depth == t->max_depth)
			break;
		n = n->child[key_bit(key, n->depth)];
	}
	return best;
}

/* The node with exactly this prefix, route or branch point. */
static struct rib_node *
find_node(const struct rib_trie *t, const uint8_t *key, uint8_t depth)
{
	struct rib_node *n = t->root;

	while (n != NULL && n->depth <= depth && covers(n, key)) {
		if (n->depth == depth)
			return n;
		n = n->child[key_bit(key, n->depth)];
	}
	return NULL;
}

struct rib_node *
rib_trie_exact(const struct rib_trie *t, const uint8_t *key, uint8_t depth)
{
	struct rib_node *n = find_node(t, key, depth);

	return (n != NULL && n->valid) ? n : NULL;
}

struct rib_node *
rib_trie_parent(struct rib_node *n)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (n->valid)
			return n;
	return NULL;
}

/* First node of the post-order walk of the subtree at n: its leftmost-deepest descendant. */
static struct rib_node *
post_first(struct rib_node *n)
{
	while (n->child[0] != NULL || n->child[1] != NULL)
		n = n->child[0] != NULL ? n->child[0] : n->child[1];
	return n;
}

static struct rib_node *
post_next(struct rib_node *n, const struct rib_node *top)
{
	struct rib_node *p = n->parent;

	if (n == top || p == NULL)
		return NULL;
	if (n == p->child[0] && p->child[1] != NULL)
		return post_first(p->child[1]);
	return p;
}

/* The pre-order successor of n under top that is not inside n's own subtree. */
static struct rib_node *
pre_skip(struct rib_node *n, const struct rib_node *top)
{
	struct rib_node *p;

	for (; n != top; n = p) {
		p = n->parent;
		if (p == NULL)
			return NULL;
		if (n == p->child[0] && p->child[1] != NULL)
			return p->child[1];
	}
	return NULL;
}

static struct rib_node *
pre_next(struct rib_node *n, const struct rib_node *top)
{
	if (n->child[0] != NULL)
		return n->child[0];
	if (n->child[1] != NULL)
		return n->child[1];
	return pre_skip(n, top);
}

struct rib_node *
rib_trie_next(const struct rib_trie *t, const uint8_t *key, uint8_t depth,
		struct rib_node *last, int cover)
{
	struct rib_node *top = t->root, *n;

	/* top: the highest node inside key/depth; every route under the prefix is below it */
	while (top != NULL && top->depth < depth) {
		if (!covers(top, key))
			return NULL;
		top = top->child[key_bit(key, top->depth)];
	}
	if (top == NULL || common_bits(top->key, key, depth) < depth)
		return NULL;

	if (cover) {
		n = last != NULL ? pre_skip(last, top) : top;
		for (; n != NULL; n = pre_next(n, top))
			if (n->valid && n->depth > depth)
				return n;
		return NULL;
	}
	n = last != NULL ? post_next(last, top) : post_first(top);
	for (; n != NULL; n = post_next(n, top))
		if (n->valid && n->depth > depth)
			return n;
	return NULL;
}

struct rib_node *
rib_trie_insert(struct rib_trie *t, const uint8_t *key, uint8_t depth)
{
	struct rib_node *parent = NULL, *n = t->root, *leaf, *branch;
	struct rib_node **slot = &t->root;
	unsigned int cb;

	while (n != NULL && n->depth <= depth && covers(n, key)) {
		if (n->depth == depth) {
			if (n->valid) {
				rte_errno = EEXIST;
				return NULL;
			}
			/* a branch point becomes a route */
			n->valid = 1;
			n->nh = 0;
			memset(n->ext, 0, t->node_sz - offsetof(struct rib_node, ext));
			return n;
		}
		parent = n;
		slot = &n->child[key_bit(key, n->depth)];
		n = *slot;
	}
	cb = n != NULL ? common_bits(n->key, key, RTE_MIN(n->depth, depth)) : depth;
	/* below a node that diverges from the key, a branch point joins both */
	if (t->n_free < (cb < depth ? 2u : 1u)) {
		rte_errno = ENOMEM;
		return NULL;
	}
	leaf = node_get(t, key, depth, 1);
	if (n == NULL) {
		leaf->parent = parent;
		*slot = leaf;
	} else if (cb == depth) {
		/* the new route is a prefix of n: it goes between n and its parent */
		leaf->parent = parent;
		leaf->child[key_bit(n->key, depth)] = n;
		n->parent = leaf;
		*slot = leaf;
	} else {
		branch = node_get(t, key, (uint8_t)cb, 0);
		branch->parent = parent;
		branch->child[key_bit(key, cb)] = leaf;
		branch->child[key_bit(n->key, cb)] = n;
		leaf->parent = branch;
		n->parent = branch;
		*slot = branch;
	}
	return leaf;
}

void
rib_trie_remove(struct rib_trie *t, const uint8_t *key, uint8_t depth)
{
	struct rib_node *n = rib_trie_exact(t, key, depth), *child, *p;

	if (n == NULL)
		return;
	n->valid = 0;
	/* a node that is not a route stays only while it separates two subtrees */
	while (n != NULL && !n->valid && (n->child[0] == NULL || n->child[1] == NULL)) {
		child = n->child[0] != NULL ? n->child[0] : n->child[1];
		p = n->parent;
		*slot_of(t, n) = child;
		if (child != NULL)
			child->parent = p;
		node_put(t, n);
		n = p;
	}
}
