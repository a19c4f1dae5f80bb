/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Distributor: parameter errors; the hand-over protocol driven step by step from one thread
 * with the non-blocking worker calls (which packet goes where, flow affinity, tags that share
 * a flow bucket, a worker that leaves, the empty wake-up of flush); then worker lcores in
 * burst and single mode, checking that every packet comes back once and that no tag is ever
 * on two workers at the same time.
 */
#include "test_eal_main.h"

#include <sched.h>

#include <rte_cycles.h>
#include <rte_distributor.h>
#include <rte_launch.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_pause.h>

#define NB_MBUF 1024
#define NB_TAGS 16
#define MAX_WORKERS 8

static struct rte_mempool *pool;
static struct rte_mbuf *pkts[NB_MBUF];

static int
setup(void **state)
{
	(void)state;
	pool = rte_pktmbuf_pool_create("dist_pool", NB_MBUF, 0, 0, 128, SOCKET_ID_ANY);
	if (pool == NULL || rte_pktmbuf_alloc_bulk(pool, pkts, NB_MBUF) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_pktmbuf_free_bulk(pkts, NB_MBUF);
	rte_mempool_free(pool);
	return 0;
}

static struct rte_mbuf *
tagged(unsigned int i, uint32_t tag)
{
	pkts[i]->hash.usr = tag;
	return pkts[i];
}

static void
test_errors(void **state)
{
	struct rte_distributor *d, *s;
	struct rte_mbuf *b[16];

	(void)state;
	rte_errno = 0;
	assert_null(rte_distributor_create(NULL, SOCKET_ID_ANY, 2, RTE_DIST_ALG_BURST));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_distributor_create("e", SOCKET_ID_ANY, 64, RTE_DIST_ALG_BURST));
	assert_int_equal(rte_errno, EINVAL);
	/* as in DPDK: no worker at all, or an algorithm number that means bursts */
	d = rte_distributor_create("e0", SOCKET_ID_ANY, 0, RTE_DIST_ALG_BURST);
	assert_non_null(d);
	assert_int_equal(rte_distributor_process(d, pkts, 4), 0);
	assert_int_equal(rte_distributor_flush(d), 0);
	assert_int_equal(rte_distributor_get_pkt(d, 0, b, b, 0), -EINVAL);
	d = rte_distributor_create("e2", SOCKET_ID_ANY, 1, RTE_DIST_NUM_ALG_TYPES);
	assert_non_null(d);
	rte_distributor_request_pkt(d, 0, NULL, 0);
	assert_int_equal(rte_distributor_process(d, pkts, 2), 2);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, b), 2);
	assert_int_equal(rte_distributor_return_pkt(d, 0, b, 2), 0);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	assert_int_equal(rte_distributor_returned_pkts(d, b, 16), 2);

	d = rte_distributor_create("err_b", SOCKET_ID_ANY, 2, RTE_DIST_ALG_BURST);
	assert_non_null(d);
	rte_errno = 0;
	assert_null(rte_distributor_create("err_b", SOCKET_ID_ANY, 2, RTE_DIST_ALG_SINGLE));
	assert_int_equal(rte_errno, EEXIST);
	s = rte_distributor_create("err_s", SOCKET_ID_ANY, 2, RTE_DIST_ALG_SINGLE);
	assert_non_null(s);

	/* bad worker calls change nothing and do not block */
	assert_int_equal(rte_distributor_get_pkt(d, 2, b, b, 0), -EINVAL);
	assert_int_equal(rte_distributor_get_pkt(d, 0, b, b, 9), -EINVAL);
	assert_int_equal(rte_distributor_get_pkt(NULL, 0, b, b, 0), -EINVAL);
	assert_int_equal(rte_distributor_get_pkt(s, 0, b, b, 2), -EINVAL);
	assert_int_equal(rte_distributor_return_pkt(d, 0, b, 9), -EINVAL);
	assert_int_equal(rte_distributor_return_pkt(d, 0, b, -1), -EINVAL);
	assert_int_equal(rte_distributor_return_pkt(d, 5, b, 0), -EINVAL);
	assert_int_equal(rte_distributor_return_pkt(s, 0, b, 2), -EINVAL);
	assert_int_equal(rte_distributor_poll_pkt(d, 2, b), -EINVAL);
	rte_distributor_request_pkt(d, 7, b, 1);
	rte_distributor_request_pkt(s, 0, b, 2);
	/* nothing was requested, so nothing comes and nobody is active */
	assert_int_equal(rte_distributor_poll_pkt(d, 0, b), -1);
	assert_int_equal(rte_distributor_poll_pkt(s, 0, b), 0);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, b), -1);
	assert_int_equal(rte_distributor_process(d, pkts, 4), 0);
	assert_int_equal(rte_distributor_flush(d), 0);
	assert_int_equal(rte_distributor_returned_pkts(d, b, 16), 0);
}

