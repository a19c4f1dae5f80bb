/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The multi-process IPC channel (rte_mp_*): every process of a --file-prefix owns one Unix
 * datagram socket in the runtime directory, "mp_socket" for the primary and
 * "mp_socket_<pid>_<n>" for each secondary. A primary talks to every secondary whose socket it
 * finds there; a secondary only to the primary. File descriptors travel as SCM_RIGHTS.
 *
 * One thread ("rte_mp_handle") receives: messages and requests go to the action registered
 * under their name, replies go to the request waiting for them. It also ends asynchronous
 * requests whose time is up, so no alarm or extra thread is needed for them.
 *
 * Each request carries an id that rte_mp_reply copies back when called from the action that
 * received it; a reply sent later (the action kept the peer name) has no id and is matched by
 * sender and name as DPDK does. The id keeps a late reply to a request that timed out from
 * being taken as the answer to the next request of the same name.
 */
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <dirent.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/queue.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_private.h"

#define MP_PRIMARY_NAME "mp_socket"
#define MP_SECONDARY_GLOB "mp_socket_*"
/* How long a secondary waits for the primary to accept it. */
#define MP_ATTACH_TIMEOUT_S 5

enum mp_type {
	MP_MSG = 1,     /* one-way message */
	MP_REQ,         /* request, answered by MP_REP or MP_IGN */
	MP_REP,
	MP_IGN,         /* "not ready for this request yet": do not count me */
	MP_ATTACH,      /* a secondary asks the primary whether it may attach */
};

/* What goes over the socket: always this size, whatever len_param says. */
struct mp_wire {
	uint32_t type;
	uint32_t reserved;
	uint64_t id;
	struct rte_mp_msg msg;
};

struct mp_action {
	TAILQ_ENTRY(mp_action) next;
	char name[RTE_MP_MAX_NAME_LEN];
	rte_mp_t action;
};

struct mp_async;

