/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Timers: errors before init, expiry order of single timers, periodic timers, a function
 * re-arming or stopping its own timer, timers moved and stopped across two lcores while the
 * other one runs them, the alternate instances with stop_all, next_ticks, and a few thousand
 * timers to exercise the sorted lists.
 */
#include "test_eal_main.h"

#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_timer.h>

static unsigned int worker;
static uint64_t ms; /* ticks in a millisecond */

/* fired[] records the order in which callbacks ran */
#define MAX_FIRED 16
static int fired[MAX_FIRED];
static unsigned int nfired;

static void
record_cb(struct rte_timer *tim, void *arg)
{
	(void)tim;
	if (nfired < MAX_FIRED)
		fired[nfired] = (int)(intptr_t)arg;
	nfired++;
}

static void
record_alt_cb(struct rte_timer *tim)
{
	record_cb(tim, tim->arg);
}

static void
reset_fired(void)
{
	nfired = 0;
	memset(fired, 0, sizeof(fired));
}

static void
test_before_init(void **state)
{
	struct rte_timer tim = RTE_TIMER_INITIALIZER;
	uint32_t id;
	FILE *f = fopen("/dev/null", "w");

	(void)state;
	assert_non_null(f);
	assert_int_equal(tim.status.state, RTE_TIMER_STOP);
	assert_int_equal(tim.status.owner, RTE_TIMER_NO_OWNER);
	assert_int_equal(rte_timer_manage(), -EINVAL);
	assert_int_equal(rte_timer_reset(&tim, 1, SINGLE, 0, record_cb, NULL), -EINVAL);
	assert_int_equal(rte_timer_stop(&tim), -EINVAL);
	assert_int_equal(rte_timer_next_ticks(), -EINVAL);
	assert_int_equal(rte_timer_dump_stats(f), -EINVAL);
	assert_int_equal(rte_timer_data_alloc(&id), -ENOMEM);
	assert_int_equal(rte_timer_data_dealloc(0), -ENOMEM);
	assert_int_equal(rte_timer_alt_manage(0, NULL, 0, record_alt_cb), -EINVAL);
	assert_int_equal(tim.status.state, RTE_TIMER_STOP);
	fclose(f);

	assert_int_equal(rte_timer_subsystem_init(), 0);
	assert_int_equal(rte_timer_subsystem_init(), -EALREADY);
	assert_int_equal(rte_timer_manage(), 0);
}

static void
test_single_order(void **state)
{
	struct rte_timer t[4];
	int i;

	(void)state;
	reset_fired();
	for (i = 0; i < 4; i++)
		rte_timer_init(&t[i]);
	/* armed out of order; t[2] and t[3] expire together and keep their arming order */
	assert_int_equal(rte_timer_reset(&t[0], 3 * ms, SINGLE, 0, record_cb, (void *)3), 0);
	assert_int_equal(rte_timer_reset(&t[1], 1 * ms, SINGLE, 0, record_cb, (void *)1), 0);
	assert_int_equal(rte_timer_reset(&t[2], 2 * ms, SINGLE, 0, record_cb, (void *)2), 0);
	assert_int_equal(rte_timer_reset(&t[3], 2 * ms, SINGLE, 0, record_cb, (void *)4), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(rte_timer_pending(&t[i]), 1);
		assert_int_equal(t[i].status.owner, 0);
	}
	/* re-arming a pending timer moves it: t[1] now expires last */
	assert_int_equal(rte_timer_reset(&t[1], 4 * ms, SINGLE, 0, record_cb, (void *)5), 0);
	assert_int_equal(rte_timer_manage(), 0);
	assert_int_equal(nfired, 0);
	rte_delay_us_block(5000);
	assert_int_equal(rte_timer_manage(), 0);
	assert_int_equal(nfired, 4);
	/* t[2] was armed before t[3]: same or earlier expiry, and it runs first either way */
	assert_true(t[2].expire <= t[3].expire);
	assert_int_equal(fired[0], 2);
	assert_int_equal(fired[1], 4);
	assert_int_equal(fired[2], 3);
	assert_int_equal(fired[3], 5);
	for (i = 0; i < 4; i++) {
		assert_int_equal(rte_timer_pending(&t[i]), 0);
		assert_int_equal(t[i].status.state, RTE_TIMER_STOP);
		assert_int_equal(t[i].status.owner, RTE_TIMER_NO_OWNER);
	}
	/* a stopped timer stays stopped */
	assert_int_equal(rte_timer_stop(&t[0]), 0);
	assert_int_equal(rte_timer_manage(), 0);
	assert_int_equal(nfired, 4);
}

