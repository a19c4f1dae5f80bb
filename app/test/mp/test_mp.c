/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The multi-process IPC channel (rte_mp_*). This program is the primary; the peers are this
 * same program executed again with "--peer", attached as secondaries with
 * rte_mp_channel_attach_secondary() (the channel alone, without EAL), and one with
 * rte_eal_init(--proc-type=auto). Secondary processes as a whole: test_mp_secondary.c.
 * Covered: argument errors, no peer, real exchanges with one and two peers, fd passing both
 * ways, timeouts and late replies, async callbacks, a peer dying mid-request, requests from a
 * secondary to the primary, many messages, rte_mp_disable, IPC off without shared files,
 * --proc-type auto while a primary runs.
 */
#include "test_common.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>

#define PREFIX "test_mp"

static const char *const eal_args[] = {
	"prog", "--file-prefix=" PREFIX, "--no-huge", "--no-pci", "-l", "0", NULL
};

/* What a peer writes on its report pipe once it is attached (or failed to). */
struct peer_report {
	int attached;    /* 1, or 0 with err set to rte_errno */
	int err;
	int alive;       /* rte_eal_primary_proc_alive() on the primary's config file */
	int asked;       /* "ask" mode: 1 if the primary answered its request correctly */
};

struct peer {
	pid_t pid;
	int ctrl;        /* closing it tells the peer to detach and exit */
	struct peer_report rep;
};

static char runtime_dir[PATH_MAX];

static const struct timespec ts_long = { .tv_sec = 10 };

static void
msg_init(struct rte_mp_msg *m, const char *name, const char *param)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "%s", name);
	if (param != NULL) {
		m->len_param = (int)strlen(param);
		memcpy(m->param, param, m->len_param);
	}
}

/* ---------------------------------------------------------------- peer side */

static int peer_msg_count;

static int
peer_echo(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg r;
	int pid = (int)getpid();

	msg_init(&r, msg->name, NULL);
	memcpy(r.param, msg->param, msg->len_param);
	memcpy(r.param + msg->len_param, &pid, sizeof(pid));
	r.len_param = msg->len_param + (int)sizeof(pid);
	return rte_mp_reply(&r, peer);
}

