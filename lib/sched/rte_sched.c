/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hierarchical scheduler.
 *
 * Time is counted in bytes of the port: port->time advances by each packet sent (with its
 * framing overhead) and never lags the TSC converted at the port rate, so the port sends at
 * most its rate plus one frame. Subport and pipe token buckets fill by credits_per_period every
 * tb_period bytes of port time (a rational approximation of rate / port rate); traffic class
 * credits are reset to their per-period amount once per tc_period.
 *
 * Each subport keeps one ring per queue and a bitmap of its pipes that have packets. Dequeue
 * walks the subports in turn and, within one, the active pipes from where the last call
 * stopped; a pipe is served class by class in priority order, each class while it has packets
 * and credits, the best-effort queues by byte-weighted round robin.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_prefetch.h>

#include "rte_approx.h"
#include "rte_sched.h"
#include "rte_sched_common.h"
#include "sched_log.h"

RTE_LOG_REGISTER_DEFAULT(sched_logtype, INFO);

#define N_TC RTE_SCHED_TRAFFIC_CLASSES_PER_PIPE
#define TC_BE RTE_SCHED_TRAFFIC_CLASS_BE
#define N_BE RTE_SCHED_BE_QUEUES_PER_PIPE
#define N_QUEUES RTE_SCHED_QUEUES_PER_PIPE

/* Largest error accepted when a rate ratio becomes credits / period. */
#define SCHED_TB_RATE_ERR 1e-7

/* Credits of a token bucket or of traffic classes, in bytes of port time. */
struct sched_rates {
	uint64_t tb_period;
	uint64_t tb_credits_per_period;
	uint64_t tb_size;
	uint64_t tc_period;
	uint64_t tc_credits_per_period[N_TC];
};

struct sched_subport_profile {
	struct rte_sched_subport_profile_params params;	/* as given, to find duplicates */
	struct sched_rates r;
};

struct sched_pipe_profile {
	struct rte_sched_pipe_params params;
	struct sched_rates r;
	uint64_t wrr_cost[N_BE];	/* virtual time a byte of the queue costs */
};

/* What dequeue reads of a queue: 16 queues of a pipe share a cache line. */
struct sched_queue {
	uint16_t head;		/* free-running read and write counters */
	uint16_t tail;
};

/*
 * What only enqueue and the statistics use, in whole cache lines (two), so that the
 * statistics every enqueue updates are always on one line, the one it prefetches.
 */
struct sched_queue_extra {
	struct rte_sched_queue_stats stats;
	union {
		struct rte_red red;
		struct rte_pie pie;
	};
} __rte_cache_aligned;

struct sched_pipe {
	int32_t profile;	/* -1: not configured, never served */
	uint16_t busy;		/* bit per queue holding packets */
	uint64_t tb_time;
	uint64_t tb_credits;
	uint64_t tc_time;
	uint64_t tc_credits[N_TC];
	uint64_t tc_ov_credits;
	uint32_t tc_ov_period_id;
	uint64_t wrr_vt[N_BE];	/* virtual time of each best-effort queue */
} __rte_cache_aligned;	/* whole lines, all prefetched ahead of dequeue */

struct rte_sched_subport {
	uint32_t n_pipes;
	uint16_t qsize[N_TC];

	uint32_t profile_id;
	struct sched_rates r;
	uint64_t tb_time;
	uint64_t tb_credits;
	uint64_t tc_time;
	uint64_t tc_credits[N_TC];

	/* best-effort oversubscription */
	bool tc_ov_enabled;
	uint32_t tc_ov;		/* pipes' best-effort rates add up above the subport's */
	double tc_ov_rate;	/* sum of the pipes' best-effort rates, bytes per port byte */
	uint64_t tc_ov_wm;	/* credits a pipe gets per period and unit of weight */
	uint64_t tc_ov_wm_min;
	uint64_t tc_ov_wm_max;
	uint32_t tc_ov_period_id;
	uint64_t pipe_tc_be_rate_max;

	struct sched_pipe_profile *pipe_profiles;
	uint32_t n_pipe_profiles;
	uint32_t n_max_pipe_profiles;

	bool cman_enabled;
	enum rte_sched_cman_mode cman;
	struct rte_red_config red_config[N_TC][RTE_COLORS];
	struct rte_pie_config pie_config[N_TC];

	struct sched_pipe *pipes;
	struct sched_queue *queues;	/* n_pipes * N_QUEUES */
	struct sched_queue_extra *qextra;	/* n_pipes * N_QUEUES */
	struct rte_mbuf **rings;	/* each pipe's rings, one after the other */
	uint32_t pipe_slots;		/* ring slots of a pipe */
	uint32_t qoff[N_QUEUES];	/* first slot of each queue of a pipe */
	uint16_t qmask[N_QUEUES];	/* its size - 1 */
	uint64_t *active;		/* bitmap of pipes with packets */
	uint32_t n_active;
	uint32_t cursor;		/* pipe the next dequeue starts at */

	struct rte_sched_subport_stats stats;
};

struct rte_sched_port {
	uint64_t rate;
	uint32_t mtu;		/* largest frame including the overhead */
	uint32_t frame_overhead;
	int socket;
	uint32_t n_subports;
	uint32_t n_pipes;	/* most pipes a subport may have, a power of 2 */
	uint32_t pipe_bits;	/* log2(n_pipes) */

	struct sched_subport_profile *subport_profiles;
	uint32_t n_subport_profiles;
	uint32_t n_max_subport_profiles;

	uint64_t time;		/* bytes */
	uint64_t time_cpu_bytes;
	uint64_t time_cpu_cycles;
	uint64_t cycles_rem;	/* remainder of the cycles to bytes division, times rate */
	uint64_t tsc_hz;
	uint32_t cursor;	/* subport the next dequeue starts at */

	struct rte_sched_subport *subports[];
};

/* Queue within a pipe <-> traffic class and queue within the class. */
static inline uint32_t
queue_tc(uint32_t q)
{
	return q < TC_BE ? q : TC_BE;
}

/* Ring of a queue of a subport. */
static inline struct rte_mbuf **
queue_ring(const struct rte_sched_subport *s, uint32_t qindex)
{
	return s->rings + (size_t)(qindex / N_QUEUES) * s->pipe_slots + s->qoff[qindex % N_QUEUES];
}

static inline uint64_t
ms_to_bytes(uint64_t ms, uint64_t rate)
{
	return ms * rate / 1000;
}

/*
 * Parameter checks. Each returns 0 or -EINVAL after one log line naming the bad field.
 */

static int
subport_profile_check(const struct rte_sched_subport_profile_params *p, uint64_t port_rate)
{
	uint32_t i;

	if (p == NULL) {
		SCHED_LOG(ERR, "subport profile is NULL");
		return -EINVAL;
	}
	if (p->tb_rate == 0 || p->tb_rate > port_rate) {
		SCHED_LOG(ERR, "subport tb_rate %" PRIu64 " not in 1..port rate %" PRIu64,
			p->tb_rate, port_rate);
		return -EINVAL;
	}
	if (p->tb_size == 0) {
		SCHED_LOG(ERR, "subport tb_size is 0");
		return -EINVAL;
	}
	for (i = 0; i < N_TC; i++) {
		if (p->tc_rate[i] == 0 || p->tc_rate[i] > p->tb_rate) {
			SCHED_LOG(ERR, "subport tc_rate[%u] %" PRIu64 " not in 1..tb_rate %" PRIu64,
				i, p->tc_rate[i], p->tb_rate);
			return -EINVAL;
		}
	}
	if (p->tc_period == 0) {
		SCHED_LOG(ERR, "subport tc_period is 0");
		return -EINVAL;
	}
	return 0;
}

