/* SPDX-License-Identifier: BSD-3-Clause */
/* Ring API on one thread: creation errors, names, bulk/burst edges, wrap-around, elements. */
#include "test_eal_main.h"

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_ring.h>
#include <rte_ring_elem.h>

#define OBJ(i) ((void *)(uintptr_t)(0x1000 + (i)))

static void
test_create_lookup_free(void **state)
{
	struct rte_ring *r, *r2;

	(void)state;
	r = rte_ring_create("t_ring_a", 1024, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	assert_ptr_equal(rte_ring_lookup("t_ring_a"), r);
	assert_string_equal(r->name, "t_ring_a");
	assert_int_equal(rte_ring_get_size(r), 1024);
	assert_int_equal(rte_ring_get_capacity(r), 1023);
	assert_int_equal(rte_ring_count(r), 0);
	assert_int_equal(rte_ring_free_count(r), 1023);
	assert_true(rte_ring_empty(r));
	assert_false(rte_ring_full(r));
	assert_int_equal(rte_ring_get_prod_sync_type(r), RTE_RING_SYNC_MT);
	assert_int_equal(rte_ring_get_cons_sync_type(r), RTE_RING_SYNC_MT);
	assert_false(rte_ring_is_prod_single(r));

	/* Same name twice: refused, the first ring untouched. */
	rte_errno = 0;
	r2 = rte_ring_create("t_ring_a", 64, SOCKET_ID_ANY, 0);
	assert_null(r2);
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_ring_lookup("t_ring_a"), r);

	rte_ring_free(r);
	rte_errno = 0;
	assert_null(rte_ring_lookup("t_ring_a"));
	assert_int_equal(rte_errno, ENOENT);
	/* The name is free again. */
	r = rte_ring_create("t_ring_a", 64, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	rte_ring_free(r);
	rte_ring_free(NULL);
}

static void
test_create_errors(void **state)
{
	(void)state;
	rte_errno = 0;
	assert_null(rte_ring_create("t_bad1", 1000, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_ring_create("t_bad2", 0, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_ring_create("t_bad3", 0x80000000u, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_ring_create("t_bad4", 64, SOCKET_ID_ANY, 0x1000));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_ring_create(NULL, 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_ring_create("a_ring_name_that_is_far_too_long", 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENAMETOOLONG);
	rte_errno = 0;
	assert_null(rte_ring_create_elem("t_bad5", 6, 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	/* None of them left a ring behind. */
	assert_null(rte_ring_lookup("t_bad1"));
	assert_null(rte_ring_lookup("t_bad4"));
	assert_null(rte_ring_lookup("t_bad5"));

	assert_int_equal(rte_ring_get_memsize(1000), -EINVAL);
	assert_int_equal(rte_ring_get_memsize_elem(3, 64), -EINVAL);
	assert_true(rte_ring_get_memsize(64) >= (ssize_t)(sizeof(struct rte_ring) + 64 * 8));
	assert_int_equal(rte_ring_get_memsize(64) % RTE_CACHE_LINE_SIZE, 0);
}

static void
test_exact_size(void **state)
{
	struct rte_ring *r;
	void *objs[1001];
	unsigned int i, fs;

	(void)state;
	r = rte_ring_create("t_exact", 1000, SOCKET_ID_ANY, RING_F_EXACT_SZ);
	assert_non_null(r);
	assert_int_equal(rte_ring_get_capacity(r), 1000);
	assert_int_equal(rte_ring_get_size(r), 1024);
	for (i = 0; i < 1001; i++)
		objs[i] = OBJ(i);
	assert_int_equal(rte_ring_enqueue_bulk(r, objs, 1001, &fs), 0);
	assert_int_equal(fs, 1000);
	assert_int_equal(rte_ring_enqueue_bulk(r, objs, 1000, &fs), 1000);
	assert_int_equal(fs, 0);
	assert_true(rte_ring_full(r));
	assert_int_equal(rte_ring_enqueue(r, OBJ(0)), -ENOBUFS);
	rte_ring_free(r);

	/* A count whose slot count (the next power of two above it) would be too large. */
	rte_errno = 0;
	assert_null(rte_ring_create("t_exact_big", 1u << 30, SOCKET_ID_ANY, RING_F_EXACT_SZ));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_ring_lookup("t_exact_big"));
}

static void
test_bulk_burst_edges(void **state)
{
	struct rte_ring *r;
	void *in[1100], *out[1100];
	unsigned int i, fs, av;

	(void)state;
	for (i = 0; i < RTE_DIM(in); i++)
		in[i] = OBJ(i);
	r = rte_ring_create("t_edges", 1024, SOCKET_ID_ANY, 0);
	assert_non_null(r);

	/* Bulk is all or nothing, and says how much room there was. */
	assert_int_equal(rte_ring_mp_enqueue_bulk(r, in, 1024, &fs), 0);
	assert_int_equal(fs, 1023);
	assert_int_equal(rte_ring_count(r), 0);
	assert_int_equal(rte_ring_mp_enqueue_bulk(r, in, 1000, &fs), 1000);
	assert_int_equal(fs, 23);
	assert_int_equal(rte_ring_count(r), 1000);

	/* Burst takes what fits. */
	assert_int_equal(rte_ring_mp_enqueue_burst(r, in + 1000, 50, &fs), 23);
	assert_int_equal(fs, 0);
	assert_true(rte_ring_full(r));
	assert_int_equal(rte_ring_mp_enqueue_burst(r, in, 5, &fs), 0);
	assert_int_equal(fs, 0);

	assert_int_equal(rte_ring_mc_dequeue_bulk(r, out, 1024, &av), 0);
	assert_int_equal(av, 1023);
	assert_int_equal(rte_ring_mc_dequeue_bulk(r, out, 3, &av), 3);
	assert_int_equal(av, 1020);
	assert_int_equal(rte_ring_mc_dequeue_burst(r, out + 3, 2000, &av), 1020);
	assert_int_equal(av, 0);
	for (i = 0; i < 1023; i++)
		assert_ptr_equal(out[i], in[i]);
	assert_true(rte_ring_empty(r));
	assert_int_equal(rte_ring_mc_dequeue_burst(r, out, 4, &av), 0);
	assert_int_equal(av, 0);
	assert_int_equal(rte_ring_mc_dequeue_bulk(r, out, 1, NULL), 0);

	/* n = 0 moves nothing and still reports. */
	assert_int_equal(rte_ring_enqueue_bulk(r, in, 0, &fs), 0);
	assert_int_equal(fs, 1023);
	assert_int_equal(rte_ring_dequeue_burst(r, out, 0, &av), 0);
	assert_int_equal(av, 0);
	rte_ring_free(r);
}

static void
test_single_object(void **state)
{
	struct rte_ring *r;
	void *o = NULL;

	(void)state;
	r = rte_ring_create("t_single", 4, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	assert_int_equal(rte_ring_dequeue(r, &o), -ENOENT);
	assert_int_equal(rte_ring_mc_dequeue(r, &o), -ENOENT);
	assert_int_equal(rte_ring_sc_dequeue(r, &o), -ENOENT);
	assert_int_equal(rte_ring_enqueue(r, OBJ(1)), 0);
	assert_int_equal(rte_ring_mp_enqueue(r, OBJ(2)), 0);
	assert_int_equal(rte_ring_sp_enqueue(r, OBJ(3)), 0);
	assert_int_equal(rte_ring_enqueue(r, OBJ(4)), -ENOBUFS);
	assert_int_equal(rte_ring_count(r), 3);
	assert_int_equal(rte_ring_sc_dequeue(r, &o), 0);
	assert_ptr_equal(o, OBJ(1));
	assert_int_equal(rte_ring_mc_dequeue(r, &o), 0);
	assert_ptr_equal(o, OBJ(2));
	assert_int_equal(rte_ring_dequeue(r, &o), 0);
	assert_ptr_equal(o, OBJ(3));
	assert_true(rte_ring_empty(r));
	rte_ring_free(r);
}

/* Many small transfers through a small ring cross the end of the slot array many times. */
static void
run_wrap(struct rte_ring *r, unsigned int step)
{
	void *in[16], *out[16];
	unsigned int i, k, seq = 0, got = 0;

	for (k = 0; k < 1000; k++) {
		for (i = 0; i < step; i++)
			in[i] = OBJ(seq++);
		assert_int_equal(rte_ring_enqueue_bulk(r, in, step, NULL), step);
		assert_int_equal(rte_ring_dequeue_bulk(r, out, step, NULL), step);
		for (i = 0; i < step; i++)
			assert_ptr_equal(out[i], OBJ(got++));
	}
}

static void
test_wrap_and_flags(void **state)
{
	struct rte_ring *r;
	void *in[16], *out[16];
	unsigned int i;

	(void)state;
	r = rte_ring_create("t_wrap_mpmc", 16, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	run_wrap(r, 7);
	run_wrap(r, 15);
	rte_ring_free(r);

	r = rte_ring_create("t_wrap_spsc", 16, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
	assert_non_null(r);
	assert_true(rte_ring_is_prod_single(r));
	assert_true(rte_ring_is_cons_single(r));
	assert_int_equal(rte_ring_get_prod_sync_type(r), RTE_RING_SYNC_ST);
	run_wrap(r, 5);
	/* Explicit sp/sc calls on it. */
	for (i = 0; i < 10; i++)
		in[i] = OBJ(i);
	assert_int_equal(rte_ring_sp_enqueue_bulk(r, in, 10, NULL), 10);
	assert_int_equal(rte_ring_sp_enqueue_burst(r, in, 10, NULL), 5);
	assert_int_equal(rte_ring_sc_dequeue_bulk(r, out, 16, NULL), 0);
	assert_int_equal(rte_ring_sc_dequeue_burst(r, out, 16, NULL), 15);
	for (i = 0; i < 10; i++)
		assert_ptr_equal(out[i], OBJ(i));
	for (i = 10; i < 15; i++)
		assert_ptr_equal(out[i], OBJ(i - 10));
	rte_ring_free(r);

	r = rte_ring_create("t_wrap_sc", 16, SOCKET_ID_ANY, RING_F_SC_DEQ);
	assert_non_null(r);
	assert_false(rte_ring_is_prod_single(r));
	assert_true(rte_ring_is_cons_single(r));
	run_wrap(r, 3);
	rte_ring_free(r);
}

static void
test_reset_dump_init(void **state)
{
	struct rte_ring *r;
	void *in[8] = { OBJ(1), OBJ(2), OBJ(3) };
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	ssize_t sz;

	(void)state;
	r = rte_ring_create("t_reset", 8, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	assert_int_equal(rte_ring_enqueue_bulk(r, in, 3, NULL), 3);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	rte_ring_dump(f, r);
	rte_ring_list_dump(f);
	fclose(f);
	assert_non_null(strstr(buf, "t_reset"));
	assert_non_null(strstr(buf, "used=3"));
	free(buf);
	rte_ring_reset(r);
	assert_int_equal(rte_ring_count(r), 0);
	assert_true(rte_ring_empty(r));
	assert_int_equal(rte_ring_free_count(r), 7);
	rte_ring_free(r);

	/* A ring in caller memory: usable, not registered by name. */
	sz = rte_ring_get_memsize(32);
	assert_true(sz > 0);
	r = rte_zmalloc(NULL, (size_t)sz, RTE_CACHE_LINE_SIZE);
	assert_non_null(r);
	assert_int_equal(rte_ring_init(r, "t_user", 32, RING_F_SP_ENQ), 0);
	assert_int_equal(rte_ring_get_capacity(r), 31);
	assert_null(rte_ring_lookup("t_user"));
	assert_int_equal(rte_ring_enqueue(r, OBJ(9)), 0);
	assert_int_equal(rte_ring_count(r), 1);
	assert_int_equal(rte_ring_init(r, "t_user", 33, 0), -EINVAL);
	assert_int_equal(rte_ring_init(NULL, "t_user", 32, 0), -EINVAL);
	rte_free(r);
}

struct elem20 {
	uint32_t w[5];
};

/*
 * Each side works from a copy of the other side's tail. The counts a caller asks for must
 * still be exact, and a copy older than a lap (another thread of the side stored it long ago)
 * must be noticed instead of making the room wrap.
 */
/* Element tables need only 4-byte alignment, even for 8- and 16-byte elements. */
static void
test_elem_table_alignment(void **state)
{
	uint32_t in_buf[1 + 4 * 6], out_buf[1 + 4 * 6];
	void *in = &in_buf[1], *out = &out_buf[1];
	struct rte_ring *r;
	unsigned int i, esize;

	(void)state;
	for (esize = 8; esize <= 16; esize += 8) {
		r = rte_ring_create_elem("t_elem_align", esize, 8, SOCKET_ID_ANY,
				RING_F_SP_ENQ | RING_F_SC_DEQ);
		assert_non_null(r);
		for (i = 0; i < RTE_DIM(in_buf); i++) {
			in_buf[i] = 0xa5000000u + i;
			out_buf[i] = 0;
		}
		/* One element, then a burst that wraps around the slot array. */
		assert_int_equal(rte_ring_enqueue_bulk_elem(r, in, esize, 1, NULL), 1);
		assert_int_equal(rte_ring_dequeue_bulk_elem(r, out, esize, 1, NULL), 1);
		assert_memory_equal(in, out, esize);
		assert_int_equal(rte_ring_enqueue_burst_elem(r, in, esize, 6, NULL), 6);
		assert_int_equal(rte_ring_dequeue_burst_elem(r, out, esize, 6, NULL), 6);
		assert_memory_equal(in, out, 6 * esize);
		rte_ring_free(r);
	}
}

static void
test_peer_tail_copy(void **state)
{
	void *in[8], *out[8];
	unsigned int i, free_space, avail, n;
	struct rte_ring *r, *r2;

	(void)state;
	for (i = 0; i < RTE_DIM(in); i++)
		in[i] = OBJ(i);
	r = rte_ring_create("t_ring_peer", 8, SOCKET_ID_ANY, 0);
	assert_non_null(r);

	/* Counts right after the other side moved, in the same thread. */
	assert_int_equal(rte_ring_enqueue_bulk(r, in, 3, &free_space), 3);
	assert_int_equal(free_space, 4);
	assert_int_equal(rte_ring_dequeue_bulk(r, out, 2, &avail), 2);
	assert_int_equal(avail, 1);
	assert_int_equal(rte_ring_enqueue_bulk(r, in, 1, &free_space), 1);
	assert_int_equal(free_space, 5);
	assert_int_equal(rte_ring_dequeue_bulk(r, out, 1, &avail), 1);
	assert_int_equal(avail, 1);
	/* Without the out-parameter: the copy is refreshed when it gives too little room. */
	assert_int_equal(rte_ring_enqueue_burst(r, in, 8, NULL), 6);
	assert_int_equal(rte_ring_count(r), 7);
	assert_int_equal(rte_ring_dequeue_burst(r, out, 8, NULL), 7);
	assert_true(rte_ring_empty(r));

	/* A producer copy more than a lap old: without the check the room would wrap. */
	assert_int_equal(rte_ring_enqueue_bulk(r, in, 5, NULL), 5);
	r->prod.peer_tail = r->cons.tail - 100;
	n = rte_ring_enqueue_burst(r, in, 8, NULL);
	assert_int_equal(n, 2);
	assert_int_equal(rte_ring_count(r), 7);
	/* The same for a consumer copy: at most what was published comes out. */
	r->cons.peer_tail = r->prod.tail - 100;
	assert_int_equal(rte_ring_dequeue_burst(r, out, 8, NULL), 7);
	for (i = 0; i < 5; i++)
		assert_ptr_equal(out[i], OBJ(i));
	assert_ptr_equal(out[5], OBJ(0));
	assert_ptr_equal(out[6], OBJ(1));
	assert_int_equal(rte_ring_dequeue_burst(r, out, 8, NULL), 0);

	/*
	 * Single producer and consumer: their head moved by code that never refreshes the copy
	 * (inline code of an application built before it existed) must not make it wrap either.
	 */
	r2 = rte_ring_create("t_ring_peer_st", 8, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
	assert_non_null(r2);
	assert_int_equal(rte_ring_enqueue_bulk(r2, in, 5, NULL), 5);
	r2->prod.peer_tail = r2->cons.tail - 100;
	assert_int_equal(rte_ring_enqueue_burst(r2, in, 8, NULL), 2);
	r2->cons.peer_tail = r2->prod.tail - 100;
	assert_int_equal(rte_ring_dequeue_burst(r2, out, 8, NULL), 7);
	assert_int_equal(rte_ring_dequeue_burst(r2, out, 8, NULL), 0);
	rte_ring_free(r2);

	/* Reset forgets the copies with the indexes. */
	rte_ring_reset(r);
	assert_int_equal(r->prod.peer_tail, 0);
	assert_int_equal(r->cons.peer_tail, 0);
	assert_int_equal(rte_ring_enqueue_burst(r, in, 8, NULL), 7);
	rte_ring_free(r);
}

static void
test_elem(void **state)
{
	struct rte_ring *r;
	uint32_t in4[40], out4[40];
	struct elem20 in20[12], out20[12];
	unsigned int i, k, fs, av;
	uint64_t in16[2 * 5], out16[2 * 5];

	(void)state;
	r = rte_ring_create_elem("t_elem4", 4, 64, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	for (k = 0; k < 10; k++) {
		for (i = 0; i < 40; i++)
			in4[i] = k * 100 + i;
		assert_int_equal(rte_ring_enqueue_bulk_elem(r, in4, 4, 40, &fs), 40);
		assert_int_equal(fs, 23);
		assert_int_equal(rte_ring_dequeue_burst_elem(r, out4, 4, 40, &av), 40);
		assert_int_equal(av, 0);
		assert_memory_equal(in4, out4, sizeof(in4));
	}
	assert_int_equal(rte_ring_enqueue_elem(r, &in4[3], 4), 0);
	assert_int_equal(rte_ring_dequeue_elem(r, &out4[0], 4), 0);
	assert_int_equal(out4[0], in4[3]);
	rte_ring_free(r);

	r = rte_ring_create_elem("t_elem20", 20, 16, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
	assert_non_null(r);
	for (k = 0; k < 10; k++) {
		for (i = 0; i < 12; i++)
			memset(&in20[i], (int)(k * 16 + i), sizeof(in20[i]));
		assert_int_equal(rte_ring_sp_enqueue_bulk_elem(r, in20, 20, 12, NULL), 12);
		assert_int_equal(rte_ring_sc_dequeue_bulk_elem(r, out20, 20, 12, NULL), 12);
		assert_memory_equal(in20, out20, sizeof(in20));
	}
	rte_ring_free(r);

	r = rte_ring_create_elem("t_elem16", 16, 8, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	for (k = 0; k < 10; k++) {
		for (i = 0; i < 10; i++)
			in16[i] = k * 1000 + i;
		assert_int_equal(rte_ring_mp_enqueue_burst_elem(r, in16, 16, 5, NULL), 5);
		assert_int_equal(rte_ring_mc_dequeue_burst_elem(r, out16, 16, 5, NULL), 5);
		assert_memory_equal(in16, out16, sizeof(in16));
	}
	assert_int_equal(rte_ring_mp_enqueue_elem(r, in16, 16), 0);
	assert_int_equal(rte_ring_mc_dequeue_elem(r, out16, 16), 0);
	assert_int_equal(rte_ring_mc_dequeue_elem(r, out16, 16), -ENOENT);
	rte_ring_free(r);
}

/* Enqueue and dequeue n elements of esize bytes at the ring's current position, checked. */
static void
check_copy(struct rte_ring *r, const uint8_t *in, unsigned int esize, unsigned int n)
{
	uint8_t out[40 * 20 + 8];
	unsigned int i;

	memset(out, 0xa5, sizeof(out));
	assert_int_equal(rte_ring_enqueue_bulk_elem(r, in, esize, n, NULL), n);
	/* At out + 4: the destination is 4 but not 8 or 16 byte aligned. */
	assert_int_equal(rte_ring_dequeue_bulk_elem(r, out + 4, esize, n, NULL), n);
	assert_memory_equal(in, out + 4, n * esize);
	for (i = 0; i < 4; i++)
		assert_int_equal(out[i], 0xa5);
	for (i = 4 + n * esize; i < sizeof(out); i++)
		assert_int_equal(out[i], 0xa5);
}

/* Empty the ring and move its head and tail to slot start. */
static void
ring_move_to(struct rte_ring *r, unsigned int esize, unsigned int start)
{
	uint8_t one[20] = { 0 };
	unsigned int i;

	rte_ring_reset(r);
	for (i = 0; i < start; i++) {
		assert_int_equal(rte_ring_enqueue_elem(r, one, esize), 0);
		assert_int_equal(rte_ring_dequeue_elem(r, one, esize), 0);
	}
}

/*
 * Every length the vector copy can see: each element size, each count up to past two 32-byte
 * blocks, from every slot of a 64-slot ring (so the copies that cross the end of the slot
 * array are covered at each split), through the unprefixed calls on MT and ST rings.
 */
static void
test_copy_lengths(void **state)
{
	static const unsigned int esizes[] = { 4, 8, 12, 16, 20 };
	unsigned int e, n, start, i, mode;
	uint8_t in[40 * 20];
	struct rte_ring *r;

	(void)state;
	for (i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 7 + 1);
	for (mode = 0; mode < 2; mode++) {
		for (e = 0; e < RTE_DIM(esizes); e++) {
			r = rte_ring_create_elem(mode ? "t_copy_st" : "t_copy_mt", esizes[e],
					64, SOCKET_ID_ANY,
					mode ? RING_F_SP_ENQ | RING_F_SC_DEQ : 0);
			assert_non_null(r);
			for (start = 0; start < 64; start++)
				for (n = 1; n <= 40; n++) {
					ring_move_to(r, esizes[e], start);
					check_copy(r, in, esizes[e], n);
				}
			rte_ring_free(r);
		}
	}
}

int
main(void)
{
	static const char *const args[] = { "test_ring", "--no-huge", "-m", "64", "-l", "0",
		"--file-prefix=test_ring", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_lookup_free),
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_exact_size),
		cmocka_unit_test(test_bulk_burst_edges),
		cmocka_unit_test(test_single_object),
		cmocka_unit_test(test_wrap_and_flags),
		cmocka_unit_test(test_reset_dump_init),
		cmocka_unit_test(test_elem),
		cmocka_unit_test(test_peer_tail_copy),
		cmocka_unit_test(test_elem_table_alignment),
		cmocka_unit_test(test_copy_lengths),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
