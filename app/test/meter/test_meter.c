/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Meters: structure layouts that inline code in applications relies on, profile errors, the
 * conversion of rates to periods, and the colours of known traffic patterns on a made-up TSC
 * timeline (the checks take the time as a parameter, so every expectation is exact).
 */
#include "test_eal_main.h"

#include <inttypes.h>
#include <stddef.h>

#include <rte_cycles.h>
#include <rte_meter.h>

static void
test_layout(void **state)
{
	(void)state;
	assert_int_equal(RTE_COLOR_GREEN, 0);
	assert_int_equal(RTE_COLOR_YELLOW, 1);
	assert_int_equal(RTE_COLOR_RED, 2);
	assert_int_equal(RTE_COLORS, 3);
	assert_int_equal(sizeof(struct rte_meter_srtcm_params), 24);
	assert_int_equal(sizeof(struct rte_meter_trtcm_params), 32);
	assert_int_equal(sizeof(struct rte_meter_trtcm_rfc4115_params), 32);
	/* the profiles hold a reciprocal per rate beside DPDK's fields; the flows' states match */
	assert_int_equal(sizeof(struct rte_meter_srtcm_profile), 40);
	assert_int_equal(offsetof(struct rte_meter_srtcm_profile, cir_period), 16);
	assert_int_equal(sizeof(struct rte_meter_srtcm), 24);
	assert_int_equal(offsetof(struct rte_meter_srtcm, te), 16);
	assert_int_equal(sizeof(struct rte_meter_trtcm_profile), 64);
	assert_int_equal(offsetof(struct rte_meter_trtcm_profile, pir_period), 40);
	assert_int_equal(sizeof(struct rte_meter_trtcm), 32);
	assert_int_equal(offsetof(struct rte_meter_trtcm, tc), 16);
	assert_int_equal(sizeof(struct rte_meter_trtcm_rfc4115_profile), 64);
	assert_int_equal(offsetof(struct rte_meter_trtcm_rfc4115_profile, eir_period), 40);
	assert_int_equal(sizeof(struct rte_meter_trtcm_rfc4115), 32);
	assert_int_equal(offsetof(struct rte_meter_trtcm_rfc4115, te), 24);
}

