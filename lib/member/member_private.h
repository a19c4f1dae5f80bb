/* SPDX-License-Identifier: BSD-3-Clause */
/* Per-type entry points of the membership library, dispatched from rte_member.c. */
#ifndef _MEMBER_PRIVATE_H_
#define _MEMBER_PRIVATE_H_

#include <rte_log.h>

#include "rte_member.h"

#define MEMBER_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, librte_member_logtype, "MEMBER: " fmt "\n", ##__VA_ARGS__)

/* Spreads every input bit over the whole word (murmur3's finalizer constants). */
static inline uint32_t
member_mix32(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

int member_ht_create(struct rte_member_setsum *ss, const struct rte_member_parameters *p);
void member_ht_free(struct rte_member_setsum *ss);
void member_ht_reset(const struct rte_member_setsum *ss);
int member_ht_add(const struct rte_member_setsum *ss, const void *key, member_set_t set_id);
int member_ht_delete(const struct rte_member_setsum *ss, const void *key, member_set_t set_id);
int member_ht_lookup_bulk(const struct rte_member_setsum *ss, const void **keys,
		uint32_t num_keys, member_set_t *set_ids);
int member_ht_lookup_multi(const struct rte_member_setsum *ss, const void *key,
		uint32_t max_match, member_set_t *set_ids);

int member_vbf_create(struct rte_member_setsum *ss, const struct rte_member_parameters *p);
void member_vbf_free(struct rte_member_setsum *ss);
void member_vbf_reset(const struct rte_member_setsum *ss);
int member_vbf_add(const struct rte_member_setsum *ss, const void *key, member_set_t set_id);
int member_vbf_lookup_bulk(const struct rte_member_setsum *ss, const void **keys,
		uint32_t num_keys, member_set_t *set_ids);
int member_vbf_lookup_multi(const struct rte_member_setsum *ss, const void *key,
		uint32_t max_match, member_set_t *set_ids);

int member_sketch_create(struct rte_member_setsum *ss, const struct rte_member_parameters *p);
void member_sketch_free(struct rte_member_setsum *ss);
void member_sketch_reset(const struct rte_member_setsum *ss);
int member_sketch_add(const struct rte_member_setsum *ss, const void *key, uint32_t bytes);
int member_sketch_lookup(const struct rte_member_setsum *ss, const void *key,
		member_set_t *set_id);
int member_sketch_delete(const struct rte_member_setsum *ss, const void *key);
uint64_t member_sketch_count(const struct rte_member_setsum *ss, const void *key);
int member_sketch_report(const struct rte_member_setsum *ss, void **keys, uint64_t *counts);

#endif /* _MEMBER_PRIVATE_H_ */
