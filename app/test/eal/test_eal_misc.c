/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_strerror, string helpers, random numbers and the TSC rate. */
#include "test_common.h"

#include <errno.h>
#include <inttypes.h>
#include <time.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_string_fns.h>
#include <rte_random.h>
#include <rte_cycles.h>

static void
test_strerror(void **state)
{
	char expect[128];

	(void)state;
	snprintf(expect, sizeof(expect), "%s", strerror(EINVAL));
	assert_string_equal(rte_strerror(EINVAL), expect);
	snprintf(expect, sizeof(expect), "%s", strerror(ENOMEM));
	assert_string_equal(rte_strerror(ENOMEM), expect);
	assert_string_equal(rte_strerror(E_RTE_SECONDARY), "Invalid call in secondary process");
	assert_string_equal(rte_strerror(E_RTE_NO_CONFIG), "Missing rte_config structure");
	assert_non_null(strstr(rte_strerror(RTE_MAX_ERRNO - 1 + 1000), "rror"));
	rte_errno = EEXIST;
	assert_int_equal(rte_errno, EEXIST);
}

static void
test_strsplit(void **state)
{
	char s1[] = "a,b,c", s2[] = "a,b,c", s3[] = "x,,y", s4[] = "", s5[] = "p:q:r";
	char *tok[4];

	(void)state;
	assert_int_equal(rte_strsplit(s1, sizeof(s1), tok, 4, ','), 3);
	assert_string_equal(tok[0], "a");
	assert_string_equal(tok[1], "b");
	assert_string_equal(tok[2], "c");
	/* At most maxtokens tokens; the last one keeps the rest of the string. */
	assert_int_equal(rte_strsplit(s2, sizeof(s2), tok, 2, ','), 2);
	assert_string_equal(tok[0], "a");
	assert_string_equal(tok[1], "b,c");
	/* Empty fields are tokens too. */
	assert_int_equal(rte_strsplit(s3, sizeof(s3), tok, 4, ','), 3);
	assert_string_equal(tok[1], "");
	assert_string_equal(tok[2], "y");
	assert_int_equal(rte_strsplit(s4, sizeof(s4), tok, 4, ','), 0);
	/* stringlen bounds the scan. */
	assert_int_equal(rte_strsplit(s5, 3, tok, 4, ':'), 2);
	assert_string_equal(tok[0], "p");
	errno = 0;
	assert_int_equal(rte_strsplit(NULL, 10, tok, 4, ','), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(rte_strsplit(s1, sizeof(s1), NULL, 4, ','), -1);
}

static void
test_strlcpy_strscpy(void **state)
{
	char dst[8];

	(void)state;
	memset(dst, 'z', sizeof(dst));
	assert_int_equal(rte_strlcpy(dst, "hello", sizeof(dst)), 5);
	assert_string_equal(dst, "hello");
	assert_int_equal(rte_strlcpy(dst, "truncate me", sizeof(dst)), 11);
	assert_string_equal(dst, "truncat");
	dst[0] = 'q';
	assert_int_equal(rte_strlcpy(dst, "abc", 0), 3);
	assert_int_equal(dst[0], 'q');
	assert_int_equal(rte_strlcat(dst, "xyz", sizeof(dst)), 10);
	assert_int_equal(strlen(dst), 7);
	assert_int_equal(rte_strscpy(dst, "fits", sizeof(dst)), 4);
	assert_string_equal(dst, "fits");
	assert_int_equal(rte_strscpy(dst, "does not fit", sizeof(dst)), -E2BIG);
	assert_string_equal(dst, "does no");
}

static void
test_rand_max_bounds(void **state)
{
	static const uint64_t bounds[] = { 2, 3, 10, 1000, (1ULL << 32) + 1, (1ULL << 63) + 1,
		UINT64_MAX };
	int seen[10] = { 0 };
	size_t b;
	int i;

	(void)state;
	assert_int_equal(rte_rand_max(0), 0);
	assert_int_equal(rte_rand_max(1), 0);
	for (b = 0; b < RTE_DIM(bounds); b++)
		for (i = 0; i < 20000; i++)
			assert_true(rte_rand_max(bounds[b]) < bounds[b]);
	for (i = 0; i < 10000; i++)
		seen[rte_rand_max(10)]++;
	/* Roughly uniform: each of the 10 values within 30% of 1000. */
	for (i = 0; i < 10; i++)
		assert_true(seen[i] > 700 && seen[i] < 1300);
	for (i = 0; i < 1000; i++) {
		double d = rte_drand();

		assert_true(d >= 0.0 && d < 1.0);
	}
}

static void
test_srand_repeats(void **state)
{
	uint64_t a[16], b[16];
	int i, differ = 0;

	(void)state;
	rte_srand(12345);
	for (i = 0; i < 16; i++)
		a[i] = rte_rand();
	rte_srand(12345);
	for (i = 0; i < 16; i++)
		b[i] = rte_rand();
	assert_memory_equal(a, b, sizeof(a));
	rte_srand(54321);
	for (i = 0; i < 16; i++)
		differ += rte_rand() != a[i];
	assert_true(differ > 0);
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

static void
test_tsc_hz(void **state)
{
	uint64_t hz = rte_get_tsc_hz(), t0, c0, t1, c1, measured;
	double ratio;

	(void)state;
	assert_true(hz > 100 * 1000 * 1000ULL && hz < 10 * 1000 * 1000 * 1000ULL);
	assert_int_equal(rte_get_timer_hz(), hz);
	t0 = now_ns();
	c0 = rte_rdtsc();
	while (now_ns() - t0 < 50 * 1000 * 1000)
		;
	c1 = rte_rdtsc();
	t1 = now_ns();
	measured = (c1 - c0) * NS_PER_S / (t1 - t0);
	ratio = (double)measured / (double)hz;
	if (ratio < 0.99 || ratio > 1.01)
		fail_msg("rte_get_tsc_hz %" PRIu64 " but measured %" PRIu64, hz, measured);

	/* rte_delay_us_block and rte_delay_ms wait at least as long as asked. */
	t0 = now_ns();
	rte_delay_us_block(2000);
	assert_true(now_ns() - t0 >= 2000 * 1000);
	t0 = now_ns();
	rte_delay_ms(3);
	assert_true(now_ns() - t0 >= 3000 * 1000);
	rte_delay_us_callback_register(rte_delay_us_sleep);
	t0 = now_ns();
	rte_delay_us(1500);
	assert_true(now_ns() - t0 >= 1500 * 1000);
	rte_delay_us_callback_register(NULL);
	assert_ptr_equal(rte_delay_us, rte_delay_us_block);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_strsplit),
		cmocka_unit_test(test_strlcpy_strscpy),
		cmocka_unit_test(test_rand_max_bounds),
		cmocka_unit_test(test_srand_repeats),
		cmocka_unit_test(test_tsc_hz),
	};

	return cmocka_run_group_tests_name("eal_misc", tests, NULL, NULL);
}
