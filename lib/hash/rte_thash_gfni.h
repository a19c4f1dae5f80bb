/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Toeplitz hash through GFNI matrices (see rte_thash_get_gfni_matrices()). Without an
 * architecture implementation these report an error and return 0: callers check
 * rte_thash_gfni_supported() first.
 */
#ifndef _RTE_THASH_GFNI_H_
#define _RTE_THASH_GFNI_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <rte_compat.h>
#include <rte_log.h>

#ifdef RTE_ARCH_X86
#include <rte_thash_x86_gfni.h>
#endif

#ifndef RTE_THASH_GFNI_DEFINED

/**
 * Toeplitz hash of len bytes at tuple with GFNI matrices: unavailable here.
 *
 * @return
 *   0.
 */
__rte_experimental
static inline uint32_t
rte_thash_gfni(const uint64_t *mtrx __rte_unused, const uint8_t *key __rte_unused,
	int len __rte_unused)
{
	RTE_LOG(ERR, HASH, "rte_thash_gfni: no GFNI implementation in this build\n");
	return 0;
}

/**
 * Bulk form of rte_thash_gfni(): unavailable here, every val[] is set to 0.
 */
__rte_experimental
static inline void
rte_thash_gfni_bulk(const uint64_t *mtrx __rte_unused, int len __rte_unused,
	uint8_t *tuple[] __rte_unused, uint32_t val[], uint32_t num)
{
	uint32_t i;

	RTE_LOG(ERR, HASH, "rte_thash_gfni_bulk: no GFNI implementation in this build\n");
	for (i = 0; i < num; i++)
		val[i] = 0;
}

#endif /* RTE_THASH_GFNI_DEFINED */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_THASH_GFNI_H_ */
