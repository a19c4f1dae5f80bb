/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Distributor. Each worker shares one slot with the distributor lcore; the slot's state says
 * who owns it, and ownership passes with a release store that the other side reads with an
 * acquire load, so the packet arrays need no lock:
 *
 *   WORKER  -- worker writes its finished packets, then -->  REQUEST (wants more) or LEAVE
 *   REQUEST -- distributor takes the finished packets -->   WAITING
 *   LEAVE   -- distributor takes the finished packets -->   WORKER (the worker is inactive)
 *   WAITING -- distributor writes new packets (maybe none) --> READY
 *   READY   -- worker reads them -->                          WORKER
 *
 * A worker that asked for packets may leave before they come: it writes its finished packets
 * (the distributor does not read them while WAITING) and moves WAITING to LEAVE with a
 * compare-and-swap; the distributor moves WAITING to READY the same way and keeps the packets
 * in the backlog until its swap succeeded, so exactly one of the two wins.
 *
 * Everything else (backlogs, tags in flight, returned packets) belongs to the distributor
 * lcore alone. A tag is in flight on a worker from the moment its packet enters the worker's
 * backlog until the worker asks for more after the burst that held it.
 */
#include <stdbool.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_pause.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_distributor.h"

RTE_LOG_REGISTER_DEFAULT(distributor_logtype, INFO);

#define DIST_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, distributor_logtype, "DISTRIBUTOR: " fmt "\n", ##__VA_ARGS__)

#define RTE_DISTRIBUTOR_NAMESIZE 32
#define RTE_DISTRIB_MAX_WORKERS 64
#define RTE_DIST_BURST_SIZE 8
#define RTE_DISTRIB_RETURNS 128
#define RTE_DISTRIB_RETURNS_MASK (RTE_DISTRIB_RETURNS - 1)

enum dist_slot_state {
	SLOT_WORKER = 0,
	SLOT_REQUEST,
	SLOT_LEAVE,
	SLOT_WAITING,
	SLOT_READY,
};

/*
 * Shared with one worker. The state, the packets to the worker and the packets from it are on
 * lines of their own, so that the side spinning on the state does not pull a line the other
 * side is writing.
 */
struct dist_slot {
	uint32_t state;
	unsigned int nb_new __rte_cache_aligned;
	struct rte_mbuf *new_pkts[RTE_DIST_BURST_SIZE];
	unsigned int nb_done __rte_cache_aligned;
	/* a leaving worker also gives back a burst it got and did not want */
	struct rte_mbuf *done_pkts[2 * RTE_DIST_BURST_SIZE];
} __rte_cache_aligned;

/* The distributor lcore's view of one worker. */
struct dist_worker {
	bool active;
	unsigned int nb_backlog;
	unsigned int nb_flight;
	struct rte_mbuf *backlog[RTE_DIST_BURST_SIZE];
	uint32_t backlog_tags[RTE_DIST_BURST_SIZE];
	uint32_t flight_tags[RTE_DIST_BURST_SIZE];
} __rte_cache_aligned;

struct rte_distributor {
	char name[RTE_DISTRIBUTOR_NAMESIZE];
	unsigned int num_workers;
	unsigned int alg_type;
	unsigned int burst; /* packets per hand-over */
	unsigned int nb_active;
	unsigned int next_worker; /* where the search for the least loaded worker starts */
	unsigned int ret_start;
	unsigned int ret_count;
	struct rte_mbuf *returns[RTE_DISTRIB_RETURNS];
	struct rte_tailq_entry *te;
	struct dist_worker *workers;
	struct dist_slot *slots;
};

TAILQ_HEAD(rte_distributor_list, rte_tailq_entry);

static struct rte_tailq_elem rte_distributor_tailq = {
	.name = "RTE_DISTRIBUTOR",
};
EAL_REGISTER_TAILQ(rte_distributor_tailq)

