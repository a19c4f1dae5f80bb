/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The messages of hotplug across processes (the steps are in eal_common_dev.c).
 *
 * A secondary forwards its attach and detach requests to the primary ("eal_dev_mp_forward");
 * the primary tells every secondary to attach or detach ("eal_dev_mp_sync") and collects
 * their results. Both kinds of request are handled on a thread of their own rather than on
 * the IPC thread: an attach in a secondary asks the primary for its virtual devices, and a
 * forwarded request makes the primary ask every secondary, so the IPC threads must stay free
 * to receive those answers.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <dev_driver.h>

#include "eal_private.h"

#define DEV_MP_FORWARD "eal_dev_mp_forward"
#define DEV_MP_SYNC "eal_dev_mp_sync"
/* A secondary has this long to attach or detach; the primary may ask twice (a rollback). */
#define DEV_MP_SYNC_TIMEOUT_S 5
#define DEV_MP_FORWARD_TIMEOUT_S (3 * DEV_MP_SYNC_TIMEOUT_S)

struct dev_mp_msg {
	uint32_t op;		/* enum eal_dev_mp_op */
	int32_t result;		/* in replies: 0 or a negative errno */
	char arg[RTE_MP_MAX_PARAM_LEN - 8];	/* devargs (attach) or "bus:name" (detach) */
};
_Static_assert(sizeof(struct dev_mp_msg) <= RTE_MP_MAX_PARAM_LEN, "hotplug message too long");

struct dev_mp_job {
	struct rte_mp_msg msg;
	char peer[RTE_MP_MAX_NAME_LEN + 108];
};

static bool dev_mp_registered;
/* Requests being carried out, and whether rte_eal_cleanup has begun (it waits for them). */
static int dev_mp_running;
static int dev_mp_closing;

/* The request message for op and arg; -ENAMETOOLONG when arg does not fit. */
static int
dev_mp_request(struct rte_mp_msg *msg, const char *name, enum eal_dev_mp_op op, const char *arg)
{
	struct dev_mp_msg *m = (struct dev_mp_msg *)msg->param;

	memset(msg, 0, sizeof(*msg));
	rte_strscpy(msg->name, name, sizeof(msg->name));
	msg->len_param = sizeof(*m);
	m->op = op;
	if (rte_strscpy(m->arg, arg, sizeof(m->arg)) < 0) {
		EAL_LOG(ERR, "hotplug: '%s' is too long to send to other processes (%zu bytes "
			"at most)\n", arg, sizeof(m->arg) - 1);
		return -ENAMETOOLONG;
	}
	return 0;
}

static void
dev_mp_reply(const struct dev_mp_job *job, int result)
{
	struct rte_mp_msg rep = job->msg;

	/* Whole even when the request was short, so that the asker can read the result. */
	if (rep.len_param < (int)sizeof(struct dev_mp_msg))
		memset(rep.param + rep.len_param, 0, sizeof(struct dev_mp_msg) - rep.len_param);
	rep.len_param = sizeof(struct dev_mp_msg);
	((struct dev_mp_msg *)rep.param)->result = result;
	rep.num_fds = 0;
	if (rte_mp_reply(&rep, job->peer) < 0)
		EAL_LOG(ERR, "hotplug: cannot answer %s: %s\n", job->peer,
			rte_strerror(rte_errno));
}

