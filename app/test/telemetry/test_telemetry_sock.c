/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The telemetry server as a client sees it: EAL starts it with net_null ports, the test talks
 * to the socket, registers its own commands, sends bad requests, disconnects early, opens more
 * connections than allowed, and checks the ethdev and hotplug commands; then that
 * rte_eal_cleanup removes the socket and that --no-telemetry starts none.
 */
#include "test_common.h"

#include <errno.h>
#include <poll.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_telemetry.h>

#include "telemetry_internal.h"

#define REPLY_LEN (16 * 1024)

static char prefix_opt[64];
static char reply_buf[REPLY_LEN + 1];

static int
tel_connect(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);

	assert_true(fd >= 0);
	assert_true(strlen(rte_telemetry_socket_path()) > 0);
	strcpy(sun.sun_path, rte_telemetry_socket_path());
	assert_int_equal(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), 0);
	return fd;
}

/* One message, NUL-terminated in reply_buf; "" when the server closed the connection. */
static const char *
tel_recv(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;

	assert_int_equal(poll(&p, 1, 5000), 1);
	n = recv(fd, reply_buf, REPLY_LEN, 0);
	assert_true(n >= 0);
	reply_buf[n] = '\0';
	return reply_buf;
}

/*
 * A connection past its welcome message. Clients of an earlier test may still hold their
 * places for a moment (the server notices a close asynchronously): retry while refused.
 */
static int
tel_open(void)
{
	int fd, tries;

	for (tries = 0; tries < 200; tries++) {
		fd = tel_connect();
		if (tel_recv(fd)[0] != '\0')
			break;
		close(fd);
		usleep(10000);
	}
	assert_true(tries < 200);
	assert_non_null(strstr(reply_buf, "\"max_output_len\":16384"));
	return fd;
}

static const char *
tel_query(int fd, const char *req)
{
	assert_int_equal(send(fd, req, strlen(req), 0), (ssize_t)strlen(req));
	return tel_recv(fd);
}

/* ---- commands of the test ---- */

static int
cb_echo(const char *cmd, const char *params, struct rte_tel_data *d)
{
	(void)cmd;
	return rte_tel_data_string(d, params != NULL ? params : "(none)");
}

static int
cb_fail(const char *cmd, const char *params, struct rte_tel_data *d)
{
	(void)cmd;
	(void)params;
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "partial", 1);
	return -EIO;
}

static int
cb_nothing(const char *cmd, const char *params, struct rte_tel_data *d)
{
	(void)cmd;
	(void)params;
	(void)d;
	return 0;
}

/* A large reply with containers the library must free. */
static int
cb_big(const char *cmd, const char *params, struct rte_tel_data *d)
{
	char name[32];
	int i, j;

	(void)cmd;
	(void)params;
	rte_tel_data_start_dict(d);
	for (i = 0; i < 64; i++) {
		struct rte_tel_data *a = rte_tel_data_alloc();

		if (a == NULL)
			return -ENOMEM;
		rte_tel_data_start_array(a, RTE_TEL_U64_VAL);
		for (j = 0; j < 40; j++)
			rte_tel_data_add_array_u64(a, UINT64_MAX - j);
		snprintf(name, sizeof(name), "arr%d", i);
		rte_tel_data_add_dict_container(d, name, a, 0);
	}
	return 0;
}

static int
cb_other(const char *cmd, const char *params, struct rte_tel_data *d)
{
	return cb_nothing(cmd, params, d);
}