struct rte_distributor *
rte_distributor_create(const char *name, unsigned int socket_id, unsigned int num_workers,
		unsigned int alg_type)
{
	struct rte_distributor_list *list =
		RTE_TAILQ_CAST(rte_distributor_tailq.head, rte_distributor_list);
	struct rte_tailq_entry *te;
	struct rte_distributor *d;
	size_t sz;

	/* as in DPDK, 0 workers is allowed (nothing is ever taken) and any algorithm but
	 * RTE_DIST_ALG_SINGLE means bursts
	 */
	if (name == NULL || num_workers >= RTE_DISTRIB_MAX_WORKERS ||
			num_workers > RTE_MAX_LCORE) {
		DIST_LOG(ERR, "create %s: %s", name != NULL ? name : "(null)",
			name == NULL ? "NULL name" : "too many workers");
		rte_errno = EINVAL;
		return NULL;
	}

	/* the instance, then the workers' views, then the shared slots */
	sz = RTE_ALIGN_CEIL(sizeof(*d), RTE_CACHE_LINE_SIZE) +
		num_workers * (sizeof(struct dist_worker) + sizeof(struct dist_slot));
	d = rte_zmalloc_socket("distributor", sz, RTE_CACHE_LINE_SIZE, (int)socket_id);
	te = rte_zmalloc("distributor_tailq", sizeof(*te), 0);
	if (d == NULL || te == NULL) {
		rte_free(d);
		rte_free(te);
		DIST_LOG(ERR, "create %s: no memory (%zu bytes) on socket %d", name, sz,
			(int)socket_id);
		rte_errno = ENOMEM;
		return NULL;
	}
	strlcpy(d->name, name, sizeof(d->name));
	d->num_workers = num_workers;
	d->alg_type = alg_type;
	d->burst = alg_type == RTE_DIST_ALG_SINGLE ? 1 : RTE_DIST_BURST_SIZE;
	d->workers = (struct dist_worker *)((char *)d +
		RTE_ALIGN_CEIL(sizeof(*d), RTE_CACHE_LINE_SIZE));
	d->slots = (struct dist_slot *)(d->workers + num_workers);
	d->te = te;
	te->data = d;

	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(te, list, next) {
		const struct rte_distributor *o = te->data;

		if (strncmp(o->name, d->name, sizeof(d->name)) == 0)
			break;
	}
	if (te != NULL) {
		rte_mcfg_tailq_write_unlock();
		DIST_LOG(ERR, "create %s: name already in use", name);
		rte_free(d->te);
		rte_free(d);
		rte_errno = EEXIST;
		return NULL;
	}
	TAILQ_INSERT_TAIL(list, d->te, next);
	rte_mcfg_tailq_write_unlock();
	return d;
}

/* Distributor side. */

static inline void
dist_store_return(struct rte_distributor *d, struct rte_mbuf *m)
{
	/* full: the oldest is forgotten, as with DPDK's ring of returns */
	d->returns[(d->ret_start + d->ret_count) & RTE_DISTRIB_RETURNS_MASK] = m;
	if (d->ret_count == RTE_DISTRIB_RETURNS_MASK)
		d->ret_start = (d->ret_start + 1) & RTE_DISTRIB_RETURNS_MASK;
	else
		d->ret_count++;
}

/* Take what a worker handed back, if it did, and give it its backlog if it waits. */
static void
dist_serve(struct rte_distributor *d, unsigned int wid, bool wake_idle)
{
	struct dist_slot *s = &d->slots[wid];
	struct dist_worker *w = &d->workers[wid];
	uint32_t state = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
	unsigned int i, n;

	if (state == SLOT_REQUEST || state == SLOT_LEAVE) {
		for (i = 0; i < s->nb_done; i++)
			if (s->done_pkts[i] != NULL)
				dist_store_return(d, s->done_pkts[i]);
		s->nb_done = 0;
		w->nb_flight = 0;
		if (state == SLOT_LEAVE) {
			if (w->active)
				d->nb_active--;
			w->active = false;
			__atomic_store_n(&s->state, SLOT_WORKER, __ATOMIC_RELEASE);
			return;
		}
		if (!w->active)
			d->nb_active++;
		w->active = true;
		state = SLOT_WAITING;
		/* releases done_pkts: a leaving worker may write them from now on */
		__atomic_store_n(&s->state, SLOT_WAITING, __ATOMIC_RELEASE);
	}
	if (state != SLOT_WAITING)
		return;
	if (w->nb_backlog == 0 && (!wake_idle || d->alg_type == RTE_DIST_ALG_SINGLE))
		return;

	n = RTE_MIN(w->nb_backlog, d->burst);
	for (i = 0; i < n; i++)
		s->new_pkts[i] = w->backlog[i];
	s->nb_new = n;
	if (!__atomic_compare_exchange_n(&s->state, &state, SLOT_READY, false, __ATOMIC_RELEASE,
			__ATOMIC_RELAXED))
		return; /* the worker left meanwhile; the next call sees it */
	for (i = 0; i < n; i++)
		w->flight_tags[i] = w->backlog_tags[i];
	w->nb_flight = n;
	w->nb_backlog -= n;
	memmove(w->backlog, w->backlog + n, w->nb_backlog * sizeof(w->backlog[0]));
	memmove(w->backlog_tags, w->backlog_tags + n, w->nb_backlog * sizeof(w->backlog_tags[0]));
}

static void
dist_serve_all(struct rte_distributor *d, bool wake_idle)
{
	unsigned int wid;

	for (wid = 0; wid < d->num_workers; wid++)
		dist_serve(d, wid, wake_idle);
}

