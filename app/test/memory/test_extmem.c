/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * External memory: registration with rte_extmem_*, and named malloc heaps fed with the
 * application's own memory, which rte_malloc, rte_zmalloc and memzones then allocate from.
 */
#include "test_common.h"

#include <sys/mman.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#define PG 4096
#define AREA (2 * 1024 * 1024)

static int
setup(void **state)
{
	const char *args[] = { "test_extmem", "--no-huge", "--in-memory", "-l", "0",
		"--log-level", "lib.eal:critical", NULL };
	struct test_argv a;

	(void)state;
	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv) < 0 ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return rte_eal_cleanup();
}

static void *
map_area(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	assert_true(p != MAP_FAILED);
	return p;
}

struct ext_find {
	const void *va;
	const struct rte_memseg_list *msl;
	unsigned int segs;
	rte_iova_t first_iova;
};

static int
find_list(const struct rte_memseg_list *msl, void *arg)
{
	struct ext_find *f = arg;

	if (msl->base_va != f->va)
		return 0;
	f->msl = msl;
	return 1;
}

static int
count_segs(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	struct ext_find *f = arg;

	if (msl->base_va != f->va)
		return 0;
	if (f->segs == 0)
		f->first_iova = ms->iova;
	f->segs++;
	return 0;
}

static struct ext_find
look_for(const void *va)
{
	struct ext_find f = { .va = va };

	rte_memseg_list_walk(find_list, &f);
	rte_memseg_walk(count_segs, &f);
	return f;
}

static void
test_extmem_register(void **state)
{
	rte_iova_t iova[8];
	uint8_t *va = map_area(8 * PG);
	struct rte_memseg *ms;
	struct ext_find f;
	unsigned int i;

	(void)state;
	for (i = 0; i < 8; i++)
		iova[i] = 0x1000000 + i * PG;
	assert_int_equal(rte_extmem_register(va, 8 * PG, iova, 8, PG), 0);
	f = look_for(va);
	assert_non_null(f.msl);
	assert_int_equal(f.msl->external, 1);
	assert_int_equal(f.msl->heap, 0);
	assert_int_equal(f.msl->page_sz, PG);
	assert_int_equal(f.msl->len, 8 * PG);
	assert_true(f.msl->socket_id >= RTE_MAX_NUMA_NODES);
	assert_int_equal(f.segs, 8);
	assert_int_equal(f.first_iova, 0x1000000);
	assert_ptr_equal(rte_mem_virt2memseg_list(va + 3 * PG + 5), f.msl);
	ms = rte_mem_virt2memseg(va + 3 * PG + 5, NULL);
	assert_non_null(ms);
	assert_ptr_equal(ms->addr, va + 3 * PG);
	assert_int_equal(ms->iova, 0x1000000 + 3 * PG);
	assert_ptr_equal(rte_mem_iova2virt(0x1000000 + 5 * PG + 1), va + 5 * PG + 1);
	/* Not EAL's memory to hand out through file descriptors. */
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd(ms), -1);
	assert_int_equal(rte_errno, ENOTSUP);

	rte_errno = 0;
	assert_int_equal(rte_extmem_register(va, 8 * PG, NULL, 0, PG), -1);
	assert_int_equal(rte_errno, EEXIST);
	rte_errno = 0;
	assert_int_equal(rte_extmem_register(va + PG, PG, NULL, 0, PG), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_extmem_attach(va, 8 * PG), 0);
	assert_int_equal(rte_extmem_detach(va, 8 * PG), 0);
	rte_errno = 0;
	assert_int_equal(rte_extmem_attach(va, 4 * PG), -1);
	assert_int_equal(rte_errno, ENOENT);

	assert_int_equal(rte_extmem_unregister(va, 8 * PG), 0);
	f = look_for(va);
	assert_null(f.msl);
	assert_int_equal(f.segs, 0);
	assert_null(rte_mem_virt2memseg_list(va));
	rte_errno = 0;
	assert_int_equal(rte_extmem_unregister(va, 8 * PG), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_int_equal(rte_extmem_detach(va, 8 * PG), -1);
	assert_int_equal(rte_errno, ENOENT);

	/* Without IOVAs, pages have none; n_pages is then ignored. */
	assert_int_equal(rte_extmem_register(va, 8 * PG, NULL, 3, PG), 0);
	f = look_for(va);
	assert_int_equal(f.first_iova, RTE_BAD_IOVA);
	assert_int_equal(rte_extmem_unregister(va, 8 * PG), 0);
	/* The memory is still the application's: untouched and mapped. */
	va[0] = 1;
	assert_int_equal(munmap(va, 8 * PG), 0);
}

