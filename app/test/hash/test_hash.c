/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_hash: parameter errors, add/lookup/delete with positions and data, duplicate keys,
 * 1M keys, a full table (-ENOSPC) and extendable buckets letting it grow, iteration, bulk
 * lookups with hit masks, reset, positions kept after delete (NO_FREE_ON_DEL / lock-free),
 * RCU reclamation, and a lock-free reader on another lcore while a writer adds and deletes.
 */
#include "test_eal_main.h"

#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_hash.h>
#include <rte_hash_crc.h>
#include <rte_jhash.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_rcu_qsbr.h>

struct key16 {
	uint32_t w[4];
};

static struct key16
mk(uint32_t i)
{
	struct key16 k = { { i, ~i, i * 2654435761u, 0x5a5a0000 | (i & 0xffff) } };

	return k;
}

static struct rte_hash *
make(const char *name, uint32_t entries, uint8_t flags, rte_hash_function f)
{
	struct rte_hash_parameters p = {
		.name = name,
		.entries = entries,
		.key_len = sizeof(struct key16),
		.hash_func = f,
		.socket_id = SOCKET_ID_ANY,
		.extra_flag = flags,
	};
	struct rte_hash *h = rte_hash_create(&p);

	assert_non_null(h);
	return h;
}

static void
test_create_errors(void **state)
{
	struct rte_hash_parameters p = {
		.name = "err", .entries = 64, .key_len = 4, .socket_id = SOCKET_ID_ANY,
	};
	struct rte_hash_parameters bad;
	struct rte_hash *h, *h2;

	(void)state;
	rte_errno = 0;
	assert_null(rte_hash_create(NULL));
	assert_int_equal(rte_errno, EINVAL);
	bad = p;
	bad.name = NULL;
	rte_errno = 0;
	assert_null(rte_hash_create(&bad));
	assert_int_equal(rte_errno, EINVAL);
	bad = p;
	bad.entries = 7;
	rte_errno = 0;
	assert_null(rte_hash_create(&bad));
	assert_int_equal(rte_errno, EINVAL);
	bad.entries = RTE_HASH_ENTRIES_MAX + 1;
	rte_errno = 0;
	assert_null(rte_hash_create(&bad));
	assert_int_equal(rte_errno, EINVAL);
	bad = p;
	bad.key_len = 0;
	rte_errno = 0;
	assert_null(rte_hash_create(&bad));
	assert_int_equal(rte_errno, EINVAL);
	bad = p;
	bad.extra_flag = RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY |
		RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF;
	rte_errno = 0;
	assert_null(rte_hash_create(&bad));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_hash_find_existing("err"));

	h = rte_hash_create(&p);
	assert_non_null(h);
	assert_ptr_equal(rte_hash_find_existing("err"), h);
	rte_errno = 0;
	assert_null(rte_hash_create(&p));
	assert_int_equal(rte_errno, EEXIST);
	rte_errno = 0;
	assert_null(rte_hash_find_existing("nope"));
	assert_int_equal(rte_errno, ENOENT);
	/* default hash function on x86 and Arm is CRC32C, as DPDK's */
	h2 = rte_hash_find_existing("err");
	assert_int_equal(rte_hash_hash(h2, "abcd"), rte_hash_crc("abcd", 4, 0));
	/* a pointer that is not a table is refused, the real one stays registered */
	rte_hash_free((struct rte_hash *)&bad);
	assert_ptr_equal(rte_hash_find_existing("err"), h);
	rte_errno = 0;
	assert_null(rte_hash_find_existing(NULL));
	assert_int_equal(rte_errno, ENOENT);
	rte_hash_free(h);
	assert_null(rte_hash_find_existing("err"));
	rte_hash_free(NULL);
	rte_hash_reset(NULL);
	rte_hash_set_cmp_func(NULL, NULL);
}

