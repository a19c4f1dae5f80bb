/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _CMDLINE_PRIVATE_H_
#define _CMDLINE_PRIVATE_H_

/* Layouts of the editor and the command line, hidden from applications. */

#include <stdio.h>
#include <termios.h>

#include <rte_log.h>

#include "cmdline.h"

#define RDLINE_BUF_SIZE 512
#define RDLINE_PROMPT_SIZE 32
#define RDLINE_HISTORY_BUF_SIZE BUFSIZ
/* longest word a completion candidate may have */
#define CMDLINE_BUFFER_SIZE 256

extern int cmdline_logtype;
#define CMDLINE_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, cmdline_logtype, "cmdline: " fmt "\n", ## __VA_ARGS__)

struct rdline {
	enum rdline_status status;
	/* text left of the cursor; two spare bytes let rdline_get_buffer() add "\n\0" */
	struct cirbuf left;
	char left_buf[RDLINE_BUF_SIZE + 2];
	/* text right of the cursor */
	struct cirbuf right;
	char right_buf[RDLINE_BUF_SIZE];

	char prompt[RDLINE_PROMPT_SIZE];
	unsigned int prompt_size;

	char kill_buf[RDLINE_BUF_SIZE];
	unsigned int kill_size;

	/* NUL-terminated lines, oldest at the head */
	struct cirbuf history;
	char history_buf[RDLINE_HISTORY_BUF_SIZE];
	/* -1 while editing a fresh line, else the history line being shown */
	int history_cur_line;
	/* copy handed out by rdline_get_history_item() */
	char history_item[RDLINE_BUF_SIZE + 1];

	rdline_write_char_t *write_char;
	rdline_validate_t *validate;
	rdline_complete_t *complete;

	struct cmdline_vt100 vt100;
	void *opaque;
};

struct cmdline {
	int s_in;
	int s_out;
	cmdline_parse_ctx_t *ctx;
	struct rdline rdl;
	char prompt[RDLINE_PROMPT_SIZE];
	/* terminal settings saved by cmdline_stdin_new() */
	struct termios oldterm;
	int oldterm_saved;
};

int rdline_init(struct rdline *rdl, rdline_write_char_t *write_char,
		rdline_validate_t *validate, rdline_complete_t *complete, void *opaque);

#endif /* _CMDLINE_PRIVATE_H_ */
