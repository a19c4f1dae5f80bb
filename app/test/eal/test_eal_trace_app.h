/* SPDX-License-Identifier: BSD-3-Clause */
/* Trace points an application would declare, registered in test_eal_trace_reg.c. */
#ifndef _TEST_EAL_TRACE_APP_H_
#define _TEST_EAL_TRACE_APP_H_

#include <rte_trace_point.h>

RTE_TRACE_POINT(
	app_test_trace_pair,
	RTE_TRACE_POINT_ARGS(uint32_t a, const char *label),
	rte_trace_point_emit_u32(a);
	rte_trace_point_emit_string(label);
)

RTE_TRACE_POINT_FP(
	app_test_trace_fp,
	RTE_TRACE_POINT_ARGS(uint16_t v),
	rte_trace_point_emit_u16(v);
)

#endif /* _TEST_EAL_TRACE_APP_H_ */
