/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_string_fns.h>

#include "cmdline_private.h"

RTE_LOG_REGISTER_DEFAULT(cmdline_logtype, NOTICE);

/* Parse what the editor validated and tell the user when it was refused. */
static void
validate_line(struct rdline *rdl, const char *buf, unsigned int size __rte_unused)
{
	struct cmdline *cl = rdline_get_opaque(rdl);

	switch (cmdline_parse(cl, buf)) {
	case CMDLINE_PARSE_AMBIGUOUS:
		cmdline_printf(cl, "Ambiguous command\n");
		break;
	case CMDLINE_PARSE_NOMATCH:
		cmdline_printf(cl, "Command not found\n");
		break;
	case CMDLINE_PARSE_BAD_ARGS:
		cmdline_printf(cl, "Bad arguments\n");
		break;
	default:
		break;
	}
}

static int
complete_line(struct rdline *rdl, const char *buf, char *dst, unsigned int size, int *state)
{
	return cmdline_complete(rdline_get_opaque(rdl), buf, state, dst, size);
}

int
cmdline_write_char(struct rdline *rdl, char c)
{
	struct cmdline *cl;

	if (rdl == NULL)
		return -1;
	cl = rdline_get_opaque(rdl);
	if (cl == NULL || cl->s_out < 0)
		return -1;
	return write(cl->s_out, &c, 1);
}

struct cmdline *
cmdline_new(cmdline_parse_ctx_t *ctx, const char *prompt, int s_in, int s_out)
{
	struct cmdline *cl;

	if (ctx == NULL || prompt == NULL) {
		CMDLINE_LOG(ERR, "cmdline_new: NULL %s", ctx == NULL ? "context" : "prompt");
		return NULL;
	}
	cl = calloc(1, sizeof(*cl));
	if (cl == NULL) {
		CMDLINE_LOG(ERR, "cmdline_new: out of memory");
		return NULL;
	}
	cl->s_in = s_in;
	cl->s_out = s_out;
	cl->ctx = ctx;
	rdline_init(&cl->rdl, cmdline_write_char, validate_line, complete_line, cl);
	cmdline_set_prompt(cl, prompt);
	rdline_newline(&cl->rdl, cl->prompt);
	return cl;
}

struct rdline *
cmdline_get_rdline(struct cmdline *cl)
{
	return cl != NULL ? &cl->rdl : NULL;
}

void
cmdline_set_prompt(struct cmdline *cl, const char *prompt)
{
	if (cl == NULL || prompt == NULL)
		return;
	strlcpy(cl->prompt, prompt, sizeof(cl->prompt));
}

void
cmdline_free(struct cmdline *cl)
{
	if (cl == NULL)
		return;
	/* the standard streams belong to the process, not to us */
	if (cl->s_in > 2)
		close(cl->s_in);
	if (cl->s_out != cl->s_in && cl->s_out > 2)
		close(cl->s_out);
	free(cl);
}

void
cmdline_printf(const struct cmdline *cl, const char *fmt, ...)
{
	va_list ap;

	if (cl == NULL || fmt == NULL || cl->s_out < 0)
		return;
	va_start(ap, fmt);
	vdprintf(cl->s_out, fmt, ap);
	va_end(ap);
}

int
cmdline_in(struct cmdline *cl, const char *buf, int size)
{
	const char *line, *last;
	size_t len, last_len;
	int i, ret;

	if (cl == NULL || buf == NULL) {
		CMDLINE_LOG(ERR, "cmdline_in: NULL %s", cl == NULL ? "cmdline" : "buffer");
		return -1;
	}
	for (i = 0; i < size; i++) {
		ret = rdline_char_in(&cl->rdl, buf[i]);
		if (ret == RDLINE_RES_EOF || ret == RDLINE_RES_EXITED)
			return -1;
		if (ret != RDLINE_RES_VALIDATED)
			continue;
		/* remember the line unless empty or a repeat of the previous one */
		line = rdline_get_buffer(&cl->rdl);
		len = strnlen(line, RDLINE_BUF_SIZE);
		last = rdline_get_history_item(&cl->rdl, 0);
		if (last != NULL) {
			last_len = strlen(last);
			if (last_len + 1 == len && memcmp(line, last, last_len) == 0)
				len = 0;
		}
		if (len > 1)
			rdline_add_history(&cl->rdl, line);
		rdline_newline(&cl->rdl, cl->prompt);
	}
	return i;
}

void
cmdline_quit(struct cmdline *cl)
{
	if (cl == NULL)
		return;
	rdline_quit(&cl->rdl);
}

static ssize_t
read_byte(struct cmdline *cl, char *c)
{
	ssize_t n;

	do {
		n = read(cl->s_in, c, 1);
	} while (n < 0 && errno == EINTR);
	return n;
}

int
cmdline_poll(struct cmdline *cl)
{
	struct pollfd pfd;
	ssize_t n;
	char c;
	int ret;

	if (cl == NULL) {
		CMDLINE_LOG(ERR, "cmdline_poll: NULL cmdline");
		return -EINVAL;
	}
	if (cl->rdl.status == RDLINE_EXITED)
		return RDLINE_EXITED;

	pfd.fd = cl->s_in;
	pfd.events = POLLIN;
	pfd.revents = 0;
	/* failures are -1, as in DPDK; errno tells why */
	ret = poll(&pfd, 1, 0);
	if (ret < 0)
		return -1;
	if (ret > 0) {
		n = read_byte(cl, &c);
		if (n < 0)
			return -1;
		/* end of input changes nothing, as in DPDK: the caller decides when to stop */
		if (n == 0)
			return cl->rdl.status;
		ret = cmdline_in(cl, &c, 1);
		if (ret < 0 && cl->rdl.status != RDLINE_EXITED)
			return ret;
	}
	return cl->rdl.status;
}

void
cmdline_interact(struct cmdline *cl)
{
	char c;

	if (cl == NULL)
		return;
	while (read_byte(cl, &c) > 0) {
		if (cmdline_in(cl, &c, 1) < 0)
			break;
	}
}
