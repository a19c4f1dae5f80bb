/* SPDX-License-Identifier: BSD-3-Clause */
/* Log types, levels, glob and regex patterns (also for types registered later), streams. */
#include "test_common.h"

#include <pthread.h>

/* What the build system passes to a library, for RTE_LOG_REGISTER_DEFAULT and _SUFFIX. */
#define RTE_LOG_DEFAULT_LOGTYPE test.eal_log

#include <rte_log.h>

/* The three registration macros, with names written as bare tokens as DPDK code does. */
RTE_LOG_REGISTER(test_named_logtype, test.macro.named, DEBUG);
RTE_LOG_REGISTER_DEFAULT(test_default_logtype, WARNING);
RTE_LOG_REGISTER_SUFFIX(test_suffix_logtype, rx, ERR);

/* Capture what rte_log writes into a memory buffer. */
static char capture_buf[4096];
static FILE *capture;

static int
capture_start(void **state)
{
	(void)state;
	memset(capture_buf, 0, sizeof(capture_buf));
	capture = fmemopen(capture_buf, sizeof(capture_buf), "w");
	if (capture == NULL)
		return -1;
	return rte_openlog_stream(capture);
}

static int
capture_stop(void **state)
{
	(void)state;
	rte_openlog_stream(NULL);
	fclose(capture);
	capture = NULL;
	return 0;
}

static void
test_register(void **state)
{
	int a, b, c;

	(void)state;
	a = rte_log_register("test.log.a");
	assert_true(a >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_register("test.log.a"), a);
	assert_int_equal(rte_log_get_level(a), RTE_LOG_INFO);
	b = rte_log_register_type_and_pick_level("test.log.b", RTE_LOG_DEBUG);
	assert_true(b > a);
	assert_int_equal(rte_log_get_level(b), RTE_LOG_DEBUG);
	/* Registering again keeps the id and the level. */
	assert_int_equal(rte_log_register_type_and_pick_level("test.log.b", RTE_LOG_ERR), b);
	assert_int_equal(rte_log_get_level(b), RTE_LOG_DEBUG);
	c = rte_log_register("test.log.c");
	assert_int_not_equal(c, a);
	assert_int_not_equal(c, b);
	assert_int_equal(rte_log_register(NULL), -EINVAL);
	assert_int_equal(rte_log_register(""), -EINVAL);
	assert_int_equal(rte_log_register_type_and_pick_level("test.log.x", RTE_LOG_MAX + 1),
		-EINVAL);
}

/* The macros registered their names (not the EAL fallback) at their levels before main(). */
static void
test_register_macros(void **state)
{
	(void)state;
	assert_true(test_named_logtype >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_register("test.macro.named"), test_named_logtype);
	assert_int_equal(rte_log_get_level(test_named_logtype), RTE_LOG_DEBUG);

	assert_true(test_default_logtype >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_register("test.eal_log"), test_default_logtype);
	assert_int_equal(rte_log_get_level(test_default_logtype), RTE_LOG_WARNING);

	assert_true(test_suffix_logtype >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_register("test.eal_log.rx"), test_suffix_logtype);
	assert_int_equal(rte_log_get_level(test_suffix_logtype), RTE_LOG_ERR);
}

static void
test_set_get_level(void **state)
{
	int t = rte_log_register("test.log.level");

	(void)state;
	assert_int_equal(rte_log_set_level(t, RTE_LOG_ERR), 0);
	assert_int_equal(rte_log_get_level(t), RTE_LOG_ERR);
	assert_int_equal(rte_log_set_level(t, RTE_LOG_MAX + 1), -EINVAL);
	assert_int_equal(rte_log_get_level(t), RTE_LOG_ERR);
	assert_int_equal(rte_log_set_level(100000, RTE_LOG_ERR), -EINVAL);
	assert_true(rte_log_get_level(100000) < 0);
	assert_true(rte_log_can_log(t, RTE_LOG_ERR));
	assert_false(rte_log_can_log(t, RTE_LOG_WARNING));
	assert_false(rte_log_can_log(100000, RTE_LOG_EMERG));
	/* The fixed types exist, USER1..8 included, at INFO. */
	assert_int_equal(rte_log_get_level(RTE_LOGTYPE_EAL), RTE_LOG_INFO);
	assert_int_equal(rte_log_get_level(RTE_LOGTYPE_USER1), RTE_LOG_INFO);
	assert_int_equal(rte_log_get_level(RTE_LOGTYPE_USER8), RTE_LOG_INFO);
}

