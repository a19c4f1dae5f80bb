/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Scheduler: struct layouts, every configuration error, packet metadata, strict priority
 * between traffic classes, weighted round robin between best-effort queues, shaping by the
 * port, pipe and traffic class rates against the TSC, congestion management and statistics.
 *
 * The scheduler reads the TSC itself, so the shaping cases measure the cycles that elapsed
 * around them: what was sent may never exceed rate x elapsed time plus the initial burst
 * (exact), and must reach most of it (generous, as the machine may stop this process).
 */
#include "test_eal_main.h"

#include <stddef.h>
#include <time.h>

#include <rte_cycles.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_pause.h>
#include <rte_sched.h>

#include "test_sched.h"

#define PORT_RATE 1250000000ULL	/* 10 Gbit/s */
#define PKT_LEN 64
#define OVERHEAD RTE_SCHED_FRAME_OVERHEAD_DEFAULT
#define N_TC RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE
#define TC_BE RTE_SCHED_TRAFFIC_CLASS_BE

static struct rte_mempool *pool;

static struct rte_sched_subport_profile_params subport_profile;
static struct rte_sched_pipe_params pipe_profiles[2];
static struct rte_sched_subport_params subport_params;
static struct rte_sched_port_params port_params;

/* A port at PORT_RATE with 4 subports of 4 pipes (of at most 8), no rate below the port's. */
static void
params_reset(void)
{
	unsigned int i;

	memset(&subport_profile, 0, sizeof(subport_profile));
	subport_profile.tb_rate = PORT_RATE;
	subport_profile.tb_size = 1000000;
	for (i = 0; i < N_TC; i++)
		subport_profile.tc_rate[i] = PORT_RATE;
	subport_profile.tc_period = 10;

	memset(pipe_profiles, 0, sizeof(pipe_profiles));
	for (i = 0; i < 2; i++) {
		unsigned int j;

		pipe_profiles[i].tb_rate = PORT_RATE / (i + 1);
		pipe_profiles[i].tb_size = 1000000;
		for (j = 0; j < N_TC; j++)
			pipe_profiles[i].tc_rate[j] = PORT_RATE / (i + 1);
		pipe_profiles[i].tc_period = 10;
		pipe_profiles[i].tc_ov_weight = 1;
		for (j = 0; j < RTE_SCHED_BE_QUEUES_PER_PIPE; j++)
			pipe_profiles[i].wrr_weights[j] = 1;
	}

	memset(&subport_params, 0, sizeof(subport_params));
	subport_params.n_pipes_per_subport_enabled = 4;
	for (i = 0; i < N_TC; i++)
		subport_params.qsize[i] = 64;
	subport_params.pipe_profiles = pipe_profiles;
	subport_params.n_pipe_profiles = 1;
	subport_params.n_max_pipe_profiles = 2;

	memset(&port_params, 0, sizeof(port_params));
	port_params.name = "test_sched";
	port_params.socket = 0;
	port_params.rate = PORT_RATE;
	port_params.mtu = 1500;
	port_params.frame_overhead = OVERHEAD;
	port_params.n_subports_per_port = 4;
	port_params.subport_profiles = &subport_profile;
	port_params.n_subport_profiles = 1;
	port_params.n_max_subport_profiles = 2;
	port_params.n_pipes_per_subport = 8;
}

/* A port with subport 0 and its pipes configured with profile 0. */
static struct rte_sched_port *
port_make(void)
{
	struct rte_sched_port *port = rte_sched_port_config(&port_params);
	uint32_t i;

	assert_non_null(port);
	assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), 0);
	for (i = 0; i < subport_params.n_pipes_per_subport_enabled; i++)
		assert_int_equal(rte_sched_pipe_config(port, 0, i, 0), 0);
	return port;
}

static struct rte_mbuf *
pkt_make(struct rte_sched_port *port, uint32_t pipe, uint32_t tc, uint32_t queue,
	uint16_t len)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);

	assert_non_null(m);
	assert_non_null(rte_pktmbuf_append(m, len));
	rte_sched_port_pkt_write(port, m, 0, pipe, tc, queue, RTE_COLOR_GREEN);
	return m;
}

static int
enqueue_one(struct rte_sched_port *port, uint32_t pipe, uint32_t tc, uint32_t queue,
	uint16_t len)
{
	struct rte_mbuf *m = pkt_make(port, pipe, tc, queue, len);

	return rte_sched_port_enqueue(port, &m, 1);
}

/* Dequeue up to n packets, waiting for the port to allow them; returns how many came. */
static uint32_t
drain(struct rte_sched_port *port, struct rte_mbuf **out, uint32_t n)
{
	uint64_t deadline = rte_get_tsc_cycles() + rte_get_tsc_hz();
	uint32_t got = 0;

	while (got < n && rte_get_tsc_cycles() < deadline) {
		int r = rte_sched_port_dequeue(port, out + got, n - got);

		assert_true(r >= 0);
		got += (uint32_t)r;
	}
	return got;
}

static void
free_all(struct rte_mbuf **m, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		rte_pktmbuf_free(m[i]);
}

