/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Compile-time settings seen by every object of the tree and by applications (the build passes
 * "-include rte_config.h"). Values chosen at configure time come from rte_build_config.h; the
 * rest are defaults that rarely need changing.
 */
#ifndef _RTE_CONFIG_H_
#define _RTE_CONFIG_H_

#include <rte_build_config.h>

#define RTE_MAX_MEMZONE 2560
#define RTE_MAX_HEAPS 32
#define RTE_MAX_MEMSEG_LISTS 128
#define RTE_MAX_TAILQ 32
#define RTE_LOG_DP_LEVEL RTE_LOG_INFO
#define RTE_MAX_VFIO_GROUPS 64
#define RTE_MAX_VFIO_CONTAINERS 64

#define RTE_MEMPOOL_CACHE_MAX_SIZE 512
#define RTE_MBUF_REFCNT_ATOMIC 1
#define RTE_PKTMBUF_HEADROOM 128
#define RTE_MBUF_DEFAULT_MEMPOOL_OPS "ring_mp_mc"

#define RTE_MAX_QUEUES_PER_PORT 1024
#define RTE_ETHDEV_QUEUE_STAT_CNTRS 16
#define RTE_ETHDEV_RXTX_CALLBACKS 1

#define RTE_RING_NAMESIZE_DEFAULT 32

/* fragments of one datagram the reassembly tables hold */
#define RTE_LIBRTE_IP_FRAG_MAX_FRAG 8

/* frequencies the power library keeps per lcore */
#define RTE_MAX_LCORE_FREQS 64

#endif /* _RTE_CONFIG_H_ */
