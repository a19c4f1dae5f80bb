/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _PARSE_NUM_H_
#define _PARSE_NUM_H_

/**
 * @file
 * Number token: decimal (optionally negative for signed types), 0x hexadecimal,
 * 0b binary or 0-prefixed octal, checked against the range of its type.
 */

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Type, and so range and size, of the parsed number. */
enum cmdline_numtype {
	RTE_UINT8 = 0, /**< uint8_t */
	RTE_UINT16,    /**< uint16_t */
	RTE_UINT32,    /**< uint32_t */
	RTE_UINT64,    /**< uint64_t */
	RTE_INT8,      /**< int8_t */
	RTE_INT16,     /**< int16_t */
	RTE_INT32,     /**< int32_t */
	RTE_INT64      /**< int64_t */
};

/** What a number token accepts. */
struct cmdline_token_num_data {
	enum cmdline_numtype type; /**< type of the result field */
};

/** A number token. */
struct cmdline_token_num {
	struct cmdline_token_hdr hdr;           /**< common header */
	struct cmdline_token_num_data num_data; /**< its type */
};
/** A number token, as applications declare them. */
typedef struct cmdline_token_num cmdline_parse_token_num_t;

/** Operations of number tokens. */
extern struct cmdline_token_ops cmdline_token_num_ops;

/** Token parse operation: stores a value of the token's type. */
int cmdline_parse_num(cmdline_parse_token_hdr_t *tk,
	const char *srcbuf, void *res, unsigned ressize);
/** Token help operation: the type's name ("UINT8", "INT64"...). */
int cmdline_get_help_num(cmdline_parse_token_hdr_t *tk,
	char *dstbuf, unsigned int size);

/** A number token storing a numtype value in field of structure. */
#define TOKEN_NUM_INITIALIZER(structure, field, numtype)    \
{                                                           \
	/* hdr */                                               \
	{                                                       \
		&cmdline_token_num_ops,         /* ops */           \
		offsetof(structure, field),     /* offset */        \
	},                                                      \
	/* num_data */                                          \
	{                                                       \
		numtype,                        /* type */          \
	},                                                      \
}

#ifdef __cplusplus
}
#endif

#endif /* _PARSE_NUM_H_ */
