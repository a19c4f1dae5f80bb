/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ring sync modes on one thread: HTS and RTS creation flags, their enqueue/dequeue functions
 * and the unprefixed ones dispatching to them, head/tail distance, reset and dump; the peek
 * and zero-copy APIs on single-thread and HTS sides; the layout facts applications see.
 */
#include "test_eal_main.h"

#include <assert.h>
#include <stddef.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_ring.h>
#include <rte_ring_elem.h>
#include <rte_ring_hts.h>
#include <rte_ring_rts.h>
#include <rte_ring_peek.h>
#include <rte_ring_peek_zc.h>
#include <rte_ring_c11_pvt.h>
#include <rte_ring_generic_pvt.h>

#define OBJ(i) ((void *)(uintptr_t)(0x1000 + (i)))

/* Offsets DPDK 22.11 applications (and its own inline code) rely on. */
static_assert(sizeof(union __rte_ring_hts_pos) == 8, "hts pos");
static_assert(offsetof(struct rte_ring_hts_headtail, sync_type) == 8, "hts sync_type");
static_assert(offsetof(struct rte_ring_rts_headtail, sync_type) == 8, "rts sync_type");
static_assert(offsetof(struct rte_ring_rts_headtail, htd_max) == 12, "rts htd_max");
static_assert(offsetof(struct rte_ring_rts_headtail, head) == 16, "rts head");
static_assert(sizeof(struct rte_ring_rts_headtail) == 24, "rts size");
static_assert(offsetof(struct rte_ring_headtail, sync_type) == 8, "sync_type");
static_assert(offsetof(struct rte_ring, prod) == 2 * RTE_CACHE_LINE_SIZE, "prod");
static_assert(offsetof(struct rte_ring, cons) == 4 * RTE_CACHE_LINE_SIZE, "cons");
static_assert(sizeof(struct rte_ring) == 6 * RTE_CACHE_LINE_SIZE, "ring size");
static_assert(sizeof(struct rte_ring_zc_data) == RTE_CACHE_LINE_SIZE, "zc data");
static_assert(RING_F_MP_RTS_ENQ == 0x8 && RING_F_MC_RTS_DEQ == 0x10 &&
	RING_F_MP_HTS_ENQ == 0x20 && RING_F_MC_HTS_DEQ == 0x40, "flag values");
static_assert(RTE_RING_SYNC_MT == 0 && RTE_RING_SYNC_ST == 1 && RTE_RING_SYNC_MT_RTS == 2 &&
	RTE_RING_SYNC_MT_HTS == 3, "sync type values");

static void
test_mode_flags(void **state)
{
	static const struct {
		unsigned int flags;
		enum rte_ring_sync_type prod, cons;
	} cases[] = {
		{ 0, RTE_RING_SYNC_MT, RTE_RING_SYNC_MT },
		{ RING_F_SP_ENQ | RING_F_SC_DEQ, RTE_RING_SYNC_ST, RTE_RING_SYNC_ST },
		{ RING_F_MP_RTS_ENQ, RTE_RING_SYNC_MT_RTS, RTE_RING_SYNC_MT },
		{ RING_F_MC_RTS_DEQ, RTE_RING_SYNC_MT, RTE_RING_SYNC_MT_RTS },
		{ RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ, RTE_RING_SYNC_MT_HTS, RTE_RING_SYNC_MT_HTS },
		{ RING_F_MP_HTS_ENQ | RING_F_MC_RTS_DEQ, RTE_RING_SYNC_MT_HTS, RTE_RING_SYNC_MT_RTS },
		{ RING_F_SP_ENQ | RING_F_MC_HTS_DEQ, RTE_RING_SYNC_ST, RTE_RING_SYNC_MT_HTS },
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		struct rte_ring *r = rte_ring_create("t_modes", 64, SOCKET_ID_ANY,
				cases[i].flags);

		assert_non_null(r);
		assert_int_equal(rte_ring_get_prod_sync_type(r), cases[i].prod);
		assert_int_equal(rte_ring_get_cons_sync_type(r), cases[i].cons);
		assert_int_equal(rte_ring_is_prod_single(r), cases[i].prod == RTE_RING_SYNC_ST);
		assert_int_equal(rte_ring_is_cons_single(r), cases[i].cons == RTE_RING_SYNC_ST);
		assert_int_equal(r->flags, (int)cases[i].flags);
		rte_ring_free(r);
	}
}

