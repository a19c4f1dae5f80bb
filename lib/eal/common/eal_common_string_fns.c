/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include <rte_string_fns.h>

int
rte_strsplit(char *string, int stringlen, char **tokens, int maxtokens, char delim)
{
	int i, tok = 0;
	int tokstart = 1; /* next character starts a token */

	if (string == NULL || tokens == NULL) {
		errno = EINVAL;
		return -1;
	}
	for (i = 0; i < stringlen; i++) {
		if (string[i] == '\0' || tok >= maxtokens)
			break;
		if (tokstart) {
			tokstart = 0;
			tokens[tok++] = &string[i];
		}
		if (string[i] == delim) {
			string[i] = '\0';
			tokstart = 1;
		}
	}
	return tok;
}

ssize_t
rte_strscpy(char *dst, const char *src, size_t dsize)
{
	size_t i;

	for (i = 0; i < dsize; i++) {
		dst[i] = src[i];
		if (src[i] == '\0')
			return (ssize_t)i;
	}
	if (i != 0)
		dst[i - 1] = '\0';
	return -E2BIG;
}

uint64_t
rte_str_to_size(const char *str)
{
	unsigned long long size;
	char *end;

	while (isspace((unsigned char)*str))
		str++;
	if (*str == '-')
		return 0;
	errno = 0;
	size = strtoull(str, &end, 0);
	if (errno != 0)
		return 0;
	if (*end == ' ')
		end++; /* "1 G" as well as "1G" */
	/* Each unit is 1024 times the next one down: multiply once per step. */
	switch (*end) {
	case 'E': case 'e':
		size *= 1024;
		/* fall through */
	case 'P': case 'p':
		size *= 1024;
		/* fall through */
	case 'T': case 't':
		size *= 1024;
		/* fall through */
	case 'G': case 'g':
		size *= 1024;
		/* fall through */
	case 'M': case 'm':
		size *= 1024;
		/* fall through */
	case 'K': case 'k':
		size *= 1024;
		/* fall through */
	default:
		break;
	}
	return size;
}