static int
pipe_profile_check(const struct rte_sched_pipe_params *p, uint64_t port_rate,
	const uint16_t *qsize)
{
	uint32_t i;

	if (p == NULL) {
		SCHED_LOG(ERR, "pipe profile is NULL");
		return -EINVAL;
	}
	if (p->tb_rate == 0 || p->tb_rate > port_rate) {
		SCHED_LOG(ERR, "pipe tb_rate %" PRIu64 " not in 1..port rate %" PRIu64,
			p->tb_rate, port_rate);
		return -EINVAL;
	}
	if (p->tb_size == 0) {
		SCHED_LOG(ERR, "pipe tb_size is 0");
		return -EINVAL;
	}
	for (i = 0; i < N_TC; i++) {
		/* a class without queues has no rate; one with queues needs a rate */
		bool bad = qsize[i] == 0 ? p->tc_rate[i] != 0 :
			(p->tc_rate[i] == 0 || p->tc_rate[i] > p->tb_rate);

		if (bad) {
			SCHED_LOG(ERR, "pipe tc_rate[%u] %" PRIu64
				" does not fit qsize %u and tb_rate %" PRIu64,
				i, p->tc_rate[i], qsize[i], p->tb_rate);
			return -EINVAL;
		}
	}
	if (p->tc_period == 0) {
		SCHED_LOG(ERR, "pipe tc_period is 0");
		return -EINVAL;
	}
	if (p->tc_ov_weight == 0) {
		SCHED_LOG(ERR, "pipe tc_ov_weight is 0");
		return -EINVAL;
	}
	for (i = 0; i < N_BE; i++) {
		if (p->wrr_weights[i] == 0) {
			SCHED_LOG(ERR, "pipe wrr_weights[%u] is 0", i);
			return -EINVAL;
		}
	}
	return 0;
}

static int
port_params_check(const struct rte_sched_port_params *p)
{
	uint32_t i;

	if (p == NULL) {
		SCHED_LOG(ERR, "port parameters are NULL");
		return -EINVAL;
	}
	if (p->socket < 0) {
		SCHED_LOG(ERR, "socket %d is negative", p->socket);
		return -EINVAL;
	}
	if (p->rate == 0) {
		SCHED_LOG(ERR, "port rate is 0");
		return -EINVAL;
	}
	if (p->mtu == 0) {
		SCHED_LOG(ERR, "port mtu is 0");
		return -EINVAL;
	}
	if (p->n_subports_per_port == 0 || p->n_subports_per_port > 1u << 16 ||
			!rte_is_power_of_2(p->n_subports_per_port)) {
		SCHED_LOG(ERR, "n_subports_per_port %u is not a power of 2 up to 65536",
			p->n_subports_per_port);
		return -EINVAL;
	}
	if (p->subport_profiles == NULL || p->n_subport_profiles == 0 ||
			p->n_max_subport_profiles == 0 ||
			p->n_subport_profiles > p->n_max_subport_profiles) {
		SCHED_LOG(ERR, "subport profiles: table %p, %u of at most %u",
			(void *)p->subport_profiles, p->n_subport_profiles,
			p->n_max_subport_profiles);
		return -EINVAL;
	}
	for (i = 0; i < p->n_subport_profiles; i++)
		if (subport_profile_check(&p->subport_profiles[i], p->rate) != 0)
			return -EINVAL;
	if (p->n_pipes_per_subport == 0 || !rte_is_power_of_2(p->n_pipes_per_subport)) {
		SCHED_LOG(ERR, "n_pipes_per_subport %u is not a power of 2",
			p->n_pipes_per_subport);
		return -EINVAL;
	}
	return 0;
}

static int
subport_params_check(const struct rte_sched_subport_params *p, uint32_t n_max_pipes,
	uint64_t port_rate)
{
	uint32_t i;

	if (p == NULL) {
		SCHED_LOG(ERR, "subport parameters are NULL");
		return -EINVAL;
	}
	for (i = 0; i < N_TC; i++) {
		if (p->qsize[i] != 0 && !rte_is_power_of_2(p->qsize[i])) {
			SCHED_LOG(ERR, "qsize[%u] %u is not a power of 2", i, p->qsize[i]);
			return -EINVAL;
		}
	}
	if (p->qsize[TC_BE] == 0) {
		SCHED_LOG(ERR, "best-effort qsize is 0");
		return -EINVAL;
	}
	if (p->n_pipes_per_subport_enabled == 0 || p->n_pipes_per_subport_enabled > n_max_pipes ||
			!rte_is_power_of_2(p->n_pipes_per_subport_enabled)) {
		SCHED_LOG(ERR, "n_pipes_per_subport_enabled %u is not a power of 2 up to %u",
			p->n_pipes_per_subport_enabled, n_max_pipes);
		return -EINVAL;
	}
	if (p->pipe_profiles == NULL || p->n_pipe_profiles == 0 || p->n_max_pipe_profiles == 0 ||
			p->n_pipe_profiles > p->n_max_pipe_profiles) {
		SCHED_LOG(ERR, "pipe profiles: table %p, %u of at most %u",
			(void *)p->pipe_profiles, p->n_pipe_profiles, p->n_max_pipe_profiles);
		return -EINVAL;
	}
	for (i = 0; i < p->n_pipe_profiles; i++)
		if (pipe_profile_check(&p->pipe_profiles[i], port_rate, p->qsize) != 0)
			return -EINVAL;
	return 0;
}

static int
cman_params_check(const struct rte_sched_subport_params *p)
{
	const struct rte_sched_cman_params *c = p->cman_params;
	struct rte_red_config red;
	struct rte_pie_config pie;
	uint32_t i, j;

	if (c->cman_mode == RTE_SCHED_CMAN_RED) {
		for (i = 0; i < N_TC; i++) {
			for (j = 0; j < RTE_COLORS; j++) {
				const struct rte_red_params *r = &c->red_params[i][j];

				/* both thresholds 0: RED off for this class and colour */
				if ((r->min_th | r->max_th) == 0)
					continue;
				if (rte_red_config_init(&red, r->wq_log2, r->min_th, r->max_th,
						r->maxp_inv) != 0) {
					SCHED_LOG(ERR,
						"RED parameters of class %u colour %u are invalid",
						i, j);
					return -EINVAL;
				}
			}
		}
		return 0;
	}
	if (c->cman_mode == RTE_SCHED_CMAN_PIE) {
		for (i = 0; i < N_TC; i++) {
			const struct rte_pie_params *q = &c->pie_params[i];

			if (p->qsize[i] == 0)
				continue;
			if (q->tailq_th > p->qsize[i]) {
				SCHED_LOG(ERR, "PIE tailq_th %u of class %u exceeds qsize %u",
					q->tailq_th, i, p->qsize[i]);
				return -EINVAL;
			}
			if (rte_pie_config_init(&pie, q->qdelay_ref, q->dp_update_interval,
					q->max_burst, q->tailq_th) != 0)
				return -EINVAL;
		}
		return 0;
	}
	SCHED_LOG(ERR, "congestion management mode %d is unknown", (int)c->cman_mode);
	return -EINVAL;
}

