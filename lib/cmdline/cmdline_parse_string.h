/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _PARSE_STRING_H_
#define _PARSE_STRING_H_

/**
 * @file
 * String token. Its str selects what it accepts: NULL, any one word; a list of
 * words separated by '#' ("show#set"), exactly one of them; TOKEN_STRING_MULTI,
 * the rest of the command up to a '#' comment or the end of line.
 */

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Size of a parsed word, terminator included. */
#define STR_TOKEN_SIZE 128

/** Size of a parsed rest of line, terminator included. */
#define STR_MULTI_TOKEN_SIZE 4096

/** Result field of a word. */
typedef char cmdline_fixed_string_t[STR_TOKEN_SIZE];

/** Result field of a rest of line. */
typedef char cmdline_multi_string_t[STR_MULTI_TOKEN_SIZE];

/** What a string token accepts. */
struct cmdline_token_string_data {
	const char *str; /**< words separated by '#', NULL or TOKEN_STRING_MULTI */
};

/** A string token. */
struct cmdline_token_string {
	struct cmdline_token_hdr hdr;                 /**< common header */
	struct cmdline_token_string_data string_data; /**< accepted words */
};
/** A string token, as applications declare them. */
typedef struct cmdline_token_string cmdline_parse_token_string_t;

/** Operations of string tokens. */
extern struct cmdline_token_ops cmdline_token_string_ops;

/** Token parse operation: copies the word (NUL-terminated) to res. */
int cmdline_parse_string(cmdline_parse_token_hdr_t *tk, const char *srcbuf,
	void *res, unsigned ressize);
/** Number of words of a '#' list; 0 for any-word and rest-of-line tokens. */
int cmdline_complete_get_nb_string(cmdline_parse_token_hdr_t *tk);
/** Word idx of a '#' list into dstbuf. @return 0, or -1. */
int cmdline_complete_get_elt_string(cmdline_parse_token_hdr_t *tk, int idx,
				    char *dstbuf, unsigned int size);
/** Token help operation. */
int cmdline_get_help_string(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			    unsigned int size);

/**
 * Value of str for a token taking the rest of the command; its field must be
 * a cmdline_multi_string_t.
 */
#define TOKEN_STRING_MULTI ""

/** A string token accepting string (see above) into field of structure. */
#define TOKEN_STRING_INITIALIZER(structure, field, string)  \
{                                                           \
	/* hdr */                                               \
	{                                                       \
		&cmdline_token_string_ops,      /* ops */           \
		offsetof(structure, field),     /* offset */        \
	},                                                      \
	/* string_data */                                       \
	{                                                       \
		string,                         /* str */           \
	},                                                      \
}

#ifdef __cplusplus
}
#endif

#endif /* _PARSE_STRING_H_ */
