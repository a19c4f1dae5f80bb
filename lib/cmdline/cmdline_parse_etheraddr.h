/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _PARSE_ETHERADDR_H_
#define _PARSE_ETHERADDR_H_

/**
 * @file
 * MAC address token ("00:11:22:33:44:55" or "0011:2233:4455"),
 * parsed into a struct rte_ether_addr.
 */

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A MAC address token. */
struct cmdline_token_etheraddr {
	struct cmdline_token_hdr hdr; /**< common header */
};
/** A MAC address token, as applications declare them. */
typedef struct cmdline_token_etheraddr cmdline_parse_token_etheraddr_t;

/** Operations of MAC address tokens. */
extern struct cmdline_token_ops cmdline_token_etheraddr_ops;

/** Token parse operation. */
int cmdline_parse_etheraddr(cmdline_parse_token_hdr_t *tk, const char *srcbuf,
	void *res, unsigned ressize);
/** Token help operation. */
int cmdline_get_help_etheraddr(cmdline_parse_token_hdr_t *tk, char *dstbuf,
	unsigned int size);

/** A MAC address token storing a struct rte_ether_addr in field of structure. */
#define TOKEN_ETHERADDR_INITIALIZER(structure, field)       \
{                                                           \
	/* hdr */                                               \
	{                                                       \
		&cmdline_token_etheraddr_ops,   /* ops */           \
		offsetof(structure, field),     /* offset */        \
	},                                                      \
}

#ifdef __cplusplus
}
#endif

#endif /* _PARSE_ETHERADDR_H_ */