/*
 * Conversion of rates to credits.
 */

static void
tb_convert(struct sched_rates *r, uint64_t tb_rate, uint64_t tb_size, uint64_t port_rate)
{
	if (tb_rate >= port_rate) {
		r->tb_credits_per_period = 1;
		r->tb_period = 1;
	} else if (rte_approx_64((double)tb_rate / (double)port_rate, SCHED_TB_RATE_ERR,
			&r->tb_credits_per_period, &r->tb_period) != 0) {
		/* ratio below the error bound: the exact fraction, unreduced */
		r->tb_credits_per_period = tb_rate;
		r->tb_period = port_rate;
	}
	r->tb_size = tb_size;
}

static void
subport_profile_convert(struct sched_subport_profile *dst,
	const struct rte_sched_subport_profile_params *src, uint64_t port_rate)
{
	uint32_t i;

	dst->params = *src;
	tb_convert(&dst->r, src->tb_rate, src->tb_size, port_rate);
	dst->r.tc_period = ms_to_bytes(src->tc_period, port_rate);
	for (i = 0; i < N_TC; i++)
		dst->r.tc_credits_per_period[i] = ms_to_bytes(src->tc_period, src->tc_rate[i]);
}

static void
pipe_profile_convert(struct sched_pipe_profile *dst, const struct rte_sched_pipe_params *src,
	uint64_t port_rate, const uint16_t *qsize)
{
	uint64_t lcm = 1;
	uint32_t i;

	memset(dst, 0, sizeof(*dst));
	dst->params = *src;
	tb_convert(&dst->r, src->tb_rate, src->tb_size, port_rate);
	dst->r.tc_period = ms_to_bytes(src->tc_period, port_rate);
	for (i = 0; i < N_TC; i++)
		if (qsize[i] != 0)
			dst->r.tc_credits_per_period[i] =
				ms_to_bytes(src->tc_period, src->tc_rate[i]);
	/* a queue of weight w costs lcm / w per byte, so bytes served follow the weights */
	for (i = 0; i < N_BE; i++)
		lcm = lcm / rte_get_gcd64(lcm, src->wrr_weights[i]) * src->wrr_weights[i];
	for (i = 0; i < N_BE; i++)
		dst->wrr_cost[i] = lcm / src->wrr_weights[i];
}

/*
 * Memory layout of a subport: the struct, then pipes, queues, pipe profiles, the active
 * bitmap and the packet rings, each on its own cache lines.
 */
struct subport_layout {
	size_t pipes;
	size_t queues;
	size_t qextra;
	size_t profiles;
	size_t active;
	size_t rings;
	size_t total;
};

static void
subport_layout_get(const struct rte_sched_subport_params *p, struct subport_layout *l)
{
	uint32_t n = p->n_pipes_per_subport_enabled;
	size_t slots = 0, off;
	uint32_t i;

	for (i = 0; i < N_QUEUES; i++)
		slots += p->qsize[queue_tc(i)];
	off = RTE_CACHE_LINE_ROUNDUP(sizeof(struct rte_sched_subport));
	l->pipes = off;
	off += RTE_CACHE_LINE_ROUNDUP(n * sizeof(struct sched_pipe));
	l->queues = off;
	off += RTE_CACHE_LINE_ROUNDUP((size_t)n * N_QUEUES * sizeof(struct sched_queue));
	l->qextra = off;
	off += RTE_CACHE_LINE_ROUNDUP((size_t)n * N_QUEUES * sizeof(struct sched_queue_extra));
	l->profiles = off;
	off += RTE_CACHE_LINE_ROUNDUP(p->n_max_pipe_profiles * sizeof(struct sched_pipe_profile));
	l->active = off;
	off += RTE_CACHE_LINE_ROUNDUP((n + 63) / 64 * sizeof(uint64_t));
	l->rings = off;
	off += RTE_CACHE_LINE_ROUNDUP(slots * n * sizeof(struct rte_mbuf *));
	l->total = off;
}

static size_t
port_size(uint32_t n_subports, uint32_t n_max_subport_profiles)
{
	return RTE_CACHE_LINE_ROUNDUP(sizeof(struct rte_sched_port) +
			n_subports * sizeof(struct rte_sched_subport *)) +
		RTE_CACHE_LINE_ROUNDUP(n_max_subport_profiles *
			sizeof(struct sched_subport_profile));
}

uint32_t
rte_sched_port_get_memory_footprint(struct rte_sched_port_params *port_params,
	struct rte_sched_subport_params **subport_params)
{
	struct subport_layout l;
	size_t total;
	uint32_t i;

	if (port_params_check(port_params) != 0)
		return 0;
	if (subport_params == NULL) {
		SCHED_LOG(ERR, "subport parameter array is NULL");
		return 0;
	}
	total = port_size(port_params->n_subports_per_port, port_params->n_max_subport_profiles);
	for (i = 0; i < port_params->n_subports_per_port; i++) {
		if (subport_params_check(subport_params[i], port_params->n_pipes_per_subport,
				port_params->rate) != 0)
			return 0;
		subport_layout_get(subport_params[i], &l);
		total += l.total;
	}
	return total > UINT32_MAX ? UINT32_MAX : (uint32_t)total;
}

struct rte_sched_port *
rte_sched_port_config(struct rte_sched_port_params *params)
{
	struct rte_sched_port *port;
	uint32_t i;

	if (port_params_check(params) != 0)
		return NULL;

	port = rte_zmalloc_socket("sched_port",
		port_size(params->n_subports_per_port, params->n_max_subport_profiles),
		RTE_CACHE_LINE_SIZE, params->socket);
	if (port == NULL) {
		SCHED_LOG(ERR, "no memory for a port of %u subports", params->n_subports_per_port);
		return NULL;
	}
	port->rate = params->rate;
	port->frame_overhead = params->frame_overhead;
	port->mtu = params->mtu + params->frame_overhead;
	port->socket = params->socket;
	port->n_subports = params->n_subports_per_port;
	port->n_pipes = params->n_pipes_per_subport;
	port->pipe_bits = (uint32_t)__builtin_ctz(params->n_pipes_per_subport);
	port->subport_profiles = (struct sched_subport_profile *)RTE_PTR_ADD(port,
		RTE_CACHE_LINE_ROUNDUP(sizeof(struct rte_sched_port) +
			port->n_subports * sizeof(struct rte_sched_subport *)));
	port->n_max_subport_profiles = params->n_max_subport_profiles;
	port->n_subport_profiles = params->n_subport_profiles;
	for (i = 0; i < params->n_subport_profiles; i++)
		subport_profile_convert(&port->subport_profiles[i], &params->subport_profiles[i],
			port->rate);
	port->tsc_hz = rte_get_tsc_hz();
	port->time_cpu_cycles = rte_get_tsc_cycles();
	return port;
}

static void
subport_free(struct rte_sched_subport *s)
{
	uint32_t q;

	for (q = 0; q < s->n_pipes * N_QUEUES; q++) {
		struct sched_queue *queue = &s->queues[q];
		struct rte_mbuf **ring = queue_ring(s, q);

		for (; queue->head != queue->tail; queue->head++)
			rte_pktmbuf_free(ring[queue->head & s->qmask[q % N_QUEUES]]);
	}
	rte_free(s);
}

