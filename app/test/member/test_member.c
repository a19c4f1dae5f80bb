/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_member: parameter and argument errors of every type; HT non-cache mode with no false
 * negative and a false positive rate under its analytic bound, filled until -ENOSPC; HT cache
 * mode overwriting; VBF membership and its configured false positive rate; the sketch on a
 * skewed stream (heavy hitters, count error bound, sampling, byte counts, delete).
 */
#include "test_eal_main.h"

#include <stdbool.h>
#include <string.h>

#include <rte_member.h>

#define KEY_LEN 16

struct key {
	uint8_t b[KEY_LEN];
};

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

static struct rte_member_parameters
params(const char *name, enum rte_member_setsum_type type)
{
	struct rte_member_parameters p;

	memset(&p, 0, sizeof(p));
	p.name = name;
	p.type = type;
	p.num_keys = 1 << 12;
	p.key_len = KEY_LEN;
	p.num_set = 8;
	p.false_positive_rate = 0.01f;
	p.prim_hash_seed = 11;
	p.sec_hash_seed = 22;
	p.error_rate = 0.001f;
	p.sample_rate = 1;
	p.top_k = 10;
	p.socket_id = SOCKET_ID_ANY;
	return p;
}

static void
expect_create_fails(const struct rte_member_parameters *p, int err)
{
	rte_errno = 0;
	assert_null(rte_member_create(p));
	assert_int_equal(rte_errno, err);
}

static void
test_create_errors(void **state)
{
	struct rte_member_parameters p;
	struct rte_member_setsum *ss;

	(void)state;
	expect_create_fails(NULL, EINVAL);
	p = params(NULL, RTE_MEMBER_TYPE_HT);
	expect_create_fails(&p, EINVAL);
	p = params("a_name_that_is_far_too_long_for_member", RTE_MEMBER_TYPE_HT);
	expect_create_fails(&p, EINVAL);
	p = params("keylen", RTE_MEMBER_TYPE_HT);
	p.key_len = 0;
	expect_create_fails(&p, EINVAL);
	p = params("seeds", RTE_MEMBER_TYPE_HT);
	p.sec_hash_seed = p.prim_hash_seed;
	expect_create_fails(&p, EINVAL);
	p = params("type", RTE_MEMBER_NUM_TYPE);
	expect_create_fails(&p, EINVAL);
	/* HT */
	p = params("ht", RTE_MEMBER_TYPE_HT);
	p.num_keys = 0;
	expect_create_fails(&p, EINVAL);
	p.num_keys = RTE_MEMBER_BUCKET_ENTRIES - 1;
	expect_create_fails(&p, EINVAL);
	p.num_keys = RTE_MEMBER_ENTRIES_MAX + 1u;
	expect_create_fails(&p, EINVAL);
	/* VBF */
	p = params("vbf", RTE_MEMBER_TYPE_VBF);
	p.num_keys = 0;
	expect_create_fails(&p, EINVAL);
	p = params("vbf", RTE_MEMBER_TYPE_VBF);
	p.num_set = 0;
	expect_create_fails(&p, EINVAL);
	p.num_set = 3;
	expect_create_fails(&p, EINVAL);
	p.num_set = 64;
	expect_create_fails(&p, EINVAL);
	p = params("vbf", RTE_MEMBER_TYPE_VBF);
	p.false_positive_rate = 0;
	expect_create_fails(&p, EINVAL);
	p.false_positive_rate = 1;
	expect_create_fails(&p, EINVAL);
	p.false_positive_rate = -0.5f;
	expect_create_fails(&p, EINVAL);
	p.false_positive_rate = 1.5f;
	expect_create_fails(&p, EINVAL);
	/* sketch */
	p = params("sk", RTE_MEMBER_TYPE_SKETCH);
	p.error_rate = 0;
	expect_create_fails(&p, EINVAL);
	p.error_rate = 1;
	expect_create_fails(&p, EINVAL);
	p = params("sk", RTE_MEMBER_TYPE_SKETCH);
	p.sample_rate = 0;
	expect_create_fails(&p, EINVAL);
	p.sample_rate = 1.5f;
	expect_create_fails(&p, EINVAL);
	p = params("sk", RTE_MEMBER_TYPE_SKETCH);
	p.top_k = 0;
	expect_create_fails(&p, EINVAL);
	/* too large for the memory EAL has: ENOMEM, and the name stays free */
	p = params("big", RTE_MEMBER_TYPE_HT);
	p.num_keys = RTE_MEMBER_ENTRIES_MAX;
	expect_create_fails(&p, ENOMEM);
	assert_null(rte_member_find_existing("big"));
	/* names */
	rte_errno = 0;
	assert_null(rte_member_find_existing("dup"));
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_member_find_existing(NULL));
	assert_int_equal(rte_errno, EINVAL);
	p = params("dup", RTE_MEMBER_TYPE_HT);
	ss = rte_member_create(&p);
	assert_non_null(ss);
	assert_ptr_equal(rte_member_find_existing("dup"), ss);
	p = params("dup", RTE_MEMBER_TYPE_VBF);
	expect_create_fails(&p, EEXIST);
	p = params("dup", RTE_MEMBER_TYPE_SKETCH);
	expect_create_fails(&p, EEXIST);
	rte_member_free(ss);
	rte_member_free(NULL);
	rte_member_reset(NULL);
	assert_null(rte_member_find_existing("dup"));
	p = params("dup", RTE_MEMBER_TYPE_SKETCH);
	ss = rte_member_create(&p);
	assert_non_null(ss);
	rte_member_free(ss);
}

