/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Power intrinsics are not implemented: the calls say so with -ENOTSUP, which is what DPDK
 * returns on a CPU without the instructions, and rte_cpu_get_intrinsics_support agrees.
 */
#include <errno.h>

#include <rte_common.h>
#include <rte_power_intrinsics.h>

int
rte_power_monitor(const struct rte_power_monitor_cond *pmc, const uint64_t tsc_timestamp)
{
	RTE_SET_USED(pmc);
	RTE_SET_USED(tsc_timestamp);
	return -ENOTSUP;
}

int
rte_power_monitor_wakeup(const unsigned int lcore_id)
{
	RTE_SET_USED(lcore_id);
	return -ENOTSUP;
}

int
rte_power_pause(const uint64_t tsc_timestamp)
{
	RTE_SET_USED(tsc_timestamp);
	return -ENOTSUP;
}

int
rte_power_monitor_multi(const struct rte_power_monitor_cond pmc[], const uint32_t num,
		const uint64_t tsc_timestamp)
{
	RTE_SET_USED(pmc);
	RTE_SET_USED(num);
	RTE_SET_USED(tsc_timestamp);
	return -ENOTSUP;
}
