/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Toeplitz hash with the GFNI instructions. Not implemented in this tree: the header exists
 * so that DPDK programs including it build, and RTE_THASH_GFNI_DEFINED stays undefined, which
 * selects the portable rte_thash_gfni() of rte_thash_gfni.h (rte_thash_gfni_supported()
 * returns 0, as DPDK does on a CPU without GFNI).
 */
#ifndef _RTE_THASH_X86_GFNI_H_
#define _RTE_THASH_X86_GFNI_H_

#endif /* _RTE_THASH_X86_GFNI_H_ */
