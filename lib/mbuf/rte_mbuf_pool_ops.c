/* SPDX-License-Identifier: BSD-3-Clause */
/* The default mempool ops of packet pools, kept in memzones shared by every process. */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memzone.h>
#include <rte_mempool.h>
#include <rte_string_fns.h>

#include "rte_mbuf_pool_ops.h"
#include "mbuf_private.h"

#define MZ_PLATFORM "mbuf_platform_pool_ops"
#define MZ_USER "mbuf_user_pool_ops"

static int
pool_ops_check(const char *ops_name, const char *what)
{
	if (ops_name == NULL) {
		MBUF_LOG(ERR, "%s mempool ops name is NULL", what);
		return -EINVAL;
	}
	if (strnlen(ops_name, RTE_MEMPOOL_OPS_NAMESIZE) >= RTE_MEMPOOL_OPS_NAMESIZE) {
		MBUF_LOG(ERR, "%s mempool ops name %s is longer than %d characters", what,
			ops_name, RTE_MEMPOOL_OPS_NAMESIZE - 1);
		return -ENAMETOOLONG;
	}
	return 0;
}

/* The memzone holding a name, created on first use; NULL with a log line. */
static const struct rte_memzone *
pool_ops_zone(const char *mz_name)
{
	const struct rte_memzone *mz = rte_memzone_lookup(mz_name);

	if (mz != NULL)
		return mz;
	mz = rte_memzone_reserve(mz_name, RTE_MEMPOOL_OPS_NAMESIZE, SOCKET_ID_ANY, 0);
	if (mz != NULL) {
		memset(mz->addr, 0, RTE_MEMPOOL_OPS_NAMESIZE);
		return mz;
	}
	/* Another thread may have created it meanwhile. */
	if (rte_errno == EEXIST)
		mz = rte_memzone_lookup(mz_name);
	if (mz == NULL)
		MBUF_LOG(ERR, "cannot reserve memzone %s: %s", mz_name, rte_strerror(rte_errno));
	return mz;
}

int
rte_mbuf_set_platform_mempool_ops(const char *ops_name)
{
	const struct rte_memzone *mz;
	int ret = pool_ops_check(ops_name, "platform");

	if (ret != 0)
		return ret;
	mz = rte_memzone_lookup(MZ_PLATFORM);
	if (mz != NULL) {
		if (strcmp(mz->addr, ops_name) == 0)
			return 0;
		MBUF_LOG(ERR, "platform mempool ops are already %s, not changed to %s",
			(const char *)mz->addr, ops_name);
		return -EEXIST;
	}
	mz = pool_ops_zone(MZ_PLATFORM);
	if (mz == NULL)
		return -ENOMEM;
	rte_strscpy(mz->addr, ops_name, RTE_MEMPOOL_OPS_NAMESIZE);
	return 0;
}

const char *
rte_mbuf_platform_mempool_ops(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(MZ_PLATFORM);

	if (mz == NULL || ((const char *)mz->addr)[0] == '\0')
		return NULL;
	return mz->addr;
}

int
rte_mbuf_set_user_mempool_ops(const char *ops_name)
{
	const struct rte_memzone *mz;
	int ret = pool_ops_check(ops_name, "user");

	if (ret != 0)
		return ret;
	mz = pool_ops_zone(MZ_USER);
	if (mz == NULL)
		return -ENOMEM;
	rte_strscpy(mz->addr, ops_name, RTE_MEMPOOL_OPS_NAMESIZE);
	return 0;
}

const char *
rte_mbuf_user_mempool_ops(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(MZ_USER);

	if (mz == NULL || ((const char *)mz->addr)[0] == '\0')
		return rte_eal_mbuf_user_pool_ops();
	return mz->addr;
}

const char *
rte_mbuf_best_mempool_ops(void)
{
	const char *name = rte_mbuf_user_mempool_ops();

	if (name != NULL)
		return name;
	name = rte_mbuf_platform_mempool_ops();
	if (name != NULL)
		return name;
	return RTE_MBUF_DEFAULT_MEMPOOL_OPS;
}
