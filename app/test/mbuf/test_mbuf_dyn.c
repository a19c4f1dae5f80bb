/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Dynamic mbuf fields and flags, default mempool ops of packet pools, external buffers
 * (attached by hand and pinned pools), and the small inline helpers of rte_mbuf.h.
 */
#include "test_eal_main.h"

#include <limits.h>
#include <stddef.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>
#include <rte_mbuf_pool_ops.h>
#include <rte_mempool.h>

#define DYN_START offsetof(struct rte_mbuf, dynfield1)
#define DYN_END (DYN_START + sizeof(((struct rte_mbuf *)0)->dynfield1))

static struct rte_mbuf_dynfield
field(const char *name, size_t size, size_t align)
{
	struct rte_mbuf_dynfield f;

	memset(&f, 0, sizeof(f));
	snprintf(f.name, sizeof(f.name), "%s", name);
	f.size = size;
	f.align = align;
	return f;
}

static struct rte_mbuf_dynflag
flag(const char *name)
{
	struct rte_mbuf_dynflag f;

	memset(&f, 0, sizeof(f));
	snprintf(f.name, sizeof(f.name), "%s", name);
	return f;
}

static void
expect_field_error(const struct rte_mbuf_dynfield *f, size_t off, int err)
{
	rte_errno = 0;
	if (off == SIZE_MAX)
		assert_int_equal(rte_mbuf_dynfield_register(f), -1);
	else
		assert_int_equal(rte_mbuf_dynfield_register_offset(f, off), -1);
	assert_int_equal(rte_errno, err);
}

