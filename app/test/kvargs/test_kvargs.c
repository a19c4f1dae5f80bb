/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_kvargs: parsing, lists in brackets, repeated keys, accessors, and every refusal. */
#include "test_common.h"

#include <rte_kvargs.h>
#include <rte_log.h>

/* Capture log output so that the error message itself can be checked. */
static char *log_buf;
static size_t log_len;
static FILE *log_f;

static void
log_capture(void)
{
	free(log_buf);
	log_buf = NULL;
	log_len = 0;
	log_f = open_memstream(&log_buf, &log_len);
	assert_non_null(log_f);
	rte_openlog_stream(log_f);
}

/* Number of lines logged since log_capture. */
static int
log_end(void)
{
	int lines = 0;
	size_t i;

	rte_openlog_stream(NULL);
	fclose(log_f);
	for (i = 0; i < log_len; i++)
		lines += log_buf[i] == '\n';
	return lines;
}

static void
test_parse_pairs(void **state)
{
	struct rte_kvargs *kv;

	(void)state;
	kv = rte_kvargs_parse("size=64,iface=eth0,queues=[0,1,3]", NULL);
	assert_non_null(kv);
	assert_int_equal(kv->count, 3);
	assert_string_equal(kv->pairs[0].key, "size");
	assert_string_equal(kv->pairs[0].value, "64");
	assert_string_equal(rte_kvargs_get(kv, "iface"), "eth0");
	/* The list keeps its brackets and its commas. */
	assert_string_equal(rte_kvargs_get(kv, "queues"), "[0,1,3]");
	assert_null(rte_kvargs_get(kv, "missing"));
	assert_int_equal(rte_kvargs_count(kv, NULL), 3);
	assert_int_equal(rte_kvargs_count(kv, "size"), 1);
	assert_int_equal(rte_kvargs_count(kv, "missing"), 0);
	assert_string_equal(rte_kvargs_get_with_value(kv, "iface", "eth0"), "eth0");
	assert_null(rte_kvargs_get_with_value(kv, "iface", "eth1"));
	rte_kvargs_free(kv);
}

static void
test_empty_string(void **state)
{
	struct rte_kvargs *kv;

	(void)state;
	kv = rte_kvargs_parse("", NULL);
	assert_non_null(kv);
	assert_int_equal(rte_kvargs_count(kv, NULL), 0);
	rte_kvargs_free(kv);
	rte_kvargs_free(NULL);
}

/* Empty elements (doubled, leading or trailing commas) are skipped, as DPDK 22.11 does. */
static void
test_empty_elements(void **state)
{
	static const char *const none[] = { ",", ",,,", };
	struct rte_kvargs *kv;
	unsigned int i;

	(void)state;
	kv = rte_kvargs_parse("foo=1,,check=value2,,", NULL);
	assert_non_null(kv);
	assert_int_equal(rte_kvargs_count(kv, NULL), 2);
	assert_string_equal(kv->pairs[0].key, "foo");
	assert_string_equal(kv->pairs[0].value, "1");
	assert_string_equal(kv->pairs[1].key, "check");
	assert_string_equal(kv->pairs[1].value, "value2");
	rte_kvargs_free(kv);

	kv = rte_kvargs_parse(",,a=[0,1],,b,", NULL);
	assert_non_null(kv);
	assert_int_equal(kv->count, 2);
	assert_string_equal(rte_kvargs_get(kv, "a"), "[0,1]");
	assert_string_equal(kv->pairs[1].key, "b");
	assert_null(kv->pairs[1].value);
	rte_kvargs_free(kv);

	for (i = 0; i < RTE_DIM(none); i++) {
		kv = rte_kvargs_parse(none[i], NULL);
		assert_non_null(kv);
		assert_int_equal(kv->count, 0);
		rte_kvargs_free(kv);
	}
}

static int
record(const char *key, const char *value, void *opaque)
{
	char *out = opaque;

	strcat(out, key);
	strcat(out, "=");
	strcat(out, value != NULL ? value : "(null)");
	strcat(out, ";");
	return 0;
}

static void
test_repeated_keys_in_order(void **state)
{
	char seen[256] = "";
	struct rte_kvargs *kv;

	(void)state;
	kv = rte_kvargs_parse("iface=a,x=1,iface=b,iface=c", NULL);
	assert_non_null(kv);
	assert_int_equal(rte_kvargs_count(kv, "iface"), 3);
	assert_string_equal(rte_kvargs_get(kv, "iface"), "a");
	assert_int_equal(rte_kvargs_process(kv, "iface", record, seen), 0);
	assert_string_equal(seen, "iface=a;iface=b;iface=c;");
	seen[0] = '\0';
	assert_int_equal(rte_kvargs_process(kv, NULL, record, seen), 0);
	assert_string_equal(seen, "iface=a;x=1;iface=b;iface=c;");
	rte_kvargs_free(kv);
}

