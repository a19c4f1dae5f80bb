/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt thread: callbacks run on it when the fd is readable, unregister counts and refuses
 * while running, the sync variant waits, a callback may remove itself, uio enable/disable write
 * 1/0 as a 32-bit value, and a source whose fd dies stops being watched.
 */
#include "test_common.h"

#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <pthread.h>
#include <time.h>
#include <sys/eventfd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_pause.h>

#define PREFIX "--file-prefix=test_eal_intr"

struct cb_state {
	int efd;
	int calls;
	int on_intr_thread;
	int block;      /* callback waits until cleared */
	int entered;
	int finished;
	int self_remove;
	struct rte_intr_handle *h;
	int self_remove_ret;
};

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Wait up to 2 s for *v to reach want. */
static int
wait_for(int *v, int want)
{
	uint64_t end = now_ms() + 2000;

	while (__atomic_load_n(v, __ATOMIC_ACQUIRE) < want) {
		if (now_ms() > end)
			return -1;
		usleep(100);
	}
	return 0;
}

static void eventfd_cb(void *arg);

static void
eventfd_cb(void *arg)
{
	struct cb_state *s = arg;
	uint64_t v;

	if (read(s->efd, &v, sizeof(v)) != sizeof(v))
		return;
	s->on_intr_thread = rte_thread_is_intr();
	__atomic_store_n(&s->entered, 1, __ATOMIC_RELEASE);
	while (__atomic_load_n(&s->block, __ATOMIC_ACQUIRE))
		rte_pause();
	if (s->self_remove)
		s->self_remove_ret = rte_intr_callback_unregister(s->h, eventfd_cb, s);
	__atomic_fetch_add(&s->calls, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&s->finished, 1, __ATOMIC_RELEASE);
}

static void
other_cb(void *arg)
{
	__atomic_fetch_add((int *)arg, 1, __ATOMIC_RELEASE);
}

static struct rte_intr_handle *
ext_handle(int fd)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);

	assert_non_null(h);
	assert_int_equal(rte_intr_fd_get(h), -1);
	assert_int_equal(rte_intr_type_get(h), RTE_INTR_HANDLE_UNKNOWN);
	assert_int_equal(rte_intr_fd_set(h, fd), 0);
	assert_int_equal(rte_intr_type_set(h, RTE_INTR_HANDLE_EXT), 0);
	return h;
}

static void
kick(int efd)
{
	uint64_t one = 1;

	assert_int_equal(write(efd, &one, sizeof(one)), sizeof(one));
}

static int
setup(void **state)
{
	const char *args[] = { "prog", PREFIX, "--no-huge", "-l", "0", NULL };
	struct test_argv a;

	(void)state;
	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv) == 4 ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return rte_eal_cleanup();
}

static void
test_callback_runs(void **state)
{
	struct cb_state s = { 0 };
	struct rte_intr_handle *h;
	int other = 0;

	(void)state;
	s.efd = eventfd(0, EFD_NONBLOCK);
	assert_true(s.efd >= 0);
	h = ext_handle(s.efd);
	assert_int_equal(rte_intr_callback_register(h, eventfd_cb, &s), 0);
	assert_int_equal(rte_intr_callback_register(h, other_cb, &other), 0);
	assert_int_equal(rte_thread_is_intr(), 0);
	kick(s.efd);
	assert_int_equal(wait_for(&s.calls, 1), 0);
	assert_int_equal(wait_for(&other, 1), 0);
	assert_int_equal(s.on_intr_thread, 1);
	kick(s.efd);
	assert_int_equal(wait_for(&s.calls, 2), 0);
	/* Unregister returns how many callbacks it removed; none left means -ENOENT. */
	assert_int_equal(rte_intr_callback_unregister(h, other_cb, (void *)-1), 1);
	assert_int_equal(rte_intr_callback_unregister(h, eventfd_cb, &s), 1);
	assert_int_equal(rte_intr_callback_unregister(h, other_cb, &other), -ENOENT);
	kick(s.efd);
	usleep(20000);
	assert_int_equal(__atomic_load_n(&s.calls, __ATOMIC_ACQUIRE), 2);
	rte_intr_instance_free(h);
	close(s.efd);
}

