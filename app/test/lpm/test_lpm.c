/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_lpm: argument and capacity errors, nested prefixes and what a delete re-exposes, tbl8
 * group exhaustion, single/bulk/x4 lookups against a linear longest-prefix-match over the
 * rule list, and a reader lcore looking up while the main lcore adds and deletes with RCU.
 */
#include "test_eal_main.h"

#include <stddef.h>
#include <stdlib.h>
#include <inttypes.h>
#include <string.h>

#include <rte_malloc.h>

#include <rte_lpm.h>
#include <rte_pause.h>
#include <rte_random.h>
#include <rte_rcu_qsbr.h>

#define IP(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

static struct rte_lpm *
make(const char *name, uint32_t rules, uint32_t tbl8s)
{
	struct rte_lpm_config c = { .max_rules = rules, .number_tbl8s = tbl8s };
	struct rte_lpm *lpm = rte_lpm_create(name, SOCKET_ID_ANY, &c);

	assert_non_null(lpm);
	return lpm;
}

/* The next hop of ip, or -1 when no route matches. */
static int64_t
lookup(const struct rte_lpm *lpm, uint32_t ip)
{
	uint32_t nh = 0;

	return rte_lpm_lookup(lpm, ip, &nh) == 0 ? (int64_t)nh : -1;
}

/* The inline lookups of applications built against DPDK read these bits and offsets. */
static void
test_layout(void **state)
{
	struct rte_lpm_tbl_entry e;
	uint32_t w;

	(void)state;
	assert_int_equal(sizeof(e), sizeof(uint32_t));
	assert_int_equal(offsetof(struct rte_lpm, tbl24), 0);
	assert_int_equal(offsetof(struct rte_lpm, tbl8), RTE_LPM_TBL24_NUM_ENTRIES * sizeof(e));
	memset(&e, 0, sizeof(e));
	e.next_hop = 0xFFFFFF;
	memcpy(&w, &e, sizeof(w));
	assert_int_equal(w, 0x00FFFFFF);
	memset(&e, 0, sizeof(e));
	e.valid = 1;
	memcpy(&w, &e, sizeof(w));
	assert_int_equal(w, RTE_LPM_LOOKUP_SUCCESS);
	e.valid_group = 1;
	memcpy(&w, &e, sizeof(w));
	assert_int_equal(w, RTE_LPM_VALID_EXT_ENTRY_BITMASK);
	memset(&e, 0, sizeof(e));
	e.depth = 32;
	memcpy(&w, &e, sizeof(w));
	assert_int_equal(w, 32u << 26);
}

static void
test_create_errors(void **state)
{
	struct rte_lpm_config c = { .max_rules = 16, .number_tbl8s = 4 };
	struct rte_lpm_config bad;
	struct rte_lpm *lpm;

	(void)state;
	rte_errno = 0;
	assert_null(rte_lpm_create(NULL, SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_lpm_create("cfg", SOCKET_ID_ANY, NULL));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_lpm_create("sock", -2, &c));
	assert_int_equal(rte_errno, EINVAL);
	bad = c;
	bad.max_rules = 0;
	rte_errno = 0;
	assert_null(rte_lpm_create("rules0", SOCKET_ID_ANY, &bad));
	assert_int_equal(rte_errno, EINVAL);
	bad = c;
	bad.number_tbl8s = 0;
	rte_errno = 0;
	assert_null(rte_lpm_create("tbl8s0", SOCKET_ID_ANY, &bad));
	assert_int_equal(rte_errno, EINVAL);
	bad.number_tbl8s = RTE_LPM_MAX_TBL8_NUM_GROUPS + 1;
	rte_errno = 0;
	assert_null(rte_lpm_create("tbl8sbig", SOCKET_ID_ANY, &bad));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_lpm_create("a_name_that_is_far_too_long_for_lpm", SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EINVAL);

	lpm = make("dup", 16, 4);
	rte_errno = 0;
	assert_null(rte_lpm_create("dup", SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_lpm_find_existing("dup"), lpm);
	rte_lpm_free(lpm);
	rte_errno = 0;
	assert_null(rte_lpm_find_existing("dup"));
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_lpm_find_existing(NULL));
	assert_int_equal(rte_errno, EINVAL);
	rte_lpm_free(NULL);
	rte_lpm_delete_all(NULL);
	/* the name is free again */
	lpm = make("dup", 16, 4);
	rte_lpm_free(lpm);
}