static void
test_layout(void **state)
{
	(void)state;
	/* the sizes and offsets of DPDK 22.11's structs */
	assert_int_equal(sizeof(struct rte_sched_pipe_params), 136);
	assert_int_equal(offsetof(struct rte_sched_pipe_params, tc_ov_weight), 128);
	assert_int_equal(offsetof(struct rte_sched_pipe_params, wrr_weights), 129);
	assert_int_equal(sizeof(struct rte_sched_cman_params), 316);
	assert_int_equal(sizeof(struct rte_sched_subport_params), 56);
	assert_int_equal(offsetof(struct rte_sched_subport_params, pipe_profiles), 32);
	assert_int_equal(offsetof(struct rte_sched_subport_params, cman_params), 48);
	assert_int_equal(sizeof(struct rte_sched_subport_profile_params), 128);
	assert_int_equal(sizeof(struct rte_sched_subport_stats), 520);
	assert_int_equal(sizeof(struct rte_sched_queue_stats), 40);
	assert_int_equal(sizeof(struct rte_sched_port_params), 64);
	assert_int_equal(offsetof(struct rte_sched_port_params, n_pipes_per_subport), 56);
	assert_int_equal(sizeof(struct rte_red_params), 8);
	assert_int_equal(sizeof(struct rte_red_config), 16);
	assert_int_equal(sizeof(struct rte_red), 16);
	assert_int_equal(sizeof(struct rte_pie_params), 8);
	assert_int_equal(sizeof(struct rte_pie_config), 32);
	assert_int_equal(sizeof(struct rte_pie), 80);
	assert_int_equal(offsetof(struct rte_pie, drop_prob), 64);
	assert_int_equal(RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE, 13);
	assert_int_equal(RTE_SCHED_TRAFFIC_CLASS_BE, 12);
}

static void
test_port_config_errors(void **state)
{
	(void)state;
	params_reset();
	assert_null(rte_sched_port_config(NULL));
#define PORT_BAD(field, value) do { \
		params_reset(); \
		port_params.field = value; \
		assert_null(rte_sched_port_config(&port_params)); \
	} while (0)
	PORT_BAD(socket, -1);
	PORT_BAD(rate, 0);
	PORT_BAD(mtu, 0);
	PORT_BAD(n_subports_per_port, 0);
	PORT_BAD(n_subports_per_port, 3);
	PORT_BAD(n_subports_per_port, 1u << 17);
	PORT_BAD(subport_profiles, NULL);
	PORT_BAD(n_subport_profiles, 0);
	PORT_BAD(n_max_subport_profiles, 0);
	PORT_BAD(n_subport_profiles, 3);
	PORT_BAD(n_pipes_per_subport, 0);
	PORT_BAD(n_pipes_per_subport, 6);
#undef PORT_BAD
#define PROFILE_BAD(field, value) do { \
		params_reset(); \
		subport_profile.field = value; \
		assert_null(rte_sched_port_config(&port_params)); \
	} while (0)
	PROFILE_BAD(tb_rate, 0);
	PROFILE_BAD(tb_rate, PORT_RATE + 1);
	PROFILE_BAD(tb_size, 0);
	PROFILE_BAD(tc_rate[3], 0);
	PROFILE_BAD(tc_rate[TC_BE], PORT_RATE + 1);
	PROFILE_BAD(tc_period, 0);
#undef PROFILE_BAD
}

static void
test_subport_config_errors(void **state)
{
	struct rte_sched_cman_params cman;
	struct rte_sched_port *port;

	(void)state;
	params_reset();
	port = rte_sched_port_config(&port_params);
	assert_non_null(port);
	assert_int_equal(rte_sched_subport_config(NULL, 0, &subport_params, 0), -EINVAL);
	assert_int_equal(rte_sched_subport_config(port, 4, &subport_params, 0), -EINVAL);
	assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 1), -EINVAL);
	assert_int_equal(rte_sched_subport_config(port, 0, NULL, 0), -EINVAL);
#define SUB_BAD(field, value) do { \
		params_reset(); \
		subport_params.field = value; \
		assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), -EINVAL); \
	} while (0)
	SUB_BAD(n_pipes_per_subport_enabled, 0);
	SUB_BAD(n_pipes_per_subport_enabled, 3);
	SUB_BAD(n_pipes_per_subport_enabled, 16);	/* above the port's 8 */
	SUB_BAD(qsize[2], 48);
	SUB_BAD(qsize[TC_BE], 0);
	SUB_BAD(pipe_profiles, NULL);
	SUB_BAD(n_pipe_profiles, 0);
	SUB_BAD(n_max_pipe_profiles, 0);
	SUB_BAD(n_pipe_profiles, 3);
#undef SUB_BAD
#define PIPE_BAD(field, value) do { \
		params_reset(); \
		pipe_profiles[0].field = value; \
		assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), -EINVAL); \
	} while (0)
	PIPE_BAD(tb_rate, 0);
	PIPE_BAD(tb_rate, PORT_RATE + 1);
	PIPE_BAD(tb_size, 0);
	PIPE_BAD(tc_rate[0], 0);
	PIPE_BAD(tc_rate[5], PORT_RATE + 1);
	PIPE_BAD(tc_period, 0);
	PIPE_BAD(tc_ov_weight, 0);
	PIPE_BAD(wrr_weights[2], 0);
