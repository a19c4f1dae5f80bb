/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The telemetry data API and the JSON it turns into, without EAL or a socket: linked with the
 * static library so that the JSON writer (internal) can be called directly.
 */
#include "test_common.h"

#include <errno.h>
#include <inttypes.h>

#include <rte_common.h>
#include <rte_telemetry.h>

#include "telemetry_data.h"

#define OUT_LEN (16 * 1024)
static char out[OUT_LEN];

static struct rte_tel_data *
new_data(void)
{
	struct rte_tel_data *d = rte_tel_data_alloc();

	assert_non_null(d);
	return d;
}

/* JSON of d as a reply to "/t", in out. */
static const char *
reply(const struct rte_tel_data *d)
{
	tel_reply_to_json("/t", d, out, sizeof(out));
	return out;
}

static void
test_null_and_string(void **state)
{
	struct rte_tel_data *d = new_data();
	char big[RTE_TEL_MAX_SINGLE_STRING_LEN + 10];

	(void)state;
	/* Nothing started: null, as when a callback fails. */
	assert_string_equal(reply(d), "{\"/t\":null}");
	assert_string_equal(reply(NULL), "{\"/t\":null}");
	assert_int_equal(rte_tel_data_string(d, "hello"), 0);
	assert_string_equal(reply(d), "{\"/t\":\"hello\"}");
	/* Quotes, backslashes and control characters are escaped. */
	assert_int_equal(rte_tel_data_string(d, "a\"b\\c\nd\x01"), 0);
	assert_string_equal(reply(d), "{\"/t\":\"a\\\"b\\\\c\\u000ad\\u0001\"}");
	/* Too long: cut, and said so with a positive E2BIG. */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(rte_tel_data_string(d, big), E2BIG);
	assert_int_equal(strlen(reply(d)),
		strlen("{\"/t\":\"\"}") + RTE_TEL_MAX_SINGLE_STRING_LEN - 1);
	assert_int_equal(rte_tel_data_string(NULL, "x"), -EINVAL);
	assert_int_equal(rte_tel_data_string(d, NULL), -EINVAL);
	rte_tel_data_free(d);
	rte_tel_data_free(NULL);
}

static void
test_arrays(void **state)
{
	struct rte_tel_data *d = new_data();
	char longstr[RTE_TEL_MAX_STRING_LEN + 5];
	int i;

	(void)state;
	assert_int_equal(rte_tel_data_start_array(d, RTE_TEL_INT_VAL), 0);
	assert_string_equal(reply(d), "{\"/t\":[]}");
	assert_int_equal(rte_tel_data_add_array_int(d, -5), 0);
	assert_int_equal(rte_tel_data_add_array_int(d, 7), 0);
	assert_string_equal(reply(d), "{\"/t\":[-5,7]}");
	/* Values of another type are refused. */
	assert_int_equal(rte_tel_data_add_array_u64(d, 1), -EINVAL);
	assert_int_equal(rte_tel_data_add_array_string(d, "x"), -EINVAL);
	assert_int_equal(rte_tel_data_add_dict_int(d, "k", 1), -EINVAL);

	assert_int_equal(rte_tel_data_start_array(d, RTE_TEL_U64_VAL), 0);
	assert_int_equal(rte_tel_data_add_array_u64(d, UINT64_MAX), 0);
	assert_string_equal(reply(d), "{\"/t\":[18446744073709551615]}");
	assert_int_equal(rte_tel_data_add_array_int(d, 1), -EINVAL);

	assert_int_equal(rte_tel_data_start_array(d, RTE_TEL_STRING_VAL), 0);
	assert_int_equal(rte_tel_data_add_array_string(d, "a"), 0);
	memset(longstr, 'y', sizeof(longstr) - 1);
	longstr[sizeof(longstr) - 1] = '\0';
	assert_int_equal(rte_tel_data_add_array_string(d, longstr), E2BIG);
	assert_int_equal(strlen(reply(d)),
		strlen("{\"/t\":[\"a\",\"\"]}") + RTE_TEL_MAX_STRING_LEN - 1);
	assert_int_equal(rte_tel_data_add_array_string(d, NULL), -EINVAL);

	/* Full at RTE_TEL_MAX_ARRAY_ENTRIES. */
	assert_int_equal(rte_tel_data_start_array(d, RTE_TEL_INT_VAL), 0);
	for (i = 0; i < RTE_TEL_MAX_ARRAY_ENTRIES; i++)
		assert_int_equal(rte_tel_data_add_array_int(d, i), 0);
	assert_int_equal(rte_tel_data_add_array_int(d, i), -ENOSPC);

	assert_int_equal(rte_tel_data_start_array(d, (enum rte_tel_value_type)42), -EINVAL);
	assert_int_equal(rte_tel_data_start_array(NULL, RTE_TEL_INT_VAL), -EINVAL);
	assert_int_equal(rte_tel_data_add_array_int(NULL, 1), -EINVAL);
	rte_tel_data_free(d);
}

