/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Distributor. Each worker shares one slot with the distributor lcore; the slot's state says
 * who owns it, and ownership passes with a release store that the other side reads with an
 * acquire load, so the packet arrays need no lock:
 *
 *   WORKER  -- worker writes its finished packets, then -->  REQUEST (wants more) or LEAVE
 *   REQUEST -- distributor takes the finished packets, then gives new ones (maybe none)
 *              --> READY, or, when it has none yet --> WAITING
 *   LEAVE   -- distributor takes the finished packets -->   WORKER (the worker is inactive)
 *   WAITING -- distributor writes new packets (maybe none) --> READY
 *   READY   -- worker reads them -->                          WORKER
 *
 * A worker that asked for packets may leave before they come: it writes its finished packets
 * (the distributor does not read them while WAITING) and moves WAITING to LEAVE with a
 * compare-and-swap; the distributor moves WAITING to READY the same way and keeps the packets
 * in the backlog until its swap succeeded, so exactly one of the two wins. In REQUEST the
 * worker only waits, so the distributor may take the returns early and give the packets
 * later in the same call with a single store.
 *
 * The state lives in the low bits of the first word of the packets handed to the worker (an
 * mbuf is cache-line aligned), so that one cache line carries the hand-over both ways and the
 * worker spins on the line it then reads. The packets handed back are on a line of their own.
 *
 * Everything else (backlogs, tags in flight, returned packets) belongs to the distributor
 * lcore alone. A tag is in flight on a worker from the moment its packet enters the worker's
 * backlog until the worker asks for more after the burst that held it. Flow affinity uses a
 * table of tag buckets, each with the worker holding it and how many of its packets are out,
 * so that finding a flow's worker is one look-up; tags that share a bucket count as one flow.
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

#define DIST_FLOW_BUCKETS 4096
#define DIST_FLOW_MASK (DIST_FLOW_BUCKETS - 1)

enum dist_slot_state {
	SLOT_WORKER = 0,
	SLOT_REQUEST,
	SLOT_LEAVE,
	SLOT_WAITING,
	SLOT_READY,
};

#define SLOT_STATE_MASK ((uintptr_t)7)

/*
 * Shared with one worker. give[] carries the bursts both ways, the state in the low bits of
 * give[0] and the packets (NULL after the last) in the rest of the word and the other words:
 * the distributor writes new packets with READY, the worker its finished packets with
 * REQUEST, so a round trip moves that one cache line twice. A leaving worker puts its
 * finished packets in done[] instead (the distributor may be writing give[] while WAITING),
 * plus, in extra[], a burst it got and did not want. consumed is the worker's alone: set
 * when it has read a READY burst, which makes READY mean WORKER without a store to the shared
 * line.
 */
struct dist_slot {
	uintptr_t give[RTE_DIST_BURST_SIZE];
	struct rte_mbuf *done[RTE_DIST_BURST_SIZE] __rte_cache_aligned;
	struct rte_mbuf *extra[RTE_DIST_BURST_SIZE] __rte_cache_aligned;
	bool consumed __rte_cache_aligned;
} __rte_cache_aligned;

/* The distributor lcore's view of one worker. */
struct dist_worker {
	bool active;
	bool taken; /* the returns of the current REQUEST are taken, the answer is not given */
	unsigned int nb_backlog;
	unsigned int nb_flight;
	struct rte_mbuf *backlog[RTE_DIST_BURST_SIZE];
	uint32_t backlog_tags[RTE_DIST_BURST_SIZE];
	uint32_t flight_tags[RTE_DIST_BURST_SIZE];
} __rte_cache_aligned;

/* Packets of the flows of one tag bucket that are on a worker (backlog or in flight). */
struct dist_flow {
	uint8_t owner;
	uint8_t count;
};

/*
 * The workers read the first line on every call; the distributor lcore writes the rest all
 * the time. They are kept apart, two lines apart for CPUs that fetch lines in pairs, so that
 * a worker does not lose its copy of the first line whenever a packet comes back.
 */
