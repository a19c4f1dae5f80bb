/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * rte_lpm_lookupx4 with SSE: the four tbl24 reads are scalar (SSE has no gather), the flag
 * tests and the choice between next hop and default are done on all four lanes at once.
 * Included by rte_lpm.h only.
 */
#ifndef _RTE_LPM_SSE_H_
#define _RTE_LPM_SSE_H_

#ifndef _RTE_LPM_H_
#error "include rte_lpm.h instead of this file"
#endif

#include <rte_branch_prediction.h>
#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_vect.h>

#ifdef __cplusplus
extern "C" {
#endif

/** rte_lpm_lookupx4 for this architecture: see rte_lpm.h. */
static inline void
rte_lpm_lookupx4(const struct rte_lpm *lpm, xmm_t ip, uint32_t hop[4], uint32_t defv)
{
	const uint32_t *t24 = (const uint32_t *)lpm->tbl24;
	const __m128i ext_bits = _mm_set1_epi32(RTE_LPM_VALID_EXT_ENTRY_BITMASK);
	const __m128i valid_bit = _mm_set1_epi32(RTE_LPM_LOOKUP_SUCCESS);
	rte_xmm_t addr, ent;
	__m128i ext, hit, res;
	unsigned int i;

	addr.x = ip;
	ent.x = _mm_set_epi32((int)rte_lpm_entry_load_(&t24[addr.u32[3] >> 8]),
			(int)rte_lpm_entry_load_(&t24[addr.u32[2] >> 8]),
			(int)rte_lpm_entry_load_(&t24[addr.u32[1] >> 8]),
			(int)rte_lpm_entry_load_(&t24[addr.u32[0] >> 8]));

	ext = _mm_cmpeq_epi32(_mm_and_si128(ent.x, ext_bits), ext_bits);
	if (unlikely(_mm_movemask_epi8(ext) != 0)) {
		const uint32_t *t8 = (const uint32_t *)lpm->tbl8;

		for (i = 0; i < 4; i++)
			if ((ent.u32[i] & RTE_LPM_VALID_EXT_ENTRY_BITMASK) ==
					RTE_LPM_VALID_EXT_ENTRY_BITMASK)
				ent.u32[i] = rte_lpm_entry_load_(&t8[(ent.u32[i] & 0x00FFFFFF) *
						RTE_LPM_TBL8_GROUP_NUM_ENTRIES +
						(addr.u32[i] & 0xFF)]);
	}

	hit = _mm_cmpeq_epi32(_mm_and_si128(ent.x, valid_bit), valid_bit);
	res = _mm_or_si128(_mm_and_si128(hit, _mm_and_si128(ent.x, _mm_set1_epi32(0x00FFFFFF))),
			_mm_andnot_si128(hit, _mm_set1_epi32((int)defv)));
	_mm_storeu_si128((__m128i *)(void *)hop, res);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LPM_SSE_H_ */
