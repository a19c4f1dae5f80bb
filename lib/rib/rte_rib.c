/* SPDX-License-Identifier: BSD-3-Clause */
/* IPv4 RIB: host-order addresses on top of the byte-key trie, and the named-RIB registry. */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_rib.h"
#include "rib_trie.h"

#define RIB_NAMESIZE 64
#define RIB_MAXDEPTH 32

TAILQ_HEAD(rte_rib_list, rte_tailq_entry);

static struct rte_tailq_elem rte_rib_tailq = {
	.name = "RTE_RIB",
};
EAL_REGISTER_TAILQ(rte_rib_tailq)

struct rte_rib {
	char name[RIB_NAMESIZE];
	struct rib_trie trie;
	struct rte_tailq_entry *te;
};

static inline void
to_key(uint8_t *key, uint32_t ip)
{
	memset(key, 0, RIB_KEY_BYTES);
	key[0] = (uint8_t)(ip >> 24);
	key[1] = (uint8_t)(ip >> 16);
	key[2] = (uint8_t)(ip >> 8);
	key[3] = (uint8_t)ip;
}

static inline struct rib_node *
nd(const struct rte_rib_node *n)
{
	return (struct rib_node *)(uintptr_t)n;
}

struct rte_rib_node *
rte_rib_lookup(struct rte_rib *rib, uint32_t ip)
{
	uint8_t key[RIB_KEY_BYTES];

	if (rib == NULL) {
		rib_log_bad("lookup", rib, "", 0, RIB_MAXDEPTH);
		rte_errno = EINVAL;
		return NULL;
	}
	to_key(key, ip);
	return (struct rte_rib_node *)rib_trie_lookup(&rib->trie, key);
}

struct rte_rib_node *
rte_rib_lookup_parent(struct rte_rib_node *ent)
{
	if (ent == NULL)
		return NULL;
	return (struct rte_rib_node *)rib_trie_parent(nd(ent));
}

struct rte_rib_node *
rte_rib_lookup_exact(struct rte_rib *rib, uint32_t ip, uint8_t depth)
{
	uint8_t key[RIB_KEY_BYTES];

	if (rib == NULL || depth > RIB_MAXDEPTH) {
		rib_log_bad("lookup_exact", rib, "", depth, RIB_MAXDEPTH);
		rte_errno = EINVAL;
		return NULL;
	}
	to_key(key, ip & rte_rib_depth_to_mask(depth));
	return (struct rte_rib_node *)rib_trie_exact(&rib->trie, key, depth);
}

struct rte_rib_node *
rte_rib_get_nxt(struct rte_rib *rib, uint32_t ip, uint8_t depth, struct rte_rib_node *last,
		int flag)
{
	uint8_t key[RIB_KEY_BYTES];

	if (rib == NULL || depth > RIB_MAXDEPTH) {
		rib_log_bad("get_nxt", rib, "", depth, RIB_MAXDEPTH);
		rte_errno = EINVAL;
		return NULL;
	}
	to_key(key, ip);
	return (struct rte_rib_node *)rib_trie_next(&rib->trie, key, depth, nd(last),
			flag == RTE_RIB_GET_NXT_COVER);
}

void
rte_rib_remove(struct rte_rib *rib, uint32_t ip, uint8_t depth)
{
	uint8_t key[RIB_KEY_BYTES];

	if (rib == NULL || depth > RIB_MAXDEPTH) {
		rib_log_bad("remove", rib, "", depth, RIB_MAXDEPTH);
		return;
	}
	to_key(key, ip & rte_rib_depth_to_mask(depth));
	rib_trie_remove(&rib->trie, key, depth);
}

struct rte_rib_node *
rte_rib_insert(struct rte_rib *rib, uint32_t ip, uint8_t depth)
{
	uint8_t key[RIB_KEY_BYTES];
	struct rib_node *n;

	if (rib == NULL || depth > RIB_MAXDEPTH) {
		rib_log_bad("insert", rib, "", depth, RIB_MAXDEPTH);
		rte_errno = EINVAL;
		return NULL;
	}
	ip &= rte_rib_depth_to_mask(depth);
	to_key(key, ip);
	n = rib_trie_insert(&rib->trie, key, depth);
	if (n == NULL)
		RIB_LOG(ERR, "insert %s: %08x/%u %s", rib->name, ip, depth,
			rte_errno == EEXIST ? "already present" : "does not fit: node pool empty");
	return (struct rte_rib_node *)n;
}

