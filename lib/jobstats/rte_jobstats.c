/* SPDX-License-Identifier: BSD-3-Clause */
/* Timing of jobs and of the loop around them, and the default period adjustment. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_cycles.h>

#include "rte_jobstats.h"

/*
 * A period grows slowly when a job finds too little work and shrinks faster when it finds
 * too much: falling behind costs more (queues fill up) than polling a bit too often.
 */
#define PERIOD_STEP_UP 1
#define PERIOD_STEP_DOWN 4

/* A counter triple: sum, minimum and maximum of the samples added. */
static inline void
add_sample(uint64_t *sum, uint64_t *min, uint64_t *max, uint64_t v)
{
	*sum += v;
	if (v < *min)
		*min = v;
	if (v > *max)
		*max = v;
}

/* Time since the context's last event, which becomes now. */
static inline uint64_t
elapsed(struct rte_jobstats_context *ctx)
{
	uint64_t now = rte_rdtsc();
	uint64_t d = now - ctx->state_time;

	ctx->state_time = now;
	return d;
}

static inline void
add_management(struct rte_jobstats_context *ctx)
{
	add_sample(&ctx->management_time, &ctx->min_management_time, &ctx->max_management_time,
		elapsed(ctx));
}

static void
default_update_period(struct rte_jobstats *job, int64_t result)
{
	if (result < job->target) {
		if (job->period + PERIOD_STEP_UP < job->max_period)
			job->period += PERIOD_STEP_UP;
	} else if (result > job->target) {
		if (job->min_period + PERIOD_STEP_DOWN < job->period)
			job->period -= PERIOD_STEP_DOWN;
	}
}

int
rte_jobstats_context_init(struct rte_jobstats_context *ctx)
{
	if (ctx == NULL)
		return -EINVAL;
	memset(ctx, 0, sizeof(*ctx));
	rte_jobstats_context_reset(ctx);
	return 0;
}

void
rte_jobstats_context_reset(struct rte_jobstats_context *ctx)
{
	ctx->exec_time = 0;
	ctx->min_exec_time = UINT64_MAX;
	ctx->max_exec_time = 0;
	ctx->management_time = 0;
	ctx->min_management_time = UINT64_MAX;
	ctx->max_management_time = 0;
	ctx->job_exec_cnt = 0;
	ctx->loop_cnt = 0;
	ctx->start_time = rte_rdtsc();
	ctx->state_time = ctx->start_time;
}

void
rte_jobstats_context_start(struct rte_jobstats_context *ctx)
{
	ctx->loop_executed_jobs = 0;
	add_management(ctx);
}

void
rte_jobstats_context_finish(struct rte_jobstats_context *ctx)
{
	if (likely(ctx->loop_executed_jobs != 0))
		ctx->loop_cnt++;
	add_management(ctx);
}

int
rte_jobstats_init(struct rte_jobstats *job, const char *name, uint64_t min_period,
	uint64_t max_period, uint64_t initial_period, int64_t target)
{
	if (job == NULL)
		return -EINVAL;
	job->period = initial_period;
	job->min_period = min_period;
	job->max_period = max_period;
	job->target = target;
	job->update_period_cb = default_update_period;
	job->context = NULL;
	snprintf(job->name, sizeof(job->name), "%s", name != NULL ? name : "");
	rte_jobstats_reset(job);
	return 0;
}

void
rte_jobstats_set_target(struct rte_jobstats *job, int64_t target)
{
	job->target = target;
}

int
rte_jobstats_start(struct rte_jobstats_context *ctx, struct rte_jobstats *job)
{
	if (unlikely(ctx == NULL || job == NULL || job->context != NULL))
		return -EINVAL;
	job->context = ctx;
	add_management(ctx);
	return 0;
}

int
rte_jobstats_abort(struct rte_jobstats *job)
{
	if (unlikely(job == NULL || job->context == NULL))
		return -EINVAL;
	add_management(job->context);
	job->context = NULL;
	return 0;
}

int
rte_jobstats_finish(struct rte_jobstats *job, int64_t job_value)
{
	struct rte_jobstats_context *ctx;
	int missed;
	uint64_t t;

	if (unlikely(job == NULL || job->context == NULL))
		return -EINVAL;
	ctx = job->context;
	missed = job_value != job->target;
	/* before taking the time: the adjustment is part of the job's cost */
	if (missed)
		job->update_period_cb(job, job_value);
	t = elapsed(ctx);
	add_sample(&job->exec_time, &job->min_exec_time, &job->max_exec_time, t);
	add_sample(&ctx->exec_time, &ctx->min_exec_time, &ctx->max_exec_time, t);
	job->exec_cnt++;
	ctx->job_exec_cnt++;
	ctx->loop_executed_jobs++;
	job->context = NULL;
	return missed;
}

void
rte_jobstats_set_period(struct rte_jobstats *job, uint64_t period, uint8_t saturate)
{
	if (saturate != 0 && period < job->min_period)
		period = job->min_period;
	else if (saturate != 0 && period > job->max_period)
		period = job->max_period;
	job->period = period;
}

void
rte_jobstats_set_min(struct rte_jobstats *job, uint64_t period)
{
	job->min_period = period;
	if (job->period < period)
		job->period = period;
}

void
rte_jobstats_set_max(struct rte_jobstats *job, uint64_t period)
{
	job->max_period = period;
	if (job->period > period)
		job->period = period;
}

void
rte_jobstats_set_update_period_function(struct rte_jobstats *job,
	rte_job_update_period_cb_t update_period_cb)
{
	job->update_period_cb = update_period_cb != NULL ? update_period_cb :
		default_update_period;
}

void
rte_jobstats_reset(struct rte_jobstats *job)
{
	job->exec_time = 0;
	job->min_exec_time = UINT64_MAX;
	job->max_exec_time = 0;
	job->exec_cnt = 0;
}
