/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reorder buffer: parameter errors, registration by name, shuffled input drained in order,
 * late and early packets, a full ready ring, the wrap of the 32-bit sequence number, and that
 * reset and free give every held packet back to its pool.
 */
#include "test_eal_main.h"

#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_reorder.h>

#define NB_MBUF 512

static struct rte_mempool *pool;

static int
setup(void **state)
{
	(void)state;
	pool = rte_pktmbuf_pool_create("reorder_pool", NB_MBUF, 0, 0, 256, SOCKET_ID_ANY);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	return 0;
}

static struct rte_mbuf *
pkt(uint32_t seqn)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);

	assert_non_null(m);
	*rte_reorder_seqn(m) = seqn;
	return m;
}

static void
free_all(struct rte_mbuf **m, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		rte_pktmbuf_free(m[i]);
}

static void
test_errors(void **state)
{
	struct rte_reorder_buffer *b;
	char mem[4096];

	(void)state;
	rte_errno = 0;
	assert_null(rte_reorder_create(NULL, SOCKET_ID_ANY, 8));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_reorder_create("bad", SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_reorder_create("bad", SOCKET_ID_ANY, 12));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_reorder_find_existing("bad"));
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_reorder_find_existing(NULL));
	assert_int_equal(rte_errno, EINVAL);

	rte_errno = 0;
	assert_null(rte_reorder_init(NULL, sizeof(mem), "x", 8));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_reorder_init((void *)mem, sizeof(mem), NULL, 8));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_reorder_init((void *)mem, sizeof(mem), "x", 6));
	assert_int_equal(rte_errno, EINVAL);
	/* too small for two arrays of 8 pointers */
	rte_errno = 0;
	assert_null(rte_reorder_init((void *)mem, 2 * 8 * sizeof(void *), "x", 8));
	assert_int_equal(rte_errno, EINVAL);

	rte_reorder_free(NULL);
	rte_reorder_reset(NULL);
	assert_int_equal(rte_reorder_drain(NULL, NULL, 4), 0);
	rte_errno = 0;
	assert_int_equal(rte_reorder_insert(NULL, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);

	/* nothing was registered by the failures */
	b = rte_reorder_create("ok", SOCKET_ID_ANY, 8);
	assert_non_null(b);
	assert_null(rte_reorder_find_existing("bad"));
	rte_reorder_free(b);
}

