/* SPDX-License-Identifier: BSD-3-Clause */
/* Inside lib/ethdev only: logging, the port-table lock and the fast-path table helpers. */
#ifndef _ETHDEV_PRIVATE_H_
#define _ETHDEV_PRIVATE_H_

#include <rte_log.h>

#include "ethdev_driver.h"

extern int rte_eth_dev_logtype;

#define ETHDEV_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, rte_eth_dev_logtype, "ethdev: " fmt "\n", ## __VA_ARGS__)

/* Port id checks for control functions: one log line naming the bad id. */
#define ETH_VALID_PORTID_OR_ERR_RET(port_id, retval) do { \
	if (!rte_eth_dev_is_valid_port(port_id)) { \
		ETHDEV_LOG(ERR, "invalid port id %u", (unsigned int)(port_id)); \
		return retval; \
	} \
} while (0)

/*
 * The port-table lock: taken by every call that changes a port's state. It is recursive so
 * that a driver called under it (probe, remove, close) may come back into ethdev, and a
 * registered data-path lcore waiting for it is counted as quiescent (it would otherwise block
 * a grace period that the lock holder is waiting for).
 */
void eth_dev_lock(void);
void eth_dev_unlock(void);

/* Serialises rte_eth_dev_attach/detach (and the seed-named variants) against each other. */
void eth_hotplug_lock(void);
void eth_hotplug_unlock(void);

/* Secondary process: this process's port for the primary's port called name, or NULL. */
struct rte_eth_dev *eth_dev_attach_secondary(const char *name);

/* Fast-path table (ethdev_fp.c). */
void eth_dev_fp_ops_reset(uint16_t port_id);         /* no-op functions, empty queue arrays */
void eth_dev_fp_ops_quiesce(uint16_t port_id);       /* no-op functions, queue arrays kept */
void eth_dev_fp_ops_setup(struct rte_eth_dev *dev);  /* the driver's functions and queues */
/*
 * Make sure no lcore can still reach the port's queue objects or queue arrays through the
 * fast-path table; after this they may be freed. Waits for grace periods only if data-path
 * lcores are registered and the table still pointed at the port's queues.
 */
void eth_dev_fp_ops_unpublish(uint16_t port_id);
/* Wait until every registered data-path lcore has passed a quiescent state. */
void eth_dev_fp_synchronize(void);

/* Callback list heads read by the inline bursts (ethdev_fp.c), and their teardown. */
extern void *eth_rx_cb_heads[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
extern void *eth_tx_cb_heads[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
/* Unlink and free every callback of a released port (after a grace period). */
void eth_dev_rxtx_callbacks_free(uint16_t port_id);

/* Owner lock and helpers (ethdev_owner.c). */
void eth_dev_owner_reset(uint16_t port_id);

/* Turn a driver error into -EIO when the device was removed under the port. */
int eth_err(uint16_t port_id, int ret);

/* Queue teardown shared by close and release (ethdev_port.c). */
void eth_dev_release_queues(struct rte_eth_dev *dev);

/* Callbacks (ethdev_events.c). */
int eth_dev_callback_process(uint16_t port_id, enum rte_eth_event_type event, void *ret_param);

#endif /* _ETHDEV_PRIVATE_H_ */
