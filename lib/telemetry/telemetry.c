/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command table and the socket server.
 *
 * One listening thread accepts connections on <runtime dir>/dpdk_telemetry.v2 and starts one
 * thread per client, at most MAX_CLIENTS at a time (a connection beyond that is closed at
 * once). A client thread sends the connection message, then answers each request with one
 * message until the client goes away or the server stops. Replies are sent with MSG_NOSIGNAL:
 * a client that disconnects while its reply is on the way costs a failed send, nothing more.
 *
 * This library does not link with EAL (EAL links with it); EAL hands it rte_log at start.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>

#include <rte_log.h>

#include "rte_telemetry.h"
#include "telemetry_data.h"
#include "telemetry_internal.h"
#include "telemetry_legacy.h"

#define MAX_CMD_LEN 56			/* command length limit, NUL included */
#define MAX_HELP_LEN RTE_TEL_MAX_STRING_LEN
#define MAX_OUTPUT_LEN (1024 * 16)	/* largest reply */
#define MAX_INPUT_LEN 1024		/* largest request */
#define MAX_CLIENTS 10			/* connections served at a time */
#define MAX_INSTANCES 64		/* dpdk_telemetry.v2:<n> suffixes tried */

struct cmd_entry {
	char cmd[MAX_CMD_LEN];
	telemetry_cb fn;
	char help[MAX_HELP_LEN];
};

/* Registered commands, sorted by name; the lock is never held while a callback runs. */
static pthread_mutex_t cmd_lock = PTHREAD_MUTEX_INITIALIZER;
static struct cmd_entry *cmds;
static unsigned int nb_cmds, cmds_cap;

struct legacy_entry {
	char cmd[MAX_CMD_LEN];
	enum rte_telemetry_legacy_data_req data_req;
	telemetry_legacy_cb fn;
};
static struct legacy_entry *legacy_cmds;
static unsigned int nb_legacy_cmds;

/* Server state; srv_lock protects everything below it. */
static pthread_mutex_t srv_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t srv_cond = PTHREAD_COND_INITIALIZER;
static bool running;
static bool stopping;
static int listen_fd = -1;
static pthread_t listen_thread;
static char sock_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
static char created_dir[sizeof(sock_path)];	/* the runtime dir if we created it */
static int client_fds[MAX_CLIENTS];
static unsigned int nb_clients;

static const char *version_str = "";
static rte_log_fn log_fn;
static uint32_t log_type;

static void tel_log(uint32_t level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Through rte_log once EAL has started us; before that, errors go to stderr. */
static void
tel_log(uint32_t level, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (log_fn != NULL)
		log_fn(level, log_type, "TELEMETRY: %s\n", msg);
	else if (level <= RTE_LOG_ERR)
		fprintf(stderr, "TELEMETRY: %s\n", msg);
}

/* ---- command table ---- */

static bool
valid_cmd(const char *cmd)
{
	const char *p;

	if (cmd[0] != '/' || strlen(cmd) >= MAX_CMD_LEN)
		return false;
	for (p = cmd; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				(*p >= '0' && *p <= '9') || *p == '_' || *p == '/'))
			return false;
	return true;
}

