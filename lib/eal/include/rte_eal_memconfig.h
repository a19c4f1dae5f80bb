/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * The locks EAL and the libraries built on it take around their shared state, for applications
 * that must keep that state still while they look at it (or change it).
 *
 * The memory lock is the one the memory layer holds while it maps or unmaps pages: holding it
 * for reading keeps the memseg layout unchanged (no heap can grow or shrink meanwhile), holding
 * it for writing also excludes the memseg walks. The tailq lock guards the object lists of the
 * libraries (rings, the tailq registry), the mempool lock the list of mempools.
 */
#ifndef _RTE_EAL_MEMCONFIG_H_
#define _RTE_EAL_MEMCONFIG_H_

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Take the memory lock for reading: the memory layout stays as it is until unlocked. */
void
rte_mcfg_mem_read_lock(void);

/** Release the memory lock taken with rte_mcfg_mem_read_lock. */
void
rte_mcfg_mem_read_unlock(void);

/** Take the memory lock for writing: no page is mapped, unmapped or walked meanwhile. */
void
rte_mcfg_mem_write_lock(void);

/** Release the memory lock taken with rte_mcfg_mem_write_lock. */
void
rte_mcfg_mem_write_unlock(void);

/** Take the lock of the library object lists (tailqs) for reading. */
void
rte_mcfg_tailq_read_lock(void);

/** Release the tailq lock taken with rte_mcfg_tailq_read_lock. */
void
rte_mcfg_tailq_read_unlock(void);

/** Take the lock of the library object lists (tailqs) for writing. */
void
rte_mcfg_tailq_write_lock(void);

/** Release the tailq lock taken with rte_mcfg_tailq_write_lock. */
void
rte_mcfg_tailq_write_unlock(void);

/** Take the lock of the mempool list for reading. */
void
rte_mcfg_mempool_read_lock(void);

/** Release the mempool lock taken with rte_mcfg_mempool_read_lock. */
void
rte_mcfg_mempool_read_unlock(void);

/** Take the lock of the mempool list for writing. */
void
rte_mcfg_mempool_write_lock(void);

/** Release the mempool lock taken with rte_mcfg_mempool_write_lock. */
void
rte_mcfg_mempool_write_unlock(void);

/** Take the lock a timer library shares between its users (a spinlock). */
void
rte_mcfg_timer_lock(void);

/** Release the lock taken with rte_mcfg_timer_lock. */
void
rte_mcfg_timer_unlock(void);

/**
 * Whether --single-file-segments was given.
 * @return true when pages were asked to share one file per memseg list rather than having
 *   files of their own
 */
bool
rte_mcfg_get_single_file_segments(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EAL_MEMCONFIG_H_ */
