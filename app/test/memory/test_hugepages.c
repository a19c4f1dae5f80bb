/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAL memory start-up: hugepage and --no-huge modes, physical addresses, files left (or not) in
 * the hugetlbfs mount and runtime directory, the prefix lock, -m checks, stale files, and the
 * one-line errors when hugepages cannot be used. Start-up failures run in a child process (this
 * program re-executed with --child) so their log lines can be counted.
 */
#include "test_common.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#define HP_2M "/sys/kernel/mm/hugepages/hugepages-2048kB"
#define HP_1G "/sys/kernel/mm/hugepages/hugepages-1048576kB"

static char prefix[64];

static long
read_long(const char *path)
{
	FILE *f = fopen(path, "r");
	long v = -1;

	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

/* First hugetlbfs mount of 2 MB pages we can write to, or NULL. */
static const char *
huge_mount(void)
{
	static char mnt[PATH_MAX];
	char line[1024], dev[256], dir[PATH_MAX], type[64], opts[512];
	FILE *f = fopen("/proc/mounts", "r");

	if (f == NULL)
		return NULL;
	mnt[0] = '\0';
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%255s %4095s %63s %511s", dev, dir, type, opts) != 4)
			continue;
		if (strcmp(type, "hugetlbfs") == 0 && access(dir, W_OK) == 0 &&
				(strstr(opts, "pagesize=2M") != NULL ||
				 strstr(opts, "pagesize=") == NULL)) {
			snprintf(mnt, sizeof(mnt), "%s", dir);
			break;
		}
	}
	fclose(f);
	return mnt[0] != '\0' ? mnt : NULL;
}

/* Hugepage memory mapped by this process, from /proc/self/status. */
static long
hugetlb_kib(void)
{
	char line[256];
	long v = -1;
	FILE *f = fopen("/proc/self/status", "r");

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "HugetlbPages: %ld", &v) == 1)
			break;
	fclose(f);
	return v;
}

static long
free_2m_pages(void)
{
	long f = read_long(HP_2M "/free_hugepages"), r = read_long(HP_2M "/resv_hugepages");

	return f < 0 ? 0 : f - (r > 0 ? r : 0);
}

/* Skip (with the reason) unless a mounted 2 MB hugetlbfs has at least n free pages. */
static void
need_hugepages(long n)
{
	if (huge_mount() == NULL) {
		print_message("no writable hugetlbfs mount of 2 MB pages\n");
		skip();
	}
	if (free_2m_pages() < n) {
		print_message("only %ld free 2 MB hugepages, %ld needed\n", free_2m_pages(), n);
		skip();
	}
}

static void
need_root(void)
{
	if (getuid() != 0) {
		print_message("not root\n");
		skip();
	}
}

/* Entries of dir whose names start with pfx. */
static int
count_entries(const char *dir, const char *pfx)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, pfx, strlen(pfx)) == 0)
			n++;
	closedir(d);
	return n;
}

static const char *
runtime_base(void)
{
	static char base[PATH_MAX];
	const char *x = getenv("XDG_RUNTIME_DIR");

	if (getuid() == 0)
		snprintf(base, sizeof(base), "/var/run/dpdk");
	else
		snprintf(base, sizeof(base), "%s/dpdk", x != NULL && x[0] ? x : "/tmp");
	return base;
}

