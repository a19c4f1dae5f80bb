/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Small EAL services: reciprocal division, UUIDs, hex dumps, named lists (tailq), CPU flags,
 * hypervisor, SIMD width, library version, time conversions.
 */
#include "test_common.h"

#include <errno.h>
#include <cpuid.h>

#include <rte_common.h>
#include <rte_cpuflags.h>
#include <rte_hexdump.h>
#include <rte_hypervisor.h>
#include <rte_pci_dev_features.h>
#include <rte_power_intrinsics.h>
#include <rte_rtm.h>
#include <rte_spinlock.h>
#include <rte_reciprocal.h>
#include <rte_tailq.h>
#include <rte_time.h>
#include <rte_uuid.h>
#include <rte_vect.h>
#include <rte_version.h>

static void
test_reciprocal(void **state)
{
	static const uint32_t d32[] = {
		1, 2, 3, 7, 10, 64, 1000, 65537, 0x7fffffff, 0x80000000, 0x80000001, UINT32_MAX,
	};
	static const uint32_t a32[] = {
		0, 1, 2, 3, 99, 1000, 65536, 0x12345678, 0x7fffffff, 0x80000000, UINT32_MAX - 1,
		UINT32_MAX,
	};
	static const uint64_t d64[] = {
		1, 3, 10, UINT64_C(1) << 32, (UINT64_C(1) << 32) + 1, UINT64_C(0x123456789),
		UINT64_C(1) << 63, (UINT64_C(1) << 63) + 1, UINT64_MAX,
	};
	static const uint64_t a64[] = {
		0, 1, 12345, UINT64_C(1) << 40, UINT64_C(0xdeadbeefcafef00d), UINT64_MAX - 1,
		UINT64_MAX,
	};
	unsigned int i, j;
	uint32_t x;

	(void)state;
	for (i = 0; i < RTE_DIM(d32); i++) {
		struct rte_reciprocal r = rte_reciprocal_value(d32[i]);

		for (j = 0; j < RTE_DIM(a32); j++)
			assert_int_equal(rte_reciprocal_divide(a32[j], r), a32[j] / d32[i]);
	}
	for (i = 0; i < RTE_DIM(d64); i++) {
		struct rte_reciprocal_u64 r = rte_reciprocal_value_u64(d64[i]);

		for (j = 0; j < RTE_DIM(a64); j++)
			assert_true(rte_reciprocal_divide_u64(a64[j], &r) == a64[j] / d64[i]);
	}
	/* Pseudo-random pairs. */
	x = 12345;
	for (i = 0; i < 10000; i++) {
		uint32_t d, a;

		x = x * 1103515245 + 12345;
		d = (x >> 8) | 1;
		x = x * 1103515245 + 12345;
		a = x;
		assert_int_equal(rte_reciprocal_divide(a, rte_reciprocal_value(d)), a / d);
	}
}

