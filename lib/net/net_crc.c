/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CRC-16/CCITT and Ethernet CRC-32, both reflected CRCs.
 *
 * Scalar: one 256-entry table per CRC, built at load time from the polynomial, one lookup per
 * byte.
 *
 * PCLMULQDQ: the buffer is seen as a polynomial over GF(2). A 128-bit accumulator A holds the
 * first 16 bytes (the initial register value XORed into its first bytes); each following block
 * B of 16 bytes is absorbed as A' = A_lo * K1 ^ A_hi * K2 ^ B, where K1 and K2 are x^191 and
 * x^127 modulo the CRC polynomial (one less than the 192 and 128 bit distances, because a
 * carry-less product of bit-reflected operands comes out shifted by one bit). A' has the same
 * remainder as A followed by B, and is again 128 bits long. What is left at the end, A and the
 * last partial block, goes through the table with a zero register. The constants are computed
 * when the library loads, like the tables.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>

#include "rte_net_crc.h"

#if defined(RTE_ARCH_X86_64) || defined(__x86_64__)
#define NET_CRC_CLMUL 1
#include <immintrin.h>
#endif

#define CRC16_POLY_R 0x8408u		/* x^16 + x^12 + x^5 + 1, reflected */
#define CRC32_POLY_R 0xedb88320u	/* Ethernet, reflected */

struct crc_def {
	uint32_t table[256];
	uint32_t init;		/* register at start, and final XOR */
	uint64_t k_lo, k_hi;	/* folding constants, bit-reflected in 64 bits */
};

static struct crc_def crc16 = { .init = 0xffff };
static struct crc_def crc32 = { .init = 0xffffffff };

/* The implementation in use: a CRC of len bytes with definition def. */
typedef uint32_t (*crc_fn)(const struct crc_def *def, const uint8_t *p, uint32_t len);
static crc_fn crc_impl;

static uint32_t
crc_table(const struct crc_def *def, uint32_t reg, const uint8_t *p, uint32_t len)
{
	while (len-- > 0)
		reg = def->table[(reg ^ *p++) & 0xff] ^ (reg >> 8);
	return reg;
}

static uint32_t
crc_scalar(const struct crc_def *def, const uint8_t *p, uint32_t len)
{
	return crc_table(def, def->init, p, len) ^ def->init;
}

/* x^e modulo the polynomial of width w given reflected, as a plain (not reflected) value. */
static uint64_t
xpow_mod(unsigned int e, uint32_t poly_r, unsigned int w)
{
	uint64_t poly = 0, r = 1;
	unsigned int i;

	for (i = 0; i < w; i++)	/* un-reflect, without the x^w term */
		if (poly_r & (1u << i))
			poly |= UINT64_C(1) << (w - 1 - i);
	for (i = 0; i < e; i++) {
		r <<= 1;
		if (r & (UINT64_C(1) << w))
			r ^= poly | (UINT64_C(1) << w);
	}
	return r;
}

/* A polynomial of degree < w as a 64-bit lane of bit-reflected data: x^d at bit 63 - d. */
static uint64_t
reflect64(uint64_t v, unsigned int w)
{
	uint64_t r = 0;
	unsigned int d;

	for (d = 0; d < w; d++)
		if (v & (UINT64_C(1) << d))
			r |= UINT64_C(1) << (63 - d);
	return r;
}

static void
crc_def_init(struct crc_def *def, uint32_t poly_r, unsigned int w)
{
	unsigned int i, b;

	for (i = 0; i < 256; i++) {
		uint32_t c = i;

		for (b = 0; b < 8; b++)
			c = (c & 1) ? (c >> 1) ^ poly_r : c >> 1;
		def->table[i] = c;
	}
	def->k_lo = reflect64(xpow_mod(191, poly_r, w), w);
	def->k_hi = reflect64(xpow_mod(127, poly_r, w), w);
}

#ifdef NET_CRC_CLMUL
static bool
clmul_available(void)
{
	__builtin_cpu_init();
	return __builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("pclmul");
}

__attribute__((target("sse4.2,pclmul")))
static uint32_t
crc_clmul(const struct crc_def *def, const uint8_t *p, uint32_t len)
{
	__m128i acc, k;
	uint8_t last[16];
	uint32_t reg;

	/* Short buffers: the setup is not worth it. */
	if (len < 32)
		return crc_scalar(def, p, len);
	k = _mm_set_epi64x((long long)def->k_hi, (long long)def->k_lo);
	acc = _mm_loadu_si128((const __m128i *)(const void *)p);
	acc = _mm_xor_si128(acc, _mm_cvtsi32_si128((int)def->init));
	p += 16;
	len -= 16;
	while (len >= 16) {
		__m128i lo = _mm_clmulepi64_si128(acc, k, 0x00);
		__m128i hi = _mm_clmulepi64_si128(acc, k, 0x11);

		acc = _mm_xor_si128(_mm_xor_si128(lo, hi),
			_mm_loadu_si128((const __m128i *)(const void *)p));
		p += 16;
		len -= 16;
	}
	_mm_storeu_si128((__m128i *)(void *)last, acc);
	reg = crc_table(def, 0, last, sizeof(last));
	return crc_table(def, reg, p, len) ^ def->init;
}
#endif

void
rte_net_crc_set_alg(enum rte_net_crc_alg alg)
{
	crc_impl = crc_scalar;
#ifdef NET_CRC_CLMUL
	if ((alg == RTE_NET_CRC_SSE42 || alg == RTE_NET_CRC_AVX512) && clmul_available())
		crc_impl = crc_clmul;
#else
	RTE_SET_USED(alg);
#endif
}

uint32_t
rte_net_crc_calc(const void *data, uint32_t data_len, enum rte_net_crc_type type)
{
	switch (type) {
	case RTE_NET_CRC16_CCITT:
		return crc_impl(&crc16, data, data_len);
	case RTE_NET_CRC32_ETH:
		return crc_impl(&crc32, data, data_len);
	default:
		return 0;
	}
}

RTE_INIT(net_crc_init)
{
	crc_def_init(&crc16, CRC16_POLY_R, 16);
	crc_def_init(&crc32, CRC32_POLY_R, 32);
	/* The fastest this CPU has; SCALAR when nothing better is available. */
	rte_net_crc_set_alg(RTE_NET_CRC_SSE42);
}