static void
test_call_errors(void **state)
{
	struct rte_member_parameters p;
	struct rte_member_setsum *ht, *vbf, *sk;
	struct key k = { { 1 } };
	const void *kp[1] = { &k };
	member_set_t set[4];
	uint32_t cnt[1];
	uint64_t c;
	void *hk[10];
	uint64_t hc[10];

	(void)state;
	p = params("e_ht", RTE_MEMBER_TYPE_HT);
	ht = rte_member_create(&p);
	p = params("e_vbf", RTE_MEMBER_TYPE_VBF);
	vbf = rte_member_create(&p);
	p = params("e_sk", RTE_MEMBER_TYPE_SKETCH);
	sk = rte_member_create(&p);
	assert_non_null(ht);
	assert_non_null(vbf);
	assert_non_null(sk);

	assert_int_equal(rte_member_add(NULL, &k, 1), -EINVAL);
	assert_int_equal(rte_member_add(ht, NULL, 1), -EINVAL);
	assert_int_equal(rte_member_add(ht, &k, RTE_MEMBER_NO_MATCH), -EINVAL);
	assert_int_equal(rte_member_add(ht, &k, 0x8000), -EINVAL);
	assert_int_equal(rte_member_add(vbf, &k, 0), -EINVAL);
	assert_int_equal(rte_member_add(vbf, &k, 9), -EINVAL);
	assert_int_equal(rte_member_lookup(NULL, &k, set), -EINVAL);
	assert_int_equal(rte_member_lookup(ht, NULL, set), -EINVAL);
	assert_int_equal(rte_member_lookup(ht, &k, NULL), -EINVAL);
	assert_int_equal(rte_member_lookup_bulk(NULL, kp, 1, set), -EINVAL);
	assert_int_equal(rte_member_lookup_bulk(ht, NULL, 1, set), -EINVAL);
	assert_int_equal(rte_member_lookup_bulk(ht, kp, 1, NULL), -EINVAL);
	assert_int_equal(rte_member_lookup_bulk(sk, kp, 1, set), -EINVAL);
	assert_int_equal(rte_member_lookup_multi(NULL, &k, 4, set), -EINVAL);
	assert_int_equal(rte_member_lookup_multi(vbf, &k, 4, NULL), -EINVAL);
	assert_int_equal(rte_member_lookup_multi(sk, &k, 4, set), -EINVAL);
	assert_int_equal(rte_member_lookup_multi_bulk(ht, kp, 1, 4, NULL, set), -EINVAL);
	assert_int_equal(rte_member_lookup_multi_bulk(ht, kp, 1, 4, cnt, NULL), -EINVAL);
	assert_int_equal(rte_member_lookup_multi_bulk(sk, kp, 1, 4, cnt, set), -EINVAL);
	assert_int_equal(rte_member_delete(NULL, &k, 1), -EINVAL);
	assert_int_equal(rte_member_delete(ht, NULL, 1), -EINVAL);
	assert_int_equal(rte_member_delete(vbf, &k, 1), -EINVAL);
	assert_int_equal(rte_member_delete(ht, &k, 1), -ENOENT);
	assert_int_equal(rte_member_delete(sk, &k, 0), -1);
	assert_int_equal(rte_member_query_count(ht, &k, &c), -EINVAL);
	assert_int_equal(rte_member_query_count(sk, NULL, &c), -EINVAL);
	assert_int_equal(rte_member_query_count(sk, &k, NULL), -EINVAL);
	assert_int_equal(rte_member_report_heavyhitter(vbf, hk, hc), -EINVAL);
	assert_int_equal(rte_member_report_heavyhitter(sk, NULL, hc), -EINVAL);
	assert_int_equal(rte_member_report_heavyhitter(sk, hk, NULL), -EINVAL);
	assert_int_equal(rte_member_add_byte_count(ht, &k, 64), -EINVAL);
	assert_int_equal(rte_member_add_byte_count(sk, &k, 0), -EINVAL);
	/* a sketch counting keys refuses bytes, and the other way round */
	assert_int_equal(rte_member_add_byte_count(sk, &k, 64), -EINVAL);
	rte_member_free(sk);
	p = params("e_skb", RTE_MEMBER_TYPE_SKETCH);
	p.extra_flag = RTE_MEMBER_SKETCH_COUNT_BYTE;
	sk = rte_member_create(&p);
	assert_non_null(sk);
	assert_int_equal(rte_member_add(sk, &k, 1), -EINVAL);
	assert_int_equal(rte_member_add_byte_count(sk, &k, 64), 0);
	assert_int_equal(rte_member_query_count(sk, &k, &c), 0);
	assert_int_equal(c, 64);
	/* nothing was added by the failed calls */
	assert_int_equal(rte_member_lookup(ht, &k, set), 0);
	assert_int_equal(set[0], RTE_MEMBER_NO_MATCH);
	assert_int_equal(rte_member_lookup(vbf, &k, set), 0);
	rte_member_free(sk);
	rte_member_free(ht);
	rte_member_free(vbf);
}