static void
test_register(void **state)
{
	char longcmd[64];
	char longhelp[RTE_TEL_MAX_STRING_LEN + 1];

	(void)state;
	assert_int_equal(rte_telemetry_register_cmd("/test/echo", cb_echo, "echo"), 0);
	assert_int_equal(rte_telemetry_register_cmd("/test/fail", cb_fail, "fails"), 0);
	assert_int_equal(rte_telemetry_register_cmd("/test/nothing", cb_nothing, "no data"), 0);
	assert_int_equal(rte_telemetry_register_cmd("/test/big", cb_big, "big"), 0);
	/* The same callback again: only the help changes. */
	assert_int_equal(rte_telemetry_register_cmd("/test/echo", cb_echo, "Echo params"), 0);
	assert_int_equal(rte_telemetry_register_cmd("/test/echo", cb_other, "x"), -EEXIST);

	assert_int_equal(rte_telemetry_register_cmd(NULL, cb_echo, "x"), -EINVAL);
	assert_int_equal(rte_telemetry_register_cmd("/t", NULL, "x"), -EINVAL);
	assert_int_equal(rte_telemetry_register_cmd("/t", cb_echo, NULL), -EINVAL);
	assert_int_equal(rte_telemetry_register_cmd("t", cb_echo, "x"), -EINVAL);
	assert_int_equal(rte_telemetry_register_cmd("", cb_echo, "x"), -EINVAL);
	assert_int_equal(rte_telemetry_register_cmd("/a,b", cb_echo, "x"), -EINVAL);
	assert_int_equal(rte_telemetry_register_cmd("/a b", cb_echo, "x"), -EINVAL);
	memset(longcmd, 'c', 56);
	longcmd[0] = '/';
	longcmd[56] = '\0';
	assert_int_equal(rte_telemetry_register_cmd(longcmd, cb_echo, "x"), -EINVAL);
	longcmd[55] = '\0';	/* 55 characters: the longest accepted */
	assert_int_equal(rte_telemetry_register_cmd(longcmd, cb_echo, "x"), 0);
	memset(longhelp, 'h', sizeof(longhelp) - 1);
	longhelp[sizeof(longhelp) - 1] = '\0';
	assert_int_equal(rte_telemetry_register_cmd("/test/help", cb_echo, longhelp), -EINVAL);
}

static void
test_connect_and_builtins(void **state)
{
	char expect[128];
	int fd = tel_connect();

	(void)state;
	snprintf(expect, sizeof(expect), "\"pid\":%d,", (int)getpid());
	tel_recv(fd);
	assert_non_null(strstr(reply_buf, "{\"version\":\""));
	assert_non_null(strstr(reply_buf, expect));
	assert_non_null(strstr(tel_query(fd, "/"), "\"/ethdev/list\""));
	assert_non_null(strstr(reply_buf, "\"/hotplug/stats\""));
	assert_non_null(strstr(reply_buf, "\"/test/echo\""));
	assert_non_null(strstr(tel_query(fd, "/info"), expect));
	assert_string_equal(tel_query(fd, "/help,/test/echo"),
		"{\"/help\":{\"/test/echo\":\"Echo params\"}}");
	assert_string_equal(tel_query(fd, "/help,/nope"), "{\"/help\":null}");
	assert_non_null(strstr(tel_query(fd, "/help"), "{\"/help\":\""));
	assert_string_equal(tel_query(fd, "/test/echo,a,b c"), "{\"/test/echo\":\"a,b c\"}");
	assert_string_equal(tel_query(fd, "/test/echo"), "{\"/test/echo\":\"(none)\"}");
	assert_string_equal(tel_query(fd, "/test/echo,"), "{\"/test/echo\":\"(none)\"}");
	/* A command registered while connected is there at once. */
	assert_string_equal(tel_query(fd, "/test/late"), "{\"/test/late\":null}");
	assert_int_equal(rte_telemetry_register_cmd("/test/late", cb_echo, "late"), 0);
	assert_string_equal(tel_query(fd, "/test/late,x"), "{\"/test/late\":\"x\"}");
	assert_non_null(strstr(tel_query(fd, "/eal/params"), "\"--no-pci\""));
	assert_string_equal(tel_query(fd, "/eal/app_params"),
		"{\"/eal/app_params\":[\"app1\",\"app2\"]}");
	close(fd);
}