static void
expect_tags(struct rte_mbuf **b, int n, const uint32_t *tags, int want)
{
	int i;

	assert_int_equal(n, want);
	for (i = 0; i < n; i++)
		assert_int_equal(b[i]->hash.usr, tags[i]);
}

static void
test_steps_burst(void **state)
{
	struct rte_distributor *d;
	struct rte_mbuf *in[16], *w0[8], *w1[8], *ret[16];
	unsigned int i;
	int n0, n1;

	(void)state;
	d = rte_distributor_create("steps_b", SOCKET_ID_ANY, 2, RTE_DIST_ALG_BURST);
	assert_non_null(d);
	rte_distributor_request_pkt(d, 0, NULL, 0);
	rte_distributor_request_pkt(d, 1, NULL, 0);

	/* A goes to worker 0 and brings the second A along; B and C to the idle worker 1 */
	in[0] = tagged(0, 0xa);
	in[1] = tagged(1, 0xa);
	in[2] = tagged(2, 0xb);
	in[3] = tagged(3, 0xc);
	assert_int_equal(rte_distributor_process(d, in, 4), 4);
	expect_tags(w0, rte_distributor_poll_pkt(d, 0, w0), (uint32_t[]){ 0xa, 0xa }, 2);
	expect_tags(w1, rte_distributor_poll_pkt(d, 1, w1), (uint32_t[]){ 0xb, 0xc }, 2);

	/*
	 * Worker 1 finishes, worker 0 does not: a new A still goes to worker 0 (its backlog)
	 * although worker 1 is idle; D goes to worker 1.
	 */
	rte_distributor_request_pkt(d, 1, w1, 2);
	in[0] = tagged(4, 0xa);
	in[1] = tagged(5, 0xd);
	assert_int_equal(rte_distributor_process(d, in, 2), 2);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), -1);
	expect_tags(w1, rte_distributor_poll_pkt(d, 1, w1), (uint32_t[]){ 0xd }, 1);
	assert_int_equal(rte_distributor_returned_pkts(d, ret, 16), 2);
	assert_ptr_equal(ret[0], pkts[2]);
	assert_ptr_equal(ret[1], pkts[3]);
	assert_int_equal(rte_distributor_returned_pkts(d, ret, 16), 0);

	/* worker 0 asks again: its backlog comes with any call, even one with no packets */
	rte_distributor_request_pkt(d, 0, w0, 2);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), -1);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	expect_tags(w0, rte_distributor_poll_pkt(d, 0, w0), (uint32_t[]){ 0xa }, 1);
	assert_ptr_equal(w0[0], pkts[4]);

	/* worker 1 leaves: everything goes to worker 0, a backlog of 8 then waits for room */
	assert_int_equal(rte_distributor_return_pkt(d, 1, w1, 1), 0);
	for (i = 0; i < 8; i++)
		in[i] = tagged(6 + i, 0x100 + i);
	assert_int_equal(rte_distributor_process(d, in, 8), 8);
	assert_int_equal(rte_distributor_poll_pkt(d, 1, w1), -1);
	rte_distributor_request_pkt(d, 0, w0, 1);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), 8);
	for (i = 0; i < 8; i++)
		assert_ptr_equal(w0[i], pkts[6 + i]);
	/* back in the order they were handed back: the first A's, D, the last A */
	assert_int_equal(rte_distributor_returned_pkts(d, ret, 16), 4);
	assert_ptr_equal(ret[0], pkts[0]);
	assert_ptr_equal(ret[1], pkts[1]);
	assert_ptr_equal(ret[2], pkts[5]);
	assert_ptr_equal(ret[3], pkts[4]);

	/* flush counts the 8 in flight and, once they are back, wakes the worker with nothing */
	rte_distributor_request_pkt(d, 0, w0, 8);
	assert_int_equal(rte_distributor_flush(d), 8);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), 0);
	assert_int_equal(rte_distributor_returned_pkts(d, ret, 4), 4);
	assert_int_equal(rte_distributor_returned_pkts(d, ret, 16), 4);
	assert_ptr_equal(ret[3], pkts[13]);

	/* a worker that asks again after leaving is active again */
	rte_distributor_request_pkt(d, 1, NULL, 0);
	rte_distributor_request_pkt(d, 0, NULL, 0);
	in[0] = tagged(20, 0xe);
	assert_int_equal(rte_distributor_process(d, in, 1), 1);
	n0 = rte_distributor_poll_pkt(d, 0, w0);
	n1 = rte_distributor_poll_pkt(d, 1, w1);
	assert_true((n0 == 1 && n1 == -1) || (n0 == -1 && n1 == 1));

	/* clear_returns forgets what was handed back */
	rte_distributor_request_pkt(d, n0 == 1 ? 0 : 1, n0 == 1 ? w0 : w1, 1);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	rte_distributor_clear_returns(d);
	assert_int_equal(rte_distributor_returned_pkts(d, ret, 16), 0);
}

