/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Logical cores: EAL threads numbered 0..RTE_MAX_LCORE-1, each pinned to a set of CPUs. The main
 * lcore runs the application's main(); the others ("workers") wait for functions to launch.
 */
#ifndef _RTE_LCORE_H_
#define _RTE_LCORE_H_

#include <stdio.h>
#include <sched.h>
#include <pthread.h>

#include <rte_config.h>
#include <rte_per_lcore.h>
#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_thread.h>

#ifdef __cplusplus
extern "C" {
#endif

/** lcore id of a thread that has none (not created by EAL, not registered). */
#define LCORE_ID_ANY UINT32_MAX
/** Any NUMA node (also what an lcore spanning several nodes reports). */
#define SOCKET_ID_ANY (-1)

/** The calling thread's lcore id (read it with rte_lcore_id()). */
RTE_DECLARE_PER_LCORE(unsigned int, _lcore_id);
#ifdef RTE_HAS_CPUSET
/** The CPUs the calling thread was pinned to by EAL. */
RTE_DECLARE_PER_LCORE(rte_cpuset_t, _cpuset);
#endif

/** What an lcore id is used for. */
enum rte_lcore_role_t {
	ROLE_RTE,      /**< an EAL lcore: main or worker */
	ROLE_OFF,      /**< not in use */
	ROLE_SERVICE,  /**< a worker handed over to service duty (rte_service.h) */
	ROLE_NON_EAL,  /**< taken by a thread with rte_thread_register() */
};

/** Id of the calling lcore, or LCORE_ID_ANY for a thread EAL did not create. */
static inline unsigned int
rte_lcore_id(void)
{
	return RTE_PER_LCORE(_lcore_id);
}

/** Role of lcore_id (ROLE_OFF for an id out of range). */
enum rte_lcore_role_t rte_eal_lcore_role(unsigned int lcore_id);
/** 1 if lcore_id has that role, 0 if not, -EINVAL for an id out of range. */
int rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role);
/** The lcore running main() (--main-lcore, by default the lowest enabled lcore). */
unsigned int rte_get_main_lcore(void);
/** Number of enabled lcores (main included). */
unsigned int rte_lcore_count(void);
/** Position of lcore_id among the enabled lcores (-1 if disabled); -1 as id means the caller. */
int rte_lcore_index(int lcore_id);
/** NUMA node of the calling lcore; (unsigned int)SOCKET_ID_ANY for a thread without one. */
unsigned int rte_socket_id(void);
/** Number of NUMA nodes that have enabled lcores (at least 1). */
unsigned int rte_socket_count(void);
/** The idx-th of those nodes, or -1 with rte_errno EINVAL. */
int rte_socket_id_by_idx(unsigned int idx);
/** NUMA node of lcore_id (0 for an id out of range). */
unsigned int rte_lcore_to_socket_id(unsigned int lcore_id);
/** Physical core id of lcore_id (-1 as id means the caller); -1 for an id out of range. */
int rte_lcore_to_cpu_id(int lcore_id);
#ifdef RTE_HAS_CPUSET
/** CPUs lcore_id runs on (rte_cpuset_t needs _GNU_SOURCE, as in DPDK). */
rte_cpuset_t rte_lcore_cpuset(unsigned int lcore_id);
#endif
/** 1 if lcore_id is an EAL lcore (ROLE_RTE), else 0. */
int rte_lcore_is_enabled(unsigned int lcore_id);
/** Next enabled lcore after i (skipping the main one if asked), RTE_MAX_LCORE at the end. */
unsigned int rte_get_next_lcore(unsigned int i, int skip_main, int wrap);

/** Loop i over every enabled lcore, main included. */
#define RTE_LCORE_FOREACH(i) \
	for (i = rte_get_next_lcore(-1, 0, 0); i < RTE_MAX_LCORE; i = rte_get_next_lcore(i, 0, 0))
/** Loop i over every enabled lcore except the main one. */
#define RTE_LCORE_FOREACH_WORKER(i) \
	for (i = rte_get_next_lcore(-1, 1, 0); i < RTE_MAX_LCORE; i = rte_get_next_lcore(i, 1, 0))

/** Name a thread (cut to 15 characters); 0 or a negative errno. */
int rte_thread_setname(pthread_t id, const char *name);
/** A thread's name; 0 or a negative errno. */
int rte_thread_getname(pthread_t id, char *name, size_t len);
/**
 * Give the calling non-EAL thread a free lcore id with role ROLE_NON_EAL (for per-lcore caches).
 * 0 (also when the thread has an lcore id already), or -1 with rte_errno: EINVAL before
 * rte_eal_init, ENOMEM when no id is free or an lcore init callback refused it.
 */
int rte_thread_register(void);
/** Give back the lcore id of a non-EAL thread; an EAL thread keeps its own. */
void rte_thread_unregister(void);

/** Called when an lcore comes into use; non-zero refuses it. */
typedef int (*rte_lcore_init_cb)(unsigned int lcore_id, void *arg);
/** Called when an lcore stops being used. */
typedef void (*rte_lcore_uninit_cb)(unsigned int lcore_id, void *arg);
/**
 * Call init for every lcore in use now and for each non-EAL lcore handed out later, uninit when
 * one is given back or the callbacks are unregistered. A handle, or NULL when memory is short or
 * init refused an lcore (the lcores already initialised are then uninitialised).
 */
void *rte_lcore_callback_register(const char *name, rte_lcore_init_cb init,
	rte_lcore_uninit_cb uninit, void *arg);
/** Remove callbacks registered with rte_lcore_callback_register, calling uninit for each lcore. */
void rte_lcore_callback_unregister(void *handle);

/** Called by rte_lcore_iterate for each lcore in use; non-zero stops the walk. */
typedef int (*rte_lcore_iterate_cb)(unsigned int lcore_id, void *arg);
/** Call cb for every lcore in use (EAL and non-EAL); stops at, and returns, a non-zero result. */
int rte_lcore_iterate(rte_lcore_iterate_cb cb, void *arg);

/**
 * Start a control thread: like pthread_create, named name, and running on the CPUs the process
 * had at rte_eal_init minus those of the lcores. 0 or a negative errno.
 */
int rte_ctrl_thread_create(pthread_t *thread, const char *name, const pthread_attr_t *attr,
	void *(*start_routine)(void *), void *arg);
/** Print every lcore in use: role, NUMA node, CPUs. */
void rte_lcore_dump(FILE *f);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LCORE_H_ */
