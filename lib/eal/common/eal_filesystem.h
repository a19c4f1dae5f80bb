/* SPDX-License-Identifier: BSD-3-Clause */
/* Reading small kernel files; exported for the tree's drivers, not installed. */
#ifndef _EAL_FILESYSTEM_H_
#define _EAL_FILESYSTEM_H_

#include <rte_compat.h>

/*
 * Read the number in a sysfs-style file (decimal, 0x hexadecimal or 0 octal, one line).
 * 0 and *val set, or -1 (logged) when the file cannot be read or holds no number.
 */
__rte_internal
int eal_parse_sysfs_value(const char *filename, unsigned long *val);

#endif /* _EAL_FILESYSTEM_H_ */
