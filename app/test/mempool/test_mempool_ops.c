/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool ops registration and use, the ring ops in every mode, populating from virtual and
 * anonymous memory, memory size helpers, page size, pool events, audit.
 */
#include "test_eal_main.h"

#include <unistd.h>
#include <sys/mman.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mempool.h>
#include <rte_mempool_trace.h>
#include <rte_mempool_trace_fp.h>
#include <rte_ring.h>
#include <rte_spinlock.h>

/* A store of free objects that is a locked stack, counting the calls it gets. */
struct stack_store {
	rte_spinlock_t lock;
	unsigned int len, size;
	void *objs[];
};

static unsigned int stack_allocs, stack_frees, stack_enqueues, stack_dequeues;

static int
stack_alloc(struct rte_mempool *mp)
{
	struct stack_store *s = calloc(1, sizeof(*s) + mp->size * sizeof(void *));

	if (s == NULL)
		return -ENOMEM;
	rte_spinlock_init(&s->lock);
	s->size = mp->size;
	mp->pool_data = s;
	stack_allocs++;
	return 0;
}

static void
stack_free(struct rte_mempool *mp)
{
	free(mp->pool_data);
	stack_frees++;
}

static int
stack_enqueue(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	struct stack_store *s = mp->pool_data;
	unsigned int i;

	rte_spinlock_lock(&s->lock);
	if (s->len + n > s->size) {
		rte_spinlock_unlock(&s->lock);
		return -ENOBUFS;
	}
	for (i = 0; i < n; i++)
		s->objs[s->len++] = obj_table[i];
	stack_enqueues++;
	rte_spinlock_unlock(&s->lock);
	return 0;
}

static int
stack_dequeue(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	struct stack_store *s = mp->pool_data;
	unsigned int i;

	rte_spinlock_lock(&s->lock);
	if (n > s->len) {
		rte_spinlock_unlock(&s->lock);
		return -ENOENT;
	}
	for (i = 0; i < n; i++)
		obj_table[i] = s->objs[--s->len];
	stack_dequeues++;
	rte_spinlock_unlock(&s->lock);
	return 0;
}

static unsigned int
stack_get_count(const struct rte_mempool *mp)
{
	const struct stack_store *s = mp->pool_data;

	return s->len;
}

static int
stack_get_info(const struct rte_mempool *mp, struct rte_mempool_info *info)
{
	(void)mp;
	info->contig_block_size = 0;
	return 0;
}

static struct rte_mempool_ops stack_ops = {
	.name = "test_stack",
	.alloc = stack_alloc,
	.free = stack_free,
	.enqueue = stack_enqueue,
	.dequeue = stack_dequeue,
	.get_count = stack_get_count,
	.get_info = stack_get_info,
};

/* Registered at start-up, the way a driver does it. */
static struct rte_mempool_ops macro_ops = {
	.name = "test_macro_ops",
	.alloc = stack_alloc,
	.free = stack_free,
	.enqueue = stack_enqueue,
	.dequeue = stack_dequeue,
	.get_count = stack_get_count,
};
RTE_MEMPOOL_REGISTER_OPS(macro_ops);

static int
find_ops(const char *name)
{
	uint32_t i;

	for (i = 0; i < rte_mempool_ops_table.num_ops; i++)
		if (strcmp(rte_mempool_ops_table.ops[i].name, name) == 0)
			return (int)i;
	return -1;
}