#undef PIPE_BAD
	/* a class without queues may not have a rate */
	params_reset();
	subport_params.qsize[1] = 0;
	assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), -EINVAL);
	pipe_profiles[0].tc_rate[1] = 0;
	assert_int_equal(rte_sched_subport_config(port, 1, &subport_params, 0), 0);

	/* congestion management parameters */
	params_reset();
	memset(&cman, 0, sizeof(cman));
	cman.cman_mode = RTE_SCHED_CMAN_RED;
	cman.red_params[2][RTE_COLOR_YELLOW] = (struct rte_red_params){ .min_th = 20,
		.max_th = 10, .maxp_inv = 10, .wq_log2 = 9 };
	subport_params.cman_params = &cman;
	assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), -EINVAL);
	memset(&cman, 0, sizeof(cman));
	cman.cman_mode = RTE_SCHED_CMAN_PIE;
	for (int i = 0; i < N_TC; i++)
		cman.pie_params[i] = (struct rte_pie_params){ .qdelay_ref = 15,
			.dp_update_interval = 15, .max_burst = 150, .tailq_th = 64 };
	cman.pie_params[4].tailq_th = 65;	/* above qsize */
	assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), -EINVAL);
	cman.pie_params[4].tailq_th = 64;
	cman.pie_params[4].qdelay_ref = 0;
	assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), -EINVAL);
	cman.cman_mode = (enum rte_sched_cman_mode)7;
	assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), -EINVAL);
	cman.cman_mode = RTE_SCHED_CMAN_PIE;
	cman.pie_params[4].qdelay_ref = 15;
	assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), 0);
	/* configured: later calls only switch profiles */
	assert_int_equal(rte_sched_subport_config(port, 0, NULL, 0), 0);
	rte_sched_port_free(port);
	rte_sched_port_free(NULL);
}

static void
test_profile_add(void **state)
{
	struct rte_sched_subport_profile_params sp;
	struct rte_sched_pipe_params pp;
	struct rte_sched_port *port;
	uint32_t id = 77;

	(void)state;
	params_reset();
	port = port_make();
	sp = subport_profile;
	sp.tb_rate = PORT_RATE / 2;
	for (int i = 0; i < N_TC; i++)
		sp.tc_rate[i] = PORT_RATE / 2;
	assert_int_equal(rte_sched_port_subport_profile_add(NULL, &sp, &id), -EINVAL);
	assert_int_equal(rte_sched_port_subport_profile_add(port, NULL, &id), -EINVAL);
	assert_int_equal(rte_sched_port_subport_profile_add(port, &sp, NULL), -EINVAL);
	assert_int_equal(rte_sched_port_subport_profile_add(port, &subport_profile, &id), -EINVAL);
	sp.tc_rate[0] = PORT_RATE;	/* above its tb_rate */
	assert_int_equal(rte_sched_port_subport_profile_add(port, &sp, &id), -EINVAL);
	assert_int_equal(id, 77);
	sp.tc_rate[0] = PORT_RATE / 2;
	assert_int_equal(rte_sched_port_subport_profile_add(port, &sp, &id), 0);
	assert_int_equal(id, 1);
	sp.tb_size = 5;
	assert_int_equal(rte_sched_port_subport_profile_add(port, &sp, &id), -EINVAL); /* full */
	assert_int_equal(rte_sched_subport_config(port, 0, NULL, 1), 0);

	pp = pipe_profiles[0];
	pp.tb_rate = PORT_RATE / 4;
	for (int i = 0; i < N_TC; i++)
		pp.tc_rate[i] = PORT_RATE / 4;
	id = 77;
	assert_int_equal(rte_sched_subport_pipe_profile_add(NULL, 0, &pp, &id), -EINVAL);
	assert_int_equal(rte_sched_subport_pipe_profile_add(port, 4, &pp, &id), -EINVAL);
	assert_int_equal(rte_sched_subport_pipe_profile_add(port, 1, &pp, &id), -EINVAL);
	assert_int_equal(rte_sched_subport_pipe_profile_add(port, 0, NULL, &id), -EINVAL);
	assert_int_equal(rte_sched_subport_pipe_profile_add(port, 0, &pp, NULL), -EINVAL);
	assert_int_equal(rte_sched_subport_pipe_profile_add(port, 0, &pipe_profiles[0], &id),
		-EINVAL);
	pp.tc_period = 0;
	assert_int_equal(rte_sched_subport_pipe_profile_add(port, 0, &pp, &id), -EINVAL);
	assert_int_equal(id, 77);
	pp.tc_period = 10;
	assert_int_equal(rte_sched_subport_pipe_profile_add(port, 0, &pp, &id), 0);
	assert_int_equal(id, 1);
	pp.tb_size = 5;
	assert_int_equal(rte_sched_subport_pipe_profile_add(port, 0, &pp, &id), -EINVAL);
	assert_int_equal(rte_sched_pipe_config(port, 0, 1, 1), 0);
	rte_sched_port_free(port);
}

