/* SPDX-License-Identifier: BSD-3-Clause */
/* The SIMD width limit that code paths consult (rte_vect.h). */
#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_vect.h>

#include "eal_private.h"

static uint16_t max_simd_bitwidth = RTE_VECT_DEFAULT_SIMD_BITWIDTH;

uint16_t
rte_vect_get_max_simd_bitwidth(void)
{
	return __atomic_load_n(&max_simd_bitwidth, __ATOMIC_RELAXED);
}

int
rte_vect_set_max_simd_bitwidth(uint16_t bitwidth)
{
	if (bitwidth < RTE_VECT_SIMD_DISABLED || !rte_is_power_of_2(bitwidth)) {
		EAL_LOG(ERR, "SIMD bit width %u is not a power of two of at least %d\n",
			bitwidth, RTE_VECT_SIMD_DISABLED);
		return -EINVAL;
	}
	__atomic_store_n(&max_simd_bitwidth, bitwidth, __ATOMIC_RELAXED);
	return 0;
}
