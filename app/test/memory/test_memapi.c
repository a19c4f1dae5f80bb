/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_eal_memconfig.h locks against the memory layer, tailq registry, rings and mempools;
 * mempools on a named heap;
 * rte_eal_paging.h; memseg file descriptors (hugepage files when the machine has them);
 * allocation validators; rte_eal_get_baseaddr and rte_eal_using_phys_addrs.
 */
#include "test_common.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_eal_memconfig.h>
#include <rte_eal_paging.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_mempool.h>
#include <rte_ring.h>
#include <rte_tailq.h>

#define MB_BYTES (1024 * 1024)

static char prefix[64];

static int
eal_up_args(const char *const *extra)
{
	const char *args[TEST_ARGV_MAX] = { "test_memapi", "-l", "0", "--log-level",
		"lib.eal:critical", "--file-prefix", prefix };
	struct test_argv a;
	int n = 7;

	while (extra != NULL && *extra != NULL && n < TEST_ARGV_MAX - 1)
		args[n++] = *extra++;
	args[n] = NULL;
	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv) < 0 ? -1 : 0;
}

static void
eal_up_nohuge(void)
{
	const char *const args[] = { "--no-huge", "--in-memory", NULL };

	assert_int_equal(eal_up_args(args), 0);
}

/* Sleep long enough for a thread that is not blocked to have finished its work. */
static void
settle(void)
{
	usleep(200 * 1000);
}

struct bg_call {
	pthread_t tid;
	void *(*fn)(void *);
	volatile int done;
	void *ret;
};

