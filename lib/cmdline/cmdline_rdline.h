/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RDLINE_H_
#define _RDLINE_H_

/**
 * @file
 * A small line editor for a vt100 terminal: the caller feeds it one byte at a
 * time, it echoes through a write callback, handles cursor movement, deletion,
 * a kill buffer, history and Tab completion, and calls a validate callback when
 * the user presses Return.
 */

#include <stdio.h>
#include <rte_compat.h>
#include <cmdline_cirbuf.h>
#include <cmdline_vt100.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rdline;

/** Output one byte to the terminal. */
typedef int (rdline_write_char_t)(struct rdline *rdl, char);
/** Called with the finished line (ending in "\n"). */
typedef void (rdline_validate_t)(struct rdline *rdl,
				 const char *buf, unsigned int size);
/** Completion, with the same conventions as cmdline_complete(). */
typedef int (rdline_complete_t)(struct rdline *rdl, const char *buf,
				char *dstbuf, unsigned int dstsize,
				int *state);

/**
 * Allocate an editor. It stays inactive until rdline_newline().
 *
 * @return the editor, or NULL (errno set) when write_char is NULL or memory is short.
 */
__rte_experimental
struct rdline *rdline_new(rdline_write_char_t *write_char,
			  rdline_validate_t *validate,
			  rdline_complete_t *complete,
			  void *opaque);

/** Free an editor from rdline_new(); NULL is ignored. */
__rte_experimental
void rdline_free(struct rdline *rdl);

/** Start a new, empty line: print the prompt (truncated to 31 bytes) and accept input. */
void rdline_newline(struct rdline *rdl, const char *prompt);

/** Stop accepting input until rdline_restart() or rdline_newline(). */
void rdline_stop(struct rdline *rdl);

/** Mark the editor as exited: rdline_char_in() returns RDLINE_RES_EXITED from now on. */
void rdline_quit(struct rdline *rdl);

/** Accept input again after rdline_stop(). */
void rdline_restart(struct rdline *rdl);

/** Print the prompt and the current line again. */
void rdline_redisplay(struct rdline *rdl);

/** Empty the current line and accept input, without printing anything. */
void rdline_reset(struct rdline *rdl);

/* Results of rdline_char_in() */
#define RDLINE_RES_SUCCESS       0 /**< byte handled */
#define RDLINE_RES_VALIDATED     1 /**< the line was validated */
#define RDLINE_RES_COMPLETE      2 /**< completion ran */
#define RDLINE_RES_NOT_RUNNING  -1 /**< not accepting input */
#define RDLINE_RES_EOF          -2 /**< Ctrl-D on an empty line */
#define RDLINE_RES_EXITED       -3 /**< the editor was quit */

/**
 * Feed one byte typed by the user.
 *
 * @return RDLINE_RES_VALIDATED when it ended a line, RDLINE_RES_COMPLETE after
 *   completion, RDLINE_RES_EOF for Ctrl-D on an empty line, RDLINE_RES_NOT_RUNNING
 *   or RDLINE_RES_EXITED when the editor does not accept input, RDLINE_RES_SUCCESS
 *   otherwise; -EINVAL when rdl is NULL.
 */
int rdline_char_in(struct rdline *rdl, char c);

/** The current line followed by "\n", in a buffer owned by the editor; NULL if rdl is NULL. */
const char *rdline_get_buffer(struct rdline *rdl);

/**
 * Add a line to the history (up to its first '\n'); the oldest lines make room.
 *
 * @return 0, -EINVAL when an argument is NULL, -1 when the line cannot fit at all.
 */
int rdline_add_history(struct rdline *rdl, const char *buf);

/** Forget every history line. */
void rdline_clear_history(struct rdline *rdl);

/**
 * History line i, 0 being the most recent; the string stays valid until the next
 * call. @return NULL when there is no such line or rdl is NULL.
 */
char *rdline_get_history_item(struct rdline *rdl, unsigned int i);

/** Bytes of history storage (lines and their terminators). */
__rte_experimental
size_t rdline_get_history_buffer_size(struct rdline *rdl);

/** The opaque pointer given to rdline_new(); NULL if rdl is NULL. */
__rte_experimental
void *rdline_get_opaque(struct rdline *rdl);

#ifdef __cplusplus
}
#endif

#endif /* _RDLINE_H_ */
