/* SPDX-License-Identifier: BSD-3-Clause */
/* IPv6 RIB: the byte-key trie with 128-bit keys, and the named-RIB registry. */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_rib6.h"
#include "rib_trie.h"

#define RIB6_NAMESIZE 64
#define RIB6_MAXDEPTH 128

TAILQ_HEAD(rte_rib6_list, rte_tailq_entry);

static struct rte_tailq_elem rte_rib6_tailq = {
	.name = "RTE_RIB6",
};
EAL_REGISTER_TAILQ(rte_rib6_tailq)

struct rte_rib6 {
	char name[RIB6_NAMESIZE];
	struct rib_trie trie;
	struct rte_tailq_entry *te;
};

static inline struct rib_node *
nd(const struct rte_rib6_node *n)
{
	return (struct rib_node *)(uintptr_t)n;
}

struct rte_rib6_node *
rte_rib6_lookup(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE])
{
	if (rib == NULL || ip == NULL) {
		rib_log_bad("lookup6", rib, ip, 0, RIB6_MAXDEPTH);
		rte_errno = EINVAL;
		return NULL;
	}
	return (struct rte_rib6_node *)rib_trie_lookup(&rib->trie, ip);
}

struct rte_rib6_node *
rte_rib6_lookup_parent(struct rte_rib6_node *ent)
{
	if (ent == NULL)
		return NULL;
	return (struct rte_rib6_node *)rib_trie_parent(nd(ent));
}

struct rte_rib6_node *
rte_rib6_lookup_exact(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE],
		uint8_t depth)
{
	uint8_t key[RIB_KEY_BYTES];

	if (rib == NULL || ip == NULL || depth > RIB6_MAXDEPTH) {
		rib_log_bad("lookup_exact6", rib, ip, depth, RIB6_MAXDEPTH);
		rte_errno = EINVAL;
		return NULL;
	}
	rib_key_mask(key, ip, depth);
	return (struct rte_rib6_node *)rib_trie_exact(&rib->trie, key, depth);
}

struct rte_rib6_node *
rte_rib6_get_nxt(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE],
		uint8_t depth, struct rte_rib6_node *last, int flag)
{
	if (rib == NULL || ip == NULL || depth > RIB6_MAXDEPTH) {
		rib_log_bad("get_nxt6", rib, ip, depth, RIB6_MAXDEPTH);
		rte_errno = EINVAL;
		return NULL;
	}
	return (struct rte_rib6_node *)rib_trie_next(&rib->trie, ip, depth, nd(last),
			flag == RTE_RIB6_GET_NXT_COVER);
}

void
rte_rib6_remove(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE],
		uint8_t depth)
{
	uint8_t key[RIB_KEY_BYTES];

	if (rib == NULL || ip == NULL || depth > RIB6_MAXDEPTH) {
		rib_log_bad("remove6", rib, ip, depth, RIB6_MAXDEPTH);
		return;
	}
	rib_key_mask(key, ip, depth);
	rib_trie_remove(&rib->trie, key, depth);
}

struct rte_rib6_node *
rte_rib6_insert(struct rte_rib6 *rib, const uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE],
		uint8_t depth)
{
	uint8_t key[RIB_KEY_BYTES];
	struct rib_node *n;

	if (rib == NULL || ip == NULL || depth > RIB6_MAXDEPTH) {
		rib_log_bad("insert6", rib, ip, depth, RIB6_MAXDEPTH);
		rte_errno = EINVAL;
		return NULL;
	}
	rib_key_mask(key, ip, depth);
	n = rib_trie_insert(&rib->trie, key, depth);
	if (n == NULL)
		RIB_LOG(ERR, "insert6 %s: a /%u %s", rib->name, depth,
			rte_errno == EEXIST ? "already present" : "does not fit: node pool empty");
	return (struct rte_rib6_node *)n;
}

int
rte_rib6_get_ip(const struct rte_rib6_node *node, uint8_t ip[RTE_RIB6_IPV6_ADDR_SIZE])
{
	if (node == NULL || ip == NULL) {
		RIB_LOG(ERR, "get_ip6: NULL node or ip");
		rte_errno = EINVAL;
		return -1;
	}
	memcpy(ip, nd(node)->key, RTE_RIB6_IPV6_ADDR_SIZE);
	return 0;
}