void
rte_sched_port_free(struct rte_sched_port *port)
{
	uint32_t i;

	if (port == NULL)
		return;
	for (i = 0; i < port->n_subports; i++)
		if (port->subports[i] != NULL)
			subport_free(port->subports[i]);
	rte_free(port);
}

static int
subport_profile_find(const struct rte_sched_port *port,
	const struct rte_sched_subport_profile_params *p)
{
	uint32_t i;

	for (i = 0; i < port->n_subport_profiles; i++)
		if (memcmp(&port->subport_profiles[i].params, p, sizeof(*p)) == 0)
			return (int)i;
	return -1;
}

int
rte_sched_port_subport_profile_add(struct rte_sched_port *port,
	struct rte_sched_subport_profile_params *profile,
	uint32_t *subport_profile_id)
{
	uint32_t id;

	if (port == NULL || profile == NULL || subport_profile_id == NULL) {
		SCHED_LOG(ERR, "port %p, profile %p or id %p is NULL", (void *)port,
			(void *)profile, (void *)subport_profile_id);
		return -EINVAL;
	}
	if (port->n_subport_profiles >= port->n_max_subport_profiles) {
		SCHED_LOG(ERR, "subport profile table is full (%u)", port->n_max_subport_profiles);
		return -EINVAL;
	}
	if (subport_profile_check(profile, port->rate) != 0)
		return -EINVAL;
	if (subport_profile_find(port, profile) >= 0) {
		SCHED_LOG(ERR, "subport profile exists already");
		return -EINVAL;
	}
	id = port->n_subport_profiles;
	subport_profile_convert(&port->subport_profiles[id], profile, port->rate);
	port->n_subport_profiles++;
	*subport_profile_id = id;
	return 0;
}

static void
subport_tc_ov_bounds(struct rte_sched_port *port, struct rte_sched_subport *s)
{
	s->tc_ov_wm_min = port->mtu;
	s->tc_ov_wm_max = ms_to_bytes(port->subport_profiles[s->profile_id].params.tc_period,
		s->pipe_tc_be_rate_max);
	if (s->tc_ov_wm_max < s->tc_ov_wm_min)
		s->tc_ov_wm_max = s->tc_ov_wm_min;
	s->tc_ov_wm = s->tc_ov_wm_max;
}

static int
subport_create(struct rte_sched_port *port, uint32_t subport_id,
	const struct rte_sched_subport_params *params)
{
	struct rte_sched_subport *s;
	struct subport_layout l;
	uint32_t i, q;

	if (subport_params_check(params, port->n_pipes, port->rate) != 0)
		return -EINVAL;
	if (params->cman_params != NULL && cman_params_check(params) != 0)
		return -EINVAL;

	subport_layout_get(params, &l);
	s = rte_zmalloc_socket("sched_subport", l.total, RTE_CACHE_LINE_SIZE, port->socket);
	if (s == NULL) {
		SCHED_LOG(ERR, "no memory for subport %u (%zu bytes)", subport_id, l.total);
		return -ENOMEM;
	}
	s->n_pipes = params->n_pipes_per_subport_enabled;
	memcpy(s->qsize, params->qsize, sizeof(s->qsize));
	s->pipes = RTE_PTR_ADD(s, l.pipes);
	s->queues = RTE_PTR_ADD(s, l.queues);
	s->qextra = RTE_PTR_ADD(s, l.qextra);
	s->rings = RTE_PTR_ADD(s, l.rings);
	s->pipe_profiles = RTE_PTR_ADD(s, l.profiles);
	s->active = RTE_PTR_ADD(s, l.active);
	s->n_max_pipe_profiles = params->n_max_pipe_profiles;
	s->n_pipe_profiles = params->n_pipe_profiles;
	for (i = 0; i < params->n_pipe_profiles; i++) {
		uint64_t be = params->pipe_profiles[i].tc_rate[TC_BE];

		pipe_profile_convert(&s->pipe_profiles[i], &params->pipe_profiles[i], port->rate,
			s->qsize);
		if (be > s->pipe_tc_be_rate_max)
			s->pipe_tc_be_rate_max = be;
	}
	for (i = 0; i < s->n_pipes; i++)
		s->pipes[i].profile = -1;

	for (q = 0; q < N_QUEUES; q++) {
		uint32_t size = s->qsize[queue_tc(q)];

		s->qoff[q] = s->pipe_slots;
		s->qmask[q] = (uint16_t)(size == 0 ? 0 : size - 1);
		s->pipe_slots += size;
	}

	if (params->cman_params != NULL) {
		const struct rte_sched_cman_params *c = params->cman_params;

		s->cman_enabled = true;
		s->cman = c->cman_mode;
		for (i = 0; i < N_TC; i++) {
			uint32_t j;

			if (s->cman == RTE_SCHED_CMAN_PIE) {
				if (s->qsize[i] != 0)
					rte_pie_config_init(&s->pie_config[i],
						c->pie_params[i].qdelay_ref,
						c->pie_params[i].dp_update_interval,
						c->pie_params[i].max_burst,
						c->pie_params[i].tailq_th);
				continue;
			}
			for (j = 0; j < RTE_COLORS; j++) {
				const struct rte_red_params *r = &c->red_params[i][j];

				if ((r->min_th | r->max_th) != 0)
					rte_red_config_init(&s->red_config[i][j], r->wq_log2,
						r->min_th, r->max_th, r->maxp_inv);
			}
		}
		for (q = 0; q < s->n_pipes * N_QUEUES; q++) {
			if (s->cman == RTE_SCHED_CMAN_PIE)
				rte_pie_rt_data_init(&s->qextra[q].pie);
			else
				rte_red_rt_data_init(&s->qextra[q].red);
		}
	}

	s->tc_ov_enabled = true;
	port->subports[subport_id] = s;
	return 0;
}

int
rte_sched_subport_config(struct rte_sched_port *port,
	uint32_t subport_id,
	struct rte_sched_subport_params *params,
	uint32_t subport_profile_id)
{
	const struct sched_subport_profile *prof;
	struct rte_sched_subport *s;
	uint32_t i;
	int ret;

	if (port == NULL) {
		SCHED_LOG(ERR, "port is NULL");
		return -EINVAL;
	}
	if (subport_id >= port->n_subports) {
		SCHED_LOG(ERR, "subport %u out of range (%u subports)", subport_id,
			port->n_subports);
		return -EINVAL;
	}
	if (subport_profile_id >= port->n_subport_profiles) {
		SCHED_LOG(ERR, "subport profile %u out of range (%u profiles)", subport_profile_id,
			port->n_subport_profiles);
		return -EINVAL;
	}
	if (port->subports[subport_id] == NULL) {
		ret = subport_create(port, subport_id, params);
		if (ret != 0)
			return ret;
	}

	/* (re)apply the profile: full buckets would let a reconfiguration burst */
	s = port->subports[subport_id];
	prof = &port->subport_profiles[subport_profile_id];
	s->profile_id = subport_profile_id;
	s->r = prof->r;
	s->tb_time = port->time;
	s->tb_credits = s->r.tb_size / 2;
	s->tc_time = port->time + s->r.tc_period;
	for (i = 0; i < N_TC; i++)
		s->tc_credits[i] = s->qsize[i] != 0 ? s->r.tc_credits_per_period[i] : 0;
	subport_tc_ov_bounds(port, s);
	return 0;
}

