/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Toeplitz subtuple helpers: after a helper is added, changing its subtuple by the
 * complement (or through rte_thash_adjust_tuple) gives the tuple a hash, as rte_softrss
 * computes it with the context's key, whose low bits are the wanted ones. Also the GFNI
 * matrices of a key (compared with DPDK 22.11's output) and every argument error.
 */
#include "test_eal_main.h"

#include <errno.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_random.h>
#include <rte_thash.h>

#define KEY_LEN 40
#define V4_LEN 12   /* src, dst, sport, dport in network order */
#define SPORT_OFF 64
#define DPORT_OFF 80

static uint8_t rss_key[KEY_LEN] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f,
	0xb0, 0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

/* Hash of a network-order tuple, the way an application would compute it. */
static uint32_t
softrss_bytes(const uint8_t *tuple, unsigned int len, const uint8_t *key)
{
	uint32_t words[KEY_LEN / 4];
	unsigned int i;

	for (i = 0; i < len / 4; i++) {
		memcpy(&words[i], tuple + 4 * i, 4);
		words[i] = rte_be_to_cpu_32(words[i]);
	}
	return rte_softrss(words, len / 4, key);
}

static void
random_tuple(uint8_t *tuple, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		tuple[i] = (uint8_t)rte_rand();
}

static struct rte_thash_ctx *
make_ctx(const char *name, uint32_t reta_sz, uint32_t flags)
{
	struct rte_thash_ctx *ctx = rte_thash_init_ctx(name, KEY_LEN, reta_sz, NULL, flags);

	assert_non_null(ctx);
	return ctx;
}

/* Bytes outside [off, off + len) bits are equal. */
static void
assert_same_outside(const uint8_t *a, const uint8_t *b, unsigned int bytes, unsigned int off,
	unsigned int len)
{
	unsigned int t;

	for (t = 0; t < bytes * 8; t++) {
		if (t >= off && t < off + len)
			continue;
		assert_int_equal((a[t / 8] >> (7 - t % 8)) & 1, (b[t / 8] >> (7 - t % 8)) & 1);
	}
}

/* Adjusting random tuples reaches every wanted value of the low reta_sz bits. */
static void
check_adjust(struct rte_thash_ctx *ctx, struct rte_thash_subtuple_helper *h, uint32_t reta_sz,
	unsigned int off, unsigned int len, unsigned int rounds)
{
	uint32_t mask = (uint32_t)((1ull << reta_sz) - 1), want, hash;
	uint8_t tuple[V4_LEN], orig[V4_LEN];
	const uint8_t *key = rte_thash_get_key(ctx);
	unsigned int i;

	for (i = 0; i < rounds; i++) {
		random_tuple(tuple, sizeof(tuple));
		memcpy(orig, tuple, sizeof(tuple));
		want = (uint32_t)rte_rand();
		assert_int_equal(rte_thash_adjust_tuple(ctx, h, tuple, sizeof(tuple), want, 1,
			NULL, NULL), 0);
		hash = softrss_bytes(tuple, sizeof(tuple), key);
		if ((hash & mask) != (want & mask))
			fail_msg("round %u: hash %#x, wanted low bits %#x", i, hash, want & mask);
		assert_same_outside(tuple, orig, sizeof(tuple), off, len);
	}
}

static void
test_complement(void **state)
{
	struct rte_thash_subtuple_helper *h;
	uint8_t tuple[V4_LEN], before[KEY_LEN];
	const uint8_t *key;
	struct rte_thash_ctx *ctx;
	uint32_t hash, c, want;
	uint16_t sport;
	unsigned int i;

	(void)state;
	ctx = make_ctx("thash_compl", 7, 0);
	key = rte_thash_get_key(ctx);
	memcpy(before, key, KEY_LEN);
	assert_int_equal(rte_thash_add_helper(ctx, "sport", 16, SPORT_OFF), 0);
	/* only the key bits under the subtuple's hash windows may change */
	assert_same_outside(key, before, KEY_LEN, SPORT_OFF, 16 + 31);
	h = rte_thash_get_helper(ctx, "sport");
	assert_non_null(h);
	assert_ptr_equal(rte_thash_get_helper(ctx, "sport"), h);
	assert_null(rte_thash_get_helper(ctx, "dport"));
	assert_null(rte_thash_get_helper(ctx, NULL));
	assert_null(rte_thash_get_helper(NULL, "sport"));

	for (i = 0; i < 512; i++) {
		random_tuple(tuple, sizeof(tuple));
		hash = softrss_bytes(tuple, sizeof(tuple), key);
		assert_int_equal(rte_thash_get_complement(h, hash, hash), 0);
		want = i & 0x7f;
		c = rte_thash_get_complement(h, hash, want);
		assert_true(c <= UINT16_MAX);
		sport = (uint16_t)((tuple[8] << 8 | tuple[9]) ^ c);
		tuple[8] = (uint8_t)(sport >> 8);
		tuple[9] = (uint8_t)sport;
		assert_int_equal(softrss_bytes(tuple, sizeof(tuple), key) & 0x7f, want);
	}
	check_adjust(ctx, h, 7, SPORT_OFF, 16, 256);
	rte_thash_free_ctx(ctx);
}

/* Two helpers side by side: adding the second keeps the first working. */
static void
test_two_helpers(void **state)
{
	struct rte_thash_subtuple_helper *sp, *dp;
	static const struct {
		uint32_t reta_sz, flags;
	} cases[] = {
		{ 7, 0 }, { 7, RTE_THASH_MINIMAL_SEQ }, { 9, RTE_THASH_MINIMAL_SEQ },
		{ 16, 0 }, { 16, RTE_THASH_MINIMAL_SEQ }, { 2, RTE_THASH_IGNORE_PERIOD_OVERFLOW },
		{ 4, RTE_THASH_IGNORE_PERIOD_OVERFLOW | RTE_THASH_MINIMAL_SEQ },
	};
	struct rte_thash_ctx *ctx;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		ctx = make_ctx("thash_two", cases[i].reta_sz, cases[i].flags);
		assert_int_equal(rte_thash_add_helper(ctx, "sport", 16, SPORT_OFF), 0);
		assert_int_equal(rte_thash_add_helper(ctx, "dport", 16, DPORT_OFF), 0);
		sp = rte_thash_get_helper(ctx, "sport");
		dp = rte_thash_get_helper(ctx, "dport");
		assert_non_null(sp);
		assert_non_null(dp);
		assert_ptr_not_equal(sp, dp);
		check_adjust(ctx, sp, cases[i].reta_sz, SPORT_OFF, 16, 128);
		check_adjust(ctx, dp, cases[i].reta_sz, DPORT_OFF, 16, 128);
		rte_thash_free_ctx(ctx);
	}
}

