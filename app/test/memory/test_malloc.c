/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_malloc family on --no-huge memory: alignment, realloc in and out of place, zero sizes,
 * exhaustion and recovery, invalid frees, statistics, threads, chunk return and its hysteresis,
 * memory events and memseg walks, rte_zmalloc's zeros on fresh and reused memory.
 */
#include "test_common.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#define MB_BYTES (1024 * 1024)

static int
eal_up(const char *mem)
{
	const char *args[] = { "test_malloc", "--no-huge", "--in-memory", "-l", "0",
		"--log-level", "lib.eal:error", mem != NULL ? "-m" : NULL, mem, NULL };
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
setup_16m(void **state)
{
	(void)state;
	return eal_up("16");
}

static int
teardown(void **state)
{
	(void)state;
	return rte_eal_cleanup();
}

static struct rte_malloc_socket_stats
stats0(void)
{
	struct rte_malloc_socket_stats st;

	assert_int_equal(rte_malloc_get_socket_stats(0, &st), 0);
	return st;
}

static void
test_alignment(void **state)
{
	static const unsigned int bad[] = { 3, 24, 48, 100, 4095 };
	unsigned int align, i;

	(void)state;
	for (align = 1; align <= 4096; align <<= 1) {
		for (i = 1; i < 4; i++) {
			size_t size = i * 37;
			uint8_t *p = rte_malloc("align", size, align);
			size_t usable = 0;

			assert_non_null(p);
			assert_int_equal((uintptr_t)p % align, 0);
			/* The cache line is the minimum alignment. */
			assert_int_equal((uintptr_t)p % RTE_CACHE_LINE_SIZE, 0);
			assert_int_equal(rte_malloc_validate(p, &usable), 0);
			assert_true(usable >= size);
			memset(p, 0xa5, size);
			rte_free(p);
		}
	}
	for (i = 0; i < RTE_DIM(bad); i++) {
		rte_errno = 0;
		assert_null(rte_malloc("align", 64, bad[i]));
		assert_int_equal(rte_errno, EINVAL);
		assert_null(rte_zmalloc("align", 64, bad[i]));
		assert_null(rte_calloc("align", 2, 64, bad[i]));
	}
}

static void
fill(uint8_t *p, size_t n, uint8_t seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(seed + i * 7);
}

static void
check(const uint8_t *p, size_t n, uint8_t seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (uint8_t)(seed + i * 7))
			fail_msg("byte %zu changed", i);
}

static void
test_realloc_moves(void **state)
{
	uint8_t *p, *q, *blocker, *r;

	(void)state;
	/* Fresh heap: the block is followed by free space, so growing stays in place. */
	p = rte_malloc("re", 256, 0);
	assert_non_null(p);
	fill(p, 256, 1);
	q = rte_realloc(p, 4096, 0);
	assert_ptr_equal(q, p);
	check(q, 256, 1);
	fill(q, 4096, 2);

	/* Shrink and same size: in place, contents kept. */
	q = rte_realloc(p, 1000, 0);
	assert_ptr_equal(q, p);
	check(q, 1000, 2);
	q = rte_realloc(p, 1000, 0);
	assert_ptr_equal(q, p);
	check(q, 1000, 2);

	/* A busy neighbour forces a move; the contents follow. */
	blocker = rte_malloc("re", 64, 0);
	assert_non_null(blocker);
	q = rte_realloc(p, 64 * 1024, 0);
	assert_non_null(q);
	assert_ptr_not_equal(q, p);
	check(q, 1000, 2);
	assert_int_equal(rte_malloc_validate(p, NULL), -1); /* the old block is free */

	/* A stricter alignment than the block has also moves it. */
	r = rte_realloc(q, 64 * 1024, 4096);
	assert_non_null(r);
	assert_int_equal((uintptr_t)r % 4096, 0);
	check(r, 1000, 2);

	/* NULL acts as malloc; bad alignment and size 0 fail and leave the block alone. */
	q = rte_realloc(NULL, 128, 0);
	assert_non_null(q);
	rte_errno = 0;
	assert_null(rte_realloc(r, 128, 3));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_realloc(r, 0, 0));
	check(r, 1000, 2);
	assert_int_equal(rte_malloc_validate(r, NULL), 0);
	rte_free(q);
	rte_free(r);
	rte_free(blocker);
	assert_int_equal(stats0().alloc_count, 0);
}