static void
test_unregister_counts(void **state)
{
	struct rte_intr_handle *h;
	int efd = eventfd(0, EFD_NONBLOCK), a = 0, b = 0;

	(void)state;
	h = ext_handle(efd);
	assert_int_equal(rte_intr_callback_register(h, other_cb, &a), 0);
	assert_int_equal(rte_intr_callback_register(h, other_cb, &b), 0);
	assert_int_equal(rte_intr_callback_register(h, eventfd_cb, &a), 0);
	/* Same function, one argument: only that one. */
	assert_int_equal(rte_intr_callback_unregister(h, other_cb, &a), 1);
	/* Nothing matches, but the fd still has callbacks: 0. */
	assert_int_equal(rte_intr_callback_unregister(h, other_cb, &a), 0);
	/* (void *)-1 matches every argument. */
	assert_int_equal(rte_intr_callback_register(h, other_cb, &a), 0);
	assert_int_equal(rte_intr_callback_unregister(h, other_cb, (void *)-1), 2);
	assert_int_equal(rte_intr_callback_unregister(h, eventfd_cb, (void *)-1), 1);
	assert_int_equal(rte_intr_callback_unregister(h, eventfd_cb, (void *)-1), -ENOENT);
	rte_intr_instance_free(h);
	close(efd);
}

static void
test_bad_arguments(void **state)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(0);
	int x = 0;

	(void)state;
	assert_int_equal(rte_intr_callback_register(NULL, other_cb, &x), -EINVAL);
	assert_int_equal(rte_intr_callback_register(h, other_cb, &x), -EINVAL); /* fd -1 */
	assert_int_equal(rte_intr_fd_set(h, 0), 0);
	assert_int_equal(rte_intr_callback_register(h, NULL, &x), -EINVAL);
	assert_int_equal(rte_intr_callback_unregister(NULL, other_cb, &x), -EINVAL);
	assert_int_equal(rte_intr_callback_unregister(h, other_cb, &x), -ENOENT);
	assert_int_equal(rte_intr_callback_unregister_sync(h, other_cb, &x), -ENOENT);
	assert_int_equal(rte_intr_type_set(h, RTE_INTR_HANDLE_MAX), -EINVAL);
	assert_int_equal(rte_intr_fd_set(NULL, 3), -EINVAL);
	assert_int_equal(rte_intr_enable(NULL), -EINVAL);
	rte_intr_instance_free(h);
}

struct releaser {
	struct cb_state *s;
	int delay_ms;
};

static void *
release_later(void *arg)
{
	struct releaser *r = arg;

	usleep((useconds_t)r->delay_ms * 1000);
	__atomic_store_n(&r->s->block, 0, __ATOMIC_RELEASE);
	return NULL;
}

static void
test_unregister_while_running(void **state)
{
	struct cb_state s = { 0 };
	struct releaser r = { &s, 50 };
	struct rte_intr_handle *h;
	pthread_t t;

	(void)state;
	s.efd = eventfd(0, EFD_NONBLOCK);
	h = ext_handle(s.efd);
	s.block = 1;
	assert_int_equal(rte_intr_callback_register(h, eventfd_cb, &s), 0);
	kick(s.efd);
	assert_int_equal(wait_for(&s.entered, 1), 0);
	/* Running right now: refused, and still registered. */
	assert_int_equal(rte_intr_callback_unregister(h, eventfd_cb, &s), -EAGAIN);
	/* The sync variant waits for the callback to return. */
	assert_int_equal(pthread_create(&t, NULL, release_later, &r), 0);
	assert_int_equal(rte_intr_callback_unregister_sync(h, eventfd_cb, &s), 1);
	assert_int_equal(__atomic_load_n(&s.finished, __ATOMIC_ACQUIRE), 1);
	pthread_join(t, NULL);
	assert_int_equal(rte_intr_callback_unregister(h, eventfd_cb, &s), -ENOENT);
	rte_intr_instance_free(h);
	close(s.efd);
}