static void
test_profile_errors(void **state)
{
	struct rte_meter_srtcm_params sp = { .cir = 1000, .cbs = 100, .ebs = 100 };
	struct rte_meter_trtcm_params tp = { .cir = 1000, .pir = 2000, .cbs = 100, .pbs = 100 };
	struct rte_meter_trtcm_rfc4115_params rp = { .cir = 1000, .eir = 1000, .cbs = 100,
		.ebs = 100 };
	struct rte_meter_srtcm_profile sprof, sprof0;
	struct rte_meter_trtcm_profile tprof, tprof0;
	struct rte_meter_trtcm_rfc4115_profile rprof, rprof0;
	struct rte_meter_srtcm sm;
	struct rte_meter_trtcm tm;
	struct rte_meter_trtcm_rfc4115 rm;

	(void)state;
	memset(&sprof, 0xa5, sizeof(sprof));
	memset(&tprof, 0xa5, sizeof(tprof));
	memset(&rprof, 0xa5, sizeof(rprof));
	sprof0 = sprof;
	tprof0 = tprof;
	rprof0 = rprof;

	assert_int_equal(rte_meter_srtcm_profile_config(NULL, &sp), -EINVAL);
	assert_int_equal(rte_meter_srtcm_profile_config(&sprof, NULL), -EINVAL);
	sp.cir = 0;
	assert_int_equal(rte_meter_srtcm_profile_config(&sprof, &sp), -EINVAL);
	sp.cir = 1000;
	sp.cbs = 0;
	sp.ebs = 0;
	assert_int_equal(rte_meter_srtcm_profile_config(&sprof, &sp), -EINVAL);
	assert_memory_equal(&sprof, &sprof0, sizeof(sprof));
	/* one burst size of 0 is enough */
	sp.ebs = 1;
	assert_int_equal(rte_meter_srtcm_profile_config(&sprof, &sp), 0);

	assert_int_equal(rte_meter_trtcm_profile_config(NULL, &tp), -EINVAL);
	assert_int_equal(rte_meter_trtcm_profile_config(&tprof, NULL), -EINVAL);
	tp.cir = 0;
	assert_int_equal(rte_meter_trtcm_profile_config(&tprof, &tp), -EINVAL);
	tp.cir = 1000;
	tp.pir = 0;
	assert_int_equal(rte_meter_trtcm_profile_config(&tprof, &tp), -EINVAL);
	tp.pir = 999; /* pir < cir */
	assert_int_equal(rte_meter_trtcm_profile_config(&tprof, &tp), -EINVAL);
	tp.pir = 1000;
	tp.cbs = 0;
	assert_int_equal(rte_meter_trtcm_profile_config(&tprof, &tp), -EINVAL);
	tp.cbs = 100;
	tp.pbs = 0;
	assert_int_equal(rte_meter_trtcm_profile_config(&tprof, &tp), -EINVAL);
	assert_memory_equal(&tprof, &tprof0, sizeof(tprof));
	tp.pbs = 100; /* pir == cir is allowed */
	assert_int_equal(rte_meter_trtcm_profile_config(&tprof, &tp), 0);

	assert_int_equal(rte_meter_trtcm_rfc4115_profile_config(NULL, &rp), -EINVAL);
	assert_int_equal(rte_meter_trtcm_rfc4115_profile_config(&rprof, NULL), -EINVAL);
	rp.cir = 1000;
	rp.cbs = 0;
	assert_int_equal(rte_meter_trtcm_rfc4115_profile_config(&rprof, &rp), -EINVAL);
	rp.cbs = 100;
	rp.eir = 1000;
	rp.ebs = 0;
	assert_int_equal(rte_meter_trtcm_rfc4115_profile_config(&rprof, &rp), -EINVAL);
	assert_memory_equal(&rprof, &rprof0, sizeof(rprof));
	/* a rate of 0 needs no burst size, and its bucket never fills */
	rp.eir = 0;
	assert_int_equal(rte_meter_trtcm_rfc4115_profile_config(&rprof, &rp), 0);
	assert_int_equal(rprof.eir_bytes_per_period, 0);
	assert_true(rprof.eir_period > 0);
	rp.cir = 0;
	rp.cbs = 0;
	rp.eir = 1000;
	rp.ebs = 100;
	assert_int_equal(rte_meter_trtcm_rfc4115_profile_config(&rprof, &rp), 0);
	assert_int_equal(rprof.cir_bytes_per_period, 0);
	/* as in DPDK, both rates may be 0 (a meter that colours everything red) */
	rp.eir = 0;
	rp.ebs = 0;
	assert_int_equal(rte_meter_trtcm_rfc4115_profile_config(&rprof, &rp), 0);
	assert_int_equal(rprof.cir_period, 100);
	assert_int_equal(rprof.eir_period, 100);
	assert_int_equal(rprof.eir_bytes_per_period, 0);
	assert_int_equal(rte_meter_trtcm_rfc4115_config(&rm, &rprof), 0);
	assert_int_equal(rte_meter_trtcm_rfc4115_color_blind_check(&rm, &rprof,
		rm.time_tc + 1000000, 1), RTE_COLOR_RED);

	assert_int_equal(rte_meter_srtcm_config(NULL, &sprof), -EINVAL);
	assert_int_equal(rte_meter_srtcm_config(&sm, NULL), -EINVAL);
	assert_int_equal(rte_meter_trtcm_config(NULL, &tprof), -EINVAL);
	assert_int_equal(rte_meter_trtcm_config(&tm, NULL), -EINVAL);
	assert_int_equal(rte_meter_trtcm_rfc4115_config(NULL, &rprof), -EINVAL);
	assert_int_equal(rte_meter_trtcm_rfc4115_config(&rm, NULL), -EINVAL);
}

