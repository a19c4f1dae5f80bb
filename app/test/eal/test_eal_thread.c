/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_thread_*: create with and without attributes, join value, detach, self/equal, affinity
 * by id, priority (normal granted, real-time refused), thread-local keys with destructor, and
 * the error of each call. Needs no EAL.
 */
#include "test_common.h"

#include <errno.h>
#include <unistd.h>
#include <sched.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_thread.h>

static rte_thread_t seen_self;
static int ran;

static uint32_t
thread_fn(void *arg)
{
	seen_self = rte_thread_self();
	__atomic_store_n(&ran, 1, __ATOMIC_RELEASE);
	return (uint32_t)(uintptr_t)arg;
}

static uint32_t
affinity_fn(void *arg)
{
	rte_cpuset_t *set = arg;

	if (pthread_getaffinity_np(pthread_self(), sizeof(*set), set) != 0)
		CPU_ZERO(set);
	return 7;
}

static int
first_cpu(void)
{
	rte_cpuset_t set;
	int cpu;

	assert_int_equal(sched_getaffinity(0, sizeof(set), &set), 0);
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &set))
			return cpu;
	return 0;
}

static void
test_create_join(void **state)
{
	rte_thread_t t;
	uint32_t value = 0;

	(void)state;
	assert_int_equal(rte_thread_create(&t, NULL, thread_fn, (void *)(uintptr_t)0xabcd), 0);
	assert_int_equal(rte_thread_join(t, &value), 0);
	assert_int_equal(value, 0xabcd);
	assert_true(rte_thread_equal(t, seen_self));
	assert_false(rte_thread_equal(t, rte_thread_self()));
	assert_true(rte_thread_equal(rte_thread_self(), rte_thread_self()));
	/* A joined thread cannot be joined again; the value pointer may be NULL. */
	assert_int_equal(rte_thread_create(&t, NULL, thread_fn, NULL), 0);
	assert_int_equal(rte_thread_join(t, NULL), 0);

	assert_int_equal(rte_thread_create(NULL, NULL, thread_fn, NULL), EINVAL);
	assert_int_equal(rte_thread_create(&t, NULL, NULL, NULL), EINVAL);
}

static void
test_detach(void **state)
{
	rte_thread_t t;
	int i;

	(void)state;
	ran = 0;
	assert_int_equal(rte_thread_create(&t, NULL, thread_fn, NULL), 0);
	assert_int_equal(rte_thread_detach(t), 0);
	for (i = 0; i < 2000 && !__atomic_load_n(&ran, __ATOMIC_ACQUIRE); i++)
		usleep(1000);
	assert_int_equal(ran, 1);
}

static void
test_attributes(void **state)
{
	rte_thread_attr_t attr;
	rte_cpuset_t set, got;
	rte_thread_t t;
	uint32_t value;
	int cpu = first_cpu();

	(void)state;
	assert_int_equal(rte_thread_attr_init(&attr), 0);
	assert_int_equal(attr.priority, RTE_THREAD_PRIORITY_NORMAL);
	assert_int_equal(CPU_COUNT(&attr.cpuset), 0);
	assert_int_equal(rte_thread_attr_init(NULL), EINVAL);

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	assert_int_equal(rte_thread_attr_set_affinity(&attr, &set), 0);
	assert_int_equal(rte_thread_attr_get_affinity(&attr, &got), 0);
	assert_true(CPU_EQUAL(&set, &got));
	assert_int_equal(rte_thread_attr_set_affinity(NULL, &set), EINVAL);
	assert_int_equal(rte_thread_attr_set_affinity(&attr, NULL), EINVAL);
	assert_int_equal(rte_thread_attr_get_affinity(&attr, NULL), EINVAL);

	/* The new thread runs on the attribute's CPU set. */
	CPU_ZERO(&got);
	assert_int_equal(rte_thread_create(&t, &attr, affinity_fn, &got), 0);
	assert_int_equal(rte_thread_join(t, &value), 0);
	assert_int_equal(value, 7);
	assert_true(CPU_EQUAL(&set, &got));

	/* Priorities: real-time is refused at creation. */
	assert_int_equal(rte_thread_attr_set_priority(&attr, RTE_THREAD_PRIORITY_REALTIME_CRITICAL),
		0);
	assert_int_equal(rte_thread_create(&t, &attr, thread_fn, NULL), ENOTSUP);
	assert_int_equal(rte_thread_attr_set_priority(&attr, (enum rte_thread_priority)5), EINVAL);
	assert_int_equal(rte_thread_attr_set_priority(NULL, RTE_THREAD_PRIORITY_NORMAL), EINVAL);
	assert_int_equal(rte_thread_attr_set_priority(&attr, RTE_THREAD_PRIORITY_NORMAL), 0);
	assert_int_equal(attr.priority, RTE_THREAD_PRIORITY_NORMAL);
}

