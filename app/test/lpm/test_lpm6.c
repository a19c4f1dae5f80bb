/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_lpm6: argument and capacity errors, nested prefixes across every level and what a delete
 * re-exposes, group exhaustion and recovery, bulk delete, and lookups against a linear
 * longest-prefix-match over the rule list.
 */
#include "test_eal_main.h"

#include <stdlib.h>
#include <inttypes.h>
#include <string.h>

#include <rte_lpm6.h>

#define ADDR RTE_LPM6_IPV6_ADDR_SIZE

static struct rte_lpm6 *
make(const char *name, uint32_t rules, uint32_t tbl8s)
{
	struct rte_lpm6_config c = { .max_rules = rules, .number_tbl8s = tbl8s };
	struct rte_lpm6 *lpm = rte_lpm6_create(name, SOCKET_ID_ANY, &c);

	assert_non_null(lpm);
	return lpm;
}

static int64_t
lookup(const struct rte_lpm6 *lpm, const uint8_t *ip)
{
	uint32_t nh = 0;

	return rte_lpm6_lookup(lpm, ip, &nh) == 0 ? (int64_t)nh : -1;
}

/* 2001:db8:: with byte i set to v */
static void
addr(uint8_t ip[ADDR], unsigned int i, uint8_t v)
{
	static const uint8_t base[ADDR] = { 0x20, 0x01, 0x0d, 0xb8 };

	memcpy(ip, base, ADDR);
	ip[i] = v;
}

static void
test_create_errors(void **state)
{
	struct rte_lpm6_config c = { .max_rules = 16, .number_tbl8s = 4 }, bad;
	struct rte_lpm6 *lpm;

	(void)state;
	rte_errno = 0;
	assert_null(rte_lpm6_create(NULL, SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_lpm6_create("cfg", SOCKET_ID_ANY, NULL));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_lpm6_create("sock", -2, &c));
	assert_int_equal(rte_errno, EINVAL);
	bad = c;
	bad.max_rules = 0;
	rte_errno = 0;
	assert_null(rte_lpm6_create("rules0", SOCKET_ID_ANY, &bad));
	assert_int_equal(rte_errno, EINVAL);
	bad = c;
	bad.number_tbl8s = 0;
	rte_errno = 0;
	assert_null(rte_lpm6_create("tbl8s0", SOCKET_ID_ANY, &bad));
	assert_int_equal(rte_errno, EINVAL);
	bad.number_tbl8s = (1u << 21) + 1;
	rte_errno = 0;
	assert_null(rte_lpm6_create("tbl8sbig", SOCKET_ID_ANY, &bad));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_lpm6_create("a_name_that_is_far_too_long_for_lpm", SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EINVAL);

	lpm = make("dup6", 16, 4);
	rte_errno = 0;
	assert_null(rte_lpm6_create("dup6", SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_lpm6_find_existing("dup6"), lpm);
	rte_lpm6_free(lpm);
	rte_errno = 0;
	assert_null(rte_lpm6_find_existing("dup6"));
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_lpm6_find_existing(NULL));
	assert_int_equal(rte_errno, EINVAL);
	rte_lpm6_free(NULL);
	rte_lpm6_delete_all(NULL);
}