static void
test_bad_requests(void **state)
{
	char big[3000];
	int fd = tel_open();

	(void)state;
	assert_string_equal(tel_query(fd, "/nope"), "{\"/nope\":null}");
	assert_string_equal(tel_query(fd, "nope"), "{\"nope\":null}");
	assert_string_equal(tel_query(fd, ","), "{\"\":null}");
	/* Escaped in the reply, which stays valid JSON. */
	assert_string_equal(tel_query(fd, "/a\"b\\"), "{\"/a\\\"b\\\\\":null}");
	/* A failing callback, or one that fills nothing, answers null. */
	assert_string_equal(tel_query(fd, "/test/fail"), "{\"/test/fail\":null}");
	assert_string_equal(tel_query(fd, "/test/nothing"), "{\"/test/nothing\":null}");
	/* Too long for a command name: the reply key is cut to 55 characters. */
	memset(big, 'x', sizeof(big));
	big[0] = '/';
	big[60] = '\0';
	tel_query(fd, big);
	assert_int_equal(strlen(reply_buf), 2 + 55 + 2 + 4 + 1);
	assert_non_null(strstr(reply_buf, ":null}"));
	/* Longer than a request may be. */
	memset(big, 'x', sizeof(big));
	memcpy(big, "/test/echo,", 11);
	big[sizeof(big) - 1] = '\0';
	assert_string_equal(tel_query(fd, big), "{\"/test/echo\":null}");
	/* A NUL byte inside. */
	assert_int_equal(send(fd, "/test/echo,a\0b", 14, 0), 14);
	assert_string_equal(tel_recv(fd), "{\"/test/echo\":null}");
	/* Still served. */
	assert_string_equal(tel_query(fd, "/test/echo,ok"), "{\"/test/echo\":\"ok\"}");
	close(fd);
}

static void
test_large_reply(void **state)
{
	int fd = tel_open();
	size_t n;

	(void)state;
	tel_query(fd, "/test/big");
	n = strlen(reply_buf);
	assert_true(n > 8000 && n <= REPLY_LEN);
	assert_string_equal(reply_buf + n - 3, "]}}");
	close(fd);
}

/* Clients that go away before their reply leave the server as it was. */
static void
test_disconnect_mid_reply(void **state)
{
	int fd, i;

	(void)state;
	for (i = 0; i < 20; i++) {
		fd = tel_connect();
		assert_int_equal(send(fd, "/test/big", 9, 0), 9);
		assert_int_equal(send(fd, "/test/big", 9, 0), 9);
		close(fd);
	}
	fd = tel_open();
	assert_string_equal(tel_query(fd, "/test/echo,alive"), "{\"/test/echo\":\"alive\"}");
	close(fd);
}

/* Ten clients at a time; the eleventh is closed at once; a freed place is taken again. */
static void
test_max_clients(void **state)
{
	int fds[10], extra, i;

	(void)state;
	for (i = 0; i < 10; i++)
		fds[i] = tel_open();
	extra = tel_connect();
	assert_string_equal(tel_recv(extra), "");
	close(extra);
	for (i = 0; i < 10; i++)
		assert_string_equal(tel_query(fds[i], "/test/echo,1"), "{\"/test/echo\":\"1\"}");
	close(fds[0]);
	extra = tel_open();
	assert_string_equal(tel_query(extra, "/test/echo,2"), "{\"/test/echo\":\"2\"}");
	close(extra);
	for (i = 1; i < 10; i++)
		close(fds[i]);
}

static void
test_ethdev(void **state)
{
	int fd = tel_open();

	(void)state;
	assert_string_equal(tel_query(fd, "/ethdev/list"), "{\"/ethdev/list\":[0]}");
	assert_non_null(strstr(tel_query(fd, "/ethdev/stats,0"),
		"{\"/ethdev/stats\":{\"ipackets\":0,"));
	assert_non_null(strstr(reply_buf, "\"q_errors\":[0,0,"));
	/* Extra characters after the id are ignored, as DPDK does. */
	assert_non_null(strstr(tel_query(fd, "/ethdev/stats,0x0,more"), "\"ipackets\""));
	assert_string_equal(tel_query(fd, "/ethdev/stats"), "{\"/ethdev/stats\":null}");
	assert_string_equal(tel_query(fd, "/ethdev/stats,1"), "{\"/ethdev/stats\":null}");
	assert_string_equal(tel_query(fd, "/ethdev/stats,-1"), "{\"/ethdev/stats\":null}");
	assert_string_equal(tel_query(fd, "/ethdev/stats,abc"), "{\"/ethdev/stats\":null}");
	assert_string_equal(tel_query(fd, "/ethdev/stats,65536"), "{\"/ethdev/stats\":null}");
	assert_string_equal(tel_query(fd, "/ethdev/stats,99999999999999999999999"),
		"{\"/ethdev/stats\":null}");
	assert_non_null(strstr(tel_query(fd, "/ethdev/xstats,0"), "\"rx_good_packets\":0"));
	assert_string_equal(tel_query(fd, "/ethdev/xstats,7"), "{\"/ethdev/xstats\":null}");
	assert_non_null(strstr(tel_query(fd, "/ethdev/info,0"), "\"name\":\"net_null0\""));
	assert_non_null(strstr(reply_buf, "\"port_id\":0,"));
	assert_string_equal(tel_query(fd, "/ethdev/info"), "{\"/ethdev/info\":null}");
	assert_non_null(strstr(tel_query(fd, "/ethdev/link_status,0"), "\"status\":"));
	assert_string_equal(tel_query(fd, "/ethdev/link_status,3"),
		"{\"/ethdev/link_status\":null}");
	close(fd);
}