static void
test_builtin_ops(void **state)
{
	static const char *const names[] = { "ring_mp_mc", "ring_sp_sc", "ring_mp_sc",
		"ring_sp_mc", "ring_mt_rts", "ring_mt_hts" };
	static const enum rte_ring_sync_type prod[] = { RTE_RING_SYNC_MT, RTE_RING_SYNC_ST,
		RTE_RING_SYNC_MT, RTE_RING_SYNC_ST, RTE_RING_SYNC_MT_RTS, RTE_RING_SYNC_MT_HTS };
	static const enum rte_ring_sync_type cons[] = { RTE_RING_SYNC_MT, RTE_RING_SYNC_ST,
		RTE_RING_SYNC_ST, RTE_RING_SYNC_MT, RTE_RING_SYNC_MT_RTS, RTE_RING_SYNC_MT_HTS };
	struct rte_mempool_info info;
	void *objs[40], *first;
	unsigned int i;

	(void)state;
	/* The ring ops come first, whatever registered at start-up. */
	for (i = 0; i < RTE_DIM(names); i++)
		assert_int_equal(find_ops(names[i]), (int)i);
	assert_true(find_ops("test_macro_ops") >= (int)RTE_DIM(names));
	assert_string_equal(rte_mempool_get_ops(0)->name, "ring_mp_mc");

	for (i = 0; i < RTE_DIM(names); i++) {
		struct rte_mempool *mp = rte_mempool_create_empty("t_builtin", 63, 64, 8, 0,
				SOCKET_ID_ANY, 0);

		assert_non_null(mp);
		assert_int_equal(rte_mempool_set_ops_byname(mp, names[i], NULL), 0);
		assert_int_equal(mp->ops_index, (int)i);
		assert_int_equal(rte_mempool_populate_default(mp), 63);
		assert_int_equal(rte_ring_get_prod_sync_type(mp->pool_data), prod[i]);
		assert_int_equal(rte_ring_get_cons_sync_type(mp->pool_data), cons[i]);
		assert_int_equal(rte_mempool_get_bulk(mp, objs, 40), 0);
		assert_int_equal(rte_mempool_in_use_count(mp), 40);
		assert_int_equal(rte_mempool_get_bulk(mp, objs, 40), -ENOENT);
		rte_mempool_put_bulk(mp, objs, 40);
		assert_int_equal(rte_mempool_avail_count(mp), 63);
		assert_int_equal(rte_mempool_ops_get_info(mp, &info), -ENOTSUP);
		assert_int_equal(rte_mempool_get_contig_blocks(mp, &first, 1), -ENOTSUP);
		rte_mempool_audit(mp);
		rte_mempool_free(mp);
	}
	assert_int_equal(rte_mempool_ops_get_info(NULL, &info), -EINVAL);
}

static void
test_register_ops(void **state)
{
	struct rte_mempool_ops bad;
	struct rte_mempool_info info;
	struct rte_mempool *mp;
	void *objs[100];
	int idx;
	uint32_t before;

	(void)state;
	idx = rte_mempool_register_ops(&stack_ops);
	assert_true(idx >= 6);
	assert_int_equal(find_ops("test_stack"), idx);
	assert_ptr_equal(rte_mempool_get_ops(idx)->enqueue, stack_enqueue);

	/* Refused, the table unchanged. */
	before = rte_mempool_ops_table.num_ops;
	assert_int_equal(rte_mempool_register_ops(&stack_ops), -EEXIST);
	assert_int_equal(rte_mempool_register_ops(NULL), -EINVAL);
	bad = stack_ops;
	bad.dequeue = NULL;
	snprintf(bad.name, sizeof(bad.name), "test_no_dequeue");
	assert_int_equal(rte_mempool_register_ops(&bad), -EINVAL);
	bad = stack_ops;
	bad.name[0] = '\0';
	assert_int_equal(rte_mempool_register_ops(&bad), -EINVAL);
	bad = stack_ops;
	memset(bad.name, 'x', sizeof(bad.name));
	assert_int_equal(rte_mempool_register_ops(&bad), -EINVAL);
	assert_int_equal(rte_mempool_ops_table.num_ops, before);

	/* A pool on the new ops: every store access goes through them. */
	mp = rte_mempool_create_empty("t_stack", 100, 32, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "test_stack", (void *)mp), 0);
	assert_ptr_equal(mp->pool_config, mp);
	assert_int_equal(stack_allocs, 0);
	assert_int_equal(rte_mempool_populate_default(mp), 100);
	assert_int_equal(stack_allocs, 1);
	assert_int_equal(stack_enqueues, 100);
	assert_int_equal(rte_mempool_avail_count(mp), 100);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 60), 0);
	assert_int_equal(stack_dequeues, 1);
	assert_int_equal(rte_mempool_avail_count(mp), 40);
	assert_int_equal(rte_mempool_get_bulk(mp, objs + 60, 41), -ENOENT);
	rte_mempool_put_bulk(mp, objs, 60);
	assert_int_equal(stack_enqueues, 101);
	assert_true(rte_mempool_full(mp));
	assert_int_equal(rte_mempool_ops_get_info(mp, &info), 0);
	assert_int_equal(info.contig_block_size, 0);
	/* Ops are fixed once the store exists. */
	assert_int_equal(rte_mempool_set_ops_byname(mp, "ring_mp_mc", NULL), -EEXIST);
	rte_mempool_free(mp);
	assert_int_equal(stack_frees, 1);

	/* Through rte_mempool_create with a cache, then the ops registered by the macro. */
	mp = rte_mempool_create_empty("t_stack2", 64, 32, 16, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "test_macro_ops", NULL), 0);
	assert_int_equal(rte_mempool_populate_default(mp), 64);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 10), 0);
	rte_mempool_put_bulk(mp, objs, 10);
	assert_int_equal(rte_mempool_avail_count(mp), 64);
	rte_mempool_free(mp);
	assert_int_equal(stack_frees, 2);
}

