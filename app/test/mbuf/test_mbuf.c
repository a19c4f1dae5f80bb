/* SPDX-License-Identifier: BSD-3-Clause */
/* Packet mbufs: pool creation, every helper's edges, chains, clones and reference counts. */
#include "test_eal_main.h"

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define NB_MBUF 64
#define PRIV 16

static struct rte_mempool *pool;       /* direct mbufs */
static struct rte_mempool *clone_pool; /* mbufs used for clones */

static int
setup(void **state)
{
	(void)state;
	pool = rte_pktmbuf_pool_create("t_mbuf_pool", NB_MBUF, 0, PRIV,
			RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	clone_pool = rte_pktmbuf_pool_create("t_mbuf_clone", 4, 0, 0, 0, SOCKET_ID_ANY);
	return pool == NULL || clone_pool == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	rte_mempool_free(clone_pool);
	return 0;
}

/* A single-segment mbuf holding len bytes of value v + i. */
static struct rte_mbuf *
make_seg(uint16_t len, uint8_t v)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);
	char *p;
	uint16_t i;

	assert_non_null(m);
	p = rte_pktmbuf_append(m, len);
	assert_non_null(p);
	for (i = 0; i < len; i++)
		p[i] = (char)(v + i);
	return m;
}

/* Snapshot of the fields a failed helper must leave alone. */
struct snap {
	uint16_t data_off, data_len, nb_segs;
	uint32_t pkt_len;
};

static void
take(struct snap *s, const struct rte_mbuf *m)
{
	s->data_off = m->data_off;
	s->data_len = m->data_len;
	s->nb_segs = m->nb_segs;
	s->pkt_len = m->pkt_len;
}

static void
same(const struct snap *s, const struct rte_mbuf *m)
{
	assert_int_equal(s->data_off, m->data_off);
	assert_int_equal(s->data_len, m->data_len);
	assert_int_equal(s->nb_segs, m->nb_segs);
	assert_int_equal(s->pkt_len, m->pkt_len);
}

static void
test_pool_and_alloc(void **state)
{
	struct rte_mbuf *m;
	unsigned int avail;

	(void)state;
	assert_ptr_equal(rte_mempool_lookup("t_mbuf_pool"), pool);
	assert_int_equal(rte_pktmbuf_data_room_size(pool), RTE_MBUF_DEFAULT_BUF_SIZE);
	assert_int_equal(rte_pktmbuf_priv_size(pool), PRIV);
	assert_int_equal(RTE_MBUF_DEFAULT_BUF_SIZE, 2048 + RTE_PKTMBUF_HEADROOM);
	avail = rte_mempool_avail_count(pool);
	assert_int_equal(avail, NB_MBUF);

	m = rte_pktmbuf_alloc(pool);
	assert_non_null(m);
	assert_int_equal(rte_mempool_avail_count(pool), avail - 1);
	assert_ptr_equal(m->pool, pool);
	assert_null(m->next);
	assert_int_equal(m->nb_segs, 1);
	assert_int_equal(rte_mbuf_refcnt_read(m), 1);
	assert_int_equal(m->port, RTE_MBUF_PORT_INVALID);
	assert_int_equal(m->ol_flags, 0);
	assert_int_equal(m->pkt_len, 0);
	assert_int_equal(m->data_len, 0);
	assert_int_equal(m->buf_len, RTE_MBUF_DEFAULT_BUF_SIZE);
	assert_int_equal(m->priv_size, PRIV);
	assert_int_equal(rte_pktmbuf_headroom(m), RTE_PKTMBUF_HEADROOM);
	assert_int_equal(rte_pktmbuf_tailroom(m), RTE_MBUF_DEFAULT_BUF_SIZE -
		RTE_PKTMBUF_HEADROOM);
	assert_ptr_equal(m->buf_addr, (char *)m + sizeof(*m) + PRIV);
	assert_ptr_equal(rte_mbuf_to_priv(m), (char *)m + sizeof(*m));
	assert_ptr_equal(rte_mbuf_to_baddr(m), m->buf_addr);
	assert_ptr_equal(rte_pktmbuf_mtod(m, char *), (char *)m->buf_addr + RTE_PKTMBUF_HEADROOM);
	assert_ptr_equal(rte_pktmbuf_mtod_offset(m, char *, 5),
		(char *)m->buf_addr + RTE_PKTMBUF_HEADROOM + 5);
	assert_true(m->buf_iova != RTE_BAD_IOVA);
	assert_int_equal(rte_mbuf_data_iova(m), m->buf_iova + RTE_PKTMBUF_HEADROOM);
	assert_int_equal(rte_mbuf_data_iova_default(m), m->buf_iova + RTE_PKTMBUF_HEADROOM);
	assert_true(rte_pktmbuf_is_contiguous(m));
	rte_mbuf_sanity_check(m, 1);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_mempool_avail_count(pool), avail);
	rte_pktmbuf_free(NULL);

	/* Private size must keep the buffer aligned. */
	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create("t_mbuf_bad", 16, 0, 3, 256, SOCKET_ID_ANY));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_mempool_lookup("t_mbuf_bad"));
	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create("t_mbuf_pool", 16, 0, 0, 256, SOCKET_ID_ANY));
	assert_int_equal(rte_errno, EEXIST);
	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create_by_ops("t_mbuf_ops", 16, 0, 0, 256, SOCKET_ID_ANY,
			"no_such_ops"));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_mempool_lookup("t_mbuf_ops"));
}

