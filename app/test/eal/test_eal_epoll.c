/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_epoll_*: an fd added with its object is reported with the object's data and the events
 * seen, after its callback ran; the per-thread epoll instance; removal forgets the object;
 * timeouts; a signal ends only the interruptible wait; every bad argument gives -1 and leaves
 * the object as it was; a thread's own epoll fd is closed when the thread ends.
 */
#include "test_common.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#include <rte_common.h>
#include <rte_epoll.h>
#include <rte_interrupts.h>

struct cb_seen {
	int calls;
	int fd;
};

static void
ev_cb(int fd, void *arg)
{
	struct cb_seen *s = arg;

	s->calls++;
	s->fd = fd;
}

static void
kick(int efd)
{
	uint64_t one = 1;

	assert_int_equal(write(efd, &one, sizeof(one)), sizeof(one));
}

static void
drain(int efd)
{
	uint64_t v;

	assert_int_equal(read(efd, &v, sizeof(v)), sizeof(v));
}

static void
test_add_wait_del(void **state)
{
	struct rte_epoll_event ev, out[4];
	struct cb_seen seen = { 0 };
	int epfd = epoll_create1(EPOLL_CLOEXEC), efd = eventfd(0, EFD_NONBLOCK), x;

	(void)state;
	memset(&ev, 0, sizeof(ev));
	ev.epdata.event = EPOLLIN;
	ev.epdata.data = &x;
	ev.epdata.cb_fun = ev_cb;
	ev.epdata.cb_arg = &seen;
	assert_int_equal(rte_epoll_ctl(epfd, EPOLL_CTL_ADD, efd, &ev), 0);
	assert_int_equal(ev.status, RTE_EPOLL_VALID);
	assert_int_equal(ev.fd, efd);
	assert_int_equal(ev.epfd, epfd);

	assert_int_equal(rte_epoll_wait(epfd, out, 4, 0), 0);
	kick(efd);
	assert_int_equal(rte_epoll_wait(epfd, out, 4, 1000), 1);
	assert_int_equal(out[0].fd, efd);
	assert_int_equal(out[0].epfd, epfd);
	assert_int_equal(out[0].status, RTE_EPOLL_VALID);
	assert_ptr_equal(out[0].epdata.data, &x);
	assert_true(out[0].epdata.event & EPOLLIN);
	assert_int_equal(seen.calls, 1);
	assert_int_equal(seen.fd, efd);
	assert_int_equal(ev.status, RTE_EPOLL_VALID);
	drain(efd);
	assert_int_equal(rte_epoll_wait(epfd, out, 4, 10), 0);

	/* Removed: forgotten, and no longer reported. */
	assert_int_equal(rte_epoll_ctl(epfd, EPOLL_CTL_DEL, efd, &ev), 0);
	assert_int_equal(ev.status, RTE_EPOLL_INVALID);
	assert_int_equal(ev.fd, -1);
	assert_int_equal(ev.epfd, -1);
	assert_null(ev.epdata.data);
	kick(efd);
	assert_int_equal(rte_epoll_wait(epfd, out, 4, 10), 0);
	close(efd);
	close(epfd);
}

static void
test_per_thread(void **state)
{
	struct rte_epoll_event ev, out[1];
	int efd = eventfd(0, EFD_NONBLOCK), tls = rte_intr_tls_epfd();

	(void)state;
	assert_true(tls >= 0);
	assert_int_equal(rte_intr_tls_epfd(), tls);
	memset(&ev, 0, sizeof(ev));
	ev.epdata.event = EPOLLIN;
	assert_int_equal(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_ADD, efd, &ev), 0);
	assert_int_equal(ev.epfd, tls);
	kick(efd);
	assert_int_equal(rte_epoll_wait(RTE_EPOLL_PER_THREAD, out, 1, 1000), 1);
	assert_int_equal(out[0].fd, efd);
	assert_int_equal(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_DEL, efd, &ev), 0);
	close(efd);
}