/* Fresh keys found in a summary, out of n. */
static unsigned int
false_positives(const struct rte_member_setsum *ss, unsigned int n, uint64_t seed)
{
	unsigned int i, fp = 0;
	member_set_t set;
	struct key k;

	for (i = 0; i < n; i++) {
		key_random(&k, &seed);
		fp += rte_member_lookup(ss, &k, &set) == 1;
	}
	return fp;
}

static void
test_ht_noncache(void **state)
{
	const unsigned int entries = 1 << 16, n = entries * 3 / 4, probes = 400000;
	struct rte_member_parameters p = params("ht_nc", RTE_MEMBER_TYPE_HT);
	struct key *keys = calloc(n, sizeof(*keys));
	member_set_t *sets = calloc(n, sizeof(*sets));
	member_set_t got[RTE_MEMBER_LOOKUP_BULK_MAX], multi[8];
	const void *kp[RTE_MEMBER_LOOKUP_BULK_MAX];
	struct rte_member_setsum *ss;
	unsigned int i, j, missing = 0, fp, moved = 0;
	uint64_t s = 5;
	double bound;
	int ret, m;

	(void)state;
	assert_non_null(keys);
	assert_non_null(sets);
	p.num_keys = entries;
	ss = rte_member_create(&p);
	assert_non_null(ss);
	for (i = 0; i < n; i++) {
		key_random(&keys[i], &s);
		sets[i] = 1 + rnd(&s) % 0x7fff;
		ret = rte_member_add(ss, &keys[i], sets[i]);
		assert_true(ret == 0 || ret == 1);
		moved += ret == 1;
	}
	for (i = 0; i < n; i += RTE_MEMBER_LOOKUP_BULK_MAX) {
		unsigned int b = RTE_MIN(n - i, (unsigned int)RTE_MEMBER_LOOKUP_BULK_MAX);

		for (j = 0; j < b; j++)
			kp[j] = &keys[i + j];
		assert_true(rte_member_lookup_bulk(ss, kp, b, got) == (int)b);
		for (j = 0; j < b; j++) {
			member_set_t one;

			assert_int_equal(rte_member_lookup(ss, &keys[i + j], &one), 1);
			assert_int_equal(got[j], one);
			m = rte_member_lookup_multi(ss, &keys[i + j], 8, multi);
			while (m > 0 && multi[m - 1] != sets[i + j])
				m--;
			missing += m == 0;
		}
	}
	assert_int_equal(missing, 0);
	/* a fresh key matches when one of the 32 entries of its buckets has its signature */
	fp = false_positives(ss, probes, 777);
	bound = 2.0 * RTE_MEMBER_BUCKET_ENTRIES / 65536 * n / entries;
	print_message("HT: %u cuckoo moves, false positive rate %.6f (analytic %.6f)\n", moved,
		(double)fp / probes, bound);
	assert_true((double)fp / probes < 1.5 * bound);
	/* delete needs the right set */
	assert_int_equal(rte_member_delete(ss, &keys[0], sets[0] % 0x7fff + 1), -ENOENT);
	assert_int_equal(rte_member_delete(ss, &keys[0], sets[0]), 0);
	rte_member_reset(ss);
	assert_int_equal(false_positives(ss, 1000, 5), 0);
	rte_member_free(ss);
	free(keys);
	free(sets);
}

