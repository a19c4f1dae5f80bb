/* SPDX-License-Identifier: BSD-3-Clause */
/* cmdline_parse, cmdline_parse_check and cmdline_complete against a context. */
#include "test_common.h"

#include <rte_ether.h>
#include <rte_log.h>

#include <cmdline.h>
#include <cmdline_parse_etheraddr.h>
#include <cmdline_parse_ipaddr.h>
#include <cmdline_parse_num.h>
#include <cmdline_parse_portlist.h>
#include <cmdline_parse_string.h>

/* What the callbacks saw. */
static struct {
	int calls;
	struct cmdline *cl;
	void *data;
	cmdline_fixed_string_t cmd;
	uint16_t port;
	cmdline_portlist_t ports;
	cmdline_ipaddr_t ip;
	struct rte_ether_addr mac;
	cmdline_multi_string_t text;
	uint32_t dyn_value;
} seen;

static int data_cookie;

/* show|display port <uint16> */
struct show_result {
	cmdline_fixed_string_t show;
	cmdline_fixed_string_t port;
	uint16_t port_id;
};

static void
show_cb(void *res, struct cmdline *cl, void *data)
{
	struct show_result *r = res;

	seen.calls++;
	seen.cl = cl;
	seen.data = data;
	snprintf(seen.cmd, sizeof(seen.cmd), "%s", r->show);
	seen.port = r->port_id;
}

static cmdline_parse_token_string_t show_show =
	TOKEN_STRING_INITIALIZER(struct show_result, show, "show#display");
static cmdline_parse_token_string_t show_port =
	TOKEN_STRING_INITIALIZER(struct show_result, port, "port");
static cmdline_parse_token_num_t show_id =
	TOKEN_NUM_INITIALIZER(struct show_result, port_id, RTE_UINT16);

static cmdline_parse_inst_t cmd_show = {
	.f = show_cb,
	.data = &data_cookie,
	.help_str = "show a port",
	.tokens = {
		(void *)&show_show,
		(void *)&show_port,
		(void *)&show_id,
		NULL,
	},
};

/* set mac <mac> ip <ipaddr/net> ports <portlist> */
struct set_result {
	cmdline_fixed_string_t set;
	struct rte_ether_addr mac;
	cmdline_ipaddr_t ip;
	cmdline_portlist_t ports;
};

static void
set_cb(void *res, struct cmdline *cl, void *data)
{
	struct set_result *r = res;

	(void)cl;
	(void)data;
	seen.calls++;
	snprintf(seen.cmd, sizeof(seen.cmd), "%s", r->set);
	seen.mac = r->mac;
	seen.ip = r->ip;
	seen.ports = r->ports;
}

static cmdline_parse_token_string_t set_set = TOKEN_STRING_INITIALIZER(struct set_result, set,
		"set");
static cmdline_parse_token_etheraddr_t set_mac = TOKEN_ETHERADDR_INITIALIZER(struct set_result,
		mac);
static cmdline_parse_token_ipaddr_t set_ip = TOKEN_IPNET_INITIALIZER(struct set_result, ip);
static cmdline_parse_token_portlist_t set_ports = TOKEN_PORTLIST_INITIALIZER(struct set_result,
		ports);

static cmdline_parse_inst_t cmd_set = {
	.f = set_cb,
	.data = NULL,
	.help_str = NULL,
	.tokens = { (void *)&set_set, (void *)&set_mac, (void *)&set_ip, (void *)&set_ports, NULL },
};

/* echo <rest of line> */
struct echo_result {
	cmdline_fixed_string_t echo;
	cmdline_multi_string_t text;
};

static void
echo_cb(void *res, struct cmdline *cl, void *data)
{
	struct echo_result *r = res;

	(void)cl;
	(void)data;
	seen.calls++;
	snprintf(seen.cmd, sizeof(seen.cmd), "%s", r->echo);
	snprintf(seen.text, sizeof(seen.text), "%s", r->text);
}

