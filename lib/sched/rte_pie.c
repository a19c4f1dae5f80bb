/* SPDX-License-Identifier: BSD-3-Clause */
/* PIE configuration: milliseconds become TSC cycles once, so the data path never converts. */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_log.h>

#include "rte_pie.h"
#include "sched_log.h"

int
rte_pie_rt_data_init(struct rte_pie *pie)
{
	if (pie == NULL) {
		SCHED_LOG(ERR, "PIE state is NULL");
		return -EINVAL;
	}
	memset(pie, 0, sizeof(*pie));
	return 0;
}

static uint64_t
ms_to_cycles(uint64_t hz, uint16_t ms)
{
	return hz * ms / 1000;
}

int
rte_pie_config_init(struct rte_pie_config *pie_cfg,
	const uint16_t qdelay_ref,
	const uint16_t dp_update_interval,
	const uint16_t max_burst,
	const uint16_t tailq_th)
{
	uint64_t hz = rte_get_tsc_hz();

	if (pie_cfg == NULL) {
		SCHED_LOG(ERR, "PIE configuration is NULL");
		return -1;
	}
	if (qdelay_ref == 0 || dp_update_interval == 0 || max_burst == 0 || tailq_th == 0) {
		SCHED_LOG(ERR, "PIE parameter of 0: qdelay_ref %u dp_update_interval %u "
			"max_burst %u tailq_th %u",
			qdelay_ref, dp_update_interval, max_burst, tailq_th);
		return -EINVAL;
	}
	pie_cfg->qdelay_ref = ms_to_cycles(hz, qdelay_ref);
	pie_cfg->dp_update_interval = ms_to_cycles(hz, dp_update_interval);
	pie_cfg->max_burst = ms_to_cycles(hz, max_burst);
	pie_cfg->tailq_th = tailq_th;
	return 0;
}
