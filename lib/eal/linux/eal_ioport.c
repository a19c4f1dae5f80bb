/* SPDX-License-Identifier: BSD-3-Clause */
/* I/O port privilege for drivers of devices with port I/O BARs. */
#include <errno.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <sys/io.h>
#endif

#include <rte_common.h>
#include <rte_eal.h>

#include "eal_private.h"

int
rte_eal_iopl_init(void)
{
#if defined(__x86_64__) || defined(__i386__)
	if (iopl(3) != 0) {
		EAL_LOG(DEBUG, "iopl(3) refused: %s\n", strerror(errno));
		return -1;
	}
	return 0;
#else
	return -1;
#endif
}
