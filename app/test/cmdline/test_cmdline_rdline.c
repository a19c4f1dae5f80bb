/* SPDX-License-Identifier: BSD-3-Clause */
/* The line editor (rdline_*) driven byte by byte, and command lines on pipes, files and a pty. */
#include "test_common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cmdline.h>
#include <cmdline_parse_num.h>
#include <cmdline_parse_string.h>
#include <cmdline_socket.h>

/* --- rdline alone, with callbacks that record --- */

static char out[65536];
static size_t out_len;
static char validated[1024];
static int nb_validated;
static bool quit_on_validate;

static int
rec_write(struct rdline *rdl, char c)
{
	(void)rdl;
	if (out_len + 1 < sizeof(out))
		out[out_len++] = c;
	out[out_len] = '\0';
	return 1;
}

static void
rec_validate(struct rdline *rdl, const char *buf, unsigned int size)
{
	(void)size;
	snprintf(validated, sizeof(validated), "%s", buf);
	nb_validated++;
	if (quit_on_validate)
		rdline_quit(rdl);
}

/* Completes "f" to "fish "; lists two entries for anything else. */
static int
rec_complete(struct rdline *rdl, const char *buf, char *dst, unsigned int size, int *state)
{
	(void)rdl;
	if (*state == 0 && strcmp(buf, "f") == 0) {
		snprintf(dst, size, "ish ");
		return CMDLINE_PARSE_COMPLETED_BUFFER;
	}
	if (*state < 0)
		*state = 0;
	if (*state >= 2)
		return CMDLINE_PARSE_COMPLETE_FINISHED;
	snprintf(dst, size, "choice%d", *state);
	(*state)++;
	return CMDLINE_PARSE_COMPLETE_AGAIN;
}

static int opaque_cookie;
static struct rdline *rdl;

static int
rdl_setup(void **state)
{
	(void)state;
	out_len = 0;
	out[0] = '\0';
	nb_validated = 0;
	validated[0] = '\0';
	quit_on_validate = false;
	rdl = rdline_new(rec_write, rec_validate, rec_complete, &opaque_cookie);
	return rdl == NULL;
}

static int
rdl_teardown(void **state)
{
	(void)state;
	rdline_free(rdl);
	return 0;
}

/* Feed a string, return the last result. */
static int
type(const char *s)
{
	int ret = RDLINE_RES_SUCCESS;

	while (*s != '\0')
		ret = rdline_char_in(rdl, *s++);
	return ret;
}

static const char *
line(void)
{
	return rdline_get_buffer(rdl);
}

static void
test_rdline_states(void **state)
{
	(void)state;
	assert_ptr_equal(rdline_get_opaque(rdl), &opaque_cookie);
	assert_null(rdline_get_opaque(NULL));
	/* not started yet */
	assert_int_equal(rdline_char_in(rdl, 'a'), RDLINE_RES_NOT_RUNNING);
	rdline_newline(rdl, "P> ");
	assert_string_equal(out, "P> ");
	assert_int_equal(rdline_char_in(rdl, 'a'), RDLINE_RES_SUCCESS);
	assert_string_equal(line(), "a\n");
	rdline_stop(rdl);
	assert_int_equal(rdline_char_in(rdl, 'b'), RDLINE_RES_NOT_RUNNING);
	rdline_restart(rdl);
	assert_int_equal(rdline_char_in(rdl, 'b'), RDLINE_RES_SUCCESS);
	assert_string_equal(line(), "ab\n");
	rdline_reset(rdl);
	assert_string_equal(line(), "\n");
	rdline_quit(rdl);
	assert_int_equal(rdline_char_in(rdl, 'c'), RDLINE_RES_EXITED);
	rdline_restart(rdl);
	/* a prompt longer than 31 bytes is cut */
	out_len = 0;
	rdline_newline(rdl, "0123456789012345678901234567890123456789");
	assert_string_equal(out, "0123456789012345678901234567890");

	assert_int_equal(rdline_char_in(NULL, 'a'), -EINVAL);
	assert_null(rdline_get_buffer(NULL));
	rdline_newline(NULL, "x");
	rdline_newline(rdl, NULL);
	rdline_stop(NULL);
	rdline_quit(NULL);
	rdline_restart(NULL);
	rdline_reset(NULL);
	rdline_redisplay(NULL);
	rdline_free(NULL);
	errno = 0;
	assert_null(rdline_new(NULL, rec_validate, rec_complete, NULL));
	assert_int_equal(errno, EINVAL);
}