/* Reads the text in the fd received and answers with a new fd holding "peer:<text>". */
static int
peer_fd(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg r;
	char buf[64] = "peer:";
	ssize_t n = -1;
	int fd, i;

	if (msg->num_fds == 1)
		n = pread(msg->fds[0], buf + 5, sizeof(buf) - 6, 0);
	for (i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	msg_init(&r, msg->name, NULL);
	fd = memfd_create("peer_fd", MFD_CLOEXEC);
	if (n > 0 && fd >= 0 && write(fd, buf, 5 + n) == 5 + n) {
		r.num_fds = 1;
		r.fds[0] = fd;
	}
	rte_mp_reply(&r, peer);
	if (fd >= 0)
		close(fd);
	return 0;
}

static int
peer_die(const struct rte_mp_msg *msg, const void *peer)
{
	RTE_SET_USED(msg);
	RTE_SET_USED(peer);
	_exit(0);
}

static int
peer_silent(const struct rte_mp_msg *msg, const void *peer)
{
	RTE_SET_USED(msg);
	RTE_SET_USED(peer);
	return 0;
}

/* Answers after 300 ms, so a short request times out and the reply comes late. */
static int
peer_slow(const struct rte_mp_msg *msg, const void *peer)
{
	usleep(300 * 1000);
	return peer_echo(msg, peer);
}

static int
peer_count(const struct rte_mp_msg *msg, const void *peer)
{
	RTE_SET_USED(msg);
	RTE_SET_USED(peer);
	peer_msg_count++;
	return 0;
}

static int
peer_get_count(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg r;

	msg_init(&r, msg->name, NULL);
	memcpy(r.param, &peer_msg_count, sizeof(peer_msg_count));
	r.len_param = sizeof(peer_msg_count);
	return rte_mp_reply(&r, peer);
}

static const struct {
	const char *name;
	rte_mp_t fn;
} peer_actions[] = {
	{ "mp_echo", peer_echo },
	{ "mp_fd", peer_fd },
	{ "mp_die", peer_die },
	{ "mp_silent", peer_silent },
	{ "mp_slow", peer_slow },
	{ "mp_count", peer_count },
	{ "mp_get_count", peer_get_count },
};

/* "ask" mode: a secondary's request and message to the primary. */
static int
peer_ask_primary(void)
{
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	int ok;

	msg_init(&m, "mp_primary_echo", "from-peer");
	if (rte_mp_request_sync(&m, &rep, &ts_long) < 0)
		return 0;
	ok = rep.nb_sent == 1 && rep.nb_received == 1 && rep.msgs[0].len_param == 9 &&
		memcmp(rep.msgs[0].param, "from-peer", 9) == 0;
	free(rep.msgs);
	msg_init(&m, "mp_hello", NULL);
	return ok && rte_mp_sendmsg(&m) == 0;
}

static int
peer_main(const char *dir, int ctrl, int report, const char *mode)
{
	struct peer_report rep = { 0 };
	char path[PATH_MAX + 16], c;
	size_t i;

	if (strcmp(mode, "auto") == 0) {
		/* a second process of the prefix, started the way a secondary would be */
		static const char *const auto_args[] = {
			"prog", "--file-prefix=" PREFIX, "--no-huge", "--no-pci", "-l", "0",
			"--proc-type=auto", NULL
		};
		struct test_argv a;

		test_argv_build(&a, auto_args);
		rep.attached = rte_eal_init(a.argc, a.argv) >= 0;
		rep.err = rte_errno;
		/* "asked": it became a secondary, as the running primary makes it */
		rep.asked = rep.attached && rte_eal_process_type() == RTE_PROC_SECONDARY;
		if (rep.attached)
			rte_eal_cleanup();
		return write(report, &rep, sizeof(rep)) == sizeof(rep) ? 0 : 1;
	}
	for (i = 0; i < RTE_DIM(peer_actions); i++)
		rte_mp_action_register(peer_actions[i].name, peer_actions[i].fn);
	snprintf(path, sizeof(path), "%s/config", dir);
	rep.alive = rte_eal_primary_proc_alive(path);
	if (rte_mp_channel_attach_secondary(dir) == 0) {
		rep.attached = 1;
		/* not a primary: never allowed to disable */
		if (rte_mp_disable())
			rep.attached = 2;
		if (strcmp(mode, "ask") == 0)
			rep.asked = peer_ask_primary();
	} else {
		rep.err = rte_errno;
	}
	if (write(report, &rep, sizeof(rep)) != sizeof(rep))
		return 1;
	close(report);
	while (read(ctrl, &c, 1) > 0)
		;
	rte_mp_channel_detach();
	for (i = 0; i < RTE_DIM(peer_actions); i++)
		rte_mp_action_unregister(peer_actions[i].name);
	return 0;
}

/* ---------------------------------------------------------------- primary side */

static int
peer_start_in(struct peer *p, const char *mode, const char *dir)
{
	char ctrl_s[16], rep_s[16];
	int ctrl[2], rep[2];
	ssize_t n;

	memset(p, 0, sizeof(*p));
	if (pipe(ctrl) < 0 || pipe(rep) < 0)
		return -1;
	/* The parent's ends must not stay open in the peer, or it never sees EOF. */
	fcntl(ctrl[1], F_SETFD, FD_CLOEXEC);
	fcntl(rep[0], F_SETFD, FD_CLOEXEC);
	snprintf(ctrl_s, sizeof(ctrl_s), "%d", ctrl[0]);
	snprintf(rep_s, sizeof(rep_s), "%d", rep[1]);
	p->pid = fork();
	if (p->pid == 0) {
		execl("/proc/self/exe", "test_mp", "--peer", dir, ctrl_s, rep_s, mode,
			(char *)NULL);
		_exit(127);
	}
	close(ctrl[0]);
	close(rep[1]);
	p->ctrl = ctrl[1];
	do {
		n = read(rep[0], &p->rep, sizeof(p->rep));
	} while (n < 0 && errno == EINTR);
	close(rep[0]);
	return n == sizeof(p->rep) ? 0 : -1;
}

static int
peer_start(struct peer *p, const char *mode)
{
	return peer_start_in(p, mode, runtime_dir);
}

/* Ask the peer to leave and return its exit status (-1 if it did not exit normally). */
static int
peer_stop(struct peer *p)
{
	int st;

	close(p->ctrl);
	if (waitpid(p->pid, &st, 0) != p->pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int
count_secondary_sockets(void)
{
	struct dirent *e;
	DIR *d = opendir(runtime_dir);
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, "mp_socket_", 10) == 0;
	closedir(d);
	return n;
}

static int
eal_up(const char *const *args)
{
	struct test_argv a;

	test_argv_build(&a, args);
	if (rte_eal_init(a.argc, a.argv) < 0)
		return -1;
	snprintf(runtime_dir, sizeof(runtime_dir), "%s", rte_eal_get_runtime_dir());
	return 0;
}

static int
group_setup(void **state)
{
	RTE_SET_USED(state);
	return eal_up(eal_args);
}

static int
group_teardown(void **state)
{
	RTE_SET_USED(state);
	rte_eal_cleanup();
	return 0;
}

static int
dummy_action(const struct rte_mp_msg *msg, const void *peer)
{
	RTE_SET_USED(msg);
	RTE_SET_USED(peer);
	return 0;
}

static void
test_register_errors(void **state)
{
	char longname[RTE_MP_MAX_NAME_LEN + 1];

	RTE_SET_USED(state);
	memset(longname, 'a', RTE_MP_MAX_NAME_LEN);
	longname[RTE_MP_MAX_NAME_LEN] = '\0';

	rte_errno = 0;
	assert_int_equal(rte_mp_action_register(NULL, dummy_action), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mp_action_register("", dummy_action), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mp_action_register(longname, dummy_action), -1);
	assert_int_equal(rte_errno, E2BIG);
	rte_errno = 0;
	assert_int_equal(rte_mp_action_register("mp_null", NULL), -1);
	assert_int_equal(rte_errno, EINVAL);

	/* the longest name that fits */
	longname[RTE_MP_MAX_NAME_LEN - 1] = '\0';
	assert_int_equal(rte_mp_action_register(longname, dummy_action), 0);
	rte_errno = 0;
	assert_int_equal(rte_mp_action_register(longname, dummy_action), -1);
	assert_int_equal(rte_errno, EEXIST);
	rte_mp_action_unregister(longname);
	assert_int_equal(rte_mp_action_register(longname, dummy_action), 0);
	rte_mp_action_unregister(longname);

	/* unknown and invalid names are ignored */
	rte_mp_action_unregister("mp_never_registered");
	rte_mp_action_unregister(NULL);
}

static int
async_noop(const struct rte_mp_msg *req, const struct rte_mp_reply *reply)
{
	RTE_SET_USED(req);
	RTE_SET_USED(reply);
	return 0;
}

static void
test_msg_errors(void **state)
{
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct timespec bad = { .tv_sec = 0, .tv_nsec = 1000000000L };

	RTE_SET_USED(state);
	rte_errno = 0;
	assert_int_equal(rte_mp_sendmsg(NULL), -1);
	assert_int_equal(rte_errno, EINVAL);

	msg_init(&m, "mp_echo", NULL);
	m.len_param = -1;
	rte_errno = 0;
	assert_int_equal(rte_mp_sendmsg(&m), -1);
	assert_int_equal(rte_errno, EINVAL);
	m.len_param = RTE_MP_MAX_PARAM_LEN + 1;
	rte_errno = 0;
	assert_int_equal(rte_mp_sendmsg(&m), -1);
	assert_int_equal(rte_errno, E2BIG);
	m.len_param = 0;
	m.num_fds = RTE_MP_MAX_FD_NUM + 1;
	rte_errno = 0;
	assert_int_equal(rte_mp_request_async(&m, &ts_long, async_noop), -1);
	assert_int_equal(rte_errno, E2BIG);
	m.num_fds = -1;
	rte_errno = 0;
	assert_int_equal(rte_mp_reply(&m, "x"), -1);
	assert_int_equal(rte_errno, EINVAL);
	m.num_fds = 0;
	m.name[0] = '\0';
	rte_errno = 0;
	assert_int_equal(rte_mp_sendmsg(&m), -1);
	assert_int_equal(rte_errno, EINVAL);

	msg_init(&m, "mp_echo", NULL);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_sync(&m, NULL, &ts_long), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	rep.nb_sent = 7;
	assert_int_equal(rte_mp_request_sync(&m, &rep, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rep.nb_sent, 0);
	assert_null(rep.msgs);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_sync(&m, &rep, &bad), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_async(&m, &ts_long, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_async(&m, NULL, async_noop), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mp_reply(&m, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);

	/* the internal attach refuses a missing directory and an open channel */
	rte_errno = 0;
	assert_int_equal(rte_mp_channel_attach_secondary(NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_mp_channel_attach_secondary(runtime_dir), -1);
	assert_int_equal(rte_errno, EALREADY);
	/* and detach leaves an EAL's channel alone */
	rte_mp_channel_detach();
	assert_int_equal(count_secondary_sockets(), 0);
}

/* Async results, written by the callback on the handler thread. */
struct async_result {
	int calls;
	int nb_sent;
	int nb_received;
	char param[RTE_MP_MAX_PARAM_LEN];
	int len;
	int fd_ok;
	pthread_t thread;
};
static struct async_result async_res;

static int
async_record(const struct rte_mp_msg *req, const struct rte_mp_reply *reply)
{
	RTE_SET_USED(req);
	async_res.nb_sent = reply->nb_sent;
	async_res.nb_received = reply->nb_received;
	async_res.thread = pthread_self();
	if (reply->nb_received > 0) {
		async_res.len = reply->msgs[0].len_param;
		memcpy(async_res.param, reply->msgs[0].param, reply->msgs[0].len_param);
	}
	__atomic_fetch_add(&async_res.calls, 1, __ATOMIC_RELEASE);
	return 0;
}

static int
wait_calls(int *calls, int want)
{
	int i;

	for (i = 0; i < 20000; i++) {   /* 20 s */
		if (__atomic_load_n(calls, __ATOMIC_ACQUIRE) >= want)
			return 0;
		usleep(1000);
	}
	return -1;
}

static void
test_no_peer(void **state)
{
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	char path[PATH_MAX + 16];
	struct stat st;

	RTE_SET_USED(state);
	assert_int_equal(rte_eal_process_type(), RTE_PROC_PRIMARY);
	snprintf(path, sizeof(path), "%s/mp_socket", runtime_dir);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISSOCK(st.st_mode));
	/* this process's own lock does not count; no file means no primary */
	assert_int_equal(rte_eal_primary_proc_alive(NULL), 0);
	assert_int_equal(rte_eal_primary_proc_alive("/nonexistent/config"), 0);

	msg_init(&m, "mp_echo", "x");
	assert_int_equal(rte_mp_sendmsg(&m), 0);
	rep.nb_sent = 5;
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
	assert_int_equal(rep.nb_sent, 0);
	assert_int_equal(rep.nb_received, 0);
	assert_null(rep.msgs);

	/* the callback still comes, from the handler thread */
	memset(&async_res, 0, sizeof(async_res));
	async_res.nb_sent = -1;
	assert_int_equal(rte_mp_request_async(&m, &ts_long, async_record), 0);
	assert_int_equal(wait_calls(&async_res.calls, 1), 0);
	assert_int_equal(async_res.nb_sent, 0);
	assert_int_equal(async_res.nb_received, 0);
	assert_false(pthread_equal(async_res.thread, pthread_self()));
}

static void
test_exchange(void **state)
{
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct peer p;
	int pid, count;

	RTE_SET_USED(state);
	assert_int_equal(peer_start(&p, "serve"), 0);
	assert_int_equal(p.rep.attached, 1);
	assert_int_equal(p.rep.alive, 1);      /* seen from another process */
	assert_int_equal(count_secondary_sockets(), 1);

	msg_init(&m, "mp_echo", "hello");
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
	assert_int_equal(rep.nb_sent, 1);
	assert_int_equal(rep.nb_received, 1);
	assert_string_equal(rep.msgs[0].name, "mp_echo");
	assert_int_equal(rep.msgs[0].len_param, 5 + (int)sizeof(int));
	assert_memory_equal(rep.msgs[0].param, "hello", 5);
	memcpy(&pid, rep.msgs[0].param + 5, sizeof(pid));
	assert_int_equal(pid, p.pid);
	assert_int_equal(rep.msgs[0].num_fds, 0);
	free(rep.msgs);

	/* one-way messages arrive, in order, before the request sent after them */
	msg_init(&m, "mp_count", NULL);
	assert_int_equal(rte_mp_sendmsg(&m), 0);
	assert_int_equal(rte_mp_sendmsg(&m), 0);
	assert_int_equal(rte_mp_sendmsg(&m), 0);
	msg_init(&m, "mp_get_count", NULL);
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
	assert_int_equal(rep.nb_received, 1);
	memcpy(&count, rep.msgs[0].param, sizeof(count));
	assert_int_equal(count, 3);
	free(rep.msgs);

	/* a secondary attached: the primary can no longer disable multi-process */
	assert_false(rte_mp_disable());

	assert_int_equal(peer_stop(&p), 0);
	assert_int_equal(count_secondary_sockets(), 0);
}

/* A peer that spells the runtime directory differently ("dir/") still gets its replies. */
static void
test_dir_spelling(void **state)
{
	char dir[PATH_MAX + 2];
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct peer p;

	RTE_SET_USED(state);
	snprintf(dir, sizeof(dir), "%s/", runtime_dir);
	assert_int_equal(peer_start_in(&p, "serve", dir), 0);
	assert_int_equal(p.rep.attached, 1);
	msg_init(&m, "mp_echo", "slash");
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
	assert_int_equal(rep.nb_received, 1);
	assert_memory_equal(rep.msgs[0].param, "slash", 5);
	free(rep.msgs);
	assert_int_equal(peer_stop(&p), 0);
}

static void
test_two_peers(void **state)
{
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct peer a, b;
	int pids[2], i;

	RTE_SET_USED(state);
	assert_int_equal(peer_start(&a, "serve"), 0);
	assert_int_equal(peer_start(&b, "serve"), 0);
	assert_int_equal(count_secondary_sockets(), 2);
	msg_init(&m, "mp_echo", "both");
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
	assert_int_equal(rep.nb_sent, 2);
	assert_int_equal(rep.nb_received, 2);
	for (i = 0; i < 2; i++) {
		assert_memory_equal(rep.msgs[i].param, "both", 4);
		memcpy(&pids[i], rep.msgs[i].param + 4, sizeof(int));
	}
	free(rep.msgs);
	assert_true((pids[0] == a.pid && pids[1] == b.pid) ||
		(pids[0] == b.pid && pids[1] == a.pid));
	assert_int_equal(peer_stop(&a), 0);
	assert_int_equal(peer_stop(&b), 0);
}

static void
test_fd_passing(void **state)
{
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct peer p;
	char buf[64];
	ssize_t n;
	int fd, fds_before;

	RTE_SET_USED(state);
	assert_int_equal(peer_start(&p, "serve"), 0);
	fds_before = test_count_fds();
	fd = memfd_create("mp_test", MFD_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "ping", 4), 4);
	msg_init(&m, "mp_fd", NULL);
	m.num_fds = 1;
	m.fds[0] = fd;
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
	assert_int_equal(rep.nb_received, 1);
	assert_int_equal(rep.msgs[0].num_fds, 1);
	assert_true(rep.msgs[0].fds[0] >= 0);
	assert_int_not_equal(rep.msgs[0].fds[0], fd);
	n = pread(rep.msgs[0].fds[0], buf, sizeof(buf) - 1, 0);
	assert_int_equal(n, 9);
	buf[n] = '\0';
	assert_string_equal(buf, "peer:ping");
	close(rep.msgs[0].fds[0]);
	free(rep.msgs);
	/* the fd sent stays ours and open */
	assert_int_equal(pread(fd, buf, 4, 0), 4);
	close(fd);
	assert_int_equal(test_count_fds(), fds_before);
	assert_int_equal(peer_stop(&p), 0);
}

static void
test_timeouts(void **state)
{
	struct timespec shrt = { .tv_sec = 0, .tv_nsec = 100 * 1000 * 1000 };
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct peer p;
	int fds_before;

	RTE_SET_USED(state);
	assert_int_equal(peer_start(&p, "serve"), 0);
	fds_before = test_count_fds();

	/* an action that does not answer */
	msg_init(&m, "mp_silent", NULL);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_sync(&m, &rep, &shrt), -1);
	assert_int_equal(rte_errno, ETIMEDOUT);
	assert_int_equal(rep.nb_received, 0);
	assert_null(rep.msgs);

	/* a name the ready peer has no action for: no answer either */
	msg_init(&m, "mp_nobody_handles_this", NULL);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_sync(&m, &rep, &shrt), -1);
	assert_int_equal(rte_errno, ETIMEDOUT);

	/* a late reply to a request that timed out is not taken for the next one's */
	msg_init(&m, "mp_slow", "first");
	rte_errno = 0;
	assert_int_equal(rte_mp_request_sync(&m, &rep, &shrt), -1);
	assert_int_equal(rte_errno, ETIMEDOUT);
	msg_init(&m, "mp_slow", "second");
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
	assert_int_equal(rep.nb_received, 1);
	assert_memory_equal(rep.msgs[0].param, "second", 6);
	free(rep.msgs);

	/* async: the callback comes at the deadline with what arrived */
	memset(&async_res, 0, sizeof(async_res));
	msg_init(&m, "mp_silent", NULL);
	assert_int_equal(rte_mp_request_async(&m, &shrt, async_record), 0);
	assert_int_equal(wait_calls(&async_res.calls, 1), 0);
	assert_int_equal(async_res.nb_sent, 1);
	assert_int_equal(async_res.nb_received, 0);

	assert_int_equal(test_count_fds(), fds_before);
	assert_int_equal(peer_stop(&p), 0);
}

static void
test_async(void **state)
{
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct peer p;

	RTE_SET_USED(state);
	assert_int_equal(peer_start(&p, "serve"), 0);
	memset(&async_res, 0, sizeof(async_res));
	msg_init(&m, "mp_echo", "async");
	assert_int_equal(rte_mp_request_async(&m, &ts_long, async_record), 0);
	assert_int_equal(wait_calls(&async_res.calls, 1), 0);
	assert_int_equal(async_res.nb_sent, 1);
	assert_int_equal(async_res.nb_received, 1);
	assert_int_equal(async_res.len, 5 + (int)sizeof(int));
	assert_memory_equal(async_res.param, "async", 5);
	assert_false(pthread_equal(async_res.thread, pthread_self()));

	/* while a request is pending (the peer takes 300 ms), the same one is refused */
	memset(&async_res, 0, sizeof(async_res));
	msg_init(&m, "mp_slow", "slow");
	assert_int_equal(rte_mp_request_async(&m, &ts_long, async_record), 0);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_async(&m, &ts_long, async_record), -1);
	assert_int_equal(rte_errno, EEXIST);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), -1);
	assert_int_equal(rte_errno, EEXIST);
	assert_int_equal(wait_calls(&async_res.calls, 1), 0);
	assert_int_equal(async_res.nb_received, 1);
	assert_memory_equal(async_res.param, "slow", 4);
	/* and accepted again once answered */
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
	assert_int_equal(rep.nb_received, 1);
	free(rep.msgs);
	assert_int_equal(async_res.calls, 1);
	assert_int_equal(peer_stop(&p), 0);
}

