/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __INCLUDE_RTE_METER_H__
#define __INCLUDE_RTE_METER_H__

/**
 * @file
 * Traffic metering: token bucket meters that colour packets green, yellow or red.
 *
 * - srTCM, single rate three colour marker (RFC 2697): one rate fills the committed bucket,
 *   whose overflow fills the excess bucket.
 * - trTCM, two rate three colour marker (RFC 2698): a committed and a peak bucket, each with
 *   its own rate; a packet over the peak is red whatever the committed bucket holds.
 * - trTCM as modified by RFC 4115: a committed and an excess bucket with their own rates,
 *   coloured like srTCM.
 *
 * A profile holds what many flows share (rates and burst sizes, converted to TSC cycles); a
 * run-time structure holds one flow's buckets. The colour checks are inline and take the
 * current time in TSC cycles from the caller, who usually reads it once per burst. Rates are
 * in bytes per second and burst sizes in bytes; what a byte counts (IP only, or with the
 * link headers) is up to the caller.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>

#ifndef RTE_COLORS
/** Colour of a packet, as a meter gives it or as it was marked before. */
enum rte_color {
	RTE_COLOR_GREEN = 0, /**< within the committed rate */
	RTE_COLOR_YELLOW, /**< over the committed rate, within the excess or peak */
	RTE_COLOR_RED, /**< over both */
	RTE_COLORS /**< number of colours */
};
/** Number of colours; being a macro too, it tells rte_flow.h the enumeration exists. */
#define RTE_COLORS RTE_COLORS
#endif

/**
 * srTCM parameters: the committed rate and two burst sizes, of which at least one is not 0.
 */
struct rte_meter_srtcm_params {
	uint64_t cir; /**< Committed Information Rate (CIR), bytes per second. */
	uint64_t cbs; /**< Committed Burst Size (CBS), bytes. */
	uint64_t ebs; /**< Excess Burst Size (EBS), bytes. */
};

/** trTCM parameters: PIR at least CIR, neither 0, and both burst sizes not 0. */
struct rte_meter_trtcm_params {
	uint64_t cir; /**< Committed Information Rate (CIR), bytes per second. */
	uint64_t pir; /**< Peak Information Rate (PIR), bytes per second. */
	uint64_t cbs; /**< Committed Burst Size (CBS), bytes. */
	uint64_t pbs; /**< Peak Burst Size (PBS), bytes. */
};

/** RFC 4115 trTCM parameters: a rate that is not 0 needs its burst size not 0. */
struct rte_meter_trtcm_rfc4115_params {
	uint64_t cir; /**< Committed Information Rate (CIR), bytes per second. */
	uint64_t eir; /**< Excess Information Rate (EIR), bytes per second. */
	uint64_t cbs; /**< Committed Burst Size (CBS), bytes. */
	uint64_t ebs; /**< Excess Burst Size (EBS), bytes. */
};

struct rte_meter_srtcm_profile;
struct rte_meter_trtcm_profile;
struct rte_meter_trtcm_rfc4115_profile;
struct rte_meter_srtcm;
struct rte_meter_trtcm;
struct rte_meter_trtcm_rfc4115;

/**
 * Fill an srTCM profile from its parameters.
 *
 * @param p
 *   Profile to fill.
 * @param params
 *   Rates and burst sizes.
 * @return
 *   0, or -EINVAL for a NULL pointer or bad parameters.
 */
int
rte_meter_srtcm_profile_config(struct rte_meter_srtcm_profile *p,
	struct rte_meter_srtcm_params *params);

/**
 * Fill a trTCM profile from its parameters.
 *
 * @param p
 *   Profile to fill.
 * @param params
 *   Rates and burst sizes.
 * @return
 *   0, or -EINVAL for a NULL pointer or bad parameters.
 */
int
rte_meter_trtcm_profile_config(struct rte_meter_trtcm_profile *p,
	struct rte_meter_trtcm_params *params);

/**
 * Fill an RFC 4115 trTCM profile from its parameters.
 *
 * @param p
 *   Profile to fill.
 * @param params
 *   Rates and burst sizes.
 * @return
 *   0, or -EINVAL for a NULL pointer or bad parameters.
 */
int
rte_meter_trtcm_rfc4115_profile_config(
	struct rte_meter_trtcm_rfc4115_profile *p,
	struct rte_meter_trtcm_rfc4115_params *params);

/**
 * Start an srTCM flow: both buckets full, last update now.
 *
 * @param m
 *   The flow's meter.
 * @param p
 *   Its profile.
 * @return
 *   0, or -EINVAL for a NULL pointer.
 */
int
rte_meter_srtcm_config(struct rte_meter_srtcm *m,
	struct rte_meter_srtcm_profile *p);