static void
test_route_errors(void **state)
{
	struct rte_lpm *lpm = make("errs", 2, 4);
	uint32_t nh;

	(void)state;
	assert_int_equal(rte_lpm_add(NULL, IP(10, 0, 0, 0), 8, 1), -EINVAL);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 0, 0), 0, 1), -EINVAL);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 0, 0), 33, 1), -EINVAL);
	assert_int_equal(rte_lpm_delete(NULL, IP(10, 0, 0, 0), 8), -EINVAL);
	assert_int_equal(rte_lpm_delete(lpm, IP(10, 0, 0, 0), 0), -EINVAL);
	assert_int_equal(rte_lpm_delete(lpm, IP(10, 0, 0, 0), 33), -EINVAL);
	/* DPDK reports a missing route as -EINVAL too */
	assert_int_equal(rte_lpm_delete(lpm, IP(10, 0, 0, 0), 8), -EINVAL);
	assert_int_equal(rte_lpm_is_rule_present(NULL, IP(10, 0, 0, 0), 8, &nh), -EINVAL);
	assert_int_equal(rte_lpm_is_rule_present(lpm, IP(10, 0, 0, 0), 8, NULL), -EINVAL);
	assert_int_equal(rte_lpm_is_rule_present(lpm, IP(10, 0, 0, 0), 0, &nh), -EINVAL);
	assert_int_equal(rte_lpm_is_rule_present(lpm, IP(10, 0, 0, 0), 33, &nh), -EINVAL);
	/* nothing was added by the failures */
	assert_int_equal(lookup(lpm, IP(10, 0, 0, 0)), -1);

	/* max_rules counts distinct routes: replacing a next hop takes no new rule */
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 0, 0), 8, 1), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 0, 0), 8, 2), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(11, 0, 0, 0), 8, 3), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(12, 0, 0, 0), 8, 4), -ENOSPC);
	assert_int_equal(rte_lpm_is_rule_present(lpm, IP(12, 0, 0, 0), 8, &nh), 0);
	assert_int_equal(lookup(lpm, IP(12, 1, 2, 3)), -1);
	assert_int_equal(lookup(lpm, IP(10, 1, 2, 3)), 2);
	assert_int_equal(rte_lpm_delete(lpm, IP(11, 0, 0, 0), 8), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(12, 0, 0, 0), 8, 4), 0);
	assert_int_equal(lookup(lpm, IP(12, 1, 2, 3)), 4);
	rte_lpm_free(lpm);
}

static void
check_nested(const struct rte_lpm *lpm, int64_t a32, int64_t a24, int64_t a16, int64_t a8)
{
	assert_int_equal(lookup(lpm, IP(10, 1, 1, 1)), a32);
	assert_int_equal(lookup(lpm, IP(10, 1, 1, 200)), a24);
	assert_int_equal(lookup(lpm, IP(10, 1, 2, 1)), a16);
	assert_int_equal(lookup(lpm, IP(10, 200, 0, 0)), a8);
	assert_int_equal(lookup(lpm, IP(11, 1, 1, 1)), -1);
}

