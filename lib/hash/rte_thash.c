/* SPDX-License-Identifier: BSD-3-Clause */
/* Toeplitz hash contexts: a named RSS key, registered so that other parts can find it. */
#include <errno.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_random.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_thash.h"
#include "thash_private.h"

/*
 * The contexts, by name, in a list every process of the primary's group walks (contexts and
 * their helpers are in shared memory): a secondary finds the primary's contexts by name.
 */
TAILQ_HEAD(thash_list, rte_thash_ctx);
static struct rte_tailq_elem thash_tailq = {
	.name = "RTE_THASH",
};
EAL_REGISTER_TAILQ(thash_tailq)

static struct thash_list *
thash_list(void)
{
	return RTE_TAILQ_CAST(thash_tailq.head, thash_list);
}

static struct rte_thash_ctx *
thash_find(const char *name)
{
	struct rte_thash_ctx *c;

	TAILQ_FOREACH(c, thash_list(), next)
		if (strncmp(name, c->name, sizeof(c->name)) == 0)
			return c;
	return NULL;
}

int
rte_thash_gfni_supported(void)
{
	return 0;
}

struct rte_thash_ctx *
rte_thash_init_ctx(const char *name, uint32_t key_len, uint32_t reta_sz, uint8_t *key,
	uint32_t flags)
{
	struct rte_thash_ctx *ctx;
	uint32_t i;

	if (name == NULL || key_len == 0 || reta_sz < RTE_THASH_RETA_SZ_MIN ||
			reta_sz > RTE_THASH_RETA_SZ_MAX) {
		RTE_LOG(ERR, HASH, "rte_thash_init_ctx %s: invalid key length %u or table size %u\n",
			name != NULL ? name : "(null)", key_len, reta_sz);
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_write_lock();
	if (thash_find(name) != NULL) {
		rte_mcfg_tailq_write_unlock();
		RTE_LOG(ERR, HASH, "rte_thash_init_ctx: a context named %s exists\n", name);
		rte_errno = EEXIST;
		return NULL;
	}
	ctx = rte_zmalloc("thash_ctx", sizeof(*ctx) + 2 * (size_t)key_len, RTE_CACHE_LINE_SIZE);
	if (ctx == NULL) {
		rte_mcfg_tailq_write_unlock();
		RTE_LOG(ERR, HASH, "rte_thash_init_ctx %s: out of memory\n", name);
		rte_errno = ENOMEM;
		return NULL;
	}
	strlcpy(ctx->name, name, sizeof(ctx->name));
	ctx->key_len = key_len;
	ctx->reta_sz_log = reta_sz;
	ctx->flags = flags;
	TAILQ_INIT(&ctx->helpers);
	ctx->owned = ctx->key + key_len;
	if (key != NULL) {
		memcpy(ctx->key, key, key_len);
	} else {
		for (i = 0; i < key_len; i++)
			ctx->key[i] = (uint8_t)rte_rand();
	}
	TAILQ_INSERT_TAIL(thash_list(), ctx, next);
	rte_mcfg_tailq_write_unlock();
	return ctx;
}

struct rte_thash_ctx *
rte_thash_find_existing(const char *name)
{
	struct rte_thash_ctx *c;

	if (name == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	c = thash_find(name);
	rte_mcfg_tailq_read_unlock();
	if (c == NULL)
		rte_errno = ENOENT;
	return c;
}

void
rte_thash_free_ctx(struct rte_thash_ctx *ctx)
{
	if (ctx == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_REMOVE(thash_list(), ctx, next);
	rte_mcfg_tailq_write_unlock();
	thash_free_helpers(ctx);
	rte_free(ctx);
}

const uint8_t *
rte_thash_get_key(struct rte_thash_ctx *ctx)
{
	return ctx->key;
}

const uint64_t *
rte_thash_get_gfni_matrices(struct rte_thash_ctx *ctx)
{
	RTE_SET_USED(ctx);
	return NULL;
}
