/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * jhash and CRC32C hash functions: every result equals DPDK 22.11's for the same input
 * (hash_ref_vectors.h), for every length 0..64, several seeds, unaligned keys, and each
 * CRC algorithm this CPU offers.
 */
#include "test_common.h"

#include <rte_common.h>
#include <rte_hash_crc.h>
#include <rte_jhash.h>

#include "hash_ref_vectors.h"

static const uint32_t seeds[3] = { 0, 0xdeadbeef, 0x12345678 };
static uint8_t buf[80];

static void
fill_buf(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 37 + 11);
}

static void
test_jhash_vectors(void **state)
{
	unsigned int s, len;

	(void)state;
	fill_buf();
	for (s = 0; s < RTE_DIM(seeds); s++)
		for (len = 0; len <= 64; len++)
			assert_int_equal(rte_jhash(buf + 1, len, seeds[s]), ref_jhash[s][len]);
}

static void
test_jhash_variants(void **state)
{
	uint32_t words[7];
	uint32_t pc = 1, pb = 2;

	(void)state;
	fill_buf();
	rte_jhash_2hashes(buf, 23, &pc, &pb);
	assert_int_equal(pc, ref_2hashes[0]);
	assert_int_equal(pb, ref_2hashes[1]);
	memcpy(words, buf + 16, sizeof(words));
	pc = 3;
	pb = 4;
	rte_jhash_32b_2hashes(words, 5, &pc, &pb);
	assert_int_equal(pc, ref_32b_2hashes[0]);
	assert_int_equal(pb, ref_32b_2hashes[1]);
	assert_int_equal(rte_jhash_32b(words, 7, 9), ref_32b);
	assert_int_equal(rte_jhash_1word(0x01020304, 7), ref_words[0]);
	assert_int_equal(rte_jhash_2words(0x01020304, 0xa0b0c0d0, 7), ref_words[1]);
	assert_int_equal(rte_jhash_3words(0x01020304, 0xa0b0c0d0, 0x55aa55aa, 7), ref_words[2]);
	/* the word helpers are shortcuts for rte_jhash_32b on the same words */
	words[0] = 0x01020304;
	words[1] = 0xa0b0c0d0;
	words[2] = 0x55aa55aa;
	assert_int_equal(rte_jhash_32b(words, 3, 7), ref_words[2]);
	assert_int_equal(rte_jhash_32b(words, 1, 7), ref_words[0]);
}

static void
check_crc_vectors(void)
{
	unsigned int s, len;

	for (s = 0; s < RTE_DIM(seeds); s++)
		for (len = 0; len <= 64; len++)
			assert_int_equal(rte_hash_crc(buf + 3, len, seeds[s]), ref_crc[s][len]);
	assert_int_equal(rte_hash_crc_1byte(0xa5, 0xffffffff), ref_crc_n[0]);
	assert_int_equal(rte_hash_crc_2byte(0xa55a, 0xffffffff), ref_crc_n[1]);
	assert_int_equal(rte_hash_crc_4byte(0xa55a1234, 0xffffffff), ref_crc_n[2]);
	assert_int_equal(rte_hash_crc_8byte(0x0123456789abcdefULL, 0xffffffff), ref_crc_n[3]);
	assert_int_equal(rte_hash_crc(buf, 64, 5), ref_crc_sw64);
}

static void
test_crc_vectors_each_alg(void **state)
{
	static const uint8_t algs[] = { CRC32_SW, CRC32_SSE42, CRC32_SSE42_x64, CRC32_ARM64 };
	unsigned int i;

	(void)state;
	fill_buf();
	for (i = 0; i < RTE_DIM(algs); i++) {
		rte_hash_crc_set_alg(algs[i]);
		check_crc_vectors();
	}
	rte_hash_crc_set_alg(CRC32_SW);
	assert_int_equal(crc32_alg, CRC32_SW);
#ifdef RTE_ARCH_X86_64
	rte_hash_crc_set_alg(CRC32_SSE42_x64);
	if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_2) > 0)
		assert_int_equal(crc32_alg, CRC32_SSE42_x64);
#endif
}

/* The well-known CRC-32C check value, once the usual inversions are applied around it. */
static void
test_crc_check_value(void **state)
{
	(void)state;
	assert_int_equal(~rte_hash_crc("123456789", 9, 0xffffffff), 0xe3069283);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jhash_vectors),
		cmocka_unit_test(test_jhash_variants),
		cmocka_unit_test(test_crc_vectors_each_alg),
		cmocka_unit_test(test_crc_check_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