static void
test_route_errors(void **state)
{
	struct rte_lpm6 *lpm = make("errs6", 2, 4);
	uint8_t ip[ADDR], ips[1][ADDR] = { { 0 } }, depths[1] = { 8 };
	int32_t hops[1];
	uint32_t nh;

	(void)state;
	addr(ip, 15, 1);
	assert_int_equal(rte_lpm6_add(NULL, ip, 8, 1), -EINVAL);
	assert_int_equal(rte_lpm6_add(lpm, NULL, 8, 1), -EINVAL);
	assert_int_equal(rte_lpm6_add(lpm, ip, 0, 1), -EINVAL);
	assert_int_equal(rte_lpm6_add(lpm, ip, 129, 1), -EINVAL);
	assert_int_equal(rte_lpm6_delete(NULL, ip, 8), -EINVAL);
	assert_int_equal(rte_lpm6_delete(lpm, NULL, 8), -EINVAL);
	assert_int_equal(rte_lpm6_delete(lpm, ip, 0), -EINVAL);
	assert_int_equal(rte_lpm6_delete(lpm, ip, 129), -EINVAL);
	assert_int_equal(rte_lpm6_delete(lpm, ip, 8), -ENOENT);
	assert_int_equal(rte_lpm6_is_rule_present(NULL, ip, 8, &nh), -EINVAL);
	assert_int_equal(rte_lpm6_is_rule_present(lpm, NULL, 8, &nh), -EINVAL);
	assert_int_equal(rte_lpm6_is_rule_present(lpm, ip, 8, NULL), -EINVAL);
	assert_int_equal(rte_lpm6_is_rule_present(lpm, ip, 0, &nh), -EINVAL);
	assert_int_equal(rte_lpm6_is_rule_present(lpm, ip, 129, &nh), -EINVAL);
	assert_int_equal(rte_lpm6_lookup(NULL, ip, &nh), -EINVAL);
	assert_int_equal(rte_lpm6_lookup(lpm, NULL, &nh), -EINVAL);
	assert_int_equal(rte_lpm6_lookup(lpm, ip, NULL), -EINVAL);
	assert_int_equal(rte_lpm6_lookup_bulk_func(NULL, ips, hops, 1), -EINVAL);
	assert_int_equal(rte_lpm6_lookup_bulk_func(lpm, NULL, hops, 1), -EINVAL);
	assert_int_equal(rte_lpm6_lookup_bulk_func(lpm, ips, NULL, 1), -EINVAL);
	assert_int_equal(rte_lpm6_delete_bulk_func(NULL, ips, depths, 1), -EINVAL);
	assert_int_equal(rte_lpm6_delete_bulk_func(lpm, NULL, depths, 1), -EINVAL);
	assert_int_equal(rte_lpm6_delete_bulk_func(lpm, ips, NULL, 1), -EINVAL);
	assert_int_equal(lookup(lpm, ip), -1);

	assert_int_equal(rte_lpm6_add(lpm, ip, 16, 1), 0);
	assert_int_equal(rte_lpm6_add(lpm, ip, 16, 2), 0);
	addr(ip, 0, 0x30);
	assert_int_equal(rte_lpm6_add(lpm, ip, 16, 3), 0);
	addr(ip, 0, 0x40);
	assert_int_equal(rte_lpm6_add(lpm, ip, 16, 4), -ENOSPC);
	assert_int_equal(lookup(lpm, ip), -1);
	assert_int_equal(rte_lpm6_is_rule_present(lpm, ip, 16, &nh), 0);
	/* the full next hop is kept in the rule */
	addr(ip, 15, 0);
	assert_int_equal(rte_lpm6_add(lpm, ip, 16, 0xFFFFFFFF), 0);
	assert_int_equal(rte_lpm6_is_rule_present(lpm, ip, 16, &nh), 1);
	assert_int_equal(nh, 0xFFFFFFFF);
	rte_lpm6_free(lpm);
}

