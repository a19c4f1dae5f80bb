/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Word-size helpers (128-bit compare-exchange, byte swaps), the inline thread id, core masks,
 * the timer source switches, and the file readers EAL exports to drivers.
 */
#include "test_common.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ALLOW_EXPERIMENTAL_API
#include <rte_atomic.h>
#include <rte_byteorder.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_spinlock.h>

#include "eal_filesystem.h"
#include "eal_firmware.h"

/* Not declared by rte_cycles.h unless the build maps VMware's TSC. */
extern int rte_cycles_vmware_tsc_map;

static void
test_atomic128(void **state)
{
	rte_int128_t v = { .val = { 1, 2 } };
	rte_int128_t exp = { .val = { 1, 2 } };
	const rte_int128_t src = { .val = { 0x1111, 0x2222 } };

	(void)state;
	assert_int_equal(sizeof(rte_int128_t), 16);
	assert_int_equal(__alignof__(rte_int128_t), 16);
	assert_int_equal(rte_atomic128_cmp_exchange(&v, &exp, &src, 0, __ATOMIC_ACQ_REL,
		__ATOMIC_ACQUIRE), 1);
	assert_true(v.val[0] == 0x1111 && v.val[1] == 0x2222);
	/* exp no longer matches: nothing written, exp now holds what is there. */
	exp.val[0] = 1;
	exp.val[1] = 2;
	assert_int_equal(rte_atomic128_cmp_exchange(&v, &exp, &src, 1, __ATOMIC_RELAXED,
		__ATOMIC_RELAXED), 0);
	assert_true(exp.val[0] == 0x1111 && exp.val[1] == 0x2222);
	assert_true(v.val[0] == 0x1111 && v.val[1] == 0x2222);
	/* A difference in the high half alone is enough to fail. */
	exp.val[1] = 0;
	assert_int_equal(rte_atomic128_cmp_exchange(&v, &exp, &src, 0, __ATOMIC_SEQ_CST,
		__ATOMIC_SEQ_CST), 0);
	assert_true(exp.val[1] == 0x2222);
}

static void
test_atomic64_counters(void **state)
{
	rte_atomic64_t c = RTE_ATOMIC64_INIT(5);
	volatile uint64_t word = UINT64_C(0x100000000);

	(void)state;
	assert_true(rte_atomic64_read(&c) == 5);
	rte_atomic64_add(&c, INT64_C(1) << 40);
	assert_true(rte_atomic64_read(&c) == (INT64_C(1) << 40) + 5);
	assert_true(rte_atomic64_sub_return(&c, (INT64_C(1) << 40) + 5) == 0);
	assert_int_equal(rte_atomic64_test_and_set(&c), 1);
	assert_int_equal(rte_atomic64_test_and_set(&c), 0);
	assert_int_equal(rte_atomic64_cmpset(&word, UINT64_C(0x100000000), 7), 1);
	assert_int_equal(rte_atomic64_cmpset(&word, UINT64_C(0x100000000), 9), 0);
	assert_true(rte_atomic64_exchange(&word, 3) == 7);
}

static void
test_byte_swaps(void **state)
{
	volatile uint64_t x64 = UINT64_C(0x0102030405060708);
	volatile uint32_t x32 = 0x01020304;
	volatile uint16_t x16 = 0x0102;

	(void)state;
	assert_true(rte_arch_bswap64(x64) == UINT64_C(0x0807060504030201));
	assert_true(rte_arch_bswap32(x32) == 0x04030201);
	assert_true(rte_arch_bswap16(x16) == 0x0201);
	assert_true(rte_constant_bswap64(UINT64_C(0x0102030405060708)) ==
		UINT64_C(0x0807060504030201));
	assert_true(rte_constant_bswap32(0x01020304) == 0x04030201);
	assert_true(rte_constant_bswap16(0x0102) == 0x0201);
	assert_true(rte_arch_bswap64(x64) == rte_bswap64(x64));
}