static inline bool
dist_has_tag(const uint32_t *tags, unsigned int n, uint32_t tag)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (tags[i] == tag)
			return true;
	return false;
}

/* The active worker that holds the flow, else the least loaded active one, or -1. */
static int
dist_pick(struct rte_distributor *d, uint32_t tag)
{
	unsigned int i, wid, load, best_load = UINT32_MAX;
	int best = -1;

	for (wid = 0; wid < d->num_workers; wid++) {
		const struct dist_worker *w = &d->workers[wid];

		if (w->active && (dist_has_tag(w->flight_tags, w->nb_flight, tag) ||
				dist_has_tag(w->backlog_tags, w->nb_backlog, tag)))
			return (int)wid;
	}
	for (i = 0; i < d->num_workers; i++) {
		const struct dist_worker *w;

		wid = (d->next_worker + i) % d->num_workers;
		w = &d->workers[wid];
		if (!w->active)
			continue;
		load = w->nb_backlog + w->nb_flight;
		if (load < best_load) {
			best_load = load;
			best = (int)wid;
		}
	}
	if (best >= 0)
		d->next_worker = ((unsigned int)best + 1) % d->num_workers;
	return best;
}

/* Put one packet in a backlog, waiting for room if needed; false when no worker is active. */
static bool
dist_assign(struct rte_distributor *d, struct rte_mbuf *m)
{
	uint32_t tag = m->hash.usr;

	for (;;) {
		int wid = dist_pick(d, tag);
		struct dist_worker *w;

		if (wid < 0)
			return false;
		w = &d->workers[wid];
		if (w->nb_backlog < RTE_DIST_BURST_SIZE) {
			w->backlog[w->nb_backlog] = m;
			w->backlog_tags[w->nb_backlog] = tag;
			w->nb_backlog++;
			return true;
		}
		/* the flow's worker is busy and its backlog full: let the workers move on */
		dist_serve_all(d, false);
		rte_pause();
	}
}

/* Backlogs of workers that left go to the active workers, if there are any. */
static void
dist_rehome(struct rte_distributor *d)
{
	struct rte_mbuf *orphans[RTE_DIST_BURST_SIZE];
	unsigned int wid, i, n;

	for (wid = 0; wid < d->num_workers && d->nb_active > 0; wid++) {
		struct dist_worker *w = &d->workers[wid];

		if (w->active || w->nb_backlog == 0)
			continue;
		n = w->nb_backlog;
		memcpy(orphans, w->backlog, n * sizeof(orphans[0]));
		w->nb_backlog = 0;
		for (i = 0; i < n; i++) {
			if (!dist_assign(d, orphans[i])) {
				/* everybody left meanwhile: keep the rest here */
				memcpy(w->backlog, orphans + i, (n - i) * sizeof(orphans[0]));
				for (w->nb_backlog = 0; w->nb_backlog < n - i; w->nb_backlog++)
					w->backlog_tags[w->nb_backlog] =
						w->backlog[w->nb_backlog]->hash.usr;
				return;
			}
		}
	}
}

int
rte_distributor_process(struct rte_distributor *d, struct rte_mbuf **mbufs,
		unsigned int num_mbufs)
{
	unsigned int i;

	dist_serve_all(d, num_mbufs == 0);
	dist_rehome(d);
	for (i = 0; i < num_mbufs; i++)
		if (!dist_assign(d, mbufs[i]))
			break;
	if (num_mbufs > 0)
		dist_serve_all(d, false);
	return (int)i;
}

int
rte_distributor_returned_pkts(struct rte_distributor *d, struct rte_mbuf **mbufs,
		unsigned int max_mbufs)
{
	unsigned int i, n = RTE_MIN(max_mbufs, d->ret_count);

	for (i = 0; i < n; i++)
		mbufs[i] = d->returns[(d->ret_start + i) & RTE_DISTRIB_RETURNS_MASK];
	d->ret_start = (d->ret_start + n) & RTE_DISTRIB_RETURNS_MASK;
	d->ret_count -= n;
	return (int)n;
}

static unsigned int
dist_outstanding(const struct rte_distributor *d)
{
	unsigned int wid, n = 0;

	for (wid = 0; wid < d->num_workers; wid++)
		n += d->workers[wid].nb_backlog + d->workers[wid].nb_flight;
	return n;
}

int
rte_distributor_flush(struct rte_distributor *d)
{
	unsigned int flushed = dist_outstanding(d);

	while (dist_outstanding(d) > 0 && d->nb_active > 0) {
		rte_distributor_process(d, NULL, 0);
		rte_pause();
	}
	/* the workers that wait now get an empty hand-over and can look for a stop request */
	rte_distributor_process(d, NULL, 0);
	return (int)flushed;
}

