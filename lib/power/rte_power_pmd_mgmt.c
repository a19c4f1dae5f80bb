/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rx-callback power management. Each managed queue counts its empty polls; a queue is idle
 * after emptypoll_max of them in a row, and the lcore saves power only while all its managed
 * queues are idle, so a busy queue is never delayed by a quiet one. The callbacks of one lcore
 * run on that lcore only, so its state needs no atomics.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_pause.h>

#include "rte_power_pmd_mgmt.h"

#define POWER_LOG(level, fmt, ...) \
	RTE_LOG(level, POWER, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

#define PMGMT_MAX_QUEUES_PER_LCORE 64
#define PMGMT_DEFAULT_EMPTYPOLL_MAX 512
#define PMGMT_MAX_FREQS 64

struct pmgmt_lcore;

struct pmgmt_queue {
	struct pmgmt_lcore *lc;
	const struct rte_eth_rxtx_callback *cb;
	uint64_t n_empty;
	uint16_t port_id;
	uint16_t queue_id;
	bool idle;
};

struct pmgmt_lcore {
	enum rte_power_pmd_mgmt_type mode;
	unsigned int lcore_id;
	unsigned int n_queues;
	unsigned int n_idle;
	bool scaled_down;
	struct pmgmt_queue *queues[PMGMT_MAX_QUEUES_PER_LCORE];
};

static struct pmgmt_lcore pmgmt_lcores[RTE_MAX_LCORE];
static unsigned int emptypoll_max = PMGMT_DEFAULT_EMPTYPOLL_MAX;
static unsigned int pause_duration_us = 1;
/* 0: not configured */
static unsigned int scale_freq_min[RTE_MAX_LCORE];
static unsigned int scale_freq_max[RTE_MAX_LCORE];

/* Index of the frequency to scale to: the lowest >= min when idle, the highest <= max when busy */
static int
pmgmt_scale(unsigned int lcore_id, bool down)
{
	uint32_t freqs[PMGMT_MAX_FREQS];
	uint32_t n, i;
	unsigned int limit = down ? scale_freq_min[lcore_id] : scale_freq_max[lcore_id];

	if (limit == 0)
		return down ? rte_power_freq_min(lcore_id) : rte_power_freq_max(lcore_id);
	n = rte_power_freqs(lcore_id, freqs, RTE_DIM(freqs));
	if (n == 0)
		return -1;
	if (down) {
		for (i = n; i > 1 && freqs[i - 1] < limit; i--)
			;
		return rte_power_set_freq(lcore_id, i - 1);
	}
	for (i = 0; i + 1 < n && freqs[i] > limit; i++)
		;
	return rte_power_set_freq(lcore_id, i);
}

static inline bool
pmgmt_lcore_idle(struct pmgmt_queue *q, uint16_t nb_rx)
{
	struct pmgmt_lcore *lc = q->lc;

	if (nb_rx != 0) {
		q->n_empty = 0;
		if (q->idle) {
			q->idle = false;
			lc->n_idle--;
		}
		return false;
	}
	if (++q->n_empty < emptypoll_max)
		return false;
	if (!q->idle) {
		q->idle = true;
		lc->n_idle++;
	}
	return lc->n_idle == lc->n_queues;
}

static uint16_t
pmgmt_cb_pause(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **pkts, uint16_t nb_rx,
		uint16_t max_pkts, void *arg)
{
	uint64_t end;

	RTE_SET_USED(port_id);
	RTE_SET_USED(queue_id);
	RTE_SET_USED(pkts);
	RTE_SET_USED(max_pkts);
	if (pmgmt_lcore_idle(arg, nb_rx)) {
		end = rte_get_tsc_cycles() + rte_get_tsc_hz() / 1000000 * pause_duration_us;
		while (rte_get_tsc_cycles() < end)
			rte_pause();
	}
	return nb_rx;
}

static uint16_t
pmgmt_cb_scale(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **pkts, uint16_t nb_rx,
		uint16_t max_pkts, void *arg)
{
	struct pmgmt_queue *q = arg;
	bool idle = pmgmt_lcore_idle(q, nb_rx);

	RTE_SET_USED(port_id);
	RTE_SET_USED(queue_id);
	RTE_SET_USED(pkts);
	RTE_SET_USED(max_pkts);
	/* only transitions touch the frequency: a write per packet burst would cost too much */
	if (idle != q->lc->scaled_down) {
		q->lc->scaled_down = idle;
		pmgmt_scale(q->lc->lcore_id, idle);
	}
	return nb_rx;
}

/* 1 if the queue is stopped, 0 if it runs, -1 if it does not exist */
static int
pmgmt_queue_stopped(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_rxq_info qinfo;
	int ret = rte_eth_rx_queue_info_get(port_id, queue_id, &qinfo);

	if (ret == -ENOTSUP)
		return 1;
	if (ret < 0)
		return -1;
	return qinfo.queue_state == RTE_ETH_QUEUE_STATE_STOPPED;
}

static int
pmgmt_check_scale(unsigned int lcore_id)
{
	enum power_management_env env;

	if (rte_power_check_env_supported(PM_ENV_ACPI_CPUFREQ) != 1 &&
			rte_power_check_env_supported(PM_ENV_PSTATE_CPUFREQ) != 1) {
		POWER_LOG(ERR, "frequency scaling needs acpi-cpufreq or intel_pstate");
		return -ENOTSUP;
	}
	if (rte_power_init(lcore_id) != 0)
		return -EINVAL;
	env = rte_power_get_env();
	if (env != PM_ENV_ACPI_CPUFREQ && env != PM_ENV_PSTATE_CPUFREQ) {
		POWER_LOG(ERR, "frequency scaling needs acpi-cpufreq or intel_pstate");
		rte_power_exit(lcore_id);
		return -ENOTSUP;
	}
	return 0;
}

static int
pmgmt_find(const struct pmgmt_lcore *lc, uint16_t port_id, uint16_t queue_id)
{
	unsigned int i;

	for (i = 0; i < lc->n_queues; i++)
		if (lc->queues[i]->port_id == port_id && lc->queues[i]->queue_id == queue_id)
			return (int)i;
	return -1;
}

int
rte_power_ethdev_pmgmt_queue_enable(unsigned int lcore_id, uint16_t port_id,
		uint16_t queue_id, enum rte_power_pmd_mgmt_type mode)
{
	struct rte_eth_dev_info info;
	struct pmgmt_lcore *lc;
	struct pmgmt_queue *q;
	rte_rx_callback_fn fn;
	int ret;

	if (lcore_id >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore_id, RTE_MAX_LCORE);
		return -EINVAL;
	}
	if (rte_eth_dev_info_get(port_id, &info) < 0) {
		POWER_LOG(ERR, "invalid port %u", port_id);
		return -EINVAL;
	}
	if (queue_id >= info.nb_rx_queues) {
		POWER_LOG(ERR, "port %u has no Rx queue %u", port_id, queue_id);
		return -EINVAL;
	}
	ret = pmgmt_queue_stopped(port_id, queue_id);
	if (ret != 1) {
		POWER_LOG(ERR, "port %u Rx queue %u is %s", port_id, queue_id,
			ret < 0 ? "not set up" : "not stopped");
		return ret < 0 ? -EINVAL : -EBUSY;
	}
	lc = &pmgmt_lcores[lcore_id];
	if (lc->n_queues != 0 && lc->mode != mode) {
		POWER_LOG(ERR, "lcore %u already manages queues in mode %d", lcore_id, lc->mode);
		return -EINVAL;
	}
	if (pmgmt_find(lc, port_id, queue_id) >= 0) {
		POWER_LOG(ERR, "port %u Rx queue %u is already managed by lcore %u", port_id,
			queue_id, lcore_id);
		return -EEXIST;
	}
	if (lc->n_queues == PMGMT_MAX_QUEUES_PER_LCORE) {
		POWER_LOG(ERR, "lcore %u manages %u queues already", lcore_id, lc->n_queues);
		return -ENOSPC;
	}
	switch (mode) {
	case RTE_POWER_MGMT_TYPE_MONITOR:
		/* needs UMONITOR/UMWAIT and a driver monitor address, neither of which is here */
		POWER_LOG(ERR, "monitor mode is not supported");
		return -ENOTSUP;
	case RTE_POWER_MGMT_TYPE_PAUSE:
		fn = pmgmt_cb_pause;
		break;
	case RTE_POWER_MGMT_TYPE_SCALE:
		fn = pmgmt_cb_scale;
		if (lc->n_queues == 0) {
			ret = pmgmt_check_scale(lcore_id);
			if (ret < 0)
				return ret;
		}
		break;
	default:
		POWER_LOG(ERR, "invalid power management type %d", (int)mode);
		return -EINVAL;
	}
	q = calloc(1, sizeof(*q));
	if (q == NULL) {
		ret = -ENOMEM;
		goto undo_scale;
	}
	q->lc = lc;
	q->port_id = port_id;
	q->queue_id = queue_id;
	q->cb = rte_eth_add_rx_callback(port_id, queue_id, fn, q);
	if (q->cb == NULL) {
		free(q);
		ret = -EINVAL;
		goto undo_scale;
	}
	lc->mode = mode;
	lc->lcore_id = lcore_id;
	lc->queues[lc->n_queues++] = q;
	/* a new queue is busy until proven idle */
	return 0;
undo_scale:
	if (mode == RTE_POWER_MGMT_TYPE_SCALE && lc->n_queues == 0)
		rte_power_exit(lcore_id);
	return ret;
}

