/* SPDX-License-Identifier: BSD-3-Clause */
/* Timer state machine, arming and stopping from any lcore, and the manage loops. */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal_memconfig.h>
#include <rte_lcore.h>
#include <rte_memzone.h>
#include <rte_pause.h>

#include "rte_timer.h"
#include "timer_private.h"

RTE_LOG_REGISTER_DEFAULT(timer_logtype, INFO);

#define TIMER_MZ_NAME "rte_timer_mz"

/* The instances and, after them, the number of processes using the memzone. */
static const struct rte_memzone *timer_mz;
static struct timer_data *timer_datas;
static int timer_initialized;

static inline union rte_timer_status
make_status(uint16_t state, int16_t owner)
{
	union rte_timer_status s;

	s.state = state;
	s.owner = owner;
	return s;
}

static inline struct timer_data *
data_get(uint32_t id)
{
	if (unlikely(timer_datas == NULL || id >= TIMER_MAX_DATA ||
			!timer_datas[id].allocated)) {
		TIMER_LOG(ERR, "timer data id %u is not allocated", id);
		return NULL;
	}
	return &timer_datas[id];
}

int
rte_timer_subsystem_init(void)
{
	const size_t arr_size = TIMER_MAX_DATA * sizeof(struct timer_data);
	const struct rte_memzone *mz;
	unsigned int i, lc;
	int *refcnt;

	rte_mcfg_timer_lock();
	if (timer_initialized) {
		rte_mcfg_timer_unlock();
		return -EALREADY;
	}
	mz = rte_memzone_lookup(TIMER_MZ_NAME);
	if (mz == NULL) {
		mz = rte_memzone_reserve_aligned(TIMER_MZ_NAME, arr_size + sizeof(int),
			SOCKET_ID_ANY, 0, RTE_CACHE_LINE_SIZE);
		if (mz == NULL) {
			TIMER_LOG(ERR, "cannot reserve memzone %s", TIMER_MZ_NAME);
			rte_mcfg_timer_unlock();
			return -ENOMEM;
		}
		for (i = 0; i < TIMER_MAX_DATA; i++) {
			struct timer_data *d = RTE_PTR_ADD(mz->addr, i * sizeof(*d));

			for (lc = 0; lc < RTE_MAX_LCORE; lc++)
				timer_list_init(&d->lists[lc], lc);
			d->allocated = 0;
		}
		*(int *)RTE_PTR_ADD(mz->addr, arr_size) = 0;
	}
	timer_mz = mz;
	timer_datas = mz->addr;
	timer_datas[0].allocated = 1;
	refcnt = RTE_PTR_ADD(mz->addr, arr_size);
	(*refcnt)++;
	timer_initialized = 1;
	rte_mcfg_timer_unlock();
	return 0;
}

void
rte_timer_subsystem_finalize(void)
{
	int *refcnt;

	rte_mcfg_timer_lock();
	if (!timer_initialized) {
		rte_mcfg_timer_unlock();
		return;
	}
	refcnt = RTE_PTR_ADD(timer_mz->addr, TIMER_MAX_DATA * sizeof(struct timer_data));
	if (--(*refcnt) == 0)
		rte_memzone_free(timer_mz);
	timer_mz = NULL;
	timer_datas = NULL;
	timer_initialized = 0;
	rte_mcfg_timer_unlock();
}

int
rte_timer_data_alloc(uint32_t *id_ptr)
{
	uint32_t i;

	if (!timer_initialized) {
		TIMER_LOG(ERR, "data alloc before rte_timer_subsystem_init");
		return -ENOMEM;
	}
	rte_mcfg_timer_lock();
	for (i = 0; i < TIMER_MAX_DATA; i++) {
		if (!timer_datas[i].allocated) {
			timer_datas[i].allocated = 1;
			rte_mcfg_timer_unlock();
			if (id_ptr != NULL)
				*id_ptr = i;
			return 0;
		}
	}
	rte_mcfg_timer_unlock();
	TIMER_LOG(ERR, "all %d timer data instances are in use", TIMER_MAX_DATA);
	return -ENOSPC;
}

int
rte_timer_data_dealloc(uint32_t id)
{
	if (!timer_initialized) {
		TIMER_LOG(ERR, "data dealloc before rte_timer_subsystem_init");
		return -ENOMEM;
	}
	if (data_get(id) == NULL)
		return -EINVAL;
	rte_mcfg_timer_lock();
	timer_datas[id].allocated = 0;
	rte_mcfg_timer_unlock();
	return 0;
}

void
rte_timer_init(struct rte_timer *tim)
{
	union rte_timer_status s = make_status(RTE_TIMER_STOP, RTE_TIMER_NO_OWNER);

	__atomic_store_n(&tim->status.u32, s.u32, __ATOMIC_RELAXED);
}