static void
test_ht_full(void **state)
{
	const unsigned int entries = 256;
	struct rte_member_parameters p = params("ht_full", RTE_MEMBER_TYPE_HT);
	struct key keys[512];
	struct rte_member_setsum *ss;
	unsigned int i, n = 0, missing = 0;
	member_set_t set;
	uint64_t s = 3;
	int ret = 0;

	(void)state;
	p.num_keys = entries;
	ss = rte_member_create(&p);
	assert_non_null(ss);
	for (i = 0; i < RTE_DIM(keys); i++) {
		key_random(&keys[i], &s);
		ret = rte_member_add(ss, &keys[i], 1 + i % 100);
		if (ret == -ENOSPC)
			break;
		assert_true(ret == 0 || ret == 1);
		n++;
	}
	print_message("HT of %u entries full after %u keys\n", entries, n);
	assert_int_equal(ret, -ENOSPC);
	assert_true(n > entries * 9 / 10 && n <= entries);
	for (i = 0; i < n; i++)
		missing += rte_member_lookup(ss, &keys[i], &set) != 1;
	assert_int_equal(missing, 0);
	rte_member_free(ss);
}

static void
test_ht_cache(void **state)
{
	struct rte_member_parameters p = params("ht_c", RTE_MEMBER_TYPE_HT);
	struct rte_member_setsum *ss;
	unsigned int i, evicted = 0;
	member_set_t set, sets[4];
	struct key k;
	uint64_t s = 17;
	int ret;

	(void)state;
	p.num_keys = 1024;
	p.is_cache = 1;
	ss = rte_member_create(&p);
	assert_non_null(ss);
	for (i = 0; i < 8192; i++) {
		key_random(&k, &s);
		ret = rte_member_add(ss, &k, 1 + i % 0x7fff);
		assert_true(ret == 0 || ret == 1);
		evicted += ret;
		/* the latest key is always remembered, with its set */
		assert_int_equal(rte_member_lookup(ss, &k, &set), 1);
		assert_int_equal(set, 1 + i % 0x7fff);
		assert_int_equal(rte_member_lookup_multi(ss, &k, 4, sets), 1);
	}
	/* an eviction each time the table is full, but a same-signature overwrite counts 0 */
	assert_true(evicted <= 8192 - 1024 && evicted >= (8192 - 1024) * 95 / 100);
	/* re-adding a key moves it to the new set instead of adding a second entry */
	assert_int_equal(rte_member_add(ss, &k, 77), 0);
	assert_int_equal(rte_member_lookup(ss, &k, &set), 1);
	assert_int_equal(set, 77);
	assert_int_equal(rte_member_lookup_multi(ss, &k, 4, sets), 1);
	assert_int_equal(rte_member_delete(ss, &k, 77), 0);
	assert_int_equal(rte_member_lookup(ss, &k, &set), 0);
	rte_member_free(ss);
}