static void
test_append_prepend_adj_trim(void **state)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);
	uint16_t tail;
	struct snap s;
	char *p, *q;

	(void)state;
	assert_non_null(m);
	tail = rte_pktmbuf_tailroom(m);

	/* Past the tailroom: NULL, nothing changed. */
	take(&s, m);
	assert_null(rte_pktmbuf_append(m, (uint16_t)(tail + 1)));
	same(&s, m);
	p = rte_pktmbuf_append(m, 100);
	assert_ptr_equal(p, rte_pktmbuf_mtod(m, char *));
	assert_int_equal(m->data_len, 100);
	assert_int_equal(m->pkt_len, 100);
	q = rte_pktmbuf_append(m, (uint16_t)(tail - 100));
	assert_ptr_equal(q, p + 100);
	assert_int_equal(rte_pktmbuf_tailroom(m), 0);
	take(&s, m);
	assert_null(rte_pktmbuf_append(m, 1));
	same(&s, m);

	/* Past the headroom: NULL, nothing changed. */
	assert_null(rte_pktmbuf_prepend(m, RTE_PKTMBUF_HEADROOM + 1));
	same(&s, m);
	p = rte_pktmbuf_prepend(m, 14);
	assert_ptr_equal(p, rte_pktmbuf_mtod(m, char *));
	assert_int_equal(m->data_off, RTE_PKTMBUF_HEADROOM - 14);
	assert_int_equal(m->pkt_len, (uint32_t)tail + 14);
	assert_non_null(rte_pktmbuf_prepend(m, RTE_PKTMBUF_HEADROOM - 14));
	assert_int_equal(rte_pktmbuf_headroom(m), 0);
	take(&s, m);
	assert_null(rte_pktmbuf_prepend(m, 1));
	same(&s, m);

	/* adj/trim: past the length fails and changes nothing. */
	rte_pktmbuf_reset(m);
	assert_non_null(rte_pktmbuf_append(m, 50));
	take(&s, m);
	assert_null(rte_pktmbuf_adj(m, 51));
	same(&s, m);
	assert_int_equal(rte_pktmbuf_trim(m, 51), -1);
	same(&s, m);
	p = rte_pktmbuf_mtod(m, char *);
	assert_ptr_equal(rte_pktmbuf_adj(m, 10), p + 10);
	assert_int_equal(m->data_len, 40);
	assert_int_equal(m->pkt_len, 40);
	assert_int_equal(rte_pktmbuf_headroom(m), RTE_PKTMBUF_HEADROOM + 10);
	assert_int_equal(rte_pktmbuf_trim(m, 15), 0);
	assert_int_equal(m->data_len, 25);
	assert_int_equal(m->pkt_len, 25);
	assert_non_null(rte_pktmbuf_adj(m, 25));
	assert_int_equal(m->pkt_len, 0);
	assert_int_equal(rte_pktmbuf_trim(m, 0), 0);
	assert_int_equal(rte_pktmbuf_trim(m, 1), -1);

	/* reset brings back the defaults. */
	m->port = 3;
	m->ol_flags = RTE_MBUF_F_RX_VLAN;
	m->vlan_tci = 7;
	m->packet_type = RTE_PTYPE_L2_ETHER;
	rte_pktmbuf_reset(m);
	assert_int_equal(m->port, RTE_MBUF_PORT_INVALID);
	assert_int_equal(m->ol_flags, 0);
	assert_int_equal(m->vlan_tci, 0);
	assert_int_equal(m->packet_type, 0);
	assert_int_equal(m->data_off, RTE_PKTMBUF_HEADROOM);
	assert_int_equal(m->pkt_len, 0);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