static void *
tid_thread(void *arg)
{
	int *out = arg;

	out[0] = rte_gettid();
	out[1] = (int)syscall(SYS_gettid);
	out[2] = RTE_PER_LCORE(_thread_id);
	return NULL;
}

static void
test_gettid(void **state)
{
	pthread_t t;
	int other[3];

	(void)state;
	assert_int_equal(rte_gettid(), (int)syscall(SYS_gettid));
	/* The first call caches it in the exported per-thread variable. */
	assert_int_equal(RTE_PER_LCORE(_thread_id), (int)syscall(SYS_gettid));
	assert_int_equal(rte_sys_gettid(), rte_gettid());
	assert_int_equal(pthread_create(&t, NULL, tid_thread, other), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(other[0], other[1]);
	assert_int_equal(other[2], other[1]);
	assert_int_not_equal(other[0], rte_gettid());
}

static void
test_recursive_spinlock(void **state)
{
	rte_spinlock_recursive_t l = RTE_SPINLOCK_RECURSIVE_INITIALIZER;

	(void)state;
	rte_spinlock_recursive_lock(&l);
	rte_spinlock_recursive_lock(&l);
	assert_int_equal(l.user, rte_gettid());
	assert_int_equal(l.count, 2);
	rte_spinlock_recursive_unlock(&l);
	rte_spinlock_recursive_unlock(&l);
	assert_int_equal(l.user, -1);
	assert_int_equal(rte_spinlock_recursive_trylock(&l), 1);
	rte_spinlock_recursive_unlock(&l);
}

static void
test_parse_coremask(void **state)
{
	static int cores[RTE_MAX_LCORE];
	unsigned int i;
	const char *bad[] = { "", "0x", "0", "0x0", "xyz", "0x1g", "-1", NULL };

	(void)state;
	assert_int_equal(rte_eal_parse_coremask("0xa", cores), 0);
	for (i = 0; i < RTE_MAX_LCORE; i++)
		assert_int_equal(cores[i], i == 1 ? 0 : i == 3 ? 1 : -1);
	assert_int_equal(rte_eal_parse_coremask(" F0 ", cores), 0);
	assert_int_equal(cores[3], -1);
	assert_int_equal(cores[4], 0);
	assert_int_equal(cores[7], 3);
	assert_int_equal(cores[8], -1);
	/* Leading zeros beyond RTE_MAX_LCORE bits are harmless. */
	assert_int_equal(rte_eal_parse_coremask("0x0000000000000000000000000000000000000001",
		cores), 0);
	assert_int_equal(cores[0], 0);
	for (i = 0; bad[i] != NULL; i++) {
		cores[0] = 42;
		if (rte_eal_parse_coremask(bad[i], cores) != -1)
			fail_msg("coremask '%s' accepted", bad[i]);
		assert_int_equal(cores[0], 42);
	}
	assert_int_equal(rte_eal_parse_coremask(NULL, cores), -1);
	assert_int_equal(rte_eal_parse_coremask("1", NULL), -1);
}

static void
test_timer_source(void **state)
{
	(void)state;
	assert_int_equal(eal_timer_source, EAL_TIMER_TSC);
	assert_true(rte_get_timer_hz() == rte_get_tsc_hz());
}

/* Write len bytes of data to a fresh file under /tmp; its path goes to path. */
static void
write_file(char *path, size_t size, const char *data, size_t len)
{
	int fd;

	snprintf(path, size, "/tmp/test_eal_arch.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
}

static void
test_parse_sysfs_value(void **state)
{
	const struct { const char *text; unsigned long val; } good[] = {
		{ "42\n", 42 }, { "0x1f\n", 31 }, { "010\n", 8 }, { "7", 7 },
	};
	const char *bad[] = { "", "\n", "abc\n", "12abc\n", "0x\n",
		"99999999999999999999999999\n" };
	char path[64];
	unsigned long v;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(good); i++) {
		write_file(path, sizeof(path), good[i].text, strlen(good[i].text));
		v = 0;
		assert_int_equal(eal_parse_sysfs_value(path, &v), 0);
		assert_true(v == good[i].val);
		unlink(path);
	}
	for (i = 0; i < RTE_DIM(bad); i++) {
		write_file(path, sizeof(path), bad[i], strlen(bad[i]));
		v = 5;
		if (eal_parse_sysfs_value(path, &v) != -1)
			fail_msg("sysfs value '%s' accepted", bad[i]);
		assert_true(v == 5);
		unlink(path);
	}
	assert_int_equal(eal_parse_sysfs_value("/nonexistent/value", &v), -1);
	assert_int_equal(eal_parse_sysfs_value(NULL, &v), -1);
	assert_int_equal(eal_parse_sysfs_value("/proc/self/stat", NULL), -1);
}

static void
test_firmware_read(void **state)
{
	static const char blob[] = "\x7f" "FW\0image\xff";
	char path[64], xz[80], dir[] = "/tmp/test_eal_arch_dir.XXXXXX";
	void *buf = NULL;
	size_t len = 0;

	(void)state;
	write_file(path, sizeof(path), blob, sizeof(blob));
	assert_int_equal(rte_firmware_read(path, &buf, &len), 0);
	assert_int_equal(len, sizeof(blob));
	assert_memory_equal(buf, blob, sizeof(blob));
	free(buf);
	unlink(path);

	/* An empty image is still a buffer the caller frees. */
	write_file(path, sizeof(path), "", 0);
	buf = NULL;
	assert_int_equal(rte_firmware_read(path, &buf, &len), 0);
	assert_int_equal(len, 0);
	assert_non_null(buf);
	free(buf);

	/* Only the compressed image: refused, nothing allocated. */
	snprintf(xz, sizeof(xz), "%s.xz", path);
	assert_int_equal(rename(path, xz), 0);
	buf = NULL;
	assert_int_equal(rte_firmware_read(path, &buf, &len), -1);
	assert_null(buf);
	unlink(xz);

	assert_non_null(mkdtemp(dir));
	assert_int_equal(rte_firmware_read(dir, &buf, &len), -1);
	rmdir(dir);
	assert_int_equal(rte_firmware_read("/nonexistent/fw.bin", &buf, &len), -1);
	assert_int_equal(rte_firmware_read(NULL, &buf, &len), -1);
	assert_int_equal(rte_firmware_read("/proc/self/stat", NULL, &len), -1);
	assert_int_equal(rte_firmware_read("/proc/self/stat", &buf, NULL), -1);
	assert_null(buf);
}

static void
test_vmware_tsc_map_option(void **state)
{
	const char *args[] = { "prog", "--file-prefix=test_eal_arch", "--no-huge", "-m", "64",
		"--no-pci", "--no-telemetry", "--vmware-tsc-map", NULL };
	struct test_argv a;

	(void)state;
	assert_int_equal(rte_cycles_vmware_tsc_map, 0);
	test_argv_build(&a, args);
	assert_true(rte_eal_init(a.argc, a.argv) >= 0);
	assert_int_equal(rte_cycles_vmware_tsc_map, 1);
	/* This build does not map VMware's TSC: rte_rdtsc keeps reading the TSC. */
	assert_true(rte_rdtsc() != 0);
	assert_int_equal(rte_eal_cleanup(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_atomic128),
		cmocka_unit_test(test_atomic64_counters),
		cmocka_unit_test(test_byte_swaps),
		cmocka_unit_test(test_gettid),
		cmocka_unit_test(test_recursive_spinlock),
		cmocka_unit_test(test_parse_coremask),
		cmocka_unit_test(test_timer_source),
		cmocka_unit_test(test_parse_sysfs_value),
		cmocka_unit_test(test_firmware_read),
		cmocka_unit_test(test_vmware_tsc_map_option),
	};

	return cmocka_run_group_tests_name("eal_arch", tests, NULL, NULL);
}