static void
test_pipe_config_errors(void **state)
{
	struct rte_sched_port *port;

	(void)state;
	params_reset();
	port = port_make();
	assert_int_equal(rte_sched_pipe_config(NULL, 0, 0, 0), -EINVAL);
	assert_int_equal(rte_sched_pipe_config(port, 4, 0, 0), -EINVAL);
	assert_int_equal(rte_sched_pipe_config(port, 1, 0, 0), -EINVAL);	/* not configured */
	assert_int_equal(rte_sched_pipe_config(port, 0, 4, 0), -EINVAL);	/* 4 enabled */
	assert_int_equal(rte_sched_pipe_config(port, 0, 0, 1), -EINVAL);	/* 1 profile */
	assert_int_equal(rte_sched_pipe_config(port, 0, 0, -1), 0);		/* disable */
	assert_int_equal(rte_sched_pipe_config(port, 0, 0, 0), 0);
	assert_int_equal(rte_sched_subport_tc_ov_config(NULL, 0, false), -EINVAL);
	assert_int_equal(rte_sched_subport_tc_ov_config(port, 4, false), -EINVAL);
	assert_int_equal(rte_sched_subport_tc_ov_config(port, 1, false), -EINVAL);
	assert_int_equal(rte_sched_subport_tc_ov_config(port, 0, false), 0);
	rte_sched_port_free(port);
}

static void
test_footprint(void **state)
{
	struct rte_sched_subport_params *sp[4] = { &subport_params, &subport_params,
		&subport_params, &subport_params };
	uint32_t one, more;

	(void)state;
	params_reset();
	one = rte_sched_port_get_memory_footprint(&port_params, sp);
	/* at least the packet rings: 4 subports x 4 pipes x 16 queues x 64 slots */
	assert_true(one >= 4 * 4 * 16 * 64 * sizeof(void *));
	subport_params.qsize[TC_BE] = 128;
	more = rte_sched_port_get_memory_footprint(&port_params, sp);
	assert_true(more >= one + 4 * 4 * 4 * 64 * sizeof(void *));
	assert_int_equal(rte_sched_port_get_memory_footprint(NULL, sp), 0);
	assert_int_equal(rte_sched_port_get_memory_footprint(&port_params, NULL), 0);
	subport_params.qsize[0] = 3;
	assert_int_equal(rte_sched_port_get_memory_footprint(&port_params, sp), 0);
	params_reset();
	port_params.n_pipes_per_subport = 5;
	assert_int_equal(rte_sched_port_get_memory_footprint(&port_params, sp), 0);
}

static void
test_pkt_metadata(void **state)
{
	struct rte_sched_port *port;
	uint32_t s, p, tc, q;
	struct rte_mbuf *m;

	(void)state;
	params_reset();
	port = rte_sched_port_config(&port_params);
	assert_non_null(port);
	m = rte_pktmbuf_alloc(pool);
	assert_non_null(m);
	/* 8 pipes: 3 bits of pipe above the 4 bits of queue */
	rte_sched_port_pkt_write(port, m, 3, 5, 7, 0, RTE_COLOR_YELLOW);
	assert_int_equal(rte_mbuf_sched_queue_get(m), (3u << 7) | (5u << 4) | 7);
	assert_int_equal(rte_mbuf_sched_traffic_class_get(m), 7);
	rte_sched_port_pkt_read_tree_path(port, m, &s, &p, &tc, &q);
	assert_int_equal(s, 3);
	assert_int_equal(p, 5);
	assert_int_equal(tc, 7);
	assert_int_equal(q, 0);
	assert_int_equal(rte_sched_port_pkt_read_color(m), RTE_COLOR_YELLOW);
	rte_sched_port_pkt_write(port, m, 1, 2, TC_BE, 3, RTE_COLOR_RED);
	assert_int_equal(rte_mbuf_sched_queue_get(m), (1u << 7) | (2u << 4) | 15);
	rte_sched_port_pkt_read_tree_path(port, m, &s, &p, &tc, &q);
	assert_int_equal(s, 1);
	assert_int_equal(p, 2);
	assert_int_equal(tc, TC_BE);
	assert_int_equal(q, 3);
	assert_int_equal(rte_sched_port_pkt_read_color(m), RTE_COLOR_RED);
	rte_pktmbuf_free(m);
	rte_sched_port_free(port);
}

static void
test_strict_priority(void **state)
{
	struct rte_mbuf *out[N_TC * 8];
	struct rte_sched_port *port;
	uint32_t got, i, s, p, tc, q, prev = 0;
	int tcs;

	(void)state;
	params_reset();
	port = port_make();
	/* lowest priority first, so arrival order is the reverse of the expected one */
	for (tcs = TC_BE; tcs >= 0; tcs--)
		for (i = 0; i < 8; i++)
			assert_int_equal(enqueue_one(port, 1, (uint32_t)tcs, 0, PKT_LEN), 1);
	got = drain(port, out, RTE_DIM(out));
	assert_int_equal(got, RTE_DIM(out));
	for (i = 0; i < got; i++) {
		rte_sched_port_pkt_read_tree_path(port, out[i], &s, &p, &tc, &q);
		assert_int_equal(p, 1);
		assert_true(tc >= prev);
		prev = tc;
	}
	assert_int_equal(rte_sched_port_dequeue(port, out, 1), 0);
	free_all(out, got);
	rte_sched_port_free(port);
}