static void
test_uuid(void **state)
{
	static const rte_uuid_t known = RTE_UUID_INIT(0xf81d4fae, 0x7dec, 0x11d0, 0xa765,
		0x00a0c91e6bf6ULL);
	static const char *const bad[] = {
		"", "f81d4fae7dec11d0a76500a0c91e6bf6", "f81d4fae-7dec-11d0-a765-00a0c91e6bf",
		"f81d4fae-7dec-11d0-a765-00a0c91e6bf6x", "f81d4fae-7dec-11d0-a765x00a0c91e6bf6",
		"g81d4fae-7dec-11d0-a765-00a0c91e6bf6", "f81d4fa-e7dec-11d0-a765-00a0c91e6bf6",
	};
	rte_uuid_t u, v, zero = { 0 };
	char out[RTE_UUID_STRLEN];
	char small[10];
	unsigned int i;

	(void)state;
	assert_true(rte_uuid_is_null(zero));
	assert_false(rte_uuid_is_null(known));
	assert_int_equal(rte_uuid_parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", u), 0);
	assert_int_equal(memcmp(u, known, sizeof(u)), 0);
	assert_int_equal(rte_uuid_parse("F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6", v), 0);
	assert_int_equal(rte_uuid_compare(u, v), 0);
	rte_uuid_unparse(u, out, sizeof(out));
	assert_string_equal(out, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
	rte_uuid_unparse(u, small, sizeof(small));
	assert_string_equal(small, "f81d4fae-");
	for (i = 0; i < RTE_DIM(bad); i++) {
		memcpy(v, known, sizeof(v));
		assert_int_equal(rte_uuid_parse(bad[i], v), -1);
		assert_int_equal(rte_uuid_compare(v, known), 0); /* untouched */
	}
	assert_int_equal(rte_uuid_compare(zero, known), -1);
	assert_int_equal(rte_uuid_compare(known, zero), 1);
	rte_uuid_copy(v, known);
	assert_int_equal(rte_uuid_compare(v, known), 0);
}

static void
test_hexdump(void **state)
{
	unsigned char buf[20];
	char *text = NULL;
	size_t len = 0;
	unsigned int i;
	FILE *f;

	(void)state;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(0x41 + i);
	buf[3] = 0x07;
	f = open_memstream(&text, &len);
	assert_non_null(f);
	rte_hexdump(f, "title", buf, sizeof(buf));
	rte_memdump(f, "md", buf, 4);
	fclose(f);
	assert_non_null(strstr(text, "title at ["));
	assert_non_null(strstr(text, "len=20\n"));
	assert_non_null(strstr(text,
		"00000000: 41 42 43 07 45 46 47 48 49 4A 4B 4C 4D 4E 4F 50 | ABC.EFGHIJKLMNOP\n"));
	assert_non_null(strstr(text, "00000010: 51 52 53 54"));
	assert_non_null(strstr(text, " | QRST\n"));
	assert_non_null(strstr(text, "md: 41:42:43:07\n"));
	free(text);
}

/* Registered before main(), as a library would. */
static struct rte_tailq_elem test_tailq = { .name = "test_util_list" };
EAL_REGISTER_TAILQ(test_tailq)

static void
test_tailq_registry(void **state)
{
	struct rte_tailq_elem dup = { .name = "test_util_list" };
	struct rte_tailq_elem empty = { .name = "" };
	struct rte_tailq_elem extra = { .name = "test_util_other" };
	struct rte_tailq_entry entry = { .data = &entry };
	struct rte_tailq_entry_head *list;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_non_null(test_tailq.head);
	assert_string_equal(test_tailq.head->name, "test_util_list");
	assert_ptr_equal(rte_eal_tailq_lookup("test_util_list"), test_tailq.head);
	assert_null(rte_eal_tailq_lookup("no_such_list"));
	assert_null(rte_eal_tailq_lookup(NULL));

	list = RTE_TAILQ_CAST(test_tailq.head, rte_tailq_entry_head);
	assert_true(TAILQ_EMPTY(list));
	TAILQ_INSERT_TAIL(list, &entry, next);
	assert_ptr_equal(RTE_TAILQ_LOOKUP("test_util_list", rte_tailq_entry_head)->tqh_first,
		&entry);

	assert_int_equal(rte_eal_tailq_register(&dup), -1);
	assert_null(dup.head);
	assert_int_equal(rte_eal_tailq_register(&empty), -1);
	assert_int_equal(rte_eal_tailq_register(NULL), -1);
	assert_int_equal(rte_eal_tailq_register(&extra), 0);
	assert_ptr_equal(rte_eal_tailq_lookup("test_util_other"), extra.head);

	f = open_memstream(&text, &len);
	assert_non_null(f);
	rte_dump_tailq(f);
	fclose(f);
	assert_non_null(strstr(text, "qname:<test_util_list>"));
	assert_non_null(strstr(text, "qname:<test_util_other>"));
	free(text);
	TAILQ_REMOVE(list, &entry, next);
}

static void
test_cpuflags(void **state)
{
	unsigned int a, b, c, d;
	int f;

	(void)state;
	assert_string_equal(rte_cpu_get_flag_name(RTE_CPUFLAG_SSE3), "SSE3");
	assert_string_equal(rte_cpu_get_flag_name(RTE_CPUFLAG_1GB_PG), "1GB_PG");
	assert_string_equal(rte_cpu_get_flag_name(RTE_CPUFLAG_WAITPKG), "WAITPKG");
	assert_null(rte_cpu_get_flag_name(RTE_CPUFLAG_NUMFLAGS));
	assert_null(rte_cpu_get_flag_name((enum rte_cpu_flag_t)-1));
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_NUMFLAGS), -ENOENT);
	assert_int_equal(rte_cpu_get_flag_enabled((enum rte_cpu_flag_t)-1), -ENOENT);
	/* Every x86-64 CPU has these. */
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE2), 1);
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_EM64T), 1);
	/* Agrees with the compiler's own CPUID reading. */
	__cpuid(1, a, b, c, d);
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_2), (c >> 20) & 1);
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_HYPERVISOR), (c >> 31) & 1);
	for (f = 0; f < RTE_CPUFLAG_NUMFLAGS; f++) {
		int r = rte_cpu_get_flag_enabled((enum rte_cpu_flag_t)f);

		assert_true(r == 0 || r == 1 || r == -EFAULT);
		assert_non_null(rte_cpu_get_flag_name((enum rte_cpu_flag_t)f));
	}
	/* This very program runs, so the CPU has what it was compiled for. */
	assert_int_equal(rte_cpu_is_supported(), 1);
}