int
rte_sched_subport_tc_ov_config(struct rte_sched_port *port, uint32_t subport_id,
	bool tc_ov_enable)
{
	if (port == NULL) {
		SCHED_LOG(ERR, "port is NULL");
		return -EINVAL;
	}
	if (subport_id >= port->n_subports || port->subports[subport_id] == NULL) {
		SCHED_LOG(ERR, "subport %u does not exist or is not configured", subport_id);
		return -EINVAL;
	}
	port->subports[subport_id]->tc_ov_enabled = tc_ov_enable;
	return 0;
}

static struct rte_sched_subport *
subport_get(struct rte_sched_port *port, uint32_t subport_id)
{
	if (port == NULL) {
		SCHED_LOG(ERR, "port is NULL");
		return NULL;
	}
	if (subport_id >= port->n_subports || port->subports[subport_id] == NULL) {
		SCHED_LOG(ERR, "subport %u does not exist or is not configured", subport_id);
		return NULL;
	}
	return port->subports[subport_id];
}

static int
pipe_profile_find(const struct rte_sched_subport *s, const struct rte_sched_pipe_params *p)
{
	uint32_t i;

	for (i = 0; i < s->n_pipe_profiles; i++)
		if (memcmp(&s->pipe_profiles[i].params, p, sizeof(*p)) == 0)
			return (int)i;
	return -1;
}

int
rte_sched_subport_pipe_profile_add(struct rte_sched_port *port,
	uint32_t subport_id,
	struct rte_sched_pipe_params *params,
	uint32_t *pipe_profile_id)
{
	struct rte_sched_subport *s = subport_get(port, subport_id);
	uint32_t id;

	if (s == NULL)
		return -EINVAL;
	if (params == NULL || pipe_profile_id == NULL) {
		SCHED_LOG(ERR, "profile %p or id %p is NULL", (void *)params,
			(void *)pipe_profile_id);
		return -EINVAL;
	}
	if (s->n_pipe_profiles >= s->n_max_pipe_profiles) {
		SCHED_LOG(ERR, "pipe profile table of subport %u is full (%u)", subport_id,
			s->n_max_pipe_profiles);
		return -EINVAL;
	}
	if (pipe_profile_check(params, port->rate, s->qsize) != 0)
		return -EINVAL;
	if (pipe_profile_find(s, params) >= 0) {
		SCHED_LOG(ERR, "pipe profile exists already in subport %u", subport_id);
		return -EINVAL;
	}
	id = s->n_pipe_profiles;
	pipe_profile_convert(&s->pipe_profiles[id], params, port->rate, s->qsize);
	s->n_pipe_profiles++;
	if (params->tc_rate[TC_BE] > s->pipe_tc_be_rate_max) {
		s->pipe_tc_be_rate_max = params->tc_rate[TC_BE];
		subport_tc_ov_bounds(port, s);
	}
	*pipe_profile_id = id;
	return 0;
}

/* Best-effort rate of a pipe profile as a fraction of the port rate. */
static double
pipe_be_share(const struct sched_pipe_profile *prof)
{
	return (double)prof->r.tc_credits_per_period[TC_BE] / (double)prof->r.tc_period;
}

static void
subport_tc_ov_update(struct rte_sched_subport *s)
{
	double subport_be = (double)s->r.tc_credits_per_period[TC_BE] / (double)s->r.tc_period;

	s->tc_ov = s->tc_ov_rate > subport_be;
}

int
rte_sched_pipe_config(struct rte_sched_port *port,
	uint32_t subport_id,
	uint32_t pipe_id,
	int32_t pipe_profile)
{
	struct rte_sched_subport *s = subport_get(port, subport_id);
	const struct sched_pipe_profile *prof;
	struct sched_pipe *p;
	uint32_t i;

	if (s == NULL)
		return -EINVAL;
	if (pipe_id >= s->n_pipes) {
		SCHED_LOG(ERR, "pipe %u out of range (%u pipes in subport %u)", pipe_id, s->n_pipes,
			subport_id);
		return -EINVAL;
	}
	if (pipe_profile >= 0 && (uint32_t)pipe_profile >= s->n_pipe_profiles) {
		SCHED_LOG(ERR, "pipe profile %d out of range (%u profiles)", pipe_profile,
			s->n_pipe_profiles);
		return -EINVAL;
	}

	p = &s->pipes[pipe_id];
	if (p->profile >= 0) {
		s->tc_ov_rate -= pipe_be_share(&s->pipe_profiles[p->profile]);
		p->profile = -1;
	}
	if (pipe_profile < 0) {
		subport_tc_ov_update(s);
		return 0;
	}

	prof = &s->pipe_profiles[pipe_profile];
	p->profile = pipe_profile;
	p->tb_time = port->time;
	p->tb_credits = prof->r.tb_size / 2;
	p->tc_time = port->time + prof->r.tc_period;
	for (i = 0; i < N_TC; i++)
		p->tc_credits[i] = prof->r.tc_credits_per_period[i];
	p->tc_ov_period_id = s->tc_ov_period_id;
	p->tc_ov_credits = s->tc_ov_wm * prof->params.tc_ov_weight;
	s->tc_ov_rate += pipe_be_share(prof);
	subport_tc_ov_update(s);
	return 0;
}

/*
 * Statistics.
 */

int
rte_sched_subport_read_stats(struct rte_sched_port *port,
	uint32_t subport_id,
	struct rte_sched_subport_stats *stats,
	uint32_t *tc_ov)
{
	struct rte_sched_subport *s = subport_get(port, subport_id);

	if (s == NULL)
		return -EINVAL;
	if (stats == NULL || tc_ov == NULL) {
		SCHED_LOG(ERR, "stats %p or tc_ov %p is NULL", (void *)stats, (void *)tc_ov);
		return -EINVAL;
	}
	*stats = s->stats;
	memset(&s->stats, 0, sizeof(s->stats));
	*tc_ov = s->tc_ov;
	return 0;
}

/* Subport and queue of a port-wide queue number, NULL when there is none. */
static struct rte_sched_subport *
queue_locate(struct rte_sched_port *port, uint32_t queue_id, uint32_t *qindex)
{
	uint32_t bits = port->pipe_bits + 4;
	uint32_t subport_id = queue_id >> bits;
	struct rte_sched_subport *s;

	if (subport_id >= port->n_subports)
		return NULL;
	s = port->subports[subport_id];
	*qindex = queue_id & ((1u << bits) - 1);
	if (s == NULL || *qindex >= s->n_pipes * N_QUEUES)
		return NULL;
	return s;
}

int
rte_sched_queue_read_stats(struct rte_sched_port *port,
	uint32_t queue_id,
	struct rte_sched_queue_stats *stats,
	uint16_t *qlen)
{
	struct rte_sched_subport *s;
	struct sched_queue_extra *qe;
	uint32_t qindex;

	if (port == NULL || stats == NULL || qlen == NULL) {
		SCHED_LOG(ERR, "port %p, stats %p or qlen %p is NULL", (void *)port, (void *)stats,
			(void *)qlen);
		return -EINVAL;
	}
	s = queue_locate(port, queue_id, &qindex);
	if (s == NULL) {
		SCHED_LOG(ERR, "queue %u is not in a configured subport", queue_id);
		return -EINVAL;
	}
	qe = &s->qextra[qindex];
	*stats = qe->stats;
	memset(&qe->stats, 0, sizeof(qe->stats));
	*qlen = (uint16_t)(s->queues[qindex].tail - s->queues[qindex].head);
	return 0;
}