static void
test_wrr(void **state)
{
	static const uint8_t weights[4] = { 1, 2, 4, 8 };
	struct rte_mbuf *out[60];
	struct rte_sched_port *port;
	uint32_t count[4] = { 0 }, got, i, j, s, p, tc, q;

	(void)state;
	params_reset();
	memcpy(pipe_profiles[0].wrr_weights, weights, sizeof(weights));
	port = port_make();
	for (i = 0; i < 64; i++)
		for (j = 0; j < 4; j++)
			assert_int_equal(enqueue_one(port, 2, TC_BE, j, PKT_LEN), 1);
	/* every queue stays busy while 60 of the 256 packets leave */
	got = drain(port, out, RTE_DIM(out));
	assert_int_equal(got, RTE_DIM(out));
	for (i = 0; i < got; i++) {
		rte_sched_port_pkt_read_tree_path(port, out[i], &s, &p, &tc, &q);
		assert_int_equal(tc, TC_BE);
		count[q]++;
	}
	/* shares 1:2:4:8 of 60 = 4, 8, 16, 32, within one packet */
	for (j = 0; j < 4; j++) {
		uint32_t want = 60 * weights[j] / 15;

		assert_true(count[j] + 1 >= want && count[j] <= want + 1);
	}
	free_all(out, got);

	/* equal weights, queue 0 with packets twice as long: it gets half the packets */
	params_reset();
	rte_sched_port_free(port);
	port = port_make();
	memset(count, 0, sizeof(count));
	for (i = 0; i < 64; i++) {
		assert_int_equal(enqueue_one(port, 0, TC_BE, 0, 2 * PKT_LEN + OVERHEAD), 1);
		assert_int_equal(enqueue_one(port, 0, TC_BE, 1, PKT_LEN), 1);
	}
	got = drain(port, out, RTE_DIM(out));
	assert_int_equal(got, RTE_DIM(out));
	for (i = 0; i < got; i++) {
		rte_sched_port_pkt_read_tree_path(port, out[i], &s, &p, &tc, &q);
		count[q]++;
	}
	assert_true(count[0] >= 19 && count[0] <= 21);
	assert_true(count[1] >= 39 && count[1] <= 41);
	free_all(out, got);
	rte_sched_port_free(port);
}

static double
thread_cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Keep pipe 0's queue of class tc busy for about ms milliseconds and count the bytes (with
 * framing overhead) that leave. *elapsed gets the TSC cycles from start (just before the port
 * was configured, when its credits start) to the last dequeue, *ran the CPU time this thread
 * got meanwhile: the port and class credits do not build up while the thread waits for a CPU,
 * so what must have left is measured against the latter.
 */
static uint64_t
shape_run(struct rte_sched_port *port, uint64_t start, uint32_t tc, uint32_t ms,
	uint64_t *elapsed, double *ran)
{
	double cpu0 = thread_cpu_s();

	uint64_t end = start + rte_get_tsc_hz() * ms / 1000, bytes = 0, now;
	struct rte_mbuf *out[32];
	struct rte_sched_queue_stats st;
	uint16_t qlen;

	do {
		int n, i;

		assert_int_equal(rte_sched_queue_read_stats(port, tc, &st, &qlen), 0);
		while (qlen < 32) {
			assert_int_equal(enqueue_one(port, 0, tc, 0, 1000), 1);
			qlen++;
		}
		n = rte_sched_port_dequeue(port, out, RTE_DIM(out));
		now = rte_get_tsc_cycles();
		for (i = 0; i < n; i++)
			bytes += out[i]->pkt_len + OVERHEAD;
		free_all(out, (uint32_t)n);
		rte_pause();
	} while (now < end);
	*elapsed = now - start;
	*ran = thread_cpu_s() - cpu0;
	return bytes;
}

static double
cycles_to_s(uint64_t c)
{
	return (double)c / (double)rte_get_tsc_hz();
}

/* Print and check what one shaping run sent against its rate. */
static void
shape_check(const char *what, uint64_t bytes, uint64_t elapsed, double ran, double rate,
	double burst, double low_share)
{
	double wall = cycles_to_s(elapsed);

	printf("# %s at %.0f B/s: %" PRIu64 " B in %.3f s (%.0f B/s), %.3f s on a CPU (%.0f B/s)\n",
		what, rate, bytes, wall, bytes / wall, ran, bytes / ran);
	/* never more than the rate allows since the credits started, plus the initial burst */
	assert_true((double)bytes <= rate * wall * 1.0001 + burst);
	/* most of it while this thread was running */
	assert_true((double)bytes >= rate * RTE_MIN(ran, wall) * low_share);
}