static void
test_register_ops_full(void **state)
{
	struct rte_mempool_ops o = stack_ops;
	uint32_t n;
	int ret = 0;

	(void)state;
	/* Fill the table (this test runs last): the next one is refused with ENOSPC. */
	for (n = rte_mempool_ops_table.num_ops; n < RTE_MEMPOOL_MAX_OPS_IDX; n++) {
		snprintf(o.name, sizeof(o.name), "test_fill_%u", n);
		ret = rte_mempool_register_ops(&o);
		assert_int_equal(ret, (int)n);
	}
	snprintf(o.name, sizeof(o.name), "test_one_too_many");
	assert_int_equal(rte_mempool_register_ops(&o), -ENOSPC);
	assert_int_equal(rte_mempool_ops_table.num_ops, RTE_MEMPOOL_MAX_OPS_IDX);
}

static unsigned int chunk_frees;

static void
count_chunk_free(struct rte_mempool_memhdr *memhdr, void *opaque)
{
	(void)memhdr;
	(void)opaque;
	chunk_frees++;
}

static void
count_chunks(struct rte_mempool *mp, void *opaque, struct rte_mempool_memhdr *memhdr,
		unsigned int idx)
{
	unsigned int *n = opaque;

	(void)idx;
	assert_ptr_equal(memhdr->mp, mp);
	(*n)++;
}

static void
test_populate_virt(void **state)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE), len = 8 * pg;
	struct rte_mempool *mp;
	unsigned int chunks;
	void *objs[64];
	char *area;

	(void)state;
	area = rte_malloc(NULL, len, pg);
	assert_non_null(area);

	mp = rte_mempool_create_empty("t_virt", 64, 200, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	/* Bad areas: refused, nothing added. */
	assert_int_equal(rte_mempool_populate_virt(mp, area + 64, len - pg, pg, NULL, NULL),
			-EINVAL);
	assert_int_equal(rte_mempool_populate_virt(mp, area, len - 100, pg, NULL, NULL),
			-EINVAL);
	assert_int_equal(rte_mempool_populate_virt(mp, area, len, 3000, NULL, NULL), -EINVAL);
	assert_int_equal(rte_mempool_populate_virt(mp, area, len, 0, NULL, NULL), -EINVAL);
	assert_int_equal(rte_mempool_populate_virt(NULL, area, len, pg, NULL, NULL), -EINVAL);
	assert_int_equal(mp->nb_mem_chunks, 0);
	assert_int_equal(mp->populated_size, 0);

	chunk_frees = 0;
	assert_int_equal(rte_mempool_populate_virt(mp, area, len, pg, count_chunk_free, NULL),
			64);
	assert_true(mp->nb_mem_chunks >= 1);
	chunks = 0;
	assert_int_equal(rte_mempool_mem_iter(mp, count_chunks, &chunks), mp->nb_mem_chunks);
	assert_int_equal(chunks, mp->nb_mem_chunks);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 64), 0);
	rte_mempool_put_bulk(mp, objs, 64);
	/* Full: nothing more fits. */
	assert_int_equal(rte_mempool_populate_virt(mp, area, len, pg, NULL, NULL), -ENOSPC);
	rte_mempool_free(mp);
	/* The callback went with one chunk only. */
	assert_int_equal(chunk_frees, 1);

	/* Without IOVA contiguity the area is one chunk. */
	mp = rte_mempool_create_empty("t_virt2", 10, 200, 0, 0, SOCKET_ID_ANY,
			RTE_MEMPOOL_F_NO_IOVA_CONTIG);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_populate_virt(mp, area, len, pg, NULL, NULL), 10);
	assert_int_equal(mp->nb_mem_chunks, 1);
	rte_mempool_free(mp);

	/* A chunk too small for one object: 0, and the pool is unchanged. */
	mp = rte_mempool_create_empty("t_small", 10, 1000, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_populate_iova(mp, area, RTE_BAD_IOVA, 500, NULL, NULL), 0);
	assert_int_equal(mp->nb_mem_chunks, 0);
	assert_int_equal(mp->populated_size, 0);
	rte_mempool_free(mp);
	rte_free(area);
}

