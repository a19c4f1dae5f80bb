/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Congestion management modes shared by the device classes (rte_eth_cman_config_set).
 */
#ifndef RTE_CMAN_H
#define RTE_CMAN_H

#include <stdint.h>

#include <rte_bitops.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Congestion management modes. */
enum rte_cman_mode {
	RTE_CMAN_RED = RTE_BIT32(0), /**< random early detection */
};

/** Parameters of RED: thresholds in percent of the queue, 1/max drop probability. */
struct rte_cman_red_params {
	uint8_t min_th; /**< below this fill level nothing is dropped */
	uint8_t max_th; /**< above this fill level everything is dropped */
	uint16_t maxp_inv; /**< inverse of the drop probability at max_th */
};

#ifdef __cplusplus
}
#endif

#endif /* RTE_CMAN_H */
