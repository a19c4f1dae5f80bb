/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target for the command-line library. The first byte chooses, the rest is the text:
 *   - every token type's parse operation on the input as a word, with a result buffer of the
 *     exact size, one byte too small and none, checking what the API promises (bytes consumed
 *     within the word, strings terminated inside their field, prefix lengths in range);
 *     and help and completion operations into buffers of small sizes (odd first byte);
 *   - the whole input typed into a command line (vt100 escapes, editing keys, Tab completion,
 *     history, end of lines) whose instructions use every token type, with the callbacks
 *     checking the parsed structure, then completion and parsing called directly (even).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmdline.h>
#include <cmdline_parse.h>
#include <cmdline_parse_etheraddr.h>
#include <cmdline_parse_ipaddr.h>
#include <cmdline_parse_num.h>
#include <cmdline_parse_portlist.h>
#include <cmdline_parse_string.h>
#include <cmdline_rdline.h>
#include <rte_common.h>
#include <rte_ether.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_result {
	cmdline_fixed_string_t cmd;
	cmdline_fixed_string_t word;
	uint8_t u8;
	int64_t i64;
	cmdline_ipaddr_t ip;
	struct rte_ether_addr mac;
	cmdline_portlist_t ports;
	cmdline_multi_string_t rest;
};

static cmdline_parse_token_string_t tok_cmd_set =
	TOKEN_STRING_INITIALIZER(struct fuzz_result, cmd, "set#show#del");
static cmdline_parse_token_string_t tok_cmd_log =
	TOKEN_STRING_INITIALIZER(struct fuzz_result, cmd, "log");
static cmdline_parse_token_string_t tok_word =
	TOKEN_STRING_INITIALIZER(struct fuzz_result, word, NULL);
static cmdline_parse_token_num_t tok_u8 = TOKEN_NUM_INITIALIZER(struct fuzz_result, u8, RTE_UINT8);
static cmdline_parse_token_num_t tok_i64 =
	TOKEN_NUM_INITIALIZER(struct fuzz_result, i64, RTE_INT64);
static cmdline_parse_token_ipaddr_t tok_ip = TOKEN_IPADDR_INITIALIZER(struct fuzz_result, ip);
static cmdline_parse_token_ipaddr_t tok_net = TOKEN_IPNET_INITIALIZER(struct fuzz_result, ip);
static cmdline_parse_token_etheraddr_t tok_mac =
	TOKEN_ETHERADDR_INITIALIZER(struct fuzz_result, mac);
static cmdline_parse_token_portlist_t tok_ports =
	TOKEN_PORTLIST_INITIALIZER(struct fuzz_result, ports);
static cmdline_parse_token_string_t tok_rest =
	TOKEN_STRING_INITIALIZER(struct fuzz_result, rest, TOKEN_STRING_MULTI);

static void
check_fixed(const char *s)
{
	if (strnlen(s, STR_TOKEN_SIZE) == STR_TOKEN_SIZE)
		abort();
}

static void
check_result(void *parsed, struct cmdline *cl, void *data)
{
	const struct fuzz_result *r = parsed;

	(void)cl;
	(void)data;
	check_fixed(r->cmd);
	check_fixed(r->word);
	if (strnlen(r->rest, STR_MULTI_TOKEN_SIZE) == STR_MULTI_TOKEN_SIZE)
		abort();
	if (r->ip.family == AF_INET && r->ip.prefixlen > 32)
		abort();
	if (r->ip.family == AF_INET6 && r->ip.prefixlen > 128)
		abort();
}

static cmdline_parse_inst_t inst_set = {
	.f = check_result, .help_str = "set|show|del <word> <u8> <i64> <ip> <mac> <ports>",
	.tokens = { &tok_cmd_set.hdr, &tok_word.hdr, &tok_u8.hdr, &tok_i64.hdr, &tok_ip.hdr,
		&tok_mac.hdr, &tok_ports.hdr, NULL },
};
static cmdline_parse_inst_t inst_route = {
	.f = check_result, .help_str = "set <word> <network> <rest of line>",
	.tokens = { &tok_cmd_set.hdr, &tok_word.hdr, &tok_net.hdr, &tok_rest.hdr, NULL },
};
static cmdline_parse_inst_t inst_log = {
	.f = check_result, .help_str = "log <rest of line>",
	.tokens = { &tok_cmd_log.hdr, &tok_rest.hdr, NULL },
};
static cmdline_parse_ctx_t fuzz_ctx[] = { &inst_set, &inst_route, &inst_log, NULL };

static cmdline_parse_token_hdr_t *const all_tokens[] = {
	&tok_cmd_set.hdr, &tok_cmd_log.hdr, &tok_word.hdr, &tok_u8.hdr, &tok_i64.hdr, &tok_ip.hdr,
	&tok_net.hdr, &tok_mac.hdr, &tok_ports.hdr, &tok_rest.hdr,
};