static void
test_peer_dies(void **state)
{
	struct timespec ts = { .tv_sec = 1 };
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct peer p;
	int st;

	RTE_SET_USED(state);
	assert_int_equal(peer_start(&p, "serve"), 0);
	msg_init(&m, "mp_die", NULL);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts), -1);
	assert_int_equal(rte_errno, ETIMEDOUT);
	assert_null(rep.msgs);
	assert_int_equal(waitpid(p.pid, &st, 0), p.pid);
	close(p.ctrl);
	/* its socket file is left behind; the next request skips it and removes it */
	assert_int_equal(count_secondary_sockets(), 1);
	msg_init(&m, "mp_echo", NULL);
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
	assert_int_equal(rep.nb_sent, 0);
	assert_null(rep.msgs);
	assert_int_equal(count_secondary_sockets(), 0);
	assert_int_equal(rte_mp_sendmsg(&m), 0);
}

static int primary_hello;
static int primary_nested_errno;

static int
primary_echo(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg r = *msg;
	struct rte_mp_reply rep;

	/* a synchronous request from an action would wait for itself */
	if (rte_mp_request_sync(&r, &rep, &ts_long) < 0)
		__atomic_store_n(&primary_nested_errno, rte_errno, __ATOMIC_RELEASE);
	return rte_mp_reply(&r, peer);
}