static void
test_populate_anon(void **state)
{
	struct rte_mempool *mp;
	void *objs[100];
	unsigned int i;

	(void)state;
	mp = rte_mempool_create_empty("t_anon", 100, 300, 8, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_populate_anon(mp), 100);
	assert_int_equal(mp->populated_size, 100);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 100), 0);
	for (i = 0; i < 100; i++)
		memset(objs[i], (int)i, 300);
	rte_mempool_put_bulk(mp, objs, 100);
	/* Only once. */
	rte_errno = 0;
	assert_int_equal(rte_mempool_populate_anon(mp), 0);
	assert_int_equal(rte_errno, EEXIST);
	rte_mempool_free(mp);

	rte_errno = 0;
	assert_int_equal(rte_mempool_populate_anon(NULL), 0);
	assert_int_equal(rte_errno, EINVAL);
}

static void
test_mem_size_helpers(void **state)
{
	struct rte_mempool *mp;
	size_t total, min_chunk = 0, align = 0, per_page;

	(void)state;
	mp = rte_mempool_create_empty("t_calc", 100, 1000, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	total = (size_t)mp->header_size + mp->elt_size + mp->trailer_size;
	assert_int_equal(rte_mempool_op_calc_mem_size_default(mp, 10, 0, &min_chunk, &align),
			10 * total);
	assert_int_equal(min_chunk, total);
	assert_int_equal(align, RTE_MEMPOOL_ALIGN);
	/* 4 KB pages: per page floor(4096 / total) objects, none across a boundary. */
	assert_int_equal(rte_mempool_op_calc_mem_size_default(mp, 8, 12, NULL, NULL),
			(8 / (4096 / total)) * 4096 + (8 % (4096 / total)) * total);
	/* With a reserve: per page floor((4096 - 64) / total); a partial page has it too. */
	per_page = (4096 - 64) / total;
	assert_int_equal(rte_mempool_op_calc_mem_size_helper(mp, 7, 12, 64, &min_chunk, NULL),
			(7 / per_page) * 4096 + (7 % per_page == 0 ? 0 : 64 + (7 % per_page) * total));
	assert_int_equal(min_chunk, total + 64);
	/* An object bigger than a page takes whole pages. */
	assert_int_equal(rte_mempool_op_calc_mem_size_default(mp, 2, 9, NULL, NULL),
			2 * RTE_ALIGN_CEIL(total, 512));
	assert_int_equal(rte_mempool_op_calc_mem_size_helper(mp, 2, 12, 4096, NULL, NULL),
			-EINVAL);

	rte_mempool_free(mp);
}

struct placed {
	unsigned int n;
	size_t total;
	int misplaced;
};

static void
check_placement(struct rte_mempool *mp, void *opaque, void *vaddr, rte_iova_t iova)
{
	struct placed *p = opaque;

	(void)iova;
	if (((uintptr_t)vaddr - mp->header_size) % p->total != 0)
		p->misplaced = 1;
	p->n++;
}

static void
test_populate_helper(void **state)
{
	struct rte_mempool *mp;
	struct placed p = { 0, 0, 0 };
	char *area;

	(void)state;
	mp = rte_mempool_create_empty("t_helper", 100, 1000, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	p.total = (size_t)mp->header_size + mp->elt_size + mp->trailer_size;
	area = rte_malloc(NULL, 20 * p.total, 0);
	assert_non_null(area);
	/* At most max_objs, placed at multiples of the total size. */
	assert_int_equal(rte_mempool_op_populate_helper(mp, RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ, 5,
			area + 8, RTE_BAD_IOVA, 20 * p.total - 8, check_placement, &p), 5);
	assert_int_equal(p.n, 5);
	assert_false(p.misplaced);
	/* As many as fit. */
	p.n = 0;
	assert_int_equal(rte_mempool_op_populate_default(mp, 100, area, RTE_BAD_IOVA,
			3 * p.total + 10, check_placement, &p), 3);
	assert_int_equal(p.n, 3);
	rte_free(area);
	rte_mempool_free(mp);
}

static void
test_page_size(void **state)
{
	struct rte_mempool *mp;
	size_t pg = 1;

	(void)state;
	mp = rte_mempool_create_empty("t_pgsz", 10, 64, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_get_page_size(mp, &pg), 0);
	/* The test runs without hugepages. */
	assert_int_equal(pg, (size_t)sysconf(_SC_PAGESIZE));
	assert_int_equal(rte_mempool_get_page_size(mp, NULL), -EINVAL);
	rte_mempool_free(mp);
	mp = rte_mempool_create_empty("t_pgsz", 10, 64, 0, 0, SOCKET_ID_ANY,
			RTE_MEMPOOL_F_NO_IOVA_CONTIG);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_get_page_size(mp, &pg), 0);
	assert_int_equal(pg, 0);
	rte_mempool_free(mp);
}

struct event_log {
	unsigned int ready, destroy;
	struct rte_mempool *last;
};

static void
log_event(enum rte_mempool_event event, struct rte_mempool *mp, void *user_data)
{
	struct event_log *l = user_data;

	if (event == RTE_MEMPOOL_EVENT_READY)
		l->ready++;
	else if (event == RTE_MEMPOOL_EVENT_DESTROY)
		l->destroy++;
	l->last = mp;
}

static void
test_events(void **state)
{
	struct event_log a = { 0, 0, NULL }, b = { 0, 0, NULL };
	struct rte_mempool *mp;
	char *area;
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);

	(void)state;
	assert_int_equal(rte_mempool_event_callback_register(log_event, &a), 0);
	assert_int_equal(rte_mempool_event_callback_register(log_event, &b), 0);
	rte_errno = 0;
	assert_int_equal(rte_mempool_event_callback_register(log_event, &a), -1);
	assert_int_equal(rte_errno, EEXIST);
	rte_errno = 0;
	assert_int_equal(rte_mempool_event_callback_register(NULL, &a), -1);
	assert_int_equal(rte_errno, EINVAL);

	mp = rte_mempool_create("t_events", 32, 64, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(a.ready, 1);
	assert_int_equal(b.ready, 1);
	assert_ptr_equal(a.last, mp);
	rte_mempool_free(mp);
	assert_int_equal(a.destroy, 1);
	assert_int_equal(b.destroy, 1);

	/* READY only once the last object is in, after several chunks. */
	assert_int_equal(rte_mempool_event_callback_unregister(log_event, &b), 0);
	area = rte_malloc(NULL, 4 * pg, pg);
	assert_non_null(area);
	mp = rte_mempool_create_empty("t_events2", 4, 3000, 0, 0, SOCKET_ID_ANY,
			RTE_MEMPOOL_F_NO_IOVA_CONTIG);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_populate_iova(mp, area, RTE_BAD_IOVA, 2 * pg, NULL, NULL),
			2);
	assert_int_equal(a.ready, 1);
	assert_int_equal(rte_mempool_populate_iova(mp, area + 2 * pg, RTE_BAD_IOVA, 2 * pg,
			NULL, NULL), 2);
	assert_int_equal(a.ready, 2);
	assert_int_equal(b.ready, 1);
	rte_mempool_free(mp);
	assert_int_equal(a.destroy, 2);
	rte_free(area);

	rte_errno = 0;
	assert_int_equal(rte_mempool_event_callback_unregister(log_event, &b), -1);
	assert_int_equal(rte_errno, ENOENT);
	assert_int_equal(rte_mempool_event_callback_unregister(log_event, &a), 0);
}

