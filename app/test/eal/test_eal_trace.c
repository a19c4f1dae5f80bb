/* SPDX-License-Identifier: BSD-3-Clause */
/* Trace point registry: registration, lookup, enabling by name, glob and regex, dumps. */
#include "test_common.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal_trace.h>
#include <rte_errno.h>
#include <rte_per_lcore.h>
#include <rte_trace.h>
#include <rte_trace_point.h>

#include "test_eal_trace_app.h"

/* Defined by EAL and declared by rte_trace_point_register.h, which this file cannot use. */
RTE_DECLARE_PER_LCORE(volatile int, trace_point_sz);

#define NB_EAL_GENERIC 17 /* lib.eal.generic.* trace points */
#define NB_EAL_MEM 4 /* lib.eal.mem.* trace points */

static uint32_t
tp_id(const rte_trace_point_t *tp)
{
	return (uint32_t)((*tp & __RTE_TRACE_FIELD_ID_MASK) >> __RTE_TRACE_FIELD_ID_SHIFT);
}

static uint32_t
tp_size(const rte_trace_point_t *tp)
{
	return (uint32_t)(*tp & __RTE_TRACE_FIELD_SIZE_MASK);
}

/* How many of the named trace points are enabled. */
static int
count_enabled(const char *const names[], size_t n)
{
	int on = 0;
	size_t i;

	for (i = 0; i < n; i++)
		on += rte_trace_point_is_enabled(rte_trace_point_lookup(names[i]));
	return on;
}

static const char *const generic_names[NB_EAL_GENERIC] = {
	"lib.eal.generic.void", "lib.eal.generic.u64", "lib.eal.generic.u32",
	"lib.eal.generic.u16", "lib.eal.generic.u8", "lib.eal.generic.i64",
	"lib.eal.generic.i32", "lib.eal.generic.i16", "lib.eal.generic.i8",
	"lib.eal.generic.int", "lib.eal.generic.long", "lib.eal.generic.float",
	"lib.eal.generic.double", "lib.eal.generic.ptr", "lib.eal.generic.string",
	"lib.eal.generic.size_t", "lib.eal.generic.func",
};

static const char *const mem_names[NB_EAL_MEM] = {
	"lib.eal.mem.zmalloc", "lib.eal.mem.malloc", "lib.eal.mem.realloc", "lib.eal.mem.free",
};

static int
disable_all(void **state)
{
	(void)state;
	rte_trace_pattern("*", false);
	rte_trace_mode_set(RTE_TRACE_MODE_OVERWRITE);
	return 0;
}

static void
test_lookup_constructor_registered(void **state)
{
	(void)state;
	/* EAL's trace points and this program's are registered before main(). */
	assert_ptr_equal(rte_trace_point_lookup("lib.eal.generic.u64"),
		&__rte_eal_trace_generic_u64);
	assert_ptr_equal(rte_trace_point_lookup("lib.eal.thread.lcore.ready"),
		&__rte_eal_trace_thread_lcore_ready);
	assert_ptr_equal(rte_trace_point_lookup("app.test.pair"), &__app_test_trace_pair);
	assert_ptr_equal(rte_trace_point_lookup("app.test.fp"), &__app_test_trace_fp);
	assert_null(rte_trace_point_lookup("lib.eal.generic"));
	assert_null(rte_trace_point_lookup("no.such.point"));
	assert_null(rte_trace_point_lookup(NULL));
	/* Distinct ids; the size is the header plus the payload the emit macros describe. */
	assert_int_not_equal(tp_id(&__rte_eal_trace_generic_u64),
		tp_id(&__rte_eal_trace_generic_u32));
	assert_int_equal(tp_size(&__rte_eal_trace_generic_void), 8);
	assert_int_equal(tp_size(&__rte_eal_trace_generic_u64), 8 + 8);
	assert_int_equal(tp_size(&__rte_eal_trace_generic_str), 8 + 32);
	assert_int_equal(tp_size(&__rte_eal_trace_memzone_reserve), 8 + 32 + 8 + 4 * 4 + 8);
	assert_int_equal(tp_size(&__app_test_trace_pair), 8 + 4 + 32);
}