static void *
dev_mp_run(void *arg)
{
	struct dev_mp_job *job = arg;
	const struct dev_mp_msg *m = (const struct dev_mp_msg *)job->msg.param;
	char text[sizeof(m->arg)];
	int ret;

	rte_strscpy(text, m->arg, sizeof(text));
	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		ret = m->op == EAL_DEV_MP_ATTACH ? eal_dev_probe_everywhere(text) :
			eal_dev_remove_everywhere(text);
	else
		ret = m->op == EAL_DEV_MP_ATTACH ? rte_dev_probe_local(text) :
			rte_dev_remove_local(text);
	dev_mp_reply(job, ret);
	free(job);
	__atomic_fetch_sub(&dev_mp_running, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* IPC action of both kinds of request: checked here, carried out on a thread of its own. */
static int
dev_mp_action(const struct rte_mp_msg *msg, const void *peer)
{
	const struct dev_mp_msg *m = (const struct dev_mp_msg *)msg->param;
	struct dev_mp_job *job;
	pthread_attr_t attr;
	pthread_t tid;
	int ret;

	job = calloc(1, sizeof(*job));
	if (job == NULL)
		return -1;
	job->msg = *msg;
	rte_strscpy(job->peer, peer, sizeof(job->peer));
	if (msg->len_param != (int)sizeof(*m) || memchr(m->arg, '\0', sizeof(m->arg)) == NULL ||
			(m->op != EAL_DEV_MP_ATTACH && m->op != EAL_DEV_MP_DETACH)) {
		EAL_LOG(ERR, "hotplug: malformed request from %s\n", (const char *)peer);
		dev_mp_reply(job, -EINVAL);
		free(job);
		return 0;
	}
	/* Counted before closing is read: cleanup either sees this request or refuses it. */
	__atomic_fetch_add(&dev_mp_running, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&dev_mp_closing, __ATOMIC_SEQ_CST)) {
		dev_mp_reply(job, -ESHUTDOWN);
		free(job);
		__atomic_fetch_sub(&dev_mp_running, 1, __ATOMIC_SEQ_CST);
		return 0;
	}
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	ret = pthread_create(&tid, &attr, dev_mp_run, job);
	pthread_attr_destroy(&attr);
	if (ret != 0) {
		EAL_LOG(ERR, "hotplug: no thread for the request of %s: %s\n",
			(const char *)peer, strerror(ret));
		dev_mp_reply(job, -ret);
		free(job);
		__atomic_fetch_sub(&dev_mp_running, 1, __ATOMIC_SEQ_CST);
	}
	return 0;
}

int
eal_dev_mp_init(void)
{
	const char *name = rte_eal_process_type() == RTE_PROC_PRIMARY ? DEV_MP_FORWARD :
		DEV_MP_SYNC;

	/* Without the IPC channel (--in-memory, --no-shconf) there is no other process. */
	if (rte_mp_action_register(name, dev_mp_action) < 0) {
		if (rte_errno == ENOTSUP)
			return 0;
		EAL_LOG(ERR, "hotplug: cannot register %s: %s\n", name, rte_strerror(rte_errno));
		return -1;
	}
	dev_mp_registered = true;
	return 0;
}

void
eal_dev_mp_cleanup(void)
{
	/* A request lasts at most a forward's time; the channel is still open for its answer. */
	struct timespec tick = { .tv_nsec = 1000 * 1000 };
	unsigned int waited = 0;

	if (!dev_mp_registered)
		return;
	__atomic_store_n(&dev_mp_closing, 1, __ATOMIC_SEQ_CST);
	rte_mp_action_unregister(rte_eal_process_type() == RTE_PROC_PRIMARY ? DEV_MP_FORWARD :
		DEV_MP_SYNC);
	while (__atomic_load_n(&dev_mp_running, __ATOMIC_SEQ_CST) != 0 &&
			waited++ < (DEV_MP_FORWARD_TIMEOUT_S + 1) * 1000)
		nanosleep(&tick, NULL);
	if (__atomic_load_n(&dev_mp_running, __ATOMIC_SEQ_CST) != 0)
		EAL_LOG(WARNING, "hotplug: %d request(s) of other processes still running at "
			"cleanup\n", __atomic_load_n(&dev_mp_running, __ATOMIC_SEQ_CST));
	dev_mp_registered = false;
	__atomic_store_n(&dev_mp_closing, 0, __ATOMIC_SEQ_CST);
}

int
eal_dev_mp_forward(enum eal_dev_mp_op op, const char *arg)
{
	struct timespec ts = { .tv_sec = DEV_MP_FORWARD_TIMEOUT_S };
	struct rte_mp_reply reply;
	struct rte_mp_msg req;
	const struct dev_mp_msg *m;
	int ret;

	ret = dev_mp_request(&req, DEV_MP_FORWARD, op, arg);
	if (ret < 0)
		return ret;
	if (rte_mp_request_sync(&req, &reply, &ts) < 0 || reply.nb_received != 1) {
		ret = rte_errno != 0 ? -rte_errno : -EIO;
		EAL_LOG(ERR, "hotplug: the primary process did not answer the %s of %s\n",
			op == EAL_DEV_MP_ATTACH ? "attach" : "detach", arg);
		free(reply.msgs);
		return ret;
	}
	m = (const struct dev_mp_msg *)reply.msgs[0].param;
	ret = reply.msgs[0].len_param == (int)sizeof(*m) ? m->result : -EPROTO;
	free(reply.msgs);
	return ret;
}

int
eal_dev_mp_sync(enum eal_dev_mp_op op, const char *arg, int ignore)
{
	struct timespec ts = { .tv_sec = DEV_MP_SYNC_TIMEOUT_S };
	struct rte_mp_reply reply;
	struct rte_mp_msg req;
	int i, ret;

	ret = dev_mp_request(&req, DEV_MP_SYNC, op, arg);
	if (ret < 0)
		return ret;
	if (rte_mp_request_sync(&req, &reply, &ts) < 0) {
		ret = rte_errno != 0 ? -rte_errno : -EIO;
		EAL_LOG(ERR, "hotplug: a secondary process did not answer the %s of %s\n",
			op == EAL_DEV_MP_ATTACH ? "attach" : "detach", arg);
		free(reply.msgs);
		return ret;
	}
	ret = 0;
	for (i = 0; i < reply.nb_received && ret == 0; i++) {
		const struct dev_mp_msg *m = (const struct dev_mp_msg *)reply.msgs[i].param;

		if (reply.msgs[i].len_param != (int)sizeof(*m))
			ret = -EPROTO;
		else if (m->result != 0 && m->result != ignore)
			ret = m->result;
	}
	free(reply.msgs);
	if (ret != 0)
		EAL_LOG(ERR, "hotplug: a secondary process failed the %s of %s: %s\n",
			op == EAL_DEV_MP_ATTACH ? "attach" : "detach", arg, strerror(-ret));
	return ret;
}
