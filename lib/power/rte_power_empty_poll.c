/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The empty-poll policy is deprecated in DPDK 22.11 and not implemented here: these entry
 * points exist so that applications link, and report -ENOTSUP (or zero counts).
 */
#include <errno.h>

#include <rte_log.h>

#include "rte_power_empty_poll.h"

int
rte_power_empty_poll_stat_init(struct ep_params **eptr, uint8_t *freq_tlb,
		struct ep_policy *policy)
{
	RTE_SET_USED(eptr);
	RTE_SET_USED(freq_tlb);
	RTE_SET_USED(policy);
	RTE_LOG(ERR, POWER, "%s(): the empty-poll policy is not supported, use rte_power_pmd_mgmt.h\n",
		__func__);
	return -ENOTSUP;
}

void
rte_power_empty_poll_stat_free(void)
{
}

int
rte_power_empty_poll_stat_update(unsigned int lcore_id)
{
	RTE_SET_USED(lcore_id);
	return -ENOTSUP;
}

int
rte_power_poll_stat_update(unsigned int lcore_id, uint8_t nb_pkt)
{
	RTE_SET_USED(lcore_id);
	RTE_SET_USED(nb_pkt);
	return -ENOTSUP;
}

uint64_t
rte_power_empty_poll_stat_fetch(unsigned int lcore_id)
{
	RTE_SET_USED(lcore_id);
	return 0;
}

uint64_t
rte_power_poll_stat_fetch(unsigned int lcore_id)
{
	RTE_SET_USED(lcore_id);
	return 0;
}

void
rte_empty_poll_detection(struct rte_timer *tim, void *arg)
{
	RTE_SET_USED(tim);
	RTE_SET_USED(arg);
}
