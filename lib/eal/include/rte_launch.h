/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Running functions on worker lcores.
 */
#ifndef _RTE_LAUNCH_H_
#define _RTE_LAUNCH_H_

#ifdef __cplusplus
extern "C" {
#endif

/** State of an lcore, as rte_eal_get_lcore_state reports it. */
enum rte_lcore_state_t {
	WAIT,     /**< waiting for a function to run (again) */
	RUNNING,  /**< running one */
};

/** A function run on an lcore; its return value is handed back by rte_eal_wait_lcore. */
typedef int (lcore_function_t)(void *);

/**
 * Start f(arg) on worker worker_id. 0, -EBUSY if that lcore is still running a function,
 * -EINVAL for a NULL function or an id that is not an enabled worker (the main lcore included).
 */
int rte_eal_remote_launch(lcore_function_t *f, void *arg, unsigned int worker_id);

/** Whether rte_eal_mp_remote_launch also runs the function on the calling (main) lcore. */
enum rte_rmt_call_main_t {
	SKIP_MAIN = 0, /**< workers only */
	CALL_MAIN,     /**< workers, then the main lcore itself */
};

/** Start f(arg) on every worker (and on the caller when CALL_MAIN). 0 or -EBUSY. */
int rte_eal_mp_remote_launch(lcore_function_t *f, void *arg, enum rte_rmt_call_main_t call_main);

/** WAIT or RUNNING (WAIT for an id out of range). */
enum rte_lcore_state_t rte_eal_get_lcore_state(unsigned int worker_id);

/**
 * Wait until worker_id is back in WAIT. The value returned by the last function launched on it
 * (0 if none was ever launched).
 */
int rte_eal_wait_lcore(unsigned int worker_id);
/** rte_eal_wait_lcore on every worker; afterwards all are in WAIT. */
void rte_eal_mp_wait_lcore(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LAUNCH_H_ */