struct rte_distributor {
	char name[RTE_DISTRIBUTOR_NAMESIZE];
	unsigned int num_workers;
	unsigned int alg_type;
	unsigned int burst; /* packets per hand-over */
	struct dist_slot *slots;
	/* the distributor lcore's alone from here on */
	unsigned int nb_active __rte_aligned(2 * RTE_CACHE_LINE_SIZE);
	unsigned int next_worker; /* where the search for the least loaded worker starts */
	unsigned int ret_start;
	unsigned int ret_count;
	struct rte_tailq_entry *te;
	struct dist_worker *workers;
	/* per worker, side by side for the search: backlog plus burst, DIST_GONE if inactive */
	uint8_t load[RTE_DISTRIB_MAX_WORKERS];
	struct rte_mbuf *returns[RTE_DISTRIB_RETURNS];
	struct dist_flow flows[DIST_FLOW_BUCKETS];
};

#define DIST_GONE UINT8_MAX

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

	/*
	 * The instance, then the workers' views, then the shared slots, these on a pair of
	 * lines of their own too.
	 */
	sz = RTE_ALIGN_CEIL(sizeof(*d), 2 * RTE_CACHE_LINE_SIZE) +
		RTE_ALIGN_CEIL(num_workers * sizeof(struct dist_worker), 2 * RTE_CACHE_LINE_SIZE) +
		num_workers * sizeof(struct dist_slot);
	d = rte_zmalloc_socket("distributor", sz, 2 * RTE_CACHE_LINE_SIZE, (int)socket_id);
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
	memset(d->load, DIST_GONE, sizeof(d->load));
	d->workers = (struct dist_worker *)((char *)d +
		RTE_ALIGN_CEIL(sizeof(*d), 2 * RTE_CACHE_LINE_SIZE));
	d->slots = (struct dist_slot *)((char *)d->workers +
		RTE_ALIGN_CEIL(num_workers * sizeof(struct dist_worker), 2 * RTE_CACHE_LINE_SIZE));
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

static inline struct dist_flow *
dist_flow(struct rte_distributor *d, uint32_t tag)
{
	return &d->flows[(tag ^ (tag >> 12) ^ (tag >> 24)) & DIST_FLOW_MASK];
}

static inline void
dist_flow_put(struct rte_distributor *d, uint32_t tag)
{
	dist_flow(d, tag)->count--;
}

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

/* Keep a NULL-terminated array of up to a burst of finished packets. */
static inline void
dist_take_returns(struct rte_distributor *d, struct rte_mbuf *const *pkts)
{
	unsigned int i;

	for (i = 0; i < RTE_DIST_BURST_SIZE && pkts[i] != NULL; i++)
		dist_store_return(d, pkts[i]);
}

/*
 * Copy out the finished packets of a REQUEST whose first word is v0, before the answer
 * overwrites them: the line is already here, and the answer goes out before the bookkeeping.
 */
static inline unsigned int
dist_copy_words(const struct rte_distributor *d, uintptr_t v0, const uintptr_t *give,
		struct rte_mbuf **back)
{
	unsigned int n;

	if ((v0 & ~SLOT_STATE_MASK) == 0)
		return 0;
	back[0] = (struct rte_mbuf *)(v0 & ~SLOT_STATE_MASK);
	for (n = 1; n < d->burst && give[n] != 0; n++)
		back[n] = (struct rte_mbuf *)give[n];
	return n;
}

static inline void
dist_set_load(struct rte_distributor *d, unsigned int wid)
{
	const struct dist_worker *w = &d->workers[wid];

	d->load[wid] = w->active ? (uint8_t)(w->nb_backlog + w->nb_flight) : DIST_GONE;
}

/* The tags of the burst the worker had are no longer in flight. */
static inline void
dist_land(struct rte_distributor *d, struct dist_worker *w)
{
	unsigned int i;

	for (i = 0; i < w->nb_flight; i++)
		dist_flow_put(d, w->flight_tags[i]);
	w->nb_flight = 0;
}