static void
test_affinity_by_id(void **state)
{
	rte_cpuset_t old, set, got;
	rte_thread_t self = rte_thread_self();
	int cpu = first_cpu();

	(void)state;
	assert_int_equal(rte_thread_get_affinity_by_id(self, &old), 0);
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	assert_int_equal(rte_thread_set_affinity_by_id(self, &set), 0);
	assert_int_equal(rte_thread_get_affinity_by_id(self, &got), 0);
	assert_true(CPU_EQUAL(&set, &got));
	/* An empty set is refused by the system; nothing changes. */
	CPU_ZERO(&set);
	assert_int_equal(rte_thread_set_affinity_by_id(self, &set), EINVAL);
	assert_int_equal(rte_thread_get_affinity_by_id(self, &got), 0);
	assert_int_equal(CPU_COUNT(&got), 1);
	assert_int_equal(rte_thread_set_affinity_by_id(self, NULL), EINVAL);
	assert_int_equal(rte_thread_get_affinity_by_id(self, NULL), EINVAL);
	assert_int_equal(rte_thread_set_affinity_by_id(self, &old), 0);

	/* RTE_CPU_* helpers of rte_os.h. */
	RTE_CPU_FILL(&set);
	assert_int_equal(CPU_COUNT(&set), CPU_SETSIZE);
	CPU_ZERO(&got);
	CPU_SET(cpu, &got);
	RTE_CPU_NOT(&set, &got);
	assert_int_equal(CPU_COUNT(&set), CPU_SETSIZE - 1);
	assert_false(CPU_ISSET(cpu, &set));
	RTE_CPU_AND(&set, &set, &got);
	assert_int_equal(CPU_COUNT(&set), 0);
	RTE_CPU_OR(&set, &set, &got);
	assert_true(CPU_EQUAL(&set, &got));
}

static void
test_priority(void **state)
{
	enum rte_thread_priority prio = RTE_THREAD_PRIORITY_REALTIME_CRITICAL;
	rte_thread_t self = rte_thread_self();

	(void)state;
	assert_int_equal(rte_thread_get_priority(self, &prio), 0);
	assert_int_equal(prio, RTE_THREAD_PRIORITY_NORMAL);
	assert_int_equal(rte_thread_set_priority(self, RTE_THREAD_PRIORITY_NORMAL), 0);
	assert_int_equal(rte_thread_set_priority(self, RTE_THREAD_PRIORITY_REALTIME_CRITICAL),
		ENOTSUP);
	assert_int_equal(rte_thread_set_priority(self, (enum rte_thread_priority)9), EINVAL);
	assert_int_equal(rte_thread_get_priority(self, NULL), EINVAL);
	assert_int_equal(rte_thread_get_priority(self, &prio), 0);
	assert_int_equal(prio, RTE_THREAD_PRIORITY_NORMAL);
}

static rte_thread_key tls_key;
static int destructed;

static void
tls_destructor(void *v)
{
	__atomic_fetch_add(&destructed, (int)(uintptr_t)v, __ATOMIC_RELAXED);
}

static uint32_t
tls_fn(void *arg)
{
	if (rte_thread_value_get(tls_key) != NULL)
		return 1;
	if (rte_thread_value_set(tls_key, arg) != 0)
		return 2;
	return rte_thread_value_get(tls_key) == arg ? 0 : 3;
}

static void
test_keys(void **state)
{
	rte_thread_t t;
	uint32_t value;
	int x;

	(void)state;
	assert_int_equal(rte_thread_key_create(&tls_key, tls_destructor), 0);
	assert_null(rte_thread_value_get(tls_key));
	assert_int_equal(rte_thread_value_set(tls_key, &x), 0);
	assert_ptr_equal(rte_thread_value_get(tls_key), &x);
	/* Per thread: another thread starts with NULL; its value is destructed at its end. */
	destructed = 0;
	assert_int_equal(rte_thread_create(&t, NULL, tls_fn, (void *)(uintptr_t)5), 0);
	assert_int_equal(rte_thread_join(t, &value), 0);
	assert_int_equal(value, 0);
	assert_int_equal(destructed, 5);
	assert_ptr_equal(rte_thread_value_get(tls_key), &x);
	assert_int_equal(rte_thread_value_set(tls_key, NULL), 0);
	assert_int_equal(rte_thread_key_delete(tls_key), 0);

	rte_errno = 0;
	assert_int_equal(rte_thread_key_create(NULL, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_thread_key_delete(NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_thread_value_set(NULL, &x), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_thread_value_get(NULL));
	assert_int_equal(rte_errno, EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_join),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_attributes),
		cmocka_unit_test(test_affinity_by_id),
		cmocka_unit_test(test_priority),
		cmocka_unit_test(test_keys),
	};

	return cmocka_run_group_tests_name("eal_thread", tests, NULL, NULL);
}
