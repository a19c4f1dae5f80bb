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

/* Pipe: prompt, read, echo, run; end at EOF, "quit" or a signal. */
static void
shell_pipe(void)
{
	char line[1024];
	bool quit = false;

	while (!quit && !f_quit) {
		prompt();
		if (fgets(line, sizeof(line), stdin) == NULL) {
			if (errno == EINTR && !f_quit && !feof(stdin)) {
				clearerr(stdin);
				continue;
			}
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