static void
test_pattern_before_and_after(void **state)
{
	int early, late, other;

	(void)state;
	early = rte_log_register("test.pat.early");
	assert_int_equal(rte_log_set_level_pattern("test.pat.*", RTE_LOG_DEBUG), 0);
	assert_int_equal(rte_log_get_level(early), RTE_LOG_DEBUG);
	late = rte_log_register_type_and_pick_level("test.pat.late", RTE_LOG_ERR);
	assert_int_equal(rte_log_get_level(late), RTE_LOG_DEBUG);
	other = rte_log_register("test.notpat");
	assert_int_equal(rte_log_get_level(other), RTE_LOG_INFO);
	/* A later pattern wins over an earlier one for new types too. */
	assert_int_equal(rte_log_set_level_pattern("test.pat.l*", RTE_LOG_CRIT), 0);
	assert_int_equal(rte_log_get_level(late), RTE_LOG_CRIT);
	assert_int_equal(rte_log_get_level(early), RTE_LOG_DEBUG);
	assert_int_equal(rte_log_get_level(rte_log_register("test.pat.last")), RTE_LOG_CRIT);
	assert_int_equal(rte_log_set_level_pattern(NULL, RTE_LOG_DEBUG), -EINVAL);
	assert_int_equal(rte_log_set_level_pattern("x", RTE_LOG_MAX + 1), -EINVAL);
}

static void
test_regexp(void **state)
{
	int re1, rex, re2;

	(void)state;
	re1 = rte_log_register("test.re1");
	rex = rte_log_register("test.rex");
	assert_int_equal(rte_log_set_level_regexp("^test\\.re[0-9]$", RTE_LOG_ERR), 0);
	assert_int_equal(rte_log_get_level(re1), RTE_LOG_ERR);
	assert_int_equal(rte_log_get_level(rex), RTE_LOG_INFO);
	re2 = rte_log_register("test.re2");
	assert_int_equal(rte_log_get_level(re2), RTE_LOG_ERR);
	assert_int_equal(rte_log_set_level_regexp("test[re", RTE_LOG_ERR), -EINVAL);
}

static void
test_output_and_filtering(void **state)
{
	(void)state;
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_USER1, RTE_LOG_INFO), 0);
	assert_true(RTE_LOG(INFO, USER1, "hello %d\n", 7) > 0);
	assert_int_equal(rte_log_cur_msg_loglevel(), RTE_LOG_INFO);
	assert_int_equal(rte_log_cur_msg_logtype(), RTE_LOGTYPE_USER1);
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_USER2, RTE_LOG_ERR), 0);
	assert_int_equal(RTE_LOG(INFO, USER2, "filtered\n"), 0);
	assert_true(RTE_LOG(ERR, USER2, "kept\n") > 0);
	/* The global level caps every type. */
	rte_log_set_global_level(RTE_LOG_ERR);
	assert_int_equal(RTE_LOG(INFO, USER1, "capped\n"), 0);
	rte_log_set_global_level(RTE_LOG_DEBUG);
	assert_int_equal(rte_log(RTE_LOG_ERR, 100000, "unknown type\n"), -1);
	fflush(capture);
	assert_string_equal(capture_buf, "USER1: hello 7\nUSER2: kept\n");
	assert_ptr_equal(rte_log_get_stream(), capture);
}

static void
test_default_stream(void **state)
{
	(void)state;
	rte_openlog_stream(NULL);
	assert_ptr_equal(rte_log_get_stream(), stderr);
}

/* Types registered on one thread while another logs: readers never see a moving table. */
static int stop_logging;

static void *
log_loop(void *arg)
{
	int t = *(int *)arg;

	while (!__atomic_load_n(&stop_logging, __ATOMIC_ACQUIRE)) {
		rte_log_can_log(t, RTE_LOG_DEBUG);
		rte_log_get_level(t + 1);
	}
	return NULL;
}

static void
test_concurrent_register(void **state)
{
	int t = rte_log_register("test.conc.base"), i;
	pthread_t th;
	char name[64];

	(void)state;
	assert_int_equal(pthread_create(&th, NULL, log_loop, &t), 0);
	for (i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "test.conc.%d", i);
		assert_true(rte_log_register(name) > t);
	}
	__atomic_store_n(&stop_logging, 1, __ATOMIC_RELEASE);
	pthread_join(th, NULL);
	snprintf(name, sizeof(name), "test.conc.%d", 299);
	assert_int_equal(rte_log_get_level(rte_log_register(name)), RTE_LOG_INFO);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_register_macros),
		cmocka_unit_test(test_set_get_level),
		cmocka_unit_test(test_pattern_before_and_after),
		cmocka_unit_test(test_regexp),
		cmocka_unit_test_setup_teardown(test_output_and_filtering, capture_start,
			capture_stop),
		cmocka_unit_test(test_default_stream),
		cmocka_unit_test(test_concurrent_register),
	};

	return cmocka_run_group_tests_name("eal_log", tests, NULL, NULL);
}