static void
test_null_args(void **state)
{
	struct rte_hash *h = make("nullargs", 64, 0, rte_jhash);
	struct key16 k = mk(1);
	const void *keys[1] = { &k };
	hash_sig_t sig = 0;
	int32_t pos[1];
	uint64_t mask;
	void *data[1], *d, *kp;
	const void *ck;
	uint32_t next = 0;

	(void)state;
	assert_int_equal(rte_hash_add_key(NULL, &k), -EINVAL);
	assert_int_equal(rte_hash_add_key(h, NULL), -EINVAL);
	assert_int_equal(rte_hash_add_key_with_hash(NULL, &k, 0), -EINVAL);
	assert_int_equal(rte_hash_add_key_with_hash(h, NULL, 0), -EINVAL);
	assert_int_equal(rte_hash_add_key_data(NULL, &k, NULL), -EINVAL);
	assert_int_equal(rte_hash_add_key_data(h, NULL, NULL), -EINVAL);
	assert_int_equal(rte_hash_add_key_with_hash_data(NULL, &k, 0, NULL), -EINVAL);
	assert_int_equal(rte_hash_add_key_with_hash_data(h, NULL, 0, NULL), -EINVAL);
	assert_int_equal(rte_hash_del_key(NULL, &k), -EINVAL);
	assert_int_equal(rte_hash_del_key(h, NULL), -EINVAL);
	assert_int_equal(rte_hash_del_key_with_hash(NULL, &k, 0), -EINVAL);
	assert_int_equal(rte_hash_del_key_with_hash(h, NULL, 0), -EINVAL);
	assert_int_equal(rte_hash_lookup(NULL, &k), -EINVAL);
	assert_int_equal(rte_hash_lookup(h, NULL), -EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash(NULL, &k, 0), -EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash(h, NULL, 0), -EINVAL);
	assert_int_equal(rte_hash_lookup_data(NULL, &k, &d), -EINVAL);
	assert_int_equal(rte_hash_lookup_data(h, NULL, &d), -EINVAL);
	assert_int_equal(rte_hash_lookup_data(h, &k, NULL), -EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash_data(NULL, &k, 0, &d), -EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash_data(h, NULL, 0, &d), -EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash_data(h, &k, 0, NULL), -EINVAL);
	assert_int_equal(rte_hash_lookup_bulk(NULL, keys, 1, pos), -EINVAL);
	assert_int_equal(rte_hash_lookup_bulk(h, NULL, 1, pos), -EINVAL);
	assert_int_equal(rte_hash_lookup_bulk(h, keys, 0, pos), -EINVAL);
	assert_int_equal(rte_hash_lookup_bulk(h, keys, RTE_HASH_LOOKUP_BULK_MAX + 1, pos),
		-EINVAL);
	assert_int_equal(rte_hash_lookup_bulk(h, keys, 1, NULL), -EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash_bulk(NULL, keys, &sig, 1, pos), -EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash_bulk(h, keys, NULL, 1, pos), -EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash_bulk(h, keys, &sig, 0, pos), -EINVAL);
	assert_int_equal(rte_hash_lookup_bulk_data(NULL, keys, 1, &mask, data), -EINVAL);
	assert_int_equal(rte_hash_lookup_bulk_data(h, keys, 1, NULL, data), -EINVAL);
	assert_int_equal(rte_hash_lookup_bulk_data(h, keys, 1, &mask, NULL), -EINVAL);
	assert_int_equal(rte_hash_lookup_bulk_data(h, keys, 65, &mask, data), -EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash_bulk_data(NULL, keys, &sig, 1, &mask, data),
		-EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash_bulk_data(h, keys, NULL, 1, &mask, data),
		-EINVAL);
	assert_int_equal(rte_hash_lookup_with_hash_bulk_data(h, keys, &sig, 1, NULL, data),
		-EINVAL);
	assert_int_equal(rte_hash_count(NULL), -EINVAL);
	assert_int_equal(rte_hash_max_key_id(NULL), -EINVAL);
	assert_int_equal(rte_hash_iterate(NULL, &ck, &d, &next), -EINVAL);
	assert_int_equal(rte_hash_iterate(h, NULL, &d, &next), -EINVAL);
	assert_int_equal(rte_hash_iterate(h, &ck, NULL, &next), -EINVAL);
	assert_int_equal(rte_hash_iterate(h, &ck, &d, NULL), -EINVAL);
	assert_int_equal(rte_hash_get_key_with_position(NULL, 0, &kp), -EINVAL);
	assert_int_equal(rte_hash_get_key_with_position(h, 0, NULL), -EINVAL);
	assert_int_equal(rte_hash_get_key_with_position(h, -1, &kp), -EINVAL);
	assert_int_equal(rte_hash_get_key_with_position(h, 64, &kp), -EINVAL);
	assert_int_equal(rte_hash_free_key_with_position(NULL, 0), -EINVAL);
	assert_int_equal(rte_hash_free_key_with_position(h, -1), -EINVAL);
	assert_int_equal(rte_hash_free_key_with_position(h, 64), -EINVAL);
	/* nothing is allocated, so nothing can be freed */
	assert_int_equal(rte_hash_free_key_with_position(h, 0), -EINVAL);
	assert_int_equal(rte_hash_count(h), 0);
	rte_hash_free(h);
}