/*
 * Packet metadata.
 */

void
rte_sched_port_pkt_write(struct rte_sched_port *port,
			 struct rte_mbuf *pkt,
			 uint32_t subport, uint32_t pipe, uint32_t traffic_class,
			 uint32_t queue, enum rte_color color)
{
	uint32_t qin = traffic_class < TC_BE ? traffic_class : TC_BE + queue;
	uint32_t queue_id = ((subport & (port->n_subports - 1)) << (port->pipe_bits + 4)) |
		((pipe & (port->n_pipes - 1)) << 4) | (qin & (N_QUEUES - 1));

	rte_mbuf_sched_set(pkt, queue_id, (uint8_t)traffic_class, (uint8_t)color);
}

void
rte_sched_port_pkt_read_tree_path(struct rte_sched_port *port,
				  const struct rte_mbuf *pkt,
				  uint32_t *subport, uint32_t *pipe,
				  uint32_t *traffic_class, uint32_t *queue)
{
	uint32_t queue_id = rte_mbuf_sched_queue_get(pkt);
	uint32_t qin = queue_id & (N_QUEUES - 1);

	*subport = queue_id >> (port->pipe_bits + 4);
	*pipe = (queue_id >> 4) & (port->n_pipes - 1);
	*traffic_class = queue_tc(qin);
	*queue = qin < TC_BE ? 0 : qin - TC_BE;
}

enum rte_color
rte_sched_port_pkt_read_color(const struct rte_mbuf *pkt)
{
	return (enum rte_color)rte_mbuf_sched_color_get(pkt);
}

/*
 * Enqueue.
 */

/* Congestion management verdict: 0 keeps the packet. */
static int
cman_drop(struct rte_sched_port *port, struct rte_sched_subport *s, struct sched_queue_extra *q,
	uint32_t tc, struct rte_mbuf *pkt, uint32_t qlen)
{
	if (s->cman == RTE_SCHED_CMAN_PIE)
		return rte_pie_enqueue(&s->pie_config[tc], &q->pie, qlen, pkt->pkt_len,
			port->time_cpu_cycles);
	else {
		uint32_t color = rte_sched_port_pkt_read_color(pkt);
		const struct rte_red_config *cfg;

		if (color >= RTE_COLORS)
			color = RTE_COLOR_RED;
		cfg = &s->red_config[tc][color];
		if ((cfg->min_th | cfg->max_th) == 0)
			return 0;
		return rte_red_enqueue(cfg, &q->red, qlen, port->time);
	}
}

static inline void
pipe_mark_active(struct rte_sched_subport *s, uint32_t pipe)
{
	s->active[pipe / 64] |= UINT64_C(1) << (pipe % 64);
	s->n_active++;
}

static inline void
pipe_mark_idle(struct rte_sched_subport *s, uint32_t pipe)
{
	s->active[pipe / 64] &= ~(UINT64_C(1) << (pipe % 64));
	s->n_active--;
}

/* Where a packet of the burst goes, found once when its prefetches are issued. */
struct enqueue_dest {
	struct rte_sched_subport *s;	/* NULL: no such queue, the packet is dropped */
	uint32_t qindex;
};

static __rte_always_inline int
enqueue_one(struct rte_sched_port *port, struct rte_mbuf *pkt, const struct enqueue_dest *d)
{
	struct rte_sched_subport *s = d->s;
	uint32_t qindex = d->qindex, tc, qin, qlen, len = pkt->pkt_len;
	struct sched_queue_extra *qe;
	struct sched_queue *q;
	struct sched_pipe *p;
	int cman = 0;

	if (unlikely(s == NULL)) {
		rte_pktmbuf_free(pkt);
		return 0;
	}
	qin = qindex % N_QUEUES;
	tc = queue_tc(qin);
	q = &s->queues[qindex];
	qe = &s->qextra[qindex];
	qlen = (uint16_t)(q->tail - q->head);
	if (s->cman_enabled)
		cman = cman_drop(port, s, qe, tc, pkt, qlen);
	if (unlikely(cman != 0 || qlen >= s->qsize[tc])) {
		s->stats.n_pkts_tc_dropped[tc]++;
		s->stats.n_bytes_tc_dropped[tc] += len;
		qe->stats.n_pkts_dropped++;
		qe->stats.n_bytes_dropped += len;
		if (cman != 0) {
			s->stats.n_pkts_cman_dropped[tc]++;
			qe->stats.n_pkts_cman_dropped++;
		}
		rte_pktmbuf_free(pkt);
		return 0;
	}

	queue_ring(s, qindex)[q->tail & s->qmask[qin]] = pkt;
	q->tail++;
	s->stats.n_pkts_tc[tc]++;
	s->stats.n_bytes_tc[tc] += len;
	qe->stats.n_pkts++;
	qe->stats.n_bytes += len;

	p = &s->pipes[qindex / N_QUEUES];
	if (p->busy == 0)
		pipe_mark_active(s, qindex / N_QUEUES);
	p->busy |= 1u << qin;
	return 1;
}

/*
 * Bring in what enqueueing a packet touches, so that the cache misses of a burst overlap:
 * its queue, statistics and pipe a few packets ahead, then (once the queue is in) the ring
 * slot it will take. The mbufs themselves are fetched further ahead still. The destination
 * of the packets in between is kept in a small window, indexed by packet number.
 */
#define AHEAD_MBUF 12
#define AHEAD_QUEUE 6
#define AHEAD_SLOT 3
#define DEST_WINDOW 8	/* a power of 2 above AHEAD_QUEUE */

static __rte_always_inline void
enqueue_prefetch_queue(struct rte_sched_port *port, struct rte_mbuf *pkt,
	struct enqueue_dest *d)
{
	d->s = queue_locate(port, rte_mbuf_sched_queue_get(pkt), &d->qindex);
	if (d->s == NULL)
		return;
	rte_prefetch0(&d->s->queues[d->qindex]);
	rte_prefetch0(&d->s->qextra[d->qindex]);
	rte_prefetch0(&d->s->pipes[d->qindex / N_QUEUES]);
}

static __rte_always_inline void
enqueue_prefetch_slot(const struct enqueue_dest *d)
{
	const struct rte_sched_subport *s = d->s;

	if (s == NULL)
		return;
	rte_prefetch0(queue_ring(s, d->qindex) + (s->queues[d->qindex].tail &
		s->qmask[d->qindex % N_QUEUES]));
}