int
rte_telemetry_register_cmd(const char *cmd, telemetry_cb fn, const char *help)
{
	unsigned int i;
	int ret = 0;

	if (cmd == NULL || fn == NULL || help == NULL) {
		tel_log(RTE_LOG_ERR, "cannot register command %s: NULL %s",
			cmd != NULL ? cmd : "(null)", cmd == NULL ? "command" :
			fn == NULL ? "callback" : "help");
		return -EINVAL;
	}
	if (!valid_cmd(cmd)) {
		tel_log(RTE_LOG_ERR, "cannot register command '%s': it must start with '/', "
			"hold only letters, digits, '_' and '/', and be shorter than %d",
			cmd, MAX_CMD_LEN);
		return -EINVAL;
	}
	if (strlen(help) >= MAX_HELP_LEN) {
		tel_log(RTE_LOG_ERR, "cannot register command %s: help text longer than %d",
			cmd, MAX_HELP_LEN - 1);
		return -EINVAL;
	}

	pthread_mutex_lock(&cmd_lock);
	for (i = 0; i < nb_cmds && strcmp(cmds[i].cmd, cmd) < 0; i++)
		;
	if (i < nb_cmds && strcmp(cmds[i].cmd, cmd) == 0) {
		/* The same callback again (EAL started a second time) only updates the help. */
		if (cmds[i].fn != fn) {
			tel_log(RTE_LOG_ERR, "cannot register command %s: already registered "
				"with another callback", cmd);
			ret = -EEXIST;
		} else {
			strcpy(cmds[i].help, help);
		}
		goto out;
	}
	if (nb_cmds == cmds_cap) {
		unsigned int cap = cmds_cap == 0 ? 32 : cmds_cap * 2;
		struct cmd_entry *n = realloc(cmds, cap * sizeof(*n));

		if (n == NULL) {
			tel_log(RTE_LOG_ERR, "cannot register command %s: out of memory", cmd);
			ret = -ENOMEM;
			goto out;
		}
		cmds = n;
		cmds_cap = cap;
	}
	memmove(&cmds[i + 1], &cmds[i], (nb_cmds - i) * sizeof(*cmds));
	strcpy(cmds[i].cmd, cmd);
	strcpy(cmds[i].help, help);
	cmds[i].fn = fn;
	nb_cmds++;
out:
	pthread_mutex_unlock(&cmd_lock);
	return ret;
}

static telemetry_cb
find_cmd(const char *cmd)
{
	telemetry_cb fn = NULL;
	unsigned int i;

	pthread_mutex_lock(&cmd_lock);
	for (i = 0; i < nb_cmds; i++)
		if (strcmp(cmds[i].cmd, cmd) == 0) {
			fn = cmds[i].fn;
			break;
		}
	pthread_mutex_unlock(&cmd_lock);
	return fn;
}

int
rte_telemetry_legacy_register(const char *cmd, enum rte_telemetry_legacy_data_req data_req,
		telemetry_legacy_cb fn)
{
	struct legacy_entry *n;

	if (cmd == NULL || fn == NULL || strlen(cmd) >= MAX_CMD_LEN) {
		tel_log(RTE_LOG_ERR, "cannot register legacy command %s: %s",
			cmd != NULL ? cmd : "(null)",
			cmd == NULL ? "NULL command" : fn == NULL ? "NULL callback" :
			"command too long");
		return -EINVAL;
	}
	pthread_mutex_lock(&cmd_lock);
	n = realloc(legacy_cmds, (nb_legacy_cmds + 1) * sizeof(*n));
	if (n == NULL) {
		pthread_mutex_unlock(&cmd_lock);
		tel_log(RTE_LOG_ERR, "cannot register legacy command %s: out of memory", cmd);
		return -ENOMEM;
	}
	legacy_cmds = n;
	strcpy(n[nb_legacy_cmds].cmd, cmd);
	n[nb_legacy_cmds].data_req = data_req;
	n[nb_legacy_cmds].fn = fn;
	nb_legacy_cmds++;
	pthread_mutex_unlock(&cmd_lock);
	return 0;
}

/* ---- the built-in commands ---- */

static int
cmd_list(const char *cmd, const char *params, struct rte_tel_data *d)
{
	unsigned int i;

	(void)cmd;
	(void)params;
	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	pthread_mutex_lock(&cmd_lock);
	for (i = 0; i < nb_cmds; i++)
		rte_tel_data_add_array_string(d, cmds[i].cmd);
	pthread_mutex_unlock(&cmd_lock);
	return 0;
}

static int
cmd_info(const char *cmd, const char *params, struct rte_tel_data *d)
{
	(void)cmd;
	(void)params;
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_string(d, "version", version_str);
	rte_tel_data_add_dict_int(d, "pid", getpid());
	rte_tel_data_add_dict_int(d, "max_output_len", MAX_OUTPUT_LEN);
	return 0;
}

