/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Alarms. Pending alarms are kept in one list sorted by deadline (CLOCK_MONOTONIC). A single
 * timerfd, registered with the interrupt thread as an RTE_INTR_HANDLE_ALARM source, is always
 * armed for the earliest deadline; when it fires, the interrupt thread calls every alarm that is
 * due, one at a time and with the lock released, then arms the timer for the next one.
 *
 * An alarm stays in the list while its callback runs (marked running), so that a concurrent
 * rte_eal_alarm_cancel from another thread can wait for it to finish, and a cancel from the
 * callback itself can tell it apart and report EINPROGRESS.
 *
 * The timerfd and its interrupt registration are created by the first rte_eal_alarm_set and
 * released by rte_eal_cleanup (after the interrupt thread has stopped).
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <inttypes.h>
#include <unistd.h>
#include <time.h>
#include <pthread.h>
#include <sys/timerfd.h>

#include <rte_common.h>
#include <rte_alarm.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "eal_private.h"

struct alarm {
	struct alarm *next;
	struct timespec deadline;
	rte_eal_alarm_callback cb;
	void *arg;
	int running;            /* the interrupt thread is inside cb */
};

static pthread_mutex_t alarm_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t alarm_done = PTHREAD_COND_INITIALIZER; /* a running callback returned */
static struct alarm *alarm_list;
static struct rte_intr_handle *alarm_handle;
static int alarm_fd = -1;

static int
ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* Arm the timer for the earliest alarm that is not running, or disarm it. Lock held. */
static int
alarm_rearm(void)
{
	struct itimerspec its;
	const struct alarm *a;

	memset(&its, 0, sizeof(its));
	for (a = alarm_list; a != NULL && a->running; a = a->next)
		;
	if (a != NULL) {
		its.it_value = a->deadline;
		/* An all-zero value would disarm: a deadline of 0 never happens, but be sure. */
		if (its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0)
			its.it_value.tv_nsec = 1;
	}
	if (timerfd_settime(alarm_fd, TFD_TIMER_ABSTIME, &its, NULL) < 0)
		return -errno;
	return 0;
}

/* Interrupt thread: call every alarm that is due, then arm the timer for the next one. */
static void
alarm_fire(void *unused)
{
	struct timespec now;
	struct alarm *a, **pp;

	RTE_SET_USED(unused);
	pthread_mutex_lock(&alarm_lock);
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		a = alarm_list;
		if (a == NULL || ts_before(&now, &a->deadline))
			break;
		a->running = 1;
		pthread_mutex_unlock(&alarm_lock);
		a->cb(a->arg);
		pthread_mutex_lock(&alarm_lock);
		/* Alarms set meanwhile may sit in front of it now: unlink by address. */
		for (pp = &alarm_list; *pp != a; pp = &(*pp)->next)
			;
		*pp = a->next;
		free(a);
		pthread_cond_broadcast(&alarm_done);
	}
	if (alarm_fd >= 0) {
		int ret = alarm_rearm();

		if (ret < 0)
			EAL_LOG(ERR, "alarm: cannot arm the timer: %s\n", strerror(-ret));
	}
	pthread_mutex_unlock(&alarm_lock);
}

/* Create the timerfd and hand it to the interrupt thread. Lock held. */
static int
alarm_setup(void)
{
	int ret;

	alarm_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (alarm_fd < 0) {
		ret = -errno;
		EAL_LOG(ERR, "alarm: cannot create a timerfd: %s\n", strerror(-ret));
		return ret;
	}
	alarm_handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (alarm_handle == NULL) {
		ret = -ENOMEM;
		goto fail;
	}
	rte_intr_fd_set(alarm_handle, alarm_fd);
	rte_intr_type_set(alarm_handle, RTE_INTR_HANDLE_ALARM);
	ret = rte_intr_callback_register(alarm_handle, alarm_fire, NULL);
	if (ret < 0) {
		EAL_LOG(ERR, "alarm: cannot register the timer with the interrupt thread: %s\n",
			strerror(-ret));
		goto fail;
	}
	return 0;
fail:
	rte_intr_instance_free(alarm_handle);
	alarm_handle = NULL;
	close(alarm_fd);
	alarm_fd = -1;
	return ret;
}