int
rte_power_ethdev_pmgmt_queue_disable(unsigned int lcore_id, uint16_t port_id,
		uint16_t queue_id)
{
	struct pmgmt_lcore *lc;
	struct pmgmt_queue *q;
	int ret, i;

	if (lcore_id >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore_id, RTE_MAX_LCORE);
		return -EINVAL;
	}
	ret = pmgmt_queue_stopped(port_id, queue_id);
	if (ret != 1) {
		POWER_LOG(ERR, "port %u Rx queue %u is %s", port_id, queue_id,
			ret < 0 ? "not set up" : "not stopped");
		return ret < 0 ? -EINVAL : -EBUSY;
	}
	lc = &pmgmt_lcores[lcore_id];
	i = pmgmt_find(lc, port_id, queue_id);
	if (i < 0) {
		POWER_LOG(ERR, "port %u Rx queue %u is not managed by lcore %u", port_id,
			queue_id, lcore_id);
		return -ENOENT;
	}
	q = lc->queues[i];
	rte_eth_remove_rx_callback(port_id, queue_id, q->cb);
	if (q->idle)
		lc->n_idle--;
	lc->queues[i] = lc->queues[--lc->n_queues];
	free(q);
	if (lc->n_queues == 0) {
		if (lc->mode == RTE_POWER_MGMT_TYPE_SCALE) {
			rte_power_freq_max(lcore_id);
			rte_power_exit(lcore_id);
		}
		lc->n_idle = 0;
		lc->scaled_down = false;
	}
	return 0;
}