static void
test_callback_removes_itself(void **state)
{
	struct cb_state s = { 0 };
	struct rte_intr_handle *h;

	(void)state;
	s.efd = eventfd(0, EFD_NONBLOCK);
	h = ext_handle(s.efd);
	s.h = h;
	s.self_remove = 1;
	assert_int_equal(rte_intr_callback_register(h, eventfd_cb, &s), 0);
	kick(s.efd);
	assert_int_equal(wait_for(&s.calls, 1), 0);
	assert_int_equal(s.self_remove_ret, 1);
	usleep(10000);
	assert_int_equal(rte_intr_callback_unregister(h, eventfd_cb, &s), -ENOENT);
	kick(s.efd);
	usleep(20000);
	assert_int_equal(__atomic_load_n(&s.calls, __ATOMIC_ACQUIRE), 1);
	rte_intr_instance_free(h);
	close(s.efd);
}

static int ucb_calls;

static void
counting_ucb(struct rte_intr_handle *h, void *arg)
{
	(void)h;
	(void)arg;
	ucb_calls++;
}

static int pending_ret;

static void
pending_cb(void *arg)
{
	struct cb_state *s = arg;
	uint64_t v;

	if (read(s->efd, &v, sizeof(v)) != sizeof(v))
		return;
	pending_ret = rte_intr_callback_unregister_pending(s->h, pending_cb, s, counting_ucb);
	__atomic_fetch_add(&s->calls, 1, __ATOMIC_RELEASE);
}

static void
test_unregister_pending(void **state)
{
	struct cb_state s = { 0 };
	struct rte_intr_handle *h;

	(void)state;
	s.efd = eventfd(0, EFD_NONBLOCK);
	h = ext_handle(s.efd);
	s.h = h;
	assert_int_equal(rte_intr_callback_register(h, pending_cb, &s), 0);
	/* Outside a callback there is nothing to defer. */
	assert_int_equal(rte_intr_callback_unregister_pending(h, pending_cb, &s, NULL), -EAGAIN);
	kick(s.efd);
	assert_int_equal(wait_for(&s.calls, 1), 0);
	usleep(10000);
	assert_int_equal(pending_ret, 1);
	assert_int_equal(ucb_calls, 1);
	assert_int_equal(rte_intr_callback_unregister(h, pending_cb, &s), -ENOENT);
	rte_intr_instance_free(h);
	close(s.efd);
}