/* Keep what a worker handed back with a REQUEST: its last burst is no longer in flight. */
static inline void
dist_take_back(struct rte_distributor *d, struct dist_worker *w, struct rte_mbuf *const *back,
		unsigned int nb_back)
{
	unsigned int i;

	for (i = 0; i < nb_back; i++)
		dist_store_return(d, back[i]);
	dist_land(d, w);
	if (!w->active)
		d->nb_active++;
	w->active = true;
}

/*
 * Take what a worker handed back, if it did, and give it its backlog if it waits. The last
 * call of a process (final) answers a request with no packets by WAITING, so that the worker
 * may leave; earlier calls keep it in REQUEST, to answer with packets in one store. The
 * worker waits for the answer, so it is stored as soon as the returns are copied out of the
 * line, and the bookkeeping of both follows.
 */
static void
dist_serve(struct rte_distributor *d, unsigned int wid, bool wake_idle, bool final)
{
	struct dist_slot *s = &d->slots[wid];
	struct dist_worker *w = &d->workers[wid];
	uintptr_t v0 = __atomic_load_n(&s->give[0], __ATOMIC_ACQUIRE);
	uintptr_t state = v0 & SLOT_STATE_MASK;
	struct rte_mbuf *back[RTE_DIST_BURST_SIZE];
	unsigned int i, n, nb_back = 0;
	bool fresh;

	if (state == SLOT_LEAVE) {
		dist_take_returns(d, s->done);
		dist_take_returns(d, s->extra);
		dist_land(d, w);
		if (w->active)
			d->nb_active--;
		w->active = false;
		w->taken = false;
		dist_set_load(d, wid);
		__atomic_store_n(&s->give[0], SLOT_WORKER, __ATOMIC_RELEASE);
		return;
	}
	if (state != SLOT_WAITING && state != SLOT_REQUEST)
		return;
	/* a REQUEST whose returns are not taken yet */
	fresh = state == SLOT_REQUEST && !w->taken;
	if (fresh)
		nb_back = dist_copy_words(d, v0, s->give, back);
	if (w->nb_backlog == 0 && (!wake_idle || d->alg_type == RTE_DIST_ALG_SINGLE)) {
		if (fresh) {
			dist_take_back(d, w, back, nb_back);
			w->taken = true;
			dist_set_load(d, wid);
		}
		if (state == SLOT_REQUEST && final) {
			w->taken = false;
			/* a leaving worker may write done[] from now on */
			__atomic_store_n(&s->give[0], SLOT_WAITING, __ATOMIC_RELEASE);
		}
		return;
	}

	n = RTE_MIN(w->nb_backlog, d->burst);
	for (i = 1; i < n; i++)
		s->give[i] = (uintptr_t)w->backlog[i];
	if (n < d->burst)
		s->give[RTE_MAX(n, 1u)] = 0;
	if (state == SLOT_REQUEST) {
		/* the worker only waits in REQUEST: nobody else writes the state */
		__atomic_store_n(&s->give[0], (n > 0 ? (uintptr_t)w->backlog[0] : 0) | SLOT_READY,
			__ATOMIC_RELEASE);
	} else {
		uintptr_t expect = SLOT_WAITING;

		if (!__atomic_compare_exchange_n(&s->give[0], &expect,
				(n > 0 ? (uintptr_t)w->backlog[0] : 0) | SLOT_READY, false,
				__ATOMIC_RELEASE, __ATOMIC_RELAXED))
			return; /* the worker left meanwhile; the next call sees it */
	}
	if (fresh)
		dist_take_back(d, w, back, nb_back);
	w->taken = false;
	for (i = 0; i < n; i++)
		w->flight_tags[i] = w->backlog_tags[i];
	w->nb_flight = n;
	w->nb_backlog -= n;
	if (w->nb_backlog > 0) {
		memmove(w->backlog, w->backlog + n, w->nb_backlog * sizeof(w->backlog[0]));
		memmove(w->backlog_tags, w->backlog_tags + n,
			w->nb_backlog * sizeof(w->backlog_tags[0]));
	}
	if (fresh)
		dist_set_load(d, wid);
}