static void
test_enable_disable(void **state)
{
	rte_trace_point_t *tp = &__rte_eal_trace_generic_u16;

	(void)state;
	assert_false(rte_trace_is_enabled());
	assert_false(rte_trace_point_is_enabled(tp));
	assert_int_equal(rte_trace_point_enable(tp), 0);
	assert_true(rte_trace_point_is_enabled(tp));
	assert_true((*tp & __RTE_TRACE_FIELD_ENABLE_MASK) != 0);
	assert_true(rte_trace_is_enabled());
	/* Enabling twice is harmless and counts once. */
	assert_int_equal(rte_trace_point_enable(tp), 0);
	assert_int_equal(rte_trace_point_disable(tp), 0);
	assert_false(rte_trace_point_is_enabled(tp));
	assert_false(rte_trace_is_enabled());
	assert_int_equal(rte_trace_point_disable(tp), 0);
	assert_false(rte_trace_is_enabled());
	/* The id and size survive. */
	assert_ptr_equal(rte_trace_point_lookup("lib.eal.generic.u16"), tp);
	assert_int_equal(tp_size(tp), 8 + 2);
}

static void
test_enable_unregistered(void **state)
{
	rte_trace_point_t stray = 0, forged;

	(void)state;
	assert_int_equal(rte_trace_point_enable(NULL), -ERANGE);
	assert_int_equal(rte_trace_point_disable(NULL), -ERANGE);
	assert_false(rte_trace_point_is_enabled(NULL));
	assert_int_equal(rte_trace_point_enable(&stray), -ERANGE);
	assert_int_equal(rte_trace_point_disable(&stray), -ERANGE);
	assert_false(rte_trace_point_is_enabled(&stray));
	assert_int_equal(stray, 0);
	/* A copy carrying a registered id is still not the registered object. */
	forged = __rte_eal_trace_generic_u8;
	assert_int_equal(rte_trace_point_enable(&forged), -ERANGE);
	assert_int_equal(forged, __rte_eal_trace_generic_u8);
	assert_false(rte_trace_point_is_enabled(&__rte_eal_trace_generic_u8));
	assert_false(rte_trace_is_enabled());
}

static void
test_pattern(void **state)
{
	(void)state;
	assert_int_equal(rte_trace_pattern("lib.eal.generic.*", true), 1);
	assert_int_equal(count_enabled(generic_names, NB_EAL_GENERIC), NB_EAL_GENERIC);
	assert_false(rte_trace_point_is_enabled(&__rte_eal_trace_mem_malloc));
	assert_false(rte_trace_point_is_enabled(&__app_test_trace_pair));
	assert_true(rte_trace_is_enabled());
	/* A glob matches the whole name. */
	assert_int_equal(rte_trace_pattern("generic", true), 0);
	assert_int_equal(rte_trace_pattern("lib.eal.generic.u?", false), 1);
	assert_false(rte_trace_point_is_enabled(&__rte_eal_trace_generic_u8));
	assert_true(rte_trace_point_is_enabled(&__rte_eal_trace_generic_u16));
	assert_int_equal(rte_trace_pattern("lib.eal.generic.*", false), 1);
	assert_int_equal(count_enabled(generic_names, NB_EAL_GENERIC), 0);
	assert_false(rte_trace_is_enabled());
	assert_int_equal(rte_trace_pattern("no.such.*", true), 0);
	assert_false(rte_trace_is_enabled());
}

static void
test_pattern_null(void **state)
{
	(void)state;
	assert_int_equal(rte_trace_pattern(NULL, true), -EINVAL);
	assert_false(rte_trace_is_enabled());
}

static void
test_regexp(void **state)
{
	(void)state;
	/* lib.eal.memzone.* must not match. */
	assert_int_equal(rte_trace_regexp("^lib\\.eal\\.mem\\.", true), 1);
	assert_int_equal(count_enabled(mem_names, NB_EAL_MEM), NB_EAL_MEM);
	assert_false(rte_trace_point_is_enabled(&__rte_eal_trace_memzone_reserve));
	/* Unanchored: matches anywhere in the name. */
	assert_int_equal(rte_trace_regexp("test", true), 1);
	assert_true(rte_trace_point_is_enabled(&__app_test_trace_pair));
	assert_true(rte_trace_point_is_enabled(&__app_test_trace_fp));
	assert_int_equal(rte_trace_regexp("free$", false), 1);
	assert_false(rte_trace_point_is_enabled(&__rte_eal_trace_mem_free));
	assert_true(rte_trace_point_is_enabled(&__rte_eal_trace_mem_malloc));
	assert_int_equal(rte_trace_regexp("^nothing", true), 0);
	assert_int_equal(rte_trace_regexp(".*", false), 1);
	assert_false(rte_trace_is_enabled());
}

