/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Kept so that code naming this header still builds: the ring's head/tail algorithm has one
 * implementation for every architecture, in rte_ring_elem_pvt.h (C11 atomics with the
 * weakest orders that are correct), which this header includes. Include rte_ring.h instead.
 */
#ifndef _RTE_RING_C11_PVT_H_
#define _RTE_RING_C11_PVT_H_

#include <rte_ring_elem_pvt.h>

#endif /* _RTE_RING_C11_PVT_H_ */
