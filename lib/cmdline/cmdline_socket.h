/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _CMDLINE_SOCKET_H_
#define _CMDLINE_SOCKET_H_

/**
 * @file
 * Command lines over the terminal or over a file of commands.
 */

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A command line reading the commands of the file at path, without output. */
struct cmdline *cmdline_file_new(cmdline_parse_ctx_t *ctx, const char *prompt, const char *path);

/** A command line on stdin/stdout; a terminal is put in raw mode until cmdline_stdin_exit(). */
struct cmdline *cmdline_stdin_new(cmdline_parse_ctx_t *ctx, const char *prompt);

/** Give the terminal back its settings from before cmdline_stdin_new(). Does not free cl. */
void cmdline_stdin_exit(struct cmdline *cl);

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_SOCKET_H_ */
