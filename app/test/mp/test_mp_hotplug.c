/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hotplug across processes. The primary (this program) starts a secondary (this program run
 * again with "--secondary") that stays up and takes one command per line on its stdin:
 *   attach DEVARGS | detach NAME | has NAME | count | quit
 * and answers each with one number (a return code, or a count). Attach and detach, asked of
 * either process, must happen in both or in neither: a device whose driver only the primary
 * has (net_ring is loaded with -d in the primary only) is refused in both, whoever asks, and
 * a second attach of the same device fails in both. A detach refused by one process (a test
 * driver, net_mptest, refuses while told to) leaves the device in every process. A secondary
 * that was killed does not stop the primary's hotplug. rte_vdev_init and the internal *_local
 * calls stay in their process.
 */
#include "test_common.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <dev_driver.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_string_fns.h>
#include <bus_vdev_driver.h>

#define PREFIX "test_mp_hotplug"

struct peer {
	pid_t pid;
	FILE *in;	/* commands to the secondary */
	FILE *out;	/* its answers */
};

static struct peer peers[2] = { { .pid = -1 }, { .pid = -1 } };
/* Most cases talk to one secondary. */
#define PEER (&peers[0])

/*
 * net_mptest: a driver without a port whose remove fails while mptest_refuse is set, and
 * whose probe in a secondary takes as long as its argument "sleep_ms=N" says.
 */
static int mptest_live;
static bool mptest_refuse;

static int
mptest_probe(struct rte_vdev_device *dev)
{
	const char *args = rte_vdev_device_args(dev);
	const char *ms = args != NULL ? strstr(args, "sleep_ms=") : NULL;

	if (ms != NULL && rte_eal_process_type() == RTE_PROC_SECONDARY)
		usleep(1000 * atoi(ms + strlen("sleep_ms=")));
	mptest_live++;
	return 0;
}

static int
mptest_remove(struct rte_vdev_device *dev)
{
	RTE_SET_USED(dev);
	if (mptest_refuse)
		return -EBUSY;
	mptest_live--;
	return 0;
}

static struct rte_vdev_driver mptest_driver = { .probe = mptest_probe, .remove = mptest_remove };
RTE_PMD_REGISTER_VDEV(net_mptest, mptest_driver);

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

/*
 * A malformed hotplug request on the channel named name, of three kinds: too short, an
 * argument without its end, an unknown operation. The answer's result, or -99 when no answer.
 * The layout is the EAL's: op (u32), result (i32), then the argument up to the end.
 */
static long
malformed(const char *name, int kind)
{
	struct timespec ts = { .tv_sec = 5 };
	struct rte_mp_reply reply;
	struct rte_mp_msg req;
	uint32_t op = 0;	/* attach */
	int32_t result;
	long ret = -99;

	memset(&req, 0, sizeof(req));
	rte_strscpy(req.name, name, sizeof(req.name));
	req.len_param = RTE_MP_MAX_PARAM_LEN;
	memset(req.param + 8, 'x', RTE_MP_MAX_PARAM_LEN - 8);
	if (kind == 0)
		req.len_param = 6;
	else if (kind == 2)
		op = 7;
	if (kind != 1)
		strcpy((char *)req.param + 8, "net_null9");
	memcpy(req.param, &op, sizeof(op));
	if (rte_mp_request_sync(&req, &reply, &ts) == 0 && reply.nb_received == 1 &&
			reply.msgs[0].len_param >= 8) {
		memcpy(&result, reply.msgs[0].param + 4, sizeof(result));
		ret = result;
	}
	free(reply.msgs);
	return ret;
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
		else if (strcmp(line, "malformed") == 0 && arg != NULL)
			ret = malformed("eal_dev_mp_forward", atoi(arg));
		else if (strcmp(line, "live") == 0)
			ret = mptest_live;
		else if (strcmp(line, "refuse") == 0 && arg != NULL)
			ret = mptest_refuse = strcmp(arg, "1") == 0;
		else
			ret = -9999;
		printf("%ld\n", ret);
	}
	TEST_PEER_CHECK(rte_eal_cleanup() == 0);
	return 0;
}

