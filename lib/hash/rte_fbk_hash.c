/* SPDX-License-Identifier: BSD-3-Clause */
/* Creation and registry of four-byte-key hash tables; the operations are in the header. */
#include <errno.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_cpuflags.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_fbk_hash.h"

/*
 * The tables, by name, in a list every process of the primary's group walks (entries and
 * tables are in shared memory): a secondary finds the primary's tables by name. The table's
 * hash_func is a function pointer, as in DPDK: valid in another process only where the
 * function sits at the same address there (the same binary, without address randomisation).
 */
struct fbk_entry {
	TAILQ_ENTRY(fbk_entry) next;
	struct rte_fbk_hash_table *ht;
};
TAILQ_HEAD(fbk_list, fbk_entry);
static struct rte_tailq_elem fbk_tailq = {
	.name = "RTE_FBK_HASH",
};
EAL_REGISTER_TAILQ(fbk_tailq)

static struct fbk_list *
fbk_list(void)
{
	return RTE_TAILQ_CAST(fbk_tailq.head, fbk_list);
}

static struct fbk_entry *
fbk_find(const char *name)
{
	struct fbk_entry *e;

	TAILQ_FOREACH(e, fbk_list(), next)
		if (strncmp(name, e->ht->name, RTE_FBK_HASH_NAMESIZE) == 0)
			return e;
	return NULL;
}

struct rte_fbk_hash_table *
rte_fbk_hash_find_existing(const char *name)
{
	struct fbk_entry *e;

	if (name == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	e = fbk_find(name);
	rte_mcfg_tailq_read_unlock();
	if (e == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	return e->ht;
}

static uint32_t
fbk_crc(uint32_t key, uint32_t init_val)
{
	return rte_hash_crc_4byte(key, init_val);
}

struct rte_fbk_hash_table *
rte_fbk_hash_create(const struct rte_fbk_hash_params *params)
{
	struct rte_fbk_hash_table *ht;
	struct fbk_entry *e;

	if (params == NULL || params->name == NULL ||
			params->entries > RTE_FBK_HASH_ENTRIES_MAX ||
			params->entries_per_bucket > RTE_FBK_HASH_ENTRIES_PER_BUCKET_MAX ||
			params->entries_per_bucket == 0 ||
			params->entries < params->entries_per_bucket ||
			!rte_is_power_of_2(params->entries) ||
			!rte_is_power_of_2(params->entries_per_bucket)) {
		RTE_LOG(ERR, HASH, "rte_fbk_hash_create %s: invalid parameters\n",
			params != NULL && params->name != NULL ? params->name : "(null)");
		rte_errno = EINVAL;
		return NULL;
	}

	rte_mcfg_tailq_write_lock();
	if (fbk_find(params->name) != NULL) {
		rte_mcfg_tailq_write_unlock();
		RTE_LOG(ERR, HASH, "rte_fbk_hash_create: a table named %s exists\n", params->name);
		rte_errno = EEXIST;
		return NULL;
	}
	e = rte_zmalloc("fbk_hash_entry", sizeof(*e), 0);
	ht = rte_zmalloc_socket("fbk_hash", sizeof(*ht) +
		sizeof(ht->t[0]) * params->entries, RTE_CACHE_LINE_SIZE, params->socket_id);
	if (e == NULL || ht == NULL) {
		rte_mcfg_tailq_write_unlock();
		rte_free(e);
		rte_free(ht);
		RTE_LOG(ERR, HASH, "rte_fbk_hash_create %s: out of memory\n", params->name);
		rte_errno = ENOMEM;
		return NULL;
	}
	strlcpy(ht->name, params->name, sizeof(ht->name));
	ht->entries = params->entries;
	ht->entries_per_bucket = params->entries_per_bucket;
	ht->bucket_mask = params->entries / params->entries_per_bucket - 1;
	ht->bucket_shift = rte_bsf32(params->entries_per_bucket);
	ht->init_val = params->init_val;
	if (params->hash_func != NULL)
		ht->hash_func = params->hash_func;
#if defined(RTE_ARCH_X86)
	else if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_2) > 0)
		ht->hash_func = fbk_crc;
#elif defined(RTE_ARCH_ARM64) && defined(__ARM_FEATURE_CRC32)
	else if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_CRC32) > 0)
		ht->hash_func = fbk_crc;
#endif
	else
		ht->hash_func = rte_jhash_1word;
	RTE_SET_USED(fbk_crc);
	e->ht = ht;
	TAILQ_INSERT_TAIL(fbk_list(), e, next);
	rte_mcfg_tailq_write_unlock();
	return ht;
}

void
rte_fbk_hash_free(struct rte_fbk_hash_table *ht)
{
	struct fbk_entry *e;

	if (ht == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(e, fbk_list(), next)
		if (e->ht == ht)
			break;
	if (e == NULL) {
		rte_mcfg_tailq_write_unlock();
		RTE_LOG(ERR, HASH, "rte_fbk_hash_free: %p is not a table\n", (void *)ht);
		return;
	}
	TAILQ_REMOVE(fbk_list(), e, next);
	rte_mcfg_tailq_write_unlock();
	rte_free(e);
	rte_free(ht);
}