/* A subtuple longer than 32 bits and one exactly reta_sz bits long. */
static void
test_sizes(void **state)
{
	struct rte_thash_subtuple_helper *h;
	struct rte_thash_ctx *ctx;

	(void)state;
	ctx = make_ctx("thash_sizes", 8, RTE_THASH_MINIMAL_SEQ);
	assert_int_equal(rte_thash_add_helper(ctx, "addrs", 64, 0), 0);
	h = rte_thash_get_helper(ctx, "addrs");
	check_adjust(ctx, h, 8, 0, 64, 128);
	assert_int_equal(rte_thash_add_helper(ctx, "exact", 8, SPORT_OFF + 4), 0);
	h = rte_thash_get_helper(ctx, "exact");
	check_adjust(ctx, h, 8, SPORT_OFF + 4, 8, 128);
	rte_thash_free_ctx(ctx);
}

static void
test_add_errors(void **state)
{
	uint8_t before[KEY_LEN];
	struct rte_thash_ctx *ctx;

	(void)state;
	ctx = make_ctx("thash_add_err", 7, 0);
	memcpy(before, rte_thash_get_key(ctx), KEY_LEN);
	assert_int_equal(rte_thash_add_helper(NULL, "h", 16, 0), -EINVAL);
	assert_int_equal(rte_thash_add_helper(ctx, NULL, 16, 0), -EINVAL);
	assert_int_equal(rte_thash_add_helper(ctx, "h", 6, 0), -EINVAL);
	/* the last subtuple bit needs 31 key bits after it */
	assert_int_equal(rte_thash_add_helper(ctx, "h", 16, KEY_LEN * 8 - 16 - 30), -EINVAL);
	assert_int_equal(rte_thash_add_helper(ctx, "h", 16, UINT32_MAX - 8), -EINVAL);
	assert_memory_equal(rte_thash_get_key(ctx), before, KEY_LEN);
	assert_null(rte_thash_get_helper(ctx, "h"));
	assert_int_equal(rte_thash_add_helper(ctx, "h", 16, KEY_LEN * 8 - 16 - 31), 0);
	assert_int_equal(rte_thash_add_helper(ctx, "h", 16, 0), -EEXIST);
	rte_thash_free_ctx(ctx);

	/* a 2-bit table has a 3-bit sequence period: too short for 47 key bits */
	ctx = make_ctx("thash_period", 2, 0);
	memcpy(before, rte_thash_get_key(ctx), KEY_LEN);
	assert_int_equal(rte_thash_add_helper(ctx, "h", 16, SPORT_OFF), -ENOSPC);
	assert_memory_equal(rte_thash_get_key(ctx), before, KEY_LEN);
	assert_null(rte_thash_get_helper(ctx, "h"));
	rte_thash_free_ctx(ctx);
	ctx = make_ctx("thash_period", 5, RTE_THASH_MINIMAL_SEQ);
	assert_int_equal(rte_thash_add_helper(ctx, "h", 16, SPORT_OFF), 0);
	rte_thash_free_ctx(ctx);

	/*
	 * "b" then "a" write two sequences that do not continue each other at bit 47; "c" lies
	 * wholly on their bits and, with this key, its windows across the seam do not reach
	 * every value of 16 hash bits.
	 */
	ctx = rte_thash_init_ctx("thash_seam", KEY_LEN, 16, rss_key, 0);
	assert_non_null(ctx);
	assert_int_equal(rte_thash_add_helper(ctx, "b", 16, 47), 0);
	assert_int_equal(rte_thash_add_helper(ctx, "a", 16, 0), 0);
	memcpy(before, rte_thash_get_key(ctx), KEY_LEN);
	/* DPDK 22.11 refuses this one too, with -EEXIST */
	assert_int_equal(rte_thash_add_helper(ctx, "c", 16, 16), -EEXIST);
	assert_memory_equal(rte_thash_get_key(ctx), before, KEY_LEN);
	assert_null(rte_thash_get_helper(ctx, "c"));
	/* the failure left the others usable */
	check_adjust(ctx, rte_thash_get_helper(ctx, "a"), 16, 0, 16, 64);
	rte_thash_free_ctx(ctx);
}