static void *
thread_uses_tls(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)rte_intr_tls_epfd();
}

static void
test_per_thread_fd_closed(void **state)
{
	pthread_t t;
	void *fd;
	int before;

	(void)state;
	before = test_count_fds();
	assert_int_equal(pthread_create(&t, NULL, thread_uses_tls, NULL), 0);
	assert_int_equal(pthread_join(t, &fd), 0);
	assert_true((intptr_t)fd >= 0);
	assert_int_equal(test_count_fds(), before);
}

static void
test_bad_arguments(void **state)
{
	struct rte_epoll_event ev, out[1];
	int epfd = epoll_create1(EPOLL_CLOEXEC), efd = eventfd(0, EFD_NONBLOCK);

	(void)state;
	memset(&ev, 0, sizeof(ev));
	ev.fd = 123;
	ev.epfd = 456;
	ev.epdata.event = EPOLLIN;
	assert_int_equal(rte_epoll_ctl(epfd, EPOLL_CTL_ADD, efd, NULL), -1);
	/* A bad fd: refused, the object as it was. */
	assert_int_equal(rte_epoll_ctl(epfd, EPOLL_CTL_ADD, -5, &ev), -1);
	assert_int_equal(ev.status, RTE_EPOLL_INVALID);
	assert_int_equal(ev.fd, 123);
	assert_int_equal(ev.epfd, 456);
	/* Removing an fd that is not there. */
	assert_int_equal(rte_epoll_ctl(epfd, EPOLL_CTL_DEL, efd, &ev), -1);
	assert_int_equal(ev.fd, 123);
	assert_int_equal(rte_epoll_wait(epfd, NULL, 1, 0), -1);
	assert_int_equal(rte_epoll_wait(epfd, out, 0, 0), -1);
	assert_int_equal(rte_epoll_wait_interruptible(epfd, out, -1, 0), -1);
	/* Not an epoll fd. */
	assert_int_equal(rte_epoll_wait(efd, out, 1, 0), -1);
	close(efd);
	close(epfd);
}

static void
on_signal(int sig)
{
	(void)sig;
}

struct waiter {
	int epfd;
	int interruptible;
	int ret;
	int done;
};

static void *
waiter_main(void *p)
{
	struct waiter *w = p;
	struct rte_epoll_event out[1];

	w->ret = w->interruptible ? rte_epoll_wait_interruptible(w->epfd, out, 1, 3000) :
		rte_epoll_wait(w->epfd, out, 1, 300);
	__atomic_store_n(&w->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

static void
test_interruptible(void **state)
{
	struct sigaction sa, old;
	struct waiter w = { 0 };
	pthread_t t;

	(void)state;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal; /* no SA_RESTART: epoll_wait fails with EINTR */
	assert_int_equal(sigaction(SIGUSR1, &sa, &old), 0);
	w.epfd = epoll_create1(EPOLL_CLOEXEC);

	w.interruptible = 1;
	assert_int_equal(pthread_create(&t, NULL, waiter_main, &w), 0);
	usleep(50000);
	pthread_kill(t, SIGUSR1);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(w.ret, -1);

	/* The plain wait goes on after the signal and ends at its timeout. */
	w.interruptible = 0;
	w.done = 0;
	assert_int_equal(pthread_create(&t, NULL, waiter_main, &w), 0);
	usleep(50000);
	pthread_kill(t, SIGUSR1);
	usleep(50000);
	assert_int_equal(__atomic_load_n(&w.done, __ATOMIC_ACQUIRE), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(w.ret, 0);
	close(w.epfd);
	sigaction(SIGUSR1, &old, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_wait_del),
		cmocka_unit_test(test_per_thread),
		cmocka_unit_test(test_per_thread_fd_closed),
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_interruptible),
	};

	return cmocka_run_group_tests_name("eal_epoll", tests, NULL, NULL);
}