static cmdline_parse_token_string_t echo_echo = TOKEN_STRING_INITIALIZER(struct echo_result,
		echo, "echo");
static cmdline_parse_token_string_t echo_text = TOKEN_STRING_INITIALIZER(struct echo_result,
		text, TOKEN_STRING_MULTI);

static cmdline_parse_inst_t cmd_echo = {
	.f = echo_cb,
	.help_str = "print text",
	.tokens = { (void *)&echo_echo, (void *)&echo_text, NULL },
};

/* Two instructions accepting the same line: "twice" */
struct word_result {
	cmdline_fixed_string_t word;
};

static void
word_cb(void *res, struct cmdline *cl, void *data)
{
	(void)res;
	(void)cl;
	(void)data;
	seen.calls++;
}

static cmdline_parse_token_string_t twice_a = TOKEN_STRING_INITIALIZER(struct word_result, word,
		"twice");
static cmdline_parse_token_string_t twice_b = TOKEN_STRING_INITIALIZER(struct word_result, word,
		"twice#again");

static cmdline_parse_inst_t cmd_twice_a = {
	.f = word_cb, .help_str = "first", .tokens = { (void *)&twice_a, NULL },
};
static cmdline_parse_inst_t cmd_twice_b = {
	.f = word_cb, .help_str = "second", .tokens = { (void *)&twice_b, NULL },
};

/* quit: a single word */
static cmdline_parse_token_string_t quit_quit = TOKEN_STRING_INITIALIZER(struct word_result,
		word, "quit");
static cmdline_parse_inst_t cmd_quit = {
	.f = word_cb, .help_str = "leave", .tokens = { (void *)&quit_quit, NULL },
};

/* dyn <uint32>: tokens produced by the callback on demand */
struct dyn_result {
	cmdline_fixed_string_t word;
	uint32_t value;
};

static cmdline_parse_token_string_t dyn_word = TOKEN_STRING_INITIALIZER(struct dyn_result, word,
		"dyn");
static cmdline_parse_token_num_t dyn_value = TOKEN_NUM_INITIALIZER(struct dyn_result, value,
		RTE_UINT32);
static cmdline_parse_inst_t cmd_dyn;

static void
dyn_cb(void *res, struct cmdline *cl, void *data)
{
	if (cl == NULL) {
		/* asked for token number (data - tokens) */
		cmdline_parse_token_hdr_t **out = res;
		ptrdiff_t i = (cmdline_parse_token_hdr_t **)data - cmd_dyn.tokens;

		*out = i == 0 ? (void *)&dyn_word : i == 1 ? (void *)&dyn_value : NULL;
		return;
	}
	seen.calls++;
	seen.dyn_value = ((struct dyn_result *)res)->value;
}

static cmdline_parse_inst_t cmd_dyn = {
	.f = dyn_cb, .help_str = "generated", .tokens = { NULL },
};

/* A token whose offset points outside the result buffer */
static cmdline_parse_token_string_t far_word = {
	{ &cmdline_token_string_ops, CMDLINE_PARSE_RESULT_BUFSIZE + 1 }, { "far" },
};
static cmdline_parse_inst_t cmd_far = {
	.f = word_cb, .tokens = { (void *)&far_word, NULL },
};

static cmdline_parse_ctx_t ctx[] = {
	&cmd_show, &cmd_set, &cmd_echo, &cmd_twice_a, &cmd_twice_b, &cmd_quit, &cmd_dyn,
	&cmd_far, NULL,
};

static struct cmdline *cl;

static int
setup(void **state)
{
	(void)state;
	memset(&seen, 0, sizeof(seen));
	/* no input or output: only the parser is used here */
	cl = cmdline_new(ctx, "test> ", -1, -1);
	return cl == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	cmdline_free(cl);
	return 0;
}