static void
test_mode_flag_conflicts(void **state)
{
	static const unsigned int bad[] = {
		RING_F_SP_ENQ | RING_F_MP_RTS_ENQ,
		RING_F_SP_ENQ | RING_F_MP_HTS_ENQ,
		RING_F_MP_RTS_ENQ | RING_F_MP_HTS_ENQ,
		RING_F_SC_DEQ | RING_F_MC_RTS_DEQ,
		RING_F_SC_DEQ | RING_F_MC_HTS_DEQ,
		RING_F_MC_RTS_DEQ | RING_F_MC_HTS_DEQ,
	};
	struct rte_ring *r;
	unsigned int i;
	ssize_t sz;

	(void)state;
	sz = rte_ring_get_memsize(64);
	assert_true(sz > 0);
	r = rte_malloc(NULL, (size_t)sz, RTE_CACHE_LINE_SIZE);
	assert_non_null(r);
	for (i = 0; i < RTE_DIM(bad); i++) {
		rte_errno = 0;
		assert_null(rte_ring_create("t_conflict", 64, SOCKET_ID_ANY, bad[i]));
		assert_int_equal(rte_errno, EINVAL);
		assert_int_equal(rte_ring_init(r, "t_conflict", 64, bad[i]), -EINVAL);
	}
	/* Nothing was registered under the name. */
	assert_null(rte_ring_lookup("t_conflict"));
	rte_free(r);
}

static void
test_htd_max(void **state)
{
	struct rte_ring *r;

	(void)state;
	r = rte_ring_create("t_htd", 1024, SOCKET_ID_ANY, RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ);
	assert_non_null(r);
	assert_int_equal(rte_ring_get_prod_htd_max(r), 1023 / 8);
	assert_int_equal(rte_ring_get_cons_htd_max(r), 1023 / 8);
	assert_int_equal(rte_ring_set_prod_htd_max(r, 5), 0);
	assert_int_equal(rte_ring_set_cons_htd_max(r, 0), 0);
	assert_int_equal(rte_ring_get_prod_htd_max(r), 5);
	assert_int_equal(rte_ring_get_cons_htd_max(r), 0);
	/* A reset empties the ring but keeps the limits. */
	assert_int_equal(rte_ring_enqueue(r, OBJ(1)), 0);
	rte_ring_reset(r);
	assert_true(rte_ring_empty(r));
	assert_int_equal(rte_ring_get_prod_htd_max(r), 5);
	assert_int_equal(rte_ring_get_cons_htd_max(r), 0);
	rte_ring_free(r);

	/* Not an RTS side: refused, nothing changed. */
	r = rte_ring_create("t_htd", 1024, SOCKET_ID_ANY, RING_F_MP_HTS_ENQ);
	assert_non_null(r);
	assert_int_equal(rte_ring_set_prod_htd_max(r, 5), -ENOTSUP);
	assert_int_equal(rte_ring_set_cons_htd_max(r, 5), -ENOTSUP);
	assert_int_equal(rte_ring_get_prod_htd_max(r), UINT32_MAX);
	assert_int_equal(rte_ring_get_cons_htd_max(r), UINT32_MAX);
	assert_int_equal(rte_ring_get_prod_sync_type(r), RTE_RING_SYNC_MT_HTS);
	rte_ring_free(r);
}