/* One request sent to one peer, waiting for its reply. */
struct mp_pending {
	TAILQ_ENTRY(mp_pending) next;
	char dst[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char name[RTE_MP_MAX_NAME_LEN];
	uint64_t id;
	int state;                      /* 0 waiting, 1 replied, -1 told to ignore the peer */
	struct rte_mp_msg reply;        /* synchronous requests keep the reply here */
	struct mp_async *async;         /* NULL for a synchronous request */
};

/* An asynchronous request: its replies gather here until all came or its time is up. */
struct mp_async {
	TAILQ_ENTRY(mp_async) next;
	struct rte_mp_msg request;
	struct mp_pending *entries;     /* one per peer the request was sent to */
	int nb_entries;
	int nb_waiting;
	struct timespec deadline;       /* CLOCK_MONOTONIC */
	rte_mp_async_reply_t clb;
};

enum mp_status { MP_STATUS_UNKNOWN, MP_STATUS_DISABLED, MP_STATUS_ENABLED };

static TAILQ_HEAD(, mp_action) mp_actions = TAILQ_HEAD_INITIALIZER(mp_actions);
static pthread_mutex_t mp_actions_lock = PTHREAD_MUTEX_INITIALIZER;

static TAILQ_HEAD(, mp_pending) mp_pendings = TAILQ_HEAD_INITIALIZER(mp_pendings);
static TAILQ_HEAD(, mp_async) mp_asyncs = TAILQ_HEAD_INITIALIZER(mp_asyncs);
static pthread_mutex_t mp_pending_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t mp_pending_cond;
static uint64_t mp_next_id;

static int mp_fd = -1;
static int mp_wake_fd = -1;
static pthread_t mp_thread;
static bool mp_secondary;
static bool mp_standalone;      /* secondary peer started without rte_eal_init */
static char mp_dir[PATH_MAX];
static char mp_self[sizeof(((struct sockaddr_un *)0)->sun_path)];
static char mp_primary[sizeof(((struct sockaddr_un *)0)->sun_path)];
static int mp_status = MP_STATUS_UNKNOWN;
/* Set in a primary once a secondary has been accepted; lets hotplug skip IPC until then. */
static bool mp_had_secondary;
static unsigned int mp_socket_counter;

/* The request being handled by an action on the handler thread, for rte_mp_reply's id. */
static __thread const char *mp_cur_peer;
static __thread uint64_t mp_cur_id;
static __thread bool mp_is_handler;

static bool
mp_ipc_off(void)
{
	return eal_get_internal_configuration()->no_shconf != 0;
}

static int
mp_check_name(const char *name)
{
	size_t len;

	if (name == NULL) {
		EAL_LOG(ERR, "IPC: action name is NULL\n");
		rte_errno = EINVAL;
		return -1;
	}
	len = strnlen(name, RTE_MP_MAX_NAME_LEN);
	if (len == 0) {
		EAL_LOG(ERR, "IPC: action name is empty\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (len == RTE_MP_MAX_NAME_LEN) {
		EAL_LOG(ERR, "IPC: action name '%.*s...' is longer than %d characters\n",
			16, name, RTE_MP_MAX_NAME_LEN - 1);
		rte_errno = E2BIG;
		return -1;
	}
	return 0;
}

static int
mp_check_msg(const struct rte_mp_msg *msg)
{
	if (msg == NULL) {
		EAL_LOG(ERR, "IPC: message is NULL\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (mp_check_name(msg->name) < 0)
		return -1;
	if (msg->len_param < 0 || msg->num_fds < 0) {
		EAL_LOG(ERR, "IPC: message %s has a negative len_param or num_fds\n", msg->name);
		rte_errno = EINVAL;
		return -1;
	}
	if (msg->len_param > RTE_MP_MAX_PARAM_LEN) {
		EAL_LOG(ERR, "IPC: message %s: len_param %d above %d\n", msg->name,
			msg->len_param, RTE_MP_MAX_PARAM_LEN);
		rte_errno = E2BIG;
		return -1;
	}
	if (msg->num_fds > RTE_MP_MAX_FD_NUM) {
		EAL_LOG(ERR, "IPC: message %s: num_fds %d above %d\n", msg->name,
			msg->num_fds, RTE_MP_MAX_FD_NUM);
		rte_errno = E2BIG;
		return -1;
	}
	return 0;
}

static int
mp_check_timeout(const struct timespec *ts)
{
	if (ts == NULL || ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L) {
		EAL_LOG(ERR, "IPC: request timeout is NULL or not a valid timespec\n");
		rte_errno = EINVAL;
		return -1;
	}
	return 0;
}

static struct mp_action *
mp_find_action(const char *name)
{
	struct mp_action *a;

	TAILQ_FOREACH(a, &mp_actions, next)
		if (strncmp(a->name, name, sizeof(a->name)) == 0)
			return a;
	return NULL;
}

int
rte_mp_action_register(const char *name, rte_mp_t action)
{
	struct mp_action *a;

	if (mp_check_name(name) < 0)
		return -1;
	if (action == NULL) {
		EAL_LOG(ERR, "IPC: action %s: callback is NULL\n", name);
		rte_errno = EINVAL;
		return -1;
	}
	if (mp_ipc_off()) {
		EAL_LOG(DEBUG, "IPC is off without shared files; action %s not registered\n",
			name);
		rte_errno = ENOTSUP;
		return -1;
	}
	a = malloc(sizeof(*a));
	if (a == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	rte_strscpy(a->name, name, sizeof(a->name));
	a->action = action;
	pthread_mutex_lock(&mp_actions_lock);
	if (mp_find_action(name) != NULL) {
		pthread_mutex_unlock(&mp_actions_lock);
		free(a);
		EAL_LOG(ERR, "IPC: action %s is already registered\n", name);
		rte_errno = EEXIST;
		return -1;
	}
	TAILQ_INSERT_TAIL(&mp_actions, a, next);
	pthread_mutex_unlock(&mp_actions_lock);
	return 0;
}

void
rte_mp_action_unregister(const char *name)
{
	struct mp_action *a;

	if (mp_check_name(name) < 0)
		return;
	pthread_mutex_lock(&mp_actions_lock);
	a = mp_find_action(name);
	if (a != NULL)
		TAILQ_REMOVE(&mp_actions, a, next);
	pthread_mutex_unlock(&mp_actions_lock);
	free(a);
}

static void
mp_close_fds(const struct rte_mp_msg *msg)
{
	int i;

	for (i = 0; i < msg->num_fds && i < RTE_MP_MAX_FD_NUM; i++)
		if (msg->fds[i] >= 0)
			close(msg->fds[i]);
}

/* 1 sent, 0 the peer is gone (primary only: its stale socket is removed), -1 error. */
static int
mp_send(const char *dst, const struct rte_mp_msg *msg, enum mp_type type, uint64_t id)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * RTE_MP_MAX_FD_NUM)];
		struct cmsghdr align;
	} ctl;
	struct sockaddr_un addr;
	struct mp_wire wire;
	struct iovec iov = { .iov_base = &wire, .iov_len = sizeof(wire) };
	struct msghdr mh;
	struct cmsghdr *c;
	ssize_t n;

	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	rte_strscpy(addr.sun_path, dst, sizeof(addr.sun_path));
	memset(&wire, 0, sizeof(wire));
	wire.type = type;
	wire.id = id;
	wire.msg = *msg;
	memset(&mh, 0, sizeof(mh));
	mh.msg_name = &addr;
	mh.msg_namelen = sizeof(addr);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	if (msg->num_fds > 0) {
		memset(&ctl, 0, sizeof(ctl));
		mh.msg_control = ctl.buf;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * msg->num_fds);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * msg->num_fds);
		memcpy(CMSG_DATA(c), msg->fds, sizeof(int) * msg->num_fds);
	}
	do {
		n = sendmsg(mp_fd, &mh, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	if (n >= 0)
		return 1;
	/* A secondary that exited without closing leaves a socket nobody reads. */
	if (!mp_secondary && (errno == ECONNREFUSED || errno == ENOENT)) {
		if (errno == ECONNREFUSED)
			unlink(dst);
		return 0;
	}
	rte_errno = errno;
	EAL_LOG(ERR, "IPC: cannot send %s to %s: %s\n", msg->name, dst, strerror(errno));
	return -1;
}

/* The peers to address: the primary, or every secondary socket found. Caller frees *paths. */
static int
mp_peers(char (**paths)[sizeof(mp_self)], int *count)
{
	char (*list)[sizeof(mp_self)] = NULL, (*grown)[sizeof(mp_self)];
	struct dirent *ent;
	int n = 0, cap = 0;
	DIR *dir;

	*count = 0;
	*paths = NULL;
	if (mp_secondary) {
		list = malloc(sizeof(*list));
		if (list == NULL) {
			rte_errno = ENOMEM;
			return -1;
		}
		rte_strscpy(list[0], mp_primary, sizeof(list[0]));
		*paths = list;
		*count = 1;
		return 0;
	}
	dir = opendir(mp_dir);
	if (dir == NULL) {
		rte_errno = errno;
		EAL_LOG(ERR, "IPC: cannot open runtime directory %s: %s\n", mp_dir,
			strerror(errno));
		return -1;
	}
	while ((ent = readdir(dir)) != NULL) {
		if (fnmatch(MP_SECONDARY_GLOB, ent->d_name, 0) != 0)
			continue;
		if (n == cap) {
			cap = cap == 0 ? 4 : cap * 2;
			grown = realloc(list, sizeof(*list) * cap);
			if (grown == NULL) {
				free(list);
				closedir(dir);
				rte_errno = ENOMEM;
				return -1;
			}
			list = grown;
		}
		if ((size_t)snprintf(list[n], sizeof(list[n]), "%s/%s", mp_dir, ent->d_name) <
				sizeof(list[n]))
			n++;
	}
	closedir(dir);
	*paths = list;
	*count = n;
	return 0;
}

static bool
mp_started(void)
{
	if (mp_fd >= 0)
		return true;
	EAL_LOG(ERR, "IPC: the channel is not started (EAL not initialised)\n");
	rte_errno = ENOTSUP;
	return false;
}

int
rte_mp_sendmsg(struct rte_mp_msg *msg)
{
	char (*peers)[sizeof(mp_self)];
	int i, n, ret = 0;

	if (mp_check_msg(msg) < 0)
		return -1;
	if (mp_ipc_off()) {
		EAL_LOG(DEBUG, "IPC is off without shared files; %s not sent\n", msg->name);
		return 0;
	}
	if (!mp_started())
		return -1;
	if (mp_peers(&peers, &n) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (mp_send(peers[i], msg, MP_MSG, 0) < 0)
			ret = -1;
	free(peers);
	return ret;
}

int
rte_mp_reply(struct rte_mp_msg *msg, const char *peer)
{
	uint64_t id = 0;

	if (mp_check_msg(msg) < 0)
		return -1;
	if (peer == NULL) {
		EAL_LOG(ERR, "IPC: reply %s has no peer\n", msg->name);
		rte_errno = EINVAL;
		return -1;
	}
	if (mp_ipc_off())
		return 0;
	if (!mp_started())
		return -1;
	if (mp_cur_peer != NULL && strcmp(mp_cur_peer, peer) == 0)
		id = mp_cur_id;
	return mp_send(peer, msg, MP_REP, id) < 0 ? -1 : 0;
}

/*
 * All sockets of a prefix are in one directory, so their file names tell them apart; the
 * directory part may be spelled differently by each process (/var/run or /run, a "/" more).
 */
static const char *
mp_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

static struct mp_pending *
mp_find_pending(const char *dst, const char *name, uint64_t id)
{
	const char *base = mp_basename(dst);
	struct mp_pending *p;

	TAILQ_FOREACH(p, &mp_pendings, next) {
		if (strcmp(mp_basename(p->dst), base) != 0)
			continue;
		if (id != 0 ? p->id == id : strncmp(p->name, name, sizeof(p->name)) == 0)
			return p;
	}
	return NULL;
}

static void
mp_wake(void)
{
	uint64_t one = 1;

	if (mp_wake_fd >= 0 && write(mp_wake_fd, &one, sizeof(one)) < 0)
		EAL_LOG(DEBUG, "IPC: cannot wake the handler thread\n");
}

static void
mp_deadline(const struct timespec *ts, struct timespec *end)
{
	clock_gettime(CLOCK_MONOTONIC, end);
	end->tv_sec += ts->tv_sec;
	end->tv_nsec += ts->tv_nsec;
	if (end->tv_nsec >= 1000000000L) {
		end->tv_sec++;
		end->tv_nsec -= 1000000000L;
	}
}

/*
 * Register one pending entry per peer and send req to each; peers that are gone are dropped.
 * Called with mp_pending_lock held, so no reply can be handled before its entry exists.
 * Returns the number of entries left in *out (caller frees), or -1.
 */
static int
mp_send_requests(const struct rte_mp_msg *req, enum mp_type type, struct mp_async *async,
		struct mp_pending **out)
{
	char (*peers)[sizeof(mp_self)];
	struct mp_pending *p;
	int i, n, sent = 0, r;

	*out = NULL;
	if (mp_peers(&peers, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (mp_find_pending(peers[i], req->name, 0) != NULL) {
			EAL_LOG(ERR, "IPC: request %s to %s is already pending\n", req->name,
				peers[i]);
			free(peers);
			rte_errno = EEXIST;
			return -1;
		}
	}
	p = calloc(n > 0 ? n : 1, sizeof(*p));
	if (p == NULL) {
		free(peers);
		rte_errno = ENOMEM;
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct mp_pending *e = &p[sent];

		rte_strscpy(e->dst, peers[i], sizeof(e->dst));
		rte_strscpy(e->name, req->name, sizeof(e->name));
		e->id = ++mp_next_id;
		e->async = async;
		TAILQ_INSERT_TAIL(&mp_pendings, e, next);
		r = mp_send(e->dst, req, type, e->id);
		if (r == 1) {
			sent++;
			continue;
		}
		TAILQ_REMOVE(&mp_pendings, e, next);
		memset(e, 0, sizeof(*e));
		if (r < 0) {
			for (r = 0; r < sent; r++)
				TAILQ_REMOVE(&mp_pendings, &p[r], next);
			free(p);
			free(peers);
			return -1;
		}
	}
	free(peers);
	*out = p;
	return sent;
}

static int
mp_request_sync(struct rte_mp_msg *req, enum mp_type type, struct rte_mp_reply *reply,
		const struct timespec *ts)
{
	struct mp_pending *p;
	struct timespec end;
	int i, n, replied = 0, ret = 0;

	mp_deadline(ts, &end);
	pthread_mutex_lock(&mp_pending_lock);
	n = mp_send_requests(req, type, NULL, &p);
	if (n < 0) {
		pthread_mutex_unlock(&mp_pending_lock);
		return -1;
	}
	for (;;) {
		replied = 0;
		for (i = 0; i < n; i++)
			replied += p[i].state != 0;
		if (replied == n)
			break;
		if (pthread_cond_timedwait(&mp_pending_cond, &mp_pending_lock, &end) ==
				ETIMEDOUT)
			break;
	}
	for (i = 0; i < n; i++)
		TAILQ_REMOVE(&mp_pendings, &p[i], next);
	pthread_mutex_unlock(&mp_pending_lock);

	reply->nb_sent = n;
	if (replied < n) {
		for (i = 0; i < n; i++) {
			if (p[i].state == 0)
				EAL_LOG(ERR, "IPC: no reply to %s from %s in time\n", req->name,
					p[i].dst);
			else if (p[i].state == 1)
				mp_close_fds(&p[i].reply);
		}
		rte_errno = ETIMEDOUT;
		ret = -1;
		goto out;
	}
	if (n > 0) {
		reply->msgs = malloc(sizeof(*reply->msgs) * n);
		if (reply->msgs == NULL) {
			for (i = 0; i < n; i++)
				if (p[i].state == 1)
					mp_close_fds(&p[i].reply);
			rte_errno = ENOMEM;
			ret = -1;
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		if (p[i].state == 1)
			reply->msgs[reply->nb_received++] = p[i].reply;
		else
			reply->nb_sent--; /* the peer asked to be ignored */
	}
	if (reply->nb_received == 0) {
		free(reply->msgs);
		reply->msgs = NULL;
	}
out:
	free(p);
	return ret;
}

int
rte_mp_request_sync(struct rte_mp_msg *req, struct rte_mp_reply *reply,
		const struct timespec *ts)
{
	if (reply == NULL) {
		EAL_LOG(ERR, "IPC: request_sync needs a reply struct\n");
		rte_errno = EINVAL;
		return -1;
	}
	reply->nb_sent = 0;
	reply->nb_received = 0;
	reply->msgs = NULL;
	if (mp_check_msg(req) < 0 || mp_check_timeout(ts) < 0)
		return -1;
	if (mp_ipc_off()) {
		EAL_LOG(DEBUG, "IPC is off without shared files; %s not sent\n", req->name);
		return 0;
	}
	if (!mp_started())
		return -1;
	if (mp_is_handler) {
		/* The replies would have to be received by this very thread. */
		EAL_LOG(ERR, "IPC: request_sync %s called from an IPC action\n", req->name);
		rte_errno = EDEADLK;
		return -1;
	}
	return mp_request_sync(req, MP_REQ, reply, ts);
}

int
rte_mp_request_async(struct rte_mp_msg *req, const struct timespec *ts,
		rte_mp_async_reply_t clb)
{
	struct mp_async *a;
	int n;

	if (mp_check_msg(req) < 0 || mp_check_timeout(ts) < 0)
		return -1;
	if (clb == NULL) {
		EAL_LOG(ERR, "IPC: request_async %s has no callback\n", req->name);
		rte_errno = EINVAL;
		return -1;
	}
	if (mp_ipc_off()) {
		EAL_LOG(DEBUG, "IPC is off without shared files; %s not sent\n", req->name);
		return 0;
	}
	if (!mp_started())
		return -1;
	a = calloc(1, sizeof(*a));
	if (a == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	a->request = *req;
	a->clb = clb;
	mp_deadline(ts, &a->deadline);
	pthread_mutex_lock(&mp_pending_lock);
	n = mp_send_requests(req, MP_REQ, a, &a->entries);
	if (n < 0) {
		pthread_mutex_unlock(&mp_pending_lock);
		free(a);
		return -1;
	}
	a->nb_entries = n;
	a->nb_waiting = n;
	/* Even with no peer the callback runs on the handler thread, never from here. */
	TAILQ_INSERT_TAIL(&mp_asyncs, a, next);
	pthread_mutex_unlock(&mp_pending_lock);
	mp_wake();
	return 0;
}

/* Record a reply (or an "ignore me") for the pending entry it answers. Lock held. */
static void
mp_take_reply(struct mp_pending *p, const struct mp_wire *w)
{
	p->state = w->type == MP_IGN ? -1 : 1;
	if (p->state == 1)
		p->reply = w->msg;
	if (p->async != NULL)
		p->async->nb_waiting--;
	else
		pthread_cond_broadcast(&mp_pending_cond);
}

static bool
mp_time_reached(const struct timespec *now, const struct timespec *t)
{
	return now->tv_sec > t->tv_sec || (now->tv_sec == t->tv_sec && now->tv_nsec >= t->tv_nsec);
}

/*
 * Take an async request off the lists and turn its entries into the reply given to its
 * callback; late replies then find no entry and are dropped. Lock held.
 */
static void
mp_async_finish(struct mp_async *a, struct rte_mp_reply *reply)
{
	int i;

	TAILQ_REMOVE(&mp_asyncs, a, next);
	memset(reply, 0, sizeof(*reply));
	reply->nb_sent = a->nb_entries;
	if (a->nb_entries > 0)
		reply->msgs = malloc(sizeof(*reply->msgs) * a->nb_entries);
	for (i = 0; i < a->nb_entries; i++) {
		struct mp_pending *p = &a->entries[i];

		TAILQ_REMOVE(&mp_pendings, p, next);
		if (p->state == 0)
			continue;
		if (p->state < 0)
			reply->nb_sent--;
		else if (reply->msgs != NULL)
			reply->msgs[reply->nb_received++] = p->reply;
		else
			mp_close_fds(&p->reply);
	}
	free(a->entries);
	a->entries = NULL;
}

/*
 * Call back every async request that is complete or out of time (all of them when the
 * channel stops). Returns the milliseconds until the next deadline, or -1 for none.
 */
static int
mp_async_run(bool all)
{
	struct rte_mp_reply reply;
	struct timespec now;
	struct mp_async *a;
	int64_t wait_ms, next = -1;

	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		pthread_mutex_lock(&mp_pending_lock);
		TAILQ_FOREACH(a, &mp_asyncs, next)
			if (all || a->nb_waiting <= 0 || mp_time_reached(&now, &a->deadline))
				break;
		if (a == NULL)
			break;
		mp_async_finish(a, &reply);
		pthread_mutex_unlock(&mp_pending_lock);
		if (reply.nb_received < reply.nb_sent)
			EAL_LOG(DEBUG, "IPC: async request %s: %d of %d replies in time\n",
				a->request.name, reply.nb_received, reply.nb_sent);
		if (all) {
			/* The channel stops: nobody may be called back any more. */
			while (reply.nb_received > 0)
				mp_close_fds(&reply.msgs[--reply.nb_received]);
		} else {
			a->clb(&a->request, &reply);
		}
		free(reply.msgs);
		free(a);
	}
	TAILQ_FOREACH(a, &mp_asyncs, next) {
		wait_ms = (int64_t)(a->deadline.tv_sec - now.tv_sec) * 1000 +
			(a->deadline.tv_nsec - now.tv_nsec + 999999) / 1000000;
		if (wait_ms < 1)
			wait_ms = 1;
		if (next < 0 || wait_ms < next)
			next = wait_ms;
	}
	pthread_mutex_unlock(&mp_pending_lock);
	return next > INT_MAX ? INT_MAX : (int)next;
}

/* Tell the primary whether this secondary may attach (see rte_mp_disable). */
static void
mp_answer_attach(const char *peer, const struct mp_wire *w)
{
	struct rte_mp_msg rep;
	int expected = MP_STATUS_UNKNOWN;

	__atomic_compare_exchange_n(&mp_status, &expected, MP_STATUS_ENABLED, 0,
		__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
	memset(&rep, 0, sizeof(rep));
	rte_strscpy(rep.name, w->msg.name, sizeof(rep.name));
	rep.len_param = 1;
	rep.param[0] = __atomic_load_n(&mp_status, __ATOMIC_ACQUIRE) == MP_STATUS_ENABLED;
	if (rep.param[0])
		__atomic_store_n(&mp_had_secondary, true, __ATOMIC_RELEASE);
	mp_send(peer, &rep, MP_REP, w->id);
}

bool
eal_mp_had_secondary(void)
{
	return __atomic_load_n(&mp_had_secondary, __ATOMIC_ACQUIRE);
}

static bool
mp_ready(void)
{
	return __atomic_load_n(&mp_standalone, __ATOMIC_ACQUIRE) ||
		eal_get_internal_configuration()->init_complete;
}

static void
mp_dispatch(const char *peer, struct mp_wire *w)
{
	struct mp_pending *p;
	struct mp_action *a;
	rte_mp_t action = NULL;
	struct rte_mp_msg ign;

	if (w->type == MP_REP || w->type == MP_IGN) {
		pthread_mutex_lock(&mp_pending_lock);
		p = mp_find_pending(peer, w->msg.name, w->id);
		if (p != NULL && p->state == 0)
			mp_take_reply(p, w);
		else
			p = NULL;
		pthread_mutex_unlock(&mp_pending_lock);
		if (p == NULL) {
			EAL_LOG(DEBUG, "IPC: reply %s from %s answers no waiting request\n",
				w->msg.name, peer);
			mp_close_fds(&w->msg);
		}
		return;
	}
	if (w->type == MP_ATTACH) {
		mp_close_fds(&w->msg);
		if (!mp_secondary)
			mp_answer_attach(peer, w);
		return;
	}
	pthread_mutex_lock(&mp_actions_lock);
	a = mp_find_action(w->msg.name);
	if (a != NULL)
		action = a->action;
	pthread_mutex_unlock(&mp_actions_lock);
	if (action == NULL) {
		mp_close_fds(&w->msg);
		if (w->type == MP_REQ && !mp_ready()) {
			/* Still starting: the requester must not wait for us. */
			memset(&ign, 0, sizeof(ign));
			rte_strscpy(ign.name, w->msg.name, sizeof(ign.name));
			mp_send(peer, &ign, MP_IGN, w->id);
		} else {
			EAL_LOG(ERR, "IPC: no action registered for %s (from %s)\n", w->msg.name,
				peer);
		}
		return;
	}
	mp_cur_peer = peer;
	mp_cur_id = w->type == MP_REQ ? w->id : 0;
	if (action(&w->msg, peer) < 0)
		EAL_LOG(ERR, "IPC: action %s failed on a message from %s\n", w->msg.name, peer);
	mp_cur_peer = NULL;
	mp_cur_id = 0;
}

/* Receive one datagram and hand it on; malformed ones are dropped with their fds. */
static void
mp_receive(void)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * RTE_MP_MAX_FD_NUM)];
		struct cmsghdr align;
	} ctl;
	struct sockaddr_un from;
	struct mp_wire w;
	struct iovec iov = { .iov_base = &w, .iov_len = sizeof(w) };
	struct msghdr mh;
	struct cmsghdr *c;
	int fds[RTE_MP_MAX_FD_NUM];
	int nfds = 0, i;
	ssize_t n;

	memset(&from, 0, sizeof(from));
	memset(&mh, 0, sizeof(mh));
	mh.msg_name = &from;
	mh.msg_namelen = sizeof(from);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl.buf;
	mh.msg_controllen = sizeof(ctl.buf);
	n = recvmsg(mp_fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
	if (n < 0)
		return;
	for (c = CMSG_FIRSTHDR(&mh); c != NULL; c = CMSG_NXTHDR(&mh, c)) {
		size_t len, k;

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		len = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (k = 0; k < len; k++) {
			int fd;

			memcpy(&fd, CMSG_DATA(c) + k * sizeof(int), sizeof(int));
			if (nfds < RTE_MP_MAX_FD_NUM)
				fds[nfds++] = fd;
			else
				close(fd);
		}
	}
	from.sun_path[sizeof(from.sun_path) - 1] = '\0';
	if ((size_t)n != sizeof(w) || (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) ||
			mh.msg_namelen <= offsetof(struct sockaddr_un, sun_path) ||
			from.sun_path[0] == '\0' || w.msg.len_param < 0 ||
			w.msg.len_param > RTE_MP_MAX_PARAM_LEN) {
		EAL_LOG(ERR, "IPC: dropped a malformed message (%zd bytes)\n", n);
		for (i = 0; i < nfds; i++)
			close(fds[i]);
		return;
	}
	w.msg.name[sizeof(w.msg.name) - 1] = '\0';
	w.msg.num_fds = nfds;
	for (i = 0; i < RTE_MP_MAX_FD_NUM; i++)
		w.msg.fds[i] = i < nfds ? fds[i] : -1;
	mp_dispatch(from.sun_path, &w);
}

static void *
mp_handle(void *arg)
{
	struct pollfd pfd[2];
	uint64_t v;
	int timeout;

	RTE_SET_USED(arg);
	mp_is_handler = true;
	pfd[0].fd = mp_fd;
	pfd[0].events = POLLIN;
	pfd[1].fd = mp_wake_fd;
	pfd[1].events = POLLIN;
	for (;;) {
		timeout = mp_async_run(false);
		if (poll(pfd, 2, timeout) < 0 && errno != EINTR)
			break;
		/* eal_mp_channel_cleanup adds 2^32 to stop the thread; plain wakes add 1 */
		if ((pfd[1].revents & POLLIN) && read(mp_wake_fd, &v, sizeof(v)) == sizeof(v) &&
				v >= (UINT64_C(1) << 32))
			break;
		if (pfd[0].revents & POLLIN)
			mp_receive();
	}
	return NULL;
}

static int
mp_open(const char *dir, bool secondary)
{
	struct sockaddr_un addr;
	pthread_condattr_t ca;
	int fd, ret;

	ret = snprintf(mp_primary, sizeof(mp_primary), "%s/%s", dir, MP_PRIMARY_NAME);
	if (ret < 0 || (size_t)ret >= sizeof(mp_primary)) {
		EAL_LOG(ERR, "IPC: socket path in %s is too long\n", dir);
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	if (secondary)
		ret = snprintf(addr.sun_path, sizeof(addr.sun_path), "%s/%s_%d_%u", dir,
			MP_PRIMARY_NAME, (int)getpid(),
			__atomic_fetch_add(&mp_socket_counter, 1, __ATOMIC_RELAXED));
	else
		ret = snprintf(addr.sun_path, sizeof(addr.sun_path), "%s/%s", dir,
			MP_PRIMARY_NAME);
	if (ret < 0 || (size_t)ret >= sizeof(addr.sun_path) ||
			strlen(dir) >= sizeof(mp_dir)) {
		EAL_LOG(ERR, "IPC: socket path in %s is too long\n", dir);
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		rte_errno = errno;
		EAL_LOG(ERR, "IPC: cannot create socket: %s\n", strerror(errno));
		return -1;
	}
	/* The primary holds the prefix lock, so a socket file left there is stale. */
	unlink(addr.sun_path);
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		rte_errno = errno;
		EAL_LOG(ERR, "IPC: cannot bind %s: %s\n", addr.sun_path, strerror(errno));
		close(fd);
		return -1;
	}
	mp_wake_fd = eventfd(0, EFD_CLOEXEC);
	if (mp_wake_fd < 0) {
		rte_errno = errno;
		EAL_LOG(ERR, "IPC: cannot create eventfd: %s\n", strerror(errno));
		goto fail;
	}
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&mp_pending_cond, &ca);
	pthread_condattr_destroy(&ca);
	rte_strscpy(mp_dir, dir, sizeof(mp_dir));
	rte_strscpy(mp_self, addr.sun_path, sizeof(mp_self));
	mp_secondary = secondary;
	mp_fd = fd;
	ret = rte_ctrl_thread_create(&mp_thread, "rte_mp_handle", NULL, mp_handle, NULL);
	if (ret != 0) {
		rte_errno = -ret;
		EAL_LOG(ERR, "IPC: cannot start the handler thread\n");
		pthread_cond_destroy(&mp_pending_cond);
		mp_fd = -1;
		goto fail;
	}
	return 0;
fail:
	if (mp_wake_fd >= 0)
		close(mp_wake_fd);
	mp_wake_fd = -1;
	close(fd);
	unlink(addr.sun_path);
	return -1;
}

void
eal_mp_channel_cleanup(void)
{
	uint64_t stop = UINT64_C(1) << 32;

	if (mp_fd < 0)
		return;
	if (write(mp_wake_fd, &stop, sizeof(stop)) == sizeof(stop))
		pthread_join(mp_thread, NULL);
	else
		EAL_LOG(ERR, "IPC: cannot stop the handler thread\n");
	mp_async_run(true);
	close(mp_fd);
	close(mp_wake_fd);
	mp_fd = -1;
	mp_wake_fd = -1;
	unlink(mp_self);
	mp_self[0] = '\0';
	pthread_cond_destroy(&mp_pending_cond);
	mp_secondary = false;
	__atomic_store_n(&mp_had_secondary, false, __ATOMIC_RELEASE);
	__atomic_store_n(&mp_standalone, false, __ATOMIC_RELEASE);
	__atomic_store_n(&mp_status, MP_STATUS_UNKNOWN, __ATOMIC_RELEASE);
}

/* Open a secondary's channel in dir and introduce it to the primary: 0, or -1 + rte_errno. */
static int
mp_attach(const char *dir)
{
	struct rte_mp_reply reply;
	struct rte_mp_msg req;
	struct timespec ts = { .tv_sec = MP_ATTACH_TIMEOUT_S };
	bool accepted;

	if (mp_open(dir, true) < 0)
		return -1;
	memset(&req, 0, sizeof(req));
	rte_strscpy(req.name, "eal_mp_attach", sizeof(req.name));
	memset(&reply, 0, sizeof(reply));
	if (mp_request_sync(&req, MP_ATTACH, &reply, &ts) < 0 || reply.nb_received != 1) {
		EAL_LOG(ERR, "IPC: no primary answers in %s\n", dir);
		free(reply.msgs);
		eal_mp_channel_cleanup();
		rte_errno = ENOENT;
		return -1;
	}
	accepted = reply.msgs[0].len_param == 1 && reply.msgs[0].param[0] == 1;
	free(reply.msgs);
	if (!accepted) {
		EAL_LOG(ERR, "IPC: the primary in %s has disabled multi-process\n", dir);
		eal_mp_channel_cleanup();
		rte_errno = ENOTSUP;
		return -1;
	}
	return 0;
}

int
eal_mp_channel_init(void)
{
	if (mp_ipc_off())
		return 0;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return mp_attach(rte_eal_get_runtime_dir());
	return mp_open(rte_eal_get_runtime_dir(), false);
}

bool
rte_mp_disable(void)
{
	int expected = MP_STATUS_UNKNOWN;

	if (mp_secondary)
		return false;
	__atomic_compare_exchange_n(&mp_status, &expected, MP_STATUS_DISABLED, 0,
		__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
	return __atomic_load_n(&mp_status, __ATOMIC_ACQUIRE) == MP_STATUS_DISABLED;
}

int
rte_mp_channel_attach_secondary(const char *runtime_dir)
{
	if (runtime_dir == NULL || runtime_dir[0] == '\0') {
		EAL_LOG(ERR, "IPC: attach needs the primary's runtime directory\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (mp_fd >= 0) {
		EAL_LOG(ERR, "IPC: the channel of this process is already open\n");
		rte_errno = EALREADY;
		return -1;
	}
	if (mp_attach(runtime_dir) < 0)
		return -1;
	__atomic_store_n(&mp_standalone, true, __ATOMIC_RELEASE);
	return 0;
}

void
rte_mp_channel_detach(void)
{
	/* The channel of an initialised EAL is closed by rte_eal_cleanup only. */
	if (__atomic_load_n(&mp_standalone, __ATOMIC_ACQUIRE))
		eal_mp_channel_cleanup();
}