static void
test_periodic(void **state)
{
	struct rte_timer t;
	uint64_t end;
	unsigned int n;

	(void)state;
	reset_fired();
	rte_timer_init(&t);
	assert_int_equal(rte_timer_reset(&t, ms, PERIODICAL, 0, record_cb, (void *)7), 0);
	assert_int_equal(t.period, ms);
	end = rte_get_timer_cycles() + 20 * ms;
	while (rte_get_timer_cycles() < end)
		assert_int_equal(rte_timer_manage(), 0);
	/* about 20 runs; the bound is loose for a loaded machine */
	assert_true(nfired >= 5 && nfired <= 21);
	assert_int_equal(fired[0], 7);
	assert_int_equal(rte_timer_pending(&t), 1);
	assert_int_equal(rte_timer_stop(&t), 0);
	assert_int_equal(rte_timer_pending(&t), 0);
	n = nfired;
	rte_delay_us_block(3000);
	assert_int_equal(rte_timer_manage(), 0);
	assert_int_equal(nfired, n);
}

/* Callbacks that change timers while they run */
static struct rte_timer self_tim, other_tim;
static int self_runs, other_reset_ret;

static void
rearm_self_cb(struct rte_timer *tim, void *arg)
{
	(void)arg;
	self_runs++;
	if (self_runs < 3)
		assert_int_equal(rte_timer_reset(tim, 0, SINGLE, rte_lcore_id(), rearm_self_cb,
			NULL), 0);
}

static void
stop_self_cb(struct rte_timer *tim, void *arg)
{
	(void)arg;
	self_runs++;
	if (self_runs == 2)
		assert_int_equal(rte_timer_stop(tim), 0);
}

static void
touch_other_cb(struct rte_timer *tim, void *arg)
{
	(void)tim;
	(void)arg;
	/* other_tim expired too and is queued to run after this one: it cannot be changed */
	other_reset_ret = rte_timer_reset(&other_tim, ms, SINGLE, 0, record_cb, NULL);
}

static void
test_change_from_callback(void **state)
{
	unsigned int i;

	(void)state;
	/* a single timer re-armed twice by its own function runs three times */
	self_runs = 0;
	rte_timer_init(&self_tim);
	assert_int_equal(rte_timer_reset(&self_tim, 0, SINGLE, 0, rearm_self_cb, NULL), 0);
	for (i = 0; i < 100 && self_runs < 3; i++) {
		rte_delay_us_block(10);
		assert_int_equal(rte_timer_manage(), 0);
	}
	assert_int_equal(self_runs, 3);
	assert_int_equal(rte_timer_pending(&self_tim), 0);
	assert_int_equal(self_tim.status.state, RTE_TIMER_STOP);

	/* a periodic timer stopped by its own function is not re-armed */
	self_runs = 0;
	assert_int_equal(rte_timer_reset(&self_tim, 1, PERIODICAL, 0, stop_self_cb, NULL), 0);
	for (i = 0; i < 200; i++) {
		rte_delay_us_block(10);
		assert_int_equal(rte_timer_manage(), 0);
	}
	assert_int_equal(self_runs, 2);
	assert_int_equal(rte_timer_pending(&self_tim), 0);

	/* the function of one expired timer cannot change another that is about to run */
	reset_fired();
	rte_timer_init(&other_tim);
	assert_int_equal(rte_timer_reset(&self_tim, 0, SINGLE, 0, touch_other_cb, NULL), 0);
	assert_int_equal(rte_timer_reset(&other_tim, 1, SINGLE, 0, record_cb, (void *)9), 0);
	rte_delay_us_block(100);
	assert_int_equal(rte_timer_manage(), 0);
	assert_int_equal(other_reset_ret, -1);
	assert_int_equal(nfired, 1);
	assert_int_equal(fired[0], 9);
	assert_int_equal(rte_timer_pending(&other_tim), 0);
}

/* Worker side of the two-lcore tests: runs its timers until told to stop. */
static volatile int worker_quit, worker_started;
static volatile int in_cb, release_cb, cb_done;