static void
test_chain_read_free(void **state)
{
	struct rte_mbuf *a, *b, *c;
	uint8_t buf[300];
	const uint8_t *p;
	struct snap s;
	uint16_t saved;
	unsigned int i;

	(void)state;
	a = make_seg(100, 0);
	b = make_seg(100, 100);
	c = make_seg(100, 200);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF - 3);
	assert_int_equal(rte_pktmbuf_chain(b, c), 0);
	assert_int_equal(rte_pktmbuf_chain(a, b), 0);
	assert_int_equal(a->nb_segs, 3);
	assert_int_equal(a->pkt_len, 300);
	assert_int_equal(b->pkt_len, b->data_len);
	assert_ptr_equal(rte_pktmbuf_lastseg(a), c);
	assert_false(rte_pktmbuf_is_contiguous(a));
	rte_mbuf_sanity_check(a, 1);

	/* Reading inside the first segment points into the mbuf; across segments copies. */
	p = rte_pktmbuf_read(a, 10, 20, buf);
	assert_ptr_equal(p, rte_pktmbuf_mtod_offset(a, uint8_t *, 10));
	p = rte_pktmbuf_read(a, 90, 150, buf);
	assert_ptr_equal(p, buf);
	for (i = 0; i < 150; i++)
		assert_int_equal(p[i], (uint8_t)(90 + i));
	p = rte_pktmbuf_read(a, 150, 20, buf);
	assert_non_null(p);
	for (i = 0; i < 20; i++)
		assert_int_equal(p[i], (uint8_t)(150 + i));
	assert_null(rte_pktmbuf_read(a, 290, 11, buf));
	assert_null(rte_pktmbuf_read(a, 301, 0, buf));
	assert_null(rte_pktmbuf_read(a, 0xfffffff0u, 0x20, buf));

	/* append/trim work on the last segment. */
	assert_non_null(rte_pktmbuf_append(a, 10));
	assert_int_equal(c->data_len, 110);
	assert_int_equal(a->pkt_len, 310);
	assert_int_equal(rte_pktmbuf_trim(a, 10), 0);
	take(&s, a);
	assert_int_equal(rte_pktmbuf_trim(a, 101), -1);
	same(&s, a);

	/* A chain that would exceed the segment limit is refused. */
	saved = a->nb_segs;
	a->nb_segs = RTE_MBUF_MAX_NB_SEGS;
	b = make_seg(10, 0);
	assert_int_equal(rte_pktmbuf_chain(a, b), -EOVERFLOW);
	assert_null(c->next);
	a->nb_segs = saved;
	assert_int_equal(a->pkt_len, 300);
	rte_pktmbuf_free(b);

	/* Freeing the head returns every segment. */
	rte_pktmbuf_free(a);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

/* Out of line so the compiler does not reason about an mbuf it saw handed to free. */
static __rte_noinline uint16_t
refcnt_of(const struct rte_mbuf *m)
{
	return rte_mbuf_refcnt_read(m);
}

static void
test_refcnt(void **state)
{
	struct rte_mbuf *m, *n;

	(void)state;
	m = make_seg(10, 0);
	assert_int_equal(rte_mbuf_refcnt_update(m, 1), 2);
	assert_int_equal(rte_mbuf_refcnt_read(m), 2);
	rte_pktmbuf_free(m);
	/* Still referenced: not back in the pool. */
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF - 1);
	assert_int_equal(refcnt_of(m), 1);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);

	/* Reference on a whole chain. */
	m = make_seg(10, 0);
	n = make_seg(10, 0);
	assert_int_equal(rte_pktmbuf_chain(m, n), 0);
	rte_pktmbuf_refcnt_update(m, 2);
	assert_int_equal(rte_mbuf_refcnt_read(m), 3);
	assert_int_equal(rte_mbuf_refcnt_read(n), 3);
	rte_pktmbuf_free(m);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF - 2);
	rte_mbuf_refcnt_set(m, 1);
	rte_mbuf_refcnt_set(n, 1);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
	/* A freed mbuf comes back with the free-mbuf invariants. */
	m = rte_mbuf_raw_alloc(pool);
	assert_non_null(m);
	assert_int_equal(refcnt_of(m), 1);
	assert_null(m->next);
	assert_int_equal(m->nb_segs, 1);
	rte_mbuf_raw_free(m);
}