static void
test_nested(void **state)
{
	struct rte_lpm *lpm = make("nested", 64, 8);
	uint32_t nh = 0;
	unsigned int order;

	(void)state;
	for (order = 0; order < 2; order++) {
		if (order == 0) {
			assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 0, 0), 8, 8), 0);
			assert_int_equal(rte_lpm_add(lpm, IP(10, 1, 0, 0), 16, 16), 0);
			assert_int_equal(rte_lpm_add(lpm, IP(10, 1, 1, 0), 24, 24), 0);
			assert_int_equal(rte_lpm_add(lpm, IP(10, 1, 1, 1), 32, 32), 0);
		} else {
			/* longest first: shorter routes must not overwrite longer ones */
			assert_int_equal(rte_lpm_add(lpm, IP(10, 1, 1, 1), 32, 32), 0);
			assert_int_equal(rte_lpm_add(lpm, IP(10, 1, 1, 0), 24, 24), 0);
			assert_int_equal(rte_lpm_add(lpm, IP(10, 1, 0, 0), 16, 16), 0);
			assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 0, 0), 8, 8), 0);
		}
		check_nested(lpm, 32, 24, 16, 8);
		/* host bits of the prefix are ignored */
		assert_int_equal(rte_lpm_is_rule_present(lpm, IP(10, 1, 99, 99), 16, &nh), 1);
		assert_int_equal(nh, 16);
		assert_int_equal(rte_lpm_is_rule_present(lpm, IP(10, 1, 0, 0), 17, &nh), 0);

		assert_int_equal(rte_lpm_delete(lpm, IP(10, 1, 1, 0), 24), 0);
		check_nested(lpm, 32, 16, 16, 8);
		assert_int_equal(rte_lpm_delete(lpm, IP(10, 1, 1, 1), 32), 0);
		check_nested(lpm, 16, 16, 16, 8);
		assert_int_equal(rte_lpm_delete(lpm, IP(10, 1, 0, 0), 16), 0);
		check_nested(lpm, 8, 8, 8, 8);
		assert_int_equal(rte_lpm_delete(lpm, IP(10, 0, 0, 0), 8), 0);
		check_nested(lpm, -1, -1, -1, -1);
	}

	/* a shorter route under a group, then deleted again, leaves the deep route alone */
	assert_int_equal(rte_lpm_add(lpm, IP(10, 1, 1, 128), 25, 25), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 0, 0), 8, 8), 0);
	assert_int_equal(lookup(lpm, IP(10, 1, 1, 200)), 25);
	assert_int_equal(lookup(lpm, IP(10, 1, 1, 5)), 8);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 0, 0), 8, 9), 0);
	assert_int_equal(lookup(lpm, IP(10, 1, 1, 5)), 9);
	assert_int_equal(rte_lpm_delete(lpm, IP(10, 0, 0, 0), 8), 0);
	assert_int_equal(lookup(lpm, IP(10, 1, 1, 5)), -1);
	assert_int_equal(lookup(lpm, IP(10, 1, 1, 200)), 25);

	/* next hops keep 24 bits in the tables and all 32 in the rule */
	assert_int_equal(rte_lpm_add(lpm, IP(1, 2, 3, 4), 32, 0xFFFFFFFF), 0);
	assert_int_equal(lookup(lpm, IP(1, 2, 3, 4)), 0xFFFFFF);
	assert_int_equal(rte_lpm_is_rule_present(lpm, IP(1, 2, 3, 4), 32, &nh), 1);
	assert_int_equal(nh, 0xFFFFFFFF);

	/* default route */
	assert_int_equal(rte_lpm_add(lpm, 0, 1, 77), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(128, 0, 0, 0), 1, 78), 0);
	assert_int_equal(lookup(lpm, IP(99, 0, 0, 1)), 77);
	assert_int_equal(lookup(lpm, IP(200, 0, 0, 1)), 78);
	assert_int_equal(lookup(lpm, IP(10, 1, 1, 200)), 25);

	rte_lpm_delete_all(lpm);
	assert_int_equal(lookup(lpm, IP(10, 1, 1, 200)), -1);
	assert_int_equal(lookup(lpm, IP(99, 0, 0, 1)), -1);
	assert_int_equal(rte_lpm_is_rule_present(lpm, IP(1, 2, 3, 4), 32, &nh), 0);
	rte_lpm_free(lpm);
}

static void
test_tbl8_exhaustion(void **state)
{
	struct rte_lpm *lpm = make("tbl8", 64, 4);
	uint32_t nh, i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_int_equal(rte_lpm_add(lpm, IP(10, 0, i, 1), 32, i), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 9, 1), 32, 9), -ENOSPC);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 9, 0), 25, 9), -ENOSPC);
	assert_int_equal(rte_lpm_is_rule_present(lpm, IP(10, 0, 9, 1), 32, &nh), 0);
	assert_int_equal(lookup(lpm, IP(10, 0, 9, 1)), -1);
	/* a /24 needs no group, nor does a deep route in a /24 that has one */
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 9, 0), 24, 24), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 0, 2), 32, 100), 0);
	assert_int_equal(lookup(lpm, IP(10, 0, 0, 2)), 100);

	/* the group of 10.0.1.0/24 comes back when its only deep route goes */
	assert_int_equal(rte_lpm_delete(lpm, IP(10, 0, 1, 1), 32), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 9, 1), 32, 9), 0);
	assert_int_equal(lookup(lpm, IP(10, 0, 9, 1)), 9);
	assert_int_equal(lookup(lpm, IP(10, 0, 9, 2)), 24);
	assert_int_equal(lookup(lpm, IP(10, 0, 1, 1)), -1);

	/* a group whose entries all fall back to one /24 route is given back too */
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 1, 1), 32, 1), -ENOSPC);
	assert_int_equal(rte_lpm_delete(lpm, IP(10, 0, 9, 1), 32), 0);
	assert_int_equal(lookup(lpm, IP(10, 0, 9, 1)), 24);
	assert_int_equal(rte_lpm_add(lpm, IP(10, 0, 1, 1), 32, 1), 0);

	/* delete_all gives every group back */
	rte_lpm_delete_all(lpm);
	for (i = 0; i < 4; i++)
		assert_int_equal(rte_lpm_add(lpm, IP(20, 0, i, 1), 32, i), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(20, 0, 9, 1), 32, 9), -ENOSPC);
	rte_lpm_free(lpm);
}

