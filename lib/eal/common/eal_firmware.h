/* SPDX-License-Identifier: BSD-3-Clause */
/* Loading a device's firmware image; exported for the tree's drivers, not installed. */
#ifndef _EAL_FIRMWARE_H_
#define _EAL_FIRMWARE_H_

#include <stddef.h>

#include <rte_compat.h>

/*
 * Read the whole file name into a buffer from malloc() (the caller frees it).
 * 0 with *buf and *bufsz set, or -1 (logged, nothing allocated) when the file cannot be read.
 * Only uncompressed images are read: a name that exists only as name.xz is reported as such.
 */
__rte_internal
int rte_firmware_read(const char *name, void **buf, size_t *bufsz);

#endif /* _EAL_FIRMWARE_H_ */
