/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hotplug across processes. The primary (this program) starts a secondary (this program run
 * again with "--secondary") that stays up and takes one command per line on its stdin:
 *   attach DEVARGS | detach NAME | has NAME | count | quit
 * and answers each with one number (a return code, or a count). Attach and detach, asked of
 * either process, must happen in both or in neither: a device whose driver only the primary
 * has (net_ring is loaded with -d in the primary only) is refused in both, whoever asks, and
 * a second attach of the same device fails in both. A secondary that was killed does not stop
 * the primary's hotplug. rte_vdev_init and the internal *_local calls stay in their process.
 */
#include "test_common.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <dev_driver.h>
#include <rte_eal.h>
#include <rte_ethdev.h>

#define PREFIX "test_mp_hotplug"

static pid_t peer_pid = -1;
static FILE *peer_in;	/* commands to the secondary */
static FILE *peer_out;	/* its answers */

static int
eal_up(bool primary)
{
	const char *pri[] = { "prog", "--file-prefix=" PREFIX, "--no-pci", "--no-huge", "-l", "0",
		"-d", TEST_NULL_PMD, "-d", TEST_RING_PMD, "--proc-type=primary", NULL };
	const char *sec[] = { "prog", "--file-prefix=" PREFIX, "--no-pci", "--no-huge", "-l", "0",
		"-d", TEST_NULL_PMD, "--proc-type=secondary", NULL };
	struct test_argv a;

	test_argv_build(&a, primary ? pri : sec);
	return rte_eal_init(a.argc, a.argv);
}

static int
has_port(const char *name)
{
	uint16_t port;

	return rte_eth_dev_get_port_by_name(name, &port) == 0;
}

static int
secondary_main(void)
{
	char line[256], *arg;
	long ret;

	TEST_PEER_CHECK(eal_up(false) >= 0);
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("ready\n");
	while (fgets(line, sizeof(line), stdin) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		arg = strchr(line, ' ');
		if (arg != NULL)
			*arg++ = '\0';
		if (strcmp(line, "quit") == 0)
			break;
		if (strcmp(line, "attach") == 0 && arg != NULL)
			ret = rte_dev_probe(arg);
		else if (strcmp(line, "detach") == 0 && arg != NULL)
			ret = rte_eal_hotplug_remove("vdev", arg);
		else if (strcmp(line, "has") == 0 && arg != NULL)
			ret = has_port(arg);
		else if (strcmp(line, "count") == 0)
			ret = rte_eth_dev_count_avail();
		else
			ret = -9999;
		printf("%ld\n", ret);
	}
	TEST_PEER_CHECK(rte_eal_cleanup() == 0);
	return 0;
}

/* Start the secondary and wait for its "ready". */
static void
peer_start(void)
{
	int to[2], from[2];
	char line[64];

	assert_int_equal(pipe(to), 0);
	assert_int_equal(pipe(from), 0);
	fflush(stdout);
	fflush(stderr);
	peer_pid = fork();
	assert_true(peer_pid >= 0);
	if (peer_pid == 0) {
		dup2(to[0], STDIN_FILENO);
		dup2(from[1], STDOUT_FILENO);
		close(to[0]);
		close(to[1]);
		close(from[0]);
		close(from[1]);
		execl("/proc/self/exe", "test_mp_hotplug", "--secondary", (char *)NULL);
		_exit(127);
	}
	close(to[0]);
	close(from[1]);
	peer_in = fdopen(to[1], "w");
	peer_out = fdopen(from[0], "r");
	assert_non_null(peer_in);
	assert_non_null(peer_out);
	setvbuf(peer_in, NULL, _IOLBF, 0);
	assert_non_null(fgets(line, sizeof(line), peer_out));
	assert_string_equal(line, "ready\n");
}

/* The secondary's answer to one command. */
static long
peer(const char *cmd, const char *arg)
{
	char line[64];

	fprintf(peer_in, "%s %s\n", cmd, arg);
	fflush(peer_in);
	if (fgets(line, sizeof(line), peer_out) == NULL)
		return -99999;
	return strtol(line, NULL, 10);
}

