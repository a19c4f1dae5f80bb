/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_gettid() is inline (one TLS load), as in DPDK; applications built against this tree's
 * earlier headers call it out of line, so the library keeps exporting a function of that name.
 */
#define rte_gettid rte_gettid_inline
#include <rte_eal.h>
#undef rte_gettid

int rte_gettid(void);

int
rte_gettid(void)
{
	return rte_gettid_inline();
}
