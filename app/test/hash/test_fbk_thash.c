/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Four-byte-key hash (parameter errors, add/update/lookup/delete, full bucket, clear, load
 * factor, registry) and Toeplitz hash (the RSS verification vectors, equal to DPDK 22.11's
 * results for IPv6, and the context registry).
 */
#include "test_eal_main.h"

#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_fbk_hash.h>
#include <rte_ip.h>
#include <rte_thash.h>

static void
test_fbk_errors(void **state)
{
	struct rte_fbk_hash_params p = {
		.name = "fbk_err", .entries = 64, .entries_per_bucket = 4, .socket_id = SOCKET_ID_ANY,
	};
	struct rte_fbk_hash_params bad;
	struct rte_fbk_hash_table *ht;

	(void)state;
	rte_errno = 0;
	assert_null(rte_fbk_hash_create(NULL));
	assert_int_equal(rte_errno, EINVAL);
	bad = p;
	bad.name = NULL;
	assert_null(rte_fbk_hash_create(&bad));
	bad = p;
	bad.entries = RTE_FBK_HASH_ENTRIES_MAX * 2;
	rte_errno = 0;
	assert_null(rte_fbk_hash_create(&bad));
	assert_int_equal(rte_errno, EINVAL);
	bad = p;
	bad.entries = 48; /* not a power of 2 */
	assert_null(rte_fbk_hash_create(&bad));
	bad = p;
	bad.entries_per_bucket = 3;
	assert_null(rte_fbk_hash_create(&bad));
	bad = p;
	bad.entries_per_bucket = 512;
	assert_null(rte_fbk_hash_create(&bad));
	bad = p;
	bad.entries = 2; /* fewer entries than one bucket */
	rte_errno = 0;
	assert_null(rte_fbk_hash_create(&bad));
	assert_int_equal(rte_errno, EINVAL);

	ht = rte_fbk_hash_create(&p);
	assert_non_null(ht);
	rte_errno = 0;
	assert_null(rte_fbk_hash_create(&p));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_fbk_hash_find_existing("fbk_err"), ht);
	rte_errno = 0;
	assert_null(rte_fbk_hash_find_existing("fbk_none"));
	assert_int_equal(rte_errno, ENOENT);
	rte_fbk_hash_free((struct rte_fbk_hash_table *)&bad); /* not a table: refused */
	assert_ptr_equal(rte_fbk_hash_find_existing("fbk_err"), ht);
	rte_errno = 0;
	assert_null(rte_fbk_hash_find_existing(NULL));
	assert_int_equal(rte_errno, ENOENT);
	rte_fbk_hash_free(ht);
	assert_null(rte_fbk_hash_find_existing("fbk_err"));
	rte_fbk_hash_free(NULL);
}

/* Keys below 1000 all land in bucket 0, the others in bucket 1. */
static uint32_t
two_buckets(uint32_t key, uint32_t init_val)
{
	RTE_SET_USED(init_val);
	return key < 1000 ? 0 : 1;
}

static void
test_fbk_ops(void **state)
{
	struct rte_fbk_hash_params p = {
		.name = "fbk", .entries = 8, .entries_per_bucket = 4, .socket_id = SOCKET_ID_ANY,
		.hash_func = two_buckets, .init_val = RTE_FBK_HASH_INIT_VAL_DEFAULT,
	};
	struct rte_fbk_hash_table *ht = rte_fbk_hash_create(&p);
	uint32_t k;

	(void)state;
	assert_non_null(ht);
	assert_int_equal(rte_fbk_hash_get_bucket(ht, 5), 0);
	assert_int_equal(rte_fbk_hash_get_bucket(ht, 5000), 4);
	for (k = 0; k < 4; k++)
		assert_int_equal(rte_fbk_hash_add_key(ht, k, (uint16_t)(k + 10)), 0);
	assert_int_equal(rte_fbk_hash_add_key(ht, 4, 14), -ENOSPC);
	assert_int_equal(rte_fbk_hash_add_key(ht, 2, 22), 0); /* update */
	assert_int_equal(rte_fbk_hash_lookup(ht, 2), 22);
	assert_int_equal(rte_fbk_hash_lookup(ht, 4), -ENOENT);
	assert_int_equal(rte_fbk_hash_add_key(ht, 5000, 0xffff), 0);
	assert_int_equal(rte_fbk_hash_lookup(ht, 5000), 0xffff);
	assert_true(rte_fbk_hash_get_load_factor(ht) == 5.0 / 8.0);

	/* deleting from the middle keeps the others reachable */
	assert_int_equal(rte_fbk_hash_delete_key(ht, 1), 0);
	assert_int_equal(rte_fbk_hash_delete_key(ht, 1), -ENOENT);
	assert_int_equal(rte_fbk_hash_lookup(ht, 1), -ENOENT);
	assert_int_equal(rte_fbk_hash_lookup(ht, 0), 10);
	assert_int_equal(rte_fbk_hash_lookup(ht, 2), 22);
	assert_int_equal(rte_fbk_hash_lookup(ht, 3), 13);
	assert_int_equal(rte_fbk_hash_add_key(ht, 4, 14), 0);
	assert_int_equal(rte_fbk_hash_lookup(ht, 4), 14);
	assert_int_equal(rte_fbk_hash_delete_key(ht, 4), 0); /* the last one */
	assert_int_equal(rte_fbk_hash_lookup(ht, 3), 13);
	assert_int_equal(rte_fbk_hash_delete_key(ht, 999), -ENOENT);

	rte_fbk_hash_clear_all(ht);
	assert_true(rte_fbk_hash_get_load_factor(ht) == 0.0);
	assert_int_equal(rte_fbk_hash_lookup(ht, 0), -ENOENT);
	assert_int_equal(rte_fbk_hash_lookup(ht, 5000), -ENOENT);
	rte_fbk_hash_free(ht);
}

