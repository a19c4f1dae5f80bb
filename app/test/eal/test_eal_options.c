/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAL command-line options: every option with a valid value takes effect, every bad one makes
 * rte_eal_init return -1 with rte_errno EINVAL, prints exactly one line, leaks no fd or thread,
 * and leaves EAL able to start with good options afterwards.
 */
#include "test_common.h"

#include <unistd.h>
#include <sched.h>
#include <errno.h>
#include <sys/wait.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_log.h>
#include <rte_memory.h>
#include <rte_version.h>
#include <rte_debug.h>
#include <rte_common.h>

/* Tests of two lcores need two CPUs this process may use. */
#define SKIP_NEEDS_TWO_CPUS() do { \
	print_message("fewer than 2 usable CPUs: skipped\n"); \
	skip(); \
} while (0)

#define PREFIX "--file-prefix=test_eal_options"
#define CHILD_FLAG "--child-eal-init"
#define CHILD_EXIT "--child-rte-exit"

static char self_path[4096];

static int
count_threads(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static int
online_cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) != 0)
		return 1;
	return CPU_COUNT(&set);
}

/* rte_eal_init with the given options after "prog"; returns what it returns. */
static int
eal_init_with(const char *const *opts)
{
	const char *args[TEST_ARGV_MAX];
	struct test_argv a;
	int n = 0;

	args[n++] = "prog";
	while (*opts != NULL && n < TEST_ARGV_MAX - 1)
		args[n++] = *opts++;
	args[n] = NULL;
	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

struct bad_case {
	const char *what;
	const char *args[8];
};

static const struct bad_case bad_cases[] = {
	{ "unknown long option", { "--no-such-option" } },
	{ "unknown short option", { "-z" } },
	{ "ambiguous abbreviation", { "--no-h" } },
	{ "core list garbage", { "-l", "abc" } },
	{ "core list empty", { "-l", "" } },
	{ "core list trailing comma", { "-l", "0," } },
	{ "core list open range", { "-l", "0-" } },
	{ "core list reversed range", { "-l", "1-0" } },
	{ "core list out of range", { "-l", "128" } },
	{ "core list huge number", { "-l", "99999999999999999999" } },
	{ "core list CPU that does not exist", { "-l", "127" } },
	{ "core mask zero", { "-c", "0x0" } },
	{ "core mask garbage", { "-c", "0xzz" } },
	{ "core mask beyond RTE_MAX_LCORE", { "-c", "0x1000000000000000000000000000000000" } },
	{ "-l with -c", { "-l", "0", "-c", "1" } },
	{ "-l with --lcores", { "-l", "0", "--lcores", "0" } },
	{ "-l given twice", { "-l", "0", "-l", "0" } },
	{ "--lcores missing cpu after @", { "--lcores", "0@" } },
	{ "--lcores unclosed group", { "--lcores", "(0-1" } },
	{ "--lcores cpu that does not exist", { "--lcores", "0@1000" } },
	{ "--lcores lcore out of range", { "--lcores", "128@0" } },
	{ "--lcores trailing comma", { "--lcores", "0," } },
	{ "main lcore not in list", { "-l", "0", "--main-lcore", "1" } },
	{ "main lcore garbage", { "--main-lcore", "x" } },
	{ "main lcore out of range", { "--main-lcore", "128" } },
	{ "-m zero", { "-m", "0" } },
	{ "-m garbage", { "-m", "12abc" } },
	{ "-m negative", { "-m", "-5" } },
	{ "-n zero", { "-n", "0" } },
	{ "-n garbage", { "-n", "four" } },
	{ "-m with --socket-mem", { "-m", "64", "--socket-mem", "64" } },
	{ "--no-huge with --socket-mem", { "--no-huge", "--socket-mem", "64" } },
	{ "--no-huge with --huge-dir", { "--no-huge", "--huge-dir", "/dev/hugepages" } },
	{ "--socket-mem trailing comma", { "--socket-mem", "64," } },
	{ "--socket-mem all zero", { "--socket-mem", "0" } },
	{ "--socket-mem garbage", { "--socket-mem", "lots" } },
	{ "-a with -b", { "-a", "0000:01:00.0", "-b", "0000:02:00.0" } },
	{ "--log-level garbage", { "--log-level", "garbage" } },
	{ "--log-level bad level name", { "--log-level", "lib.eal:loud" } },
	{ "--log-level empty pattern", { "--log-level", ":debug" } },
	{ "--log-level too high", { "--log-level", "9" } },
	{ "--log-level bad regex", { "--log-level", "lib.[eal,debug" } },
	{ "--file-prefix with slash", { "--file-prefix", "a/b" } },
	{ "--file-prefix empty", { "--file-prefix=" } },
	{ "--proc-type garbage", { "--proc-type", "tertiary" } },
	{ "--iova-mode garbage", { "--iova-mode", "xx" } },
	{ "--vfio-intr garbage", { "--vfio-intr", "msi-x" } },
	{ "--vfio-intr empty", { "--vfio-intr=" } },
	{ "--vfio-vf-token not a UUID", { "--vfio-vf-token", "bf71c4a2-7f27" } },
	{ "--vfio-vf-token bad digit", { "--vfio-vf-token", "bf71c4a2-7f27-4a63-9c4e-4f2b8e8dd9ag" } },
	{ "--base-virtaddr not hexadecimal", { "--base-virtaddr", "0x4000g0000" } },
	{ "--base-virtaddr empty", { "--base-virtaddr=" } },
	{ "--base-virtaddr negative", { "--base-virtaddr", "-100000000" } },
	{ "--base-virtaddr beyond the address space", { "--base-virtaddr", "ffffffffffffffff" } },
	{ "--base-virtaddr too long", { "--base-virtaddr", "0x100000000000000000" } },
	{ "--file-prefix missing argument", { "--file-prefix" } },
	{ "-l missing argument", { "-l" } },
	{ "--vdev missing argument", { "--vdev" } },
};

static void
test_bad_options(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad_cases); i++) {
		const char *opts[12];
		int fds = test_count_fds(), threads = count_threads(), n = 0, ret;
		const char *const *p;

		opts[n++] = PREFIX;
		for (p = bad_cases[i].args; *p != NULL; p++)
			opts[n++] = *p;
		opts[n] = NULL;
		rte_errno = 0;
		ret = eal_init_with(opts);
		if (ret != -1 || rte_errno != EINVAL)
			fail_msg("%s: rte_eal_init returned %d, rte_errno %d", bad_cases[i].what,
				ret, rte_errno);
		if (test_count_fds() != fds || count_threads() != threads)
			fail_msg("%s: leaked fds (%d -> %d) or threads (%d -> %d)",
				bad_cases[i].what, fds, test_count_fds(), threads, count_threads());
	}
	/* After all of that, good options still work. */
	{
		static const char *const good[] = { PREFIX, "--no-huge", "-l", "0", NULL };

		assert_int_equal(eal_init_with(good), 4);
		assert_int_equal(rte_lcore_count(), 1);
		assert_int_equal(rte_eal_cleanup(), 0);
	}
}

