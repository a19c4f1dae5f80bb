/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmdline_private.h"
#include "cmdline_socket.h"

struct cmdline *
cmdline_file_new(cmdline_parse_ctx_t *ctx, const char *prompt, const char *path)
{
	struct cmdline *cl;
	int fd;

	if (path == NULL) {
		CMDLINE_LOG(ERR, "cmdline_file_new: NULL path");
		return NULL;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		CMDLINE_LOG(ERR, "cmdline_file_new: cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	cl = cmdline_new(ctx, prompt, fd, -1);
	if (cl == NULL)
		close(fd);
	return cl;
}

struct cmdline *
cmdline_stdin_new(cmdline_parse_ctx_t *ctx, const char *prompt)
{
	struct termios raw;
	struct cmdline *cl;

	cl = cmdline_new(ctx, prompt, 0, 1);
	if (cl == NULL)
		return NULL;
	/* a terminal goes raw: bytes arrive one by one, unechoed, Ctrl-C included */
	if (tcgetattr(0, &cl->oldterm) == 0) {
		cl->oldterm_saved = 1;
		raw = cl->oldterm;
		raw.c_lflag &= ~(ICANON | ECHO | ISIG);
		tcsetattr(0, TCSANOW, &raw);
	}
	setbuf(stdin, NULL);
	return cl;
}

void
cmdline_stdin_exit(struct cmdline *cl)
{
	if (cl == NULL || !cl->oldterm_saved)
		return;
	tcsetattr(0, TCSANOW, &cl->oldterm);
}