static void
test_dynfield(void **state)
{
	struct rte_mbuf_dynfield a = field("test_dyn_a", 4, 4), b = field("test_dyn_b", 8, 8);
	struct rte_mbuf_dynfield c = field("test_dyn_c", 2, 1), bad, got;
	struct rte_mempool *mp;
	struct rte_mbuf *m, *m2;
	int off_a, off_b, off_c, again;

	(void)state;
	off_a = rte_mbuf_dynfield_register(&a);
	assert_true(off_a >= (int)DYN_START && off_a + 4 <= (int)DYN_END);
	assert_int_equal(off_a % 4, 0);
	/* Same name and parameters: the same offset. */
	assert_int_equal(rte_mbuf_dynfield_register(&a), off_a);
	assert_int_equal(rte_mbuf_dynfield_register_offset(&a, (size_t)off_a), off_a);
	off_b = rte_mbuf_dynfield_register(&b);
	assert_true(off_b >= (int)DYN_START && off_b + 8 <= (int)DYN_END);
	assert_int_equal(off_b % 8, 0);
	assert_true(off_b + 8 <= off_a || off_a + 4 <= off_b);
	off_c = rte_mbuf_dynfield_register(&c);
	assert_true(off_c >= 0);

	assert_int_equal(rte_mbuf_dynfield_lookup("test_dyn_b", &got), off_b);
	assert_string_equal(got.name, "test_dyn_b");
	assert_int_equal(got.size, 8);
	assert_int_equal(got.align, 8);
	assert_int_equal(rte_mbuf_dynfield_lookup("test_dyn_b", NULL), off_b);
	rte_errno = 0;
	assert_int_equal(rte_mbuf_dynfield_lookup("test_dyn_none", NULL), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_int_equal(rte_mbuf_dynfield_lookup(NULL, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);

	/* The name with other parameters, or elsewhere. */
	bad = field("test_dyn_a", 8, 4);
	expect_field_error(&bad, SIZE_MAX, EEXIST);
	expect_field_error(&a, (size_t)off_b, EEXIST);
	/* Invalid descriptions. */
	expect_field_error(NULL, SIZE_MAX, EINVAL);
	bad = field("test_dyn_bad", 0, 1);
	expect_field_error(&bad, SIZE_MAX, EINVAL);
	bad = field("test_dyn_bad", 4, 3);
	expect_field_error(&bad, SIZE_MAX, EINVAL);
	bad = field("test_dyn_bad", 4, 4);
	bad.flags = 1;
	expect_field_error(&bad, SIZE_MAX, EINVAL);
	bad = field("", 4, 4);
	expect_field_error(&bad, SIZE_MAX, EINVAL);
	bad = field("x", 4, 4);
	memset(bad.name, 'x', sizeof(bad.name));
	expect_field_error(&bad, SIZE_MAX, ENAMETOOLONG);
	bad = field("test_dyn_bad", 4096, 1);
	expect_field_error(&bad, SIZE_MAX, EINVAL);
	/* Offsets: misaligned, past the mbuf, taken, outside the free area. */
	bad = field("test_dyn_bad", 4, 4);
	expect_field_error(&bad, DYN_START + 2, EINVAL);
	expect_field_error(&bad, sizeof(struct rte_mbuf), EINVAL);
	expect_field_error(&bad, (size_t)off_a, EBUSY);
	expect_field_error(&bad, offsetof(struct rte_mbuf, pkt_len), EBUSY);
	assert_int_equal(rte_mbuf_dynfield_lookup("test_dyn_bad", NULL), -1);

	/* Fill what is left with 1-byte fields, then there is no room. */
	for (again = 0;; again++) {
		char name[32];
		struct rte_mbuf_dynfield f;

		snprintf(name, sizeof(name), "test_dyn_fill%d", again);
		f = field(name, 1, 1);
		if (rte_mbuf_dynfield_register(&f) < 0) {
			assert_int_equal(rte_errno, ENOENT);
			break;
		}
	}
	/* The timestamp field (8 bytes) is registered by test_dynflag, which runs first. */
	assert_int_equal(again, (int)(DYN_END - DYN_START) - 4 - 8 - 2 - 8);

	/* The fields are real bytes of the mbuf, copied by clone. */
	mp = rte_pktmbuf_pool_create("t_dyn_pool", 16, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			SOCKET_ID_ANY);
	assert_non_null(mp);
	m = rte_pktmbuf_alloc(mp);
	assert_non_null(m);
	*RTE_MBUF_DYNFIELD(m, off_a, uint32_t *) = 0x12345678;
	*RTE_MBUF_DYNFIELD(m, off_b, uint64_t *) = 0x1122334455667788ULL;
	m2 = rte_pktmbuf_clone(m, mp);
	assert_non_null(m2);
	assert_int_equal(*RTE_MBUF_DYNFIELD(m2, off_a, uint32_t *), 0x12345678);
	assert_true(*RTE_MBUF_DYNFIELD(m2, off_b, uint64_t *) == 0x1122334455667788ULL);
	rte_pktmbuf_free(m2);
	rte_pktmbuf_free(m);
	rte_mempool_free(mp);

	/* The dump lists the fields, and no free byte is left. */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);

		assert_non_null(f);
		rte_mbuf_dyn_dump(f);
		fclose(f);
		assert_non_null(strstr(buf, "name=test_dyn_b "));
		assert_non_null(strstr(buf, "Free bytes: 0,"));
		free(buf);
	}
}