static int
eal_up(const char *const *extra)
{
	const char *args[TEST_ARGV_MAX] = { "test_hugepages", "-l", "0", "--log-level",
		"lib.eal:error" };
	struct test_argv a;
	int n = 5;

	while (extra != NULL && *extra != NULL && n < TEST_ARGV_MAX - 1)
		args[n++] = *extra++;
	args[n] = NULL;
	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

struct child_result {
	int ret;
	int err;
	int exhaust[4];         /* blocks first and second round, rte_errno, memory left mapped */
	int mapped;             /* the child's memory came from its private mount */
	int err_lines;          /* non-empty lines on stderr */
	char log[4096];
};

/*
 * Run rte_eal_init in a child with the given EAL arguments. ns: NULL, "nohugefs" (private mount
 * namespace without any hugetlbfs) or "mount1g" (a private 1 GB hugetlbfs replaces "@MNT@").
 */
static void
run_child(const char *ns, const char *const *eal_args, struct child_result *res)
{
	const char *argv[TEST_ARGV_MAX] = { "test_hugepages", "--child", ns ? ns : "-" };
	int out[2], errp[2], status, n = 3;
	char buf[256];
	ssize_t r;
	size_t off = 0;
	FILE *f;
	pid_t pid;

	while (*eal_args != NULL && n < TEST_ARGV_MAX - 1)
		argv[n++] = *eal_args++;
	argv[n] = NULL;
	assert_int_equal(pipe(out), 0);
	assert_int_equal(pipe(errp), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(out[1], 1);
		dup2(errp[1], 2);
		execv("/proc/self/exe", (char *const *)(uintptr_t)argv);
		_exit(127);
	}
	close(out[1]);
	close(errp[1]);
	memset(res, 0, sizeof(*res));
	while (off < sizeof(res->log) - 1 &&
			(r = read(errp[0], res->log + off, sizeof(res->log) - 1 - off)) > 0)
		off += (size_t)r;
	res->log[off] = '\0';
	f = fdopen(out[0], "r");
	res->ret = -100;
	while (fgets(buf, sizeof(buf), f) != NULL)
		if (sscanf(buf, "RESULT %d %d", &res->ret, &res->err) != 2 &&
				sscanf(buf, "MAPPED %d", &res->mapped) != 1)
			sscanf(buf, "EXHAUST %d %d %d %d", &res->exhaust[0], &res->exhaust[1],
				&res->exhaust[2], &res->exhaust[3]);
	fclose(f);
	close(errp[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	for (char *p = res->log; *p != '\0'; ) {
		char *nl = strchr(p, '\n');

		if (nl != p)
			res->err_lines++;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* Allocate 1 MB blocks until the heap cannot grow, twice; print both counts and the error. */
static void
exhaust(void)
{
	void *blocks[64];
	int n[2] = { 0, 0 }, err = 0, round, i;

	for (round = 0; round < 2; round++) {
		while (n[round] < 64) {
			rte_errno = 0;
			blocks[n[round]] = rte_malloc("ex", 1 << 20, 0);
			if (blocks[n[round]] == NULL)
				break;
			memset(blocks[n[round]], round, 1 << 20);
			n[round]++;
		}
		err = rte_errno;
		for (i = 0; i < n[round]; i++)
			rte_free(blocks[i]);
	}
	printf("EXHAUST %d %d %d %d\n", n[0], n[1], err, (int)rte_eal_get_physmem_size());
}

static int
child_main(int argc, char **argv)
{
	char *eal_argv[TEST_ARGV_MAX];
	char mnt[] = "/tmp/test_hugepages_mntXXXXXX";
	int n = 0, i, ret;

	if (strcmp(argv[2], "-") != 0) {
		if (unshare(CLONE_NEWNS) != 0 ||
				mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
			printf("NS-FAILED %d\n", errno);
			return 0;
		}
		if (strcmp(argv[2], "nohugefs") == 0) {
			char line[1024], dev[256], dir[PATH_MAX], type[64];
			int found = 1;

			/* Unmount every hugetlbfs; repeat since the list changes as we go. */
			while (found) {
				FILE *f = fopen("/proc/mounts", "r");

				found = 0;
				while (f != NULL && fgets(line, sizeof(line), f) != NULL)
					if (sscanf(line, "%255s %4095s %63s", dev, dir,
							type) == 3 &&
							strcmp(type, "hugetlbfs") == 0 &&
							umount2(dir, MNT_DETACH) == 0)
						found = 1;
				if (f != NULL)
					fclose(f);
			}
		} else if (strncmp(argv[2], "mount", 5) == 0) {
			const char *opt = strcmp(argv[2], "mount1g") == 0 ? "pagesize=1G" :
				strcmp(argv[2], "mount8m") == 0 ? "pagesize=2M,size=8M" :
				"pagesize=2M";

			if (mkdtemp(mnt) == NULL || mount("nodev", mnt, "hugetlbfs", 0, opt) != 0) {
				printf("NS-FAILED %d\n", errno);
				return 0;
			}
		}
	}
	eal_argv[n++] = argv[0];
	for (i = 3; i < argc && n < TEST_ARGV_MAX - 1; i++)
		eal_argv[n++] = strcmp(argv[i], "@MNT@") == 0 ? mnt : argv[i];
	eal_argv[n] = NULL;
	ret = rte_eal_init(n, eal_argv);
	printf("RESULT %d %d\n", ret < 0 ? -1 : 0, ret < 0 ? rte_errno : 0);
	fflush(stdout);
	if (ret >= 0) {
		void *p = rte_malloc("child", 1 << 20, 0);

		/* Where the pages come from: the mapping names the (deleted) file. */
		printf("MAPPED %d\n", test_maps_contain(mnt));
		rte_free(p);
		if (strcmp(argv[2], "mount8m") == 0)
			exhaust();
		rte_eal_cleanup();
	}
	if (strncmp(argv[2], "mount", 5) == 0) {
		umount2(mnt, MNT_DETACH);
		rmdir(mnt);
	}
	return 0;
}

static void
test_hugepage_mode(void **state)
{
	const char *const args[] = { "--file-prefix", prefix, NULL };
	const char *const bad_dir[] = { "--file-prefix", prefix, "--huge-dir", "/tmp", NULL };
	const char *const good_dir[] = { "--file-prefix", prefix, "--huge-dir", NULL, NULL };
	const char *good_dir_args[5];
	char rdir[PATH_MAX];
	struct stat st;
	const struct rte_memseg *ms;
	uint8_t *p;

	(void)state;
	need_hugepages(4);
	assert_true(eal_up(args) >= 0);
	assert_int_equal(rte_eal_has_hugepages(), 1);
	p = rte_malloc("hp", 3 << 20, 0);  /* more than one page */
	assert_non_null(p);
	memset(p, 1, 3 << 20);
	ms = rte_mem_virt2memseg(p, NULL);
	assert_non_null(ms);
	assert_true(ms->hugepage_sz >= (2 << 20));
	assert_true(rte_eal_get_physmem_size() >= (4 << 20));
	assert_true(hugetlb_kib() >= 4096);
	/* Files are unlinked as soon as they are mapped. */
	assert_int_equal(count_entries(huge_mount(), prefix), 0);
	snprintf(rdir, sizeof(rdir), "%s", rte_eal_get_runtime_dir());
	assert_int_equal(stat(rdir, &st), 0);
	rte_free(p);
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(hugetlb_kib(), 0);       /* every page unmapped */
	assert_int_equal(count_entries(huge_mount(), prefix), 0);
	assert_int_not_equal(stat(rdir, &st), 0); /* runtime directory removed */

	/* --huge-dir must name a hugetlbfs mount. */
	rte_errno = 0;
	assert_int_equal(eal_up(bad_dir), -1);
	assert_int_equal(rte_errno, EINVAL);
	memcpy(good_dir_args, good_dir, sizeof(good_dir));
	good_dir_args[3] = huge_mount();
	assert_true(eal_up(good_dir_args) >= 0);
	p = rte_malloc("hp", 100, 0);
	assert_non_null(p);
	assert_true(rte_mem_virt2memseg(p, NULL)->hugepage_sz >= (2 << 20));
	rte_free(p);
	assert_int_equal(rte_eal_cleanup(), 0);
}

/* -m and --socket-mem map their amount at start-up and keep it when blocks are freed. */
static void
test_prealloc(void **state)
{
	const char *const m_args[] = { "--file-prefix", prefix, "-m", "8", NULL };
	const char *const sock_args[] = { "--file-prefix", prefix, "--socket-mem", "6", NULL };
	const char *const nohuge_args[] = { "--file-prefix", prefix, "--no-huge", "-m", "6",
		NULL };
	void *p;

	(void)state;
	assert_true(eal_up(nohuge_args) >= 0);
	assert_int_equal(rte_eal_get_physmem_size(), 6 << 20);
	assert_int_equal(rte_eal_cleanup(), 0);

	need_hugepages(8);
	assert_true(eal_up(m_args) >= 0);
	assert_int_equal(rte_eal_get_physmem_size(), 8 << 20);
	/* The kernel counts them as this process's hugepages. */
	assert_true(hugetlb_kib() >= 8192);
	p = rte_malloc("pre", 6 << 20, 0);
	assert_non_null(p);
	rte_free(p);
	assert_int_equal(rte_eal_get_physmem_size(), 8 << 20);
	assert_int_equal(rte_eal_cleanup(), 0);

	assert_true(eal_up(sock_args) >= 0);
	assert_int_equal(rte_eal_get_physmem_size(), 6 << 20);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static int
check_seg_pa(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	(void)arg;
	assert_int_equal(ms->len, msl->page_sz);
	assert_int_equal(ms->iova, rte_mem_virt2phy(ms->addr));
	return 0;
}

static void
test_virt2iova(void **state)
{
	const char *const args[] = { "--file-prefix", prefix, NULL };
	const char *const va_args[] = { "--file-prefix", prefix, "--iova-mode=va", NULL };
	const struct rte_memzone *mz;
	rte_iova_t iova;
	uint8_t *p;
	size_t off;

	(void)state;
	need_root();
	need_hugepages(4);
	assert_true(eal_up(args) >= 0);
	assert_int_equal(rte_eal_iova_mode(), RTE_IOVA_PA);
	p = rte_malloc("pa", 1000, 0);
	assert_non_null(p);
	iova = rte_malloc_virt2iova(p);
	assert_int_not_equal(iova, RTE_BAD_IOVA);
	/*
	 * Not "iova != p": the kernel may hand out the hugepage whose physical address happens to
	 * equal the heap's first virtual address (seen on a guest with its hugepages near 6 GB).
	 */
	assert_int_equal(iova, rte_mem_virt2phy(p));
	assert_int_equal(rte_mem_virt2iova(p + 10), iova + 10);
	assert_ptr_equal(rte_mem_iova2virt(iova), p);
	/* A contiguous zone: every 4 KiB page sits right after the previous one in PA. */
	mz = rte_memzone_reserve("pa_zone", 1 << 20, SOCKET_ID_ANY, RTE_MEMZONE_IOVA_CONTIG);
	assert_non_null(mz);
	assert_int_equal(mz->hugepage_sz, 2 << 20);
	for (off = 0; off < mz->len; off += 4096)
		assert_int_equal(rte_mem_virt2phy((uint8_t *)mz->addr + off), mz->iova + off);
	/* Every mapped page reports its physical address, as a DMA mapper needs. */
	assert_int_equal(rte_memseg_walk(check_seg_pa, NULL), 0);
	rte_free(p);
	assert_int_equal(rte_eal_cleanup(), 0);

	assert_true(eal_up(va_args) >= 0);
	assert_int_equal(rte_eal_iova_mode(), RTE_IOVA_VA);
	p = rte_malloc("va", 1000, 0);
	assert_int_equal(rte_malloc_virt2iova(p), (uintptr_t)p);
	rte_free(p);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_no_huge_mode(void **state)
{
	const char *const args[] = { "--file-prefix", prefix, "--no-huge", NULL };
	uint8_t *p;

	(void)state;
	assert_true(eal_up(args) >= 0);
	assert_int_equal(rte_eal_has_hugepages(), 0);
	assert_int_equal(rte_eal_iova_mode(), RTE_IOVA_VA);
	p = rte_malloc("nh", 3 << 20, 0);
	assert_non_null(p);
	memset(p, 2, 3 << 20);
	assert_int_equal(rte_mem_virt2memseg(p, NULL)->hugepage_sz, 4096);
	assert_int_equal(rte_malloc_virt2iova(p), (uintptr_t)p);
	if (huge_mount() != NULL)
		assert_int_equal(count_entries(huge_mount(), prefix), 0);
	rte_free(p);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_in_memory_no_files(void **state)
{
	/* The telemetry socket is the one file --in-memory still makes, as in DPDK: not here. */
	const char *const huge[] = { "--file-prefix", prefix, "--in-memory", "--no-telemetry",
		NULL };
	const char *const nohuge[] = { "--file-prefix", prefix, "--in-memory", "--no-huge",
		"--no-telemetry", NULL };
	const char *mnt = huge_mount();
	uint8_t *p;

	(void)state;
	assert_int_equal(count_entries(runtime_base(), prefix), 0);
	assert_true(eal_up(free_2m_pages() >= 4 ? huge : nohuge) >= 0);
	if (!rte_eal_has_hugepages())
		print_message("no free hugepages: checked with --no-huge only\n");
	p = rte_malloc("im", 3 << 20, 0);
	assert_non_null(p);
	memset(p, 3, 3 << 20);
	assert_int_equal(count_entries(runtime_base(), prefix), 0);
	if (mnt != NULL)
		assert_int_equal(count_entries(mnt, prefix), 0);
	rte_free(p);
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(count_entries(runtime_base(), prefix), 0);
	if (mnt != NULL)
		assert_int_equal(count_entries(mnt, prefix), 0);
}

static void
test_second_primary(void **state)
{
	char other[80];
	const char *const mine[] = { "--file-prefix", prefix, "--no-huge", NULL };
	const char *const same[] = { "-l", "0", "--log-level", "lib.eal:error", "--no-huge",
		"--file-prefix", prefix, NULL };
	const char *const diff[] = { "-l", "0", "--log-level", "lib.eal:error", "--no-huge",
		"--file-prefix", other, NULL };
	struct child_result res;

	(void)state;
	snprintf(other, sizeof(other), "%s_other", prefix);
	assert_true(eal_up(mine) >= 0);
	run_child(NULL, same, &res);
	assert_int_equal(res.ret, -1);
	assert_int_equal(res.err, EEXIST);
	assert_int_equal(res.err_lines, 1);
	assert_non_null(strstr(res.log, prefix));
	run_child(NULL, diff, &res);
	assert_int_equal(res.ret, 0);
	assert_int_equal(rte_eal_cleanup(), 0);
	/* Once the first one is gone the prefix is free again. */
	run_child(NULL, same, &res);
	assert_int_equal(res.ret, 0);
}

static void
test_m_too_large(void **state)
{
	char mb[32], hmb[32];
	long ram_mb = sysconf(_SC_PHYS_PAGES) / 1024 * sysconf(_SC_PAGESIZE) / 1024;
	const char *const nohuge[] = { "-l", "0", "--log-level", "lib.eal:error", "--no-huge",
		"--file-prefix", prefix, "-m", mb, NULL };
	const char *const huge[] = { "-l", "0", "--log-level", "lib.eal:error",
		"--file-prefix", prefix, "-m", hmb, NULL };
	const char *const sock[] = { "-l", "0", "--log-level", "lib.eal:error",
		"--file-prefix", prefix, "--socket-mem", hmb, NULL };
	struct child_result res;

	(void)state;
	snprintf(mb, sizeof(mb), "%ld", ram_mb * 2);
	run_child(NULL, nohuge, &res);
	assert_int_equal(res.ret, -1);
	assert_int_equal(res.err, ENOMEM);
	assert_int_equal(res.err_lines, 1);
	assert_non_null(strstr(res.log, mb));
	assert_int_equal(count_entries(runtime_base(), prefix), 0);

	need_hugepages(1);
	/* Well above what is free, whatever other processes do meanwhile. */
	snprintf(hmb, sizeof(hmb), "%ld", free_2m_pages() * 2 + 4096);
	run_child(NULL, huge, &res);
	assert_int_equal(res.ret, -1);
	assert_int_equal(res.err, ENOMEM);
	assert_int_equal(res.err_lines, 1);
	assert_non_null(strstr(res.log, hmb));
	assert_non_null(strstr(res.log, "free hugepages"));
	assert_int_equal(count_entries(runtime_base(), prefix), 0);
	run_child(NULL, sock, &res);
	assert_int_equal(res.ret, -1);
	assert_int_equal(res.err, ENOMEM);
	assert_int_equal(res.err_lines, 1);
	assert_non_null(strstr(res.log, "--socket-mem"));
	assert_non_null(strstr(res.log, hmb));
}

static void
test_stale_files(void **state)
{
	const char *const args[] = { "--file-prefix", prefix, NULL };
	char stale[PATH_MAX], foreign[PATH_MAX];
	const char *mnt;
	void *va;
	int fd;

	(void)state;
	need_hugepages(4);
	mnt = huge_mount();
	/* What a crashed run leaves: a file of our prefix still holding a page. */
	snprintf(stale, sizeof(stale), "%s/%smap_7", mnt, prefix);
	snprintf(foreign, sizeof(foreign), "%s/%sxmap_7", mnt, prefix);
	fd = open(stale, O_CREAT | O_RDWR, 0600);
	assert_true(fd >= 0);
	va = mmap(NULL, 2 << 20, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	assert_true(va != MAP_FAILED);
	memset(va, 1, 4096);
	munmap(va, 2 << 20);
	close(fd);
	fd = open(foreign, O_CREAT | O_RDWR, 0600);  /* another prefix's file: not ours */
	assert_true(fd >= 0);
	close(fd);

	assert_true(eal_up(args) >= 0);
	assert_int_not_equal(access(stale, F_OK), 0);
	assert_int_equal(access(foreign, F_OK), 0);
	assert_int_equal(rte_eal_cleanup(), 0);
	unlink(foreign);
}

static void
test_no_hugetlbfs(void **state)
{
	const char *const huge[] = { "-l", "0", "--log-level", "lib.eal:error", "--file-prefix",
		prefix, NULL };
	const char *const nohuge[] = { "-l", "0", "--log-level", "lib.eal:error", "--file-prefix",
		prefix, "--no-huge", NULL };
	struct child_result res;

	(void)state;
	need_root();
	run_child("nohugefs", huge, &res);
	if (res.ret == -100) {
		print_message("cannot make a private mount namespace\n");
		skip();
	}
	assert_int_equal(res.ret, -1);
	assert_int_equal(res.err, ENOMEM);
	assert_int_equal(res.err_lines, 1);
	assert_non_null(strstr(res.log, "use --no-huge"));
	/* Following the advice works. */
	run_child("nohugefs", nohuge, &res);
	assert_int_equal(res.ret, 0);
}

/* --huge-dir picks the mount the hugepage files are created in. */
static void
test_huge_dir_choice(void **state)
{
	const char *const args[] = { "-l", "0", "--log-level", "lib.eal:error", "--file-prefix",
		prefix, "--huge-dir", "@MNT@", NULL };
	struct child_result res;

	(void)state;
	need_root();
	need_hugepages(2);
	run_child("mount2m", args, &res);
	if (res.ret == -100) {
		print_message("cannot mount a hugetlbfs in a private namespace\n");
		skip();
	}
	assert_int_equal(res.ret, 0);
	assert_int_equal(res.mapped, 1);
}

/* A mount limited to 4 pages: growth stops there with ENOMEM and recovers after frees. */
static void
test_hugepage_exhaustion(void **state)
{
	const char *const args[] = { "-l", "0", "--log-level", "lib.eal:error", "--file-prefix",
		prefix, "--huge-dir", "@MNT@", NULL };
	struct child_result res;

	(void)state;
	need_root();
	need_hugepages(4);
	run_child("mount8m", args, &res);
	if (res.ret == -100) {
		print_message("cannot mount a hugetlbfs in a private namespace\n");
		skip();
	}
	assert_int_equal(res.ret, 0);
	/* 8 MB of pages hold 7 blocks of 1 MB plus headers, as every chunk has a header. */
	assert_true(res.exhaust[0] >= 4 && res.exhaust[0] <= 7);
	assert_int_equal(res.exhaust[1], res.exhaust[0]);
	assert_int_equal(res.exhaust[2], ENOMEM);
	/* Every chunk went back but the one page the heap keeps mapped for its next use. */
	assert_true(res.exhaust[3] >= 0 && res.exhaust[3] <= 2 << 20);
}

static void
test_no_free_hugepages(void **state)
{
	const char *const args[] = { "-l", "0", "--log-level", "lib.eal:error", "--file-prefix",
		prefix, "--huge-dir", "@MNT@", NULL };
	struct child_result res;

	(void)state;
	need_root();
	if (read_long(HP_1G "/free_hugepages") != 0) {
		print_message("needs 1 GB hugepage support with no free 1 GB page\n");
		skip();
	}
	run_child("mount1g", args, &res);
	if (res.ret == -100) {
		print_message("cannot mount a 1 GB hugetlbfs in a private namespace\n");
		skip();
	}
	assert_int_equal(res.ret, -1);
	assert_int_equal(res.err, ENOMEM);
	assert_int_equal(res.err_lines, 1);
	assert_non_null(strstr(res.log, "no free hugepages"));
	assert_non_null(strstr(res.log, "--no-huge"));
}

/*
 * A case that fails between init and cleanup would leave the EAL up, and every later case would
 * then fail at its own init; shutting it down here keeps one failure one failure.
 */
static int
eal_down(void **state)
{
	(void)state;
	rte_eal_cleanup();
	return 0;
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_hugepage_mode, eal_down),
		cmocka_unit_test_teardown(test_prealloc, eal_down),
		cmocka_unit_test_teardown(test_virt2iova, eal_down),
		cmocka_unit_test_teardown(test_no_huge_mode, eal_down),
		cmocka_unit_test_teardown(test_in_memory_no_files, eal_down),
		cmocka_unit_test_teardown(test_second_primary, eal_down),
		cmocka_unit_test_teardown(test_m_too_large, eal_down),
		cmocka_unit_test_teardown(test_stale_files, eal_down),
		cmocka_unit_test_teardown(test_no_hugetlbfs, eal_down),
		cmocka_unit_test_teardown(test_huge_dir_choice, eal_down),
		cmocka_unit_test_teardown(test_hugepage_exhaustion, eal_down),
		cmocka_unit_test_teardown(test_no_free_hugepages, eal_down),
	};

	if (argc >= 3 && strcmp(argv[1], "--child") == 0)
		return child_main(argc, argv);
	snprintf(prefix, sizeof(prefix), "memtest%d", (int)getpid());
	return cmocka_run_group_tests_name("hugepages", tests, NULL, NULL);
}