/*
 * Flow affinity goes by tag bucket: tags 0 and 0x1001 fold onto the same bucket of the 4096,
 * so the second follows the first to worker 0 although worker 1 is idle; tag 2 does not.
 */
static void
test_shared_bucket(void **state)
{
	struct rte_distributor *d;
	struct rte_mbuf *in[3], *w0[8], *w1[8];

	(void)state;
	d = rte_distributor_create("bucket", SOCKET_ID_ANY, 2, RTE_DIST_ALG_BURST);
	assert_non_null(d);
	rte_distributor_request_pkt(d, 0, NULL, 0);
	rte_distributor_request_pkt(d, 1, NULL, 0);
	in[0] = tagged(0, 0);
	in[1] = tagged(1, 0x1001);
	in[2] = tagged(2, 2);
	assert_int_equal(rte_distributor_process(d, in, 3), 3);
	expect_tags(w0, rte_distributor_poll_pkt(d, 0, w0), (uint32_t[]){ 0, 0x1001 }, 2);
	expect_tags(w1, rte_distributor_poll_pkt(d, 1, w1), (uint32_t[]){ 2 }, 1);
	/* read once: a second poll before asking again gets nothing */
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), -1);
	assert_int_equal(rte_distributor_return_pkt(d, 0, w0, 2), 0);
	assert_int_equal(rte_distributor_return_pkt(d, 1, w1, 1), 0);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	assert_int_equal(rte_distributor_returned_pkts(d, in, 3), 3);
	assert_int_equal(rte_distributor_flush(d), 0);
}

static void
test_steps_single(void **state)
{
	struct rte_distributor *d;
	struct rte_mbuf *in[4], *w0[8];

	(void)state;
	d = rte_distributor_create("steps_s", SOCKET_ID_ANY, 1, RTE_DIST_ALG_SINGLE);
	assert_non_null(d);
	rte_distributor_request_pkt(d, 0, NULL, 0);
	in[0] = tagged(0, 1);
	in[1] = tagged(1, 2);
	in[2] = tagged(2, 3);
	assert_int_equal(rte_distributor_process(d, in, 3), 3);
	/* one packet per hand-over; "not yet" is 0 in single mode */
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), 1);
	assert_ptr_equal(w0[0], pkts[0]);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), 0);
	rte_distributor_request_pkt(d, 0, w0, 1);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), 1);
	assert_ptr_equal(w0[0], pkts[1]);
	rte_distributor_request_pkt(d, 0, w0, 1);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), 1);
	assert_ptr_equal(w0[0], pkts[2]);
	/* nothing left: a single-mode worker is not woken with nothing */
	rte_distributor_request_pkt(d, 0, w0, 1);
	assert_int_equal(rte_distributor_flush(d), 1);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, w0), 0);
	/* it may leave while it waits */
	assert_int_equal(rte_distributor_return_pkt(d, 0, NULL, 0), 0);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	assert_int_equal(rte_distributor_returned_pkts(d, in, 4), 3);
	assert_ptr_equal(in[2], pkts[2]);
	/* gone: nothing is taken any more */
	in[0] = tagged(3, 4);
	assert_int_equal(rte_distributor_process(d, in, 1), 0);
}

