/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <execinfo.h>

#include <rte_log.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_launch.h>

#define BACKTRACE_SIZE 64

void
rte_dump_stack(void)
{
	void *func[BACKTRACE_SIZE];
	char **symbols;
	int size, i;

	size = backtrace(func, BACKTRACE_SIZE);
	symbols = backtrace_symbols(func, size);
	if (symbols == NULL)
		return;
	for (i = 0; i < size; i++)
		rte_log(RTE_LOG_ERR, RTE_LOGTYPE_EAL, "%d: [%s]\n", size - i, symbols[i]);
	free(symbols);
}

void
__rte_panic(const char *funcname, const char *format, ...)
{
	va_list ap;

	rte_log(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, "PANIC in %s():\n", funcname);
	va_start(ap, format);
	rte_vlog(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, format, ap);
	va_end(ap);
	rte_dump_stack();
	abort();
}

/*
 * The name this tree exported before __rte_panic, kept for binaries built against it; rte_debug.h
 * now uses rte_panic_ as a macro, as DPDK does.
 */
#undef rte_panic_
__rte_noreturn void rte_panic_(const char *funcname, const char *format, ...)
	__rte_format_printf(2, 3);

void
rte_panic_(const char *funcname, const char *format, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, format);
	vsnprintf(msg, sizeof(msg), format, ap);
	va_end(ap);
	__rte_panic(funcname, "%s", msg);
}

static bool
exit_is_safe_to_clean(void)
{
	unsigned int lcore;

	if (rte_lcore_id() != rte_get_main_lcore())
		return false;
	RTE_LCORE_FOREACH_WORKER(lcore)
		if (rte_eal_get_lcore_state(lcore) != WAIT)
			return false;
	return true;
}

void
rte_exit(int exit_code, const char *format, ...)
{
	va_list ap;

	if (exit_code != 0)
		RTE_LOG(CRIT, EAL, "Error - exiting with code: %d\n  Cause: ", exit_code);
	va_start(ap, format);
	rte_vlog(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, format, ap);
	va_end(ap);
	/*
	 * Cleanup joins the worker threads: from a worker, or while a worker still runs a
	 * function, it could wait forever, and the process is ending anyway.
	 */
	if (exit_is_safe_to_clean())
		rte_eal_cleanup();
	exit(exit_code);
}
