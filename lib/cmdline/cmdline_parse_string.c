/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include <rte_string_fns.h>

#include "cmdline_parse.h"
#include "cmdline_parse_string.h"

struct cmdline_token_ops cmdline_token_string_ops = {
	.parse = cmdline_parse_string,
	.complete_get_nb = cmdline_complete_get_nb_string,
	.complete_get_elt = cmdline_complete_get_elt_string,
	.get_help = cmdline_get_help_string,
};

/* Length of the '#'-separated choice starting at s. */
static unsigned int
choice_len(const char *s)
{
	const char *hash = strchr(s, '#');

	return hash != NULL ? (unsigned int)(hash - s) : strlen(s);
}

/* The choice after the one at s, or NULL. */
static const char *
next_choice(const char *s)
{
	const char *hash = strchr(s, '#');

	return hash != NULL ? hash + 1 : NULL;
}

static int
is_multi(const char *str)
{
	return str != NULL && str[0] == '\0';
}

int
cmdline_parse_string(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		unsigned ressize)
{
	const char *str, *c;
	unsigned int len = 0, limit;

	if (tk == NULL || buf == NULL || *buf == '\0')
		return -1;
	str = ((struct cmdline_token_string *)tk)->string_data.str;

	if (is_multi(str)) {
		limit = STR_MULTI_TOKEN_SIZE;
		while (!cmdline_isendofcommand(buf[len]))
			len++;
	} else if (str != NULL) {
		limit = STR_TOKEN_SIZE;
		for (c = str; c != NULL; c = next_choice(c)) {
			len = choice_len(c);
			if (len != 0 && strncmp(c, buf, len) == 0 &&
					cmdline_isendoftoken(buf[len]))
				break;
		}
		if (c == NULL)
			return -1;
	} else {
		limit = STR_TOKEN_SIZE;
		while (!cmdline_isendoftoken(buf[len]))
			len++;
	}

	/* an empty word fails only for word lists; DPDK returns 0 for the others */
	if (len >= limit - 1)
		return -1;
	/* DPDK wants room for a whole field of the token's type, whatever the word */
	if (res != NULL) {
		if (ressize < limit)
			return -1;
		memcpy(res, buf, len);
		((char *)res)[len] = '\0';
	}
	return len;
}

int
cmdline_complete_get_nb_string(cmdline_parse_token_hdr_t *tk)
{
	const char *str;
	int n = 0;

	if (tk == NULL)
		return -1;
	str = ((struct cmdline_token_string *)tk)->string_data.str;
	/* any word has nothing to propose; the rest of a line proposes "" (as DPDK) */
	if (str == NULL)
		return 0;
	if (is_multi(str))
		return 1;
	for (; str != NULL; str = next_choice(str))
		n++;
	return n;
}

int
cmdline_complete_get_elt_string(cmdline_parse_token_hdr_t *tk, int idx,
		char *dstbuf, unsigned int size)
{
	const char *s;
	unsigned int len;

	if (tk == NULL || dstbuf == NULL || idx < 0)
		return -1;
	s = ((struct cmdline_token_string *)tk)->string_data.str;
	if (s == NULL)
		return -1;
	while (idx-- > 0 && s != NULL)
		s = is_multi(s) ? NULL : next_choice(s);
	if (s == NULL)
		return -1;
	len = choice_len(s);
	if (len + 1 > size)
		return -1;
	memcpy(dstbuf, s, len);
	dstbuf[len] = '\0';
	return 0;
}

int
cmdline_get_help_string(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size)
{
	const char *s, *help;

	if (tk == NULL || dstbuf == NULL)
		return -1;
	s = ((struct cmdline_token_string *)tk)->string_data.str;
	if (s == NULL)
		help = "Any STRING";
	else if (is_multi(s))
		help = "Any STRINGS";
	else if (next_choice(s) != NULL)
		help = "Mul-choice STRING";
	else
		help = "Fixed STRING";
	strlcpy(dstbuf, help, size);
	return 0;
}