static void
dist_serve_all(struct rte_distributor *d, bool wake_idle, bool final)
{
	unsigned int wid;

	for (wid = 0; wid < d->num_workers; wid++)
		dist_serve(d, wid, wake_idle, final);
}

/* The worker that holds the flow, else the least loaded active one, or -1. */
static inline int
dist_pick(struct rte_distributor *d, const struct dist_flow *f)
{
	unsigned int i, wid, best_load = DIST_GONE;
	int best = -1;

	/* a flow held by a worker that left stays with it until its backlog is rehomed */
	if (f->count > 0)
		return d->nb_active > 0 || d->workers[f->owner].active ? f->owner : -1;
	for (i = 0, wid = d->next_worker; i < d->num_workers; i++) {
		if (d->load[wid] < best_load) {
			best_load = d->load[wid];
			best = (int)wid;
		}
		if (++wid == d->num_workers)
			wid = 0;
	}
	if (best >= 0)
		d->next_worker = (unsigned int)best + 1 == d->num_workers ? 0 : (unsigned int)best + 1;
	return best;
}

/* Put a packet of flow f in the backlog of worker wid, which has room. */
static inline void
dist_backlog_add(struct rte_distributor *d, unsigned int wid, struct dist_flow *f,
		struct rte_mbuf *m, uint32_t tag)
{
	struct dist_worker *w = &d->workers[wid];

	w->backlog[w->nb_backlog] = m;
	w->backlog_tags[w->nb_backlog] = tag;
	w->nb_backlog++;
	f->owner = (uint8_t)wid;
	f->count++;
	if (w->active)
		d->load[wid]++;
}

static void dist_rehome(struct rte_distributor *d);

/*
 * dist_assign when the picked worker has no room or nobody is active: make room by letting
 * the workers move on, or move the backlogs of workers that left.
 */
static __rte_noinline bool
dist_assign_wait(struct rte_distributor *d, struct rte_mbuf *m, uint32_t tag,
		struct dist_flow *f)
{
	for (;;) {
		int wid = dist_pick(d, f);
		struct dist_worker *w;

		if (wid < 0)
			return false;
		w = &d->workers[wid];
		if (w->nb_backlog < RTE_DIST_BURST_SIZE) {
			dist_backlog_add(d, (unsigned int)wid, f, m, tag);
			return true;
		}
		if (!w->active) {
			/* the flow's backlog is on a worker that left: move it first */
			dist_rehome(d);
			continue;
		}
		/*
		 * The flow's worker is busy and its backlog full: let the workers move on, and
		 * pause only when that freed nothing, not in the way of the next packet.
		 */
		dist_serve_all(d, false, false);
		if (w->nb_backlog == RTE_DIST_BURST_SIZE)
			rte_pause();
	}
}

/*
 * Put one packet in a backlog, waiting for room if needed; false when no worker is active.
 * Inlined in the per-packet loop: usually the picked worker has room.
 */