static void
test_regexp_invalid(void **state)
{
	(void)state;
	assert_int_equal(rte_trace_regexp("lib[", true), -EINVAL);
	assert_int_equal(rte_trace_regexp("\\(", true), -EINVAL);
	assert_int_equal(rte_trace_regexp(NULL, true), -EINVAL);
	assert_false(rte_trace_is_enabled());
}

static void
test_mode(void **state)
{
	(void)state;
	assert_int_equal(rte_trace_mode_get(), RTE_TRACE_MODE_OVERWRITE);
	assert_true((__rte_eal_trace_generic_int & __RTE_TRACE_FIELD_ENABLE_DISCARD) == 0);
	rte_trace_mode_set(RTE_TRACE_MODE_DISCARD);
	assert_int_equal(rte_trace_mode_get(), RTE_TRACE_MODE_DISCARD);
	assert_true((__rte_eal_trace_generic_int & __RTE_TRACE_FIELD_ENABLE_DISCARD) != 0);
	assert_true((__app_test_trace_pair & __RTE_TRACE_FIELD_ENABLE_DISCARD) != 0);
	/* The mode bit does not enable anything. */
	assert_false(rte_trace_point_is_enabled(&__rte_eal_trace_generic_int));
	/* An unknown mode changes nothing. */
	rte_trace_mode_set((enum rte_trace_mode)7);
	assert_int_equal(rte_trace_mode_get(), RTE_TRACE_MODE_DISCARD);
	rte_trace_mode_set(RTE_TRACE_MODE_OVERWRITE);
	assert_int_equal(rte_trace_mode_get(), RTE_TRACE_MODE_OVERWRITE);
	assert_true((__rte_eal_trace_generic_int & __RTE_TRACE_FIELD_ENABLE_DISCARD) == 0);
}

static void
no_header(void)
{
}

static void
oversized(void)
{
	RTE_PER_LCORE(trace_point_sz) = __RTE_TRACE_EVENT_HEADER_SZ;
	__rte_trace_point_emit_field(70000, "blob", "uint8_t");
}

static void
header_and_u32(void)
{
	RTE_PER_LCORE(trace_point_sz) = __RTE_TRACE_EVENT_HEADER_SZ;
	__rte_trace_point_emit_field(sizeof(uint32_t), "x", "uint32_t");
}

static rte_trace_point_t dyn_tp, dup_tp, bad_tp;

static void
test_register_runtime(void **state)
{
	(void)state;
	/* As a plugin loaded after main() would. */
	assert_int_equal(__rte_trace_point_register(&dyn_tp, "app.test.runtime", header_and_u32),
		0);
	assert_ptr_equal(rte_trace_point_lookup("app.test.runtime"), &dyn_tp);
	assert_int_equal(tp_size(&dyn_tp), 12);
	assert_int_not_equal(tp_id(&dyn_tp), tp_id(&__app_test_trace_fp));
	assert_int_equal(rte_trace_point_enable(&dyn_tp), 0);
	assert_int_equal(rte_trace_pattern("app.test.runtime", false), 1);
	assert_false(rte_trace_point_is_enabled(&dyn_tp));
}

