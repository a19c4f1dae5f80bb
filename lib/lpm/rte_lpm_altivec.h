/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * rte_lpm_lookupx4 on POWER AltiVec. This tree targets x86 only: no POWER AltiVec version yet, the
 * portable one is used, which gives the same results.
 */
#ifndef _RTE_LPM_ALTIVEC_H_
#define _RTE_LPM_ALTIVEC_H_

#ifndef _RTE_LPM_H_
#error "include rte_lpm.h instead of this file"
#endif

#include "rte_lpm_scalar.h"

#endif /* _RTE_LPM_ALTIVEC_H_ */