static void
test_zero_size_and_null(void **state)
{
	struct rte_malloc_socket_stats before, after;
	uint8_t *p;

	(void)state;
	before = stats0();
	rte_errno = 0;
	assert_null(rte_malloc("zero", 0, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_zmalloc("zero", 0, 0));
	assert_null(rte_calloc("zero", 0, 16, 0));
	assert_null(rte_calloc("zero", 16, 0, 0));
	assert_null(rte_malloc_socket("zero", 0, 0, 0));
	/* num * size overflowing (volatile: the compiler would refuse the constant) */
	volatile size_t huge_count = SIZE_MAX / 2;

	rte_errno = 0;
	assert_null(rte_calloc("big", huge_count, 4, 0));
	assert_int_equal(rte_errno, ENOMEM);
	rte_free(NULL);
	after = stats0();
	assert_int_equal(after.alloc_count, before.alloc_count);

	p = rte_zmalloc("z", 3000, 0);
	assert_non_null(p);
	for (size_t i = 0; i < 3000; i++)
		assert_int_equal(p[i], 0);
	rte_free(p);
}

static void
test_invalid_free(void **state)
{
	struct rte_malloc_socket_stats before, after;
	uint8_t *p;

	(void)state;
	p = rte_malloc("bad", 1024, 0);
	assert_non_null(p);
	before = stats0();
	rte_free(p + 128);        /* not the start of a block: ignored */
	after = stats0();
	assert_int_equal(after.alloc_count, before.alloc_count);
	assert_int_equal(rte_malloc_validate(p + 128, NULL), -1);
	rte_free(p);
	rte_free(p);              /* second free: refused */
	after = stats0();
	assert_int_equal(after.alloc_count, before.alloc_count - 1);
	assert_int_equal(rte_malloc_validate(p, NULL), -1);
	assert_int_equal(rte_malloc_validate(NULL, NULL), -1);
}

static void
test_exhaustion(void **state)
{
	enum { MAX_BLOCKS = 64 };
	void *blocks[MAX_BLOCKS];
	struct rte_malloc_socket_stats st;
	int n = 0, again = 0, i;

	(void)state;
	/* -m 16: the heap can never grow beyond 16 MB. */
	while (n < MAX_BLOCKS) {
		rte_errno = 0;
		blocks[n] = rte_malloc("ex", MB_BYTES, 0);
		if (blocks[n] == NULL)
			break;
		n++;
	}
	assert_true(n > 8 && n < 16);
	assert_int_equal(rte_errno, ENOMEM);
	rte_errno = 0;
	assert_null(rte_malloc("ex", 64 * MB_BYTES, 0));
	assert_int_equal(rte_errno, ENOMEM);
	st = stats0();
	assert_int_equal(st.alloc_count, n);
	assert_true(st.heap_totalsz_bytes <= 16 * MB_BYTES);
	assert_true(st.heap_freesz_bytes + st.heap_allocsz_bytes <= st.heap_totalsz_bytes);
	for (i = 0; i < n; i++)
		assert_int_equal(rte_malloc_validate(blocks[i], NULL), 0);

	for (i = 0; i < n; i++)
		rte_free(blocks[i]);
	st = stats0();
	assert_int_equal(st.alloc_count, 0);
	assert_int_equal(st.free_count, 1); /* everything merged back into one block */
	while (again < MAX_BLOCKS) {
		blocks[again] = rte_malloc("ex", MB_BYTES, 0);
		if (blocks[again] == NULL)
			break;
		again++;
	}
	assert_int_equal(again, n);
	for (i = 0; i < again; i++)
		rte_free(blocks[i]);
}

static void
test_stats(void **state)
{
	struct rte_malloc_socket_stats before, mid, after;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	void *p, *q;

	(void)state;
	before = stats0();
	p = rte_malloc("st", 10000, 0);
	q = rte_malloc("st", 100, 0);
	assert_non_null(p);
	assert_non_null(q);
	mid = stats0();
	assert_int_equal(mid.alloc_count, before.alloc_count + 2);
	assert_true(mid.heap_allocsz_bytes >= before.heap_allocsz_bytes + 10100);
	assert_true(mid.heap_freesz_bytes + mid.heap_allocsz_bytes <= mid.heap_totalsz_bytes);
	assert_true(mid.greatest_free_size <= mid.heap_freesz_bytes);
	rte_free(p);
	rte_free(q);
	after = stats0();
	assert_int_equal(after.alloc_count, before.alloc_count);
	assert_int_equal(after.heap_allocsz_bytes, before.heap_allocsz_bytes);

	rte_errno = 0;
	assert_int_equal(rte_malloc_get_socket_stats(-1, &after), -1);
	assert_int_equal(rte_malloc_get_socket_stats(0, NULL), -1);

	p = rte_malloc("st", 100, 0);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	rte_malloc_dump_stats(f, NULL);
	rte_malloc_dump_heaps(f);
	fclose(f);
	assert_non_null(strstr(buf, "Socket:0"));
	assert_non_null(strstr(buf, "Alloc_count:1,"));
	assert_null(strstr(buf, "CORRUPT"));
	free(buf);
	rte_free(p);
}

struct worker_arg {
	unsigned int seed;
	uint8_t tag;
	int errors;
};

static void *
worker(void *varg)
{
	struct worker_arg *arg = varg;
	uint8_t *slots[32] = { NULL };
	size_t sizes[32] = { 0 };
	int i;

	for (i = 0; i < 20000; i++) {
		unsigned int k = (unsigned int)rand_r(&arg->seed) % 32;

		if (slots[k] != NULL) {
			for (size_t j = 0; j < sizes[k]; j += 61)
				if (slots[k][j] != (uint8_t)(k + arg->tag))
					arg->errors++;
			rte_free(slots[k]);
			slots[k] = NULL;
		} else {
			sizes[k] = 1 + (size_t)rand_r(&arg->seed) % 20000;
			slots[k] = rte_malloc("mt", sizes[k], 1u << (rand_r(&arg->seed) % 8));
			if (slots[k] == NULL) {
				arg->errors++;
				continue;
			}
			memset(slots[k], (uint8_t)(k + arg->tag), sizes[k]);
		}
	}
	for (i = 0; i < 32; i++)
		rte_free(slots[i]);
	return NULL;
}

static void
test_threads(void **state)
{
	struct worker_arg args[2] = { { .seed = 1, .tag = 10 }, { .seed = 2, .tag = 20 } };
	pthread_t th[2];
	int i;

	(void)state;
	for (i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&th[i], NULL, worker, &args[i]), 0);
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	for (i = 0; i < 2; i++)
		assert_int_equal(args[i].errors, 0);
	assert_int_equal(stats0().alloc_count, 0);
}

