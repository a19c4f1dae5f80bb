/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pools in IOVA-as-PA mode: every object records the physical address it really has and never
 * straddles two pages, with 4 KiB pages (--no-huge) as with 2 MB hugepages. Needs root, which
 * alone can read physical addresses.
 */
#include "test_common.h"

#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memory.h>
#include <rte_mempool.h>

#define NB_OBJS 300
#define OBJ_SIZE 1500

struct iova_check {
	size_t page;
	unsigned int n, bad_iova, straddling;
};

static void
check_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct iova_check *c = arg;
	uintptr_t start = (uintptr_t)obj, end = start + mp->elt_size - 1;

	(void)idx;
	c->n++;
	if (rte_mempool_virt2iova(obj) != rte_mem_virt2iova(obj))
		c->bad_iova++;
	if (start / c->page != end / c->page)
		c->straddling++;
}

static void
check_pool(size_t page)
{
	struct iova_check c = { .page = page };
	struct rte_mempool *mp;

	mp = rte_mempool_create("t_pa_pool", NB_OBJS, OBJ_SIZE, 0, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rte_mempool_obj_iter(mp, check_obj, &c), NB_OBJS);
	assert_int_equal(c.n, NB_OBJS);
	assert_int_equal(c.bad_iova, 0);
	assert_int_equal(c.straddling, 0);
	rte_mempool_free(mp);
}

static int
eal_up(const char *mem_opt)
{
	const char *args[] = { "test_mempool_pa", "--in-memory", "-l", "0", "--iova-mode=pa",
		"--log-level", "lib.eal:critical", mem_opt, NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv) < 0 ? -1 : 0;
}

static void
test_pa_small_pages(void **state)
{
	(void)state;
	if (getuid() != 0) {
		print_message("not root: physical addresses are not readable\n");
		skip();
	}
	assert_int_equal(eal_up("--no-huge"), 0);
	check_pool((size_t)sysconf(_SC_PAGESIZE));
}

static void
test_pa_hugepages(void **state)
{
	(void)state;
	if (getuid() != 0) {
		print_message("not root: physical addresses are not readable\n");
		skip();
	}
	if (eal_up("-m64") != 0) {
		print_message("no usable 2 MB hugepages: %s\n", rte_strerror(rte_errno));
		skip();
	}
	check_pool(RTE_PGSIZE_2M);
}

/* Also after a failed check, so that the next test starts without EAL. */
static int
eal_down(void **state)
{
	(void)state;
	rte_mempool_free(rte_mempool_lookup("t_pa_pool"));
	return rte_eal_cleanup() == 0 || rte_errno == EALREADY ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_pa_small_pages, eal_down),
		cmocka_unit_test_teardown(test_pa_hugepages, eal_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
