/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _CMDLINE_PARSE_H_
#define _CMDLINE_PARSE_H_

/**
 * @file
 * Matching a line of text against a table of instructions. An instruction is a
 * NULL-terminated list of tokens; each token knows how to recognise one word and
 * where to store its value in the result structure handed to the callback.
 */

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef offsetof
/** Offset of a field, for the token initializers (stddef.h has it too). */
#define offsetof(type, field)  ((size_t) &( ((type *)0)->field) )
#endif

/* Results of cmdline_parse() */
#define CMDLINE_PARSE_SUCCESS        0 /**< the line was parsed */
#define CMDLINE_PARSE_AMBIGUOUS     -1 /**< several instructions match */
#define CMDLINE_PARSE_NOMATCH       -2 /**< no instruction matches */
#define CMDLINE_PARSE_BAD_ARGS      -3 /**< an instruction matched its first words only */

/* Results of cmdline_complete() */
#define CMDLINE_PARSE_COMPLETE_FINISHED 0 /**< nothing (more) to propose */
#define CMDLINE_PARSE_COMPLETE_AGAIN    1 /**< one entry written, call again */
#define CMDLINE_PARSE_COMPLETED_BUFFER  2 /**< dst holds text to append to the line */

/* Size of the result structure an instruction's tokens fill in. */
#define CMDLINE_PARSE_RESULT_BUFSIZE 8192 /**< size of the result structure tokens fill */

/**
 * First member of every token: its operations, and where in the result
 * structure its parsed value goes.
 */
struct cmdline_token_hdr {
	struct cmdline_token_ops *ops; /**< what the token type implements */
	unsigned int offset;           /**< where its value goes in the result */
};
/** Token header, as the parser and token operations see every token. */
typedef struct cmdline_token_hdr cmdline_parse_token_hdr_t;

/**
 * What a token type implements.
 *
 * parse() returns how many bytes of the buffer the token consumed (the word
 * ends at a blank, '#', end of line or NUL), or a negative value when the word
 * is not one of its values; with a non-NULL result pointer it also stores the
 * value there (ressize bytes available).
 * complete_get_nb() and complete_get_elt() list the words Tab may propose
 * (both NULL, or a count of 0, when the token cannot be completed);
 * get_help() writes a short description of what the token accepts.
 */
struct cmdline_token_ops {
	/** parse(token, buffer, result or NULL, result size) */
	int (*parse)(cmdline_parse_token_hdr_t *, const char *, void *,
		unsigned int);
	/** number of completion candidates */
	int (*complete_get_nb)(cmdline_parse_token_hdr_t *);
	/** candidate idx into the buffer (token, idx, buffer, size) */
	int (*complete_get_elt)(cmdline_parse_token_hdr_t *, int, char *,
		unsigned int);
	/** description into the buffer (token, buffer, size) */
	int (*get_help)(cmdline_parse_token_hdr_t *, char *, unsigned int);
};

struct cmdline;

/**
 * One command: when every token matches, f(result, cl, data) is called with
 * the structure the tokens filled in. help_str is shown by completion.
 * When tokens[0] is NULL and f is set, the tokens are produced on demand:
 * f(&token, NULL, &tokens[i]) must store the i-th token (or NULL) in token.
 */
struct cmdline_inst {
	/** f(parsed_struct, cl, data), run when the instruction matches */
	void (*f)(void *, struct cmdline *, void *);
	void *data;             /**< given back to f */
	const char *help_str;   /**< shown by completion */
	cmdline_parse_token_hdr_t *tokens[]; /**< NULL-terminated */
};
/** An instruction, as applications declare them. */
typedef struct cmdline_inst cmdline_parse_inst_t;

/** A context is a NULL-terminated array of instruction pointers. */
typedef cmdline_parse_inst_t *cmdline_parse_ctx_t;

/**
 * Parse one line (up to an end of line) and run the matching instruction.
 *
 * @return the number of bytes consumed (line and end-of-line characters) on
 *   success or for an empty or comment-only line; 0 when buf holds no complete
 *   line yet; CMDLINE_PARSE_AMBIGUOUS when several instructions match,
 *   CMDLINE_PARSE_NOMATCH when none starts to match, CMDLINE_PARSE_BAD_ARGS when
 *   one matched only its first words (or cl or buf is NULL).
 */
int cmdline_parse(struct cmdline *cl, const char *buf);

/**
 * Same as cmdline_parse() without running the instruction's callback.
 */
__rte_experimental
int cmdline_parse_check(struct cmdline *cl, const char *buf);

/**
 * Completion of the last, partial word of buf.
 *
 * Called first with *state == 0 (Tab): when every candidate shares a common
 * continuation, it is copied to dst and CMDLINE_PARSE_COMPLETED_BUFFER is
 * returned. Otherwise (or with *state == -1, help) each call writes one
 * candidate with its help into dst, advances *state and returns
 * CMDLINE_PARSE_COMPLETE_AGAIN, until CMDLINE_PARSE_COMPLETE_FINISHED.
 *
 * @return one of the values above, or -1 when an argument is NULL.
 */
int cmdline_complete(struct cmdline *cl, const char *buf, int *state,
		     char *dst, unsigned int size);

/** True for NUL, '#', a blank or an end of line: a word stops there. */
int cmdline_isendoftoken(char c);

/**
 * True for NUL, '#' or an end of line: a command stops there.
 * Declared as in DPDK 22.11, which does not export it either.
 */
int cmdline_isendofcommand(char c);

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_PARSE_H_ */
