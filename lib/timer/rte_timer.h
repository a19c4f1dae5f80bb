/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Software timers. A timer calls a function once, or every period, after a number of TSC
 * ticks (rte_get_timer_hz() per second). Each timer belongs to one lcore: it sits in that
 * lcore's list of pending timers, kept sorted by expiry, and its function runs on that lcore
 * when the lcore calls rte_timer_manage(). Any lcore may arm, re-arm or stop any timer; a
 * timer's function may re-arm or stop its own timer.
 *
 * The timers are grouped in "timer data" instances: instance 0 is the one used by
 * rte_timer_reset(), rte_timer_stop() and rte_timer_manage(); rte_timer_data_alloc() makes
 * further instances that are driven with the rte_timer_alt_*() functions.
 *
 * The state machine of a timer, in its status word (state and owning lcore changed together
 * by one atomic compare-and-swap):
 * - STOP: not in any list;
 * - PENDING: in the list of the owner lcore;
 * - CONFIG: an lcore is moving it, other changes fail until it is done;
 * - RUNNING: its function is being (or about to be) called by the owner lcore.
 */
#ifndef _RTE_TIMER_H_
#define _RTE_TIMER_H_

#include <stdio.h>
#include <stdint.h>

#include <rte_compat.h>
#include <rte_common.h>
#include <rte_spinlock.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_TIMER_STOP    0 /**< Timer not armed. */
#define RTE_TIMER_PENDING 1 /**< Timer armed, waiting for its expiry. */
#define RTE_TIMER_RUNNING 2 /**< Timer function in progress. */
#define RTE_TIMER_CONFIG  3 /**< Timer being changed by an lcore. */

#define RTE_TIMER_NO_OWNER -2 /**< Owner of a timer that is in no lcore's list. */

/** Whether a timer fires once or repeatedly. */
enum rte_timer_type {
	SINGLE,     /**< Stops after its function ran once. */
	PERIODICAL  /**< Re-armed for one more period after each run. */
};

/** State and owner of a timer, also readable and writable as one 32-bit word. */
union rte_timer_status {
	RTE_STD_C11
	/** The two halves of the word. */
	struct {
		uint16_t state;  /**< RTE_TIMER_STOP, _PENDING, _RUNNING or _CONFIG. */
		int16_t owner;   /**< lcore whose list holds the timer. */
	};
	uint32_t u32;            /**< Both fields, for atomic updates. */
};

#ifdef RTE_LIBRTE_TIMER_DEBUG
/** Counters kept per lcore when the library is built with RTE_LIBRTE_TIMER_DEBUG. */
struct rte_timer_debug_stats {
	uint64_t reset;   /**< Successful resets. */
	uint64_t stop;    /**< Successful stops. */
	uint64_t manage;  /**< Calls to the manage functions. */
	uint64_t pending; /**< Timers pending or running. */
};
#endif

struct rte_timer;

/** Function a timer calls when it expires, with the timer and the argument given when armed. */
typedef void (*rte_timer_cb_t)(struct rte_timer *, void *);

/** Number of levels of the sorted pending lists (a skiplist). */
#define MAX_SKIPLIST_DEPTH 10

/**
 * A timer. Its memory belongs to the application, which must keep it alive while the timer is
 * pending or running. Initialize it with rte_timer_init() or RTE_TIMER_INITIALIZER.
 */
struct rte_timer
{
	uint64_t expire;       /**< TSC value at which the timer fires. */
	struct rte_timer *sl_next[MAX_SKIPLIST_DEPTH]; /**< Next timer on each list level. */
	volatile union rte_timer_status status; /**< State and owner. */
	uint64_t period;       /**< Ticks between two runs, 0 for a single timer. */
	rte_timer_cb_t f;      /**< Function called on expiry. */
	void *arg;             /**< Its argument. */
};

#ifdef __cplusplus
/** Static initializer of a stopped timer (C++ has no designated initializers before C++20). */
#define RTE_TIMER_INITIALIZER {             \
	0,                                      \
	{NULL},                                 \
	{{RTE_TIMER_STOP, RTE_TIMER_NO_OWNER}}, \
	0,                                      \
	NULL,                                   \
	NULL,                                   \
	}
#else
/** Static initializer of a stopped timer. */
#define RTE_TIMER_INITIALIZER {                      \
		.status = {{                         \
			.state = RTE_TIMER_STOP,     \
			.owner = RTE_TIMER_NO_OWNER, \
		}},                                  \
	}
#endif

/**
 * Take a free timer data instance.
 *
 * @param id_ptr
 *   Where to store the id of the instance (may be NULL).
 * @return
 *   0 on success, -ENOMEM before rte_timer_subsystem_init(), -ENOSPC when all instances are
 *   in use.
 */
int rte_timer_data_alloc(uint32_t *id_ptr);

/**
 * Give back a timer data instance taken with rte_timer_data_alloc(). Its timers must be stopped.
 *
 * @return
 *   0 on success, -ENOMEM before rte_timer_subsystem_init(), -EINVAL for an id that is not
 *   allocated.
 */
int rte_timer_data_dealloc(uint32_t id);

/**
 * Set up the library (after rte_eal_init(), before any other call); the timer lists live in
 * a memzone shared with secondary processes.
 *
 * @return
 *   0 on success, -EALREADY if this process already did it, -ENOMEM if the memzone cannot be
 *   reserved.
 */
int rte_timer_subsystem_init(void);

/** Release what rte_timer_subsystem_init() took; the memzone goes with its last user. */
void rte_timer_subsystem_finalize(void);