/**
 * Start a trTCM flow: both buckets full, last updates now.
 *
 * @param m
 *   The flow's meter.
 * @param p
 *   Its profile.
 * @return
 *   0, or -EINVAL for a NULL pointer.
 */
int
rte_meter_trtcm_config(struct rte_meter_trtcm *m,
	struct rte_meter_trtcm_profile *p);

/**
 * Start an RFC 4115 trTCM flow: both buckets full, last updates now.
 *
 * @param m
 *   The flow's meter.
 * @param p
 *   Its profile.
 * @return
 *   0, or -EINVAL for a NULL pointer.
 */
int
rte_meter_trtcm_rfc4115_config(struct rte_meter_trtcm_rfc4115 *m,
	struct rte_meter_trtcm_rfc4115_profile *p);

/**
 * srTCM colour of a packet that has no colour yet.
 *
 * @param m
 *   The flow's meter.
 * @param p
 *   Its profile.
 * @param time
 *   Now, in TSC cycles.
 * @param pkt_len
 *   Bytes of the packet.
 * @return
 *   Its colour.
 */
static inline enum rte_color
rte_meter_srtcm_color_blind_check(struct rte_meter_srtcm *m,
	struct rte_meter_srtcm_profile *p,
	uint64_t time,
	uint32_t pkt_len);

/**
 * srTCM colour of a packet that is already coloured: a colour never improves.
 *
 * @param m
 *   The flow's meter.
 * @param p
 *   Its profile.
 * @param time
 *   Now, in TSC cycles.
 * @param pkt_len
 *   Bytes of the packet.
 * @param pkt_color
 *   Colour the packet comes with.
 * @return
 *   Its colour.
 */
static inline enum rte_color
rte_meter_srtcm_color_aware_check(struct rte_meter_srtcm *m,
	struct rte_meter_srtcm_profile *p,
	uint64_t time,
	uint32_t pkt_len,
	enum rte_color pkt_color);

/**
 * trTCM colour of a packet that has no colour yet.
 *
 * @param m
 *   The flow's meter.
 * @param p
 *   Its profile.
 * @param time
 *   Now, in TSC cycles.
 * @param pkt_len
 *   Bytes of the packet.
 * @return
 *   Its colour.
 */
static inline enum rte_color
rte_meter_trtcm_color_blind_check(struct rte_meter_trtcm *m,
	struct rte_meter_trtcm_profile *p,
	uint64_t time,
	uint32_t pkt_len);

/**
 * trTCM colour of a packet that is already coloured: a colour never improves.
 *
 * @param m
 *   The flow's meter.
 * @param p
 *   Its profile.
 * @param time
 *   Now, in TSC cycles.
 * @param pkt_len
 *   Bytes of the packet.
 * @param pkt_color
 *   Colour the packet comes with.
 * @return
 *   Its colour.
 */
static inline enum rte_color
rte_meter_trtcm_color_aware_check(struct rte_meter_trtcm *m,
	struct rte_meter_trtcm_profile *p,
	uint64_t time,
	uint32_t pkt_len,
	enum rte_color pkt_color);

/**
 * RFC 4115 trTCM colour of a packet that has no colour yet.
 *
 * @param m
 *   The flow's meter.
 * @param p
 *   Its profile.
 * @param time
 *   Now, in TSC cycles.
 * @param pkt_len
 *   Bytes of the packet.
 * @return
 *   Its colour.
 */
static inline enum rte_color
rte_meter_trtcm_rfc4115_color_blind_check(
	struct rte_meter_trtcm_rfc4115 *m,
	struct rte_meter_trtcm_rfc4115_profile *p,
	uint64_t time,
	uint32_t pkt_len);

/**
 * RFC 4115 trTCM colour of a packet that is already coloured: a colour never improves.
 *
 * @param m
 *   The flow's meter.
 * @param p
 *   Its profile.
 * @param time
 *   Now, in TSC cycles.
 * @param pkt_len
 *   Bytes of the packet.
 * @param pkt_color
 *   Colour the packet comes with.
 * @return
 *   Its colour.
 */
static inline enum rte_color
rte_meter_trtcm_rfc4115_color_aware_check(
	struct rte_meter_trtcm_rfc4115 *m,
	struct rte_meter_trtcm_rfc4115_profile *p,
	uint64_t time,
	uint32_t pkt_len,
	enum rte_color pkt_color);