/* Fill, drain and wrap a ring through the unprefixed calls, checking order and counts. */
static void
check_fifo_generic(struct rte_ring *r)
{
	void *in[40], *out[40];
	unsigned int i, round, fs, av;

	for (i = 0; i < RTE_DIM(in); i++)
		in[i] = OBJ(i);
	for (round = 0; round < 10; round++) {
		/* 63 usable entries of 64: bulk of 40 fits once, not twice. */
		assert_int_equal(rte_ring_enqueue_bulk(r, in, 40, &fs), 40);
		assert_int_equal(fs, 23);
		assert_int_equal(rte_ring_enqueue_bulk(r, in, 40, &fs), 0);
		assert_int_equal(fs, 23);
		assert_int_equal(rte_ring_enqueue_burst(r, in, 40, &fs), 23);
		assert_int_equal(fs, 0);
		assert_true(rte_ring_full(r));
		assert_int_equal(rte_ring_enqueue(r, in[0]), -ENOBUFS);
		assert_int_equal(rte_ring_dequeue_bulk(r, out, 40, &av), 40);
		assert_int_equal(av, 23);
		assert_memory_equal(in, out, sizeof(in));
		assert_int_equal(rte_ring_dequeue_bulk(r, out, 40, &av), 0);
		assert_int_equal(rte_ring_dequeue_burst(r, out, 40, &av), 23);
		assert_int_equal(av, 0);
		assert_memory_equal(in, out, 23 * sizeof(void *));
		assert_int_equal(rte_ring_dequeue(r, &out[0]), -ENOENT);
		assert_true(rte_ring_empty(r));
		/* Shift the indexes so the next round wraps somewhere else. */
		assert_int_equal(rte_ring_enqueue(r, in[round]), 0);
		assert_int_equal(rte_ring_dequeue(r, &out[0]), 0);
		assert_ptr_equal(out[0], in[round]);
	}
}

static void
test_hts_rts_fifo(void **state)
{
	static const unsigned int flags[] = {
		RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ,
		RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ,
		RING_F_MP_HTS_ENQ | RING_F_MC_RTS_DEQ,
		RING_F_MP_RTS_ENQ | RING_F_SC_DEQ,
		RING_F_SP_ENQ | RING_F_MC_HTS_DEQ,
		RING_F_MC_RTS_DEQ,
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(flags); i++) {
		struct rte_ring *r = rte_ring_create("t_fifo", 64, SOCKET_ID_ANY, flags[i]);

		assert_non_null(r);
		check_fifo_generic(r);
		rte_ring_free(r);
	}
}

static void
test_hts_rts_named(void **state)
{
	struct rte_ring *h, *t;
	void *in[8], *out[8];
	uint64_t in16[10][2], out16[10][2];
	unsigned int i, fs, av;

	(void)state;
	for (i = 0; i < RTE_DIM(in); i++)
		in[i] = OBJ(i);
	h = rte_ring_create("t_hts", 16, SOCKET_ID_ANY, RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ);
	t = rte_ring_create("t_rts", 16, SOCKET_ID_ANY, RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ);
	assert_non_null(h);
	assert_non_null(t);

	assert_int_equal(rte_ring_mp_hts_enqueue_bulk(h, in, 8, &fs), 8);
	assert_int_equal(fs, 7);
	assert_int_equal(rte_ring_mp_hts_enqueue_burst(h, in, 8, &fs), 7);
	assert_int_equal(fs, 0);
	assert_int_equal(rte_ring_mc_hts_dequeue_bulk(h, out, 8, &av), 8);
	assert_int_equal(av, 7);
	assert_memory_equal(in, out, sizeof(in));
	assert_int_equal(rte_ring_mc_hts_dequeue_burst(h, out, 8, &av), 7);
	assert_int_equal(av, 0);
	assert_int_equal(rte_ring_mc_hts_dequeue_burst(h, out, 8, NULL), 0);

	assert_int_equal(rte_ring_mp_rts_enqueue_bulk(t, in, 8, &fs), 8);
	assert_int_equal(fs, 7);
	assert_int_equal(rte_ring_mp_rts_enqueue_burst(t, in, 8, NULL), 7);
	assert_int_equal(rte_ring_mc_rts_dequeue_bulk(t, out, 8, &av), 8);
	assert_memory_equal(in, out, sizeof(in));
	assert_int_equal(av, 7);
	assert_int_equal(rte_ring_mc_rts_dequeue_burst(t, out, 8, &av), 7);
	assert_int_equal(av, 0);
	rte_ring_free(h);
	rte_ring_free(t);

	/* 16-byte elements, crossing the end of the slot array. */
	for (i = 0; i < RTE_DIM(in16); i++) {
		in16[i][0] = i;
		in16[i][1] = ~(uint64_t)i;
	}
	h = rte_ring_create_elem("t_hts16", 16, 16, SOCKET_ID_ANY,
			RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ);
	t = rte_ring_create_elem("t_rts16", 16, 16, SOCKET_ID_ANY,
			RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ);
	assert_non_null(h);
	assert_non_null(t);
	for (i = 0; i < 3; i++) {
		assert_int_equal(rte_ring_mp_hts_enqueue_bulk_elem(h, in16, 16, 10, NULL), 10);
		assert_int_equal(rte_ring_mc_hts_dequeue_burst_elem(h, out16, 16, 10, NULL), 10);
		assert_memory_equal(in16, out16, sizeof(in16));
		assert_int_equal(rte_ring_mp_rts_enqueue_burst_elem(t, in16, 16, 10, NULL), 10);
		assert_int_equal(rte_ring_mc_rts_dequeue_bulk_elem(t, out16, 16, 10, NULL), 10);
		assert_memory_equal(in16, out16, sizeof(in16));
		/* The unprefixed element calls dispatch to the same code. */
		assert_int_equal(rte_ring_enqueue_elem(h, in16[i], 16), 0);
		assert_int_equal(rte_ring_dequeue_elem(h, out16[0], 16), 0);
		assert_memory_equal(in16[i], out16[0], 16);
		assert_int_equal(rte_ring_enqueue_bulk_elem(t, in16, 16, 3, NULL), 3);
		assert_int_equal(rte_ring_dequeue_burst_elem(t, out16, 16, 10, NULL), 3);
		assert_memory_equal(in16, out16, 3 * 16);
	}
	rte_ring_free(h);
	rte_ring_free(t);
}