static int
manage_loop(void *arg)
{
	(void)arg;
	worker_started = 1;
	while (!worker_quit)
		rte_timer_manage();
	return 0;
}

static void
blocking_cb(struct rte_timer *tim, void *arg)
{
	(void)tim;
	(void)arg;
	cb_done = 0;
	in_cb = 1;
	while (!release_cb)
		rte_pause();
	/* long enough that stop_sync must really wait for it */
	rte_delay_us_block(20000);
	in_cb = 0;
	cb_done = 1;
}

static void
test_stop_running_on_other_lcore(void **state)
{
	struct rte_timer t;

	(void)state;
	rte_timer_init(&t);
	worker_quit = 0;
	in_cb = 0;
	release_cb = 0;
	cb_done = 0;
	assert_int_equal(rte_eal_remote_launch(manage_loop, NULL, worker), 0);
	assert_int_equal(rte_timer_reset(&t, 0, PERIODICAL, worker, blocking_cb, NULL), 0);
	assert_int_equal(t.status.owner, (int16_t)worker);
	while (!in_cb)
		rte_pause();
	/* running on the worker: neither stopped nor moved from here */
	assert_int_equal(t.status.state, RTE_TIMER_RUNNING);
	assert_int_equal(rte_timer_stop(&t), -1);
	assert_int_equal(rte_timer_reset(&t, ms, SINGLE, 0, record_cb, NULL), -1);
	assert_int_equal(rte_timer_pending(&t), 0);
	/* stop_sync returns only once the function has returned */
	release_cb = 1;
	rte_timer_stop_sync(&t);
	assert_int_equal(cb_done, 1);
	assert_int_equal(t.status.state, RTE_TIMER_STOP);
	worker_quit = 1;
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
}

#define NB_STRESS 64
static struct rte_timer stress[NB_STRESS];
static unsigned int stress_runs[RTE_MAX_LCORE];

static void
count_cb(struct rte_timer *tim, void *arg)
{
	(void)tim;
	(void)arg;
	stress_runs[rte_lcore_id()]++;
}

static void
test_move_between_lcores(void **state)
{
	unsigned int i, round;
	uint64_t end;

	(void)state;
	/* a pending timer of the worker is moved to lcore 0 and runs there */
	reset_fired();
	rte_timer_init(&stress[0]);
	assert_int_equal(rte_timer_reset(&stress[0], 1000 * ms, SINGLE, worker, record_cb,
		(void *)1), 0);
	assert_int_equal(stress[0].status.owner, (int16_t)worker);
	assert_int_equal(rte_timer_reset(&stress[0], 0, SINGLE, 0, record_cb, (void *)2), 0);
	assert_int_equal(stress[0].status.owner, 0);
	rte_delay_us_block(10);
	assert_int_equal(rte_timer_manage(), 0);
	assert_int_equal(nfired, 1);
	assert_int_equal(fired[0], 2);

	/* LCORE_ID_ANY spreads timers over the lcores in turn */
	assert_int_equal(rte_timer_reset(&stress[0], 1000 * ms, SINGLE, LCORE_ID_ANY, count_cb,
		NULL), 0);
	assert_int_equal(rte_timer_reset(&stress[1], 1000 * ms, SINGLE, LCORE_ID_ANY, count_cb,
		NULL), 0);
	assert_int_not_equal(stress[0].status.owner, stress[1].status.owner);
	rte_timer_stop_sync(&stress[0]);
	rte_timer_stop_sync(&stress[1]);

	/* timers re-armed from here while the worker runs them */
	memset(stress_runs, 0, sizeof(stress_runs));
	for (i = 0; i < NB_STRESS; i++)
		rte_timer_init(&stress[i]);
	worker_quit = 0;
	worker_started = 0;
	assert_int_equal(rte_eal_remote_launch(manage_loop, NULL, worker), 0);
	while (!worker_started)
		rte_pause();
	/* at least 2000 rounds, and until the worker (maybe descheduled a while) ran some */
	end = rte_get_timer_cycles() + 10 * rte_get_timer_hz();
	for (round = 0; round < 2000 || (__atomic_load_n(&stress_runs[worker],
			__ATOMIC_RELAXED) < 100 && rte_get_timer_cycles() < end); round++) {
		i = round % NB_STRESS;
		if (round % 3 == 0)
			rte_timer_stop_sync(&stress[i]);
		else
			rte_timer_reset_sync(&stress[i], round % 7, round % 5 ? SINGLE : PERIODICAL,
				round % 11 ? worker : 0, count_cb, NULL);
		rte_timer_manage();
	}
	for (i = 0; i < NB_STRESS; i++) {
		rte_timer_stop_sync(&stress[i]);
		assert_int_equal(stress[i].status.state, RTE_TIMER_STOP);
	}
	worker_quit = 1;
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	assert_true(stress_runs[worker] >= 100);
	assert_int_equal(rte_timer_next_ticks(), -ENOENT);
}