/*
 * The structures below are public only because the checks are inline; applications keep
 * them in their own flow tables but do not read or write the fields.
 *
 * A rate is kept as "bytes_per_period bytes every period TSC cycles", both integers, so that
 * a bucket update is one division and one multiplication with no rounding drift: the time of
 * the last update moves by whole periods only, and the remainder is kept for the next packet.
 * The division is by a constant of the profile, so the profile keeps its reciprocal too
 * (period_inv, the ceiling of 2^64 / period): for a gap below 2^32 cycles, which is every
 * packet of a flow that is not idle for a second or more, the quotient is the high half of one
 * multiplication, exact, and several times cheaper than a 64-bit division.
 */

/** srTCM profile. */
struct rte_meter_srtcm_profile {
	uint64_t cbs; /**< committed bucket size, bytes */
	uint64_t ebs; /**< excess bucket size, bytes */
	uint64_t cir_period; /**< TSC cycles per committed refill */
	uint64_t cir_period_inv; /**< ceiling of 2^64 / cir_period */
	uint64_t cir_bytes_per_period; /**< bytes per committed refill */
};

/** srTCM state of one flow. */
struct rte_meter_srtcm {
	uint64_t time; /**< TSC cycles of the last refill */
	uint64_t tc; /**< bytes in the committed bucket */
	uint64_t te; /**< bytes in the excess bucket */
};

/** trTCM profile. */
struct rte_meter_trtcm_profile {
	uint64_t cbs; /**< committed bucket size, bytes */
	uint64_t pbs; /**< peak bucket size, bytes */
	uint64_t cir_period; /**< TSC cycles per committed refill */
	uint64_t cir_period_inv; /**< ceiling of 2^64 / cir_period */
	uint64_t cir_bytes_per_period; /**< bytes per committed refill */
	uint64_t pir_period; /**< TSC cycles per peak refill */
	uint64_t pir_period_inv; /**< ceiling of 2^64 / pir_period */
	uint64_t pir_bytes_per_period; /**< bytes per peak refill */
};

/** trTCM state of one flow. */
struct rte_meter_trtcm {
	uint64_t time_tc; /**< TSC cycles of the last committed refill */
	uint64_t time_tp; /**< TSC cycles of the last peak refill */
	uint64_t tc; /**< bytes in the committed bucket */
	uint64_t tp; /**< bytes in the peak bucket */
};

/** RFC 4115 trTCM profile. */
struct rte_meter_trtcm_rfc4115_profile {
	uint64_t cbs; /**< committed bucket size, bytes */
	uint64_t ebs; /**< excess bucket size, bytes */
	uint64_t cir_period; /**< TSC cycles per committed refill */
	uint64_t cir_period_inv; /**< ceiling of 2^64 / cir_period */
	uint64_t cir_bytes_per_period; /**< bytes per committed refill */
	uint64_t eir_period; /**< TSC cycles per excess refill */
	uint64_t eir_period_inv; /**< ceiling of 2^64 / eir_period */
	uint64_t eir_bytes_per_period; /**< bytes per excess refill */
};

/** RFC 4115 trTCM state of one flow. */
struct rte_meter_trtcm_rfc4115 {
	uint64_t time_tc; /**< TSC cycles of the last committed refill */
	uint64_t time_te; /**< TSC cycles of the last excess refill */
	uint64_t tc; /**< bytes in the committed bucket */
	uint64_t te; /**< bytes in the excess bucket */
};

/*
 * Bytes earned by a bucket since *last: whole periods only, and *last moves by as many
 * periods, so the part of a period already elapsed counts for the next call.
 */
static inline uint64_t
__rte_meter_tb_earned(uint64_t *last, uint64_t now, uint64_t period, uint64_t period_inv,
	uint64_t bytes_per_period)
{
	uint64_t elapsed = now - *last;
	uint64_t periods;

#ifdef __SIZEOF_INT128__
	/* elapsed * period_inv / 2^64 is elapsed / period, rounded down, while elapsed and
	 * period are below 2^32; a period above that gives 0, as the division does */
	if (likely(elapsed <= UINT32_MAX))
		periods = (uint64_t)(((unsigned __int128)elapsed * period_inv) >> 64);
	else
#else
	RTE_SET_USED(period_inv);
#endif
		periods = elapsed / period;

	*last += periods * period;
	return periods * bytes_per_period;
}

/* A bucket of the given size after earning some bytes. */
static inline uint64_t
__rte_meter_tb_fill(uint64_t tokens, uint64_t earned, uint64_t size)
{
	tokens += earned;
	return tokens > size ? size : tokens;
}

/*
 * Colouring shared by srTCM and RFC 4115: green takes from the committed bucket, yellow from
 * the excess one, red takes nothing. The filled buckets are stored whatever the colour.
 */