/* Size of the result field each token of all_tokens writes. */
static unsigned int
result_size(const cmdline_parse_token_hdr_t *tk)
{
	if (tk == &tok_u8.hdr)
		return sizeof(uint8_t);
	if (tk == &tok_i64.hdr)
		return sizeof(int64_t);
	if (tk == &tok_ip.hdr || tk == &tok_net.hdr)
		return sizeof(cmdline_ipaddr_t);
	if (tk == &tok_mac.hdr)
		return sizeof(struct rte_ether_addr);
	if (tk == &tok_ports.hdr)
		return sizeof(cmdline_portlist_t);
	if (tk == &tok_rest.hdr)
		return STR_MULTI_TOKEN_SIZE;
	return STR_TOKEN_SIZE;
}

static void
fuzz_token(cmdline_parse_token_hdr_t *tk, const char *word, size_t len)
{
	unsigned int size = result_size(tk);
	char help[24];
	char *res;
	unsigned int i;
	int ret;

	/* Heap buffers of the exact size, so that AddressSanitizer sees a byte too many. */
	res = malloc(size);
	if (res == NULL)
		return;
	ret = tk->ops->parse(tk, word, res, size);
	if (ret > (int)len)
		abort();
	if (ret >= 0 && (tk->ops == &cmdline_token_string_ops) && memchr(res, '\0', size) == NULL)
		abort();
	if (ret >= 0 && (tk == &tok_ip.hdr || tk == &tok_net.hdr)) {
		const cmdline_ipaddr_t *ip = (const cmdline_ipaddr_t *)res;

		if (ip->family != AF_INET && ip->family != AF_INET6)
			abort();
		if (ip->prefixlen > (ip->family == AF_INET ? 32u : 128u))
			abort();
	}
	free(res);
	if (tk->ops->parse(tk, word, NULL, 0) != ret)
		abort();
	if (size > 1) {
		res = malloc(size - 1);
		if (res != NULL) {
			ret = tk->ops->parse(tk, word, res, size - 1);
			/* A string token may fit in a shorter field; fixed-size types never do. */
			if (ret >= 0 && tk->ops != &cmdline_token_string_ops)
				abort();
			free(res);
		}
	}
	for (i = 1; i <= sizeof(help); i = i * 2 + 1) {
		if (tk->ops->get_help != NULL && tk->ops->get_help(tk, help, i) >= 0 &&
				memchr(help, '\0', i) == NULL)
			abort();
	}
	if (tk->ops->complete_get_nb != NULL && tk->ops->complete_get_elt != NULL) {
		int n = tk->ops->complete_get_nb(tk);
		int k;

		for (k = -1; k <= n; k++)
			for (i = 1; i <= sizeof(help); i = i * 4 + 1)
				if (tk->ops->complete_get_elt(tk, k, help, i) >= 0 &&
						memchr(help, '\0', i) == NULL)
					abort();
	}
}

static void
fuzz_command_line(const char *bytes, size_t size, const char *line)
{
	char state_buf[64];
	struct cmdline *cl;
	int state = 0;
	int calls;

	/* No output descriptor: echo and listings are formatted, but not written (a system call
	 * per character would be most of the run time).
	 */
	cl = cmdline_new(fuzz_ctx, "fuzz> ", -1, -1);
	if (cl != NULL) {
		(void)cmdline_in(cl, bytes, (int)size);
		cmdline_free(cl);
	}

	/* Completion called directly, on the text as one unterminated line. */
	cl = cmdline_new(fuzz_ctx, "", -1, -1);
	if (cl == NULL)
		return;
	/* Tab: the common continuation, if any; then the listing, one entry per call. */
	if (cmdline_complete(cl, line, &state, state_buf, sizeof(state_buf)) ==
			CMDLINE_PARSE_COMPLETED_BUFFER &&
			memchr(state_buf, '\0', sizeof(state_buf)) == NULL)
		abort();
	state = -1;
	for (calls = 0; calls < 64; calls++) {
		int before = state;

		if (cmdline_complete(cl, line, &state, state_buf, sizeof(state_buf)) !=
				CMDLINE_PARSE_COMPLETE_AGAIN)
			break;
		/* Each entry must advance the state, or a caller would loop forever. */
		if (state <= before || memchr(state_buf, '\0', sizeof(state_buf)) == NULL)
			abort();
	}
	if (calls == 64)
		abort();
	(void)cmdline_parse_check(cl, line);
	cmdline_free(cl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned int i, mode;
	char *s;

	/* The first byte picks what the rest is given to. */
	if (size < 1 || size > 8192)
		return 0;
	mode = data[0];
	data++;
	size--;
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (mode & 1) {
		for (i = 0; i < RTE_DIM(all_tokens); i++)
			fuzz_token(all_tokens[i], s, strlen(s));
	} else {
		fuzz_command_line((const char *)data, size, s);
	}
	free(s);
	return 0;
}