static void
test_alt_instances(void **state)
{
	struct rte_timer a, b, c, p;
	unsigned int both[2] = { 0, worker };
	uint32_t id1, id2;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_int_equal(rte_timer_data_alloc(&id1), 0);
	assert_int_equal(rte_timer_data_alloc(&id2), 0);
	assert_int_not_equal(id1, 0);
	assert_int_not_equal(id1, id2);
	rte_timer_init(&a);
	rte_timer_init(&b);
	rte_timer_init(&c);
	rte_timer_init(&p);

	/* each instance runs only its own timers */
	reset_fired();
	assert_int_equal(rte_timer_alt_reset(id1, &a, 0, SINGLE, 0, NULL, (void *)1), 0);
	assert_int_equal(rte_timer_alt_reset(id2, &b, 0, SINGLE, 0, NULL, (void *)2), 0);
	rte_delay_us_block(10);
	assert_int_equal(rte_timer_manage(), 0);
	assert_int_equal(nfired, 0);
	assert_int_equal(rte_timer_alt_manage(id2, NULL, 0, record_alt_cb), 0);
	assert_int_equal(nfired, 1);
	assert_int_equal(fired[0], 2);
	assert_int_equal(rte_timer_alt_manage(id1, NULL, 0, record_alt_cb), 0);
	assert_int_equal(nfired, 2);
	assert_int_equal(fired[1], 1);

	/* the lists of two lcores merged in expiry order; a periodic one comes back here */
	reset_fired();
	assert_int_equal(rte_timer_alt_reset(id1, &a, 3 * ms, SINGLE, worker, NULL, (void *)3), 0);
	assert_int_equal(rte_timer_alt_reset(id1, &b, 1 * ms, SINGLE, worker, NULL, (void *)1), 0);
	assert_int_equal(rte_timer_alt_reset(id1, &c, 2 * ms, SINGLE, 0, NULL, (void *)2), 0);
	assert_int_equal(rte_timer_alt_reset(id1, &p, 4 * ms, PERIODICAL, worker, NULL,
		(void *)4), 0);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(rte_timer_alt_dump_stats(id1, f), 0);
	fclose(f);
	assert_non_null(strstr(buf, "total: 4"));
	free(buf);
	rte_delay_us_block(5000);
	assert_int_equal(rte_timer_alt_manage(id1, both, 2, record_alt_cb), 0);
	assert_int_equal(nfired, 4);
	assert_int_equal(fired[0], 1);
	assert_int_equal(fired[1], 2);
	assert_int_equal(fired[2], 3);
	assert_int_equal(fired[3], 4);
	assert_int_equal(rte_timer_pending(&p), 1);
	assert_int_equal(p.status.owner, 0);
	assert_int_equal(rte_timer_alt_stop(id1, &p), 0);
	assert_int_equal(rte_timer_pending(&p), 0);

	assert_int_equal(rte_timer_data_dealloc(id1), 0);
	assert_int_equal(rte_timer_data_dealloc(id2), 0);
	assert_int_equal(rte_timer_alt_reset(id1, &a, 0, SINGLE, 0, NULL, NULL), -EINVAL);
	assert_int_equal(rte_timer_pending(&a), 0);
}

static unsigned int stopped_count;

static void
stopped_cb(struct rte_timer *tim, void *arg)
{
	assert_int_equal(tim->status.state, RTE_TIMER_STOP);
	assert_ptr_equal(arg, &stopped_count);
	stopped_count++;
}