static inline enum rte_color
__rte_meter_ce_color(uint64_t *tc_store, uint64_t *te_store, uint64_t tc, uint64_t te,
	uint32_t len, enum rte_color in)
{
	enum rte_color out = RTE_COLOR_RED;

	if (in == RTE_COLOR_GREEN && tc >= len) {
		tc -= len;
		out = RTE_COLOR_GREEN;
	} else if (in != RTE_COLOR_RED && te >= len) {
		te -= len;
		out = RTE_COLOR_YELLOW;
	}
	*tc_store = tc;
	*te_store = te;
	return out;
}

static inline enum rte_color
rte_meter_srtcm_color_aware_check(struct rte_meter_srtcm *m,
	struct rte_meter_srtcm_profile *p,
	uint64_t time,
	uint32_t pkt_len,
	enum rte_color pkt_color)
{
	uint64_t tc = m->tc + __rte_meter_tb_earned(&m->time, time, p->cir_period,
		p->cir_period_inv, p->cir_bytes_per_period);
	uint64_t te = m->te;

	/* one rate for both buckets: what the committed one cannot hold spills into excess */
	if (tc > p->cbs) {
		te = __rte_meter_tb_fill(te, tc - p->cbs, p->ebs);
		tc = p->cbs;
	}
	return __rte_meter_ce_color(&m->tc, &m->te, tc, te, pkt_len, pkt_color);
}

static inline enum rte_color
rte_meter_srtcm_color_blind_check(struct rte_meter_srtcm *m,
	struct rte_meter_srtcm_profile *p,
	uint64_t time,
	uint32_t pkt_len)
{
	/* colour-blind is colour-aware for a packet that comes green */
	return rte_meter_srtcm_color_aware_check(m, p, time, pkt_len, RTE_COLOR_GREEN);
}

static inline enum rte_color
rte_meter_trtcm_color_aware_check(struct rte_meter_trtcm *m,
	struct rte_meter_trtcm_profile *p,
	uint64_t time,
	uint32_t pkt_len,
	enum rte_color pkt_color)
{
	uint64_t tc = __rte_meter_tb_fill(m->tc, __rte_meter_tb_earned(&m->time_tc, time,
		p->cir_period, p->cir_period_inv, p->cir_bytes_per_period), p->cbs);
	uint64_t tp = __rte_meter_tb_fill(m->tp, __rte_meter_tb_earned(&m->time_tp, time,
		p->pir_period, p->pir_period_inv, p->pir_bytes_per_period), p->pbs);
	enum rte_color out;

	/* over the peak: red and nothing taken; over the committed rate: taken from peak only */
	if (pkt_color == RTE_COLOR_RED || tp < pkt_len) {
		out = RTE_COLOR_RED;
	} else if (pkt_color == RTE_COLOR_YELLOW || tc < pkt_len) {
		tp -= pkt_len;
		out = RTE_COLOR_YELLOW;
	} else {
		tc -= pkt_len;
		tp -= pkt_len;
		out = RTE_COLOR_GREEN;
	}
	m->tc = tc;
	m->tp = tp;
	return out;
}

static inline enum rte_color
rte_meter_trtcm_color_blind_check(struct rte_meter_trtcm *m,
	struct rte_meter_trtcm_profile *p,
	uint64_t time,
	uint32_t pkt_len)
{
	return rte_meter_trtcm_color_aware_check(m, p, time, pkt_len, RTE_COLOR_GREEN);
}

static inline enum rte_color
rte_meter_trtcm_rfc4115_color_aware_check(
	struct rte_meter_trtcm_rfc4115 *m,
	struct rte_meter_trtcm_rfc4115_profile *p,
	uint64_t time,
	uint32_t pkt_len,
	enum rte_color pkt_color)
{
	/* unlike srTCM the excess bucket has its own rate and gets no spill-over */
	uint64_t tc = __rte_meter_tb_fill(m->tc, __rte_meter_tb_earned(&m->time_tc, time,
		p->cir_period, p->cir_period_inv, p->cir_bytes_per_period), p->cbs);
	uint64_t te = __rte_meter_tb_fill(m->te, __rte_meter_tb_earned(&m->time_te, time,
		p->eir_period, p->eir_period_inv, p->eir_bytes_per_period), p->ebs);

	return __rte_meter_ce_color(&m->tc, &m->te, tc, te, pkt_len, pkt_color);
}

static inline enum rte_color
rte_meter_trtcm_rfc4115_color_blind_check(
	struct rte_meter_trtcm_rfc4115 *m,
	struct rte_meter_trtcm_rfc4115_profile *p,
	uint64_t time,
	uint32_t pkt_len)
{
	return rte_meter_trtcm_rfc4115_color_aware_check(m, p, time, pkt_len,
		RTE_COLOR_GREEN);
}

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_METER_H__ */