static void
test_rates(void **state)
{
	uint64_t hz = rte_get_tsc_hz();
	struct rte_meter_srtcm_params sp = { .cir = 1000000, .cbs = 1, .ebs = 0 };
	struct rte_meter_srtcm_profile prof;
	struct rte_meter_srtcm m;
	uint64_t before, after;

	(void)state;
	assert_true(hz >= 1000000000ULL / 10);
	/* a slow rate: one byte every hz / rate cycles */
	assert_int_equal(rte_meter_srtcm_profile_config(&prof, &sp), 0);
	assert_int_equal(prof.cir_bytes_per_period, 1);
	assert_int_equal(prof.cir_period, hz / sp.cir);
	assert_int_equal(prof.cbs, 1);
	assert_int_equal(prof.ebs, 0);
	/* one byte per cycle: 100 bytes every 100 cycles */
	sp.cir = hz;
	assert_int_equal(rte_meter_srtcm_profile_config(&prof, &sp), 0);
	assert_int_equal(prof.cir_bytes_per_period, 100);
	assert_int_equal(prof.cir_period, 100);
	/* ten bytes per cycle */
	sp.cir = hz * 10;
	assert_int_equal(rte_meter_srtcm_profile_config(&prof, &sp), 0);
	assert_int_equal(prof.cir_bytes_per_period, 1000);
	assert_int_equal(prof.cir_period, 100);

	/* a flow starts with full buckets, now */
	sp.cbs = 300;
	sp.ebs = 200;
	assert_int_equal(rte_meter_srtcm_profile_config(&prof, &sp), 0);
	before = rte_get_tsc_cycles();
	assert_int_equal(rte_meter_srtcm_config(&m, &prof), 0);
	after = rte_get_tsc_cycles();
	assert_true(m.time >= before && m.time <= after);
	assert_int_equal(m.tc, 300);
	assert_int_equal(m.te, 200);
}

/*
 * The checks count whole periods since the last refill with a multiplication by the period's
 * reciprocal while the gap is below 2^32 cycles, and divide beyond. Around every multiple of
 * the period, for periods from the smallest to a second of cycles, the refill time must move
 * by exactly the periods a division gives, on both sides of 2^32.
 */
static void
test_whole_periods(void **state)
{
	static const uint64_t rates[] = { 1, 3, 977, 1000003, 33333331, 1ULL << 32,
		5000000000ULL, 123456789012ULL };
	uint64_t hz = rte_get_tsc_hz(), gaps[8], period, k, g;
	struct rte_meter_srtcm_params sp = { .cbs = 1, .ebs = 1 };
	struct rte_meter_srtcm_profile p;
	struct rte_meter_srtcm m;
	unsigned int r, i, n;

	(void)state;
	for (r = 0; r < RTE_DIM(rates); r++) {
		sp.cir = rates[r];
		assert_int_equal(rte_meter_srtcm_profile_config(&p, &sp), 0);
		period = p.cir_period;
		for (k = 1; k <= (1ULL << 36) / period; k = k * 3 + 1) {
			n = 0;
			gaps[n++] = k * period - 1;
			gaps[n++] = k * period;
			gaps[n++] = k * period + 1;
			gaps[n++] = k * period + period - 1;
			if (k == 1) {
				gaps[n++] = 0;
				gaps[n++] = UINT32_MAX;
				gaps[n++] = (uint64_t)UINT32_MAX + 1;
				gaps[n++] = hz;
			}
			for (i = 0; i < n; i++) {
				g = gaps[i];
				m.time = 1000;
				m.tc = 0;
				m.te = 0;
				rte_meter_srtcm_color_blind_check(&m, &p, 1000 + g, UINT32_MAX);
				if (m.time != 1000 + g / period * period)
					fail_msg("period %" PRIu64 ", gap %" PRIu64 ": refill at +%"
						PRIu64 ", want +%" PRIu64, period, g, m.time - 1000,
						g / period * period);
			}
		}
	}
}

/* Cycles in which a bucket of this profile earns bytes (a multiple of bytes_per_period). */
static uint64_t
cycles_for(uint64_t period, uint64_t bytes_per_period, uint64_t bytes)
{
	assert_int_equal(bytes % bytes_per_period, 0);
	return bytes / bytes_per_period * period;
}

#define RATE 1000000 /* bytes per second: at least 100 cycles per byte on any TSC */

