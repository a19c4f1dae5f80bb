/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_string_fns.h>

#include "cmdline_parse.h"
#include "cmdline_parse_portlist.h"

struct cmdline_token_ops cmdline_token_portlist_ops = {
	.parse = cmdline_parse_portlist,
	.complete_get_nb = NULL,
	.complete_get_elt = NULL,
	.get_help = cmdline_get_help_portlist,
};

/* A port number at s, 0 to 31, digits with an optional '+' (strtoul's syntax, as DPDK). */
static int
port_number(const char *s, const char **end, unsigned long *port)
{
	char *e;

	if (*s == '+')
		s++;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*port = strtoul(s, &e, 10);
	if (errno != 0 || *port >= PORTLIST_MAX_TOKENS)
		return -1;
	*end = e;
	return 0;
}

/* "all", or items "N" and "N-M" separated by commas. */
static int
parse_list(const char *s, uint32_t *map)
{
	unsigned long first, last, p;
	const char *end;

	if (strcmp(s, "all") == 0) {
		*map = UINT32_MAX;
		return 0;
	}
	*map = 0;
	for (;;) {
		if (port_number(s, &end, &first) < 0)
			return -1;
		last = first;
		if (*end == '-' && port_number(end + 1, &end, &last) < 0)
			return -1;
		if (first > last)
			return -1;
		for (p = first; p <= last; p++)
			*map |= UINT32_C(1) << p;
		if (*end == '\0')
			return 0;
		if (*end != ',')
			return -1;
		s = end + 1;
	}
}

int
cmdline_parse_portlist(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		unsigned ressize)
{
	char word[PORTLIST_TOKEN_SIZE];
	cmdline_portlist_t pl;
	unsigned int len = 0;

	if (tk == NULL || buf == NULL || *buf == '\0')
		return -1;
	if (res != NULL && ressize < sizeof(cmdline_portlist_t))
		return -1;
	while (!cmdline_isendoftoken(buf[len]))
		len++;
	if (len == 0 || len >= sizeof(word))
		return -1;
	memcpy(word, buf, len);
	word[len] = '\0';
	if (parse_list(word, &pl.map) < 0)
		return -1;
	if (res != NULL)
		memcpy(res, &pl, sizeof(pl));
	return len;
}

int
cmdline_get_help_portlist(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size)
{
	if (tk == NULL || dstbuf == NULL)
		return -1;
	strlcpy(dstbuf, "range of ports as 3,4-6,8-19,20", size);
	return 0;
}