static void
test_leave_with_burst_coming(void **state)
{
	struct rte_distributor *d;
	struct rte_mbuf *in[2], *b[8], *ret[8];

	(void)state;
	d = rte_distributor_create("leave", SOCKET_ID_ANY, 1, RTE_DIST_ALG_BURST);
	assert_non_null(d);
	rte_distributor_request_pkt(d, 0, NULL, 0);
	in[0] = tagged(0, 1);
	in[1] = tagged(1, 2);
	assert_int_equal(rte_distributor_process(d, in, 2), 2);
	/* the burst is there but the worker leaves instead of polling: it goes back */
	b[0] = pkts[2];
	assert_int_equal(rte_distributor_return_pkt(d, 0, b, 1), 0);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, b), -1);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	assert_int_equal(rte_distributor_returned_pkts(d, ret, 8), 3);
	assert_ptr_equal(ret[0], pkts[2]);
	assert_ptr_equal(ret[1], pkts[0]);
	assert_ptr_equal(ret[2], pkts[1]);
	assert_int_equal(rte_distributor_flush(d), 0);
}

/*
 * A worker that keeps its burst and never asks again (DPDK's sample stops its workers so):
 * flush counts the burst, gives up waiting for it after a while, and the burst is still owed.
 */
static void
test_flush_worker_gone(void **state)
{
	struct rte_distributor *d;
	struct rte_mbuf *in[2], *b[8], *ret[8];
	uint64_t t;

	(void)state;
	d = rte_distributor_create("gone", SOCKET_ID_ANY, 1, RTE_DIST_ALG_BURST);
	assert_non_null(d);
	rte_distributor_request_pkt(d, 0, NULL, 0);
	in[0] = tagged(0, 1);
	in[1] = tagged(1, 2);
	assert_int_equal(rte_distributor_process(d, in, 2), 2);
	assert_int_equal(rte_distributor_poll_pkt(d, 0, b), 2);
	t = rte_get_timer_cycles();
	assert_int_equal(rte_distributor_flush(d), 2);
	/* about 10 ms of nothing moving; far less than a second even on a busy machine */
	assert_true(rte_get_timer_cycles() - t < rte_get_timer_hz());
	assert_int_equal(rte_distributor_returned_pkts(d, ret, 8), 0);
	/* it comes back after all: the burst is returned and the flush finds nothing left */
	assert_int_equal(rte_distributor_return_pkt(d, 0, b, 2), 0);
	assert_int_equal(rte_distributor_flush(d), 2);
	assert_int_equal(rte_distributor_returned_pkts(d, ret, 8), 2);
	assert_int_equal(rte_distributor_flush(d), 0);
}