static void
test_nested(void **state)
{
	static const uint8_t depths[] = { 8, 24, 32, 48, 64, 100, 127, 128 };
	const unsigned int nd = RTE_DIM(depths);
	struct rte_lpm6 *lpm = make("nested6", 64, 64);
	uint8_t ip[ADDR], probe[ADDR];
	unsigned int i, j, order;
	uint32_t nh;

	(void)state;
	memset(ip, 0xAB, sizeof(ip));
	for (order = 0; order < 2; order++) {
		for (i = 0; i < nd; i++) {
			j = order == 0 ? i : nd - 1 - i;
			assert_int_equal(rte_lpm6_add(lpm, ip, depths[j], depths[j]), 0);
		}
		/* an address leaving the prefix right after bit d matches routes up to /d only */
		for (i = 0; i < nd; i++) {
			memcpy(probe, ip, ADDR);
			if (depths[i] < 128)
				probe[depths[i] / 8] ^= (uint8_t)(0x80 >> (depths[i] % 8));
			assert_int_equal(lookup(lpm, probe), depths[i]);
		}
		assert_int_equal(lookup(lpm, ip), 128);
		/* delete from the deepest: each delete re-exposes the next shorter */
		for (i = nd; i > 0; i--) {
			assert_int_equal(rte_lpm6_is_rule_present(lpm, ip, depths[i - 1], &nh), 1);
			assert_int_equal(nh, depths[i - 1]);
			assert_int_equal(rte_lpm6_delete(lpm, ip, depths[i - 1]), 0);
			assert_int_equal(lookup(lpm, ip), i == 1 ? -1 : (int64_t)depths[i - 2]);
		}
	}
	/* after deleting everything every group is free again: 13 levels for a /128, twice */
	ip[0] = 0x11;
	assert_int_equal(rte_lpm6_add(lpm, ip, 128, 1), 0);
	ip[0] = 0x12;
	assert_int_equal(rte_lpm6_add(lpm, ip, 128, 2), 0);

	/* a shallow route deleted in the middle leaves the deeper ones */
	ip[0] = 0x11;
	assert_int_equal(rte_lpm6_add(lpm, ip, 8, 8), 0);
	assert_int_equal(rte_lpm6_delete(lpm, ip, 8), 0);
	assert_int_equal(lookup(lpm, ip), 1);
	ip[15] ^= 1;
	assert_int_equal(lookup(lpm, ip), -1);
	rte_lpm6_delete_all(lpm);
	ip[15] ^= 1;
	assert_int_equal(lookup(lpm, ip), -1);
	rte_lpm6_free(lpm);
}

static void
test_group_exhaustion(void **state)
{
	struct rte_lpm6 *lpm = make("groups6", 64, 13);
	uint8_t ip[ADDR], ips[2][ADDR];
	uint8_t depths[2] = { 128, 77 };

	(void)state;
	addr(ip, 15, 1);
	assert_int_equal(rte_lpm6_add(lpm, ip, 128, 1), 0); /* all 13 groups */
	addr(ip, 2, 0x99);
	assert_int_equal(rte_lpm6_add(lpm, ip, 32, 2), -ENOSPC);
	assert_int_equal(lookup(lpm, ip), -1);
	assert_int_equal(rte_lpm6_add(lpm, ip, 24, 2), 0); /* first level only */
	assert_int_equal(lookup(lpm, ip), 2);
	addr(ip, 15, 2);
	assert_int_equal(rte_lpm6_add(lpm, ip, 128, 3), 0); /* same path, no new group */
	assert_int_equal(lookup(lpm, ip), 3);

	/* bulk delete frees the path; a missing route in the batch is skipped */
	addr(ips[0], 15, 1);
	addr(ips[1], 15, 1);
	assert_int_equal(rte_lpm6_delete_bulk_func(lpm, ips, depths, 2), 0);
	assert_int_equal(rte_lpm6_add(lpm, ip, 40, 3), 0);
	addr(ip, 15, 2);
	assert_int_equal(rte_lpm6_delete(lpm, ip, 128), 0);
	/* the /40 still holds two groups of the path */
	addr(ip, 2, 0x99);
	assert_int_equal(rte_lpm6_add(lpm, ip, 128, 4), -ENOSPC);
	assert_int_equal(lookup(lpm, ip), 2);
	addr(ip, 15, 2);
	assert_int_equal(rte_lpm6_delete(lpm, ip, 40), 0);
	addr(ip, 2, 0x99);
	assert_int_equal(rte_lpm6_add(lpm, ip, 128, 4), 0);
	assert_int_equal(lookup(lpm, ip), 4);
	rte_lpm6_free(lpm);
}

struct ref6 {
	uint8_t ip[ADDR];
	uint8_t depth;
	uint32_t nh;
	bool live;
};

