/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Where commands come from: a terminal (libedit: line editing, history, tab
 * completion of command words), a pipe (the prompt and the command are echoed so
 * a transcript reads like a terminal session) or a --cmdline-file.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include "testpmd.h"

#define PROMPT "testpmd> "
#define MAX_COMPLETIONS 64

void
prompt(void)
{
	printf(PROMPT);
	fflush(stdout);
}

static void
run_line(const char *line, bool *quit)
{
	if (cmdline_execute(line) == CMD_QUIT)
		*quit = true;
	fflush(stdout);
	fflush(stderr);
}

int
cmdline_read_from_file(const char *filename)
{
	char line[1024];
	bool quit = false;
	FILE *f = fopen(filename, "r");

	if (f == NULL) {
		fprintf(stderr, "Failed to open file %s: %s\n", filename, strerror(errno));
		return -1;
	}
	while (!quit && !f_quit && fgets(line, sizeof(line), f) != NULL)
		run_line(line, &quit);
	fclose(f);
	printf("Read CLI commands from %s\n", filename);
	return quit ? CMD_QUIT : CMD_OK;
}

static char in_buf[4096];
static size_t in_len;

/*
 * One line of standard input into line: 1, or 0 at the end of input or on a signal.
 * Reads with poll() rather than stdio so the main thread wakes up to handle device
 * events while it waits for a command.
 */
static int
read_line_polled(char *line, size_t len)
{
	for (;;) {
		char *nl = memchr(in_buf, '\n', in_len);
		struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
		ssize_t k;
		int r;

		if (nl != NULL || in_len == sizeof(in_buf)) {
			size_t n = nl != NULL ? (size_t)(nl - in_buf) + 1 : in_len;
			size_t c = RTE_MIN(n, len - 1);

			memcpy(line, in_buf, c);
			line[c] = '\0';
			memmove(in_buf, in_buf + n, in_len - n);
			in_len -= n;
			return 1;
		}
		if (f_quit)
			return 0;
		r = poll(&pfd, 1, 200);
		hotplug_poll();
		if (r == 0 || (r < 0 && errno == EINTR))
			continue;
		if (r < 0)
			return 0;
		k = read(STDIN_FILENO, in_buf + in_len, sizeof(in_buf) - in_len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k > 0) {
			in_len += (size_t)k;
			continue;
		}
		if (in_len == 0)
			return 0;
		/* last line without a newline */
		in_buf[in_len < sizeof(in_buf) ? in_len : sizeof(in_buf) - 1] = '\n';
		in_len = in_len < sizeof(in_buf) ? in_len + 1 : in_len;
	}
}

/* Pipe: prompt, read, echo, run; end at EOF, "quit" or a signal. */
static void
shell_pipe(void)
{
	char line[1024];
	bool quit = false;

	while (!quit && !f_quit) {
		prompt();
		if (read_line_polled(line, sizeof(line)) == 0) {
			printf("\n");
			break;
		}
		printf("%s%s", line, strchr(line, '\n') ? "" : "\n");
		run_line(line, &quit);
	}
}

/* libedit reads through this so a signal ends the shell without a key press. */
static int
shell_getc(FILE *f)
{
	struct pollfd pfd = { .fd = fileno(f), .events = POLLIN };
	unsigned char c;

	while (!f_quit) {
		int r = poll(&pfd, 1, 200);

		hotplug_poll();
		if (r < 0 && errno != EINTR)
			return EOF;
		if (r <= 0)
			continue;
		if (read(pfd.fd, &c, 1) != 1)
			return EOF;
		return c;
	}
	return EOF;
}

static char *
completion_gen(const char *text, int state)
{
	static char *cands[MAX_COMPLETIONS];
	static int nb, idx;
	char before[1024];
	int start;

	if (state == 0) {
		while (idx < nb)
			free(cands[idx++]);
		start = (int)strlen(rl_line_buffer) - (int)strlen(text);
		if (start < 0)
			start = 0;
		snprintf(before, sizeof(before), "%.*s", start, rl_line_buffer);
		nb = cmdline_complete(before, text, cands, MAX_COMPLETIONS);
		idx = 0;
	}
	if (idx < nb)
		return cands[idx++];   /* readline frees it */
	return NULL;
}

static char **
completion(const char *text, int start __rte_unused, int end __rte_unused)
{
	rl_attempted_completion_over = 1;  /* no file name completion */
	return rl_completion_matches(text, completion_gen);
}

static void
shell_terminal(void)
{
	bool quit = false;
	char *line;

	rl_getc_function = shell_getc;
	rl_attempted_completion_function = completion;
	while (!quit && !f_quit) {
		line = readline(PROMPT);
		if (line == NULL) {
			printf("\n");
			break;
		}
		if (line[0] != '\0')
			add_history(line);
		run_line(line, &quit);
		free(line);
	}
}

void
cmdline_shell(void)
{
	if (isatty(STDIN_FILENO))
		shell_terminal();
	else
		shell_pipe();
}