int
rte_rib6_get_depth(const struct rte_rib6_node *node, uint8_t *depth)
{
	if (node == NULL || depth == NULL) {
		RIB_LOG(ERR, "get_depth6: NULL node or depth");
		rte_errno = EINVAL;
		return -1;
	}
	*depth = nd(node)->depth;
	return 0;
}

void *
rte_rib6_get_ext(struct rte_rib6_node *node)
{
	return node == NULL ? NULL : nd(node)->ext;
}

int
rte_rib6_get_nh(const struct rte_rib6_node *node, uint64_t *nh)
{
	if (node == NULL || nh == NULL) {
		RIB_LOG(ERR, "get_nh6: NULL node or nh");
		rte_errno = EINVAL;
		return -1;
	}
	*nh = nd(node)->nh;
	return 0;
}

int
rte_rib6_set_nh(struct rte_rib6_node *node, uint64_t nh)
{
	if (node == NULL) {
		RIB_LOG(ERR, "set_nh6: NULL node");
		rte_errno = EINVAL;
		return -1;
	}
	nd(node)->nh = nh;
	return 0;
}

static void
rib6_destroy(struct rte_rib6 *rib)
{
	rib_trie_fini(&rib->trie);
	rte_free(rib->te);
	rte_free(rib);
}

struct rte_rib6 *
rte_rib6_create(const char *name, int socket_id, const struct rte_rib6_conf *conf)
{
	struct rte_rib6_list *list = RTE_TAILQ_CAST(rte_rib6_tailq.head, rte_rib6_list);
	struct rte_tailq_entry *te;
	struct rte_rib6 *rib;

	if (name == NULL || conf == NULL || conf->max_nodes <= 0 ||
			strnlen(name, RIB6_NAMESIZE) == RIB6_NAMESIZE) {
		RIB_LOG(ERR, "create6 %s: NULL or too long name, NULL conf or max_nodes %d",
			name != NULL ? name : "(null)", conf != NULL ? conf->max_nodes : 0);
		rte_errno = EINVAL;
		return NULL;
	}
	rib = rte_zmalloc_socket("rib6", sizeof(*rib), RTE_CACHE_LINE_SIZE, socket_id);
	te = rte_zmalloc("rib6_tailq", sizeof(*te), 0);
	if (rib == NULL || te == NULL ||
			rib_trie_init(&rib->trie, RIB6_MAXDEPTH, conf->ext_sz, conf->max_nodes,
				socket_id) != 0) {
		rte_free(rib);
		rte_free(te);
		RIB_LOG(ERR, "create6 %s: out of memory for %d nodes", name, conf->max_nodes);
		rte_errno = ENOMEM;
		return NULL;
	}
	rte_strlcpy(rib->name, name, sizeof(rib->name));
	rib->te = te;
	te->data = rib;

	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strcmp(((struct rte_rib6 *)te->data)->name, name) == 0) {
			rte_mcfg_tailq_write_unlock();
			RIB_LOG(ERR, "create6 %s: name already in use", name);
			rib6_destroy(rib);
			rte_errno = EEXIST;
			return NULL;
		}
	}
	TAILQ_INSERT_TAIL(list, rib->te, next);
	rte_mcfg_tailq_write_unlock();
	return rib;
}

struct rte_rib6 *
rte_rib6_find_existing(const char *name)
{
	struct rte_rib6_list *list = RTE_TAILQ_CAST(rte_rib6_tailq.head, rte_rib6_list);
	struct rte_tailq_entry *te;
	struct rte_rib6 *rib = NULL;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct rte_rib6 *)te->data)->name, name, RIB6_NAMESIZE) == 0) {
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
rte_rib6_free(struct rte_rib6 *rib)
{
	struct rte_rib6_list *list = RTE_TAILQ_CAST(rte_rib6_tailq.head, rte_rib6_list);

	if (rib == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_REMOVE(list, rib->te, next);
	rte_mcfg_tailq_write_unlock();
	rib6_destroy(rib);
}