static void
test_create_find_free(void **state)
{
	struct rte_reorder_buffer *a, *b, *c;
	struct rte_reorder_buffer *mine;
	char long_name[64];
	void *mem;

	(void)state;
	a = rte_reorder_create("ro_a", SOCKET_ID_ANY, 16);
	assert_non_null(a);
	assert_true(rte_reorder_seqn_dynfield_offset > 0);
	b = rte_reorder_create("ro_b", 0, 1);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	/* the same name again gives the buffer that exists */
	assert_ptr_equal(rte_reorder_create("ro_a", SOCKET_ID_ANY, 64), a);
	assert_ptr_equal(rte_reorder_find_existing("ro_a"), a);
	assert_ptr_equal(rte_reorder_find_existing("ro_b"), b);

	/* names are cut to 31 characters */
	memset(long_name, 'n', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	c = rte_reorder_create(long_name, SOCKET_ID_ANY, 4);
	assert_non_null(c);
	long_name[31] = '\0';
	assert_ptr_equal(rte_reorder_find_existing(long_name), c);
	rte_reorder_free(c);

	rte_reorder_free(a);
	rte_errno = 0;
	assert_null(rte_reorder_find_existing("ro_a"));
	assert_int_equal(rte_errno, ENOENT);
	assert_ptr_equal(rte_reorder_find_existing("ro_b"), b);
	rte_reorder_free(b);
	assert_null(rte_reorder_find_existing("ro_b"));

	/* a buffer in the caller's memory is not registered, and free leaves it alone */
	mem = rte_zmalloc(NULL, 4096, 0);
	assert_non_null(mem);
	mine = rte_reorder_init(mem, 4096, "ro_mine", 8);
	assert_ptr_equal(mine, mem);
	assert_null(rte_reorder_find_existing("ro_mine"));
	rte_reorder_free(mine);
	assert_int_equal(rte_reorder_insert(mine, pkt(3)), 0);
	{
		struct rte_mbuf *out[2];

		assert_int_equal(rte_reorder_drain(mine, out, 2), 1);
		assert_int_equal(*rte_reorder_seqn(out[0]), 3);
		free_all(out, 1);
	}
	rte_free(mem);
}

/* Insert count packets from first, shuffled within blocks of block, and drain them all. */
static void
run_shuffled(struct rte_reorder_buffer *b, uint32_t first, unsigned int count,
		unsigned int block)
{
	struct rte_mbuf *out[64];
	unsigned int i, j, k, got = 0;
	uint32_t perm[64];

	srand(7);
	for (i = 0; i < count; i += block) {
		for (j = 0; j < block; j++)
			perm[j] = j;
		for (j = block - 1; j > 0; j--) {
			uint32_t t;

			k = (unsigned int)rand() % (j + 1);
			t = perm[j];
			perm[j] = perm[k];
			perm[k] = t;
		}
		/* the very first packet inserted fixes the start of the window */
		if (i == 0)
			for (j = 0; j < block; j++)
				if (perm[j] == 0) {
					perm[j] = perm[0];
					perm[0] = 0;
				}
		for (j = 0; j < block; j++)
			assert_int_equal(rte_reorder_insert(b, pkt(first + i + perm[j])), 0);
		/* a block is complete: everything comes out, in order */
		k = rte_reorder_drain(b, out, RTE_DIM(out));
		assert_int_equal(k, block);
		for (j = 0; j < k; j++)
			assert_int_equal(*rte_reorder_seqn(out[j]), (uint32_t)(first + got + j));
		got += k;
		free_all(out, k);
	}
	assert_int_equal(got, count);
}

static void
test_shuffled(void **state)
{
	struct rte_reorder_buffer *b;

	(void)state;
	b = rte_reorder_create("ro_shuffle", SOCKET_ID_ANY, 32);
	assert_non_null(b);
	run_shuffled(b, 1000, 320, 32);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
	rte_reorder_free(b);
}

static void
test_wrap(void **state)
{
	struct rte_reorder_buffer *b;

	(void)state;
	b = rte_reorder_create("ro_wrap", SOCKET_ID_ANY, 16);
	assert_non_null(b);
	/* 0xfffffff8 .. 0x37: the sequence wraps in the middle of a block */
	run_shuffled(b, UINT32_MAX - 7, 64, 16);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
	rte_reorder_free(b);
}

static void
test_gaps_late_early(void **state)
{
	struct rte_reorder_buffer *b;
	struct rte_mbuf *out[16], *m;
	unsigned int n;

	(void)state;
	b = rte_reorder_create("ro_gaps", SOCKET_ID_ANY, 4);
	assert_non_null(b);
	/* the first packet sets the start of the window */
	assert_int_equal(rte_reorder_insert(b, pkt(10)), 0);
	assert_int_equal(rte_reorder_insert(b, pkt(12)), 0);
	n = rte_reorder_drain(b, out, 16);
	assert_int_equal(n, 1);
	assert_int_equal(*rte_reorder_seqn(out[0]), 10);
	free_all(out, n);
	/* 11 is missing, 12 waits */
	assert_int_equal(rte_reorder_drain(b, out, 16), 0);

	/* late: 10 was already drained */
	m = pkt(10);
	rte_errno = 0;
	assert_int_equal(rte_reorder_insert(b, m), -1);
	assert_int_equal(rte_errno, ERANGE);
	/* early: 11 + 2 * 4 is more than a window ahead */
	*rte_reorder_seqn(m) = 19;
	rte_errno = 0;
	assert_int_equal(rte_reorder_insert(b, m), -1);
	assert_int_equal(rte_errno, ERANGE);
	rte_pktmbuf_free(m);

	/* 16 is beyond the window 11..14: it slides to 13..16, 12 goes to the ready ring */
	assert_int_equal(rte_reorder_insert(b, pkt(16)), 0);
	/* 11 is now late: the reader gave up waiting for it */
	m = pkt(11);
	rte_errno = 0;
	assert_int_equal(rte_reorder_insert(b, m), -1);
	assert_int_equal(rte_errno, ERANGE);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_reorder_insert(b, pkt(13)), 0);
	n = rte_reorder_drain(b, out, 1);
	assert_int_equal(n, 1);
	assert_int_equal(*rte_reorder_seqn(out[0]), 12);
	free_all(out, n);
	n = rte_reorder_drain(b, out, 16);
	assert_int_equal(n, 1);
	assert_int_equal(*rte_reorder_seqn(out[0]), 13);
	free_all(out, n);
	assert_int_equal(rte_reorder_insert(b, pkt(15)), 0);
	assert_int_equal(rte_reorder_insert(b, pkt(14)), 0);
	n = rte_reorder_drain(b, out, 16);
	assert_int_equal(n, 3);
	assert_int_equal(*rte_reorder_seqn(out[0]), 14);
	assert_int_equal(*rte_reorder_seqn(out[1]), 15);
	assert_int_equal(*rte_reorder_seqn(out[2]), 16);
	free_all(out, n);
	rte_reorder_free(b);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

static void
test_ready_full(void **state)
{
	struct rte_reorder_buffer *b;
	struct rte_mbuf *out[16], *m;
	unsigned int i, n;

	(void)state;
	b = rte_reorder_create("ro_full", SOCKET_ID_ANY, 4);
	assert_non_null(b);
	/* window 0..3 full */
	for (i = 0; i < 4; i++)
		assert_int_equal(rte_reorder_insert(b, pkt(i)), 0);
	/* 4 slides the window: 0..3 are all ready, window 4..7 */
	assert_int_equal(rte_reorder_insert(b, pkt(4)), 0);
	/* 8 needs 4 to leave the window, but the ready ring holds 4 packets already */
	m = pkt(8);
	rte_errno = 0;
	assert_int_equal(rte_reorder_insert(b, m), -1);
	assert_int_equal(rte_errno, ENOSPC);
	/* 12 is more than a window past 4..7 */
	*rte_reorder_seqn(m) = 12;
	rte_errno = 0;
	assert_int_equal(rte_reorder_insert(b, m), -1);
	assert_int_equal(rte_errno, ERANGE);
	/* the failures changed nothing */
	n = rte_reorder_drain(b, out, 16);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++)
		assert_int_equal(*rte_reorder_seqn(out[i]), i);
	free_all(out, n);
	/* after a drain the insert that failed goes in */
	*rte_reorder_seqn(m) = 8;
	assert_int_equal(rte_reorder_insert(b, m), 0);
	assert_int_equal(rte_reorder_drain(b, out, 16), 0);
	rte_reorder_free(b);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

static void
test_reset(void **state)
{
	struct rte_reorder_buffer *b;
	struct rte_mbuf *out[8];
	unsigned int i;

	(void)state;
	b = rte_reorder_create("ro_reset", SOCKET_ID_ANY, 8);
	assert_non_null(b);
	for (i = 0; i < 8; i++)
		assert_int_equal(rte_reorder_insert(b, pkt(100 + i)), 0);
	assert_int_equal(rte_reorder_insert(b, pkt(110)), 0); /* 100..107 to the ready ring */
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF - 9);
	rte_reorder_reset(b);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
	assert_ptr_equal(rte_reorder_find_existing("ro_reset"), b);
	assert_int_equal(rte_reorder_drain(b, out, 8), 0);
	/* a new start: 5 is the first sequence number */
	assert_int_equal(rte_reorder_insert(b, pkt(5)), 0);
	assert_int_equal(rte_reorder_drain(b, out, 8), 1);
	assert_int_equal(*rte_reorder_seqn(out[0]), 5);
	free_all(out, 1);
	/* free releases what is still held */
	assert_int_equal(rte_reorder_insert(b, pkt(8)), 0);
	assert_int_equal(rte_reorder_insert(b, pkt(7)), 0);
	rte_reorder_free(b);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

int
main(void)
{
	static const char *const args[] = { "test_reorder", "--no-huge", "-m", "64", "-l", "0",
		"--no-pci", "--file-prefix=test_reorder", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_create_find_free),
		cmocka_unit_test(test_shuffled),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_gaps_late_early),
		cmocka_unit_test(test_ready_full),
		cmocka_unit_test(test_reset),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, setup, teardown);
}