/* Reference: a linear longest-prefix match over the live rules. */
struct ref_rule {
	uint32_t ip;
	uint8_t depth;
	uint32_t nh;
	bool live;
};

static int64_t
ref_lookup(const struct ref_rule *r, unsigned int n, uint32_t ip)
{
	int64_t best = -1;
	int best_depth = -1;
	unsigned int i;
	uint32_t m;

	for (i = 0; i < n; i++) {
		if (!r[i].live)
			continue;
		m = (uint32_t)(UINT64_C(0xFFFFFFFF00000000) >> r[i].depth);
		if ((ip & m) == r[i].ip && r[i].depth > best_depth) {
			best_depth = r[i].depth;
			best = r[i].nh;
		}
	}
	return best;
}

#define N_RULES 1000
#define N_ADDRS 4096

static void
compare_all(const struct rte_lpm *lpm, const struct ref_rule *r, unsigned int n,
		const uint32_t *addrs)
{
	uint32_t bulk[N_ADDRS], x4[4], part[46];
	int64_t want;
	unsigned int i, j;

	assert_int_equal(rte_lpm_lookup_bulk(lpm, addrs, bulk, N_ADDRS), 0);
	/* 45 addresses: a full chunk of 32 and a partial one; nothing written past the end */
	part[45] = 0xdeadbeef;
	assert_int_equal(rte_lpm_lookup_bulk(lpm, addrs + 5, part, 45), 0);
	for (i = 0; i < 45; i++)
		assert_int_equal(part[i], bulk[i + 5]);
	assert_int_equal(part[45], 0xdeadbeef);
	for (i = 0; i < N_ADDRS; i += 4) {
		rte_lpm_lookupx4(lpm, _mm_loadu_si128((const __m128i *)(const void *)&addrs[i]),
			x4, UINT32_MAX);
		for (j = i; j < i + 4; j++) {
			want = ref_lookup(r, n, addrs[j]);
			if (lookup(lpm, addrs[j]) != want)
				fail_msg("lookup %08x: %" PRId64 ", reference %" PRId64, addrs[j],
					lookup(lpm, addrs[j]), want);
			if (want < 0) {
				assert_int_equal(bulk[j] & RTE_LPM_LOOKUP_SUCCESS, 0);
				assert_int_equal(x4[j - i], UINT32_MAX);
			} else {
				assert_int_not_equal(bulk[j] & RTE_LPM_LOOKUP_SUCCESS, 0);
				assert_int_equal(bulk[j] & 0x00FFFFFF, want);
				assert_int_equal(x4[j - i], want);
			}
		}
	}
}

static void
test_random_vs_reference(void **state)
{
	static struct ref_rule r[N_RULES];
	static uint32_t addrs[N_ADDRS];
	struct rte_lpm *lpm = make("random", N_RULES, 1024);
	unsigned int i, j, k;
	uint32_t m;

	(void)state;
	srand(1234);
	for (i = 0; i < N_RULES; i++) {
		/* clustered in 10/8 and biased to deep routes so that they overlap */
		r[i].depth = (uint8_t)(i % 4 == 0 ? 1 + rand() % 32 : 20 + rand() % 13);
		m = (uint32_t)(UINT64_C(0xFFFFFFFF00000000) >> r[i].depth);
		r[i].ip = (IP(10, 0, 0, 0) | ((uint32_t)rand() & 0x000FFFFF)) & m;
		r[i].nh = (uint32_t)rand() & 0xFFFFFF;
		r[i].live = true;
		for (j = 0; j < i; j++)
			if (r[j].live && r[j].ip == r[i].ip && r[j].depth == r[i].depth)
				r[j].live = false; /* replaced */
		assert_int_equal(rte_lpm_add(lpm, r[i].ip, r[i].depth, r[i].nh), 0);
	}
	for (i = 0; i < N_ADDRS; i++)
		addrs[i] = i % 2 ? (uint32_t)rte_rand() :
			r[rand() % N_RULES].ip + ((uint32_t)rand() & 0x3FF);
	compare_all(lpm, r, N_RULES, addrs);

	for (k = 0; k < N_RULES; k += 2) {
		i = (unsigned int)rand() % N_RULES;
		if (!r[i].live)
			continue;
		assert_int_equal(rte_lpm_delete(lpm, r[i].ip, r[i].depth), 0);
		r[i].live = false;
	}
	compare_all(lpm, r, N_RULES, addrs);
	for (i = 0; i < N_RULES; i++)
		if (r[i].live)
			assert_int_equal(rte_lpm_delete(lpm, r[i].ip, r[i].depth), 0);
	for (i = 0; i < N_ADDRS; i++)
		assert_int_equal(lookup(lpm, addrs[i]), -1);
	rte_lpm_free(lpm);
}

