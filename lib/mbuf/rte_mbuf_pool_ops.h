/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Which mempool ops packet pools use when their creator does not say
 * (rte_pktmbuf_pool_create): the user's choice (rte_mbuf_set_user_mempool_ops(), or the EAL
 * option --mbuf-pool-ops-name), else the platform's (set once, by a driver for hardware
 * that manages buffers itself), else RTE_MBUF_DEFAULT_MEMPOOL_OPS. The names are kept in
 * memzones, so every process of the application sees the same ones.
 */
#ifndef _RTE_MBUF_POOL_OPS_H_
#define _RTE_MBUF_POOL_OPS_H_

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Set the platform's mempool ops. They can be set once; setting the same name again is
 * accepted.
 *
 * @param ops_name
 *   Name of registered mempool ops.
 * @return
 *   0, -EINVAL (NULL), -ENAMETOOLONG, -EEXIST (other ops already set), -ENOMEM.
 */
int rte_mbuf_set_platform_mempool_ops(const char *ops_name);

/**
 * The platform's mempool ops.
 *
 * @return
 *   Their name, or NULL when none was set.
 */
const char *rte_mbuf_platform_mempool_ops(void);

/**
 * Set the user's mempool ops, replacing an earlier choice.
 *
 * @param ops_name
 *   Name of registered mempool ops.
 * @return
 *   0, -EINVAL (NULL), -ENAMETOOLONG, -ENOMEM.
 */
int rte_mbuf_set_user_mempool_ops(const char *ops_name);

/**
 * The user's mempool ops: set by rte_mbuf_set_user_mempool_ops(), else given to EAL with
 * --mbuf-pool-ops-name.
 *
 * @return
 *   Their name, or NULL when none was chosen.
 */
const char *rte_mbuf_user_mempool_ops(void);

/**
 * The mempool ops a packet pool gets by default: the user's, else the platform's, else
 * RTE_MBUF_DEFAULT_MEMPOOL_OPS.
 *
 * @return
 *   Their name.
 */
const char *rte_mbuf_best_mempool_ops(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_POOL_OPS_H_ */
