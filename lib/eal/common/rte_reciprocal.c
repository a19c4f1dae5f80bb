/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reciprocals for rte_reciprocal_divide(): with l = ceil(log2(d)), the multiplier is
 * floor(2^N * (2^l - d) / d) + 1 for N-bit operands, and the quotient is
 * (t + ((a - t) >> min(l, 1))) >> max(l - 1, 0) where t is the high half of a * m.
 */
#include <stdint.h>

#include <rte_common.h>
#include <rte_reciprocal.h>

struct rte_reciprocal
rte_reciprocal_value(uint32_t d)
{
	struct rte_reciprocal r = { 0, 0, 0 };
	uint32_t l;

	if (d == 0)
		return r;
	l = rte_log2_u32(d);
	r.m = (uint32_t)((((uint64_t)1 << 32) * (((uint64_t)1 << l) - d)) / d + 1);
	r.sh1 = (uint8_t)RTE_MIN(l, 1u);
	r.sh2 = (uint8_t)(l > 0 ? l - 1 : 0);
	return r;
}

struct rte_reciprocal_u64
rte_reciprocal_value_u64(uint64_t d)
{
	struct rte_reciprocal_u64 r = { 0, 0, 0 };
	unsigned __int128 num;
	uint32_t l;

	if (d == 0)
		return r;
	l = rte_log2_u64(d);
	num = ((unsigned __int128)1 << 64) * (((unsigned __int128)1 << l) - d);
	r.m = (uint64_t)(num / d + 1);
	r.sh1 = (uint8_t)RTE_MIN(l, 1u);
	r.sh2 = (uint8_t)(l > 0 ? l - 1 : 0);
	return r;
}