static void
test_clone(void **state)
{
	struct rte_mbuf *a, *b, *cl, *cl2;
	unsigned int clone_avail = rte_mempool_avail_count(clone_pool);

	(void)state;
	a = make_seg(100, 0);
	b = make_seg(50, 100);
	assert_int_equal(rte_pktmbuf_chain(a, b), 0);
	a->port = 5;
	a->ol_flags = RTE_MBUF_F_RX_RSS_HASH;
	a->hash.rss = 0x1234;

	cl = rte_pktmbuf_clone(a, clone_pool);
	assert_non_null(cl);
	assert_int_equal(rte_mempool_avail_count(clone_pool), clone_avail - 2);
	assert_int_equal(cl->nb_segs, 2);
	assert_int_equal(cl->pkt_len, 150);
	assert_int_equal(cl->port, 5);
	assert_int_equal(cl->hash.rss, 0x1234);
	assert_true(RTE_MBUF_CLONED(cl));
	assert_true(RTE_MBUF_CLONED(cl->next));
	assert_false(RTE_MBUF_DIRECT(cl));
	assert_true(RTE_MBUF_DIRECT(a));
	assert_ptr_equal(rte_pktmbuf_mtod(cl, char *), rte_pktmbuf_mtod(a, char *));
	assert_ptr_equal(rte_pktmbuf_mtod(cl->next, char *), rte_pktmbuf_mtod(b, char *));
	assert_ptr_equal(rte_mbuf_from_indirect(cl), a);
	assert_ptr_equal(rte_mbuf_from_indirect(cl->next), b);
	assert_int_equal(rte_mbuf_refcnt_read(a), 2);
	assert_int_equal(rte_mbuf_refcnt_read(b), 2);
	assert_int_equal(rte_mbuf_refcnt_read(cl), 1);
	rte_mbuf_sanity_check(cl, 1);
	/* Data is shared. */
	rte_pktmbuf_mtod(a, char *)[0] = 0x55;
	assert_int_equal(rte_pktmbuf_mtod(cl, char *)[0], 0x55);

	/* A clone of the clone references the same direct mbufs. */
	cl2 = rte_pktmbuf_clone(cl, clone_pool);
	assert_non_null(cl2);
	assert_int_equal(rte_mbuf_refcnt_read(a), 3);
	assert_ptr_equal(rte_mbuf_from_indirect(cl2), a);

	/* Not enough mbufs for another 2-segment clone: NULL, references unchanged. */
	assert_int_equal(rte_mempool_avail_count(clone_pool), 0);
	assert_null(rte_pktmbuf_clone(a, clone_pool));
	assert_int_equal(rte_mbuf_refcnt_read(a), 3);
	assert_int_equal(rte_mbuf_refcnt_read(b), 3);
	assert_int_equal(rte_mempool_avail_count(clone_pool), 0);

	/* Freeing the original keeps the data alive for the clones. */
	rte_pktmbuf_free(a);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF - 2);
	assert_int_equal(rte_mbuf_refcnt_read(a), 2);
	rte_pktmbuf_free(cl2);
	assert_int_equal(rte_mempool_avail_count(clone_pool), 2);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF - 2);
	/* The last clone's free returns the direct mbufs too. */
	rte_pktmbuf_free(cl);
	assert_int_equal(rte_mempool_avail_count(clone_pool), clone_avail);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

