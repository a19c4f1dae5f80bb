/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <rte_string_fns.h>

#include "cmdline_private.h"

static inline int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static inline int
is_eol(char c)
{
	return c == '\n' || c == '\r';
}

static inline int
is_comment(char c)
{
	return c == '#';
}

int
cmdline_isendoftoken(char c)
{
	return c == '\0' || is_comment(c) || is_blank(c) || is_eol(c);
}

int
cmdline_isendofcommand(char c)
{
	return c == '\0' || is_comment(c) || is_eol(c);
}

static const char *
skip_blanks(const char *s)
{
	while (is_blank(*s))
		s++;
	return s;
}

/*
 * Token i of an instruction. Instructions with no static token but a callback
 * generate theirs: the callback is asked for the token at &tokens[i].
 */
static cmdline_parse_token_hdr_t *
inst_token(cmdline_parse_inst_t *inst, unsigned int i)
{
	cmdline_parse_token_hdr_t *tk = NULL;

	if (inst->tokens[0] != NULL || inst->f == NULL)
		return inst->tokens[i];
	inst->f(&tk, NULL, &inst->tokens[i]);
	return tk;
}

/*
 * Match the words of buf against the tokens of inst, storing values in res
 * (when not NULL). With nb_tokens != 0 only that many tokens are tried.
 * Returns 0 for a full match, the number of tokens matched before a mismatch
 * (> 0), -1 when the first word already fails, -ENOBUFS for a token whose
 * offset lies outside the result buffer.
 */
static int
match_inst(cmdline_parse_inst_t *inst, const char *buf, unsigned int nb_tokens,
		char *res, unsigned int res_size)
{
	cmdline_parse_token_hdr_t *tk = NULL;
	unsigned int i = 0;
	int n;

	if (res != NULL)
		memset(res, 0, res_size);

	while (nb_tokens == 0 || i < nb_tokens) {
		tk = inst_token(inst, i);
		if (tk == NULL)
			break;
		buf = skip_blanks(buf);
		if (cmdline_isendofcommand(*buf))
			break;
		if (res == NULL) {
			n = tk->ops->parse(tk, buf, NULL, 0);
		} else {
			if (tk->offset > res_size) {
				CMDLINE_LOG(ERR, "token offset %u is beyond the %u-byte result",
						tk->offset, res_size);
				return -ENOBUFS;
			}
			n = tk->ops->parse(tk, buf, res + tk->offset, res_size - tk->offset);
		}
		if (n < 0)
			break;
		i++;
		buf += n;
	}

	if (i == 0)
		return -1;
	if (nb_tokens != 0)
		return i == nb_tokens ? 0 : (int)i;
	/* tokens left over, or words left over */
	if (tk != NULL)
		return i;
	buf = skip_blanks(buf);
	return cmdline_isendofcommand(*buf) ? 0 : (int)i;
}

static int
parse_line(struct cmdline *cl, const char *buf, bool call)
{
	/* long double: the result structures may hold any type */
	union {
		char buf[CMDLINE_PARSE_RESULT_BUFSIZE];
		long double align;
	} result, scratch;
	void (*f)(void *, struct cmdline *, void *) = NULL;
	void *data = NULL;
	char *res = result.buf;
	cmdline_parse_inst_t *inst;
	int err = CMDLINE_PARSE_NOMATCH;
	int linelen = 0, has_words = 0, in_comment = 0;
	unsigned int i;
	int tok;

	if (cl == NULL || buf == NULL) {
		CMDLINE_LOG(ERR, "cmdline_parse: NULL %s", cl == NULL ? "cmdline" : "buffer");
		return CMDLINE_PARSE_BAD_ARGS;
	}

	/* nothing is done until a whole line is there */
	while (!is_eol(buf[linelen])) {
		if (buf[linelen] == '\0')
			return 0;
		if (is_comment(buf[linelen]))
			in_comment = 1;
		if (!in_comment && !is_blank(buf[linelen]))
			has_words = 1;
		linelen++;
	}
	while (is_eol(buf[linelen]))
		linelen++;
	if (!has_words)
		return linelen;

	for (i = 0; cl->ctx[i] != NULL; i++) {
		inst = cl->ctx[i];
		tok = match_inst(inst, buf, 0, res, CMDLINE_PARSE_RESULT_BUFSIZE);
		if (tok > 0) {
			err = CMDLINE_PARSE_BAD_ARGS;
		} else if (tok == 0) {
			if (f != NULL) {
				f = NULL;
				err = CMDLINE_PARSE_AMBIGUOUS;
				break;
			}
			f = inst->f;
			data = inst->data;
			/* keep the first match's values; later attempts write elsewhere */
			res = scratch.buf;
		}
	}
	if (f == NULL)
		return err;
	if (call)
		f(result.buf, cl, data);
	return linelen;
}

int
cmdline_parse(struct cmdline *cl, const char *buf)
{
	return parse_line(cl, buf, true);
}

int
cmdline_parse_check(struct cmdline *cl, const char *buf)
{
	return parse_line(cl, buf, false);
}

/* Length of the common prefix of a and b. */
static unsigned int
common_prefix(const char *a, const char *b)
{
	unsigned int n = 0;

	while (a[n] != '\0' && a[n] == b[n])
		n++;
	return n;
}