int
rte_sched_port_enqueue(struct rte_sched_port *port, struct rte_mbuf **pkts, uint32_t n_pkts)
{
	struct enqueue_dest dest[DEST_WINDOW];
	uint32_t i;
	int n = 0;

	for (i = 0; i < n_pkts && i < AHEAD_MBUF; i++)
		rte_prefetch0(pkts[i]);
	for (i = 0; i < n_pkts && i < AHEAD_QUEUE; i++)
		enqueue_prefetch_queue(port, pkts[i], &dest[i]);
	for (i = 0; i < n_pkts && i < AHEAD_SLOT; i++)
		enqueue_prefetch_slot(&dest[i]);
	for (i = 0; i < n_pkts; i++) {
		if (i + AHEAD_MBUF < n_pkts)
			rte_prefetch0(pkts[i + AHEAD_MBUF]);
		if (i + AHEAD_QUEUE < n_pkts)
			enqueue_prefetch_queue(port, pkts[i + AHEAD_QUEUE],
				&dest[(i + AHEAD_QUEUE) % DEST_WINDOW]);
		if (i + AHEAD_SLOT < n_pkts)
			enqueue_prefetch_slot(&dest[(i + AHEAD_SLOT) % DEST_WINDOW]);
		n += enqueue_one(port, pkts[i], &dest[i % DEST_WINDOW]);
	}
	return n;
}

/*
 * Dequeue.
 */

static void
port_time_sync(struct rte_sched_port *port)
{
	uint64_t now = rte_get_tsc_cycles();
	unsigned __int128 scaled;

	/* bytes = cycles * rate / hz, keeping the remainder so nothing drifts */
	scaled = (unsigned __int128)(now - port->time_cpu_cycles) * port->rate + port->cycles_rem;
	port->time_cpu_cycles = now;
	port->time_cpu_bytes += (uint64_t)(scaled / port->tsc_hz);
	port->cycles_rem = (uint64_t)(scaled % port->tsc_hz);
	if (port->time < port->time_cpu_bytes)
		port->time = port->time_cpu_bytes;
}

/* The port may start another frame: it is at most one frame ahead of real time. */
static inline bool
port_has_room(const struct rte_sched_port *port)
{
	return port->time < port->time_cpu_bytes + port->mtu;
}

static void
subport_tc_ov_wm_update(struct rte_sched_port *port, struct rte_sched_subport *s)
{
	int64_t higher = 0, be_used, be_left;
	uint32_t i;

	/* what the priority classes used in the ending period is not left for best effort */
	for (i = 0; i < TC_BE; i++)
		if (s->qsize[i] != 0)
			higher += (int64_t)(s->r.tc_credits_per_period[i] - s->tc_credits[i]);
	be_left = (int64_t)s->r.tc_credits_per_period[TC_BE] - higher;
	be_used = (int64_t)(s->r.tc_credits_per_period[TC_BE] - s->tc_credits[TC_BE]);

	if (be_used > be_left - (int64_t)port->mtu) {
		s->tc_ov_wm -= s->tc_ov_wm >> 7;
		if (s->tc_ov_wm < s->tc_ov_wm_min)
			s->tc_ov_wm = s->tc_ov_wm_min;
	} else {
		s->tc_ov_wm += (s->tc_ov_wm >> 7) + 1;
		if (s->tc_ov_wm > s->tc_ov_wm_max)
			s->tc_ov_wm = s->tc_ov_wm_max;
	}
}

static void
subport_refill(struct rte_sched_port *port, struct rte_sched_subport *s)
{
	uint64_t n = (port->time - s->tb_time) / s->r.tb_period;
	uint32_t i;

	s->tb_credits += n * s->r.tb_credits_per_period;
	if (s->tb_credits > s->r.tb_size)
		s->tb_credits = s->r.tb_size;
	s->tb_time += n * s->r.tb_period;

	if (port->time >= s->tc_time) {
		if (s->tc_ov_enabled)
			subport_tc_ov_wm_update(port, s);
		for (i = 0; i < N_TC; i++)
			s->tc_credits[i] = s->qsize[i] != 0 ? s->r.tc_credits_per_period[i] : 0;
		s->tc_time = port->time + s->r.tc_period;
		s->tc_ov_period_id++;
	}
}

static void
pipe_refill(struct rte_sched_port *port, struct rte_sched_subport *s, struct sched_pipe *p,
	const struct sched_pipe_profile *prof)
{
	uint64_t n = (port->time - p->tb_time) / prof->r.tb_period;
	uint32_t i;

	p->tb_credits += n * prof->r.tb_credits_per_period;
	if (p->tb_credits > prof->r.tb_size)
		p->tb_credits = prof->r.tb_size;
	p->tb_time += n * prof->r.tb_period;

	if (port->time >= p->tc_time) {
		for (i = 0; i < N_TC; i++)
			p->tc_credits[i] = prof->r.tc_credits_per_period[i];
		p->tc_time = port->time + prof->r.tc_period;
	}
	if (p->tc_ov_period_id != s->tc_ov_period_id) {
		p->tc_ov_credits = s->tc_ov_wm * prof->params.tc_ov_weight;
		p->tc_ov_period_id = s->tc_ov_period_id;
	}
}

/* Whether every level has the credits for a frame of len bytes of class tc. */
static inline bool
credits_ok(const struct rte_sched_subport *s, const struct sched_pipe *p, uint32_t tc,
	uint64_t len)
{
	if (len > s->tb_credits || len > s->tc_credits[tc] || len > p->tb_credits ||
			len > p->tc_credits[tc])
		return false;
	return tc != TC_BE || !s->tc_ov_enabled || len <= p->tc_ov_credits;
}

static inline void
credits_take(struct rte_sched_subport *s, struct sched_pipe *p, uint32_t tc, uint64_t len)
{
	s->tb_credits -= len;
	s->tc_credits[tc] -= len;
	p->tb_credits -= len;
	p->tc_credits[tc] -= len;
	if (tc == TC_BE && s->tc_ov_enabled)
		p->tc_ov_credits -= len;
}

static __rte_always_inline struct rte_mbuf *
queue_pop(struct rte_sched_port *port, struct rte_sched_subport *s, struct sched_pipe *p,
	uint32_t pipe_id, uint32_t qin)
{
	uint32_t qindex = pipe_id * N_QUEUES + qin;
	struct sched_queue *q = &s->queues[qindex];
	struct rte_mbuf *pkt = queue_ring(s, qindex)[q->head & s->qmask[qin]];

	q->head++;
	if (s->cman_enabled) {
		struct sched_queue_extra *qe = &s->qextra[qindex];

		if (s->cman == RTE_SCHED_CMAN_PIE) {
			qe->pie.qlen--;
			qe->pie.qlen_bytes -= pkt->pkt_len;
			rte_pie_dequeue(&qe->pie, pkt->pkt_len, port->time_cpu_cycles);
		} else if (q->head == q->tail) {
			rte_red_mark_queue_empty(&qe->red, port->time);
		}
	}
	if (q->head == q->tail) {
		p->busy &= ~(1u << qin);
		if (p->busy == 0)
			pipe_mark_idle(s, pipe_id);
	}
	return pkt;
}

/* Best-effort queue to serve next: the busy one whose virtual time is smallest. */
static inline uint32_t
wrr_pick(const struct sched_pipe *p)
{
	uint32_t best = N_BE, i;

	for (i = 0; i < N_BE; i++) {
		if ((p->busy & (1u << (TC_BE + i))) == 0)
			continue;
		if (best == N_BE || p->wrr_vt[i] < p->wrr_vt[best])
			best = i;
	}
	return best;
}