static void
test_dump_modes(void **state)
{
	struct rte_ring *r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	r = rte_ring_create("t_dump", 64, SOCKET_ID_ANY, RING_F_MP_RTS_ENQ | RING_F_MC_HTS_DEQ);
	assert_non_null(r);
	assert_int_equal(rte_ring_enqueue(r, OBJ(1)), 0);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	rte_ring_dump(f, r);
	fclose(f);
	assert_non_null(strstr(buf, "prod sync=MT_RTS"));
	assert_non_null(strstr(buf, "cons sync=MT_HTS"));
	assert_non_null(strstr(buf, "prod htd_max=7"));
	assert_non_null(strstr(buf, "ph=1\n"));
	assert_non_null(strstr(buf, "used=1\n"));
	free(buf);
	rte_ring_free(r);
}

/* Peek enqueue and dequeue on a ring whose both sides can hold a reservation open. */
static void
check_peek(struct rte_ring *r)
{
	void *in[16], *out[16];
	unsigned int i, fs, av, lap;

	for (i = 0; i < RTE_DIM(in); i++)
		in[i] = OBJ(i);
	for (lap = 0; lap < 5; lap++) {
		/* Reserve 10, publish 6: the other 4 slots are given back. */
		assert_int_equal(rte_ring_enqueue_bulk_start(r, 10, &fs), 10);
		assert_int_equal(fs, 5);
		assert_int_equal(rte_ring_count(r), 0);
		rte_ring_enqueue_finish(r, in, 6);
		assert_int_equal(rte_ring_count(r), 6);
		/* Bulk asks for too much: nothing reserved; burst gets what fits. */
		assert_int_equal(rte_ring_enqueue_bulk_start(r, 10, &fs), 0);
		assert_int_equal(fs, 9);
		assert_int_equal(rte_ring_enqueue_burst_start(r, 12, &fs), 9);
		assert_int_equal(fs, 0);
		rte_ring_enqueue_finish(r, &in[6], 9);
		assert_true(rte_ring_full(r));

		/* Dequeue start copies out without taking. */
		assert_int_equal(rte_ring_dequeue_bulk_start(r, out, 4, &av), 4);
		assert_int_equal(av, 11);
		assert_memory_equal(out, in, 4 * sizeof(void *));
		assert_int_equal(rte_ring_count(r), 15);
		rte_ring_dequeue_finish(r, 1);
		assert_int_equal(rte_ring_count(r), 14);
		/* Finish with more than reserved takes nothing. */
		assert_int_equal(rte_ring_dequeue_burst_start(r, out, 3, NULL), 3);
		assert_ptr_equal(out[0], in[1]);
		rte_ring_dequeue_finish(r, 4);
		assert_int_equal(rte_ring_count(r), 14);
		/* The rest, in order. */
		assert_int_equal(rte_ring_dequeue_burst_start(r, out, 16, &av), 14);
		assert_int_equal(av, 0);
		assert_memory_equal(out, &in[1], 14 * sizeof(void *));
		rte_ring_dequeue_finish(r, 14);
		assert_true(rte_ring_empty(r));
		assert_int_equal(rte_ring_dequeue_bulk_start(r, out, 1, &av), 0);
		/* The ordinary calls work between reservations. */
		assert_int_equal(rte_ring_enqueue(r, in[lap]), 0);
		assert_int_equal(rte_ring_dequeue(r, &out[0]), 0);
		assert_ptr_equal(out[0], in[lap]);
	}
}