static void
test_cookies_release(void **state)
{
	struct rte_mempool *mp;
	void *obj;

	(void)state;
	/* Without RTE_LIBRTE_MEMPOOL_DEBUG the checks are no-ops, and the layout has no
	 * trailer. The trace points exist and do nothing. */
	mp = rte_mempool_create("t_cookie", 16, 64, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, RTE_MEMPOOL_F_NO_CACHE_ALIGN);
	assert_non_null(mp);
	assert_int_equal(mp->trailer_size, 0);
	assert_int_equal(rte_mempool_get(mp, &obj), 0);
	rte_mempool_check_cookies(mp, &obj, 1, 2);
	rte_mempool_trace_free(mp);
	rte_mempool_trace_ops_enqueue_bulk(mp, &obj, 1);
	rte_mempool_put(mp, obj);
	rte_mempool_audit(mp);
	rte_mempool_free(mp);
}

int
main(void)
{
	static const char *const args[] = { "test_mempool_ops", "--no-huge", "-m", "64", "-l",
		"0", "--file-prefix=test_mempool_ops", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_ops),
		cmocka_unit_test(test_register_ops),
		cmocka_unit_test(test_populate_virt),
		cmocka_unit_test(test_populate_anon),
		cmocka_unit_test(test_mem_size_helpers),
		cmocka_unit_test(test_populate_helper),
		cmocka_unit_test(test_page_size),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_cookies_release),
		cmocka_unit_test(test_register_ops_full),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