static void
test_sockets(void **state)
{
	void *p;

	(void)state;
	p = rte_malloc_socket("s", 100, 0, 0);
	assert_non_null(p);
	assert_int_equal(rte_mem_virt2memseg_list(p)->socket_id, 0);
	rte_free(p);
	p = rte_zmalloc_socket("s", 100, 0, SOCKET_ID_ANY);
	assert_non_null(p);
	p = rte_realloc_socket(p, 200, 0, 0);
	assert_non_null(p);
	rte_free(p);
	/* --no-huge memory lives on socket 0 only. */
	rte_errno = 0;
	assert_null(rte_malloc_socket("s", 100, 0, RTE_MAX_NUMA_NODES - 1));
	assert_int_equal(rte_errno, ENOMEM);
	rte_errno = 0;
	assert_null(rte_malloc_socket("s", 100, 0, RTE_MAX_NUMA_NODES));
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_malloc_heap_socket_is_external(0), 0);
	assert_int_equal(rte_malloc_heap_socket_is_external(-5), -1);
	assert_int_equal(rte_malloc_heap_get_socket("socket_0"), 0);
	assert_int_equal(rte_malloc_heap_get_socket("nope"), -1);
}

struct ev_log {
	int allocs, frees;
	size_t alloc_len, free_len;
};

static void
mem_event(enum rte_mem_event ev, const void *addr, size_t len, void *arg)
{
	struct ev_log *log = arg;

	assert_non_null(addr);
	if (ev == RTE_MEM_EVENT_ALLOC) {
		log->allocs++;
		log->alloc_len += len;
	} else {
		log->frees++;
		log->free_len += len;
	}
}