static void
test_peek(void **state)
{
	static const unsigned int flags[] = {
		RING_F_SP_ENQ | RING_F_SC_DEQ,
		RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ,
		RING_F_SP_ENQ | RING_F_MC_HTS_DEQ,
		RING_F_MP_HTS_ENQ | RING_F_SC_DEQ,
	};
	uint32_t e_in[6] = { 1, 2, 3, 4, 5, 6 }, e_out[6];
	void *out[4];
	struct rte_ring *r;
	unsigned int i, fs;

	(void)state;
	for (i = 0; i < RTE_DIM(flags); i++) {
		r = rte_ring_create("t_peek", 16, SOCKET_ID_ANY, flags[i]);
		assert_non_null(r);
		check_peek(r);
		rte_ring_free(r);
	}

	/* Element version, 4-byte elements. */
	r = rte_ring_create_elem("t_peek4", 4, 8, SOCKET_ID_ANY,
			RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ);
	assert_non_null(r);
	assert_int_equal(rte_ring_enqueue_burst_elem_start(r, 6, NULL), 6);
	rte_ring_enqueue_elem_finish(r, e_in, 4, 6);
	assert_int_equal(rte_ring_dequeue_bulk_elem_start(r, e_out, 4, 6, NULL), 6);
	assert_memory_equal(e_in, e_out, sizeof(e_in));
	rte_ring_dequeue_elem_finish(r, 6);
	assert_int_equal(rte_ring_enqueue_bulk_elem_start(r, 7, NULL), 7);
	rte_ring_enqueue_elem_finish(r, e_in, 4, 6);
	assert_int_equal(rte_ring_dequeue_burst_elem_start(r, e_out, 4, 7, NULL), 6);
	assert_memory_equal(e_in, e_out, sizeof(e_in));
	rte_ring_dequeue_elem_finish(r, 6);
	rte_ring_free(r);

	/* An MT or RTS side cannot hold a reservation: nothing moves. */
	r = rte_ring_create("t_peek_mt", 16, SOCKET_ID_ANY, RING_F_MC_RTS_DEQ);
	assert_non_null(r);
	assert_int_equal(rte_ring_enqueue_bulk_start(r, 2, &fs), 0);
	rte_ring_enqueue_finish(r, out, 2);
	assert_true(rte_ring_empty(r));
	assert_int_equal(rte_ring_enqueue(r, OBJ(1)), 0);
	assert_int_equal(rte_ring_dequeue_burst_start(r, out, 2, NULL), 0);
	rte_ring_dequeue_finish(r, 1);
	assert_int_equal(rte_ring_count(r), 1);
	rte_ring_free(r);
}