static void
test_shaping(void **state)
{
	struct rte_sched_port *port;
	uint64_t start, elapsed, bytes;
	double ran;

	(void)state;
	/* the port: 2 MB/s, everything below allowed as much */
	params_reset();
	port_params.rate = 2000000;
	subport_profile.tb_rate = 2000000;
	for (int i = 0; i < N_TC; i++)
		subport_profile.tc_rate[i] = 2000000;
	pipe_profiles[0].tb_rate = 2000000;
	for (int i = 0; i < N_TC; i++)
		pipe_profiles[0].tc_rate[i] = 2000000;
	/* class credits for a whole second: only the port limits */
	subport_profile.tc_period = 1000;
	pipe_profiles[0].tc_period = 1000;
	start = rte_get_tsc_cycles();
	port = port_make();
	bytes = shape_run(port, start, 0, 100, &elapsed, &ran);
	rte_sched_port_free(port);
	/*
	 * the port sends while its time is less than an MTU ahead of the clock, so it may end an
	 * MTU and one frame (1000 bytes and the overhead) ahead
	 */
	shape_check("port", bytes, elapsed, ran, 2000000, 1500 + 1000 + OVERHEAD, 0.7);

	/* a pipe at 1 MB/s with a 100000 byte bucket (starts half full) on a fast port */
	params_reset();
	pipe_profiles[0].tb_rate = 1000000;
	pipe_profiles[0].tb_size = 100000;
	for (int i = 0; i < N_TC; i++)
		pipe_profiles[0].tc_rate[i] = 1000000;
	pipe_profiles[0].tc_period = 1000;
	start = rte_get_tsc_cycles();
	port = port_make();
	bytes = shape_run(port, start, 0, 200, &elapsed, &ran);
	rte_sched_port_free(port);
	shape_check("pipe", bytes, elapsed, ran, 1000000, 50000, 0.7);

	/* class 3 at 500 kB/s in a pipe at the port rate: 5000 bytes per 10 ms period, 4
	 * packets of 1024; the first period's credits are there at the start
	 */
	params_reset();
	pipe_profiles[0].tc_rate[3] = 500000;
	start = rte_get_tsc_cycles();
	port = port_make();
	bytes = shape_run(port, start, 3, 100, &elapsed, &ran);
	rte_sched_port_free(port);
	shape_check("class", bytes, elapsed, ran, 500000, 2 * 5000, 0.5);
}

static void
test_stats(void **state)
{
	struct rte_sched_subport_stats ss;
	struct rte_sched_queue_stats qs;
	struct rte_sched_port *port;
	struct rte_mbuf *m[80], *out[80];
	uint32_t tc_ov = 9, i, got;
	uint16_t qlen = 0;

	(void)state;
	params_reset();
	port = port_make();
	/* 80 packets into a queue of 64: 16 tail drops */
	for (i = 0; i < 80; i++)
		m[i] = pkt_make(port, 3, 5, 0, 100);
	assert_int_equal(rte_sched_port_enqueue(port, m, 80), 64);
	assert_int_equal(rte_sched_queue_read_stats(port, 3 * 16 + 5, &qs, &qlen), 0);
	assert_int_equal(qlen, 64);
	assert_int_equal(qs.n_pkts, 64);
	assert_int_equal(qs.n_bytes, 6400);
	assert_int_equal(qs.n_pkts_dropped, 16);
	assert_int_equal(qs.n_bytes_dropped, 1600);
	assert_int_equal(qs.n_pkts_cman_dropped, 0);
	assert_int_equal(rte_sched_subport_read_stats(port, 0, &ss, &tc_ov), 0);
	assert_int_equal(ss.n_pkts_tc[5], 64);
	assert_int_equal(ss.n_bytes_tc[5], 6400);
	assert_int_equal(ss.n_pkts_tc_dropped[5], 16);
	assert_int_equal(ss.n_bytes_tc_dropped[5], 1600);
	assert_int_equal(ss.n_pkts_tc[4], 0);
	/* four pipes whose best effort may each take the whole subport's */
	assert_int_equal(tc_ov, 1);
	/* reading resets */
	assert_int_equal(rte_sched_queue_read_stats(port, 3 * 16 + 5, &qs, &qlen), 0);
	assert_int_equal(qs.n_pkts, 0);
	assert_int_equal(rte_sched_subport_read_stats(port, 0, &ss, &tc_ov), 0);
	assert_int_equal(ss.n_pkts_tc_dropped[5], 0);
	got = drain(port, out, 64);
	assert_int_equal(got, 64);
	free_all(out, got);
	assert_int_equal(rte_sched_queue_read_stats(port, 3 * 16 + 5, &qs, &qlen), 0);
	assert_int_equal(qlen, 0);

	assert_int_equal(rte_sched_subport_read_stats(NULL, 0, &ss, &tc_ov), -EINVAL);
	assert_int_equal(rte_sched_subport_read_stats(port, 4, &ss, &tc_ov), -EINVAL);
	assert_int_equal(rte_sched_subport_read_stats(port, 1, &ss, &tc_ov), -EINVAL);
	assert_int_equal(rte_sched_subport_read_stats(port, 0, NULL, &tc_ov), -EINVAL);
	assert_int_equal(rte_sched_subport_read_stats(port, 0, &ss, NULL), -EINVAL);
	assert_int_equal(rte_sched_queue_read_stats(NULL, 0, &qs, &qlen), -EINVAL);
	assert_int_equal(rte_sched_queue_read_stats(port, 0, NULL, &qlen), -EINVAL);
	assert_int_equal(rte_sched_queue_read_stats(port, 0, &qs, NULL), -EINVAL);
	/* pipe 4 of subport 0 is not enabled, subport 1 is not configured */
	assert_int_equal(rte_sched_queue_read_stats(port, 4 * 16, &qs, &qlen), -EINVAL);
	assert_int_equal(rte_sched_queue_read_stats(port, 1u << 7, &qs, &qlen), -EINVAL);
	assert_int_equal(rte_sched_queue_read_stats(port, 4u << 7, &qs, &qlen), -EINVAL);

	/* a packet for a subport that is not configured is freed, not queued */
	m[0] = rte_pktmbuf_alloc(pool);
	assert_non_null(m[0]);
	rte_sched_port_pkt_write(port, m[0], 2, 0, 0, 0, RTE_COLOR_GREEN);
	assert_int_equal(rte_sched_port_enqueue(port, m, 1), 0);

	/* packets still queued are freed with the port */
	for (i = 0; i < 10; i++)
		assert_int_equal(enqueue_one(port, 0, TC_BE, 2, 60), 1);
	rte_sched_port_free(port);
	assert_int_equal(rte_mempool_in_use_count(pool), 0);
}