/* After a best-effort packet: charge its queue, keep the virtual times small. */
static inline void
wrr_charge(struct sched_pipe *p, const struct sched_pipe_profile *prof, uint32_t i,
	uint32_t len)
{
	uint64_t low = UINT64_MAX;
	uint32_t j;

	p->wrr_vt[i] += len * prof->wrr_cost[i];
	for (j = 0; j < N_BE; j++)
		if ((p->busy & (1u << (TC_BE + j))) != 0 && p->wrr_vt[j] < low)
			low = p->wrr_vt[j];
	/* an idle queue restarts level with the others; busy ones keep their distance */
	for (j = 0; j < N_BE; j++) {
		if ((p->busy & (1u << (TC_BE + j))) == 0)
			p->wrr_vt[j] = 0;
		else
			p->wrr_vt[j] -= low;
	}
}

static uint32_t
pipe_dequeue(struct rte_sched_port *port, struct rte_sched_subport *s, uint32_t pipe_id,
	struct rte_mbuf **pkts, uint32_t n)
{
	struct sched_pipe *p = &s->pipes[pipe_id];
	const struct sched_pipe_profile *prof;
	uint32_t count = 0, tc, classes_left;

	if (p->profile < 0)
		return 0;
	prof = &s->pipe_profiles[p->profile];
	subport_refill(port, s);
	pipe_refill(port, s, p, prof);

	/* the classes with packets, in priority order; best effort is one class of 4 queues */
	classes_left = (p->busy & ((1u << TC_BE) - 1)) | ((p->busy >> TC_BE) != 0 ? 1u << TC_BE : 0);
	while (classes_left != 0) {
		tc = (uint32_t)__builtin_ctz(classes_left);
		classes_left &= classes_left - 1;
		while (count < n && port_has_room(port)) {
			uint32_t qin, wrr = 0;
			struct rte_mbuf *pkt;
			uint32_t len;

			if (tc < TC_BE) {
				qin = tc;
				if ((p->busy & (1u << qin)) == 0)
					break;
			} else {
				wrr = wrr_pick(p);
				if (wrr == N_BE)
					break;
				qin = TC_BE + wrr;
			}
			pkt = queue_ring(s, pipe_id * N_QUEUES + qin)[
				s->queues[pipe_id * N_QUEUES + qin].head & s->qmask[qin]];
			len = pkt->pkt_len + port->frame_overhead;
			if (!credits_ok(s, p, tc, len))
				break;
			credits_take(s, p, tc, len);
			port->time += len;
			pkts[count++] = queue_pop(port, s, p, pipe_id, qin);
			if (tc == TC_BE)
				wrr_charge(p, prof, wrr, len);
		}
		if (count == n || !port_has_room(port))
			break;
	}
	return count;
}

/* First active pipe at or after from, wrapping around; the subport has one. */
static uint32_t
next_active_pipe(const struct rte_sched_subport *s, uint32_t from)
{
	uint32_t n_words = (s->n_pipes + 63) / 64;
	uint32_t w = from / 64, i;
	uint64_t bits = s->active[w] & (~UINT64_C(0) << (from % 64));

	for (i = 0; i <= n_words; i++) {
		if (bits != 0)
			return w * 64 + (uint32_t)__builtin_ctzll(bits);
		w = (w + 1) % n_words;
		bits = s->active[w];
	}
	return 0;
}

/*
 * The pipes after the one about to be served go through three steps so that their cache
 * misses overlap with the work on the pipes before them: AHEAD_PIPE visits ahead, the pipe
 * and its queue heads; AHEAD_SLOTS ahead, the ring slots at the heads of its busy queues;
 * AHEAD_MBUFS ahead, the mbufs in them. A visit moves only a packet or two when there are
 * many pipes, so each step is given two visits to land.
 */
#define AHEAD_MBUFS 2
#define AHEAD_SLOTS 4
#define AHEAD_PIPE 6

static __rte_always_inline void
pipe_prefetch_slots(const struct rte_sched_subport *s, uint32_t pipe, bool mbufs)
{
	uint32_t busy = s->pipes[pipe].busy;

	while (busy != 0) {
		uint32_t qin = (uint32_t)__builtin_ctz(busy);
		uint32_t qindex = pipe * N_QUEUES + qin;
		struct rte_mbuf **slot = queue_ring(s, qindex) +
			(s->queues[qindex].head & s->qmask[qin]);

		if (mbufs)
			rte_prefetch0(*slot);
		else
			rte_prefetch0(slot);
		busy &= busy - 1;
	}
}

static __rte_always_inline void
pipe_prefetch(const struct rte_sched_subport *s, uint32_t pipe)
{
	const char *p = (const char *)&s->pipes[pipe];
	uint32_t off;

	for (off = 0; off < sizeof(struct sched_pipe); off += RTE_CACHE_LINE_SIZE)
		rte_prefetch0(p + off);
	rte_prefetch0(&s->queues[pipe * N_QUEUES]);
}

/* One pass over the active bitmap from the pipe about to be served finds the three ahead. */
static __rte_always_inline void
dequeue_prefetch(const struct rte_sched_subport *s, uint32_t pipe)
{
	uint32_t n_words = (s->n_pipes + 63) / 64;
	uint32_t w = pipe / 64, i = 0, words = 0;
	uint64_t bits = s->active[w] & (~UINT64_C(1) << (pipe % 64));

	while (i < AHEAD_PIPE) {
		uint32_t ahead;

		while (bits == 0) {
			/* fewer active pipes than the distance: the rest are in cache already */
			if (++words > n_words)
				return;
			w = w + 1 == n_words ? 0 : w + 1;
			bits = s->active[w];
		}
		ahead = w * 64 + (uint32_t)__builtin_ctzll(bits);
		bits &= bits - 1;
		if (ahead == pipe)
			return;
		i++;
		if (i == AHEAD_MBUFS)
			pipe_prefetch_slots(s, ahead, true);
		else if (i == AHEAD_SLOTS)
			pipe_prefetch_slots(s, ahead, false);
		else if (i == AHEAD_PIPE)
			pipe_prefetch(s, ahead);
	}
}

static uint32_t
subport_dequeue(struct rte_sched_port *port, struct rte_sched_subport *s,
	struct rte_mbuf **pkts, uint32_t n)
{
	uint32_t count = 0, idle = 0;

	/* stop once every active pipe in a row had nothing it could send */
	while (count < n && s->n_active != 0 && idle < s->n_active && port_has_room(port)) {
		uint32_t pipe = next_active_pipe(s, s->cursor);
		uint32_t sent;

		dequeue_prefetch(s, pipe);
		sent = pipe_dequeue(port, s, pipe, pkts + count, n - count);

		count += sent;
		idle = sent == 0 ? idle + 1 : 0;
		/* a pipe cut short by the caller or the port continues on the next call */
		if (count < n && port_has_room(port))
			s->cursor = (pipe + 1) & (s->n_pipes - 1);
		else
			s->cursor = pipe;
	}
	return count;
}

int
rte_sched_port_dequeue(struct rte_sched_port *port, struct rte_mbuf **pkts, uint32_t n_pkts)
{
	uint32_t count = 0, i;

	port_time_sync(port);
	for (i = 0; i < port->n_subports && count < n_pkts && port_has_room(port); i++) {
		struct rte_sched_subport *s = port->subports[port->cursor];

		if (s != NULL && s->n_active != 0)
			count += subport_dequeue(port, s, pkts + count, n_pkts - count);
		if (count < n_pkts && port_has_room(port))
			port->cursor = (port->cursor + 1) & (port->n_subports - 1);
	}
	return (int)count;
}