static void
test_hypervisor(void **state)
{
	enum rte_hypervisor hv = rte_hypervisor_get();

	(void)state;
	if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_HYPERVISOR) == 1)
		assert_int_not_equal(hv, RTE_HYPERVISOR_NONE);
	else
		assert_int_equal(hv, RTE_HYPERVISOR_NONE);
	assert_string_equal(rte_hypervisor_get_name(RTE_HYPERVISOR_NONE), "none");
	assert_string_equal(rte_hypervisor_get_name(RTE_HYPERVISOR_KVM), "KVM");
	assert_string_equal(rte_hypervisor_get_name(RTE_HYPERVISOR_HYPERV), "Hyper-V");
	assert_string_equal(rte_hypervisor_get_name(RTE_HYPERVISOR_VMWARE), "VMware");
	assert_string_equal(rte_hypervisor_get_name(RTE_HYPERVISOR_UNKNOWN), "unknown");
	assert_string_equal(rte_hypervisor_get_name((enum rte_hypervisor)42), "unknown");
}

static void
test_simd_bitwidth(void **state)
{
	(void)state;
	assert_int_equal(rte_vect_get_max_simd_bitwidth(), RTE_VECT_DEFAULT_SIMD_BITWIDTH);
	assert_int_equal(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_512), 0);
	assert_int_equal(rte_vect_get_max_simd_bitwidth(), 512);
	assert_int_equal(rte_vect_set_max_simd_bitwidth(100), -EINVAL);
	assert_int_equal(rte_vect_set_max_simd_bitwidth(32), -EINVAL);
	assert_int_equal(rte_vect_get_max_simd_bitwidth(), 512);
	assert_int_equal(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_MAX), 0);
	assert_int_equal(rte_vect_set_max_simd_bitwidth(RTE_VECT_DEFAULT_SIMD_BITWIDTH), 0);
}

static void
test_version(void **state)
{
	char expect[64];

	(void)state;
	assert_int_equal(rte_version_year(), RTE_VER_YEAR);
	assert_int_equal(rte_version_month(), RTE_VER_MONTH);
	assert_int_equal(rte_version_minor(), RTE_VER_MINOR);
	assert_int_equal(rte_version_release(), RTE_VER_RELEASE);
	assert_string_equal(rte_version_prefix(), RTE_VER_PREFIX);
	assert_string_equal(rte_version_suffix(), RTE_VER_SUFFIX);
	snprintf(expect, sizeof(expect), "%s %u.%u.%u%s", rte_version_prefix(),
		rte_version_year(), rte_version_month(), rte_version_minor(), rte_version_suffix());
	assert_string_equal(rte_version(), expect);
}