static int
count_seg(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	size_t *total = arg;

	assert_int_equal(ms->hugepage_sz, msl->page_sz);
	assert_int_equal(ms->len, msl->page_sz);
	assert_true((uintptr_t)ms->addr >= (uintptr_t)msl->base_va);
	*total += ms->len;
	return 0;
}

static int
count_contig(const struct rte_memseg_list *msl, const struct rte_memseg *ms, size_t len,
		void *arg)
{
	size_t *total = arg;

	(void)msl;
	assert_int_equal(ms->iova, (uintptr_t)ms->addr); /* IOVA as VA without hugepages */
	*total += len;
	return 0;
}

static void
test_events_and_walks(void **state)
{
	struct ev_log log = { 0 };
	struct rte_malloc_socket_stats st;
	size_t base, kept, walked = 0, contig = 0;
	uint8_t *big, *p2;
	int x;

	(void)state;
	assert_int_equal(rte_mem_event_callback_register("test", mem_event, &log), 0);
	rte_errno = 0;
	assert_int_equal(rte_mem_event_callback_register("test", mem_event, &log), -1);
	assert_int_equal(rte_errno, EEXIST);
	assert_int_equal(rte_mem_event_callback_register(NULL, mem_event, &log), -1);

	base = rte_eal_get_physmem_size();
	big = rte_malloc("big", 8 * MB_BYTES, 0);
	assert_non_null(big);
	assert_int_equal(log.allocs, 1);
	assert_true(log.alloc_len >= 8 * MB_BYTES);
	assert_int_equal(rte_eal_get_physmem_size(), base + log.alloc_len);

	assert_int_equal(rte_memseg_walk(count_seg, &walked), 0);
	assert_int_equal(walked, rte_eal_get_physmem_size());
	assert_int_equal(rte_memseg_contig_walk(count_contig, &contig), 0);
	assert_int_equal(contig, walked);
	assert_non_null(rte_mem_virt2memseg(big + 5 * MB_BYTES, NULL));
	assert_null(rte_mem_virt2memseg(&x, NULL));
	assert_null(rte_mem_virt2memseg_list(&x));
	assert_int_equal(rte_mem_virt2iova(big), (uintptr_t)big);
	assert_ptr_equal(rte_mem_iova2virt((uintptr_t)big + 100), big + 100);

	/*
	 * Nothing in the chunk is in use again: all of it goes back to the kernel but the floor
	 * (2 MB of --no-huge pages) the heap keeps mapped for the next allocation.
	 */
	rte_free(big);
	kept = rte_eal_get_physmem_size();
	assert_int_equal(log.frees, 1);
	assert_true(kept <= base + 2 * MB_BYTES);
	assert_int_equal(log.free_len, log.alloc_len - (kept - base));

	/*
	 * Behind a small block that keeps its chunk alive, a big block extends the chunk and
	 * its pages are trimmed off again once it is freed.
	 */
	big = rte_malloc("small", 100, 0);
	assert_non_null(big);
	walked = rte_eal_get_physmem_size();
	assert_true(walked <= base + 2 * MB_BYTES);
	p2 = rte_malloc("big", 8 * MB_BYTES, 0);
	assert_non_null(p2);
	memset(p2, 1, 8 * MB_BYTES);
	assert_true(rte_eal_get_physmem_size() >= walked + 6 * MB_BYTES);
	/* Shrinking in place gives the pages past the block's new end back. */
	assert_ptr_equal(rte_realloc(p2, MB_BYTES, 0), p2);
	assert_true(rte_eal_get_physmem_size() < walked + 4 * MB_BYTES);
	rte_free(p2);
	assert_true(rte_eal_get_physmem_size() <= walked);
	rte_free(big);
	assert_int_equal(rte_eal_get_physmem_size(), kept);
	assert_int_equal(log.free_len, log.alloc_len - (kept - base));
	assert_int_equal(rte_malloc_get_socket_stats(0, &st), 0);
	assert_int_equal(st.heap_totalsz_bytes, kept);

	assert_true(log.allocs >= 2);
	assert_int_equal(rte_mem_event_callback_unregister("test", &log), 0);
	rte_errno = 0;
	assert_int_equal(rte_mem_event_callback_unregister("test", &log), -1);
	assert_int_equal(rte_errno, ENOENT);
	x = log.allocs;
	big = rte_malloc("big", 8 * MB_BYTES, 0);
	assert_int_equal(log.allocs, x); /* no longer told */
	rte_free(big);
}

