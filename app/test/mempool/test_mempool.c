/* SPDX-License-Identifier: BSD-3-Clause */
/* Mempool: creation and errors, callbacks, iteration, exhaustion, per-lcore caches, ops. */
#include "test_eal_main.h"

#include <pthread.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_memzone.h>
#include <rte_mempool.h>
#include <rte_ring.h>

static unsigned int worker_lcore;

struct init_count {
	unsigned int mp_calls;
	unsigned int obj_calls;
	unsigned int idx_sum;
};

static void
count_mp_init(struct rte_mempool *mp, void *arg)
{
	struct init_count *c = arg;

	assert_non_null(mp);
	c->mp_calls++;
}

static void
count_obj_init(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct init_count *c = arg;

	(void)mp;
	memset(obj, 0xA5, 100);
	c->obj_calls++;
	c->idx_sum += idx;
}

struct iter_state {
	struct rte_mempool *mp;
	unsigned int visits;
	unsigned int misaligned;
	unsigned int wrong_pool;
	unsigned int bad_content;
	uintptr_t min, max;
};

static void
check_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct iter_state *s = arg;
	const uint8_t *b = obj;

	(void)idx;
	s->visits++;
	if (((uintptr_t)obj & RTE_CACHE_LINE_MASK) != 0)
		s->misaligned++;
	if (rte_mempool_from_obj(obj) != mp || mp != s->mp)
		s->wrong_pool++;
	if (b[0] != 0xA5 || b[99] != 0xA5)
		s->bad_content++;
	if (s->min == 0 || (uintptr_t)obj < s->min)
		s->min = (uintptr_t)obj;
	if ((uintptr_t)obj > s->max)
		s->max = (uintptr_t)obj;
}

static void
count_chunk(struct rte_mempool *mp, void *arg, struct rte_mempool_memhdr *memhdr,
		unsigned int idx)
{
	(void)idx;
	assert_ptr_equal(memhdr->mp, mp);
	assert_true(memhdr->len > 0);
	(*(unsigned int *)arg)++;
}