static void
test_stop_all(void **state)
{
	struct rte_timer t[8];
	unsigned int both[2] = { 0, worker };
	uint32_t id;
	int i;

	(void)state;
	assert_int_equal(rte_timer_data_alloc(&id), 0);
	for (i = 0; i < 8; i++) {
		rte_timer_init(&t[i]);
		assert_int_equal(rte_timer_alt_reset(id, &t[i], (i + 1) * ms,
			i % 2 ? PERIODICAL : SINGLE, i < 5 ? 0 : worker, record_cb, NULL), 0);
	}
	/* an instance-0 timer is left alone */
	rte_timer_init(&self_tim);
	assert_int_equal(rte_timer_reset(&self_tim, 1000 * ms, SINGLE, 0, record_cb, NULL), 0);
	stopped_count = 0;
	assert_int_equal(rte_timer_stop_all(id, both, 2, stopped_cb, &stopped_count), 0);
	assert_int_equal(stopped_count, 8);
	for (i = 0; i < 8; i++)
		assert_int_equal(rte_timer_pending(&t[i]), 0);
	assert_int_equal(rte_timer_pending(&self_tim), 1);
	reset_fired();
	rte_delay_us_block(9000);
	assert_int_equal(rte_timer_alt_manage(id, both, 2, record_alt_cb), 0);
	assert_int_equal(nfired, 0);
	/* stopped timers can be armed again, and a NULL function is allowed */
	assert_int_equal(rte_timer_alt_reset(id, &t[0], 0, SINGLE, 0, record_cb, NULL), 0);
	assert_int_equal(rte_timer_stop_all(id, both, 1, NULL, NULL), 0);
	assert_int_equal(rte_timer_pending(&t[0]), 0);
	assert_int_equal(rte_timer_stop(&self_tim), 0);
	assert_int_equal(rte_timer_data_dealloc(id), 0);
}

static void
test_next_ticks(void **state)
{
	struct rte_timer a, b;
	int64_t left;

	(void)state;
	rte_timer_init(&a);
	rte_timer_init(&b);
	assert_int_equal(rte_timer_next_ticks(), -ENOENT);
	assert_int_equal(rte_timer_reset(&a, 1000 * ms, SINGLE, 0, record_cb, NULL), 0);
	left = rte_timer_next_ticks();
	assert_true(left > 900 * (int64_t)ms && left <= 1000 * (int64_t)ms);
	/* only the lcore's own timers count */
	assert_int_equal(rte_timer_reset(&b, 1, SINGLE, worker, record_cb, NULL), 0);
	left = rte_timer_next_ticks();
	assert_true(left > 900 * (int64_t)ms);
	assert_int_equal(rte_timer_reset(&b, 1, SINGLE, 0, record_cb, NULL), 0);
	rte_delay_us_block(10);
	assert_int_equal(rte_timer_next_ticks(), 0);
	assert_int_equal(rte_timer_stop(&b), 0);
	assert_true(rte_timer_next_ticks() > 0);
	assert_int_equal(rte_timer_stop(&a), 0);
	assert_int_equal(rte_timer_next_ticks(), -ENOENT);
}

