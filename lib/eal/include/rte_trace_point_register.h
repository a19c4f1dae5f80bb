/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_TRACE_POINT_REGISTER_H_
#define _RTE_TRACE_POINT_REGISTER_H_

/**
 * @file
 *
 * Definition and registration of trace points.
 *
 * A file that defines trace points includes this header before any other trace
 * header, then uses RTE_TRACE_POINT_REGISTER() once per trace point. In such a file the
 * trace point functions do not emit events: their emit macros describe the payload
 * fields to the registry instead, which is how it learns each event's size and layout.
 *
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 */

#ifdef __cplusplus
extern "C" {
#endif

#ifdef _RTE_TRACE_POINT_H_
#error for registration, include this file first before <rte_trace_point.h>
#endif

#include <rte_per_lcore.h>
#include <rte_trace_point.h>

/** Event size accumulated while a trace point function describes its payload. */
RTE_DECLARE_PER_LCORE(volatile int, trace_point_sz);

/**
 * Define the object __<trace> of a trace point declared with RTE_TRACE_POINT() and
 * register it under name (written without quotes) before main() runs.
 */
#define RTE_TRACE_POINT_REGISTER(trace, name) \
rte_trace_point_t __attribute__((section("__rte_trace_point"))) __##trace; \
static const char __##trace##_name[] = RTE_STR(name); \
RTE_INIT(trace##_init) \
{ \
	__rte_trace_point_register(&__##trace, __##trace##_name, \
		(void (*)(void)) trace); \
}

/* Registration versions of the macros rte_trace_point.h documents. */
#ifndef __DOXYGEN__

#define __rte_trace_point_emit_header_generic(t) \
	RTE_PER_LCORE(trace_point_sz) = __RTE_TRACE_EVENT_HEADER_SZ

#define __rte_trace_point_emit_header_fp(t) \
	__rte_trace_point_emit_header_generic(t)

/*
 * The arguments are not valid here: only the size and spelling of each field are used.
 * The size check is a negative array size rather than _Static_assert so that C++
 * registration files compile too.
 */
#define __rte_trace_point_emit(in, type) \
do { \
	(void)sizeof(char[1 - 2 * (sizeof(type) != sizeof(__typeof__(in)))]); \
	__rte_trace_point_emit_field(sizeof(type), RTE_STR(in), RTE_STR(type)); \
} while (0)

#define rte_trace_point_emit_string(in) \
do { \
	RTE_SET_USED(sizeof(in)); \
	__rte_trace_point_emit_field(__RTE_TRACE_EMIT_STRING_LEN_MAX, \
		RTE_STR(in)"[32]", "string_bounded_t"); \
} while (0)

#endif /* __DOXYGEN__ */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TRACE_POINT_REGISTER_H_ */