void
rte_distributor_clear_returns(struct rte_distributor *d)
{
	d->ret_start = 0;
	d->ret_count = 0;
}

/* Worker side. */

static inline bool
dist_worker_args_ok(const struct rte_distributor *d, unsigned int worker_id, unsigned int n)
{
	return d != NULL && worker_id < d->num_workers && n <= d->burst;
}

/* Wait until the slot is the worker's, then hand back packets and ask for more. */
static inline void
dist_hand_back(struct rte_distributor *d, unsigned int worker_id, struct rte_mbuf **oldpkt,
		unsigned int count)
{
	struct dist_slot *s = &d->slots[worker_id];
	unsigned int i;

	while (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_WORKER)
		rte_pause();
	for (i = 0; i < count; i++)
		s->done_pkts[i] = oldpkt[i];
	s->nb_done = count;
	__atomic_store_n(&s->state, SLOT_REQUEST, __ATOMIC_RELEASE);
}

void
rte_distributor_request_pkt(struct rte_distributor *d, unsigned int worker_id,
		struct rte_mbuf **oldpkt, unsigned int count)
{
	if (!dist_worker_args_ok(d, worker_id, count) || (count > 0 && oldpkt == NULL))
		return;
	dist_hand_back(d, worker_id, oldpkt, count);
}

int
rte_distributor_poll_pkt(struct rte_distributor *d, unsigned int worker_id,
		struct rte_mbuf **mbufs)
{
	struct dist_slot *s;
	unsigned int i, n;

	if (!dist_worker_args_ok(d, worker_id, 0) || mbufs == NULL)
		return -EINVAL;
	s = &d->slots[worker_id];
	if (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_READY)
		return d->alg_type == RTE_DIST_ALG_SINGLE ? 0 : -1;
	n = s->nb_new;
	for (i = 0; i < n; i++)
		mbufs[i] = s->new_pkts[i];
	__atomic_store_n(&s->state, SLOT_WORKER, __ATOMIC_RELEASE);
	return (int)n;
}

int
rte_distributor_get_pkt(struct rte_distributor *d, unsigned int worker_id,
		struct rte_mbuf **pkts, struct rte_mbuf **oldpkt, unsigned int retcount)
{
	struct dist_slot *s;
	unsigned int i, n;

	if (!dist_worker_args_ok(d, worker_id, retcount) || pkts == NULL ||
			(retcount > 0 && oldpkt == NULL))
		return -EINVAL;
	dist_hand_back(d, worker_id, oldpkt, retcount);
	s = &d->slots[worker_id];
	while (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_READY)
		rte_pause();
	n = s->nb_new;
	for (i = 0; i < n; i++)
		pkts[i] = s->new_pkts[i];
	__atomic_store_n(&s->state, SLOT_WORKER, __ATOMIC_RELEASE);
	return (int)n;
}

int
rte_distributor_return_pkt(struct rte_distributor *d, unsigned int worker_id,
		struct rte_mbuf **oldpkt, int num)
{
	struct rte_mbuf *unwanted[RTE_DIST_BURST_SIZE];
	unsigned int i, nb_unwanted = 0;
	struct dist_slot *s;
	uint32_t state;

	if (num < 0 || !dist_worker_args_ok(d, worker_id, (unsigned int)num) ||
			(num > 0 && oldpkt == NULL))
		return -EINVAL;
	s = &d->slots[worker_id];
	for (;;) {
		state = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
		if (state == SLOT_REQUEST || state == SLOT_LEAVE) {
			/* the distributor has not taken the last hand-back yet */
			rte_pause();
			continue;
		}
		if (state == SLOT_READY) {
			/* packets came for a request made before leaving: they go back too */
			for (i = 0; i < s->nb_new; i++)
				unwanted[nb_unwanted++] = s->new_pkts[i];
			__atomic_store_n(&s->state, SLOT_WORKER, __ATOMIC_RELAXED);
			state = SLOT_WORKER;
		}
		for (i = 0; i < (unsigned int)num; i++)
			s->done_pkts[i] = oldpkt[i];
		for (i = 0; i < nb_unwanted; i++)
			s->done_pkts[num + i] = unwanted[i];
		s->nb_done = (unsigned int)num + nb_unwanted;
		if (state == SLOT_WORKER) {
			__atomic_store_n(&s->state, SLOT_LEAVE, __ATOMIC_RELEASE);
			return 0;
		}
		/* WAITING: the distributor may be handing over a burst right now */
		if (__atomic_compare_exchange_n(&s->state, &state, SLOT_LEAVE, false,
				__ATOMIC_RELEASE, __ATOMIC_RELAXED))
			return 0;
	}
}
