/* SPDX-License-Identifier: BSD-3-Clause */
/* Memzones on --no-huge memory: names, lookup, free, alignment, boundaries, the table limit. */
#include "test_common.h"

#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_memzone.h>

static int
eal_up(const char *extra)
{
	const char *args[] = { "test_memzone", "--no-huge", "--in-memory", "-l", "0",
		"--log-level", "lib.eal:critical", extra, NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv) < 0 ? -1 : 0;
}

static int
setup(void **state)
{
	(void)state;
	return eal_up(NULL);
}

static int
teardown(void **state)
{
	(void)state;
	return rte_eal_cleanup();
}

static void
test_reserve_lookup_free(void **state)
{
	const struct rte_memzone *mz, *mz2;

	(void)state;
	mz = rte_memzone_reserve("zone_a", 1000, SOCKET_ID_ANY, 0);
	assert_non_null(mz);
	assert_string_equal(mz->name, "zone_a");
	assert_true(mz->len >= 1000);
	assert_int_equal((uintptr_t)mz->addr % RTE_CACHE_LINE_SIZE, 0);
	assert_int_equal(mz->socket_id, 0);
	assert_int_equal(mz->hugepage_sz, 4096);
	assert_int_equal(mz->iova, rte_mem_virt2iova(mz->addr));
	memset(mz->addr, 0x5a, mz->len);
	assert_ptr_equal(rte_memzone_lookup("zone_a"), mz);

	rte_errno = 0;
	assert_null(rte_memzone_reserve("zone_a", 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EEXIST);

	mz2 = rte_memzone_reserve("zone_b", 64, 0, 0);
	assert_non_null(mz2);
	assert_ptr_not_equal(mz2->addr, mz->addr);

	assert_int_equal(rte_memzone_free(mz), 0);
	rte_errno = 0;
	assert_null(rte_memzone_lookup("zone_a"));
	assert_int_equal(rte_errno, ENOENT);
	assert_int_equal(rte_memzone_free(mz), -EINVAL);  /* twice */
	assert_int_equal(rte_memzone_free(NULL), -EINVAL);
	/* The name is free for reuse. */
	mz = rte_memzone_reserve("zone_a", 64, SOCKET_ID_ANY, 0);
	assert_non_null(mz);
	assert_int_equal(rte_memzone_free(mz), 0);
	assert_int_equal(rte_memzone_free(mz2), 0);
}

static void
test_bad_arguments(void **state)
{
	char name[RTE_MEMZONE_NAMESIZE + 8];

	(void)state;
	memset(name, 'n', sizeof(name));
	name[RTE_MEMZONE_NAMESIZE] = '\0';  /* one character too long */
	rte_errno = 0;
	assert_null(rte_memzone_reserve(name, 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENAMETOOLONG);
	name[RTE_MEMZONE_NAMESIZE - 1] = '\0';  /* longest allowed */
	assert_non_null(rte_memzone_reserve(name, 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_memzone_free(rte_memzone_lookup(name)), 0);

	rte_errno = 0;
	assert_null(rte_memzone_reserve(NULL, 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_memzone_reserve_aligned("bad_align", 64, SOCKET_ID_ANY, 0, 100));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_memzone_reserve_bounded("bad_bound", 8192, SOCKET_ID_ANY, 0, 64, 4096));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_memzone_reserve_bounded("bad_bound", 64, SOCKET_ID_ANY, 0, 64, 3000));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_memzone_reserve("bad_socket", 64, RTE_MAX_NUMA_NODES, 0));
	assert_int_equal(rte_errno, EINVAL);
	/* No memory on that node without hugepages. */
	rte_errno = 0;
	assert_null(rte_memzone_reserve("far", 64, RTE_MAX_NUMA_NODES - 1, 0));
	assert_int_equal(rte_errno, ENOMEM);
	rte_errno = 0;
	assert_null(rte_memzone_reserve("huge", (size_t)1 << 40, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENOMEM);
	/* Nothing was left behind by the failures. */
	assert_null(rte_memzone_lookup("bad_align"));
	assert_null(rte_memzone_lookup("far"));
	assert_null(rte_memzone_lookup("huge"));
}

static void
test_aligned_bounded(void **state)
{
	unsigned int align;
	int i;

	(void)state;
	for (align = 64; align <= 65536; align <<= 1) {
		char name[32];
		const struct rte_memzone *mz;

		snprintf(name, sizeof(name), "al_%u", align);
		mz = rte_memzone_reserve_aligned(name, 100, SOCKET_ID_ANY, 0, align);
		assert_non_null(mz);
		assert_int_equal((uintptr_t)mz->addr % align, 0);
		assert_int_equal(rte_memzone_free(mz), 0);
	}
	/* Many zones of 3000 bytes bounded by 4096: none may cross a 4 KiB boundary. */
	for (i = 0; i < 20; i++) {
		char name[32];
		const struct rte_memzone *mz;
		uintptr_t a;

		snprintf(name, sizeof(name), "bd_%d", i);
		mz = rte_memzone_reserve_bounded(name, 3000, SOCKET_ID_ANY, 0, 64, 4096);
		assert_non_null(mz);
		a = (uintptr_t)mz->addr;
		assert_int_equal(a / 4096, (a + 3000 - 1) / 4096);
	}
	for (i = 0; i < 20; i++) {
		char name[32];

		snprintf(name, sizeof(name), "bd_%d", i);
		assert_int_equal(rte_memzone_free(rte_memzone_lookup(name)), 0);
	}
	/* Contiguous zones are trivially so with IOVA as VA. */
	assert_int_equal(rte_eal_iova_mode(), RTE_IOVA_VA);
	assert_non_null(rte_memzone_reserve("contig", 1 << 20, SOCKET_ID_ANY,
		RTE_MEMZONE_IOVA_CONTIG));
	/* Page size flags are only hints without hugepages. */
	assert_non_null(rte_memzone_reserve("pg2m", 4096, SOCKET_ID_ANY, RTE_MEMZONE_2MB));
}

static void
walk_count(const struct rte_memzone *mz, void *arg)
{
	(void)mz;
	(*(int *)arg)++;
}

static void
test_dump_walk_largest(void **state)
{
	const struct rte_memzone *a, *b, *big;
	char *buf = NULL;
	size_t len = 0;
	int n = 0;
	FILE *f;

	(void)state;
	a = rte_memzone_reserve("dump_one", 128, SOCKET_ID_ANY, 0);
	b = rte_memzone_reserve("dump_two", 256, SOCKET_ID_ANY, 0);
	assert_non_null(a);
	assert_non_null(b);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	rte_memzone_dump(f);
	fclose(f);
	assert_non_null(strstr(buf, "<dump_one>"));
	assert_non_null(strstr(buf, "<dump_two>"));
	free(buf);
	rte_memzone_walk(walk_count, &n);
	assert_int_equal(n, 2);

	/* Length 0: the largest free block, which the heap then no longer has. */
	big = rte_memzone_reserve("largest", 0, SOCKET_ID_ANY, 0);
	assert_non_null(big);
	assert_true(big->len > 4096);
	assert_int_equal(rte_memzone_free(a), 0);
	assert_int_equal(rte_memzone_free(b), 0);
	assert_int_equal(rte_memzone_free(big), 0);
	n = 0;
	rte_memzone_walk(walk_count, &n);
	assert_int_equal(n, 0);
}

static void
test_table_full(void **state)
{
	char name[32];
	int i;

	(void)state;
	for (i = 0; i < RTE_MAX_MEMZONE; i++) {
		snprintf(name, sizeof(name), "full_%d", i);
		if (rte_memzone_reserve(name, 64, SOCKET_ID_ANY, 0) == NULL)
			fail_msg("zone %d: rte_errno %d", i, rte_errno);
	}
	rte_errno = 0;
	assert_null(rte_memzone_reserve("one_too_many", 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENOSPC);
	for (i = 0; i < RTE_MAX_MEMZONE; i++) {
		snprintf(name, sizeof(name), "full_%d", i);
		assert_int_equal(rte_memzone_free(rte_memzone_lookup(name)), 0);
	}
	assert_non_null(rte_memzone_reserve("one_too_many", 64, SOCKET_ID_ANY, 0));
}

/*
 * IOVA as PA with 4 KiB pages: a zone above a page is contiguous only where the kernel happened
 * to give the memory consecutive frames, which EAL checks page by page.
 */
static void
test_pa_contig_no_huge(void **state)
{
	const struct rte_memzone *mz;
	size_t off;

	(void)state;
	if (getuid() != 0) {
		print_message("not root: physical addresses are not readable\n");
		skip();
	}
	assert_int_equal(eal_up("--iova-mode=pa"), 0);
	assert_int_equal(rte_eal_iova_mode(), RTE_IOVA_PA);
	mz = rte_memzone_reserve("pa_small", 2048, SOCKET_ID_ANY, RTE_MEMZONE_IOVA_CONTIG);
	assert_non_null(mz);
	assert_int_equal((uintptr_t)mz->addr / 4096, ((uintptr_t)mz->addr + 2047) / 4096);
	rte_errno = 0;
	mz = rte_memzone_reserve("pa_big", 64 * 1024, SOCKET_ID_ANY, RTE_MEMZONE_IOVA_CONTIG);
	if (mz == NULL) {
		assert_int_equal(rte_errno, ENOMEM);
		assert_null(rte_memzone_lookup("pa_big"));
	} else {
		/* The frames were consecutive: every page of the zone must be where it says. */
		for (off = 0; off < mz->len; off += 4096)
			assert_int_equal(rte_mem_virt2iova((char *)mz->addr + off), mz->iova + off);
		assert_int_equal(rte_mem_virt2iova((char *)mz->addr + mz->len - 1),
			mz->iova + mz->len - 1);
		print_message("the kernel gave consecutive frames: the zone is contiguous\n");
		assert_int_equal(rte_memzone_free(mz), 0);
	}
	/* Without the flag the same size is fine. */
	assert_non_null(rte_memzone_reserve("pa_big", 64 * 1024, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_eal_cleanup(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reserve_lookup_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_aligned_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dump_walk_largest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table_full, setup, teardown),
		cmocka_unit_test(test_pa_contig_no_huge),
	};

	return cmocka_run_group_tests_name("memzone", tests, NULL, NULL);
}