static void
test_parse_success(void **state)
{
	(void)state;
	assert_int_equal(cmdline_parse(cl, "show port 3\n"), 12);
	assert_int_equal(seen.calls, 1);
	assert_ptr_equal(seen.cl, cl);
	assert_ptr_equal(seen.data, &data_cookie);
	assert_string_equal(seen.cmd, "show");
	assert_int_equal(seen.port, 3);

	/* blanks, a comment, several end-of-line characters: all consumed */
	assert_int_equal(cmdline_parse(cl, "  display\tport 0x10  # the 16th\r\n\nnext"), 34);
	assert_int_equal(seen.calls, 2);
	assert_string_equal(seen.cmd, "display");
	assert_int_equal(seen.port, 16);

	assert_int_equal(cmdline_parse(cl, "set 00:01:02:03:04:05 10.1.0.0/16 0-2,7\n"), 40);
	assert_string_equal(seen.cmd, "set");
	assert_int_equal(seen.mac.addr_bytes[5], 5);
	assert_int_equal(seen.ip.family, AF_INET);
	assert_int_equal(seen.ip.prefixlen, 16);
	assert_int_equal(seen.ports.map, 0x87);

	assert_int_equal(cmdline_parse(cl, "echo hello  there # not this\n"), 29);
	assert_string_equal(seen.cmd, "echo");
	assert_string_equal(seen.text, "hello  there ");

	assert_int_equal(cmdline_parse(cl, "dyn 77\n"), 7);
	assert_int_equal(seen.dyn_value, 77);
	assert_int_equal(seen.calls, 5);
}

