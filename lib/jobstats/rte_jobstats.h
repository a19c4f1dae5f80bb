/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Job statistics for run-to-completion loops. An lcore's loop runs "jobs" (poll a queue,
 * flush buffers, ...) one after the other; each job has a period, the number of cycles the
 * loop waits between two of its runs. The library times every job and the loop around them,
 * and adapts the period: a job reports a value after each run (for instance the packets it
 * found) and its period shrinks when the value is above the job's target and grows when below,
 * within [min_period, max_period].
 *
 * All times are TSC cycles. A context and its jobs are used by one lcore at a time: nothing
 * here is thread safe.
 */
#ifndef JOBSTATS_H_
#define JOBSTATS_H_

#include <stdint.h>

#include <rte_memory.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Size of a job's name, with its terminating NUL. */
#define RTE_JOBSTATS_NAMESIZE 32

struct rte_jobstats_context;
struct rte_jobstats;

/**
 * Function that computes a job's next period from the value its last run reported, called
 * by rte_jobstats_finish() when that value differs from the target. It sets the new period
 * with rte_jobstats_set_period(); its own time counts as the job's execution time.
 */
typedef void (*rte_job_update_period_cb_t)(struct rte_jobstats *job,
		int64_t job_result);

/** One job: its period, target and execution times. */
struct rte_jobstats {
	uint64_t period;
	/**< Cycles between two runs of the job. */

	uint64_t min_period;
	/**< Lowest period the adjustment may set. */

	uint64_t max_period;
	/**< Highest period the adjustment may set. */

	int64_t target;
	/**< Value the job should report after each run. */

	rte_job_update_period_cb_t update_period_cb;
	/**< Period adjustment, called when the reported value misses the target. */

	uint64_t exec_time;
	/**< Sum of the execution times of the runs since the last reset. */

	uint64_t min_exec_time;
	/**< Shortest run (UINT64_MAX before the first). */

	uint64_t max_exec_time;
	/**< Longest run. */

	uint64_t exec_cnt;
	/**< Runs since the last reset. */

	char name[RTE_JOBSTATS_NAMESIZE];
	/**< Name of the job, for display. */

	struct rte_jobstats_context *context;
	/**< Context of the run in progress, NULL between runs. */
} __rte_cache_aligned;

/** The loop that runs jobs on one lcore: time spent in the jobs and around them. */
struct rte_jobstats_context {
	/** When the last event happened: start of the loop turn or of a job, end of a job or
	 * of the turn. The next event adds the time since then to the right counter. */
	uint64_t state_time;

	uint64_t loop_executed_jobs;
	/**< Jobs finished in the current turn of the loop. */

	/* Statistics start. */

	uint64_t exec_time;
	/**< Time spent in finished jobs since the last reset. */

	uint64_t min_exec_time;
	/**< Shortest job run. */

	uint64_t max_exec_time;
	/**< Longest job run. */

	/**
	 * Time spent outside the finished jobs since the last reset: between jobs, in aborted
	 * jobs, and in the loop itself. The overhead of the scheduling.
	 */
	uint64_t management_time;

	uint64_t min_management_time;
	/**< Shortest stretch of management time. */

	uint64_t max_management_time;
	/**< Longest stretch of management time. */

	uint64_t start_time;
	/**< When the statistics were last reset. */

	uint64_t job_exec_cnt;
	/**< Jobs finished since the last reset. */

	uint64_t loop_cnt;
	/**< Loop turns that finished at least one job since the last reset. */
} __rte_cache_aligned;

/**
 * Initialize a context: counters cleared, the clock starts now.
 *
 * @return
 *   0, or -EINVAL if ctx is NULL.
 */
int
rte_jobstats_context_init(struct rte_jobstats_context *ctx);

/** Start a turn of the loop; the time since the last event is management time. */
void
rte_jobstats_context_start(struct rte_jobstats_context *ctx);

/** End a turn of the loop; counts it in loop_cnt if it finished a job. */
void
rte_jobstats_context_finish(struct rte_jobstats_context *ctx);

/** Clear the statistics of a context; its clock restarts now. */
void
rte_jobstats_context_reset(struct rte_jobstats_context *ctx);

/**
 * Initialize a job with the default period adjustment (up by 1 cycle when the value is
 * below the target, down by 4 when above).
 *
 * @param job
 *   The job.
 * @param name
 *   Its name (may be NULL), truncated to RTE_JOBSTATS_NAMESIZE - 1 characters.
 * @param min_period
 *   Lowest period.
 * @param max_period
 *   Highest period.
 * @param initial_period
 *   First period.
 * @param target
 *   Value the job aims at.
 * @return
 *   0, or -EINVAL if job is NULL.
 */
int
rte_jobstats_init(struct rte_jobstats *job, const char *name,
		uint64_t min_period, uint64_t max_period, uint64_t initial_period,
		int64_t target);

/** Change the target of a job. */
void
rte_jobstats_set_target(struct rte_jobstats *job, int64_t target);

/**
 * A job starts running in a context; the time since the last event is management time.
 *
 * @return
 *   0, or -EINVAL if ctx or job is NULL or the job is already running.
 */
int
rte_jobstats_start(struct rte_jobstats_context *ctx, struct rte_jobstats *job);

/**
 * A started job ends without a result: its time counts as management time, not as a run.
 *
 * @return
 *   0, or -EINVAL if job is NULL or not started.
 */
int
rte_jobstats_abort(struct rte_jobstats *job);

/**
 * A started job ends with the value it reached. If the value is not the target, the period
 * adjustment runs. The time since the start counts as the job's and the context's execution
 * time.
 *
 * @return
 *   1 if the value missed the target (the adjustment ran), 0 if not, -EINVAL if job is NULL
 *   or not started.
 */
int
rte_jobstats_finish(struct rte_jobstats *job, int64_t job_value);

/**
 * Set the period of a job.
 *
 * @param job
 *   The job.
 * @param period
 *   New period.
 * @param saturate
 *   Non-zero to bring the period within [min_period, max_period].
 */
void
rte_jobstats_set_period(struct rte_jobstats *job, uint64_t period,
		uint8_t saturate);

/** Set the lowest period of a job, raising its period to it if below. */
void
rte_jobstats_set_min(struct rte_jobstats *job, uint64_t period);

/** Set the highest period of a job, lowering its period to it if above. */
void
rte_jobstats_set_max(struct rte_jobstats *job, uint64_t period);

/**
 * Replace the period adjustment of a job.
 *
 * @param job
 *   The job.
 * @param update_period_cb
 *   New function, or NULL for the default one.
 */
void
rte_jobstats_set_update_period_function(struct rte_jobstats *job,
		rte_job_update_period_cb_t update_period_cb);

/** Clear the execution statistics of a job (not its period or target). */
void
rte_jobstats_reset(struct rte_jobstats *job);

#ifdef __cplusplus
}
#endif

#endif /* JOBSTATS_H_ */