static void
test_dynflag(void **state)
{
	struct rte_mbuf_dynflag a = flag("test_flag_a"), b = flag("test_flag_b"), bad, got;
	uint64_t rx = 0, tx = 0;
	int bit_a, bit_b, bit, n, off = -1, off2 = -1;

	(void)state;
	bit_a = rte_mbuf_dynflag_register(&a);
	assert_true(bit_a >= 23 && bit_a <= 40);
	assert_int_equal(rte_mbuf_dynflag_register(&a), bit_a);
	assert_int_equal(rte_mbuf_dynflag_register_bitnum(&a, (unsigned int)bit_a), bit_a);
	bit_b = rte_mbuf_dynflag_register_bitnum(&b, 40);
	assert_int_equal(bit_b, 40);
	assert_int_equal(rte_mbuf_dynflag_lookup("test_flag_b", &got), 40);
	assert_string_equal(got.name, "test_flag_b");
	rte_errno = 0;
	assert_int_equal(rte_mbuf_dynflag_lookup("test_flag_none", NULL), -1);
	assert_int_equal(rte_errno, ENOENT);

	/* Errors. */
	rte_errno = 0;
	assert_int_equal(rte_mbuf_dynflag_register_bitnum(&a, 40), -1);
	assert_int_equal(rte_errno, EEXIST);
	bad = flag("test_flag_bad");
	rte_errno = 0;
	assert_int_equal(rte_mbuf_dynflag_register_bitnum(&bad, 40), -1);
	assert_int_equal(rte_errno, EBUSY);
	rte_errno = 0;
	assert_int_equal(rte_mbuf_dynflag_register_bitnum(&bad, 0), -1); /* RX_VLAN's bit */
	assert_int_equal(rte_errno, EBUSY);
	rte_errno = 0;
	assert_int_equal(rte_mbuf_dynflag_register_bitnum(&bad, 64), -1);
	assert_int_equal(rte_errno, EINVAL);
	bad.flags = 1;
	rte_errno = 0;
	assert_int_equal(rte_mbuf_dynflag_register(&bad), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mbuf_dynflag_register(NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_mbuf_dynflag_lookup("test_flag_bad", NULL), -1);

	/* The timestamp helpers: one field, two flags, the same answers every time. */
	assert_int_equal(rte_mbuf_dyn_rx_timestamp_register(&off, &rx), 0);
	assert_int_equal(rte_mbuf_dyn_tx_timestamp_register(&off2, &tx), 0);
	assert_int_equal(off, off2);
	assert_int_equal(off % 8, 0);
	assert_true(rx != 0 && tx != 0 && rx != tx);
	assert_int_equal(rte_mbuf_dynfield_lookup(RTE_MBUF_DYNFIELD_TIMESTAMP_NAME, NULL), off);
	assert_true(rx == UINT64_C(1) << rte_mbuf_dynflag_lookup(
		RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME, NULL));
	assert_int_equal(rte_mbuf_dyn_rx_timestamp_register(NULL, NULL), 0);

	/* Use up the free bits: then ENOENT. */
	for (n = 0;; n++) {
		char name[32];

		snprintf(name, sizeof(name), "test_flag_fill%d", n);
		bad = flag(name);
		bit = rte_mbuf_dynflag_register(&bad);
		if (bit < 0) {
			assert_int_equal(rte_errno, ENOENT);
			break;
		}
		assert_true(bit >= 23 && bit <= 40);
	}
	assert_int_equal(n, 18 - 4);
}

static void
test_pool_ops_names(void **state)
{
	struct rte_mempool *mp;
	char longname[RTE_MEMPOOL_OPS_NAMESIZE + 1];

	(void)state;
	/* Nothing chosen: the default. */
	assert_null(rte_mbuf_platform_mempool_ops());
	assert_null(rte_mbuf_user_mempool_ops());
	assert_string_equal(rte_mbuf_best_mempool_ops(), RTE_MBUF_DEFAULT_MEMPOOL_OPS);

	memset(longname, 'o', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(rte_mbuf_set_platform_mempool_ops(NULL), -EINVAL);
	assert_int_equal(rte_mbuf_set_platform_mempool_ops(longname), -ENAMETOOLONG);
	assert_int_equal(rte_mbuf_set_user_mempool_ops(NULL), -EINVAL);
	assert_int_equal(rte_mbuf_set_user_mempool_ops(longname), -ENAMETOOLONG);
	assert_null(rte_mbuf_platform_mempool_ops());

	/* The platform's, set once. */
	assert_int_equal(rte_mbuf_set_platform_mempool_ops("ring_sp_sc"), 0);
	assert_int_equal(rte_mbuf_set_platform_mempool_ops("ring_sp_sc"), 0);
	assert_int_equal(rte_mbuf_set_platform_mempool_ops("ring_mp_sc"), -EEXIST);
	assert_string_equal(rte_mbuf_platform_mempool_ops(), "ring_sp_sc");
	assert_string_equal(rte_mbuf_best_mempool_ops(), "ring_sp_sc");
	mp = rte_pktmbuf_pool_create("t_ops_plat", 16, 0, 0, 256, SOCKET_ID_ANY);
	assert_non_null(mp);
	assert_string_equal(rte_mempool_get_ops(mp->ops_index)->name, "ring_sp_sc");
	rte_mempool_free(mp);

	/* The user's come first and may change. */
	assert_int_equal(rte_mbuf_set_user_mempool_ops("ring_mt_hts"), 0);
	assert_string_equal(rte_mbuf_user_mempool_ops(), "ring_mt_hts");
	assert_string_equal(rte_mbuf_best_mempool_ops(), "ring_mt_hts");
	mp = rte_pktmbuf_pool_create("t_ops_user", 16, 0, 0, 256, SOCKET_ID_ANY);
	assert_non_null(mp);
	assert_string_equal(rte_mempool_get_ops(mp->ops_index)->name, "ring_mt_hts");
	rte_mempool_free(mp);
	assert_int_equal(rte_mbuf_set_user_mempool_ops("ring_mp_mc"), 0);
	assert_string_equal(rte_mbuf_best_mempool_ops(), "ring_mp_mc");
	/* An explicit name wins over both. */
	mp = rte_pktmbuf_pool_create_by_ops("t_ops_expl", 16, 0, 0, 256, SOCKET_ID_ANY,
			"ring_mt_rts");
	assert_non_null(mp);
	assert_string_equal(rte_mempool_get_ops(mp->ops_index)->name, "ring_mt_rts");
	rte_mempool_free(mp);
	/* Unknown ops: refused. */
	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create_by_ops("t_ops_bad", 16, 0, 0, 256, SOCKET_ID_ANY,
			"no_such_ops"));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_mempool_lookup("t_ops_bad"));
}

