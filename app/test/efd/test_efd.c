/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_efd: argument errors, the update/delete return codes, tens of thousands of random keys
 * inserted, updated and deleted against a reference array (single and bulk lookups agree),
 * a table filled until an insert fails (which must change nothing), and readers on another
 * lcore while the main lcore updates.
 */
#include "test_eal_main.h"

#include <stdbool.h>
#include <string.h>

#include <rte_efd.h>
#include <rte_launch.h>
#include <rte_pause.h>

#define KEY_LEN 16
#define VALUE_MASK ((efd_value_t)((UINT64_C(1) << RTE_EFD_VALUE_NUM_BITS) - 1))

struct key {
	uint8_t b[KEY_LEN];
};

/* xorshift: reproducible keys without touching the EAL's generator */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void
key_random(struct key *k, uint64_t *s)
{
	uint64_t a = rnd(s), b = rnd(s);

	memcpy(k->b, &a, 8);
	memcpy(k->b + 8, &b, 8);
}

static struct rte_efd_table *
make(const char *name, uint32_t rules)
{
	struct rte_efd_table *t = rte_efd_create(name, rules, KEY_LEN, 1, 0);

	assert_non_null(t);
	return t;
}

static void
test_create_errors(void **state)
{
	struct rte_efd_table *t;

	(void)state;
	rte_errno = 0;
	assert_null(rte_efd_create(NULL, 100, KEY_LEN, 1, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_efd_create("a_name_that_is_far_too_long_for_efd", 100, KEY_LEN, 1, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_efd_create("rules0", 0, KEY_LEN, 1, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_efd_create("keylen0", 100, 0, 1, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_efd_create("mask0", 100, KEY_LEN, 0, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_efd_create("offsock", 100, KEY_LEN, 1, RTE_MAX_NUMA_NODES));
	assert_int_equal(rte_errno, EINVAL);
#if RTE_MAX_NUMA_NODES < 64
	rte_errno = 0;
	assert_null(rte_efd_create("masktoobig", 100, KEY_LEN,
			UINT64_C(1) << RTE_MAX_NUMA_NODES, 0));
	assert_int_equal(rte_errno, EINVAL);
#endif
	/* gigabytes of tables: refused with ENOMEM, and the name stays free */
	rte_errno = 0;
	assert_null(rte_efd_create("huge", UINT32_MAX, KEY_LEN, 1, 0));
	assert_int_equal(rte_errno, ENOMEM);
	rte_errno = 0;
	assert_null(rte_efd_find_existing("huge"));
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_efd_find_existing("mask0"));
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_efd_find_existing(NULL));
	assert_int_equal(rte_errno, EINVAL);

	t = make("dup", 100);
	rte_errno = 0;
	assert_null(rte_efd_create("dup", 100, KEY_LEN, 1, 0));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_efd_find_existing("dup"), t);
	rte_efd_free(t);
	rte_errno = 0;
	assert_null(rte_efd_find_existing("dup"));
	assert_int_equal(rte_errno, ENOENT);
	rte_efd_free(NULL);
	t = make("dup", 100); /* the name is free again */
	rte_efd_free(t);
}

static void
test_update_delete_codes(void **state)
{
	struct rte_efd_table *t = make("codes", 1000);
	struct key k, other;
	uint64_t s = 42;
	efd_value_t prev = 0;

	(void)state;
	key_random(&k, &s);
	key_random(&other, &s);
	assert_int_equal(rte_efd_update(t, 0, &k, 5), 0);
	assert_int_equal(rte_efd_lookup(t, 0, &k), 5);
	/* the same value again is a success that changes nothing, as in DPDK */
	assert_int_equal(rte_efd_update(t, 0, &k, 5), 0);
	assert_int_equal(rte_efd_update(t, 0, &k, 7 & VALUE_MASK), 0);
	assert_int_equal(rte_efd_lookup(t, 0, &k), 7 & VALUE_MASK);
	assert_int_equal(rte_efd_update(t, 0, &other, 3), 0);
	assert_int_equal(rte_efd_delete(t, 0, &k, &prev), 0);
	assert_int_equal(prev, 7 & VALUE_MASK);
	assert_int_not_equal(rte_efd_delete(t, 0, &k, &prev), 0);
	assert_int_not_equal(rte_efd_delete(t, 0, &k, NULL), 0);
	assert_int_equal(rte_efd_lookup(t, 0, &other), 3);
	assert_int_equal(rte_efd_delete(t, 0, &other, NULL), 0);
	/* NULL arguments: an error, never a crash */
	assert_int_equal(rte_efd_update(NULL, 0, &k, 1), RTE_EFD_UPDATE_FAILED);
	assert_int_equal(rte_efd_update(t, 0, NULL, 1), RTE_EFD_UPDATE_FAILED);
	assert_int_equal(rte_efd_delete(NULL, 0, &k, NULL), -EINVAL);
	assert_int_equal(rte_efd_delete(t, 0, NULL, NULL), -EINVAL);
	/* a socket without a copy reads another copy */
	assert_int_equal(rte_efd_update(t, 0, &k, 9 & VALUE_MASK), 0);
	assert_int_equal(rte_efd_lookup(t, 3, &k), 9 & VALUE_MASK);
	assert_int_equal(rte_efd_lookup(t, 1000, &k), 9 & VALUE_MASK);
	rte_efd_free(t);
}

/* Every key present in the reference gives its value, one by one and in bursts. */
static void
check_all(const struct rte_efd_table *t, const struct key *keys, const efd_value_t *val,
		const bool *present, unsigned int n)
{
	const void *kp[RTE_EFD_BURST_MAX];
	efd_value_t got[RTE_EFD_BURST_MAX], single;
	unsigned int i, j, idx[RTE_EFD_BURST_MAX], bad = 0;

	for (i = 0; i < n; ) {
		for (j = 0; j < RTE_EFD_BURST_MAX && i < n; i++) {
			if (!present[i])
				continue;
			idx[j] = i;
			kp[j++] = &keys[i];
		}
		rte_efd_lookup_bulk(t, 0, j, kp, got);
		while (j-- > 0) {
			single = rte_efd_lookup(t, 0, kp[j]);
			if (single != val[idx[j]] || got[j] != single)
				bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_random_many(void **state)
{
	const unsigned int n = 40000;
	struct rte_efd_table *t = make("many", n);
	struct key *keys = calloc(n, sizeof(*keys));
	efd_value_t *val = calloc(n, sizeof(*val));
	bool *present = calloc(n, sizeof(*present));
	unsigned int i, round, failed = 0, live = 0;
	uint64_t s = 0x1234567887654321;
	efd_value_t prev;
	int ret;

	(void)state;
	assert_non_null(keys);
	assert_non_null(val);
	assert_non_null(present);
	for (i = 0; i < n; i++) {
		key_random(&keys[i], &s);
		val[i] = rnd(&s) & VALUE_MASK;
		ret = rte_efd_update(t, 0, &keys[i], val[i]);
		assert_true(ret == 0 || ret == RTE_EFD_UPDATE_WARN_GROUP_FULL);
		present[i] = true;
	}
	check_all(t, keys, val, present, n);
	/* churn: change values, delete and insert again */
	for (round = 0; round < 3; round++) {
		for (i = 0; i < n; i++) {
			switch (rnd(&s) % 4) {
			case 0:
				val[i] = rnd(&s) & VALUE_MASK;
				ret = rte_efd_update(t, 0, &keys[i], val[i]);
				if (ret == RTE_EFD_UPDATE_FAILED) {
					failed++;
					present[i] = false;
					rte_efd_delete(t, 0, &keys[i], NULL);
				} else {
					assert_true(ret == 0 ||
						ret == RTE_EFD_UPDATE_WARN_GROUP_FULL);
					present[i] = true;
				}
				break;
			case 1:
				ret = rte_efd_delete(t, 0, &keys[i], &prev);
				assert_int_equal(ret == 0, present[i]);
				if (ret == 0)
					assert_int_equal(prev, val[i]);
				present[i] = false;
				break;
			default:
				break;
			}
		}
		check_all(t, keys, val, present, n);
	}
	for (i = 0; i < n; i++)
		live += present[i];
	print_message("%u keys live, %u updates failed\n", live, failed);
	assert_int_equal(failed, 0);
	rte_efd_free(t);
	free(keys);
	free(val);
	free(present);
}

/* Insert until the table refuses; a refused insert must leave every other key intact. */
static void
test_fill(void **state)
{
	const unsigned int max = 4 * 64 * 28;
	struct rte_efd_table *t = make("fill", 64 * EFD_TARGET_GROUP_NUM_RULES);
	struct key *keys = calloc(max, sizeof(*keys));
	efd_value_t *val = calloc(max, sizeof(*val));
	bool *present = calloc(max, sizeof(*present));
	unsigned int i, inserted = 0, warned = 0, failed = 0;
	uint64_t s = 99;
	int ret;

	(void)state;
	assert_non_null(keys);
	assert_non_null(val);
	assert_non_null(present);
	for (i = 0; i < max && failed < 20; i++) {
		key_random(&keys[i], &s);
		val[i] = rnd(&s) & VALUE_MASK;
		ret = rte_efd_update(t, 0, &keys[i], val[i]);
		if (ret == RTE_EFD_UPDATE_FAILED) {
			failed++;
			/* not stored: deleting it finds nothing */
			assert_int_not_equal(rte_efd_delete(t, 0, &keys[i], NULL), 0);
			continue;
		}
		assert_true(ret == 0 || ret == RTE_EFD_UPDATE_WARN_GROUP_FULL);
		warned += ret == RTE_EFD_UPDATE_WARN_GROUP_FULL;
		present[i] = true;
		inserted++;
	}
	print_message("%u keys in a table sized for %u (%u group-full warnings)\n", inserted,
		64 * EFD_TARGET_GROUP_NUM_RULES, warned);
	assert_int_equal(failed, 20);
	assert_true(inserted >= 64 * EFD_TARGET_GROUP_NUM_RULES);
	assert_true(warned > 0);
	check_all(t, keys, val, present, i);
	rte_efd_free(t);
	free(keys);
	free(val);
	free(present);
}

/* Lookups from another lcore while keys of another range change: stable keys never waver. */
#define RD_STABLE 4000
static struct rte_efd_table *rd_t;
static struct key rd_keys[RD_STABLE];
static efd_value_t rd_val[RD_STABLE];
static volatile int rd_stop;
static unsigned long rd_bad, rd_lookups;

static int
reader(void *arg)
{
	const void *kp[RTE_EFD_BURST_MAX];
	efd_value_t got[RTE_EFD_BURST_MAX];
	unsigned int i = 0, j;

	(void)arg;
	while (!__atomic_load_n(&rd_stop, __ATOMIC_ACQUIRE)) {
		for (j = 0; j < RTE_EFD_BURST_MAX; j++)
			kp[j] = &rd_keys[(i + j) % RD_STABLE];
		rte_efd_lookup_bulk(rd_t, 0, RTE_EFD_BURST_MAX, kp, got);
		for (j = 0; j < RTE_EFD_BURST_MAX; j++)
			rd_bad += got[j] != rd_val[(i + j) % RD_STABLE];
		rd_lookups += RTE_EFD_BURST_MAX;
		i = (i + RTE_EFD_BURST_MAX) % RD_STABLE;
	}
	return 0;
}

static void
test_concurrent_reader(void **state)
{
	unsigned int i, round, lcore = rte_get_next_lcore(-1, 1, 0);
	struct key k;
	uint64_t s = 7;

	(void)state;
	rd_t = make("readers", 2 * RD_STABLE);
	for (i = 0; i < RD_STABLE; i++) {
		key_random(&rd_keys[i], &s);
		rd_val[i] = rnd(&s) & VALUE_MASK;
		assert_true(rte_efd_update(rd_t, 0, &rd_keys[i], rd_val[i]) !=
				RTE_EFD_UPDATE_FAILED);
	}
	assert_int_equal(rte_eal_remote_launch(reader, NULL, lcore), 0);
	for (round = 0; round < 20; round++) {
		uint64_t s2 = 1000 + round % 2;

		for (i = 0; i < RD_STABLE; i++) {
			key_random(&k, &s2);
			if (round % 2 == 0)
				rte_efd_update(rd_t, 0, &k, rnd(&s2) & VALUE_MASK);
			else
				rte_efd_delete(rd_t, 0, &k, NULL);
		}
	}
	__atomic_store_n(&rd_stop, 1, __ATOMIC_RELEASE);
	rte_eal_wait_lcore(lcore);
	print_message("%lu lookups during updates\n", rd_lookups);
	assert_true(rd_lookups > 0);
	assert_int_equal(rd_bad, 0);
	rte_efd_free(rd_t);
}

int
main(void)
{
	static const char *const args[] = { "test_efd", "--no-huge", "-m", "512", "-l", "0-1",
		"--file-prefix=test_efd", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_update_delete_codes),
		cmocka_unit_test(test_random_many),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_concurrent_reader),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, NULL, NULL);
}