static void
test_vbf(void **state)
{
	const unsigned int num_set = 8, per_set = 5000, n = num_set * per_set, probes = 200000;
	struct rte_member_parameters p = params("vbf", RTE_MEMBER_TYPE_VBF);
	struct key *keys = calloc(n, sizeof(*keys));
	member_set_t multi[RTE_MEMBER_LOOKUP_BULK_MAX * 8], got[RTE_MEMBER_LOOKUP_BULK_MAX];
	uint32_t count[RTE_MEMBER_LOOKUP_BULK_MAX];
	const void *kp[RTE_MEMBER_LOOKUP_BULK_MAX];
	struct rte_member_setsum *ss;
	unsigned int i, j, missing = 0, fp;
	uint64_t s = 1;
	int m;

	(void)state;
	assert_non_null(keys);
	p.num_keys = n;
	p.num_set = num_set;
	p.false_positive_rate = 0.03f;
	ss = rte_member_create(&p);
	assert_non_null(ss);
	for (i = 0; i < n; i++) {
		key_random(&keys[i], &s);
		assert_int_equal(rte_member_add(ss, &keys[i], 1 + i % num_set), 0);
	}
	for (i = 0; i < n; i += RTE_MEMBER_LOOKUP_BULK_MAX) {
		for (j = 0; j < RTE_MEMBER_LOOKUP_BULK_MAX; j++)
			kp[j] = &keys[i + j];
		assert_int_equal(rte_member_lookup_multi_bulk(ss, kp, RTE_MEMBER_LOOKUP_BULK_MAX,
				8, count, multi), RTE_MEMBER_LOOKUP_BULK_MAX);
		assert_int_equal(rte_member_lookup_bulk(ss, kp, RTE_MEMBER_LOOKUP_BULK_MAX, got),
				RTE_MEMBER_LOOKUP_BULK_MAX);
		for (j = 0; j < RTE_MEMBER_LOOKUP_BULK_MAX; j++) {
			member_set_t want = 1 + (i + j) % num_set;

			for (m = count[j]; m > 0 && multi[j * 8 + m - 1] != want; m--)
				;
			missing += m == 0;
			/* the first match is the lowest set the key may be in */
			assert_true(got[j] == multi[j * 8]);
		}
	}
	assert_int_equal(missing, 0);
	fp = false_positives(ss, probes, 4242);
	print_message("VBF: false positive rate %.5f, configured %.5f\n", (double)fp / probes,
		p.false_positive_rate);
	assert_true((double)fp / probes < p.false_positive_rate);
	rte_member_reset(ss);
	assert_int_equal(false_positives(ss, 1000, 1), 0);
	rte_member_free(ss);
	free(keys);
}

/*
 * A skewed stream: HEAVY keys seen 2000, 1900, ... times, and LIGHT keys seen 1 to 4 times,
 * shuffled. Returns the total count.
 */
#define HEAVY 10
#define LIGHT 20000
static struct key sk_keys[HEAVY + LIGHT];
static uint32_t sk_true[HEAVY + LIGHT];