static void
test_register_errors(void **state)
{
	char long_name[80];

	(void)state;
	rte_errno = 0;
	assert_int_equal(__rte_trace_point_register(NULL, "app.test.x", header_and_u32), -EINVAL);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(__rte_trace_point_register(&bad_tp, NULL, header_and_u32), -EINVAL);
	assert_int_equal(__rte_trace_point_register(&bad_tp, "app.test.x", NULL), -EINVAL);
	assert_int_equal(__rte_trace_point_register(&bad_tp, "", header_and_u32), -EINVAL);
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	rte_errno = 0;
	assert_int_equal(__rte_trace_point_register(&bad_tp, long_name, header_and_u32), -E2BIG);
	assert_int_equal(rte_errno, E2BIG);
	assert_int_equal(__rte_trace_point_register(&bad_tp, "app.test.x", no_header), -EBADF);
	assert_int_equal(rte_errno, EBADF);
	assert_int_equal(__rte_trace_point_register(&bad_tp, "app.test.x", oversized), -ENOSPC);
	assert_int_equal(rte_errno, ENOSPC);
	/* A name or an object registers once. */
	assert_int_equal(__rte_trace_point_register(&dup_tp, "lib.eal.generic.u64",
		header_and_u32), -EEXIST);
	assert_int_equal(rte_errno, EEXIST);
	assert_int_equal(__rte_trace_point_register(&__rte_eal_trace_generic_u64, "app.test.y",
		header_and_u32), -EEXIST);
	/* Nothing of the failures was registered. */
	assert_int_equal(bad_tp, 0);
	assert_int_equal(dup_tp, 0);
	assert_null(rte_trace_point_lookup("app.test.x"));
	assert_null(rte_trace_point_lookup("app.test.y"));
	assert_ptr_equal(rte_trace_point_lookup("lib.eal.generic.u64"),
		&__rte_eal_trace_generic_u64);
	assert_int_equal(rte_trace_point_enable(&bad_tp), -ERANGE);
}

static void
test_emit_without_buffer(void **state)
{
	(void)state;
	/* No buffer exists: firing a trace point, enabled or not, records nothing. */
	rte_eal_trace_generic_u64(1);
	assert_int_equal(rte_trace_point_enable(&__rte_eal_trace_generic_u64), 0);
	assert_int_equal(rte_trace_point_enable(&__rte_eal_trace_generic_str), 0);
	rte_eal_trace_generic_u64(2);
	rte_eal_trace_generic_str("abc");
	rte_eal_trace_generic_str(NULL);
	RTE_EAL_TRACE_GENERIC_FUNC;
	assert_null(RTE_PER_LCORE(trace_mem));
	assert_int_equal(rte_trace_save(), 0);
}

#define TEST_BUF_LEN 64

static struct __rte_trace_header *
install_buffer(void)
{
	struct __rte_trace_header *buf = calloc(1, sizeof(*buf) + TEST_BUF_LEN);

	assert_non_null(buf);
	buf->len = TEST_BUF_LEN;
	RTE_PER_LCORE(trace_mem) = buf;
	return buf;
}

static void
test_emit_layout(void **state)
{
	struct __rte_trace_header *buf;
	uint64_t hdr;
	uint32_t a;

	(void)state;
	/*
	 * EAL never gives a thread a buffer, but the inline emit code must still lay an
	 * event out as DPDK does: header (tsc | id << 48), then each field packed.
	 */
	buf = install_buffer();
	app_test_trace_pair(7, "label");
	assert_int_equal(buf->offset, 0); /* disabled: nothing written */
	assert_int_equal(rte_trace_point_enable(&__app_test_trace_pair), 0);
	app_test_trace_pair(0xabcd, "label");
	assert_int_equal(buf->offset, 8 + 4 + 32);
	memcpy(&hdr, &buf->mem[0], sizeof(hdr));
	assert_int_equal(hdr >> 48, tp_id(&__app_test_trace_pair));
	memcpy(&a, &buf->mem[8], sizeof(a));
	assert_int_equal(a, 0xabcd);
	assert_string_equal((const char *)&buf->mem[12], "label");
	/* Overwrite mode wraps to the start when the next event does not fit. */
	app_test_trace_pair(0x1234, "again");
	assert_int_equal(buf->offset, 8 + 4 + 32);
	memcpy(&a, &buf->mem[8], sizeof(a));
	assert_int_equal(a, 0x1234);
	/* Discard mode drops it instead. */
	rte_trace_mode_set(RTE_TRACE_MODE_DISCARD);
	buf->offset = 40;
	app_test_trace_pair(0x5678, "dropped");
	assert_int_equal(buf->offset, 40);
	memcpy(&a, &buf->mem[8], sizeof(a));
	assert_int_equal(a, 0x1234);
	/* A NULL string ends the event before it. */
	rte_trace_mode_set(RTE_TRACE_MODE_OVERWRITE);
	buf->offset = 0;
	app_test_trace_pair(0x9abc, NULL);
	memcpy(&a, &buf->mem[8], sizeof(a));
	assert_int_equal(a, 0x9abc);
	RTE_PER_LCORE(trace_mem) = NULL;
	free(buf);
}