/* Start a secondary and wait for its "ready". */
static void
peer_start(struct peer *p)
{
	int to[2], from[2];
	char line[64];

	assert_int_equal(pipe(to), 0);
	assert_int_equal(pipe(from), 0);
	fflush(stdout);
	fflush(stderr);
	p->pid = fork();
	assert_true(p->pid >= 0);
	if (p->pid == 0) {
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
	p->in = fdopen(to[1], "w");
	p->out = fdopen(from[0], "r");
	assert_non_null(p->in);
	assert_non_null(p->out);
	setvbuf(p->in, NULL, _IOLBF, 0);
	assert_non_null(fgets(line, sizeof(line), p->out));
	assert_string_equal(line, "ready\n");
}

/* A secondary's answer to one command. */
static long
peer_ask(struct peer *p, const char *cmd, const char *arg)
{
	char line[64];

	fprintf(p->in, "%s %s\n", cmd, arg);
	fflush(p->in);
	if (fgets(line, sizeof(line), p->out) == NULL)
		return -99999;
	return strtol(line, NULL, 10);
}

static long
peer(const char *cmd, const char *arg)
{
	return peer_ask(PEER, cmd, arg);
}

/* Its exit status, once told to quit (or killed). */
static int
peer_stop(struct peer *p, bool kill_it)
{
	int status;

	if (kill_it)
		kill(p->pid, SIGKILL);
	else
		fputs("quit\n", p->in);
	fclose(p->in);
	fclose(p->out);
	assert_int_equal(waitpid(p->pid, &status, 0), p->pid);
	p->pid = -1;
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
	peer_start(PEER);
	return 0;
}

static int
teardown(void **state)
{
	RTE_SET_USED(state);
	unsigned int i;

	for (i = 0; i < RTE_DIM(peers); i++)
		if (peers[i].pid > 0 && peer_stop(&peers[i], false) != 0)
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

/*
 * A detach refused anywhere leaves the device everywhere: two secondaries, one refuses, so
 * the other attaches it again; then the primary itself refuses after both secondaries let go.
 */
static void
test_detach_rollback(void **state)
{
	struct peer *second = &peers[1];

	RTE_SET_USED(state);
	peer_start(second);
	assert_int_equal(rte_dev_probe("net_mptest0"), 0);
	assert_int_equal(mptest_live, 1);
	assert_int_equal(peer("live", ""), 1);
	assert_int_equal(peer_ask(second, "live", ""), 1);

	assert_int_equal(peer_ask(second, "refuse", "1"), 1);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_mptest0"), -EBUSY);
	assert_int_equal(mptest_live, 1);
	assert_int_equal(peer("live", ""), 1);
	assert_int_equal(peer_ask(second, "live", ""), 1);
	/* Asked by a secondary, the same refusal reaches the one who asked. */
	assert_int_equal(peer("detach", "net_mptest0"), -EBUSY);
	assert_int_equal(peer("live", ""), 1);
	assert_int_equal(peer_ask(second, "refuse", "0"), 0);

	mptest_refuse = true;
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_mptest0"), -EBUSY);
	assert_int_equal(mptest_live, 1);
	assert_int_equal(peer("live", ""), 1);
	assert_int_equal(peer_ask(second, "live", ""), 1);
	mptest_refuse = false;

	remove_by_name("net_mptest0");
	assert_int_equal(mptest_live, 0);
	assert_int_equal(peer("live", ""), 0);
	assert_int_equal(peer_ask(second, "live", ""), 0);
	assert_int_equal(peer_stop(second, false), 0);
}

/* Malformed requests, either way, are answered -EINVAL and change nothing. */
static void
test_malformed_requests(void **state)
{
	char kind[2] = "0";

	RTE_SET_USED(state);
	for (kind[0] = '0'; kind[0] <= '2'; kind[0]++) {
		assert_int_equal(peer("malformed", kind), -EINVAL);
		assert_int_equal(malformed("eal_dev_mp_sync", kind[0] - '0'), -EINVAL);
	}
	assert_false(has_port("net_null9"));
	assert_int_equal(peer("has", "net_null9"), 0);
	/* Both ends still take well-formed requests. */
	assert_int_equal(peer("attach", "net_null9"), 0);
	assert_true(has_port("net_null9"));
	remove_by_name("net_null9");
	assert_int_equal(peer("has", "net_null9"), 0);
}

static void *
probe_thread(void *arg)
{
	return (void *)(intptr_t)rte_dev_probe(arg);
}

/* A secondary told to quit while it attaches for the primary finishes the attach first. */
static void
test_quit_during_attach(void **state)
{
	pthread_t tid;
	void *ret;

	RTE_SET_USED(state);
	assert_int_equal(pthread_create(&tid, NULL, probe_thread, "net_mptest1,sleep_ms=300"), 0);
	usleep(100 * 1000);
	assert_int_equal(peer_stop(PEER, false), 0);
	assert_int_equal(pthread_join(tid, &ret), 0);
	assert_int_equal((intptr_t)ret, 0);
	assert_int_equal(mptest_live, 1);
	remove_by_name("net_mptest1");
	assert_int_equal(mptest_live, 0);
	peer_start(PEER);
}

/* A secondary killed with its ports attached: the primary's hotplug goes on alone. */
static void
test_killed_secondary(void **state)
{
	RTE_SET_USED(state);
	assert_int_equal(peer("attach", "net_null4"), 0);
	assert_int_equal(peer_stop(PEER, true), 0);
	assert_int_equal(rte_dev_probe("net_null5"), 0);
	remove_by_name("net_null4");
	remove_by_name("net_null5");
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	/* And a new secondary joins and sees the primary's attach. */
	peer_start(PEER);
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
		cmocka_unit_test(test_detach_rollback),
		cmocka_unit_test(test_malformed_requests),
		cmocka_unit_test(test_quit_during_attach),
		cmocka_unit_test(test_local_only),
		cmocka_unit_test(test_killed_secondary),
	};

	if (argc == 2 && strcmp(argv[1], "--secondary") == 0)
		return secondary_main();
	return cmocka_run_group_tests(tests, setup, teardown);
}