static void
test_parse_failures(void **state)
{
	(void)state;
	assert_int_equal(cmdline_parse(cl, "bogus\n"), CMDLINE_PARSE_NOMATCH);
	/* some words matched: bad arguments */
	assert_int_equal(cmdline_parse(cl, "show port 70000\n"), CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(cmdline_parse(cl, "show port\n"), CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(cmdline_parse(cl, "show port 1 2\n"), CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(cmdline_parse(cl, "set 00:01:02:03:04 10.0.0.0/8 1\n"),
			CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(cmdline_parse(cl, "set 00:01:02:03:04:05 10.0.0.0/40 1\n"),
			CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(cmdline_parse(cl, "twice\n"), CMDLINE_PARSE_AMBIGUOUS);
	assert_int_equal(cmdline_parse(NULL, "quit\n"), CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(cmdline_parse(cl, NULL), CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(seen.calls, 0);

	/* "again" matches only the second one */
	assert_int_equal(cmdline_parse(cl, "again\n"), 6);
	assert_int_equal(seen.calls, 1);
}

static void
test_parse_bad_offset(void **state)
{
	char *log = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&log, &len);

	(void)state;
	assert_non_null(f);
	rte_openlog_stream(f);
	assert_int_equal(cmdline_parse(cl, "far\n"), CMDLINE_PARSE_NOMATCH);
	rte_openlog_stream(NULL);
	fclose(f);
	assert_int_equal(seen.calls, 0);
	assert_non_null(strstr(log, "offset 8193"));
	free(log);
}

static void
test_parse_partial_and_empty(void **state)
{
	(void)state;
	/* no end of line yet: nothing done */
	assert_int_equal(cmdline_parse(cl, "show port 3"), 0);
	assert_int_equal(cmdline_parse(cl, ""), 0);
	assert_int_equal(cmdline_parse(cl, "\n"), 1);
	assert_int_equal(cmdline_parse(cl, "   \t\n"), 5);
	assert_int_equal(cmdline_parse(cl, "# show port 3\n"), 14);
	assert_int_equal(seen.calls, 0);
}

static void
test_parse_check(void **state)
{
	(void)state;
	assert_int_equal(cmdline_parse_check(cl, "show port 3\n"), 12);
	assert_int_equal(cmdline_parse_check(cl, "show port x\n"), CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(cmdline_parse_check(cl, "twice\n"), CMDLINE_PARSE_AMBIGUOUS);
	assert_int_equal(cmdline_parse_check(cl, "nothing\n"), CMDLINE_PARSE_NOMATCH);
	assert_int_equal(cmdline_parse_check(NULL, "quit\n"), CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(seen.calls, 0);
}

/* All entries cmdline_complete lists for buf, joined by '|'. */
static void
list_all(const char *buf, char *out, size_t size)
{
	char dst[256];
	int state = -1, ret, n = 0;

	out[0] = '\0';
	while ((ret = cmdline_complete(cl, buf, &state, dst, sizeof(dst))) ==
			CMDLINE_PARSE_COMPLETE_AGAIN) {
		strncat(out, dst, size - strlen(out) - 1);
		strncat(out, "|", size - strlen(out) - 1);
		assert_true(++n < 50);
	}
	assert_int_equal(ret, CMDLINE_PARSE_COMPLETE_FINISHED);
}

static void
test_complete(void **state)
{
	char dst[256], all[2048];
	int st;

	(void)state;
	/* a unique continuation is completed, with a trailing space */
	st = 0;
	assert_int_equal(cmdline_complete(cl, "ec", &st, dst, sizeof(dst)),
			CMDLINE_PARSE_COMPLETED_BUFFER);
	assert_string_equal(dst, "ho ");
	st = 0;
	assert_int_equal(cmdline_complete(cl, "show p", &st, dst, sizeof(dst)),
			CMDLINE_PARSE_COMPLETED_BUFFER);
	assert_string_equal(dst, "ort ");
	/* "twice" and "twice#again" share "wice " */
	st = 0;
	assert_int_equal(cmdline_complete(cl, "t", &st, dst, sizeof(dst)),
			CMDLINE_PARSE_COMPLETED_BUFFER);
	assert_string_equal(dst, "wice ");
	/* no room for the completion */
	st = 0;
	assert_int_equal(cmdline_complete(cl, "ec", &st, dst, 2), CMDLINE_PARSE_COMPLETE_FINISHED);
	/* nothing starts like this */
	st = 0;
	assert_int_equal(cmdline_complete(cl, "zz", &st, dst, sizeof(dst)),
			CMDLINE_PARSE_COMPLETE_FINISHED);

	list_all("show port ", all, sizeof(all));
	assert_string_equal(all, "[UINT16]: show a port|");
	list_all("show port 3 ", all, sizeof(all));
	assert_string_equal(all, "[RETURN]|");
	list_all("set ", all, sizeof(all));
	assert_string_equal(all, "[Ethernet address]: No help|");
	list_all("tw", all, sizeof(all));
	assert_string_equal(all, "twice [Fixed STRING]: first|twice [Mul-choice STRING]: second|");
	list_all("", all, sizeof(all));
	assert_non_null(strstr(all, "show [Mul-choice STRING]: show a port|"));
	assert_non_null(strstr(all, "display [Mul-choice STRING]: show a port|"));
	assert_non_null(strstr(all, "again [Mul-choice STRING]: second|"));
	assert_non_null(strstr(all, "dyn [Fixed STRING]: generated|"));

	/* with *state 0 and several different candidates, listing starts at once */
	st = 0;
	assert_int_equal(cmdline_complete(cl, "", &st, dst, sizeof(dst)),
			CMDLINE_PARSE_COMPLETE_AGAIN);
	assert_int_equal(st, 1);

	st = 0;
	assert_int_equal(cmdline_complete(NULL, "", &st, dst, sizeof(dst)), -1);
	assert_int_equal(cmdline_complete(cl, NULL, &st, dst, sizeof(dst)), -1);
	assert_int_equal(cmdline_complete(cl, "", NULL, dst, sizeof(dst)), -1);
	assert_int_equal(cmdline_complete(cl, "", &st, NULL, sizeof(dst)), -1);
}

static void
test_new_refusals(void **state)
{
	(void)state;
	assert_null(cmdline_new(NULL, "> ", -1, -1));
	assert_null(cmdline_new(ctx, NULL, -1, -1));
	cmdline_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_parse_success, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse_failures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse_bad_offset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse_partial_and_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_complete, setup, teardown),
		cmocka_unit_test(test_new_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