static void
test_rcu_errors(void **state)
{
	struct rte_lpm *lpm = make("rcuerr", 16, 4);
	size_t sz = rte_rcu_qsbr_get_memsize(1);
	struct rte_rcu_qsbr *v = rte_zmalloc(NULL, sz, RTE_CACHE_LINE_SIZE);
	struct rte_lpm_rcu_config cfg = { .mode = RTE_LPM_QSBR_MODE_SYNC };

	(void)state;
	assert_non_null(v);
	assert_int_equal(rte_rcu_qsbr_init(v, 1), 0);
	rte_errno = 0;
	assert_int_equal(rte_lpm_rcu_qsbr_add(NULL, &cfg), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_lpm_rcu_qsbr_add(lpm, NULL), 1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_lpm_rcu_qsbr_add(lpm, &cfg), 1); /* no variable */
	assert_int_equal(rte_errno, EINVAL);
	cfg.v = v;
	cfg.mode = (enum rte_lpm_qsbr_mode)7;
	rte_errno = 0;
	assert_int_equal(rte_lpm_rcu_qsbr_add(lpm, &cfg), 1);
	assert_int_equal(rte_errno, EINVAL);
	cfg.mode = RTE_LPM_QSBR_MODE_DQ;
	cfg.dq_size = UINT32_MAX; /* no ring that large: the defer queue is not created */
	assert_int_equal(rte_lpm_rcu_qsbr_add(lpm, &cfg), 1);
	cfg.dq_size = 0;
	assert_int_equal(rte_lpm_rcu_qsbr_add(lpm, &cfg), 0);
	rte_errno = 0;
	assert_int_equal(rte_lpm_rcu_qsbr_add(lpm, &cfg), 1);
	assert_int_equal(rte_errno, EEXIST);
	/* a group freed with no reader registered is reclaimed when groups run out */
	assert_int_equal(rte_lpm_add(lpm, IP(1, 1, 1, 1), 32, 1), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(1, 1, 2, 1), 32, 1), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(1, 1, 3, 1), 32, 1), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(1, 1, 4, 1), 32, 1), 0);
	assert_int_equal(rte_lpm_delete(lpm, IP(1, 1, 1, 1), 32), 0);
	assert_int_equal(rte_lpm_add(lpm, IP(1, 1, 5, 1), 32, 5), 0);
	assert_int_equal(lookup(lpm, IP(1, 1, 5, 1)), 5);
	assert_int_equal(lookup(lpm, IP(1, 1, 1, 1)), -1);
	rte_lpm_delete_all(lpm);
	assert_int_equal(rte_lpm_add(lpm, IP(1, 1, 5, 1), 32, 6), 0);
	assert_int_equal(lookup(lpm, IP(1, 1, 5, 1)), 6);
	rte_lpm_free(lpm);
	rte_free(v);
}

/* Reader and writer share these. Routes: 10/8 -> 1; deep routes in A -> 100, in B -> 200. */
#define RCU_A IP(10, 1, 1, 0)
#define RCU_B IP(10, 2, 2, 0)
static struct rte_lpm *rcu_lpm;
static struct rte_rcu_qsbr *rcu_v;
static volatile bool rcu_stop, rcu_started;
static uint64_t rcu_bad, rcu_lookups;