static int
count_segs(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	unsigned int *n = arg;

	(void)msl;
	(void)ms;
	(*n)++;
	return 0;
}

static unsigned int
memseg_count(void)
{
	unsigned int n = 0;

	assert_int_equal(rte_memseg_walk(count_segs, &n), 0);
	return n;
}

static bool
heaps_dump_has(const char *what)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	bool found;

	assert_non_null(f);
	rte_malloc_dump_heaps(f);
	fclose(f);
	found = strstr(buf, what) != NULL;
	free(buf);
	return found;
}

/*
 * A block that comes and goes while nothing else is in use must not map and unmap pages every
 * time: the heap keeps its last free chunk, down to a floor. A large free still gives the rest
 * back, and so does cleanup.
 */
static void
test_free_hysteresis(void **state)
{
	struct ev_log log = { 0 };
	struct rte_malloc_socket_stats st;
	size_t warm, total;
	unsigned int segs, i;
	uint8_t *p;

	(void)state;
	assert_int_equal(rte_mem_event_callback_register("hyst", mem_event, &log), 0);
	p = rte_malloc("warm", 64 * 1024, 0);
	assert_non_null(p);
	memset(p, 0xff, 64 * 1024);
	rte_free(p);
	warm = rte_eal_get_physmem_size();
	assert_true(warm > 0);
	segs = memseg_count();
	total = stats0().heap_totalsz_bytes;
	assert_int_equal(total, warm);
	if (stats0().alloc_count == 0)
		assert_true(heaps_dump_has(" idle"));
	memset(&log, 0, sizeof(log));
	for (i = 0; i < 1000; i++) {
		p = rte_zmalloc("cycle", 64 * 1024, 0);
		assert_non_null(p);
		/* The pages are reused, not fresh: zeroing must still be done. */
		assert_int_equal(p[0] | p[64 * 1024 - 1], 0);
		memset(p, 0xff, 64 * 1024);
		rte_free(p);
		assert_int_equal(rte_eal_get_physmem_size(), warm);
	}
	assert_int_equal(log.allocs, 0);
	assert_int_equal(log.frees, 0);
	assert_int_equal(memseg_count(), segs);
	st = stats0();
	assert_int_equal(st.heap_totalsz_bytes, total);

	/* Beyond the floor, a large free is given back at once. */
	p = rte_malloc("big", 64 * MB_BYTES, 0);
	assert_non_null(p);
	memset(p, 1, 64 * MB_BYTES);
	assert_true(rte_eal_get_physmem_size() >= warm + 64 * MB_BYTES);
	assert_true(memseg_count() > segs);
	rte_free(p);
	assert_int_equal(rte_eal_get_physmem_size(), warm);
	assert_int_equal(memseg_count(), segs);
	assert_int_equal(log.frees, 1);
	assert_true(log.free_len >= 64 * MB_BYTES);
	assert_int_equal(log.free_len, log.alloc_len);
	assert_int_equal(rte_mem_event_callback_unregister("hyst", &log), 0);
}

/*
 * A chunk kept alive by a small block grows by less than two floors (2 MB of --no-huge pages
 * each) for a block that comes and goes: the pages stay mapped when it goes, so the next such
 * block maps and faults in nothing. A larger free tail is still given back.
 */
static void
test_tail_pad(void **state)
{
	struct ev_log log = { 0 };
	size_t before, grown;
	uint8_t *small, *p;
	int i;

	(void)state;
	small = rte_malloc("small", 100, 0);
	assert_non_null(small);
	before = rte_eal_get_physmem_size();
	assert_int_equal(rte_mem_event_callback_register("pad", mem_event, &log), 0);
	p = rte_malloc("mid", 3 * MB_BYTES, 0);
	assert_non_null(p);
	memset(p, 1, 3 * MB_BYTES);
	grown = rte_eal_get_physmem_size();
	assert_true(grown > before);
	assert_int_equal(log.allocs, 1);
	for (i = 0; i < 10; i++) {
		rte_free(p);
		assert_int_equal(log.frees, 0);
		assert_int_equal(rte_eal_get_physmem_size(), grown);
		p = rte_malloc("mid", 3 * MB_BYTES, 0);
		assert_non_null(p);
		assert_int_equal(log.allocs, 1);
	}
	rte_free(p);
	p = rte_malloc("big", 16 * MB_BYTES, 0);
	assert_non_null(p);
	rte_free(p);
	assert_int_equal(log.frees, 1);
	assert_int_equal(rte_eal_get_physmem_size(), before);
	rte_free(small);
	assert_int_equal(rte_mem_event_callback_unregister("pad", &log), 0);
}