static void
test_basic(void **state)
{
	struct rte_hash *h = make("basic", 128, 0, NULL);
	struct key16 k1 = mk(1), k2 = mk(2), k3 = mk(3);
	void *d, *kp;
	int32_t p1, p2;

	(void)state;
	assert_int_equal(rte_hash_max_key_id(h), 128);
	p1 = rte_hash_add_key(h, &k1);
	assert_int_equal(p1, 0); /* positions are handed out in order, from 0 */
	p2 = rte_hash_add_key_with_hash(h, &k2, rte_hash_hash(h, &k2));
	assert_int_equal(p2, 1);
	assert_int_equal(rte_hash_add_key(h, &k1), p1); /* same key, same position */
	assert_int_equal(rte_hash_count(h), 2);
	assert_int_equal(rte_hash_lookup(h, &k1), p1);
	assert_int_equal(rte_hash_lookup_with_hash(h, &k2, rte_hash_hash(h, &k2)), p2);
	assert_int_equal(rte_hash_lookup(h, &k3), -ENOENT);
	/* a wrong signature means the key is looked for in the wrong buckets */
	assert_int_equal(rte_hash_lookup_with_hash(h, &k2, rte_hash_hash(h, &k2) ^ 0x3), -ENOENT);

	assert_int_equal(rte_hash_add_key_data(h, &k3, (void *)0x33), 0);
	assert_int_equal(rte_hash_lookup_data(h, &k3, &d), 2);
	assert_ptr_equal(d, (void *)0x33);
	/* duplicate key: the data is replaced, the position stays */
	assert_int_equal(rte_hash_add_key_with_hash_data(h, &k3, rte_hash_hash(h, &k3),
		(void *)0x34), 0);
	assert_int_equal(rte_hash_lookup_with_hash_data(h, &k3, rte_hash_hash(h, &k3), &d), 2);
	assert_ptr_equal(d, (void *)0x34);
	assert_int_equal(rte_hash_count(h), 3);

	assert_int_equal(rte_hash_get_key_with_position(h, p2, &kp), 0);
	assert_memory_equal(kp, &k2, sizeof(k2));
	assert_int_equal(rte_hash_get_key_with_position(h, 10, &kp), -ENOENT);

	assert_int_equal(rte_hash_del_key(h, &k1), p1);
	assert_int_equal(rte_hash_del_key(h, &k1), -ENOENT);
	assert_int_equal(rte_hash_lookup(h, &k1), -ENOENT);
	assert_int_equal(rte_hash_get_key_with_position(h, p1, &kp), -ENOENT);
	assert_int_equal(rte_hash_del_key_with_hash(h, &k2, rte_hash_hash(h, &k2)), p2);
	assert_int_equal(rte_hash_count(h), 1);
	assert_int_equal(rte_hash_lookup(h, &k3), 2);

	rte_hash_reset(h);
	assert_int_equal(rte_hash_count(h), 0);
	assert_int_equal(rte_hash_lookup(h, &k3), -ENOENT);
	assert_int_equal(rte_hash_add_key(h, &k3), 0);
	rte_hash_free(h);
}

static int
cmp_first_word(const void *a, const void *b, size_t len)
{
	RTE_SET_USED(len);
	return memcmp(a, b, sizeof(uint32_t));
}