static int
primary_hello_action(const struct rte_mp_msg *msg, const void *peer)
{
	RTE_SET_USED(msg);
	RTE_SET_USED(peer);
	__atomic_fetch_add(&primary_hello, 1, __ATOMIC_RELEASE);
	return 0;
}

static void
test_secondary_to_primary(void **state)
{
	struct peer p;

	RTE_SET_USED(state);
	assert_int_equal(rte_mp_action_register("mp_primary_echo", primary_echo), 0);
	assert_int_equal(rte_mp_action_register("mp_hello", primary_hello_action), 0);
	__atomic_store_n(&primary_hello, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&primary_nested_errno, 0, __ATOMIC_RELEASE);
	assert_int_equal(peer_start(&p, "ask"), 0);
	assert_int_equal(p.rep.attached, 1);
	assert_int_equal(p.rep.asked, 1);
	assert_int_equal(wait_calls(&primary_hello, 1), 0);
	assert_int_equal(__atomic_load_n(&primary_nested_errno, __ATOMIC_ACQUIRE), EDEADLK);
	assert_int_equal(peer_stop(&p), 0);
	rte_mp_action_unregister("mp_primary_echo");
	rte_mp_action_unregister("mp_hello");
}

static int many_calls;

static int
async_count(const struct rte_mp_msg *req, const struct rte_mp_reply *reply)
{
	RTE_SET_USED(req);
	if (reply->nb_received == 1)
		__atomic_fetch_add(&many_calls, 1, __ATOMIC_RELEASE);
	else
		__atomic_fetch_add(&many_calls, 1000000, __ATOMIC_RELEASE);
	return 0;
}