static void
test_extmem_bad_args(void **state)
{
	rte_iova_t iova[8] = { 0 };
	uint8_t *va = map_area(8 * PG);
	void *list;

	(void)state;
	list = rte_mem_virt2memseg_list(va);
	assert_null(list);
	struct {
		void *va;
		size_t len;
		rte_iova_t *iova;
		unsigned int n;
		size_t pg;
	} bad[] = {
		{ NULL, 8 * PG, NULL, 0, PG },
		{ va, 8 * PG, NULL, 0, 0 },
		{ va, 8 * PG, NULL, 0, 3000 },
		{ va, 8 * PG + 100, NULL, 0, PG },
		{ va, 0, NULL, 0, PG },
		{ va + 100, 4 * PG, NULL, 0, PG },
		{ va, 8 * PG, iova, 7, PG },
		{ va, 4 * PG, NULL, 0, 2 * 1024 * 1024 },
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(bad); i++) {
		rte_errno = 0;
		assert_int_equal(rte_extmem_register(bad[i].va, bad[i].len, bad[i].iova, bad[i].n,
			bad[i].pg), -1);
		assert_int_equal(rte_errno, EINVAL);
	}
	rte_errno = 0;
	assert_int_equal(rte_extmem_unregister(NULL, PG), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_extmem_unregister(va, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_extmem_attach(NULL, PG), -1);
	assert_int_equal(rte_errno, EINVAL);
	/* EAL's own memory cannot be registered again. */
	{
		void *own = rte_malloc("own", 100, 0);
		const struct rte_memseg_list *msl = rte_mem_virt2memseg_list(own);

		assert_non_null(msl);
		rte_errno = 0;
		assert_int_equal(rte_extmem_register(msl->base_va, msl->page_sz, NULL, 0,
			msl->page_sz), -1);
		assert_int_equal(rte_errno, EINVAL);
		rte_free(own);
	}
	/* Nothing was left registered by the failures. */
	assert_null(rte_mem_virt2memseg_list(va));
	assert_int_equal(munmap(va, 8 * PG), 0);
}

/* Registrations stop with ENOSPC once every memseg list is used, and work again after. */
static void
test_extmem_full(void **state)
{
	uint8_t *va = map_area((size_t)RTE_MAX_MEMSEG_LISTS * PG);
	int n = 0, i;

	(void)state;
	for (i = 0; i < RTE_MAX_MEMSEG_LISTS; i++) {
		rte_errno = 0;
		if (rte_extmem_register(va + (size_t)i * PG, PG, NULL, 0, PG) != 0)
			break;
		n++;
	}
	assert_true(n > 0 && n < RTE_MAX_MEMSEG_LISTS);
	assert_int_equal(rte_errno, ENOSPC);
	assert_int_equal(rte_extmem_unregister(va, PG), 0);
	assert_int_equal(rte_extmem_register(va + (size_t)n * PG, PG, NULL, 0, PG), 0);
	assert_int_equal(rte_extmem_unregister(va + (size_t)n * PG, PG), 0);
	for (i = 1; i < n; i++)
		assert_int_equal(rte_extmem_unregister(va + (size_t)i * PG, PG), 0);
	assert_int_equal(munmap(va, (size_t)RTE_MAX_MEMSEG_LISTS * PG), 0);
}

struct ev_log {
	const void *want;       /* only events for this address count */
	int allocs;
	int frees;
	const void *addr;
	size_t len;
};

static void
mem_event(enum rte_mem_event ev, const void *addr, size_t len, void *arg)
{
	struct ev_log *l = arg;

	if (addr != l->want)
		return;
	if (ev == RTE_MEM_EVENT_ALLOC)
		l->allocs++;
	else
		l->frees++;
	l->addr = addr;
	l->len = len;
}

static int
in_area(const void *p, const uint8_t *va)
{
	return (const uint8_t *)p >= va && (const uint8_t *)p < va + AREA;
}

static void
test_named_heap(void **state)
{
	struct rte_malloc_socket_stats st;
	const struct rte_memzone *mz;
	struct ev_log ev = { 0 };
	uint8_t *va = map_area(AREA);
	struct ext_find f;
	void *p, *z, *any;
	int socket;

	(void)state;
	assert_int_equal(rte_malloc_heap_create("app_heap"), 0);
	socket = rte_malloc_heap_get_socket("app_heap");
	/* DPDK numbers external sockets from 256 on. */
	assert_true(socket >= 256 && socket >= RTE_MAX_NUMA_NODES);
	assert_int_equal(rte_malloc_heap_socket_is_external(socket), 1);
	assert_int_equal(rte_malloc_heap_socket_is_external(0), 0);
	assert_int_equal(rte_malloc_heap_socket_is_external(SOCKET_ID_ANY), 0);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_socket_is_external(socket + 1000), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_malloc_heap_get_socket("socket_0"), 0);

	/* An empty heap has nothing to give and does not grow. */
	rte_errno = 0;
	assert_null(rte_malloc_socket("empty", 64, 0, socket));
	assert_int_equal(rte_errno, ENOMEM);

	ev.want = va;
	assert_int_equal(rte_mem_event_callback_register("extmem", mem_event, &ev), 0);
	assert_int_equal(rte_malloc_heap_memory_add("app_heap", va, AREA, NULL, 0, PG), 0);
	assert_int_equal(ev.allocs, 1);
	assert_ptr_equal(ev.addr, va);
	assert_int_equal(ev.len, AREA);
	f = look_for(va);
	assert_non_null(f.msl);
	assert_int_equal(f.msl->external, 1);
	assert_int_equal(f.msl->heap, 1);
	assert_int_equal(f.msl->socket_id, socket);
	assert_int_equal(f.segs, AREA / PG);

	p = rte_malloc_socket("p", 1000, 0, socket);
	assert_non_null(p);
	assert_true(in_area(p, va));
	z = rte_zmalloc_socket("z", 5000, 256, socket);
	assert_non_null(z);
	assert_true(in_area(z, va));
	assert_int_equal((uintptr_t)z % 256, 0);
	assert_int_equal(((uint8_t *)z)[4999], 0);
	mz = rte_memzone_reserve("ext_zone", 10000, socket, 0);
	assert_non_null(mz);
	assert_true(in_area(mz->addr, va));
	assert_int_equal(mz->socket_id, socket);
	/* Other sockets, SOCKET_ID_ANY included, never land in it. */
	any = rte_malloc("any", 1000, 0);
	assert_non_null(any);
	assert_false(in_area(any, va));
	rte_free(any);
	/* It holds what was added, no more. */
	rte_errno = 0;
	assert_null(rte_malloc_socket("huge", AREA, 0, socket));
	assert_int_equal(rte_errno, ENOMEM);

	assert_int_equal(rte_malloc_get_socket_stats(socket, &st), 0);
	assert_int_equal(st.heap_totalsz_bytes, AREA);
	assert_int_equal(st.alloc_count, 3);
	/* No IOVA was given for the pages, whatever the IOVA mode. */
	assert_int_equal(rte_malloc_virt2iova(p), RTE_BAD_IOVA);
	assert_int_equal(mz->iova, RTE_BAD_IOVA);

	/* Blocks in use keep the memory in the heap and the heap alive. */
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_remove("app_heap", va, AREA), -1);
	assert_int_equal(rte_errno, EBUSY);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_destroy("app_heap"), -1);
	assert_int_equal(rte_errno, EBUSY);
	/* Nor can the registration API take it away. */
	rte_errno = 0;
	assert_int_equal(rte_extmem_unregister(va, AREA), -1);
	assert_int_equal(rte_errno, EINVAL);

	assert_int_equal(rte_malloc_heap_memory_attach("app_heap", va, AREA), 0);
	assert_int_equal(ev.allocs, 2);
	assert_int_equal(rte_malloc_heap_memory_detach("app_heap", va, AREA), 0);
	assert_int_equal(ev.frees, 1);

	rte_free(p);
	rte_free(z);
	assert_int_equal(rte_memzone_free(mz), 0);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_remove("app_heap", va, AREA), 0);
	assert_int_equal(ev.frees, 2);
	assert_ptr_equal(ev.addr, va);
	f = look_for(va);
	assert_null(f.msl);
	assert_int_equal(rte_malloc_get_socket_stats(socket, &st), 0);
	assert_int_equal(st.heap_totalsz_bytes, 0);
	assert_int_equal(rte_malloc_heap_destroy("app_heap"), 0);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_get_socket("app_heap"), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_malloc_socket("gone", 64, 0, socket));
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_mem_event_callback_unregister("extmem", &ev), 0);
	/* The memory is the application's again, with its old contents gone to the heap. */
	va[AREA - 1] = 1;
	assert_int_equal(munmap(va, AREA), 0);
}

