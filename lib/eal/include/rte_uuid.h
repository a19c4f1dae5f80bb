/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Universally unique identifiers (RFC 4122): 16 bytes, written as
 * "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx".
 */
#ifndef _RTE_UUID_H_
#define _RTE_UUID_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/** A UUID: its 16 bytes in the order they are written. */
typedef unsigned char rte_uuid_t[16];

/**
 * Initialiser of an rte_uuid_t from the five groups of the written form, as numbers:
 * RTE_UUID_INIT(0xf81d4fae, 0x7dec, 0x11d0, 0xa765, 0x00a0c91e6bf6ULL).
 */
#define RTE_UUID_INIT(a, b, c, d, e) { \
	((a) >> 24) & 0xff, ((a) >> 16) & 0xff, ((a) >> 8) & 0xff, (a) & 0xff, \
	((b) >> 8) & 0xff, (b) & 0xff, \
	((c) >> 8) & 0xff, (c) & 0xff, \
	((d) >> 8) & 0xff, (d) & 0xff, \
	((e) >> 40) & 0xff, ((e) >> 32) & 0xff, ((e) >> 24) & 0xff, \
	((e) >> 16) & 0xff, ((e) >> 8) & 0xff, (e) & 0xff \
}

/** Size of the written form with its terminating NUL. */
#define RTE_UUID_STRLEN (36 + 1)

/**
 * Whether every byte of uu is 0.
 * @param uu the UUID
 * @return true for the null UUID
 */
bool rte_uuid_is_null(const rte_uuid_t uu);

/**
 * Copy a UUID.
 * @param dst destination
 * @param src source
 */
static inline void rte_uuid_copy(rte_uuid_t dst, const rte_uuid_t src)
{
	memcpy(dst, src, sizeof(rte_uuid_t));
}

/**
 * Order two UUIDs as RFC 4122 does (field by field, as unsigned numbers).
 * @param a first UUID
 * @param b second UUID
 * @return a negative number, 0 or a positive number when a is below, equal to or above b
 */
int rte_uuid_compare(const rte_uuid_t a, const rte_uuid_t b);

/**
 * Read the written form of a UUID (either case).
 * @param in "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", exactly 36 characters
 * @param uu filled in on success
 * @return 0, or -1 when in is not a UUID
 */
int rte_uuid_parse(const char *in, rte_uuid_t uu);

/**
 * Write a UUID in its written form (lower case), cut to len - 1 characters if needed.
 * @param uu the UUID
 * @param out where to write it (NUL-terminated when len > 0)
 * @param len size of out; RTE_UUID_STRLEN holds the whole form
 */
void rte_uuid_unparse(const rte_uuid_t uu, char *out, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_UUID_H_ */