static void
test_tc_ov_flag(void **state)
{
	struct rte_sched_subport_stats ss;
	struct rte_sched_port *port;
	uint32_t tc_ov = 9;

	(void)state;
	params_reset();
	/* subport best effort at a quarter of the port, pipes at half of it each */
	subport_profile.tc_rate[TC_BE] = PORT_RATE / 4;
	pipe_profiles[0].tc_rate[TC_BE] = PORT_RATE / 8;
	port = rte_sched_port_config(&port_params);
	assert_non_null(port);
	assert_int_equal(rte_sched_subport_config(port, 0, &subport_params, 0), 0);
	assert_int_equal(rte_sched_pipe_config(port, 0, 0, 0), 0);
	assert_int_equal(rte_sched_subport_read_stats(port, 0, &ss, &tc_ov), 0);
	assert_int_equal(tc_ov, 0);
	assert_int_equal(rte_sched_pipe_config(port, 0, 1, 0), 0);
	assert_int_equal(rte_sched_pipe_config(port, 0, 2, 0), 0);
	assert_int_equal(rte_sched_subport_read_stats(port, 0, &ss, &tc_ov), 0);
	assert_int_equal(tc_ov, 1);
	assert_int_equal(rte_sched_pipe_config(port, 0, 2, -1), 0);
	assert_int_equal(rte_sched_subport_read_stats(port, 0, &ss, &tc_ov), 0);
	assert_int_equal(tc_ov, 0);
	rte_sched_port_free(port);
}

static void
test_cman_red(void **state)
{
	struct rte_sched_cman_params cman;
	struct rte_sched_subport_stats ss;
	struct rte_sched_queue_stats qs;
	struct rte_sched_port *port;
	struct rte_mbuf *m[64];
	uint32_t tc_ov, i;
	uint16_t qlen;
	int n;

	(void)state;
	params_reset();
	memset(&cman, 0, sizeof(cman));
	cman.cman_mode = RTE_SCHED_CMAN_RED;
	/* only red packets of class 0 are subject to RED: from 8, all from 16 */
	cman.red_params[0][RTE_COLOR_RED] = (struct rte_red_params){ .min_th = 8,
		.max_th = 16, .maxp_inv = 10, .wq_log2 = 1 };
	subport_params.cman_params = &cman;
	port = port_make();
	for (i = 0; i < 64; i++) {
		m[i] = pkt_make(port, 0, 0, 0, 100);
		rte_sched_port_pkt_write(port, m[i], 0, 0, 0, 0, RTE_COLOR_RED);
	}
	n = rte_sched_port_enqueue(port, m, 64);
	assert_true(n > 8 && n <= 20);
	assert_int_equal(rte_sched_queue_read_stats(port, 0, &qs, &qlen), 0);
	assert_int_equal(qlen, n);
	assert_int_equal(qs.n_pkts_dropped, 64 - n);
	assert_int_equal(qs.n_pkts_cman_dropped, 64 - n);
	assert_int_equal(rte_sched_subport_read_stats(port, 0, &ss, &tc_ov), 0);
	assert_int_equal(ss.n_pkts_cman_dropped[0], 64 - n);

	/* green packets of the same class are not subject to RED */
	for (i = 0; i < 64; i++)
		m[i] = pkt_make(port, 1, 0, 0, 100);
	assert_int_equal(rte_sched_port_enqueue(port, m, 64), 64);
	rte_sched_port_free(port);
	assert_int_equal(rte_mempool_in_use_count(pool), 0);
}