/* "/help,<cmd>": {"<cmd>": help}; "/help" alone: the help of /help, as a string. */
static int
cmd_help(const char *cmd, const char *params, struct rte_tel_data *d)
{
	const char *which = params != NULL ? params : cmd;
	unsigned int i;
	int ret = -1;

	pthread_mutex_lock(&cmd_lock);
	for (i = 0; i < nb_cmds; i++) {
		if (strcmp(cmds[i].cmd, which) != 0)
			continue;
		if (params == NULL) {
			rte_tel_data_string(d, cmds[i].help);
		} else {
			rte_tel_data_start_dict(d);
			rte_tel_data_add_dict_string(d, which, cmds[i].help);
		}
		ret = 0;
		break;
	}
	pthread_mutex_unlock(&cmd_lock);
	return ret;
}

/* Registered before any other constructor can look them up. */
static void __attribute__((constructor(101)))
telemetry_builtin_cmds(void)
{
	rte_telemetry_register_cmd("/", cmd_list,
		"Lists every command. No parameters");
	rte_telemetry_register_cmd("/info", cmd_info,
		"Telemetry version, process id and largest reply length. No parameters");
	rte_telemetry_register_cmd("/help", cmd_help,
		"The help text of a command. Parameter: the command");
}

/* ---- serving a client ---- */

static void
send_reply(int fd, const char *buf, size_t len)
{
	/* A peer that has gone only makes this fail; no SIGPIPE. */
	if (send(fd, buf, len, MSG_NOSIGNAL) < 0)
		tel_log(RTE_LOG_DEBUG, "reply not sent: %s", strerror(errno));
}

/* Answer one request of len bytes (NUL-terminated in req); truncated: longer than read. */
static void
handle_request(int fd, char *req, size_t len, bool truncated, char *out)
{
	char cmd[MAX_CMD_LEN];
	struct rte_tel_data *d;
	const char *params = NULL;
	char *comma;
	telemetry_cb fn = NULL;
	size_t n;

	comma = strchr(req, ',');
	if (comma != NULL) {
		*comma = '\0';
		if (comma[1] != '\0')
			params = comma + 1;
	}
	/* The reply names the command as sent, cut like the command table's names. */
	snprintf(cmd, sizeof(cmd), "%s", req);
	if (truncated || strlen(req) != len - (comma != NULL ? strlen(comma + 1) + 1 : 0)) {
		tel_log(RTE_LOG_NOTICE, "request %s refused: %s", cmd,
			truncated ? "longer than 1023 bytes" : "it holds a NUL byte");
	} else if (strlen(req) < MAX_CMD_LEN) {
		fn = find_cmd(req);
		if (fn == NULL)
			tel_log(RTE_LOG_DEBUG, "unknown command '%s'", cmd);
	}

	d = fn != NULL ? rte_tel_data_alloc() : NULL;
	if (d != NULL && fn(req, params, d) < 0) {
		tel_data_release_containers(d);
		rte_tel_data_free(d);
		d = NULL;
	}
	n = tel_reply_to_json(cmd, d, out, MAX_OUTPUT_LEN);
	if (d != NULL) {
		tel_data_release_containers(d);
		rte_tel_data_free(d);
	}
	send_reply(fd, out, n);
}

