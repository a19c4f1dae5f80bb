/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Diagnostics for bugs: rte_panic, rte_exit, RTE_VERIFY, stack dumps.
 */
#ifndef _RTE_DEBUG_H_
#define _RTE_DEBUG_H_

#include <rte_common.h>
#include <rte_branch_prediction.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Log a message, release EAL (rte_eal_cleanup) and exit the process with exit_code. */
__attribute__((__noreturn__)) void
rte_exit(int exit_code, const char *format, ...) __attribute__((format(printf, 2, 3)));

/** Print the current call stack to the log. */
void rte_dump_stack(void);

/** Log a message with the call stack and abort: for bugs, not for bad input. */
#define rte_panic(...) rte_panic_(__func__, __VA_ARGS__, "dummy")
/** Helper of rte_panic: appends an empty argument so that a format alone is accepted. */
#define rte_panic_(func, format, ...) __rte_panic(func, format "%.0s", __VA_ARGS__)

/** RTE_VERIFY in builds with RTE_ENABLE_ASSERT, nothing otherwise. */
#ifdef RTE_ENABLE_ASSERT
#define RTE_ASSERT(exp) RTE_VERIFY(exp)
#else
#define RTE_ASSERT(exp) do {} while (0)
#endif
/** Panic with the expression and line when exp is false. */
#define RTE_VERIFY(exp) do { \
	if (unlikely(!(exp))) \
		rte_panic("line %d\tassert \"%s\" failed\n", __LINE__, #exp); \
} while (0)

/**
 * Implementation of rte_panic: log "PANIC in funcname():" and the message, dump the stack,
 * abort. Call rte_panic rather than this.
 * @param funcname function that panics
 * @param format printf format of the message, then its arguments
 */
__rte_noreturn void __rte_panic(const char *funcname, const char *format, ...)
	__rte_cold __rte_format_printf(2, 3);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEBUG_H_ */
