/* SPDX-License-Identifier: BSD-3-Clause */
/* Toeplitz hash contexts, shared by the context code and the subtuple helpers. */
#ifndef _THASH_PRIVATE_H_
#define _THASH_PRIVATE_H_

#include <stdint.h>
#include <sys/queue.h>

#include "rte_thash.h"

#define THASH_NAMESIZE 64

TAILQ_HEAD(thash_helper_list, rte_thash_subtuple_helper);

struct rte_thash_ctx {
	TAILQ_ENTRY(rte_thash_ctx) next;
	char name[THASH_NAMESIZE];
	uint32_t key_len;
	uint32_t reta_sz_log;
	uint32_t flags;
	struct thash_helper_list helpers;
	/* Key bits a helper has written: never rewritten, so helpers cannot undo each other. */
	uint8_t *owned;
	uint8_t key[];  /* key_len bytes, then the owned bitmap (key_len bytes) */
};

/* Free the helpers of a context being freed. */
void thash_free_helpers(struct rte_thash_ctx *ctx);

#endif /* _THASH_PRIVATE_H_ */