static inline bool
dist_assign(struct rte_distributor *d, struct rte_mbuf *m)
{
	uint32_t tag = m->hash.usr;
	struct dist_flow *f = dist_flow(d, tag);
	int wid = dist_pick(d, f);

	if (likely(wid >= 0 && d->workers[wid].nb_backlog < RTE_DIST_BURST_SIZE)) {
		dist_backlog_add(d, (unsigned int)wid, f, m, tag);
		return true;
	}
	return dist_assign_wait(d, m, tag, f);
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
		for (i = 0; i < n; i++)
			dist_flow_put(d, w->backlog_tags[i]);
		w->nb_backlog = 0;
		for (i = 0; i < n; i++) {
			if (!dist_assign(d, orphans[i])) {
				/* everybody left meanwhile: keep the rest here */
				for (; i < n; i++) {
					struct dist_flow *f = dist_flow(d, orphans[i]->hash.usr);

					w->backlog[w->nb_backlog] = orphans[i];
					w->backlog_tags[w->nb_backlog++] = orphans[i]->hash.usr;
					f->owner = (uint8_t)wid;
					f->count++;
				}
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

	dist_serve_all(d, num_mbufs == 0, num_mbufs == 0);
	dist_rehome(d);
	for (i = 0; i < num_mbufs; i++)
		if (!dist_assign(d, mbufs[i]))
			break;
	if (num_mbufs > 0)
		dist_serve_all(d, false, true);
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

/* How long flush waits for the workers when nothing moves: 10 ms. */
#define DIST_FLUSH_IDLE_DIV 100

int
rte_distributor_flush(struct rte_distributor *d)
{
	unsigned int flushed = dist_outstanding(d), left = flushed, now_left;
	uint64_t idle = rte_get_timer_hz() / DIST_FLUSH_IDLE_DIV;
	uint64_t deadline = rte_get_timer_cycles() + idle;

	/*
	 * Wait until the workers have taken their backlogs and handed back their bursts, but
	 * give up when nothing has moved for a while: a worker that stops without handing back
	 * (as DPDK's sample does on exit) would otherwise block the flush forever.
	 */
	while (left > 0 && d->nb_active > 0) {
		rte_distributor_process(d, NULL, 0);
		now_left = dist_outstanding(d);
		if (now_left < left)
			deadline = rte_get_timer_cycles() + idle;
		else if (rte_get_timer_cycles() > deadline)
			break;
		left = now_left;
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

/* Finished packets into a NULL-terminated array (NULL ones are skipped). */
static inline void
dist_put_done(struct rte_mbuf **dst, struct rte_mbuf *const *pkts, unsigned int count)
{
	unsigned int i, n = 0;

	for (i = 0; i < count; i++)
		if (pkts[i] != NULL)
			dst[n++] = pkts[i];
	if (n < RTE_DIST_BURST_SIZE)
		dst[n] = NULL;
}

/* Read the packets of a READY burst whose first word is v0. */
static inline unsigned int
dist_read_given(const struct rte_distributor *d, const struct dist_slot *s, uintptr_t v0,
		struct rte_mbuf **pkts)
{
	unsigned int n;

	if ((v0 & ~SLOT_STATE_MASK) == 0)
		return 0;
	pkts[0] = (struct rte_mbuf *)(v0 & ~SLOT_STATE_MASK);
	for (n = 1; n < d->burst && s->give[n] != 0; n++)
		pkts[n] = (struct rte_mbuf *)s->give[n];
	return n;
}

/* The state as the worker sees it: a READY burst it has read is its own again. */
static inline uintptr_t
dist_worker_state(const struct dist_slot *s, uintptr_t *v0)
{
	uintptr_t state;

	*v0 = __atomic_load_n(&s->give[0], __ATOMIC_ACQUIRE);
	state = *v0 & SLOT_STATE_MASK;
	return state == SLOT_READY && s->consumed ? SLOT_WORKER : state;
}

/*
 * Wait until the worker's view of the slot is want. Every poll takes the slot's line from the
 * distributor lcore, and a poll that lands while the distributor writes a burst into the line
 * makes it fetch the line again for the rest of the burst: with lines slow to move between
 * the two CPUs, a worker polling without pause doubles the cost of a hand-over. So the pauses
 * between polls double, from one up to DIST_POLL_PAUSES_MAX: an answer that comes quickly is
 * seen within a pause or two, a slow one is polled a few times only.
 */
#define DIST_POLL_PAUSES_MAX 16

static inline uintptr_t
dist_worker_wait(const struct dist_slot *s, uintptr_t want)
{
	unsigned int pauses = 1, i;
	uintptr_t v0;

	while (dist_worker_state(s, &v0) != want) {
		for (i = 0; i < pauses; i++)
			rte_pause();
		if (pauses < DIST_POLL_PAUSES_MAX)
			pauses *= 2;
	}
	return v0;
}

/* Wait until the slot is the worker's, then hand back packets and ask for more. */
static inline void
dist_hand_back(struct rte_distributor *d, unsigned int worker_id, struct rte_mbuf **oldpkt,
		unsigned int count)
{
	struct dist_slot *s = &d->slots[worker_id];
	uintptr_t first = 0;
	unsigned int i, n = 0;

	dist_worker_wait(s, SLOT_WORKER);
	for (i = 0; i < count; i++) {
		if (oldpkt[i] == NULL)
			continue;
		if (first == 0)
			first = (uintptr_t)oldpkt[i];
		else
			s->give[++n] = (uintptr_t)oldpkt[i];
	}
	/* one word is all a single-packet distributor reads: no end mark to store */
	if (n + 1 < d->burst)
		s->give[n + 1] = 0;
	s->consumed = false;
	__atomic_store_n(&s->give[0], first | SLOT_REQUEST, __ATOMIC_RELEASE);
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
	uintptr_t v0;

	if (!dist_worker_args_ok(d, worker_id, 0) || mbufs == NULL)
		return -EINVAL;
	s = &d->slots[worker_id];
	if (dist_worker_state(s, &v0) != SLOT_READY)
		return d->alg_type == RTE_DIST_ALG_SINGLE ? 0 : -1;
	s->consumed = true;
	return (int)dist_read_given(d, s, v0, mbufs);
}

int
rte_distributor_get_pkt(struct rte_distributor *d, unsigned int worker_id,
		struct rte_mbuf **pkts, struct rte_mbuf **oldpkt, unsigned int retcount)
{
	struct dist_slot *s;
	uintptr_t v0;

	if (!dist_worker_args_ok(d, worker_id, retcount) || pkts == NULL ||
			(retcount > 0 && oldpkt == NULL))
		return -EINVAL;
	dist_hand_back(d, worker_id, oldpkt, retcount);
	s = &d->slots[worker_id];
	v0 = dist_worker_wait(s, SLOT_READY);
	s->consumed = true;
	return (int)dist_read_given(d, s, v0, pkts);
}

int
rte_distributor_return_pkt(struct rte_distributor *d, unsigned int worker_id,
		struct rte_mbuf **oldpkt, int num)
{
	struct rte_mbuf *unwanted[RTE_DIST_BURST_SIZE];
	unsigned int nb_unwanted = 0;
	struct dist_slot *s;
	uintptr_t v0, state;

	if (num < 0 || !dist_worker_args_ok(d, worker_id, (unsigned int)num) ||
			(num > 0 && oldpkt == NULL))
		return -EINVAL;
	s = &d->slots[worker_id];
	for (;;) {
		state = dist_worker_state(s, &v0);
		if (state == SLOT_REQUEST || state == SLOT_LEAVE) {
			/* the distributor has not taken the last hand-back yet */
			rte_pause();
			continue;
		}
		if (state == SLOT_READY) {
			/* packets came for a request made before leaving: they go back too */
			nb_unwanted = dist_read_given(d, s, v0, unwanted);
			state = SLOT_WORKER;
		}
		dist_put_done(s->done, oldpkt, (unsigned int)num);
		dist_put_done(s->extra, unwanted, nb_unwanted);
		s->consumed = false;
		if (state == SLOT_WORKER) {
			__atomic_store_n(&s->give[0], SLOT_LEAVE, __ATOMIC_RELEASE);
			return 0;
		}
		/* WAITING: the distributor may be handing over a burst right now */
		if (__atomic_compare_exchange_n(&s->give[0], &v0, SLOT_LEAVE, false,
				__ATOMIC_RELEASE, __ATOMIC_RELAXED))
			return 0;
	}
}