static void
test_srtcm(void **state)
{
	struct rte_meter_srtcm_params params = { .cir = RATE, .cbs = 3000, .ebs = 2000 };
	struct rte_meter_srtcm_profile p;
	struct rte_meter_srtcm m;
	const uint32_t len = 1000;
	unsigned int i, n[RTE_COLORS] = { 0 };
	uint64_t t, step;

	(void)state;
	assert_int_equal(rte_meter_srtcm_profile_config(&p, &params), 0);
	assert_int_equal(rte_meter_srtcm_config(&m, &p), 0);
	m.time = 0;

	/* a burst: three packets fit in C, two in E, the last is red */
	assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_GREEN);
	assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_GREEN);
	assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_GREEN);
	assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_YELLOW);
	assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_YELLOW);
	assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_RED);
	assert_int_equal(m.tc, 0);
	assert_int_equal(m.te, 0);

	/* 4000 bytes of time: C fills to 3000, the 1000 over spill into E */
	t = cycles_for(p.cir_period, p.cir_bytes_per_period, 4000);
	assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, t, len), RTE_COLOR_GREEN);
	assert_int_equal(m.tc, 2000);
	assert_int_equal(m.te, 1000);
	/* less than one period later nothing is earned: a packet of 2001 bytes fits nowhere */
	assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, t + p.cir_period - 1, 2001),
		RTE_COLOR_RED);
	assert_int_equal(m.tc, 2000);
	assert_int_equal(m.te, 1000);
	/* ...but the part of the period counted: one cycle later the period is complete */
	assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, t + p.cir_period,
		2000 + (uint32_t)p.cir_bytes_per_period), RTE_COLOR_GREEN);
	assert_int_equal(m.tc, 0);
	assert_int_equal(m.time, t + p.cir_period);

	/*
	 * A constant stream at twice CIR with CBS of one packet and EBS of two: every other
	 * packet is green; the ones between drain E (it only refills when C overflows, which a
	 * stream over CIR never lets happen), so two are yellow and the rest red.
	 */
	params.cbs = len;
	params.ebs = 2 * len;
	assert_int_equal(rte_meter_srtcm_profile_config(&p, &params), 0);
	assert_int_equal(rte_meter_srtcm_config(&m, &p), 0);
	m.time = 1000; /* anywhere on the timeline */
	step = cycles_for(p.cir_period, p.cir_bytes_per_period, len / 2);
	for (i = 0; i < 100; i++) {
		enum rte_color c = rte_meter_srtcm_color_blind_check(&m, &p, 1000 + i * step, len);
		enum rte_color want = i % 2 == 0 ? RTE_COLOR_GREEN :
			i < 4 ? RTE_COLOR_YELLOW : RTE_COLOR_RED;

		assert_int_equal(c, want);
		n[c]++;
	}
	assert_int_equal(n[RTE_COLOR_GREEN], 50);
	assert_int_equal(n[RTE_COLOR_YELLOW], 2);
	assert_int_equal(n[RTE_COLOR_RED], 48);

	/* a stream at CIR stays green */
	assert_int_equal(rte_meter_srtcm_config(&m, &p), 0);
	m.time = 0;
	for (i = 0; i < 100; i++)
		assert_int_equal(rte_meter_srtcm_color_blind_check(&m, &p, i * 2 * step, len),
			RTE_COLOR_GREEN);
}

static void
test_srtcm_aware(void **state)
{
	struct rte_meter_srtcm_params params = { .cir = RATE, .cbs = 1000, .ebs = 1000 };
	struct rte_meter_srtcm_profile p;
	struct rte_meter_srtcm m;

	(void)state;
	assert_int_equal(rte_meter_srtcm_profile_config(&p, &params), 0);
	assert_int_equal(rte_meter_srtcm_config(&m, &p), 0);
	m.time = 0;
	/* red stays red and takes nothing */
	assert_int_equal(rte_meter_srtcm_color_aware_check(&m, &p, 0, 500, RTE_COLOR_RED),
		RTE_COLOR_RED);
	assert_int_equal(m.tc, 1000);
	assert_int_equal(m.te, 1000);
	/* yellow takes from E even with C full */
	assert_int_equal(rte_meter_srtcm_color_aware_check(&m, &p, 0, 600, RTE_COLOR_YELLOW),
		RTE_COLOR_YELLOW);
	assert_int_equal(m.tc, 1000);
	assert_int_equal(m.te, 400);
	assert_int_equal(rte_meter_srtcm_color_aware_check(&m, &p, 0, 600, RTE_COLOR_YELLOW),
		RTE_COLOR_RED);
	/* green takes from C, then falls to E, then to red */
	assert_int_equal(rte_meter_srtcm_color_aware_check(&m, &p, 0, 700, RTE_COLOR_GREEN),
		RTE_COLOR_GREEN);
	assert_int_equal(rte_meter_srtcm_color_aware_check(&m, &p, 0, 400, RTE_COLOR_GREEN),
		RTE_COLOR_YELLOW);
	assert_int_equal(m.tc, 300);
	assert_int_equal(m.te, 0);
	assert_int_equal(rte_meter_srtcm_color_aware_check(&m, &p, 0, 301, RTE_COLOR_GREEN),
		RTE_COLOR_RED);
	assert_int_equal(m.tc, 300);
}

