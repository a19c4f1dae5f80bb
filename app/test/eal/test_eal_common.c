/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers of rte_common.h, rte_bitops.h and rte_prefetch.h, and what they must not define. */
#include "test_common.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_bitops.h>
#include <rte_memory.h>
#include <rte_prefetch.h>

/* Public headers add only RTE_/rte_ names: none of these may leak into applications. */
#if defined(KB) || defined(MB) || defined(GB)
#error "rte_common.h defines KB, MB or GB"
#endif

static void
test_page_sizes(void **state)
{
	(void)state;
	assert_true(RTE_PGSIZE_4K == 4096ULL);
	assert_true(RTE_PGSIZE_64K == 65536ULL);
	assert_true(RTE_PGSIZE_256K == 256ULL << 10);
	assert_true(RTE_PGSIZE_2M == 2ULL << 20);
	assert_true(RTE_PGSIZE_16M == 16ULL << 20);
	assert_true(RTE_PGSIZE_256M == 256ULL << 20);
	assert_true(RTE_PGSIZE_512M == 512ULL << 20);
	assert_true(RTE_PGSIZE_1G == 1ULL << 30);
	assert_true(RTE_PGSIZE_4G == 4ULL << 30);
	assert_true(RTE_PGSIZE_16G == 16ULL << 30);
}

static void
test_swap_and_align(void **state)
{
	int a = 1, b = 2;
	uint64_t x = 7, y = UINT64_MAX;

	(void)state;
	RTE_SWAP(a, b);
	assert_int_equal(a, 2);
	assert_int_equal(b, 1);
	RTE_SWAP(x, y);
	assert_true(x == UINT64_MAX && y == 7);

	assert_int_equal(RTE_ALIGN_MUL_NEAR(14, 10), 10);
	assert_int_equal(RTE_ALIGN_MUL_NEAR(16, 10), 20);
	assert_int_equal(RTE_ALIGN_MUL_NEAR(15, 10), 20); /* a tie rounds up */
	assert_int_equal(RTE_ALIGN_MUL_NEAR(30, 10), 30);
}

static void
test_bit_scans(void **state)
{
	uint32_t pos = 99;

	(void)state;
	assert_int_equal(rte_bsf32(0x80), 7);
	assert_int_equal(rte_bsf64(UINT64_C(1) << 40), 40);
	assert_int_equal(rte_bsf64(UINT64_C(0x8000000000000001)), 0);

	assert_int_equal(rte_bsf32_safe(0, &pos), 0);
	assert_int_equal(pos, 99); /* untouched for 0 */
	assert_int_equal(rte_bsf32_safe(0x100, &pos), 1);
	assert_int_equal(pos, 8);
	pos = 99;
	assert_int_equal(rte_bsf64_safe(0, &pos), 0);
	assert_int_equal(pos, 99);
	assert_int_equal(rte_bsf64_safe(UINT64_C(1) << 63, &pos), 1);
	assert_int_equal(pos, 63);

	assert_int_equal(rte_fls_u32(0), 0);
	assert_int_equal(rte_fls_u32(1), 1);
	assert_int_equal(rte_fls_u32(0x80000000), 32);
	assert_int_equal(rte_fls_u64(0), 0);
	assert_int_equal(rte_fls_u64(UINT64_C(1) << 40), 41);
	assert_int_equal(rte_fls_u64(UINT64_MAX), 64);

	assert_true(rte_combine64ms1b(UINT64_C(1) << 40) == (UINT64_C(1) << 41) - 1);
	assert_true(rte_combine64ms1b(0) == 0);
	assert_int_equal(rte_combine32ms1b(0x10), 0x1f);
}

