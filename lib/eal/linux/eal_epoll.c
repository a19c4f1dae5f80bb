/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_epoll_*: epoll whose data pointer is the caller's struct rte_epoll_event. The object's
 * status is the hand-over between the waiter and rte_epoll_ctl: the waiter switches a VALID
 * object to EXEC while it runs the callback and copies the object; a removal switches VALID to
 * INVALID, waiting while it is EXEC, so once EPOLL_CTL_DEL returns no waiter touches it.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/epoll.h>

#include <rte_common.h>
#include <rte_epoll.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_pause.h>

#include "eal_private.h"

#define EPOLL_BATCH 64

static pthread_key_t tls_epfd_key;
static pthread_once_t tls_epfd_once = PTHREAD_ONCE_INIT;
static __thread int tls_epfd = -1;

/* A thread's epoll fd is closed when the thread ends. */
static void
tls_epfd_close(void *p)
{
	int fd = (int)(intptr_t)p - 1;

	if (fd >= 0)
		close(fd);
}

static void
tls_epfd_key_init(void)
{
	pthread_key_create(&tls_epfd_key, tls_epfd_close);
}

int
rte_intr_tls_epfd(void)
{
	if (tls_epfd < 0) {
		int fd = epoll_create1(EPOLL_CLOEXEC);

		if (fd < 0) {
			EAL_LOG(ERR, "cannot create the thread's epoll instance: %s\n",
				strerror(errno));
			return -1;
		}
		pthread_once(&tls_epfd_once, tls_epfd_key_init);
		pthread_setspecific(tls_epfd_key, (void *)(intptr_t)(fd + 1));
		tls_epfd = fd;
	}
	return tls_epfd;
}

static int
epoll_process(const struct epoll_event *evs, int n, struct rte_epoll_event *events)
{
	int i, count = 0;

	for (i = 0; i < n; i++) {
		struct rte_epoll_event *rev = evs[i].data.ptr;
		uint32_t expected = RTE_EPOLL_VALID;

		if (rev == NULL || !__atomic_compare_exchange_n(&rev->status, &expected,
				RTE_EPOLL_EXEC, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			continue; /* being removed */
		if (rev->epdata.cb_fun != NULL)
			rev->epdata.cb_fun(rev->fd, rev->epdata.cb_arg);
		events[count].status = RTE_EPOLL_VALID;
		events[count].fd = rev->fd;
		events[count].epfd = rev->epfd;
		events[count].epdata = rev->epdata;
		events[count].epdata.event = evs[i].events;
		count++;
		__atomic_store_n(&rev->status, RTE_EPOLL_VALID, __ATOMIC_RELEASE);
	}
	return count;
}

static int
epoll_wait_common(int epfd, struct rte_epoll_event *events, int maxevents, int timeout,
		bool interruptible)
{
	struct epoll_event evs[EPOLL_BATCH];
	int n;

	if (events == NULL || maxevents <= 0) {
		EAL_LOG(ERR, "rte_epoll_wait: %s\n", events == NULL ? "NULL events" :
			"maxevents must be at least 1");
		return -1;
	}
	if (epfd == RTE_EPOLL_PER_THREAD)
		epfd = rte_intr_tls_epfd();
	if (maxevents > EPOLL_BATCH)
		maxevents = EPOLL_BATCH;
	for (;;) {
		n = epoll_wait(epfd, evs, maxevents, timeout);
		if (n > 0) {
			n = epoll_process(evs, n, events);
			/* All ready ones were being removed: as if nothing was ready yet. */
			if (n == 0 && timeout != 0)
				continue;
			return n;
		}
		if (n == 0)
			return 0;
		if (errno == EINTR) {
			if (interruptible)
				return -1;
			continue;
		}
		EAL_LOG(ERR, "rte_epoll_wait on fd %d: %s\n", epfd, strerror(errno));
		return -1;
	}
}

int
rte_epoll_wait(int epfd, struct rte_epoll_event *events, int maxevents, int timeout)
{
	return epoll_wait_common(epfd, events, maxevents, timeout, false);
}

int
rte_epoll_wait_interruptible(int epfd, struct rte_epoll_event *events, int maxevents,
		int timeout)
{
	return epoll_wait_common(epfd, events, maxevents, timeout, true);
}

/* Take the object back from any waiter, then forget it. */
static void
epoll_event_release(struct rte_epoll_event *ev)
{
	uint32_t expected;

	for (;;) {
		expected = RTE_EPOLL_VALID;
		if (__atomic_compare_exchange_n(&ev->status, &expected, RTE_EPOLL_INVALID, 0,
				__ATOMIC_ACQUIRE, __ATOMIC_RELAXED) || expected == RTE_EPOLL_INVALID)
			break;
		rte_pause(); /* a waiter is running its callback */
	}
	memset(&ev->epdata, 0, sizeof(ev->epdata));
	ev->fd = -1;
	ev->epfd = -1;
}

int
rte_epoll_ctl(int epfd, int op, int fd, struct rte_epoll_event *event)
{
	struct epoll_event ev;
	int old_fd, old_epfd;

	if (event == NULL) {
		EAL_LOG(ERR, "rte_epoll_ctl: NULL event for fd %d\n", fd);
		return -1;
	}
	if (epfd == RTE_EPOLL_PER_THREAD)
		epfd = rte_intr_tls_epfd();
	old_fd = event->fd;
	old_epfd = event->epfd;
	if (op == EPOLL_CTL_ADD) {
		event->fd = fd;
		event->epfd = epfd;
		__atomic_store_n(&event->status, RTE_EPOLL_VALID, __ATOMIC_RELEASE);
	}
	memset(&ev, 0, sizeof(ev));
	ev.data.ptr = event;
	ev.events = event->epdata.event;
	if (epoll_ctl(epfd, op, fd, &ev) < 0) {
		EAL_LOG(ERR, "rte_epoll_ctl: op %d on fd %d (epoll fd %d): %s\n", op, fd, epfd,
			strerror(errno));
		if (op == EPOLL_CTL_ADD) {
			__atomic_store_n(&event->status, RTE_EPOLL_INVALID, __ATOMIC_RELEASE);
			event->fd = old_fd;
			event->epfd = old_epfd;
		}
		return -1;
	}
	if (op == EPOLL_CTL_DEL)
		epoll_event_release(event);
	return 0;
}