static void
test_trtcm(void **state)
{
	struct rte_meter_trtcm_params params = { .cir = RATE, .pir = 2 * RATE, .cbs = 2000,
		.pbs = 3000 };
	struct rte_meter_trtcm_profile p;
	struct rte_meter_trtcm m;
	const uint32_t len = 1000;
	unsigned int i, n[RTE_COLORS] = { 0 };
	uint64_t step;

	(void)state;
	assert_int_equal(rte_meter_trtcm_profile_config(&p, &params), 0);
	assert_int_equal(rte_meter_trtcm_config(&m, &p), 0);
	assert_int_equal(m.time_tc, m.time_tp);
	m.time_tc = 0;
	m.time_tp = 0;
	/* a burst: green while both buckets have room, yellow from P alone, then red */
	assert_int_equal(rte_meter_trtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_GREEN);
	assert_int_equal(rte_meter_trtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_GREEN);
	assert_int_equal(rte_meter_trtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_YELLOW);
	assert_int_equal(rte_meter_trtcm_color_blind_check(&m, &p, 0, len), RTE_COLOR_RED);
	assert_int_equal(m.tc, 0);
	assert_int_equal(m.tp, 0);
	/* red took nothing: after P earned one packet, a yellow one goes through */
	step = cycles_for(p.pir_period, p.pir_bytes_per_period, len);
	assert_int_equal(rte_meter_trtcm_color_blind_check(&m, &p, step, len), RTE_COLOR_YELLOW);

	/*
	 * A stream at twice CIR, that is at PIR, with CBS of one packet: C earns half a packet
	 * per packet, P a whole one, so green and yellow alternate and nothing is red.
	 */
	params.cbs = len;
	params.pbs = 2 * len;
	assert_int_equal(rte_meter_trtcm_profile_config(&p, &params), 0);
	assert_int_equal(rte_meter_trtcm_config(&m, &p), 0);
	m.time_tc = 0;
	m.time_tp = 0;
	step = cycles_for(p.cir_period, p.cir_bytes_per_period, len / 2);
	for (i = 0; i < 100; i++) {
		enum rte_color c = rte_meter_trtcm_color_blind_check(&m, &p, i * step, len);

		assert_int_equal(c, i % 2 == 0 ? RTE_COLOR_GREEN : RTE_COLOR_YELLOW);
		n[c]++;
	}
	assert_int_equal(n[RTE_COLOR_GREEN], 50);
	assert_int_equal(n[RTE_COLOR_YELLOW], 50);
	assert_int_equal(n[RTE_COLOR_RED], 0);

	/* four times CIR: the peak bucket runs dry after its burst, half the packets are red */
	assert_int_equal(rte_meter_trtcm_config(&m, &p), 0);
	m.time_tc = 0;
	m.time_tp = 0;
	memset(n, 0, sizeof(n));
	for (i = 0; i < 100; i++)
		n[rte_meter_trtcm_color_blind_check(&m, &p, i * step / 2, len)]++;
	assert_int_equal(n[RTE_COLOR_GREEN] + n[RTE_COLOR_YELLOW] + n[RTE_COLOR_RED], 100);
	assert_true(n[RTE_COLOR_RED] >= 48 && n[RTE_COLOR_RED] <= 50);
	assert_true(n[RTE_COLOR_GREEN] >= 25 && n[RTE_COLOR_GREEN] <= 27);
}

static void
test_trtcm_aware(void **state)
{
	struct rte_meter_trtcm_params params = { .cir = RATE, .pir = RATE, .cbs = 1000,
		.pbs = 2000 };
	struct rte_meter_trtcm_profile p;
	struct rte_meter_trtcm m;

	(void)state;
	assert_int_equal(rte_meter_trtcm_profile_config(&p, &params), 0);
	assert_int_equal(rte_meter_trtcm_config(&m, &p), 0);
	m.time_tc = 0;
	m.time_tp = 0;
	assert_int_equal(rte_meter_trtcm_color_aware_check(&m, &p, 0, 100, RTE_COLOR_RED),
		RTE_COLOR_RED);
	assert_int_equal(m.tc, 1000);
	assert_int_equal(m.tp, 2000);
	/* yellow in: P only, even with C full */
	assert_int_equal(rte_meter_trtcm_color_aware_check(&m, &p, 0, 500, RTE_COLOR_YELLOW),
		RTE_COLOR_YELLOW);
	assert_int_equal(m.tc, 1000);
	assert_int_equal(m.tp, 1500);
	assert_int_equal(rte_meter_trtcm_color_aware_check(&m, &p, 0, 1000, RTE_COLOR_GREEN),
		RTE_COLOR_GREEN);
	assert_int_equal(m.tc, 0);
	assert_int_equal(m.tp, 500);
	assert_int_equal(rte_meter_trtcm_color_aware_check(&m, &p, 0, 500, RTE_COLOR_GREEN),
		RTE_COLOR_YELLOW);
	assert_int_equal(rte_meter_trtcm_color_aware_check(&m, &p, 0, 1, RTE_COLOR_GREEN),
		RTE_COLOR_RED);
}

