/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mempool debug checks (RTE_LIBRTE_MEMPOOL_DEBUG): this program is built with the flag and
 * with the mempool sources compiled in, as a debug build of the library would be. Header
 * cookies follow each object through get and put, the trailer cookie catches writes past
 * the end, and a bad cookie panics (checked in a child process).
 */
#include "test_eal_main.h"

#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_mempool.h>

#ifndef RTE_LIBRTE_MEMPOOL_DEBUG
#error "this test must be built with RTE_LIBRTE_MEMPOOL_DEBUG"
#endif

static struct rte_mempool *
make_pool(const char *name)
{
	struct rte_mempool *mp = rte_mempool_create(name, 16, 100, 4, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0);

	assert_non_null(mp);
	return mp;
}

/*
 * Run fn(mp, obj) in a child: it must die of the panic's abort. EAL memory is shared with a
 * forked child (as hugepages are in DPDK), so the cookies of obj the child changed before it
 * noticed the fault are put back afterwards.
 */
static void
expect_panic(void (*fn)(struct rte_mempool *, void *), struct rte_mempool *mp, void *obj)
{
	struct rte_mempool_objhdr hdr_copy;
	struct rte_mempool_objtlr tlr_copy;
	int status = 0;
	pid_t pid;

	if (obj != NULL) {
		hdr_copy = *rte_mempool_get_header(obj);
		memcpy(&tlr_copy, RTE_PTR_ADD(obj, mp->elt_size), sizeof(tlr_copy));
	}

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		fn(mp, obj);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
	if (obj != NULL) {
		*rte_mempool_get_header(obj) = hdr_copy;
		memcpy(RTE_PTR_ADD(obj, mp->elt_size), &tlr_copy, sizeof(tlr_copy));
	}
}

static void
do_put(struct rte_mempool *mp, void *obj)
{
	rte_mempool_put(mp, obj);
}

static void
do_audit(struct rte_mempool *mp, void *obj)
{
	(void)obj;
	rte_mempool_audit(mp);
}

static void
do_put_foreign(struct rte_mempool *mp, void *obj)
{
	/* obj belongs to another pool */
	rte_mempool_put(mp, obj);
}

static void
test_cookie_states(void **state)
{
	struct rte_mempool *mp;
	struct rte_mempool_objhdr *hdr;
	struct rte_mempool_objtlr *tlr;
	void *objs[8];
	unsigned int i;

	(void)state;
	mp = make_pool("t_dbg_states");
	assert_true(mp->trailer_size >= sizeof(struct rte_mempool_objtlr));
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 8), 0);
	for (i = 0; i < 8; i++) {
		hdr = rte_mempool_get_header(objs[i]);
		tlr = RTE_PTR_ADD(objs[i], mp->elt_size);
		assert_true(hdr->cookie == RTE_MEMPOOL_HEADER_COOKIE2);
		assert_true(tlr->cookie == RTE_MEMPOOL_TRAILER_COOKIE);
		/* The whole element is the caller's. */
		memset(objs[i], 0xff, mp->elt_size);
	}
	rte_mempool_audit(mp);
	rte_mempool_put_bulk(mp, objs, 8);
	for (i = 0; i < 8; i++)
		assert_true(rte_mempool_get_header(objs[i])->cookie ==
			RTE_MEMPOOL_HEADER_COOKIE1);
	rte_mempool_audit(mp);
	rte_mempool_free(mp);
}

static void
test_double_free_panics(void **state)
{
	struct rte_mempool *mp;
	void *obj;

	(void)state;
	mp = make_pool("t_dbg_double");
	assert_int_equal(rte_mempool_get(mp, &obj), 0);
	rte_mempool_put(mp, obj);
	expect_panic(do_put, mp, obj);
	rte_mempool_free(mp);
}

static void
test_overrun_panics(void **state)
{
	struct rte_mempool *mp;
	void *obj;

	(void)state;
	mp = make_pool("t_dbg_overrun");
	assert_int_equal(rte_mempool_get(mp, &obj), 0);
	/* One byte past the element clobbers the trailer: put and audit both notice. */
	((char *)obj)[mp->elt_size] ^= 1;
	expect_panic(do_put, mp, obj);
	expect_panic(do_audit, mp, NULL);
	((char *)obj)[mp->elt_size] ^= 1;
	rte_mempool_put(mp, obj);
	rte_mempool_audit(mp);
	rte_mempool_free(mp);
}

static void
test_foreign_object_panics(void **state)
{
	struct rte_mempool *a, *b;
	void *obj;

	(void)state;
	a = make_pool("t_dbg_a");
	b = make_pool("t_dbg_b");
	assert_int_equal(rte_mempool_get(a, &obj), 0);
	expect_panic(do_put_foreign, b, obj);
	rte_mempool_put(a, obj);
	rte_mempool_free(a);
	rte_mempool_free(b);
}

int
main(void)
{
	static const char *const args[] = { "test_mempool_debug", "--no-huge", "-m", "64", "-l",
		"0", "--file-prefix=test_mempool_debug", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cookie_states),
		cmocka_unit_test(test_double_free_panics),
		cmocka_unit_test(test_overrun_panics),
		cmocka_unit_test(test_foreign_object_panics),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
