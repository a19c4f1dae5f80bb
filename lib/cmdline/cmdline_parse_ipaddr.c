/* SPDX-License-Identifier: BSD-3-Clause */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_string_fns.h>

#include "cmdline_parse.h"
#include "cmdline_parse_ipaddr.h"

struct cmdline_token_ops cmdline_token_ipaddr_ops = {
	.parse = cmdline_parse_ipaddr,
	.complete_get_nb = NULL,
	.complete_get_elt = NULL,
	.get_help = cmdline_get_help_ipaddr,
};

/* an IPv6 address in text and "/128" */
#define IPADDR_WORD_MAX (INET6_ADDRSTRLEN + 4)

/* Prefix length after '/', read like strtol as DPDK does ("" is 0, "+8" is 8), at most max. */
static int
read_prefix(const char *s, unsigned int max, unsigned int *prefixlen)
{
	long v;
	char *end;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || v > (long)max)
		return -1;
	*prefixlen = v;
	return 0;
}

int
cmdline_parse_ipaddr(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		unsigned ressize)
{
	char word[IPADDR_WORD_MAX + 1];
	cmdline_ipaddr_t ip;
	unsigned int len = 0;
	uint8_t flags;
	char *slash = NULL;

	if (tk == NULL || buf == NULL || *buf == '\0')
		return -1;
	if (res != NULL && ressize < sizeof(cmdline_ipaddr_t))
		return -1;
	flags = ((struct cmdline_token_ipaddr *)tk)->ipaddr_data.flags;

	while (!cmdline_isendoftoken(buf[len]))
		len++;
	if (len == 0 || len > IPADDR_WORD_MAX)
		return -1;
	memcpy(word, buf, len);
	word[len] = '\0';

	memset(&ip, 0, sizeof(ip));
	/* networks need a prefix length; plain addresses must not have one */
	if (flags & CMDLINE_IPADDR_NETWORK) {
		slash = strrchr(word, '/');
		if (slash == NULL)
			return -1;
		*slash = '\0';
	}

	if ((flags & CMDLINE_IPADDR_V4) && inet_pton(AF_INET, word, &ip.addr.ipv4) == 1) {
		if (slash != NULL && read_prefix(slash + 1, 32, &ip.prefixlen) < 0)
			return -1;
		ip.family = AF_INET;
	} else if ((flags & CMDLINE_IPADDR_V6) &&
			inet_pton(AF_INET6, word, &ip.addr.ipv6) == 1) {
		if (slash != NULL && read_prefix(slash + 1, 128, &ip.prefixlen) < 0)
			return -1;
		ip.family = AF_INET6;
	} else {
		return -1;
	}

	if (res != NULL)
		memcpy(res, &ip, sizeof(ip));
	return len;
}

int
cmdline_get_help_ipaddr(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size)
{
	const char *help;

	if (tk == NULL || dstbuf == NULL)
		return -1;
	switch (((struct cmdline_token_ipaddr *)tk)->ipaddr_data.flags) {
	case CMDLINE_IPADDR_V4:
		help = "IPv4";
		break;
	case CMDLINE_IPADDR_V6:
		help = "IPv6";
		break;
	case CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6:
		help = "IPv4/IPv6";
		break;
	case CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_NETWORK:
		help = "IPv4 network";
		break;
	case CMDLINE_IPADDR_V6 | CMDLINE_IPADDR_NETWORK:
		help = "IPv6 network";
		break;
	case CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6 | CMDLINE_IPADDR_NETWORK:
		help = "IPv4/IPv6 network";
		break;
	default:
		help = "IPaddr (bad flags)";
		break;
	}
	strlcpy(dstbuf, help, size);
	return 0;
}
