/* SPDX-License-Identifier: BSD-3-Clause */
/*
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

#ifdef __cplusplus
extern "C" {
#endif

#define LCORE_ID_ANY UINT32_MAX
#define SOCKET_ID_ANY (-1)

typedef cpu_set_t rte_cpuset_t;

RTE_DECLARE_PER_LCORE(unsigned int, _lcore_id);
RTE_DECLARE_PER_LCORE(rte_cpuset_t, _cpuset);

enum rte_lcore_role_t {
	ROLE_RTE,
	ROLE_OFF,
	ROLE_SERVICE,
	ROLE_NON_EAL,
};

/** Id of the calling lcore, or LCORE_ID_ANY for a thread EAL did not create. */
static inline unsigned int
rte_lcore_id(void)
{
	return RTE_PER_LCORE(_lcore_id);
}

enum rte_lcore_role_t rte_eal_lcore_role(unsigned int lcore_id);
int rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role);
unsigned int rte_get_main_lcore(void);
/** Number of enabled lcores (main included). */
unsigned int rte_lcore_count(void);
/** Position of lcore_id among the enabled lcores (-1 if disabled); -1 as id means the caller. */
int rte_lcore_index(int lcore_id);
unsigned int rte_socket_id(void);
unsigned int rte_socket_count(void);
int rte_socket_id_by_idx(unsigned int idx);
unsigned int rte_lcore_to_socket_id(unsigned int lcore_id);
int rte_lcore_to_cpu_id(int lcore_id);
rte_cpuset_t rte_lcore_cpuset(unsigned int lcore_id);
int rte_lcore_is_enabled(unsigned int lcore_id);
/** Next enabled lcore after i (skipping the main one if asked), RTE_MAX_LCORE at the end. */
unsigned int rte_get_next_lcore(unsigned int i, int skip_main, int wrap);

#define RTE_LCORE_FOREACH(i) \
	for (i = rte_get_next_lcore(-1, 0, 0); i < RTE_MAX_LCORE; i = rte_get_next_lcore(i, 0, 0))
#define RTE_LCORE_FOREACH_WORKER(i) \
	for (i = rte_get_next_lcore(-1, 1, 0); i < RTE_MAX_LCORE; i = rte_get_next_lcore(i, 1, 0))

int rte_thread_set_affinity(rte_cpuset_t *cpusetp);
void rte_thread_get_affinity(rte_cpuset_t *cpusetp);
int rte_thread_setname(pthread_t id, const char *name);
int rte_thread_getname(pthread_t id, char *name, size_t len);
/**
 * Give the calling non-EAL thread a free lcore id with role ROLE_NON_EAL (for per-lcore caches).
 * 0 (also when the thread has an lcore id already), or -1 with rte_errno: EINVAL before
 * rte_eal_init, ENOMEM when no id is free or an lcore init callback refused it.
 */
int rte_thread_register(void);
/** Give back the lcore id of a non-EAL thread; an EAL thread keeps its own. */
void rte_thread_unregister(void);

typedef int (*rte_lcore_init_cb)(unsigned int lcore_id, void *arg);
typedef void (*rte_lcore_uninit_cb)(unsigned int lcore_id, void *arg);
/**
 * Call init for every lcore in use now and for each non-EAL lcore handed out later, uninit when
 * one is given back or the callbacks are unregistered. A handle, or NULL when memory is short or
 * init refused an lcore (the lcores already initialised are then uninitialised).
 */
void *rte_lcore_callback_register(const char *name, rte_lcore_init_cb init,
	rte_lcore_uninit_cb uninit, void *arg);
void rte_lcore_callback_unregister(void *handle);

typedef int (*rte_lcore_iterate_cb)(unsigned int lcore_id, void *arg);
/** Call cb for every lcore in use (EAL and non-EAL); stops at, and returns, a non-zero result. */
int rte_lcore_iterate(rte_lcore_iterate_cb cb, void *arg);

/**
 * Start a control thread: like pthread_create, named name, and running on the CPUs the process
 * had at rte_eal_init minus those of the lcores. 0 or a negative errno.
 */
int rte_ctrl_thread_create(pthread_t *thread, const char *name, const pthread_attr_t *attr,
	void *(*start_routine)(void *), void *arg);
void rte_lcore_dump(FILE *f);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LCORE_H_ */