static void
test_fbk_default_hash(void **state)
{
	struct rte_fbk_hash_params p = {
		.name = "fbk_big", .entries = 1 << 16, .entries_per_bucket = 16,
		.socket_id = SOCKET_ID_ANY, .init_val = RTE_FBK_HASH_INIT_VAL_DEFAULT,
	};
	struct rte_fbk_hash_table *ht = rte_fbk_hash_create(&p);
	uint32_t k, added = 0;

	(void)state;
	assert_non_null(ht);
	for (k = 0; k < 10000; k++)
		if (rte_fbk_hash_add_key(ht, k * 7919, (uint16_t)k) == 0)
			added++;
	assert_int_equal(added, 10000); /* 2.4 keys per bucket of 16 on average */
	for (k = 0; k < 10000; k++)
		assert_int_equal(rte_fbk_hash_lookup(ht, k * 7919), (int)(uint16_t)k);
	rte_fbk_hash_free(ht);
}

static uint8_t rss_key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f,
	0xb0, 0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

static void
test_softrss(void **state)
{
	union rte_thash_tuple t;
	struct rte_ipv6_hdr ip6;
	uint8_t kbe[40];
	uint32_t w;
	int i;

	(void)state;
	/* Microsoft's RSS verification suite: 66.9.149.187:2794 -> 161.142.100.80:1766 */
	memset(&t, 0, sizeof(t));
	t.v4.src_addr = RTE_IPV4(66, 9, 149, 187);
	t.v4.dst_addr = RTE_IPV4(161, 142, 100, 80);
	t.v4.sport = 2794;
	t.v4.dport = 1766;
	assert_int_equal(rte_softrss((uint32_t *)&t, RTE_THASH_V4_L3_LEN, rss_key), 0x323e8fc2);
	assert_int_equal(rte_softrss((uint32_t *)&t, RTE_THASH_V4_L4_LEN, rss_key), 0x51ccc178);
	rte_convert_rss_key((const uint32_t *)rss_key, (uint32_t *)kbe, sizeof(kbe));
	assert_int_equal(rte_softrss_be((uint32_t *)&t, RTE_THASH_V4_L4_LEN, kbe), 0x51ccc178);

	/* values printed by DPDK 22.11 for the same IPv6 tuple */
	for (i = 0; i < 16; i++) {
		ip6.src_addr[i] = (uint8_t)(0x30 + i * 3);
		ip6.dst_addr[i] = (uint8_t)(0xf0 - i * 5);
	}
	rte_thash_load_v6_addrs(&ip6, &t);
	memcpy(&w, t.v6.src_addr, sizeof(w));
	assert_int_equal(w, 0x30333639);
	t.v6.sport = 1000;
	t.v6.dport = 2000;
	assert_int_equal(rte_softrss((uint32_t *)&t, RTE_THASH_V6_L3_LEN, rss_key), 0x37a79d8e);
	assert_int_equal(rte_softrss((uint32_t *)&t, RTE_THASH_V6_L4_LEN, rss_key), 0x45566be0);
}

static void
test_thash_ctx(void **state)
{
	struct rte_thash_ctx *ctx, *rnd;

	(void)state;
	assert_int_equal(rte_thash_gfni_supported(), 0);
	rte_errno = 0;
	assert_null(rte_thash_init_ctx(NULL, 40, 7, rss_key, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_thash_init_ctx("th", 0, 7, rss_key, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_thash_init_ctx("th", 40, RTE_THASH_RETA_SZ_MIN - 1, rss_key, 0));
	assert_null(rte_thash_init_ctx("th", 40, RTE_THASH_RETA_SZ_MAX + 1, rss_key, 0));

	ctx = rte_thash_init_ctx("th", 40, 7, rss_key, 0);
	assert_non_null(ctx);
	assert_memory_equal(rte_thash_get_key(ctx), rss_key, sizeof(rss_key));
	assert_null(rte_thash_get_gfni_matrices(ctx));
	rte_errno = 0;
	assert_null(rte_thash_init_ctx("th", 40, 7, rss_key, 0));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_thash_find_existing("th"), ctx);
	rte_errno = 0;
	assert_null(rte_thash_find_existing(NULL));
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_thash_find_existing("th_none"));
	assert_int_equal(rte_errno, ENOENT);
	rnd = rte_thash_init_ctx("th_rand", 40, 7, NULL, 0);
	assert_non_null(rnd);
	assert_memory_not_equal(rte_thash_get_key(rnd), rss_key, sizeof(rss_key));
	rte_thash_free_ctx(ctx);
	rte_thash_free_ctx(rnd);
	rte_thash_free_ctx(NULL);
	assert_null(rte_thash_find_existing("th"));
}

int
main(void)
{
	static const char *const args[] = { "test_fbk_thash", "--no-huge", "-m", "64", "-l", "0",
		"--file-prefix=test_fbk_thash", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fbk_errors),
		cmocka_unit_test(test_fbk_ops),
		cmocka_unit_test(test_fbk_default_hash),
		cmocka_unit_test(test_softrss),
		cmocka_unit_test(test_thash_ctx),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