static void *
client_main(void *arg)
{
	int slot = (int)(uintptr_t)arg;
	char req[MAX_INPUT_LEN];
	char *out;
	ssize_t len;
	int fd, n;

	pthread_mutex_lock(&srv_lock);
	fd = client_fds[slot];
	pthread_mutex_unlock(&srv_lock);

	out = malloc(MAX_OUTPUT_LEN);
	if (out == NULL) {
		tel_log(RTE_LOG_ERR, "client refused: out of memory");
		goto done;
	}
	n = snprintf(out, MAX_OUTPUT_LEN, "{\"version\":\"%s\",\"pid\":%d,\"max_output_len\":%d}",
		version_str, (int)getpid(), MAX_OUTPUT_LEN);
	send_reply(fd, out, n);

	for (;;) {
		/* MSG_TRUNC: the length of the whole message even when it did not fit. */
		len = recv(fd, req, sizeof(req) - 1, MSG_TRUNC);
		if (len <= 0)
			break;
		if ((size_t)len > sizeof(req) - 1) {
			req[sizeof(req) - 1] = '\0';
			handle_request(fd, req, sizeof(req) - 1, true, out);
			continue;
		}
		req[len] = '\0';
		handle_request(fd, req, len, false, out);
	}
	free(out);
done:
	pthread_mutex_lock(&srv_lock);
	close(client_fds[slot]);
	client_fds[slot] = -1;
	nb_clients--;
	pthread_cond_broadcast(&srv_cond);
	pthread_mutex_unlock(&srv_lock);
	return NULL;
}

static void *
listen_main(void *arg)
{
	pthread_attr_t attr;
	pthread_t t;
	int fd, slot, rc;

	(void)arg;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (;;) {
		fd = accept(listen_fd, NULL, NULL);
		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			pthread_mutex_lock(&srv_lock);
			rc = stopping;
			pthread_mutex_unlock(&srv_lock);
			if (!rc)
				tel_log(RTE_LOG_ERR, "accept on %s failed, no more clients: %s",
					sock_path, strerror(errno));
			break;
		}
		pthread_mutex_lock(&srv_lock);
		if (stopping || nb_clients >= MAX_CLIENTS) {
			pthread_mutex_unlock(&srv_lock);
			tel_log(RTE_LOG_NOTICE, "connection refused: %d clients already",
				MAX_CLIENTS);
			close(fd);
			continue;
		}
		for (slot = 0; client_fds[slot] >= 0; slot++)
			;
		client_fds[slot] = fd;
		nb_clients++;
		rc = pthread_create(&t, &attr, client_main, (void *)(uintptr_t)slot);
		if (rc != 0) {
			client_fds[slot] = -1;
			nb_clients--;
			close(fd);
		}
		pthread_mutex_unlock(&srv_lock);
		if (rc != 0)
			tel_log(RTE_LOG_ERR, "cannot start a client thread: %s", strerror(rc));
		else
			pthread_setname_np(t, "telemetry-cli");
	}
	pthread_attr_destroy(&attr);
	return NULL;
}

/* ---- start and stop ---- */

/* Bind path; -EADDRINUSE when a live server has it (a stale socket file is replaced). */
static int
bind_socket(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd, err;

	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	strcpy(sun.sun_path, path);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		err = errno;
		if (err != EADDRINUSE)
			goto fail;
		if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
			err = EADDRINUSE;
			goto fail;
		}
		close(fd);
		fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
		if (fd < 0)
			return -errno;
		unlink(path);
		if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
			err = errno;
			goto fail;
		}
	}
	if (listen(fd, MAX_CLIENTS) < 0) {
		err = errno;
		unlink(path);
		goto fail;
	}
	return fd;
fail:
	close(fd);
	return -err;
}

/* mkdir -p; the deepest directory created is remembered so stop can remove it. */
static int
make_dir(const char *dir)
{
	char tmp[sizeof(created_dir)];
	char *p;

	created_dir[0] = '\0';
	if (strlen(dir) >= sizeof(tmp))
		return -ENAMETOOLONG;
	strcpy(tmp, dir);
	for (p = tmp + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;

		*p = '\0';
		if (mkdir(tmp, 0700) == 0) {
			if (c == '\0')
				strcpy(created_dir, tmp);
		} else if (errno != EEXIST) {
			return -errno;
		}
		if (c == '\0')
			break;
		*p = c;
	}
	return 0;
}