static int
rcu_reader(void *arg)
{
	uint32_t ips[4] = { RCU_A | 1, RCU_A | 130, RCU_B | 1, RCU_B | 130 };
	uint32_t nh, hops[4];
	unsigned int i;

	(void)arg;
	rte_rcu_qsbr_thread_register(rcu_v, 0);
	rte_rcu_qsbr_thread_online(rcu_v, 0);
	rcu_started = true;
	while (!rcu_stop) {
		for (i = 0; i < 4; i++) {
			if (rte_lpm_lookup(rcu_lpm, ips[i], &nh) != 0 ||
					(nh != 1 && nh != (i < 2 ? 100u : 200u)))
				rcu_bad++;
		}
		rte_lpm_lookupx4(rcu_lpm, _mm_loadu_si128((const __m128i *)(const void *)ips),
			hops, 0);
		for (i = 0; i < 4; i++)
			if (hops[i] != 1 && hops[i] != (i < 2 ? 100u : 200u))
				rcu_bad++;
		rcu_lookups += 8;
		rte_rcu_qsbr_quiescent(rcu_v, 0);
	}
	rte_rcu_qsbr_thread_offline(rcu_v, 0);
	rte_rcu_qsbr_thread_unregister(rcu_v, 0);
	return 0;
}

static void
rcu_run(enum rte_lpm_qsbr_mode mode)
{
	struct rte_lpm_rcu_config cfg = { .mode = mode, .dq_size = 4 };
	unsigned int worker = rte_get_next_lcore(-1, 1, 0), round, i;
	uint32_t base;
	int ret;

	rcu_v = rte_zmalloc(NULL, rte_rcu_qsbr_get_memsize(1), RTE_CACHE_LINE_SIZE);
	assert_non_null(rcu_v);
	assert_int_equal(rte_rcu_qsbr_init(rcu_v, 1), 0);
	/* one group: every deep add reuses the group the previous delete gave back */
	rcu_lpm = make(mode == RTE_LPM_QSBR_MODE_DQ ? "rcu_dq" : "rcu_sync", 64, 1);
	cfg.v = rcu_v;
	assert_int_equal(rte_lpm_rcu_qsbr_add(rcu_lpm, &cfg), 0);
	assert_int_equal(rte_lpm_add(rcu_lpm, IP(10, 0, 0, 0), 8, 1), 0);
	rcu_stop = false;
	rcu_started = false;
	rcu_bad = 0;
	rcu_lookups = 0;
	assert_int_equal(rte_eal_remote_launch(rcu_reader, NULL, worker), 0);
	/* the writer must run while the reader is online, or sync mode never waits */
	while (!rcu_started)
		rte_pause();

	for (round = 0; round < 4000; round++) {
		base = round % 2 ? RCU_B : RCU_A;
		for (i = 0; i < 4; i++) {
			/* DQ mode: the group may still wait for the reader */
			while ((ret = rte_lpm_add(rcu_lpm, base | (i * 64 + 1), 26 + i % 2,
					round % 2 ? 200 : 100)) == -ENOSPC)
				rte_pause();
			assert_int_equal(ret, 0);
		}
		for (i = 0; i < 4; i++)
			assert_int_equal(rte_lpm_delete(rcu_lpm, base | (i * 64 + 1), 26 + i % 2),
				0);
	}
	rcu_stop = true;
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	test_note("%s: %" PRIu64 " lookups during 4000 add/delete rounds\n",
		mode == RTE_LPM_QSBR_MODE_DQ ? "dq" : "sync", rcu_lookups);
	assert_int_equal(rcu_bad, 0);
	assert_true(rcu_lookups > 0);
	rte_lpm_free(rcu_lpm);
	rte_free(rcu_v);
}

static void
test_rcu_reader_dq(void **state)
{
	(void)state;
	rcu_run(RTE_LPM_QSBR_MODE_DQ);
}

static void
test_rcu_reader_sync(void **state)
{
	(void)state;
	rcu_run(RTE_LPM_QSBR_MODE_SYNC);
}

int
main(void)
{
	static const char *const args[] = { "test_lpm", "--no-huge", "-m", "512", "-l", "0-1",
		"--file-prefix=test_lpm", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_route_errors),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_tbl8_exhaustion),
		cmocka_unit_test(test_random_vs_reference),
		cmocka_unit_test(test_rcu_errors),
		cmocka_unit_test(test_rcu_reader_dq),
		cmocka_unit_test(test_rcu_reader_sync),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, NULL, NULL);
}