static void
check_zc(struct rte_ring *r)
{
	struct rte_ring_zc_data zcd;
	unsigned int i, k, n, fs, av, lap, next = 0, expect = 0;
	void **slots;

	for (lap = 0; lap < 8; lap++) {
		/* Write 11 in place; capacity 15, so the reservation wraps on some laps. */
		memset(&zcd, 0, sizeof(zcd));
		n = rte_ring_enqueue_zc_burst_start(r, 11, &zcd, &fs);
		assert_int_equal(n, 11);
		assert_int_equal(fs, 4);
		assert_true(zcd.n1 <= n);
		if (zcd.n1 == n)
			assert_null(zcd.ptr2);
		else
			assert_ptr_equal(zcd.ptr2, (void *)&r[1]);
		for (i = 0; i < n; i++) {
			slots = i < zcd.n1 ? (void **)zcd.ptr1 + i : (void **)zcd.ptr2 + (i - zcd.n1);
			*slots = OBJ(next + i);
		}
		/* Publish 10 of the 11. */
		rte_ring_enqueue_zc_finish(r, 10);
		next += 10;
		assert_int_equal(rte_ring_count(r), 10);
		assert_int_equal(rte_ring_enqueue_zc_bulk_start(r, 6, &zcd, &fs), 0);
		assert_int_equal(fs, 5);

		/* Read in place, release 7 then 3. */
		for (k = 0; k < 2; k++) {
			unsigned int want = k == 0 ? 7 : 3;

			n = rte_ring_dequeue_zc_bulk_start(r, want, &zcd, &av);
			assert_int_equal(n, want);
			assert_int_equal(av, 10 - (k == 0 ? 7 : 10));
			for (i = 0; i < n; i++) {
				slots = i < zcd.n1 ? (void **)zcd.ptr1 + i :
					(void **)zcd.ptr2 + (i - zcd.n1);
				assert_ptr_equal(*slots, OBJ(expect + i));
			}
			rte_ring_dequeue_zc_finish(r, n);
			expect += n;
		}
		assert_true(rte_ring_empty(r));
		assert_int_equal(rte_ring_dequeue_zc_burst_start(r, 4, &zcd, &av), 0);
		assert_int_equal(av, 0);
		/* Finishing with more than reserved releases nothing. */
		assert_int_equal(rte_ring_enqueue_zc_bulk_start(r, 1, &zcd, NULL), 1);
		*(void **)zcd.ptr1 = OBJ(next);
		rte_ring_enqueue_zc_finish(r, 1);
		assert_int_equal(rte_ring_dequeue_zc_burst_start(r, 1, &zcd, NULL), 1);
		rte_ring_dequeue_zc_finish(r, 2);
		assert_int_equal(rte_ring_count(r), 1);
		assert_int_equal(rte_ring_dequeue_zc_burst_start(r, 1, &zcd, NULL), 1);
		assert_ptr_equal(*(void **)zcd.ptr1, OBJ(next));
		rte_ring_dequeue_zc_finish(r, 1);
		next++;
		expect++;
	}
}

static void
test_zero_copy(void **state)
{
	struct rte_ring_zc_data zcd;
	uint64_t v[2];
	struct rte_ring *r;
	unsigned int i;

	(void)state;
	r = rte_ring_create("t_zc", 16, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
	assert_non_null(r);
	check_zc(r);
	rte_ring_free(r);
	r = rte_ring_create("t_zc", 16, SOCKET_ID_ANY, RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ);
	assert_non_null(r);
	check_zc(r);
	rte_ring_free(r);

	/* 16-byte elements: the slot addresses step by 16. */
	r = rte_ring_create_elem("t_zc16", 16, 4, SOCKET_ID_ANY,
			RING_F_SP_ENQ | RING_F_SC_DEQ | RING_F_EXACT_SZ);
	assert_non_null(r);
	for (i = 0; i < 6; i++) {
		assert_int_equal(rte_ring_enqueue_zc_bulk_elem_start(r, 16, 3, &zcd, NULL), 3);
		v[0] = i;
		v[1] = i * 3;
		memcpy(zcd.ptr1, v, 16);
		rte_ring_enqueue_zc_elem_finish(r, 1);
		assert_int_equal(rte_ring_dequeue_zc_burst_elem_start(r, 16, 4, &zcd, NULL), 1);
		assert_memory_equal(zcd.ptr1, v, 16);
		assert_null(zcd.ptr2);
		rte_ring_dequeue_zc_elem_finish(r, 1);
	}
	rte_ring_free(r);

	/* MT side: nothing reserved, zcd untouched. */
	r = rte_ring_create("t_zc_mt", 16, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	memset(&zcd, 0xa5, sizeof(zcd));
	assert_int_equal(rte_ring_enqueue_zc_burst_start(r, 2, &zcd, NULL), 0);
	assert_ptr_equal(zcd.ptr1, (void *)(uintptr_t)0xa5a5a5a5a5a5a5a5ULL);
	rte_ring_enqueue_zc_finish(r, 2);
	assert_true(rte_ring_empty(r));
	rte_ring_free(r);
}

int
main(void)
{
	static const char *const args[] = { "test_ring_modes", "--no-huge", "-m", "64", "-l",
		"0", "--file-prefix=test_ring_modes", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mode_flags),
		cmocka_unit_test(test_mode_flag_conflicts),
		cmocka_unit_test(test_htd_max),
		cmocka_unit_test(test_hts_rts_fifo),
		cmocka_unit_test(test_hts_rts_named),
		cmocka_unit_test(test_dump_modes),
		cmocka_unit_test(test_peek),
		cmocka_unit_test(test_zero_copy),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