static void
test_emit_fp_compiled_out(void **state)
{
	struct __rte_trace_header *buf;

	(void)state;
	/* RTE_ENABLE_TRACE_FP is not defined here: fast path points emit nothing. */
	buf = install_buffer();
	assert_false(__rte_trace_point_fp_is_enabled());
	assert_int_equal(rte_trace_point_enable(&__app_test_trace_fp), 0);
	app_test_trace_fp(3);
	assert_int_equal(buf->offset, 0);
	RTE_PER_LCORE(trace_mem) = NULL;
	free(buf);
}

/* What fn or vfn writes to a stream, as a string to free. */
static char *
capture(int (*fn)(FILE *f), void (*vfn)(FILE *f))
{
	FILE *f = tmpfile();
	char *text;
	long len;

	assert_non_null(f);
	if (fn != NULL)
		assert_int_equal(fn(f), 0);
	else
		vfn(f);
	len = ftell(f);
	assert_true(len > 0);
	text = calloc(1, (size_t)len + 1);
	assert_non_null(text);
	rewind(f);
	assert_int_equal(fread(text, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	return text;
}

/* The line of text naming a trace point, copied into line. */
static void
dump_line(const char *text, const char *name, char *line, size_t size)
{
	const char *start = strstr(text, name);
	size_t len;

	assert_non_null(start);
	len = strcspn(start, "\n");
	assert_true(len < size);
	memcpy(line, start, len);
	line[len] = '\0';
}

static void
test_dump(void **state)
{
	char *text, line[128];

	(void)state;
	assert_int_equal(rte_trace_point_enable(&__rte_eal_trace_alarm_set), 0);
	text = capture(NULL, rte_trace_dump);
	assert_non_null(strstr(text, "enabled, mode overwrite"));
	dump_line(text, "lib.eal.alarm.set", line, sizeof(line));
	assert_non_null(strstr(line, " enabled"));
	dump_line(text, "lib.eal.alarm.cancel", line, sizeof(line));
	assert_non_null(strstr(line, " disabled"));
	assert_non_null(strstr(text, "app.test.pair"));
	free(text);
	/* NULL stream: nothing happens. */
	rte_trace_dump(NULL);
}

static void
test_metadata_dump(void **state)
{
	char *text, *ev;

	(void)state;
	text = capture(rte_trace_metadata_dump, NULL);
	ev = strstr(text, "name = \"app.test.pair\";");
	assert_non_null(ev);
	assert_non_null(strstr(ev, "uint32_t a;"));
	assert_non_null(strstr(ev, "string_bounded_t label[32];"));
	ev = strstr(text, "name = \"lib.eal.mem.malloc\";");
	assert_non_null(ev);
	assert_non_null(strstr(ev, "size_t size;"));
	free(text);
	assert_int_equal(rte_trace_metadata_dump(NULL), -EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_lookup_constructor_registered, disable_all),
		cmocka_unit_test_teardown(test_enable_disable, disable_all),
		cmocka_unit_test_teardown(test_enable_unregistered, disable_all),
		cmocka_unit_test_teardown(test_pattern, disable_all),
		cmocka_unit_test_teardown(test_pattern_null, disable_all),
		cmocka_unit_test_teardown(test_regexp, disable_all),
		cmocka_unit_test_teardown(test_regexp_invalid, disable_all),
		cmocka_unit_test_teardown(test_mode, disable_all),
		cmocka_unit_test_teardown(test_register_runtime, disable_all),
		cmocka_unit_test_teardown(test_register_errors, disable_all),
		cmocka_unit_test_teardown(test_emit_without_buffer, disable_all),
		cmocka_unit_test_teardown(test_emit_layout, disable_all),
		cmocka_unit_test_teardown(test_emit_fp_compiled_out, disable_all),
		cmocka_unit_test_teardown(test_dump, disable_all),
		cmocka_unit_test_teardown(test_metadata_dump, disable_all),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
