/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The routes of an LPM table, kept apart from the lookup tables: they say what an address
 * falls back to when a longer route is deleted, and they hold the full 32-bit next hop that
 * rte_lpm_is_rule_present returns. An open-addressing hash of (masked prefix, depth) keys.
 */
#ifndef _LPM_RULES_H_
#define _LPM_RULES_H_

#include <stdbool.h>
#include <stdint.h>

/* Longest key: an IPv6 prefix and its depth. */
#define LPM_RULE_KEY_MAX 17

struct lpm_rule_slot {
	uint8_t used;
	uint8_t key[LPM_RULE_KEY_MAX];
	uint32_t next_hop;
};

struct lpm_rules {
	struct lpm_rule_slot *slots;
	uint32_t mask;       /* slots - 1, a power of two */
	uint32_t count;
	uint32_t max;
	uint32_t key_len;
};

/* 0, or -ENOMEM. */
int lpm_rules_init(struct lpm_rules *r, uint32_t max, uint32_t key_len, int socket_id);
void lpm_rules_fini(struct lpm_rules *r);
void lpm_rules_clear(struct lpm_rules *r);
bool lpm_rules_find(const struct lpm_rules *r, const uint8_t *key, uint32_t *next_hop);
/* 0 added, 1 next hop replaced, -ENOSPC when max routes are stored. */
int lpm_rules_add(struct lpm_rules *r, const uint8_t *key, uint32_t next_hop);
/* 0, or -ENOENT. */
int lpm_rules_del(struct lpm_rules *r, const uint8_t *key);

#endif /* _LPM_RULES_H_ */