static void
test_cman_pie(void **state)
{
	struct rte_sched_cman_params cman;
	struct rte_sched_queue_stats qs;
	struct rte_sched_port *port;
	struct rte_mbuf *m[64], *out[64];
	uint32_t got;
	uint16_t qlen;
	int i;

	(void)state;
	params_reset();
	memset(&cman, 0, sizeof(cman));
	cman.cman_mode = RTE_SCHED_CMAN_PIE;
	for (i = 0; i < N_TC; i++)
		cman.pie_params[i] = (struct rte_pie_params){ .qdelay_ref = 15,
			.dp_update_interval = 15, .max_burst = 150, .tailq_th = 32 };
	subport_params.cman_params = &cman;
	port = port_make();
	for (i = 0; i < 64; i++)
		m[i] = pkt_make(port, 1, 2, 0, 100);
	/* the tail drop threshold of PIE comes before the queue size */
	assert_int_equal(rte_sched_port_enqueue(port, m, 64), 32);
	assert_int_equal(rte_sched_queue_read_stats(port, 16 + 2, &qs, &qlen), 0);
	assert_int_equal(qlen, 32);
	assert_int_equal(qs.n_pkts_cman_dropped, 32);
	got = drain(port, out, 32);
	assert_int_equal(got, 32);
	free_all(out, got);
	/* the queue drained: PIE accepts again */
	for (i = 0; i < 8; i++)
		m[i] = pkt_make(port, 1, 2, 0, 100);
	assert_int_equal(rte_sched_port_enqueue(port, m, 8), 8);
	rte_sched_port_free(port);
}

static void
test_subports_and_pipes(void **state)
{
	struct rte_mbuf *out[64];
	struct rte_sched_port *port;
	uint32_t got, i, sub, p, tc, q, per_sub[2] = { 0 };

	(void)state;
	params_reset();
	port = port_make();
	assert_int_equal(rte_sched_subport_config(port, 1, &subport_params, 0), 0);
	assert_int_equal(rte_sched_pipe_config(port, 1, 3, 0), 0);
	/* pipe 1 of subport 0 is turned off: its packets wait */
	assert_int_equal(rte_sched_pipe_config(port, 0, 1, -1), 0);
	for (i = 0; i < 16; i++) {
		struct rte_mbuf *m[3];

		m[0] = pkt_make(port, 2, TC_BE, 1, PKT_LEN);
		m[1] = pkt_make(port, 3, 4, 0, PKT_LEN);
		rte_sched_port_pkt_write(port, m[1], 1, 3, 4, 0, RTE_COLOR_GREEN);
		m[2] = pkt_make(port, 1, 0, 0, PKT_LEN);
		assert_int_equal(rte_sched_port_enqueue(port, m, 3), 3);
	}
	got = drain(port, out, 32);
	assert_int_equal(got, 32);
	assert_int_equal(rte_sched_port_dequeue(port, out + got, 1), 0);
	for (i = 0; i < got; i++) {
		rte_sched_port_pkt_read_tree_path(port, out[i], &sub, &p, &tc, &q);
		assert_true(p != 1 || sub != 0);
		per_sub[sub]++;
	}
	assert_int_equal(per_sub[0], 16);
	assert_int_equal(per_sub[1], 16);
	free_all(out, got);
	/* turned on again, the pipe is served */
	assert_int_equal(rte_sched_pipe_config(port, 0, 1, 0), 0);
	got = drain(port, out, 16);
	assert_int_equal(got, 16);
	for (i = 0; i < got; i++) {
		rte_sched_port_pkt_read_tree_path(port, out[i], &sub, &p, &tc, &q);
		assert_int_equal(p, 1);
	}
	free_all(out, got);
	rte_sched_port_free(port);
}

static int
setup(void **state)
{
	(void)state;
	pool = rte_pktmbuf_pool_create("test_sched", 1023, 0, 0, 2048, 0);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	return 0;
}

int
main(void)
{
	static const char *const args[] = { "test_sched", "--no-huge", "-m", "64", "-l", "0",
		"--no-pci", "--file-prefix=test_sched", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_approx),
		cmocka_unit_test(test_red_config_errors),
		cmocka_unit_test(test_red_tables),
		cmocka_unit_test(test_red_drop_probability),
		cmocka_unit_test(test_red_idle_decay),
		cmocka_unit_test(test_pie_config),
		cmocka_unit_test(test_pie_tail_drop),
		cmocka_unit_test(test_port_config_errors),
		cmocka_unit_test(test_subport_config_errors),
		cmocka_unit_test(test_profile_add),
		cmocka_unit_test(test_pipe_config_errors),
		cmocka_unit_test(test_footprint),
		cmocka_unit_test(test_pkt_metadata),
		cmocka_unit_test(test_strict_priority),
		cmocka_unit_test(test_wrr),
		cmocka_unit_test(test_shaping),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_subports_and_pipes),
		cmocka_unit_test(test_tc_ov_flag),
		cmocka_unit_test(test_cman_red),
		cmocka_unit_test(test_cman_pie),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, setup, teardown);
}
