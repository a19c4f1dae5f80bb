/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _PARSE_PORTLIST_H_
#define _PARSE_PORTLIST_H_

/**
 * @file
 * Port list token: "all", or port numbers 0 to 31 and ranges separated by commas
 * ("0-3,5"), parsed into a bit mask.
 */

#include <stdint.h>
#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Longest accepted list, terminator included. */
#define PORTLIST_TOKEN_SIZE	128
/** Number of ports a list can name (0 to 31). */
#define PORTLIST_MAX_TOKENS	32

/** Bit n set when port n is in the list. */
typedef struct cmdline_portlist {
	uint32_t		map; /**< bit n for port n */
} cmdline_portlist_t;

/** A port list token. */
struct cmdline_token_portlist {
	struct cmdline_token_hdr hdr; /**< common header */
};
/** A port list token, as applications declare them. */
typedef struct cmdline_token_portlist cmdline_parse_token_portlist_t;

/** Operations of port list tokens. */
extern struct cmdline_token_ops cmdline_token_portlist_ops;

/** Token parse operation. */
int cmdline_parse_portlist(cmdline_parse_token_hdr_t *tk,
	const char *srcbuf, void *res, unsigned ressize);
/** Token help operation. */
int cmdline_get_help_portlist(cmdline_parse_token_hdr_t *tk,
	char *dstbuf, unsigned int size);

/** A port list token storing a cmdline_portlist_t in field of structure. */
#define TOKEN_PORTLIST_INITIALIZER(structure, field)        \
{                                                           \
	/* hdr */                                               \
	{                                                       \
		&cmdline_token_portlist_ops,    /* ops */           \
		offsetof(structure, field),     /* offset */        \
	},                                                      \
}

#ifdef __cplusplus
}
#endif

#endif /* _PARSE_PORTLIST_H_ */