static unsigned int ext_frees;

static void
count_ext_free(void *addr, void *opaque)
{
	(void)addr;
	(void)opaque;
	ext_frees++;
}

static void
test_attach_extbuf(void **state)
{
	struct rte_mbuf_ext_shared_info *shinfo;
	struct rte_mempool *mp;
	struct rte_mbuf *m, *clone;
	uint16_t len = 1000;
	char *buf;

	(void)state;
	buf = rte_malloc(NULL, len, 64);
	assert_non_null(buf);
	shinfo = rte_pktmbuf_ext_shinfo_init_helper(buf, &len, count_ext_free, NULL);
	assert_non_null(shinfo);
	assert_true(len < 1000 && (char *)shinfo >= buf + len);
	assert_int_equal(rte_mbuf_ext_refcnt_read(shinfo), 1);
	/* Too small for the shared information. */
	{
		uint16_t tiny = 8;

		assert_null(rte_pktmbuf_ext_shinfo_init_helper(buf, &tiny, count_ext_free, NULL));
	}

	mp = rte_pktmbuf_pool_create("t_ext_pool", 16, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			SOCKET_ID_ANY);
	assert_non_null(mp);
	m = rte_pktmbuf_alloc(mp);
	assert_non_null(m);
	ext_frees = 0;
	rte_pktmbuf_attach_extbuf(m, buf, rte_malloc_virt2iova(buf), len, shinfo);
	assert_true(RTE_MBUF_HAS_EXTBUF(m));
	assert_false(RTE_MBUF_DIRECT(m));
	assert_false(RTE_MBUF_HAS_PINNED_EXTBUF(m));
	assert_ptr_equal(m->buf_addr, buf);
	assert_int_equal(m->data_off, 0);
	assert_int_equal(m->buf_len, len);
	assert_non_null(rte_pktmbuf_append(m, 100));
	assert_ptr_equal(rte_pktmbuf_mtod(m, char *), buf);

	/* A clone shares the buffer: it goes only when both are freed. */
	clone = rte_pktmbuf_clone(m, mp);
	assert_non_null(clone);
	assert_int_equal(rte_mbuf_ext_refcnt_read(shinfo), 2);
	assert_ptr_equal(rte_pktmbuf_mtod(clone, char *), buf);
	rte_pktmbuf_free(m);
	assert_int_equal(ext_frees, 0);
	rte_pktmbuf_free(clone);
	assert_int_equal(ext_frees, 1);

	/* Detaching gives the mbuf its own buffer back. */
	len = 1000;
	shinfo = rte_pktmbuf_ext_shinfo_init_helper(buf, &len, count_ext_free, NULL);
	m = rte_pktmbuf_alloc(mp);
	assert_non_null(m);
	rte_pktmbuf_attach_extbuf(m, buf, RTE_BAD_IOVA, len, shinfo);
	rte_pktmbuf_detach_extbuf(m);
	assert_int_equal(ext_frees, 2);
	assert_true(RTE_MBUF_DIRECT(m));
	assert_ptr_equal(m->buf_addr, rte_mbuf_to_baddr(m));
	assert_ptr_equal(rte_pktmbuf_mtod(m, char *), rte_mbuf_data_addr_default(m));
	rte_pktmbuf_free(m);
	assert_true(rte_mempool_full(mp));
	rte_mempool_free(mp);
	rte_free(buf);
}