static void
test_rdline_editing(void **state)
{
	(void)state;
	rdline_newline(rdl, "> ");
	type("hllo");
	type("\001\006e");                      /* Ctrl-A, Ctrl-F, insert */
	assert_string_equal(line(), "hello\n");
	type("\005\033[D\033[D\033[D\033[C");     /* end, left x3, right: after "hel" */
	type("X");
	assert_string_equal(line(), "helXlo\n");
	type("\177");                           /* backspace */
	assert_string_equal(line(), "hello\n");
	type("\002");                           /* Ctrl-B: after "he" */
	type("\033[3~");                        /* Delete */
	assert_string_equal(line(), "helo\n");
	type("\004");                           /* Ctrl-D on a non-empty line deletes */
	assert_string_equal(line(), "heo\n");
	type("\005\010");                       /* Ctrl-E, Ctrl-H */
	assert_string_equal(line(), "he\n");
	/* control bytes that are no key are ignored */
	type("\007\033");
	assert_string_equal(line(), "he\n");
	/* an unknown sequence ends in a printable byte, which is typed (as DPDK does) */
	type("[5~");
	assert_string_equal(line(), "he~\n");
}

static void
test_rdline_words_and_kill(void **state)
{
	(void)state;
	rdline_newline(rdl, "> ");
	type("abc def ghi");
	type("\033b");                          /* word left: before "ghi" */
	type("\033b");                          /* before "def" */
	type("\013");                           /* Ctrl-K */
	assert_string_equal(line(), "abc \n");
	type("\031");                           /* Ctrl-Y */
	assert_string_equal(line(), "abc def ghi\n");
	type("\001\033f");                      /* home, word right: after "abc" */
	type("\033d");                          /* Meta-D: " def" */
	assert_string_equal(line(), "abc ghi\n");
	type("\005\027");                       /* end, Ctrl-W */
	assert_string_equal(line(), "abc \n");
	type("\033\177");                       /* Meta-backspace */
	assert_string_equal(line(), "\n");
	type("x\003");                          /* Ctrl-C: line dropped, new prompt */
	assert_string_equal(line(), "\n");
	assert_non_null(strstr(out, "x\r\n> "));
}

static void
test_rdline_validate_and_limits(void **state)
{
	char big[700];
	int i;

	(void)state;
	rdline_newline(rdl, "> ");
	assert_int_equal(type("run it"), RDLINE_RES_SUCCESS);
	type("\033[D\033[D");
	/* Return with the cursor inside the line validates all of it */
	assert_int_equal(rdline_char_in(rdl, '\r'), RDLINE_RES_VALIDATED);
	assert_int_equal(nb_validated, 1);
	assert_string_equal(validated, "run it\n");
	/* after validation input waits for the next rdline_newline() */
	assert_int_equal(rdline_char_in(rdl, 'x'), RDLINE_RES_NOT_RUNNING);

	rdline_newline(rdl, "> ");
	assert_int_equal(rdline_char_in(rdl, '\004'), RDLINE_RES_EOF);

	/* the line holds at most 512 bytes; more are dropped */
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	type(big);
	assert_int_equal(strlen(line()), 513);
	type("\001");
	for (i = 0; i < 5; i++)
		type("\031");
	assert_int_equal(strlen(line()), 513);

	rdline_newline(rdl, "> ");
	quit_on_validate = true;
	assert_int_equal(type("bye\n"), RDLINE_RES_EXITED);
}