struct check_arg {
	struct rte_thash_ctx *ctx;
	unsigned int calls;
	unsigned int accept_at;     /* 0: never */
	uint32_t mask, want;
	uint16_t seen[16];
};

static int
check_tuple(void *userdata, uint8_t *tuple)
{
	struct check_arg *a = userdata;
	uint32_t hash = softrss_bytes(tuple, V4_LEN, rte_thash_get_key(a->ctx));
	uint16_t sport = (uint16_t)(tuple[8] << 8 | tuple[9]);
	unsigned int i;

	/* every candidate has the wanted bits and differs from the ones before */
	if ((hash & a->mask) != a->want)
		fail_msg("candidate %u: hash %#x", a->calls, hash);
	for (i = 0; i < a->calls && i < RTE_DIM(a->seen); i++)
		if (a->seen[i] == sport)
			fail_msg("candidate %u repeats %#x", a->calls, sport);
	if (a->calls < RTE_DIM(a->seen))
		a->seen[a->calls] = sport;
	a->calls++;
	return a->calls == a->accept_at;
}

static void
test_adjust_callback(void **state)
{
	struct rte_thash_subtuple_helper *h;
	uint8_t tuple[V4_LEN];
	struct rte_thash_ctx *ctx;
	struct check_arg a;

	(void)state;
	ctx = make_ctx("thash_cb", 6, 0);
	assert_int_equal(rte_thash_add_helper(ctx, "sport", 16, SPORT_OFF), 0);
	h = rte_thash_get_helper(ctx, "sport");

	memset(&a, 0, sizeof(a));
	a.ctx = ctx;
	a.mask = 0x3f;
	a.want = 0x2a;
	a.accept_at = 3;
	random_tuple(tuple, sizeof(tuple));
	assert_int_equal(rte_thash_adjust_tuple(ctx, h, tuple, sizeof(tuple), 0x2a, 10,
		check_tuple, &a), 0);
	assert_int_equal(a.calls, 3);
	assert_int_equal(softrss_bytes(tuple, sizeof(tuple), rte_thash_get_key(ctx)) & 0x3f,
		0x2a);

	memset(&a, 0, sizeof(a));
	a.ctx = ctx;
	a.mask = 0x3f;
	a.want = 0x15;
	assert_int_equal(rte_thash_adjust_tuple(ctx, h, tuple, sizeof(tuple), 0x15, 5,
		check_tuple, &a), -EEXIST);
	assert_int_equal(a.calls, 5);
	rte_thash_free_ctx(ctx);
}

