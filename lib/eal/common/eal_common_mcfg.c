/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The shared-state locks of rte_eal_memconfig.h. The memory lock is the memory layer's own
 * (eal_mem.lock), so an application holding it really keeps pages from being mapped or unmapped;
 * the tailq and mempool locks live here so that EAL and the libraries above it take the same
 * ones. They are reader-preferring rwlocks, so a read section may nest inside another (a walk
 * callback doing a lookup, say).
 */
#include <pthread.h>
#include <stdbool.h>

#include <rte_eal_memconfig.h>
#include <rte_spinlock.h>

#include "eal_private.h"
#include "eal_memalloc.h"

static pthread_rwlock_t tailq_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t mempool_lock = PTHREAD_RWLOCK_INITIALIZER;
static rte_spinlock_t timer_lock = RTE_SPINLOCK_INITIALIZER;

void
rte_mcfg_mem_read_lock(void)
{
	pthread_rwlock_rdlock(&eal_mem.lock);
}

void
rte_mcfg_mem_read_unlock(void)
{
	pthread_rwlock_unlock(&eal_mem.lock);
}

void
rte_mcfg_mem_write_lock(void)
{
	pthread_rwlock_wrlock(&eal_mem.lock);
}

void
rte_mcfg_mem_write_unlock(void)
{
	pthread_rwlock_unlock(&eal_mem.lock);
}

void
rte_mcfg_tailq_read_lock(void)
{
	pthread_rwlock_rdlock(&tailq_lock);
}

void
rte_mcfg_tailq_read_unlock(void)
{
	pthread_rwlock_unlock(&tailq_lock);
}

void
rte_mcfg_tailq_write_lock(void)
{
	pthread_rwlock_wrlock(&tailq_lock);
}

void
rte_mcfg_tailq_write_unlock(void)
{
	pthread_rwlock_unlock(&tailq_lock);
}

void
rte_mcfg_mempool_read_lock(void)
{
	pthread_rwlock_rdlock(&mempool_lock);
}

void
rte_mcfg_mempool_read_unlock(void)
{
	pthread_rwlock_unlock(&mempool_lock);
}

void
rte_mcfg_mempool_write_lock(void)
{
	pthread_rwlock_wrlock(&mempool_lock);
}

void
rte_mcfg_mempool_write_unlock(void)
{
	pthread_rwlock_unlock(&mempool_lock);
}

void
rte_mcfg_timer_lock(void)
{
	rte_spinlock_lock(&timer_lock);
}

void
rte_mcfg_timer_unlock(void)
{
	rte_spinlock_unlock(&timer_lock);
}

bool
rte_mcfg_get_single_file_segments(void)
{
	return eal_get_internal_configuration()->single_file_segments != 0;
}