/* Its exit status, once told to quit (or killed). */
static int
peer_stop(bool kill_it)
{
	int status;

	if (kill_it)
		kill(peer_pid, SIGKILL);
	else
		fputs("quit\n", peer_in);
	fclose(peer_in);
	fclose(peer_out);
	assert_int_equal(waitpid(peer_pid, &status, 0), peer_pid);
	peer_pid = -1;
	if (kill_it)
		return WIFSIGNALED(status) ? 0 : -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int
setup(void **state)
{
	RTE_SET_USED(state);
	if (eal_up(true) < 0)
		return -1;
	peer_start();
	return 0;
}

static int
teardown(void **state)
{
	RTE_SET_USED(state);
	if (peer_pid > 0 && peer_stop(false) != 0)
		return -1;
	return rte_eal_cleanup();
}

static void
remove_by_name(const char *name)
{
	assert_int_equal(rte_eal_hotplug_remove("vdev", name), 0);
}

static void
test_attach_from_primary(void **state)
{
	RTE_SET_USED(state);
	assert_int_equal(rte_dev_probe("net_null1"), 0);
	assert_true(has_port("net_null1"));
	assert_int_equal(peer("has", "net_null1"), 1);
	/* A second attach fails in both processes, whichever asks, and changes nothing. */
	assert_int_equal(rte_dev_probe("net_null1"), -EEXIST);
	assert_int_equal(peer("attach", "net_null1"), -EEXIST);
	assert_int_equal(rte_eth_dev_count_avail(), 1);
	assert_int_equal(peer("count", ""), 1);
	/* Detached by the primary: gone from the secondary too. */
	remove_by_name("net_null1");
	assert_false(has_port("net_null1"));
	assert_int_equal(peer("has", "net_null1"), 0);
}

static void
test_attach_from_secondary(void **state)
{
	RTE_SET_USED(state);
	assert_int_equal(peer("attach", "net_null2,size=128"), 0);
	assert_true(has_port("net_null2"));
	assert_int_equal(peer("has", "net_null2"), 1);
	assert_int_equal(peer("attach", "net_null2"), -EEXIST);
	assert_int_equal(rte_dev_probe("net_null2"), -EEXIST);
	/* Detached by the secondary: gone from the primary too. */
	assert_int_equal(peer("detach", "net_null2"), 0);
	assert_false(has_port("net_null2"));
	assert_int_equal(peer("has", "net_null2"), 0);
	assert_int_equal(peer("detach", "net_null2"), -ENOENT);
}

/* net_ring is a driver of the primary only: the secondary's attach fails, both roll back. */
static void
test_rollback(void **state)
{
	int ret;

	RTE_SET_USED(state);
	ret = rte_dev_probe("net_ring0");
	assert_true(ret < 0);
	assert_false(has_port("net_ring0"));
	assert_int_equal(peer("has", "net_ring0"), 0);
	assert_true(peer("attach", "net_ring1") < 0);
	assert_false(has_port("net_ring1"));
	assert_int_equal(peer("has", "net_ring1"), 0);
	/* Nothing stuck: the name can be used again and the other devices work. */
	assert_int_equal(rte_dev_probe("net_null3"), 0);
	assert_int_equal(peer("has", "net_null3"), 1);
	remove_by_name("net_null3");
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	assert_int_equal(peer("count", ""), 0);
}

/* A secondary killed with its ports attached: the primary's hotplug goes on alone. */
static void
test_killed_secondary(void **state)
{
	RTE_SET_USED(state);
	assert_int_equal(peer("attach", "net_null4"), 0);
	assert_int_equal(peer_stop(true), 0);
	assert_int_equal(rte_dev_probe("net_null5"), 0);
	remove_by_name("net_null4");
	remove_by_name("net_null5");
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	/* And a new secondary joins and sees the primary's attach. */
	peer_start();
	assert_int_equal(rte_dev_probe("net_null6"), 0);
	assert_int_equal(peer("has", "net_null6"), 1);
	remove_by_name("net_null6");
	assert_int_equal(peer("has", "net_null6"), 0);
}

/* rte_vdev_init/uninit and rte_dev_probe_local/remove_local tell no other process. */
static void
test_local_only(void **state)
{
	RTE_SET_USED(state);
	assert_int_equal(rte_vdev_init("net_null7", NULL), 0);
	assert_true(has_port("net_null7"));
	assert_int_equal(peer("has", "net_null7"), 0);
	assert_int_equal(rte_vdev_uninit("net_null7"), 0);
	assert_int_equal(rte_dev_probe_local("vdev:net_null8"), 0);
	assert_int_equal(peer("has", "net_null8"), 0);
	assert_int_equal(rte_dev_remove_local("vdev:net_null8"), 0);
	assert_false(has_port("net_null8"));
	/* Bad names change nothing. */
	assert_int_equal(rte_dev_probe_local(NULL), -EINVAL);
	assert_int_equal(rte_dev_remove_local(NULL), -EINVAL);
	assert_int_equal(rte_dev_remove_local("vdev:net_null8"), -ENOENT);
	assert_int_equal(rte_dev_remove_local("nobus"), -ENOENT);
	assert_int_equal(rte_dev_remove_local("nosuchbus:x"), -ENOENT);
	assert_int_equal(rte_eth_dev_count_avail(), 0);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attach_from_primary),
		cmocka_unit_test(test_attach_from_secondary),
		cmocka_unit_test(test_rollback),
		cmocka_unit_test(test_local_only),
		cmocka_unit_test(test_killed_secondary),
	};

	if (argc == 2 && strcmp(argv[1], "--secondary") == 0)
		return secondary_main();
	return cmocka_run_group_tests(tests, setup, teardown);
}