static int
refuse_growth(int socket, size_t limit, size_t new_len)
{
	(void)socket;
	(void)limit;
	(void)new_len;
	return -1;
}

/* The kept chunk must not cost an allocation that would succeed without it. */
static void
test_idle_gives_way(void **state)
{
	uint8_t *p;

	(void)state;
	p = rte_malloc("warm", 64 * 1024, 0);
	assert_non_null(p);
	rte_free(p);
	if (stats0().alloc_count != 0)
		skip(); /* EAL's own blocks keep the chunk busy: nothing is idle */
	assert_true(heaps_dump_has(" idle"));
	assert_true(rte_eal_get_physmem_size() >= 2 * MB_BYTES);
	/* With the 2 MB kept, 7 MB more would pass the 8 MB cap; without them it does not. */
	assert_int_equal(rte_mem_alloc_validator_register("cap", refuse_growth, 0, 8 * MB_BYTES),
		0);
	p = rte_malloc("big", 7 * MB_BYTES, 0);
	assert_non_null(p);
	memset(p, 1, 7 * MB_BYTES);
	assert_true(rte_eal_get_physmem_size() < 8 * MB_BYTES);
	rte_free(p);
	assert_int_equal(rte_mem_alloc_validator_unregister("cap", 0), 0);
}

static void
test_dma_mask(void **state)
{
	uint8_t *p, *q;

	(void)state;
	p = rte_malloc("dma", 100, 0);
	assert_non_null(p);
	/* IOVA as VA: user addresses fit in 47 bits, and are above 4 GB. */
	assert_int_equal(rte_mem_check_dma_mask(0), -1);
	assert_int_equal(rte_mem_check_dma_mask(64), -1);
	assert_int_equal(rte_mem_check_dma_mask(32), -1);
	assert_int_equal(rte_mem_check_dma_mask(48), 0);
	q = rte_malloc("dma", 8 * MB_BYTES, 0);
	assert_non_null(q);
	rte_free(q);
	/* A 32-bit device: no new pages can be mapped for it. */
	rte_mem_set_dma_mask(32);
	rte_errno = 0;
	assert_null(rte_malloc("dma", 8 * MB_BYTES, 0));
	assert_int_equal(rte_errno, ENOMEM);
	assert_int_equal(rte_malloc_validate(p, NULL), 0);
	rte_free(p);
}

/* How many of the n pages from p on are resident (faulted in)? */
static size_t
pages_resident(const void *p, size_t n)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE), i, count = 0;
	uintptr_t start = RTE_ALIGN_CEIL((uintptr_t)p, pg);
	unsigned char *vec = calloc(n, 1);

	assert_non_null(vec);
	assert_int_equal(mincore((void *)start, n * pg, vec), 0);
	for (i = 0; i < n; i++)
		count += vec[i] & 1;
	free(vec);
	return count;
}

static bool
all_zero(const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != 0)
			return false;
	return true;
}

/*
 * A large sparse zeroed block served from pages never handed out before is not written: its
 * pages are faulted in only when the caller uses them, and they read as zeros. rte_zmalloc
 * faults every page in at once.
 */