static bool
prefix_match(const uint8_t *a, const uint8_t *p, uint8_t depth)
{
	unsigned int i;

	for (i = 0; i < depth; i++)
		if ((a[i / 8] ^ p[i / 8]) & (0x80 >> (i % 8)))
			return false;
	return true;
}

static int64_t
ref_lookup(const struct ref6 *r, unsigned int n, const uint8_t *ip)
{
	int64_t best = -1;
	int best_depth = -1;
	unsigned int i;

	for (i = 0; i < n; i++)
		if (r[i].live && r[i].depth > best_depth && prefix_match(ip, r[i].ip, r[i].depth)) {
			best_depth = r[i].depth;
			best = r[i].nh;
		}
	return best;
}

#define N_RULES6 500
#define N_ADDRS6 2000

static void
compare_all(const struct rte_lpm6 *lpm, const struct ref6 *r, uint8_t (*addrs)[ADDR])
{
	static int32_t bulk[N_ADDRS6];
	unsigned int i;
	int64_t want;

	assert_int_equal(rte_lpm6_lookup_bulk_func(lpm, addrs, bulk, N_ADDRS6), 0);
	for (i = 0; i < N_ADDRS6; i++) {
		want = ref_lookup(r, N_RULES6, addrs[i]);
		if (lookup(lpm, addrs[i]) != want)
			fail_msg("address %u: %" PRId64 ", reference %" PRId64, i,
				lookup(lpm, addrs[i]), want);
		assert_int_equal(bulk[i], want);
	}
}

static void
test_random_vs_reference(void **state)
{
	static struct ref6 r[N_RULES6];
	static uint8_t addrs[N_ADDRS6][ADDR];
	struct rte_lpm6 *lpm = make("random6", N_RULES6, 8192);
	unsigned int i, j, k, b;

	(void)state;
	srand(4321);
	for (i = 0; i < N_RULES6; i++) {
		r[i].depth = (uint8_t)(1 + rand() % 128);
		/* few distinct values per byte so that prefixes overlap */
		for (b = 0; b < ADDR; b++)
			r[i].ip[b] = (uint8_t)(b < 2 ? 0x20u + b :
				(unsigned int)(rand() % 4) * 0x41u);
		for (b = 0; b < ADDR * 8; b++)
			if (b >= r[i].depth)
				r[i].ip[b / 8] &= (uint8_t)~(0x80 >> (b % 8));
		r[i].nh = (uint32_t)rand() & 0x1FFFFF;
		r[i].live = true;
		for (j = 0; j < i; j++)
			if (r[j].live && r[j].depth == r[i].depth &&
					memcmp(r[j].ip, r[i].ip, ADDR) == 0)
				r[j].live = false;
		assert_int_equal(rte_lpm6_add(lpm, r[i].ip, r[i].depth, r[i].nh), 0);
	}
	for (i = 0; i < N_ADDRS6; i++) {
		memcpy(addrs[i], r[rand() % N_RULES6].ip, ADDR);
		for (b = (unsigned int)rand() % ADDR; b < ADDR; b++)
			addrs[i][b] = (uint8_t)((rand() % 4) * 0x41);
	}
	compare_all(lpm, r, addrs);
	for (k = 0; k < N_RULES6; k += 2) {
		i = (unsigned int)rand() % N_RULES6;
		if (!r[i].live)
			continue;
		assert_int_equal(rte_lpm6_delete(lpm, r[i].ip, r[i].depth), 0);
		r[i].live = false;
	}
	compare_all(lpm, r, addrs);
	for (i = 0; i < N_RULES6; i++)
		if (r[i].live)
			assert_int_equal(rte_lpm6_delete(lpm, r[i].ip, r[i].depth), 0);
	for (i = 0; i < N_ADDRS6; i++)
		assert_int_equal(lookup(lpm, addrs[i]), -1);
	rte_lpm6_free(lpm);
}

int
main(void)
{
	static const char *const args[] = { "test_lpm6", "--no-huge", "-m", "512", "-l", "0",
		"--file-prefix=test_lpm6", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_route_errors),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_group_exhaustion),
		cmocka_unit_test(test_random_vs_reference),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