/*
 * Move the timer to CONFIG, owned by the caller, so that nobody else changes it meanwhile.
 * Refused while another lcore configures it, or while it runs, except when the caller is
 * the timer's own function.
 */
static inline int
set_config(struct timer_data *d, struct rte_timer *tim, unsigned int me,
	union rte_timer_status *prev)
{
	union rte_timer_status cur, next;

	cur.u32 = __atomic_load_n(&tim->status.u32, __ATOMIC_RELAXED);
	for (;;) {
		if (cur.state == RTE_TIMER_CONFIG)
			return -1;
		if (cur.state == RTE_TIMER_RUNNING && (me >= RTE_MAX_LCORE ||
				cur.owner != (int16_t)me || d->lists[me].running != tim))
			return -1;
		next = make_status(RTE_TIMER_CONFIG, (int16_t)me);
		if (__atomic_compare_exchange_n(&tim->status.u32, &cur.u32, next.u32, false,
				__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			break;
	}
	*prev = cur;
	return 0;
}

/* Take a CONFIG timer out of the list it was pending in, or note that its function changed it. */
static inline void
detach(struct timer_data *d, struct rte_timer *tim, unsigned int me, union rte_timer_status prev)
{
	struct timer_list *l;

	if (prev.state == RTE_TIMER_RUNNING) {
		d->lists[me].updated = 1;
	} else if (prev.state == RTE_TIMER_PENDING) {
		l = &d->lists[prev.owner];
		rte_spinlock_lock(&l->lock);
		timer_list_remove(l, tim);
		rte_spinlock_unlock(&l->lock);
	}
}

static inline void
attach(struct timer_list *l, struct rte_timer *tim, unsigned int lcore)
{
	union rte_timer_status s = make_status(RTE_TIMER_PENDING, (int16_t)lcore);

	timer_list_insert(l, tim);
	/* under the lock: a manage call must not see it in the list still in CONFIG */
	__atomic_store_n(&tim->status.u32, s.u32, __ATOMIC_RELEASE);
}

static int
timer_reset(struct timer_data *d, struct rte_timer *tim, uint64_t expire, uint64_t period,
	unsigned int tim_lcore, rte_timer_cb_t fct, void *arg)
{
	unsigned int me = rte_lcore_id();
	union rte_timer_status prev;
	struct timer_list *l;

	if (tim_lcore == LCORE_ID_ANY) {
		if (me < RTE_MAX_LCORE) {
			tim_lcore = rte_get_next_lcore(d->lists[me].prev_lcore, 0, 1);
			d->lists[me].prev_lcore = tim_lcore;
		} else {
			tim_lcore = rte_get_next_lcore(-1, 0, 1);
		}
	} else if (unlikely(tim_lcore >= RTE_MAX_LCORE)) {
		TIMER_LOG(ERR, "timer lcore %u is out of range", tim_lcore);
		return -EINVAL;
	}
	if (set_config(d, tim, me, &prev) < 0)
		return -1;
	detach(d, tim, me, prev);
	tim->period = period;
	tim->expire = expire;
	tim->f = fct;
	tim->arg = arg;
	l = &d->lists[tim_lcore];
	rte_spinlock_lock(&l->lock);
	attach(l, tim, tim_lcore);
	rte_spinlock_unlock(&l->lock);
	return 0;
}

static int
timer_stop(struct timer_data *d, struct rte_timer *tim)
{
	union rte_timer_status prev, s = make_status(RTE_TIMER_STOP, RTE_TIMER_NO_OWNER);
	unsigned int me = rte_lcore_id();

	if (set_config(d, tim, me, &prev) < 0)
		return -1;
	detach(d, tim, me, prev);
	__atomic_store_n(&tim->status.u32, s.u32, __ATOMIC_RELEASE);
	return 0;
}

int
rte_timer_alt_reset(uint32_t timer_data_id, struct rte_timer *tim, uint64_t ticks,
	enum rte_timer_type type, unsigned int tim_lcore, rte_timer_cb_t fct, void *arg)
{
	struct timer_data *d = data_get(timer_data_id);

	if (d == NULL)
		return -EINVAL;
	return timer_reset(d, tim, rte_get_timer_cycles() + ticks,
		type == PERIODICAL ? ticks : 0, tim_lcore, fct, arg);
}

int
rte_timer_reset(struct rte_timer *tim, uint64_t ticks, enum rte_timer_type type,
	unsigned int tim_lcore, rte_timer_cb_t fct, void *arg)
{
	return rte_timer_alt_reset(0, tim, ticks, type, tim_lcore, fct, arg);
}

void
rte_timer_reset_sync(struct rte_timer *tim, uint64_t ticks, enum rte_timer_type type,
	unsigned int tim_lcore, rte_timer_cb_t fct, void *arg)
{
	while (rte_timer_reset(tim, ticks, type, tim_lcore, fct, arg) != 0)
		rte_pause();
}

int
rte_timer_alt_stop(uint32_t timer_data_id, struct rte_timer *tim)
{
	struct timer_data *d = data_get(timer_data_id);

	if (d == NULL)
		return -EINVAL;
	return timer_stop(d, tim);
}

int
rte_timer_stop(struct rte_timer *tim)
{
	return rte_timer_alt_stop(0, tim);
}

void
rte_timer_stop_sync(struct rte_timer *tim)
{
	while (rte_timer_stop(tim) != 0)
		rte_pause();
}

int
rte_timer_pending(struct rte_timer *tim)
{
	return __atomic_load_n(&tim->status.state, __ATOMIC_RELAXED) == RTE_TIMER_PENDING;
}

/*
 * Unlink the expired timers of a list and mark them RUNNING for lcore me. A timer that
 * another lcore holds in CONFIG is dropped: that lcore re-arms or stops it.
 */
static inline struct rte_timer *
take_expired(struct timer_list *l, unsigned int me)
{
	union rte_timer_status running = make_status(RTE_TIMER_RUNNING, (int16_t)me);
	struct rte_timer *first, *tim, **link;
	uint64_t now;

	if (__atomic_load_n(&l->head.sl_next[0], __ATOMIC_RELAXED) == NULL)
		return NULL;
	now = rte_get_timer_cycles();
	if (likely(__atomic_load_n(&l->head.expire, __ATOMIC_RELAXED) > now))
		return NULL;
	rte_spinlock_lock(&l->lock);
	first = timer_list_cut(l, now);
	link = &first;
	for (tim = first; tim != NULL; tim = tim->sl_next[0]) {
		union rte_timer_status cur;

		cur.u32 = __atomic_load_n(&tim->status.u32, __ATOMIC_RELAXED);
		if (cur.state == RTE_TIMER_PENDING &&
				__atomic_compare_exchange_n(&tim->status.u32, &cur.u32,
					running.u32, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
			*link = tim;
			link = &tim->sl_next[0];
		}
	}
	*link = NULL;
	rte_spinlock_unlock(&l->lock);
	return first;
}

/* Call one RUNNING timer's function on lcore me, then stop or re-arm it. */
static inline void
run_timer(struct timer_data *d, unsigned int me, struct rte_timer *tim,
	rte_timer_alt_manage_cb_t alt_f)
{
	struct timer_list *own = &d->lists[me];

	own->updated = 0;
	own->running = tim;
	if (alt_f != NULL)
		alt_f(tim);
	else
		tim->f(tim, tim->arg);
	own->running = NULL;
	if (own->updated)
		return;
	if (tim->period == 0) {
		union rte_timer_status s = make_status(RTE_TIMER_STOP, RTE_TIMER_NO_OWNER);

		__atomic_store_n(&tim->status.u32, s.u32, __ATOMIC_RELEASE);
		return;
	}
	/* RUNNING keeps other lcores away while it goes back in the list */
	tim->expire += tim->period;
	rte_spinlock_lock(&own->lock);
	attach(own, tim, me);
	rte_spinlock_unlock(&own->lock);
}

static int
manage_lcore(uint32_t timer_data_id, unsigned int *me)
{
	*me = rte_lcore_id();
	if (unlikely(*me >= RTE_MAX_LCORE)) {
		TIMER_LOG(ERR, "timer manage called from a thread without lcore id");
		return -EINVAL;
	}
	return data_get(timer_data_id) == NULL ? -EINVAL : 0;
}

int
rte_timer_manage(void)
{
	struct rte_timer *tim, *next;
	struct timer_data *d;
	unsigned int me;

	if (manage_lcore(0, &me) < 0)
		return -EINVAL;
	d = &timer_datas[0];
	for (tim = take_expired(&d->lists[me], me); tim != NULL; tim = next) {
		/* the function may re-arm its timer, which rewrites sl_next */
		next = tim->sl_next[0];
		run_timer(d, me, tim, NULL);
	}
	return 0;
}

int
rte_timer_alt_manage(uint32_t timer_data_id, unsigned int *poll_lcores, int n_poll_lcores,
	rte_timer_alt_manage_cb_t f)
{
	struct rte_timer *runs[RTE_MAX_LCORE];
	unsigned int me, self[1];
	struct timer_data *d;
	int i, n = 0;

	if (manage_lcore(timer_data_id, &me) < 0)
		return -EINVAL;
	d = &timer_datas[timer_data_id];
	if (poll_lcores == NULL) {
		self[0] = me;
		poll_lcores = self;
		n_poll_lcores = 1;
	}
	if (n_poll_lcores < 0 || n_poll_lcores > RTE_MAX_LCORE) {
		TIMER_LOG(ERR, "bad number of lcores to poll: %d", n_poll_lcores);
		return -EINVAL;
	}
	for (i = 0; i < n_poll_lcores; i++) {
		if (poll_lcores[i] >= RTE_MAX_LCORE) {
			TIMER_LOG(ERR, "lcore %u to poll is out of range", poll_lcores[i]);
			return -EINVAL;
		}
	}
	for (i = 0; i < n_poll_lcores; i++) {
		runs[n] = take_expired(&d->lists[poll_lcores[i]], me);
		if (runs[n] != NULL)
			n++;
	}
	/* merge the sorted run lists: the earliest expiry runs first */
	for (;;) {
		struct rte_timer *tim;
		int best = -1;

		for (i = 0; i < n; i++)
			if (runs[i] != NULL && (best < 0 || runs[i]->expire < runs[best]->expire))
				best = i;
		if (best < 0)
			break;
		tim = runs[best];
		runs[best] = tim->sl_next[0];
		run_timer(d, me, tim, f);
	}
	return 0;
}

int
rte_timer_stop_all(uint32_t timer_data_id, unsigned int *walk_lcores, int nb_walk_lcores,
	rte_timer_stop_all_cb_t f, void *f_arg)
{
	union rte_timer_status stopped = make_status(RTE_TIMER_STOP, RTE_TIMER_NO_OWNER);
	struct timer_data *d = data_get(timer_data_id);
	int i;

	if (d == NULL)
		return -EINVAL;
	if (nb_walk_lcores > 0 && walk_lcores == NULL) {
		TIMER_LOG(ERR, "no lcore list for %d lcores", nb_walk_lcores);
		return -EINVAL;
	}
	for (i = 0; i < nb_walk_lcores; i++) {
		if (walk_lcores[i] >= RTE_MAX_LCORE) {
			TIMER_LOG(ERR, "lcore %u to walk is out of range", walk_lcores[i]);
			return -EINVAL;
		}
	}
	for (i = 0; i < nb_walk_lcores; i++) {
		struct timer_list *l = &d->lists[walk_lcores[i]];
		struct rte_timer *tim, *next;

		rte_spinlock_lock(&l->lock);
		tim = timer_list_cut(l, UINT64_MAX);
		for (; tim != NULL; tim = next) {
			union rte_timer_status cur;

			next = tim->sl_next[0];
			cur.u32 = __atomic_load_n(&tim->status.u32, __ATOMIC_RELAXED);
			/* one in CONFIG belongs to the lcore moving it */
			if (cur.state != RTE_TIMER_PENDING ||
					!__atomic_compare_exchange_n(&tim->status.u32, &cur.u32,
						stopped.u32, false, __ATOMIC_RELEASE,
						__ATOMIC_RELAXED))
				continue;
			if (f != NULL)
				f(tim, f_arg);
		}
		rte_spinlock_unlock(&l->lock);
	}
	return 0;
}

int64_t
rte_timer_next_ticks(void)
{
	unsigned int me = rte_lcore_id();
	struct timer_list *l;
	int64_t left = -ENOENT;
	struct rte_timer *first;
	uint64_t now;

	if (manage_lcore(0, &me) < 0)
		return -EINVAL;
	l = &timer_datas[0].lists[me];
	now = rte_get_timer_cycles();
	rte_spinlock_lock(&l->lock);
	first = l->head.sl_next[0];
	if (first != NULL)
		left = first->expire > now ? (int64_t)(first->expire - now) : 0;
	rte_spinlock_unlock(&l->lock);
	return left;
}

int
rte_timer_alt_dump_stats(uint32_t timer_data_id, FILE *f)
{
	struct timer_data *d = data_get(timer_data_id);
	unsigned int lc, n, total = 0;

	if (d == NULL)
		return -EINVAL;
	fprintf(f, "Timer data %u, pending timers per lcore:\n", timer_data_id);
	for (lc = 0; lc < RTE_MAX_LCORE; lc++) {
		struct timer_list *l = &d->lists[lc];

		rte_spinlock_lock(&l->lock);
		n = timer_list_count(l);
		rte_spinlock_unlock(&l->lock);
		if (n == 0)
			continue;
		fprintf(f, "  lcore %u: %u\n", lc, n);
		total += n;
	}
	fprintf(f, "  total: %u\n", total);
	return 0;
}

int
rte_timer_dump_stats(FILE *f)
{
	return rte_timer_alt_dump_stats(0, f);
}