static void
test_bitops(void **state)
{
	uint32_t w = 0;
	uint64_t d = 0;

	(void)state;
	assert_int_equal(rte_bit_relaxed_test_and_set32(5, &w), 0);
	assert_int_equal(w, 0x20);
	assert_int_not_equal(rte_bit_relaxed_test_and_set32(5, &w), 0);
	assert_int_equal(w, 0x20);
	assert_int_not_equal(rte_bit_relaxed_test_and_clear32(5, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(rte_bit_relaxed_test_and_clear32(5, &w), 0);
	assert_int_equal(w, 0);

	assert_true(rte_bit_relaxed_test_and_set64(62, &d) == 0);
	assert_true(d == UINT64_C(1) << 62);
	assert_true(rte_bit_relaxed_test_and_set64(62, &d) == UINT64_C(1) << 62);
	rte_bit_relaxed_set64(1, &d);
	assert_true(rte_bit_relaxed_test_and_clear64(62, &d) == UINT64_C(1) << 62);
	assert_true(d == 2);
	assert_true(rte_bit_relaxed_test_and_clear64(62, &d) == 0);
	assert_true(rte_bit_relaxed_get64(1, &d) != 0);
}

static void
test_prefetch(void **state)
{
	char line[RTE_CACHE_LINE_SIZE] = { 0 };

	(void)state;
	/* Hints only: they must compile and accept any address. */
	rte_prefetch0_write(line);
	rte_prefetch1_write(line);
	rte_prefetch2_write(line);
	rte_prefetch1(line);
	rte_prefetch2(line);
}

/* Formats through RTE_FMT, the way a logging macro without ", ## __VA_ARGS__" would. */
#define TEST_FMT(buf, ...) \
	snprintf(buf, sizeof(buf), RTE_FMT(RTE_FMT_HEAD(__VA_ARGS__ ,), RTE_FMT_TAIL(__VA_ARGS__ ,)))

static void
test_fmt(void **state)
{
	char buf[64];

	(void)state;
	TEST_FMT(buf, "plain");
	assert_string_equal(buf, "plain");
	TEST_FMT(buf, "%d-%s", 4, "x");
	assert_string_equal(buf, "4-x");
}

static void
test_str_to_size(void **state)
{
	(void)state;
	assert_true(rte_str_to_size("512") == 512);
	assert_true(rte_str_to_size("  4k") == 4096);
	assert_true(rte_str_to_size("2M") == 2ULL << 20);
	assert_true(rte_str_to_size("1 G") == 1ULL << 30);
	assert_true(rte_str_to_size("3t") == 3ULL << 40);
	assert_true(rte_str_to_size("1P") == 1ULL << 50);
	assert_true(rte_str_to_size("1E") == 1ULL << 60);
	assert_true(rte_str_to_size("0x10K") == 16ULL << 10);
	assert_true(rte_str_to_size("-1M") == 0);
	assert_true(rte_str_to_size("99999999999999999999999") == 0);
}

/* Run fn in a child whose stderr is captured; 1 if it died of SIGABRT having printed want. */
static int
dies_with(void (*fn)(void), const char *want)
{
	char out[4096] = "";
	size_t len = 0;
	ssize_t n;
	int fds[2], status;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		fn();
		_exit(0);
	}
	close(fds[1]);
	while (len < sizeof(out) - 1 && (n = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += (size_t)n;
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT && strstr(out, want) != NULL;
}

static void
panic_with_args(void)
{
	rte_panic("boom %d\n", 7);
}

static void
panic_plain(void)
{
	rte_panic("plain message\n");
}

static void
panic_direct(void)
{
	__rte_panic("caller", "direct %s\n", "call");
}

static void
test_panic(void **state)
{
	(void)state;
	assert_true(dies_with(panic_with_args, "boom 7"));
	assert_true(dies_with(panic_with_args, "PANIC in panic_with_args()"));
	assert_true(dies_with(panic_plain, "plain message"));
	assert_true(dies_with(panic_direct, "PANIC in caller():"));
	assert_true(dies_with(panic_direct, "direct call"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_sizes),
		cmocka_unit_test(test_swap_and_align),
		cmocka_unit_test(test_bit_scans),
		cmocka_unit_test(test_bitops),
		cmocka_unit_test(test_prefetch),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_str_to_size),
		cmocka_unit_test(test_panic),
	};

	return cmocka_run_group_tests_name("eal_common", tests, NULL, NULL);
}