static void
test_plugin_missing(void **state)
{
	static const char *const opts[] = { PREFIX, "--no-huge", "-d", "/nonexistent/librte_x.so",
		NULL };
	static const char *const good[] = { PREFIX, "--no-huge", NULL };
	int fds = test_count_fds();

	(void)state;
	assert_int_equal(eal_init_with(opts), -1);
	assert_int_not_equal(rte_errno, 0);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(eal_init_with(good), 2);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_corelist_and_mask(void **state)
{
	static const char *const l01[] = { PREFIX, "--no-huge", "-l", "0-1", NULL };
	static const char *const c3[] = { PREFIX, "--no-huge", "-c", "0x3", NULL };
	static const char *const l10[] = { PREFIX, "--no-huge", "-l", "1,0", NULL };
	static const char *const main1[] = { PREFIX, "--no-huge", "-l", "0-1", "--main-lcore",
		"1", NULL };
	unsigned int lcore, workers = 0;

	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	assert_int_equal(eal_init_with(l01), 4);
	assert_int_equal(rte_lcore_count(), 2);
	assert_int_equal(rte_get_main_lcore(), 0);
	assert_true(rte_lcore_is_enabled(1));
	assert_false(rte_lcore_is_enabled(2));
	assert_int_equal(rte_eal_cleanup(), 0);

	assert_int_equal(eal_init_with(c3), 4);
	assert_int_equal(rte_lcore_count(), 2);
	assert_int_equal(rte_lcore_index(0), 0);
	assert_int_equal(rte_lcore_index(1), 1);
	assert_int_equal(rte_eal_cleanup(), 0);

	/* Indexes follow the order of the list; the main lcore is still the lowest id. */
	assert_int_equal(eal_init_with(l10), 4);
	assert_int_equal(rte_lcore_index(1), 0);
	assert_int_equal(rte_lcore_index(0), 1);
	assert_int_equal(rte_get_main_lcore(), 0);
	assert_int_equal(rte_eal_cleanup(), 0);

	assert_int_equal(eal_init_with(main1), 6);
	assert_int_equal(rte_get_main_lcore(), 1);
	assert_int_equal(rte_lcore_id(), 1);
	RTE_LCORE_FOREACH_WORKER(lcore) {
		assert_int_equal(lcore, 0);
		workers++;
	}
	assert_int_equal(workers, 1);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static int
report_cpu(void *arg)
{
	(void)arg;
	return sched_getcpu() + 100;
}

static void
test_lcores_map(void **state)
{
	static const char *const swapped[] = { PREFIX, "--no-huge", "--lcores", "0@1,1@0", NULL };
	static const char *const group[] = { PREFIX, "--no-huge", "--lcores", "(0-1)@(0-1)",
		NULL };
	static const char *const high[] = { PREFIX, "--no-huge", "--lcores", "10@0,(20-21)@1",
		NULL };
	static const char *const plain[] = { PREFIX, "--no-huge", "--lcores", "0-1", NULL };
	rte_cpuset_t set;

	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	assert_int_equal(eal_init_with(swapped), 4);
	set = rte_lcore_cpuset(0);
	assert_int_equal(CPU_COUNT(&set), 1);
	assert_true(CPU_ISSET(1, &set));
	assert_int_equal(sched_getcpu(), 1); /* the main thread runs where lcore 0 is mapped */
	assert_int_equal(rte_eal_remote_launch(report_cpu, NULL, 1), 0);
	assert_int_equal(rte_eal_wait_lcore(1), 100);
	assert_int_equal(rte_eal_cleanup(), 0);

	assert_int_equal(eal_init_with(group), 4);
	set = rte_lcore_cpuset(1);
	assert_int_equal(CPU_COUNT(&set), 2);
	assert_int_equal(rte_lcore_count(), 2);
	assert_int_equal(rte_eal_cleanup(), 0);

	assert_int_equal(eal_init_with(high), 4);
	assert_int_equal(rte_lcore_count(), 3);
	assert_int_equal(rte_get_main_lcore(), 10);
	assert_true(rte_lcore_is_enabled(21));
	assert_false(rte_lcore_is_enabled(0));
	assert_int_equal(rte_lcore_index(20), 1);
	assert_int_equal(rte_eal_remote_launch(report_cpu, NULL, 21), 0);
	assert_int_equal(rte_eal_wait_lcore(21), 101);
	assert_int_equal(rte_eal_cleanup(), 0);

	/* A plain range without '@' puts each lcore on its own CPU. */
	assert_int_equal(eal_init_with(plain), 4);
	set = rte_lcore_cpuset(1);
	assert_int_equal(CPU_COUNT(&set), 1);
	assert_true(CPU_ISSET(1, &set));
	assert_int_equal(rte_eal_cleanup(), 0);
}

static int
lowest_list(const struct rte_memseg_list *msl, void *arg)
{
	uintptr_t *low = arg;

	if ((uintptr_t)msl->base_va < *low)
		*low = (uintptr_t)msl->base_va;
	return 0;
}

/* Does the lowest memory list start in the first TiB from base? */
static bool
lists_start_at(uint64_t base)
{
	uintptr_t low = UINTPTR_MAX;

	rte_memseg_list_walk(lowest_list, &low);
	return low >= base && low - base < (UINT64_C(1) << 40);
}

static void
test_base_virtaddr(void **state)
{
	/* rounded up to 16 MiB; 40 TiB is free with and without AddressSanitizer */
	static const char *const opts[] = { PREFIX, "--no-huge", "-m", "8",
		"--base-virtaddr", "0x280000000001", NULL };
	static const char *const plain[] = { PREFIX, "--no-huge", "-m", "8", NULL };

	(void)state;
	assert_int_equal(eal_init_with(opts), 6);
	assert_int_equal(rte_eal_get_baseaddr(), UINT64_C(0x280001000000));
	assert_true(lists_start_at(UINT64_C(0x280001000000)));
	assert_int_equal(rte_eal_cleanup(), 0);
	/* the next init starts from the default again: 4 GiB, or 32 TiB where 4 GiB is taken */
	assert_int_equal(eal_init_with(plain), 4);
	assert_int_equal(rte_eal_get_baseaddr(), UINT64_C(0x100000000));
	assert_true(lists_start_at(UINT64_C(0x100000000)) ||
		    lists_start_at(UINT64_C(0x200000000000)));
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_simple_flags(void **state)
{
	static const char *const opts[] = { PREFIX, "--no-huge", "--no-pci", "-n", "4", "-r", "2",
		"-m", "32", "--iova-mode=va", NULL };
	static const char *const inmem[] = { "--in-memory", "--no-huge", NULL };
	static const char *const vfio[] = { PREFIX, "--no-huge", "--vfio-intr=msi",
		"--vfio-vf-token", "BF71C4A2-7F27-4A63-9C4E-4F2B8E8DD9A1", NULL };
	static const char *const legacy[] = { PREFIX, "--no-huge", "--vfio-intr", "legacy",
		NULL };
	static const char *const msix[] = { PREFIX, "--no-huge", "--vfio-intr=msix", NULL };
	rte_uuid_t token, want;

	(void)state;
	assert_int_equal(eal_init_with(opts), 10);
	assert_int_equal(rte_eal_has_pci(), 0);
	assert_int_equal(rte_eal_has_hugepages(), 0);
	assert_int_equal(rte_eal_process_in_memory(), 0);
	assert_int_equal(rte_eal_iova_mode(), RTE_IOVA_VA);
	assert_non_null(strstr(rte_eal_get_runtime_dir(), "test_eal_options"));
	assert_int_equal(rte_eal_vfio_intr_mode(), RTE_INTR_MODE_NONE);
	rte_eal_vfio_get_vf_token(token);
	assert_true(rte_uuid_is_null(token));
	assert_int_equal(rte_eal_cleanup(), 0);

	assert_int_equal(eal_init_with(vfio), 5);
	assert_int_equal(rte_eal_vfio_intr_mode(), RTE_INTR_MODE_MSI);
	rte_eal_vfio_get_vf_token(token);
	assert_int_equal(rte_uuid_parse("bf71c4a2-7f27-4a63-9c4e-4f2b8e8dd9a1", want), 0);
	assert_int_equal(rte_uuid_compare(token, want), 0);
	assert_int_equal(rte_eal_cleanup(), 0);
	/* each option resets with the next init */
	assert_int_equal(eal_init_with(legacy), 4);
	assert_int_equal(rte_eal_vfio_intr_mode(), RTE_INTR_MODE_LEGACY);
	rte_eal_vfio_get_vf_token(token);
	assert_true(rte_uuid_is_null(token));
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(eal_init_with(msix), 3);
	assert_int_equal(rte_eal_vfio_intr_mode(), RTE_INTR_MODE_MSIX);
	assert_int_equal(rte_eal_cleanup(), 0);

	assert_int_equal(eal_init_with(inmem), 2);
	assert_int_equal(rte_eal_process_in_memory(), 1);
	assert_int_equal(rte_eal_has_pci(), 1);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_log_level_options(void **state)
{
	static const char *const opts[] = { PREFIX, "--no-huge", "--log-level=lib.eal:debug",
		"--log-level", "user[12],err", "--log-level=test.opt.*:warn", "--log-level=6",
		NULL };
	uint32_t before_global = rte_log_get_global_level();
	int before_eal = rte_log_get_level(RTE_LOGTYPE_EAL);
	int late;

	(void)state;
	assert_int_equal(eal_init_with(opts), 7);
	assert_int_equal(rte_log_get_level(RTE_LOGTYPE_EAL), RTE_LOG_DEBUG);
	assert_int_equal(rte_log_get_level(RTE_LOGTYPE_USER1), RTE_LOG_ERR);
	assert_int_equal(rte_log_get_level(RTE_LOGTYPE_USER2), RTE_LOG_ERR);
	assert_int_equal(rte_log_get_level(RTE_LOGTYPE_USER3), RTE_LOG_INFO);
	assert_int_equal(rte_log_get_global_level(), RTE_LOG_NOTICE);
	/* A type registered after the pattern picks up the pattern's level. */
	late = rte_log_register_type_and_pick_level("test.opt.late", RTE_LOG_INFO);
	assert_true(late >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_get_level(late), RTE_LOG_WARNING);
	assert_int_equal(rte_eal_cleanup(), 0);
	/* Cleanup puts back the levels the options changed. */
	assert_int_equal(rte_log_get_level(RTE_LOGTYPE_EAL), before_eal);
	assert_int_equal(rte_log_get_global_level(), before_global);
}

/* --log-level=0, accepted as DPDK does, silences every message, even emergencies. */
static void
test_log_level_zero(void **state)
{
	static const char *const opts[] = { PREFIX, "--no-huge", "--log-level=0", NULL };
	uint32_t before_global = rte_log_get_global_level();

	(void)state;
	assert_int_equal(eal_init_with(opts), 3);
	assert_int_equal(rte_log_get_global_level(), 0);
	assert_false(rte_log_can_log(RTE_LOGTYPE_EAL, RTE_LOG_EMERG));
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(rte_log_get_global_level(), before_global);
}

static void
test_version_option(void **state)
{
	static const char *const opts[] = { PREFIX, "--no-huge", "-v", NULL };

	(void)state;
	assert_int_equal(eal_init_with(opts), 3);
	assert_int_equal(rte_eal_cleanup(), 0);
}

/* Run this binary as a child that only calls rte_eal_init with args; collect its output. */
static int
run_child(const char *const *args, char *out, size_t outlen, char *err, size_t errlen)
{
	int opipe[2], epipe[2], status;
	const char *argv[TEST_ARGV_MAX];
	size_t n = 0, olen = 0, elen = 0;
	pid_t pid;

	argv[n++] = self_path;
	argv[n++] = CHILD_FLAG;
	while (*args != NULL && n < TEST_ARGV_MAX - 1)
		argv[n++] = *args++;
	argv[n] = NULL;
	if (pipe(opipe) != 0 || pipe(epipe) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(opipe[1], 1);
		dup2(epipe[1], 2);
		close(opipe[0]);
		close(epipe[0]);
		execv(self_path, (char *const *)(uintptr_t)argv);
		_exit(127);
	}
	close(opipe[1]);
	close(epipe[1]);
	for (;;) {
		ssize_t r = read(epipe[0], err + elen, errlen - 1 - elen);

		if (r <= 0)
			break;
		elen += (size_t)r;
	}
	for (;;) {
		ssize_t r = read(opipe[0], out + olen, outlen - 1 - olen);

		if (r <= 0)
			break;
		olen += (size_t)r;
	}
	out[olen] = '\0';
	err[elen] = '\0';
	close(opipe[0]);
	close(epipe[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int
count_lines(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

static void
test_bad_option_prints_one_line(void **state)
{
	static const char *const cases[][6] = {
		{ "--bogus", NULL },
		{ "-l", "0,", NULL },
		{ "-l", "0", "-c", "1", NULL },
		{ "--no-huge", "--socket-mem", "64", NULL },
		{ "--log-level", "nonsense", NULL },
		{ "--file-prefix", NULL },
		{ "-m", "0", NULL },
	};
	char out[4096], err[4096];
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		int status = run_child(cases[i], out, sizeof(out), err, sizeof(err));

		if (status != 1 || count_lines(err) != 1 || out[0] != '\0')
			fail_msg("case %zu (%s): status %d, stderr '%s', stdout '%s'", i,
				cases[i][0], status, err, out);
	}
}

static void
test_help_exits(void **state)
{
	static const char *const help[] = { "-h", NULL };
	static const char *const loghelp[] = { "--log-level=help", NULL };
	char out[16384], err[4096];

	(void)state;
	assert_int_equal(run_child(help, out, sizeof(out), err, sizeof(err)), 0);
	assert_non_null(strstr(out, "--lcores"));
	assert_non_null(strstr(out, "--file-prefix"));
	assert_int_equal(run_child(loghelp, out, sizeof(out), err, sizeof(err)), 0);
	assert_non_null(strstr(out, "lib.eal"));
}

static int
spin_forever(void *arg)
{
	(void)arg;
	for (;;)
		usleep(1000);
	return 0;
}

static int
exit_from_worker(void *arg)
{
	(void)arg;
	rte_exit(4, "leaving from a worker\n");
}

/* Child: rte_exit while a worker is busy, from a worker, or with idle workers. */
static int
child_rte_exit(const char *mode)
{
	const char *args[] = { "prog", "--no-huge", "-l", "0-1",
		"--file-prefix=test_eal_options_exit", NULL };
	struct test_argv a;

	alarm(20); /* a hang shows as SIGALRM, not as a stuck test */
	test_argv_build(&a, args);
	if (rte_eal_init(a.argc, a.argv) < 0)
		return 1;
	if (strcmp(mode, "busy") == 0) {
		rte_eal_remote_launch(spin_forever, NULL, 1);
		rte_exit(3, "leaving with a busy worker\n");
	}
	if (strcmp(mode, "worker") == 0) {
		rte_eal_remote_launch(exit_from_worker, NULL, 1);
		rte_eal_wait_lcore(1);
		return 1;
	}
	rte_exit(5, "leaving with idle workers\n");
}

static void
test_rte_exit_does_not_hang(void **state)
{
	static const char *const modes[] = { "busy", "worker", "idle" };
	static const int codes[] = { 3, 4, 5 };
	size_t i;

	(void)state;
	if (online_cpus() < 2)
		SKIP_NEEDS_TWO_CPUS();
	for (i = 0; i < RTE_DIM(modes); i++) {
		int status;
		pid_t pid = fork();

		if (pid == 0) {
			execl(self_path, self_path, CHILD_EXIT, modes[i], (char *)NULL);
			_exit(127);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != codes[i])
			fail_msg("rte_exit (%s): child status 0x%x", modes[i], status);
	}
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_plugin_missing),
		cmocka_unit_test(test_corelist_and_mask),
		cmocka_unit_test(test_lcores_map),
		cmocka_unit_test(test_simple_flags),
		cmocka_unit_test(test_base_virtaddr),
		cmocka_unit_test(test_log_level_options),
		cmocka_unit_test(test_log_level_zero),
		cmocka_unit_test(test_version_option),
		cmocka_unit_test(test_bad_option_prints_one_line),
		cmocka_unit_test(test_help_exits),
		cmocka_unit_test(test_rte_exit_does_not_hang),
	};
	ssize_t len;

	if (argc >= 3 && strcmp(argv[1], CHILD_EXIT) == 0)
		return child_rte_exit(argv[2]);
	if (argc >= 2 && strcmp(argv[1], CHILD_FLAG) == 0) {
		/* Child: argv[1] becomes the program name seen by EAL. */
		int ret = rte_eal_init(argc - 1, argv + 1);

		if (ret < 0)
			return 1;
		rte_eal_cleanup();
		return 0;
	}
	len = readlink("/proc/self/exe", self_path, sizeof(self_path) - 1);
	if (len <= 0)
		return 1;
	self_path[len] = '\0';
	return cmocka_run_group_tests_name("eal_options", tests, NULL, NULL);
}