static void
test_attach_detach_copy(void **state)
{
	struct rte_mbuf *m, *mi, *a, *cp;
	unsigned int i;

	(void)state;
	m = make_seg(64, 1);
	mi = rte_pktmbuf_alloc(clone_pool);
	assert_non_null(mi);
	rte_pktmbuf_attach(mi, m);
	assert_int_equal(rte_mbuf_refcnt_read(m), 2);
	assert_int_equal(mi->data_len, 64);
	assert_ptr_equal(mi->buf_addr, m->buf_addr);
	rte_pktmbuf_detach(mi);
	assert_int_equal(rte_mbuf_refcnt_read(m), 1);
	assert_true(RTE_MBUF_DIRECT(mi));
	assert_ptr_equal(mi->buf_addr, (char *)mi + sizeof(*mi));
	assert_int_equal(mi->data_len, 0);
	assert_int_equal(mi->buf_len, rte_pktmbuf_data_room_size(clone_pool));
	rte_pktmbuf_free(mi);

	/* Deep copy of a two-segment packet, from an offset. */
	a = make_seg(30, 50);
	assert_int_equal(rte_pktmbuf_chain(m, a), 0);
	cp = rte_pktmbuf_copy(m, pool, 10, UINT32_MAX);
	assert_non_null(cp);
	assert_int_equal(cp->pkt_len, 84);
	assert_true(RTE_MBUF_DIRECT(cp));
	for (i = 0; i < 84; i++) {
		uint8_t v, w;
		const uint8_t *pv = rte_pktmbuf_read(cp, i, 1, &v);
		const uint8_t *pw = rte_pktmbuf_read(m, i + 10, 1, &w);

		assert_non_null(pv);
		assert_non_null(pw);
		assert_int_equal(*pv, *pw);
	}
	assert_null(rte_pktmbuf_copy(m, pool, 200, 1));
	rte_pktmbuf_free(cp);
	rte_pktmbuf_free(m);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

static void
test_bulk(void **state)
{
	struct rte_mbuf *mbufs[NB_MBUF + 1];
	unsigned int i;

	(void)state;
	/* More than the pool has: fails, takes nothing. */
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, mbufs, NB_MBUF + 1), -ENOENT);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, mbufs, NB_MBUF), 0);
	for (i = 0; i < NB_MBUF; i++) {
		assert_int_equal(mbufs[i]->data_len, 0);
		assert_int_equal(mbufs[i]->data_off, RTE_PKTMBUF_HEADROOM);
	}
	assert_null(rte_pktmbuf_alloc(pool));
	assert_null(rte_mbuf_raw_alloc(pool));
	/* Chains and NULL entries in a bulk free. */
	assert_int_equal(rte_pktmbuf_chain(mbufs[0], mbufs[1]), 0);
	mbufs[1] = NULL;
	rte_pktmbuf_free_bulk(mbufs, NB_MBUF);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

static void
test_linearize(void **state)
{
	struct rte_mbuf *a, *b, *c;
	struct snap s;
	unsigned int i;

	(void)state;
	a = make_seg(100, 0);
	b = make_seg(100, 100);
	c = make_seg(50, 200);
	assert_int_equal(rte_pktmbuf_chain(a, b), 0);
	assert_int_equal(rte_pktmbuf_chain(a, c), 0);
	assert_int_equal(rte_pktmbuf_linearize(a), 0);
	assert_int_equal(a->nb_segs, 1);
	assert_int_equal(a->data_len, 250);
	assert_int_equal(a->pkt_len, 250);
	assert_null(a->next);
	for (i = 0; i < 250; i++)
		assert_int_equal(rte_pktmbuf_mtod(a, uint8_t *)[i], (uint8_t)i);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF - 1);
	assert_int_equal(rte_pktmbuf_linearize(a), 0);

	/* Does not fit in the first segment: -1, packet untouched. */
	b = make_seg(2000, 0);
	assert_int_equal(rte_pktmbuf_chain(a, b), 0);
	take(&s, a);
	assert_int_equal(rte_pktmbuf_linearize(a), -1);
	same(&s, a);
	assert_ptr_equal(a->next, b);
	rte_pktmbuf_free(a);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUF);
}

