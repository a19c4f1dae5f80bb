/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * --bitrate-stats and --latencystats: the statistics libraries publish through the metrics
 * table (read with the telemetry commands /metrics/port and /latencystats). The chosen
 * forwarding lcore refreshes them once per second between two rounds over its streams.
 */
#include <stdio.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>

#include "testpmd.h"

bool bitrate_enabled;
lcoreid_t bitrate_lcore_id;
bool latencystats_enabled;
lcoreid_t latencystats_lcore_id;

#ifdef TESTPMD_STATS_LIBS
#include <rte_bitrate.h>
#include <rte_latencystats.h>
#include <rte_metrics.h>

static struct rte_stats_bitrates *bitrate_data;
static bool metrics_up;
static bool latency_up;

void
stats_libs_init(void)
{
	if (!bitrate_enabled && !latencystats_enabled)
		return;
	if (rte_metrics_init(rte_socket_id()) != 0) {
		fprintf(stderr, "Cannot create the metrics table: no bit rate or latency stats\n");
		return;
	}
	metrics_up = true;
	if (bitrate_enabled) {
		bitrate_data = rte_stats_bitrate_create();
		if (bitrate_data == NULL || rte_stats_bitrate_reg(bitrate_data) < 0) {
			fprintf(stderr, "Cannot start the bit rate statistics\n");
			rte_stats_bitrate_free(bitrate_data);
			bitrate_data = NULL;
		}
	}
	if (latencystats_enabled) {
		/* sample a packet every nanosecond, i.e. all of them, as DPDK's testpmd does */
		if (rte_latencystats_init(1, NULL) != 0)
			fprintf(stderr, "Cannot start the latency statistics\n");
		else
			latency_up = true;
	}
}

void
stats_libs_poll(lcoreid_t lcore)
{
	static uint64_t next_bitrate, next_latency;
	uint64_t now;
	portid_t pi;

	if (bitrate_data != NULL && lcore == bitrate_lcore_id) {
		now = rte_get_timer_cycles();
		if (now >= next_bitrate) {
			RTE_ETH_FOREACH_DEV(pi)
				rte_stats_bitrate_calc(bitrate_data, pi);
			next_bitrate = now + rte_get_timer_hz();
		}
	}
	if (latency_up && lcore == latencystats_lcore_id) {
		now = rte_get_timer_cycles();
		if (now >= next_latency) {
			rte_latencystats_update();
			next_latency = now + rte_get_timer_hz();
		}
	}
}

void
stats_libs_close(void)
{
	if (latency_up)
		rte_latencystats_uninit();
	latency_up = false;
	rte_stats_bitrate_free(bitrate_data);
	bitrate_data = NULL;
	if (metrics_up)
		rte_metrics_deinit();
	metrics_up = false;
}
#else
void
stats_libs_init(void)
{
	if (bitrate_enabled || latencystats_enabled)
		fprintf(stderr, "Built without the metrics libraries: option ignored\n");
}

void
stats_libs_poll(lcoreid_t lcore __rte_unused)
{
}

void
stats_libs_close(void)
{
}
#endif
