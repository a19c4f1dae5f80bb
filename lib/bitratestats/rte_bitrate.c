/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Bit rates from the byte counters of rte_eth_stats_get(): one sample per call, averaged in
 * integers so that no floating point runs in the caller's (often data-plane) thread.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <rte_metrics.h>

#include "rte_bitrate.h"

/* Weight of the newest sample in the moving average, in percent. */
#define BITRATE_EWMA_PERCENT 20

/* Order of the registered names, and of the values of one update. */
enum {
	BITRATE_EWMA_IN,
	BITRATE_EWMA_OUT,
	BITRATE_MEAN_IN,
	BITRATE_MEAN_OUT,
	BITRATE_PEAK_IN,
	BITRATE_PEAK_OUT,
	BITRATE_NB_METRICS
};

static const char * const bitrate_names[BITRATE_NB_METRICS] = {
	[BITRATE_EWMA_IN] = "ewma_bits_in",
	[BITRATE_EWMA_OUT] = "ewma_bits_out",
	[BITRATE_MEAN_IN] = "mean_bits_in",
	[BITRATE_MEAN_OUT] = "mean_bits_out",
	[BITRATE_PEAK_IN] = "peak_bits_in",
	[BITRATE_PEAK_OUT] = "peak_bits_out",
};

/* One direction of one port. */
struct bitrate_dir {
	uint64_t last_bytes;
	uint64_t ewma;
	uint64_t peak;
	uint64_t last;    /* the latest sample, unsmoothed: DPDK's "mean" */
};

struct bitrate_port {
	struct bitrate_dir in, out;
};

struct rte_stats_bitrates {
	struct bitrate_port port[RTE_MAX_ETHPORTS];
	uint16_t first_key;
};

struct rte_stats_bitrates *
rte_stats_bitrate_create(void)
{
	return rte_zmalloc(NULL, sizeof(struct rte_stats_bitrates), 0);
}

void
rte_stats_bitrate_free(struct rte_stats_bitrates *bitrate_data)
{
	rte_free(bitrate_data);
}

int
rte_stats_bitrate_reg(struct rte_stats_bitrates *bitrate_data)
{
	int key;

	if (bitrate_data == NULL)
		return -EINVAL;
	key = rte_metrics_reg_names(bitrate_names, BITRATE_NB_METRICS);
	if (key >= 0)
		bitrate_data->first_key = (uint16_t)key;
	return key;
}

/*
 * New sample into the average: ewma += (sample - ewma) * 20%, rounded to the nearest
 * integer (half away from zero) so that a steady rate is eventually reached exactly.
 */
static void
bitrate_dir_update(struct bitrate_dir *d, uint64_t bytes)
{
	uint64_t bits;
	int64_t delta;

	/* counters that went back were reset: all they count is new */
	bits = (bytes >= d->last_bytes ? bytes - d->last_bytes : bytes) << 3;

	d->last_bytes = bytes;
	delta = (int64_t)(bits - d->ewma);
	if (delta > 0)
		delta = (delta * BITRATE_EWMA_PERCENT + 50) / 100;
	else
		delta = (delta * BITRATE_EWMA_PERCENT - 50) / 100;
	d->ewma += delta;
	if (bits > d->peak)
		d->peak = bits;
	d->last = bits;
}

int
rte_stats_bitrate_calc(struct rte_stats_bitrates *bitrate_data, uint16_t port_id)
{
	struct rte_eth_stats st;
	struct bitrate_port *p;
	uint64_t values[BITRATE_NB_METRICS];
	int ret;

	if (bitrate_data == NULL)
		return -EINVAL;
	ret = rte_eth_stats_get(port_id, &st);
	if (ret != 0)
		return ret;
	/* as in DPDK, the first interval runs from the last reset of the port's counters */
	p = &bitrate_data->port[port_id];
	bitrate_dir_update(&p->in, st.ibytes);
	bitrate_dir_update(&p->out, st.obytes);

	values[BITRATE_EWMA_IN] = p->in.ewma;
	values[BITRATE_EWMA_OUT] = p->out.ewma;
	values[BITRATE_MEAN_IN] = p->in.last;
	values[BITRATE_MEAN_OUT] = p->out.last;
	values[BITRATE_PEAK_IN] = p->in.peak;
	values[BITRATE_PEAK_OUT] = p->out.peak;
	return rte_metrics_update_values(port_id, bitrate_data->first_key, values,
			BITRATE_NB_METRICS);
}