static void
test_pinned_pool(void **state)
{
	struct rte_pktmbuf_extmem ext[2];
	struct rte_mempool *mp, *clones;
	struct rte_mbuf *m[12], *c;
	char *area;
	unsigned int i, j;

	(void)state;
	area = rte_malloc(NULL, 2 * 8 * 2048, 4096);
	assert_non_null(area);
	/* Two areas of 6 and 8 buffers of 2048 bytes (the first one is cut short). */
	ext[0].buf_ptr = area;
	ext[0].buf_iova = rte_malloc_virt2iova(area);
	ext[0].buf_len = 6 * 2048 + 100;
	ext[0].elt_size = 2048;
	ext[1].buf_ptr = area + 8 * 2048;
	ext[1].buf_iova = RTE_BAD_IOVA;
	ext[1].buf_len = 8 * 2048;
	ext[1].elt_size = 2048;

	/* Errors: nothing created. */
	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create_extbuf("t_pinned", 15, 0, 0, 2048, SOCKET_ID_ANY,
			ext, 2));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create_extbuf("t_pinned", 4, 0, 0, 4096, SOCKET_ID_ANY,
			ext, 2));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create_extbuf("t_pinned", 4, 0, 0, 2048, SOCKET_ID_ANY,
			NULL, 2));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create_extbuf("t_pinned", 4, 0, 3, 2048, SOCKET_ID_ANY,
			ext, 2));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_mempool_lookup("t_pinned"));

	mp = rte_pktmbuf_pool_create_extbuf("t_pinned", 12, 0, 16, 2048, SOCKET_ID_ANY, ext, 2);
	assert_non_null(mp);
	assert_true(rte_pktmbuf_priv_flags(mp) & RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF);
	assert_int_equal(rte_pktmbuf_data_room_size(mp), 2048);
	assert_int_equal(rte_pktmbuf_priv_size(mp), 16);
	assert_int_equal(rte_pktmbuf_alloc_bulk(mp, m, 12), 0);
	for (i = 0; i < 12; i++) {
		assert_true(RTE_MBUF_HAS_EXTBUF(m[i]));
		assert_true(RTE_MBUF_HAS_PINNED_EXTBUF(m[i]));
		assert_true((char *)m[i]->buf_addr >= area &&
			(char *)m[i]->buf_addr < area + 2 * 8 * 2048);
		assert_int_equal(((uintptr_t)m[i]->buf_addr - (uintptr_t)area) % 2048, 0);
		for (j = 0; j < i; j++)
			assert_ptr_not_equal(m[i]->buf_addr, m[j]->buf_addr);
		if ((char *)m[i]->buf_addr >= area + 8 * 2048)
			assert_true(rte_mbuf_iova_get(m[i]) == RTE_BAD_IOVA);
		assert_int_equal(m[i]->data_off, RTE_PKTMBUF_HEADROOM);
		memset(rte_pktmbuf_append(m[i], 1000), (int)i, 1000);
	}
	/* Freed, an mbuf keeps its buffer: the next allocation has it again. */
	{
		void *addr = m[0]->buf_addr;

		rte_pktmbuf_free(m[0]);
		m[0] = rte_pktmbuf_alloc(mp);
		assert_non_null(m[0]);
		assert_ptr_equal(m[0]->buf_addr, addr);
		assert_true(RTE_MBUF_HAS_EXTBUF(m[0]));
		assert_int_equal(m[0]->data_len, 0);
	}
	/* A clone holds the pinned mbuf out of its pool until the clone goes. */
	clones = rte_pktmbuf_pool_create("t_pinned_cl", 4, 0, 0, 0, SOCKET_ID_ANY);
	assert_non_null(clones);
	c = rte_pktmbuf_clone(m[1], clones);
	assert_non_null(c);
	assert_int_equal(rte_mbuf_ext_refcnt_read(m[1]->shinfo), 2);
	rte_pktmbuf_free(m[1]);
	assert_int_equal(rte_mempool_avail_count(mp), 0);
	assert_int_equal(*rte_pktmbuf_mtod(c, uint8_t *), 1);
	rte_pktmbuf_free(c);
	assert_int_equal(rte_mempool_avail_count(mp), 1);
	assert_int_equal(rte_mempool_avail_count(clones), 4);
	for (i = 0; i < 12; i++)
		if (i != 1)
			rte_pktmbuf_free(m[i]);
	assert_true(rte_mempool_full(mp));
	rte_mempool_free(clones);
	rte_mempool_free(mp);
	rte_free(area);
}