int
rte_eal_alarm_set(uint64_t us, rte_eal_alarm_callback cb, void *cb_arg)
{
	struct alarm *a, **pp;
	int ret;

	if (cb == NULL || us < 1 || us > UINT64_MAX - US_PER_S) {
		EAL_LOG(ERR, "rte_eal_alarm_set: %s (delay %" PRIu64 " us)\n",
			cb == NULL ? "NULL callback" : "delay out of range", us);
		return -EINVAL;
	}
	a = calloc(1, sizeof(*a));
	if (a == NULL)
		return -ENOMEM;
	a->cb = cb;
	a->arg = cb_arg;
	clock_gettime(CLOCK_MONOTONIC, &a->deadline);
	a->deadline.tv_sec += (time_t)(us / US_PER_S);
	a->deadline.tv_nsec += (long)(us % US_PER_S) * 1000;
	if (a->deadline.tv_nsec >= (long)NS_PER_S) {
		a->deadline.tv_nsec -= (long)NS_PER_S;
		a->deadline.tv_sec++;
	}

	pthread_mutex_lock(&alarm_lock);
	if (alarm_fd < 0) {
		ret = alarm_setup();
		if (ret < 0) {
			pthread_mutex_unlock(&alarm_lock);
			free(a);
			return ret;
		}
	}
	/* After the alarms with the same or an earlier deadline: equal ones go off in order. */
	for (pp = &alarm_list; *pp != NULL && !ts_before(&a->deadline, &(*pp)->deadline);
			pp = &(*pp)->next)
		;
	a->next = *pp;
	*pp = a;
	if (alarm_list == a) {
		ret = alarm_rearm();
		if (ret < 0) {
			alarm_list = a->next;
			pthread_mutex_unlock(&alarm_lock);
			EAL_LOG(ERR, "rte_eal_alarm_set: cannot arm the timer: %s\n",
				strerror(-ret));
			free(a);
			return ret;
		}
	}
	pthread_mutex_unlock(&alarm_lock);
	return 0;
}

int
rte_eal_alarm_cancel(rte_eal_alarm_callback cb_fn, void *cb_arg)
{
	struct alarm *a, **pp;
	int count = 0, in_progress = 0, wait;
	int head_removed = 0;

	if (cb_fn == NULL) {
		EAL_LOG(ERR, "rte_eal_alarm_cancel: NULL callback\n");
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&alarm_lock);
	do {
		wait = 0;
		in_progress = 0;
		pp = &alarm_list;
		while ((a = *pp) != NULL) {
			if (a->cb != cb_fn || (cb_arg != (void *)-1 && a->arg != cb_arg)) {
				pp = &a->next;
				continue;
			}
			if (!a->running) {
				head_removed |= a == alarm_list;
				*pp = a->next;
				free(a);
				count++;
				continue;
			}
			/* Only the interrupt thread runs alarms: is it the caller? */
			if (rte_thread_is_intr())
				in_progress = 1;
			else
				wait = 1;
			pp = &a->next;
		}
		if (wait)
			pthread_cond_wait(&alarm_done, &alarm_lock);
	} while (wait);
	if (head_removed && alarm_fd >= 0) {
		int ret = alarm_rearm();

		if (ret < 0)
			EAL_LOG(ERR, "rte_eal_alarm_cancel: cannot arm the timer: %s\n",
				strerror(-ret));
	}
	pthread_mutex_unlock(&alarm_lock);

	if (in_progress)
		rte_errno = EINPROGRESS;
	else if (count == 0)
		rte_errno = ENOENT;
	return count;
}

/*
 * rte_eal_cleanup, once the interrupt thread has stopped (and forgotten its sources): drop the
 * pending alarms and the timer, so that a new rte_eal_init starts without any.
 */
void
eal_alarm_cleanup(void)
{
	struct alarm *a;

	pthread_mutex_lock(&alarm_lock);
	while ((a = alarm_list) != NULL) {
		alarm_list = a->next;
		free(a);
	}
	if (alarm_fd >= 0) {
		close(alarm_fd);
		alarm_fd = -1;
	}
	rte_intr_instance_free(alarm_handle);
	alarm_handle = NULL;
	pthread_mutex_unlock(&alarm_lock);
}