void
rte_power_pmd_mgmt_set_emptypoll_max(unsigned int max)
{
	emptypoll_max = max;
}

unsigned int
rte_power_pmd_mgmt_get_emptypoll_max(void)
{
	return emptypoll_max;
}

int
rte_power_pmd_mgmt_set_pause_duration(unsigned int duration)
{
	if (duration == 0) {
		POWER_LOG(ERR, "pause duration must be above 0");
		return -EINVAL;
	}
	pause_duration_us = duration;
	return 0;
}

unsigned int
rte_power_pmd_mgmt_get_pause_duration(void)
{
	return pause_duration_us;
}

int
rte_power_pmd_mgmt_set_scaling_freq_min(unsigned int lcore, unsigned int min)
{
	if (lcore >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore, RTE_MAX_LCORE);
		return -EINVAL;
	}
	if (min != 0 && scale_freq_max[lcore] != 0 && min > scale_freq_max[lcore]) {
		POWER_LOG(ERR, "minimum %u kHz is above the maximum %u kHz", min,
			scale_freq_max[lcore]);
		return -EINVAL;
	}
	scale_freq_min[lcore] = min;
	return 0;
}

int
rte_power_pmd_mgmt_set_scaling_freq_max(unsigned int lcore, unsigned int max)
{
	if (lcore >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore, RTE_MAX_LCORE);
		return -EINVAL;
	}
	if (max != 0 && max < scale_freq_min[lcore]) {
		POWER_LOG(ERR, "maximum %u kHz is below the minimum %u kHz", max,
			scale_freq_min[lcore]);
		return -EINVAL;
	}
	scale_freq_max[lcore] = max;
	return 0;
}

int
rte_power_pmd_mgmt_get_scaling_freq_min(unsigned int lcore)
{
	if (lcore >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore, RTE_MAX_LCORE);
		return -EINVAL;
	}
	return (int)scale_freq_min[lcore];
}

int
rte_power_pmd_mgmt_get_scaling_freq_max(unsigned int lcore)
{
	if (lcore >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore, RTE_MAX_LCORE);
		return -EINVAL;
	}
	return (int)scale_freq_max[lcore];
}