static void
test_time(void **state)
{
	struct rte_timecounter tc = {
		.cc_shift = 2, .nsec_mask = 3, .cc_mask = UINT32_MAX,
	};
	struct timespec ts = { .tv_sec = 3, .tv_nsec = 5 };

	(void)state;
	assert_true(rte_timespec_to_ns(&ts) == 3000000005ULL);
	ts = rte_ns_to_timespec(7000000009ULL);
	assert_int_equal(ts.tv_sec, 7);
	assert_int_equal(ts.tv_nsec, 9);
	ts = rte_ns_to_timespec(0);
	assert_int_equal(ts.tv_sec, 0);
	assert_int_equal(ts.tv_nsec, 0);

	/* Four cycles per nanosecond; the remainder carries over. */
	assert_true(rte_timecounter_update(&tc, 10) == 2);
	assert_true(tc.nsec_frac == 2);
	assert_true(rte_timecounter_update(&tc, 12) == 3);
	assert_true(tc.nsec_frac == 0);
	/* A 32-bit counter that wrapped: from 2^32 - 4 to 4 is 8 cycles. */
	tc.cycle_last = UINT32_MAX - 3;
	assert_true(rte_timecounter_update(&tc, 4) == 5);
}

static void
test_power_intrinsics(void **state)
{
	struct rte_power_monitor_cond cond = { .size = 8 };
	struct rte_cpu_intrinsics intr = { 1, 1, 1 };
	uint64_t word = 0;

	(void)state;
	cond.addr = &word;
	rte_cpu_get_intrinsics_support(&intr);
	assert_int_equal(intr.power_monitor, 0);
	assert_int_equal(intr.power_pause, 0);
	assert_int_equal(intr.power_monitor_multi, 0);
	assert_int_equal(rte_power_monitor(&cond, 0), -ENOTSUP);
	assert_int_equal(rte_power_monitor_multi(&cond, 1, 0), -ENOTSUP);
	assert_int_equal(rte_power_monitor_wakeup(0), -ENOTSUP);
	assert_int_equal(rte_power_pause(0), -ENOTSUP);
}

static void
test_rtm(void **state)
{
	volatile int x = 0;
	unsigned int status;
	int tries;

	(void)state;
	assert_int_equal(rte_rtm_supported, rte_cpu_get_flag_enabled(RTE_CPUFLAG_RTM) == 1);
	assert_int_equal(RTE_XABORT_CODE(0xab000001u), 0xab);
	assert_int_equal(rte_tm_supported(), 0);
	if (!rte_rtm_supported) {
		print_message("no RTM on this CPU: instructions not run\n");
		return;
	}
	assert_int_equal(rte_xtest(), 0);
	/* A transaction may abort for reasons of its own: a few tries, then accept aborts. */
	for (tries = 0; tries < 100; tries++) {
		status = rte_xbegin();
		if (status == RTE_XBEGIN_STARTED) {
			x = rte_xtest();
			rte_xend();
			break;
		}
	}
	if (tries < 100)
		assert_int_equal(x, 1);
	status = rte_xbegin();
	if (status == RTE_XBEGIN_STARTED)
		rte_xabort(0x42);
	else if (status & RTE_XABORT_EXPLICIT)
		assert_int_equal(RTE_XABORT_CODE(status), 0x42);
}

static void
test_pci_intr_mode_names(void **state)
{
	(void)state;
	assert_int_equal(RTE_INTR_MODE_NONE, 0);
	assert_int_equal(RTE_INTR_MODE_MSIX, 3);
	assert_string_equal(RTE_INTR_MODE_LEGACY_NAME, "legacy");
	assert_string_equal(RTE_INTR_MODE_MSIX_NAME, "msix");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reciprocal),
		cmocka_unit_test(test_uuid),
		cmocka_unit_test(test_hexdump),
		cmocka_unit_test(test_tailq_registry),
		cmocka_unit_test(test_cpuflags),
		cmocka_unit_test(test_hypervisor),
		cmocka_unit_test(test_simd_bitwidth),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_power_intrinsics),
		cmocka_unit_test(test_rtm),
		cmocka_unit_test(test_pci_intr_mode_names),
	};

	return cmocka_run_group_tests_name("eal_util", tests, NULL, NULL);
}
