/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Threads without pthread types in the API: create, join, detach, compare, affinity, priority
 * and thread-local keys. On Linux an rte_thread_t wraps a pthread_t.
 */
#include <stdint.h>

#include <rte_os.h>
#include <rte_compat.h>

#ifndef _RTE_THREAD_H_
#define _RTE_THREAD_H_

#ifdef __cplusplus
extern "C" {
#endif

/** A thread. */
typedef struct {
	uintptr_t opaque_id; /**< the system's id of the thread */
} rte_thread_t;

/** The function a thread created by rte_thread_create runs; its value goes to rte_thread_join. */
typedef uint32_t (*rte_thread_func) (void *arg);

/** Scheduling priority of a thread. */
enum rte_thread_priority {
	RTE_THREAD_PRIORITY_NORMAL            = 0,
	/**< the system's ordinary time sharing (the default) */
	RTE_THREAD_PRIORITY_REALTIME_CRITICAL = 1,
	/**< the highest real-time priority (refused on Linux: ENOTSUP) */
};

/** How rte_thread_create makes a thread. */
typedef struct {
	enum rte_thread_priority priority; /**< scheduling priority */
#ifdef RTE_HAS_CPUSET
	rte_cpuset_t cpuset; /**< CPUs to run on; an empty set keeps the creator's */
#endif
} rte_thread_attr_t;

/** A thread-local storage key. */
typedef struct eal_tls_key *rte_thread_key;

/**
 * Start a thread running thread_func(arg).
 *
 * @param thread_id
 *   Receives the new thread.
 * @param thread_attr
 *   Priority and CPU set, or NULL for the defaults.
 * @param thread_func
 *   What the thread runs.
 * @param arg
 *   Argument of thread_func.
 * @return
 *   0, or a positive errno: EINVAL for a NULL thread_id or thread_func, ENOTSUP for a
 *   real-time priority, or what pthread_create reported.
 */
__rte_experimental
int rte_thread_create(rte_thread_t *thread_id, const rte_thread_attr_t *thread_attr,
		rte_thread_func thread_func, void *arg);

/**
 * Wait for a thread to end.
 *
 * @param thread_id
 *   A thread that was not detached.
 * @param value_ptr
 *   Receives the value its function returned, if not NULL.
 * @return
 *   0, or a positive errno from pthread_join.
 */
__rte_experimental
int rte_thread_join(rte_thread_t thread_id, uint32_t *value_ptr);

/**
 * Let a thread's resources go when it ends; it can no longer be joined.
 *
 * @param thread_id
 *   The thread.
 * @return
 *   0, or a positive errno from pthread_detach.
 */
__rte_experimental
int rte_thread_detach(rte_thread_t thread_id);

/**
 * The calling thread.
 *
 * @return
 *   Its rte_thread_t.
 */
__rte_experimental
rte_thread_t rte_thread_self(void);

/**
 * Are two rte_thread_t the same thread?
 *
 * @param t1
 *   A thread.
 * @param t2
 *   Another.
 * @return
 *   Non-zero if they are the same, 0 if not.
 */
__rte_experimental
int rte_thread_equal(rte_thread_t t1, rte_thread_t t2);

/**
 * Default attributes: normal priority, no CPU set.
 *
 * @param attr
 *   The attributes to fill.
 * @return
 *   0, or EINVAL for a NULL attr.
 */
__rte_experimental
int rte_thread_attr_init(rte_thread_attr_t *attr);

/**
 * Set the priority in thread attributes.
 *
 * @param thread_attr
 *   The attributes.
 * @param priority
 *   The priority.
 * @return
 *   0, or EINVAL for a NULL thread_attr or an unknown priority.
 */
__rte_experimental
int rte_thread_attr_set_priority(rte_thread_attr_t *thread_attr,
		enum rte_thread_priority priority);

#ifdef RTE_HAS_CPUSET

/**
 * Set the CPU set in thread attributes.
 *
 * @param thread_attr
 *   The attributes.
 * @param cpuset
 *   CPUs the thread will run on (copied).
 * @return
 *   0, or EINVAL for a NULL argument.
 */
__rte_experimental
int rte_thread_attr_set_affinity(rte_thread_attr_t *thread_attr, rte_cpuset_t *cpuset);

/**
 * Read the CPU set of thread attributes.
 *
 * @param thread_attr
 *   The attributes.
 * @param cpuset
 *   Receives the CPU set.
 * @return
 *   0, or EINVAL for a NULL argument.
 */
__rte_experimental
int rte_thread_attr_get_affinity(rte_thread_attr_t *thread_attr, rte_cpuset_t *cpuset);

/**
 * Set the CPUs a thread may run on.
 *
 * @param thread_id
 *   The thread.
 * @param cpuset
 *   The CPUs.
 * @return
 *   0, or a positive errno (EINVAL for a NULL or unusable set).
 */
__rte_experimental
int rte_thread_set_affinity_by_id(rte_thread_t thread_id, const rte_cpuset_t *cpuset);

/**
 * Read the CPUs a thread may run on.
 *
 * @param thread_id
 *   The thread.
 * @param cpuset
 *   Receives the CPUs.
 * @return
 *   0, or a positive errno (EINVAL for a NULL cpuset).
 */
__rte_experimental
int rte_thread_get_affinity_by_id(rte_thread_t thread_id, rte_cpuset_t *cpuset);

/**
 * Pin the calling thread to a set of CPUs (and remember it as the set
 * rte_thread_get_affinity returns).
 *
 * @param cpusetp
 *   The CPUs.
 * @return
 *   0, or -1 when the system refused the set.
 */
int rte_thread_set_affinity(rte_cpuset_t *cpusetp);

/**
 * The CPUs EAL (or rte_thread_set_affinity) pinned the calling thread to.
 *
 * @param cpusetp
 *   Receives the CPUs.
 */
void rte_thread_get_affinity(rte_cpuset_t *cpusetp);

#endif /* RTE_HAS_CPUSET */

/**
 * A thread's priority.
 *
 * @param thread_id
 *   The thread.
 * @param priority
 *   Receives the priority.
 * @return
 *   0, or a positive errno (EINVAL for a NULL priority or a scheduling setting that is none
 *   of the rte_thread_priority values).
 */
__rte_experimental
int rte_thread_get_priority(rte_thread_t thread_id, enum rte_thread_priority *priority);

/**
 * Change a thread's priority.
 *
 * @param thread_id
 *   The thread.
 * @param priority
 *   The priority.
 * @return
 *   0, or a positive errno: ENOTSUP for the real-time priority (it can starve the system's own
 *   threads on the CPUs that lcores poll), EINVAL for an unknown one.
 */
__rte_experimental
int rte_thread_set_priority(rte_thread_t thread_id, enum rte_thread_priority priority);

/**
 * Create a thread-local storage key.
 *
 * @param key
 *   Receives the key.
 * @param destructor
 *   Called with a thread's non-NULL value when that thread ends; may be NULL.
 * @return
 *   0, or -1 with rte_errno: EINVAL for a NULL key, ENOMEM, or ENOEXEC when the system has no
 *   key left.
 */
__rte_experimental
int rte_thread_key_create(rte_thread_key *key, void (*destructor)(void *));

/**
 * Delete a thread-local storage key (destructors are not called).
 *
 * @param key
 *   A key from rte_thread_key_create.
 * @return
 *   0, or -1 with rte_errno: EINVAL for a NULL key, ENOEXEC when the system refused.
 */
__rte_experimental
int rte_thread_key_delete(rte_thread_key key);

/**
 * Bind a value to a key for the calling thread.
 *
 * @param key
 *   A key from rte_thread_key_create.
 * @param value
 *   The value.
 * @return
 *   0, or -1 with rte_errno: EINVAL for a NULL key, ENOEXEC when the system refused.
 */
__rte_experimental
int rte_thread_value_set(rte_thread_key key, const void *value);

/**
 * The calling thread's value for a key.
 *
 * @param key
 *   A key from rte_thread_key_create.
 * @return
 *   The value (NULL if none was set), or NULL with rte_errno EINVAL for a NULL key.
 */
__rte_experimental
void *rte_thread_value_get(rte_thread_key key);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_THREAD_H_ */