static uint32_t
hash_first_word(const void *key, uint32_t len, uint32_t init)
{
	RTE_SET_USED(len);
	return rte_jhash(key, 4, init);
}

static void
test_cmp_func(void **state)
{
	struct rte_hash *h = make("cmpf", 64, 0, hash_first_word);
	struct key16 a = mk(7), b = mk(7);

	(void)state;
	b.w[3] ^= 1;
	assert_int_equal(rte_hash_add_key(h, &a), 0);
	assert_int_equal(rte_hash_lookup(h, &b), -ENOENT);
	rte_hash_set_cmp_func(h, cmp_first_word);
	assert_int_equal(rte_hash_lookup(h, &b), 0);
	rte_hash_set_cmp_func(h, NULL); /* back to whole-key comparison */
	assert_int_equal(rte_hash_lookup(h, &b), -ENOENT);
	rte_hash_free(h);
}

#define MANY (1u << 20)

static void
test_million(void **state)
{
	struct rte_hash *h = make("million", MANY,
		RTE_HASH_EXTRA_FLAGS_EXT_TABLE, NULL);
	uint32_t i;
	int32_t pos;

	(void)state;
	for (i = 0; i < MANY; i++) {
		struct key16 k = mk(i);

		pos = rte_hash_add_key_data(h, &k, (void *)(uintptr_t)(i + 1));
		if (pos != 0)
			fail_msg("add of key %u: %d", i, pos);
	}
	assert_int_equal(rte_hash_count(h), MANY);
	for (i = 0; i < MANY; i++) {
		struct key16 k = mk(i);
		void *d;

		pos = rte_hash_lookup_data(h, &k, &d);
		if (pos < 0 || d != (void *)(uintptr_t)(i + 1))
			fail_msg("lookup of key %u: %d", i, pos);
	}
	for (i = 0; i < MANY; i += 2) {
		struct key16 k = mk(i);

		if (rte_hash_del_key(h, &k) < 0)
			fail_msg("delete of key %u", i);
	}
	assert_int_equal(rte_hash_count(h), MANY / 2);
	for (i = 0; i < MANY; i++) {
		struct key16 k = mk(i);

		pos = rte_hash_lookup(h, &k);
		if ((i & 1) ? pos < 0 : pos != -ENOENT)
			fail_msg("lookup after delete of key %u: %d", i, pos);
	}
	rte_hash_free(h);
}

/* Every key gets the same two buckets: 0 and 1. */
static uint32_t
hash_two_buckets(const void *key, uint32_t len, uint32_t init)
{
	RTE_SET_USED(key);
	RTE_SET_USED(len);
	RTE_SET_USED(init);
	return 0x00010000;
}

static void
test_full_then_ext(void **state)
{
	struct rte_hash *h = make("full", 64, 0, hash_two_buckets);
	uint32_t i;

	(void)state;
	for (i = 0; i < 16; i++) {
		struct key16 k = mk(i);

		assert_true(rte_hash_add_key(h, &k) >= 0);
	}
	for (i = 16; i < 20; i++) {
		struct key16 k = mk(i);

		assert_int_equal(rte_hash_add_key(h, &k), -ENOSPC);
	}
	assert_int_equal(rte_hash_count(h), 16);
	for (i = 0; i < 16; i++) {
		struct key16 k = mk(i);

		assert_true(rte_hash_lookup(h, &k) >= 0);
	}
	rte_hash_free(h);

	/* extendable buckets: the same keys all fit, up to the table's size */
	h = make("full_ext", 64, RTE_HASH_EXTRA_FLAGS_EXT_TABLE, hash_two_buckets);
	for (i = 0; i < 64; i++) {
		struct key16 k = mk(i);

		assert_true(rte_hash_add_key(h, &k) >= 0);
	}
	{
		struct key16 k = mk(64);

		assert_int_equal(rte_hash_add_key(h, &k), -ENOSPC);
	}
	for (i = 0; i < 64; i++) {
		struct key16 k = mk(i);

		assert_true(rte_hash_lookup(h, &k) >= 0);
	}
	/* empty the chained buckets and fill them again: they are recycled */
	for (i = 16; i < 64; i++) {
		struct key16 k = mk(i);

		assert_true(rte_hash_del_key(h, &k) >= 0);
	}
	for (i = 100; i < 148; i++) {
		struct key16 k = mk(i);

		assert_true(rte_hash_add_key(h, &k) >= 0);
	}
	assert_int_equal(rte_hash_count(h), 64);
	rte_hash_free(h);
}