static void
test_check_dump_names(void **state)
{
	struct rte_mbuf *m = make_seg(20, 0);
	const char *reason = NULL;
	char *buf = NULL, names[256];
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_int_equal(rte_mbuf_check(m, 1, &reason), 0);
	m->pkt_len = 21;
	assert_int_equal(rte_mbuf_check(m, 1, &reason), -1);
	assert_non_null(reason);
	m->pkt_len = 20;
	m->nb_segs = 2;
	assert_int_equal(rte_mbuf_check(m, 1, &reason), -1);
	m->nb_segs = 1;
	assert_int_equal(rte_mbuf_check(NULL, 1, &reason), -1);

	f = open_memstream(&buf, &len);
	assert_non_null(f);
	rte_pktmbuf_dump(f, m, 16);
	fclose(f);
	assert_non_null(strstr(buf, "pkt_len=20"));
	assert_non_null(strstr(buf, "00 01 02"));
	free(buf);
	rte_pktmbuf_free(m);

	assert_string_equal(rte_get_rx_ol_flag_name(RTE_MBUF_F_RX_VLAN), "RTE_MBUF_F_RX_VLAN");
	assert_string_equal(rte_get_tx_ol_flag_name(RTE_MBUF_F_TX_TCP_CKSUM),
		"RTE_MBUF_F_TX_TCP_CKSUM");
	assert_null(rte_get_rx_ol_flag_name(1ULL << 63));
	assert_int_equal(rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_IP_CKSUM_GOOD,
		names, sizeof(names)), 0);
	assert_non_null(strstr(names, "RTE_MBUF_F_RX_VLAN"));
	assert_non_null(strstr(names, "RTE_MBUF_F_RX_IP_CKSUM_GOOD"));
	assert_int_equal(rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_VLAN, names, 4), -1);
	assert_int_equal(rte_get_ptype_name(RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 |
		RTE_PTYPE_L4_UDP, names, sizeof(names)), 0);
	assert_string_equal(names, "L2_ETHER L3_IPV4 L4_UDP ");
	assert_int_equal(rte_get_ptype_name(RTE_PTYPE_L2_ETHER | RTE_PTYPE_TUNNEL_VXLAN |
		RTE_PTYPE_INNER_L2_ETHER | RTE_PTYPE_INNER_L3_IPV6 | RTE_PTYPE_INNER_L4_TCP, names,
		sizeof(names)), 0);
	assert_string_equal(names,
		"L2_ETHER TUNNEL_VXLAN INNER_L2_ETHER INNER_L3_IPV6 INNER_L4_TCP ");
	assert_int_equal(rte_get_ptype_name(0, names, sizeof(names)), 0);
	assert_string_equal(names, "UNKNOWN");
	/* The trailing space must fit too. */
	assert_int_equal(rte_get_ptype_name(RTE_PTYPE_L2_ETHER, names, 9), -1);
	assert_int_equal(rte_get_ptype_name(RTE_PTYPE_L2_ETHER, names, 10), 0);
	assert_string_equal(rte_get_ptype_inner_l2_name(RTE_PTYPE_INNER_L2_ETHER_VLAN),
		"INNER_L2_ETHER_VLAN");
	assert_string_equal(rte_get_ptype_inner_l3_name(0), "INNER_L3_UNKNOWN");
	assert_string_equal(rte_get_ptype_inner_l4_name(RTE_PTYPE_INNER_L4_SCTP),
		"INNER_L4_SCTP");
	assert_string_equal(rte_get_ptype_l4_name(RTE_PTYPE_L4_TCP), "L4_TCP");
	assert_true(RTE_ETH_IS_IPV4_HDR(RTE_PTYPE_L3_IPV4_EXT));
	assert_false(RTE_ETH_IS_IPV6_HDR(RTE_PTYPE_L3_IPV4));
	assert_int_equal(rte_get_ptype_name(RTE_PTYPE_L2_ETHER, names, 3), -1);
}

int
main(void)
{
	static const char *const args[] = { "test_mbuf", "--no-huge", "-m", "128", "-l", "0",
		"--file-prefix=test_mbuf", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pool_and_alloc),
		cmocka_unit_test(test_append_prepend_adj_trim),
		cmocka_unit_test(test_chain_read_free),
		cmocka_unit_test(test_refcnt),
		cmocka_unit_test(test_clone),
		cmocka_unit_test(test_attach_detach_copy),
		cmocka_unit_test(test_bulk),
		cmocka_unit_test(test_linearize),
		cmocka_unit_test(test_check_dump_names),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, setup, teardown);
}
