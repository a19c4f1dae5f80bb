/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_thread_*: a thin layer over pthreads. rte_thread_t carries the pthread_t; a thread-local
 * key is a small allocation holding a pthread_key_t. Functions that DPDK documents as returning
 * a positive errno do so; the key functions return -1 and set rte_errno.
 *
 * Only the normal (time-sharing) priority is granted: a real-time thread polling on a CPU that
 * also carries kernel or control threads can lock them out, so it is refused with ENOTSUP.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_thread.h>

#include "eal_private.h"

struct eal_tls_key {
	pthread_key_t key;
};

struct thread_start {
	rte_thread_func fn;
	void *arg;
};

rte_thread_t
rte_thread_self(void)
{
	rte_thread_t t = { .opaque_id = (uintptr_t)pthread_self() };

	return t;
}

int
rte_thread_equal(rte_thread_t t1, rte_thread_t t2)
{
	return pthread_equal((pthread_t)t1.opaque_id, (pthread_t)t2.opaque_id);
}

static void *
thread_trampoline(void *p)
{
	struct thread_start start = *(struct thread_start *)p;

	free(p);
	return (void *)(uintptr_t)start.fn(start.arg);
}

int
rte_thread_create(rte_thread_t *thread_id, const rte_thread_attr_t *thread_attr,
		rte_thread_func thread_func, void *arg)
{
	struct thread_start *start;
	pthread_attr_t attr;
	pthread_t tid;
	int ret;

	if (thread_id == NULL || thread_func == NULL) {
		EAL_LOG(ERR, "rte_thread_create: NULL %s\n",
			thread_id == NULL ? "thread id" : "thread function");
		return EINVAL;
	}
	if (thread_attr != NULL && thread_attr->priority != RTE_THREAD_PRIORITY_NORMAL) {
		EAL_LOG(ERR, "rte_thread_create: priority %d is not supported (only normal)\n",
			(int)thread_attr->priority);
		return thread_attr->priority == RTE_THREAD_PRIORITY_REALTIME_CRITICAL ?
			ENOTSUP : EINVAL;
	}
	start = malloc(sizeof(*start));
	if (start == NULL)
		return ENOMEM;
	start->fn = thread_func;
	start->arg = arg;
	ret = pthread_attr_init(&attr);
	if (ret != 0) {
		free(start);
		return ret;
	}
	if (thread_attr != NULL && CPU_COUNT(&thread_attr->cpuset) > 0) {
		ret = pthread_attr_setaffinity_np(&attr, sizeof(thread_attr->cpuset),
			&thread_attr->cpuset);
		if (ret != 0) {
			EAL_LOG(ERR, "rte_thread_create: cannot use the CPU set: %s\n",
				strerror(ret));
			goto out;
		}
	}
	ret = pthread_create(&tid, &attr, thread_trampoline, start);
	if (ret != 0) {
		EAL_LOG(ERR, "rte_thread_create: pthread_create failed: %s\n", strerror(ret));
		goto out;
	}
	thread_id->opaque_id = (uintptr_t)tid;
	start = NULL;
out:
	pthread_attr_destroy(&attr);
	free(start);
	return ret;
}

int
rte_thread_join(rte_thread_t thread_id, uint32_t *value_ptr)
{
	void *res;
	int ret;

	ret = pthread_join((pthread_t)thread_id.opaque_id, &res);
	if (ret != 0) {
		EAL_LOG(ERR, "rte_thread_join: %s\n", strerror(ret));
		return ret;
	}
	if (value_ptr != NULL)
		*value_ptr = (uint32_t)(uintptr_t)res;
	return 0;
}

int
rte_thread_detach(rte_thread_t thread_id)
{
	return pthread_detach((pthread_t)thread_id.opaque_id);
}

int
rte_thread_attr_init(rte_thread_attr_t *attr)
{
	if (attr == NULL)
		return EINVAL;
	attr->priority = RTE_THREAD_PRIORITY_NORMAL;
	CPU_ZERO(&attr->cpuset);
	return 0;
}

int
rte_thread_attr_set_priority(rte_thread_attr_t *thread_attr, enum rte_thread_priority priority)
{
	if (thread_attr == NULL || (priority != RTE_THREAD_PRIORITY_NORMAL &&
			priority != RTE_THREAD_PRIORITY_REALTIME_CRITICAL))
		return EINVAL;
	thread_attr->priority = priority;
	return 0;
}

int
rte_thread_attr_set_affinity(rte_thread_attr_t *thread_attr, rte_cpuset_t *cpuset)
{
	if (thread_attr == NULL || cpuset == NULL)
		return EINVAL;
	thread_attr->cpuset = *cpuset;
	return 0;
}

int
rte_thread_attr_get_affinity(rte_thread_attr_t *thread_attr, rte_cpuset_t *cpuset)
{
	if (thread_attr == NULL || cpuset == NULL)
		return EINVAL;
	*cpuset = thread_attr->cpuset;
	return 0;
}

