/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _PARSE_IPADDR_H_
#define _PARSE_IPADDR_H_

/**
 * @file
 * IP address token: IPv4 and/or IPv6 addresses, or networks written
 * address/prefix-length, as the token's flags allow.
 */

#include <cmdline_parse.h>
#include <rte_ip.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CMDLINE_IPADDR_V4      0x01 /**< accept IPv4 */
#define CMDLINE_IPADDR_V6      0x02 /**< accept IPv6 */
#define CMDLINE_IPADDR_NETWORK 0x04 /**< require a /prefix length */

/** A parsed address: family is AF_INET or AF_INET6. */
struct cmdline_ipaddr {
	uint8_t family;                 /**< AF_INET or AF_INET6 */
	/** the address, by family */
	union {
		struct in_addr ipv4;    /**< AF_INET */
		struct in6_addr ipv6;   /**< AF_INET6 */
	} addr;
	unsigned int prefixlen; /**< networks only, 0 otherwise */
};
/** Result field of an IP address token. */
typedef struct cmdline_ipaddr cmdline_ipaddr_t;

/** What an IP address token accepts. */
struct cmdline_token_ipaddr_data {
	uint8_t flags; /**< CMDLINE_IPADDR_* */
};

/** An IP address token. */
struct cmdline_token_ipaddr {
	struct cmdline_token_hdr hdr;                 /**< common header */
	struct cmdline_token_ipaddr_data ipaddr_data; /**< accepted forms */
};
/** An IP address token, as applications declare them. */
typedef struct cmdline_token_ipaddr cmdline_parse_token_ipaddr_t;

/** Operations of IP address tokens. */
extern struct cmdline_token_ops cmdline_token_ipaddr_ops;

/** Token parse operation: stores a cmdline_ipaddr_t. */
int cmdline_parse_ipaddr(cmdline_parse_token_hdr_t *tk, const char *srcbuf,
	void *res, unsigned ressize);
/** Token help operation. */
int cmdline_get_help_ipaddr(cmdline_parse_token_hdr_t *tk, char *dstbuf,
	unsigned int size);

/** An IPv4 or IPv6 address token. */
#define TOKEN_IPADDR_INITIALIZER(structure, field)      \
{                                                       \
	/* hdr */                                           \
	{                                                   \
		&cmdline_token_ipaddr_ops,      /* ops */       \
		offsetof(structure, field),     /* offset */    \
	},                                                  \
	/* ipaddr_data */                                   \
	{                                                   \
		CMDLINE_IPADDR_V4 |             /* flags */     \
		CMDLINE_IPADDR_V6,                              \
	},                                                  \
}

/** An IPv4 address token. */
#define TOKEN_IPV4_INITIALIZER(structure, field)        \
{                                                       \
	/* hdr */                                           \
	{                                                   \
		&cmdline_token_ipaddr_ops,      /* ops */       \
		offsetof(structure, field),     /* offset */    \
	},                                                  \
	/* ipaddr_data */                                   \
	{                                                   \
		CMDLINE_IPADDR_V4,              /* flags */     \
	},                                                  \
}

/** An IPv6 address token. */
#define TOKEN_IPV6_INITIALIZER(structure, field)        \
{                                                       \
	/* hdr */                                           \
	{                                                   \
		&cmdline_token_ipaddr_ops,      /* ops */       \
		offsetof(structure, field),     /* offset */    \
	},                                                  \
	/* ipaddr_data */                                   \
	{                                                   \
		CMDLINE_IPADDR_V6,              /* flags */     \
	},                                                  \
}

/** An IPv4 or IPv6 network token. */
#define TOKEN_IPNET_INITIALIZER(structure, field)       \
{                                                       \
	/* hdr */                                           \
	{                                                   \
		&cmdline_token_ipaddr_ops,      /* ops */       \
		offsetof(structure, field),     /* offset */    \
	},                                                  \
	/* ipaddr_data */                                   \
	{                                                   \
		CMDLINE_IPADDR_V4 |             /* flags */     \
		CMDLINE_IPADDR_V6 |                             \
		CMDLINE_IPADDR_NETWORK,                         \
	},                                                  \
}

/** An IPv4 network token. */
#define TOKEN_IPV4NET_INITIALIZER(structure, field)     \
{                                                       \
	/* hdr */                                           \
	{                                                   \
		&cmdline_token_ipaddr_ops,      /* ops */       \
		offsetof(structure, field),     /* offset */    \
	},                                                  \
	/* ipaddr_data */                                   \
	{                                                   \
		CMDLINE_IPADDR_V4 |             /* flags */     \
		CMDLINE_IPADDR_NETWORK,                         \
	},                                                  \
}

/**
 * Meant for IPv6 networks, but DPDK 22.11 gives this initializer the IPv4
 * network flags, so applications built against it get an IPv4 network token;
 * kept identical on purpose.
 */
#define TOKEN_IPV6NET_INITIALIZER(structure, field)     \
{                                                       \
	/* hdr */                                           \
	{                                                   \
		&cmdline_token_ipaddr_ops,      /* ops */       \
		offsetof(structure, field),     /* offset */    \
	},                                                  \
	/* ipaddr_data */                                   \
	{                                                   \
		CMDLINE_IPADDR_V4 |             /* flags */     \
		CMDLINE_IPADDR_NETWORK,                         \
	},                                                  \
}

#ifdef __cplusplus
}
#endif

#endif /* _PARSE_IPADDR_H_ */