static void
test_rdline_history(void **state)
{
	char longline[600];
	unsigned int i, n;

	(void)state;
	assert_int_equal(rdline_get_history_buffer_size(rdl), BUFSIZ);
	assert_null(rdline_get_history_item(rdl, 0));
	assert_int_equal(rdline_add_history(rdl, "one"), 0);
	assert_int_equal(rdline_add_history(rdl, "two\nignored"), 0);
	assert_string_equal(rdline_get_history_item(rdl, 0), "two");
	assert_string_equal(rdline_get_history_item(rdl, 1), "one");
	assert_null(rdline_get_history_item(rdl, 2));
	assert_int_equal(rdline_add_history(NULL, "x"), -EINVAL);
	assert_int_equal(rdline_add_history(rdl, NULL), -EINVAL);
	assert_null(rdline_get_history_item(NULL, 0));

	rdline_newline(rdl, "> ");
	type("dr");
	type("\033[A");                         /* up: "two" */
	assert_string_equal(line(), "two\n");
	type("\020");                           /* Ctrl-P: "one" */
	assert_string_equal(line(), "one\n");
	type("\033[A");                         /* nothing older */
	assert_string_equal(line(), "one\n");
	type("\033[B");                         /* down: "two" */
	assert_string_equal(line(), "two\n");
	type("\016");                           /* Ctrl-N: back to the draft */
	assert_string_equal(line(), "dr\n");
	type("\033[B");
	assert_string_equal(line(), "dr\n");
	type("\033[A\033[A\n");
	assert_string_equal(validated, "one\n");
	/* the draft kept while browsing is not left in the history */
	assert_string_equal(rdline_get_history_item(rdl, 0), "two");
	assert_null(rdline_get_history_item(rdl, 2));

	/* old lines make room for new ones */
	memset(longline, 'h', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	for (i = 0; i < 40; i++)
		assert_int_equal(rdline_add_history(rdl, longline), 0);
	for (n = 0; rdline_get_history_item(rdl, n) != NULL; n++)
		assert_int_equal(strlen(rdline_get_history_item(rdl, n)), 512);
	assert_int_equal(n, BUFSIZ / 513);

	rdline_clear_history(rdl);
	assert_null(rdline_get_history_item(rdl, 0));
	rdline_clear_history(NULL);
}

static void
test_rdline_completion(void **state)
{
	(void)state;
	rdline_newline(rdl, "> ");
	assert_int_equal(type("f\t"), RDLINE_RES_COMPLETE);
	assert_string_equal(line(), "fish \n");
	out_len = 0;
	assert_int_equal(type("?"), RDLINE_RES_COMPLETE);
	assert_non_null(strstr(out, "\r\n choice0\r\n choice1\r\n"));
	/* the line is shown again after the list */
	assert_non_null(strstr(out, "> fish "));
	assert_string_equal(line(), "fish \n");
	out_len = 0;
	type("\014");                            /* Ctrl-L */
	assert_string_equal(out, vt100_home "> fish " vt100_clear_right);
}

/* --- command lines --- */

struct hello_result {
	cmdline_fixed_string_t word;
	uint8_t n;
};

static int hello_calls;
static int hello_last;

static void
hello_cb(void *res, struct cmdline *cl, void *data)
{
	(void)data;
	hello_calls++;
	hello_last = ((struct hello_result *)res)->n;
	cmdline_printf(cl, "hello %u!\n", hello_last);
}

static void
quit_cb(void *res, struct cmdline *cl, void *data)
{
	(void)res;
	(void)data;
	cmdline_quit(cl);
}

static cmdline_parse_token_string_t hello_word = TOKEN_STRING_INITIALIZER(struct hello_result,
		word, "hello");
static cmdline_parse_token_num_t hello_n = TOKEN_NUM_INITIALIZER(struct hello_result, n,
		RTE_UINT8);
static cmdline_parse_inst_t cmd_hello = {
	.f = hello_cb,
	.help_str = "greet",
	.tokens = { (void *)&hello_word, (void *)&hello_n, NULL },
};
static cmdline_parse_token_string_t quit_word = TOKEN_STRING_INITIALIZER(struct hello_result,
		word, "quit#hello");
static cmdline_parse_inst_t cmd_quit = {
	.f = quit_cb, .help_str = "leave", .tokens = { (void *)&quit_word, NULL },
};
static cmdline_parse_inst_t cmd_quit2 = {
	.f = quit_cb, .help_str = "leave", .tokens = { (void *)&quit_word, NULL },
};
static cmdline_parse_ctx_t main_ctx[] = { &cmd_hello, &cmd_quit, &cmd_quit2, NULL };

static int out_pipe[2];

/* Everything the command line wrote so far. */
static const char *
drain(void)
{
	static char buf[8192];
	ssize_t n;
	size_t len = 0;

	while ((n = read(out_pipe[0], buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	return buf;
}

static int
cl_setup(void **state)
{
	(void)state;
	hello_calls = 0;
	hello_last = -1;
	if (pipe(out_pipe) != 0)
		return -1;
	return fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);
}

static int
cl_teardown(void **state)
{
	(void)state;
	close(out_pipe[0]);
	close(out_pipe[1]);
	return 0;
}

static void
test_cmdline_in(void **state)
{
	struct cmdline *cl;
	const char *o;

	(void)state;
	cl = cmdline_new(main_ctx, "app> ", -1, out_pipe[1]);
	assert_non_null(cl);
	assert_ptr_equal(rdline_get_opaque(cmdline_get_rdline(cl)), cl);
	assert_string_equal(drain(), "app> ");

	assert_int_equal(cmdline_in(cl, "hello 5\n", 8), 8);
	assert_int_equal(hello_calls, 1);
	assert_int_equal(hello_last, 5);
	assert_string_equal(drain(), "hello 5\r\nhello 5!\napp> ");

	assert_int_equal(cmdline_in(cl, "nothing\n", 8), 8);
	assert_non_null(strstr(drain(), "Command not found\n"));
	assert_int_equal(cmdline_in(cl, "hello 300\n", 10), 10);
	assert_non_null(strstr(drain(), "Bad arguments\n"));
	assert_int_equal(cmdline_in(cl, "quit\n", 5), 5);     /* two instructions match */
	assert_non_null(strstr(drain(), "Ambiguous command\n"));

	/* history: repeats and empty lines are not added */
	cmdline_in(cl, "hello 5\n\n", 9);
	assert_string_equal(rdline_get_history_item(cmdline_get_rdline(cl), 0), "hello 5");
	assert_string_equal(rdline_get_history_item(cmdline_get_rdline(cl), 1), "quit");
	assert_string_equal(rdline_get_history_item(cmdline_get_rdline(cl), 2), "hello 300");
	assert_string_equal(rdline_get_history_item(cmdline_get_rdline(cl), 3), "nothing");
	assert_string_equal(rdline_get_history_item(cmdline_get_rdline(cl), 4), "hello 5");
	assert_null(rdline_get_history_item(cmdline_get_rdline(cl), 5));
	cmdline_in(cl, "hello 5\n", 8);
	assert_string_equal(rdline_get_history_item(cmdline_get_rdline(cl), 1), "quit");
	/* up arrow and Return run the previous command again */
	hello_calls = 0;
	assert_int_equal(cmdline_in(cl, "\033[A\r", 4), 4);
	assert_int_equal(hello_calls, 1);

	/* Tab completion goes through the context */
	drain();
	cmdline_in(cl, "hel\t", 4);
	assert_string_equal(rdline_get_buffer(cmdline_get_rdline(cl)), "hello \n");
	cmdline_in(cl, "\t", 1);
	o = drain();
	assert_non_null(strstr(o, "[UINT8]: greet"));
	cmdline_in(cl, "\003", 1);

	cmdline_set_prompt(cl, "0123456789012345678901234567890123456789");
	cmdline_in(cl, "\n", 1);
	assert_non_null(strstr(drain(), "\r\n0123456789012345678901234567890"));
	cmdline_set_prompt(cl, NULL);
	cmdline_set_prompt(NULL, "x");

	cmdline_printf(cl, "%d-%s", 42, "x");
	assert_string_equal(drain(), "42-x");
	cmdline_printf(NULL, "nothing");
	assert_int_equal(cmdline_write_char(cmdline_get_rdline(cl), '!'), 1);
	assert_string_equal(drain(), "!");
	assert_int_equal(cmdline_write_char(NULL, '!'), -1);

	assert_int_equal(cmdline_in(NULL, "x", 1), -1);
	assert_int_equal(cmdline_in(cl, NULL, 1), -1);
	/* Ctrl-D on an empty line ends the input */
	assert_int_equal(cmdline_in(cl, "\004", 1), -1);
	assert_null(cmdline_get_rdline(NULL));
	cmdline_free(cl);
}

static void
test_cmdline_quit_and_poll(void **state)
{
	struct cmdline *cl;
	int sv[2], i, ret = 0;

	(void)state;
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	cl = cmdline_new(main_ctx, "> ", sv[1], out_pipe[1]);
	assert_non_null(cl);
	/* nothing to read: returns at once */
	assert_int_equal(cmdline_poll(cl), RDLINE_RUNNING);
	assert_int_equal(write(sv[0], "hello 7\n", 8), 8);
	for (i = 0; i < 8; i++)
		ret = cmdline_poll(cl);
	assert_int_equal(ret, RDLINE_RUNNING);
	assert_int_equal(hello_calls, 1);
	assert_int_equal(hello_last, 7);

	/* a callback quitting stops the command line */
	cmdline_in(cl, "half-typed", 10);
	cmd_quit2.tokens[0] = NULL;             /* only one "quit" instruction from now on */
	cmd_quit2.f = NULL;
	assert_int_equal(cmdline_in(cl, "\003quit\n", 6), -1);
	assert_int_equal(cmdline_poll(cl), RDLINE_EXITED);
	assert_int_equal(cmdline_poll(NULL), -EINVAL);
	cmdline_free(cl);
	close(sv[0]);

	/* an input descriptor that cannot be read is an error, not a stop */
	cl = cmdline_new(main_ctx, "> ", 1000, -1);
	assert_non_null(cl);
	assert_true(fcntl(1000, F_GETFD) < 0);
	errno = 0;
	assert_int_equal(cmdline_poll(cl), -1);
	assert_int_equal(errno, EBADF);
	cmdline_interact(cl);
	cmdline_free(cl);

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	cl = cmdline_new(main_ctx, "> ", sv[1], -1);
	assert_non_null(cl);
	/* end of input changes nothing, as with DPDK */
	close(sv[0]);
	assert_int_equal(cmdline_poll(cl), RDLINE_RUNNING);
	cmdline_quit(NULL);
	/* cmdline_free closes descriptors above 2 */
	cmdline_free(cl);
	assert_int_equal(fcntl(sv[1], F_GETFD), -1);
	cmd_quit2.tokens[0] = (void *)&quit_word;
	cmd_quit2.f = quit_cb;
}

static void
test_cmdline_interact(void **state)
{
	struct cmdline *cl;
	int sv[2];

	(void)state;
	cmd_quit2.tokens[0] = NULL;
	cmd_quit2.f = NULL;
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	cl = cmdline_new(main_ctx, "> ", sv[1], -1);
	assert_non_null(cl);
	assert_int_equal(write(sv[0], "hello 1\nquit\nhello 2\n", 21), 21);
	cmdline_interact(cl);
	assert_int_equal(hello_calls, 1);
	assert_int_equal(hello_last, 1);
	cmdline_free(cl);

	/* end of input ends the loop too */
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	cl = cmdline_new(main_ctx, "> ", sv[1], -1);
	assert_int_equal(write(sv[0], "hello 3\n", 8), 8);
	close(sv[0]);
	cmdline_interact(cl);
	assert_int_equal(hello_calls, 2);
	assert_int_equal(hello_last, 3);
	cmdline_free(cl);
	cmdline_interact(NULL);
	cmd_quit2.tokens[0] = (void *)&quit_word;
	cmd_quit2.f = quit_cb;
}

static void
test_cmdline_file(void **state)
{
	char path[] = "/tmp/test_cmdline_XXXXXX";
	const char *script = "hello 4\n# a comment\n\nhello 9\n";
	struct cmdline *cl;
	int fd, fds;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, script, strlen(script)), (ssize_t)strlen(script));
	close(fd);

	fds = test_count_fds();
	cl = cmdline_file_new(main_ctx, "> ", path);
	assert_non_null(cl);
	cmdline_interact(cl);
	assert_int_equal(hello_calls, 2);
	assert_int_equal(hello_last, 9);
	cmdline_free(cl);
	assert_int_equal(test_count_fds(), fds);

	assert_null(cmdline_file_new(main_ctx, "> ", "/nonexistent/commands"));
	assert_null(cmdline_file_new(main_ctx, "> ", NULL));
	/* a refused context does not leak the opened file */
	assert_null(cmdline_file_new(NULL, "> ", path));
	assert_int_equal(test_count_fds(), fds);
	unlink(path);
}

static void
test_cmdline_stdin_pty(void **state)
{
	struct termios t;
	struct cmdline *cl;
	int master, slave, saved_in, saved_out, devnull;
	tcflag_t before;

	(void)state;
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0) {
		skip();
		return;
	}
	assert_int_equal(grantpt(master), 0);
	assert_int_equal(unlockpt(master), 0);
	slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	assert_true(slave >= 0);
	assert_int_equal(tcgetattr(slave, &t), 0);
	before = t.c_lflag;
	assert_true(before & ICANON);

	/* stdin is the pty; stdout goes nowhere so that the prompt does not mix with TAP */
	fflush(stdout);
	saved_in = dup(0);
	saved_out = dup(1);
	devnull = open("/dev/null", O_WRONLY);
	dup2(slave, 0);
	dup2(devnull, 1);

	cl = cmdline_stdin_new(main_ctx, "> ");
	assert_non_null(cl);
	assert_int_equal(tcgetattr(slave, &t), 0);
	assert_int_equal(t.c_lflag & (ICANON | ECHO | ISIG), 0);
	cmdline_stdin_exit(cl);
	assert_int_equal(tcgetattr(slave, &t), 0);
	assert_int_equal(t.c_lflag, before);
	cmdline_free(cl);
	cmdline_stdin_exit(NULL);

	dup2(saved_in, 0);
	dup2(saved_out, 1);
	close(saved_in);
	close(saved_out);
	close(devnull);
	close(slave);
	close(master);
	assert_null(cmdline_stdin_new(NULL, "> "));
}