int
rte_thread_set_affinity_by_id(rte_thread_t thread_id, const rte_cpuset_t *cpuset)
{
	int ret;

	if (cpuset == NULL)
		return EINVAL;
	ret = pthread_setaffinity_np((pthread_t)thread_id.opaque_id, sizeof(*cpuset), cpuset);
	if (ret != 0)
		EAL_LOG(ERR, "rte_thread_set_affinity_by_id: %s\n", strerror(ret));
	return ret;
}

int
rte_thread_get_affinity_by_id(rte_thread_t thread_id, rte_cpuset_t *cpuset)
{
	int ret;

	if (cpuset == NULL)
		return EINVAL;
	ret = pthread_getaffinity_np((pthread_t)thread_id.opaque_id, sizeof(*cpuset), cpuset);
	if (ret != 0)
		EAL_LOG(ERR, "rte_thread_get_affinity_by_id: %s\n", strerror(ret));
	return ret;
}

int
rte_thread_get_priority(rte_thread_t thread_id, enum rte_thread_priority *priority)
{
	struct sched_param param;
	int policy, ret;

	if (priority == NULL)
		return EINVAL;
	ret = pthread_getschedparam((pthread_t)thread_id.opaque_id, &policy, &param);
	if (ret != 0) {
		EAL_LOG(ERR, "rte_thread_get_priority: %s\n", strerror(ret));
		return ret;
	}
	if (policy == SCHED_OTHER && param.sched_priority == 0) {
		*priority = RTE_THREAD_PRIORITY_NORMAL;
	} else if (policy == SCHED_RR &&
			param.sched_priority == sched_get_priority_max(SCHED_RR)) {
		*priority = RTE_THREAD_PRIORITY_REALTIME_CRITICAL;
	} else {
		EAL_LOG(ERR, "rte_thread_get_priority: policy %d priority %d is no "
			"rte_thread_priority\n", policy, param.sched_priority);
		return EINVAL;
	}
	return 0;
}

int
rte_thread_set_priority(rte_thread_t thread_id, enum rte_thread_priority priority)
{
	struct sched_param param = { .sched_priority = 0 };
	int ret;

	if (priority == RTE_THREAD_PRIORITY_REALTIME_CRITICAL) {
		EAL_LOG(ERR, "rte_thread_set_priority: real-time priority is not supported\n");
		return ENOTSUP;
	}
	if (priority != RTE_THREAD_PRIORITY_NORMAL) {
		EAL_LOG(ERR, "rte_thread_set_priority: unknown priority %d\n", (int)priority);
		return EINVAL;
	}
	ret = pthread_setschedparam((pthread_t)thread_id.opaque_id, SCHED_OTHER, &param);
	if (ret != 0)
		EAL_LOG(ERR, "rte_thread_set_priority: %s\n", strerror(ret));
	return ret;
}

int
rte_thread_key_create(rte_thread_key *key, void (*destructor)(void *))
{
	struct eal_tls_key *k;
	int ret;

	if (key == NULL) {
		EAL_LOG(ERR, "rte_thread_key_create: NULL key\n");
		rte_errno = EINVAL;
		return -1;
	}
	k = malloc(sizeof(*k));
	if (k == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	ret = pthread_key_create(&k->key, destructor);
	if (ret != 0) {
		EAL_LOG(ERR, "rte_thread_key_create: %s\n", strerror(ret));
		free(k);
		rte_errno = ENOEXEC;
		return -1;
	}
	*key = k;
	return 0;
}

int
rte_thread_key_delete(rte_thread_key key)
{
	int ret;

	if (key == NULL) {
		EAL_LOG(ERR, "rte_thread_key_delete: NULL key\n");
		rte_errno = EINVAL;
		return -1;
	}
	ret = pthread_key_delete(key->key);
	if (ret != 0) {
		EAL_LOG(ERR, "rte_thread_key_delete: %s\n", strerror(ret));
		rte_errno = ENOEXEC;
		return -1;
	}
	free(key);
	return 0;
}

int
rte_thread_value_set(rte_thread_key key, const void *value)
{
	int ret;

	if (key == NULL) {
		EAL_LOG(ERR, "rte_thread_value_set: NULL key\n");
		rte_errno = EINVAL;
		return -1;
	}
	ret = pthread_setspecific(key->key, value);
	if (ret != 0) {
		EAL_LOG(ERR, "rte_thread_value_set: %s\n", strerror(ret));
		rte_errno = ENOEXEC;
		return -1;
	}
	return 0;
}

void *
rte_thread_value_get(rte_thread_key key)
{
	if (key == NULL) {
		EAL_LOG(ERR, "rte_thread_value_get: NULL key\n");
		rte_errno = EINVAL;
		return NULL;
	}
	return pthread_getspecific(key->key);
}