static void
test_rfc4115(void **state)
{
	struct rte_meter_trtcm_rfc4115_params params = { .cir = RATE, .eir = RATE, .cbs = 1000,
		.ebs = 1000 };
	struct rte_meter_trtcm_rfc4115_profile p;
	struct rte_meter_trtcm_rfc4115 m;
	const uint32_t len = 1000;
	unsigned int i;
	uint64_t step;

	(void)state;
	assert_int_equal(rte_meter_trtcm_rfc4115_profile_config(&p, &params), 0);
	assert_int_equal(rte_meter_trtcm_rfc4115_config(&m, &p), 0);
	assert_int_equal(m.tc, 1000);
	assert_int_equal(m.te, 1000);
	m.time_tc = 0;
	m.time_te = 0;
	/*
	 * Twice CIR with EIR = CIR: E earns on its own (no spill-over as in srTCM), so green
	 * and yellow alternate for ever where srTCM would turn red.
	 */
	step = cycles_for(p.cir_period, p.cir_bytes_per_period, len / 2);
	for (i = 0; i < 100; i++)
		assert_int_equal(rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, i * step, len),
			i % 2 == 0 ? RTE_COLOR_GREEN : RTE_COLOR_YELLOW);

	/* colour-aware: red takes nothing, yellow only E */
	assert_int_equal(rte_meter_trtcm_rfc4115_config(&m, &p), 0);
	m.time_tc = 0;
	m.time_te = 0;
	assert_int_equal(rte_meter_trtcm_rfc4115_color_aware_check(&m, &p, 0, 10,
		RTE_COLOR_RED), RTE_COLOR_RED);
	assert_int_equal(rte_meter_trtcm_rfc4115_color_aware_check(&m, &p, 0, 600,
		RTE_COLOR_YELLOW), RTE_COLOR_YELLOW);
	assert_int_equal(m.tc, 1000);
	assert_int_equal(m.te, 400);
	assert_int_equal(rte_meter_trtcm_rfc4115_color_aware_check(&m, &p, 0, 600,
		RTE_COLOR_GREEN), RTE_COLOR_GREEN);
	assert_int_equal(rte_meter_trtcm_rfc4115_color_aware_check(&m, &p, 0, 600,
		RTE_COLOR_GREEN), RTE_COLOR_RED);
	assert_int_equal(rte_meter_trtcm_rfc4115_color_aware_check(&m, &p, 0, 400,
		RTE_COLOR_GREEN), RTE_COLOR_GREEN);
	assert_int_equal(m.tc, 0);
	assert_int_equal(m.te, 400);

	/* no committed rate: everything within EIR is yellow */
	params.cir = 0;
	params.cbs = 0;
	assert_int_equal(rte_meter_trtcm_rfc4115_profile_config(&p, &params), 0);
	assert_int_equal(rte_meter_trtcm_rfc4115_config(&m, &p), 0);
	m.time_tc = 0;
	m.time_te = 0;
	step = cycles_for(p.eir_period, p.eir_bytes_per_period, len);
	for (i = 0; i < 10; i++)
		assert_int_equal(rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, i * step, len),
			RTE_COLOR_YELLOW);
	assert_int_equal(rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, 9 * step, 1),
		RTE_COLOR_RED);
}

int
main(void)
{
	static const char *const args[] = { "test_meter", "--no-huge", "-m", "16", "-l", "0",
		"--no-pci", "--file-prefix=test_meter", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_profile_errors),
		cmocka_unit_test(test_rates),
		cmocka_unit_test(test_whole_periods),
		cmocka_unit_test(test_srtcm),
		cmocka_unit_test(test_srtcm_aware),
		cmocka_unit_test(test_trtcm),
		cmocka_unit_test(test_trtcm_aware),
		cmocka_unit_test(test_rfc4115),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