static void
test_many(void **state)
{
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct peer p;
	int i, fds_before, seq;

	RTE_SET_USED(state);
	assert_int_equal(peer_start(&p, "serve"), 0);
	fds_before = test_count_fds();
	msg_init(&m, "mp_echo", NULL);
	m.len_param = sizeof(seq);
	for (i = 0; i < 2000; i++) {
		memcpy(m.param, &i, sizeof(i));
		assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
		assert_int_equal(rep.nb_received, 1);
		memcpy(&seq, rep.msgs[0].param, sizeof(seq));
		assert_int_equal(seq, i);
		free(rep.msgs);
	}
	/* async requests one after the other (one may be pending per name and peer) */
	many_calls = 0;
	for (i = 0; i < 200; i++) {
		assert_int_equal(rte_mp_request_async(&m, &ts_long, async_count), 0);
		assert_int_equal(wait_calls(&many_calls, i + 1), 0);
	}
	assert_int_equal(many_calls, 200);
	assert_int_equal(test_count_fds(), fds_before);
	assert_int_equal(peer_stop(&p), 0);
}

/* A secondary while the primary runs, a primary once it is gone. */
static void
test_proc_type_auto(void **state)
{
	static const char *const args_auto[] = {
		"prog", "--file-prefix=" PREFIX, "--no-huge", "--no-pci", "-l", "0",
		"--proc-type=auto", NULL
	};
	char path[PATH_MAX + 16];
	struct peer p;

	RTE_SET_USED(state);
	assert_int_equal(peer_start(&p, "auto"), 0);
	assert_int_equal(p.rep.attached, 1);
	assert_int_equal(p.rep.asked, 1);
	assert_int_equal(peer_stop(&p), 0);

	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(eal_up(args_auto), 0);
	assert_int_equal(rte_eal_process_type(), RTE_PROC_PRIMARY);
	snprintf(path, sizeof(path), "%s/mp_socket", runtime_dir);
	assert_int_equal(access(path, F_OK), 0);
}

