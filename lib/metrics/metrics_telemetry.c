/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Telemetry commands over the metrics table:
 *   /metrics            every metric's global value, as a dict name -> value
 *   /metrics/port,<id>  every metric's value for one port
 *   /metrics/names      the registered names in key order
 */
#include <errno.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_telemetry.h>

#include "metrics_private.h"

/* Copy the names and one column under the lock, then build the dict outside it. */
static int
metrics_tel_values(int port_id, struct rte_tel_data *d)
{
	struct rte_metric_name names[RTE_METRICS_MAX_METRICS];
	struct rte_metric_value values[RTE_METRICS_MAX_METRICS];
	int n, i;

	n = rte_metrics_get_names(names, RTE_DIM(names));
	if (n < 0)
		return n;
	if (rte_metrics_get_values(port_id, values, RTE_DIM(values)) != n)
		return -EAGAIN; /* registered in between: the caller may ask again */
	rte_tel_data_start_dict(d);
	for (i = 0; i < n; i++)
		rte_tel_data_add_dict_u64(d, names[i].name, values[i].value);
	return 0;
}

static int
metrics_tel_global(const char *cmd __rte_unused, const char *params,
		struct rte_tel_data *d)
{
	if (params != NULL && params[0] != '\0')
		return -EINVAL;
	return metrics_tel_values(RTE_METRICS_GLOBAL, d);
}

static int
metrics_tel_port(const char *cmd __rte_unused, const char *params, struct rte_tel_data *d)
{
	char *end;
	long port;

	if (params == NULL || params[0] == '\0')
		return -EINVAL;
	errno = 0;
	port = strtol(params, &end, 10);
	if (errno != 0 || *end != '\0' || port < 0 || port >= RTE_MAX_ETHPORTS)
		return -EINVAL;
	return metrics_tel_values((int)port, d);
}

static int
metrics_tel_names(const char *cmd __rte_unused, const char *params __rte_unused,
		struct rte_tel_data *d)
{
	struct rte_metric_name names[RTE_METRICS_MAX_METRICS];
	int n, i;

	n = rte_metrics_get_names(names, RTE_DIM(names));
	if (n < 0)
		return n;
	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	for (i = 0; i < n; i++)
		rte_tel_data_add_array_string(d, names[i].name);
	return 0;
}

RTE_INIT(metrics_telemetry_init)
{
	rte_telemetry_register_cmd("/metrics", metrics_tel_global,
		"Global values of every metric. Takes no parameters");
	rte_telemetry_register_cmd("/metrics/port", metrics_tel_port,
		"Values of every metric for one port. Parameter: port id");
	rte_telemetry_register_cmd("/metrics/names", metrics_tel_names,
		"Names of the registered metrics, in key order. Takes no parameters");
}