static uint64_t
stream(const struct rte_member_setsum *ss, bool bytes)
{
	static uint32_t order[HEAVY * 2000 + LIGHT * 4];
	uint64_t s = 31, total = 0;
	uint32_t i, j, n = 0, t;

	for (i = 0; i < HEAVY + LIGHT; i++) {
		key_random(&sk_keys[i], &s);
		sk_true[i] = i < HEAVY ? 2000 - 100 * i : 1 + rnd(&s) % 4;
		for (j = 0; j < sk_true[i]; j++)
			order[n++] = i;
	}
	for (i = n - 1; i > 0; i--) {
		j = rnd(&s) % (i + 1);
		t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (i = 0; i < n; i++) {
		if (bytes)
			assert_int_equal(rte_member_add_byte_count(ss, &sk_keys[order[i]], 100), 0);
		else
			assert_int_equal(rte_member_add(ss, &sk_keys[order[i]], 0), 0);
		total++;
	}
	return total;
}

static void
check_heavy(const struct rte_member_setsum *ss, uint64_t unit, double rel)
{
	void *keys[HEAVY];
	uint64_t counts[HEAVY];
	int n, i, j;

	n = rte_member_report_heavyhitter(ss, keys, counts);
	assert_int_equal(n, HEAVY);
	for (i = 0; i < n; i++) {
		for (j = 0; j < HEAVY && memcmp(keys[i], &sk_keys[j], KEY_LEN) != 0; j++)
			;
		assert_true(j < HEAVY);
		assert_true(counts[i] >= (1 - rel) * sk_true[j] * unit);
		assert_true(counts[i] <= (1 + rel) * sk_true[j] * unit);
		if (i > 0)
			assert_true(counts[i] <= counts[i - 1]);
	}
}

static void
test_sketch_exact(void **state)
{
	struct rte_member_parameters p = params("sk", RTE_MEMBER_TYPE_SKETCH);
	struct rte_member_setsum *ss;
	uint64_t total, c, bound;
	unsigned int i, over = 0;
	member_set_t set;

	(void)state;
	p.top_k = HEAVY;
	ss = rte_member_create(&p);
	assert_non_null(ss);
	total = stream(ss, false);
	check_heavy(ss, 1, 0.05);
	/* count-min: never below the truth, above it by at most error_rate * total (w.h.p.) */
	bound = (uint64_t)(p.error_rate * total) + 1;
	for (i = 0; i < HEAVY + LIGHT; i++) {
		assert_int_equal(rte_member_query_count(ss, &sk_keys[i], &c), 0);
		assert_true(c >= sk_true[i]);
		over += c > sk_true[i] + bound;
	}
	print_message("sketch: %u of %u counts above the bound %" PRIu64 "\n", over,
		HEAVY + LIGHT, bound);
	assert_true(over < (HEAVY + LIGHT) / 100);
	assert_int_equal(rte_member_lookup(ss, &sk_keys[0], &set), 1);
	assert_int_equal(set, 1);
	assert_int_equal(rte_member_lookup(ss, &sk_keys[HEAVY + 5], &set), 1);
	assert_int_equal(set, 0);
	/* delete forgets a heavy hitter */
	assert_int_equal(rte_member_delete(ss, &sk_keys[0], 0), 0);
	assert_int_equal(rte_member_query_count(ss, &sk_keys[0], &c), 0);
	assert_int_equal(c, 0);
	assert_int_equal(rte_member_delete(ss, &sk_keys[0], 0), -1);
	rte_member_reset(ss);
	assert_int_equal(rte_member_query_count(ss, &sk_keys[1], &c), 0);
	assert_int_equal(c, 0);
	assert_int_equal(rte_member_lookup(ss, &sk_keys[1], &set), 0);
	rte_member_free(ss);
}

static void
test_sketch_sampled(void **state)
{
	struct rte_member_parameters p = params("sk_s", RTE_MEMBER_TYPE_SKETCH);
	struct rte_member_setsum *ss;

	(void)state;
	p.top_k = HEAVY;
	p.sample_rate = 0.5f;
	ss = rte_member_create(&p);
	assert_non_null(ss);
	stream(ss, false);
	check_heavy(ss, 1, 0.15);
	rte_member_free(ss);

	p.name = "sk_b";
	p.extra_flag = RTE_MEMBER_SKETCH_ALWAYS_BOUNDED;
	ss = rte_member_create(&p);
	assert_non_null(ss);
	stream(ss, false);
	check_heavy(ss, 1, 0.15);
	rte_member_free(ss);

	p.name = "sk_bytes";
	p.extra_flag = RTE_MEMBER_SKETCH_COUNT_BYTE;
	ss = rte_member_create(&p);
	assert_non_null(ss);
	stream(ss, true);
	check_heavy(ss, 100, 0.05);
	rte_member_free(ss);
}

int
main(void)
{
	static const char *const args[] = { "test_member", "--no-huge", "-m", "512",
		"--file-prefix=test_member", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_call_errors),
		cmocka_unit_test(test_ht_noncache),
		cmocka_unit_test(test_ht_full),
		cmocka_unit_test(test_ht_cache),
		cmocka_unit_test(test_vbf),
		cmocka_unit_test(test_sketch_exact),
		cmocka_unit_test(test_sketch_sampled),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
