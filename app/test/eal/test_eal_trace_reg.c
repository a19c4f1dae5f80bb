/* SPDX-License-Identifier: BSD-3-Clause */
/* Registration side of the test's own trace points, as an application writes it. */
#include <rte_trace_point_register.h>

#include "test_eal_trace_app.h"

RTE_TRACE_POINT_REGISTER(app_test_trace_pair, app.test.pair)
RTE_TRACE_POINT_REGISTER(app_test_trace_fp, app.test.fp)