static void
test_returns_overflow(void **state)
{
	struct rte_distributor *d;
	struct rte_mbuf *b[8], *ret[160];
	unsigned int i, round;
	int n = 0;

	(void)state;
	d = rte_distributor_create("overflow", SOCKET_ID_ANY, 1, RTE_DIST_ALG_BURST);
	assert_non_null(d);
	/* 20 bursts of 8 come back: the ring keeps the last 127 */
	for (round = 0; round < 20; round++) {
		rte_distributor_request_pkt(d, 0, b, (unsigned int)n);
		for (i = 0; i < 8; i++)
			tagged(round * 8 + i, round * 8 + i);
		assert_int_equal(rte_distributor_process(d, pkts + round * 8, 8), 8);
		n = rte_distributor_poll_pkt(d, 0, b);
		assert_int_equal(n, 8);
	}
	rte_distributor_return_pkt(d, 0, b, n);
	assert_int_equal(rte_distributor_process(d, NULL, 0), 0);
	assert_int_equal(rte_distributor_returned_pkts(d, ret, RTE_DIM(ret)), 127);
	for (i = 0; i < 127; i++)
		assert_ptr_equal(ret[i], pkts[160 - 127 + i]);
}

/* Worker lcores. */

static struct rte_distributor *wd;
static uint32_t quit;
static uint32_t exited;
static uint32_t violations;
static uint32_t handled[MAX_WORKERS];
static int32_t owner[NB_TAGS];
static uint32_t refs[NB_TAGS];

/* Claim the tags of a burst; a tag held by another worker is a broken flow affinity. */
static void
claim(unsigned int id, struct rte_mbuf **b, int n, bool *mine)
{
	int i;

	for (i = 0; i < n; i++) {
		uint32_t t = b[i]->hash.usr % NB_TAGS;
		int32_t expect = -1;

		mine[i] = __atomic_compare_exchange_n(&owner[t], &expect, (int32_t)id, false,
			__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE) || expect == (int32_t)id;
		if (mine[i])
			refs[t]++;
		else
			__atomic_fetch_add(&violations, 1, __ATOMIC_RELAXED);
	}
	sched_yield(); /* keep the flows in flight for a while */
	for (i = 0; i < n; i++) {
		uint32_t t = b[i]->hash.usr % NB_TAGS;

		if (mine[i] && --refs[t] == 0)
			__atomic_store_n(&owner[t], -1, __ATOMIC_RELEASE);
	}
	handled[id] += (uint32_t)n;
}

/*
 * Worker 0 waits in get_pkt; the others ask and poll, giving the CPU away while they wait,
 * since four lcores share two CPUs here.
 */
static int
worker_get(unsigned int id, struct rte_mbuf **b, unsigned int nb_old)
{
	int n;

	if (id == 0)
		return rte_distributor_get_pkt(wd, id, b, b, nb_old);
	rte_distributor_request_pkt(wd, id, b, nb_old);
	while ((n = rte_distributor_poll_pkt(wd, id, b)) == -1)
		sched_yield();
	return n;
}

static int
worker_main(void *arg)
{
	unsigned int id = (unsigned int)(uintptr_t)arg;
	struct rte_mbuf *b[8];
	bool mine[8];
	int n;

	n = worker_get(id, b, 0);
	while (!__atomic_load_n(&quit, __ATOMIC_ACQUIRE)) {
		claim(id, b, n, mine);
		n = worker_get(id, b, (unsigned int)n);
	}
	claim(id, b, n, mine);
	rte_distributor_return_pkt(wd, id, b, n);
	__atomic_fetch_add(&exited, 1, __ATOMIC_RELEASE);
	return 0;
}

/* The tag of a quit packet tells a single-mode worker to stop: it never wakes empty. */
#define QUIT_TAG 0xdead

static int
worker_single(void *arg)
{
	unsigned int id = (unsigned int)(uintptr_t)arg;
	struct rte_mbuf *b[8];
	bool mine[8];
	int n;

	n = rte_distributor_get_pkt(wd, id, b, b, 0);
	while (b[0]->hash.usr != QUIT_TAG) {
		assert_int_equal(n, 1);
		claim(id, b, n, mine);
		n = rte_distributor_get_pkt(wd, id, b, b, 1);
	}
	rte_distributor_return_pkt(wd, id, b, 1);
	__atomic_fetch_add(&exited, 1, __ATOMIC_RELEASE);
	return 0;
}