static void
test_cmdline_stdin_not_tty(void **state)
{
	struct cmdline *cl;
	int p[2], saved_in, saved_out, devnull;

	(void)state;
	assert_int_equal(pipe(p), 0);
	fflush(stdout);
	saved_in = dup(0);
	saved_out = dup(1);
	devnull = open("/dev/null", O_WRONLY);
	dup2(p[0], 0);
	dup2(devnull, 1);

	/* not a terminal: nothing to switch, nothing to restore, input works as usual */
	cl = cmdline_stdin_new(main_ctx, "> ");
	assert_non_null(cl);
	assert_int_equal(write(p[1], "hello 6\n", 8), 8);
	close(p[1]);
	cmdline_interact(cl);
	cmdline_stdin_exit(cl);
	cmdline_free(cl);

	dup2(saved_in, 0);
	dup2(saved_out, 1);
	close(saved_in);
	close(saved_out);
	close(devnull);
	close(p[0]);
	assert_int_equal(hello_calls, 1);
	assert_int_equal(hello_last, 6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rdline_states, rdl_setup, rdl_teardown),
		cmocka_unit_test_setup_teardown(test_rdline_editing, rdl_setup, rdl_teardown),
		cmocka_unit_test_setup_teardown(test_rdline_words_and_kill, rdl_setup,
				rdl_teardown),
		cmocka_unit_test_setup_teardown(test_rdline_validate_and_limits, rdl_setup,
				rdl_teardown),
		cmocka_unit_test_setup_teardown(test_rdline_history, rdl_setup, rdl_teardown),
		cmocka_unit_test_setup_teardown(test_rdline_completion, rdl_setup, rdl_teardown),
		cmocka_unit_test_setup_teardown(test_cmdline_in, cl_setup, cl_teardown),
		cmocka_unit_test_setup_teardown(test_cmdline_quit_and_poll, cl_setup, cl_teardown),
		cmocka_unit_test_setup_teardown(test_cmdline_interact, cl_setup, cl_teardown),
		cmocka_unit_test_setup_teardown(test_cmdline_file, cl_setup, cl_teardown),
		cmocka_unit_test(test_cmdline_stdin_pty),
		cmocka_unit_test_setup_teardown(test_cmdline_stdin_not_tty, cl_setup, cl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
