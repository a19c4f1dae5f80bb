/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_TRACE_H_
#define _RTE_TRACE_H_

/**
 * @file
 *
 * Control of the trace points as a whole: selecting them by glob or regular expression,
 * choosing what a full buffer does, dumping the registry.
 *
 * This implementation keeps a complete registry of trace points but records no events:
 * no per-thread trace buffer is ever allocated, so an enabled trace point costs a call
 * and produces nothing, and rte_trace_save() has nothing to write.
 *
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdbool.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_compat.h>

/**
 * Tell whether tracing is active.
 *
 * @return
 *   true when at least one trace point is enabled, false otherwise.
 */
__rte_experimental
bool rte_trace_is_enabled(void);

/** What happens to new events once a trace buffer is full. */
enum rte_trace_mode {
	/** New events overwrite the oldest ones. */
	RTE_TRACE_MODE_OVERWRITE,
	/** New events are dropped. */
	RTE_TRACE_MODE_DISCARD,
};

/**
 * Select the trace mode of every trace point, present and future.
 *
 * @param mode
 *   RTE_TRACE_MODE_OVERWRITE or RTE_TRACE_MODE_DISCARD; other values are ignored.
 */
__rte_experimental
void rte_trace_mode_set(enum rte_trace_mode mode);

/**
 * Read the trace mode.
 *
 * @return
 *   The mode last set, RTE_TRACE_MODE_OVERWRITE by default.
 */
__rte_experimental
enum rte_trace_mode rte_trace_mode_get(void);

/**
 * Enable or disable the trace points whose name matches a shell glob (fnmatch(3)).
 *
 * @param pattern
 *   Glob such as "lib.eal.generic.*".
 * @param enable
 *   true to enable the matching trace points, false to disable them.
 * @return
 *   - 0: Success and no pattern match.
 *   - 1: Success and found pattern match.
 *   - (-ERANGE): Tracepoint object is not registered.
 *   - (-EINVAL): pattern is NULL.
 */
__rte_experimental
int rte_trace_pattern(const char *pattern, bool enable);

/**
 * Enable or disable the trace points whose name matches a POSIX basic regular expression.
 *
 * The expression matches anywhere in the name unless anchored with ^ or $.
 *
 * @param regex
 *   Regular expression, see regcomp(3).
 * @param enable
 *   true to enable the matching trace points, false to disable them.
 * @return
 *   - 0: Success and no pattern match.
 *   - 1: Success and found pattern match.
 *   - (-ERANGE): Tracepoint object is not registered.
 *   - (-EINVAL): Invalid regular expression rule, or regex is NULL.
 */
__rte_experimental
int rte_trace_regexp(const char *regex, bool enable);

/**
 * Write the recorded events to the trace directory.
 *
 * No event is ever recorded by this implementation, so nothing is written.
 *
 * @return
 *   - 0: Success (there was nothing to save).
 *   - <0 : Failure.
 */
__rte_experimental
int rte_trace_save(void);

/**
 * Write a CTF event declaration for each registered trace point: its id, its name and
 * the fields its rte_trace_point_emit_* calls describe.
 *
 * Only the event blocks are written; the trace, clock and stream blocks that open a
 * complete CTF metadata file are not, as there is no event stream they could describe.
 *
 * @param f
 *   Stream to write to.
 * @return
 *   - 0: Success.
 *   - <0 : Failure (-EINVAL when f is NULL).
 */
__rte_experimental
int rte_trace_metadata_dump(FILE *f);

/**
 * Print the trace status, the mode and each registered trace point with its state.
 *
 * @param f
 *   Stream to write to; nothing is printed when NULL.
 */
__rte_experimental
void rte_trace_dump(FILE *f);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TRACE_H_ */