static void
test_adjust_errors(void **state)
{
	struct rte_thash_subtuple_helper *h;
	uint8_t tuple[KEY_LEN];
	struct rte_thash_ctx *ctx;

	(void)state;
	memset(tuple, 0, sizeof(tuple));
	ctx = make_ctx("thash_adj_err", 7, 0);
	assert_int_equal(rte_thash_add_helper(ctx, "sport", 16, SPORT_OFF), 0);
	h = rte_thash_get_helper(ctx, "sport");
	assert_int_equal(rte_thash_adjust_tuple(NULL, h, tuple, V4_LEN, 1, 1, NULL, NULL),
		-EINVAL);
	assert_int_equal(rte_thash_adjust_tuple(ctx, NULL, tuple, V4_LEN, 1, 1, NULL, NULL),
		-EINVAL);
	assert_int_equal(rte_thash_adjust_tuple(ctx, h, NULL, V4_LEN, 1, 1, NULL, NULL),
		-EINVAL);
	assert_int_equal(rte_thash_adjust_tuple(ctx, h, tuple, 0, 1, 1, NULL, NULL), -EINVAL);
	assert_int_equal(rte_thash_adjust_tuple(ctx, h, tuple, 10, 1, 1, NULL, NULL), -EINVAL);
	assert_int_equal(rte_thash_adjust_tuple(ctx, h, tuple, V4_LEN, 1, 0, NULL, NULL),
		-EINVAL);
	/* the subtuple ends past an 8-byte tuple */
	assert_int_equal(rte_thash_adjust_tuple(ctx, h, tuple, 8, 1, 1, NULL, NULL), -EINVAL);
	/* a tuple the key is too short to hash */
	assert_int_equal(rte_thash_adjust_tuple(ctx, h, tuple, KEY_LEN, 1, 1, NULL, NULL),
		-EINVAL);
	/* nothing was touched */
	for (unsigned int i = 0; i < sizeof(tuple); i++)
		assert_int_equal(tuple[i], 0);
	assert_int_equal(rte_thash_adjust_tuple(ctx, h, tuple, KEY_LEN - 4, 1, 1, NULL, NULL),
		0);
	rte_thash_free_ctx(ctx);
}

/* rte_thash_complete_matrix of an 8-byte key, as DPDK 22.11 computes it. */
static void
test_complete_matrix(void **state)
{
	static const uint8_t key[8] = { 0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2 };
	static const uint64_t expect[8] = {
		0xad56abd56ab5da6dULL, 0x2b954aa5d269b45aULL, 0x6db6db6db65bad56ULL,
		0x128944a2d168b4daULL, 0xad56ab552a954a25ULL, 0x87c361b0d86cb65bULL,
		0x61b0d8ec763b1d0eULL, 0x369b4d26130984c2ULL,
	};
	uint64_t m[8];
	unsigned int i;

	(void)state;
	memset(m, 0, sizeof(m));
	rte_thash_complete_matrix(m, key, 8);
	for (i = 0; i < 8; i++) {
		/* byte order as stored: byte j of matrix i is row j */
		uint8_t got[8], want[8];

		memcpy(got, &m[i], 8);
		for (unsigned int j = 0; j < 8; j++)
			want[j] = (uint8_t)(expect[i] >> (8 * j));
		assert_memory_equal(got, want, 8);
	}
	/* invalid arguments write nothing */
	memset(m, 0xa5, sizeof(m));
	rte_thash_complete_matrix(m, key, 0);
	rte_thash_complete_matrix(m, NULL, 8);
	rte_thash_complete_matrix(NULL, key, 8);
	for (i = 0; i < 8; i++)
		assert_true(m[i] == 0xa5a5a5a5a5a5a5a5ULL);
}

int
main(void)
{
	static const char *const args[] = { "test_thash_helper", "--no-huge", "-m", "64",
		"--file-prefix=test_thash_helper", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_complement),
		cmocka_unit_test(test_two_helpers),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_add_errors),
		cmocka_unit_test(test_adjust_callback),
		cmocka_unit_test(test_adjust_errors),
		cmocka_unit_test(test_complete_matrix),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