/* IOVA of p when the first half of the area has none and the second has iova[]. */
static rte_iova_t
expected_iova(const void *p, const uint8_t *va, const rte_iova_t *iova)
{
	size_t off = (size_t)((const uint8_t *)p - va);

	if (off < AREA / 2)
		return RTE_BAD_IOVA;
	off -= AREA / 2;
	return iova[off / PG] + off % PG;
}

static void
test_named_heap_errors(void **state)
{
	char long_name[64];
	uint8_t *va = map_area(AREA);
	int i, n;

	(void)state;
	memset(long_name, 'h', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_create(NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_create(""), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_create(long_name), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_create("socket_0"), -1);
	assert_int_equal(rte_errno, EEXIST);
	assert_int_equal(rte_malloc_heap_create("h"), 0);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_create("h"), -1);
	assert_int_equal(rte_errno, EEXIST);

	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_get_socket(NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_get_socket("nope"), -1);
	assert_int_equal(rte_errno, ENOENT);

	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_add("nope", va, AREA, NULL, 0, PG), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_add("socket_0", va, AREA, NULL, 0, PG), -1);
	assert_int_equal(rte_errno, EPERM);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_add(NULL, va, AREA, NULL, 0, PG), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_add("h", va + 64, PG, NULL, 0, PG), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_add("h", va, AREA, NULL, 0, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	/* Too small to hold the heap's own bookkeeping. */
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_add("h", va, 128, NULL, 0, 128), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_malloc_heap_memory_add("h", va, AREA / 2, NULL, 0, PG), 0);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_add("h", va, AREA / 2, NULL, 0, PG), -1);
	assert_int_equal(rte_errno, EEXIST);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_add("h", va + PG, PG, NULL, 0, PG), -1);
	assert_int_equal(rte_errno, EINVAL);
	/* Two areas in one heap, the second with IOVAs, which blocks and zones report. */
	{
		static rte_iova_t iova[AREA / 2 / PG];
		const struct rte_memzone *mz;
		unsigned int k;
		uint8_t *q;

		for (k = 0; k < RTE_DIM(iova); k++)
			iova[k] = 0x40000000 + (rte_iova_t)(RTE_DIM(iova) - k) * PG;
		assert_int_equal(rte_malloc_heap_memory_add("h", va + AREA / 2, AREA / 2, iova,
			RTE_DIM(iova), PG), 0);
		q = rte_malloc_socket("q", 3 * PG, 0, rte_malloc_heap_get_socket("h"));
		assert_non_null(q);
		assert_int_equal(rte_malloc_virt2iova(q + PG + 8),
			expected_iova(q + PG + 8, va, iova));
		mz = rte_memzone_reserve("h_zone", 100, rte_malloc_heap_get_socket("h"), 0);
		assert_non_null(mz);
		assert_int_equal(mz->iova, expected_iova(mz->addr, va, iova));
		/* Both areas are used, one of them at least with IOVAs. */
		assert_true(mz->iova != RTE_BAD_IOVA || rte_malloc_virt2iova(q) != RTE_BAD_IOVA);
		rte_free(q);
		assert_int_equal(rte_memzone_free(mz), 0);
	}

	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_remove("h", va, PG), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_remove("socket_0", va, AREA / 2), -1);
	assert_int_equal(rte_errno, EPERM);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_remove("nope", va, AREA / 2), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_remove("h", NULL, AREA / 2), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_attach("h", va, PG), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_attach("socket_0", va, AREA / 2), -1);
	assert_int_equal(rte_errno, EPERM);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_detach("h", va, 0), -1);
	assert_int_equal(rte_errno, EINVAL);

	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_destroy("socket_0"), -1);
	assert_int_equal(rte_errno, EPERM);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_destroy("nope"), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_destroy(""), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_destroy("h"), -1);
	assert_int_equal(rte_errno, EBUSY);
	assert_int_equal(rte_malloc_heap_memory_remove("h", va, AREA / 2), 0);
	assert_int_equal(rte_malloc_heap_memory_remove("h", va + AREA / 2, AREA / 2), 0);
	assert_int_equal(rte_malloc_heap_destroy("h"), 0);

	/* Heaps run out at RTE_MAX_HEAPS. */
	for (n = 0; n < RTE_MAX_HEAPS; n++) {
		char name[16];

		snprintf(name, sizeof(name), "many%d", n);
		rte_errno = 0;
		if (rte_malloc_heap_create(name) != 0)
			break;
	}
	assert_int_equal(n, RTE_MAX_HEAPS - RTE_MAX_NUMA_NODES);
	assert_int_equal(rte_errno, ENOSPC);
	for (i = 0; i < n; i++) {
		char name[16];

		snprintf(name, sizeof(name), "many%d", i);
		assert_int_equal(rte_malloc_heap_destroy(name), 0);
	}
	assert_int_equal(munmap(va, AREA), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extmem_register),
		cmocka_unit_test(test_extmem_bad_args),
		cmocka_unit_test(test_extmem_full),
		cmocka_unit_test(test_named_heap),
		cmocka_unit_test(test_named_heap_errors),
	};

	return cmocka_run_group_tests_name("extmem", tests, setup, teardown);
}