/** Initialize a timer as stopped, owned by nobody. */
void rte_timer_init(struct rte_timer *tim);

/**
 * Arm (or re-arm) a timer of instance 0 to fire in ticks TSC cycles on lcore tim_lcore.
 * A pending timer is first taken out of its current list, whichever lcore owns it.
 *
 * @param tim
 *   The timer, initialized.
 * @param ticks
 *   Delay before the first run, and period of a PERIODICAL timer.
 * @param type
 *   SINGLE or PERIODICAL.
 * @param tim_lcore
 *   lcore that will run the function, or LCORE_ID_ANY to spread timers over the enabled
 *   lcores in turn.
 * @param fct
 *   Function called on expiry.
 * @param arg
 *   Its argument.
 * @return
 *   0 on success; -1 if the timer is being changed by another lcore or is running (unless
 *   this is the timer's own function re-arming it); -EINVAL before init or for an lcore
 *   id out of range.
 */
int rte_timer_reset(struct rte_timer *tim, uint64_t ticks,
		    enum rte_timer_type type, unsigned tim_lcore,
		    rte_timer_cb_t fct, void *arg);

/** rte_timer_reset(), retried until it succeeds. */
void
rte_timer_reset_sync(struct rte_timer *tim, uint64_t ticks,
		     enum rte_timer_type type, unsigned tim_lcore,
		     rte_timer_cb_t fct, void *arg);

/**
 * Stop a timer of instance 0. A stopped timer stays stopped.
 *
 * @return
 *   0 on success; -1 if the timer is being changed by another lcore or is running (unless
 *   called from the timer's own function); -EINVAL before init.
 */
int rte_timer_stop(struct rte_timer *tim);

/** rte_timer_stop(), retried until it succeeds: on return the timer's function is not running. */
void rte_timer_stop_sync(struct rte_timer *tim);

/**
 * @return
 *   1 if the timer is pending, 0 otherwise.
 */
int rte_timer_pending(struct rte_timer *tim);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Ticks until the first timer of the calling lcore (instance 0) expires.
 *
 * @return
 *   The ticks left (0 if already expired), -ENOENT if the lcore has no pending timer, -EINVAL
 *   before init.
 */
__rte_experimental
int64_t rte_timer_next_ticks(void);

/**
 * Run the functions of the expired timers of the calling lcore (instance 0), in expiry order.
 * Called often by every lcore that owns timers; cheap when nothing expired.
 *
 * @return
 *   0 on success, -EINVAL before init.
 */
int rte_timer_manage(void);

/**
 * Print the timers of instance 0 pending on each lcore.
 *
 * @return
 *   0 on success, -EINVAL before init.
 */
int rte_timer_dump_stats(FILE *f);

/**
 * rte_timer_reset() for the timer data instance timer_data_id.
 *
 * @return
 *   As rte_timer_reset(), and -EINVAL for an id that is not allocated.
 */
int
rte_timer_alt_reset(uint32_t timer_data_id, struct rte_timer *tim,
		    uint64_t ticks, enum rte_timer_type type,
		    unsigned int tim_lcore, rte_timer_cb_t fct, void *arg);

/**
 * rte_timer_stop() for the timer data instance timer_data_id.
 *
 * @return
 *   As rte_timer_stop(), and -EINVAL for an id that is not allocated.
 */
int
rte_timer_alt_stop(uint32_t timer_data_id, struct rte_timer *tim);

/** Function rte_timer_alt_manage() calls for each expired timer, instead of the timer's own. */
typedef void (*rte_timer_alt_manage_cb_t)(struct rte_timer *tim);

/**
 * Run the expired timers of the lists of several lcores of one instance on the calling
 * lcore, merged in expiry order. Periodic timers are re-armed on the calling lcore.
 *
 * @param timer_data_id
 *   The instance.
 * @param poll_lcores
 *   lcores whose lists are scanned, or NULL for the calling lcore alone.
 * @param n_poll_lcores
 *   Number of entries of poll_lcores.
 * @param f
 *   Called with each expired timer.
 * @return
 *   0 on success, -EINVAL for an id that is not allocated or an lcore id out of range.
 */
int
rte_timer_alt_manage(uint32_t timer_data_id, unsigned int *poll_lcores,
		     int n_poll_lcores, rte_timer_alt_manage_cb_t f);

/** Function rte_timer_stop_all() calls with each timer it stopped. */
typedef void (*rte_timer_stop_all_cb_t)(struct rte_timer *tim, void *arg);

/**
 * Stop every pending timer of the lists of the given lcores of one instance.
 *
 * @param timer_data_id
 *   The instance.
 * @param walk_lcores
 *   lcores whose lists are emptied.
 * @param nb_walk_lcores
 *   Number of entries of walk_lcores.
 * @param f
 *   Called with each stopped timer (may be NULL), e.g. to free it.
 * @param f_arg
 *   Second argument of f.
 * @return
 *   0 on success, -EINVAL for an id that is not allocated or an lcore id out of range.
 */
int
rte_timer_stop_all(uint32_t timer_data_id, unsigned int *walk_lcores,
		   int nb_walk_lcores, rte_timer_stop_all_cb_t f, void *f_arg);

/**
 * rte_timer_dump_stats() for the timer data instance timer_data_id.
 *
 * @return
 *   0 on success, -EINVAL for an id that is not allocated.
 */
int
rte_timer_alt_dump_stats(uint32_t timer_data_id, FILE *f);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TIMER_H_ */