static void
test_iterate(void **state)
{
	struct rte_hash *h = make("iter", 4096, RTE_HASH_EXTRA_FLAGS_EXT_TABLE, NULL);
	static uint8_t seen[3000];
	const void *key;
	void *data;
	uint32_t next = 0, i, n = 0;
	int32_t pos;

	(void)state;
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < 3000; i++) {
		struct key16 k = mk(i);

		assert_int_equal(rte_hash_add_key_data(h, &k, (void *)(uintptr_t)i), 0);
	}
	for (i = 0; i < 3000; i += 3) {
		struct key16 k = mk(i);

		assert_true(rte_hash_del_key(h, &k) >= 0);
	}
	while ((pos = rte_hash_iterate(h, &key, &data, &next)) >= 0) {
		uint32_t id = (uint32_t)(uintptr_t)data;
		struct key16 k = mk(id);

		assert_true(id < 3000);
		assert_int_not_equal(id % 3, 0);
		assert_memory_equal(key, &k, sizeof(k));
		assert_int_equal(rte_hash_lookup(h, key), pos);
		assert_int_equal(seen[id], 0);
		seen[id] = 1;
		n++;
	}
	assert_int_equal(pos, -ENOENT);
	assert_int_equal(n, 2000);
	assert_int_equal(rte_hash_iterate(h, &key, &data, &next), -ENOENT);
	rte_hash_free(h);
}

static void
test_bulk(void **state)
{
	struct rte_hash *h = make("bulk", 1024, 0, NULL);
	struct key16 keys[RTE_HASH_LOOKUP_BULK_MAX];
	const void *kp[RTE_HASH_LOOKUP_BULK_MAX];
	hash_sig_t sigs[RTE_HASH_LOOKUP_BULK_MAX];
	int32_t pos[RTE_HASH_LOOKUP_BULK_MAX], added[RTE_HASH_LOOKUP_BULK_MAX];
	void *data[RTE_HASH_LOOKUP_BULK_MAX];
	uint64_t mask, expect = 0;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_HASH_LOOKUP_BULK_MAX; i++) {
		keys[i] = mk(i * 7);
		kp[i] = &keys[i];
		sigs[i] = rte_hash_hash(h, &keys[i]);
		added[i] = -ENOENT;
		if (i % 3 == 1) {
			added[i] = rte_hash_add_key_data(h, &keys[i], (void *)(uintptr_t)(i + 100));
			assert_int_equal(added[i], 0);
			added[i] = rte_hash_lookup(h, &keys[i]);
			expect |= UINT64_C(1) << i;
		}
	}
	assert_int_equal(rte_hash_lookup_bulk(h, kp, RTE_HASH_LOOKUP_BULK_MAX, pos), 0);
	for (i = 0; i < RTE_HASH_LOOKUP_BULK_MAX; i++)
		assert_int_equal(pos[i], added[i]);
	memset(pos, 0, sizeof(pos));
	assert_int_equal(rte_hash_lookup_with_hash_bulk(h, kp, sigs, RTE_HASH_LOOKUP_BULK_MAX,
		pos), 0);
	for (i = 0; i < RTE_HASH_LOOKUP_BULK_MAX; i++)
		assert_int_equal(pos[i], added[i]);

	assert_int_equal(rte_hash_lookup_bulk_data(h, kp, RTE_HASH_LOOKUP_BULK_MAX, &mask, data),
		__builtin_popcountll(expect));
	assert_int_equal(mask, expect);
	for (i = 0; i < RTE_HASH_LOOKUP_BULK_MAX; i++)
		if (mask & (UINT64_C(1) << i))
			assert_ptr_equal(data[i], (void *)(uintptr_t)(i + 100));
	mask = 0;
	assert_int_equal(rte_hash_lookup_with_hash_bulk_data(h, kp, sigs, 10, &mask, data), 3);
	assert_int_equal(mask, expect & 0x3ff);
	rte_hash_free(h);
}

