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
#include <rte_errno.h>
#include <rte_spinlock.h>

#include "eal_private.h"
#include "eal_memalloc.h"
#include "eal_shared.h"

/* In the shared configuration once EAL is up, so that every process takes the same locks. */
struct mcfg_locks {
	pthread_rwlock_t tailq;
	pthread_rwlock_t mempool;
	rte_spinlock_t timer;
};
static struct mcfg_locks locks_local = {
	.tailq = PTHREAD_RWLOCK_INITIALIZER,
	.mempool = PTHREAD_RWLOCK_INITIALIZER,
	.timer = RTE_SPINLOCK_INITIALIZER,
};
static struct mcfg_locks *locks = &locks_local;
#define tailq_lock (locks->tailq)
#define mempool_lock (locks->mempool)
#define timer_lock (locks->timer)

int
eal_mcfg_locks_init(void)
{
	struct mcfg_locks *shared;

	if (eal_is_secondary())
		shared = eal_shared_get(EAL_SHARED_LOCKS);
	else
		shared = eal_shared_alloc(sizeof(*shared));
	if (shared == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	if (!eal_is_secondary()) {
		eal_shared_rwlock_init(&shared->tailq);
		eal_shared_rwlock_init(&shared->mempool);
		rte_spinlock_init(&shared->timer);
		eal_shared_set(EAL_SHARED_LOCKS, shared);
	}
	locks = shared;
	return 0;
}

void
eal_mcfg_locks_cleanup(void)
{
	locks = &locks_local;
}

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