static void
test_create_callbacks_iter(void **state)
{
	struct init_count c = { 0 };
	struct iter_state s = { 0 };
	struct rte_mempool *mp;
	unsigned int chunks = 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	void *obj = NULL;

	(void)state;
	mp = rte_mempool_create("t_mp_cb", 500, 100, 0, 24, count_mp_init, &c,
			count_obj_init, &c, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(c.mp_calls, 1);
	assert_int_equal(c.obj_calls, 500);
	assert_int_equal(c.idx_sum, 499 * 500 / 2);
	assert_ptr_equal(rte_mempool_lookup("t_mp_cb"), mp);
	assert_int_equal(mp->size, 500);
	assert_true(mp->elt_size >= 100);
	assert_int_equal(mp->private_data_size % RTE_CACHE_LINE_SIZE, 0);
	assert_true(mp->private_data_size >= 24);
	assert_non_null(rte_mempool_get_priv(mp));

	s.mp = mp;
	assert_int_equal(rte_mempool_obj_iter(mp, check_obj, &s), 500);
	assert_int_equal(s.visits, 500);
	assert_int_equal(s.misaligned, 0);
	assert_int_equal(s.wrong_pool, 0);
	assert_int_equal(s.bad_content, 0);
	/* Objects do not overlap: distinct and at least a header + element apart. */
	assert_true(s.max - s.min >= 499u * (mp->header_size + mp->elt_size));
	assert_int_equal(rte_mempool_mem_iter(mp, count_chunk, &chunks), 1);
	assert_int_equal(chunks, 1);

	assert_int_equal(rte_mempool_avail_count(mp), 500);
	assert_int_equal(rte_mempool_in_use_count(mp), 0);
	assert_true(rte_mempool_full(mp));
	assert_false(rte_mempool_empty(mp));
	assert_int_equal(rte_mempool_get(mp, &obj), 0);
	assert_ptr_equal(rte_mempool_from_obj(obj), mp);
	assert_true(rte_mempool_virt2iova(obj) != RTE_BAD_IOVA);
	assert_false(rte_mempool_full(mp));
	assert_int_equal(rte_mempool_in_use_count(mp), 1);
	rte_mempool_put(mp, obj);
	assert_true(rte_mempool_full(mp));

	f = open_memstream(&buf, &len);
	assert_non_null(f);
	rte_mempool_dump(f, mp);
	rte_mempool_list_dump(f);
	fclose(f);
	assert_non_null(strstr(buf, "t_mp_cb"));
	assert_non_null(strstr(buf, "avail_count=500"));
	free(buf);

	rte_mempool_free(mp);
	assert_null(rte_mempool_lookup("t_mp_cb"));
	/* Every zone the pool used went with it. */
	assert_null(rte_memzone_lookup("MP_t_mp_cb"));
	assert_null(rte_memzone_lookup("MP_t_mp_cb_0"));
	assert_null(rte_ring_lookup("MP_t_mp_cb"));
	rte_mempool_free(NULL);
}

static void
test_create_errors(void **state)
{
	struct rte_mempool *mp;

	(void)state;
	rte_errno = 0;
	assert_null(rte_mempool_create("t_mp_e1", 0, 64, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_mempool_create("t_mp_e2", 64, 0, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	/* Cache larger than the maximum, or able to hide the whole pool. */
	rte_errno = 0;
	assert_null(rte_mempool_create("t_mp_e3", 4096, 64, RTE_MEMPOOL_CACHE_MAX_SIZE + 1, 0,
			NULL, NULL, NULL, NULL, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_mempool_create("t_mp_e4", 64, 64, 48, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_mempool_create("t_mp_e5", 64, 64, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0x8000));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_mempool_create("a_pool_name_that_is_much_too_long", 64, 64, 0, 0, NULL, NULL,
			NULL, NULL, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENAMETOOLONG);
	rte_errno = 0;
	assert_null(rte_mempool_create(NULL, 64, 64, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_mempool_lookup("t_mp_e3"));
	assert_null(rte_mempool_lookup("t_mp_e4"));

	mp = rte_mempool_create("t_mp_dup", 64, 64, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	rte_errno = 0;
	assert_null(rte_mempool_create("t_mp_dup", 64, 64, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_mempool_lookup("t_mp_dup"), mp);
	assert_int_equal(rte_mempool_avail_count(mp), 64);
	rte_mempool_free(mp);
	rte_errno = 0;
	assert_null(rte_mempool_lookup("t_mp_dup"));
	assert_int_equal(rte_errno, ENOENT);
}

static void
run_exhaustion(unsigned int cache_size, unsigned int bulk)
{
	struct rte_mempool *mp;
	void *objs[256], *extra[8];
	unsigned int got = 0, i, j;

	mp = rte_mempool_create("t_mp_exh", 192, 32, cache_size, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	while (got + bulk <= 192) {
		assert_int_equal(rte_mempool_get_bulk(mp, &objs[got], bulk), 0);
		got += bulk;
	}
	assert_int_equal(got, 192);
	assert_int_equal(rte_mempool_get_bulk(mp, extra, bulk), -ENOENT);
	assert_int_equal(rte_mempool_get(mp, extra), -ENOENT);
	assert_int_equal(rte_mempool_avail_count(mp), 0);
	assert_int_equal(rte_mempool_in_use_count(mp), 192);
	assert_true(rte_mempool_empty(mp));
	/* Nothing handed out twice. */
	for (i = 0; i < got; i++)
		for (j = i + 1; j < got; j++)
			assert_ptr_not_equal(objs[i], objs[j]);
	rte_mempool_put_bulk(mp, objs, 100);
	assert_int_equal(rte_mempool_avail_count(mp), 100);
	assert_int_equal(rte_mempool_in_use_count(mp), 92);
	/* A bulk larger than what is left fails and takes nothing. */
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 101 > 256 ? 256 : 101), -ENOENT);
	assert_int_equal(rte_mempool_avail_count(mp), 100);
	for (i = 100; i < 192; i++)
		rte_mempool_put(mp, objs[i]);
	assert_true(rte_mempool_full(mp));
	/* Everything can be taken again in one go. */
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 192), 0);
	assert_true(rte_mempool_empty(mp));
	rte_mempool_put_bulk(mp, objs, 192);
	assert_int_equal(rte_mempool_avail_count(mp), 192);
	rte_mempool_free(mp);
}

static void
test_exhaustion_no_cache(void **state)
{
	(void)state;
	run_exhaustion(0, 1);
	run_exhaustion(0, 8);
}

static void
test_exhaustion_cache(void **state)
{
	(void)state;
	run_exhaustion(32, 1);
	run_exhaustion(32, 8);
	run_exhaustion(64, 32);
}

struct lcore_op {
	struct rte_mempool *mp;
	unsigned int n;
	int ret;
	void *objs[64];
};

static int
worker_get_put(void *p)
{
	struct lcore_op *op = p;

	op->ret = rte_mempool_get_bulk(op->mp, op->objs, op->n);
	if (op->ret == 0)
		rte_mempool_put_bulk(op->mp, op->objs, op->n);
	return 0;
}

static int
worker_flush(void *p)
{
	struct lcore_op *op = p;

	rte_mempool_cache_flush(NULL, op->mp);
	return 0;
}

static void
test_cache_across_lcores(void **state)
{
	struct rte_mempool_cache *c0, *c1;
	struct lcore_op op;
	struct rte_mempool *mp;
	void *objs[96];

	(void)state;
	mp = rte_mempool_create("t_mp_lc", 96, 64, 32, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	c0 = rte_mempool_default_cache(mp, rte_lcore_id());
	c1 = rte_mempool_default_cache(mp, worker_lcore);
	assert_non_null(c0);
	assert_non_null(c1);
	assert_ptr_not_equal(c0, c1);
	assert_int_equal(c0->size, 32);
	assert_int_equal(c0->flushthresh, 48);
	assert_null(rte_mempool_default_cache(mp, LCORE_ID_ANY));

	/* The worker takes 8 and returns them: they stay in its cache (refilled to 32). */
	op.mp = mp;
	op.n = 8;
	assert_int_equal(rte_eal_remote_launch(worker_get_put, &op, worker_lcore), 0);
	assert_int_equal(rte_eal_wait_lcore(worker_lcore), 0);
	assert_int_equal(op.ret, 0);
	assert_true(c1->len >= 8);
	assert_int_equal(c0->len, 0);
	assert_int_equal(rte_ring_count(mp->pool_data), 96 - c1->len);
	/* Counted as available... */
	assert_int_equal(rte_mempool_avail_count(mp), 96);
	/* ...but not reachable from this lcore: a get of everything fails and takes nothing. */
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 96), -ENOENT);
	assert_int_equal(rte_mempool_avail_count(mp), 96);
	assert_int_equal(c0->len, 0);

	/* Once the worker flushes its cache, this lcore can take all of them. */
	assert_int_equal(rte_eal_remote_launch(worker_flush, &op, worker_lcore), 0);
	assert_int_equal(rte_eal_wait_lcore(worker_lcore), 0);
	assert_int_equal(c1->len, 0);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 96), 0);
	assert_true(rte_mempool_empty(mp));

	/* Returned here, they stay in this lcore's cache up to the flush threshold. */
	rte_mempool_put_bulk(mp, objs, 40);
	assert_int_equal(c0->len, 40);
	rte_mempool_put_bulk(mp, objs + 40, 16);
	/* 56 > 48: the cache spilled to the ring and kept only the newest objects. */
	assert_true(c0->len <= c0->flushthresh);
	assert_int_equal(c0->len + rte_ring_count(mp->pool_data), 56);
	rte_mempool_put_bulk(mp, objs + 56, 40);
	assert_int_equal(rte_mempool_avail_count(mp), 96);
	/* A get served by the cache does not touch the ring. */
	{
		unsigned int ring_before = rte_ring_count(mp->pool_data), len = c0->len;

		assert_true(len >= 4);
		assert_int_equal(rte_mempool_get_bulk(mp, objs, 4), 0);
		assert_int_equal(rte_ring_count(mp->pool_data), ring_before);
		assert_int_equal(c0->len, len - 4);
		rte_mempool_put_bulk(mp, objs, 4);
	}
	rte_mempool_free(mp);
}

struct thread_arg {
	struct rte_mempool *mp;
	unsigned int lcore;
	int get_ret;
	unsigned int ring_after_get, ring_after_put;
};

static void *
non_eal_thread(void *p)
{
	struct thread_arg *a = p;
	void *objs[4];

	a->lcore = rte_lcore_id();
	a->get_ret = rte_mempool_get_bulk(a->mp, objs, 4);
	a->ring_after_get = rte_ring_count(a->mp->pool_data);
	if (a->get_ret == 0)
		rte_mempool_put_bulk(a->mp, objs, 4);
	a->ring_after_put = rte_ring_count(a->mp->pool_data);
	return NULL;
}

static void
test_non_eal_thread_bypasses_cache(void **state)
{
	struct thread_arg a = { 0 };
	pthread_t t;

	(void)state;
	a.mp = rte_mempool_create("t_mp_ne", 64, 64, 16, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0);
	assert_non_null(a.mp);
	assert_int_equal(pthread_create(&t, NULL, non_eal_thread, &a), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(a.lcore, LCORE_ID_ANY);
	assert_int_equal(a.get_ret, 0);
	/* Exactly 4 left the ring (no refill into a cache) and exactly 4 came back. */
	assert_int_equal(a.ring_after_get, 60);
	assert_int_equal(a.ring_after_put, 64);
	rte_mempool_free(a.mp);
}

static void
test_ops_and_user_cache(void **state)
{
	struct rte_mempool_cache *uc;
	struct rte_mempool *mp;
	void *objs[16];

	(void)state;
	mp = rte_mempool_create_empty("t_mp_ops", 128, 64, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_avail_count(mp), 0);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "no_such_ops", NULL), -EINVAL);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "ring_sp_sc", NULL), 0);
	assert_int_equal(rte_mempool_populate_default(mp), 128);
	assert_int_equal(rte_mempool_populate_default(mp), -EEXIST);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "ring_mp_mc", NULL), -EEXIST);
	assert_true(rte_ring_is_prod_single(mp->pool_data));
	assert_true(rte_ring_is_cons_single(mp->pool_data));
	assert_int_equal(rte_mempool_avail_count(mp), 128);

	uc = rte_mempool_cache_create(8, SOCKET_ID_ANY);
	assert_non_null(uc);
	assert_int_equal(rte_mempool_generic_get(mp, objs, 4, uc), 0);
	/* Refilled to its size after handing out 4. */
	assert_int_equal(uc->len, 8);
	assert_int_equal(rte_ring_count(mp->pool_data), 128 - 12);
	rte_mempool_generic_put(mp, objs, 4, uc);
	assert_int_equal(uc->len, 12);
	rte_mempool_cache_flush(uc, mp);
	assert_int_equal(uc->len, 0);
	assert_int_equal(rte_ring_count(mp->pool_data), 128);
	rte_mempool_cache_free(uc);
	rte_errno = 0;
	assert_null(rte_mempool_cache_create(0, SOCKET_ID_ANY));
	assert_int_equal(rte_errno, EINVAL);
	rte_mempool_free(mp);

	mp = rte_mempool_create("t_mp_flags", 64, 64, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET);
	assert_non_null(mp);
	assert_true(rte_ring_is_prod_single(mp->pool_data));
	assert_true(rte_ring_is_cons_single(mp->pool_data));
	rte_mempool_free(mp);

	mp = rte_mempool_create("t_mp_mpmc", 64, 64, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_false(rte_ring_is_prod_single(mp->pool_data));
	assert_false(rte_ring_is_cons_single(mp->pool_data));
	rte_mempool_free(mp);
}