static void
test_no_free_on_del(void **state)
{
	struct rte_hash *h = make("nofree", 8, RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF, NULL);
	uint32_t i;
	int32_t pos;
	void *kp;

	(void)state;
	for (i = 0; i < 8; i++) {
		struct key16 k = mk(i);

		assert_int_equal(rte_hash_add_key(h, &k), (int32_t)i);
	}
	{
		struct key16 k = mk(3), k9 = mk(9);

		pos = rte_hash_del_key(h, &k);
		assert_int_equal(pos, 3);
		/* the position stays taken until it is freed: readers may still use it */
		assert_int_equal(rte_hash_count(h), 8);
		assert_int_equal(rte_hash_add_key(h, &k9), -ENOSPC);
		assert_int_equal(rte_hash_get_key_with_position(h, pos, &kp), -ENOENT);
		assert_int_equal(rte_hash_free_key_with_position(h, pos), 0);
		assert_int_equal(rte_hash_count(h), 7);
		assert_int_equal(rte_hash_add_key(h, &k9), 3);
	}
	rte_hash_free(h);

	h = make("nofree2", 16, RTE_HASH_EXTRA_FLAGS_NO_FREE_ON_DEL |
		RTE_HASH_EXTRA_FLAGS_MULTI_WRITER_ADD | RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY, NULL);
	{
		struct key16 k = mk(1);

		assert_int_equal(rte_hash_add_key(h, &k), 0);
		assert_int_equal(rte_hash_del_key(h, &k), 0);
		assert_int_equal(rte_hash_count(h), 1);
		assert_int_equal(rte_hash_free_key_with_position(h, 0), 0);
		assert_int_equal(rte_hash_count(h), 0);
	}
	rte_hash_free(h);
}

static unsigned int freed_count;
static void *freed_last;

static void
free_data_cb(void *p, void *key_data)
{
	assert_ptr_equal(p, &freed_count);
	freed_count++;
	freed_last = key_data;
}

static struct rte_rcu_qsbr *
make_qsbr(unsigned int threads)
{
	size_t sz = rte_rcu_qsbr_get_memsize(threads);
	struct rte_rcu_qsbr *v = rte_zmalloc("qsbr", sz, RTE_CACHE_LINE_SIZE);

	assert_non_null(v);
	assert_int_equal(rte_rcu_qsbr_init(v, threads), 0);
	return v;
}