static void
test_uio_enable_disable(void **state)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(0);
	int p[2];
	int32_t v;

	(void)state;
	assert_int_equal(pipe(p), 0);
	rte_intr_fd_set(h, p[1]);
	rte_intr_dev_fd_set(h, -1);
	rte_intr_type_set(h, RTE_INTR_HANDLE_UIO);
	assert_int_equal(rte_intr_enable(h), 0);
	assert_int_equal(read(p[0], &v, sizeof(v)), 4);
	assert_int_equal(v, 1);
	assert_int_equal(rte_intr_disable(h), 0);
	assert_int_equal(read(p[0], &v, sizeof(v)), 4);
	assert_int_equal(v, 0);
	assert_int_equal(rte_intr_ack(h), 0);
	assert_int_equal(read(p[0], &v, sizeof(v)), 4);
	assert_int_equal(v, 1);
	/* A write that fails is reported. */
	rte_intr_fd_set(h, p[0]);
	assert_true(rte_intr_enable(h) < 0);
	close(p[0]);
	close(p[1]);

	/*
	 * VFIO goes through an ioctl on the device fd: without one the call is refused, on an fd
	 * that is not a vfio device the kernel's error comes back. MSI-X needs no ack.
	 */
	{
		int notvfio = eventfd(0, 0);

		rte_intr_fd_set(h, notvfio);
		rte_intr_dev_fd_set(h, -1);
		rte_intr_type_set(h, RTE_INTR_HANDLE_VFIO_MSIX);
		assert_int_equal(rte_intr_enable(h), -EINVAL);
		rte_intr_dev_fd_set(h, notvfio);
		assert_int_equal(rte_intr_enable(h), -ENOTTY);
		assert_int_equal(rte_intr_disable(h), -ENOTTY);
		assert_int_equal(rte_intr_ack(h), 0);
		rte_intr_type_set(h, RTE_INTR_HANDLE_VFIO_LEGACY);
		assert_int_equal(rte_intr_ack(h), -ENOTTY);
		rte_intr_type_set(h, RTE_INTR_HANDLE_VFIO_REQ);
		assert_int_equal(rte_intr_ack(h), -ENOTSUP);
		rte_intr_type_set(h, RTE_INTR_HANDLE_EXT);
		assert_int_equal(rte_intr_enable(h), -ENOTSUP);
		close(notvfio);
	}
	rte_intr_fd_set(h, 0);
	rte_intr_type_set(h, RTE_INTR_HANDLE_VDEV);
	assert_int_equal(rte_intr_enable(h), 0);

	/* A duplicate carries the same fds and type and is freed on its own. */
	rte_intr_dev_fd_set(h, 9);
	{
		struct rte_intr_handle *d = rte_intr_instance_dup(h);

		assert_non_null(d);
		assert_int_equal(rte_intr_fd_get(d), 0);
		assert_int_equal(rte_intr_dev_fd_get(d), 9);
		assert_int_equal(rte_intr_type_get(d), RTE_INTR_HANDLE_VDEV);
		rte_intr_instance_free(d);
	}
	assert_null(rte_intr_instance_dup(NULL));
	assert_int_equal(rte_errno, EINVAL);
	rte_intr_instance_free(h);
}

static void
test_uio_intx_config_space(void **state)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(0);
	char path[] = "/tmp/test_eal_intr_cfgXXXXXX";
	uint8_t cfg[64] = { 0 }, b;
	int fd = mkstemp(path), efd = eventfd(0, 0);

	(void)state;
	assert_true(fd >= 0);
	unlink(path);
	cfg[5] = 0x05; /* other bits of the high byte must survive */
	assert_int_equal(pwrite(fd, cfg, sizeof(cfg), 0), sizeof(cfg));
	rte_intr_fd_set(h, efd);
	rte_intr_dev_fd_set(h, fd);
	rte_intr_type_set(h, RTE_INTR_HANDLE_UIO_INTX);
	assert_int_equal(rte_intr_enable(h), 0);
	assert_int_equal(pread(fd, &b, 1, 5), 1);
	assert_int_equal(b, 0x01);
	assert_int_equal(rte_intr_disable(h), 0);
	assert_int_equal(pread(fd, &b, 1, 5), 1);
	assert_int_equal(b, 0x05);
	rte_intr_dev_fd_set(h, -1);
	assert_true(rte_intr_enable(h) < 0);
	close(fd);
	close(efd);
	rte_intr_instance_free(h);
}

/* A uio source: the thread reads the 32-bit count itself; EOF makes it stop watching. */
static void
test_uio_source_read_and_hangup(void **state)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(0);
	int p[2], calls = 0;
	int32_t count = 7;

	(void)state;
	assert_int_equal(pipe2(p, O_NONBLOCK), 0);
	rte_intr_fd_set(h, p[0]);
	rte_intr_type_set(h, RTE_INTR_HANDLE_UIO);
	assert_int_equal(rte_intr_callback_register(h, other_cb, &calls), 0);
	assert_int_equal(write(p[1], &count, sizeof(count)), 4);
	assert_int_equal(wait_for(&calls, 1), 0);
	usleep(10000);
	/* Drained by the thread: called once, not again and again. */
	assert_int_equal(__atomic_load_n(&calls, __ATOMIC_ACQUIRE), 1);
	close(p[1]);
	usleep(20000);
	assert_int_equal(__atomic_load_n(&calls, __ATOMIC_ACQUIRE), 1);
	/* Still registered, so its owner can remove it. */
	assert_int_equal(rte_intr_callback_unregister(h, other_cb, &calls), 1);
	close(p[0]);
	rte_intr_instance_free(h);
}

