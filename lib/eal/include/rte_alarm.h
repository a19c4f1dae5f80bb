/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * One-shot alarms: a function called once, on EAL's interrupt thread, after a delay given in
 * microseconds.
 */
#ifndef _RTE_ALARM_H_
#define _RTE_ALARM_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>

/** The function an alarm calls when it goes off; arg is the one given to rte_eal_alarm_set. */
typedef void (*rte_eal_alarm_callback)(void *arg);

/**
 * Call cb(cb_arg) once, on the interrupt thread, no sooner than us microseconds from now (it
 * may run a little later). The same function and argument may be set several times; each
 * setting is a separate alarm. A callback may set new alarms and cancel others.
 *
 * @param us
 *   Delay in microseconds, at least 1 and at most UINT64_MAX - 1000000.
 * @param cb
 *   Function to call.
 * @param cb_arg
 *   Argument passed to cb.
 * @return
 *   0 on success; -EINVAL for a NULL cb or a delay out of range; -ENOMEM when memory is
 *   short; another negative errno when the timer cannot be armed.
 */
int rte_eal_alarm_set(uint64_t us, rte_eal_alarm_callback cb, void *cb_arg);

/**
 * Cancel the pending alarms that call cb_fn with cb_arg ((void *)-1 matches any argument).
 * Called from any thread but the interrupt thread, it also waits until a matching alarm whose
 * callback is running right now has returned. Called from an alarm callback, the alarm that is
 * running cannot be cancelled: it is counted out and rte_errno is set to EINPROGRESS.
 *
 * @param cb_fn
 *   Function of the alarms to cancel.
 * @param cb_arg
 *   Argument of the alarms to cancel, or (void *)-1 for all of cb_fn's alarms.
 * @return
 *   The number of alarms cancelled (rte_errno untouched when it is above 0); 0 with rte_errno
 *   ENOENT when no alarm matched; a count (possibly 0) with rte_errno EINPROGRESS when a
 *   matching alarm is the one calling this function; -1 with rte_errno EINVAL for a NULL cb_fn.
 */
int rte_eal_alarm_cancel(rte_eal_alarm_callback cb_fn, void *cb_arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ALARM_H_ */
