/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Job statistics: argument errors, the default period adjustment and its bounds, a custom
 * adjustment, and the time accounting of a loop that finishes one job and aborts another.
 */
#include "test_common.h"

#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_jobstats.h>

static void
test_errors(void **state)
{
	struct rte_jobstats_context ctx;
	struct rte_jobstats job;

	(void)state;
	assert_int_equal(rte_jobstats_context_init(NULL), -EINVAL);
	assert_int_equal(rte_jobstats_init(NULL, "x", 1, 10, 5, 0), -EINVAL);
	assert_int_equal(rte_jobstats_context_init(&ctx), 0);
	assert_int_equal(rte_jobstats_init(&job, NULL, 1, 10, 5, 0), 0);
	assert_string_equal(job.name, "");
	/* not started */
	assert_int_equal(rte_jobstats_finish(&job, 0), -EINVAL);
	assert_int_equal(rte_jobstats_abort(&job), -EINVAL);
	assert_int_equal(rte_jobstats_finish(NULL, 0), -EINVAL);
	assert_int_equal(rte_jobstats_abort(NULL), -EINVAL);
	assert_int_equal(rte_jobstats_start(NULL, &job), -EINVAL);
	assert_int_equal(rte_jobstats_start(&ctx, NULL), -EINVAL);
	/* already running */
	assert_int_equal(rte_jobstats_start(&ctx, &job), 0);
	assert_ptr_equal(job.context, &ctx);
	assert_int_equal(rte_jobstats_start(&ctx, &job), -EINVAL);
	assert_int_equal(rte_jobstats_finish(&job, 0), 0);
	assert_null(job.context);
	assert_int_equal(job.exec_cnt, 1);
}

static void
test_default_period(void **state)
{
	struct rte_jobstats_context ctx;
	struct rte_jobstats job;
	const char *long_name = "a job name longer than thirty-one characters";
	int i;

	(void)state;
	assert_int_equal(rte_jobstats_context_init(&ctx), 0);
	assert_int_equal(rte_jobstats_init(&job, long_name, 100, 110, 105, 32), 0);
	assert_int_equal(strlen(job.name), RTE_JOBSTATS_NAMESIZE - 1);
	assert_memory_equal(job.name, long_name, RTE_JOBSTATS_NAMESIZE - 1);
	assert_int_equal(job.period, 105);
	assert_int_equal(job.min_exec_time, UINT64_MAX);

	/* on target: unchanged, 0 */
	assert_int_equal(rte_jobstats_start(&ctx, &job), 0);
	assert_int_equal(rte_jobstats_finish(&job, 32), 0);
	assert_int_equal(job.period, 105);
	/* too little work: up by one, never reaching max_period */
	for (i = 0; i < 10; i++) {
		assert_int_equal(rte_jobstats_start(&ctx, &job), 0);
		assert_int_equal(rte_jobstats_finish(&job, 0), 1);
	}
	assert_int_equal(job.period, 109);
	/* too much: down by four, staying more than 4 above min_period */
	assert_int_equal(rte_jobstats_start(&ctx, &job), 0);
	assert_int_equal(rte_jobstats_finish(&job, 64), 1);
	assert_int_equal(job.period, 105);
	assert_int_equal(rte_jobstats_start(&ctx, &job), 0);
	assert_int_equal(rte_jobstats_finish(&job, 64), 1);
	assert_int_equal(job.period, 101);
	assert_int_equal(rte_jobstats_start(&ctx, &job), 0);
	assert_int_equal(rte_jobstats_finish(&job, 64), 1);
	assert_int_equal(job.period, 101);
	assert_int_equal(job.exec_cnt, 14);
	assert_int_equal(ctx.job_exec_cnt, 14);

	rte_jobstats_set_target(&job, 64);
	assert_int_equal(job.target, 64);
	/* bounds and saturation */
	rte_jobstats_set_period(&job, 500, 0);
	assert_int_equal(job.period, 500);
	rte_jobstats_set_period(&job, 500, 1);
	assert_int_equal(job.period, 110);
	rte_jobstats_set_period(&job, 1, 1);
	assert_int_equal(job.period, 100);
	rte_jobstats_set_min(&job, 103);
	assert_int_equal(job.min_period, 103);
	assert_int_equal(job.period, 103);
	rte_jobstats_set_max(&job, 102);
	assert_int_equal(job.max_period, 102);
	assert_int_equal(job.period, 102);
	rte_jobstats_set_min(&job, 50);
	assert_int_equal(job.period, 102);
	rte_jobstats_reset(&job);
	assert_int_equal(job.exec_cnt, 0);
	assert_int_equal(job.exec_time, 0);
	assert_int_equal(job.max_exec_time, 0);
	assert_int_equal(job.min_exec_time, UINT64_MAX);
	assert_int_equal(job.period, 102);
}