static void
test_dicts(void **state)
{
	struct rte_tel_data *d = new_data();
	char name[RTE_TEL_MAX_STRING_LEN + 5];
	int i;

	(void)state;
	assert_int_equal(rte_tel_data_start_dict(d), 0);
	assert_string_equal(reply(d), "{\"/t\":{}}");
	assert_int_equal(rte_tel_data_add_dict_string(d, "s", "v"), 0);
	assert_int_equal(rte_tel_data_add_dict_int(d, "i", -1), 0);
	assert_int_equal(rte_tel_data_add_dict_u64(d, "u/x_9", 42), 0);
	assert_string_equal(reply(d), "{\"/t\":{\"s\":\"v\",\"i\":-1,\"u/x_9\":42}}");
	/* Names: letters, digits, '_' and '/' only. */
	assert_int_equal(rte_tel_data_add_dict_int(d, "a-b", 1), -EINVAL);
	assert_int_equal(rte_tel_data_add_dict_int(d, "a b", 1), -EINVAL);
	assert_int_equal(rte_tel_data_add_dict_string(d, "q\"", "v"), -EINVAL);
	assert_int_equal(rte_tel_data_add_dict_u64(d, "a.b", 1), -EINVAL);
	assert_int_equal(rte_tel_data_add_dict_int(d, NULL, 1), -EINVAL);
	assert_int_equal(rte_tel_data_add_dict_string(d, "k", NULL), -EINVAL);
	/* A refused entry is not added. */
	assert_string_equal(reply(d), "{\"/t\":{\"s\":\"v\",\"i\":-1,\"u/x_9\":42}}");
	/* A name too long is cut (E2BIG) but added. */
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	assert_int_equal(rte_tel_data_add_dict_int(d, name, 3), E2BIG);
	/* Not a dictionary. */
	assert_int_equal(rte_tel_data_add_array_int(d, 1), -EINVAL);

	assert_int_equal(rte_tel_data_start_dict(d), 0);
	for (i = 0; i < RTE_TEL_MAX_DICT_ENTRIES; i++)
		assert_int_equal(rte_tel_data_add_dict_int(d, "k", i), 0);
	assert_int_equal(rte_tel_data_add_dict_int(d, "k", i), -ENOSPC);
	assert_int_equal(rte_tel_data_start_dict(NULL), -EINVAL);
	rte_tel_data_free(d);
}

static void
test_containers(void **state)
{
	struct rte_tel_data *d = new_data();
	struct rte_tel_data *a = new_data();
	struct rte_tel_data *b = new_data();
	struct rte_tel_data *in = new_data();

	(void)state;
	rte_tel_data_start_array(a, RTE_TEL_U64_VAL);
	rte_tel_data_add_array_u64(a, 1);
	rte_tel_data_add_array_u64(a, 2);
	rte_tel_data_start_dict(b);
	rte_tel_data_add_dict_string(b, "x", "y");

	/* Dictionary holding an array and a dictionary. */
	rte_tel_data_start_dict(d);
	assert_int_equal(rte_tel_data_add_dict_container(d, "a", a, 1), 0);
	assert_int_equal(rte_tel_data_add_dict_container(d, "b", b, 1), 0);
	assert_string_equal(reply(d), "{\"/t\":{\"a\":[1,2],\"b\":{\"x\":\"y\"}}}");
	/* A container may not hold itself, nor a container of containers. */
	assert_int_equal(rte_tel_data_add_dict_container(d, "self", d, 1), -EINVAL);
	rte_tel_data_start_dict(in);
	rte_tel_data_add_dict_container(in, "a", a, 1);
	assert_int_equal(rte_tel_data_add_dict_container(d, "in", in, 1), -EINVAL);
	assert_int_equal(rte_tel_data_add_dict_container(d, "n", NULL, 1), -EINVAL);

	/* Array of arrays; a dictionary does not go into an array. */
	rte_tel_data_start_array(d, RTE_TEL_CONTAINER);
	assert_int_equal(rte_tel_data_add_array_container(d, a, 1), 0);
	assert_int_equal(rte_tel_data_add_array_container(d, a, 1), 0);
	assert_int_equal(rte_tel_data_add_array_container(d, b, 1), -EINVAL);
	assert_int_equal(rte_tel_data_add_array_container(d, NULL, 1), -EINVAL);
	assert_string_equal(reply(d), "{\"/t\":[[1,2],[1,2]]}");
	rte_tel_data_start_array(in, RTE_TEL_CONTAINER);
	assert_int_equal(rte_tel_data_add_array_container(d, in, 1), -EINVAL);
	/* Not an array of containers. */
	assert_int_equal(rte_tel_data_add_array_container(a, a, 1), -EINVAL);

	/* keep == 0: the library frees the container (checked by ASan's leak detector). */
	rte_tel_data_start_dict(d);
	assert_int_equal(rte_tel_data_add_dict_container(d, "owned", in, 0), -EINVAL);
	rte_tel_data_start_array(in, RTE_TEL_INT_VAL);
	assert_int_equal(rte_tel_data_add_dict_container(d, "owned", in, 0), 0);
	assert_string_equal(reply(d), "{\"/t\":{\"owned\":[]}}");
	tel_data_release_containers(d);
	rte_tel_data_free(d);
	rte_tel_data_free(a);
	rte_tel_data_free(b);
}

