/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Print memory in hexadecimal, for debugging.
 */
#ifndef _RTE_HEXDUMP_H_
#define _RTE_HEXDUMP_H_

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Print len bytes at buf as lines of 16: the offset, the bytes in hexadecimal, then the bytes
 * as characters ('.' for those that do not print).
 * @param f where to print
 * @param title printed first with the address and length; NULL prints a default heading
 * @param buf first byte to print
 * @param len number of bytes
 */
void
rte_hexdump(FILE *f, const char *title, const void *buf, unsigned int len);

/**
 * Print len bytes at buf on one line, in hexadecimal separated by colons.
 * @param f where to print
 * @param title printed first, followed by ": ", unless NULL
 * @param buf first byte to print
 * @param len number of bytes
 */
void
rte_memdump(FILE *f, const char *title, const void *buf, unsigned int len);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_HEXDUMP_H_ */