static int custom_calls;
static int64_t custom_value;

static void
custom_update(struct rte_jobstats *job, int64_t result)
{
	custom_calls++;
	custom_value = result;
	rte_jobstats_set_period(job, job->period * 2, 1);
}

static void
test_custom_update(void **state)
{
	struct rte_jobstats_context ctx;
	struct rte_jobstats job;

	(void)state;
	assert_int_equal(rte_jobstats_context_init(&ctx), 0);
	assert_int_equal(rte_jobstats_init(&job, "rx", 10, 1000, 100, 5), 0);
	rte_jobstats_set_update_period_function(&job, custom_update);
	assert_int_equal(rte_jobstats_start(&ctx, &job), 0);
	assert_int_equal(rte_jobstats_finish(&job, 5), 0);
	assert_int_equal(custom_calls, 0);
	assert_int_equal(rte_jobstats_start(&ctx, &job), 0);
	assert_int_equal(rte_jobstats_finish(&job, 7), 1);
	assert_int_equal(custom_calls, 1);
	assert_int_equal(custom_value, 7);
	assert_int_equal(job.period, 200);
	/* NULL brings the default back */
	rte_jobstats_set_update_period_function(&job, NULL);
	assert_int_equal(rte_jobstats_start(&ctx, &job), 0);
	assert_int_equal(rte_jobstats_finish(&job, 0), 1);
	assert_int_equal(custom_calls, 1);
	assert_int_equal(job.period, 201);
}

static void
spin(uint64_t cycles)
{
	uint64_t end = rte_rdtsc() + cycles;

	while (rte_rdtsc() < end)
		;
}

static void
test_time_accounting(void **state)
{
	struct rte_jobstats_context ctx;
	struct rte_jobstats work, aborted;
	uint64_t t0, total, mgmt_before;

	(void)state;
	assert_int_equal(rte_jobstats_context_init(&ctx), 0);
	t0 = ctx.start_time;
	assert_int_equal(ctx.state_time, t0);
	assert_int_equal(ctx.min_management_time, UINT64_MAX);
	assert_int_equal(rte_jobstats_init(&work, "work", 1, 100, 10, 0), 0);
	assert_int_equal(rte_jobstats_init(&aborted, "aborted", 1, 100, 10, 0), 0);

	/* a turn with no finished job is not counted */
	rte_jobstats_context_start(&ctx);
	assert_int_equal(rte_jobstats_start(&ctx, &aborted), 0);
	spin(100000);
	mgmt_before = ctx.management_time;
	assert_int_equal(rte_jobstats_abort(&aborted), 0);
	assert_null(aborted.context);
	assert_true(ctx.management_time >= mgmt_before + 100000);
	assert_int_equal(aborted.exec_cnt, 0);
	assert_int_equal(aborted.exec_time, 0);
	rte_jobstats_context_finish(&ctx);
	assert_int_equal(ctx.loop_cnt, 0);
	assert_int_equal(ctx.exec_time, 0);

	/* a turn that runs one job for at least 200000 cycles */
	rte_jobstats_context_start(&ctx);
	assert_int_equal(ctx.loop_executed_jobs, 0);
	assert_int_equal(rte_jobstats_start(&ctx, &work), 0);
	spin(200000);
	assert_int_equal(rte_jobstats_finish(&work, 0), 0);
	assert_int_equal(ctx.loop_executed_jobs, 1);
	rte_jobstats_context_finish(&ctx);
	assert_int_equal(ctx.loop_cnt, 1);
	assert_true(work.exec_time >= 200000);
	assert_int_equal(work.min_exec_time, work.exec_time);
	assert_int_equal(work.max_exec_time, work.exec_time);
	assert_int_equal(ctx.exec_time, work.exec_time);
	assert_true(ctx.min_management_time <= ctx.max_management_time);
	/* every cycle since init is either execution or management */
	total = ctx.state_time - t0;
	assert_int_equal(ctx.exec_time + ctx.management_time, total);

	rte_jobstats_context_reset(&ctx);
	assert_int_equal(ctx.exec_time, 0);
	assert_int_equal(ctx.management_time, 0);
	assert_int_equal(ctx.loop_cnt, 0);
	assert_int_equal(ctx.job_exec_cnt, 0);
	assert_int_equal(ctx.min_exec_time, UINT64_MAX);
	assert_true(ctx.start_time >= t0 + 300000);
	assert_int_equal(ctx.state_time, ctx.start_time);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_default_period),
		cmocka_unit_test(test_custom_update),
		cmocka_unit_test(test_time_accounting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
