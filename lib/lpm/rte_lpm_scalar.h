/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * rte_lpm_lookupx4 without vector instructions: four rte_lpm_lookup calls. Included by
 * rte_lpm.h only, on architectures without a vector version.
 */
#ifndef _RTE_LPM_SCALAR_H_
#define _RTE_LPM_SCALAR_H_

#ifndef _RTE_LPM_H_
#error "include rte_lpm.h instead of this file"
#endif

#include <rte_vect.h>

#ifdef __cplusplus
extern "C" {
#endif

/** rte_lpm_lookupx4 for this architecture: see rte_lpm.h. */
static inline void
rte_lpm_lookupx4(const struct rte_lpm *lpm, xmm_t ip, uint32_t hop[4], uint32_t defv)
{
	rte_xmm_t addr = { .x = ip };
	uint32_t nh;
	unsigned int i;

	for (i = 0; i < 4; i++)
		hop[i] = rte_lpm_lookup(lpm, addr.u32[i], &nh) == 0 ? nh : defv;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LPM_SCALAR_H_ */