static void
test_errors(void **state)
{
	uint32_t ids[64], id;
	unsigned int bad = RTE_MAX_LCORE;
	struct rte_timer t;
	FILE *f = fopen("/dev/null", "w");
	int n = 0;

	(void)state;
	assert_non_null(f);
	/* instance 0 is taken by init: 63 more, then none */
	while (n < 64 && rte_timer_data_alloc(&ids[n]) == 0)
		n++;
	assert_int_equal(n, 63);
	assert_int_equal(rte_timer_data_alloc(&id), -ENOSPC);
	assert_int_equal(rte_timer_data_alloc(NULL), -ENOSPC);
	while (n > 0)
		assert_int_equal(rte_timer_data_dealloc(ids[--n]), 0);
	assert_int_equal(rte_timer_data_alloc(NULL), 0);
	assert_int_equal(rte_timer_data_dealloc(1), 0);

	assert_int_equal(rte_timer_data_dealloc(1), -EINVAL);
	assert_int_equal(rte_timer_data_dealloc(64), -EINVAL);
	rte_timer_init(&t);
	assert_int_equal(rte_timer_alt_reset(5, &t, 0, SINGLE, 0, record_cb, NULL), -EINVAL);
	assert_int_equal(rte_timer_alt_reset(UINT32_MAX, &t, 0, SINGLE, 0, record_cb, NULL),
		-EINVAL);
	assert_int_equal(rte_timer_alt_stop(5, &t), -EINVAL);
	assert_int_equal(rte_timer_alt_manage(5, NULL, 0, record_alt_cb), -EINVAL);
	assert_int_equal(rte_timer_alt_dump_stats(5, f), -EINVAL);
	assert_int_equal(rte_timer_stop_all(5, NULL, 0, NULL, NULL), -EINVAL);
	/* lcore ids out of range */
	assert_int_equal(rte_timer_reset(&t, 0, SINGLE, RTE_MAX_LCORE, record_cb, NULL), -EINVAL);
	assert_int_equal(t.status.state, RTE_TIMER_STOP);
	assert_int_equal(rte_timer_alt_manage(0, &bad, 1, record_alt_cb), -EINVAL);
	assert_int_equal(rte_timer_alt_manage(0, &bad, -1, record_alt_cb), -EINVAL);
	assert_int_equal(rte_timer_stop_all(0, &bad, 1, NULL, NULL), -EINVAL);
	assert_int_equal(rte_timer_stop_all(0, NULL, 1, NULL, NULL), -EINVAL);
	assert_int_equal(rte_timer_dump_stats(f), 0);
	fclose(f);
}

#define NB_MANY 5000
static struct rte_timer many[NB_MANY];
static uint64_t last_expire;
static unsigned int many_runs, many_bad_order;

static void
order_cb(struct rte_timer *tim, void *arg)
{
	(void)arg;
	if (tim->expire < last_expire)
		many_bad_order++;
	last_expire = tim->expire;
	many_runs++;
}

static void
test_many_timers(void **state)
{
	unsigned int i, stopped = 0;
	uint64_t end;

	(void)state;
	srand(1);
	for (i = 0; i < NB_MANY; i++) {
		rte_timer_init(&many[i]);
		assert_int_equal(rte_timer_reset(&many[i], (uint64_t)rand() % (5 * ms), SINGLE, 0,
			order_cb, NULL), 0);
	}
	/* take out a third at random places of the lists */
	for (i = 0; i < NB_MANY; i += 3) {
		assert_int_equal(rte_timer_stop(&many[i]), 0);
		stopped++;
	}
	last_expire = 0;
	many_runs = 0;
	many_bad_order = 0;
	end = rte_get_timer_cycles() + 100 * ms;
	while (many_runs < NB_MANY - stopped && rte_get_timer_cycles() < end)
		rte_timer_manage();
	assert_int_equal(many_runs, NB_MANY - stopped);
	assert_int_equal(many_bad_order, 0);
	assert_int_equal(rte_timer_next_ticks(), -ENOENT);
}

static void
test_finalize(void **state)
{
	uint32_t id;

	(void)state;
	rte_timer_subsystem_finalize();
	assert_int_equal(rte_timer_manage(), -EINVAL);
	rte_timer_subsystem_finalize();
	assert_int_equal(rte_timer_subsystem_init(), 0);
	assert_int_equal(rte_timer_next_ticks(), -ENOENT);
	/* a fresh memzone: only instance 0 is taken */
	assert_int_equal(rte_timer_data_alloc(&id), 0);
	assert_int_equal(id, 1);
}

static int
setup(void **state)
{
	(void)state;
	worker = rte_get_next_lcore(-1, 1, 0);
	ms = rte_get_timer_hz() / 1000;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_timer_subsystem_finalize();
	return 0;
}

int
main(void)
{
	static const char *const args[] = { "test_timer", "--no-huge", "-m", "64",
		"-l", "0-1", "--file-prefix=test_timer", "--no-pci", NULL };
	/* in this order: the first test checks the calls made before init */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_init),
		cmocka_unit_test(test_single_order),
		cmocka_unit_test(test_periodic),
		cmocka_unit_test(test_change_from_callback),
		cmocka_unit_test(test_stop_running_on_other_lcore),
		cmocka_unit_test(test_move_between_lcores),
		cmocka_unit_test(test_alt_instances),
		cmocka_unit_test(test_stop_all),
		cmocka_unit_test(test_next_ticks),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_many_timers),
		cmocka_unit_test(test_finalize),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, setup, teardown);
}