static uint64_t
stat_of(int fd, const char *name)
{
	char key[64];
	const char *p;

	tel_query(fd, "/hotplug/stats");
	snprintf(key, sizeof(key), "\"%s\":", name);
	p = strstr(reply_buf, key);
	assert_non_null(p);
	return strtoull(p + strlen(key), NULL, 10);
}

static void
test_hotplug_counters(void **state)
{
	uint64_t att, att_f, det, det_f;
	struct rte_eth_dev_info info;
	uint16_t port;
	int fd = tel_open();

	(void)state;
	att = stat_of(fd, "attached");
	att_f = stat_of(fd, "attach_failed");
	det = stat_of(fd, "detached");
	det_f = stat_of(fd, "detach_failed");

	assert_int_equal(rte_dev_probe("net_null7"), 0);
	assert_int_equal(stat_of(fd, "attached"), att + 1);
	assert_string_equal(tel_query(fd, "/ethdev/list"), "{\"/ethdev/list\":[0,1]}");
	assert_true(rte_dev_probe("net_nosuchdriver0") < 0);
	assert_int_equal(stat_of(fd, "attach_failed"), att_f + 1);
	assert_non_null(strstr(reply_buf, "\"last_error_op\":\"attach\""));
	assert_non_null(strstr(reply_buf, "\"last_error_device\":\"net_nosuchdriver0\""));

	assert_int_equal(rte_eth_dev_get_port_by_name("net_null7", &port), 0);
	assert_int_equal(rte_eth_dev_info_get(port, &info), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_dev_remove(info.device), 0);
	assert_int_equal(stat_of(fd, "detached"), det + 1);
	assert_string_equal(tel_query(fd, "/ethdev/list"), "{\"/ethdev/list\":[0]}");
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_gone"), -ENOENT);
	assert_int_equal(stat_of(fd, "detach_failed"), det_f + 1);
	assert_non_null(strstr(reply_buf, "\"last_error\":-2,"));
	assert_non_null(strstr(reply_buf, "\"last_error_op\":\"detach\""));
	assert_non_null(strstr(reply_buf, "\"last_error_device\":\"net_gone\""));
	assert_int_equal(stat_of(fd, "attached"), att + 1);
	close(fd);
}

static int
start_eal(const char *telemetry_opt)
{
	const char *const args[] = { "test_telemetry_sock", "--no-huge", "-l", "0", "--no-pci",
		prefix_opt, "--vdev", "net_null0", "-d", TEST_NULL_PMD, telemetry_opt, "--",
		"app1", "app2", NULL };
	static struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_connect_and_builtins),
		cmocka_unit_test(test_bad_requests),
		cmocka_unit_test(test_large_reply),
		cmocka_unit_test(test_disconnect_mid_reply),
		cmocka_unit_test(test_max_clients),
		cmocka_unit_test(test_ethdev),
		cmocka_unit_test(test_hotplug_counters),
	};
	char path[256];
	struct stat st;
	int ret;

	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=teltest%d", (int)getpid());
	if (start_eal("--telemetry") < 0) {
		fprintf(stderr, "rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	snprintf(path, sizeof(path), "%s", rte_telemetry_socket_path());
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	rte_eal_cleanup();
	/* Cleanup stopped the server and removed its socket. */
	if (rte_telemetry_socket_path()[0] != '\0' || stat(path, &st) == 0) {
		printf("not ok - socket %s still there after rte_eal_cleanup\n", path);
		return 1;
	}
	/* --no-telemetry: EAL starts without the server. */
	if (start_eal("--no-telemetry") < 0 || rte_telemetry_socket_path()[0] != '\0' ||
			stat(path, &st) == 0) {
		printf("not ok - --no-telemetry still started a server at %s\n", path);
		return 1;
	}
	rte_eal_cleanup();
	return ret;
}