static void
test_obj_size(void **state)
{
	struct rte_mempool_objsz sz;
	uint32_t total;

	(void)state;
	total = rte_mempool_calc_obj_size(100, 0, &sz);
	assert_int_equal(total, sz.header_size + sz.elt_size + sz.trailer_size);
	assert_int_equal(total % RTE_CACHE_LINE_SIZE, 0);
	assert_int_equal(sz.header_size % RTE_CACHE_LINE_SIZE, 0);
	assert_true(sz.elt_size >= 100);
	total = rte_mempool_calc_obj_size(100, RTE_MEMPOOL_F_NO_CACHE_ALIGN, &sz);
	assert_int_equal(sz.header_size, sizeof(struct rte_mempool_objhdr));
	assert_true(total < 100 + RTE_CACHE_LINE_SIZE);
}

static int
setup(void **state)
{
	(void)state;
	worker_lcore = rte_get_next_lcore(-1, 1, 0);
	return 0;
}

int
main(void)
{
	static const char *const args[] = { "test_mempool", "--no-huge", "-m", "128",
		"-l", "0-1", "--file-prefix=test_mempool", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_callbacks_iter),
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_exhaustion_no_cache),
		cmocka_unit_test(test_exhaustion_cache),
		cmocka_unit_test(test_cache_across_lcores),
		cmocka_unit_test(test_non_eal_thread_bypasses_cache),
		cmocka_unit_test(test_ops_and_user_cache),
		cmocka_unit_test(test_obj_size),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, setup, NULL);
}
