/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Meter profiles: rates in bytes per second become "bytes_per_period bytes every period TSC
 * cycles". A period of at least RTE_METER_TB_PERIOD_MIN cycles keeps the truncation of the
 * period small next to the period itself: a slow rate gets one byte per period, a fast rate
 * enough bytes per period to make the period that long.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_log.h>

#include "rte_meter.h"

RTE_LOG_REGISTER_DEFAULT(meter_logtype, INFO);

#define METER_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, meter_logtype, "METER: " fmt "\n", ##__VA_ARGS__)

#define RTE_METER_TB_PERIOD_MIN 100

/*
 * The reciprocal that turns the bucket update's division into a multiplication: the ceiling of
 * 2^64 / period. Periods are at least RTE_METER_TB_PERIOD_MIN - 1 cycles (see below), so it
 * fits in 64 bits.
 */
static uint64_t
meter_period_inv(uint64_t period)
{
	return UINT64_MAX / period + 1;
}

static void
meter_tb_params(uint64_t hz, uint64_t rate, uint64_t *period, uint64_t *period_inv,
	uint64_t *bytes_per_period)
{
	double cycles_per_byte;

	if (rate == 0) {
		/* a bucket that never fills; the period only has to be a valid divisor */
		*bytes_per_period = 0;
		*period = RTE_METER_TB_PERIOD_MIN;
		*period_inv = meter_period_inv(*period);
		return;
	}
	cycles_per_byte = (double)hz / (double)rate;
	if (cycles_per_byte >= RTE_METER_TB_PERIOD_MIN) {
		*bytes_per_period = 1;
		*period = (uint64_t)cycles_per_byte;
	} else {
		*bytes_per_period = (uint64_t)ceil(RTE_METER_TB_PERIOD_MIN / cycles_per_byte);
		*period = hz * *bytes_per_period / rate;
	}
	*period_inv = meter_period_inv(*period);
}

int
rte_meter_srtcm_profile_config(struct rte_meter_srtcm_profile *p,
	struct rte_meter_srtcm_params *params)
{
	if (p == NULL || params == NULL) {
		METER_LOG(ERR, "srTCM profile: NULL %s", p == NULL ? "profile" : "parameters");
		return -EINVAL;
	}
	if (params->cir == 0 || (params->cbs == 0 && params->ebs == 0)) {
		METER_LOG(ERR, "srTCM profile: cir %" PRIu64 " must not be 0, cbs %" PRIu64
			" and ebs %" PRIu64 " not both 0", params->cir, params->cbs, params->ebs);
		return -EINVAL;
	}
	p->cbs = params->cbs;
	p->ebs = params->ebs;
	meter_tb_params(rte_get_tsc_hz(), params->cir, &p->cir_period,
		&p->cir_period_inv, &p->cir_bytes_per_period);
	return 0;
}

int
rte_meter_trtcm_profile_config(struct rte_meter_trtcm_profile *p,
	struct rte_meter_trtcm_params *params)
{
	uint64_t hz;

	if (p == NULL || params == NULL) {
		METER_LOG(ERR, "trTCM profile: NULL %s", p == NULL ? "profile" : "parameters");
		return -EINVAL;
	}
	if (params->cir == 0 || params->pir == 0 || params->pir < params->cir ||
			params->cbs == 0 || params->pbs == 0) {
		METER_LOG(ERR, "trTCM profile: cir %" PRIu64 " and pir %" PRIu64 " must be not 0"
			" with pir >= cir, cbs %" PRIu64 " and pbs %" PRIu64 " not 0",
			params->cir, params->pir, params->cbs, params->pbs);
		return -EINVAL;
	}
	hz = rte_get_tsc_hz();
	p->cbs = params->cbs;
	p->pbs = params->pbs;
	meter_tb_params(hz, params->cir, &p->cir_period, &p->cir_period_inv,
		&p->cir_bytes_per_period);
	meter_tb_params(hz, params->pir, &p->pir_period, &p->pir_period_inv,
		&p->pir_bytes_per_period);
	return 0;
}

int
rte_meter_trtcm_rfc4115_profile_config(
	struct rte_meter_trtcm_rfc4115_profile *p,
	struct rte_meter_trtcm_rfc4115_params *params)
{
	uint64_t hz;

	if (p == NULL || params == NULL) {
		METER_LOG(ERR, "RFC 4115 trTCM profile: NULL %s",
			p == NULL ? "profile" : "parameters");
		return -EINVAL;
	}
	/* as in DPDK, both rates may be 0: then every packet is red */
	if ((params->cir != 0 && params->cbs == 0) || (params->eir != 0 && params->ebs == 0)) {
		METER_LOG(ERR, "RFC 4115 trTCM profile: cbs %" PRIu64 " and ebs %" PRIu64
			" must not be 0 for a rate (cir %" PRIu64 ", eir %" PRIu64 ") not 0",
			params->cbs, params->ebs, params->cir, params->eir);
		return -EINVAL;
	}
	hz = rte_get_tsc_hz();
	p->cbs = params->cbs;
	p->ebs = params->ebs;
	meter_tb_params(hz, params->cir, &p->cir_period, &p->cir_period_inv,
		&p->cir_bytes_per_period);
	meter_tb_params(hz, params->eir, &p->eir_period, &p->eir_period_inv,
		&p->eir_bytes_per_period);
	return 0;
}

int
rte_meter_srtcm_config(struct rte_meter_srtcm *m, struct rte_meter_srtcm_profile *p)
{
	if (m == NULL || p == NULL) {
		METER_LOG(ERR, "srTCM config: NULL %s", m == NULL ? "meter" : "profile");
		return -EINVAL;
	}
	m->time = rte_get_tsc_cycles();
	m->tc = p->cbs;
	m->te = p->ebs;
	return 0;
}

int
rte_meter_trtcm_config(struct rte_meter_trtcm *m, struct rte_meter_trtcm_profile *p)
{
	if (m == NULL || p == NULL) {
		METER_LOG(ERR, "trTCM config: NULL %s", m == NULL ? "meter" : "profile");
		return -EINVAL;
	}
	m->time_tc = rte_get_tsc_cycles();
	m->time_tp = m->time_tc;
	m->tc = p->cbs;
	m->tp = p->pbs;
	return 0;
}

int
rte_meter_trtcm_rfc4115_config(struct rte_meter_trtcm_rfc4115 *m,
	struct rte_meter_trtcm_rfc4115_profile *p)
{
	if (m == NULL || p == NULL) {
		METER_LOG(ERR, "RFC 4115 trTCM config: NULL %s", m == NULL ? "meter" : "profile");
		return -EINVAL;
	}
	m->time_tc = rte_get_tsc_cycles();
	m->time_te = m->time_tc;
	m->tc = p->cbs;
	m->te = p->ebs;
	return 0;
}