/* Needs a fresh EAL: the attach of earlier peers made rte_mp_disable() impossible. */
static void
test_disable(void **state)
{
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	struct peer p;

	RTE_SET_USED(state);
	assert_int_equal(rte_eal_cleanup(), 0);
	/* not initialised: the channel is closed, registering still works */
	msg_init(&m, "mp_echo", NULL);
	rte_errno = 0;
	assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), -1);
	assert_int_equal(rte_errno, ENOTSUP);
	rte_errno = 0;
	assert_int_equal(rte_mp_sendmsg(&m), -1);
	assert_int_equal(rte_errno, ENOTSUP);
	assert_int_equal(rte_mp_action_register("mp_early", dummy_action), 0);
	rte_mp_action_unregister("mp_early");

	assert_int_equal(eal_up(eal_args), 0);
	assert_true(rte_mp_disable());
	assert_true(rte_mp_disable());
	assert_int_equal(peer_start(&p, "serve"), 0);
	assert_int_equal(p.rep.attached, 0);
	assert_int_equal(p.rep.err, ENOTSUP);
	assert_int_equal(peer_stop(&p), 0);
	assert_int_equal(count_secondary_sockets(), 0);
}

static void
test_no_primary(void **state)
{
	char dir[] = "/tmp/test_mp_empty_XXXXXX";
	struct peer p;

	RTE_SET_USED(state);
	assert_non_null(mkdtemp(dir));
	assert_int_equal(peer_start_in(&p, "serve", dir), 0);
	assert_int_equal(p.rep.attached, 0);
	assert_int_equal(p.rep.err, ENOENT);
	assert_int_equal(p.rep.alive, 0);
	assert_int_equal(peer_stop(&p), 0);
	/* the peer removed its own socket */
	assert_int_equal(rmdir(dir), 0);
}

