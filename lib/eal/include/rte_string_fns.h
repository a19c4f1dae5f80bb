/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * String helpers missing from the C library.
 */
#ifndef _RTE_STRING_FNS_H_
#define _RTE_STRING_FNS_H_

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Split string in place at each delim into at most maxtokens tokens.
 * @return number of tokens, or -1 with errno EINVAL for bad arguments.
 */
int rte_strsplit(char *string, int stringlen, char **tokens, int maxtokens, char delim);

/** Copy with truncation, always NUL-terminated; returns strlen(src) like BSD strlcpy. */
static inline size_t
rte_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size != 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/** Append with truncation, always NUL-terminated; returns the length it tried to create. */
static inline size_t
rte_strlcat(char *dst, const char *src, size_t size)
{
	/* memchr rather than strnlen, which strict ISO C modes do not declare. */
	const char *end = (const char *)memchr(dst, '\0', size);
	size_t l = end != NULL ? (size_t)(end - dst) : size;

	if (l < size)
		return l + rte_strlcpy(&dst[l], src, size - l);
	return l + strlen(src);
}

#ifndef strlcpy
/** strlcpy for C libraries without it. */
#define strlcpy(dst, src, size) rte_strlcpy(dst, src, size)
#endif
#ifndef strlcat
/** strlcat for C libraries without it. */
#define strlcat(dst, src, size) rte_strlcat(dst, src, size)
#endif

/** Copy like strlcpy; -E2BIG (and a truncated dst) when src does not fit. */
ssize_t rte_strscpy(char *dst, const char *src, size_t dsize);

/** Skip leading blanks. */
static inline const char *
rte_str_skip_leading_spaces(const char *src)
{
	const char *p = src;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
		p++;
	return p;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_STRING_FNS_H_ */