static void *
bg_main(void *arg)
{
	struct bg_call *c = arg;

	c->ret = c->fn(c);
	__atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

static void
bg_start(struct bg_call *c, void *(*fn)(void *))
{
	c->fn = fn;
	c->done = 0;
	assert_int_equal(pthread_create(&c->tid, NULL, bg_main, c), 0);
}

static int
bg_done(struct bg_call *c)
{
	return __atomic_load_n(&c->done, __ATOMIC_ACQUIRE);
}

static void
bg_join(struct bg_call *c)
{
	assert_int_equal(pthread_join(c->tid, NULL), 0);
	assert_true(bg_done(c));
}

static void *
grow_heap(void *arg)
{
	(void)arg;
	/* Larger than anything mapped so far: the heap has to map pages. */
	return rte_malloc("grow", 8 * MB_BYTES, 0);
}

static int
count_segs(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	(void)msl;
	(void)ms;
	(*(int *)arg)++;
	return 0;
}

static void *
walk_segs(void *arg)
{
	int n = 0;

	(void)arg;
	rte_memseg_walk(count_segs, &n);
	return (void *)(uintptr_t)n;
}

/* Holding the memory lock keeps the heap from mapping pages, as DPDK documents. */
static void
test_mem_lock_excludes_growth(void **state)
{
	struct bg_call c;
	uint64_t before;
	void *grown;
	int n = 0;

	(void)state;
	eal_up_nohuge();
	before = rte_eal_get_physmem_size();
	rte_mcfg_mem_read_lock();
	bg_start(&c, grow_heap);
	settle();
	assert_false(bg_done(&c));
	assert_int_equal(rte_eal_get_physmem_size(), before);
	/* Readers still get through: a walk nests inside the read lock. */
	assert_int_equal(rte_memseg_walk(count_segs, &n), 0);
	rte_mcfg_mem_read_unlock();
	bg_join(&c);
	grown = c.ret;
	assert_non_null(grown);
	assert_true(rte_eal_get_physmem_size() >= before + 8 * MB_BYTES);

	/* The write lock keeps walkers out too. */
	rte_mcfg_mem_write_lock();
	bg_start(&c, walk_segs);
	settle();
	assert_false(bg_done(&c));
	rte_mcfg_mem_write_unlock();
	bg_join(&c);
	assert_true((uintptr_t)c.ret > 0);
	rte_free(grown);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void *
tailq_lookup(void *arg)
{
	(void)arg;
	return rte_eal_tailq_lookup("RTE_NO_SUCH_TAILQ");
}

static void *
ring_lookup(void *arg)
{
	(void)arg;
	return rte_ring_lookup("mcfg_ring");
}

static void *
mempool_lookup(void *arg)
{
	(void)arg;
	return rte_mempool_lookup("mcfg_pool");
}

static void *
take_timer_lock(void *arg)
{
	(void)arg;
	rte_mcfg_timer_lock();
	rte_mcfg_timer_unlock();
	return NULL;
}

/* The tailq, mempool and timer locks are the ones the registry, rings and mempools take. */
static void
test_list_locks(void **state)
{
	struct rte_mempool *mp;
	struct rte_ring *r;
	struct bg_call c;

	(void)state;
	eal_up_nohuge();
	r = rte_ring_create("mcfg_ring", 64, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	mp = rte_mempool_create("mcfg_pool", 63, 64, 0, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	assert_non_null(mp);

	rte_mcfg_tailq_write_lock();
	bg_start(&c, tailq_lookup);
	settle();
	assert_false(bg_done(&c));
	rte_mcfg_tailq_write_unlock();
	bg_join(&c);
	assert_null(c.ret);

	rte_mcfg_tailq_write_lock();
	bg_start(&c, ring_lookup);
	settle();
	assert_false(bg_done(&c));
	rte_mcfg_tailq_write_unlock();
	bg_join(&c);
	assert_ptr_equal(c.ret, r);

	/* Readers share: a lookup goes through while the application reads the lists. */
	rte_mcfg_tailq_read_lock();
	bg_start(&c, ring_lookup);
	bg_join(&c);
	rte_mcfg_tailq_read_unlock();
	assert_ptr_equal(c.ret, r);

	rte_mcfg_mempool_write_lock();
	bg_start(&c, mempool_lookup);
	settle();
	assert_false(bg_done(&c));
	rte_mcfg_mempool_write_unlock();
	bg_join(&c);
	assert_ptr_equal(c.ret, mp);

	rte_mcfg_mempool_read_lock();
	bg_start(&c, mempool_lookup);
	bg_join(&c);
	rte_mcfg_mempool_read_unlock();
	assert_ptr_equal(c.ret, mp);

	rte_mcfg_timer_lock();
	bg_start(&c, take_timer_lock);
	settle();
	assert_false(bg_done(&c));
	rte_mcfg_timer_unlock();
	bg_join(&c);

	rte_mempool_free(mp);
	rte_ring_free(r);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_single_file_segments(void **state)
{
	const char *const args[] = { "--no-huge", "--in-memory", "--single-file-segments", NULL };

	(void)state;
	eal_up_nohuge();
	assert_false(rte_mcfg_get_single_file_segments());
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(eal_up_args(args), 0);
	assert_true(rte_mcfg_get_single_file_segments());
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_paging(void **state)
{
	size_t pg = rte_mem_page_size();
	uint8_t *p, *q;
	char path[] = "/tmp/test_memapi_XXXXXX";
	int fd;

	(void)state;
	/* The values are ABI: drivers built for DPDK 22.11 pass them as numbers. */
	assert_int_equal(RTE_PROT_READ | RTE_PROT_WRITE << 4 | RTE_PROT_EXECUTE << 8, 0x421);
	assert_int_equal(RTE_MAP_SHARED | RTE_MAP_ANONYMOUS << 4 | RTE_MAP_PRIVATE << 8 |
		RTE_MAP_FORCE_ADDRESS << 12, 0x8421);
	assert_int_equal(pg, (size_t)sysconf(_SC_PAGESIZE));
	p = rte_mem_map(NULL, 4 * pg, RTE_PROT_READ | RTE_PROT_WRITE,
		RTE_MAP_PRIVATE | RTE_MAP_ANONYMOUS, -1, 0);
	assert_non_null(p);
	assert_int_equal(p[0], 0);
	memset(p, 0x5a, 4 * pg);
	assert_int_equal(rte_mem_lock(p, 4 * pg), 0);
	assert_int_equal(munlock(p, 4 * pg), 0);
	/* A forced address replaces what is there: the page reads as zeros again. */
	q = rte_mem_map(p + pg, pg, RTE_PROT_READ, RTE_MAP_PRIVATE | RTE_MAP_ANONYMOUS |
		RTE_MAP_FORCE_ADDRESS, -1, 0);
	assert_ptr_equal(q, p + pg);
	assert_int_equal(q[0], 0);
	assert_int_equal(p[0], 0x5a);
	assert_int_equal(rte_mem_unmap(p, 4 * pg), 0);

	/* A shared file mapping writes through to the file. */
	fd = mkstemp(path);
	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(ftruncate(fd, (off_t)(2 * pg)), 0);
	p = rte_mem_map(NULL, pg, RTE_PROT_READ | RTE_PROT_WRITE, RTE_MAP_SHARED, fd, pg);
	assert_non_null(p);
	p[7] = 42;
	{
		uint8_t b = 0;

		assert_int_equal(pread(fd, &b, 1, (off_t)pg + 7), 1);
		assert_int_equal(b, 42);
	}
	assert_int_equal(rte_mem_unmap(p, pg), 0);

	/* Errors come back in rte_errno. */
	rte_errno = 0;
	assert_null(rte_mem_map(NULL, pg, RTE_PROT_READ, RTE_MAP_SHARED, -1, 0));
	assert_int_equal(rte_errno, EBADF);
	rte_errno = 0;
	assert_null(rte_mem_map(NULL, pg, 1 << 7, RTE_MAP_PRIVATE | RTE_MAP_ANONYMOUS, -1, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_mem_map(NULL, pg, RTE_PROT_READ, 1 << 9, -1, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_mem_map(NULL, pg, RTE_PROT_READ, RTE_MAP_PRIVATE, fd, 1));
	assert_int_equal(rte_errno, EINVAL);
	close(fd);
	rte_errno = 0;
	assert_int_equal(rte_mem_unmap((void *)(uintptr_t)1, pg), -1);
	assert_int_equal(rte_errno, EINVAL);
#ifndef __SANITIZE_ADDRESS__
	/* Nothing mapped there (the range was just unmapped); ASan makes mlock a no-op. */
	rte_errno = 0;
	assert_int_equal(rte_mem_lock(p, pg), -1);
	assert_int_equal(rte_errno, ENOMEM);
#endif
}

static void
test_baseaddr_and_phys(void **state)
{
	(void)state;
	assert_int_equal(rte_eal_get_baseaddr(), UINT64_C(0x100000000));
	eal_up_nohuge();
	/* No hugepages: never physical addresses, whoever we are. */
	assert_int_equal(rte_eal_using_phys_addrs(), 0);
	assert_int_equal(rte_eal_cleanup(), 0);
}

struct first_seg {
	const struct rte_memseg_list *msl;
	struct rte_memseg *ms;
	size_t run;
};

static int
find_first_run(const struct rte_memseg_list *msl, const struct rte_memseg *ms, size_t len,
		void *arg)
{
	struct first_seg *f = arg;

	if (msl->external)
		return 0;
	f->msl = msl;
	f->ms = (struct rte_memseg *)(uintptr_t)ms;
	f->run = len;
	return 1;
}

/* Checks that hold whatever backs the memory. */
static void
check_fd_errors(struct first_seg *f)
{
	struct rte_memseg fake = *f->ms;
	const struct rte_memseg *unused;
	size_t off = 1;

	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd(NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd_thread_unsafe(&fake), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd_offset(f->ms, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd_offset(&fake, &off), -1);
	assert_int_equal(rte_errno, EINVAL);
	/* A memseg of the list that is not mapped: ENOENT. */
	unused = f->ms;
	while (unused->len != 0 && unused < f->ms + f->msl->len / f->msl->page_sz - 1)
		unused++;
	assert_int_equal(unused->len, 0);
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd(unused), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd_offset_thread_unsafe(unused, &off), -1);
	assert_int_equal(rte_errno, ENOENT);
	assert_int_equal(off, 1);
}

static void
test_memseg_fd_anonymous(void **state)
{
	struct first_seg f = { 0 };
	size_t off = 7;
	void *p;

	(void)state;
	eal_up_nohuge();
	p = rte_malloc("fd", 1000, 0);
	assert_non_null(p);
	assert_int_equal(rte_memseg_contig_walk(find_first_run, &f), 1);
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd(f.ms), -1);
	assert_int_equal(rte_errno, ENOTSUP);
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd_thread_unsafe(f.ms), -1);
	assert_int_equal(rte_errno, ENOTSUP);
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd_offset(f.ms, &off), -1);
	assert_int_equal(rte_errno, ENOTSUP);
	assert_int_equal(off, 7);
	check_fd_errors(&f);
	rte_free(p);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static int
free_2m_hugepages(void)
{
	FILE *fp = fopen("/sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages", "r");
	int n = 0;

	if (fp == NULL)
		return 0;
	if (fscanf(fp, "%d", &n) != 1)
		n = 0;
	fclose(fp);
	return n;
}

static void
need_hugepages(void)
{
	if (getuid() != 0 || free_2m_hugepages() < 8 || access("/dev/hugepages", W_OK) != 0) {
		print_message("needs root and 8 free 2 MB hugepages mounted on /dev/hugepages\n");
		skip();
	}
}

struct fd_check {
	int checked;
	int patterned;
};

static int
check_seg_fd(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	struct fd_check *c = arg;
	struct stat st;
	size_t off = 1;
	uint64_t word = 0;
	int fd;

	fd = rte_memseg_get_fd_thread_unsafe(ms);
	assert_true(fd >= 0);
	assert_int_equal(rte_memseg_get_fd_offset_thread_unsafe(ms, &off), 0);
	assert_int_equal(off % msl->page_sz, 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_true((size_t)st.st_size >= off + ms->len);
	/* The page really is that part of that file: its bytes read back through the fd. */
	assert_int_equal(pread(fd, &word, sizeof(word), (off_t)(off + ms->len / 2)),
		sizeof(word));
	assert_int_equal(word, *(const uint64_t *)RTE_PTR_ADD(ms->addr, ms->len / 2));
	if (word == UINT64_C(0xa5a5a5a5a5a5a5a5))
		c->patterned++;
	c->checked++;
	return 0;
}

static void
test_memseg_fd_hugepages(void **state)
{
	const char *const args[] = { NULL };
	const char *const inmem[] = { "--in-memory", NULL };
	struct fd_check c = { 0 };
	struct first_seg f = { 0 };
	void *a, *b;
	int fds;

	(void)state;
	need_hugepages();
	fds = test_count_fds();
	assert_int_equal(eal_up_args(args), 0);
	assert_int_equal(rte_eal_using_phys_addrs(), 1);
	/*
	 * One mapping, one file: shrinking the block unmaps the tail pages, which must leave the
	 * file too (a hole is punched), or hugetlbfs keeps them for it.
	 */
	a = rte_malloc("big", 6 * MB_BYTES, 0);
	assert_non_null(a);
	memset(a, 1, 6 * MB_BYTES);
	{
		struct rte_memseg *ms = rte_mem_virt2memseg(a, NULL);
		struct stat st0, st1;
		int fd;

		assert_non_null(ms);
		fd = rte_memseg_get_fd(ms);
		assert_true(fd >= 0);
		assert_int_equal(fstat(fd, &st0), 0);
		assert_ptr_equal(rte_realloc(a, 64, 0), a);
		assert_int_equal(fstat(fd, &st1), 0);
		assert_true(st1.st_blocks > 0);
		assert_true(st1.st_blocks <= st0.st_blocks - 2 * (2 * MB_BYTES / 512));
	}
	rte_free(a);
	a = rte_malloc("a", 3 * MB_BYTES, 0);
	assert_non_null(a);
	b = rte_malloc("b", 3 * MB_BYTES, 0);
	assert_non_null(b);
	memset(a, 0xa5, 3 * MB_BYTES);
	memset(b, 0xa5, 3 * MB_BYTES);
	assert_int_equal(rte_memseg_walk(check_seg_fd, &c), 0);
	assert_true(c.checked >= 4);
	assert_true(c.patterned >= 2);
	assert_int_equal(rte_memseg_contig_walk(find_first_run, &f), 1);
	assert_true(rte_memseg_get_fd(f.ms) >= 0);
	assert_int_equal(rte_memseg_get_fd(f.ms), rte_memseg_get_fd_thread_unsafe(f.ms));
	check_fd_errors(&f);
	rte_free(a);
	rte_free(b);
	assert_int_equal(rte_eal_cleanup(), 0);
	/* Every hugepage file went with the pages. */
	assert_int_equal(test_count_fds(), fds);

	/* --in-memory hugepages are anonymous: no file to give. */
	assert_int_equal(eal_up_args(inmem), 0);
	a = rte_malloc("a", 1000, 0);
	assert_non_null(a);
	memset(&f, 0, sizeof(f));
	assert_int_equal(rte_memseg_contig_walk(find_first_run, &f), 1);
	rte_errno = 0;
	assert_int_equal(rte_memseg_get_fd(f.ms), -1);
	assert_int_equal(rte_errno, ENOTSUP);
	rte_free(a);
	assert_int_equal(rte_eal_cleanup(), 0);
}

struct validator_log {
	int calls;
	int socket;
	size_t limit;
	size_t new_len;
	int verdict;
};

static struct validator_log vlog;

static int
validator(int socket_id, size_t cur_limit, size_t new_len)
{
	vlog.calls++;
	vlog.socket = socket_id;
	vlog.limit = cur_limit;
	vlog.new_len = new_len;
	return vlog.verdict;
}

static int
other_validator(int socket_id, size_t cur_limit, size_t new_len)
{
	(void)socket_id;
	(void)cur_limit;
	(void)new_len;
	return 0;
}

static void
test_validators(void **state)
{
	char long_name[RTE_MEM_ALLOC_VALIDATOR_NAME_LEN + 1];
	void *small, *big;

	(void)state;
	eal_up_nohuge();
	memset(&vlog, 0, sizeof(vlog));
	vlog.verdict = -1;
	assert_int_equal(rte_mem_alloc_validator_register("limit", validator, 0, 16 * MB_BYTES),
		0);
	/* Below the limit the validator is not asked. */
	small = rte_malloc("small", 1000, 0);
	assert_non_null(small);
	assert_int_equal(vlog.calls, 0);
	/* Past it, it is, and its refusal fails the allocation. */
	rte_errno = 0;
	big = rte_malloc_socket("big", 32 * MB_BYTES, 0, 0);
	assert_null(big);
	assert_int_equal(rte_errno, ENOMEM);
	assert_true(vlog.calls >= 1);
	assert_int_equal(vlog.socket, 0);
	assert_int_equal(vlog.limit, 16 * MB_BYTES);
	assert_true(vlog.new_len >= 32 * MB_BYTES);
	/* Other sockets are not its business. */
	assert_int_equal(rte_mem_alloc_validator_register("limit", other_validator, 1, 0), 0);
	/* Agreeing lets the heap grow. */
	vlog.verdict = 0;
	vlog.calls = 0;
	big = rte_malloc_socket("big", 32 * MB_BYTES, 0, 0);
	assert_non_null(big);
	assert_true(vlog.calls >= 1);
	rte_free(big);
	/* Gone, it is no longer asked. */
	vlog.verdict = -1;
	vlog.calls = 0;
	assert_int_equal(rte_mem_alloc_validator_unregister("limit", 0), 0);
	big = rte_malloc_socket("big", 32 * MB_BYTES, 0, 0);
	assert_non_null(big);
	assert_int_equal(vlog.calls, 0);
	rte_free(big);

	/* Errors. */
	memset(long_name, 'v', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	/* Still registered for socket 1 from above. */
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_register("limit", validator, 1, 0), -1);
	assert_int_equal(rte_errno, EEXIST);
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_register(NULL, validator, 0, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_register("x", NULL, 0, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_register("x", validator, -1, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_register("", validator, 0, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_register(long_name, validator, 0, 0), -1);
	assert_int_equal(rte_errno, ENAMETOOLONG);
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_unregister("limit", 0), -1);
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_unregister(NULL, 0), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_unregister("limit", -1), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mem_alloc_validator_unregister(long_name, 0), -1);
	assert_int_equal(rte_errno, ENAMETOOLONG);
	assert_int_equal(rte_mem_alloc_validator_unregister("limit", 1), 0);
	rte_free(small);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
check_in_area(struct rte_mempool *mp, void *opaque, void *obj, unsigned int idx)
{
	const uint8_t *va = opaque;

	(void)mp;
	(void)idx;
	assert_true((const uint8_t *)obj >= va && (const uint8_t *)obj < va + 4 * MB_BYTES);
}

/* A mempool on a named heap takes its objects from the application's memory. */
static void
test_mempool_on_named_heap(void **state)
{
	uint8_t *va;
	struct rte_mempool *mp;
	void *obj;
	int socket;

	(void)state;
	eal_up_nohuge();
	va = mmap(NULL, 4 * MB_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(va != MAP_FAILED);
	assert_int_equal(rte_malloc_heap_create("pool_heap"), 0);
	assert_int_equal(rte_malloc_heap_memory_add("pool_heap", va, 4 * MB_BYTES, NULL, 0,
		4096), 0);
	socket = rte_malloc_heap_get_socket("pool_heap");
	mp = rte_mempool_create("ext_pool", 255, 128, 0, 0, NULL, NULL, NULL, NULL, socket, 0);
	assert_non_null(mp);
	assert_true((uint8_t *)mp >= va && (uint8_t *)mp < va + 4 * MB_BYTES);
	assert_int_equal(rte_mempool_obj_iter(mp, check_in_area, va), 255);
	assert_int_equal(rte_mempool_get(mp, &obj), 0);
	rte_mempool_put(mp, obj);
	rte_errno = 0;
	assert_int_equal(rte_malloc_heap_memory_remove("pool_heap", va, 4 * MB_BYTES), -1);
	assert_int_equal(rte_errno, EBUSY);
	rte_mempool_free(mp);
	assert_int_equal(rte_malloc_heap_memory_remove("pool_heap", va, 4 * MB_BYTES), 0);
	assert_int_equal(rte_malloc_heap_destroy("pool_heap"), 0);
	assert_int_equal(munmap(va, 4 * MB_BYTES), 0);
	assert_int_equal(rte_eal_cleanup(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mem_lock_excludes_growth),
		cmocka_unit_test(test_list_locks),
		cmocka_unit_test(test_single_file_segments),
		cmocka_unit_test(test_paging),
		cmocka_unit_test(test_baseaddr_and_phys),
		cmocka_unit_test(test_memseg_fd_anonymous),
		cmocka_unit_test(test_validators),
		cmocka_unit_test(test_mempool_on_named_heap),
		cmocka_unit_test(test_memseg_fd_hugepages),
	};

	snprintf(prefix, sizeof(prefix), "memapi%d", (int)getpid());
	return cmocka_run_group_tests_name("memapi", tests, NULL, NULL);
}
