/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_bitmap.h: sizes, set/get/clear, slabs, scanning order and wrap-around, all-set start. */
#include "test_common.h"

#include <stdlib.h>

#include <rte_bitmap.h>
#include <rte_common.h>

static struct rte_bitmap *
bitmap_new(uint32_t n_bits, void **mem)
{
	uint32_t size = rte_bitmap_get_memory_footprint(n_bits);

	*mem = aligned_alloc(RTE_CACHE_LINE_SIZE, RTE_ALIGN_CEIL(size, RTE_CACHE_LINE_SIZE));
	assert_non_null(*mem);
	return rte_bitmap_init(n_bits, *mem, size);
}

/* Count the set bits seen by scanning until the first slab comes back. */
static uint32_t
scan_count(struct rte_bitmap *bmp)
{
	uint32_t pos, first = UINT32_MAX, count = 0;
	uint64_t slab;

	while (rte_bitmap_scan(bmp, &pos, &slab)) {
		if (pos == first)
			break;
		if (first == UINT32_MAX)
			first = pos;
		count += (uint32_t)__builtin_popcountll(slab);
	}
	return count;
}

static void
test_footprint(void **state)
{
	/* The sizes DPDK 22.11 gives, so that applications size their memory the same. */
	static const uint32_t sizes[][2] = {
		{ 1, 128 }, { 64, 128 }, { 512, 128 }, { 513, 192 }, { 4096, 576 },
		{ 32768, 4160 }, { 32769, 4224 }, { 100000, 12672 }, { 1u << 20, 131392 },
		{ 4000000, 501120 },
	};
	uint8_t mem[256] __rte_cache_aligned;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(sizes); i++)
		assert_int_equal(rte_bitmap_get_memory_footprint(sizes[i][0]), sizes[i][1]);
	assert_int_equal(rte_bitmap_get_memory_footprint(0), 0);
	assert_null(rte_bitmap_init(0, mem, sizeof(mem)));
	assert_null(rte_bitmap_init(64, NULL, sizeof(mem)));
	assert_null(rte_bitmap_init(64, mem + 8, sizeof(mem) - 8)); /* not aligned */
	assert_null(rte_bitmap_init(2000, mem, sizeof(mem))); /* needs 320 bytes */
	assert_non_null(rte_bitmap_init(64, mem, sizeof(mem)));
	assert_int_equal(rte_bitmap_free(NULL), -EINVAL);
}

static void
test_set_get_clear(void **state)
{
	static const uint32_t bits[] = { 0, 1, 63, 64, 511, 512, 4095, 70000, 99999 };
	struct rte_bitmap *bmp;
	uint32_t pos;
	uint64_t slab;
	unsigned int i;
	void *mem;

	(void)state;
	bmp = bitmap_new(100000, &mem);
	assert_non_null(bmp);
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 0);
	for (i = 0; i < RTE_DIM(bits); i++) {
		assert_int_equal(rte_bitmap_get(bmp, bits[i]), 0);
		rte_bitmap_set(bmp, bits[i]);
		assert_true(rte_bitmap_get(bmp, bits[i]) != 0);
		rte_bitmap_prefetch0(bmp, bits[i]);
	}
	assert_int_equal(rte_bitmap_get(bmp, 2), 0);
	assert_int_equal(scan_count(bmp), RTE_DIM(bits));
	for (i = 0; i < RTE_DIM(bits); i++) {
		rte_bitmap_clear(bmp, bits[i]);
		assert_int_equal(rte_bitmap_get(bmp, bits[i]), 0);
	}
	/* Every line emptied: nothing left to find, level 1 included. */
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 0);
	for (i = 0; i < bmp->array1_size; i++)
		assert_true(bmp->array1[i] == 0);

	rte_bitmap_set_slab(bmp, 130, UINT64_C(0xf0));
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 1);
	assert_int_equal(pos, 128);
	assert_true(slab == 0xf0);
	assert_true(rte_bitmap_get(bmp, 132) != 0);
	rte_bitmap_reset(bmp);
	assert_int_equal(rte_bitmap_get(bmp, 132), 0);
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 0);
	free(mem);
}

static void
test_scan_order(void **state)
{
	struct rte_bitmap *bmp;
	uint32_t pos;
	uint64_t slab;
	void *mem;

	(void)state;
	bmp = bitmap_new(1u << 16, &mem);
	rte_bitmap_set(bmp, 5);
	rte_bitmap_set(bmp, 600);
	rte_bitmap_set(bmp, 601);
	rte_bitmap_set(bmp, 60000);
	/* Slabs come in increasing order, then round again. */
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 1);
	assert_int_equal(pos, 0);
	assert_true(slab == UINT64_C(1) << 5);
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 1);
	assert_int_equal(pos, 576);
	assert_true(slab == (UINT64_C(3) << 24));
	/* A bit set behind the scan is found on the next round; one ahead on this one. */
	rte_bitmap_set(bmp, 3);
	rte_bitmap_set(bmp, 30000);
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 1);
	assert_int_equal(pos, 29952);
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 1);
	assert_int_equal(pos, 59968);
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 1);
	assert_int_equal(pos, 0);
	assert_true(slab == ((UINT64_C(1) << 5) | (UINT64_C(1) << 3)));
	/* Clearing the slab the scan stands on does not lose the others. */
	rte_bitmap_clear(bmp, 3);
	rte_bitmap_clear(bmp, 5);
	assert_int_equal(rte_bitmap_scan(bmp, &pos, &slab), 1);
	assert_int_equal(pos, 576);
	free(mem);
}

static void
test_all_set(void **state)
{
	static const uint32_t sizes[] = { 1, 63, 64, 65, 512, 513, 4096, 100000 };
	struct rte_bitmap *bmp;
	unsigned int i;
	uint32_t size;
	void *mem;

	(void)state;
	for (i = 0; i < RTE_DIM(sizes); i++) {
		size = rte_bitmap_get_memory_footprint(sizes[i]);
		mem = aligned_alloc(RTE_CACHE_LINE_SIZE, size);
		assert_non_null(mem);
		bmp = rte_bitmap_init_with_all_set(sizes[i], mem, size);
		assert_non_null(bmp);
		assert_true(rte_bitmap_get(bmp, 0) != 0);
		assert_true(rte_bitmap_get(bmp, sizes[i] - 1) != 0);
		/* Exactly n bits: none of the padding after the last one. */
		assert_int_equal(scan_count(bmp), sizes[i]);
		assert_int_equal(rte_bitmap_free(bmp), 0);
		free(mem);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_footprint),
		cmocka_unit_test(test_set_get_clear),
		cmocka_unit_test(test_scan_order),
		cmocka_unit_test(test_all_set),
	};

	return cmocka_run_group_tests_name("eal_bitmap", tests, NULL, NULL);
}