static void
test_ipc_off(void **state)
{
	static const char *const args_no_shconf[] = {
		"prog", "--file-prefix=" PREFIX, "--no-huge", "--no-pci", "-l", "0",
		"--no-shconf", NULL
	};
	static const char *const args_in_memory[] = {
		"prog", "--file-prefix=" PREFIX, "--no-huge", "--no-pci", "-l", "0",
		"--in-memory", NULL
	};
	const char *const *sets[] = { args_no_shconf, args_in_memory };
	struct rte_mp_msg m;
	struct rte_mp_reply rep;
	char path[PATH_MAX + 16];
	unsigned int i;

	RTE_SET_USED(state);
	for (i = 0; i < RTE_DIM(sets); i++) {
		assert_int_equal(rte_eal_cleanup(), 0);
		assert_int_equal(eal_up(sets[i]), 0);
		snprintf(path, sizeof(path), "%s/mp_socket", runtime_dir);
		assert_int_not_equal(access(path, F_OK), 0);
		rte_errno = 0;
		assert_int_equal(rte_mp_action_register("mp_off", dummy_action), -1);
		assert_int_equal(rte_errno, ENOTSUP);
		msg_init(&m, "mp_off", NULL);
		assert_int_equal(rte_mp_sendmsg(&m), 0);
		assert_int_equal(rte_mp_request_sync(&m, &rep, &ts_long), 0);
		assert_int_equal(rep.nb_sent, 0);
		assert_int_equal(rte_mp_reply(&m, "somebody"), 0);
	}
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(eal_up(eal_args), 0);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register_errors),
		cmocka_unit_test(test_msg_errors),
		cmocka_unit_test(test_no_peer),
		cmocka_unit_test(test_exchange),
		cmocka_unit_test(test_dir_spelling),
		cmocka_unit_test(test_two_peers),
		cmocka_unit_test(test_fd_passing),
		cmocka_unit_test(test_timeouts),
		cmocka_unit_test(test_async),
		cmocka_unit_test(test_peer_dies),
		cmocka_unit_test(test_secondary_to_primary),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_no_primary),
		cmocka_unit_test(test_proc_type_auto),
		cmocka_unit_test(test_disable),
		cmocka_unit_test(test_ipc_off),
	};

	if (argc == 6 && strcmp(argv[1], "--peer") == 0)
		return peer_main(argv[2], atoi(argv[3]), atoi(argv[4]), argv[5]);
	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