int
rte_telemetry_init(const char *runtime_dir, const char *rte_version, rte_cpuset_t *cpuset,
		rte_log_fn log_function, uint32_t registered_logtype)
{
	char path[sizeof(sock_path) + 16];
	int fd = -EADDRINUSE, ret, i;

	log_fn = log_function;
	log_type = registered_logtype;
	if (runtime_dir == NULL || rte_version == NULL) {
		tel_log(RTE_LOG_ERR, "cannot start: NULL runtime directory or version");
		return -1;
	}
	pthread_mutex_lock(&srv_lock);
	if (running) {
		pthread_mutex_unlock(&srv_lock);
		tel_log(RTE_LOG_ERR, "cannot start: already serving %s", sock_path);
		return -1;
	}
	pthread_mutex_unlock(&srv_lock);
	version_str = rte_version;

	ret = make_dir(runtime_dir);
	if (ret < 0) {
		tel_log(RTE_LOG_ERR, "cannot create runtime directory %s: %s", runtime_dir,
			strerror(-ret));
		return -1;
	}
	for (i = 0; i < MAX_INSTANCES && fd == -EADDRINUSE; i++) {
		if (i == 0)
			snprintf(path, sizeof(path), "%s/dpdk_telemetry.v2", runtime_dir);
		else
			snprintf(path, sizeof(path), "%s/dpdk_telemetry.v2:%d", runtime_dir, i);
		if (strlen(path) >= sizeof(sock_path)) {
			fd = -ENAMETOOLONG;
			break;
		}
		fd = bind_socket(path);
	}
	if (fd < 0) {
		tel_log(RTE_LOG_ERR, "cannot listen on %s: %s", path, strerror(-fd));
		goto fail_dir;
	}

	pthread_mutex_lock(&srv_lock);
	strcpy(sock_path, path);
	listen_fd = fd;
	stopping = false;
	nb_clients = 0;
	for (i = 0; i < MAX_CLIENTS; i++)
		client_fds[i] = -1;
	ret = pthread_create(&listen_thread, NULL, listen_main, NULL);
	if (ret != 0) {
		listen_fd = -1;
		sock_path[0] = '\0';
		pthread_mutex_unlock(&srv_lock);
		tel_log(RTE_LOG_ERR, "cannot start the thread of %s: %s", path, strerror(ret));
		close(fd);
		unlink(path);
		goto fail_dir;
	}
	running = true;
	pthread_mutex_unlock(&srv_lock);
	if (cpuset != NULL && CPU_COUNT(cpuset) > 0)
		pthread_setaffinity_np(listen_thread, sizeof(*cpuset), cpuset);
	pthread_setname_np(listen_thread, "telemetry-v2");
	tel_log(RTE_LOG_DEBUG, "serving %s", path);
	return 0;

fail_dir:
	if (created_dir[0] != '\0')
		rmdir(created_dir);
	created_dir[0] = '\0';
	return -1;
}

void
rte_telemetry_stop(void)
{
	int i;

	pthread_mutex_lock(&srv_lock);
	if (!running) {
		pthread_mutex_unlock(&srv_lock);
		return;
	}
	stopping = true;
	/* Wakes accept() and every recv() with an error or end of file. */
	shutdown(listen_fd, SHUT_RDWR);
	for (i = 0; i < MAX_CLIENTS; i++)
		if (client_fds[i] >= 0)
			shutdown(client_fds[i], SHUT_RDWR);
	pthread_mutex_unlock(&srv_lock);

	pthread_join(listen_thread, NULL);

	pthread_mutex_lock(&srv_lock);
	while (nb_clients > 0)
		pthread_cond_wait(&srv_cond, &srv_lock);
	close(listen_fd);
	listen_fd = -1;
	unlink(sock_path);
	sock_path[0] = '\0';
	running = false;
	pthread_mutex_unlock(&srv_lock);
	if (created_dir[0] != '\0')
		rmdir(created_dir);	/* fails harmlessly when something else is in it */
	created_dir[0] = '\0';
}

const char *
rte_telemetry_socket_path(void)
{
	return sock_path;
}
