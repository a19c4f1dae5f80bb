/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Keepalive: a watchdog for lcores. Each monitored lcore reports "alive" from its loop
 * (rte_keepalive_mark_alive); a periodic check (rte_keepalive_dispatch_pings, usually run from
 * an rte_timer or an alarm) moves every lcore one step towards "dead" and calls the failure
 * callback for an lcore that has not reported for three checks in a row.
 *
 * States of an lcore, one step per check: ALIVE (reported since the last check) -> MISSING
 * -> DEAD -> GONE (the failure callback is called on the way to GONE). An lcore that reports
 * sleeping (rte_keepalive_mark_sleep) goes DOZING -> SLEEP and is not declared dead.
 */
#ifndef _KEEPALIVE_H_
#define _KEEPALIVE_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <rte_config.h>
#include <rte_memory.h>

#ifndef RTE_KEEPALIVE_MAXCORES
/** Number of lcore ids a keepalive instance can monitor. */
#define RTE_KEEPALIVE_MAXCORES RTE_MAX_LCORE
#endif

/** State of a monitored lcore. */
enum rte_keepalive_state {
	RTE_KA_STATE_UNUSED = 0,  /**< not monitored, or has not reported yet */
	RTE_KA_STATE_ALIVE = 1,   /**< reported alive since the last check */
	RTE_KA_STATE_MISSING = 4, /**< missed one check */
	RTE_KA_STATE_DEAD = 2,    /**< missed two checks */
	RTE_KA_STATE_GONE = 3,    /**< declared failed (the failure callback was called) */
	RTE_KA_STATE_DOZING = 5,  /**< reported going to sleep since the last check */
	RTE_KA_STATE_SLEEP = 6    /**< asleep */
};

/**
 * Called by rte_keepalive_dispatch_pings for an lcore declared failed.
 *
 * @param data
 *   The pointer given to rte_keepalive_create.
 * @param id_core
 *   The failed lcore.
 */
typedef void (*rte_keepalive_failure_callback_t)(
	void *data,
	const int id_core);

/**
 * Called by rte_keepalive_dispatch_pings for every monitored lcore after its state was
 * updated, e.g. to publish the states to another process.
 *
 * @param data
 *   The pointer given to rte_keepalive_register_relay_callback.
 * @param id_core
 *   The lcore.
 * @param core_state
 *   Its new state.
 * @param last_seen
 *   TSC value of the last check that found it alive.
 */
typedef void (*rte_keepalive_relay_callback_t)(
	void *data,
	const int id_core,
	enum rte_keepalive_state core_state,
	uint64_t last_seen
	);

/** A keepalive instance (opaque). */
struct rte_keepalive;

/**
 * Create a keepalive instance, monitoring no lcore yet. Free it with rte_free.
 *
 * @param callback
 *   Failure callback (may be NULL).
 * @param data
 *   Passed to callback.
 * @return
 *   The instance, or NULL when memory is short.
 */
struct rte_keepalive *rte_keepalive_create(
	rte_keepalive_failure_callback_t callback,
	void *data);

/**
 * Check every monitored lcore once (see the state steps in the file description). Its
 * signature fits an rte_timer callback.
 *
 * @param ptr_timer
 *   Unused (the timer that called it).
 * @param ptr_data
 *   The struct rte_keepalive.
 */
void rte_keepalive_dispatch_pings(void *ptr_timer, void *ptr_data);

/**
 * Start monitoring an lcore.
 *
 * @param keepcfg
 *   The instance.
 * @param id_core
 *   The lcore id; ids at or above RTE_KEEPALIVE_MAXCORES are ignored.
 */
void rte_keepalive_register_core(struct rte_keepalive *keepcfg,
	const int id_core);

/**
 * Report the calling lcore alive.
 *
 * @param keepcfg
 *   The instance.
 */
void
rte_keepalive_mark_alive(struct rte_keepalive *keepcfg);

/**
 * Report that the calling lcore goes to sleep: it will not be declared failed while asleep.
 *
 * @param keepcfg
 *   The instance.
 */
void
rte_keepalive_mark_sleep(struct rte_keepalive *keepcfg);

/**
 * Set the callback called for every monitored lcore by each check.
 *
 * @param keepcfg
 *   The instance.
 * @param callback
 *   The callback (NULL to remove it).
 * @param data
 *   Passed to callback.
 */
void
rte_keepalive_register_relay_callback(struct rte_keepalive *keepcfg,
	rte_keepalive_relay_callback_t callback,
	void *data);

#ifdef __cplusplus
}
#endif

#endif /* _KEEPALIVE_H_ */