int
rte_rib_get_ip(const struct rte_rib_node *node, uint32_t *ip)
{
	const uint8_t *k;

	if (node == NULL || ip == NULL) {
		RIB_LOG(ERR, "get_ip: NULL node or ip");
		rte_errno = EINVAL;
		return -1;
	}
	k = nd(node)->key;
	*ip = (uint32_t)k[0] << 24 | (uint32_t)k[1] << 16 | (uint32_t)k[2] << 8 | k[3];
	return 0;
}

int
rte_rib_get_depth(const struct rte_rib_node *node, uint8_t *depth)
{
	if (node == NULL || depth == NULL) {
		RIB_LOG(ERR, "get_depth: NULL node or depth");
		rte_errno = EINVAL;
		return -1;
	}
	*depth = nd(node)->depth;
	return 0;
}

void *
rte_rib_get_ext(struct rte_rib_node *node)
{
	return node == NULL ? NULL : nd(node)->ext;
}

int
rte_rib_get_nh(const struct rte_rib_node *node, uint64_t *nh)
{
	if (node == NULL || nh == NULL) {
		RIB_LOG(ERR, "get_nh: NULL node or nh");
		rte_errno = EINVAL;
		return -1;
	}
	*nh = nd(node)->nh;
	return 0;
}

int
rte_rib_set_nh(struct rte_rib_node *node, uint64_t nh)
{
	if (node == NULL) {
		RIB_LOG(ERR, "set_nh: NULL node");
		rte_errno = EINVAL;
		return -1;
	}
	nd(node)->nh = nh;
	return 0;
}

static void
rib_destroy(struct rte_rib *rib)
{
	rib_trie_fini(&rib->trie);
	rte_free(rib->te);
	rte_free(rib);
}

struct rte_rib *
rte_rib_create(const char *name, int socket_id, const struct rte_rib_conf *conf)
{
	struct rte_rib_list *list = RTE_TAILQ_CAST(rte_rib_tailq.head, rte_rib_list);
	struct rte_tailq_entry *te;
	struct rte_rib *rib;

	if (name == NULL || conf == NULL || conf->max_nodes <= 0 ||
			strnlen(name, RIB_NAMESIZE) == RIB_NAMESIZE) {
		RIB_LOG(ERR, "create %s: NULL or too long name, NULL conf or max_nodes %d",
			name != NULL ? name : "(null)", conf != NULL ? conf->max_nodes : 0);
		rte_errno = EINVAL;
		return NULL;
	}
	rib = rte_zmalloc_socket("rib", sizeof(*rib), RTE_CACHE_LINE_SIZE, socket_id);
	te = rte_zmalloc("rib_tailq", sizeof(*te), 0);
	if (rib == NULL || te == NULL ||
			rib_trie_init(&rib->trie, RIB_MAXDEPTH, conf->ext_sz, conf->max_nodes,
				socket_id) != 0) {
		rte_free(rib);
		rte_free(te);
		RIB_LOG(ERR, "create %s: out of memory for %d nodes", name, conf->max_nodes);
		rte_errno = ENOMEM;
		return NULL;
	}
	rte_strlcpy(rib->name, name, sizeof(rib->name));
	rib->te = te;
	te->data = rib;

	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strcmp(((struct rte_rib *)te->data)->name, name) == 0) {
			rte_mcfg_tailq_write_unlock();
			RIB_LOG(ERR, "create %s: name already in use", name);
			rib_destroy(rib);
			rte_errno = EEXIST;
			return NULL;
		}
	}
	TAILQ_INSERT_TAIL(list, rib->te, next);
	rte_mcfg_tailq_write_unlock();
	return rib;
}

struct rte_rib *
rte_rib_find_existing(const char *name)
{
	struct rte_rib_list *list = RTE_TAILQ_CAST(rte_rib_tailq.head, rte_rib_list);
	struct rte_tailq_entry *te;
	struct rte_rib *rib = NULL;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct rte_rib *)te->data)->name, name, RIB_NAMESIZE) == 0) {
			rib = te->data;
			break;
		}
	}
	rte_mcfg_tailq_read_unlock();
	if (rib == NULL)
		rte_errno = ENOENT;
	return rib;
}

void
rte_rib_free(struct rte_rib *rib)
{
	struct rte_rib_list *list = RTE_TAILQ_CAST(rte_rib_tailq.head, rte_rib_list);

	if (rib == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_REMOVE(list, rib->te, next);
	rte_mcfg_tailq_write_unlock();
	rib_destroy(rib);
}
