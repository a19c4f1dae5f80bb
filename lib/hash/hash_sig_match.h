/* SPDX-License-Identifier: BSD-3-Clause */

#ifndef HASH_SIG_MATCH_H
#define HASH_SIG_MATCH_H

/*
 * Which entries of a bucket carry a given short signature, as a mask with bit i for entry i.
 * One vector compare replaces eight loads and branches: on a miss, the common case of a
 * bulk lookup that filters traffic, no entry needs looking at after it.
 *
 * The vector load reads the eight signatures without atomics. A writer changes a signature
 * with a single aligned 16-bit store, which the load sees whole, and a reader only trusts an
 * entry after the acquire load of its key index, as the scalar loop does. ThreadSanitizer
 * cannot know that, so its builds take the scalar loop.
 */

#include <stdint.h>

#include "hash_private.h"

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define HASH_SIG_MATCH_SCALAR 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define HASH_SIG_MATCH_SCALAR 1
#endif

#if !defined(HASH_SIG_MATCH_SCALAR) && defined(RTE_ARCH_X86)
#include <emmintrin.h>
#elif !defined(HASH_SIG_MATCH_SCALAR) && defined(RTE_ARCH_ARM64) && defined(__ARM_NEON)
#include <arm_neon.h>
#endif

_Static_assert(HASH_BUCKET_ENTRIES == 8, "the vector compares take eight signatures");

static inline uint32_t
bucket_sig_match(const struct hash_bucket *b, uint16_t short_sig)
{
#if !defined(HASH_SIG_MATCH_SCALAR) && defined(RTE_ARCH_X86)
	__m128i sigs = _mm_load_si128((const __m128i *)(uintptr_t)b->sig);
	__m128i eq = _mm_cmpeq_epi16(sigs, _mm_set1_epi16((short)short_sig));

	/* 0xffff or 0 per entry, narrowed to one byte each, then one bit each */
	return (uint32_t)_mm_movemask_epi8(_mm_packs_epi16(eq, _mm_setzero_si128()));
#elif !defined(HASH_SIG_MATCH_SCALAR) && defined(RTE_ARCH_ARM64) && defined(__ARM_NEON)
	static const uint16_t bit[HASH_BUCKET_ENTRIES] = { 1, 2, 4, 8, 16, 32, 64, 128 };
	uint16x8_t eq = vceqq_u16(vld1q_u16(b->sig), vdupq_n_u16(short_sig));

	return vaddvq_u16(vandq_u16(eq, vld1q_u16(bit)));
#else
	uint32_t mask = 0;
	unsigned int i;

	for (i = 0; i < HASH_BUCKET_ENTRIES; i++)
		if (__atomic_load_n(&b->sig[i], __ATOMIC_RELAXED) == short_sig)
			mask |= UINT32_C(1) << i;
	return mask;
#endif
}

#endif /* HASH_SIG_MATCH_H */
