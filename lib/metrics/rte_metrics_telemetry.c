/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The legacy JSON interface needs a JSON library this tree does not use; these entry points
 * exist for applications that link with them and report that the feature is absent.
 */
#include <errno.h>

#include <rte_common.h>

#include "rte_metrics_telemetry.h"

int32_t
rte_metrics_tel_reg_all_ethdev(int *metrics_register_done __rte_unused,
		int *reg_index_list __rte_unused)
{
	return -ENOTSUP;
}

int32_t
rte_metrics_tel_encode_json_format(struct telemetry_encode_param *ep __rte_unused,
		char **json_buffer __rte_unused)
{
	return -ENOTSUP;
}

int32_t
rte_metrics_tel_get_global_stats(struct telemetry_encode_param *ep __rte_unused)
{
	return -ENOTSUP;
}

int32_t
rte_metrics_tel_get_port_stats_ids(struct telemetry_encode_param *ep __rte_unused)
{
	return -ENOTSUP;
}

int32_t
rte_metrics_tel_get_ports_stats_json(struct telemetry_encode_param *ep __rte_unused,
		int *reg_index __rte_unused, char **json_buffer __rte_unused)
{
	return -ENOTSUP;
}

int32_t
rte_metrics_tel_extract_data(struct telemetry_encode_param *ep __rte_unused,
		json_t *data __rte_unused)
{
	return -ENOTSUP;
}