/*
 * The token that follows the nb_words complete words of buf in inst, or NULL
 * when those words do not match inst. *none tells "no token there" (end of
 * the instruction) apart from a mismatch.
 */
static cmdline_parse_token_hdr_t *
next_token(cmdline_parse_inst_t *inst, const char *buf, unsigned int nb_words, int *mismatch)
{
	*mismatch = nb_words != 0 && match_inst(inst, buf, nb_words, NULL, 0) != 0;
	if (*mismatch)
		return NULL;
	return inst_token(inst, nb_words);
}

/* Candidate idx of tk followed by a space, or -1. */
static int
candidate(cmdline_parse_token_hdr_t *tk, int idx, char *out, unsigned int size)
{
	size_t len;

	if (tk->ops->complete_get_elt(tk, idx, out, size) < 0)
		return -1;
	len = strnlen(out, size);
	if (len + 1 < size) {
		out[len] = ' ';
		out[len + 1] = '\0';
	}
	return 0;
}

static int
completable(cmdline_parse_token_hdr_t *tk)
{
	if (tk == NULL || tk->ops->complete_get_nb == NULL || tk->ops->complete_get_elt == NULL)
		return 0;
	return tk->ops->complete_get_nb(tk);
}

static void
describe(cmdline_parse_inst_t *inst, cmdline_parse_token_hdr_t *tk, char *dst, unsigned int size)
{
	char help[CMDLINE_BUFFER_SIZE];

	if (tk->ops->get_help == NULL)
		return;
	tk->ops->get_help(tk, help, sizeof(help));
	snprintf(dst, size, "[%s]: %s", help, inst->help_str != NULL ? inst->help_str : "No help");
}

int
cmdline_complete(struct cmdline *cl, const char *buf, int *state, char *dst, unsigned int size)
{
	char word[CMDLINE_BUFFER_SIZE], common[CMDLINE_BUFFER_SIZE];
	const char *partial = buf;
	cmdline_parse_token_hdr_t *tk;
	cmdline_parse_inst_t *inst;
	unsigned int nb_words = 0, partial_len, i, k;
	unsigned int nb_candidates = 0, nb_other = 0;
	int common_len = -1, seen = 0, mismatch, n;
	size_t l;

	if (cl == NULL || buf == NULL || state == NULL || dst == NULL) {
		CMDLINE_LOG(ERR, "cmdline_complete: NULL argument");
		return -1;
	}

	/* complete words before the cursor, and the partial one being typed */
	for (i = 0; buf[i] != '\0'; i++) {
		if (!is_blank(buf[i]) && is_blank(buf[i + 1]))
			nb_words++;
		if (is_blank(buf[i]) && !is_blank(buf[i + 1]))
			partial = buf + i + 1;
	}
	partial_len = strnlen(partial, RDLINE_BUF_SIZE);

	if (*state <= 0) {
		/* first pass: the longest continuation shared by every candidate */
		for (k = 0; cl->ctx[k] != NULL; k++) {
			inst = cl->ctx[k];
			tk = next_token(inst, buf, nb_words, &mismatch);
			if (mismatch)
				continue;
			n = completable(tk);
			if (n <= 0) {
				nb_other++;
				continue;
			}
			for (i = 0; i < (unsigned int)n; i++) {
				if (candidate(tk, i, word, sizeof(word)) < 0)
					continue;
				if (strncmp(partial, word, partial_len) != 0)
					continue;
				if (common_len < 0) {
					strlcpy(common, word + partial_len, sizeof(common));
					common_len = strlen(common);
				} else {
					common_len = common_prefix(common, word + partial_len);
					common[common_len] = '\0';
				}
				nb_candidates++;
			}
		}
		if (nb_candidates == 0 && nb_other == 0)
			return CMDLINE_PARSE_COMPLETE_FINISHED;
		if (*state == 0 && partial_len > 0 && common_len > 0) {
			if ((unsigned int)common_len + 1 > size)
				return CMDLINE_PARSE_COMPLETE_FINISHED;
			strlcpy(dst, common, size);
			return CMDLINE_PARSE_COMPLETED_BUFFER;
		}
	}

	/* listing: *state counts the entries already returned */
	if (*state == -1)
		*state = 0;
	for (k = 0; cl->ctx[k] != NULL; k++) {
		inst = cl->ctx[k];
		tk = next_token(inst, buf, nb_words, &mismatch);
		if (mismatch)
			continue;
		n = completable(tk);
		if (n <= 0) {
			/* one entry: what the token expects, or the end of the command */
			if (seen++ < *state)
				continue;
			(*state)++;
			if (tk != NULL && tk->ops->get_help != NULL)
				describe(inst, tk, dst, size);
			else
				snprintf(dst, size, "[RETURN]");
			return CMDLINE_PARSE_COMPLETE_AGAIN;
		}
		for (i = 0; i < (unsigned int)n; i++) {
			if (candidate(tk, i, word, sizeof(word)) < 0)
				continue;
			if (strncmp(partial, word, partial_len) != 0)
				continue;
			if (seen++ < *state)
				continue;
			(*state)++;
			l = strlcpy(dst, word, size);
			if (l < size)
				describe(inst, tk, dst + l, size - l);
			return CMDLINE_PARSE_COMPLETE_AGAIN;
		}
	}
	return CMDLINE_PARSE_COMPLETE_FINISHED;
}