/* Registering and removing while the fd keeps firing: no callback runs after its removal. */
struct storm {
	int efd;
	int stop;
};

static void *
storm_kicker(void *arg)
{
	struct storm *st = arg;
	uint64_t one = 1;

	while (!__atomic_load_n(&st->stop, __ATOMIC_ACQUIRE)) {
		if (write(st->efd, &one, sizeof(one)) != sizeof(one))
			break;
		usleep(50);
	}
	return NULL;
}

struct storm_cb {
	int efd;
	int removed;  /* set once unregister_sync returned */
	int late;     /* calls seen after that */
	int calls;
};

static void
storm_cb(void *arg)
{
	struct storm_cb *c = arg;
	uint64_t v;

	if (read(c->efd, &v, sizeof(v)) < 0 && errno != EAGAIN)
		return;
	if (__atomic_load_n(&c->removed, __ATOMIC_ACQUIRE))
		__atomic_fetch_add(&c->late, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&c->calls, 1, __ATOMIC_RELAXED);
}

static void
test_register_storm(void **state)
{
	struct storm st = { .efd = eventfd(0, EFD_NONBLOCK) };
	struct rte_intr_handle *h = ext_handle(st.efd);
	pthread_t t;
	int i, total = 0;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, storm_kicker, &st), 0);
	for (i = 0; i < 300; i++) {
		struct storm_cb c = { .efd = st.efd };

		assert_int_equal(rte_intr_callback_register(h, storm_cb, &c), 0);
		usleep(100);
		assert_int_equal(rte_intr_callback_unregister_sync(h, storm_cb, &c), 1);
		__atomic_store_n(&c.removed, 1, __ATOMIC_RELEASE);
		usleep(20);
		assert_int_equal(__atomic_load_n(&c.late, __ATOMIC_ACQUIRE), 0);
		total += c.calls;
	}
	__atomic_store_n(&st.stop, 1, __ATOMIC_RELEASE);
	pthread_join(t, NULL);
	assert_true(total > 0);
	rte_intr_instance_free(h);
	close(st.efd);
}

/* A callback still registered at rte_eal_cleanup is released with the thread. */
static void
test_cleanup_with_callback(void **state)
{
	const char *args[] = { "prog", PREFIX, "--no-huge", "-l", "0", NULL };
	struct rte_intr_handle *h;
	struct test_argv a;
	int efd = eventfd(0, EFD_NONBLOCK), x = 0;

	(void)state;
	h = ext_handle(efd);
	assert_int_equal(rte_intr_callback_register(h, other_cb, &x), 0);
	assert_int_equal(rte_eal_cleanup(), 0);
	assert_int_equal(rte_intr_callback_unregister(h, other_cb, &x), -ENOENT);
	test_argv_build(&a, args);
	assert_int_equal(rte_eal_init(a.argc, a.argv), 4);
	/* The new thread serves new registrations. */
	assert_int_equal(rte_intr_callback_register(h, other_cb, &x), 0);
	kick(efd);
	assert_int_equal(wait_for(&x, 1), 0);
	assert_int_equal(rte_intr_callback_unregister_sync(h, other_cb, &x), 1);
	rte_intr_instance_free(h);
	close(efd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_callback_runs),
		cmocka_unit_test(test_unregister_counts),
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_unregister_while_running),
		cmocka_unit_test(test_callback_removes_itself),
		cmocka_unit_test(test_unregister_pending),
		cmocka_unit_test(test_uio_enable_disable),
		cmocka_unit_test(test_uio_intx_config_space),
		cmocka_unit_test(test_uio_source_read_and_hangup),
		cmocka_unit_test(test_register_storm),
		cmocka_unit_test(test_cleanup_with_callback),
	};

	return cmocka_run_group_tests_name("eal_intr", tests, setup, teardown);
}