static void
test_key_without_value(void **state)
{
	char seen[256] = "";
	struct rte_kvargs *kv;

	(void)state;
	kv = rte_kvargs_parse("promisc,size=1", NULL);
	assert_non_null(kv);
	assert_int_equal(rte_kvargs_count(kv, "promisc"), 1);
	assert_null(rte_kvargs_get(kv, "promisc"));
	/* Handlers of rte_kvargs_process expect a value: refused, one line logged. */
	log_capture();
	assert_int_equal(rte_kvargs_process(kv, "promisc", record, seen), -1);
	assert_int_equal(log_end(), 1);
	assert_non_null(strstr(log_buf, "promisc"));
	assert_string_equal(seen, "");
	assert_int_equal(rte_kvargs_process_opt(kv, NULL, record, seen), 0);
	assert_string_equal(seen, "promisc=(null);size=1;");
	rte_kvargs_free(kv);
}

static int
fail_on_b(const char *key, const char *value, void *opaque)
{
	int *calls = opaque;

	(void)value;
	(*calls)++;
	return strcmp(key, "b") == 0 ? -1 : 0;
}

static void
test_handler_error_stops(void **state)
{
	struct rte_kvargs *kv;
	int calls = 0;

	(void)state;
	kv = rte_kvargs_parse("a=1,b=2,c=3", NULL);
	assert_non_null(kv);
	assert_int_equal(rte_kvargs_process(kv, NULL, fail_on_b, &calls), -1);
	assert_int_equal(calls, 2);
	assert_int_equal(rte_kvargs_process(NULL, NULL, fail_on_b, &calls), -1);
	assert_int_equal(rte_kvargs_process(kv, NULL, NULL, NULL), -1);
	rte_kvargs_free(kv);
}

static void
test_valid_keys(void **state)
{
	static const char *const keys[] = { "size", "iface", NULL };
	struct rte_kvargs *kv;

	(void)state;
	kv = rte_kvargs_parse("size=1,iface=x", keys);
	assert_non_null(kv);
	rte_kvargs_free(kv);
	log_capture();
	assert_null(rte_kvargs_parse("size=1,colour=red", keys));
	assert_int_equal(log_end(), 1);
	assert_non_null(strstr(log_buf, "colour"));
}

static void
test_parse_delim(void **state)
{
	struct rte_kvargs *kv;

	(void)state;
	kv = rte_kvargs_parse_delim("bus=vdev,name=x/class=eth", NULL, "/");
	assert_non_null(kv);
	assert_int_equal(kv->count, 2);
	assert_string_equal(rte_kvargs_get(kv, "name"), "x");
	assert_null(rte_kvargs_get(kv, "class"));
	rte_kvargs_free(kv);
}

static void
test_malformed(void **state)
{
	static const char *const bad[] = {
		"=v", "a=1,=v", "a=[0,1", "a=0,1]", "a=[[0]]", "k[=1", "a=[0,1]]",
	};
	char many[RTE_KVARGS_MAX * 8 + 16] = "";
	struct rte_kvargs *kv;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad); i++) {
		log_capture();
		assert_null(rte_kvargs_parse(bad[i], NULL));
		/* One line, quoting the input. */
		assert_int_equal(log_end(), 1);
		assert_non_null(strstr(log_buf, bad[i]));
	}
	log_capture();
	assert_null(rte_kvargs_parse(NULL, NULL));
	assert_int_equal(log_end(), 1);

	for (i = 0; i < RTE_KVARGS_MAX; i++)
		sprintf(many + strlen(many), "%sk%u=1", i ? "," : "", i);
	kv = rte_kvargs_parse(many, NULL);
	assert_non_null(kv);
	rte_kvargs_free(kv);
	strcat(many, ",one=more");
	log_capture();
	assert_null(rte_kvargs_parse(many, NULL));
	assert_int_equal(log_end(), 1);
}

static void
test_exact_max_pairs_freed(void **state)
{
	char many[RTE_KVARGS_MAX * 8 + 16] = "";
	struct rte_kvargs *kv;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_KVARGS_MAX; i++)
		sprintf(many + strlen(many), "%sk%u=%u", i ? "," : "", i, i);
	kv = rte_kvargs_parse(many, NULL);
	assert_non_null(kv);
	assert_int_equal(kv->count, RTE_KVARGS_MAX);
	assert_string_equal(rte_kvargs_get(kv, "k31"), "31");
	rte_kvargs_free(kv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_pairs),
		cmocka_unit_test(test_empty_string),
		cmocka_unit_test(test_empty_elements),
		cmocka_unit_test(test_repeated_keys_in_order),
		cmocka_unit_test(test_key_without_value),
		cmocka_unit_test(test_handler_error_stops),
		cmocka_unit_test(test_valid_keys),
		cmocka_unit_test(test_parse_delim),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_exact_max_pairs_freed),
	};
	int ret = cmocka_run_group_tests(tests, NULL, NULL);

	free(log_buf);
	return ret;
}