static void
collect(struct rte_distributor *d, uint8_t *seen, unsigned int *got)
{
	struct rte_mbuf *ret[64];
	int n, i, j;

	n = rte_distributor_returned_pkts(d, ret, RTE_DIM(ret));
	for (i = 0; i < n; i++) {
		for (j = 0; j < NB_MBUF && pkts[j] != ret[i]; j++)
			;
		assert_true(j < NB_MBUF);
		if (ret[i]->hash.usr == QUIT_TAG)
			continue;
		assert_int_equal(seen[j], 0);
		seen[j] = 1;
		(*got)++;
	}
}

static void
run_lcores(unsigned int alg, const char *name)
{
	static uint8_t seen[NB_MBUF];
	unsigned int nw = rte_lcore_count() - 1, lcore, id = 0, sent = 0, got = 0, i, total = 0;
	const unsigned int nb = 512 - MAX_WORKERS;
	lcore_function_t *fn = alg == RTE_DIST_ALG_SINGLE ? worker_single : worker_main;

	nw = RTE_MIN(nw, (unsigned int)MAX_WORKERS);
	wd = rte_distributor_create(name, SOCKET_ID_ANY, nw, alg);
	assert_non_null(wd);
	memset(seen, 0, sizeof(seen));
	memset(handled, 0, sizeof(handled));
	for (i = 0; i < NB_TAGS; i++)
		owner[i] = -1;
	quit = 0;
	exited = 0;
	violations = 0;
	for (i = 0; i < nb; i++)
		pkts[i]->hash.usr = (i * 7) % NB_TAGS;
	RTE_LCORE_FOREACH_WORKER(lcore) {
		if (id == nw)
			break;
		assert_int_equal(rte_eal_remote_launch(fn, (void *)(uintptr_t)id, lcore), 0);
		id++;
	}

	/* 0 taken until a worker has asked: try again */
	while (sent < nb) {
		sent += (unsigned int)rte_distributor_process(wd, pkts + sent,
			RTE_MIN(32u, nb - sent));
		collect(wd, seen, &got);
		sched_yield();
	}
	while (got < nb) {
		rte_distributor_flush(wd);
		collect(wd, seen, &got);
	}

	__atomic_store_n(&quit, 1, __ATOMIC_RELEASE);
	i = 0;
	while (__atomic_load_n(&exited, __ATOMIC_ACQUIRE) < nw) {
		if (alg == RTE_DIST_ALG_SINGLE && i < nw) {
			/* one quit packet per worker; distinct tags spread them */
			struct rte_mbuf *q = pkts[nb + i];

			q->hash.usr = QUIT_TAG;
			i += (unsigned int)rte_distributor_process(wd, &q, 1);
		} else {
			rte_distributor_flush(wd);
		}
		collect(wd, seen, &got);
	}
	rte_eal_mp_wait_lcore();
	rte_distributor_process(wd, NULL, 0);
	collect(wd, seen, &got);

	for (i = 0; i < nw; i++) {
		test_note("%s: worker %u handled %u packets\n", name, i, handled[i]);
		total += handled[i];
	}
	assert_int_equal(got, nb);
	assert_int_equal(total, nb);
	assert_int_equal(violations, 0);
	for (i = 0; i < nb; i++)
		assert_int_equal(seen[i], 1);
}

static void
test_lcores_burst(void **state)
{
	(void)state;
	run_lcores(RTE_DIST_ALG_BURST, "lcores_b");
}

static void
test_lcores_single(void **state)
{
	(void)state;
	run_lcores(RTE_DIST_ALG_SINGLE, "lcores_s");
}

int
main(void)
{
	/* three workers and the distributor, sharing the two CPUs a CI machine has */
	static const char *const args[] = { "test_distributor", "--no-huge", "-m", "64",
		"--lcores", "(0-3)@(0,1)", "--no-pci", "--file-prefix=test_distributor", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_steps_burst),
		cmocka_unit_test(test_shared_bucket),
		cmocka_unit_test(test_steps_single),
		cmocka_unit_test(test_leave_with_burst_coming),
		cmocka_unit_test(test_flush_worker_gone),
		cmocka_unit_test(test_returns_overflow),
		cmocka_unit_test(test_lcores_burst),
		cmocka_unit_test(test_lcores_single),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, setup, teardown);
}
