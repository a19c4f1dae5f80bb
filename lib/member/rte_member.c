/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Membership library front end: the named-summary registry, argument checks and dispatch to
 * the hash table (member_ht.c), vector bloom filter (member_vbf.c) and sketch
 * (member_sketch.c) implementations.
 */
#include <errno.h>
#include <string.h>

#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "member_private.h"

RTE_LOG_REGISTER_DEFAULT(librte_member_logtype, INFO);

TAILQ_HEAD(rte_member_list, rte_tailq_entry);

static struct rte_tailq_elem rte_member_tailq = {
	.name = "RTE_MEMBER",
};
EAL_REGISTER_TAILQ(rte_member_tailq)

static struct rte_tailq_entry *
entry_of(const char *name)
{
	struct rte_member_list *list = RTE_TAILQ_CAST(rte_member_tailq.head, rte_member_list);
	struct rte_tailq_entry *te;

	TAILQ_FOREACH(te, list, next)
		if (strncmp(((struct rte_member_setsum *)te->data)->name, name,
				RTE_MEMBER_NAMESIZE) == 0)
			return te;
	return NULL;
}

struct rte_member_setsum *
rte_member_find_existing(const char *name)
{
	struct rte_tailq_entry *te;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	te = entry_of(name);
	rte_mcfg_tailq_read_unlock();
	if (te == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	return te->data;
}

static void
setsum_destroy(struct rte_member_setsum *ss)
{
	switch (ss->type) {
	case RTE_MEMBER_TYPE_HT:
		member_ht_free(ss);
		break;
	case RTE_MEMBER_TYPE_VBF:
		member_vbf_free(ss);
		break;
	case RTE_MEMBER_TYPE_SKETCH:
		member_sketch_free(ss);
		break;
	default:
		break;
	}
	rte_free(ss);
}

struct rte_member_setsum *
rte_member_create(const struct rte_member_parameters *params)
{
	struct rte_member_list *list = RTE_TAILQ_CAST(rte_member_tailq.head, rte_member_list);
	struct rte_member_setsum *ss;
	struct rte_tailq_entry *te;
	int ret;

	if (params == NULL) {
		MEMBER_LOG(ERR, "create: NULL parameters");
		rte_errno = EINVAL;
		return NULL;
	}
	if (params->name == NULL ||
			strnlen(params->name, RTE_MEMBER_NAMESIZE) == RTE_MEMBER_NAMESIZE) {
		MEMBER_LOG(ERR, "create: name is NULL or not shorter than %d",
			RTE_MEMBER_NAMESIZE);
		rte_errno = EINVAL;
		return NULL;
	}
	if (params->key_len == 0 || params->prim_hash_seed == params->sec_hash_seed ||
			(unsigned int)params->type >= RTE_MEMBER_NUM_TYPE) {
		MEMBER_LOG(ERR, "create %s: key_len %u must not be 0, seeds must differ, "
			"type %d must be known", params->name, params->key_len,
			(int)params->type);
		rte_errno = EINVAL;
		return NULL;
	}

	ss = rte_zmalloc_socket("member", sizeof(*ss), RTE_CACHE_LINE_SIZE, params->socket_id);
	te = rte_zmalloc("member_tailq", sizeof(*te), 0);
	if (ss == NULL || te == NULL) {
		rte_free(ss);
		rte_free(te);
		MEMBER_LOG(ERR, "create %s: out of memory", params->name);
		rte_errno = ENOMEM;
		return NULL;
	}
	rte_strlcpy(ss->name, params->name, sizeof(ss->name));
	ss->type = params->type;
	ss->socket_id = params->socket_id;
	ss->key_len = params->key_len;
	ss->num_set = params->num_set;
	ss->prim_hash_seed = params->prim_hash_seed;
	ss->sec_hash_seed = params->sec_hash_seed;
	switch (ss->type) {
	case RTE_MEMBER_TYPE_HT:
		ret = member_ht_create(ss, params);
		break;
	case RTE_MEMBER_TYPE_VBF:
		ret = member_vbf_create(ss, params);
		break;
	default:
		ret = member_sketch_create(ss, params);
		break;
	}
	if (ret < 0) {
		/* the type's create logged the reason and freed what it had taken */
		rte_free(ss);
		rte_free(te);
		rte_errno = -ret;
		return NULL;
	}

	te->data = ss;
	rte_mcfg_tailq_write_lock();
	if (entry_of(params->name) != NULL) {
		rte_mcfg_tailq_write_unlock();
		MEMBER_LOG(ERR, "create %s: name already in use", params->name);
		setsum_destroy(ss);
		rte_free(te);
		rte_errno = EEXIST;
		return NULL;
	}
	TAILQ_INSERT_TAIL(list, te, next);
	rte_mcfg_tailq_write_unlock();
	return ss;
}

void
rte_member_free(struct rte_member_setsum *setsum)
{
	struct rte_member_list *list = RTE_TAILQ_CAST(rte_member_tailq.head, rte_member_list);
	struct rte_tailq_entry *te;

	if (setsum == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(te, list, next)
		if (te->data == setsum)
			break;
	if (te != NULL)
		TAILQ_REMOVE(list, te, next);
	rte_mcfg_tailq_write_unlock();
	if (te == NULL)
		return;
	rte_free(te);
	setsum_destroy(setsum);
}

void
rte_member_reset(const struct rte_member_setsum *setsum)
{
	if (setsum == NULL)
		return;
	switch (setsum->type) {
	case RTE_MEMBER_TYPE_HT:
		member_ht_reset(setsum);
		break;
	case RTE_MEMBER_TYPE_VBF:
		member_vbf_reset(setsum);
		break;
	case RTE_MEMBER_TYPE_SKETCH:
		member_sketch_reset(setsum);
		break;
	default:
		break;
	}
}

int
rte_member_add(const struct rte_member_setsum *setsum, const void *key, member_set_t set_id)
{
	if (setsum == NULL || key == NULL)
		return -EINVAL;
	switch (setsum->type) {
	case RTE_MEMBER_TYPE_HT:
		return member_ht_add(setsum, key, set_id);
	case RTE_MEMBER_TYPE_VBF:
		return member_vbf_add(setsum, key, set_id);
	case RTE_MEMBER_TYPE_SKETCH:
		if (setsum->count_byte) {
			MEMBER_LOG(ERR, "add to %s: a byte-counting sketch takes "
				"rte_member_add_byte_count()", setsum->name);
			return -EINVAL;
		}
		return member_sketch_add(setsum, key, 0);
	default:
		return -EINVAL;
	}
}

int
rte_member_add_byte_count(const struct rte_member_setsum *setsum, const void *key,
		uint32_t byte_count)
{
	if (setsum == NULL || key == NULL || byte_count == 0 ||
			setsum->type != RTE_MEMBER_TYPE_SKETCH)
		return -EINVAL;
	if (!setsum->count_byte) {
		MEMBER_LOG(ERR, "add_byte_count to %s: the sketch counts keys, use "
			"rte_member_add()", setsum->name);
		return -EINVAL;
	}
	return member_sketch_add(setsum, key, byte_count);
}

static inline int
lookup_multi(const struct rte_member_setsum *ss, const void *key, uint32_t max_match,
		member_set_t *set_ids)
{
	if (ss->type == RTE_MEMBER_TYPE_HT)
		return member_ht_lookup_multi(ss, key, max_match, set_ids);
	return member_vbf_lookup_multi(ss, key, max_match, set_ids);
}

int
rte_member_lookup(const struct rte_member_setsum *setsum, const void *key, member_set_t *set_id)
{
	if (setsum == NULL || key == NULL || set_id == NULL)
		return -EINVAL;
	switch (setsum->type) {
	case RTE_MEMBER_TYPE_HT:
	case RTE_MEMBER_TYPE_VBF:
		if (lookup_multi(setsum, key, 1, set_id) == 1)
			return 1;
		*set_id = RTE_MEMBER_NO_MATCH;
		return 0;
	case RTE_MEMBER_TYPE_SKETCH:
		return member_sketch_lookup(setsum, key, set_id);
	default:
		return -EINVAL;
	}
}

int
rte_member_lookup_bulk(const struct rte_member_setsum *setsum, const void **keys,
		uint32_t num_keys, member_set_t *set_ids)
{
	if (setsum == NULL || keys == NULL || set_ids == NULL)
		return -EINVAL;
	switch (setsum->type) {
	case RTE_MEMBER_TYPE_HT:
		return member_ht_lookup_bulk(setsum, keys, num_keys, set_ids);
	case RTE_MEMBER_TYPE_VBF:
		return member_vbf_lookup_bulk(setsum, keys, num_keys, set_ids);
	default:
		return -EINVAL;
	}
}

int
rte_member_lookup_multi(const struct rte_member_setsum *setsum, const void *key,
		uint32_t max_match_per_key, member_set_t *set_id)
{
	if (setsum == NULL || key == NULL || set_id == NULL ||
			(setsum->type != RTE_MEMBER_TYPE_HT && setsum->type != RTE_MEMBER_TYPE_VBF))
		return -EINVAL;
	return lookup_multi(setsum, key, max_match_per_key, set_id);
}

int
rte_member_lookup_multi_bulk(const struct rte_member_setsum *setsum, const void **keys,
		uint32_t num_keys, uint32_t max_match_per_key, uint32_t *match_count,
		member_set_t *set_ids)
{
	uint32_t i;
	int hits = 0;

	if (setsum == NULL || keys == NULL || set_ids == NULL || match_count == NULL ||
			(setsum->type != RTE_MEMBER_TYPE_HT && setsum->type != RTE_MEMBER_TYPE_VBF))
		return -EINVAL;
	for (i = 0; i < num_keys; i++) {
		match_count[i] = lookup_multi(setsum, keys[i], max_match_per_key,
				&set_ids[(size_t)i * max_match_per_key]);
		hits += match_count[i] != 0;
	}
	return hits;
}

int
rte_member_query_count(const struct rte_member_setsum *setsum, const void *key,
		uint64_t *count)
{
	if (setsum == NULL || key == NULL || count == NULL ||
			setsum->type != RTE_MEMBER_TYPE_SKETCH)
		return -EINVAL;
	*count = member_sketch_count(setsum, key);
	return 0;
}

int
rte_member_report_heavyhitter(const struct rte_member_setsum *setsum, void **keys,
		uint64_t *counts)
{
	if (setsum == NULL || keys == NULL || counts == NULL ||
			setsum->type != RTE_MEMBER_TYPE_SKETCH)
		return -EINVAL;
	return member_sketch_report(setsum, keys, counts);
}

int
rte_member_delete(const struct rte_member_setsum *setsum, const void *key, member_set_t set_id)
{
	if (setsum == NULL || key == NULL)
		return -EINVAL;
	switch (setsum->type) {
	case RTE_MEMBER_TYPE_HT:
		return member_ht_delete(setsum, key, set_id);
	case RTE_MEMBER_TYPE_SKETCH:
		return member_sketch_delete(setsum, key);
	default:
		return -EINVAL; /* bloom filters cannot forget a key */
	}
}