static void
test_rcu(void **state)
{
	struct rte_hash *h = make("rcu", 16, RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF, NULL);
	struct rte_rcu_qsbr *v = make_qsbr(2);
	struct rte_hash_rcu_config cfg = {
		.v = v, .mode = RTE_HASH_QSBR_MODE_DQ,
		.key_data_ptr = &freed_count, .free_key_data_func = free_data_cb,
	};
	struct key16 k = mk(5);
	uint32_t i;

	(void)state;
	rte_errno = 0;
	assert_int_equal(rte_hash_rcu_qsbr_add(NULL, &cfg), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_hash_rcu_qsbr_add(h, NULL), 1);
	assert_int_equal(rte_errno, EINVAL);
	cfg.v = NULL;
	rte_errno = 0;
	assert_int_equal(rte_hash_rcu_qsbr_add(h, &cfg), 1);
	assert_int_equal(rte_errno, EINVAL);
	cfg.v = v;
	cfg.mode = (enum rte_hash_qsbr_mode)7;
	rte_errno = 0;
	assert_int_equal(rte_hash_rcu_qsbr_add(h, &cfg), 1);
	assert_int_equal(rte_errno, EINVAL);
	cfg.mode = RTE_HASH_QSBR_MODE_DQ;
	assert_int_equal(rte_hash_rcu_qsbr_add(h, &cfg), 0);
	rte_errno = 0;
	assert_int_equal(rte_hash_rcu_qsbr_add(h, &cfg), 1);
	assert_int_equal(rte_errno, EEXIST);

	/* a registered, online reader that has not reported keeps deleted entries alive */
	assert_int_equal(rte_rcu_qsbr_thread_register(v, 0), 0);
	rte_rcu_qsbr_thread_online(v, 0);
	freed_count = 0;
	assert_int_equal(rte_hash_add_key_data(h, &k, (void *)0x55), 0);
	assert_int_equal(rte_hash_del_key(h, &k), 0);
	assert_int_equal(rte_hash_count(h), 1);
	assert_int_equal(freed_count, 0);
	rte_rcu_qsbr_quiescent(v, 0);
	/* a full table reclaims before refusing a key */
	for (i = 0; i < 16; i++) {
		struct key16 kk = mk(100 + i);

		assert_true(rte_hash_add_key(h, &kk) >= 0);
	}
	assert_int_equal(freed_count, 1);
	assert_ptr_equal(freed_last, (void *)0x55);
	rte_rcu_qsbr_thread_offline(v, 0);
	rte_rcu_qsbr_thread_unregister(v, 0);
	rte_hash_reset(h);
	assert_int_equal(rte_hash_count(h), 0);
	rte_hash_free(h);

	/* blocking mode: with no reader online, a delete frees at once */
	h = make("rcu_sync", 16, RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF, NULL);
	cfg.mode = RTE_HASH_QSBR_MODE_SYNC;
	assert_int_equal(rte_hash_rcu_qsbr_add(h, &cfg), 0);
	freed_count = 0;
	assert_int_equal(rte_hash_add_key_data(h, &k, (void *)0x66), 0);
	assert_int_equal(rte_hash_del_key(h, &k), 0);
	assert_int_equal(freed_count, 1);
	assert_int_equal(rte_hash_count(h), 0);
	rte_hash_free(h);

	/*
	 * A defer queue of 1 while a reader holds everything: the second delete finds the queue
	 * full and waits for the reader itself (here: nobody online any more by then).
	 */
	h = make("rcu_small", 16, RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF, NULL);
	cfg.mode = RTE_HASH_QSBR_MODE_DQ;
	cfg.dq_size = 1;
	cfg.trigger_reclaim_limit = 16; /* never reclaim on enqueue */
	assert_int_equal(rte_hash_rcu_qsbr_add(h, &cfg), 0);
	freed_count = 0;
	for (i = 0; i < 4; i++) {
		struct key16 kk = mk(200 + i);

		assert_int_equal(rte_hash_add_key_data(h, &kk, (void *)(uintptr_t)(i + 1)), 0);
	}
	for (i = 0; i < 4; i++) {
		struct key16 kk = mk(200 + i);

		assert_true(rte_hash_del_key(h, &kk) >= 0);
	}
	/* at most one delete waits in the queue; the others were freed at once */
	assert_true(freed_count >= 3);
	rte_hash_reset(h); /* reclaims what is left in the queue */
	assert_int_equal(freed_count, 4);
	assert_int_equal(rte_hash_count(h), 0);
	rte_hash_free(h);
	rte_free(v);
}

/*
 * Lock-free reader on a worker lcore: the stable keys must always be found with their data,
 * the absent keys never, while the writer keeps adding and deleting other keys in a table
 * full enough for keys to be moved between buckets.
 */
#define LF_ENTRIES 64
#define LF_STABLE 32
#define LF_CHURN 24
#define LF_ROUNDS 20000

static struct rte_hash *lf_h;
static struct rte_rcu_qsbr *lf_v;
static volatile int lf_stop;
static unsigned long lf_errors, lf_lookups;

static struct key16
lf_key(uint32_t i, int stable)
{
	struct key16 k = mk(i);

	/* first and last bytes tell the kinds apart, even in a half-written key */
	k.w[0] = (k.w[0] & ~0xffu) | (stable ? 0xaa : 0x55);
	k.w[3] = (k.w[3] & 0x00ffffffu) | (stable ? 0xaa000000u : 0x55000000u);
	return k;
}

