/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Secondary processes. This program is the primary; each secondary is this same program
 * executed again with "--secondary <scenario>", which runs rte_eal_init(--proc-type=secondary)
 * and exits 0 when everything it checked held (its exit status is the test's verdict).
 * Covered: a secondary finds the primary's memzones, rings and mempools by name and uses them,
 * allocates from the shared heaps (growing them too), reserves a memzone the primary then sees;
 * the same on hugepages; errors (no primary, --in-memory, the primary disabled multi-process, a
 * primary of another build, the primary's addresses taken); a secondary sees its primary exit; a secondary that crashes leaves
 * the primary and later secondaries working.
 */
#include "test_common.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mempool.h>
#include <rte_memzone.h>
#include <rte_ring.h>

#include "eal_shared.h"

#define PREFIX "test_mp_sec"
#define MZ_MAGIC 0x5eca11edc0ffee00ULL
#define BIG_BLOCK (48u << 20)

static const char *mem_flag = "--no-huge";

static int
eal_up(const char *type, const char *extra)
{
	const char *args[] = { "prog", "--file-prefix=" PREFIX, "--no-pci", "-l", "0",
		mem_flag, type, extra, NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

static pid_t
start_secondary(const char *scenario)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		execl("/proc/self/exe", "test_mp_secondary", "--secondary", scenario, mem_flag,
			(char *)NULL);
		_exit(127);
	}
	return pid;
}

/* Exit status of a secondary, -signal when it was killed, -1 when it cannot be waited for. */
static int
wait_secondary(pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	if (WIFSIGNALED(status))
		return -WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* Run this program as a secondary doing scenario and wait for it. */
static int
run_secondary(const char *scenario)
{
	return wait_secondary(start_secondary(scenario));
}

#define CHECK TEST_PEER_CHECK

/* The objects the primary made: find them, use them, answer through the ring. */
static int
secondary_share(void)
{
	const struct rte_memzone *mz, *own;
	struct rte_mempool *mp;
	struct rte_ring *to_sec, *to_pri;
	void *obj, *msg, *block, *big;

	CHECK(rte_eal_process_type() == RTE_PROC_SECONDARY);
	mz = rte_memzone_lookup("sec_mz");
	CHECK(mz != NULL && *(const uint64_t *)mz->addr == MZ_MAGIC);
	to_sec = rte_ring_lookup("to_sec");
	to_pri = rte_ring_lookup("to_pri");
	CHECK(to_sec != NULL && to_pri != NULL);
	CHECK(rte_ring_dequeue(to_sec, &msg) == 0 && strcmp(msg, "hello secondary") == 0);
	mp = rte_mempool_lookup("sec_pool");
	CHECK(mp != NULL);
	CHECK(rte_mempool_get(mp, &obj) == 0);
	memset(obj, 0xa5, mp->elt_size);
	CHECK(rte_ring_enqueue(to_pri, obj) == 0);
	/* The heap is shared: a block from here is readable by the primary. */
	block = rte_malloc("sec_block", 64, 0);
	CHECK(block != NULL);
	strcpy(block, "hello primary");
	CHECK(rte_ring_enqueue(to_pri, block) == 0);
	/* Bigger than what the heap holds: it grows into new pages of the shared lists. */
	big = rte_malloc("sec_big", BIG_BLOCK, 0);
	CHECK(big != NULL);
	memset(big, 0x5a, BIG_BLOCK);
	CHECK(rte_ring_enqueue(to_pri, big) == 0);
	own = rte_memzone_reserve("sec_own", 4096, SOCKET_ID_ANY, 0);
	CHECK(own != NULL);
	*(uint64_t *)own->addr = MZ_MAGIC + 1;
	CHECK(rte_memzone_reserve("sec_mz", 64, SOCKET_ID_ANY, 0) == NULL &&
		rte_errno == EEXIST);
	CHECK(rte_eal_primary_proc_alive(NULL) == 1);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

static void
die_in_walk(const struct rte_memzone *mz, void *arg)
{
	RTE_SET_USED(mz);
	RTE_SET_USED(arg);
	abort();
}

static void
die_on_event(enum rte_mem_event type, const void *addr, size_t len, void *arg)
{
	RTE_SET_USED(type);
	RTE_SET_USED(addr);
	RTE_SET_USED(len);
	RTE_SET_USED(arg);
	abort();
}

/* Where test_addresses_taken's primary maps its shared configuration, then its memory. */
#define TAKEN_BASE 0x280000000000ULL
#define TAKEN_OPTION "--base-virtaddr=0x280000000000"

/* A page of ours at base + off: rte_eal_init refused, and fine once the page is gone. */
static int
refused_where_taken(uint64_t off)
{
	void *want = (void *)(uintptr_t)(TAKEN_BASE + off);
	void *va = mmap(want, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		-1, 0);

	CHECK(va == want);
	CHECK(eal_up("--proc-type=secondary", NULL) == -1 && rte_errno == ENOMEM);
	CHECK(munmap(va, 4096) == 0);
	return 0;
}

/*
 * The shared configuration's range (at the base), then the memory list's (64 MiB further, past
 * the configuration and inside the list), then nothing in the way.
 */
static int
secondary_taken(void)
{
	CHECK(refused_where_taken(0) == 0);
	CHECK(refused_where_taken(64ULL << 20) == 0);
	CHECK(eal_up("--proc-type=secondary", NULL) >= 0);
	CHECK(rte_memzone_lookup("taken_mz") != NULL);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

static int
secondary_main(const char *scenario)
{
	int ret;

	if (strcmp(scenario, "in-memory") == 0) {
		ret = eal_up("--proc-type=secondary", "--in-memory");
		return ret == -1 && rte_errno == EINVAL ? 0 : 1;
	}
	if (strcmp(scenario, "taken") == 0)
		return secondary_taken();
	ret = eal_up("--proc-type=secondary", NULL);
	if (strcmp(scenario, "refused") == 0)
		return ret == -1 && rte_errno == ENOTSUP ? 0 : 1;
	if (strcmp(scenario, "no-primary") == 0)
		return ret == -1 && rte_errno == ENOENT ? 0 : 1;
	if (strcmp(scenario, "other-build") == 0)
		return ret == -1 && rte_errno == EPROTO ? 0 : 1;
	if (ret < 0) {
		fprintf(stderr, "secondary: rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	if (strcmp(scenario, "share") == 0)
		return secondary_share();
	if (strcmp(scenario, "watch") == 0) {
		/* Tell the primary it may go, then see it gone within 10 s. */
		unsigned int waited;

		CHECK(rte_eal_primary_proc_alive(NULL) == 1);
		CHECK(rte_memzone_reserve("watch_ready", 64, SOCKET_ID_ANY, 0) != NULL);
		for (waited = 0; waited < 1000; waited++) {
			if (rte_eal_primary_proc_alive(NULL) == 0)
				return rte_eal_cleanup() == 0 ? 0 : 1;
			usleep(10 * 1000);
		}
		return 1;
	}
	if (strcmp(scenario, "die-in-memzone-lock") == 0) {
		/* The walk holds the memzone lock while it calls back. */
		rte_memzone_walk(die_in_walk, NULL);
		return 1;
	}
	if (strcmp(scenario, "die-in-heap-lock") == 0) {
		/* Memory event callbacks run under the heap lock: growing the heap calls it. */
		CHECK(rte_mem_event_callback_register("die", die_on_event, NULL) == 0);
		rte_malloc("die_big", BIG_BLOCK, 0);
		return 1;
	}
	if (strcmp(scenario, "crash") == 0) {
		/* Dies holding a mempool object and a heap block, without cleaning up. */
		struct rte_mempool *mp = rte_mempool_lookup("sec_pool");
		void *obj;

		if (mp != NULL && rte_mempool_get(mp, &obj) == 0 &&
				rte_malloc(NULL, 4096, 0) != NULL)
			abort();
		return 1;
	}
	return 1;
}

/* What the primary makes for a "share" secondary, and the checks of its answers. */
static void
share_once(void)
{
	static char hello[] = "hello secondary";
	const struct rte_memzone *mz, *own;
	struct rte_mempool *mp;
	struct rte_ring *to_sec, *to_pri;
	char *hello_shared;
	void *obj;
	unsigned char *p;
	size_t i;

	mz = rte_memzone_reserve("sec_mz", 64, SOCKET_ID_ANY, 0);
	assert_non_null(mz);
	*(uint64_t *)mz->addr = MZ_MAGIC;
	to_sec = rte_ring_create("to_sec", 16, SOCKET_ID_ANY, 0);
	to_pri = rte_ring_create("to_pri", 16, SOCKET_ID_ANY, 0);
	mp = rte_mempool_create("sec_pool", 63, 128, 0, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	assert_non_null(to_sec);
	assert_non_null(to_pri);
	assert_non_null(mp);
	/* The message itself must be in shared memory for the secondary to read it. */
	hello_shared = rte_malloc(NULL, sizeof(hello), 0);
	assert_non_null(hello_shared);
	memcpy(hello_shared, hello, sizeof(hello));
	assert_int_equal(rte_ring_enqueue(to_sec, hello_shared), 0);

	assert_int_equal(run_secondary("share"), 0);

	assert_int_equal(rte_ring_dequeue(to_pri, &obj), 0);
	p = obj;
	for (i = 0; i < mp->elt_size; i++)
		assert_int_equal(p[i], 0xa5);
	rte_mempool_put(mp, obj);
	assert_int_equal(rte_ring_dequeue(to_pri, &obj), 0);
	assert_string_equal(obj, "hello primary");
	rte_free(obj);
	assert_int_equal(rte_ring_dequeue(to_pri, &obj), 0);
	p = obj;
	assert_int_equal(p[0], 0x5a);
	assert_int_equal(p[BIG_BLOCK - 1], 0x5a);
	rte_free(obj);
	own = rte_memzone_lookup("sec_own");
	assert_non_null(own);
	assert_true(*(uint64_t *)own->addr == MZ_MAGIC + 1);
	assert_int_equal(rte_memzone_free(own), 0);
	assert_int_equal(rte_mempool_avail_count(mp), 63);
	rte_mempool_free(mp);
	rte_ring_free(to_sec);
	rte_ring_free(to_pri);
	rte_free(hello_shared);
	assert_int_equal(rte_memzone_free(mz), 0);
}

static void
test_share(void **state)
{
	RTE_SET_USED(state);
	assert_true(eal_up("--proc-type=primary", NULL) >= 0);
	share_once();
	/* and again: the same names, the same memory, a new secondary */
	share_once();
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_share_hugepages(void **state)
{
	RTE_SET_USED(state);
	if (access("/dev/hugepages", W_OK) != 0 || geteuid() != 0)
		skip();
	mem_flag = "--socket-mem=64";
	if (eal_up("--proc-type=primary", NULL) < 0) {
		mem_flag = "--no-huge";
		test_note("no free hugepages: %s\n", rte_strerror(rte_errno));
		skip();
	}
	share_once();
	assert_int_equal(rte_eal_cleanup(), 0);
	mem_flag = "--no-huge";
}

static void
test_errors(void **state)
{
	RTE_SET_USED(state);
	/* nobody runs with the prefix */
	assert_int_equal(run_secondary("no-primary"), 0);
	assert_true(eal_up("--proc-type=primary", NULL) >= 0);
	assert_int_equal(run_secondary("in-memory"), 0);
	/* a primary that disabled multi-process turns secondaries away */
	assert_true(rte_mp_disable());
	assert_int_equal(run_secondary("refused"), 0);
	assert_int_equal(rte_eal_cleanup(), 0);
	/* the option itself */
	assert_int_equal(eal_up("--proc-type=tertiary", NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
}

static void
test_addresses_taken(void **state)
{
	RTE_SET_USED(state);
	assert_true(eal_up("--proc-type=primary", TAKEN_OPTION) >= 0);
	assert_int_equal(rte_eal_get_baseaddr(), TAKEN_BASE);
	assert_non_null(rte_memzone_reserve("taken_mz", 64, SOCKET_ID_ANY, 0));
	assert_int_equal(run_secondary("taken"), 0);
	assert_int_equal(rte_eal_cleanup(), 0);
}

/* The runtime directory of PREFIX, as EAL makes it. */
static void
prefix_dir(char *buf, size_t size)
{
	const char *base = "/var/run";

	if (geteuid() != 0) {
		base = getenv("XDG_RUNTIME_DIR");
		if (base == NULL || base[0] == '\0')
			base = "/tmp";
	}
	snprintf(buf, size, "%s/dpdk/%s", base, PREFIX);
}

/* A "primary" of another build: its lock held, a header whose layout differs from ours. */
static void
test_other_build(void **state)
{
	struct eal_shared_hdr hdr;
	char dir[PATH_MAX], path[PATH_MAX + 16];
	int fd;

	RTE_SET_USED(state);
	assert_true(eal_up("--proc-type=primary", NULL) >= 0);
	assert_int_equal(rte_eal_cleanup(), 0);
	prefix_dir(dir, sizeof(dir));
	mkdir(dir, 0700);
	snprintf(path, sizeof(path), "%s/config", dir);
	fd = open(path, O_RDWR | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), 0);
	memset(&hdr, 0, sizeof(hdr));
	hdr.magic = EAL_SHARED_MAGIC;
	hdr.layout = 1;
	snprintf(hdr.version, sizeof(hdr.version), "DPDK 1.0.0");
	hdr.primary_pid = getpid();
	hdr.ready = 1;
	assert_int_equal(pwrite(fd, &hdr, sizeof(hdr), 0), (ssize_t)sizeof(hdr));
	assert_int_equal(run_secondary("other-build"), 0);
	unlink(path);
	close(fd);
}

/* A secondary sees its primary go (rte_eal_primary_proc_alive). */
static void
test_primary_exit_seen(void **state)
{
	unsigned int waited;
	pid_t pid;

	RTE_SET_USED(state);
	assert_true(eal_up("--proc-type=primary", NULL) >= 0);
	pid = start_secondary("watch");
	assert_true(pid > 0);
	for (waited = 0; rte_memzone_lookup("watch_ready") == NULL && waited < 1000; waited++)
		usleep(10 * 1000);
	assert_non_null(rte_memzone_lookup("watch_ready"));
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(wait_secondary(pid), 0);
}

static void
test_secondary_crash(void **state)
{
	struct rte_mempool *mp;
	void *p;

	RTE_SET_USED(state);
	assert_true(eal_up("--proc-type=primary", NULL) >= 0);
	mp = rte_mempool_create("sec_pool", 63, 128, 0, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(run_secondary("crash"), -SIGABRT);
	/* The primary goes on: allocations, and a new secondary. */
	p = rte_malloc(NULL, 1 << 20, 0);
	assert_non_null(p);
	rte_free(p);
	rte_mempool_free(mp);
	share_once();
	assert_int_equal(rte_eal_cleanup(), 0);
}

/*
 * A secondary killed while it holds the memzone lock, then one killed while it holds a heap
 * lock: the primary takes each lock over and goes on reserving and allocating, and so does a
 * secondary started afterwards.
 */
static void
test_secondary_dies_holding_locks(void **state)
{
	const struct rte_memzone *mz, *walked;
	void *p;

	RTE_SET_USED(state);
	assert_true(eal_up("--proc-type=primary", NULL) >= 0);
	/* Something for the secondary's walk to call back on. */
	walked = rte_memzone_reserve("walked_mz", 64, SOCKET_ID_ANY, 0);
	assert_non_null(walked);
	assert_int_equal(run_secondary("die-in-memzone-lock"), -SIGABRT);
	mz = rte_memzone_reserve("after_mz_death", 64, SOCKET_ID_ANY, 0);
	assert_non_null(mz);
	assert_int_equal(rte_memzone_free(mz), 0);
	assert_int_equal(rte_memzone_free(walked), 0);
	assert_int_equal(run_secondary("die-in-heap-lock"), -SIGABRT);
	p = rte_malloc(NULL, 1 << 20, 0);
	assert_non_null(p);
	rte_free(p);
	p = rte_malloc(NULL, BIG_BLOCK, 0);
	assert_non_null(p);
	rte_free(p);
	share_once();
	assert_int_equal(rte_eal_cleanup(), 0);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_share),
		cmocka_unit_test(test_share_hugepages),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_addresses_taken),
		cmocka_unit_test(test_other_build),
		cmocka_unit_test(test_primary_exit_seen),
		cmocka_unit_test(test_secondary_crash),
		cmocka_unit_test(test_secondary_dies_holding_locks),
	};

	if (argc == 4 && strcmp(argv[1], "--secondary") == 0) {
		mem_flag = argv[3];
		return secondary_main(argv[2]);
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