static void
test_inline_helpers(void **state)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m;
	uint32_t q;
	uint8_t tc, color;

	(void)state;
	mp = rte_pktmbuf_pool_create("t_helpers", 8, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			SOCKET_ID_ANY);
	assert_non_null(mp);
	m = rte_pktmbuf_alloc(mp);
	assert_non_null(m);
	MBUF_RAW_ALLOC_CHECK(m);
	RTE_MBUF_PREFETCH_TO_FREE(m);

	rte_mbuf_iova_set(m, 0x1234000);
	assert_true(rte_mbuf_iova_get(m) == 0x1234000);

	rte_mbuf_sched_set(m, 7, 3, 2);
	assert_int_equal(rte_mbuf_sched_queue_get(m), 7);
	assert_int_equal(rte_mbuf_sched_traffic_class_get(m), 3);
	assert_int_equal(rte_mbuf_sched_color_get(m), 2);
	rte_mbuf_sched_queue_set(m, 9);
	rte_mbuf_sched_traffic_class_set(m, 1);
	rte_mbuf_sched_color_set(m, 0);
	rte_mbuf_sched_get(m, &q, &tc, &color);
	assert_int_equal(q, 9);
	assert_int_equal(tc, 1);
	assert_int_equal(color, 0);

	m->tx_offload = rte_mbuf_tx_offload(14, 20, 20, 1400, 20, 14, 0);
	assert_int_equal(m->l2_len, 14);
	assert_int_equal(m->l3_len, 20);
	assert_int_equal(m->l4_len, 20);
	assert_int_equal(m->tso_segsz, 1400);
	assert_int_equal(m->outer_l3_len, 20);
	assert_int_equal(m->outer_l2_len, 14);

	m->ol_flags = 0;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	m->ol_flags = RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_IPV6;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->ol_flags = RTE_MBUF_F_TX_TCP_CKSUM;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->ol_flags = RTE_MBUF_F_TX_TCP_CKSUM | RTE_MBUF_F_TX_IPV4;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	m->ol_flags = RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->ol_flags |= RTE_MBUF_F_TX_IP_CKSUM;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	m->tso_segsz = 0;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->ol_flags = RTE_MBUF_F_TX_OUTER_IP_CKSUM;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->ol_flags |= RTE_MBUF_F_TX_OUTER_IPV4;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	m->ol_flags = 0;

	assert_ptr_equal(rte_mbuf_data_addr_default(m),
		(char *)m + sizeof(*m) + RTE_PKTMBUF_HEADROOM);
	assert_int_equal(rte_pktmbuf_priv_flags(mp), 0);
	rte_pktmbuf_free(m);
	rte_mempool_free(mp);
}

int
main(void)
{
	static const char *const args[] = { "test_mbuf_dyn", "--no-huge", "-m", "128", "-l",
		"0", "--file-prefix=test_mbuf_dyn", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dynflag),
		cmocka_unit_test(test_dynfield),
		cmocka_unit_test(test_pool_ops_names),
		cmocka_unit_test(test_attach_extbuf),
		cmocka_unit_test(test_pinned_pool),
		cmocka_unit_test(test_inline_helpers),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