static int
lf_reader(void *arg)
{
	unsigned int id = rte_lcore_id();
	uint32_t i = 0;

	RTE_SET_USED(arg);
	rte_rcu_qsbr_thread_register(lf_v, 1);
	rte_rcu_qsbr_thread_online(lf_v, 1);
	RTE_SET_USED(id);
	while (!lf_stop) {
		struct key16 k = lf_key(i % LF_STABLE, 1);
		struct key16 absent = lf_key(i % LF_STABLE + LF_STABLE, 1);
		void *d = NULL;

		if (rte_hash_lookup_data(lf_h, &k, &d) < 0 ||
				d != (void *)(uintptr_t)(i % LF_STABLE + 1))
			lf_errors++;
		if (rte_hash_lookup(lf_h, &absent) != -ENOENT)
			lf_errors++;
		lf_lookups++;
		if ((i & 7) == 0) {
			/* bulk: 8 stable keys then 8 absent ones */
			struct key16 bk[16];
			const void *bp[16];
			void *bd[16];
			uint64_t mask = 0;
			unsigned int j;

			for (j = 0; j < 16; j++) {
				bk[j] = lf_key((i + j % 8) % LF_STABLE + (j < 8 ? 0 : LF_STABLE), 1);
				bp[j] = &bk[j];
			}
			if (rte_hash_lookup_bulk_data(lf_h, bp, 16, &mask, bd) != 8 || mask != 0xff)
				lf_errors++;
			for (j = 0; j < 8; j++)
				if (bd[j] != (void *)(uintptr_t)((i + j) % LF_STABLE + 1))
					lf_errors++;
		}
		if ((++i & 15) == 0)
			rte_rcu_qsbr_quiescent(lf_v, 1);
	}
	rte_rcu_qsbr_thread_offline(lf_v, 1);
	rte_rcu_qsbr_thread_unregister(lf_v, 1);
	return 0;
}

static void
test_lf_reader(void **state)
{
	struct rte_hash_rcu_config cfg = { 0 };
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);
	uint32_t i, r;

	(void)state;
	lf_h = make("lf", LF_ENTRIES, RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF, NULL);
	lf_v = make_qsbr(2);
	cfg.v = lf_v;
	assert_int_equal(rte_hash_rcu_qsbr_add(lf_h, &cfg), 0);
	for (i = 0; i < LF_STABLE; i++) {
		struct key16 k = lf_key(i, 1);

		assert_int_equal(rte_hash_add_key_data(lf_h, &k, (void *)(uintptr_t)(i + 1)), 0);
	}
	lf_stop = 0;
	lf_errors = 0;
	lf_lookups = 0;
	assert_int_equal(rte_eal_remote_launch(lf_reader, NULL, worker), 0);
	for (r = 0; r < LF_ROUNDS; r++) {
		for (i = 0; i < LF_CHURN; i++) {
			struct key16 k = lf_key(r * LF_CHURN + i, 0);

			/* a full table is fine: deletes wait in the defer queue */
			(void)rte_hash_add_key(lf_h, &k);
		}
		for (i = 0; i < LF_CHURN; i++) {
			struct key16 k = lf_key(r * LF_CHURN + i, 0);

			(void)rte_hash_del_key(lf_h, &k);
		}
	}
	lf_stop = 1;
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	test_note("lock-free reader: %lu lookups, %lu wrong\n", lf_lookups, lf_errors);
	assert_int_equal(lf_errors, 0);
	assert_true(lf_lookups > 0);
	for (i = 0; i < LF_STABLE; i++) {
		struct key16 k = lf_key(i, 1);

		assert_true(rte_hash_lookup(lf_h, &k) >= 0);
	}
	rte_hash_free(lf_h);
	rte_free(lf_v);
}

int
main(void)
{
	static const char *const args[] = { "test_hash", "--no-huge", "-m", "512", "-l", "0-1",
		"--file-prefix=test_hash", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_null_args),
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_cmp_func),
		cmocka_unit_test(test_full_then_ext),
		cmocka_unit_test(test_iterate),
		cmocka_unit_test(test_bulk),
		cmocka_unit_test(test_no_free_on_del),
		cmocka_unit_test(test_rcu),
		cmocka_unit_test(test_million),
		cmocka_unit_test(test_lf_reader),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, NULL, NULL);
}