/* Whatever the buffer size, the text is valid: a prefix of whole values, closed properly. */
static void
test_truncation(void **state)
{
	struct rte_tel_data *d = new_data();
	struct rte_tel_data *a = new_data();
	char small[64];
	size_t n;
	int i;

	(void)state;
	rte_tel_data_start_array(d, RTE_TEL_INT_VAL);
	for (i = 0; i < 100; i++)
		rte_tel_data_add_array_int(d, 1000 + i);
	n = tel_reply_to_json("/t", d, small, sizeof(small));
	assert_int_equal(n, strlen(small));
	assert_true(n < sizeof(small));
	assert_string_equal(small,
		"{\"/t\":[1000,1001,1002,1003,1004,1005,1006,1007,1008,1009,1010]}");

	rte_tel_data_start_array(a, RTE_TEL_STRING_VAL);
	for (i = 0; i < 10; i++)
		rte_tel_data_add_array_string(a, "abcdef");
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "first", 1);
	rte_tel_data_add_dict_container(d, "arr", a, 1);
	rte_tel_data_add_dict_int(d, "last", 2);
	n = tel_reply_to_json("/t", d, small, sizeof(small));
	assert_string_equal(small,
		"{\"/t\":{\"first\":1,\"arr\":[\"abcdef\",\"abcdef\",\"abcdef\",\"abcdef\"]}}");
	assert_int_equal(n, strlen(small));
	/* Room for nothing but the shell. */
	n = tel_reply_to_json("/t", d, small, 10);
	assert_string_equal(small, "{\"/t\":{}}");
	assert_int_equal(n, 9);
	/* Not even that: nothing at all rather than broken JSON. */
	n = tel_reply_to_json("/t", d, small, 9);
	assert_int_equal(n, 0);
	assert_string_equal(small, "");
	/* A string that does not fit at all gives null rather than a cut string. */
	rte_tel_data_string(d, "0123456789012345678901234567890123456789012345678901234567890123");
	tel_reply_to_json("/t", d, small, sizeof(small));
	assert_string_equal(small, "{\"/t\":null}");
	/* The plain writer. */
	rte_tel_data_start_array(d, RTE_TEL_INT_VAL);
	rte_tel_data_add_array_int(d, 5);
	n = tel_data_to_json(d, small, sizeof(small));
	assert_string_equal(small, "[5]");
	assert_int_equal(n, 3);
	n = tel_data_to_json(d, small, 2);
	assert_int_equal(n, 0);
	rte_tel_data_free(d);
	rte_tel_data_free(a);
}

/* The largest possible dictionary still makes a reply within the server's limit. */
static void
test_large_reply(void **state)
{
	struct rte_tel_data *d = new_data();
	char name[RTE_TEL_MAX_STRING_LEN];
	size_t n;
	int i;

	(void)state;
	memset(name, 'k', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	rte_tel_data_start_dict(d);
	for (i = 0; i < RTE_TEL_MAX_DICT_ENTRIES; i++)
		rte_tel_data_add_dict_u64(d, name, UINT64_MAX);
	n = tel_reply_to_json("/t", d, out, sizeof(out));
	assert_true(n < sizeof(out));
	assert_int_equal(out[n - 1], '}');
	assert_int_equal(out[n - 2], '}');
	assert_int_equal(out[n - 3], '5');	/* ends with a whole value */
	rte_tel_data_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_null_and_string),
		cmocka_unit_test(test_arrays),
		cmocka_unit_test(test_dicts),
		cmocka_unit_test(test_containers),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_large_reply),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