static void
test_zmalloc_fresh_untouched(void **state)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	uint8_t *p, *q;

	(void)state;
	rte_errno = 0;
	assert_null(rte_zmalloc_sparse_socket("bad", 64, 3, SOCKET_ID_ANY));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_zmalloc_sparse_socket("bad", 64, 0, RTE_MAX_NUMA_NODES + 7));
	assert_int_equal(rte_errno, EINVAL);
	p = rte_zmalloc_sparse_socket("fresh", 256 * pg, 0, SOCKET_ID_ANY);
	assert_non_null(p);
	assert_true(pages_resident(p + pg, 250) <= 1);
	q = rte_zmalloc("warm", 256 * pg, 0);
	assert_non_null(q);
	assert_int_equal(pages_resident(q + pg, 250), 250);
	assert_true(all_zero(q, 256 * pg));
	assert_true(all_zero(p, 256 * pg));
	memset(p, 0x5a, 256 * pg);
	rte_free(p);
	/* The same pages again: written before, so they are cleared. */
	p = rte_zmalloc_sparse_socket("reused", 256 * pg, 0, SOCKET_ID_ANY);
	assert_non_null(p);
	assert_true(all_zero(p, 256 * pg));
	rte_free(p);
	rte_free(q);
}

/*
 * Blocks carved from free space part written and part fresh, after splits and merges in every
 * order, still read as zeros from rte_zmalloc_sparse_socket, rte_zmalloc and rte_calloc.
 */
static void
test_zmalloc_mixed(void **state)
{
	enum { SLOTS = 64, ROUNDS = 3000 };
	uint8_t *slot[SLOTS] = { NULL };
	size_t len[SLOTS] = { 0 };
	unsigned int seed = 12345, i, r;
	uint8_t *a, *b, *z;

	(void)state;
	/* A written block freed right before fresh space: a free element written at its start. */
	a = rte_malloc("a", 5000, 0);
	b = rte_malloc("b", 3000, 0);
	assert_non_null(a);
	assert_non_null(b);
	memset(a, 0xff, 5000);
	memset(b, 0xee, 3000);
	rte_free(a);
	rte_free(b);
	z = rte_zmalloc_sparse_socket("z", 64 * 1024, 0, SOCKET_ID_ANY);
	assert_non_null(z);
	assert_true(all_zero(z, 64 * 1024));
	memset(z, 0xdd, 64 * 1024);
	/* Shrinking in place frees the written tail of the block. */
	a = rte_realloc(z, 1000, 0);
	assert_ptr_equal(a, z);
	z = rte_zmalloc_sparse_socket("z", 30000, 0, SOCKET_ID_ANY);
	assert_non_null(z);
	assert_true(all_zero(z, 30000));
	rte_free(z);
	rte_free(a);

	for (r = 0; r < ROUNDS; r++) {
		i = (unsigned int)rand_r(&seed) % SLOTS;
		if (slot[i] != NULL && rand_r(&seed) % 4 == 0) {
			len[i] = 1 + len[i] / 2;
			slot[i] = rte_realloc(slot[i], len[i], 0);
			assert_non_null(slot[i]);
			continue;
		}
		if (slot[i] != NULL) {
			rte_free(slot[i]);
			slot[i] = NULL;
			continue;
		}
		len[i] = 1 + (size_t)rand_r(&seed) % (rand_r(&seed) % 8 == 0 ? 200000 : 3000);
		switch (rand_r(&seed) % 3) {
		case 0:
			slot[i] = rte_zmalloc_sparse_socket("mix", len[i],
					1u << (rand_r(&seed) % 13), SOCKET_ID_ANY);
			break;
		case 1:
			slot[i] = rte_zmalloc("mix", len[i], 1u << (rand_r(&seed) % 13));
			break;
		default:
			slot[i] = rte_calloc("mix", 1, len[i], 0);
		}
		assert_non_null(slot[i]);
		assert_true(all_zero(slot[i], len[i]));
		memset(slot[i], 0xa5, len[i]);
	}
	for (i = 0; i < SLOTS; i++)
		rte_free(slot[i]);
}

static void
test_not_initialised(void **state)
{
	(void)state;
	/* Between cleanup and the next init there is no memory to hand out. */
	rte_errno = 0;
	assert_null(rte_malloc("none", 64, 0));
	assert_int_equal(rte_errno, ENOMEM);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_alignment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_realloc_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zero_size_and_null, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exhaustion, setup_16m, teardown),
		cmocka_unit_test_setup_teardown(test_stats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sockets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_events_and_walks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_hysteresis, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tail_pad, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idle_gives_way, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dma_mask, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zmalloc_fresh_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zmalloc_mixed, setup, teardown),
		cmocka_unit_test(test_not_initialised),
	};

	return cmocka_run_group_tests_name("malloc", tests, NULL, NULL);
}
