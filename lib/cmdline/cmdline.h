/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _CMDLINE_H_
#define _CMDLINE_H_

#include <rte_common.h>
#include <rte_compat.h>

#include <cmdline_rdline.h>
#include <cmdline_parse.h>

/**
 * @file
 * An interactive command line: a line editor reading from one file descriptor
 * and writing to another, whose validated lines are parsed against a context
 * of instructions.
 */

#ifdef __cplusplus
extern "C" {
#endif

/** Editor state, as cmdline_poll() reports it. */
enum rdline_status {
	RDLINE_INIT,     /**< not accepting input (line validated, or stopped) */
	RDLINE_RUNNING,  /**< reading a line */
	RDLINE_EXITED    /**< quit */
};

struct cmdline;

/**
 * Create a command line reading s_in and writing s_out (-1: no output); prints the prompt.
 *
 * @return the command line, or NULL when ctx or prompt is NULL or memory is short.
 */
struct cmdline *cmdline_new(cmdline_parse_ctx_t *ctx, const char *prompt, int s_in, int s_out);

/** Change the prompt used from the next line on (truncated to 31 bytes). */
void cmdline_set_prompt(struct cmdline *cl, const char *prompt);

/** Free the command line and close its descriptors other than 0, 1 and 2. */
void cmdline_free(struct cmdline *cl);

/** printf() to the command line's output; nothing when it has none. */
void cmdline_printf(const struct cmdline *cl, const char *fmt, ...)
	__rte_format_printf(2, 3);

/**
 * Feed size bytes as if typed.
 *
 * @return the number of bytes used, or -1 when an argument is NULL, at Ctrl-D on an
 *   empty line or once the command line has been quit.
 */
int cmdline_in(struct cmdline *cl, const char *buf, int size);

/** The write callback of a command line's editor: one byte to its output. */
int cmdline_write_char(struct rdline *rdl, char c);

/** The line editor of a command line. */
__rte_experimental
struct rdline *
cmdline_get_rdline(struct cmdline *cl);

/**
 * Process at most one byte if input is ready, without waiting.
 *
 * @return the editor's state (enum rdline_status), -EINVAL when cl is NULL, or -1
 *   (errno set) when the input cannot be polled or read.
 */
int cmdline_poll(struct cmdline *cl);

/** Read and process input until end of file, error or cmdline_quit(). */
void cmdline_interact(struct cmdline *cl);

/** Make cmdline_interact() and cmdline_poll() stop (typically from a command's callback). */
void cmdline_quit(struct cmdline *cl);

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_H_ */
